//! A subset of the `strings` and `strconv` packages, as runtime entry points.
//!
//! Calling conventions: functions that cannot panic are plain System V calls taking strings as
//! (ptr, len) and returning bool/int/`GoString` (rax:rdx) by value; `[]string` results and
//! panicking functions (`Repeat`) write through a leading `out` pointer; `Atoi` writes an
//! [`AtoiResult`]. Methods (`strings.Builder`) use the compiler's
//! generic method convention: receiver and argument words, then one out pointer per result. Results that
//! equal an input (or a substring of it) share its bytes, like Go. Case mapping and white space use
//! Unicode simple mappings (`unicode.ToUpper`/`IsSpace` semantics: runes without a single-rune
//! mapping are left unchanged). Not provided: Title, Map, the *Func variants.

use crate::abi::{GoSlice, GoString, Iface, Kind};
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

// ----- entry points -----

/// # Safety
/// `out` writable for a `T`.
unsafe fn put<T>(out: *mut T, v: T) {
    // SAFETY: caller contract.
    unsafe { out.write(v) }
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

fn index_rune(b: &[u8], r: i64) -> isize {
    let mut i = 0;
    while i < b.len() {
        let (c, w) = decode_rune(&b[i..]);
        // An invalid byte decodes as U+FFFD; Go's IndexRune(s, RuneError) matches it too.
        if c as i64 == r {
            return i as isize;
        }
        i += w;
    }
    -1
}

/// `strings.ContainsRune(s, r)`.
///
/// # Safety
/// Valid string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_containsrune(sp: *const u8, sl: isize, r: i64) -> bool {
    // SAFETY: caller contract.
    unsafe { index_rune(s(sp, sl), r) >= 0 }
}

/// `strings.IndexRune(s, r)`.
///
/// # Safety
/// Valid string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_indexrune(sp: *const u8, sl: isize, r: i64) -> isize {
    // SAFETY: caller contract.
    unsafe { index_rune(s(sp, sl), r) }
}

fn index_any(b: &[u8], chars: &[u8]) -> isize {
    let mut i = 0;
    while i < b.len() {
        let (c, w) = decode_rune(&b[i..]);
        if index_rune(chars, c as i64) >= 0 {
            return i as isize;
        }
        i += w;
    }
    -1
}

/// `strings.IndexAny(s, chars)`.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_indexany(sp: *const u8, sl: isize, cp: *const u8, cl: isize) -> isize {
    // SAFETY: caller contract.
    unsafe { index_any(s(sp, sl), s(cp, cl)) }
}

/// `strings.ContainsAny(s, chars)`.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_containsany(sp: *const u8, sl: isize, cp: *const u8, cl: isize) -> bool {
    // SAFETY: caller contract.
    unsafe { index_any(s(sp, sl), s(cp, cl)) >= 0 }
}

/// `strings.Compare(a, b)`: -1, 0 or 1.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_compare(sp: *const u8, sl: isize, tp: *const u8, tl: isize) -> isize {
    // SAFETY: caller contract.
    unsafe { s(sp, sl).cmp(s(tp, tl)) as isize }
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

fn split(b: &[u8], sep: &[u8], n: isize) -> Vec<GoString> {
    if n == 0 {
        return Vec::new();
    }
    if sep.is_empty() {
        let mut parts = explode(b);
        if n > 0 && parts.len() > n as usize {
            // The last piece is the unsplit remainder.
            let consumed: usize = parts[..n as usize - 1].iter().map(|p| p.len as usize).sum();
            parts.truncate(n as usize - 1);
            parts.push(sub(&b[consumed..]));
        }
        return parts;
    }
    let mut v = Vec::new();
    let mut rest = b;
    while n < 0 || (v.len() as isize) < n - 1 {
        match find(rest, sep) {
            Some(i) => {
                v.push(sub(&rest[..i]));
                rest = &rest[i + sep.len()..];
            }
            None => break,
        }
    }
    v.push(sub(rest));
    v
}

/// `strings.Split(s, sep)` (a new `[]string` in `out`).
///
/// # Safety
/// Valid strings; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_split(out: *mut GoSlice, sp: *const u8, sl: isize, tp: *const u8, tl: isize) {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    unsafe { put(out, string_slice(&split(s(sp, sl), s(tp, tl), -1))) }
}

