//! Data-driven corpus tests: every `NAME.go` in a case directory is run with
//! `gojit run NAME.go` (working directory = the case's directory, so diagnostics print the bare
//! file name) and compared with its expectations, using the same rules as
//! `/work/shared/conformance/run.py`:
//!   - `NAME.out`  exact expected stdout (required);
//!   - `NAME.err`  lines that must appear, in this order, in stderr (other lines may surround
//!                 them); when absent, stderr must be empty;
//!   - `NAME.code` expected exit status; when absent, 0;
//!   - `NAME.tb`   the traceback below `goroutine 1 [running]:`, as [`traceback_shape`] reduces
//!                 it: one `name(…)` line per frame and its location as `file.go:LINE` (the
//!                 runtime's own `panic(...)` frame as `<runtime>`). Compared exactly when present.
//!                 Made from Go 1.27.3 by `tests/regen_tracebacks.sh`.
//!   - `NAME.in`   the program's standard input (when absent, standard input is empty).
//! All expectations were produced by real Go (see `tests/regen.sh`).
//!
//! `examples/` is checked the same way.
//!
//! `modules/` holds multi-package cases: a directory `NAME/` with a `go.mod` and its packages is
//! run as `gojit run .` from inside it (as `go run .` produced its expectations), and its
//! expectations are the siblings `NAME.out`, `NAME.err`, `NAME.code` of the directory.
//!
//! Each directory is one `#[test]`; it runs every case, prints `corpus <dir>: N passed, M failed`
//! and then panics once listing every failing case with a short diff. `GOJIT_ONLY=substr` limits
//! the run to cases whose file name contains `substr`.
//!
//! `tests/known_failures.txt` lists cases that fail today for a stated reason (`dir/NAME.go  reason`;
//! `dir/NAME.go@K=V  reason` for a case that fails only in a run with that environment).
//! They are reported but do not fail the test; a listed case that passes DOES fail it, so the list
//! can only shrink and never hides a fixed bug or a new one.

