//! Hashing and equality of Go values driven by their [`Type`] (map keys, `==` on interfaces,
//! structs and arrays).
//!
//! Rules (Go spec + gc): floats compare numerically (+0 == -0, NaN != NaN; NaN keys hash randomly so
//! each NaN insert makes a new map entry); strings by content; interfaces by dynamic type identity
//! (descriptor pointer) and then by value, panicking `runtime error: comparing uncomparable type T`
//! (`hash of unhashable type T` when hashing) if the dynamic type is not comparable; structs
//! field-wise skipping blank (`_`) fields; arrays element-wise. Slices, maps and funcs are not
//! comparable. Hashes are deterministic apart from NaN.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::abi::*;
use crate::gostring::bytes;
use crate::rterror;

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Mixes one word into a running hash.
#[inline]
pub fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// Final avalanche (from splitmix64).
#[inline]
pub fn finish(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Hash of a byte string.
#[inline]
pub fn hash_bytes(h: u64, b: &[u8]) -> u64 {
    let mut h = mix(h, b.len() as u64);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, u64::from_le_bytes(c.try_into().unwrap()));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(w));
    }
    h
}

static NAN_SEED: AtomicU64 = AtomicU64::new(1);

/// True when values of `t` can be compared/hashed by their raw bytes.
#[inline]
pub fn is_memory_kind(k: Kind) -> bool {
    matches!(
        k,
        Kind::Bool
            | Kind::Int
            | Kind::Int8
            | Kind::Int16
            | Kind::Int32
            | Kind::Int64
            | Kind::Uint
            | Kind::Uint8
            | Kind::Uint16
            | Kind::Uint32
            | Kind::Uint64
            | Kind::Uintptr
            | Kind::Pointer
            | Kind::Chan
            | Kind::UnsafePointer
    )
}

/// Reads a `size`-byte little-endian integer (size 1, 2, 4 or 8).
///
/// # Safety
/// `p` readable for `size` bytes.
#[inline]
pub unsafe fn load_word(p: *const u8, size: usize) -> u64 {
    // SAFETY: caller guarantees readability; unaligned reads are fine on x86-64.
    unsafe {
        match size {
            1 => *p as u64,
            2 => (p as *const u16).read_unaligned() as u64,
            4 => (p as *const u32).read_unaligned() as u64,
            _ => (p as *const u64).read_unaligned(),
        }
    }
}

/// The dynamic type of an interface value stored at `p` (empty or not, per `t`).
///
/// # Safety
/// `t` is an interface descriptor and `p` points to a 16-byte interface value.
#[inline]
pub unsafe fn iface_dyn_type(t: &Type, p: *const u8) -> *const Type {
    // SAFETY: first word is typ (Eface) or tab (Iface); tab->typ when non-null.
    unsafe {
        let w = *(p as *const usize);
        if t.imethods().is_empty() || w == 0 { w as *const Type } else { (*(w as *const ITab)).typ }
    }
}

