package main

import (
	"errors"
	"fmt"
	"runtime"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			if re, ok := r.(runtime.Error); ok {
				err = fmt.Errorf("recovered: %w", re)
			} else {
				err = fmt.Errorf("recovered non-runtime: %v", r)
			}
			q = -1
		}
	}()
	if b == 42 {
		panic("forty-two is not allowed")
	}
	return a / b, nil
}

func main() {
	for _, b := range []int{3, 0, 42, -2} {
		q, err := safeDiv(17, b)
		fmt.Printf("17/%d -> q=%d err=%v\n", b, q, err)
		var re runtime.Error
		if errors.As(err, &re) {
			fmt.Println("  runtime error:", re.Error())
		}
	}
}
