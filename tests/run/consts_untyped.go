package main

import "fmt"

const Big = 1 << 100
const Small = Big >> 98
const Pi = 3.14159265358979323846264338327950288419716939937510582097494459
const Greeting = "hello, " + "world"
const typedInt int32 = 1 << 20
const typedF float64 = 1.0 / 3

type Weekday int

const Sunday Weekday = 0

func main() {
	fmt.Println(Small, Big/(Big>>3))
	fmt.Println(Pi, Pi*2, float64(Pi))
	fmt.Println(Greeting, len(Greeting))
	fmt.Println(typedInt, typedF)
	fmt.Printf("%T %T %T\n", typedInt, typedF, Sunday)
	const c = 10 / 4
	const d = 10 / 4.0
	const e = 'a' + 1
	fmt.Println(c, d, e, string(rune(e)))
	fmt.Printf("%T %T %T\n", c, d, e)
	var f float64 = 1 << 3
	var g int8 = 127
	var h uint8 = 'A'
	fmt.Println(f, g, h)
	const huge = 1e300 * 1e300 / 1e300
	fmt.Println(huge)
	x := 5
	fmt.Println(x * 2.0)
	var y = 1 << 62 >> 60
	fmt.Println(y)
	const mask = ^uint8(0)
	fmt.Println(mask, ^0)
	const s = len("abc") * 3
	var arr [s]int
	fmt.Println(len(arr))
	fmt.Println(Sunday+3, Weekday(5)-Sunday)
	const t = true && !false
	fmt.Println(t)
	fmt.Println(7.0/2, 7/2, 7/2.0, 1e2)
}
