//! Which files of a directory make up its package, as go/build's `ImportDir` decides for
//! linux/amd64 without cgo: `.go` files not starting with `_` or `.`, not `_test.go`, whose
//! `_GOOS`/`_GOARCH` name suffix and build constraints hold ([`super::constraint`]). All of them
//! must have the same package clause.
//!
//! Invariant: the returned files are sorted by name (the go command's order, which fixes the
//! order of `init` functions and of package-level declarations across files). Errors use the go
//! command's wording.

use std::path::{Path, PathBuf};

use super::constraint;

/// The selected files of one package directory.
#[derive(Clone, Debug, PartialEq)]
pub struct PackageFiles {
    pub dir: PathBuf,
    /// The package clause's name.
    pub name: String,
    pub files: Vec<PathBuf>,
    /// `.s` files that build constraints keep (gojit cannot assemble them).
    pub asm: Vec<PathBuf>,
    /// Kept files that `import "C"`.
    pub cgo: Vec<PathBuf>,
}

/// The package clause's name of a Go source text and the text before it (the header), or `None`
/// when no package clause is found.
pub fn package_clause(text: &str) -> Option<(&str, &str)> {
    let mut rest = text;
    let mut offset = 0;
    loop {
        let t = rest.trim_start();
        offset += rest.len() - t.len();
        rest = t;
        if let Some(r) = rest.strip_prefix("//") {
            let n = r.find('\n').map_or(r.len(), |i| i + 1);
            offset += 2 + n;
            rest = &r[n..];
        } else if let Some(r) = rest.strip_prefix("/*") {
            let n = r.find("*/")? + 2;
            offset += 2 + n;
            rest = &r[n..];
        } else {
            break;
        }
    }
    let r = rest.strip_prefix("package")?;
    if !r.starts_with([' ', '\t']) {
        return None;
    }
    let r = r.trim_start_matches([' ', '\t']);
    let end = r.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(r.len());
    if end == 0 {
        return None;
    }
    Some((&r[..end], &text[..offset]))
}

/// Whether a source text has `import "C"` (a cgo file).
fn imports_c(text: &str) -> bool {
    text.contains("import \"C\"") || text.lines().any(|l| l.trim() == "\"C\"")
}

/// Whether a file name is considered at all (go/build skips `_x.go`, `.x.go` and tests).
pub fn candidate(name: &str) -> bool {
    !(name.starts_with('_') || name.starts_with('.') || name.ends_with("_test.go"))
}

/// Whether the file `name` with text `text` is part of the build (name rule and header
/// constraints). `Err` is a malformed `//go:build` line.
pub fn selected(name: &str, text: &str) -> Result<bool, String> {
    if !constraint::good_os_arch_file(name) {
        return Ok(false);
    }
    let header = package_clause(text).map_or(text, |(_, h)| h);
    constraint::header_allows(header)
}

/// The package in directory `dir`; `import_path` names it in errors (go: `package P: ...`).
pub fn package_in_dir(dir: &Path, import_path: &str) -> Result<PackageFiles, String> {
    let entries = std::fs::read_dir(dir).map_err(|_| format!("no Go files in {}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut out = PackageFiles { dir: dir.to_path_buf(), name: String::new(), files: vec![], asm: vec![], cgo: vec![] };
    let mut first_name_file = String::new();
    let mut any_go = false;
    for name in &names {
        if !candidate(name) {
            continue;
        }
        let path = dir.join(name);
        if name.ends_with(".s") || name.ends_with(".S") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            if selected(name, &text).unwrap_or(false) {
                out.asm.push(path);
            }
            continue;
        }
        if !name.ends_with(".go") {
            continue;
        }
        any_go = true;
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if !selected(name, &text).map_err(|e| format!("{}: {e}", path.display()))? {
            continue;
        }
        let Some((pkg, _)) = package_clause(&text) else {
            return Err(format!("{}: expected 'package', found EOF", path.display()));
        };
        if imports_c(&text) {
            // cgo is off for gojit's target: the file is excluded, as with CGO_ENABLED=0.
            out.cgo.push(path);
            continue;
        }
        if out.name.is_empty() {
            out.name = pkg.to_string();
            first_name_file = name.clone();
        } else if out.name != pkg {
            return Err(format!("found packages {} ({}) and {} ({}) in {}", out.name, first_name_file, pkg, name, dir.display()));
        }
        out.files.push(path);
    }
    if out.files.is_empty() {
        if any_go {
            return Err(format!("package {import_path}: build constraints exclude all Go files in {}", dir.display()));
        }
        return Err(format!("no Go files in {}", dir.display()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_clauses() {
        assert_eq!(package_clause("// c\n/* d */\npackage foo // x\n").map(|p| p.0), Some("foo"));
        assert_eq!(package_clause("//go:build x\n\npackage main\n").unwrap().1, "//go:build x\n\n");
        assert_eq!(package_clause("packagefoo\n"), None);
    }

    #[test]
    fn selects_files_like_go_build() {
        let dir = std::env::temp_dir().join(format!("gojit-load-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let w = |n: &str, t: &str| std::fs::write(dir.join(n), t).unwrap();
        w("a.go", "package p\n");
        w("b_windows.go", "package p\n");
        w("c_test.go", "package p\n");
        w("d.go", "//go:build gc\n\npackage p\n");
        w("e.go", "//go:build !gc\n\npackage p\n");
        w("_f.go", "package q\n");
        w("g_amd64.s", "TEXT x(SB)\n");
        w("h.go", "package p\n\nimport \"C\"\n");
        let p = package_in_dir(&dir, "x/p").unwrap();
        let names: Vec<_> = p.files.iter().map(|f| f.file_name().unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["a.go", "e.go"]);
        assert_eq!(p.name, "p");
        assert_eq!(p.asm.len(), 1);
        assert_eq!(p.cgo.len(), 1);
        w("i.go", "package other\n");
        let e = package_in_dir(&dir, "x/p").unwrap_err();
        assert!(e.starts_with("found packages p (a.go) and other (i.go) in"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
