//! Defer lowering (DESIGN §4.2-4.3).
//!
//! * **Open-coded** (checker's `FuncInfo::open_coded_defers`): a keyed `deferBits` byte slot zeroed
//!   in the prologue and one keyed slot per defer statement holding the deferred closure. `defer
//!   f(a, b)` evaluates f, a, b (and a method receiver) at the statement into a closure object kept
//!   in this frame (a stack slot: the closure is only called while the frame is live), stores its
//!   address in slot i and sets bit i. Every return stores its results and runs, in its own exit
//!   sequence (as gc does: the deferred calls are attributed to that `return`'s line), for i from
//!   high to low among the defer statements before it: clear bit i, then call closure i (or emit
//!   its func literal's body inline) if it was set; then returns. The **deferreturn block** does
//!   the same for every defer and returns the results from memory. It is the default handler of
//!   every `try_call` in the frame, so after a recovered panic the remaining defers run and the
//!   named results are returned. It uses no SSA value from the body.
//! * **Chained** (defers in loops, > 8 defers): the closure object is heap-allocated and pushed on
//!   the goroutine's defer chain with `gort_deferproc`; the deferreturn block calls
//!   `gort_deferreturn`, which runs this frame's records.
//!
//! A deferred call that is not already a closure with no arguments gets a generated **wrapper**
//! (`is_wrapper`, transparent to `recover`): its closure object is `[wrapper, values...]` and its
//! body re-lowers the call expression with the pre-evaluated callee, receiver and arguments
//! substituted for their expressions (`FnCx::overrides`).

use cranelift_codegen::ir::{self, InstBuilder, TrapCode, MemFlagsData, StackSlotData, StackSlotKey, StackSlotKind, types};

use crate::syntax::ast::{self, ExprKind};
use crate::types::{ObjKind, SelectionKind};

use super::func::{Callee, FnCx, V};
use super::rt::Rt;
use super::{FuncMeta, KEY_CLOSURE_BASE, KEY_DEFERBITS};

/// How a function's defers are implemented.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeferKind {
    None,
    Open,
    Chained,
}

/// The defer state of a frame.
pub struct DeferFrame {
    pub kind: DeferKind,
    pub bits: ir::StackSlot,
    pub closures: Vec<ir::StackSlot>,
    pub next: usize,
    /// The normal exit block (every `return` jumps here after storing its results).
    pub exit: ir::Block,
    /// Per open-coded defer: the body of a deferred func literal to emit inline at normal exits,
    /// with the literal's gc name (`main.f.func1`, for tracebacks of the inlined body).
    pub inline: Vec<Option<(ast::Block, String)>>,
    /// deferBits as an SSA variable, valid on normal control flow (the memory copy is what the
    /// runtime and the deferreturn block see).
    pub bits_var: cranelift_frontend::Variable,
}

impl DeferFrame {
    /// Creates the slots, zeroes deferBits and creates the deferreturn block (`cx.handler`).
    pub fn new(cx: &mut FnCx<'_, '_, '_>, kind: DeferKind, n: usize) -> DeferFrame {
        if cx.lite {
            let z = cx.iconst(types::I8, 0);
            let bits_var = cx.b.declare_var(types::I8);
            cx.b.def_var(bits_var, z);
            let exit = cx.block();
            let bits = cx.slot(1, 1);
            return DeferFrame { kind, bits, closures: vec![], next: 0, exit, inline: vec![None; n], bits_var };
        }
        let bits = cx.b.create_sized_stack_slot(StackSlotData::new_with_key(
            StackSlotKind::ExplicitSlot,
            8,
            3,
            StackSlotKey::new(KEY_DEFERBITS),
        ));
        let z = cx.iconst(types::I8, 0);
        cx.b.ins().stack_store(types::I64, z, bits, 0);
        let mut closures = vec![];
        if kind == DeferKind::Open {
            for i in 0..n {
                let s = cx.b.create_sized_stack_slot(StackSlotData::new_with_key(
                    StackSlotKind::ExplicitSlot,
                    8,
                    3,
                    StackSlotKey::new(KEY_CLOSURE_BASE + i as u64),
                ));
                closures.push(s);
            }
        }
        let h = cx.block();
        cx.handler = Some(h);
        cx.n_open_defers = closures.len() as u32;
        let exit = cx.block();
        let inline = vec![None; closures.len()];
        let bits_var = cx.b.declare_var(types::I8);
        cx.b.def_var(bits_var, z);
        DeferFrame { kind, bits, closures, next: 0, exit, inline, bits_var }
    }
}

