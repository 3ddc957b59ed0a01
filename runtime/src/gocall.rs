//! Calling Go code (compiled with Cranelift's `tail` convention) from the runtime: `String()`,
//! `Error()`, `Unwrap()` and `Is()` methods invoked by fmt and the errors package.
//!
//! Two-result methods go through the panic helper's method trampoline
//! ([`crate::trampoline::call_method2`]), which catches a panic escaping the method (Go's fmt
//! `catchPanic`); in propagating mode the caught value is re-raised from here with
//! [`crate::panic::throw`], so the panic continues into the JIT frames above. `Is(error) bool` has
//! one result and integer arguments only, where `tail` and `system_v` agree on x86-64 (see
//! `arch::tail_ret2_shim`), so it is called directly and its panics propagate through our frame.
//! Methods of runtime-defined types (`*errors.errorString`, `*fmt.wrapError`, `*fs.PathError`,
//! `syscall.Errno`) are recognised and called natively.
//!
//! Invariant: no value with `Drop` lives in a frame here across a call into Go code.

use crate::abi::*;

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
pub unsafe fn find_method(typ: &Type, name: &[u8]) -> Option<MethodEntry> {
    typ.find_method(name)
}

/// True when `m`'s signature is spelled `sig` (e.g. `func() string`).
pub fn sig_is(m: &MethodEntry, sig: &[u8]) -> bool {
    !m.mtyp.is_null() && m.sig() == sig
}

/// Outcome of calling a Go method from the runtime.
pub enum CallResult<T> {
    Ok(T),
    /// The method panicked with this value (only in catching mode).
    Panicked(Eface),
}

/// Calls `ifn(0, recv) -> (w0, w1)`; a panic is returned (catch) or re-raised (propagate).
unsafe fn call2(ifn: *const u8, recv: *mut u8, catch: bool) -> CallResult<[usize; 2]> {
    // SAFETY: caller contract: ifn is a two-result Go method entry for recv.
    match unsafe { crate::trampoline::call_method2(ifn as usize, recv as usize) } {
        Ok(w) => CallResult::Ok(w),
        Err(()) => {
            let v = crate::panic::take_method_panic().unwrap_or(Eface { typ: std::ptr::null(), data: std::ptr::null_mut() });
            if catch {
                CallResult::Panicked(v)
            } else {
                crate::panic::throw(v)
            }
        }
    }
}

/// Calls a `func() string` method (String/Error) on the receiver data word `recv` of dynamic type
/// `typ`. With `catch`, a panic in the method is returned as [`CallResult::Panicked`].
///
/// # Safety
/// `typ` valid, `m` one of its methods, `recv` a valid data word for `typ`; Go methods may only be
/// called while a Go program runs (goroutine stack, trampolines installed).
pub unsafe fn call_string_method(typ: *const Type, m: &MethodEntry, recv: *mut u8, catch: bool) -> CallResult<GoString> {
    if let Some(Native::Str(f)) = crate::errors::native_method(typ, m) {
        // SAFETY: native implementations accept any valid receiver of their type.
        return CallResult::Ok(unsafe { f(0, recv) });
    }
    // SAFETY: forwarded.
    match unsafe { call2(m.ifn, recv, catch) } {
        CallResult::Ok(w) => CallResult::Ok(GoString { ptr: w[0] as *const u8, len: w[1] as isize }),
        CallResult::Panicked(p) => CallResult::Panicked(p),
    }
}

/// Calls a `func() error` method (Unwrap); panics propagate.
///
/// # Safety
/// As [`call_string_method`].
pub unsafe fn call_iface_method(typ: *const Type, m: &MethodEntry, recv: *mut u8) -> Iface {
    if let Some(Native::Iface(f)) = crate::errors::native_method(typ, m) {
        // SAFETY: as above.
        return unsafe { f(0, recv) };
    }
    // SAFETY: forwarded; propagate mode never returns Panicked.
    match unsafe { call2(m.ifn, recv, false) } {
        CallResult::Ok(w) => Iface { tab: w[0] as *const ITab, data: w[1] as *mut u8 },
        CallResult::Panicked(_) => Iface { tab: std::ptr::null(), data: std::ptr::null_mut() },
    }
}
