//! Marking (gc's `mgcmark.go`): a mark stack of grey objects and the scanning of memory ranges.
//!
//! Every word of a scanned range that points into an allocated object of this thread's heap
//! (interior pointers included, found through the page map) marks that object; a newly marked
//! object that may hold pointers (not in a noscan span) is pushed and later scanned in turn.
//! Roots and heap objects are both scanned conservatively here: a word that merely looks like a
//! pointer keeps its object alive, which costs memory, never correctness.

use crate::mem::mheap::Heap;

/// One marking pass over a heap.
pub(super) struct Marker<'h> {
    heap: &'h mut Heap,
    lo: usize,
    hi: usize,
    work: Vec<(usize, usize)>,
    /// Bytes of roots scanned (stacks, globals) for the trace line.
    pub stack_bytes: usize,
    pub global_bytes: usize,
}

impl<'h> Marker<'h> {
    pub(super) fn new(heap: &'h mut Heap) -> Marker<'h> {
        let (lo, hi) = heap.bounds();
        Marker { heap, lo, hi, work: Vec::with_capacity(1024), stack_bytes: 0, global_bytes: 0 }
    }

    /// Marks the object `w` points into, if any.
    #[inline]
    pub(super) fn word(&mut self, w: usize) {
        if w.wrapping_sub(self.lo) >= self.hi - self.lo {
            return;
        }
        if let Some(o) = self.heap.find(w)
            && self.heap.mark(&o)
            && !o.noscan
        {
            self.work.push((o.base, o.size));
        }
    }

    /// Scans the 8-byte aligned words of `[lo, hi)`.
    ///
    /// # Safety
    /// The range must be readable memory for the whole scan.
    pub(super) unsafe fn range(&mut self, lo: usize, hi: usize) {
        let p = (lo + 7) & !7;
        if hi < p + 8 {
            return;
        }
        // SAFETY: the aligned words of the range are readable (caller's contract); the memory
        // may change only through this thread, which is here.
        let words = unsafe { std::slice::from_raw_parts(p as *const usize, (hi - p) / 8) };
        let (lo, span) = (self.lo, self.hi - self.lo);
        for &w in words {
            if w.wrapping_sub(lo) < span {
                self.word(w);
            }
        }
    }

    /// Scans grey objects until none is left.
    pub(super) fn drain(&mut self) {
        while let Some((base, size)) = self.work.pop() {
            // SAFETY: an allocated object of our heap: size readable bytes.
            unsafe { self.range(base, base + size) };
        }
    }
}
