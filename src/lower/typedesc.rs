//! Run-time type descriptors in gc's `internal/abi` layout (`gojit_runtime::abi`) and interface
//! method tables (`abi::ITab`) built at compile time from the checker's types, through the one
//! descriptor writer `abi::build`.
//!
//! Invariants:
//! * One descriptor per Go type: per `TypeId` (the checker interns unnamed types, so `TypeId`
//!   equality is type identity) and per gc linker name (`TypeTable::link_string`, the key that
//!   survives several packages), so descriptor pointer equality is type identity. Descriptors live
//!   in the runtime's module region and are never freed.
//! * Field order, method order (exported first, then by name: gc's `types.CompareSyms`, also the
//!   order of `TypeTable` interface methods, so an interface method's index is its `ITab.Fun`
//!   slot), `PtrBytes`/`GCData`, `TFlag` bits and `Str` are gc's.
//! * Method entry points (`Method.Ifn`/`Tfn`, `ITab.Fun`) take the receiver as an interface data
//!   word; value-receiver methods of non-pointer-shaped types get an adapter that loads the value.
//!   Their addresses are written after the JIT module is finalized (`Prog::fixups`).

use std::collections::HashMap;

use cranelift_codegen::ir::{InstBuilder, types};
use cranelift_module::FuncId;
use gojit_runtime::abi::build::{self, Common, FieldSpec, MethodName, MethodSpec, is_exported, method_order};
use gojit_runtime::abi::{self, ITab, Kind, Type as Desc};

use crate::types::{BasicKind, ObjKind, Type as GoType, TypeId, TypeTable};

use super::func::{Callee, FnCx, V};
use super::prog::{Fixup, Prog};
use super::tyview::{self, Repr};
use super::{DeferKind, FuncMeta};

/// Interned descriptors and itabs.
#[derive(Default)]
pub struct TypeDescs {
    descs: HashMap<TypeId, usize>,
    /// Descriptors by gc linker name (`main.T`, `[]int`) with the type they were built for:
    /// the key that stays one-per-type across packages. Distinct types of one table with equal
    /// names (local types of different scopes) get gc-style `·N` suffixes.
    by_link: HashMap<String, (usize, TypeId)>,
    /// `[]elem` descriptors built for array descriptors' `Slice` field when the program never
    /// interned `[]elem`, by element.
    slices: HashMap<TypeId, usize>,
    /// Descriptors allocated but not yet finished (recursive types refer to them).
    building: std::collections::HashSet<usize>,
    /// Map descriptors whose key or elem was still being built: their group type (which holds
    /// key and elem by value) is laid out once the outermost `typedesc` call returns.
    pending_maps: Vec<(usize, usize, usize)>,
    depth: u32,
    itabs: HashMap<(TypeId, TypeId), usize>,
    adapters: HashMap<(crate::types::ObjId, bool, TypeId), FuncId>,
}

fn basic_kind(k: BasicKind) -> Kind {
    use BasicKind as B;
    match k {
        B::Bool | B::UntypedBool => Kind::Bool,
        B::Int | B::UntypedInt => Kind::Int,
        B::Int8 => Kind::Int8,
        B::Int16 => Kind::Int16,
        B::Int32 | B::UntypedRune => Kind::Int32,
        B::Int64 => Kind::Int64,
        B::Uint => Kind::Uint,
        B::Uint8 => Kind::Uint8,
        B::Uint16 => Kind::Uint16,
        B::Uint32 => Kind::Uint32,
        B::Uint64 => Kind::Uint64,
        B::Uintptr => Kind::Uintptr,
        B::Float32 => Kind::Float32,
        B::Float64 | B::UntypedFloat => Kind::Float64,
        B::Complex64 => Kind::Complex64,
        B::Complex128 | B::UntypedComplex => Kind::Complex128,
        B::String | B::UntypedString => Kind::String,
        B::UnsafePointer => Kind::UnsafePointer,
        _ => Kind::Invalid,
    }
}

/// gc's equality algorithm class of a type (`types.AlgType`, reduced to what descriptors record).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Alg {
    /// Plain memory (`AMEM`): `TFlagRegularMemory`.
    Mem,
    /// Comparable, but not as plain bytes (floats, strings, interfaces, padding, blank fields).
    Special,
    /// Not comparable (`ANOEQ`): no `Equal`.
    NoEq,
}

