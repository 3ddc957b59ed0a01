//! The span heap, after gc's `runtime/mheap.go`, `mcentral.go` and `mgcsweep.go`: 8 KiB pages from
//! one big `MAP_NORESERVE` reservation, grouped into *spans* that each hold objects of one of gc's
//! size classes (`mem::sizeclasses`) or one large object; a page → span map so that any address
//! inside an object (an interior pointer) finds the object's span, index and base; per-span
//! allocation and mark bits; sweeping (unmarked objects freed, fully free spans returned to the
//! page heap) and scavenging (free page runs handed back to the OS with `MADV_DONTNEED`).
//!
//! # Ownership
//! A [`Heap`] belongs to one thread (one M: every goroutine of a program run allocates on the
//! thread that schedules it; see `sched::proc`). The collector (`crate::gc`) marks and sweeps the
//! heap of its own thread only; an address inside another thread's heap is not found by
//! [`Heap::find`] and so is never freed by this one. Objects never move.
//!
//! # Invariants
//! - `pagemap[p]` is `span id + 1` for every page `p` of an in-use span, 0 for free or unused pages.
//! - A span's `alloc` bit `i` is set iff object `i` is allocated; `mark` bits are all clear outside
//!   a collection. Sweeping makes the marked set the new allocated set (gc's `allocBits =
//!   gcmarkBits`), then clears the marks.
//! - Objects handed out are zeroed: fresh pages are zero (the kernel's, or `MADV_DONTNEED`ed), a
//!   span that ever freed an object has `needzero` and zeroes each object at allocation.
//! - Free page runs are coalesced with their neighbours; `zeroed` runs are known to be zero.
//! - Pointer-free (`noscan`) objects live in their own spans: the collector never scans them.
//! - Every object of a scan span records how to scan it ([`Layout`], read back by
//!   [`Heap::scan_of`]): in a span of objects up to [`MAX_BITS_OBJECT`] bytes, one *heap bit* per
//!   word (gc's heap bitmap: the type's `GCData` mask, repeated for arrays; all ones for memory of
//!   unknown layout); in bigger objects' spans, a type word per object (gc's malloc header and
//!   large-span type), 0 for unknown layout.
//! - In stress mode ([`Heap::set_poison`]) freed objects are filled with `0xdb` so a use of a
//!   wrongly freed object shows.

use crate::abi::{TFLAG_GC_MASK_ON_DEMAND, Type};
use super::sizeclasses::{CLASS_TO_NPAGES, CLASS_TO_SIZE, MAX_SMALL_SIZE, NUM_SIZE_CLASSES, PAGE_SHIFT, PAGE_SIZE, size_to_class};
use std::collections::{BTreeMap, BTreeSet};

/// Address space reserved for one heap (pages are backed only when touched).
pub const HEAP_RESERVE: usize = 64 << 30;
/// The byte freed objects are filled with in stress mode (gc's `debug.clobberfree` uses 0xdeadbeef;
/// 0xdb repeated is the same idea and reads as an implausible pointer 0xdbdbdbdbdbdbdbdb).
pub const POISON: u8 = 0xdb;

/// In stress mode ([`Heap::set_poison`]), freed spans of this many pages (512 KiB) or more are
/// returned to the OS when freed instead of being poisoned (poisoning would commit every page).
/// Otherwise they stay committed like any free run, as in gc: the next big allocation of that size
/// reuses them (zeroing them in place costs far less than faulting fresh pages in again: sieve's
/// 5 MB slice per round took 12,600 page faults against gc's 2,900), and the scavenger after each
/// collection returns what exceeds the heap goal to the OS.
pub const RELEASE_AT_FREE: usize = 64;

/// Objects up to this size keep their pointer layout in heap bits (gc's `minSizeForMallocHeader`).
pub const MAX_BITS_OBJECT: usize = 512;

/// How an object's words are to be scanned, given at allocation.
#[derive(Clone, Copy, Debug)]
pub enum Layout {
    /// No pointers: the object goes to a noscan span.
    NoScan,
    /// Unknown: every word may be a pointer.
    Conservative,
    /// A value of `typ` (`array`: as many `typ` elements as fit), scanned with its `GCData`.
    Typed { typ: *const Type, array: bool },
}

/// How the collector scans one object (see [`Heap::scan_of`]).
#[derive(Clone, Copy, Debug)]
pub enum Scan {
    /// Word `i` of the object may hold a pointer iff bit `i` is set (objects of ≤ 64 words).
    Bits(u64),
    /// Elements of `typ` from the object's start (`array`: repeated while they fit).
    Typed(*const Type, bool),
    Conservative,
}

/// `words` low bits set.
#[inline]
fn ones(words: usize) -> u64 {
    if words >= 64 { !0 } else { (1u64 << words) - 1 }
}

