//! gc's run-time type descriptor, `internal/abi.Type` of Go 1.27, byte for byte, with its per-kind
//! trailers (`ArrayType`, `ChanType`, `FuncType`, `InterfaceType`, `MapType`, `PtrType`,
//! `SliceType`, `StructType`), `UncommonType` and its method table, and the readers the runtime
//! uses instead of raw offsets.
//!
//! A descriptor is laid out as gc's `writeType` does (`cmd/compile/internal/reflectdata`):
//! ```text
//! 0  Type (48 bytes)                      Size_, PtrBytes, Hash, TFlag, Align_, FieldAlign_,
//!                                          Kind_, Equal, GCData, Str, PtrToThis
//! 48 kind trailer                          e.g. PtrType.Elem; StructType.PkgPath, Fields
//! B  UncommonType (16 bytes, optional)     PkgPath, Mcount, Xcount, Moff; TFlagUncommon set
//! C  variable data                         []StructField, []Imethod, func in/out *Type
//! D  [Mcount]Method                        Name, Mtyp, Ifn, Tfn (Moff = D - B)
//! ```
//! Invariants: descriptors live in the module region ([`super::module`]) so their `NameOff`s and
//! `TypeOff`s resolve; they are immutable once built (method `TextOff` slots are written when the
//! code is finalized, before any Go code runs); one descriptor per Go type (pointer identity).

use std::mem::size_of;

use super::module::{resolve_name_off, resolve_text_off, resolve_type_off};
use super::name::Name;
use super::GoSlice;

/// `abi.NameOff`: offset of an [`Name`] from its module's base.
pub type NameOff = i32;
/// `abi.TypeOff`: offset of a [`Type`] from its module's base.
pub type TypeOff = i32;
/// `abi.TextOff`: a code reference resolved by [`resolve_text_off`] (-1: no code).
pub type TextOff = i32;

/// `abi.Kind`: kinds of Go types, values as gc's (and `reflect.Kind`'s).
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

impl Kind {
    /// The kind with value `v` (`Invalid` for values gc does not define).
    pub fn from_u8(v: u8) -> Kind {
        if v <= Kind::UnsafePointer as u8 {
            // SAFETY: Kind is repr(u8) with every value 0..=26 defined.
            unsafe { std::mem::transmute::<u8, Kind>(v) }
        } else {
            Kind::Invalid
        }
    }
}

/// `abi.TFlagUncommon`: an [`UncommonType`] follows the kind trailer.
pub const TFLAG_UNCOMMON: u8 = 1 << 0;
/// `abi.TFlagExtraStar`: `Str` names `*T`; the type's string is that name without its first byte.
pub const TFLAG_EXTRA_STAR: u8 = 1 << 1;
/// `abi.TFlagNamed`: a defined type (`main.T`, `int`, `error`).
pub const TFLAG_NAMED: u8 = 1 << 2;
/// `abi.TFlagRegularMemory`: `==` and hashing may treat a value as `Size_` plain bytes.
pub const TFLAG_REGULAR_MEMORY: u8 = 1 << 3;
/// `abi.TFlagGCMaskOnDemand`: `GCData` points to a word the collector fills with the mask on demand.
pub const TFLAG_GC_MASK_ON_DEMAND: u8 = 1 << 4;
/// `abi.TFlagDirectIface`: values are stored directly in an interface data word (pointer-shaped).
pub const TFLAG_DIRECT_IFACE: u8 = 1 << 5;

/// `abi.MaxPtrmaskBytes`: types with more pointer-data words than `8 * MAX_PTRMASK_BYTES` get their
/// mask on demand.
pub const MAX_PTRMASK_BYTES: usize = 16;

/// `abi.Type`.
#[repr(C)]
pub struct Type {
    pub size_: usize,
    /// Number of prefix bytes that can contain pointers (gc's `PtrDataSize`).
    pub ptr_bytes: usize,
    /// gc's `types.TypeHash`: the first 4 bytes (little-endian) of `cmd/internal/hash.Sum32` of
    /// the type's linker string.
    pub hash: u32,
    pub tflag: u8,
    pub align_: u8,
    pub field_align_: u8,
    pub kind_: u8,
    /// `func(unsafe.Pointer, unsafe.Pointer) bool`: a func value (closure pointer), null when the
    /// type is not comparable.
    pub equal: *const usize,
    /// The pointer bitmap: one bit per word of the first `ptr_bytes` bytes (or, with
    /// [`TFLAG_GC_MASK_ON_DEMAND`], a pointer to a word holding it once computed).
    pub gcdata: *const u8,
    /// The type's string (`*`-prefixed when [`TFLAG_EXTRA_STAR`]).
    pub str_: NameOff,
    /// `*T`'s descriptor, 0 when none was built.
    pub ptr_to_this: TypeOff,
}

