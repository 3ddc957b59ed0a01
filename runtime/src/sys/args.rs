//! The program's arguments and environment as gc's runtime hands them to GOROOT's `os`
//! (`runtime_args`) and `syscall` (`runtime_envs`).
//!
//! `gojit run prog.go a b` runs the program with `os.Args = ["prog", "a", "b"]` as `go run` does
//! (the driver calls [`set_os_args`]); the environment is the process's own, read from `environ`
//! exactly as the kernel gave it (entries need not be UTF-8 or contain `=`; gc copies them raw).

use crate::abi::{GoSlice, GoString};
use crate::gostring::new_string;

static OS_ARGS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Sets `os.Args` for the program about to run (the driver passes the program path and the
/// arguments after it). Without a call, `os.Args` is derived from the host process's arguments.
pub fn set_os_args(args: Vec<String>) {
    *OS_ARGS.lock().unwrap_or_else(|e| e.into_inner()) = args;
}

/// Fallback when the driver did not call [`set_os_args`]: in `gojit run [flags] prog.go a b`,
/// the program is the first argument ending in `.go`; os.Args is `["prog", "a", "b"]`.
fn default_os_args() -> Vec<String> {
    let all: Vec<String> = std::env::args().collect();
    match all.iter().position(|a| a.ends_with(".go")) {
        Some(i) => {
            let prog = all[i].trim_end_matches(".go").to_string();
            std::iter::once(prog).chain(all[i + 1..].iter().cloned()).collect()
        }
        None => all,
    }
}

/// A fresh `[]string` holding `parts` (Go memory).
fn string_slice(parts: &[GoString]) -> GoSlice {
    let p = crate::alloc::alloc_zeroed(parts.len() * 16, 8) as *mut GoString;
    for (i, x) in parts.iter().enumerate() {
        // SAFETY: p has parts.len() slots.
        unsafe { p.add(i).write(*x) };
    }
    GoSlice { ptr: p.cast(), len: parts.len() as isize, cap: parts.len() as isize }
}

/// `os.runtime_args() []string` (and the modelled `os.Args`): writes a fresh `[]string` to `out`.
///
/// # Safety
/// `out` is writable for a slice header.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_os_args(out: *mut GoSlice) {
    let args = OS_ARGS.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let args = if args.is_empty() { default_os_args() } else { args };
    let parts: Vec<GoString> = args.iter().map(|a| new_string(a.as_bytes())).collect();
    // SAFETY: out writable.
    unsafe { out.write(string_slice(&parts)) }
}

/// How the driver finds the GOROOT it compiled against (called at most once, when the program
/// asks: finding it may run `go env GOROOT`).
static GOROOT_OF_BUILD: std::sync::OnceLock<fn() -> Option<String>> = std::sync::OnceLock::new();

/// Registers how [`gort_goroot`] finds the tree the program's standard library came from.
pub fn set_goroot_finder(f: fn() -> Option<String>) {
    let _ = GOROOT_OF_BUILD.set(f);
}

/// `runtime.GOROOT() string` as gc's: `$GOROOT` when set and non-empty, else the tree that
/// built the program (gc: the linker's `defaultGOROOT`; gojit: the GOROOT it compiled from), or
/// "" when unknown.
///
/// # Safety
/// `out` is writable for a string header.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_goroot(out: *mut GoString) {
    let env = std::env::var_os("GOROOT").filter(|v| !v.is_empty());
    let s: Vec<u8> = match env {
        Some(v) => std::os::unix::ffi::OsStrExt::as_bytes(v.as_os_str()).to_vec(),
        None => GOROOT_OF_BUILD.get().and_then(|f| f()).unwrap_or_default().into_bytes(),
    };
    // SAFETY: out is writable.
    unsafe { out.write(new_string(&s)) }
}

/// `runtime.Version() string` as gc's (the linker's `buildVersion`, the version of the toolchain
/// that built the program): the first line of the `VERSION` file of the GOROOT gojit compiled
/// the program against (`go1.27.3`); "" when unknown.
///
/// # Safety
/// `out` is writable for a string header.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_version(out: *mut GoString) {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let v = VERSION.get_or_init(|| {
        let root = GOROOT_OF_BUILD.get().and_then(|f| f()).unwrap_or_default();
        let text = if root.is_empty() { String::new() } else { std::fs::read_to_string(format!("{root}/VERSION")).unwrap_or_default() };
        text.lines().next().unwrap_or("").trim().to_string()
    });
    // SAFETY: out is writable.
    unsafe { out.write(new_string(v.as_bytes())) }
}

unsafe extern "C" {
    static environ: *const *const libc::c_char;
}

/// `syscall.runtime_envs() []string` (gc's `syscall_runtime_envs`, a copy of `goenvs`'s list):
/// the process environment, each `environ` entry's bytes.
///
/// # Safety
/// `out` is writable for a slice header.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_envs(out: *mut GoSlice) {
    let mut parts = vec![];
    // SAFETY: environ is the C library's NUL-terminated array of NUL-terminated strings; nothing
    // modifies the environment while the program's one thread reads it here.
    unsafe {
        let mut p = environ;
        while !p.is_null() && !(*p).is_null() {
            parts.push(new_string(std::ffi::CStr::from_ptr(*p).to_bytes()));
            p = p.add(1);
        }
        out.write(string_slice(&parts))
    }
}
