package main

// gojit's own limitation (no gc reference): fmt.Fprint* write only to os.Stdout and os.Stderr;
// other writers are rejected at compile time rather than silently dropping the output.

import (
	"fmt"
	"strings"
)

func main() {
	var sb strings.Builder
	fmt.Fprintf(&sb, "[%d]", 1)
	fmt.Println(sb.String())
}
