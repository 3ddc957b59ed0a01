package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")
var ErrPermission = errors.New("permission denied")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

type CodeErr struct{ Code int }

func (c CodeErr) Error() string { return fmt.Sprintf("code %d", c.Code) }

func find(key string) error {
	switch key {
	case "missing":
		return fmt.Errorf("find %q: %w", key, ErrNotFound)
	case "locked":
		return &QueryError{"select " + key, ErrPermission}
	case "deep":
		return fmt.Errorf("layer2: %w", fmt.Errorf("layer1: %w", CodeErr{42}))
	case "plain":
		return fmt.Errorf("plain %v", ErrNotFound)
	}
	return nil
}

func main() {
	for _, k := range []string{"ok", "missing", "locked", "deep", "plain"} {
		err := find(k)
		fmt.Printf("%-8s err=%v\n", k, err)
		fmt.Println("   is NotFound:", errors.Is(err, ErrNotFound), "is Permission:", errors.Is(err, ErrPermission))
		var qe *QueryError
		if errors.As(err, &qe) {
			fmt.Println("   as QueryError:", qe.Query)
		}
		var ce CodeErr
		if errors.As(err, &ce) {
			fmt.Println("   as CodeErr:", ce.Code)
		}
		if u := errors.Unwrap(err); u != nil {
			fmt.Println("   unwrap:", u)
		}
	}
	e1 := errors.New("same")
	e2 := errors.New("same")
	fmt.Println(errors.Is(e1, e2), errors.Is(e1, e1), errors.Is(nil, nil), errors.Is(nil, e1))
	fmt.Println(errors.Unwrap(e1) == nil)
	wrapped := fmt.Errorf("ctx: %w", e1)
	fmt.Println(errors.Unwrap(wrapped) == e1, wrapped)
	fmt.Printf("%v|%s|%q\n", wrapped, wrapped, wrapped)
	var target error = ErrNotFound
	fmt.Println(target == ErrNotFound)
}
