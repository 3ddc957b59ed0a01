//! Code for hooked functions (`hooks::HOOKS`): the body each hooked GOROOT function gets, and
//! the inline ops direct calls emit in place of a call.
//!
//! A hook body is an ordinary Go function of the declared signature (so function values,
//! tracebacks and the function table treat it as any other): its parameters' words go to the
//! op, the runtime entry or nothing, and its results come back as words. `Go` hooks have no body
//! of their own: the hooked function is the target function.

use cranelift_codegen::ir::{self, AtomicRmwOp, InstBuilder, MemFlagsData, Value, condcodes::IntCC, types};

use super::func::{FnCx, V};
use super::hooks::{Hook, Impl, Op};
use super::{DeferKind, FuncMeta, LowerError};
use crate::types::TypeId;

impl<'a> super::prog::Prog<'a> {
    /// Defines `id` (declared with the Go signature `params -> results`) as `hook`'s body.
    pub fn define_hook_body(
        &mut self,
        id: cranelift_module::FuncId,
        name: String,
        decl_line: u32,
        hook: &'static Hook,
        results: &[TypeId],
    ) -> Result<(), LowerError> {
        let meta = FuncMeta { go_name: name, decl_line, defer_kind: DeferKind::None, is_wrapper: false };
        let results = results.to_vec();
        self.build_fn(id, meta, |cx| {
            let entry = cx.block();
            cx.b.append_block_params_for_function_params(entry);
            cx.at(entry);
            let params = cx.b.block_params(entry).to_vec();
            cx.ctx = params[0];
            let rets = cx.hook_words(hook, &params[1..], &results);
            cx.b.ins().return_(&rets);
        })
    }
}

impl<'p, 'a, 'f> FnCx<'p, 'a, 'f> {
    /// The results of an inline hook's op on argument words `args`, split per Go result.
    pub fn inline_hook_call(&mut self, hook: &'static Hook, args: &[Value], results: &[TypeId]) -> Vec<V> {
        let words = self.hook_words(hook, args, results);
        let mut k = 0;
        let mut out = vec![];
        for &r in results {
            let n = self.p.repr(r).words().len();
            out.push(V::W(words[k..k + n].to_vec()));
            k += n;
        }
        out
    }

    /// The result words `hook` computes from the parameter words `args`.
    fn hook_words(&mut self, hook: &'static Hook, args: &[Value], results: &[TypeId]) -> Vec<Value> {
        let ret_tys: Vec<ir::Type> = results.iter().flat_map(|&r| self.p.repr(r).words().to_vec()).collect();
        match hook.imp {
            Impl::Inline(op) => self.hook_op(op, args, &ret_tys),
            Impl::Entry { sym, out: false } => self.lib(sym, args),
            Impl::Entry { sym, out: true } => {
                let n = ret_tys.len() as u64;
                let buf = self.temp(8 * n.max(1), 8);
                let mut all = args.to_vec();
                all.push(buf);
                self.lib(sym, &all);
                ret_tys.iter().enumerate().map(|(i, &t)| self.b.ins().load(t, MemFlagsData::trusted(), buf, 8 * i as i32)).collect()
            }
            Impl::Unsupported(sym) => {
                // the entry panics; the zero results only satisfy the verifier
                self.lib(sym, &[]);
                ret_tys.iter().map(|&t| match t { types::F32 => self.b.ins().f32const(0.0), types::F64 => self.b.ins().f64const(0.0), _ => self.b.ins().iconst(t, 0) }).collect()
            }
            // the function's address is the native code's (`Prog::natives`); Go never calls it
            Impl::Native { .. } => {
                self.b.ins().trap(ir::TrapCode::unwrap_user(1));
                let dead = self.block();
                self.at(dead);
                ret_tys.iter().map(|&t| match t { types::F32 => self.b.ins().f32const(0.0), types::F64 => self.b.ins().f64const(0.0), _ => self.b.ins().iconst(t, 0) }).collect()
            }
            // resolved to the target function when declared; never emitted
            Impl::Go(target) => panic!("hook {} is the Go function {target}, not code", hook.name),
        }
    }

    fn hook_op(&mut self, op: Op, args: &[Value], rets: &[ir::Type]) -> Vec<Value> {
        let flags = MemFlagsData::trusted();
        match op {
            Op::Floor => vec![self.b.ins().floor(args[0])],
            Op::Ceil => vec![self.b.ins().ceil(args[0])],
            Op::Trunc => vec![self.b.ins().trunc(args[0])],
            Op::Sqrt => vec![self.b.ins().sqrt(args[0])],
            Op::Fma => vec![self.b.ins().fma(args[0], args[1], args[2])],
            Op::Const(c) => vec![self.b.ins().iconst(rets[0], c)],
            Op::Nop => vec![],
            Op::CallFunc => {
                let clo = *args.last().expect("CallFunc has a func parameter");
                self.nil_check(clo);
                let code = self.b.ins().load(types::I64, flags, clo, 0);
                let sref = self.b.import_signature(FnCx::go_sig(&[], &[]));
                self.emit_call(super::func::Callee::Indirect(sref, code), &[clo], true);
                vec![]
            }
            Op::ReflectCall => {
                let (f, frame, ret_off) = (args[1], args[2], args[4]);
                self.nil_check(f);
                let plan = self.temp(gojit_runtime::reflectcall::PLAN_SIZE as u64, 16);
                self.lib("gort_reflect_call_prepare", &[f, frame, ret_off, plan]);
                self.lib("gort_reflect_invoke", &[plan]);
                self.lib("gort_reflect_call_finish", &[plan, frame, ret_off]);
                vec![]
            }
            Op::FuncPC => {
                // the func value is the `any`'s data word (a closure, stored directly); its code
                // address is the closure's first word
                self.nil_check(args[1]);
                vec![self.b.ins().load(types::I64, flags, args[1], 0)]
            }
            Op::AtomicLoad => {
                self.nil_check(args[0]);
                vec![self.b.ins().atomic_load(rets[0], flags, args[0])]
            }
            Op::AtomicStore => {
                self.nil_check(args[0]);
                self.b.ins().atomic_store(flags, args[1], args[0]);
                vec![]
            }
            Op::AtomicXchg | Op::AtomicAnd | Op::AtomicOr => {
                self.nil_check(args[0]);
                let rmw = match op {
                    Op::AtomicXchg => AtomicRmwOp::Xchg,
                    Op::AtomicAnd => AtomicRmwOp::And,
                    _ => AtomicRmwOp::Or,
                };
                let t = self.b.func.dfg.value_type(args[1]);
                let old = self.b.ins().atomic_rmw(t, flags, rmw, args[0], args[1]);
                if rets.is_empty() { vec![] } else { vec![old] }
            }
            Op::AtomicAdd => {
                self.nil_check(args[0]);
                let t = self.b.func.dfg.value_type(args[1]);
                let old = self.b.ins().atomic_rmw(t, flags, AtomicRmwOp::Add, args[0], args[1]);
                vec![self.b.ins().iadd(old, args[1])]
            }
            Op::AtomicCas => {
                self.nil_check(args[0]);
                let old = self.b.ins().atomic_cas(flags, args[0], args[1], args[2]);
                vec![self.b.ins().icmp(IntCC::Equal, old, args[1])]
            }
        }
    }
}
