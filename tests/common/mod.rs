//! Shared helpers for the data-driven integration tests: running the `gojit` binary on one file
//! with a wall-clock timeout, capturing stdout/stderr fully (reader threads, so a chatty child can
//! never dead-lock on a full pipe).
//!
//! Invariant: every child started here is either waited for or killed and reaped before the
//! function returns; no zombie or runaway process outlives a call.

#![allow(dead_code)]

pub mod cached;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// What a finished (or killed) run of the compiler produced.
pub struct Outcome {
    /// Exit status; `None` when the process was killed by a signal or by the timeout.
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// True when the run exceeded its time limit and was killed.
    pub timed_out: bool,
    pub elapsed: Duration,
}

/// `XDG_CACHE_HOME` of every gojit the tests start: gojit's cache (`$XDG_CACHE_HOME/gojit`) under
/// the target directory, never in the user's home. Shared by concurrent tests (the cache is safe
/// for concurrent processes) and kept between runs of the same gojit build; the caches of older
/// builds (whose entries a new build never reads: they are keyed by its build id) are removed.
pub fn cache_home() -> &'static str {
    static HOME: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HOME.get_or_init(|| {
        let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
        let stamp = std::fs::metadata(gojit_bin())
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        let name = format!("cache-home-{stamp}");
        for e in std::fs::read_dir(tmp).into_iter().flatten().flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.starts_with("cache-home-") && n != name {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
        tmp.join(name).display().to_string()
    })
}

/// The gojit binary built by cargo for integration tests.
pub fn gojit_bin() -> &'static str {
    env!("CARGO_BIN_EXE_gojit")
}

/// Runs `gojit <subcommand> <file_name>` with `cwd` as the working directory, killing it after
/// `limit`; standard input is `NAME.in` beside `NAME.go` if present, else empty. `Err` only when the binary could not be started at all.
pub fn run_gojit(
    subcommand: &str,
    cwd: &Path,
    file_name: &str,
    limit: Duration,
) -> Result<Outcome, String> {
    run_gojit_env(subcommand, cwd, file_name, limit, &[])
}

/// [`run_gojit`] with extra environment variables for the child (e.g. the collector's stress mode).
pub fn run_gojit_env(
    subcommand: &str,
    cwd: &Path,
    file_name: &str,
    limit: Duration,
    env: &[(&str, &str)],
) -> Result<Outcome, String> {
    let start = Instant::now();
    // a program's standard input is its sibling NAME.in when there is one
    let input = file_name.strip_suffix(".go").map(|stem| cwd.join(format!("{stem}.in")));
    let stdin = match input.and_then(|p| std::fs::File::open(p).ok()) {
        Some(f) => Stdio::from(f),
        None => Stdio::null(),
    };
    let mut child = Command::new(gojit_bin())
        .arg(subcommand)
        .arg(file_name)
        .current_dir(cwd)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("RUST_BACKTRACE", "0")
        .env("XDG_CACHE_HOME", cache_home())
        .envs(env.iter().copied())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", gojit_bin()))?;
    let out_reader = spawn_reader(child.stdout.take());
    let err_reader = spawn_reader(child.stderr.take());
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() >= limit => {
                timed_out = true;
                let _ = child.kill();
                break child.wait().ok();
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(_) => {
                let _ = child.kill();
                break child.wait().ok();
            }
        }
    };
    let elapsed = start.elapsed();
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    let code = if timed_out { None } else { status.and_then(|s| s.code()) };
    Ok(Outcome { code, stdout, stderr, timed_out, elapsed })
}

fn spawn_reader<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    })
}

/// The `GOJIT_ONLY` filter: a case runs when its file name contains this substring.
pub fn only_filter() -> String {
    std::env::var("GOJIT_ONLY").unwrap_or_default()
}

/// Compiles `source` in this process, runs its `main` once and returns the number of runtime heap
/// allocations the run made (`gojit_runtime::alloc::allocation_count`); `tag` names the temporary
/// file (`gojit_{tag}_{name}.go`). Used by the allocation-counting tests (defer_alloc,
/// escape_alloc).
pub fn allocations_of(tag: &str, name: &str, source: &str) -> u64 {
    use gojit::driver::{self, CompileOptions};
    let path = std::env::temp_dir().join(format!("gojit_{tag}_{name}.go"));
    std::fs::write(&path, source).unwrap();
    let path = path.to_str().unwrap();
    let (src, result) = driver::compile_bytes(path, source.as_bytes(), CompileOptions::default(), |_| ());
    let (program, ()) = result.unwrap_or_else(|d| panic!("{name} does not compile: {}", d.iter().map(|d| src.render(d)).collect::<Vec<_>>().join("\n")));
    let before = gojit_runtime::alloc::allocation_count();
    assert_eq!(program.run_main(), 0, "{name} failed");
    gojit_runtime::alloc::allocation_count() - before
}
