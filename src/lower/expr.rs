//! Expression lowering: constants, variables, selectors (fields), index and slice expressions with
//! bounds checks, dereference with nil checks, unary and binary operators, comparisons, composite
//! literals, func literals (closures), type assertions and interface conversions.
//!
//! Invariants: `expr` returns the value of the expression in the expression's own recorded type;
//! `expr_as` additionally applies the checker's implicit interface conversion. Bounds and nil
//! checks branch to cold blocks calling the runtime's panic entry points (gc's messages).

use cranelift_codegen::ir::{self, InstBuilder, MemFlagsData, Value, condcodes::FloatCC, condcodes::IntCC, types};

use crate::syntax::ast::{self, BinaryOp, ExprKind, UnaryOp};
use crate::types::{ConstValue, Mode, ObjKind, SelectionKind, Type as GoType, TypeId, TypeTable};
use cranelift_frontend::FunctionBuilder;
use num_traits::ToPrimitive;

use super::func::{FnCx, Place, V};
use super::rt::Rt;
use gojit_runtime::panic::bounds;
use super::tyview::{self, Repr};

/// Longest array whose `==` is emitted as unrolled element comparisons.
const MAX_UNROLLED_ARRAY_EQ: u64 = 16;
/// Plain-memory values larger than this many bytes compare by one `memequal` call.
const MAX_UNROLLED_MEM_EQ: u64 = 64;

impl<'p, 'a, 'f> FnCx<'p, 'a, 'f> {
    pub fn ty(&self, e: &ast::Expr) -> TypeId {
        self.p.type_of(e.id)
    }

    /// The value of `e` converted to type `t` (implicit interface conversions).
    pub fn expr_as(&mut self, e: &ast::Expr, t: TypeId) -> V {
        let v = self.expr(e);
        let from = self.ty(e);
        self.convert_implicit(v, from, t, e)
    }

    pub fn convert_implicit(&mut self, v: V, from: TypeId, to: TypeId, e: &ast::Expr) -> V {
        let target = self.p.info.implicit_conversions.get(&e.id).map(|&t| self.p.sub(t)).or(Some(to));
        match target {
            Some(t) if t != from && tyview::is_interface(self.p.tt, t) && t != TypeTable::INVALID => {
                if self.p.tt.basic(from) == Some(crate::types::BasicKind::UntypedNil) {
                    return self.zero(t);
                }
                self.to_iface(v, from, t)
            }
            _ => v,
        }
    }

    /// A multi-valued expression's values converted to the types `to` of what receives them
    /// (`return h()` or `r, ok = h()` with an interface-typed `r` and `h` returning `*T`); an
    /// INVALID target (blank) keeps the value as is.
    pub fn multi_value_as(&mut self, e: &ast::Expr, to: &[TypeId]) -> Vec<V> {
        let vals = self.multi_value(e);
        let mut from = self.p.tt.tuple_elems(self.ty(e));
        from.resize(vals.len(), TypeTable::BOOL);
        let mut out = Vec::with_capacity(vals.len());
        for (i, v) in vals.into_iter().enumerate() {
            let t = to.get(i).copied().unwrap_or(TypeTable::INVALID);
            let f = from[i];
            if t != f && t != TypeTable::INVALID && tyview::is_interface(self.p.tt, t) {
                out.push(self.to_iface(v, f, t));
            } else {
                out.push(v);
            }
        }
        out
    }

    /// A multi-valued expression's values (calls, comma-ok forms) or a single value.
    pub fn multi_value(&mut self, e: &ast::Expr) -> Vec<V> {
        let u = e.unparen();
        match &u.kind {
            ExprKind::Index { x, index, .. } if matches!(self.p.tt.under(self.ty(x)), GoType::Map { .. }) => {
                let mt = self.ty(x);
                let GoType::Map { key, val } = self.p.tt.under(mt).clone() else { unreachable!() };
                let m = self.expr(x).w0();
                let k = self.expr_as(index, key);
                let (v, ok) = self.map_index(m, &k, mt, val, true);
                vec![v, V::one(ok)]
            }
            ExprKind::TypeAssert { x, .. } => {
                let t = self.p.tt.tuple_elems(self.ty(u)).first().copied().unwrap_or(self.ty(u));
                let (v, ok) = self.type_assert(x, t, true);
                vec![v, V::one(ok)]
            }
            ExprKind::Recv(ch) => {
                if let Some((v, ok)) = self.recv_ok_overrides.get(&u.id) {
                    return vec![v.clone(), ok.clone()];
                }
                let (v, ok) = self.recv_ok(ch);
                vec![v, ok]
            }
            _ => self.expr_multi(e),
        }
    }

    /// Values of a call (possibly several) or one value.
    pub fn expr_multi(&mut self, e: &ast::Expr) -> Vec<V> {
        let u = e.unparen();
        if let Some(v) = self.overrides.get(&u.id) {
            return vec![v.clone()];
        }
        if let ExprKind::Call { .. } = &u.kind {
            if !self.p.info.types[u.fun_id()].is_type() {
                return self.call(u);
            }
        }
        vec![self.expr(e)]
    }

    pub fn expr(&mut self, e: &ast::Expr) -> V {
        // an operand's own checks are not at an enclosing index expression's `[`
        let outer = self.bounds_at.take();
        let v = self.expr_here(e);
        self.bounds_at = outer;
        v
    }

    /// Runs `f` (the lowering of an index or slice expression) with its bounds checks at the
    /// line of its `[`, as gc positions them (`runtime.Caller` and tracebacks of an index panic
    /// name that line, `//line` directives included).
    fn at_bracket<R>(&mut self, lbrack: crate::diag::Span, f: impl FnOnce(&mut Self) -> R) -> R {
        let outer = self.bounds_at.replace(lbrack);
        let r = f(self);
        self.bounds_at = outer;
        r
    }

    /// Moves the source location to the `[` of the index expression being lowered, if any;
    /// returns the location to restore after the check ([`FnCx::at_bracket`]).
    fn check_line(&mut self) -> Option<cranelift_codegen::ir::SourceLoc> {
        let sp = self.bounds_at?;
        let saved = self.b.srcloc();
        self.set_line(sp);
        Some(saved)
    }