/// Whether `t` compares as plain memory (gc's `AMEM`, `IsRegularMemory`): `==` may be one
/// `memequal` of its bytes.
pub fn is_regular_memory(tt: &TypeTable, t: TypeId) -> bool {
    alg(tt, t, 0) == Alg::Mem
}

fn alg(tt: &TypeTable, t: TypeId, depth: u32) -> Alg {
    if depth > 64 {
        return Alg::Special;
    }
    match tt.under(t) {
        GoType::Basic(k) => match basic_kind(*k) {
            Kind::Float32 | Kind::Float64 | Kind::Complex64 | Kind::Complex128 | Kind::String => Alg::Special,
            Kind::Invalid => Alg::NoEq,
            _ => Alg::Mem,
        },
        GoType::Pointer(_) | GoType::Chan { .. } => Alg::Mem,
        GoType::Map { .. } | GoType::Func(_) | GoType::Slice(_) => Alg::NoEq,
        GoType::Interface { .. } => Alg::Special,
        GoType::Array { len, elem } => match alg(tt, *elem, depth + 1) {
            a @ (Alg::Mem | Alg::NoEq) => a,
            a => match len {
                0 => Alg::Mem,
                1 => a,
                _ => Alg::Special,
            },
        },
        GoType::Struct { fields } => {
            if fields.len() == 1 && fields[0].name != "_" {
                return alg(tt, fields[0].ty, depth + 1);
            }
            let offs = tt.field_offsets(t);
            let size = tt.layout(t).size;
            let mut r = Alg::Mem;
            for (i, f) in fields.iter().enumerate() {
                let end = if i + 1 < fields.len() { offs[i + 1] } else { size };
                let a = match alg(tt, f.ty, depth + 1) {
                    Alg::Mem if f.name == "_" || offs[i] + tt.layout(f.ty).size != end => Alg::Special,
                    a => a,
                };
                r = r.max(a);
            }
            r
        }
        _ => Alg::NoEq,
    }
}

/// gc's `typePkg`: the package of a defined type, or of the element of an unnamed
/// array/slice/pointer/chan of a defined type (None for predeclared types).
fn type_pkg(tt: &TypeTable, t: TypeId) -> Option<String> {
    let named = match tt.get(t) {
        // unsafe.Pointer is declared in package unsafe, not the universe.
        GoType::Basic(BasicKind::UnsafePointer) => return Some("unsafe".into()),
        GoType::Named(_) => t,
        GoType::Array { elem, .. } | GoType::Slice(elem) | GoType::Pointer(elem) | GoType::Chan { elem, .. } => *elem,
        _ => return None,
    };
    tt.named(named).map(|n| n.path.clone()).filter(|p| !p.is_empty())
}

/// The `pkgPath` a method or field `Name` carries in a descriptor whose own `PkgPath` is `owner`:
/// its qualifier (see `types::ty::Field::pkg`) when that differs, as gc writes it.
fn name_pkg<'a>(qual: &'a str, owner: Option<&str>) -> Option<&'a str> {
    (!qual.is_empty() && Some(qual) != owner).then_some(qual)
}

/// A method-set entry: name, qualifier (the package path of an unexported name, else empty),
/// signature without receiver, entry points: `ifn` takes the receiver as an interface data word
/// (itabs, `Method.Ifn`), `tfn` as the method's own receiver parameter (`Method.Tfn`: reflect's
/// `Method.Func` is a func value of it, called with the receiver as an ordinary first argument).
struct MethodEntry {
    name: String,
    pkg: String,
    sig: TypeId,
    ifn: Option<FuncId>,
    tfn: Option<FuncId>,
}

