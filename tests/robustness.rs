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

/// Per-input limit. (An input importing GOROOT packages loads and checks their source, fmt's
/// closure is ~40 packages: ~0.4 s of CPU, several seconds of wall time on a loaded machine; the
/// corpus allows 30 s for the same reason.)
const CASE_TIMEOUT: Duration = Duration::from_secs(30);
/// Mutations of a seed file without imports (checked alone: a few ms each).
const MUTATIONS_PER_FILE: usize = 20;
/// Mutations of a seed file with imports. Each check pays for loading and checking the imported
/// GOROOT packages (the same work for every mutation of the file, which the mutations cannot
/// reach), so fewer mutations per file keep the test's time bounded now that fmt is compiled
/// from GOROOT (before issue 10's flip fmt was a source-less leaf and cost nothing).
const MUTATIONS_PER_IMPORTING_FILE: usize = 2;
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
        let imports = src.split(|&b| b == b'\n').any(|l| l.starts_with(b"import"));
        let n = if imports { MUTATIONS_PER_IMPORTING_FILE } else { MUTATIONS_PER_FILE };
        for i in 0..n {
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

/// What a generated deep input must produce.
#[derive(Clone, Copy, PartialEq)]
enum Want {
    /// A valid program gc compiles: `check` exits 0, and so does `run` when asked.
    Compiles { run: bool },
    /// Deeper than the nesting budget (`gojit::limits`): `syntax error: nesting too deep`, exit 1.
    /// (gc 1.27.3 itself dies with `fatal error: stack overflow` on these 10^6-deep inputs.)
    TooDeep,
    /// Past one of gojit's own limits that gc does not have (`gojit::limits`): a
    /// `... not supported by gojit` error, exit 1 (never an internal compiler error or a hang).
    /// No generated input needs it since signatures pass in memory (`lower/blockabi.rs`).
    #[allow(dead_code)]
    Unsupported,
}

/// `package main` with `pre` at top level and `body` in `main`.
fn program(pre: &str, body: &str) -> String {
    format!("package main\n\n{pre}func main() {{\n{body}\n}}\n")
}

/// Every recursive construct 10^4 deep (expressions, postfix chains, types, statements, blocks),
/// which Go 1.27.3 compiles (each checked with `go build`), and the chains 10^6 long, which exceed
/// the budget. Constructs whose code generation is superlinear in the nesting (nested loops with
/// live counters, nested closures: gc needs minutes for 10^4 of them too) are run at 10^3 (closures) or 200 (loops).
fn deep_inputs() -> Vec<(String, String, Want)> {
    const N: usize = 10_000;
    const LONG: usize = 1_000_000;
    let ok = Want::Compiles { run: true };
    let rep = |s: &str, n: usize| s.repeat(n);
    let mut v: Vec<(String, String, Want)> = Vec::new();
    let mut add = |name: &str, src: String, want: Want| v.push((name.to_string(), src, want));
    let val = |e: String| program("", &format!("\tx := {e}\n\t_ = x"));
    // expressions
    add("parens", val(format!("{}1{}", rep("(", N), rep(")", N))), ok);
    add("unary", val(format!("{}1", rep("- ", N))), ok);
    add("not", val(format!("{}true", rep("!", N))), ok);
    add("sum_chain", val(format!("1{}", rep(" + 1", N))), ok);
    add("andand_chain", program("", &format!("\tt := true\n\tx := t{}\n\t_ = x", rep(" && t", N))), ok);
    add("string_chain", val(format!("\"a\"{}", rep(" + \"b\"", N))), ok);
    add("nested_calls", program("func f(x int) int { return x }\n\n", &format!("\t_ = {}1{}", rep("f(", N), rep(")", N))), ok);
    add("composite_lits", val(format!("{}1{}", rep("[]any{", N), rep("}", N))), ok);
    add("func_lits", val(format!("{}1{}", rep("func() int { return ", 1_000), rep(" }()", 1_000))), ok);
    add("func_lits_check", val(format!("{}1{}", rep("func() int { return ", N), rep(" }()", N))), Want::Compiles { run: false });
    // postfix chains
    let index = |n| program("type S []S\n\nvar s S\n\n", &format!("\tif len(s) > 0 {{\n\t\t_ = s{}\n\t}}", rep("[0]", n)));
    let calls = |n| program("type F func() F\n\nvar f F\n\n", &format!("\tif f != nil {{\n\t\t_ = f{}\n\t}}", rep("()", n)));
    let fields = |n| program("type L struct{ next *L }\n\nvar p *L\n\n", &format!("\tif p != nil {{\n\t\t_ = p{}\n\t}}", rep(".next", n)));
    let methods = |n| program("type T struct{}\n\nfunc (T) m() T { return T{} }\n\n", &format!("\t_ = T{{}}{}", rep(".m()", n)));
    add("index_chain", index(N), ok);
    add("call_chain", calls(N), ok);
    add("field_chain", fields(N), ok);
    add("method_chain", methods(N), ok);
    // types
    let ty = |t: String| program(&format!("var x {t}\n\n"), "\t_ = x");
    add("slice_type", ty(format!("{}int", rep("[]", N))), ok);
    add("pointer_type", ty(format!("{}int", rep("*", N))), ok);
    add("array_type", ty(format!("{}int", rep("[1]", N))), ok);
    add("map_type", ty(format!("{}int", rep("map[int]", N))), ok);
    add("struct_type", ty(format!("{}int{}", rep("struct{ f ", N), rep(" }", N))), ok);
    add("func_type", ty(format!("{}int", rep("func() ", N))), ok);
    // statements and blocks
    add("blocks", program("", &format!("{}{}", rep("{", N), rep("}", N))), ok);
    add("ifs", program("", &format!("\tx := 0\n{}\tx++\n{}", rep("\tif x == 0 {\n", N), rep("\t}\n", N))), ok);
    let elses: String = (1..N).map(|i| format!("\t}} else if x == {i} {{\n")).collect();
    add("else_ifs", program("", &format!("\tx := 1\n\tif x == 0 {{\n{elses}\t}}")), ok);
    add("switches", program("", &format!("\tx := 1\n{}\tx++\n{}", rep("\tswitch x {\n\tcase 1:\n", N), rep("\t}\n", N))), ok);
    add("fors", program("", &format!("{}\t_ = 0\n{}", rep("\tfor false {\n", N), rep("\t}\n", N))), ok);
    let counted = |n| program("", &format!("{}\t_ = i\n{}", rep("\tfor i := 0; i < 1; i++ {\n", n), rep("\t}\n", n)));
    add("counted_fors", counted(200), ok);
    add("counted_fors_check", counted(N), Want::Compiles { run: false });
    let gotos: String = (0..N).map(|i| format!("\t\tgoto L{i}\n")).collect();
    let labels: String = (0..N).map(|i| format!("L{i}:\n")).collect();
    add("labels", program("", &format!("\tif false {{\n{gotos}\t}}\n{labels}\tfor {{\n\t\tbreak\n\t}}")), ok);
    // wide rather than deep: 10^5 locals in one function, 2 * 10^4 functions
    let locals: String = (0..100_000).map(|i| format!("\tx{i} := {i}\n\t_ = x{i}\n")).collect();
    add("many_locals", program("", &locals), Want::Compiles { run: false });
    let funcs: String = (0..20_000).map(|i| format!("func f{i}() int {{ return {i} }}\n")).collect();
    add("many_functions", program(&funcs, "\t_ = f19999()"), ok);
    // signatures: gc compiles 8,196 parameters and 65,535 results (it passes them in memory), and
    // so does gojit (`lower/blockabi.rs`: more than 1,024 words go through a memory block)
    let params = |n: usize| (0..n).map(|i| format!("a{i} int")).collect::<Vec<_>>().join(", ");
    let args = |n: usize| (0..n).map(|i| i.to_string()).collect::<Vec<_>>().join(", ");
    let many_params = |n: usize| program(&format!("func f({}) int {{ return a0 + a{} }}\n\n", params(n), n - 1), &format!("\tprintln(f({}))", args(n)));
    add("params_below_block", many_params(1_000), ok);
    add("many_params", many_params(8_196), ok);
    let results = vec!["int"; 65_535].join(", ");
    add("many_results", program(&format!("func f() ({results}) {{ return {} }}\n\n", args(65_535)), "\tf()"), ok);
    // 10^6-long chains and nesting: over the budget
    add("long_sum_chain", val(format!("1{}", rep(" + 1", LONG))), Want::TooDeep);
    add("long_parens", val(format!("{}1{}", rep("(", LONG), rep(")", LONG))), Want::TooDeep);
    add("long_unary", val(format!("{}1", rep("- ", LONG))), Want::TooDeep);
    add("long_index_chain", index(LONG), Want::TooDeep);
    add("long_call_chain", calls(LONG), Want::TooDeep);
    add("long_field_chain", fields(LONG), Want::TooDeep);
    add("long_method_chain", methods(LONG), Want::TooDeep);
    add("long_slice_type", ty(format!("{}int", rep("[]", LONG))), Want::TooDeep);
    add("long_blocks", program("", &format!("{}{}", rep("{", LONG), rep("}", LONG))), Want::TooDeep);
    let long_elses = rep("\t} else if x == 1 {\n", LONG);
    add("long_else_ifs", program("", &format!("\tx := 1\n\tif x == 0 {{\n{long_elses}\t}}")), Want::TooDeep);
    add("unclosed", format!("package main\nfunc main() {{ x := {}\n", rep("([", LONG)), Want::TooDeep);
    v
}

/// Time allowed for one deep input (they take well under a second on an idle machine).
const DEEP_TIMEOUT: Duration = Duration::from_secs(30);

/// Runs one deep input through `gojit sub`; `Err` describes what went wrong.
fn check_deep(dir: &Path, file: &str, sub: &str, want: Want) -> Result<(), String> {
    let got = common::run_gojit(sub, dir, file, DEEP_TIMEOUT)?;
    let stderr = String::from_utf8_lossy(&got.stderr);
    if got.timed_out {
        return Err(format!("did not finish within {DEEP_TIMEOUT:?}"));
    }
    if stderr.contains("panicked at") || stderr.contains("RUST_BACKTRACE") || stderr.contains("internal compiler error") {
        return Err(format!("compiler failed: {}", first_lines(&stderr, 3)));
    }
    match want {
        Want::Compiles { .. } if got.code == Some(0) => Ok(()),
        Want::TooDeep if got.code == Some(1) && stderr.contains(": syntax error: nesting too deep") => Ok(()),
        Want::Unsupported if got.code == Some(1) && stderr.contains(" not supported by gojit") => Ok(()),
        _ => Err(format!("exit status {:?} after {:?}: {}", got.code, got.elapsed, first_lines(&stderr, 3))),
    }
}

#[test]
fn never_crashes_on_deep_nesting() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("robustness_deep");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create temp dir");
    let only = common::only_filter();
    let mut jobs = Vec::new();
    for (name, src, want) in deep_inputs() {
        if !name.contains(&only) {
            continue;
        }
        let file = format!("{name}.go");
        fs::write(dir.join(&file), src).expect("write input");
        jobs.push((file.clone(), "check", want));
        if matches!(want, Want::Compiles { run: true }) {
            jobs.push((file, "run", want));
        }
    }
    let total = jobs.len();
    let jobs = Mutex::new(jobs);
    let failures = Mutex::new(Vec::new());
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                while let Some((file, sub, want)) = jobs.lock().unwrap().pop() {
                    if let Err(w) = check_deep(&dir, &file, sub, want) {
                        failures.lock().unwrap().push(format!("gojit {sub} {file}: {w}"));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    println!("deep nesting: {total} runs, {} failures", failures.len());
    assert!(failures.is_empty(), "inputs kept in {}:\n{}", dir.display(), failures.join("\n"));
    let _ = fs::remove_dir_all(&dir);
}
