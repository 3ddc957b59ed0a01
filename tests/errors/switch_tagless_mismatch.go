// Tagless switch cases that do not compare with true: a defined boolean type, an interface bool
// does not implement, an untyped non-bool constant. Expected from Go 1.27.3.
package main

type B bool

func main() {
	var e error
	switch {
	case B(true):
	case e:
	case 1:
	}
}