mod common;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Per-case wall-clock limit; the child is killed when it runs longer. (A program importing fmt
/// compiles GOROOT's fmt closure, ~40 packages, on every run until the program image lands: ~1-3 s
/// on an idle machine, several times that on a loaded one; under the collector's stress mode
/// fmt's package initialisation collects at every safepoint: `defer/nil_big_offset.go` takes
/// 16 s of wall time at load 14.)
const CASE_TIMEOUT: Duration = Duration::from_secs(60);
/// At most this many lines of each diff are shown per failing case.
const DIFF_LINES: usize = 12;

/// The run corpus, twice (see [`check_dir_then_from_images`]).
#[test]
fn run_programs() {
    check_dir_then_from_images("tests/run");
}

#[test]
fn compile_errors() {
    check_dir("tests/errors");
}

#[test]
fn conformance() {
    check_dir("tests/conformance");
}

/// The corpus helper's own defer/panic/recover programs (beyond the shared conformance set),
/// including unrecovered panics checked up to `goroutine 1 [running]:`.
/// Twice, as `run/` (its tracebacks need what an image must carry besides code: pc->line,
/// inline rows, line directives' file runs, defer tables).
#[test]
fn defer_panic() {
    check_dir_then_from_images("tests/defer");
}

/// Goroutines, channels and select (expectations from Go 1.27.3; crash and deadlock reports are
/// checked on their stable lines).
#[test]
fn goroutines() {
    check_dir("tests/goroutines");
}

/// Goroutines on several Ps: `tests/goroutines_mp` with `GOMAXPROCS=4` (expectations from Go
/// 1.27.3 run with `GOMAXPROCS=4`), also under the collector's stress mode (every collection
/// stops the other Ms), and the goroutine corpus (run at the default, one P per CPU, by
/// `goroutines`) again on a single P.
#[test]
fn goroutines_multi_p() {
    check_dir_env("tests/goroutines_mp", &[("GOMAXPROCS", "4")]);
    check_dir_env("tests/goroutines_mp", &[("GOMAXPROCS", "4"), ("GOJIT_GCSTRESS", "1")]);
    check_dir_env("tests/goroutines", &[("GOMAXPROCS", "1")]);
}

/// `GOTRACEBACK=all` (gc's `tracebackothers`): a crash report also shows every other goroutine
/// (expectations from Go 1.27.3 with `GOMAXPROCS=1 GOTRACEBACK=all`).
#[test]
fn gotraceback_all() {
    check_dir_env("tests/gotraceback_all", &[("GOTRACEBACK", "all"), ("GOMAXPROCS", "1")]);
}

/// gc's best-effort detection of racing map operations (`fatal error: concurrent map writes`),
/// with `GOMAXPROCS=4` so that the racing goroutines run at the same time. (Not in the stress
/// mode: a collection at every safepoint stops the other writer before each write, so the writes
/// never overlap there.)
#[test]
fn map_races() {
    check_dir_env("tests/map_races", &[("GOMAXPROCS", "4")]);
}

/// Programs on which gc itself fails (Go 1.27.3's runtime throws `fatal error: bad panic stack`);
/// their expectation is gojit's output, decided from the spec in
/// `fuzz/regressions/gc_bad_panic_stack/README.md` (regen.sh leaves them alone).
#[test]
fn gc_failures() {
    check_dir("tests/gcfails");
}

/// The showcase programs in `examples/` carry Go-generated expectations too.
#[test]
fn examples() {
    check_dir("examples");
}

#[test]
fn modules() {
    check_dir("tests/modules");
}

/// The collector's stress mode (issue #12): the defer/panic, conformance and goroutine corpora
/// with a collection at every safepoint and freed memory poisoned (`GOJIT_GCSTRESS=1`), the
/// `run/` corpus with one at every 256th (its allocation-heavy cases keep megabytes live, which
/// every collection marks). A root the collector misses (a panic value in flight, a
/// deferred closure in a frame slot or a chained record, a parked goroutine's values, a map's
/// or channel's buffer) shows as a wrong result or a crash here.
#[test]
fn gc_stress() {
    for dir in ["tests/defer", "tests/conformance", "tests/goroutines"] {
        check_dir_env(dir, &[("GOJIT_GCSTRESS", "1")]);
    }
    check_dir_env("tests/run", &[("GOJIT_GCSTRESS", "256")]);
}

/// Runs every case of the directory `name` (relative to the crate root) and panics with a report
/// if any fails.
fn check_dir(name: &str) {
    check_dir_env(name, &[]);
}

/// The directory twice on a fresh cache of its own: the first pass compiles every program and
/// writes its program image (`src/image.rs`), the second runs each from its image; both must
/// print what `go run` prints.
fn check_dir_then_from_images(name: &str) {
    let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("images-{}", name.replace('/', "-")));
    let _ = std::fs::remove_dir_all(&home);
    let home_s = home.display().to_string();
    check_dir_env(name, &[("XDG_CACHE_HOME", &home_s)]);
    let images = std::fs::read_dir(home.join("gojit/image"))
        .map(|d| d.flatten().flat_map(|s| std::fs::read_dir(s.path()).into_iter().flatten()).count())
        .unwrap_or(0);
    let cases = list_cases(&Path::new(env!("CARGO_MANIFEST_DIR")).join(name), &common::only_filter()).len();
    assert!(images * 2 >= cases, "{name}: the first pass wrote {images} images for {cases} programs");
    check_dir_env(name, &[("XDG_CACHE_HOME", &home_s)]);
    let _ = std::fs::remove_dir_all(&home);
}

