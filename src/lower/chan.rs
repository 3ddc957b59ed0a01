//! Lowering of goroutine creation and channel operations: the `go` statement (its func value and
//! arguments evaluated at the statement, like `defer`, into a heap closure the runtime starts),
//! `make(chan T, n)`, send statements, receive expressions (with `ok`), `close`, `len`/`cap` of
//! channels, `for v := range c`, and `select` (cases laid out as the runtime's `Scase` array,
//! sends first, then receives, as gc's `selectgo` expects).
//!
//! Channel values are one word (the runtime's `*Chan`, nil 0). Operations that may panic (`send
//! on closed channel`, `close of nil channel`, ...) are `try_call`s in frames with defers.

use cranelift_codegen::ir::{self, InstBuilder, condcodes::IntCC, types};

use crate::syntax::ast::{self, ExprKind, StmtKind};
use crate::types::{Type as GoType, TypeId, TypeTable};

use super::defer::DeferKind;
use super::func::{FnCx, Jump, V};

impl<'p, 'a, 'f> FnCx<'p, 'a, 'f> {
    /// The element type of channel type `ct`.
    fn chan_elem(&self, ct: TypeId) -> TypeId {
        match self.p.tt.under(ct) {
            GoType::Chan { elem, .. } => *elem,
            _ => TypeTable::INVALID,
        }
    }

    /// A zeroed stack slot for one element of type `et` (at least one word).
    fn elem_slot(&mut self, et: TypeId) -> ir::Value {
        let (size, align) = self.p.size_align(et);
        let a = self.temp(size.max(8), align.max(8));
        self.memzero(a, size.max(8));
        a
    }

    /// Takes the received element of type `et` out of its slot: the value (copied when it is in
    /// memory), then the slot is zeroed. The slot's address stays live as long as the code that
    /// reuses it (a whole `range` loop), so without the clearing it would keep the last
    /// received element reachable after the program dropped it (issue15281.go: a 10 MB slice
    /// still live after `x = nil`); gc's receive temporaries are dead once copied out.
    fn take_elem(&mut self, et: TypeId, slot: ir::Value) -> V {
        let v = self.load(et, slot, 0);
        let v = self.copy_to_temp(et, &v);
        self.clear_elem(et, slot);
        v
    }

    /// Zeroes a receive slot of element type `et` (see [`Self::take_elem`]).
    fn clear_elem(&mut self, et: TypeId, slot: ir::Value) {
        let (size, _) = self.p.size_align(et);
        self.memzero(slot, size.max(8));
    }

    /// `go call`.
    pub fn go_stmt(&mut self, call: &ast::Expr) {
        let clo = self.deferred_closure(call, DeferKind::Chained);
        self.lib("gort_go", &[clo]);
    }

    /// `make(chan T[, n])`.
    pub fn make_chan(&mut self, t: TypeId, args: &[ast::Expr]) -> V {
        let et = self.chan_elem(t);
        let (size, _) = self.p.size_align(et);
        let n = if args.len() > 1 { self.index_value(&args[1]) } else { self.i64c(0) };
        let sz = self.i64c(size as i64);
        V::one(self.lib("gort_makechan", &[sz, n])[0])
    }

    /// `len(c)` / `cap(c)`.
    pub fn chan_len_cap(&mut self, c: &ast::Expr, len: bool) -> ir::Value {
        let cv = self.expr(c).w0();
        self.lib(if len { "gort_chanlen" } else { "gort_chancap" }, &[cv])[0]
    }

    /// `close(c)`.
    pub fn close_chan(&mut self, c: &ast::Expr) {
        let cv = self.expr(c).w0();
        self.lib("gort_closechan", &[cv]);
    }

    /// `ch <- value`.
    pub fn send_stmt(&mut self, ch: &ast::Expr, value: &ast::Expr) {
        let et = self.chan_elem(self.ty(ch));
        let c = self.expr(ch).w0();
        let v = self.expr_as(value, et);
        let addr = self.value_addr(et, &v);
        self.lib("gort_chansend1", &[c, addr]);
    }

    /// `<-ch` as a value.
    pub fn recv_expr(&mut self, ch: &ast::Expr) -> V {
        let et = self.chan_elem(self.ty(ch));
        let c = self.expr(ch).w0();
        let slot = self.elem_slot(et);
        self.lib("gort_chanrecv1", &[c, slot]);
        self.take_elem(et, slot)
    }

    /// `v, ok := <-ch`: the value and `ok` (bool).
    pub fn recv_ok(&mut self, ch: &ast::Expr) -> (V, V) {
        let et = self.chan_elem(self.ty(ch));
        let c = self.expr(ch).w0();
        let slot = self.elem_slot(et);
        let ok = self.lib("gort_chanrecv2", &[c, slot])[0];
        let ok = self.b.ins().ireduce(types::I8, ok);
        (self.take_elem(et, slot), V::one(ok))
    }

    /// `for v := range c` (at most one iteration variable).
    pub fn range_chan(&mut self, r: &ast::RangeStmt, ct: TypeId, label: Option<String>, exit: ir::Block) {
        let et = self.chan_elem(ct);
        let c = self.expr(&r.x).w0();
        let header = self.block();
        let body = self.block();
        self.jump(header);
        self.at(header);
        let slot = self.elem_slot(et);
        let ok = self.lib("gort_chanrecv2", &[c, slot])[0];
        self.b.ins().brif(ok, body, &[], exit, &[]);
        self.at(body);
        let v = self.take_elem(et, slot);
        self.range_bind(r.key.as_ref(), r.define, v, et);
        self.jumps.push(Jump { label, brk: exit, cont: Some(header) });
        self.block_stmts(&r.body.stmts);
        self.jumps.pop();
        if self.open() {
            self.jump(header);
        }
        self.at(exit);
    }

