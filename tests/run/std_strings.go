// strings compiled from GOROOT: the functions the old hand-written subset lacked and the ones it
// had (expected output from Go 1.27.3's go run).
package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"
)

func main() {
	fmt.Println(strings.Title("hello world"), strings.ToTitle("ǆx"), strings.ToUpper("ß straße"), strings.ToLower("ÀÉÎ"))
	fmt.Println(strings.Map(func(r rune) rune {
		if r == 'a' {
			return -1
		}
		return unicode.ToUpper(r)
	}, "banana"))
	fmt.Printf("%q\n", strings.Fields("  a b\u00a0c\td\n"))
	fmt.Printf("%q\n", strings.FieldsFunc("a1b2c33d", unicode.IsDigit))
	fmt.Printf("%q %q %q\n", strings.SplitAfter("a,b,c", ","), strings.SplitAfterN("a,b,c", ",", 2), strings.SplitN("a,b,c", ",", 0))
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Println(before, after, found)
	s, ok := strings.CutPrefix("prefix-rest", "prefix-")
	fmt.Println(s, ok)
	fmt.Println(strings.TrimFunc("123abc456", unicode.IsDigit), strings.TrimLeftFunc("  x ", unicode.IsSpace)+"|", strings.IndexFunc("abc1", unicode.IsDigit), strings.LastIndexAny("golang", "go"), strings.LastIndexByte("abca", 'a'))
	fmt.Println(strings.EqualFold("Straße", "STRASSE"), strings.EqualFold("Σ", "ς"), strings.ContainsFunc("abc", unicode.IsUpper), strings.Count("cheese", "e"), strings.Count("five", ""))
	fmt.Println(strings.Repeat("ab", 3), strings.Replace("oink oink oink", "k", "ky", 2), strings.ReplaceAll("oink oink", "oink", "moo"), strings.Replace("abc", "", "-", -1))
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;")
	fmt.Println(r.Replace("<a href=\"x\">&</a>"))
	r2 := strings.NewReplacer("a", "1", "aa", "2", "aaa", "3")
	fmt.Println(r2.Replace("aaaa"))
	var sb strings.Builder
	var w io.Writer = &sb
	for i := 0; i < 3; i++ {
		fmt.Fprintf(w, "%d-", i)
	}
	sb.WriteRune('é')
	sb.WriteByte('!')
	sb.Grow(100)
	fmt.Println(sb.String(), sb.Len(), sb.Cap() >= 100)
	rd := strings.NewReader("hello reader")
	buf := make([]byte, 5)
	n, err := rd.Read(buf)
	fmt.Println(n, err, string(buf), rd.Len(), rd.Size())
	rest, _ := io.ReadAll(rd)
	fmt.Println(string(rest))
	_, err = rd.Read(buf)
	fmt.Println(err)
	fmt.Println(strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"), strings.Join([]string{"x", "y", "z"}, ", "), strings.Index("chicken", "ken"), strings.IndexRune("chicken", 'k'), strings.IndexByte("golang", 'l'))
	fmt.Println(strings.ContainsRune("abc", 'b'), strings.ContainsAny("failure", "ui"), strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"), strings.TrimSpace(" \t x y \n"), strings.Trim("xxhixx", "x"), strings.TrimRight("hi!!", "!"), strings.TrimSuffix("a.go", ".go"))
	for w := range strings.SplitSeq("a b c", " ") {
		fmt.Print(w, ";")
	}
	fmt.Println()
	for l := range strings.Lines("one\ntwo\nthree") {
		fmt.Printf("%q ", l)
	}
	fmt.Println()
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(strings.Repeat("x", -1))
}
