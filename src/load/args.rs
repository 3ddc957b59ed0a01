//! The package named on the command line, as `go run|build` reads its arguments: one or more
//! `.go` files of one directory (package `command-line-arguments`), a directory (`.`, `./x`,
//! `../x`, `/abs`), or an import path inside the main module.
//!
//! Invariant: a directory or import-path argument needs a main module (`go.mod` in the working
//! directory or a parent), as in module mode; file arguments do not. File names are spelled as
//! the go command passes them to the compiler (relative to the working directory, `./x.go` for
//! one in it), which is how gc's diagnostics name them.

use std::path::{Path, PathBuf};

use super::files;
use super::gomod::GoMod;
use super::resolve::{self, Modules};

/// The main package to compile.
pub struct Target {
    /// `command-line-arguments` for file arguments, else the package's import path.
    pub import_path: String,
    /// The package's files, named as diagnostics print them.
    pub files: Vec<String>,
    pub modules: Modules,
}

/// Whether a command-line argument names `.go` files (rather than a package).
pub fn is_go_file(arg: &str) -> bool {
    arg.ends_with(".go")
}

fn is_dir_arg(arg: &str) -> bool {
    arg == "." || arg == ".." || arg.starts_with("./") || arg.starts_with("../") || arg.starts_with('/')
}

const NO_GOMOD: &str = "go: go.mod file not found in current directory or any parent directory; see 'go help modules'";

/// Reads the main module (if any) above the working directory.
fn modules() -> Result<Modules, String> {
    let cwd = std::env::current_dir().map_err(|e| format!("go: cannot find the working directory: {e}"))?;
    let main = match GoMod::find_root(&cwd) {
        Some(root) => Some(GoMod::read(&root)?),
        None => None,
    };
    Ok(Modules { main })
}

/// Loads the package named by `args` (all `.go` files, or exactly one package argument).
pub fn load(args: &[String]) -> Result<Target, String> {
    let modules = modules()?;
    if args.iter().all(|a| is_go_file(a)) && !args.is_empty() {
        return load_files(args, modules);
    }
    let [arg] = args else {
        return Err("gojit: expected .go files or one package".into());
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let (dir, path) = if is_dir_arg(arg) {
        let Some(m) = &modules.main else { return Err(NO_GOMOD.into()) };
        let dir = normalize(&cwd.join(arg));
        let Some(path) = modules.path_of_dir(&dir) else {
            return Err(format!("directory {arg} outside main module or its selected dependencies ({})", m.dir.display()));
        };
        (dir, path)
    } else {
        if modules.main.is_none() && !resolve::is_std_path(arg) {
            return Err(NO_GOMOD.into());
        }
        let found = modules.resolve(arg, false)?;
        (found.dir, arg.clone())
    };
    let pkg = files::package_in_dir(&dir, &path)?;
    let files = pkg.files.iter().map(|f| display_name(&cwd, f)).collect();
    Ok(Target { import_path: path, files, modules })
}

fn load_files(args: &[String], modules: Modules) -> Result<Target, String> {
    let dir_of = |a: &str| Path::new(a).parent().map(Path::to_path_buf).unwrap_or_default();
    let dir = dir_of(&args[0]);
    for a in args {
        if a.ends_with("_test.go") {
            return Err(format!("go: cannot run *_test.go files ({a})"));
        }
        let d = dir_of(a);
        if normalize(&d) != normalize(&dir) {
            return Err(format!("named files must all be in one directory; have {} and {}", show_dir(&dir), show_dir(&d)));
        }
        if std::fs::metadata(a).is_err() {
            return Err(format!("stat {a}: no such file or directory"));
        }
    }
    Ok(Target { import_path: "command-line-arguments".into(), files: args.to_vec(), modules })
}

fn show_dir(d: &Path) -> String {
    if d.as_os_str().is_empty() { ".".into() } else { d.display().to_string() }
}

/// `dir` with `.` and `..` elements resolved lexically.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// A file's name as the go command hands it to the compiler: relative to the working directory
/// when that is shorter (`./x.go` in it), else absolute.
pub fn display_name(cwd: &Path, file: &Path) -> String {
    let abs = file.display().to_string();
    let Ok(rel) = file.strip_prefix(cwd) else { return relative_up(cwd, file).unwrap_or(abs) };
    let rel = rel.display().to_string();
    if rel.contains('/') { rel } else { format!("./{rel}") }
}

/// `../x/y.go` for a file in a parent's subtree of `cwd`, when shorter than the absolute path.
fn relative_up(cwd: &Path, file: &Path) -> Option<String> {
    let mut up = String::new();
    let mut base = cwd;
    while let Some(p) = base.parent() {
        up.push_str("../");
        if let Ok(rest) = file.strip_prefix(p) {
            let r = format!("{up}{}", rest.display());
            return (r.len() < file.display().to_string().len()).then_some(r);
        }
        base = p;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names() {
        let cwd = Path::new("/m");
        assert_eq!(display_name(cwd, Path::new("/m/a.go")), "./a.go");
        assert_eq!(display_name(cwd, Path::new("/m/sub/a.go")), "sub/a.go");
        assert_eq!(display_name(Path::new("/m/sub/deep"), Path::new("/m/x/a.go")), "../../x/a.go");
        assert_eq!(display_name(Path::new("/very/long/working/dir"), Path::new("/x.go")), "/x.go");
    }
}
