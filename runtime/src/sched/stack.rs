//! Goroutine stacks: fixed-size slots carved from one large read-write `MAP_NORESERVE`
//! reservation (one mapping, however many goroutines: no per-stack `mprotect`, so the kernel's
//! `vm.max_map_count` does not bound the number of goroutines). Stacks are never copied or grown
//! (JIT frames hold pointers into their callers' frames), so a slot is as large as a goroutine may
//! need; memory is committed by the kernel on first touch and handed back (`MADV_DONTNEED`) when
//! the goroutine ends, and the slot is reused by the next goroutine.
//!
//! # Overflow
//! Slots are [`SLOT_SIZE`]-aligned, and the lowest [`SLOT_GUARD`] bytes of each are a guard
//! nothing runs on. Every generated function checks its stack pointer after its prologue (gc's
//! stack-bound check, `FnCx::stack_check` in the compiler): `sp & (SLOT_SIZE - 1) < SLOT_GUARD`
//! (one `test` of the bits between the two powers of two and a branch)
//! calls [`gort_morestack_all`], whose slow path ([`morestack_entry`]) ends the program with gc's
//! `runtime: goroutine stack exceeds 1000000000-byte limit` / `fatal error: stack overflow` when
//! the stack pointer is in the running goroutine's guard. The check needs no goroutine pointer
//! (the slot follows from `sp`); on other stacks (main's, below) the fast check is a filter that
//! is occasionally true and the slow path returns. Runtime code called from the deepest checked
//! frame has the guard's bytes to run in; a single frame larger than the guard could step over
//! it (gc refuses such frames at compile time).
//!
//! `main.main` keeps its own 1 GiB stack (see `trampoline`), with a `PROT_NONE` guard page whose
//! fault the fault handler reports; these slots serve `go` statements.

use std::sync::Mutex;

/// Bytes of one goroutine stack slot, guard included (a power of two; slots are aligned to it).
pub const SLOT_SIZE: usize = 64 << 20;
/// The guard bytes at the bottom of each slot (read-write, never used by a checked frame).
pub const SLOT_GUARD: usize = 1 << 20;
/// How many slots the reservation holds (8 TiB of address space, nothing committed up front).
pub const SLOTS: usize = 1 << 17;

/// One goroutine stack: `[lo, guard_hi)` is the guard, `[guard_hi, hi)` usable; all of it is
/// readable (a traceback of an overflowed goroutine reads frames in the guard).
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

/// The reservation's first slot address (aligned to `SLOT_SIZE`; the unaligned head stays mapped
/// and unused).
fn reserve() -> Option<usize> {
    let raw = crate::mem::sys::sys_reserve(SLOT_SIZE * (SLOTS + 1), libc::PROT_READ | libc::PROT_WRITE)?;
    Some((raw + SLOT_SIZE - 1) & !(SLOT_SIZE - 1))
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
    Some(Stack { lo, guard_hi: lo + SLOT_GUARD, hi: lo + SLOT_SIZE, slot })
}

/// Returns a dead goroutine's stack: its pages go back to the kernel, the slot to the free list.
///
/// # Safety
/// No frame may live on `s` any more (the goroutine has ended and nothing runs on it).
pub unsafe fn free(s: Stack) {
    // SAFETY: the caller guarantees the stack is unused; the range is inside our reservation.
    unsafe { libc::madvise(s.lo as *mut libc::c_void, s.hi - s.lo, libc::MADV_DONTNEED) };
    POOL.lock().unwrap_or_else(|e| e.into_inner()).free.push(s.slot);
}

crate::jit_entry! {
    /// The slow path of the prologue's stack-bound check (see the module docs). `system_v`;
    /// returns unless the stack overflowed.
    pub fn gort_morestack() => morestack_entry;
}

/// gc's `newstack` reduced to its overflow check: a stack pointer inside the running goroutine's
/// guard is a fatal stack overflow; anything else (another stack whose address happens to pass
/// the fast check) returns.
extern "C" fn morestack_entry(fp: usize, pc: usize) {
    let probe = 0u8;
    let sp = std::hint::black_box(&probe) as *const u8 as usize;
    let slot = sp & !(SLOT_SIZE - 1);
    if sp - slot < SLOT_GUARD && crate::panic::stack_bounds().0 == slot {
        crate::panic::stack_overflow(fp, pc, sp);
    }
}

crate::preserve_all_shim! {
    /// The entry point of the prologue's stack-bound check: [`gort_morestack`] in Cranelift's
    /// `preserve_all` convention (as `gort_preempt_all`), so the check clobbers no register.
    ///
    /// # Safety
    /// Only for JIT code's stack-bound checks (called with the `preserve_all` convention, no
    /// arguments, from a 16-byte-aligned call site).
    pub fn gort_morestack_all() => gort_morestack;
}
