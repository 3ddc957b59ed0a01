//! Compile-time constant values and constant folding, modelled on Go's `go/constant`.
//!
//! Integers are arbitrary-precision ([`BigInt`]); floats are exact rationals ([`BigRational`])
//! while their numerator and denominator stay under [`MAX_EXP`] bits, and 512-bit binary floats
//! ([`BigFloat`]) beyond that (gc's `ratVal` / `floatVal` split: once a value is a `BigFloat` it
//! stays one). Complex constants are pairs of reals. A float is rounded only when it is given a
//! typed float or complex type (correctly rounded, subnormals included); the checker reports
//! untyped integers wider than 512 bits as `constant overflow`, as gc does.
//!
//! Strings are byte vectors (Go strings may hold invalid UTF-8).
//!
//! Invariant: a constant's variant follows its type's kind: `Int` for integer types (runes
//! included), `Float` for float types, `Complex` for complex types, `Bool`, `String`; a typed
//! float/complex constant holds the exact value of its rounded `float32`/`float64` parts.

use std::cmp::Ordering;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::ty::BasicKind;
use crate::syntax::ast::BinaryOp;

/// Mantissa precision of [`BigFloat`] values (gc's `prec`).
const PREC: u64 = 512;
/// Rationals whose numerator or denominator reach this many bits become [`BigFloat`]s (gc's
/// `maxExp`).
const MAX_EXP: u64 = 4 << 10;

/// A constant value.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    Bool(bool),
    Int(BigInt),
    Float(Real),
    Complex(Real, Real),
    String(Vec<u8>),
}

/// A real number: an exact fraction or a 512-bit binary float.
#[derive(Clone, Debug, PartialEq)]
pub enum Real {
    Rat(BigRational),
    Big(BigFloat),
}