/// [`check_dir`] with extra environment variables for every run.
fn check_dir_env(name: &str, env: &[(&str, &str)]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    let name = name.rsplit('/').next().unwrap_or(name);
    let label = env.iter().map(|(k, v)| format!(" ({k}={v})")).collect::<String>();
    let only = common::only_filter();
    let cases = list_cases(&dir, &only);
    assert!(
        !cases.is_empty() || !only.is_empty(),
        "no cases found in {}",
        dir.display()
    );
    let known = known_failures();
    let mut failures = Vec::new();
    let mut expected_failures = 0;
    for case in &cases {
        let key = format!("{name}/{case}");
        // `dir/NAME.go@K=V,...` lists a case that fails only under that environment
        let env_key = format!("{key}@{}", env.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(","));
        let listed = known.iter().find(|(k, _)| *k == env_key).or_else(|| known.iter().find(|(k, _)| *k == key));
        match (check_case(&dir, case, env), listed) {
            (Ok(()), None) => {}
            // an environment-specific entry names a schedule-dependent failure: passing is no news
            (Ok(()), Some((k, _))) if k.contains('@') => {}
            (Ok(()), Some(_)) => failures.push(format!("FIXED {key}: passes now; remove it from tests/known_failures.txt")),
            (Err(why), Some((_, reason))) => {
                expected_failures += 1;
                println!("known failure {key} ({reason})\n    {}", why.replace('\n', "\n    "));
            }
            (Err(why), None) => failures.push(format!("FAIL {key}\n    {}", why.replace('\n', "\n    "))),
        }
    }
    let passed = cases.len() - failures.len() - expected_failures;
    println!("corpus {name}{label}: {passed} passed, {} failed, {expected_failures} known failures", failures.len());
    if !failures.is_empty() {
        panic!(
            "corpus {name}{label}: {passed} passed, {} failed\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}

/// `(dir/NAME.go, reason)` pairs from `tests/known_failures.txt` (`#` starts a comment line).
fn known_failures() -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/known_failures.txt");
    let text = fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once(char::is_whitespace) {
            Some((k, r)) => (k.to_string(), r.trim().to_string()),
            None => (l.to_string(), String::from("no reason given")),
        })
        .collect()
}

/// File names of all `*.go` cases in `dir` matching `only`, sorted.
fn list_cases(dir: &Path, only: &str) -> Vec<String> {
    let mut cases: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok())
        .filter(|entry| !entry.path().is_dir() || entry.path().join("go.mod").is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|n| (n.ends_with(".go") || dir.join(n).join("go.mod").is_file()) && n.contains(only))
        .collect();
    cases.sort();
    cases
}

fn sibling(dir: &Path, case: &str, ext: &str) -> PathBuf {
    dir.join(format!("{}.{ext}", case.trim_end_matches(".go")))
}

/// Runs one case; `Err` carries a human-readable description of every mismatch.
fn check_case(dir: &Path, case: &str, env: &[(&str, &str)]) -> Result<(), String> {
    let want_out = fs::read(sibling(dir, case, "out"))
        .map_err(|e| format!("missing .out expectation: {e}"))?;
    let want_err = fs::read_to_string(sibling(dir, case, "err")).ok();
    let want_code = match fs::read_to_string(sibling(dir, case, "code")) {
        Ok(s) => s
            .trim()
            .parse::<i32>()
            .map_err(|e| format!("bad .code file: {e}"))?,
        Err(_) => 0,
    };
    let got = if case.ends_with(".go") {
        common::run_gojit_env("run", dir, case, CASE_TIMEOUT, env)?
    } else {
        // a module: `go run .` inside it
        common::run_gojit_env("run", &dir.join(case), ".", CASE_TIMEOUT, env)?
    };
    if got.timed_out {
        return Err(format!("timed out after {:?} (killed)", CASE_TIMEOUT));
    }
    let mut problems = String::new();
    match got.code {
        Some(c) if c == want_code => {}
        Some(c) => writeln!(problems, "exit status {c}, want {want_code}").unwrap(),
        None => writeln!(problems, "killed by a signal, want exit status {want_code}").unwrap(),
    }
    if got.stdout != want_out {
        let want = String::from_utf8_lossy(&want_out);
        let have = String::from_utf8_lossy(&got.stdout);
        writeln!(problems, "stdout differs:\n{}", short_diff(&want, &have)).unwrap();
    }
    let got_err = String::from_utf8_lossy(&got.stderr);
    match &want_err {
        Some(want) => {
            if let Some(missing) = missing_line_in_order(want, &got_err) {
                writeln!(
                    problems,
                    "stderr lacks line {missing:?} (in order); stderr was:\n{}",
                    head(&got_err)
                )
                .unwrap();
            }
        }
        None if !got_err.is_empty() => {
            writeln!(problems, "stderr should be empty; it was:\n{}", head(&got_err)).unwrap()
        }
        None => {}
    }
    if let Ok(want_tb) = fs::read_to_string(sibling(dir, case, "tb")) {
        let have = traceback_shape(&got_err);
        if !traceback_matches(want_tb.trim_end(), have.trim_end()) {
            writeln!(problems, "traceback differs (shape):\n{}", short_diff(want_tb.trim_end(), have.trim_end())).unwrap();
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.trim_end().to_string())
    }
}

