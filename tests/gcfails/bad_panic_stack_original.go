package main

import (
	"errors"
	"fmt"
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
	for i0 := 0; i0 < 2; i0++ {
		defer panic(2)
		defer fmt.Println("s3", n, i0)
		defer func(i0 int) {
			{
				r := recover()
				fmt.Println("s5", r)
				if r != nil {
					panic(fmt.Sprint("r5:", r))
				}
			}
			fmt.Println("s6", recover())
			defer func(i0 int) {
				rdirect("s8")
				fmt.Println("s9", rhelp())
				fmt.Println("s10", recover())
				{
					r := recover()
					fmt.Println("s11", r)
					if r != nil {
						panic(fmt.Sprint("r11:", r))
					}
				}
				fmt.Println("s12", recover())
			}(i0)
			f4(n+i0+1)
			fmt.Println("s14", recover())
			defer fmt.Println("s15", n, i0)
		}(i0)
		defer rdirect("s16")
		defer T{17}.rec("s17")
		f3(n+1)
	}
	fmt.Println("s19", n)
	if n%4 == 1 {
		sink += 100 / (n % 2)
		fmt.Println("s21", recover())
		for i0 := 0; i0 < 2; i0++ {
			defer func(i0 int) {
				fmt.Println("s23", rhelp())
				f4(n+0)
			}(i0)
			defer func(i0 int) {
				defer func(i0 int) {
					for i1 := 0; i1 < 2; i1++ {
						fmt.Println("s27", n, i0, i1)
					}
					{
						mv := T{28}.rec
						defer mv("s28")
					}
					f4(n+1)
				}(i0)
				{
					mv := T{30}.rec
					defer mv("s30")
				}
				fmt.Println("s31", f5(n+0))
				n += 2
				panic(errors.New("e32"))
			}(i0)
			defer fmt.Println("s33", n, i0)
			defer fmt.Println("s34", n, i0)
		}
		defer func() {
			{
				r := recover()
				fmt.Println("s36", r)
				if r != nil {
					panic(fmt.Sprint("r36:", r))
				}
			}
			{
				r := recover()
				fmt.Println("s37", r)
				if r != nil {
					panic(fmt.Sprint("r37:", r))
				}
			}
		}()
	}
	defer f1(n+3)
	if n%4 == 0 {
		sink += 100 / (n % 3)
		if n%3 == 0 {
			for i0 := 0; i0 < 3; i0++ {
				defer func(i0 int) {
					fmt.Println("s41", recover())
					fmt.Println("s42", recover())
					sink += 100 / (n % 3)
				}(i0)
				sink += 100 / (n % 1)
				fmt.Println("s45", n, i0)
				defer func(i0 int) {
					fmt.Println("s47", n, i0)
					sink += 100 / (n % 1)
					fmt.Println("s49", recover())
					sink += []int{1, 2, 3}[n%4]
				}(i0)
				defer func(i0 int) {
					rdirect("s52")
					func(i0 int) {
						sink += anyVal.(int)
					}(i0)
					panic(54)
				}(i0)
			}
			for i0 := 0; i0 < 3; i0++ {
				func(i0 int) {
					fmt.Println("s55", n, i0)
					defer func(i0 int) {
						{
							r := recover()
							fmt.Println("s57", r)
							if r != nil {
								panic(fmt.Sprint("r57:", r))
							}
						}
						fmt.Println("s58", recover())
						fmt.Println("s59", rhelp())
					}(i0)
					f3(n+i0+0)
					defer func(i0 int) {
						fmt.Println("s62", recover())
					}(i0)
				}(i0)
				fmt.Println("s63", n, i0)
				panic(fmt.Sprint("p64:", n))
			}
		} else {
			for i0 := 0; i0 < 2; i0++ {
				fmt.Println("s65", n, i0)
				return
			}
		}
		if n%4 == 1 {
			defer f4(n+2)
			rdirect("s67")
			func() {
				defer panic(myErr{68})
				fmt.Println("s69", n)
				fmt.Println("s70", n)
				fmt.Println("s71", f5(n+2))
				fmt.Println("s72", f2(n+3))
			}()
			panic(errors.New("e73"))
		} else {
			if n%2 == 1 {
				defer func() {
					for i0 := 0; i0 < 2; i0++ {
						fmt.Println("s75", n, i0)
						fmt.Println("s76", recover())
						fmt.Println("s77", n, i0)
					}
					defer func() {
						fmt.Println("s79", rhelp())
						fmt.Println("s80", n)
						fmt.Println("s81", n)
					}()
					fmt.Println("s82", n)
					fmt.Println("s83", recover())
				}()
				fmt.Println("s84", f2(n+0))
				if n%2 == 1 {
					fmt.Println("s85", n)
					defer f4(n+1)
					for i0 := 0; i0 < 2; i0++ {
						fmt.Println("s87", f2(n+i0+0))
						sink += []int{1, 2, 3}[n%3]
					}
				}
				{
					mv := T{89}.rec
					defer mv("s89")
				}
			} else {
				fmt.Println("s90", f2(n+1))
				fmt.Println("s91", n)
				func() {
					sink += 100 / (n % 3)
				}()
			}
			defer f2(n+1)
			if n%2 == 0 {
				fmt.Println("s94", f1(n+0))
			} else {
				{
					mv := T{95}.rec
					defer mv("s95")
				}
			}
			sink += []int{1, 2, 3}[n%5]
			for i0 := 0; i0 < 1; i0++ {
				defer func(i0 int) {
					defer func(i0 int) {
						rdirect("s99")
					}(i0)
					fmt.Println("s100", recover())
				}(i0)
				fmt.Println("s101", f2(n+1))
				fmt.Println("s102", f1(n+3))
				fmt.Println("s103", f2(n+i0+0))
				fmt.Println("s104", n, i0)
			}
			defer func() {
				n += 3
				n += 2
				fmt.Println("s106", n)
				rdirect("s107")
				f3(n+0)
			}()
		}
		sink += []int{1, 2, 3}[n%3]
	}
	func() {
		f3(n+2)
		sink += []int{1, 2, 3}[n%6]
	}()
	fmt.Println("s112", n)
}

