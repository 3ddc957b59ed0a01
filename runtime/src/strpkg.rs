//! The modelled `os` members that remain in Rust (`os.Args`, `(*os.File).Write` and
//! `WriteString`), as runtime entry points; `strings` and `strconv` are compiled from GOROOT.
//!
//! Calling convention: the compiler's generic method convention (receiver and argument words,
//! then one out pointer per result); `os.Args` writes a fresh `[]string` through `out`.

use crate::abi::{GoSlice, GoString, Iface};
use crate::alloc;
use crate::gostring::{bytes, new_string};

/// # Safety
/// Valid Go string.
unsafe fn s<'a>(p: *const u8, n: isize) -> &'a [u8] {
    // SAFETY: caller contract.
    unsafe { bytes(p, n) }
}

/// Allocates a `[]string` holding `parts`.
fn string_slice(parts: &[GoString]) -> GoSlice {
    let p = alloc::alloc_zeroed(parts.len() * 16, 8) as *mut GoString;
    for (i, x) in parts.iter().enumerate() {
        // SAFETY: p has parts.len() slots.
        unsafe { p.add(i).write(*x) };
    }
    GoSlice { ptr: p.cast(), len: parts.len() as isize, cap: parts.len() as isize }
}

/// # Safety
/// `out` writable for a `T`.
unsafe fn put<T>(out: *mut T, v: T) {
    // SAFETY: caller contract.
    unsafe { out.write(v) }
}


static OS_ARGS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Sets `os.Args` for the program about to run (the driver passes the program path and the
/// arguments after it). Without a call, `os.Args` is the host process's arguments.
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

/// `os.Args`: writes a fresh `[]string` to `out`.
///
/// # Safety
/// `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_os_args(out: *mut GoSlice) {
    let args = OS_ARGS.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let args = if args.is_empty() { default_os_args() } else { args };
    let parts: Vec<GoString> = args.iter().map(|a| new_string(a.as_bytes())).collect();
    // SAFETY: out writable.
    unsafe { put(out, string_slice(&parts)) }
}

/// `(*os.File).Write(b) (int, error)`; the receiver is the file descriptor (os.Stdout is 1,
/// os.Stderr 2, the nil `*os.File` 0). Errors as gc's os package (`output::write_file`).
///
/// # Safety
/// Slice valid; outs writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_file_write(fd: i64, pp: *const u8, pl: isize, _pc: isize, out_n: *mut isize, out_err: *mut Iface) {
    // SAFETY: caller contract.
    unsafe {
        let (n, err) = crate::output::write_file(fd, s(pp, pl));
        put(out_n, n);
        put(out_err, err);
    }
}

/// `(*os.File).WriteString(s) (int, error)`.
///
/// # Safety
/// String valid; outs writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_file_writestring(fd: i64, sp: *const u8, sl: isize, out_n: *mut isize, out_err: *mut Iface) {
    // SAFETY: caller contract.
    unsafe {
        let (n, err) = crate::output::write_file(fd, s(sp, sl));
        put(out_n, n);
        put(out_err, err);
    }
}
