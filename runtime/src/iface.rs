//! Interfaces at run time: itab construction and caching, dynamic conversions and type assertions
//! with gc's panic messages, and boxing values into interface data words.
//!
//! Invariants: an itab for (inter, typ) is built at most once and lives forever (the cache maps the
//! pair to it), so JIT code may compare or cache itab pointers. A type implements an interface when
//! every interface method (sorted by name) has a method of the same name (and, for an unexported
//! name, the same package) in the type's method set (sorted by name) whose signature descriptor is
//! the same pointer, or failing that has the same gc spelling (so descriptors built by the runtime
//! and by the compiler agree).

use std::collections::HashMap;
use std::sync::Mutex;

use crate::abi::*;
use crate::alloc;
use crate::gostring::bytes;
use crate::rterror;
use crate::typedesc::name_of;

/// Go's `staticuint64s`: `STATIC_UINT64S[v] == v`. Converting a small integer (or bool) to an
/// interface points the data word here instead of allocating a box; interface data is immutable,
/// so sharing is safe. Little-endian, so a narrower integer reads correctly from the slot's start.
pub static STATIC_UINT64S: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = i as u64;
        i += 1;
    }
    t
};


static ITABS: Mutex<Option<HashMap<(usize, usize), usize>>> = Mutex::new(None);

/// Why a type does not implement an interface: the first missing method name.
pub enum ItabResult {
    Ok(*const ITab),
    Missing(GoString),
}

fn same_sig(a: *const Type, b: *const Type) -> bool {
    if a == b {
        return true;
    }
    if a.is_null() || b.is_null() {
        return false;
    }
    // SAFETY: non-null signature descriptors are valid.
    unsafe { (*a).string() == (*b).string() }
}

/// Builds (uncached) the method table of `typ` for `inter`: gc's `itab.init`, a merge of the two
/// method lists, both in gc's order (exported first, then by name). An unexported interface
/// method is implemented only by a method of the same package: the package paths are the names'
/// own `pkgPath`, else the interface's `PkgPath` and the type's uncommon `PkgPath` (methods of
/// two packages may share a name, so the scan goes on past an equal name of the wrong package).
///
/// # Safety
/// Both descriptors valid; `inter` is an interface type.
unsafe fn build_itab(inter: &Type, typ: &Type) -> ItabResult {
    let ims = inter.imethods();
    let ms = typ.methods();
    let inter_pkg = inter.interface_pkg_path();
    let typ_pkg = typ.pkg_path();
    let mut fns: Vec<*const u8> = Vec::with_capacity(ims.len());
    let mut j = 0;
    'imethods: for im in ims {
        let iname_n = inter.name_off(im.name);
        let iname = iname_n.name();
        let itype = inter.type_off(im.typ) as *const Type;
        let ipkg = iname_n.pkg_path_off().map_or(inter_pkg, |o| inter.name_off(o).name());
        while j < ms.len() {
            let tname = typ.name_off(ms[j].name);
            let m = typ.method_entry(&ms[j]);
            match crate::abi::build::method_cmp(m.name, iname) {
                std::cmp::Ordering::Less => {}
                std::cmp::Ordering::Greater => break,
                std::cmp::Ordering::Equal => {
                    let tpkg = tname.pkg_path_off().map_or(typ_pkg, |o| typ.name_off(o).name());
                    if same_sig(m.mtyp, itype) && (tname.is_exported() || tpkg == ipkg) {
                        fns.push(m.ifn);
                        j += 1;
                        continue 'imethods;
                    }
                }
            }
            j += 1;
        }
        return ItabResult::Missing(GoString::from_static(iname));
    }
    // Itabs live with the descriptors (gc: persistentalloc), never in the collected heap.
    let p = crate::abi::module::alloc(ITab::size(fns.len()), 8) as *mut ITab;
    // SAFETY: p has room for the header and fns.len() entries.
    unsafe { ITab::write(p, inter, typ, &fns) };
    ItabResult::Ok(p)
}

