package main

import "fmt"

type Color int

const (
	Red Color = iota
	Green
	Blue
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
	TB
)

const (
	A, B = iota, iota * 10
	C, D
	E, F
)

const (
	FlagRead = 1 << iota
	FlagWrite
	_
	FlagExec
)

const (
	x0 = "s"
	x1
	x2 = iota
	x3
)

type Level uint8

const (
	Debug Level = iota + 1
	Info
	Warn = Info * 10
	Error
)

func (c Color) String() string {
	switch c {
	case Red:
		return "Red"
	case Green:
		return "Green"
	case Blue:
		return "Blue"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

func main() {
	fmt.Println(Red, Green, Blue, Color(7))
	fmt.Println(KB, MB, GB, TB)
	fmt.Println(A, B, C, D, E, F)
	fmt.Println(FlagRead, FlagWrite, FlagExec, FlagRead|FlagExec)
	fmt.Println(x0, x1, x2, x3)
	fmt.Println(Debug, Info, Warn, Error)
	fmt.Printf("%d %v %T\n", Blue, Blue, Blue)
}
