//! Instantiation cycles, as types2's monomorphization check (`mono.go`): a graph whose vertices
//! are the package's type parameters and whose edges say which type parameters flow into which
//! when a generic function or type is instantiated (weight 0 when the type argument is the type
//! parameter itself, 1 when it is a type built from it, as `*T` or `List[[]T]`). A path whose
//! weight grows without bound — a cycle of positive weight — needs infinitely many instances:
//! gc's `instantiation cycle` error, listing the cycle's instantiations.
//!
//! The check runs once a package is checked (types2's `monomorph`, last in `checkFiles`); the
//! edges are recorded where function and type instantiations are checked. Only type parameters
//! declared in the package take part (types2: `tpar.Obj().Pkg() != pkg`). A function-local
//! generic type is generic over the enclosing function's type parameters explicitly (its
//! implicit leading type arguments), so those flow like any other type argument.

use std::collections::{HashMap, HashSet};

use super::ty::{Type, TypeId, TypeTable};
use crate::diag::Span;

/// One flow: the type parameter `dst` is instantiated with `typ`, which mentions `src`.
struct Edge {
    dst: usize,
    src: usize,
    weight: u32,
    at: Span,
    typ: TypeId,
}

#[derive(Default)]
pub struct InstGraph {
    /// The package's own type parameters (those declared while checking it).
    own: HashSet<TypeId>,
    vertex: HashMap<TypeId, usize>,
    tparams: Vec<TypeId>,
    edges: Vec<Edge>,
}

/// A cycle found: the first type parameter, then each instantiation on the cycle (where, the
/// type parameter instantiated, and its type argument).
pub struct Cycle {
    pub first: TypeId,
    pub steps: Vec<(Span, TypeId, TypeId)>,
}

impl InstGraph {
    /// Type parameter `tp` was declared in the package being checked.
    pub fn declare(&mut self, tp: TypeId) {
        self.own.insert(tp);
    }

    fn vertex(&mut self, tp: TypeId) -> usize {
        *self.vertex.entry(tp).or_insert_with(|| {
            self.tparams.push(tp);
            self.tparams.len() - 1
        })
    }

    /// `tparams` instantiated with `targs` (types2's `recordInstance`); `spans[i]` is where the
    /// i-th type argument is written (`at` when it is inferred).
    pub fn record(&mut self, tt: &TypeTable, tparams: &[TypeId], targs: &[TypeId], spans: &[Span], at: Span) {
        for (i, (&tpar, &targ)) in tparams.iter().zip(targs).enumerate() {
            if !self.own.contains(&tpar) {
                continue;
            }
            let pos = spans.get(i).copied().unwrap_or(at);
            let mut found = vec![];
            self.mentioned(tt, targ, &mut found, 0);
            for src in found {
                let dst = self.vertex(tpar);
                let src_v = self.vertex(src);
                self.edges.push(Edge { dst, src: src_v, weight: u32::from(src != targ), at: pos, typ: targ });
            }
        }
    }

    /// The package's type parameters `t` mentions, in types2's walk order (repeats kept: each
    /// occurrence is a flow).
    fn mentioned(&self, tt: &TypeTable, t: TypeId, out: &mut Vec<TypeId>, depth: u32) {
        // type arguments are finite trees; the bound only guards a malformed table
        if depth > 10_000 {
            return;
        }
        let go = |x: TypeId, out: &mut Vec<TypeId>| self.mentioned(tt, x, out, depth + 1);
        match tt.get(t) {
            Type::TypeParam(_) => {
                if self.own.contains(&t) {
                    out.push(t);
                }
            }
            Type::Named(n) => {
                for &a in &n.targs {
                    go(a, out);
                }
            }
            Type::Pointer(e) | Type::Slice(e) | Type::Array { elem: e, .. } | Type::Chan { elem: e, .. } => go(*e, out),
            Type::Map { key, val } => {
                go(*key, out);
                go(*val, out);
            }
            Type::Func(s) => {
                for &p in s.params.iter().chain(&s.results) {
                    go(p, out);
                }
            }
            Type::Struct { fields } => {
                for f in fields {
                    go(f.ty, out);
                }
            }
            Type::Interface { methods } => {
                for m in methods {
                    go(m.sig, out);
                }
            }
            _ => {}
        }
    }

    /// types2's `monomorph`: relaxes the heaviest path to every vertex; a path as long as there
    /// are vertices repeats one, on a cycle of positive weight.
    pub fn find_cycle(&self) -> Option<Cycle> {
        let n = self.tparams.len();
        // (weight, previous edge, length) of the heaviest path known to each vertex
        let mut best: Vec<(u32, usize, usize)> = vec![(0, usize::MAX, 0); n];
        let mut again = true;
        while again {
            again = false;
            for (i, e) in self.edges.iter().enumerate() {
                let w = best[e.src].0 + e.weight;
                if w <= best[e.dst].0 {
                    continue;
                }
                let len = best[e.src].2 + 1;
                best[e.dst].1 = i;
                best[e.dst].2 = len;
                if len == n {
                    return Some(self.cycle_at(e.dst, &best));
                }
                best[e.dst].0 = w;
                again = true;
            }
        }
        None
    }

    /// types2's `reportInstanceLoop`: walks back from `v` to the first repeated vertex, then
    /// lists the cycle from there.
    fn cycle_at(&self, mut v: usize, best: &[(u32, usize, usize)]) -> Cycle {
        let mut stack = vec![];
        let mut seen = vec![false; self.tparams.len()];
        while !seen[v] {
            stack.push(v);
            seen[v] = true;
            match self.edges.get(best[v].1) {
                Some(e) => v = e.src,
                None => break,
            }
        }
        let start = stack.iter().position(|&x| x == v).unwrap_or(0);
        let steps = stack[start..]
            .iter()
            .filter_map(|&x| {
                let e = self.edges.get(best[x].1)?;
                Some((e.at, self.tparams[e.dst], e.typ))
            })
            .collect();
        Cycle { first: self.tparams[v], steps }
    }
}
