package main

import (
	"fmt"
	"strings"
)

type node struct {
	left, right *node
	val         int
}

func build(depth int) *node {
	if depth == 0 {
		return &node{val: 1}
	}
	return &node{build(depth - 1), build(depth - 1), depth}
}

func (n *node) count() int {
	if n == nil {
		return 0
	}
	return 1 + n.left.count() + n.right.count()
}

func main() {
	big := make([]int, 1000000)
	for i := range big {
		big[i] = i % 7
	}
	sum := 0
	for _, v := range big {
		sum += v
	}
	fmt.Println(len(big), sum)
	t := build(16)
	fmt.Println(t.count())
	var parts []string
	for i := 0; i < 20000; i++ {
		parts = append(parts, fmt.Sprint(i%10))
	}
	s := strings.Join(parts, "")
	fmt.Println(len(s), s[:20], strings.Count(s, "7"))
	m := map[int]string{}
	for i := 0; i < 50000; i++ {
		m[i] = fmt.Sprintf("v%d", i)
	}
	fmt.Println(len(m), m[49999], m[12345])
	acc := ""
	for i := 0; i < 2000; i++ {
		acc += "x"
	}
	fmt.Println(len(acc))
	var sl [][]byte
	for i := 0; i < 1000; i++ {
		sl = append(sl, make([]byte, i))
	}
	total := 0
	for _, b := range sl {
		total += len(b)
	}
	fmt.Println(total)
}