/// A traceback reduced to what gojit and gc must agree on: after `goroutine 1 [running]:`, each
/// frame's function name and arguments, and its location's file base name and line (absolute
/// paths and `+0x` offsets dropped; the location of gc's `panic(...)` frame, a line of GOROOT's
/// runtime/panic.go, and gojit's runtime location both become `<runtime>`). Arguments keep gc's
/// shape (`{`, `}`, `...`, `_`, the number of words) and small values; a word gc marks `?`
/// (possibly stale: its register allocator had not spilled it) and every word of 0x10000 or more
/// (addresses, which differ between gc and gojit) become `?`; an inlined frame's `(...)` and the
/// `panic(...)` frame's arguments become `(…)`. `tests/regen_tracebacks.sh` applies the same rules
/// to gc's output; [`traceback_matches`] compares.
fn traceback_shape(stderr: &str) -> String {
    let mut out = String::new();
    let Some(start) = stderr.find("goroutine 1 [running]:\n") else { return out };
    let mut in_panic_frame = false;
    for l in stderr[start..].lines().skip(1) {
        if l.is_empty() || l.starts_with("exit status") {
            continue;
        }
        if let Some(loc) = l.strip_prefix('\t') {
            if in_panic_frame {
                out.push_str("\t<runtime>\n");
                continue;
            }
            let loc = loc.split(" +0x").next().unwrap_or(loc);
            let base = loc.rsplit('/').next().unwrap_or(loc);
            writeln!(out, "\t{base}").unwrap();
            continue;
        }
        match l.rfind('(') {
            Some(i) if l.ends_with(')') => {
                in_panic_frame = &l[..i] == "panic";
                let args = &l[i + 1..l.len() - 1];
                let args = if in_panic_frame || args == "..." { "…".to_string() } else { mask_args(args) };
                writeln!(out, "{}({args})", &l[..i]).unwrap();
            }
            _ => {
                in_panic_frame = false;
                writeln!(out, "{l}").unwrap();
            }
        }
    }
    out
}

