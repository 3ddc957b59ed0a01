package main

import (
	"errors"
	"fmt"
)

var ErrBase = errors.New("base failure")

func load(name string) error {
	return fmt.Errorf("load %s: %w", name, ErrBase)
}

func main() {
	err := load("config")
	fmt.Println(errors.Is(err, ErrBase))
	panic(err)
}
