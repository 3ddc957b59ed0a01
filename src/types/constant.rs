//! Compile-time constant values and constant folding.
//!
//! # Precision limits (differences from gc)
//! - Integer constants (typed and untyped, runes included) are `i128`. gc keeps untyped integers
//!   exact up to 512 bits; here an intermediate untyped value beyond ±2^127 is reported as
//!   `constant overflow` by the checker. Every value that fits a Go integer type is exact.
//! - Floating-point constants are `f64` (gc: arbitrary precision, rounded only on conversion to a
//!   typed float). Results can differ from gc in the last bit for long constant expressions.
//!   Untyped intermediate results beyond the f64 range (`1e300 * 1e300 / 1e300`) are kept as
//!   [`ConstValue::BigFloat`] (f64 mantissa, i64 binary exponent) and become `Float` again when
//!   they fit; a `BigFloat` never survives into a typed constant.
//! - Strings are byte vectors (Go strings may hold invalid UTF-8).
//!
//! Invariant: after the checker has given a constant expression its final type, its recorded value
//! has the variant of that type's kind: `Int` for every integer type, `Float` for floats, `Bool`,
//! `String`.

use super::ty::BasicKind;
use crate::syntax::ast::BinaryOp;

/// A constant value.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    Bool(bool),
    Int(i128),
    Float(f64),
    String(Vec<u8>),
    /// An untyped float in extended form (only for untyped intermediates, never in a typed
    /// constant): `mant * 2^exp`, or exactly `exact = (num, den)` (den > 0, reduced) so that
    /// `0.1 + 0.2` is exactly `0.3` as in Go. Exact values fall back to `mant`/`exp` when the
    /// rational arithmetic overflows i128.
    BigFloat { mant: f64, exp: i64, exact: Option<(i128, i128)> },
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a.max(1)
}

/// A reduced rational (or None if `den == 0`).
pub fn rat(num: i128, den: i128) -> Option<ConstValue> {
    if den == 0 {
        return None;
    }
    let g = gcd(num, den);
    let (mut n, mut d) = (num / g, den / g);
    if d < 0 {
        n = n.checked_neg()?;
        d = d.checked_neg()?;
    }
    let (mant, exp) = frexp(rat_to_f64(n, d));
    Some(ConstValue::BigFloat { mant, exp, exact: Some((n, d)) })
}

/// The constant for a float literal: exact when its decimal text fits a rational of i128s.
pub fn float_lit(text: &str, value: f64) -> ConstValue {
    exact_decimal(text).unwrap_or(ConstValue::Float(value))
}

fn exact_decimal(text: &str) -> Option<ConstValue> {
    let t: String = text.chars().filter(|&c| c != '_').collect();
    if t.starts_with("0x") || t.starts_with("0X") {
        return None;
    }
    let (mant, exp) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], t[i + 1..].parse::<i32>().ok()?),
        None => (&t[..], 0),
    };
    let (int_part, frac) = match mant.split_once('.') {
        Some((a, b)) => (a, b),
        None => (mant, ""),
    };
    let digits = format!("{int_part}{frac}");
    let digits = digits.trim_start_matches('0');
    if digits.len() > 36 {
        return None;
    }
    let num: i128 = if digits.is_empty() { 0 } else { digits.parse().ok()? };
    let scale = exp - frac.len() as i32;
    if scale.abs() > 36 {
        return None;
    }
    let p = 10i128.checked_pow(scale.unsigned_abs())?;
    if scale >= 0 { rat(num.checked_mul(p)?, 1) } else { rat(num, p) }
}

fn as_rat(v: &ConstValue) -> Option<(i128, i128)> {
    match v {
        ConstValue::Int(i) => Some((*i, 1)),
        ConstValue::BigFloat { exact: Some((n, d)), .. } => Some((*n, *d)),
        _ => None,
    }
}

/// Exact rational arithmetic; None on overflow (caller falls back to floats).
fn rat_binary(op: BinaryOp, a: (i128, i128), b: (i128, i128)) -> Option<ConstValue> {
    let (an, ad) = a;
    let (bn, bd) = b;
    match op {
        BinaryOp::Add | BinaryOp::Sub => {
            let bn = if op == BinaryOp::Sub { bn.checked_neg()? } else { bn };
            let g = gcd(ad, bd);
            let l = (ad / g).checked_mul(bd)?;
            let n = an.checked_mul(l / ad)?.checked_add(bn.checked_mul(l / bd)?)?;
            rat(n, l)
        }
        BinaryOp::Mul => {
            let g1 = gcd(an, bd);
            let g2 = gcd(bn, ad);
            rat((an / g1).checked_mul(bn / g2)?, (ad / g2).checked_mul(bd / g1)?)
        }
        BinaryOp::Div => {
            if bn == 0 {
                return None;
            }
            let g1 = gcd(an, bn);
            let g2 = gcd(ad, bd);
            rat((an / g1).checked_mul(bd / g2)?, (ad / g2).checked_mul(bn / g1)?)
        }
        _ => None,
    }
}