/// # Safety
/// `p` valid for `n` elements when `n > 0`.
pub unsafe fn slice_or_empty<'a, T>(p: *const T, n: usize) -> &'a [T] {
    if n == 0 || p.is_null() {
        &[]
    } else {
        // SAFETY: guaranteed by the caller.
        unsafe { std::slice::from_raw_parts(p, n) }
    }
}

/// Cached itab lookup. `typ` must be non-null.
///
/// # Safety
/// Both descriptors valid.
pub unsafe fn itab_for(inter: *const Type, typ: *const Type) -> ItabResult {
    let key = (inter as usize, typ as usize);
    {
        let g = ITABS.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&t) = g.as_ref().and_then(|m| m.get(&key)) {
            return ItabResult::Ok(t as *const ITab);
        }
    }
    // SAFETY: forwarded.
    let r = unsafe { build_itab(&*inter, &*typ) };
    if let ItabResult::Ok(t) = r {
        let mut g = ITABS.lock().unwrap_or_else(|e| e.into_inner());
        let t = *g.get_or_insert_with(HashMap::new).entry(key).or_insert(t as usize);
        return ItabResult::Ok(t as *const ITab);
    }
    r
}

/// The itab for dynamic type `typ` and interface `inter`, or null when `typ` is null or does not
/// implement `inter`. Cached: the same pair always yields the same pointer.
///
/// # Safety
/// `inter` a valid interface descriptor, `typ` null or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_getitab(inter: *const Type, typ: *const Type) -> *const ITab {
    if typ.is_null() {
        return std::ptr::null();
    }
    // SAFETY: forwarded.
    match unsafe { itab_for(inter, typ) } {
        ItabResult::Ok(t) => t,
        ItabResult::Missing(_) => std::ptr::null(),
    }
}

fn leak_msg(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// `x.(I)` where `x`'s dynamic type is `typ` (null for a nil interface; for a non-empty source
/// interface pass `tab.typ`): returns the itab or panics
/// `interface conversion: interface is nil, not main.I` /
/// `interface conversion: main.T is not main.I: missing method M`.
///
/// # Safety
/// `inter` a valid interface descriptor, `typ` null or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_assertE2I(inter: *const Type, typ: *const Type) -> *const ITab {
    // SAFETY: valid descriptors by contract.
    unsafe {
        if typ.is_null() {
            let msg = format!("interface conversion: interface is nil, not {}", name_of(&*inter));
            rterror::runtime_error(leak_msg(msg));
        }
        match itab_for(inter, typ) {
            ItabResult::Ok(t) => t,
            ItabResult::Missing(m) => {
                let msg = format!(
                    "interface conversion: {} is not {}: missing method {}",
                    name_of(&*typ),
                    name_of(&*inter),
                    String::from_utf8_lossy(bytes(m.ptr, m.len))
                );
                rterror::runtime_error(leak_msg(msg));
            }
        }
    }
}

/// `ifaceE2I(inter, e, dst)` (internal/reflectlite's and reflect's linkname into gc's
/// `reflect_ifaceE2I`): `*dst = iface{assertE2I(inter, e.typ), e.data}`, panicking as
/// [`gort_assertE2I`] when `e`'s type does not implement `inter`.
///
/// # Safety
/// `inter` a valid interface descriptor, `typ` null or valid, `dst` writable for 2 words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_ifacee2i(inter: *const Type, typ: *const Type, data: usize, dst: *mut usize) {
    // SAFETY: forwarded; dst by contract.
    unsafe {
        let tab = gort_assertE2I(inter, typ);
        dst.cast::<[usize; 2]>().write([tab as usize, data]);
    }
}

/// Comma-ok form of [`gort_assertE2I`]: the itab, or null on failure (never panics).
///
/// # Safety
/// As [`gort_assertE2I`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_assertE2I2(inter: *const Type, typ: *const Type) -> *const ITab {
    // SAFETY: forwarded.
    unsafe { gort_getitab(inter, typ) }
}

