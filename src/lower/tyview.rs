//! The lowerer's view of Go types: the machine representation ([`Repr`]) of a checked type and
//! small classification helpers over the checker's [`TypeTable`].
//!
//! Invariants:
//! * `Repr::Words` lists the SSA words of a value in memory order; each word sits at the offset
//!   returned by [`word_offsets`] (the abi/mod.rs layout), so loading/storing a value is a loop over words.
//! * Structs and arrays are always `Repr::Mem`: they live in memory and travel by address.

use cranelift_codegen::ir::{Type, types};

use crate::types::{BasicKind, Type as GoType, TypeId, TypeTable};

/// How a value of a type is represented in SSA.
#[derive(Clone, Debug, PartialEq)]
pub enum Repr {
    /// Zero or more SSA words (scalars, strings, slices, interfaces, pointers, maps, funcs).
    Words(Vec<Type>),
    /// In memory (structs, arrays); the SSA value is an address.
    Mem { size: u64, align: u64 },
}

impl Repr {
    pub fn words(&self) -> &[Type] {
        match self {
            Repr::Words(w) => w,
            Repr::Mem { .. } => &[],
        }
    }
    pub fn is_mem(&self) -> bool {
        matches!(self, Repr::Mem { .. })
    }
}

/// Byte offsets of the words of a `Repr::Words` value in memory (abi/mod.rs layout).
pub fn word_offsets(words: &[Type]) -> Vec<i32> {
    let mut off = 0i32;
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        let sz = w.bytes() as i32;
        off = (off + sz - 1) / sz * sz;
        out.push(off);
        off += sz;
    }
    out
}

/// The Cranelift integer type of a width in bits.
pub fn int_type(bits: u32) -> Type {
    match bits {
        8 => types::I8,
        16 => types::I16,
        32 => types::I32,
        _ => types::I64,
    }
}

/// The machine representation of `t`.
pub fn repr(tt: &TypeTable, t: TypeId) -> Repr {
    let u = tt.under(t);
    let w = |v: &[Type]| Repr::Words(v.to_vec());
    match u {
        GoType::Basic(k) => match k {
            BasicKind::Bool | BasicKind::UntypedBool => w(&[types::I8]),
            BasicKind::Float32 => w(&[types::F32]),
            BasicKind::Float64 | BasicKind::UntypedFloat => w(&[types::F64]),
            BasicKind::Complex64 => w(&[types::F32, types::F32]),
            BasicKind::Complex128 | BasicKind::UntypedComplex => w(&[types::F64, types::F64]),
            BasicKind::String | BasicKind::UntypedString => w(&[types::I64, types::I64]),
            BasicKind::UntypedNil | BasicKind::UnsafePointer => w(&[types::I64]),
            BasicKind::Invalid => w(&[]),
            k => match k.int_bits() {
                Some((bits, _)) => w(&[int_type(bits)]),
                None => w(&[types::I64]),
            },
        },
        GoType::Pointer(_) | GoType::Map { .. } | GoType::Chan { .. } | GoType::Func(_) => w(&[types::I64]),
        // never reached: instances are lowered with every type parameter substituted
        GoType::TypeParam(_) | GoType::Constraint { .. } => w(&[]),
        GoType::Slice(_) => w(&[types::I64, types::I64, types::I64]),
        GoType::Interface { .. } => w(&[types::I64, types::I64]),
        GoType::Struct { .. } | GoType::Array { .. } => {
            let l = tt.layout(t);
            Repr::Mem { size: l.size, align: l.align.max(1) }
        }
        GoType::Named(_) | GoType::Tuple(_) => w(&[]),
    }
}

/// Integer facts of a type: (bits, signed), None for non-integers.
pub fn int_info(tt: &TypeTable, t: TypeId) -> Option<(u32, bool)> {
    match tt.under(t) {
        GoType::Basic(k) => k.int_bits().map(|(b, s)| (b, s)),
        _ => None,
    }
}

pub fn is_float(tt: &TypeTable, t: TypeId) -> bool {
    matches!(tt.under(t), GoType::Basic(k) if k.is_float())
}

pub fn is_complex(tt: &TypeTable, t: TypeId) -> bool {
    matches!(tt.under(t), GoType::Basic(k) if k.is_complex())
}

pub fn is_string(tt: &TypeTable, t: TypeId) -> bool {
    matches!(tt.under(t), GoType::Basic(k) if k.is_string())
}

pub fn is_interface(tt: &TypeTable, t: TypeId) -> bool {
    matches!(tt.under(t), GoType::Interface { .. })
}

pub fn is_empty_interface(tt: &TypeTable, t: TypeId) -> bool {
    matches!(tt.under(t), GoType::Interface { methods } if methods.is_empty())
}

/// Pointer-shaped types are stored directly in an interface data word.
pub fn is_direct_iface(tt: &TypeTable, t: TypeId) -> bool {
    matches!(
        tt.under(t),
        GoType::Pointer(_) | GoType::Map { .. } | GoType::Chan { .. } | GoType::Func(_) | GoType::Basic(BasicKind::UnsafePointer)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_follow_abi_layout() {
        assert_eq!(word_offsets(&[types::I64, types::I64]), vec![0, 8]);
        assert_eq!(word_offsets(&[types::I64, types::I64, types::I64]), vec![0, 8, 16]);
        assert_eq!(word_offsets(&[types::I8]), vec![0]);
    }
}
