//! The runtime's own descriptors (predeclared basic types, composite types built on them) and
//! test fixtures, built in gc's layout through [`crate::abi::build`].
//!
//! Descriptors built here live forever in the module region and are immutable once returned.
//! Strings follow gc's `%T` spelling (`[]int`, `map[string]int`, `*main.T`,
//! `struct { A int; B string }`, `interface {}`); a runtime type's linker string (its `Hash`) is
//! its string, which is gc's for every type built here (no unexported struct fields of literal
//! struct types, no local types).

use std::sync::OnceLock;

use crate::abi::build::{self, Common, FieldSpec, MethodName, MethodSpec, is_exported, method_order};
use crate::abi::*;

/// `("errors", "errorString")` for `"errors.errorString"`; `None` for predeclared names.
fn split_named(name: &str) -> Option<(&str, &str)> {
    name.rfind('.').map(|i| (&name[..i], &name[i + 1..]))
}

/// A descriptor with no trailer data: kind, size, align and the common facts.
fn new_type(kind: Kind, name: &str, size: usize, align: usize, named: bool, comparable: bool, regular: bool, n_var: usize) -> *mut Type {
    let t = build::alloc(kind, n_var, named, 0);
    // gc: the exported bit of Str is the defined type's (for `*T`, `T`'s) name's.
    let defined = |n: &str| !n.contains(|c: char| "[]*() {}".contains(c)) && split_named(n).is_some_and(|(_, s)| is_exported(s));
    let exported = if let Some(elem) = name.strip_prefix('*') { defined(elem) } else { named && defined(name) };
    let c = Common {
        kind,
        size,
        align,
        string: name,
        link: name,
        named,
        exported,
        comparable,
        regular_memory: regular,
        direct_iface: matches!(kind, Kind::Pointer | Kind::Map | Kind::Chan | Kind::Func | Kind::UnsafePointer),
    };
    // SAFETY: t is freshly allocated for kind; no Go code reads it.
    unsafe {
        build::init_common(t, &c);
        if named {
            build::set_uncommon(t, split_named(name).map(|(p, _)| p), &[]);
        }
    }
    t
}

/// Size of a basic kind.
pub fn basic_size(kind: Kind) -> usize {
    match kind {
        Kind::Bool | Kind::Int8 | Kind::Uint8 => 1,
        Kind::Int16 | Kind::Uint16 => 2,
        Kind::Int32 | Kind::Uint32 | Kind::Float32 => 4,
        Kind::String | Kind::Interface | Kind::Complex128 => 16,
        Kind::Slice => 24,
        _ => 8,
    }
}

/// A new (not interned) basic or named-basic type: `basic(Kind::Int, "main.MyInt")`.
pub fn basic(kind: Kind, name: &str) -> &'static Type {
    let size = basic_size(kind);
    let align = if kind == Kind::Complex64 { 4 } else { size.min(8) };
    let regular = !matches!(kind, Kind::Float32 | Kind::Float64 | Kind::Complex64 | Kind::Complex128 | Kind::String | Kind::Invalid);
    let t = new_type(kind, name, size, align, kind != Kind::Invalid, kind != Kind::Invalid, regular, 0);
    // SAFETY: basic types have no children.
    unsafe {
        build::finish(t);
        &*t
    }
}

/// The predeclared basic types by kind and gc name (`unsafe.Pointer` and `invalid` last).
pub const PREDECLARED: [(Kind, &str); 19] = [
    (Kind::Bool, "bool"),
    (Kind::Int, "int"),
    (Kind::Int8, "int8"),
    (Kind::Int16, "int16"),
    (Kind::Int32, "int32"),
    (Kind::Int64, "int64"),
    (Kind::Uint, "uint"),
    (Kind::Uint8, "uint8"),
    (Kind::Uint16, "uint16"),
    (Kind::Uint32, "uint32"),
    (Kind::Uint64, "uint64"),
    (Kind::Uintptr, "uintptr"),
    (Kind::Float32, "float32"),
    (Kind::Float64, "float64"),
    (Kind::Complex64, "complex64"),
    (Kind::Complex128, "complex128"),
    (Kind::String, "string"),
    (Kind::UnsafePointer, "unsafe.Pointer"),
    (Kind::Invalid, "invalid"),
];

