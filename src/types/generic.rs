//! Generics in the checker (go/types' decl.go type parameters, typeset.go, instantiate.go,
//! infer.go and unify.go, simplified): type parameter lists, constraints as type sets
//! (methods, `~T` and union terms, `comparable`), satisfaction with gc's messages, instantiation of
//! generic functions and types, and function argument type inference (typed arguments by
//! unification, then untyped constants by default type, then core types of constraints).
//!
//! Representation (see `ty.rs`): a type parameter is a fresh `Type::TypeParam` whose
//! `underlying` is its core type, so operations a core type defines (indexing `S ~[]E`, calling,
//! ranging) check like on that type; operators check against every term of the type set
//! ([`Checker::all_terms`]). A constraint that is not a basic interface is a
//! `Type::Constraint`. Generic functions record their type parameters in `info.generics` (keyed by
//! the declaration), each use of a generic function its type arguments in `info.instances`
//! (keyed by the identifier), which is what monomorphization (`mono.rs`) starts from.

use std::collections::HashMap;

use super::checker::Checker;
use super::expr::Operand;
use super::info::*;
use super::ty::{BasicKind, IMethod, SubstMap, Term, Type, TypeId, TypeTable};
use crate::diag::Span;
use crate::syntax::ast::{self, BinaryOp, Expr, ExprKind, UnaryOp};

/// The type set of a constraint: methods, terms (None = all types), comparable.
pub(super) struct TypeSet {
    pub methods: Vec<IMethod>,
    pub terms: Option<Vec<Term>>,
    pub comparable: bool,
}

impl<'a> Checker<'a> {
    /// Declares the type parameters of `fields` in the innermost scope (the caller pushed it) and
    /// resolves their constraints (which may refer to each other).
    pub fn declare_tparams(&mut self, fields: &'a [ast::Field]) -> Vec<TypeId> {
        let mut tps = vec![];
        let mut index = 0;
        for f in fields {
            for n in &f.names {
                let tp = self.tt.new_type_param(&n.name, index);
                self.inst_graph.declare(tp);
                index += 1;
                let obj = self.new_object(&n.name, n.span, ObjKind::TypeName { ty: tp });
                self.info.defs[n.id] = obj.into();
                if !n.is_blank() {
                    let dup = self.scopes.innermost(&n.name).is_some();
                    if dup {
                        let msg = format!("{} redeclared in this block", n.name);
                        self.error(n.span, msg);
                    }
                    self.scopes.insert(&n.name, obj);
                }
                tps.push(tp);
            }
        }
        let mut i = 0;
        for f in fields {
            let c = self.constraint_type(&f.typ);
            for _ in &f.names {
                self.tt.set_constraint(tps[i], c);
                i += 1;
            }
        }
        tps
    }

    /// The constraint denoted by `e`: an interface, a `Constraint`, or (for a non-interface type or
    /// a union written directly, `[T int | string]`) the implicit interface of those terms.
    pub fn constraint_type(&mut self, e: &'a Expr) -> TypeId {
        let is_union = matches!(&e.kind, ExprKind::Binary { op: BinaryOp::Or, .. } | ExprKind::Unary { op: UnaryOp::Tilde, .. });
        if !is_union {
            if let ExprKind::Ident(_) | ExprKind::Selector { .. } = &e.unparen().kind {
                // a named interface or constraint keeps its name (for messages)
                let t = self.typ(e);
                if t == TypeTable::INVALID {
                    return TypeTable::EMPTY_INTERFACE;
                }
                if self.tt.is_type_param(t) {
                    // `func f[A any, P A]()`, `func (G[F]) m[P F]()`
                    self.error(e.span, "cannot use a type parameter as constraint");
                    return TypeTable::EMPTY_INTERFACE;
                }
                if matches!(self.tt.under(t), Type::Interface { .. } | Type::Constraint { .. }) {
                    return t;
                }
                return self.tt.intern(Type::Constraint {
                    methods: vec![],
                    terms: Some(vec![Term { tilde: false, ty: t }]),
                    comparable: false,
                });
            }
        }
        let mut ts = TypeSet { methods: vec![], terms: None, comparable: false };
        if !self.add_type_elem(e, &mut ts) {
            return TypeTable::EMPTY_INTERFACE;
        }
        self.type_set_type(ts)
    }

    /// Interns a type set as an `Interface` (methods only) or a `Constraint`.
    pub fn type_set_type(&mut self, mut ts: TypeSet) -> TypeId {
        ts.methods.sort_by(|a, b| a.name.cmp(&b.name));
        if ts.terms.is_none() && !ts.comparable {
            return self.tt.interface(ts.methods);
        }
        self.tt.intern(Type::Constraint { methods: ts.methods, terms: ts.terms, comparable: ts.comparable })
    }

    /// Adds an interface element (an embedded interface or constraint, a type, `~T`, a union) to
    /// `ts` (intersection). Returns false after an error.
    pub fn add_type_elem(&mut self, e: &'a Expr, ts: &mut TypeSet) -> bool {
        let is_union = matches!(&e.kind, ExprKind::Binary { op: BinaryOp::Or, .. } | ExprKind::Unary { op: UnaryOp::Tilde, .. });
        if !is_union {
            let t = self.typ(e);
            if t == TypeTable::INVALID {
                return false;
            }
            let u = self.tt.underlying(t);
            match self.tt.get(u).clone() {
                Type::Interface { methods } => {
                    merge_methods(&mut ts.methods, &methods);
                    return true;
                }
                Type::Constraint { methods, terms, comparable } => {
                    merge_methods(&mut ts.methods, &methods);
                    ts.comparable |= comparable;
                    if let Some(terms) = terms {
                        self.intersect_terms(ts, terms);
                    }
                    return true;
                }
                _ => {
                    self.intersect_terms(ts, vec![Term { tilde: false, ty: t }]);
                    return true;
                }
            }
        }
        let mut terms = vec![];
        if !self.union_terms(e, &mut terms) {
            return false;
        }
        self.intersect_terms(ts, terms);
        true
    }

