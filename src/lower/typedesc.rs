//! Run-time type descriptors (`abi::TypeDesc`) and interface method tables (`abi::Itab`) built at
//! compile time from the checker's types.
//!
//! Invariants:
//! * One descriptor per `TypeId` (the checker interns unnamed types, so `TypeId` equality is type
//!   identity and so is descriptor pointer equality); descriptors are leaked and never freed.
//! * Method entry points (`Method::ifn`, `Itab::fun`) take the receiver as an interface data word;
//!   value-receiver methods of non-pointer-shaped types get an adapter that loads the value. Their
//!   addresses are written after the JIT module is finalized (`Prog::fixups`).

use std::collections::HashMap;

use cranelift_codegen::ir::{InstBuilder, types};
use cranelift_module::FuncId;
use gojit_runtime::abi::{self, Kind, TypeDesc};
use gojit_runtime::typedesc::{blank, leak_str};

use crate::types::{BasicKind, ObjKind, Type as GoType, TypeId};

use super::func::{Callee, FnCx, V};
use super::prog::{Fixup, Prog};
use super::tyview::{self, Repr};
use super::{DeferKind, FuncMeta};

/// Interned descriptors and itabs.
#[derive(Default)]
pub struct TypeDescs {
    descs: HashMap<TypeId, usize>,
    itabs: HashMap<(TypeId, TypeId), usize>,
    adapters: HashMap<(crate::types::ObjId, bool, TypeId), FuncId>,
}

