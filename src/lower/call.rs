//! Calls: Go functions (direct), func values (closures, nil check), concrete and interface
//! methods, builtins, and calls of the runtime library entries (`rt::DECLS`).
//!
//! Argument passing (see `prog.rs`): ctx, receiver, parameters flattened (aggregates by address of
//! a value the callee copies in its prologue), out pointers for aggregate results; variadic
//! arguments are packed into a fresh slice unless spread with `...`.

use cranelift_codegen::ir::{InstBuilder, MemFlagsData, Value, condcodes::IntCC, types};

use crate::syntax::ast::{self, ExprKind};
use crate::types::{Builtin, MethodTarget, Mode, ObjKind, SelectionKind, Type as GoType, TypeId, TypeTable};

use super::func::{Callee, FnCx, V};
use super::rt::Rt;
use super::tyview::{self, Repr};

impl<'p, 'a, 'f> FnCx<'p, 'a, 'f> {
    /// Lowers a call expression; returns its results. The call's code takes the line of its `(`,
    /// as gc positions a call (`func() {...}()` at its last line, `x.\n\tF()` at `F`'s): the line
    /// tracebacks and `runtime.Caller` give for it.
    pub fn call(&mut self, e: &ast::Expr) -> Vec<V> {
        let ExprKind::Call { lparen, .. } = &e.kind else { return vec![] };
        let saved = self.b.srcloc();
        self.set_line(*lparen);
        let pending = self.uintptr_args.len();
        let r = self.call_here(e);
        self.keep_uintptr_args(pending);
        self.b.set_srcloc(saved);
        r
    }

    /// Keeps the pointers passed as `uintptr(unsafe.Pointer(p))` to the call just lowered alive
    /// until it has returned (gc keeps them so for `//go:uintptrkeepalive` and
    /// `//go:uintptrescapes` functions, syscall wrappers among them): a store of each after the
    /// call is a use, so the stack map of every safepoint inside the call holds it.
    fn keep_uintptr_args(&mut self, from: usize) {
        if self.uintptr_args.len() <= from || !self.open() {
            self.uintptr_args.truncate(from);
            return;
        }
        let slot = match self.keepalive_slot {
            Some(s) => s,
            None => {
                let s = self.slot(8, 8);
                self.keepalive_slot = Some(s);
                s
            }
        };
        for v in self.uintptr_args.split_off(from) {
            self.b.ins().stack_store(types::I64, v, slot, 0);
        }
    }

    /// Whether argument `a` is `uintptr(x)` with `x` an `unsafe.Pointer`.
    fn is_pointer_as_uintptr(&self, a: &ast::Expr) -> bool {
        let ExprKind::Call { fun, args, .. } = &a.unparen().kind else { return false };
        args.len() == 1
            && self.p.info.types[fun.id].mode == Mode::TypeExpr
            && matches!(self.p.tt.under(self.ty(a)), GoType::Basic(crate::types::ty::BasicKind::Uintptr))
            && matches!(self.p.tt.under(self.ty(&args[0])), GoType::Basic(crate::types::ty::BasicKind::UnsafePointer))
    }

    fn call_here(&mut self, e: &ast::Expr) -> Vec<V> {
        let ExprKind::Call { fun, args, dots, .. } = &e.kind else { return vec![] };
        let fun = fun.unparen();
        if let Mode::Builtin(b) = self.p.info.types[fun.id].mode.clone() {
            return self.builtin(b, e, args, dots.is_some());
        }
        // `x.m[int](args)`: a generic method's instance, called as `x.m(args)`
        let fun = match &fun.kind {
            ExprKind::Index { x, .. } | ExprKind::IndexList { x, .. }
                if self.p.info.selections.contains_key(&x.unparen().id)
                    && self.p.info.instances.contains_key(&super::prog::Prog::instance_key(x)) =>
            {
                x.unparen()
            }
            _ => fun,
        };
        // method calls
        if let Some(sel) = self.p.selection(fun.id) {
            if let ExprKind::Selector { x, .. } = &fun.kind {
                match sel.kind {
                    SelectionKind::MethodVal => {
                        if let Some(MethodTarget::Concrete { func, ptr_recv, named, targs, .. }) = sel.method.clone() {
                            let recv = match self.recv_overrides.get(&fun.id) {
                                Some(v) => v.words(),
                                None => self.method_receiver(x, &sel.path, sel.recv, ptr_recv),
                            };
                            let fsig = self.p.tt.signature(sel.ty).cloned().unwrap();
                            let mut words = recv;
                            words.extend(self.call_args(&fsig, args, dots.is_some()));
                            if let Some(fid) = self.p.method_fn(func, named, &targs) {
                                let fr = self.func_ref(fid);
                                return self.finish_call(Callee::Direct(fr), words, &fsig.results);
                            }
                            return vec![];
                        }
                    }
                    SelectionKind::InterfaceMethod => {
                        if let Some(MethodTarget::Interface { index, .. }) = sel.method.clone() {
                            let iv = match self.recv_overrides.get(&fun.id) {
                                Some(v) => v.clone(),
                                None => self.embedded_value(x, &sel.path, sel.recv),
                            };
                            let w = iv.words();
                            self.nil_check(w[0]);
                            let code = self.b.ins().load(types::I64, MemFlagsData::trusted(), w[0], gojit_runtime::abi::itab::ITAB_FUN_OFFSET + 8 * index as i32);
                            let fsig = self.p.tt.signature(sel.ty).cloned().unwrap();
                            let mut words = vec![w[1]];
                            words.extend(self.call_args(&fsig, args, dots.is_some()));
                            let sref = self.import_go_signature(Some(TypeTable::INT), &fsig.params, &fsig.results);
                            return self.finish_call(Callee::Indirect(sref, code), words, &fsig.results);
                        }
                    }
                    SelectionKind::MethodExpr => {}
                    SelectionKind::FieldVal | SelectionKind::TypeParamMethod => {}
                }
            }
        }
        // static function
        // `F[int](x)`: the instance, as if `F` were called
        let fun = match &fun.kind {
            ExprKind::Index { x, .. } | ExprKind::IndexList { x, .. }
                if self.p.info.instances.contains_key(&super::prog::Prog::instance_key(x)) =>
            {
                x.unparen()
            }
            _ => fun,
        };
        let obj = match &fun.kind {
            ExprKind::Ident(i) => self.p.info.object_of(i.id),
            ExprKind::Selector { sel, .. } if !self.p.info.selections.contains_key(&fun.id) => self.p.info.object_of(sel.id),
            _ => None,
        };
        if !self.overrides.contains_key(&fun.id) {
            if let Some(o) = obj {
                match self.p.info.obj(o).kind.clone() {
                    ObjKind::Func { .. } => {
                        if self.p.func_name(o) == "internal/abi.EscapeNonString" {
                            // gc's intrinsic (its Go body panics, so it is never inlined either):
                            // it moves v to the heap so that hash/maphash never hashes the address
                            // of a stack variable, which gc's stack growth could move. gojit's
                            // goroutine stacks never move, so the call does nothing (its argument
                            // is still evaluated).
                            let fsig = self.p.tt.signature(self.ty(fun)).cloned().unwrap();
                            self.call_args(&fsig, args, dots.is_some());
                            return vec![];
                        }
                        if let Some(vals) = self.try_inline_call(o, fun, e) {
                            return vals;
                        }
                        if let Some(vals) = self.try_guard_call(o, fun, e) {
                            return vals;
                        }
                        let fsig = self.p.tt.signature(self.ty(fun)).cloned().unwrap();
                        let words = self.call_args(&fsig, args, dots.is_some());
                        if let Some(&h) = self.p.inline_hooks.get(&o) {
                            return self.inline_hook_call(h, &words, &fsig.results);
                        }
                        let fid = self.p.func_for(o, super::prog::Prog::instance_key(fun)).expect("declared function");
                        let fr = self.func_ref(fid);
                        return self.finish_call(Callee::Direct(fr), words, &fsig.results);
                    }
                    _ => {}
                }
            }
        }
        // func value
        let ft = self.ty(fun);
        let fsig = self.p.tt.signature(ft).cloned().unwrap_or(crate::types::ty::Signature { params: vec![], results: vec![], variadic: false });
        let clo = self.expr(fun).w0();
        let words = self.call_args(&fsig, args, dots.is_some());
        self.nil_check(clo);
        let code = self.b.ins().load(types::I64, MemFlagsData::trusted(), clo, 0);
        let sref = self.import_go_signature(None, &fsig.params, &fsig.results);
        let mut all = vec![clo];
        all.extend(words);
        self.finish_call_ctx(Callee::Indirect(sref, code), all, &fsig.results)
    }

