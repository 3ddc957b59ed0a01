//! The runtime's own error types (the Rust fmt model's `errors.New`/`fmt.Errorf` results and its
//! write errors; package `errors` is compiled from GOROOT).
//!
//! Owns the descriptors the compiler must reuse (type identity is pointer identity):
//! [`error_interface_desc`] (`error`), [`errorstring_ptr_desc`] (`*errors.errorString`, what
//! `errors.New` and `fmt.Errorf` without `%w` return), [`wraperror_ptr_desc`] (`*fmt.wrapError`,
//! `fmt.Errorf` with `%w`), `*fs.PathError` and `syscall.Errno` (the os package's write errors,
//! `write /dev/stdout: no space left on device`), and the method signature descriptors
//! `func() string` / `func() error`.
//! [`runtime_type_descs`] lists them all by gc name so the compiler can seed its type interner.
//!
//! Methods of runtime-defined types are implemented natively; their `Method::ifn` is a `tail`
//! convention shim (`tail_ret2_shim!`, from the panic helper's `arch`) so JIT code calls them like
//! any Go method through an itab. The runtime itself calls the native versions directly.

use std::sync::OnceLock;

use crate::abi::*;
use crate::gocall::{self, Native};
use crate::gostring::{bytes, new_string};
use crate::iface::{self, ItabResult};
use crate::typedesc::*;
use crate::alloc;

struct Descs {
    string_sig: &'static Type,
    error_sig: &'static Type,
    is_sig: &'static Type,
    any: &'static Type,
    error: &'static Type,
    errorstring: &'static Type,
    errorstring_ptr: &'static Type,
    wraperror: &'static Type,
    wraperror_ptr: &'static Type,
    patherror_ptr: &'static Type,
    errno: &'static Type,
}

struct SyncDescs(Descs);
// SAFETY: descriptors are immutable after construction (ifn patching happens before Go code runs).
unsafe impl Sync for SyncDescs {}
unsafe impl Send for SyncDescs {}

/// Go layout of `errors.errorString`.
#[repr(C)]
pub struct ErrorString {
    pub s: GoString,
}

/// Go layout of `fmt.wrapError`.
#[repr(C)]
pub struct WrapError {
    pub msg: GoString,
    pub err: Iface,
}

fn descs() -> &'static Descs {
    static D: OnceLock<SyncDescs> = OnceLock::new();
    &D.get_or_init(|| {
        let string_sig = func_sig("func() string");
        let error_sig = func_sig("func() error");
        let is_sig = func_sig("func(error) bool");
        let any = interface("interface {}", &[]);
        let error = interface("error", &[("Error", string_sig)]);
        let string_t = predeclared(Kind::String);
        let errorstring = struct_of(Some("errors.errorString"), &[("s", string_t)]);
        let errorstring_ptr = with_methods(
            ptr_to(errorstring),
            &[("Error", string_sig, gort_errorstring_error_tail as *const u8)],
        );
        let wraperror = struct_of(Some("fmt.wrapError"), &[("msg", string_t), ("err", error)]);
        let wraperror_ptr = with_methods(
            ptr_to(wraperror),
            &[
                ("Error", string_sig, gort_wraperror_error_tail as *const u8),
                ("Unwrap", error_sig, gort_wraperror_unwrap_tail as *const u8),
            ],
        );
        let patherror = struct_of(Some("fs.PathError"), &[("Op", string_t), ("Path", string_t), ("Err", error)]);
        let patherror_ptr = with_methods(
            ptr_to(patherror),
            &[
                ("Error", string_sig, gort_patherror_error_tail as *const u8),
                ("Unwrap", error_sig, gort_patherror_unwrap_tail as *const u8),
            ],
        );
        let errno = with_methods(
            basic(Kind::Uintptr, "syscall.Errno"),
            &[("Error", string_sig, gort_errno_error_tail as *const u8)],
        );
        SyncDescs(Descs {
            string_sig,
            error_sig,
            is_sig,
            any,
            error,
            errorstring,
            errorstring_ptr,
            wraperror,
            wraperror_ptr,
            patherror_ptr,
            errno,
        })
    })
    .0
}

/// The `error` interface descriptor (one method `Error() string`).
pub fn error_interface_desc() -> *const Type {
    descs().error
}
/// `interface {}` / `any`.
pub fn empty_interface_desc() -> *const Type {
    descs().any
}
/// `*errors.errorString`.
pub fn errorstring_ptr_desc() -> *const Type {
    descs().errorstring_ptr
}
/// `*fmt.wrapError`.
pub fn wraperror_ptr_desc() -> *const Type {
    descs().wraperror_ptr
}
/// The signature descriptor `func() string` (Error, String methods).
pub fn string_method_sig() -> *const Type {
    descs().string_sig
}
/// The signature descriptor `func() error` (Unwrap).
pub fn error_method_sig() -> *const Type {
    descs().error_sig
}

