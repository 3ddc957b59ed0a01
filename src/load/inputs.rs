//! What a load read from the file system, so a program image (`src/image.rs`) can tell without
//! parsing anything whether loading again would give the same program: like the go command's
//! build-cache manifests, every fact the loader's result depends on — each directory listing,
//! each file's content (excluded ones too: their build constraints chose), each existence test,
//! the GOROOT found — is recorded while [`record`] runs, and [`still_valid`] re-checks them all.
//!
//! Invariant: the loader reaches the file system only through this module's functions (and
//! `goroot`, whose answer is recorded by [`note_goroot`]), so the record is complete.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::cell::RefCell;
use std::path::{Path, PathBuf};

/// One fact a load depended on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Input {
    /// A file's content hash (`None`: it could not be read).
    File(PathBuf, Option<[u8; 32]>),
    /// A directory's candidate Go files ([`go_files`]; `None`: it could not be listed).
    Dir(PathBuf, Option<Vec<PathBuf>>),
    /// Whether the path is a directory.
    IsDir(PathBuf, bool),
    /// Whether the path is a regular file.
    IsFile(PathBuf, bool),
    /// The GOROOT that was found.
    Goroot(PathBuf),
}

thread_local! {
    static RECORD: RefCell<Option<Vec<Input>>> = const { RefCell::new(None) };
}

fn note(i: Input) {
    RECORD.with(|r| {
        if let Some(v) = r.borrow_mut().as_mut() {
            v.push(i);
        }
    });
}

/// Runs `f` (a load), returning its result and everything it read.
pub fn record<T>(f: impl FnOnce() -> T) -> (T, Vec<Input>) {
    let outer = RECORD.with(|r| r.replace(Some(vec![])));
    let out = f();
    let got = RECORD.with(|r| r.replace(outer)).unwrap_or_default();
    (out, got)
}

fn hash(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// `std::fs::read`, recorded.
pub fn read(p: &Path) -> std::io::Result<Vec<u8>> {
    let r = std::fs::read(p);
    note(Input::File(p.to_path_buf(), r.as_ref().ok().map(|b| hash(b))));
    r
}

/// `std::fs::read_to_string`, recorded.
pub fn read_to_string(p: &Path) -> std::io::Result<String> {
    let bytes = read(p)?;
    String::from_utf8(bytes).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

/// `Path::is_dir`, recorded.
pub fn is_dir(p: &Path) -> bool {
    let b = p.is_dir();
    note(Input::IsDir(p.to_path_buf(), b));
    b
}

/// `Path::is_file`, recorded.
pub fn is_file(p: &Path) -> bool {
    let b = p.is_file();
    note(Input::IsFile(p.to_path_buf(), b));
    b
}

/// The GOROOT the load used.
pub fn note_goroot(p: &Path) {
    note(Input::Goroot(p.to_path_buf()));
}

/// The files of `dir` the go command considers (`*.go`, not `_*`, `.*` or `*_test.go`; files
/// and symlinks), sorted; recorded.
pub fn go_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let r = list_go_files(dir);
    note(Input::Dir(dir.to_path_buf(), r.as_ref().ok().cloned()));
    r
}

fn list_go_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            n.ends_with(".go") && !n.starts_with('_') && !n.starts_with('.') && !n.ends_with("_test.go")
        })
        .collect();
    v.sort();
    Ok(v)
}

/// Whether every recorded fact still holds.
pub fn still_valid(inputs: &[Input]) -> bool {
    inputs.iter().all(|i| match i {
        Input::File(p, h) => std::fs::read(p).ok().map(|b| hash(&b)) == *h,
        Input::Dir(p, names) => list_go_files(p).ok() == *names,
        Input::IsDir(p, b) => p.is_dir() == *b,
        Input::IsFile(p, b) => p.is_file() == *b,
        Input::Goroot(p) => super::goroot::goroot().is_ok_and(|r| r == p),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_file_or_directory_invalidates() {
        let dir = std::env::temp_dir().join(format!("gojit-inputs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("a.go");
        std::fs::write(&f, "package main\n").unwrap();
        let ((), got) = record(|| {
            go_files(&dir).unwrap();
            read(&f).unwrap();
            assert!(!is_file(&dir.join("go.mod")));
        });
        assert_eq!(got.len(), 3);
        assert!(still_valid(&got));
        std::fs::write(&f, "package main // edited\n").unwrap();
        assert!(!still_valid(&got));
        std::fs::write(&f, "package main\n").unwrap();
        assert!(still_valid(&got));
        std::fs::write(dir.join("b.go"), "package main\n").unwrap();
        assert!(!still_valid(&got));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
