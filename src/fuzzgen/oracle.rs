//! Running programs under real Go and under gojit, and comparing outcomes.
//!
//! Comparison rules (as in `shared/conformance/run.py`, narrowed to what is deterministic): stdout
//! byte for byte, the exit status, and the `panic:` lines of stderr (the first `panic: ...` line and
//! the tab-indented `\tpanic: ...` chain, with their `[recovered]` marks), and the crash report's
//! `goroutine N [running]:` line (N compared only for main's goroutine 1). The rest of the
//! tracebacks, addresses and `[signal ...]` lines are ignored.
//!
//! Invariant: every child process is bounded by a timeout and killed when it runs over; nothing here
//! panics on odd child output.

use super::emit;
use super::model::Outcome;
use super::tree::Program;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What a process did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Observed {
    pub stdout: String,
    pub stderr: String,
    /// Exit status; -1 when killed by a signal or on timeout.
    pub exit: i32,
    pub timed_out: bool,
}

impl Observed {
    /// The comparable part of the outcome.
    pub fn outcome(&self) -> Outcome {
        Outcome { stdout: self.stdout.clone(), panics: panic_lines(&self.stderr), exit: self.exit }
    }
}

/// The `panic:` lines of a stderr text (`panic: ...` and `\tpanic: ...`, `fatal error: ...`), then
/// the first `goroutine N [running]:` line with N kept only when it is 1 (main's goroutine; the
/// numbers of others depend on the runtime's own goroutines).
pub fn panic_lines(stderr: &str) -> Vec<String> {
    let mut out: Vec<String> = stderr
        .lines()
        .filter(|l| l.starts_with("panic: ") || l.starts_with("\tpanic: ") || l.starts_with("fatal error: "))
        .map(str::to_string)
        .collect();
    let running = stderr.lines().find_map(|l| l.strip_prefix("goroutine ")?.strip_suffix(" [running]:"));
    if let Some(n) = running {
        out.push(goroutine_line(n == "1"));
    }
    out
}

/// The normalised `goroutine N [running]:` line of a crash report.
pub fn goroutine_line(main: bool) -> String {
    if main { "goroutine 1 [running]:".into() } else { "goroutine N [running]:".into() }
}

/// Describes how two outcomes differ ("" when they agree).
pub fn diff(want: &Outcome, got: &Outcome) -> String {
    let mut s = String::new();
    if want.exit != got.exit {
        s += &format!("exit status {} (want {})\n", got.exit, want.exit);
    }
    if want.panics != got.panics {
        s += &format!("panic lines differ:\n--- want\n{}\n--- got\n{}\n", want.panics.join("\n"), got.panics.join("\n"));
    }
    if want.stdout != got.stdout {
        let (w, g): (Vec<&str>, Vec<&str>) = (want.stdout.lines().collect(), got.stdout.lines().collect());
        let first = w.iter().zip(&g).position(|(a, b)| a != b).unwrap_or(w.len().min(g.len()));
        s += &format!(
            "stdout differs at line {} (want {} lines, got {}):\n  want: {:?}\n  got:  {:?}\n",
            first + 1,
            w.len(),
            g.len(),
            w.get(first),
            g.get(first)
        );
    }
    s
}

/// Runs `cmd` with a timeout, capturing its output.
pub fn run_with_timeout(mut cmd: Command, timeout: Duration) -> std::io::Result<Observed> {
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn()?;
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(st) = child.try_wait()? {
            break st;
        }
        if start.elapsed() > timeout {
            timed_out = true;
            let _ = child.kill();
            break child.wait()?;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let stdout = String::from_utf8_lossy(&t_out.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&t_err.join().unwrap_or_default()).into_owned();
    let exit = if timed_out { -1 } else { status.code().unwrap_or(-1) };
    Ok(Observed { stdout, stderr, exit, timed_out })
}

/// Whether a `go` command is on PATH.
pub fn go_available() -> bool {
    Command::new("go").arg("version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// Builds `progs` into one Go binary (see `emit::batch`) and runs each program; one result per
/// program, or the build error text.
pub fn run_go_batch(progs: &[Program], dir: &Path, timeout: Duration) -> Result<Vec<Observed>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let src = dir.join("batch.go");
    let bin = dir.join("batch");
    std::fs::write(&src, emit::batch(progs)).map_err(|e| format!("cannot write {}: {e}", src.display()))?;
    // Module mode with a go.mod of the reference's language version, so the batch gets Go
    // 1.27's semantics and GODEBUG defaults (per-iteration loop variables, panic(nil) raising a
    // *runtime.PanicNilError). GOPATH mode (GO111MODULE=off) would keep Go 1.20's GODEBUG
    // defaults (panicnil=1) and make gc disagree with the model on every panic(nil).
    let gomod = dir.join("go.mod");
    std::fs::write(&gomod, "module campaignbatch\n\ngo 1.27\n")
        .map_err(|e| format!("cannot write {}: {e}", gomod.display()))?;
    let mut build = Command::new("go");
    build
        .current_dir(dir)
        .arg("build")
        .arg("-o")
        .arg(&bin)
        .arg("batch.go")
        .env("GO111MODULE", "on")
        .env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", "");
    let b = run_with_timeout(build, Duration::from_secs(300)).map_err(|e| format!("cannot run go: {e}"))?;
    if b.exit != 0 {
        return Err(format!("go build failed:\n{}{}", b.stdout, b.stderr));
    }
    let mut out = Vec::with_capacity(progs.len());
    for k in 0..progs.len() {
        let mut c = Command::new(&bin);
        c.arg(k.to_string());
        out.push(run_with_timeout(c, timeout).map_err(|e| format!("cannot run {}: {e}", bin.display()))?);
    }
    Ok(out)
}

/// Runs one program under `gojit run` from a file in `dir`.
pub fn run_gojit(gojit: &Path, prog: &Program, dir: &Path, timeout: Duration) -> Result<Observed, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let src = dir.join("prog.go");
    std::fs::write(&src, emit::standalone(prog)).map_err(|e| format!("cannot write {}: {e}", src.display()))?;
    let mut c = Command::new(gojit);
    c.arg("run").arg(&src);
    run_with_timeout(c, timeout).map_err(|e| format!("cannot run {}: {e}", gojit.display()))
}

/// A fresh scratch directory under the system temp dir.
pub fn scratch_dir(tag: &str) -> PathBuf {
    std::env::temp_dir().join(format!("gojit-{tag}-{}", std::process::id()))
}
