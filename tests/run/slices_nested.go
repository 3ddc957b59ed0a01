package main

import "fmt"

func main() {
	grid := make([][]int, 3)
	for i := range grid {
		grid[i] = make([]int, i+1)
		for j := range grid[i] {
			grid[i][j] = i * j
		}
	}
	fmt.Println(grid, len(grid), len(grid[2]))
	tri := [][]string{{"a"}, {"b", "c"}, {}}
	tri[2] = append(tri[2], "d", "e")
	fmt.Println(tri)
	fmt.Printf("%v %d\n", tri, [][]int{{1, 2}, {3}})
	var rows [][]int
	for i := 0; i < 4; i++ {
		row := []int{}
		for j := 0; j <= i; j++ {
			if j == 0 || j == i {
				row = append(row, 1)
			} else {
				row = append(row, rows[i-1][j-1]+rows[i-1][j])
			}
		}
		rows = append(rows, row)
	}
	fmt.Println(rows)
	ps := []*[2]int{{1, 2}, {3, 4}}
	ps[1][0] = 30
	fmt.Println(*ps[0], *ps[1])
	fs := []func(int) int{func(x int) int { return x + 1 }, func(x int) int { return x * 2 }}
	for _, f := range fs {
		fmt.Print(f(10), " ")
	}
	fmt.Println()
	var nilRows [][]int
	fmt.Println(nilRows, len(nilRows), nilRows == nil)
	is := []interface{}{1, "two", 3.0, nil, []int{4}}
	fmt.Println(is...)
	fmt.Println(is)
}
