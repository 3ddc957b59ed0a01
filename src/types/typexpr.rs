//! Type expressions: resolving the type denoted by an AST expression (`int`, `*T`, `[]T`,
//! `[N]T`, `map[K]V`, `func(...)`, `struct{...}`, `interface{...}`, `fmt.Stringer`), and function
//! signatures.
//!
//! Invariant: every type expression's id is recorded in `info.types` with mode `TypeExpr` (or
//! `Invalid` after an error, in which case `TypeTable::INVALID` is returned and the error reported
//! once).

use std::collections::HashMap;
use super::checker::{Checker, MAX_DEPTH};
use super::expr::Operand;
use super::info::*;
use super::ty::{Field, IMethod, Type, TypeId, TypeTable};
use crate::syntax::ast::{self, Expr, ExprKind};

impl<'a> Checker<'a> {
    /// The type denoted by `e`, or INVALID (error reported).
    pub fn typ(&mut self, e: &'a Expr) -> TypeId {
        if self.depth > MAX_DEPTH {
            self.error(e.span, "type nesting too deep");
            return TypeTable::INVALID;
        }
        self.depth += 1;
        let t = self.typ_inner(e);
        self.depth -= 1;
        self.info.types[e.id] = if t == TypeTable::INVALID {
            TypeAndValue::default()
        } else {
            TypeAndValue { mode: Mode::TypeExpr, ty: t }
        };
        t
    }

    fn typ_inner(&mut self, e: &'a Expr) -> TypeId {
        match &e.kind {
            ExprKind::Ident(id) => {
                let x = self.expr(e);
                if x.mode == Mode::Invalid {
                    // A function whose signature is being checked (`func foo(x foo)`) has no
                    // type yet: types2 describes it by its kind.
                    if let Some(o) = self.info.uses[id.id].expand() {
                        if matches!(self.info.objects[o].kind, ObjKind::Func { ty: TypeTable::INVALID, .. }) {
                            self.error(e.span, format!("{} (function) is not a type", id.name));
                        }
                    }
                }
                self.expect_type(x)
            }
            ExprKind::Selector { .. } => {
                let x = self.expr(e);
                self.expect_type(x)
            }
            ExprKind::Paren(inner) => self.typ(inner),
            ExprKind::Star(inner) => {
                let t = self.typ(inner);
                if t == TypeTable::INVALID { t } else { self.tt.pointer(t) }
            }
            ExprKind::ArrayType { len, elem } => {
                let Some(len) = len else {
                    self.error(e.span, "invalid use of [...] array (outside a composite literal)");
                    self.typ(elem);
                    return TypeTable::INVALID;
                };
                let n = self.array_length(len);
                let et = self.typ(elem);
                match n {
                    Some(n) if et != TypeTable::INVALID => {
                        let t = self.tt.array(n, et);
                        self.check_array_size(e, t, n, et);
                        t
                    }
                    _ => TypeTable::INVALID,
                }
            }
            ExprKind::SliceType { elem } => {
                let et = self.typ(elem);
                if et == TypeTable::INVALID { et } else { self.tt.slice(et) }
            }
            ExprKind::ChanType { dir, elem } => {
                let et = self.typ(elem);
                if et == TypeTable::INVALID {
                    return et;
                }
                let sp = self.size_anchor.or_else(|| self.cur_pkg_obj.map(|o| self.info.objects[o].span)).unwrap_or(e.span);
                let t = self.tt.chan(*dir, et);
                self.chan_elems.push((sp, t, et));
                t
            }
            ExprKind::MapType { key, value } => {
                let k = self.typ(key);
                let v = self.typ(value);
                if k == TypeTable::INVALID || v == TypeTable::INVALID {
                    return TypeTable::INVALID;
                }
                // Comparability is checked once every type is complete (types2's check.later):
                // the key may be in progress (`type S struct{ m map[S]bool }`) or contain one
                // that is (`type m map[k]int; type k [1]m`), or be invalid by recursion.
                self.pending_type_checks.push(super::checker::LaterTypeCheck::MapKey { key: k, span: key.span });
                self.tt.map(k, v)
            }
            ExprKind::FuncType(ft) => {
                self.duplicate_param_names(ft);
                self.func_type(ft).0
            }
            ExprKind::StructType(st) => self.struct_type(st),
            ExprKind::InterfaceType(it) => {
                let direct = self.type_path.last().is_some_and(|p| p.1 == e.id);
                self.interface_type(it, direct)
            }
            ExprKind::Ellipsis(_) => {
                self.error(e.span, "invalid use of ...");
                TypeTable::INVALID
            }
            _ => {
                let x = self.expr(e);
                self.expect_type(x)
            }
        }
    }

