//! Which functions a program can call, so lowering compiles only those of GOROOT packages (a
//! program importing bytes reaches a fraction of io, unicode, sync...); every function of the
//! program's own packages is compiled (the caller passes them as roots).
//!
//! GOROOT packages also declare assembly and linknamed functions gojit may have no hook for
//! (`hooks::HOOKS`), most of them never called by a given program. A reachable one is a compile
//! error naming it; an unreachable one is left out, with every function that refers to it
//! (transitively), so no code refers to a function that has no code.
//!
//! Reachability is by reference, conservatively: the roots are every package-level
//! initialiser and every `main` and `init` function; a function body reaches every function its
//! identifiers use (calls, function values) and every method its selectors name statically
//! (`x.M()`, `x.M`, `T.M`).
//!
//! Methods ([`Methods::ByUse`]) follow gc's linker (`cmd/link/internal/ld/deadcode.go`): a
//! method no code names statically can only run through an interface: a dynamic call
//! (`i.M()`, `i.M`, `I.M`, `x.M()` on a type parameter), or reflection. So a method is
//! reached when a reached function calls an interface method of its name, when the runtime or
//! the compiler calls methods of that name by themselves ([`IMPLICIT_CALLS`]: the fmt
//! model's and the crash report's `Error`/`String`, `Fprint*`'s `Write`), or, for exported
//! methods, once reflect's `Method`/`MethodByName` is reached (gc's `ReflectMethod`: every
//! exported method of every type may be looked up by name). gc also requires the method's type
//! to be converted to an interface and matches the signature; gojit matches the name only
//! (a superset, so never a missing method). A method left out keeps its slot in its type's
//! method table and in itabs, with no code (gc writes -1): only a call of its name could use
//! it, and that call would have reached it. [`Methods::AllRoots`] keeps every method (the hook
//! audit lists what any method could reach).
//!
//! Invariant: generic functions and methods are reached by reference like others, and an
//! instance is lowered only when its generic function is reached. A function is left out as
//! unhooked only when it refers, directly or through other functions, to a body-less unhooked
//! function, and none of them is reachable (else the program is refused).

use std::collections::{HashMap, HashSet};

use crate::syntax::ast::{self, NodeId};
use crate::types::{Info, MethodTarget, ObjKind, SelectionKind, TypeTable};

/// Method names the runtime calls through method tables with no interface call in the program's
/// source: the crash report's `Error` and `String` (`runtime/src/panic.rs`: found by name in a
/// panic value's descriptor). (fmt and errors are GOROOT's: their calls are interface calls in
/// their source.)
pub const IMPLICIT_CALLS: &[&str] = &["Error", "String"];

/// Reflect's methods that look methods up by index or name (gc's `ReflectMethod` callees).
const REFLECT_METHOD: &[&str] = &["Method", "MethodByName"];

/// Which methods are roots.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Methods {
    /// Every method (the hook audit).
    AllRoots,
    /// Methods named statically, or callable through an interface or reflection (the module
    /// comment).
    ByUse,
}

/// The outcome of [`analyse`].
pub struct Reach {
    /// Reachable functions without a body and without a hook (declarations' ids).
    pub missing: Vec<NodeId>,
    /// Functions to leave out (the unreachable missing ones and their unreachable referrers).
    pub skip: HashSet<NodeId>,
    /// The reachable functions and methods (declarations' ids).
    pub reached: HashSet<NodeId>,
}

/// What one declaration's body refers to.
#[derive(Default)]
struct Refs {
    /// Functions and methods named (declarations' ids).
    funcs: Vec<NodeId>,
    /// Names of methods called dynamically (through an interface or a type parameter).
    dynamic: Vec<String>,
}

/// A method declaration, as a candidate for dynamic calls.
struct MethodDecl {
    id: NodeId,
    exported: bool,
}

