//! Monomorphization planning: which (generic function or method, type arguments) pairs the
//! program needs, and every type their code mentions, interned ahead of code generation.
//!
//! Starting from the instantiations written in non-generic code (`info.instances` entries whose
//! type arguments mention no type parameter) and the methods of every concrete instance of a
//! generic type, each instance's declaration is scanned (its node-id range: the parser numbers
//! nodes in source order, so a declaration's nodes are contiguous) and every recorded type,
//! selection, conversion target and nested instantiation is substituted. Nested instantiations
//! become new instances. The result is `info.mono` (each pair once, deduplicated by interned
//! type arguments); codegen substitutes with [`TypeTable::subst_existing`], which never creates a
//! type, so it sees exactly the types interned here.
//!
//! Instantiation cycles (`func F[T any]() { F[*T]() }`) are cut by bounding type-argument nesting
//! depth and the number of instances, with gc's `instantiation cycle` error.

use std::collections::{HashMap, HashSet};

use super::info::{Info, ObjId, ObjKind};
use super::ty::{SubstMap, Type, TypeId, TypeTable};
use crate::diag::{Diagnostic, Span};
use crate::syntax::ast::{self, NodeId};

/// Type arguments nested deeper than this are an instantiation cycle.
const MAX_TARG_DEPTH: u32 = 24;
/// At most this many instances.
const MAX_INSTANCES: usize = 20_000;

pub(super) fn monomorphize(files: &[&ast::File], tt: &mut TypeTable, info: &mut Info) -> Result<(), Diagnostic> {
    let ranges: HashMap<NodeId, (u32, u32)> = files.iter().flat_map(|f| decl_ranges(f)).collect();
    let mut work: Vec<(ObjId, Vec<TypeId>)> = vec![];
    let mut ids: Vec<NodeId> = info.instances.keys().copied().collect();
    ids.sort();
    for id in ids {
        let targs = &info.instances[&id];
        if targs.iter().any(|&t| tt.has_tparams(t)) {
            continue;
        }
        if let Some(o) = info.uses[id].expand() {
            work.push((o, targs.clone()));
        }
    }
    let mut seen: HashSet<(ObjId, Vec<TypeId>)> = HashSet::new();
    let mut done_types: HashSet<TypeId> = HashSet::new();
    let mut out = vec![];
    // objects by owning function
    let mut owned: HashMap<NodeId, Vec<ObjId>> = HashMap::new();
    for (o, obj) in info.objects.iter() {
        if let ObjKind::Var(v) = &obj.kind {
            if let Some(f) = v.owner {
                owned.entry(f).or_default().push(o);
            }
        }
    }
    loop {
        // methods of every concrete generic-type instance
        for t in tt.all_instances() {
            if done_types.contains(&t) {
                continue;
            }
            let Some(n) = tt.named(t) else { continue };
            if n.targs.iter().any(|&a| tt.has_tparams(a)) {
                continue;
            }
            done_types.insert(t);
            // (a generic method's instances come from its uses: they need its own arguments)
            for m in n.methods.clone().into_iter().filter(|m| m.tparams.is_empty()) {
                work.push((m.func, n.targs.clone()));
            }
        }
        let Some((f, targs)) = work.pop() else { break };
        if seen.contains(&(f, targs.clone())) {
            continue;
        }
        let ObjKind::Func { decl, .. } = info.objects[f].kind else { continue };
        let span = info.objects[f].span;
        if targs.iter().any(|&t| depth(tt, t, 0) > MAX_TARG_DEPTH) || seen.len() > MAX_INSTANCES {
            let name = info.objects[f].name.clone();
            return Err(Diagnostic::new(span, format!("instantiation cycle:\n\t{name} instantiated with {}", targs_string(tt, &targs))));
        }
        seen.insert((f, targs.clone()));
        out.push((f, targs.clone()));
        let Some(tparams) = info.generics.get(&decl).cloned() else { continue };
        let map: SubstMap = tparams.iter().copied().zip(targs.iter().copied()).collect();
        let (lo, hi) = ranges.get(&decl).copied().unwrap_or((decl.as_u32(), decl.as_u32() + 1));
        for raw in lo..hi {
            let id = NodeId::from_u32(raw);
            let t = info.types[id].ty;
            if tt.has_tparams(t) {
                tt.subst(t, &map);
            }
            if let Some(s) = info.selections.get(&id) {
                let (r, st) = (s.recv, s.ty);
                let r2 = tt.subst(r, &map);
                tt.subst(st, &map);
                if let super::info::MethodTarget::Concrete { named, .. } = s.method.clone().unwrap_or(
                    super::info::MethodTarget::Interface { iface: TypeTable::INVALID, index: 0 },
                ) {
                    tt.subst(named, &map);
                }
                // a type parameter's method: the concrete receiver's pointer type may be needed
                let _ = r2;
            }
            if let Some(&c) = info.implicit_conversions.get(&id) {
                tt.subst(c, &map);
            }
            if let Some(fi) = info.funcs.get(&id) {
                tt.subst(fi.sig, &map);
            }
            if let Some(ta) = info.instances.get(&id).cloned() {
                let ta: Vec<TypeId> = ta.iter().map(|&a| tt.subst(a, &map)).collect();
                if let Some(o) = info.uses[id].expand() {
                    work.push((o, ta));
                }
            }
            if let Some(objs) = owned.get(&id) {
                for &o in objs {
                    if let Some(t) = info.objects[o].ty() {
                        tt.subst(t, &map);
                    }
                }
            }
        }
    }
    info.mono = out;
    let _ = Span::default();
    Ok(())
}

