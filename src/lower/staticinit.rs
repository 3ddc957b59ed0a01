//! Static initialisation of package variables (gc's staticinit): a GOROOT package variable whose
//! initialiser is made of constants, composite literals (struct, array, slice), `&T{...}` and
//! same-package variables initialised so before it is written into its storage at compile time,
//! with its slices' arrays and pointed-to objects in never-freed memory, instead of being built
//! by code in the init function. unicode's tables (hundreds of `&RangeTable{...}`) are data, as
//! gc makes them (issue 10, "Types and data as gc lays them out"), not seconds of compiled code.
//!
//! Invariants: an initialiser is static only if evaluating it has no effect and no dependence
//! on run time (no calls, maps, interfaces, function values, variables of other packages);
//! [`Prog::is_static`] checks the whole expression before [`Prog::write_static`] writes anything.
//! Only GOROOT packages are initialised so (the program's own packages keep gc-visible code).

use std::collections::HashSet;

use crate::syntax::ast::{self, ExprKind, UnaryOp};
use crate::types::ty::{BasicKind, Type};
use crate::types::{ConstValue, ObjId, ObjKind, TypeId};

/// The variables initialised statically so far (their storage holds their initial value).
/// GOROOT package variables gojit leaves zero whatever their initialiser says, and why:
/// - reflect's `intArgRegs`/`floatArgRegs` (`abi.IntArgRegs`, `abi.FloatArgRegs`): gojit's
///   calls do not use gc's register ABI, so reflect lays out every argument and result in
///   memory as ABI0 does, which `reflect.call` and the MakeFunc stubs translate
///   (`runtime/src/reflectcall.rs`).
const ZEROED: &[(&str, &str)] = &[("reflect", "intArgRegs"), ("reflect", "floatArgRegs")];

#[derive(Default)]
pub struct Statics {
    pub done: HashSet<ObjId>,
}

impl<'a> super::prog::Prog<'a> {
    /// Initialises package variable `o` (of type `t`) from `rhs` at compile time if `rhs` is
    /// static; returns whether it did (else the init function evaluates it).
    pub fn static_init(&mut self, o: ObjId, t: TypeId, rhs: &ast::Expr) -> bool {
        let pkg = self.info.obj(o).pkg;
        if let Some(p) = pkg {
            let (path, name) = (&self.info.packages[p].path, &self.info.obj(o).name);
            if self.info.packages[p].std && ZEROED.iter().any(|&(zp, zn)| zp == path && zn == name) {
                self.global(o, t); // its zeroed storage
                self.statics.done.insert(o);
                return true;
            }
        }
        if !pkg.is_some_and(|p| self.info.packages[p].std) || !self.is_static(rhs, t, pkg, 0) {
            return false;
        }
        let addr = self.global(o, t);
        self.write_static(rhs, t, addr as *mut u8);
        self.statics.done.insert(o);
        true
    }

