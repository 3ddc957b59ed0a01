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

func f0(n int) (res int) {
	defer f3(n+0)
	f8(n+0)
	defer func() {
		sink += []int{1, 2, 3}[n%4]
		fmt.Println("s6", f7(n+3))
		res = res*1 + 5
	}()
	fmt.Println("s7", n, res)
	for i0 := 0; i0 < 3; i0++ {
		func(i0 int) {
			sink += []int{1, 2, 3}[n%5]
			func(i0 int) {
				defer func() {
					func(i0 int) {
						fmt.Println("s10", f7(n+3))
						f3(n+2)
						n += 1
					}(i0)
					return
				}()
				f1(n+1)
				defer func(i0 int) {
					n += 1
					fmt.Println("s14", n, i0, res)
					f2(n+2)
					defer func(i0 int) {
						f8(n+i0+0)
						rdirect("s18")
						f2(n+2)
					}(i0)
				}(i0)
			}(i0)
		}(i0)
		fmt.Println("s20", f7(n+1))
		{
			var nf func()
			defer nf()
		}
		defer func() {
			fmt.Println("s23", rhelp())
			f2(n+0)
			fmt.Println("s25", n, i0, res)
		}()
		res = res*2 + 4
	}
	defer func() {
		fmt.Println("s27", recover())
		n += 3
		if n%3 == 2 {
			rdirect("s28")
			fmt.Println("s29", recover())
		}
		for i0 := 0; i0 < 2; i0++ {
			fmt.Println("s30", recover())
			res = res*2 + 0
			defer func(i0 int) {
				fmt.Println("s32", n, i0, res)
			}(i0)
			if n%2 == 1 {
				res = res*2 + 6
			} else {
				res = res*3 + 2
				fmt.Println("s33", rhelp())
				fmt.Println("s34", n, i0, res)
			}
			panic(35)
		}
	}()
	for i0 := 0; i0 < 2; i0++ {
		if i0%4 == 2 {
			n += 3
			fmt.Println("s36", n, i0, res)
			sink += 100 / (n % 4)
			defer func() {
				if i0%3 == 0 {
					fmt.Println("s39", rhelp())
					res = res*2 + 4
				}
				fmt.Println("s40", rhelp())
				fmt.Println("s41", recover())
				res = res*3 + 7
			}()
			nilMap[n] = 1
		} else {
			n += 1
			defer func() {
				rdirect("s44")
				fmt.Println("s45", f4(n+1))
				sink += []int{1, 2, 3}[n%6]
				f2(n+2)
				{
					r := recover()
					fmt.Println("s48", r)
					if r != nil {
						panic(fmt.Sprint("r48:", r))
					}
				}
			}()
			fmt.Println("s49", n, i0, res)
			f3(n+1)
			panic(errors.New("e51"))
		}
		defer func() {
			if n%4 == 3 {
				fmt.Println("s53", f6(n+i0+0))
			}
			sink += []int{1, 2, 3}[n%3]
			n += 1
			{
				r := recover()
				fmt.Println("s55", r)
				if r != nil {
					panic(fmt.Sprint("r55:", r))
				}
			}
			for i1 := 0; i1 < 2; i1++ {
				fmt.Println("s56", recover())
				fmt.Println("s57", n, i0, i1, res)
			}
			if i0%4 == 1 {
				fmt.Println("s58", rhelp())
				fmt.Println("s59", recover())
				func(i0 int) {
					defer func(i0 int) {
						f5(n+1)
					}(i0)
					defer func() {
						rdirect("s63")
						fmt.Println("s64", recover())
						f5(n+i0+2)
					}()
					sink += []int{1, 2, 3}[n%6]
				}(i0)
				res = res*2 + 9
				{
					r := recover()
					fmt.Println("s67", r)
					if r != nil {
						panic(fmt.Sprint("r67:", r))
					}
				}
			} else {
				fmt.Println("s68", n, i0, res)
				defer func() {
					sink += 100 / (n % 4)
					n += 1
					func(i0 int) {
						sink += 100 / (n % 3)
					}(i0)
				}()
				for i1 := 0; i1 < 1; i1++ {
					fmt.Println("s72", f6(n+2))
					f8(n+0)
					fmt.Println("s74", rhelp())
					rdirect("s75")
				}
				sink += 100 / (n % 1)
				if i0%4 == 1 {
					fmt.Println("s77", n, i0, res)
					fmt.Println("s78", n, i0, res)
					fmt.Println("s79", recover())
				}
			}
		}()
		fmt.Println("s80", f6(n+3))
		defer fmt.Println("s81", n, i0, res)
		defer func(i0 int) {
			res = res*2 + 9
			n += 1
			defer f1(n+3)
		}(i0)
		fmt.Println("s84", n, i0, res)
	}
	f5(n+2)
	return
}

