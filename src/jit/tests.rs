//! End-to-end tests of the JIT and the runtime's panic machinery on hand-built CLIF functions that
//! follow the lowering contract of `src/jit/mod.rs` (what `lower` will emit for Go code).
//!
//! Test hooks are `system_v` Rust functions bound as extra symbols; they record into a
//! thread-local log (main runs on the test's own thread, on the goroutine stack). Tests that need
//! the crash report on stderr re-run the test binary as a child process.

use super::*;
use cranelift_codegen::ir::{
    AbiParam, Block, BlockArg, ExceptionTableData, ExceptionTableItem, InstBuilder, Signature, SourceLoc,
    StackSlotData, StackSlotKind, TrapCode, UserFuncName, Value, condcodes::IntCC, types::I64,
};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use gojit_runtime::abi::{GoString, Kind, Type};
use std::cell::RefCell;

thread_local! {
    static LOG: RefCell<Vec<i64>> = const { RefCell::new(Vec::new()) };
    static MSG: RefCell<String> = const { RefCell::new(String::new()) };
}

extern "C" fn hook_record(v: i64) {
    LOG.with(|l| l.borrow_mut().push(v));
}

/// Records an `int` interface value's payload, or -1 for nil; for runtime errors stores Error().
extern "C" fn hook_record_eface(typ: *const Type, data: *const i64) {
    if typ.is_null() {
        return hook_record(-1);
    }
    if gojit_runtime::panic::is_runtime_error_type(typ) {
        // SAFETY: runtime error values point to a GoString message.
        let s = unsafe { String::from_utf8_lossy((*(data as *const GoString)).as_bytes()).into_owned() };
        MSG.with(|m| *m.borrow_mut() = s);
        return hook_record(-2);
    }
    // SAFETY: test panics use `int` values stored out of line.
    hook_record(unsafe { *data })
}

/// Calls a Go method `ifn(ctx, recv) -> (w0, w1)` through the method trampoline.
extern "C" fn hook_call_method(ifn: usize) {
    // SAFETY: tests pass a JIT function of the right signature.
    match unsafe { gojit_runtime::trampoline::call_method2(ifn, 5) } {
        Ok([a, b]) => {
            hook_record(a as i64);
            hook_record(b as i64);
        }
        Err(()) => {
            let v = gojit_runtime::panic::take_method_panic().expect("panic value");
            hook_record(-7);
            hook_record_eface(v.typ, v.data as *const i64);
        }
    }
}

/// A Rust function returning two words (the shape of Go methods `func() string` implemented by
/// the runtime), called from JIT code through its `tail` shim `hook_pair_tail`.
extern "C" fn hook_pair(_ctx: i64, a: i64) -> GoString {
    GoString { ptr: (a * 10) as *const u8, len: (a + 1) as isize }
}

gojit_runtime::tail_ret2_shim!(hook_pair_tail => hook_pair);

fn int_type() -> &'static Type {
    gojit_runtime::typedesc::predeclared(Kind::Int)
}

fn boxed_int(v: i64) -> usize {
    Box::leak(Box::new(v)) as *const i64 as usize
}

fn sig(cc: CallConv, params: usize, rets: usize) -> Signature {
    let mut s = Signature::new(cc);
    s.params.extend((0..params).map(|_| AbiParam::new(I64)));
    s.returns.extend((0..rets).map(|_| AbiParam::new(I64)));
    s
}

/// A Go function signature: `ctx` plus `params` words, `rets` words.
fn go_sig(params: usize, rets: usize) -> Signature {
    sig(CallConv::Tail, params + 1, rets)
}

/// A test program under construction: a JIT with the hooks bound.
struct T {
    jit: Jit,
    fctx: FunctionBuilderContext,
    record: FuncId,
    record_eface: FuncId,
    call_method: FuncId,
    pair: FuncId,
    gopanic: FuncId,
    gorecover: FuncId,
    deferproc: FuncId,
    deferpop: FuncId,
    panic_index: FuncId,
    exit: FuncId,
    int_type: &'static Type,
}