/// `mant * 2^exp` with `|mant| < 2^512`; `mant` is odd or zero (so equal values are equal
/// structurally).
#[derive(Clone, Debug, PartialEq)]
pub struct BigFloat {
    mant: BigInt,
    exp: i64,
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

// ----- rounding ------------------------------------------------------------------------------

/// Rounds `n / d * 2^e2` (d > 0) to a `p`-bit mantissa, half to even: returns `(m, e)` with the
/// result `m * 2^e`, `|m| <= 2^p`. `min_exp` bounds the exponent of the last mantissa bit (the
/// subnormal range of IEEE formats).
fn round_quotient(n: &BigInt, d: &BigInt, p: u64, min_exp: Option<i64>, e2: i64) -> (BigInt, i64) {
    if n.is_zero() {
        return (BigInt::zero(), 0);
    }
    let neg = n.is_negative();
    let a = n.abs();
    let s = p as i64 + 2 - (a.bits() as i64 - d.bits() as i64);
    let (q, r) = if s >= 0 { (&a << s as u64).div_rem(d) } else { a.div_rem(&(d << (-s) as u64)) };
    let sticky = !r.is_zero();
    let bl = q.bits() as i64;
    let mut k = bl - p as i64;
    if let Some(me) = min_exp {
        // The last bit's exponent is k - s + e2; it may not go below me.
        if k - s + e2 < me {
            k = me + s - e2;
        }
    }
    let mut m;
    if k <= 0 {
        m = q;
    } else if k > bl {
        // Every bit of q is shifted out and q < 2^(k-1) is below half the last place: the
        // result is zero. (Computing `1 << (k - 1)` here would take 2^31 bits for a literal such
        // as 0x1p-2147483000 underflowing a float64.)
        m = BigInt::zero();
    } else {
        let k = k as u64;
        m = &q >> k;
        let rem = &q - (&m << k);
        let half = BigInt::one() << (k - 1);
        let up = match rem.cmp(&half) {
            Ordering::Greater => true,
            Ordering::Equal => sticky || m.is_odd(),
            Ordering::Less => false,
        };
        if up {
            m += 1;
        }
    }
    let e = k.max(0) - s + e2;
    if neg {
        m = -m;
    }
    (m, e)
}

/// `m * 2^e` as an f64 (`m` must have at most 53 bits; the product must be representable or
/// overflow to infinity).
fn ldexp(m: &BigInt, e: i64) -> f64 {
    let mut f = m.to_f64().unwrap_or(0.0);
    let mut e = e;
    while e > 0 && f.is_finite() {
        let step = e.min(1000);
        f *= 2f64.powi(step as i32);
        e -= step;
    }
    while e < 0 && f != 0.0 {
        let step = e.max(-1000);
        f *= 2f64.powi(step as i32);
        e -= step;
    }
    f
}

/// Nearest IEEE value of `n / d * 2^e2` with a `p`-bit mantissa, exponent range `[min_exp, max_e)`
/// (as an f64; infinite when out of range).
fn to_ieee(n: &BigInt, d: &BigInt, e2: i64, p: u64, min_exp: i64, max_e: i64) -> f64 {
    let (m, e) = round_quotient(n, d, p, Some(min_exp), e2);
    if m.is_zero() {
        return 0.0;
    }
    if m.bits() as i64 + e > max_e {
        return if m.is_negative() { f64::NEG_INFINITY } else { f64::INFINITY };
    }
    ldexp(&m, e)
}

// ----- reals ---------------------------------------------------------------------------------

impl BigFloat {
    fn new(mant: BigInt, exp: i64) -> BigFloat {
        if mant.is_zero() {
            return BigFloat { mant, exp: 0 };
        }
        let tz = mant.trailing_zeros().unwrap_or(0);
        BigFloat { mant: mant >> tz, exp: exp + tz as i64 }
    }
    /// `n / d * 2^e2` rounded to 512 bits.
    fn round(n: &BigInt, d: &BigInt, e2: i64) -> BigFloat {
        let (m, e) = round_quotient(n, d, PREC, None, e2);
        BigFloat::new(m, e)
    }
    /// Exponent of the value's top bit plus one (`|x| < 2^top`).
    fn top(&self) -> i64 {
        self.mant.bits() as i64 + self.exp
    }
}

fn int_rat(i: BigInt) -> BigRational {
    BigRational::from_integer(i)
}

impl Real {
    pub fn zero() -> Real {
        Real::Rat(BigRational::zero())
    }
    pub fn from_int(i: BigInt) -> Real {
        Real::Rat(int_rat(i))
    }
    /// The exact value of an f64 (`-0` is `0`).
    pub fn from_f64(f: f64) -> Real {
        BigRational::from_float(f).map(Real::Rat).unwrap_or_else(Real::zero)
    }
    /// gc's `makeRat`: a fraction while its parts are small, a 512-bit float otherwise.
    fn make_rat(r: BigRational) -> Real {
        if r.numer().bits() < MAX_EXP && r.denom().bits() < MAX_EXP {
            Real::Rat(r)
        } else {
            Real::Big(BigFloat::round(r.numer(), r.denom(), 0))
        }
    }
    fn to_big(&self) -> BigFloat {
        match self {
            Real::Rat(r) => BigFloat::round(r.numer(), r.denom(), 0),
            Real::Big(b) => b.clone(),
        }
    }
    /// Whether the value lies outside big.Float's exponent range (an int32): go/constant then
    /// has no value for it (`constant result is not representable`).
    pub fn out_of_exp_range(&self) -> bool {
        match self {
            Real::Rat(_) => false,
            Real::Big(b) => b.top() > i32::MAX as i64,
        }
    }
    pub fn sign(&self) -> Sign {
        match self {
            Real::Rat(r) => r.numer().sign(),
            Real::Big(b) => b.mant.sign(),
        }
    }
    pub fn is_zero(&self) -> bool {
        self.sign() == Sign::NoSign
    }
    pub fn neg(&self) -> Real {
        match self {
            Real::Rat(r) => Real::Rat(-r),
            Real::Big(b) => Real::Big(BigFloat { mant: -&b.mant, exp: b.exp }),
        }
    }
    /// Nearest float64 (correctly rounded; infinite when out of range).
    pub fn to_f64(&self) -> f64 {
        match self {
            Real::Rat(r) => to_ieee(r.numer(), r.denom(), 0, 53, -1074, 1024),
            Real::Big(b) => to_ieee(&b.mant, &BigInt::one(), b.exp, 53, -1074, 1024),
        }
    }
    /// Nearest float32, as an f64 (infinite when out of range).
    pub fn to_f32(&self) -> f64 {
        match self {
            Real::Rat(r) => to_ieee(r.numer(), r.denom(), 0, 24, -149, 128),
            Real::Big(b) => to_ieee(&b.mant, &BigInt::one(), b.exp, 24, -149, 128),
        }
    }
    /// gc's `ToInt`: the integer value, if the real is one (a 512-bit float within a few bits
    /// of an integer counts, as rounding noise).
    pub fn to_int(&self) -> Option<BigInt> {
        match self {
            Real::Rat(r) => r.is_integer().then(|| r.numer().clone()),
            Real::Big(b) => {
                if b.mant.is_zero() {
                    return Some(BigInt::zero());
                }
                if b.top() >= MAX_EXP as i64 || b.top() <= -(MAX_EXP as i64) {
                    return None;
                }
                let int_of = |m: &BigInt, e: i64| (e >= 0).then(|| m << e as u64);
                if let Some(i) = int_of(&b.mant, b.exp) {
                    return Some(i);
                }
                const P: u64 = PREC - 4;
                let bits = b.mant.bits();
                if bits <= P {
                    return None;
                }
                let drop = bits - P;
                let mag = b.mant.abs();
                let down = &mag >> drop;
                let sign = |m: BigInt| if b.mant.is_negative() { -m } else { m };
                for m in [down.clone(), down + 1u32] {
                    let f = BigFloat::new(m, b.exp + drop as i64);
                    if let Some(i) = int_of(&f.mant, f.exp) {
                        return Some(sign(i));
                    }
                }
                None
            }
        }
    }
    fn op(&self, op: BinaryOp, y: &Real) -> Result<Real, ConstError> {
        if let (Real::Rat(a), Real::Rat(b)) = (self, y) {
            let r = match op {
                BinaryOp::Add => a + b,
                BinaryOp::Sub => a - b,
                BinaryOp::Mul => a * b,
                BinaryOp::Div => {
                    if b.is_zero() {
                        return Err(ConstError::DivByZero);
                    }
                    a / b
                }
                _ => return Err(ConstError::BadOperands),
            };
            return Ok(Real::make_rat(r));
        }
        let (a, b) = (self.to_big(), y.to_big());
        let r = match op {
            BinaryOp::Mul => BigFloat::round(&(&a.mant * &b.mant), &BigInt::one(), a.exp + b.exp),
            BinaryOp::Div => {
                if b.mant.is_zero() {
                    return Err(ConstError::DivByZero);
                }
                let (n, d) = if b.mant.is_negative() { (-&a.mant, -&b.mant) } else { (a.mant.clone(), b.mant.clone()) };
                BigFloat::round(&n, &d, a.exp - b.exp)
            }
            BinaryOp::Add | BinaryOp::Sub => {
                let bm = if op == BinaryOp::Sub { -&b.mant } else { b.mant.clone() };
                if a.mant.is_zero() {
                    BigFloat::new(bm, b.exp)
                } else if bm.is_zero() {
                    a.clone()
                } else if a.top() - b.top() > 2 * PREC as i64 {
                    a.clone()
                } else if b.top() - a.top() > 2 * PREC as i64 {
                    BigFloat::new(bm, b.exp)
                } else {
                    let e = a.exp.min(b.exp);
                    let sum = (&a.mant << (a.exp - e) as u64) + (bm << (b.exp - e) as u64);
                    BigFloat::round(&sum, &BigInt::one(), e)
                }
            }
            _ => return Err(ConstError::BadOperands),
        };
        Ok(Real::Big(r))
    }
    fn cmp(&self, y: &Real) -> Ordering {
        if let (Real::Rat(a), Real::Rat(b)) = (self, y) {
            return a.cmp(b);
        }
        let (a, b) = (self.to_big(), y.to_big());
        let (sa, sb) = (a.mant.sign(), b.mant.sign());
        if sa != sb || sa == Sign::NoSign {
            return sa.cmp(&sb);
        }
        let mag = if a.top() != b.top() {
            a.top().cmp(&b.top())
        } else {
            let e = a.exp.min(b.exp);
            (a.mant.abs() << (a.exp - e) as u64).cmp(&(b.mant.abs() << (b.exp - e) as u64))
        };
        if sa == Sign::Minus { mag.reverse() } else { mag }
    }

