//! Statements and function bodies: scopes, assignments and `:=`, control flow, labels,
//! break/continue/goto/fallthrough placement, `declared and not used`, `missing return`
//! (Go's terminating-statement rules), defer bookkeeping for open-coding, and closures.
//!
//! Invariant: every function body (declaration or literal) is checked inside its own `FuncCtx`,
//! whose summary is stored in `info.funcs` (and, for literals, the captured variables in
//! `info.captures`) when the body is done.

use std::collections::HashMap;

use super::checker::{Checker, FuncCtx, Goal, LabelInfo, Target, plural};
use super::expr::Operand;
use super::info::*;
use super::ty::{BasicKind, ChanDir, Type, TypeId, TypeTable};
use crate::diag::Span;
use crate::syntax::ast::{self, Expr, ExprKind, Stmt, StmtKind};

impl<'a> Checker<'a> {
    // ----- function bodies -----------------------------------------------------------------

    pub fn func_decl_body(&mut self, fd: &'a ast::FuncDecl) {
        let Some(obj) = self.info.defs[fd.name.id].expand() else { return };
        let sig = self.info.objects[obj].ty().unwrap_or(TypeTable::INVALID);
        let tparams = self.decl_tparams.get(&fd.id).cloned();
        let recv_ty = match &fd.recv {
            Some(r) => {
                let t = self.info.types[r.typ.id].ty;
                let t = if t == TypeTable::INVALID {
                    self.with_package_context(|c| {
                        c.push_scope();
                        for (n, o) in tparams.iter().flatten() {
                            c.scopes.insert(&n, *o);
                        }
                        let t = c.recv_type(&r.typ);
                        c.pop_scope();
                        t
                    })
                } else {
                    t
                };
                Some((r, t))
            }
            None => None,
        };
        let saved_cur = self.cur_pkg_obj.replace(obj);
        self.cur_tparams = self.info.generics.get(&fd.id).cloned().unwrap_or_default();
        self.with_package_context(|c| {
            c.push_scope();
            for (n, o) in tparams.iter().flatten() {
                c.scopes.insert(&n, *o);
            }
            c.push_func(fd.id, sig);
            c.push_scope();
            if let Some((r, t)) = recv_ty {
                let o = match r.names.first() {
                    Some(n) => {
                        let o = c.new_var(n, t, VarKind::Receiver);
                        c.declare_local(n, o);
                        o
                    }
                    None => c.new_object("_", r.span, ObjKind::Var(VarInfo {
                        ty: t,
                        kind: VarKind::Receiver,
                        captured: false,
                        address_taken: false,
                        owner: Some(fd.id),
                        per_iteration: false,
                        used: false,
                    })),
                };
                c.funcs.last_mut().unwrap().info.recv = Some(o);
            }
            c.declare_params(&fd.typ, sig);
            match &fd.body {
                Some(body) => {
                    c.func_body(body);
                    c.check_missing_return(body, sig);
                }
                None if fd.recv.is_none() && fd.name.name == "init" => c.error(fd.name.span, "func init must have a body"),
                None if c.goal == Goal::Program && !c.std_pkg => c.error(fd.name.span, "missing function body"),
                None => {}
            }
            c.pop_scope();
            c.pop_func();
            c.pop_scope();
        });
        self.cur_pkg_obj = saved_cur;
    }

    /// A receiver's type: `T`, `*T`, or for a generic base `List[T]` the instance with the
    /// receiver's type parameters (the base's own, see `collect_methods`).
    fn recv_type(&mut self, e: &'a Expr) -> TypeId {
        let inner = e.unparen();
        if let ExprKind::Star(x) = &inner.kind {
            let t = self.recv_type(x);
            let p = if t == TypeTable::INVALID { t } else { self.tt.pointer(t) };
            self.info.types[inner.id] = TypeAndValue { mode: Mode::TypeExpr, ty: p };
            self.info.types[e.id] = TypeAndValue { mode: Mode::TypeExpr, ty: p };
            return p;
        }
        let (base, args): (&'a Expr, Vec<&'a Expr>) = match &inner.kind {
            ExprKind::Index { x, index, .. } => (x, vec![&**index]),
            ExprKind::IndexList { x, indices, .. } => (x, indices.iter().collect()),
            _ => return self.typ(e),
        };
        let bt = self.typ_generic_base(base);
        if bt == TypeTable::INVALID || self.tt.tparams_of(bt).len() != args.len() {
            return TypeTable::INVALID;
        }
        // the receiver's type parameters are the base type's own (see `collect_methods`)
        let targs: Vec<TypeId> = self.tt.tparams_of(bt).to_vec();
        for (a, &t) in args.iter().zip(&targs) {
            self.info.types[a.id] = TypeAndValue { mode: Mode::TypeExpr, ty: t };
        }
        let t = self.tt.instantiate(bt, targs);
        self.info.types[inner.id] = TypeAndValue { mode: Mode::TypeExpr, ty: t };
        self.info.types[e.id] = TypeAndValue { mode: Mode::TypeExpr, ty: t };
        t
    }

    pub fn func_lit_body(&mut self, e: &'a Expr, ft: &'a ast::FuncType, body: &'a ast::Block, sig: TypeId) {
        self.push_func(e.id, sig);
        self.push_scope();
        self.declare_params(ft, sig);
        self.func_body(body);
        self.check_missing_return(body, sig);
        self.pop_scope();
        let ctx = self.pop_func();
        // Variables captured by this literal but owned further out are also captured by the
        // enclosing literal (use_object already added them to every intermediate context).
        self.info.captures.insert(e.id, ctx);
    }

    fn push_func(&mut self, id: ast::NodeId, sig: TypeId) {
        self.funcs.push(FuncCtx {
            id,
            results: vec![],
            named_results: false,
            info: FuncInfo { sig, ..FuncInfo::default() },
            loop_depth: 0,
            captures: vec![],
            labels: HashMap::new(),
            targets: vec![],
            locals: vec![],
        });
    }

    /// Finishes the innermost function: unused variables and labels, `info.funcs`; returns its
    /// captures.
    fn pop_func(&mut self) -> Vec<ObjId> {
        let mut ctx = self.funcs.pop().expect("function context");
        for &o in &ctx.locals {
            if let ObjKind::Var(v) = &self.info.objects[o].kind {
                if !v.used {
                    let span = self.info.objects[o].span;
                    let name = self.info.objects[o].name.clone();
                    self.error(span, format!("declared and not used: {name}"));
                }
            }
        }
        let mut labels: Vec<(String, Span)> =
            ctx.labels.iter().filter(|(_, l)| !l.used).map(|(n, l)| (n.clone(), l.span)).collect();
        labels.sort_by_key(|l| l.1.lo);
        for (n, s) in labels {
            self.error(s, format!("label {n} defined and not used"));
        }
        let i = &mut ctx.info;
        i.results = ctx.results.clone();
        // results a range-over-func body may assign are named too (see `rf_end`)
        i.named_results = ctx.named_results || self.rf_shared.contains_key(&Some(ctx.id));
        i.open_coded_defers = i.defer_count > 0
            && i.defer_count <= 8
            && !i.defer_in_loop
            && i.return_count.saturating_mul(i.defer_count) <= 15;
        self.info.funcs.insert(ctx.id, ctx.info);
        ctx.captures
    }

    fn declare_params(&mut self, ft: &'a ast::FuncType, sig: TypeId) {
        let s = self.tt.signature(sig).cloned();
        let mut pi = 0;
        let mut params = vec![];
        for f in &ft.params {
            for n in f.names.iter() {
                let t = s.as_ref().and_then(|s| s.params.get(pi).copied()).unwrap_or(TypeTable::INVALID);
                pi += 1;
                let o = self.new_var(n, t, VarKind::Param);
                self.declare_local(n, o);
                params.push(o);
            }
            if f.names.is_empty() {
                let t = s.as_ref().and_then(|s| s.params.get(pi).copied()).unwrap_or(TypeTable::INVALID);
                pi += 1;
                let o = self.anon_var("_", f.span, t, VarKind::Param);
                params.push(o);
            }
        }
        let mut ri = 0;
        let mut results = vec![];
        let mut named = false;
        for f in &ft.results {
            for n in f.names.iter() {
                named = true;
                let t = s.as_ref().and_then(|s| s.results.get(ri).copied()).unwrap_or(TypeTable::INVALID);
                ri += 1;
                let o = self.new_var(n, t, VarKind::Result);
                self.declare_local(n, o);
                results.push(o);
            }
            if f.names.is_empty() {
                let t = s.as_ref().and_then(|s| s.results.get(ri).copied()).unwrap_or(TypeTable::INVALID);
                let name = format!("~r{ri}");
                ri += 1;
                let o = self.anon_var(&name, f.span, t, VarKind::Result);
                results.push(o);
            }
        }
        let ctx = self.funcs.last_mut().unwrap();
        ctx.info.params = params;
        ctx.results = results;
        ctx.named_results = named;
    }