    fn expr_here(&mut self, e: &ast::Expr) -> V {
        if let Some(v) = self.overrides.get(&e.id) {
            return v.clone();
        }
        let tv = &self.p.info.types[e.id];
        let t = self.p.sub(tv.ty);
        if let Some(c) = tv.value().cloned() {
            return self.constant(&c, t);
        }
        match &e.kind {
            ExprKind::Paren(x) => self.expr(x),
            ExprKind::Ident(id) => self.ident(id, t),
            ExprKind::Lit(_) => self.zero(t),
            ExprKind::FuncLit { typ, body } => self.func_lit(e, typ, body),
            ExprKind::CompositeLit { elts, .. } => self.composite(t, elts),
            ExprKind::Selector { x, sel } => self.selector(e, x, sel, t),
            ExprKind::Index { x, .. } | ExprKind::IndexList { x, .. }
                if self.p.info.instances.contains_key(&super::prog::Prog::instance_key(x)) =>
            {
                // `F[int]` / `pkg.F[int]` as a value: the instance's static closure
                match &x.unparen().kind {
                    ExprKind::Ident(id) => self.ident(id, t),
                    // `v.m[int]` / `T.m[int]`: a generic method's instance as a method value or
                    // method expression
                    ExprKind::Selector { x: inner, sel } if self.p.info.selections.contains_key(&x.unparen().id) => {
                        self.selector(x.unparen(), inner, sel, t)
                    }
                    ExprKind::Selector { sel, .. } => self.ident(sel, t),
                    _ => self.zero(t),
                }
            }
            ExprKind::Index { x, index, lbrack } => self.at_bracket(*lbrack, |s| s.index(x, index, t)),
            ExprKind::Slice { x, lo, hi, max, lbrack, .. } => {
                self.at_bracket(*lbrack, |s| s.slice_expr(x, lo.as_deref(), hi.as_deref(), max.as_deref(), t))
            }
            ExprKind::TypeAssert { x, .. } => self.type_assert(x, t, false).0,
            ExprKind::Call { .. } => {
                if self.p.info.types[e.fun_id()].is_type() {
                    self.conversion(e, t)
                } else {
                    let mut vs = self.call(e);
                    if vs.is_empty() { V::W(vec![]) } else { vs.swap_remove(0) }
                }
            }
            ExprKind::Star(x) => {
                let p = self.expr(x).w0();
                self.nil_check(p);
                self.load(t, p, 0)
            }
            ExprKind::Unary { op, x } => self.unary(*op, x, t),
            ExprKind::Recv(ch) => self.recv_expr(ch),
            ExprKind::Binary { op, x, y, .. } => self.binary(*op, x, y, t),
            _ => self.zero(t),
        }
    }

    /// Materializes a constant of type `t`.
    pub fn constant(&mut self, c: &ConstValue, t: TypeId) -> V {
        if tyview::is_interface(self.p.tt, t) {
            // a constant converted to an interface: convert from its default type
            let dt = match c {
                ConstValue::Bool(_) => TypeTable::BOOL,
                ConstValue::Int(_) => TypeTable::INT,
                ConstValue::Float(_) => TypeTable::FLOAT64,
                ConstValue::Complex(..) => TypeTable::COMPLEX128,
                ConstValue::String(_) => TypeTable::STRING,
            };
            let v = self.constant(c, dt);
            return self.to_iface(v, dt, t);
        }
        let ws = self.p.repr(t).words().to_vec();
        // A float word holds the real part (and the next one the imaginary part).
        let (re, im) = c.as_complex().map(|(re, im)| (re.to_f64(), im.to_f64())).unwrap_or((0.0, 0.0));
        let float = |b: &mut FunctionBuilder, w: types::Type, f: f64| {
            if w == types::F32 { b.ins().f32const(f as f32) } else { b.ins().f64const(f) }
        };
        match c {
            ConstValue::Bool(b) => V::one(self.b.ins().iconst(types::I8, *b as i64)),
            _ if ws.first().is_some_and(|w| w.is_float()) => {
                let vals: Vec<Value> = ws.iter().zip([re, im]).map(|(&w, f)| float(&mut self.b, w, f)).collect();
                V::W(vals)
            }
            ConstValue::Int(_) | ConstValue::Float(_) | ConstValue::Complex(..) => match ws.first() {
                Some(&w) => {
                    // Typed integer constants fit their type: take the low 64 bits.
                    let i = c.as_bigint().unwrap_or_default();
                    let lo = (i & num_bigint::BigInt::from(u64::MAX)).to_u64().unwrap_or(0);
                    V::one(self.b.ins().iconst(w, lo as i64))
                }
                None => V::W(vec![]),
            },
            ConstValue::String(s) => self.string_const(s),
        }
    }

    pub fn string_const(&mut self, s: &[u8]) -> V {
        if s.is_empty() {
            // gc's empty string has a nil data pointer (unsafe.StringData("") == nil).
            let z = self.i64c(0);
            return V::W(vec![z, z]);
        }
        // Read-only data in the module region, shared by equal literals: its address is the same
        // in every run of the program (unlike the heap's), so the function's code-cache key is too.
        let data = gojit_runtime::abi::module::intern(s, 8);
        let p = self.i64c(data as i64);
        let n = self.i64c(s.len() as i64);
        V::W(vec![p, n])
    }

    pub fn ident(&mut self, id: &ast::Ident, t: TypeId) -> V {
        let Some(o) = self.p.info.object_of(id.id) else { return self.zero(t) };
        match self.p.info.obj(o).kind.clone() {
            ObjKind::Var(vi) => self.read_local(o, self.p.sub(vi.ty)),
            ObjKind::Func { .. } => {
                let Some(f) = self.p.func_for(o, id.id) else { return self.zero(t) };
                let a = self.p.static_closure(f);
                V::one(self.i64c(a as i64))
            }
            ObjKind::Const { val, ty } => self.constant(&val, if t == TypeTable::INVALID { ty } else { t }),
            _ => self.zero(t),
        }
    }

    // ---- places and addresses -----------------------------------------------------------------

