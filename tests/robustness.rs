//! Robustness test of the front end: `gojit check FILE` (parse + type-check only) must never
//! panic, hang or print a Rust backtrace, whatever the input. Inputs are derived
//! deterministically (seeded xorshift PRNG) from every `.go` file in `tests/run`, `tests/defer`
//! and `tests/errors` by truncation, byte-range deletion / duplication / swapping, and insertion of
//! random bytes and random Go tokens, plus purely random byte strings.
//!
//! Invariant checked per input: exit status is 0 or 1, stderr contains neither "panicked at" nor
//! "RUST_BACKTRACE", and the run ends within `CASE_TIMEOUT`. Failing inputs are kept in
//! `$CARGO_TARGET_TMPDIR/robustness/` so they can be replayed; passing ones are deleted.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

const CASE_TIMEOUT: Duration = Duration::from_secs(5);
const MUTATIONS_PER_FILE: usize = 20;
const RANDOM_INPUTS: usize = 200;
const SEED: u64 = 0x9E37_79B9_7F4A_7C15;

/// Go tokens spliced into inputs, to reach deeper parser and checker states than random bytes.
const TOKENS: &[&str] = &[
    "func", "package", "import", "var", "const", "type", "struct", "interface", "map", "chan",
    "go", "defer", "select", "switch", "case", "default", "fallthrough", "for", "range", "if",
    "else", "return", "break", "continue", "goto", "iota", "nil", "true", "false", "{", "}", "(",
    ")", "[", "]", ";", ",", ".", "...", ":", ":=", "=", "+=", "<<=", "&^", "<-", "->", "++", "--",
    "*", "&", "!", "^", "|", "||", "&&", "==", "!=", "<", ">=", "0x", "1e400", "'", "\"", "`",
    "/*", "*/", "//", "\n", "\t", "'\\x'", "\"\\u00\"", "0b102", "9999999999999999999999",
    "x", "main", "fmt.Println", "int8", "string", "[]int", "any", "error", "T[int]", "_", "é",
    "\u{FEFF}", "\0",
];

/// Marsaglia xorshift64*: small, deterministic, good enough for mutation choices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform-ish in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// A random range `a..b` within `0..=len`.
    fn range(&mut self, len: usize) -> (usize, usize) {
        let a = self.below(len + 1);
        let max_span = (len - a).min(64);
        (a, a + self.below(max_span + 1))
    }
}

/// One mutation of `src`; the kind is chosen at random.
fn mutate(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    let mut v = src.to_vec();
    let rounds = 1 + rng.below(3);
    for _ in 0..rounds {
        let len = v.len();
        match rng.below(7) {
            0 => v.truncate(rng.below(len + 1)),
            1 => {
                let (a, b) = rng.range(len);
                v.drain(a..b);
            }
            2 => {
                let (a, b) = rng.range(len);
                let chunk = v[a..b].to_vec();
                let at = rng.below(v.len() + 1);
                v.splice(at..at, chunk);
            }
            3 => {
                let (a, b) = rng.range(len);
                let (c, d) = rng.range(len);
                if b <= c || d <= a {
                    let (lo, hi) = if b <= c { ((a, b), (c, d)) } else { ((c, d), (a, b)) };
                    let mut out = v[..lo.0].to_vec();
                    out.extend_from_slice(&v[hi.0..hi.1]);
                    out.extend_from_slice(&v[lo.1..hi.0]);
                    out.extend_from_slice(&v[lo.0..lo.1]);
                    out.extend_from_slice(&v[hi.1..]);
                    v = out;
                }
            }
            4 => {
                let at = rng.below(len + 1);
                let n = 1 + rng.below(8);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                v.splice(at..at, bytes);
            }
            5 | 6 => {
                let at = rng.below(len + 1);
                let tok = TOKENS[rng.below(TOKENS.len())];
                let mut ins = tok.as_bytes().to_vec();
                ins.push(b' ');
                v.splice(at..at, ins);
            }
            _ => unreachable!(),
        }
    }
    v
}

