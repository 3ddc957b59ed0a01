//! Go's Unicode classes, shared by the compiler (identifiers) and the runtime (`%q`, `%#U`,
//! `strconv.Quote`): letters (`unicode.IsLetter`), decimal digits (`unicode.IsDigit`) and
//! printable runes (`strconv.IsPrint`), looked up in tables generated from Go's own packages
//! ([`tables`], Unicode [`tables::UNICODE_VERSION`]). Rust's `char::is_alphabetic` and friends
//! follow Rust's Unicode version and other definitions (`is_alphabetic` includes `Nl` such as
//! `Ⅻ`, `is_numeric` includes `No` such as `²`), so they are never used for Go semantics.

pub mod tables;

/// Whether `r` lies in one of the sorted, disjoint inclusive ranges.
fn in_ranges(ranges: &[(u32, u32)], r: u32) -> bool {
    match ranges.binary_search_by(|&(lo, _)| lo.cmp(&r)) {
        Ok(_) => true,
        Err(0) => false,
        Err(i) => r <= ranges[i - 1].1,
    }
}

/// `unicode.IsLetter(r)`: general category L (Lu, Ll, Lt, Lm, Lo).
pub fn is_letter(r: u32) -> bool {
    if r < 0x80 {
        return (r as u8).is_ascii_alphabetic();
    }
    in_ranges(tables::LETTER, r)
}

/// `unicode.IsDigit(r)`: general category Nd.
pub fn is_digit(r: u32) -> bool {
    if r < 0x80 {
        return (r as u8).is_ascii_digit();
    }
    in_ranges(tables::DIGIT, r)
}

/// `strconv.IsPrint(r)`: categories L, M, N, P, S, and the ASCII space (not other spaces).
pub fn is_print(r: u32) -> bool {
    if r < 0x80 {
        return (0x20..0x7F).contains(&r);
    }
    in_ranges(tables::PRINT, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expectations from Go 1.27.3 (`unicode.IsLetter`, `unicode.IsDigit`, `strconv.IsPrint`).
    #[test]
    fn classes_match_go() {
        for (c, letter, digit, print) in [
            ('a', true, false, true),
            ('_', false, false, true),
            ('ǅ', true, false, true),  // Lt
            ('ʰ', true, false, true),  // Lm
            ('〇', false, false, true), // Nl
            ('Ⅻ', false, false, true), // Nl
            ('²', false, false, true),  // No
            ('١', false, true, true),   // Nd
            ('\u{a0}', false, false, false),
            ('\u{ad}', false, false, false),
            ('\u{200b}', false, false, false),
            ('\u{e000}', false, false, false),
            ('\u{10ffff}', false, false, false),
            (' ', false, false, true),
            ('\u{3000}', false, false, false),
        ] {
            let r = c as u32;
            assert_eq!((is_letter(r), is_digit(r), is_print(r)), (letter, digit, print), "{c:?} U+{r:04X}");
        }
    }

    #[test]
    fn tables_are_sorted_and_disjoint() {
        for t in [tables::LETTER, tables::DIGIT, tables::PRINT] {
            assert!(t.iter().all(|&(lo, hi)| lo <= hi));
            assert!(t.windows(2).all(|w| w[0].1 + 1 < w[1].0));
        }
    }
}
