// Word frequencies with sorted output: strings package, maps, slices of structs, a hand-written
// sort, and fmt's sorted map printing.
package main

import (
	"fmt"
	"strings"
)

const poem = `Tyger Tyger, burning bright,
In the forests of the night;
What immortal hand or eye,
Could frame thy fearful symmetry?

In what distant deeps or skies.
Burnt the fire of thine eyes?
On what wings dare he aspire?
What the hand, dare seize the fire?`

type entry struct {
	word  string
	count int
}

func words(text string) []string {
	var sb strings.Builder
	for _, r := range strings.ToLower(text) {
		if r >= 'a' && r <= 'z' || r == '\'' {
			sb.WriteRune(r)
		} else {
			sb.WriteByte(' ')
		}
	}
	return strings.Fields(sb.String())
}

func main() {
	ws := words(poem)
	freq := map[string]int{}
	for _, w := range ws {
		freq[w]++
	}
	var list []entry
	for w, c := range freq {
		list = append(list, entry{w, c})
	}
	for i := 1; i < len(list); i++ {
		for j := i; j > 0; j-- {
			a, b := list[j-1], list[j]
			if b.count > a.count || b.count == a.count && b.word < a.word {
				list[j-1], list[j] = b, a
			}
		}
	}
	lines := strings.Split(poem, "\n")
	fmt.Printf("%d lines, %d words, %d distinct\n", len(lines), len(ws), len(freq))
	for _, e := range list[:8] {
		fmt.Printf("%-8s %2d %s\n", e.word, e.count, strings.Repeat("#", e.count))
	}
	long := map[int][]string{}
	for w := range freq {
		if len(w) >= 8 {
			long[len(w)] = append(long[len(w)], w)
		}
	}
	for _, ws := range long {
		for i := 1; i < len(ws); i++ {
			for j := i; j > 0 && ws[j] < ws[j-1]; j-- {
				ws[j], ws[j-1] = ws[j-1], ws[j]
			}
		}
	}
	fmt.Println("long words by length:", long)
	fmt.Printf("%q\n", strings.TrimSpace(strings.ToUpper(lines[0])))
}
