package main

import "fmt"

const W, H = 10, 8

type Board [H][W]bool

func (b *Board) Step() Board {
	var next Board
	for y := 0; y < H; y++ {
		for x := 0; x < W; x++ {
			n := 0
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					if dx == 0 && dy == 0 {
						continue
					}
					yy, xx := (y+dy+H)%H, (x+dx+W)%W
					if b[yy][xx] {
						n++
					}
				}
			}
			next[y][x] = n == 3 || n == 2 && b[y][x]
		}
	}
	return next
}

func (b Board) String() string {
	s := ""
	for _, row := range b {
		for _, c := range row {
			if c {
				s += "#"
			} else {
				s += "."
			}
		}
		s += "\n"
	}
	return s
}

func main() {
	var b Board
	glider := [][2]int{{0, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}}
	for _, p := range glider {
		b[p[0]][p[1]] = true
	}
	b[5][6], b[5][7], b[5][8] = true, true, true
	for gen := 0; gen < 4; gen++ {
		fmt.Printf("gen %d:\n%v", gen, b)
		b = b.Step()
	}
	alive := 0
	for i := 0; i < 30; i++ {
		b = b.Step()
	}
	for _, row := range b {
		for _, c := range row {
			if c {
				alive++
			}
		}
	}
	fmt.Println("alive after 34:", alive)
}
