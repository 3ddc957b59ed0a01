package main

// An import path must be a string literal (go/parser's message).

import 42
import "fmt"

func main() { fmt.Println() }
