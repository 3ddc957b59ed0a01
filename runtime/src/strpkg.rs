//! A subset of the `strings` and `strconv` packages, as runtime entry points.
//!
//! Strings are taken as (ptr, len) pairs and returned as two-word [`GoString`]s (rax:rdx) by the
//! functions that cannot panic; slice results are written through an `out` pointer. Results that
//! equal an input (or a substring of it) share its bytes, like Go. Case mapping and white space use
//! Unicode simple mappings (`unicode.ToUpper`/`IsSpace` semantics: runes without a single-rune
//! mapping are left unchanged). Not provided: strings.Builder, Title, Map, the *Func variants.

use crate::abi::{GoSlice, GoString, Iface};
use crate::gostring::{bytes, decode_rune, encode_rune, new_string};
use crate::{alloc, errors, rterror};

/// # Safety
/// Valid Go string.
unsafe fn s<'a>(p: *const u8, n: isize) -> &'a [u8] {
    // SAFETY: caller contract.
    unsafe { bytes(p, n) }
}

/// A substring view of an existing Go string (shares bytes).
fn sub(b: &[u8]) -> GoString {
    GoString { ptr: b.as_ptr(), len: b.len() as isize }
}

fn find(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() {
        return Some(0);
    }
    if n.len() > h.len() {
        return None;
    }
    if n.len() == 1 {
        return h.iter().position(|&c| c == n[0]);
    }
    h.windows(n.len()).position(|w| w == n)
}

fn rfind(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() {
        return Some(h.len());
    }
    if n.len() > h.len() {
        return None;
    }
    h.windows(n.len()).rposition(|w| w == n)
}

/// Go's `unicode.IsSpace`.
pub fn is_space(r: i32) -> bool {
    matches!(r, 0x09..=0x0D | 0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000)
}

fn map_case(b: &[u8], upper: bool) -> GoString {
    if b.is_ascii() {
        let changed = b.iter().any(|c| if upper { c.is_ascii_lowercase() } else { c.is_ascii_uppercase() });
        if !changed {
            return sub(b);
        }
        let v: Vec<u8> = b.iter().map(|c| if upper { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect();
        return new_string(&v);
    }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let (r, w) = decode_rune(&b[i..]);
        if r == crate::gostring::RUNE_ERROR && w == 1 && b[i] >= 0x80 {
            out.extend_from_slice("\u{FFFD}".as_bytes());
        } else {
            let c = char::from_u32(r as u32).unwrap_or('\u{FFFD}');
            let mapped: Vec<char> = if upper { c.to_uppercase().collect() } else { c.to_lowercase().collect() };
            let m = if mapped.len() == 1 { mapped[0] } else { c };
            encode_rune(m as i64, &mut out);
        }
        i += w;
    }
    new_string(&out)
}

/// `strings.Contains(s, substr)`.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_contains(sp: *const u8, sl: isize, tp: *const u8, tl: isize) -> bool {
    // SAFETY: caller contract.
    unsafe { find(s(sp, sl), s(tp, tl)).is_some() }
}

/// `strings.ContainsRune(s, r)`.
///
/// # Safety
/// Valid string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_containsrune(sp: *const u8, sl: isize, r: i64) -> bool {
    // SAFETY: caller contract.
    unsafe { gort_strings_indexrune(sp, sl, r) >= 0 }
}

/// `strings.IndexRune(s, r)`.
///
/// # Safety
/// Valid string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_indexrune(sp: *const u8, sl: isize, r: i64) -> isize {
    // SAFETY: caller contract.
    let b = unsafe { s(sp, sl) };
    let mut i = 0;
    while i < b.len() {
        let (c, w) = decode_rune(&b[i..]);
        if c as i64 == r {
            return i as isize;
        }
        i += w;
    }
    -1
}

