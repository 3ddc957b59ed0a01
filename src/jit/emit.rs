//! IR-building helpers that encode the defer/panic contract of `src/jit/mod.rs`, for `lower`:
//! the runtime entry points with their exact signatures, `try_call`s whose default handler is
//! the deferreturn block, the open-coded defer frame (keyed slots, set/clear bits, running the
//! defers high to low), and the chained-defer exit loop. Using them is optional; emitting the
//! same IR by hand is equally valid.

use super::{Jit, JitError, key_closure, key_deferbits};
use cranelift_codegen::ir::{
    AbiParam, Block, BlockArg, ExceptionTableData, ExceptionTableItem, FuncRef, Inst, InstBuilder, MemFlagsData,
    SigRef, Signature, StackSlot, StackSlotData, StackSlotKind, Value,
    types::{I8, I64},
};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::FunctionBuilder;
use cranelift_module::{FuncId, Module};

/// The panic machinery's runtime entry points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RtFn {
    /// `panic(v)`: `(typ, data)`, tail, no return.
    GoPanic,
    /// `recover()`: `(out: *mut Eface)` (writes typ, data), plain call.
    GoRecover,
    /// `defer` in a chained function: `(closure)`, system_v.
    DeferProc,
    /// next deferred closure of the calling frame or 0: `() -> closure`, system_v.
    DeferPop,
    /// bounds failure `(code, x, y)` (codes: `gojit_runtime::panic::bounds`), tail, no return.
    PanicBounds,
    /// `(i, len)`, tail, no return.
    PanicIndex,
    /// integer divide by zero, tail, no return.
    PanicDivide,
    /// nil dereference / nil func call, tail, no return.
    PanicNilDeref,
    /// assignment to entry in nil map, tail, no return.
    PanicNilMap,
    /// `os.Exit(code)`, tail, no return.
    Exit,
}

impl RtFn {
    /// Every variant, for the tests that check this table against the runtime.
    pub const ALL: [RtFn; 10] = [
        RtFn::GoPanic,
        RtFn::GoRecover,
        RtFn::DeferProc,
        RtFn::DeferPop,
        RtFn::PanicBounds,
        RtFn::PanicIndex,
        RtFn::PanicDivide,
        RtFn::PanicNilDeref,
        RtFn::PanicNilMap,
        RtFn::Exit,
    ];

    pub fn name(self) -> &'static str {
        match self {
            RtFn::GoPanic => "gort_gopanic",
            RtFn::GoRecover => "gort_gorecover",
            RtFn::DeferProc => "gort_deferproc",
            RtFn::DeferPop => "gort_deferpop",
            RtFn::PanicBounds => "gort_panic_bounds",
            RtFn::PanicIndex => "gort_panic_index",
            RtFn::PanicDivide => "gort_panic_divide",
            RtFn::PanicNilDeref => "gort_panic_nilderef",
            RtFn::PanicNilMap => "gort_panic_nilmap",
            RtFn::Exit => "gort_exit",
        }
    }

    /// The signature to import it with.
    pub fn signature(self) -> Signature {
        let (cc, params, rets) = match self {
            RtFn::GoPanic => (CallConv::Tail, 2, 0),
            RtFn::GoRecover => (CallConv::SystemV, 1, 0),
            RtFn::DeferProc => (CallConv::SystemV, 1, 0),
            RtFn::DeferPop => (CallConv::SystemV, 0, 1),
            RtFn::PanicBounds => (CallConv::Tail, 3, 0),
            RtFn::PanicIndex => (CallConv::Tail, 2, 0),
            RtFn::PanicDivide | RtFn::PanicNilDeref | RtFn::PanicNilMap => (CallConv::Tail, 0, 0),
            RtFn::Exit => (CallConv::Tail, 1, 0),
        };
        let mut s = Signature::new(cc);
        s.params.extend((0..params).map(|_| AbiParam::new(I64)));
        s.returns.extend((0..rets).map(|_| AbiParam::new(I64)));
        s
    }

    /// Whether calls to it may panic (then they must be `try_call`s in frames with defers).
    pub fn may_panic(self) -> bool {
        !matches!(self, RtFn::GoRecover | RtFn::DeferProc | RtFn::DeferPop)
    }

    /// Declares it in the JIT module.
    pub fn declare(self, jit: &mut Jit) -> Result<FuncId, JitError> {
        jit.declare_runtime(self.name(), &self.signature())
    }
}

/// `try_call callee(args)`: on return jumps to `normal` with the callee's `n_rets` results as
/// block arguments; when a panic is recovered in this frame, control arrives at `handler` (the
/// deferreturn block, which takes no parameters).
pub fn try_call(b: &mut FunctionBuilder, callee: FuncRef, args: &[Value], normal: Block, n_rets: u32, handler: Block) -> Inst {
    let sig_ref = b.func.dfg.ext_funcs[callee].signature;
    let et = exception_table(b, sig_ref, normal, n_rets, handler);
    b.ins().try_call(callee, args, et)
}

