package main

import (
	"errors"
	"fmt"
)

type code int

func (c code) String() string { return fmt.Sprintf("code-%d", int(c)) }

func helper() interface{} { return recover() }

func nested() {
	defer func() {
		fmt.Println("recovered:", recover())
		fmt.Println("again:", recover())
	}()
	defer func() {
		fmt.Println("helper got:", helper())
	}()
	defer func() {
		panic(errors.New("second"))
	}()
	panic(code(7))
}

func chained() {
	for i := 0; i < 2; i++ {
		defer func(i int) {
			if i == 0 {
				fmt.Println("chained recovered:", recover())
			}
		}(i)
	}
	panic("loop")
}

func main() {
	nested()
	chained()
	fmt.Println("done")
}