    /// The terms of a union expression `A | ~B | C`.
    fn union_terms(&mut self, e: &'a Expr, out: &mut Vec<Term>) -> bool {
        match &e.kind {
            ExprKind::Binary { op: BinaryOp::Or, x, y, .. } => self.union_terms(x, out) && self.union_terms(y, out),
            ExprKind::Unary { op: UnaryOp::Tilde, x } => {
                let t = self.typ(x);
                if t == TypeTable::INVALID {
                    return false;
                }
                if self.tt.underlying(t) != t {
                    let s = self.tt.type_string_err(t);
                    let u = self.tt.type_string_err(self.tt.underlying(t));
                    self.error(x.span, format!("invalid use of ~ ({s} is {u})"));
                    let _ = u;
                    return false;
                }
                out.push(Term { tilde: true, ty: t });
                true
            }
            _ => {
                let t = self.typ(e);
                if t == TypeTable::INVALID {
                    return false;
                }
                let u = self.tt.underlying(t);
                match self.tt.get(u).clone() {
                    Type::Constraint { methods, terms: Some(terms), .. } if methods.is_empty() => {
                        out.extend(terms);
                        true
                    }
                    Type::Interface { methods } if methods.is_empty() => {
                        // `any` in a union: all types.
                        out.push(Term { tilde: false, ty: TypeTable::EMPTY_INTERFACE });
                        true
                    }
                    Type::Interface { .. } | Type::Constraint { .. } => {
                        let s = self.tt.type_string_err(t);
                        self.error(e.span, format!("cannot use {s} in union ({s} contains methods)"));
                        false
                    }
                    _ => {
                        out.push(Term { tilde: false, ty: t });
                        true
                    }
                }
            }
        }
    }

    /// True if an interface element is a type-set element (a union, `~T`, a non-interface type,
    /// or a constraint such as `comparable`) rather than an embedded basic interface.
    pub fn is_type_elem(&mut self, e: &'a Expr) -> bool {
        match &e.kind {
            ExprKind::Binary { op: BinaryOp::Or, .. } | ExprKind::Unary { op: UnaryOp::Tilde, .. } => true,
            ExprKind::Ident(id) => match self.lookup(&id.name) {
                Some(o) => {
                    self.use_object(o, id.span);
                    match self.info.objects[o].kind {
                        ObjKind::TypeName { ty } => {
                            !matches!(self.tt.under(ty), Type::Interface { .. }) && self.tt.underlying(ty) != TypeTable::INVALID
                        }
                        _ => false,
                    }
                }
                None => false,
            },
            ExprKind::Selector { .. } | ExprKind::Paren(_) => false,
            _ => true,
        }
    }

    /// The intersection of two term lists.
    pub fn meet_terms(&mut self, a: Vec<Term>, b: Vec<Term>) -> Vec<Term> {
        let mut ts = TypeSet { methods: vec![], terms: Some(a), comparable: false };
        self.intersect_terms(&mut ts, b);
        ts.terms.unwrap_or_default()
    }

    /// ts.terms := ts.terms ∩ terms.
    fn intersect_terms(&mut self, ts: &mut TypeSet, mut terms: Vec<Term>) {
        if terms.iter().any(|t| t.ty == TypeTable::EMPTY_INTERFACE) {
            return; // `any` in a union: no restriction
        }
        dedup_terms(&mut terms);
        let Some(cur) = ts.terms.take() else {
            ts.terms = Some(terms);
            return;
        };
        let mut out = vec![];
        for a in &cur {
            for b in &terms {
                if let Some(t) = self.term_meet(*a, *b) {
                    out.push(t);
                }
            }
        }
        dedup_terms(&mut out);
        ts.terms = Some(out);
    }

    fn term_meet(&self, a: Term, b: Term) -> Option<Term> {
        let (ua, ub) = (self.tt.underlying(a.ty), self.tt.underlying(b.ty));
        match (a.tilde, b.tilde) {
            (true, true) => (ua == ub).then_some(a),
            (true, false) => (ua == ub).then_some(b),
            (false, true) => (ua == ub).then_some(a),
            (false, false) => (a.ty == b.ty).then_some(a),
        }
    }

    /// The type set of a constraint type (an interface or a `Constraint`).
    pub fn type_set(&self, c: TypeId) -> TypeSet {
        match self.tt.under(c) {
            Type::Interface { methods } => TypeSet { methods: methods.clone(), terms: None, comparable: false },
            Type::Constraint { methods, terms, comparable } => {
                TypeSet { methods: methods.clone(), terms: terms.clone(), comparable: *comparable }
            }
            _ => TypeSet { methods: vec![], terms: None, comparable: false },
        }
    }

    /// The type set of a type parameter's constraint.
    pub fn tparam_set(&self, tp: TypeId) -> TypeSet {
        let c = self.tt.type_param(tp).map(|p| p.constraint).unwrap_or(TypeTable::INVALID);
        self.type_set(c)
    }

    /// go/types' hasNil: a value of type `t` may be nil. For a type parameter: its type set has
    /// specific types and every one's underlying type has nil (`[T *A | *B]`, `[T ~[]int]`).
    pub fn has_nil(&self, t: TypeId) -> bool {
        if !self.tt.is_type_param(t) {
            return self.tt.has_nil(t);
        }
        match self.tparam_set(t).terms {
            Some(terms) if !terms.is_empty() => {
                terms.iter().all(|x| !self.tt.is_type_param(x.ty) && self.tt.has_nil(x.ty))
            }
            _ => false,
        }
    }

    /// True if `pred` holds for the basic kind of every type `t` may be: its own kind, or for a
    /// type parameter each term's (false when the set is not finite).
    pub fn all_terms(&self, t: TypeId, pred: impl Fn(BasicKind) -> bool) -> bool {
        if let Some(tp) = self.tt.type_param(t) {
            if tp.core != TypeTable::INVALID {
                return self.tt.basic(tp.core).is_some_and(&pred);
            }
            let ts = self.tparam_set(t);
            return match ts.terms {
                Some(terms) if !terms.is_empty() => terms.iter().all(|x| self.tt.basic(x.ty).is_some_and(&pred)),
                _ => false,
            };
        }
        self.tt.basic(t).is_some_and(pred)
    }

    /// A representative basic kind of `t` (for a type parameter without core type: its first
    /// term's).
    pub fn some_kind(&self, t: TypeId) -> Option<BasicKind> {
        if self.tt.is_type_param(t) && self.tt.basic(t).is_none() {
            let ts = self.tparam_set(t);
            return ts.terms.and_then(|v| v.first().and_then(|x| self.tt.basic(x.ty)));
        }
        self.tt.basic(t)
    }

    /// Comparability of a type parameter: by its constraint (`comparable`, or terms all strictly
    /// comparable).
    pub fn tparam_comparable(&self, t: TypeId) -> bool {
        let ts = self.tparam_set(t);
        if ts.comparable {
            return true;
        }
        match ts.terms {
            Some(terms) if !terms.is_empty() => terms.iter().all(|x| self.tt.is_comparable(x.ty)),
            _ => false,
        }
    }