    fn expect_type(&mut self, x: Operand<'a>) -> TypeId {
        match x.mode {
            Mode::TypeExpr => x.ty,
            Mode::Invalid => TypeTable::INVALID,
            _ => {
                // Identifiers print as operands, other expressions as written (types2).
                let s = match x.expr.map(|e| &e.kind) {
                    Some(ExprKind::Ident(_)) | Some(ExprKind::Selector { .. }) => self.operand_string(&x),
                    _ => self.expr_str(&x),
                };
                self.error(x.span, format!("{s} is not a type"));
                TypeTable::INVALID
            }
        }
    }

    fn array_length(&mut self, e: &'a Expr) -> Option<u64> {
        let mut x = self.expr(e);
        if x.mode == Mode::Invalid {
            return None;
        }
        let Some(v) = x.val().cloned() else {
            if x.mode == Mode::TypeExpr {
                let s = self.operand_string(&x);
                self.error(e.span, format!("invalid array length {s}"));
            } else {
                let s = self.operand_string(&x);
                self.error(e.span, format!("array length {s} must be constant"));
            }
            return None;
        };
        let is_int = self.tt.basic(x.ty).is_some_and(|k| k.is_integer())
            || (self.tt.is_untyped(x.ty) && v.is_integral());
        if !is_int {
            let s = self.operand_string(&x);
            self.error(e.span, format!("array length {s} must be integer"));
            return None;
        }
        let n = v.as_int().unwrap_or(-1);
        if n < 0 {
            let s = self.operand_string(&x);
            self.error(e.span, format!("invalid array length {s}"));
            return None;
        }
        if n > i64::MAX as i128 {
            // types2: a length must fit an int
            let s = self.operand_string(&x);
            self.error(e.span, format!("invalid array length {s}"));
            return None;
        }
        if self.tt.is_untyped(x.ty) {
            self.set_operand_type(&mut x, TypeTable::INT, Some(super::ConstValue::int(n)));
        }
        Some(n as u64)
    }

    /// A function signature; also returns the per-field parameter types (variadic as `[]T`).
    /// Parameter and result names of a signature without a body (a function type or an
    /// interface method) must be distinct, as types2 declares them in one scope; signatures with
    /// bodies get the same error when their parameters are declared.
    fn duplicate_param_names(&mut self, ft: &'a ast::FuncType) {
        let mut seen: HashMap<&str, crate::diag::Span> = HashMap::new();
        for n in ft.params.iter().chain(&ft.results).flat_map(|f| f.names.iter()) {
            if n.name == "_" {
                continue;
            }
            match seen.get(n.name.as_str()) {
                Some(&other) => {
                    let msg = format!("{} redeclared in this block\n\t{}: other declaration of {}", n.name, self.pos_string(other), n.name);
                    self.error(n.span, msg);
                }
                None => {
                    seen.insert(&n.name, n.span);
                }
            }
        }
    }