func f1(n int) {
	fmt.Println("s86", recover())
	fmt.Println("s87", f6(n+0))
	rdirect("s88")
	defer panic(89)
	defer func() {
		sink += []int{1, 2, 3}[n%4]
		{
			r := recover()
			fmt.Println("s92", r)
			if r != nil {
				panic(fmt.Sprint("r92:", r))
			}
		}
		f3(n+2)
		fmt.Println("s94", rhelp())
		fmt.Println("s95", n)
		defer fmt.Println("s96", n)
	}()
}

func f2(n int) {
	defer rdirect("s97")
	fmt.Println("s98", n)
	for i0 := 0; i0 < 2; i0++ {
		defer fmt.Println("s99", n, i0)
	}
	defer (&T{100}).recp("s100")
	if n%2 == 1 {
		defer func() {
			{
				r := recover()
				fmt.Println("s102", r)
				if r != nil {
					panic(fmt.Sprint("r102:", r))
				}
			}
			defer f4(n+1)
			fmt.Println("s104", rhelp())
		}()
		if n%3 == 1 {
			if n%2 == 1 {
				defer func() {
					defer fmt.Println("s106", n)
				}()
				fmt.Println("s107", rhelp())
			}
			defer func() {
				fmt.Println("s109", recover())
				{
					r := recover()
					fmt.Println("s110", r)
					if r != nil {
						panic(fmt.Sprint("r110:", r))
					}
				}
				f8(n+3)
				fmt.Println("s112", n)
				rdirect("s113")
			}()
			defer (&T{114}).recp("s114")
			f3(n+1)
			defer func() {
				if n%2 == 0 {
					f5(n+2)
				} else {
					fmt.Println("s118", n)
					fmt.Println("s119", recover())
					if n%2 == 1 {
						rdirect("s120")
						fmt.Println("s121", n)
					}
					return
				}
				func() {
					defer fmt.Println("s122", n)
					defer func() {
						{
							r := recover()
							fmt.Println("s124", r)
							if r != nil {
								panic(fmt.Sprint("r124:", r))
							}
						}
					}()
				}()
				defer f4(n+1)
				{
					mv := T{126}.rec
					defer mv("s126")
				}
			}()
		} else {
			defer func() {
				defer fmt.Println("s128", n)
				for i0 := 0; i0 < 3; i0++ {
					rdirect("s129")
					{
						r := recover()
						fmt.Println("s130", r)
						if r != nil {
							panic(fmt.Sprint("r130:", r))
						}
					}
					func(i0 int) {
						f8(n+i0+3)
						return
					}(i0)
					sink += 100 / (n % 2)
				}
				fmt.Println("s133", f6(n+1))
				fmt.Println("s134", n)
				rdirect("s135")
			}()
			fmt.Println("s136", f4(n+2))
			f3(n+2)
			sink += []int{1, 2, 3}[n%6]
			fmt.Println("s139", n)
			f5(n+2)
		}
	} else {
		defer func() {
			rdirect("s142")
			fmt.Println("s143", recover())
			if n%3 == 1 {
				f5(n+1)
				fmt.Println("s145", recover())
				fmt.Println("s146", recover())
			}
			defer func() {
				rdirect("s148")
				rdirect("s149")
			}()
		}()
		defer rdirect("s150")
		fmt.Println("s151", f7(n+2))
		fmt.Println("s152", n)
	}
	fmt.Println("s153", n)
	defer func() {
		for i0 := 0; i0 < 1; i0++ {
			sink += 100 / (n % 4)
			fmt.Println("s156", recover())
			defer f5(n+i0+3)
			fmt.Println("s158", n, i0)
			if n%4 == 3 {
				sink += 100 / (n % 4)
				if n%3 == 0 {
					fmt.Println("s160", n, i0)
					defer func() {
						fmt.Println("s162", n, i0)
						fmt.Println("s163", n, i0)
					}()
				}
			}
		}
		func() {
			defer T{164}.rec("s164")
			fmt.Println("s165", f7(n+3))
			for i0 := 0; i0 < 2; i0++ {
				sink += *nilPtr
			}
			fmt.Println("s167", n)
		}()
		fmt.Println("s168", recover())
		f5(n+3)
		fmt.Println("s170", f6(n+0))
	}()
}