/// The heap bits of an object of `words` words (≤ 64) laid out as `layout`.
#[inline]
fn layout_bits(layout: Layout, words: usize) -> u64 {
    let (typ, array) = match layout {
        Layout::NoScan => return 0,
        Layout::Conservative => return ones(words),
        Layout::Typed { typ, array } => (typ, array),
    };
    // SAFETY: the allocator's callers pass valid descriptors.
    let t = unsafe { &*typ };
    let pw = t.ptr_bytes / 8;
    let tw = t.size() / 8;
    if t.tflag & TFLAG_GC_MASK_ON_DEMAND != 0 || pw > 64 || t.gcdata.is_null() {
        return ones(words);
    }
    // SAFETY: a mask of pw ≤ 64 bits is padded to a multiple of 8 bytes: 8 bytes are readable.
    let m0 = unsafe { std::ptr::read_unaligned(t.gcdata as *const u64) } & ones(pw);
    if !array || tw == 0 {
        return m0 & ones(words);
    }
    let mut m = 0;
    let mut off = 0;
    while off < words.min(64) {
        m |= m0 << off;
        off += tw;
    }
    m & ones(words)
}

/// Zeroes the object `[p, p + n)` (`n` a multiple of 8): small objects with plain word stores
/// (a `memset` call costs more than the stores of a 16-byte object), bigger ones with `memset`.
///
/// # Safety
/// The bytes must be writable and unused by anyone else.
#[inline(always)]
unsafe fn zero(p: usize, n: usize) {
    if n <= 64 {
        let q = p as *mut u64;
        for k in 0..n / 8 {
            // SAFETY: word k of the object (caller's contract). Volatile keeps the loop from being
            // turned back into a memset call.
            unsafe { q.add(k).write_volatile(0) };
        }
    } else {
        // SAFETY: the caller's contract.
        unsafe { std::ptr::write_bytes(p as *mut u8, 0, n) };
    }
}

/// Number of span kinds: each size class twice (scan, noscan).
const KINDS: usize = NUM_SIZE_CLASSES * 2;

/// One span: `npages` pages starting at `start`, holding `nelems` objects of `elemsize` bytes
/// (class 0: one large object).
#[derive(Debug)]
pub struct Span {
    pub start: usize,
    /// gc's `divMul`: object index of an offset `o` into the span is `(o * div_mul) >> 32`
    /// (exact for every offset inside a span of gc's size classes); 0 for a large span.
    div_mul: u32,
    pub class: u8,
    pub noscan: bool,
    in_use: bool,
    /// Some slot may hold old data: zero objects when handing them out.
    needzero: bool,
    /// On its kind's partial list (or the kind's current span).
    listed: bool,
    pub npages: usize,
    pub elemsize: usize,
    pub nelems: usize,
    /// Words of each of the alloc and mark bitmaps (`nelems.div_ceil(64)`).
    nw: usize,
    /// Allocation searches for a free slot from here (gc's `freeindex`).
    freeindex: usize,
    /// Objects allocated.
    pub nalloc: usize,
    /// The span's bitmaps in one block (one cache-friendly allocation for the collector's hot
    /// path): `nw` words of alloc bits, `nw` words of mark bits, then, in scan spans of objects
    /// up to [`MAX_BITS_OBJECT`] bytes, the heap bits (one per word of the span).
    meta: Box<[u64]>,
    /// Per object: its type descriptor, `| 1` for an array of them, 0 if unknown (scan spans of
    /// bigger objects).
    types: Vec<usize>,
    /// The layout every object of the span has had so far ([`layout_key`]; [`UNSET`] before
    /// the first, [`MIXED`] once two differ) and its heap bits: while one layout is all a span
    /// ever held (the common case), allocation writes no heap bits and `scan_of` answers from
    /// here. The first different layout writes these bits for every slot, and from then on each
    /// allocation records its own.
    uniform: usize,
    uniform_bits: u64,
}

/// [`Span::uniform`] before the span's first object.
const UNSET: usize = 0;
/// [`Span::uniform`] once objects of two layouts were allocated in the span.
const MIXED: usize = usize::MAX;

/// A word naming a scan layout: the descriptor address (`| 1` for an array), 2 for unknown.
#[inline(always)]
fn layout_key(layout: Layout) -> usize {
    match layout {
        Layout::Typed { typ, array } => typ as usize | array as usize,
        _ => 2,
    }
}

impl Span {
    #[inline(always)]
    fn has_bits(&self) -> bool {
        self.meta.len() > 2 * self.nw
    }

    #[inline]
    fn alloc_word(&self, w: usize) -> u64 {
        self.meta[w]
    }

    #[inline]
    fn mark_word(&self, w: usize) -> u64 {
        self.meta[self.nw + w]
    }

    /// The index of the object at byte offset `off` of the span.
    #[inline(always)]
    fn index_of(&self, off: usize) -> usize {
        ((off as u64 * self.div_mul as u64) >> 32) as usize
    }

    /// Records the layout of object `i`.
    #[inline(always)]
    fn set_layout(&mut self, i: usize, layout: Layout) {
        if self.has_bits() {
            let key = layout_key(layout);
            if key == self.uniform {
                return;
            }
            let words = self.elemsize / 8;
            if self.uniform == UNSET {
                self.uniform = key;
                self.uniform_bits = layout_bits(layout, words);
                return;
            }
            if self.uniform != MIXED {
                let m = self.uniform_bits;
                for j in 0..self.nelems {
                    self.write_bits(j, m);
                }
                self.uniform = MIXED;
            }
            self.write_bits(i, layout_bits(layout, words));
        } else if !self.types.is_empty() {
            self.types[i] = match layout {
                Layout::Typed { typ, array } => typ as usize | array as usize,
                _ => 0,
            };
        }
    }