/// Each top-level function declaration's node-id range `[decl.id, next declaration's first id)`.
fn decl_ranges(file: &ast::File) -> HashMap<NodeId, (u32, u32)> {
    let mut starts: Vec<(u32, Option<NodeId>)> = vec![];
    for d in &file.decls {
        match d {
            ast::Decl::Func(fd) => starts.push((fd.id.as_u32(), Some(fd.id))),
            ast::Decl::Type(td) => {
                if let Some(s) = td.specs.first() {
                    starts.push((s.name.id.as_u32(), None));
                }
            }
            ast::Decl::Var(vd) => {
                if let Some(n) = vd.specs.first().and_then(|s| s.names.first()) {
                    starts.push((n.id.as_u32(), None));
                }
            }
            ast::Decl::Const(cd) => {
                if let Some(n) = cd.specs.first().and_then(|s| s.names.first()) {
                    starts.push((n.id.as_u32(), None));
                }
            }
        }
    }
    starts.sort();
    let mut out = HashMap::new();
    for (i, &(lo, f)) in starts.iter().enumerate() {
        let hi = starts.get(i + 1).map(|s| s.0).unwrap_or(file.node_count);
        if let Some(f) = f {
            out.insert(f, (lo, hi));
        }
    }
    out
}

fn depth(tt: &TypeTable, t: TypeId, d: u32) -> u32 {
    if d > MAX_TARG_DEPTH + 1 {
        return d;
    }
    match tt.get(t) {
        Type::Pointer(e) | Type::Slice(e) | Type::Array { elem: e, .. } => depth(tt, *e, d + 1),
        Type::Map { key, val } => depth(tt, *key, d + 1).max(depth(tt, *val, d + 1)),
        Type::Named(n) => n.targs.iter().map(|&a| depth(tt, a, d + 1)).max().unwrap_or(d),
        Type::Func(s) => s.params.iter().chain(&s.results).map(|&a| depth(tt, a, d + 1)).max().unwrap_or(d),
        Type::Struct { fields } => fields.iter().map(|f| depth(tt, f.ty, d + 1)).max().unwrap_or(d),
        _ => d,
    }
}

fn targs_string(tt: &TypeTable, targs: &[TypeId]) -> String {
    targs.iter().map(|&t| tt.type_string_err(t)).collect::<Vec<_>>().join(", ")
}
