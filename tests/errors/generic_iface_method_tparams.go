package main

type I interface{ m[P any]() }

func main() {}