/// The method set of `t` in gc's order: for named `T`, value-receiver methods (and promoted
/// ones); for `*T`, all of them. Empty for interfaces and unnamed non-pointer types.
fn method_set(p: &mut Prog<'_>, t: TypeId) -> Vec<MethodEntry> {
    let tt = p.tt;
    let (base, is_ptr) = match tt.get(t) {
        GoType::Named(_) => (t, false),
        GoType::Pointer(e) if tt.is_named(*e) => (*e, true),
        _ => return vec![],
    };
    let Some(n) = tt.named(base) else { return vec![] };
    if tyview::is_interface(tt, base) {
        return vec![];
    }
    // a generic method is in no method set (gc: it cannot satisfy an interface)
    let ms: Vec<_> = n.methods.iter().filter(|m| (is_ptr || !m.ptr_recv) && m.tparams.is_empty()).cloned().collect();
    let mut entries = vec![];
    for m in &ms {
        let ifn = method_entry(p, base, m.func, m.ptr_recv, is_ptr);
        // T's value-receiver method takes T itself; the others take a pointer, as ifn does
        let tfn = if !m.ptr_recv && !is_ptr { p.method_fn(m.func, base, &[]).or(ifn) } else { ifn };
        entries.push(MethodEntry { name: m.name.clone(), pkg: TypeTable::qualifier(&m.name, &n.path), sig: m.sig, ifn, tfn });
    }
    for (name, pkg, sig) in promoted_methods(p.tt, t) {
        if !entries.iter().any(|e| e.name == name && e.pkg == pkg) {
            let ifn = promoted_entry(p, t, &name, &pkg);
            entries.push(MethodEntry { name, pkg, sig, ifn, tfn: ifn });
        }
    }
    entries.sort_by(|a, b| method_order(&a.name, &b.name));
    entries
}

/// The descriptor address of `t` (built on first use).
pub fn typedesc(p: &mut Prog<'_>, t: TypeId) -> usize {
    if let Some(&a) = p.typedescs.descs.get(&t) {
        return a;
    }
    p.typedescs.depth += 1;
    let a = build_desc(p, t);
    // gc writes `*T` with every defined type `T` (`dcommontype`), so `PtrToThis` leads reflect
    // to `*T`'s method set
    if p.tt.is_named(t) {
        if let Some(pt) = p.tt.existing_pointer(t) {
            typedesc(p, pt);
        }
    }
    p.typedescs.depth -= 1;
    if p.typedescs.depth == 0 {
        for (d, k, v) in std::mem::take(&mut p.typedescs.pending_maps) {
            // SAFETY: every descriptor is complete now; d is a map descriptor being built.
            unsafe { gojit_runtime::typedesc::set_map(d as *mut Desc, &*(k as *const Desc), &*(v as *const Desc)) };
        }
    }
    a
}

