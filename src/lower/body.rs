//! Lowering one function body: the prologue (parameters, results, captured variables, defer
//! frame), the statements, and the epilogue; plus `return` statements.
//!
//! Invariants:
//! * Variables that are captured by a closure or whose address is taken live in memory (a heap box
//!   from `gort_new`, or a stack slot for results of defer frames that are not captured); all
//!   others are Cranelift variables (registers).
//! * In a frame with defers every result lives in memory (named: the variable's storage; unnamed:
//!   a result slot) so the deferreturn block can return them without SSA values from the body.

use std::collections::HashMap;

use cranelift_codegen::ir::{self, InstBuilder, UserFuncName, types};
use cranelift_codegen::{Context, ir::Function};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{FuncId, Module};

use crate::syntax::ast;
use crate::types::{FuncInfo, ObjId, ObjKind, TypeId};

use super::defer::{DeferFrame, DeferKind};
use super::func::{FnCx, Local, V};
use super::prog::Prog;
use super::tyview::Repr;
use super::{FuncMeta, LowerError};

/// What is being lowered.
pub struct BodySpec<'b> {
    pub id: FuncId,
    pub name: String,
    pub decl_line: u32,
    pub fi: &'b FuncInfo,
    pub body: &'b ast::Block,
    /// For func literals: the captured variables, in closure-object order.
    pub captures: Vec<ObjId>,
    pub sig: TypeId,
}

