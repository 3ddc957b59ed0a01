//! Program images (`src/image.rs`, docs/package-cache.md "The program image") at the process
//! boundary: a second run of a program starts from its image (no parse, check or lower) and
//! behaves the same, including a panic's traceback through GOROOT frames; an edited file, a new
//! file in the package or a truncated image means a compile and a new image; `GOJIT_CACHE=off`
//! reads no image. Each test uses its own cache directory under the target dir. Expected
//! outputs are the programs' `go run` outputs (Go 1.27.3).

mod common;

use common::cached::{self, assert_ok, program_stderr, run_args, stderr};
use std::path::{Path, PathBuf};
use std::process::Output;

/// A program using GOROOT packages, static data (strconv's and unicode's tables), a map, an
/// interface method through an itab and a closure (`go run` prints this on stdout).
const PROG: &str = r#"package main

import (
	"strconv"
	"strings"
	"unicode"
)

type shape interface{ area() int }

type sq struct{ n int }

func (s sq) area() int { return s.n * s.n }

func main() {
	m := map[string]int{"a": 1, "b": 2}
	var s shape = sq{3}
	up := strings.Map(unicode.ToUpper, "héllo")
	f := func(x int) string { return strconv.Itoa(x + m["b"]) }
	println(up, s.area(), f(40), strconv.Quote("tab\t"), unicode.IsUpper('Ä'))
}
"#;
const OUT: &str = "HÉLLO 9 42 \"tab\\t\" true\n";

/// The same program edited (`go run` prints this).
const EDITED: &str = r#"package main

import "strings"

func main() { println(strings.Repeat("ab", 2)) }
"#;
const EDITED_OUT: &str = "abab\n";

fn setup(name: &str, src: &str) -> (PathBuf, PathBuf) {
    cached::setup("image", name, src)
}

fn run(home: &Path, dir: &Path, env: &[(&str, &str)]) -> Output {
    run_args(home, dir, &["prog.go"], env)
}

/// `--time`'s `image: ...` note.
fn image_note(out: &Output) -> String {
    let err = stderr(out);
    err.lines().filter(|l| l.starts_with("gojit: image: ")).collect::<Vec<_>>().join("; ")
}

/// Whether the run compiled (its phases include parsing).
fn compiled(out: &Output) -> bool {
    stderr(out).lines().any(|l| l.starts_with("gojit: parse "))
}

/// Every image file of the cache.
fn images(home: &Path) -> Vec<PathBuf> {
    cached::entries(home, "image")
}

#[test]
fn a_warm_run_starts_from_the_image() {
    let (home, dir) = setup("warm", PROG);
    let cold = run(&home, &dir, &[]);
    assert_ok(&cold, OUT);
    assert!(compiled(&cold));
    assert!(image_note(&cold).contains("image: written"), "{}", stderr(&cold));
    assert_eq!(images(&home).len(), 1);
    for _ in 0..2 {
        let warm = run(&home, &dir, &[]);
        assert_ok(&warm, OUT);
        assert_eq!(image_note(&warm), "gojit: image: hit", "{}", stderr(&warm));
        assert!(!compiled(&warm), "a run from the image parses nothing:\n{}", stderr(&warm));
    }
    // the run-time-only variables do not change the program: the same image serves
    let p1 = run(&home, &dir, &[("GOMAXPROCS", "1")]);
    assert_ok(&p1, OUT);
    assert_eq!(image_note(&p1), "gojit: image: hit");
    // a compile-affecting one does
    let noinline = run(&home, &dir, &[("GOJIT_NO_INLINE", "1")]);
    assert_ok(&noinline, OUT);
    assert!(compiled(&noinline));
    let _ = std::fs::remove_dir_all(home.parent().unwrap());
}

