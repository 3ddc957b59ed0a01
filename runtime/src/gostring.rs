//! Go strings at run time: concatenation, comparison, conversions to and from `[]byte`/`[]rune`,
//! `string(rune)`, and UTF-8 decoding for `for i, r := range s`.
//!
//! Invariants: Go strings are immutable byte sequences, not necessarily valid UTF-8; every function
//! here accepts arbitrary bytes. Decoding follows Go's `unicode/utf8`: an invalid or truncated
//! sequence, a surrogate, an overlong form or a value above U+10FFFF decodes as U+FFFD with width 1.
//! New strings are allocated in the arena; results never alias mutable memory.

use crate::abi::{GoSlice, GoString};
use crate::alloc;
use crate::slice::roundupsize;

/// U+FFFD, Go's `utf8.RuneError`.
pub const RUNE_ERROR: i32 = 0xFFFD;

/// Views `len` bytes at `ptr` as a slice.
///
/// # Safety
/// `ptr` must be readable for `len` bytes when `len > 0`.
#[inline]
pub unsafe fn bytes<'a>(ptr: *const u8, len: isize) -> &'a [u8] {
    if len <= 0 {
        &[]
    } else {
        // SAFETY: guaranteed by the caller.
        unsafe { std::slice::from_raw_parts(ptr, len as usize) }
    }
}

/// Copies `b` into a new immutable Go string.
pub fn new_string(b: &[u8]) -> GoString {
    if b.is_empty() {
        return GoString::EMPTY;
    }
    GoString { ptr: alloc::alloc_bytes(b), len: b.len() as isize }
}

/// Decodes one rune at the start of `s` (non-empty), returning (rune, width) with Go's rules.
#[inline]
pub fn decode_rune(s: &[u8]) -> (i32, usize) {
    let b0 = s[0];
    if b0 < 0x80 {
        return (b0 as i32, 1);
    }
    let cont = |i: usize, lo: u8, hi: u8| -> Option<u32> {
        let b = *s.get(i)?;
        if b < lo || b > hi { None } else { Some((b & 0x3F) as u32) }
    };
    let res = match b0 {
        0xC2..=0xDF => cont(1, 0x80, 0xBF).map(|c1| ((((b0 & 0x1F) as u32) << 6) | c1, 2)),
        0xE0..=0xEF => {
            let (lo, hi) = match b0 {
                0xE0 => (0xA0, 0xBF),
                0xED => (0x80, 0x9F),
                _ => (0x80, 0xBF),
            };
            cont(1, lo, hi).and_then(|c1| {
                cont(2, 0x80, 0xBF).map(|c2| ((((b0 & 0x0F) as u32) << 12) | (c1 << 6) | c2, 3))
            })
        }
        0xF0..=0xF4 => {
            let (lo, hi) = match b0 {
                0xF0 => (0x90, 0xBF),
                0xF4 => (0x80, 0x8F),
                _ => (0x80, 0xBF),
            };
            cont(1, lo, hi).and_then(|c1| {
                cont(2, 0x80, 0xBF).and_then(|c2| {
                    cont(3, 0x80, 0xBF)
                        .map(|c3| ((((b0 & 0x07) as u32) << 18) | (c1 << 12) | (c2 << 6) | c3, 4))
                })
            })
        }
        _ => None,
    };
    match res {
        Some((r, w)) => (r as i32, w),
        None => (RUNE_ERROR, 1),
    }
}

/// Appends the UTF-8 encoding of `r` (U+FFFD when `r` is not a valid scalar value) to `out`.
pub fn encode_rune(r: i64, out: &mut Vec<u8>) {
    let mut buf = [0u8; 4];
    out.extend_from_slice(encode_rune_buf(r, &mut buf));
}

/// Encodes `r` into `buf`, returning the used prefix (Go's `utf8.EncodeRune`).
pub fn encode_rune_buf(r: i64, buf: &mut [u8; 4]) -> &[u8] {
    let c = u32::try_from(r).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
    c.encode_utf8(buf).as_bytes()
}

/// Number of runes in `s` (Go's `utf8.RuneCount`).
pub fn rune_count(s: &[u8]) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < s.len() {
        i += decode_rune(&s[i..]).1;
        n += 1;
    }
    n
}