    /// Whether `v` satisfies constraint `c` (gc's wording in the error).
    pub fn satisfies(&mut self, v: TypeId, c: TypeId) -> Result<(), String> {
        let vs = self.tt.type_string_err(v);
        let cs = self.constraint_string(c);
        let ts = self.type_set(c);
        if ts.methods.is_empty() && ts.terms.is_none() && !ts.comparable {
            return Ok(());
        }
        // methods
        if !ts.methods.is_empty() {
            let r = if self.tt.is_type_param(v) {
                let vset = self.tparam_set(v);
                let missing = ts.methods.iter().find(|m| !vset.methods.iter().any(|h| h.name == m.name && h.sig == m.sig));
                match missing {
                    Some(m) => Err(format!("(missing method {})", m.name)),
                    None => Ok(()),
                }
            } else {
                let iface = self.tt.interface(ts.methods.clone());
                self.tt.implements(v, iface).map_err(|m| {
                    let full = self.missing_method_reason(v, iface, &m);
                    let is = self.tt.type_string_err(iface);
                    let prefix = format!("{vs} does not implement {is} ");
                    full.strip_prefix(&prefix).map(str::to_string).unwrap_or(full)
                })
            };
            if let Err(why) = r {
                return Err(format!("{vs} does not satisfy {cs} {why}"));
            }
        }
        if let Some(terms) = &ts.terms {
            if let Some(tp) = self.tt.type_param(v) {
                let _ = tp;
                let vset = self.tparam_set(v);
                let ok = match &vset.terms {
                    Some(vt) => vt.iter().all(|a| terms.iter().any(|b| self.term_subset(*a, *b))),
                    None => false,
                };
                if !ok {
                    return Err(format!("{vs} does not satisfy {cs}"));
                }
            } else if !terms.iter().any(|t| self.term_includes(*t, v)) {
                let alt = terms.iter().find(|t| !t.tilde && self.tt.underlying(t.ty) == t.ty && self.tt.underlying(v) == t.ty);
                let detail = match alt {
                    Some(a) => format!("possibly missing ~ for {} in {cs}", self.tt.type_string_err(a.ty)),
                    None => format!("{vs} missing in {}", self.tt.terms_string(terms)),
                };
                return Err(format!("{vs} does not satisfy {cs} ({detail})"));
            }
        }
        if ts.comparable {
            let ok = if self.tt.is_type_param(v) { self.tparam_comparable(v) } else { self.tt.is_comparable(v) };
            if !ok {
                return Err(format!("{vs} does not satisfy comparable"));
            }
        }
        Ok(())
    }

    fn term_includes(&self, t: Term, v: TypeId) -> bool {
        if t.tilde { self.tt.underlying(v) == self.tt.underlying(t.ty) } else { v == t.ty }
    }

    fn term_subset(&self, a: Term, b: Term) -> bool {
        match (a.tilde, b.tilde) {
            (_, true) => self.tt.underlying(a.ty) == self.tt.underlying(b.ty),
            (false, false) => a.ty == b.ty,
            (true, false) => false,
        }
    }

    /// How a constraint is named in messages: its declared name, else its interface or term list.
    pub fn constraint_string(&self, c: TypeId) -> String {
        if c == TypeTable::EMPTY_INTERFACE {
            return "any".into();
        }
        if self.tt.is_named(c) {
            return self.tt.type_string_err(c);
        }
        match self.tt.get(c) {
            Type::Constraint { methods, terms: Some(terms), comparable: false } if methods.is_empty() => {
                self.tt.terms_string(terms)
            }
            _ => self.tt.type_string_err(c),
        }
    }

    // ----- instantiation ---------------------------------------------------------------------

    /// The type parameters of a generic function object (empty if not generic).
    pub fn func_tparams(&self, obj: ObjId) -> Vec<TypeId> {
        match &self.info.objects[obj].kind {
            ObjKind::Func { decl, recv: None, .. } => self.info.generics.get(decl).cloned().unwrap_or_default(),
            // a generic method: its own type parameters (the receiver's are fixed by the operand)
            ObjKind::Func { decl, recv: Some(_), .. } => self.info.method_tparams.get(decl).cloned().unwrap_or_default(),
            _ => vec![],
        }
    }

    /// The generic function `e` refers to (an identifier or a qualified identifier `pkg.F` of a
    /// source package, possibly parenthesised), once `e` was checked.
    pub fn generic_func_of(&self, e: &Expr) -> Option<ObjId> {
        let id = self.generic_ident(e)?;
        let o = self.info.uses[id.id].expand()?;
        (!self.func_tparams(o).is_empty()).then_some(o)
    }