#[test]
fn an_edited_or_added_file_is_rebuilt() {
    let (home, dir) = setup("edit", PROG);
    assert_ok(&run(&home, &dir, &[]), OUT);
    std::fs::write(dir.join("prog.go"), EDITED).unwrap();
    let edited = run(&home, &dir, &[]);
    assert_ok(&edited, EDITED_OUT);
    assert!(image_note(&edited).contains("miss (a source changed)"), "{}", stderr(&edited));
    assert!(compiled(&edited));
    let again = run(&home, &dir, &[]);
    assert_ok(&again, EDITED_OUT);
    assert_eq!(image_note(&again), "gojit: image: hit");
    // `gojit run .`: a file added to the package directory changes the program
    assert_ok(&run_args(&home, &dir, &["."], &[]), EDITED_OUT);
    assert_eq!(image_note(&run_args(&home, &dir, &["."], &[])), "gojit: image: hit");
    std::fs::write(dir.join("more.go"), "package main\n\nfunc init() { println(\"init\") }\n").unwrap();
    let added = run_args(&home, &dir, &["."], &[]);
    assert_ok(&added, "init\nabab\n");
    assert!(compiled(&added), "{}", stderr(&added));
    let _ = std::fs::remove_dir_all(home.parent().unwrap());
}

#[test]
fn a_truncated_image_is_rebuilt() {
    let (home, dir) = setup("truncated", PROG);
    assert_ok(&run(&home, &dir, &[]), OUT);
    let imgs = images(&home);
    let [img] = &imgs[..] else { panic!("one image expected: {imgs:?}") };
    let bytes = std::fs::read(img).unwrap();
    std::fs::write(img, &bytes[..bytes.len() / 2]).unwrap();
    let out = run(&home, &dir, &[]);
    assert_ok(&out, OUT);
    assert!(compiled(&out));
    assert!(stderr(&out).contains(" corrupt)"), "the truncated image is reported:\n{}", stderr(&out));
    assert!(image_note(&out).contains("image: written"));
    let again = run(&home, &dir, &[]);
    assert_ok(&again, OUT);
    assert_eq!(image_note(&again), "gojit: image: hit");
    let _ = std::fs::remove_dir_all(home.parent().unwrap());
}

#[test]
fn cache_off_reads_no_image() {
    let (home, dir) = setup("off", PROG);
    assert_ok(&run(&home, &dir, &[]), OUT);
    let before = std::fs::metadata(&images(&home)[0]).unwrap().modified().unwrap();
    for env in [("GOJIT_CACHE", "off"), ("GOJIT_IMAGE", "off")] {
        let out = run(&home, &dir, &[env]);
        assert_ok(&out, OUT);
        assert!(compiled(&out), "{env:?}: {}", stderr(&out));
        assert_eq!(image_note(&out), "", "{env:?}");
    }
    assert_eq!(images(&home).len(), 1);
    assert_eq!(std::fs::metadata(&images(&home)[0]).unwrap().modified().unwrap(), before);
    let _ = std::fs::remove_dir_all(home.parent().unwrap());
}

/// A panic inside a GOROOT function (a nil map write in a function strings.Map calls) unwinds
/// through GOROOT frames the same way from the image: same status, same traceback lines.
#[test]
fn a_panic_through_goroot_frames_is_the_same_from_the_image() {
    let src = r#"package main

import "strings"

var m map[rune]int

func main() {
	println(strings.Map(func(r rune) rune { m[r]++; return r }, "go"))
}
"#;
    let (home, dir) = setup("panic", src);
    let frames = |out: &Output| -> Vec<String> {
        program_stderr(out).lines().filter(|l| !l.starts_with("\t") || !l.contains("+0x")).map(|l| l.split(" +0x").next().unwrap().to_string()).collect()
    };
    let cold = run(&home, &dir, &[]);
    assert_eq!(cold.status.code(), Some(2));
    assert!(program_stderr(&cold).starts_with("panic: assignment to entry in nil map\n"), "{}", stderr(&cold));
    assert!(program_stderr(&cold).contains("strings.Map("), "{}", stderr(&cold));
    let warm = run(&home, &dir, &[]);
    assert_eq!(image_note(&warm), "gojit: image: hit");
    assert_eq!(warm.status.code(), Some(2));
    assert_eq!(frames(&warm), frames(&cold));
    let _ = std::fs::remove_dir_all(home.parent().unwrap());
}
