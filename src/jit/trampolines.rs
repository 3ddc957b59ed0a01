//! The JIT-generated bridges between the runtime (`system_v`, Rust) and Go code (`tail`):
//! entry (runs `main.main`), defer (runs a deferred func value for a panic), method (runs a
//! `String()`/`Error()` method for fmt and the crash printer, catching panics) and timer call
//! (runs a timer's `func(any, uintptr, int64)` for the scheduler, catching panics). Their exact
//! signatures and behaviour are documented in `gojit_runtime::trampoline`; the runtime recognises
//! their frames through the function table (`FuncKind`).

use super::{FuncMeta, Jit, JitError};
use cranelift_codegen::ir::{
    AbiParam, BlockArg, ExceptionTableData, ExceptionTableItem, InstBuilder, MemFlagsData, Signature, TrapCode,
    UserFuncName, types::I64,
};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::JITModule;
use cranelift_module::{FuncId, Linkage, Module};
use gojit_runtime::funcdata::FuncKind;

pub(super) struct Ids {
    pub entry: FuncId,
    pub defer: FuncId,
    pub method: FuncId,
    pub timercall: FuncId,
    nilderef: FuncId,
}

fn sig(cc: CallConv, params: usize, rets: usize) -> Signature {
    let mut s = Signature::new(cc);
    s.params.extend((0..params).map(|_| AbiParam::new(I64)));
    s.returns.extend((0..rets).map(|_| AbiParam::new(I64)));
    s
}

pub(super) fn declare(m: &mut JITModule) -> Result<Ids, JitError> {
    Ok(Ids {
        entry: m.declare_function("gojit.entry", Linkage::Local, &sig(CallConv::SystemV, 2, 1))?,
        defer: m.declare_function("gojit.defercall", Linkage::Local, &sig(CallConv::SystemV, 2, 0))?,
        method: m.declare_function("gojit.methodcall", Linkage::Local, &sig(CallConv::SystemV, 3, 1))?,
        timercall: m.declare_function("gojit.timercall", Linkage::Local, &sig(CallConv::SystemV, 5, 1))?,
        nilderef: m.declare_function("gort_panic_nilderef", Linkage::Import, &sig(CallConv::Tail, 0, 0))?,
    })
}

fn meta(name: &str) -> FuncMeta {
    FuncMeta { go_name: name.into(), ..FuncMeta::default() }
}

pub(super) fn define_all(jit: &mut Jit) -> Result<(), JitError> {
    let mut fctx = FunctionBuilderContext::new();
    let ids = (jit.tramps.entry, jit.tramps.defer, jit.tramps.method, jit.tramps.nilderef);
    define_entry(jit, &mut fctx, ids.0)?;
    define_defer(jit, &mut fctx, ids.1, ids.3)?;
    define_method(jit, &mut fctx, ids.2)?;
    let timercall = jit.tramps.timercall;
    define_timercall(jit, &mut fctx, timercall)?;
    Ok(())
}

/// Builds `try_call_indirect callee(args)` with normal edge `ok(rets..)` and default handler
/// `caught(exn0, exn1)`.
fn try_call_indirect(
    b: &mut FunctionBuilder,
    callee_sig: Signature,
    callee: cranelift_codegen::ir::Value,
    args: &[cranelift_codegen::ir::Value],
    ok: cranelift_codegen::ir::Block,
    n_rets: u32,
    caught: cranelift_codegen::ir::Block,
) {
    let sig_ref = b.import_signature(callee_sig);
    let rets: Vec<BlockArg> = (0..n_rets).map(BlockArg::TryCallRet).collect();
    let normal = b.func.dfg.block_call(ok, &rets);
    let handler = b.func.dfg.block_call(caught, &[BlockArg::TryCallExn(0), BlockArg::TryCallExn(1)]);
    let et = b.func.dfg.exception_tables.push(ExceptionTableData::new(sig_ref, normal, [ExceptionTableItem::Default(handler)]));
    b.ins().try_call_indirect(callee, args, et);
}

/// `entry(closure, fp_out) -> status`.
fn define_entry(jit: &mut Jit, fctx: &mut FunctionBuilderContext, id: FuncId) -> Result<(), JitError> {
    let mut ctx = jit.module.make_context();
    let module_cfg = jit.module.target_config();
    ctx.func.signature = sig(CallConv::SystemV, 2, 1);
    ctx.func.name = UserFuncName::user(0, id.as_u32());
    {
        let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
        let b0 = b.create_block();
        let ok = b.create_block();
        let caught = b.create_block();
        b.append_block_params_for_function_params(b0);
        b.append_block_param(caught, I64);
        b.append_block_param(caught, I64);
        b.switch_to_block(b0);
        let (closure, fp_out) = (b.block_params(b0)[0], b.block_params(b0)[1]);
        let fp = b.ins().get_frame_pointer(I64);
        b.ins().store(MemFlagsData::trusted(), fp, fp_out, 0);
        let code = b.ins().load(I64, MemFlagsData::trusted(), closure, 0);
        try_call_indirect(&mut b, sig(CallConv::Tail, 1, 0), code, &[closure], ok, 0, caught);
        b.switch_to_block(ok);
        let zero = b.ins().iconst(I64, 0);
        b.ins().return_(&[zero]);
        b.switch_to_block(caught);
        let status = b.block_params(caught)[0];
        b.ins().return_(&[status]);
        b.seal_all_blocks();
        b.finalize(module_cfg);
    }
    jit.define_kind(id, &mut ctx, meta("gojit.entry"), FuncKind::EntryTrampoline)
}

