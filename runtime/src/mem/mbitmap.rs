//! Pointer bitmaps of types (gc's `mbitmap.go` / `abi.Type.GCData`): which words of a value can
//! hold a Go pointer, so a collector scans heap objects precisely.
//!
//! Invariants (gc's meanings): `PtrBytes` is the length of the prefix of a value that contains
//! pointers, a multiple of the word size (0: the type is pointer-free and its objects need no
//! scanning); `GCData` has one bit per word of that prefix, least significant bit first, set for
//! a pointer word. Pointer-shaped words: pointers, maps, channels, funcs, `unsafe.Pointer`, the
//! data pointer of strings and slices, and both words of an interface (gc marks the type/itab word
//! too; it points outside the heap and is skipped by the heap lookup). Arrays repeat their element's
//! bitmap; structs place their fields' bitmaps at their offsets.
//!
//! [`fill_gcdata`] computes both fields from a complete descriptor (its fields and element types
//! filled) and sets [`TF_GCDATA`]; descriptors are leaked, so the bitmap is leaked with them.

use crate::abi::{Field, Kind, TF_GCDATA, TypeDesc};

const WORD: usize = 8;

/// Sets the bits of the pointer words of a value of type `t` placed at word `base` of `bits`.
fn set_ptr_words(t: &TypeDesc, base: usize, bits: &mut Vec<u64>) {
    let set = |w: usize, bits: &mut Vec<u64>| {
        if bits.len() <= w / 64 {
            bits.resize(w / 64 + 1, 0);
        }
        bits[w / 64] |= 1 << (w % 64);
    };
    match t.kind {
        Kind::Pointer | Kind::Map | Kind::Chan | Kind::Func | Kind::UnsafePointer | Kind::String | Kind::Slice => set(base, bits),
        Kind::Interface => {
            set(base, bits);
            set(base + 1, bits);
        }
        Kind::Array => {
            if t.elem.is_null() || t.len == 0 {
                return;
            }
            // SAFETY: an array descriptor's elem is a valid descriptor.
            let e = unsafe { &*t.elem };
            let mut eb = Vec::new();
            set_ptr_words(e, 0, &mut eb);
            if eb.iter().all(|&w| w == 0) || e.size % WORD != 0 {
                return;
            }
            let ew = e.size / WORD;
            for i in 0..t.len {
                for (j, &w) in eb.iter().enumerate() {
                    let mut w = w;
                    while w != 0 {
                        let b = w.trailing_zeros() as usize;
                        set(base + i * ew + j * 64 + b, bits);
                        w &= w - 1;
                    }
                }
            }
        }
        Kind::Struct => {
            let fs: &[Field] = if t.fields.is_null() {
                &[]
            } else {
                // SAFETY: a struct descriptor's field table has n_fields entries.
                unsafe { std::slice::from_raw_parts(t.fields, t.n_fields) }
            };
            for f in fs {
                if f.typ.is_null() || f.offset % WORD != 0 {
                    continue;
                }
                // SAFETY: field types are valid descriptors.
                set_ptr_words(unsafe { &*f.typ }, base + f.offset / WORD, bits);
            }
        }
        _ => {}
    }
}

/// `(PtrBytes, bitmap bytes)` of `t`, computed from its structure.
pub fn gcdata_of(t: &TypeDesc) -> (usize, Vec<u8>) {
    let mut bits = Vec::new();
    set_ptr_words(t, 0, &mut bits);
    let last = bits.iter().enumerate().rev().find(|(_, w)| **w != 0).map(|(i, w)| i * 64 + 63 - w.leading_zeros() as usize);
    let Some(last) = last else { return (0, Vec::new()) };
    let nwords = last + 1;
    let bytes: Vec<u8> = (0..nwords.div_ceil(8)).map(|i| (bits[i / 8] >> ((i % 8) * 8)) as u8).collect();
    (nwords * WORD, bytes)
}

/// Computes and stores `t.PtrBytes`/`t.GCData` and sets [`TF_GCDATA`].
///
/// # Safety
/// `t` must be a complete descriptor (its element and field descriptors filled) that nothing reads
/// concurrently (descriptors are finished before any Go code runs).
pub unsafe fn fill_gcdata(t: *mut TypeDesc) {
    // SAFETY: caller contract.
    let t = unsafe { &mut *t };
    let (n, bytes) = gcdata_of(t);
    t.PtrBytes = n;
    t.GCData = if n == 0 { std::ptr::null() } else { Box::leak(bytes.into_boxed_slice()).as_ptr() };
    t.flags |= TF_GCDATA;
}

/// True when word `i` of a value of type `t` is a pointer word (`t` has [`TF_GCDATA`]).
pub fn is_ptr_word(t: &TypeDesc, i: usize) -> bool {
    if i * WORD >= t.PtrBytes || t.GCData.is_null() {
        return false;
    }
    // SAFETY: GCData has PtrBytes/8 bits.
    unsafe { *t.GCData.add(i / 8) >> (i % 8) & 1 == 1 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::{Field, GoString};
    use crate::typedesc::{basic, blank};

    fn leak<T>(v: T) -> &'static mut T {
        Box::leak(Box::new(v))
    }

    #[test]
    fn struct_and_array_bitmaps() {
        let int = basic(Kind::Int, "int");
        let s = basic(Kind::String, "string");
        let mut p = blank(Kind::Pointer, "*int", 8, 8, 0);
        p.elem = int;
        let p: &'static TypeDesc = leak(p);
        // struct { a int; b string; c *int; d int }: words 1 and 3 are pointers.
        let fs: &'static [Field] = Box::leak(Box::new([
            Field { name: GoString::EMPTY, typ: int, offset: 0, embedded: false },
            Field { name: GoString::EMPTY, typ: s, offset: 8, embedded: false },
            Field { name: GoString::EMPTY, typ: p, offset: 24, embedded: false },
            Field { name: GoString::EMPTY, typ: int, offset: 32, embedded: false },
        ]));
        let mut st = blank(Kind::Struct, "struct", 40, 8, 0);
        st.fields = fs.as_ptr();
        st.n_fields = 4;
        let st = leak(st);
        // SAFETY: complete descriptor, not shared.
        unsafe { fill_gcdata(st) };
        assert_eq!(st.PtrBytes, 32);
        assert!(!is_ptr_word(st, 0) && is_ptr_word(st, 1) && !is_ptr_word(st, 2) && is_ptr_word(st, 3) && !is_ptr_word(st, 4));
        // [3]struct{...}: the element's bitmap repeated every 5 words; the trailing int is not in PtrBytes.
        let mut arr = blank(Kind::Array, "[3]struct", 120, 8, 0);
        arr.elem = st;
        arr.len = 3;
        let arr = leak(arr);
        // SAFETY: as above.
        unsafe { fill_gcdata(arr) };
        assert_eq!(arr.PtrBytes, (2 * 5 + 4) * 8);
        let want = [1, 3, 6, 8, 11, 13];
        for w in 0..15 {
            assert_eq!(is_ptr_word(arr, w), want.contains(&w), "word {w}");
        }
        // pointer-free types have no bitmap
        let mut ints = blank(Kind::Array, "[4]int", 32, 8, 0);
        ints.elem = int;
        ints.len = 4;
        let ints = leak(ints);
        // SAFETY: as above.
        unsafe { fill_gcdata(ints) };
        assert_eq!((ints.PtrBytes, ints.GCData.is_null()), (0, true));
    }
}