impl T {
    fn new() -> T {
        let mut jit = Jit::new_with_extra_symbols(vec![
            ("hook_record", hook_record as *const u8),
            ("hook_record_eface", hook_record_eface as *const u8),
            ("hook_call_method", hook_call_method as *const u8),
            ("hook_pair", hook_pair_tail as *const u8),
        ])
        .unwrap();
        jit.set_source_file("/tmp/prog.go");
        let sysv = CallConv::SystemV;
        let mut d = |n: &str, s: Signature| jit.declare_runtime(n, &s).unwrap();
        let record = d("hook_record", sig(sysv, 1, 0));
        let record_eface = d("hook_record_eface", sig(sysv, 2, 0));
        let call_method = d("hook_call_method", sig(sysv, 1, 0));
        let pair = d("hook_pair", sig(CallConv::Tail, 2, 2));
        let gopanic = d("gort_gopanic", sig(CallConv::Tail, 2, 0));
        let gorecover = d("gort_gorecover", sig(CallConv::Tail, 1, 0));
        let deferproc = d("gort_deferproc", sig(sysv, 1, 0));
        let deferpop = d("gort_deferpop", sig(sysv, 0, 1));
        let panic_index = d("gort_panic_index", sig(CallConv::Tail, 2, 0));
        let exit = d("gort_exit", sig(CallConv::Tail, 1, 0));
        LOG.with(|l| l.borrow_mut().clear());
        T {
            jit,
            fctx: FunctionBuilderContext::new(),
            record,
            record_eface,
            call_method,
            pair,
            gopanic,
            gorecover,
            deferproc,
            deferpop,
            panic_index,
            exit,
            int_type: int_type(),
        }
    }

    fn declare(&mut self, name: &str, params: usize, rets: usize) -> FuncId {
        self.jit.module().declare_function(name, Linkage::Local, &go_sig(params, rets)).unwrap()
    }

    /// Defines `id` with a body built by `body(builder, env, entry_block)`.
    fn define(&mut self, id: FuncId, meta: FuncMeta, params: usize, rets: usize, body: impl FnOnce(&mut FunctionBuilder, &mut Env, Block)) {
        let mut ctx = self.jit.module().make_context();
        ctx.func.signature = go_sig(params, rets);
        ctx.func.name = UserFuncName::user(0, id.as_u32());
        let cfg = self.jit.module().target_config();
        {
            let mut b = FunctionBuilder::new(&mut ctx.func, &mut self.fctx);
            let mut env = Env { t_module: &mut self.jit, int_type: self.int_type, ids: Ids {
                record: self.record, record_eface: self.record_eface, call_method: self.call_method, pair: self.pair,
                gopanic: self.gopanic, gorecover: self.gorecover, deferproc: self.deferproc, deferpop: self.deferpop,
                panic_index: self.panic_index, exit: self.exit,
            } };
            let b0 = b.create_block();
            b.append_block_params_for_function_params(b0);
            b.switch_to_block(b0);
            b.set_srcloc(SourceLoc::new(meta.decl_line + 1));
            body(&mut b, &mut env, b0);
            b.seal_all_blocks();
            b.finalize(cfg);
        }
        if let Err(e) = self.jit.define(id, &mut ctx, meta) {
            panic!("{e}");
        }
    }

    fn run(self, main: FuncId) -> (i32, Vec<i64>) {
        let prog = self.jit.finalize(Some(main)).unwrap();
        let status = prog.run_main();
        (status, LOG.with(|l| l.borrow_mut().split_off(0)))
    }
}

#[derive(Clone, Copy)]
struct Ids {
    record: FuncId,
    record_eface: FuncId,
    call_method: FuncId,
    pair: FuncId,
    gopanic: FuncId,
    gorecover: FuncId,
    deferproc: FuncId,
    deferpop: FuncId,
    panic_index: FuncId,
    exit: FuncId,
}

/// Helpers for building bodies.
struct Env<'a> {
    t_module: &'a mut Jit,
    int_type: &'static Type,
    ids: Ids,
}

impl Env<'_> {
    fn fref(&mut self, b: &mut FunctionBuilder, id: FuncId) -> cranelift_codegen::ir::FuncRef {
        self.t_module.module().declare_func_in_func(id, b.func)
    }

    fn call(&mut self, b: &mut FunctionBuilder, id: FuncId, args: &[Value]) -> Vec<Value> {
        let f = self.fref(b, id);
        let inst = b.ins().call(f, args);
        b.inst_results(inst).to_vec()
    }

    fn record(&mut self, b: &mut FunctionBuilder, v: i64) {
        let v = b.ins().iconst(I64, v);
        self.call(b, self.ids.record, &[v]);
    }

    /// `panic(v)` with an `int` value (plain call: for frames without defers).
    fn panic_int(&mut self, b: &mut FunctionBuilder, v: i64) {
        let typ = b.ins().iconst(I64, self.int_type as *const Type as i64);
        let data = b.ins().iconst(I64, boxed_int(v) as i64);
        self.call(b, self.ids.gopanic, &[typ, data]);
        b.ins().trap(TrapCode::unwrap_user(1));
    }

    /// `try_call id(args)` -> `normal(rets)` / default handler `handler()`.
    fn try_call(&mut self, b: &mut FunctionBuilder, id: FuncId, args: &[Value], normal: Block, n_rets: u32, handler: Block) {
        let f = self.fref(b, id);
        let sig_ref = b.func.dfg.ext_funcs[f].signature;
        let rets: Vec<BlockArg> = (0..n_rets).map(BlockArg::TryCallRet).collect();
        let nb = b.func.dfg.block_call(normal, &rets);
        let hb = b.func.dfg.block_call(handler, &[]);
        let et = b.func.dfg.exception_tables.push(ExceptionTableData::new(sig_ref, nb, [ExceptionTableItem::Default(hb)]));
        b.ins().try_call(f, args, et);
    }

    /// A func value for top-level function `id`, as a closure object in a stack slot of this frame.
    fn static_closure(&mut self, b: &mut FunctionBuilder, id: FuncId) -> Value {
        let obj = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 8, 3));
        let f = self.fref(b, id);
        let code = b.ins().func_addr(I64, f);
        b.ins().stack_store(I64, code, obj, 0);
        b.ins().stack_addr(I64, obj, 0)
    }
}

