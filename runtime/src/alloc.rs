//! Allocation of Go values: every Go allocation of the runtime and of generated code comes here
//! and is served by this thread's span heap (`mem::mheap`, collected by `crate::gc`). All Ms of a
//! program run share the heap of the thread that started the run ([`adopt_heap`]); while there
//! are several, each allocation takes the heap's lock (a leaf lock: nothing else is locked under
//! it).
//!
//! Kinds of memory:
//! - [`alloc_zeroed`]: memory that may hold pointers, scanned conservatively by the collector
//!   (every word that points into an object keeps it alive);
//! - [`alloc_noscan`]: pointer-free data (string bytes, hash indexes), never scanned;
//! - [`alloc_typed`]: a value of a known type: pointer-free types (`PtrBytes == 0`) go to noscan
//!   spans;
//! - [`alloc_persistent`]: never freed and never scanned, for values the runtime caches in Rust
//!   statics (gc's `persistentalloc`); such values must not point into the collected heap.
//!
//! Allocation never collects: collections happen at [`crate::gc::safepoint`]s, which the runtime's
//! entry points called by generated code (`gort_new`, `gort_alloc`, `makeslice`, ...) pass through
//! before they do anything. Runtime code between two safepoints may therefore keep fresh Go
//! pointers anywhere (in Rust vectors, say) without the collector freeing them.
//!
//! Every returned block is zeroed, aligned as requested (power of two ≤ 4096) and never moves.
//! Zero-size requests return the address of one zero word ([`zero_base`], Go's `zerobase`). Sizes are checked as gc's heap checks them: a block too big for the heap ends the
//! process with gc's `runtime: out of memory: cannot allocate N-byte block (M in use)` and
//! `fatal error: out of memory`.

use std::cell::Cell;

use crate::abi::Type;
use crate::mem::mheap::{HEAP_RESERVE, Heap, Layout};
use crate::mem::sizeclasses::{CLASS_TO_SIZE, MAX_SMALL_SIZE, NUM_SIZE_CLASSES, size_to_class};
use crate::rterror;

/// Go's `maxAlloc` on 64-bit Linux: the largest allocation the heap can satisfy.
pub const MAX_ALLOC: usize = 1 << 48;

/// Go's `zerobase` when the data segment is unavailable (see [`zero_base`]).
static ZERO_BASE: u64 = 0;

thread_local! {
    /// This thread's heap (created on first use, never freed: blocks may outlive the thread's use
    /// of them, e.g. values handed to another thread).
    static HEAP: Cell<*mut Heap> = const { Cell::new(std::ptr::null_mut()) };
}

/// The address all zero-sized allocations return: the data segment's first word (as gc's
/// `zerobase` is in `.bss`), at the same address in every run, so code referring to a zero-sized
/// package variable repeats and its cached code is found again; a static when the segment is
/// unavailable.
pub fn zero_base() -> *mut u8 {
    crate::mem::data::zero_word().unwrap_or((&raw const ZERO_BASE) as *mut u8)
}

#[cold]
fn new_heap() -> *mut Heap {
    let Some(h) = Heap::new(HEAP_RESERVE) else { rterror::fatal("runtime: cannot reserve heap address space") };
    let mut h = Box::new(h);
    crate::gc::init_heap(&mut h);
    let p = Box::into_raw(h);
    HEAP.with(|c| c.set(p));
    p
}

/// This thread's heap. Callers never keep a reference derived from it across a call that may
/// allocate or collect.
///
/// Inlined (the allocation fast path) although a goroutine may resume on another thread inside
/// its caller and so read the slot of the thread it left (see `sched::proc`'s thread-local
/// slots): every M of a run adopts the run's one heap, so both slots hold the same pointer.
#[inline]
pub(crate) fn heap() -> *mut Heap {
    let p = HEAP.with(|c| c.get());
    if p.is_null() { new_heap() } else { p }
}

