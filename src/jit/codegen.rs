//! Machine-code generation of lowered functions: Cranelift's compile of one `ir::Function`, or
//! its result read back from the on-disk code cache (`crate::cache`), on the lowering thread or
//! on a pool of worker threads (issue 13's parallel compilation: lowering of the next function
//! overlaps the compile of the previous ones).
//!
//! The code cache: each function's compiled code is stored under Cranelift's incremental-cache
//! key (the function's IR without its external names, the ISA and its flags, Cranelift's
//! version), in the *pack* of its package ([`Packs`]): one cache file per package holding all its
//! functions' code, read once per run and rewritten once at the end of a compile when functions
//! were added (one file per function made a cold run spend more time creating files than
//! compiling). Which pack a function is looked up in only affects what is found, never what is
//! used: every entry is found by its own content key.
//!
//! Contract with `jit`: a [`Job`] is everything `Jit::define` was given; a [`Done`] is everything
//! `JITModule::define_function_bytes` and the function table need (bytes, alignment, module
//! relocations resolved through the job's own external-name table, and the captured metadata).
//! Results are installed in job order (`seq`), so code layout and the function table do not
//! depend on which thread finished first.

use super::{CompiledFunc, FuncMeta, JitError, capture};
use crate::cache::{Cache, Kind};
use std::collections::{BTreeMap, HashMap};
use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::incremental_cache::CacheKvStore;
use cranelift_codegen::isa::OwnedTargetIsa;
use cranelift_codegen::{Context, ir};
use cranelift_module::{FuncId, ModuleReloc};
use gojit_runtime::funcdata::FuncKind;
use std::borrow::Cow;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};

/// Stack of each worker thread: Cranelift's passes are iterative, but a generous reservation
/// (committed only as touched) keeps pathological functions from overflowing.
const WORKER_STACK: usize = 256 << 20;

/// One function to compile.
pub(crate) struct Job {
    pub seq: usize,
    pub id: FuncId,
    pub func: ir::Function,
    pub meta: FuncMeta,
    pub kind: FuncKind,
    /// The key of the pack the function's code is looked up in and stored to.
    pub pack: Arc<[u8]>,
}

/// The code packs of one compile, shared by the code generator threads.
pub struct Packs {
    cache: &'static Cache,
    packs: Mutex<HashMap<Arc<[u8]>, Pack>>,
}

/// One pack: the entries read from the cache, plus those compiled in this run.
struct Pack {
    entries: BTreeMap<Vec<u8>, Vec<u8>>,
    dirty: bool,
}

impl Packs {
    pub fn new(cache: &'static Cache) -> Packs {
        Packs { cache, packs: Mutex::new(HashMap::new()) }
    }

    fn with_pack<T>(&self, pack: &Arc<[u8]>, f: impl FnOnce(&mut Pack) -> T) -> T {
        let mut packs = self.packs.lock().unwrap_or_else(|e| e.into_inner());
        let p = packs.entry(pack.clone()).or_insert_with(|| {
            // A malformed pack is treated as empty and rewritten whole.
            let entries = self.cache.get(Kind::Pack, pack).and_then(|b| crate::cache::decode_pack(&b)).unwrap_or_default();
            Pack { entries, dirty: false }
        });
        f(p)
    }

    /// Writes every pack that gained entries (one file each, atomically replaced).
    pub fn flush(&self) {
        let mut packs = self.packs.lock().unwrap_or_else(|e| e.into_inner());
        for (key, p) in packs.iter_mut().filter(|(_, p)| p.dirty) {
            self.cache.put(Kind::Pack, key, &crate::cache::encode_pack(&p.entries));
            p.dirty = false;
        }
    }
}

/// One compiled function, ready to be placed in code memory.
pub(crate) struct Done {
    pub seq: usize,
    pub compiled: CompiledFunc,
    pub code: Vec<u8>,
    pub align: u64,
    pub relocs: Vec<ModuleReloc>,
}

