//! internal/bytealg's assembly (`*_amd64.s`): the byte loops GOROOT's bytes, strings and
//! runtime code call (`IndexByte`, `Count`, `Index`, `Compare`, `MakeNoZero`), hooked by the
//! compiler's `lower/hooks.rs`. Results are gc's: indices or -1, counts, -1/0/+1.

use crate::abi::GoSlice;
use crate::alloc::{self, MAX_ALLOC};
use crate::mem::sizeclasses::roundupsize_typed;
use crate::rterror;

/// The bytes `[p, p+n)` (empty for `n <= 0`).
///
/// # Safety
/// `p` is readable for `n` bytes when `n > 0`.
unsafe fn bytes<'a>(p: *const u8, n: isize) -> &'a [u8] {
    if n <= 0 || p.is_null() {
        return &[];
    }
    // SAFETY: the caller's contract.
    unsafe { std::slice::from_raw_parts(p, n as usize) }
}

fn index_byte(b: &[u8], c: u8) -> isize {
    b.iter().position(|&x| x == c).map_or(-1, |i| i as isize)
}

fn index(a: &[u8], b: &[u8]) -> isize {
    if b.is_empty() {
        return 0;
    }
    if b.len() > a.len() {
        return -1;
    }
    a.windows(b.len()).position(|w| w == b).map_or(-1, |i| i as isize)
}

/// `bytealg.IndexByte(b []byte, c byte) int`.
///
/// # Safety
/// A valid slice.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_bytealg_indexbyte(p: *const u8, len: isize, _cap: isize, c: u8) -> isize {
    // SAFETY: the caller's contract.
    index_byte(unsafe { bytes(p, len) }, c)
}

/// `bytealg.IndexByteString(s string, c byte) int`.
///
/// # Safety
/// A valid string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_bytealg_indexbytestring(p: *const u8, len: isize, c: u8) -> isize {
    // SAFETY: the caller's contract.
    index_byte(unsafe { bytes(p, len) }, c)
}

/// `bytealg.Count(b []byte, c byte) int`.
///
/// # Safety
/// A valid slice.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_bytealg_count(p: *const u8, len: isize, _cap: isize, c: u8) -> isize {
    // SAFETY: the caller's contract.
    unsafe { bytes(p, len) }.iter().filter(|&&x| x == c).count() as isize
}

/// `bytealg.CountString(s string, c byte) int`.
///
/// # Safety
/// A valid string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_bytealg_countstring(p: *const u8, len: isize, c: u8) -> isize {
    // SAFETY: the caller's contract.
    unsafe { bytes(p, len) }.iter().filter(|&&x| x == c).count() as isize
}

/// `bytealg.Index(a, b []byte) int` (gc calls it for `2 <= len(b) <= MaxLen`; any length works).
///
/// # Safety
/// Valid slices.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_bytealg_index(ap: *const u8, al: isize, _ac: isize, bp: *const u8, bl: isize, _bc: isize) -> isize {
    // SAFETY: the caller's contract.
    unsafe { index(bytes(ap, al), bytes(bp, bl)) }
}

/// `bytealg.IndexString(a, b string) int`.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_bytealg_indexstring(ap: *const u8, al: isize, bp: *const u8, bl: isize) -> isize {
    // SAFETY: the caller's contract.
    unsafe { index(bytes(ap, al), bytes(bp, bl)) }
}

/// `bytealg.Compare(a, b []byte) int`: -1, 0 or +1 by lexicographic byte order.
///
/// # Safety
/// Valid slices.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_bytealg_compare(ap: *const u8, al: isize, _ac: isize, bp: *const u8, bl: isize, _bc: isize) -> isize {
    // SAFETY: the caller's contract.
    match unsafe { bytes(ap, al).cmp(bytes(bp, bl)) } {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }
}

/// `bytealg.MakeNoZero(n int) []byte` as the runtime's `bytealg_MakeNoZero`: length `n`,
/// capacity `n` rounded up to its size class; writes the slice's 3 words to `out`. Panics
/// `makeslice: len out of range` like gc for a negative or huge `n`.
///
/// # Safety
/// `out` is writable for 3 words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_bytealg_makenozero(n: isize, out: *mut GoSlice) {
    if n < 0 || n as usize > MAX_ALLOC {
        rterror::runtime_error("runtime error: makeslice: len out of range");
    }
    let cap = roundupsize_typed(n as usize, true);
    let ptr = alloc::alloc_zeroed(cap, 1);
    // SAFETY: the caller's contract.
    unsafe { out.write(GoSlice { ptr, len: n, cap: cap as isize }) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loops_agree_with_gc_semantics() {
        assert_eq!(index(b"chicken", b"ken"), 4);
        assert_eq!(index(b"chicken", b"dmr"), -1);
        assert_eq!(index(b"ab", b"abc"), -1);
        assert_eq!(index(b"", b""), 0);
        assert_eq!(index_byte(b"golang", b'l'), 2);
        assert_eq!(index_byte(b"golang", b'x'), -1);
        let (a, b) = (b"abc", b"abd");
        // SAFETY: valid slices.
        unsafe {
            assert_eq!(gort_bytealg_compare(a.as_ptr(), 3, 3, b.as_ptr(), 3, 3), -1);
            assert_eq!(gort_bytealg_compare(b.as_ptr(), 3, 3, a.as_ptr(), 2, 2), 1);
            assert_eq!(gort_bytealg_compare(a.as_ptr(), 0, 0, b.as_ptr(), 0, 0), 0);
            assert_eq!(gort_bytealg_countstring(b"cheese".as_ptr(), 6, b'e'), 3);
        }
    }
}
