//! The JIT: Cranelift ISA and code memory, per-function metadata capture, the runtime's function
//! table, `.eh_frame` registration, the trampolines, and running `main.main`.
//!
//! # Use (by `lower` and the driver)
//! ```text
//! let mut jit = Jit::new()?;                       // ISA + JITModule, runtime symbols bound
//! jit.set_source_file("/abs/path/prog.go");
//! let id = jit.module().declare_function("main.f", Linkage::Local, &sig)?;   // tail CC
//! let rt = jit.declare_runtime("gort_gopanic", &sig)?;                        // imports
//! // build ctx.func with cranelift-frontend; srcloc = Go line: b.set_srcloc(SourceLoc::new(line))
//! jit.define(id, &mut ctx, FuncMeta { go_name: "main.f".into(), decl_line: 10,
//!            defer_kind: DeferKind::OpenCoded { n: 2 }, is_wrapper: false })?;
//! jit.set_threads(2);                           // optional: later `define`s compile on workers
//! let prog = jit.finalize(Some(main_id))?;      // function table + eh_frame registered
//! std::process::exit(prog.run_main());          // runs on a 1 GiB goroutine stack
//! ```
//!
//! # Contract for generated code (DESIGN §4)
//! - Go functions use `CallConv::Tail`, hidden first parameter `ctx: i64` (see runtime `abi`).
//!   Do not emit `return_call` (tail calls would remove frames the panic walker needs).
//! - Source locations: `SourceLoc::new(line)` where `line` is the 1-based Go source line; every
//!   call must carry the line of the Go call expression (tracebacks and `dump` use it).
//! - Open-coded defers (`DeferKind::OpenCoded { n }`): an 1-byte stack slot keyed
//!   [`KEY_DEFERBITS`] (zeroed in the entry block), and for each defer `i < n` an 8-byte slot keyed
//!   [`key_closure`]`(i)` holding the deferred func value (a closure pointer). `defer` stores the
//!   closure then sets bit `i`. At each exit: for `i` from high to low, if bit `i` is set, clear it
//!   (store the byte) **before** calling closure `i` (`ctx = closure`, code at `[closure]`).
//! - Chained defers (`DeferKind::Chained`): `defer` calls `gort_deferproc(closure)`; each exit
//!   loops `c = gort_deferpop(); if c == 0 break; call c`. Both `system_v`, plain calls.
//! - In a function with defers, every call that may panic (Go calls, closure calls, `gort_*`
//!   that may panic, including calls to deferred closures at exits and in the deferreturn block)
//!   is a `try_call`/`try_call_indirect` whose default handler leads to the **deferreturn block**.
//!   That block uses no SSA value of the body: it runs the frame's remaining defers exactly as an
//!   exit does (from deferBits / `gort_deferpop`), then loads the results from their stack slots
//!   and returns. Results of such functions therefore live in stack slots.
//! - Runtime entry points that may panic are imported with a `tail` signature (≤ 6 integer
//!   args, ≤ 1 integer result); `gort_gorecover(out)`, `gort_deferproc`, `gort_deferpop` never
//!   panic and accept either convention (see `gojit_runtime::panic::symbols`, `emit::RtFn`).
//!   Rust functions returning two words must be reached through `gojit_runtime::tail_ret2_shim!`
//!   (`tail` returns the second word in rcx, `system_v` in rdx).
//!
//! # Code memory
//! cranelift-jit's default `SystemMemoryProvider` maps code pages read-write, copies code in, and
//! at `finalize_definitions` turns them read-execute (`region::protect`), never both writable and
//! executable; pages are never written again (a later `finalize` allocates new pages).

pub mod codegen;
pub mod emit;
pub mod image;
mod phis;
mod trampolines;

use cranelift_codegen::ir::{self, StackSlotKey};
use cranelift_codegen::isa::unwind::UnwindInfo;
use cranelift_codegen::isa::{OwnedTargetIsa, TargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::{Context, FinalizedMachExceptionHandler, gimli};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{FuncId, Linkage, Module, default_libcall_names};
use gojit_runtime::funcdata::{self, ArgLayout, CallSite, FuncDesc, FuncKind, FuncTable, InlinedBody};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::fmt;

pub use gojit_runtime::funcdata::DeferKind as TableDeferKind;

/// Stack-slot key of the open-coded defer bit mask (an 1-byte slot).
pub const KEY_DEFERBITS: u64 = 1;
/// Stack-slot keys `KEY_CLOSURE_BASE + i` hold open-coded defer `i`'s closure (8 bytes).
pub const KEY_CLOSURE_BASE: u64 = 0x100;
/// Largest number of open-coded defers per function (gc's limit; deferBits is one byte).
pub const MAX_OPEN_DEFERS: u32 = 8;
/// Stack-slot key of the argument image tracebacks print (see `lower::arginfo`).
pub const KEY_ARGS: u64 = 2;

/// The stack-slot key for open-coded defer `i`'s closure slot.
pub fn key_closure(i: u32) -> StackSlotKey {
    StackSlotKey::new(KEY_CLOSURE_BASE + u64::from(i))
}

/// The stack-slot key for the deferBits byte.
pub fn key_deferbits() -> StackSlotKey {
    StackSlotKey::new(KEY_DEFERBITS)
}

/// How a function implements its defers (decided by `lower`, DESIGN §4.2-4.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum DeferKind {
    #[default]
    None,
    /// `n` (1..=8) open-coded defers: deferBits + `n` closure slots.
    OpenCoded { n: u32 },
    /// Records on the goroutine's defer chain.
    Chained,
}

