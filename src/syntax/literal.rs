//! Decoding of literal token text into values (integers, floats, runes, strings).
//!
//! The lexer has already validated the text (a token marked `bad` is never decoded), so these
//! functions assume well-formed input; they still never panic on malformed text (they return a
//! best-effort value instead).

/// An integer literal's base and its digits after the prefix (`0x`, `0o`, `0b`, or the octal `0`);
/// digit separators are left in.
pub fn int_base(text: &str) -> (u32, &str) {
    let t = text.as_bytes();
    if t.len() >= 2 && t[0] == b'0' {
        match t[1].to_ascii_lowercase() {
            b'x' => (16, &text[2..]),
            b'o' => (8, &text[2..]),
            b'b' => (2, &text[2..]),
            _ => (8, &text[1..]),
        }
    } else {
        (10, text)
    }
}

/// Decodes an integer literal (`123`, `0x_FF`, `0o17`, `017`, `0b1010`) into a `u128`;
/// `None` if the value does not fit.
pub fn decode_int(text: &str) -> Option<u128> {
    let (base, digits) = int_base(text);
    let base = base as u128;
    let mut v: u128 = 0;
    for &b in digits.as_bytes() {
        if b == b'_' {
            continue;
        }
        let d = (b as char).to_digit(16)? as u128;
        v = v.checked_mul(base)?.checked_add(d)?;
    }
    Some(v)
}

/// Decodes a float literal (decimal or hexadecimal with `p` exponent) to the nearest `f64`
/// (hexadecimal mantissas longer than 128 bits may round twice).
pub fn decode_float(text: &str) -> f64 {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    if let Some(hex) = lower.strip_prefix("0x") {
        return decode_hex_float(hex);
    }
    lower.parse::<f64>().unwrap_or(f64::NAN)
}

/// Whether a float literal's binary exponent fits the range of gc's constant arithmetic
/// (`math/big.Float`: `int32`). gc rejects literals outside it (`1e-1000000000000`) with
/// `malformed constant`; the exponent is the mantissa's bit length, less its fraction digits
/// (binary digits for hex), plus the written exponent, as `big.Float.SetString` computes it.
pub fn float_exponent_in_range(text: &str) -> bool {
    let clean: String = text.chars().filter(|&c| c != '_').collect::<String>().to_ascii_lowercase();
    let (hex, body) = match clean.strip_prefix("0x") {
        Some(h) => (true, h.to_string()),
        None => (false, clean),
    };
    let (mant, exp) = match body.split_once(if hex { 'p' } else { 'e' }) {
        Some((m, e)) => (m.to_string(), Some(e.to_string())),
        None => (body, None),
    };
    let exp: i64 = match exp {
        None => 0,
        // gc parses the exponent as an int64; one that does not fit is malformed too.
        Some(e) => match e.parse::<i64>() {
            Ok(v) => v,
            Err(_) => return false,
        },
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((&mant, ""));
    let digits: String = format!("{int_part}{frac_part}");
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return true; // zero: no exponent
    }
    let (bits_per_digit, frac) = if hex { (4.0, 4 * frac_part.len() as i64) } else { (std::f64::consts::LOG2_10, frac_part.len() as i64) };
    // Bit length of the mantissa integer; the estimate is off by less than one bit per digit group,
    // far below what matters at the int32 boundary.
    let first = digits.chars().next().and_then(|c| c.to_digit(16)).unwrap_or(1) as f64;
    let bitlen = ((digits.len() - 1) as f64 * bits_per_digit + first.log2()).floor() as i64 + 1;
    let exp2 = bitlen.saturating_sub(frac).saturating_add(exp);
    (i32::MIN as i64..=i32::MAX as i64).contains(&exp2)
}

