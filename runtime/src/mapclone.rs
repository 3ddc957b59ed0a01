//! gc's `mapclone` (runtime/map.go, linknamed as `maps.clone`): the body of GOROOT's
//! `maps.clone(m any) any`, built on the map entry points generated code uses (a walk of `m`,
//! each entry assigned into a new map of the same type and size), so NaN keys are copied too.

use crate::abi::{Eface, MapIter};
use crate::map::{GoMap, gort_makemap, gort_mapassign, gort_mapiterinit, gort_mapiternext, gort_maplen};

/// `maps.clone(m any) any`: `m` holds a map (a nil map clones to nil).
///
/// # Safety
/// `typ` is a map descriptor and `data` that map (or nil), as the `any` holding it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_maps_clone(typ: *const crate::abi::Type, data: *mut u8) -> Eface {
    let m = data as *mut GoMap;
    if m.is_null() {
        return Eface { typ, data };
    }
    // SAFETY: the caller's contract: `typ` describes `m`; entries are read through the
    // iterator and written through the assignment slot, each of the value type's size.
    unsafe {
        let val_size = (*typ).elem().size();
        let out = gort_makemap(typ, gort_maplen(m));
        let mut it = MapIter { key: std::ptr::null_mut(), val: std::ptr::null_mut(), private: [0; 7] };
        gort_mapiterinit(typ, m, &mut it);
        while !it.key.is_null() {
            let slot = gort_mapassign(typ, out, it.key);
            std::ptr::copy_nonoverlapping(it.val, slot, val_size);
            gort_mapiternext(&mut it);
        }
        Eface { typ, data: out.cast() }
    }
}
