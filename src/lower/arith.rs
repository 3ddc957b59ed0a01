//! Arithmetic with Go's semantics and conversions.
//!
//! * Integers wrap at their width (Cranelift integer ops already do at I8..I64).
//! * `/` and `%` check for a zero divisor (`runtime error: integer divide by zero`) and handle
//!   `MinInt / -1` (= MinInt, remainder 0) without executing the trapping x86 `idiv`.
//! * Shifts: a count >= width gives 0 (or the sign fill for signed `>>`); a negative signed count
//!   panics `runtime error: negative shift amount`.
//! * Conversions: integer truncation/extension by the source's signedness, float->int exactly as
//!   gc's amd64 code (see `float_to_int`: NaN and out-of-range values give what `CVTTSD2SI` gives,
//!   the "integer indefinite" 0x80..0, at the width gc converts at), string conversions via the
//!   runtime.

use cranelift_codegen::ir::{InstBuilder, Value, condcodes::{FloatCC, IntCC}, types};

use crate::syntax::ast::{self, BinaryOp};
use crate::types::{Type as GoType, TypeId, TypeTable};

use super::func::{FnCx, V};
use super::rt::Rt;
use super::tyview::{self, int_type};

impl<'p, 'a, 'f> FnCx<'p, 'a, 'f> {
    /// `x op y` for arithmetic and bitwise operators on values of type `t`.
    pub fn arith(&mut self, op: BinaryOp, t: TypeId, x: &V, y: &V) -> V {
        if tyview::is_string(self.p.tt, t) {
            let (a, b) = (x.words(), y.words());
            let r = self.rt(Rt::ConcatString2, &[a[0], a[1], b[0], b[1]]);
            return V::W(r);
        }
        if tyview::is_complex(self.p.tt, t) {
            return self.complex_arith(op, x, y);
        }
        let (a, b) = (x.w0(), y.w0());
        if tyview::is_float(self.p.tt, t) {
            let r = match op {
                BinaryOp::Add => self.b.ins().fadd(a, b),
                BinaryOp::Sub => self.b.ins().fsub(a, b),
                BinaryOp::Mul => self.b.ins().fmul(a, b),
                _ => self.b.ins().fdiv(a, b),
            };
            return V::one(r);
        }
        let signed = tyview::int_info(self.p.tt, t).map(|i| i.1).unwrap_or(true);
        let r = match op {
            BinaryOp::Add => self.b.ins().iadd(a, b),
            BinaryOp::Sub => self.b.ins().isub(a, b),
            BinaryOp::Mul => self.b.ins().imul(a, b),
            BinaryOp::And => self.b.ins().band(a, b),
            BinaryOp::Or => self.b.ins().bor(a, b),
            BinaryOp::Xor => self.b.ins().bxor(a, b),
            BinaryOp::AndNot => self.b.ins().band_not(a, b),
            BinaryOp::Div | BinaryOp::Rem => self.divide(op == BinaryOp::Rem, signed, a, b),
            BinaryOp::Shl | BinaryOp::Shr => {
                let r = self.shift(op, t, a, b, t);
                return V::one(r);
            }
            _ => a,
        };
        V::one(r)
    }

    fn divide(&mut self, rem: bool, signed: bool, a: Value, b: Value) -> Value {
        let ty = self.b.func.dfg.value_type(a);
        let zero = self.b.ins().icmp_imm_s(IntCC::Equal, b, 0);
        self.panic_if(zero, Rt::PanicDivide, &[]);
        if !signed {
            return if rem { self.b.ins().urem(a, b) } else { self.b.ins().udiv(a, b) };
        }
        // b == -1: a / -1 = -a (wrapping), a % -1 = 0; avoids the idiv overflow trap.
        let minus1 = self.b.ins().icmp_imm_s(IntCC::Equal, b, -1);
        let one = self.b.ins().iconst(ty, 1);
        let safe_b = self.b.ins().select(minus1, one, b);
        if rem {
            let r = self.b.ins().srem(a, safe_b);
            let z = self.b.ins().iconst(ty, 0);
            self.b.ins().select(minus1, z, r)
        } else {
            let q = self.b.ins().sdiv(a, safe_b);
            let n = self.b.ins().ineg(a);
            self.b.ins().select(minus1, n, q)
        }
    }

