//! The heap: a bump ("arena") allocator for every Go allocation, with no collector (DESIGN §4.9).
//!
//! Memory comes from anonymous `mmap` in [`CHUNK_SIZE`] chunks (pages are zero-filled by the kernel
//! and only committed when touched); allocations bump a pointer inside the current chunk. Requests
//! larger than [`LARGE_ALLOC`] get their own mapping. Nothing is ever freed: memory is released at
//! process exit. Every returned block is zeroed, aligned as requested (power of two ≤ 4096), and never
//! moves.
//!
//! Safety argument for concurrency: the bump state is thread-local (`thread_local!` cells), so two
//! threads never share a chunk; blocks themselves may be passed between threads freely because they
//! are never reused. Zero-size requests return the address of a static zero-size base ([`ZERO_BASE`]
//! equivalent to Go's `zerobase`).
//!
//! Sizes are checked as gc's heap checks them: a block too big for the address space ends the
//! process with gc's `runtime: out of memory: cannot allocate N-byte block (M in use)` and
//! `fatal error: out of memory`; a large block the kernel will not commit (its overcommit limit
//! applies to dedicated mappings, as to gc's) with `fatal error: runtime: out of memory`.

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::abi::Type;
use crate::rterror;

/// Go's `maxAlloc` on 64-bit Linux: the largest allocation the heap can satisfy.
pub const MAX_ALLOC: usize = 1 << 48;
/// Size of a bump chunk.
pub const CHUNK_SIZE: usize = 16 << 20;
/// Requests at least this big get a dedicated mapping.
pub const LARGE_ALLOC: usize = 1 << 20;

/// Go's `zerobase`: the address of every zero-sized allocation.
static ZERO_BASE: u64 = 0;

thread_local! {
    /// Number of non-empty allocations made by this thread (tests use it to prove that a code path
    /// allocates nothing, e.g. open-coded defers on the normal path).
    static COUNT: Cell<u64> = const { Cell::new(0) };
    static CUR: Cell<usize> = const { Cell::new(0) };
    static END: Cell<usize> = const { Cell::new(0) };
}

/// The address all zero-sized allocations return.
pub fn zero_base() -> *mut u8 {
    (&raw const ZERO_BASE) as *mut u8
}

/// Bytes of address space the heap has mapped so far (gc's "in use" in its out-of-memory line).
static MAPPED: AtomicUsize = AtomicUsize::new(0);

/// User address space on linux/amd64 (47 bits): a block this big can never be placed, and gc
/// reports it as `cannot allocate` instead of asking the kernel.
const ADDRESS_SPACE: usize = 1 << 47;

/// Maps `size` fresh zeroed bytes. `reserve`: account them against the kernel's overcommit limit
/// as gc's heap does when it commits memory (a single block the kernel will not back fails here,
/// as under gc); bump chunks skip that, they are small.
fn map_pages(size: usize, reserve: bool) -> *mut u8 {
    let noreserve = if reserve { 0 } else { libc::MAP_NORESERVE };
    // SAFETY: anonymous private mapping; arguments are valid; result checked below.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            size,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | noreserve,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        rterror::fatal("runtime: out of memory");
    }
    MAPPED.fetch_add(size, Ordering::Relaxed);
    p.cast()
}

/// gc's report for a block the heap cannot place (`mheap.grow`): the request rounded up to the
/// heap's 4 MiB growth step, then `fatal error: out of memory`.
#[cold]
fn cannot_allocate(size: usize) -> ! {
    const STEP: usize = 4 << 20;
    let ask = size.div_ceil(STEP).saturating_mul(STEP);
    let in_use = MAPPED.load(Ordering::Relaxed);
    crate::output::write_stderr(format!("runtime: out of memory: cannot allocate {ask}-byte block ({in_use} in use)\n").as_bytes());
    rterror::fatal("out of memory")
}

#[cold]
fn alloc_slow(size: usize, align: usize) -> *mut u8 {
    if size >= ADDRESS_SPACE {
        cannot_allocate(size);
    }
    if size >= LARGE_ALLOC {
        let rounded = (size + 4095) & !4095;
        return map_pages(rounded, true);
    }
    let chunk = map_pages(CHUNK_SIZE, false) as usize;
    let start = (chunk + align - 1) & !(align - 1);
    CUR.with(|c| c.set(start + size));
    END.with(|e| e.set(chunk + CHUNK_SIZE));
    start as *mut u8
}

/// How many non-empty allocations this thread has made so far.
pub fn allocation_count() -> u64 {
    COUNT.with(|c| c.get())
}

/// Allocates `size` zeroed bytes aligned to `align` (a power of two, at most 4096). Never returns null.
#[inline]
pub fn alloc_zeroed(size: usize, align: usize) -> *mut u8 {
    if size == 0 {
        return zero_base();
    }
    let align = align.max(1);
    debug_assert!(align.is_power_of_two() && align <= 4096);
    COUNT.with(|c| c.set(c.get() + 1));
    let cur = CUR.with(|c| c.get());
    let end = END.with(|e| e.get());
    let start = (cur + align - 1) & !(align - 1);
    if cur != 0 && size <= end.wrapping_sub(start) && start <= end {
        CUR.with(|c| c.set(start + size));
        return start as *mut u8;
    }
    alloc_slow(size, align)
}

/// Allocates a copy of `bytes` (8-aligned... any alignment 1 suffices for byte data).
pub fn alloc_bytes(bytes: &[u8]) -> *mut u8 {
    let p = alloc_zeroed(bytes.len(), 1);
    if !bytes.is_empty() {
        // SAFETY: p has bytes.len() fresh writable bytes that cannot overlap `bytes`.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len()) };
    }
    p
}

/// Allocates `size` zeroed bytes with alignment `align` (0 is treated as 1, values above 4096 as
/// 4096). Zero-size requests return Go's `zerobase` address.
///
/// # Safety
/// Always safe to call; the result is valid forever. Absurd sizes end the process with
/// `fatal error: runtime: out of memory`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_alloc(size: usize, align: usize) -> *mut u8 {
    let align = if align == 0 { 1 } else { align.next_power_of_two().min(4096) };
    alloc_zeroed(size, align)
}

/// `new(T)`: a zeroed block of `typ.size()` bytes aligned to `typ.align()`.
///
/// # Safety
/// `typ` must point to a valid [`Type`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_new(typ: *const Type) -> *mut u8 {
    // SAFETY: the caller guarantees typ is valid.
    let t = unsafe { &*typ };
    alloc_zeroed(t.size(), (t.align() as usize).clamp(1, 4096))
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
        // Many small allocations cross chunk boundaries.
        for _ in 0..100_000 {
            let p = alloc_zeroed(200, 8);
            // SAFETY: p has 200 bytes.
            unsafe { assert_eq!(*p.add(199), 0) };
        }
    }
}
