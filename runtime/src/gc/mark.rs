//! Marking (gc's `mgcmark.go`): a mark stack of grey objects and the scanning of memory ranges.
//!
//! Every word of a scanned range that points into an allocated object of this thread's heap
//! (interior pointers included, found through the page map) marks that object; a newly marked
//! object that may hold pointers (not in a noscan span) is pushed and later scanned in turn.
//! Roots are scanned conservatively: a word that merely looks like a pointer keeps its object
//! alive, which costs memory, never correctness. Heap objects are scanned as their allocation
//! recorded (`mheap::Scan`): precisely from their type's `GCData` mask (heap bits, or the type
//! word of a bigger object), conservatively when their layout is unknown (closures, escaped
//! locals, runtime records).

use crate::abi::{TFLAG_GC_MASK_ON_DEMAND, Type};
use crate::mem::mheap::{Heap, Scan};

/// A grey object: marked, its words still to be scanned.
struct Grey {
    base: usize,
    size: usize,
    scan: Scan,
}

/// One marking pass over a heap.
pub(super) struct Marker<'h> {
    heap: &'h mut Heap,
    lo: usize,
    hi: usize,
    work: Vec<Grey>,
    /// Bytes of roots scanned (stacks, globals) for the trace line.
    pub stack_bytes: usize,
    pub global_bytes: usize,
    /// JIT frames scanned by their stack maps.
    pub precise_frames: usize,
    /// The address range `[lo, lo + span)` of the goroutine stacks that have stack objects
    /// (span 0: none): words pointing into it are candidate stack-object pointers.
    stack_lo: usize,
    stack_span: usize,
    stack_ptrs: Vec<usize>,
    /// Those stacks' stack objects `[lo, hi)`, sorted, and whether each has been scanned.
    stack_objects: Vec<(usize, usize, bool)>,
}

impl<'h> Marker<'h> {
    pub(super) fn new(heap: &'h mut Heap) -> Marker<'h> {
        let (lo, hi) = heap.bounds();
        Marker {
            heap,
            lo,
            hi,
            work: Vec::with_capacity(1024),
            stack_bytes: 0,
            global_bytes: 0,
            precise_frames: 0,
            stack_lo: 0,
            stack_span: 0,
            stack_ptrs: Vec::new(),
            stack_objects: Vec::new(),
        }
    }

    /// Declares the stack objects of the goroutine stacks within `[lo, hi)` (the described
    /// frames of every goroutine): from now on a scanned word (a root, a heap object's, an
    /// object's) that points into one of them makes [`Marker::drain`] scan that object
    /// (conservatively), once.
    pub(super) fn set_stack_objects(&mut self, lo: usize, hi: usize, mut objects: Vec<(usize, usize)>) {
        objects.sort_unstable();
        self.stack_objects = objects.into_iter().map(|(a, b)| (a, b, false)).collect();
        self.stack_lo = lo;
        self.stack_span = hi - lo;
    }

    /// Scans the stack objects that collected stack pointers refer to; false when none was.
    fn scan_stack_objects(&mut self) -> bool {
        let mut any = false;
        while let Some(p) = self.stack_ptrs.pop() {
            // every object containing p, or ending at it (a pointer just past an element)
            let i = self.stack_objects.partition_point(|o| o.0 <= p);
            for j in i.saturating_sub(2)..i {
                let (a, b, done) = self.stack_objects[j];
                if p >= a && p <= b && !done {
                    self.stack_objects[j].2 = true;
                    any = true;
                    // SAFETY: a stack object of a live frame of a goroutine's stack.
                    unsafe { self.range(a, b) };
                }
            }
        }
        any
    }

    #[inline]
    fn stack_word(&mut self, w: usize) {
        if w.wrapping_sub(self.stack_lo) < self.stack_span {
            self.stack_ptrs.push(w);
        }
    }

    /// Marks the object `w` points into, if any.
    #[inline]
    pub(super) fn word(&mut self, w: usize) {
        if w.wrapping_sub(self.lo) >= self.hi - self.lo {
            self.stack_word(w);
            return;
        }
        if let Some(Some((o, scan))) = self.heap.mark_word(w) {
            self.work.push(Grey { base: o.base, size: o.size, scan });
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
            } else {
                self.stack_word(w);
            }
        }
    }

