//! Statement lowering: declarations, assignments, control flow (if, for, range, switch, type
//! switch, labels, goto, break/continue/fallthrough), return and defer.
//!
//! Invariants: a statement starts and ends in an open block, or in a fresh unreachable block after
//! a terminator (`FnCx::dead`); loop variables declared with `:=` are fresh per iteration (Go 1.22):
//! a captured 3-clause loop variable is copied into a new box before the post statement.

use cranelift_codegen::ir::{self, InstBuilder, MemFlagsData, condcodes::IntCC, types};

use crate::syntax::ast::{self, Decl, ExprKind, StmtKind};
use crate::types::{ObjKind, Type as GoType, TypeId};

use super::func::{FnCx, Jump, Local, Place, V};
use super::rt::Rt;
use super::tyview;

impl<'p, 'a, 'f> FnCx<'p, 'a, 'f> {
    pub fn block_stmts(&mut self, stmts: &[ast::Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    pub fn stmt(&mut self, s: &ast::Stmt) {
        self.set_line(s.span);
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Decl(d) => self.local_decl(d),
            StmtKind::ShortVarDecl { lhs, rhs, .. } => self.short_var_decl(lhs, rhs),
            StmtKind::Assign { lhs, op, rhs, .. } => self.assign(lhs, *op, rhs),
            StmtKind::IncDec { x, inc } => {
                let t = self.p.type_of(x.id);
                let pl = self.place(x);
                let v = self.place_load(&pl);
                let one = self.constant(&crate::types::constant::ConstValue::int(1), t);
                let op = if *inc { ast::BinaryOp::Add } else { ast::BinaryOp::Sub };
                let r = self.arith(op, t, &v, &one);
                self.place_store(&pl, &r);
            }
            StmtKind::Block(b) => self.block_stmts(&b.stmts),
            StmtKind::If(i) => self.if_stmt(i),
            StmtKind::For(f) => self.for_stmt(f),
            StmtKind::Range(r) => self.range_stmt(r),
            StmtKind::Switch(sw) => self.switch_stmt(sw),
            StmtKind::TypeSwitch(sw) => self.type_switch(sw),
            StmtKind::Labeled { label, stmt } => {
                let blk = self.label_block(&label.name);
                if self.open() {
                    self.jump(blk);
                }
                self.at(blk);
                // A label may be a backward `goto`'s target: a loop without a loop statement.
                self.preempt_poll();
                if matches!(stmt.kind, StmtKind::For(_) | StmtKind::Range(_) | StmtKind::Switch(_) | StmtKind::TypeSwitch(_) | StmtKind::Select(_)) {
                    self.pending_label = Some(label.name.clone());
                }
                self.stmt(stmt);
            }
            StmtKind::Goto(l) => self.branch_goto(&l.name),
            StmtKind::Break(l) => self.branch_break(l.as_ref().map(|i| i.name.as_str())),
            StmtKind::Continue(l) => self.branch_continue(l.as_ref().map(|i| i.name.as_str())),
            StmtKind::Fallthrough => {
                if let Some(t) = self.fallthrough {
                    self.jump(t);
                    self.dead();
                }
            }
            StmtKind::Return(es) => self.return_stmt(es, s.span),
            StmtKind::Defer(call) => self.defer_stmt(call),
            StmtKind::Go(call) => self.go_stmt(call),
            StmtKind::Send { ch, value } => self.send_stmt(ch, value),
            StmtKind::Select(cases) => self.select_stmt(cases, s.span),
        }
    }

    pub(super) fn label_block(&mut self, name: &str) -> ir::Block {
        if let Some(&b) = self.labels.get(name) {
            return b;
        }
        let b = self.block();
        self.labels.insert(name.to_string(), b);
        b
    }

    pub(super) fn find_jump(&self, label: Option<&str>, cont: bool) -> Option<ir::Block> {
        for j in self.jumps.iter().rev() {
            if let Some(l) = label {
                if j.label.as_deref() != Some(l) {
                    continue;
                }
            } else if cont && j.cont.is_none() {
                continue;
            }
            return if cont { j.cont } else { Some(j.brk) };
        }
        None
    }

    pub fn expr_stmt(&mut self, e: &ast::Expr) {
        let _ = self.expr_multi(e);
    }

    fn local_decl(&mut self, d: &Decl) {
        let Decl::Var(vd) = d else { return };
        for spec in &vd.specs {
            let objs: Vec<Option<crate::types::ObjId>> = spec.names.iter().map(|n| self.p.info.object_of(n.id)).collect();
            let tys: Vec<TypeId> = objs
                .iter()
                .map(|o| o.and_then(|o| self.p.obj_ty(o)).unwrap_or(crate::types::TypeTable::INVALID))
                .collect();
            let vals: Vec<Option<V>> = if spec.values.is_empty() {
                vec![None; spec.names.len()]
            } else if spec.values.len() == 1 && spec.names.len() > 1 {
                self.multi_value_as(&spec.values[0], &tys).into_iter().map(Some).collect()
            } else {
                spec.values.iter().zip(&tys).map(|(e, &t)| Some(self.expr_as(e, t))).collect()
            };
            for ((o, t), v) in objs.into_iter().zip(tys).zip(vals) {
                if let Some(o) = o {
                    let v = v.map(|v| self.copy_to_temp(t, &v));
                    self.declare_local(o, t, v);
                }
            }
        }
    }

    fn short_var_decl(&mut self, lhs: &[ast::Ident], rhs: &[ast::Expr]) {
        let targets: Vec<(Option<crate::types::ObjId>, bool, TypeId)> = lhs
            .iter()
            .map(|id| {
                let def = self.p.info.defs[id.id].expand();
                let o = def.or_else(|| self.p.info.uses[id.id].expand());
                let t = o.and_then(|o| self.p.obj_ty(o)).unwrap_or(crate::types::TypeTable::INVALID);
                (o, def.is_some(), t)
            })
            .collect();
        let vals: Vec<V> = if rhs.len() == 1 && lhs.len() > 1 {
            let tys: Vec<TypeId> = targets.iter().map(|t| t.2).collect();
            self.multi_value_as(&rhs[0], &tys)
        } else {
            let v: Vec<V> = rhs.iter().zip(&targets).map(|(e, (_, _, t))| self.expr_as(e, *t)).collect();
            if v.len() > 1 { v.iter().zip(&targets).map(|(v, (_, _, t))| self.copy_to_temp(*t, v)).collect() } else { v }
        };
        for ((o, new, t), v) in targets.into_iter().zip(vals) {
            let Some(o) = o else { continue };
            if new {
                self.declare_local(o, t, Some(v));
            } else {
                self.write_local(o, t, &v);
            }
        }
    }

    fn assign(&mut self, lhs: &[ast::Expr], op: Option<ast::BinaryOp>, rhs: &[ast::Expr]) {
        if let Some(op) = op {
            let t = self.p.type_of(lhs[0].id);
            let pl = self.place(&lhs[0]);
            let cur = self.place_load(&pl);
            let r = self.binary_values(op, t, cur, &rhs[0]);
            self.place_store(&pl, &r);
            return;
        }
        if lhs.len() == 1 {
            let pl = self.place(&lhs[0]);
            let t = self.place_type(&lhs[0]);
            if let Some(addr) = self.zeroing_store_addr(&pl, &rhs[0]) {
                // `*p = T{}` for an aggregate: cleared in place, as gc's memclr (no zeroed
                // temporary copied over it: seconds for a 2 GiB array)
                let (size, _) = self.p.size_align(t);
                self.memzero(addr, size);
                return;
            }
            let v = self.expr_as(&rhs[0], t);
            self.place_store(&pl, &v);
            return;
        }
        // Two phases (spec "Assignment statements"): first the operands of index expressions and
        // pointer indirections on the left, then the right-hand sides, are evaluated; then the
        // assignments happen left to right, each doing its own nil, bounds and nil-map checks (so
        // in `m[k], *p = 1, 2` with p nil, m[k] is assigned before the panic).
        let mut pre = vec![];
        for e in lhs {
            self.pre_place(e, &mut pre);
        }
        let vals: Vec<V> = if rhs.len() == 1 {
            let tys: Vec<TypeId> = lhs.iter().map(|e| self.place_type(e)).collect();
            self.multi_value_as(&rhs[0], &tys)
        } else {
            let tys: Vec<TypeId> = lhs.iter().map(|e| self.place_type(e)).collect();
            let v: Vec<V> = rhs.iter().zip(&tys).map(|(e, &t)| self.expr_as(e, t)).collect();
            v.iter().zip(&tys).map(|(v, &t)| self.copy_to_temp(t, v)).collect()
        };
        for (e, v) in lhs.iter().zip(vals) {
            let pl = self.place(e);
            self.place_store(&pl, &v);
        }
        for id in pre {
            self.overrides.remove(&id);
        }
    }

    /// The address to clear when storing `rhs` to `pl` is clearing memory: `rhs` is an empty
    /// composite literal (`T{}`, no side effects) of an in-memory type bigger than 64 bytes and
    /// `pl` is memory (a pointed-to or in-memory variable), so the store becomes a memclr.
    fn zeroing_store_addr(&mut self, pl: &Place, rhs: &ast::Expr) -> Option<ir::Value> {
        let ExprKind::CompositeLit { elts, .. } = &rhs.unparen().kind else { return None };
        if !elts.is_empty() {
            return None;
        }
        let (addr, t) = match pl {
            Place::Mem(a, t) => (*a, *t),
            Place::Local(o, t) if matches!(self.locals.get(o), Some(l) if !matches!(l, Local::Vars(_))) => {
                (self.local_addr(*o)?, *t)
            }
            _ => return None,
        };
        let (size, _) = self.p.size_align(t);
        (self.p.repr(t).is_mem() && size > 64).then_some(addr)
    }

    /// Phase one of a multiple assignment to `e`: evaluates the operands of its index expressions
    /// and pointer indirections now, as overrides (recorded in `pre`), so that `place(e)` later
    /// only checks and addresses.
    fn pre_place(&mut self, e: &ast::Expr, pre: &mut Vec<ast::NodeId>) {
        match &e.kind {
            ExprKind::Paren(x) => self.pre_place(x, pre),
            ExprKind::Star(x) => self.pre_eval(x, pre),
            ExprKind::Index { x, index, .. } => {
                let xt = self.p.type_of(x.id);
                match self.p.tt.under(xt) {
                    GoType::Array { .. } => self.pre_place(x, pre),
                    _ => self.pre_eval(x, pre),
                }
                self.pre_eval(index, pre);
            }
            ExprKind::Selector { x, .. } => {
                let is_field = self.p.info.selections.get(&e.id).is_some_and(|s| s.kind == crate::types::SelectionKind::FieldVal);
                if !is_field {
                    return;
                }
                let xt = self.p.type_of(x.id);
                if matches!(self.p.tt.under(xt), GoType::Pointer(_)) {
                    self.pre_eval(x, pre);
                } else {
                    self.pre_place(x, pre);
                }
            }
            _ => {}
        }
    }

    /// Evaluates `e` now and makes its value stand in for it.
    fn pre_eval(&mut self, e: &ast::Expr, pre: &mut Vec<ast::NodeId>) {
        if self.p.info.types[e.id].value().is_some() {
            return;
        }
        let t = self.p.type_of(e.id);
        let v = self.expr(e);
        let v = self.copy_to_temp(t, &v);
        self.overrides.insert(e.id, v);
        pre.push(e.id);
    }

    /// The type a value assigned to `e` must have (`_` takes the value's own type).
    fn place_type(&self, e: &ast::Expr) -> TypeId {
        self.p.type_of(e.id)
    }

    fn if_stmt(&mut self, s: &ast::IfStmt) {
        if let Some(init) = &s.init {
            self.stmt(init);
        }
        let then = self.block();
        let els = self.block();
        let join = self.block();
        self.cond_branch(&s.cond, then, els);
        self.at(then);
        self.block_stmts(&s.then.stmts);
        if self.open() {
            self.jump(join);
        }
        self.at(els);
        if let Some(e) = &s.els {
            self.stmt(e);
        }
        if self.open() {
            self.jump(join);
        }
        self.at(join);
    }

    fn for_stmt(&mut self, f: &ast::ForStmt) {
        let label = self.pending_label.take();
        if let Some(init) = &f.init {
            self.stmt(init);
        }
        // per-iteration variables declared by the init statement that live in memory
        let mut per_iter = vec![];
        if let Some(init) = &f.init {
            if let StmtKind::ShortVarDecl { lhs, .. } = &init.kind {
                for id in lhs {
                    if let Some(o) = self.p.info.defs[id.id].expand() {
                        if self.is_escaping(o) && !self.lives_in_frame(o) {
                            per_iter.push(o);
                        }
                    }
                }
            }
        }
        let header = self.block();
        let body = self.block();
        let post = self.block();
        let exit = self.block();
        self.jump(header);
        self.at(header);
        match &f.cond {
            Some(c) => self.cond_branch(c, body, exit),
            None => {
                self.jump(body);
            }
        }
        self.at(body);
        self.jumps.push(Jump { label, brk: exit, cont: Some(post) });
        let fact = self.for_fact(f);
        self.facts.extend(fact);
        self.block_stmts(&f.body.stmts);
        if fact.is_some() {
            self.facts.pop();
        }
        self.jumps.pop();
        if self.open() {
            self.jump(post);
        }
        self.at(post);
        for o in per_iter {
            let t = self.p.obj_ty(o).unwrap();
            let cur = self.read_local(o, t);
            let cur = self.copy_to_temp(t, &cur);
            let fresh = self.new_object(t);
            self.store(t, &cur, fresh, 0);
            if let Some(Local::Boxed(var)) = self.locals.get(&o).cloned() {
                self.b.def_var(var, fresh);
            }
        }
        if let Some(p) = &f.post {
            self.stmt(p);
        }
        self.preempt_poll();
        // Loop rotation: a condition that is cheap and safe to lower twice is tested again at the
        // back-edge (one conditional branch per iteration instead of a jump and a branch).
        match &f.cond {
            Some(c) if rotatable_cond(self, c, 0) => {
                self.set_line(c.span);
                self.cond_branch(c, body, exit);
            }
            _ => self.jump(header),
        }
        self.at(exit);
    }

    /// Declares or assigns a range key/value.
    pub(super) fn range_bind(&mut self, target: Option<&ast::Expr>, define: bool, v: V, vt: TypeId) {
        let Some(e) = target else { return };
        if define {
            if let ExprKind::Ident(id) = &e.kind {
                if let Some(o) = self.p.info.defs[id.id].expand() {
                    let t = self.p.obj_ty(o).unwrap_or(vt);
                    self.declare_local(o, t, Some(v));
                }
            }
        } else {
            if matches!(&e.kind, ExprKind::Ident(id) if id.is_blank()) {
                return;
            }
            let pl = self.place(e);
            let v = self.range_assigned(e, v, vt);
            self.place_store(&pl, &v);
        }
    }

    /// A range key or value `v` of type `vt` as assigned to target `e` (`for k, v = range`):
    /// converted to the target's type (an interface target gets the boxed value).
    fn range_assigned(&mut self, e: &ast::Expr, v: V, vt: TypeId) -> V {
        let to = self.p.type_of(e.id);
        if to == crate::types::TypeTable::INVALID { v } else { self.value_as(&v, vt, to) }
    }

    /// Binds a range clause's key and value. An assignment (`for i, x[i] = range s`) evaluates
    /// both targets' operands before storing either, as any Go assignment does.
    fn range_bind_pair(&mut self, r: &ast::RangeStmt, k: (V, TypeId), v: Option<(V, TypeId)>) {
        if r.define {
            self.range_bind(r.key.as_ref(), true, k.0, k.1);
            if let Some((v, vt)) = v {
                self.range_bind(r.value.as_ref(), true, v, vt);
            }
            return;
        }
        let place = |cx: &mut Self, e: Option<&ast::Expr>| match e {
            Some(e) if !matches!(&e.kind, ExprKind::Ident(id) if id.is_blank()) => Some(cx.place(e)),
            _ => None,
        };
        let pk = place(self, r.key.as_ref());
        let pv = if v.is_some() { place(self, r.value.as_ref()) } else { None };
        if let (Some(pk), Some(e)) = (pk, r.key.as_ref()) {
            let kv = self.range_assigned(e, k.0, k.1);
            self.place_store(&pk, &kv);
        }
        if let (Some(pv), Some((v, vt)), Some(e)) = (pv, v, r.value.as_ref()) {
            let vv = self.range_assigned(e, v, vt);
            self.place_store(&pv, &vv);
        }
    }

    fn range_stmt(&mut self, r: &ast::RangeStmt) {
        let label = self.pending_label.take();
        let xt = self.p.type_of(r.x.id);
        let under = self.p.tt.under(xt).clone();
        let header = self.block();
        let body = self.block();
        let post = self.block();
        let exit = self.block();
        match under {
            GoType::Map { key, val } => {
                self.range_map(r, xt, key, val, label, exit);
                return;
            }
            GoType::Chan { .. } => {
                self.range_chan(r, xt, label, exit);
                return;
            }
            GoType::Func(_) => {
                self.range_func(r, label);
                return;
            }
            _ => {}
        }
        // A value variable `_` is no value: nothing is loaded (a nil *array with `for i, _` is fine).
        let has_value = r.value.as_ref().is_some_and(|v| !matches!(&v.kind, ExprKind::Ident(id) if id.name == "_"));
        // integer, slice, array, pointer to array, string
        let (len, base, elem, is_string, ity) = match &under {
            GoType::Basic(k) if k.is_string() => {
                let s = self.expr(&r.x);
                let w = s.words();
                (w[1], w[0], None, true, types::I64)
            }
            GoType::Basic(_) => {
                let n = self.expr(&r.x);
                let t = tyview::int_type(tyview::int_info(self.p.tt, xt).map(|x| x.0).unwrap_or(64));
                (n.w0(), n.w0(), None, false, t)
            }
            GoType::Slice(e) => {
                let s = self.expr(&r.x);
                let w = s.words();
                (w[1], w[0], Some(*e), false, types::I64)
            }
            GoType::Array { len, elem } => {
                // The range expression is evaluated unless at most one iteration variable is
                // present and len(x) is constant (no call in x); `_` counts as a variable.
                let a = if has_value {
                    let v = self.expr(&r.x);
                    self.copy_to_temp(xt, &v).w0()
                } else if r.value.is_some() || crate::types::contains_call(&r.x, &self.p.info.types) {
                    let _ = self.expr(&r.x);
                    self.i64c(0)
                } else {
                    self.i64c(0)
                };
                let l = self.i64c(*len as i64);
                (l, a, Some(*elem), false, types::I64)
            }
            GoType::Pointer(p) => {
                let (n, e) = match self.p.tt.under(*p) {
                    GoType::Array { len, elem } => (*len, *elem),
                    _ => (0, *p),
                };
                let a = self.expr(&r.x).w0();
                if has_value && n > 0 {
                    self.nil_check(a);
                }
                let l = self.i64c(n as i64);
                (l, a, Some(e), false, types::I64)
            }
            _ => return,
        };
        let idx = self.b.declare_var(ity);
        let z = self.b.ins().iconst(ity, 0);
        self.b.def_var(idx, z);
        self.jump(header);
        self.at(header);
        let i = self.b.use_var(idx);
        let signed = tyview::int_info(self.p.tt, xt).map(|x| x.1).unwrap_or(true);
        let cc = if signed || is_string || elem.is_some() { IntCC::SignedLessThan } else { IntCC::UnsignedLessThan };
        let c = self.b.ins().icmp(cc, i, len);
        self.b.ins().brif(c, body, &[], exit, &[]);
        self.at(body);
        // The body is also entered from the back-edge (rotation below): the index is read again
        // here, not taken from the header.
        let i = self.b.use_var(idx);
        let next_var = self.b.declare_var(types::I64);
        if is_string {
            let res = self.rt(Rt::DecodeRune, &[base, len, i]);
            let rune = self.b.ins().ireduce(types::I32, res[0]);
            self.b.def_var(next_var, res[1]);
            let kt = if r.define { self.key_type(r, crate::types::TypeTable::INT) } else { crate::types::TypeTable::INT };
            self.range_bind_pair(r, (V::one(i), kt), Some((V::one(rune), crate::types::TypeTable::INT32)));
        } else {
            // the key's own type: int, or an integer range's type (an untyped constant's is the
            // target's when that is not an interface, else int)
            let kt = if r.define {
                self.key_type(r, xt)
            } else if elem.is_some() {
                crate::types::TypeTable::INT
            } else if self.p.tt.is_untyped(xt) {
                let t = self.key_type(r, crate::types::TypeTable::INT);
                if tyview::is_interface(self.p.tt, t) { crate::types::TypeTable::INT } else { t }
            } else {
                xt
            };
            let mut value = None;
            if let (Some(e), true) = (elem, has_value) {
                let (esz, _) = self.p.size_align(e);
                let off = self.b.ins().imul_imm_s(i, esz as i64);
                let addr = self.b.ins().iadd(base, off);
                let v = self.load(e, addr, 0);
                value = Some((self.copy_to_temp(e, &v), e));
            }
            self.range_bind_pair(r, (V::one(i), kt), value);
        }
        self.jumps.push(Jump { label, brk: exit, cont: Some(post) });
        let fact = self.range_fact(r);
        self.facts.extend(fact);
        self.block_stmts(&r.body.stmts);
        if fact.is_some() {
            self.facts.pop();
        }
        self.jumps.pop();
        if self.open() {
            self.jump(post);
        }
        self.at(post);
        let i = self.b.use_var(idx);
        let n = if is_string { self.b.use_var(next_var) } else { self.b.ins().iadd_imm_s(i, 1) };
        self.b.def_var(idx, n);
        self.preempt_poll();
        // Loop rotation (as in `for_stmt`): the bound test is repeated at the back-edge.
        let i = self.b.use_var(idx);
        let c = self.b.ins().icmp(cc, i, len);
        self.b.ins().brif(c, body, &[], exit, &[]);
        self.at(exit);
    }

    fn key_type(&self, r: &ast::RangeStmt, default: TypeId) -> TypeId {
        r.key.as_ref().map(|k| self.p.type_of(k.id)).filter(|t| *t != crate::types::TypeTable::INVALID).unwrap_or(default)
    }

    fn range_map(&mut self, r: &ast::RangeStmt, mt: TypeId, kt: TypeId, vt: TypeId, label: Option<String>, exit: ir::Block) {
        let m = self.expr(&r.x).w0();
        let td = self.p.typedesc(mt);
        let tdv = self.i64c(td as i64);
        let it = self.temp(gojit_runtime::abi::MAP_ITER_SIZE as u64, 8);
        self.rt(Rt::MapIterInit, &[tdv, m, it]);
        let header = self.block();
        let body = self.block();
        let cont = self.block();
        self.jump(header);
        self.at(cont);
        self.rt(Rt::MapIterNext, &[it]);
        self.jump(header);
        self.at(header);
        let kp = self.b.ins().load(types::I64, MemFlagsData::trusted(), it, 0);
        let done = self.b.ins().icmp_imm_s(IntCC::Equal, kp, 0);
        self.b.ins().brif(done, exit, &[], body, &[]);
        self.at(body);
        let k = self.load(kt, kp, 0);
        let k = self.copy_to_temp(kt, &k);
        let mut value = None;
        if r.value.is_some() {
            let vp = self.b.ins().load(types::I64, MemFlagsData::trusted(), it, 8);
            let v = self.load(vt, vp, 0);
            value = Some((self.copy_to_temp(vt, &v), vt));
        }
        self.range_bind_pair(r, (k, kt), value);
        self.jumps.push(Jump { label, brk: exit, cont: Some(cont) });
        self.block_stmts(&r.body.stmts);
        self.jumps.pop();
        if self.open() {
            self.jump(cont);
        }
        self.at(exit);
    }

    fn switch_stmt(&mut self, sw: &ast::SwitchStmt) {
        let label = self.pending_label.take();
        if let Some(init) = &sw.init {
            self.stmt(init);
        }
        let tag = sw.tag.as_ref().map(|t| {
            let ty = self.p.type_of(t.id);
            let v = self.expr(t);
            (self.copy_to_temp(ty, &v), ty)
        });
        let exit = self.block();
        let bodies: Vec<ir::Block> = sw.cases.iter().map(|_| self.block()).collect();
        let mut default = None;
        for (ci, c) in sw.cases.iter().enumerate() {
            if c.is_default {
                default = Some(bodies[ci]);
                continue;
            }
            for e in &c.exprs {
                self.set_line(e.span);
                let next = self.block();
                match &tag {
                    Some((tv, tt)) => {
                        let (tv, tt) = (tv.clone(), *tt);
                        let c = self.compare_with(tt, &tv, e);
                        self.b.ins().brif(c, bodies[ci], &[], next, &[]);
                    }
                    // a tagless switch compares with `true`: an interface case by Go equality
                    None if tyview::is_interface(self.p.tt, self.p.type_of(e.id)) => {
                        let t = V::one(self.b.ins().iconst(types::I8, 1));
                        let c = self.compare_with(crate::types::TypeTable::BOOL, &t, e);
                        self.b.ins().brif(c, bodies[ci], &[], next, &[]);
                    }
                    None => self.cond_branch(e, bodies[ci], next),
                }
                self.at(next);
            }
        }
        self.jump(default.unwrap_or(exit));
        self.jumps.push(Jump { label, brk: exit, cont: None });
        for (ci, c) in sw.cases.iter().enumerate() {
            self.at(bodies[ci]);
            let saved = self.fallthrough.take();
            self.fallthrough = bodies.get(ci + 1).copied();
            self.block_stmts(&c.body);
            self.fallthrough = saved;
            if self.open() {
                self.jump(exit);
            }
        }
        self.jumps.pop();
        self.at(exit);
    }

    fn type_switch(&mut self, sw: &ast::TypeSwitchStmt) {
        let label = self.pending_label.take();
        if let Some(init) = &sw.init {
            self.stmt(init);
        }
        let xt = self.p.type_of(sw.x.id);
        let xv = self.expr(&sw.x);
        let w = xv.words();
        let (w0, data) = (w[0], w[1]);
        let dyn_t = self.dyn_type(xt, w0);
        let exit = self.block();
        let bodies: Vec<ir::Block> = sw.cases.iter().map(|_| self.block()).collect();
        let mut default = None;
        for (ci, c) in sw.cases.iter().enumerate() {
            if c.is_default {
                default = Some(bodies[ci]);
                continue;
            }
            for te in &c.types {
                let next = self.block();
                let is_nil = matches!(self.p.info.types[te.id].mode, crate::types::Mode::Value)
                    || te.as_ident().map(|i| i.name == "nil" && !self.p.info.types[te.id].is_type()).unwrap_or(false);
                let cond = if is_nil {
                    self.b.ins().icmp_imm_s(IntCC::Equal, dyn_t, 0)
                } else {
                    let t = self.p.type_of(te.id);
                    self.type_matches(dyn_t, t)
                };
                self.b.ins().brif(cond, bodies[ci], &[], next, &[]);
                self.at(next);
            }
        }
        self.jump(default.unwrap_or(exit));
        self.jumps.push(Jump { label, brk: exit, cont: None });
        for (ci, c) in sw.cases.iter().enumerate() {
            self.at(bodies[ci]);
            if let Some(&o) = self.p.info.implicits.get(&c.id) {
                let vt = self.p.obj_ty(o).unwrap();
                let v = self.iface_to_type(xt, w0, data, dyn_t, vt);
                self.declare_local(o, vt, Some(v));
            }
            self.block_stmts(&c.body);
            if self.open() {
                self.jump(exit);
            }
        }
        self.jumps.pop();
        self.at(exit);
    }

    /// A constant 1 of an arithmetic type.
    /// True when `o` is a variable object.
    pub fn is_var(&self, o: crate::types::ObjId) -> bool {
        matches!(self.p.info.obj(o).kind, ObjKind::Var(_))
    }
}

/// Whether `for` condition `e` may be lowered a second time at the loop's back-edge (loop
/// rotation): it reads only variables, constants, fields, elements and `len`/`cap` of such, with
/// operators, so lowering it again creates nothing the first lowering did not (no function
/// literal, no call that could be inlined or have effects, no receive, no composite literal), and
/// evaluating it at the back-edge instead of at the header is the same evaluation, once per
/// iteration, with the same panics.
fn rotatable_cond(cx: &FnCx<'_, '_, '_>, e: &ast::Expr, depth: u32) -> bool {
    if depth > 16 {
        return false;
    }
    if cx.p.info.types[e.id].value().is_some() {
        return true;
    }
    let basic = || matches!(cx.p.tt.under(cx.ty(e)), GoType::Basic(_));
    let d = depth + 1;
    match &e.kind {
        ExprKind::Ident(_) | ExprKind::Lit(_) => true,
        ExprKind::Paren(x) => rotatable_cond(cx, x, d),
        ExprKind::Selector { x, .. } | ExprKind::Star(x) => basic() && rotatable_cond(cx, x, d),
        ExprKind::Index { x, index, .. } => basic() && rotatable_cond(cx, x, d) && rotatable_cond(cx, index, d),
        ExprKind::Unary { op, x } => !matches!(op, ast::UnaryOp::Addr | ast::UnaryOp::Tilde) && rotatable_cond(cx, x, d),
        ExprKind::Binary { x, y, .. } => rotatable_cond(cx, x, d) && rotatable_cond(cx, y, d),
        ExprKind::Call { fun, args, dots: None, .. } => {
            matches!(cx.p.info.types[fun.unparen().id].mode, crate::types::Mode::Builtin(crate::types::Builtin::Len | crate::types::Builtin::Cap))
                && args.iter().all(|a| rotatable_cond(cx, a, d))
        }
        _ => false,
    }
}
