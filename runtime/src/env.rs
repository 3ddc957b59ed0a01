//! The process environment as the runtime facade reads it (`runtime.gogetenv`: GODEBUG for
//! internal/godebug).

use std::collections::HashMap;
use std::sync::Mutex;

/// Values already returned, by key: static strings (never freed; one per distinct key and value).
static SEEN: Mutex<Option<HashMap<(String, String), &'static str>>> = Mutex::new(None);

/// `runtime.gogetenv(key string) string`, in two 8-byte slots of `out` (pointer, length): the
/// variable's value at the time of the call, "" when unset (a value that is not UTF-8 has its bad bytes replaced).
///
/// # Safety
/// `key` points to `len` readable bytes (may dangle when `len == 0`); `out` is writable for 2 words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_getenv(key: *const u8, len: usize, out: *mut usize) {
    // SAFETY: the caller's contract.
    let k = if len == 0 { &[][..] } else { unsafe { std::slice::from_raw_parts(key, len) } };
    let k = String::from_utf8_lossy(k).into_owned();
    let v = std::env::var_os(&k).map(|v| String::from_utf8_lossy(std::os::unix::ffi::OsStrExt::as_bytes(v.as_os_str())).into_owned()).unwrap_or_default();
    let s: &'static str = {
        let mut g = SEEN.lock().unwrap_or_else(|e| e.into_inner());
        g.get_or_insert_with(HashMap::new).entry((k, v.clone())).or_insert_with(|| Box::leak(v.into_boxed_str()))
    };
    // SAFETY: the caller's contract.
    unsafe { out.cast::<[usize; 2]>().write([s.as_ptr() as usize, s.len()]) };
}