/// `strings.HasPrefix(s, prefix)`.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_hasprefix(sp: *const u8, sl: isize, tp: *const u8, tl: isize) -> bool {
    // SAFETY: caller contract.
    unsafe { s(sp, sl).starts_with(s(tp, tl)) }
}

/// `strings.HasSuffix(s, suffix)`.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_hassuffix(sp: *const u8, sl: isize, tp: *const u8, tl: isize) -> bool {
    // SAFETY: caller contract.
    unsafe { s(sp, sl).ends_with(s(tp, tl)) }
}

/// `strings.Index(s, substr)`: byte index or -1.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_index(sp: *const u8, sl: isize, tp: *const u8, tl: isize) -> isize {
    // SAFETY: caller contract.
    unsafe { find(s(sp, sl), s(tp, tl)).map_or(-1, |i| i as isize) }
}

/// `strings.LastIndex(s, substr)`.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_lastindex(sp: *const u8, sl: isize, tp: *const u8, tl: isize) -> isize {
    // SAFETY: caller contract.
    unsafe { rfind(s(sp, sl), s(tp, tl)).map_or(-1, |i| i as isize) }
}

/// `strings.IndexByte(s, c)`.
///
/// # Safety
/// Valid string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_indexbyte(sp: *const u8, sl: isize, c: u8) -> isize {
    // SAFETY: caller contract.
    unsafe { s(sp, sl).iter().position(|&x| x == c).map_or(-1, |i| i as isize) }
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

/// Go's `explode`: splits into UTF-8 sequences (invalid bytes become U+FFFD strings).
fn explode(b: &[u8]) -> Vec<GoString> {
    let mut v = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let (r, w) = decode_rune(&b[i..]);
        if r == crate::gostring::RUNE_ERROR && w == 1 {
            v.push(GoString::from_static("\u{FFFD}".as_bytes()));
        } else {
            v.push(sub(&b[i..i + w]));
        }
        i += w;
    }
    v
}

/// `strings.Split(s, sep)`, written to `out` as a `[]string`.
///
/// # Safety
/// Valid strings; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_split(out: *mut GoSlice, sp: *const u8, sl: isize, tp: *const u8, tl: isize) {
    // SAFETY: caller contract.
    let (b, sep) = unsafe { (s(sp, sl), s(tp, tl)) };
    let parts = if sep.is_empty() {
        explode(b)
    } else {
        let mut v = Vec::new();
        let mut rest = b;
        while let Some(i) = find(rest, sep) {
            v.push(sub(&rest[..i]));
            rest = &rest[i + sep.len()..];
        }
        v.push(sub(rest));
        v
    };
    // SAFETY: out writable.
    unsafe { out.write(string_slice(&parts)) };
}

/// `strings.Fields(s)`: splits around runs of Unicode white space.
///
/// # Safety
/// Valid string; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_fields(out: *mut GoSlice, sp: *const u8, sl: isize) {
    // SAFETY: caller contract.
    let b = unsafe { s(sp, sl) };
    let mut parts = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < b.len() {
        let (r, w) = decode_rune(&b[i..]);
        if is_space(r) {
            if let Some(st) = start.take() {
                parts.push(sub(&b[st..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
        i += w;
    }
    if let Some(st) = start {
        parts.push(sub(&b[st..]));
    }
    // SAFETY: out writable.
    unsafe { out.write(string_slice(&parts)) };
}

/// `strings.Join(elems, sep)`.
///
/// # Safety
/// `elems` valid for `n` strings; `sep` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_join(elems: *const GoString, n: isize, sp: *const u8, sl: isize) -> GoString {
    // SAFETY: caller contract.
    unsafe {
        let parts = crate::iface::slice_or_empty(elems, n.max(0) as usize);
        match parts.len() {
            0 => return GoString::EMPTY,
            1 => return parts[0],
            _ => {}
        }
        let sep = s(sp, sl);
        let mut v = Vec::new();
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                v.extend_from_slice(sep);
            }
            v.extend_from_slice(bytes(p.ptr, p.len));
        }
        new_string(&v)
    }
}

/// `strings.Repeat(s, count)` written to `out`; panics `strings: negative Repeat count` for
/// count < 0 and `strings: Repeat output length overflow` when the result would overflow.
///
/// # Safety
/// Valid string; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_repeat(out: *mut GoString, sp: *const u8, sl: isize, count: isize) {
    if count < 0 {
        rterror::plain_panic("strings: negative Repeat count");
    }
    if sl > 0 && (sl.checked_mul(count).is_none() || (sl * count) as usize > alloc::MAX_ALLOC) {
        rterror::plain_panic("strings: Repeat output length overflow");
    }
    // SAFETY: caller contract.
    let b = unsafe { s(sp, sl) };
    let r = if count == 0 || b.is_empty() { GoString::EMPTY } else { new_string(&b.repeat(count as usize)) };
    // SAFETY: out writable.
    unsafe { out.write(r) };
}