    /// Scans grey objects until none is left.
    ///
    /// Objects taken from the mark stack wait in a small ring of [`PREFETCH`] entries whose
    /// memory was prefetched when they entered it, so that scanning one overlaps the cache misses
    /// of the next few (software prefetching for mark-sweep, Cher, Hosking and Vijaykumar, 2004).
    pub(super) fn drain(&mut self) {
        loop {
            self.drain_heap();
            if !self.scan_stack_objects() {
                break;
            }
        }
    }

    fn drain_heap(&mut self) {
        let mut ring = [const { Grey { base: 0, size: 0, scan: Scan::Conservative } }; PREFETCH];
        let (mut head, mut len) = (0usize, 0usize);
        loop {
            while len < PREFETCH {
                let Some(g) = self.work.pop() else { break };
                prefetch(g.base);
                ring[(head + len) % PREFETCH] = g;
                len += 1;
            }
            if len == 0 {
                break;
            }
            let g = std::mem::replace(&mut ring[head], Grey { base: 0, size: 0, scan: Scan::Conservative });
            head = (head + 1) % PREFETCH;
            len -= 1;
            // SAFETY: an allocated object of our heap: size readable bytes; a typed layout's
            // descriptor is the valid one its allocation recorded.
            let precise = unsafe { pointer_words(g.base, g.size, g.scan, |w| self.word(w)) };
            if !precise {
                // SAFETY: as above.
                unsafe { self.range(g.base, g.base + g.size) };
            }
        }
    }
}

/// Grey objects prefetched ahead of their scan (a power of two).
const PREFETCH: usize = 8;

/// Hints the CPU to bring the cache line at `p` in (no fault, whatever `p` is).
#[inline(always)]
fn prefetch(p: usize) {
    // SAFETY: a prefetch hint reads nothing architecturally and never faults.
    unsafe { std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p as *const i8) };
}

/// Calls `f` with every pointer word of the object `[base, base + size)` laid out as `scan`;
/// false (nothing called) when the layout is unknown and the object must be scanned
/// conservatively.
///
/// # Safety
/// The object must be readable; a `Scan::Typed` descriptor valid.
#[inline]
pub(super) unsafe fn pointer_words(base: usize, size: usize, scan: Scan, mut f: impl FnMut(usize)) -> bool {
    match scan {
        Scan::Bits(mut m) => {
            while m != 0 {
                let i = m.trailing_zeros() as usize;
                m &= m - 1;
                // SAFETY: word i of the object (i < size / 8).
                f(unsafe { *((base + i * 8) as *const usize) });
            }
            true
        }
        Scan::Typed(typ, array) => {
            // SAFETY: the caller's contract.
            let t: &Type = unsafe { &*typ };
            if t.tflag & TFLAG_GC_MASK_ON_DEMAND != 0 || t.gcdata.is_null() || t.size() == 0 {
                return false;
            }
            let words = t.ptr_bytes / 8;
            // SAFETY: the mask has one bit per pointer-data word.
            let mask = unsafe { std::slice::from_raw_parts(t.gcdata, words.div_ceil(8)) };
            let n = if array { size / t.size() } else { 1 };
            for k in 0..n {
                let elem = base + k * t.size();
                for (j, &byte) in mask.iter().enumerate() {
                    let mut b = byte;
                    while b != 0 {
                        let i = j * 8 + b.trailing_zeros() as usize;
                        b &= b - 1;
                        // SAFETY: word i < words of element k, inside the object.
                        f(unsafe { *((elem + i * 8) as *const usize) });
                    }
                }
            }
            true
        }
        Scan::Conservative => false,
    }
}

impl Marker<'_> {
    /// Scans the object `p` points into as grey without marking it (a finalizer's object: what
    /// it reaches stays alive, the object itself only if something else reaches it).
    pub(super) fn scan_contents(&mut self, p: usize) {
        if let Some(o) = self.heap.find(p)
            && !o.noscan
        {
            let scan = self.heap.scan_of(&o);
            self.work.push(Grey { base: o.base, size: o.size, scan });
        }
    }

    /// Whether the object `p` points into is marked (false when there is none).
    pub(super) fn is_marked(&self, p: usize) -> bool {
        self.heap.find(p).is_some_and(|o| self.heap.is_marked(&o))
    }

    /// Marks the object `p` points into (its contents are scanned by the next `drain` unless it
    /// was marked already).
    pub(super) fn resurrect(&mut self, p: usize) {
        self.word(p);
    }
}