func f1(n int) (res int) {
	defer func() {
		{
			r := recover()
			fmt.Println("s114", r)
			if r != nil {
				panic(fmt.Sprint("r114:", r))
			}
		}
		if n%4 == 3 {
			res = res*1 + 2
			defer rdirect("s115")
		}
		fmt.Println("s116", n, res)
	}()
	fmt.Println("s117", n, res)
	return
}

func f2(n int) (res int) {
	defer T{118}.rec("s118")
	defer func() {
		for i0 := 0; i0 < 3; i0++ {
			{
				r := recover()
				fmt.Println("s120", r)
				if r != nil {
					panic(fmt.Sprint("r120:", r))
				}
			}
		}
		fmt.Println("s121", recover())
		defer panic(code(122))
		fmt.Println("s123", n, res)
		sink += []int{1, 2, 3}[n%3]
		fmt.Println("s125", recover())
	}()
	res = res*1 + 0
	fmt.Println("s126", n, res)
	return
}

func f3(n int) {
	n += 3
	fmt.Println("s127", f5(n+0))
	defer func() {
		fmt.Println("s129", n)
	}()
	fmt.Println("s130", n)
	defer func() {
		{
			r := recover()
			fmt.Println("s132", r)
			if r != nil {
				panic(fmt.Sprint("r132:", r))
			}
		}
		defer func() {
			fmt.Println("s134", recover())
			fmt.Println("s135", n)
			if n%2 == 1 {
				{
					var nf func()
					defer nf()
				}
				fmt.Println("s137", recover())
				fmt.Println("s138", recover())
				rdirect("s139")
				fmt.Println("s140", n)
			}
			f4(n+3)
			defer f4(n+1)
		}()
	}()
	for i0 := 0; i0 < 3; i0++ {
		fmt.Println("s143", n, i0)
		for i1 := 0; i1 < 2; i1++ {
			if n%3 == 2 {
				defer func(i0, i1 int) {
					{
						r := recover()
						fmt.Println("s145", r)
						if r != nil {
							panic(fmt.Sprint("r145:", r))
						}
					}
					for i2 := 0; i2 < 1; i2++ {
						{
							r := recover()
							fmt.Println("s146", r)
							if r != nil {
								panic(fmt.Sprint("r146:", r))
							}
						}
					}
				}(i0, i1)
				defer func(i0, i1 int) {
					fmt.Println("s148", rhelp())
					fmt.Println("s149", n, i0, i1)
					fmt.Println("s150", f5(n+0))
					{
						r := recover()
						fmt.Println("s151", r)
						if r != nil {
							panic(fmt.Sprint("r151:", r))
						}
					}
				}(i0, i1)
				f4(n+1)
			}
			f4(n+2)
			n += 2
			for i2 := 0; i2 < 2; i2++ {
				defer fmt.Println("s154", n, i0, i1, i2)
			}
			defer func(i0, i1 int) {
				if i0%4 == 2 {
					sink += 100 / (n % 4)
					{
						r := recover()
						fmt.Println("s157", r)
						if r != nil {
							panic(fmt.Sprint("r157:", r))
						}
					}
					fmt.Println("s158", recover())
				} else {
					if n%4 == 3 {
						fmt.Println("s159", recover())
						fmt.Println("s160", recover())
						fmt.Println("s161", recover())
					}
					if i1%3 == 1 {
						fmt.Println("s162", f5(n+i1+0))
						{
							r := recover()
							fmt.Println("s163", r)
							if r != nil {
								panic(fmt.Sprint("r163:", r))
							}
						}
						fmt.Println("s164", n, i0, i1)
					} else {
						fmt.Println("s165", recover())
					}
					defer f5(n+3)
					defer func(i0, i1 int) {
						fmt.Println("s168", recover())
						fmt.Println("s169", n, i0, i1)
						n += 1
					}(i0, i1)
				}
				defer func(i0, i1 int) {
					fmt.Println("s171", recover())
				}(i0, i1)
				sink += []int{1, 2, 3}[n%4]
			}(i0, i1)
			defer func(i0, i1 int) {
				rdirect("s174")
			}(i0, i1)
		}
		fmt.Println("s175", n, i0)
		f4(n+2)
		n += 3
		for i1 := 0; i1 < 2; i1++ {
			fmt.Println("s177", n, i0, i1)
			f4(n+2)
			if i0%2 == 0 {
				if n%2 == 0 {
					fmt.Println("s179", n, i0, i1)
				} else {
					defer f4(n+i0+3)
					fmt.Println("s181", n, i0, i1)
				}
			} else {
				for i2 := 0; i2 < 3; i2++ {
					f4(n+2)
					sink += 100 / (n % 1)
					f4(n+1)
				}
				fmt.Println("s185", f5(n+1))
				fmt.Println("s186", recover())
				sink += []int{1, 2, 3}[n%3]
				defer f4(n+2)
			}
			fmt.Println("s189", recover())
			defer (&T{190}).recp("s190")
			defer func(i0, i1 int) {
				sink += []int{1, 2, 3}[n%5]
				fmt.Println("s193", n, i0, i1)
				fmt.Println("s194", n, i0, i1)
				fmt.Println("s195", n, i0, i1)
			}(i0, i1)
		}
	}
	func() {
		defer fmt.Println("s196", n)
	}()
}

