//! Complex division with gc's algorithm (`runtime/complex.go`'s `complex128div`): Smith's
//! method, then C99 Annex G's corrections to infinities and zeros when both parts come out NaN.
//! complex64 division widens to complex128 and narrows the result, as gc does.

fn inf2one(f: f64) -> f64 {
    let g: f64 = if f.is_infinite() { 1.0 } else { 0.0 };
    g.copysign(f)
}

/// `n / m` for complex128 values `(a+bi) / (c+di)`.
pub fn complex128div(a: f64, b: f64, c: f64, d: f64) -> (f64, f64) {
    let (mut e, mut f);
    if c.abs() >= d.abs() {
        let ratio = d / c;
        let denom = c + ratio * d;
        e = (a + b * ratio) / denom;
        f = (b - a * ratio) / denom;
    } else {
        let ratio = c / d;
        let denom = d + ratio * c;
        e = (a * ratio + b) / denom;
        f = (b * ratio - a) / denom;
    }
    if e.is_nan() && f.is_nan() {
        let (mut a, mut b, mut c, mut d) = (a, b, c, d);
        let inf = f64::INFINITY;
        if c == 0.0 && d == 0.0 && (!a.is_nan() || !b.is_nan()) {
            e = inf.copysign(c) * a;
            f = inf.copysign(c) * b;
        } else if (a.is_infinite() || b.is_infinite()) && c.is_finite() && d.is_finite() {
            a = inf2one(a);
            b = inf2one(b);
            e = inf * (a * c + b * d);
            f = inf * (b * c - a * d);
        } else if (c.is_infinite() || d.is_infinite()) && a.is_finite() && b.is_finite() {
            c = inf2one(c);
            d = inf2one(d);
            e = 0.0 * (a * c + b * d);
            f = 0.0 * (b * c - a * d);
        }
    }
    (e, f)
}

/// `(a+bi) / (c+di)` stored to `out[0..2]`.
///
/// # Safety
/// `out` must be valid for writing two f64s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_complex128div(a: f64, b: f64, c: f64, d: f64, out: *mut f64) {
    let (e, f) = complex128div(a, b, c, d);
    // SAFETY: caller contract.
    unsafe {
        out.write(e);
        out.add(1).write(f);
    }
}

#[cfg(test)]
mod tests {
    use super::complex128div;

    #[test]
    fn division_matches_gc() {
        // Expectations from Go 1.27.3.
        assert_eq!(complex128div(1.0, 2.0, 3.0, 4.0), (0.44, 0.08));
        let (e, f) = complex128div(1.0, 2.0, 0.0, 0.0);
        assert!(e.is_infinite() && e > 0.0 && f.is_infinite() && f > 0.0);
        let (e, f) = complex128div(1.0, 1.0, f64::INFINITY, 0.0);
        assert_eq!((e, f), (0.0, 0.0));
        let (e, f) = complex128div(f64::INFINITY, 0.0, 1.0, 1.0);
        assert!(e.is_infinite() && f.is_infinite() && f < 0.0);
    }
}