/// Hash of the Go value of type `t` at `p`.
///
/// # Safety
/// `t` valid, `p` points to a value of that type.
pub unsafe fn typehash(t: &Type, p: *const u8, h: u64) -> u64 {
    // SAFETY: the caller guarantees p holds a value of type t; every arm reads within it.
    unsafe {
        match t.kind() {
            k if is_memory_kind(k) => mix(h, load_word(p, t.size())),
            Kind::Float64 => {
                let f = *(p as *const f64);
                if f == 0.0 {
                    mix(h, 0)
                } else if f.is_nan() {
                    mix(h, finish(NAN_SEED.fetch_add(1, Ordering::Relaxed)))
                } else {
                    mix(h, f.to_bits())
                }
            }
            Kind::Complex128 => {
                let h = typehash(crate::typedesc::predeclared(Kind::Float64), p, h);
                typehash(crate::typedesc::predeclared(Kind::Float64), p.add(8), h)
            }
            Kind::Complex64 => {
                let h = typehash(crate::typedesc::predeclared(Kind::Float32), p, h);
                typehash(crate::typedesc::predeclared(Kind::Float32), p.add(4), h)
            }
            Kind::Float32 => {
                let f = *(p as *const f32);
                if f == 0.0 {
                    mix(h, 0)
                } else if f.is_nan() {
                    mix(h, finish(NAN_SEED.fetch_add(1, Ordering::Relaxed)))
                } else {
                    mix(h, f.to_bits() as u64)
                }
            }
            Kind::String => {
                let s = &*(p as *const GoString);
                hash_bytes(h, bytes(s.ptr, s.len))
            }
            Kind::Interface => {
                let dt = iface_dyn_type(t, p);
                if dt.is_null() {
                    return mix(h, 0);
                }
                let dt = &*dt;
                if !dt.comparable() {
                    unhashable(dt);
                }
                let data = *(p as *const *mut u8).add(1);
                let h = mix(h, dt as *const Type as u64);
                if dt.is_direct_iface() {
                    mix(h, data as u64)
                } else {
                    typehash(dt, data, h)
                }
            }
            Kind::Array => {
                let e = t.elem();
                let mut h = h;
                for i in 0..t.len() {
                    h = typehash(e, p.add(i * e.size()), h);
                }
                h
            }
            Kind::Struct => {
                let mut h = h;
                for f in t.fields() {
                    if f.name.name() == b"_" {
                        continue;
                    }
                    h = typehash(&*f.typ, p.add(f.offset), h);
                }
                h
            }
            _ => unhashable(t),
        }
    }
}

#[cold]
fn unhashable(t: &Type) -> ! {
    let msg = format!("runtime error: hash of unhashable type {}", crate::typedesc::name_of(t));
    // Leak the message so no Drop value lives in this frame when the panic is raised.
    let msg: &'static str = Box::leak(msg.into_boxed_str());
    rterror::runtime_error(msg)
}

#[cold]
fn uncomparable(t: &Type) -> ! {
    let msg = format!("runtime error: comparing uncomparable type {}", crate::typedesc::name_of(t));
    let msg: &'static str = Box::leak(msg.into_boxed_str());
    rterror::runtime_error(msg)
}

/// `a == b` for two values of type `t`.
///
/// # Safety
/// `t` valid, `a` and `b` point to values of that type.
pub unsafe fn typeequal(t: &Type, a: *const u8, b: *const u8) -> bool {
    // SAFETY: the caller guarantees a and b hold values of type t.
    unsafe {
        match t.kind() {
            k if is_memory_kind(k) => load_word(a, t.size()) == load_word(b, t.size()),
            // gc's memequal for plain-memory aggregates (no floats, strings, interfaces, padding
            // or blank fields): one byte comparison however long the array.
            Kind::Array | Kind::Struct if t.tflag & TFLAG_REGULAR_MEMORY != 0 => {
                t.size() == 0 || a == b || bytes(a, t.size() as isize) == bytes(b, t.size() as isize)
            }
            Kind::Float64 => *(a as *const f64) == *(b as *const f64),
            Kind::Float32 => *(a as *const f32) == *(b as *const f32),
            Kind::Complex128 => *(a as *const [f64; 2]) == *(b as *const [f64; 2]),
            Kind::Complex64 => *(a as *const [f32; 2]) == *(b as *const [f32; 2]),
            Kind::String => {
                let (x, y) = (&*(a as *const GoString), &*(b as *const GoString));
                x.len == y.len && (x.ptr == y.ptr || bytes(x.ptr, x.len) == bytes(y.ptr, y.len))
            }
            Kind::Interface => {
                let (ta, tb) = (iface_dyn_type(t, a), iface_dyn_type(t, b));
                let (da, db) = (*(a as *const *mut u8).add(1), *(b as *const *mut u8).add(1));
                efaceeq(ta, da, tb, db)
            }
            // gc's geneq for arrays of strings: first every element's length, then the contents,
            // so a difference in length is found without reading the bytes (which need not be
            // readable memory). Arrays of interfaces compare element by element (an uncomparable
            // dynamic type in an earlier element panics: fixedbugs/issue8606).
            Kind::Array if t.elem().kind() == Kind::String => {
                let at = |p: *const u8, i: usize| &*(p as *const GoString).add(i);
                (0..t.len()).all(|i| at(a, i).len == at(b, i).len) && (0..t.len()).all(|i| typeequal(t.elem(), a.add(i * 16), b.add(i * 16)))
            }
            Kind::Array => {
                let e = t.elem();
                (0..t.len()).all(|i| typeequal(e, a.add(i * e.size()), b.add(i * e.size())))
            }
            Kind::Struct => struct_equal(t, a, b),
            _ => uncomparable(t),
        }
    }
}

