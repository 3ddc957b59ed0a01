//! The runtime side of GOROOT's `reflect` (and of the `internal/runtime/maps` functions its
//! imports link to): the entry points its body-less, `//go:linkname`d functions are hooked to
//! (`src/lower/hooks.rs`), over gojit's gc-layout descriptors (`abi`) and gojit's own maps.
//!
//! gojit's maps are not gc's swiss tables, so reflect's `mapIterStart`/`mapIterNext` (whose Go
//! bodies drive `internal/runtime/maps.Iter` over a swiss table) are replaced by
//! [`gort_reflect_mapiterstart`]/[`gort_reflect_mapiternext`], which run gojit's map iterator
//! inside the `maps.Iter` value reflect allocates: `key` and `elem` stay in its first two words
//! (what `Iter.Key`/`Elem` read), `typ` and `m` in theirs (`Initialized`, `Map`), and the other
//! private words of gojit's iterator in `Iter`'s later words, the two pointers among them (the
//! map and the entries array it started on) in pointer-typed words so a heap `MapIter` keeps
//! them alive.
//!
//! `ifaceE2I` and `typedmemmove` are the runtime's own (`iface`, `slice`), shared with
//! internal/reflectlite.
//!
//! `reflect.call` and the `MakeFunc`/method-value stubs are `reflectcall.rs`; the channel
//! operations are `chan/select.rs`'s.

use crate::abi::{GoSlice, GoString, MapIter, Type};
use crate::{alloc, rterror};

/// `maps.Iter` as Go 1.27 lays it out (`internal/runtime/maps/table.go`), in words: key, elem,
/// typ, m, entryOffset, dirOffset, clearSeq, globalDepth (a byte), dirIdx, tab, group, entryIdx.
const ITER_WORDS: usize = 12;
const ITER_KEY: usize = 0;
const ITER_ELEM: usize = 1;
const ITER_TYP: usize = 2;
/// Where each word of gojit's `MapIter::private` lives in a `maps.Iter`: the map pointer in
/// `m`, the entries array in `tab` (both pointer words), the scalars in scalar words.
const PRIVATE_SLOTS: [usize; 7] = [3, 4, 5, 9, 6, 8, 11];

/// # Safety
/// `it` points to a `maps.Iter` (12 writable words).
unsafe fn load_iter(it: *const usize) -> MapIter {
    // SAFETY: caller contract.
    unsafe {
        let mut m = MapIter { key: *it.add(ITER_KEY) as *mut u8, val: *it.add(ITER_ELEM) as *mut u8, private: [0; 7] };
        for (k, &w) in PRIVATE_SLOTS.iter().enumerate() {
            m.private[k] = *it.add(w);
        }
        m
    }
}

/// # Safety
/// `it` points to a `maps.Iter` (12 writable words).
unsafe fn store_iter(it: *mut usize, m: &MapIter) {
    // SAFETY: caller contract.
    unsafe {
        *it.add(ITER_KEY) = m.key as usize;
        *it.add(ITER_ELEM) = m.val as usize;
        for (k, &w) in PRIVATE_SLOTS.iter().enumerate() {
            *it.add(w) = m.private[k];
        }
    }
}

/// `reflect.mapIterStart(t *abi.MapType, m *maps.Map, it *maps.Iter)`: starts iterating `m` and
/// advances to the first entry (`it.Key()` is nil when there is none).
///
/// # Safety
/// `t` is `m`'s map type; `m` null or a gojit map; `it` a writable `maps.Iter`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_mapiterstart(t: *const Type, m: *mut u8, it: *mut usize) {
    let _ = ITER_WORDS;
    let mut g = MapIter { key: std::ptr::null_mut(), val: std::ptr::null_mut(), private: [0; 7] };
    // SAFETY: caller contract; gort_mapiterinit fills g.
    unsafe {
        crate::map::gort_mapiterinit(t, m.cast(), &mut g);
        *it.add(ITER_TYP) = t as usize;
        store_iter(it, &g);
    }
}

