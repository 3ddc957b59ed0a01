//! The data segment: storage for package variables, placed low in the address space the way gc's
//! (non-PIE, linux/amd64) executable places its `.data`/`.bss` just above the text at 0x400000.
//!
//! Why low: Go programs may rely on package variables living in the first 256 MB (Go's own
//! `test/nilptr.go` checks `uintptr(unsafe.Pointer(&dummy)) <= 256<<20` for a 256 MB `dummy` before
//! testing that nil dereferences at big offsets are caught by explicit checks, not by the
//! hardware). The compiler (`lower::prog::global`) asks for each package variable's zeroed block
//! here; blocks are never freed (package variables live as long as the program).
//!
//! One `MAP_NORESERVE` reservation of [`DATA_RESERVE`] bytes at [`DATA_BASE`]
//! (`MAP_FIXED_NOREPLACE`: never over an existing mapping), in two areas bumped with atomic
//! cursors: blocks under [`SMALL_LIMIT`] fill the first [`SMALL_AREA`] bytes, bigger ones the
//! rest. gc's linker sorts `.bss` symbols by size, so a program's small variables sit below its
//! huge arrays; the two areas keep that property whatever order variables are first used in. If
//! the kernel refuses the address, or a block does not fit, the caller falls back to ordinary
//! memory (`None`): only the placement is lost, never correctness.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Where the data segment starts: 16 MiB (above gc's text at 4 MiB and `vm.mmap_min_addr`).
pub const DATA_BASE: usize = 16 << 20;
/// Its reserved size: 64 GiB of address space (backed only where touched).
pub const DATA_RESERVE: usize = 64 << 30;

/// Blocks smaller than this go to the small area.
pub const SMALL_LIMIT: usize = 1 << 20;
/// The small area's size (the first bytes of the reservation).
pub const SMALL_AREA: usize = 64 << 20;

/// The reservation's base, or 0 when the kernel refused it.
static BASE: OnceLock<usize> = OnceLock::new();
/// Reservation offsets of the next free byte of the small and the large area (the small
/// area's first word is [`zero_word`]).
static SMALL_NEXT: AtomicUsize = AtomicUsize::new(8);
static LARGE_NEXT: AtomicUsize = AtomicUsize::new(SMALL_AREA);

fn base() -> usize {
    *BASE.get_or_init(|| {
        // SAFETY: MAP_FIXED_NOREPLACE never replaces an existing mapping (the call fails with
        // EEXIST instead), so no memory in use is affected; the result is checked.
        let p = unsafe {
            libc::mmap(
                DATA_BASE as *mut libc::c_void,
                DATA_RESERVE,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE | libc::MAP_FIXED_NOREPLACE,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            return 0;
        }
        if p as usize != DATA_BASE {
            // A kernel without MAP_FIXED_NOREPLACE treats the address as a hint: give it back.
            // SAFETY: `p` is the mapping just made, of this size, not yet handed out.
            unsafe { libc::munmap(p, DATA_RESERVE) };
            return 0;
        }
        DATA_BASE
    })
}

/// The segment's first word, never written: Go's `zerobase` (`alloc::zero_base`), at a fixed
/// address. `None` when the segment is unavailable.
pub fn zero_word() -> Option<*mut u8> {
    let base = base();
    (base != 0).then_some(base as *mut u8)
}

/// A zeroed block of `size` bytes aligned to `align` (a power of two, at most 4096) in the data
/// segment, never freed; `None` when the segment is unavailable or full.
pub fn alloc_data(size: usize, align: usize) -> Option<*mut u8> {
    let base = base();
    if base == 0 || !align.is_power_of_two() || align > 4096 {
        return None;
    }
    let size = size.max(1);
    if size < SMALL_LIMIT
        && let Some(off) = bump(&SMALL_NEXT, size, align, SMALL_AREA)
    {
        return Some((base + off) as *mut u8);
    }
    bump(&LARGE_NEXT, size, align, DATA_RESERVE).map(|off| (base + off) as *mut u8)
}

/// The parts of the segment handed out so far, `[lo, hi)` each (small area, large area): the
/// collector scans them as roots (package variables). Empty when the segment is unavailable.
pub fn used_ranges() -> [(usize, usize); 2] {
    let base = *BASE.get().unwrap_or(&0);
    if base == 0 {
        return [(0, 0), (0, 0)];
    }
    let small = SMALL_NEXT.load(Ordering::Acquire);
    let large = LARGE_NEXT.load(Ordering::Acquire);
    [(base, base + small), (base + SMALL_AREA, base + large)]
}

/// The segment's contents for a program image (`src/image.rs`): both cursors and the non-zero
/// pages handed out so far (package variables initialised at compile time, `lower/staticinit.rs`),
/// each as its reservation offset and bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub small_next: usize,
    pub large_next: usize,
    pub pages: Vec<(usize, Vec<u8>)>,
}

