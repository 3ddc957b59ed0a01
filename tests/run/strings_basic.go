package main

import "fmt"

func main() {
	s := "hello"
	fmt.Println(len(s), s[0], s[4], string(s[1]))
	t := s + ", " + "world"
	fmt.Println(t, len(t))
	t += "!"
	fmt.Println(t)
	fmt.Println(s[1:3], s[:2], s[3:], s[:])
	u := "héllo, 世界"
	fmt.Println(len(u), u[1], u[2])
	for i := 0; i < len(u); i++ {
		fmt.Printf("%02x ", u[i])
	}
	fmt.Println()
	fmt.Println("abc" < "abd", "abc" < "ab", "" < "a", "Z" < "a", "abc" == "a"+"bc", "x" != "y")
	fmt.Println("apple" > "apples", "b" >= "apple", "b" <= "b")
	var empty string
	fmt.Println(len(empty), empty == "", "["+empty+"]")
	a := []string{"x", "y", "z"}
	joined := ""
	for _, p := range a {
		joined += p
	}
	fmt.Println(joined)
	raw := `raw\n string
with newline`
	fmt.Println(raw, len(raw))
	esc := "tab\tquote\"backslash\\ nl\\n \x41\u00e9\U0001F600 \101"
	fmt.Println(esc, len(esc))
	b := s[1]
	b++
	fmt.Println(b, string(b))
	sub := u[7:]
	fmt.Println(sub, len(sub))
}