/// `reflect.mapIterNext(it *maps.Iter)`.
///
/// # Safety
/// `it` started by [`gort_reflect_mapiterstart`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_mapiternext(it: *mut usize) {
    // SAFETY: caller contract.
    unsafe {
        let mut g = load_iter(it);
        crate::map::gort_mapiternext(&mut g);
        store_iter(it, &g);
    }
}

/// `reflect.mapaccess`: the element's address, or nil when `key` is absent.
///
/// # Safety
/// As `map::gort_mapaccess`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_mapaccess(t: *const Type, m: *mut u8, key: *const u8) -> *mut u8 {
    // SAFETY: forwarded (gojit's mapaccess returns null for an absent key).
    unsafe { crate::map::gort_mapaccess(t, m.cast(), key) }
}

/// `reflect.mapaccess_faststr`.
///
/// # Safety
/// As `map::gort_mapaccess_faststr`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_mapaccess_faststr(t: *const Type, m: *mut u8, kp: *const u8, kl: isize) -> *mut u8 {
    // SAFETY: forwarded.
    unsafe { crate::map::gort_mapaccess_faststr(t, m.cast(), kp, kl) }
}

/// The element type of map type `t`.
///
/// # Safety
/// `t` is a map type descriptor.
unsafe fn map_elem(t: *const Type) -> *const Type {
    // SAFETY: caller contract.
    unsafe { (*(t as *const crate::abi::MapType)).elem }
}

/// `reflect.mapassign0(t, m, key, val)`: `m[*key] = *val`.
///
/// # Safety
/// As `map::gort_mapassign`; `val` points to an element.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_mapassign(t: *const Type, m: *mut u8, key: *const u8, val: *const u8) {
    // SAFETY: forwarded; the slot holds one element.
    unsafe {
        let slot = crate::map::gort_mapassign(t, m.cast(), key);
        std::ptr::copy(val, slot, (*map_elem(t)).size());
    }
}

/// `reflect.mapassign_faststr0(t, m, key string, val)`.
///
/// # Safety
/// As [`gort_reflect_mapassign`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_mapassign_faststr(t: *const Type, m: *mut u8, kp: *const u8, kl: isize, val: *const u8) {
    // SAFETY: forwarded; the slot holds one element.
    unsafe {
        let slot = crate::map::gort_mapassign_faststr(t, m.cast(), kp, kl);
        std::ptr::copy(val, slot, (*map_elem(t)).size());
    }
}

/// `reflect.unsafe_NewArray(t, n)`: a zeroed `[n]t`.
///
/// # Safety
/// `t` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_newarray(t: *const Type, n: isize) -> *mut u8 {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    let t = unsafe { &*t };
    if n < 0 || (t.size() != 0 && n as usize > isize::MAX as usize / t.size()) {
        rterror::plain_panic("runtime: allocation size out of range")
    }
    if t.size() == 0 {
        return alloc::zero_base();
    }
    alloc::alloc_array(t, n as usize)
}

/// `typedmemclr(t, p)`: zeroes one `t`.
///
/// # Safety
/// `p` points to a `t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_typedmemclr(t: *const Type, p: *mut u8) {
    // SAFETY: caller contract.
    unsafe { std::ptr::write_bytes(p, 0, (*t).size()) }
}

/// `reflect.typedmemclrpartial(t, p, off, size)`: zeroes `size` bytes at `p + off`.
///
/// # Safety
/// The bytes are inside the `t` at `p`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_typedmemclrpartial(_t: *const Type, p: *mut u8, off: usize, size: usize) {
    // SAFETY: caller contract.
    unsafe { std::ptr::write_bytes(p.add(off), 0, size) }
}

/// `reflect.typedarrayclear(elem, p, n)`: zeroes `[n]elem`.
///
/// # Safety
/// `p` points to `n` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_typedarrayclear(t: *const Type, p: *mut u8, n: isize) {
    // SAFETY: caller contract.
    unsafe { std::ptr::write_bytes(p, 0, (*t).size() * n as usize) }
}

