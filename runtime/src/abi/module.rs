//! The module region: where every type descriptor, encoded name and method-code slot of the
//! running program lives, and gc's `resolveNameOff`/`resolveTypeOff`/`resolveTextOff` over it.
//!
//! gc resolves a descriptor's 32-bit offsets against the `moduledata` whose `[types, etypes)`
//! holds the descriptor. gojit has one module per process: one `MAP_NORESERVE` reservation of
//! [`REGION_SIZE`] bytes (so every offset fits an `int32`), bump-allocated, holding both the
//! runtime's own descriptors and those the compiler builds for the program.
//!
//! Invariants:
//! * Region memory is zero-filled, never freed and never moves; everything in it is written
//!   before any Go code reads it (descriptors are built at compile time or in the runtime's
//!   one-time initialisers; method slots are written when the JIT module is finalized).
//! * `NameOff`/`TypeOff` `x` of any descriptor denotes `base + x`; offset 0 is "none".
//! * A `TextOff` `x` denotes the code address stored in the word at `base + x`: JIT code is not
//!   laid out at a fixed distance from the region, so methods refer to a code slot instead
//!   (gc's -1, "no code", is kept). Only [`resolve_text_off`] interprets it.
//! * Encoded names are deduplicated by content (gc shares `type:.namedata.*` symbols the same way).
//! * Equal/Hasher func values are closures `[code, type]` in the region whose code is the
//!   runtime's `gort_alg_equal`/`gort_alg_hash` (integer-only arguments, so callable from Go's
//!   `tail` convention with the closure pointer as `ctx`, like every `Tail` entry).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use super::r#type::{NameOff, TextOff, Type, TypeOff};

/// Bytes reserved for the region (offsets must fit in an `int32`; descriptors of large programs
/// take a few MiB).
pub const REGION_SIZE: usize = 256 << 20;

/// Where the region is mapped when that address is free (else where the kernel puts it):
/// 256 GiB, above the data segment's reservation (`mem::data`) and below gc's heap hints. A fixed
/// base makes the descriptor addresses compiled into code the same in every run of a program, so
/// its functions' IR, and with it their code-cache keys (`src/jit/codegen.rs`), repeat.
pub const REGION_BASE: usize = 256 << 30;

struct Region {
    base: usize,
    state: Mutex<State>,
}

struct State {
    used: usize,
    names: HashMap<Vec<u8>, NameOff>,
    /// Pointer masks by content (gc's `runtime.gcbits.*` symbols), 8-aligned.
    masks: HashMap<Vec<u8>, usize>,
    /// Every descriptor `build::alloc` made, in allocation order (gc's typelinks are a subset).
    types: Vec<usize>,
    /// Region words holding the code address of a runtime algorithm (`alg_closure`): the only
    /// addresses outside the region the region itself writes (the executable is position
    /// independent, so a [`Snapshot`] must rewrite them).
    alg_words: Vec<(usize, Alg)>,
}

fn region() -> &'static Region {
    static R: OnceLock<Region> = OnceLock::new();
    R.get_or_init(|| {
        let prot = libc::PROT_READ | libc::PROT_WRITE;
        let fixed = crate::mem::sys::sys_reserve_at(REGION_BASE, REGION_SIZE, prot);
        let Some(p) = fixed.or_else(|| crate::mem::sys::sys_reserve(REGION_SIZE, prot)) else {
            crate::rterror::fatal("runtime: cannot reserve the type descriptor region");
        };
        // Offset 0 means "none": keep the first word unused.
        Region {
            base: p,
            state: Mutex::new(State { used: 16, names: HashMap::new(), masks: HashMap::new(), types: Vec::new(), alg_words: Vec::new() }),
        }
    })
}

fn lock() -> std::sync::MutexGuard<'static, State> {
    region().state.lock().unwrap_or_else(|e| e.into_inner())
}

/// Maps the region now (the JIT calls this before it allocates code memory, so the reservation
/// never lands between two of a program's code allocations).
pub fn reserve() {
    region();
}

/// The region's base address (gc's `moduledata.types`).
pub fn base() -> usize {
    region().base
}