/// `strings.ToUpper(s)`.
///
/// # Safety
/// Valid string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_toupper(sp: *const u8, sl: isize) -> GoString {
    // SAFETY: caller contract.
    map_case(unsafe { s(sp, sl) }, true)
}

/// `strings.ToLower(s)`.
///
/// # Safety
/// Valid string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_tolower(sp: *const u8, sl: isize) -> GoString {
    // SAFETY: caller contract.
    map_case(unsafe { s(sp, sl) }, false)
}

fn trim_left_by(b: &[u8], pred: impl Fn(i32) -> bool) -> &[u8] {
    let mut i = 0;
    while i < b.len() {
        let (r, w) = decode_rune(&b[i..]);
        if !pred(r) {
            break;
        }
        i += w;
    }
    &b[i..]
}

fn last_rune(b: &[u8]) -> (i32, usize) {
    // Find the start of the last UTF-8 sequence (Go's DecodeLastRune).
    let end = b.len();
    let lim = end.saturating_sub(4);
    let mut start = end - 1;
    while start > lim && (b[start] & 0xC0) == 0x80 {
        start -= 1;
    }
    let (r, w) = decode_rune(&b[start..]);
    if start + w != end { (crate::gostring::RUNE_ERROR, 1) } else { (r, w) }
}

fn trim_right_by(b: &[u8], pred: impl Fn(i32) -> bool) -> &[u8] {
    let mut end = b.len();
    while end > 0 {
        let (r, w) = last_rune(&b[..end]);
        if !pred(r) {
            break;
        }
        end -= w;
    }
    &b[..end]
}

fn in_cutset(cut: &[u8]) -> impl Fn(i32) -> bool + '_ {
    move |r| {
        let mut i = 0;
        while i < cut.len() {
            let (c, w) = decode_rune(&cut[i..]);
            if c == r {
                return true;
            }
            i += w;
        }
        false
    }
}

/// `strings.TrimSpace(s)`.
///
/// # Safety
/// Valid string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_trimspace(sp: *const u8, sl: isize) -> GoString {
    // SAFETY: caller contract.
    let b = unsafe { s(sp, sl) };
    sub(trim_right_by(trim_left_by(b, is_space), is_space))
}

/// `strings.Trim(s, cutset)`.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_trim(sp: *const u8, sl: isize, cp: *const u8, cl: isize) -> GoString {
    // SAFETY: caller contract.
    let (b, c) = unsafe { (s(sp, sl), s(cp, cl)) };
    sub(trim_right_by(trim_left_by(b, in_cutset(c)), in_cutset(c)))
}

/// `strings.TrimLeft(s, cutset)`.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_trimleft(sp: *const u8, sl: isize, cp: *const u8, cl: isize) -> GoString {
    // SAFETY: caller contract.
    let (b, c) = unsafe { (s(sp, sl), s(cp, cl)) };
    sub(trim_left_by(b, in_cutset(c)))
}

