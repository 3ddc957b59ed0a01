//! The `print` / `println` builtins: gc's formats, written unbuffered to stderr.
//!
//! The compiler lowers `println(a, b)` to `gort_printint(a); gort_printsp(); gort_printstring(b);
//! gort_printnl()`. Formats (gc's `runtime/print.go`): floats `+1.500000e+000`, `NaN`, `+Inf`;
//! pointers, maps, funcs, chans as `0x...` hex; interfaces `(0xTYPE,0xDATA)`; slices
//! `[len/cap]0xPTR`; bools `true`/`false`.

use crate::abi::{Eface, Iface};
use crate::gostring::bytes;
use crate::output::write_stderr;

/// gc's `printfloat`: 7 significant digits in `+d.dddddde+ddd` form.
pub fn format_float(mut v: f64) -> Vec<u8> {
    if v.is_nan() {
        return b"NaN".to_vec();
    }
    if v + v == v && v > 0.0 {
        return b"+Inf".to_vec();
    }
    if v + v == v && v < 0.0 {
        return b"-Inf".to_vec();
    }
    const N: usize = 7;
    let mut buf = [0u8; N + 7];
    buf[0] = b'+';
    let mut e: i32 = 0;
    if v == 0.0 {
        if (1.0 / v) < 0.0 {
            buf[0] = b'-';
        }
    } else {
        if v < 0.0 {
            v = -v;
            buf[0] = b'-';
        }
        while v >= 10.0 {
            e += 1;
            v /= 10.0;
        }
        while v < 1.0 {
            e -= 1;
            v *= 10.0;
        }
        let mut h = 5.0;
        for _ in 0..N {
            h /= 10.0;
        }
        v += h;
        if v >= 10.0 {
            e += 1;
            v /= 10.0;
        }
    }
    for i in 0..N {
        let s = v as i64;
        buf[i + 2] = (s as u8).wrapping_add(b'0');
        v -= s as f64;
        v *= 10.0;
    }
    buf[1] = buf[2];
    buf[2] = b'.';
    buf[N + 2] = b'e';
    buf[N + 3] = b'+';
    if e < 0 {
        e = -e;
        buf[N + 3] = b'-';
    }
    buf[N + 4] = (e / 100) as u8 + b'0';
    buf[N + 5] = ((e / 10) % 10) as u8 + b'0';
    buf[N + 6] = (e % 10) as u8 + b'0';
    buf.to_vec()
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

/// `print(float64)` (float32 values are widened first, as gc does).
///
/// # Safety
/// Always safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_printfloat(v: f64) {
    write_stderr(&format_float(v));
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

    // Expected strings from go1.19.8: println(1.5, -0.1, 0.0, 1e100, 123456789.0, 1.0/3, ...)
    #[test]
    fn floats_like_gc() {
        let f = |v: f64| String::from_utf8(format_float(v)).unwrap();
        assert_eq!(f(1.5), "+1.500000e+000");
        assert_eq!(f(-0.1), "-1.000000e-001");
        assert_eq!(f(0.0), "+0.000000e+000");
        assert_eq!(f(-0.0), "-0.000000e+000");
        assert_eq!(f(1e100), "+1.000000e+100");
        assert_eq!(f(123456789.0), "+1.234568e+008");
        assert_eq!(f(1.0 / 3.0), "+3.333333e-001");
        assert_eq!(f(f64::NAN), "NaN");
        assert_eq!(f(f64::INFINITY), "+Inf");
        assert_eq!(f(f64::NEG_INFINITY), "-Inf");
        assert_eq!(format_hex(0), "0x0");
        assert_eq!(format_hex(0xc000012345), "0xc000012345");
    }
}
