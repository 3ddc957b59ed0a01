package main

// Liveness of a frame whose deferred calls a panic runs (gc uses the frame's deferreturn map,
// not the map at the faulting instruction): a pointer dead at the nil dereference (or at the
// call whose callee panicked) does not keep its object alive while the deferred calls run, so
// its finalizer runs; a pointer the deferred closure or the code after recovery still uses
// stays alive and intact (a finalizer run then would be a use after free).
// Expected output from Go 1.27.3.

import (
	"fmt"
	"runtime"
)

type Obj [16]int64

const fill int64 = 0x5a5a5a5a5a5a5a5a

func newObj(done chan string, name string) *Obj {
	o := new(Obj)
	for i := range o {
		o[i] = fill
	}
	runtime.SetFinalizer(o, func(*Obj) { done <- name })
	return o
}

func (o *Obj) ok() bool {
	for _, v := range o {
		if v != fill {
			return false
		}
	}
	return true
}

var sink *int

// deadAtFault: o is dead once checked; the frame faults with a deferred call pending.
func deadAtFault(o *Obj) {
	if !o.ok() {
		fmt.Println("deadAtFault: bad contents")
	}
	defer func() {
		runtime.GC()
		fmt.Println("deadAtFault: finalized", <-chA)
		fmt.Println("deadAtFault: recovered", recover() != nil)
	}()
	*sink = 1
}

func boom() { panic("boom") }

// deadAtPanickingCall: o is dead at the call whose callee panics.
func deadAtPanickingCall(o *Obj) {
	if !o.ok() {
		fmt.Println("deadAtPanickingCall: bad contents")
	}
	defer func() {
		runtime.GC()
		fmt.Println("deadAtPanickingCall: finalized", <-chB)
		fmt.Println("deadAtPanickingCall: recovered", recover())
	}()
	boom()
}

// usedByDefer: the deferred closure uses o after the collections.
func usedByDefer(o *Obj) {
	defer func() {
		recover()
		runtime.GC()
		runtime.GC()
		select {
		case n := <-chC:
			fmt.Println("usedByDefer: finalized too early:", n)
		default:
		}
		fmt.Println("usedByDefer: contents ok", o.ok())
	}()
	*sink = 1
}

// usedAfterRecover: o is used after the frame recovers (the result is computed from it).
func usedAfterRecover(o *Obj) (r bool) {
	defer func() {
		recover()
		runtime.GC()
		runtime.GC()
		select {
		case n := <-chD:
			fmt.Println("usedAfterRecover: finalized too early:", n)
		default:
		}
	}()
	r = true
	keep := o
	defer func() { r = r && keep.ok() }()
	*sink = 1
	return
}

// nested: a deferred call panics again; the older frame's dead pointer is still dead.
func nested(o *Obj) {
	if !o.ok() {
		fmt.Println("nested: bad contents")
	}
	defer func() {
		runtime.GC()
		fmt.Println("nested: finalized", <-chE)
		fmt.Println("nested: recovered", recover())
	}()
	defer func() {
		panic("second")
	}()
	*sink = 1
}

// One channel per object: a finalizer that runs later (once its object is dead after the
// function returns) does not reach another check.
var chA, chB, chC, chD, chE = make(chan string, 1), make(chan string, 1), make(chan string, 1), make(chan string, 1), make(chan string, 1)

func main() {
	deadAtFault(newObj(chA, "a"))
	deadAtPanickingCall(newObj(chB, "b"))
	usedByDefer(newObj(chC, "c"))
	fmt.Println("usedAfterRecover:", usedAfterRecover(newObj(chD, "d")))
	nested(newObj(chE, "e"))
	fmt.Println("end")
}
