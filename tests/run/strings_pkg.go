package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "  Hello, Gopher World!  "
	fmt.Println(strings.Contains(s, "Gopher"), strings.Contains(s, "gopher"), strings.Contains(s, ""))
	t := strings.TrimSpace(s)
	fmt.Printf("%q\n", t)
	fmt.Println(strings.HasPrefix(t, "Hello"), strings.HasSuffix(t, "!"), strings.HasPrefix(t, "World"))
	fmt.Println(strings.Index(t, "o"), strings.Index(t, "xyz"), strings.Index(t, "World"), strings.LastIndex(t, "o"))
	fmt.Println(strings.IndexByte(t, 'G'), strings.IndexRune("chicken", 'k'), strings.IndexRune("日本語", '語'))
	parts := strings.Split("a,b,,c", ",")
	fmt.Println(len(parts), parts)
	fmt.Printf("%q\n", strings.Split("abc", ""))
	fmt.Printf("%q\n", strings.Split("", ","))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "-"), strings.Join(nil, ","))
	fmt.Println(strings.Repeat("ab", 3), strings.Repeat("-", 0) == "")
	fmt.Println(strings.ToUpper("héllo wörld"), strings.ToLower("ÀBC DeF"))
	fmt.Printf("%q\n", strings.Trim("xxhixx", "x"))
	fmt.Printf("%q\n", strings.TrimLeft("xxhixx", "x"))
	fmt.Printf("%q\n", strings.TrimRight("xxhixx", "x"))
	fmt.Printf("%q\n", strings.TrimPrefix("prefix-body", "prefix-"))
	fmt.Printf("%q\n", strings.TrimSuffix("body.go", ".go"))
	fmt.Printf("%q\n", strings.Fields("  one two\tthree\n four  "))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2))
	fmt.Println(strings.Replace("oink oink oink", "oink", "moo", -1))
	fmt.Println(strings.ReplaceAll("banana", "a", "o"))
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.EqualFold("Go", "Gox"))
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", 2))
	fmt.Println(strings.ContainsRune("abc", 'b'), strings.ContainsAny("hello", "xyz"), strings.ContainsAny("hello", "ol"))
	fmt.Println(strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"))
}
