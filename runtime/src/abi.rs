//! The binary contract between JIT code and the runtime: how Go values are laid out in memory and
//! passed in registers, and the `#[repr(C)]` descriptors the compiler builds for the runtime.
//!
//! The compiler (`src/lower`, `src/jit`) constructs these structs directly (it links this crate),
//! leaks them, and embeds their addresses in generated code. Identical Go types share one
//! [`TypeDesc`] (the compiler interns them), so **type identity is pointer equality** at run time.
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
//! `*const TypeDesc` and a pointer to the value in memory.
//!
//! ## Interface data word
//! The data word of an interface holds the value itself when the dynamic type is *pointer-shaped*
//! (pointer, map, func: [`TF_DIRECT`] set); otherwise it points to an immutable heap copy of the value
//! (zero-sized values may point to any valid address). A nil interface is `{0, 0}`.
//!
//! ## Func values and the Go calling convention
//! A func value is a pointer to a closure object whose first word is the code address:
//! `[code, captured...]`; nil is 0. Every Go function, method and closure body is compiled with
//! Cranelift's `tail` calling convention and takes the closure pointer as a hidden first parameter
//! `ctx: i64` (top-level functions ignore it), then its parameters, flattened to words as in the
//! table above, and returns its results flattened the same way. A top-level function used as a value
//! gets a static closure object `[code]`.
//!
//! ## Methods
//! [`Method::ifn`] (and each [`Itab`] entry) is an entry point with the Go calling convention taking
//! `ctx` (unused, pass 0), then the receiver **as an interface data word**, then the method's
//! parameters. For pointer receivers that is the method itself; for value receivers of non-pointer
//! types the compiler emits a small adapter that loads the value from the data word.
//!
//! ## Interface method tables
//! A non-empty interface value's first word is an [`Itab`]: `{inter, typ, fun[n]}` where `fun[i]` is
//! the `ifn` of the dynamic type's method named by `inter.imethods[i]` (interface methods are sorted
//! by name). The runtime builds and caches itabs on demand (`gort_getitab`); the compiler may also
//! build them ahead of time for conversions it sees statically.
//!
//! # Worked example
//! ```text
//! type Celsius float64
//! func (c Celsius) String() string { ... }
//! var s fmt.Stringer = Celsius(21.5)
//! ```
//! `s` is `Iface { tab: &itab{inter: &Stringer, typ: &main.Celsius, fun: [adapter(Celsius.String)]},
//! data: &heapcopy(21.5) }`; `main.Celsius`'s `TypeDesc` has kind `Float64`, name `"main.Celsius"`,
//! and one `Method { name: "String", typ: &"func() string", ifn: adapter }`.

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
    pub typ: *const TypeDesc,
    pub data: *mut u8,
}

/// A non-empty interface: method table and data word.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Iface {
    pub tab: *const Itab,
    pub data: *mut u8,
}

/// An interface method table. `fun` has `inter.n_imethods` entries (trailing array).
#[repr(C)]
pub struct Itab {
    pub inter: *const TypeDesc,
    pub typ: *const TypeDesc,
    pub fun: [*const u8; 0],
}

/// Kinds of Go types, as in Go's `reflect.Kind` (values chosen to match it).
#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Invalid = 0,
    Bool = 1,
    Int = 2,
    Int8 = 3,
    Int16 = 4,
    Int32 = 5,
    Int64 = 6,
    Uint = 7,
    Uint8 = 8,
    Uint16 = 9,
    Uint32 = 10,
    Uint64 = 11,
    Uintptr = 12,
    Float32 = 13,
    Float64 = 14,
    Complex64 = 15,
    Complex128 = 16,
    Array = 17,
    Chan = 18,
    Func = 19,
    Interface = 20,
    Map = 21,
    Pointer = 22,
    Slice = 23,
    String = 24,
    Struct = 25,
    UnsafePointer = 26,
}

/// [`TypeDesc::flags`]: values of this type are stored directly in an interface data word.
pub const TF_DIRECT: u8 = 1;
/// [`TypeDesc::flags`]: `==` is defined on this type (may still panic at run time for interfaces).
pub const TF_COMPARABLE: u8 = 2;
/// [`TypeDesc::flags`]: a defined (named) type such as `main.T` or `int`; `name` is its qualified name.
pub const TF_NAMED: u8 = 4;
/// [`TypeDesc::flags`]: `PtrBytes`/`GCData` have been computed (`crate::mem::mbitmap::fill_gcdata`);
/// without it a collector must treat every word of a value as a possible pointer.
pub const TF_GCDATA: u8 = 8;

/// Run-time description of a Go type. Built by the compiler, one per distinct type, never freed.
/// `PtrBytes`/`GCData` keep gc's `internal/abi.Type` names.
#[repr(C)]
#[allow(non_snake_case)]
pub struct TypeDesc {
    pub size: usize,
    pub align: u32,
    pub kind: Kind,
    pub flags: u8,
    /// The type as gc prints it in `%T`, `%v` of nil-typed things and panic messages:
    /// `int`, `main.T`, `*main.T`, `[]int`, `[3]string`, `map[string]int`, `func(int) string`,
    /// `interface {}`, `error`, `struct { a int }`.
    pub name: GoString,
    /// Pointer, slice, array: element type. Map: value type.
    pub elem: *const TypeDesc,
    /// Map: key type.
    pub key: *const TypeDesc,
    /// Array: length.
    pub len: usize,
    /// Struct: fields in declaration order.
    pub fields: *const Field,
    pub n_fields: usize,
    /// Named types and pointers to them: the method set, sorted by name (for `T`: value-receiver
    /// methods; for `*T`: all methods of `T`).
    pub methods: *const Method,
    pub n_methods: usize,
    /// Interface types: the methods, sorted by name.
    pub imethods: *const IMethod,
    pub n_imethods: usize,
    /// gc's `abi.Type.PtrBytes`: the prefix of a value of this type that can hold pointers (bytes,
    /// a multiple of 8; 0 for pointer-free types). Valid once [`TF_GCDATA`] is set.
    pub PtrBytes: usize,
    /// gc's `abi.Type.GCData`: one bit per word of the first `PtrBytes` bytes, least significant bit
    /// first, set where the word is a pointer (`crate::mem::mbitmap`). Null when `PtrBytes == 0`.
    pub GCData: *const u8,
}

// SAFETY: descriptors are immutable after construction and never freed.
unsafe impl Sync for TypeDesc {}
unsafe impl Send for TypeDesc {}

/// A struct field.
#[repr(C)]
pub struct Field {
    pub name: GoString,
    pub typ: *const TypeDesc,
    pub offset: usize,
    pub embedded: bool,
}

/// A method of a concrete type's method set.
#[repr(C)]
pub struct Method {
    pub name: GoString,
    /// The method's signature without the receiver, as a `Func` kind descriptor.
    pub typ: *const TypeDesc,
    /// Entry point: Go calling convention, receiver passed as an interface data word.
    pub ifn: *const u8,
}

/// A method of an interface type.
#[repr(C)]
pub struct IMethod {
    pub name: GoString,
    /// The method's signature, as a `Func` kind descriptor (interned: compare by pointer).
    pub typ: *const TypeDesc,
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