fn random_input(rng: &mut Rng) -> Vec<u8> {
    let n = rng.below(400);
    if rng.below(2) == 0 {
        (0..n).map(|_| rng.next() as u8).collect()
    } else {
        // Random token soup after a valid package clause.
        let mut v = b"package main\n".to_vec();
        for _ in 0..n / 4 {
            v.extend_from_slice(TOKENS[rng.below(TOKENS.len())].as_bytes());
            v.push(if rng.below(5) == 0 { b'\n' } else { b' ' });
        }
        v
    }
}

fn seed_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = Vec::new();
    for dir in ["run", "defer", "errors"] {
        for entry in fs::read_dir(root.join(dir)).expect("corpus directory") {
            let path = entry.expect("dir entry").path();
            if path.extension().is_some_and(|e| e == "go") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// All inputs, deterministic for a given corpus.
fn build_inputs() -> Vec<(String, Vec<u8>)> {
    let mut rng = Rng(SEED);
    let mut inputs = Vec::new();
    for path in seed_files() {
        let src = fs::read(&path).expect("read seed");
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        for i in 0..MUTATIONS_PER_FILE {
            inputs.push((format!("{stem}_m{i}"), mutate(&mut rng, &src)));
        }
    }
    for i in 0..RANDOM_INPUTS {
        inputs.push((format!("random_{i}"), random_input(&mut rng)));
    }
    inputs
}

/// Runs `gojit check` on one input; `Err` describes a violated invariant.
fn check_one(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), String> {
    let file = format!("{name}.go");
    let path = dir.join(&file);
    fs::write(&path, bytes).map_err(|e| format!("write {}: {e}", path.display()))?;
    let got = common::run_gojit("check", dir, &file, CASE_TIMEOUT)?;
    let stderr = String::from_utf8_lossy(&got.stderr);
    let why = if got.timed_out {
        Some(format!("did not finish within {CASE_TIMEOUT:?}"))
    } else if stderr.contains("panicked at") || stderr.contains("RUST_BACKTRACE") {
        Some(format!("compiler panicked:\n{}", first_lines(&stderr, 6)))
    } else if !matches!(got.code, Some(0 | 1)) {
        Some(format!("exit status {:?}, want 0 or 1\n{}", got.code, first_lines(&stderr, 4)))
    } else {
        None
    };
    match why {
        None => {
            let _ = fs::remove_file(&path);
            Ok(())
        }
        Some(w) => Err(format!("{} ({}): {w}", name, path.display())),
    }
}

fn first_lines(s: &str, n: usize) -> String {
    s.lines().take(n).collect::<Vec<_>>().join("\n")
}

/// Guards against a vacuous pass: `gojit check` must accept a valid program and reject an invalid
/// one, otherwise "exit 0 or 1" says nothing.
fn check_subcommand_discriminates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let good = common::run_gojit("check", &root.join("run"), "if_else.go", CASE_TIMEOUT)
        .expect("start gojit");
    assert_eq!(
        good.code,
        Some(0),
        "`gojit check run/if_else.go` should succeed; stderr:\n{}",
        String::from_utf8_lossy(&good.stderr)
    );
    let bad = common::run_gojit("check", &root.join("errors"), "undefined.go", CASE_TIMEOUT)
        .expect("start gojit");
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        bad.code == Some(1) && stderr.contains("undefined.go:6:14: undefined: x"),
        "`gojit check errors/undefined.go` should exit 1 with `undefined: x`; got {:?}, stderr:\n{stderr}",
        bad.code
    );
}

