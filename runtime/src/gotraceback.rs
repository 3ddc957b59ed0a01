//! gc's `GOTRACEBACK` setting (`runtime/runtime1.go`, `setTraceback`): how much an unrecovered
//! panic's report shows. The variable is read once per process; `runtime/debug.SetTraceback`
//! replaces the setting, combined with the variable's as gc does.
//!
//! - `none`, or a value that is neither a name nor a number: level 0, only the `panic:` lines;
//! - `single` or unset: level 1, the panicking goroutine's traceback (the default);
//! - `all`: level 1 and every other goroutine (`tracebackothers`);
//! - `system`: level 2 and all (gc adds runtime frames and `gp=`/`m=` fields, which gojit's
//!   goroutines do not have: printed as `all`);
//! - `crash`: as `system`, then the process dies of `SIGABRT` (gc's `crash()`);
//! - a number `n`: level `n` and all (gc's default branch).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

/// The parsed setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Setting {
    pub level: u32,
    pub all: bool,
    pub crash: bool,
}

/// gc's `setTraceback(level)`.
pub fn parse(v: Option<&str>) -> Setting {
    let (level, all, crash) = match v {
        None | Some("") | Some("single") => (1, false, false),
        Some("none") => (0, false, false),
        Some("all") => (1, true, false),
        Some("system") => (2, true, false),
        Some("crash") => (2, true, true),
        Some(n) => (n.parse::<u32>().unwrap_or(0), true, false),
    };
    Setting { level, all, crash }
}

/// The setting of the `GOTRACEBACK` environment variable (gc's `traceback_env`).
fn env_setting() -> Setting {
    static S: OnceLock<Setting> = OnceLock::new();
    *S.get_or_init(|| parse(std::env::var("GOTRACEBACK").ok().as_deref()))
}

/// gc's `traceback_cache` bits (`level << 2 | crash << 1 | all`) as `runtime/debug.SetTraceback`
/// last set them, or `u32::MAX` before any call (then the environment's setting holds).
static SET: AtomicU32 = AtomicU32::new(u32::MAX);

fn pack(s: Setting) -> u32 {
    s.level.min(u32::MAX >> 3) << 2 | (s.crash as u32) << 1 | s.all as u32
}

/// This process's setting: the environment's, or what `runtime/debug.SetTraceback` made of it.
pub fn setting() -> Setting {
    let t = SET.load(Ordering::Relaxed);
    if t == u32::MAX {
        return env_setting();
    }
    Setting { level: t >> 2, all: t & 1 != 0, crash: t & 2 != 0 }
}

/// `runtime/debug.SetTraceback(level)` (gc's `setTraceback`): the new setting combined (bitwise,
/// as gc's `t |= traceback_env`) with the environment's, so it never goes below the variable's.
///
/// # Safety
/// `p` is readable for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_settraceback(p: *const u8, n: isize) {
    // SAFETY: the caller's contract.
    let s = unsafe { crate::abi::GoString { ptr: p, len: n }.as_bytes() };
    let level = String::from_utf8_lossy(s);
    SET.store(pack(parse(Some(&level))) | pack(env_setting()), Ordering::Relaxed);
}

/// gc's `crash()` after a report under `GOTRACEBACK=crash`: die of `SIGABRT` (default action).
pub fn crash() -> ! {
    crate::output::flush_stdout();
    // SAFETY: restoring the default disposition and raising the signal ends the process.
    unsafe {
        libc::signal(libc::SIGABRT, libc::SIG_DFL);
        libc::raise(libc::SIGABRT);
        libc::_exit(2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_gcs() {
        let s = |level, all, crash| Setting { level, all, crash };
        assert_eq!(parse(None), s(1, false, false));
        assert_eq!(parse(Some("single")), s(1, false, false));
        assert_eq!(parse(Some("none")), s(0, false, false));
        assert_eq!(parse(Some("all")), s(1, true, false));
        assert_eq!(parse(Some("system")), s(2, true, false));
        assert_eq!(parse(Some("crash")), s(2, true, true));
        assert_eq!(parse(Some("0")), s(0, true, false));
        assert_eq!(parse(Some("1")), s(1, true, false));
        assert_eq!(parse(Some("bogus")), s(0, true, false));
    }
}
