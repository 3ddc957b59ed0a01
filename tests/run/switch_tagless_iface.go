// A tagless switch compares each case with true: an interface-typed case by Go equality
// (switch.go's issue 3980 case). Expected output from Go 1.27.3.
package main

import "fmt"

type B bool

func main() {
	for _, v := range []any{true, false, 1, nil} {
		switch i := v; {
		case i:
			fmt.Println("true case", v)
		case false:
			fmt.Println("false const", v)
		}
	}
	var e error
	switch {
	case e == nil:
		fmt.Println("nil error")
	}
}
