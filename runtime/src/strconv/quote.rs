//! Go's `strconv` quoting (`Quote`, `QuoteToASCII`), used for string constants in the
//! compiler's messages.
//!
//! Rules (strconv.appendQuotedWith): `\a \b \f \n \r \t \v \\` and the quote char are escaped;
//! invalid UTF-8 bytes become `\xNN`; printable runes (Go's `strconv.IsPrint`, from Go's own
//! tables) are copied, others use `\xNN` (< 0x80 handled as `\x`), `\uNNNN` or `\UNNNNNNNN`.

use crate::gostring::decode_rune;

/// Go's `strconv.IsPrint` (tables generated from Go's own package: [`crate::unicode`]).
pub fn is_print(r: i32) -> bool {
    r >= 0 && crate::unicode::is_print(r as u32)
}

/// Appends one escaped rune (without quotes).
pub fn append_escaped_rune(out: &mut Vec<u8>, r: i32, quote: u8, ascii_only: bool) {
    if r == quote as i32 || r == '\\' as i32 {
        out.push(b'\\');
        out.push(r as u8);
        return;
    }
    if ascii_only {
        if r < 0x80 && is_print(r) {
            out.push(r as u8);
            return;
        }
    } else if is_print(r) {
        crate::gostring::encode_rune(r as i64, out);
        return;
    }
    let esc = match r {
        0x07 => Some(b'a'),
        0x08 => Some(b'b'),
        0x0C => Some(b'f'),
        0x0A => Some(b'n'),
        0x0D => Some(b'r'),
        0x09 => Some(b't'),
        0x0B => Some(b'v'),
        _ => None,
    };
    if let Some(e) = esc {
        out.push(b'\\');
        out.push(e);
        return;
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    if r < 0x20 || r == 0x7F {
        out.extend_from_slice(&[b'\\', b'x', HEX[(r >> 4) as usize & 15], HEX[r as usize & 15]]);
    } else if !(0..=0x10FFFF).contains(&r) || (0xD800..0xE000).contains(&r) {
        out.extend_from_slice(b"\\ufffd");
    } else if r < 0x10000 {
        out.extend_from_slice(b"\\u");
        for s in (0..4).rev() {
            out.push(HEX[(r >> (s * 4)) as usize & 15]);
        }
    } else {
        out.extend_from_slice(b"\\U");
        for s in (0..8).rev() {
            out.push(HEX[(r >> (s * 4)) as usize & 15]);
        }
    }
}

/// Appends `s` quoted with `quote` (Go's `strconv.Quote` / `QuoteToASCII`).
pub fn quote_into(out: &mut Vec<u8>, s: &[u8], quote: u8, ascii_only: bool) {
    out.push(quote);
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        if w == 1 && r == crate::gostring::RUNE_ERROR && s[i] >= 0x80 {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[b'\\', b'x', HEX[(s[i] >> 4) as usize], HEX[(s[i] & 15) as usize]]);
            i += 1;
            continue;
        }
        append_escaped_rune(out, r, quote, ascii_only);
        i += w;
    }
    out.push(quote);
}