fn go(name: &str, line: u32) -> FuncMeta {
    FuncMeta { go_name: name.into(), decl_line: line, ..FuncMeta::default() }
}

fn open(name: &str, line: u32, n: u32) -> FuncMeta {
    FuncMeta { go_name: name.into(), decl_line: line, defer_kind: DeferKind::OpenCoded { n }, ..FuncMeta::default() }
}

/// `main.main`: calls `f` (plain call), records 100, returns.
fn define_main(t: &mut T, main: FuncId, f: FuncId) {
    t.define(main, go("main.main", 1), 0, 0, |b, env, b0| {
        let ctx = b.block_params(b0)[0];
        env.call(b, f, &[ctx]);
        env.record(b, 100);
        b.ins().return_(&[]);
    });
}

/// `func g() { panic(v) }`
fn define_panicker(t: &mut T, g: FuncId, v: i64) {
    t.define(g, go("main.g", 20), 0, 0, |b, env, _| env.panic_int(b, v));
}

/// `func(){ record(recover()) }`
fn define_recoverer(t: &mut T, id: FuncId, name: &str) {
    t.define(id, go(name, 30), 0, 0, |b, env, _| {
        let out = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 16, 3));
        let p = b.ins().stack_addr(I64, out, 0);
        env.call(b, env.ids.gorecover, &[p]);
        let typ = b.ins().stack_load(I64, I64, out, 0);
        let data = b.ins().stack_load(I64, I64, out, 8);
        env.call(b, env.ids.record_eface, &[typ, data]);
        b.ins().return_(&[]);
    });
}

/// `func f() { defer d[0](); ...; defer d[n-1](); g() ; record(1) }` (open-coded), deferreturn
/// records 1.
fn define_open_f(t: &mut T, f: FuncId, g: FuncId, defers: &[FuncId]) {
    let n = defers.len() as u32;
    let defers = defers.to_vec();
    t.define(f, open("main.f", 10, n), 0, 0, move |b, env, _| {
        let od = emit::OpenDefers::new(b, n);
        for (i, &d) in defers.iter().enumerate() {
            b.set_srcloc(SourceLoc::new(11 + i as u32));
            let c = env.static_closure(b, d);
            od.defer(b, i as u32, c);
        }
        b.set_srcloc(SourceLoc::new(15));
        let (normal, dr) = (b.create_block(), b.create_block());
        let zero = b.ins().iconst(I64, 0);
        let gref = env.fref(b, g);
        emit::try_call(b, gref, &[zero], normal, 0, dr);
        b.switch_to_block(normal);
        b.ins().jump(dr, &[]);
        // deferreturn block: run pending defers, record 1, return.
        b.set_srcloc(SourceLoc::new(16));
        b.switch_to_block(dr);
        let csig = b.import_signature(emit::deferred_closure_sig());
        od.run_pending(b, csig, dr);
        env.record(b, 1);
        b.ins().return_(&[]);
    });
}

#[test]
fn runs_main_without_panics() {
    let mut t = T::new();
    let main = t.declare("main.main", 0, 0);
    let f = t.declare("main.f", 0, 0);
    t.define(f, go("main.f", 5), 0, 0, |b, env, _| {
        env.record(b, 7);
        b.ins().return_(&[]);
    });
    define_main(&mut t, main, f);
    assert_eq!(t.run(main), (0, vec![7, 100]));
}

/// A two-result Rust function behind `tail_ret2_shim!` is callable with the `tail` convention,
/// both directly from Go code and through the method trampoline.
#[test]
fn tail_shim_returns_two_words() {
    let mut t = T::new();
    let main = t.declare("main.main", 0, 0);
    let f = t.declare("main.f", 0, 0);
    // f calls hook_pair with tail CC and records both results.
    t.define(f, go("main.f", 5), 0, 0, |b, env, _| {
        let (ctx, a) = (b.ins().iconst(I64, 0), b.ins().iconst(I64, 4));
        let r = env.call(b, env.ids.pair, &[ctx, a]);
        env.call(b, env.ids.record, &[r[0]]);
        env.call(b, env.ids.record, &[r[1]]);
        // and through the method trampoline (system_v -> tail): hook_call_method(hook_pair)
        let p = env.fref(b, env.ids.pair);
        let addr = b.ins().func_addr(I64, p);
        env.call(b, env.ids.call_method, &[addr]);
        b.ins().return_(&[]);
    });
    define_main(&mut t, main, f);
    assert_eq!(t.run(main), (0, vec![40, 5, 50, 6, 100]));
}

