// GOROOT's bytes compiled from source: internal/bytealg's assembly hooked (Index, IndexByte,
// Count, Compare, MakeNoZero as runtime byte loops), bytes.Buffer, Split/Join/Fields/Map.

package main

import (
	"bytes"
	"fmt"
)

func main() {
	b := []byte("hello, world, hello")
	fmt.Println(bytes.Index(b, []byte("world")), bytes.IndexByte(b, 'w'), bytes.Count(b, []byte("l")), bytes.LastIndex(b, []byte("hello")))
	fmt.Println(bytes.Equal([]byte("a"), []byte("a")), bytes.Compare([]byte("a"), []byte("b")), bytes.HasPrefix(b, []byte("hell")))
	fmt.Println(string(bytes.ToUpper(b)), string(bytes.TrimSpace([]byte("  x  "))), string(bytes.Repeat([]byte("ab"), 3)))
	parts := bytes.Split(b, []byte(", "))
	fmt.Println(len(parts), string(parts[1]), string(bytes.Join(parts, []byte("|"))))
	fmt.Println(string(bytes.ReplaceAll(b, []byte("hello"), []byte("bye"))), string(bytes.Title([]byte("go lang"))))
	var buf bytes.Buffer
	buf.WriteString("abc")
	buf.WriteByte('-')
	buf.Write([]byte("def"))
	fmt.Println(buf.String(), buf.Len())
	fields := bytes.Fields([]byte(" a b  c "))
	fmt.Println(len(fields), string(bytes.Map(func(r rune) rune { return r + 1 }, []byte("HAL"))))
	fmt.Println(bytes.ContainsRune(b, 'w'), bytes.IndexAny(b, "xyzw"), bytes.EqualFold([]byte("Go"), []byte("GO")))
	long := bytes.Repeat([]byte("abcdefghij"), 100)
	fmt.Println(bytes.Index(long, []byte("jabcdefghijabcdefghijabcdefghijabcdefghijx")), bytes.Index(append(long, 'x'), []byte("jx")))
}