/// `strings.SplitN(s, sep, n)`.
///
/// # Safety
/// Valid strings; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_splitn(out: *mut GoSlice, sp: *const u8, sl: isize, tp: *const u8, tl: isize, n: isize) {
    crate::gc::safepoint();
    // SAFETY: caller contract. Go returns nil for n == 0.
    unsafe {
        let parts = split(s(sp, sl), s(tp, tl), n);
        let v = if n == 0 { GoSlice { ptr: std::ptr::null_mut(), len: 0, cap: 0 } } else { string_slice(&parts) };
        put(out, v)
    }
}

/// `strings.Fields(s)`: splits around runs of Unicode white space.
///
/// # Safety
/// Valid string; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_fields(out: *mut GoSlice, sp: *const u8, sl: isize) {
    crate::gc::safepoint();
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
    unsafe { put(out, string_slice(&parts)) }
}

/// `strings.Join(elems, sep)` (elems as a slice header: ptr, len, cap).
///
/// # Safety
/// `elems` valid for `n` strings; `sep` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_join(elems: *const GoString, n: isize, sp: *const u8, sl: isize) -> GoString {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    unsafe {
        let parts = crate::iface::slice_or_empty(elems, n.max(0) as usize);
        match parts.len() {
            0 => GoString::EMPTY,
            1 => parts[0],
            _ => {
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
    }
}

/// `strings.Repeat(s, count)`; panics `strings: negative Repeat count` for count < 0 and
/// `strings: Repeat output length overflow` when the result would overflow.
///
/// # Safety
/// Valid string; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_repeat(out: *mut GoString, sp: *const u8, sl: isize, count: isize) {
    crate::gc::safepoint();
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
    unsafe { put(out, r) }
}

/// `strings.ToUpper(s)`.
///
/// # Safety
/// Valid string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_toupper(sp: *const u8, sl: isize) -> GoString {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    unsafe { map_case(s(sp, sl), true) }
}

/// `strings.ToLower(s)`.
///
/// # Safety
/// Valid string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_tolower(sp: *const u8, sl: isize) -> GoString {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    unsafe { map_case(s(sp, sl), false) }
}

/// `strings.TrimSpace(s)`.
///
/// # Safety
/// Valid string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_trimspace(sp: *const u8, sl: isize) -> GoString {
    // SAFETY: caller contract.
    unsafe { sub(trim_right_by(trim_left_by(s(sp, sl), is_space), is_space)) }
}

/// `strings.Trim(s, cutset)`.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_trim(sp: *const u8, sl: isize, cp: *const u8, cl: isize) -> GoString {
    // SAFETY: caller contract.
    unsafe { sub(trim_right_by(trim_left_by(s(sp, sl), in_cutset(s(cp, cl))), in_cutset(s(cp, cl)))) }
}

/// `strings.TrimLeft(s, cutset)`.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_trimleft(sp: *const u8, sl: isize, cp: *const u8, cl: isize) -> GoString {
    // SAFETY: caller contract.
    unsafe { sub(trim_left_by(s(sp, sl), in_cutset(s(cp, cl)))) }
}

/// `strings.TrimRight(s, cutset)`.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_trimright(sp: *const u8, sl: isize, cp: *const u8, cl: isize) -> GoString {
    // SAFETY: caller contract.
    unsafe { sub(trim_right_by(s(sp, sl), in_cutset(s(cp, cl)))) }
}

/// `strings.TrimPrefix(s, prefix)`.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_trimprefix(sp: *const u8, sl: isize, tp: *const u8, tl: isize) -> GoString {
    // SAFETY: caller contract.
    unsafe { { let b = s(sp, sl); sub(b.strip_prefix(s(tp, tl)).unwrap_or(b)) } }
}

/// `strings.TrimSuffix(s, suffix)`.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_trimsuffix(sp: *const u8, sl: isize, tp: *const u8, tl: isize) -> GoString {
    // SAFETY: caller contract.
    unsafe { { let b = s(sp, sl); sub(b.strip_suffix(s(tp, tl)).unwrap_or(b)) } }
}

