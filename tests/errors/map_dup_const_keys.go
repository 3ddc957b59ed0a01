// Duplicate constant map keys: typed per dynamic type for interface keys, printed by value; expectation from go build (Go 1.27.3).
package main
func main() {
	_ = map[any]int{1: 1, 1.0: 2, 2: 3, 2: 4}
	_ = map[float64]int{1: 1, 1.0: 2}
	_ = map[string]int{"a": 1, "a": 2}
	_ = map[complex128]int{1i: 1, complex(0, 1): 2}
}
