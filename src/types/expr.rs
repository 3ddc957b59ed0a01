//! Expressions: operands, untyped constants and their final types, operators, conversions,
//! assignability, composite literals, index/slice expressions, type assertions, and the printing
//! of expressions and operands for gc-style messages.
//!
//! Invariant: [`Checker::expr`] records every expression it checks in `info.types`; untyped
//! results are also entered in `Checker::untyped` with their untyped operands, and get their final
//! type via [`Checker::update_expr_type`] when the context decides it (assignment, operator with a
//! typed operand) or the default type at the end of checking.

use super::checker::{Checker, MAX_DEPTH};
use super::constant::{self, ConstError, ConstValue};
use num_traits::ToPrimitive;
use super::info::*;
use super::ty::{BasicKind, ChanDir, Lookup, Type, TypeId, TypeTable};
use crate::diag::Span;
use crate::syntax::ast::{self, BinaryOp, Expr, ExprKind, NodeId, UnaryOp};

/// The result of checking an expression.
#[derive(Clone, Debug)]
pub(super) struct Operand<'a> {
    pub mode: Mode,
    pub ty: TypeId,
    pub id: NodeId,
    pub span: Span,
    pub expr: Option<&'a Expr>,
    /// `m[k]` or `x.(T)`: may be used in a comma-ok assignment.
    pub comma_ok: bool,
}

impl<'a> Operand<'a> {
    pub fn invalid(id: NodeId, span: Span) -> Operand<'a> {
        Operand { mode: Mode::Invalid, ty: TypeTable::INVALID, id, span, expr: None, comma_ok: false }
    }
    pub fn val(&self) -> Option<&ConstValue> {
        match &self.mode {
            Mode::Constant(v) => Some(v),
            _ => None,
        }
    }
    pub fn is_nil(&self) -> bool {
        self.ty == TypeTable::UNTYPED_NIL
    }
}

impl<'a> Checker<'a> {
    /// Checks an expression (raw: may be a type, a builtin, a tuple, no value, or untyped) and
    /// records its type and mode.
    pub fn expr(&mut self, e: &'a Expr) -> Operand<'a> {
        if self.depth > MAX_DEPTH {
            self.error(e.span, "expression nesting too deep");
            return Operand::invalid(e.id, e.span);
        }
        self.depth += 1;
        let mut x = self.expr_inner(e);
        self.depth -= 1;
        x.id = e.id;
        x.span = e.span;
        x.expr = Some(e);
        self.record(&x);
        x
    }

    /// Records an operand's mode and type (and its untyped-ness) in `info`.
    pub fn record(&mut self, x: &Operand<'a>) {
        self.info.types[x.id] = TypeAndValue { mode: x.mode.clone(), ty: x.ty };
        if self.tt.is_untyped(x.ty) && matches!(x.mode, Mode::Constant(_) | Mode::Value) {
            let children = match x.expr.map(|e| &e.kind) {
                Some(ExprKind::Paren(inner)) => vec![inner.id],
                Some(ExprKind::Unary { x: inner, op }) if *op != UnaryOp::Addr => vec![inner.id],
                Some(ExprKind::Binary { op, x: l, y: r, .. }) if !op.is_comparison() => {
                    if op.is_shift() { vec![l.id] } else { vec![l.id, r.id] }
                }
                _ => vec![],
            };
            self.untyped.insert(x.id, children);
        } else {
            self.untyped.remove(&x.id);
        }
    }

    /// Sets the final type of a formerly untyped expression and its untyped operands, converting
    /// recorded constant values to the final type's representation.
    pub fn update_expr_type(&mut self, id: NodeId, target: TypeId) {
        let mut stack = vec![id];
        while let Some(id) = stack.pop() {
            let Some(children) = self.untyped.remove(&id) else { continue };
            if let Some((span, s)) = self.shift_lhs.remove(&id) {
                if !self.tt.basic(target).is_some_and(|k| k.is_integer()) {
                    let ts = self.tt.type_string_err(target);
                    self.error(span, format!("invalid operation: shifted operand {s} (type {ts}) must be integer"));
                }
            }
            let tv = &mut self.info.types[id];
            if let Mode::Constant(v) = &tv.mode {
                if let Some(k) = self.tt.basic(target) {
                    if let Ok(nv) = constant::represent(v, k) {
                        tv.mode = Mode::Constant(nv);
                    }
                } else {
                    // Constant assigned to an interface: keep the value (default-typed).
                }
            }
            tv.ty = target;
            // Shift operands and comparison results keep their own rules: a shifted untyped
            // constant takes the final type too (non-constant shifts only).
            stack.extend(children);
        }
    }

    fn expr_inner(&mut self, e: &'a Expr) -> Operand<'a> {
        let inv = Operand::invalid(e.id, e.span);
        let val = |mode: Mode, ty: TypeId| Operand { mode, ty, id: e.id, span: e.span, expr: Some(e), comma_ok: false };
        let allow_generic = std::mem::take(&mut self.allow_generic);
        let partial_ok = std::mem::take(&mut self.partial_ok);
        let hint = self.hint.take();
        match &e.kind {
            ExprKind::Ident(id) => {
                self.hint = hint;
                let x = self.ident(id, e, allow_generic);
                self.hint = None;
                x
            }
            ExprKind::Index { x, index, .. } if self.is_generic_operand(x) => {
                self.partial_ok = partial_ok;
                self.generic_index(e, x, std::slice::from_ref(&**index))
            }
            ExprKind::IndexList { x, indices, .. } => {
                if self.is_generic_operand(x) {
                    self.partial_ok = partial_ok;
                    return self.generic_index(e, x, indices);
                }
                let xo = self.expr(x);
                if xo.mode != Mode::Invalid {
                    self.error(indices[1].span, "invalid operation: more than one index");
                }
                inv
            }
            ExprKind::Lit(lit) => match lit {
                ast::Lit::Float { text, .. } if !crate::syntax::literal::float_exponent_in_range(text) => {
                    self.error(e.span, format!("malformed constant: {text}"));
                    inv
                }
                ast::Lit::Int { text, value } => match constant::int_lit(text).or_else(|| value.map(num_bigint::BigInt::from)) {
                    Some(v) if v.bits() <= 512 => val(Mode::Constant(ConstValue::Int(v)), TypeTable::UNTYPED_INT),
                    Some(_) => {
                        self.error(e.span, "constant overflow");
                        inv
                    }
                    None => {
                        self.error(e.span, format!("malformed constant: {}", self.text(e.span)));
                        inv
                    }
                },
                ast::Lit::Float { text, value } => match constant::float_lit(text).or_else(|| value.is_finite().then(|| constant::Real::from_f64(*value))) {
                    Some(r) => val(Mode::Constant(ConstValue::Float(r)), TypeTable::UNTYPED_FLOAT),
                    None => {
                        self.error(e.span, format!("malformed constant: {}", self.text(e.span)));
                        inv
                    }
                },
                ast::Lit::Imag { text } => {
                    let digits: String = text.strip_suffix('i').unwrap_or(text).chars().filter(|&c| c != '_').collect();
                    let hex = digits.starts_with("0x") || digits.starts_with("0X");
                    let im = if digits.contains(['.', 'p', 'P']) || (!hex && digits.contains(['e', 'E'])) {
                        constant::float_lit(&digits)
                    } else if digits.len() > 1 && digits.starts_with('0') && digits.as_bytes()[1].is_ascii_digit() {
                        // An integer imaginary literal is decimal even with a leading 0 (`0123i`).
                        constant::int_lit(digits.trim_start_matches('0')).map(constant::Real::from_int)
                    } else {
                        constant::int_lit(&digits).map(constant::Real::from_int)
                    };
                    match im {
                        Some(im) => val(Mode::Constant(ConstValue::Complex(constant::Real::zero(), im)), TypeTable::UNTYPED_COMPLEX),
                        None => {
                            self.error(e.span, format!("malformed constant: {}", self.text(e.span)));
                            inv
                        }
                    }
                }
                ast::Lit::Rune { value, .. } => val(Mode::Constant(ConstValue::int(*value as i128)), TypeTable::UNTYPED_RUNE),
                ast::Lit::Str(s) => val(Mode::Constant(ConstValue::String(s.clone())), TypeTable::UNTYPED_STRING),
            },
            ExprKind::CompositeLit { typ, elts, rbrace, .. } => {
                let Some(te) = typ else {
                    self.error(e.span, "invalid composite literal type: missing type");
                    return inv;
                };
                let t = match &te.kind {
                    ExprKind::ArrayType { len: None, elem } => {
                        // [...]T{...}: length from the elements.
                        let elem_t = self.typ(elem);
                        let n = self.indexed_elems(elts, elem_t, None, "array or slice literal");
                        let t = self.tt.array(n, elem_t);
                        self.info.types[te.id] = TypeAndValue { mode: Mode::TypeExpr, ty: t };
                        return val(Mode::Value, t);
                    }
                    _ => self.typ(te),
                };
                self.composite_lit(e, t, elts, *rbrace)
            }
            ExprKind::FuncLit { typ, body } => {
                let (sig, _) = self.func_type(typ);
                self.func_lit_body(e, typ, body, sig);
                val(Mode::Value, sig)
            }
            ExprKind::Paren(inner) => {
                self.allow_generic = allow_generic;
                self.partial_ok = partial_ok;
                // gc infers no type arguments for a parenthesised generic function: no hint
                let mut x = self.expr(inner);
                x.expr = Some(e);
                x
            }
            ExprKind::Selector { x, sel } => {
                self.callee_ctx = allow_generic;
                self.hint = hint;
                let x = self.selector(e, x, sel);
                self.hint = None;
                x
            }
            ExprKind::Index { x, index, .. } => self.index_expr(e, x, index),
            ExprKind::Slice { x, lo, hi, max, three, .. } => {
                self.slice_expr(e, x, lo.as_deref(), hi.as_deref(), max.as_deref(), *three)
            }
            ExprKind::TypeAssert { x, typ } => {
                let xo = self.value(x);
                if xo.mode == Mode::Invalid {
                    self.typ(typ);
                    return inv;
                }
                if !self.tt.is_interface(xo.ty) {
                    let s = self.operand_string(&xo);
                    self.error(x.span, format!("invalid operation: {s} is not an interface"));
                    self.typ(typ);
                    return inv;
                }
                let t = self.typ(typ);
                if t == TypeTable::INVALID {
                    return inv;
                }
                let es = self.expr_string(e);
                self.check_type_assert(xo.ty, t, e.span, &es, false);
                let mut r = val(Mode::Value, t);
                r.comma_ok = true;
                r
            }
            ExprKind::Call { .. } => self.call(e),
            ExprKind::Star(inner) => {
                let x = self.expr(inner);
                match x.mode {
                    Mode::Invalid => inv,
                    Mode::TypeExpr => {
                        let t = self.tt.pointer(x.ty);
                        val(Mode::TypeExpr, t)
                    }
                    _ => {
                        let mut x = x;
                        self.single_value(&mut x);
                        if x.mode == Mode::Invalid {
                            return inv;
                        }
                        if x.is_nil() {
                            self.error(e.span, "invalid operation: cannot indirect nil");
                            return inv;
                        }
                        match self.tt.pointer_elem(x.ty) {
                            Some(elem) => val(Mode::Variable, elem),
                            None => {
                                let s = self.operand_string(&x);
                                self.error(e.span, format!("invalid operation: cannot indirect {s}"));
                                inv
                            }
                        }
                    }
                }
            }
            ExprKind::Unary { op, x } => self.unary(e, *op, x),
            ExprKind::Binary { op, x, y, op_span } => self.binary(e, *op, x, y, *op_span),
            ExprKind::Recv(ch) => self.recv_expr(e, ch),
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType { .. }
            | ExprKind::ChanType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::StructType(_)
            | ExprKind::InterfaceType(_) => {
                let t = self.typ(e);
                if t == TypeTable::INVALID { inv } else { val(Mode::TypeExpr, t) }
            }
            ExprKind::Ellipsis(_) => {
                self.error(e.span, "invalid use of ...");
                inv
            }
        }
    }

    /// `<-ch`: the element type, comma-ok capable.
    fn recv_expr(&mut self, e: &'a Expr, ch: &'a Expr) -> Operand<'a> {
        let inv = Operand::invalid(e.id, e.span);
        let x = self.value(ch);
        if x.mode == Mode::Invalid {
            return inv;
        }
        match self.tt.under(x.ty).clone() {
            Type::Chan { dir: ChanDir::Send, .. } => {
                let s = self.operand_string(&x);
                let t = self.tt.type_string_err(x.ty);
                self.error(ch.span, format!("invalid operation: cannot receive from send-only channel {t} {s}"));
                inv
            }
            Type::Chan { elem, .. } => {
                Operand { mode: Mode::Value, ty: elem, id: e.id, span: e.span, expr: Some(e), comma_ok: true }
            }
            _ => {
                let s = self.operand_string(&x);
                let t = self.tt.type_string_err(x.ty);
                self.error(ch.span, format!("invalid operation: cannot receive from non-channel {t} {s}"));
                inv
            }
        }
    }

    fn ident(&mut self, id: &'a ast::Ident, e: &'a Expr, allow_generic: bool) -> Operand<'a> {
        let inv = Operand::invalid(e.id, e.span);
        if id.is_blank() {
            self.error(id.span, "cannot use _ as value");
            return inv;
        }
        let Some(obj) = self.lookup(&id.name) else {
            if !self.failed_imports.contains(&id.name) {
                self.error(id.span, format!("undefined: {}", id.name));
            }
            return inv;
        };
        self.object_operand(id, obj, e, allow_generic)
    }

