//! Slices: `make`, `append` growth, `copy`, and raw memory helpers.
//!
//! Growth follows gc 1.27's `growslice`/`nextslicecap`: double below 256 elements, then grow by
//! `(cap + 3*256)/4` until large enough, then round the byte size up to the malloc size class
//! ([`roundupsize`], gc's `class_to_size` table, with the 8-byte malloc header gc adds to
//! pointer-containing objects above 512 bytes) and derive the capacity from it, so `cap()` after
//! `append` prints what gc prints for a slice whose backing array is on the heap. (gc 1.25+ also
//! gives a non-escaping append a 32-byte stack backing store first; gojit has no escape analysis
//! and always starts on the heap.)

use crate::abi::{GoSlice, Type};
use crate::alloc::{self, MAX_ALLOC};
use crate::rterror;

pub use crate::mem::sizeclasses::{roundupsize, roundupsize_typed};

/// gc's `nextslicecap`: the capacity before size-class rounding.
pub fn nextslicecap(newlen: usize, oldcap: usize) -> usize {
    let mut newcap = oldcap;
    let doublecap = newcap + newcap;
    if newlen > doublecap {
        return newlen;
    }
    const THRESHOLD: usize = 256;
    if oldcap < THRESHOLD {
        return doublecap;
    }
    loop {
        newcap += (newcap + 3 * THRESHOLD) >> 2;
        if newcap >= newlen {
            break;
        }
    }
    if (newcap as isize) <= 0 { newlen } else { newcap }
}

/// The capacity gc gives a slice of `elem_size`-byte elements grown from `oldcap` to hold
/// `newlen` elements, or `None` when the memory would exceed `maxAlloc`. `noscan`: the element type
/// holds no pointers.
pub fn grown_cap(elem_size: usize, noscan: bool, newlen: usize, oldcap: usize) -> Option<usize> {
    let newcap = nextslicecap(newlen, oldcap);
    if elem_size == 0 {
        return Some(newlen);
    }
    let mem = newcap.checked_mul(elem_size)?;
    if mem > MAX_ALLOC {
        return None;
    }
    let capmem = roundupsize_typed(mem, noscan);
    if capmem > MAX_ALLOC {
        return None;
    }
    Some(capmem / elem_size)
}

/// `make([]T, len, cap)`: writes a zeroed slice to `out`.
/// Panics `runtime error: makeslice: len out of range` / `... cap out of range` like gc.
///
/// # Safety
/// `elem` must be a valid descriptor and `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_makeslice(elem: *const Type, len: isize, cap: isize, out: *mut GoSlice) {
    crate::gc::safepoint();
    // SAFETY: caller guarantees elem is valid.
    let size = unsafe { (*elem).size() };
    let align = unsafe { (*elem).align() } as usize;
    let mem_cap = (cap as usize).checked_mul(size);
    let cap_ok = cap >= 0 && matches!(mem_cap, Some(m) if m <= MAX_ALLOC);
    if !cap_ok || len < 0 || len > cap {
        let mem_len = (len as usize).checked_mul(size);
        if len < 0 || !matches!(mem_len, Some(m) if m <= MAX_ALLOC) {
            rterror::runtime_error("runtime error: makeslice: len out of range");
        }
        rterror::runtime_error("runtime error: makeslice: cap out of range");
    }
    let _ = align;
    // SAFETY: caller guarantees elem is valid.
    let ptr = alloc::alloc_array(unsafe { &*elem }, cap as usize);
    // SAFETY: caller guarantees out is writable.
    unsafe { out.write(GoSlice { ptr, len, cap }) };
}

/// `append` support: writes to `out` a slice of length `old.len + added` holding `old`'s elements.
/// When `old` has room it is resliced in place (no copy); otherwise a new backing array with gc's
/// growth policy is allocated, the old elements copied and the rest zeroed. The caller then stores
/// the appended elements at `[old.len, old.len+added)`. `old` and `out` may alias.
/// Panics `runtime error: growslice: cap out of range` when the result cannot be allocated.
///
/// # Safety
/// `elem` valid; `old` readable; `out` writable; `added >= 0`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_growslice(elem: *const Type, old: *const GoSlice, added: isize, out: *mut GoSlice) {
    crate::gc::safepoint();
    // SAFETY: caller guarantees validity of all pointers.
    let (size, align, old) = unsafe { ((*elem).size(), (*elem).align() as usize, *old) };
    let newlen = old.len.checked_add(added).filter(|&n| n >= 0 && added >= 0);
    let Some(newlen) = newlen else {
        rterror::runtime_error("runtime error: growslice: len out of range")
    };
    if newlen <= old.cap {
        // SAFETY: out writable.
        unsafe { out.write(GoSlice { ptr: old.ptr, len: newlen, cap: old.cap }) };
        return;
    }
    // SAFETY: caller guarantees elem is valid.
    let noscan = !unsafe { (*elem).pointers() };
    let Some(newcap) = grown_cap(size, noscan, newlen as usize, old.cap as usize) else {
        rterror::runtime_error("runtime error: growslice: cap out of range")
    };
    let ptr = match (size, noscan) {
        (0, _) => alloc::zero_base(),
        (_, true) => alloc::alloc_noscan(newcap * size, align.clamp(1, 4096)),
        // SAFETY: caller guarantees elem is valid.
        (_, false) => alloc::alloc_array(unsafe { &*elem }, newcap),
    };
    if size != 0 && old.len > 0 {
        // SAFETY: old.ptr has old.len elements; ptr is a fresh block at least that large.
        unsafe { std::ptr::copy_nonoverlapping(old.ptr, ptr, old.len as usize * size) };
    }
    // SAFETY: out writable.
    unsafe { out.write(GoSlice { ptr, len: newlen, cap: newcap as isize }) };
}

