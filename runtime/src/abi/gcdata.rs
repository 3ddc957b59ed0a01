//! gc's pointer data of a type: `PtrBytes` (`types.PtrDataSize`) and the `GCData` pointer mask
//! (`reflectdata.dgcptrmask` over `typebits.Set`), computed from descriptors whose element and
//! field descriptors are already complete (the collector reads exactly these).
//!
//! Rules (amd64, 8-byte words): pointers, `unsafe.Pointer`, funcs, chans and maps are one pointer
//! word; a string or slice has its pointer in word 0; an interface's pointer is its *second* word
//! (the type/itab word points to static data and is not scanned) but `PtrBytes` covers both words;
//! an array repeats its element's mask; a struct its fields' at their offsets. `PtrBytes` ends
//! after the last pointer word's container: a struct's last pointerful field `offset + PtrBytes`,
//! an array's `(len-1)*elem.size + elem.PtrBytes`. The mask has one bit per word (LSB first)
//! of the first `PtrBytes`, padded to a multiple of 8 bytes; more than `8*MaxPtrmaskBytes` words
//! make the mask "on demand" (`TFlagGCMaskOnDemand`, `GCData` points to a zero word to fill).

use super::r#type::{Kind, Type, MAX_PTRMASK_BYTES};

/// `types.PtrDataSize` of a `kind` type from its complete children.
pub fn ptr_bytes(t: &Type) -> usize {
    match t.kind() {
        Kind::Array => {
            let e = t.elem();
            let eb = component_ptr_bytes(e);
            if t.len() > 0 && eb > 0 { e.size() * (t.len() - 1) + eb } else { 0 }
        }
        Kind::Struct => t
            .fields()
            .iter()
            .rev()
            .find(|f| component_ptr_bytes(f.typ()) > 0)
            .map_or(0, |f| f.offset + component_ptr_bytes(f.typ())),
        _ => component_ptr_bytes(t),
    }
}

/// `PtrBytes` of a component type: pointer-shaped kinds by their kind alone, because in a
/// recursive type (`type node struct{ next *node }` reached through `*node` first) the component's
/// descriptor may still be under construction, its own `ptr_bytes` not yet computed; arrays and
/// structs by their (complete) descriptor: a type cannot contain itself by value.
fn component_ptr_bytes(t: &Type) -> usize {
    match t.kind() {
        Kind::Pointer | Kind::UnsafePointer | Kind::Func | Kind::Chan | Kind::Map | Kind::String | Kind::Slice => 8,
        Kind::Interface => 16,
        Kind::Array | Kind::Struct => t.ptr_bytes,
        _ => 0,
    }
}

/// `typebits.Set`: marks the pointer words of a `t` value at byte offset `off` in `bits`.
pub fn set_bits(t: &Type, off: usize, bits: &mut [u8]) {
    if component_ptr_bytes(t) == 0 {
        return;
    }
    let mut set = |word: usize| bits[word / 8] |= 1 << (word % 8);
    match t.kind() {
        Kind::Interface => set(off / 8 + 1),
        Kind::Array => {
            let e = t.elem();
            for i in 0..t.len() {
                set_bits(e, off + i * e.size(), bits);
            }
        }
        Kind::Struct => {
            for f in t.fields() {
                set_bits(f.typ(), off + f.offset, bits);
            }
        }
        _ => set(off / 8),
    }
}

/// The mask bytes gc's `dgcptrmask` emits for `t` (`None` when the mask is built on demand).
pub fn ptrmask(t: &Type) -> Option<Vec<u8>> {
    let words = t.ptr_bytes / 8;
    if words > MAX_PTRMASK_BYTES * 8 {
        return None;
    }
    let n = (words + 7) / 8;
    let mut mask = vec![0u8; (n + 7) & !7];
    set_bits(t, 0, &mut mask);
    Some(mask)
}
