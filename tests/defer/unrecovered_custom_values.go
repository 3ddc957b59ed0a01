package main

import (
	"errors"
	"fmt"
	"os"
)

type Code int

type Msg string

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f degrees", float64(t)) }

func try(v interface{}) {
	defer func() {
		r := recover()
		fmt.Printf("recovered %v (%T)\n", r, r)
	}()
	panic(v)
}

func main() {
	try(Code(7))
	try(Msg("hello"))
	try(Temp(36.6))
	try(fmt.Errorf("wrapped: %w", errors.New("inner")))
	fmt.Fprintln(os.Stderr, "now panicking for real")
	panic(Code(42))
}