#[test]
fn open_coded_defer_recovers() {
    let mut t = T::new();
    let (main, f, g, d) = (t.declare("main.main", 0, 0), t.declare("main.f", 0, 0), t.declare("main.g", 0, 0), t.declare("main.f.func1", 0, 0));
    define_main(&mut t, main, f);
    define_open_f(&mut t, f, g, &[d]);
    define_panicker(&mut t, g, 42);
    define_recoverer(&mut t, d, "main.f.func1");
    // recovered value 42; f returns through its deferreturn block (records 1); main continues.
    assert_eq!(t.run(main), (0, vec![42, 1, 100]));
}

#[test]
fn defers_run_high_to_low_and_normal_path_works() {
    let mut t = T::new();
    let (main, f, g) = (t.declare("main.main", 0, 0), t.declare("main.f", 0, 0), t.declare("main.g", 0, 0));
    let ds: Vec<FuncId> = (0..3).map(|i| t.declare(&format!("main.f.func{}", i + 1), 0, 0)).collect();
    define_main(&mut t, main, f);
    define_open_f(&mut t, f, g, &ds);
    t.define(g, go("main.g", 20), 0, 0, |b, env, _| {
        env.record(b, 5);
        b.ins().return_(&[]);
    });
    for (i, &d) in ds.iter().enumerate() {
        t.define(d, go(&format!("main.f.func{}", i + 1), 30), 0, 0, move |b, env, _| {
            env.record(b, 10 + i as i64);
            b.ins().return_(&[]);
        });
    }
    assert_eq!(t.run(main), (0, vec![5, 12, 11, 10, 1, 100]));
}

#[test]
fn nested_panic_in_defer_is_recovered_by_earlier_defer() {
    // f: defer rec(); defer func(){ panic(7) }(); g() panics 42.
    let mut t = T::new();
    let (main, f, g) = (t.declare("main.main", 0, 0), t.declare("main.f", 0, 0), t.declare("main.g", 0, 0));
    let (rec, rep) = (t.declare("main.f.func1", 0, 0), t.declare("main.f.func2", 0, 0));
    define_main(&mut t, main, f);
    define_open_f(&mut t, f, g, &[rec, rep]);
    define_panicker(&mut t, g, 42);
    define_recoverer(&mut t, rec, "main.f.func1");
    t.define(rep, go("main.f.func2", 40), 0, 0, |b, env, _| env.panic_int(b, 7));
    assert_eq!(t.run(main), (0, vec![7, 1, 100]));
}

#[test]
fn recover_in_helper_returns_nil_and_panic_crashes() {
    let mut t = T::new();
    let (main, f, g) = (t.declare("main.main", 0, 0), t.declare("main.f", 0, 0), t.declare("main.g", 0, 0));
    let (d, helper) = (t.declare("main.f.func1", 0, 0), t.declare("main.helper", 0, 0));
    define_main(&mut t, main, f);
    define_open_f(&mut t, f, g, &[d]);
    define_panicker(&mut t, g, 42);
    t.define(d, go("main.f.func1", 30), 0, 0, move |b, env, b0| {
        let ctx = b.block_params(b0)[0];
        env.call(b, helper, &[ctx]);
        b.ins().return_(&[]);
    });
    define_recoverer(&mut t, helper, "main.helper");
    // helper's recover returns nil (-1); the panic is unrecovered: status 2, nothing after.
    assert_eq!(t.run(main), (2, vec![-1]));
}

#[test]
fn wrapper_frames_are_transparent_to_recover() {
    let mut t = T::new();
    let (main, f, g) = (t.declare("main.main", 0, 0), t.declare("main.f", 0, 0), t.declare("main.g", 0, 0));
    let (w, m) = (t.declare("main.f.deferwrap1", 0, 0), t.declare("main.T.M", 0, 0));
    define_main(&mut t, main, f);
    define_open_f(&mut t, f, g, &[w]);
    define_panicker(&mut t, g, 42);
    let mut meta = go("main.f.deferwrap1", 11);
    meta.is_wrapper = true;
    t.define(w, meta, 0, 0, move |b, env, b0| {
        let ctx = b.block_params(b0)[0];
        env.call(b, m, &[ctx]);
        b.ins().return_(&[]);
    });
    define_recoverer(&mut t, m, "main.T.M");
    assert_eq!(t.run(main), (0, vec![42, 1, 100]));
}