/// Bit position of the inline tag in an instruction's source location (the Go line is below it;
/// see [`FuncMeta::inlined`]).
pub const INLINE_TAG_SHIFT: u32 = 20;

/// What the runtime needs to know about a compiled function besides its code.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct FuncMeta {
    /// gc's name: `main.f`, `main.(*T).M`, `main.T.M`, `main.f.func1`.
    pub go_name: String,
    /// Line of the `func` keyword.
    pub decl_line: u32,
    pub defer_kind: DeferKind,
    /// Compiler-made closure for `defer f(x)` / `defer t.M()` / method values: transparent to
    /// `recover`'s direct-call rule.
    pub is_wrapper: bool,
    /// Bodies emitted inline (deferred func literals at exits, inlined calls) for inline tag
    /// `i + 1` (the tag sits above bit 20 of the instructions' source locations, the Go line
    /// below it).
    pub inlined: Vec<InlineFrame>,
    /// Absolute path of the function's source file (`""`: the program's file, see
    /// [`Jit::set_source_file`]).
    pub file: String,
    /// The traceback argument program (gc's `FUNCDATA_ArgInfo`, see `lower::arginfo`) over the
    /// argument image in the [`KEY_ARGS`] slot; `None`: tracebacks print `(...)`.
    pub arg_info: Option<Vec<u8>>,
    /// The function's call shape (`gojit_runtime::reflectcall::shape`) when it was declared from
    /// a Go signature: what `reflect.Value.Call` needs to call it.
    pub call_shape: Option<Vec<u8>>,
    /// In a function of a file with line directives: the line field of its source locations
    /// (and of its inline frames' `call_line`) is a position key, `(key, line, file)` sorted by
    /// key (`lower::linepos`); empty: plain lines.
    pub positions: Vec<(u32, u32, String)>,
    /// For each sized stack slot the lowering created (they come first; Cranelift's stack-map
    /// slots follow): whether it is a stack object (`lower::stackmaps`), when every value that may
    /// hold a heap pointer was declared for stack maps; `None`: the frame has no maps and is
    /// scanned conservatively.
    pub explicit_slots: Option<Vec<bool>>,
}

impl FuncMeta {
    /// The Go line of a source location's line field (a position key when
    /// [`FuncMeta::positions`] is not empty).
    fn key_line(&self, v: u32) -> u32 {
        self.position(v).map_or(v, |p| p.1)
    }

    fn position(&self, key: u32) -> Option<&(u32, u32, String)> {
        let i = self.positions.binary_search_by_key(&key, |p| p.0).ok()?;
        Some(&self.positions[i])
    }

    /// Turns position keys in `lines` into lines; returns where the file changes (see
    /// [`CompiledFunc::file_runs`]).
    fn resolve_positions(&self, lines: &mut Vec<(u32, u32)>) -> Vec<(u32, String)> {
        if self.positions.is_empty() {
            return vec![];
        }
        let mut runs: Vec<(u32, String)> = vec![];
        for l in lines.iter_mut() {
            let Some((_, line, file)) = self.position(l.1) else { continue };
            let cur = runs.last().map_or(self.file.as_str(), |r| r.1.as_str());
            if cur != file {
                runs.push((l.0, file.clone()));
            }
            l.1 = *line;
        }
        lines.dedup_by_key(|l| l.1);
        runs
    }
}

/// A body emitted inline, as tracebacks show it.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct InlineFrame {
    /// The gc name of the function (`main.f.func1`, `main.g`).
    pub name: String,
    /// The line, in the enclosing frame, of the exit (deferred literal) or call that ran it.
    pub call_line: u32,
    /// The inline tag of the enclosing frame (0: the function itself).
    pub parent: u32,
    /// An inlined call (printed `main.g(...)` without a pc offset, as gc prints inlined frames),
    /// not a deferred literal (printed as the uninlined frame gc has for it).
    pub call: bool,
}