impl<'a> Prog<'a> {
    /// Builds function `id` with `emit` and defines it in the JIT module.
    pub fn build_fn(
        &mut self,
        id: FuncId,
        meta: FuncMeta,
        emit: impl FnOnce(&mut FnCx<'_, 'a, '_>),
    ) -> Result<(), LowerError> {
        let sig = self.jit.module().declarations().get_function_decl(id).signature.clone();
        let mut func = Function::with_name_signature(UserFuncName::user(0, id.as_u32()), sig);
        let mut fctx = FunctionBuilderContext::new();
        let n_defers;
        let lite = std::mem::take(&mut self.lite_pending);
        let retry;
        let inlined;
        let nil_checks;
        let arg_info;
        let entry_poll;
        let stack_check;
        let late_calls;
        let explicit_slots;
        {
            let b = FunctionBuilder::new(&mut func, &mut fctx);
            let own_block = self.big_fns.get(&id).map(|l| super::blockabi::OwnBlock { logical: l.clone(), slot: None });
            let mut cx = FnCx {
                p: self,
                b,
                own_block,
                block_refs: HashMap::new(),
                block_sigs: HashMap::new(),
                locals: HashMap::new(),
                ctx: ir::Value::from_u32(0),
                result_tys: vec![],
                result_locals: vec![],
                result_slots: vec![],
                out_ptr_slots: vec![],
                handler: None,
                defers: None,
                jumps: vec![],
                facts: vec![],
                nil_checks: vec![],
                labels: HashMap::new(),
                fallthrough: None,
                pending_label: None,
                func_name: meta.go_name.clone(),
                overrides: HashMap::new(),
                recv_overrides: HashMap::new(),
                recv_ok_overrides: HashMap::new(),
                n_open_defers: 0,
                handler_used: false,
                result_vars: vec![],
                lite,
                closure_in_frame: false,
                inline_frames: vec![],
                inline_tag: 0,
                inline_budget: 0,
                inline_depth: 0,
                inline_ret: None,
                pinned_line: None,
                bounds_at: None,
                rf: None,
                arg_info: None,
                entry_poll: None,
                stack_check: None,
                late_calls: vec![],
                uintptr_args: vec![],
                keepalive_slot: None,
            };
            emit(&mut cx);
            retry = std::mem::take(&mut cx.p.retry_lite);
            n_defers = cx.n_open_defers;
            inlined = std::mem::take(&mut cx.inline_frames);
            arg_info = cx.arg_info.take();
            cx.b.seal_all_blocks();
            explicit_slots = super::stackmaps::declare_pointer_values(&mut cx.b);
            late_calls = std::mem::take(&mut cx.late_calls);
            cx.b.finalize(cx.p.jit.module().target_config());
            nil_checks = std::mem::take(&mut cx.nil_checks);
            entry_poll = cx.entry_poll.take();
            stack_check = cx.stack_check.take();
        }
        super::stackmaps::insert_unmapped_calls(&mut func, &late_calls);
        super::prove::elim_nil_checks(&mut func, &nil_checks);
        if let Some(poll) = entry_poll {
            let m = self.jit.module();
            let decls = m.declarations();
            let is_runtime = |id| decls.get_function_decl(id).linkage == cranelift_module::Linkage::Import;
            super::prove::elim_leaf_poll(&mut func, poll, is_runtime);
            if std::env::var_os("GOJIT_NO_ENTRY_SINK").is_none() {
                super::entry_sink::sink_entry_work(&mut func, crate::jit::KEY_ARGS, Some(poll), is_runtime);
            }
        }
        if let Some(check) = stack_check {
            super::prove::elim_leaf_stack_check(&mut func, check);
        }
        if retry {
            self.last_retry = true;
            return Ok(());
        }
        if std::env::var_os("GOJIT_CLIF").is_some() {
            eprintln!("{}", func.display());
        }
        let positions = if self.cur_file_dirs { self.used_positions(&func, &inlined) } else { vec![] };
        let mut ctx = Context::for_function(func);
        let name = meta.go_name.clone();
        let jm = super::JitFuncMeta {
            go_name: meta.go_name,
            decl_line: meta.decl_line,
            defer_kind: match meta.defer_kind {
                DeferKind::None => crate::jit::DeferKind::None,
                DeferKind::Open => crate::jit::DeferKind::OpenCoded { n: n_defers },
                DeferKind::Chained => crate::jit::DeferKind::Chained,
            },
            is_wrapper: meta.is_wrapper,
            inlined,
            file: self.cur_file.clone(),
            arg_info,
            call_shape: self.call_shapes.get(&id).cloned(),
            positions,
            explicit_slots,
        };
        self.jit.define(id, &mut ctx, jm).map_err(|e| LowerError::Internal(format!("{name}: {e}")))
    }

    /// The position keys (`linepos`) the source locations of `func` and its inline frames use, as
    /// `(key, line, file)` sorted by key.
    fn used_positions(&self, func: &Function, inlined: &[super::func::InlineFrame]) -> Vec<(u32, u32, String)> {
        let mask = super::func::LINE_MASK;
        let mut keys: Vec<u32> = inlined.iter().map(|f| f.call_line).collect();
        for blk in func.layout.blocks() {
            for inst in func.layout.block_insts(blk) {
                let loc = func.srcloc(inst);
                if !loc.is_default() {
                    keys.push(loc.bits() & mask);
                }
            }
        }
        keys.sort_unstable();
        keys.dedup();
        keys.iter()
            .filter_map(|&k| self.line_positions.get(k).map(|(l, f)| (k, *l, f.clone())))
            .collect()
    }

    /// Lowers and defines one function body.
    pub fn lower_body(&mut self, spec: BodySpec<'_>) -> Result<(), LowerError> {
        self.enter_file_of(spec.body.span.lo);
        let defer_kind = if spec.fi.defer_count == 0 {
            DeferKind::None
        } else if spec.fi.open_coded_defers {
            DeferKind::Open
        } else {
            DeferKind::Chained
        };
        // gc marks reflect's callReflect and callMethod WRAPPER (cmd/compile/internal/ir/abi.go):
        // a function called through a MakeFunc or reflect method value that a deferred call
        // runs may recover, and tracebacks hide them
        let is_wrapper = matches!(spec.name.as_str(), "reflect.callReflect" | "reflect.callMethod");
        let meta = FuncMeta { go_name: spec.name.clone(), decl_line: spec.decl_line, defer_kind, is_wrapper };
        let id = spec.id;
        let counters = self.lit_counter.clone();
        self.retry_lite = false;
        let budget = super::inline::budget_for(spec.body);
        let emit = |cx: &mut FnCx<'_, 'a, '_>| {
            cx.inline_budget = budget;
            cx.prologue(&spec, defer_kind);
            cx.block_stmts(&spec.body.stmts);
            if cx.open() {
                cx.set_line(ast_end(spec.body));
                cx.emit_return(&[], spec.body.span);
            }
            cx.finish_defers();
        };
        self.build_fn(id, meta.clone(), emit)?;
        if self.last_retry {
            self.last_retry = false;
            // rebuild with lite defers (same closure names as the first attempt)
            self.lit_counter = counters;
            self.lite_pending = true;
            let meta = FuncMeta { defer_kind: DeferKind::None, ..meta };
            let emit = |cx: &mut FnCx<'_, 'a, '_>| {
                cx.inline_budget = budget;
                cx.prologue(&spec, defer_kind);
                cx.block_stmts(&spec.body.stmts);
                if cx.open() {
                    cx.set_line(ast_end(spec.body));
                    cx.emit_return(&[], spec.body.span);
                }
                cx.finish_defers();
            };
            self.build_fn(id, meta, emit)?;
        }
        Ok(())
    }
}