func f3(n int) {
	func() {
		sink += []int{1, 2, 3}[n%4]
		sink += []int{1, 2, 3}[n%6]
		defer f6(n+2)
	}()
	fmt.Println("s174", n)
	func() {
		n += 2
		for i0 := 0; i0 < 3; i0++ {
			defer func() {
				if n%3 == 1 {
					fmt.Println("s176", rhelp())
					{
						r := recover()
						fmt.Println("s177", r)
						if r != nil {
							panic(fmt.Sprint("r177:", r))
						}
					}
				} else {
					sink += []int{1, 2, 3}[n%5]
					fmt.Println("s179", n, i0)
					fmt.Println("s180", n, i0)
					fmt.Println("s181", f4(n+1))
				}
			}()
		}
		defer func() {
			for i0 := 0; i0 < 1; i0++ {
				{
					r := recover()
					fmt.Println("s183", r)
					if r != nil {
						panic(fmt.Sprint("r183:", r))
					}
				}
				{
					r := recover()
					fmt.Println("s184", r)
					if r != nil {
						panic(fmt.Sprint("r184:", r))
					}
				}
				if n%4 == 0 {
					fmt.Println("s185", n, i0)
					fmt.Println("s186", recover())
				}
				fmt.Println("s187", recover())
			}
			defer func() {
				fmt.Println("s189", n)
				if n%4 == 0 {
					for i0 := 0; i0 < 2; i0++ {
						fmt.Println("s190", recover())
					}
					fmt.Println("s191", rhelp())
					if n%3 == 1 {
						fmt.Println("s192", recover())
						fmt.Println("s193", n)
						rdirect("s194")
					}
				} else {
					for i0 := 0; i0 < 2; i0++ {
						fmt.Println("s195", rhelp())
						fmt.Println("s196", n, i0)
						fmt.Println("s197", f4(n+3))
					}
					fmt.Println("s198", recover())
					{
						r := recover()
						fmt.Println("s199", r)
						if r != nil {
							panic(fmt.Sprint("r199:", r))
						}
					}
					fmt.Println("s200", n)
				}
				for i0 := 0; i0 < 2; i0++ {
					fmt.Println("s201", rhelp())
					rdirect("s202")
					fmt.Println("s203", recover())
					panic(204)
				}
			}()
		}()
		if n%4 == 1 {
			if n%2 == 1 {
				defer func() {
					panic(nil)
				}()
				fmt.Println("s207", n)
			}
			fmt.Println("s208", f4(n+0))
			defer func() {
				fmt.Println("s210", n)
			}()
			{
				var rc recoverer = T{211}
				defer rc.rec("s211")
			}
			fmt.Println("s212", n)
			fmt.Println("s213", f4(n+2))
		}
		defer func() {
			fmt.Println("s215", recover())
			sink += []int{1, 2, 3}[n%3]
			rdirect("s217")
			fmt.Println("s218", recover())
			panic("p219")
		}()
	}()
	sink += 100 / (n % 1)
	defer func() {
		fmt.Println("s222", rhelp())
		sink += 100 / (n % 3)
		if n%3 == 1 {
			sink += 100 / (n % 2)
			defer func() {
				defer func() {
					sink += 100 / (n % 4)
				}()
				defer f7(n+3)
				f8(n+2)
			}()
			rdirect("s230")
			fmt.Println("s231", recover())
		}
		fmt.Println("s232", recover())
		fmt.Println("s233", recover())
	}()
	sink += []int{1, 2, 3}[n%3]
	panic(myErr{235})
}

