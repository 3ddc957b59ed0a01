//! The normal (non-panicking) path of open-coded defers allocates nothing (DESIGN §4.2): the
//! deferred closure lives in a frame slot and deferBits in a byte, never on the heap.
//!
//! Each case runs a Go function with defers 10,000 times inside one JIT-compiled program and counts
//! the runtime heap allocations made by the whole run (`gojit_runtime::alloc::allocation_count`).
//! The program's own fixed costs (printing the result) stay far below the iteration count, so any
//! per-call allocation on the defer path makes the count exceed the bound.

mod common;

const ITERATIONS: u64 = 10_000;
/// Allocations allowed for the program's fixed work (start-up, printing the result).
const FIXED_BUDGET: u64 = 64;

/// Heap allocations of one run of `source` (tests/common).
fn allocations_of(name: &str, source: &str) -> u64 {
    common::allocations_of("defer_alloc", name, source)
}

fn check_no_allocation(name: &str, source: &str) {
    let n = allocations_of(name, source);
    assert!(n <= FIXED_BUDGET, "{name}: {n} allocations for {ITERATIONS} calls: the normal defer path allocates");
}

/// Sanity check of the method: a loop that does allocate is caught.
#[test]
fn the_counter_sees_per_call_allocations() {
    let n = allocations_of(
        "allocating",
        r#"package main

var keep *int
func f(i int) { p := new(int); *p = i; keep = p }
func main() {
	for i := 0; i < 10000; i++ { f(i) }
	println(*keep)
}
"#,
    );
    assert!(n >= ITERATIONS, "only {n} allocations counted for 10,000 new(int)");
}

#[test]
fn func_literal_defer_touching_globals() {
    check_no_allocation(
        "global",
        r#"package main

var counter int
func f(i int) int {
	defer func() { counter++ }()
	return i & 7
}
func main() {
	sum := 0
	for i := 0; i < 10000; i++ { sum += f(i) }
	println(sum, counter)
}
"#,
    );
}

#[test]
fn defer_of_a_call_with_arguments() {
    check_no_allocation(
        "args",
        r#"package main

var total int
func add(a, b int) { total += a * b }
func f(i int) {
	defer add(i, 2)
	defer add(i, 3)
}
func main() {
	for i := 0; i < 10000; i++ { f(i) }
	println(total)
}
"#,
    );
}

#[test]

fn closure_modifying_a_named_result() {
    check_no_allocation(
        "named",
        r#"package main

func f(i int) (r int) {
	defer func() { r *= 2 }()
	return i
}
func main() {
	sum := 0
	for i := 0; i < 10000; i++ { sum += f(i) }
	println(sum)
}
"#,
    );
}

#[test]
fn method_defer_and_conditional_defer() {
    check_no_allocation(
        "method",
        r#"package main

type T struct{ n int }
func (t *T) bump() { t.n++ }
var t T
func f(i int) {
	defer t.bump()
	if i%2 == 0 {
		defer t.bump()
	}
}
func main() {
	for i := 0; i < 10000; i++ { f(i) }
	println(t.n)
}
"#,
    );
}
