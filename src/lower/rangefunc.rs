//! Range over functions (Go 1.23): `for k, v := range seq { body }` becomes
//! `seq(func(k, v) bool { body })`, as gc's `cmd/compile/internal/rangefunc` rewrite does (its
//! opening comment is the specification), with the body a closure named as gc names it
//! (`main.f-range1`, nested `main.f-range1-range1`). The synthesized variables come from the
//! checker (`types::RangeFunc`): `#state` (per loop), `#next`, `#rv...` and the enclosing frame
//! (per function), all in heap boxes the body closure captures. `#rv...` are the function's own
//! results (gc's rewrite names unnamed ones), so a `return x` in a body assigns them at once, as
//! gc does: a deferred call sees the value and a recovery returns it.
//!
//! * **State checks** (`internal/abi.RF_State`): the loop sets `#state = READY` before calling the
//!   iterator; the body starts with `tmp := #state; #state = PANIC; if tmp != READY {
//!   panicrangestate(tmp) }`, leaves with `#state = READY; return true` (continue, end of body) or
//!   `#state = DONE; return false` (anything leaving the loop); after the iterator returns, `#state
//!   == PANIC` means it swallowed a panic of the body (`RF_MISSING_PANIC`), then `#state =
//!   EXHAUSTED`.
//! * **Leaving the body** other than by `break`/`continue` of the loop itself (a `return`, a
//!   labelled `break`/`continue` of an outer statement, a `goto` to a label outside the body) is an
//!   *escape*: the body stores its code in `#next` (`-1` bare return, `-2` return with values
//!   stored in `#rv...`, else a code per branch) and returns false; after the iterator call the
//!   code is dispatched by lowering the same statement again there (`#next` reset first), which in
//!   an outer body is again an escape, so it climbs one body per loop.
//! * **Defer in a body** belongs to the enclosing function (gc's `deferrangefunc`/`deferprocat`):
//!   that function has chained defers (the checker counts the body's defers as its own, in a
//!   loop), stores its frame pointer in the shared frame variable, and the body pushes each record
//!   with `gort_deferprocat(closure, frame)`, so the function's exits, its deferreturn block and a
//!   panic walk run it with its own records.

use std::collections::HashSet;

use cranelift_codegen::ir::{self, InstBuilder, MemFlagsData, TrapCode, condcodes::IntCC, types};

use crate::syntax::ast::{self, StmtKind};
use crate::types::{FuncInfo, RangeFunc, TypeTable};

use super::defer::DeferKind;
use super::func::{Callee, FnCx, V};
use super::prog::Prog;
use super::{FuncMeta, LowerError};

const RF_DONE: i64 = 0;
const RF_READY: i64 = 1;
const RF_PANIC: i64 = 2;
const RF_EXHAUSTED: i64 = 3;
const RF_MISSING_PANIC: i64 = 4;

/// `#next` of a bare `return` / of a `return` with values (stored in `#rv...`).
const NEXT_RETURN: i64 = -1;
const NEXT_RETURN_VALUES: i64 = -2;

/// A way of leaving a body that the code after the iterator call must complete.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Escape {
    Return,
    ReturnValues,
    Break(String),
    Continue(String),
    Goto(String),
}

/// A range-over-func body being lowered (`Prog::rf_bodies`).
pub struct RfBody {
    /// The range expression's id (`Info::range_funcs` key).
    pub key: ast::NodeId,
    /// The loop's label, if any.
    pub label: Option<String>,
    /// Labels declared in the body (a `goto` to them stays inside).
    pub labels: HashSet<String>,
    /// The escapes the body emitted, with their `#next` codes.
    pub escapes: Vec<(Escape, i64)>,
}

impl<'a> Prog<'a> {
    /// The `#next` code of an escape (stable for the whole program).
    fn escape_code(&mut self, e: &Escape) -> i64 {
        match e {
            Escape::Return => NEXT_RETURN,
            Escape::ReturnValues => NEXT_RETURN_VALUES,
            _ => {
                if let Some(i) = self.rf_codes.iter().position(|c| c == e) {
                    return i as i64 + 1;
                }
                self.rf_codes.push(e.clone());
                self.rf_codes.len() as i64
            }
        }
    }
}

/// The labels declared in `stmts` (not in nested func literals).
fn collect_labels(stmts: &[ast::Stmt], out: &mut HashSet<String>) {
    for s in stmts {
        collect_stmt_labels(s, out);
    }
}

