//! The runtime's clocks (gc's `nanotime`, time_nofake.go): the monotonic clock GOROOT code reads
//! through `//go:linkname` (internal/sync's spinning, and later package time).

/// `runtime.nanotime()`: CLOCK_MONOTONIC in nanoseconds.
#[unsafe(no_mangle)]
pub extern "C" fn gort_nanotime() -> i64 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: t is a writable timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut t) };
    t.tv_sec * 1_000_000_000 + t.tv_nsec
}