    /// Whether `e`, converted to `t`, can be evaluated at compile time.
    fn is_static(&self, e: &ast::Expr, t: TypeId, pkg: Option<crate::types::PkgId>, depth: u32) -> bool {
        if depth > 64 || self.info.implicit_conversions.contains_key(&e.id) {
            return false;
        }
        let e = e.unparen();
        if let Some(v) = self.info.types[e.id].value() {
            return match self.tt.get(self.tt.underlying(t)) {
                Type::Basic(BasicKind::String) => v.as_str().is_some(),
                _ => self.const_bytes(v, t).is_some(),
            };
        }
        let u = self.tt.underlying(t);
        match &e.kind {
            ExprKind::Ident(i) => match self.info.uses.get(i.id).and_then(|u| u.expand()) {
                Some(v) => {
                    let obj = self.info.obj(v);
                    match obj.kind {
                        ObjKind::Nil => true,
                        ObjKind::Var(_) => obj.pkg == pkg && self.statics.done.contains(&v) && obj.ty() == Some(t),
                        _ => false,
                    }
                }
                None => false,
            },
            ExprKind::Unary { op: UnaryOp::Addr, x } => {
                let Type::Pointer(pt) = self.tt.get(u) else { return false };
                matches!(x.unparen().kind, ExprKind::CompositeLit { .. }) && self.is_static(x, *pt, pkg, depth + 1)
            }
            ExprKind::CompositeLit { elts, .. } => {
                // the literal's own type (an elided `&T` in a composite of pointers is `*T`)
                let lt = self.info.types[e.id].ty;
                if lt != t {
                    let Type::Pointer(pt) = self.tt.get(u) else { return false };
                    if *pt != lt {
                        return false;
                    }
                    return self.is_static(e, lt, pkg, depth + 1);
                }
                match self.tt.get(u).clone() {
                    // (a key naming a promoted field makes the literal dynamic)
                    Type::Struct { fields } => elts.iter().enumerate().all(|(i, el)| {
                        if el.key.as_ref().is_some_and(|k| self.info.promoted_keys.contains_key(&k.id)) {
                            return false;
                        }
                        let fi = match &el.key {
                            Some(k) => self.info.field_keys.get(&k.id).copied().unwrap_or(i as u32) as usize,
                            None => i,
                        };
                        fields.get(fi).is_some_and(|f| self.is_static(&el.value, f.ty, pkg, depth + 1))
                    }),
                    Type::Array { elem, .. } | Type::Slice(elem) => elts.iter().all(|el| {
                        el.key.as_ref().is_none_or(|k| self.info.types[k.id].value().and_then(|v| v.as_int()).is_some())
                            && self.is_static(&el.value, elem, pkg, depth + 1)
                    }),
                    _ => false,
                }
            }
            _ => false,
        }
    }