impl TypeDescs {
    /// Fills every descriptor's pointer bitmap (`PtrBytes`/`GCData`): called once lowering is done,
    /// when every descriptor (recursive ones included) is complete.
    pub fn finish(&self) {
        for &a in self.descs.values() {
            // SAFETY: each address is a leaked, complete descriptor no Go code reads yet.
            unsafe { gojit_runtime::mem::mbitmap::fill_gcdata(a as *mut TypeDesc) };
        }
    }
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

/// The descriptor address of `t` (built on first use).
pub fn typedesc(p: &mut Prog<'_>, t: TypeId) -> usize {
    if let Some(&a) = p.typedescs.descs.get(&t) {
        return a;
    }
    let tt = p.tt;
    let l = tt.layout(t);
    let name = tt.type_string(t);
    let mut flags = 0u8;
    if tyview::is_direct_iface(tt, t) {
        flags |= abi::TF_DIRECT;
    }
    if tt.is_comparable(t) {
        flags |= abi::TF_COMPARABLE;
    }
    if tt.is_named(t) || matches!(tt.get(t), GoType::Basic(_)) {
        flags |= abi::TF_NAMED;
    }
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
    let d: &'static mut TypeDesc = Box::leak(Box::new(blank(kind, &name, l.size as usize, l.align.max(1) as u32, flags)));
    let addr = d as *mut TypeDesc as usize;
    // register before filling (recursive types)
    p.typedescs.descs.insert(t, addr);
    match tt.under(t).clone() {
        GoType::Pointer(e) | GoType::Slice(e) | GoType::Chan { elem: e, .. } => d.elem = typedesc(p, e) as *const TypeDesc,
        GoType::Array { len, elem } => {
            d.elem = typedesc(p, elem) as *const TypeDesc;
            d.len = len as usize;
        }
        GoType::Map { key, val } => {
            d.key = typedesc(p, key) as *const TypeDesc;
            d.elem = typedesc(p, val) as *const TypeDesc;
        }
        GoType::Struct { fields } => {
            let offs = tt.field_offsets(t);
            let fs: Vec<abi::Field> = fields
                .iter()
                .zip(offs)
                .map(|(f, off)| abi::Field {
                    name: leak_str(&f.name),
                    typ: typedesc(p, f.ty) as *const TypeDesc,
                    offset: off as usize,
                    embedded: f.embedded,
                })
                .collect();
            d.n_fields = fs.len();
            d.fields = Box::leak(fs.into_boxed_slice()).as_ptr();
        }
        GoType::Interface { methods } => {
            let ms: Vec<abi::IMethod> = methods
                .iter()
                .map(|m| abi::IMethod { name: leak_str(&m.name), typ: typedesc(p, m.sig) as *const TypeDesc })
                .collect();
            d.n_imethods = ms.len();
            d.imethods = Box::leak(ms.into_boxed_slice()).as_ptr();
        }
        _ => {}
    }
    // method sets: named T (value methods), *T (all methods of T)
    let (base, is_ptr) = match tt.get(t) {
        GoType::Named(_) => (Some(t), false),
        GoType::Pointer(e) if tt.is_named(*e) => (Some(*e), true),
        _ => (None, false),
    };
    if let Some(base) = base {
        if let Some(n) = tt.named(base) {
            if !tyview::is_interface(tt, base) {
                let ms: Vec<_> = n.methods.iter().filter(|m| is_ptr || !m.ptr_recv).cloned().collect();
                // (name, signature, entry) for declared methods, then promoted ones, by name
                let mut entries: Vec<(String, TypeId, Option<FuncId>)> = vec![];
                for m in &ms {
                    let ifn = method_entry(p, base, m.func, m.ptr_recv, is_ptr);
                    entries.push((m.name.clone(), m.sig, ifn));
                }
                for (name, sig) in promoted_methods(p.tt, t) {
                    if !entries.iter().any(|e| e.0 == name) {
                        let ifn = promoted_entry(p, t, &name);
                        entries.push((name, sig, ifn));
                    }
                }
                entries.sort_by(|a, b| a.0.cmp(&b.0));
                let mut out = vec![];
                let mut fix = vec![];
                for (name, sig, ifn) in entries {
                    out.push(abi::Method { name: leak_str(&name), typ: typedesc(p, sig) as *const TypeDesc, ifn: std::ptr::null() });
                    fix.push(ifn);
                }
                let leaked = Box::leak(out.into_boxed_slice());
                for (i, f) in fix.into_iter().enumerate() {
                    if let Some(f) = f {
                        let a = &leaked[i].ifn as *const *const u8 as usize;
                        p.fixups.push(Fixup { addr: a, func: f });
                    }
                }
                d.n_methods = leaked.len();
                d.methods = leaked.as_ptr();
            }
        }
    }
    addr
}

/// Methods promoted into the method set of `t` (a named struct type or a pointer to one) through
/// embedded fields, as (name, signature): Go's rule is that `T`'s set gets a promoted method with a
/// pointer receiver only when the path to it goes through an embedded pointer; `*T`'s set gets all.
/// Methods of embedded interfaces are not included (`promoted_entry` handles concrete methods).
fn promoted_methods(tt: &crate::types::TypeTable, t: TypeId) -> Vec<(String, TypeId)> {
    let (base, via_ptr) = match tt.get(t) {
        GoType::Pointer(e) => (*e, true),
        _ => (t, false),
    };
    let mut names = vec![];
    collect_embedded_method_names(tt, base, 0, &mut names);
    let mut out = vec![];
    for name in names {
        if out.iter().any(|(n, _): &(String, TypeId)| *n == name) {
            continue;
        }
        let (path, named, index, indirect) = match tt.lookup_field_or_method(t, &name) {
            crate::types::Lookup::Method { path, named, index, indirect } => (path, named, index, indirect),
            crate::types::Lookup::InterfaceMethod { path, iface, index, .. } if !path.is_empty() => {
                // promoted from an embedded interface field: in the method sets of T and *T
                out.push((name, tt.interface_methods(iface)[index as usize].sig));
                continue;
            }
            _ => continue,
        };
        if path.is_empty() {
            continue;
        }
        let Some(m) = tt.named(named).and_then(|n| n.methods.get(index as usize)) else { continue };
        if m.ptr_recv && !via_ptr && !indirect {
            continue;
        }
        out.push((name, m.sig));
    }
    out
}

/// Names of the methods of the named types embedded (at any depth) in struct type `t`.
fn collect_embedded_method_names(tt: &crate::types::TypeTable, t: TypeId, depth: u32, names: &mut Vec<String>) {
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
            names.extend(tt.interface_methods(ft).iter().map(|m| m.name.clone()));
            continue;
        }
        if let Some(n) = tt.named(ft) {
            names.extend(n.methods.iter().map(|m| m.name.clone()));
        }
        collect_embedded_method_names(tt, ft, depth + 1, names);
    }
}

/// The entry point (receiver as interface data word) of method `func` of named type `base`.
fn method_entry(p: &mut Prog<'_>, base: TypeId, func: crate::types::ObjId, ptr_recv: bool, via_ptr: bool) -> Option<FuncId> {
    let fid = p.method_fn(func, base).or_else(|| super::call::lib_method_fn(p, func))?;
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
    let meta = FuncMeta { go_name: p.func_name(func), decl_line: 0, defer_kind: DeferKind::None, is_wrapper: true };
    let _ = p.build_fn(id, meta, |cx: &mut FnCx<'_, '_, '_>| {
        let entry = cx.block();
        cx.b.append_block_params_for_function_params(entry);
        cx.at(entry);
        let ps = cx.b.block_params(entry).to_vec();
        let data = ps[1];
        if via_ptr {
            cx.panicwrap_check(data, base, func);
        }
        let recv = cx.load(base, data, 0);
        let recv = cx.copy_to_temp(base, &recv);
        let mut args = vec![ps[0]];
        args.extend(recv.words());
        args.extend_from_slice(&ps[2..]);
        let fr = cx.func_ref(fid);
        let rets = cx.emit_call(Callee::Direct(fr), &args, true);
        cx.b.ins().return_(&rets);
    });
    let _ = V::W(vec![]);
    let _ = Repr::Words(vec![]);
    Some(id)
}