    /// gc's `String` for a float value: `%.6g` of the nearest float64 (more digits when that
    /// would hide a fraction), or an approximate decimal form out of the float64 range.
    pub fn to_go_string(&self) -> String {
        let f = self.to_f64();
        if f.is_finite() && (f == 0.0) == self.is_zero() {
            let s = fmt_g(f, 6);
            if self.to_int().is_none() && !s.contains('.') {
                return fmt_g(f, -1);
            }
            return s;
        }
        // f = mant * 2^exp with 0.5 <= |mant| < 1.
        let b = self.to_big();
        let (m53, e53) = round_quotient(&b.mant, &BigInt::one(), 53, None, 0);
        let bits = m53.bits() as i64;
        let mut m = ldexp(&m53, -bits);
        let exp = e53 + bits + b.exp;
        let d = exp as f64 * (std::f64::consts::LN_2 / std::f64::consts::LN_10);
        let mut e = d as i64;
        m *= 10f64.powf(d - e as f64);
        let am = m.abs();
        if am < 1.0 - 0.5e-6 {
            m *= 10.0;
            e -= 1;
        } else if am >= 10.0 {
            m /= 10.0;
            e += 1;
        }
        format!("{}e{}{}", fmt_g(m, 6), if e >= 0 { "+" } else { "-" }, e.abs())
    }
}

/// Go's `%.Ng` (`prec` < 0: shortest) of an f64.
fn fmt_g(f: f64, prec: i32) -> String {
    let mut out = Vec::new();
    gojit_runtime::strconv::format_float(&mut out, f, b'g', prec, 64);
    String::from_utf8(out).unwrap_or_default()
}

// ----- literals ------------------------------------------------------------------------------

/// The value of an integer literal (`123`, `0x_FF`, `0o17`, `017`, `0b1010`).
pub fn int_lit(text: &str) -> Option<BigInt> {
    let t: String = text.chars().filter(|&c| c != '_').collect();
    let (base, digits) = crate::syntax::literal::int_base(&t);
    if digits.is_empty() {
        return Some(BigInt::zero());
    }
    BigInt::parse_bytes(digits.as_bytes(), base)
}

/// `10^n` as a 512-bit float (by squaring).
fn pow10_big(n: u64) -> BigFloat {
    let mut result = BigFloat::new(BigInt::one(), 0);
    let mut base = BigFloat::new(BigInt::from(10), 0);
    let mut n = n;
    while n > 0 {
        if n & 1 == 1 {
            result = BigFloat::round(&(&result.mant * &base.mant), &BigInt::one(), result.exp + base.exp);
        }
        n >>= 1;
        if n > 0 {
            base = BigFloat::round(&(&base.mant * &base.mant), &BigInt::one(), base.exp * 2);
        }
    }
    result
}

/// The value of a float literal (decimal, or hexadecimal with a `p` exponent), exact while it
/// fits a reasonably-sized fraction (gc's `makeFloatFromLiteral`). `None` if its exponent is out
/// of any representable range (an infinite value).
pub fn float_lit(text: &str) -> Option<Real> {
    let t: String = text.chars().filter(|&c| c != '_').collect::<String>().to_ascii_lowercase();
    if let Some(hex) = t.strip_prefix("0x") {
        let (mant, exp) = hex.split_once('p').unwrap_or((hex, "0"));
        let exp: i64 = exp.parse().ok()?;
        let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
        let digits = format!("{ip}{fp}");
        let m = if digits.is_empty() { BigInt::zero() } else { BigInt::parse_bytes(digits.as_bytes(), 16)? };
        let e = exp.checked_sub(4 * fp.len() as i64)?;
        let b = BigFloat::round(&m, &BigInt::one(), e);
        if b.top() > i32::MAX as i64 {
            return None;
        }
        return Some(if b.top().abs() < MAX_EXP as i64 && e.abs() < 2 * MAX_EXP as i64 {
            let r = if e >= 0 { int_rat(m << e as u64) } else { BigRational::new(m, BigInt::one() << (-e) as u64) };
            Real::Rat(r)
        } else {
            Real::Big(b)
        });
    }
    let (mant, exp) = t.split_once('e').unwrap_or((&t, "0"));
    let exp: i64 = match exp.parse() {
        Ok(e) => e,
        // An exponent beyond i64: zero if negative, infinite otherwise.
        Err(_) => return if exp.starts_with('-') { Some(Real::zero()) } else { None },
    };
    let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
    let digits = format!("{ip}{fp}");
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Some(Real::zero());
    }
    let m = BigInt::parse_bytes(digits.as_bytes(), 10)?;
    let e10 = exp.checked_sub(fp.len() as i64)?;
    // Binary exponent of the value, approximately.
    let approx = (digits.len() as f64 - 1.0 + e10 as f64) * std::f64::consts::LOG2_10;
    if approx.abs() < (MAX_EXP - 64) as f64 {
        let p = num_traits::pow(BigInt::from(10), e10.unsigned_abs() as usize);
        let r = if e10 >= 0 { int_rat(m * p) } else { BigRational::new(m, p) };
        return Some(Real::Rat(r));
    }
    // big.Float's exponent is an int32: beyond it the literal is infinite (or zero).
    if approx > i32::MAX as f64 + 8.0 {
        return None;
    }
    if approx < i32::MIN as f64 - 8.0 {
        return Some(Real::zero());
    }
    let mb = Real::Big(BigFloat::round(&m, &BigInt::one(), 0));
    let p = Real::Big(pow10_big(e10.unsigned_abs()));
    let op = if e10 >= 0 { BinaryOp::Mul } else { BinaryOp::Div };
    match mb.op(op, &p).ok()? {
        Real::Big(b) if b.top() > i32::MAX as i64 => None,
        Real::Big(b) if b.top() < i32::MIN as i64 => Some(Real::zero()),
        r => Some(r),
    }
}

