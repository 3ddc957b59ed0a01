//! `abi.ITab`: the method table of a (concrete type, interface) pair, as gc lays it out.
//!
//! ```text
//! 0   Inter *InterfaceType
//! 8   Type  *Type
//! 16  Hash  uint32 (copy of Type.Hash, for type switches), 4 bytes padding
//! 24  Fun   [len(Inter.Methods)]uintptr: entries taking the receiver as an interface data word
//! ```
//! Invariant: an itab is complete (`Fun[0] != 0` whenever the interface has methods) and lives
//! forever; JIT code loads `Fun[i]` at [`ITAB_FUN_OFFSET`]` + 8*i` and `Type` at [`ITAB_TYPE_OFFSET`].

use super::r#type::Type;

/// `abi.ITab` (the `fun` array is a trailing array of `inter.imethods().len()` words).
#[repr(C)]
pub struct ITab {
    pub inter: *const Type,
    pub typ: *const Type,
    pub hash: u32,
    pub _pad: u32,
    pub fun: [*const u8; 0],
}

/// Offset of `ITab.Type`.
pub const ITAB_TYPE_OFFSET: i32 = 8;
/// Offset of `ITab.Fun[0]`.
pub const ITAB_FUN_OFFSET: i32 = 24;

impl ITab {
    /// Bytes of an itab with `n` methods.
    pub fn size(n: usize) -> usize {
        ITAB_FUN_OFFSET as usize + 8 * n
    }

    /// Writes the header and entries of an itab into `p`.
    ///
    /// # Safety
    /// `p` is writable for [`ITab::size`]`(fun.len())` bytes, 8-aligned.
    pub unsafe fn write(p: *mut ITab, inter: *const Type, typ: &Type, fun: &[*const u8]) {
        // SAFETY: guaranteed by the caller.
        unsafe {
            (*p).inter = inter;
            (*p).typ = typ;
            (*p).hash = typ.hash;
            let f = (p as *mut u8).add(ITAB_FUN_OFFSET as usize) as *mut *const u8;
            for (i, c) in fun.iter().enumerate() {
                *f.add(i) = *c;
            }
        }
    }

    /// Entry `i` of `Fun`.
    ///
    /// # Safety
    /// `i` is below the interface's method count.
    pub unsafe fn fun(&self, i: usize) -> *const u8 {
        // SAFETY: guaranteed by the caller.
        unsafe { *((self as *const ITab as *const u8).add(ITAB_FUN_OFFSET as usize) as *const *const u8).add(i) }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn offsets_match_gc() {
        assert_eq!(std::mem::offset_of!(super::ITab, hash), 16);
        assert_eq!(std::mem::offset_of!(super::ITab, fun), super::ITAB_FUN_OFFSET as usize);
        assert_eq!(std::mem::offset_of!(super::ITab, typ), super::ITAB_TYPE_OFFSET as usize);
    }
}