fn ast_end(b: &ast::Block) -> crate::diag::Span {
    crate::diag::Span::new(b.span.hi.saturating_sub(1), b.span.hi)
}

impl<'p, 'a, 'f> FnCx<'p, 'a, 'f> {
    /// True when a variable must live in memory.
    pub fn is_escaping(&self, o: ObjId) -> bool {
        match &self.p.info.obj(o).kind {
            ObjKind::Var(v) => v.captured || v.address_taken,
            _ => false,
        }
    }

    /// True when a captured or address-taken variable may live in its owner's frame instead of a
    /// heap box: escape analysis (`escape.rs`) proved its address never outlives the frame, or its
    /// address is never taken, its owner's defers are open-coded, and every func literal that
    /// captures it is called directly by one of the owner's `defer` statements. Such closures run
    /// before the frame is gone (normal exit, deferreturn block, or the panic walk, which runs them
    /// while the frame is still on the stack), so a stack address outlives every use (gc keeps
    /// these on the stack for the same reason).
    pub fn lives_in_frame(&self, o: ObjId) -> bool {
        let info = self.p.info;
        let ObjKind::Var(v) = &info.obj(o).kind else { return false };
        if self.p.escapes.frame_vars.contains(&o) {
            return true;
        }
        if v.address_taken || !v.captured {
            return false;
        }
        let Some(owner) = v.owner.and_then(|f| info.funcs.get(&f)) else { return false };
        if !owner.open_coded_defers {
            return false;
        }
        // a range-over-func body may be called after the frame is gone (a misbehaving iterator)
        if info.range_funcs.values().any(|r| r.captures.contains(&o)) {
            return false;
        }
        info.captures
            .iter()
            .filter(|(_, caps)| caps.contains(&o))
            .all(|(lit, _)| owner.deferred_literals.contains(lit))
    }

