// sort (Ints, Slice, SliceStable, Strings, SearchStrings, IsSorted, Sort/Reverse) and container/heap
// compiled from GOROOT: sort.Slice reaches internal/reflectlite's Swapper, whose linknames into the
// runtime are hook rows. Expected output from Go 1.27.3.

package main

import (
	"container/heap"
	"fmt"
	"sort"
)

type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[0 : n-1]
	return x
}

type P struct {
	Name string
	Age  int
}

func main() {
	s := []int{5, 2, 8, 1, 9, 3}
	sort.Ints(s)
	fmt.Println(s)
	ps := []P{{"a", 30}, {"b", 20}, {"c", 25}, {"d", 20}}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Age < ps[j].Age })
	fmt.Println(ps)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Name > ps[j].Name })
	fmt.Println(ps)
	strs := []string{"pear", "apple", "fig"}
	sort.Strings(strs)
	fmt.Println(strs, sort.SearchStrings(strs, "fig"), sort.IsSorted(sort.IntSlice(s)))
	h := &IntHeap{5, 2, 8}
	heap.Init(h)
	heap.Push(h, 3)
	for h.Len() > 0 {
		fmt.Print(heap.Pop(h), " ")
	}
	fmt.Println()
	sort.Sort(sort.Reverse(sort.IntSlice(s)))
	fmt.Println(s)
}