#[test]
fn chained_defers_run_on_panic_and_normal_exit() {
    // f (chained): loop-style: defer d1; defer d2; g() panics; d2 records 12; d1 recovers.
    let mut t = T::new();
    let (main, f, g) = (t.declare("main.main", 0, 0), t.declare("main.f", 0, 0), t.declare("main.g", 0, 0));
    let (d1, d2) = (t.declare("main.f.func1", 0, 0), t.declare("main.f.func2", 0, 0));
    define_main(&mut t, main, f);
    let meta = FuncMeta { go_name: "main.f".into(), decl_line: 10, defer_kind: DeferKind::Chained, ..FuncMeta::default() };
    t.define(f, meta, 0, 0, move |b, env, _| {
        for d in [d1, d2] {
            let c = env.static_closure(b, d);
            env.call(b, env.ids.deferproc, &[c]);
        }
        let dr = b.create_block();
        let zero = b.ins().iconst(I64, 0);
        env.try_call(b, g, &[zero], dr, 0, dr);
        // deferreturn: loop { c = deferpop(); if c == 0 break; try_call c -> dr }
        b.switch_to_block(dr);
        let pop = env.fref(b, env.ids.deferpop);
        let csig = b.import_signature(emit::deferred_closure_sig());
        emit::run_chained(b, pop, csig, dr);
        env.record(b, 1);
        b.ins().return_(&[]);
    });
    define_panicker(&mut t, g, 42);
    define_recoverer(&mut t, d1, "main.f.func1");
    t.define(d2, go("main.f.func2", 40), 0, 0, |b, env, _| {
        env.record(b, 12);
        b.ins().return_(&[]);
    });
    assert_eq!(t.run(main), (0, vec![12, 42, 1, 100]));
}

#[test]
fn runtime_error_value_is_recovered_with_gc_message() {
    let mut t = T::new();
    let (main, f, g, d) = (t.declare("main.main", 0, 0), t.declare("main.f", 0, 0), t.declare("main.g", 0, 0), t.declare("main.f.func1", 0, 0));
    define_main(&mut t, main, f);
    define_open_f(&mut t, f, g, &[d]);
    t.define(g, go("main.g", 20), 0, 0, |b, env, _| {
        let (i, n) = (b.ins().iconst(I64, 5), b.ins().iconst(I64, 3));
        env.call(b, env.ids.panic_index, &[i, n]);
        b.ins().trap(TrapCode::unwrap_user(1));
    });
    define_recoverer(&mut t, d, "main.f.func1");
    assert_eq!(t.run(main), (0, vec![-2, 1, 100]));
    assert_eq!(MSG.with(|m| m.borrow().clone()), "runtime error: index out of range [5] with length 3");
}

#[test]
fn method_trampoline_catches_panics() {
    let mut t = T::new();
    let (main, f, m) = (t.declare("main.main", 0, 0), t.declare("main.f", 0, 0), t.declare("main.T.String", 1, 2));
    define_main(&mut t, main, f);
    t.define(f, go("main.f", 5), 0, 0, move |b, env, _| {
        let mr = env.fref(b, m);
        let addr = b.ins().func_addr(I64, mr);
        env.call(b, env.ids.call_method, &[addr]);
        b.ins().return_(&[]);
    });
    t.define(m, go("main.T.String", 30), 1, 2, |b, env, _| env.panic_int(b, 9));
    assert_eq!(t.run(main), (0, vec![-7, 9, 100]));
}

#[test]
fn os_exit_skips_defers() {
    let mut t = T::new();
    let (main, f, g, d) = (t.declare("main.main", 0, 0), t.declare("main.f", 0, 0), t.declare("main.g", 0, 0), t.declare("main.f.func1", 0, 0));
    define_main(&mut t, main, f);
    define_open_f(&mut t, f, g, &[d]);
    t.define(g, go("main.g", 20), 0, 0, |b, env, _| {
        let code = b.ins().iconst(I64, 3);
        env.call(b, env.ids.exit, &[code]);
        b.ins().trap(TrapCode::unwrap_user(1));
    });
    define_recoverer(&mut t, d, "main.f.func1");
    assert_eq!(t.run(main), (3, vec![]));
}