fn build_desc(p: &mut Prog<'_>, t: TypeId) -> usize {
    let tt = p.tt;
    let base_link = tt.link_string(t);
    let mut link = base_link.clone();
    let mut n = 1;
    while p.typedescs.by_link.get(&link).is_some_and(|&(_, id)| id != t) {
        // One TypeTable interns types: a different id under the same name is a different
        // (local) type, told apart as gc's vargen does.
        n += 1;
        link = format!("{base_link}\u{b7}{n}");
    }
    if let Some(&(a, _)) = p.typedescs.by_link.get(&link) {
        p.typedescs.descs.insert(t, a);
        return a;
    }
    if let GoType::Slice(e) = tt.get(t) {
        if let Some(&a) = p.typedescs.slices.get(e) {
            p.typedescs.descs.insert(t, a);
            return a;
        }
    }
    let l = tt.layout(t);
    let kind = match tt.under(t) {
        GoType::Basic(k) => basic_kind(*k),
        GoType::Pointer(_) => Kind::Pointer,
        GoType::Slice(_) => Kind::Slice,
        GoType::Array { .. } => Kind::Array,
        GoType::Map { .. } => Kind::Map,
        GoType::Chan { .. } => Kind::Chan,
        GoType::Struct { .. } => Kind::Struct,
        GoType::Func(_) => Kind::Func,
        GoType::Interface { .. } => Kind::Interface,
        _ => Kind::Invalid,
    };
    let named = tt.is_named(t) || matches!(tt.get(t), GoType::Basic(_));
    let methods = method_set(p, t);
    let n_var = match tt.under(t) {
        GoType::Struct { fields } => fields.len(),
        GoType::Interface { methods } => methods.len(),
        GoType::Func(sig) => sig.params.len() + sig.results.len(),
        _ => 0,
    };
    let d = build::alloc(kind, n_var, named || !methods.is_empty(), methods.len());
    let addr = d as usize;
    // register before filling (recursive types)
    p.typedescs.descs.insert(t, addr);
    p.typedescs.by_link.insert(link.clone(), (addr, t));
    p.typedescs.building.insert(addr);
    let string = tt.type_string(t);
    let exported = match tt.get(t) {
        GoType::Named(n) => is_exported(&n.name),
        GoType::Basic(BasicKind::UnsafePointer) => true,
        GoType::Pointer(e) => {
            tt.named(*e).is_some_and(|n| is_exported(&n.name)) || matches!(tt.get(*e), GoType::Basic(BasicKind::UnsafePointer))
        }
        _ => false,
    };
    let a = alg(tt, t, 0);
    let common = Common {
        kind,
        size: l.size as usize,
        align: l.align.max(1) as usize,
        string: &string,
        link: &link,
        named,
        exported,
        comparable: a != Alg::NoEq,
        regular_memory: a == Alg::Mem,
        direct_iface: tyview::is_direct_iface(tt, t),
    };
    // SAFETY: d is a fresh descriptor of `kind` with n_var variable elements and
    // methods.len() methods; no Go code runs during compilation.
    unsafe { build::init_common(d, &common) };
    let desc = |p: &mut Prog<'_>, t: TypeId| typedesc(p, t) as *const Desc;
    match tt.under(t).clone() {
        GoType::Pointer(e) => {
            let e = desc(p, e);
            // SAFETY: as above; e is a descriptor (possibly still being built: only its address
            // is stored, and PtrToThis is a plain word).
            unsafe {
                build::set_elem(d, e);
                if (*e).ptr_to_this == 0 {
                    build::set_ptr_to_this(e as *mut Desc, d);
                }
            }
        }
        GoType::Slice(e) => {
            let e = desc(p, e);
            // SAFETY: as above.
            unsafe { build::set_elem(d, e) };
        }
        GoType::Chan { dir, elem } => {
            let e = desc(p, elem);
            let dir = match dir {
                crate::types::ty::ChanDir::Recv => abi::RECV_DIR,
                crate::types::ty::ChanDir::Send => abi::SEND_DIR,
                crate::types::ty::ChanDir::Both => abi::BOTH_DIR,
            };
            // SAFETY: as above.
            unsafe { build::set_chan(d, e, dir) };
        }
        GoType::Array { len, elem } => {
            let e = desc(p, elem);
            let s = slice_desc_of(p, elem);
            // SAFETY: as above.
            unsafe { build::set_array(d, e, s, len as usize) };
        }
        GoType::Map { key, val } => {
            let (k, v) = (desc(p, key), desc(p, val));
            if p.typedescs.building.contains(&(k as usize)) || p.typedescs.building.contains(&(v as usize)) {
                // The group holds key and elem by value: lay it out when they are complete
                // (a map's own pointer data does not depend on it).
                p.typedescs.pending_maps.push((d as usize, k as usize, v as usize));
            } else {
                // SAFETY: key and elem descriptors are complete.
                unsafe { gojit_runtime::typedesc::set_map(d, &*k, &*v) };
            }
        }
        GoType::Struct { fields } => {
            let offs = tt.field_offsets(t);
            let typs: Vec<*const Desc> = fields.iter().map(|f| desc(p, f.ty)).collect();
            let tags: Vec<String> = fields.iter().map(|f| f.tag.as_ref().map(|b| String::from_utf8_lossy(b).into_owned()).unwrap_or_default()).collect();
            let specs: Vec<FieldSpec<'_>> = fields
                .iter()
                .enumerate()
                .map(|(i, f)| FieldSpec {
                    name: &f.name,
                    tag: &tags[i],
                    exported: is_exported(&f.name),
                    embedded: f.embedded,
                    typ: typs[i],
                    offset: offs[i] as usize,
                })
                .collect();
            // The package of the unexported field names (gc's StructType.PkgPath).
            let pkg = fields.iter().find(|f| !f.pkg.is_empty()).map(|f| f.pkg.as_str());
            // SAFETY: as above.
            unsafe { build::set_struct(d, pkg, &specs) };
        }
        GoType::Interface { methods: ims } => {
            let sigs: Vec<*const Desc> = ims.iter().map(|m| desc(p, m.sig)).collect();
            // gc's InterfaceType.PkgPath: the package of its unexported methods (the defined
            // type's otherwise); a method of another package carries its own.
            let pkg = match (ims.iter().find(|m| !m.pkg.is_empty()), tt.named(t)) {
                (Some(m), _) => Some(m.pkg.clone()),
                (None, Some(n)) if !n.path.is_empty() => Some(n.path.clone()),
                _ => None,
            };
            let ms: Vec<(MethodName<'_>, *const Desc)> = ims
                .iter()
                .zip(&sigs)
                .map(|(m, s)| (MethodName { name: &m.name, exported: is_exported(&m.name), pkg_path: name_pkg(&m.pkg, pkg.as_deref()) }, *s))
                .collect();
            // SAFETY: as above.
            unsafe { build::set_interface(d, pkg.as_deref(), &ms) };
        }
        GoType::Func(sig) => {
            let ins: Vec<*const Desc> = sig.params.iter().map(|&x| desc(p, x)).collect();
            let outs: Vec<*const Desc> = sig.results.iter().map(|&x| desc(p, x)).collect();
            // SAFETY: as above.
            unsafe { build::set_func(d, &ins, &outs, sig.variadic) };
        }
        _ => {}
    }
    if named || !methods.is_empty() {
        let sigs: Vec<*const Desc> = methods.iter().map(|m| desc(p, m.sig)).collect();
        let pkg = type_pkg(tt, t);
        let specs: Vec<MethodSpec<'_>> = methods
            .iter()
            .zip(&sigs)
            .map(|(m, s)| MethodSpec {
                name: MethodName { name: &m.name, exported: is_exported(&m.name), pkg_path: name_pkg(&m.pkg, pkg.as_deref()) },
                mtyp: *s,
            })
            .collect();
        // SAFETY: d was allocated with an uncommon section and methods.len() methods.
        let slots = unsafe { build::set_uncommon(d, pkg.as_deref(), &specs) };
        for (m, (islot, tslot)) in methods.iter().zip(slots) {
            if let Some(f) = m.ifn {
                p.fixups.push(Fixup { addr: islot as usize, func: f });
            }
            if let Some(f) = m.tfn {
                p.fixups.push(Fixup { addr: tslot as usize, func: f });
            }
        }
    }
    // SAFETY: every element/field descriptor this one holds by value is complete.
    unsafe { build::finish(d) };
    p.typedescs.building.remove(&addr);
    addr
}

/// Methods promoted into the method set of `t` (a named struct type or a pointer to one) through
/// embedded fields, as (name, signature): Go's rule is that `T`'s set gets a promoted method with a
/// pointer receiver only when the path to it goes through an embedded pointer; `*T`'s set gets all.
/// Methods of embedded interfaces are not included (`promoted_entry` handles concrete methods).
fn promoted_methods(tt: &crate::types::TypeTable, t: TypeId) -> Vec<(String, String, TypeId)> {
    let (base, via_ptr) = match tt.get(t) {
        GoType::Pointer(e) => (*e, true),
        _ => (t, false),
    };
    let mut names = vec![];
    collect_embedded_method_names(tt, base, 0, &mut names);
    let mut out = vec![];
    for (name, pkg) in names {
        if out.iter().any(|(n, q, _): &(String, String, TypeId)| *n == name && *q == pkg) {
            continue;
        }
        let (path, named, index, indirect) = match tt.lookup_in(t, &name, &pkg) {
            crate::types::Lookup::Method { path, named, index, indirect } => (path, named, index, indirect),
            crate::types::Lookup::InterfaceMethod { path, iface, index, .. } if !path.is_empty() => {
                // promoted from an embedded interface field: in the method sets of T and *T
                out.push((name, pkg, tt.interface_methods(iface)[index as usize].sig));
                continue;
            }
            _ => continue,
        };
        if path.is_empty() {
            continue;
        }
        let Some(m) = tt.named(named).and_then(|n| n.methods.get(index as usize)) else { continue };
        if (m.ptr_recv && !via_ptr && !indirect) || !m.tparams.is_empty() {
            continue;
        }
        out.push((name, pkg, m.sig));
    }
    out
}

/// Names of the methods of the named types embedded (at any depth) in struct type `t`.
fn collect_embedded_method_names(tt: &crate::types::TypeTable, t: TypeId, depth: u32, names: &mut Vec<(String, String)>) {
    if depth > 8 || !matches!(tt.under(t), GoType::Struct { .. }) {
        return;
    }
    for f in tt.struct_fields(t).to_vec() {
        if !f.embedded {
            continue;
        }
        let ft = match tt.get(f.ty) {
            GoType::Pointer(e) => *e,
            _ => f.ty,
        };
        if tyview::is_interface(tt, ft) {
            names.extend(tt.interface_methods(ft).iter().map(|m| (m.name.clone(), m.pkg.clone())));
            continue;
        }
        if let Some(n) = tt.named(ft) {
            names.extend(n.methods.iter().map(|m| (m.name.clone(), TypeTable::qualifier(&m.name, &n.path))));
        }
        collect_embedded_method_names(tt, ft, depth + 1, names);
    }
}

/// The entry point (receiver as interface data word) of method `func` of named type `base`.
fn method_entry(p: &mut Prog<'_>, base: TypeId, func: crate::types::ObjId, ptr_recv: bool, via_ptr: bool) -> Option<FuncId> {
    let fid = p.method_fn(func, base, &[])?;
    if ptr_recv {
        return Some(fid);
    }
    if !via_ptr && tyview::is_direct_iface(p.tt, base) {
        return Some(fid);
    }
    // adapter: load the value from the data word, call the method
    if let Some(&a) = p.typedescs.adapters.get(&(func, via_ptr, base)) {
        return Some(a);
    }
    let sig_ty = match p.tt.named(base).and_then(|n| n.methods.iter().find(|m| m.func == func)) {
        Some(m) => m.sig,
        None => match &p.info.obj(func).kind {
            ObjKind::Func { ty, .. } => *ty,
            _ => return None,
        },
    };
    let fsig = p.tt.signature(sig_ty).cloned()?;
    let mut asig = p.go_signature(Some(crate::types::TypeTable::INT), &fsig.params, &fsig.results);
    asig.params[1] = cranelift_codegen::ir::AbiParam::new(types::I64);
    let name = format!("{}-adapter", p.func_name(func));
    let id = p.declare_fn(&name, &asig).ok()?;
    p.typedescs.adapters.insert((func, via_ptr, base), id);
    // gc's name of the `*T` wrapper: `main.(*T).M` (tracebacks show it when it panics)
    let go_name = if via_ptr { pointer_wrapper_name(&p.func_name(func)) } else { p.func_name(func) };
    let meta = FuncMeta { go_name, decl_line: 0, defer_kind: DeferKind::None, is_wrapper: true };
    let params = fsig.params.clone();
    let _ = p.build_fn(id, meta, |cx: &mut FnCx<'_, '_, '_>| {
        let entry = cx.block();
        let ps = cx.entry_params(entry);
        let data = ps[1];
        if via_ptr {
            // arguments as gc's wrapper prints them: the receiver pointer, then the parameters
            let mut traced = vec![(crate::types::TypeTable::UINTPTR, vec![data])];
            let mut k = 2;
            for &t in &params {
                let n = cx.p.param_words(t).len();
                traced.push((t, ps[k..k + n].to_vec()));
                k += n;
            }
            cx.store_args_for_traceback(&traced);
            cx.panicwrap_check(data, base, func);
        }
        let recv = cx.load(base, data, 0);
        let recv = cx.copy_to_temp(base, &recv);
        let mut args = vec![ps[0]];
        args.extend(recv.words());
        args.extend_from_slice(&ps[2..]);
        let fr = cx.func_ref(fid);
        let rets = cx.emit_call(Callee::Direct(fr), &args, true);
        cx.go_return(&rets);
    });
    let _ = V::W(vec![]);
    let _ = Repr::Words(vec![]);
    Some(id)
}