    /// `x << y` / `x >> y` with Go's semantics; `yt` is the count's type.
    pub fn shift(&mut self, op: BinaryOp, t: TypeId, x: Value, y: Value, yt: TypeId) -> Value {
        let xty = self.b.func.dfg.value_type(x);
        let width = xty.bits() as i64;
        let (ysigned, ybits) = tyview::int_info(self.p.tt, yt).map(|(b, s)| (s, b)).unwrap_or((false, 64));
        let _ = ybits;
        if ysigned {
            let neg = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, y, 0);
            self.panic_if(neg, Rt::PanicShift, &[]);
        }
        // compare the count in 64 bits
        let y64 = {
            let yty = self.b.func.dfg.value_type(y);
            if yty == types::I64 { y } else { self.b.ins().uextend(types::I64, y) }
        };
        let big = self.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThanOrEqual, y64, width);
        let amt = if xty == types::I64 { y64 } else { self.b.ins().ireduce(xty, y64) };
        let signed = tyview::int_info(self.p.tt, t).map(|i| i.1).unwrap_or(true);
        match op {
            BinaryOp::Shl => {
                let r = self.b.ins().ishl(x, amt);
                let z = self.b.ins().iconst(xty, 0);
                self.b.ins().select(big, z, r)
            }
            _ if signed => {
                let wm1 = self.b.ins().iconst(xty, width - 1);
                let a = self.b.ins().select(big, wm1, amt);
                self.b.ins().sshr(x, a)
            }
            _ => {
                let r = self.b.ins().ushr(x, amt);
                let z = self.b.ins().iconst(xty, 0);
                self.b.ins().select(big, z, r)
            }
        }
    }

    /// An explicit conversion `T(x)`.
    pub fn conversion(&mut self, e: &ast::Expr, to: TypeId) -> V {
        let ast::ExprKind::Call { args, .. } = &e.kind else { return self.zero(to) };
        let Some(arg) = args.first() else { return self.zero(to) };
        let from = self.ty(arg);
        let v = self.expr(arg);
        self.convert(v, from, to)
    }

    pub fn convert(&mut self, v: V, from: TypeId, to: TypeId) -> V {
        let tt = self.p.tt;
        if tyview::is_interface(tt, to) {
            if tt.basic(from) == Some(crate::types::BasicKind::UntypedNil) {
                return self.zero(to);
            }
            return self.to_iface(v, from, to);
        }
        let fu = tt.under(from).clone();
        let tu = tt.under(to).clone();
        // string conversions
        if tyview::is_string(tt, to) {
            match fu {
                GoType::Basic(k) if k.is_string() => return v,
                GoType::Basic(_) => {
                    let r = self.to_i64(v.w0(), from);
                    return V::W(self.rt(Rt::IntString, &[r]));
                }
                GoType::Slice(el) => {
                    let w = v.words();
                    let f = if tt.under(el) == &GoType::Basic(crate::types::BasicKind::Int32) {
                        Rt::SliceRuneToString
                    } else {
                        Rt::SliceByteToString
                    };
                    return V::W(self.rt(f, &[w[0], w[1]]));
                }
                _ => return v,
            }
        }
        if let (GoType::Slice(el), true) = (&tu, tyview::is_string(tt, from)) {
            let w = v.words();
            let out = self.temp(24, 8);
            let f = if tt.under(*el) == &GoType::Basic(crate::types::BasicKind::Int32) {
                Rt::StringToSliceRune
            } else {
                Rt::StringToSliceByte
            };
            self.rt(f, &[w[0], w[1], out]);
            return self.load(to, out, 0);
        }
        if tyview::is_complex(tt, from) && tyview::is_complex(tt, to) {
            let w = self.p.repr(to).words()[0];
            return self.complex_convert(&v, w);
        }
        if let GoType::Slice(_) = fu {
            if let Some(v) = self.slice_to_array(&v, to, &tu) {
                return v;
            }
        }
        // numeric conversions
        let fi = tyview::int_info(tt, from);
        let ti = tyview::int_info(tt, to);
        let ff = tyview::is_float(tt, from);
        let tf = tyview::is_float(tt, to);
        let x = v.w0();
        match (fi, ti, ff, tf) {
            (Some((fb, fs)), Some((tb, _)), _, _) => {
                let r = if tb < fb {
                    self.b.ins().ireduce(int_type(tb), x)
                } else if tb > fb {
                    if fs { self.b.ins().sextend(int_type(tb), x) } else { self.b.ins().uextend(int_type(tb), x) }
                } else {
                    x
                };
                V::one(r)
            }
            (Some((_, fs)), None, _, true) => {
                let fty = self.p.repr(to).words()[0];
                let r = if fs { self.b.ins().fcvt_from_sint(fty, x) } else { self.b.ins().fcvt_from_uint(fty, x) };
                V::one(r)
            }
            (None, Some((tb, ts)), true, _) => V::one(self.float_to_int(x, tb, ts)),
            (None, None, true, true) => {
                let fty = self.b.func.dfg.value_type(x);
                let tty = self.p.repr(to).words()[0];
                let r = if fty == tty {
                    x
                } else if tty == types::F64 {
                    self.b.ins().fpromote(types::F64, x)
                } else {
                    self.b.ins().fdemote(types::F32, x)
                };
                V::one(r)
            }
            _ => v,
        }
    }

    /// Slice to array `[N]T(s)` or array pointer `(*[N]T)(s)` (`to_u`: the underlying type of
    /// `to`): panics `cannot convert slice with length L to array or pointer to array with length
    /// N` when `len(s) < N`; the pointer is the slice's (nil for a nil slice), the array a copy.
    fn slice_to_array(&mut self, v: &V, to: TypeId, to_u: &GoType) -> Option<V> {
        let (arr, is_ptr) = match to_u {
            GoType::Array { .. } => (to, false),
            GoType::Pointer(e) if matches!(self.p.tt.under(*e), GoType::Array { .. }) => (*e, true),
            _ => return None,
        };
        let GoType::Array { len: n, .. } = self.p.tt.under(arr).clone() else { return None };
        let w = v.words();
        let nv = self.i64c(n as i64);
        let short = self.b.ins().icmp(IntCC::SignedLessThan, w[1], nv);
        self.bounds_fail_if(short, gojit_runtime::panic::bounds::CONVERT, w[1], nv, true);
        if is_ptr {
            return Some(V::one(w[0]));
        }
        if n == 0 {
            return Some(self.zero(arr));
        }
        let a = self.load(arr, w[0], 0);
        Some(self.copy_to_temp(arr, &a))
    }

    /// A float converted to an integer of `bits` bits as gc compiles it for amd64, including for
    /// NaN, ±Inf and out-of-range values (for which Go leaves the result implementation-defined):
    /// - int64/int: `CVTTSD2SQ`; int32, int16, int8, uint16, uint8: `CVTTSD2SL` then truncation;
    ///   uint32: `CVTTSD2SQ` then truncation;
    /// - uint64/uint/uintptr: `x < 2^63 ? CVTTSD2SQ(x) : CVTTSD2SQ(x - 2^63) | 1<<63`.
    ///
    /// A float32 is widened first (exact, and every step gives the same result on the widened
    /// value).
    pub fn float_to_int(&mut self, x: Value, bits: u32, signed: bool) -> Value {
        let x = if self.b.func.dfg.value_type(x) == types::F32 { self.b.ins().fpromote(types::F64, x) } else { x };
        let r = match (bits, signed) {
            (64, true) => self.cvtt(x, 64),
            (64, false) => {
                let two63 = self.b.ins().f64const(9223372036854775808.0);
                let small = self.b.ins().fcmp(FloatCC::LessThan, x, two63);
                let lo = self.cvtt(x, 64);
                let y = self.b.ins().fsub(x, two63);
                let z = self.cvtt(y, 64);
                let hi = self.b.ins().bor_imm_s(z, i64::MIN);
                self.b.ins().select(small, lo, hi)
            }
            (32, false) => self.cvtt(x, 64),
            _ => self.cvtt(x, 32),
        };
        let have = self.b.func.dfg.value_type(r).bits();
        if bits < have { self.b.ins().ireduce(int_type(bits), r) } else { r }
    }

    /// x86's `CVTTSD2SI` to a `bits`-bit (32 or 64) integer: truncation toward zero, and the
    /// "integer indefinite" value (the minimum integer) for NaN and results out of range.
    fn cvtt(&mut self, x: Value, bits: u32) -> Value {
        let ty = int_type(bits);
        let t = self.b.ins().fcvt_to_sint_sat(ty, x);
        // in range: -2^(bits-1) - 1 < x < 2^(bits-1) (both bounds exact in float64); NaN fails both
        let lim = (1u64 << (bits - 1)) as f64;
        let lo = self.b.ins().f64const(-lim - 1.0);
        let hi = self.b.ins().f64const(lim);
        let above = self.b.ins().fcmp(FloatCC::GreaterThan, x, lo);
        let below = self.b.ins().fcmp(FloatCC::LessThan, x, hi);
        let ok = self.b.ins().band(above, below);
        let min = self.b.ins().iconst(ty, if bits == 64 { i64::MIN } else { i32::MIN as i64 });
        self.b.ins().select(ok, t, min)
    }

    /// Converts a value of type `from` to interface type `to`.
    pub fn to_iface(&mut self, v: V, from: TypeId, to: TypeId) -> V {
        let tt = self.p.tt;
        let to_empty = tyview::is_empty_interface(tt, to);
        if tyview::is_interface(tt, from) {
            let w = v.words();
            if to_empty {
                let typ = self.dyn_type(from, w[0]);
                return V::W(vec![typ, w[1]]);
            }
            if tyview::is_empty_interface(tt, from) || from != to {
                // dynamic: nil stays nil, otherwise look up the itab
                let typ = self.dyn_type(from, w[0]);
                let inter = self.p.typedesc(to);
                let iv = self.i64c(inter as i64);
                let is_nil = self.b.ins().icmp_imm_s(IntCC::Equal, typ, 0);
                let yes = self.block();
                let join = self.block();
                self.b.append_block_param(join, types::I64);
                let z = self.i64c(0);
                self.b.ins().brif(is_nil, join, &[z.into()], yes, &[]);
                self.at(yes);
                let tab = self.rt(Rt::GetItab, &[iv, typ])[0];
                self.b.ins().jump(join, &[tab.into()]);
                self.at(join);
                let tab = self.b.block_params(join)[0];
                return V::W(vec![tab, w[1]]);
            }
            return v;
        }
        let data = if tyview::is_direct_iface(tt, from) {
            v.w0()
        } else if let Some((bits, _)) = tyview::int_info(tt, from).filter(|_| self.p.repr(from).words().len() == 1) {
            self.box_small_int(&v, from, bits)
        } else {
            let (size, _) = self.p.size_align(from);
            if size == 0 {
                let td = self.p.typedesc(from);
                self.i64c(td as i64)
            } else {
                let a = self.new_object(from);
                self.store(from, &v, a, 0);
                a
            }
        };
        let first = if to_empty {
            let td = self.p.typedesc(from);
            self.i64c(td as i64)
        } else {
            let tab = super::typedesc::static_itab(self.p, to, from);
            self.i64c(tab as i64)
        };
        V::W(vec![first, data])
    }

    /// The interface data word for an integer: values below 256 point into the runtime's
    /// `STATIC_UINT64S` (as gc's `convT64` does), others are boxed on the heap.
    fn box_small_int(&mut self, v: &V, from: TypeId, bits: u32) -> Value {
        let x = v.w0();
        let wide = if bits < 64 { self.b.ins().uextend(types::I64, x) } else { x };
        let small = self.b.ins().icmp_imm_s(IntCC::UnsignedLessThan, wide, 256);
        let (small_b, big_b, join) = (self.block(), self.block(), self.block());
        self.b.append_block_param(join, types::I64);
        self.b.ins().brif(small, small_b, &[], big_b, &[]);
        self.at(small_b);
        // A copy in the module region (a fixed address in every run, see `string_const`).
        let table = &gojit_runtime::iface::STATIC_UINT64S;
        // SAFETY: the table is 256 initialised u64s, viewed as their 2048 bytes.
        let bytes = unsafe { std::slice::from_raw_parts(table.as_ptr().cast::<u8>(), std::mem::size_of_val(table)) };
        let base = self.i64c(gojit_runtime::abi::module::intern(bytes, 8) as i64);
        let off = self.b.ins().ishl_imm_s(wide, 3);
        let addr = self.b.ins().iadd(base, off);
        self.b.ins().jump(join, &[addr.into()]);
        self.at(big_b);
        let a = self.new_object(from);
        self.store(from, v, a, 0);
        self.b.ins().jump(join, &[a.into()]);
        self.at(join);
        self.b.block_params(join)[0]
    }

    /// The dynamic type descriptor (0 for nil) of an interface's first word.
    pub fn dyn_type(&mut self, it: TypeId, w0: Value) -> Value {
        if tyview::is_empty_interface(self.p.tt, it) {
            return w0;
        }
        // itab -> ITab.Type; nil itab -> 0
        let is_nil = self.b.ins().icmp_imm_s(IntCC::Equal, w0, 0);
        let yes = self.block();
        let join = self.block();
        self.b.append_block_param(join, types::I64);
        self.b.ins().brif(is_nil, join, &[w0.into()], yes, &[]);
        self.at(yes);
        let t = self.b.ins().load(types::I64, cranelift_codegen::ir::MemFlagsData::trusted(), w0, gojit_runtime::abi::itab::ITAB_TYPE_OFFSET);
        self.b.ins().jump(join, &[t.into()]);
        self.at(join);
        self.b.block_params(join)[0]
    }

    /// Whether dynamic type `dyn_t` (non-nil) matches case type `t` (I8).
    pub fn type_matches(&mut self, dyn_t: Value, t: TypeId) -> Value {
        if tyview::is_interface(self.p.tt, t) {
            let inter = self.p.typedesc(t);
            let iv = self.i64c(inter as i64);
            let nonnil = self.b.ins().icmp_imm_s(IntCC::NotEqual, dyn_t, 0);
            let yes = self.block();
            let join = self.block();
            self.b.append_block_param(join, types::I8);
            let f = self.iconst(types::I8, 0);
            self.b.ins().brif(nonnil, yes, &[], join, &[f.into()]);
            self.at(yes);
            let tab = self.rt(Rt::AssertE2I2, &[iv, dyn_t])[0];
            let ok = self.b.ins().icmp_imm_s(IntCC::NotEqual, tab, 0);
            self.b.ins().jump(join, &[ok.into()]);
            self.at(join);
            return self.b.block_params(join)[0];
        }
        let td = self.p.typedesc(t);
        self.b.ins().icmp_imm_s(IntCC::Equal, dyn_t, td as i64)
    }

    /// Extracts a value of type `vt` from an interface (`xt`) whose dynamic type matched.
    pub fn iface_to_type(&mut self, xt: TypeId, w0: Value, data: Value, dyn_t: Value, vt: TypeId) -> V {
        if tyview::is_interface(self.p.tt, vt) {
            if vt == xt {
                return V::W(vec![w0, data]);
            }
            if tyview::is_empty_interface(self.p.tt, vt) {
                return V::W(vec![dyn_t, data]);
            }
            return self.to_iface(V::W(vec![w0, data]), xt, vt);
        }
        if tyview::is_direct_iface(self.p.tt, vt) {
            return V::one(data);
        }
        let v = self.load(vt, data, 0);
        self.copy_to_temp(vt, &v)
    }

    /// `x.(T)`: the value, and (comma-ok) whether it matched; without comma-ok a mismatch panics.
    pub fn type_assert(&mut self, x: &ast::Expr, t: TypeId, commaok: bool) -> (V, Value) {
        let xt = self.ty(x);
        let w = self.expr(x).words();
        let dyn_t = self.dyn_type(xt, w[0]);
        let ok = self.type_matches(dyn_t, t);
        if !commaok {
            let bad = self.b.ins().bxor_imm_s(ok, 1);
            let want = self.p.typedesc(t);
            let iface = self.p.typedesc(xt);
            let wv = self.i64c(want as i64);
            let iv = self.i64c(iface as i64);
            self.panic_if(bad, Rt::TypeAssertFail, &[dyn_t, wv, iv]);
            let v = self.iface_to_type(xt, w[0], w[1], dyn_t, t);
            return (v, ok);
        }
        // comma-ok: value or zero
        let yes = self.block();
        let no = self.block();
        let join = self.block();
        let repr = self.p.repr(t);
        let (size, align) = self.p.size_align(t);
        let tmp = if repr.is_mem() { Some(self.temp(size, align)) } else { None };
        for &wt in repr.words() {
            self.b.append_block_param(join, wt);
        }
        self.b.ins().brif(ok, yes, &[], no, &[]);
        self.at(yes);
        let v = self.iface_to_type(xt, w[0], w[1], dyn_t, t);
        match tmp {
            Some(a) => {
                self.store(t, &v, a, 0);
                self.jump(join);
            }
            None => {
                let args: Vec<_> = v.words().into_iter().map(|x| x.into()).collect();
                self.b.ins().jump(join, &args);
            }
        }
        self.at(no);
        match tmp {
            Some(a) => {
                self.memzero(a, size);
                self.jump(join);
            }
            None => {
                let z = self.zero(t).words();
                let args: Vec<_> = z.into_iter().map(|x| x.into()).collect();
                self.b.ins().jump(join, &args);
            }
        }
        self.at(join);
        let v = match tmp {
            Some(a) => V::M(a),
            None => V::W(self.b.block_params(join).to_vec()),
        };
        (v, ok)
    }

    /// Interface equality (I8); panics for uncomparable dynamic types (runtime).
    pub fn iface_eq(&mut self, t: TypeId, x: &[Value], y: &[Value]) -> Value {
        let f = if tyview::is_empty_interface(self.p.tt, t) { Rt::EfaceEq } else { Rt::IfaceEq };
        let r = self.rt(f, &[x[0], x[1], y[0], y[1]])[0];
        self.b.ins().icmp_imm_s(IntCC::NotEqual, r, 0)
    }

    #[allow(dead_code)]
    fn untyped(&self, t: TypeId) -> bool {
        t == TypeTable::INVALID
    }
}