/// `a == b` for structs of type `t`, in gc's order (`cmd/compile/internal/compare.EqStruct`):
/// fields whose comparison can panic (interfaces) are compared in field order, each alone; in
/// each run of fields between them, every field but the string contents is compared first and
/// the string contents last. So `SI{s: bad, i: 1} == SI{s: bad2, i: 2}` is false without reading
/// the strings' bytes, as in gc.
///
/// # Safety
/// As [`typeequal`].
unsafe fn struct_equal(t: &Type, a: *const u8, b: *const u8) -> bool {
    let fields = t.fields();
    let blank = |f: &StructField| f.name.name() == b"_";
    let mut i = 0;
    while i < fields.len() {
        let mut j = i;
        // SAFETY: field types are valid descriptors.
        while j < fields.len() && !eq_can_panic(unsafe { &*fields[j].typ }) {
            j += 1;
        }
        let run = &fields[i..j];
        // SAFETY: the caller's contract; each field lies in both values at its offset.
        let cheap = run.iter().all(|f| unsafe {
            let ft = &*f.typ;
            blank(f)
                || if ft.kind() == Kind::String {
                    (*(a.add(f.offset) as *const GoString)).len == (*(b.add(f.offset) as *const GoString)).len
                } else {
                    typeequal(ft, a.add(f.offset), b.add(f.offset))
                }
        });
        // SAFETY: as above.
        let contents = || run.iter().all(|f| unsafe { blank(f) || (*f.typ).kind() != Kind::String || typeequal(&*f.typ, a.add(f.offset), b.add(f.offset)) });
        if !cheap || !contents() {
            return false;
        }
        if let Some(f) = fields.get(j) {
            // SAFETY: as above.
            if !blank(f) && !unsafe { typeequal(&*f.typ, a.add(f.offset), b.add(f.offset)) } {
                return false;
            }
        }
        i = j + 1;
    }
    true
}

/// gc's `EqCanPanic`: comparing values of `t` can panic (an interface holding an uncomparable
/// dynamic type, somewhere in it).
fn eq_can_panic(t: &Type) -> bool {
    match t.kind() {
        Kind::Interface => true,
        Kind::Array => t.len() > 0 && eq_can_panic(t.elem()),
        // SAFETY: field types are valid descriptors.
        Kind::Struct => t.fields().iter().any(|f| eq_can_panic(unsafe { &*f.typ })),
        _ => false,
    }
}

/// Equality of two interface values given their dynamic types and data words.
///
/// # Safety
/// Each (type, data) pair must form a valid interface value.
pub unsafe fn efaceeq(ta: *const Type, da: *mut u8, tb: *const Type, db: *mut u8) -> bool {
    if ta != tb {
        return false;
    }
    if ta.is_null() {
        return true;
    }
    // SAFETY: ta is a valid descriptor (non-null dynamic type).
    let t = unsafe { &*ta };
    if !t.comparable() {
        uncomparable(t);
    }
    if t.is_direct_iface() {
        return da == db;
    }
    // SAFETY: indirect data words point to values of type t.
    unsafe { typeequal(t, da, db) }
}

/// `x == y` for two empty interfaces (`any`). Panics `runtime error: comparing uncomparable type T`
/// when both hold the same uncomparable dynamic type.
///
/// # Safety
/// Both arguments must be valid `Eface` words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_efaceeq(ta: *const Type, da: *mut u8, tb: *const Type, db: *mut u8) -> bool {
    // SAFETY: forwarded contract.
    unsafe { efaceeq(ta, da, tb, db) }
}

