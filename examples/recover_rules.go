// The recover rules (DESIGN §4.6): recover() returns the panic value only when called directly
// by the deferred function that the panic invoked. Everywhere else it returns nil.
//
// Watch with `gojit run --trace-panics examples/recover_rules.go`: each refused recover is
// narrated ("recover() in main.helper returns nil: not called directly by the deferred
// function"), the accepted one as "recovered by ...", and a second recover of the same panic
// finds it already recovered.
package main

import "fmt"

// helper calls recover one call level too deep: it is not the deferred function itself.
func helper() interface{} { return recover() }

func outsidePanic() {
	fmt.Println("1. no panic running:      recover() =", recover())
}

func inHelper() {
	defer func() {
		fmt.Println("   the deferred function recovers:", recover())
	}()
	defer func() {
		fmt.Println("2. recover in a helper:   helper() =", helper())
	}()
	panic("p2")
}

func nestedDefer() {
	defer func() {
		fmt.Println("   the outer deferred function recovers:", recover())
	}()
	defer func() {
		// This deferred function runs because of the panic; the closure it defers runs when
		// it returns, and is not the function the panic invoked.
		defer func() {
			fmt.Println("3. defer inside a deferred function: recover() =", recover())
		}()
	}()
	panic("p3")
}

func secondCall() {
	defer func() {
		fmt.Println("4. first recover() =", recover())
		fmt.Println("   second recover() =", recover())
	}()
	panic("p4")
}

type T struct{ name string }

// M calls recover directly; `defer t.M()` goes through a wrapper closure that is transparent
// to recover (Go's wrapper rule), so this recovers.
func (t T) M() {
	fmt.Println("5. recover() directly in", t.name+".M via defer t.M():", recover())
}

func (t *T) PM() {
	fmt.Println("recover() directly in (*T).PM of", t.name+":", recover())
}

func viaMethod() {
	t := T{"T"}
	defer t.M()
	panic("p5")
}

func viaPointerMethod() {
	t := &T{"T"}
	defer t.PM()
	panic("p6")
}

// viaFuncValue: `defer f()` with a func value calls recover directly too.
func viaFuncValue() {
	f := func() { fmt.Println("7. recover() in a deferred func value:", recover()) }
	defer f()
	panic("p7")
}

type Recoverer interface{ PM() }

// viaInterface: `defer i.PM()` through an interface value; the wrapper is transparent too.
func viaInterface() {
	var i Recoverer = &T{"iface"}
	defer i.PM()
	panic("p9")
}

// afterReturn: once the deferred function recovered, the function returns normally to its
// caller with the current values of its named results (n was set before the panic).
func afterReturn() (n int) {
	defer func() { recover() }()
	n = 7
	panic("p8")
}

func main() {
	outsidePanic()
	inHelper()
	nestedDefer()
	secondCall()
	viaMethod()
	fmt.Print("6. defer t.PM(): ")
	viaPointerMethod()
	viaFuncValue()
	fmt.Println("8. afterReturn() =", afterReturn(), "(n was set before the panic)")
	fmt.Print("9. defer i.PM() through an interface: ")
	viaInterface()
	fmt.Println("done")
}