    /// Emits a call of a function that is not a closure and splits the results. Such a callee
    /// never reads its `ctx` parameter (only closures load captures through it), so `ctx` gets a
    /// word the call passes anyway (the first `i64` argument word) rather than a constant 0: a
    /// constant shared by several calls would otherwise be kept in a callee-saved register across
    /// them (one more save/restore per frame; fib). Without such a word `ctx` is 0.
    pub fn finish_call(&mut self, callee: Callee, words: Vec<Value>, results: &[TypeId]) -> Vec<V> {
        let ctx = match words.first() {
            Some(&w) if self.b.func.dfg.value_type(w) == types::I64 => w,
            _ => self.i64c(0),
        };
        let mut all = vec![ctx];
        all.extend(words);
        self.finish_call_ctx(callee, all, results)
    }

    fn finish_call_ctx(&mut self, callee: Callee, mut all: Vec<Value>, results: &[TypeId]) -> Vec<V> {
        let mut outs = vec![];
        for &r in results {
            if let Repr::Mem { size, align } = self.p.repr(r) {
                let a = self.temp(size, align);
                all.push(a);
                outs.push(Some(a));
            } else {
                outs.push(None);
            }
        }
        let rets = self.emit_call(callee, &all, true);
        let mut k = 0;
        let mut vals = vec![];
        for (i, &r) in results.iter().enumerate() {
            match outs[i] {
                Some(a) => vals.push(V::M(a)),
                None => {
                    let n = self.p.repr(r).words().len();
                    vals.push(V::W(rets[k..k + n].to_vec()));
                    k += n;
                }
            }
        }
        vals
    }

    /// Flattened argument words for a call with signature `sig`.
    pub fn call_args(&mut self, sig: &crate::types::ty::Signature, args: &[ast::Expr], spread: bool) -> Vec<Value> {
        let vals = self.arg_values(sig, args, spread);
        let mut words = vec![];
        for v in vals {
            words.extend(v.words());
        }
        words
    }