// SAFETY: descriptors are immutable after construction and never freed.
unsafe impl Sync for Type {}
unsafe impl Send for Type {}

/// `abi.ArrayType`.
#[repr(C)]
pub struct ArrayType {
    pub typ: Type,
    pub elem: *const Type,
    /// `[]elem`.
    pub slice: *const Type,
    pub len: usize,
}

/// `abi.ChanDir` values.
pub const RECV_DIR: isize = 1;
pub const SEND_DIR: isize = 2;
pub const BOTH_DIR: isize = 3;

/// `abi.ChanType`.
#[repr(C)]
pub struct ChanType {
    pub typ: Type,
    pub elem: *const Type,
    pub dir: isize,
}

/// `abi.FuncType`: `InCount` then `OutCount` (top bit: variadic) parameter/result types follow
/// the optional uncommon section.
#[repr(C)]
pub struct FuncType {
    pub typ: Type,
    pub in_count: u16,
    pub out_count: u16,
}

/// `abi.Imethod`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Imethod {
    pub name: NameOff,
    /// The method's `FuncType`.
    pub typ: TypeOff,
}

/// `abi.InterfaceType`: methods sorted as gc's `types.CompareSyms` (exported first, then by name).
#[repr(C)]
pub struct InterfaceType {
    pub typ: Type,
    pub pkg_path: Name,
    pub methods: GoSlice,
}

/// `abi.MapType` (1.27, swiss tables; `ElemOff` is set without `GOEXPERIMENT=mapsplitgroup`).
#[repr(C)]
pub struct MapType {
    pub typ: Type,
    pub key: *const Type,
    pub elem: *const Type,
    /// `map.group[K]V`: `struct { ctrl uint64; slots [8]struct { key K; elem V } }`.
    pub group: *const Type,
    /// `func(unsafe.Pointer, uintptr) uintptr` hashing a key (a func value).
    pub hasher: *const usize,
    pub group_size: usize,
    pub keys_off: usize,
    pub key_stride: usize,
    pub elems_off: usize,
    pub elem_stride: usize,
    pub elem_off: usize,
    pub flags: u32,
}

/// `abi.MapNeedKeyUpdate` .. `abi.MapIndirectElem`.
pub const MAP_NEED_KEY_UPDATE: u32 = 1;
pub const MAP_HASH_MIGHT_PANIC: u32 = 2;
pub const MAP_INDIRECT_KEY: u32 = 4;
pub const MAP_INDIRECT_ELEM: u32 = 8;
/// `abi.MapGroupSlots`, `abi.MapMaxKeyBytes`, `abi.MapMaxElemBytes`.
pub const MAP_GROUP_SLOTS: usize = 8;
pub const MAP_MAX_KEY_BYTES: usize = 128;
pub const MAP_MAX_ELEM_BYTES: usize = 128;

/// `abi.PtrType`.
#[repr(C)]
pub struct PtrType {
    pub typ: Type,
    pub elem: *const Type,
}

/// `abi.SliceType`.
#[repr(C)]
pub struct SliceType {
    pub typ: Type,
    pub elem: *const Type,
}

/// `abi.StructField`.
#[repr(C)]
pub struct StructField {
    /// Name (always non-empty), tag, exported and embedded bits.
    pub name: Name,
    pub typ: *const Type,
    pub offset: usize,
}

/// `abi.StructType`.
#[repr(C)]
pub struct StructType {
    pub typ: Type,
    /// The package of the unexported field names (null when every field is exported).
    pub pkg_path: Name,
    pub fields: GoSlice,
}

