//! The collector controls of `runtime/debug` (gc's `setGCPercent`, `setMemoryLimit`,
//! `freeOSMemory`, `readGCStats_m`), the bodies of GOROOT runtime/debug's body-less functions
//! (hook rows in `src/lower/hooks.rs`).
//!
//! A new GC percent or memory limit takes effect at once: the trigger is recomputed from the live
//! heap the last collection left (gc's `gcControllerCommit`), so lowering either below the bytes
//! allocated makes the next safepoint collect.

use super::{config, goal_for, with_state};
use crate::alloc;

/// Recomputes the heap goal and the trigger after a setting changed.
fn commit() {
    let goal = with_state(|s| {
        s.goal = goal_for(s.live, s.gogc, s.memlimit);
        s.goal
    });
    if config().stress == 0 {
        // SAFETY: this thread's heap; one field is written.
        unsafe { (*alloc::heap()).trigger = goal };
    }
}

/// `debug.SetGCPercent`'s `setGCPercent(in int32) int32`: sets GOGC (negative: off, stored as
/// -1) and returns the previous setting.
#[unsafe(no_mangle)]
pub extern "C" fn gort_setgcpercent(v: i32) -> i32 {
    let old = with_state(|s| std::mem::replace(&mut s.gogc, if v < 0 { -1 } else { v as i64 }));
    commit();
    old.clamp(i32::MIN as i64, i32::MAX as i64) as i32
}

/// `debug.SetMemoryLimit`'s `setMemoryLimit(in int64) int64`: sets the soft memory limit in bytes
/// unless `v` is negative (then only reads it); returns the previous limit (`math.MaxInt64`: none).
#[unsafe(no_mangle)]
pub extern "C" fn gort_setmemorylimit(v: i64) -> i64 {
    let as_i64 = |l: Option<usize>| l.map_or(i64::MAX, |l| l.min(i64::MAX as usize) as i64);
    let old = with_state(|s| {
        let old = as_i64(s.memlimit);
        if v >= 0 {
            s.memlimit = if v == i64::MAX { None } else { Some(v as usize) };
        }
        old
    });
    if v >= 0 && v != old {
        commit();
    }
    old
}

/// `debug.FreeOSMemory`'s `freeOSMemory()`: a forced collection, then every free page goes back
/// to the OS (gc's `scavengeAll`).
#[unsafe(no_mangle)]
#[inline(never)]
pub extern "C" fn gort_freeosmemory() {
    super::scrub_stack();
    super::collect(true);
    // SAFETY: this thread's heap; no reference to it is live here.
    unsafe { (*alloc::heap()).scavenge(0) };
}

/// `debug.ReadGCStats`'s `readGCStats(*[]time.Duration)` (gc's `readGCStats_m`): fills the slice
/// `*pauses` with the recent pauses (most recent first), their end times, then the last
/// collection's Unix time, the number of collections and the total pause, and sets its length.
///
/// # Safety
/// `pauses` points to a `[]time.Duration` header whose backing array has its capacity.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_readgcstats(pauses: *mut [usize; 3]) {
    // SAFETY: the caller's contract.
    let [ptr, _, cap] = unsafe { *pauses };
    let (numgc, ns, ends, last, total) =
        with_state(|s| (s.numgc, s.pauses, s.pause_ends, s.last_gc_unix_ns, s.pause_total_ns));
    let n = (numgc as usize).min(ns.len());
    // (gc checks for 259 words and would then fail on a bounds check; runtime/debug passes 515)
    if cap < ns.len() + 3 || cap < 2 * n + 3 {
        crate::rterror::fatal("short slice passed to readGCStats");
    }
    // SAFETY: the backing array holds cap ≥ 2n + 3 words.
    unsafe {
        let p = ptr as *mut u64;
        for i in 0..n {
            let j = (numgc as usize - 1 - i) % ns.len();
            *p.add(i) = ns[j];
            *p.add(n + i) = ends[j];
        }
        *p.add(2 * n) = last;
        *p.add(2 * n + 1) = numgc as u64;
        *p.add(2 * n + 2) = total;
        (*pauses)[1] = 2 * n + 3;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trigger() -> usize {
        // SAFETY: this thread's heap; one field is read.
        unsafe { (*alloc::heap()).trigger }
    }

    /// Each setter returns the previous setting and moves the trigger at once (this test thread
    /// has collected nothing: its live heap is 0).
    #[test]
    fn settings_apply_and_return_the_previous_ones() {
        if config().stress > 0 {
            return;
        }
        assert_eq!(gort_setgcpercent(50) as i64, config().gogc.max(-1));
        assert_eq!(trigger(), 2 << 20, "GOGC=50 over an empty heap: half of gc's 4 MB minimum");
        assert_eq!(gort_setgcpercent(-5), 50);
        assert_eq!(trigger(), usize::MAX, "GOGC off");
        assert_eq!(gort_setgcpercent(100), -1);
        assert_eq!(gort_setmemorylimit(-1), config().memlimit.map_or(i64::MAX, |l| l as i64));
        gort_setmemorylimit(1 << 20);
        assert_eq!(trigger(), (1 << 20) / 100 * 95, "95% of the limit caps the goal");
        assert_eq!(gort_setmemorylimit(-1), 1 << 20, "a negative limit only reads it");
        assert_eq!(gort_setmemorylimit(i64::MAX), 1 << 20);
        assert_eq!(trigger(), 4 << 20);
    }

    /// With no collection yet, readGCStats reports the three totals only.
    #[test]
    fn gc_stats_without_collections() {
        let mut buf = vec![7u64; 2 * 256 + 3];
        let mut hdr = [buf.as_mut_ptr() as usize, 0, buf.len()];
        // SAFETY: hdr describes buf, which has the capacity runtime/debug passes.
        unsafe { gort_readgcstats(&mut hdr) };
        assert_eq!(hdr[1], 3);
        assert_eq!(&buf[..3], &[0, 0, 0]);
    }
}
