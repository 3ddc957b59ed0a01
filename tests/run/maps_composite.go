package main

import "fmt"

type Employee struct {
	Name   string
	Salary int
}

func main() {
	groups := map[string][]int{}
	for i := 0; i < 10; i++ {
		k := "odd"
		if i%2 == 0 {
			k = "even"
		}
		groups[k] = append(groups[k], i)
	}
	fmt.Println(groups, len(groups["even"]))
	staff := map[int]Employee{
		2: {"Bob", 3000},
		1: {Name: "Alice", Salary: 5000},
	}
	e := staff[1]
	e.Salary += 100
	staff[1] = e
	fmt.Println(staff)
	fmt.Printf("%+v\n", staff)
	ptrs := map[string]*Employee{"c": {"Carol", 100}}
	ptrs["c"].Salary *= 2
	fmt.Println(*ptrs["c"], ptrs["zzz"] == nil)
	nested := map[string]map[string]int{}
	add := func(a, b string) {
		inner, ok := nested[a]
		if !ok {
			inner = map[string]int{}
			nested[a] = inner
		}
		inner[b]++
	}
	add("x", "y")
	add("x", "y")
	add("x", "z")
	add("w", "y")
	fmt.Println(nested)
	type key struct {
		a int
		b string
	}
	sk := map[key]bool{{1, "a"}: true, {2, "b"}: false}
	fmt.Println(sk[key{1, "a"}], sk[key{2, "b"}], sk[key{3, "c"}], sk)
	im := map[interface{}]string{1: "int", "1": "string", 1.5: "float"}
	fmt.Println(im[1], im["1"], im[1.5], len(im))
	ms := []map[string]int{{"a": 1}, {"b": 2}}
	ms[0]["c"] = 3
	fmt.Println(ms)
}