    pub(super) fn prologue(&mut self, spec: &BodySpec<'_>, defer_kind: DeferKind) {
        let entry = self.block();
        let loc = self.p.line_loc_at(spec.decl_line, spec.body.span.lo);
        self.b.set_srcloc(ir::SourceLoc::new(loc & super::func::LINE_MASK));
        let params: Vec<ir::Value> = self.entry_params(entry);
        self.ctx = params[0];
        // The traceback's argument image, stored first (before the preempt poll's branch, so
        // every store is a plain spill of an incoming register).
        {
            let mut traced = vec![];
            let mut k = 1;
            for o in spec.fi.recv.iter().chain(spec.fi.params.iter()) {
                let t = self.p.obj_ty(*o).expect("param type");
                let n = self.p.param_words(t).len();
                traced.push((t, params[k..k + n].to_vec()));
                k += n;
            }
            self.store_args_for_traceback(&traced);
        }
        // gc's prologue check (its stackguard0 = stackPreempt): recursion that never loops still
        // reaches a safepoint on every call.
        self.entry_poll = Some(self.preempt_poll());
        self.stack_check();
        let mut k = 1;
        let fi = spec.fi;
        if let Some((_, init)) = self.p.main_init.filter(|&(main, _)| main == spec.id) {
            let fr = self.func_ref(init);
            let z = self.i64c(0);
            self.b.ins().call(fr, &[z]);
        }
        let sig = self.p.tt.signature(spec.sig).cloned().expect("function signature");
        // receiver and parameters
        let mut pobjs: Vec<ObjId> = vec![];
        if let Some(r) = fi.recv {
            pobjs.push(r);
        }
        pobjs.extend(fi.params.iter().copied());
        for o in pobjs {
            let t = self.p.obj_ty(o).expect("param type");
            let n = self.p.param_words(t).len();
            let words = params[k..k + n].to_vec();
            k += n;
            if self.declare_block_param(o, t, k - n) {
                continue;
            }
            let v = match self.p.repr(t) {
                Repr::Words(_) => V::W(words),
                Repr::Mem { .. } => V::M(words[0]),
            };
            self.declare_local(o, t, Some(v));
        }
        // out pointers of aggregate results
        self.result_tys = sig.results.clone();
        for &rt in &sig.results {
            if self.p.repr(rt).is_mem() {
                let s = self.slot(8, 8);
                self.b.ins().stack_store(types::I64, params[k], s, 0);
                k += 1;
                self.out_ptr_slots.push(Some(s));
            } else {
                self.out_ptr_slots.push(None);
            }
        }
        // captured variables: box pointers from the closure object
        for (i, &o) in spec.captures.iter().enumerate() {
            let ptr = self.b.ins().load(types::I64, ir::MemFlagsData::trusted(), self.ctx, 8 * (i as i32 + 1));
            let var = self.b.declare_var(types::I64);
            self.b.def_var(var, ptr);
            self.locals.insert(o, Local::Boxed(var));
        }
        // results
        let has_defers = defer_kind != DeferKind::None && !self.lite;
        for (i, &o) in fi.results.iter().enumerate() {
            let t = sig.results[i];
            if fi.named_results {
                if has_defers {
                    self.declare_result_in_memory(o, t);
                } else {
                    self.declare_local(o, t, None);
                }
                self.result_locals.push(Some(o));
                self.result_slots.push(None);
            } else {
                self.result_locals.push(None);
                if has_defers {
                    let (size, align) = self.p.size_align(t);
                    let s = self.slot(size.max(1), align);
                    let a = self.b.ins().stack_addr(types::I64, s, 0);
                    let z = self.zero(t);
                    self.store(t, &z, a, 0);
                    self.result_slots.push(Some(s));
                } else {
                    self.result_slots.push(None);
                }
            }
        }
        if defer_kind != DeferKind::None {
            self.defers = Some(DeferFrame::new(self, defer_kind, spec.fi.defer_count as usize));
        }
    }

    /// Named result of a defer frame: in a stack slot, or boxed with the box address in a slot.
    fn declare_result_in_memory(&mut self, o: ObjId, t: TypeId) {
        let (size, align) = self.p.size_align(t);
        if (self.is_escaping(o) && !self.lives_in_frame(o)) || size > super::func::MAX_FRAME_OBJECT {
            let addr = self.new_object(t);
            let s = self.slot(8, 8);
            self.b.ins().stack_store(types::I64, addr, s, 0);
            self.locals.insert(o, Local::BoxSlot(s));
        } else {
            let s = self.slot(size.max(1), align);
            let a = self.b.ins().stack_addr(types::I64, s, 0);
            let z = self.zero(t);
            self.store(t, &z, a, 0);
            self.locals.insert(o, Local::Slot(s));
        }
    }

