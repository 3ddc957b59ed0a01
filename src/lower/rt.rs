//! The runtime entry points generated code calls: the one declared table ([`DECLS`]) of every
//! symbol the compiler imports, with its machine signature and whether the call can panic (then
//! it uses the `tail` convention and is a `try_call` in frames with defers; DESIGN §4.1).
//! Non-panicking helpers use `system_v` and are plain calls. [`Rt`] names the core entries; the
//! library calls (`fmt`, `strings`, ...) are looked up by symbol name.
//!
//! Invariants:
//! - every declared signature is exactly the Rust one (`gojit_runtime::entries()`, read off the
//!   Rust types); a unit test compares the two tables word by word.
//! - a narrow parameter or result (`bool`, `u8`, ..., `i32`) carries `uext`/`sext`, so Cranelift
//!   extends it to the full register: Rust/LLVM assume narrow arguments arrive extended, and
//!   Cranelift otherwise leaves the upper bits undefined (issue 14: `println` of a bool returned
//!   by the runtime wrote megabytes of memory). Callers pass values of the declared types (wider
//!   integers are reduced, see `FnCx::coerce_args`).
//! - every panicking entry has at most 6 integer parameters and at most 1 integer result (the
//!   tail/SysV register-compatible subset); larger results go through out pointers.

use cranelift_codegen::ir::{AbiParam, Signature, Type, types::*};
use cranelift_codegen::isa::CallConv;
pub use gojit_runtime::entrysig::Word;

/// A core runtime entry point (some are declared for completeness of the contract).
#[allow(dead_code)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rt {
    // memory
    New,
    Alloc,
    Memmove,
    Memclr,
    Memequal,
    MakeSlice,
    GrowSlice,
    SliceCopy,
    ConcatString2,
    CmpString,
    EqString,
    SliceByteToString,
    StringToSliceByte,
    StringToSliceRune,
    SliceRuneToString,
    IntString,
    DecodeRune,
    // maps
    MakeMap,
    MapAccess,
    MapAssign,
    MapDelete,
    MapLen,
    MapClear,
    MapIterInit,
    MapIterNext,
    // interfaces
    GetItab,
    AssertE2I,
    AssertE2I2,
    EfaceEq,
    IfaceEq,
    TypeAssertFail,
    // panics
    GoPanic,
    PanicIndex,
    /// `gort_panic_bounds(code, x, y)` with any `gojit_runtime::panic::bounds` code.
    PanicBounds,
    PanicDivide,
    PanicShift,
    UnsafeSlice,
    UnsafeString,
    PanicNil,
    PanicNilMap,
    PanicWrap,
    Recover,
    DeferPush,
    DeferReturn,
    // printing (builtins)
    PrintLock,
    PrintUnlock,
    PrintBool,
    PrintInt,
    PrintUint,
    PrintFloat,
    PrintFloat32,
    PrintString,
    PrintPointer,
    PrintEface,
    PrintSp,
    PrintNl,
}

