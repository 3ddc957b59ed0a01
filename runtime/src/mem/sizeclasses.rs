//! gc's malloc size classes (Go 1.27.3 `internal/runtime/gc/sizeclasses.go`): the object sizes a
//! span of each class holds and how many 8 KiB pages such a span spans.
//!
//! Invariants: class 0 is "large" (an object on its own span); `CLASS_TO_SIZE` is increasing;
//! [`size_to_class`] maps a request of `1..=MAX_SMALL_SIZE` bytes to the smallest class holding it
//! (gc's `SizeToSizeClass8`/`SizeToSizeClass128` lookup, built here at compile time).

/// Number of size classes, class 0 included.
pub const NUM_SIZE_CLASSES: usize = 68;
/// The largest object a size class holds; bigger ones get their own span.
pub const MAX_SMALL_SIZE: usize = 32768;
/// log2 of the heap's page size.
pub const PAGE_SHIFT: usize = 13;
/// The heap's page size (gc's `pageSize`), not the OS page size.
pub const PAGE_SIZE: usize = 1 << PAGE_SHIFT;

/// gc's `class_to_size`.
pub const CLASS_TO_SIZE: [u16; NUM_SIZE_CLASSES] = [
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384,
    416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072,
    3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568,
    14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
];

/// gc's `class_to_allocnpages`.
pub const CLASS_TO_NPAGES: [u8; NUM_SIZE_CLASSES] = [
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 2, 1, 2, 1, 2, 1, 3, 2, 3, 1, 3, 2, 3, 4, 5, 6, 1, 7, 6, 5, 4, 3, 5, 7, 2, 9, 7, 5, 8, 3, 10, 7, 4,
];

/// `SIZE_TO_CLASS[(size + 7) / 8]` for `size <= MAX_SMALL_SIZE`.
static SIZE_TO_CLASS: [u8; MAX_SMALL_SIZE / 8 + 1] = build_lookup();

const fn build_lookup() -> [u8; MAX_SMALL_SIZE / 8 + 1] {
    let mut t = [0u8; MAX_SMALL_SIZE / 8 + 1];
    let mut i = 1;
    let mut c = 1;
    while i < t.len() {
        while (CLASS_TO_SIZE[c] as usize) < i * 8 {
            c += 1;
        }
        t[i] = c as u8;
        i += 1;
    }
    t
}

/// The size class of a small request (`1..=MAX_SMALL_SIZE` bytes).
#[inline(always)]
pub fn size_to_class(size: usize) -> usize {
    debug_assert!(size > 0 && size <= MAX_SMALL_SIZE);
    SIZE_TO_CLASS[(size + 7) >> 3] as usize
}

/// gc's `roundupsize`: the block size malloc hands out for a request of `size` bytes.
pub fn roundupsize(size: usize) -> usize {
    if size == 0 {
        return 0;
    }
    if size <= MAX_SMALL_SIZE {
        return CLASS_TO_SIZE[size_to_class(size)] as usize;
    }
    match size.checked_add(PAGE_SIZE - 1) {
        None => size,
        Some(s) => s & !(PAGE_SIZE - 1),
    }
}

/// gc's `mallocHeaderSize` and `minSizeForMallocHeader` (internal/runtime/gc/malloc.go): a small
/// object with pointers above 512 bytes carries an 8-byte type header inside its size class.
pub const MALLOC_HEADER_SIZE: usize = 8;
pub const MIN_SIZE_FOR_MALLOC_HEADER: usize = 512;

/// gc's `roundupsize(size, noscan)` (runtime/msize.go): the usable size of the block malloc
/// returns for `size` bytes, less the malloc header a pointer-containing object carries.
pub fn roundupsize_typed(size: usize, noscan: bool) -> usize {
    if size == 0 {
        return 0;
    }
    if size <= MAX_SMALL_SIZE - MALLOC_HEADER_SIZE {
        let header =
            if !noscan && size > MIN_SIZE_FOR_MALLOC_HEADER { MALLOC_HEADER_SIZE } else { 0 };
        return CLASS_TO_SIZE[size_to_class(size + header)] as usize - header;
    }
    roundupsize(size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_is_smallest_fit() {
        for size in 1..=MAX_SMALL_SIZE {
            let c = size_to_class(size);
            assert!(CLASS_TO_SIZE[c] as usize >= size);
            assert!((CLASS_TO_SIZE[c - 1] as usize) < size || c == 1);
        }
        assert_eq!(roundupsize(33), 48);
        assert_eq!(roundupsize(32769), 40960);
    }
}