/// Errors of the JIT layer. They indicate compiler bugs (bad IR, missing slots) or environment
/// problems, never user errors; the driver reports them as internal errors.
#[derive(Debug)]
pub enum JitError {
    /// The host ISA could not be configured.
    Isa(String),
    /// Cranelift rejected or failed to compile a function (verifier message included).
    Codegen { func: String, msg: String },
    /// An open-coded function lacks a keyed stack slot (the key is named).
    MissingSlot { func: String, key: String },
    /// An imported symbol is not provided by the runtime.
    UnknownSymbol(String),
    /// Module-level failure (declaration clash, finalization).
    Module(String),
}

impl fmt::Display for JitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JitError::Isa(m) => write!(f, "jit: cannot configure the target: {m}"),
            JitError::Codegen { func, msg } => write!(f, "jit: compiling {func}: {msg}"),
            JitError::MissingSlot { func, key } => write!(f, "jit: {func}: missing stack slot {key}"),
            JitError::UnknownSymbol(s) => write!(f, "jit: unknown runtime symbol {s}"),
            JitError::Module(m) => write!(f, "jit: {m}"),
        }
    }
}

impl std::error::Error for JitError {}

impl From<cranelift_module::ModuleError> for JitError {
    fn from(e: cranelift_module::ModuleError) -> Self {
        JitError::Module(e.to_string())
    }
}

/// Everything captured from one compiled function.
#[derive(Clone, Debug)]
pub struct CompiledFunc {
    pub id: FuncId,
    pub meta: FuncMeta,
    pub kind: FuncKind,
    pub size: u32,
    /// `frame_to_fp_offset`.
    pub frame_size: u32,
    /// fp-relative offset of deferBits (open-coded).
    pub deferbits_off: i32,
    /// fp-relative closure slot offsets by defer bit (open-coded).
    pub closure_offs: Vec<i32>,
    /// fp-relative offset of the argument image ([`KEY_ARGS`]; 0 when it has no slot).
    pub args_off: i32,
    /// `(code offset, Go line)`, sorted, non-zero lines only.
    pub lines: Vec<(u32, u32)>,
    /// `(start, end, inline tag)` code ranges of inlined deferred func literal bodies, sorted.
    pub inline_ranges: Vec<(u32, u32, u32)>,
    /// `(code offset, file)`: from that offset on the code is in `file` rather than the
    /// function's (line directives, [`FuncMeta::positions`]), sorted.
    pub file_runs: Vec<(u32, String)>,
    /// try_call sites with a handler, sorted by return offset.
    pub calls: Vec<CallSite>,
    /// Return offsets of all calls (for `dump` annotations).
    pub all_calls: Vec<u32>,
    /// The function's CLIF after Cranelift's optimizations, when [`Jit::set_keep_clif`] is on.
    pub clif: Option<String>,
    /// Its stack maps (see `gojit_runtime::stackmap`); `None`: scanned conservatively.
    pub stack: Option<StackInfo>,
    unwind: Option<UnwindInfo>,
}

/// A compiled function's frame description for the collector (`gojit_runtime::stackmap`),
/// fp-relative byte offsets.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct StackInfo {
    pub fixed_lo: i32,
    pub fixed_hi: i32,
    pub explicit: Vec<(i32, i32)>,
    /// Stack objects (scanned only when a live pointer refers to them), sorted.
    pub objects: Vec<(i32, i32)>,
    /// Every call: `(return offset, map slots)`, sorted.
    pub sites: Vec<(u32, Vec<i32>)>,
}

/// The JIT compiler for one program.
pub struct Jit {
    module: JITModule,
    isa: OwnedTargetIsa,
    funcs: Vec<CompiledFunc>,
    bound: HashSet<&'static str>,
    file: String,
    tramps: trampolines::Ids,
    keep_clif: bool,
    /// Definitions so far (the order code is placed in).
    seq: usize,
    /// The caller-thread compiler (no workers).
    local: Option<codegen::Compiler>,
    /// Worker threads, when enabled ([`Jit::set_threads`]).
    pool: Option<codegen::Pool>,
    packs: Option<Arc<codegen::Packs>>,
    pack_of: HashMap<String, Arc<[u8]>>,
    default_pack: Arc<[u8]>,
    stats: Arc<codegen::Stats>,
    /// With [`Jit::record_image`]: a copy of the code of every function defined, in order.
    recorded: Option<Vec<image::Bytes>>,
    /// The trampolines' code, as compiled by [`Jit::new`] (kept for [`Jit::record_image`]).
    trampoline_code: Vec<image::Bytes>,
}