/// `main.T.M` -> `main.(*T).M`: gc's name of the pointer wrapper of a value method (the type is
/// what precedes the method's `.`, its package what precedes the type's, outside type arguments).
fn pointer_wrapper_name(name: &str) -> String {
    // the last `.` outside type arguments' brackets
    let last_dot = |s: &str| {
        let (mut depth, mut at) = (0i32, None);
        for (i, c) in s.char_indices() {
            match c {
                '[' => depth += 1,
                ']' => depth -= 1,
                '.' if depth == 0 => at = Some(i),
                _ => {}
            }
        }
        at
    };
    let Some(m) = last_dot(name) else { return name.to_string() };
    let (ty, method) = (&name[..m], &name[m + 1..]);
    match last_dot(ty) {
        Some(d) => format!("{}.(*{}).{method}", &ty[..d], &ty[d + 1..]),
        None => format!("(*{ty}).{method}"),
    }
}

#[test]
fn pointer_wrapper_names() {
    assert_eq!(pointer_wrapper_name("main.T.F"), "main.(*T).F");
    assert_eq!(pointer_wrapper_name("main.Pair[main.X,int].Get"), "main.(*Pair[main.X,int]).Get");
    assert_eq!(pointer_wrapper_name("example.com/m/p.T.F"), "example.com/m/p.(*T).F");
}

