//! The runtime's cheap random numbers (gc's `cheaprand`/`rand`): a per-thread wyrand generator
//! seeded from the operating system, for what gc randomises on purpose, such as the order of map
//! iteration. Not for cryptography.

use std::cell::Cell;

thread_local! {
    static STATE: Cell<u64> = const { Cell::new(0) };
}

/// A seed from the kernel (`getrandom`), or from the clock and the thread if that fails.
fn seed() -> u64 {
    let mut buf = [0u8; 8];
    // SAFETY: buf is 8 writable bytes.
    let n = unsafe { libc::getrandom(buf.as_mut_ptr().cast(), buf.len(), libc::GRND_NONBLOCK) };
    if n == 8 {
        return u64::from_ne_bytes(buf) | 1;
    }
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0);
    let local = 0u8;
    t ^ (&local as *const u8 as u64).rotate_left(32) | 1
}

/// The next pseudo-random 64-bit value of this thread. Not inlined: the caller may be a goroutine
/// that switched threads since its last call, and must use this thread's state (see
/// `sched::proc`'s thread-local slots).
#[inline(never)]
pub fn next_u64() -> u64 {
    STATE.with(|s| {
        let mut x = s.get();
        if x == 0 {
            x = seed();
        }
        // wyrand (Wang Yi's generator, the one gc's cheaprand64 uses).
        x = x.wrapping_add(0xa076_1d64_78bd_642f);
        s.set(x);
        let m = (x as u128).wrapping_mul((x ^ 0xe703_7ed1_a0b4_28db) as u128);
        ((m >> 64) as u64) ^ (m as u64)
    })
}

/// `internal/sync.runtime_rand() uint64` (gc's `rand`).
#[unsafe(no_mangle)]
pub extern "C" fn gort_rand() -> u64 {
    next_u64()
}

/// `sync.runtime_randn(n uint32) uint32` (gc's `randn`): uniform in `[0, n)` by Lemire's
/// multiply-shift, as gc.
#[unsafe(no_mangle)]
pub extern "C" fn gort_randn(n: u32) -> u32 {
    (((next_u64() as u32) as u64 * n as u64) >> 32) as u32
}

#[cfg(test)]
mod tests {
    #[test]
    fn randn_stays_below_n() {
        for n in [1u32, 2, 7, 1000, u32::MAX] {
            for _ in 0..100 {
                assert!(super::gort_randn(n) < n);
            }
        }
        assert_ne!(super::gort_rand(), super::gort_rand());
    }

    #[test]
    fn values_vary() {
        let v: Vec<u64> = (0..64).map(|_| super::next_u64()).collect();
        let mut d = v.clone();
        d.sort();
        d.dedup();
        assert_eq!(d.len(), v.len());
        // Each of the low 3 bits takes both values (map iteration uses them).
        for bit in 0..3 {
            assert!(v.iter().any(|x| x >> bit & 1 == 1) && v.iter().any(|x| x >> bit & 1 == 0));
        }
    }
}
