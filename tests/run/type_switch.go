package main

import "fmt"

type Stringer interface{ String() string }
type Name string

func (n Name) String() string { return "Name(" + string(n) + ")" }

type Err struct{ msg string }

func (e *Err) Error() string { return e.msg }

func classify(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v (%T)", x, x)
	case string:
		return "string of len " + fmt.Sprint(len(x))
	case bool:
		if x {
			return "true bool"
		}
		return "false bool"
	case error:
		return "error: " + x.Error()
	case Stringer:
		return "stringer: " + x.String()
	case []int:
		return fmt.Sprint("slice sum ", sum(x))
	case func() int:
		return fmt.Sprint("func returning ", x())
	case *int:
		return fmt.Sprint("pointer to ", *x)
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	n := 5
	var e error
	vals := []interface{}{nil, 1, int64(2), "hey", true, false, &Err{"bad"}, Name("bob"), []int{1, 2, 3},
		func() int { return 7 }, &n, 3.5, uint8(1), e}
	for _, v := range vals {
		fmt.Println(classify(v))
	}
	var x interface{} = 10
	switch x.(type) {
	case string:
		fmt.Println("string")
	default:
		fmt.Println("not string")
	}
	switch y := x.(type) {
	case int:
		y += 5
		fmt.Println(y)
	}
}
