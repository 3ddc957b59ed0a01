//! Package variable initialisation order (the spec's "Package initialization", as types2's
//! `initorder.go` computes it).
//!
//! The dependency graph has a node per package-level object (and per method); `Checker::deps`
//! holds its edges, recorded while checking initialisers and function bodies. Function and method
//! nodes are spliced out: a variable depends on every variable reachable from it through functions
//! only. Then, repeatedly, the variable earliest in declaration order whose dependencies are all
//! initialised is initialised next; that is not a depth-first order (`var _ = d; var a, d = f("a"),
//! f("d")` initialises `a` first). Variables without initialiser take part too: they are "ready" in
//! their turn and unblock what depends on them. A cycle (already reported as an error) is broken by
//! taking the earliest remaining variable, so this never loops.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

use super::checker::{Checker, PkgDecl};
use super::info::{Initializer, ObjId, ObjKind};

impl<'a> Checker<'a> {
    pub(super) fn compute_init_order(&mut self) {
        self.report_init_cycles();
        let vars = self.pkg_vars.clone();
        let index: HashMap<ObjId, usize> = vars.iter().enumerate().map(|(i, &v)| (v, i)).collect();
        // For each variable, the variables it depends on (through functions and methods).
        let mut ndeps = vec![0usize; vars.len()];
        let mut preds: Vec<Vec<usize>> = vec![vec![]; vars.len()];
        for (i, &v) in vars.iter().enumerate() {
            for d in self.var_deps(v, &index) {
                if d != i {
                    ndeps[i] += 1;
                    preds[d].push(i);
                }
            }
        }
        let mut ready: BinaryHeap<Reverse<usize>> = (0..vars.len()).filter(|&i| ndeps[i] == 0).map(Reverse).collect();
        let mut done = vec![false; vars.len()];
        let mut order: Vec<ObjId> = Vec::with_capacity(vars.len());
        let mut next_blocked = 0;
        while order.len() < vars.len() {
            let i = match ready.pop() {
                Some(Reverse(i)) if done[i] => continue,
                Some(Reverse(i)) => i,
                None => {
                    // Only a cycle is left: take the earliest remaining variable.
                    while done[next_blocked] {
                        next_blocked += 1;
                    }
                    next_blocked
                }
            };
            done[i] = true;
            order.push(vars[i]);
            for &p in &preds[i] {
                ndeps[p] -= 1;
                if ndeps[p] == 0 && !done[p] {
                    ready.push(Reverse(p));
                }
            }
        }
        self.push_initializers(order);
    }

    /// The indices (in `index`) of the variables `v` depends on, directly or through functions.
    fn var_deps(&self, v: ObjId, index: &HashMap<ObjId, usize>) -> HashSet<usize> {
        let mut out = HashSet::new();
        let mut seen: HashSet<ObjId> = HashSet::new();
        let mut stack: Vec<ObjId> = self.deps.get(&v).cloned().unwrap_or_default();
        while let Some(o) = stack.pop() {
            if !seen.insert(o) {
                continue;
            }
            if let Some(&i) = index.get(&o) {
                out.insert(i);
            } else if matches!(self.info.objects[o].kind, ObjKind::Func { .. }) {
                stack.extend(self.deps.get(&o).into_iter().flatten().copied());
            }
        }
        out
    }

    /// One initializer per variable with an initialiser, in `order`; a multi-value spec
    /// (`var a, b = f()`) gets one initializer, at its first variable.
    fn push_initializers(&mut self, order: Vec<ObjId>) {
        let mut done_specs: HashSet<(usize, usize)> = HashSet::new();
        for v in order {
            let Some(PkgDecl::Var { spec, index, decl, spec_index }) = self.pkg_decls.get(&v).copied() else { continue };
            if spec.values.is_empty() {
                continue;
            }
            if spec.values.len() == 1 && spec.names.len() > 1 {
                if !done_specs.insert((decl, spec_index)) {
                    continue;
                }
                let lhs = spec
                    .names
                    .iter()
                    .map(|n| if n.is_blank() { None } else { self.info.defs[n.id].expand() })
                    .collect();
                self.info.init_order.push(Initializer { lhs, rhs: spec.values[0].id });
            } else if let Some(e) = spec.values.get(index) {
                let lhs = vec![if spec.names[index].is_blank() { None } else { Some(v) }];
                self.info.init_order.push(Initializer { lhs, rhs: e.id });
            }
        }
    }
}
