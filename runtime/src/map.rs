//! Go maps: an insertion-ordered hash table keyed by values of any comparable type.
//!
//! Layout: a dense *entries* array (each entry = 8-byte header, key, value; header 0 = deleted,
//! otherwise `hash | 1<<63`) in insertion order, plus an open-addressing *index* (linear probing) of
//! `u64` slots `(hash_tag << 32) | (entry_index + 1)`, 0 = empty, [`TOMB`] = removed. Iteration walks
//! the entries array in a random order chosen per `range`, as gc does: the array is read in
//! groups of 8 positions starting at a random group and, inside each group, at a random offset
//! (gc's random start bucket and offset), so programs cannot come to depend on an order.
//!
//! Invariants:
//! - `count` = live entries; `used` = entries slots consumed (live + deleted); `used <= cap`;
//!   the index has `2 * cap` slots, so its load factor stays ≤ 1/2.
//! - Growth either copies entries in order into a larger array (indices unchanged, `epoch` kept) or,
//!   when there are deleted entries, *compacts* them into a new array and bumps `epoch`. `clear`
//!   marks every entry deleted, then starts a fresh array and bumps `epoch`.
//! - An iterator remembers the epoch and entries array it started with, and visits the positions
//!   `0..used` of that moment (entries added during the loop are not produced, which the spec
//!   allows). While the epoch is unchanged it reads the live array by position (deleted entries are
//!   skipped: Go's rule that an entry removed before being reached is not produced). After a compaction it continues over its old array,
//!   re-looking each key up in the live map and skipping keys that are gone, so no entry is produced
//!   twice (positions are stable across non-compacting growth, and the snapshot taken at
//!   `mapiterinit` has the same positions). Entry and index arrays are Go heap objects
//!   (noscan when neither keys nor values hold pointers); replaced arrays are left to the collector,
//!   which keeps an old entries array alive while an iterator's snapshot still points at it.
//! - Pointers returned by `mapaccess`/`mapassign` are valid until the next insertion into the same
//!   map: the compiler must evaluate the right-hand side of `m[k] = v` before calling `mapassign`.
//! Hashing and equality come from [`crate::hash`]; int-like 8-byte keys and strings have fast paths
//! that compute the same hash as the generic path.
//!
//! Concurrent use is detected as gc does it (best effort, `hashWriting`): a write (assign, delete,
//! clear) sets `writing` for its duration (after hashing, which may panic); a write that finds it
//! set, or finds it cleared when it ends, is `fatal error: concurrent map writes`; a lookup or an
//! iteration step that finds it set is `concurrent map read and map write` /
//! `concurrent map iteration and map write`. The flag is accessed with relaxed atomics (plain
//! moves on x86-64): Go code that writes a map from two goroutines at once has a data race, and
//! the flag only reports it; it synchronises nothing.

use crate::abi::*;
use crate::gostring::bytes;
use crate::hash::{self, finish, hash_bytes, is_memory_kind, typeequal, typehash};
use crate::{alloc, rterror};
use std::sync::atomic::{AtomicU32, Ordering};

const TOMB: u64 = u64::MAX;
const LIVE: u64 = 1 << 63;
const SEED: u64 = 0x5151_0F0F_A5A5_3C3C;
const MIN_CAP: usize = 8;

/// How a map's keys are hashed and compared.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum KeyClass {
    /// 8-byte int/uint/pointer keys: hash and compare the word.
    Word,
    /// Smaller int-like keys: load `size` bytes as a word.
    SmallWord,
    Str,
    Generic,
}

/// A map header. A nil map is a null pointer.
#[repr(C)]
pub struct GoMap {
    typ: *const Type,
    count: usize,
    entries: *mut u8,
    used: usize,
    cap: usize,
    index: *mut u64,
    epoch: u64,
    live_iters: usize,
    entry_size: usize,
    key_off: usize,
    val_off: usize,
    class: KeyClass,
    /// gc's `hashWriting` flag: a write is in progress (see the module docs).
    writing: AtomicU32,
}

#[cold]
fn concurrent(what: &str) -> ! {
    rterror::fatal(what)
}

fn round_up(x: usize, a: usize) -> usize {
    (x + a - 1) & !(a - 1)
}

/// A zeroed array on the Go heap (`noscan`: pointer-free). Replaced arrays are not freed here:
/// the collector frees them once neither the map nor an iterator's snapshot refers to them.
fn raw_alloc(size: usize, noscan: bool) -> *mut u8 {
    if noscan { alloc::alloc_noscan(size.max(8), 8) } else { alloc::alloc_zeroed(size.max(8), 8) }
}