/// Every descriptor the runtime defines, by gc name: predeclared basic types, `interface {}`,
/// `error`, the runtime-defined error types and the method signatures. The compiler should seed its
/// interner with these so equal types share one descriptor.
pub fn runtime_type_descs() -> Vec<(&'static str, *const Type)> {
    let d = descs();
    let mut v: Vec<(&'static str, *const Type)> = vec![
        ("interface {}", d.any),
        ("error", d.error),
        ("func() string", d.string_sig),
        ("func() error", d.error_sig),
        ("func(error) bool", d.is_sig),
        ("errors.errorString", d.errorstring),
        ("*errors.errorString", d.errorstring_ptr),
        ("fmt.wrapError", d.wraperror),
        ("*fmt.wrapError", d.wraperror_ptr),
        ("*fs.PathError", d.patherror_ptr),
        ("syscall.Errno", d.errno),
    ];
    let go_visible = |&&(k, _): &&(Kind, &str)| !matches!(k, Kind::UnsafePointer | Kind::Invalid);
    for &(k, n) in crate::typedesc::PREDECLARED.iter().filter(go_visible) {
        v.push((n, predeclared(k)));
    }
    v
}

crate::tail_ret2_shim!(gort_errorstring_error_tail => errorstring_error);
crate::tail_ret2_shim!(gort_wraperror_error_tail => wraperror_error);
crate::tail_ret2_shim!(gort_wraperror_unwrap_tail => wraperror_unwrap);
crate::tail_ret2_shim!(gort_patherror_error_tail => patherror_error);
crate::tail_ret2_shim!(gort_patherror_unwrap_tail => patherror_unwrap);
crate::tail_ret2_shim!(gort_errno_error_tail => errno_error);

/// The native implementation of `m` when `typ` is a runtime-defined type.
pub fn native_method(typ: *const Type, m: &MethodEntry) -> Option<Native> {
    let d = descs();
    // SAFETY: method names are valid strings.
    let name = m.name;
    if typ == d.errorstring_ptr as *const Type && name == b"Error" {
        return Some(Native::Str(errorstring_error));
    }
    if typ == d.wraperror_ptr as *const Type {
        return match name {
            b"Error" => Some(Native::Str(wraperror_error)),
            b"Unwrap" => Some(Native::Iface(wraperror_unwrap)),
            _ => None,
        };
    }
    if typ == d.patherror_ptr as *const Type {
        return match name {
            b"Error" => Some(Native::Str(patherror_error)),
            b"Unwrap" => Some(Native::Iface(patherror_unwrap)),
            _ => None,
        };
    }
    if typ == d.errno as *const Type && name == b"Error" {
        return Some(Native::Str(errno_error));
    }
    None
}

/// `(*errors.errorString).Error`.
///
/// # Safety
/// `recv` points to an `errors.errorString`.
pub unsafe extern "C" fn errorstring_error(_ctx: usize, recv: *mut u8) -> GoString {
    // SAFETY: caller contract.
    unsafe { (*(recv as *const ErrorString)).s }
}

/// `(*fmt.wrapError).Error`.
///
/// # Safety
/// `recv` points to a `fmt.wrapError`.
pub unsafe extern "C" fn wraperror_error(_ctx: usize, recv: *mut u8) -> GoString {
    // SAFETY: caller contract.
    unsafe { (*(recv as *const WrapError)).msg }
}

/// `(*fmt.wrapError).Unwrap`.
///
/// # Safety
/// `recv` points to a `fmt.wrapError`.
pub unsafe extern "C" fn wraperror_unwrap(_ctx: usize, recv: *mut u8) -> Iface {
    // SAFETY: caller contract.
    unsafe { (*(recv as *const WrapError)).err }
}

fn error_itab(typ: *const Type) -> *const ITab {
    // SAFETY: runtime descriptors are valid.
    match unsafe { iface::itab_for(descs().error, typ) } {
        ItabResult::Ok(t) => t,
        ItabResult::Missing(_) => unreachable!("runtime error types implement error"),
    }
}

/// A new `*errors.errorString` error value holding `s`.
pub fn new_error(s: GoString) -> Iface {
    let p = alloc::alloc_zeroed(std::mem::size_of::<ErrorString>(), 8) as *mut ErrorString;
    // SAFETY: fresh block.
    unsafe { p.write(ErrorString { s }) };
    Iface { tab: error_itab(descs().errorstring_ptr), data: p.cast() }
}

/// A new `*fmt.wrapError`.
pub fn new_wrap_error(msg: GoString, err: Iface) -> Iface {
    let p = alloc::alloc_zeroed(std::mem::size_of::<WrapError>(), 8) as *mut WrapError;
    // SAFETY: fresh block.
    unsafe { p.write(WrapError { msg, err }) };
    Iface { tab: error_itab(descs().wraperror_ptr), data: p.cast() }
}

/// Go layout of `io/fs.PathError` (`os.PathError`).
#[repr(C)]
pub struct PathError {
    pub op: GoString,
    pub path: GoString,
    pub err: Iface,
}