/// Concatenates `n` strings (`a + b + c ...`).
///
/// # Safety
/// `parts` must point to `n` valid string headers.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_concatstrings(parts: *const GoString, n: isize) -> GoString {
    crate::gc::safepoint();
    // SAFETY: the caller guarantees parts has n headers.
    let parts = unsafe { std::slice::from_raw_parts(parts, n.max(0) as usize) };
    let total: isize = parts.iter().map(|p| p.len).sum();
    let nonempty = parts.iter().filter(|p| p.len > 0).count();
    if nonempty <= 1 {
        // Like gc: if only one operand is non-empty the result shares its bytes.
        return parts.iter().find(|p| p.len > 0).copied().unwrap_or(GoString::EMPTY);
    }
    let dst = alloc::alloc_noscan(total as usize, 1);
    let mut off = 0usize;
    for p in parts {
        if p.len > 0 {
            // SAFETY: dst has `total` bytes; p is readable for p.len bytes.
            unsafe { std::ptr::copy_nonoverlapping(p.ptr, dst.add(off), p.len as usize) };
            off += p.len as usize;
        }
    }
    GoString { ptr: dst, len: total }
}

/// `a + b`.
///
/// # Safety
/// Both strings readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_concatstring2(a_ptr: *const u8, a_len: isize, b_ptr: *const u8, b_len: isize) -> GoString {
    crate::gc::safepoint();
    let parts = [GoString { ptr: a_ptr, len: a_len }, GoString { ptr: b_ptr, len: b_len }];
    // SAFETY: two valid headers.
    unsafe { gort_concatstrings(parts.as_ptr(), 2) }
}

/// Three-way byte-wise comparison: -1, 0 or 1 (for `<`, `<=`, `>`, `>=` on strings).
///
/// # Safety
/// Both strings readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_cmpstring(a_ptr: *const u8, a_len: isize, b_ptr: *const u8, b_len: isize) -> i64 {
    // SAFETY: caller guarantees readability.
    let (a, b) = unsafe { (bytes(a_ptr, a_len), bytes(b_ptr, b_len)) };
    a.cmp(b) as i64
}

/// String equality (`==`). The compiler may compare lengths inline first.
///
/// # Safety
/// Both strings readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_eqstring(a_ptr: *const u8, a_len: isize, b_ptr: *const u8, b_len: isize) -> bool {
    if a_len != b_len {
        return false;
    }
    if a_ptr == b_ptr {
        return true;
    }
    // SAFETY: caller guarantees readability.
    unsafe { bytes(a_ptr, a_len) == bytes(b_ptr, b_len) }
}

/// `string(b)` for `b []byte`: copies the bytes.
///
/// # Safety
/// `ptr` readable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_slicebytetostring(ptr: *const u8, len: isize) -> GoString {
    crate::gc::safepoint();
    // SAFETY: caller guarantees readability.
    new_string(unsafe { bytes(ptr, len) })
}

/// `[]byte(s)`: a fresh copy; capacity rounded to the malloc size class like gc's `rawbyteslice`.
///
/// # Safety
/// `s` readable, `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_stringtoslicebyte(ptr: *const u8, len: isize, out: *mut GoSlice) {
    crate::gc::safepoint();
    let len = len.max(0);
    let cap = if len == 0 { 0 } else { roundupsize(len as usize) };
    let dst = alloc::alloc_noscan(cap, 1);
    if len > 0 {
        // SAFETY: dst has cap >= len bytes; src readable for len.
        unsafe { std::ptr::copy_nonoverlapping(ptr, dst, len as usize) };
    }
    // SAFETY: out writable.
    unsafe { out.write(GoSlice { ptr: dst, len, cap: cap as isize }) };
}

/// `[]rune(s)`: decodes `s` into a fresh `[]int32` (capacity rounded like gc's `rawruneslice`).
///
/// # Safety
/// `s` readable, `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_stringtoslicerune(ptr: *const u8, len: isize, out: *mut GoSlice) {
    crate::gc::safepoint();
    // SAFETY: caller guarantees readability.
    let s = unsafe { bytes(ptr, len) };
    let n = rune_count(s);
    let cap = if n == 0 { 0 } else { roundupsize(n * 4) / 4 };
    let dst = alloc::alloc_noscan(cap * 4, 4) as *mut i32;
    let mut i = 0;
    let mut k = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        // SAFETY: k < n <= cap.
        unsafe { dst.add(k).write(r) };
        k += 1;
        i += w;
    }
    // SAFETY: out writable.
    unsafe { out.write(GoSlice { ptr: dst.cast(), len: n as isize, cap: cap as isize }) };
}

/// `string(rs)` for `rs []rune`: encodes each rune (invalid ones as U+FFFD).
///
/// # Safety
/// `ptr` readable for `len` int32 values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_slicerunetostring(ptr: *const i32, len: isize) -> GoString {
    crate::gc::safepoint();
    let runes = if len <= 0 {
        &[][..]
    } else {
        // SAFETY: caller guarantees readability.
        unsafe { std::slice::from_raw_parts(ptr, len as usize) }
    };
    let mut total = 0;
    let mut buf = [0u8; 4];
    for &r in runes {
        total += encode_rune_buf(r as i64, &mut buf).len();
    }
    let dst = alloc::alloc_noscan(total, 1);
    let mut off = 0;
    for &r in runes {
        let e = encode_rune_buf(r as i64, &mut buf);
        // SAFETY: dst has total bytes, off + e.len() <= total.
        unsafe { std::ptr::copy_nonoverlapping(e.as_ptr(), dst.add(off), e.len()) };
        off += e.len();
    }
    GoString { ptr: dst, len: total as isize }
}

