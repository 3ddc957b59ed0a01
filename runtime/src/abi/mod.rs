//! The binary contract between JIT code and the runtime: how Go values are laid out in memory and
//! passed in registers, and gc's run-time type descriptors (`internal/abi` of Go 1.27), which the
//! compiler builds and the runtime reads.
//!
//! Submodules: `type` (`abi.Type`, the per-kind trailers, `UncommonType`, `Method`, and the
//! readers every runtime consumer uses), `name` (`abi.Name` encoding), `itab` (`abi.ITab`),
//! `module` (the region descriptors live in; `resolveNameOff`/`resolveTypeOff`/`resolveTextOff`),
//! `gcdata` (`PtrBytes` and pointer masks), `typehash` (gc's `TypeHash`), `build` (the one writer
//! of descriptors, used by the compiler and by the runtime's own types).
//!
//! Identical Go types share one descriptor (the compiler interns them; across packages the key
//! is gc's linker name), so **type identity is pointer equality** at run time.
//!
//! # Go values
//! | Go type                      | memory layout (size, align)            | SSA / register words        |
//! |------------------------------|----------------------------------------|-----------------------------|
//! | bool, int8, uint8            | 1, 1 (bool is 0 or 1)                  | one I8                      |
//! | int16, uint16                | 2, 2                                   | one I16                     |
//! | int32, uint32, rune          | 4, 4                                   | one I32                     |
//! | int, int64, uint, uint64, uintptr | 8, 8                              | one I64                     |
//! | float64 / float32            | 8, 8 / 4, 4                            | one F64 / F32               |
//! | pointer, map, func           | 8, 8 (nil = 0)                         | one I64                     |
//! | string                       | [`GoString`] 16, 8                     | ptr, len                    |
//! | slice                        | [`GoSlice`] 24, 8                      | ptr, len, cap               |
//! | interface (empty)            | [`Eface`] 16, 8                        | typ, data                   |
//! | interface (with methods)     | [`Iface`] 16, 8                        | tab, data                   |
//! | struct                       | Go's layout: fields in order, each at a multiple of its align; size rounded up to the struct's align |
//! | array [N]T                   | N * size(T), align(T)                  |                             |
//!
//! How struct and array values travel between Go functions is the compiler's private business
//! (`src/lower`), but any runtime function taking "a Go value of arbitrary type" receives a
//! `*const Type` and a pointer to the value in memory.
//!
//! ## Interface data word
//! The data word of an interface holds the value itself when the dynamic type is *pointer-shaped*
//! (pointer, map, func, chan: `TFlagDirectIface` set); otherwise it points to an immutable heap
//! copy of the value (zero-sized values may point to any valid address). A nil interface is `{0, 0}`.
//!
//! ## Func values and the Go calling convention
//! A func value is a pointer to a closure object whose first word is the code address:
//! `[code, captured...]`; nil is 0. Every Go function, method and closure body is compiled with
//! Cranelift's `tail` calling convention and takes the closure pointer as a hidden first parameter
//! `ctx: i64` (top-level functions ignore it), then its parameters, flattened to words as in the
//! table above, and returns its results flattened the same way. A top-level function used as a value
//! gets a static closure object `[code]`. `Type.Equal` and `MapType.Hasher` are such func values:
//! closures `[code, type]` (see `module`).
//!
//! ## Methods
//! A method's `Ifn` (and each [`ITab`] entry) is an entry point with the Go calling convention
//! taking `ctx` (unused, pass 0), then the receiver **as an interface data word**, then the
//! method's parameters. For pointer receivers that is the method itself; for value receivers of
//! non-pointer types the compiler emits a small adapter that loads the value from the data word.
//! `Tfn` is the same entry (gojit has no separate direct-call wrapper yet).
//!
//! ## Interface method tables
//! A non-empty interface value's first word is an [`ITab`]: `{Inter, Type, Hash, Fun[n]}` where
//! `Fun[i]` is the `Ifn` of the dynamic type's method named by `Inter.Methods[i]` (methods in
//! gc's order: exported first, then by name). The runtime builds and caches itabs on demand
//! (`gort_getitab`); the compiler builds them ahead of time for conversions it sees statically.
//!
//! # Worked example
//! ```text
//! type Celsius float64
//! func (c Celsius) String() string { ... }
//! var s fmt.Stringer = Celsius(21.5)
//! ```
//! `s` is `Iface { tab: &itab{Inter: &Stringer, Type: &main.Celsius, Hash, Fun: [adapter(Celsius.String)]},
//! data: &heapcopy(21.5) }`; `main.Celsius`'s descriptor has `Kind_` `Float64`, `TFlag` Uncommon |
//! ExtraStar | Named | RegularMemory, `Str` naming `"*main.Celsius"`, an `UncommonType` with
//! `PkgPath` `"main"` and one `Method { Name: "String", Mtyp: &"func() string", Ifn: adapter }`.

pub mod build;
pub mod gcdata;
pub mod itab;
pub mod module;
pub mod name;
pub mod r#type;
pub mod typehash;

pub use itab::ITab;
pub use name::Name;
pub use r#type::*;

use std::ptr;

/// A Go string header. `ptr` may be dangling (any non-null value) when `len == 0`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct GoString {
    pub ptr: *const u8,
    pub len: isize,
}

impl GoString {
    pub const EMPTY: GoString = GoString { ptr: ptr::null(), len: 0 };

    /// A string header for bytes that live forever (constants, leaked buffers).
    pub fn from_static(s: &'static [u8]) -> GoString {
        GoString { ptr: s.as_ptr(), len: s.len() as isize }
    }

    /// # Safety
    /// `ptr` must point to `len` readable bytes that outlive the returned slice.
    pub unsafe fn as_bytes<'a>(&self) -> &'a [u8] {
        if self.len == 0 {
            return &[];
        }
        // SAFETY: the caller guarantees ptr..ptr+len is readable.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len as usize) }
    }
}

/// A Go slice header.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct GoSlice {
    pub ptr: *mut u8,
    pub len: isize,
    pub cap: isize,
}

/// An empty interface (`any`): dynamic type and data word (see the module docs).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Eface {
    pub typ: *const Type,
    pub data: *mut u8,
}

/// A non-empty interface: method table and data word.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Iface {
    pub tab: *const ITab,
    pub data: *mut u8,
}

/// State of a `for k, v := range m` loop. The compiler reserves [`MAP_ITER_SIZE`] bytes (8-aligned)
/// in the frame, calls `gort_mapiterinit` once and `gort_mapiternext` before every iteration; after
/// each call `key` is null when the loop is done, otherwise `key`/`val` point to the current entry
/// (copy them out before the next runtime call). The remaining words are private to the runtime.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct MapIter {
    pub key: *mut u8,
    pub val: *mut u8,
    pub private: [usize; 7],
}

/// Size in bytes of a [`MapIter`].
pub const MAP_ITER_SIZE: usize = std::mem::size_of::<MapIter>();