/// The descriptor of `[]elem` (an array descriptor's `Slice`), built without interning the slice
/// type: it is found by linker name if the program has it.
fn slice_desc_of(p: &mut Prog<'_>, elem: TypeId) -> *const Desc {
    let tt = p.tt;
    if let Some(st) = tt.existing_slice(elem) {
        return typedesc(p, st) as *const Desc;
    }
    if let Some(&a) = p.typedescs.slices.get(&elem) {
        return a as *const Desc;
    }
    let link = format!("[]{}", tt.link_string(elem));
    let d = build::alloc(Kind::Slice, 0, false, 0);
    p.typedescs.slices.insert(elem, d as usize);
    let string = format!("[]{}", tt.type_string(elem));
    let common = Common {
        kind: Kind::Slice,
        size: 24,
        align: 8,
        string: &string,
        link: &link,
        named: false,
        exported: false,
        comparable: false,
        regular_memory: false,
        direct_iface: false,
    };
    let e = typedesc(p, elem) as *const Desc;
    // SAFETY: a fresh slice descriptor; a slice's pointer data does not depend on its element.
    unsafe {
        build::init_common(d, &common);
        build::set_elem(d, e);
        build::finish(d);
    }
    d
}

/// A statically known itab for converting concrete type `typ` to interface `inter`.
pub fn static_itab(p: &mut Prog<'_>, inter: TypeId, typ: TypeId) -> usize {
    if let Some(&a) = p.typedescs.itabs.get(&(inter, typ)) {
        return a;
    }
    let tt = p.tt;
    let imethods = tt.interface_methods(inter).to_vec();
    let n = imethods.len();
    let it = abi::module::alloc(ITab::size(n), 8) as *mut ITab;
    let (id, td) = (typedesc(p, inter), typedesc(p, typ));
    // SAFETY: it has room for the header and n entries (written below as fixups);
    // td is a descriptor whose Hash is set.
    unsafe { ITab::write(it, id as *const Desc, &*(td as *const Desc), &[]) };
    let (base, is_ptr) = match tt.get(typ) {
        GoType::Pointer(e) if tt.is_named(*e) => (*e, true),
        _ => (typ, false),
    };
    let methods = tt.named(base).map(|n| n.methods.clone()).unwrap_or_default();
    let base_path = tt.named(base).map(|n| n.path.clone()).unwrap_or_default();
    for (i, im) in imethods.iter().enumerate() {
        let entry = if let Some(m) = methods.iter().find(|m| m.name == im.name && TypeTable::qualifier(&m.name, &base_path) == im.pkg) {
            method_entry(p, base, m.func, m.ptr_recv, is_ptr)
        } else {
            promoted_entry(p, typ, &im.name, &im.pkg)
        };
        if let Some(f) = entry {
            let a = it as usize + abi::itab::ITAB_FUN_OFFSET as usize + 8 * i;
            p.fixups.push(Fixup { addr: a, func: f });
        }
    }
    let a = it as usize;
    p.typedescs.itabs.insert((inter, typ), a);
    a
}