/// Cranelift flags for gojit code (see the module docs).
pub(crate) fn isa() -> Result<OwnedTargetIsa, JitError> {
    let mut fb = settings::builder();
    let set = |fb: &mut settings::Builder, k: &str, v: &str| fb.set(k, v).map_err(|e| JitError::Isa(format!("{k}={v}: {e}")));
    set(&mut fb, "opt_level", "speed")?;
    set(&mut fb, "preserve_frame_pointers", "true")?;
    set(&mut fb, "unwind_info", "true")?;
    set(&mut fb, "is_pic", "false")?;
    set(&mut fb, "use_colocated_libcalls", "false")?;
    set(&mut fb, "enable_multi_ret_implicit_sret", "true")?;
    // Frames larger than a page probe every page, so no frame jumps over the stack guard.
    set(&mut fb, "enable_probestack", "true")?;
    set(&mut fb, "probestack_strategy", "inline")?;
    // The IR verifier catches lowering bugs early; it costs ~10% of compile time, so it runs in
    // debug builds (and whenever GOJIT_VERIFY is set), as gc's own checks do in its dev builds.
    let verify = cfg!(debug_assertions) || std::env::var_os("GOJIT_VERIFY").is_some();
    set(&mut fb, "enable_verifier", if verify { "true" } else { "false" })?;
    let builder = cranelift_native::builder().map_err(|e| JitError::Isa(e.to_string()))?;
    builder.finish(settings::Flags::new(fb)).map_err(|e| JitError::Isa(e.to_string()))
}

/// Every runtime symbol the JIT binds (`gojit_runtime::symbols()` includes the panic machinery's).
fn runtime_symbols() -> Vec<(&'static str, *const u8)> {
    gojit_runtime::symbols()
}

impl Jit {
    /// A JIT for the host with every runtime symbol bound by name.
    pub fn new() -> Result<Jit, JitError> {
        Jit::new_with_extra_symbols(Vec::new())
    }