/// `abi.UncommonType`.
#[repr(C)]
pub struct UncommonType {
    /// Import path of the defining package (0 for predeclared types).
    pub pkg_path: NameOff,
    pub mcount: u16,
    /// Number of exported methods (they come first).
    pub xcount: u16,
    /// Offset from this header to `[mcount]Method`.
    pub moff: u32,
    pub _unused: u32,
}

/// `abi.Method`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Method {
    pub name: NameOff,
    /// The method's type without receiver (`FuncType`).
    pub mtyp: TypeOff,
    /// Entry taking the receiver as an interface data word.
    pub ifn: TextOff,
    /// Entry for ordinary method calls.
    pub tfn: TextOff,
}

/// Size of the fixed part (common header plus kind trailer) of a `kind` descriptor: gc's `B`.
pub fn trailer_size(kind: Kind) -> usize {
    match kind {
        Kind::Array => size_of::<ArrayType>(),
        Kind::Chan => size_of::<ChanType>(),
        Kind::Func => size_of::<FuncType>(),
        Kind::Interface => size_of::<InterfaceType>(),
        Kind::Map => size_of::<MapType>(),
        Kind::Pointer => size_of::<PtrType>(),
        Kind::Slice => size_of::<SliceType>(),
        Kind::Struct => size_of::<StructType>(),
        _ => size_of::<Type>(),
    }
}

/// # Safety
/// `p` valid for `n` elements when `n > 0`.
unsafe fn slice_of<'a, T>(p: *const T, n: usize) -> &'a [T] {
    if n == 0 || p.is_null() {
        &[]
    } else {
        // SAFETY: guaranteed by the caller.
        unsafe { std::slice::from_raw_parts(p, n) }
    }
}

impl Type {
    pub fn kind(&self) -> Kind {
        Kind::from_u8(self.kind_)
    }
    pub fn size(&self) -> usize {
        self.size_
    }
    pub fn align(&self) -> usize {
        self.align_.max(1) as usize
    }
    /// `Type.IsDirectIface`: pointer-shaped, stored directly in an interface data word.
    pub fn is_direct_iface(&self) -> bool {
        self.tflag & TFLAG_DIRECT_IFACE != 0
    }
    /// `==` is defined (gc's `Equal != nil`; interfaces may still panic at run time).
    pub fn comparable(&self) -> bool {
        !self.equal.is_null()
    }
    /// `Type.HasName`.
    pub fn has_name(&self) -> bool {
        self.tflag & TFLAG_NAMED != 0
    }
    pub fn pointers(&self) -> bool {
        self.ptr_bytes != 0
    }

