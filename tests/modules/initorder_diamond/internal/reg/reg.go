// Package reg records the order in which the module's packages initialise.
package reg

import "fmt"

var Log []string

func Add(s string) int {
	Log = append(Log, s)
	fmt.Println("init:", s)
	return len(Log)
}