/// `reflect.growslice(t, old, num)` (gc's `reflect_growslice`): `old` with room for `num` more
/// elements past its length, the length unchanged; the new tail is zeroed. The slice headers
/// travel by address (`unsafeheader.Slice` is a struct): `old` in, the result through `out`.
///
/// # Safety
/// `t` the element type; `old` a valid slice of it; `out` writable for a slice header.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_growslice(t: *const Type, old: *const GoSlice, num: isize, out: *mut GoSlice) {
    // SAFETY: caller contract; gort_growslice zeroes what it does not copy.
    unsafe {
        let old = *old;
        let mut grown = old;
        crate::slice::gort_growslice(t, &old, num, &mut grown);
        grown.len = old.len;
        out.write(grown);
    }
}

/// `reflect.typedslicecopy(t, dst, src)` (gc's `reflect_typedslicecopy`): copies
/// `min(len(dst), len(src))` elements of type `t` from `src` to `dst` (overlap allowed) and
/// returns that count. No write barrier: the collector stops the world to mark and never moves
/// objects, so a plain memmove of pointer words is what `typedmemmove` does too. The headers
/// travel by address (`unsafeheader.Slice` is a struct).
///
/// # Safety
/// `t` the element type; `dst` and `src` valid slices of it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_typedslicecopy(t: *const Type, dst: *const GoSlice, src: *const GoSlice) -> isize {
    // SAFETY: caller contract: both headers are readable, their ranges valid for their lengths.
    unsafe {
        let (d, s) = (*dst, *src);
        crate::slice::gort_slicecopy(d.ptr, d.len, s.ptr, s.len, (*t).size())
    }
}

/// `reflect.verifyNotInHeapPtr(p)`: gojit has no not-in-heap memory a pointer could wrongly
/// point into (gc's check is for `runtime/internal/sys.NotInHeap` objects), so every `p` is fine.
#[unsafe(no_mangle)]
pub extern "C" fn gort_reflect_verify_not_in_heap_ptr(_p: usize) -> bool {
    true
}

/// gc's `staticuint64s`: the values 0..255 (reflect boxes small integers into them).
static STATIC_UINT64S: [u64; 256] = {
    let mut a = [0u64; 256];
    let mut i = 0;
    while i < 256 {
        a[i] = i as u64;
        i += 1;
    }
    a
};

/// `reflect.getStaticuint64s()`.
#[unsafe(no_mangle)]
pub extern "C" fn gort_reflect_staticuint64s() -> *const u64 {
    STATIC_UINT64S.as_ptr()
}

/// gc's typelinks of the program: the unnamed pointer, channel, map, slice, array, func and
/// struct descriptors the compiler and runtime built, sorted by string, in persistent memory (they
/// point into the never-freed descriptor region). Rebuilt when descriptors were added since.
fn typelinks() -> GoSlice {
    use crate::abi::Kind;
    static CACHE: std::sync::Mutex<(usize, usize, isize)> = std::sync::Mutex::new((0, 0, 0));
    let all = crate::abi::module::types();
    let mut c = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if c.0 != all.len() || c.1 == 0 {
        let mut links: Vec<*const Type> = all
            .iter()
            .copied()
            .filter(|&t| {
                // SAFETY: registered descriptors are complete before Go code runs.
                let t = unsafe { &*t };
                !t.has_name()
                    && t.str_ != 0
                    && matches!(t.kind(), Kind::Pointer | Kind::Chan | Kind::Map | Kind::Slice | Kind::Array | Kind::Func | Kind::Struct)
            })
            .collect();
        // SAFETY: as above.
        links.sort_by(|&a, &b| unsafe { (*a).string().cmp((*b).string()) });
        let p = alloc::alloc_persistent(links.len().max(1) * 8) as *mut *const Type;
        // SAFETY: fresh block of links.len() words.
        unsafe { std::ptr::copy_nonoverlapping(links.as_ptr(), p, links.len()) };
        *c = (all.len(), p as usize, links.len() as isize);
    }
    GoSlice { ptr: c.1 as *mut u8, len: c.2, cap: c.2 }
}