fn decode_hex_float(hex: &str) -> f64 {
    let (mant, exp) = match hex.split_once('p') {
        Some((m, e)) => (m, e),
        None => (hex, "0"),
    };
    let mut m: u128 = 0;
    let mut exp2: i64 = 0;
    let mut after_point = false;
    for c in mant.chars() {
        if c == '.' {
            after_point = true;
            continue;
        }
        let d = c.to_digit(16).unwrap_or(0) as u128;
        if m >> 120 == 0 {
            m = m * 16 + d;
            if after_point {
                exp2 -= 4;
            }
        } else if !after_point {
            exp2 += 4; // drop low digits that do not fit
        }
    }
    let e: i64 = exp.parse::<i64>().unwrap_or(if exp.starts_with('-') { -100_000 } else { 100_000 });
    let total = (exp2 + e).clamp(-100_000, 100_000);
    let mut v = m as f64;
    // Scale in steps so intermediate values neither overflow nor underflow prematurely.
    let mut k = total;
    while k > 0 {
        let s = k.min(1000);
        v *= 2f64.powi(s as i32);
        k -= s;
    }
    while k < 0 {
        let s = (-k).min(1000);
        v /= 2f64.powi(s as i32);
        k += s;
    }
    v
}

/// Decodes one escape sequence at the start of `s` (after the backslash). Returns the value and
/// whether it is a byte value (`\x`, octal) rather than a code point, plus the bytes consumed.
fn decode_escape(s: &[u8]) -> (u32, bool, usize) {
    let Some(&c) = s.first() else { return (0, true, 0) };
    let simple = |v: u8| (v as u32, false, 1);
    match c {
        b'a' => simple(7),
        b'b' => simple(8),
        b'f' => simple(12),
        b'n' => simple(b'\n'),
        b'r' => simple(b'\r'),
        b't' => simple(b'\t'),
        b'v' => simple(11),
        b'\\' | b'\'' | b'"' => simple(c),
        b'0'..=b'7' => (parse_digits(&s[..s.len().min(3)], 8), true, 3.min(s.len())),
        b'x' => (parse_digits(&s[1..s.len().min(3)], 16), true, 3.min(s.len())),
        b'u' => (parse_digits(&s[1..s.len().min(5)], 16), false, 5.min(s.len())),
        b'U' => (parse_digits(&s[1..s.len().min(9)], 16), false, 9.min(s.len())),
        _ => (c as u32, false, 1),
    }
}

fn parse_digits(d: &[u8], base: u32) -> u32 {
    d.iter().fold(0u32, |acc, &b| acc.wrapping_mul(base).wrapping_add((b as char).to_digit(16).unwrap_or(0)))
}

fn push_code_point(out: &mut Vec<u8>, v: u32) {
    let c = char::from_u32(v).unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

/// Decodes an interpreted (`"..."`) or raw (`` `...` ``) string literal, quotes included, to
/// bytes. Raw strings drop carriage returns, as the spec requires.
pub fn decode_string(text: &str) -> Vec<u8> {
    let t = text.as_bytes();
    if t.len() < 2 {
        return Vec::new();
    }
    let body = &t[1..t.len() - 1];
    if t[0] == b'`' {
        return body.iter().copied().filter(|&b| b != b'\r').collect();
    }
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        if body[i] == b'\\' {
            let (v, is_byte, n) = decode_escape(&body[i + 1..]);
            if is_byte {
                out.push(v as u8);
            } else {
                push_code_point(&mut out, v);
            }
            i += 1 + n.max(1);
        } else {
            out.push(body[i]);
            i += 1;
        }
    }
    out
}

/// Decodes a rune literal (quotes included) to its value.
pub fn decode_rune(text: &str) -> u32 {
    let t = text.as_bytes();
    if t.len() < 3 {
        return 0;
    }
    let body = &t[1..t.len() - 1];
    if body[0] == b'\\' {
        decode_escape(&body[1..]).0
    } else {
        text[1..].chars().next().map(|c| c as u32).unwrap_or(0)
    }
}