    /// The type's string as gc's `rtype.String` (`int`, `main.T`, `*main.T`, `[]int`, `func(int)
    /// string`, `interface {}`, `struct { a int }`).
    pub fn string(&self) -> &'static [u8] {
        // SAFETY: Str resolves in this descriptor's module (the region invariant).
        let n = unsafe { Name::from_ptr(resolve_name_off(self as *const Type as *const u8, self.str_)) };
        let s = n.name();
        if self.tflag & TFLAG_EXTRA_STAR != 0 && !s.is_empty() { &s[1..] } else { s }
    }

    /// [`Type::string`] as a Rust string (lossy for invalid UTF-8).
    pub fn string_lossy(&self) -> String {
        String::from_utf8_lossy(self.string()).into_owned()
    }

    fn trailer<T>(&self) -> &T {
        // SAFETY: callers check the kind, and a descriptor of that kind is laid out as T.
        unsafe { &*(self as *const Type as *const T) }
    }

    /// `Type.Elem` (array, chan, map value, pointer, slice); null for other kinds.
    pub fn elem_ptr(&self) -> *const Type {
        match self.kind() {
            Kind::Array => self.trailer::<ArrayType>().elem,
            Kind::Chan => self.trailer::<ChanType>().elem,
            Kind::Map => self.trailer::<MapType>().elem,
            Kind::Pointer => self.trailer::<PtrType>().elem,
            Kind::Slice => self.trailer::<SliceType>().elem,
            _ => std::ptr::null(),
        }
    }

    /// `Type.Elem`; panics (a runtime bug) for kinds without one.
    pub fn elem(&self) -> &'static Type {
        let e = self.elem_ptr();
        assert!(!e.is_null(), "abi: Elem of {:?} type", self.kind());
        // SAFETY: element descriptors are valid and live forever.
        unsafe { &*e }
    }

    /// `Type.Key` of a map type.
    pub fn key(&self) -> &'static Type {
        assert_eq!(self.kind(), Kind::Map);
        // SAFETY: map descriptors have a valid key type.
        unsafe { &*self.trailer::<MapType>().key }
    }

    /// The `MapType` trailer of a map type.
    pub fn map_type(&self) -> &MapType {
        assert_eq!(self.kind(), Kind::Map);
        self.trailer::<MapType>()
    }

    /// `Type.Len` (0 unless an array).
    pub fn len(&self) -> usize {
        if self.kind() == Kind::Array { self.trailer::<ArrayType>().len } else { 0 }
    }

    /// `ChanType.Dir` (0 unless a channel).
    pub fn chan_dir(&self) -> isize {
        if self.kind() == Kind::Chan { self.trailer::<ChanType>().dir } else { 0 }
    }

    /// The fields of a struct type (empty for other kinds).
    pub fn fields(&self) -> &'static [StructField] {
        if self.kind() != Kind::Struct {
            return &[];
        }
        let st = self.trailer::<StructType>();
        // SAFETY: Fields points at len StructFields in the descriptor.
        unsafe { slice_of(st.fields.ptr as *const StructField, st.fields.len as usize) }
    }

    /// The interface's methods (empty for other kinds).
    /// The runtime's `rtype.pkgpath`: the uncommon section's `PkgPath`, else a struct's or an
    /// interface's own `PkgPath` (what tells "types from different packages" in a failed
    /// assertion's message).
    pub fn rtype_pkgpath(&self) -> &'static [u8] {
        if self.uncommon().is_some() {
            return self.pkg_path();
        }
        match self.kind() {
            Kind::Struct => self.trailer::<StructType>().pkg_path.name(),
            Kind::Interface => self.interface_pkg_path(),
            _ => b"",
        }
    }

    /// An interface's `PkgPath` (the package of its unexported methods; empty when none).
    pub fn interface_pkg_path(&self) -> &'static [u8] {
        if self.kind() != Kind::Interface {
            return b"";
        }
        self.trailer::<InterfaceType>().pkg_path.name()
    }

    pub fn imethods(&self) -> &'static [Imethod] {
        if self.kind() != Kind::Interface {
            return &[];
        }
        let it = self.trailer::<InterfaceType>();
        // SAFETY: Methods points at len Imethods in the descriptor.
        unsafe { slice_of(it.methods.ptr as *const Imethod, it.methods.len as usize) }
    }

    /// Offset of the uncommon section (gc's `B`).
    fn uncommon_off(&self) -> usize {
        trailer_size(self.kind())
    }

    /// `Type.Uncommon`.
    pub fn uncommon(&self) -> Option<&'static UncommonType> {
        if self.tflag & TFLAG_UNCOMMON == 0 {
            return None;
        }
        // SAFETY: TFlagUncommon says an UncommonType follows the trailer.
        Some(unsafe { &*((self as *const Type as *const u8).add(self.uncommon_off()) as *const UncommonType) })
    }

    /// The method set (`UncommonType.Methods`), sorted as gc: exported first, then by name.
    pub fn methods(&self) -> &'static [Method] {
        match self.uncommon() {
            // SAFETY: Moff locates Mcount Methods after the uncommon header.
            Some(u) => unsafe { slice_of((u as *const UncommonType as *const u8).add(u.moff as usize) as *const Method, u.mcount as usize) },
            None => &[],
        }
    }

    /// Input then output parameter types of a func type.
    fn func_params(&self) -> &'static [*const Type] {
        if self.kind() != Kind::Func {
            return &[];
        }
        let ft = self.trailer::<FuncType>();
        let mut off = size_of::<FuncType>();
        if self.tflag & TFLAG_UNCOMMON != 0 {
            off += size_of::<UncommonType>();
        }
        let n = ft.in_count as usize + (ft.out_count & 0x7fff) as usize;
        // SAFETY: the parameter array follows as gc lays it out.
        unsafe { slice_of((self as *const Type as *const u8).add(off) as *const *const Type, n) }
    }

    /// `FuncType.InSlice`.
    pub fn func_in(&self) -> &'static [*const Type] {
        let n = if self.kind() == Kind::Func { self.trailer::<FuncType>().in_count as usize } else { 0 };
        &self.func_params()[..n]
    }

    /// `FuncType.OutSlice`.
    pub fn func_out(&self) -> &'static [*const Type] {
        let n = if self.kind() == Kind::Func { self.trailer::<FuncType>().in_count as usize } else { 0 };
        &self.func_params()[n..]
    }

    /// `FuncType.IsVariadic`.
    pub fn is_variadic(&self) -> bool {
        self.kind() == Kind::Func && self.trailer::<FuncType>().out_count & 0x8000 != 0
    }

    /// The name a method or interface method refers to.
    pub fn name_off(&self, off: NameOff) -> Name {
        // SAFETY: method and interface-method names resolve in this descriptor's module.
        unsafe { Name::from_ptr(resolve_name_off(self as *const Type as *const u8, off)) }
    }

    /// The descriptor a `TypeOff` of this descriptor refers to.
    pub fn type_off(&self, off: TypeOff) -> &'static Type {
        // SAFETY: as for names.
        unsafe { &*resolve_type_off(self as *const Type as *const u8, off) }
    }

    /// The code a `TextOff` of this descriptor refers to (null for -1).
    pub fn text_off(&self, off: TextOff) -> *const u8 {
        resolve_text_off(self as *const Type as *const u8, off)
    }

    /// Method `m` of this type's method set, resolved.
    pub fn method_entry(&self, m: &Method) -> MethodEntry {
        let mtyp = if m.mtyp == 0 { std::ptr::null() } else { self.type_off(m.mtyp) as *const Type };
        MethodEntry { name: self.name_off(m.name).name(), mtyp, ifn: self.text_off(m.ifn) }
    }

    /// The method set, resolved.
    pub fn method_entries(&self) -> impl Iterator<Item = MethodEntry> + '_ {
        self.methods().iter().map(|m| self.method_entry(m))
    }

    /// The method named `name`, if the method set has it.
    pub fn find_method(&self, name: &[u8]) -> Option<MethodEntry> {
        self.method_entries().find(|m| m.name == name)
    }

    /// The uncommon section's package path (empty when none).
    pub fn pkg_path(&self) -> &'static [u8] {
        match self.uncommon() {
            Some(u) if u.pkg_path != 0 => self.name_off(u.pkg_path).name(),
            _ => b"",
        }
    }
}