/// `(*fs.PathError).Error`: `<Op> <Path>: <Err>`.
///
/// # Safety
/// `recv` points to an `fs.PathError` whose `Err` is a runtime-defined error.
pub unsafe extern "C" fn patherror_error(_ctx: usize, recv: *mut u8) -> GoString {
    // SAFETY: caller contract.
    unsafe {
        let e = &*(recv as *const PathError);
        let mut v = bytes(e.op.ptr, e.op.len).to_vec();
        v.push(b' ');
        v.extend_from_slice(bytes(e.path.ptr, e.path.len));
        v.extend_from_slice(b": ");
        let m = error_message(e.err);
        v.extend_from_slice(bytes(m.ptr, m.len));
        new_string(&v)
    }
}

/// `(*fs.PathError).Unwrap`.
///
/// # Safety
/// `recv` points to an `fs.PathError`.
pub unsafe extern "C" fn patherror_unwrap(_ctx: usize, recv: *mut u8) -> Iface {
    // SAFETY: caller contract.
    unsafe { (*(recv as *const PathError)).err }
}

/// `syscall.Errno.Error` (called through the itab: `recv` points to the boxed errno): Go's text
/// for the errno, `errno N` for one the table lacks.
///
/// # Safety
/// `recv` points to a `syscall.Errno` (a uintptr).
pub unsafe extern "C" fn errno_error(_ctx: usize, recv: *mut u8) -> GoString {
    // SAFETY: caller contract.
    let e = unsafe { *(recv as *const u64) };
    match crate::errno::ERRNO_TEXT.get(e as usize) {
        Some(t) if !t.is_empty() => GoString::from_static(t.as_bytes()),
        _ => new_string(format!("errno {}", e as i64).as_bytes()),
    }
}

/// A new `syscall.Errno(errno)` error value.
pub fn new_errno(errno: i32) -> Iface {
    let p = alloc::alloc_zeroed(8, 8) as *mut u64;
    // SAFETY: fresh 8-byte block.
    unsafe { p.write(errno as u32 as u64) };
    Iface { tab: error_itab(descs().errno), data: p.cast() }
}

/// A new `&fs.PathError{Op: op, Path: path, Err: syscall.Errno(errno)}`, as the os package
/// returns for a failed system call on a named file.
pub fn new_path_error(op: &'static [u8], path: &'static [u8], errno: i32) -> Iface {
    path_error(op, path, new_errno(errno))
}

/// A new `&fs.PathError{Op: op, Path: path, Err: errors.New(text)}` (e.g. `io.ErrUnexpectedEOF`).
pub fn new_path_error_text(op: &'static [u8], path: &'static [u8], text: &'static [u8]) -> Iface {
    path_error(op, path, new_error(GoString::from_static(text)))
}

fn path_error(op: &'static [u8], path: &'static [u8], err: Iface) -> Iface {
    let p = alloc::alloc_zeroed(std::mem::size_of::<PathError>(), 8) as *mut PathError;
    // SAFETY: fresh block.
    unsafe { p.write(PathError { op: GoString::from_static(op), path: GoString::from_static(path), err }) };
    Iface { tab: error_itab(descs().patherror_ptr), data: p.cast() }
}

/// The message of an error value (calls `Error()`, natively for runtime types). Panics propagate.
///
/// # Safety
/// A valid non-nil error value.
pub unsafe fn error_message(e: Iface) -> GoString {
    // SAFETY: forwarded.
    unsafe {
        let t = (*e.tab).typ;
        match gocall::find_method(&*t, b"Error") {
            Some(m) => match gocall::call_string_method(t, &m, e.data, false) {
                gocall::CallResult::Ok(s) => s,
                gocall::CallResult::Panicked(_) => new_string(b""),
            },
            None => new_string(b""),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_error_of_errno() {
        // SAFETY: runtime-built values only.
        unsafe {
            let e = new_path_error(b"write", b"/dev/stdout", libc::ENOSPC);
            assert_eq!(error_message(e).as_bytes(), b"write /dev/stdout: no space left on device");
            assert_eq!((*(*e.tab).typ).string(), b"*fs.PathError");
            let inner = patherror_unwrap(0, e.data);
            assert_eq!((*(*inner.tab).typ).string(), b"syscall.Errno");
            assert_eq!(error_message(inner).as_bytes(), b"no space left on device");
            assert_eq!(error_message(new_errno(9)).as_bytes(), b"bad file descriptor");
            assert_eq!(error_message(new_errno(4095)).as_bytes(), b"errno 4095");
        }
    }

    #[test]
    fn new_and_wrap() {
        // SAFETY: runtime-built values only.
        unsafe {
            let e1 = new_error(GoString::from_static(b"boom"));
            assert_eq!(error_message(e1).as_bytes(), b"boom");
            assert_eq!((*(*e1.tab).typ).string(), b"*errors.errorString");
            let w = new_wrap_error(GoString::from_static(b"ctx: boom"), e1);
            assert_eq!(error_message(w).as_bytes(), b"ctx: boom");
            assert_eq!((*(*w.tab).typ).string(), b"*fmt.wrapError");
            assert_eq!(wraperror_unwrap(0, w.data).data, e1.data);
        }
    }
}