    /// Writes the heap bits `m` of object `i`.
    #[inline]
    fn write_bits(&mut self, i: usize, m: u64) {
        let words = self.elemsize / 8;
        let b = i * words;
        let (w, sh) = (2 * self.nw + (b >> 6), b & 63);
        let bits = &mut self.meta;
        bits[w] = (bits[w] & !(ones(words) << sh)) | (m << sh);
        if sh + words > 64 {
            let rem = sh + words - 64;
            bits[w + 1] = (bits[w + 1] & !ones(rem)) | (m >> (64 - sh));
        }
    }

    /// The scan recipe of object `i` (a scan span's allocated object).
    #[inline(always)]
    fn scan_of(&self, i: usize) -> Scan {
        if self.has_bits() {
            if self.uniform != MIXED {
                return Scan::Bits(self.uniform_bits);
            }
            let words = self.elemsize / 8;
            let b = i * words;
            let (w, sh) = (2 * self.nw + (b >> 6), b & 63);
            let mut m = self.meta[w] >> sh;
            if sh + words > 64 {
                m |= self.meta[w + 1] << (64 - sh);
            }
            return Scan::Bits(m & ones(words));
        }
        match self.types.get(i) {
            Some(&t) if t != 0 => Scan::Typed((t & !1) as *const Type, t & 1 != 0),
            _ => Scan::Conservative,
        }
    }

    #[inline]
    fn is_alloc(&self, i: usize) -> bool {
        self.alloc_word(i >> 6) & (1 << (i & 63)) != 0
    }

    #[inline]
    fn is_marked(&self, i: usize) -> bool {
        self.mark_word(i >> 6) & (1 << (i & 63)) != 0
    }

    /// The index of the next free slot (marking it allocated), or `None` when the span is full.
    #[inline(always)]
    fn next_free(&mut self) -> Option<usize> {
        while self.freeindex < self.nelems {
            let w = self.freeindex >> 6;
            let bits = !self.meta[w] & (!0u64 << (self.freeindex & 63));
            if bits != 0 {
                let i = (w << 6) + bits.trailing_zeros() as usize;
                if i >= self.nelems {
                    break;
                }
                self.meta[w] |= 1 << (i & 63);
                self.freeindex = i + 1;
                self.nalloc += 1;
                return Some(i);
            }
            self.freeindex = (w + 1) << 6;
        }
        self.freeindex = self.nelems;
        None
    }
}

/// A free page run.
#[derive(Clone, Copy, Debug)]
struct Run {
    npages: usize,
    /// Known to be zero (never used, or returned to the OS).
    zeroed: bool,
}

/// An object found from an address inside it.
#[derive(Clone, Copy, Debug)]
pub struct Obj {
    pub span: u32,
    pub index: usize,
    pub base: usize,
    pub size: usize,
    pub noscan: bool,
}

/// Counters of one heap (bytes unless said otherwise).
#[derive(Clone, Copy, Debug, Default)]
pub struct Stats {
    /// Bytes of allocated objects (their size classes' sizes).
    pub alloc_bytes: usize,
    /// Bytes of pages in in-use spans.
    pub inuse_bytes: usize,
    /// Bytes of pages ever taken from the reservation.
    pub sys_bytes: usize,
    /// Bytes of free pages returned to the OS.
    pub released_bytes: usize,
    /// Objects allocated / freed so far.
    pub mallocs: u64,
    pub frees: u64,
    /// Cumulative bytes allocated.
    pub total_alloc: u64,
}

/// One thread's heap.
pub struct Heap {
    base: usize,
    limit: usize,
    /// Offset of the first never-used byte of the reservation.
    top: usize,
    /// `span id + 1` per page of the reservation (lazily backed).
    pagemap: *mut u32,
    spans: Vec<Span>,
    free_ids: Vec<u32>,
    /// Per kind: the span objects come from (`u32::MAX`: none) and spans with free slots.
    cur: [u32; KINDS],
    partial: Vec<Vec<u32>>,
    /// Free runs by first page, and the same runs by (size, first page) for best fit.
    runs: BTreeMap<usize, Run>,
    by_size: BTreeSet<(usize, usize)>,
    /// Free pages not known to be zero (candidates for scavenging).
    dirty_free_pages: usize,
    poison: bool,
    pub stats: Stats,
    /// The collector's trigger: a safepoint collects once `stats.alloc_bytes` reaches it.
    pub trigger: usize,
    /// Several threads (a multi-P program's Ms) allocate from this heap: `alloc` takes `lock`
    /// around each allocation. Changed only while no other thread uses the heap (before a run's
    /// extra Ms start, after they end).
    shared: bool,
    pub lock: crate::sched::lock::Lock,
}

const NONE: u32 = u32::MAX;

impl Heap {
    /// A heap over a fresh reservation of `reserve` bytes, or `None` when the OS refuses.
    pub fn new(reserve: usize) -> Option<Heap> {
        let reserve = reserve & !(PAGE_SIZE - 1);
        let pages = reserve >> PAGE_SHIFT;
        // One extra page so that the reservation can be aligned to the heap page size.
        let raw = super::sys::sys_reserve(reserve + PAGE_SIZE, libc::PROT_READ | libc::PROT_WRITE)?;
        let base = (raw + PAGE_SIZE - 1) & !(PAGE_SIZE - 1);
        let pagemap = super::sys::sys_reserve(pages * 4, libc::PROT_READ | libc::PROT_WRITE)? as *mut u32;
        Some(Heap {
            base,
            limit: reserve,
            top: 0,
            pagemap,
            spans: Vec::new(),
            free_ids: Vec::new(),
            cur: [NONE; KINDS],
            partial: (0..KINDS).map(|_| Vec::new()).collect(),
            runs: BTreeMap::new(),
            by_size: BTreeSet::new(),
            dirty_free_pages: 0,
            poison: false,
            stats: Stats::default(),
            trigger: usize::MAX,
            shared: false,
            lock: crate::sched::lock::Lock::new(),
        })
    }