impl<'p, 'a, 'f> FnCx<'p, 'a, 'f> {
    /// Lowers `defer call`.
    pub fn defer_stmt(&mut self, call: &ast::Expr) {
        if self.rf_defer(call) {
            return;
        }
        let Some(kind) = self.defers.as_ref().map(|d| d.kind) else { return };
        let inline = if kind == DeferKind::Open {
            self.inlinable_defer(call).map(|body| (body, self.peek_lit_name()))
        } else {
            None
        };
        if self.lite {
            // The literal is not lowered as a function in lite mode; it still takes its name
            // (later literals are numbered as in the first attempt).
            if inline.is_some() {
                self.next_lit_name();
            }
            let d = self.defers.as_mut().unwrap();
            let i = d.next.min(d.inline.len().saturating_sub(1));
            d.next += 1;
            d.inline[i] = inline;
            let bv = d.bits_var;
            let old = self.b.use_var(bv);
            let new = self.b.ins().bor_imm_s(old, 1i64 << i);
            self.b.def_var(bv, new);
            return;
        }
        let clo = self.deferred_closure(call, kind);
        match kind {
            DeferKind::Open => {
                let d = self.defers.as_mut().unwrap();
                let i = d.next.min(d.closures.len().saturating_sub(1));
                d.next += 1;
                if i < d.inline.len() {
                    d.inline[i] = inline;
                }
                let (slot, bits, bits_var) = (d.closures[i], d.bits, d.bits_var);
                self.b.ins().stack_store(types::I64, clo, slot, 0);
                let old = self.b.use_var(bits_var);
                let new = self.b.ins().bor_imm_s(old, 1i64 << i);
                self.b.def_var(bits_var, new);
                self.b.ins().stack_store(types::I64, new, bits, 0);
            }
            DeferKind::Chained => {
                self.rt(Rt::DeferPush, &[clo]);
            }
            DeferKind::None => {}
        }
    }