/// `strings.TrimRight(s, cutset)`.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_trimright(sp: *const u8, sl: isize, cp: *const u8, cl: isize) -> GoString {
    // SAFETY: caller contract.
    let (b, c) = unsafe { (s(sp, sl), s(cp, cl)) };
    sub(trim_right_by(b, in_cutset(c)))
}

/// `strings.TrimPrefix(s, prefix)`.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_trimprefix(sp: *const u8, sl: isize, tp: *const u8, tl: isize) -> GoString {
    // SAFETY: caller contract.
    let (b, p) = unsafe { (s(sp, sl), s(tp, tl)) };
    sub(b.strip_prefix(p).unwrap_or(b))
}

/// `strings.TrimSuffix(s, suffix)`.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_trimsuffix(sp: *const u8, sl: isize, tp: *const u8, tl: isize) -> GoString {
    // SAFETY: caller contract.
    let (b, p) = unsafe { (s(sp, sl), s(tp, tl)) };
    sub(b.strip_suffix(p).unwrap_or(b))
}

/// `strings.Count(s, substr)` (`Count(s, "")` is the rune count + 1).
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_count(sp: *const u8, sl: isize, tp: *const u8, tl: isize) -> isize {
    // SAFETY: caller contract.
    let (b, t) = unsafe { (s(sp, sl), s(tp, tl)) };
    if t.is_empty() {
        return crate::gostring::rune_count(b) as isize + 1;
    }
    let (mut n, mut rest) = (0, b);
    while let Some(i) = find(rest, t) {
        n += 1;
        rest = &rest[i + t.len()..];
    }
    n
}

/// `strings.Replace(s, old, new, n)` (n < 0: all).
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_replace(
    sp: *const u8,
    sl: isize,
    op: *const u8,
    ol: isize,
    np: *const u8,
    nl: isize,
    n: isize,
) -> GoString {
    // SAFETY: caller contract.
    let (b, old, new) = unsafe { (s(sp, sl), s(op, ol), s(np, nl)) };
    if old == new || n == 0 {
        return sub(b);
    }
    let mut out = Vec::with_capacity(b.len());
    let mut done = 0isize;
    let mut i = 0;
    if old.is_empty() {
        // Insert `new` before every rune and at the end, up to n times.
        loop {
            if n >= 0 && done >= n {
                out.extend_from_slice(&b[i..]);
                break;
            }
            out.extend_from_slice(new);
            done += 1;
            if i >= b.len() {
                break;
            }
            let w = decode_rune(&b[i..]).1;
            out.extend_from_slice(&b[i..i + w]);
            i += w;
        }
        return new_string(&out);
    }
    while n < 0 || done < n {
        match find(&b[i..], old) {
            Some(j) => {
                out.extend_from_slice(&b[i..i + j]);
                out.extend_from_slice(new);
                i += j + old.len();
                done += 1;
            }
            None => break,
        }
    }
    if done == 0 {
        return sub(b);
    }
    out.extend_from_slice(&b[i..]);
    new_string(&out)
}

/// `strings.ReplaceAll(s, old, new)`.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_replaceall(sp: *const u8, sl: isize, op: *const u8, ol: isize, np: *const u8, nl: isize) -> GoString {
    // SAFETY: forwarded.
    unsafe { gort_strings_replace(sp, sl, op, ol, np, nl, -1) }
}

fn simple_fold_eq(a: i32, b: i32) -> bool {
    if a == b {
        return true;
    }
    let (ca, cb) = (char::from_u32(a as u32), char::from_u32(b as u32));
    match (ca, cb) {
        (Some(x), Some(y)) => {
            let lx: Vec<char> = x.to_lowercase().collect();
            let ly: Vec<char> = y.to_lowercase().collect();
            lx == ly && lx.len() == 1
        }
        _ => false,
    }
}

