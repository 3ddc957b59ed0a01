// `var v, ok = m[k]` and `var x, ok = i.(T)` (package level and local) are comma-ok forms with
// two values; the checker counted one value and rejected valid code with "assignment mismatch: 2
// variables but 1 value" (gosweep fixedbugs/bug227.go, bug244.go, bug291.go, issue53619.go,
// issue5607.go). Expected output from Go 1.27.3.
package main

import "fmt"

type T struct{ n int }

var m = map[string]string{"a": "A"}
var a, aok = m["a"]
var b, bok = m["b"]
var t = &T{42}
var i interface{} = t
var tt, tok = i.(*T)
var s, sok = i.(fmt.Stringer)
var x, y any = any(nil).(bool)

func main() {
	fmt.Println(a, aok, b == "", bok)
	fmt.Println(tt.n, tok, s == nil, sok, x, y)
	var lv, lok = m["a"]
	var _, lok2 = m["zz"]
	var n, nok = i.(*T)
	var e, eok interface{} = i.(*T)
	fmt.Println(lv, lok, lok2, n.n, nok, e.(*T).n, eok)
	f := func() {
		var _, v = m["a"]
		fmt.Println(v)
	}
	f()
}