/// `string(r)` for an integer `r`: its UTF-8 encoding, or "\uFFFD" when not a valid code point.
///
/// # Safety
/// Always safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_intstring(r: i64) -> GoString {
    crate::gc::safepoint();
    let mut buf = [0u8; 4];
    new_string(encode_rune_buf(r, &mut buf))
}

/// Result of [`gort_decoderune`]: the rune and the index of the next rune.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuneNext {
    pub rune: i64,
    pub next: isize,
}

/// One step of `for i, r := range s`: decodes the rune starting at byte `k` (`0 <= k < len`) and
/// returns it with the index after it. Invalid UTF-8 yields U+FFFD and `k + 1`, like gc.
///
/// # Safety
/// `s` readable for `len` bytes and `0 <= k < len`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_decoderune(ptr: *const u8, len: isize, k: isize) -> RuneNext {
    // SAFETY: caller guarantees readability and 0 <= k < len.
    let s = unsafe { bytes(ptr.add(k as usize), len - k) };
    let (r, w) = decode_rune(s);
    RuneNext { rune: r as i64, next: k + w as isize }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gs(s: &str) -> GoString {
        GoString::from_static(Box::leak(s.as_bytes().to_vec().into_boxed_slice()))
    }

    #[test]
    fn decode_matches_go() {
        // Go: for i, r := range "a\xffé\xe2\x82世" -> 0 97, 1 65533, 2 233, 4 65533, 5 65533, 6 19990
        let s = b"a\xff\xc3\xa9\xe2\x82\xe4\xb8\x96";
        let mut k = 0;
        let mut got = vec![];
        while k < s.len() as isize {
            // SAFETY: s is valid.
            let rn = unsafe { gort_decoderune(s.as_ptr(), s.len() as isize, k) };
            got.push((k, rn.rune));
            k = rn.next;
        }
        assert_eq!(got, vec![(0, 97), (1, 65533), (2, 233), (4, 65533), (5, 65533), (6, 19990)]);
        assert_eq!(decode_rune(b"\xed\xa0\x80"), (RUNE_ERROR, 1)); // surrogate
        assert_eq!(decode_rune(b"\xc0\x80"), (RUNE_ERROR, 1)); // overlong
        assert_eq!(decode_rune(b"\xf4\x90\x80\x80"), (RUNE_ERROR, 1)); // > U+10FFFF
    }

    #[test]
    fn concat_compare_convert() {
        let parts = [gs("ab"), gs(""), gs("cd"), gs("é")];
        // SAFETY: valid headers.
        let r = unsafe { gort_concatstrings(parts.as_ptr(), 4) };
        // SAFETY: r is valid.
        assert_eq!(unsafe { r.as_bytes() }, "abcdé".as_bytes());
        let (a, b) = (gs("abc"), gs("abd"));
        // SAFETY: valid strings.
        unsafe {
            assert_eq!(gort_cmpstring(a.ptr, a.len, b.ptr, b.len), -1);
            assert_eq!(gort_cmpstring(b.ptr, b.len, a.ptr, a.len), 1);
            assert_eq!(gort_cmpstring(a.ptr, 2, b.ptr, 2), 0);
            assert!(gort_eqstring(a.ptr, 2, b.ptr, 2));
            assert!(!gort_eqstring(a.ptr, 3, b.ptr, 3));
            let mut out = GoSlice { ptr: std::ptr::null_mut(), len: 0, cap: 0 };
            gort_stringtoslicebyte(a.ptr, a.len, &mut out);
            assert_eq!((out.len, out.cap), (3, 8));
            let s = gs("h€\u{10000}");
            gort_stringtoslicerune(s.ptr, s.len, &mut out);
            assert_eq!((out.len, out.cap), (3, 4));
            let back = gort_slicerunetostring(out.ptr.cast(), out.len);
            assert_eq!(back.as_bytes(), s.as_bytes());
            assert_eq!(gort_intstring(0x4e16).as_bytes(), "世".as_bytes());
            assert_eq!(gort_intstring(-1).as_bytes(), "\u{FFFD}".as_bytes());
            assert_eq!(gort_intstring(0xD800).as_bytes(), "\u{FFFD}".as_bytes());
        }
    }
}
