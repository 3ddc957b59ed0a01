// More than two range variables is the checker's error at the third (types2), after the
// one-variable rule for channels; messages from Go 1.27.3.
package main

func main() {
	var i, j, k int
	s := []int{1}
	c := make(chan int)
	for i, j, k = range s {
	}
	for i, j = range c {
	}
	for i, j, k = range c {
	}
	for a, b, d := range s {
		_, _ = a, b
	}
	_, _, _ = i, j, k
}
