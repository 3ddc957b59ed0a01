//! Goroutine stacks: fixed-size slots carved from one large read-write `MAP_NORESERVE`
//! reservation (one mapping, however many goroutines: no per-stack `mprotect`, so the kernel's
//! `vm.max_map_count` does not bound the number of goroutines). Stacks are never copied or grown
//! (JIT frames hold pointers into their callers' frames), so a slot is as large as a goroutine may
//! need; memory is committed by the kernel on first touch.
//!
//! # Reuse (gc's stack cache)
//! A dead goroutine's slot is cached with its pages still committed and reused, most recently
//! freed first, by the next `go` statement: no page fault, no page-table allocation and no system
//! call on either side (gc's per-P stack cache). Cached pages go back to the kernel
//! (`MADV_DONTNEED`, contiguous slots in one call) in batches: the oldest [`CACHE_BATCH`] slots
//! when more than [`CACHE_MAX`] are cached, and all of them at each collection
//! ([`release_cached`], as gc frees unused stack spans in mark termination). So the memory of
//! dead goroutines' stacks never exceeds what they used while alive, and returns to the kernel
//! at the next collection. The top page of a reused slot is zeroed (the collector scans stacks
//! conservatively: stale words there would keep the previous goroutine's objects alive).
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

/// At most this many dead goroutines' slots keep their pages (see the module docs).
pub const CACHE_MAX: usize = 4096;
/// How many of the oldest cached slots are released at once when the cache is full.
pub const CACHE_BATCH: usize = 2048;

struct Pool {
    base: usize,
    /// Slots `[0, next)` have been handed out at least once.
    next: usize,
    /// Slots whose pages were released (clean, like never-used ones).
    free: Vec<usize>,
    /// Dead goroutines' slots with their pages still committed, oldest first.
    cached: Vec<usize>,
}

static POOL: Mutex<Pool> = Mutex::new(Pool { base: 0, next: 0, free: Vec::new(), cached: Vec::new() });

fn pool() -> std::sync::MutexGuard<'static, Pool> {
    POOL.lock().unwrap_or_else(|e| e.into_inner())
}

/// The page size the top of a reused slot is zeroed by.
const TOP_PAGE: usize = 4096;

/// The reservation's first slot address (aligned to `SLOT_SIZE`; the unaligned head stays mapped
/// and unused).
fn reserve() -> Option<usize> {
    let raw = crate::mem::sys::sys_reserve(SLOT_SIZE * (SLOTS + 1), libc::PROT_READ | libc::PROT_WRITE)?;
    Some((raw + SLOT_SIZE - 1) & !(SLOT_SIZE - 1))
}

/// A stack for a new goroutine, or `None` when the reservation is exhausted or cannot be made.
pub fn alloc() -> Option<Stack> {
    let mut pool = pool();
    if pool.base == 0 {
        pool.base = reserve()?;
    }
    let (slot, warm) = if let Some(s) = pool.cached.pop() {
        (s, true)
    } else if let Some(s) = pool.free.pop() {
        (s, false)
    } else if pool.next < SLOTS {
        pool.next += 1;
        (pool.next - 1, false)
    } else {
        return None;
    };
    let lo = pool.base + slot * SLOT_SIZE;
    drop(pool);
    let st = Stack { lo, guard_hi: lo + SLOT_GUARD, hi: lo + SLOT_SIZE, slot };
    if warm {
        // SAFETY: the slot is ours (just taken off the cache, nothing runs on it) and its top
        // page is committed (every goroutine's entry frame is there), so this touches no new page.
        unsafe { std::ptr::write_bytes((st.hi - TOP_PAGE) as *mut u8, 0, TOP_PAGE) };
    }
    Some(st)
}

/// Returns a dead goroutine's stack to the cache (see the module docs); when the cache is full,
/// its oldest slots' pages go back to the kernel.
///
/// # Safety
/// No frame may live on `s` any more (the goroutine has ended and nothing runs on it).
pub unsafe fn free(s: Stack) {
    let mut pool = pool();
    pool.cached.push(s.slot);
    if pool.cached.len() > CACHE_MAX {
        let old: Vec<usize> = pool.cached.drain(..CACHE_BATCH).collect();
        drop(pool);
        // SAFETY: the slots were cached: no goroutine runs on them, and they are off every list
        // until `release` puts them on the free list.
        unsafe { release(old) };
    }
}

