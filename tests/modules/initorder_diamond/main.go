// Package initialisation across a diamond of packages as Go 1.21+ orders it (packages sorted by
// import path, each after its dependencies), variables initialised from other packages'
// variables, an internal package, and unexported methods of the same name in two packages,
// also through interfaces and reflect. Expectations from Go 1.27.3.
package main

import (
	"fmt"
	"reflect"

	"example.com/initorder_diamond/beta"
	"example.com/initorder_diamond/alpha"
	"example.com/initorder_diamond/cfg"
	"example.com/initorder_diamond/internal/reg"
	"example.com/initorder_diamond/zlib"
)

var mainSeq = reg.Add("main.mainSeq")

func init() { reg.Add("main.init") }

type labeler interface{ Label() string }

func main() {
	fmt.Println(reg.Log)
	fmt.Println(cfg.Name, alpha.Doubled, beta.Sum, mainSeq)
	items := []labeler{alpha.Make("x"), zlib.NewItem(3)}
	for _, it := range items {
		fmt.Printf("%T %s\n", it, it.Label())
		m := reflect.ValueOf(it).MethodByName("Label")
		fmt.Println(" via reflect:", m.Call(nil)[0].String(), reflect.TypeOf(it).NumMethod())
	}
}
