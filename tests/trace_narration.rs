//! Pins the `--trace-panics` narration (runtime/src/panic.rs) of small programs: for every
//! `tests/trace/NAME.go`, the `[panic]` lines that `gojit run --trace-panics` writes to stderr must
//! equal `tests/trace/NAME.trace` line for line, after masking every hexadecimal number (stack
//! addresses differ from run to run, code offsets from build to build). Stdout must equal
//! `NAME.out` (produced with real Go: `go run NAME.go > NAME.out`), so the trace narrates a run that
//! behaves like gc. Without `--trace-panics` stderr must be empty for these (recovering) programs.
//! Regenerate a `.trace` after a deliberate wording change with `GOJIT_BLESS=1 cargo test --test
//! trace_narration`, and review the diff.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Replaces every `0x<hex digits>` with `0x_`.
fn mask_hex(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i + 2]);
        rest = &rest[i + 2..];
        let n = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
        if n > 0 {
            out.push('_');
        }
        rest = &rest[n..];
    }
    out.push_str(rest);
    out
}

fn run(prog: &Path, trace: bool) -> (String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gojit"));
    // The package cache of tests lives under the target directory, never in the user's home.
    cmd.env("XDG_CACHE_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/cache-home"));
    cmd.arg("run");
    if trace {
        cmd.arg("--trace-panics");
    }
    let out = cmd.arg(prog).output().expect("run gojit");
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/trace");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/trace")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    v.sort();
    v
}

#[test]
fn trace_narration_matches_expected_lines() {
    let progs = programs();
    assert!(!progs.is_empty(), "no tests/trace/*.go");
    for prog in progs {
        let (stdout, stderr) = run(&prog, true);
        let want_out = std::fs::read_to_string(prog.with_extension("out")).expect(".out file");
        assert_eq!(stdout, want_out, "stdout of {}", prog.display());
        let got: Vec<String> = stderr.lines().filter(|l| l.starts_with("[panic] ")).map(mask_hex).collect();
        let trace_file = prog.with_extension("trace");
        if std::env::var_os("GOJIT_BLESS").is_some() {
            std::fs::write(&trace_file, got.iter().map(|l| format!("{l}\n")).collect::<String>()).expect("write .trace");
            continue;
        }
        let want: Vec<String> = std::fs::read_to_string(&trace_file).expect(".trace file").lines().map(str::to_owned).collect();
        for (i, (g, w)) in got.iter().zip(&want).enumerate() {
            assert_eq!(g, w, "{}: trace line {} differs; full trace:\n{stderr}", prog.display(), i + 1);
        }
        assert_eq!(got.len(), want.len(), "{}: trace length differs; full trace:\n{stderr}", prog.display());
    }
}

#[test]
fn no_trace_means_empty_stderr() {
    for prog in programs() {
        let (_, stderr) = run(&prog, false);
        assert_eq!(stderr, "", "{}", prog.display());
    }
}

#[test]
fn mask_hex_masks_every_number() {
    assert_eq!(mask_hex("at f+0x1d (fp=0x7ffe12) sp=0xAB;"), "at f+0x_ (fp=0x_) sp=0x_;");
    assert_eq!(mask_hex("0x"), "0x");
}
