package main

// Tracebacks below the header (issue 8 §6): a deferred func literal that panics while a `return`
// runs it shows as its own frame (main.pick.func1) above main.pick at the `return`'s line, even
// though gojit emits the literal's body inline at that exit; `defer f(x)` shows gc's deferwrap
// frame. Expectations: Go 1.27.3 (.tb via tests/regen_tracebacks.sh).
import "fmt"

var table map[string]int

func fail(n int) {
	if n > 1 {
		panic(fmt.Sprintf("fail %d", n))
	}
}

func pick(n int) (r int) {
	defer fail(n)
	defer func() {
		if n > 2 {
			table["x"] = n
		}
	}()
	if n == 0 {
		return 10
	}
	if n == 5 {
		return 50
	}
	return n
}

func main() {
	fmt.Println(pick(0), pick(1))
	defer fmt.Println("main's defer runs")
	fmt.Println(pick(5))
}