    /// Builds the `func()` closure that performs the deferred call.
    pub(super) fn deferred_closure(&mut self, call: &ast::Expr, kind: DeferKind) -> ir::Value {
        let ExprKind::Call { fun, args, .. } = &call.unparen().kind else {
            return self.i64c(0);
        };
        let fun_u = fun.unparen();
        // `defer func(){...}()` and `defer f()` with f a func value: the closure itself.
        if args.is_empty() && self.is_plain_func_value(fun_u) {
            // An open-coded frame runs this closure before it returns: keep it in the frame.
            self.closure_in_frame = kind == DeferKind::Open && matches!(fun_u.kind, ExprKind::FuncLit { .. });
            let v = self.expr(fun_u);
            self.closure_in_frame = false;
            return v.w0();
        }
        // Pre-evaluate the pieces of the call: the callee (a func value, or a method's bound
        // receiver) and the arguments, in Go's order, now (Go evaluates them at the statement).
        let mut pre: Vec<(ast::NodeId, crate::types::TypeId, V)> = vec![];
        let mut recv_id = None;
        let sel = self.p.selection(fun_u.id);
        match (&fun_u.kind, sel) {
            (ExprKind::Selector { x, .. }, Some(sel))
                if matches!(sel.kind, SelectionKind::MethodVal | SelectionKind::InterfaceMethod) =>
            {
                if let Some((t, v)) = self.bound_receiver(x, &sel) {
                    let v = self.copy_to_temp(t, &v);
                    pre.push((fun_u.id, t, v));
                    recv_id = Some(fun_u.id);
                }
            }
            (_, Some(sel)) if sel.kind == SelectionKind::MethodExpr => {}
            _ if self.is_static_callee(fun_u) => {}
            _ => {
                let t = self.p.type_of(fun_u.id);
                let v = self.expr(fun_u);
                pre.push((fun_u.id, t, v));
            }
        }
        for a in args {
            let t = self.p.type_of(a.id);
            if self.p.info.types[a.id].is_type() {
                continue;
            }
            let v = self.expr(a);
            pre.push((a.id, t, v));
        }
        // Layout of the closure object: [code, pre values...]
        let mut off = 8u64;
        let mut layout = vec![];
        for (id, t, _) in &pre {
            let (size, align) = self.p.size_align(*t);
            off = off.div_ceil(align.max(1)) * align.max(1);
            layout.push((*id, *t, off as i32));
            off += size;
        }
        let size = off.div_ceil(8) * 8;
        let obj = match kind {
            DeferKind::Open => self.temp(size, 8),
            _ => {
                let sz = self.i64c(size as i64);
                let al = self.i64c(8);
                self.rt(Rt::Alloc, &[sz, al])[0]
            }
        };
        // the wrapper function
        let wrapper = self.defer_wrapper(call, &layout, recv_id);
        let fref = self.func_ref(wrapper);
        let code = self.b.ins().func_addr(types::I64, fref);
        self.b.ins().store(MemFlagsData::trusted(), code, obj, 0);
        for ((_, t, v), (_, _, o)) in pre.iter().zip(&layout) {
            self.store(*t, v, obj, *o);
        }
        obj
    }

    /// `func` literal or a variable/field holding a func value (not a static function name).
    fn is_plain_func_value(&self, e: &ast::Expr) -> bool {
        match &e.kind {
            ExprKind::FuncLit { .. } => true,
            ExprKind::Ident(_) => !self.is_static_callee(e),
            _ => false,
        }
    }

    /// Callee expressions that need no evaluation (function, builtin and library names).
    fn is_static_callee(&self, e: &ast::Expr) -> bool {
        let id = match &e.kind {
            ExprKind::Ident(i) => i.id,
            ExprKind::Selector { sel, .. } if !self.p.info.selections.contains_key(&e.id) => sel.id,
            _ => return false,
        };
        match self.p.info.object_of(id).map(|o| &self.p.info.obj(o).kind) {
            Some(ObjKind::Func { .. }) | Some(ObjKind::Builtin(_)) => true,
            _ => self.p.info.types[e.id].mode == crate::types::Mode::TypeExpr
                || matches!(self.p.info.types[e.id].mode, crate::types::Mode::Builtin(_)),
        }
    }

    /// Generates the wrapper that performs a deferred call from its closure object.
    fn defer_wrapper(
        &mut self,
        call: &ast::Expr,
        layout: &[(ast::NodeId, crate::types::TypeId, i32)],
        recv_id: Option<ast::NodeId>,
    ) -> cranelift_module::FuncId {
        let n = self.p.lit_counter.entry(format!("{}#defer", self.func_name)).or_insert(0);
        *n += 1;
        let name = format!("{}.deferwrap{}", self.func_name, n);
        let sig = FnCx::go_sig(&[], &[]);
        let id = match self.p.declare_fn(&name, &sig) {
            Ok(id) => id,
            Err(_) => return self.p.rt_func(Rt::PanicNil),
        };
        let line = self.b.srcloc().bits() & super::func::LINE_MASK;
        let meta = FuncMeta { go_name: name.clone(), decl_line: self.p.loc_line(line), defer_kind: DeferKind::None, is_wrapper: true };
        let call = call.clone();
        let layout = layout.to_vec();
        let locals = self.locals.clone();
        let _ = self.p.build_fn(id, meta, |cx| {
            let entry = cx.block();
            cx.b.append_block_params_for_function_params(entry);
            cx.at(entry);
            cx.b.set_srcloc(ir::SourceLoc::new(line));
            cx.ctx = cx.b.block_params(entry)[0];
            // gc's deferwrap closures take no arguments: tracebacks print `()`
            cx.arg_info = Some(vec![super::arginfo::END_SEQ]);
            let _ = &locals;
            for (id, t, off) in &layout {
                let v = cx.load(*t, cx.ctx, *off);
                if Some(*id) == recv_id {
                    cx.recv_overrides.insert(*id, v);
                } else {
                    cx.overrides.insert(*id, v);
                }
            }
            cx.expr_stmt(&call);
            if cx.open() {
                cx.b.ins().return_(&[]);
            }
        });
        id
    }