    /// Whether several threads allocate from this heap (see `shared`).
    #[inline]
    pub fn shared(&self) -> bool {
        self.shared
    }

    /// Marks the heap as used by several threads (or by one again). Only while no other thread
    /// uses it.
    pub fn set_shared(&mut self, on: bool) {
        self.shared = on;
    }

    /// Freed objects are filled with [`POISON`] from now on (stress mode).
    pub fn set_poison(&mut self, on: bool) {
        self.poison = on;
    }

    /// The reservation `[lo, hi)` of this heap (every object lies in it).
    pub fn bounds(&self) -> (usize, usize) {
        (self.base, self.base + self.top)
    }

    /// Allocates a zeroed object of `size` bytes (`size > 0`); `noscan`: it holds no pointers.
    /// `None` when the reservation is exhausted.
    #[inline]
    pub fn alloc(&mut self, size: usize, noscan: bool) -> Option<*mut u8> {
        self.alloc_layout(size, if noscan { Layout::NoScan } else { Layout::Conservative })
    }

    /// Allocates a zeroed object of `size` bytes (`size > 0`) whose words are laid out as
    /// `layout`. `None` when the reservation is exhausted.
    #[inline(always)]
    pub fn alloc_layout(&mut self, size: usize, layout: Layout) -> Option<*mut u8> {
        debug_assert!(size > 0);
        if size > MAX_SMALL_SIZE {
            return self.alloc_large(size, layout);
        }
        let noscan = matches!(layout, Layout::NoScan);
        let class = size_to_class(size);
        let kind = class * 2 + noscan as usize;
        let id = self.cur[kind];
        if id != NONE
            && let Some(i) = self.spans[id as usize].next_free()
        {
            return Some(self.hand_out(id, i, layout));
        }
        self.alloc_refill(kind, class, layout)
    }

    /// Slot `i` of span `id`, just taken: records its layout, zeroes it if needed, counts it.
    #[inline(always)]
    fn hand_out(&mut self, id: u32, i: usize, layout: Layout) -> *mut u8 {
        let s = &mut self.spans[id as usize];
        if !s.noscan {
            s.set_layout(i, layout);
        }
        let p = s.start + i * s.elemsize;
        let n = s.elemsize;
        if s.needzero {
            // SAFETY: slot i of an in-use span of this heap: n writable bytes no one else uses.
            unsafe { zero(p, n) };
        }
        self.stats.alloc_bytes += n;
        self.stats.mallocs += 1;
        self.stats.total_alloc += n as u64;
        p as *mut u8
    }

    /// The small-object path when the kind's current span is full: the next partial span or a
    /// new one.
    #[inline(never)]
    fn alloc_refill(&mut self, kind: usize, class: usize, layout: Layout) -> Option<*mut u8> {
        let noscan = kind & 1 != 0;
        loop {
            let id = self.cur[kind];
            if id != NONE {
                let s = &mut self.spans[id as usize];
                if let Some(i) = s.next_free() {
                    return Some(self.hand_out(id, i, layout));
                }
                s.listed = false;
                self.cur[kind] = NONE;
            }
            self.cur[kind] = match self.partial[kind].pop() {
                Some(id) => id,
                None => self.new_span(class, noscan)?,
            };
        }
    }

    fn alloc_large(&mut self, size: usize, layout: Layout) -> Option<*mut u8> {
        let noscan = matches!(layout, Layout::NoScan);
        let npages = size.checked_add(PAGE_SIZE - 1)? >> PAGE_SHIFT;
        let (page, zeroed) = self.alloc_pages(npages)?;
        let id = self.install(page, npages, 0, noscan, npages << PAGE_SHIFT, 1);
        let s = &mut self.spans[id as usize];
        if !noscan {
            s.set_layout(0, layout);
        }
        s.meta[0] = 1;
        s.nalloc = 1;
        s.freeindex = 1;
        let (p, n) = (s.start, s.elemsize);
        if !zeroed {
            // SAFETY: the span's pages are ours and unused.
            unsafe { std::ptr::write_bytes(p as *mut u8, 0, n) };
        }
        self.stats.alloc_bytes += n;
        self.stats.mallocs += 1;
        self.stats.total_alloc += n as u64;
        Some(p as *mut u8)
    }

    /// A new span of `class`; its id.
    fn new_span(&mut self, class: usize, noscan: bool) -> Option<u32> {
        let npages = CLASS_TO_NPAGES[class] as usize;
        let elemsize = CLASS_TO_SIZE[class] as usize;
        let (page, zeroed) = self.alloc_pages(npages)?;
        let id = self.install(page, npages, class as u8, noscan, elemsize, (npages << PAGE_SHIFT) / elemsize);
        let s = &mut self.spans[id as usize];
        s.needzero = !zeroed;
        s.listed = true;
        Some(id)
    }

