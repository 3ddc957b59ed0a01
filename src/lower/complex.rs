//! complex64/complex128 values in generated code: a complex is two float words (real, imaginary;
//! `F32`s for complex64, `F64`s for complex128), laid out like `[2]float`.
//!
//! Arithmetic follows gc's SSA lowering: `+ - ==` componentwise in the part precision; `*` in
//! float64 (complex64 operands widened, the result narrowed); `/` through the runtime's
//! `complex128div` (gc's algorithm, complex64 widened and narrowed around it).

use cranelift_codegen::ir::{InstBuilder, Value, condcodes::FloatCC, types};

use crate::syntax::ast::BinaryOp;

use super::func::{FnCx, V};

impl<'p, 'a, 'f> FnCx<'p, 'a, 'f> {
    fn widen(&mut self, v: Value) -> Value {
        if self.b.func.dfg.value_type(v) == types::F32 { self.b.ins().fpromote(types::F64, v) } else { v }
    }

    fn narrow(&mut self, v: Value, to: types::Type) -> Value {
        if to == types::F32 { self.b.ins().fdemote(types::F32, v) } else { v }
    }

    /// `x op y` for complex values (`+ - * /`).
    pub fn complex_arith(&mut self, op: BinaryOp, x: &V, y: &V) -> V {
        let (xw, yw) = (x.words(), y.words());
        let (a, b, c, d) = (xw[0], xw[1], yw[0], yw[1]);
        let pt = self.b.func.dfg.value_type(a);
        match op {
            BinaryOp::Add => V::W(vec![self.b.ins().fadd(a, c), self.b.ins().fadd(b, d)]),
            BinaryOp::Sub => V::W(vec![self.b.ins().fsub(a, c), self.b.ins().fsub(b, d)]),
            BinaryOp::Mul => {
                let (a, b, c, d) = (self.widen(a), self.widen(b), self.widen(c), self.widen(d));
                let ac = self.b.ins().fmul(a, c);
                let bd = self.b.ins().fmul(b, d);
                let ad = self.b.ins().fmul(a, d);
                let bc = self.b.ins().fmul(b, c);
                let re = self.b.ins().fsub(ac, bd);
                let im = self.b.ins().fadd(ad, bc);
                V::W(vec![self.narrow(re, pt), self.narrow(im, pt)])
            }
            _ => {
                let (a, b, c, d) = (self.widen(a), self.widen(b), self.widen(c), self.widen(d));
                let out = self.temp(16, 8);
                self.lib("gort_complex128div", &[a, b, c, d, out]);
                let flags = cranelift_codegen::ir::MemFlagsData::trusted();
                let re = self.b.ins().load(types::F64, flags, out, 0);
                let im = self.b.ins().load(types::F64, flags, out, 8);
                V::W(vec![self.narrow(re, pt), self.narrow(im, pt)])
            }
        }
    }

    /// `x == y` (or `!=`) for complex values; I8 result.
    pub fn complex_compare(&mut self, op: BinaryOp, x: &V, y: &V) -> Value {
        let (xw, yw) = (x.words(), y.words());
        let re = self.b.ins().fcmp(FloatCC::Equal, xw[0], yw[0]);
        let im = self.b.ins().fcmp(FloatCC::Equal, xw[1], yw[1]);
        let eq = self.b.ins().band(re, im);
        if op == BinaryOp::Eq { eq } else { self.b.ins().bxor_imm_s(eq, 1) }
    }

    /// `-x` for a complex value.
    pub fn complex_neg(&mut self, x: &V) -> V {
        let w = x.words();
        V::W(vec![self.b.ins().fneg(w[0]), self.b.ins().fneg(w[1])])
    }

    /// Conversion between complex64 and complex128.
    pub fn complex_convert(&mut self, x: &V, to: types::Type) -> V {
        let w = x.words();
        let conv = |cx: &mut Self, v: Value| {
            let from = cx.b.func.dfg.value_type(v);
            if from == to {
                v
            } else if to == types::F64 {
                cx.b.ins().fpromote(types::F64, v)
            } else {
                cx.b.ins().fdemote(types::F32, v)
            }
        };
        V::W(vec![conv(self, w[0]), conv(self, w[1])])
    }

    /// `print` of a complex value (gc's `printcomplex128`/`printcomplex64`).
    pub fn print_complex(&mut self, x: &V) {
        let w = x.words();
        let bits = if self.b.func.dfg.value_type(w[0]) == types::F32 { 32 } else { 64 };
        let (re, im) = (self.widen(w[0]), self.widen(w[1]));
        let bits = self.b.ins().iconst(types::I64, bits);
        self.lib("gort_printcomplex", &[re, im, bits]);
    }
}
