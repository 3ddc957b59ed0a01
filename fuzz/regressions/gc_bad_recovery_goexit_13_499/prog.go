package main

import (
	"fmt"
	"runtime"
)

var sink int
var nilMap map[int]int
var nilPtr *int
var anyVal any = "str"

type code int

type myErr struct{ code int }

func (e myErr) Error() string { return fmt.Sprint("myErr", e.code) }

type T struct{ id int }

func (t T) rec(tag string) { fmt.Println(tag, t.id, recover()) }

func (t *T) recp(tag string) { fmt.Println(tag, t.id, recover()) }

type recoverer interface{ rec(tag string) }

func rhelp() any { return recover() }

func rdirect(tag string) { fmt.Println(tag, recover()) }

func f0(n int) {
	{
		var rc recoverer = T{2}
		defer rc.rec("s2")
	}
	defer func() {
		fmt.Println("s4", rhelp())
		fmt.Println("s5", n)
	}()
	{
		done6 := make(chan bool)
		go func() {
			gx6 := false
			defer func() {
				if gx6 {
					done6 <- true
				}
			}()
			func() {
				for i0 := 0; i0 < 3; i0++ {
					defer rdirect("s7")
					defer func(i0 int) {
						if i0%3 == 0 {
							fmt.Println("s9", n, i0)
						}
						panic(code(10))
					}(i0)
					defer func(i0 int) {
						rdirect("s12")
						for i1 := 0; i1 < 2; i1++ {
							{
								r := recover()
								fmt.Println("s13", r)
								if r != nil {
									panic(fmt.Sprint("r13:", r))
								}
							}
						}
					}(i0)
				}
				defer func() {
					fmt.Println("s15", recover())
					defer T{16}.rec("s16")
					gx6 = true
					runtime.Goexit()
				}()
				{
					var rc recoverer = T{17}
					defer rc.rec("s17")
				}
				{
					var nf func()
					defer nf()
				}
				gx6 = true
				runtime.Goexit()
			}()
			done6 <- true
		}()
		<-done6
	}
}

func main() {
	fmt.Println("s1")
	f0(11)
	fmt.Println("end")
}
