//! gc's dispositions for the asynchronous signals a Go program does not ask for: SIGUSR1, SIGUSR2
//! and SIGALRM are `_SigNotify` signals in gc's signal table, so without `os/signal` its handler
//! receives and drops them (the program keeps running) instead of dying by the default action.
//! (A disposition that was SIG_IGN at start-up stays ignored, as in gc.) The fault signals are
//! `trampoline.rs`'s business.

/// The signals gc receives and drops when the program has not asked for them.
const DROPPED: [libc::c_int; 3] = [libc::SIGUSR1, libc::SIGUSR2, libc::SIGALRM];

extern "C" fn drop_signal(_sig: libc::c_int) {}

/// Installs the handler that drops [`DROPPED`] signals. Idempotent.
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        for sig in DROPPED {
            // SAFETY: a zeroed sigaction is valid; drop_signal is a plain handler that touches
            // nothing (async-signal-safe); querying first keeps an inherited SIG_IGN.
            unsafe {
                let mut old: libc::sigaction = std::mem::zeroed();
                libc::sigaction(sig, std::ptr::null(), &mut old);
                if old.sa_sigaction == libc::SIG_IGN {
                    continue;
                }
                let mut sa: libc::sigaction = std::mem::zeroed();
                sa.sa_sigaction = drop_signal as *const () as usize;
                sa.sa_flags = libc::SA_RESTART | libc::SA_ONSTACK;
                libc::sigemptyset(&mut sa.sa_mask);
                libc::sigaction(sig, &sa, std::ptr::null_mut());
            }
        }
    });
}