/// `try_call_indirect code(args)` with signature `sig` (see [`try_call`]).
pub fn try_call_indirect(b: &mut FunctionBuilder, sig: SigRef, code: Value, args: &[Value], normal: Block, n_rets: u32, handler: Block) -> Inst {
    let et = exception_table(b, sig, normal, n_rets, handler);
    b.ins().try_call_indirect(code, args, et)
}

fn exception_table(b: &mut FunctionBuilder, sig: SigRef, normal: Block, n_rets: u32, handler: Block) -> cranelift_codegen::ir::ExceptionTable {
    let rets: Vec<BlockArg> = (0..n_rets).map(BlockArg::TryCallRet).collect();
    let nb = b.func.dfg.block_call(normal, &rets);
    let hb = b.func.dfg.block_call(handler, &[]);
    b.func.dfg.exception_tables.push(ExceptionTableData::new(sig, nb, [ExceptionTableItem::Default(hb)]))
}

/// Calls the func value `closure` (`func()`; `ctx = closure`, code at `[closure]`) as a
/// `try_call_indirect` (see [`try_call`]). `sig` must be `tail (i64) -> ()`.
pub fn try_call_closure(b: &mut FunctionBuilder, sig: SigRef, closure: Value, normal: Block, handler: Block) -> Inst {
    let code = b.ins().load(I64, MemFlagsData::trusted(), closure, 0);
    try_call_indirect(b, sig, code, &[closure], normal, 0, handler)
}

/// The signature of a deferred closure: `tail (ctx) -> ()`.
pub fn deferred_closure_sig() -> Signature {
    let mut s = Signature::new(CallConv::Tail);
    s.params.push(AbiParam::new(I64));
    s
}

/// The open-coded defer state of one frame: the deferBits byte and `n` closure slots.
pub struct OpenDefers {
    pub bits: StackSlot,
    pub slots: Vec<StackSlot>,
}

impl OpenDefers {
    /// Creates the keyed slots and zeroes deferBits. Call in the entry block, before anything
    /// that may panic.
    pub fn new(b: &mut FunctionBuilder, n: u32) -> OpenDefers {
        let bits = b.create_sized_stack_slot(StackSlotData::new_with_key(StackSlotKind::ExplicitSlot, 1, 0, key_deferbits()));
        let slots = (0..n)
            .map(|i| b.create_sized_stack_slot(StackSlotData::new_with_key(StackSlotKind::ExplicitSlot, 8, 3, key_closure(i))))
            .collect();
        let zero = b.ins().iconst(I8, 0);
        b.ins().stack_store(I64, zero, bits, 0);
        OpenDefers { bits, slots }
    }

    /// `defer` number `i`: stores the closure, then sets bit `i`.
    pub fn defer(&self, b: &mut FunctionBuilder, i: u32, closure: Value) {
        b.ins().stack_store(I64, closure, self.slots[i as usize], 0);
        let bits = b.ins().stack_load(I64, I8, self.bits, 0);
        let bits = b.ins().bor_imm_s(bits, 1i64 << i);
        b.ins().stack_store(I64, bits, self.bits, 0);
    }

    /// Emits, at the current position, the run of the pending defers from high to low: for each
    /// set bit, clear it (stored) before calling its closure with a `try_call` whose handler is
    /// `handler` (the deferreturn block). Leaves the builder in a fresh block after the last one
    /// (fall through to loading the results and returning).
    pub fn run_pending(&self, b: &mut FunctionBuilder, closure_sig: SigRef, handler: Block) {
        for i in (0..self.slots.len() as u32).rev() {
            let run = b.create_block();
            let after = b.create_block();
            let bits = b.ins().stack_load(I64, I8, self.bits, 0);
            let bit = b.ins().band_imm_s(bits, 1i64 << i);
            b.ins().brif(bit, run, &[], after, &[]);
            b.switch_to_block(run);
            let cleared = b.ins().band_imm_s(bits, !(1i64 << i));
            b.ins().stack_store(I64, cleared, self.bits, 0);
            let c = b.ins().stack_load(I64, I64, self.slots[i as usize], 0);
            try_call_closure(b, closure_sig, c, after, handler);
            b.switch_to_block(after);
        }
    }
}

/// Emits, at the current position, the chained-defer exit loop:
/// `loop { c = gort_deferpop(); if c == 0 break; try_call c }` with `handler` as the exceptional
/// target. Leaves the builder in the block after the loop.
pub fn run_chained(b: &mut FunctionBuilder, deferpop: FuncRef, closure_sig: SigRef, handler: Block) {
    let head = b.create_block();
    let run = b.create_block();
    let done = b.create_block();
    b.ins().jump(head, &[]);
    b.switch_to_block(head);
    let call = b.ins().call(deferpop, &[]);
    let c = b.inst_results(call)[0];
    b.ins().brif(c, run, &[], done, &[]);
    b.switch_to_block(run);
    try_call_closure(b, closure_sig, c, head, handler);
    b.switch_to_block(done);
}

/// Declares runtime function `f` in the function being built.
pub fn import(jit: &mut Jit, b: &mut FunctionBuilder, f: RtFn) -> Result<FuncRef, JitError> {
    let id = f.declare(jit)?;
    Ok(jit.module().declare_func_in_func(id, b.func))
}
