// errors from GOROOT with the runtime's own error values: errors.Is/As/Join/Unwrap on errors
// recovered from runtime panics (their descriptors are the runtime facade's), wrapped with %w.
// Expected output: Go 1.27.3 (go run).
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
)

type myErr struct{ code int }

func (e *myErr) Error() string { return fmt.Sprint("myErr ", e.code) }

func catch(f func()) (err error) {
	defer func() {
		r := recover()
		err, _ = r.(error)
		if err == nil {
			err = fmt.Errorf("not an error: %v", r)
		}
	}()
	f()
	return nil
}

var sentinel = errors.New("sentinel")

func describe(name string, err error) {
	var re runtime.Error
	var te *runtime.TypeAssertionError
	var pe *runtime.PanicNilError
	var me *myErr
	fmt.Printf("%s: %v\n", name, err)
	fmt.Printf("  %%T=%T As(runtime.Error)=%v As(*TypeAssertionError)=%v As(*PanicNilError)=%v As(*myErr)=%v\n",
		err, errors.As(err, &re), errors.As(err, &te), errors.As(err, &pe), errors.As(err, &me))
	if re != nil {
		fmt.Printf("  runtime.Error: %v\n", re.Error())
	}
	_, isRT := err.(runtime.Error)
	fmt.Println("  direct runtime.Error:", isRT, "Is(sentinel):", errors.Is(err, sentinel), "Unwrap nil:", errors.Unwrap(err) == nil)
}

func main() {
	var a []int
	var m map[string]int
	var p *myErr
	var i any = "str"
	zero := 0
	errs := []struct {
		name string
		err  error
	}{
		{"index", catch(func() { _ = a[3] })},
		{"slice", catch(func() { _ = a[1:zero] })},
		{"nil map", catch(func() { m["x"] = 1 })},
		{"nil deref", catch(func() { _ = p.code })},
		{"divide", catch(func() { _ = 1 / zero })},
		{"assert", catch(func() { _ = i.(int) })},
		{"assert iface", catch(func() { _ = i.(fmt.Stringer) })},
		{"panic nil", catch(func() { panic(nil) })},
		{"custom", catch(func() { panic(&myErr{7}) })},
	}
	for _, e := range errs {
		describe(e.name, e.err)
	}

	// wrapping runtime errors
	w := fmt.Errorf("wrapped: %w", errs[0].err)
	describe("wrapped index", w)
	fmt.Println("Is(w, index err):", errors.Is(w, errs[0].err), "Unwrap == index err:", errors.Unwrap(w) == errs[0].err)
	j := errors.Join(sentinel, errs[5].err, nil, &myErr{3})
	describe("joined", j)
	fmt.Println("Join(nil, nil) == nil:", errors.Join(nil, nil) == nil)

	// errors.Is with a comparable runtime error value; errors from the os package
	_, err := os.Open("/nonexistent/file")
	fmt.Println(err, errors.Is(err, fs.ErrNotExist), errors.Is(err, os.ErrNotExist))
	var pathErr *fs.PathError
	fmt.Println(errors.As(err, &pathErr), pathErr.Op, pathErr.Path)
	fmt.Println(errors.Is(errors.ErrUnsupported, errors.ErrUnsupported))

	// a type switch on recovered values
	for _, e := range errs {
		switch v := e.err.(type) {
		case *runtime.TypeAssertionError:
			fmt.Println("switch TypeAssertionError:", v)
		case runtime.Error:
			fmt.Println("switch runtime.Error:", v)
		default:
			fmt.Println("switch other:", v)
		}
	}
}