func f4(n int) (res int) {
	defer func() {
		res = res*2 + 3
		panic(fmt.Sprint("p237:", n))
	}()
	for i0 := 0; i0 < 2; i0++ {
		defer T{238}.rec("s238")
		fmt.Println("s239", n, i0, res)
		fmt.Println("s240", n, i0, res)
		f5(n+3)
		n += 1
		fmt.Println("s242", n, i0, res)
		res = res*2 + 9
	}
	if n%3 == 0 {
		defer panic(myErr{243})
		fmt.Println("s244", f7(n+3))
		f5(n+3)
		defer fmt.Println("s246", n, res)
		defer func() {
			n += 3
			func() {
				n += 3
			}()
			res = res*1 + 8
			if n%4 == 2 {
				sink += []int{1, 2, 3}[n%5]
				fmt.Println("s249", recover())
			}
		}()
		if n%4 == 2 {
			sink += []int{1, 2, 3}[n%6]
			res = res*2 + 5
			defer panic(fmt.Sprint("p251:", n))
			if n%3 == 2 {
				defer fmt.Println("s252", n, res)
			}
			{
				r := recover()
				fmt.Println("s253", r)
				if r != nil {
					panic(fmt.Sprint("r253:", r))
				}
			}
		} else {
			defer func() {
				res = res*3 + 5
			}()
		}
		if n%2 == 1 {
			fmt.Println("s255", n, res)
			fmt.Println("s256", n, res)
			fmt.Println("s257", f7(n+1))
			fmt.Println("s258", n, res)
			res = res*1 + 0
			sink += 100 / (n % 4)
		}
	}
	defer func() {
		if n%3 == 2 {
			if n%3 == 0 {
				for i0 := 0; i0 < 1; i0++ {
					fmt.Println("s261", n, i0, res)
					fmt.Println("s262", recover())
					fmt.Println("s263", n, i0, res)
				}
			} else {
				if n%4 == 2 {
					rdirect("s264")
				}
				rdirect("s265")
			}
			fmt.Println("s266", rhelp())
			f8(n+0)
			fmt.Println("s268", n, res)
		} else {
			fmt.Println("s269", n, res)
		}
		fmt.Println("s270", recover())
		fmt.Println("s271", recover())
	}()
	fmt.Println("s272", recover())
	fmt.Println("s273", n, res)
	f8(n+2)
	for i0 := 0; i0 < 3; i0++ {
		if n%3 == 1 {
			if i0%4 == 1 {
				f5(n+i0+3)
				fmt.Println("s276", n, i0, res)
				for i1 := 0; i1 < 3; i1++ {
					fmt.Println("s277", f6(n+i1+0))
					func(i0, i1 int) {
						f5(n+3)
					}(i0, i1)
					for i2 := 0; i2 < 2; i2++ {
						rdirect("s279")
						fmt.Println("s280", f7(n+i1+0))
						nilMap[n] = 1
					}
					for i2 := 0; i2 < 3; i2++ {
						n += 1
					}
				}
				fmt.Println("s282", f6(n+1))
			}
			f8(n+2)
			if i0%3 == 2 {
				fmt.Println("s284", n, i0, res)
				defer func(i0 int) {
					fmt.Println("s286", n, i0, res)
					fmt.Println("s287", recover())
					sink += 100 / (n % 2)
					fmt.Println("s289", recover())
				}(i0)
				f5(n+1)
				fmt.Println("s291", f7(n+3))
			} else {
				defer func(i0 int) {
					f8(n+1)
					rdirect("s294")
					rdirect("s295")
				}(i0)
				fmt.Println("s296", f7(n+3))
				sink += 100 / (n % 2)
				func(i0 int) {
					f8(n+i0+0)
					defer fmt.Println("s299", n, i0, res)
					f8(n+i0+1)
				}(i0)
			}
			sink += 100 / (n % 3)
		} else {
			n += 1
		}
		fmt.Println("s302", n, i0, res)
		func(i0 int) {
			for i1 := 0; i1 < 1; i1++ {
				defer f7(n+1)
				rdirect("s304")
				fmt.Println("s305", n, i0, i1, res)
			}
			defer func(i0 int) {
				fmt.Println("s307", rhelp())
				fmt.Println("s308", n, i0, res)
				fmt.Println("s309", recover())
			}(i0)
			f5(n+1)
			res = res*2 + 4
		}(i0)
		fmt.Println("s311", f7(n+2))
		fmt.Println("s312", f7(n+1))
		defer func(i0 int) {
			n += 1
			if i0%4 == 3 {
				fmt.Println("s314", recover())
				fmt.Println("s315", recover())
				fmt.Println("s316", recover())
			}
			{
				r := recover()
				fmt.Println("s317", r)
				if r != nil {
					panic(fmt.Sprint("r317:", r))
				}
			}
			fmt.Println("s318", recover())
			func(i0 int) {
				if i0%2 == 0 {
					if n%2 == 0 {
						fmt.Println("s319", n, i0, res)
						f8(n+i0+1)
					}
					fmt.Println("s321", f7(n+1))
					fmt.Println("s322", n, i0, res)
				} else {
					defer func() {
						fmt.Println("s324", n, i0, res)
					}()
					defer func() {
						res = res*1 + 0
					}()
				}
				fmt.Println("s326", f6(n+i0+1))
				panic(errors.New("e327"))
			}(i0)
		}(i0)
	}
	return
}