/// Granularity of [`Snapshot::pages`].
const SNAPSHOT_PAGE: usize = 4096;

/// The segment as it is now; `None` when it is unavailable or its large area holds more than
/// `max_large` bytes (scanning a huge zero array is not worth an image).
pub fn snapshot(max_large: usize) -> Option<Snapshot> {
    let base = base();
    if base == 0 {
        return None;
    }
    let small_next = SMALL_NEXT.load(Ordering::Acquire);
    let large_next = LARGE_NEXT.load(Ordering::Acquire);
    if large_next - SMALL_AREA > max_large {
        return None;
    }
    let mut pages = vec![];
    for (lo, hi) in [(0, small_next), (SMALL_AREA, large_next)] {
        let mut off = lo;
        while off < hi {
            let end = ((off / SNAPSHOT_PAGE + 1) * SNAPSHOT_PAGE).min(hi);
            // SAFETY: `[off, end)` lies in a handed-out part of the mapped reservation.
            let bytes = unsafe { std::slice::from_raw_parts((base + off) as *const u8, end - off) };
            if bytes.iter().any(|&b| b != 0) {
                pages.push((off, bytes.to_vec()));
            }
            off = end;
        }
    }
    Some(Snapshot { small_next, large_next, pages })
}

/// Makes the segment hold a [`Snapshot`]'s parts (from [`snapshot`] in another run of the same
/// program; passed apart so the pages can be borrowed from a mapped image). Refused (false,
/// nothing written) unless the segment is at [`DATA_BASE`] and nothing was handed out yet.
pub fn restore(small_next: usize, large_next: usize, pages: &[(usize, &[u8])]) -> bool {
    let base = base();
    let fits = |off: usize, len: usize, lo: usize, hi: usize| off >= lo && off.checked_add(len).is_some_and(|e| e <= hi);
    let valid = small_next >= 8
        && small_next <= SMALL_AREA
        && large_next >= SMALL_AREA
        && large_next <= DATA_RESERVE
        && pages.iter().all(|(o, b)| fits(*o, b.len(), 0, small_next) || fits(*o, b.len(), SMALL_AREA, large_next));
    if base != DATA_BASE || !valid {
        return false;
    }
    if SMALL_NEXT.compare_exchange(8, small_next, Ordering::AcqRel, Ordering::Relaxed).is_err() {
        return false;
    }
    if LARGE_NEXT.compare_exchange(SMALL_AREA, large_next, Ordering::AcqRel, Ordering::Relaxed).is_err() {
        SMALL_NEXT.store(8, Ordering::Release);
        return false;
    }
    for &(off, bytes) in pages {
        // SAFETY: checked above to lie in the now handed-out, mapped part of the reservation,
        // which nothing else refers to yet (the cursors were at their initial values).
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), (base + off) as *mut u8, bytes.len()) };
    }
    true
}

/// Takes `size` bytes aligned to `align` from the area whose cursor is `next` and which ends at
/// reservation offset `limit`; the block's offset.
fn bump(next: &AtomicUsize, size: usize, align: usize, limit: usize) -> Option<usize> {
    let mut cur = next.load(Ordering::Relaxed);
    loop {
        let start = cur.checked_add(align - 1)? & !(align - 1);
        let end = start.checked_add(size)?;
        if end > limit {
            return None;
        }
        match next.compare_exchange_weak(cur, end, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return Some(start),
            Err(now) => cur = now,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_low_aligned_zeroed_and_disjoint() {
        let b = alloc_data(1 << 20, 64).expect("data segment");
        let a = alloc_data(24, 8).expect("data segment");
        assert!((a as usize) < 256 << 20 && (b as usize) < 256 << 20);
        assert_eq!(b as usize % 64, 0);
        // the small block sits below the big one although it was asked for later
        assert!(a as usize + 24 <= b as usize);
        // SAFETY: both blocks were just handed out, of these sizes, to this test only.
        unsafe {
            assert!(std::slice::from_raw_parts(b, 1 << 20).iter().all(|&x| x == 0));
            *a = 1;
        }
        assert!(alloc_data(DATA_RESERVE, 8).is_none());
    }
}
