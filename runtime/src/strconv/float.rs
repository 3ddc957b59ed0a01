//! Float formatting with Go's `strconv.FormatFloat` rules for the 'e', 'E', 'f', 'g' and 'G'
//! formats.
//!
//! Decimal digits come from Rust's exact float formatting (shortest round-trip `{:e}`, correctly
//! rounded `{:.N e}` / `{:.N}`, both round-half-even like Go), normalised to Go's `decimalSlice`
//! shape (digits without trailing zeros, decimal point position `dp`; zero has no digits); the
//! layout functions are ports of `strconv/ftoa.go` (`fmtE`, `fmtF`, `%g` selection).

struct Digits {
    d: Vec<u8>,
    dp: i32,
}

fn from_sci(s: &str) -> Digits {
    // s looks like "1.2345e-7" or "0e0" or "5e3".
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut d: Vec<u8> = mant.bytes().filter(|c| c.is_ascii_digit()).collect();
    while d.last() == Some(&b'0') {
        d.pop();
    }
    if d.is_empty() {
        return Digits { d, dp: 0 };
    }
    Digits { d, dp: exp + 1 }
}

fn from_fixed(s: &str) -> Digits {
    let (ip, fp) = s.split_once('.').unwrap_or((s, ""));
    let mut d: Vec<u8> = ip.bytes().chain(fp.bytes()).collect();
    let mut dp = ip.len() as i32;
    let lead = d.iter().take_while(|&&c| c == b'0').count();
    d.drain(..lead);
    dp -= lead as i32;
    while d.last() == Some(&b'0') {
        d.pop();
    }
    if d.is_empty() {
        dp = 0;
    }
    Digits { d, dp }
}

fn fmt_e(out: &mut Vec<u8>, neg: bool, d: &Digits, prec: i32, fmt: u8) {
    if neg {
        out.push(b'-');
    }
    out.push(if d.d.is_empty() { b'0' } else { d.d[0] });
    if prec > 0 {
        out.push(b'.');
        let mut i = 1usize;
        let m = (d.d.len()).min(prec as usize + 1);
        if i < m {
            out.extend_from_slice(&d.d[i..m]);
            i = m;
        }
        while i <= prec as usize {
            out.push(b'0');
            i += 1;
        }
    }
    out.push(fmt);
    let mut exp = if d.d.is_empty() { 0 } else { d.dp - 1 };
    if exp < 0 {
        out.push(b'-');
        exp = -exp;
    } else {
        out.push(b'+');
    }
    if exp < 10 {
        out.push(b'0');
        out.push(b'0' + exp as u8);
    } else if exp < 100 {
        out.push(b'0' + (exp / 10) as u8);
        out.push(b'0' + (exp % 10) as u8);
    } else {
        out.push(b'0' + (exp / 100) as u8);
        out.push(b'0' + ((exp / 10) % 10) as u8);
        out.push(b'0' + (exp % 10) as u8);
    }
}

fn fmt_f(out: &mut Vec<u8>, neg: bool, d: &Digits, prec: i32) {
    if neg {
        out.push(b'-');
    }
    if d.dp > 0 {
        let m = (d.d.len()).min(d.dp as usize);
        out.extend_from_slice(&d.d[..m]);
        for _ in m..d.dp as usize {
            out.push(b'0');
        }
    } else {
        out.push(b'0');
    }
    if prec > 0 {
        out.push(b'.');
        for i in 1..=prec {
            let j = d.dp + i - 1;
            out.push(if j >= 0 && (j as usize) < d.d.len() { d.d[j as usize] } else { b'0' });
        }
    }
}

/// `strconv.AppendFloat(out, v, fmt, prec, bits)` for fmt in `eEfgG` (others are treated as 'g').
pub fn append_float(out: &mut Vec<u8>, v: f64, fmt: u8, prec: i32, bits: u32) {
    if v.is_nan() {
        out.extend_from_slice(b"NaN");
        return;
    }
    if v.is_infinite() {
        out.extend_from_slice(if v > 0.0 { b"+Inf" } else { b"-Inf" });
        return;
    }
    let neg = v.is_sign_negative();
    let a = v.abs();
    let fmt = if matches!(fmt, b'e' | b'E' | b'f' | b'g' | b'G') { fmt } else { b'g' };
    let shortest = prec < 0;
    let digs = if shortest {
        if bits == 32 { from_sci(&format!("{:e}", a as f32)) } else { from_sci(&format!("{a:e}")) }
    } else {
        // An f64 has at most 767 significant decimal digits and 1074 fraction digits, so digits
        // past EXACT are zeros: asking Rust for more changes nothing but would exceed its
        // formatting-precision limit (65535) for `%.70000f`; the layout below pads the zeros.
        const EXACT: usize = 1100;
        let p = (prec as usize).min(EXACT);
        match fmt {
            b'e' | b'E' => from_sci(&format!("{:.*e}", p, a)),
            b'f' => from_fixed(&format!("{:.*}", p, a)),
            _ => {
                let p = if prec == 0 { 1 } else { p };
                from_sci(&format!("{:.*e}", p - 1, a))
            }
        }
    };
    let nd = digs.d.len() as i32;
    let mut prec = prec;
    if shortest {
        prec = match fmt {
            b'e' | b'E' => nd - 1,
            b'f' => (nd - digs.dp).max(0),
            _ => nd,
        };
    }
    match fmt {
        b'e' | b'E' => fmt_e(out, neg, &digs, prec, fmt),
        b'f' => fmt_f(out, neg, &digs, prec),
        _ => {
            if !shortest && prec == 0 {
                prec = 1;
            }
            let mut eprec = prec;
            if eprec > nd && nd >= digs.dp {
                eprec = nd;
            }
            if shortest {
                eprec = 6;
            }
            let exp = digs.dp - 1;
            if exp < -4 || exp >= eprec {
                if prec > nd {
                    prec = nd;
                }
                fmt_e(out, neg, &digs, prec - 1, fmt + b'e' - b'g');
                return;
            }
            if prec > digs.dp {
                prec = nd;
            }
            fmt_f(out, neg, &digs, (prec - digs.dp).max(0));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::append_float;

    fn f(v: f64, fmt: u8, prec: i32) -> String {
        let mut o = Vec::new();
        append_float(&mut o, v, fmt, prec, 64);
        String::from_utf8(o).unwrap()
    }

    // Expected values from go1.19.8 strconv.FormatFloat.
    #[test]
    fn like_strconv() {
        assert_eq!(f(100000.0, b'g', -1), "100000");
        assert_eq!(f(1000000.0, b'g', -1), "1e+06");
        assert_eq!(f(123456789.0, b'g', -1), "1.23456789e+08");
        assert_eq!(f(0.0001, b'g', -1), "0.0001");
        assert_eq!(f(0.00001, b'g', -1), "1e-05");
        assert_eq!(f(0.0, b'g', -1), "0");
        assert_eq!(f(3.14159, b'f', 2), "3.14");
        assert_eq!(f(0.125, b'f', 2), "0.12");
        assert_eq!(f(2.5, b'f', 0), "2");
        assert_eq!(f(1.125, b'e', 2), "1.12e+00");
        assert_eq!(f(1e21, b'e', 6), "1.000000e+21");
        assert_eq!(f(1.0, b'g', 5), "1");
        assert_eq!(f(100.0, b'g', 3), "100");
        assert_eq!(f(1234.5678, b'g', 3), "1.23e+03");
        assert_eq!(f(0.0, b'e', 3), "0.000e+00");
        assert_eq!(f(-2.5, b'g', -1), "-2.5");
        assert_eq!(f(1e100, b'f', 0).len(), 101);
    }
}
