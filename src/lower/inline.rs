//! Inlining of small functions at IR construction, with gc's budget (`cmd/compile/internal/inline`):
//! a direct call of a top-level function whose body costs at most [`BUDGET`] nodes is lowered as
//! the callee's body in the caller's frame.
//!
//! Cost: as gc's `hairyVisitor`, one per statement and expression node (counted half as many
//! again, for the implicit nodes gc's tree has and this AST does not), and per call of a
//! function the callee's own cost when it is inlinable, else [`EXTRA_CALL_COST`] (gc's
//! `inlineExtraCallCost`; builtins and conversions cost one). A caller bigger than [`BIG_FUNCTION`] nodes inlines only callees of at
//! most [`BIG_BUDGET`] (gc's `inlineBigFunctionMaxCost`). gc's rules for what is never inlined,
//! kept here: `//go:noinline`, `defer`, `recover`, and (gojit's own restrictions, which keep the
//! inlined set a subset of gc's) func literals, `go`, `select`, labels and `goto`,
//! range-over-func loops, variadic functions, methods, results held in memory,
//! a function into itself (gc inlines a recursive function once into its other callers), and
//! callees in another source file (a function's pc→line table names one file)
//! unless their body can neither fault, trap nor call (`math.Sqrt`, which is `sqrt(x)`, the
//! intrinsic): no traceback can stand in such code, and its instructions take the call's line.
//!
//! Generic functions are inlined as their instances: the body is lowered with the callee's type
//! parameters bound to the call's type arguments (made concrete with the caller's own), as the
//! instance's body is, and its inlined frame is named as the instance (`main.Sum[...]` in
//! tracebacks); whether its results are words is decided per instance, at the call.
//!
//! Lowering: the arguments are evaluated as for a call, bound to the callee's parameter objects
//! (`declare_local`, which copies aggregates), named results are declared zeroed, and each
//! `return` jumps to a continuation block whose parameters are the result words. The body's calls
//! keep the caller's defer handler (`try_call` to its deferreturn block), so a panic in inlined
//! code runs the caller's defers as it would from the callee's frame.
//!
//! Tracebacks: the body's instructions carry an inline tag in their source locations
//! (`FnCx::inline_frames`, nested tags record their parent), so the runtime prints each inlined
//! frame as gc does, `main.g(...)` at the body's line without a pc offset, above its caller at
//! the call's line (`runtime/src/unwind.rs`); `gojit dump` marks the inlined instructions.
//! `GOJIT_NO_INLINE=1` (gc's `-l`) turns inlining off.

use crate::syntax::ast::{self, ExprKind, StmtKind};
use crate::types::{Mode, ObjId, ObjKind};

use cranelift_codegen::ir::InstBuilder;

use super::func::{FnCx, InlineFrame, V};
use super::tyview::Repr;

/// gc's `inlineMaxBudget`.
pub const BUDGET: i32 = 80;
/// gc's `inlineExtraCallCost`.
const EXTRA_CALL_COST: i32 = 57;
/// gc's `inlineBigFunctionNodes`: callers with more nodes inline only cheap callees.
const BIG_FUNCTION: i32 = 5000;
/// gc's `inlineBigFunctionMaxCost`.
const BIG_BUDGET: i32 = 20;
/// Nested inlining stops here.
const MAX_DEPTH: usize = 4;
/// Inline tags per function (the bits of a source location above the line).
const MAX_FRAMES: usize = 4000;

/// The inlining budget of a function whose body is `body`: 0 when inlining is off.
pub fn budget_for(body: &ast::Block) -> i32 {
    if std::env::var_os("GOJIT_NO_INLINE").is_some() {
        return 0;
    }
    let mut c = Cost { cost: 0, hairy: false, info: None, callees: vec![] };
    c.stmts(&body.stmts);
    if c.cost > BIG_FUNCTION { BIG_BUDGET } else { BUDGET }
}

/// What an inlinable callee looks like (cached per function object in `Prog::inlinable`).
#[derive(Clone, Copy)]
pub struct Inlinable<'a> {
    pub decl: &'a ast::FuncDecl,
    pub cost: i32,
    /// The body can neither fault, trap nor call ([`Prog::is_pure`]): no traceback can ever
    /// stand in it, so it may come from another source file; its instructions take the call's
    /// line (the caller's table names one file).
    pub pure: bool,
}

