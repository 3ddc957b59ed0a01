//! The table of every runtime entry point, by symbol name, for binding into the JIT module, with
//! each one's machine signature read off its Rust type (`entrysig`).
//!
//! Invariant: lists every `#[unsafe(no_mangle)] gort_*` function in the crate, by name (a unit test
//! checks both directions against the sources; `src/lower/rt.rs` checks each is declared). The
//! signature of an entry is never written here: `e!` coerces the function to an
//! `unsafe extern "C" fn(_, ..) -> _` pointer (only the arity is given, and a
//! wrong arity does not compile), and `EntryFn` turns that type into words.

use crate::entrysig::Entry;

/// `e!(module::gort_name, arity)` or `e!(module::gort_fn as "alias", arity)`: the [`Entry`].
macro_rules! e {
    ($m:ident :: $f:ident, $n:tt) => {
        e!(@ stringify!($f), crate::$m::$f, $n)
    };
    ($m:ident :: $f:ident as $name:literal, $n:tt) => {
        e!(@ $name, crate::$m::$f, $n)
    };
    (@ $name:expr, $p:path, 0) => { Entry::of($name, $p as unsafe extern "C" fn() -> _) };
    (@ $name:expr, $p:path, 1) => { Entry::of($name, $p as unsafe extern "C" fn(_) -> _) };
    (@ $name:expr, $p:path, 2) => { Entry::of($name, $p as unsafe extern "C" fn(_, _) -> _) };
    (@ $name:expr, $p:path, 3) => { Entry::of($name, $p as unsafe extern "C" fn(_, _, _) -> _) };
    (@ $name:expr, $p:path, 4) => { Entry::of($name, $p as unsafe extern "C" fn(_, _, _, _) -> _) };
    (@ $name:expr, $p:path, 5) => { Entry::of($name, $p as unsafe extern "C" fn(_, _, _, _, _) -> _) };
    (@ $name:expr, $p:path, 6) => { Entry::of($name, $p as unsafe extern "C" fn(_, _, _, _, _, _) -> _) };
    (@ $name:expr, $p:path, 7) => { Entry::of($name, $p as unsafe extern "C" fn(_, _, _, _, _, _, _) -> _) };
    (@ $name:expr, $p:path, 8) => { Entry::of($name, $p as unsafe extern "C" fn(_, _, _, _, _, _, _, _) -> _) };
    (@ $name:expr, $p:path, 10) => { Entry::of($name, $p as unsafe extern "C" fn(_, _, _, _, _, _, _, _, _, _) -> _) };
    (@ $name:expr, $p:path, 14) => { Entry::of($name, $p as unsafe extern "C" fn(_, _, _, _, _, _, _, _, _, _, _, _, _, _) -> _) };
}