impl Rt {
    /// The symbol name.
    pub fn name(self) -> &'static str {
        use Rt::*;
        match self {
            New => "gort_new",
            Alloc => "gort_alloc",
            Memmove => "gort_memmove",
            Memclr => "gort_memclr",
            Memequal => "gort_memequal",
            MakeSlice => "gort_makeslice",
            GrowSlice => "gort_growslice",
            SliceCopy => "gort_slicecopy",
            ConcatString2 => "gort_concatstring2",
            CmpString => "gort_cmpstring",
            EqString => "gort_eqstring",
            SliceByteToString => "gort_slicebytetostring",
            StringToSliceByte => "gort_stringtoslicebyte",
            StringToSliceRune => "gort_stringtoslicerune",
            SliceRuneToString => "gort_slicerunetostring",
            IntString => "gort_intstring",
            DecodeRune => "gort_decoderune",
            MakeMap => "gort_makemap",
            MapAccess => "gort_mapaccess",
            MapAssign => "gort_mapassign",
            MapDelete => "gort_mapdelete",
            MapLen => "gort_maplen",
            MapClear => "gort_mapclear",
            MapIterInit => "gort_mapiterinit",
            MapIterNext => "gort_mapiternext",
            GetItab => "gort_getitab",
            AssertE2I => "gort_assertE2I",
            AssertE2I2 => "gort_assertE2I2",
            EfaceEq => "gort_efaceeq",
            IfaceEq => "gort_ifaceeq",
            TypeAssertFail => "gort_panicdottype",
            GoPanic => "gort_gopanic",
            PanicIndex => "gort_panic_index",
            PanicBounds => "gort_panic_bounds",
            PanicDivide => "gort_panic_divide",
            PanicShift => "gort_panic_shift",
            UnsafeSlice => "gort_unsafeslice",
            UnsafeString => "gort_unsafestring",
            PanicNil => "gort_panic_nilderef",
            PanicNilMap => "gort_panic_nilmap",
            PanicWrap => "gort_panicwrap",
            Recover => "gort_gorecover",
            DeferPush => "gort_deferproc",
            DeferReturn => "gort_deferpop",
            PrintLock => "gort_printlock",
            PrintUnlock => "gort_printunlock",
            PrintBool => "gort_printbool",
            PrintInt => "gort_printint",
            PrintUint => "gort_printuint",
            PrintFloat => "gort_printfloat",
            PrintFloat32 => "gort_printfloat32",
            PrintString => "gort_printstring",
            PrintPointer => "gort_printpointer",
            PrintEface => "gort_printeface",
            PrintSp => "gort_printsp",
            PrintNl => "gort_printnl",
        }
    }

    /// Its declaration.
    pub fn decl(self) -> &'static Decl {
        decl(self.name()).unwrap_or_else(|| panic!("runtime entry {} is not declared", self.name()))
    }

    /// Whether the entry point may raise a Go panic (or call Go code that may).
    pub fn may_panic(self) -> bool {
        self.decl().may_panic()
    }

    pub fn signature(self) -> Signature {
        self.decl().signature()
    }
}

/// How the compiler calls an entry point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conv {
    /// May panic: `tail`, a `try_call` in frames with defers.
    Tail,
    /// Never panics: `system_v`, a plain call.
    SysV,
    /// Never panics and clobbers no register: `preserve_all`, a plain call (the preemption
    /// poll's slow path).
    PreserveAll,
}

/// A declared entry point: symbol, convention, parameter and result words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decl {
    pub name: &'static str,
    pub conv: Conv,
    pub params: &'static [Word],
    pub results: &'static [Word],
}

impl Decl {
    pub fn may_panic(&self) -> bool {
        self.conv == Conv::Tail
    }

    /// The Cranelift signature: narrow words extended to the full register.
    pub fn signature(&self) -> Signature {
        let cc = match self.conv {
            Conv::Tail => CallConv::Tail,
            Conv::SysV => CallConv::SystemV,
            Conv::PreserveAll => CallConv::PreserveAll,
        };
        let mut s = Signature::new(cc);
        s.params.extend(self.params.iter().map(|&w| abi_param(w)));
        s.returns.extend(self.results.iter().map(|&w| abi_param(w)));
        s
    }

    /// The IR types of the parameters.
    pub fn param_types(&self) -> Vec<Type> {
        self.params.iter().map(|&w| ir_type(w)).collect()
    }
}

/// The IR type carrying a word.
pub fn ir_type(w: Word) -> Type {
    match w {
        Word::Bool | Word::U8 | Word::I8 => I8,
        Word::U16 | Word::I16 => I16,
        Word::U32 | Word::I32 => I32,
        Word::W64 => I64,
        Word::F32 => F32,
        Word::F64 => F64,
    }
}

/// The ABI parameter for a word: narrow integers zero- or sign-extended to 64 bits.
pub fn abi_param(w: Word) -> AbiParam {
    let p = AbiParam::new(ir_type(w));
    match w {
        _ if !w.is_narrow() => p,
        _ if w.is_signed() => p.sext(),
        _ => p.uext(),
    }
}

/// The declaration of the entry point `name`.
pub fn decl(name: &str) -> Option<&'static Decl> {
    DECLS.iter().find(|d| d.name == name)
}

const fn d(name: &'static str, conv: Conv, params: &'static [Word], results: &'static [Word]) -> Decl {
    Decl { name, conv, params, results }
}

use Conv::{SysV, Tail};
use Word::{Bool, F64 as F, I32 as R, U8, W64 as W};

