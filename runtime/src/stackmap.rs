//! Stack maps of JIT frames (gc's `FUNCDATA_LocalsPointerMaps`, docs/precise-stacks.md step 1):
//! for each call site of a compiled Go function, the frame words that hold live values at that
//! call, so the collector scans a frame by liveness instead of every word in it.
//!
//! # Frame layout (Cranelift x86-64, frame pointers on), addresses growing upward
//! ```text
//!   fp+8            return address
//!   fp              saved fp
//!   [fp+fixed_hi, fp)        clobber area: callee-saved registers of the *callers*   (conservative)
//!   [fp+fixed_lo, fp+fixed_hi) stack slots and spill slots                          (precise)
//!   [fp-frame_size, fp+fixed_lo) outgoing arguments of the current call             (conservative)
//! ```
//! In the precise part only the call's map slots (Cranelift's user stack map: every value that
//! may hold a pointer and is live across the call) and the lowering's own explicit slots
//! (address-taken variables kept in the frame, defer records, multi-word temporaries, the
//! argument image: live for the whole frame, step 2 types them) are roots; the spill slots are
//! not (a declared value is never live in a spill slot across a call), which is what drops dead
//! pointers. The clobber area holds whatever the callers, Rust code included, kept in callee-saved
//! registers, so it stays conservative; so do the outgoing arguments (a runtime callee reads its
//! stack arguments in place).
//!
//! # Worked example
//! `frame_size 0x40`, fixed `[-0x38, -0x10)`, explicit `[(-0x38, -0x28)]`, a call returning to
//! `+0x2f` with map slots `[-0x20]`: at that call the collector scans `[fp-0x40, fp-0x38)`,
//! `[fp-0x38, fp-0x28)`, the word at `fp-0x20` and `[fp-0x10, fp)`; the spill slot at `fp-0x18`
//! is skipped.

/// Everything needed to describe one function's frame (offsets fp-relative, bytes).
pub struct StackDesc<'a> {
    /// Start of the stack/spill slot area (above the outgoing arguments).
    pub fixed_lo: i32,
    /// End of that area (start of the clobber area).
    pub fixed_hi: i32,
    /// The lowering's explicit slots scanned at every call, `[lo, hi)` ranges, sorted.
    pub explicit: &'a [(i32, i32)],
    /// Its stack objects (gc's `stackObjectRecord`): slots scanned only when a live pointer
    /// points into them, sorted.
    pub objects: &'a [(i32, i32)],
    /// Every call site: `(return offset, map slot offsets)`, sorted by return offset; a call with
    /// no live pointer has an empty list.
    pub sites: &'a [(u32, Vec<i32>)],
}

/// A function's stored description (indexes into the [`Pool`]).
#[derive(Clone, Copy, Debug)]
struct Row {
    start: usize,
    fixed_lo: i32,
    fixed_hi: i32,
    explicit: (u32, u32),
    objects: (u32, u32),
    sites: (u32, u32),
}

/// One call site: its return offset and its map slots in [`Pool::slots`].
#[derive(Clone, Copy, Debug)]
struct Site {
    ret: u32,
    slots: (u32, u32),
}

/// What the collector scans of a frame stopped at one call (see the module docs).
#[derive(Clone, Copy, Debug)]
pub struct FrameScan<'a> {
    pub fixed_lo: i32,
    pub fixed_hi: i32,
    pub explicit: &'a [(i32, i32)],
    pub objects: &'a [(i32, i32)],
    pub slots: &'a [i32],
}

/// The stack maps of one function table.
#[derive(Default)]
pub struct Pool {
    rows: Vec<Row>,
    sites: Vec<Site>,
    ranges: Vec<(i32, i32)>,
    slots: Vec<i32>,
}

impl Pool {
    /// Adds the description of the function starting at `start`.
    pub fn push(&mut self, start: usize, d: &StackDesc<'_>) {
        let r0 = self.ranges.len() as u32;
        self.ranges.extend_from_slice(d.explicit);
        let o0 = self.ranges.len() as u32;
        self.ranges.extend_from_slice(d.objects);
        let s0 = self.sites.len() as u32;
        for (ret, slots) in d.sites {
            let k0 = self.slots.len() as u32;
            self.slots.extend_from_slice(slots);
            self.sites.push(Site { ret: *ret, slots: (k0, slots.len() as u32) });
        }
        self.rows.push(Row {
            start,
            fixed_lo: d.fixed_lo,
            fixed_hi: d.fixed_hi,
            explicit: (r0, d.explicit.len() as u32),
            objects: (o0, d.objects.len() as u32),
            sites: (s0, d.sites.len() as u32),
        });
    }

    /// Orders rows by start (required before lookups).
    pub fn sort(&mut self) {
        self.rows.sort_by_key(|r| r.start);
    }

    /// The scan of the frame of the function starting at `start` stopped at the call returning to
    /// code offset `ret`; `None` when the function has no maps or `ret` is not one of its calls
    /// (a fault pc): the frame must then be scanned conservatively.
    pub fn frame_at(&self, start: usize, ret: u32) -> Option<FrameScan<'_>> {
        let i = self.rows.binary_search_by_key(&start, |r| r.start).ok()?;
        let r = &self.rows[i];
        let sites = &self.sites[r.sites.0 as usize..(r.sites.0 + r.sites.1) as usize];
        let s = &sites[sites.binary_search_by_key(&ret, |s| s.ret).ok()?];
        Some(FrameScan {
            fixed_lo: r.fixed_lo,
            fixed_hi: r.fixed_hi,
            explicit: &self.ranges[r.explicit.0 as usize..(r.explicit.0 + r.explicit.1) as usize],
            objects: &self.ranges[r.objects.0 as usize..(r.objects.0 + r.objects.1) as usize],
            slots: &self.slots[s.slots.0 as usize..(s.slots.0 + s.slots.1) as usize],
        })
    }

    /// Bytes used, for statistics.
    pub fn footprint(&self) -> usize {
        self.rows.len() * std::mem::size_of::<Row>()
            + self.sites.len() * std::mem::size_of::<Site>()
            + self.ranges.len() * 8
            + self.slots.len() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_call_site_of_a_return_address() {
        let mut p = Pool::default();
        let sites = vec![(0x10, vec![]), (0x2f, vec![-0x20])];
        p.push(0x1000, &StackDesc { fixed_lo: -0x38, fixed_hi: -0x10, explicit: &[(-0x38, -0x28)], objects: &[(-0x18, -0x10)], sites: &sites });
        p.push(0x800, &StackDesc { fixed_lo: -8, fixed_hi: -8, explicit: &[], objects: &[], sites: &[] });
        p.sort();
        let f = p.frame_at(0x1000, 0x2f).expect("site");
        assert_eq!((f.fixed_lo, f.fixed_hi, f.explicit, f.slots), (-0x38, -0x10, &[(-0x38, -0x28)][..], &[-0x20][..]));
        assert_eq!(f.objects, &[(-0x18, -0x10)][..]);
        assert!(p.frame_at(0x1000, 0x10).expect("empty site").slots.is_empty());
        assert!(p.frame_at(0x1000, 0x11).is_none(), "not a call: conservative");
        assert!(p.frame_at(0x800, 0).is_none());
        assert!(p.frame_at(0x900, 0x10).is_none(), "no row");
    }
}
