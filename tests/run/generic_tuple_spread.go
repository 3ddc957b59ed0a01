// A multi-value call spread into a generic function's parameters (types2's genericExprList):
// the results take part in inference. Expected output from Go 1.27.3 (`go run`).
package main

import (
	"errors"
	"fmt"
	"strconv"
)

func try[T any](v T, err error) T {
	if err != nil {
		return v
	}
	return v
}

func pair[K comparable, V any](k K, v V) map[K]V { return map[K]V{k: v} }

func two() (string, []int) { return "a", []int{1, 2} }

func vari[T any](xs ...T) int { return len(xs) }

func three() (int, int, int) { return 1, 2, 3 }

func fipsError2[T any](x T, err error) (T, error) {
	if err != nil {
		return x, errors.New("wrapped: " + err.Error())
	}
	return x, nil
}

func main() {
	fmt.Println(try(strconv.Atoi("42")))
	fmt.Println(pair(two()))
	fmt.Println(vari(three()))
	v, err := fipsError2(strconv.Atoi("x"))
	fmt.Println(v, err)
	n := try(fmt.Print(""))
	fmt.Println(n)
}