    pub fn func_type(&mut self, ft: &'a ast::FuncType) -> (TypeId, Vec<TypeId>) {
        let mut params = vec![];
        let mut variadic = false;
        let n = ft.params.len();
        for (i, f) in ft.params.iter().enumerate() {
            let t = match &f.typ.kind {
                ExprKind::Ellipsis(Some(elem)) => {
                    if i + 1 != n || f.names.len() > 1 {
                        self.error(f.typ.span, "can only use ... with final parameter in list");
                        self.typ(elem);
                        TypeTable::INVALID
                    } else {
                        variadic = true;
                        let et = self.typ(elem);
                        if et == TypeTable::INVALID { et } else { self.tt.slice(et) }
                    }
                }
                _ => self.typ(&f.typ),
            };
            for _ in 0..f.names.len().max(1) {
                params.push(t);
            }
        }
        let mut results = vec![];
        for f in &ft.results {
            if let ExprKind::Ellipsis(_) = f.typ.kind {
                self.error(f.typ.span, "can only use ... with final parameter in list");
                continue;
            }
            let t = self.typ(&f.typ);
            for _ in 0..f.names.len().max(1) {
                results.push(t);
            }
        }
        let sig = self.tt.func(params.clone(), results, variadic);
        (sig, params)
    }

    fn struct_type(&mut self, st: &'a ast::StructType) -> TypeId {
        let mut fields: Vec<Field> = vec![];
        let mut spans: Vec<crate::diag::Span> = vec![];
        let mut bad = false;
        for f in &st.fields {
            // A field whose type is invalid (already reported) stays, with the invalid type, as
            // types2 keeps it: selecting it is then silent instead of `x.f undefined`, and the
            // struct's literals are not `invalid composite literal type` (cascading errors).
            let t = self.typ(&f.typ);
            if f.names.is_empty() {
                // Embedded field: T, *T, pkg.T.
                let mut te = f.typ.unparen();
                let mut is_ptr = false;
                if let ExprKind::Star(inner) = &te.kind {
                    te = inner.unparen();
                    is_ptr = true;
                }
                let base = match &te.kind {
                    ExprKind::Index { x, .. } | ExprKind::IndexList { x, .. } => x.unparen(),
                    _ => te,
                };
                let name = match &base.kind {
                    ExprKind::Ident(id) => id.name.clone(),
                    ExprKind::Selector { sel, .. } => sel.name.clone(),
                    _ => {
                        self.error(f.typ.span, "embedded field type must be a type name");
                        bad = true;
                        continue;
                    }
                };
                if t != TypeTable::INVALID {
                    let base = if is_ptr { self.tt.pointer_elem(t).unwrap_or(t) } else { t };
                    if self.tt.underlying(base) == TypeTable::INVALID {
                        // Incomplete (`type T *struct{ T }`): checked once every type is known.
                        self.pending_type_checks.push(super::checker::LaterTypeCheck::Embedded { ty: t, is_ptr, span: f.typ.span });
                    } else if let Some(msg) = self.embedded_field_error(base, is_ptr) {
                        self.error(f.typ.span, msg);
                        bad = true;
                    }
                }
                self.add_field(&mut fields, &mut spans, name, t, true, f.tag.clone(), te.span);
            } else {
                for n in &f.names {
                    self.add_field(&mut fields, &mut spans, n.name.clone(), t, false, f.tag.clone(), n.span);
                }
            }
        }
        if bad {
            return TypeTable::INVALID;
        }
        self.tt.intern(Type::Struct { fields })
    }

    #[allow(clippy::too_many_arguments)]
    fn add_field(
        &mut self,
        fields: &mut Vec<Field>,
        spans: &mut Vec<crate::diag::Span>,
        name: String,
        ty: TypeId,
        embedded: bool,
        tag: Option<Vec<u8>>,
        span: crate::diag::Span,
    ) {
        if name != "_" {
            if let Some(i) = fields.iter().position(|f| f.name == name) {
                let other = self.pos_string(spans[i]);
                self.error(span, format!("{name} redeclared\n\t{other}: other declaration of {name}"));
                return;
            }
        }
        let pkg = self.tt.local_qualifier(&name);
        // go/types: an empty tag is no tag (`struct{x int ""}` is `struct{x int}`)
        let tag = tag.filter(|t| !t.is_empty());
        fields.push(Field { name, ty, embedded, tag, pkg });
        spans.push(span);
    }

