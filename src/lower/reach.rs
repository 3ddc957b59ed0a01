//! Which functions without a body a program can call: GOROOT packages declare assembly and
//! linknamed functions gojit may have no hook for (`hooks::HOOKS`), most of them never called by
//! a given program. A reachable one is a compile error naming it; an unreachable one is left
//! out, with every function that refers to it (transitively), so no code refers to a function
//! that has no code.
//!
//! Lowering compiles only the reachable functions of GOROOT packages (a program importing
//! bytes reaches a fraction of io, unicode, sync...); every function of the program's own
//! packages is compiled.
//!
//! Reachability is by reference, conservatively: the roots are every package-level
//! initialiser, every `main` and `init` function and every method (a method may be called
//! through an interface or reflection); a function body reaches every function its identifiers
//! use (calls, function values, method expressions' targets are methods and roots anyway).
//!
//! Invariant: generic functions are reached by reference like others, and an instance is
//! lowered only when its generic function is reached. A function is left out as unhooked only when it refers, directly or through other functions,
//! to a body-less unhooked function, and none of them is reachable (else the program is refused).

use std::collections::{HashMap, HashSet};

use crate::syntax::ast::{self, NodeId};
use crate::types::{Info, ObjKind};

/// The outcome of [`analyse`].
pub struct Reach {
    /// Reachable functions without a body and without a hook (declarations' ids).
    pub missing: Vec<NodeId>,
    /// Functions to leave out (the unreachable missing ones and their unreachable referrers).
    pub skip: HashSet<NodeId>,
    /// The reachable functions (declarations' ids).
    pub reached: HashSet<NodeId>,
}

/// `unhooked(fd)` says whether a declaration is a function gojit has no code for; `extra_roots`
/// are functions the compiler calls or aliases itself (hook targets, `internal/cpu.Initialize`).
pub fn analyse(files: &[&ast::File], info: &Info, extra_roots: &[NodeId], unhooked: impl Fn(&ast::FuncDecl) -> bool) -> Reach {
    let mut refs: HashMap<NodeId, Vec<NodeId>> = HashMap::new();
    let mut roots: Vec<NodeId> = extra_roots.to_vec();
    let mut missing_all: Vec<NodeId> = vec![];
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
            let used = funcs_used(info, lo, hi);
            match fd {
                Some(fd) => {
                    if fd.recv.is_some() || (fd.name.name == "main" || fd.name.name == "init") {
                        roots.push(fd.id);
                    }
                    if fd.body.is_none() && unhooked(fd) {
                        missing_all.push(fd.id);
                    }
                    refs.insert(fd.id, used);
                }
                None => roots.extend(used),
            }
            hi = lo;
        }
    }
    // forward: what the roots reach
    let mut reached: HashSet<NodeId> = HashSet::new();
    let mut work = roots;
    while let Some(f) = work.pop() {
        if reached.insert(f) {
            work.extend(refs.get(&f).into_iter().flatten().copied());
        }
    }
    // backward: what refers to a missing function
    let mut referrers: HashMap<NodeId, Vec<NodeId>> = HashMap::new();
    for (&f, used) in &refs {
        for &u in used {
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

/// The declarations of the functions used by identifiers with ids in `lo..hi`.
fn funcs_used(info: &Info, lo: u32, hi: u32) -> Vec<NodeId> {
    let mut out: HashSet<NodeId> = HashSet::new();
    for raw in lo..hi {
        let Some(o) = info.uses.get(NodeId::from_u32(raw)).and_then(|u| u.expand()) else { continue };
        if let ObjKind::Func { decl, .. } = info.obj(o).kind {
            out.insert(decl);
        }
    }
    out.into_iter().collect()
}