func f4(n int) {
	if n%4 == 0 {
		for i0 := 0; i0 < 3; i0++ {
			if n%2 == 0 {
				defer (&T{197}).recp("s197")
				defer f5(n+2)
				if n%4 == 0 {
					fmt.Println("s199", f5(n+i0+1))
					fmt.Println("s200", f5(n+0))
					fmt.Println("s201", recover())
				} else {
					if n%4 == 3 {
						fmt.Println("s202", f5(n+0))
					} else {
						panic("p203")
					}
					n += 1
					sink += 100 / (n % 2)
				}
			}
			defer fmt.Println("s205", n, i0)
			fmt.Println("s206", n, i0)
			for i1 := 0; i1 < 1; i1++ {
				fmt.Println("s207", n, i0, i1)
				defer fmt.Println("s208", n, i0, i1)
				defer func(i0, i1 int) {
					fmt.Println("s210", recover())
					fmt.Println("s211", n, i0, i1)
					if i1%2 == 1 {
						sink += []int{1, 2, 3}[n%6]
						fmt.Println("s213", recover())
						sink += 100 / (n % 4)
					}
					fmt.Println("s215", n, i0, i1)
				}(i0, i1)
				defer T{216}.rec("s216")
			}
			fmt.Println("s217", f5(n+0))
			if n%2 == 1 {
				fmt.Println("s218", n, i0)
			}
		}
		defer func() {
			fmt.Println("s220", n)
			func() {
				fmt.Println("s221", f5(n+2))
				func() {
					for i0 := 0; i0 < 1; i0++ {
						defer fmt.Println("s222", n, i0)
						panic(errors.New("e223"))
					}
					fmt.Println("s224", f5(n+1))
				}()
				fmt.Println("s225", f5(n+1))
				defer func() {
					sink += 100 / (n % 2)
				}()
				panic(code(228))
			}()
			rdirect("s229")
			rdirect("s230")
			fmt.Println("s231", n)
			func() {
				fmt.Println("s232", f5(n+3))
				n += 3
				defer T{233}.rec("s233")
			}()
		}()
	} else {
		fmt.Println("s234", f5(n+1))
		fmt.Println("s235", f5(n+2))
		if n%4 == 3 {
			defer f5(n+3)
			defer func() {
				sink += []int{1, 2, 3}[n%3]
				{
					r := recover()
					fmt.Println("s239", r)
					if r != nil {
						panic(fmt.Sprint("r239:", r))
					}
				}
				for i0 := 0; i0 < 1; i0++ {
					fmt.Println("s240", recover())
					fmt.Println("s241", f5(n+0))
					fmt.Println("s242", n, i0)
				}
				defer func() {
					rdirect("s244")
					fmt.Println("s245", n)
					sink += 100 / (n % 3)
					fmt.Println("s247", f5(n+2))
				}()
				panic(248)
			}()
			defer fmt.Println("s249", n)
			defer f5(n+0)
			fmt.Println("s251", f5(n+2))
			for i0 := 0; i0 < 3; i0++ {
				if i0%2 == 1 {
					fmt.Println("s252", f5(n+0))
					fmt.Println("s253", recover())
					defer func(i0 int) {
						fmt.Println("s255", n, i0)
					}(i0)
				}
				fmt.Println("s256", f5(n+3))
				fmt.Println("s257", f5(n+1))
				defer fmt.Println("s258", n, i0)
				defer func(i0 int) {
					fmt.Println("s260", recover())
					fmt.Println("s261", recover())
					sink += []int{1, 2, 3}[n%6]
				}(i0)
			}
		} else {
			defer func() {
				for i0 := 0; i0 < 3; i0++ {
					fmt.Println("s264", n, i0)
					fmt.Println("s265", recover())
					fmt.Println("s266", rhelp())
				}
				fmt.Println("s267", rhelp())
				fmt.Println("s268", recover())
				if n%4 == 2 {
					if n%4 == 3 {
						fmt.Println("s269", recover())
						fmt.Println("s270", n)
					}
					defer func() {
						n += 3
						n += 1
					}()
				} else {
					fmt.Println("s272", recover())
					sink += *nilPtr
				}
				defer fmt.Println("s274", n)
			}()
			defer fmt.Println("s275", n)
			defer panic(fmt.Sprint("p276:", n))
		}
		fmt.Println("s277", f5(n+1))
		if n%4 == 1 {
			if n%2 == 0 {
				fmt.Println("s278", f5(n+2))
				fmt.Println("s279", n)
				fmt.Println("s280", recover())
				defer func() {
					fmt.Println("s282", f5(n+3))
					if n%4 == 2 {
						fmt.Println("s283", recover())
						fmt.Println("s284", recover())
						panic(fmt.Sprint("p285:", n))
					}
				}()
				fmt.Println("s286", n)
			} else {
				fmt.Println("s287", f5(n+3))
				fmt.Println("s288", f5(n+3))
				n += 2
			}
			defer func() {
				fmt.Println("s290", f5(n+0))
				fmt.Println("s291", n)
			}()
			fmt.Println("s292", recover())
			sink += []int{1, 2, 3}[n%4]
			fmt.Println("s294", n)
			nilMap[n] = 1
		}
		defer func() {
			for i0 := 0; i0 < 1; i0++ {
				if n%3 == 2 {
					fmt.Println("s297", n, i0)
				}
			}
			fmt.Println("s298", f5(n+0))
			fmt.Println("s299", n)
			n += 2
			defer f5(n+0)
		}()
		if n%3 == 1 {
			defer func() {
				rdirect("s302")
			}()
			defer func() {
				defer func() {
					defer func() {
						fmt.Println("s306", recover())
						fmt.Println("s307", recover())
					}()
				}()
				fmt.Println("s308", recover())
				{
					r := recover()
					fmt.Println("s309", r)
					if r != nil {
						panic(fmt.Sprint("r309:", r))
					}
				}
			}()
			defer f5(n+3)
			sink += []int{1, 2, 3}[n%3]
			if n%4 == 0 {
				for i0 := 0; i0 < 1; i0++ {
					if n%2 == 1 {
						fmt.Println("s312", f5(n+2))
						panic(code(313))
					}
					sink += []int{1, 2, 3}[n%6]
					nilMap[n] = 1
				}
				fmt.Println("s316", f5(n+2))
				defer func() {
					fmt.Println("s318", recover())
				}()
			}
		} else {
			n += 2
			sink += []int{1, 2, 3}[n%6]
			defer f5(n+3)
			if n%2 == 0 {
				if n%3 == 0 {
					fmt.Println("s321", n)
					for i0 := 0; i0 < 1; i0++ {
						fmt.Println("s322", f5(n+i0+2))
						fmt.Println("s323", recover())
						n += 3
					}
					sink += []int{1, 2, 3}[n%5]
				}
				fmt.Println("s325", f5(n+0))
				fmt.Println("s326", recover())
				{
					var nf func()
					defer nf()
				}
				defer func() {
					fmt.Println("s329", n)
					fmt.Println("s330", rhelp())
				}()
			}
			if n%3 == 0 {
				defer func() {
					rdirect("s332")
				}()
			}
		}
	}
	defer func() {
		{
			r := recover()
			fmt.Println("s334", r)
			if r != nil {
				panic(fmt.Sprint("r334:", r))
			}
		}
		{
			r := recover()
			fmt.Println("s335", r)
			if r != nil {
				panic(fmt.Sprint("r335:", r))
			}
		}
		fmt.Println("s336", recover())
		sink += 100 / (n % 1)
		fmt.Println("s338", n)
		if n%3 == 2 {
			fmt.Println("s339", recover())
			panic(errors.New("e340"))
		}
		if n%4 == 0 {
			fmt.Println("s341", rhelp())
			for i0 := 0; i0 < 1; i0++ {
				fmt.Println("s342", recover())
				fmt.Println("s343", f5(n+0))
				if n%4 == 2 {
					fmt.Println("s344", recover())
					sink += 100 / (n % 3)
					fmt.Println("s346", rhelp())
				} else {
					fmt.Println("s347", n, i0)
					if n%3 == 0 {
						fmt.Println("s348", n, i0)
						panic(errors.New("e349"))
					} else {
						fmt.Println("s350", n, i0)
					}
				}
			}
			panic(fmt.Sprint("p351:", n))
		}
	}()
	defer func() {
		fmt.Println("s353", recover())
		fmt.Println("s354", recover())
		fmt.Println("s355", n)
		{
			r := recover()
			fmt.Println("s356", r)
			if r != nil {
				panic(fmt.Sprint("r356:", r))
			}
		}
		{
			r := recover()
			fmt.Println("s357", r)
			if r != nil {
				panic(fmt.Sprint("r357:", r))
			}
		}
		if n%2 == 0 {
			if n%4 == 2 {
				fmt.Println("s358", recover())
				defer func() {
					sink += 100 / (n % 1)
					sink += 100 / (n % 1)
					if n%3 == 1 {
						sink += 100 / (n % 3)
					}
				}()
			} else {
				if n%4 == 2 {
					fmt.Println("s363", recover())
					defer f5(n+2)
					rdirect("s365")
					fmt.Println("s366", recover())
				}
				fmt.Println("s367", recover())
				rdirect("s368")
				defer func() {
					fmt.Println("s370", recover())
					fmt.Println("s371", n)
					rdirect("s372")
					panic(fmt.Sprint("p373:", n))
				}()
				fmt.Println("s374", n)
			}
			fmt.Println("s375", recover())
			fmt.Println("s376", rhelp())
			fmt.Println("s377", recover())
		}
		fmt.Println("s378", recover())
	}()
	n += 2
	fmt.Println("s379", n)
	fmt.Println("s380", n)
	defer func() {
		rdirect("s382")
		fmt.Println("s383", rhelp())
		fmt.Println("s384", f5(n+0))
		fmt.Println("s385", f5(n+1))
		if n%3 == 2 {
			fmt.Println("s386", recover())
			fmt.Println("s387", recover())
			fmt.Println("s388", recover())
			fmt.Println("s389", n)
			{
				r := recover()
				fmt.Println("s390", r)
				if r != nil {
					panic(fmt.Sprint("r390:", r))
				}
			}
		}
	}()
}

