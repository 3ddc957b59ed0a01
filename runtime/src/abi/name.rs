//! `abi.Name`: gc's encoding of names, tags and package paths in type descriptors.
//!
//! ```text
//! byte 0        flags: 1<<0 exported, 1<<1 has tag, 1<<2 has pkgPath, 1<<3 embedded
//! varint        name length (uvarint, 7 bits per byte, low groups first)
//! name bytes
//! [varint len, tag bytes]          when flag 1<<1
//! [4-byte NameOff of the pkgPath]  when flag 1<<2 (unaligned, little-endian)
//! ```
//! Encoding ([`encode`]) is `cmd/compile/internal/reflectdata.dnameData`; decoding is
//! `internal/abi.Name`'s readers. Encoded names live in the module region and never move.

use super::r#type::NameOff;

pub const NAME_EXPORTED: u8 = 1 << 0;
pub const NAME_HAS_TAG: u8 = 1 << 1;
pub const NAME_HAS_PKG_PATH: u8 = 1 << 2;
pub const NAME_EMBEDDED: u8 = 1 << 3;

/// A pointer to an encoded name (null: no name).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Name {
    pub bytes: *const u8,
}

fn put_uvarint(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// gc's `dnameData`: the bytes of a name with optional tag and package-path offset.
pub fn encode(name: &str, tag: &str, exported: bool, embedded: bool, pkg_path: Option<NameOff>) -> Vec<u8> {
    let mut bits = 0u8;
    if exported {
        bits |= NAME_EXPORTED;
    }
    if !tag.is_empty() {
        bits |= NAME_HAS_TAG;
    }
    if pkg_path.is_some() {
        bits |= NAME_HAS_PKG_PATH;
    }
    if embedded {
        bits |= NAME_EMBEDDED;
    }
    let mut b = vec![bits];
    put_uvarint(&mut b, name.len());
    b.extend_from_slice(name.as_bytes());
    if !tag.is_empty() {
        put_uvarint(&mut b, tag.len());
        b.extend_from_slice(tag.as_bytes());
    }
    if let Some(off) = pkg_path {
        b.extend_from_slice(&off.to_le_bytes());
    }
    b
}

impl Name {
    pub const NONE: Name = Name { bytes: std::ptr::null() };

    /// # Safety
    /// `p` is null or points to an encoded name that lives forever.
    pub unsafe fn from_ptr(p: *const u8) -> Name {
        Name { bytes: p }
    }

    fn byte(&self, off: usize) -> u8 {
        // SAFETY: the encoding guarantees every offset read here is inside the name.
        unsafe { *self.bytes.add(off) }
    }

    fn flags(&self) -> u8 {
        if self.bytes.is_null() { 0 } else { self.byte(0) }
    }
    pub fn is_exported(&self) -> bool {
        self.flags() & NAME_EXPORTED != 0
    }
    pub fn has_tag(&self) -> bool {
        self.flags() & NAME_HAS_TAG != 0
    }
    pub fn is_embedded(&self) -> bool {
        self.flags() & NAME_EMBEDDED != 0
    }

    /// `Name.ReadVarint`: (bytes read, value).
    fn read_varint(&self, off: usize) -> (usize, usize) {
        let mut v = 0usize;
        let mut i = 0;
        loop {
            let x = self.byte(off + i);
            v += ((x & 0x7f) as usize) << (7 * i);
            i += 1;
            if x & 0x80 == 0 {
                return (i, v);
            }
        }
    }

    fn bytes_at(&self, off: usize, len: usize) -> &'static [u8] {
        if len == 0 {
            return b"";
        }
        // SAFETY: the encoding says len bytes follow at off; names live forever.
        unsafe { std::slice::from_raw_parts(self.bytes.add(off), len) }
    }

    /// `Name.Name`.
    pub fn name(&self) -> &'static [u8] {
        if self.bytes.is_null() {
            return b"";
        }
        let (i, l) = self.read_varint(1);
        self.bytes_at(1 + i, l)
    }

    /// `Name.Tag`.
    pub fn tag(&self) -> &'static [u8] {
        if !self.has_tag() {
            return b"";
        }
        let (i, l) = self.read_varint(1);
        let (i2, l2) = self.read_varint(1 + i + l);
        self.bytes_at(1 + i + l + i2, l2)
    }

    /// The `NameOff` of the package path (`reflect`'s `name.pkgPath`), if the name carries one.
    pub fn pkg_path_off(&self) -> Option<NameOff> {
        if self.flags() & NAME_HAS_PKG_PATH == 0 {
            return None;
        }
        let (i, l) = self.read_varint(1);
        let mut off = 1 + i + l;
        if self.has_tag() {
            let (i2, l2) = self.read_varint(off);
            off += i2 + l2;
        }
        let b = self.bytes_at(off, 4);
        Some(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// The length in bytes of the whole encoding (flags, name, tag, package path offset).
    pub fn encoded_len(&self) -> usize {
        if self.bytes.is_null() {
            return 0;
        }
        let (i, l) = self.read_varint(1);
        let mut off = 1 + i + l;
        if self.has_tag() {
            let (i2, l2) = self.read_varint(off);
            off += i2 + l2;
        }
        if self.flags() & NAME_HAS_PKG_PATH != 0 {
            off += 4;
        }
        off
    }

    /// `Name.IsBlank`.
    pub fn is_blank(&self) -> bool {
        self.name() == b"_"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(b: &[u8]) -> Name {
        // SAFETY: leaked test bytes live forever.
        unsafe { Name::from_ptr(Box::leak(b.to_vec().into_boxed_slice()).as_ptr()) }
    }

    /// The bytes gc 1.27.3's `dnameData` writes for these names (the corpus program
    /// `tests/run/abi_layout.go` reads the same encodings out of gc's own descriptors).
    #[test]
    fn encoding_matches_gc() {
        assert_eq!(encode("*main.T", "", true, false, None), b"\x01\x07*main.T");
        assert_eq!(encode("*int", "", false, false, None), b"\x00\x04*int");
        assert_eq!(encode("Name", "json:\"name\"", true, false, None), b"\x03\x04Name\x0bjson:\"name\"");
        assert_eq!(encode("T", "", true, true, None), b"\x09\x01T");
        assert_eq!(encode("m", "", false, false, Some(0x1234)), b"\x04\x01m\x34\x12\x00\x00");
        let long = "x".repeat(200);
        let e = encode(&long, "", false, false, None);
        assert_eq!(&e[..3], &[0x00, 0xc8, 0x01]);
        assert_eq!(e.len(), 3 + 200);
    }

    #[test]
    fn decoding_round_trips() {
        let n = decode(&encode("Name", "json:\"name\"", true, false, Some(-8)));
        assert_eq!(n.name(), b"Name");
        assert_eq!(n.tag(), b"json:\"name\"");
        assert!(n.is_exported() && n.has_tag() && !n.is_embedded());
        assert_eq!(n.pkg_path_off(), Some(-8));
        let long = "y".repeat(300);
        let n = decode(&encode(&long, &long, false, true, None));
        assert_eq!(n.name(), long.as_bytes());
        assert_eq!(n.tag(), long.as_bytes());
        assert!(n.is_embedded() && !n.is_exported());
        assert_eq!(n.pkg_path_off(), None);
        assert!(decode(&encode("_", "", false, false, None)).is_blank());
        assert_eq!(Name::NONE.name(), b"");
    }
}