#[test]
fn many_panic_recover_round_trips_keep_the_stack_balanced() {
    // main loops 100k times calling f (which panics in g and recovers).
    let mut t = T::new();
    let (main, f, g, d) = (t.declare("main.main", 0, 0), t.declare("main.f", 0, 0), t.declare("main.g", 0, 0), t.declare("main.f.func1", 0, 0));
    t.define(main, go("main.main", 1), 0, 0, move |b, env, b0| {
        let ctx = b.block_params(b0)[0];
        let (head, body, done) = (b.create_block(), b.create_block(), b.create_block());
        b.append_block_param(head, I64);
        let zero = b.ins().iconst(I64, 0);
        b.ins().jump(head, &[BlockArg::Value(zero)]);
        b.switch_to_block(head);
        let i = b.block_params(head)[0];
        let c = b.ins().icmp_imm_s(IntCC::SignedLessThan, i, 100_000);
        b.ins().brif(c, body, &[], done, &[]);
        b.switch_to_block(body);
        env.call(b, f, &[ctx]);
        let i1 = b.ins().iadd_imm_s(i, 1);
        b.ins().jump(head, &[BlockArg::Value(i1)]);
        b.switch_to_block(done);
        env.record(b, 100);
        b.ins().return_(&[]);
    });
    define_open_f(&mut t, f, g, &[d]);
    define_panicker(&mut t, g, 42);
    define_recoverer(&mut t, d, "main.f.func1");
    let (status, log) = t.run(main);
    assert_eq!(status, 0);
    assert_eq!(log.len(), 200_001);
    assert!(log[..200_000].chunks(2).all(|c| c == [42, 1]));
}