/// Splits a float into (mantissa in [0.5, 1), exponent); zero is (0, 0).
fn frexp(f: f64) -> (f64, i64) {
    if f == 0.0 || !f.is_finite() {
        return (f, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(f * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// `m * 2^e` as f64 (infinite or zero when out of range).
fn ldexp(m: f64, e: i64) -> f64 {
    let mut r = m;
    let mut e = e;
    while e > 1000 {
        r *= 2f64.powi(1000);
        e -= 1000;
        if r.is_infinite() {
            return r;
        }
    }
    while e < -1000 {
        r *= 2f64.powi(-1000);
        e += 1000;
        if r == 0.0 {
            return r;
        }
    }
    r * 2f64.powi(e as i32)
}

fn ext(v: &ConstValue) -> Option<(f64, i64)> {
    match v {
        ConstValue::BigFloat { exact: Some((n, d)), .. } => Some(frexp(rat_to_f64(*n, *d))),
        ConstValue::Int(i) => Some(frexp(*i as f64)),
        ConstValue::Float(f) => Some(frexp(*f)),
        ConstValue::BigFloat { mant, exp, .. } => Some((*mant, *exp)),
        _ => None,
    }
}

fn from_ext(m: f64, e: i64) -> ConstValue {
    let (m2, e2) = frexp(m);
    let (m, e) = (m2, e + e2);
    let f = ldexp(m, e);
    if f.is_finite() && (f != 0.0 || m == 0.0) { ConstValue::Float(f) } else { ConstValue::BigFloat { mant: m, exp: e, exact: None } }
}

/// Why a constant operation failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConstError {
    /// Result does not fit the representation (`constant overflow`).
    Overflow,
    /// Integer division by zero (`invalid operation: division by zero`).
    DivByZero,
    /// Operator not defined on these operands.
    BadOperands,
}

impl ConstValue {
    pub fn as_int(&self) -> Option<i128> {
        match self {
            ConstValue::Int(i) => Some(*i),
            ConstValue::Float(f) if f.fract() == 0.0 && f.abs() < 1.7e38 => Some(*f as i128),
            ConstValue::BigFloat { exact: Some((n, 1)), .. } => Some(*n),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            ConstValue::Int(i) => Some(*i as f64),
            ConstValue::Float(f) => Some(*f),
            ConstValue::BigFloat { exact: Some((n, d)), .. } => Some(rat_to_f64(*n, *d)),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            ConstValue::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&[u8]> {
        match self {
            ConstValue::String(s) => Some(s),
            _ => None,
        }
    }
    /// True for integer-valued numeric constants (`1`, `2.0`).
    pub fn is_integral(&self) -> bool {
        self.as_int().is_some()
    }

    /// Formats the value as gc does in messages (`300`, `1.5`, `"abc"`, `true`).
    pub fn to_go_string(&self) -> String {
        match self {
            ConstValue::Bool(b) => b.to_string(),
            ConstValue::Int(i) => i.to_string(),
            ConstValue::Float(f) => format_float(*f),
            ConstValue::BigFloat { exact: Some((n, d)), .. } => format_float(rat_to_f64(*n, *d)),
            ConstValue::String(s) => go_quote(s),
            ConstValue::BigFloat { mant, exp, .. } => {
                let l = mant.abs().log10() + *exp as f64 * std::f64::consts::LOG10_2;
                let e10 = l.floor();
                let m10 = 10f64.powf(l - e10) * mant.signum();
                format!("{}e+{}", (m10 * 1e5).round() / 1e5, e10 as i64)
            }
        }
    }
}

/// Nearest f64 of `n / d` (exact when both fit 53 bits; otherwise close).
fn rat_to_f64(n: i128, d: i128) -> f64 {
    if n.unsigned_abs() < (1u128 << 53) && d < (1i128 << 53) {
        return n as f64 / d as f64;
    }
    // Scale to keep 53+ significant bits in the quotient.
    let q = n / d;
    let r = n % d;
    q as f64 + r as f64 / d as f64
}

/// Formats a float constant like gc's messages (shortest representation, `1e+100` style).
pub fn format_float(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e21 {
        return format!("{}", f as i128);
    }
    let s = format!("{f:e}");
    // Rust prints `1e100`, Go `1e+100`.
    match s.split_once('e') {
        Some((m, e)) if !e.starts_with('-') && f.abs() >= 1e21 => format!("{m}e+{e}"),
        _ if f.abs() >= 1e-4 && f.abs() < 1e21 => format!("{f}"),
        _ => s,
    }
}

/// Quotes bytes as a Go string literal (`strconv.Quote` style).
pub fn go_quote(s: &[u8]) -> String {
    let mut out = String::from("\"");
    let text = String::from_utf8_lossy(s);
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether `v` is representable as a value of basic kind `k`; returns the converted value
/// (`Int` for integer kinds, `Float` for float kinds, rounded to f32 for `float32`).
/// `Err(true)` means "truncated" (a non-integral float for an integer kind), `Err(false)` overflow
/// or a kind mismatch.
pub fn represent(v: &ConstValue, k: BasicKind) -> Result<ConstValue, bool> {
    use BasicKind::*;
    match k {
        Bool | UntypedBool => match v {
            ConstValue::Bool(_) => Ok(v.clone()),
            _ => Err(false),
        },
        String | UntypedString => match v {
            ConstValue::String(_) => Ok(v.clone()),
            _ => Err(false),
        },
        UntypedInt | UntypedRune => match v {
            ConstValue::Int(_) => Ok(v.clone()),
            ConstValue::BigFloat { exact: Some((n, 1)), .. } => Ok(ConstValue::Int(*n)),
            ConstValue::BigFloat { exact: Some(_), .. } => Err(true),
            ConstValue::Float(f) => {
                if f.fract() != 0.0 {
                    Err(true)
                } else if f.abs() < 1.7e38 {
                    Ok(ConstValue::Int(*f as i128))
                } else {
                    Err(false)
                }
            }
            _ => Err(false),
        },
        UntypedFloat if matches!(v, ConstValue::BigFloat { .. }) => Ok(v.clone()),
        UntypedFloat if matches!(v, ConstValue::Int(_)) => {
            let ConstValue::Int(i) = v else { unreachable!() };
            Ok(rat(*i, 1).unwrap_or(ConstValue::Float(*i as f64)))
        }
        Float32 | Float64 | UntypedFloat => {
            let f = match v {
                ConstValue::Int(i) => *i as f64,
                ConstValue::Float(f) => *f,
                ConstValue::BigFloat { exact: Some((n, d)), .. } => rat_to_f64(*n, *d),
                _ => return Err(false),
            };
            if k == Float32 {
                let r = f as f32;
                if r.is_infinite() {
                    return Err(false);
                }
                Ok(ConstValue::Float(r as f64))
            } else if f.is_infinite() {
                Err(false)
            } else {
                Ok(ConstValue::Float(f))
            }
        }
        _ => {
            let Some((bits, signed)) = k.int_bits() else { return Err(false) };
            let i = match v {
                ConstValue::Int(i) => *i,
                ConstValue::BigFloat { exact: Some((n, 1)), .. } => *n,
                ConstValue::BigFloat { exact: Some(_), .. } => return Err(true),
                ConstValue::Float(f) => {
                    if f.fract() != 0.0 {
                        return Err(true);
                    }
                    if f.abs() >= 1.7e38 {
                        return Err(false);
                    }
                    *f as i128
                }
                _ => return Err(false),
            };
            let (lo, hi) = int_range(bits, signed);
            if i < lo || i > hi { Err(false) } else { Ok(ConstValue::Int(i)) }
        }
    }
}

/// Inclusive range of an integer type.
pub fn int_range(bits: u32, signed: bool) -> (i128, i128) {
    if signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    }
}

/// Folds `a op b` for arithmetic and logical operators (not comparisons, not shifts).
/// `integer` selects integer division (operands of integer type, or both untyped integer).
pub fn binary(op: BinaryOp, a: &ConstValue, b: &ConstValue, integer: bool) -> Result<ConstValue, ConstError> {
    use BinaryOp::*;
    use ConstValue as C;
    match (a, b) {
        (C::Bool(x), C::Bool(y)) => match op {
            LogAnd => Ok(C::Bool(*x && *y)),
            LogOr => Ok(C::Bool(*x || *y)),
            _ => Err(ConstError::BadOperands),
        },
        (C::String(x), C::String(y)) => match op {
            Add => {
                let mut s = x.clone();
                s.extend_from_slice(y);
                Ok(C::String(s))
            }
            _ => Err(ConstError::BadOperands),
        },
        (C::Int(x), C::Int(y)) if integer || !matches!(op, Div) => {
            let (x, y) = (*x, *y);
            let r = match op {
                Add => x.checked_add(y),
                Sub => x.checked_sub(y),
                Mul => x.checked_mul(y),
                Div => {
                    if y == 0 {
                        return Err(ConstError::DivByZero);
                    }
                    x.checked_div(y)
                }
                Rem => {
                    if y == 0 {
                        return Err(ConstError::DivByZero);
                    }
                    x.checked_rem(y)
                }
                And => Some(x & y),
                Or => Some(x | y),
                Xor => Some(x ^ y),
                AndNot => Some(x & !y),
                _ => return Err(ConstError::BadOperands),
            };
            r.map(C::Int).ok_or(ConstError::Overflow)
        }
        _ => {
            if integer {
                return Err(ConstError::BadOperands);
            }
            if matches!(a, C::BigFloat { exact: Some(_), .. }) || matches!(b, C::BigFloat { exact: Some(_), .. }) || (matches!(a, C::Int(_)) && matches!(b, C::Int(_))) {
                if let (Some(x), Some(y)) = (as_rat(a), as_rat(b)) {
                    if op == Div && y.0 == 0 {
                        return Err(ConstError::DivByZero);
                    }
                    if let Some(r) = rat_binary(op, x, y) {
                        return Ok(r);
                    }
                }
            }
            if matches!(a, C::BigFloat { .. }) || matches!(b, C::BigFloat { .. }) {
                let (Some((ma, ea)), Some((mb, eb))) = (ext(a), ext(b)) else { return Err(ConstError::BadOperands) };
                return match op {
                    Mul => Ok(from_ext(ma * mb, ea + eb)),
                    Div => {
                        if mb == 0.0 {
                            return Err(ConstError::DivByZero);
                        }
                        Ok(from_ext(ma / mb, ea - eb))
                    }
                    Add | Sub => {
                        let mb = if op == Sub { -mb } else { mb };
                        let e = ea.max(eb);
                        let sa = ldexp(ma, (ea - e).max(-2000));
                        let sb = ldexp(mb, (eb - e).max(-2000));
                        Ok(from_ext(sa + sb, e))
                    }
                    _ => Err(ConstError::BadOperands),
                };
            }
            let (Some(x), Some(y)) = (a.as_f64(), b.as_f64()) else { return Err(ConstError::BadOperands) };
            let r = match op {
                Add => x + y,
                Sub => x - y,
                Mul => x * y,
                Div => {
                    if y == 0.0 {
                        return Err(ConstError::DivByZero);
                    }
                    x / y
                }
                _ => return Err(ConstError::BadOperands),
            };
            if r.is_finite() {
                Ok(C::Float(r))
            } else {
                // Out of f64 range: redo in extended form.
                let (Some((ma, ea)), Some((mb, eb))) = (ext(a), ext(b)) else { return Err(ConstError::Overflow) };
                let r = match op {
                    Mul => from_ext(ma * mb, ea + eb),
                    Div => from_ext(ma / mb, ea - eb),
                    _ => {
                        let mb = if op == Sub { -mb } else { mb };
                        let e = ea.max(eb);
                        from_ext(ldexp(ma, ea - e) + ldexp(mb, eb - e), e)
                    }
                };
                if (ea - eb).abs() > 1 << 40 {
                    return Err(ConstError::Overflow);
                }
                Ok(r)
            }
        }
    }
}

/// Folds a comparison.
pub fn compare(op: BinaryOp, a: &ConstValue, b: &ConstValue) -> Option<bool> {
    use BinaryOp::*;
    use std::cmp::Ordering;
    use ConstValue as C;
    let ord: Ordering = match (a, b) {
        (C::Bool(x), C::Bool(y)) => {
            return match op {
                Eq => Some(x == y),
                Ne => Some(x != y),
                _ => None,
            };
        }
        (C::String(x), C::String(y)) => x.cmp(y),
        (C::Int(x), C::Int(y)) => x.cmp(y),
        (C::BigFloat { exact: Some(_), .. } | C::Int(_), C::BigFloat { exact: Some(_), .. } | C::Int(_)) => {
            let (an, ad) = as_rat(a)?;
            let (bn, bd) = as_rat(b)?;
            match (an.checked_mul(bd), bn.checked_mul(ad)) {
                (Some(l), Some(r)) => l.cmp(&r),
                _ => a.as_f64()?.partial_cmp(&b.as_f64()?)?,
            }
        }
        (C::BigFloat { .. }, _) | (_, C::BigFloat { .. }) => {
            let (ma, ea) = ext(a)?;
            let (mb, eb) = ext(b)?;
            let e = ea.max(eb);
            ldexp(ma, ea - e).partial_cmp(&ldexp(mb, eb - e))?
        }
        _ => a.as_f64()?.partial_cmp(&b.as_f64()?)?,
    };
    Some(match op {
        Eq => ord == Ordering::Equal,
        Ne => ord != Ordering::Equal,
        Lt => ord == Ordering::Less,
        Le => ord != Ordering::Greater,
        Gt => ord == Ordering::Greater,
        Ge => ord != Ordering::Less,
        _ => return None,
    })
}

/// Folds `x << s` / `x >> s` on integers (`s` already checked non-negative).
pub fn shift(op: BinaryOp, x: i128, s: u128) -> Result<i128, ConstError> {
    match op {
        BinaryOp::Shl => {
            if x == 0 {
                return Ok(0);
            }
            if s >= 127 {
                return Err(ConstError::Overflow);
            }
            let r = x.checked_mul(1i128 << s).ok_or(ConstError::Overflow)?;
            Ok(r)
        }
        _ => Ok(if s >= 127 { if x < 0 { -1 } else { 0 } } else { x >> s }),
    }
}

/// Truncates an integer to a typed integer kind's width with wrap-around (used for `^x` on
/// unsigned typed constants, where Go's complement is relative to the type's width).
pub fn complement(x: i128, kind: BasicKind) -> i128 {
    match kind.int_bits() {
        Some((bits, false)) => {
            let mask = if bits == 128 { -1 } else { (1i128 << bits) - 1 };
            !x & mask
        }
        _ => !x,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn representability() {
        assert_eq!(represent(&ConstValue::Int(300), BasicKind::Int8), Err(false));
        assert_eq!(represent(&ConstValue::Int(255), BasicKind::Uint8), Ok(ConstValue::Int(255)));
        assert_eq!(represent(&ConstValue::Float(1.5), BasicKind::Int), Err(true));
        assert_eq!(represent(&ConstValue::Float(2.0), BasicKind::Int), Ok(ConstValue::Int(2)));
        assert_eq!(represent(&ConstValue::Int(3), BasicKind::Float64), Ok(ConstValue::Float(3.0)));
    }

    #[test]
    fn folding() {
        assert_eq!(binary(BinaryOp::Div, &ConstValue::Int(7), &ConstValue::Int(2), true), Ok(ConstValue::Int(3)));
        let q = binary(BinaryOp::Div, &ConstValue::Int(7), &ConstValue::Int(2), false).unwrap();
        assert_eq!(represent(&q, BasicKind::Float64), Ok(ConstValue::Float(3.5)));
        assert_eq!(shift(BinaryOp::Shl, 1, 100), Ok(1i128 << 100));
        assert_eq!(complement(0, BasicKind::Uint8), 255);
        assert_eq!(format_float(1e100), "1e+100");
        assert_eq!(format_float(1.5), "1.5");
        let big = binary(BinaryOp::Mul, &ConstValue::Float(1e300), &ConstValue::Float(1e300), false).unwrap();
        assert!(matches!(big, ConstValue::BigFloat { .. }));
        assert_eq!(represent(&big, BasicKind::Float64), Err(false));
        let back = binary(BinaryOp::Div, &big, &ConstValue::Float(1e300), false).unwrap();
        assert_eq!(back, ConstValue::Float(1e300));
        // Exact decimal arithmetic: 0.1 + 0.2 == 0.3 as in Go.
        let s = binary(BinaryOp::Add, &float_lit("0.1", 0.1), &float_lit("0.2", 0.2), false).unwrap();
        assert_eq!(represent(&s, BasicKind::Float64), Ok(ConstValue::Float(0.3)));
        let t = binary(BinaryOp::Div, &float_lit("2.0", 2.0), &float_lit("3.0", 3.0), false).unwrap();
        assert_eq!(represent(&t, BasicKind::Float64), Ok(ConstValue::Float(2.0 / 3.0)));
        assert_eq!(float_lit("1e3", 1e3).as_int(), Some(1000));
    }
}
