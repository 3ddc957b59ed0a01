//! The hook table: every body gojit supplies for a GOROOT function that has none in Go source
//! (assembly, `//go:linkname` into the runtime, compiler intrinsics), declared once ([`HOOKS`])
//! with the Go signature gc declares, how gojit implements it and whether it may panic (issue 10,
//! "What gojit provides, and only that").
//!
//! Each row is one of:
//! - [`Impl::Inline`]: Cranelift instructions ([`Op`]); the hooked function's body is those
//!   instructions, and direct calls emit them at the call site (no call).
//! - [`Impl::Entry`]: a runtime entry point declared in `rt::DECLS` whose parameters are the Go
//!   parameters' words (narrow words as their Go types) and whose results are the Go results'
//!   words, or, with `out`, a pointer to one 8-byte slot per result word the entry fills.
//! - [`Impl::Go`]: another Go function of the program with the same signature (gc's assembly
//!   computes exactly what that Go function computes; e.g. `math.archMax` is `math.max`).
//!
//! Rows of [`Kind::Intrinsic`] replace a Go body gc also replaces (e.g. `math.sqrt`, whose Go
//! body is a bit-by-bit software square root gc never runs).
//!
//! Invariants, checked by tests against GOROOT's source and `rt::DECLS`: every row's `sig` is the
//! type string of the declaration it hooks; every `Entry` is declared with the words its
//! signature implies; an `Inline` op's operand and result words fit the signature.

/// Whether the hooked function has no Go body, or has one gc replaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Bodyless,
    Intrinsic,
}

/// Instructions of an inline hook. Operands are the Go parameters' words in order; widths come
/// from the signature (an atomic's width is that of its value operand or result).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `x` rounded toward -Inf (SSE4.1 `roundsd`, as gc's `archFloor`).
    Floor,
    Ceil,
    Trunc,
    Sqrt,
    /// `x*y + z` with one rounding.
    Fma,
    /// The constant result (the parameters are ignored).
    Const(i64),
    /// Nothing (no results).
    Nop,
    /// `*p`, sequentially consistent.
    AtomicLoad,
    /// `*p = v`.
    AtomicStore,
    /// `old := *p; *p = v; return old`.
    AtomicXchg,
    /// `*p += d; return *p` (the new value, as `Xadd` and `AddInt32`).
    AtomicAdd,
    /// `old := *p; *p &= v; return old` (or no result).
    AtomicAnd,
    /// `old := *p; *p |= v; return old` (or no result).
    AtomicOr,
    /// `if *p == old { *p = new; return true }; return false`.
    AtomicCas,
    /// Calls the last parameter, a `func()` value (`synctest.inBubble(b, f)`: gojit has no
    /// bubbles, so `f` runs outside any). May panic: `f`'s panics unwind through the hook.
    CallFunc,
    /// `reflect.call(frametype, f, frame, size, retOffset, frameSize, regs)`: calls the func
    /// value `f` with the arguments in its ABI0 frame and writes its results there
    /// (`runtime/src/reflectcall.rs`). May panic: `f`'s panics unwind through it.
    ReflectCall,
    /// The code address of the func value in an `any` (`abi.FuncPCABI0`/`FuncPCABIInternal`:
    /// gojit has one ABI).
    FuncPC,
}

