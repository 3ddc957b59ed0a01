//! Range over functions (Go 1.23) in the checker: the iterator signature rules (types2's
//! `rangeKeyVal` for a `*Signature`, with its error causes) and the facts lowering needs to turn
//! the loop body into a closure ([`RangeFunc`] in `Info::range_funcs`).
//!
//! The body is checked in place, as part of the enclosing function (its `return`s, labels,
//! `defer`s and `recover`s are that function's, as the spec says), inside an [`RfFrame`]. While a
//! frame is active every use of a local variable declared before the frame began (so outside the
//! body) is a capture of the body closure: the variable is marked `captured` (it lives in a heap
//! box) and listed in the frame. Objects are numbered in creation order, so "declared before" is
//! an id comparison. A `defer` in a body counts as a defer in a loop of the enclosing function,
//! which therefore uses chained defers (the body pushes its records on that frame's chain).

use super::checker::Checker;
use super::expr::Operand;
use super::info::*;
use super::ty::{TypeId, TypeTable};
use crate::syntax::ast;
use cranelift_entity::EntityRef;

/// A range-over-func body being checked.
pub(super) struct RfFrame {
    /// The function (declaration or literal) containing the loop.
    func: Option<ast::NodeId>,
    /// Objects with smaller ids were declared outside the body.
    first_obj: usize,
    /// Variables declared outside the body and used in it, in order of first use.
    captures: Vec<ObjId>,
}

/// The variables one function's range-over-func loops share: `#next`, `#rv...`, the frame.
#[derive(Clone)]
pub(super) struct RfShared {
    next: ObjId,
    rvs: Vec<ObjId>,
    frame: ObjId,
}

impl<'a> Checker<'a> {
    /// The key and value types of ranging over a value of func type `t` (underlying `sig`), or
    /// types2's cause for refusing it. Also returns the yield function's type.
    fn range_func_kv(&self, t: TypeId) -> Result<(Option<TypeId>, Option<TypeId>, TypeId), String> {
        const MUST: &str = "func must be func(yield func(...) bool)";
        let Some(sig) = self.tt.signature(t) else { return Err(format!("{MUST}: argument is not func")) };
        if sig.params.len() != 1 {
            return Err(format!("{MUST}: wrong argument count"));
        }
        if !sig.results.is_empty() {
            return Err(format!("{MUST}: unexpected results"));
        }
        let yt = sig.params[0];
        let Some(cb) = self.tt.signature(yt) else { return Err(format!("{MUST}: argument is not func")) };
        if cb.params.len() > 2 {
            return Err(format!("{MUST}: yield func has too many parameters"));
        }
        if cb.results.len() != 1 || cb.results[0] != TypeTable::BOOL {
            if cb.results.len() == 1 && self.tt.basic(cb.results[0]).is_some_and(|k| k.is_boolean()) {
                return Err(format!("{MUST}: yield func returns user-defined boolean, not bool"));
            }
            return Err(format!("{MUST}: yield func does not return bool"));
        }
        if cb.variadic {
            let s = self.tt.type_string_err(yt);
            return Err(format!("yield func of type {s} cannot be variadic"));
        }
        Ok((cb.params.first().copied(), cb.params.get(1).copied(), yt))
    }

    /// The iteration variable types of `for k, v := range x` with `x` of func type, reporting
    /// types2's errors (a refused iterator, too many iteration variables). Returns the key and
    /// value types (INVALID when absent or refused) and the yield type (None when refused).
    pub(super) fn range_func_vars(&mut self, x: &Operand<'a>, r: &'a ast::RangeStmt) -> (TypeId, Option<TypeId>, Option<TypeId>) {
        let s = self.operand_string(x);
        match self.range_func_kv(x.ty) {
            Err(cause) => {
                self.error(r.x.span, format!("cannot range over {s}: {cause}"));
                (TypeTable::INVALID, Some(TypeTable::INVALID), None)
            }
            Ok((k, v, yt)) => {
                if k.is_none() && r.key.is_some() {
                    self.error(r.key.as_ref().unwrap().span, format!("range over {s} permits no iteration variables"));
                } else if v.is_none() && r.value.is_some() {
                    self.error(r.value.as_ref().unwrap().span, format!("range over {s} permits only one iteration variable"));
                } else if let Some(e) = &r.extra {
                    self.error(e.span, "range clause permits at most two iteration variables");
                }
                (k.unwrap_or(TypeTable::INVALID), Some(v.unwrap_or(TypeTable::INVALID)), Some(yt))
            }
        }
    }

