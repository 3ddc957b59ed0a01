// Type parameter lists whose first constraint starts with `*` or `(`: gc (extractName) takes
// `[T *A | string, V ...]` and `[T *struct{...}]` as type parameters (a comma follows, or the
// operand is a type literal), as crypto/x509 declares nameConstraintsSet; `[N * M]` stays an
// array length. Expected output from Go 1.27.3 (go run).
package main

import "fmt"

type A struct{ x int }

type Set[T *A | string, V int | string] struct {
	set []T
	v   V
}

type PS[T *struct{ x int }] struct{ p T }

type PL[T *[]int | *[2]int] []T

const N, M = 2, 3

type Arr [N * M]int

type Arr2 [N*M + (N)]int

func main() {
	s := Set[string, int]{set: []string{"a"}}
	a := Set[*A, string]{set: []*A{{x: 7}}, v: "v"}
	fmt.Println(s.set, s.v, a.set[0].x, a.v)
	ps := PS[*struct{ x int }]{&struct{ x int }{5}}
	fmt.Println(ps.p.x, len(PL[*[]int]{nil, nil}))
	fmt.Println(len(Arr{}), len(Arr2{}))
}
