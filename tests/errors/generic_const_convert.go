// A constant converted to a type parameter must be representable by every term of its type set
// (types2's constConvertibleTo); messages from Go 1.27.3 (go vet).
package main

func f[T ~int | ~float64]() T { return T(3.14) }

func g[T ~int8 | ~int16]() T { return T(300) }

func h[T ~int8 | ~string]() T { return T(int(7)) + T("a") }

func k[T any]() T { return T(1) }

func main() { _, _, _, _ = f[int], g[int16], h[int8], k[int] }