    /// Records a span over pages `[page, page + npages)`; its id.
    fn install(&mut self, page: usize, npages: usize, class: u8, noscan: bool, elemsize: usize, nelems: usize) -> u32 {
        let nw = nelems.div_ceil(64);
        let bits_words = if noscan || class == 0 || elemsize > MAX_BITS_OBJECT { 0 } else { (npages << PAGE_SHIFT) / 8 / 64 };
        let span = Span {
            start: self.base + (page << PAGE_SHIFT),
            div_mul: if class == 0 { 0 } else { (u32::MAX / elemsize as u32).wrapping_add(1) },
            class,
            noscan,
            in_use: true,
            needzero: false,
            listed: false,
            npages,
            elemsize,
            nelems,
            nw,
            freeindex: 0,
            nalloc: 0,
            meta: vec![0; 2 * nw + bits_words].into_boxed_slice(),
            types: if noscan || (class != 0 && elemsize <= MAX_BITS_OBJECT) { Vec::new() } else { vec![0; nelems] },
            uniform: UNSET,
            uniform_bits: 0,
        };
        let id = match self.free_ids.pop() {
            Some(id) => {
                self.spans[id as usize] = span;
                id
            }
            None => {
                self.spans.push(span);
                (self.spans.len() - 1) as u32
            }
        };
        for p in page..page + npages {
            // SAFETY: p < the reservation's page count; the page map has one u32 per page.
            unsafe { *self.pagemap.add(p) = id + 1 };
        }
        self.stats.inuse_bytes += npages << PAGE_SHIFT;
        id
    }

    /// Takes `n` contiguous free pages (best fit, else fresh ones); the first page and whether
    /// they are known to be zero.
    fn alloc_pages(&mut self, n: usize) -> Option<(usize, bool)> {
        if let Some(&(len, page)) = self.by_size.range((n, 0)..).next() {
            let run = self.take_run(page);
            debug_assert_eq!(run.npages, len);
            if len > n {
                self.put_run(page + n, Run { npages: len - n, zeroed: run.zeroed });
            }
            if !run.zeroed {
                self.dirty_free_pages -= n;
            } else {
                self.stats.released_bytes -= n << PAGE_SHIFT;
            }
            return Some((page, run.zeroed));
        }
        let bytes = n.checked_shl(PAGE_SHIFT as u32)?;
        if bytes > self.limit - self.top {
            return None;
        }
        let page = self.top >> PAGE_SHIFT;
        self.top += bytes;
        self.stats.sys_bytes += bytes;
        Some((page, true))
    }

    fn take_run(&mut self, page: usize) -> Run {
        let run = self.runs.remove(&page).expect("free run");
        self.by_size.remove(&(run.npages, page));
        run
    }

    fn put_run(&mut self, page: usize, run: Run) {
        self.runs.insert(page, run);
        self.by_size.insert((run.npages, page));
    }

    /// Returns pages `[page, page + n)` to the free runs, coalescing with free neighbours. In
    /// stress mode runs of at least [`RELEASE_AT_FREE`] pages go back to the OS at once (and stay
    /// apart from dirty neighbours, so that they are known to be zero when reused).
    fn free_pages(&mut self, mut page: usize, mut n: usize) {
        if self.poison && n >= RELEASE_AT_FREE {
            let addr = self.base + (page << PAGE_SHIFT);
            // SAFETY: the pages are free pages of our own reservation; no object lives there.
            unsafe { libc::madvise(addr as *mut libc::c_void, n << PAGE_SHIFT, libc::MADV_DONTNEED) };
            self.stats.released_bytes += n << PAGE_SHIFT;
            self.put_run(page, Run { npages: n, zeroed: true });
            return;
        }
        self.dirty_free_pages += n;
        let zeroed = false;
        if let Some((&prev, &r)) = self.runs.range(..page).next_back()
            && prev + r.npages == page
        {
            self.take_run(prev);
            page = prev;
            n += r.npages;
            if r.zeroed {
                // The merged run is dirty as a whole: count the zeroed part as dirty again.
                self.dirty_free_pages += r.npages;
                self.stats.released_bytes -= r.npages << PAGE_SHIFT;
            }
        }
        if let Some(&r) = self.runs.get(&(page + n)) {
            self.take_run(page + n);
            if r.zeroed {
                self.dirty_free_pages += r.npages;
                self.stats.released_bytes -= r.npages << PAGE_SHIFT;
            }
            n += r.npages;
        }
        self.put_run(page, Run { npages: n, zeroed });
    }

    /// Returns free pages to the OS (`MADV_DONTNEED`) until at most `retain` bytes of free,
    /// not-yet-released pages remain (gc's scavenger). Biggest runs first.
    pub fn scavenge(&mut self, retain: usize) {
        let retain_pages = retain >> PAGE_SHIFT;
        if self.dirty_free_pages <= retain_pages {
            return;
        }
        let mut dirty: Vec<(usize, usize)> =
            self.runs.iter().filter(|(_, r)| !r.zeroed).map(|(&p, r)| (r.npages, p)).collect();
        dirty.sort_unstable_by(|a, b| b.cmp(a));
        for (n, page) in dirty {
            if self.dirty_free_pages <= retain_pages {
                break;
            }
            let addr = self.base + (page << PAGE_SHIFT);
            // SAFETY: the run is free pages of our own reservation; no object lives there.
            unsafe { libc::madvise(addr as *mut libc::c_void, n << PAGE_SHIFT, libc::MADV_DONTNEED) };
            self.runs.insert(page, Run { npages: n, zeroed: true });
            self.dirty_free_pages -= n;
            self.stats.released_bytes += n << PAGE_SHIFT;
        }
    }