impl GoMap {
    fn key_t(&self) -> &Type {
        // SAFETY: typ is a valid map descriptor with a key type.
        unsafe { (*self.typ).key() }
    }

    fn val_t(&self) -> &Type {
        // SAFETY: as above.
        unsafe { (*self.typ).elem() }
    }

    #[inline]
    fn entry(&self, entries: *mut u8, i: usize) -> *mut u8 {
        // SAFETY: callers pass i < the array's capacity.
        unsafe { entries.add(i * self.entry_size) }
    }

    /// Hash of the key at `k` (never 0 after tagging).
    #[inline]
    unsafe fn hash_key(&self, k: *const u8) -> u64 {
        // SAFETY: k points to a key of this map's key type.
        unsafe {
            match self.class {
                KeyClass::Word => finish(hash::mix(SEED, *(k as *const u64))),
                KeyClass::SmallWord => finish(hash::mix(SEED, hash::load_word(k, self.key_t().size()))),
                KeyClass::Str => {
                    let s = &*(k as *const GoString);
                    finish(hash_bytes(SEED, bytes(s.ptr, s.len)))
                }
                KeyClass::Generic => finish(typehash(self.key_t(), k, SEED)),
            }
        }
    }

    #[inline]
    unsafe fn key_eq(&self, a: *const u8, b: *const u8) -> bool {
        // SAFETY: both point to keys of this map's key type.
        unsafe {
            match self.class {
                KeyClass::Word => *(a as *const u64) == *(b as *const u64),
                KeyClass::SmallWord => {
                    let n = self.key_t().size();
                    hash::load_word(a, n) == hash::load_word(b, n)
                }
                KeyClass::Str => {
                    let (x, y) = (&*(a as *const GoString), &*(b as *const GoString));
                    x.len == y.len && (x.ptr == y.ptr || bytes(x.ptr, x.len) == bytes(y.ptr, y.len))
                }
                KeyClass::Generic => typeequal(self.key_t(), a, b),
            }
        }
    }

    fn mask(&self) -> usize {
        2 * self.cap - 1
    }

    /// Finds the index slot holding `key`, if any.
    #[inline]
    unsafe fn find(&self, h: u64, key: *const u8) -> Option<usize> {
        if self.count == 0 {
            return None;
        }
        let tag = h >> 32;
        let mask = self.mask();
        let mut i = h as usize & mask;
        loop {
            // SAFETY: i <= mask < index length.
            let slot = unsafe { *self.index.add(i) };
            if slot == 0 {
                return None;
            }
            if slot != TOMB && slot >> 32 == tag {
                let e = self.entry(self.entries, (slot as u32 - 1) as usize);
                // SAFETY: e is a live entry of this map.
                if unsafe { self.key_eq(e.add(self.key_off), key) } {
                    return Some(i);
                }
            }
            i = (i + 1) & mask;
        }
    }

    fn slot_entry(&self, slot_idx: usize) -> *mut u8 {
        // SAFETY: slot_idx came from find().
        let slot = unsafe { *self.index.add(slot_idx) };
        self.entry(self.entries, (slot as u32 - 1) as usize)
    }

    /// Allocates empty arrays for `cap` entries.
    fn alloc_arrays(&mut self, cap: usize) {
        self.cap = cap;
        let noscan = self.key_t().ptr_bytes == 0 && self.val_t().ptr_bytes == 0;
        self.entries = raw_alloc(cap * self.entry_size, noscan);
        self.index = raw_alloc(2 * cap * 8, true) as *mut u64;
        self.used = 0;
    }

    /// Re-inserts entry `i` (live) into the index.
    fn index_insert(&mut self, h: u64, i: usize) {
        let mask = self.mask();
        let mut j = h as usize & mask;
        // SAFETY: j <= mask; the index always has an empty slot (load ≤ 1/2).
        unsafe {
            while *self.index.add(j) != 0 {
                j = (j + 1) & mask;
            }
            *self.index.add(j) = ((h >> 32) << 32) | (i as u64 + 1);
        }
    }

    /// Makes room for one more entry: grow (keeping order and positions) or compact.
    #[cold]
    fn grow(&mut self) {
        let (old_entries, old_used, old_cap) = (self.entries, self.used, self.cap);
        let compact = self.count < old_used;
        let new_cap = if self.count >= old_cap / 2 { old_cap * 2 } else { old_cap };
        self.alloc_arrays(new_cap);
        let mut n = 0;
        for i in 0..old_used {
            let e = self.entry(old_entries, i);
            // SAFETY: e is within the old array.
            let hdr = unsafe { *(e as *const u64) };
            if hdr == 0 {
                continue;
            }
            let dst = self.entry(self.entries, n);
            // SAFETY: dst is a fresh slot, e a valid entry; entries don't overlap.
            unsafe { std::ptr::copy_nonoverlapping(e, dst, self.entry_size) };
            self.index_insert(hdr, n);
            n += 1;
        }
        self.used = n;
        if compact {
            self.epoch += 1;
        }
        // The old arrays are garbage unless an iterator holds the entries as its snapshot.
    }