func f5(n int) {
	if n%3 == 1 {
		defer T{328}.rec("s328")
		fmt.Println("s329", f6(n+3))
		if n%4 == 1 {
			defer func() {
				for i0 := 0; i0 < 1; i0++ {
					{
						r := recover()
						fmt.Println("s331", r)
						if r != nil {
							panic(fmt.Sprint("r331:", r))
						}
					}
					fmt.Println("s332", n, i0)
				}
			}()
			fmt.Println("s333", f7(n+0))
			defer func() {
				fmt.Println("s335", f7(n+1))
				panic(code(336))
			}()
			fmt.Println("s337", n)
			{
				mv := T{338}.rec
				defer mv("s338")
			}
			defer f8(n+1)
		}
		defer rdirect("s340")
		defer func() {
			fmt.Println("s342", rhelp())
			fmt.Println("s343", n)
			func() {
				fmt.Println("s344", f7(n+1))
				sink += 100 / (n % 4)
				func() {
					fmt.Println("s346", f7(n+1))
					for i0 := 0; i0 < 2; i0++ {
						fmt.Println("s347", n, i0)
						fmt.Println("s348", n, i0)
						fmt.Println("s349", f6(n+0))
					}
				}()
			}()
			for i0 := 0; i0 < 3; i0++ {
				defer fmt.Println("s350", n, i0)
			}
			fmt.Println("s351", recover())
			fmt.Println("s352", f7(n+0))
		}()
	}
	defer func() {
		rdirect("s354")
		{
			r := recover()
			fmt.Println("s355", r)
			if r != nil {
				panic(fmt.Sprint("r355:", r))
			}
		}
	}()
	defer (&T{356}).recp("s356")
	defer rdirect("s357")
	defer func() {
		{
			r := recover()
			fmt.Println("s359", r)
			if r != nil {
				panic(fmt.Sprint("r359:", r))
			}
		}
		defer func() {
			n += 1
			defer func() {
				fmt.Println("s362", n)
				fmt.Println("s363", f6(n+0))
				fmt.Println("s364", f7(n+3))
				panic(myErr{365})
			}()
		}()
		fmt.Println("s366", recover())
	}()
	defer (&T{367}).recp("s367")
	fmt.Println("s368", recover())
	defer fmt.Println("s369", n)
}

