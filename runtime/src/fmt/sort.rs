//! Ordering of map keys for printing, as Go's `internal/fmtsort`: ints and uints numerically,
//! strings bytewise, floats numerically with NaN first, bools false < true, pointers and chans by
//! address, structs and arrays field/element-wise, interfaces nil first then by dynamic type (by
//! descriptor address, like gc's rtype address) then by value. The sort is stable, so equal keys
//! (NaNs) keep insertion order.

use std::cmp::Ordering;

use crate::abi::*;
use crate::gostring::bytes;
use crate::hash::iface_dyn_type;

fn num<T: PartialOrd>(a: T, b: T) -> Ordering {
    if a < b {
        Ordering::Less
    } else if a > b {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

fn float(a: f64, b: f64) -> Ordering {
    if a.is_nan() {
        return Ordering::Less;
    }
    if b.is_nan() {
        return Ordering::Greater;
    }
    num(a, b)
}

/// Signed value of an integer kind at `p`.
///
/// # Safety
/// `p` holds a value of kind `k`.
pub unsafe fn load_int(k: Kind, p: *const u8) -> i64 {
    // SAFETY: caller contract.
    unsafe {
        match k {
            Kind::Int8 => *(p as *const i8) as i64,
            Kind::Int16 => *(p as *const i16) as i64,
            Kind::Int32 => *(p as *const i32) as i64,
            _ => *(p as *const i64),
        }
    }
}

/// Unsigned value of an unsigned kind at `p`.
///
/// # Safety
/// `p` holds a value of kind `k`.
pub unsafe fn load_uint(k: Kind, p: *const u8) -> u64 {
    // SAFETY: caller contract.
    unsafe {
        match k {
            Kind::Uint8 | Kind::Bool => *p as u64,
            Kind::Uint16 => *(p as *const u16) as u64,
            Kind::Uint32 => *(p as *const u32) as u64,
            _ => *(p as *const u64),
        }
    }
}

/// Compares two keys of type `t`.
///
/// # Safety
/// `a`, `b` point to values of type `t`.
pub unsafe fn compare(t: &Type, a: *const u8, b: *const u8) -> Ordering {
    // SAFETY: caller contract; field/element pointers stay inside the values.
    unsafe {
        match t.kind() {
            Kind::Int | Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64 => num(load_int(t.kind(), a), load_int(t.kind(), b)),
            Kind::Uint | Kind::Uint8 | Kind::Uint16 | Kind::Uint32 | Kind::Uint64 | Kind::Uintptr | Kind::Bool => {
                num(load_uint(t.kind(), a), load_uint(t.kind(), b))
            }
            Kind::Pointer | Kind::Chan | Kind::UnsafePointer | Kind::Map | Kind::Func => {
                num(*(a as *const usize), *(b as *const usize))
            }
            Kind::String => {
                let (x, y) = (&*(a as *const GoString), &*(b as *const GoString));
                bytes(x.ptr, x.len).cmp(bytes(y.ptr, y.len))
            }
            Kind::Float64 => float(*(a as *const f64), *(b as *const f64)),
            Kind::Float32 => float(*(a as *const f32) as f64, *(b as *const f32) as f64),
            Kind::Complex128 => {
                let (x, y) = (*(a as *const [f64; 2]), *(b as *const [f64; 2]));
                float(x[0], y[0]).then(float(x[1], y[1]))
            }
            Kind::Complex64 => {
                let (x, y) = (*(a as *const [f32; 2]), *(b as *const [f32; 2]));
                float(x[0] as f64, y[0] as f64).then(float(x[1] as f64, y[1] as f64))
            }
            Kind::Struct => {
                for f in t.fields() {
                    let c = compare(&*f.typ, a.add(f.offset), b.add(f.offset));
                    if c != Ordering::Equal {
                        return c;
                    }
                }
                Ordering::Equal
            }
            Kind::Array => {
                let e = t.elem();
                for i in 0..t.len() {
                    let c = compare(e, a.add(i * e.size()), b.add(i * e.size()));
                    if c != Ordering::Equal {
                        return c;
                    }
                }
                Ordering::Equal
            }
            Kind::Interface => {
                let (ta, tb) = (iface_dyn_type(t, a), iface_dyn_type(t, b));
                match (ta.is_null(), tb.is_null()) {
                    (true, true) => return Ordering::Equal,
                    (true, false) => return Ordering::Less,
                    (false, true) => return Ordering::Greater,
                    _ => {}
                }
                let c = num(ta as usize, tb as usize);
                if c != Ordering::Equal {
                    return c;
                }
                let dt = &*ta;
                let (da, db) = (a.add(8), b.add(8));
                if dt.is_direct_iface() {
                    compare(dt, da, db)
                } else {
                    compare(dt, *(da as *const *const u8), *(db as *const *const u8))
                }
            }
            _ => Ordering::Equal,
        }
    }
}

/// Sorts (key, value) pointer pairs by key.
///
/// # Safety
/// Every key points to a value of type `key`.
pub unsafe fn sort_entries(key: &Type, entries: &mut [(*mut u8, *mut u8)]) {
    // SAFETY: forwarded.
    entries.sort_by(|x, y| unsafe { compare(key, x.0, y.0) });
}