/// Every entry point with its signature.
///
/// The panic machinery's entry points (`panic.rs`), by the names the compiler imports. Calling
/// conventions: `gort_gopanic(typ, data)`, `gort_panic_bounds(code, x, y)`,
/// `gort_panic_index(i, len)`, `gort_panic_slice_{alen,acap,b}(x, y)`, `gort_panic_divide()`,
/// `gort_panic_shift()`, `gort_panic_nilderef()` (alias `gort_panic_nil`), `gort_panic_nilmap()`,
/// `gort_exit(code)` never return and are called with `tail` (`try_call` in frames with defers);
/// `gort_gorecover(out)`, `gort_deferproc(closure)`, `gort_deferpop() -> closure` (alias
/// `gort_deferreturn`), `gort_set_trace(on)` never panic and work with `tail` or `system_v`.
pub fn entries() -> Vec<Entry> {
    vec![
        e!(alloc::gort_alloc, 2),
        e!(alloc::gort_new, 1),
        e!(bytealg::gort_bytealg_indexbyte, 4),
        e!(bytealg::gort_bytealg_indexbytestring, 3),
        e!(bytealg::gort_bytealg_count, 4),
        e!(bytealg::gort_bytealg_countstring, 3),
        e!(bytealg::gort_bytealg_index, 6),
        e!(bytealg::gort_bytealg_indexstring, 4),
        e!(bytealg::gort_bytealg_compare, 6),
        e!(bytealg::gort_bytealg_makenozero, 2),
        e!(math::gort_math_exp, 1),
        e!(math::gort_math_log, 1),
        e!(math::gort_math_hypot, 2),
        e!(@ "gort_semacquire_mutex", crate::sched::sema::gort_semacquire_mutex, 3),
        e!(@ "gort_semacquire_rwmutexr", crate::sched::sema::gort_semacquire_rwmutexr, 3),
        e!(@ "gort_semacquire_rwmutex", crate::sched::sema::gort_semacquire_rwmutex, 3),
        e!(@ "gort_semacquire_waitgroup", crate::sched::sema::gort_semacquire_waitgroup, 2),
        e!(@ "gort_semrelease", crate::sched::sema::gort_semrelease, 3),
        e!(@ "gort_notifylist_add", crate::sched::sema::gort_notifylist_add, 1),
        e!(@ "gort_notifylist_wait", crate::sched::sema::gort_notifylist_wait, 2),
        e!(@ "gort_notifylist_notifyall", crate::sched::sema::gort_notifylist_notifyall, 1),
        e!(@ "gort_notifylist_notifyone", crate::sched::sema::gort_notifylist_notifyone, 1),
        e!(@ "gort_notifylist_check", crate::sched::sema::gort_notifylist_check, 1),
        e!(crc32::gort_crc32_castagnoli, 4),
        e!(crc32::gort_crc32_ieee, 4),
        e!(crc32::gort_crc32_castagnoli_triple, 14),
        e!(mapclone::gort_maps_clone, 2),
        e!(fastrand::gort_rand, 0),
        e!(fastrand::gort_randn, 1),
        e!(rterror::gort_throw, 2),
        e!(@ "gort_cpuid", crate::arch::cpu::gort_cpuid, 3),
        e!(@ "gort_xgetbv", crate::arch::cpu::gort_xgetbv, 1),
        e!(gc::gort_gc, 0),
        e!(@ "gort_register_error_types", crate::panic::gort_register_error_types, 10),
        e!(gc::gort_keepalive, 2),
        e!(@ "gort_setfinalizer", crate::gc::finalizer::gort_setfinalizer, 4),
        e!(@ "gort_setgcpercent", crate::gc::debug::gort_setgcpercent, 1),
        e!(@ "gort_setmemorylimit", crate::gc::debug::gort_setmemorylimit, 1),
        e!(@ "gort_freeosmemory", crate::gc::debug::gort_freeosmemory, 0),
        e!(@ "gort_readgcstats", crate::gc::debug::gort_readgcstats, 1),
        e!(gc::gort_readmemstats, 1),
        e!(gostring::gort_concatstrings, 2),
        e!(gostring::gort_concatstring2, 4),
        e!(gostring::gort_cmpstring, 4),
        e!(gostring::gort_eqstring, 4),
        e!(gostring::gort_slicebytetostring, 2),
        e!(gostring::gort_stringtoslicebyte, 3),
        e!(gostring::gort_stringtoslicerune, 3),
        e!(gostring::gort_slicerunetostring, 2),
        e!(gostring::gort_intstring, 1),
        e!(gostring::gort_decoderune, 3),
        e!(hash::gort_efaceeq, 4),
        e!(hash::gort_ifaceeq, 4),
        e!(hash::gort_valueeq, 3),
        e!(hash::gort_alg_equal, 3),
        e!(hash::gort_alg_hash, 3),
        e!(@ "gort_resolve_name_off", crate::abi::module::gort_resolve_name_off, 2),
        e!(@ "gort_resolve_type_off", crate::abi::module::gort_resolve_type_off, 2),
        e!(@ "gort_resolve_text_off", crate::abi::module::gort_resolve_text_off, 2),
        e!(iface::gort_getitab, 2),
        e!(iface::gort_ifacee2i, 4),
        e!(iface::gort_assertE2I, 2),
        e!(iface::gort_assertE2I2, 2),
        e!(iface::gort_panicdottype, 3),
        e!(iface::gort_panic_typeassert, 3),
        e!(iface::gort_convT, 2),
        e!(iface::gort_convT64, 1),
        e!(iface::gort_convTstring, 2),
        e!(map::gort_makemap, 2),
        e!(map::gort_mapaccess, 3),
        e!(map::gort_mapaccess_fast64, 3),
        e!(map::gort_mapaccess_faststr, 4),
        e!(map::gort_mapassign, 3),
        e!(map::gort_mapassign_fast64, 3),
        e!(map::gort_mapassign_faststr, 4),
        e!(map::gort_mapdelete, 3),
        e!(map::gort_mapdelete_fast64, 3),
        e!(map::gort_mapdelete_faststr, 4),
        e!(map::gort_maplen, 1),
        e!(map::gort_mapclear, 2),
        e!(map::gort_mapiterinit, 3),
        e!(map::gort_mapiternext, 1),
        e!(output::gort_flush, 0),
        e!(output::gort_write, 3),
        e!(print::gort_printbool, 1),
        e!(print::gort_printint, 1),
        e!(print::gort_printuint, 1),
        e!(print::gort_printfloat, 1),
        e!(print::gort_printfloat32, 1),
        e!(print::gort_printcomplex, 3),
        e!(complex::gort_complex128div, 5),
        e!(print::gort_printstring, 2),
        e!(print::gort_printpointer, 1),
        e!(print::gort_printeface, 2),
        e!(print::gort_printiface, 2),
        e!(print::gort_printslice, 3),
        e!(print::gort_printlock, 0),
        e!(print::gort_printunlock, 0),
        e!(print::gort_printsp, 0),
        e!(print::gort_printnl, 0),
        e!(slice::gort_makeslice, 4),
        e!(slice::gort_growslice, 4),
        e!(slice::gort_memmove, 3),
        e!(slice::gort_typedmemmove, 3),
        e!(slice::gort_memclr, 2),
        e!(slice::gort_memequal, 3),
        e!(slice::gort_slicecopy, 5),
        e!(reflect::gort_reflect_mapiterstart, 3),
        e!(reflect::gort_reflect_mapiternext, 1),
        e!(reflect::gort_reflect_mapaccess, 3),
        e!(reflect::gort_reflect_mapaccess_faststr, 4),
        e!(reflect::gort_reflect_mapassign, 4),
        e!(reflect::gort_reflect_mapassign_faststr, 5),
        e!(reflect::gort_reflect_newarray, 2),
        e!(reflect::gort_reflect_typedmemclr, 2),
        e!(reflect::gort_reflect_typedmemclrpartial, 4),
        e!(reflect::gort_reflect_typedarrayclear, 3),
        e!(reflect::gort_reflect_growslice, 4),
        e!(reflect::gort_reflect_typedslicecopy, 3),
        e!(gotraceback::gort_settraceback, 2),
        e!(reflect::gort_reflect_verify_not_in_heap_ptr, 1),
        e!(reflect::gort_reflect_staticuint64s, 0),
        e!(reflect::gort_reflect_typelinks, 1),
        e!(reflect::gort_reflect_adjust_gcdata, 1),
        e!(reflect::gort_reflect_addreflectoff, 1),
        e!(reflect::gort_reflect_typestring, 1),
        e!(reflect::gort_reflect_memhash, 3),
        e!(reflect::gort_reflect_typehash, 3),
        e!(reflectcall::gort_reflect_call_prepare, 4),
        e!(reflectcall::gort_reflect_call_finish, 3),
        // assembly routines (global_asm!), listed by name
        e!(reflectcall::gort_reflect_invoke as "gort_reflect_invoke", 1),
        e!(reflectcall::gort_reflect_makefuncstub as "gort_reflect_makefuncstub", 0),
        e!(reflectcall::gort_reflect_methodvaluecall as "gort_reflect_methodvaluecall", 0),
        e!(@ "gort_reflect_chanrecv", crate::chan::select::gort_reflect_chanrecv, 4),
        e!(@ "gort_reflect_chansend", crate::chan::select::gort_reflect_chansend, 3),
        e!(@ "gort_reflect_rselect", crate::chan::select::gort_reflect_rselect, 4),
        e!(reflect::gort_reflect_makechan, 2),
        e!(@ "gort_os_args", crate::sys::args::gort_os_args, 1),
        e!(@ "gort_envs", crate::sys::args::gort_envs, 1),
        e!(@ "gort_goroot", crate::sys::args::gort_goroot, 1),
        e!(@ "gort_version", crate::sys::args::gort_version, 1),
        e!(@ "gort_syscall6", crate::sys::syscall::gort_syscall6, 8),
        e!(@ "gort_rawsyscall_noerror", crate::sys::syscall::gort_rawsyscall_noerror, 5),
        e!(@ "gort_gettimeofday", crate::sys::syscall::gort_gettimeofday, 1),
        e!(@ "gort_sigpipe", crate::sys::syscall::gort_sigpipe, 0),
        e!(@ "gort_rawvforksyscall", crate::sys::syscall::gort_rawvforksyscall, 5),
        e!(@ "gort_afterforkinchild", crate::sys::syscall::gort_afterforkinchild, 0),
        e!(@ "gort_cgocaller", crate::sys::syscall::gort_cgocaller, 4),
        e!(@ "gort_fcntl", crate::sys::syscall::gort_fcntl, 4),
        e!(@ "gort_vgetrandom", crate::sys::syscall::gort_vgetrandom, 5),
        e!(@ "gort_semrelease_nohandoff", crate::sys::syscall::gort_semrelease_nohandoff, 1),
        e!(@ "gort_pollopen", crate::sys::poll::gort_pollopen, 2),
        e!(@ "gort_pollclose", crate::sys::poll::gort_pollclose, 1),
        e!(@ "gort_pollreset", crate::sys::poll::gort_pollreset, 2),
        e!(@ "gort_pollwait", crate::sys::poll::gort_pollwait, 2),
        e!(@ "gort_pollsetdeadline", crate::sys::poll::gort_pollsetdeadline, 3),
        e!(@ "gort_pollunblock", crate::sys::poll::gort_pollunblock, 1),
        e!(panic::gort_gopanic, 2),
        e!(panic::gort_gorecover, 1),
        e!(panic::gort_deferproc, 1),
        e!(panic::gort_deferprocat, 2),
        e!(panic::gort_panicrangestate, 1),
        e!(panic::gort_deferpop, 0),
        e!(panic::gort_deferpop as "gort_deferreturn", 0),
        e!(panic::gort_exit, 1),
        e!(panic::gort_panic_bounds, 3),
        e!(panic::gort_panic_index, 2),
        e!(panic::gort_panic_divide, 0),
        e!(panic::gort_panic_nilderef, 0),
        e!(panic::gort_panic_nilderef as "gort_panic_nil", 0),
        e!(panic::gort_panic_shift, 0),
        e!(panic::gort_panic_slice_alen, 2),
        e!(panic::gort_panic_slice_acap, 2),
        e!(panic::gort_panic_slice_b, 2),
        e!(panic::gort_panic_nilmap, 0),
        e!(panic::gort_panicwrap, 2),
        e!(panic::gort_unsafeslice, 3),
        e!(panic::gort_unsafestring, 2),
        e!(panic::gort_set_trace, 1),
        e!(panic::gort_goexit, 0),
        e!(callers::gort_callers, 4),
        e!(callers::gort_stack, 4),
        e!(panic::gort_breakpoint, 0),
        e!(env::gort_getenv, 3),
        e!(callers::gort_funcentry, 1),
        e!(callers::gort_funcname, 2),
        e!(callers::gort_funcfileline, 3),
        e!(callers::gort_funcinlined, 1),
        e!(callers::gort_funcouter, 1),
        e!(@ "gort_go", crate::sched::proc::gort_go, 1),
        e!(@ "gort_gosched", crate::sched::proc::gort_gosched, 0),
        e!(@ "gort_numgoroutine", crate::sched::proc::gort_numgoroutine, 0),
        e!(@ "gort_numcpu", crate::sched::proc::gort_numcpu, 0),
        e!(@ "gort_gomaxprocs", crate::sched::proc::gort_gomaxprocs, 1),
        e!(@ "gort_block", crate::sched::proc::gort_block, 0),
        e!(@ "gort_preempt", crate::sched::preempt::gort_preempt, 0),
        e!(@ "gort_semacquire", crate::sched::sema::gort_semacquire, 1),
        e!(@ "gort_sync_fatal", crate::sched::sema::gort_sync_fatal, 2),
        e!(@ "gort_timesleep", crate::sched::time::gort_timesleep, 1),
        e!(@ "gort_newtimer", crate::sched::time::gort_newtimer, 6),
        e!(@ "gort_stoptimer", crate::sched::time::gort_stoptimer, 1),
        e!(@ "gort_resettimer", crate::sched::time::gort_resettimer, 3),
        e!(@ "gort_nanotime", crate::sched::time::gort_nanotime, 0),
        e!(@ "gort_time_now", crate::sched::time::gort_time_now, 1),
        e!(@ "gort_preempt_all", crate::sched::preempt::gort_preempt_all, 0),
        e!(@ "gort_morestack", crate::sched::stack::gort_morestack, 0),
        e!(@ "gort_morestack_all", crate::sched::stack::gort_morestack_all, 0),
        e!(@ "gort_makechan", crate::chan::chan::gort_makechan, 2),
        e!(@ "gort_chansend1", crate::chan::chan::gort_chansend1, 2),
        e!(@ "gort_chanrecv1", crate::chan::chan::gort_chanrecv1, 2),
        e!(@ "gort_chanrecv2", crate::chan::chan::gort_chanrecv2, 2),
        e!(@ "gort_closechan", crate::chan::chan::gort_closechan, 1),
        e!(@ "gort_chanlen", crate::chan::chan::gort_chanlen, 1),
        e!(@ "gort_chancap", crate::chan::chan::gort_chancap, 1),
        e!(@ "gort_selectgo", crate::chan::select::gort_selectgo, 4),
    ]
}