// ----- values --------------------------------------------------------------------------------

impl ConstValue {
    pub fn int(i: i128) -> ConstValue {
        ConstValue::Int(BigInt::from(i))
    }
    /// The value as an i128, for integers (and integral floats) that fit.
    pub fn as_int(&self) -> Option<i128> {
        self.as_bigint()?.to_i128()
    }
    /// The exact integer value of an integer or integral float/complex constant (gc's `ToInt`).
    pub fn as_bigint(&self) -> Option<BigInt> {
        match self {
            ConstValue::Int(i) => Some(i.clone()),
            ConstValue::Float(r) => r.to_int(),
            ConstValue::Complex(re, im) if im.is_zero() => re.to_int(),
            _ => None,
        }
    }
    /// The value as the nearest f64 (numeric constants with a zero imaginary part).
    pub fn as_f64(&self) -> Option<f64> {
        self.as_real().map(|r| r.to_f64())
    }
    /// The value as a real (gc's `ToFloat`).
    pub fn as_real(&self) -> Option<Real> {
        match self {
            ConstValue::Int(i) => Some(Real::make_rat(int_rat(i.clone()))),
            ConstValue::Float(r) => Some(r.clone()),
            ConstValue::Complex(re, im) if im.is_zero() => Some(re.clone()),
            _ => None,
        }
    }
    /// The value as a complex (gc's `ToComplex`).
    pub fn as_complex(&self) -> Option<(Real, Real)> {
        match self {
            ConstValue::Complex(re, im) => Some((re.clone(), im.clone())),
            _ => Some((self.as_real()?, Real::zero())),
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
    /// A float or complex value go/constant cannot hold (see `Real::out_of_exp_range`).
    pub fn unrepresentable(&self) -> bool {
        match self {
            ConstValue::Float(r) => r.out_of_exp_range(),
            ConstValue::Complex(re, im) => re.out_of_exp_range() || im.out_of_exp_range(),
            _ => false,
        }
    }
    pub fn is_integral(&self) -> bool {
        self.as_bigint().is_some()
    }
    /// True for numeric zero.
    pub fn is_zero(&self) -> bool {
        match self {
            ConstValue::Int(i) => i.is_zero(),
            ConstValue::Float(r) => r.is_zero(),
            ConstValue::Complex(re, im) => re.is_zero() && im.is_zero(),
            _ => false,
        }
    }
    /// Bits of an integer constant's magnitude (gc's `BitLen`), 0 for other values.
    pub fn bit_len(&self) -> u64 {
        match self {
            ConstValue::Int(i) => i.bits(),
            _ => 0,
        }
    }
    /// The value converted to an untyped kind's representation (int → float → complex).
    pub fn to_kind(&self, k: BasicKind) -> Option<ConstValue> {
        match k {
            BasicKind::UntypedFloat => self.as_real().map(ConstValue::Float),
            BasicKind::UntypedComplex => self.as_complex().map(|(re, im)| ConstValue::Complex(re, im)),
            _ => Some(self.clone()),
        }
    }
    /// `-x`.
    pub fn neg(&self) -> Option<ConstValue> {
        match self {
            ConstValue::Int(i) => Some(ConstValue::Int(-i)),
            ConstValue::Float(r) => Some(ConstValue::Float(r.neg())),
            ConstValue::Complex(re, im) => Some(ConstValue::Complex(re.neg(), im.neg())),
            _ => None,
        }
    }

    /// Formats the value as gc does in messages (`300`, `1.5`, `"abc"`, `true`, `(1 + 2i)`).
    pub fn to_go_string(&self) -> String {
        match self {
            ConstValue::Bool(b) => b.to_string(),
            ConstValue::Int(i) => i.to_string(),
            ConstValue::Float(r) => r.to_go_string(),
            ConstValue::Complex(re, im) => format!("({} + {}i)", re.to_go_string(), im.to_go_string()),
            ConstValue::String(s) => {
                let q = go_quote(s);
                if q.chars().count() > 72 {
                    let short: String = q.chars().take(69).collect();
                    format!("{short}...")
                } else {
                    q
                }
            }
        }
    }
}

/// Formats an f64 like gc's constant messages (`%.6g`).
pub fn format_float(f: f64) -> String {
    Real::from_f64(f).to_go_string()
}

/// Quotes bytes as a Go string literal (`strconv.Quote` style).
pub fn go_quote(s: &[u8]) -> String {
    let mut out = Vec::new();
    gojit_runtime::strconv::quote::quote_into(&mut out, s, b'"', false);
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether `v` is representable as a value of basic kind `k`; returns the converted value
/// (`Int` for integer kinds, `Float` rounded to the type for float kinds, `Complex` likewise).
/// `Err(true)` means "truncated" (a non-integer constant for an integer kind), `Err(false)`
/// overflow or a kind mismatch.
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
        UntypedFloat => v.as_real().map(ConstValue::Float).ok_or(false),
        UntypedComplex => v.as_complex().map(|(re, im)| ConstValue::Complex(re, im)).ok_or(false),
        Float32 | Float64 => {
            let r = v.as_real().ok_or(false)?;
            let f = if k == Float32 { r.to_f32() } else { r.to_f64() };
            if f.is_infinite() {
                return Err(false);
            }
            Ok(ConstValue::Float(Real::from_f64(f)))
        }
        Complex64 | Complex128 => {
            let (re, im) = v.as_complex().ok_or(false)?;
            let round = |r: &Real| if k == Complex64 { r.to_f32() } else { r.to_f64() };
            let (fr, fi) = (round(&re), round(&im));
            if fr.is_infinite() || fi.is_infinite() {
                return Err(false);
            }
            Ok(ConstValue::Complex(Real::from_f64(fr), Real::from_f64(fi)))
        }
        _ => {
            let numeric = matches!(v, ConstValue::Int(_) | ConstValue::Float(_) | ConstValue::Complex(..));
            let trunc = numeric && !matches!(v, ConstValue::Int(_));
            let Some(i) = v.as_bigint() else { return Err(trunc) };
            if k == UntypedInt || k == UntypedRune {
                return Ok(ConstValue::Int(i));
            }
            let Some((bits, signed)) = k.int_bits() else { return Err(false) };
            let (lo, hi) = int_range(bits, signed);
            if i < BigInt::from(lo) || i > BigInt::from(hi) { Err(trunc) } else { Ok(ConstValue::Int(i)) }
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

/// The numeric "rank" gc's `match` promotes operands to: int < float < complex.
fn rank(v: &ConstValue) -> u8 {
    match v {
        ConstValue::Int(_) => 0,
        ConstValue::Float(_) => 1,
        ConstValue::Complex(..) => 2,
        _ => 3,
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
        (C::Int(x), C::Int(y)) if integer || op != Div => {
            let r = match op {
                Add => x + y,
                Sub => x - y,
                Mul => x * y,
                Div | Rem if y.is_zero() => return Err(ConstError::DivByZero),
                // Go's integer division truncates toward zero, as BigInt's `/` and `%` do.
                Div => x / y,
                Rem => x % y,
                And => x & y,
                Or => x | y,
                Xor => x ^ y,
                AndNot => x & !y,
                _ => return Err(ConstError::BadOperands),
            };
            Ok(C::Int(r))
        }
        _ if integer => Err(ConstError::BadOperands),
        _ if rank(a) >= 3 || rank(b) >= 3 => Err(ConstError::BadOperands),
        _ if rank(a) == 2 || rank(b) == 2 => {
            let ((ar, ai), (br, bi)) = (a.as_complex().unwrap(), b.as_complex().unwrap());
            let (re, im) = complex_op(op, (&ar, &ai), (&br, &bi))?;
            Ok(C::Complex(re, im))
        }
        _ => {
            let (x, y) = (a.as_real().unwrap(), b.as_real().unwrap());
            Ok(C::Float(x.op(op, &y)?))
        }
    }
}

fn complex_op(op: BinaryOp, (a, b): (&Real, &Real), (c, d): (&Real, &Real)) -> Result<(Real, Real), ConstError> {
    use BinaryOp::*;
    match op {
        Add => Ok((a.op(Add, c)?, b.op(Add, d)?)),
        Sub => Ok((a.op(Sub, c)?, b.op(Sub, d)?)),
        Mul => {
            let (ac, bd, bc, ad) = (a.op(Mul, c)?, b.op(Mul, d)?, b.op(Mul, c)?, a.op(Mul, d)?);
            Ok((ac.op(Sub, &bd)?, bc.op(Add, &ad)?))
        }
        Div => {
            let (ac, bd, bc, ad) = (a.op(Mul, c)?, b.op(Mul, d)?, b.op(Mul, c)?, a.op(Mul, d)?);
            let s = c.op(Mul, c)?.op(Add, &d.op(Mul, d)?)?;
            Ok((ac.op(Add, &bd)?.op(Div, &s)?, bc.op(Sub, &ad)?.op(Div, &s)?))
        }
        _ => Err(ConstError::BadOperands),
    }
}

/// Folds a comparison.
pub fn compare(op: BinaryOp, a: &ConstValue, b: &ConstValue) -> Option<bool> {
    use BinaryOp::*;
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
        _ if rank(a) >= 3 || rank(b) >= 3 => return None,
        _ if rank(a) == 2 || rank(b) == 2 => {
            let ((ar, ai), (br, bi)) = (a.as_complex()?, b.as_complex()?);
            let eq = ar.cmp(&br) == Ordering::Equal && ai.cmp(&bi) == Ordering::Equal;
            return match op {
                Eq => Some(eq),
                Ne => Some(!eq),
                _ => None,
            };
        }
        _ => a.as_real()?.cmp(&b.as_real()?),
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

/// Folds `x << s` / `x >> s` on integers (the checker bounds `s`).
pub fn shift(op: BinaryOp, x: &BigInt, s: u64) -> BigInt {
    match op {
        // BigInt's `>>` rounds toward negative infinity, as Go's arithmetic shift does.
        BinaryOp::Shl => x << s,
        _ => x >> s,
    }
}

/// `^x`; for unsigned typed constants the complement is relative to the type's width.
pub fn complement(x: &BigInt, kind: BasicKind) -> BigInt {
    match kind.int_bits() {
        Some((bits, false)) => {
            let mask = (BigInt::one() << bits) - 1;
            !x & mask
        }
        _ => !x,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i128) -> ConstValue {
        ConstValue::int(i)
    }
    fn lit(s: &str) -> ConstValue {
        ConstValue::Float(float_lit(s).unwrap())
    }
    fn f64v(f: f64) -> ConstValue {
        ConstValue::Float(Real::from_f64(f))
    }

    #[test]
    fn representability() {
        assert_eq!(represent(&int(300), BasicKind::Int8), Err(false));
        assert_eq!(represent(&int(255), BasicKind::Uint8), Ok(int(255)));
        assert_eq!(represent(&lit("1.5"), BasicKind::Int), Err(true));
        assert_eq!(represent(&lit("2.0"), BasicKind::Int), Ok(int(2)));
        assert_eq!(represent(&int(3), BasicKind::Float64), Ok(f64v(3.0)));
        assert_eq!(represent(&lit("1e500"), BasicKind::Float64), Err(false));
        assert_eq!(represent(&lit("1e100"), BasicKind::Int), Err(true));
        // float32 rounding is direct, not through float64.
        assert_eq!(represent(&lit("16777217"), BasicKind::Float32), Ok(f64v(16777216.0)));
        assert_eq!(represent(&lit("4.9406564584124654e-324"), BasicKind::Float64), Ok(f64v(5e-324)));
        assert_eq!(represent(&lit("2e-324"), BasicKind::Float64), Ok(f64v(0.0)));
        assert_eq!(represent(&lit("3e-324"), BasicKind::Float64), Ok(f64v(5e-324)));
    }

    #[test]
    fn folding() {
        assert_eq!(binary(BinaryOp::Div, &int(7), &int(2), true), Ok(int(3)));
        assert_eq!(binary(BinaryOp::Div, &int(-7), &int(2), true), Ok(int(-3)));
        assert_eq!(binary(BinaryOp::Rem, &int(-7), &int(2), true), Ok(int(-1)));
        let q = binary(BinaryOp::Div, &int(7), &int(2), false).unwrap();
        assert_eq!(represent(&q, BasicKind::Float64), Ok(f64v(3.5)));
        assert_eq!(shift(BinaryOp::Shl, &BigInt::one(), 200).bits(), 201);
        assert_eq!(shift(BinaryOp::Shr, &BigInt::from(-5), 1), BigInt::from(-3));
        assert_eq!(complement(&BigInt::zero(), BasicKind::Uint8), BigInt::from(255));
        assert_eq!(format_float(1e100), "1e+100");
        assert_eq!(format_float(1.5), "1.5");
        let big = binary(BinaryOp::Mul, &lit("1e300"), &lit("1e300"), false).unwrap();
        assert_eq!(represent(&big, BasicKind::Float64), Err(false));
        let back = binary(BinaryOp::Div, &big, &lit("1e300"), false).unwrap();
        assert_eq!(represent(&back, BasicKind::Float64), Ok(f64v(1e300)));
        let s = binary(BinaryOp::Add, &lit("0.1"), &lit("0.2"), false).unwrap();
        assert_eq!(represent(&s, BasicKind::Float64), Ok(f64v(0.3)));
        assert_eq!(lit("1e3").as_int(), Some(1000));
        assert_eq!(lit("1e500").to_go_string(), "1e+500");
        assert_eq!(lit("1e-500").to_go_string(), "1e-500");
        assert_eq!(lit("1e5000").to_go_string(), "1e+5000");
        assert_eq!(lit("0x1p-2").to_go_string(), "0.25");
        assert_eq!(lit("1e100").to_go_string(), "1e+100");
        assert_eq!(lit("123456789.5").to_go_string(), "1.23457e+08");
        let third = binary(BinaryOp::Div, &int(1), &int(3), false).unwrap();
        assert_eq!(third.to_go_string(), "0.333333");
        let c = binary(BinaryOp::Add, &int(1), &ConstValue::Complex(Real::zero(), Real::from_int(BigInt::from(2))), false).unwrap();
        assert_eq!(c.to_go_string(), "(1 + 2i)");
    }

    #[test]
    fn huge_exponents() {
        let a = lit("1e100000");
        let b = lit("1e99999");
        let q = binary(BinaryOp::Div, &a, &b, false).unwrap();
        assert_eq!(represent(&q, BasicKind::Float64), Ok(f64v(10.0)));
        assert_eq!(float_lit("1e-99999999999999999999").map(|r| r.is_zero()), Some(true));
        // Underflow to zero without materialising 2^2147483000 (it took 1 s and 256 MB; Go
        // 1.27.3 prints 0 for println(0x1p-2147483000)).
        let t = std::time::Instant::now();
        assert_eq!(represent(&lit("0x1p-2147483000"), BasicKind::Float64), Ok(f64v(0.0)));
        assert!(t.elapsed() < std::time::Duration::from_millis(200));
    }
}