/// Makes `h` this thread's heap: a program run's extra M allocates from its run's heap.
///
/// # Safety
/// `h` is a live heap that outlives this thread's use of it and is marked shared while other
/// threads use it.
pub(crate) unsafe fn adopt_heap(h: *mut Heap) {
    HEAP.with(|c| c.set(h));
}

/// gc's report for a block the heap cannot place (`mheap.grow`): the request rounded up to the
/// heap's 4 MiB growth step, then `fatal error: out of memory`.
///
/// A block below `MAX_ALLOC` whose address space can be reserved but that the kernel refuses to
/// commit ends as gc's `sysMap` failure does instead: `fatal error: runtime: out of memory` (e.g. `make([]int64, 1<<40)`, 8 TB, on a
/// machine with less memory; Go 1.27.3, tests/faultsweep's make programs).
#[cold]
fn cannot_allocate(size: usize) -> ! {
    use crate::mem::sys::{sys_can_commit, sys_can_reserve};
    if size < MAX_ALLOC && sys_can_reserve(size) && !sys_can_commit(size) {
        rterror::fatal("runtime: out of memory")
    }
    const STEP: usize = 4 << 20;
    let ask = size.div_ceil(STEP).saturating_mul(STEP);
    // SAFETY: the heap pointer is valid; only a counter is read.
    let in_use = unsafe { (*heap()).stats.sys_bytes };
    crate::output::write_stderr(format!("runtime: out of memory: cannot allocate {ask}-byte block ({in_use} in use)\n").as_bytes());
    rterror::fatal("out of memory")
}

/// How many non-empty allocations this thread's heap has served so far (every M of a program run
/// on this thread included). Tests use it to prove that a code path allocates nothing, e.g.
/// open-coded defers on the normal path.
pub fn allocation_count() -> u64 {
    let h = heap();
    // SAFETY: this thread's heap; one counter is read (under the lock when shared).
    unsafe {
        let shared = (*h).shared();
        if shared {
            (*h).lock.lock();
        }
        let n = (*h).stats.mallocs;
        if shared {
            (*h).lock.unlock();
        }
        n
    }
}

/// The request size that gives a block of at least `size` bytes aligned to `align`: size
/// classes whose size is a multiple of `align` are aligned (spans start on page boundaries).
#[inline]
fn aligned_size(size: usize, align: usize) -> usize {
    if align <= 8 || size > MAX_SMALL_SIZE {
        return size;
    }
    let mut c = size_to_class(size.max(align));
    while c < NUM_SIZE_CLASSES && CLASS_TO_SIZE[c] as usize % align != 0 {
        c += 1;
    }
    if c < NUM_SIZE_CLASSES { CLASS_TO_SIZE[c] as usize } else { MAX_SMALL_SIZE + 1 }
}

#[inline]
fn alloc_kind(size: usize, align: usize, noscan: bool) -> *mut u8 {
    alloc_layout(size, align, if noscan { Layout::NoScan } else { Layout::Conservative })
}

#[inline(always)]
fn alloc_layout(size: usize, align: usize, layout: Layout) -> *mut u8 {
    if size == 0 {
        return zero_base();
    }
    debug_assert!(align.is_power_of_two() && align <= 4096);
    if size >= MAX_ALLOC {
        cannot_allocate(size);
    }
    let h = heap();
    // SAFETY: this thread's heap; no other reference to it is live during the call: a heap that
    // several Ms share is used under its lock (taken and released here, nothing in between can
    // switch goroutines or collect).
    let p = unsafe {
        let shared = (*h).shared();
        if shared {
            (*h).lock.lock();
        }
        let p = (*h).alloc_layout(aligned_size(size, align), layout);
        if shared {
            (*h).lock.unlock();
        }
        p
    };
    match p {
        Some(p) => p,
        None => cannot_allocate(size),
    }
}

/// Allocates `size` zeroed bytes aligned to `align` (a power of two, at most 4096) that may hold
/// Go pointers (scanned conservatively). Never returns null.
#[inline]
pub fn alloc_zeroed(size: usize, align: usize) -> *mut u8 {
    alloc_kind(size, align.max(1), false)
}

