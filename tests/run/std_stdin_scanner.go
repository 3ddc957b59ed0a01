// bufio.Scanner over os.Stdin (GOROOT's os, internal/poll): lines and their words;
// standard input is std_stdin_scanner.in. Expected output: Go 1.27.3 (tests/regen.sh).
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	lines, words := 0, 0
	longest := ""
	for sc.Scan() {
		line := sc.Text()
		lines++
		for _, w := range strings.Fields(line) {
			words++
			if len(w) > len(longest) {
				longest = w
			}
		}
		fmt.Printf("%d: %q\n", lines, line)
	}
	fmt.Println(lines, words, longest, sc.Err())
	n, err := os.Stdin.Read(make([]byte, 8))
	fmt.Println(n, err)
}
