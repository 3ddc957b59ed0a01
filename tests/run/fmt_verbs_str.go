package main

import "fmt"

func main() {
	s := "gopher"
	fmt.Printf("[%s] [%10s] [%-10s] [%.3s] [%8.2s]\n", s, s, s, s, s)
	fmt.Printf("[%q] [%x] [%X] [% x] [%#x]\n", s, s, s, s, s)
	fmt.Printf("%q %q %q\n", "tab\there", "quote\"d", "newline\n")
	fmt.Printf("%q %+q %#q\n", "héllo", "héllo", "raw`no")
	fmt.Printf("%#q\n", "back`tick")
	fmt.Printf("%v %s\n", []string{"a", "b"}, []string{"c", "d"})
	fmt.Printf("%q\n", []string{"x y", "z"})
	fmt.Printf("%x\n", "")
	fmt.Printf("%s|%v|%d\n", "", "", 7)
	fmt.Printf("%c%c%c\n", 'G', 'o', '!')
	fmt.Printf("%s %v\n", []byte("bytes"), []byte("ab"))
	fmt.Printf("%5q|%-7q|\n", "a", "b")
	fmt.Printf("%q\n", '\n')
	fmt.Printf("%q %q\n", "\x00\x7f", "日本")
	fmt.Printf("%s\n", error(nil))
	fmt.Printf("%d\n", "str")
	fmt.Printf("%s\n", 12)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%z\n", 3)
	fmt.Println(fmt.Sprintf("%s-%s", "a", "b"))
}
