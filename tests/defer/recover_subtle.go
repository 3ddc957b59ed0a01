package main

import (
	"errors"
	"fmt"
)

type Guard struct{ name string }

func (g *Guard) Recover() {
	if r := recover(); r != nil {
		fmt.Println(g.name, "method recovered:", r)
	}
}

type Recoverer interface{ Recover() }

func outer(label string, f func()) {
	defer func() {
		fmt.Println(label, "-> outer sees:", recover())
	}()
	f()
}

// defer recover() calls recover directly as the deferred function, not from inside one,
// so it does not stop the panic.
func directDeferRecover() {
	defer recover()
	panic("direct defer recover")
}

// A deferred method value recovers: Recover is the deferred function itself.
func deferredMethod() {
	g := &Guard{"guard"}
	defer g.Recover()
	panic("method")
}

// Through an interface the call is still the deferred function's.
func deferredInterfaceMethod() {
	var r Recoverer = &Guard{"iface"}
	defer r.Recover()
	panic("interface method")
}

// Arguments to a deferred call are evaluated at the defer statement; a panic there happens
// before the defer is registered.
func panicInDeferArgs() {
	s := []int{1}
	i := 3
	defer fmt.Println("registered before", len(s))
	defer fmt.Println("never registered", s[i])
	fmt.Println("not reached")
}

// Unnamed results come back as zero values after a recovery.
func zeroResults() (int, string, error) {
	defer func() { recover() }()
	panic("zeroes")
}

// A recovered panic followed by a new panic in the same deferred function.
func recoverThenPanic() {
	defer func() {
		r := recover()
		panic(fmt.Sprint("re-raised: ", r))
	}()
	panic("original")
}

// Recovering twice: the second recover returns nil.
func doubleRecover() {
	defer func() {
		fmt.Println("first:", recover(), "second:", recover())
	}()
	panic("once")
}

// Nine defers (more than open-coding allows) all run, in reverse order, during a panic.
func nineDefers() {
	defer fmt.Print("1\n")
	defer fmt.Print("2 ")
	defer fmt.Print("3 ")
	defer fmt.Print("4 ")
	defer fmt.Print("5 ")
	defer fmt.Print("6 ")
	defer fmt.Print("7 ")
	defer fmt.Print("8 ")
	defer fmt.Print("9 ")
	panic("nine")
}

var ErrSentinel = errors.New("sentinel")

func wrapRecovered() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("wrapped: %w", r.(error))
		}
	}()
	panic(ErrSentinel)
}

func main() {
	outer("directDeferRecover", directDeferRecover)
	outer("deferredMethod", deferredMethod)
	outer("deferredInterfaceMethod", deferredInterfaceMethod)
	outer("panicInDeferArgs", panicInDeferArgs)
	outer("zeroResults", func() { fmt.Println(zeroResults()) })
	outer("recoverThenPanic", recoverThenPanic)
	outer("doubleRecover", doubleRecover)
	outer("nineDefers", nineDefers)
	err := wrapRecovered()
	fmt.Println(err, errors.Is(err, ErrSentinel))
	fmt.Println("recover outside panic:", recover())
}