/// The entry point (receiver as interface data word) of a method promoted through embedded fields
/// of `typ`: an adapter that walks the embedding path from the data word and calls the method.
fn promoted_entry(p: &mut Prog<'_>, typ: TypeId, name: &str, pkg: &str) -> Option<FuncId> {
    let (path, named, index) = match p.tt.lookup_in(typ, name, pkg) {
        crate::types::Lookup::Method { path, named, index, .. } => (path, named, index),
        crate::types::Lookup::InterfaceMethod { path, iface, index, .. } if !path.is_empty() => {
            return promoted_iface_entry(p, typ, path, iface, index);
        }
        _ => return None,
    };
    let m = p.tt.named(named)?.methods.get(index as usize)?.clone();
    let fid = p.method_fn(m.func, named, &[])?;
    let fsig = p.tt.signature(m.sig).cloned()?;
    let asig = p.go_signature(Some(crate::types::TypeTable::INT), &fsig.params, &fsig.results);
    let name = format!("{}-promoted", p.func_name(m.func));
    let id = p.declare_fn(&name, &asig).ok()?;
    let meta = FuncMeta { go_name: p.func_name(m.func), decl_line: 0, defer_kind: DeferKind::None, is_wrapper: true };
    let _ = p.build_fn(id, meta, |cx: &mut FnCx<'_, '_, '_>| {
        let entry = cx.block();
        let ps = cx.entry_params(entry);
        let (addr, ft) = cx.field_path_addr(ps[1], typ, &path);
        let recv_ptr = if matches!(cx.p.tt.under(ft), GoType::Pointer(_)) {
            cx.b.ins().load(types::I64, cranelift_codegen::ir::MemFlagsData::trusted(), addr, 0)
        } else {
            addr
        };
        let mut args = vec![ps[0]];
        if m.ptr_recv {
            args.push(recv_ptr);
        } else {
            cx.nil_check(recv_ptr);
            let v = cx.load(named, recv_ptr, 0);
            let v = cx.copy_to_temp(named, &v);
            args.extend(v.words());
        }
        args.extend_from_slice(&ps[2..]);
        let fr = cx.func_ref(fid);
        let rets = cx.emit_call(Callee::Direct(fr), &args, true);
        cx.go_return(&rets);
    });
    Some(id)
}

