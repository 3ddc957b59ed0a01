//! The `fmt` package: Print/Println/Printf, Sprint*, Fprint* (to fd 1 or 2) and Errorf.
//!
//! Arguments arrive as a Go `[]any`: `(args: *const Eface, n: isize)`; string/error results are
//! written through a leading `out` pointer. Formatting follows Go's
//! `fmt` exactly (see `printer.rs`, a port of `fmt/print.go` + `fmt/format.go`); output is built in
//! a reusable per-thread buffer (re-entrant: String methods may call fmt again) and then written to
//! the buffered stdout, stderr, or copied into a new Go string.
//!
//! Entry points that call user `String()`/`Error()` methods do so through `crate::gocall` in
//! catching mode (Go's `catchPanic`), so a panic in such a method never escapes these functions;
//! they still have the try_call-compatible shape (≤ 6 integer arguments, ≤ 1 result).

pub mod float;
mod printer;
mod sort;
pub mod quote;

use crate::abi::*;
use crate::errors;
use crate::gostring::new_string;
use crate::output;
pub use printer::Printer;
/// Go's `strconv.AppendFloat` (the compiler formats constants in messages with it).
pub use float::append_float as format_float;

/// Views the `[]any` argument list.
///
/// # Safety
/// `args` valid for `n` interface values.
unsafe fn arg_slice<'a>(args: *const Eface, n: isize) -> &'a [Eface] {
    if n <= 0 || args.is_null() {
        &[]
    } else {
        // SAFETY: caller contract.
        unsafe { std::slice::from_raw_parts(args, n as usize) }
    }
}

/// # Safety
/// Valid Go string.
unsafe fn str_bytes<'a>(ptr: *const u8, len: isize) -> &'a [u8] {
    // SAFETY: caller contract.
    unsafe { crate::gostring::bytes(ptr, len) }
}

/// Runs `f` with a pooled printer and hands the produced bytes to `sink`.
fn with_printer<R>(f: impl FnOnce(&mut Printer), sink: impl FnOnce(&[u8], &Printer) -> R) -> R {
    let mut p = Printer::take();
    f(&mut p);
    if let Some(pv) = p.reraise.take() {
        p.give_back();
        drop(sink);
        reraise(pv);
    }
    let r = sink(p.bytes(), &p);
    p.give_back();
    r
}

/// Re-raises a panic that happened while printing a panic value. Kept out of line so the caller's
/// frame holds nothing with `Drop` when the panic leaves it.
#[inline(never)]
fn reraise(pv: Eface) -> ! {
    crate::panic::throw(pv)
}

/// The results `(n int, err error)` of `fmt.Fprint*` and `(*os.File).Write`, written through the
/// entry point's out pointer.
#[repr(C)]
pub struct WriteResult {
    pub n: isize,
    pub err: Iface,
}

/// Writes the formatted bytes to file `fd` and the results to `out` (gc's `w.Write(p.buf)`).
///
/// # Safety
/// `out` writable.
unsafe fn write_out(out: *mut WriteResult, fd: i64, b: &[u8]) {
    let (n, err) = output::write_file(fd, b);
    // SAFETY: caller contract.
    unsafe { out.write(WriteResult { n, err }) }
}

/// `fmt.Println(args...)` to stdout; `(n, err)` to `out`.
///
/// # Safety
/// `out` writable; `args` valid for `n` interface values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_fmt_println(out: *mut WriteResult, args: *const Eface, n: isize) {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    unsafe { gort_fmt_fprintln(out, 1, args, n) }
}

/// `fmt.Print(args...)` to stdout.
///
/// # Safety
/// As [`gort_fmt_println`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_fmt_print(out: *mut WriteResult, args: *const Eface, n: isize) {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    unsafe { gort_fmt_fprint(out, 1, args, n) }
}

/// `fmt.Printf(format, args...)` to stdout.
///
/// # Safety
/// `out` writable; `format` readable; `args` valid for `n` values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_fmt_printf(out: *mut WriteResult, fmt_ptr: *const u8, fmt_len: isize, args: *const Eface, n: isize) {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    unsafe { gort_fmt_fprintf(out, 1, fmt_ptr, fmt_len, args, n) }
}

