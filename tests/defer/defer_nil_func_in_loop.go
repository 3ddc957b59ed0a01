// Found by the panic_paths campaign (seed 23, --no-method-values): a deferred nil func in a loop
// (chained defer) must panic with a nil dereference when the deferred call runs, and the other
// deferred calls must still run (and may recover it). gojit silently drops the nil call and every
// remaining chained defer of the frame: it prints only "body done" and "end".
package main

import "fmt"

func rec(tag string, i int) { fmt.Println(tag, i, recover()) }

func f() {
	for i := 0; i < 2; i++ {
		defer rec("rec", i)
		var nf func()
		defer nf()
	}
	fmt.Println("body done")
}

func main() {
	f()
	fmt.Println("end")
}