    /// Argument values converted to the parameter types (variadic packed).
    pub fn arg_values(&mut self, sig: &crate::types::ty::Signature, args: &[ast::Expr], spread: bool) -> Vec<V> {
        let np = sig.params.len();
        // f(g()) with multi-value g
        let mut raw: Vec<(V, TypeId, Option<&ast::Expr>)> = vec![];
        // (only a tuple-typed argument: a variadic `f(w io.Writer, a ...any)` called as `f(&buf)`
        // has one argument for two parameters too, and that argument still converts to `w`'s type)
        if args.len() == 1 && matches!(self.p.tt.get(self.ty(&args[0])), GoType::Tuple(_)) {
            let tys = self.p.tt.tuple_elems(self.ty(&args[0]));
            let vs = self.expr_multi(&args[0]);
            for (v, t) in vs.into_iter().zip(tys) {
                raw.push((v, t, None));
            }
        } else {
            for a in args {
                let pi = raw.len();
                let target = if sig.variadic && pi + 1 >= np && !spread {
                    match self.p.tt.under(sig.params[np - 1]) {
                        GoType::Slice(el) => *el,
                        _ => sig.params[np - 1],
                    }
                } else {
                    sig.params.get(pi).copied().unwrap_or(TypeTable::INVALID)
                };
                let v = self.expr_as(a, target);
                let v = self.copy_to_temp(target, &v);
                if self.is_pointer_as_uintptr(a) {
                    self.uintptr_args.extend(v.words());
                }
                raw.push((v, target, Some(a)));
            }
        }
        if !sig.variadic || spread {
            // convert multi-value results to parameter types
            return raw
                .into_iter()
                .enumerate()
                .map(|(i, (v, t, e))| match (e, sig.params.get(i)) {
                    (None, Some(&pt)) if pt != t && tyview::is_interface(self.p.tt, pt) => self.to_iface(v, t, pt),
                    _ => v,
                })
                .collect();
        }
        let fixed = np - 1;
        let mut out: Vec<V> = vec![];
        let mut extra = vec![];
        for (i, (v, t, e)) in raw.into_iter().enumerate() {
            if i < fixed {
                // a spread multi-value call's results convert to the fixed parameters' types
                // here (`f(g())` with `f(w io.Writer, a ...any)` and `g` returning `*T, int`)
                let pt = sig.params[i];
                out.push(if e.is_none() && pt != t && tyview::is_interface(self.p.tt, pt) { self.to_iface(v, t, pt) } else { v });
            } else {
                extra.push((v, t, e));
            }
        }
        let st = sig.params[fixed];
        let el = match self.p.tt.under(st) {
            GoType::Slice(el) => *el,
            _ => st,
        };
        if extra.is_empty() {
            out.push(self.zero(st));
            return out;
        }
        let (esz, _) = self.p.size_align(el);
        let n = extra.len() as i64;
        let base = if esz * n as u64 <= 1024 && false {
            self.temp(esz * n as u64, 8)
        } else {
            let td = self.p.typedesc(el);
            let tdv = self.i64c(td as i64);
            let nv = self.i64c(n);
            let sl = self.temp(24, 8);
            self.rt(Rt::MakeSlice, &[tdv, nv, nv, sl]);
            self.b.ins().load(types::I64, MemFlagsData::trusted(), sl, 0)
        };
        for (i, (v, t, e)) in extra.into_iter().enumerate() {
            let v = if e.is_none() && t != el && tyview::is_interface(self.p.tt, el) { self.to_iface(v, t, el) } else { v };
            self.store(el, &v, base, (i as u64 * esz) as i32);
        }
        let nv = self.i64c(n);
        out.push(V::W(vec![base, nv, nv]));
        out
    }

    /// The receiver words for a concrete method call on `x` through embedded `path`.
    pub fn method_receiver(&mut self, x: &ast::Expr, path: &[u32], xt: TypeId, ptr_recv: bool) -> Vec<Value> {
        let is_ptr = matches!(self.p.tt.under(xt), GoType::Pointer(_));
        if path.is_empty() && ptr_recv && !is_ptr {
            return vec![self.addr_of(x)];
        }
        let xv = self.expr(x);
        self.receiver_of_value(xv, xt, path, ptr_recv)
    }

    /// The receiver words for a method reached from the value `xv` of type `xt` through embedded
    /// fields `path`: the pointer (pointer receivers) or a copy of the value (value receivers),
    /// embedded pointers followed and nil-checked.
    pub fn receiver_of_value(&mut self, xv: V, xt: TypeId, path: &[u32], ptr_recv: bool) -> Vec<Value> {
        let is_ptr = matches!(self.p.tt.under(xt), GoType::Pointer(_));
        if path.is_empty() {
            return match (is_ptr, ptr_recv) {
                (true, true) => vec![xv.w0()],
                (false, true) => vec![self.value_addr(xt, &xv)],
                (true, false) => {
                    let p = xv.w0();
                    self.nil_check(p);
                    let et = self.p.tt.pointer_elem(xt).unwrap();
                    let v = self.load(et, p, 0);
                    self.copy_to_temp(et, &v).words()
                }
                (false, false) => self.copy_to_temp(xt, &xv).words(),
            };
        }
        let base = if is_ptr { xv.w0() } else { self.value_addr(xt, &xv) };
        let (addr, ft) = self.field_path_addr(base, xt, path);
        let is_ptr = matches!(self.p.tt.under(ft), GoType::Pointer(_));
        match (is_ptr, ptr_recv) {
            (true, true) => vec![self.b.ins().load(types::I64, MemFlagsData::trusted(), addr, 0)],
            (false, true) => vec![addr],
            (true, false) => {
                let p = self.b.ins().load(types::I64, MemFlagsData::trusted(), addr, 0);
                self.nil_check(p);
                let et = self.p.tt.pointer_elem(ft).unwrap();
                let v = self.load(et, p, 0);
                self.copy_to_temp(et, &v).words()
            }
            (false, false) => {
                let v = self.load(ft, addr, 0);
                self.copy_to_temp(ft, &v).words()
            }
        }
    }

    /// The value reached from `x` through embedded fields `path` (for interface method calls).
    fn embedded_value(&mut self, x: &ast::Expr, path: &[u32], xt: TypeId) -> V {
        if path.is_empty() {
            return self.expr(x);
        }
        let base = if matches!(self.p.tt.under(xt), GoType::Pointer(_)) {
            self.expr(x).w0()
        } else {
            match self.expr(x) {
                V::M(a) => a,
                v => self.value_addr(xt, &v),
            }
        };
        let (addr, ft) = self.field_path_addr(base, xt, path);
        self.load(ft, addr, 0)
    }

