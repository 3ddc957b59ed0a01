package main

import "fmt"

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	case score >= 70:
		return "C"
	default:
		return "F"
	}
}

func weekday(d int) string {
	switch d {
	case 0, 6:
		return "weekend"
	case 1, 2, 3, 4, 5:
		return "weekday"
	}
	return "invalid"
}

func fall(n int) {
	switch n {
	case 1:
		fmt.Print("one ")
		fallthrough
	case 2:
		fmt.Print("two ")
		fallthrough
	case 3:
		fmt.Print("three ")
	case 4:
		fmt.Print("four ")
		fallthrough
	default:
		fmt.Print("default ")
	}
	fmt.Println()
}

func next() int {
	fmt.Print("[next] ")
	return 2
}

func main() {
	for _, s := range []int{95, 85, 75, 10} {
		fmt.Print(grade(s), " ")
	}
	fmt.Println()
	fmt.Println(weekday(0), weekday(3), weekday(9))
	for i := 1; i <= 5; i++ {
		fall(i)
	}
	switch x := 5 * 2; {
	case x > 5:
		fmt.Println("big", x)
	}
	switch y := next(); y {
	case 1:
		fmt.Println("one")
	case 2:
		fmt.Println("two")
	}
	switch s := "go"; s + "lang" {
	case "golang":
		fmt.Println("matched golang")
	}
	for i := 0; i < 5; i++ {
		switch {
		case i == 1:
			continue
		case i == 3:
			break
		default:
			fmt.Print("i=", i, " ")
		}
	}
	fmt.Println()
	switch {
	}
	c := 'x'
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		fmt.Println("vowel")
	default:
		fmt.Println("consonant")
	}
	// cases evaluated top to bottom, left to right, stopping at first match
	f := func(v int) int { fmt.Print("eval", v, " "); return v }
	switch 3 {
	case f(1), f(3), f(5):
		fmt.Println("hit")
	case f(7):
		fmt.Println("miss")
	}
	switch v := interface{}(3.5).(type) {
	case int:
		fmt.Println("int", v)
	case float64:
		fmt.Println("float64", v)
	}
	type T struct{ a int }
	switch (T{1}) {
	case T{2}:
		fmt.Println("T2")
	case T{1}:
		fmt.Println("T1")
	}
}
