//! Building [`TypeDesc`]s from Rust: the runtime's own descriptors (predeclared basic types, the
//! `error` interface, runtime-defined types such as `*errors.errorString`) and test fixtures.
//!
//! Descriptors built here are leaked (they live forever, like the compiler's) and immutable once
//! returned, except that [`set_method_ifn`] may patch a runtime-defined method's entry point before
//! any Go code runs. Names follow gc's `%T` spelling (`[]int`, `map[string]int`, `*main.T`,
//! `struct { A int; B string }`, `interface {}`).

use std::sync::OnceLock;

use crate::abi::*;

fn leak<T>(v: T) -> &'static T {
    Box::leak(Box::new(v))
}

/// A Go string header for a copy of `s` that lives forever (descriptor names).
pub fn leak_str(s: &str) -> GoString {
    GoString::from_static(Box::leak(s.as_bytes().to_vec().into_boxed_slice()))
}

/// A descriptor with every optional field empty.
pub fn blank(kind: Kind, name: &str, size: usize, align: u32, flags: u8) -> TypeDesc {
    TypeDesc {
        size,
        align,
        kind,
        flags,
        name: leak_str(name),
        elem: std::ptr::null(),
        key: std::ptr::null(),
        len: 0,
        fields: std::ptr::null(),
        n_fields: 0,
        methods: std::ptr::null(),
        n_methods: 0,
        imethods: std::ptr::null(),
        n_imethods: 0,
        PtrBytes: 0,
        GCData: std::ptr::null(),
    }
}

/// Size and alignment of a basic kind.
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
pub fn basic(kind: Kind, name: &str) -> &'static TypeDesc {
    let size = basic_size(kind);
    let align = if kind == Kind::Complex64 { 4 } else { size.min(8) as u32 };
    let d = Box::leak(Box::new(blank(kind, name, size, align, TF_COMPARABLE | TF_NAMED)));
    // SAFETY: a basic descriptor is complete; nobody else holds it yet.
    unsafe { crate::mem::mbitmap::fill_gcdata(d) };
    d
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

struct SendPtr(Vec<&'static TypeDesc>);

/// The runtime's descriptor for a predeclared basic type (`int`, `string`, `uint8` for byte,
/// `int32` for rune ...). The compiler should use these same descriptors for the predeclared types
/// so that values the runtime creates have the same dynamic types as the program's.
pub fn predeclared(kind: Kind) -> &'static TypeDesc {
    static TABLE: OnceLock<SendPtr> = OnceLock::new();
    let t = TABLE.get_or_init(|| SendPtr(PREDECLARED.iter().map(|&(k, n)| basic(k, n)).collect()));
    t.0.iter().find(|d| d.kind == kind).copied().unwrap_or(t.0[PREDECLARED.len() - 1])
}

