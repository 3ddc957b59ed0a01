//! Import path → package directory, as the go command resolves it in module mode: the standard
//! library in `$GOROOT/src`, the main module's own packages, then the module providing the path
//! (the longest required module path that prefixes it, after `replace`), found in the main
//! module's `vendor/` or in GOMODCACHE. Nothing is ever downloaded.
//!
//! Invariant: every error is the go command's wording for the same situation, without a
//! position (the caller adds the importing spec's `file:line:col: `).

use std::path::{Path, PathBuf};

use super::gomod::{GoMod, Replacement, Require, escape};
use super::goroot;

/// The modules a build can see.
pub struct Modules {
    /// The main module (None: no go.mod above the working directory; only std and
    /// command-line files are loadable, like `GO111MODULE=on` outside a module).
    pub main: Option<GoMod>,
}

/// A resolved import.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub dir: PathBuf,
    /// In GOROOT (standard library or its vendored packages).
    pub std: bool,
}

/// Whether an import path is a standard-library path (no dot in its first element).
pub fn is_std_path(path: &str) -> bool {
    !path.split('/').next().unwrap_or("").contains('.')
}

impl Modules {
    /// Resolves `path` imported from package `from` (whose own `std` flag decides where
    /// `vendor/...` paths of the standard library are found).
    pub fn resolve(&self, path: &str, from_std: bool) -> Result<Found, String> {
        if is_std_path(path) {
            let root = goroot::goroot()?;
            super::inputs::note_goroot(root);
            let mut dir = root.join("src").join(path);
            // The standard library's vendored modules (golang.org/x/...) are imported by std
            // packages under their own paths and live in GOROOT/src/vendor.
            if !super::inputs::is_dir(&dir) && from_std {
                dir = root.join("src/vendor").join(path);
            }
            if super::inputs::is_dir(&dir) {
                return Ok(Found { dir, std: true });
            }
            if let Some(m) = &self.main {
                if let Some(rest) = within(path, &m.module) {
                    return self.local(m, path, rest);
                }
            }
            return Err(format!("package {path} is not in std ({})", root.join("src").join(path).display()));
        }
        if from_std {
            let dir = goroot::goroot()?.join("src/vendor").join(path);
            super::inputs::note_goroot(goroot::goroot()?);
            if super::inputs::is_dir(&dir) {
                return Ok(Found { dir, std: true });
            }
        }
        let no_module = || format!("no required module provides package {path}; to add it:\n\tgo get {path}");
        let Some(m) = &self.main else {
            return Err(format!("cannot find module providing package {path}: go.mod file not found in current directory or any parent directory; see 'go help modules'"));
        };
        if let Some(rest) = within(path, &m.module) {
            return self.local(m, path, rest);
        }
        // the longest required module path that is a prefix of `path`
        let Some(req) = m.require.iter().filter(|r| within(path, &r.path).is_some()).max_by_key(|r| r.path.len()) else {
            return Err(no_module());
        };
        let rest = within(path, &req.path).unwrap_or("");
        let vendor = m.dir.join("vendor").join(path);
        if super::inputs::is_file(&m.dir.join("vendor/modules.txt")) {
            if super::inputs::is_dir(&vendor) {
                return Ok(Found { dir: vendor, std: false });
            }
            return Err(format!("cannot find module providing package {path}: import lookup disabled by -mod=vendor"));
        }
        let root = match self.replaced(m, req) {
            Some(Replacement::Dir(d)) => d,
            Some(Replacement::Module(r)) => self.cached(&r)?,
            None => self.cached(req)?,
        };
        let dir = root.join(rest);
        if super::inputs::is_dir(&dir) {
            Ok(Found { dir, std: false })
        } else {
            Err(format!("module {}@{} found, but does not contain package {path}", req.path, req.version))
        }
    }

    fn local(&self, m: &GoMod, path: &str, rest: &str) -> Result<Found, String> {
        let dir = m.dir.join(rest);
        if super::inputs::is_dir(&dir) {
            Ok(Found { dir, std: false })
        } else {
            Err(format!("no required module provides package {path}; to add it:\n\tgo get {path}"))
        }
    }

    fn replaced(&self, m: &GoMod, req: &Require) -> Option<Replacement> {
        let r = m.replace.iter().find(|r| r.path == req.path && r.version.as_ref().is_none_or(|v| *v == req.version))?;
        Some(r.to.clone())
    }

    /// A module version's directory in GOMODCACHE.
    fn cached(&self, r: &Require) -> Result<PathBuf, String> {
        let dir = goroot::gomodcache().join(format!("{}@{}", escape(&r.path), escape(&r.version)));
        if super::inputs::is_dir(&dir) {
            Ok(dir)
        } else {
            Err(format!(
                "module {}@{} is not in the module cache ({}); gojit never downloads modules: run 'go mod download {}'",
                r.path,
                r.version,
                dir.display(),
                r.path
            ))
        }
    }

    /// The import path of a directory inside the main module (`None` outside it).
    pub fn path_of_dir(&self, dir: &Path) -> Option<String> {
        let m = self.main.as_ref()?;
        let rel = dir.strip_prefix(&m.dir).ok()?;
        let rel = rel.to_string_lossy();
        Some(if rel.is_empty() { m.module.clone() } else { format!("{}/{}", m.module, rel) })
    }
}

/// `path` relative to module path `module` (`Some("")` for the module's root package).
fn within<'p>(path: &'p str, module: &str) -> Option<&'p str> {
    let rest = path.strip_prefix(module)?;
    if rest.is_empty() {
        Some("")
    } else {
        rest.strip_prefix('/')
    }
}

/// The go command's `internal/` rule: a path containing an `internal` element is importable only
/// from the tree rooted at that element's parent.
pub fn internal_allowed(importer: &str, path: &str) -> bool {
    let elems: Vec<&str> = path.split('/').collect();
    let Some(i) = elems.iter().rposition(|e| *e == "internal") else { return true };
    let parent = elems[..i].join("/");
    if parent.is_empty() {
        // `internal/...` of the standard library: only std packages.
        return is_std_path(importer);
    }
    importer == parent || importer.starts_with(&format!("{parent}/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_rule() {
        assert!(internal_allowed("example.com/m/a", "example.com/m/a/internal/x"));
        assert!(internal_allowed("example.com/m/a/b", "example.com/m/a/internal/x"));
        assert!(!internal_allowed("example.com/m/c", "example.com/m/a/internal/x"));
        assert!(!internal_allowed("example.com/m/ab", "example.com/m/a/internal/x"));
        assert!(internal_allowed("strconv", "internal/stringslite"));
        assert!(!internal_allowed("example.com/m", "internal/stringslite"));
        assert!(internal_allowed("example.com/m", "example.com/m/internal/x"));
    }

    #[test]
    fn std_paths() {
        assert!(is_std_path("unicode/utf8"));
        assert!(!is_std_path("example.com/m"));
    }
}