    /// The identifier whose use records a generic function's or type's instantiation:
    /// `F` itself, or `F` of a qualified `pkg.F` (`info.instances` is keyed by it).
    pub fn generic_ident<'e>(&self, e: &'e Expr) -> Option<&'e ast::Ident> {
        match &e.unparen().kind {
            ExprKind::Ident(id) => Some(id),
            // `x.m` / `T.m` selecting a generic method
            ExprKind::Selector { sel, .. } if self.generic_method_sels.contains_key(&sel.id) => Some(sel),
            ExprKind::Selector { x, sel } => {
                let pid = x.as_ident()?;
                let o = self.info.uses[pid.id].expand().or_else(|| self.lookup(&pid.name))?;
                matches!(self.info.objects[o].kind, ObjKind::PkgName(Package::Source(_))).then_some(sel)
            }
            _ => None,
        }
    }

    /// Before checking: the object `x` names, an identifier or a qualified identifier of a
    /// source package's exported member (`iter.Seq2`, `abi.Escape`).
    fn named_object<'e>(&self, x: &'e Expr) -> Option<(&'e ast::Ident, ObjId)> {
        match &x.unparen().kind {
            ExprKind::Ident(id) => Some((id, self.lookup(&id.name)?)),
            ExprKind::Selector { x: px, sel } => {
                let pid = px.as_ident()?;
                let o = self.lookup(&pid.name)?;
                let ObjKind::PkgName(Package::Source(sp)) = self.info.objects[o].kind else { return None };
                if !super::call::is_exported(&sel.name) {
                    return None;
                }
                Some((sel, self.info.packages[sp].scope.get(&sel.name).copied()?))
            }
            _ => None,
        }
    }

    /// Records the type arguments of the use `ident` of a generic function; for a generic
    /// method the receiver type's type arguments go first (`info.instances`' layout).
    pub fn record_instance(&mut self, ident: ast::NodeId, targs: Vec<TypeId>) {
        let Some((sel_expr, recv)) = self.generic_method_sels.get(&ident).cloned() else {
            self.info.instances.insert(ident, targs);
            return;
        };
        // the selection now denotes the instance: its type and target say so
        let own = self.info.uses[ident].expand().map(|o| self.func_tparams(o)).unwrap_or_default();
        let map: SubstMap = own.iter().copied().zip(targs.iter().copied()).collect();
        if let Some(s) = self.info.selections.get(&sel_expr).cloned() {
            let mut s = s;
            s.ty = self.tt.subst(s.ty, &map);
            if let Some(MethodTarget::Concrete { targs: t, .. }) = &mut s.method {
                *t = targs.clone();
            }
            self.info.selections.insert(sel_expr, s);
        }
        let full = recv.iter().copied().chain(targs.iter().copied()).collect();
        self.info.instances.insert(ident, full);
    }

    /// The receiver type parameters -> type arguments of a generic method selected by `e`
    /// (a method type parameter's constraint may mention the receiver's: `func (G[F]) m[P *F]()`).
    pub fn method_recv_map(&self, e: &Expr) -> SubstMap {
        let Some(id) = self.generic_ident(e) else { return SubstMap::new() };
        let Some((_, recv)) = self.generic_method_sels.get(&id.id) else { return SubstMap::new() };
        let Some(o) = self.info.uses[id.id].expand() else { return SubstMap::new() };
        let ObjKind::Func { decl, .. } = self.info.objects[o].kind else { return SubstMap::new() };
        let all = self.info.generics.get(&decl).cloned().unwrap_or_default();
        all.iter().copied().zip(recv.iter().copied()).collect()
    }

    /// Checks `targs` against `tparams`' constraints (substituted); reports at `spans[i]`.
    pub fn verify_targs(&mut self, tparams: &[TypeId], targs: &[TypeId], spans: &[Span], at: Span) -> bool {
        self.verify_targs_in(tparams, targs, spans, at, SubstMap::new())
    }

    /// [`Self::verify_targs`] with the bindings of `outer` (a generic method's receiver type
    /// parameters) substituted into the constraints too.
    pub fn verify_targs_in(&mut self, tparams: &[TypeId], targs: &[TypeId], spans: &[Span], at: Span, outer: SubstMap) -> bool {
        let mut map: SubstMap = outer;
        map.extend(tparams.iter().copied().zip(targs.iter().copied()));
        for (i, (&tp, &ta)) in tparams.iter().zip(targs).enumerate() {
            let c = self.tt.type_param(tp).map(|p| p.constraint).unwrap_or(TypeTable::INVALID);
            let c = self.tt.subst(c, &map);
            if let Err(msg) = self.satisfies(ta, c) {
                let span = spans.get(i).copied().unwrap_or(at);
                self.error(span, msg);
                return false;
            }
        }
        true
    }

    /// Resolves explicit type arguments.
    fn type_args(&mut self, list: &'a [Expr]) -> Option<Vec<TypeId>> {
        let mut v = vec![];
        let mut ok = true;
        for a in list {
            let t = self.typ(a);
            ok &= t != TypeTable::INVALID;
            v.push(t);
        }
        ok.then_some(v)
    }

    /// The generic type a receiver's base identifier names (INVALID after an error).
    pub fn typ_generic_base(&mut self, e: &'a Expr) -> TypeId {
        let Some(id) = e.unparen().as_ident() else { return self.typ(e) };
        let Some(o) = self.lookup(&id.name) else {
            self.error(id.span, format!("undefined: {}", id.name));
            return TypeTable::INVALID;
        };
        self.info.uses[id.id] = o.into();
        self.use_object(o, id.span);
        match self.info.objects[o].kind {
            ObjKind::TypeName { ty } => {
                self.info.types[e.id] = TypeAndValue { mode: Mode::TypeExpr, ty };
                ty
            }
            _ => {
                self.error(id.span, format!("{} is not a type", id.name));
                TypeTable::INVALID
            }
        }
    }

    /// True if `x` (an index expression's operand) names a generic type or function.
    pub fn is_generic_operand(&self, x: &Expr) -> bool {
        if let ExprKind::Selector { x: inner, sel } = &x.unparen().kind {
            // possibly a generic method (`v.m[int]`); decided once `x.m` is checked
            let qualified = inner.as_ident().and_then(|p| self.lookup(&p.name)).is_some_and(|o| matches!(self.info.objects[o].kind, ObjKind::PkgName(_)));
            if !qualified && self.info.generic_method_names.contains(&sel.name) {
                return true;
            }
        }
        let Some((_, o)) = self.named_object(x) else { return false };
        // a package-level declaration perhaps not resolved yet (`var m = New[int]()` before
        // `func New[X any]`)
        match self.pkg_decls.get(&o) {
            Some(super::checker::PkgDecl::Type { spec }) => return !spec.tparams.is_empty(),
            Some(super::checker::PkgDecl::Func { decl }) => return !decl.typ.tparams.is_empty(),
            _ => {}
        }
        match self.info.objects[o].kind {
            ObjKind::TypeName { .. } if self.info.generic_aliases.contains_key(&o) => true,
            ObjKind::TypeName { ty } => !self.tt.tparams_of(ty).is_empty(),
            ObjKind::Func { .. } => !self.func_tparams(o).is_empty(),
            _ => false,
        }
    }

    /// `List[T any]`, as go/types prints a generic type in `without instantiation`.
    pub fn generic_type_string(&self, t: TypeId) -> String {
        let outer = self.tt.implicit_tparams.get(&t).copied().unwrap_or(0);
        self.generic_alias_string(&self.tt.type_string_err(t), &self.tt.tparams_of(t)[outer..])
    }

    /// `G[args]` where `G` is a generic named type: the instance.
    pub fn instantiate_type_expr(&mut self, e: &'a Expr, origin: TypeId, args: &'a [Expr]) -> TypeId {
        let tparams = self.tt.tparams_of(origin).to_vec();
        let name = self.tt.type_string_err(origin);
        // a generic type local to a generic function: its implicit leading type parameters are
        // the function's own (identity here; each instance of the function substitutes them)
        let outer = self.tt.implicit_tparams.get(&origin).copied().unwrap_or(0);
        let Some(own) = self.type_args_for(e, &name, tparams.len() - outer, args) else { return TypeTable::INVALID };
        let targs: Vec<TypeId> = tparams[..outer].iter().copied().chain(own).collect();
        let mut spans: Vec<Span> = vec![e.span; outer];
        spans.extend(args.iter().map(|a| a.span));
        self.inst_graph.record(&self.tt, &tparams, &targs, &spans, e.span);
        let inst = self.tt.instantiate(origin, targs.clone());
        self.pending_verify.push((tparams, targs, spans, e.span));
        inst
    }

    /// The type arguments `args` of the generic type or alias `name`, which has `want` type
    /// parameters (gc's `too many`/`not enough type arguments` error otherwise).
    fn type_args_for(&mut self, e: &'a Expr, name: &str, want: usize, args: &'a [Expr]) -> Option<Vec<TypeId>> {
        let targs = self.type_args(args)?;
        if targs.len() != want {
            let how = if targs.len() > want { "too many" } else { "not enough" };
            self.error(e.span, format!("{how} type arguments for type {name}: have {}, want {want}", targs.len()));
            return None;
        }
        Some(targs)
    }

    /// `A[args]` where `A` (`name`) is a generic alias of `rhs` over `tparams`: `rhs` with the
    /// type arguments substituted (an alias instance is no new type).
    fn instantiate_alias(&mut self, e: &'a Expr, name: &str, tparams: &[TypeId], rhs: TypeId, args: &'a [Expr]) -> TypeId {
        let Some(targs) = self.type_args_for(e, name, tparams.len(), args) else { return TypeTable::INVALID };
        let spans: Vec<Span> = args.iter().map(|a| a.span).collect();
        let map: super::ty::SubstMap = tparams.iter().copied().zip(targs.iter().copied()).collect();
        let t = self.tt.subst(rhs, &map);
        self.pending_verify.push((tparams.to_vec(), targs, spans, e.span));
        t
    }

    /// `A[P any]`, as types2 prints a generic alias in `without instantiation`.
    pub fn generic_alias_string(&self, name: &str, tparams: &[TypeId]) -> String {
        let mut s = format!("{name}[");
        for (i, &tp) in tparams.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            let p = self.tt.type_param(tp).expect("type parameter");
            s.push_str(&p.name);
            s.push(' ');
            s.push_str(&self.constraint_string(p.constraint));
        }
        s.push(']');
        s
    }

    /// Runs constraint checks deferred until all declarations are resolved.
    pub fn run_pending_verify(&mut self) {
        let v = std::mem::take(&mut self.pending_verify);
        for (tps, tas, spans, at) in v {
            self.verify_targs(&tps, &tas, &spans, at);
        }
    }

    /// An index expression whose operand is generic: explicit instantiation (`F[int]`,
    /// `Pair[K, V]`). `allow_partial` is set when the result is called (the rest is inferred).
    pub fn generic_index(&mut self, e: &'a Expr, xe: &'a Expr, args: &'a [Expr]) -> Operand<'a> {
        self.generic_index_inner(e, xe, args).unwrap_or_else(|| Operand::invalid(e.id, e.span))
    }

    fn generic_index_inner(&mut self, e: &'a Expr, xe: &'a Expr, args: &'a [Expr]) -> Option<Operand<'a>> {
        let mk = |mode: Mode, ty: TypeId| Operand { mode, ty, id: e.id, span: e.span, expr: Some(e), comma_ok: false };
        // generic type?
        if let Some((id, o)) = self.named_object(xe) {
            {
                if matches!(self.info.objects[o].kind, ObjKind::TypeName { .. }) {
                    self.use_object(o, id.span);
                    if let ExprKind::Selector { x: px, .. } = &xe.unparen().kind {
                        // the qualifier's package is used
                        let pid = px.as_ident().expect("qualified identifier");
                        if let Some(po) = self.lookup(&pid.name) {
                            self.info.uses[pid.id] = po.into();
                        }
                        if let Some(entry) = self.imports.get_mut(&pid.name) {
                            entry.used = true;
                        }
                    }
                }
                if let Some((tparams, rhs)) = self.info.generic_aliases.get(&o).cloned() {
                    self.info.uses[id.id] = o.into();
                    let t = self.instantiate_alias(e, &id.name, &tparams, rhs, args);
                    if t == TypeTable::INVALID {
                        return Some(Operand::invalid(e.id, e.span));
                    }
                    return Some(mk(Mode::TypeExpr, t));
                }
                if let ObjKind::TypeName { ty } = self.info.objects[o].kind {
                    if !self.tt.tparams_of(ty).is_empty() {
                        self.info.uses[id.id] = o.into();
                        self.info.types[xe.id] = TypeAndValue { mode: Mode::TypeExpr, ty };
                        let t = self.instantiate_type_expr(e, ty, args);
                        if t == TypeTable::INVALID {
                            return Some(Operand::invalid(e.id, e.span));
                        }
                        return Some(mk(Mode::TypeExpr, t));
                    }
                }
            }
        }
        let partial = std::mem::take(&mut self.partial_ok);
        self.allow_generic = true;
        let f = self.expr(xe);
        self.allow_generic = false;
        if f.mode != Mode::Invalid && self.generic_func_of(xe).is_none() && matches!(xe.unparen().kind, ExprKind::Selector { .. }) {
            // `v.f[i]`: a selector that named no generic method after all
            let mut f = f;
            self.single_value(&mut f);
            if args.len() != 1 {
                if f.mode != Mode::Invalid {
                    self.error(args[1].span, "invalid operation: more than one index");
                }
                return Some(Operand::invalid(e.id, e.span));
            }
            return Some(self.index_operand(e, f, &args[0]));
        }
        let obj = self.generic_func_of(xe)?;
        if f.mode == Mode::Invalid {
            return Some(Operand::invalid(e.id, e.span));
        }
        let tparams = self.func_tparams(obj);
        let Some(targs) = self.type_args(args) else { return Some(Operand::invalid(e.id, e.span)) };
        if targs.len() > tparams.len() {
            self.error(args[tparams.len()].span, format!("got {} type arguments but want {}", targs.len(), tparams.len()));
            return Some(Operand::invalid(e.id, e.span));
        }
        if targs.len() < tparams.len() {
            if partial {
                self.partial_targs = Some(targs);
                return Some(mk(Mode::Value, f.ty));
            }
            let name = self.expr_string(xe);
            let missing = self.tt.type_string_err(tparams[targs.len()]);
            let pos = self.pos_string(self.tparam_decl_span(tparams[targs.len()]));
            self.error(e.span, format!("in call to {name}, cannot infer {missing} (declared at {pos})"));
            let _ = missing;
            return Some(Operand::invalid(e.id, e.span));
        }
        let spans: Vec<Span> = args.iter().map(|a| a.span).collect();
        let outer = self.method_recv_map(xe);
        if !self.verify_targs_in(&tparams, &targs, &spans, e.span, outer) {
            return Some(Operand::invalid(e.id, e.span));
        }
        let ident = self.generic_ident(xe).expect("generic function identifier");
        let arg_spans: Vec<Span> = args.iter().map(|a| a.span).collect();
        if !self.check_instantiation_cycle(&arg_spans, ident.span, &tparams, &targs) {
            return Some(Operand::invalid(e.id, e.span));
        }
        let map: SubstMap = tparams.iter().copied().zip(targs.iter().copied()).collect();
        let sig = self.tt.subst(f.ty, &map);
        self.record_instance(ident.id, targs);
        self.info.types[xe.id] = TypeAndValue { mode: Mode::Value, ty: sig };
        Some(mk(Mode::Value, sig))
    }

    /// Records an instantiation of `tparams` with `targs` in the package's instantiation graph
    /// (types2's `recordInstance`; the cycle check runs once the package is checked,
    /// `instcycle`). `spans[i]` is where the i-th type argument is written, `at` where an
    /// inferred one is (the call's parenthesis).
    pub fn check_instantiation_cycle(&mut self, spans: &[Span], at: Span, tparams: &[TypeId], targs: &[TypeId]) -> bool {
        self.inst_graph.record(&self.tt, tparams, targs, spans, at);
        true
    }

    /// Where a type parameter was declared.
    pub fn tparam_decl_span(&self, tp: TypeId) -> Span {
        for o in self.info.objects.values() {
            if let ObjKind::TypeName { ty } = o.kind {
                if ty == tp {
                    return o.span;
                }
            }
        }
        Span::default()
    }

    /// A call of a generic function `obj` (type `gsig`, with `explicit` type arguments given):
    /// infers the rest from the arguments, records the instance, and returns the instantiated
    /// signature (None after an error). Arguments are checked here (their operands returned).
    #[allow(clippy::too_many_arguments)]
    pub fn infer_call(
        &mut self,
        call: &'a Expr,
        fun: &'a Expr,
        obj: ObjId,
        gsig: TypeId,
        explicit: Vec<TypeId>,
        args: &'a [Expr],
        dots: bool,
        rparen: Span,
    ) -> Option<TypeId> {
        let tparams = self.func_tparams(obj);
        let sig = self.tt.signature(gsig).cloned()?;
        let mut map: SubstMap = tparams.iter().copied().zip(explicit.iter().copied()).collect();
        // Evaluate the arguments. A bare generic function argument (`slices.SortFunc(s,
        // slices.Compare)`) keeps its generic signature: its type parameters are inferred
        // together with the callee's (Go 1.21), then it is instantiated like `var f func(..) =
        // g` would be. (go/types renames them first, so that the callee itself or one function
        // passed twice can be an argument; gojit asks for an explicit instantiation then.)
        let mut ops = vec![];
        let mut generic_args: Vec<(usize, ObjId, Vec<TypeId>)> = vec![];
        for (i, a) in args.iter().enumerate() {
            let bare = self.named_object(a).is_some_and(|(_, o)| !self.func_tparams(o).is_empty());
            self.allow_generic = bare;
            let x = self.expr(a);
            self.allow_generic = false;
            if let Some(o) = self.generic_func_of(a).filter(|_| bare && x.mode != Mode::Invalid) {
                let tps = self.func_tparams(o);
                let taken = |t: &TypeId| {
                    tparams.contains(t) || self.cur_tparams.contains(t) || generic_args.iter().any(|(_, _, g)| g.contains(t))
                };
                if tps.iter().any(taken) {
                    let name = self.expr_string(a);
                    self.error(a.span, format!("cannot use generic function {name} without instantiation"));
                    return None;
                }
                generic_args.push((i, o, tps));
            }
            ops.push(x);
        }
        if ops.iter().any(|x| x.mode == Mode::Invalid) {
            return None;
        }
        let nparams = sig.params.len();
        let param_at = |i: usize| -> Option<TypeId> {
            if sig.variadic && i + 1 >= nparams {
                let last = *sig.params.last()?;
                Some(last)
            } else {
                sig.params.get(i).copied()
            }
        };
        let mut tpset: Vec<TypeId> = tparams.clone();
        for (_, _, tps) in &generic_args {
            tpset.extend(tps.iter().copied());
        }
        let is_generic_arg = |i: usize| generic_args.iter().any(|(j, ..)| *j == i);
        // types2's genericExprList: `f(g())` with a multi-value g spreads g's results over the
        // parameters before inference. Each value: (its type, the argument it comes from).
        let spread: Vec<(TypeId, usize)> = match ops.as_slice() {
            [x] if !dots && x.mode == Mode::Value && self.tt.tuple_elems(x.ty).len() > 1 => {
                self.tt.tuple_elems(x.ty).iter().map(|&t| (t, 0)).collect()
            }
            _ => ops.iter().enumerate().map(|(i, x)| (x.ty, i)).collect(),
        };
        if spread.len() != ops.len() {
            // types2 checks the spread count against the generic signature before inferring
            let n = spread.len();
            if (sig.variadic && n + 1 < nparams) || (!sig.variadic && n != nparams) {
                let name = self.expr_string(fun);
                let have: Vec<TypeId> = spread.iter().map(|&(t, _)| t).collect();
                self.count_error(call, &name, &sig.params, sig.variadic, &have, n < nparams, rparen, &args[0]);
                return None;
            }
        }
        let mut untyped: Vec<(usize, TypeId)> = vec![];
        let mut bound_at: HashMap<TypeId, Span> = HashMap::new();
        for (i, &(xty, ai)) in spread.iter().enumerate() {
            let Some(mut p) = param_at(i) else { break };
            // `f(xs...)` passes the variadic parameter's slice itself
            if sig.variadic && i + 1 >= nparams && !dots {
                if let Type::Slice(e) = self.tt.get(p) {
                    p = *e;
                }
            }
            if !self.tt.has_tparams(p) && !is_generic_arg(i) {
                continue;
            }
            if self.tt.is_untyped(xty) {
                if self.tt.is_type_param(p) && xty != TypeTable::UNTYPED_NIL {
                    untyped.push((ai, p));
                }
                continue;
            }
            let mut ok = true;
            let at = self.tt.tuple_elems(xty);
            if at.len() == 1 {
                let before: Vec<TypeId> = map.keys().copied().collect();
                ok = self.unify(p, xty, &tpset, &mut map, true, 0);
                for k in map.keys() {
                    if !before.contains(k) {
                        bound_at.insert(*k, args[ai].span);
                    }
                }
            }
            if !ok {
                let name = self.expr_string(fun);
                let xs = self.tt.type_string_err(xty);
                let es = self.expr_string(&args[ai]);
                let tps: Vec<String> = tparams.iter().map(|&t| self.tt.type_string_err(t)).collect();
                let tp_p = self.tt.type_string_err(p);
                self.error(
                    args[ai].span,
                    format!("in call to {name}, type {xs} of {es} does not match {tp_p} (cannot infer {})", tps.join(", ")),
                );
                return None;
            }
        }
        // untyped constants: the default type of the "largest" kind per type parameter
        let mut by_tp: HashMap<TypeId, TypeId> = HashMap::new();
        for &(i, p) in &untyped {
            if map.contains_key(&p) {
                continue;
            }
            let t = ops[i].ty;
            let rank = |t: TypeId| match self.tt.basic(t) {
                Some(BasicKind::UntypedInt) => 1,
                Some(BasicKind::UntypedRune) => 2,
                Some(BasicKind::UntypedFloat) => 3,
                Some(BasicKind::UntypedComplex) => 4,
                _ => 0,
            };
            match by_tp.get(&p) {
                Some(&prev) if rank(prev) >= rank(t) => {}
                Some(&prev) if rank(prev) == 0 || rank(t) == 0 => {
                    let name = self.expr_string(fun);
                    let a = self.tt.type_string_err(prev);
                    let b = self.tt.type_string_err(t);
                    let tp = self.tt.type_string_err(p);
                    self.error(args[i].span, format!("in call to {name}, mismatched types {a} and {b} (cannot infer {tp})"));
                    return None;
                }
                _ => {
                    by_tp.insert(p, t);
                    bound_at.insert(p, args[i].span);
                }
            }
        }
        // constraint type inference: core types of constraints
        for _round in 0..4 {
            let mut changed = false;
            for &tp in &tpset {
                let core = self.tt.type_param(tp).map(|p| (p.core, p.constraint)).unwrap_or_default();
                let ts = self.type_set(core.1);
                let single = match &ts.terms {
                    Some(v) if v.len() == 1 => Some(v[0]),
                    _ => None,
                };
                let Some(term) = single else { continue };
                match map.get(&tp).copied().map(|t| self.resolve_inferred(t, &map, &tpset)) {
                    // bound to another type parameter still being inferred: nothing to learn yet
                    Some(t) if tpset.contains(&t) => {}
                    Some(t) => {
                        let u = if term.tilde { self.tt.underlying(t) } else { t };
                        let before = map.len();
                        // inexact, as types2: a bound type parameter matches by its core type
                        self.unify(term.ty, u, &tpset, &mut map, true, 0);
                        changed |= map.len() != before;
                    }
                    None => {
                        // types2: a single specific type without tilde is the type argument
                        // (`PT interface{ *T; M() }` gives PT = *T once T is known); a tilde
                        // term leaves it unknown
                        if term.tilde {
                            continue;
                        }
                        // all type parameters in the core known? then T = core (substituted)
                        let t = self.resolve_inferred(term.ty, &map, &tpset);
                        if !self.mentions_any(t, &tpset) {
                            map.insert(tp, t);
                            changed = true;
                        }
                    }
                }
            }
            if !changed {
                break;
            }
        }
        for (p, t) in by_tp {
            if !map.contains_key(&p) {
                let d = self.tt.default_type(t);
                map.insert(p, d);
            }
        }
        let mut all_targs = vec![];
        for &tp in &tpset {
            let t = map.get(&tp).map(|&t| self.resolve_inferred(t, &map, &tpset));
            match t {
                Some(t) if !self.mentions_any(t, &tpset) || self.cur_tparams == tparams => all_targs.push(t),
                _ => {
                    let name = self.expr_string(fun);
                    let s = self.tt.type_string_err(tp);
                    let pos = self.pos_string(self.tparam_decl_span(tp));
                    let at = match &call.kind {
                        ExprKind::Call { lparen, .. } => *lparen,
                        _ => rparen,
                    };
                    self.error(at, format!("in call to {name}, cannot infer {s} (declared at {pos})"));
                    return None;
                }
            }
        }
        let targs: Vec<TypeId> = all_targs[..tparams.len()].to_vec();
        // instantiate the generic function arguments with what was inferred for them
        let mut next = tparams.len();
        for (i, o, tps) in &generic_args {
            let arg_targs = all_targs[next..next + tps.len()].to_vec();
            next += tps.len();
            let a = &args[*i];
            // types2 reports an unsatisfied constraint at the call (instantiateSignature)
            let at = match &call.kind {
                ExprKind::Call { lparen, .. } => *lparen,
                _ => a.span,
            };
            if !self.verify_targs(tps, &arg_targs, &vec![at; tps.len()], at) {
                return None;
            }
            let Some(id) = self.generic_ident(a) else { return None };
            if !self.check_instantiation_cycle(&[], at, tps, &arg_targs) {
                return None;
            }
            let asig = self.info.objects[*o].ty().unwrap_or_default();
            let full: SubstMap = tps.iter().copied().zip(arg_targs.iter().copied()).collect();
            let isig = self.tt.subst(asig, &full);
            self.record_instance(id.id, arg_targs);
            ops[*i].ty = isig;
            self.record(&ops[*i].clone());
            if a.unparen().id != a.id {
                self.info.types[a.unparen().id] = TypeAndValue { mode: Mode::Value, ty: isig };
            }
        }
        let lparen = match &call.kind {
            ExprKind::Call { lparen, .. } => *lparen,
            _ => call.span,
        };
        let _ = &bound_at;
        let spans: Vec<Span> = vec![lparen; targs.len()];
        let fspan = fun.span;
        let outer = self.method_recv_map(fun.unparen());
        if !self.verify_targs_in(&tparams, &targs, &spans, fspan, outer) {
            return None;
        }
        let full: SubstMap = tparams.iter().copied().zip(targs.iter().copied()).collect();
        let isig = self.tt.subst(gsig, &full);
        let ident = fun.unparen();
        let ident = match &ident.kind {
            ExprKind::Index { x, .. } | ExprKind::IndexList { x, .. } => x.unparen(),
            _ => ident,
        };
        if let Some(id) = self.generic_ident(ident) {
            if !self.check_instantiation_cycle(&[], lparen, &tparams, &targs) {
                return None;
            }
            self.record_instance(id.id, targs);
        }
        self.info.types[fun.id] = TypeAndValue { mode: Mode::Value, ty: isig };
        self.pending_args = Some(ops);
        Some(isig)
    }

    /// types2's reverse type inference: a bare generic function `obj` (signature `gsig`) used
    /// where a value of type `target` is expected takes its type arguments from unifying its
    /// signature with `target` (`var f func(int) int = g`). Records the instance on `id` and
    /// returns the instantiated signature; `None` when the target does not determine them all.
    pub fn reverse_infer(&mut self, id: &ast::Ident, obj: ObjId, gsig: TypeId, target: TypeId, at: Span) -> Option<TypeId> {
        if self.tt.signature(target).is_none() || self.tt.has_tparams(target) && self.cur_tparams.is_empty() {
            return None;
        }
        let tparams = self.func_tparams(obj);
        let mut map = SubstMap::new();
        if !self.unify(gsig, target, &tparams, &mut map, true, 0) {
            return None;
        }
        let mut targs = vec![];
        for &tp in &tparams {
            let t = *map.get(&tp)?;
            if self.mentions_any(t, &tparams) && self.cur_tparams != tparams {
                return None;
            }
            targs.push(t);
        }
        let spans = vec![at; targs.len()];
        if !self.verify_targs(&tparams, &targs, &spans, at) {
            return None;
        }
        if !self.check_instantiation_cycle(&[], id.span, &tparams, &targs) {
            return None;
        }
        let full: SubstMap = tparams.iter().copied().zip(targs.iter().copied()).collect();
        let isig = self.tt.subst(gsig, &full);
        self.record_instance(id.id, targs);
        Some(isig)
    }

    /// `t` with the inferred bindings in `map` substituted until it mentions none of `tps` that
    /// `map` binds (a type parameter may be bound to another one: `E := S2` when a generic
    /// function argument's `func(S2, S2) int` meets `func(E, E) int`).
    fn resolve_inferred(&mut self, t: TypeId, map: &SubstMap, tps: &[TypeId]) -> TypeId {
        let mut t = t;
        for _ in 0..=tps.len() {
            if !self.mentions_any(t, tps) {
                break;
            }
            let n = self.tt.subst(t, map);
            if n == t {
                break;
            }
            t = n;
        }
        t
    }

    fn mentions_any(&self, t: TypeId, tps: &[TypeId]) -> bool {
        if !self.tt.has_tparams(t) {
            return false;
        }
        let mut found = false;
        self.walk_tparams(t, &mut |p| found |= tps.contains(&p), 0);
        found
    }

    fn walk_tparams(&self, t: TypeId, f: &mut dyn FnMut(TypeId), d: u32) {
        if d > 64 {
            return;
        }
        let d = d + 1;
        match self.tt.get(t) {
            Type::TypeParam(_) => f(t),
            Type::Named(n) => {
                for &a in &n.targs.clone() {
                    self.walk_tparams(a, f, d);
                }
            }
            Type::Pointer(e) | Type::Slice(e) | Type::Array { elem: e, .. } => self.walk_tparams(*e, f, d),
            Type::Map { key, val } => {
                self.walk_tparams(*key, f, d);
                self.walk_tparams(*val, f, d);
            }
            Type::Struct { fields } => {
                for x in fields.clone() {
                    self.walk_tparams(x.ty, f, d);
                }
            }
            Type::Func(s) => {
                for &p in s.params.clone().iter().chain(&s.results.clone()) {
                    self.walk_tparams(p, f, d);
                }
            }
            Type::Tuple(v) => {
                for &p in &v.clone() {
                    self.walk_tparams(p, f, d);
                }
            }
            _ => {}
        }
    }

    /// Unifies parameter type `p` (mentioning type parameters `tps`) with argument type `a`,
    /// extending `map`. `inexact`: a defined argument type may match a type literal by its
    /// underlying type (assignability).
    pub fn unify(&mut self, p: TypeId, a: TypeId, tps: &[TypeId], map: &mut SubstMap, inexact: bool, d: u32) -> bool {
        if d > 64 {
            return false;
        }
        let d = d + 1;
        if tps.contains(&p) {
            return match map.get(&p).copied() {
                Some(b) => {
                    if b == a {
                        return true;
                    }
                    // inexact: a defined type and a literal with the same underlying type unify;
                    // keep the defined one.
                    if inexact && self.tt.underlying(b) == self.tt.underlying(a) {
                        if self.tt.is_named(a) && !self.tt.is_named(b) {
                            map.insert(p, a);
                        }
                        return true;
                    }
                    // the bound type may itself mention type parameters, or the argument be a
                    // generic function argument's type parameter
                    if self.tt.has_tparams(b) || tps.contains(&a) && !self.cur_tparams.contains(&a) {
                        return self.unify(b, a, tps, map, inexact, d);
                    }
                    false
                }
                None => {
                    map.insert(p, a);
                    true
                }
            };
        }
        if p == a {
            // a generic function calling itself with its own type parameters
            let mut own = vec![];
            self.walk_tparams(p, &mut |t| own.push(t), 0);
            for t in own {
                if tps.contains(&t) {
                    map.entry(t).or_insert(t);
                }
            }
            return true;
        }
        // a type parameter of a generic function argument (not the enclosing function's own)
        // on the argument's side: bound the same way
        if tps.contains(&a) && !self.cur_tparams.contains(&a) {
            return match map.get(&a).copied() {
                Some(b) if b == p => true,
                Some(b) => self.unify(p, b, tps, map, inexact, d),
                None => {
                    map.insert(a, p);
                    true
                }
            };
        }
        if !self.tt.has_tparams(p) {
            return if inexact { self.tt.underlying(p) == self.tt.underlying(a) || self.tt.is_interface(p) } else { false };
        }
        let pt = self.tt.get(p).clone();
        // named generic instance vs instance of the same origin
        if let Type::Named(pn) = &pt {
            if let Some(po) = pn.origin {
                if let Some(an) = self.tt.named(a).cloned() {
                    if an.origin == Some(po) {
                        for (x, y) in pn.targs.iter().zip(an.targs.iter()) {
                            if !self.unify(*x, *y, tps, map, false, d) {
                                return false;
                            }
                        }
                        return true;
                    }
                }
                // inexact: a type literal argument matches the instance's underlying type
                // (`Func2[A1, A2, R]` and `func(int, int) int`)
                if inexact && !self.tt.is_named(a) && !self.tt.is_type_param(a) {
                    let pu = self.tt.underlying(p);
                    return pu != p && self.unify(pu, a, tps, map, false, d);
                }
                return false;
            }
        }
        // inexact: a defined type matches by its underlying type, and a type parameter not
        // being inferred (the enclosing function's) by its core type (types2's core type
        // unification)
        let by_under = self.tt.is_named(a) || (self.tt.is_type_param(a) && !tps.contains(&a));
        let au = if inexact && by_under { self.tt.underlying(a) } else { a };
        let at = self.tt.get(au).clone();
        match (pt, at) {
            (Type::Pointer(x), Type::Pointer(y)) | (Type::Slice(x), Type::Slice(y)) => self.unify(x, y, tps, map, false, d),
            (Type::Array { len: l1, elem: x }, Type::Array { len: l2, elem: y }) => {
                l1 == l2 && self.unify(x, y, tps, map, false, d)
            }
            (Type::Map { key: k1, val: v1 }, Type::Map { key: k2, val: v2 }) => {
                self.unify(k1, k2, tps, map, false, d) && self.unify(v1, v2, tps, map, false, d)
            }
            // go/types: the direction is ignored for inexact (assignment) unification
            (Type::Chan { dir: d1, elem: x }, Type::Chan { dir: d2, elem: y }) => {
                (inexact || d1 == d2) && self.unify(x, y, tps, map, false, d)
            }
            (Type::Func(s1), Type::Func(s2)) => {
                s1.params.len() == s2.params.len()
                    && s1.results.len() == s2.results.len()
                    && s1.variadic == s2.variadic
                    && s1.params.iter().zip(&s2.params).all(|(x, y)| self.unify(*x, *y, tps, map, false, d))
                    && s1.results.iter().zip(&s2.results).all(|(x, y)| self.unify(*x, *y, tps, map, false, d))
            }
            (Type::Struct { fields: f1 }, Type::Struct { fields: f2 }) => {
                f1.len() == f2.len()
                    && f1.iter().zip(&f2).all(|(x, y)| x.name == y.name && self.unify(x.ty, y.ty, tps, map, false, d))
            }
            (Type::Interface { .. }, _) => true,
            _ => false,
        }
    }
}

fn merge_methods(into: &mut Vec<IMethod>, from: &[IMethod]) {
    for m in from {
        if !into.iter().any(|x| x.name == m.name) {
            into.push(m.clone());
        }
    }
}

fn dedup_terms(v: &mut Vec<Term>) {
    let mut out: Vec<Term> = vec![];
    for t in v.drain(..) {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    *v = out;
}