/// gc's node count, and whether the body has something never inlined.
struct Cost<'i> {
    cost: i32,
    hairy: bool,
    /// With the checker's tables: calls are told from conversions and builtins.
    info: Option<&'i crate::types::Info>,
    /// Top-level functions called (each costs its own inlining cost, or a call's).
    callees: Vec<ObjId>,
}

impl Cost<'_> {
    fn stmts(&mut self, ss: &[ast::Stmt]) {
        for s in ss {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &ast::Stmt) {
        self.cost += 1;
        match &s.kind {
            StmtKind::Empty | StmtKind::Fallthrough => {}
            StmtKind::Break(l) | StmtKind::Continue(l) => self.hairy |= l.is_some(),
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Decl(d) => match d {
                ast::Decl::Var(_) | ast::Decl::Const(_) => self.cost += 2,
                _ => self.hairy = true,
            },
            StmtKind::ShortVarDecl { lhs, rhs, .. } => {
                self.cost += lhs.len() as i32;
                rhs.iter().for_each(|e| self.expr(e));
            }
            StmtKind::Assign { lhs, rhs, .. } => {
                lhs.iter().chain(rhs).for_each(|e| self.expr(e));
            }
            StmtKind::IncDec { x, .. } => self.expr(x),
            StmtKind::Block(b) => self.stmts(&b.stmts),
            StmtKind::If(i) => {
                if let Some(s) = &i.init {
                    self.stmt(s);
                }
                self.expr(&i.cond);
                self.stmts(&i.then.stmts);
                if let Some(e) = &i.els {
                    self.stmt(e);
                }
            }
            StmtKind::For(f) => {
                for s in [&f.init, &f.post].into_iter().flatten() {
                    self.stmt(s);
                }
                if let Some(c) = &f.cond {
                    self.expr(c);
                }
                self.stmts(&f.body.stmts);
            }
            StmtKind::Range(r) => {
                if self.info.is_some_and(|i| i.range_funcs.contains_key(&r.x.id)) {
                    self.hairy = true;
                }
                for e in [&r.key, &r.value, &r.extra].into_iter().flatten() {
                    self.expr(e);
                }
                self.expr(&r.x);
                self.stmts(&r.body.stmts);
            }
            StmtKind::Switch(sw) => {
                if let Some(s) = &sw.init {
                    self.stmt(s);
                }
                if let Some(t) = &sw.tag {
                    self.expr(t);
                }
                for c in &sw.cases {
                    self.cost += 1;
                    c.exprs.iter().for_each(|e| self.expr(e));
                    self.stmts(&c.body);
                }
            }
            StmtKind::TypeSwitch(sw) => {
                if let Some(s) = &sw.init {
                    self.stmt(s);
                }
                self.expr(&sw.x);
                for c in &sw.cases {
                    self.cost += 1 + c.types.len() as i32;
                    self.stmts(&c.body);
                }
            }
            StmtKind::Return(es) => es.iter().for_each(|e| self.expr(e)),
            StmtKind::Send { ch, value } => {
                self.expr(ch);
                self.expr(value);
            }
            StmtKind::Labeled { .. } | StmtKind::Goto(_) | StmtKind::Defer(_) | StmtKind::Go(_) | StmtKind::Select(_) => {
                self.hairy = true
            }
        }
    }

    fn expr(&mut self, e: &ast::Expr) {
        self.cost += 1;
        match &e.kind {
            ExprKind::Ident(_) | ExprKind::Lit(_) => {}
            ExprKind::FuncLit { .. } => self.hairy = true,
            ExprKind::CompositeLit { elts, .. } => {
                for el in elts {
                    if let Some(k) = &el.key {
                        self.expr(k);
                    }
                    self.expr(&el.value);
                }
            }
            ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Recv(x) | ExprKind::Unary { x, .. } => self.expr(x),
            ExprKind::Selector { x, .. } => self.expr(x),
            ExprKind::Index { x, index, .. } => {
                self.expr(x);
                self.expr(index);
            }
            ExprKind::IndexList { x, .. } => self.expr(x),
            ExprKind::Slice { x, lo, hi, max, .. } => {
                self.expr(x);
                for e in [lo, hi, max].into_iter().flatten() {
                    self.expr(e);
                }
            }
            ExprKind::TypeAssert { x, .. } => {
                self.expr(x);
                self.cost += 1;
            }
            ExprKind::Call { fun, args, .. } => {
                let mode = self.info.map(|i| i.types[fun.unparen().id].mode.clone());
                match mode {
                    Some(Mode::Builtin(b)) => {
                        if matches!(b, crate::types::Builtin::Recover) {
                            self.hairy = true;
                        }
                    }
                    Some(Mode::TypeExpr) => {}
                    _ => {
                        // a call of a top-level Go function costs what inlining it costs, when
                        // it can be (gc's mid-stack inlining), resolved by the caller of `Cost`
                        let callee = match (&fun.unparen().kind, self.info) {
                            (ExprKind::Ident(i), Some(info)) => info.object_of(i.id).filter(|&o| matches!(info.obj(o).kind, ObjKind::Func { recv: None, .. })),
                            _ => None,
                        };
                        match callee {
                            Some(o) => self.callees.push(o),
                            None => self.cost += EXTRA_CALL_COST,
                        }
                        self.expr(fun);
                    }
                }
                args.iter().for_each(|a| self.expr(a));
            }
            ExprKind::Binary { x, y, .. } => {
                self.expr(x);
                self.expr(y);
            }
            // types written in expressions
            _ => {}
        }
    }
}