    /// The receiver a method value or deferred method call binds, evaluated now as Go does: the
    /// value (copied) or pointer the method takes, reached through `s.path` (embedded pointers
    /// dereferenced, nil-checked), or the interface value (nil-checked). Returns the type it is
    /// stored as and the value.
    pub fn bound_receiver(&mut self, x: &ast::Expr, s: &crate::types::Selection) -> Option<(TypeId, V)> {
        match s.method.clone()? {
            MethodTarget::Concrete { ptr_recv, .. } => {
                let end = self.path_end_type(s.recv, &s.path);
                let base = self.p.tt.pointer_elem(end).filter(|_| matches!(self.p.tt.under(end), GoType::Pointer(_))).unwrap_or(end);
                let words = self.method_receiver(x, &s.path, s.recv, ptr_recv);
                if ptr_recv {
                    Some((self.p.tt_pointer_like(), V::W(words)))
                } else {
                    let v = match self.p.repr(base) {
                        Repr::Mem { .. } => V::M(words[0]),
                        Repr::Words(_) => V::W(words),
                    };
                    Some((base, v))
                }
            }
            MethodTarget::Interface { .. } => {
                let iv = self.embedded_value(x, &s.path, s.recv);
                let w = iv.words();
                self.nil_check(w[0]);
                Some((TypeTable::EMPTY_INTERFACE, iv))
            }
        }
    }

    /// A method value `x.M` (not called): a closure `[wrapper, receiver...]` binding a copy of the
    /// receiver (evaluated now); the wrapper (`is_wrapper`) calls the method with it.
    pub fn method_value(&mut self, e: &ast::Expr, x: &ast::Expr, s: &crate::types::Selection) -> V {
        let Some(fsig) = self.p.tt.signature(s.ty).cloned() else { return V::one(self.i64c(0)) };
        let Some((recv_t, recv_v)) = self.bound_receiver(x, s) else { return V::one(self.i64c(0)) };
        let mut method_named = TypeTable::INVALID;
        let mut mtargs = vec![];
        let target = match s.method.clone() {
            Some(MethodTarget::Concrete { func, named, targs, .. }) => {
                method_named = named;
                mtargs = targs;
                Err(func)
            }
            Some(MethodTarget::Interface { index, .. }) => Ok(index),
            None => return V::one(self.i64c(0)),
        };
        let (rsize, ralign) = self.p.size_align(recv_t);
        let off = 8u64.div_ceil(ralign.max(1)) * ralign.max(1);
        let size = (off + rsize).div_ceil(8) * 8;
        let sz = self.i64c(size as i64);
        let al = self.i64c(8);
        let obj = self.rt(Rt::Alloc, &[sz, al])[0];
        self.store(recv_t, &recv_v, obj, off as i32);
        // the wrapper
        let sig = self.p.go_signature(None, &fsig.params, &fsig.results);
        // gc's names: the method's own (`main.(*Box[...]).Get-fm`), or the interface's
        // (`main.I.M-fm`)
        let name = match &target {
            Err(f) => format!("{}-fm", self.p.method_target_name(*f, method_named, &mtargs)),
            Ok(_) => {
                let m = match &e.unparen().kind {
                    ast::ExprKind::Selector { sel, .. } => sel.name.clone(),
                    _ => String::new(),
                };
                let it = self.embedded_type(s.recv, &s.path);
                let i = self.p.method_sym(it, &m).unwrap_or_else(|| format!("{}.{m}", self.p.tt.type_string(it)));
                format!("{i}-fm")
            }
        };
        let Ok(wid) = self.p.declare_fn(&name, &sig) else { return V::one(self.i64c(0)) };
        let line = self.p.src.gc_line(e.span.lo);
        let loc = self.p.line_loc(e.span.lo) & super::func::LINE_MASK;
        let meta = super::FuncMeta { go_name: name, decl_line: line, defer_kind: super::DeferKind::None, is_wrapper: true };
        let method_fid = match &target {
            Err(f) => self.p.method_fn(*f, method_named, &mtargs),
            Ok(_) => None,
        };
        let msig = match &target {
            Err(_) => None,
            Ok(_) => Some((fsig.params.clone(), fsig.results.clone())),
        };
        let _ = self.p.build_fn(wid, meta, |cx| {
            let entry = cx.block();
            cx.b.set_srcloc(cranelift_codegen::ir::SourceLoc::new(loc));
            let ps = cx.entry_params(entry);
            let ctx = ps[0];
            let rv = cx.load(recv_t, ctx, off as i32);
            let z = cx.i64c(0);
            let rets = match (&target, method_fid, msig) {
                (Err(_), Some(fid), _) => {
                    let mut args = vec![z];
                    args.extend(rv.words());
                    args.extend_from_slice(&ps[1..]);
                    let fr = cx.func_ref(fid);
                    cx.emit_call(Callee::Direct(fr), &args, true)
                }
                (Ok(index), _, Some(msig)) => {
                    let w = rv.words();
                    let code = cx.b.ins().load(types::I64, MemFlagsData::trusted(), w[0], gojit_runtime::abi::itab::ITAB_FUN_OFFSET + 8 * *index as i32);
                    let mut args = vec![z, w[1]];
                    args.extend_from_slice(&ps[1..]);
                    let sref = cx.import_go_signature(Some(TypeTable::INT), &msig.0, &msig.1);
                    cx.emit_call(Callee::Indirect(sref, code), &args, true)
                }
                _ => vec![],
            };
            cx.go_return(&rets);
        });
        let fref = self.func_ref(wid);
        let code = self.b.ins().func_addr(types::I64, fref);
        self.b.ins().store(MemFlagsData::trusted(), code, obj, 0);
        V::one(obj)
    }