    /// Inserts `key` (absent) with a zero value; returns the entry.
    unsafe fn insert(&mut self, h: u64, key: *const u8) -> *mut u8 {
        if self.used == self.cap {
            self.grow();
        }
        let i = self.used;
        self.used += 1;
        self.count += 1;
        let e = self.entry(self.entries, i);
        // SAFETY: e is a fresh zeroed entry; key points to a key of key_t().size() bytes.
        unsafe {
            *(e as *mut u64) = h;
            std::ptr::copy_nonoverlapping(key, e.add(self.key_off), self.key_t().size());
            std::ptr::write_bytes(e.add(self.val_off), 0, self.val_t().size());
        }
        self.index_insert(h, i);
        e
    }

    /// Marks the start of a write (gc's `m.writing ^= 1` after hashing).
    #[inline]
    fn begin_write(&self) {
        if self.writing.load(Ordering::Relaxed) != 0 {
            concurrent("concurrent map writes");
        }
        self.writing.store(1, Ordering::Relaxed);
    }

    /// Marks the end of a write.
    #[inline]
    fn end_write(&self) {
        if self.writing.load(Ordering::Relaxed) == 0 {
            concurrent("concurrent map writes");
        }
        self.writing.store(0, Ordering::Relaxed);
    }

    unsafe fn access(&self, key: *const u8) -> *mut u8 {
        // SAFETY: key is a valid key.
        unsafe {
            let h = self.hash_key(key) | LIVE;
            if self.writing.load(Ordering::Relaxed) != 0 {
                concurrent("concurrent map read and map write");
            }
            match self.find(h, key) {
                Some(s) => self.slot_entry(s).add(self.val_off),
                None => std::ptr::null_mut(),
            }
        }
    }

    unsafe fn assign(&mut self, key: *const u8) -> *mut u8 {
        // SAFETY: key is a valid key.
        unsafe {
            let h = self.hash_key(key) | LIVE;
            self.begin_write();
            let e = match self.find(h, key) {
                Some(s) => {
                    let e = self.slot_entry(s);
                    // Go overwrites the key on assignment (matters for +0/-0 and strings).
                    std::ptr::copy_nonoverlapping(key, e.add(self.key_off), self.key_t().size());
                    e
                }
                None => self.insert(h, key),
            };
            self.end_write();
            e.add(self.val_off)
        }
    }

    unsafe fn delete(&mut self, key: *const u8) {
        // SAFETY: key is a valid key.
        unsafe {
            let h = self.hash_key(key) | LIVE;
            self.begin_write();
            if let Some(s) = self.find(h, key) {
                let e = self.slot_entry(s);
                *(e as *mut u64) = 0;
                *self.index.add(s) = TOMB;
                self.count -= 1;
            }
            self.end_write();
        }
    }

    fn clear(&mut self) {
        self.begin_write();
        for i in 0..self.used {
            // SAFETY: i < used.
            unsafe { *(self.entry(self.entries, i) as *mut u64) = 0 };
        }
        self.count = 0;
        self.epoch += 1;
        self.alloc_arrays(MIN_CAP);
        self.end_write();
    }
}

fn key_class(k: &Type) -> KeyClass {
    match k.kind() {
        kind if is_memory_kind(kind) && k.size() == 8 => KeyClass::Word,
        kind if is_memory_kind(kind) => KeyClass::SmallWord,
        Kind::String => KeyClass::Str,
        _ => KeyClass::Generic,
    }
}

/// The most entries `make(map, hint)` reserves space for before any insertion.
const PREALLOC_MAX: usize = 1 << 20;

