//! gojit's on-disk cache (`src/cache.rs`, `src/jit/codegen.rs`, docs/package-cache.md) at the
//! process boundary: a second run of a program reads its code from the cache and prints the same;
//! corrupt entries are detected and rebuilt; `GOJIT_CACHE=off` writes nothing; concurrent runs on
//! one empty cache all succeed. Each test uses its own cache directory under the target dir.
//! Expected outputs are the programs' `go run` outputs (Go 1.27.3).

mod common;

use common::cached::{self, assert_ok, program_stderr};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A program importing a GOROOT package (`go run` prints `hello bytes true` on stderr).
const BYTES_PROG: &str = r#"package main

import "bytes"

func main() {
	var b bytes.Buffer
	b.WriteString("hello ")
	b.WriteString("bytes")
	println(b.String(), bytes.Contains([]byte("abc"), []byte("b")))
}
"#;
const BYTES_OUT: &str = "hello bytes true\n";

fn setup(name: &str, src: &str) -> (PathBuf, PathBuf) {
    cached::setup("cache", name, src)
}

/// The code cache alone: a program image would skip code generation (tests/image.rs).
fn run(home: &Path, dir: &Path, env: &[(&str, &str)]) -> Output {
    let env: Vec<(&str, &str)> = [("GOJIT_IMAGE", "off")].into_iter().chain(env.iter().copied()).collect();
    cached::run_args(home, dir, &["prog.go"], &env)
}

/// The `(hits, misses, corrupt)` of `--time`'s cache line.
fn cache_counts(out: &Output) -> (u64, u64, u64) {
    let err = String::from_utf8_lossy(&out.stderr);
    let line = err.lines().find(|l| l.starts_with("gojit: cache ")).unwrap_or_else(|| panic!("no cache line in:\n{err}"));
    let num = |word: &str| -> u64 {
        let i = line.find(word).unwrap_or_else(|| panic!("no {word:?} in {line:?}"));
        line[..i].trim_end().rsplit(|c: char| !c.is_ascii_digit()).next().unwrap().parse().unwrap()
    };
    let corrupt = if line.contains(" corrupt)") { num(" corrupt)") } else { 0 };
    (num(" hits"), num(" misses"), corrupt)
}

/// Every code pack file of the cache (one per package).
fn entries(home: &Path) -> Vec<PathBuf> {
    cached::entries(home, "pack")
}

#[test]
fn warm_run_reads_every_function_from_the_cache() {
    let (home, dir) = setup("warm", BYTES_PROG);
    let cold = run(&home, &dir, &[]);
    assert_ok(&cold, BYTES_OUT);
    let (hits, misses, _) = cache_counts(&cold);
    assert!(misses > 0, "a cold cache misses");
    assert!(!entries(&home).is_empty(), "the cold run stores code");
    let warm = run(&home, &dir, &[]);
    assert_ok(&warm, BYTES_OUT);
    let (warm_hits, warm_misses, corrupt) = cache_counts(&warm);
    assert_eq!((warm_misses, corrupt), (0, 0), "every function was stored by the cold run");
    assert!(warm_hits >= misses - hits, "warm hits {warm_hits}, cold misses {misses}");
    let _ = std::fs::remove_dir_all(home.parent().unwrap());
}

/// Zero-sized package variables (`go run` prints `true 0` on stderr): their address is Go's
/// `zerobase`, which must be the same in every run, or every function referring to one misses
/// the cache on every run (it was a static of gojit's position-independent executable).
const ZERO_SIZED_PROG: &str = r#"package main

type empty struct{}

var z empty
var arr [0]int

func get() any { return z }

func main() {
	p := &arr
	println(get() == any(empty{}), len(p))
}
"#;

#[test]
fn zero_sized_variables_do_not_defeat_the_cache() {
    let (home, dir) = setup("zerobase", ZERO_SIZED_PROG);
    assert_ok(&run(&home, &dir, &[]), "true 0\n");
    let warm = run(&home, &dir, &[]);
    assert_ok(&warm, "true 0\n");
    assert_eq!(cache_counts(&warm).1, 0, "a warm run compiles nothing");
    let _ = std::fs::remove_dir_all(home.parent().unwrap());
}