/// How a hooked function is implemented.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Impl {
    Inline(Op),
    /// A runtime entry point; `out`: results through a pointer to 8-byte slots.
    Entry { sym: &'static str, out: bool },
    /// Another Go function (qualified as gc names it).
    Go(&'static str),
    /// Not supported by gojit: the body calls runtime entry `sym`, which takes no words and
    /// raises a Go panic saying so (the parameters are ignored; for signatures a panicking
    /// entry could not take, such as `reflect.call`'s seven words).
    Unsupported(&'static str),
    /// The function's code *is* the runtime's machine code `sym`, which follows no fixed Go
    /// signature (reflect's `makeFuncStub`/`methodValueCall`: the code of closures of any func
    /// type, reached only as `abi.FuncPCABI0(f)`, never called from Go); `calls` are the Go
    /// functions it calls, compiled whenever the package is (as gc's assembly references them).
    Native { sym: &'static str, calls: &'static [&'static str] },
}

/// One hooked function.
#[derive(Clone, Copy, Debug)]
pub struct Hook {
    /// gc's qualified name: `math.archFloor`, `internal/cpu.cpuid`.
    pub name: &'static str,
    /// The declaration's type as gojit prints it (`func(float64) float64`).
    pub sig: &'static str,
    pub kind: Kind,
    pub imp: Impl,
    /// Whether the implementation may raise a Go panic (an `Entry` row's entry is then declared
    /// `Tail`; inline ops never panic).
    pub may_panic: bool,
}

const fn bodyless(name: &'static str, sig: &'static str, imp: Impl) -> Hook {
    Hook { name, sig, kind: Kind::Bodyless, imp, may_panic: false }
}

const fn intrinsic(name: &'static str, sig: &'static str, imp: Impl) -> Hook {
    Hook { name, sig, kind: Kind::Intrinsic, imp, may_panic: false }
}

const fn entry(sym: &'static str) -> Impl {
    Impl::Entry { sym, out: false }
}

const fn entry_out(sym: &'static str) -> Impl {
    Impl::Entry { sym, out: true }
}

use Impl::{Go, Inline};
use Op::*;

/// Every hook (one row per function).
pub const HOOKS: &[Hook] = &[
    // ---- internal/cpu (cpu_x86.s): the CPU's feature words, read by the runtime's arch entry
    bodyless("internal/cpu.cpuid", "func(uint32, uint32) (uint32, uint32, uint32, uint32)", entry_out("gort_cpuid")),
    bodyless("internal/cpu.xgetbv", "func() (uint32, uint32)", entry_out("gort_xgetbv")),
    // gojit's code generator targets the baseline x86-64 (GOAMD64=v1, gc's default)
    bodyless("internal/cpu.getGOAMD64level", "func() int32", Inline(Const(1))),
    // ---- math (*_amd64.s): SSE4.1 rounding, and ports of gc's assembly where it computes
    // differently from the Go fallback (exp: Shibata's method; log: its own evaluation order)
    bodyless("math.archFloor", "func(float64) float64", Inline(Floor)),
    bodyless("math.archCeil", "func(float64) float64", Inline(Ceil)),
    bodyless("math.archTrunc", "func(float64) float64", Inline(Trunc)),
    // dim_amd64.s implements exactly max/min's special cases (±Inf, NaN, ±0)
    bodyless("math.archMax", "func(float64, float64) float64", Go("math.max")),
    bodyless("math.archMin", "func(float64, float64) float64", Go("math.min")),
    bodyless("math.archExp", "func(float64) float64", entry("gort_math_exp")),
    bodyless("math.archLog", "func(float64) float64", entry("gort_math_log")),
    bodyless("math.archHypot", "func(float64, float64) float64", entry("gort_math_hypot")),
    // gc intrinsifies these (SQRTSD, VFMADD231SD)
    intrinsic("math.sqrt", "func(float64) float64", Inline(Sqrt)),
    intrinsic("math.FMA", "func(float64, float64, float64) float64", Inline(Fma)),
    // ---- internal/abi (compiler intrinsics)
    bodyless("internal/abi.FuncPCABI0", "func(interface {}) uintptr", Inline(FuncPC)),
    bodyless("internal/abi.FuncPCABIInternal", "func(interface {}) uintptr", Inline(FuncPC)),
    // ---- internal/bytealg (*_amd64.s): the runtime's byte loops
    Hook { may_panic: true, ..bodyless("internal/bytealg.MakeNoZero", "func(int) []uint8", entry_out("gort_bytealg_makenozero")) },
    bodyless("internal/bytealg.Compare", "func([]uint8, []uint8) int", entry("gort_bytealg_compare")),
    bodyless("internal/bytealg.abigen_runtime_cmpstring", "func(string, string) int", entry("gort_cmpstring")),
    bodyless("internal/bytealg.Count", "func([]uint8, uint8) int", entry("gort_bytealg_count")),
    bodyless("internal/bytealg.CountString", "func(string, uint8) int", entry("gort_bytealg_countstring")),
    bodyless("internal/bytealg.abigen_runtime_memequal", "func(unsafe.Pointer, unsafe.Pointer, uintptr) bool", entry("gort_memequal")),
    bodyless("internal/bytealg.Index", "func([]uint8, []uint8) int", entry("gort_bytealg_index")),
    bodyless("internal/bytealg.IndexString", "func(string, string) int", entry("gort_bytealg_indexstring")),
    bodyless("internal/bytealg.IndexByte", "func([]uint8, uint8) int", entry("gort_bytealg_indexbyte")),
    bodyless("internal/bytealg.IndexByteString", "func(string, uint8) int", entry("gort_bytealg_indexbytestring")),
    // ---- internal/runtime/atomic (atomic_amd64.s: LOCK-prefixed instructions, XCHG stores)
    bodyless("internal/runtime/atomic.Xadd", "func(*uint32, int32) uint32", Inline(AtomicAdd)),
    bodyless("internal/runtime/atomic.Xadd64", "func(*uint64, int64) uint64", Inline(AtomicAdd)),
    bodyless("internal/runtime/atomic.Xadduintptr", "func(*uintptr, uintptr) uintptr", Inline(AtomicAdd)),
    bodyless("internal/runtime/atomic.Xaddint32", "func(*int32, int32) int32", Inline(AtomicAdd)),
    bodyless("internal/runtime/atomic.Xaddint64", "func(*int64, int64) int64", Inline(AtomicAdd)),
    bodyless("internal/runtime/atomic.Xchg8", "func(*uint8, uint8) uint8", Inline(AtomicXchg)),
    bodyless("internal/runtime/atomic.Xchg", "func(*uint32, uint32) uint32", Inline(AtomicXchg)),
    bodyless("internal/runtime/atomic.Xchg64", "func(*uint64, uint64) uint64", Inline(AtomicXchg)),
    bodyless("internal/runtime/atomic.Xchguintptr", "func(*uintptr, uintptr) uintptr", Inline(AtomicXchg)),
    bodyless("internal/runtime/atomic.Xchgint32", "func(*int32, int32) int32", Inline(AtomicXchg)),
    bodyless("internal/runtime/atomic.Xchgint64", "func(*int64, int64) int64", Inline(AtomicXchg)),
    bodyless("internal/runtime/atomic.And8", "func(*uint8, uint8)", Inline(AtomicAnd)),
    bodyless("internal/runtime/atomic.Or8", "func(*uint8, uint8)", Inline(AtomicOr)),
    bodyless("internal/runtime/atomic.And", "func(*uint32, uint32)", Inline(AtomicAnd)),
    bodyless("internal/runtime/atomic.Or", "func(*uint32, uint32)", Inline(AtomicOr)),
    bodyless("internal/runtime/atomic.And32", "func(*uint32, uint32) uint32", Inline(AtomicAnd)),
    bodyless("internal/runtime/atomic.Or32", "func(*uint32, uint32) uint32", Inline(AtomicOr)),
    bodyless("internal/runtime/atomic.And64", "func(*uint64, uint64) uint64", Inline(AtomicAnd)),
    bodyless("internal/runtime/atomic.Or64", "func(*uint64, uint64) uint64", Inline(AtomicOr)),
    bodyless("internal/runtime/atomic.Anduintptr", "func(*uintptr, uintptr) uintptr", Inline(AtomicAnd)),
    bodyless("internal/runtime/atomic.Oruintptr", "func(*uintptr, uintptr) uintptr", Inline(AtomicOr)),
    bodyless("internal/runtime/atomic.Cas", "func(*uint32, uint32, uint32) bool", Inline(AtomicCas)),
    bodyless("internal/runtime/atomic.Cas64", "func(*uint64, uint64, uint64) bool", Inline(AtomicCas)),
    bodyless("internal/runtime/atomic.CasRel", "func(*uint32, uint32, uint32) bool", Inline(AtomicCas)),
    bodyless("internal/runtime/atomic.Casp1", "func(*unsafe.Pointer, unsafe.Pointer, unsafe.Pointer) bool", Inline(AtomicCas)),
    bodyless("internal/runtime/atomic.Casint32", "func(*int32, int32, int32) bool", Inline(AtomicCas)),
    bodyless("internal/runtime/atomic.Casint64", "func(*int64, int64, int64) bool", Inline(AtomicCas)),
    bodyless("internal/runtime/atomic.Casuintptr", "func(*uintptr, uintptr, uintptr) bool", Inline(AtomicCas)),
    bodyless("internal/runtime/atomic.casPointer", "func(*unsafe.Pointer, unsafe.Pointer, unsafe.Pointer) bool", Inline(AtomicCas)),
    bodyless("internal/runtime/atomic.Store", "func(*uint32, uint32)", Inline(AtomicStore)),
    bodyless("internal/runtime/atomic.Store8", "func(*uint8, uint8)", Inline(AtomicStore)),
    bodyless("internal/runtime/atomic.Store64", "func(*uint64, uint64)", Inline(AtomicStore)),
    bodyless("internal/runtime/atomic.StoreRel", "func(*uint32, uint32)", Inline(AtomicStore)),
    bodyless("internal/runtime/atomic.StoreRel64", "func(*uint64, uint64)", Inline(AtomicStore)),
    bodyless("internal/runtime/atomic.StoreReluintptr", "func(*uintptr, uintptr)", Inline(AtomicStore)),
    bodyless("internal/runtime/atomic.StorepNoWB", "func(unsafe.Pointer, unsafe.Pointer)", Inline(AtomicStore)),
    bodyless("internal/runtime/atomic.Storeint32", "func(*int32, int32)", Inline(AtomicStore)),
    bodyless("internal/runtime/atomic.Storeint64", "func(*int64, int64)", Inline(AtomicStore)),
    bodyless("internal/runtime/atomic.Storeuintptr", "func(*uintptr, uintptr)", Inline(AtomicStore)),
    bodyless("internal/runtime/atomic.storePointer", "func(*unsafe.Pointer, unsafe.Pointer)", Inline(AtomicStore)),
    bodyless("internal/runtime/atomic.Loaduintptr", "func(*uintptr) uintptr", Inline(AtomicLoad)),
    bodyless("internal/runtime/atomic.Loaduint", "func(*uint) uint", Inline(AtomicLoad)),
    bodyless("internal/runtime/atomic.Loadint32", "func(*int32) int32", Inline(AtomicLoad)),
    bodyless("internal/runtime/atomic.Loadint64", "func(*int64) int64", Inline(AtomicLoad)),
    // ---- sync/atomic (asm.s jumps to internal/runtime/atomic)
    bodyless("sync/atomic.SwapInt32", "func(*int32, int32) int32", Inline(AtomicXchg)),
    bodyless("sync/atomic.SwapUint32", "func(*uint32, uint32) uint32", Inline(AtomicXchg)),
    bodyless("sync/atomic.SwapUintptr", "func(*uintptr, uintptr) uintptr", Inline(AtomicXchg)),
    bodyless("sync/atomic.SwapPointer", "func(*unsafe.Pointer, unsafe.Pointer) unsafe.Pointer", Inline(AtomicXchg)),
    bodyless("sync/atomic.SwapInt64", "func(*int64, int64) int64", Inline(AtomicXchg)),
    bodyless("sync/atomic.SwapUint64", "func(*uint64, uint64) uint64", Inline(AtomicXchg)),
    bodyless("sync/atomic.CompareAndSwapInt32", "func(*int32, int32, int32) bool", Inline(AtomicCas)),
    bodyless("sync/atomic.CompareAndSwapUint32", "func(*uint32, uint32, uint32) bool", Inline(AtomicCas)),
    bodyless("sync/atomic.CompareAndSwapUintptr", "func(*uintptr, uintptr, uintptr) bool", Inline(AtomicCas)),
    bodyless("sync/atomic.CompareAndSwapPointer", "func(*unsafe.Pointer, unsafe.Pointer, unsafe.Pointer) bool", Inline(AtomicCas)),
    bodyless("sync/atomic.CompareAndSwapInt64", "func(*int64, int64, int64) bool", Inline(AtomicCas)),
    bodyless("sync/atomic.CompareAndSwapUint64", "func(*uint64, uint64, uint64) bool", Inline(AtomicCas)),
    bodyless("sync/atomic.AddInt32", "func(*int32, int32) int32", Inline(AtomicAdd)),
    bodyless("sync/atomic.AddUint32", "func(*uint32, uint32) uint32", Inline(AtomicAdd)),
    bodyless("sync/atomic.AddUintptr", "func(*uintptr, uintptr) uintptr", Inline(AtomicAdd)),
    bodyless("sync/atomic.AddInt64", "func(*int64, int64) int64", Inline(AtomicAdd)),
    bodyless("sync/atomic.AddUint64", "func(*uint64, uint64) uint64", Inline(AtomicAdd)),
    bodyless("sync/atomic.AndInt32", "func(*int32, int32) int32", Inline(AtomicAnd)),
    bodyless("sync/atomic.AndUint32", "func(*uint32, uint32) uint32", Inline(AtomicAnd)),
    bodyless("sync/atomic.AndUintptr", "func(*uintptr, uintptr) uintptr", Inline(AtomicAnd)),
    bodyless("sync/atomic.AndInt64", "func(*int64, int64) int64", Inline(AtomicAnd)),
    bodyless("sync/atomic.AndUint64", "func(*uint64, uint64) uint64", Inline(AtomicAnd)),
    bodyless("sync/atomic.OrInt32", "func(*int32, int32) int32", Inline(AtomicOr)),
    bodyless("sync/atomic.OrUint32", "func(*uint32, uint32) uint32", Inline(AtomicOr)),
    bodyless("sync/atomic.OrUintptr", "func(*uintptr, uintptr) uintptr", Inline(AtomicOr)),
    bodyless("sync/atomic.OrInt64", "func(*int64, int64) int64", Inline(AtomicOr)),
    bodyless("sync/atomic.OrUint64", "func(*uint64, uint64) uint64", Inline(AtomicOr)),
    bodyless("sync/atomic.LoadInt32", "func(*int32) int32", Inline(AtomicLoad)),
    bodyless("sync/atomic.LoadUint32", "func(*uint32) uint32", Inline(AtomicLoad)),
    bodyless("sync/atomic.LoadUintptr", "func(*uintptr) uintptr", Inline(AtomicLoad)),
    bodyless("sync/atomic.LoadPointer", "func(*unsafe.Pointer) unsafe.Pointer", Inline(AtomicLoad)),
    bodyless("sync/atomic.LoadInt64", "func(*int64) int64", Inline(AtomicLoad)),
    bodyless("sync/atomic.LoadUint64", "func(*uint64) uint64", Inline(AtomicLoad)),
    bodyless("sync/atomic.StoreInt32", "func(*int32, int32)", Inline(AtomicStore)),
    bodyless("sync/atomic.StoreUint32", "func(*uint32, uint32)", Inline(AtomicStore)),
    bodyless("sync/atomic.StoreUintptr", "func(*uintptr, uintptr)", Inline(AtomicStore)),
    bodyless("sync/atomic.StorePointer", "func(*unsafe.Pointer, unsafe.Pointer)", Inline(AtomicStore)),
    bodyless("sync/atomic.StoreInt64", "func(*int64, int64)", Inline(AtomicStore)),
    bodyless("sync/atomic.StoreUint64", "func(*uint64, uint64)", Inline(AtomicStore)),
    // ---- hash/crc32 (crc32_amd64.s: the SSE4.2 CRC32 instruction, PCLMULQDQ): table loops
    bodyless("hash/crc32.castagnoliSSE42", "func(uint32, []uint8) uint32", entry("gort_crc32_castagnoli")),
    bodyless(
        "hash/crc32.castagnoliSSE42Triple",
        "func(uint32, uint32, uint32, []uint8, []uint8, []uint8, uint32) (uint32, uint32, uint32)",
        entry_out("gort_crc32_castagnoli_triple"),
    ),
    bodyless("hash/crc32.ieeeCLMUL", "func(uint32, []uint8) uint32", entry("gort_crc32_ieee")),
    // ---- runtime: the facade's body-less functions (runtime/go/runtime), the scheduler's and
    // the collector's entry points
    bodyless("runtime.Gosched", "func()", entry("gort_gosched")),
    Hook { may_panic: true, ..bodyless("runtime.Goexit", "func()", entry("gort_goexit")) },
    bodyless("runtime.NumGoroutine", "func() int", entry("gort_numgoroutine")),
    bodyless("runtime.NumCPU", "func() int", entry("gort_numcpu")),
    bodyless("runtime.GOMAXPROCS", "func(int) int", entry("gort_gomaxprocs")),
    bodyless("runtime.GC", "func()", entry("gort_gc")),
    // the descriptors of the runtime's error values are the facade's (runtime/go/runtime/error.go)
    bodyless(
        "runtime.registerErrorTypes",
        "func(interface {}, interface {}, interface {}, interface {}, interface {})",
        entry("gort_register_error_types"),
    ),
    // the value is live until this call (the collector scans the caller's frame)
    bodyless("runtime.KeepAlive", "func(interface {})", entry("gort_keepalive")),
    // the finalizer table and goroutine (runtime/src/gc/finalizer.rs)
    bodyless("runtime.SetFinalizer", "func(interface {}, interface {})", entry("gort_setfinalizer")),
    Hook { may_panic: true, ..bodyless("runtime.ReadMemStats", "func(*runtime.MemStats)", entry("gort_readmemstats")) },
    // the function table (runtime/src/callers.rs): return pcs of the goroutine's frames, and
    // each pc's function, file and line
    bodyless("runtime.callers", "func(int, []uintptr) int", entry("gort_callers")),
    bodyless("runtime.funcEntry", "func(uintptr) uintptr", entry("gort_funcentry")),
    bodyless("runtime.funcName", "func(uintptr) string", entry_out("gort_funcname")),
    bodyless("runtime.funcFileLine", "func(uintptr, uintptr) (string, int)", entry_out("gort_funcfileline")),
    bodyless("runtime.funcInlined", "func(uintptr) bool", entry("gort_funcinlined")),
    bodyless("runtime.funcOuter", "func(uintptr) uintptr", entry("gort_funcouter")),
    bodyless("runtime.stack", "func([]uint8, bool) int", entry("gort_stack")),
    bodyless("runtime.Breakpoint", "func()", entry("gort_breakpoint")),
    bodyless("runtime.write1", "func(uintptr, unsafe.Pointer, int) int", entry("gort_write")),
    bodyless("runtime.gogetenv", "func(string) string", entry_out("gort_getenv")),
    // ---- internal/godebug (gc's runtime.go godebug_*: the facade's godebug.go)
    bodyless("internal/godebug.setUpdate", "func(func(string, string))", Go("runtime.godebug_setUpdate")),
    bodyless("internal/godebug.setNewIncNonDefault", "func(func(string) func())", Go("runtime.godebug_setNewIncNonDefault")),
    bodyless("internal/godebug.registerMetric", "func(string, func() uint64)", Go("runtime.godebug_registerMetric")),
    bodyless("internal/godebug.write", "func(uintptr, unsafe.Pointer, int32) int32", Go("runtime.write")),
    bodyless("runtime.nanotime", "func() int64", entry("gort_nanotime")),
    // ---- runtime/trace (gc's traceruntime.go, trace.go, tracetime.go linknames: the facade's
    // trace.go, the execution tracer's entry points with tracing off)
    bodyless("runtime/trace.userTaskCreate", "func(uint64, uint64, string)", Go("runtime.trace_userTaskCreate")),
    bodyless("runtime/trace.userTaskEnd", "func(uint64)", Go("runtime.trace_userTaskEnd")),
    bodyless("runtime/trace.userRegion", "func(uint64, uint64, string)", Go("runtime.trace_userRegion")),
    bodyless("runtime/trace.userLog", "func(uint64, string, string)", Go("runtime.trace_userLog")),
    bodyless("runtime/trace.runtime_traceClockUnitsPerSecond", "func() uint64", Go("runtime.traceClockUnitsPerSecond")),
    bodyless("runtime/trace.runtime_traceAdvance", "func(bool)", Go("runtime.traceAdvance")),
    bodyless("runtime/trace.runtime_traceClockNow", "func() uint64", Go("runtime.traceClockNow")),
    // ---- math/rand (runtime.rand: gc's per-M ChaCha8 stream; gojit's fastrand)
    bodyless("math/rand.runtime_rand", "func() uint64", entry("gort_rand")),
    // ---- internal/reflectlite (linknamed into gc's runtime: reflectlite_*): descriptors in the
    // runtime's module region, allocation, typed copies (no write barriers: the collector stops
    // the world and never moves objects), itabs
    bodyless("internal/reflectlite.resolveNameOff", "func(unsafe.Pointer, int32) unsafe.Pointer", entry("gort_resolve_name_off")),
    bodyless("internal/reflectlite.resolveTypeOff", "func(unsafe.Pointer, int32) unsafe.Pointer", entry("gort_resolve_type_off")),
    bodyless("internal/reflectlite.chanlen", "func(unsafe.Pointer) int", entry("gort_chanlen")),
    bodyless("internal/reflectlite.maplen", "func(unsafe.Pointer) int", entry("gort_maplen")),
    Hook { may_panic: true, ..bodyless("internal/reflectlite.unsafe_New", "func(*abi.Type) unsafe.Pointer", entry("gort_new")) },
    Hook { may_panic: true, ..bodyless("internal/reflectlite.ifaceE2I", "func(*abi.Type, interface {}, unsafe.Pointer)", entry("gort_ifacee2i")) },
    bodyless("internal/reflectlite.typedmemmove", "func(*abi.Type, unsafe.Pointer, unsafe.Pointer)", entry("gort_typedmemmove")),
    // ---- maps (runtime/map.go's mapclone)
    bodyless("maps.clone", "func(interface {}) interface {}", entry("gort_maps_clone")),
    // ---- sync and internal/sync (runtime/sema.go, proc.go): semaphores and notify lists in the
    // scheduler (runtime/src/sched/sema.rs)
    bodyless("internal/sync.runtime_SemacquireMutex", "func(*uint32, bool, int)", entry("gort_semacquire_mutex")),
    bodyless("internal/sync.runtime_Semrelease", "func(*uint32, bool, int)", entry("gort_semrelease")),
    // one P: spinning never helps (gc's canSpin is false when GOMAXPROCS is 1)
    bodyless("internal/sync.runtime_canSpin", "func(int) bool", Inline(Const(0))),
    bodyless("internal/sync.runtime_doSpin", "func()", Inline(Nop)),
    bodyless("internal/sync.runtime_nanotime", "func() int64", entry("gort_nanotime")),
    bodyless("internal/sync.runtime_rand", "func() uint64", entry("gort_rand")),
    bodyless("internal/sync.throw", "func(string)", entry("gort_sync_fatal")),
    bodyless("internal/sync.fatal", "func(string)", entry("gort_sync_fatal")),
    bodyless("sync.runtime_SemacquireWaitGroup", "func(*uint32, bool)", entry("gort_semacquire_waitgroup")),
    bodyless("sync.runtime_SemacquireRWMutexR", "func(*uint32, bool, int)", entry("gort_semacquire_rwmutexr")),
    bodyless("sync.runtime_SemacquireRWMutex", "func(*uint32, bool, int)", entry("gort_semacquire_rwmutex")),
    bodyless("sync.runtime_Semrelease", "func(*uint32, bool, int)", entry("gort_semrelease")),
    bodyless("sync.runtime_notifyListAdd", "func(*sync.notifyList) uint32", entry("gort_notifylist_add")),
    bodyless("sync.runtime_notifyListWait", "func(*sync.notifyList, uint32)", entry("gort_notifylist_wait")),
    bodyless("sync.runtime_notifyListNotifyAll", "func(*sync.notifyList)", entry("gort_notifylist_notifyall")),
    bodyless("sync.runtime_notifyListNotifyOne", "func(*sync.notifyList)", entry("gort_notifylist_notifyone")),
    bodyless("sync.runtime_notifyListCheck", "func(uintptr)", entry("gort_notifylist_check")),
    bodyless("sync.runtime_randn", "func(uint32) uint32", entry("gort_randn")),
    // pools are not cleared by collections (gc's are): a pooled object stays alive until taken
    bodyless("sync.runtime_registerPoolCleanup", "func(func())", Inline(Nop)),
    bodyless("sync.runtime_procPin", "func() int", Inline(Const(0))),
    bodyless("sync.runtime_procUnpin", "func()", Inline(Nop)),
    bodyless("sync.fatal", "func(string)", entry("gort_sync_fatal")),
    bodyless("sync.throw", "func(string)", entry("gort_sync_fatal")),
    bodyless("sync.runtime_Semacquire", "func(*uint32)", entry("gort_semacquire")),
    // ---- internal/synctest: gojit has no bubbles (synctest.Run is not supported), so no
    // goroutine is in one and no pointer is associated with one
    bodyless("internal/synctest.IsInBubble", "func() bool", Inline(Const(0))),
    bodyless("internal/synctest.associate", "func(unsafe.Pointer) int", Inline(Const(0))),
    bodyless("internal/synctest.disassociate", "func(unsafe.Pointer)", Inline(Nop)),
    bodyless("internal/synctest.isAssociated", "func(unsafe.Pointer) bool", Inline(Const(0))),
    // the bubble of a Bubble value (there are none: acquire, which makes them, is unhooked)
    bodyless("internal/synctest.release", "func(interface {})", Inline(Nop)),
    Hook { may_panic: true, ..bodyless("internal/synctest.inBubble", "func(interface {}, func())", Inline(CallFunc)) },
    // ---- reflect (runtime/map.go, mbarrier.go, iface.go, type.go, ... linknamed; gc's
    // asm_amd64.s): entries over gojit's gc-layout descriptors and maps (runtime/src/reflect.rs)
    bodyless("reflect.resolveNameOff", "func(unsafe.Pointer, int32) unsafe.Pointer", entry("gort_resolve_name_off")),
    bodyless("reflect.resolveTypeOff", "func(unsafe.Pointer, int32) unsafe.Pointer", entry("gort_resolve_type_off")),
    bodyless("reflect.resolveTextOff", "func(unsafe.Pointer, int32) unsafe.Pointer", entry("gort_resolve_text_off")),
    bodyless("reflect.addReflectOff", "func(unsafe.Pointer) int32", entry("gort_reflect_addreflectoff")),
    bodyless("reflect.getStaticuint64s", "func() *[256]uint64", entry("gort_reflect_staticuint64s")),
    bodyless("reflect.compiledTypelinks", "func() ([]*abi.Type, [][]*abi.Type)", entry_out("gort_reflect_typelinks")),
    bodyless("reflect.adjustAIXGCDataForRuntime", "func(*uint8) *uint8", entry("gort_reflect_adjust_gcdata")),
    Hook { may_panic: true, ..bodyless("reflect.unsafe_New", "func(*abi.Type) unsafe.Pointer", entry("gort_new")) },
    Hook { may_panic: true, ..bodyless("reflect.unsafe_NewArray", "func(*abi.Type, int) unsafe.Pointer", entry("gort_reflect_newarray")) },
    bodyless("reflect.chancap", "func(unsafe.Pointer) int", entry("gort_chancap")),
    bodyless("reflect.chanlen", "func(unsafe.Pointer) int", entry("gort_chanlen")),
    Hook { may_panic: true, ..bodyless("reflect.chanclose", "func(unsafe.Pointer)", entry("gort_closechan")) },
    Hook { may_panic: true, ..bodyless("reflect.chanrecv", "func(unsafe.Pointer, bool, unsafe.Pointer) (bool, bool)", entry_out("gort_reflect_chanrecv")) },
    Hook { may_panic: true, ..bodyless("reflect.chansend0", "func(unsafe.Pointer, unsafe.Pointer, bool) bool", entry("gort_reflect_chansend")) },
    Hook { may_panic: true, ..bodyless("reflect.makechan", "func(*abi.Type, int) unsafe.Pointer", entry("gort_reflect_makechan")) },
    Hook { may_panic: true, ..bodyless("reflect.rselect", "func([]reflect.runtimeSelect) (int, bool)", entry_out("gort_reflect_rselect")) },
    Hook { may_panic: true, ..bodyless("reflect.makemap", "func(*abi.Type, int) unsafe.Pointer", entry("gort_makemap")) },
    Hook { may_panic: true, ..bodyless("reflect.mapaccess", "func(*abi.Type, unsafe.Pointer, unsafe.Pointer) unsafe.Pointer", entry("gort_reflect_mapaccess")) },
    bodyless("reflect.mapaccess_faststr", "func(*abi.Type, unsafe.Pointer, string) unsafe.Pointer", entry("gort_reflect_mapaccess_faststr")),
    Hook { may_panic: true, ..bodyless("reflect.mapassign0", "func(*abi.Type, unsafe.Pointer, unsafe.Pointer, unsafe.Pointer)", entry("gort_reflect_mapassign")) },
    Hook {
        may_panic: true,
        ..bodyless("reflect.mapassign_faststr0", "func(*abi.Type, unsafe.Pointer, string, unsafe.Pointer)", entry("gort_reflect_mapassign_faststr"))
    },
    Hook { may_panic: true, ..bodyless("reflect.mapdelete", "func(*abi.Type, unsafe.Pointer, unsafe.Pointer)", entry("gort_mapdelete")) },
    bodyless("reflect.mapdelete_faststr", "func(*abi.Type, unsafe.Pointer, string)", entry("gort_mapdelete_faststr")),
    bodyless("reflect.maplen", "func(unsafe.Pointer) int", entry("gort_maplen")),
    Hook { may_panic: true, ..bodyless("reflect.mapclear", "func(*abi.Type, unsafe.Pointer)", entry("gort_mapclear")) },
    // gojit's maps are not swiss tables: iteration runs gojit's iterator inside the maps.Iter
    intrinsic("reflect.mapIterStart", "func(*abi.MapType, *maps.Map, *maps.Iter)", entry("gort_reflect_mapiterstart")),
    intrinsic("reflect.mapIterNext", "func(*maps.Iter)", entry("gort_reflect_mapiternext")),
    Hook { may_panic: true, ..bodyless("reflect.ifaceE2I", "func(*abi.Type, interface {}, unsafe.Pointer)", entry("gort_ifacee2i")) },
    bodyless("reflect.memmove", "func(unsafe.Pointer, unsafe.Pointer, uintptr)", entry("gort_memmove")),
    bodyless("reflect.typedmemmove", "func(*abi.Type, unsafe.Pointer, unsafe.Pointer)", entry("gort_typedmemmove")),
    bodyless("reflect.typedmemclr", "func(*abi.Type, unsafe.Pointer)", entry("gort_reflect_typedmemclr")),
    bodyless("reflect.typedmemclrpartial", "func(*abi.Type, unsafe.Pointer, uintptr, uintptr)", entry("gort_reflect_typedmemclrpartial")),
    bodyless("reflect.typedarrayclear", "func(*abi.Type, unsafe.Pointer, int)", entry("gort_reflect_typedarrayclear")),
    Hook { may_panic: true, ..bodyless("reflect.typehash", "func(*abi.Type, unsafe.Pointer, uintptr) uintptr", entry("gort_reflect_typehash")) },
    bodyless("reflect.typedslicecopy", "func(*abi.Type, unsafeheader.Slice, unsafeheader.Slice) int", entry("gort_reflect_typedslicecopy")),
    bodyless("reflect.verifyNotInHeapPtr", "func(uintptr) bool", entry("gort_reflect_verify_not_in_heap_ptr")),
    Hook {
        may_panic: true,
        ..bodyless("reflect.growslice", "func(*abi.Type, unsafeheader.Slice, int) unsafeheader.Slice", entry("gort_reflect_growslice"))
    },
    // calls through reflect (Value.Call, Method(i).Call): reflect lays the arguments out as ABI0
    // (gojit sets its intArgRegs/floatArgRegs to 0, `staticinit`), the runtime moves them into
    // gojit's convention by the callee's call shape
    Hook {
        may_panic: true,
        ..bodyless("reflect.call", "func(*abi.Type, unsafe.Pointer, unsafe.Pointer, uint32, uint32, uint32, *abi.RegArgs)", Inline(ReflectCall))
    },
    // the code of MakeFunc functions and reflect-made method values (runtime/src/reflectcall.rs)
    Hook {
        may_panic: true,
        ..bodyless("reflect.makeFuncStub", "func()", Impl::Native { sym: "gort_reflect_makefuncstub", calls: &["reflect.callReflect"] })
    },
    Hook {
        may_panic: true,
        ..bodyless("reflect.methodValueCall", "func()", Impl::Native { sym: "gort_reflect_methodvaluecall", calls: &["reflect.callMethod"] })
    },
    // ---- internal/runtime/maps (linknamed into the runtime): reached through reflect's map
    // code; gojit's own maps never run the swiss-table code that calls most of these
    bodyless("internal/runtime/maps.fatal", "func(string)", entry("gort_throw")),
    bodyless("internal/runtime/maps.rand", "func() uint64", entry("gort_rand")),
    bodyless("internal/runtime/maps.typedmemmove", "func(*abi.Type, unsafe.Pointer, unsafe.Pointer)", entry("gort_typedmemmove")),
    bodyless("internal/runtime/maps.typedmemclr", "func(*abi.Type, unsafe.Pointer)", entry("gort_reflect_typedmemclr")),
    Hook { may_panic: true, ..bodyless("internal/runtime/maps.newarray", "func(*abi.Type, int) unsafe.Pointer", entry("gort_reflect_newarray")) },
    Hook { may_panic: true, ..bodyless("internal/runtime/maps.newobject", "func(*abi.Type) unsafe.Pointer", entry("gort_new")) },
    bodyless("internal/runtime/maps.typeString", "func(*abi.Type) string", entry("gort_reflect_typestring")),
    bodyless("internal/runtime/maps.memHashAES", "func(unsafe.Pointer, uintptr, uintptr) uintptr", entry("gort_reflect_memhash")),
    // ---- internal/runtime/sys (compiler intrinsic): read only under race.Enabled, false here
    bodyless("internal/runtime/sys.GetCallerPC", "func() uintptr", Inline(Const(0))),
    // runtime.procPin/procUnpin: one P, and no preemption inside a pinned section matters to
    // Value.Store's spin (gojit preempts only at safepoints of the same goroutine)
    bodyless("sync/atomic.runtime_procPin", "func() int", Inline(Const(0))),
    bodyless("sync/atomic.runtime_procUnpin", "func()", Inline(Nop)),
    // ---- time (runtime/time.go): the timer heap and clocks of runtime/src/sched/time.rs
    bodyless("time.Sleep", "func(time.Duration)", entry("gort_timesleep")),
    bodyless(
        "time.newTimer",
        "func(int64, int64, func(interface {}, uintptr, int64), interface {}, unsafe.Pointer) *time.Timer",
        entry("gort_newtimer"),
    ),
    bodyless("time.stopTimer", "func(*time.Timer) bool", entry("gort_stoptimer")),
    bodyless("time.resetTimer", "func(*time.Timer, int64, int64) bool", entry("gort_resettimer")),
    bodyless("time.now", "func() (int64, int32, int64)", entry_out("gort_time_now")),
    bodyless("time.runtimeNow", "func() (int64, int32, int64)", entry_out("gort_time_now")),
    bodyless("time.runtimeNano", "func() int64", entry("gort_nanotime")),
    // no synctest bubbles (see internal/synctest)
    bodyless("time.runtimeIsBubbled", "func() bool", Inline(Const(0))),
    // ---- internal/runtime/syscall/linux (asm_linux_amd64.s) and syscall (runtime/src/sys)
    bodyless(
        "internal/runtime/syscall/linux.Syscall6",
        "func(uintptr, uintptr, uintptr, uintptr, uintptr, uintptr, uintptr) (uintptr, uintptr, uintptr)",
        entry_out("gort_syscall6"),
    ),
    bodyless("syscall.rawSyscallNoError", "func(uintptr, uintptr, uintptr, uintptr) (uintptr, uintptr)", entry_out("gort_rawsyscall_noerror")),
    bodyless("syscall.gettimeofday", "func(*syscall.Timeval) syscall.Errno", entry("gort_gettimeofday")),
    bodyless("syscall.runtime_envs", "func() []string", entry_out("gort_envs")),
    // gc's physPageSize on linux/amd64
    bodyless("syscall.Getpagesize", "func() int", Inline(Const(4096))),
    // gc's exit: no deferred calls run, nothing is flushed
    Hook { may_panic: true, ..bodyless("syscall.Exit", "func(int)", entry("gort_exit")) },
    // gc copies the environment into the runtime for cgo and GODEBUG updates; gojit has no cgo
    // and reads GODEBUG/GOGC/GOTRACEBACK once at start-up (syscall keeps its own copy, which
    // Getenv reads)
    bodyless("syscall.runtimeSetenv", "func(string, string)", Inline(Nop)),
    bodyless("syscall.runtimeUnsetenv", "func(string)", Inline(Nop)),
    bodyless("syscall.runtimeClearenv", "func(map[string]int)", Inline(Nop)),
    // one M (runtime/src/sched): a blocking call blocks the run, there is no P to hand off
    bodyless("syscall.runtime_entersyscall", "func()", Inline(Nop)),
    bodyless("syscall.runtime_exitsyscall", "func()", Inline(Nop)),
    // process creation (exec_linux.go; runtime/proc.go's fork hooks): one M, so nothing to stop
    // around a fork but the child's signal dispositions
    bodyless("syscall.rawVforkSyscall", "func(uintptr, uintptr, uintptr, uintptr) (uintptr, syscall.Errno)", entry_out("gort_rawvforksyscall")),
    bodyless("syscall.runtime_BeforeFork", "func()", Inline(Nop)),
    bodyless("syscall.runtime_AfterFork", "func()", Inline(Nop)),
    bodyless("syscall.runtime_AfterForkInChild", "func()", entry("gort_afterforkinchild")),
    bodyless("syscall.runtime_BeforeExec", "func()", Inline(Nop)),
    bodyless("syscall.runtime_AfterExec", "func()", Inline(Nop)),
    bodyless("syscall.hasWaitingReaders", "func(*sync.RWMutex) bool", Go("sync.syscall_hasWaitingReaders")),
    // one thread runs Go code: a per-thread call made on it is made on all of them
    bodyless(
        "syscall.runtime_doAllThreadsSyscall",
        "func(uintptr, uintptr, uintptr, uintptr, uintptr, uintptr, uintptr) (uintptr, uintptr, uintptr)",
        entry_out("gort_syscall6"),
    ),
    bodyless("syscall.cgocaller", "func(unsafe.Pointer, ...uintptr) uintptr", entry("gort_cgocaller")),
    // internal/syscall/unix's and os's pull linknames onto syscall's functions
    bodyless("internal/syscall/unix.RecvfromInet4", "func(int, []uint8, int, *syscall.SockaddrInet4) (int, error)", Go("syscall.recvfromInet4")),
    bodyless("internal/syscall/unix.RecvfromInet6", "func(int, []uint8, int, *syscall.SockaddrInet6) (int, error)", Go("syscall.recvfromInet6")),
    bodyless("internal/syscall/unix.SendtoInet4", "func(int, []uint8, int, *syscall.SockaddrInet4) error", Go("syscall.sendtoInet4")),
    bodyless("internal/syscall/unix.SendtoInet6", "func(int, []uint8, int, *syscall.SockaddrInet6) error", Go("syscall.sendtoInet6")),
    bodyless(
        "internal/syscall/unix.SendmsgNInet4",
        "func(int, []uint8, []uint8, *syscall.SockaddrInet4, int) (int, error)",
        Go("syscall.sendmsgNInet4"),
    ),
    bodyless(
        "internal/syscall/unix.SendmsgNInet6",
        "func(int, []uint8, []uint8, *syscall.SockaddrInet6, int) (int, error)",
        Go("syscall.sendmsgNInet6"),
    ),
    bodyless(
        "internal/syscall/unix.RecvmsgInet4",
        "func(int, []uint8, []uint8, int, *syscall.SockaddrInet4) (int, int, int, error)",
        Go("syscall.recvmsgInet4"),
    ),
    bodyless(
        "internal/syscall/unix.RecvmsgInet6",
        "func(int, []uint8, []uint8, int, *syscall.SockaddrInet6) (int, int, int, error)",
        Go("syscall.recvmsgInet6"),
    ),
    bodyless("internal/syscall/unix.Utimensat", "func(int, string, *[2]syscall.Timespec, int) error", Go("syscall.utimensat")),
    bodyless("os.checkClonePidfd", "func() error", Go("syscall.os_checkClonePidfd")),
    // gc ignores SIGSYS while probing clone's pidfd support; gojit installs no SIGSYS handler
    bodyless("os.ignoreSIGSYS", "func()", Inline(Nop)),
    bodyless("os.restoreSIGSYS", "func()", Inline(Nop)),
    bodyless("internal/syscall/unix.fcntl", "func(int32, int32, int32) (int32, int32)", entry_out("gort_fcntl")),
    bodyless("internal/syscall/unix.vgetrandom", "func([]uint8, uint32) (int, bool)", entry_out("gort_vgetrandom")),
    // ---- internal/poll (runtime/netpoll.go, sema.go): blocking readiness waits (sys/poll.rs)
    bodyless("internal/poll.runtime_Semacquire", "func(*uint32)", entry("gort_semacquire")),
    bodyless("internal/poll.runtime_Semrelease", "func(*uint32)", entry("gort_semrelease_nohandoff")),
    bodyless("internal/poll.runtimeNano", "func() int64", entry("gort_nanotime")),
    bodyless("internal/poll.runtime_pollServerInit", "func()", Inline(Nop)),
    bodyless("internal/poll.runtime_pollOpen", "func(uintptr) (uintptr, int)", entry_out("gort_pollopen")),
    bodyless("internal/poll.runtime_pollClose", "func(uintptr)", entry("gort_pollclose")),
    bodyless("internal/poll.runtime_pollWait", "func(uintptr, int) int", entry("gort_pollwait")),
    // a wait is never cancelled half-way (it blocks the thread)
    bodyless("internal/poll.runtime_pollWaitCanceled", "func(uintptr, int)", Inline(Nop)),
    bodyless("internal/poll.runtime_pollReset", "func(uintptr, int) int", entry("gort_pollreset")),
    bodyless("internal/poll.runtime_pollSetDeadline", "func(uintptr, int64, int)", entry("gort_pollsetdeadline")),
    bodyless("internal/poll.runtime_pollUnblock", "func(uintptr)", entry("gort_pollunblock")),
    // no netpoller, so no descriptor of its own
    bodyless("internal/poll.runtime_isPollServerDescriptor", "func(uintptr) bool", Inline(Const(0))),
    // ---- runtime facade (runtime/go/runtime/os_linux.go)
    bodyless("runtime.GOROOT", "func() string", entry_out("gort_goroot")),
    bodyless("runtime.Version", "func() string", entry_out("gort_version")),
    // ---- os (runtime/runtime.go, proc.go, signal_unix.go)
    bodyless("os.runtime_args", "func() []string", entry_out("gort_os_args")),
    bodyless("os.sigpipe", "func()", entry("gort_sigpipe")),
    // gc runs the exit hooks (coverage, ...) that internal/runtime/exithook registered; gojit
    // registers none
    bodyless("os.runtime_beforeExit", "func(int)", Inline(Nop)),
    bodyless("os.runtime_rand", "func() uint64", entry("gort_rand")),
    // ---- runtime/debug (runtime/mgcpacer.go, mheap.go, mstats.go): the collector's controls
    // (runtime/src/gc/debug.rs)
    bodyless("runtime/debug.setGCPercent", "func(int32) int32", entry("gort_setgcpercent")),
    bodyless("runtime/debug.setMemoryLimit", "func(int64) int64", entry("gort_setmemorylimit")),
    bodyless("runtime/debug.SetTraceback", "func(string)", entry("gort_settraceback")),
    bodyless("runtime/debug.freeOSMemory", "func()", entry("gort_freeosmemory")),
    bodyless("runtime/debug.readGCStats", "func(*[]time.Duration)", entry("gort_readgcstats")),
    // ---- math/rand/v2 (runtime.rand) and internal/chacha8rand (its amd64 assembly `block`
    // computes what the portable block_generic does)
    bodyless("math/rand/v2.runtime_rand", "func() uint64", entry("gort_rand")),
    bodyless("internal/chacha8rand.block", "func(*[4]uint64, *[32]uint64, uint32)", Go("internal/chacha8rand.block_generic")),
    // ---- weak, unique (runtime/mheap.go: weak handles; runtime/go/runtime/mgc.go)
    bodyless("weak.runtime_registerWeakPointer", "func(unsafe.Pointer) unsafe.Pointer", Go("runtime.weak_registerWeakPointer")),
    bodyless("weak.runtime_makeStrongFromWeak", "func(unsafe.Pointer) unsafe.Pointer", Go("runtime.weak_makeStrongFromWeak")),
    bodyless("unique.runtime_rand", "func() uint64", entry("gort_rand")),
];

/// The row hooking `name`, if any.
pub fn find(name: &str) -> Option<&'static Hook> {
    HOOKS.iter().find(|h| h.name == name)
}

// ---- audit: the table against a loaded program (tests, `gojit` developers) ----------------------

use gojit_runtime::entrysig::Word;

use crate::syntax::ast;
use crate::types::ty::{BasicKind, Type};
use crate::types::{Info, TypeId, TypeTable};

/// The table compared with the declarations of a checked program.
#[derive(Debug, Default)]
pub struct Audit {
    /// Each row's problem with the program's declaration of its function: a different type, a
    /// body where a body-less declaration was expected (or none for an intrinsic), an `Entry`
    /// whose declaration in `rt::DECLS` disagrees, an op that does not fit the signature.
    /// Rows whose function the program does not declare are in `absent`.
    pub wrong: Vec<String>,
    /// Rows whose function the program does not declare.
    pub absent: Vec<&'static str>,
    /// Body-less functions reachable in the program that no row hooks (qualified names, sorted).
    pub unhooked: Vec<String>,
}

/// Compares [`HOOKS`] with the function declarations of `files` (checked into `tt`, `info`).
pub fn audit(files: &[&ast::File], tt: &TypeTable, info: &Info) -> Audit {
    let mut a = Audit::default();
    let mut seen: Vec<&'static str> = vec![];
    let name_of = |fd: &ast::FuncDecl| -> Option<String> {
        if fd.recv.is_some() {
            return None;
        }
        let o = info.object_of(fd.name.id)?;
        let obj = info.obj(o);
        let pkg = obj.pkg.map_or("main", |p| info.packages[p].symbol_prefix.as_str());
        Some(format!("{pkg}.{}", obj.name))
    };
    for fd in files.iter().flat_map(|f| f.decls.iter()).filter_map(|d| if let ast::Decl::Func(fd) = d { Some(fd) } else { None }) {
        let (Some(name), Some(fi)) = (name_of(fd), info.funcs.get(&fd.id)) else { continue };
        let Some(h) = find(&name) else { continue };
        seen.push(h.name);
        let declared = tt.type_string(fi.sig);
        if declared != h.sig {
            a.wrong.push(format!("{name}: the row says {}, GOROOT declares {declared}", h.sig));
            continue;
        }
        match (h.kind, fd.body.is_some()) {
            (Kind::Bodyless, true) => a.wrong.push(format!("{name}: has a Go body (make the row an intrinsic, or drop it)")),
            (Kind::Intrinsic, false) => a.wrong.push(format!("{name}: has no Go body (the row is not an intrinsic)")),
            _ => {}
        }
        let Some(sig) = tt.signature(fi.sig) else { continue };
        // aggregates travel by address: a parameter as one pointer word, a result through a
        // pointer appended to the parameters (gojit's Go calling convention)
        let words = |ts: &[TypeId]| -> Option<Vec<Word>> { ts.iter().map(|&t| go_words(tt, t)).collect::<Option<Vec<_>>>().map(|v| v.concat()) };
        let params = words(&sig.params).map(|mut p| {
            p.extend(sig.results.iter().filter(|&&r| is_aggregate(tt, r)).map(|_| Word::W64));
            p
        });
        let scalar_results: Vec<TypeId> = sig.results.iter().copied().filter(|&r| !is_aggregate(tt, r)).collect();
        let (Some(params), Some(results)) = (params, words(&scalar_results)) else {
            a.wrong.push(format!("{name}: a parameter or result gojit's hooks cannot pass"));
            continue;
        };
        if let Err(e) = fits(h, &params, &results) {
            a.wrong.push(format!("{name}: {e}"));
        }
    }
    a.absent = HOOKS.iter().map(|h| h.name).filter(|n| !seen.contains(n)).collect();
    let hooked = |fd: &ast::FuncDecl| name_of(fd).and_then(|n| find(&n)).is_some();
    let reach = super::reach::analyse(files, tt, info, &[], super::reach::Methods::AllRoots, |fd| !hooked(fd));
    let by_id: std::collections::HashMap<ast::NodeId, &ast::FuncDecl> =
        files.iter().flat_map(|f| f.decls.iter()).filter_map(|d| if let ast::Decl::Func(fd) = d { Some((fd.id, fd)) } else { None }).collect();
    a.unhooked = reach.missing.iter().filter_map(|id| by_id.get(id).and_then(|fd| name_of(fd))).collect();
    a.unhooked.sort();
    a
}

/// Whether `h`'s implementation fits the Go signature's words.
fn fits(h: &Hook, params: &[Word], results: &[Word]) -> Result<(), String> {
    use Word::*;
    let int = |w: Word| !matches!(w, F32 | F64);
    match h.imp {
        Impl::Go(_) => Ok(()),
        Impl::Native { sym, .. } => match super::rt::decl(sym) {
            Some(d) if d.params.is_empty() && d.results.is_empty() && d.may_panic() && h.may_panic => Ok(()),
            Some(_) => Err(format!("{sym}: a Native row's symbol is declared taking and returning nothing, may panic (and the row says so)")),
            None => Err(format!("{sym} is not declared in rt::DECLS")),
        },
        Impl::Unsupported(sym) => {
            let Some(d) = super::rt::decl(sym) else { return Err(format!("{sym} is not declared in rt::DECLS")) };
            if !d.params.is_empty() || !d.results.is_empty() || !d.may_panic() || !h.may_panic {
                return Err(format!("{sym}: an Unsupported row's entry takes and returns nothing and panics (and the row says may_panic)"));
            }
            Ok(())
        }
        Impl::Entry { sym, out } => {
            let Some(d) = super::rt::decl(sym) else { return Err(format!("{sym} is not declared in rt::DECLS")) };
            let mut want_params = params.to_vec();
            let want_results = if out {
                want_params.push(W64);
                vec![]
            } else {
                results.to_vec()
            };
            if d.params != want_params.as_slice() || d.results != want_results.as_slice() {
                return Err(format!("{sym} is declared {:?} -> {:?}; the signature needs {want_params:?} -> {want_results:?}", d.params, d.results));
            }
            if d.may_panic() != h.may_panic {
                return Err(format!("{sym}: the row says may_panic {}, rt::DECLS declares it {:?}", h.may_panic, d.conv));
            }
            Ok(())
        }
        Impl::Inline(op) => {
            let ok = match op {
                Op::Floor | Op::Ceil | Op::Trunc | Op::Sqrt => params == [F64] && results == [F64],
                Op::Fma => params == [F64, F64, F64] && results == [F64],
                Op::Const(_) => results.len() == 1 && int(results[0]),
                Op::Nop => results.is_empty(),
                Op::FuncPC => params == [W64, W64] && results == [W64],
                Op::AtomicLoad => params == [W64] && results.len() == 1 && int(results[0]),
                Op::AtomicStore => params.len() == 2 && params[0] == W64 && int(params[1]) && results.is_empty(),
                Op::AtomicXchg | Op::AtomicAdd => params.len() == 2 && params[0] == W64 && int(params[1]) && same_width(results, &params[1..]),
                Op::AtomicAnd | Op::AtomicOr => {
                    params.len() == 2 && params[0] == W64 && int(params[1]) && (results.is_empty() || same_width(results, &params[1..]))
                }
                Op::AtomicCas => params.len() == 3 && params[0] == W64 && int(params[1]) && same_width(&params[1..2], &params[2..]) && results == [Bool],
                Op::CallFunc => params.last() == Some(&W64) && results.is_empty(),
                Op::ReflectCall => params == [W64, W64, W64, Word::U32, Word::U32, Word::U32, W64] && results.is_empty(),
            };
            if h.may_panic != matches!(op, Op::CallFunc | Op::ReflectCall) {
                return Err("only CallFunc and ReflectCall may panic (and must say so); other ops never do, but for nil pointers as any dereference".into());
            }
            if ok { Ok(()) } else { Err(format!("{op:?} does not fit parameters {params:?} and results {results:?}")) }
        }
    }
}

/// Whether two word lists have the same machine types (`int32` and `uint32` alike).
fn same_width(a: &[Word], b: &[Word]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(&x, &y)| super::rt::ir_type(x) == super::rt::ir_type(y))
}

/// Whether values of type `t` live in memory and travel by address (structs, arrays).
fn is_aggregate(tt: &TypeTable, t: TypeId) -> bool {
    matches!(tt.get(tt.underlying(t)), Type::Struct { .. } | Type::Array { .. })
}

/// The words a value of type `t` is passed as as a parameter (narrow integers as their Go types;
/// structs and arrays as their address), or None for what hooks cannot pass (complex numbers).
fn go_words(tt: &TypeTable, t: TypeId) -> Option<Vec<Word>> {
    use Word::*;
    let u = tt.underlying(t);
    Some(match tt.get(u) {
        Type::Basic(k) => match k {
            BasicKind::Bool => vec![Bool],
            BasicKind::Int8 => vec![I8],
            BasicKind::Uint8 => vec![U8],
            BasicKind::Int16 => vec![I16],
            BasicKind::Uint16 => vec![U16],
            BasicKind::Int32 => vec![I32],
            BasicKind::Uint32 => vec![U32],
            BasicKind::Float32 => vec![F32],
            BasicKind::Float64 => vec![F64],
            BasicKind::String => vec![W64, W64],
            BasicKind::Int | BasicKind::Int64 | BasicKind::Uint | BasicKind::Uint64 | BasicKind::Uintptr | BasicKind::UnsafePointer => vec![W64],
            _ => return None,
        },
        Type::Pointer(_) | Type::Map { .. } | Type::Chan { .. } | Type::Func(_) => vec![W64],
        Type::Slice(_) => vec![W64, W64, W64],
        Type::Interface { .. } => vec![W64, W64],
        Type::Struct { .. } | Type::Array { .. } => vec![W64],
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Packages whose body-less functions the table is checked against (their imports load
    /// internal/cpu, internal/bytealg, internal/abi, internal/runtime/atomic, ...).
    const PROBE: &str = "package main\n\nimport (\n\t_ \"bytes\"\n\t_ \"container/list\"\n\t_ \"hash/crc32\"\n\t_ \"maps\"\n\t_ \"math\"\n\t_ \"math/bits\"\n\t_ \"math/rand\"\n\t_ \"math/rand/v2\"\n\t_ \"os\"\n\t_ \"path/filepath\"\n\t_ \"reflect\"\n\t_ \"runtime\"\n\t_ \"runtime/debug\"\n\t_ \"runtime/trace\"\n\t_ \"slices\"\n\t_ \"sort\"\n\t_ \"sync\"\n\t_ \"sync/atomic\"\n\t_ \"syscall\"\n\t_ \"testing\"\n\t_ \"time\"\n\t_ \"unicode\"\n\t_ \"unicode/utf8\"\n\t_ \"unique\"\n\t_ \"weak\"\n)\n\nfunc main() {}\n";

    fn probe_audit() -> Audit {
        let dir = std::env::temp_dir().join(format!("gojit-hooks-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("probe.go");
        std::fs::write(&file, PROBE).unwrap();
        let a = crate::driver::audit_hooks(&[file.display().to_string()]);
        let _ = std::fs::remove_dir_all(&dir);
        a.unwrap_or_else(|lines| {
            eprintln!("{}", lines.join("\n"));
            panic!("the probe program does not check:\n{}", lines.join("\n"))
        })
    }

    /// Compiles `src` as a one-file program; the failure lines, if it fails.
    fn compile(name: &str, src: &str) -> Option<Vec<String>> {
        let dir = std::env::temp_dir().join(format!("gojit-hooks-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("prog.go");
        std::fs::write(&file, src).unwrap();
        let r = crate::driver::compile_args(&[file.display().to_string()], Default::default(), &mut Default::default(), |_| ());
        let _ = std::fs::remove_dir_all(&dir);
        r.err()
    }

    /// A reachable body-less function without a hook is a compile error naming it (iter.Pull's
    /// coroutines are not hooked yet); unreachable ones (iter imported, Pull not called) are not.
    #[test]
    fn reachable_unhooked_function_is_a_named_error() {
        let pull = "package main\n\nimport (\n\t\"iter\"\n\t\"slices\"\n)\n\nfunc main() {\n\tnext, stop := iter.Pull(slices.Values([]int{1}))\n\tdefer stop()\n\tprintln(next())\n}\n";
        let lines = compile("pull", pull).unwrap_or_default();
        let want = "missing function body: iter.newcoro (no gojit hook implements it)";
        if !lines.iter().any(|l| l.ends_with(want) && l.contains("/src/iter/iter.go:")) {
            eprintln!("got: {lines:#?}");
        }
        assert!(lines.iter().any(|l| l.ends_with(want) && l.contains("/src/iter/iter.go:")), "no '{want}' error at iter.go");
        assert!(!lines.iter().any(|l| l.contains("internal compiler error")), "{lines:?}");
        let values = "package main\n\nimport \"slices\"\n\nfunc main() {\n\tfor v := range slices.Values([]int{1, 2}) {\n\t\tprintln(v)\n\t}\n}\n";
        let r = compile("values", values);
        if let Some(l) = &r {
            eprintln!("got: {l:#?}");
        }
        assert!(r.is_none(), "a program importing iter without calling Pull is refused");
    }

    /// Every row hooks a declaration GOROOT has, with the declared signature, and its
    /// implementation fits it (entries as `rt::DECLS` declares them).
    #[test]
    fn rows_match_goroot_declarations() {
        let a = probe_audit();
        // (the driver's quiet panic hook hides assertion messages: print them first)
        if !a.wrong.is_empty() || !a.absent.is_empty() {
            eprintln!("hook rows disagree with GOROOT:\n{}\nrows for functions the probe does not declare: {:?}", a.wrong.join("\n"), a.absent);
        }
        assert!(a.wrong.is_empty(), "hook rows disagree with GOROOT:\n{}", a.wrong.join("\n"));
        let absent: Vec<&str> = a.absent.iter().copied().filter(|n| !NOT_PROBED.iter().any(|p| n.starts_with(p))).collect();
        assert!(absent.is_empty(), "hook rows for functions the probe packages do not declare: {absent:?}");
        let mut names: Vec<&str> = HOOKS.iter().map(|h| h.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), HOOKS.len(), "a function is hooked twice");
    }

    /// The check fails on a wrong row: a signature word, an entry's declaration, an op.
    #[test]
    fn a_wrong_row_is_caught() {
        use Word::*;
        let h = bodyless("math.archExp", "func(float64) float64", entry("gort_math_log"));
        assert!(fits(&h, &[F64], &[F64]).is_ok());
        assert!(fits(&h, &[F32], &[F64]).is_err());
        assert!(fits(&bodyless("x.f", "", entry("gort_no_such")), &[], &[]).is_err());
        assert!(fits(&bodyless("x.f", "", entry_out("gort_cpuid")), &[U32, U32], &[U32, U32, U32, U32]).is_ok());
        assert!(fits(&bodyless("x.f", "", entry("gort_cpuid")), &[U32, U32], &[U32, U32, U32, U32]).is_err());
        assert!(fits(&bodyless("x.f", "", Inline(AtomicCas)), &[W64, I32, I32], &[Bool]).is_ok());
        assert!(fits(&bodyless("x.f", "", Inline(AtomicCas)), &[W64, I32, W64], &[Bool]).is_err());
        assert!(fits(&bodyless("x.f", "", Inline(Floor)), &[F64, F64], &[F64]).is_err());
        let panicking = Hook { may_panic: true, ..bodyless("x.f", "", entry("gort_math_exp")) };
        assert!(fits(&panicking, &[F64], &[F64]).is_err());
    }

    /// The listing: body-less functions the probe packages can reach that gojit does not hook
    /// yet. A program reaching one is refused (`missing function body: NAME (no gojit hook
    /// implements it)`); hooking one removes it from this list.
    #[test]
    fn unhooked_reachable_functions() {
        let a = probe_audit();
        let want: &[&str] = &UNHOOKED_TODAY;
        if a.unhooked != want {
            eprintln!("reachable unhooked functions now: {:#?}", a.unhooked);
        }
        assert_eq!(a.unhooked, want, "the reachable unhooked functions changed (update UNHOOKED_TODAY)");
    }

    const UNHOOKED_TODAY: [&str; 0] = [];

    /// Packages with hook rows that the probe cannot import yet, so their rows are not checked
    /// against GOROOT (none today: runtime/debug compiles since the facade has `runtime.Version`).
    /// [`not_probed_packages_still_fail`] notices when one compiles.
    const NOT_PROBED: [&str; 0] = [];

    /// Each [`NOT_PROBED`] package still fails to compile (once it compiles, import it in
    /// `PROBE` and drop it from the list, so its rows are checked).
    #[test]
    fn not_probed_packages_still_fail() {
        for p in NOT_PROBED {
            let path = p.trim_end_matches('.');
            let src = format!("package main\n\nimport _ \"{path}\"\n\nfunc main() {{}}\n");
            assert!(compile("notprobed", &src).is_some(), "{path} compiles now: add it to PROBE and remove it from NOT_PROBED");
        }
    }
}