    /// Starts checking a range-over-func loop: call before its iteration variables are declared.
    pub(super) fn rf_begin(&mut self) {
        let func = self.funcs.last().map(|f| f.id);
        self.rf.push(RfFrame { func, first_obj: self.info.objects.len(), captures: vec![] });
    }

    /// A use of local variable `obj` (called by `use_object`): a capture of every active body
    /// it was declared outside of.
    pub(super) fn rf_note_use(&mut self, obj: ObjId) {
        if self.rf.is_empty() {
            return;
        }
        let mut captured = false;
        for f in self.rf.iter_mut() {
            if obj.index() < f.first_obj {
                captured = true;
                if !f.captures.contains(&obj) {
                    f.captures.push(obj);
                }
            }
        }
        if captured && let ObjKind::Var(v) = &mut self.info.objects[obj].kind {
            v.captured = true;
        }
    }

    /// A synthesized variable of the rewrite (in no scope, owned by the current function).
    fn rf_var(&mut self, name: &str, span: crate::diag::Span, ty: TypeId, captured: bool) -> ObjId {
        let owner = self.funcs.last().map(|f| f.id);
        self.new_object(name, span, ObjKind::Var(VarInfo {
            ty,
            kind: VarKind::Local,
            captured,
            address_taken: false,
            owner,
            per_iteration: false,
            used: true,
        }))
    }

    /// Finishes a range-over-func loop whose body was just checked: records its [`RangeFunc`].
    pub(super) fn rf_end(&mut self, r: &'a ast::RangeStmt, yield_ty: Option<TypeId>) {
        let frame = self.rf.pop().expect("range-over-func frame");
        let Some(yt) = yield_ty else { return };
        let span = r.x.span;
        let outermost = !self.rf.iter().any(|f| f.func == frame.func);
        let shared = match self.rf_shared.get(&frame.func) {
            Some(s) => s.clone(),
            None => {
                let next = self.rf_var("#next", span, TypeTable::INT, true);
                // gc's rewrite names the results (`#rv1`.. when unnamed) and a `return x` in a
                // body assigns them at once: a deferred call sees the value, and a recovery
                // returns it. So the results themselves are the `#rv` variables (captured by
                // the bodies, stored as named results: `FuncInfo::named_results`).
                let rvs: Vec<ObjId> = self.funcs.last().map(|f| f.results.clone()).unwrap_or_default();
                for &o in &rvs {
                    if let ObjKind::Var(v) = &mut self.info.objects[o].kind {
                        v.captured = true;
                    }
                }
                let fp = self.rf_var("#defers", span, TypeTable::UINTPTR, true);
                let s = RfShared { next, rvs, frame: fp };
                self.rf_shared.insert(frame.func, s.clone());
                s
            }
        };
        let yparams = self.tt.signature(yt).map(|s| s.params.clone()).unwrap_or_default();
        let lhs = [r.key.as_ref(), r.value.as_ref()];
        let mut params = vec![];
        for (i, &t) in yparams.iter().enumerate() {
            let def = match lhs.get(i).copied().flatten() {
                Some(e) if r.define => e.as_ident().and_then(|id| self.info.defs[id.id].expand()),
                _ => None,
            };
            params.push(match def {
                Some(o) => o,
                None => self.rf_var(&format!("#p{}", i + 1), span, t, false),
            });
        }
        let result = self.rf_var("#r", span, TypeTable::BOOL, false);
        let state = self.rf_var("#state", span, TypeTable::INT, true);
        let mut captures = frame.captures;
        captures.push(state);
        captures.push(shared.next);
        captures.extend(shared.rvs.iter().copied());
        captures.push(shared.frame);
        self.info.range_funcs.insert(r.x.id, RangeFunc {
            yield_ty: yt,
            params,
            result,
            state,
            next: shared.next,
            rvs: shared.rvs,
            frame: shared.frame,
            outermost,
            captures,
        });
    }
}
