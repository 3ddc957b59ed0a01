//! What a load read from the file system, so a program image (`src/image.rs`) can tell without
//! parsing anything whether loading again would give the same program: like the go command's
//! build-cache manifests, every fact the loader's result depends on — each directory listing,
//! each file's content (excluded ones too: their build constraints chose), each existence test,
//! the GOROOT found — is recorded while [`record`] runs, and [`still_valid`] re-checks them all.
//!
//! Re-checking reads nothing whose status is unchanged: files and directories are recorded
//! with their [`Stamp`] (size, modification and status-change times in nanoseconds, inode,
//! device), as make, ninja and cargo trust modification times; a file whose stamp differs is
//! read and its content hash compared (a touched but unchanged file still matches), a directory
//! whose stamp differs is listed again. Writing a file or adding, removing or renaming an entry
//! of a directory changes its status-change time, which no program can set back. Timestamps
//! are coarser than a nanosecond (the kernel's clock tick), so, as git does for its index, a
//! stamp less than a second old is not recorded: a change in the same tick could not be told
//! apart, and the file is hashed at the next check instead. The check stats each entry
//! relative to its directory, opened once ([`Dirs`]): most of the cost of ~700 stats of full
//! GOROOT paths was the kernel walking the same long prefix again for every file.
//!
//! Invariant: the loader reaches the file system only through this module's functions (and
//! `goroot`, whose answer is recorded by [`note_goroot`]), so the record is complete.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::CString;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

/// One fact a load depended on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Input {
    /// A file's content hash (`None`: it could not be read) and its stamp when read.
    File(PathBuf, Option<[u8; 32]>, Option<Stamp>),
    /// A directory's candidate Go files ([`go_files`]; `None`: it could not be listed) and its
    /// stamp when listed.
    Dir(PathBuf, Option<Vec<PathBuf>>, Option<Stamp>),
    /// Whether the path is a directory.
    IsDir(PathBuf, bool),
    /// Whether the path is a regular file.
    IsFile(PathBuf, bool),
    /// The GOROOT that was found.
    Goroot(PathBuf),
}

/// What `stat` says about a file or directory, compared exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    size: u64,
    mtime_ns: i128,
    ctime_ns: i128,
    ino: u64,
    dev: u64,
}

/// `st` when it is old enough to be trusted (see the module docs).
fn settled(st: Option<Stamp>) -> Option<Stamp> {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos() as i128;
    st.filter(|s| s.mtime_ns.max(s.ctime_ns) < now - 1_000_000_000)
}

/// The stamp of `name` in the directory `dir` (`AT_FDCWD` for a path relative to the working
/// directory or absolute), symbolic links followed as `std::fs::metadata` does.
fn stamp_at(dir: libc::c_int, name: &[u8]) -> Option<Stamp> {
    let name = CString::new(name).ok()?;
    // SAFETY: an all-zero `stat` is a valid value of the plain C struct.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: `name` is a NUL-terminated string and `st` a writable `stat`, both live for the
    // call; `dir` is AT_FDCWD or a descriptor owned by the caller.
    if unsafe { libc::fstatat(dir, name.as_ptr(), &mut st, 0) } != 0 {
        return None;
    }
    let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
    Some(Stamp {
        size: st.st_size as u64,
        mtime_ns: ns(st.st_mtime, st.st_mtime_nsec),
        ctime_ns: ns(st.st_ctime, st.st_ctime_nsec),
        ino: st.st_ino,
        dev: st.st_dev,
    })
}

fn stamp(p: &Path) -> Option<Stamp> {
    stamp_at(libc::AT_FDCWD, p.as_os_str().as_bytes())
}

/// The directories a check has opened (`O_PATH`), so each entry is stat'ed by its last name.
#[derive(Default)]
struct Dirs(HashMap<PathBuf, Option<OwnedFd>>);

impl Dirs {
    /// What [`stamp`] says of `p`, looked up relative to its opened parent.
    fn stamp(&mut self, p: &Path) -> Option<Stamp> {
        let (Some(parent), Some(name)) = (p.parent(), p.file_name()) else { return stamp(p) };
        let fd = self.0.entry(parent.to_path_buf()).or_insert_with(|| {
            let dir = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
            let c = CString::new(dir.as_os_str().as_bytes()).ok()?;
            // SAFETY: `c` is NUL-terminated; the result is checked before it is owned.
            let fd = unsafe { libc::open(c.as_ptr(), libc::O_PATH | libc::O_DIRECTORY | libc::O_CLOEXEC) };
            // SAFETY: a descriptor just returned by `open`, owned by nothing else.
            (fd >= 0).then(|| unsafe { OwnedFd::from_raw_fd(fd) })
        });
        match fd {
            Some(fd) => stamp_at(fd.as_raw_fd(), name.as_bytes()),
            None => None,
        }
    }
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
    let before = stamp(p);
    let r = std::fs::read(p);
    // a file changing while it is read gets no stamp: the next check reads it again
    let st = settled(before.filter(|&b| stamp(p) == Some(b)));
    note(Input::File(p.to_path_buf(), r.as_ref().ok().map(|b| hash(b)), st));
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
    let before = stamp(dir);
    let r = list_go_files(dir);
    let st = settled(before.filter(|&b| stamp(dir) == Some(b)));
    note(Input::Dir(dir.to_path_buf(), r.as_ref().ok().cloned(), st));
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
    let mut dirs = Dirs::default();
    inputs.iter().all(|i| still_valid_one(i, &mut dirs))
}

fn still_valid_one(i: &Input, dirs: &mut Dirs) -> bool {
    match i {
        Input::File(p, h, st) => (st.is_some() && dirs.stamp(p) == *st) || std::fs::read(p).ok().map(|b| hash(&b)) == *h,
        Input::Dir(p, names, st) => (st.is_some() && dirs.stamp(p) == *st) || list_go_files(p).ok() == *names,
        Input::IsDir(p, b) => p.is_dir() == *b,
        Input::IsFile(p, b) => p.is_file() == *b,
        Input::Goroot(p) => super::goroot::goroot().is_ok_and(|r| r == p),
    }
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
        assert!(still_valid(&got), "rewritten with the same content: the hash matches");
        std::fs::write(dir.join("b.go"), "package main\n").unwrap();
        assert!(!still_valid(&got));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn directory_relative_stamps_are_the_full_path_stamps() {
        let dir = std::env::temp_dir().join(format!("gojit-inputs-rel-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        let f = dir.join("sub/a.go");
        std::fs::write(&f, "package a\n").unwrap();
        let mut dirs = Dirs::default();
        for p in [&f, &dir.join("sub"), &dir] {
            assert!(stamp(p).is_some());
            assert_eq!(dirs.stamp(p), stamp(p), "{}", p.display());
        }
        assert_eq!(dirs.stamp(&dir.join("sub/missing.go")), None);
        assert_eq!(dirs.stamp(&dir.join("nodir/a.go")), None);
        // a file replaced by another of the same size: its inode and ctime differ
        let before = stamp(&f);
        std::fs::write(dir.join("sub/b.go"), "package b\n").unwrap();
        std::fs::rename(dir.join("sub/b.go"), &f).unwrap();
        assert_ne!(Dirs::default().stamp(&f), before);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