    /// Embedding interface `t` whose definition is incomplete (`at`: the embedding) is a
    /// declaration cycle; `direct` when the embedding interface is itself the right-hand side of
    /// the innermost type being declared. Reported once per cycle, as gc reports it: a cycle of
    /// named interfaces (`type I1 interface{ m() I2; I2 }; type I2 interface{ I1 }`) by types2's
    /// cycleError from its first member in source order; a cycle through an anonymous interface
    /// in a method signature (`type i interface{ m() interface{ i } }`) by gc's own check
    /// (go.dev/issue/56103) at the outermost type; a complete but invalid type (its own cycle
    /// broken) as referring to itself.
    fn embedded_interface_cycle(&mut self, t: TypeId, at: crate::diag::Span, direct: bool) {
        let Some(obj) = self.tt.named(t).and_then(|n| n.obj) else {
            let s = self.tt.type_string_err(t);
            self.error(at, format!("invalid recursive type: {s} refers to itself"));
            return;
        };
        if self.cycle_reported.contains(&obj) {
            return;
        }
        let path: Vec<(ObjId, crate::diag::Span, bool)> = self.type_path.iter().map(|p| (p.0, p.2, p.3)).collect();
        // `extra`: a pending declaration (see `PendingIface`) closing the cycle after the path.
        let (k, extra) = match path.iter().position(|p| p.0 == obj) {
            Some(k) => (k, None),
            None => match self.pending_iface_wait(obj).and_then(|w| path.iter().position(|p| p.0 == w)) {
                Some(k) => (k, Some(obj)),
                None if self.pending_iface_wait(obj).is_some() && direct && !path.last().is_some_and(|p| p.2) => {
                    self.iface_wait = Some(obj);
                    return;
                }
                None => {
                    self.cycle_reported.insert(obj);
                    let s = self.tt.type_string_err(t);
                    self.error(self.info.objects[obj].span, format!("invalid recursive type: {s} refers to itself"));
                    return;
                }
            },
        };
        if direct && extra.is_none() && k + 1 < path.len() && !path.last().is_some_and(|p| p.2) {
            // The cycle may pass through a method signature (`type I1 interface{ m() I2 }; type
            // I2 interface{ I1 }` is legal): wait for the declaration in progress. A cycle of
            // embeddings only comes back here through the pending declaration (`extra`).
            self.iface_wait = Some(obj);
            return;
        }
        if let Some(o) = extra {
            self.abandon_pending_iface(o);
        }
        if !direct {
            if path.iter().any(|p| self.cycle_reported.contains(&p.0)) {
                self.cycle_reported.extend(path[k..].iter().map(|p| p.0));
                return;
            }
            self.cycle_reported.extend(path[k..].iter().map(|p| p.0));
            // gc checks this after type checking, and only when it found no errors.
            let msg = "invalid recursive type: anonymous interface refers to itself (see https://go.dev/issue/56103)";
            self.anonymous_cycles.push(crate::diag::Diagnostic::new(path[k].1, msg));
            return;
        }
        let mut cycle: Vec<ObjId> = path[k..].iter().filter(|p| !p.2).map(|p| p.0).chain(extra).collect();
        if cycle.is_empty() || cycle.iter().any(|o| self.cycle_reported.contains(o)) {
            return;
        }
        self.cycle_reported.extend(cycle.iter().copied());
        let first = (0..cycle.len()).min_by_key(|&i| self.info.objects[cycle[i]].span.lo).unwrap_or(0);
        cycle.rotate_left(first);
        let name = |c: &Self, o: ObjId| c.info.objects[o].name.clone();
        let span0 = self.info.objects[cycle[0]].span;
        if cycle.len() == 1 {
            self.error(span0, format!("invalid recursive type: {} refers to itself", name(self, cycle[0])));
            return;
        }
        let mut msg = format!("invalid recursive type {}", name(self, cycle[0]));
        for i in 0..cycle.len() {
            let next = cycle[(i + 1) % cycle.len()];
            let pos = self.pos_string(self.info.objects[cycle[i]].span);
            msg.push_str(&format!("\n\t{pos}: {} refers to {}", name(self, cycle[i]), name(self, next)));
        }
        self.error(span0, msg);
    }

