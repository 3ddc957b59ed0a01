package main

import "fmt"

type State struct{ Name string }

func (s State) String() string { return "State<" + s.Name + ">" }

func main() {
	defer fmt.Println("defer runs")
	panic(State{"broken"})
}