/// Zeroed region memory of `size` bytes aligned to `align` (a power of two, at most 4096).
pub fn alloc(size: usize, align: usize) -> *mut u8 {
    let r = region();
    let mut st = lock();
    let off = (st.used + align - 1) & !(align - 1);
    if off + size > REGION_SIZE {
        drop(st);
        crate::rterror::fatal("runtime: type descriptor region exhausted");
    }
    st.used = off + size;
    (r.base + off) as *mut u8
}

/// Records descriptor `t` (made by `build::alloc`) for [`types`].
pub fn register_type(t: *const Type) {
    lock().types.push(t as usize);
}

/// Every descriptor made so far, in allocation order.
pub fn types() -> Vec<*const Type> {
    lock().types.iter().map(|&t| t as *const Type).collect()
}

/// The offset of region address `p` (a `NameOff` or `TypeOff`); 0 for null.
pub fn off_of(p: *const u8) -> i32 {
    if p.is_null() {
        return 0;
    }
    let off = p as usize - base();
    debug_assert!(off < REGION_SIZE, "abi: address outside the module region");
    off as i32
}

/// The `NameOff` of an encoded name (stored once per distinct encoding).
pub fn name(encoded: &[u8]) -> NameOff {
    if let Some(&off) = lock().names.get(encoded) {
        return off;
    }
    let p = alloc(encoded.len(), 1);
    // SAFETY: fresh region memory of encoded.len() bytes.
    unsafe { std::ptr::copy_nonoverlapping(encoded.as_ptr(), p, encoded.len()) };
    let off = off_of(p);
    lock().names.insert(encoded.to_vec(), off);
    off
}

/// An 8-aligned copy of pointer mask `bytes` in the region, shared by equal masks.
pub fn intern(bytes: &[u8], align: usize) -> *const u8 {
    if let Some(&p) = lock().masks.get(bytes) {
        return p as *const u8;
    }
    let p = alloc(bytes.len(), align);
    // SAFETY: fresh region memory of bytes.len() bytes.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len()) };
    lock().masks.insert(bytes.to_vec(), p as usize);
    p
}

/// A new method-code slot holding `code` (null until patched); returns its `TextOff` and address.
pub fn text_slot(code: *const u8) -> (TextOff, *mut usize) {
    let p = alloc(8, 8) as *mut usize;
    // SAFETY: fresh, aligned region word.
    unsafe { *p = code as usize };
    (off_of(p as *const u8), p)
}

/// Which generated algorithm a closure calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alg {
    /// `func(p, q unsafe.Pointer) bool`: typed equality of `*p` and `*q`.
    Equal = 0,
    /// `func(p unsafe.Pointer, seed uintptr) uintptr`: typed hash of `*p`.
    Hash = 1,
}

/// A func value `[code, typ]` for `alg` of type `typ`.
pub fn alg_closure(alg: Alg, typ: *const Type) -> *const usize {
    let code = alg_code(alg);
    let p = alloc(16, 8) as *mut usize;
    lock().alg_words.push((p as usize - base(), alg));
    // SAFETY: fresh, aligned 16 bytes of region memory.
    unsafe {
        *p = code;
        *p.add(1) = typ as usize;
    }
    p
}

/// The code address of the runtime algorithm `alg`.
fn alg_code(alg: Alg) -> usize {
    match alg {
        Alg::Equal => crate::hash::gort_alg_equal as *const () as usize,
        Alg::Hash => crate::hash::gort_alg_hash as *const () as usize,
    }
}

/// The region's contents, for a program image (`src/image.rs`): its bytes from offset 16 up to
/// the high-water mark, the descriptors' offsets in allocation order, and the words holding a
/// runtime algorithm's code address (which [`restore`] rewrites for the running executable).
/// Offsets are relative to the base; the bytes mean the same only at the same base.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub base: usize,
    pub bytes: Vec<u8>,
    pub types: Vec<u32>,
    pub alg_words: Vec<(u32, Alg)>,
}

/// The region as it is now.
pub fn snapshot() -> Snapshot {
    let r = region();
    let st = lock();
    // SAFETY: `[base + 16, base + used)` is region memory handed out so far: mapped, readable.
    let bytes = unsafe { std::slice::from_raw_parts((r.base + 16) as *const u8, st.used - 16) }.to_vec();
    Snapshot {
        base: r.base,
        bytes,
        types: st.types.iter().map(|&t| (t - r.base) as u32).collect(),
        alg_words: st.alg_words.iter().map(|&(o, a)| (o as u32, a)).collect(),
    }
}

