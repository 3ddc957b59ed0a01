//! Writing descriptors into the module region in gc's layout (`reflectdata.writeType`): the one
//! writer both the compiler (`src/lower/typedesc.rs`) and the runtime's own types
//! (`crate::typedesc`) use.
//!
//! A descriptor is built in three steps so recursive types work: [`alloc`] reserves the whole
//! descriptor (header, trailer, uncommon section, variable data, method table: sizes known from
//! the counts) and [`init_common`] writes the header, so the address can be registered before the
//! element/field types are built; the `set_*` functions then fill the trailer and method table;
//! [`finish`] computes `PtrBytes`/`GCData` once every element and field descriptor is complete
//! (by-value children always are; a type can only refer to itself through pointer-shaped kinds).

use std::mem::size_of;

use super::gcdata;
use super::module::{self, Alg};
use super::name::{self, Name};
use super::r#type::*;
use super::typehash::type_hash;
use super::GoSlice;

/// The header facts of a type.
pub struct Common<'a> {
    pub kind: Kind,
    pub size: usize,
    pub align: usize,
    /// gc's `NameString` (`main.T`, `[]int`, `struct { a int }`); `Str` is this with gc's `*` trick.
    pub string: &'a str,
    /// gc's `LinkString` (`struct { main.a int }`), hashed into `Hash`.
    pub link: &'a str,
    /// A defined type (`TFlagNamed`).
    pub named: bool,
    /// The exported bit of `Str` (gc: the defined type's name, or `*T`'s `T`'s, is exported).
    pub exported: bool,
    /// `==` is defined: `Equal` is set.
    pub comparable: bool,
    /// `compare.IsRegularMemory`.
    pub regular_memory: bool,
    /// `types.IsDirectIface`.
    pub direct_iface: bool,
}

/// Bytes of one variable-data element of a `kind` descriptor.
fn var_elem_size(kind: Kind) -> usize {
    match kind {
        Kind::Struct => size_of::<StructField>(),
        Kind::Interface => size_of::<Imethod>(),
        Kind::Func => 8,
        _ => 0,
    }
}

/// Reserves a zeroed `kind` descriptor with `n_var` fields / interface methods / func params,
/// an uncommon section when `uncommon` (gc: a defined type or one with methods), and `mcount`
/// methods; sets `Kind_` and `TFlagUncommon`.
pub fn alloc(kind: Kind, n_var: usize, uncommon: bool, mcount: usize) -> *mut Type {
    let b = trailer_size(kind);
    let c = b + if uncommon { size_of::<UncommonType>() } else { 0 };
    let d = c + n_var * var_elem_size(kind);
    let e = d + mcount * size_of::<Method>();
    let t = module::alloc(e, 8) as *mut Type;
    // SAFETY: fresh zeroed region memory of e >= 48 bytes.
    unsafe {
        (*t).kind_ = kind as u8;
        if uncommon {
            (*t).tflag |= TFLAG_UNCOMMON;
            let u = (t as *mut u8).add(b) as *mut UncommonType;
            (*u).mcount = mcount as u16;
            (*u).moff = (d - b) as u32;
        }
    }
    module::register_type(t);
    t
}

/// Offset of the variable data (gc's `C`).
fn var_data(t: *mut Type) -> *mut u8 {
    // SAFETY: t is a descriptor from alloc; reading its kind and flags.
    let (kind, unc) = unsafe { ((*t).kind(), (*t).tflag & TFLAG_UNCOMMON != 0) };
    let off = trailer_size(kind) + if unc { size_of::<UncommonType>() } else { 0 };
    // SAFETY: within the allocation.
    unsafe { (t as *mut u8).add(off) }
}

/// An import path as gc's `dimportpath` names it.
pub fn pkg_path_off(path: &str) -> NameOff {
    module::name(&name::encode(path, "", false, false, None))
}

/// A `Name` pointer (not an offset) to an encoded name.
pub fn name_ptr(encoded: &[u8]) -> Name {
    let off = module::name(encoded);
    // SAFETY: the name was just stored in the region.
    unsafe { Name::from_ptr(module::resolve_name_off(module::base() as *const u8, off)) }
}