/// `defercall(closure, fp_out)`.
fn define_defer(jit: &mut Jit, fctx: &mut FunctionBuilderContext, id: FuncId, nilderef: FuncId) -> Result<(), JitError> {
    let mut ctx = jit.module.make_context();
    let module_cfg = jit.module.target_config();
    ctx.func.signature = sig(CallConv::SystemV, 2, 0);
    ctx.func.name = UserFuncName::user(0, id.as_u32());
    {
        let nil_ref = jit.module.declare_func_in_func(nilderef, &mut ctx.func);
        let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
        let b0 = b.create_block();
        let call = b.create_block();
        let nil = b.create_block();
        b.append_block_params_for_function_params(b0);
        b.switch_to_block(b0);
        let (closure, fp_out) = (b.block_params(b0)[0], b.block_params(b0)[1]);
        let fp = b.ins().get_frame_pointer(I64);
        b.ins().store(MemFlagsData::trusted(), fp, fp_out, 0);
        b.ins().brif(closure, call, &[], nil, &[]);
        b.switch_to_block(call);
        let code = b.ins().load(I64, MemFlagsData::trusted(), closure, 0);
        let sref = b.import_signature(sig(CallConv::Tail, 1, 0));
        b.ins().call_indirect(sref, code, &[closure]);
        b.ins().return_(&[]);
        b.switch_to_block(nil);
        b.set_cold_block(nil);
        b.ins().call(nil_ref, &[]);
        b.ins().trap(TrapCode::unwrap_user(1));
        b.seal_all_blocks();
        b.finalize(module_cfg);
    }
    jit.define_kind(id, &mut ctx, meta("gojit.defercall"), FuncKind::DeferTrampoline)
}

/// `methodcall(ifn, recv, out) -> panicked`.
fn define_method(jit: &mut Jit, fctx: &mut FunctionBuilderContext, id: FuncId) -> Result<(), JitError> {
    let mut ctx = jit.module.make_context();
    let module_cfg = jit.module.target_config();
    ctx.func.signature = sig(CallConv::SystemV, 3, 1);
    ctx.func.name = UserFuncName::user(0, id.as_u32());
    {
        let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
        let b0 = b.create_block();
        let ok = b.create_block();
        let caught = b.create_block();
        b.append_block_params_for_function_params(b0);
        b.append_block_param(ok, I64);
        b.append_block_param(ok, I64);
        b.append_block_param(caught, I64);
        b.append_block_param(caught, I64);
        b.switch_to_block(b0);
        let (ifn, recv) = (b.block_params(b0)[0], b.block_params(b0)[1]);
        let zero = b.ins().iconst(I64, 0);
        try_call_indirect(&mut b, sig(CallConv::Tail, 2, 2), ifn, &[zero, recv], ok, 2, caught);
        b.switch_to_block(ok);
        let out = b.block_params(b0)[2];
        let (r0, r1) = (b.block_params(ok)[0], b.block_params(ok)[1]);
        b.ins().store(MemFlagsData::trusted(), r0, out, 0);
        b.ins().store(MemFlagsData::trusted(), r1, out, 8);
        let zero = b.ins().iconst(I64, 0);
        b.ins().return_(&[zero]);
        b.switch_to_block(caught);
        let one = b.ins().iconst(I64, 1);
        b.ins().return_(&[one]);
        b.seal_all_blocks();
        b.finalize(module_cfg);
    }
    jit.define_kind(id, &mut ctx, meta("gojit.methodcall"), FuncKind::MethodTrampoline)
}

/// `timercall(f, w0, w1, w2, w3) -> panicked`: calls the func value `f` (`ctx = f`, code at `[f]`)
/// with the four argument words of `func(arg any, seq uintptr, delay int64)`; returns 0, or 1
/// when a panic raised inside was not recovered below it (a method-trampoline frame for the
/// walker: the panic value is then the runtime's method panic).
fn define_timercall(jit: &mut Jit, fctx: &mut FunctionBuilderContext, id: FuncId) -> Result<(), JitError> {
    let mut ctx = jit.module.make_context();
    let module_cfg = jit.module.target_config();
    ctx.func.signature = sig(CallConv::SystemV, 5, 1);
    ctx.func.name = UserFuncName::user(0, id.as_u32());
    {
        let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
        let b0 = b.create_block();
        let ok = b.create_block();
        let caught = b.create_block();
        b.append_block_params_for_function_params(b0);
        b.append_block_param(caught, I64);
        b.append_block_param(caught, I64);
        b.switch_to_block(b0);
        let p = b.block_params(b0).to_vec();
        let code = b.ins().load(I64, MemFlagsData::trusted(), p[0], 0);
        try_call_indirect(&mut b, sig(CallConv::Tail, 5, 0), code, &p, ok, 0, caught);
        b.switch_to_block(ok);
        let zero = b.ins().iconst(I64, 0);
        b.ins().return_(&[zero]);
        b.switch_to_block(caught);
        let one = b.ins().iconst(I64, 1);
        b.ins().return_(&[one]);
        b.seal_all_blocks();
        b.finalize(module_cfg);
    }
    jit.define_kind(id, &mut ctx, meta("gojit.timercall"), FuncKind::MethodTrampoline)
}
