package main

import (
	"fmt"
	"strings"
)

func main() {
	var sb strings.Builder
	for i := 0; i < 5; i++ {
		sb.WriteString("item")
		sb.WriteByte(' ')
		sb.WriteRune('→')
		sb.WriteString(fmt.Sprintf("%d;", i))
	}
	fmt.Println(sb.String())
	fmt.Println(sb.Len())
	sb.Reset()
	sb.WriteString("fresh")
	fmt.Println(sb.String(), sb.Len())
	var table strings.Builder
	rows := [][]string{{"name", "qty"}, {"apple", "3"}, {"kiwi", "12"}}
	for _, row := range rows {
		for j, cell := range row {
			if j > 0 {
				table.WriteString(" | ")
			}
			table.WriteString(fmt.Sprintf("%-6s", cell))
		}
		table.WriteString("\n")
	}
	fmt.Print(table.String())
}