    /// The identifier of a qualified identifier `pkg.V` naming a variable of a package compiled
    /// from source (`None` for any other expression).
    pub fn qualified_var<'e>(&self, e: &'e ast::Expr) -> Option<&'e ast::Ident> {
        let ExprKind::Selector { sel, .. } = &e.kind else { return None };
        if self.p.info.selections.contains_key(&e.id) {
            return None;
        }
        let o = self.p.info.object_of(sel.id)?;
        matches!(self.p.info.obj(o).kind, ObjKind::Var(_)).then_some(sel)
    }

    /// The storage location an assignable expression denotes.
    pub fn place(&mut self, e: &ast::Expr) -> Place {
        let t = self.ty(e);
        if let Some(sel) = self.qualified_var(e) {
            let o = self.p.info.object_of(sel.id).unwrap();
            return Place::Local(o, self.p.obj_ty(o).unwrap());
        }
        match &e.kind {
            ExprKind::Paren(x) => self.place(x),
            ExprKind::Ident(id) => {
                if id.is_blank() {
                    return Place::Blank;
                }
                match self.p.info.object_of(id.id) {
                    Some(o) if self.is_var(o) => Place::Local(o, self.p.obj_ty(o).unwrap()),
                    _ => Place::Blank,
                }
            }
            ExprKind::Index { x, index, .. } if matches!(self.p.tt.under(self.ty(x)), GoType::Map { .. }) => {
                let mt = self.ty(x);
                let GoType::Map { key, val } = self.p.tt.under(mt).clone() else { unreachable!() };
                let m = self.expr(x).w0();
                let k = self.expr_as(index, key);
                let k = self.copy_to_temp(key, &k);
                Place::MapEntry { m, key: k, map_ty: mt, elem: val }
            }
            _ => {
                let a = self.addr_of(e);
                Place::Mem(a, t)
            }
        }
    }

    /// The address of an addressable expression (or of a fresh heap copy for `&T{...}`).
    pub fn addr_of(&mut self, e: &ast::Expr) -> Value {
        let t = self.ty(e);
        match &e.kind {
            ExprKind::Paren(x) => self.addr_of(x),
            ExprKind::Selector { sel, .. } if self.qualified_var(e).is_some() => {
                let o = self.p.info.object_of(sel.id).unwrap();
                self.global_addr(o, t)
            }
            ExprKind::Ident(id) => {
                let o = self.p.info.object_of(id.id).unwrap();
                if let Some(a) = self.local_addr(o) {
                    return a;
                }
                if self.locals.contains_key(&o) {
                    // a register variable whose address is needed: copy (should not happen for
                    // checked programs: address-taken variables live in memory)
                    let v = self.read_local(o, t);
                    let a = self.new_object(t);
                    self.store(t, &v, a, 0);
                    return a;
                }
                self.global_addr(o, t)
            }
            ExprKind::Star(x) => {
                let p = self.expr(x).w0();
                self.nil_check(p);
                p
            }
            ExprKind::Selector { x, .. } => {
                let sel = self.p.selection(e.id);
                match sel {
                    Some(s) if s.kind == SelectionKind::FieldVal => {
                        let xt = self.ty(x);
                        let base = if matches!(self.p.tt.under(xt), GoType::Pointer(_)) {
                            self.expr(x).w0()
                        } else {
                            self.addr_of(x)
                        };
                        self.field_path_addr(base, xt, &s.path).0
                    }
                    _ => self.spill(e),
                }
            }
            ExprKind::Index { x, index, lbrack } => self.at_bracket(*lbrack, |s| s.addr_of_index_expr(e, x, index)),
            ExprKind::CompositeLit { .. } => {
                let v = self.expr(e);
                let a = self.new_object(t);
                self.store(t, &v, a, 0);
                a
            }
            _ => self.spill(e),
        }
    }

    /// The address of index expression `e` (`x[index]`) of an array, slice or array pointer.
    fn addr_of_index_expr(&mut self, e: &ast::Expr, x: &ast::Expr, index: &ast::Expr) -> Value {
        {
            {
                let xt = self.ty(x);
                match self.p.tt.under(xt).clone() {
                    GoType::Array { len, elem } => {
                        let base = self.addr_of(x);
                        let i = self.index_value(index);
                        if !self.proven_in_bounds(x, index, Some(len)) {
                            let l = self.i64c(len as i64);
                            self.bounds_check(i, l, index);
                        }
                        self.elem_addr(base, i, elem)
                    }
                    GoType::Slice(_) | GoType::Pointer(_) => self.addr_of_index(x, index, xt),
                    _ => self.spill(e),
                }
            }
        }
    }

    /// Stores the value of `e` in a fresh heap object and returns its address.
    fn spill(&mut self, e: &ast::Expr) -> Value {
        let t = self.ty(e);
        let v = self.expr(e);
        let a = self.new_object(t);
        self.store(t, &v, a, 0);
        a
    }

    /// Walks a field path from the address of a `t` (or the value of a pointer `t`).
    pub fn field_path_addr(&mut self, mut base: Value, mut t: TypeId, path: &[u32]) -> (Value, TypeId) {
        // `base` is the value of a pointer when `t` is a pointer type, else the address of a `t`
        for (k, &i) in path.iter().enumerate() {
            if let GoType::Pointer(pt) = self.p.tt.under(t).clone() {
                self.nil_check(base);
                t = pt;
            }
            let Some(f) = self.p.tt.struct_fields(t).get(i as usize).cloned() else { break };
            let off = self.p.tt.field_offset(t, i as usize);
            if off != 0 {
                base = self.b.ins().iadd_imm_s(base, off as i64);
            }
            t = f.ty;
            // an embedded pointer field in the middle of the path: continue from its value
            if k + 1 < path.len() && matches!(self.p.tt.under(t), GoType::Pointer(_)) {
                base = self.b.ins().load(types::I64, MemFlagsData::trusted(), base, 0);
            }
        }
        (base, t)
    }

    pub fn elem_addr(&mut self, base: Value, i: Value, elem: TypeId) -> Value {
        let (size, _) = self.p.size_align(elem);
        if size == 0 {
            return base;
        }
        let off = if size == 1 { i } else { self.b.ins().imul_imm_s(i, size as i64) };
        self.b.ins().iadd(base, off)
    }

    /// An index operand as i64 (sign- or zero-extended by its type).
    pub fn index_value(&mut self, e: &ast::Expr) -> Value {
        let t = self.ty(e);
        let v = self.expr(e).w0();
        self.to_i64(v, t)
    }

    pub fn to_i64(&mut self, v: Value, t: TypeId) -> Value {
        let vt = self.b.func.dfg.value_type(v);
        if vt == types::I64 {
            return v;
        }
        let signed = tyview::int_info(self.p.tt, t).map(|x| x.1).unwrap_or(true);
        if signed { self.b.ins().sextend(types::I64, v) } else { self.b.ins().uextend(types::I64, v) }
    }

    /// Whether an index operand has a signed type (an untyped constant is an `int`).
    pub fn index_signed(&self, e: &ast::Expr) -> bool {
        tyview::int_info(self.p.tt, self.ty(e)).map(|x| x.1).unwrap_or(true)
    }

    /// `0 <= i < len` or panic `index out of range [i] with length len` (`i` of the index
    /// expression `index`, printed unsigned when its type is, like gc's `panicIndexU`).
    pub fn bounds_check(&mut self, i: Value, len: Value, index: &ast::Expr) {
        // a constant index below a constant length (`a[3]` of an array) needs no check
        if let (Some(iv), Some(lv)) = (self.const_word(i), self.const_word(len))
            && (iv as u64) < (lv as u64)
        {
            return;
        }
        let bad = self.b.ins().icmp(IntCC::UnsignedGreaterThanOrEqual, i, len);
        if self.index_signed(index) {
            let saved = self.check_line();
            self.panic_if(bad, Rt::PanicIndex, &[i, len]);
            if let Some(loc) = saved {
                self.b.set_srcloc(loc);
            }
        } else {
            self.bounds_fail_if(bad, bounds::INDEX, i, len, false);
        }
    }

    /// The value of `v` when it is an integer constant instruction.
    pub fn const_word(&self, v: Value) -> Option<i64> {
        let inst = self.b.func.dfg.value_def(v).inst()?;
        match self.b.func.dfg.insts[inst] {
            cranelift_codegen::ir::InstructionData::UnaryImm { opcode: cranelift_codegen::ir::Opcode::Iconst, imm } => Some(imm.bits()),
            _ => None,
        }
    }

    /// `if bad { panic bounds error code(x, y) }`; `x_signed`: whether `x` has a signed type
    /// (otherwise it is printed as a uint64, never in the negative short form).
    pub fn bounds_fail_if(&mut self, bad: Value, code: i64, x: Value, y: Value, x_signed: bool) {
        let code = if x_signed { code } else { code | bounds::UNSIGNED };
        let saved = self.check_line();
        let cold = self.cold_block();
        let cont = self.block();
        self.b.ins().brif(bad, cold, &[], cont, &[]);
        self.at(cold);
        let c = self.i64c(code);
        self.rt(Rt::PanicBounds, &[c, x, y]);
        self.b.ins().trap(cranelift_codegen::ir::TrapCode::unwrap_user(1));
        self.at(cont);
        if let Some(loc) = saved {
            self.b.set_srcloc(loc);
        }
    }

    // ---- selectors ----------------------------------------------------------------------------

    fn selector(&mut self, e: &ast::Expr, x: &ast::Expr, sel: &ast::Ident, t: TypeId) -> V {
        let Some(s) = self.p.selection(e.id) else {
            // qualified identifier pkg.Name
            return self.qualified(sel, t);
        };
        match s.kind {
            SelectionKind::FieldVal => {
                let xt = self.ty(x);
                let base = self.expr(x);
                let base = match (&base, self.p.tt.under(xt)) {
                    (_, GoType::Pointer(_)) => base.w0(),
                    (V::M(a), _) => *a,
                    (V::W(_), _) => {
                        // a struct value never has a word representation; be safe
                        let a = self.new_object(xt);
                        self.store(xt, &base, a, 0);
                        a
                    }
                };
                let (addr, ft) = self.field_path_addr(base, xt, &s.path);
                self.load(ft, addr, 0)
            }
            SelectionKind::MethodVal | SelectionKind::MethodExpr if Self::generic_method_target(&s) => {
                // gc makes a generic method's value or expression a func literal of the
                // enclosing function: it takes the next `funcN` number
                let _ = self.next_lit_name();
                if s.kind == SelectionKind::MethodVal { self.method_value(e, x, &s) } else { self.method_expr(&s, t) }
            }
            SelectionKind::MethodVal | SelectionKind::InterfaceMethod => self.method_value(e, x, &s),
            SelectionKind::MethodExpr => self.method_expr(&s, t),
            // resolved by `Prog::selection` in instances
            SelectionKind::TypeParamMethod => self.zero(t),
        }
    }

    /// Whether a selection denotes an instance of a generic method (Go 1.27).
    fn generic_method_target(s: &crate::types::Selection) -> bool {
        matches!(&s.method, Some(crate::types::MethodTarget::Concrete { targs, .. }) if !targs.is_empty())
    }

    /// The type reached from `t` by walking embedded fields `path`.
    pub fn path_end_type(&self, mut t: TypeId, path: &[u32]) -> TypeId {
        for &i in path {
            if let GoType::Pointer(pt) = self.p.tt.under(t) {
                t = *pt;
            }
            match self.p.tt.struct_fields(t).get(i as usize) {
                Some(f) => t = f.ty,
                None => break,
            }
        }
        t
    }

    // ---- index and slice ----------------------------------------------------------------------

    fn index(&mut self, x: &ast::Expr, index: &ast::Expr, t: TypeId) -> V {
        let xt = self.ty(x);
        match self.p.tt.under(xt).clone() {
            GoType::Map { key, val } => {
                let m = self.expr(x).w0();
                let k = self.expr_as(index, key);
                self.map_index(m, &k, xt, val, false).0
            }
            GoType::Basic(_) => {
                let s = self.expr(x).words();
                let i = self.index_value(index);
                if !self.proven_in_bounds(x, index, None) {
                    self.bounds_check(i, s[1], index);
                }
                let a = self.b.ins().iadd(s[0], i);
                V::one(self.b.ins().load(types::I8, MemFlagsData::trusted(), a, 0))
            }
            GoType::Array { len, elem } => {
                let v = self.expr(x);
                let base = v.w0();
                let i = self.index_value(index);
                if !self.proven_in_bounds(x, index, Some(len)) {
                    let l = self.i64c(len as i64);
                    self.bounds_check(i, l, index);
                }
                let a = self.elem_addr(base, i, elem);
                self.load(elem, a, 0)
            }
            _ => {
                let a = self.addr_of_index(x, index, xt);
                self.load(t, a, 0)
            }
        }
    }

    fn addr_of_index(&mut self, x: &ast::Expr, index: &ast::Expr, xt: TypeId) -> Value {
        match self.p.tt.under(xt).clone() {
            GoType::Slice(el) => {
                let s = self.expr(x).words();
                let i = self.index_value(index);
                if !self.proven_in_bounds(x, index, None) {
                    self.bounds_check(i, s[1], index);
                }
                self.elem_addr(s[0], i, el)
            }
            GoType::Pointer(pt) => {
                let (len, elem) = match self.p.tt.under(pt) {
                    GoType::Array { len, elem } => (*len, *elem),
                    _ => (0, pt),
                };
                let base = self.expr(x).w0();
                self.nil_check(base);
                let i = self.index_value(index);
                if len == 0 || !self.proven_in_bounds(x, index, Some(len)) {
                    let l = self.i64c(len as i64);
                    self.bounds_check(i, l, index);
                }
                self.elem_addr(base, i, elem)
            }
            _ => self.i64c(0),
        }
    }

    fn slice_expr(&mut self, x: &ast::Expr, lo: Option<&ast::Expr>, hi: Option<&ast::Expr>, max: Option<&ast::Expr>, t: TypeId) -> V {
        let xt = self.ty(x);
        let (base, len, cap, elem, is_str) = match self.p.tt.under(xt).clone() {
            GoType::Basic(_) => {
                let s = self.expr(x).words();
                (s[0], s[1], s[1], TypeTable::UINT8, true)
            }
            GoType::Slice(el) => {
                let s = self.expr(x).words();
                (s[0], s[1], s[2], el, false)
            }
            GoType::Array { len, elem } => {
                let a = self.addr_of(x);
                let l = self.i64c(len as i64);
                (a, l, l, elem, false)
            }
            GoType::Pointer(pt) => {
                let (len, elem) = match self.p.tt.under(pt) {
                    GoType::Array { len, elem } => (*len, *elem),
                    _ => (0, pt),
                };
                let a = self.expr(x).w0();
                self.nil_check(a);
                let l = self.i64c(len as i64);
                (a, l, l, elem, false)
            }
            _ => return self.zero(t),
        };
        let lo_v = match lo {
            Some(e) => self.index_value(e),
            None => self.i64c(0),
        };
        let hi_v = match hi {
            Some(e) => self.index_value(e),
            None => len,
        };
        let max_v = match max {
            Some(e) => self.index_value(e),
            None => cap,
        };
        // checks: max <= cap, hi <= max, lo <= hi (unsigned: negative values fail), each with
        // gc's message for the form and the signedness of the offending operand
        let signed = |cx: &Self, e: Option<&ast::Expr>| e.is_none_or(|e| cx.index_signed(e));
        let (lo_s, hi_s, max_s) = (signed(self, lo), signed(self, hi), signed(self, max));
        let on_slice = matches!(self.p.tt.under(xt), GoType::Slice(_));
        if max.is_some() {
            let bad = self.b.ins().icmp(IntCC::UnsignedGreaterThan, max_v, cap);
            let code = if on_slice { bounds::SLICE3_ACAP } else { bounds::SLICE3_ALEN };
            self.bounds_fail_if(bad, code, max_v, cap, max_s);
            let bad = self.b.ins().icmp(IntCC::UnsignedGreaterThan, hi_v, max_v);
            self.bounds_fail_if(bad, bounds::SLICE3_B, hi_v, max_v, hi_s);
            let bad = self.b.ins().icmp(IntCC::UnsignedGreaterThan, lo_v, hi_v);
            self.bounds_fail_if(bad, bounds::SLICE3_C, lo_v, hi_v, lo_s);
        } else {
            if hi.is_some() {
                let bad = self.b.ins().icmp(IntCC::UnsignedGreaterThan, hi_v, cap);
                let code = if on_slice { bounds::SLICE_ACAP } else { bounds::SLICE_ALEN };
                self.bounds_fail_if(bad, code, hi_v, cap, hi_s);
            }
            let bad = self.b.ins().icmp(IntCC::UnsignedGreaterThan, lo_v, hi_v);
            self.bounds_fail_if(bad, bounds::SLICE_B, lo_v, hi_v, lo_s);
        }
        let nlen = self.b.ins().isub(hi_v, lo_v);
        let ncap = self.b.ins().isub(max_v, lo_v);
        // avoid pointing past the end when the result is empty at cap
        let p = self.elem_addr(base, lo_v, elem);
        let zero_cap = self.b.ins().icmp_imm_s(IntCC::Equal, ncap, 0);
        let p = self.b.ins().select(zero_cap, base, p);
        if is_str { V::W(vec![p, nlen]) } else { V::W(vec![p, nlen, ncap]) }
    }

    // ---- unary and binary ---------------------------------------------------------------------

    fn unary(&mut self, op: UnaryOp, x: &ast::Expr, t: TypeId) -> V {
        match op {
            UnaryOp::Addr => V::one(self.addr_of(x)),
            UnaryOp::Pos => self.expr(x),
            UnaryOp::Neg => {
                let v = self.expr(x);
                if tyview::is_complex(self.p.tt, t) {
                    return self.complex_neg(&v);
                }
                let v = v.w0();
                if tyview::is_float(self.p.tt, t) { V::one(self.b.ins().fneg(v)) } else { V::one(self.b.ins().ineg(v)) }
            }
            UnaryOp::Not => {
                let v = self.expr(x).w0();
                V::one(self.b.ins().bxor_imm_s(v, 1))
            }
            UnaryOp::Complement => {
                let v = self.expr(x).w0();
                V::one(self.b.ins().bnot(v))
            }
            // rejected by the checker outside constraints
            UnaryOp::Tilde => self.zero(t),
        }
    }

    fn binary(&mut self, op: BinaryOp, x: &ast::Expr, y: &ast::Expr, t: TypeId) -> V {
        match op {
            BinaryOp::LogAnd | BinaryOp::LogOr => {
                let rhs = self.block();
                let join = self.block();
                self.b.append_block_param(join, types::I8);
                let l = self.expr(x).w0();
                if op == BinaryOp::LogAnd {
                    self.b.ins().brif(l, rhs, &[], join, &[l.into()]);
                } else {
                    self.b.ins().brif(l, join, &[l.into()], rhs, &[]);
                }
                self.at(rhs);
                let r = self.expr(y).w0();
                self.b.ins().jump(join, &[r.into()]);
                self.at(join);
                V::one(self.b.block_params(join)[0])
            }
            _ if op.is_comparison() => {
                let xt = self.ty(x);
                let yt = self.ty(y);
                // compare in the interface type when one side is an interface
                let ct = if tyview::is_interface(self.p.tt, xt) { xt } else if tyview::is_interface(self.p.tt, yt) { yt } else { xt };
                // comparison with nil: compare the first word only (no runtime call)
                if matches!(op, BinaryOp::Eq | BinaryOp::Ne) && (self.is_nil(x) || self.is_nil(y)) {
                    let (v, _) = if self.is_nil(x) { (self.expr(y), ()) } else { (self.expr(x), ()) };
                    let w = v.w0();
                    let cc = if op == BinaryOp::Eq { IntCC::Equal } else { IntCC::NotEqual };
                    return V::one(self.b.ins().icmp_imm_s(cc, w, 0));
                }
                let xv = self.expr_as(x, ct);
                let yv = self.expr_as(y, ct);
                V::one(self.compare(op, ct, &xv, &yv))
            }
            _ => {
                let xv = self.expr(x);
                self.binary_values(op, t, xv, y)
            }
        }
    }

    /// True for the predeclared `nil`.
    pub fn is_nil(&self, e: &ast::Expr) -> bool {
        match &e.unparen().kind {
            ExprKind::Ident(id) => matches!(self.p.info.object_of(id.id).map(|o| &self.p.info.obj(o).kind), Some(ObjKind::Nil)),
            _ => false,
        }
    }

    /// `xv op y` for arithmetic operators (`xv` already evaluated).
    pub fn binary_values(&mut self, op: BinaryOp, t: TypeId, xv: V, y: &ast::Expr) -> V {
        if op.is_shift() {
            let yt = self.ty(y);
            let yv = self.expr(y).w0();
            return V::one(self.shift(op, t, xv.w0(), yv, yt));
        }
        let yv = self.expr_as(y, t);
        self.arith(op, t, &xv, &yv)
    }

    /// Condition branch with short-circuit operators lowered to control flow.
    pub fn cond_branch(&mut self, c: &ast::Expr, then: ir::Block, els: ir::Block) {
        match &c.unparen().kind {
            ExprKind::Binary { op: BinaryOp::LogAnd, x, y, .. } if self.p.info.types[c.id].value().is_none() => {
                let mid = self.block();
                self.cond_branch(x, mid, els);
                self.at(mid);
                self.cond_branch(y, then, els);
            }
            ExprKind::Binary { op: BinaryOp::LogOr, x, y, .. } if self.p.info.types[c.id].value().is_none() => {
                let mid = self.block();
                self.cond_branch(x, then, mid);
                self.at(mid);
                self.cond_branch(y, then, els);
            }
            ExprKind::Unary { op: UnaryOp::Not, x } if self.p.info.types[c.id].value().is_none() => self.cond_branch(x, els, then),
            _ => {
                let v = self.expr(c).w0();
                self.b.ins().brif(v, then, &[], els, &[]);
            }
        }
    }

    /// Compares a switch tag with a case expression: bool as I8.
    pub fn compare_with(&mut self, tt: TypeId, tv: &V, e: &ast::Expr) -> Value {
        let et = self.ty(e);
        if tyview::is_interface(self.p.tt, tt) || !tyview::is_interface(self.p.tt, et) {
            let ev = self.expr_as(e, tt);
            self.compare(BinaryOp::Eq, tt, tv, &ev)
        } else {
            let tv2 = self.to_iface(tv.clone(), tt, et);
            let ev = self.expr(e);
            self.compare(BinaryOp::Eq, et, &tv2, &ev)
        }
    }

    /// Comparison of two values of type `t`; I8 result.
    pub fn compare(&mut self, op: BinaryOp, t: TypeId, x: &V, y: &V) -> Value {
        let tt = self.p.tt;
        let under = tt.under(t).clone();
        let res = match under {
            GoType::Basic(k) if k.is_string() => {
                let (xw, yw) = (x.words(), y.words());
                match op {
                    BinaryOp::Eq | BinaryOp::Ne => {
                        let eq = self.string_eq(&xw, &yw);
                        if op == BinaryOp::Eq { eq } else { self.b.ins().bxor_imm_s(eq, 1) }
                    }
                    _ => {
                        let c = self.rt(Rt::CmpString, &[xw[0], xw[1], yw[0], yw[1]])[0];
                        let cc = int_cc(op, true);
                        let r = self.b.ins().icmp_imm_s(cc, c, 0);
                        return r;
                    }
                }
            }
            GoType::Basic(k) if k.is_complex() => return self.complex_compare(op, x, y),
            GoType::Basic(k) if k.is_float() => {
                let cc = match op {
                    BinaryOp::Eq => FloatCC::Equal,
                    BinaryOp::Ne => FloatCC::NotEqual,
                    BinaryOp::Lt => FloatCC::LessThan,
                    BinaryOp::Le => FloatCC::LessThanOrEqual,
                    BinaryOp::Gt => FloatCC::GreaterThan,
                    _ => FloatCC::GreaterThanOrEqual,
                };
                return self.b.ins().fcmp(cc, x.w0(), y.w0());
            }
            GoType::Interface { .. } => {
                let (xw, yw) = (x.words(), y.words());
                let eq = self.iface_eq(t, &xw, &yw);
                if op == BinaryOp::Eq { eq } else { self.b.ins().bxor_imm_s(eq, 1) }
            }
            GoType::Struct { .. } | GoType::Array { .. } => {
                let eq = self.mem_eq(t, x.w0(), y.w0());
                if op == BinaryOp::Eq { eq } else { self.b.ins().bxor_imm_s(eq, 1) }
            }
            GoType::Slice(_) => {
                // only comparison with nil is allowed
                let (xw, yw) = (x.words(), y.words());
                self.b.ins().icmp(int_cc(op, false), xw[0], yw[0])
            }
            _ => {
                let signed = tyview::int_info(tt, t).map(|x| x.1).unwrap_or(false);
                self.b.ins().icmp(int_cc(op, signed), x.w0(), y.w0())
            }
        };
        res
    }

    pub fn string_eq(&mut self, x: &[Value], y: &[Value]) -> Value {
        let same_len = self.b.ins().icmp(IntCC::Equal, x[1], y[1]);
        let cmp = self.block();
        let join = self.block();
        self.b.append_block_param(join, types::I8);
        let f = self.iconst(types::I8, 0);
        self.b.ins().brif(same_len, cmp, &[], join, &[f.into()]);
        self.at(cmp);
        let r = self.rt(Rt::Memequal, &[x[0], y[0], x[1]])[0];
        self.b.ins().jump(join, &[r.into()]);
        self.at(join);
        self.b.block_params(join)[0]
    }

    /// Field-by-field (element-by-element) equality of in-memory values, in gc's order: the first
    /// difference decides, and fields are compared in declaration order except that string
    /// contents come after the other fields and string lengths of their run (see below), so a
    /// later field holding an uncomparable dynamic type is never looked at (gc: `S{1, []int{}} ==
    /// S{2, []int{}}` is false, not a panic) and string bytes are not read when a cheaper part
    /// differs. Arrays longer than [`MAX_UNROLLED_ARRAY_EQ`] are compared by the runtime
    /// (`hash::typeequal`, same order).
    fn mem_eq(&mut self, t: TypeId, a: Value, b: Value) -> Value {
        let (size, _) = self.p.size_align(t);
        if size > MAX_UNROLLED_MEM_EQ && super::typedesc::is_regular_memory(self.p.tt, t) {
            // gc's memequal: plain memory is compared as bytes, in one call (a 2 GB array too).
            let n = self.i64c(size as i64);
            return self.rt(Rt::Memequal, &[a, b, n])[0];
        }
        let under = self.p.tt.under(t).clone();
        let is_string = |tt: &crate::types::TypeTable, ty: TypeId| matches!(tt.under(ty), GoType::Basic(k) if k.is_string());
        // gc's order (compare.EqStruct, geneq): in each run of fields between those whose
        // comparison can panic (interfaces, compared alone and in order), the other fields and
        // string lengths first, string contents last; arrays of strings: every length first
        let steps: Vec<EqStep> = match under {
            GoType::Struct { fields } => {
                let offs = self.p.tt.field_offsets(t);
                let (mut steps, mut cheap, mut contents) = (vec![], vec![], vec![]);
                for (f, off) in fields.iter().zip(offs).filter(|(f, _)| f.name != "_") {
                    let (ty, off) = (f.ty, off as i32);
                    if self.eq_can_panic(ty) {
                        steps.append(&mut cheap);
                        steps.append(&mut contents);
                        steps.push(EqStep::Full(ty, off));
                    } else if is_string(self.p.tt, ty) {
                        cheap.push(EqStep::StrLen(off));
                        contents.push(EqStep::Full(ty, off));
                    } else {
                        cheap.push(EqStep::Full(ty, off));
                    }
                }
                steps.append(&mut cheap);
                steps.append(&mut contents);
                steps
            }
            GoType::Array { len, .. } if len > MAX_UNROLLED_ARRAY_EQ => {
                // The runtime's typed equality (as for interfaces holding t: the data words are
                // pointers to the two values) handles any length and nested element types.
                let td = self.p.typedesc(t);
                let tdv = self.i64c(td as i64);
                return self.rt(Rt::EfaceEq, &[tdv, a, tdv, b])[0];
            }
            GoType::Array { len, elem } => {
                let (esz, _) = self.p.size_align(elem);
                let full = (0..len).map(|i| EqStep::Full(elem, (i * esz) as i32));
                if is_string(self.p.tt, elem) {
                    (0..len).map(|i| EqStep::StrLen((i * esz) as i32)).chain(full).collect()
                } else {
                    full.collect()
                }
            }
            _ => vec![],
        };
        let done = self.block();
        self.b.append_block_param(done, types::I8);
        for step in steps {
            let e = match step {
                EqStep::Full(ty, off) => {
                    let x = self.load(ty, a, off);
                    let y = self.load(ty, b, off);
                    self.compare(BinaryOp::Eq, ty, &x, &y)
                }
                EqStep::StrLen(off) => {
                    let x = self.b.ins().load(types::I64, MemFlagsData::trusted(), a, off + 8);
                    let y = self.b.ins().load(types::I64, MemFlagsData::trusted(), b, off + 8);
                    self.b.ins().icmp(IntCC::Equal, x, y)
                }
            };
            let next = self.block();
            let no = self.iconst(types::I8, 0);
            self.b.ins().brif(e, next, &[], done, &[no.into()]);
            self.at(next);
        }
        let yes = self.iconst(types::I8, 1);
        self.b.ins().jump(done, &[yes.into()]);
        self.at(done);
        self.b.block_params(done)[0]
    }

    /// gc's `EqCanPanic`: comparing values of `t` can panic (an interface somewhere in it).
    fn eq_can_panic(&self, t: TypeId) -> bool {
        match self.p.tt.under(t) {
            GoType::Interface { .. } => true,
            GoType::Struct { fields } => fields.iter().any(|f| self.eq_can_panic(f.ty)),
            &GoType::Array { len, elem } => len > 0 && self.eq_can_panic(elem),
            _ => false,
        }
    }

    // ---- composite literals and closures ------------------------------------------------------

    fn composite(&mut self, t: TypeId, elts: &[ast::Element]) -> V {
        let under = self.p.tt.under(t).clone();
        match under {
            GoType::Struct { fields } => {
                let (size, align) = self.p.size_align(t);
                let a = self.temp_zeroed(size, align);
                let offs = self.p.tt.field_offsets(t);
                for (i, el) in elts.iter().enumerate() {
                    if let Some(path) = el.key.as_ref().and_then(|k| self.p.info.promoted_keys.get(&k.id)).cloned() {
                        // a promoted field: its offset through the embedded structs
                        let (mut ft, mut off) = (t, 0u64);
                        for &ix in &path {
                            let GoType::Struct { fields: fs } = self.p.tt.under(ft).clone() else { break };
                            off += self.p.tt.field_offsets(ft)[ix as usize];
                            ft = fs[ix as usize].ty;
                        }
                        let v = self.expr_as(&el.value, ft);
                        self.store(ft, &v, a, off as i32);
                        continue;
                    }
                    let fi = match &el.key {
                        Some(k) => self.p.info.field_keys.get(&k.id).copied().unwrap_or(i as u32) as usize,
                        None => i,
                    };
                    let Some(f) = fields.get(fi) else { continue };
                    let v = self.expr_as(&el.value, f.ty);
                    // a blank field stays zero (gc evaluates its value and drops it: issue 31546)
                    if f.name != "_" {
                        self.store(f.ty, &v, a, offs[fi] as i32);
                    }
                }
                V::M(a)
            }
            GoType::Array { len, elem } => {
                let (size, align) = self.p.size_align(t);
                let a = self.temp_zeroed(size, align);
                self.fill_elems(a, elem, elts, len);
                V::M(a)
            }
            GoType::Slice(elem) => {
                let n = self.literal_len(elts);
                let td = self.p.typedesc(elem);
                let tdv = self.i64c(td as i64);
                let nv = self.i64c(n as i64);
                let out = self.temp(24, 8);
                self.rt(Rt::MakeSlice, &[tdv, nv, nv, out]);
                let base = self.b.ins().load(types::I64, MemFlagsData::trusted(), out, 0);
                self.fill_elems(base, elem, elts, n);
                V::W(vec![base, nv, nv])
            }
            GoType::Map { key, val } => {
                let td = self.p.typedesc(t);
                let tdv = self.i64c(td as i64);
                let hint = self.i64c(elts.len() as i64);
                let m = self.rt(Rt::MakeMap, &[tdv, hint])[0];
                for el in elts {
                    let Some(k) = &el.key else { continue };
                    let kv = self.expr_as(k, key);
                    let kv = self.copy_to_temp(key, &kv);
                    let vv = self.expr_as(&el.value, val);
                    let vv = self.copy_to_temp(val, &vv);
                    let slot = self.map_assign(m, &kv, t);
                    self.store(val, &vv, slot, 0);
                }
                V::one(m)
            }
            GoType::Pointer(pt) => {
                // &T{...} elided in a composite of pointers
                let v = self.composite(pt, elts);
                let a = self.new_object(pt);
                self.store(pt, &v, a, 0);
                V::one(a)
            }
            _ => self.zero(t),
        }
    }

    fn literal_len(&self, elts: &[ast::Element]) -> u64 {
        let mut i = 0u64;
        let mut n = 0u64;
        for el in elts {
            if let Some(k) = &el.key {
                if let Some(v) = self.p.info.types[k.id].value().and_then(|v| v.as_int()) {
                    i = v as u64;
                }
            }
            i += 1;
            n = n.max(i);
        }
        n
    }

    fn fill_elems(&mut self, base: Value, elem: TypeId, elts: &[ast::Element], _len: u64) {
        let (esz, _) = self.p.size_align(elem);
        let mut i = 0u64;
        for el in elts {
            if let Some(k) = &el.key {
                if let Some(v) = self.p.info.types[k.id].value().and_then(|v| v.as_int()) {
                    i = v as u64;
                }
            }
            let v = self.expr_as(&el.value, elem);
            self.store(elem, &v, base, (i * esz) as i32);
            i += 1;
        }
    }

    /// The gc name of the `n`-th func literal of this function (`main.f.func1`, `main.f.func1.2`).
    fn lit_name(&self, n: u32) -> String {
        if self.func_name.contains(".func") {
            format!("{}.{}", self.func_name, n)
        } else {
            format!("{}.func{}", self.func_name, n)
        }
    }

    /// Numbers the next func literal of this function and returns its name.
    pub fn next_lit_name(&mut self) -> String {
        let n = self.p.lit_counter.entry(self.func_name.clone()).or_insert(0);
        *n += 1;
        let n = *n;
        self.lit_name(n)
    }

    /// The name the next func literal of this function will get.
    pub fn peek_lit_name(&self) -> String {
        self.lit_name(self.p.lit_counter.get(&self.func_name).copied().unwrap_or(0) + 1)
    }

    /// Creates the closure object of a func literal (and lowers its body).
    fn func_lit(&mut self, e: &ast::Expr, _typ: &ast::FuncType, body: &ast::Block) -> V {
        let in_frame = std::mem::take(&mut self.closure_in_frame) || self.p.escapes.frame_lits.contains(&e.id);
        let captures = self.p.info.captures.get(&e.id).cloned().unwrap_or_default();
        let mut fi = self.p.info.funcs.get(&e.id).cloned().unwrap_or_default();
        fi.sig = self.p.sub(fi.sig);
        let name = self.next_lit_name();
        let sig = self.p.func_type_signature(fi.sig);
        let Ok(id) = self.p.declare_fn(&name, &sig) else { return V::one(self.i64c(0)) };
        let line = self.p.src.gc_line(e.span.lo);
        let spec = super::body::BodySpec { id, name, decl_line: line, fi: &fi, body, captures: captures.clone(), sig: fi.sig };
        if let Err(err) = self.p.lower_body(spec) {
            self.p.err(e.span, format!("internal compiler error: {err}"));
        }
        // closure object [code, box pointers...]
        let fref = self.func_ref(id);
        let code = self.b.ins().func_addr(types::I64, fref);
        if captures.is_empty() {
            let a = self.p.static_closure(id);
            return V::one(self.i64c(a as i64));
        }
        let bytes = 8 * (captures.len() as u64 + 1);
        let obj = if in_frame {
            let slot = self.slot(bytes, 8);
            self.b.ins().stack_addr(types::I64, slot, 0)
        } else {
            let size = self.i64c(bytes as i64);
            let al = self.i64c(8);
            self.rt(Rt::Alloc, &[size, al])[0]
        };
        self.b.ins().store(MemFlagsData::trusted(), code, obj, 0);
        for (i, o) in captures.iter().enumerate() {
            let addr = match self.local_addr(*o) {
                Some(a) => a,
                None => {
                    // a captured variable that is not boxed (should not happen): box a copy
                    let t = self.p.obj_ty(*o).unwrap();
                    let v = self.read_local(*o, t);
                    let a = self.new_object(t);
                    self.store(t, &v, a, 0);
                    a
                }
            };
            self.b.ins().store(MemFlagsData::trusted(), addr, obj, 8 * (i as i32 + 1));
        }
        V::one(obj)
    }

    // ---- maps ---------------------------------------------------------------------------------

    /// `m[k]`: the value (zero if absent) and, for comma-ok, the presence flag.
    pub fn map_index(&mut self, m: Value, key: &V, map_ty: TypeId, elem: TypeId, _commaok: bool) -> (V, Value) {
        let kt = match self.p.tt.under(map_ty) {
            GoType::Map { key, .. } => *key,
            _ => TypeTable::INVALID,
        };
        let kp = self.value_addr(kt, key);
        let td = self.p.typedesc(map_ty);
        let tdv = self.i64c(td as i64);
        let p = self.rt(Rt::MapAccess, &[tdv, m, kp])[0];
        let found = self.b.ins().icmp_imm_s(IntCC::NotEqual, p, 0);
        let yes = self.block();
        let no = self.block();
        let join = self.block();
        let ws = self.p.repr(elem);
        let tmp = match ws {
            Repr::Mem { size, align } => Some(self.temp(size, align)),
            _ => None,
        };
        self.b.ins().brif(found, yes, &[], no, &[]);
        match ws {
            Repr::Words(ws) => {
                for &w in &ws {
                    self.b.append_block_param(join, w);
                }
                self.at(yes);
                let v = self.load(elem, p, 0).words();
                let args: Vec<ir::BlockArg> = v.iter().map(|&x| x.into()).collect();
                self.b.ins().jump(join, &args);
                self.at(no);
                let z = self.zero(elem).words();
                let args: Vec<ir::BlockArg> = z.iter().map(|&x| x.into()).collect();
                self.b.ins().jump(join, &args);
                self.at(join);
                (V::W(self.b.block_params(join).to_vec()), found)
            }
            Repr::Mem { size, .. } => {
                let tmp = tmp.unwrap();
                self.at(yes);
                self.memcpy(tmp, p, size);
                self.jump(join);
                self.at(no);
                self.memzero(tmp, size);
                self.jump(join);
                self.at(join);
                (V::M(tmp), found)
            }
        }
    }

    /// Address of the slot for `m[k]` (created if absent); panics on a nil map.
    pub fn map_assign(&mut self, m: Value, key: &V, map_ty: TypeId) -> Value {
        let kt = match self.p.tt.under(map_ty) {
            GoType::Map { key, .. } => *key,
            _ => TypeTable::INVALID,
        };
        let kp = self.value_addr(kt, key);
        let td = self.p.typedesc(map_ty);
        let tdv = self.i64c(td as i64);
        self.rt(Rt::MapAssign, &[tdv, m, kp])[0]
    }

    /// The address of a temporary holding `v`.
    pub fn value_addr(&mut self, t: TypeId, v: &V) -> Value {
        match v {
            V::M(a) => *a,
            V::W(_) => {
                let (size, align) = self.p.size_align(t);
                let a = self.temp(size.max(8), align.max(8));
                self.store(t, v, a, 0);
                a
            }
        }
    }
}

