//! End-to-end tests of the lowering layer: parse + check + lower + finalize + run, observing the
//! program's exit status (`os.Exit`), so they do not depend on the printing runtime.

use crate::diag::SourceFile;
use gojit_runtime::abi::{GoSlice, Type};

// Minimal allocation entry points for these tests (the runtime crate provides the real ones; the
// JIT binds these only when the runtime does not, see `test_symbols`).
extern "C" fn t_alloc(size: usize, _align: usize) -> *mut u8 {
    // SAFETY: calloc with a non-zero size; memory is leaked (tests are short-lived).
    unsafe { libc::calloc(1, size.max(1)) as *mut u8 }
}
extern "C" fn t_new(typ: *const Type) -> *mut u8 {
    // SAFETY: the compiler passes a valid descriptor.
    t_alloc(unsafe { (*typ).size() }, 8)
}
extern "C" fn t_makeslice(elem: *const Type, len: isize, cap: isize, out: *mut GoSlice) {
    // SAFETY: valid descriptor and out pointer from generated code.
    unsafe {
        let p = t_alloc((*elem).size() * cap as usize, 8);
        out.write(GoSlice { ptr: p, len, cap });
    }
}
extern "C" fn t_growslice(elem: *const Type, old: *const GoSlice, added: isize, out: *mut GoSlice) {
    // SAFETY: valid pointers from generated code.
    unsafe {
        let o = *old;
        let size = (*elem).size();
        let newlen = o.len + added;
        let cap = (o.cap * 2).max(newlen).max(4);
        let p = t_alloc(size * cap as usize, 8);
        std::ptr::copy_nonoverlapping(o.ptr, p, size * o.len as usize);
        out.write(GoSlice { ptr: p, len: newlen, cap });
    }
}
extern "C" fn t_memmove(dst: *mut u8, src: *const u8, n: usize) {
    // SAFETY: valid regions from generated code.
    unsafe { std::ptr::copy(src, dst, n) }
}

fn test_symbols() -> Vec<(&'static str, *const u8)> {
    let mut v: Vec<(&'static str, *const u8)> = vec![
        ("gort_alloc", t_alloc as *const u8),
        ("gort_new", t_new as *const u8),
        ("gort_makeslice", t_makeslice as *const u8),
        ("gort_growslice", t_growslice as *const u8),
        ("gort_memmove", t_memmove as *const u8),
    ];
    // prefer the runtime's own symbols when they exist
    v.retain(|(n, _)| !RUNTIME_HAS.contains(n));
    v
}

const RUNTIME_HAS: &[&str] = &[];

/// Compiles `text` and prints the machine code of every function (debugging aid).
#[allow(dead_code)]
fn disasm(text: &str) {
    use iced_x86::{Decoder, DecoderOptions, Formatter, IntelFormatter};
    let src = SourceFile::new("t.go", text);
    let file = crate::syntax::parse_file(&src).unwrap();
    let checked = crate::types::check(&file, &src).unwrap();
    let mut jit = crate::jit::Jit::new_with_extra_symbols(test_symbols()).expect("jit");
    let lowered = super::lower_program(&file, &src, &checked.types, &checked.info, &mut jit).unwrap();
    let prog = jit.finalize(Some(lowered.main)).expect("finalize");
    for (f, addr) in prog.functions() {
        eprintln!("== {}", f.meta.go_name);
        let code = prog.code(f, addr);
        let mut dec = Decoder::with_ip(64, code, 0, DecoderOptions::NONE);
        let mut fmt = IntelFormatter::new();
        let mut out = String::new();
        while dec.can_decode() {
            let ins = dec.decode();
            out.clear();
            fmt.format(&ins, &mut out);
            eprintln!("  {:04x} {}", ins.ip(), out);
        }
    }
}

