//! Goroutine stacks: fixed-size slots carved from one large `MAP_NORESERVE` reservation, each with
//! a `PROT_NONE` guard at its low end. Stacks are never copied or grown (JIT frames hold pointers
//! into their callers' frames), so a slot is as large as a goroutine may need; memory is committed
//! by the kernel on first touch and handed back (`MADV_DONTNEED`) when the goroutine ends, and the
//! slot is reused by the next goroutine.
//!
//! `main.main` keeps its own 1 GiB stack (see `trampoline`); these slots serve `go` statements.
//! A fault inside a slot's guard is a stack overflow, reported by the fault handler like main's.

use std::sync::Mutex;

/// Bytes of one goroutine stack slot, guard included.
pub const SLOT_SIZE: usize = 64 << 20;
/// The `PROT_NONE` bytes at the bottom of each slot.
pub const SLOT_GUARD: usize = 64 << 10;
/// How many slots the reservation holds (4 TiB of address space, nothing committed up front).
pub const SLOTS: usize = 1 << 16;

/// One goroutine stack: `[lo, guard_hi)` is the guard, `[guard_hi, hi)` usable.
#[derive(Clone, Copy, Debug)]
pub struct Stack {
    pub lo: usize,
    pub guard_hi: usize,
    pub hi: usize,
    slot: usize,
}

struct Pool {
    base: usize,
    next: usize,
    free: Vec<usize>,
}

static POOL: Mutex<Pool> = Mutex::new(Pool { base: 0, next: 0, free: Vec::new() });

fn reserve() -> Option<usize> {
    crate::mem::sys::sys_reserve(SLOT_SIZE * SLOTS, libc::PROT_NONE)
}

/// A stack for a new goroutine, or `None` when the reservation is exhausted or cannot be made.
pub fn alloc() -> Option<Stack> {
    let mut pool = POOL.lock().unwrap_or_else(|e| e.into_inner());
    if pool.base == 0 {
        pool.base = reserve()?;
    }
    let slot = match pool.free.pop() {
        Some(s) => s,
        None if pool.next < SLOTS => {
            pool.next += 1;
            pool.next - 1
        }
        None => return None,
    };
    let lo = pool.base + slot * SLOT_SIZE;
    let guard_hi = lo + SLOT_GUARD;
    // SAFETY: the usable part of a slot of our own reservation becomes read-write; the guard stays
    // PROT_NONE.
    if unsafe { libc::mprotect(guard_hi as *mut libc::c_void, SLOT_SIZE - SLOT_GUARD, libc::PROT_READ | libc::PROT_WRITE) } != 0 {
        pool.free.push(slot);
        return None;
    }
    Some(Stack { lo, guard_hi, hi: lo + SLOT_SIZE, slot })
}

/// Returns a dead goroutine's stack: its pages go back to the kernel, the slot to the free list.
///
/// # Safety
/// No frame may live on `s` any more (the goroutine has ended and nothing runs on it).
pub unsafe fn free(s: Stack) {
    // SAFETY: the caller guarantees the stack is unused; the range is inside our reservation.
    unsafe { libc::madvise(s.guard_hi as *mut libc::c_void, s.hi - s.guard_hi, libc::MADV_DONTNEED) };
    POOL.lock().unwrap_or_else(|e| e.into_inner()).free.push(s.slot);
}