/// A frame's argument list with its words masked as [`traceback_shape`] says.
fn mask_args(args: &str) -> String {
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        let stale = word.ends_with('?');
        let v = word.trim_end_matches('?').strip_prefix("0x").and_then(|h| u64::from_str_radix(h, 16).ok());
        match v {
            Some(v) if !stale && v < 0x10000 => write!(out, "{v:#x}").unwrap(),
            Some(_) => out.push('?'),
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in args.chars() {
        if matches!(c, '{' | '}' | ',' | ' ') {
            flush(&mut word, &mut out);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Whether traceback shape `have` (gojit's) matches `want` (gc's): line by line equal, except
/// that a `?` word of `want` matches any word and `want`'s `(…)` any argument list.
fn traceback_matches(want: &str, have: &str) -> bool {
    let (w, h): (Vec<&str>, Vec<&str>) = (want.lines().collect(), have.lines().collect());
    w.len() == h.len() && w.iter().zip(&h).all(|(w, h)| tb_line_matches(w, h))
}

fn tb_line_matches(want: &str, have: &str) -> bool {
    if want == have {
        return true;
    }
    // names may contain `(*T)`: the argument list starts at the last `(`
    let (Some(wi), Some(hi)) = (want.rfind('('), have.rfind('(')) else { return false };
    if want[..wi] != have[..hi] {
        return false;
    }
    let (wa, ha) = (&want[wi..], &have[hi..]);
    if wa == "(…)" {
        return true;
    }
    let split = |s: &str| -> Vec<String> {
        let mut v = vec![];
        let mut cur = String::new();
        for c in s.chars() {
            if matches!(c, '(' | ')' | '{' | '}' | ',' | ' ') {
                if !cur.is_empty() {
                    v.push(std::mem::take(&mut cur));
                }
                v.push(c.to_string());
            } else {
                cur.push(c);
            }
        }
        if !cur.is_empty() {
            v.push(cur);
        }
        v
    };
    let (wt, ht) = (split(wa), split(ha));
    wt.len() == ht.len() && wt.iter().zip(&ht).all(|(w, h)| w == h || (w == "?" && (h == "?" || h.starts_with("0x"))))
}

#[test]
fn traceback_argument_masking() {
    assert_eq!(mask_args("0x5, {0x7f5290019980, 0x2}, 0x0?, ..."), "0x5, {?, 0x2}, ?, ...");
    assert!(tb_line_matches("main.g(0x1, {?, 0x2}, ?, ...)", "main.g(0x1, {?, 0x2}, 0x7, ...)"));
    assert!(!tb_line_matches("main.g(0x1, {?, 0x2}, ?, ...)", "main.g(0x2, {?, 0x2}, 0x7, ...)"));
    assert!(!tb_line_matches("main.g(0x1)", "main.g(0x1, 0x2)"));
    assert!(tb_line_matches("main.(*T).f(…)", "main.(*T).f(0x1)"));
    assert!(!tb_line_matches("main.(*T).f(…)", "main.(*T).g(0x1)"));
}

/// The first line of `want` that does not occur in `got` after the previous matched line.
fn missing_line_in_order(want: &str, got: &str) -> Option<String> {
    let mut lines = got.lines();
    for w in want.lines() {
        if !lines.by_ref().any(|g| g == w) {
            return Some(w.to_string());
        }
    }
    None
}

/// The first `DIFF_LINES` lines of `s`, with a marker when more were cut.
fn head(s: &str) -> String {
    if s.is_empty() {
        return "(empty)".to_string();
    }
    let lines: Vec<&str> = s.lines().collect();
    let mut out = lines.iter().take(DIFF_LINES).copied().collect::<Vec<_>>().join("\n");
    if lines.len() > DIFF_LINES {
        write!(out, "\n... ({} more lines)", lines.len() - DIFF_LINES).unwrap();
    }
    out
}

/// A compact line diff: the first differing line with a little context, then both tails.
fn short_diff(want: &str, got: &str) -> String {
    let w: Vec<&str> = want.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    let first = w.iter().zip(&g).position(|(a, b)| a != b).unwrap_or(w.len().min(g.len()));
    let from = first.saturating_sub(2);
    let mut out = format!(
        "first difference at line {} (want {} lines, got {} lines)\n",
        first + 1,
        w.len(),
        g.len()
    );
    for (label, lines) in [("want", &w), ("got ", &g)] {
        for (i, l) in lines.iter().enumerate().skip(from).take(DIFF_LINES / 2) {
            let mark = if i == first { '>' } else { ' ' };
            writeln!(out, "{label}{mark}{:4}| {l}", i + 1).unwrap();
        }
    }
    if !want.is_empty()
        && !got.is_empty()
        && want.ends_with('\n') != got.ends_with('\n')
        && first >= w.len().min(g.len())
    {
        out.push_str("(trailing newline differs)\n");
    }
    out.trim_end().to_string()
}