    /// Like [`Jit::new`], also binding `extra` symbols (tests, embedders).
    pub fn new_with_extra_symbols(extra: Vec<(&'static str, *const u8)>) -> Result<Jit, JitError> {
        let mut jit = Jit::with_trampolines_declared(extra)?;
        jit.recorded = Some(Vec::new());
        trampolines::define_all(&mut jit)?;
        jit.trampoline_code = jit.recorded.take().unwrap_or_default();
        Ok(jit)
    }

    /// A JIT whose module declares the trampolines without defining them (`jit::image` defines
    /// them from their recorded code).
    fn with_trampolines_declared(extra: Vec<(&'static str, *const u8)>) -> Result<Jit, JitError> {
        // The descriptor region is mapped before any code memory: mapped in the middle of a
        // program's code allocations it could push them further apart than the ±2 GiB reach of
        // the pc-relative calls between JIT functions.
        gojit_runtime::abi::module::reserve();
        let isa = isa()?;
        let mut syms = runtime_symbols();
        syms.extend(extra);
        let bound: HashSet<&'static str> = syms.iter().map(|(n, _)| *n).collect();
        let mut jb = JITBuilder::with_isa(isa.clone(), default_libcall_names());
        jb.symbols(syms);
        let mut module = JITModule::new(jb);
        let tramps = trampolines::declare(&mut module)?;
        let jit = Jit {
            module,
            isa,
            funcs: Vec::new(),
            bound,
            file: String::new(),
            tramps,
            keep_clif: false,
            seq: 0,
            local: None,
            pool: None,
            packs: None,
            pack_of: HashMap::new(),
            default_pack: Arc::from(&b""[..]),
            stats: Default::default(),
            recorded: None,
            trampoline_code: Vec::new(),
        };
        Ok(jit)
    }

    /// The Go source file's absolute path (printed in tracebacks).
    pub fn set_source_file(&mut self, path: impl Into<String>) {
        self.file = path.into();
    }

    /// Keep each function's CLIF text in [`CompiledFunc::clif`] (for `gojit dump --clif`).
    pub fn set_keep_clif(&mut self, on: bool) {
        self.keep_clif = on;
        self.local = None;
    }

    /// The Cranelift module: declare functions and data, `make_context`, `declare_func_in_func`.
    pub fn module(&mut self) -> &mut JITModule {
        &mut self.module
    }

    pub fn isa(&self) -> &dyn TargetIsa {
        &*self.isa
    }

    /// Declares a runtime function for import, checking that the runtime provides it.
    pub fn declare_runtime(&mut self, name: &str, sig: &ir::Signature) -> Result<FuncId, JitError> {
        if !self.bound.contains(name) {
            return Err(JitError::UnknownSymbol(name.to_string()));
        }
        Ok(self.module.declare_function(name, Linkage::Import, sig)?)
    }

    /// Compiles `ctx.func` as the body of `id` and records its metadata. Clears `ctx` afterwards.
    pub fn define(&mut self, id: FuncId, ctx: &mut Context, meta: FuncMeta) -> Result<(), JitError> {
        self.define_kind(id, ctx, meta, FuncKind::Go)
    }

    fn define_kind(&mut self, id: FuncId, ctx: &mut Context, meta: FuncMeta, kind: FuncKind) -> Result<(), JitError> {
        let func = std::mem::replace(&mut ctx.func, ir::Function::new());
        self.module.clear_context(ctx);
        let pack = self.pack_of.get(&meta.file).unwrap_or(&self.default_pack).clone();
        let job = codegen::Job { seq: self.seq, id, func, meta, kind, pack };
        self.seq += 1;
        if let Some(pool) = &mut self.pool {
            return pool.submit(job);
        }
        if self.local.is_none() {
            self.local = Some(self.new_compiler());
        }
        let done = self.local.as_mut().expect("just created").compile(job)?;
        self.install(done)
    }

    fn new_compiler(&self) -> codegen::Compiler {
        codegen::Compiler::new(self.isa.clone(), self.keep_clif, self.packs.clone(), self.stats.clone())
    }

    /// Places a compiled function in code memory and records its metadata.
    fn install(&mut self, done: codegen::Done) -> Result<(), JitError> {
        self.module.define_function_bytes(done.compiled.id, done.align, &done.code, &done.relocs)?;
        if let Some(rec) = &mut self.recorded {
            rec.push(image::Bytes { code: done.code, align: done.align, relocs: done.relocs });
        }
        self.funcs.push(done.compiled);
        Ok(())
    }

    /// Reads and writes compiled code through `cache` (`None`: always compile): a function
    /// whose source file is a key of `pack_of` in that pack, any other in `default_pack` (see
    /// `codegen`). Set before [`Jit::set_threads`].
    pub fn set_cache(&mut self, cache: Option<&'static crate::cache::Cache>, pack_of: HashMap<String, Arc<[u8]>>, default_pack: Arc<[u8]>) {
        self.packs = cache.map(|c| Arc::new(codegen::Packs::new(c)));
        self.pack_of = pack_of;
        self.default_pack = default_pack;
        self.local = None;
    }

    /// Stores the code compiled so far in the cache (the driver calls it once code generation
    /// is done).
    pub fn flush_cache(&self) {
        if let Some(p) = &self.packs {
            p.flush();
        }
    }

    /// Compiles later definitions on `n` worker threads while the caller goes on lowering
    /// (`n <= 1`: on the caller's thread, reporting each function's errors from `define`). With
    /// workers, errors are reported by [`Jit::wait`] (or `finalize`).
    pub fn set_threads(&mut self, n: usize) {
        self.pool = None;
        if n > 1 {
            let pool = codegen::Pool::new(n, || self.new_compiler());
            self.pool = pool;
        }
    }

    /// Worker threads compiling definitions (0: none, the caller's thread compiles).
    pub fn threads(&self) -> usize {
        self.pool.as_ref().map_or(0, |p| p.threads())
    }

    /// The code generator's counters.
    pub fn codegen_stats(&self) -> &codegen::Stats {
        &self.stats
    }

    /// Waits until every function defined so far is compiled and placed in code memory.
    pub fn wait(&mut self) -> Result<(), JitError> {
        let Some(pool) = &mut self.pool else { return Ok(()) };
        for done in pool.wait_all()? {
            self.install(done)?;
        }
        Ok(())
    }

    /// Compiled functions so far (for `dump`; with worker threads, those placed by [`Jit::wait`]).
    pub fn compiled(&self) -> &[CompiledFunc] {
        &self.funcs
    }

    /// Links everything, publishes the function table and unwind info, installs the trampolines.
    /// `main` is `main.main`'s id when the program is to be run.
    pub fn finalize(mut self, main: Option<FuncId>) -> Result<Program, JitError> {
        self.wait()?;
        self.pool = None;
        self.check_imports()?;
        self.module.finalize_definitions()?;
        let mut table = FuncTable::new(self.file.clone());
        let mut frames = gimli::write::FrameTable::default();
        let cie = self.isa.create_systemv_cie().map(|c| frames.add_cie(c));
        let mut addrs = Vec::with_capacity(self.funcs.len());
        for c in &self.funcs {
            let start = self.module.get_finalized_function(c.id) as usize;
            addrs.push(start);
            // one row per frame of each range's inline chain, outermost first
            let mut inlined: Vec<InlinedBody> = vec![];
            for &(lo, hi, tag) in &c.inline_ranges {
                let mut chain = vec![];
                let mut t = tag;
                while t != 0 && chain.len() <= c.meta.inlined.len() {
                    let fr = &c.meta.inlined[t as usize - 1];
                    chain.push(fr);
                    t = fr.parent;
                }
                for fr in chain.iter().rev() {
                    let call_line = c.meta.key_line(fr.call_line);
                    inlined.push(InlinedBody { lo, hi, name: &fr.name, call_line, call: fr.call });
                }
            }
            let runs: Vec<(u32, &str)> = c.file_runs.iter().map(|(o, f)| (*o, f.as_str())).collect();
            table.push_with_files(&FuncDesc {
                start,
                size: c.size,
                name: &c.meta.go_name,
                decl_line: c.meta.decl_line,
                kind: c.kind,
                defer_kind: match c.meta.defer_kind {
                    DeferKind::None => TableDeferKind::None,
                    DeferKind::OpenCoded { .. } => TableDeferKind::OpenCoded,
                    DeferKind::Chained => TableDeferKind::Chained,
                },
                is_wrapper: c.meta.is_wrapper,
                frame_size: c.frame_size,
                deferbits_off: c.deferbits_off,
                closure_offs: &c.closure_offs,
                lines: &c.lines,
                inlined: &inlined,
                calls: &c.calls,
                args: c.meta.arg_info.as_deref().map(|prog| ArgLayout { prog, fp_off: c.args_off }),
                stack: c.stack.as_ref().map(|s| gojit_runtime::stackmap::StackDesc {
                    fixed_lo: s.fixed_lo,
                    fixed_hi: s.fixed_hi,
                    explicit: &s.explicit,
                    objects: &s.objects,
                    sites: &s.sites,
                }),
            }, &c.meta.file, &runs);
            if let Some(shape) = &c.meta.call_shape {
                table.set_call_shape(start, shape);
            }
            if let (Some(cie), Some(UnwindInfo::SystemV(u))) = (cie, &c.unwind) {
                frames.add_fde(cie, u.to_fde(gimli::write::Address::Constant(start as u64)));
            }
        }
        let table = funcdata::register(table);
        gojit_runtime::reflectcall::register_stubs();
        register_eh_frame(&frames);
        let addr = |id: FuncId| self.module.get_finalized_function(id) as usize;
        let tramps = gojit_runtime::trampoline::Trampolines {
            entry: addr(self.tramps.entry),
            defer: addr(self.tramps.defer),
            method: addr(self.tramps.method),
            timercall: addr(self.tramps.timercall),
        };
        gojit_runtime::trampoline::install(tramps);
        let main = main.map(addr);
        let by_id = self.funcs.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
        Ok(Program { module: self.module, funcs: self.funcs, addrs, by_id, table, main })
    }

    /// Every imported function must be bound (cranelift-jit would panic at link time otherwise).
    fn check_imports(&self) -> Result<(), JitError> {
        for (_, d) in self.module.declarations().get_functions() {
            if d.linkage == Linkage::Import {
                let name = d.name.as_deref().unwrap_or("");
                if !self.bound.contains(name) && !libc_has(name) {
                    return Err(JitError::UnknownSymbol(name.to_string()));
                }
            }
        }
        Ok(())
    }
}

/// Whether the process exports `name` (cranelift-jit's fallback lookup for libcalls).
fn libc_has(name: &str) -> bool {
    let Ok(c) = std::ffi::CString::new(name) else { return false };
    // SAFETY: dlsym with RTLD_DEFAULT and a valid C string.
    !unsafe { libc::dlsym(libc::RTLD_DEFAULT, c.as_ptr()) }.is_null()
}

/// Reads everything the runtime needs from a just-compiled context.
fn capture(id: FuncId, ctx: &Context, meta: FuncMeta, kind: FuncKind, isa: &dyn TargetIsa) -> Result<CompiledFunc, JitError> {
    let cc = ctx.compiled_code().ok_or_else(|| JitError::Codegen { func: meta.go_name.clone(), msg: "no compiled code".into() })?;
    let size = cc.code_buffer().len() as u32;
    let mut calls = Vec::new();
    let mut all_calls = Vec::new();
    for cs in cc.buffer.call_sites() {
        all_calls.push(cs.ret_addr);
        let handler = cs.exception_handlers.iter().find_map(|h| match h {
            FinalizedMachExceptionHandler::Default(off) => Some(*off),
            FinalizedMachExceptionHandler::Tag(_, off) => Some(*off),
            _ => None,
        });
        if let (Some(handler), Some(frame_offset)) = (handler, cs.frame_offset) {
            calls.push(CallSite { ret: cs.ret_addr, handler, frame_offset });
        }
    }
    calls.sort_by_key(|c| c.ret);
    let mut frame_size = 0;
    let mut deferbits_off = 0;
    let mut closure_offs = Vec::new();
    let mut args_off = 0;
    if let Some(fl) = cc.buffer.frame_layout() {
        frame_size = fl.frame_to_fp_offset;
        let fp_rel = |key: StackSlotKey| {
            fl.stackslots
                .values()
                .find(|s| s.key == Some(key))
                .map(|s| s.offset as i32 - fl.frame_to_fp_offset as i32)
        };
        args_off = fp_rel(StackSlotKey::new(KEY_ARGS)).unwrap_or(0);
        if let DeferKind::OpenCoded { n } = meta.defer_kind {
            let missing = |key: String| JitError::MissingSlot { func: meta.go_name.clone(), key };
            if n == 0 || n > MAX_OPEN_DEFERS {
                return Err(JitError::Codegen { func: meta.go_name.clone(), msg: format!("{n} open-coded defers (1..=8 allowed)") });
            }
            deferbits_off = fp_rel(key_deferbits()).ok_or_else(|| missing("KEY_DEFERBITS".into()))?;
            for i in 0..n {
                closure_offs.push(fp_rel(key_closure(i)).ok_or_else(|| missing(format!("key_closure({i})")))?);
            }
        }
    } else if matches!(meta.defer_kind, DeferKind::OpenCoded { .. }) {
        return Err(JitError::MissingSlot { func: meta.go_name.clone(), key: "frame layout".into() });
    }
    let mut lines: Vec<(u32, u32)> = cc
        .buffer
        .get_srclocs_sorted()
        .iter()
        .filter(|s| !s.loc.is_default() && s.loc.bits() != 0)
        .map(|s| (s.start, s.loc.bits()))
        .collect();
    lines.dedup_by_key(|l| l.1);
    // Split the inline tags off the lines (see `FuncMeta::inlined`).
    let mut inline_ranges: Vec<(u32, u32, u32)> = vec![];
    for s in cc.buffer.get_srclocs_sorted() {
        let tag = s.loc.bits() >> INLINE_TAG_SHIFT;
        if tag == 0 || s.loc.is_default() || tag as usize > meta.inlined.len() {
            continue;
        }
        match inline_ranges.last_mut() {
            Some(last) if last.2 == tag && last.1 == s.start => last.1 = s.end,
            _ => inline_ranges.push((s.start, s.end, tag)),
        }
    }
    for l in &mut lines {
        l.1 &= (1 << INLINE_TAG_SHIFT) - 1;
    }
    lines.dedup_by_key(|l| l.1);
    let file_runs = meta.resolve_positions(&mut lines);
    let stack = match (kind, &meta.explicit_slots) {
        (FuncKind::Go, Some(objects)) => stack_info(ctx, objects),
        _ => None,
    };
    let unwind = cc.create_unwind_info(isa).map_err(|e| JitError::Codegen { func: meta.go_name.clone(), msg: format!("unwind info: {e}") })?;
    Ok(CompiledFunc {
        id,
        meta,
        kind,
        size,
        frame_size,
        deferbits_off,
        closure_offs,
        args_off,
        lines,
        inline_ranges,
        file_runs,
        calls,
        all_calls,
        clif: None,
        stack,
        unwind,
    })
}

/// The frame description of a compiled Go function whose lowering created `explicit` stack
/// slots before Cranelift added the stack-map slots (see `gojit_runtime::stackmap` for the
/// layout). `None` (conservative scanning) when the layout is not the expected one.
fn stack_info(ctx: &Context, objects: &[bool]) -> Option<StackInfo> {
    use cranelift_codegen::isa::unwind::UnwindInst;
    let cc = ctx.compiled_code()?;
    let fl = cc.buffer.frame_layout()?;
    let frame = fl.frame_to_fp_offset as i32;
    let clobbers = cc.buffer.unwind_info.iter().find_map(|(_, u)| match u {
        UnwindInst::DefineNewFrame { offset_downward_to_clobbers, .. } => Some(*offset_downward_to_clobbers as i32),
        _ => None,
    })?;
    let fixed_hi = -clobbers;
    let slot_range = |slot: ir::StackSlot, offset: u32| {
        let lo = offset as i32 - frame;
        (lo, lo + ctx.func.sized_stack_slots[slot].size as i32)
    };
    let fixed_lo = fl.stackslots.iter().map(|(slot, s)| slot_range(slot, s.offset).0).min().unwrap_or(fixed_hi);
    // The traceback argument image ([`KEY_ARGS`]) only prints: like gc's spilled-argument area it
    // is not a root (a dead argument must not keep its object alive).
    let (mut always, mut objs): (Vec<(i32, i32)>, Vec<(i32, i32)>) = (vec![], vec![]);
    for (slot, s) in fl.stackslots.iter() {
        let i = slot.as_u32() as usize;
        if i >= objects.len() || s.key == Some(StackSlotKey::new(KEY_ARGS)) {
            continue;
        }
        let r = slot_range(slot, s.offset);
        if objects[i] { objs.push(r) } else { always.push(r) }
    }
    always.sort();
    objs.sort();
    let mut merged: Vec<(i32, i32)> = vec![];
    for r in always {
        match merged.last_mut() {
            Some(last) if r.0 <= last.1 => last.1 = last.1.max(r.1),
            _ => merged.push(r),
        }
    }
    let mut sites: std::collections::BTreeMap<u32, Vec<i32>> = cc.buffer.call_sites().map(|cs| (cs.ret_addr, vec![])).collect();
    for (ret, _span, map) in cc.buffer.user_stack_maps() {
        // a slow path's call added after the safepoint spilling: no map, the frame is then
        // scanned conservatively (lower::stackmaps::insert_unmapped_calls)
        if crate::lower::stackmaps::is_unmapped(map) {
            sites.remove(ret);
            continue;
        }
        let slots = sites.entry(*ret).or_default();
        slots.extend(map.entries().map(|(_, off)| off as i32 - frame));
    }
    let inside = |lo: i32, hi: i32| lo >= fixed_lo && hi <= fixed_hi;
    if fixed_lo < -frame || fixed_lo > fixed_hi || fixed_hi > 0 {
        return None;
    }
    if !merged.iter().chain(&objs).all(|&(lo, hi)| inside(lo, hi)) || !sites.values().flatten().all(|&o| inside(o, o + 8)) {
        return None;
    }
    Some(StackInfo { fixed_lo, fixed_hi, explicit: merged, objects: objs, sites: sites.into_iter().collect() })
}

/// Registers the `.eh_frame` of JIT code with libgcc's unwinder (native backtraces and debuggers
/// cross JIT frames). The section is leaked: code memory is never freed either.
fn register_eh_frame(frames: &gimli::write::FrameTable) {
    let mut eh = gimli::write::EhFrame(gimli::write::EndianVec::new(gimli::LittleEndian));
    if frames.write_eh_frame(&mut eh).is_err() {
        return;
    }
    let mut bytes = eh.0.into_vec();
    if bytes.is_empty() {
        return;
    }
    bytes.extend_from_slice(&[0, 0, 0, 0]);
    let leaked: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    unsafe extern "C" {
        fn __register_frame(begin: *const u8);
    }
    // SAFETY: libgcc's __register_frame takes a whole zero-terminated .eh_frame section that stays
    // valid forever (leaked above), describing code that stays mapped forever.
    unsafe { __register_frame(leaked.as_ptr()) };
}

/// A linked program: code stays mapped for the life of the process.
pub struct Program {
    #[allow(dead_code)]
    module: JITModule,
    funcs: Vec<CompiledFunc>,
    addrs: Vec<usize>,
    /// The index in `funcs` of each function id.
    by_id: HashMap<FuncId, usize>,
    table: &'static FuncTable,
    main: Option<usize>,
}

impl Program {
    /// Runs `main.main` on a fresh goroutine stack; returns the exit status (0, 2 after an
    /// unrecovered panic or fatal error, n after `os.Exit(n)`). Stdout is flushed.
    pub fn run_main(&self) -> i32 {
        match self.main {
            Some(code) => gojit_runtime::trampoline::run_main(code),
            None => gojit_runtime::panic::fatal("program has no main.main"),
        }
    }

    /// The code address of a compiled function.
    pub fn address(&self, id: FuncId) -> Option<usize> {
        self.by_id.get(&id).map(|&i| self.addrs[i])
    }

    /// The compiled functions with their addresses, in definition order.
    pub fn functions(&self) -> impl Iterator<Item = (&CompiledFunc, usize)> {
        self.funcs.iter().zip(self.addrs.iter().copied())
    }

    /// The machine code of a compiled function.
    pub fn code(&self, f: &CompiledFunc, addr: usize) -> &[u8] {
        // SAFETY: `addr..addr+size` is finalized, read-execute code that is never unmapped.
        unsafe { std::slice::from_raw_parts(addr as *const u8, f.size as usize) }
    }

    /// The runtime function table of this program.
    pub fn table(&self) -> &'static FuncTable {
        self.table
    }
}

#[cfg(test)]
mod tests;