/// `strings.Count(s, substr)` (`Count(s, "")` is the rune count + 1).
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_count(sp: *const u8, sl: isize, tp: *const u8, tl: isize) -> isize {
    // SAFETY: caller contract.
    unsafe { count(s(sp, sl), s(tp, tl)) }
}

fn count(b: &[u8], t: &[u8]) -> isize {
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

fn equal_fold(a: &[u8], b: &[u8]) -> bool {
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

fn replace(b: &[u8], old: &[u8], new: &[u8], n: isize) -> GoString {
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

/// `strings.Replace(s, old, new, n)` (n < 0: all). Seven words: System V only (never panics).
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_replace(sp: *const u8, sl: isize, op: *const u8, ol: isize, np: *const u8, nl: isize, n: isize) -> GoString {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    unsafe { replace(s(sp, sl), s(op, ol), s(np, nl), n) }
}

/// `strings.ReplaceAll(s, old, new)`.
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_replaceall(sp: *const u8, sl: isize, op: *const u8, ol: isize, np: *const u8, nl: isize) -> GoString {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    unsafe { replace(s(sp, sl), s(op, ol), s(np, nl), -1) }
}

/// `strings.EqualFold(s, t)` (simple Unicode case folding).
///
/// # Safety
/// Valid strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strings_equalfold(sp: *const u8, sl: isize, tp: *const u8, tl: isize) -> bool {
    // SAFETY: caller contract.
    unsafe { equal_fold(s(sp, sl), s(tp, tl)) }
}

/// `strconv.Itoa(v)`.
///
/// # Safety
/// Always safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_strconv_itoa(v: i64) -> GoString {
    crate::gc::safepoint();
    new_string(v.to_string().as_bytes())
}

/// `strconv.Atoi(s)`: writes the value (0, or the clamped value on a range error) and the error
/// (nil or a `*strconv.NumError`: `strconv.Atoi: parsing "x": invalid syntax` /
/// `... value out of range`).
///
/// # Safety
/// Valid string; outs writable.
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
    unsafe { put(out, AtoiResult { val, err }) }
}

/// Result of [`gort_strconv_atoi`]: `(int, error)`.
#[repr(C)]
pub struct AtoiResult {
    pub val: i64,
    pub err: Iface,
}

// ----- strings.Builder: `struct { buf []byte }`, pointer receivers -----

/// Appends bytes to a Builder's buffer, growing it like `append`.
///
/// # Safety
/// `b` points to a Builder (a `[]byte` header).
unsafe fn builder_append(b: *mut GoSlice, data: &[u8]) {
    if data.is_empty() {
        return;
    }
    // SAFETY: b is a valid slice header of bytes; growslice keeps the contents.
    unsafe {
        let old = *b;
        let mut grown = old;
        crate::slice::gort_growslice(crate::typedesc::predeclared(Kind::Uint8), &old, data.len() as isize, &mut grown);
        std::ptr::copy_nonoverlapping(data.as_ptr(), grown.ptr.add(old.len as usize), data.len());
        *b = grown;
    }
}

fn nil_error() -> Iface {
    Iface { tab: std::ptr::null(), data: std::ptr::null_mut() }
}

/// `(*strings.Builder).WriteString(s) (int, error)`.
///
/// # Safety
/// `b` a valid Builder; string valid; outs writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_builder_writestring(b: *mut GoSlice, sp: *const u8, sl: isize, out_n: *mut isize, out_err: *mut Iface) {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    unsafe {
        builder_append(b, s(sp, sl));
        put(out_n, sl.max(0));
        put(out_err, nil_error());
    }
}

/// `(*strings.Builder).Write(p []byte) (int, error)`.
///
/// # Safety
/// `b` a valid Builder; slice valid; outs writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_builder_write(b: *mut GoSlice, pp: *const u8, pl: isize, _pc: isize, out_n: *mut isize, out_err: *mut Iface) {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    unsafe {
        builder_append(b, s(pp, pl));
        put(out_n, pl.max(0));
        put(out_err, nil_error());
    }
}

/// `(*strings.Builder).WriteByte(c) error`.
///
/// # Safety
/// `b` a valid Builder; out writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_builder_writebyte(b: *mut GoSlice, c: u8, out_err: *mut Iface) {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    unsafe {
        builder_append(b, &[c]);
        put(out_err, nil_error());
    }
}

