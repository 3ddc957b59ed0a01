//! The scheduler's lock (gc's `runtime.mutex`, `lock_futex.go`): a futex mutex with gc's three
//! states (0 unlocked, 1 locked, 2 locked with sleepers), a short spin before sleeping, and the
//! owning thread recorded so that re-locking on the same thread (a runtime bug that would hang the
//! program) is a fatal error instead of a deadlock.
//!
//! # Locking protocol
//! A program run has one [`Lock`] (`Sched::lock`, `proc.rs`). It protects every runtime structure
//! that goroutines on different threads (Ms) share: the run queues, `allgs`, the Ms' idle state,
//! channels (their buffers and waiter queues, `chan/`), `select`'s waiters, the semaphore table
//! and notify lists (`sema.rs`) and the timer heap (`time.rs`). gc has one lock per channel and
//! per semaphore root; one lock for all of them is the first, simplest sound layer (the data it
//! protects and the park hand-off below are the same, so finer locks can replace it).
//!
//! A goroutine that blocks holds the lock when it switches to its M's g0 (gc's `gopark` with an
//! unlock function): g0 releases it once the goroutine's context is saved, so whoever wakes the
//! goroutine (and must take the lock to find it) never sees a half-switched goroutine. A
//! goroutine therefore resumes without the lock.
//!
//! # Memory ordering
//! `lock` acquires (`Acquire` on the successful exchange), `unlock` releases (`Release` swap):
//! everything written under the lock is visible to the next holder. `owner` is a diagnostic,
//! only compared against the caller's own id (a thread sees its own writes).

use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};

/// A futex mutex; see the module docs.
pub struct Lock {
    state: AtomicU32,
    owner: AtomicUsize,
}

/// A non-zero id of the calling thread, read afresh on every call. (The address of a thread-local
/// would not do: LLVM may compute it once per function, and a goroutine that parks inside a
/// function holding no lock resumes on another thread, where it would take the previous
/// thread's id: `owner` then named a thread that held nothing, and that thread's next `lock`
/// reported a re-entry that never happened.)
fn thread_id() -> usize {
    crate::arch::thread_pointer()
}

fn futex_wait(word: &AtomicU32, expected: u32) {
    // SAFETY: FUTEX_WAIT on a valid, aligned u32 that lives as long as the lock; it returns at
    // once when the word differs from `expected`, and spurious wake-ups are handled by the caller.
    unsafe {
        libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAIT | libc::FUTEX_PRIVATE_FLAG, expected, std::ptr::null::<libc::timespec>());
    }
}

fn futex_wake(word: &AtomicU32) {
    // SAFETY: FUTEX_WAKE of one waiter on a valid, aligned u32.
    unsafe {
        libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAKE | libc::FUTEX_PRIVATE_FLAG, 1);
    }
}

impl Default for Lock {
    fn default() -> Self {
        Lock::new()
    }
}

impl Lock {
    pub const fn new() -> Lock {
        Lock { state: AtomicU32::new(0), owner: AtomicUsize::new(0) }
    }

    /// Takes the lock (a fatal error if this thread already holds it).
    pub fn lock(&self) {
        let me = thread_id();
        if self.owner.load(Ordering::Relaxed) == me {
            crate::panic::fatal("runtime: scheduler lock re-entered");
        }
        if self.state.compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed).is_err() {
            self.lock_slow();
        }
        self.owner.store(me, Ordering::Relaxed);
    }

    #[cold]
    fn lock_slow(&self) {
        for _ in 0..100 {
            std::hint::spin_loop();
            if self.state.load(Ordering::Relaxed) == 0
                && self.state.compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed).is_ok()
            {
                return;
            }
        }
        // Mark "locked with sleepers" and sleep until the word changes; whoever takes it in state 2
        // keeps it 2, so the unlock that follows wakes the next sleeper.
        while self.state.swap(2, Ordering::Acquire) != 0 {
            futex_wait(&self.state, 2);
        }
    }

    /// Takes the lock if it is free; false otherwise (and when this thread holds it).
    pub fn try_lock(&self) -> bool {
        if self.state.compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed).is_ok() {
            self.owner.store(thread_id(), Ordering::Relaxed);
            true
        } else {
            false
        }
    }

    /// Releases the lock, which this thread holds.
    pub fn unlock(&self) {
        debug_assert!(self.held(), "unlock of a lock this thread does not hold");
        self.owner.store(0, Ordering::Relaxed);
        if self.state.swap(0, Ordering::Release) == 2 {
            futex_wake(&self.state);
        }
    }

    /// Whether the calling thread holds the lock.
    pub fn held(&self) -> bool {
        self.owner.load(Ordering::Relaxed) == thread_id()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn counts_stay_exact_under_contention() {
        struct Shared {
            lock: Lock,
            n: std::cell::UnsafeCell<u64>,
        }
        // SAFETY: `n` is only touched under `lock`.
        unsafe impl Sync for Shared {}
        let s = Arc::new(Shared { lock: Lock::new(), n: std::cell::UnsafeCell::new(0) });
        let ts: Vec<_> = (0..4)
            .map(|_| {
                let s = s.clone();
                std::thread::spawn(move || {
                    for _ in 0..20_000 {
                        s.lock.lock();
                        // SAFETY: under the lock.
                        unsafe { *s.n.get() += 1 };
                        s.lock.unlock();
                    }
                })
            })
            .collect();
        for t in ts {
            t.join().unwrap();
        }
        s.lock.lock();
        // SAFETY: under the lock.
        assert_eq!(unsafe { *s.n.get() }, 80_000);
        assert!(s.lock.held());
        assert!(!s.lock.try_lock());
        s.lock.unlock();
        assert!(!s.lock.held());
        assert!(s.lock.try_lock());
        s.lock.unlock();
    }
}