func f6(n int) (res int) {
	defer func() {
		for i0 := 0; i0 < 1; i0++ {
			defer panic(nil)
			for i1 := 0; i1 < 3; i1++ {
				fmt.Println("s372", rhelp())
				fmt.Println("s373", rhelp())
				res = res*3 + 3
				func(i0, i1 int) {
					defer panic(errors.New("e374"))
					f8(n+i0+1)
					defer panic(fmt.Sprint("p376:", n))
					defer rdirect("s377")
				}(i0, i1)
			}
			fmt.Println("s378", recover())
		}
		fmt.Println("s379", n, res)
		if n%4 == 0 {
			fmt.Println("s380", n, res)
			func() {
				fmt.Println("s381", f7(n+3))
				defer func() {
					{
						r := recover()
						fmt.Println("s383", r)
						if r != nil {
							panic(fmt.Sprint("r383:", r))
						}
					}
					panic(myErr{384})
				}()
				fmt.Println("s385", n, res)
				f8(n+2)
				n += 3
			}()
			fmt.Println("s387", rhelp())
		} else {
			fmt.Println("s388", n, res)
			f8(n+2)
			defer func() {
				fmt.Println("s391", recover())
				defer fmt.Println("s392", n, res)
				panic(errors.New("e393"))
			}()
			panic(code(394))
		}
		fmt.Println("s395", recover())
		sink += 100 / (n % 1)
		sink += *nilPtr
	}()
	fmt.Println("s398", n, res)
	if n%2 == 1 {
		fmt.Println("s399", f7(n+2))
		fmt.Println("s400", n, res)
		for i0 := 0; i0 < 2; i0++ {
			defer fmt.Println("s401", n, i0, res)
			if i0%2 == 1 {
				defer f8(n+i0+3)
				f8(n+1)
			}
			{
				var nf func()
				defer nf()
			}
			fmt.Println("s405", n, i0, res)
			f8(n+2)
			if i0%2 == 1 {
				rdirect("s407")
			} else {
				sink += []int{1, 2, 3}[n%4]
			}
		}
		if n%3 == 2 {
			sink += 100 / (n % 2)
			if n%2 == 1 {
				fmt.Println("s410", f7(n+0))
				defer func() {
					fmt.Println("s412", f7(n+0))
					defer fmt.Println("s413", n, res)
				}()
			}
			f8(n+3)
			fmt.Println("s415", n, res)
			fmt.Println("s416", f7(n+2))
			defer func() {
				fmt.Println("s418", recover())
				fmt.Println("s419", recover())
				defer func() {
					res = res*2 + 1
					f8(n+2)
				}()
				rdirect("s422")
			}()
		}
		defer rdirect("s423")
		f8(n+2)
	}
	defer func() {
		panic(myErr{426})
	}()
	fmt.Println("s427", f7(n+3))
	sink += 100 / (n % 2)
	if n%4 == 1 {
		defer panic(myErr{429})
		f8(n+2)
		func() {
			defer func() {
				fmt.Println("s432", n, res)
				fmt.Println("s433", recover())
			}()
			fmt.Println("s434", n, res)
			fmt.Println("s435", n, res)
			sink += 100 / (n % 3)
			defer rdirect("s437")
			if n%4 == 1 {
				fmt.Println("s438", recover())
				if n%2 == 0 {
					f8(n+2)
				} else {
					defer fmt.Println("s440", n, res)
				}
				sink += []int{1, 2, 3}[n%3]
				fmt.Println("s442", f7(n+2))
				return
			}
		}()
		f8(n+1)
	}
	defer func() {
		res = res*1 + 3
		fmt.Println("s445", rhelp())
		fmt.Println("s446", n, res)
	}()
	return
}