struct SendPtr(Vec<&'static Type>);

/// The runtime's descriptor for a predeclared basic type (`int`, `string`, `uint8` for byte,
/// `int32` for rune ...).
pub fn predeclared(kind: Kind) -> &'static Type {
    static TABLE: OnceLock<SendPtr> = OnceLock::new();
    let t = TABLE.get_or_init(|| {
        SendPtr(
            PREDECLARED
                .iter()
                .map(|&(k, n)| {
                    if k == Kind::UnsafePointer {
                        // unsafe.Pointer: an exported name of package unsafe (gc's PkgPath "unsafe").
                        let t = new_type(k, n, 8, 8, true, true, true, 0);
                        // SAFETY: no children; the uncommon section was written by new_type.
                        unsafe {
                            build::finish(t);
                            &*t
                        }
                    } else {
                        basic(k, n)
                    }
                })
                .collect(),
        )
    });
    t.0.iter().find(|d| d.kind() == kind).copied().unwrap_or(t.0[PREDECLARED.len() - 1])
}

/// `*elem`.
pub fn ptr_to(elem: &'static Type) -> &'static Type {
    let name = format!("*{}", elem.string_lossy());
    let t = new_type(Kind::Pointer, &name, 8, 8, false, true, true, 0);
    // SAFETY: a pointer descriptor being built; its element is complete.
    unsafe {
        build::set_elem(t, elem);
        build::finish(t);
        if elem.ptr_to_this == 0 {
            build::set_ptr_to_this(elem as *const Type as *mut Type, t);
        }
        &*t
    }
}

/// `[]elem`.
pub fn slice_of(elem: &'static Type) -> &'static Type {
    let t = new_type(Kind::Slice, &format!("[]{}", elem.string_lossy()), 24, 8, false, false, false, 0);
    // SAFETY: as for ptr_to.
    unsafe {
        build::set_elem(t, elem);
        build::finish(t);
        &*t
    }
}

/// `[n]elem`.
pub fn array_of(elem: &'static Type, n: usize) -> &'static Type {
    let regular = elem.tflag & TFLAG_REGULAR_MEMORY != 0;
    let t = new_type(Kind::Array, &format!("[{n}]{}", elem.string_lossy()), elem.size() * n, elem.align(), false, elem.comparable(), regular, 0);
    // SAFETY: as for ptr_to.
    unsafe {
        build::set_array(t, elem, slice_of(elem), n);
        build::finish(t);
        &*t
    }
}

/// `map[key]val` (its group type `map.group[key]val` as gc lays it out, interleaved slots).
pub fn map_of(key: &'static Type, val: &'static Type) -> &'static Type {
    let name = format!("map[{}]{}", key.string_lossy(), val.string_lossy());
    let t = new_type(Kind::Map, &name, 8, 8, false, false, false, 0);
    // SAFETY: as for ptr_to.
    unsafe {
        set_map(t, key, val);
        build::finish(t);
        &*t
    }
}

/// Writes the map trailer of `t` (`map[key]elem`): gc's `MapGroupType` (1.27 default layout:
/// `struct { ctrl uint64; slots [8]struct { key K; elem V } }`, keys/elems over 128 bytes
/// stored indirectly) and `writeMapType`'s flags.
///
/// # Safety
/// `t` is a map descriptor being built.
pub unsafe fn set_map(t: *mut Type, key: &'static Type, elem: &'static Type) {
    let kt = if key.size() > MAP_MAX_KEY_BYTES { ptr_to(key) } else { key };
    let et = if elem.size() > MAP_MAX_ELEM_BYTES { ptr_to(elem) } else { elem };
    let slot = raw_struct("", &[("key", kt), ("elem", et)], false);
    let slots = array_raw(slot, MAP_GROUP_SLOTS);
    let gname = format!("map.group[{}]{}", key.string_lossy(), elem.string_lossy());
    let group = raw_struct(&gname, &[("ctrl", predeclared(Kind::Uint64)), ("slots", slots)], false);
    let mut flags = 0;
    if needs_key_update(key) {
        flags |= MAP_NEED_KEY_UPDATE;
    }
    if hash_might_panic(key) {
        flags |= MAP_HASH_MIGHT_PANIC;
    }
    if key.size() > MAP_MAX_KEY_BYTES {
        flags |= MAP_INDIRECT_KEY;
    }
    if elem.size() > MAP_MAX_ELEM_BYTES {
        flags |= MAP_INDIRECT_ELEM;
    }
    // SAFETY: forwarded; the group is complete.
    unsafe { build::set_map(t, key, elem, group, flags) }
}

/// gc's `needkeyupdate`: overwriting an equal key must store the new key bytes (floats: +0/-0,
/// strings, interfaces), recursively through arrays and structs.
pub fn needs_key_update(t: &Type) -> bool {
    match t.kind() {
        Kind::Float32 | Kind::Float64 | Kind::Complex64 | Kind::Complex128 | Kind::Interface | Kind::String => true,
        Kind::Array => needs_key_update(t.elem()),
        Kind::Struct => t.fields().iter().any(|f| needs_key_update(f.typ())),
        _ => false,
    }
}

/// gc's `hashMightPanic`: hashing may panic (an interface, anywhere inside).
pub fn hash_might_panic(t: &Type) -> bool {
    match t.kind() {
        Kind::Interface => true,
        Kind::Array => hash_might_panic(t.elem()),
        Kind::Struct => t.fields().iter().any(|f| hash_might_panic(f.typ())),
        _ => false,
    }
}

/// `[n]elem` for an internal (noalg) array: no `Equal`, not in any method set.
fn array_raw(elem: &'static Type, n: usize) -> &'static Type {
    let t = new_type(Kind::Array, &format!("[{n}]{}", elem.string_lossy()), elem.size() * n, elem.align(), false, false, false, 0);
    // SAFETY: as for ptr_to.
    unsafe {
        build::set_array(t, elem, slice_of(elem), n);
        build::finish(t);
        &*t
    }
}

/// A struct with Go's field layout; `name` empty for a struct literal type (its string is then
/// `struct { a int; B string }`).
fn raw_struct(name: &str, fields: &[(&str, &'static Type)], algs: bool) -> &'static Type {
    let mut off = 0usize;
    let mut align = 1usize;
    let mut comparable = true;
    let mut regular = true;
    let mut specs = Vec::new();
    let mut unexported = false;
    for &(fname, ft) in fields {
        let a = ft.align();
        if off & (a - 1) != 0 {
            regular = false;
        }
        off = (off + a - 1) & !(a - 1);
        specs.push(FieldSpec { name: fname, tag: "", exported: is_exported(fname), embedded: false, typ: ft, offset: off });
        off += ft.size();
        align = align.max(a);
        comparable &= ft.comparable();
        regular &= ft.tflag & TFLAG_REGULAR_MEMORY != 0;
        unexported |= !is_exported(fname);
    }
    let size = (off + align - 1) & !(align - 1);
    if size != off {
        regular = false;
    }
    let lit;
    let tname = if name.is_empty() {
        let parts: Vec<String> = fields.iter().map(|(n, t)| format!("{n} {}", t.string_lossy())).collect();
        lit = if parts.is_empty() { "struct {}".to_string() } else { format!("struct {{ {} }}", parts.join("; ")) };
        &lit
    } else {
        name
    };
    let named = !name.is_empty() && !name.starts_with("map.group[");
    let t = new_type(Kind::Struct, tname, size, align, named, algs && comparable, algs && regular, specs.len());
    let pkg = if named { split_named(name).map(|(p, _)| p) } else { None };
    // SAFETY: a struct descriptor allocated with specs.len() fields, all complete.
    unsafe {
        build::set_struct(t, if unexported { pkg.or(Some("main")) } else { None }, &specs);
        build::finish(t);
        &*t
    }
}

/// A struct type with Go's field layout. `name` is `Some("main.T")` for a defined type, `None`
/// for a struct literal type (named `struct { A int; B string }`).
pub fn struct_of(name: Option<&str>, fields: &[(&str, &'static Type)]) -> &'static Type {
    raw_struct(name.unwrap_or(""), fields, true)
}

/// A func type `func(...) ...` with the given gc spelling (used as a method signature; its
/// parameter list is not recorded).
pub fn func_sig(name: &str) -> &'static Type {
    let t = new_type(Kind::Func, name, 8, 8, false, false, false, 0);
    // SAFETY: a func descriptor with no parameters recorded.
    unsafe {
        build::set_func(t, &[], &[], false);
        build::finish(t);
        &*t
    }
}

/// An interface type; `methods` must be in gc's order (exported first, then by name).
pub fn interface(name: &str, methods: &[(&str, &'static Type)]) -> &'static Type {
    let named = name.contains('.') || name == "error";
    let t = new_type(Kind::Interface, name, 16, 8, named, true, false, methods.len());
    let ms: Vec<(MethodName<'_>, *const Type)> =
        methods.iter().map(|&(n, s)| (MethodName { name: n, exported: is_exported(n), pkg_path: None }, s as *const Type)).collect();
    let pkg = if name == "error" { None } else { split_named(name).map(|(p, _)| p) };
    // SAFETY: an interface descriptor allocated with methods.len() methods.
    unsafe {
        build::set_interface(t, pkg, &ms);
        build::finish(t);
        &*t
    }
}

/// Returns a copy of `base` (a pointer or named type) carrying `methods` (in gc's order) as its
/// method set, with `Ifn == Tfn == ` the given entry.
pub fn with_methods(base: &'static Type, methods: &[(&str, &'static Type, *const u8)]) -> &'static Type {
    debug_assert!(methods.windows(2).all(|w| method_order(w[0].0, w[1].0).is_lt()));
    let kind = base.kind();
    let t = build::alloc(kind, 0, true, methods.len());
    let named = base.has_name();
    let s = base.string_lossy();
    let pkg = split_named(s.trim_start_matches('*')).map(|(p, _)| p.to_string());
    let exported = split_named(s.trim_start_matches('*')).is_some_and(|(_, n)| is_exported(n));
    let c = Common {
        kind,
        size: base.size(),
        align: base.align(),
        string: &s,
        link: &s,
        named,
        exported,
        comparable: base.comparable(),
        regular_memory: base.tflag & TFLAG_REGULAR_MEMORY != 0,
        direct_iface: base.is_direct_iface(),
    };
    let specs: Vec<MethodSpec<'_>> = methods
        .iter()
        .map(|&(n, sig, _)| MethodSpec { name: MethodName { name: n, exported: is_exported(n), pkg_path: None }, mtyp: sig })
        .collect();
    // SAFETY: t is a fresh descriptor of base's kind with an uncommon section; its trailer is a
    // copy of base's (only pointer and named scalar kinds are passed here).
    unsafe {
        build::init_common(t, &c);
        match kind {
            Kind::Pointer => build::set_elem(t, base.elem()),
            Kind::Struct | Kind::String | Kind::Int | Kind::Uintptr => {}
            k => panic!("with_methods: {k:?}"),
        }
        if kind == Kind::Struct {
            // A runtime struct with methods: share the field table of base.
            let src = &*(base as *const Type as *const StructType);
            let dst = &mut *(t as *mut StructType);
            dst.pkg_path = src.pkg_path;
            dst.fields = src.fields;
        }
        let slots = build::set_uncommon(t, pkg.as_deref(), &specs);
        for (i, (islot, tslot)) in slots.into_iter().enumerate() {
            *islot = methods[i].2 as usize;
            *tslot = methods[i].2 as usize;
        }
        build::finish(t);
        &*t
    }
}

/// The gc name of a type as a Rust string (lossy for invalid UTF-8).
pub fn name_of(t: &Type) -> String {
    t.string_lossy()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `PtrBytes` and `GCData` of runtime-built types against what gc 1.27.3 emits for the same
    /// types (read from gc's descriptors by `tests/run/abi_layout.go`).
    #[test]
    fn gc_bitmaps() {
        let int = predeclared(Kind::Int);
        let string = predeclared(Kind::String);
        let any = interface("interface {}", &[]);
        let pint = ptr_to(int);
        let t = struct_of(Some("main.G"), &[("a", int), ("b", pint), ("c", string), ("d", slice_of(int)), ("e", any), ("f", int)]);
        // words: a=0 b=1 c=2,3 d=4,5,6 e=7,8 f=9; pointers at 1, 2, 4, 8
        assert_eq!(t.ptr_bytes, 72);
        // SAFETY: a mask of 8 bytes (padded).
        let mask = unsafe { std::slice::from_raw_parts(t.gcdata, 8) };
        assert_eq!(mask, &[0b0001_0110, 0b1, 0, 0, 0, 0, 0, 0]);
        assert_eq!(string.ptr_bytes, 8);
        assert_eq!(any.ptr_bytes, 16);
        // SAFETY: as above.
        assert_eq!(unsafe { *any.gcdata }, 0b10);
        assert_eq!(int.ptr_bytes, 0);
        let arr = array_of(string, 3);
        assert_eq!(arr.ptr_bytes, 40);
        // SAFETY: as above.
        assert_eq!(unsafe { *arr.gcdata }, 0b010101);
        let big = array_of(pint, 200);
        assert_eq!(big.ptr_bytes, 1600);
        assert!(big.tflag & TFLAG_GC_MASK_ON_DEMAND != 0);
        let noptr = array_of(int, 1000);
        assert_eq!(noptr.ptr_bytes, 0);
    }

    #[test]
    fn strings_and_flags() {
        let int = predeclared(Kind::Int);
        assert_eq!(int.string(), b"int");
        assert!(int.tflag & TFLAG_EXTRA_STAR != 0 && int.has_name() && int.uncommon().is_some());
        assert_eq!(int.pkg_path(), b"");
        let p = ptr_to(int);
        assert_eq!(p.string(), b"*int");
        // SAFETY: Str names are valid encodings; byte 0 holds the flags.
        let flags = |t: &Type| unsafe { *module::resolve_name_off(t as *const Type as *const u8, t.str_) };
        assert_eq!(flags(ptr_to(predeclared(Kind::UnsafePointer))), 1);
        assert_eq!(flags(ptr_to(struct_of(Some("runtime.TypeAssertionError"), &[]))), 1);
        assert_eq!(flags(ptr_to(struct_of(Some("errors.errorString"), &[]))), 0);
        assert_eq!(flags(p), 0);
        assert!(p.tflag & TFLAG_EXTRA_STAR == 0 && !p.has_name() && p.is_direct_iface());
        let m = map_of(predeclared(Kind::String), int);
        let mt = m.map_type();
        // gc 1.27.3 for map[string]int: group 8 + 8*24, slots at 8, stride 24, elem at 16 in a slot.
        assert_eq!((mt.group_size, mt.keys_off, mt.key_stride, mt.elems_off, mt.elem_off), (200, 8, 24, 24, 16));
        assert_eq!(mt.flags, MAP_NEED_KEY_UPDATE);
        // SAFETY: the group is a valid descriptor.
        assert_eq!(unsafe { (*mt.group).string() }, b"map.group[string]int");
    }
}