/// Integer condition code of a comparison operator.
pub fn int_cc(op: BinaryOp, signed: bool) -> IntCC {
    match (op, signed) {
        (BinaryOp::Eq, _) => IntCC::Equal,
        (BinaryOp::Ne, _) => IntCC::NotEqual,
        (BinaryOp::Lt, true) => IntCC::SignedLessThan,
        (BinaryOp::Le, true) => IntCC::SignedLessThanOrEqual,
        (BinaryOp::Gt, true) => IntCC::SignedGreaterThan,
        (BinaryOp::Ge, true) => IntCC::SignedGreaterThanOrEqual,
        (BinaryOp::Lt, false) => IntCC::UnsignedLessThan,
        (BinaryOp::Le, false) => IntCC::UnsignedLessThanOrEqual,
        (BinaryOp::Gt, false) => IntCC::UnsignedGreaterThan,
        _ => IntCC::UnsignedGreaterThanOrEqual,
    }
}

/// Helpers on AST nodes.
pub trait ExprExt {
    /// The id of a call's `fun` expression (the expression itself otherwise).
    fn fun_id(&self) -> ast::NodeId;
}

impl ExprExt for ast::Expr {
    fn fun_id(&self) -> ast::NodeId {
        match &self.kind {
            ExprKind::Call { fun, .. } => fun.unparen().id,
            _ => self.id,
        }
    }
}

#[allow(dead_code)]
fn _mode_is_type(m: &Mode) -> bool {
    *m == Mode::TypeExpr
}

/// One comparison of [`FnCx::mem_eq`]'s sequence: a part of the values (type, offset), or only the
/// length word of a string at an offset.
enum EqStep {
    Full(TypeId, i32),
    StrLen(i32),
}