/// The entry point of a method promoted from an embedded interface field (`struct{ I }`): walks
/// the path from the data word to the interface value and dispatches through its itab (a nil
/// embedded interface is a nil dereference, as in gc's wrapper).
fn promoted_iface_entry(p: &mut Prog<'_>, typ: TypeId, path: Vec<u32>, iface: TypeId, index: u32) -> Option<FuncId> {
    let m = p.tt.interface_methods(iface).get(index as usize)?.clone();
    let fsig = p.tt.signature(m.sig).cloned()?;
    let asig = p.go_signature(Some(crate::types::TypeTable::INT), &fsig.params, &fsig.results);
    let name = format!("{}.{}-promoted", p.tt.type_string(typ), m.name);
    let id = p.declare_fn(&name, &asig).ok()?;
    let meta = FuncMeta { go_name: format!("{}.{}", p.tt.type_string(typ), m.name), decl_line: 0, defer_kind: DeferKind::None, is_wrapper: true };
    let _ = p.build_fn(id, meta, |cx: &mut FnCx<'_, '_, '_>| {
        let entry = cx.block();
        let ps = cx.entry_params(entry);
        let (addr, _) = cx.field_path_addr(ps[1], typ, &path);
        let flags = cranelift_codegen::ir::MemFlagsData::trusted();
        let tab = cx.b.ins().load(types::I64, flags, addr, 0);
        let data = cx.b.ins().load(types::I64, flags, addr, 8);
        cx.nil_check(tab);
        let code = cx.b.ins().load(types::I64, flags, tab, abi::itab::ITAB_FUN_OFFSET + 8 * index as i32);
        let z = cx.i64c(0);
        let mut args = vec![z, data];
        args.extend_from_slice(&ps[2..]);
        let sref = cx.import_go_signature(Some(crate::types::TypeTable::INT), &fsig.params, &fsig.results);
        let rets = cx.emit_call(Callee::Indirect(sref, code), &args, true);
        cx.go_return(&rets);
    });
    Some(id)
}
