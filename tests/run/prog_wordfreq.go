package main

import (
	"fmt"
	"strings"
)

const text = `The quick brown fox jumps over the lazy dog. The dog sleeps;
the fox runs! A quick, quick fox -- and THE end.`

type wc struct {
	word  string
	count int
}

func main() {
	var sb strings.Builder
	for _, r := range text {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == ' ' || r == '\n' {
			sb.WriteRune(r)
		} else {
			sb.WriteRune(' ')
		}
	}
	clean := sb.String()
	words := strings.Fields(strings.ToLower(clean))
	freq := map[string]int{}
	for _, w := range words {
		freq[w]++
	}
	list := make([]wc, 0, len(freq))
	for w, c := range freq {
		list = append(list, wc{w, c})
	}
	// insertion sort: count desc, word asc
	for i := 1; i < len(list); i++ {
		for j := i; j > 0; j-- {
			a, b := list[j-1], list[j]
			if a.count < b.count || a.count == b.count && a.word > b.word {
				list[j-1], list[j] = b, a
			} else {
				break
			}
		}
	}
	fmt.Println("words:", len(words), "distinct:", len(freq))
	for i, e := range list {
		if i >= 6 {
			break
		}
		fmt.Printf("%2d. %-6s %d %s\n", i+1, e.word, e.count, strings.Repeat("*", e.count))
	}
	fmt.Println(freq)
}