    /// `defer func() { ... }()` whose body can be emitted inline at normal exits: no parameters,
    /// results, defers, returns, labels, nested func literals, and no `recover` (which must see the
    /// deferred function's own frame).
    fn inlinable_defer(&self, call: &ast::Expr) -> Option<ast::Block> {
        let ExprKind::Call { fun, args, .. } = &call.unparen().kind else { return None };
        let ExprKind::FuncLit { typ, body } = &fun.unparen().kind else { return None };
        if !args.is_empty() || !typ.params.is_empty() || !typ.results.is_empty() {
            return None;
        }
        let fi = self.p.info.funcs.get(&fun.unparen().id)?;
        if fi.defer_count > 0 || fi.calls_recover || fi.return_count > 0 {
            return None;
        }
        let text = self.p.src.text(body.span);
        if text.contains("func") || text.contains("goto") || text.contains("recover") || has_labels(&body.stmts) {
            return None;
        }
        Some(body.clone())
    }

    /// A `return`'s exit sequence (its results are stored): runs the defers that may be pending
    /// here, deferred func literals inline, and returns.
    pub fn exit_through_defers(&mut self) {
        let Some(d) = self.defers.take() else { return };
        // Open-coded defers are never in loops (nor reached by backward gotos), so only the defer
        // statements lowered before this return can have their bit set.
        let pending = if d.kind == DeferKind::Open { d.next.min(d.inline.len()) } else { d.inline.len() };
        self.run_defers(&d, true, pending);
        self.defers = Some(d);
    }

    /// Emits the exit at the end of the body and the deferreturn block (after the body).
    pub fn finish_defers(&mut self) {
        let Some(d) = self.defers.take() else { return };
        // falling off the end of the body: deferred func literals inline, other closures called
        self.at(d.exit);
        self.run_defers(&d, true, d.inline.len());
        if self.lite {
            return;
        }
        if d.kind == DeferKind::Open && !self.handler_used && d.inline.iter().take(d.next).all(|x| x.is_some()) && d.next == d.inline.len() {
            self.p.retry_lite = true;
        }
        // deferreturn block: only reachable through try_call handlers
        let h = self.handler.unwrap();
        self.at(h);
        if !self.handler_used {
            self.b.ins().trap(TrapCode::unwrap_user(3));
            return;
        }
        self.run_defers(&d, false, d.inline.len());
    }

    /// Runs defers `pending-1` down to 0 (open-coded; chained: all records) and returns.
    fn run_defers(&mut self, d: &DeferFrame, inline: bool, pending: usize) {
        self.run_defer_calls(d, inline, pending);
        let n = self.result_tys.len();
        let vals: Vec<V> = (0..n)
            .map(|i| match (inline, self.result_vars.get(i).cloned().flatten()) {
                (true, Some(vars)) => {
                    V::W(vars.iter().map(|&v| self.b.use_var(v)).collect())
                }
                _ => self.load_result(i),
            })
            .collect();
        self.return_values(&vals);
    }