/// `x == y` for two non-empty interfaces (itab words), same panics as [`gort_efaceeq`].
///
/// # Safety
/// Both arguments must be valid `Iface` words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_ifaceeq(taba: *const ITab, da: *mut u8, tabb: *const ITab, db: *mut u8) -> bool {
    // SAFETY: non-null itabs are valid.
    let ta = if taba.is_null() { std::ptr::null() } else { unsafe { (*taba).typ } };
    let tb = if tabb.is_null() { std::ptr::null() } else { unsafe { (*tabb).typ } };
    // SAFETY: forwarded contract.
    unsafe { efaceeq(ta, da, tb, db) }
}

/// `a == b` for two values of any comparable type `t` (structs, arrays, strings...). Panics when a
/// nested interface holds an uncomparable dynamic type.
///
/// # Safety
/// `t` valid; `a`, `b` point to values of type `t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_valueeq(t: *const Type, a: *const u8, b: *const u8) -> bool {
    // SAFETY: forwarded contract.
    unsafe { typeequal(&*t, a, b) }
}

/// The code of every `Type.Equal` func value (`func(p, q unsafe.Pointer) bool`): `closure` is the
/// func value `[code, typ]` (passed as Go's `ctx`), `p`/`q` point to two values of `typ`.
///
/// # Safety
/// `closure` comes from `abi::module::alg_closure`; `p`, `q` point to values of its type.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_alg_equal(closure: *const usize, p: *const u8, q: *const u8) -> bool {
    // SAFETY: the closure's second word is its type (alg_closure).
    unsafe { typeequal(&*(*closure.add(1) as *const Type), p, q) }
}

/// The code of every `MapType.Hasher` func value (`func(p unsafe.Pointer, seed uintptr) uintptr`).
///
/// # Safety
/// As [`gort_alg_equal`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_alg_hash(closure: *const usize, p: *const u8, seed: usize) -> usize {
    // SAFETY: as above.
    unsafe { typehash(&*(*closure.add(1) as *const Type), p, seed as u64) as usize }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typedesc::*;

    #[test]
    fn equality_by_descriptor() {
        let it = predeclared(Kind::Int);
        let ft = predeclared(Kind::Float64);
        let st = predeclared(Kind::String);
        let t = struct_of(Some("main.T"), &[("A", it), ("_", it), ("S", st)]);
        #[repr(C)]
        struct TV {
            a: i64,
            blank: i64,
            s: GoString,
        }
        let x = TV { a: 1, blank: 5, s: GoString::from_static(b"hi") };
        let hi2 = b"xhi";
        let y = TV { a: 1, blank: 6, s: GoString { ptr: hi2[1..].as_ptr(), len: 2 } };
        let (one, two) = (1i64, 1i64);
        let (nan, pz, nz) = (f64::NAN, 0.0f64, -0.0f64);
        // SAFETY: values match their descriptors.
        unsafe {
            assert!(gort_valueeq(t, &x as *const TV as *const u8, &y as *const TV as *const u8));
            assert_eq!(typehash(t, &x as *const TV as *const u8, 0), typehash(t, &y as *const TV as *const u8, 0));
            assert!(gort_efaceeq(it, &one as *const i64 as *mut u8, it, &two as *const i64 as *mut u8));
            assert!(!gort_efaceeq(it, &one as *const i64 as *mut u8, predeclared(Kind::Int64), &two as *const i64 as *mut u8));
            assert!(gort_efaceeq(std::ptr::null(), std::ptr::null_mut(), std::ptr::null(), std::ptr::null_mut()));
            assert!(!gort_valueeq(ft, &nan as *const f64 as *const u8, &nan as *const f64 as *const u8));
            assert!(gort_valueeq(ft, &pz as *const f64 as *const u8, &nz as *const f64 as *const u8));
            assert_eq!(typehash(ft, &pz as *const f64 as *const u8, 0), typehash(ft, &nz as *const f64 as *const u8, 0));
            let arr = array_of(st, 2);
            let a1 = [GoString::from_static(b"a"), GoString::from_static(b"b")];
            let a2 = [GoString::from_static(b"a"), GoString::from_static(b"c")];
            assert!(!gort_valueeq(arr, a1.as_ptr().cast(), a2.as_ptr().cast()));
            assert!(gort_valueeq(arr, a1.as_ptr().cast(), a1.as_ptr().cast()));
        }
    }
}
