//! gc's `GOTRACEBACK` setting (`runtime/runtime1.go`, `setTraceback`), read once per process:
//! how much an unrecovered panic's report shows.
//!
//! - `none`, or a value that is neither a name nor a number: level 0, only the `panic:` lines;
//! - `single` or unset: level 1, the panicking goroutine's traceback (the default);
//! - `all`: level 1 and every other goroutine (`tracebackothers`);
//! - `system`: level 2 and all (gc adds runtime frames and `gp=`/`m=` fields, which gojit's
//!   goroutines do not have: printed as `all`);
//! - `crash`: as `system`, then the process dies of `SIGABRT` (gc's `crash()`);
//! - a number `n`: level `n` and all (gc's default branch).

use std::sync::OnceLock;

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

/// This process's setting (the `GOTRACEBACK` environment variable).
pub fn setting() -> Setting {
    static S: OnceLock<Setting> = OnceLock::new();
    *S.get_or_init(|| parse(std::env::var("GOTRACEBACK").ok().as_deref()))
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
