package main

// %q, %+q and %#U escape exactly what Go's strconv.IsPrint rejects (Go's own Unicode 17
// tables): unassigned code points, private use, format characters, non-ASCII spaces (issue 8 §5).
// Expected output: go run (Go 1.27.3).
import "fmt"

func main() {
	runes := []rune{'a', 'é', 'Ⅻ', '²', '\u00a0', '\u00ad', '\u200b', '\u2028', '\u3000', '\ue000',
		'\U000f0000', '\u0378', '\u0890', '\U0001fae9', '\U0010ffff', '\ufeff', '\u061c', 0x1F6DC}
	for _, r := range runes {
		fmt.Printf("%q %+q %#U %q\n", r, r, r, string(r))
	}
	fmt.Printf("%q\n", "tab\there\u00a0nbsp\u0378unassigned\U0001F600smile")
	fmt.Printf("%+q %q\n", "日本\u0378", rune(0x0378))
}
