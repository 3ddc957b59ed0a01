//! The stress mode's heap verifier: after a collection, every pointer word of every live object
//! whose layout is known precisely must be nil, outside the heap, or point into an allocated
//! object. A word pointing into freed memory means the collector freed something still
//! referenced (a missed root, or a wrong pointer mask) and ends the program at once, naming the
//! object, instead of letting the poisoned memory be read later. Conservatively scanned objects
//! are not checked (a stale integer in them may look like a pointer to freed memory legitimately).

use super::mark::pointer_words;
use crate::mem::mheap::Heap;

/// Checks `heap` as described above (`fatal error` on the first dangling pointer).
pub(super) fn verify(heap: &Heap) {
    if let Some((base, size, w)) = find_dangling(heap) {
        crate::rterror::fatal(&format!(
            "gc verify: the live {size}-byte object at {base:#x} points to {w:#x}, which is no allocated object (freed while referenced)"
        ));
    }
}

/// The first precisely known pointer word into freed heap memory: (object base, size, word).
fn find_dangling(heap: &Heap) -> Option<(usize, usize, usize)> {
    let (lo, hi) = heap.bounds();
    let mut bad: Option<(usize, usize, usize)> = None;
    heap.for_each_scan_object(|o, scan| {
        if bad.is_some() {
            return;
        }
        let mut check = |w: usize| {
            if bad.is_none() && w >= lo && w < hi && heap.find(w).is_none() {
                bad = Some((o.base, o.size, w));
            }
        };
        // SAFETY: an allocated object of the heap, readable; its recorded descriptor is valid.
        unsafe { pointer_words(o.base, o.size, scan, &mut check) };
    });
    bad
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::Kind;
    use crate::mem::mheap::Layout;
    use crate::typedesc::{predeclared, ptr_to};

    #[test]
    fn finds_a_pointer_to_freed_memory() {
        let mut h = Heap::new(1 << 30).expect("reservation");
        let pint = ptr_to(predeclared(Kind::Int));
        let a = h.alloc_layout(8, Layout::Typed { typ: pint, array: false }).unwrap();
        let b = h.alloc(8, true).unwrap();
        // SAFETY: a has 8 bytes.
        unsafe { *(a as *mut usize) = b as usize };
        let oa = h.find(a as usize).unwrap();
        let ob = h.find(b as usize).unwrap();
        h.mark(&oa);
        h.mark(&ob);
        h.sweep();
        assert_eq!(find_dangling(&h), None);
        // Now b is left unmarked: the sweep frees it while a still points to it.
        let oa = h.find(a as usize).unwrap();
        h.mark(&oa);
        h.sweep();
        assert_eq!(find_dangling(&h), Some((a as usize, 8, b as usize)));
    }
}