/// Every entry point as (symbol name, address).
/// The data symbols generated code reads: the preemption poll's word.
pub const DATA_SYMBOLS: &[&str] = &["gort_preempt_flag"];

/// Every entry point as (symbol name, address), then the data symbols ([`DATA_SYMBOLS`]).
pub fn symbols() -> Vec<(&'static str, *const u8)> {
    let mut v: Vec<_> = entries().into_iter().map(|e| (e.name, e.addr)).collect();
    v.push((DATA_SYMBOLS[0], (&raw const crate::sched::preempt::PREEMPT_FLAG).cast()));
    v
}

#[cfg(test)]
mod tests {
    /// Every `#[unsafe(no_mangle)]` function (and `jit_entry!` shim) of the crate's sources is listed in `entries()` by
    /// name, and every listed name is such a function (or an `as "alias"` of one), each once.
    #[test]
    fn lists_every_entry_point() {
        // Every .rs file of the crate, read at test time, so a new module cannot be missed.
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for e in std::fs::read_dir(dir).expect("runtime/src") {
                let p = e.expect("dir entry").path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("symbols.rs") {
                    // (this file quotes the patterns it searches for)
                    out.push(std::fs::read_to_string(&p).expect("source"));
                }
            }
        }
        let mut srcs = vec![];
        walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut srcs);
        let mut defined: Vec<String> = vec![];
        for src in &srcs {
            // Plain entries, and the `jit_entry!` shims of the panicking ones.
            let starts = src.match_indices("\n#[unsafe(no_mangle)]").chain(src.match_indices("jit_entry! {"));
            for (i, _) in starts {
                let rest = &src[i..];
                // Data symbols (`DATA_SYMBOLS`: `#[unsafe(no_mangle)] static`) are checked below.
                let item = rest[1..].lines().nth(1).unwrap_or("");
                if item.contains("static ") {
                    continue;
                }
                let f = rest.find("fn ").expect("no_mangle item without fn");
                let name: String =
                    rest[f + 3..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                defined.push(name);
            }
        }
        let syms = super::symbols();
        let mut names: Vec<&str> = syms.iter().map(|s| s.0).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), syms.len(), "an entry point is listed twice");
        let unlisted: Vec<&String> = defined.iter().filter(|d| !names.contains(&d.as_str())).collect();
        assert!(unlisted.is_empty(), "no_mangle functions missing from entries(): {unlisted:?}");
        let symbols_src = include_str!("symbols.rs");
        let stray: Vec<&&str> = names
            .iter()
            .filter(|n| !defined.iter().any(|d| d == *n) && !symbols_src.contains(&format!("as \"{n}\"")))
            .filter(|n| !super::DATA_SYMBOLS.contains(n))
            // asm-backed shims declared as `pub fn NAME() => target;` inside a jit_entry! block
            .filter(|n| !srcs.iter().any(|s| s.contains(&format!("pub fn {n}() =>"))))
            .collect();
        assert!(stray.is_empty(), "entries() names with no no_mangle function or jit_entry! shim: {stray:?}");
    }
}