/// Runs `test` in a child process (this test binary) and returns (status, stderr).
fn in_child(test: &str) -> (i32, String) {
    let exe = std::env::current_exe().unwrap();
    let out = std::process::Command::new(exe)
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env("GOJIT_CHILD", "1")
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn child() -> bool {
    std::env::var_os("GOJIT_CHILD").is_some()
}

#[test]
fn crash_report_prints_panic_chain_and_traceback() {
    if child() {
        // f: defer func(){ panic(7) }(); g() panics 42: unrecovered chain 42, 7.
        let mut t = T::new();
        let (main, f, g, rep) = (t.declare("main.main", 0, 0), t.declare("main.f", 0, 0), t.declare("main.g", 0, 0), t.declare("main.f.func1", 0, 0));
        define_main(&mut t, main, f);
        define_open_f(&mut t, f, g, &[rep]);
        define_panicker(&mut t, g, 42);
        t.define(rep, go("main.f.func1", 40), 0, 0, |b, env, _| env.panic_int(b, 7));
        let (status, _) = t.run(main);
        std::process::exit(status);
    }
    let (status, err) = in_child("jit::tests::crash_report_prints_panic_chain_and_traceback");
    assert_eq!(status, 2, "{err}");
    assert!(err.starts_with("panic: 42\n\tpanic: 7\n\ngoroutine 1 [running]:\nmain.f.func1(...)\n\t/tmp/prog.go:41 +0x"), "{err}");
    assert!(err.contains("main.g(...)\n\t/tmp/prog.go:21 +0x"), "{err}");
    assert!(err.contains("main.f(...)\n\t/tmp/prog.go:15 +0x"), "{err}");
    assert!(err.contains("main.main()\n\t/tmp/prog.go:2 +0x"), "{err}");
}

#[test]
fn stack_overflow_is_a_fatal_error() {
    if child() {
        let mut t = T::new();
        let (main, f) = (t.declare("main.main", 0, 0), t.declare("main.forever", 1, 1));
        define_main_calling_with_arg(&mut t, main, f);
        t.define(f, go("main.forever", 5), 1, 1, move |b, env, b0| {
            let (ctx, n) = (b.block_params(b0)[0], b.block_params(b0)[1]);
            let n1 = b.ins().iadd_imm_s(n, 1);
            let r = env.call(b, f, &[ctx, n1])[0];
            let r = b.ins().iadd_imm_s(r, 1);
            b.ins().return_(&[r]);
        });
        let (status, _) = t.run(main);
        std::process::exit(status);
    }
    let (status, err) = in_child("jit::tests::stack_overflow_is_a_fatal_error");
    assert_eq!(status, 2, "{err}");
    assert!(err.starts_with("runtime: goroutine stack exceeds 1000000000-byte limit\nruntime: sp=0x"), "{err}");
    assert!(err.contains("]\nfatal error: stack overflow\n\ngoroutine 1 [running]:\n"), "{err}");
    assert!(err.contains("main.forever(...)\n\t/tmp/prog.go:6 +0x"), "{err}");
}

fn define_main_calling_with_arg(t: &mut T, main: FuncId, f: FuncId) {
    t.define(main, go("main.main", 1), 0, 0, move |b, env, b0| {
        let ctx = b.block_params(b0)[0];
        let zero = b.ins().iconst(I64, 0);
        env.call(b, f, &[ctx, zero]);
        env.record(b, 100);
        b.ins().return_(&[]);
    });
}

#[test]
fn unrecovered_runtime_error_prints_its_error_message() {
    if child() {
        let mut t = T::new();
        let (main, f) = (t.declare("main.main", 0, 0), t.declare("main.f", 0, 0));
        define_main(&mut t, main, f);
        t.define(f, go("main.f", 20), 0, 0, |b, env, _| {
            let (i, n) = (b.ins().iconst(I64, 5), b.ins().iconst(I64, 3));
            env.call(b, env.ids.panic_index, &[i, n]);
            b.ins().trap(TrapCode::unwrap_user(1));
        });
        let (status, _) = t.run(main);
        std::process::exit(status);
    }
    let (status, err) = in_child("jit::tests::unrecovered_runtime_error_prints_its_error_message");
    assert_eq!(status, 2, "{err}");
    assert!(err.starts_with("panic: runtime error: index out of range [5] with length 3\n\ngoroutine 1 [running]:\nmain.f(...)\n\t/tmp/prog.go:21 +0x"), "{err}");
}

#[test]
fn nil_dereference_fault_in_go_code_becomes_a_panic() {
    // f: defer rec(); h() where h loads from address 8 (no explicit check).
    let mut t = T::new();
    let (main, f, h, d) = (t.declare("main.main", 0, 0), t.declare("main.f", 0, 0), t.declare("main.h", 0, 0), t.declare("main.f.func1", 0, 0));
    define_main(&mut t, main, f);
    define_open_f(&mut t, f, h, &[d]);
    t.define(h, go("main.h", 20), 0, 0, |b, env, _| {
        let p = b.ins().iconst(I64, 8);
        let v = b.ins().load(I64, cranelift_codegen::ir::MemFlagsData::new(), p, 0);
        env.call(b, env.ids.record, &[v]);
        b.ins().return_(&[]);
    });
    define_recoverer(&mut t, d, "main.f.func1");
    assert_eq!(t.run(main), (0, vec![-2, 1, 100]));
    assert_eq!(MSG.with(|m| m.borrow().clone()), "runtime error: invalid memory address or nil pointer dereference");
}

#[test]
fn runtime_error_methods_are_go_callable() {
    // Building a Jit installs the trampolines; the Error method entry is called as Go code would.
    let t = T::new();
    let _prog = t.jit.finalize(None).unwrap();
    let v = gojit_runtime::panic::runtime_error_value(gojit_runtime::panic::RtErrClass::Plain, "assignment to entry in nil map");
    // SAFETY: runtime error descriptors have methods [Error, RuntimeError].
    let (m, tn) = unsafe { ((*v.typ).find_method(b"Error").unwrap(), (*v.typ).string()) };
    assert_eq!(tn, b"runtime.plainError");
    // SAFETY: Error is `func() string` taking the data word.
    let [p, n] = unsafe { gojit_runtime::trampoline::call_method2(m.ifn as usize, v.data as usize) }.unwrap();
    // SAFETY: the result is a Go string.
    let s = unsafe { GoString { ptr: p as *const u8, len: n as isize }.as_bytes() };
    assert_eq!(s, b"assignment to entry in nil map");
}

/// `panic_recover_hot` shape: a panic 10 frames below the recovering frame, `GOJIT_BENCH_N` times
/// (default 1e6). Run: `cargo test --release --lib bench_panic_recover -- --ignored --nocapture`.
#[test]
#[ignore]
fn bench_panic_recover() {
    let n: i64 = std::env::var("GOJIT_BENCH_N").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let mut t = T::new();
    let (main, catch, dive, d) = (t.declare("main.main", 0, 0), t.declare("main.catch", 0, 0), t.declare("main.dive", 1, 1), t.declare("main.catch.func1", 0, 0));
    t.define(main, go("main.main", 1), 0, 0, move |b, env, b0| {
        let ctx = b.block_params(b0)[0];
        let (head, body, done) = (b.create_block(), b.create_block(), b.create_block());
        b.append_block_param(head, I64);
        let zero = b.ins().iconst(I64, 0);
        b.ins().jump(head, &[BlockArg::Value(zero)]);
        b.switch_to_block(head);
        let i = b.block_params(head)[0];
        let c = b.ins().icmp_imm_s(IntCC::SignedLessThan, i, n);
        b.ins().brif(c, body, &[], done, &[]);
        b.switch_to_block(body);
        env.call(b, catch, &[ctx]);
        let i1 = b.ins().iadd_imm_s(i, 1);
        b.ins().jump(head, &[BlockArg::Value(i1)]);
        b.switch_to_block(done);
        env.record(b, 100);
        b.ins().return_(&[]);
    });
    t.define(catch, open("main.catch", 10, 1), 0, 0, move |b, env, b0| {
        let ctx = b.block_params(b0)[0];
        let od = emit::OpenDefers::new(b, 1);
        let c = env.static_closure(b, d);
        od.defer(b, 0, c);
        let (normal, dr) = (b.create_block(), b.create_block());
        b.append_block_param(normal, I64);
        let ten = b.ins().iconst(I64, 10);
        let dref = env.fref(b, dive);
        emit::try_call(b, dref, &[ctx, ten], normal, 1, dr);
        b.switch_to_block(normal);
        b.ins().jump(dr, &[]);
        b.switch_to_block(dr);
        let csig = b.import_signature(emit::deferred_closure_sig());
        od.run_pending(b, csig, dr);
        b.ins().return_(&[]);
    });
    t.define(dive, go("main.dive", 3), 1, 1, move |b, env, b0| {
        let (ctx, n) = (b.block_params(b0)[0], b.block_params(b0)[1]);
        let (rec, base) = (b.create_block(), b.create_block());
        b.ins().brif(n, rec, &[], base, &[]);
        b.switch_to_block(rec);
        let n1 = b.ins().iadd_imm_s(n, -1);
        let r = env.call(b, dive, &[ctx, n1])[0];
        let r = b.ins().iadd_imm_s(r, 1);
        b.ins().return_(&[r]);
        b.switch_to_block(base);
        env.panic_int(b, 0);
    });
    t.define(d, go("main.catch.func1", 11), 0, 0, |b, env, _| {
        let out = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 16, 3));
        let p = b.ins().stack_addr(I64, out, 0);
        env.call(b, env.ids.gorecover, &[p]);
        b.ins().return_(&[]);
    });
    gojit_runtime::panic::gort_set_trace(std::env::var_os("GOJIT_TRACE").is_some());
    let prog = t.jit.finalize(Some(main)).unwrap();
    let (start, cpu0) = (std::time::Instant::now(), thread_cpu_ns());
    let status = prog.run_main();
    let (el, cpu) = (start.elapsed(), thread_cpu_ns() - cpu0);
    gojit_runtime::panic::gort_set_trace(false);
    assert_eq!((status, LOG.with(|l| l.borrow_mut().split_off(0))), (0, vec![100]));
    eprintln!(
        "{n} panic/recover round trips (10 frames deep): wall {:?}, cpu {:.1} ms = {:.0} ns each",
        el,
        cpu as f64 / 1e6,
        cpu as f64 / n as f64
    );
}

