//! Calling Go code (compiled with Cranelift's `tail` convention) from the runtime: `String()`,
//! `Error()`, `Unwrap()` and `Is()` methods invoked by fmt and the errors package.
//!
//! The runtime cannot call `tail` functions itself; the JIT/panic side installs a [`GoCallHook`]
//! (a generated `system_v` → `tail` trampoline) with [`set_gocall_hook`] before running Go code.
//! Methods of runtime-defined types (`*errors.errorString`, `*fmt.wrapError`) are recognised and
//! called natively without the hook.
//!
//! Panic contract: with `recovered` non-null the hook must behave like a deferred `recover()` in
//! the trampoline frame (Go's fmt `catchPanic`): a panic that escapes the callee is stopped there,
//! its value stored in `*recovered`, and the hook returns `true`. With `recovered` null a panic
//! propagates through the runtime's Rust frames to the JIT frames above; callers using that mode
//! hold no value with `Drop` across the call.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::abi::*;
use crate::gostring::bytes;
use crate::iface::slice_or_empty;

/// `code` is a Go-convention entry point; `args[..nargs]` its integer arguments, ctx first;
/// `rets[..nrets]` receive its integer results. Returns true iff a panic was recovered into
/// `*recovered` (only possible when `recovered` is non-null).
pub type GoCallHook = unsafe extern "C" fn(
    code: *const u8,
    args: *const u64,
    nargs: usize,
    rets: *mut u64,
    nrets: usize,
    recovered: *mut Eface,
) -> bool;

static HOOK: AtomicUsize = AtomicUsize::new(0);

/// Installs the trampoline used to call Go code from the runtime.
pub fn set_gocall_hook(h: GoCallHook) {
    HOOK.store(h as usize, Ordering::Release);
}

/// A native implementation of a method of a runtime-defined type.
#[derive(Clone, Copy)]
pub enum Native {
    /// `func(ctx, recv) -> (ptr, len)`: Error/String.
    Str(unsafe extern "C" fn(usize, *mut u8) -> GoString),
    /// `func(ctx, recv) -> (tab, data)`: Unwrap.
    Iface(unsafe extern "C" fn(usize, *mut u8) -> Iface),
}

/// Looks up a method by name in `typ`'s method set.
///
/// # Safety
/// `typ` valid.
pub unsafe fn find_method<'a>(typ: &'a TypeDesc, name: &[u8]) -> Option<&'a Method> {
    // SAFETY: method table has n_methods entries with valid names.
    unsafe {
        slice_or_empty(typ.methods, typ.n_methods).iter().find(|m| bytes(m.name.ptr, m.name.len) == name)
    }
}

/// True when `m`'s signature is spelled `sig` (e.g. `func() string`).
pub fn sig_is(m: &Method, sig: &[u8]) -> bool {
    // SAFETY: signature descriptors are valid.
    !m.typ.is_null() && unsafe { bytes((*m.typ).name.ptr, (*m.typ).name.len) } == sig
}

/// Outcome of calling a Go method from the runtime.
pub enum CallResult<T> {
    Ok(T),
    /// The method panicked with this value (only in catching mode).
    Panicked(Eface),
}

unsafe fn call_raw(code: *const u8, args: &[u64], rets: &mut [u64], catch: bool) -> Option<Eface> {
    let h = HOOK.load(Ordering::Acquire);
    if h == 0 {
        crate::rterror::fatal("gojit runtime: cannot call Go methods from the runtime (no call hook installed)");
    }
    // SAFETY: h was stored from a GoCallHook.
    let hook: GoCallHook = unsafe { std::mem::transmute(h) };
    let mut rec = Eface { typ: std::ptr::null(), data: std::ptr::null_mut() };
    let recp = if catch { &mut rec as *mut Eface } else { std::ptr::null_mut() };
    // SAFETY: the hook's contract; args/rets are valid arrays.
    let panicked = unsafe { hook(code, args.as_ptr(), args.len(), rets.as_mut_ptr(), rets.len(), recp) };
    if panicked { Some(rec) } else { None }
}

/// Calls a `func() string` method (String/Error) on the receiver data word `recv` of dynamic type
/// `typ`. With `catch`, a panic in the method is returned as [`CallResult::Panicked`].
///
/// # Safety
/// `typ` valid, `m` one of its methods, `recv` a valid data word for `typ`.
pub unsafe fn call_string_method(typ: *const TypeDesc, m: &Method, recv: *mut u8, catch: bool) -> CallResult<GoString> {
    if let Some(Native::Str(f)) = crate::errors::native_method(typ, m) {
        // SAFETY: native implementations accept any valid receiver of their type.
        return CallResult::Ok(unsafe { f(0, recv) });
    }
    let mut rets = [0u64; 2];
    // SAFETY: forwarded.
    match unsafe { call_raw(m.ifn, &[0, recv as u64], &mut rets, catch) } {
        Some(p) => CallResult::Panicked(p),
        None => CallResult::Ok(GoString { ptr: rets[0] as *const u8, len: rets[1] as isize }),
    }
}

/// Calls a `func() error` method (Unwrap); panics propagate.
///
/// # Safety
/// As [`call_string_method`].
pub unsafe fn call_iface_method(typ: *const TypeDesc, m: &Method, recv: *mut u8) -> Iface {
    if let Some(Native::Iface(f)) = crate::errors::native_method(typ, m) {
        // SAFETY: as above.
        return unsafe { f(0, recv) };
    }
    let mut rets = [0u64; 2];
    // SAFETY: forwarded; propagate mode never reports a recovered panic.
    unsafe { call_raw(m.ifn, &[0, recv as u64], &mut rets, false) };
    Iface { tab: rets[0] as *const Itab, data: rets[1] as *mut u8 }
}

/// Calls a `func(error) bool` method (Is); panics propagate.
///
/// # Safety
/// As [`call_string_method`].
pub unsafe fn call_is_method(m: &Method, recv: *mut u8, target: Iface) -> bool {
    let mut rets = [0u64; 1];
    // SAFETY: forwarded.
    unsafe { call_raw(m.ifn, &[0, recv as u64, target.tab as u64, target.data as u64], &mut rets, false) };
    rets[0] & 0xff != 0
}