    fn interface_type(&mut self, it: &'a ast::InterfaceType, direct: bool) -> TypeId {
        let mut methods: Vec<IMethod> = vec![];
        let mut spans: Vec<crate::diag::Span> = vec![];
        let mut explicit: Vec<bool> = vec![];
        let mut bad = false;
        let mut terms: Option<Vec<super::ty::Term>> = None;
        let mut comparable = false;
        for el in &it.elems {
            match el {
                ast::InterfaceElem::Method { name, typ } => {
                    self.duplicate_param_names(typ);
                    let (sig, _) = self.func_type(typ);
                    if name.is_blank() {
                        self.error(name.span, "methods must have a unique non-blank name");
                        continue;
                    }
                    if let Some(i) = methods.iter().position(|m| m.name == name.name && m.pkg == self.tt.local_qualifier(&name.name)) {
                        // An identical method from an embedded interface is fine (Go 1.14).
                        if explicit[i] || methods[i].sig != sig {
                            let other = self.pos_string(spans[i]);
                            self.error(name.span, format!("duplicate method {}\n\t{other}: other declaration of {}", name.name, name.name));
                        } else {
                            explicit[i] = true;
                            spans[i] = name.span;
                        }
                        continue;
                    }
                    methods.push(IMethod { name: name.name.clone(), sig, pkg: self.tt.local_qualifier(&name.name) });
                    spans.push(name.span);
                    explicit.push(true);
                }
                ast::InterfaceElem::Embed(e) if self.is_type_elem(e) => {
                    let mut ts = super::generic::TypeSet { methods: vec![], terms: None, comparable: false };
                    if !self.add_type_elem(e, &mut ts) {
                        bad = true;
                        continue;
                    }
                    for m in ts.methods {
                        if !methods.iter().any(|x| x.name == m.name && x.pkg == m.pkg) {
                            methods.push(m);
                            spans.push(e.span);
                            explicit.push(false);
                        }
                    }
                    comparable |= ts.comparable;
                    if let Some(t) = ts.terms {
                        terms = Some(match terms.take() {
                            None => t,
                            Some(prev) => self.meet_terms(prev, t),
                        });
                    }
                }
                ast::InterfaceElem::Embed(e) => {
                    let t = self.typ(e);
                    if t == TypeTable::INVALID {
                        bad = true;
                        continue;
                    }
                    if self.tt.underlying(t) == TypeTable::INVALID {
                        self.embedded_interface_cycle(t, e.span, direct);
                        bad = true;
                        continue;
                    }
                    if !self.tt.is_interface(t) {
                        let s = self.tt.type_string_err(t);
                        self.error(e.span, format!("cannot embed non-interface type {s} (type constraints are not supported by gojit)"));
                        bad = true;
                        continue;
                    }
                    for m in self.tt.interface_methods(t).to_vec() {
                        match methods.iter().position(|x| x.name == m.name) {
                            Some(i) if methods[i].sig != m.sig => {
                                self.error(e.span, format!("duplicate method {}", m.name));
                            }
                            Some(_) => {}
                            None => {
                                methods.push(m);
                                spans.push(e.span);
                                explicit.push(false);
                            }
                        }
                    }
                }
            }
        }
        if bad {
            return TypeTable::INVALID;
        }
        if terms.is_some() || comparable {
            return self.type_set_type(super::generic::TypeSet { methods, terms, comparable });
        }
        self.tt.interface(methods)
    }
}