/// Creates a map for a map type descriptor (`kind == Map`, `key` and `elem` set).
///
/// # Safety
/// `maptyp` must be a valid map descriptor.
pub unsafe fn new_map(maptyp: *const Type, hint: isize) -> *mut GoMap {
    // SAFETY: caller guarantees validity.
    let (k, v) = unsafe { ((*maptyp).key(), (*maptyp).elem()) };
    let key_off = 8;
    let val_align = (v.align() as usize).clamp(1, 8);
    let val_off = round_up(key_off + k.size(), val_align);
    let entry_size = round_up(val_off + v.size(), 8);
    let m = alloc::alloc_zeroed(std::mem::size_of::<GoMap>(), 8) as *mut GoMap;
    // A hint is a hint (gc: `make(map[int]int, 1<<62)` runs): space for at most PREALLOC_MAX
    // entries is reserved up front, the map grows past it on demand.
    let want = if hint > 0 { (hint as usize).min(PREALLOC_MAX) } else { 0 };
    let cap = want.max(MIN_CAP).next_power_of_two();
    let mut gm = GoMap {
        typ: maptyp,
        count: 0,
        entries: std::ptr::null_mut(),
        used: 0,
        cap: 0,
        index: std::ptr::null_mut(),
        epoch: 0,
        live_iters: 0,
        entry_size,
        key_off,
        val_off,
        class: key_class(k),
        writing: AtomicU32::new(0),
    };
    gm.alloc_arrays(cap);
    // SAFETY: m is a fresh block of the right size and alignment.
    unsafe { m.write(gm) };
    m
}

/// gc's check of a key looked up in or deleted from a nil or empty map (`maps.mapKeyError`):
/// nothing is hashed, but a key holding an unhashable dynamic type still panics, with the
/// `runtime.Error` whose `Error()` is `hash of unhashable type: T` (T the innermost such type).
unsafe fn check_hashable(maptyp: *const Type, key: *const u8) {
    // SAFETY: maptyp valid, key points to a key value.
    unsafe {
        if let Some(t) = unhashable_in((*maptyp).key(), key) {
            let msg = format!("hash of unhashable type: {}", crate::typedesc::name_of(t));
            let msg: &'static str = Box::leak(msg.into_boxed_str());
            rterror::runtime_error(msg);
        }
    }
}

/// The first unhashable dynamic type inside the value of type `t` at `p` (interfaces are looked
/// through; arrays and structs walked in order), if any.
///
/// # Safety
/// `p` points to a value of type `t`.
unsafe fn unhashable_in(t: &Type, p: *const u8) -> Option<&'static Type> {
    // SAFETY: caller contract; descriptors are immutable and live forever.
    unsafe {
        match t.kind() {
            Kind::Interface => {
                let dt = hash::iface_dyn_type(t, p);
                if dt.is_null() {
                    return None;
                }
                let dt: &'static Type = &*dt;
                if !dt.comparable() {
                    return Some(dt);
                }
                let data = p.add(8);
                let v = if dt.is_direct_iface() { data } else { *(data as *const *const u8) };
                unhashable_in(dt, v)
            }
            Kind::Array => {
                let e = t.elem();
                (0..t.len()).find_map(|i| unhashable_in(e, p.add(i * e.size())))
            }
            Kind::Struct => t.fields().iter().find_map(|f| unhashable_in(&*f.typ, p.add(f.offset))),
            _ => None,
        }
    }
}

/// `make(map[K]V, hint)`. Negative or huge hints are treated as 0 / clamped, like gc.
///
/// # Safety
/// `maptyp` must be a valid map descriptor.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_makemap(maptyp: *const Type, hint: isize) -> *mut GoMap {
    crate::gc::safepoint();
    // SAFETY: forwarded.
    unsafe { new_map(maptyp, hint) }
}

/// `m[key]` lookup: pointer to the value, or null when absent (the compiler then uses the zero
/// value). `m` may be nil. Panics `runtime error: hash of unhashable type T` for interface keys
/// holding uncomparable dynamic types (on a nil or empty map gc's `hash of unhashable type: T`).
///
/// # Safety
/// `maptyp` is `m`'s type; `key` points to a key value.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_mapaccess(maptyp: *const Type, m: *mut GoMap, key: *const u8) -> *mut u8 {
    // SAFETY: forwarded contract.
    unsafe {
        if m.is_null() || (*m).count == 0 {
            check_hashable(maptyp, key);
            return std::ptr::null_mut();
        }
        (*m).access(key)
    }
}

/// [`gort_mapaccess`] for maps whose key is an 8-byte integer or pointer (`int`, `int64`, `uint`,
/// `uint64`, `uintptr`, `*T`), key passed by value.
///
/// # Safety
/// As [`gort_mapaccess`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_mapaccess_fast64(_maptyp: *const Type, m: *mut GoMap, key: u64) -> *mut u8 {
    if m.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: &key is a valid 8-byte key.
    unsafe { (*m).access(&key as *const u64 as *const u8) }
}

/// [`gort_mapaccess`] for `string` keys passed as (ptr, len).
///
/// # Safety
/// As [`gort_mapaccess`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_mapaccess_faststr(_maptyp: *const Type, m: *mut GoMap, kptr: *const u8, klen: isize) -> *mut u8 {
    if m.is_null() {
        return std::ptr::null_mut();
    }
    let k = GoString { ptr: kptr, len: klen };
    // SAFETY: &k is a valid string key.
    unsafe { (*m).access(&k as *const GoString as *const u8) }
}