/// CPU time of the calling thread (the machine is shared: wall time is noisy).
fn thread_cpu_ns() -> u64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: valid clock id and out pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

#[test]
fn defer_recover_directly_does_not_recover() {
    // `defer recover()`: the wrapper's own recover call returns nil; the panic continues.
    let mut t = T::new();
    let (main, f, g) = (t.declare("main.main", 0, 0), t.declare("main.f", 0, 0), t.declare("main.g", 0, 0));
    let w = t.declare("main.f.deferwrap1", 0, 0);
    define_main(&mut t, main, f);
    define_open_f(&mut t, f, g, &[w]);
    define_panicker(&mut t, g, 42);
    let mut meta = go("main.f.deferwrap1", 11);
    meta.is_wrapper = true;
    t.define(w, meta, 0, 0, |b, env, _| {
        let out = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 16, 3));
        let p = b.ins().stack_addr(I64, out, 0);
        env.call(b, env.ids.gorecover, &[p]);
        let typ = b.ins().stack_load(I64, I64, out, 0);
        let data = b.ins().stack_load(I64, I64, out, 8);
        env.call(b, env.ids.record_eface, &[typ, data]);
        b.ins().return_(&[]);
    });
    assert_eq!(t.run(main), (2, vec![-1]));
}

#[test]
fn trace_narrates_raise_frames_defers_recover_and_resume() {
    if child() {
        let mut t = T::new();
        let (main, f, g, d) = (t.declare("main.main", 0, 0), t.declare("main.f", 0, 0), t.declare("main.g", 0, 0), t.declare("main.f.func1", 0, 0));
        define_main(&mut t, main, f);
        define_open_f(&mut t, f, g, &[d]);
        define_panicker(&mut t, g, 42);
        define_recoverer(&mut t, d, "main.f.func1");
        gojit_runtime::panic::gort_set_trace(true);
        let (status, _) = t.run(main);
        std::process::exit(status);
    }
    let (status, err) = in_child("jit::tests::trace_narrates_raise_frames_defers_recover_and_resume");
    assert_eq!(status, 0, "{err}");
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("[panic] ")).collect();
    assert_eq!(lines.len(), 5, "{err}");
    assert!(lines[0].starts_with("[panic] panic raised: 42 at main.g+0x"), "{err}");
    assert!(lines[1].starts_with("[panic] frame main.g+0x") && lines[1].ends_with("no defers"), "{err}");
    assert!(lines[2].contains("deferBits 0b00000001 -> 0b00000000, running defer 0"), "{err}");
    assert!(lines[3].starts_with("[panic] recovered by main.f.func1+0x"), "{err}");
    assert!(lines[4].starts_with("[panic] resume main.f at handler +0x") && lines[4].contains("sp=0x"), "{err}");
}