/// `strings.EqualFold(s, t)` (simple Unicode case folding).
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_equalfold(sp: *const u8, sl: isize, tp: *const u8, tl: isize) -> bool {
    // SAFETY: caller contract.
    let (a, b) = unsafe { (s(sp, sl), s(tp, tl)) };
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (r1, w1) = decode_rune(&a[i..]);
        let (r2, w2) = decode_rune(&b[j..]);
        if !simple_fold_eq(r1, r2) {
            return false;
        }
        i += w1;
        j += w2;
    }
    i == a.len() && j == b.len()
}

/// `strconv.Itoa(v)`.
///
/// # Safety
/// Always safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strconv_itoa(v: i64) -> GoString {
    new_string(v.to_string().as_bytes())
}

/// `strconv.FormatInt(v, base)` for 2 <= base <= 36 (lowercase digits); other bases give "".
///
/// # Safety
/// Always safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strconv_formatint(v: i64, base: i64) -> GoString {
    if !(2..=36).contains(&base) {
        return GoString::EMPTY;
    }
    let mut u = v.unsigned_abs();
    let mut buf = Vec::new();
    loop {
        buf.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[(u % base as u64) as usize]);
        u /= base as u64;
        if u == 0 {
            break;
        }
    }
    if v < 0 {
        buf.push(b'-');
    }
    buf.reverse();
    new_string(&buf)
}

/// `strconv.Quote(s)`.
///
/// # Safety
/// Valid string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strconv_quote(sp: *const u8, sl: isize) -> GoString {
    let mut out = Vec::new();
    // SAFETY: caller contract.
    crate::fmt::quote::quote_into(&mut out, unsafe { s(sp, sl) }, b'"', false);
    new_string(&out)
}

/// Result of [`gort_strconv_atoi`]: `(int, error)`.
#[repr(C)]
pub struct AtoiResult {
    pub val: i64,
    pub err: Iface,
}

/// `strconv.Atoi(s)`: writes `(value, nil)` or `(0 / clamped value, *strconv.NumError)` to `out`.
/// Error messages: `strconv.Atoi: parsing "x": invalid syntax` / `... value out of range`.
///
/// # Safety
/// Valid string; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strconv_atoi(out: *mut AtoiResult, sp: *const u8, sl: isize) {
    // SAFETY: caller contract.
    let b = unsafe { s(sp, sl) };
    let (val, err) = atoi(b);
    let err = match err {
        None => Iface { tab: std::ptr::null(), data: std::ptr::null_mut() },
        Some(range) => errors::new_num_error(GoString::from_static(b"Atoi"), new_string(b), range),
    };
    // SAFETY: out writable.
    unsafe { out.write(AtoiResult { val, err }) };
}

