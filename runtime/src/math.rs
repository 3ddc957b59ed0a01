//! Ports of gc's math assembly for amd64 where it computes differently from math's Go code:
//! `archExp` (exp_amd64.s, Shibata's method, with its FMA variant on CPUs with AVX and FMA as
//! gc's `useFMA`), `archLog` (log_amd64.s) and `archHypot` (hypot_amd64.s). Each step is the
//! assembly's instruction, in its order, so every result is bit-identical to gc's (IEEE
//! operations round the same; `mul_add` is the fused VFMADD). Hooked by `lower/hooks.rs`.

const POS_INF: u64 = 0x7FF0_0000_0000_0000;
const NEG_INF: u64 = 0xFFF0_0000_0000_0000;
/// The NaN gc's assembly returns (math.NaN()'s bits).
const NAN: u64 = 0x7FF8_0000_0000_0001;

/// gc's `useFMA = cpu.X86.HasAVX && cpu.X86.HasFMA` (both checked with the OS's xsave support).
fn use_fma() -> bool {
    static FMA: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *FMA.get_or_init(|| std::arch::is_x86_feature_detected!("avx") && std::arch::is_x86_feature_detected!("fma"))
}

/// `CVTSD2SL`: round to nearest even (MXCSR's default), the integer indefinite `i32::MIN` when
/// out of range or NaN.
fn cvtsd2sl(x: f64) -> i32 {
    let r = x.round_ties_even();
    if r.is_nan() || r < i32::MIN as f64 || r > i32::MAX as f64 { i32::MIN } else { r as i32 }
}

const LN2U: f64 = 0.69314718055966295651160180568695068359375;
const LN2L: f64 = 0.28235290563031577122588448175013436025525412068e-12;
const LOG2E: f64 = 1.4426950408889634073599246810018920;
const OVERFLOW: f64 = 7.09782712893384e+02;
/// exprodata<>: 0.5, 1.0, 2.0, then the Taylor coefficients 1/3! .. 1/8!.
const C: [f64; 9] = [
    0.5,
    1.0,
    2.0,
    1.6666666666666666667e-1,
    4.1666666666666666667e-2,
    8.3333333333333333333e-3,
    1.3888888888888888889e-3,
    1.9841269841269841270e-4,
    2.4801587301587301587e-5,
];

/// `math.archExp`.
pub fn exp(x: f64, fma: bool) -> f64 {
    let bits = x.to_bits();
    if bits & !(1 << 63) >= POS_INF {
        // -Inf → 0; NaN and +Inf → x
        return if bits == NEG_INF { 0.0 } else { x };
    }
    if x > OVERFLOW {
        return f64::INFINITY;
    }
    let mut bx = cvtsd2sl(LOG2E * x);
    let k = bx as f64;
    let mut x0 = x;
    let mut x1;
    if fma {
        x0 = (-k).mul_add(LN2U, x0);
        x0 = (-k).mul_add(LN2L, x0);
        x0 *= 0.0625;
        x1 = C[8];
        for c in [C[7], C[6], C[5], C[4], C[3], C[0], C[1]] {
            x1 = x1.mul_add(x0, c);
        }
        x0 *= x1;
        for _ in 0..3 {
            x1 = x0 + C[2];
            x0 *= x1;
        }
        x1 = x0 + C[2];
        x0 = x0.mul_add(x1, C[1]);
    } else {
        x0 -= LN2U * k;
        x0 -= LN2L * k;
        x0 *= 0.0625;
        x1 = C[8] * x0;
        for c in [C[7], C[6], C[5], C[4], C[3], C[0]] {
            x1 += c;
            x1 *= x0;
        }
        x1 += C[1];
        x0 *= x1;
        for _ in 0..4 {
            x1 = C[2] + x0;
            x0 *= x1;
        }
        x0 += C[1];
    }
    // ldexp: fr * 2**exponent
    bx = bx.wrapping_add(0x3FF);
    if bx <= 0 {
        if bx < -52 {
            return 0.0;
        }
        bx = bx.wrapping_add(0x3FE);
        x0 *= f64::from_bits((bx as u32 as u64) << 52);
        bx = 1;
    } else if bx >= 0x7FF {
        return f64::INFINITY;
    }
    x0 * f64::from_bits((bx as u32 as u64) << 52)
}