#[cold]
fn nil_map_write() -> ! {
    rterror::runtime_error("assignment to entry in nil map")
}

/// `m[key] = ...`: returns a pointer to the value slot, inserting the key with a zero value first
/// when absent. Panics `assignment to entry in nil map` on a nil map, and for unhashable keys.
/// The pointer is valid until the next insertion: evaluate the assigned value before this call.
///
/// # Safety
/// `maptyp` is `m`'s type; `key` points to a key value.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_mapassign(maptyp: *const Type, m: *mut GoMap, key: *const u8) -> *mut u8 {
    crate::gc::safepoint();
    if m.is_null() {
        // gc hashes first, so an unhashable key panics with the hash error.
        // SAFETY: forwarded.
        unsafe { check_hashable(maptyp, key) };
        nil_map_write();
    }
    // SAFETY: forwarded contract.
    unsafe { (*m).assign(key) }
}

/// [`gort_mapassign`] for 8-byte integer/pointer keys.
///
/// # Safety
/// As [`gort_mapassign`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_mapassign_fast64(_maptyp: *const Type, m: *mut GoMap, key: u64) -> *mut u8 {
    crate::gc::safepoint();
    if m.is_null() {
        nil_map_write();
    }
    // SAFETY: &key is a valid key.
    unsafe { (*m).assign(&key as *const u64 as *const u8) }
}

/// [`gort_mapassign`] for string keys.
///
/// # Safety
/// As [`gort_mapassign`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_mapassign_faststr(_maptyp: *const Type, m: *mut GoMap, kptr: *const u8, klen: isize) -> *mut u8 {
    crate::gc::safepoint();
    if m.is_null() {
        nil_map_write();
    }
    let k = GoString { ptr: kptr, len: klen };
    // SAFETY: &k is a valid key.
    unsafe { (*m).assign(&k as *const GoString as *const u8) }
}

/// `delete(m, key)`; no-op on a nil map or absent key (still panics for unhashable keys).
///
/// # Safety
/// `maptyp` is `m`'s type; `key` points to a key value.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_mapdelete(maptyp: *const Type, m: *mut GoMap, key: *const u8) {
    // SAFETY: forwarded contract.
    unsafe {
        if m.is_null() || (*m).count == 0 {
            check_hashable(maptyp, key);
            return;
        }
        (*m).delete(key)
    }
}

/// `delete(m, key)` for 8-byte integer/pointer keys.
///
/// # Safety
/// As [`gort_mapdelete`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_mapdelete_fast64(_maptyp: *const Type, m: *mut GoMap, key: u64) {
    if !m.is_null() {
        // SAFETY: &key is a valid key.
        unsafe { (*m).delete(&key as *const u64 as *const u8) }
    }
}

/// `delete(m, key)` for string keys.
///
/// # Safety
/// As [`gort_mapdelete`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_mapdelete_faststr(_maptyp: *const Type, m: *mut GoMap, kptr: *const u8, klen: isize) {
    if !m.is_null() {
        let k = GoString { ptr: kptr, len: klen };
        // SAFETY: &k is a valid key.
        unsafe { (*m).delete(&k as *const GoString as *const u8) }
    }
}

/// `len(m)`; 0 for a nil map.
///
/// # Safety
/// `m` null or a valid map.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_maplen(m: *const GoMap) -> isize {
    // SAFETY: m is null or valid.
    if m.is_null() { 0 } else { unsafe { (*m).count as isize } }
}

/// `clear(m)`: removes every entry (no-op on nil). Entries not yet reached by a running `range`
/// are not produced.
///
/// # Safety
/// `m` null or a valid map.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_mapclear(_maptyp: *const Type, m: *mut GoMap) {
    if !m.is_null() {
        // SAFETY: m valid.
        unsafe { (*m).clear() }
    }
}

// MapIter.private layout.
const IT_MAP: usize = 0;
const IT_POS: usize = 1;
const IT_EPOCH: usize = 2;
const IT_OLD: usize = 3;
const IT_OLD_USED: usize = 4;
/// The group (8 positions) the walk starts at, and the offset inside every group.
const IT_START_GROUP: usize = 5;
const IT_OFFSET: usize = 6;
const IT_DONE: usize = usize::MAX;
/// Positions per group of the randomised walk (gc's bucket size).
const GROUP: usize = 8;

