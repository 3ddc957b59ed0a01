//! Helpers of the tests that run gojit against a cache of their own (`tests/cache.rs`, the code
//! cache; `tests/image.rs`, program images): a fresh cache home and package directory per test,
//! a `gojit run --time` in it, and readers of what the run printed and stored. One copy, so the
//! two suites cannot drift apart in how they isolate the cache.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh cache home and a package directory holding `prog.go` with `src`, both under the
/// target directory in `SUITE-test-NAME/` (`home/`, `src/`).
pub fn setup(suite: &str, name: &str, src: &str) -> (PathBuf, PathBuf) {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{suite}-test-{name}"));
    let _ = std::fs::remove_dir_all(&base);
    let home = base.join("home");
    let dir = base.join("src");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("prog.go"), src).unwrap();
    (home, dir)
}

/// `gojit run --time ARGS` in `dir` with the cache under `home` (`GOJIT_CACHE` and
/// `GOJIT_IMAGE` of the caller's environment removed), then `env` set.
pub fn run_args(home: &Path, dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(super::gojit_bin())
        .arg("run")
        .arg("--time")
        .args(args)
        .current_dir(dir)
        .env("XDG_CACHE_HOME", home)
        .env_remove("GOJIT_CACHE")
        .env_remove("GOJIT_IMAGE")
        .envs(env.iter().copied())
        .output()
        .expect("run gojit")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What the program itself wrote on stderr (`println`), without `--time`'s `gojit: ` lines.
pub fn program_stderr(out: &Output) -> String {
    stderr(out).lines().filter(|l| !l.starts_with("gojit: ")).map(|l| format!("{l}\n")).collect()
}

/// The run succeeded, printed `want` on stderr and nothing on stdout.
pub fn assert_ok(out: &Output, want: &str) {
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", stderr(out));
    assert_eq!(program_stderr(out), want);
    assert!(out.stdout.is_empty(), "stdout: {}", String::from_utf8_lossy(&out.stdout));
}

/// Every file of the cache's `kind` directory (`pack`, `image`), temporary files included.
pub fn entries(home: &Path, kind: &str) -> Vec<PathBuf> {
    let mut out = vec![];
    for d in std::fs::read_dir(home.join("gojit").join(kind)).into_iter().flatten().flatten() {
        for f in std::fs::read_dir(d.path()).into_iter().flatten().flatten() {
            out.push(f.path());
        }
    }
    out
}
