//! hash/crc32's amd64 assembly (crc32_amd64.s): the SSE4.2 `CRC32` instruction's Castagnoli
//! updates and the PCLMULQDQ IEEE update, as byte-table loops computing the same non-inverted
//! CRCs (hooked by the compiler's `lower/hooks.rs`; the Go callers invert before and after).

/// The reflected Castagnoli polynomial (`crc32.Castagnoli`).
const CASTAGNOLI: u32 = 0x82F6_3B78;
/// The reflected IEEE polynomial (`crc32.IEEE`).
const IEEE: u32 = 0xEDB8_8320;

const fn table(poly: u32) -> [u32; 256] {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = i as u32;
        let mut j = 0;
        while j < 8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ poly } else { crc >> 1 };
            j += 1;
        }
        t[i] = crc;
        i += 1;
    }
    t
}

static CASTAGNOLI_TABLE: [u32; 256] = table(CASTAGNOLI);
static IEEE_TABLE: [u32; 256] = table(IEEE);

/// The non-inverted CRC of `p` from `crc` (what the CRC32 instruction accumulates).
fn update(t: &[u32; 256], mut crc: u32, p: &[u8]) -> u32 {
    for &b in p {
        crc = t[((crc as u8) ^ b) as usize] ^ (crc >> 8);
    }
    crc
}

/// # Safety
/// `p` is readable for `n` bytes when `n > 0`.
unsafe fn bytes<'a>(p: *const u8, n: isize) -> &'a [u8] {
    // SAFETY: the caller's contract.
    if n <= 0 || p.is_null() { &[] } else { unsafe { std::slice::from_raw_parts(p, n as usize) } }
}

/// `crc32.castagnoliSSE42(crc uint32, p []byte) uint32`.
///
/// # Safety
/// A valid slice.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_crc32_castagnoli(crc: u32, p: *const u8, n: isize, _cap: isize) -> u32 {
    // SAFETY: the caller's contract.
    update(&CASTAGNOLI_TABLE, crc, unsafe { bytes(p, n) })
}

/// `crc32.ieeeCLMUL(crc uint32, p []byte) uint32`.
///
/// # Safety
/// A valid slice.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_crc32_ieee(crc: u32, p: *const u8, n: isize, _cap: isize) -> u32 {
    // SAFETY: the caller's contract.
    update(&IEEE_TABLE, crc, unsafe { bytes(p, n) })
}

/// `crc32.castagnoliSSE42Triple(crcA, crcB, crcC uint32, a, b, c []byte, rounds uint32)
/// (retA, retB, retC uint32)`: each CRC over `24*rounds` bytes of its buffer (the caller
/// guarantees the lengths); results in three 8-byte slots of `out`.
///
/// # Safety
/// The buffers hold `24*rounds` bytes each; `out` is writable for 3 words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_crc32_castagnoli_triple(
    ca: u32,
    cb: u32,
    cc: u32,
    a: *const u8,
    _al: isize,
    _ac: isize,
    b: *const u8,
    _bl: isize,
    _bc: isize,
    c: *const u8,
    _cl: isize,
    _ccap: isize,
    rounds: u32,
    out: *mut u64,
) {
    let n = 24 * rounds as isize;
    // SAFETY: the caller's contract.
    unsafe {
        let r = [
            update(&CASTAGNOLI_TABLE, ca, bytes(a, n)) as u64,
            update(&CASTAGNOLI_TABLE, cb, bytes(b, n)) as u64,
            update(&CASTAGNOLI_TABLE, cc, bytes(c, n)) as u64,
        ];
        out.cast::<[u64; 3]>().write(r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The check values of both polynomials ("123456789", inverted before and after).
    #[test]
    fn check_values() {
        assert_eq!(!update(&IEEE_TABLE, !0, b"123456789"), 0xCBF4_3926);
        assert_eq!(!update(&CASTAGNOLI_TABLE, !0, b"123456789"), 0xE306_9283);
    }
}