/// Releases every cached slot's pages to the kernel (the collector calls it at each collection).
pub fn release_cached() {
    let all = std::mem::take(&mut pool().cached);
    // SAFETY: as in `free`: cached slots are unused and now on no list.
    unsafe { release(all) };
}

/// How many dead goroutines' slots are cached with their pages (for tests and the memory report).
pub fn cached_count() -> usize {
    pool().cached.len()
}

/// Hands the pages of `slots` back to the kernel, contiguous slots in one `madvise`, then puts
/// the slots on the free list.
///
/// # Safety
/// Nothing runs on any of `slots`, and they are on none of the pool's lists.
unsafe fn release(mut slots: Vec<usize>) {
    if slots.is_empty() {
        return;
    }
    let base = pool().base;
    slots.sort_unstable();
    let mut i = 0;
    while i < slots.len() {
        let mut j = i + 1;
        while j < slots.len() && slots[j] == slots[j - 1] + 1 {
            j += 1;
        }
        let lo = base + slots[i] * SLOT_SIZE;
        // SAFETY: the caller guarantees the slots are unused; the range is inside our reservation.
        unsafe { libc::madvise(lo as *mut libc::c_void, (j - i) * SLOT_SIZE, libc::MADV_DONTNEED) };
        i = j;
    }
    pool().free.extend(slots);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The pool is process-wide: the tests of this module take turns (no other test uses it).
    static TURN: Mutex<()> = Mutex::new(());

    fn word(addr: usize) -> u64 {
        // SAFETY: the tests only read inside slots of the reservation, which is mapped read-write.
        unsafe { std::ptr::read_volatile(addr as *const u64) }
    }

    fn set_word(addr: usize, v: u64) {
        // SAFETY: as in `word`; nothing else uses the slots a test holds.
        unsafe { std::ptr::write_volatile(addr as *mut u64, v) }
    }

    #[test]
    fn a_freed_slot_is_reused_warm_with_its_top_page_zeroed_and_released_at_collection() {
        let _t = TURN.lock().unwrap_or_else(|e| e.into_inner());
        release_cached();
        let a = alloc().expect("stack");
        set_word(a.hi - 8, 0xdead);
        set_word(a.hi - 3 * TOP_PAGE, 0xbeef);
        // SAFETY: nothing runs on `a`.
        unsafe { free(a) };
        assert_eq!(cached_count(), 1);
        let b = alloc().expect("stack");
        assert_eq!(b.lo, a.lo, "the most recently freed slot is reused first");
        assert_eq!(word(b.hi - 8), 0, "a reused slot's top page is zeroed");
        assert_eq!(word(b.hi - 3 * TOP_PAGE), 0xbeef, "a cached slot keeps its pages (no madvise)");
        // SAFETY: nothing runs on `b`.
        unsafe { free(b) };
        release_cached();
        assert_eq!(cached_count(), 0);
        let c = alloc().expect("stack");
        assert_eq!(c.lo, a.lo, "a released slot goes to the free list");
        assert_eq!(word(c.hi - 3 * TOP_PAGE), 0, "a released slot's pages went back to the kernel");
        // SAFETY: nothing runs on `c`.
        unsafe { free(c) };
        release_cached();
    }

    #[test]
    fn a_full_cache_releases_its_oldest_slots_in_one_batch() {
        let _t = TURN.lock().unwrap_or_else(|e| e.into_inner());
        release_cached();
        let stacks: Vec<Stack> = (0..=CACHE_MAX).map(|_| alloc().expect("stack")).collect();
        for s in &stacks {
            set_word(s.hi - 8, 1);
        }
        for s in &stacks {
            // SAFETY: nothing runs on the test's stacks.
            unsafe { free(*s) };
        }
        assert_eq!(cached_count(), CACHE_MAX + 1 - CACHE_BATCH);
        let freed: std::collections::HashSet<usize> = pool().free.iter().copied().collect();
        assert!(stacks[..CACHE_BATCH].iter().all(|s| freed.contains(&s.slot)), "the oldest slots were released");
        assert!(stacks[CACHE_BATCH..].iter().all(|s| !freed.contains(&s.slot)), "the newest slots stay cached");
        assert!(stacks[..CACHE_BATCH].iter().all(|s| word(s.hi - 8) == 0), "released pages read as zero");
        release_cached();
        assert_eq!(cached_count(), 0);
    }
}