/// Compiles and runs `text` through the driver (its `os.Exit` is GOROOT's os, loaded from
/// GOROOT); returns the exit status.
fn run(text: &str) -> i32 {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("gojit-lower-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("t.go");
    std::fs::write(&file, text).unwrap();
    let r = crate::driver::compile_args(&[file.display().to_string()], Default::default(), &mut Default::default(), |_| ());
    let _ = std::fs::remove_dir_all(&dir);
    let (prog, _, _) = r.unwrap_or_else(|f| panic!("compile: {f:?}"));
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

#[test]
fn closures_structs_methods_interfaces() {
    let code = run(r#"package main

import "os"

type P struct{ x, y int }

func (p P) Sum() int      { return p.x + p.y }
func (p *P) Scale(k int)  { p.x *= k; p.y *= k }

type Summer interface{ Sum() int }

func counter() func() int {
	c := 0
	return func() int { c++; return c }
}

func main() {
	r := 0
	next := counter()
	next()
	next()
	if next() == 3 {
		r |= 1
	}
	p := P{1, 2}
	p.Scale(10)
	if p.Sum() == 30 {
		r |= 2
	}
	var s Summer = p
	if s.Sum() == 30 {
		r |= 4
	}
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	if fs[0]()+fs[1]()+fs[2]() == 3 {
		r |= 8
	}
	q := &P{3, 4}
	if q.Sum() == 7 && (P{3, 4}) == *q {
		r |= 16
	}
	os.Exit(r)
}
"#);
    assert_eq!(code, 31);
}

#[test]
fn sieve_slices() {
    let code = run(r#"package main

import "os"

func sieve(n int) int {
	composite := make([]bool, n+1)
	count := 0
	for i := 2; i <= n; i++ {
		if !composite[i] {
			count++
			for j := i * i; j <= n; j += i {
				composite[j] = true
			}
		}
	}
	return count
}

func main() {
	s := []int{1, 2, 3}
	s = append(s, 4, 5)
	t := s[1:3]
	total := 0
	for _, v := range t {
		total += v
	}
	os.Exit(sieve(1000) + total)
}
"#);
    assert_eq!(code, 168 + 5);
}

#[test]
fn chained_defers_and_named_results() {
    let code = run(r#"package main

import "os"

var order int

func loop() (r int) {
	for i := 1; i <= 3; i++ {
		defer func() { order = order*10 + i }()
	}
	defer func() { r = 7 }()
	return 1
}

func g() (x int) {
	defer func() {
		if e := recover(); e != nil {
			v, _ := e.(int)
			x = v * 2
		}
	}()
	panic(21)
}

func main() {
	r := loop()
	if order == 321 && r == 7 && g() == 42 {
		os.Exit(0)
	}
	os.Exit(order % 256)
}
"#);
    assert_eq!(code, 0);
}

/// Benchmarks (run with `cargo test --release -- --ignored --nocapture bench_`): times the JIT run
/// of the programs of `shared/bench` rewritten to report through the exit status.
fn bench(name: &str, text: &str) {
    fn user_time() -> f64 {
        // SAFETY: getrusage writes into the zeroed struct we pass.
        let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
        unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
        ru.ru_utime.tv_sec as f64 + ru.ru_utime.tv_usec as f64 * 1e-6
    }
    let t = user_time();
    let code = run(text);
    eprintln!("{name}: exit {code}, {:.3}s user (compile+run)", user_time() - t);
}

#[test]
#[ignore]
fn bench_fib() {
    bench("fib", "package main\nimport \"os\"\nfunc fib(n int) int {\n\tif n < 2 {\n\t\treturn n\n\t}\n\treturn fib(n-1) + fib(n-2)\n}\nfunc main() { os.Exit(fib(38) % 256) }\n");
}

#[test]
#[ignore]
fn bench_sieve() {
    bench("sieve", "package main\nimport \"os\"\nfunc sieve(n int) int {\n\tcomposite := make([]bool, n+1)\n\tcount := 0\n\tfor i := 2; i <= n; i++ {\n\t\tif !composite[i] {\n\t\t\tcount++\n\t\t\tfor j := i * i; j <= n; j += i {\n\t\t\t\tcomposite[j] = true\n\t\t\t}\n\t\t}\n\t}\n\treturn count\n}\nfunc main() {\n\ttotal := 0\n\tfor r := 0; r < 10; r++ {\n\t\ttotal += sieve(5000000)\n\t}\n\tos.Exit(total % 256)\n}\n");
}

#[test]
#[ignore]
fn bench_call_defer_hot() {
    bench("call_hot", "package main\nimport \"os\"\nvar counter int\nfunc withoutDefer(i int) int {\n\tcounter++\n\treturn i & 7\n}\nfunc main() {\n\tsum := 0\n\tfor i := 0; i < 300000000; i++ {\n\t\tsum += withoutDefer(i)\n\t}\n\tos.Exit((sum + counter) % 256)\n}\n");
    bench("defer_hot", "package main\nimport \"os\"\nvar counter int\nfunc withDefer(i int) int {\n\tdefer func() { counter++ }()\n\treturn i & 7\n}\nfunc main() {\n\tsum := 0\n\tfor i := 0; i < 300000000; i++ {\n\t\tsum += withDefer(i)\n\t}\n\tos.Exit((sum + counter) % 256)\n}\n");
}

#[test]
#[ignore]
fn dump_defer_hot() {
    disasm("package main\nimport \"os\"\nvar counter int\nfunc withDefer(i int) int {\n\tdefer func() { counter++ }()\n\treturn i & 7\n}\nfunc main() {\n\tos.Exit(withDefer(3))\n}\n");
}