/// A method of a method set with its offsets resolved.
#[derive(Clone, Copy)]
pub struct MethodEntry {
    pub name: &'static [u8],
    /// Signature without receiver (null when the method table gives none).
    pub mtyp: *const Type,
    /// Interface-call entry (receiver as a data word).
    pub ifn: *const u8,
}

impl MethodEntry {
    /// The signature's string (`func() string`), empty when unknown.
    pub fn sig(&self) -> &'static [u8] {
        // SAFETY: non-null signature descriptors are valid.
        if self.mtyp.is_null() { b"" } else { unsafe { (*self.mtyp).string() } }
    }
}

impl StructField {
    pub fn typ(&self) -> &'static Type {
        // SAFETY: field types are valid descriptors.
        unsafe { &*self.typ }
    }
    pub fn embedded(&self) -> bool {
        self.name.is_embedded()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sizes gc's `rttype` package computes for amd64.
    #[test]
    fn layout_sizes_match_gc() {
        assert_eq!(size_of::<Type>(), 48);
        assert_eq!(std::mem::offset_of!(Type, equal), 24);
        assert_eq!(std::mem::offset_of!(Type, str_), 40);
        assert_eq!(size_of::<ArrayType>(), 72);
        assert_eq!(size_of::<ChanType>(), 64);
        assert_eq!(size_of::<FuncType>(), 56);
        assert_eq!(size_of::<InterfaceType>(), 80);
        assert_eq!(size_of::<MapType>(), 136);
        assert_eq!(size_of::<PtrType>(), 56);
        assert_eq!(size_of::<SliceType>(), 56);
        assert_eq!(size_of::<StructType>(), 80);
        assert_eq!(size_of::<StructField>(), 24);
        assert_eq!(size_of::<UncommonType>(), 16);
        assert_eq!(size_of::<Method>(), 16);
        assert_eq!(size_of::<Imethod>(), 8);
    }
}