/// `memmove(dst, src, n)`: copies `n` bytes; regions may overlap.
///
/// # Safety
/// `dst` writable and `src` readable for `n` bytes (either may dangle when `n == 0`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_memmove(dst: *mut u8, src: *const u8, n: usize) {
    if n != 0 {
        // SAFETY: caller guarantees both ranges are valid.
        unsafe { std::ptr::copy(src, dst, n) };
    }
}

/// `typedmemmove(typ, dst, src)` (internal/reflectlite's and reflect's linkname into gc's
/// runtime): copies one value of type `typ`. gc adds write barriers; gojit's collector stops the
/// world and never moves objects, so a byte copy is the whole operation.
///
/// # Safety
/// `typ` a valid descriptor; `dst` writable and `src` readable for `typ`'s size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_typedmemmove(typ: *const crate::abi::Type, dst: *mut u8, src: *const u8) {
    // SAFETY: the caller's contract.
    unsafe {
        let n = (*typ).size();
        if n != 0 && dst as *const u8 != src {
            std::ptr::copy(src, dst, n);
        }
    }
}

/// Zeroes `n` bytes at `ptr` (`clear(s)`, zeroing variables).
///
/// # Safety
/// `ptr` writable for `n` bytes (may dangle when `n == 0`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_memclr(ptr: *mut u8, n: usize) {
    if n != 0 {
        // SAFETY: caller guarantees the range is writable.
        unsafe { std::ptr::write_bytes(ptr, 0, n) };
    }
}

/// Byte-wise equality of two `n`-byte blocks.
///
/// # Safety
/// Both pointers readable for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_memequal(a: *const u8, b: *const u8, n: usize) -> bool {
    if n == 0 || a == b {
        return true;
    }
    // SAFETY: caller guarantees both ranges are readable.
    unsafe { std::slice::from_raw_parts(a, n) == std::slice::from_raw_parts(b, n) }
}

/// The `copy(dst, src)` builtin for slices: copies `min(dst_len, src_len)` elements of `elem_size`
/// bytes (overlap allowed) and returns that count. Also serves `copy(dst []byte, src string)`.
///
/// # Safety
/// The pointers must be valid for their lengths.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_slicecopy(dst: *mut u8, dst_len: isize, src: *const u8, src_len: isize, elem_size: usize) -> isize {
    let n = dst_len.min(src_len);
    if n > 0 && elem_size > 0 {
        // SAFETY: both ranges hold at least n elements.
        unsafe { std::ptr::copy(src, dst, n as usize * elem_size) };
    }
    n.max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Capacity sequence when appending one element at a time, starting from a nil slice.
    fn caps(elem: usize, n: usize) -> Vec<usize> {
        caps_typed(elem, true, n)
    }

    fn caps_typed(elem: usize, noscan: bool, n: usize) -> Vec<usize> {
        let (mut len, mut cap, mut out) = (0usize, 0usize, vec![]);
        for _ in 0..n {
            if len + 1 > cap {
                cap = grown_cap(elem, noscan, len + 1, cap).unwrap();
            }
            len += 1;
            out.push(cap);
        }
        out
    }

    // Expected values printed by Go 1.27.3 (a Go program appending one element at a time to nil
    // []int, []byte, []string, [][]int, []struct{a,b,c int32}, each slice escaping to a global
    // before every append, printing cap when it changes). []string and [][]int hold pointers:
    // their blocks above 512 bytes carry gc's 8-byte malloc header.
    #[test]
    fn growth_matches_gc() {
        let dedup = |v: Vec<usize>| {
            let mut v = v;
            v.dedup();
            v
        };
        assert_eq!(dedup(caps(8, 2000)), GO_INT);
        assert_eq!(dedup(caps(1, 5000)), GO_BYTE);
        assert_eq!(dedup(caps_typed(16, false, 1000)), GO_STRING);
        assert_eq!(dedup(caps_typed(24, false, 600)), GO_SLICE);
        assert_eq!(dedup(caps(12, 600)), GO_12);
    }

    const GO_INT: &[usize] = &[1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792, 2560];
    const GO_BYTE: &[usize] = &[8, 16, 32, 64, 128, 256, 512, 896, 1408, 2048, 3072, 4096, 5376];
    const GO_STRING: &[usize] = &[1, 2, 4, 8, 16, 32, 71, 143, 303, 591, 1023];
    const GO_SLICE: &[usize] = &[1, 2, 4, 8, 16, 37, 74, 170, 341, 682];
    const GO_12: &[usize] = &[1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 853];

    #[test]
    fn append_many_at_once() {
        // append(make([]int, 0), 1..=5...) -> cap 6 in gc (newlen 5 > 2*0 -> 5 -> 48 bytes).
        assert_eq!(grown_cap(8, true, 5, 0), Some(6));
        assert_eq!(grown_cap(1, true, 5, 0), Some(8));
        assert_eq!(grown_cap(8, true, 1 << 50, 0), None);
    }
}