    fn anon_var(&mut self, name: &str, span: Span, ty: TypeId, kind: VarKind) -> ObjId {
        let owner = self.funcs.last().map(|f| f.id);
        self.new_object(
            name,
            span,
            ObjKind::Var(VarInfo { ty, kind, captured: false, address_taken: false, owner, per_iteration: false, used: false }),
        )
    }

    fn func_body(&mut self, body: &'a ast::Block) {
        self.collect_labels(&body.stmts);
        self.stmt_list(&body.stmts);
    }

    /// Pre-pass: all labels of a function body (not nested literals), and whether a later goto
    /// jumps back to them.
    fn collect_labels(&mut self, stmts: &'a [Stmt]) {
        let mut labels: Vec<(String, Span)> = vec![];
        let mut gotos: Vec<(String, Span)> = vec![];
        fn walk<'b>(s: &'b Stmt, labels: &mut Vec<(String, Span)>, gotos: &mut Vec<(String, Span)>, d: u32) {
            if d > crate::limits::NESTING_BUDGET {
                return;
            }
            let d = d + 1;
            match &s.kind {
                StmtKind::Labeled { label, stmt } => {
                    labels.push((label.name.clone(), label.span));
                    walk(stmt, labels, gotos, d);
                }
                StmtKind::Goto(l) => gotos.push((l.name.clone(), l.span)),
                StmtKind::Block(b) => b.stmts.iter().for_each(|s| walk(s, labels, gotos, d)),
                StmtKind::If(i) => {
                    i.then.stmts.iter().for_each(|s| walk(s, labels, gotos, d));
                    if let Some(e) = &i.els {
                        walk(e, labels, gotos, d);
                    }
                }
                StmtKind::For(f) => f.body.stmts.iter().for_each(|s| walk(s, labels, gotos, d)),
                StmtKind::Range(r) => r.body.stmts.iter().for_each(|s| walk(s, labels, gotos, d)),
                StmtKind::Switch(sw) => sw.cases.iter().for_each(|c| c.body.iter().for_each(|s| walk(s, labels, gotos, d))),
                StmtKind::TypeSwitch(sw) => sw.cases.iter().for_each(|c| c.body.iter().for_each(|s| walk(s, labels, gotos, d))),
                _ => {}
            }
        }
        for s in stmts {
            walk(s, &mut labels, &mut gotos, 0);
        }
        let mut map: HashMap<String, LabelInfo> = HashMap::new();
        for (name, span) in labels {
            if name == "_" {
                continue;
            }
            if let Some(prev) = map.get(&name) {
                let other = self.pos_string(prev.span);
                self.error(span, format!("label {name} already defined at {other}"));
                continue;
            }
            let backward = gotos.iter().any(|(g, gs)| *g == name && gs.lo > span.lo);
            map.insert(name, LabelInfo { span, used: false, backward });
        }
        self.funcs.last_mut().unwrap().labels = map;
        self.check_gotos(stmts);
    }

    /// gc's goto rules (syntax/branches.go): a goto may not jump into a block, nor forward over
    /// a variable declaration in the label's block.
    fn check_gotos(&mut self, stmts: &'a [Stmt]) {
        #[derive(Default)]
        struct W {
            next_block: u32,
            /// label name -> (span, block path)
            labels: Vec<(String, Span, Vec<u32>)>,
            /// (label name, span of the label ident in the goto, block path)
            gotos: Vec<(String, Span, Vec<u32>)>,
            /// (block, position, names) of variable declarations directly in a block
            vars: Vec<(u32, Span, String)>,
            /// block -> start position
            starts: Vec<Span>,
        }
        fn block(w: &mut W, stmts: &[Stmt], start: Span, path: &mut Vec<u32>, d: u32) {
            let id = w.next_block;
            w.next_block += 1;
            w.starts.push(start);
            path.push(id);
            for s in stmts {
                stmt(w, s, path, id, d + 1);
            }
            path.pop();
        }
        fn stmt(w: &mut W, s: &Stmt, path: &mut Vec<u32>, cur: u32, d: u32) {
            if d > crate::limits::NESTING_BUDGET {
                return;
            }
            match &s.kind {
                StmtKind::Labeled { label, stmt: inner } => {
                    w.labels.push((label.name.clone(), label.span, path.clone()));
                    stmt(w, inner, path, cur, d + 1);
                }
                StmtKind::Goto(l) => w.gotos.push((l.name.clone(), l.span, path.clone())),
                StmtKind::ShortVarDecl { lhs, op_span, .. } => {
                    let names: Vec<&str> = lhs.iter().map(|i| i.name.as_str()).collect();
                    w.vars.push((cur, *op_span, names.join(", ")));
                }
                StmtKind::Decl(ast::Decl::Var(vd)) => {
                    if let Some(n) = vd.specs.first().and_then(|sp| sp.names.first()) {
                        w.vars.push((cur, n.span, n.name.clone()));
                    }
                }
                StmtKind::Block(b) => block(w, &b.stmts, b.span, path, d),
                StmtKind::If(i) => {
                    block(w, &i.then.stmts, i.then.span, path, d);
                    if let Some(e) = &i.els {
                        stmt(w, e, path, cur, d + 1);
                    }
                }
                StmtKind::For(f) => block(w, &f.body.stmts, f.body.span, path, d),
                StmtKind::Range(r) => block(w, &r.body.stmts, r.body.span, path, d),
                StmtKind::Switch(sw) => sw.cases.iter().for_each(|c| block(w, &c.body, c.span, path, d)),
                StmtKind::TypeSwitch(sw) => sw.cases.iter().for_each(|c| block(w, &c.body, c.span, path, d)),
                _ => {}
            }
        }
        let mut w = W::default();
        let mut path = vec![];
        block(&mut w, stmts, Span::default(), &mut path, 0);
        for (name, gspan, gpath) in &w.gotos {
            let Some((_, lspan, lpath)) = w.labels.iter().find(|l| &l.0 == name) else { continue };
            if !gpath.starts_with(lpath) {
                let lb = *lpath.last().unwrap_or(&0);
                let start = self.pos_string(w.starts[lb as usize]);
                self.error(*gspan, format!("goto {name} jumps into block starting at {start}"));
                continue;
            }
            if lspan.lo > gspan.lo {
                let lb = *lpath.last().unwrap_or(&0);
                let over = w.vars.iter().filter(|v| v.0 == lb && v.1.lo > gspan.lo && v.1.lo < lspan.lo).last();
                if let Some((_, vspan, vname)) = over {
                    let at = self.pos_string(*vspan);
                    self.error(*gspan, format!("goto {name} jumps over declaration of {vname} at {at}"));
                }
            }
        }
    }

    // ----- statements ----------------------------------------------------------------------

    pub fn stmt_list(&mut self, stmts: &'a [Stmt]) {
        let mut extra_loops = 0;
        for s in stmts {
            if let StmtKind::Labeled { label, .. } = &s.kind {
                let backward = self.funcs.last().and_then(|f| f.labels.get(&label.name)).is_some_and(|l| l.backward);
                if backward {
                    extra_loops += 1;
                    self.funcs.last_mut().unwrap().loop_depth += 1;
                }
            }
            self.stmt(s);
        }
        if let Some(f) = self.funcs.last_mut() {
            f.loop_depth -= extra_loops;
        }
    }

    fn block(&mut self, b: &'a ast::Block) {
        self.push_scope();
        self.stmt_list(&b.stmts);
        self.pop_scope();
    }

    fn stmt(&mut self, s: &'a Stmt) {
        if self.depth > super::checker::MAX_DEPTH {
            self.error(s.span, "statement nesting too deep");
            return;
        }
        self.depth += 1;
        // gc reports a size error at the statement that meets the type (a declaration: its name)
        let anchor = match &s.kind {
            StmtKind::Decl(ast::Decl::Var(v)) => v.specs.first().and_then(|sp| sp.names.first()).map(|n| n.span),
            StmtKind::Decl(ast::Decl::Type(t)) => t.specs.first().map(|sp| sp.name.span),
            _ => None,
        };
        let saved = self.size_anchor.replace(anchor.unwrap_or(s.span));
        self.stmt_inner(s, None);
        self.size_anchor = saved;
        self.depth -= 1;
    }

    fn stmt_inner(&mut self, s: &'a Stmt, label: Option<&str>) {
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Decl(d) => match d {
                ast::Decl::Const(c) => self.const_decl_local(c),
                ast::Decl::Var(v) => self.var_decl_local(v),
                ast::Decl::Type(t) => self.type_decl_local(t),
                ast::Decl::Func(f) => self.error(f.span, "function declaration not allowed in function body"),
            },
            StmtKind::ShortVarDecl { lhs, op_span, rhs } => self.short_var_decl(lhs, *op_span, rhs, s.span),
            StmtKind::Assign { lhs, op, op_span, rhs } => match op {
                None => self.assign(lhs, rhs, *op_span),
                Some(op) => self.op_assign(&lhs[0], *op, &rhs[0], s.span),
            },
            StmtKind::IncDec { x, inc } => self.inc_dec(x, *inc, s.span),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If(i) => self.if_stmt(i),
            StmtKind::For(f) => {
                self.push_scope();
                if let Some(init) = &f.init {
                    self.simple_stmt(init);
                    // Go 1.22: variables declared by the init statement are per-iteration.
                    if let StmtKind::ShortVarDecl { lhs, .. } = &init.kind {
                        for id in lhs {
                            if let Some(o) = self.info.defs[id.id].expand() {
                                if let ObjKind::Var(v) = &mut self.info.objects[o].kind {
                                    v.per_iteration = true;
                                }
                            }
                        }
                    }
                }
                if let Some(c) = &f.cond {
                    self.condition(c, "for");
                }
                if let Some(post) = &f.post {
                    if let StmtKind::ShortVarDecl { op_span, .. } = &post.kind {
                        self.error(*op_span, "cannot declare in post statement of for loop");
                    } else {
                        self.simple_stmt(post);
                    }
                }
                self.loop_body(&f.body, label);
                self.pop_scope();
            }
            StmtKind::Range(r) => self.range_stmt(r, label),
            StmtKind::Switch(sw) => self.switch_stmt(sw, label),
            StmtKind::TypeSwitch(sw) => self.type_switch_stmt(sw, label),
            StmtKind::Labeled { label: l, stmt } => {
                let name = if l.is_blank() { None } else { Some(l.name.as_str()) };
                match &stmt.kind {
                    StmtKind::For(_) | StmtKind::Range(_) | StmtKind::Switch(_) | StmtKind::TypeSwitch(_) | StmtKind::Select(_) => {
                        self.depth += 1;
                        self.stmt_inner(stmt, name);
                        self.depth -= 1;
                    }
                    _ => {
                        let f = self.funcs.last_mut().unwrap();
                        f.targets.push(Target { is_loop: false, label: name.map(str::to_string), breakable: false });
                        self.stmt(stmt);
                        self.funcs.last_mut().unwrap().targets.pop();
                    }
                }
            }
            StmtKind::Goto(l) => {
                self.use_label(l, "goto");
            }
            StmtKind::Break(l) => self.branch(l.as_ref(), false, s.span),
            StmtKind::Continue(l) => self.branch(l.as_ref(), true, s.span),
            StmtKind::Fallthrough => match self.labeled_fallthrough.take() {
                // The labeled last statement of a clause (`lab: fallthrough`): placed well.
                Some(Some(msg)) => self.error(s.span, msg),
                Some(None) => {}
                // Other valid placements are handled by clause_body; here it is misplaced.
                None => self.error(s.span, "fallthrough statement out of place"),
            },
            StmtKind::Return(results) => self.return_stmt(results, s.span),
            StmtKind::Defer(e) => self.defer_stmt(e),
            StmtKind::Go(e) => self.go_stmt(e),
            StmtKind::Send { ch, value } => self.send_stmt(ch, value, s.span),
            StmtKind::Select(cases) => self.select_stmt(cases, label),
        }
    }

    fn go_stmt(&mut self, e: &'a Expr) {
        self.call_stmt_operand(e, "go");
    }

    fn send_stmt(&mut self, ch: &'a Expr, value: &'a Expr, span: Span) {
        let c = self.value(ch);
        let mut v = self.value(value);
        if c.mode == Mode::Invalid || v.mode == Mode::Invalid {
            return;
        }
        match self.tt.under(c.ty).clone() {
            Type::Chan { dir: ChanDir::Recv, .. } => {
                let s = self.operand_string(&c);
                let t = self.tt.type_string_err(c.ty);
                self.error(span, format!("invalid operation: cannot send to receive-only channel {t} {s}"));
            }
            Type::Chan { elem, .. } => self.assignment(&mut v, elem, "send"),
            _ => {
                let s = self.operand_string(&c);
                let t = self.tt.type_string_err(c.ty);
                self.error(span, format!("invalid operation: cannot send to non-channel {t} {s}"));
            }
        }
    }

    fn select_stmt(&mut self, cases: &'a [ast::CommClause], label: Option<&str>) {
        let f = self.funcs.last_mut().unwrap();
        f.targets.push(Target { is_loop: false, label: label.map(str::to_string), breakable: true });
        let mut seen_default: Option<Span> = None;
        for c in cases {
            self.push_scope();
            match &c.comm {
                None => {
                    if let Some(prev) = seen_default {
                        let other = self.pos_string(prev);
                        self.error(c.span, format!("multiple defaults in select (first at {other})"));
                    }
                    seen_default = Some(c.span);
                }
                Some(s) => {
                    let is_recv = |e: &Expr| matches!(e.unparen().kind, ExprKind::Recv(_));
                    let ok = match &s.kind {
                        StmtKind::Send { .. } => true,
                        StmtKind::Expr(e) => is_recv(e),
                        StmtKind::ShortVarDecl { lhs, rhs, .. } => lhs.len() <= 2 && rhs.len() == 1 && is_recv(&rhs[0]),
                        StmtKind::Assign { lhs, op: None, rhs, .. } => lhs.len() <= 2 && rhs.len() == 1 && is_recv(&rhs[0]),
                        _ => false,
                    };
                    if ok {
                        self.stmt(s);
                    } else {
                        self.error(s.span, "select case must be receive, send or assign recv");
                    }
                }
            }
            self.clause_body(&c.body, true, true);
            self.pop_scope();
        }
        self.funcs.last_mut().unwrap().targets.pop();
    }

    fn simple_stmt(&mut self, s: &'a Stmt) {
        self.stmt(s);
    }

    fn loop_body(&mut self, body: &'a ast::Block, label: Option<&str>) {
        let f = self.funcs.last_mut().unwrap();
        f.loop_depth += 1;
        f.targets.push(Target { is_loop: true, label: label.map(str::to_string), breakable: true });
        self.block(body);
        let f = self.funcs.last_mut().unwrap();
        f.targets.pop();
        f.loop_depth -= 1;
    }

    fn use_label(&mut self, l: &ast::Ident, what: &str) -> bool {
        let f = self.funcs.last_mut().unwrap();
        match f.labels.get_mut(&l.name) {
            Some(info) => {
                info.used = true;
                true
            }
            None => {
                let msg = if what == "goto" {
                    format!("label {} not defined", l.name)
                } else {
                    format!("{what} label not defined: {}", l.name)
                };
                self.error(l.span, msg);
                false
            }
        }
    }

    fn branch(&mut self, l: Option<&ast::Ident>, is_continue: bool, span: Span) {
        let kw = if is_continue { "continue" } else { "break" };
        let targets = self.funcs.last().unwrap().targets.clone();
        match l {
            Some(l) => {
                // gc's syntax checker: the label must be on an enclosing statement (labels
                // declared later in the function are not yet known there).
                let f = self.funcs.last_mut().unwrap();
                let mut declared_before = false;
                if let Some(info) = f.labels.get_mut(&l.name) {
                    if info.span.lo < l.span.lo {
                        info.used = true;
                        declared_before = true;
                    }
                }
                match targets.iter().rev().find(|t| t.label.as_deref() == Some(l.name.as_str())) {
                    // a label already seen but not enclosing is an invalid target (branches.go)
                    None if declared_before => self.error(l.span, format!("invalid {kw} label {}", l.name)),
                    None => self.error(l.span, format!("{kw} label not defined: {}", l.name)),
                    Some(t) => {
                        if !t.breakable || (is_continue && !t.is_loop) {
                            self.error(l.span, format!("invalid {kw} label {}", l.name));
                        }
                    }
                }
            }
            None => {
                let ok = if is_continue {
                    targets.iter().any(|t| t.is_loop)
                } else {
                    targets.iter().any(|t| t.breakable)
                };
                if !ok {
                    let msg = if is_continue { "continue is not in a loop" } else { "break is not in a loop, switch, or select" };
                    self.error(span, msg);
                }
            }
        }
    }

    fn expr_stmt(&mut self, e: &'a Expr) {
        let x = self.expr(e);
        let inner = e.unparen();
        let is_call = matches!(inner.kind, ExprKind::Call { .. } | ExprKind::Recv(_));
        if x.mode == Mode::Invalid {
            return;
        }
        let msg_unused = |c: &Self, x: &Operand<'a>| format!("{} is not used", c.operand_string(x));
        if !is_call {
            let m = msg_unused(self, &x);
            self.error(e.span, m);
            return;
        }
        // Conversions and value-producing builtins are not statements.
        if let ExprKind::Call { fun, .. } = &inner.kind {
            let fm = &self.info.types[fun.id].mode;
            match fm {
                Mode::TypeExpr => {
                    let m = msg_unused(self, &x);
                    self.error(e.span, m);
                }
                Mode::Builtin(b) => {
                    if !matches!(b, Builtin::Copy | Builtin::Delete | Builtin::Panic | Builtin::Print | Builtin::Println | Builtin::Recover | Builtin::Clear | Builtin::Close) {
                        let m = msg_unused(self, &x);
                        self.error(e.span, m);
                    }
                }
                _ => {}
            }
        }
    }

    fn condition(&mut self, c: &'a Expr, what: &str) {
        let mut x = self.value(c);
        if x.mode == Mode::Invalid {
            return;
        }
        if !self.tt.basic(x.ty).is_some_and(|k| k.is_boolean()) {
            let s = self.operand_string(&x);
            self.error(c.span, format!("non-boolean condition in {what} statement"));
            let _ = s;
            return;
        }
        if self.tt.is_untyped(x.ty) {
            let v = x.val().cloned();
            self.set_operand_type(&mut x, TypeTable::BOOL, v);
        }
    }

    fn if_stmt(&mut self, i: &'a ast::IfStmt) {
        self.push_scope();
        if let Some(init) = &i.init {
            self.simple_stmt(init);
        }
        self.condition(&i.cond, "if");
        self.block(&i.then);
        if let Some(els) = &i.els {
            self.stmt(els);
        }
        self.pop_scope();
    }

    // ----- assignments -------------------------------------------------------------------

    /// Checks an assignment target; returns its type (INVALID for `_` or errors).
    /// A plain identifier target does not count as a use.
    fn lhs_expr(&mut self, e: &'a Expr) -> Option<TypeId> {
        let inner = e.unparen();
        if let ExprKind::Ident(id) = &inner.kind {
            if id.is_blank() {
                self.info.types[e.id] = TypeAndValue { mode: Mode::Variable, ty: TypeTable::INVALID };
                return None;
            }
            if let Some(o) = self.lookup(&id.name) {
                if let ObjKind::Var(v) = &self.info.objects[o].kind {
                    let was_used = v.used;
                    let x = self.expr(e);
                    if let ObjKind::Var(v) = &mut self.info.objects[o].kind {
                        v.used = was_used;
                    }
                    return if x.mode == Mode::Invalid { Some(TypeTable::INVALID) } else { Some(x.ty) };
                }
            }
        }
        let mut x = self.expr(e);
        if matches!(x.mode, Mode::TypeExpr | Mode::Builtin(_)) {
            // types2's lhsVar evaluates with check.expr, which excludes types and built-ins
            self.single_value(&mut x);
        }
        match x.mode {
            Mode::Invalid => Some(TypeTable::INVALID),
            Mode::Variable | Mode::MapIndex => Some(x.ty),
            _ => {
                let s = self.expr_string(e);
                let detail = match (&x.mode, &inner.kind) {
                    (Mode::Value, ExprKind::Selector { .. }) => {
                        // struct field of a map element?
                        if let ExprKind::Selector { x: base, .. } = &inner.kind {
                            if self.info.types[base.unparen().id].mode == Mode::MapIndex {
                                format!("cannot assign to struct field {s} in map")
                            } else {
                                format!("cannot assign to {s} (neither addressable nor a map index expression)")
                            }
                        } else {
                            unreachable!()
                        }
                    }
                    (Mode::Constant(_), _) => {
                        format!("cannot assign to {s} (neither addressable nor a map index expression)")
                    }
                    _ => {
                        let ts = self.tt.type_string_err(x.ty);
                        if matches!(self.tt.basic(self.info.types[inner.id].ty), Some(_)) && matches!(inner.kind, ExprKind::Index { .. }) {
                            let base_t = if let ExprKind::Index { x: b, .. } = &inner.kind { self.info.types[b.id].ty } else { TypeTable::INVALID };
                            if self.tt.basic(base_t).is_some_and(|k| k.is_string()) {
                                format!("cannot assign to {s} (neither addressable nor a map index expression)")
                            } else {
                                format!("cannot assign to {s} (neither addressable nor a map index expression)")
                            }
                        } else {
                            let _ = ts;
                            format!("cannot assign to {s} (neither addressable nor a map index expression)")
                        }
                    }
                };
                self.error(e.span, detail);
                Some(TypeTable::INVALID)
            }
        }
    }

    fn assign(&mut self, lhs: &'a [Expr], rhs: &'a [Expr], op_span: Span) {
        let _ = op_span;
        let targets: Vec<Option<TypeId>> = lhs.iter().map(|l| self.lhs_expr(l)).collect();
        let n = lhs.len();
        // types2's assignVars: "multiple assignment" as soon as there are several targets
        let ctx = if n > 1 { "multiple assignment" } else { "assignment" };
        if rhs.len() == 1 && n > 1 {
            let mut x = self.expr(&rhs[0]);
            if x.mode == Mode::Invalid {
                return;
            }
            let count = self.value_count(&x, n);
            if count != n {
                self.assign_mismatch(rhs[0].span, n, rhs, &x, count);
                return;
            }
            let is_tuple = matches!(self.tt.get(x.ty), Type::Tuple(_));
            self.mark_comma_ok(&mut x, n);
            let elems = self.multi_value_elems(&x);
            for (i, t) in targets.iter().enumerate() {
                let Some(t) = *t else { continue };
                if t == TypeTable::INVALID {
                    continue;
                }
                // a comma-ok's second value is an untyped boolean (assignable to any boolean type)
                let et = elems[i];
                let ok_to_bool = !is_tuple && i == 1 && et == TypeTable::BOOL && self.tt.basic(self.tt.underlying(t)) == Some(BasicKind::Bool);
                if ok_to_bool {
                    continue;
                }
                if let Err(reason) = self.assignable_to(et, None, t) {
                    let es = if is_tuple { self.nth_result(i, et) } else { format!("{} value", self.tt.type_string_err(et)) };
                    let ts = self.tt.type_string_err(t);
                    self.error(rhs[0].span, format!("cannot use {es} as {ts} value in {ctx}{reason}"));
                }
            }
            return;
        }
        if rhs.len() != n {
            for r in rhs {
                self.expr(r);
            }
            self.error(rhs[0].span, format!("assignment mismatch: {} variable{} but {} value{}", n, plural(n), rhs.len(), plural(rhs.len())));
            return;
        }
        for (r, t) in rhs.iter().zip(targets) {
            self.hint = t;
            let mut x = self.rhs_value(r, n);
            match t {
                Some(t) => self.assignment(&mut x, t, ctx),
                None => {
                    if x.is_nil() {
                        self.error(r.span, "use of untyped nil in assignment");
                    } else if self.tt.is_untyped(x.ty) {
                        let d = self.tt.default_type(x.ty);
                        self.assignment(&mut x, d, ctx);
                    }
                }
            }
        }
    }

    /// The value of one right-hand side in an n:n assignment; a lone call returning several
    /// values is an assignment mismatch (`1 variable but f returns 2 values`).
    pub fn rhs_value(&mut self, r: &'a Expr, n: usize) -> Operand<'a> {
        let mut x = self.expr(r);
        if n == 1 && matches!(r.unparen().kind, ExprKind::Call { .. }) && x.mode == Mode::Value {
            if let Type::Tuple(elems) = self.tt.get(x.ty) {
                let count = elems.len();
                self.assign_mismatch(r.span, 1, std::slice::from_ref(r), &x, count);
                return Operand::invalid(r.id, r.span);
            }
        }
        self.single_value(&mut x);
        x
    }

    /// `assignment mismatch: 2 variables but f returns 1 value`.
    pub fn assign_mismatch(&mut self, at: Span, n: usize, rhs: &'a [Expr], x: &Operand<'a>, count: usize) {
        let is_call = matches!(rhs[0].unparen().kind, ExprKind::Call { .. });
        let msg = if is_call && x.mode != Mode::Invalid {
            let f = match &rhs[0].unparen().kind {
                ExprKind::Call { fun, .. } => self.expr_string(fun),
                _ => String::new(),
            };
            format!("assignment mismatch: {} variable{} but {} returns {} value{}", n, plural(n), f, count, plural(count))
        } else {
            format!("assignment mismatch: {} variable{} but {} value{}", n, plural(n), count, plural(count))
        };
        self.error(at, msg);
    }

    fn short_var_decl(&mut self, lhs: &'a [ast::Ident], op_span: Span, rhs: &'a [Expr], span: Span) {
        let _ = span;
        // Which names are new?
        let mut new_any = false;
        let mut is_new = vec![];
        let mut seen: Vec<&str> = vec![];
        let mut repeated: Vec<Span> = vec![];
        for id in lhs {
            if id.is_blank() {
                is_new.push(false);
                continue;
            }
            if seen.contains(&id.name.as_str()) {
                self.error(id.span, format!("{} repeated on left side of :=", id.name));
                is_new.push(false);
                repeated.push(id.span);
                continue;
            }
            seen.push(&id.name);
            let exists = self.scopes.innermost(&id.name).is_some();
            is_new.push(!exists);
            new_any |= !exists;
        }
        if !new_any {
            self.error(op_span, "no new variables on left side of :=");
        }
        // Types of the right-hand side.
        let n = lhs.len();
        // types2's initVars: "multiple assignment" as soon as there are several variables
        let ctx = if n > 1 { "multiple assignment" } else { "assignment" };
        let mut types: Vec<TypeId> = vec![TypeTable::INVALID; n];
        let mut ops: Vec<Option<Operand<'a>>> = vec![];
        let mut tuple = false;
        if rhs.len() == 1 && n > 1 {
            let mut x = self.expr(&rhs[0]);
            tuple = matches!(self.tt.get(x.ty), Type::Tuple(_));
            if x.mode != Mode::Invalid {
                let count = self.value_count(&x, n);
                if count != n {
                    self.assign_mismatch(rhs[0].span, n, rhs, &x, count);
                } else {
                    self.mark_comma_ok(&mut x, n);
                    types = self.multi_value_elems(&x).iter().map(|&t| self.tt.default_type(t)).collect();
                }
            }
        } else if rhs.len() != n {
            for r in rhs {
                self.expr(r);
            }
            self.error(rhs[0].span, format!("assignment mismatch: {} variable{} but {} value{}", n, plural(n), rhs.len(), plural(rhs.len())));
        } else {
            for r in rhs {
                ops.push(Some(self.rhs_value(r, n)));
            }
        }
        // Declare/assign.
        for (i, id) in lhs.iter().enumerate() {
            if repeated.contains(&id.span) {
                // reported; types2 gives the repeated name a dummy variable (no assignment)
                continue;
            }
            let existing = if is_new[i] || id.is_blank() { None } else { self.lookup(&id.name) };
            if let Some(o) = existing {
                self.info.uses[id.id] = o.into();
                let was_used = self.info.objects[o].var().map(|v| v.used);
                self.use_object(o, id.span);
                if let (Some(w), ObjKind::Var(v)) = (was_used, &mut self.info.objects[o].kind) {
                    v.used = w;
                }
                let t = self.info.objects[o].ty().unwrap_or(TypeTable::INVALID);
                if let Some(Some(x)) = ops.get_mut(i) {
                    self.assignment(x, t, ctx);
                } else if types[i] != TypeTable::INVALID && t != TypeTable::INVALID {
                    // a comma-ok's second value is an untyped boolean
                    let ok_to_bool = !tuple && i == 1 && types[i] == TypeTable::BOOL && self.tt.basic(self.tt.underlying(t)) == Some(BasicKind::Bool);
                    if let Err(reason) = if ok_to_bool { Ok(()) } else { self.assignable_to(types[i], None, t) } {
                        let es = if tuple { self.nth_result(i, types[i]) } else { format!("{} value", self.tt.type_string_err(types[i])) };
                        let ts = self.tt.type_string_err(t);
                        self.error(rhs[0].span, format!("cannot use {es} as {ts} value in {ctx}{reason}"));
                    }
                }
                continue;
            }
            let t = match ops.get_mut(i) {
                Some(Some(x)) => {
                    if x.mode == Mode::Invalid {
                        TypeTable::INVALID
                    } else if x.is_nil() {
                        self.error(x.span, "use of untyped nil in assignment");
                        TypeTable::INVALID
                    } else {
                        let t = self.tt.default_type(x.ty);
                        self.assignment(x, t, ctx);
                        t
                    }
                }
                _ => types[i],
            };
            let o = self.new_var(id, t, VarKind::Local);
            if id.is_blank() {
                self.info.defs[id.id] = o.into();
            } else {
                self.pending_decl(id, o);
            }
        }
    }

    /// Declares a `:=` variable (scope entry after the whole statement was checked).
    fn pending_decl(&mut self, id: &ast::Ident, o: ObjId) {
        self.declare_local(id, o);
    }

    fn op_assign(&mut self, l: &'a Expr, op: ast::BinaryOp, r: &'a Expr, span: Span) {
        let mut x = self.value(l);
        let mut y = self.value(r);
        if x.mode == Mode::Invalid || y.mode == Mode::Invalid {
            return;
        }
        if !matches!(x.mode, Mode::Variable | Mode::MapIndex) {
            let s = self.expr_string(l);
            self.error(l.span, format!("cannot assign to {s} (neither addressable nor a map index expression)"));
            return;
        }
        let stmt_s = format!("{} {}= {}", self.expr_string(l), op.as_str(), self.expr_string(r));
        let _ = span;
        if op.is_shift() {
            if !self.tt.basic(x.ty).is_some_and(|k| k.is_integer()) {
                let s = self.operand_string(&x);
                self.error(l.span, format!("invalid operation: shifted operand {s} must be integer"));
                return;
            }
            if self.tt.is_untyped(y.ty) {
                self.convert_untyped(&mut y, TypeTable::UINT);
            }
            if y.mode != Mode::Invalid && !self.tt.basic(y.ty).is_some_and(|k| k.is_integer()) {
                let s = self.operand_string(&y);
                self.error(r.span, format!("invalid operation: shift count {s} must be integer"));
            }
            if let Some(v) = y.val().and_then(|v| v.as_int()) {
                if v < 0 {
                    let s = self.operand_string(&y);
                    self.error(r.span, format!("invalid operation: negative shift count {s}"));
                }
            }
            return;
        }
        self.convert_untyped(&mut y, x.ty);
        if y.mode == Mode::Invalid {
            return;
        }
        if x.ty != y.ty {
            let xs = self.tt.type_string_err(x.ty);
            let ys = self.tt.type_string_err(y.ty);
            self.error(l.span, format!("invalid operation: {stmt_s} (mismatched types {xs} and {ys})"));
            return;
        }
        let k = self.some_kind(x.ty);
        use ast::BinaryOp::*;
        let t = x.ty;
        let ok = match op {
            Add => self.all_terms(t, |k| k.is_numeric() || k.is_string()),
            Sub | Mul | Div => self.all_terms(t, |k| k.is_numeric()),
            _ => self.all_terms(t, |k| k.is_integer()),
        };
        if !ok {
            let s = self.expr_string(l);
            let ts = self.tt.type_string_err(x.ty);
            self.error(l.span, format!("invalid operation: operator {} not defined on {s} (variable of type {ts})", op.as_str()));
            return;
        }
        if matches!(op, Div | Rem) && y.val().is_some_and(|v| v.as_f64() == Some(0.0)) && k.is_some_and(|k| k.is_integer()) {
            self.error(r.span, "invalid operation: division by zero");
        }
        let _ = &mut x;
    }

    fn inc_dec(&mut self, e: &'a Expr, inc: bool, span: Span) {
        let x = self.value(e);
        if x.mode == Mode::Invalid {
            return;
        }
        let op = if inc { "++" } else { "--" };
        if !self.all_terms(x.ty, |k| k.is_numeric()) {
            let s = self.expr_string(e);
            let ts = self.tt.type_string_err(x.ty);
            self.error(span, format!("invalid operation: {s}{op} (non-numeric type {ts})"));
            return;
        }
        if !matches!(x.mode, Mode::Variable | Mode::MapIndex) {
            let s = self.expr_string(e);
            self.error(e.span, format!("cannot assign to {s} (neither addressable nor a map index expression)"));
        }
    }

    // ----- range -------------------------------------------------------------------------

    fn range_stmt(&mut self, r: &'a ast::RangeStmt, label: Option<&str>) {
        self.push_scope();
        let mut x = self.value(&r.x);
        let mut yield_ty = None;
        let mut is_func = false;
        let (kt, vt, max_vars): (TypeId, Option<TypeId>, usize) = if x.mode == Mode::Invalid {
            (TypeTable::INVALID, Some(TypeTable::INVALID), 2)
        } else {
            if self.tt.is_untyped(x.ty) {
                let d = self.tt.default_type(x.ty);
                let v = x.val().cloned();
                if self.tt.basic(d).is_some_and(|k| k.is_integer()) || d == TypeTable::STRING {
                    self.set_operand_type(&mut x, d, v);
                }
            }
            match self.tt.under(x.ty).clone() {
                Type::Basic(k) if k.is_string() => (TypeTable::INT, Some(TypeTable::RUNE), 2),
                Type::Basic(k) if k.is_integer() => (x.ty, None, 1),
                Type::Slice(e) | Type::Array { elem: e, .. } => (TypeTable::INT, Some(e), 2),
                Type::Pointer(p) => match self.tt.under(p).clone() {
                    Type::Array { elem, .. } => (TypeTable::INT, Some(elem), 2),
                    _ => {
                        let s = self.operand_string(&x);
                        self.error(r.x.span, format!("cannot range over {s}"));
                        (TypeTable::INVALID, Some(TypeTable::INVALID), 2)
                    }
                },
                Type::Map { key, val } => (key, Some(val), 2),
                Type::Chan { dir, elem } => {
                    if dir == ChanDir::Send {
                        let s = self.operand_string(&x);
                        self.error(r.x.span, format!("cannot range over {s}: receive from send-only channel"));
                    }
                    (elem, None, 1)
                }
                Type::Func(_) => {
                    let (k, v, yt) = self.range_func_vars(&x, r);
                    yield_ty = yt;
                    is_func = true;
                    (k, v, 2)
                }
                _ => {
                    let s = self.operand_string(&x);
                    self.error(r.x.span, format!("cannot range over {s}"));
                    (TypeTable::INVALID, Some(TypeTable::INVALID), 2)
                }
            }
        };
        if max_vars == 1 && r.value.is_some() {
            let s = self.operand_string(&x);
            self.error(r.value.as_ref().unwrap().span, format!("range over {s} permits only one iteration variable"));
        } else if let Some(e) = r.extra.as_ref().filter(|_| x.mode != Mode::Invalid) {
            self.error(e.span, "range clause permits at most two iteration variables");
        }
        let vars: [(Option<&'a Expr>, Option<TypeId>); 2] = [(r.key.as_ref(), Some(kt)), (r.value.as_ref(), vt)];
        let over_int = self.tt.basic(x.ty).is_some_and(|k| k.is_integer());
        if is_func {
            // the iteration variables are the body closure's parameters
            self.rf_begin();
        }
        if r.define {
            let mut objs = vec![];
            for (e, t) in vars {
                let Some(e) = e else { continue };
                let Some(id) = e.as_ident() else {
                    self.error(e.span, format!("non-name {} on left side of :=", self.expr_string(e)));
                    continue;
                };
                let o = self.new_var(id, t.unwrap_or(TypeTable::INVALID), VarKind::Local);
                if let ObjKind::Var(v) = &mut self.info.objects[o].kind {
                    v.per_iteration = true;
                    // types2 (range.go): an invalid iteration variable is not reported unused.
                    v.used |= v.ty == TypeTable::INVALID;
                }
                self.info.types[e.id] = TypeAndValue { mode: Mode::Variable, ty: t.unwrap_or(TypeTable::INVALID) };
                objs.push((id, o));
            }
            for (id, o) in objs {
                self.declare_local(id, o);
            }
        } else {
            for (e, t) in vars {
                let Some(e) = e else { continue };
                let Some(t) = t else { continue };
                if let Some(lt) = self.lhs_expr(e) {
                    if lt != TypeTable::INVALID && t != TypeTable::INVALID {
                        if let Err(reason) = self.assignable_to(t, None, lt) {
                            let ts = self.tt.type_string_err(t);
                            let ls = self.tt.type_string_err(lt);
                            let es = self.expr_string(e);
                            // types2 (range.go): "range clause" for range over int, else
                            // "assignment" (the error is on the variable)
                            let ctx = if over_int { "range clause" } else { "assignment" };
                            self.error(e.span, format!("cannot use {es} (value of type {ts}) as {ls} value in {ctx}{reason}"));
                        }
                    }
                }
            }
        }
        self.loop_body(&r.body, label);
        if is_func {
            self.rf_end(r, yield_ty);
        }
        self.pop_scope();
    }

    // ----- switch ------------------------------------------------------------------------

    fn switch_stmt(&mut self, sw: &'a ast::SwitchStmt, label: Option<&str>) {
        self.push_scope();
        if let Some(init) = &sw.init {
            self.simple_stmt(init);
        }
        let tag = match &sw.tag {
            Some(t) => {
                let mut x = self.value(t);
                if x.mode != Mode::Invalid && self.tt.is_untyped(x.ty) {
                    if x.is_nil() {
                        self.error(t.span, "use of untyped nil in switch expression");
                        x.mode = Mode::Invalid;
                    } else {
                        let d = self.tt.default_type(x.ty);
                        let v = x.val().cloned();
                        self.set_operand_type(&mut x, d, v);
                    }
                }
                // go/types: a switch on a map, slice or func is valid (only `case nil` can
                // compare with it; other cases fail as comparisons).
                if x.mode != Mode::Invalid && !self.tt.is_comparable(x.ty) && !self.has_nil(x.ty) {
                    let s = self.operand_string(&x);
                    let ts = self.tt.type_string_err(x.ty);
                    self.error(t.span, format!("cannot switch on {s} ({ts} is not comparable)"));
                    x.mode = Mode::Invalid;
                }
                Some(x)
            }
            None => None,
        };
        let mut seen_default: Option<Span> = None;
        let mut seen_consts: Vec<(super::ConstValue, TypeId, Span)> = vec![];
        let f = self.funcs.last_mut().unwrap();
        f.targets.push(Target { is_loop: false, label: label.map(str::to_string), breakable: true });
        let n = sw.cases.len();
        for (ci, c) in sw.cases.iter().enumerate() {
            if c.is_default {
                if let Some(prev) = seen_default {
                    let other = self.pos_string(prev);
                    self.error(c.span, format!("multiple defaults (first at {other})"));
                }
                seen_default = Some(c.span);
            }
            for ce in &c.exprs {
                let y = self.value(ce);
                if y.mode == Mode::Invalid {
                    continue;
                }
                match &tag {
                    Some(t) if t.mode != Mode::Invalid => {
                        let mut yv = y.clone();
                        let mut tv = t.clone();
                        self.match_types(&mut yv, &mut tv);
                        if yv.mode == Mode::Invalid {
                            continue;
                        }
                        let tag_e = sw.tag.as_ref().unwrap();
                        let r = self.comparison(ce, ast::BinaryOp::Eq, yv.clone(), tv, Some(tag_e));
                        let _ = r;
                        // The comparison recorded a bool type for `ce`: restore its own type.
                        self.info.types[ce.id] = TypeAndValue { mode: yv.mode.clone(), ty: yv.ty };
                        self.untyped.remove(&ce.id);
                        // types2 (goVal) checks duplicates of integer, float and string constants only.
                        let dup_checked = |v: &super::ConstValue| matches!(v, super::ConstValue::Int(_) | super::ConstValue::Float(_) | super::ConstValue::String(_));
                        if let Some(v) = yv.val().filter(|v| dup_checked(v)) {
                            if let Some((_, _, prev)) = seen_consts.iter().find(|(pv, pt, _)| pv == v && *pt == yv.ty) {
                                let other = self.pos_string(*prev);
                                let s = self.operand_string(&yv);
                                self.error(ce.span, format!("duplicate case {s} in expression switch\n\t{other}: previous case"));
                            } else {
                                seen_consts.push((v.clone(), yv.ty, ce.span));
                            }
                        }
                    }
                    Some(_) => {}
                    None => {
                        let mut yv = y;
                        // types2 compares each case with the typed constant `true`: a bool or
                        // untyped bool, or an interface bool implements; a defined boolean
                        // type mismatches
                        let is_bool = yv.ty == TypeTable::BOOL || yv.ty == TypeTable::UNTYPED_BOOL;
                        let iface_ok = self.tt.is_interface(yv.ty) && self.assignable_to(TypeTable::BOOL, None, yv.ty).is_ok();
                        if iface_ok {
                            continue;
                        }
                        if !is_bool {
                            let s = self.operand_string(&yv);
                            if self.tt.is_untyped(yv.ty) && yv.val().is_some() {
                                // converting the untyped constant to the tag's type fails first
                                let s = self.operand_string(&yv);
                                self.error(ce.span, format!("cannot convert {s} to type bool"));
                                continue;
                            }
                            self.error(ce.span, format!("invalid case {} in switch on true (mismatched types {} and bool)", self.expr_string(ce), self.tt.type_string_err(yv.ty)));
                            let _ = s;
                            continue;
                        }
                        if self.tt.is_untyped(yv.ty) {
                            let v = yv.val().cloned();
                            self.set_operand_type(&mut yv, TypeTable::BOOL, v);
                        }
                        // A tagless switch has bool cases: types2 checks no duplicates among them.
                        if let Some(v) = yv.val().filter(|_| false) {
                            if let Some((_, _, prev)) = seen_consts.iter().find(|(pv, _, _)| pv == v) {
                                let other = self.pos_string(*prev);
                                let s = self.expr_string(ce);
                                self.error(ce.span, format!("duplicate case {s} in expression switch\n\t{other}: previous case"));
                            } else {
                                seen_consts.push((v.clone(), yv.ty, ce.span));
                            }
                        }
                    }
                }
            }
            self.push_scope();
            self.clause_body(&c.body, ci + 1 == n, false);
            self.pop_scope();
        }
        self.funcs.last_mut().unwrap().targets.pop();
        self.pop_scope();
    }

    /// A case clause body: `fallthrough` is allowed as its last statement (not in the last
    /// clause, never in type switches).
    fn clause_body(&mut self, body: &'a [Stmt], last_clause: bool, type_switch: bool) {
        // trailing empty statements do not count (gc's parser drops them)
        let n = body.iter().rposition(|s| !matches!(s.kind, StmtKind::Empty)).map_or(0, |i| i + 1);
        let mut extra_loops = 0;
        for (i, s) in body.iter().enumerate() {
            if let StmtKind::Fallthrough = s.kind {
                if i + 1 == n && !type_switch {
                    if last_clause {
                        self.error(s.span, "cannot fallthrough final case in switch");
                    }
                    continue;
                }
                if type_switch && i + 1 == n {
                    self.error(s.span, "cannot fallthrough in type switch");
                    continue;
                }
            }
            if let StmtKind::Labeled { label, .. } = &s.kind {
                if self.funcs.last().and_then(|f| f.labels.get(&label.name)).is_some_and(|l| l.backward) {
                    extra_loops += 1;
                    self.funcs.last_mut().unwrap().loop_depth += 1;
                }
            }
            let mut inner = s;
            while let StmtKind::Labeled { stmt, .. } = &inner.kind {
                inner = stmt;
            }
            let labeled_ft = !std::ptr::eq(inner, s) && matches!(inner.kind, StmtKind::Fallthrough);
            if labeled_ft && i + 1 == n {
                self.labeled_fallthrough = Some(if type_switch {
                    Some("cannot fallthrough in type switch")
                } else if last_clause {
                    Some("cannot fallthrough final case in switch")
                } else {
                    None
                });
            }
            self.stmt(s);
            self.labeled_fallthrough = None;
        }
        self.funcs.last_mut().unwrap().loop_depth -= extra_loops;
    }

    fn type_switch_stmt(&mut self, sw: &'a ast::TypeSwitchStmt, label: Option<&str>) {
        self.push_scope();
        if let Some(init) = &sw.init {
            self.simple_stmt(init);
        }
        let x = self.value(&sw.x);
        let mut xt = TypeTable::INVALID;
        if x.mode != Mode::Invalid {
            if !self.tt.is_interface(x.ty) {
                let s = self.operand_string(&x);
                self.error(sw.x.span, format!("{s} is not an interface"));
            } else {
                xt = x.ty;
            }
        }
        let x_desc = self.operand_string(&x);
        let f = self.funcs.last_mut().unwrap();
        f.targets.push(Target { is_loop: false, label: label.map(str::to_string), breakable: true });
        let mut any_used = false;
        let mut clause_vars = vec![];
        let mut seen_default: Option<Span> = None;
        let mut seen_types: Vec<(TypeId, Span)> = vec![];
        for c in &sw.cases {
            if c.is_default {
                if let Some(prev) = seen_default {
                    let other = self.pos_string(prev);
                    self.error(c.span, format!("multiple defaults (first at {other})"));
                }
                seen_default = Some(c.span);
            }
            let mut single: Option<TypeId> = None;
            for te in &c.types {
                let t = if let Some(id) = te.as_ident().filter(|i| i.name == "nil") {
                    match self.lookup("nil") {
                        Some(o) if matches!(self.info.objects[o].kind, ObjKind::Nil) => {
                            self.info.uses[id.id] = o.into();
                            self.info.types[te.id] = TypeAndValue { mode: Mode::Value, ty: if xt != TypeTable::INVALID { xt } else { TypeTable::UNTYPED_NIL } };
                            Some(TypeTable::UNTYPED_NIL)
                        }
                        _ => Some(self.typ(te)),
                    }
                } else {
                    Some(self.typ(te))
                };
                let Some(t) = t else { continue };
                if t == TypeTable::INVALID {
                    // types2's caseTypes: a lone invalid case type leaves the variable invalid
                    single = Some(TypeTable::INVALID);
                    continue;
                }
                if t != TypeTable::UNTYPED_NIL && xt != TypeTable::INVALID {
                    self.check_type_assert(xt, t, te.span, &x_desc, true);
                }
                if let Some((_, prev)) = seen_types.iter().find(|(p, _)| *p == t) {
                    let other = self.pos_string(*prev);
                    let ts = if t == TypeTable::UNTYPED_NIL { "nil".to_string() } else { self.tt.type_string_err(t) };
                    self.error(te.span, format!("duplicate case {ts} in type switch\n\t{other}: previous case"));
                } else {
                    seen_types.push((t, te.span));
                }
                single = Some(t);
            }
            self.push_scope();
            if let Some(bind) = &sw.bind {
                let vt = match (c.types.len(), single) {
                    (1, Some(t)) if t != TypeTable::UNTYPED_NIL => t,
                    _ => xt,
                };
                let o = self.new_object(
                    &bind.name,
                    bind.span,
                    ObjKind::Var(VarInfo {
                        ty: vt,
                        kind: VarKind::Local,
                        captured: false,
                        address_taken: false,
                        owner: self.funcs.last().map(|f| f.id),
                        per_iteration: false,
                        used: false,
                    }),
                );
                self.info.implicits.insert(c.id, o);
                if !bind.is_blank() {
                    self.scopes.insert(&bind.name, o);
                }
                clause_vars.push(o);
            }
            self.clause_body(&c.body, false, true);
            self.pop_scope();
        }
        for o in &clause_vars {
            if self.info.objects[*o].var().is_some_and(|v| v.used) {
                any_used = true;
            }
        }
        if let Some(bind) = &sw.bind {
            if bind.is_blank() {
                self.error(bind.span, "no new variable on left side of :=");
            } else if !any_used {
                self.error(bind.span, format!("declared and not used: {}", bind.name));
            }
        }
        self.funcs.last_mut().unwrap().targets.pop();
        self.pop_scope();
    }

    // ----- return and defer ------------------------------------------------------------

    fn return_stmt(&mut self, results: &'a [Expr], span: Span) {
        let ctx = self.funcs.last_mut().unwrap();
        ctx.info.return_count += 1;
        let want: Vec<ObjId> = ctx.results.clone();
        let named = ctx.named_results;
        let want_tys: Vec<TypeId> = want.iter().map(|&o| self.info.objects[o].ty().unwrap_or(TypeTable::INVALID)).collect();
        if results.is_empty() {
            if want.is_empty() {
                return;
            }
            if named {
                // Named results must not be shadowed at the return.
                for &o in &want {
                    let name = self.info.objects[o].name.clone();
                    if name == "_" {
                        continue;
                    }
                    if let Some(found) = self.lookup(&name) {
                        if found != o {
                            let other = self.pos_string(self.info.objects[found].span);
                            let what = match self.info.objects[found].ty() {
                                Some(t) if self.info.objects[found].var().is_some() => {
                                    format!("var {name} {}", self.tt.type_string_err(t))
                                }
                                _ => name.clone(),
                            };
                            self.error(span, format!("result parameter {name} not in scope at return\n\t{other}: inner declaration of {what}"));
                        }
                    }
                }
                return;
            }
            let ws = self.types_tuple_string(&want_tys);
            self.error(span, format!("not enough return values\n\thave ()\n\twant {ws}"));
            return;
        }
        // return f() with a multi-value f.
        if results.len() == 1 && want.len() != 1 {
            let x = self.expr(&results[0]);
            if x.mode == Mode::Invalid {
                return;
            }
            if let Type::Tuple(elems) = self.tt.get(x.ty).clone() {
                if x.mode == Mode::Value {
                    if elems.len() != want.len() {
                        let hs = self.types_tuple_string(&elems);
                        let ws = self.types_tuple_string(&want_tys);
                        let what = if elems.len() < want.len() { "not enough" } else { "too many" };
                        self.error(results[0].span, format!("{what} return values\n\thave {hs}\n\twant {ws}"));
                        return;
                    }
                    for (i, &t) in elems.iter().enumerate() {
                        if let Err(reason) = self.assignable_to(t, None, want_tys[i]) {
                            let ts = self.nth_result(i, t);
                            let ws = self.tt.type_string_err(want_tys[i]);
                            self.error(results[0].span, format!("cannot use {ts} as {ws} value in return statement{reason}"));
                        }
                    }
                    return;
                }
            }
            let mut x = x;
            self.single_value(&mut x);
            if x.mode == Mode::Invalid {
                return;
            }
            if want.is_empty() {
                self.error(results[0].span, format!("too many return values\n\thave ({})\n\twant ()", self.have_string(&x)));
            } else {
                let ws = self.types_tuple_string(&want_tys);
                self.error(results[0].span, format!("not enough return values\n\thave ({})\n\twant {ws}", self.have_string(&x)));
            }
            return;
        }
        let ops: Vec<Operand<'a>> = results
            .iter()
            .enumerate()
            .map(|(i, r)| {
                self.hint = want_tys.get(i).copied();
                self.value(r)
            })
            .collect();
        if ops.len() != want.len() {
            if ops.iter().any(|o| o.mode == Mode::Invalid) {
                return;
            }
            let hs: Vec<String> = ops.iter().map(|o| self.have_string(o)).collect();
            let ws = self.types_tuple_string(&want_tys);
            let what = if ops.len() < want.len() { "not enough" } else { "too many" };
            let at = if ops.len() < want.len() { results[0].span } else { results[want.len()].span };
            self.error(at, format!("{what} return values\n\thave ({})\n\twant {ws}", hs.join(", ")));
            return;
        }
        for (mut x, t) in ops.into_iter().zip(want_tys) {
            self.assignment(&mut x, t, "return statement");
        }
    }

    /// One entry of types2's typesSummary: untyped numbers are "number", other untyped kinds
    /// drop the "untyped " qualifier, invalid operands are "unknown type".
    fn have_string(&self, x: &Operand<'a>) -> String {
        if x.ty == TypeTable::INVALID {
            return "unknown type".into();
        }
        if self.tt.is_untyped(x.ty) {
            if let Some(k) = self.tt.basic(x.ty) {
                if k.is_numeric() {
                    return "number".into();
                }
                return k.name().replace("untyped ", "");
            }
        }
        self.tt.type_string_err(x.ty)
    }

    fn types_tuple_string(&self, ts: &[TypeId]) -> String {
        let v: Vec<String> = ts.iter().map(|&t| self.tt.type_string_err(t)).collect();
        format!("({})", v.join(", "))
    }

    fn defer_stmt(&mut self, e: &'a Expr) {
        let ctx = self.funcs.last_mut().unwrap();
        ctx.info.defer_count += 1;
        if ctx.loop_depth > 0 {
            ctx.info.defer_in_loop = true;
        }
        if let Some(fun) = self.call_stmt_operand(e, "defer") {
            if let ExprKind::FuncLit { .. } = &fun.unparen().kind {
                let ctx = self.funcs.last_mut().unwrap();
                ctx.info.deferred_literals.push(fun.unparen().id);
            }
        }
    }

    /// The operand of a `go` or `defer` statement (`keyword`): a call, not parenthesized, not a
    /// conversion, and not a builtin whose result would be discarded. Returns the callee when the
    /// operand is a call.
    fn call_stmt_operand(&mut self, e: &'a Expr, keyword: &str) -> Option<&'a Expr> {
        let inner = e.unparen();
        let ExprKind::Call { fun, .. } = &inner.kind else {
            self.error(e.span, format!("expression in {keyword} must be function call"));
            self.expr(e);
            return None;
        };
        if !std::ptr::eq(inner, e) {
            self.error(e.span, format!("expression in {keyword} must not be parenthesized"));
        }
        let x = self.expr(e);
        if x.mode == Mode::Invalid {
            return Some(fun);
        }
        match &self.info.types[fun.id].mode {
            Mode::TypeExpr => {
                let s = self.operand_string(&x);
                self.error(e.span, format!("{keyword} requires function call, not conversion {s}"));
            }
            Mode::Builtin(b) => {
                if !matches!(b, Builtin::Copy | Builtin::Delete | Builtin::Panic | Builtin::Print | Builtin::Println | Builtin::Recover | Builtin::Clear | Builtin::Close) {
                    let s = self.operand_string(&x);
                    self.error(e.span, format!("{keyword} discards result of {s}"));
                }
            }
            _ => {}
        }
        Some(fun)
    }

    // ----- missing return --------------------------------------------------------------

    fn check_missing_return(&mut self, body: &'a ast::Block, sig: TypeId) {
        let has_results = self.tt.signature(sig).is_some_and(|s| !s.results.is_empty());
        if has_results && !self.is_terminating_list(&body.stmts, None) {
            let at = Span::new(body.span.hi.saturating_sub(1), body.span.hi);
            self.error(at, "missing return");
        }
    }

    fn is_terminating_list(&self, stmts: &[Stmt], label: Option<&str>) -> bool {
        // Trailing empty statements are ignored.
        let last = stmts.iter().rev().find(|s| !matches!(s.kind, StmtKind::Empty));
        last.is_some_and(|s| self.is_terminating(s, label))
    }

    fn is_terminating(&self, s: &Stmt, label: Option<&str>) -> bool {
        match &s.kind {
            StmtKind::Return(_) | StmtKind::Goto(_) => true,
            StmtKind::Expr(e) => {
                if let ExprKind::Call { fun, .. } = &e.unparen().kind {
                    matches!(self.info.types[fun.id].mode, Mode::Builtin(Builtin::Panic))
                } else {
                    false
                }
            }
            StmtKind::Block(b) => self.is_terminating_list(&b.stmts, None),
            StmtKind::If(i) => {
                i.els.as_ref().is_some_and(|e| self.is_terminating(e, None)) && self.is_terminating_list(&i.then.stmts, None)
            }
            StmtKind::For(f) => f.cond.is_none() && !has_break(&f.body.stmts, label, true),
            StmtKind::Labeled { label: l, stmt } => self.is_terminating(stmt, Some(&l.name)),
            StmtKind::Switch(sw) => {
                sw.cases.iter().any(|c| c.is_default)
                    && sw.cases.iter().all(|c| {
                        !has_break(&c.body, label, true)
                            && (self.is_terminating_list(&c.body, None)
                                || matches!(c.body.last().map(|s| &s.kind), Some(StmtKind::Fallthrough)))
                    })
            }
            StmtKind::TypeSwitch(sw) => {
                sw.cases.iter().any(|c| c.is_default)
                    && sw.cases.iter().all(|c| !has_break(&c.body, label, true) && self.is_terminating_list(&c.body, None))
            }
            StmtKind::Select(cases) => {
                cases.iter().all(|c| !has_break(&c.body, label, true) && self.is_terminating_list(&c.body, None))
            }
            _ => false,
        }
    }
}

/// Whether `stmts` contain a `break` that targets the enclosing statement (unlabelled at this
/// level, or labelled with `label`).
fn has_break(stmts: &[Stmt], label: Option<&str>, top: bool) -> bool {
    stmts.iter().any(|s| break_in(s, label, top, 0))
}

fn break_in(s: &Stmt, label: Option<&str>, top: bool, d: u32) -> bool {
    if d > crate::limits::NESTING_BUDGET {
        return false;
    }
    let d = d + 1;
    match &s.kind {
        StmtKind::Break(None) => top,
        StmtKind::Break(Some(l)) => Some(l.name.as_str()) == label,
        StmtKind::Block(b) => b.stmts.iter().any(|s| break_in(s, label, top, d)),
        StmtKind::If(i) => {
            i.then.stmts.iter().any(|s| break_in(s, label, top, d)) || i.els.as_ref().is_some_and(|e| break_in(e, label, top, d))
        }
        StmtKind::Labeled { stmt, .. } => break_in(stmt, label, top, d),
        // Nested breakable statements: unlabelled breaks inside refer to them.
        StmtKind::For(f) => f.body.stmts.iter().any(|s| break_in(s, label, false, d)),
        StmtKind::Range(r) => r.body.stmts.iter().any(|s| break_in(s, label, false, d)),
        StmtKind::Switch(sw) => sw.cases.iter().any(|c| c.body.iter().any(|s| break_in(s, label, false, d))),
        StmtKind::TypeSwitch(sw) => sw.cases.iter().any(|c| c.body.iter().any(|s| break_in(s, label, false, d))),
        StmtKind::Select(cases) => cases.iter().any(|c| c.body.iter().any(|s| break_in(s, label, false, d))),
        _ => false,
    }
}
