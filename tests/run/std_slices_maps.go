// GOROOT's slices and maps compiled from source (generics, range-over-func iterators,
// maps.Clone through the hooked maps.clone).

package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	s := []int{5, 2, 8, 1, 9, 3}
	slices.Sort(s)
	fmt.Println(s, slices.Contains(s, 8), slices.Index(s, 9), slices.Max(s), slices.Min(s))
	i, found := slices.BinarySearch(s, 5)
	fmt.Println(i, found, len(s))
	slices.Reverse(s)
	fmt.Println(s, slices.Equal(s, []int{9, 8, 5, 3, 2, 1}))
	ss := []string{"pear", "apple", "fig"}
	slices.SortFunc(ss, func(a, b string) int { return len(a) - len(b) })
	fmt.Println(ss, slices.Compact([]int{1, 1, 2, 2, 2, 3}), slices.Insert([]int{1, 4}, 1, 2, 3))
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	keys := slices.Collect(maps.Keys(m))
	slices.Sort(keys)
	fmt.Println(keys, slices.Sorted(maps.Values(m)))
	m2 := maps.Clone(m)
	m2["d"] = 4
	fmt.Println(len(m), len(m2), maps.Equal(m, m2))
	for i, v := range slices.All([]string{"x", "y"}) {
		fmt.Println(i, v)
	}
	fmt.Println(slices.IndexFunc(s, func(x int) bool { return x < 4 }), slices.Repeat([]int{7}, 3), slices.Concat([]int{1}, []int{2, 3}))
}