/// A statically known itab for converting concrete type `typ` to interface `inter`.
pub fn static_itab(p: &mut Prog<'_>, inter: TypeId, typ: TypeId) -> usize {
    if let Some(&a) = p.typedescs.itabs.get(&(inter, typ)) {
        return a;
    }
    let tt = p.tt;
    let imethods = tt.interface_methods(inter).to_vec();
    let n = imethods.len();
    let mem: &'static mut [usize] = Box::leak(vec![0usize; 2 + n].into_boxed_slice());
    mem[0] = typedesc(p, inter);
    mem[1] = typedesc(p, typ);
    let (base, is_ptr) = match tt.get(typ) {
        GoType::Pointer(e) if tt.is_named(*e) => (*e, true),
        _ => (typ, false),
    };
    let methods = tt.named(base).map(|n| n.methods.clone()).unwrap_or_default();
    for (i, im) in imethods.iter().enumerate() {
        let entry = if let Some(m) = methods.iter().find(|m| m.name == im.name) {
            method_entry(p, base, m.func, m.ptr_recv, is_ptr)
        } else {
            promoted_entry(p, typ, &im.name)
        };
        if let Some(f) = entry {
            let a = &mem[2 + i] as *const usize as usize;
            p.fixups.push(Fixup { addr: a, func: f });
        }
    }
    let a = mem.as_ptr() as usize;
    p.typedescs.itabs.insert((inter, typ), a);
    a
}

/// The entry point (receiver as interface data word) of a method promoted through embedded fields
/// of `typ`: an adapter that walks the embedding path from the data word and calls the method.
fn promoted_entry(p: &mut Prog<'_>, typ: TypeId, name: &str) -> Option<FuncId> {
    let (path, named, index) = match p.tt.lookup_field_or_method(typ, name) {
        crate::types::Lookup::Method { path, named, index, .. } => (path, named, index),
        crate::types::Lookup::InterfaceMethod { path, iface, index, .. } if !path.is_empty() => {
            return promoted_iface_entry(p, typ, path, iface, index);
        }
        _ => return None,
    };
    let m = p.tt.named(named)?.methods.get(index as usize)?.clone();
    let fid = p.method_fn(m.func, named)?;
    let fsig = p.tt.signature(m.sig).cloned()?;
    let asig = p.go_signature(Some(crate::types::TypeTable::INT), &fsig.params, &fsig.results);
    let name = format!("{}-promoted", p.func_name(m.func));
    let id = p.declare_fn(&name, &asig).ok()?;
    let meta = FuncMeta { go_name: p.func_name(m.func), decl_line: 0, defer_kind: DeferKind::None, is_wrapper: true };
    let _ = p.build_fn(id, meta, |cx: &mut FnCx<'_, '_, '_>| {
        let entry = cx.block();
        cx.b.append_block_params_for_function_params(entry);
        cx.at(entry);
        let ps = cx.b.block_params(entry).to_vec();
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
        cx.b.ins().return_(&rets);
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
        cx.b.append_block_params_for_function_params(entry);
        cx.at(entry);
        let ps = cx.b.block_params(entry).to_vec();
        let (addr, _) = cx.field_path_addr(ps[1], typ, &path);
        let flags = cranelift_codegen::ir::MemFlagsData::trusted();
        let tab = cx.b.ins().load(types::I64, flags, addr, 0);
        let data = cx.b.ins().load(types::I64, flags, addr, 8);
        cx.nil_check(tab);
        let code = cx.b.ins().load(types::I64, flags, tab, 16 + 8 * index as i32);
        let z = cx.i64c(0);
        let mut args = vec![z, data];
        args.extend_from_slice(&ps[2..]);
        let sref = cx.b.import_signature(asig.clone());
        let rets = cx.emit_call(Callee::Indirect(sref, code), &args, true);
        cx.b.ins().return_(&rets);
    });
    Some(id)
}