    /// The operand of a use of `obj` named by `id` (a plain identifier, or the selector of a
    /// qualified identifier `pkg.Name`) in expression `e`.
    pub fn object_operand(&mut self, id: &'a ast::Ident, obj: ObjId, e: &'a Expr, allow_generic: bool) -> Operand<'a> {
        let inv = Operand::invalid(e.id, e.span);
        let mk = |mode: Mode, ty: TypeId| Operand { mode, ty, id: e.id, span: e.span, expr: Some(e), comma_ok: false };
        self.info.uses[id.id] = obj.into();
        self.use_object(obj, id.span);
        let o = &self.info.objects[obj];
        match &o.kind {
            ObjKind::Var(v) => {
                let t = v.ty;
                if t == TypeTable::INVALID {
                    return inv;
                }
                mk(Mode::Variable, t)
            }
            ObjKind::Const { ty, val } => {
                if *ty == TypeTable::INVALID {
                    return inv;
                }
                let v = val.clone();
                mk(Mode::Constant(v), *ty)
            }
            ObjKind::TypeName { ty } => {
                if *ty == TypeTable::INVALID {
                    return inv;
                }
                let ty = *ty;
                if let Some((tps, _)) = self.info.generic_aliases.get(&obj) {
                    let s = self.generic_alias_string(&id.name, &tps.clone());
                    self.error(e.span, format!("cannot use generic type {s} without instantiation"));
                    return inv;
                }
                if !self.tt.tparams_of(ty).is_empty() {
                    let s = self.generic_type_string(ty);
                    self.error(e.span, format!("cannot use generic type {s} without instantiation"));
                    return inv;
                }
                mk(Mode::TypeExpr, ty)
            }
            ObjKind::Func { ty, .. } => {
                if *ty == TypeTable::INVALID {
                    return inv;
                }
                let ty = *ty;
                let hint = self.hint.take();
                if !allow_generic && !self.func_tparams(obj).is_empty() {
                    if let Some(isig) = hint.and_then(|h| self.reverse_infer(id, obj, ty, h, e.span)) {
                        return mk(Mode::Value, isig);
                    }
                    self.error(e.span, format!("cannot use generic function {} without instantiation", id.name));
                    return inv;
                }
                mk(Mode::Value, ty)
            }
            ObjKind::Builtin(b) => mk(Mode::Builtin(*b), TypeTable::INVALID),
            ObjKind::PkgName(_) => {
                self.error(id.span, format!("use of package {} without selector", id.name));
                inv
            }
            ObjKind::Nil => mk(Mode::Value, TypeTable::UNTYPED_NIL),
            ObjKind::Label => inv,
            ObjKind::Iota => match self.iota {
                Some(i) => mk(Mode::Constant(ConstValue::int(i)), TypeTable::UNTYPED_INT),
                None => {
                    self.error(id.span, "cannot use iota outside constant declaration");
                    inv
                }
            },
        }
    }

    /// A use of alias `obj` while its own declaration is in progress. A cycle through a defined
    /// interface type as well (`type I1 = interface{ I2 }; type I2 interface{ I1 }`) is reported
    /// at that type, when its incomplete interface is embedded (gc: `I2 refers to itself`); the
    /// alias is reported only when nothing of its cycle is (`run`'s `report_alias_cycles`).
    fn alias_cycle(&mut self, obj: ObjId) {
        let k = self.type_path.iter().position(|p| p.0 == obj);
        let members: Vec<ObjId> = match k {
            Some(k) => self.type_path[k..].iter().map(|p| p.0).collect(),
            None => vec![obj],
        };
        if members.len() > 1 {
            self.alias_cycles.push((obj, members));
            return;
        }
        let name = self.info.objects[obj].name.clone();
        let span = self.info.objects[obj].span;
        self.error(span, format!("invalid recursive type: {name} refers to itself"));
    }

    /// Bookkeeping for a use of an object: lazy package-level resolution, init dependencies,
    /// `used` flags, import use, closure captures.
    pub fn use_object(&mut self, obj: ObjId, at: Span) {
        if self.pkg_decls.contains_key(&obj) {
            self.record_dep(obj);
            // A reference to a const/var whose declaration is in progress is part of an
            // initialisation cycle: the use is invalid here and the cycle is reported by
            // `compute_init_order` (as types2 does). An alias in progress is a type cycle.
            if !self.resolve_obj(obj) {
                if let ObjKind::TypeName { ty } = self.info.objects[obj].kind {
                    if ty == TypeTable::INVALID {
                        self.alias_cycle(obj);
                    }
                }
            }
            let _ = at;
            return;
        }
        if let ObjKind::PkgName(_) = self.info.objects[obj].kind {
            let name = self.info.objects[obj].name.clone();
            if let Some(e) = self.imports.get_mut(&name) {
                e.used = true;
            }
            return;
        }
        let ObjKind::Var(v) = &mut self.info.objects[obj].kind else { return };
        v.used = true;
        let Some(owner) = v.owner else { return };
        self.rf_note_use(obj);
        // Captured by every function literal between the owner and the current function.
        let mut captured = false;
        for f in self.funcs.iter_mut().rev() {
            if f.id == owner {
                break;
            }
            captured = true;
            if !f.captures.contains(&obj) {
                f.captures.push(obj);
            }
        }
        if captured {
            if let ObjKind::Var(v) = &mut self.info.objects[obj].kind {
                v.captured = true;
            }
        }
    }

    /// Marks the variable at the root of an addressable expression as address-taken.
    pub fn mark_address_taken(&mut self, e: &Expr) {
        let mut e = e.unparen();
        loop {
            match &e.kind {
                ExprKind::Ident(id) => {
                    if let Some(o) = self.info.uses[id.id].expand() {
                        if let ObjKind::Var(v) = &mut self.info.objects[o].kind {
                            v.address_taken = true;
                        }
                    }
                    return;
                }
                ExprKind::Selector { x, .. } => {
                    // Only through value (non-pointer) fields.
                    match self.info.selections.get(&e.id) {
                        Some(s) if !s.indirect => e = x.unparen(),
                        _ => return,
                    }
                }
                ExprKind::Index { x, .. } => {
                    let xt = self.info.types[x.id].ty;
                    if matches!(self.tt.under(xt), Type::Array { .. }) {
                        e = x.unparen();
                    } else {
                        return;
                    }
                }
                ExprKind::Paren(x) => e = x,
                _ => return,
            }
        }
    }

    // ----- value contexts ----------------------------------------------------------------------

    /// Reports tuple / no-value / type / builtin operands used where one value is required.
    pub fn single_value(&mut self, x: &mut Operand<'a>) {
        match &x.mode {
            Mode::Invalid | Mode::Constant(_) | Mode::Variable | Mode::MapIndex => {}
            Mode::NoValue => {
                let s = self.expr_str(x);
                self.error(x.span, format!("{s} (no value) used as value"));
                x.mode = Mode::Invalid;
            }
            Mode::TypeExpr => {
                let s = self.expr_str(x);
                self.error(x.span, format!("{s} (type) is not an expression"));
                x.mode = Mode::Invalid;
            }
            Mode::Builtin(b) => {
                let s = self.expr_str(x);
                let _ = b;
                self.error(x.span, format!("{s} (built-in) must be called"));
                x.mode = Mode::Invalid;
            }
            Mode::Value => {
                if let Type::Tuple(elems) = self.tt.get(x.ty) {
                    let n = elems.len();
                    let s = self.expr_str(x);
                    let ts = self.tt.type_string_err(x.ty);
                    let _ = n;
                    self.error(x.span, format!("multiple-value {s} (value of type {ts}) in single-value context"));
                    x.mode = Mode::Invalid;
                }
            }
        }
        if x.mode == Mode::Invalid {
            x.ty = TypeTable::INVALID;
        }
    }

    /// Checks `e` as a single value.
    pub fn value(&mut self, e: &'a Expr) -> Operand<'a> {
        let mut x = self.expr(e);
        self.single_value(&mut x);
        x
    }

    /// The element types of a (possibly multi-valued) operand.
    pub fn multi_value_elems(&self, x: &Operand<'a>) -> Vec<TypeId> {
        match x.mode {
            Mode::Invalid => vec![],
            Mode::NoValue => vec![],
            _ => self.tt.tuple_elems(x.ty),
        }
    }

    /// For `v, ok := m[k]` / `x.(T)`: records the comma-ok tuple type when `n == 2`.
    pub fn mark_comma_ok(&mut self, x: &mut Operand<'a>, n: usize) {
        if n == 2 && x.comma_ok && !matches!(self.tt.get(x.ty), Type::Tuple(_)) {
            let t = self.tt.tuple(vec![x.ty, TypeTable::BOOL]);
            x.ty = t;
            x.mode = Mode::Value;
            self.info.types[x.id] = TypeAndValue { mode: Mode::Value, ty: t };
            // Also record on the unparenthesised expression.
            if let Some(e) = x.expr {
                let inner = e.unparen();
                self.info.types[inner.id] = TypeAndValue { mode: Mode::Value, ty: t };
            }
        }
    }

    /// Number of values an operand provides (comma-ok operands can provide 2).
    pub fn value_count(&self, x: &Operand<'a>, want: usize) -> usize {
        let n = self.multi_value_elems(x).len();
        if n == 1 && want == 2 && x.comma_ok { 2 } else { n }
    }

    // ----- untyped conversion ------------------------------------------------------------------

    /// Converts an untyped operand to `target` if possible (go/types' implicitTypeAndValue).
    /// Returns an error code on failure: `Err(Some(true))` truncated, `Err(Some(false))` overflow,
    /// `Err(None)` not convertible.
    pub fn implicit_type(&mut self, x: &Operand<'a>, target: TypeId) -> Result<(TypeId, Option<ConstValue>), Option<bool>> {
        if !self.tt.is_untyped(x.ty) || target == TypeTable::INVALID {
            return Ok((x.ty, x.val().cloned()));
        }
        let xk = self.tt.basic(x.ty).unwrap();
        if self.tt.is_untyped(target) {
            // Both untyped: the "larger" numeric kind wins.
            let tk = self.tt.basic(target).unwrap();
            if xk.is_numeric() && tk.is_numeric() {
                let rank = |k: BasicKind| match k {
                    BasicKind::UntypedInt => 0,
                    BasicKind::UntypedRune => 1,
                    BasicKind::UntypedComplex => 3,
                    _ => 2,
                };
                let t = if rank(tk) > rank(xk) { target } else { x.ty };
                let v = match (x.val(), t) {
                    (Some(v), t) => self.tt.basic(t).and_then(|k| v.to_kind(k)),
                    (None, _) => None,
                };
                return Ok((t, v));
            }
            if xk != tk {
                return Err(None);
            }
            return Ok((x.ty, x.val().cloned()));
        }
        match self.tt.under(target).clone() {
            Type::Basic(tk) => {
                if x.is_nil() {
                    return if tk == BasicKind::UnsafePointer { Ok((target, None)) } else { Err(None) };
                }
                if let Some(v) = x.val() {
                    return match constant::represent(v, tk) {
                        Ok(nv) => Ok((target, Some(nv))),
                        Err(trunc) => {
                            // Kind mismatch (e.g. string constant to int) is "cannot convert".
                            let kind_ok = (xk.is_numeric() && tk.is_numeric())
                                || (xk.is_boolean() && tk.is_boolean())
                                || (xk.is_string() && tk.is_string());
                            if kind_ok { Err(Some(trunc)) } else { Err(None) }
                        }
                    };
                }
                let ok = match xk {
                    BasicKind::UntypedBool => tk.is_boolean(),
                    // types2: a non-constant untyped number (an operand of a delayed shift,
                    // `(1<<s) + 4.0`) converts to any numeric type; the shift's operand is then
                    // checked in the final type.
                    BasicKind::UntypedInt | BasicKind::UntypedRune | BasicKind::UntypedFloat | BasicKind::UntypedComplex => {
                        tk.is_numeric()
                    }
                    BasicKind::UntypedString => tk.is_string(),
                    _ => false,
                };
                if ok { Ok((target, None)) } else { Err(None) }
            }
            Type::Interface { methods } => {
                if x.is_nil() {
                    return Ok((target, None));
                }
                if !methods.is_empty() {
                    // Values need a concrete dynamic type: use the default type, the
                    // assignability check reports the missing methods.
                }
                let d = self.tt.default_type(x.ty);
                let v = match (x.val(), self.tt.basic(d)) {
                    (Some(v), Some(k)) => constant::represent(v, k).ok(),
                    _ => None,
                };
                Ok((d, v))
            }
            Type::Pointer(_) | Type::Slice(_) | Type::Map { .. } | Type::Chan { .. } | Type::Func(_) => {
                if x.is_nil() { Ok((target, None)) } else { Err(None) }
            }
            Type::TypeParam(_) => {
                // representable in every type of the type set
                let terms = self.tparam_set(target).terms.unwrap_or_default();
                if terms.is_empty() {
                    return Err(None);
                }
                if x.is_nil() {
                    // types2: nil converts to a type parameter whose type set holds only types
                    // with nil (every term's underlying type accepts nil).
                    return if self.has_nil(target) { Ok((target, None)) } else { Err(None) };
                }
                for term in terms {
                    self.implicit_type(x, term.ty)?;
                }
                Ok((target, x.val().cloned()))
            }
            _ => Err(None),
        }
    }

    /// Converts an untyped operand to `target` in an operator context (binary operands, shift
    /// counts, index values), reporting gc's conversion errors.
    pub fn convert_untyped(&mut self, x: &mut Operand<'a>, target: TypeId) {
        if x.mode == Mode::Invalid || !self.tt.is_untyped(x.ty) {
            return;
        }
        match self.implicit_type(x, target) {
            Ok((t, _)) if x.is_nil() => {
                // nil stays untyped for the operator's rules; its recorded type is the target.
                if !self.tt.is_untyped(t) {
                    self.update_expr_type(x.id, t);
                    self.info.types[x.id] = TypeAndValue { mode: x.mode.clone(), ty: t };
                }
            }
            Ok((t, v)) => self.set_operand_type(x, t, v),
            Err(code) => {
                let s = self.operand_string(x);
                let ut = self.tt.underlying(target);
                let ts = self.tt.type_string_err(if self.tt.is_untyped(target) { target } else { ut });
                let msg = match code {
                    Some(true) => format!("{s} truncated to {ts}"),
                    Some(false) => format!("{s} overflows {ts}"),
                    None => format!("cannot convert {s} to type {ts}"),
                };
                self.error(x.span, msg);
                x.mode = Mode::Invalid;
                x.ty = TypeTable::INVALID;
            }
        }
    }

    /// Gives an operand its (final or still-untyped) type and updates the recorded expression.
    pub fn set_operand_type(&mut self, x: &mut Operand<'a>, t: TypeId, v: Option<ConstValue>) {
        if let (Mode::Constant(_), Some(v)) = (&x.mode, v) {
            x.mode = Mode::Constant(v);
        }
        x.ty = t;
        if self.tt.is_untyped(t) {
            self.info.types[x.id] = TypeAndValue { mode: x.mode.clone(), ty: t };
        } else {
            self.update_expr_type(x.id, t);
            self.info.types[x.id] = TypeAndValue { mode: x.mode.clone(), ty: t };
        }
    }

    // ----- assignability -------------------------------------------------------------------

    /// Checks that `x` can be assigned to a variable of type `target` and converts it (untyped
    /// constants, implicit interface conversions are recorded). `context` is gc's wording
    /// (`assignment`, `argument to f`, `return statement`, ...).
    pub fn assignment(&mut self, x: &mut Operand<'a>, target: TypeId, context: &str) {
        self.single_value(x);
        if x.mode == Mode::Invalid || target == TypeTable::INVALID {
            return;
        }
        if self.tt.is_untyped(x.ty) {
            let mut t = target;
            if x.is_nil() {
                // handled by implicit_type
            } else if self.tt.is_interface(target) {
                t = self.tt.default_type(x.ty);
            }
            match self.implicit_type(x, t) {
                Ok((nt, v)) => self.set_operand_type(x, nt, v),
                Err(code) => {
                    let s = self.operand_string(x);
                    let ts = self.tt.type_string_err(t);
                    let suffix = match code {
                        Some(true) => " (truncated)",
                        Some(false) => " (overflows)",
                        None => "",
                    };
                    self.error(x.span, format!("cannot use {s} as {ts} value in {context}{suffix}"));
                    x.mode = Mode::Invalid;
                    return;
                }
            }
        }
        if let Err(reason) = self.assignable_to(x.ty, Some(&*x), target) {
            let s = self.operand_string(x);
            let ts = self.tt.type_string_err(target);
            self.error(x.span, format!("cannot use {s} as {ts} value in {context}{reason}"));
            x.mode = Mode::Invalid;
            return;
        }
        self.record_conversion(x, target);
    }

    /// Records an implicit conversion to interface type `target` (see `Info::implicit_conversions`).
    pub fn record_conversion(&mut self, x: &Operand<'a>, target: TypeId) {
        if x.ty != target && self.tt.is_interface(target) && !x.is_nil() && x.ty != TypeTable::INVALID {
            self.info.implicit_conversions.insert(x.id, target);
            if let Some(e) = x.expr {
                let inner = e.unparen();
                if inner.id != x.id {
                    self.info.implicit_conversions.insert(inner.id, target);
                }
            }
        }
    }

    /// Go's assignability of a (typed) value of type `v` to `t`. On failure returns the reason
    /// suffix for the message (`: T does not implement I (missing method M)`, or empty).
    pub fn assignable_to(&mut self, v: TypeId, x: Option<&Operand<'a>>, t: TypeId) -> Result<(), String> {
        if v == t || v == TypeTable::INVALID || t == TypeTable::INVALID {
            return Ok(());
        }
        let _ = x;
        let vu = self.tt.underlying(v);
        let tu = self.tt.underlying(t);
        if v == TypeTable::UNTYPED_NIL {
            return if self.has_nil(t) { Ok(()) } else { Err(String::new()) };
        }
        if self.tt.is_type_param(v) || self.tt.is_type_param(t) {
            // a type parameter is assignable only to itself, or to an interface its constraint's
            // methods implement
            if self.tt.is_type_param(v) && self.tt.is_interface(t) {
                let have = self.tparam_set(v).methods;
                let want = self.tt.interface_methods(t).to_vec();
                return match want.iter().find(|m| !have.iter().any(|h| h.name == m.name && h.sig == m.sig)) {
                    None => Ok(()),
                    Some(m) => {
                        let vs = self.tt.type_string_err(v);
                        let ts = self.tt.type_string_err(t);
                        Err(format!(": {vs} does not implement {ts} (missing method {})", m.name))
                    }
                };
            }
            // types2: an unnamed V is assignable to a type parameter T if it is assignable to
            // every specific type of T's type set; a type parameter V to an unnamed T if every
            // specific type of V's is assignable to T.
            let named = |c: &Self, ty: TypeId| c.tt.has_name(ty) || c.tt.is_type_param(ty);
            let (tp, other, tp_is_target) = if !named(self, v) && self.tt.is_type_param(t) {
                (t, v, true)
            } else if self.tt.is_type_param(v) && !named(self, t) {
                (v, t, false)
            } else {
                return Err(String::new());
            };
            let terms = self.tparam_set(tp).terms.unwrap_or_default();
            if terms.is_empty() {
                return Err(String::new());
            }
            for term in terms {
                let r = if tp_is_target {
                    self.assignable_to(other, x, term.ty)
                } else {
                    let y = x.map(|x| Operand { ty: term.ty, ..x.clone() });
                    self.assignable_to(term.ty, y.as_ref(), other)
                };
                if r.is_err() {
                    let (ts, ps, os) = (self.tt.type_string_err(term.ty), self.tt.type_string_err(tp), self.tt.type_string_err(other));
                    return Err(if tp_is_target {
                        format!(": cannot assign {os} to {ts} (in {ps})")
                    } else {
                        format!(": cannot assign {ts} (in {ps}) to {os}")
                    });
                }
            }
            return Ok(());
        }
        if vu == tu && (!self.tt.has_name(v) || !self.tt.has_name(t)) && !self.tt.is_interface(t) {
            return Ok(());
        }
        // A bidirectional channel value is assignable to a channel type with the same element
        // type when one of the two types is not named.
        if let (Type::Chan { dir: ChanDir::Both, elem: ve }, Type::Chan { elem: te, .. }) = (self.tt.get(vu), self.tt.get(tu)) {
            if ve == te && (!self.tt.has_name(v) || !self.tt.has_name(t)) {
                return Ok(());
            }
        }
        if self.tt.is_interface(t) {
            return match self.tt.implements(v, t) {
                Ok(()) => Ok(()),
                Err(m) => Err(format!(": {}", self.missing_method_reason(v, t, &m))),
            };
        }
        if self.tt.is_interface(v) && !self.tt.is_interface(t) && self.tt.implements(t, v).is_ok() {
            return Err(": need type assertion".to_string());
        }
        if let Type::Pointer(e) = self.tt.get(t) {
            // types2 checks "implements" against a pointer to an interface too, for its cause
            if self.tt.is_interface(*e) && !self.tt.is_type_param(*e) {
                let (vs, ts) = (self.tt.type_string_err(v), self.tt.type_string_err(t));
                return Err(format!(": {vs} does not implement {ts} (type {ts} is pointer to interface, not interface)"));
            }
        }
        Err(String::new())
    }

    /// `T does not implement I (missing method M)` and friends.
    pub fn missing_method_reason(&self, v: TypeId, iface: TypeId, m: &super::ty::MissingMethod) -> String {
        let vs = self.tt.type_string_err(v);
        let is = self.tt.type_string_err(iface);
        use super::ty::MissingKind;
        match &m.kind {
            MissingKind::Missing => {
                // A method with different case?
                format!("{vs} does not implement {is} (missing method {})", m.name)
            }
            MissingKind::PointerReceiver => {
                format!("{vs} does not implement {is} (method {} has pointer receiver)", m.name)
            }
            MissingKind::PointerToInterface => {
                format!("{vs} does not implement {is} (type {vs} is pointer to interface, not interface)")
            }
            MissingKind::WrongType { have, want } => {
                let h = self.tt.type_string_err(*have);
                let w = self.tt.type_string_err(*want);
                // a generic method prints its type parameters: `have m[P any](P) P`
                let have_name = match self.tt.lookup_any_pkg(v, &m.name) {
                    super::ty::Lookup::Method { named, index, .. } => {
                        let tps = self.tt.named(named).map(|n| n.methods[index as usize].tparams.clone()).unwrap_or_default();
                        if tps.is_empty() { m.name.clone() } else { self.generic_alias_string(&m.name, &tps) }
                    }
                    _ => m.name.clone(),
                };
                format!(
                    "{vs} does not implement {is} (wrong type for method {})\n\t\thave {}{}\n\t\twant {}{}",
                    m.name,
                    have_name,
                    h.strip_prefix("func").unwrap_or(&h),
                    m.name,
                    w.strip_prefix("func").unwrap_or(&w)
                )
            }
        }
    }

    // ----- conversions ---------------------------------------------------------------------

    /// `T(x)`: an explicit conversion.
    pub fn conversion(&mut self, call: &'a Expr, t: TypeId, x: &mut Operand<'a>, type_text: &str) -> Operand<'a> {
        let mk = |mode: Mode| Operand { mode, ty: t, id: call.id, span: call.span, expr: Some(call), comma_ok: false };
        if x.mode == Mode::Invalid || t == TypeTable::INVALID {
            return Operand::invalid(call.id, call.span);
        }
        let tk = self.tt.basic(t);
        if let (Some(v), Some(tk)) = (x.val().cloned(), tk) {
            // Constant conversion to a basic type.
            let xk = self.tt.basic(x.ty).unwrap_or(BasicKind::Invalid);
            if let Ok(nv) = constant::represent(&v, tk) {
                if !(xk.is_string() && tk.is_numeric()) && !(xk.is_numeric() && tk.is_string()) {
                    if self.tt.is_untyped(x.ty) {
                        let d = if tk.is_numeric() && xk.is_numeric() { t } else { self.tt.default_type(x.ty) };
                        let conv = constant::represent(&v, self.tt.basic(d).unwrap_or(tk)).unwrap_or(nv.clone());
                        self.set_operand_type(x, d, Some(conv));
                    }
                    return mk(Mode::Constant(nv));
                }
            }
            if xk.is_integer() && tk.is_string() {
                let cp = v.as_int().filter(|&i| (0..=0x10FFFF).contains(&i) && !(0xD800..0xE000).contains(&i));
                let ch = cp.and_then(|c| char::from_u32(c as u32)).unwrap_or('\u{FFFD}');
                if self.tt.is_untyped(x.ty) {
                    let d = self.tt.default_type(x.ty);
                    self.set_operand_type(x, d, Some(v.clone()));
                }
                return mk(Mode::Constant(ConstValue::String(ch.to_string().into_bytes())));
            }
            if xk.is_integer() && tk.is_integer() {
                let s = v.to_go_string();
                self.error(x.span, format!("constant {s} overflows {type_text}"));
                return Operand::invalid(call.id, call.span);
            }
            if xk.is_numeric() && tk.is_numeric() {
                // types2 says no more, also for a float constant that would be truncated
                let s = self.operand_string(x);
                self.error(x.span, format!("cannot convert {s} to type {type_text}"));
                return Operand::invalid(call.id, call.span);
            }
        }
        if self.tt.is_type_param(t) && x.val().is_some() && !self.const_to_tparam(x, t, type_text) {
            return Operand::invalid(call.id, call.span);
        }
        // Non-constant conversion.
        let orig_untyped = self.tt.is_untyped(x.ty);
        let orig_s = self.operand_string(x);
        if self.tt.is_untyped(x.ty) {
            let target = if x.is_nil() {
                t
            } else if self.tt.is_type_param(t) && x.val().is_some() && self.all_terms(t, |_| true) {
                // checked by const_to_tparam: representable by every term's (basic) type, the
                // operand takes the type parameter (each instance materialises the constant
                // in its type argument)
                t
            } else if self.tt.is_interface(t) || !matches!(self.tt.under(t), Type::Basic(_)) {
                self.tt.default_type(x.ty)
            } else {
                t
            };
            match self.implicit_type(x, target) {
                Ok((nt, v)) => self.set_operand_type(x, nt, v),
                // types2 updates a non-constant untyped operand (a shift) to the conversion's
                // type itself: `string(1 << s)` makes the shifted operand a string (an error)
                Err(_) if x.val().is_none() && !x.is_nil() && matches!(self.tt.under(target), Type::Basic(_)) => {
                    self.set_operand_type(x, target, None)
                }
                Err(_) => {
                    let d = self.tt.default_type(x.ty);
                    if let Ok((nt, v)) = self.implicit_type(x, d) {
                        self.set_operand_type(x, nt, v);
                    }
                }
            }
        }
        if self.convertible(x, t) {
            self.record_conversion(x, t);
            return mk(Mode::Value);
        }
        // types2 describes the operand as it was (an untyped constant stays untyped)
        let s = if orig_untyped { orig_s } else { self.operand_string(x) };
        // types2's convertibleTo cause: why the operand's type does not implement an interface
        let mut cause = String::new();
        if self.tt.is_interface(t) && !self.tt.is_type_param(t) && !orig_untyped && !self.tt.has_tparams(x.ty) {
            if let Err(m) = self.tt.implements(x.ty, t) {
                cause = format!(": {}", self.missing_method_reason(x.ty, t, &m));
            }
        }
        self.error(x.span, format!("cannot convert {s} to type {type_text}{cause}"));
        Operand::invalid(call.id, call.span)
    }

    /// types2's conversion of a constant to a type parameter: convertible to each specific type
    /// of its type set (a string to a byte or rune slice, or a constant representable by the
    /// term's basic type); reports gc's error otherwise.
    fn const_to_tparam(&mut self, x: &Operand<'a>, t: TypeId, type_text: &str) -> bool {
        let v = x.val().cloned().expect("constant operand");
        let xk = self.tt.basic(x.ty).unwrap_or(BasicKind::Invalid);
        let terms = self.tparam_set(t).terms.unwrap_or_default();
        let cause = if terms.is_empty() {
            Some(format!("{type_text} does not contain specific types"))
        } else {
            terms.iter().find_map(|term| {
                let u = self.tt.underlying(term.ty);
                let bytes_or_runes = match self.tt.under(u) {
                    Type::Slice(e) => matches!(self.tt.basic(*e), Some(BasicKind::Uint8) | Some(BasicKind::Int32)),
                    _ => false,
                };
                let ok = match self.tt.basic(u) {
                    _ if xk.is_string() && bytes_or_runes => true,
                    Some(uk) => {
                        let numeric_string = (xk.is_string() && uk.is_numeric()) || (xk.is_numeric() && uk.is_string());
                        (constant::represent(&v, uk).is_ok() && !numeric_string) || (xk.is_integer() && uk.is_string())
                    }
                    None => false,
                };
                if ok {
                    return None;
                }
                let us = self.tt.type_string_err(u);
                Some(if xk.is_integer() && self.tt.basic(u).is_some_and(|k| k.is_integer()) {
                    format!("constant {} overflows {us} (in {type_text})", v.to_go_string())
                } else {
                    format!("cannot convert {} to type {us} (in {type_text})", self.operand_string(x))
                })
            })
        };
        let Some(cause) = cause else { return true };
        let mut xv = x.clone();
        xv.mode = Mode::Value;
        let s = self.operand_string(&xv);
        self.error(x.span, format!("cannot convert {s} to type {type_text}: {cause}"));
        false
    }

    fn convertible(&mut self, x: &Operand<'a>, t: TypeId) -> bool {
        let v = x.ty;
        if self.assignable_to(v, Some(x), t).is_ok() {
            return true;
        }
        if self.tt.is_type_param(v) || self.tt.is_type_param(t) {
            // every pair of types of the two type sets must convert
            let set = |c: &Self, ty: TypeId| -> Option<Vec<TypeId>> {
                if c.tt.is_type_param(ty) {
                    let terms = c.tparam_set(ty).terms?;
                    (!terms.is_empty()).then(|| terms.iter().map(|t| t.ty).collect())
                } else {
                    Some(vec![ty])
                }
            };
            let (Some(vs), Some(ts)) = (set(self, v), set(self, t)) else { return false };
            for &a in &vs {
                for &b in &ts {
                    let mut y = x.clone();
                    if self.tt.is_type_param(v) {
                        y.ty = a;
                        y.mode = Mode::Value;
                    }
                    if !self.convertible(&y, b) {
                        return false;
                    }
                }
            }
            return true;
        }
        let vu = self.tt.underlying(v);
        let tu = self.tt.underlying(t);
        if self.identical_ignore_tags(vu, tu) {
            return true;
        }
        if let (Type::Pointer(a), Type::Pointer(b)) = (self.tt.get(v).clone(), self.tt.get(t).clone()) {
            if self.identical_ignore_tags(self.tt.underlying(a), self.tt.underlying(b)) {
                return true;
            }
        }
        let vk = self.tt.basic(v);
        let tk = self.tt.basic(t);
        if let (Some(a), Some(b)) = (vk, tk) {
            // unsafe.Pointer <-> uintptr and any pointer type.
            if (a == BasicKind::UnsafePointer && b == BasicKind::Uintptr) || (a == BasicKind::Uintptr && b == BasicKind::UnsafePointer) {
                return true;
            }
            let real = |k: BasicKind| k.is_integer() || k.is_float();
            if (real(a) && real(b)) || (a.is_complex() && b.is_complex()) {
                return true;
            }
            if a.is_integer() && b.is_string() {
                return true;
            }
            if a.is_string() && b.is_string() {
                return true;
            }
        }
        let is_ptr = |tt: &TypeTable, ty: TypeId| matches!(tt.under(ty), Type::Pointer(_));
        if (vk == Some(BasicKind::UnsafePointer) && is_ptr(&self.tt, t)) || (tk == Some(BasicKind::UnsafePointer) && is_ptr(&self.tt, v)) {
            return true;
        }
        let is_bytes_or_runes = |tt: &TypeTable, ty: TypeId| match tt.under(ty) {
            Type::Slice(e) => matches!(tt.basic(*e), Some(BasicKind::Uint8) | Some(BasicKind::Int32)),
            _ => false,
        };
        if tk.is_some_and(|k| k.is_string()) && is_bytes_or_runes(&self.tt, v) {
            return true;
        }
        if vk.is_some_and(|k| k.is_string()) && is_bytes_or_runes(&self.tt, t) {
            return true;
        }
        // Slice to array or array pointer (Go 1.17/1.20).
        if let Type::Slice(se) = self.tt.under(v).clone() {
            match self.tt.under(t).clone() {
                Type::Array { elem, .. } if elem == se => return true,
                Type::Pointer(p) => {
                    if let Type::Array { elem, .. } = self.tt.under(p) {
                        if *elem == se {
                            return true;
                        }
                    }
                }
                _ => {}
            }
        }
        false
    }

    /// Type identity with struct tags ignored at every depth (types2's `identicalIgnoreTags`:
    /// `[]struct{ F string "tag" }` converts to `[]struct{ F string }`). Defined types are
    /// identical only to themselves.
    fn identical_ignore_tags(&self, a: TypeId, b: TypeId) -> bool {
        self.identical_ignore_tags_at(a, b, 0)
    }

    fn identical_ignore_tags_at(&self, a: TypeId, b: TypeId, depth: u32) -> bool {
        if a == b {
            return true;
        }
        if depth > crate::limits::NESTING_BUDGET {
            return false;
        }
        let same = |x: TypeId, y: TypeId| self.identical_ignore_tags_at(x, y, depth + 1);
        let all = |xs: &[TypeId], ys: &[TypeId]| xs.len() == ys.len() && xs.iter().zip(ys).all(|(&x, &y)| same(x, y));
        match (self.tt.get(a), self.tt.get(b)) {
            (Type::Struct { fields: fa }, Type::Struct { fields: fb }) => {
                fa.len() == fb.len()
                    && fa.iter().zip(fb).all(|(x, y)| x.name == y.name && x.pkg == y.pkg && x.embedded == y.embedded && same(x.ty, y.ty))
            }
            (Type::Pointer(x), Type::Pointer(y)) | (Type::Slice(x), Type::Slice(y)) => same(*x, *y),
            (Type::Array { len: la, elem: x }, Type::Array { len: lb, elem: y }) => la == lb && same(*x, *y),
            (Type::Map { key: ka, val: va }, Type::Map { key: kb, val: vb }) => same(*ka, *kb) && same(*va, *vb),
            (Type::Chan { dir: da, elem: x }, Type::Chan { dir: db, elem: y }) => da == db && same(*x, *y),
            (Type::Func(x), Type::Func(y)) => x.variadic == y.variadic && all(&x.params, &y.params) && all(&x.results, &y.results),
            (Type::Interface { methods: ma }, Type::Interface { methods: mb }) => {
                ma.len() == mb.len() && ma.iter().zip(mb).all(|(x, y)| x.name == y.name && x.pkg == y.pkg && same(x.sig, y.sig))
            }
            _ => false,
        }
    }

    // ----- unary and binary operators ------------------------------------------------------

    fn unary(&mut self, e: &'a Expr, op: UnaryOp, xe: &'a Expr) -> Operand<'a> {
        let inv = Operand::invalid(e.id, e.span);
        if op == UnaryOp::Addr {
            let inner = xe.unparen();
            if let ExprKind::CompositeLit { .. } = inner.kind {
                let x = self.value(xe);
                if x.mode == Mode::Invalid {
                    return inv;
                }
                let t = self.tt.pointer(x.ty);
                return Operand { mode: Mode::Value, ty: t, id: e.id, span: e.span, expr: Some(e), comma_ok: false };
            }
            let x = self.value(xe);
            if x.mode == Mode::Invalid {
                return inv;
            }
            if x.mode != Mode::Variable {
                let s = self.operand_string(&x);
                self.error(e.span, format!("invalid operation: cannot take address of {s}"));
                return inv;
            }
            self.mark_address_taken(xe);
            let t = self.tt.pointer(x.ty);
            return Operand { mode: Mode::Value, ty: t, id: e.id, span: e.span, expr: Some(e), comma_ok: false };
        }
        let mut x = self.value(xe);
        if x.mode == Mode::Invalid {
            return inv;
        }
        let k = self.some_kind(x.ty);
        let t = x.ty;
        let ok = match op {
            UnaryOp::Pos | UnaryOp::Neg => self.all_terms(t, |k| k.is_numeric()),
            UnaryOp::Not => self.all_terms(t, |k| k.is_boolean()),
            UnaryOp::Complement => self.all_terms(t, |k| k.is_integer()),
            UnaryOp::Addr => unreachable!(),
            UnaryOp::Tilde => {
                self.error(e.span, "invalid operation: cannot use ~ outside of interface or type constraint");
                return inv;
            }
        };
        if !ok {
            let s = self.operand_string(&x);
            self.error(xe.span, format!("invalid operation: operator {} not defined on {s}", op.as_str()));
            return inv;
        }
        let k = k.unwrap();
        if let Some(v) = x.val().cloned() {
            let r = match (op, &v) {
                (UnaryOp::Pos, _) => Some(v.clone()),
                (UnaryOp::Neg, _) => v.neg(),
                (UnaryOp::Not, ConstValue::Bool(b)) => Some(ConstValue::Bool(!b)),
                (UnaryOp::Complement, ConstValue::Int(i)) => Some(ConstValue::Int(constant::complement(i, k))),
                _ => None,
            };
            let Some(r) = r else {
                self.error(e.span, "constant overflow");
                return inv;
            };
            x.mode = Mode::Constant(r);
            let name = if op == UnaryOp::Complement { "bitwise complement " } else { "" };
            if !self.check_const_overflow(&mut x, e, e.span, name) {
                return inv;
            }
            x.mode = x.mode.clone();
            return Operand { mode: x.mode, ty: x.ty, id: e.id, span: e.span, expr: Some(e), comma_ok: false };
        }
        Operand { mode: Mode::Value, ty: x.ty, id: e.id, span: e.span, expr: Some(e), comma_ok: false }
    }

    /// For typed constants: the value must be representable in the type (`constant 256 overflows
    /// uint8`... gc: `cannot use ... (overflows)` in assignments; operators report
    /// `constant X overflows T`).
    /// Untyped integers may not exceed 512 bits (`constant shift overflow` at the operator).
    /// A representable typed constant takes its rounded value (types2's `representable`).
    fn check_const_overflow(&mut self, x: &mut Operand<'a>, e: &'a Expr, op_span: Span, op_name: &str) -> bool {
        let Some(v) = x.val() else { return true };
        if v.unrepresentable() {
            self.error(op_span, "constant result is not representable");
            return false;
        }
        if self.tt.is_untyped(x.ty) {
            if v.bit_len() > 512 {
                self.error(op_span, format!("constant {op_name}overflow"));
                return false;
            }
            return true;
        }
        let _ = e;
        let Some(k) = self.tt.basic(x.ty) else { return true };
        match constant::represent(v, k) {
            Ok(rounded) => {
                x.mode = Mode::Constant(rounded);
                true
            }
            Err(_) => {
                let s = self.operand_string(x);
                let ts = self.tt.type_string_err(self.tt.underlying(x.ty));
                self.error(e.span, format!("{s} overflows {ts}"));
                false
            }
        }
    }

    fn binary(&mut self, e: &'a Expr, op: BinaryOp, xe: &'a Expr, ye: &'a Expr, op_span: Span) -> Operand<'a> {
        let inv = Operand::invalid(e.id, e.span);
        if op.is_shift() {
            return self.shift(e, op, xe, ye, op_span);
        }
        let mut x = self.value(xe);
        let mut y = self.value(ye);
        if x.mode == Mode::Invalid || y.mode == Mode::Invalid {
            return inv;
        }
        self.match_types(&mut x, &mut y);
        if x.mode == Mode::Invalid || y.mode == Mode::Invalid {
            return inv;
        }
        if op.is_comparison() {
            return self.comparison(e, op, x, y, None);
        }
        if x.ty != y.ty {
            let es = self.expr_string(e);
            let xs = self.tt.type_string_err(x.ty);
            let ys = self.tt.type_string_err(y.ty);
            self.error(x.span, format!("invalid operation: {es} (mismatched types {xs} and {ys})"));
            return inv;
        }
        let k = self.some_kind(x.ty);
        let t = x.ty;
        let ok = match op {
            BinaryOp::Add => self.all_terms(t, |k| k.is_numeric() || k.is_string()),
            BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div => self.all_terms(t, |k| k.is_numeric()),
            BinaryOp::Rem | BinaryOp::And | BinaryOp::Or | BinaryOp::Xor | BinaryOp::AndNot => {
                self.all_terms(t, |k| k.is_integer())
            }
            BinaryOp::LogAnd | BinaryOp::LogOr => self.all_terms(t, |k| k.is_boolean()),
            _ => false,
        };
        if !ok {
            let s = self.operand_string(&x);
            self.error(x.span, format!("invalid operation: operator {} not defined on {s}", op.as_str()));
            return inv;
        }
        let k = k.unwrap();
        if matches!(op, BinaryOp::Div | BinaryOp::Rem) {
            let zero = y.val().is_some_and(|v| v.is_zero());
            if zero && (x.val().is_some() || k.is_integer()) {
                self.error(y.span, "invalid operation: division by zero");
                return inv;
            }
        }
        if let (Some(a), Some(b)) = (x.val().cloned(), y.val().cloned()) {
            let integer = k.is_integer();
            // gc's name of the operation in `constant ... overflow`
            let name = match op {
                BinaryOp::Add => "addition ",
                BinaryOp::Sub => "subtraction ",
                BinaryOp::Mul => "multiplication ",
                BinaryOp::Xor => "bitwise XOR ",
                _ => "",
            };
            match constant::binary(op, &a, &b, integer) {
                Ok(v) => {
                    let mut r = Operand { mode: Mode::Constant(v), ty: x.ty, id: e.id, span: e.span, expr: Some(e), comma_ok: false };
                    if !self.check_const_overflow(&mut r, e, op_span, name) {
                        return inv;
                    }
                    return r;
                }
                Err(ConstError::DivByZero) => {
                    self.error(y.span, "invalid operation: division by zero");
                    return inv;
                }
                Err(_) => {
                    self.error(op_span, format!("constant {name}overflow"));
                    return inv;
                }
            }
        }
        Operand { mode: Mode::Value, ty: x.ty, id: e.id, span: e.span, expr: Some(e), comma_ok: false }
    }

    /// go/types' matchTypes: converts an untyped operand to the other operand's type.
    pub fn match_types(&mut self, x: &mut Operand<'a>, y: &mut Operand<'a>) {
        let xu = self.tt.is_untyped(x.ty);
        let yu = self.tt.is_untyped(y.ty);
        if !xu && !yu {
            return;
        }
        let numeric = |c: &Self, t: TypeId| c.tt.basic(t).is_some_and(|k| k.is_numeric());
        let boolean = |c: &Self, t: TypeId| c.tt.basic(t).is_some_and(|k| k.is_boolean());
        let string = |c: &Self, t: TypeId| c.tt.basic(t).is_some_and(|k| k.is_string());
        let _ = numeric;
        let may = (|| {
            if self.tt.is_interface(x.ty) || self.tt.is_interface(y.ty) {
                return true;
            }
            if boolean(self, x.ty) != boolean(self, y.ty) {
                return false;
            }
            if string(self, x.ty) != string(self, y.ty) {
                return false;
            }
            if x.is_nil() {
                return self.has_nil(y.ty);
            }
            if y.is_nil() {
                return self.has_nil(x.ty);
            }
            if self.tt.pointer_elem(x.ty).is_some() || self.tt.pointer_elem(y.ty).is_some() {
                return false;
            }
            true
        })();
        if may {
            let yt = y.ty;
            self.convert_untyped(x, yt);
            if x.mode == Mode::Invalid {
                return;
            }
            let xt = x.ty;
            self.convert_untyped(y, xt);
        }
    }

    /// Comparison operators (also switch cases: `case_of` is the tag expression).
    pub fn comparison(
        &mut self,
        e: &'a Expr,
        op: BinaryOp,
        x: Operand<'a>,
        y: Operand<'a>,
        case_of: Option<&'a Expr>,
    ) -> Operand<'a> {
        let inv = Operand::invalid(e.id, e.span);
        let mut err_at = &y;
        let mut cause = String::new();
        let ok = self.assignable_to(x.ty, Some(&x), y.ty).is_ok() || self.assignable_to(y.ty, Some(&y), x.ty).is_ok();
        let mut failed = false;
        if !ok {
            cause = format!("mismatched types {} and {}", self.tt.type_string_err(x.ty), self.tt.type_string_err(y.ty));
            failed = true;
        } else if matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
            if x.is_nil() || y.is_nil() {
                let t = if x.is_nil() { y.ty } else { x.ty };
                if !self.has_nil(t) || (x.is_nil() && y.is_nil()) {
                    failed = true;
                    if x.is_nil() && y.is_nil() {
                        cause = format!("operator {} not defined on nil", op.as_str());
                    }
                }
            } else if self.tt.is_type_param(x.ty) && !self.tparam_comparable(x.ty) {
                err_at = &x;
                cause = format!("incomparable types in type set");
                failed = true;
            } else if !self.tt.is_comparable(x.ty) {
                err_at = &x;
                cause = self.incomparable_cause(x.ty);
                failed = true;
            } else if !self.tt.is_comparable(y.ty) {
                cause = self.incomparable_cause(y.ty);
                failed = true;
            }
        } else {
            let ordered = |c: &Self, t: TypeId| c.all_terms(t, |k| k.is_ordered());
            if !ordered(self, x.ty) {
                err_at = &x;
                failed = true;
            } else if !ordered(self, y.ty) {
                failed = true;
            }
        }
        if failed {
            if cause.is_empty() {
                cause = format!("operator {} not defined on {}", op.as_str(), self.kind_string(err_at.ty));
            }
            match case_of {
                Some(tag) => {
                    let xs = self.expr_string(x.expr.unwrap_or(e));
                    let ts = self.expr_string(tag);
                    self.error(x.span, format!("invalid case {xs} in switch on {ts} ({cause})"));
                }
                None => {
                    let es = self.expr_string(e);
                    let at = err_at.span;
                    self.error(at, format!("invalid operation: {es} ({cause})"));
                }
            }
            return inv;
        }
        if let (Some(a), Some(b)) = (x.val(), y.val()) {
            if let Some(r) = constant::compare(op, a, b) {
                return Operand {
                    mode: Mode::Constant(ConstValue::Bool(r)),
                    ty: TypeTable::UNTYPED_BOOL,
                    id: e.id,
                    span: e.span,
                    expr: Some(e),
                    comma_ok: false,
                };
            }
        }
        // Operands are materialised with their final (default) types.
        for o in [&x, &y] {
            if self.tt.is_untyped(o.ty) && !o.is_nil() {
                let d = self.tt.default_type(o.ty);
                self.update_expr_type(o.id, d);
            }
        }
        // Mixed interface/concrete comparisons convert the concrete operand.
        if self.tt.is_interface(x.ty) && !self.tt.is_interface(y.ty) {
            self.record_conversion(&y, x.ty);
        } else if self.tt.is_interface(y.ty) && !self.tt.is_interface(x.ty) {
            self.record_conversion(&x, y.ty);
        } else if self.tt.is_interface(x.ty) && self.tt.is_interface(y.ty) && x.ty != y.ty {
            // Compare as the wider interface: convert the operand with more methods.
            if self.tt.implements(x.ty, y.ty).is_ok() {
                self.record_conversion(&x, y.ty);
            } else {
                self.record_conversion(&y, x.ty);
            }
        }
        Operand { mode: Mode::Value, ty: TypeTable::UNTYPED_BOOL, id: e.id, span: e.span, expr: Some(e), comma_ok: false }
    }

    fn incomparable_cause(&self, t: TypeId) -> String {
        match self.tt.under(t) {
            Type::Slice(_) | Type::Func(_) | Type::Map { .. } => {
                format!("{} can only be compared to nil", self.kind_string(t))
            }
            _ => {
                // Find the offending component.
                let mut cur = t;
                for _ in 0..50 {
                    match self.tt.under(cur) {
                        Type::Struct { fields } => {
                            if let Some(f) = fields.iter().find(|f| !self.tt.is_comparable(f.ty)) {
                                let fs = self.tt.type_string_err(f.ty);
                                return format!("struct containing {fs} cannot be compared");
                            }
                            break;
                        }
                        Type::Array { elem, .. } => cur = *elem,
                        _ => break,
                    }
                }
                format!("{} cannot be compared", self.tt.type_string_err(t))
            }
        }
    }

    /// gc's kind description for operator errors: `slice`, `map`, `func`, `struct`, ... or the
    /// type itself for basic types.
    pub fn kind_string(&self, t: TypeId) -> String {
        match self.tt.under(t) {
            Type::Slice(_) => "slice".into(),
            Type::Map { .. } => "map".into(),
            Type::Chan { .. } => "chan".into(),
            Type::Func(_) => "func".into(),
            Type::Struct { .. } => "struct".into(),
            Type::Array { .. } => "array".into(),
            Type::Pointer(_) => "pointer".into(),
            Type::Interface { .. } => "interface".into(),
            Type::Basic(BasicKind::UntypedNil) => "nil".into(),
            _ => self.tt.type_string_err(t),
        }
    }

    fn shift(&mut self, e: &'a Expr, op: BinaryOp, xe: &'a Expr, ye: &'a Expr, op_span: Span) -> Operand<'a> {
        let inv = Operand::invalid(e.id, e.span);
        let mut x = self.value(xe);
        let mut y = self.value(ye);
        if x.mode == Mode::Invalid || y.mode == Mode::Invalid {
            return inv;
        }
        // The shifted operand must be an integer (an untyped constant representable as one).
        let xk = self.tt.basic(x.ty);
        if let Some(v) = x.val().cloned() {
            if self.tt.is_untyped(x.ty) {
                match constant::represent(&v, BasicKind::UntypedInt) {
                    Ok(nv) => {
                        x.mode = Mode::Constant(nv);
                        // types2: an untyped float or complex constant representable as an
                        // integer is shifted as an untyped int (`(1+0i) << x`)
                        if x.ty == TypeTable::UNTYPED_FLOAT || x.ty == TypeTable::UNTYPED_COMPLEX {
                            x.ty = TypeTable::UNTYPED_INT;
                        }
                    }
                    Err(_) => {
                        let s = self.operand_string(&x);
                        self.error(x.span, format!("invalid operation: shifted operand {s} must be integer"));
                        return inv;
                    }
                }
            }
        }
        if !self.tt.basic(x.ty).is_some_and(|k| k.is_integer()) {
            let s = self.operand_string(&x);
            self.error(x.span, format!("invalid operation: shifted operand {s} must be integer"));
            return inv;
        }
        let _ = xk;
        // The shift count (types2: negative check, then representability as uint).
        if let Some(v) = y.val().cloned() {
            if v.as_int().is_some_and(|n| n < 0) {
                let s = self.operand_string(&y);
                self.error(y.span, format!("invalid operation: negative shift count {s}"));
                return inv;
            }
            // gc's shiftBound for constant shifts: enough to express the smallest float64.
            const SHIFT_BOUND: u64 = 1023 - 1 + 52;
            if x.val().is_some() && v.as_bigint().and_then(|b| b.to_u64()).is_some_and(|b| b > SHIFT_BOUND) {
                let s = self.operand_string(&y);
                self.error(y.span, format!("invalid operation: invalid shift count {s}"));
                return inv;
            }
            if self.tt.is_untyped(y.ty) {
                self.convert_untyped(&mut y, TypeTable::UINT);
                if y.mode == Mode::Invalid {
                    return inv;
                }
            }
        } else if self.tt.is_untyped(y.ty) {
            self.convert_untyped(&mut y, TypeTable::UINT);
            if y.mode == Mode::Invalid {
                return inv;
            }
        }
        if !self.tt.basic(y.ty).is_some_and(|k| k.is_integer()) {
            let s = self.operand_string(&y);
            self.error(y.span, format!("invalid operation: shift count {s} must be integer"));
            return inv;
        }
        if let (Some(a), Some(b)) = (x.val().cloned(), y.val().cloned()) {
            let (Some(a), Some(b)) = (a.as_bigint(), b.as_bigint()) else { return inv };
            let Some(b) = b.to_u64().filter(|&b| b <= 1023 - 1 + 52) else {
                let s = self.operand_string(&y);
                self.error(y.span, format!("invalid operation: invalid shift count {s}"));
                return inv;
            };
            let r = constant::shift(op, &a, b);
            let ty = if self.tt.is_untyped(x.ty) { TypeTable::UNTYPED_INT } else { x.ty };
            let ty = if x.ty == TypeTable::UNTYPED_RUNE { x.ty } else { ty };
            let mut r = Operand { mode: Mode::Constant(ConstValue::Int(r)), ty, id: e.id, span: e.span, expr: Some(e), comma_ok: false };
            if !self.check_const_overflow(&mut r, e, op_span, "shift ") {
                return inv;
            }
            return r;
        }
        if x.val().is_some() && self.tt.is_untyped(x.ty) {
            // Non-constant shift of an untyped constant: the constant takes the type the whole
            // expression gets from its context (recorded as untyped for now; default int).
            let s = self.expr_string(xe);
            self.shift_lhs.insert(xe.id, (xe.span, s));
            x.mode = Mode::Value;
            return Operand { mode: Mode::Value, ty: x.ty, id: e.id, span: e.span, expr: Some(e), comma_ok: false };
        }
        Operand { mode: Mode::Value, ty: x.ty, id: e.id, span: e.span, expr: Some(e), comma_ok: false }
    }

    // ----- composite literals ------------------------------------------------------------

    /// types2's error when a struct literal key's field path (`path`, named `name`) repeats an
    /// earlier key's, or contains or is contained in it (an embedded field and a field promoted
    /// through it).
    fn field_key_conflict(seen: &[(Vec<u32>, &str)], path: &[u32], name: &str) -> Option<String> {
        for (prev, pname) in seen {
            if prev.as_slice() == path {
                return Some(format!("duplicate field name {name} in struct literal"));
            }
            if path.starts_with(prev) {
                return Some(format!("cannot specify promoted field {name} and enclosing embedded field {pname}"));
            }
            if prev.starts_with(path) {
                return Some(format!("cannot specify embedded field {name} and enclosed promoted field {pname}"));
            }
        }
        None
    }

    fn composite_lit(&mut self, e: &'a Expr, t: TypeId, elts: &'a [ast::Element], rbrace: Span) -> Operand<'a> {
        let mk = |ty: TypeId| Operand { mode: Mode::Value, ty, id: e.id, span: e.span, expr: Some(e), comma_ok: false };
        if t == TypeTable::INVALID {
            for el in elts {
                if let Some(k) = &el.key {
                    if !matches!(k.kind, ExprKind::Ident(_)) {
                        self.elem_value(k, None);
                    }
                }
                self.elem_value(&el.value, None);
            }
            return Operand::invalid(e.id, e.span);
        }
        let _ = rbrace;
        match self.tt.under(t).clone() {
            Type::Struct { fields } => {
                if elts.is_empty() {
                    return mk(t);
                }
                let keyed = elts[0].key.is_some();
                // the field paths named so far (Go 1.27: a key may name a promoted field)
                let mut seen: Vec<(Vec<u32>, &str)> = vec![];
                for (i, el) in elts.iter().enumerate() {
                    match (&el.key, keyed) {
                        (Some(k), true) => {
                            let Some(kid) = k.as_ident() else {
                                self.error(k.span, format!("invalid field name {} in struct literal", self.expr_string(k)));
                                self.elem_value(&el.value, None);
                                continue;
                            };
                            // A blank field can never be named in a literal (go/types).
                            let q = self.tt.local_qualifier(&kid.name);
                            let direct = fields.iter().position(|f| f.name == kid.name && f.pkg == q && kid.name != "_");
                            // Go 1.27: a promoted field, reached through embedded structs (not
                            // through embedded pointers)
                            let promoted = match direct {
                                Some(_) => None,
                                None if kid.name == "_" => None,
                                None => match self.tt.lookup_in(t, &kid.name, &self.tt.local_path) {
                                    Lookup::Field { path, ty, indirect } if path.len() > 1 => Some((path, ty, indirect)),
                                    _ => None,
                                },
                            };
                            if let Some((path, fty, indirect)) = promoted {
                                if indirect {
                                    self.error(kid.span, format!("invalid implicit pointer indirection to reach {}", kid.name));
                                    self.elem_value(&el.value, None);
                                    continue;
                                }
                                if let Some(msg) = Self::field_key_conflict(&seen, &path, &kid.name) {
                                    self.error(kid.span, msg);
                                }
                                seen.push((path.clone(), &kid.name));
                                self.info.promoted_keys.insert(k.id, path);
                                self.struct_elem_value(&el.value, fty);
                                continue;
                            }
                            let Some(fi) = direct else {
                                let ts = self.tt.type_string_err(t);
                                let msg = if kid.name != "_" && fields.iter().any(|f| f.name == kid.name) {
                                    // types2: the field exists, unexported in another package
                                    format!("cannot refer to unexported field {} in struct literal of type {ts}", kid.name)
                                } else {
                                    format!("unknown field {} in struct literal of type {ts}", kid.name)
                                };
                                self.error(kid.span, msg);
                                self.elem_value(&el.value, None);
                                continue;
                            };
                            self.info.field_keys.insert(k.id, fi as u32);
                            let path = vec![fi as u32];
                            if let Some(msg) = Self::field_key_conflict(&seen, &path, &kid.name) {
                                self.error(kid.span, msg);
                            }
                            seen.push((path, &kid.name));
                            self.struct_elem_value(&el.value, fields[fi].ty);
                        }
                        (None, false) => {
                            if i >= fields.len() {
                                let ts = self.tt.type_string_err(t);
                                self.error(el.value.span, format!("too many values in struct literal of type {ts}"));
                                self.elem_value(&el.value, None);
                                break;
                            }
                            let f = &fields[i];
                            if !f.pkg.is_empty() && f.pkg != self.tt.local_path {
                                let ts = self.tt.type_string_err(t);
                                self.error(el.value.span, format!("implicit assignment to unexported field {} in struct literal of type {ts}", f.name));
                            }
                            self.struct_elem_value(&el.value, fields[i].ty);
                        }
                        _ => {
                            self.error(el.span, "mixture of field:value and value elements in struct literal");
                            self.elem_value(&el.value, None);
                        }
                    }
                }
                if !keyed && elts.len() < fields.len() && elts.iter().all(|el| el.key.is_none()) {
                    let ts = self.tt.type_string_err(t);
                    self.error(rbrace, format!("too few values in struct literal of type {ts}"));
                }
                mk(t)
            }
            Type::Array { len, elem } => {
                let n = self.indexed_elems(elts, elem, Some(len), "array or slice literal");
                let _ = n;
                mk(t)
            }
            Type::Slice(elem) => {
                self.indexed_elems(elts, elem, None, "array or slice literal");
                mk(t)
            }
            Type::Map { key, val } => {
                // Constant keys, with their types (interface-typed keys of different dynamic
                // types are distinct, as in types2).
                let mut seen_keys: Vec<(ConstValue, TypeId)> = vec![];
                for el in elts {
                    match &el.key {
                        Some(k) => {
                            let kx = self.elem_value(k, Some((key, "map literal")));
                            if let Some(v) = kx.and_then(|kx| kx.val().cloned().map(|v| (v, kx.ty))) {
                                if seen_keys.contains(&v) {
                                    // types2 prints the key's value (`1` for `1.0`).
                                    let s = v.0.to_go_string();
                                    self.error(k.span, format!("duplicate key {s} in map literal"));
                                }
                                seen_keys.push(v);
                            }
                        }
                        None => {
                            self.error(el.value.span, "missing key in map literal");
                        }
                    }
                    self.elem_value(&el.value, Some((val, "map literal")));
                }
                mk(t)
            }
            _ if self.tt.underlying(t) == TypeTable::INVALID => {
                // a type whose declaration failed (reported there): no follow-on error
                for el in elts {
                    self.elem_value(&el.value, None);
                }
                Operand::invalid(e.id, e.span)
            }
            _ => {
                let ts = self.tt.type_string_err(t);
                self.error(e.span, format!("invalid composite literal type {ts}"));
                for el in elts {
                    self.elem_value(&el.value, None);
                }
                Operand::invalid(e.id, e.span)
            }
        }
    }

    /// A struct literal's field value: unlike array, slice and map elements it may not elide its
    /// composite literal type (types2 checks it without a hint; its elements are still checked).
    fn struct_elem_value(&mut self, v: &'a Expr, field_ty: TypeId) {
        if let ExprKind::CompositeLit { typ: None, elts, rbrace, .. } = &v.kind {
            self.error(v.span, "missing type in composite literal");
            self.composite_lit(v, TypeTable::INVALID, elts, *rbrace);
            return;
        }
        self.elem_value(v, Some((field_ty, "struct literal")));
    }

    /// An element of a composite literal: elided composite literal types take `target` (or its
    /// pointee for `&T` elements).
    fn elem_value(&mut self, v: &'a Expr, target: Option<(TypeId, &str)>) -> Option<Operand<'a>> {
        if let ExprKind::CompositeLit { typ: None, elts, rbrace, .. } = &v.kind {
            let Some((t, _)) = target else {
                self.error(v.span, "invalid composite literal type: missing type");
                return None;
            };
            // Elided `&T`: the literal has type T and the element is its address (by the core
            // type, as types2: a named pointer type or a type parameter with core type `*T`).
            let (lit_t, ptr) = match self.tt.under(t).clone() {
                Type::Pointer(p) => (p, true),
                _ => (t, false),
            };
            let x = self.composite_lit(v, lit_t, elts, *rbrace);
            let mut x = Operand { expr: Some(v), ..x };
            if ptr {
                x.ty = t;
            }
            self.record(&x);
            return Some(x);
        }
        let mut x = self.value(v);
        if let Some((t, ctx)) = target {
            self.assignment(&mut x, t, ctx);
        }
        Some(x)
    }

    /// Elements of an array or slice literal; returns the length (max index + 1).
    fn indexed_elems(&mut self, elts: &'a [ast::Element], elem: TypeId, len: Option<u64>, ctx: &str) -> u64 {
        let mut index: u64 = 0;
        let mut max: u64 = 0;
        let mut seen: Vec<u64> = vec![];
        for el in elts {
            let mut valid = false;
            if let Some(k) = &el.key {
                // types2's indexedElts: the key is checked as an index (sign, bounds, type)
                match self.index_checked(k, len) {
                    Ok(Some(i)) => {
                        index = i;
                        valid = true;
                    }
                    Ok(None) => {
                        let s = self.expr_string(k);
                        self.error(k.span, format!("index {s} must be integer constant"));
                    }
                    Err(()) => {}
                }
            } else if let Some(n) = len.filter(|&n| index >= n) {
                self.error(el.value.span, format!("index {index} is out of bounds (>= {n})"));
            } else {
                valid = true;
            }
            if !valid {
            } else if seen.contains(&index) {
                self.error(el.span, format!("duplicate index {index} in array or slice literal"));
            } else if seen.len() < 100_000 {
                seen.push(index);
            }
            self.elem_value(&el.value, Some((elem, ctx)));
            index += 1;
            max = max.max(index);
        }
        max
    }

    // ----- index, slice, type assertion ----------------------------------------------------

    fn index_expr(&mut self, e: &'a Expr, xe: &'a Expr, ie: &'a Expr) -> Operand<'a> {
        let x = self.value(xe);
        self.index_operand(e, x, ie)
    }

    /// `x[i]` with the operand `x` (of `xe`) already checked.
    pub fn index_operand(&mut self, e: &'a Expr, x: Operand<'a>, ie: &'a Expr) -> Operand<'a> {
        let inv = Operand::invalid(e.id, e.span);
        if x.mode == Mode::Invalid {
            self.value(ie);
            return inv;
        }
        let mk = |mode: Mode, ty: TypeId| Operand { mode, ty, id: e.id, span: e.span, expr: Some(e), comma_ok: false };
        if self.tt.type_param(x.ty).is_some_and(|tp| tp.core == TypeTable::INVALID) {
            return self.index_tparam(e, &x, ie);
        }
        let (elem, length, mode) = match self.tt.under(x.ty).clone() {
            Type::Basic(k) if k.is_string() => {
                let idx = self.index_value(ie, x.val().and_then(|v| v.as_str()).map(|s| s.len() as u64));
                if let (Some(s), Some(i)) = (x.val().and_then(|v| v.as_str()), idx) {
                    if let Some(&b) = s.get(i as usize) {
                        return mk(Mode::Constant(ConstValue::int(b as i128)), TypeTable::BYTE).with_value_mode();
                    }
                }
                if self.tt.is_untyped(x.ty) {
                    let mut x = x.clone();
                    self.set_operand_type(&mut x, TypeTable::STRING, None);
                }
                return mk(Mode::Value, TypeTable::BYTE);
            }
            Type::Slice(elem) => (elem, None, Mode::Variable),
            Type::Array { len, elem } => {
                let mode = if x.mode == Mode::Variable { Mode::Variable } else { Mode::Value };
                (elem, Some(len), mode)
            }
            Type::Pointer(p) => match self.tt.under(p).clone() {
                Type::Array { len, elem } => (elem, Some(len), Mode::Variable),
                _ => {
                    let s = self.operand_string(&x);
                    self.error(e.span, format!("invalid operation: cannot index {s}"));
                    self.value(ie);
                    return inv;
                }
            },
            Type::Map { key, val } => {
                let mut k = self.value(ie);
                self.assignment(&mut k, key, "map index");
                let mut r = mk(Mode::MapIndex, val);
                r.comma_ok = true;
                return r;
            }
            _ => {
                let s = self.operand_string(&x);
                self.error(e.span, format!("invalid operation: cannot index {s}"));
                self.value(ie);
                return inv;
            }
        };
        self.index_value(ie, length);
        mk(mode, elem)
    }

    /// Indexing a type parameter without a core type (types2's rule): every term must index to
    /// the same element type, all maps with identical keys or no map at all; a string term makes
    /// the result a value, an array term a value unless `x` is a variable; constant indices are
    /// checked against the length the first term fixes (types2's minimum-length tracking).
    fn index_tparam(&mut self, e: &'a Expr, x: &Operand<'a>, ie: &'a Expr) -> Operand<'a> {
        let terms = self.tparam_set(x.ty).terms.unwrap_or_default();
        let mut mode = Mode::Variable;
        let mut first: Option<(Option<TypeId>, TypeId)> = None;
        let mut length: i128 = -1;
        let mut ok = !terms.is_empty();
        for term in &terms {
            let (mut l, mut k, mut el): (i128, Option<TypeId>, Option<TypeId>) = (-1, None, None);
            match self.tt.under(term.ty).clone() {
                Type::Basic(b) if b.is_string() => {
                    el = Some(TypeTable::BYTE);
                    mode = Mode::Value;
                }
                Type::Array { len, elem } => {
                    (l, el) = (len as i128, Some(elem));
                    if x.mode != Mode::Variable {
                        mode = Mode::Value;
                    }
                }
                Type::Pointer(p) => {
                    if let Type::Array { len, elem } = self.tt.under(p).clone() {
                        (l, el) = (len as i128, Some(elem));
                    }
                }
                Type::Slice(elem) => el = Some(elem),
                Type::Map { key, val } => (k, el) = (Some(key), Some(val)),
                _ => {}
            }
            let Some(el) = el else {
                ok = false;
                break;
            };
            match first {
                None => {
                    first = Some((k, el));
                    length = l;
                }
                Some((fk, fe)) => {
                    let same_key = match (fk, k) {
                        (None, None) => true,
                        (Some(a), Some(b)) => a == b,
                        _ => false,
                    };
                    if !same_key || fe != el {
                        ok = false;
                        break;
                    }
                    if l >= 0 && l < length {
                        length = l;
                    }
                }
            }
        }
        let mk = |mode: Mode, ty: TypeId| Operand { mode, ty, id: e.id, span: e.span, expr: Some(e), comma_ok: false };
        let Some((key, elem)) = first.filter(|_| ok) else {
            let s = self.operand_string(x);
            self.error(e.span, format!("invalid operation: cannot index {s}"));
            self.value(ie);
            return Operand::invalid(e.id, e.span);
        };
        if let Some(key) = key {
            let mut k = self.value(ie);
            self.assignment(&mut k, key, "map index");
            let mut r = mk(Mode::MapIndex, elem);
            r.comma_ok = true;
            return r;
        }
        self.index_value(ie, (length >= 0).then_some(length as u64));
        mk(mode, elem)
    }

    /// Checks an index value (integer, non-negative constant, within `length` if known); returns
    /// its constant value.
    fn index_value(&mut self, ie: &'a Expr, length: Option<u64>) -> Option<u64> {
        self.index_checked(ie, length).ok().flatten()
    }

    /// types2's `check.index`: `Err(())` when the index is invalid (reported), `Ok(None)` for a
    /// valid non-constant index, `Ok(Some(v))` for a constant one.
    fn index_checked(&mut self, ie: &'a Expr, length: Option<u64>) -> Result<Option<u64>, ()> {
        let mut i = self.value(ie);
        if i.mode == Mode::Invalid {
            return Err(());
        }
        if self.tt.is_untyped(i.ty) {
            self.convert_untyped(&mut i, TypeTable::INT);
        }
        if i.mode == Mode::Invalid {
            return Err(());
        }
        if !self.all_terms(i.ty, |k| k.is_integer()) {
            let s = self.operand_string(&i);
            self.error(ie.span, format!("invalid argument: index {s} must be integer"));
            return Err(());
        }
        let Some(v) = i.val().and_then(|v| v.as_int()) else {
            return Ok(None);
        };
        if v < 0 {
            let s = self.operand_string(&i);
            self.error(ie.span, format!("invalid argument: index {s} must not be negative"));
            return Err(());
        }
        if v > i64::MAX as i128 {
            let s = self.operand_string(&i);
            self.error(ie.span, format!("invalid argument: index {s} overflows int"));
            return Err(());
        }
        if let Some(n) = length {
            if v as u128 >= n as u128 {
                let s = self.expr_str(&i);
                self.error(ie.span, format!("invalid argument: index {s} out of bounds [0:{n}]"));
                return Err(());
            }
        }
        Ok(Some(v as u64))
    }

    fn slice_expr(
        &mut self,
        e: &'a Expr,
        xe: &'a Expr,
        lo: Option<&'a Expr>,
        hi: Option<&'a Expr>,
        max: Option<&'a Expr>,
        three: bool,
    ) -> Operand<'a> {
        let inv = Operand::invalid(e.id, e.span);
        let mut x = self.value(xe);
        let indices = [lo, hi, max];
        if x.mode == Mode::Invalid {
            for i in indices.into_iter().flatten() {
                self.value(i);
            }
            return inv;
        }
        let mk = |ty: TypeId| Operand { mode: Mode::Value, ty, id: e.id, span: e.span, expr: Some(e), comma_ok: false };
        let core = self.tt.core_string(x.ty);
        let (result, length) = match self.tt.get(core).clone() {
            Type::Basic(k) if k.is_string() => {
                if three {
                    self.error(max.map(|m| m.span).unwrap_or(e.span), "invalid operation: 3-index slice of string");
                    return inv;
                }
                let len = x.val().and_then(|v| v.as_str()).map(|s| s.len() as u64);
                let t = if self.tt.is_untyped(x.ty) {
                    self.set_operand_type(&mut x, TypeTable::STRING, None);
                    TypeTable::STRING
                } else {
                    x.ty
                };
                (t, len)
            }
            Type::Slice(_) => (x.ty, None),
            Type::Array { len, elem } => {
                if x.mode != Mode::Variable {
                    let s = self.operand_string(&x);
                    self.error(e.span, format!("invalid operation: {s} (slice of unaddressable value)"));
                    return inv;
                }
                self.mark_address_taken(xe);
                (self.tt.slice(elem), Some(len))
            }
            Type::Pointer(p) => match self.tt.under(p).clone() {
                Type::Array { len, elem } => (self.tt.slice(elem), Some(len)),
                _ => {
                    let s = self.operand_string(&x);
                    self.error(e.span, format!("cannot slice {s}"));
                    return inv;
                }
            },
            _ => {
                let s = self.operand_string(&x);
                self.error(e.span, format!("cannot slice {s}"));
                return inv;
            }
        };
        let cap = length.map(|l| l + 1);
        let mut vals: Vec<Option<u64>> = vec![];
        for i in indices {
            match i {
                Some(ie) => vals.push(self.index_value(ie, cap)),
                None => vals.push(None),
            }
        }
        // Constant indices must be non-decreasing.
        let present: Vec<(u64, &Expr)> =
            vals.iter().zip(indices).filter_map(|(v, e)| Some(((*v)?, e?))).collect();
        for w in present.windows(2) {
            if w[1].0 < w[0].0 {
                self.error(w[1].1.span, format!("invalid slice indices: {} < {}", w[1].0, w[0].0));
                return inv;
            }
        }
        mk(result)
    }

    /// `x.(T)`: T must implement x's interface type (when T is concrete).
    /// `what` is the whole assertion `x.(T)` (assertions) or `x`'s operand string (type switch
    /// cases, whose `at` is the case type).
    pub fn check_type_assert(&mut self, iface: TypeId, t: TypeId, at: Span, what: &str, in_switch: bool) {
        if self.tt.is_interface(t) || self.tt.has_tparams(t) {
            // a type parameter's type set decides per instance
            return;
        }
        if let Err(m) = self.tt.implements(t, iface) {
            let ts = self.tt.type_string_err(t);
            let is = self.tt.type_string_err(iface);
            use super::ty::MissingKind;
            let detail = match &m.kind {
                MissingKind::Missing => format!("missing method {}", m.name),
                MissingKind::PointerReceiver => format!("method {} has pointer receiver", m.name),
                MissingKind::WrongType { .. } => format!("wrong type for method {}", m.name),
                MissingKind::PointerToInterface => format!("type {ts} is pointer to interface, not interface"),
            };
            if in_switch {
                let case_s = self.text(at).to_string();
                self.error(at, format!("impossible type switch case: {case_s}\n\t{what} cannot have dynamic type {ts} ({detail})"));
            } else {
                self.error(at, format!("impossible type assertion: {what}\n\t{ts} does not implement {is} ({detail})"));
            }
        }
    }

    // ----- printing ------------------------------------------------------------------------

    /// The expression of an operand as gc prints it.
    pub fn expr_str(&self, x: &Operand<'a>) -> String {
        match x.expr {
            Some(e) => self.expr_string(e),
            None => String::new(),
        }
    }

    /// go/types' operand formatting: `x (variable of type int)`, `300 (untyped int constant)`,
    /// `c (untyped int constant 300)`, `f() (value of type T)`, `nil`.
    pub fn operand_string(&self, x: &Operand<'a>) -> String {
        if x.is_nil() && matches!(x.mode, Mode::Value) {
            return "nil".into();
        }
        let expr = self.expr_str(x);
        let mut s = String::new();
        if !expr.is_empty() {
            s.push_str(&expr);
            s.push_str(" (");
        }
        let mut has_type = false;
        match x.mode {
            Mode::Invalid | Mode::NoValue | Mode::Builtin(_) | Mode::TypeExpr => {}
            _ => {
                if self.tt.is_untyped(x.ty) {
                    s.push_str(self.tt.basic(x.ty).unwrap().name());
                    s.push(' ');
                } else {
                    has_type = true;
                }
            }
        }
        s.push_str(match x.mode {
            Mode::Invalid => "invalid operand",
            Mode::NoValue => "no value",
            Mode::Builtin(_) => "built-in",
            Mode::TypeExpr => "type",
            Mode::Constant(_) => "constant",
            Mode::Variable => "variable",
            Mode::MapIndex => "map index expression",
            Mode::Value => {
                if x.comma_ok && false { "comma, ok expression" } else { "value" }
            }
        });
        if let Mode::Constant(v) = &x.mode {
            let vs = v.to_go_string();
            if vs != expr {
                s.push(' ');
                s.push_str(&vs);
            }
        }
        if has_type {
            s.push_str(" of ");
            if self.tt.is_named(x.ty) {
                let what = match self.tt.under(x.ty) {
                    Type::Basic(k) => k.name(),
                    Type::Array { .. } => "array",
                    Type::Slice(_) => "slice",
                    Type::Struct { .. } => "struct",
                    Type::Pointer(_) => "pointer",
                    Type::Func(_) => "func",
                    Type::Interface { .. } => "interface",
                    Type::Map { .. } => "map",
                    Type::Chan { .. } => "chan",
                    Type::Tuple(_) => "tuple",
                    Type::Named(_) | Type::TypeParam(_) => "",
                    Type::Constraint { .. } => "interface",
                };
                s.push_str(what);
                s.push(' ');
            }
            s.push_str("type ");
            s.push_str(&self.tt.type_string_err(x.ty));
            if let Some(p) = self.tt.type_param(x.ty) {
                s.push_str(" constrained by ");
                s.push_str(&self.constraint_string(p.constraint));
            }
        }
        if !expr.is_empty() {
            s.push(')');
        }
        s
    }

    /// Prints an expression the way gc's syntax printer does (`x + y`, `f(a, b)`, `T{…}`).
    pub fn expr_string(&self, e: &Expr) -> String {
        let mut s = String::new();
        self.write_expr(&mut s, e, 0);
        s
    }

    fn write_expr(&self, s: &mut String, e: &Expr, depth: u32) {
        if depth > 50 {
            s.push('…');
            return;
        }
        let d = depth + 1;
        match &e.kind {
            ExprKind::Ident(id) => s.push_str(&id.name),
            ExprKind::Lit(lit) => match lit {
                ast::Lit::Int { text, .. } | ast::Lit::Float { text, .. } | ast::Lit::Imag { text } | ast::Lit::Rune { text, .. } => s.push_str(text),
                ast::Lit::Str(_) => s.push_str(self.text(e.span)),
            },
            ExprKind::CompositeLit { typ, elts, .. } => {
                if let Some(t) = typ {
                    self.write_expr(s, t, d);
                }
                s.push('{');
                if !elts.is_empty() {
                    s.push('…');
                }
                s.push('}');
            }
            ExprKind::FuncLit { typ, .. } => {
                s.push_str("func");
                let t = self.text(typ.span);
                s.push_str(t.strip_prefix("func").unwrap_or(t));
                s.push_str(" {…}");
            }
            ExprKind::Paren(x) => {
                s.push('(');
                self.write_expr(s, x, d);
                s.push(')');
            }
            ExprKind::Selector { x, sel } => {
                self.write_expr(s, x, d);
                s.push('.');
                s.push_str(&sel.name);
            }
            ExprKind::Index { x, index, .. } => {
                self.write_expr(s, x, d);
                s.push('[');
                self.write_expr(s, index, d);
                s.push(']');
            }
            ExprKind::Slice { x, lo, hi, max, three, .. } => {
                self.write_expr(s, x, d);
                s.push('[');
                if let Some(l) = lo {
                    self.write_expr(s, l, d);
                }
                s.push(':');
                if let Some(h) = hi {
                    self.write_expr(s, h, d);
                }
                if *three {
                    s.push(':');
                    if let Some(m) = max {
                        self.write_expr(s, m, d);
                    }
                }
                s.push(']');
            }
            ExprKind::TypeAssert { x, typ } => {
                self.write_expr(s, x, d);
                s.push_str(".(");
                self.write_expr(s, typ, d);
                s.push(')');
            }
            ExprKind::Call { fun, args, dots, .. } => {
                self.write_expr(s, fun, d);
                s.push('(');
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.write_expr(s, a, d);
                }
                if dots.is_some() {
                    s.push_str("...");
                }
                s.push(')');
            }
            ExprKind::Star(x) => {
                s.push('*');
                self.write_expr(s, x, d);
            }
            ExprKind::Unary { op, x } => {
                s.push_str(op.as_str());
                self.write_expr(s, x, d);
            }
            ExprKind::Binary { op, x, y, .. } => {
                self.write_expr(s, x, d);
                s.push(' ');
                s.push_str(op.as_str());
                s.push(' ');
                self.write_expr(s, y, d);
            }
            _ => {
                // Type expressions: print their source text with whitespace normalised.
                let t = self.text(e.span);
                let mut prev_space = false;
                for c in t.chars() {
                    if c.is_whitespace() {
                        if !prev_space {
                            s.push(' ');
                        }
                        prev_space = true;
                    } else {
                        s.push(c);
                        prev_space = false;
                    }
                }
            }
        }
    }
}

impl<'a> Operand<'a> {
    /// Constant string indexing yields a byte VALUE (not a constant) in Go.
    fn with_value_mode(mut self) -> Operand<'a> {
        self.mode = Mode::Value;
        self
    }
}
