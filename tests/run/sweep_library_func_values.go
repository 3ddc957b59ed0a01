// Library functions used as values (p := fmt.Println; p("x")) are static closures of wrappers
// making the library call: the value was a nil closure and calling it crashed. Covers fmt,
// strings, strconv, errors and os (os.Exit ends the program without running defers), and a
// strings.Builder method value. Expected output from Go 1.27.3.
package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func fmter() (string, int, string) { return "%#x %q", 100, "hello" }

func main() {
	p := fmt.Println
	p("x", 1)
	pf := fmt.Printf
	pf("%d|%s\n", 3, "y")
	sp := fmt.Sprintf
	fmt.Println(sp("%03d", 5))
	fmt.Println(fmt.Sprintf(fmter()))
	up := strings.ToUpper
	fmt.Println(up("abc"))
	fs := []func(string, string) bool{strings.HasPrefix, strings.Contains, strings.HasSuffix}
	for _, f := range fs {
		fmt.Print(f("golang", "go"), " ")
	}
	fmt.Println()
	rep := strings.Repeat
	fmt.Println(rep("ab", 3))
	split := strings.Split
	fmt.Println(len(split("a,b,c", ",")))
	atoi := strconv.Atoi
	v, e := atoi("123")
	fmt.Println(v, e)
	_, e = atoi("x")
	fmt.Println(e)
	itoa := strconv.Itoa
	fmt.Println(itoa(-9))
	en := errors.New
	e1 := en("boom")
	wrapped := fmt.Errorf("wrap: %w", e1)
	is := errors.Is
	unwrap := errors.Unwrap
	fmt.Println(is(wrapped, e1), unwrap(wrapped) == e1)
	var sb strings.Builder
	ws := sb.WriteString
	ws("built")
	fmt.Println(sb.String())
	jn := strings.Join
	fmt.Println(jn([]string{"a", "b"}, "+"))
	fields := strings.Fields
	fmt.Println(fields(" a b  c "))
	spn := fmt.Sprintln
	fmt.Print(spn("s", 1))
	ex := os.Exit
	defer fmt.Println("not printed")
	ex(3)

}