/// Counters of the code generator (`--time`).
#[derive(Default)]
pub struct Stats {
    /// Functions compiled by Cranelift.
    pub compiled: AtomicU64,
    /// Functions whose code came from the cache.
    pub cached: AtomicU64,
    /// CPU nanoseconds spent generating code (or reading it from the cache), summed over threads.
    pub busy_ns: AtomicU64,
}

/// Compiles jobs on the current thread with its own Cranelift context.
pub(crate) struct Compiler {
    isa: OwnedTargetIsa,
    ctx: Context,
    keep_clif: bool,
    packs: Option<Arc<Packs>>,
    stats: Arc<Stats>,
}

/// One pack as Cranelift's key-value store.
struct Store<'a> {
    packs: &'a Packs,
    pack: &'a Arc<[u8]>,
}

impl CacheKvStore for Store<'_> {
    fn get(&self, key: &[u8]) -> Option<Cow<'_, [u8]>> {
        self.packs.with_pack(self.pack, |p| p.entries.get(key).cloned()).map(Cow::Owned)
    }

    fn insert(&mut self, key: &[u8], val: Vec<u8>) {
        self.packs.with_pack(self.pack, |p| {
            p.entries.insert(key.to_vec(), val);
            p.dirty = true;
        });
    }
}

impl Compiler {
    pub fn new(isa: OwnedTargetIsa, keep_clif: bool, packs: Option<Arc<Packs>>, stats: Arc<Stats>) -> Compiler {
        // Kept CLIF is Cranelift's optimised IR, which a cache hit never computes.
        let packs = if keep_clif { None } else { packs };
        Compiler { isa, ctx: Context::new(), keep_clif, packs, stats }
    }

    /// Generates the code of `job` (Cranelift panics and verifier errors become `JitError`s).
    pub fn compile(&mut self, job: Job) -> Result<Done, JitError> {
        let start = thread_cpu_ns();
        let Job { seq, id, func, meta, kind, pack } = job;
        self.ctx.clear();
        self.ctx.func = func;
        if super::phis::enabled() {
            super::phis::remove_trivial_params(&mut self.ctx.func);
        }
        let (ctx, isa, packs) = (&mut self.ctx, &*self.isa, self.packs.as_deref());
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> Result<bool, String> {
            let mut cp = ControlPlane::default();
            let outcome = match packs {
                Some(packs) => ctx.compile_with_cache(isa, &mut Store { packs, pack: &pack }, &mut cp).map(|(_, hit)| hit),
                None => ctx.compile(isa, &mut cp).map(|_| false),
            };
            outcome.map_err(|e| match &e.inner {
                cranelift_codegen::CodegenError::Verifier(v) => {
                    format!("verifier errors:\n{}", cranelift_codegen::print_errors::pretty_verifier_error(e.func, None, v.clone()))
                }
                other => format!("{other:?}"),
            })
        }));
        let hit = match result {
            Ok(Ok(hit)) => hit,
            Ok(Err(msg)) => return Err(JitError::Codegen { func: meta.go_name, msg }),
            Err(payload) => {
                let msg = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "code generator panicked".into());
                return Err(JitError::Codegen { func: meta.go_name, msg: format!("internal code generator error: {msg}") });
            }
        };
        let cc = self.ctx.compiled_code().ok_or_else(|| JitError::Codegen { func: meta.go_name.clone(), msg: "no compiled code".into() })?;
        let align = u64::from(cc.buffer.alignment);
        let relocs = cc.buffer.relocs().iter().map(|r| ModuleReloc::from_mach_reloc(r, &self.ctx.func, id)).collect();
        let code = cc.code_buffer().to_vec();
        let clif = self.keep_clif.then(|| self.ctx.func.display().to_string());
        let compiled = CompiledFunc { clif, ..capture(id, &self.ctx, meta, kind, &*self.isa)? };
        if let Some(p) = &self.packs {
            let s = &p.cache.stats;
            (if hit { &s.hits } else { &s.misses }).fetch_add(1, Ordering::Relaxed);
            if !hit && trace_misses() {
                eprintln!("gojit: code cache miss: {}", compiled.meta.go_name);
            }
        }
        let counter = if hit { &self.stats.cached } else { &self.stats.compiled };
        counter.fetch_add(1, Ordering::Relaxed);
        self.stats.busy_ns.fetch_add(thread_cpu_ns().saturating_sub(start), Ordering::Relaxed);
        Ok(Done { seq, compiled, code, align, relocs })
    }
}