/// Makes the region hold a [`Snapshot`]'s parts (taken by [`snapshot`] in another run of the
/// same program; passed apart so the bytes can be borrowed from a mapped image), with its
/// algorithm words pointing at this executable's code. Refused (false, region untouched)
/// unless the region is at `base` and nothing was allocated in it yet.
pub fn restore(base: usize, bytes: &[u8], types: &[u32], alg_words: &[(u32, Alg)]) -> bool {
    let r = region();
    let mut st = lock();
    if r.base != base || st.used != 16 || !st.types.is_empty() || 16 + bytes.len() > REGION_SIZE {
        return false;
    }
    // SAFETY: the region is mapped read-write for REGION_SIZE bytes and holds nothing yet (used
    // is 16): no reference into it exists.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), (r.base + 16) as *mut u8, bytes.len()) };
    for &(off, alg) in alg_words {
        let off = off as usize;
        if off % 8 != 0 || off + 8 > 16 + bytes.len() {
            continue;
        }
        // SAFETY: an aligned word inside the bytes just copied.
        unsafe { ((r.base + off) as *mut usize).write(alg_code(alg)) };
        st.alg_words.push((off, alg));
    }
    st.used = 16 + bytes.len();
    st.types = types.iter().map(|&t| r.base + t as usize).collect();
    true
}

fn in_region(p: *const u8) -> bool {
    let b = base();
    (p as usize) >= b && (p as usize) < b + REGION_SIZE
}

/// gc's `resolveNameOff`: the name at offset `off` of the module holding `ptr_in_module`.
pub fn resolve_name_off(ptr_in_module: *const u8, off: NameOff) -> *const u8 {
    if off == 0 {
        return std::ptr::null();
    }
    debug_assert!(in_region(ptr_in_module));
    (base() as isize + off as isize) as *const u8
}

/// gc's `resolveTypeOff`.
pub fn resolve_type_off(ptr_in_module: *const u8, off: TypeOff) -> *const Type {
    resolve_name_off(ptr_in_module, off) as *const Type
}

/// gc's `resolveTextOff`: the code a method's `Ifn`/`Tfn` refers to (null for -1).
pub fn resolve_text_off(ptr_in_module: *const u8, off: TextOff) -> *const u8 {
    if off == -1 || off == 0 {
        return std::ptr::null();
    }
    let slot = resolve_name_off(ptr_in_module, off) as *const usize;
    // SAFETY: text offsets are created by text_slot: an aligned region word.
    unsafe { *slot as *const u8 }
}

/// `reflect.resolveNameOff` (linkname `runtime.resolveNameOff`).
#[unsafe(no_mangle)]
pub extern "C" fn gort_resolve_name_off(ptr_in_module: *const u8, off: i32) -> *const u8 {
    resolve_name_off(ptr_in_module, off)
}

/// `reflect.resolveTypeOff` (linkname `runtime.resolveTypeOff`).
#[unsafe(no_mangle)]
pub extern "C" fn gort_resolve_type_off(rtype: *const u8, off: i32) -> *const Type {
    resolve_type_off(rtype, off)
}

/// `reflect.resolveTextOff` (linkname `runtime.resolveTextOff`).
#[unsafe(no_mangle)]
pub extern "C" fn gort_resolve_text_off(rtype: *const u8, off: i32) -> *const u8 {
    resolve_text_off(rtype, off)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_shared_and_resolve() {
        let a = name(b"\x01\x07*main.T");
        let b = name(b"\x01\x07*main.T");
        assert_eq!(a, b);
        let p = resolve_name_off(base() as *const u8, a);
        // SAFETY: the name was just stored there.
        assert_eq!(unsafe { std::slice::from_raw_parts(p, 9) }, b"\x01\x07*main.T");
        let (off, slot) = text_slot(0x1234 as *const u8);
        assert_eq!(resolve_text_off(slot as *const u8, off), 0x1234 as *const u8);
        assert!(resolve_text_off(slot as *const u8, -1).is_null());
    }
}