    fn run_defer_calls(&mut self, d: &DeferFrame, inline: bool, pending: usize) {
        match d.kind {
            DeferKind::Open => {
                for i in (0..pending.min(d.inline.len())).rev() {
                    let run = self.block();
                    let next = self.block();
                    let bits = if inline {
                        self.b.use_var(d.bits_var)
                    } else {
                        self.b.ins().stack_load(types::I64, types::I8, d.bits, 0)
                    };
                    let t = self.b.ins().band_imm_s(bits, 1i64 << i);
                    self.b.ins().brif(t, run, &[], next, &[]);
                    self.at(run);
                    let cleared = self.b.ins().band_imm_s(bits, !(1i64 << i));
                    if !self.lite {
                        self.b.ins().stack_store(types::I64, cleared, d.bits, 0);
                    }
                    if inline {
                        self.b.def_var(d.bits_var, cleared);
                    }
                    match (&d.inline[i], inline) {
                        (Some((body, name)), true) => {
                            let (body, name) = (body.clone(), name.clone());
                            self.inline_deferred_body(&body, name);
                        }
                        _ => {
                            let clo = self.b.ins().stack_load(types::I64, types::I64, d.closures[i], 0);
                            self.call_closure0(clo);
                        }
                    }
                    self.jump(next);
                    self.at(next);
                }
            }
            DeferKind::Chained => {
                // loop: c = gort_deferpop(); if c == 0 break; call c
                let head = self.block();
                let run = self.block();
                let done = self.block();
                self.jump(head);
                self.at(head);
                let c = self.rt(Rt::DeferReturn, &[])[0];
                self.b.ins().brif(c, run, &[], done, &[]);
                self.at(run);
                self.call_closure0(c);
                self.jump(head);
                self.at(done);
            }
            DeferKind::None => {}
        }
    }

    /// Emits a deferred func literal's body at an exit sequence. Its instructions carry an inline
    /// tag in their source locations, so tracebacks show the literal's own frame (`name()` at the
    /// body's line) above this function's frame at the exit's line, as gc's (uninlined) call does.
    fn inline_deferred_body(&mut self, body: &ast::Block, name: String) {
        let at = self.b.srcloc();
        let call_line = at.bits() & super::func::LINE_MASK;
        self.inline_frames.push(super::func::InlineFrame { name, call_line, parent: self.inline_tag, call: false });
        let saved = std::mem::replace(&mut self.inline_tag, self.inline_frames.len() as u32);
        self.set_line(body.span);
        self.block_stmts(&body.stmts);
        self.inline_tag = saved;
        self.b.set_srcloc(at);
    }

    /// Calls a `func()` closure value (nil: the nil-dereference panic, as gc).
    pub fn call_closure0(&mut self, clo: ir::Value) {
        self.nil_check(clo);
        let code = self.b.ins().load(types::I64, MemFlagsData::trusted(), clo, 0);
        let sig = FnCx::go_sig(&[], &[]);
        let sref = self.b.import_signature(sig);
        self.emit_call(Callee::Indirect(sref, code), &[clo], true);
    }
}

/// True when statements contain a label (inlining would duplicate it).
fn has_labels(stmts: &[ast::Stmt]) -> bool {
    use ast::StmtKind as S;
    stmts.iter().any(|s| match &s.kind {
        S::Labeled { .. } | S::Goto(_) => true,
        S::Block(b) => has_labels(&b.stmts),
        S::If(i) => has_labels(&i.then.stmts) || i.els.as_ref().is_some_and(|e| has_labels(std::slice::from_ref(e))),
        S::For(f) => has_labels(&f.body.stmts),
        S::Range(r) => has_labels(&r.body.stmts),
        S::Switch(sw) => sw.cases.iter().any(|c| has_labels(&c.body)),
        S::TypeSwitch(sw) => sw.cases.iter().any(|c| has_labels(&c.body)),
        _ => false,
    })
}