/// Writes the common header (everything but `PtrBytes`/`GCData`/`PtrToThis`).
///
/// # Safety
/// `t` comes from [`alloc`] with `c.kind`, and no Go code reads it yet.
pub unsafe fn init_common(t: *mut Type, c: &Common<'_>) {
    let mut tflag = 0u8;
    if c.named {
        tflag |= TFLAG_NAMED;
    }
    if c.regular_memory {
        tflag |= TFLAG_REGULAR_MEMORY;
    }
    if c.direct_iface {
        tflag |= TFLAG_DIRECT_IFACE;
    }
    let s = if c.string.starts_with('*') {
        c.string.to_string()
    } else {
        tflag |= TFLAG_EXTRA_STAR;
        format!("*{}", c.string)
    };
    let str_ = module::name(&name::encode(&s, "", c.exported, false, None));
    // SAFETY: guaranteed by the caller.
    unsafe {
        (*t).size_ = c.size;
        (*t).hash = type_hash(c.link);
        (*t).tflag |= tflag;
        (*t).align_ = c.align.max(1) as u8;
        (*t).field_align_ = c.align.max(1) as u8;
        (*t).str_ = str_;
        (*t).equal = if c.comparable { module::alg_closure(Alg::Equal, t) } else { std::ptr::null() };
    }
}

/// Pointer, slice: `Elem`.
///
/// # Safety
/// `t` is a pointer or slice descriptor being built.
pub unsafe fn set_elem(t: *mut Type, elem: *const Type) {
    // SAFETY: PtrType and SliceType share the layout {Type, Elem}.
    unsafe { (*(t as *mut PtrType)).elem = elem };
}

/// Array: `Elem`, `Slice` (`[]Elem`), `Len`.
///
/// # Safety
/// `t` is an array descriptor being built.
pub unsafe fn set_array(t: *mut Type, elem: *const Type, slice: *const Type, len: usize) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        let a = &mut *(t as *mut ArrayType);
        a.elem = elem;
        a.slice = slice;
        a.len = len;
    }
}

/// Channel: `Elem`, `Dir`.
///
/// # Safety
/// `t` is a chan descriptor being built.
pub unsafe fn set_chan(t: *mut Type, elem: *const Type, dir: isize) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        let c = &mut *(t as *mut ChanType);
        c.elem = elem;
        c.dir = dir;
    }
}

/// Func: in/out counts (variadic bit) and the parameter types.
///
/// # Safety
/// `t` is a func descriptor allocated with `ins.len() + outs.len()` variable elements.
pub unsafe fn set_func(t: *mut Type, ins: &[*const Type], outs: &[*const Type], variadic: bool) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        let f = &mut *(t as *mut FuncType);
        f.in_count = ins.len() as u16;
        f.out_count = outs.len() as u16 | if variadic { 0x8000 } else { 0 };
        let p = var_data(t) as *mut *const Type;
        for (i, x) in ins.iter().chain(outs).enumerate() {
            *p.add(i) = *x;
        }
    }
}

/// A struct field to write.
pub struct FieldSpec<'a> {
    pub name: &'a str,
    pub tag: &'a str,
    pub exported: bool,
    pub embedded: bool,
    pub typ: *const Type,
    pub offset: usize,
}

/// Struct: `PkgPath` (the package of the unexported field names) and `Fields`.
///
/// # Safety
/// `t` is a struct descriptor allocated with `fields.len()` variable elements.
pub unsafe fn set_struct(t: *mut Type, pkg_path: Option<&str>, fields: &[FieldSpec<'_>]) {
    let p = var_data(t) as *mut StructField;
    // SAFETY: guaranteed by the caller.
    unsafe {
        let st = &mut *(t as *mut StructType);
        st.pkg_path = pkg_path.map_or(Name::NONE, |s| name_ptr(&name::encode(s, "", false, false, None)));
        st.fields = GoSlice { ptr: p as *mut u8, len: fields.len() as isize, cap: fields.len() as isize };
        for (i, f) in fields.iter().enumerate() {
            let n = name_ptr(&name::encode(f.name, f.tag, f.exported, f.embedded, None));
            p.add(i).write(StructField { name: n, typ: f.typ, offset: f.offset });
        }
    }
}

/// An interface or concrete method's name facts.
pub struct MethodName<'a> {
    pub name: &'a str,
    pub exported: bool,
    /// For an unexported method from another package than the type's: that package's path.
    pub pkg_path: Option<&'a str>,
}

fn method_name_off(m: &MethodName<'_>) -> NameOff {
    let pkg = m.pkg_path.map(pkg_path_off);
    module::name(&name::encode(m.name, "", m.exported, false, pkg))
}