    /// A method expression `T.M` / `(*T).M`: a static closure of a wrapper taking the receiver
    /// as its first parameter.
    pub fn method_expr(&mut self, s: &crate::types::Selection, t: TypeId) -> V {
        if let Some(MethodTarget::Interface { index, .. }) = s.method.clone() {
            return self.iface_method_expr(s.recv, &s.path, index, t);
        }
        let Some(MethodTarget::Concrete { func, ptr_recv, named, targs, .. }) = s.method.clone() else { return self.zero(t) };
        let Some(fid) = self.p.method_fn(func, named, &targs) else { return self.zero(t) };
        let Some(fsig) = self.p.tt.signature(t).cloned() else { return self.zero(t) };
        let recv_t = s.recv;
        let path = s.path.clone();
        let recv_is_ptr = matches!(self.p.tt.under(recv_t), GoType::Pointer(_));
        let sig = self.p.go_signature(None, &fsig.params, &fsig.results);
        // gc's name: the method symbol of the receiver type written (`main.(*T).M`, also for
        // a value method or one promoted from an embedded field)
        let mname = self.p.info.obj(func).name.clone();
        let name = self.p.method_sym(recv_t, &mname).unwrap_or_else(|| self.p.method_target_name(func, named, &targs));
        let Ok(wid) = self.p.declare_fn(&name, &sig) else { return self.zero(t) };
        let meta = super::FuncMeta { go_name: name, decl_line: 0, defer_kind: super::DeferKind::None, is_wrapper: true };
        let nrecv = self.p.param_words(recv_t).len();
        let _ = self.p.build_fn(wid, meta, |cx| {
            let entry = cx.block();
            let ps = cx.entry_params(entry);
            let z = cx.i64c(0);
            let mut args = vec![z];
            if !ptr_recv && recv_is_ptr && path.is_empty() {
                let p = ps[1];
                let base = cx.p.tt.pointer_elem(recv_t).unwrap();
                cx.panicwrap_check(p, base, func);
            }
            let words = ps[1..1 + nrecv].to_vec();
            let recv = match cx.p.repr(recv_t) {
                Repr::Mem { .. } => V::M(words[0]),
                Repr::Words(_) => V::W(words),
            };
            args.extend(cx.receiver_of_value(recv, recv_t, &path, ptr_recv));
            args.extend_from_slice(&ps[1 + nrecv..]);
            let fr = cx.func_ref(fid);
            let rets = cx.emit_call(Callee::Direct(fr), &args, true);
            cx.go_return(&rets);
        });
        let a = self.p.static_closure(wid);
        V::one(self.i64c(a as i64))
    }

    /// The type of the field an embedding path leads to from a value of type `t` (`t` itself for
    /// an empty path).
    fn embedded_type(&self, t: TypeId, path: &[u32]) -> TypeId {
        let mut at = t;
        for &i in path {
            let base = self.p.tt.pointer_elem(at).unwrap_or(at);
            at = self.p.tt.struct_fields(base).get(i as usize).map_or(at, |f| f.ty);
        }
        at
    }

    /// `I.M` for an interface type `I`: a wrapper `(i I, params...)` dispatching through the itab.
    /// `S.M` for a type `S` (or `*S`) embedding an interface at `path`: the wrapper takes an `S`
    /// and dispatches through the embedded interface's itab.
    fn iface_method_expr(&mut self, it: TypeId, path: &[u32], index: u32, t: TypeId) -> V {
        let path = path.to_vec();
        let nrecv = self.p.param_words(it).len();
        let Some(fsig) = self.p.tt.signature(t).cloned() else { return self.zero(t) };
        let sig = self.p.go_signature(None, &fsig.params, &fsig.results);
        let iface = self.embedded_type(it, &path);
        let mname = self.p.tt.interface_methods(iface).get(index as usize).map(|m| m.name.clone()).unwrap_or_default();
        let name = self.p.method_sym(it, &mname).unwrap_or_else(|| format!("{}.{mname}", self.p.tt.type_string(it)));
        let Ok(wid) = self.p.declare_fn(&name, &sig) else { return self.zero(t) };
        let meta = super::FuncMeta { go_name: name, decl_line: 0, defer_kind: super::DeferKind::None, is_wrapper: true };
        let _ = self.p.build_fn(wid, meta, |cx| {
            let entry = cx.block();
            let ps = cx.entry_params(entry);
            let iw = if path.is_empty() {
                ps[1..3].to_vec()
            } else {
                let words = ps[1..1 + nrecv].to_vec();
                let recv = match cx.p.repr(it) {
                    Repr::Mem { .. } => V::M(words[0]),
                    Repr::Words(_) => V::W(words),
                };
                cx.receiver_of_value(recv, it, &path, false)
            };
            cx.nil_check(iw[0]);
            let code = cx.b.ins().load(types::I64, MemFlagsData::trusted(), iw[0], gojit_runtime::abi::itab::ITAB_FUN_OFFSET + 8 * index as i32);
            let z = cx.i64c(0);
            let mut args = vec![z, iw[1]];
            args.extend_from_slice(&ps[1 + nrecv..]);
            let sref = cx.import_go_signature(Some(TypeTable::INT), &fsig.params[1..], &fsig.results);
            let rets = cx.emit_call(Callee::Indirect(sref, code), &args, true);
            cx.go_return(&rets);
        });
        let a = self.p.static_closure(wid);
        V::one(self.i64c(a as i64))
    }

    /// A qualified identifier used as a value (`os.Args`, `os.Stdout`).
    pub fn qualified(&mut self, sel: &ast::Ident, t: TypeId) -> V {
        let Some(o) = self.p.info.object_of(sel.id) else { return self.zero(t) };
        match self.p.info.obj(o).kind.clone() {
            ObjKind::Const { val, ty } => self.constant(&val, ty),
            // a package compiled from source: its objects are used like the package's own
            ObjKind::Var(_) | ObjKind::Func { .. } => self.ident(sel, t),
            _ => self.zero(t),
        }
    }

    // ---- builtins -----------------------------------------------------------------------------

    /// `unsafe.Sizeof`/`Alignof`/`Offsetof` of an operand whose layout depends on the current
    /// instance's type arguments (the checker left them non-constant).
    fn unsafe_layout_value(&self, b: Builtin, arg: &ast::Expr) -> u64 {
        let tt = self.p.tt;
        if b != Builtin::Offsetof {
            let l = tt.layout(self.ty(arg));
            return if b == Builtin::Sizeof { l.size } else { l.align };
        }
        let ExprKind::Selector { x, sel } = &arg.unparen().kind else { unreachable!("checked Offsetof operand") };
        let mut base = self.ty(x);
        if let GoType::Pointer(p) = tt.under(base) {
            if matches!(tt.under(*p), GoType::Struct { .. }) {
                base = *p;
            }
        }
        let crate::types::Lookup::Field { path, .. } = tt.lookup_any_pkg(base, &sel.name) else {
            unreachable!("checked Offsetof field")
        };
        let (mut off, mut t) = (0, base);
        for &i in &path {
            off += tt.field_offset(t, i as usize);
            let GoType::Struct { fields } = tt.under(t) else { break };
            t = fields[i as usize].ty;
        }
        off
    }