func f5(n int) (res int) {
	for i0 := 0; i0 < 2; i0++ {
		{
			mv := T{391}.rec
			defer mv("s391")
		}
		defer func(i0 int) {
			if i0%3 == 1 {
				n += 3
				fmt.Println("s393", n, i0, res)
			} else {
				panic("p394")
			}
			fmt.Println("s395", recover())
		}(i0)
	}
	res = res*3 + 4
	for i0 := 0; i0 < 1; i0++ {
		{
			var nf func()
			defer nf()
		}
		if i0%4 == 0 {
			rdirect("s397")
			for i1 := 0; i1 < 2; i1++ {
				for i2 := 0; i2 < 1; i2++ {
					for i3 := 0; i3 < 3; i3++ {
						fmt.Println("s398", n, i0, i1, i2, i3, res)
					}
					defer fmt.Println("s399", n, i0, i1, i2, res)
					if i0%4 == 0 {
						res = res*1 + 9
						sink += []int{1, 2, 3}[n%5]
						panic(errors.New("e401"))
					}
				}
				sink += []int{1, 2, 3}[n%6]
				for i2 := 0; i2 < 1; i2++ {
					if i2%2 == 0 {
						panic("p403")
					} else {
						res = res*1 + 3
						defer panic("p404")
						fmt.Println("s405", n, i0, i1, i2, res)
					}
					func(i0, i1, i2 int) {
						res = res*2 + 9
						sink += 100 / (n % 4)
						sink += []int{1, 2, 3}[n%6]
					}(i0, i1, i2)
					fmt.Println("s408", n, i0, i1, i2, res)
					for i3 := 0; i3 < 2; i3++ {
						sink += 100 / (n % 4)
						fmt.Println("s410", n, i0, i1, i2, i3, res)
						panic(errors.New("e411"))
					}
				}
				n += 3
				{
					r := recover()
					fmt.Println("s412", r)
					if r != nil {
						panic(fmt.Sprint("r412:", r))
					}
				}
			}
			n += 3
			fmt.Println("s413", n, i0, res)
			defer func(i0 int) {
				fmt.Println("s415", recover())
				fmt.Println("s416", recover())
				fmt.Println("s417", n, i0, res)
			}(i0)
		}
	}
	defer fmt.Println("s418", n, res)
	for i0 := 0; i0 < 3; i0++ {
		sink += 100 / (n % 1)
		fmt.Println("s420", rhelp())
		defer func(i0 int) {
			{
				r := recover()
				fmt.Println("s422", r)
				if r != nil {
					panic(fmt.Sprint("r422:", r))
				}
			}
			if n%4 == 2 {
				fmt.Println("s423", n, i0, res)
				rdirect("s424")
				panic(errors.New("e425"))
			}
			defer func(i0 int) {
				fmt.Println("s427", recover())
				fmt.Println("s428", recover())
				fmt.Println("s429", recover())
			}(i0)
			defer fmt.Println("s430", n, i0, res)
			panic(code(431))
		}(i0)
		defer panic("p432")
		sink += 100 / (n % 2)
		defer T{434}.rec("s434")
	}
	sink += []int{1, 2, 3}[n%6]
	sink += 100 / (n % 2)
	defer panic(errors.New("e437"))
	return
}

func main() {
	fmt.Println("s1")
	f0(10)
	fmt.Println("end")
}