/// `unhooked(fd)` says whether a declaration is a function gojit has no code for; `extra_roots`
/// are functions the compiler calls or aliases itself (hook targets, `internal/cpu.Initialize`,
/// the program's own functions).
pub fn analyse(
    files: &[&ast::File],
    tt: &TypeTable,
    info: &Info,
    extra_roots: &[NodeId],
    methods: Methods,
    unhooked: impl Fn(&ast::FuncDecl) -> bool,
) -> Reach {
    let mut refs: HashMap<NodeId, Refs> = HashMap::new();
    let mut roots: Vec<NodeId> = extra_roots.to_vec();
    let mut root_calls: Vec<String> = IMPLICIT_CALLS.iter().map(|s| s.to_string()).collect();
    let mut missing_all: Vec<NodeId> = vec![];
    let mut by_name: HashMap<&str, Vec<MethodDecl>> = HashMap::new();
    let mut reflect_method: HashSet<NodeId> = HashSet::new();
    for file in files {
        let mut starts: Vec<(u32, Option<&ast::FuncDecl>)> = vec![];
        for d in &file.decls {
            let first = match d {
                ast::Decl::Func(fd) => {
                    starts.push((fd.id.as_u32(), Some(fd)));
                    continue;
                }
                ast::Decl::Type(td) => td.specs.first().map(|s| s.name.id),
                ast::Decl::Var(vd) => vd.specs.first().and_then(|s| s.names.first()).map(|n| n.id),
                ast::Decl::Const(cd) => cd.specs.first().and_then(|s| s.names.first()).map(|n| n.id),
            };
            if let Some(id) = first {
                starts.push((id.as_u32(), None));
            }
        }
        starts.sort_by_key(|s| s.0);
        // a file's first declaration starts after its package clause and imports
        let mut hi = file.node_count;
        for &(lo, fd) in starts.iter().rev() {
            let used = refs_in(tt, info, lo, hi);
            match fd {
                Some(fd) => {
                    if fd.name.name == "main" || fd.name.name == "init" {
                        if fd.recv.is_none() {
                            roots.push(fd.id);
                        }
                    }
                    if fd.recv.is_some() {
                        match methods {
                            Methods::AllRoots => roots.push(fd.id),
                            Methods::ByUse => {
                                let name = fd.name.name.as_str();
                                let exported = name.starts_with(|c: char| c.is_uppercase());
                                by_name.entry(name).or_default().push(MethodDecl { id: fd.id, exported });
                                if REFLECT_METHOD.contains(&name) && in_package(info, fd, "reflect") {
                                    reflect_method.insert(fd.id);
                                }
                            }
                        }
                    }
                    if fd.body.is_none() && unhooked(fd) {
                        missing_all.push(fd.id);
                    }
                    refs.insert(fd.id, used);
                }
                None => {
                    roots.extend(used.funcs);
                    root_calls.extend(used.dynamic);
                }
            }
            hi = lo;
        }
    }
    // forward: what the roots reach (functions named, then methods of the names called
    // dynamically, then every exported method once reflect can look methods up)
    let mut reached: HashSet<NodeId> = HashSet::new();
    let mut called: HashSet<String> = HashSet::new();
    let mut reflect_seen = false;
    let mut work = roots;
    let mut calls = root_calls;
    loop {
        while let Some(name) = calls.pop() {
            if let Some(ms) = by_name.get(name.as_str()) {
                if !called.contains(&name) {
                    work.extend(ms.iter().map(|m| m.id));
                }
            }
            called.insert(name);
        }
        let Some(f) = work.pop() else { break };
        if !reached.insert(f) {
            continue;
        }
        if let Some(r) = refs.get(&f) {
            work.extend(r.funcs.iter().copied());
            calls.extend(r.dynamic.iter().filter(|n| !called.contains(*n)).cloned());
        }
        if !reflect_seen && reflect_method.contains(&f) {
            reflect_seen = true;
            work.extend(by_name.values().flatten().filter(|m| m.exported).map(|m| m.id));
        }
    }
    // backward: what refers to a missing function
    let mut referrers: HashMap<NodeId, Vec<NodeId>> = HashMap::new();
    for (&f, used) in &refs {
        for &u in &used.funcs {
            referrers.entry(u).or_default().push(f);
        }
    }
    let mut skip: HashSet<NodeId> = HashSet::new();
    let mut work = missing_all.clone();
    while let Some(f) = work.pop() {
        if skip.insert(f) {
            work.extend(referrers.get(&f).into_iter().flatten().copied());
        }
    }
    // a reachable referrer is not left out: it refers to a reachable missing function, which is
    // reported (and the program not lowered)
    skip.retain(|f| !reached.contains(f));
    let missing = missing_all.into_iter().filter(|f| reached.contains(f)).collect();
    Reach { missing, skip, reached }
}

/// Whether `fd` is declared in the package with import path `path`.
fn in_package(info: &Info, fd: &ast::FuncDecl, path: &str) -> bool {
    info.object_of(fd.name.id).and_then(|o| info.obj(o).pkg).is_some_and(|p| info.packages[p].path == path)
}

/// What the nodes with ids in `lo..hi` refer to: the declarations of the functions their
/// identifiers use and of the methods their selectors name, and the methods they call
/// dynamically.
fn refs_in(tt: &TypeTable, info: &Info, lo: u32, hi: u32) -> Refs {
    let mut funcs: HashSet<NodeId> = HashSet::new();
    let mut dynamic: HashSet<String> = HashSet::new();
    let decl_of = |o| match info.obj(o).kind {
        ObjKind::Func { decl, .. } => Some(decl),
        _ => None,
    };
    for raw in lo..hi {
        let id = NodeId::from_u32(raw);
        if let Some(o) = info.uses.get(id).and_then(|u| u.expand()) {
            funcs.extend(decl_of(o));
        }
        let Some(sel) = info.selections.get(&id) else { continue };
        match (&sel.kind, &sel.method) {
            (_, Some(MethodTarget::Concrete { func, .. })) => funcs.extend(decl_of(*func)),
            (_, Some(MethodTarget::Interface { iface, index })) => {
                if let Some(m) = tt.interface_methods(*iface).get(*index as usize) {
                    dynamic.insert(m.name.clone());
                }
            }
            (SelectionKind::TypeParamMethod | SelectionKind::MethodExpr, None) => {
                dynamic.extend(info.tparam_methods.get(&id).cloned());
            }
            _ => {}
        }
    }
    Refs { funcs: funcs.into_iter().collect(), dynamic: dynamic.into_iter().collect() }
}
