//! End-to-end tests of the lowering layer: parse + check + lower + finalize + run, observing the
//! program's exit status (`os.Exit`), so they do not depend on the printing runtime.

use crate::diag::SourceFile;

/// Compiles and runs `text`; returns the exit status.
fn run(text: &str) -> i32 {
    let src = SourceFile::new("t.go", text);
    let file = crate::syntax::parse_file(&src).unwrap_or_else(|d| panic!("parse: {d:?}"));
    let checked = crate::types::check(&file, &src).unwrap_or_else(|d| panic!("check: {d:?}"));
    let mut jit = crate::jit::Jit::new().expect("jit");
    let lowered = super::lower_program(&file, &src, &checked.types, &checked.info, &mut jit)
        .unwrap_or_else(|d| panic!("lower: {d:?}"));
    let prog = jit.finalize(Some(lowered.main)).expect("finalize");
    lowered.patch(|id| prog.address(id));
    prog.run_main()
}

#[test]
fn fib_and_loops() {
    let code = run(r#"package main

import "os"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	s := 0
	for i := 0; i < 10; i++ {
		s += i
	}
	os.Exit((fib(20) + s) % 200)
}
"#);
    assert_eq!(code, (6765 + 45) % 200);
}

#[test]
fn integer_semantics() {
    let code = run(r#"package main

import "os"

func div(a, b int) int { return a / b }

func main() {
	var x int8 = 127
	x++
	r := 0
	if x == -128 {
		r += 1
	}
	m := -9223372036854775807 - 1
	if div(m, -1) == m {
		r += 2
	}
	var s uint = 70
	if 1<<s == 0 {
		r += 4
	}
	if -7%3 == -1 && -7/2 == -3 {
		r += 8
	}
	os.Exit(r)
}
"#);
    assert_eq!(code, 15);
}

#[test]
fn open_coded_defer_and_recover() {
    let code = run(r#"package main

import "os"

var n, res int

func f() int {
	defer func() {
		if recover() != nil {
			res = 40 + n
		}
	}()
	defer func() { n++ }()
	var p *int
	return *p
}

func main() {
	f()
	os.Exit(res)
}
"#);
    assert_eq!(code, 41);
}