    /// Bytes of free pages not yet returned to the OS.
    pub fn dirty_free_bytes(&self) -> usize {
        self.dirty_free_pages << PAGE_SHIFT
    }

    /// The index of the span whose pages hold address `p` (the page map's lookup shared by
    /// `find` and the marker's `mark_word`), if `p` is inside this heap's used pages.
    #[inline(always)]
    fn span_id_of(&self, p: usize) -> Option<u32> {
        let off = p.wrapping_sub(self.base);
        if off >= self.top {
            return None;
        }
        // SAFETY: off < top ≤ limit, so the page index is inside the page map.
        let id = unsafe { *self.pagemap.add(off >> PAGE_SHIFT) };
        id.checked_sub(1)
    }

    /// The object containing address `p`, if `p` points into an allocated object of this heap.
    #[inline]
    pub fn find(&self, p: usize) -> Option<Obj> {
        let span = self.span_id_of(p)?;
        let s = &self.spans[span as usize];
        let index = s.index_of(p - s.start);
        if index >= s.nelems || !s.is_alloc(index) {
            return None;
        }
        Some(Obj { span, index, base: s.start + index * s.elemsize, size: s.elemsize, noscan: s.noscan })
    }

    /// The collector's step for one word: if `p` points into an allocated, unmarked object of
    /// this heap, marks it and returns it with how to scan it (`None` for a noscan object, which
    /// is marked but has nothing to scan).
    #[inline]
    pub fn mark_word(&mut self, p: usize) -> Option<Option<(Obj, Scan)>> {
        let span = self.span_id_of(p)?;
        let s = &mut self.spans[span as usize];
        let index = s.index_of(p - s.start);
        if index >= s.nelems {
            return None;
        }
        let (w, b) = (index >> 6, 1u64 << (index & 63));
        let nw = s.nw;
        if s.meta[w] & b == 0 || s.meta[nw + w] & b != 0 {
            return None;
        }
        s.meta[nw + w] |= b;
        if s.noscan {
            return Some(None);
        }
        let o = Obj { span, index, base: s.start + index * s.elemsize, size: s.elemsize, noscan: false };
        Some(Some((o, s.scan_of(index))))
    }

    /// How to scan the allocated object `o` (of a scan span).
    #[inline]
    pub fn scan_of(&self, o: &Obj) -> Scan {
        self.spans[o.span as usize].scan_of(o.index)
    }

    /// Marks `o`; true if it was not marked yet.
    #[inline]
    pub fn mark(&mut self, o: &Obj) -> bool {
        let s = &mut self.spans[o.span as usize];
        let (w, b) = (s.nw + (o.index >> 6), 1u64 << (o.index & 63));
        if s.meta[w] & b != 0 {
            return false;
        }
        s.meta[w] |= b;
        true
    }

    /// Whether `o` is marked (between marking and sweeping).
    pub fn is_marked(&self, o: &Obj) -> bool {
        self.spans[o.span as usize].is_marked(o.index)
    }

    /// Clears every mark (an abandoned collection).
    pub fn clear_marks(&mut self) {
        for s in self.spans.iter_mut().filter(|s| s.in_use) {
            let nw = s.nw;
            s.meta[nw..2 * nw].fill(0);
        }
    }

    /// Frees every allocated, unmarked object and clears the marks (gc's sweep, done for the whole
    /// heap at once); spans left empty go back to the page heap. Returns the bytes still allocated.
    pub fn sweep(&mut self) -> usize {
        for l in &mut self.partial {
            l.clear();
        }
        self.cur = [NONE; KINDS];
        let mut live = 0;
        let mut frees = 0u64;
        for id in 0..self.spans.len() {
            let s = &mut self.spans[id];
            if !s.in_use {
                continue;
            }
            let mut nalloc = 0;
            let mut freed_any = false;
            let nw = s.nw;
            for w in 0..nw {
                let (a, m) = (s.meta[w], s.meta[nw + w]);
                let freed = a & !m;
                if freed != 0 {
                    freed_any = true;
                    frees += freed.count_ones() as u64;
                    if self.poison && s.npages < RELEASE_AT_FREE {
                        let mut bits = freed;
                        while bits != 0 {
                            let i = (w << 6) + bits.trailing_zeros() as usize;
                            bits &= bits - 1;
                            // SAFETY: object i of an in-use span: elemsize bytes of our heap,
                            // unreachable (unmarked), so no one reads them any more.
                            unsafe { std::ptr::write_bytes((s.start + i * s.elemsize) as *mut u8, POISON, s.elemsize) };
                        }
                    }
                }
                s.meta[w] = m;
                s.meta[nw + w] = 0;
                nalloc += m.count_ones() as usize;
            }
            s.nalloc = nalloc;
            s.freeindex = 0;
            s.needzero |= freed_any;
            s.listed = false;
            live += nalloc * s.elemsize;
            if nalloc == 0 {
                let (start, npages) = (s.start, s.npages);
                s.in_use = false;
                s.meta = Box::new([]);
                s.nw = 0;
                s.types = Vec::new();
                let page = (start - self.base) >> PAGE_SHIFT;
                for p in page..page + npages {
                    // SAFETY: p is a page of the span being freed, inside the page map.
                    unsafe { *self.pagemap.add(p) = 0 };
                }
                self.stats.inuse_bytes -= npages << PAGE_SHIFT;
                self.free_pages(page, npages);
                self.free_ids.push(id as u32);
            } else if nalloc < s.nelems && s.class != 0 {
                s.listed = true;
                let kind = s.class as usize * 2 + s.noscan as usize;
                self.partial[kind].push(id as u32);
            }
        }
        // Allocate from low addresses first (pop takes the last).
        for l in &mut self.partial {
            l.reverse();
        }
        self.stats.alloc_bytes = live;
        self.stats.frees += frees;
        live
    }