/// The `i`-th entry position of a randomised walk over `n` positions (`i < groups * GROUP`), or
/// `None` for a position past `n` in the last, partial group.
fn walk_position(i: usize, n: usize, start_group: usize, offset: usize) -> Option<usize> {
    let groups = n.div_ceil(GROUP);
    let group = (start_group + i / GROUP) % groups;
    let pos = group * GROUP + (offset + i) % GROUP;
    (pos < n).then_some(pos)
}

/// Starts `for k, v := range m` and advances to the first entry: afterwards `it.key` is null when
/// there is none, else `it.key`/`it.val` point to the first entry. `m` may be nil.
///
/// # Safety
/// `it` points to [`MAP_ITER_SIZE`] writable bytes; `m` null or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_mapiterinit(_maptyp: *const Type, m: *mut GoMap, it: *mut MapIter) {
    // SAFETY: caller contract.
    unsafe {
        let it = &mut *it;
        it.key = std::ptr::null_mut();
        it.val = std::ptr::null_mut();
        it.private = [m as usize, 0, 0, 0, 0, 0, 0];
        if m.is_null() {
            it.private[IT_POS] = IT_DONE;
            return;
        }
        let mm = &mut *m;
        it.private[IT_EPOCH] = mm.epoch as usize;
        it.private[IT_OLD] = mm.entries as usize;
        it.private[IT_OLD_USED] = mm.used;
        let r = crate::fastrand::next_u64() as usize;
        it.private[IT_START_GROUP] = (r >> 3) % mm.used.div_ceil(GROUP).max(1);
        it.private[IT_OFFSET] = r % GROUP;
        mm.live_iters += 1;
        iter_next(it);
    }
}

/// Advances a map iterator: `it.key` becomes null at the end, else `it.key`/`it.val` point to the
/// next entry. Calling it again after the end is harmless. Also returns the new `it.key`.
///
/// # Safety
/// `it` initialised by [`gort_mapiterinit`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_mapiternext(it: *mut MapIter) -> *mut u8 {
    // SAFETY: forwarded.
    unsafe {
        iter_next(it);
        (*it).key
    }
}

unsafe fn iter_next(it: *mut MapIter) {
    // SAFETY: caller contract; all entry pointers computed stay inside the arrays they index.
    unsafe {
        let it = &mut *it;
        if it.private[IT_POS] == IT_DONE {
            it.key = std::ptr::null_mut();
            return;
        }
        let m = &mut *(it.private[IT_MAP] as *mut GoMap);
        if m.writing.load(Ordering::Relaxed) != 0 {
            concurrent("concurrent map iteration and map write");
        }
        loop {
            let same_epoch = m.epoch as usize == it.private[IT_EPOCH];
            let entries = if same_epoch { m.entries } else { it.private[IT_OLD] as *mut u8 };
            let n = it.private[IT_OLD_USED];
            let i = it.private[IT_POS];
            if i >= n.div_ceil(GROUP) * GROUP {
                it.private[IT_POS] = IT_DONE;
                it.key = std::ptr::null_mut();
                it.val = std::ptr::null_mut();
                m.live_iters -= 1;
                return;
            }
            it.private[IT_POS] = i + 1;
            let Some(pos) = walk_position(i, n, it.private[IT_START_GROUP], it.private[IT_OFFSET]) else {
                continue;
            };
            let e = m.entry(entries, pos);
            let hdr = *(e as *const u64);
            if hdr == 0 {
                continue;
            }
            let k = e.add(m.key_off);
            if same_epoch {
                it.key = k;
                it.val = e.add(m.val_off);
                return;
            }
            // The map was compacted since the loop started: trust only the live map.
            if let Some(s) = m.find(hdr, k) {
                let le = m.slot_entry(s);
                it.key = le.add(m.key_off);
                it.val = le.add(m.val_off);
                return;
            }
            if !m.key_eq(k, k) {
                // NaN keys cannot be looked up; they can only be removed by clear, which also
                // marks the old array's entries deleted.
                it.key = k;
                it.val = e.add(m.val_off);
                return;
            }
        }
    }
}