    fn builtin(&mut self, b: Builtin, e: &ast::Expr, args: &[ast::Expr], spread: bool) -> Vec<V> {
        let t = self.ty(e);
        match b {
            Builtin::Len | Builtin::Cap => {
                let at = self.ty(&args[0]);
                let r = match self.p.tt.under(at).clone() {
                    GoType::Basic(_) => self.expr(&args[0]).words()[1],
                    GoType::Slice(_) => {
                        let w = self.expr(&args[0]).words();
                        if b == Builtin::Len { w[1] } else { w[2] }
                    }
                    // The length is the type's, but an operand with calls or receives is still
                    // evaluated (the spec: then `len` is not constant); a nil array pointer is fine.
                    GoType::Array { len, .. } => {
                        if crate::types::contains_call(&args[0], &self.p.info.types) {
                            self.expr(&args[0]);
                        }
                        self.i64c(len as i64)
                    }
                    GoType::Pointer(p) => {
                        let n = match self.p.tt.under(p) {
                            GoType::Array { len, .. } => *len,
                            _ => 0,
                        };
                        if crate::types::contains_call(&args[0], &self.p.info.types) {
                            self.expr(&args[0]);
                        }
                        self.i64c(n as i64)
                    }
                    GoType::Map { .. } => {
                        let m = self.expr(&args[0]).w0();
                        self.rt(Rt::MapLen, &[m])[0]
                    }
                    GoType::Chan { .. } => self.chan_len_cap(&args[0], b == Builtin::Len),
                    _ => self.i64c(0),
                };
                vec![V::one(r)]
            }
            Builtin::New => {
                let et = self.p.tt.pointer_elem(t).unwrap_or(TypeTable::INT);
                if self.p.info.types[args[0].id].is_type() {
                    return vec![V::one(self.new_object(et))];
                }
                // `new(expr)`: the value (already of type et: the checker converted it), then
                // the variable holding it
                let at = self.ty(&args[0]);
                let v = self.expr(&args[0]);
                let v = self.copy_to_temp(at, &v);
                let v = self.value_as(&v, at, et);
                let p = self.new_object(et);
                self.store(et, &v, p, 0);
                vec![V::one(p)]
            }
            Builtin::Make => {
                match self.p.tt.under(t).clone() {
                    GoType::Slice(el) => {
                        let n = if args.len() > 1 { self.index_value(&args[1]) } else { self.i64c(0) };
                        let c = if args.len() > 2 { self.index_value(&args[2]) } else { n };
                        let td = self.p.typedesc(el);
                        let tdv = self.i64c(td as i64);
                        let out = self.temp(24, 8);
                        self.rt(Rt::MakeSlice, &[tdv, n, c, out]);
                        vec![self.load(t, out, 0)]
                    }
                    GoType::Map { .. } => {
                        let hint = if args.len() > 1 { self.index_value(&args[1]) } else { self.i64c(0) };
                        let td = self.p.typedesc(t);
                        let tdv = self.i64c(td as i64);
                        vec![V::one(self.rt(Rt::MakeMap, &[tdv, hint])[0])]
                    }
                    GoType::Chan { .. } => vec![self.make_chan(t, args)],
                    _ => vec![self.zero(t)],
                }
            }
            Builtin::Append if args.len() == 1 && matches!(self.p.tt.get(self.ty(&args[0])), GoType::Tuple(_)) => {
                // append(f()) with a multi-valued f
                let tys = self.p.tt.tuple_elems(self.ty(&args[0]));
                let vs = self.expr_multi(&args[0]);
                let el = match self.p.tt.under(t) {
                    GoType::Slice(el) => *el,
                    _ => TypeTable::UINT8,
                };
                let s = vs[0].words();
                let vals: Vec<V> = vs[1..]
                    .iter()
                    .zip(&tys[1..])
                    .map(|(v, &vt)| {
                        let v = self.convert_implicit(v.clone(), vt, el, &args[0]);
                        self.copy_to_temp(el, &v)
                    })
                    .collect();
                vec![self.append_values(el, s, vals)]
            }
            Builtin::Append => vec![self.append(t, args, spread)],
            Builtin::Close => {
                self.close_chan(&args[0]);
                vec![]
            }
            Builtin::Copy => {
                let (d, dt, s) = if args.len() == 1 {
                    // copy(f()) with a two-valued f
                    let vs = self.expr_multi(&args[0]);
                    let dt = self.p.tt.tuple_elems(self.ty(&args[0]))[0];
                    (vs[0].words(), dt, vs[1].words())
                } else {
                    let dt = self.ty(&args[0]);
                    let d = self.expr(&args[0]).words();
                    (d, dt, self.expr(&args[1]).words())
                };
                let el = match self.p.tt.under(dt) {
                    GoType::Slice(el) => *el,
                    _ => TypeTable::UINT8,
                };
                let (esz, _) = self.p.size_align(el);
                let ev = self.i64c(esz as i64);
                vec![V::one(self.rt(Rt::SliceCopy, &[d[0], d[1], s[0], s[1], ev])[0])]
            }
            Builtin::Delete => {
                let (m, mt, k) = if args.len() == 1 {
                    // delete(f()) with a two-valued f
                    let vs = self.expr_multi(&args[0]);
                    let tys = self.p.tt.tuple_elems(self.ty(&args[0]));
                    let kt = match self.p.tt.under(tys[0]) {
                        GoType::Map { key, .. } => *key,
                        _ => TypeTable::INT,
                    };
                    let k = self.value_as(&vs[1], tys[1], kt);
                    (vs[0].w0(), tys[0], k)
                } else {
                    let mt = self.ty(&args[0]);
                    let kt = match self.p.tt.under(mt) {
                        GoType::Map { key, .. } => *key,
                        _ => TypeTable::INT,
                    };
                    let m = self.expr(&args[0]).w0();
                    (m, mt, self.expr_as(&args[1], kt))
                };
                let kt = match self.p.tt.under(mt) {
                    GoType::Map { key, .. } => *key,
                    _ => TypeTable::INT,
                };
                let kp = self.value_addr(kt, &k);
                let td = self.p.typedesc(mt);
                let tdv = self.i64c(td as i64);
                self.rt(Rt::MapDelete, &[tdv, m, kp]);
                vec![]
            }
            Builtin::Clear => {
                let at = self.ty(&args[0]);
                match self.p.tt.under(at).clone() {
                    GoType::Map { .. } => {
                        let m = self.expr(&args[0]).w0();
                        let td = self.p.typedesc(at);
                        let tdv = self.i64c(td as i64);
                        self.rt(Rt::MapClear, &[tdv, m]);
                    }
                    GoType::Slice(el) => {
                        let w = self.expr(&args[0]).words();
                        let (esz, _) = self.p.size_align(el);
                        let n = self.b.ins().imul_imm_s(w[1], esz as i64);
                        self.memzero_dyn(w[0], n);
                    }
                    _ => {}
                }
                vec![]
            }
            Builtin::Panic => {
                let v = self.expr_as(&args[0], TypeTable::EMPTY_INTERFACE).words();
                self.rt(Rt::GoPanic, &[v[0], v[1]]);
                self.b.ins().trap(cranelift_codegen::ir::TrapCode::unwrap_user(1));
                self.dead();
                vec![]
            }
            Builtin::Recover => {
                let out = self.temp(16, 8);
                self.rt(Rt::Recover, &[out]);
                vec![self.load(TypeTable::EMPTY_INTERFACE, out, 0)]
            }
            Builtin::Print | Builtin::Println => {
                let multi = args.len() == 1 && matches!(self.p.tt.get(self.ty(&args[0])), GoType::Tuple(_));
                if multi {
                    // print(f()) with a multi-valued f
                    let tys = self.p.tt.tuple_elems(self.ty(&args[0]));
                    let vs = self.expr_multi(&args[0]);
                    for (i, (v, t)) in vs.into_iter().zip(tys).enumerate() {
                        if i > 0 && b == Builtin::Println {
                            self.rt(Rt::PrintSp, &[]);
                        }
                        self.print_typed(v, t);
                    }
                }
                for (i, a) in args.iter().enumerate().filter(|_| !multi) {
                    if i > 0 && b == Builtin::Println {
                        self.rt(Rt::PrintSp, &[]);
                    }
                    self.print_value(a);
                }
                if b == Builtin::Println {
                    self.rt(Rt::PrintNl, &[]);
                }
                vec![]
            }
            Builtin::Sizeof | Builtin::Alignof | Builtin::Offsetof => {
                // Constants folded by the checker, except for operands whose size depends on a
                // type argument: computed here from the instance's substituted type.
                if let Some(c) = self.p.info.types[e.id].value().cloned() {
                    return vec![self.constant(&c, t)];
                }
                let v = self.unsafe_layout_value(b, &args[0]);
                vec![V::one(self.b.ins().iconst(types::I64, v as i64))]
            }
            Builtin::Add => {
                let p = self.expr(&args[0]).w0();
                let nt = self.ty(&args[1]);
                let n = self.expr(&args[1]).w0();
                let n = self.to_i64(n, nt);
                vec![V::one(self.b.ins().iadd(p, n))]
            }
            Builtin::Slice | Builtin::String => {
                let p = self.expr(&args[0]).w0();
                let nt = self.ty(&args[1]);
                let n = self.expr(&args[1]).w0();
                let n = self.to_i64(n, nt);
                if b == Builtin::Slice {
                    let el = match self.p.tt.under(t) {
                        GoType::Slice(el) => *el,
                        _ => TypeTable::UINT8,
                    };
                    let (esz, _) = self.p.size_align(el);
                    let esz = self.i64c(esz as i64);
                    self.rt(Rt::UnsafeSlice, &[esz, p, n]);
                    vec![V::W(vec![p, n, n])]
                } else {
                    self.rt(Rt::UnsafeString, &[p, n]);
                    vec![V::W(vec![p, n])]
                }
            }
            Builtin::StringData | Builtin::SliceData => vec![V::one(self.expr(&args[0]).words()[0])],
            Builtin::Complex if args.len() == 1 => {
                let vs = self.expr_multi(&args[0]);
                vec![V::W(vec![vs[0].w0(), vs[1].w0()])]
            }
            Builtin::Complex => {
                let re = self.expr(&args[0]).w0();
                let im = self.expr(&args[1]).w0();
                vec![V::W(vec![re, im])]
            }
            Builtin::Real | Builtin::Imag => {
                let w = self.expr(&args[0]).words();
                vec![V::one(if b == Builtin::Real { w[0] } else { w[1] })]
            }
            Builtin::Min | Builtin::Max => {
                let mut acc = self.expr_as(&args[0], t);
                for a in &args[1..] {
                    let v = self.expr_as(a, t);
                    let op = if b == Builtin::Min { ast::BinaryOp::Lt } else { ast::BinaryOp::Gt };
                    let c = self.compare(op, t, &v, &acc);
                    let (vw, aw) = (v.words(), acc.words());
                    acc = V::W(vw.iter().zip(aw).map(|(&x, y)| self.b.ins().select(c, x, y)).collect());
                }
                vec![acc]
            }
        }
    }