#[test]
fn never_panics_on_mutated_inputs() {
    check_subcommand_discriminates();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("robustness");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create temp dir");
    let inputs = build_inputs();
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let workers = thread::available_parallelism().map_or(2, |n| n.get()).min(4);
    thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((name, bytes)) = inputs.get(i) else { break };
                    if let Err(why) = check_one(&dir, name, bytes) {
                        failures.lock().unwrap().push(why);
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    println!(
        "robustness: {} inputs, {} passed, {} failed",
        inputs.len(),
        inputs.len() - failures.len(),
        failures.len()
    );
    if !failures.is_empty() {
        let shown: Vec<&String> = failures.iter().take(30).collect();
        panic!(
            "robustness: {} of {} inputs broke an invariant (inputs kept in {}):\n{}",
            failures.len(),
            inputs.len(),
            dir.display(),
            shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n")
        );
    }
}

/// Deeply nested or very long constructs, generated rather than mutated: a recursive parser,
/// checker or lowering pass must turn them into a diagnostic (or handle them), never overflow
/// the Rust stack. Each is checked with `gojit check` and with `gojit run` (where the program is
/// valid Go, running it may succeed with exit 0; a diagnostic gives exit 1).
fn deep_inputs() -> Vec<(String, String)> {
    let mut v = Vec::new();
    for n in [1_000usize, 100_000] {
        let k = n.to_string();
        let body = |s: String| format!("package main\n\nfunc main() {{\n\tx := {s}\n\t_ = x\n}}\n");
        v.push((format!("parens_{k}"), body(format!("{}1{}", "(".repeat(n), ")".repeat(n)))));
        v.push((format!("sum_chain_{k}"), body(format!("1{}", " + 1".repeat(n)))));
        v.push((format!("string_chain_{k}"), body(format!("\"a\"{}", " + \"b\"".repeat(n)))));
        v.push((format!("unary_{k}"), body(format!("{}1", "- ".repeat(n)))));
        v.push((format!("not_chain_{k}"), body(format!("{}true", "!".repeat(n)))));
        v.push((format!("andand_{k}"), body(format!("true{}", " && true".repeat(n)))));
        v.push((
            format!("blocks_{k}"),
            format!("package main\n\nfunc main() {{\n{}{}\n}}\n", "{".repeat(n), "}".repeat(n)),
        ));
        v.push((
            format!("slice_type_{k}"),
            format!("package main\n\nvar x {}int\n\nfunc main() {{ _ = x }}\n", "[]".repeat(n)),
        ));
        v.push((
            format!("ifs_{k}"),
            format!(
                "package main\n\nfunc main() {{\n\tx := 0\n{}{}\n\t_ = x\n}}\n",
                "if x == 0 {\n".repeat(n),
                "x++\n}\n".repeat(n)
            ),
        ));
        v.push((
            format!("func_lits_{k}"),
            format!(
                "package main\n\nfunc main() {{\n\t_ = {}0{}\n}}\n",
                "func() int { return ".repeat(n),
                " }()".repeat(n)
            ),
        ));
        v.push((format!("unclosed_{k}"), format!("package main\nfunc main() {{ x := {}\n", "([{".repeat(n))));
    }
    let many_stmts: String = (0..50_000).map(|i| format!("\tx{i} := {i}\n\t_ = x{i}\n")).collect();
    v.push(("many_statements".into(), format!("package main\n\nfunc main() {{\n{many_stmts}}}\n")));
    let many_funcs: String = (0..20_000).map(|i| format!("func f{i}() int {{ return {i} }}\n")).collect();
    v.push(("many_functions".into(), format!("package main\n\n{many_funcs}\nfunc main() {{ _ = f19999() }}\n")));
    v
}

#[test]
fn never_crashes_on_deep_nesting() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("robustness_deep");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create temp dir");
    let mut failures = Vec::new();
    let inputs = deep_inputs();
    for (name, src) in &inputs {
        let file = format!("{name}.go");
        fs::write(dir.join(&file), src).expect("write input");
        for sub in ["check", "run"] {
            let got = common::run_gojit(sub, &dir, &file, Duration::from_secs(10)).expect("start gojit");
            let stderr = String::from_utf8_lossy(&got.stderr);
            let why = if got.timed_out {
                Some("did not finish within 10s".to_string())
            } else if stderr.contains("panicked at") || stderr.contains("RUST_BACKTRACE") {
                Some(format!("compiler panicked: {}", first_lines(&stderr, 3)))
            } else if !matches!(got.code, Some(0 | 1)) {
                Some(format!("exit status {:?} (crash?), want 0 or 1: {}", got.code, first_lines(&stderr, 3)))
            } else {
                None
            };
            if let Some(w) = why {
                failures.push(format!("gojit {sub} {name}: {w}"));
            }
        }
    }
    println!("deep nesting: {} inputs x 2 subcommands, {} failures", inputs.len(), failures.len());
    assert!(failures.is_empty(), "inputs kept in {}:\n{}", dir.display(), failures.join("\n"));
    let _ = fs::remove_dir_all(&dir);
}
