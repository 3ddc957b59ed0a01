//! The `print` / `println` builtins: gc's (Go 1.27) formats, written unbuffered to stderr.
//!
//! The compiler lowers `println(a, b)` to `gort_printint(a); gort_printsp(); gort_printstring(b);
//! gort_printnl()`. Formats (gc's `runtime/print.go`): floats shortest (`1.5`, `1e+20`, `NaN`, `+Inf`), complex `(1+2i)`;
//! pointers, maps, funcs, chans as `0x...` hex; interfaces `(0xTYPE,0xDATA)`; slices
//! `[len/cap]0xPTR`; bools `true`/`false`.

use crate::abi::{Eface, Iface};
use crate::gostring::bytes;
use crate::output::write_stderr;

/// gc's `printfloat64`/`printfloat32` (Go 1.27): the shortest `%g` form (`1.5`, `1e+20`, `NaN`,
/// `+Inf`), with float32 values formatted at 32-bit precision.
pub fn format_float(v: f64, bits: u32) -> Vec<u8> {
    let mut out = Vec::new();
    crate::strconv::format_float(&mut out, v, b'g', -1, bits);
    out
}

/// gc's `printcomplex128`/`printcomplex64` (`strconv.AppendComplex`): `(1+2i)`, the imaginary
/// part always signed; `bits` is the width of each part.
pub fn format_complex(re: f64, im: f64, bits: u32) -> Vec<u8> {
    let mut out = vec![b'('];
    out.extend(format_float(re, bits));
    let i = out.len();
    out.extend(format_float(im, bits));
    if out[i] != b'+' && out[i] != b'-' {
        out.insert(i, b'+');
    }
    out.extend_from_slice(b"i)");
    out
}

/// gc's `printhex`: `0x` followed by lowercase hex digits, no padding.
pub fn format_hex(v: u64) -> String {
    format!("0x{v:x}")
}

/// `print(bool)`.
///
/// Takes the bool as a `u8` and tests it against 0, so no bit pattern JIT code can pass is
/// undefined behaviour in Rust, and the text written is always one of two static strings (this
/// entry once wrote megabytes of process memory when a `bool` arrived with garbage upper bits
/// and LLVM computed the write length from the whole register; see `entrysig`).
///
/// # Safety
/// Always safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_printbool(b: u8) {
    let text: &'static [u8] = if b != 0 { b"true" } else { b"false" };
    write_stderr(text);
}

/// `print` of any signed integer (sign-extended to 64 bits).
///
/// # Safety
/// Always safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_printint(v: i64) {
    write_stderr(v.to_string().as_bytes());
}

/// `print` of any unsigned integer, including `uintptr` (zero-extended).
///
/// # Safety
/// Always safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_printuint(v: u64) {
    write_stderr(v.to_string().as_bytes());
}

/// `print(float64)`.
///
/// # Safety
/// Always safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_printfloat(v: f64) {
    write_stderr(&format_float(v, 64));
}

/// `print(float32)` (widened exactly to f64 by the caller).
///
/// # Safety
/// Always safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_printfloat32(v: f64) {
    write_stderr(&format_float(v, 32));
}

/// `print(complex128)`, or `print(complex64)` with `bits` 32 (parts widened by the caller).
///
/// # Safety
/// Always safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_printcomplex(re: f64, im: f64, bits: i64) {
    write_stderr(&format_complex(re, im, bits as u32));
}

/// `print(string)`.
///
/// # Safety
/// The string must be readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_printstring(ptr: *const u8, len: isize) {
    // SAFETY: caller contract.
    write_stderr(unsafe { bytes(ptr, len) });
}

/// `print` of a pointer, map, func or chan: `0x...` (nil prints `0x0`).
///
/// # Safety
/// Always safe (the pointer is not dereferenced).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_printpointer(p: usize) {
    write_stderr(format_hex(p as u64).as_bytes());
}

/// `print` of an empty interface: `(0xTYPE,0xDATA)`.
///
/// # Safety
/// Always safe (nothing is dereferenced).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_printeface(typ: usize, data: usize) {
    let e = Eface { typ: typ as *const _, data: data as *mut u8 };
    let s = format!("({},{})", format_hex(e.typ as u64), format_hex(e.data as u64));
    write_stderr(s.as_bytes());
}

/// `print` of a non-empty interface: `(0xITAB,0xDATA)`.
///
/// # Safety
/// Always safe (nothing is dereferenced).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_printiface(tab: usize, data: usize) {
    let i = Iface { tab: tab as *const _, data: data as *mut u8 };
    let s = format!("({},{})", format_hex(i.tab as u64), format_hex(i.data as u64));
    write_stderr(s.as_bytes());
}

/// `print` of a slice: `[len/cap]0xPTR`.
///
/// # Safety
/// Always safe (nothing is dereferenced).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_printslice(ptr: usize, len: isize, cap: isize) {
    let s = format!("[{len}/{cap}]{}", format_hex(ptr as u64));
    write_stderr(s.as_bytes());
}

/// Start of a `print`/`println` statement (gc takes a lock so concurrent prints don't interleave;
/// one goroutine here, so nothing to do).
///
/// # Safety
/// Always safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_printlock() {}

/// End of a `print`/`println` statement.
///
/// # Safety
/// Always safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_printunlock() {}

/// The space `println` puts between operands.
///
/// # Safety
/// Always safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_printsp() {
    write_stderr(b" ");
}

/// The newline ending `println`.
///
/// # Safety
/// Always safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_printnl() {
    write_stderr(b"\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected strings from Go 1.27.3: println(1.5, -0.1, 0.0, -0.0 (math.Copysign), 1e100,
    // 123456789.0, 1.0/3, NaN, +Inf, -Inf, float32(0.1), float32(1)/3, 1e21)
    #[test]
    fn floats_like_gc() {
        let f = |v: f64| String::from_utf8(format_float(v, 64)).unwrap();
        // Expectations from Go 1.27.3's println.
        assert_eq!(f(1.5), "1.5");
        assert_eq!(f(-0.1), "-0.1");
        assert_eq!(f(0.0), "0");
        assert_eq!(f(-0.0), "-0");
        assert_eq!(f(1e100), "1e+100");
        assert_eq!(f(123456789.0), "1.23456789e+08");
        assert_eq!(f(1.0 / 3.0), "0.3333333333333333");
        assert_eq!(f(f64::NAN), "NaN");
        assert_eq!(f(f64::INFINITY), "+Inf");
        assert_eq!(f(f64::NEG_INFINITY), "-Inf");
        assert_eq!(String::from_utf8(format_float(0.1f32 as f64, 32)).unwrap(), "0.1");
        assert_eq!(String::from_utf8(format_complex(1.0, 2.0, 64)).unwrap(), "(1+2i)");
        assert_eq!(String::from_utf8(format_complex(f64::NAN, f64::NAN, 64)).unwrap(), "(NaN+NaNi)");
        assert_eq!(String::from_utf8(format_complex(-0.0, -1.5, 64)).unwrap(), "(-0-1.5i)");
        assert_eq!(format_hex(0), "0x0");
        assert_eq!(format_hex(0xc000012345), "0xc000012345");
    }
}