    fn print_value(&mut self, a: &ast::Expr) {
        let t = self.ty(a);
        let v = self.expr(a);
        self.print_typed(v, t);
    }

    /// Prints `v` of type `t` as the `print` builtin does.
    fn print_typed(&mut self, v: V, t: TypeId) {
        let tt = self.p.tt;
        match tt.under(t).clone() {
            GoType::Basic(k) if k.is_string() => {
                let w = v.words();
                self.rt(Rt::PrintString, &[w[0], w[1]]);
            }
            GoType::Basic(k) if k.is_complex() => self.print_complex(&v),
            GoType::Basic(k) if k.is_float() => {
                let x = v.w0();
                if self.b.func.dfg.value_type(x) == types::F32 {
                    let x = self.b.ins().fpromote(types::F64, x);
                    self.rt(Rt::PrintFloat32, &[x]);
                } else {
                    self.rt(Rt::PrintFloat, &[x]);
                }
            }
            GoType::Basic(crate::types::BasicKind::Bool) => {
                self.rt(Rt::PrintBool, &[v.w0()]);
            }
            GoType::Basic(crate::types::BasicKind::UnsafePointer) => {
                self.rt(Rt::PrintPointer, &[v.w0()]);
            }
            GoType::Basic(_) => {
                let signed = tyview::int_info(tt, t).map(|i| i.1).unwrap_or(true);
                let x = self.to_i64(v.w0(), t);
                self.rt(if signed { Rt::PrintInt } else { Rt::PrintUint }, &[x]);
            }
            GoType::Interface { .. } => {
                let w = v.words();
                let typ = self.dyn_type(t, w[0]);
                self.rt(Rt::PrintEface, &[typ, w[1]]);
            }
            GoType::Slice(_) => {
                let w = v.words();
                self.lib("gort_printslice", &[w[0], w[1], w[2]]);
            }
            _ => {
                self.rt(Rt::PrintPointer, &[v.w0()]);
            }
        }
    }