/// Worker threads compiling jobs in parallel with the lowering thread.
pub(crate) struct Pool {
    jobs: Option<mpsc::Sender<Job>>,
    done: mpsc::Receiver<(usize, Result<Done, JitError>)>,
    threads: Vec<std::thread::JoinHandle<()>>,
    /// Jobs sent and not yet received back.
    pending: usize,
}

impl Pool {
    /// `n` workers, each with its own [`Compiler`]. `None` when no thread can be started.
    pub fn new(n: usize, make: impl Fn() -> Compiler) -> Option<Pool> {
        let (job_tx, job_rx) = mpsc::channel::<Job>();
        let (done_tx, done_rx) = mpsc::channel();
        let job_rx = Arc::new(Mutex::new(job_rx));
        let mut threads = Vec::new();
        for i in 0..n {
            let rx = job_rx.clone();
            let tx = done_tx.clone();
            let mut compiler = make();
            let spawned = std::thread::Builder::new().name(format!("gojit-codegen-{i}")).stack_size(WORKER_STACK).spawn(move || {
                loop {
                    // The lock is held only while waiting for the next job.
                    let job = match rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok(job) = job else { return };
                    let seq = job.seq;
                    if tx.send((seq, compiler.compile(job))).is_err() {
                        return;
                    }
                }
            });
            match spawned {
                Ok(t) => threads.push(t),
                Err(_) => break,
            }
        }
        if threads.is_empty() {
            return None;
        }
        Some(Pool { jobs: Some(job_tx), done: done_rx, threads, pending: 0 })
    }

    /// Number of worker threads.
    pub fn threads(&self) -> usize {
        self.threads.len()
    }

    /// Queues `job`.
    pub fn submit(&mut self, job: Job) -> Result<(), JitError> {
        let tx = self.jobs.as_ref().ok_or_else(|| JitError::Module("code generator pool closed".into()))?;
        tx.send(job).map_err(|_| JitError::Module("code generator threads exited".into()))?;
        self.pending += 1;
        Ok(())
    }

    /// Waits for every queued job; results sorted by `seq`. The error of the earliest failing job
    /// wins, so diagnostics do not depend on thread timing.
    pub fn wait_all(&mut self) -> Result<Vec<Done>, JitError> {
        let mut out = Vec::with_capacity(self.pending);
        let mut first_err: Option<(usize, JitError)> = None;
        while self.pending > 0 {
            let (seq, r) = self.done.recv().map_err(|_| JitError::Module("code generator threads exited".into()))?;
            self.pending -= 1;
            match r {
                Ok(d) => out.push(d),
                Err(e) => {
                    if first_err.as_ref().is_none_or(|(s, _)| seq < *s) {
                        first_err = Some((seq, e));
                    }
                }
            }
        }
        if let Some((_, e)) = first_err {
            return Err(e);
        }
        out.sort_by_key(|d| d.seq);
        Ok(out)
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        // Closing the job channel ends each worker after its current job.
        self.jobs = None;
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

/// CPU time of the calling thread, in nanoseconds (wall time would count a loaded machine's
/// other processes).
fn thread_cpu_ns() -> u64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec to the valid pointer it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// `GOJIT_CACHE_TRACE=1`: name each function whose code was not in the cache on stderr (to find
/// functions whose IR differs from run to run).
fn trace_misses() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("GOJIT_CACHE_TRACE").is_some_and(|v| v == "1"))
}

/// Worker threads to use: `GOJIT_JOBS` if set (0 or 1: compile on the lowering thread), else one
/// per available core.
pub fn default_threads() -> usize {
    if let Some(n) = std::env::var("GOJIT_JOBS").ok().and_then(|v| v.trim().parse::<usize>().ok()) {
        return n;
    }
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}