/// Whether the comment lines right above `fd` hold `//go:noinline`.
fn has_noinline(src: &crate::diag::SourceMap, fd: &ast::FuncDecl) -> bool {
    let file = src.file(fd.span.lo);
    let start = file.base;
    let text = src.text(crate::diag::Span::new(start, fd.span.lo));
    for l in text.lines().rev().map(str::trim) {
        if l.is_empty() {
            continue;
        }
        if !l.starts_with("//") {
            break;
        }
        if l.starts_with("//go:noinline") {
            return true;
        }
    }
    false
}

impl<'p, 'a, 'f> FnCx<'p, 'a, 'f> {
    /// The callee `o` (called through identifier `ident`) when it may be inlined here.
    fn inlinable(&mut self, o: ObjId) -> Option<Inlinable<'a>> {
        if self.inline_budget <= 0 || self.inline_depth >= MAX_DEPTH || self.inline_frames.len() >= MAX_FRAMES {
            return None;
        }
        if self.p.inline_hooks.contains_key(&o) {
            return None;
        }
        let cand = match self.p.inlinable.get(&o) {
            Some(c) => *c,
            None => {
                let c = self.p.inline_candidate(o);
                self.p.inlinable.insert(o, c);
                c
            }
        }?;
        if cand.cost > self.inline_budget || (!self.p.same_file(cand.decl.span.lo) && !cand.pure) {
            return None;
        }
        // recursion: the function being lowered, or a body being inlined
        let name = self.p.func_name(o);
        if name == self.func_name {
            return None;
        }
        let mut t = self.inline_tag;
        while t != 0 {
            let f = &self.inline_frames[t as usize - 1];
            if f.call && f.name == name {
                return None;
            }
            t = f.parent;
        }
        Some(cand)
    }

    /// Lowers the call `e` of function `o` inline when its callee qualifies; `None` otherwise.
    pub fn try_inline_call(&mut self, o: ObjId, fun: &ast::Expr, e: &ast::Expr) -> Option<Vec<V>> {
        let ExprKind::Call { args, dots, .. } = &e.kind else { return None };
        let ident = super::prog::Prog::instance_key(fun);
        let cand = self.inlinable(o)?;
        let fi = self.p.info.funcs.get(&cand.decl.id)?;
        let body = cand.decl.body.as_ref()?;
        let fsig = self.p.tt.signature(self.ty(fun)).cloned()?;
        // the instantiated signature's results (a generic callee's depend on its type arguments)
        if !fsig.results.iter().all(|&t| matches!(self.p.repr(t), Repr::Words(_))) {
            return None;
        }
        // a generic callee's body is lowered with its own type arguments, made concrete here
        let inst = self.instance_subst(cand.decl, ident);
        let vals = self.arg_values(&fsig, args, dots.is_some());
        // the frame: name, the line of the call, the enclosing inline frame
        let call_loc = self.b.srcloc();
        // the line `call` set for the call: its `(`'s (or the pinned line of an enclosing body)
        let call_line = call_loc.bits() & super::func::LINE_MASK;
        let name = match &inst {
            Some((_, targs)) => self.p.instance_name(o, targs),
            None => self.p.func_name(o),
        };
        let saved_subst = inst.map(|(m, _)| std::mem::replace(&mut self.p.subst, std::rc::Rc::new(m)));
        self.inline_frames.push(InlineFrame { name, call_line, parent: self.inline_tag, call: true });
        let saved_tag = std::mem::replace(&mut self.inline_tag, self.inline_frames.len() as u32);
        self.inline_depth += 1;
        let cont = self.block();
        let result_words: Vec<Vec<cranelift_codegen::ir::Type>> =
            fsig.results.iter().map(|&t| self.p.repr(t).words().to_vec()).collect();
        for ws in &result_words {
            for &w in ws {
                self.b.append_block_param(cont, w);
            }
        }
        let saved = self.enter_inline(cont, fsig.results.clone());
        let saved_pin = self.pinned_line;
        if !self.p.same_file(cand.decl.span.lo) {
            self.pinned_line = Some(call_line);
        }
        self.set_line(body.span);
        for (&po, v) in fi.params.iter().zip(vals) {
            let t = self.p.obj_ty(po).expect("param type");
            self.declare_local(po, t, Some(v));
        }
        if fi.named_results {
            for (i, &ro) in fi.results.iter().enumerate() {
                self.declare_local(ro, fsig.results[i], None);
                self.result_locals[i] = Some(ro);
            }
        }
        self.block_stmts(&body.stmts);
        if self.open() {
            // falling off the end (no results, or after a terminating statement's dead tail)
            let end = crate::diag::Span::new(body.span.hi.saturating_sub(1), body.span.hi);
            self.set_line(end);
            self.inline_return(&[]);
        }
        self.leave_inline(saved);
        if let Some(m) = saved_subst {
            self.p.subst = m;
        }
        self.pinned_line = saved_pin;
        self.inline_depth -= 1;
        self.inline_tag = saved_tag;
        self.at(cont);
        self.b.set_srcloc(call_loc);
        Some(Self::results_at(self.b.block_params(cont), &result_words))
    }

    /// For a call (through identifier `ident`) of generic function `fd`: its type parameters
    /// mapped to the call's type arguments, made concrete with the current substitution, and
    /// those arguments; `None` for a plain function.
    fn instance_subst(&self, fd: &ast::FuncDecl, ident: ast::NodeId) -> Option<(crate::types::ty::SubstMap, Vec<crate::types::TypeId>)> {
        let targs = self.p.info.instances.get(&ident)?;
        let tparams = self.p.info.generics.get(&fd.id)?;
        let targs: Vec<crate::types::TypeId> = targs.iter().map(|&t| self.p.sub(t)).collect();
        Some((tparams.iter().copied().zip(targs.iter().copied()).collect(), targs))
    }

    /// A `return` in an inlined body: the results (given, or the named results' values) to the
    /// continuation block.
    pub fn inline_return(&mut self, vals: &[V]) {
        let Some(cont) = self.inline_ret else { return };
        let vals: Vec<V> = if vals.is_empty() && !self.result_tys.is_empty() {
            (0..self.result_tys.len()).map(|i| self.load_result(i)).collect()
        } else {
            vals.to_vec()
        };
        let words: Vec<cranelift_codegen::ir::BlockArg> = vals.iter().flat_map(|v| v.words()).map(Into::into).collect();
        self.b.ins().jump(cont, words.iter());
        self.dead();
    }
}

