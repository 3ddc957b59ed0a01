package main

// A generic alias cannot denote its own type parameter, nor refer to itself.

type A[P any] = P

type B[T any] = []B[T]

func main() {}