    /// Lowers `return exprs`.
    pub fn return_stmt(&mut self, exprs: &[ast::Expr], span: crate::diag::Span) {
        if self.inline_ret.is_some() {
            let tys = self.result_tys.clone();
            let vals: Vec<V> = if exprs.len() == 1 && tys.len() > 1 {
                self.multi_value_as(&exprs[0], &tys)
            } else {
                exprs.iter().zip(tys).map(|(e, t)| self.expr_as(e, t)).collect()
            };
            self.inline_return(&vals);
            return;
        }
        if self.rf_return(exprs) {
            return;
        }
        let vals: Vec<V> = if exprs.len() == 1 && self.result_tys.len() > 1 {
            let tys = self.result_tys.clone();
            self.multi_value_as(&exprs[0], &tys)
        } else {
            let tys = self.result_tys.clone();
            exprs.iter().zip(tys).map(|(e, t)| self.expr_as(e, t)).collect()
        };
        self.emit_return(&vals, span);
    }

    /// Stores the results (if given) and leaves the function (through the defers, if any).
    pub fn emit_return(&mut self, vals: &[V], _span: crate::diag::Span) {
        let tys = self.result_tys.clone();
        if self.defers.is_some() {
            // copy values first (a result may alias another result's storage)
            let vals: Vec<V> = vals.iter().zip(&tys).map(|(v, &t)| self.copy_to_temp(t, v)).collect();
            for (i, v) in vals.iter().enumerate() {
                self.store_result(i, v);
            }
            // Each `return` runs the defers in its own exit sequence, as gc does, so the deferred
            // calls (and their panics) are attributed to the `return`'s line.
            self.exit_through_defers();
            self.dead();
            return;
        }
        let vals: Vec<V> = if vals.is_empty() && !tys.is_empty() {
            (0..tys.len()).map(|i| self.load_result(i)).collect()
        } else {
            vals.to_vec()
        };
        self.return_values(&vals);
    }

    fn store_result(&mut self, i: usize, v: &V) {
        let t = self.result_tys[i];
        if let Some(o) = self.result_locals[i] {
            self.write_local(o, t, v);
        } else {
            if let Some(s) = self.result_slots[i] {
                let a = self.b.ins().stack_addr(types::I64, s, 0);
                self.store(t, v, a, 0);
            }
            // unnamed word results cannot change after `return`: keep them in SSA for the
            // normal exit (the slot serves the deferreturn block)
            if let V::W(ws) = v {
                while self.result_vars.len() <= i {
                    self.result_vars.push(None);
                }
                let vars = match self.result_vars[i].clone() {
                    Some(vs) => vs,
                    None => {
                        let vs: Vec<_> = ws.iter().map(|&w| {
                            let ty = self.b.func.dfg.value_type(w);
                            self.b.declare_var(ty)
                        }).collect();
                        self.result_vars[i] = Some(vs.clone());
                        vs
                    }
                };
                for (var, &w) in vars.iter().zip(ws) {
                    self.b.def_var(*var, w);
                }
            }
        }
    }

    /// Reads result `i` from its storage (named results or result slots).
    pub fn load_result(&mut self, i: usize) -> V {
        let t = self.result_tys[i];
        if let Some(o) = self.result_locals[i] {
            self.read_local(o, t)
        } else if let Some(s) = self.result_slots[i] {
            let a = self.b.ins().stack_addr(types::I64, s, 0);
            self.load(t, a, 0)
        } else {
            self.zero(t)
        }
    }

    /// Emits the machine return of the given result values.
    pub fn return_values(&mut self, vals: &[V]) {
        let tys = self.result_tys.clone();
        let mut words = vec![];
        for (i, (v, &t)) in vals.iter().zip(&tys).enumerate() {
            if let Some(s) = self.out_ptr_slots[i] {
                let out = self.b.ins().stack_load(types::I64, types::I64, s, 0);
                self.store(t, v, out, 0);
            } else {
                words.extend(v.words());
            }
        }
        self.go_return(&words);
        self.dead();
    }
}