impl<'a> super::prog::Prog<'a> {
    /// Function `o` as an inlining candidate: a top-level, non-generic, non-variadic function
    /// with a body within the budget and nothing gc (or gojit) never inlines.
    fn inline_candidate(&mut self, o: ObjId) -> Option<Inlinable<'a>> {
        let ObjKind::Func { decl, recv: None, .. } = self.info.obj(o).kind else { return None };
        let fd: &'a ast::FuncDecl = self.decls.get(&decl).copied()?;
        let body = fd.body.as_ref()?;
        let fi = self.info.funcs.get(&fd.id)?;
        // what is never inlined (the call graph below is walked anyway, for the cycles)
        // a generic function's results are checked per instance, at the call
        let generic = self.info.generics.contains_key(&fd.id) || !fd.typ.tparams.is_empty();
        let mut eligible = fd.recv.is_none();
        eligible &= fi.defer_count == 0 && !fi.calls_recover;
        if let Some(sig) = self.tt.signature(fi.sig).cloned() {
            eligible &= !sig.variadic && (generic || sig.results.iter().all(|&t| matches!(self.repr(t), Repr::Words(_))));
        } else {
            eligible = false;
        }
        eligible &= fd.name.name != "init" && fd.name.name != "main" && !has_noinline(self.src, fd);
        let mut c = Cost { cost: 0, hairy: false, info: Some(self.info), callees: vec![] };
        c.stmts(&body.stmts);
        // gc's count also has the implicit nodes (conversions, dereferences, the argument
        // slices of variadic calls) this AST does not: counting half as many again keeps what
        // is inlined here within what gc inlines.
        let mut cost = c.cost + (c.cost + 1) / 2;
        // a call closing a cycle (a callee still being costed) costs as a call: gc inlines a
        // recursive function into its other callers, never into itself (`inlinable` below)
        self.inlinable.insert(o, None);
        self.inline_costing.push(o);
        for callee in c.callees {
            if self.pure_intrinsic(callee) {
                continue; // gc: an intrinsic call costs as any node
            }
            if self.inline_costing.contains(&callee) {
                cost += EXTRA_CALL_COST;
                continue;
            }
            let k = match self.inlinable.get(&callee) {
                Some(k) => *k,
                None => {
                    let k = self.inline_candidate(callee);
                    self.inlinable.insert(callee, k);
                    k
                }
            };
            cost += k.map_or(EXTRA_CALL_COST, |k| k.cost);
        }
        self.inline_costing.pop();
        self.inlinable.remove(&o);
        if !eligible || c.hairy {
            return None;
        }
        // (the types of a generic body's expressions are its type parameters: never pure)
        let pure = !generic && body.stmts.iter().all(|st| self.pure_stmt(st));
        (cost <= BUDGET).then_some(Inlinable { decl: fd, cost, pure })
    }
}