/// Parses like Go's `Atoi`; the error flag is `Some(true)` for a range error, `Some(false)` for
/// a syntax error.
fn atoi(b: &[u8]) -> (i64, Option<bool>) {
    let (neg, digits) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    if digits.is_empty() || !digits.iter().all(|c| c.is_ascii_digit() || *c == b'_') {
        return (0, Some(false));
    }
    if digits.contains(&b'_') {
        return (0, Some(false)); // base 10 with explicit base: underscores not allowed
    }
    let mut v: u64 = 0;
    let limit: u64 = if neg { 1 << 63 } else { (1 << 63) - 1 };
    for &c in digits {
        match v.checked_mul(10).and_then(|x| x.checked_add((c - b'0') as u64)) {
            Some(x) if x <= limit => v = x,
            _ => return (if neg { i64::MIN } else { i64::MAX }, Some(true)),
        }
    }
    (if neg { (v as i64).wrapping_neg() } else { v as i64 }, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(x: &'static str) -> (*const u8, isize) {
        (x.as_ptr(), x.len() as isize)
    }

    fn out(g: GoString) -> String {
        // SAFETY: runtime-built string.
        String::from_utf8_lossy(unsafe { g.as_bytes() }).into_owned()
    }

    unsafe fn strs(sl: GoSlice) -> Vec<String> {
        // SAFETY: a []string built by the runtime.
        unsafe { std::slice::from_raw_parts(sl.ptr as *const GoString, sl.len as usize).iter().map(|g| out(*g)).collect() }
    }

    // Expectations from go1.19.8.
    #[test]
    fn strings_subset() {
        // SAFETY: static strings.
        unsafe {
            let (a, al) = st("a,b,,c");
            let (c, cl) = st(",");
            let mut sl = GoSlice { ptr: std::ptr::null_mut(), len: 0, cap: 0 };
            gort_strings_split(&mut sl, a, al, c, cl);
            assert_eq!(strs(sl), ["a", "b", "", "c"]);
            let (e, el) = st("");
            gort_strings_split(&mut sl, a, 3, e, el);
            assert_eq!(strs(sl), ["a", ",", "b"]);
            let (f, fl) = st("  foo bar\t baz\n ");
            gort_strings_fields(&mut sl, f, fl);
            assert_eq!(strs(sl), ["foo", "bar", "baz"]);
            assert_eq!(out(gort_strings_trimspace(f, fl)), "foo bar\t baz");
            let (x, xl) = st("xxhixx");
            let (xs, xsl) = st("x");
            assert_eq!(out(gort_strings_trim(x, xl, xs, xsl)), "hi");
            assert_eq!(out(gort_strings_trimleft(x, xl, xs, xsl)), "hixx");
            assert_eq!(out(gort_strings_trimright(x, xl, xs, xsl)), "xxhi");
            assert_eq!(gort_strings_count(x, xl, xs, xsl), 4);
            assert_eq!(gort_strings_count(x, xl, e, el), 7);
            let (h, hl) = st("héllo wörld");
            assert_eq!(out(gort_strings_toupper(h, hl)), "HÉLLO WÖRLD");
            let (o, ol) = st("o");
            let (z, zl) = st("0");
            assert_eq!(out(gort_strings_replace(h, hl, o, ol, z, zl, 1)), "héll0 wörld");
            assert_eq!(out(gort_strings_replaceall(h, hl, o, ol, z, zl)), "héll0 wörld");
            let (ab, abl) = st("ab");
            assert_eq!(out(gort_strings_replace(ab, abl, e, el, xs, xsl, -1)), "xaxbx");
            assert_eq!(gort_strings_index(h, hl, o, ol), 5);
            assert_eq!(gort_strings_lastindex(h, hl, o, ol), 5);
            let (g1, g1l) = st("Go");
            let (g2, g2l) = st("GO");
            assert!(gort_strings_equalfold(g1, g1l, g2, g2l));
            let mut r = AtoiResult { val: 0, err: Iface { tab: std::ptr::null(), data: std::ptr::null_mut() } };
            let (n, nl) = st("-123");
            gort_strconv_atoi(&mut r, n, nl);
            assert_eq!(r.val, -123);
            assert!(r.err.tab.is_null());
            let (bad, badl) = st("12a");
            gort_strconv_atoi(&mut r, bad, badl);
            assert_eq!(out(errors::error_message(r.err)), "strconv.Atoi: parsing \"12a\": invalid syntax");
            let (big, bigl) = st("99999999999999999999");
            gort_strconv_atoi(&mut r, big, bigl);
            assert_eq!(r.val, i64::MAX);
            assert_eq!(out(errors::error_message(r.err)), "strconv.Atoi: parsing \"99999999999999999999\": value out of range");
            assert_eq!(out(gort_strconv_formatint(-255, 16)), "-ff");
            let words = [GoString::from_static(b"a"), GoString::from_static(b"b"), GoString::from_static(b"c")];
            let (sep, sepl) = st(", ");
            assert_eq!(out(gort_strings_join(words.as_ptr(), 3, sep, sepl)), "a, b, c");
        }
    }
}