func f7(n int) (res int) {
	fmt.Println("s447", n, res)
	defer func() {
		fmt.Println("s449", rhelp())
	}()
	if n%3 == 1 {
		for i0 := 0; i0 < 2; i0++ {
			if n%4 == 3 {
				defer func(i0 int) {
					{
						r := recover()
						fmt.Println("s451", r)
						if r != nil {
							panic(fmt.Sprint("r451:", r))
						}
					}
					func(i0 int) {
						f8(n+0)
					}(i0)
				}(i0)
				for i1 := 0; i1 < 1; i1++ {
					rdirect("s453")
				}
				func(i0 int) {
					defer f8(n+1)
					defer f8(n+3)
					defer rdirect("s456")
				}(i0)
			}
		}
		for i0 := 0; i0 < 1; i0++ {
			defer func() {
				rdirect("s458")
				fmt.Println("s459", rhelp())
				sink += 100 / (n % 3)
				fmt.Println("s461", recover())
				for i1 := 0; i1 < 2; i1++ {
					rdirect("s462")
					if i1%3 == 0 {
						fmt.Println("s463", rhelp())
					}
				}
			}()
		}
		fmt.Println("s464", rhelp())
		defer func() {
			for i0 := 0; i0 < 3; i0++ {
				fmt.Println("s466", rhelp())
				{
					r := recover()
					fmt.Println("s467", r)
					if r != nil {
						panic(fmt.Sprint("r467:", r))
					}
				}
				{
					r := recover()
					fmt.Println("s468", r)
					if r != nil {
						panic(fmt.Sprint("r468:", r))
					}
				}
				fmt.Println("s469", recover())
			}
		}()
	} else {
		{
			mv := T{470}.rec
			defer mv("s470")
		}
		f8(n+3)
		f8(n+0)
		f8(n+3)
		f8(n+0)
		sink += []int{1, 2, 3}[n%4]
		sink += anyVal.(int)
	}
	defer func() {
		res = res*2 + 5
		if n%2 == 1 {
			sink += []int{1, 2, 3}[n%4]
			f8(n+2)
			rdirect("s480")
			for i0 := 0; i0 < 2; i0++ {
				f8(n+2)
				func(i0 int) {
					for i1 := 0; i1 < 2; i1++ {
						fmt.Println("s482", n, i0, i1, res)
						f8(n+3)
					}
					sink += *nilPtr
				}(i0)
				f8(n+3)
				panic(code(486))
			}
			defer func() {
				func() {
					defer func() {
						sink += []int{1, 2, 3}[n%4]
					}()
					defer func() {
						fmt.Println("s491", recover())
						n += 1
						fmt.Println("s492", recover())
					}()
					f8(n+1)
				}()
				nilMap[n] = 1
			}()
			if n%4 == 2 {
				fmt.Println("s495", recover())
				rdirect("s496")
				fmt.Println("s497", recover())
				sink += []int{1, 2, 3}[n%5]
				fmt.Println("s499", recover())
			}
		} else {
			panic(500)
		}
		func() {
			f8(n+1)
			sink += []int{1, 2, 3}[n%4]
			sink += 100 / (n % 1)
			func() {
				fmt.Println("s504", n, res)
				if n%3 == 2 {
					if n%4 == 1 {
						fmt.Println("s505", n, res)
						fmt.Println("s506", n, res)
						f8(n+1)
					}
				}
				fmt.Println("s508", n, res)
				fmt.Println("s509", recover())
			}()
			sink += []int{1, 2, 3}[n%5]
			n += 3
		}()
		{
			r := recover()
			fmt.Println("s511", r)
			if r != nil {
				panic(fmt.Sprint("r511:", r))
			}
		}
		for i0 := 0; i0 < 2; i0++ {
			f8(n+1)
			res = res*2 + 5
		}
		func() {
			f8(n+1)
			sink += []int{1, 2, 3}[n%4]
			if n%2 == 0 {
				fmt.Println("s515", n, res)
			}
		}()
	}()
	return
}