fn collect_stmt_labels(s: &ast::Stmt, out: &mut HashSet<String>) {
    match &s.kind {
        StmtKind::Labeled { label, stmt } => {
            out.insert(label.name.clone());
            collect_stmt_labels(stmt, out);
        }
        StmtKind::Block(b) => collect_labels(&b.stmts, out),
        StmtKind::If(i) => {
            collect_labels(&i.then.stmts, out);
            if let Some(e) = &i.els {
                collect_stmt_labels(e, out);
            }
        }
        StmtKind::For(f) => collect_labels(&f.body.stmts, out),
        StmtKind::Range(r) => collect_labels(&r.body.stmts, out),
        StmtKind::Switch(sw) => sw.cases.iter().for_each(|c| collect_labels(&c.body, out)),
        StmtKind::TypeSwitch(sw) => sw.cases.iter().for_each(|c| collect_labels(&c.body, out)),
        StmtKind::Select(cases) => cases.iter().for_each(|c| collect_labels(&c.body, out)),
        _ => {}
    }
}

impl<'p, 'a, 'f> FnCx<'p, 'a, 'f> {
    fn rf_info(&self, key: ast::NodeId) -> Option<&'a RangeFunc> {
        self.p.info.range_funcs.get(&key)
    }

    fn int_var(&mut self, o: crate::types::ObjId) -> ir::Value {
        self.read_local(o, TypeTable::INT).w0()
    }

    fn set_int_var(&mut self, o: crate::types::ObjId, v: i64) {
        let c = self.i64c(v);
        self.write_local(o, TypeTable::INT, &V::one(c));
    }

    /// The loop `r` whose range expression is a function.
    pub(super) fn range_func(&mut self, r: &ast::RangeStmt, label: Option<String>) {
        let Some(rf) = self.rf_info(r.x.id) else {
            self.p.err(r.x.span, "internal compiler error: range over func without checker facts".to_string());
            return;
        };
        if rf.outermost {
            // (`#rv...` are the function's results, declared by its prologue)
            self.declare_local(rf.next, TypeTable::INT, None);
            let fp = self.b.ins().get_frame_pointer(types::I64);
            self.declare_local(rf.frame, TypeTable::UINTPTR, Some(V::one(fp)));
        }
        let ready = self.i64c(RF_READY);
        self.declare_local(rf.state, TypeTable::INT, Some(V::one(ready)));
        let seq = self.expr(&r.x).w0();
        // the body closure
        let key = format!("{}-range", self.func_name);
        let n = {
            let c = self.p.lit_counter.entry(key.clone()).or_insert(0);
            *c += 1;
            *c
        };
        let name = format!("{key}{n}");
        let yt = self.p.sub(rf.yield_ty);
        let sig = self.p.func_type_signature(yt);
        let Ok(id) = self.p.declare_fn(&name, &sig) else { return };
        let fi = FuncInfo { sig: yt, params: rf.params.clone(), results: vec![rf.result], ..FuncInfo::default() };
        let mut labels = HashSet::new();
        collect_labels(&r.body.stmts, &mut labels);
        self.p.rf_bodies.push(RfBody { key: r.x.id, label: label.clone(), labels, escapes: vec![] });
        let line = self.p.src.gc_line(r.x.span.lo);
        let spec = super::body::BodySpec { id, name, decl_line: line, fi: &fi, body: &r.body, captures: rf.captures.clone(), sig: yt };
        let res = self.p.lower_range_body(spec, r, self.p.rf_bodies.len() - 1);
        let body = self.p.rf_bodies.pop().expect("range body");
        if let Err(err) = res {
            self.p.err(r.x.span, format!("internal compiler error: {err}"));
        }
        let fref = self.func_ref(id);
        let code = self.b.ins().func_addr(types::I64, fref);
        let bytes = 8 * (rf.captures.len() as i64 + 1);
        let size = self.i64c(bytes);
        let al = self.i64c(8);
        let obj = self.rt(super::rt::Rt::Alloc, &[size, al])[0];
        self.b.ins().store(MemFlagsData::trusted(), code, obj, 0);
        for (i, &o) in rf.captures.iter().enumerate() {
            let addr = match self.local_addr(o) {
                Some(a) => a,
                None => {
                    let t = self.p.obj_ty(o).unwrap_or(TypeTable::INT);
                    let v = self.read_local(o, t);
                    let a = self.new_object(t);
                    self.store(t, &v, a, 0);
                    a
                }
            };
            self.b.ins().store(MemFlagsData::trusted(), addr, obj, 8 * (i as i32 + 1));
        }
        // seq(body)
        self.set_line(r.x.span);
        self.nil_check(seq);
        let seq_code = self.b.ins().load(types::I64, MemFlagsData::trusted(), seq, 0);
        let csig = FnCx::go_sig(&[types::I64], &[]);
        let sref = self.b.import_signature(csig);
        self.emit_call(Callee::Indirect(sref, seq_code), &[seq, obj], true);
        // after the iterator: the state check, then the escapes
        self.set_line(crate::diag::Span::new(r.body.span.hi.saturating_sub(1), r.body.span.hi));
        let st = self.int_var(rf.state);
        let panicked = self.b.ins().icmp_imm_s(IntCC::Equal, st, RF_PANIC);
        let cold = self.cold_block();
        let cont = self.block();
        self.b.ins().brif(panicked, cold, &[], cont, &[]);
        self.at(cold);
        let c = self.i64c(RF_MISSING_PANIC);
        self.lib("gort_panicrangestate", &[c]);
        self.b.ins().trap(TrapCode::unwrap_user(1));
        self.at(cont);
        self.set_int_var(rf.state, RF_EXHAUSTED);
        if body.escapes.is_empty() {
            return;
        }
        let next = self.int_var(rf.next);
        for (e, code) in body.escapes {
            let yes = self.block();
            let no = self.block();
            let hit = self.b.ins().icmp_imm_s(IntCC::Equal, next, code);
            self.b.ins().brif(hit, yes, &[], no, &[]);
            self.at(yes);
            self.set_int_var(rf.next, 0);
            self.complete_escape(&e, rf, r.body.span);
            if self.open() {
                self.jump(no);
            }
            self.at(no);
        }
    }

    /// Performs escape `e` after an iterator call returned (again an escape inside a body).
    fn complete_escape(&mut self, e: &Escape, rf: &RangeFunc, span: crate::diag::Span) {
        match e {
            Escape::Return | Escape::ReturnValues if self.rf.is_some() => self.rf_escape(e.clone()),
            Escape::Return => self.emit_return(&[], span),
            Escape::ReturnValues => {
                let vals: Vec<V> = rf
                    .rvs
                    .iter()
                    .map(|&o| {
                        let t = self.p.obj_ty(o).unwrap_or(TypeTable::INT);
                        self.read_local(o, t)
                    })
                    .collect();
                self.emit_return(&vals, span)
            }
            Escape::Break(l) => self.branch_break(Some(l)),
            Escape::Continue(l) => self.branch_continue(Some(l)),
            Escape::Goto(l) => self.branch_goto(l),
        }
    }

    /// The facts of the body being lowered.
    fn cur_rf(&self) -> Option<(&'a RangeFunc, usize)> {
        let i = self.rf?;
        let key = self.p.rf_bodies[i].key;
        self.rf_info(key).map(|r| (r, i))
    }

    /// Body entry: the state check, then (for `=` clauses) the assignment of the parameters.
    fn rf_entry(&mut self, r: &ast::RangeStmt) {
        let Some((rf, _)) = self.cur_rf() else { return };
        let tmp = self.int_var(rf.state);
        self.set_int_var(rf.state, RF_PANIC);
        let bad = self.b.ins().icmp_imm_s(IntCC::NotEqual, tmp, RF_READY);
        let cold = self.cold_block();
        let cont = self.block();
        self.b.ins().brif(bad, cold, &[], cont, &[]);
        self.at(cold);
        self.lib("gort_panicrangestate", &[tmp]);
        self.b.ins().trap(TrapCode::unwrap_user(1));
        self.at(cont);
        if !r.define {
            // one assignment per variable, in order (gc's rewrite: `k = #p1; v = #p2`, so
            // `for i, a[i] = range f` indexes with the new i)
            for (&o, e) in rf.params.iter().zip([r.key.as_ref(), r.value.as_ref()]) {
                let t = self.p.obj_ty(o).unwrap_or(TypeTable::INT);
                let v = self.read_local(o, t);
                self.range_bind(e, false, v, t);
            }
        }
    }

    fn return_bool(&mut self, v: bool) {
        let b = self.b.ins().iconst(types::I8, v as i64);
        self.return_values(&[V::one(b)]);
    }

    /// `continue` of the loop (and the end of its body): `#state = READY; return true`.
    fn rf_continue(&mut self) {
        let Some((rf, _)) = self.cur_rf() else { return };
        self.set_int_var(rf.state, RF_READY);
        self.return_bool(true);
    }

    /// `break` of the loop: `#state = DONE; return false`.
    fn rf_break(&mut self) {
        let Some((rf, _)) = self.cur_rf() else { return };
        self.set_int_var(rf.state, RF_DONE);
        self.return_bool(false);
    }

    /// Leaves the body for an escape: `#next = code; #state = DONE; return false`.
    fn rf_escape(&mut self, e: Escape) {
        let Some((rf, i)) = self.cur_rf() else { return };
        let code = self.p.escape_code(&e);
        if !self.p.rf_bodies[i].escapes.iter().any(|(x, _)| *x == e) {
            self.p.rf_bodies[i].escapes.push((e, code));
        }
        self.set_int_var(rf.next, code);
        self.set_int_var(rf.state, RF_DONE);
        self.return_bool(false);
    }

    /// `return exprs` inside a body.
    pub(super) fn rf_return(&mut self, exprs: &[ast::Expr]) -> bool {
        let Some((rf, _)) = self.cur_rf() else { return false };
        if exprs.is_empty() {
            self.rf_escape(Escape::Return);
            return true;
        }
        let tys: Vec<_> = rf.rvs.iter().map(|&o| self.p.obj_ty(o).unwrap_or(TypeTable::INT)).collect();
        let vals: Vec<V> = if exprs.len() == 1 && tys.len() > 1 {
            self.multi_value_as(&exprs[0], &tys)
        } else {
            exprs.iter().zip(&tys).map(|(e, &t)| self.expr_as(e, t)).collect()
        };
        let vals: Vec<V> = vals.iter().zip(&tys).map(|(v, &t)| self.copy_to_temp(t, v)).collect();
        for ((v, &t), &o) in vals.iter().zip(&tys).zip(&rf.rvs) {
            self.write_local(o, t, v);
        }
        self.rf_escape(Escape::ReturnValues);
        true
    }

    /// `defer call` inside a body: a record on the enclosing frame's chain.
    pub(super) fn rf_defer(&mut self, call: &ast::Expr) -> bool {
        let Some((rf, _)) = self.cur_rf() else { return false };
        let clo = self.deferred_closure(call, DeferKind::Chained);
        let frame = self.read_local(rf.frame, TypeTable::UINTPTR).w0();
        self.lib("gort_deferprocat", &[clo, frame]);
        true
    }

    /// `break [label]`.
    pub(super) fn branch_break(&mut self, l: Option<&str>) {
        if let Some(t) = self.find_jump(l, false) {
            self.jump(t);
            self.dead();
            return;
        }
        let Some(i) = self.rf else { return };
        if l.is_none() || l == self.p.rf_bodies[i].label.as_deref() {
            self.rf_break();
        } else {
            self.rf_escape(Escape::Break(l.unwrap_or_default().to_string()));
        }
        self.dead();
    }

    /// `continue [label]`.
    pub(super) fn branch_continue(&mut self, l: Option<&str>) {
        if let Some(t) = self.find_jump(l, true) {
            self.jump(t);
            self.dead();
            return;
        }
        let Some(i) = self.rf else { return };
        if l.is_none() || l == self.p.rf_bodies[i].label.as_deref() {
            self.rf_continue();
        } else {
            self.rf_escape(Escape::Continue(l.unwrap_or_default().to_string()));
        }
        self.dead();
    }

    /// `goto label`.
    pub(super) fn branch_goto(&mut self, l: &str) {
        if let Some(i) = self.rf
            && !self.p.rf_bodies[i].labels.contains(l)
        {
            self.rf_escape(Escape::Goto(l.to_string()));
            self.dead();
            return;
        }
        let blk = self.label_block(l);
        self.jump(blk);
        self.dead();
    }
}

impl<'a> Prog<'a> {
    /// Lowers and defines the body closure of range-over-func loop `r` (`rf_bodies[idx]`).
    fn lower_range_body(&mut self, spec: super::body::BodySpec<'_>, r: &ast::RangeStmt, idx: usize) -> Result<(), LowerError> {
        self.enter_file_of(spec.body.span.lo);
        let meta = FuncMeta { go_name: spec.name.clone(), decl_line: spec.decl_line, defer_kind: DeferKind::None, is_wrapper: false };
        let id = spec.id;
        let end = crate::diag::Span::new(r.body.span.hi.saturating_sub(1), r.body.span.hi);
        self.build_fn(id, meta, |cx| {
            cx.rf = Some(idx);
            cx.prologue(&spec, DeferKind::None);
            cx.rf_entry(r);
            cx.block_stmts(&r.body.stmts);
            if cx.open() {
                cx.set_line(end);
                cx.rf_continue();
            }
        })
    }
}
