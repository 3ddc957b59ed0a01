//! Escape analysis (`src/lower/escape.rs`) keeps non-escaping address-taken and captured
//! variables, and non-escaping closures, in the frame: such functions allocate nothing per call.
//! Functions whose addresses do escape must still allocate once per call (a distinct, live
//! variable), which the second group checks.
//!
//! Each case calls a Go function 10,000 times inside one JIT-compiled program and counts the
//! runtime heap allocations of the whole run (`gojit_runtime::alloc::allocation_count`), as
//! `defer_alloc.rs` does.

mod common;

const ITERATIONS: u64 = 10_000;
/// Allocations allowed for the program's fixed work (start-up, printing the result).
const FIXED_BUDGET: u64 = 64;

/// Heap allocations of one run of `source` (tests/common).
fn allocations_of(name: &str, source: &str) -> u64 {
    common::allocations_of("escape_alloc", name, source)
}

/// A program calling `f(i)` ITERATIONS times (after `decls`) and printing the sum.
fn program(decls: &str) -> String {
    format!(
        "package main\n{decls}\nfunc main() {{\n\tt := 0\n\tfor i := 0; i < 10000; i++ {{ t += f(i) }}\n\tprintln(t)\n}}\n"
    )
}

fn check_stays_in_frame(name: &str, decls: &str) {
    let n = allocations_of(name, &program(decls));
    assert!(n <= FIXED_BUDGET, "{name}: {n} allocations for {ITERATIONS} calls: a non-escaping variable is on the heap");
}

fn check_escapes(name: &str, decls: &str) {
    let n = allocations_of(name, &program(decls));
    assert!(n >= ITERATIONS, "{name}: only {n} allocations for {ITERATIONS} calls: an escaping variable is in the frame");
}

#[test]
fn address_taken_local_stays_in_frame() {
    check_stays_in_frame("addr", "func f(i int) int { x := i; p := &x; *p += 1; return x }");
}

#[test]
fn address_passed_to_non_leaking_callees_stays_in_frame() {
    // recursion through pointer parameters that are only dereferenced (uglyfib.go's shape)
    check_stays_in_frame(
        "callee",
        "func g(x int, p, acc *int) { if x <= 0 { *acc += *p; return }; y := x - 1; g(y, &y, acc) }\n\
         func f(i int) int { acc := 0; v := i & 3; g(v, &v, &acc); return acc }",
    );
}

#[test]
fn pointer_receiver_method_on_local_stays_in_frame() {
    check_stays_in_frame(
        "method",
        "type S struct{ a, b int }\nfunc (s *S) add(n int) { s.a += n; s.b++ }\n\
         func f(i int) int { var s S; s.add(i); s.add(1); return s.a + s.b }",
    );
}

#[test]
fn directly_called_closure_stays_in_frame() {
    check_stays_in_frame("closure", "func f(i int) int { c := i; g := func(d int) { c += d }; g(1); g(2); return c }");
}

#[test]
fn per_iteration_address_used_within_the_iteration_stays_in_frame() {
    check_stays_in_frame("loop", "func f(i int) int { t := 0; for j := 0; j < 3; j++ { v := j + i; p := &v; t += *p }; return t }");
}

#[test]
fn address_stored_in_a_global_escapes() {
    check_escapes("global", "var keep *int\nfunc f(i int) int { x := i; keep = &x; return *keep }");
}

#[test]
fn address_leaked_by_a_callee_escapes() {
    check_escapes("leaky_callee", "var keep *int\nfunc leak(p *int) { keep = p }\nfunc f(i int) int { x := i; leak(&x); return *keep }");
}

#[test]
fn returned_address_escapes() {
    check_escapes("returned", "func addr(i int) *int { x := i; return &x }\nfunc f(i int) int { return *addr(i) }");
}

#[test]
fn closure_stored_in_a_global_escapes() {
    check_escapes("closure_global", "var keep func() int\nfunc f(i int) int { c := i; keep = func() int { return c }; return keep() }");
}

#[test]
fn address_outliving_its_iteration_escapes() {
    check_escapes("iteration", "func f(i int) int { var last *int; for j := 0; j < 2; j++ { v := i + j; last = &v }; return *last }");
}