/// `fmt.Fprintln(w, args...)` where `w` is a modelled `*os.File` (os.Stdout is fd 1, os.Stderr 2).
///
/// # Safety
/// As [`gort_fmt_println`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_fmt_fprintln(out: *mut WriteResult, fd: i64, args: *const Eface, n: isize) {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    let a = unsafe { arg_slice(args, n) };
    // SAFETY: out writable (caller contract).
    with_printer(|p| p.do_println(a), |b, _| unsafe { write_out(out, fd, b) })
}

/// `fmt.Fprint(w, args...)`.
///
/// # Safety
/// As [`gort_fmt_println`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_fmt_fprint(out: *mut WriteResult, fd: i64, args: *const Eface, n: isize) {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    let a = unsafe { arg_slice(args, n) };
    // SAFETY: out writable (caller contract).
    with_printer(|p| p.do_print(a), |b, _| unsafe { write_out(out, fd, b) })
}

/// `fmt.Fprintf(w, format, args...)`.
///
/// # Safety
/// As [`gort_fmt_printf`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_fmt_fprintf(out: *mut WriteResult, fd: i64, fmt_ptr: *const u8, fmt_len: isize, args: *const Eface, n: isize) {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    let (f, a) = unsafe { (str_bytes(fmt_ptr, fmt_len), arg_slice(args, n)) };
    // SAFETY: out writable (caller contract).
    with_printer(|p| p.do_printf(f, a), |b, _| unsafe { write_out(out, fd, b) })
}

/// `fmt.Sprint(args...)`, result written to `out`.
///
/// # Safety
/// `out` writable; `args` valid for `n` values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_fmt_sprint(out: *mut GoString, args: *const Eface, n: isize) {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    let a = unsafe { arg_slice(args, n) };
    let s = with_printer(|p| p.do_print(a), |b, _| new_string(b));
    // SAFETY: out writable.
    unsafe { out.write(s) };
}

/// `fmt.Sprintln(args...)`.
///
/// # Safety
/// As [`gort_fmt_sprint`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_fmt_sprintln(out: *mut GoString, args: *const Eface, n: isize) {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    let a = unsafe { arg_slice(args, n) };
    let s = with_printer(|p| p.do_println(a), |b, _| new_string(b));
    // SAFETY: out writable.
    unsafe { out.write(s) };
}

/// `fmt.Sprintf(format, args...)`.
///
/// # Safety
/// `out` writable; `format` readable; `args` valid for `n` values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_fmt_sprintf(out: *mut GoString, fmt_ptr: *const u8, fmt_len: isize, args: *const Eface, n: isize) {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    let (f, a) = unsafe { (str_bytes(fmt_ptr, fmt_len), arg_slice(args, n)) };
    let s = with_printer(|p| p.do_printf(f, a), |b, _| new_string(b));
    // SAFETY: out writable.
    unsafe { out.write(s) };
}

/// `fmt.Errorf(format, args...)`: writes an `error` to `out`: `*fmt.wrapError` when the format
/// has a valid `%w` (its operand is returned by Unwrap), else `*errors.errorString`.
///
/// # Safety
/// As [`gort_fmt_sprintf`], `out` writable for an [`Iface`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_fmt_errorf(out: *mut Iface, fmt_ptr: *const u8, fmt_len: isize, args: *const Eface, n: isize) {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    let (f, a) = unsafe { (str_bytes(fmt_ptr, fmt_len), arg_slice(args, n)) };
    let (msg, wrapped) = with_printer(
        |p| {
            p.wrap_errs = true;
            p.do_printf(f, a)
        },
        |b, p| (new_string(b), p.wrapped_err),
    );
    let e = match wrapped {
        Some(w) => errors::new_wrap_error(msg, w),
        None => errors::new_error(msg),
    };
    // SAFETY: out writable.
    unsafe { out.write(e) };
}

#[cfg(test)]
mod tests;