    fn append(&mut self, t: TypeId, args: &[ast::Expr], spread: bool) -> V {
        let el = match self.p.tt.under(t) {
            GoType::Slice(el) => *el,
            _ => TypeTable::UINT8,
        };
        let s = self.expr(&args[0]).words();
        let (esz, _) = self.p.size_align(el);
        if spread {
            let st = self.ty(&args[1]);
            let src = self.expr(&args[1]).words(); // slice or string: ptr, len first
            let _ = st;
            let newlen = self.b.ins().iadd(s[1], src[1]);
            let (p, l, c) = self.grow(el, &s, src[1], newlen);
            let dst = self.elem_addr(p, s[1], el);
            let n = self.b.ins().imul_imm_s(src[1], esz as i64);
            self.rt(Rt::Memmove, &[dst, src[0], n]);
            return V::W(vec![p, l, c]);
        }
        let vals: Vec<V> = args[1..]
            .iter()
            .map(|a| {
                let v = self.expr_as(a, el);
                self.copy_to_temp(el, &v)
            })
            .collect();
        self.append_values(el, s, vals)
    }

    /// Appends `vals` (of the element type `el`) to the slice words `s`.
    fn append_values(&mut self, el: TypeId, s: Vec<Value>, vals: Vec<V>) -> V {
        if vals.is_empty() {
            return V::W(s);
        }
        let added = self.i64c(vals.len() as i64);
        let newlen = self.b.ins().iadd(s[1], added);
        let (p, l, c) = self.grow(el, &s, added, newlen);
        for (i, v) in vals.iter().enumerate() {
            let idx = self.b.ins().iadd_imm_s(s[1], i as i64);
            let a = self.elem_addr(p, idx, el);
            self.store(el, v, a, 0);
        }
        V::W(vec![p, l, c])
    }

    /// Ensures capacity for `newlen`; fast path without a call when it fits. The comparison is
    /// unsigned so that a length overflowing past the maximum int (negative `newlen`) takes the
    /// slow path, where `gort_growslice` panics `growslice: len out of range`.
    fn grow(&mut self, el: TypeId, s: &[Value], added: Value, newlen: Value) -> (Value, Value, Value) {
        let fits = self.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, newlen, s[2]);
        let slow = self.cold_block();
        let join = self.block();
        for _ in 0..3 {
            self.b.append_block_param(join, types::I64);
        }
        self.b.ins().brif(fits, join, &[s[0].into(), newlen.into(), s[2].into()], slow, &[]);
        self.at(slow);
        let old = self.temp(24, 8);
        self.b.ins().store(MemFlagsData::trusted(), s[0], old, 0);
        self.b.ins().store(MemFlagsData::trusted(), s[1], old, 8);
        self.b.ins().store(MemFlagsData::trusted(), s[2], old, 16);
        let td = self.p.typedesc(el);
        let tdv = self.i64c(td as i64);
        self.rt(Rt::GrowSlice, &[tdv, old, added, old]);
        let p = self.b.ins().load(types::I64, MemFlagsData::trusted(), old, 0);
        let l = self.b.ins().load(types::I64, MemFlagsData::trusted(), old, 8);
        let c = self.b.ins().load(types::I64, MemFlagsData::trusted(), old, 16);
        self.b.ins().jump(join, &[p.into(), l.into(), c.into()]);
        self.at(join);
        let ps = self.b.block_params(join).to_vec();
        (ps[0], ps[1], ps[2])
    }

    // ---- library calls ------------------------------------------------------------------------

    /// Calls the runtime library entry `name` (declared in `rt::DECLS`, which gives its
    /// convention and types) with `args`; results are returned in registers.
    pub fn lib(&mut self, name: &'static str, args: &[Value]) -> Vec<Value> {
        let d = self.p.lib_decl(name);
        let args = self.coerce_args(d, args);
        let id = self.p.lib_func(d);
        let fr = self.func_ref(id);
        self.emit_call(Callee::Direct(fr), &args, d.may_panic())
    }

    /// `v` (of type `from`) as a value of interface type `to` (untyped nil: the zero value).
    pub(super) fn value_as(&mut self, v: &V, from: TypeId, to: TypeId) -> V {
        if from == to || !tyview::is_interface(self.p.tt, to) {
            return v.clone();
        }
        if self.p.tt.basic(from) == Some(crate::types::BasicKind::UntypedNil) {
            return self.zero(to);
        }
        self.to_iface(v.clone(), from, to)
    }
}