    /// `select { ... }`.
    pub fn select_stmt(&mut self, cases: &[ast::CommClause], span: crate::diag::Span) {
        let label = self.pending_label.take();
        let exit = self.block();
        let has_default = cases.iter().any(|c| c.comm.is_none());
        if cases.iter().all(|c| c.comm.is_none()) && !has_default {
            // `select {}`: block forever.
            self.lib("gort_block", &[]);
            self.b.ins().trap(ir::TrapCode::unwrap_user(1));
            self.dead();
            return;
        }
        // Operands in source order: each case's channel, and the value of a send.
        struct Case<'c> {
            clause: &'c ast::CommClause,
            /// Channel word, element address, element type; for receives the receive expression.
            chan: ir::Value,
            elem: ir::Value,
            et: TypeId,
            recv: Option<&'c ast::Expr>,
        }
        let mut sends: Vec<Case> = vec![];
        let mut recvs: Vec<Case> = vec![];
        let mut default = None;
        for c in cases {
            let Some(comm) = &c.comm else {
                default = Some(c);
                continue;
            };
            self.set_line(comm.span);
            match &comm.kind {
                StmtKind::Send { ch, value } => {
                    let et = self.chan_elem(self.ty(ch));
                    let chan = self.expr(ch).w0();
                    let v = self.expr_as(value, et);
                    let v = self.copy_to_temp(et, &v);
                    let elem = self.value_addr(et, &v);
                    sends.push(Case { clause: c, chan, elem, et, recv: None });
                }
                _ => {
                    let Some(rx) = select_recv_expr(comm) else { continue };
                    let ExprKind::Recv(ch) = &rx.kind else { continue };
                    let et = self.chan_elem(self.ty(ch));
                    let chan = self.expr(ch).w0();
                    let elem = self.elem_slot(et);
                    recvs.push(Case { clause: c, chan, elem, et, recv: Some(rx) });
                }
            }
        }
        // A blocked select is reported at the `select` keyword (gc's line for the selectgo call).
        self.set_line(span);
        let n = sends.len() + recvs.len();
        let arr = self.temp(16 * n.max(1) as u64, 8);
        for (i, cs) in sends.iter().chain(recvs.iter()).enumerate() {
            self.b.ins().store(ir::MemFlagsData::trusted(), cs.chan, arr, (16 * i) as i32);
            self.b.ins().store(ir::MemFlagsData::trusted(), cs.elem, arr, (16 * i + 8) as i32);
        }
        let ns = self.i64c(sends.len() as i64);
        let nr = self.i64c(recvs.len() as i64);
        let block = self.i64c(if has_default { 0 } else { 1 });
        let r = self.lib("gort_selectgo", &[arr, ns, nr, block])[0];
        let index = self.b.ins().sshr_imm_s(r, 1);
        let ok = self.b.ins().band_imm_s(r, 1);
        let ok = self.b.ins().ireduce(types::I8, ok);
        self.jumps.push(Jump { label, brk: exit, cont: None });
        for (i, cs) in sends.iter().chain(recvs.iter()).enumerate() {
            let body = self.block();
            let next = self.block();
            let hit = self.b.ins().icmp_imm_s(IntCC::Equal, index, i as i64);
            self.b.ins().brif(hit, body, &[], next, &[]);
            self.at(body);
            if let (Some(rx), Some(comm)) = (cs.recv, &cs.clause.comm) {
                // Bind the received value (and ok) through the comm statement itself.
                if matches!(comm.kind, StmtKind::Expr(_)) {
                    // `case <-c:`: the value is dropped; so is the slot's copy.
                    self.clear_elem(cs.et, cs.elem);
                } else {
                    let v = self.take_elem(cs.et, cs.elem);
                    self.overrides.insert(rx.id, v.clone());
                    self.recv_ok_overrides.insert(rx.id, (v, V::one(ok)));
                    self.stmt(comm);
                    self.overrides.remove(&rx.id);
                    self.recv_ok_overrides.remove(&rx.id);
                }
            }
            self.block_stmts(&cs.clause.body);
            if self.open() {
                self.jump(exit);
            }
            self.at(next);
        }
        // Not a case index: -1, the default.
        if let Some(d) = default {
            self.block_stmts(&d.body);
        } else {
            self.b.ins().trap(ir::TrapCode::unwrap_user(1));
            self.dead();
        }
        if self.open() {
            self.jump(exit);
        }
        self.jumps.pop();
        self.at(exit);
    }
}

/// The receive expression of a select receive case (`<-c`, `v := <-c`, `v, ok = <-c`).
fn select_recv_expr(s: &ast::Stmt) -> Option<&ast::Expr> {
    let e = match &s.kind {
        StmtKind::Expr(e) => e,
        StmtKind::ShortVarDecl { rhs, .. } | StmtKind::Assign { rhs, .. } => rhs.first()?,
        _ => return None,
    };
    let u = e.unparen();
    matches!(u.kind, ExprKind::Recv(_)).then_some(u)
}