impl super::prog::Prog<'_> {
    /// A hooked function whose direct calls are a floating-point op that never traps.
    fn pure_intrinsic(&self, o: ObjId) -> bool {
        use super::hooks::{Impl, Op};
        self.inline_hooks.get(&o).is_some_and(|h| matches!(h.imp, Impl::Inline(Op::Floor | Op::Ceil | Op::Trunc | Op::Sqrt | Op::Fma)))
    }

    /// Whether statement `st` can neither fault, trap nor call: returns, `if`s, blocks and `:=`
    /// of pure expressions ([`Self::pure_expr`]).
    fn pure_stmt(&self, st: &ast::Stmt) -> bool {
        match &st.kind {
            StmtKind::Return(es) => es.iter().all(|e| self.pure_expr(e)),
            StmtKind::Block(b) => b.stmts.iter().all(|s| self.pure_stmt(s)),
            StmtKind::If(i) => {
                i.init.as_deref().is_none_or(|s| self.pure_stmt(s))
                    && self.pure_expr(&i.cond)
                    && i.then.stmts.iter().all(|s| self.pure_stmt(s))
                    && i.els.as_deref().is_none_or(|s| self.pure_stmt(s))
            }
            StmtKind::ShortVarDecl { rhs, .. } => rhs.iter().all(|e| self.pure_expr(e)),
            _ => false,
        }
    }

    /// Whether expression `e` can neither fault, trap nor call: constants, variables, `nil`,
    /// unary `+ - ! ^`, binary operators other than integer `/`, `%`, shifts by a non-constant
    /// count and comparisons of interfaces, structs or arrays (which panic on an uncomparable
    /// dynamic type) other than with `nil`, numeric conversions, and calls of
    /// [`Self::pure_intrinsic`] functions.
    fn pure_expr(&self, e: &ast::Expr) -> bool {
        use crate::types::Type as GoType;
        let tv = &self.info.types[e.id];
        if tv.value().is_some() {
            return true;
        }
        let numeric = |e: &ast::Expr| matches!(self.tt.under(self.info.types[e.id].ty), GoType::Basic(k) if k.is_numeric());
        match &e.kind {
            ExprKind::Ident(i) => self.info.object_of(i.id).is_some_and(|o| matches!(self.info.obj(o).kind, ObjKind::Var(_) | ObjKind::Nil)),
            ExprKind::Paren(x) => self.pure_expr(x),
            ExprKind::Unary { op, x } => matches!(op, ast::UnaryOp::Pos | ast::UnaryOp::Neg | ast::UnaryOp::Not | ast::UnaryOp::Complement) && self.pure_expr(x),
            ExprKind::Binary { op, x, y, .. } => {
                use ast::BinaryOp::*;
                let int_div = matches!(op, Div | Rem) && !matches!(self.tt.under(tv.ty), GoType::Basic(k) if k.is_float());
                let var_shift = op.is_shift() && self.info.types[y.id].value().is_none();
                // `==` of interfaces (or of aggregates holding them) panics on an uncomparable
                // dynamic type; against `nil` it is a word compare
                let is_nil = |e: &ast::Expr| matches!(&e.unparen().kind, ExprKind::Ident(i) if self.info.object_of(i.id).is_some_and(|o| matches!(self.info.obj(o).kind, ObjKind::Nil)));
                let may_panic_eq = op.is_comparison()
                    && !is_nil(x)
                    && !is_nil(y)
                    && matches!(self.tt.under(self.info.types[x.id].ty), GoType::Interface { .. } | GoType::Struct { .. } | GoType::Array { .. });
                !int_div && !var_shift && !may_panic_eq && self.pure_expr(x) && self.pure_expr(y)
            }
            ExprKind::Call { fun, args, dots: None, .. } => {
                let f = fun.unparen();
                match &self.info.types[f.id].mode {
                    Mode::TypeExpr => args.len() == 1 && numeric(e) && numeric(&args[0]) && self.pure_expr(&args[0]),
                    _ => {
                        let callee = match &f.kind {
                            ExprKind::Ident(i) => self.info.object_of(i.id),
                            _ => None,
                        };
                        callee.is_some_and(|o| self.pure_intrinsic(o)) && args.iter().all(|a| self.pure_expr(a))
                    }
                }
            }
            _ => false,
        }
    }
}