#[test]
fn corrupt_entries_are_detected_and_rebuilt() {
    let (home, dir) = setup("corrupt", BYTES_PROG);
    assert_ok(&run(&home, &dir, &[]), BYTES_OUT);
    let files = entries(&home);
    assert!(!files.is_empty());
    // Flip a byte of every pack's last function (the end of the payload), truncate one.
    for (i, f) in files.iter().enumerate() {
        let mut bytes = std::fs::read(f).unwrap();
        if i == 0 {
            bytes.truncate(bytes.len() / 2);
        } else {
            let last = bytes.len() - 1;
            bytes[last] ^= 0x40;
        }
        std::fs::write(f, bytes).unwrap();
    }
    let out = run(&home, &dir, &[]);
    assert_ok(&out, BYTES_OUT);
    let (_, misses, corrupt) = cache_counts(&out);
    assert!(corrupt > 0 && misses >= corrupt, "corrupt entries are misses: {corrupt} corrupt, {misses} misses");
    // ... and were rewritten: the next run hits everything again.
    let again = run(&home, &dir, &[]);
    assert_ok(&again, BYTES_OUT);
    assert_eq!(cache_counts(&again).1, 0);
    let _ = std::fs::remove_dir_all(home.parent().unwrap());
}

#[test]
fn cache_off_writes_nothing() {
    let (home, dir) = setup("off", BYTES_PROG);
    let out = run(&home, &dir, &[("GOJIT_CACHE", "off")]);
    assert_ok(&out, BYTES_OUT);
    assert!(String::from_utf8_lossy(&out.stderr).contains("gojit: cache off"));
    assert!(!home.join("gojit").exists(), "GOJIT_CACHE=off must not create the cache");
    let _ = std::fs::remove_dir_all(home.parent().unwrap());
}

#[test]
fn concurrent_runs_share_one_empty_cache() {
    let (home, dir) = setup("concurrent", BYTES_PROG);
    let children: Vec<_> = (0..4)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_gojit"))
                .args(["run", "prog.go"])
                .current_dir(&dir)
                .env("XDG_CACHE_HOME", &home)
                .env_remove("GOJIT_CACHE")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("start gojit")
        })
        .collect();
    for c in children {
        assert_ok(&c.wait_with_output().unwrap(), BYTES_OUT);
    }
    let warm = run(&home, &dir, &[]);
    assert_ok(&warm, BYTES_OUT);
    assert_eq!(cache_counts(&warm).2, 0, "no entry was left half-written");
    let leftovers: Vec<_> = entries(&home).into_iter().filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(".tmp")).collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    let _ = std::fs::remove_dir_all(home.parent().unwrap());
}

/// Code generation on worker threads places the same code as on the lowering thread: the
/// program's behaviour, including a panic's traceback through several functions, is the same
/// with `GOJIT_JOBS=1` and `GOJIT_JOBS=4`.
#[test]
fn worker_threads_do_not_change_the_program() {
    let src = r#"package main

import "strings"

func f(n int) int {
	if n == 0 {
		var m map[string]int
		m["x"] = 1
	}
	return f(n-1) + 1
}

func main() {
	println(strings.Repeat("ab", 3))
	f(3)
}
"#;
    let (home, dir) = setup("jobs", src);
    let one = run(&home, &dir, &[("GOJIT_JOBS", "1"), ("GOJIT_CACHE", "off")]);
    let four = run(&home, &dir, &[("GOJIT_JOBS", "4"), ("GOJIT_CACHE", "off")]);
    assert_eq!(one.status.code(), Some(2));
    assert_eq!(four.status.code(), Some(2));
    let traceback = |o: &Output| -> String { program_stderr(o).lines().map(|l| l.split(" +0x").next().unwrap().to_string() + "\n").collect() };
    assert!(traceback(&one).starts_with("ababab\npanic: assignment to entry in nil map"), "{}", traceback(&one));
    assert_eq!(traceback(&one), traceback(&four));
    let _ = std::fs::remove_dir_all(home.parent().unwrap());
}
