// errors.Join, Is/As through joined and multiply-wrapped (%w twice) errors, custom Is and As
// methods, errors.ErrUnsupported, Unwrap() []error, and how fmt prints them (expected output from
// Go 1.27.3's go run).
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
)

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

type Temporary struct{ Code int }

func (t Temporary) Error() string { return "temporary " + strconv.Itoa(t.Code) }
func (t Temporary) Is(target error) bool {
	o, ok := target.(Temporary)
	return ok && (o.Code == 0 || o.Code == t.Code)
}

type Wrapped struct {
	msg string
	err error
}

func (w *Wrapped) Error() string { return w.msg + ": " + w.err.Error() }
func (w *Wrapped) Unwrap() error { return w.err }

type AsCode struct{ n int }

func (a AsCode) Error() string { return "ascode" }
func (a AsCode) As(target any) bool {
	if p, ok := target.(*Temporary); ok {
		p.Code = a.n
		return true
	}
	return false
}

func main() {
	e1 := errors.New("first")
	e2 := &NotFound{"k1"}
	j := errors.Join(e1, nil, e2)
	fmt.Println(j)
	fmt.Printf("%q %v\n", j.Error(), errors.Join(nil, nil) == nil)
	fmt.Println(errors.Is(j, e1), errors.Is(j, io.EOF))
	var nf *NotFound
	fmt.Println(errors.As(j, &nf), nf.Key)
	if u, ok := j.(interface{ Unwrap() []error }); ok {
		fmt.Println(len(u.Unwrap()), u.Unwrap()[1])
	}

	w := fmt.Errorf("ctx %d: %w and %w", 3, io.EOF, Temporary{5})
	fmt.Println(w)
	fmt.Println(errors.Is(w, io.EOF), errors.Is(w, Temporary{}), errors.Is(w, Temporary{5}), errors.Is(w, Temporary{6}))
	fmt.Println(errors.Unwrap(w) == nil)
	var tmp Temporary
	fmt.Println(errors.As(w, &tmp), tmp.Code)

	deep := &Wrapped{"outer", fmt.Errorf("mid: %w", errors.Join(&Wrapped{"inner", e2}, AsCode{42}))}
	fmt.Println(deep)
	var code Temporary
	fmt.Println(errors.As(deep, &code), code.Code)
	fmt.Println(errors.As(deep, &nf), nf == e2, errors.Is(deep, e2))

	_, err := os.Open("/nonexistent/file.txt")
	fmt.Println(err)
	fmt.Println(errors.Is(err, fs.ErrNotExist), errors.Is(err, os.ErrNotExist), errors.Is(err, errors.ErrUnsupported))
	var pe *fs.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, pe.Path)
	fmt.Printf("%v|%s|%+v|%#v\n", e1, e2, Temporary{1}, errors.New("x") == errors.New("x"))
	fmt.Printf("%v\n", fmt.Errorf("no wrap %d", 1))
	fmt.Printf("%v\n", fmt.Errorf("bad verb %w", "notanerror"))
	fmt.Println(errors.Unwrap(fmt.Errorf("one %w", e1)) == e1)
	_, err = strconv.Atoi("12a")
	fmt.Println(err, errors.Is(err, strconv.ErrSyntax))
}
