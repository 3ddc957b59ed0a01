package main

import "fmt"

func main() {
	s := "héllo, 世界"
	b := []byte(s)
	fmt.Println(len(b), b)
	b[0] = 'H'
	fmt.Println(string(b), s)
	r := []rune(s)
	fmt.Println(len(r), r)
	r[len(r)-1] = '!'
	fmt.Println(string(r))
	fmt.Println(string([]byte{72, 105}), string([]rune{0x4e16, 0x754c}))
	var nb []byte
	fmt.Println(string(nb) == "", len([]rune("")))
	bad := string([]byte{0xff, 'a', 0xc3})
	fmt.Println(len(bad), len([]rune(bad)), []rune(bad))
	rs := []rune("abc")
	rs = append(rs, 'd', 'é')
	fmt.Println(string(rs), len(string(rs)))
	bs := append([]byte("abc"), "def"...)
	fmt.Println(string(bs))
	rev := []rune("stressed 😀")
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	fmt.Println(string(rev))
	fmt.Printf("%v %s %q\n", []byte("hi"), []byte("hi"), []byte("hi"))
	fmt.Printf("%x %X % x\n", []byte("hi!"), []byte("hi!"), []byte("hi!"))
}