/// `reflect.compiledTypelinks()`: the program's typelinks (one module) and no other modules', so
/// `PointerTo`, `SliceOf`, `MapOf`, `FuncOf`, ... find the descriptor the compiler built for a
/// type (type identity is descriptor identity) before making a new one. Writes two slices.
///
/// # Safety
/// `out` writable for six words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_typelinks(out: *mut [usize; 6]) {
    let l = typelinks();
    // SAFETY: caller contract.
    unsafe { out.write([l.ptr as usize, l.len as usize, l.cap as usize, 0, 0, 0]) }
}

/// `reflect.adjustAIXGCDataForRuntime(p)`: the identity off AIX.
#[unsafe(no_mangle)]
pub extern "C" fn gort_reflect_adjust_gcdata(p: *mut u8) -> *mut u8 {
    p
}

/// `reflect.addReflectOff(p)`: an offset `off` with `resolveNameOff(_, off) == p`. Region
/// addresses (every descriptor and name the compiler or runtime built) are their offset; a name
/// reflect built on the heap (`newName`, for the `*T`, `[]T`, ... types it makes) is copied into
/// the region (names are self-contained and never change). Types and code reflect would
/// register from the heap (`StructOf` with embedded interfaces' methods) are not supported.
///
/// # Safety
/// `p` points into the region or to an encoded name.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_addreflectoff(p: *const u8) -> i32 {
    let base = crate::abi::module::base();
    if (p as usize) >= base && (p as usize) < base + crate::abi::module::REGION_SIZE {
        return crate::abi::module::off_of(p);
    }
    // SAFETY: caller contract (a heap name lives as long as the program may use it: we copy it).
    let len = unsafe { crate::abi::Name::from_ptr(p).encoded_len() };
    // SAFETY: the encoding is `len` bytes long.
    let bytes = unsafe { std::slice::from_raw_parts(p, len) };
    crate::abi::module::name(bytes)
}

/// `internal/runtime/maps.typeString(t)`: `t`'s string, as gc's `toRType(t).string()`.
///
/// # Safety
/// `t` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_typestring(t: *const Type) -> GoString {
    // SAFETY: caller contract.
    crate::gostring::new_string(unsafe { (*t).string() })
}

/// `internal/runtime/maps.memHashAES(p, h, s)`: gojit's memory hash of `s` bytes at `p` with
/// seed `h` (reached only through swiss-table code gojit's maps never run).
///
/// # Safety
/// `p` readable for `s` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_memhash(p: *const u8, h: usize, s: usize) -> usize {
    // SAFETY: caller contract.
    let b = unsafe { crate::gostring::bytes(p, s as isize) };
    crate::hash::finish(crate::hash::hash_bytes(h as u64, b)) as usize
}

/// `reflect.typehash(t, p, h)`: the hash gojit's maps use for the `t` at `p`, seeded with `h`
/// (reflect hashes the type strings and parameters of the func, map and struct types it builds).
///
/// # Safety
/// `p` points to a `t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_typehash(t: *const Type, p: *const u8, h: usize) -> usize {
    // SAFETY: caller contract.
    unsafe { crate::hash::typehash(&*t, p, h as u64) as usize }
}

/// `reflect.makechan(typ, size)`: a channel of the channel type `typ` (gojit's `makechan`
/// takes the element size).
///
/// # Safety
/// `typ` a channel type descriptor.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_makechan(typ: *const Type, size: isize) -> *mut crate::chan::chan::Chan {
    // SAFETY: caller contract.
    let elem = unsafe { (*(typ as *const crate::abi::ChanType)).elem };
    // SAFETY: a channel type's element is a valid descriptor.
    crate::chan::chan::gort_makechan(unsafe { (*elem).size() }, size as i64)
}