/// The gc message of a failed assertion to a concrete type.
///
/// # Safety
/// Non-null descriptors valid.
pub unsafe fn dottype_message(have: *const Type, want: *const Type, iface: *const Type) -> String {
    // SAFETY: valid descriptors.
    unsafe {
        if !want.is_null() && (*want).kind() == Kind::Interface {
            // Assertion to an interface type: gc's assertE2I messages.
            if have.is_null() {
                return format!("interface conversion: interface is nil, not {}", name_of(&*want));
            }
            if let ItabResult::Missing(m) = itab_for(want, have) {
                return format!(
                    "interface conversion: {} is not {}: missing method {}",
                    name_of(&*have),
                    name_of(&*want),
                    String::from_utf8_lossy(bytes(m.ptr, m.len))
                );
            }
        }
        let inter = if iface.is_null() { "interface".to_string() } else { name_of(&*iface) };
        if have.is_null() {
            format!("interface conversion: {inter} is nil, not {}", name_of(&*want))
        } else {
            let (cs, ws) = (name_of(&*have), name_of(&*want));
            // Equal names of distinct types: gc's TypeAssertionError tells packages from scopes.
            let note = if cs != ws {
                ""
            } else if (*have).rtype_pkgpath() != (*want).rtype_pkgpath() {
                " (types from different packages)"
            } else {
                " (types from different scopes)"
            };
            format!("interface conversion: {inter} is {cs}, not {ws}{note}")
        }
    }
}

/// Failed `x.(T)` (the compiler compares the dynamic type pointer inline, or got a null itab from
/// `gort_assertE2I2`): panics `interface conversion: interface {} is string, not int` (`iface` is
/// the static type of `x`, `have` its dynamic type or null, `want` is `T`); when `T` is an
/// interface type, gc's `interface is nil, not main.I` / `main.T is not main.I: missing method M`.
///
/// # Safety
/// Non-null descriptors valid. Never returns.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_panicdottype(have: *const Type, want: *const Type, iface: *const Type) {
    // SAFETY: forwarded.
    let msg = unsafe { dottype_message(have, want, iface) };
    rterror::runtime_error(leak_msg(msg));
}

/// Alias of [`gort_panicdottype`].
///
/// # Safety
/// As [`gort_panicdottype`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_panic_typeassert(have: *const Type, want: *const Type, iface: *const Type) {
    // SAFETY: forwarded.
    unsafe { gort_panicdottype(have, want, iface) }
}

/// Boxes a value for an interface data word: a fresh heap copy of the `typ.size()` bytes at `src`
/// (for non-pointer-shaped types; pointer-shaped values are stored directly by the compiler).
///
/// # Safety
/// `typ` valid, `src` readable for `typ.size()` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_convT(typ: *const Type, src: *const u8) -> *mut u8 {
    crate::gc::safepoint();
    // SAFETY: caller contract.
    unsafe {
        let t = &*typ;
        let p = alloc::alloc_typed(t);
        if t.size() > 0 {
            std::ptr::copy_nonoverlapping(src, p, t.size());
        }
        p
    }
}

/// Boxes an 8-byte scalar (int, uint, float64 bits...) for an interface data word.
///
/// # Safety
/// Always safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_convT64(v: u64) -> *mut u8 {
    crate::gc::safepoint();
    let p = alloc::alloc_noscan(8, 8);
    // SAFETY: p has 8 bytes.
    unsafe { *(p as *mut u64) = v };
    p
}

/// Boxes a string header for an interface data word.
///
/// # Safety
/// Always safe (the bytes are not copied: strings are immutable).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_convTstring(ptr: *const u8, len: isize) -> *mut u8 {
    crate::gc::safepoint();
    let p = alloc::alloc_zeroed(16, 8) as *mut GoString;
    // SAFETY: p has 16 bytes.
    unsafe { p.write(GoString { ptr, len }) };
    p.cast()
}