func f8(n int) {
	defer func() {
		fmt.Println("s517", recover())
		fmt.Println("s518", n)
		defer (&T{519}).recp("s519")
		{
			r := recover()
			fmt.Println("s520", r)
			if r != nil {
				panic(fmt.Sprint("r520:", r))
			}
		}
		fmt.Println("s521", recover())
		panic(nil)
	}()
	defer func() {
		fmt.Println("s524", recover())
	}()
	func() {
		sink += []int{1, 2, 3}[n%5]
		for i0 := 0; i0 < 2; i0++ {
			defer func(i0 int) {
				if n%3 == 0 {
					{
						r := recover()
						fmt.Println("s527", r)
						if r != nil {
							panic(fmt.Sprint("r527:", r))
						}
					}
					n += 3
					fmt.Println("s528", rhelp())
					fmt.Println("s529", recover())
				} else {
					fmt.Println("s530", recover())
				}
				fmt.Println("s531", n, i0)
				fmt.Println("s532", recover())
				fmt.Println("s533", recover())
			}(i0)
			for i1 := 0; i1 < 3; i1++ {
				fmt.Println("s534", n, i0, i1)
			}
			defer func() {
				fmt.Println("s536", rhelp())
			}()
			defer func(i0 int) {
				fmt.Println("s538", rhelp())
				fmt.Println("s539", recover())
				sink += []int{1, 2, 3}[n%4]
				fmt.Println("s541", recover())
			}(i0)
			{
				var nf func()
				defer nf()
			}
			func(i0 int) {
				if i0%3 == 2 {
					if n%2 == 0 {
						fmt.Println("s543", n, i0)
						sink += []int{1, 2, 3}[n%4]
						fmt.Println("s545", n, i0)
					} else {
						sink += 100 / (n % 3)
						fmt.Println("s547", n, i0)
					}
				}
				fmt.Println("s548", n, i0)
				sink += *nilPtr
			}(i0)
		}
		if n%2 == 0 {
			fmt.Println("s550", n)
			panic(errors.New("e551"))
		}
		defer fmt.Println("s552", n)
	}()
	if n%4 == 2 {
		defer func() {
			fmt.Println("s554", rhelp())
			fmt.Println("s555", rhelp())
			{
				r := recover()
				fmt.Println("s556", r)
				if r != nil {
					panic(fmt.Sprint("r556:", r))
				}
			}
		}()
		fmt.Println("s557", n)
		fmt.Println("s558", n)
		fmt.Println("s559", rhelp())
		{
			var rc recoverer = T{560}
			defer rc.rec("s560")
		}
	}
	defer fmt.Println("s561", n)
	if n%3 == 0 {
		{
			mv := T{562}.rec
			defer mv("s562")
		}
		defer func() {
			for i0 := 0; i0 < 2; i0++ {
				sink += 100 / (n % 1)
				{
					r := recover()
					fmt.Println("s565", r)
					if r != nil {
						panic(fmt.Sprint("r565:", r))
					}
				}
				rdirect("s566")
			}
			for i0 := 0; i0 < 1; i0++ {
				fmt.Println("s567", recover())
				sink += 100 / (n % 3)
				fmt.Println("s569", rhelp())
				fmt.Println("s570", rhelp())
				for i1 := 0; i1 < 2; i1++ {
					fmt.Println("s571", n, i0, i1)
					if i0%3 == 1 {
						fmt.Println("s572", n, i0, i1)
					} else {
						fmt.Println("s573", n, i0, i1)
						{
							r := recover()
							fmt.Println("s574", r)
							if r != nil {
								panic(fmt.Sprint("r574:", r))
							}
						}
						fmt.Println("s575", recover())
					}
					fmt.Println("s576", rhelp())
				}
			}
			{
				r := recover()
				fmt.Println("s577", r)
				if r != nil {
					panic(fmt.Sprint("r577:", r))
				}
			}
			if n%4 == 2 {
				fmt.Println("s578", n)
				fmt.Println("s579", n)
			}
			rdirect("s580")
		}()
		for i0 := 0; i0 < 3; i0++ {
			defer func(i0 int) {
				{
					r := recover()
					fmt.Println("s582", r)
					if r != nil {
						panic(fmt.Sprint("r582:", r))
					}
				}
				n += 2
			}(i0)
			for i1 := 0; i1 < 1; i1++ {
				for i2 := 0; i2 < 2; i2++ {
					fmt.Println("s583", n, i0, i1, i2)
					{
						var rc recoverer = T{584}
						defer rc.rec("s584")
					}
				}
				if i1%3 == 0 {
					n += 3
					defer fmt.Println("s585", n, i0, i1)
				} else {
					func(i0, i1 int) {
						sink += 100 / (n % 4)
						defer rdirect("s587")
					}(i0, i1)
					for i2 := 0; i2 < 3; i2++ {
						panic("p588")
					}
					fmt.Println("s589", n, i0, i1)
				}
				for i2 := 0; i2 < 1; i2++ {
					if i0%2 == 0 {
						fmt.Println("s590", recover())
					} else {
						sink += 100 / (n % 4)
						defer fmt.Println("s592", n, i0, i1, i2)
						fmt.Println("s593", recover())
					}
					fmt.Println("s594", n, i0, i1, i2)
					if n%2 == 1 {
						fmt.Println("s595", rhelp())
						fmt.Println("s596", n, i0, i1, i2)
						panic("p597")
					}
					return
				}
				if i1%2 == 0 {
					defer T{598}.rec("s598")
					defer func(i0, i1 int) {
						sink += []int{1, 2, 3}[n%5]
					}(i0, i1)
					defer fmt.Println("s601", n, i0, i1)
				}
				defer fmt.Println("s602", n, i0, i1)
			}
		}
		nilMap[n] = 1
	}
	defer fmt.Println("s604", n)
}

func main() {
	fmt.Println("s1")
	fmt.Println("s605", f0(5))
	fmt.Println("end")
}
