//! Source locations of functions in files with line directives (`//line`, `/*line*/`).
//!
//! gc attributes each instruction to the file and line its position has once line directives
//! apply (`runtime.Caller`, tracebacks, `CallersFrames`), and a directive may change both, even in
//! the middle of a line. A Cranelift source location has room for a line only, so in a function
//! whose file has directives the line field of every source location is a *position key*: an
//! index (from 1) into this program-wide table of `(line, file)` pairs, as the runtime prints
//! them. [`crate::jit::FuncMeta::positions`] carries the keys a function uses to the JIT, which
//! turns them back into lines and per-pc files. Functions of other files keep plain lines.
//!
//! Runtime file names follow gc 1.27.3 (`syntax.parser.updateBase`): a relative directive name
//! is cleaned and joined to the directory of the source file; an empty one prints as `??`.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// The program's position keys.
#[derive(Default)]
pub struct LinePositions {
    /// Key `k` is entry `k - 1`: `(line, file as the runtime prints it)`.
    keys: Vec<(u32, String)>,
    key_of: HashMap<(u32, String), u32>,
}

impl LinePositions {
    /// The key of `(line, file)`, made on first use.
    pub fn key(&mut self, line: u32, file: String) -> u32 {
        if let Some(&k) = self.key_of.get(&(line, file.clone())) {
            return k;
        }
        self.keys.push((line, file.clone()));
        let k = self.keys.len() as u32;
        self.key_of.insert((line, file), k);
        k
    }

    /// The `(line, file)` of key `k` (`None`: not a key).
    pub fn get(&self, k: u32) -> Option<&(u32, String)> {
        self.keys.get((k as usize).checked_sub(1)?)
    }
}

/// The runtime's name for a directive's file `name` in the source file at absolute path `src`.
pub fn runtime_file(name: &str, src: &str) -> String {
    if name.is_empty() {
        return "??".to_string();
    }
    let p = Path::new(name);
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        match Path::new(src).parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.join(p),
            _ => p.to_path_buf(),
        }
    };
    clean(&joined)
}

/// Go's `filepath.Clean`: no `.` elements, `..` folded into its parent, no repeated separators.
fn clean(p: &Path) -> String {
    let mut out = PathBuf::new();
    let mut depth = 0usize;
    for c in p.components() {
        match c {
            Component::RootDir => out.push("/"),
            Component::CurDir => {}
            Component::ParentDir if depth > 0 => {
                out.pop();
                depth -= 1;
            }
            Component::ParentDir if p.is_absolute() => {}
            other => {
                out.push(other.as_os_str());
                if !matches!(other, Component::ParentDir) {
                    depth += 1;
                }
            }
        }
    }
    let s = out.to_string_lossy().into_owned();
    if s.is_empty() { ".".to_string() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runtime_names_as_gc() {
        assert_eq!(runtime_file("", "/a/b/x.go"), "??");
        assert_eq!(runtime_file("foo.go", "/a/b/x.go"), "/a/b/foo.go");
        assert_eq!(runtime_file("c:/foo/bar.go", "/a/x.go"), "/a/c:/foo/bar.go");
        assert_eq!(runtime_file("/foo//./bar.go", "/a/x.go"), "/foo/bar.go");
        assert_eq!(runtime_file("../y.go", "/a/b/x.go"), "/a/y.go");
    }

    #[test]
    fn keys_are_dense_and_shared() {
        let mut t = LinePositions::default();
        let a = t.key(10, "f.go".into());
        let b = t.key(11, "f.go".into());
        assert_eq!((a, b, t.key(10, "f.go".into())), (1, 2, 1));
        assert_eq!(t.get(2), Some(&(11, "f.go".to_string())));
        assert_eq!(t.get(0), None);
    }
}