/// The most nodes a guard ([`Prog::guard_of`]) may cost: its condition and results are copied
/// into every caller.
const GUARD_BUDGET: i32 = 16;

impl<'p, 'a, 'f> FnCx<'p, 'a, 'f> {
    /// Partial inlining of a callee that is too big (or recursive) to inline whole but opens with
    /// a guard, `if cond { return rs }` whose condition and results can neither fault, trap nor
    /// call (`fib`'s `if n < 2 { return n }`): the guard is lowered in the caller's frame on the
    /// evaluated arguments, and the callee is called only when the guard does not return. No
    /// frame can ever be observed in the guard (no traceback, no panic, no preemption point), so
    /// what Go shows is unchanged; `gojit dump` marks the guard's instructions as inlined.
    pub fn try_guard_call(&mut self, o: ObjId, fun: &ast::Expr, e: &ast::Expr) -> Option<Vec<V>> {
        let ExprKind::Call { args, dots: None, .. } = &e.kind else { return None };
        if self.inline_budget <= 0 || self.inline_frames.len() >= MAX_FRAMES {
            return None;
        }
        let ident = super::prog::Prog::instance_key(fun);
        if self.p.info.instances.contains_key(&ident) || self.p.inline_hooks.contains_key(&o) {
            return None;
        }
        let (fd, guard) = self.p.guard_of(o)?;
        let fi = self.p.info.funcs.get(&fd.id)?;
        let fsig = self.p.tt.signature(self.ty(fun)).cloned()?;
        if fsig.variadic || !fsig.results.iter().all(|&t| matches!(self.p.repr(t), Repr::Words(_))) {
            return None;
        }
        // parameters bound as plain SSA variables: word-represented, never in memory
        for &po in &fi.params {
            let t = self.p.obj_ty(po)?;
            if !matches!(self.p.repr(t), Repr::Words(_)) || self.is_escaping(po) {
                return None;
            }
        }
        let vals = self.arg_values(&fsig, args, false);
        let call_loc = self.b.srcloc();
        let call_line = call_loc.bits() & super::func::LINE_MASK;
        // A recursive call binds the caller's own parameter objects: their bindings come back
        // after the guard (the call below passes the evaluated arguments).
        let saved_locals: Vec<(ObjId, Option<super::func::Local>)> = fi.params.iter().map(|&po| (po, self.locals.remove(&po))).collect();
        let name = self.p.func_name(o);
        self.inline_frames.push(InlineFrame { name, call_line, parent: self.inline_tag, call: true });
        let saved_tag = std::mem::replace(&mut self.inline_tag, self.inline_frames.len() as u32);
        let cont = self.block();
        let result_words: Vec<Vec<cranelift_codegen::ir::Type>> = fsig.results.iter().map(|&t| self.p.repr(t).words().to_vec()).collect();
        for &w in result_words.iter().flatten() {
            self.b.append_block_param(cont, w);
        }
        let saved = self.enter_inline(cont, fsig.results.clone());
        let saved_pin = self.pinned_line.replace(call_line);
        for (&po, v) in fi.params.iter().zip(vals.iter().cloned()) {
            let t = self.p.obj_ty(po).expect("param type");
            self.declare_local(po, t, Some(v));
        }
        self.stmt(guard);
        self.leave_inline(saved);
        self.pinned_line = saved_pin;
        self.inline_tag = saved_tag;
        for (po, l) in saved_locals {
            match l {
                Some(l) => self.locals.insert(po, l),
                None => self.locals.remove(&po),
            };
        }
        self.b.set_srcloc(call_loc);
        if self.open() {
            let words: Vec<cranelift_codegen::ir::Value> = vals.iter().flat_map(|v| v.words()).collect();
            let fid = self.p.func_for(o, ident).expect("declared function");
            let fr = self.func_ref(fid);
            let res = self.finish_call(super::func::Callee::Direct(fr), words, &fsig.results);
            let args: Vec<cranelift_codegen::ir::BlockArg> = res.iter().flat_map(|v| v.words()).map(Into::into).collect();
            self.b.ins().jump(cont, args.iter());
        }
        self.at(cont);
        Some(Self::results_at(self.b.block_params(cont), &result_words))
    }