/// `(*strings.Builder).WriteRune(r) (int, error)`.
///
/// # Safety
/// `b` a valid Builder; outs writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_builder_writerune(b: *mut GoSlice, r: i32, out_n: *mut isize, out_err: *mut Iface) {
    crate::gc::safepoint();
    let mut buf = [0u8; 4];
    let e = crate::gostring::encode_rune_buf(r as i64, &mut buf);
    let n = e.len() as isize;
    // SAFETY: caller contract.
    unsafe {
        builder_append(b, e);
        put(out_n, n);
        put(out_err, nil_error());
    }
}

/// `(*strings.Builder).String()`: shares the buffer's bytes (later writes only append).
///
/// # Safety
/// `b` a valid Builder; out writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_builder_string(b: *const GoSlice, out: *mut GoString) {
    // SAFETY: caller contract.
    unsafe { put(out, GoString { ptr: (*b).ptr, len: (*b).len }) }
}

/// `(*strings.Builder).Len()`.
///
/// # Safety
/// `b` a valid Builder; out writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_builder_len(b: *const GoSlice, out: *mut isize) {
    // SAFETY: caller contract.
    unsafe { put(out, (*b).len) }
}

/// `(*strings.Builder).Reset()`.
///
/// # Safety
/// `b` a valid Builder.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_builder_reset(b: *mut GoSlice) {
    // SAFETY: caller contract.
    unsafe { put(b, GoSlice { ptr: std::ptr::null_mut(), len: 0, cap: 0 }) }
}