/// Allocates `size` zeroed bytes aligned to `align` for pointer-free data (never scanned).
#[inline]
pub fn alloc_noscan(size: usize, align: usize) -> *mut u8 {
    alloc_kind(size, align.max(1), true)
}

fn type_layout(t: &Type, array: bool) -> Layout {
    if t.ptr_bytes == 0 { Layout::NoScan } else { Layout::Typed { typ: t, array } }
}

/// A zeroed value of type `t`, scanned precisely with its `GCData` (pointer-free types in noscan
/// spans).
#[inline]
pub fn alloc_typed(t: &Type) -> *mut u8 {
    alloc_layout(t.size(), (t.align() as usize).clamp(1, 4096), type_layout(t, false))
}

/// `n` zeroed elements of type `t` (pointer-free element types in noscan spans); the caller checked
/// that `n * t.size()` does not overflow.
#[inline]
pub fn alloc_array(t: &Type, n: usize) -> *mut u8 {
    alloc_layout(t.size() * n, (t.align() as usize).clamp(1, 4096), type_layout(t, true))
}

/// Zeroed memory that is never freed nor scanned (gc's `persistentalloc`), for values cached in
/// Rust statics; it must not hold pointers into the collected heap.
pub fn alloc_persistent(size: usize) -> *mut u8 {
    let mem: &'static mut [u64] = Box::leak(vec![0u64; size.div_ceil(8).max(1)].into_boxed_slice());
    mem.as_mut_ptr().cast()
}

/// Allocates a copy of `bytes` (pointer-free, alignment 1).
pub fn alloc_bytes(bytes: &[u8]) -> *mut u8 {
    let p = alloc_noscan(bytes.len(), 1);
    if !bytes.is_empty() {
        // SAFETY: p has bytes.len() fresh writable bytes that cannot overlap `bytes`.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len()) };
    }
    p
}

/// Allocates `size` zeroed bytes with alignment `align` (0 is treated as 1, values above 4096 as
/// 4096), scanned conservatively. Zero-size requests return Go's `zerobase` address. A safepoint.
///
/// # Safety
/// Always safe to call; the result is valid while reachable. Absurd sizes end the process with
/// `fatal error: out of memory`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_alloc(size: usize, align: usize) -> *mut u8 {
    crate::gc::safepoint();
    let align = if align == 0 { 1 } else { align.next_power_of_two().min(4096) };
    alloc_zeroed(size, align)
}

/// `new(T)`: a zeroed block of `typ.size()` bytes aligned to `typ.align()`. A safepoint.
///
/// # Safety
/// `typ` must point to a valid [`Type`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_new(typ: *const Type) -> *mut u8 {
    crate::gc::safepoint();
    // SAFETY: the caller guarantees typ is valid.
    alloc_typed(unsafe { &*typ })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zeroed_aligned_distinct() {
        let a = alloc_zeroed(3, 1);
        let b = alloc_zeroed(16, 16);
        assert_eq!(b as usize % 16, 0);
        assert_ne!(a, b);
        // SAFETY: b has 16 bytes.
        unsafe { assert!(std::slice::from_raw_parts(b, 16).iter().all(|&x| x == 0)) };
        let big = alloc_zeroed(3 << 20, 8);
        // SAFETY: big has 3 MiB.
        unsafe { *big.add((3 << 20) - 1) = 7 };
        assert_eq!(alloc_zeroed(0, 8), zero_base());
        for align in [16, 32, 64, 128, 256, 512, 1024, 2048, 4096] {
            for size in [1, 24, 48, 100, 1000, 5000] {
                assert_eq!(alloc_zeroed(size, align) as usize % align, 0, "size {size} align {align}");
            }
        }
        for _ in 0..100_000 {
            let p = alloc_zeroed(200, 8);
            // SAFETY: p has 200 bytes.
            unsafe { assert_eq!(*p.add(199), 0) };
        }
    }
}
