package main

import "fmt"

type Tree struct {
	Left, Right *Tree
	Key         string
	Count       int
}

func (t *Tree) Insert(k string) *Tree {
	if t == nil {
		return &Tree{Key: k, Count: 1}
	}
	switch {
	case k < t.Key:
		t.Left = t.Left.Insert(k)
	case k > t.Key:
		t.Right = t.Right.Insert(k)
	default:
		t.Count++
	}
	return t
}

func (t *Tree) InOrder(visit func(*Tree)) {
	if t == nil {
		return
	}
	t.Left.InOrder(visit)
	visit(t)
	t.Right.InOrder(visit)
}

func (t *Tree) Height() int {
	if t == nil {
		return 0
	}
	return 1 + max2(t.Left.Height(), t.Right.Height())
}

func max2(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func (t *Tree) Find(k string) (*Tree, bool) {
	for t != nil {
		if k == t.Key {
			return t, true
		}
		if k < t.Key {
			t = t.Left
		} else {
			t = t.Right
		}
	}
	return nil, false
}

func (t *Tree) String() string {
	if t == nil {
		return "()"
	}
	return fmt.Sprintf("(%s %s:%d %s)", t.Left, t.Key, t.Count, t.Right)
}

func main() {
	var root *Tree
	for _, w := range []string{"m", "c", "x", "a", "e", "m", "z", "c", "b", "m"} {
		root = root.Insert(w)
	}
	root.InOrder(func(n *Tree) { fmt.Printf("%s:%d ", n.Key, n.Count) })
	fmt.Println()
	fmt.Println("height", root.Height())
	fmt.Println(root)
	if n, ok := root.Find("e"); ok {
		fmt.Println("found", n.Key, n.Count)
	}
	_, ok := root.Find("q")
	fmt.Println("q found:", ok)
	var keys []string
	root.InOrder(func(n *Tree) { keys = append(keys, n.Key) })
	fmt.Println(keys, len(keys))
}