/// `(*strings.Builder).Grow(n)`; panics `strings.Builder.Grow: negative count`.
///
/// # Safety
/// `b` a valid Builder.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_builder_grow(b: *mut GoSlice, n: isize) {
    crate::gc::safepoint();
    if n < 0 {
        rterror::plain_panic("strings.Builder.Grow: negative count");
    }
    // SAFETY: caller contract.
    unsafe {
        let old = *b;
        if old.cap - old.len < n {
            // Go: buf = make([]byte, len, 2*cap + n), copy.
            let cap = 2 * old.cap + n;
            let p = alloc::alloc_zeroed(cap as usize, 1);
            if old.len > 0 {
                std::ptr::copy_nonoverlapping(old.ptr, p, old.len as usize);
            }
            *b = GoSlice { ptr: p, len: old.len, cap };
        }
    }
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

    /// Calls an `(s, t) -> R` entry point.
    unsafe fn st2<R>(f: unsafe extern "C" fn(*const u8, isize, *const u8, isize) -> R, a: &'static str, b: &'static str) -> R {
        // SAFETY: static strings.
        unsafe { f(a.as_ptr(), a.len() as isize, b.as_ptr(), b.len() as isize) }
    }

    // Expectations from go1.19.8.
    #[test]
    fn strings_subset() {
        let mut sl = GoSlice { ptr: std::ptr::null_mut(), len: 0, cap: 0 };
        // SAFETY: static strings and writable outs throughout.
        unsafe {
            gort_strings_split(&mut sl, "a,b,,c".as_ptr(), 6, ",".as_ptr(), 1);
            assert_eq!(strs(sl), ["a", "b", "", "c"]);
            gort_strings_split(&mut sl, "a,b".as_ptr(), 3, "".as_ptr(), 0);
            assert_eq!(strs(sl), ["a", ",", "b"]);
            gort_strings_splitn(&mut sl, "a,b,c,d".as_ptr(), 7, ",".as_ptr(), 1, 2);
            assert_eq!(strs(sl), ["a", "b,c,d"]);
            let (f, fl) = st("  foo bar\t baz\n ");
            gort_strings_fields(&mut sl, f, fl);
            assert_eq!(strs(sl), ["foo", "bar", "baz"]);
            assert_eq!(out(gort_strings_trimspace(f, fl)), "foo bar\t baz");
            assert_eq!(out(st2(gort_strings_trim, "xxhixx", "x")), "hi");
            assert_eq!(out(st2(gort_strings_trimleft, "xxhixx", "x")), "hixx");
            assert_eq!(out(st2(gort_strings_trimright, "xxhixx", "x")), "xxhi");
            assert_eq!(out(st2(gort_strings_trimprefix, "xxhixx", "xxh")), "ixx");
            assert_eq!(out(st2(gort_strings_trimsuffix, "xxhixx", "xx")), "xxhi");
            assert_eq!(out(st2(gort_strings_trimsuffix, "xxhixx", "ix")), "xxhixx");
            assert_eq!(st2(gort_strings_count, "xxhixx", "x"), 4);
            assert_eq!(st2(gort_strings_count, "xxhixx", ""), 7);
            let (h, hl) = st("héllo wörld");
            assert_eq!(out(gort_strings_toupper(h, hl)), "HÉLLO WÖRLD");
            assert_eq!(out(gort_strings_replace(h, hl, "o".as_ptr(), 1, "0".as_ptr(), 1, 1)), "héll0 wörld");
            assert_eq!(out(gort_strings_replaceall("abab".as_ptr(), 4, "b".as_ptr(), 1, "XY".as_ptr(), 2)), "aXYaXY");
            assert_eq!(out(gort_strings_replace("ab".as_ptr(), 2, "".as_ptr(), 0, "x".as_ptr(), 1, -1)), "xaxbx");
            assert_eq!(st2(gort_strings_index, "héllo wörld", "o"), 5);
            assert_eq!(st2(gort_strings_lastindex, "go gopher", "go"), 3);
            assert_eq!(st2(gort_strings_indexany, "golang", "ny"), 4);
            assert!(st2(gort_strings_containsany, "failure", "ui"));
            assert_eq!(st2(gort_strings_compare, "a", "b"), -1);
            assert!(st2(gort_strings_equalfold, "Go", "GO"));
            assert!(!st2(gort_strings_equalfold, "Go", "Goo"));
            assert!(st2(gort_strings_hasprefix, "golang", "go"));
            assert!(st2(gort_strings_hassuffix, "golang", "ng"));
            assert!(st2(gort_strings_contains, "seafood", "foo"));
            assert_eq!(gort_strings_indexrune(h, hl, 'ö' as i64), 8);
            assert!(gort_strings_containsrune(h, hl, 'ö' as i64));
            assert_eq!(gort_strings_indexbyte(h, hl, b'w'), 7);
            let mut r = AtoiResult { val: 0, err: Iface { tab: std::ptr::null(), data: std::ptr::null_mut() } };
            gort_strconv_atoi(&mut r, "-123".as_ptr(), 4);
            assert_eq!(r.val, -123);
            assert!(r.err.tab.is_null());
            gort_strconv_atoi(&mut r, "12a".as_ptr(), 3);
            assert_eq!(out(errors::error_message(r.err)), "strconv.Atoi: parsing \"12a\": invalid syntax");
            gort_strconv_atoi(&mut r, "99999999999999999999".as_ptr(), 20);
            assert_eq!(r.val, i64::MAX);
            assert_eq!(out(errors::error_message(r.err)), "strconv.Atoi: parsing \"99999999999999999999\": value out of range");
            assert_eq!(out(gort_strconv_itoa(-255)), "-255");
            let words = [GoString::from_static(b"a"), GoString::from_static(b"b"), GoString::from_static(b"c")];
            assert_eq!(out(gort_strings_join(words.as_ptr(), 3, ", ".as_ptr(), 2)), "a, b, c");
            let mut rs = GoString::EMPTY;
            gort_strings_repeat(&mut rs, "ab".as_ptr(), 2, 3);
            assert_eq!(out(rs), "ababab");
            // strings.Builder
            let mut b = GoSlice { ptr: std::ptr::null_mut(), len: 0, cap: 0 };
            let mut n = 0isize;
            let mut err = Iface { tab: std::ptr::null(), data: std::ptr::null_mut() };
            gort_builder_writestring(&mut b, "héllo".as_ptr(), 6, &mut n, &mut err);
            gort_builder_writebyte(&mut b, b' ', &mut err);
            gort_builder_writerune(&mut b, 0x4e16, &mut n, &mut err);
            assert_eq!(n, 3);
            gort_builder_string(&b, &mut rs);
            assert_eq!(out(rs), "héllo 世");
            gort_builder_len(&b, &mut n);
            assert_eq!(n, 10);
        }
    }
}
