//! Calls (functions, methods, conversions, builtins) and selector expressions (fields, methods,
//! method expressions, qualified identifiers of the modelled standard library).
//!
//! Invariant: every selector that is not a qualified identifier gets a `Selection` in
//! `info.selections`; every call's recorded type is its result (a `Tuple` for several results,
//! mode `NoValue` for none).

use super::checker::{Checker, plural};
use super::constant::ConstValue;
use super::expr::Operand;
use super::info::*;
use crate::syntax::ast::NodeId;
use cranelift_entity::SecondaryMap;
use super::ty::{BasicKind, ChanDir, Lookup, Type, TypeId, TypeTable};
use crate::syntax::ast::{self, Expr, ExprKind};

impl<'a> Checker<'a> {
    pub fn call(&mut self, e: &'a Expr) -> Operand<'a> {
        let ExprKind::Call { fun, args, dots, rparen, .. } = &e.kind else { unreachable!() };
        let inv = Operand::invalid(e.id, e.span);
        self.allow_generic = true;
        self.partial_ok = true;
        let mut f = self.expr(fun);
        self.allow_generic = false;
        self.partial_ok = false;
        let partial = self.partial_targs.take();
        if f.mode != Mode::Invalid {
            let (generic, explicit) = match (&fun.unparen().kind, partial) {
                (ExprKind::Index { x, .. } | ExprKind::IndexList { x, .. }, Some(p)) => (self.generic_func_of(x), p),
                (ExprKind::Ident(id), _) if !self.info.instances.contains_key(&id.id) => (self.generic_func_of(fun), vec![]),
                (ExprKind::Selector { sel, .. }, _) if !self.info.instances.contains_key(&sel.id) => {
                    (self.generic_func_of(fun), vec![])
                }
                _ => (None, vec![]),
            };
            if let Some(obj) = generic {
                // a generic method's signature as selected: the receiver's type arguments in
                let gsig = match self.info.objects[obj].kind {
                    ObjKind::Func { recv: Some(_), .. } => f.ty,
                    _ => self.info.objects[obj].ty().unwrap_or_default(),
                };
                match self.infer_call(e, fun, obj, gsig, explicit, args, dots.is_some(), *rparen) {
                    Some(isig) => f.ty = isig,
                    None => return inv,
                }
            }
        }
        match f.mode.clone() {
            Mode::Invalid => {
                for a in args {
                    self.expr(a);
                }
                inv
            }
            Mode::TypeExpr => {
                let t = f.ty;
                let ts = self.tt.type_string_err(t);
                let type_text = match &fun.unparen().kind {
                    ExprKind::Ident(id) if id.name == "byte" || id.name == "rune" => id.name.clone(),
                    _ => ts.clone(),
                };
                if args.len() != 1 {
                    if args.is_empty() {
                        self.error(*rparen, format!("missing argument in conversion to {ts}"));
                    } else {
                        self.error(args[1].span, format!("too many arguments in conversion to {ts}"));
                        for a in args {
                            self.expr(a);
                        }
                    }
                    return inv;
                }
                if let Some(d) = dots {
                    self.error(*d, format!("invalid use of ... in conversion to {ts}"));
                }
                let mut x = self.value(&args[0]);
                self.conversion(e, t, &mut x, &type_text)
            }
            Mode::Builtin(b) => self.builtin(e, b, args, *dots),
            _ => {
                let mut f = f;
                self.single_value(&mut f);
                if f.mode == Mode::Invalid {
                    for a in args {
                        self.expr(a);
                    }
                    return inv;
                }
                let Some(sig) = self.tt.signature(f.ty).cloned() else {
                    // types2 (call.go): `cannot call x (variable of type int): int is not a function`.
                    let s = self.operand_string(&f);
                    let t = self.tt.type_string_err(f.ty);
                    self.error(e.span, format!("invalid operation: cannot call {s}: {t} is not a function"));
                    for a in args {
                        self.expr(a);
                    }
                    return inv;
                };
                let name = self.expr_string(fun);
                self.arguments(e, &name, &sig.params, sig.variadic, args, *dots, *rparen);
                let mk = |mode: Mode, ty: TypeId| Operand { mode, ty, id: e.id, span: e.span, expr: Some(e), comma_ok: false };
                match sig.results.len() {
                    0 => mk(Mode::NoValue, TypeTable::INVALID),
                    1 => mk(Mode::Value, sig.results[0]),
                    _ => {
                        let t = self.tt.tuple(sig.results.clone());
                        mk(Mode::Value, t)
                    }
                }
            }
        }
    }

    /// Checks call arguments against parameter types (with variadics and `f(g())` spreading).
    #[allow(clippy::too_many_arguments)]
    fn arguments(
        &mut self,
        call: &'a Expr,
        name: &str,
        params: &[TypeId],
        variadic: bool,
        args: &'a [Expr],
        dots: Option<crate::diag::Span>,
        rparen: crate::diag::Span,
    ) {
        let context = format!("argument to {name}");
        // f(g()) with a multi-value g (for a generic f, infer_call evaluated g() already).
        let pending_tuple = match self.pending_args.as_deref() {
            Some([x]) => x.mode == Mode::Value && matches!(self.tt.get(x.ty), Type::Tuple(_)),
            _ => false,
        };
        if args.len() == 1 && dots.is_none() && (self.pending_args.is_none() || pending_tuple) {
            let mut x = match self.pending_args.take().and_then(|mut v| v.pop()) {
                Some(x) => x,
                None => {
                    self.hint = Some(self.param_type(params, variadic, 0));
                    self.expr(&args[0])
                }
            };
            if let Type::Tuple(elems) = self.tt.get(x.ty).clone() {
                if x.mode == Mode::Value {
                    let ok = if variadic { elems.len() >= params.len() - 1 } else { elems.len() == params.len() };
                    if !ok {
                        self.count_error(call, name, params, variadic, &elems, elems.len() < params.len(), rparen, &args[0]);
                        return;
                    }
                    for (i, &t) in elems.iter().enumerate() {
                        let p = self.param_type(params, variadic, i);
                        if let Err(reason) = self.assignable_to(t, None, p) {
                            let ps = self.tt.type_string_err(p);
                            // types2's genericExprList keeps the call as each value's expression
                            let ts = format!("{} (value of type {})", self.expr_string(&args[0]), self.tt.type_string_err(t));
                            self.error(args[0].span, format!("cannot use {ts} as {ps} value in {context}{reason}"));
                        }
                    }
                    return;
                }
            }
            return self.arguments_from(call, name, params, variadic, args, dots, rparen, Some(&mut x), &context);
        }
        self.arguments_from(call, name, params, variadic, args, dots, rparen, None, &context);
    }

    #[allow(clippy::too_many_arguments)]
    fn arguments_from(
        &mut self,
        call: &'a Expr,
        name: &str,
        params: &[TypeId],
        variadic: bool,
        args: &'a [Expr],
        dots: Option<crate::diag::Span>,
        rparen: crate::diag::Span,
        first: Option<&mut Operand<'a>>,
        context: &str,
    ) {
        let mut ops: Vec<Operand<'a>> = vec![];
        if let Some(pre) = self.pending_args.take() {
            ops = pre;
        } else {
            if let Some(f) = first {
                ops.push(f.clone());
            }
            for (i, a) in args.iter().enumerate().skip(ops.len()) {
                self.hint = Some(if dots.is_some() { params.get(i).copied().unwrap_or_default() } else { self.param_type(params, variadic, i) });
                ops.push(self.expr(a));
            }
        }
        for o in &mut ops {
            self.single_value(o);
        }
        if dots.is_some() {
            if !variadic {
                let _ = dots;
                self.error(call.span, format!("cannot use ... in call to non-variadic {name}"));
                return;
            }
            if ops.len() != params.len() {
                let tys: Vec<TypeId> = ops.iter().map(|o| o.ty).collect();
                self.count_error(call, name, params, variadic, &tys, ops.len() < params.len(), rparen, args.last().unwrap_or(call));
                return;
            }
            for (i, o) in ops.iter_mut().enumerate() {
                self.assignment(o, params[i], context);
            }
            return;
        }
        let n_fixed = if variadic { params.len() - 1 } else { params.len() };
        if ops.len() < n_fixed || (!variadic && ops.len() > params.len()) {
            let tys: Vec<TypeId> = ops.iter().map(|o| o.ty).collect();
            let at = if ops.len() < n_fixed { args.last().unwrap_or(call) } else { &args[params.len()] };
            self.count_error(call, name, params, variadic, &tys, ops.len() < n_fixed, rparen, at);
            return;
        }
        for (i, o) in ops.iter_mut().enumerate() {
            let p = self.param_type(params, variadic, i);
            self.assignment(o, p, context);
        }
    }

    fn param_type(&self, params: &[TypeId], variadic: bool, i: usize) -> TypeId {
        if variadic && i + 1 >= params.len() {
            match self.tt.get(params[params.len() - 1]) {
                Type::Slice(e) => *e,
                _ => TypeTable::INVALID,
            }
        } else {
            params.get(i).copied().unwrap_or(TypeTable::INVALID)
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn count_error(
        &mut self,
        call: &'a Expr,
        name: &str,
        params: &[TypeId],
        variadic: bool,
        have: &[TypeId],
        not_enough: bool,
        rparen: crate::diag::Span,
        at: &'a Expr,
    ) {
        let have_s: Vec<String> = have
            .iter()
            .map(|&t| {
                if t == TypeTable::INVALID {
                    "unknown type".to_string()
                } else if self.tt.is_untyped(t) {
                    let k = self.tt.basic(t).unwrap();
                    if k.is_numeric() { "number".to_string() } else { k.name().trim_start_matches("untyped ").to_string() }
                } else {
                    self.tt.type_string_err(t)
                }
            })
            .collect();
        // The standard library declares `...any`; gc prints the alias name.
        let is_std = matches!(&call.kind, ExprKind::Call { fun, .. } if matches!(fun.unparen().kind, ExprKind::Selector { ref x, .. } if matches!(self.info.types[x.id].mode, Mode::Invalid) && x.as_ident().is_some_and(|i| self.imports.contains_key(&i.name))));
        let mut want_s: Vec<String> = params
            .iter()
            .map(|&t| {
                if t == TypeTable::INVALID {
                    return "unknown type".to_string();
                }
                let s = self.tt.type_string_err(t);
                if is_std { s.replace("interface{}", "any") } else { s }
            })
            .collect();
        if variadic {
            if let Some(last) = want_s.last_mut() {
                *last = format!("...{}", last.strip_prefix("[]").unwrap_or(last));
            }
        }
        // types2's typesSummary(..., ddd): `f(xs...)` shows the spread argument as `T...`
        let mut have_s = have_s;
        if matches!(call.kind, ExprKind::Call { dots: Some(_), .. }) {
            if let Some(last) = have_s.last_mut() {
                last.push_str("...");
            }
        }
        let what = if not_enough { "not enough" } else { "too many" };
        let msg = format!("{what} arguments in call to {name}\n\thave ({})\n\twant ({})", have_s.join(", "), want_s.join(", "));
        let span = if not_enough { at.span } else { at.span };
        let _ = (call, rparen);
        self.error(span, msg);
    }

    // ----- builtins ------------------------------------------------------------------------

    fn builtin(&mut self, e: &'a Expr, b: Builtin, args: &'a [Expr], dots: Option<crate::diag::Span>) -> Operand<'a> {
        let inv = Operand::invalid(e.id, e.span);
        let mk = |mode: Mode, ty: TypeId| Operand { mode, ty, id: e.id, span: e.span, expr: Some(e), comma_ok: false };
        let ExprKind::Call { fun, rparen, .. } = &e.kind else { unreachable!() };
        let name = b.name();
        let call_s = self.expr_string(e);
        if dots.is_some() && b != Builtin::Append {
            self.error(dots.unwrap(), format!("invalid operation: invalid use of ... with built-in {name}"));
            for a in args {
                self.expr(a);
            }
            return inv;
        }
        let nargs = args.len();
        if b == Builtin::Complex && nargs == 1 && matches!(args[0].unparen().kind, ExprKind::Call { .. }) {
            // complex(f()) with a two-result f.
            let x = self.expr(&args[0]);
            if let Type::Tuple(elems) = self.tt.get(x.ty).clone() {
                if elems.len() == 2 && elems[0] == elems[1] {
                    let res = match self.tt.basic(elems[0]) {
                        Some(BasicKind::Float32) => Some(TypeTable::COMPLEX64),
                        Some(BasicKind::Float64) => Some(TypeTable::COMPLEX128),
                        _ => None,
                    };
                    if let Some(res) = res {
                        return mk(Mode::Value, res);
                    }
                }
            }
            if x.mode != Mode::Invalid {
                let found = match self.tt.get(x.ty) {
                    Type::Tuple(elems) => elems.len(),
                    _ => 1,
                };
                let what = if found > 2 { "too many" } else { "not enough" };
                self.error(e.span, format!("invalid operation: {what} arguments for {call_s} (expected 2, found {found})"));
            }
            return inv;
        }
        let (min, max): (usize, Option<usize>) = match b {
            Builtin::Append => (1, None),
            Builtin::Cap | Builtin::Len | Builtin::Clear | Builtin::Close | Builtin::New | Builtin::Panic => (1, Some(1)),
            Builtin::Copy | Builtin::Delete | Builtin::Complex => (2, Some(2)),
            Builtin::Real | Builtin::Imag => (1, Some(1)),
            Builtin::Sizeof | Builtin::Alignof | Builtin::Offsetof | Builtin::StringData | Builtin::SliceData => (1, Some(1)),
            Builtin::Add | Builtin::Slice | Builtin::String => (2, Some(2)),
            Builtin::Make => (1, Some(3)),
            Builtin::Max | Builtin::Min => (1, None),
            Builtin::Print | Builtin::Println => (0, None),
            Builtin::Recover => (0, Some(0)),
        };
        if nargs == 1 && min == 2 {
            // copy(f()) / delete(f()) with a two-valued f
            let x = self.expr(&args[0]);
            if let Some(op) = self.builtin_on_tuple(e, b, &x) {
                return op;
            }
            if x.mode != Mode::Invalid {
                let msg = format!("invalid operation: not enough arguments for {call_s} (expected {min}, found {nargs})");
                self.error(e.span, msg);
            }
            return inv;
        }
        if nargs < min {
            let msg = format!("invalid operation: not enough arguments for {call_s} (expected {min}, found {nargs})");
            self.error(e.span, msg);
            for a in args {
                self.expr(a);
            }
            return inv;
        }
        if let Some(m) = max {
            if nargs > m && b != Builtin::Make {
                let msg = format!("invalid operation: too many arguments for {call_s} (expected {m}, found {nargs})");
                self.error(e.span, msg);
                for a in args {
                    self.expr(a);
                }
                return inv;
            }
        }
        let _ = fun;
        match b {
            Builtin::Len | Builtin::Cap => {
                let mut x = self.value(&args[0]);
                if x.mode == Mode::Invalid {
                    return inv;
                }
                if self.tt.is_untyped(x.ty) && x.ty == TypeTable::UNTYPED_STRING && b == Builtin::Len {
                    let n = x.val().and_then(|v| v.as_str()).map(|s| s.len()).unwrap_or(0);
                    self.set_operand_type(&mut x, TypeTable::STRING, None);
                    return mk(Mode::Constant(ConstValue::int(n as i128)), TypeTable::INT);
                }
                if self.tt.is_type_param(x.ty) {
                    // types2: every term must allow it; never a constant for a type parameter
                    let terms = self.tparam_set(x.ty).terms.unwrap_or_default();
                    let ok = !terms.is_empty()
                        && terms.iter().all(|term| {
                            let mut u = self.tt.underlying(term.ty);
                            if let Type::Pointer(p) = self.tt.get(u) {
                                if matches!(self.tt.under(*p), Type::Array { .. }) {
                                    u = self.tt.underlying(*p);
                                }
                            }
                            match self.tt.get(u) {
                                Type::Basic(k) => k.is_string() && b == Builtin::Len,
                                Type::Array { .. } | Type::Slice(_) | Type::Chan { .. } => true,
                                Type::Map { .. } => b == Builtin::Len,
                                _ => false,
                            }
                        });
                    if !ok {
                        let s = self.operand_string(&x);
                        self.error(args[0].span, format!("invalid argument: {s} for built-in {name}"));
                        return inv;
                    }
                    return mk(Mode::Value, TypeTable::INT);
                }
                let ut = self.tt.under(x.ty).clone();
                let ut = match ut {
                    Type::Pointer(p) => match self.tt.under(p).clone() {
                        a @ Type::Array { .. } => a,
                        other => Type::Pointer(self.tt.intern(other)),
                    },
                    t => t,
                };
                let ok = match &ut {
                    Type::Basic(k) if k.is_string() => b == Builtin::Len,
                    Type::Array { .. } | Type::Slice(_) => true,
                    Type::Map { .. } => b == Builtin::Len,
                    Type::Chan { .. } => true,
                    _ => false,
                };
                if !ok {
                    let s = self.operand_string(&x);
                    self.error(args[0].span, format!("invalid argument: {s} for built-in {name}"));
                    return inv;
                }
                if let Some(s) = x.val().and_then(|v| v.as_str()) {
                    return mk(Mode::Constant(ConstValue::int(s.len() as i128)), TypeTable::INT);
                }
                if let Type::Array { len, .. } = ut {
                    if !contains_call(&args[0], &self.info.types) {
                        return mk(Mode::Constant(ConstValue::int(len as i128)), TypeTable::INT);
                    }
                }
                mk(Mode::Value, TypeTable::INT)
            }
            Builtin::Append => {
                let mut s = self.expr(&args[0]);
                if nargs == 1 && dots.is_none() && s.mode == Mode::Value {
                    // append(f()) with a multi-valued f: the slice and the values to append
                    if let Type::Tuple(elems) = self.tt.get(s.ty).clone() {
                        let Type::Slice(elem) = self.tt.under(elems[0]).clone() else {
                            let ts = self.tt.type_string_err(elems[0]);
                            self.error(args[0].span, format!("first argument to append must be a slice; have {} (value of type {ts})", self.expr_string(&args[0])));
                            return inv;
                        };
                        for (i, &t) in elems.iter().enumerate().skip(1) {
                            if let Err(reason) = self.assignable_to(t, None, elem) {
                                let (ts, es) = (self.nth_result(i, t), self.tt.type_string_err(elem));
                                self.error(args[0].span, format!("cannot use {ts} as {es} value in argument to append{reason}"));
                                return inv;
                            }
                        }
                        return mk(Mode::Value, elems[0]);
                    }
                }
                self.single_value(&mut s);
                if s.mode == Mode::Invalid {
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    return inv;
                }
                if s.is_nil() {
                    self.error(args[0].span, "first argument to append must be a slice; have untyped nil");
                    return inv;
                }
                let Type::Slice(elem) = self.tt.under(s.ty).clone() else {
                    let os = self.operand_string(&s);
                    self.error(args[0].span, format!("first argument to append must be a slice; have {os}"));
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    return inv;
                };
                let st = s.ty;
                if dots.is_some() {
                    if nargs != 2 {
                        // types2 checks append(s, xs...) as a call of func(S, ...E) S
                        let mut tys = vec![st];
                        for a in &args[1..] {
                            let x = self.value(a);
                            tys.push(x.ty);
                        }
                        let params = [st, self.tt.slice(elem)];
                        let at = args.last().unwrap_or(e);
                        self.count_error(e, "append", &params, true, &tys, nargs < 2, *rparen, at);
                        return inv;
                    }
                    let mut x = self.value(&args[1]);
                    if x.mode == Mode::Invalid {
                        return mk(Mode::Value, st);
                    }
                    // append([]byte, string...)
                    // (types2's coreString: a type parameter whose terms are all strings or byte
                    // slices counts as a string here)
                    let bytestring = |c: &Self, t: TypeId| {
                        c.tt.basic(t).is_some_and(|k| k.is_string())
                            || matches!(c.tt.under(t), Type::Slice(e) if c.tt.basic(*e) == Some(BasicKind::Uint8))
                    };
                    let tparam_bytestring = self.tt.is_type_param(x.ty)
                        && self.tparam_set(x.ty).terms.is_some_and(|ts| !ts.is_empty() && ts.iter().all(|t| bytestring(self, t.ty)));
                    if self.tt.basic(elem) == Some(BasicKind::Uint8)
                        && (self.tt.basic(x.ty).is_some_and(|k| k.is_string()) || tparam_bytestring)
                    {
                        if self.tt.is_untyped(x.ty) {
                            self.set_operand_type(&mut x, TypeTable::STRING, None);
                        }
                        return mk(Mode::Value, st);
                    }
                    let slice_t = self.tt.slice(elem);
                    self.assignment(&mut x, slice_t, "argument to append");
                    return mk(Mode::Value, st);
                }
                for a in &args[1..] {
                    let mut x = self.value(a);
                    self.assignment(&mut x, elem, "argument to append");
                }
                let _ = &mut s;
                mk(Mode::Value, st)
            }
            Builtin::Copy => {
                let d = self.value(&args[0]);
                let mut sx = self.value(&args[1]);
                if d.mode == Mode::Invalid || sx.mode == Mode::Invalid {
                    return inv;
                }
                let de = match self.tt.under(d.ty) {
                    Type::Slice(e) => Some(*e),
                    _ => None,
                };
                let se = match self.tt.under(sx.ty).clone() {
                    Type::Slice(e) => Some(e),
                    Type::Basic(k) if k.is_string() => {
                        if self.tt.is_untyped(sx.ty) {
                            self.set_operand_type(&mut sx, TypeTable::STRING, None);
                        }
                        Some(TypeTable::BYTE)
                    }
                    _ => None,
                };
                match (de, se) {
                    (Some(a), Some(b)) if a == b => mk(Mode::Value, TypeTable::INT),
                    (Some(a), Some(b)) => {
                        let ds = self.operand_string(&d);
                        let ss = self.operand_string(&sx);
                        let _ = (a, b);
                        let (at, bt) = (self.tt.type_string_err(a), self.tt.type_string_err(b));
                        self.error(d.span, format!("invalid argument: arguments to copy {ds} and {ss} have different element types {at} and {bt}"));
                        inv
                    }
                    _ => {
                        let bad = if de.is_none() { &d } else { &sx };
                        let s = self.operand_string(bad);
                        let _ = (bad, s);
                        let ds = self.operand_string(&d);
                        let ss = self.operand_string(&sx);
                        self.error(d.span, format!("invalid argument: copy expects slice arguments; found {ds} and {ss}"));
                        inv
                    }
                }
            }
            Builtin::Delete => {
                let m = self.value(&args[0]);
                if m.mode == Mode::Invalid {
                    self.expr(&args[1]);
                    return inv;
                }
                let Type::Map { key, .. } = self.tt.under(m.ty).clone() else {
                    let s = self.operand_string(&m);
                    self.error(args[0].span, format!("invalid argument: {s} is not a map"));
                    self.expr(&args[1]);
                    return inv;
                };
                let mut k = self.value(&args[1]);
                self.assignment(&mut k, key, "argument to delete");
                mk(Mode::NoValue, TypeTable::INVALID)
            }
            Builtin::Close => {
                let x = self.value(&args[0]);
                if x.mode == Mode::Invalid {
                    return inv;
                }
                match self.tt.under(x.ty) {
                    Type::Chan { dir: ChanDir::Recv, .. } => {
                        let s = self.operand_string(&x);
                        self.error(args[0].span, format!("invalid operation: cannot close receive-only channel {s}"));
                        inv
                    }
                    Type::Chan { .. } => mk(Mode::NoValue, TypeTable::INVALID),
                    _ => {
                        let s = self.operand_string(&x);
                        self.error(args[0].span, format!("invalid operation: cannot close non-channel {s}"));
                        inv
                    }
                }
            }
            Builtin::Make => {
                let t = self.typ(&args[0]);
                if t == TypeTable::INVALID {
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    return inv;
                }
                let (lo, hi) = match self.tt.under(t) {
                    Type::Slice(_) => (2, 3),
                    Type::Map { .. } | Type::Chan { .. } => (1, 2),
                    _ => {
                        let s = self.expr_string(&args[0]);
                        self.error(args[0].span, format!("invalid argument: cannot make {s}; type must be slice, map, or channel"));
                        for a in &args[1..] {
                            self.expr(a);
                        }
                        return inv;
                    }
                };
                if nargs < lo || nargs > hi {
                    let ts = self.expr_string(&args[0]);
                    self.error(e.span, format!("invalid operation: {call_s} expects {lo} or {hi} arguments; found {nargs}"));
                    let _ = ts;
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    return inv;
                }
                let mut sizes = vec![];
                for a in &args[1..] {
                    sizes.push(self.size_arg(a, "make"));
                }
                if let [Some(l), Some(c)] = sizes[..] {
                    if l > c {
                        self.error(args[1].span, format!("invalid argument: length and capacity swapped"));
                        return inv;
                    }
                }
                mk(Mode::Value, t)
            }
            Builtin::New => {
                // `new(T)`, or (Go 1.26) `new(expr)`: a new variable holding expr's value
                let mut x = self.expr(&args[0]);
                let t = match x.mode {
                    Mode::Invalid => return inv,
                    Mode::TypeExpr => {
                        self.record(&x);
                        x.ty
                    }
                    _ => {
                        self.single_value(&mut x);
                        if x.mode == Mode::Invalid {
                            return inv;
                        }
                        if x.is_nil() {
                            self.error(args[0].span, "use of untyped nil in argument to new");
                            return inv;
                        }
                        let t = self.tt.default_type(x.ty);
                        self.assignment(&mut x, t, "argument to new");
                        if x.mode == Mode::Invalid {
                            return inv;
                        }
                        self.record(&x);
                        t
                    }
                };
                let p = self.tt.pointer(t);
                mk(Mode::Value, p)
            }
            Builtin::Panic => {
                let mut x = self.value(&args[0]);
                self.assignment(&mut x, TypeTable::EMPTY_INTERFACE, "argument to panic");
                mk(Mode::NoValue, TypeTable::INVALID)
            }
            Builtin::Print | Builtin::Println => {
                for a in args {
                    let mut x = self.expr(a);
                    if args.len() == 1 && matches!(self.tt.get(x.ty), Type::Tuple(_)) && x.mode == Mode::Value {
                        // print(f()) with a multi-valued f: its (typed) results are the arguments
                        continue;
                    }
                    self.single_value(&mut x);
                    if x.mode == Mode::Invalid {
                        continue;
                    }
                    if x.is_nil() {
                        self.error(a.span, format!("use of untyped nil in argument to built-in {name}"));
                        continue;
                    }
                    if self.tt.is_untyped(x.ty) {
                        let d = self.tt.default_type(x.ty);
                        self.assignment(&mut x, d, &format!("argument to built-in {name}"));
                    }
                }
                mk(Mode::NoValue, TypeTable::INVALID)
            }
            Builtin::Recover => {
                if let Some(f) = self.funcs.last_mut() {
                    f.info.calls_recover = true;
                }
                mk(Mode::Value, TypeTable::EMPTY_INTERFACE)
            }
            Builtin::Clear => {
                let x = self.value(&args[0]);
                if x.mode == Mode::Invalid {
                    return inv;
                }
                if !matches!(self.tt.under(x.ty), Type::Map { .. } | Type::Slice(_)) {
                    let s = self.operand_string(&x);
                    self.error(args[0].span, format!("invalid argument: cannot clear {s}: argument must be (or constrained by) map or slice"));
                    return inv;
                }
                mk(Mode::NoValue, TypeTable::INVALID)
            }
            Builtin::Complex => self.builtin_complex(e, &args[0], &args[1]),
            Builtin::Real | Builtin::Imag => self.builtin_real_imag(e, b, &args[0]),
            Builtin::Sizeof
            | Builtin::Alignof
            | Builtin::Offsetof
            | Builtin::Add
            | Builtin::Slice
            | Builtin::String
            | Builtin::StringData
            | Builtin::SliceData => self.unsafe_builtin(e, b, args),
            Builtin::Max | Builtin::Min => {
                let mut ops: Vec<Operand<'a>> = args.iter().map(|a| self.value(a)).collect();
                if ops.iter().any(|o| o.mode == Mode::Invalid) {
                    return inv;
                }
                for o in &ops {
                    // a type parameter: every term of its type set must be ordered
                    if !self.all_terms(o.ty, |k| k.is_ordered()) {
                        let s = self.operand_string(o);
                        self.error(o.span, format!("invalid argument: {s} cannot be ordered"));
                        return inv;
                    }
                }
                // Bring all operands to a common type, pairwise like a binary operator.
                let mut acc = ops[0].clone();
                for i in 1..ops.len() {
                    let mut y = ops[i].clone();
                    self.match_types(&mut acc, &mut y);
                    if acc.mode == Mode::Invalid || y.mode == Mode::Invalid {
                        return inv;
                    }
                    if acc.ty != y.ty {
                        let xs = self.tt.type_string_err(acc.ty);
                        let ys = self.tt.type_string_err(y.ty);
                        let s = self.operand_string(&y);
                        let _ = xs;
                        self.error(y.span, format!("invalid argument: mismatched types {} (previous argument) and {ys} (type of {})", self.tt.type_string_err(acc.ty), self.expr_str(&y)));
                        let _ = s;
                        return inv;
                    }
                    let all_const = acc.val().is_some() && y.val().is_some();
                    if all_const {
                        let (a, bv) = (acc.val().cloned().unwrap(), y.val().cloned().unwrap());
                        let pick_y = match super::constant::compare(ast::BinaryOp::Lt, &bv, &a) {
                            Some(lt) => if b == Builtin::Min { lt } else { !lt && bv != a },
                            None => false,
                        };
                        let ty = acc.ty;
                        acc = if pick_y { Operand { ty, ..y.clone() } } else { acc };
                    } else {
                        acc.mode = Mode::Value;
                    }
                    ops[i] = y;
                }
                let t = acc.ty;
                // Fix the recorded types of earlier operands now that the common type is known.
                if !self.tt.is_untyped(t) {
                    for o in ops.iter_mut() {
                        if self.tt.is_untyped(o.ty) {
                            self.convert_untyped(o, t);
                        }
                    }
                }
                match acc.mode {
                    Mode::Constant(v) => mk(Mode::Constant(v), t),
                    _ => mk(Mode::Value, t),
                }
            }
        }
    }

    /// `complex(x, y)` (types2's rules: untyped arguments take the other's type; two untyped
    /// constants are untyped floats; the result is complex64/complex128/untyped complex).
    fn builtin_complex(&mut self, e: &'a Expr, xe: &'a Expr, ye: &'a Expr) -> Operand<'a> {
        let inv = Operand::invalid(e.id, e.span);
        let mut x = self.value(xe);
        let mut y = self.value(ye);
        if x.mode == Mode::Invalid || y.mode == Mode::Invalid {
            return inv;
        }
        match (self.tt.is_untyped(x.ty), self.tt.is_untyped(y.ty)) {
            (false, false) => {}
            (true, false) => self.convert_untyped(&mut x, y.ty),
            (false, true) => self.convert_untyped(&mut y, x.ty),
            (true, true) => {
                if x.val().is_some() && y.val().is_some() {
                    for o in [&mut x, &mut y] {
                        let real = o.val().and_then(|v| v.as_real());
                        if self.tt.basic(o.ty).is_some_and(|k| k.is_numeric()) {
                            if let Some(r) = real {
                                o.ty = TypeTable::UNTYPED_FLOAT;
                                o.mode = Mode::Constant(ConstValue::Float(r));
                            }
                        }
                    }
                } else {
                    self.convert_untyped(&mut x, TypeTable::FLOAT64);
                    self.convert_untyped(&mut y, TypeTable::FLOAT64);
                }
            }
        }
        if x.mode == Mode::Invalid || y.mode == Mode::Invalid {
            return inv;
        }
        if x.ty != y.ty {
            let es = self.expr_string(e);
            let (xs, ys) = (self.tt.type_string_err(x.ty), self.tt.type_string_err(y.ty));
            self.error(x.span, format!("invalid operation: {es} (mismatched types {xs} and {ys})"));
            return inv;
        }
        let res = match self.tt.basic(x.ty) {
            Some(BasicKind::Float32) => TypeTable::COMPLEX64,
            Some(BasicKind::Float64) => TypeTable::COMPLEX128,
            Some(BasicKind::UntypedFloat) => TypeTable::UNTYPED_COMPLEX,
            _ => {
                let ts = self.tt.type_string_err(x.ty);
                self.error(x.span, format!("invalid argument: arguments have type {ts}, expected floating-point"));
                return inv;
            }
        };
        let mode = match (x.val().and_then(|v| v.as_real()), y.val().and_then(|v| v.as_real())) {
            (Some(re), Some(im)) => Mode::Constant(ConstValue::Complex(re, im)),
            _ => Mode::Value,
        };
        if mode == Mode::Value {
            // Constant arguments of a non-constant call keep their (float) types for codegen.
            for o in [&mut x, &mut y] {
                if self.tt.is_untyped(o.ty) {
                    let d = self.tt.default_type(o.ty);
                    self.convert_untyped(o, d);
                }
            }
        }
        Operand { mode, ty: res, id: e.id, span: e.span, expr: Some(e), comma_ok: false }
    }

    /// `real(x)` / `imag(x)`.
    fn builtin_real_imag(&mut self, e: &'a Expr, b: Builtin, xe: &'a Expr) -> Operand<'a> {
        let inv = Operand::invalid(e.id, e.span);
        let mut x = self.value(xe);
        if x.mode == Mode::Invalid {
            return inv;
        }
        if self.tt.is_untyped(x.ty) {
            if let Some(v) = x.val().cloned() {
                if self.tt.basic(x.ty).is_some_and(|k| k.is_numeric()) {
                    if let Some((re, im)) = v.as_complex() {
                        x.ty = TypeTable::UNTYPED_COMPLEX;
                        x.mode = Mode::Constant(ConstValue::Complex(re, im));
                    }
                }
            } else {
                self.convert_untyped(&mut x, TypeTable::COMPLEX128);
                if x.mode == Mode::Invalid {
                    return inv;
                }
            }
        }
        let res = match self.tt.basic(x.ty) {
            Some(BasicKind::Complex64) => TypeTable::FLOAT32,
            Some(BasicKind::Complex128) => TypeTable::FLOAT64,
            Some(BasicKind::UntypedComplex) => TypeTable::UNTYPED_FLOAT,
            _ => {
                let ts = self.tt.type_string_err(x.ty);
                self.error(x.span, format!("invalid argument: argument has type {ts}, expected complex type"));
                return inv;
            }
        };
        let mode = match x.val().and_then(|v| v.as_complex()) {
            Some((re, im)) => Mode::Constant(ConstValue::Float(if b == Builtin::Real { re } else { im })),
            None => Mode::Value,
        };
        Operand { mode, ty: res, id: e.id, span: e.span, expr: Some(e), comma_ok: false }
    }

    /// A size argument of make (integer, non-negative constant); returns its constant value.
    /// types2 checks it as an index (`check.index(arg, -1)`, isValidIndex's messages).
    fn size_arg(&mut self, a: &'a Expr, _what: &str) -> Option<i128> {
        let mut x = self.value(a);
        if x.mode == Mode::Invalid {
            return None;
        }
        if self.tt.is_untyped(x.ty) {
            self.convert_untyped(&mut x, TypeTable::INT);
        }
        if x.mode == Mode::Invalid {
            return None;
        }
        if !self.all_terms(x.ty, |k| k.is_integer()) {
            let s = self.operand_string(&x);
            self.error(a.span, format!("invalid argument: index {s} must be integer"));
            return None;
        }
        let v = x.val()?.as_int()?;
        if v < 0 {
            let s = self.operand_string(&x);
            self.error(a.span, format!("invalid argument: index {s} must not be negative"));
            return None;
        }
        if v > i64::MAX as i128 {
            let s = self.operand_string(&x);
            self.error(a.span, format!("invalid argument: index {s} overflows int"));
            return None;
        }
        Some(v)
    }

    // ----- selectors ---------------------------------------------------------------------

    /// `pkg.Name` of a package compiled from source: its package-level object, if exported
/// (`undefined: pkg.name` otherwise, as gc 1.27 reports an unexported name).
    fn qualified_source(&mut self, e: &'a Expr, pid: &'a ast::Ident, sp: PkgId, sel: &'a ast::Ident) -> Operand<'a> {
        let inv = Operand::invalid(e.id, e.span);
        let allow_generic = std::mem::take(&mut self.callee_ctx);
        let member = self.info.packages[sp].scope.get(&sel.name).copied();
        match member {
            Some(m) if is_exported(&sel.name) => self.object_operand(sel, m, e, allow_generic),
            // a name GOROOT's package declares that the runtime facade (load::facade) lacks
            None if is_exported(&sel.name) && self.facade_lacks(sp, &sel.name) => {
                let path = self.info.packages[sp].path.clone();
                self.error(sel.span, format!("{}.{} not supported by gojit (its package {path} is gojit's runtime facade)", pid.name, sel.name));
                inv
            }
            // gc 1.27 words an unexported name exactly like a missing one
            _ => {
                self.error(sel.span, format!("undefined: {}.{}", pid.name, sel.name));
                inv
            }
        }
    }

    /// Whether source package `sp` is a runtime facade package and GOROOT's package of its path
    /// declares `name`.
    fn facade_lacks(&self, sp: PkgId, name: &str) -> bool {
        let path = &self.info.packages[sp].path;
        crate::load::facade::package(path).is_some() && crate::load::goroot::std_declares(path, name)
    }

    pub fn selector(&mut self, e: &'a Expr, xe: &'a Expr, sel: &'a ast::Ident) -> Operand<'a> {
        let inv = Operand::invalid(e.id, e.span);
        let mk = |mode: Mode, ty: TypeId| Operand { mode, ty, id: e.id, span: e.span, expr: Some(e), comma_ok: false };
        // Qualified identifier?
        if let ExprKind::Ident(pid) = &xe.kind {
            if let Some(obj) = self.lookup(&pid.name) {
                if let ObjKind::PkgName(pkg) = self.info.objects[obj].kind {
                    self.info.uses[pid.id] = obj.into();
                    if let Some(entry) = self.imports.get_mut(&pid.name) {
                        entry.used = true;
                    }
                    if let Package::Source(sp) = pkg {
                        return self.qualified_source(e, pid, sp, sel);
                    }
                    let member = self.stdlib.members.iter().find(|((p, n), _)| *p == pkg && *n == sel.name).map(|(_, &o)| o);
                    let Some(m) = member else {
                        self.error(sel.span, format!("undefined: {}.{}", pid.name, sel.name));
                        return inv;
                    };
                    self.info.uses[sel.id] = m.into();
                    return match self.info.objects[m].kind.clone() {
                        ObjKind::TypeName { ty } => mk(Mode::TypeExpr, ty),
                        ObjKind::Builtin(b) => mk(Mode::Builtin(b), TypeTable::INVALID),
                        _ => inv,
                    };
                }
            }
        }
        let hint = self.hint.take();
        let allow_generic = std::mem::take(&mut self.callee_ctx);
        let x = self.expr(xe);
        match x.mode {
            Mode::Invalid => return inv,
            Mode::TypeExpr => {
                let r = self.method_expr(e, x.ty, sel);
                return self.generic_method_use(e, sel, r, allow_generic, hint);
            }
            _ => {}
        }
        let mut x = x;
        self.single_value(&mut x);
        if x.mode == Mode::Invalid {
            return inv;
        }
        if x.is_nil() {
            self.error(e.span, format!("use of untyped nil"));
            return inv;
        }
        if self.tt.is_untyped(x.ty) {
            let d = self.tt.default_type(x.ty);
            let v = x.val().cloned();
            self.set_operand_type(&mut x, d, v);
        }
        if self.tt.is_type_param(x.ty) {
            let ts = self.tparam_set(x.ty);
            if let Some(m) = ts.methods.iter().find(|m| m.name == sel.name) {
                let sel_info = Selection {
                    kind: SelectionKind::TypeParamMethod,
                    recv: x.ty,
                    path: vec![],
                    indirect: false,
                    method: None,
                    ty: m.sig,
                };
                self.info.selections.insert(e.id, sel_info);
                self.info.tparam_methods.insert(e.id, sel.name.clone());
                return mk(Mode::Value, m.sig);
            }
            let es = self.expr_string(e);
            let ts = self.tt.type_string_err(x.ty);
            self.error(sel.span, format!("{es} undefined (type {ts} has no field or method {})", sel.name));
            return inv;
        }
        let l = self.tt.lookup_field_or_method(x.ty, &sel.name);
        match l {
            Lookup::Field { path, ty, indirect } => {
                let mode = if x.mode == Mode::Variable || indirect { Mode::Variable } else { Mode::Value };
                self.info.selections.insert(
                    e.id,
                    Selection { kind: SelectionKind::FieldVal, recv: x.ty, path, indirect, method: None, ty },
                );
                mk(mode, ty)
            }
            Lookup::Method { path, named, index, indirect } => {
                let m = self.tt.named(named).unwrap().methods[index as usize].clone();
                let is_ptr = self.tt.pointer_elem(x.ty).is_some() && !self.tt.is_named(x.ty);
                if m.ptr_recv && !indirect && !is_ptr {
                    if x.mode != Mode::Variable {
                        let s = self.expr_string(xe);
                        let ts = self.tt.type_string_err(x.ty);
                        let _ = ts;
                        self.error(e.span, format!("cannot call pointer method {} on {}", sel.name, self.tt.type_string_err(x.ty)));
                        let _ = s;
                        return inv;
                    }
                    self.mark_address_taken(xe);
                }
                self.record_dep(m.func);
                self.info.selections.insert(
                    e.id,
                    Selection {
                        kind: SelectionKind::MethodVal,
                        recv: x.ty,
                        path,
                        indirect: indirect || is_ptr,
                        method: Some(MethodTarget::Concrete { named, index, func: m.func, ptr_recv: m.ptr_recv, targs: vec![] }),
                        ty: m.sig,
                    },
                );
                if !m.tparams.is_empty() {
                    let recv = self.tt.named(named).map(|n| n.targs.clone()).unwrap_or_default();
                    self.generic_method_sels.insert(sel.id, (e.id, recv));
                    self.info.uses[sel.id] = m.func.into();
                }
                self.generic_method_use(e, sel, mk(Mode::Value, m.sig), allow_generic, hint)
            }
            Lookup::InterfaceMethod { path, iface, index, indirect } => {
                let sig = self.tt.interface_methods(iface)[index as usize].sig;
                if self.tt.pointer_elem(x.ty).is_some_and(|p| self.tt.is_interface(p)) && path.is_empty() {
                    // pointer to interface: no methods
                    let s = self.expr_string(e);
                    let ts = self.tt.type_string_err(x.ty);
                    self.error(sel.span, format!("{s} undefined (type {ts} is pointer to interface, not interface)"));
                    return inv;
                }
                self.info.selections.insert(
                    e.id,
                    Selection {
                        kind: SelectionKind::InterfaceMethod,
                        recv: x.ty,
                        path,
                        indirect,
                        method: Some(MethodTarget::Interface { iface, index }),
                        ty: sig,
                    },
                );
                mk(Mode::Value, sig)
            }
            Lookup::Ambiguous => {
                let s = self.expr_string(e);
                self.error(sel.span, format!("ambiguous selector {s}"));
                inv
            }
            Lookup::NotFound if self.tt.underlying(self.tt.pointer_elem(x.ty).unwrap_or(x.ty)) == TypeTable::INVALID => {
                // the operand's type failed to declare (reported there): no follow-on error
                inv
            }
            Lookup::NotFound => {
                let s = self.expr_string(e);
                let what = self.lookup_why(x.ty, &sel.name);
                self.error(sel.span, format!("{s} undefined ({what})"));
                inv
            }
        }
    }

    /// types2's reason for a failed selector lookup on `t` (interfacePtrError / lookupError).
    fn lookup_why(&self, t: TypeId, name: &str) -> String {
        let ts = self.tt.type_string_err(t);
        if self.tt.pointer_elem(t).is_some_and(|p| self.tt.is_interface(p)) {
            return format!("type {ts} is pointer to interface, not interface");
        }
        if let Some(kind) = self.inaccessible_member(t, name) {
            // types2's lookupError: the unexported name exists, in another package.
            return format!("cannot refer to unexported {kind} {name}");
        }
        // A differently capitalised field or method?
        match self.case_alternative(t, name) {
            Some((true, n)) => format!("type {ts} has no field or method {name}, but does have field {n}"),
            Some((false, n)) => format!("type {ts} has no field or method {name}, but does have method {n}"),
            None => format!("type {ts} has no field or method {name}"),
        }
    }

    /// For a selector that found nothing: "field" or "method" when `t` has a member of that
    /// (unexported) name declared in another package.
    fn inaccessible_member(&self, t: TypeId, name: &str) -> Option<&'static str> {
        if gojit_runtime::abi::build::is_exported(name) {
            return None;
        }
        match self.tt.lookup_any_pkg(t, name) {
            Lookup::Field { .. } => Some("field"),
            Lookup::Method { .. } | Lookup::InterfaceMethod { .. } => Some("method"),
            _ => None,
        }
    }

    fn case_alternative(&self, t: TypeId, name: &str) -> Option<(bool, String)> {
        let lower = name.to_lowercase();
        let base = self.tt.pointer_elem(t).filter(|_| !self.tt.is_named(t)).unwrap_or(t);
        for f in self.tt.struct_fields(base) {
            if f.name != name && f.name.to_lowercase() == lower {
                return Some((true, f.name.clone()));
            }
        }
        if let Some(n) = self.tt.named(base) {
            for m in &n.methods {
                if m.name != name && m.name.to_lowercase() == lower {
                    return Some((false, m.name.clone()));
                }
            }
        }
        None
    }

    /// `copy(f())` / `delete(f())` where `f` returns the two arguments: the builtin's result, or
    /// None when `x` is not a two-valued call (or is invalid).
    fn builtin_on_tuple(&mut self, e: &'a Expr, b: Builtin, x: &Operand<'a>) -> Option<Operand<'a>> {
        let Type::Tuple(elems) = self.tt.get(x.ty).clone() else { return None };
        if x.mode != Mode::Value || elems.len() != 2 {
            return None;
        }
        let mk = |mode: Mode, ty: TypeId| Operand { mode, ty, id: e.id, span: e.span, expr: Some(e), comma_ok: false };
        let (a, c) = (elems[0], elems[1]);
        let name = b.name();
        match b {
            Builtin::Copy => {
                let de = match self.tt.under(a) {
                    Type::Slice(el) => Some(*el),
                    _ => None,
                };
                let se = match self.tt.under(c) {
                    Type::Slice(el) => Some(*el),
                    Type::Basic(k) if k.is_string() => Some(TypeTable::BYTE),
                    _ => None,
                };
                match (de, se) {
                    (Some(d), Some(s)) if d == s => Some(mk(Mode::Value, TypeTable::INT)),
                    _ => {
                        let (at, ct) = (self.tt.type_string_err(a), self.tt.type_string_err(c));
                        self.error(x.span, format!("invalid argument: copy expects slice arguments; found values of types {at} and {ct}"));
                        Some(Operand::invalid(e.id, e.span))
                    }
                }
            }
            Builtin::Delete => {
                let key = match self.tt.under(a) {
                    Type::Map { key, .. } => *key,
                    _ => {
                        let at = self.tt.type_string_err(a);
                        self.error(x.span, format!("invalid argument: {name} expects a map; found a value of type {at}"));
                        return Some(Operand::invalid(e.id, e.span));
                    }
                };
                if let Err(reason) = self.assignable_to(c, None, key) {
                    let (ct, kt) = (self.tt.type_string_err(c), self.tt.type_string_err(key));
                    self.error(x.span, format!("cannot use value of type {ct} as {kt} value in argument to delete{reason}"));
                }
                Some(mk(Mode::NoValue, TypeTable::INVALID))
            }
            _ => None,
        }
    }

    /// A generic method selected by `e` (`x.m`, `T.m`), operand `x`: left generic where it is
    /// instantiated or called next (`allow_generic`), else instantiated by the assignment
    /// context `hint` (`var f func(int) int = x.m`) or refused as gc does.
    fn generic_method_use(&mut self, e: &'a Expr, sel: &'a ast::Ident, x: Operand<'a>, allow_generic: bool, hint: Option<TypeId>) -> Operand<'a> {
        if x.mode == Mode::Invalid || allow_generic || !self.generic_method_sels.contains_key(&sel.id) {
            return x;
        }
        let Some(obj) = self.info.uses[sel.id].expand() else { return x };
        if let Some(isig) = hint.and_then(|h| self.reverse_infer(sel, obj, x.ty, h, e.span)) {
            return Operand { ty: isig, ..x };
        }
        let s = self.expr_string(e);
        self.error(e.span, format!("cannot use generic function {s} without instantiation"));
        Operand::invalid(e.id, e.span)
    }

    /// `T.M` / `(*T).M`.
    fn method_expr(&mut self, e: &'a Expr, t: TypeId, sel: &'a ast::Ident) -> Operand<'a> {
        let inv = Operand::invalid(e.id, e.span);
        if self.tt.is_type_param(t) {
            // `T.M`: resolved per instance on the type argument (see `Prog::selection`)
            let Some(m) = self.tparam_set(t).methods.into_iter().find(|m| m.name == sel.name) else {
                let s = self.expr_string(e);
                let ts = self.tt.type_string_err(t);
                self.error(sel.span, format!("{s} undefined (type {ts} has no method {})", sel.name));
                return inv;
            };
            let s = self.tt.signature(m.sig).cloned().unwrap();
            let mut params = vec![t];
            params.extend(s.params.iter().copied());
            let ft = self.tt.func(params, s.results.clone(), s.variadic);
            let sel_info =
                Selection { kind: SelectionKind::MethodExpr, recv: t, path: vec![], indirect: false, method: None, ty: ft };
            self.info.selections.insert(e.id, sel_info);
            self.info.tparam_methods.insert(e.id, sel.name.clone());
            return Operand { mode: Mode::Value, ty: ft, id: e.id, span: e.span, expr: Some(e), comma_ok: false };
        }
        let l = self.tt.lookup_field_or_method(t, &sel.name);
        let ts = self.tt.type_string_err(t);
        let (sig, method, kind, path, indirect) = match l {
            Lookup::Method { path, named, index, indirect } => {
                let m = self.tt.named(named).unwrap().methods[index as usize].clone();
                let is_ptr = self.tt.pointer_elem(t).is_some();
                if m.ptr_recv && !is_ptr && !indirect {
                    let nm = &sel.name;
                    self.error(e.span, format!("invalid method expression {ts}.{nm} (needs pointer receiver (*{ts}).{nm})"));
                    return inv;
                }
                self.record_dep(m.func);
                if !m.tparams.is_empty() {
                    let recv = self.tt.named(named).map(|n| n.targs.clone()).unwrap_or_default();
                    self.generic_method_sels.insert(sel.id, (e.id, recv));
                    self.info.uses[sel.id] = m.func.into();
                }
                (
                    m.sig,
                    MethodTarget::Concrete { named, index, func: m.func, ptr_recv: m.ptr_recv, targs: vec![] },
                    SelectionKind::MethodExpr,
                    path,
                    indirect || is_ptr,
                )
            }
            Lookup::InterfaceMethod { path, iface, index, indirect }
                if !(path.is_empty() && self.tt.pointer_elem(t).is_some_and(|p| self.tt.is_interface(p))) =>
            {
                let sig = self.tt.interface_methods(iface)[index as usize].sig;
                (sig, MethodTarget::Interface { iface, index }, SelectionKind::MethodExpr, path, indirect)
            }
            Lookup::Ambiguous => {
                let s = self.expr_string(e);
                self.error(sel.span, format!("ambiguous selector {s}"));
                return inv;
            }
            Lookup::Field { .. } => {
                let at = match &e.kind {
                    ExprKind::Selector { x, .. } => x.span,
                    _ => sel.span,
                };
                self.error(at, format!("operand for field selector {} must be value of type {ts}", sel.name));
                return inv;
            }
            _ => {
                let s = self.expr_string(e);
                let why = self.lookup_why(t, &sel.name);
                self.error(sel.span, format!("{s} undefined ({why})"));
                return inv;
            }
        };
        let s = self.tt.signature(sig).cloned().unwrap();
        let mut params = vec![t];
        params.extend(s.params.iter().copied());
        let ft = self.tt.func(params, s.results.clone(), s.variadic);
        self.info.selections.insert(
            e.id,
            Selection { kind, recv: t, path, indirect, method: Some(method), ty: ft },
        );
        Operand { mode: Mode::Value, ty: ft, id: e.id, span: e.span, expr: Some(e), comma_ok: false }
    }
}

/// Whether an expression contains a function call or a channel receive (then `len(arr)` is not
/// constant, and `range` over the array evaluates it), as go/types' `hasCallOrRecv` decides it
/// from the checked expression (`types`): a conversion `T(x)` is no call, nor is a constant
/// `len`/`cap` (go/types restores the flag around them: `len(a) + len((*T)(nil).arr)` is
/// constant); other builtins count when their result is not constant, or through their arguments.
pub(crate) fn contains_call(e: &Expr, types: &SecondaryMap<NodeId, TypeAndValue>) -> bool {
    fn walk(e: &Expr, types: &SecondaryMap<NodeId, TypeAndValue>, depth: u32) -> bool {
        if depth > crate::limits::NESTING_BUDGET {
            return true;
        }
        let d = depth + 1;
        let w = |x: &Expr| walk(x, types, d);
        match &e.kind {
            ExprKind::Call { fun, args, .. } => {
                let constant = matches!(types[e.id].mode, Mode::Constant(_));
                match types[fun.unparen().id].mode {
                    Mode::TypeExpr => args.iter().any(w),
                    Mode::Builtin(Builtin::Len | Builtin::Cap) if constant => false,
                    Mode::Builtin(_) if constant => args.iter().any(w),
                    _ => true,
                }
            }
            ExprKind::Recv(_) => true,
            ExprKind::Paren(x) | ExprKind::Star(x) => w(x),
            ExprKind::Unary { x, .. } => w(x),
            ExprKind::Selector { x, .. } => w(x),
            ExprKind::TypeAssert { x, .. } => w(x),
            ExprKind::Index { x, index, .. } => w(x) || w(index),
            ExprKind::Slice { x, lo, hi, max, .. } => {
                w(x) || [lo, hi, max].into_iter().flatten().any(|y| w(y))
            }
            ExprKind::Binary { x, y, .. } => w(x) || w(y),
            ExprKind::CompositeLit { elts, .. } => elts.iter().any(|el| w(&el.value) || el.key.as_ref().is_some_and(w)),
            _ => false,
        }
    }
    walk(e, types, 0)
}

#[allow(dead_code)]
fn _plural(n: usize) -> &'static str {
    plural(n)
}

/// Whether a name is exported (starts with an upper-case letter, as go/token.IsExported).
pub(super) fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}
