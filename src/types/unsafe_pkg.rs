//! Checking of package unsafe's functions (types2's rules and messages): `Sizeof`, `Alignof` and
//! `Offsetof` are `uintptr` constants from the amd64 layout (the same layout codegen uses), except
//! for operands whose size depends on a type argument (types2's `hasVarSize`): those are values,
//! computed by lowering from each instance's substituted type;
//! `Add`, `Slice`, `String`, `StringData` and `SliceData` are values. `unsafe.Pointer`'s
//! conversions live with the other conversion rules (`convertible`).

use super::checker::Checker;
use super::constant::ConstValue;
use super::info::{Builtin, Mode};
use super::ty::{Lookup, Type, TypeId, TypeTable};
use crate::syntax::ast::{Expr, ExprKind};

use super::expr::Operand;

impl<'a> Checker<'a> {
    pub(super) fn unsafe_builtin(&mut self, e: &'a Expr, b: Builtin, args: &'a [Expr]) -> Operand<'a> {
        let inv = Operand::invalid(e.id, e.span);
        let mk = |mode: Mode, ty: TypeId| Operand { mode, ty, id: e.id, span: e.span, expr: Some(e), comma_ok: false };
        if b == Builtin::Offsetof {
            return match self.offsetof(&args[0]) {
                Some((_, true)) => mk(Mode::Value, TypeTable::UINTPTR),
                Some((off, false)) => mk(Mode::Constant(ConstValue::int(off as i128)), TypeTable::UINTPTR),
                None => inv,
            };
        }
        let mut x = self.value(&args[0]);
        if x.mode == Mode::Invalid {
            return inv;
        }
        match b {
            Builtin::Sizeof | Builtin::Alignof => {
                let what = if b == Builtin::Sizeof { "argument to unsafe.Sizeof" } else { "argument to unsafe.Alignof" };
                if self.tt.is_untyped(x.ty) {
                    let d = self.tt.default_type(x.ty);
                    self.assignment(&mut x, d, what);
                    if x.mode == Mode::Invalid {
                        return inv;
                    }
                }
                if self.tt.has_var_size(x.ty) {
                    return mk(Mode::Value, TypeTable::UINTPTR);
                }
                let l = self.tt.layout(x.ty);
                let v = if b == Builtin::Sizeof { l.size } else { l.align };
                mk(Mode::Constant(ConstValue::int(v as i128)), TypeTable::UINTPTR)
            }
            Builtin::Add => {
                self.assignment(&mut x, TypeTable::UNSAFE_POINTER, "argument to unsafe.Add");
                if x.mode == Mode::Invalid || !self.unsafe_length(&args[1], true) {
                    return inv;
                }
                mk(Mode::Value, TypeTable::UNSAFE_POINTER)
            }
            Builtin::Slice => {
                let Type::Pointer(elem) = self.tt.under(x.ty).clone() else {
                    let s = self.operand_string(&x);
                    self.error(x.span, format!("invalid argument: {s} is not a pointer"));
                    return inv;
                };
                if !self.unsafe_length(&args[1], false) {
                    return inv;
                }
                let t = self.tt.slice(elem);
                mk(Mode::Value, t)
            }
            Builtin::String => {
                let byte_ptr = self.tt.pointer(TypeTable::BYTE);
                if !self.tt.is_untyped(x.ty) && self.assignable_to(x.ty, Some(&x), byte_ptr).is_err() {
                    // gc names the parameter type with its alias (`*byte`).
                    let s = self.operand_string(&x);
                    self.error(x.span, format!("cannot use {s} as *byte value in argument to unsafe.String"));
                    return inv;
                }
                self.assignment(&mut x, byte_ptr, "argument to unsafe.String");
                if x.mode == Mode::Invalid || !self.unsafe_length(&args[1], false) {
                    return inv;
                }
                mk(Mode::Value, TypeTable::STRING)
            }
            Builtin::StringData => {
                self.assignment(&mut x, TypeTable::STRING, "argument to unsafe.StringData");
                if x.mode == Mode::Invalid {
                    return inv;
                }
                let t = self.tt.pointer(TypeTable::BYTE);
                mk(Mode::Value, t)
            }
            Builtin::SliceData => {
                let Type::Slice(elem) = self.tt.under(x.ty).clone() else {
                    let s = self.operand_string(&x);
                    self.error(x.span, format!("invalid argument: {s} is not a slice"));
                    return inv;
                };
                let t = self.tt.pointer(elem);
                mk(Mode::Value, t)
            }
            _ => inv,
        }
    }

    /// types2's `isValidIndex` for a length argument: an integer (untyped constants become
    /// `int`), a constant one non-negative (`allow_negative` for `unsafe.Add`'s offset).
    fn unsafe_length(&mut self, a: &'a Expr, allow_negative: bool) -> bool {
        let mut y = self.value(a);
        if y.mode == Mode::Invalid {
            return false;
        }
        self.convert_untyped(&mut y, TypeTable::INT);
        if y.mode == Mode::Invalid {
            return false;
        }
        if !self.tt.basic(y.ty).is_some_and(|k| k.is_integer()) {
            let s = self.operand_string(&y);
            self.error(y.span, format!("invalid argument: length {s} must be integer"));
            return false;
        }
        if !allow_negative && y.val().and_then(|v| v.as_int()).is_some_and(|n| n < 0) {
            let s = self.operand_string(&y);
            self.error(y.span, format!("invalid argument: length {s} must not be negative"));
            return false;
        }
        true
    }

    /// `unsafe.Offsetof(x.f)`: the offset of field `f` within the struct `x` denotes, following
    /// embedded fields (not through pointers); true with it when the struct's size depends on a
    /// type argument (the offset is then a value computed per instance, as types2 rules).
    fn offsetof(&mut self, arg: &'a Expr) -> Option<(u64, bool)> {
        let ExprKind::Selector { x: base_e, sel } = &arg.unparen().kind else {
            let s = self.expr_string(arg);
            self.error(arg.span, format!("invalid argument: {s} is not a selector expression"));
            return None;
        };
        let x = self.expr(base_e);
        if x.mode == Mode::Invalid {
            return None;
        }
        let mut base = x.ty;
        if let Type::Pointer(p) = self.tt.under(base).clone() {
            if matches!(self.tt.under(p), Type::Struct { .. }) {
                base = p;
            }
        }
        match self.tt.lookup_field_or_method(base, &sel.name) {
            Lookup::Field { path, indirect, ty } => {
                if indirect {
                    let bs = self.tt.type_string_err(base);
                    self.error(x.span, format!("invalid argument: field {} is embedded via a pointer in {bs}", sel.name));
                    return None;
                }
                self.info.types[arg.unparen().id] = super::info::TypeAndValue { mode: Mode::Value, ty };
                let mut off = 0;
                let mut t = base;
                for &i in &path {
                    off += self.tt.field_offset(t, i as usize);
                    let Type::Struct { fields, .. } = self.tt.under(t).clone() else { break };
                    t = fields[i as usize].ty;
                }
                Some((off, self.tt.has_var_size(base)))
            }
            Lookup::Method { .. } | Lookup::InterfaceMethod { .. } => {
                let s = self.expr_string(arg);
                self.error(arg.span, format!("invalid argument: {s} is a method value"));
                None
            }
            _ => {
                let bs = self.tt.type_string_err(base);
                self.error(x.span, format!("invalid argument: {bs} has no single field {}", sel.name));
                None
            }
        }
    }
}