/// Live entries of a map as (key, value) pointer pairs in iteration order (used by fmt).
///
/// # Safety
/// `m` null or valid; the pointers are valid until the map is next modified.
pub unsafe fn entries(m: *const GoMap) -> Vec<(*mut u8, *mut u8)> {
    let mut out = Vec::new();
    if m.is_null() {
        return out;
    }
    // SAFETY: m valid.
    let m = unsafe { &*m };
    for i in 0..m.used {
        let e = m.entry(m.entries, i);
        // SAFETY: i < used.
        if unsafe { *(e as *const u64) } != 0 {
            // SAFETY: offsets within the entry.
            out.push(unsafe { (e.add(m.key_off), e.add(m.val_off)) });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typedesc::*;

    fn int_map() -> &'static Type {
        map_of(predeclared(Kind::Int), predeclared(Kind::Int))
    }

    #[test]
    fn many_int_keys_growth_and_delete() {
        let t = int_map();
        // SAFETY: test drives the API with valid arguments throughout.
        unsafe {
            let m = gort_makemap(t, 0);
            for i in 0..100_000i64 {
                *(gort_mapassign_fast64(t, m, (i * 1024) as u64) as *mut i64) = i;
            }
            assert_eq!(gort_maplen(m), 100_000);
            for i in (0..100_000i64).step_by(2) {
                gort_mapdelete_fast64(t, m, (i * 1024) as u64);
            }
            assert_eq!(gort_maplen(m), 50_000);
            for i in 0..100_000i64 {
                let p = gort_mapaccess(t, m, &(i * 1024) as *const i64 as *const u8);
                if i % 2 == 0 {
                    assert!(p.is_null());
                } else {
                    assert_eq!(*(p as *const i64), i);
                }
            }
            // churn: insert/delete keeps working through compactions
            for i in 0..200_000i64 {
                *(gort_mapassign_fast64(t, m, ((1i64 << 40) + i) as u64) as *mut i64) = i;
                gort_mapdelete_fast64(t, m, ((1i64 << 40) + i) as u64);
            }
            assert_eq!(gort_maplen(m), 50_000);
            // iteration produces every live entry once
            let mut it = std::mem::zeroed::<MapIter>();
            gort_mapiterinit(t, m, &mut it);
            let mut seen = std::collections::HashSet::new();
            while !it.key.is_null() {
                let v = *(it.val as *const i64);
                assert!(v % 2 == 1 && seen.insert(v));
                gort_mapiternext(&mut it);
            }
            assert_eq!(seen.len(), 50_000);
        }
    }

    #[test]
    fn walk_positions_are_a_permutation() {
        for n in [1usize, 2, 7, 8, 9, 16, 17, 100] {
            for start in 0..n.div_ceil(GROUP) {
                for off in 0..GROUP {
                    let mut v: Vec<usize> =
                        (0..n.div_ceil(GROUP) * GROUP).filter_map(|i| walk_position(i, n, start, off)).collect();
                    v.sort();
                    assert_eq!(v, (0..n).collect::<Vec<_>>(), "n={n} start={start} off={off}");
                }
            }
        }
    }

    /// gc randomises the order of every `range` over a map; so does gojit.
    #[test]
    fn iteration_order_varies_between_loops() {
        let t = int_map();
        // SAFETY: valid API use.
        unsafe {
            let m = gort_makemap(t, 0);
            for i in 0..20u64 {
                *(gort_mapassign_fast64(t, m, i) as *mut i64) = i as i64;
            }
            let mut orders = std::collections::HashSet::new();
            for _ in 0..20 {
                let mut it = std::mem::zeroed::<MapIter>();
                gort_mapiterinit(t, m, &mut it);
                let mut order = vec![];
                while !it.key.is_null() {
                    order.push(*(it.key as *const u64));
                    gort_mapiternext(&mut it);
                }
                assert_eq!(order.len(), 20);
                orders.insert(order);
            }
            assert!(orders.len() > 1, "20 loops over a 20-entry map all had the same order");
        }
    }

    #[test]
    fn delete_during_iteration_and_compaction() {
        let t = int_map();
        // SAFETY: valid API use.
        unsafe {
            let m = gort_makemap(t, 0);
            for i in 0..1000u64 {
                *(gort_mapassign_fast64(t, m, i) as *mut i64) = i as i64;
            }
            let mut it = std::mem::zeroed::<MapIter>();
            gort_mapiterinit(t, m, &mut it);
            let mut seen = std::collections::HashSet::new();
            let mut deleted = false;
            while !it.key.is_null() {
                let k = *(it.key as *const u64);
                assert!(seen.insert(k), "key {k} produced twice");
                assert!(!deleted || k % 3 != 0 || k < 12, "deleted key {k} produced");
                if !deleted && k % 3 != 0 {
                    // delete every multiple of 3 from 12 on (those not reached yet must not be
                    // produced), then force compactions
                    deleted = true;
                    for j in (12..1000).step_by(3) {
                        gort_mapdelete_fast64(t, m, j);
                    }
                    for j in 5000..9000u64 {
                        gort_mapassign_fast64(t, m, j);
                        gort_mapdelete_fast64(t, m, j);
                    }
                }
                gort_mapiternext(&mut it);
            }
            assert!(seen.len() >= 1000 - 330);
        }
    }

    #[test]
    fn string_float_interface_keys() {
        let st = predeclared(Kind::String);
        let ft = predeclared(Kind::Float64);
        let any = interface("interface {}", &[]);
        // SAFETY: valid API use.
        unsafe {
            let m = gort_makemap(map_of(st, predeclared(Kind::Int)), 0);
            let a = GoString::from_static(b"hello");
            let b = GoString::from_static(b"hello world");
            *(gort_mapassign_faststr(std::ptr::null(), m, a.ptr, a.len) as *mut i64) = 1;
            *(gort_mapassign(map_of(st, st), m, &b as *const GoString as *const u8) as *mut i64) = 2;
            let a2 = b"xhello";
            assert_eq!(*(gort_mapaccess_faststr(std::ptr::null(), m, a2.as_ptr().add(1), 5) as *const i64), 1);
            assert_eq!(gort_maplen(m), 2);

            let fm_t = map_of(ft, predeclared(Kind::Int));
            let fm = gort_makemap(fm_t, 0);
            let (pz, nz, nan) = (0.0f64, -0.0f64, f64::NAN);
            gort_mapassign(fm_t, fm, &pz as *const f64 as *const u8);
            gort_mapassign(fm_t, fm, &nz as *const f64 as *const u8);
            assert_eq!(gort_maplen(fm), 1);
            gort_mapassign(fm_t, fm, &nan as *const f64 as *const u8);
            gort_mapassign(fm_t, fm, &nan as *const f64 as *const u8);
            assert_eq!(gort_maplen(fm), 3);
            assert!(gort_mapaccess(fm_t, fm, &nan as *const f64 as *const u8).is_null());

            let im_t = map_of(any, predeclared(Kind::Int));
            let im = gort_makemap(im_t, 0);
            let one = 1i64;
            let k1 = Eface { typ: predeclared(Kind::Int), data: &one as *const i64 as *mut u8 };
            let one2 = 1i64;
            let k2 = Eface { typ: predeclared(Kind::Int), data: &one2 as *const i64 as *mut u8 };
            let k3 = Eface { typ: predeclared(Kind::Int64), data: &one2 as *const i64 as *mut u8 };
            *(gort_mapassign(im_t, im, &k1 as *const Eface as *const u8) as *mut i64) = 7;
            assert_eq!(*(gort_mapaccess(im_t, im, &k2 as *const Eface as *const u8) as *const i64), 7);
            assert!(gort_mapaccess(im_t, im, &k3 as *const Eface as *const u8).is_null());
        }
    }
}

#[cfg(test)]
mod bench {
    use super::*;
    use crate::typedesc::*;

    /// Rough timing (run with `cargo test --release -p gojit-runtime -- --ignored --nocapture`).
    #[test]
    #[ignore]
    fn map_timing() {
        let t = map_of(predeclared(Kind::Int), predeclared(Kind::Int));
        let st = map_of(predeclared(Kind::String), predeclared(Kind::Int));
        let n = 1_000_000u64;
        // SAFETY: valid API use.
        unsafe {
            let m = gort_makemap(t, 0);
            let t0 = std::time::Instant::now();
            for i in 0..n {
                *(gort_mapassign_fast64(t, m, i.wrapping_mul(0x9E3779B97F4A7C15)) as *mut u64) = i;
            }
            let t1 = t0.elapsed();
            let t0 = std::time::Instant::now();
            let mut s = 0u64;
            for i in 0..n {
                s += *(gort_mapaccess(t, m, &i.wrapping_mul(0x9E3779B97F4A7C15) as *const u64 as *const u8) as *const u64);
            }
            let t2 = t0.elapsed();
            let keys: Vec<GoString> = (0..n).map(|i| GoString::from_static(Box::leak(format!("key{i}").into_boxed_str()).as_bytes())).collect();
            let sm = gort_makemap(st, 0);
            let t0 = std::time::Instant::now();
            for (i, k) in keys.iter().enumerate() {
                *(gort_mapassign_faststr(st, sm, k.ptr, k.len) as *mut u64) = i as u64;
            }
            let t3 = t0.elapsed();
            let t0 = std::time::Instant::now();
            for k in keys.iter() {
                s += *(gort_mapaccess_faststr(st, sm, k.ptr, k.len) as *const u64);
            }
            let t4 = t0.elapsed();
            eprintln!(
                "int insert {:.1} ns/op, int lookup {:.1} ns/op, str insert {:.1} ns/op, str lookup {:.1} ns/op ({s})",
                t1.as_nanos() as f64 / n as f64,
                t2.as_nanos() as f64 / n as f64,
                t3.as_nanos() as f64 / n as f64,
                t4.as_nanos() as f64 / n as f64
            );
        }
    }
}