/// Every entry point the compiler imports (the panic machinery's own, `jit::emit::RtFn`, are
/// checked against the runtime in the same test).
pub const DECLS: &[Decl] = &[
    // memory
    d("gort_new", Tail, &[W], &[W]),
    d("gort_alloc", SysV, &[W, W], &[W]),
    d("gort_memmove", SysV, &[W, W, W], &[]),
    d("gort_typedmemmove", SysV, &[W, W, W], &[]),
    d("gort_memclr", SysV, &[W, W], &[]),
    d("gort_memequal", SysV, &[W, W, W], &[Bool]),
    d("gort_makeslice", Tail, &[W, W, W, W], &[]),
    d("gort_growslice", Tail, &[W, W, W, W], &[]),
    d("gort_slicecopy", SysV, &[W, W, W, W, W], &[W]),
    d("gort_concatstring2", SysV, &[W, W, W, W], &[W, W]),
    d("gort_cmpstring", SysV, &[W, W, W, W], &[W]),
    d("gort_eqstring", SysV, &[W, W, W, W], &[Bool]),
    d("gort_slicebytetostring", SysV, &[W, W], &[W, W]),
    d("gort_stringtoslicebyte", SysV, &[W, W, W], &[]),
    d("gort_stringtoslicerune", SysV, &[W, W, W], &[]),
    d("gort_slicerunetostring", SysV, &[W, W], &[W, W]),
    d("gort_intstring", SysV, &[W], &[W, W]),
    d("gort_decoderune", SysV, &[W, W, W], &[W, W]),
    // maps
    d("gort_makemap", Tail, &[W, W], &[W]),
    d("gort_mapaccess", Tail, &[W, W, W], &[W]),
    d("gort_mapassign", Tail, &[W, W, W], &[W]),
    d("gort_mapdelete", Tail, &[W, W, W], &[]),
    d("gort_maplen", SysV, &[W], &[W]),
    d("gort_mapclear", Tail, &[W, W], &[]),
    d("gort_mapiterinit", Tail, &[W, W, W], &[]),
    d("gort_mapiternext", SysV, &[W], &[W]),
    // interfaces
    d("gort_getitab", Tail, &[W, W], &[W]),
    d("gort_ifacee2i", Tail, &[W, W, W, W], &[]),
    d("gort_assertE2I", Tail, &[W, W], &[W]),
    d("gort_assertE2I2", Tail, &[W, W], &[W]),
    d("gort_efaceeq", Tail, &[W, W, W, W], &[Bool]),
    d("gort_ifaceeq", Tail, &[W, W, W, W], &[Bool]),
    d("gort_panicdottype", Tail, &[W, W, W], &[]),
    // type descriptors (reflect's linknamed runtime.resolveNameOff/resolveTypeOff/resolveTextOff)
    d("gort_resolve_name_off", SysV, &[W, R], &[W]),
    d("gort_resolve_type_off", SysV, &[W, R], &[W]),
    d("gort_resolve_text_off", SysV, &[W, R], &[W]),
    // the code of every Type.Equal / MapType.Hasher func value (closure [code, type] as ctx)
    d("gort_alg_equal", Tail, &[W, W, W], &[Bool]),
    d("gort_alg_hash", Tail, &[W, W, W], &[W]),
    // panics
    d("gort_gopanic", Tail, &[W, W], &[]),
    d("gort_panic_index", Tail, &[W, W], &[]),
    d("gort_panic_bounds", Tail, &[W, W, W], &[]),
    d("gort_panic_divide", Tail, &[], &[]),
    d("gort_panic_shift", Tail, &[], &[]),
    d("gort_panic_nilderef", Tail, &[], &[]),
    d("gort_panic_nilmap", Tail, &[], &[]),
    d("gort_panicwrap", Tail, &[W, W], &[]),
    d("gort_unsafeslice", Tail, &[W, W, W], &[]),
    d("gort_unsafestring", Tail, &[W, W], &[]),
    d("gort_gorecover", SysV, &[W], &[]),
    d("gort_deferproc", SysV, &[W], &[]),
    d("gort_deferprocat", SysV, &[W, W], &[]),
    d("gort_panicrangestate", Tail, &[W], &[]),
    d("gort_deferpop", SysV, &[], &[W]),
    d("gort_exit", Tail, &[W], &[]),
    // hooked GOROOT functions (lower/hooks.rs): internal/cpu, math, internal/bytealg
    d("gort_cpuid", SysV, &[Word::U32, Word::U32, W], &[]),
    d("gort_xgetbv", SysV, &[W], &[]),
    d("gort_math_exp", SysV, &[F], &[F]),
    d("gort_math_log", SysV, &[F], &[F]),
    d("gort_math_hypot", SysV, &[F, F], &[F]),
    d("gort_bytealg_indexbyte", SysV, &[W, W, W, U8], &[W]),
    d("gort_bytealg_indexbytestring", SysV, &[W, W, U8], &[W]),
    d("gort_bytealg_count", SysV, &[W, W, W, U8], &[W]),
    d("gort_bytealg_countstring", SysV, &[W, W, U8], &[W]),
    d("gort_bytealg_index", SysV, &[W, W, W, W, W, W], &[W]),
    d("gort_bytealg_indexstring", SysV, &[W, W, W, W], &[W]),
    d("gort_bytealg_compare", SysV, &[W, W, W, W, W, W], &[W]),
    d("gort_bytealg_makenozero", Tail, &[W, W], &[]),
    // sync and internal/sync (runtime/sema.go), linknamed runtime helpers
    d("gort_semacquire_mutex", SysV, &[W, Bool, W], &[]),
    d("gort_semacquire_rwmutexr", SysV, &[W, Bool, W], &[]),
    d("gort_semacquire_rwmutex", SysV, &[W, Bool, W], &[]),
    d("gort_semacquire_waitgroup", SysV, &[W, Bool], &[]),
    d("gort_semrelease", SysV, &[W, Bool, W], &[]),
    d("gort_notifylist_add", SysV, &[W], &[Word::U32]),
    d("gort_notifylist_wait", SysV, &[W, Word::U32], &[]),
    d("gort_notifylist_notifyall", SysV, &[W], &[]),
    d("gort_notifylist_notifyone", SysV, &[W], &[]),
    d("gort_notifylist_check", SysV, &[W], &[]),
    d("gort_nanotime", SysV, &[], &[W]),
    d("gort_maps_clone", SysV, &[W, W], &[W, W]),
    d("gort_crc32_castagnoli", SysV, &[Word::U32, W, W, W], &[Word::U32]),
    d("gort_crc32_ieee", SysV, &[Word::U32, W, W, W], &[Word::U32]),
    d("gort_crc32_castagnoli_triple", SysV, &[Word::U32, Word::U32, Word::U32, W, W, W, W, W, W, W, W, W, Word::U32, W], &[]),
    d("gort_rand", SysV, &[], &[W]),
    d("gort_randn", SysV, &[Word::U32], &[Word::U32]),
    d("gort_throw", SysV, &[W, W], &[]),
    // goroutines and channels
    d("gort_go", SysV, &[W], &[]),
    d("gort_gosched", SysV, &[], &[]),
    d("gort_gc", SysV, &[], &[]),
    d("gort_register_error_types", SysV, &[W, W, W, W, W, W, W, W, W, W], &[]),
    d("gort_keepalive", SysV, &[W, W], &[]),
    d("gort_setfinalizer", SysV, &[W, W, W, W], &[]),
    d("gort_setgcpercent", SysV, &[R], &[R]),
    d("gort_setmemorylimit", SysV, &[W], &[W]),
    d("gort_freeosmemory", SysV, &[], &[]),
    d("gort_readgcstats", SysV, &[W], &[]),
    d("gort_readmemstats", Tail, &[W], &[]),
    d("gort_preempt", SysV, &[], &[]),
    d("gort_preempt_all", Conv::PreserveAll, &[], &[]),
    d("gort_morestack_all", Conv::PreserveAll, &[], &[]),
    d("gort_goexit", Tail, &[], &[]),
    d("gort_callers", SysV, &[W, W, W, W], &[W]),
    d("gort_stack", SysV, &[W, W, W, Bool], &[W]),
    d("gort_breakpoint", SysV, &[], &[]),
    d("gort_getenv", SysV, &[W, W, W], &[]),
    d("gort_write", SysV, &[W, W, W], &[W]),
    d("gort_funcentry", SysV, &[W], &[W]),
    d("gort_funcname", SysV, &[W, W], &[]),
    d("gort_funcfileline", SysV, &[W, W, W], &[]),
    d("gort_funcinlined", SysV, &[W], &[Bool]),
    d("gort_funcouter", SysV, &[W], &[W]),
    d("gort_numgoroutine", SysV, &[], &[W]),
    d("gort_numcpu", SysV, &[], &[W]),
    d("gort_gomaxprocs", SysV, &[W], &[W]),
    d("gort_block", SysV, &[], &[]),
    d("gort_makechan", Tail, &[W, W], &[W]),
    d("gort_chansend1", Tail, &[W, W], &[]),
    d("gort_chanrecv1", SysV, &[W, W], &[]),
    d("gort_chanrecv2", SysV, &[W, W], &[W]),
    d("gort_closechan", Tail, &[W], &[]),
    d("gort_chanlen", SysV, &[W], &[W]),
    d("gort_chancap", SysV, &[W], &[W]),
    d("gort_selectgo", Tail, &[W, W, W, W], &[W]),
    // semaphores and notify lists (the bodies of GOROOT sync's and internal/sync's runtime_*)
    d("gort_semacquire", SysV, &[W], &[]),
    d("gort_sync_fatal", SysV, &[W, W], &[]),
    // timers and clocks (the bodies of GOROOT time's linknamed functions)
    d("gort_timesleep", SysV, &[W], &[]),
    d("gort_newtimer", SysV, &[W, W, W, W, W, W], &[W]),
    d("gort_stoptimer", SysV, &[W], &[Bool]),
    d("gort_resettimer", SysV, &[W, W, W], &[Bool]),
    d("gort_time_now", SysV, &[W], &[]),
    // the operating system (runtime/src/sys: GOROOT syscall's, os's, internal/poll's bodies)
    d("gort_envs", SysV, &[W], &[]),
    d("gort_goroot", SysV, &[W], &[]),
    d("gort_version", SysV, &[W], &[]),
    d("gort_syscall6", SysV, &[W, W, W, W, W, W, W, W], &[]),
    d("gort_rawsyscall_noerror", SysV, &[W, W, W, W, W], &[]),
    d("gort_gettimeofday", SysV, &[W], &[W]),
    d("gort_sigpipe", SysV, &[], &[]),
    d("gort_rawvforksyscall", SysV, &[W, W, W, W, W], &[]),
    d("gort_afterforkinchild", SysV, &[], &[]),
    d("gort_cgocaller", SysV, &[W, W, W, W], &[W]),
    d("gort_fcntl", SysV, &[Word::I32, Word::I32, Word::I32, W], &[]),
    d("gort_vgetrandom", SysV, &[W, W, W, Word::U32, W], &[]),
    d("gort_semrelease_nohandoff", SysV, &[W], &[]),
    d("gort_pollopen", SysV, &[W, W], &[]),
    d("gort_pollclose", SysV, &[W], &[]),
    d("gort_pollreset", SysV, &[W, W], &[W]),
    d("gort_pollwait", SysV, &[W, W], &[W]),
    d("gort_pollsetdeadline", SysV, &[W, W, W], &[]),
    d("gort_pollunblock", SysV, &[W], &[]),
    // printing (builtins)
    d("gort_printlock", SysV, &[], &[]),
    d("gort_printunlock", SysV, &[], &[]),
    d("gort_printbool", SysV, &[U8], &[]),
    d("gort_printint", SysV, &[W], &[]),
    d("gort_printuint", SysV, &[W], &[]),
    d("gort_printfloat", SysV, &[F], &[]),
    d("gort_printfloat32", SysV, &[F], &[]),
    d("gort_printcomplex", SysV, &[F, F, W], &[]),
    d("gort_printslice", SysV, &[W, W, W], &[]),
    // complex numbers
    d("gort_complex128div", SysV, &[F, F, F, F, W], &[]),
    d("gort_printstring", SysV, &[W, W], &[]),
    d("gort_printpointer", SysV, &[W], &[]),
    d("gort_printeface", SysV, &[W, W], &[]),
    d("gort_printsp", SysV, &[], &[]),
    d("gort_printnl", SysV, &[], &[]),
    // reflect's linknamed runtime functions (runtime/src/reflect.rs)
    d("gort_reflect_mapiterstart", SysV, &[W, W, W], &[]),
    d("gort_reflect_mapiternext", SysV, &[W], &[]),
    d("gort_reflect_mapaccess", Tail, &[W, W, W], &[W]),
    d("gort_reflect_mapaccess_faststr", SysV, &[W, W, W, W], &[W]),
    d("gort_mapdelete_faststr", SysV, &[W, W, W, W], &[]),
    d("gort_reflect_mapassign", Tail, &[W, W, W, W], &[]),
    d("gort_reflect_mapassign_faststr", Tail, &[W, W, W, W, W], &[]),
    d("gort_reflect_newarray", Tail, &[W, W], &[W]),
    d("gort_reflect_typedmemclr", SysV, &[W, W], &[]),
    d("gort_reflect_typedmemclrpartial", SysV, &[W, W, W, W], &[]),
    d("gort_reflect_typedarrayclear", SysV, &[W, W, W], &[]),
    d("gort_reflect_growslice", Tail, &[W, W, W, W], &[]),
    d("gort_reflect_typedslicecopy", SysV, &[W, W, W], &[W]),
    d("gort_settraceback", SysV, &[W, W], &[]),
    d("gort_reflect_verify_not_in_heap_ptr", SysV, &[W], &[Bool]),
    d("gort_reflect_staticuint64s", SysV, &[], &[W]),
    d("gort_reflect_typelinks", SysV, &[W], &[]),
    d("gort_reflect_adjust_gcdata", SysV, &[W], &[W]),
    d("gort_reflect_addreflectoff", SysV, &[W], &[R]),
    d("gort_reflect_typestring", SysV, &[W], &[W, W]),
    d("gort_reflect_memhash", SysV, &[W, W, W], &[W]),
    d("gort_reflect_typehash", Tail, &[W, W, W], &[W]),
    d("gort_reflect_call_prepare", Tail, &[W, W, Word::U32, W], &[]),
    d("gort_reflect_invoke", Tail, &[W], &[]),
    d("gort_reflect_call_finish", SysV, &[W, W, Word::U32], &[]),
    // the MakeFunc stubs (not called by generated code: their address is a closure's code)
    d("gort_reflect_makefuncstub", Tail, &[], &[]),
    d("gort_reflect_methodvaluecall", Tail, &[], &[]),
    d("gort_reflect_chanrecv", Tail, &[W, Bool, W, W], &[]),
    d("gort_reflect_chansend", Tail, &[W, W, Bool], &[Bool]),
    d("gort_reflect_rselect", Tail, &[W, W, W, W], &[]),
    d("gort_reflect_makechan", Tail, &[W, W], &[W]),
    // os
    d("gort_os_args", SysV, &[W], &[]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use gojit_runtime::entrysig::Entry;

    /// Why `decl` disagrees with the runtime's `entry`, if it does.
    fn mismatch(decl: &Decl, entries: &[Entry]) -> Option<String> {
        let Some(e) = entries.iter().find(|e| e.name == decl.name) else {
            return Some(format!("{}: no such runtime entry point", decl.name));
        };
        if e.params != decl.params {
            return Some(format!("{}: parameters declared {:?}, Rust has {:?}", decl.name, decl.params, e.params));
        }
        let rust_results = e.results.clone().unwrap_or_default();
        if rust_results != decl.results {
            return Some(format!("{}: results declared {:?}, Rust has {:?}", decl.name, decl.results, rust_results));
        }
        if decl.may_panic() && (decl.params.len() > 6 || decl.results.len() > 1) {
            return Some(format!("{}: a panicking entry takes at most 6 words and returns at most 1", decl.name));
        }
        None
    }

    #[test]
    fn declared_signatures_are_the_rust_ones() {
        let entries = gojit_runtime::entries();
        let bad: Vec<String> = DECLS.iter().filter_map(|d| mismatch(d, &entries)).collect();
        assert!(bad.is_empty(), "declared entry points disagree with the runtime:\n{}", bad.join("\n"));
        let mut names: Vec<&str> = DECLS.iter().map(|d| d.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), DECLS.len(), "an entry point is declared twice");
    }

    #[test]
    fn every_rt_entry_is_declared() {
        use Rt::*;
        let all = [
            New, Alloc, Memmove, Memclr, Memequal, MakeSlice, GrowSlice, SliceCopy, ConcatString2, CmpString, EqString,
            SliceByteToString, StringToSliceByte, StringToSliceRune, SliceRuneToString, IntString, DecodeRune, MakeMap,
            MapAccess, MapAssign, MapDelete, MapLen, MapClear, MapIterInit, MapIterNext, GetItab, AssertE2I, AssertE2I2,
            EfaceEq, IfaceEq, TypeAssertFail, GoPanic, PanicIndex, PanicBounds,
            PanicDivide, PanicShift, UnsafeSlice, UnsafeString, PanicNil, PanicNilMap, PanicWrap, Recover, DeferPush, DeferReturn, PrintLock, PrintUnlock,
            PrintBool, PrintInt, PrintUint, PrintFloat, PrintFloat32, PrintString, PrintPointer, PrintEface, PrintSp, PrintNl,
        ];
        for r in all {
            assert!(decl(r.name()).is_some(), "{r:?} ({}) is not declared", r.name());
        }
    }

    /// The other direction: every runtime entry point (`gojit_runtime::entries()`) is declared,
    /// in DECLS or, for the panic machinery the emitter calls directly, in `jit::emit::RtFn`.
    #[test]
    fn every_runtime_entry_is_declared() {
        use crate::jit::emit::RtFn;
        let jit_only = RtFn::ALL.map(|f| f.name());
        // Entry points the runtime exports that no compiled code calls today (nothing declares
        // them; found when this check was made strict). Each is to be declared where the
        // lowering starts using it, or removed with its Rust function; the list may only shrink.
        const UNUSED_TODAY: &[&str] = &[
            "gort_concatstrings", "gort_valueeq", "gort_panic_typeassert", "gort_convT", "gort_convT64",
            "gort_convTstring", "gort_mapaccess_fast64", "gort_mapaccess_faststr", "gort_mapassign_fast64",
            "gort_mapassign_faststr", "gort_mapdelete_fast64", "gort_flush",
            "gort_printiface", "gort_deferreturn", "gort_panic_nil", "gort_panic_slice_alen",
            "gort_panic_slice_acap", "gort_panic_slice_b", "gort_set_trace",
            // the stack-bound check's slow path, reached only through gort_morestack_all's asm
            "gort_morestack",
        ];
        let entries = gojit_runtime::entries();
        let undeclared: Vec<&str> = entries
            .iter()
            .map(|e| e.name)
            .filter(|n| decl(n).is_none() && !jit_only.contains(n) && !UNUSED_TODAY.contains(n))
            .collect();
        assert!(undeclared.is_empty(), "runtime entry points not declared in DECLS: {undeclared:?}");
        let stale: Vec<&&str> = UNUSED_TODAY
            .iter()
            .filter(|n| decl(n).is_some() || jit_only.contains(n) || !entries.iter().any(|e| e.name == **n))
            .collect();
        assert!(stale.is_empty(), "remove from UNUSED_TODAY (declared or gone now): {stale:?}");
    }

    /// The check itself fails on a declaration that disagrees with the Rust type: a `bool` result
    /// declared as a word, a `u8` parameter declared as a word, a missing parameter.
    #[test]
    fn a_wrong_declaration_is_caught() {
        let entries = gojit_runtime::entries();
        let wrong = [
                    d("gort_printbool", SysV, &[W], &[]),
            d("gort_printbool", SysV, &[Bool], &[]),
                            d("gort_memmove", SysV, &[W, W], &[]),
            d("gort_no_such_entry", SysV, &[], &[]),
        ];
        for w in &wrong {
            assert!(mismatch(w, &entries).is_some(), "{w:?} was accepted");
        }
    }

    /// The panic machinery's own table (`jit::emit::RtFn`) agrees with the runtime too.
    #[test]
    fn jit_panic_entries_are_the_rust_ones() {
        use crate::jit::emit::RtFn;
        let entries = gojit_runtime::entries();
        for f in RtFn::ALL {
            let e = entries.iter().find(|e| e.name == f.name()).expect(f.name());
            let sig = f.signature();
            let ps: Vec<Type> = sig.params.iter().map(|p| p.value_type).collect();
            let rs: Vec<Type> = sig.returns.iter().map(|p| p.value_type).collect();
            let want_ps: Vec<Type> = e.params.iter().map(|&w| ir_type(w)).collect();
            let want_rs: Vec<Type> = e.results.clone().unwrap_or_default().iter().map(|&w| ir_type(w)).collect();
            assert_eq!((ps, rs), (want_ps, want_rs), "{}", f.name());
            assert!(e.params.iter().chain(e.results.iter().flatten()).all(|w| !w.is_narrow()), "{}", f.name());
        }
    }
    extern "C" fn probe_arg(x: u64) -> u64 {
        x
    }
    extern "C" fn probe_ret() -> u64 {
        GARBAGE
    }
    /// A register pattern whose upper bits disagree with every extension of every low part.
    const GARBAGE: u64 = 0x5A3C_0F1E_E1F0_C381;

    /// `w`'s value extended from the low bits of `GARBAGE` as the Rust side must see it.
    fn extended(w: Word) -> u64 {
        let bits = ir_type(w).bits();
        let low = GARBAGE & ((1u64 << bits) - 1);
        match w {
            Word::Bool => GARBAGE & 1,
            _ if w.is_signed() => (((low << (64 - bits)) as i64) >> (64 - bits)) as u64,
            _ => low,
        }
    }

    /// Calls from JIT code with garbage in the upper bits, both directions, for every narrow word
    /// and both conventions: an argument declared with `abi_param` reaches Rust extended (a probe
    /// taking the whole register sees it), and a narrow result whose register holds garbage above
    /// its width is extended by the JIT code, never trusted.
    #[test]
    fn narrow_words_cross_the_boundary_extended() {
        use cranelift_codegen::ir::{InstBuilder, UserFuncName};
        use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
        use cranelift_jit::{JITBuilder, JITModule};
        use cranelift_module::{Linkage, Module, default_libcall_names};
        let narrow = [Word::Bool, Word::U8, Word::I8, Word::U16, Word::I16, Word::U32, Word::I32];
        for w in narrow {
            for cc in [CallConv::SystemV, CallConv::Tail] {
                let mut jb = JITBuilder::with_isa(crate::jit::isa().unwrap(), default_libcall_names());
                jb.symbol("probe_arg", probe_arg as *const u8);
                jb.symbol("probe_ret", probe_ret as *const u8);
                let mut m = JITModule::new(jb);
                let mut arg_sig = Signature::new(cc);
                arg_sig.params.push(abi_param(w));
                arg_sig.returns.push(AbiParam::new(I64));
                let mut ret_sig = Signature::new(cc);
                ret_sig.returns.push(abi_param(w));
                let pa = m.declare_function("probe_arg", Linkage::Import, &arg_sig).unwrap();
                let pr = m.declare_function("probe_ret", Linkage::Import, &ret_sig).unwrap();
                let mut top = Signature::new(CallConv::SystemV);
                top.params.push(AbiParam::new(I64));
                top.returns.push(AbiParam::new(I64));
                top.returns.push(AbiParam::new(I64));
                let f = m.declare_function("top", Linkage::Local, &top).unwrap();
                let mut ctx = m.make_context();
                ctx.func.signature = top;
                ctx.func.name = UserFuncName::user(0, f.as_u32());
                let cfg = m.target_config();
                let mut fctx = FunctionBuilderContext::new();
                let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
                let blk = b.create_block();
                b.append_block_params_for_function_params(blk);
                b.switch_to_block(blk);
                let (fa, fr) = (m.declare_func_in_func(pa, b.func), m.declare_func_in_func(pr, b.func));
                // a run-time value, so the reduction cannot be folded into a narrow constant
                let g = b.block_params(blk)[0];
                let n = b.ins().ireduce(ir_type(w), g);
                let call = b.ins().call(fa, &[n]);
                let seen = b.inst_results(call)[0];
                let call = b.ins().call(fr, &[]);
                let r = b.inst_results(call)[0];
                let r = if w.is_signed() { b.ins().sextend(I64, r) } else { b.ins().uextend(I64, r) };
                let r = if w == Word::Bool { b.ins().band_imm_u(r, 1) } else { r };
                b.ins().return_(&[seen, r]);
                b.seal_all_blocks();
                b.finalize(cfg);
                m.define_function(f, &mut ctx).unwrap();
                m.finalize_definitions().unwrap();
                // SAFETY: `top` was just compiled with this System V signature.
                let top: extern "C" fn(u64) -> [u64; 2] = unsafe { std::mem::transmute(m.get_finalized_function(f)) };
                let [seen, r] = top(GARBAGE);
                // Bool: the caller passes the low byte zero-extended; Rust may look at all of it.
                let want_seen = if w == Word::Bool { GARBAGE & 0xff } else { extended(w) };
                assert_eq!(seen, want_seen, "{w:?} {cc:?}: argument reached Rust as {seen:#x}");
                assert_eq!(r, extended(w), "{w:?} {cc:?}: result read as {r:#x}");
            }
        }
    }
}