/// Interface: `PkgPath` and `Methods` (`(name, FuncType)` in gc's order).
///
/// # Safety
/// `t` is an interface descriptor allocated with `methods.len()` variable elements.
pub unsafe fn set_interface(t: *mut Type, pkg_path: Option<&str>, methods: &[(MethodName<'_>, *const Type)]) {
    let p = var_data(t) as *mut Imethod;
    // SAFETY: guaranteed by the caller.
    unsafe {
        let it = &mut *(t as *mut InterfaceType);
        it.pkg_path = pkg_path.map_or(Name::NONE, |s| name_ptr(&name::encode(s, "", false, false, None)));
        it.methods = GoSlice { ptr: p as *mut u8, len: methods.len() as isize, cap: methods.len() as isize };
        for (i, (m, typ)) in methods.iter().enumerate() {
            p.add(i).write(Imethod { name: method_name_off(m), typ: module::off_of(*typ as *const u8) });
        }
    }
}

/// Map: key, elem, group (`map.group[K]V`: `struct { ctrl uint64; slots [8]struct { key K;
/// elem V } }`, built by the caller), `Hasher`, and the slot offsets read off the group as gc's
/// `writeMapType` does; `flags` as gc's (`MAP_NEED_KEY_UPDATE`...).
///
/// # Safety
/// `t` is a map descriptor being built; `group` is a complete group descriptor.
pub unsafe fn set_map(t: *mut Type, key: *const Type, elem: *const Type, group: &Type, flags: u32) {
    let slots = &group.fields()[1];
    let slot = slots.typ().elem();
    let elem_in_slot = slot.fields()[1].offset;
    // SAFETY: guaranteed by the caller.
    unsafe {
        let mt = &mut *(t as *mut MapType);
        mt.key = key;
        mt.elem = elem;
        mt.group = group;
        mt.hasher = module::alg_closure(Alg::Hash, key);
        mt.group_size = group.size_;
        mt.keys_off = slots.offset;
        mt.key_stride = slot.size_;
        mt.elems_off = slots.offset + elem_in_slot;
        mt.elem_stride = slot.size_;
        mt.elem_off = elem_in_slot;
        mt.flags = flags;
    }
}

/// A method of a concrete type's method set.
pub struct MethodSpec<'a> {
    pub name: MethodName<'a>,
    /// Signature without receiver (`FuncType`).
    pub mtyp: *const Type,
}

/// Uncommon section: `PkgPath`, `Xcount` and the method table (methods in gc's order: exported
/// first, then by name). Returns each method's (`Ifn`, `Tfn`) code slots, null until written.
///
/// # Safety
/// `t` was allocated with an uncommon section and `methods.len()` methods.
pub unsafe fn set_uncommon(t: *mut Type, pkg_path: Option<&str>, methods: &[MethodSpec<'_>]) -> Vec<(*mut usize, *mut usize)> {
    let mut slots = Vec::with_capacity(methods.len());
    // SAFETY: guaranteed by the caller.
    unsafe {
        let b = trailer_size((*t).kind());
        let u = &mut *((t as *mut u8).add(b) as *mut UncommonType);
        debug_assert_eq!(u.mcount as usize, methods.len());
        u.pkg_path = pkg_path.map_or(0, pkg_path_off);
        u.xcount = methods.iter().take_while(|m| m.name.exported).count() as u16;
        let ms = (u as *mut UncommonType as *mut u8).add(u.moff as usize) as *mut Method;
        for (i, m) in methods.iter().enumerate() {
            let (ifn, islot) = module::text_slot(std::ptr::null());
            let (tfn, tslot) = module::text_slot(std::ptr::null());
            ms.add(i).write(Method { name: method_name_off(&m.name), mtyp: module::off_of(m.mtyp as *const u8), ifn, tfn });
            slots.push((islot, tslot));
        }
    }
    slots
}

/// `PtrToThis`.
///
/// # Safety
/// `t` is a descriptor being built.
pub unsafe fn set_ptr_to_this(t: *mut Type, ptr: *const Type) {
    // SAFETY: guaranteed by the caller.
    unsafe { (*t).ptr_to_this = module::off_of(ptr as *const u8) };
}

/// Computes `PtrBytes` and `GCData` (every element and field descriptor must be complete).
///
/// # Safety
/// `t` is a descriptor being built, its trailer written.
pub unsafe fn finish(t: *mut Type) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        (*t).ptr_bytes = gcdata::ptr_bytes(&*t);
        match gcdata::ptrmask(&*t) {
            Some(mask) => {
                let mask = if mask.is_empty() { vec![0u8; 8] } else { mask };
                (*t).gcdata = module::intern(&mask, 8);
            }
            None => {
                (*t).tflag |= TFLAG_GC_MASK_ON_DEMAND;
                (*t).gcdata = module::alloc(8, 8);
            }
        }
    }
}

/// Method-set order (`types.CompareSyms` for one package): exported names first, then by name.
pub fn method_order(a: &str, b: &str) -> std::cmp::Ordering {
    let ea = is_exported(a);
    let eb = is_exported(b);
    eb.cmp(&ea).then_with(|| a.cmp(b))
}

/// [`method_order`] on name bytes (the runtime's itab merge).
pub fn method_cmp(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    let exp = |n: &[u8]| std::str::from_utf8(n).is_ok_and(is_exported);
    exp(b).cmp(&exp(a)).then_with(|| a.cmp(b))
}

/// `types.IsExported`: the name starts with a Unicode upper-case letter.
pub fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_uppercase())
}
