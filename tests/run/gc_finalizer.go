// Issue 12: finalizers as gc runs them: on their own goroutine after a collection finds the object
// unreachable; not for reachable objects or removed finalizers; interface parameters; a chain is
// finalized one link per collection; a resurrected object stays usable.
// Expected output from Go 1.27.3.
package main

import (
	"fmt"
	"runtime"
	"slices"
)

type T struct {
	id   int
	next *T
	pad  [4]int
}

func (t *T) String() string { return fmt.Sprintf("T%d", t.id) }

var ran []string
var kept *T
var live *T

func waitFor(n int) {
	for i := 0; i < 100000 && len(ran) < n; i++ {
		runtime.Gosched()
	}
}

//go:noinline
func plain(n int) {
	for i := 0; i < n; i++ {
		t := &T{id: i}
		runtime.SetFinalizer(t, func(t *T) { ran = append(ran, fmt.Sprint("plain ", t.id)) })
	}
}

//go:noinline
func removed() {
	t := &T{id: 100}
	runtime.SetFinalizer(t, func(t *T) { ran = append(ran, "removed ran") })
	runtime.SetFinalizer(t, nil)
}

//go:noinline
func viaInterfaces() {
	a := &T{id: 200}
	runtime.SetFinalizer(a, func(x any) { ran = append(ran, fmt.Sprintf("any %T %v", x, x)) })
	b := &T{id: 201}
	runtime.SetFinalizer(b, func(s fmt.Stringer) { ran = append(ran, "stringer "+s.String()) })
	c := &T{id: 202}
	runtime.SetFinalizer(c, func(t *T) int { ran = append(ran, "result "+t.String()); return 7 })
}

//go:noinline
func chain() {
	a := &T{id: 300}
	b := &T{id: 301}
	a.next = b
	runtime.SetFinalizer(a, func(t *T) { ran = append(ran, fmt.Sprint("chain ", t.id, " next ", t.next.id)) })
	runtime.SetFinalizer(b, func(t *T) { ran = append(ran, fmt.Sprint("chain ", t.id)) })
}

//go:noinline
func resurrect() {
	t := &T{id: 400, pad: [4]int{1, 2, 3, 4}}
	runtime.SetFinalizer(t, func(t *T) { kept = t; ran = append(ran, "resurrected") })
}

func report(what string) {
	slices.Sort(ran)
	fmt.Println(what, len(ran))
	for _, r := range ran {
		fmt.Println("  ", r)
	}
	ran = nil
}

func main() {
	live = &T{id: 1000}
	runtime.SetFinalizer(live, func(t *T) { ran = append(ran, "live ran") })

	plain(5)
	runtime.GC()
	waitFor(5)
	report("plain")

	removed()
	runtime.GC()
	runtime.GC()
	waitFor(1)
	report("removed")

	viaInterfaces()
	runtime.GC()
	waitFor(3)
	report("interfaces")

	chain()
	runtime.GC()
	waitFor(1)
	report("chain first")
	runtime.GC()
	waitFor(1)
	report("chain second")

	resurrect()
	runtime.GC()
	waitFor(1)
	report("resurrect")
	runtime.GC()
	runtime.GC()
	fmt.Println(kept.id, kept.pad)

	runtime.KeepAlive(live)
	fmt.Println("live", live.id)
}