    /// Writes the value of static `e` (converted to `t`) at `dst` (zeroed, `t`'s size).
    fn write_static(&mut self, e: &ast::Expr, t: TypeId, dst: *mut u8) {
        let e = e.unparen();
        if let Some(v) = self.info.types[e.id].value().cloned() {
            let bytes = self.const_bytes(&v, t).expect("checked by is_static");
            // SAFETY: dst has t's size, which const_bytes' output has.
            unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), dst, bytes.len()) };
            return;
        }
        let u = self.tt.underlying(t);
        match &e.kind {
            ExprKind::Ident(i) => {
                let Some(v) = self.info.uses.get(i.id).and_then(|u| u.expand()) else { return };
                if let ObjKind::Var(_) = self.info.obj(v).kind {
                    let src = self.global(v, t) as *const u8;
                    let (size, _) = self.size_align(t);
                    // SAFETY: both are package variables of type t (distinct storage).
                    unsafe { std::ptr::copy_nonoverlapping(src, dst, size as usize) };
                }
                // nil: the zeroed storage
            }
            ExprKind::Unary { op: UnaryOp::Addr, x } => {
                let Type::Pointer(pt) = *self.tt.get(u) else { return };
                let obj = self.static_object(pt);
                self.write_static(x, pt, obj);
                // SAFETY: dst is a pointer-sized slot.
                unsafe { (dst as *mut usize).write(obj as usize) };
            }
            ExprKind::CompositeLit { elts, .. } => {
                let lt = self.info.types[e.id].ty;
                if lt != t {
                    // elided &T{...}
                    let obj = self.static_object(lt);
                    self.write_static(e, lt, obj);
                    // SAFETY: dst is a pointer-sized slot.
                    unsafe { (dst as *mut usize).write(obj as usize) };
                    return;
                }
                match self.tt.get(u).clone() {
                    Type::Struct { fields } => {
                        let offs = self.tt.field_offsets(t);
                        for (i, el) in elts.iter().enumerate() {
                            let fi = match &el.key {
                                Some(k) => self.info.field_keys.get(&k.id).copied().unwrap_or(i as u32) as usize,
                                None => i,
                            };
                            // a blank field stays zero (as gc: issue 31546)
                            if fields[fi].name == "_" {
                                continue;
                            }
                            // SAFETY: the field lies inside the struct at dst.
                            self.write_static(&el.value, fields[fi].ty, unsafe { dst.add(offs[fi] as usize) });
                        }
                    }
                    Type::Array { elem, .. } => self.write_elems(elts, elem, dst),
                    Type::Slice(elem) => {
                        let n = self.static_len(elts);
                        let (esz, ealign) = self.size_align(elem);
                        let arr = self.static_mem(esz * n, ealign);
                        self.write_elems(elts, elem, arr);
                        // SAFETY: dst is a slice header (3 words).
                        unsafe { (dst as *mut [usize; 3]).write([arr as usize, n as usize, n as usize]) };
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// A zeroed never-freed object of type `t`.
    fn static_object(&mut self, t: TypeId) -> *mut u8 {
        let (size, align) = self.size_align(t);
        self.static_mem(size, align)
    }

    /// Zeroed never-freed memory for static data: in the data segment, at the same address in
    /// every run (so a program image can hold it, `src/image.rs`), else the heap, which rules
    /// the image out ([`super::prog::Prog::outside_regions`]).
    fn static_mem(&mut self, size: u64, align: u64) -> *mut u8 {
        if let Some(p) = gojit_runtime::mem::data::alloc_data(size as usize, align.max(1) as usize) {
            return p;
        }
        self.outside_regions = true;
        gojit_runtime::alloc::alloc_zeroed(size as usize, align.max(1) as usize)
    }

    /// The length of an array or slice literal (keys may skip and go back).
    fn static_len(&self, elts: &[ast::Element]) -> u64 {
        let (mut i, mut n) = (0u64, 0u64);
        for el in elts {
            if let Some(v) = el.key.as_ref().and_then(|k| self.info.types[k.id].value()).and_then(|v| v.as_int()) {
                i = v as u64;
            }
            i += 1;
            n = n.max(i);
        }
        n
    }

    fn write_elems(&mut self, elts: &[ast::Element], elem: TypeId, base: *mut u8) {
        let (esz, _) = self.size_align(elem);
        let mut i = 0u64;
        for el in elts {
            if let Some(v) = el.key.as_ref().and_then(|k| self.info.types[k.id].value()).and_then(|v| v.as_int()) {
                i = v as u64;
            }
            // SAFETY: element i lies inside the array at base (static_len / the array type's length).
            self.write_static(&el.value, elem, unsafe { base.add((i * esz) as usize) });
            i += 1;
        }
    }

    /// The bytes of constant `v` as a value of type `t` (a basic type), or None.
    fn const_bytes(&self, v: &ConstValue, t: TypeId) -> Option<Vec<u8>> {
        let Type::Basic(k) = self.tt.get(self.tt.underlying(t)) else { return None };
        let int = |bytes: usize| -> Option<Vec<u8>> { v.as_int().map(|i| i.to_le_bytes()[..bytes].to_vec()) };
        match k {
            BasicKind::Bool => v.as_bool().map(|b| vec![b as u8]),
            BasicKind::Int8 | BasicKind::Uint8 => int(1),
            BasicKind::Int16 | BasicKind::Uint16 => int(2),
            BasicKind::Int32 | BasicKind::Uint32 => int(4),
            BasicKind::Int | BasicKind::Int64 | BasicKind::Uint | BasicKind::Uint64 | BasicKind::Uintptr => int(8),
            BasicKind::Float32 => v.as_f64().map(|f| (f as f32).to_le_bytes().to_vec()),
            BasicKind::Float64 => v.as_f64().map(|f| f.to_le_bytes().to_vec()),
            BasicKind::String => {
                let s = v.as_str()?;
                // in the descriptor region, as string literals (`lower/expr.rs`)
                let p = if s.is_empty() { 0 } else { gojit_runtime::abi::module::intern(s, 1) as usize };
                let mut out = p.to_le_bytes().to_vec();
                out.extend_from_slice(&(s.len() as u64).to_le_bytes());
                Some(out)
            }
            _ => None,
        }
    }
}