/// `*elem`.
pub fn ptr_to(elem: &'static TypeDesc) -> &'static TypeDesc {
    let mut d = blank(Kind::Pointer, &format!("*{}", name_of(elem)), 8, 8, TF_DIRECT | TF_COMPARABLE);
    d.elem = elem;
    leak(d)
}

/// `[]elem`.
pub fn slice_of(elem: &'static TypeDesc) -> &'static TypeDesc {
    let mut d = blank(Kind::Slice, &format!("[]{}", name_of(elem)), 24, 8, 0);
    d.elem = elem;
    leak(d)
}

/// `[n]elem`.
pub fn array_of(elem: &'static TypeDesc, n: usize) -> &'static TypeDesc {
    let flags = elem.flags & TF_COMPARABLE;
    let mut d = blank(Kind::Array, &format!("[{n}]{}", name_of(elem)), elem.size * n, elem.align, flags);
    d.elem = elem;
    d.len = n;
    leak(d)
}

/// `map[key]val`.
pub fn map_of(key: &'static TypeDesc, val: &'static TypeDesc) -> &'static TypeDesc {
    let name = format!("map[{}]{}", name_of(key), name_of(val));
    let mut d = blank(Kind::Map, &name, 8, 8, TF_DIRECT);
    d.key = key;
    d.elem = val;
    leak(d)
}

/// A struct type with Go's field layout. `name` is `Some("main.T")` for a defined type, `None`
/// for a struct literal type (named `struct { A int; B string }`).
pub fn struct_of(name: Option<&str>, fields: &[(&str, &'static TypeDesc)]) -> &'static TypeDesc {
    let mut off = 0usize;
    let mut align = 1u32;
    let mut comparable = true;
    let mut fs = Vec::new();
    for &(fname, ft) in fields {
        let a = ft.align.max(1) as usize;
        off = (off + a - 1) & !(a - 1);
        fs.push(Field { name: leak_str(fname), typ: ft, offset: off, embedded: false });
        off += ft.size;
        align = align.max(ft.align);
        comparable &= ft.flags & TF_COMPARABLE != 0;
    }
    let size = (off + align as usize - 1) & !(align as usize - 1);
    let lit;
    let tname = match name {
        Some(n) => n,
        None => {
            let parts: Vec<String> = fields.iter().map(|(n, t)| format!("{n} {}", name_of(t))).collect();
            lit = if parts.is_empty() { "struct {}".to_string() } else { format!("struct {{ {} }}", parts.join("; ")) };
            &lit
        }
    };
    let mut flags = if comparable { TF_COMPARABLE } else { 0 };
    if name.is_some() {
        flags |= TF_NAMED;
    }
    let mut d = blank(Kind::Struct, tname, size, align, flags);
    let fs = Box::leak(fs.into_boxed_slice());
    d.fields = fs.as_ptr();
    d.n_fields = fs.len();
    leak(d)
}

/// A func type `func(...) ...` with the given gc spelling (used as a method signature).
pub fn func_sig(name: &str) -> &'static TypeDesc {
    leak(blank(Kind::Func, name, 8, 8, TF_DIRECT))
}

/// An interface type; `methods` must be sorted by name.
pub fn interface(name: &str, methods: &[(&str, &'static TypeDesc)]) -> &'static TypeDesc {
    let ms: Vec<IMethod> = methods.iter().map(|&(n, t)| IMethod { name: leak_str(n), typ: t }).collect();
    let ms = Box::leak(ms.into_boxed_slice());
    let mut d = blank(Kind::Interface, name, 16, 8, TF_COMPARABLE | if name.contains('.') || name == "error" { TF_NAMED } else { 0 });
    d.imethods = ms.as_ptr();
    d.n_imethods = ms.len();
    leak(d)
}

/// Returns a copy of `base` carrying `methods` (sorted by name) as its method set.
pub fn with_methods(base: &'static TypeDesc, methods: &[(&str, &'static TypeDesc, *const u8)]) -> &'static TypeDesc {
    let ms: Vec<Method> = methods.iter().map(|&(n, t, f)| Method { name: leak_str(n), typ: t, ifn: f }).collect();
    let ms = Box::leak(ms.into_boxed_slice());
    // SAFETY: TypeDesc is plain data; we copy it bit for bit and then replace the method table.
    let mut d: TypeDesc = unsafe { std::ptr::read(base) };
    d.methods = ms.as_ptr();
    d.n_methods = ms.len();
    leak(d)
}

/// Patches the entry point of method `index` of a runtime-built descriptor (see
/// [`crate::errors::runtime_methods`]).
///
/// # Safety
/// Must happen before any Go code runs or any itab for `typ` is built; `typ` must come from this
/// crate and `index < typ.n_methods`.
pub unsafe fn set_method_ifn(typ: *const TypeDesc, index: usize, ifn: *const u8) {
    // SAFETY: runtime descriptors are leaked heap allocations owned by this crate; the caller
    // guarantees no concurrent readers and a valid index.
    unsafe {
        let m = ((*typ).methods as *mut Method).add(index);
        (*m).ifn = ifn;
    }
}

/// The gc name of a type as a Rust string (lossy for invalid UTF-8).
pub fn name_of(t: &TypeDesc) -> String {
    // SAFETY: descriptor names are valid static strings.
    String::from_utf8_lossy(unsafe { t.name.as_bytes() }).into_owned()
}