    /// Calls `f` for every in-use span (tests and the verifier).
    pub fn for_each_span(&self, mut f: impl FnMut(&Span)) {
        for s in self.spans.iter().filter(|s| s.in_use) {
            f(s)
        }
    }

    /// Calls `f(object, how to scan it)` for every allocated object of a scan span.
    pub fn for_each_scan_object(&self, mut f: impl FnMut(Obj, Scan)) {
        for (id, s) in self.spans.iter().enumerate().filter(|(_, s)| s.in_use && !s.noscan) {
            for i in 0..s.nelems {
                if s.is_alloc(i) {
                    let o = Obj { span: id as u32, index: i, base: s.start + i * s.elemsize, size: s.elemsize, noscan: false };
                    f(o, s.scan_of(i))
                }
            }
        }
    }

    /// Calls `f(base, size, noscan)` for every allocated object.
    pub fn for_each_object(&self, mut f: impl FnMut(usize, usize, bool)) {
        for s in self.spans.iter().filter(|s| s.in_use) {
            for i in 0..s.nelems {
                if s.is_alloc(i) {
                    f(s.start + i * s.elemsize, s.elemsize, s.noscan)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heap() -> Heap {
        Heap::new(1 << 30).expect("reservation")
    }

    fn mark_addr(h: &mut Heap, p: *mut u8) {
        let o = h.find(p as usize).expect("object");
        h.mark(&o);
    }

    #[test]
    fn classes_interior_pointers_and_zeroing() {
        let mut h = heap();
        let a = h.alloc(24, false).unwrap();
        let b = h.alloc(24, false).unwrap();
        assert_eq!(b as usize - a as usize, 24);
        let n = h.alloc(24, true).unwrap();
        // noscan objects sit in other spans
        assert_ne!((n as usize) >> PAGE_SHIFT, (a as usize) >> PAGE_SHIFT);
        let o = h.find(b as usize + 17).unwrap();
        assert_eq!((o.base, o.size, o.noscan), (b as usize, 24, false));
        assert!(h.find(n as usize + 3).unwrap().noscan);
        // An address past the allocated objects of a span is no object.
        assert!(h.find(b as usize + 24).is_none());
        let big = h.alloc(100_000, false).unwrap();
        let ob = h.find(big as usize + 99_999).unwrap();
        assert_eq!(ob.base, big as usize);
        assert_eq!(ob.size, 13 * PAGE_SIZE);
        assert!(h.find(big as usize + 13 * PAGE_SIZE).is_none());
        // SAFETY: the objects are ours, of these sizes.
        unsafe {
            a.write_bytes(7, 24);
            big.write_bytes(7, 100_000);
        }
        // Sweep with a and big unmarked: they are freed and reused zeroed.
        mark_addr(&mut h, b);
        mark_addr(&mut h, n);
        let live = h.sweep();
        assert_eq!(live, 48);
        assert!(h.find(a as usize).is_none());
        assert!(h.find(big as usize).is_none());
        let a2 = h.alloc(24, false).unwrap();
        assert_eq!(a2, a);
        // SAFETY: a2 has 24 bytes.
        assert!(unsafe { std::slice::from_raw_parts(a2, 24) }.iter().all(|&x| x == 0));
        let big2 = h.alloc(100_000, false).unwrap();
        assert_eq!(big2, big);
        // SAFETY: big2 has 100_000 bytes.
        assert!(unsafe { std::slice::from_raw_parts(big2, 100_000) }.iter().all(|&x| x == 0));
    }

    #[test]
    fn poison_free_spans_and_scavenge() {
        let mut h = heap();
        h.set_poison(true);
        let keep = h.alloc(8, false).unwrap();
        let ps: Vec<*mut u8> = (0..10_000).map(|_| h.alloc(8, false).unwrap()).collect();
        let pages_before = h.stats.inuse_bytes;
        mark_addr(&mut h, keep);
        assert_eq!(h.sweep(), 8);
        // Freed objects are poisoned.
        // SAFETY: the freed slot is still mapped memory of our heap.
        assert_eq!(unsafe { *ps[5000] }, POISON);
        // All but the first span went back to the page heap.
        assert_eq!(h.stats.inuse_bytes, PAGE_SIZE);
        assert!(pages_before > PAGE_SIZE * 5);
        assert!(h.dirty_free_bytes() >= pages_before - PAGE_SIZE);
        h.scavenge(0);
        assert_eq!(h.dirty_free_bytes(), 0);
        assert!(h.stats.released_bytes > 0);
        // Released pages are reused as zeroed pages.
        let again: Vec<*mut u8> = (0..5000).map(|_| h.alloc(16, true).unwrap()).collect();
        for p in again {
            // SAFETY: 16-byte objects just allocated.
            assert!(unsafe { std::slice::from_raw_parts(p, 16) }.iter().all(|&x| x == 0));
        }
        assert!(h.stats.sys_bytes <= pages_before + 2 * PAGE_SIZE);
    }

    #[test]
    fn big_freed_spans_stay_committed_and_are_reused_zeroed() {
        let mut h = heap();
        let size = RELEASE_AT_FREE * PAGE_SIZE * 4;
        let big = h.alloc(size, true).unwrap();
        // SAFETY: big has `size` bytes.
        unsafe { big.write_bytes(7, size) };
        assert_eq!(h.sweep(), 0);
        // Not handed back to the OS at free: the scavenger decides.
        assert_eq!(h.stats.released_bytes, 0);
        assert!(h.dirty_free_bytes() >= size);
        let again = h.alloc(size, true).unwrap();
        assert_eq!(again, big);
        // SAFETY: again has `size` bytes.
        assert!(unsafe { std::slice::from_raw_parts(again, size) }.iter().all(|&x| x == 0));
        // In stress mode a freed big span is released (and so reads as zero) instead of poisoned.
        h.set_poison(true);
        assert_eq!(h.sweep(), 0);
        assert!(h.stats.released_bytes >= size);
    }

    #[test]
    fn coalescing_and_best_fit() {
        let mut h = heap();
        let xs: Vec<*mut u8> = (0..6).map(|_| h.alloc(3 * PAGE_SIZE, true).unwrap()).collect();
        // Free 1, 2, 3 (adjacent) and 5; keep 0 and 4.
        mark_addr(&mut h, xs[0]);
        mark_addr(&mut h, xs[4]);
        h.sweep();
        // A 9-page object fits exactly in the coalesced 1..=3 run, not at the top.
        let nine = h.alloc(9 * PAGE_SIZE, true).unwrap();
        assert_eq!(nine, xs[1]);
        // The 3-page hole of 5 is reused.
        let three = h.alloc(3 * PAGE_SIZE - 100, false).unwrap();
        assert_eq!(three, xs[5]);
    }

    #[test]
    fn div_mul_is_exact_for_every_class_and_offset() {
        let mut h = heap();
        for class in 1..NUM_SIZE_CLASSES {
            let size = CLASS_TO_SIZE[class] as usize;
            let p = h.alloc(size, class % 2 == 0).unwrap() as usize;
            let o = h.find(p).unwrap();
            let s = &h.spans[o.span as usize];
            for off in 0..s.npages << PAGE_SHIFT {
                assert_eq!(s.index_of(off), off / size, "class {class} offset {off}");
            }
        }
    }

    /// A span holding one layout answers from its uniform bits; the first other layout writes
    /// every slot's bits, and each object then scans as it was allocated.
    #[test]
    fn uniform_then_mixed_layouts() {
        use crate::abi::Kind;
        use crate::typedesc::{predeclared, ptr_to};
        let pint = ptr_to(predeclared(Kind::Int));
        // [2]uintptr-sized objects: a *int's bits are 0b1 (one pointer word of the two).
        let typed = Layout::Typed { typ: pint, array: true };
        let bits = |h: &Heap, p: *mut u8| match h.scan_of(&h.find(p as usize).unwrap()) {
            Scan::Bits(m) => m,
            other => panic!("{other:?}"),
        };
        let mut h = heap();
        let a = h.alloc_layout(16, typed).unwrap();
        let b = h.alloc_layout(16, typed).unwrap();
        assert_eq!((bits(&h, a), bits(&h, b)), (0b11, 0b11));
        let c = h.alloc_layout(16, Layout::Typed { typ: pint, array: false }).unwrap();
        let d = h.alloc(16, false).unwrap();
        let e = h.alloc_layout(16, typed).unwrap();
        assert_eq!((bits(&h, a), bits(&h, b), bits(&h, c), bits(&h, d), bits(&h, e)), (0b11, 0b11, 0b01, 0b11, 0b11));
    }

    #[test]
    fn exhaustion_is_none() {
        let mut h = Heap::new(16 * PAGE_SIZE).unwrap();
        assert!(h.alloc(17 * PAGE_SIZE, true).is_none());
        assert!(h.alloc(16 * PAGE_SIZE, true).is_some());
        assert!(h.alloc(8, true).is_none());
    }

    #[test]
    fn every_class_fills_its_span() {
        let mut h = heap();
        for class in 1..NUM_SIZE_CLASSES {
            let size = CLASS_TO_SIZE[class] as usize;
            let per_span = (CLASS_TO_NPAGES[class] as usize * PAGE_SIZE) / size;
            let first = h.alloc(size, false).unwrap() as usize;
            for i in 1..per_span {
                assert_eq!(h.alloc(size, false).unwrap() as usize, first + i * size, "class {class}");
            }
            let next = h.alloc(size, false).unwrap() as usize;
            assert!(next >= first + per_span * size || next < first);
        }
        let mut n = 0;
        h.for_each_object(|_, _, _| n += 1);
        assert!(n > NUM_SIZE_CLASSES);
    }
}