    /// The inlined call's results: the continuation block's parameters, split by each result's
    /// words (`result_words`).
    fn results_at(params: &[cranelift_codegen::ir::Value], result_words: &[Vec<cranelift_codegen::ir::Type>]) -> Vec<V> {
        let mut k = 0;
        result_words
            .iter()
            .map(|ws| {
                let v = V::W(params[k..k + ws.len()].to_vec());
                k += ws.len();
                v
            })
            .collect()
    }
}

impl<'a> super::prog::Prog<'a> {
    /// The guard of top-level function `o`: its first statement when that is `if cond { return
    /// rs }` (no init, no else) with a pure condition and pure results ([`Self::pure_expr`]),
    /// within [`GUARD_BUDGET`], followed by more statements; `o` not generic, variadic,
    /// `//go:noinline`, `main` or `init`, without named results (a bare `return` would read them).
    fn guard_of(&self, o: ObjId) -> Option<(&'a ast::FuncDecl, &'a ast::Stmt)> {
        let ObjKind::Func { decl, recv: None, .. } = self.info.obj(o).kind else { return None };
        let fd: &'a ast::FuncDecl = self.decls.get(&decl).copied()?;
        let body = fd.body.as_ref()?;
        let fi = self.info.funcs.get(&fd.id)?;
        if fi.named_results || self.info.generics.contains_key(&fd.id) || !fd.typ.tparams.is_empty() {
            return None;
        }
        if fd.name.name == "init" || fd.name.name == "main" || body.stmts.len() < 2 {
            return None;
        }
        let first = &body.stmts[0];
        let StmtKind::If(i) = &first.kind else { return None };
        if i.init.is_some() || i.els.is_some() || i.then.stmts.len() != 1 {
            return None;
        }
        let StmtKind::Return(rs) = &i.then.stmts[0].kind else { return None };
        if !self.pure_expr(&i.cond) || !rs.iter().all(|e| self.pure_expr(e)) {
            return None;
        }
        let mut c = Cost { cost: 0, hairy: false, info: Some(self.info), callees: vec![] };
        c.stmt(first);
        if c.hairy || !c.callees.is_empty() || c.cost > GUARD_BUDGET || has_noinline(self.src, fd) {
            return None;
        }
        Some((fd, first))
    }
}