/// `math.archLog`.
pub fn log(x: f64) -> f64 {
    const HSQRT2: f64 = 7.07106781186547524401e-01;
    const LN2HI: f64 = 6.93147180369123816490e-01;
    const LN2LO: f64 = 1.90821492927058770002e-10;
    const L: [f64; 7] = [
        6.666666666666735130e-01,
        3.999999999940941908e-01,
        2.857142874366239149e-01,
        2.222219843214978396e-01,
        1.818357216161805012e-01,
        1.531383769920937332e-01,
        1.479819860511658591e-01,
    ];
    let bx = x.to_bits();
    if bx & !(1 << 63) == 0 {
        return f64::NEG_INFINITY;
    }
    if (bx as i64) < 0 {
        return f64::from_bits(NAN);
    }
    if bx >= POS_INF {
        return x; // +Inf or NaN
    }
    let mut f1 = f64::from_bits((bx & 0x000F_FFFF_FFFF_FFFF) | 0.5f64.to_bits());
    let mut k = (((bx >> 52) & 0x7FF) as i32 - 0x3FE) as f64;
    // CMPSD $5 (not less than): the mask is set unless HSqrt2 < f1
    let adj = if HSQRT2 < f1 { 0.0 } else { 1.0 };
    k -= adj;
    f1 *= adj + 1.0;
    let f = f1 - 1.0;
    let s = f / (2.0 + f);
    let s2 = s * s;
    let s4 = s2 * s2;
    let mut t = L[6] * s4;
    t += L[4];
    t *= s4;
    t += L[2];
    t *= s4;
    t += L[0];
    let t1 = s2 * t;
    let mut u = L[5] * s4;
    u += L[3];
    u *= s4;
    u += L[1];
    let t2 = s4 * u;
    let r = t1 + t2;
    let hfsq = 0.5 * f * f;
    let mut x3 = s * (r + hfsq);
    x3 += LN2LO * k;
    let x0 = (hfsq - x3) - f;
    k * LN2HI - x0
}

/// `math.archHypot`.
pub fn hypot(p: f64, q: f64) -> f64 {
    let (pb, qb) = (p.to_bits() & !(1 << 63), q.to_bits() & !(1 << 63));
    if pb >= POS_INF || qb >= POS_INF {
        return if pb == POS_INF || qb == POS_INF { f64::INFINITY } else { f64::from_bits(NAN) };
    }
    if pb | qb == 0 {
        return 0.0;
    }
    let (p, q) = (f64::from_bits(pb), f64::from_bits(qb));
    let (max, min) = if p > q { (p, q) } else { (q, p) };
    let mut x1 = min / max;
    x1 *= x1;
    x1 += 1.0;
    max * x1.sqrt()
}

/// `math.archExp(x)`.
#[unsafe(no_mangle)]
pub extern "C" fn gort_math_exp(x: f64) -> f64 {
    exp(x, use_fma())
}

/// `math.archLog(x)`.
#[unsafe(no_mangle)]
pub extern "C" fn gort_math_log(x: f64) -> f64 {
    log(x)
}

/// `math.archHypot(p, q)`.
#[unsafe(no_mangle)]
pub extern "C" fn gort_math_hypot(p: f64, q: f64) -> f64 {
    hypot(p, q)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Special cases as math's documentation states them, on both exp paths.
    #[test]
    fn special_cases() {
        for fma in [false, true] {
            assert_eq!(exp(0.0, fma), 1.0);
            assert_eq!(exp(f64::NEG_INFINITY, fma), 0.0);
            assert_eq!(exp(f64::INFINITY, fma), f64::INFINITY);
            assert!(exp(f64::NAN, fma).is_nan());
            assert_eq!(exp(710.0, fma), f64::INFINITY);
            assert_eq!(exp(-1000.0, fma), 0.0);
            assert!((exp(1.0, fma) - std::f64::consts::E).abs() < 1e-15);
            // a denormal result
            assert!(exp(-740.0, fma) > 0.0 && exp(-740.0, fma) < f64::MIN_POSITIVE);
        }
        assert_eq!(log(1.0), 0.0);
        assert_eq!(log(0.0), f64::NEG_INFINITY);
        assert!(log(-1.0).is_nan());
        assert_eq!(log(f64::INFINITY), f64::INFINITY);
        assert!((log(std::f64::consts::E) - 1.0).abs() < 1e-15);
        assert_eq!(hypot(3.0, 4.0), 5.0);
        assert_eq!(hypot(f64::NAN, f64::NEG_INFINITY), f64::INFINITY);
        assert!(hypot(f64::NAN, 1.0).is_nan());
        assert_eq!(hypot(0.0, -0.0), 0.0);
    }
}
