//! Escape analysis: which address-taken or closure-captured variables, and which func literals'
//! closure objects, may live in their function's frame instead of the heap (gc's
//! `cmd/compile/internal/escape`, simplified and conservative).
//!
//! # Model (gc's)
//! Every local variable, every func literal's closure object and every result of the analysed
//! function is a *location*; one more location is the heap. Each assignment of a value to a
//! location is an edge `dst <- (src, derefs)`: `dst = src` is 0, `dst = &src` is -1, `dst = *src`
//! is +1. A location `l` *escapes* when a path from a root `r` reaches it with a negative sum (the
//! address of `l` flows to `r`) and `r` outlives `l`: the heap and the function's results outlive
//! everything, an escaped location becomes a heap root itself, and a local outlives locals
//! declared in deeper loops or in func literals (so a variable declared in a loop, whose one frame
//! slot every iteration reuses, escapes when its address outlives the iteration). As in gc, a
//! store through a pointer (`*p = v`, `p.f = v`, `s[i] = v`, map entries) flows to the heap.
//!
//! # Calls
//! A direct call of a declared, non-generic function or a concrete method uses the callee's
//! *summary*: per parameter (the receiver first), the fewest derefs at which its value reaches
//! the heap and each result. Summaries are computed for all functions together, from optimistic
//! ones up to the least fixed point (so recursion is handled as gc's strongly connected batches).
//! Every other call (func values, closures, interface methods, library functions, generic
//! instances) sends its arguments to the heap. `go` and `defer` send everything to the heap,
//! except `defer func() {...}()` in a frame with open-coded defers, whose closure runs while the
//! frame exists (lowering keeps it in the frame). Conversions to interfaces, channel sends,
//! `panic`, `append`ed elements and copied slices go to the heap.
//!
//! # Left unanalysed (every variable escapes, as before)
//! Generic functions, functions with `goto` or range-over-func loops, method calls on type
//! parameters, and functions too big for the budget. Func literals outside function bodies
//! (package variable initialisers) are not analysed either.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::syntax::ast::{self, ExprKind, StmtKind, UnaryOp};
use crate::types::{BasicKind, Builtin, Info, MethodTarget, Mode, ObjId, ObjKind, SelectionKind, Type as GoType, TypeId, TypeTable, VarKind};

/// The analysis result lowering consults.
#[derive(Default, Debug)]
pub struct Escapes {
    /// Captured or address-taken variables that may live in their owner's frame.
    pub frame_vars: HashSet<ObjId>,
    /// Func literals (expression ids) whose closure object may live in the creating frame.
    pub frame_lits: HashSet<ast::NodeId>,
}

/// Locations above this count leave a function unanalysed (the solver is quadratic).
const MAX_LOCS: usize = 4000;
/// Derefs are capped here (a smaller count is the conservative direction).
const MAX_DEREFS: i32 = 6;
/// Fixed-point rounds before every summary is made pessimistic.
const MAX_ROUNDS: usize = 12;

/// Per parameter (receiver first): the fewest derefs at which its value reaches the heap, and
/// each result.
#[derive(Clone, Debug, PartialEq, Default)]
struct Summary {
    heap: Vec<Option<i32>>,
    results: Vec<Vec<Option<i32>>>,
}

impl Summary {
    fn empty(params: usize, results: usize) -> Summary {
        Summary { heap: vec![None; params], results: vec![vec![None; results]; params] }
    }
    fn pessimistic(params: usize, results: usize) -> Summary {
        Summary { heap: vec![Some(0); params], results: vec![vec![None; results]; params] }
    }
    /// The pointwise most leaky of `self` and `o` (keeps the iteration monotone).
    fn join(&self, o: &Summary) -> Summary {
        let m = |a: Option<i32>, b: Option<i32>| match (a, b) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, None) => x,
            (None, y) => y,
        };
        Summary {
            heap: self.heap.iter().zip(&o.heap).map(|(a, b)| m(*a, *b)).collect(),
            results: self
                .results
                .iter()
                .zip(&o.results)
                .map(|(a, b)| a.iter().zip(b).map(|(x, y)| m(*x, *y)).collect())
                .collect(),
        }
    }
}

/// Analyses the non-generic function declarations `lowered` accepts (a set closed under calls:
/// a call of a function outside it would get the pessimistic treatment of an unknown callee).
pub fn analyze(files: &[&ast::File], info: &Info, tt: &TypeTable, lowered: impl Fn(&ast::FuncDecl) -> bool) -> Escapes {
    let decls: Vec<&ast::FuncDecl> = files
        .iter()
        .flat_map(|f| f.decls.iter())
        .filter_map(|d| match d {
            ast::Decl::Func(fd)
                if fd.body.is_some() && !info.generics.contains_key(&fd.id) && info.funcs.contains_key(&fd.id) && lowered(fd) =>
            {
                Some(fd)
            }
            _ => None,
        })
        .collect();
    let mut ptrs = PtrCache { tt, memo: HashMap::new() };
    let mut sums: HashMap<ast::NodeId, Summary> = HashMap::new();
    for fd in &decls {
        let fi = &info.funcs[&fd.id];
        let np = fi.params.len() + fi.recv.is_some() as usize;
        sums.insert(fd.id, Summary::empty(np, fi.results.len()));
    }
    // Only functions with a pointer-carrying parameter have a summary worth computing.
    let summarised: Vec<&ast::FuncDecl> = decls
        .iter()
        .copied()
        .filter(|fd| {
            let fi = &info.funcs[&fd.id];
            fi.recv.iter().chain(&fi.params).any(|&o| info.obj(o).ty().is_none_or(|t| ptrs.has(t)))
        })
        .collect();
    // A worklist to the least fixed point: every function once, then again only when a callee's
    // summary it consulted grew (summaries only grow: each is joined with its previous value).
    // The budget is MAX_ROUNDS builds per function, as many as round-robin rounds would take.
    let index: HashMap<ast::NodeId, usize> = summarised.iter().enumerate().map(|(i, fd)| (fd.id, i)).collect();
    let mut callers: Vec<Vec<usize>> = vec![vec![]; summarised.len()];
    let mut queued = vec![true; summarised.len()];
    let mut queue: VecDeque<usize> = (0..summarised.len()).collect();
    let mut budget = MAX_ROUNDS * summarised.len();
    let mut converged = true;
    while let Some(i) = queue.pop_front() {
        queued[i] = false;
        if budget == 0 {
            converged = false;
            break;
        }
        budget -= 1;
        let fd = summarised[i];
        let fi = &info.funcs[&fd.id];
        let np = fi.params.len() + fi.recv.is_some() as usize;
        let new = match Graph::build(fd, info, &mut ptrs, &sums) {
            Some(mut g) => {
                for callee in std::mem::take(&mut g.consulted) {
                    if let Some(&c) = index.get(&callee)
                        && !callers[c].contains(&i)
                    {
                        callers[c].push(i);
                    }
                }
                g.solve().0
            }
            None => Summary::pessimistic(np, fi.results.len()),
        };
        let old = &sums[&fd.id];
        let joined = old.join(&new);
        if &joined != old {
            sums.insert(fd.id, joined);
            for &c in &callers[i] {
                if !queued[c] {
                    queued[c] = true;
                    queue.push_back(c);
                }
            }
        }
    }
    if !converged {
        for fd in &summarised {
            let fi = &info.funcs[&fd.id];
            let np = fi.params.len() + fi.recv.is_some() as usize;
            sums.insert(fd.id, Summary::pessimistic(np, fi.results.len()));
        }
    }
    let mut out = Escapes::default();
    for fd in &decls {
        let Some(mut g) = Graph::build(fd, info, &mut ptrs, &sums) else { continue };
        let candidate = |l: &Loc| match l.kind {
            LocKind::Var(o) => info.obj(o).var().is_some_and(|v| v.captured || v.address_taken),
            LocKind::Lit(_) => true,
            _ => false,
        };
        if !g.locs.iter().any(candidate) {
            continue;
        }
        let (_, escaped) = g.solve();
        for (i, l) in g.locs.iter().enumerate() {
            if escaped[i] {
                continue;
            }
            match l.kind {
                LocKind::Var(o) => {
                    if let Some(v) = info.obj(o).var()
                        && (v.captured || v.address_taken)
                    {
                        out.frame_vars.insert(o);
                    }
                }
                LocKind::Lit(id) => {
                    out.frame_lits.insert(id);
                }
                _ => {}
            }
        }
    }
    out
}

/// Whether values of a type contain pointers (gc's `PtrBytes != 0`), memoised.
struct PtrCache<'t> {
    tt: &'t TypeTable,
    memo: HashMap<TypeId, bool>,
}

impl PtrCache<'_> {
    fn has(&mut self, t: TypeId) -> bool {
        if let Some(&b) = self.memo.get(&t) {
            return b;
        }
        // Cycles pass through pointers, slices or maps, which answer without recursing; a
        // provisional `true` is the conservative answer for anything else.
        self.memo.insert(t, true);
        let b = match self.tt.under(t).clone() {
            GoType::Basic(k) => matches!(k, BasicKind::String | BasicKind::UnsafePointer | BasicKind::UntypedString),
            GoType::Array { len, elem } => len > 0 && self.has(elem),
            GoType::Struct { fields } => fields.iter().any(|f| self.has(f.ty)),
            GoType::Tuple(ts) => ts.iter().any(|&t| self.has(t)),
            _ => true,
        };
        self.memo.insert(t, b);
        b
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum LocKind {
    Heap,
    /// Result `i` of the analysed function.
    Result(usize),
    Var(ObjId),
    /// The closure object of a capturing func literal.
    Lit(ast::NodeId),
}

struct Loc {
    kind: LocKind,
    /// Loop and func-literal nesting where the location is declared.
    depth: u32,
    /// Incoming edges: `(src, derefs)`.
    edges: Vec<(u32, i32)>,
}

/// Where a value may point: `(location, derefs)` pairs.
type Srcs = Vec<(u32, i32)>;

fn shift(s: Srcs, k: i32) -> Srcs {
    s.into_iter().map(|(l, d)| (l, (d + k).clamp(-1, MAX_DEREFS))).collect()
}

const HEAP: u32 = 0;

/// The location graph of one function declaration (with its func literals).
struct Graph<'i, 'c, 't> {
    info: &'i Info,
    ptrs: &'c mut PtrCache<'t>,
    sums: &'c HashMap<ast::NodeId, Summary>,
    locs: Vec<Loc>,
    vars: HashMap<ObjId, u32>,
    /// Summary parameter `i` is `params[i]`'s location (receiver first).
    params: Vec<u32>,
    results: Vec<u32>,
    depth: u32,
    /// Lowering the body of a func literal (its returns go to the heap).
    lit: Option<ast::NodeId>,
    /// The innermost function (declaration or literal) whose body is being walked.
    cur_fn: ast::NodeId,
    failed: bool,
    /// The callees whose summaries the graph looked up (the fixed point's dependencies).
    consulted: Vec<ast::NodeId>,
}

impl<'i, 'c, 't> Graph<'i, 'c, 't> {
    /// Builds the graph; `None` when the function is left unanalysed.
    fn build(fd: &ast::FuncDecl, info: &'i Info, ptrs: &'c mut PtrCache<'t>, sums: &'c HashMap<ast::NodeId, Summary>) -> Option<Graph<'i, 'c, 't>> {
        let fi = info.funcs.get(&fd.id)?;
        let body = fd.body.as_ref()?;
        let mut g = Graph {
            info,
            ptrs,
            sums,
            locs: vec![Loc { kind: LocKind::Heap, depth: 0, edges: vec![] }],
            vars: HashMap::new(),
            params: vec![],
            results: vec![],
            depth: 0,
            lit: None,
            cur_fn: fd.id,
            failed: false,
            consulted: vec![],
        };
        for &o in fi.recv.iter().chain(&fi.params) {
            let l = g.declare(o);
            g.params.push(l);
        }
        for (i, &o) in fi.results.iter().enumerate() {
            let r = g.new_loc(LocKind::Result(i));
            g.results.push(r);
            // a named result is what the function returns (also after deferred calls change it)
            let v = g.declare(o);
            g.flow(r, vec![(v, 0)]);
        }
        g.block(&body.stmts);
        if g.failed || g.locs.len() > MAX_LOCS { None } else { Some(g) }
    }

    fn new_loc(&mut self, kind: LocKind) -> u32 {
        self.locs.push(Loc { kind, depth: self.depth, edges: vec![] });
        (self.locs.len() - 1) as u32
    }

    fn declare(&mut self, o: ObjId) -> u32 {
        let l = self.new_loc(LocKind::Var(o));
        self.vars.insert(o, l);
        l
    }

    fn declare_at(&mut self, o: ObjId, depth: u32) -> u32 {
        let l = self.declare(o);
        self.locs[l as usize].depth = depth;
        l
    }

    fn flow(&mut self, dst: u32, srcs: Srcs) {
        for (s, d) in srcs {
            if s != dst || d < 0 {
                self.locs[dst as usize].edges.push((s, d));
            }
        }
    }

    fn heap(&mut self, srcs: Srcs) {
        self.flow(HEAP, srcs);
    }

    fn fail(&mut self) {
        self.failed = true;
    }

    fn ty(&self, id: ast::NodeId) -> TypeId {
        self.info.type_of(id)
    }

    fn has_ptrs(&mut self, t: TypeId) -> bool {
        self.ptrs.has(t)
    }

    // ---- solving ------------------------------------------------------------------------------

    /// Walks from every root; returns the function's summary and which locations escape.
    fn solve(&mut self) -> (Summary, Vec<bool>) {
        let n = self.locs.len();
        let mut escaped = vec![false; n];
        escaped[HEAP as usize] = true;
        let np = self.params.len();
        let mut sum = Summary::empty(np, self.results.len());
        let param_index: HashMap<u32, usize> = self.params.iter().enumerate().map(|(i, &l)| (l, i)).collect();
        let mut todo: VecDeque<u32> = (0..n as u32).collect();
        let mut queued = vec![true; n];
        let mut dist = vec![i32::MAX; n];
        let mut inq = vec![false; n];
        let mut touched: Vec<u32> = vec![];
        while let Some(root) = todo.pop_front() {
            queued[root as usize] = false;
            let heap_like = escaped[root as usize];
            let result = match self.locs[root as usize].kind {
                LocKind::Result(j) => Some(j),
                _ => None,
            };
            if !heap_like && result.is_none() && self.locs[root as usize].edges.is_empty() {
                continue;
            }
            for t in touched.drain(..) {
                dist[t as usize] = i32::MAX;
            }
            dist[root as usize] = 0;
            touched.push(root);
            let mut q = VecDeque::from([root]);
            inq[root as usize] = true;
            while let Some(l) = q.pop_front() {
                inq[l as usize] = false;
                let d = dist[l as usize];
                if d < 0 && l != root && !escaped[l as usize] && self.outlives(root, l, heap_like || result.is_some()) {
                    escaped[l as usize] = true;
                    if !queued[l as usize] {
                        queued[l as usize] = true;
                        todo.push_back(l);
                    }
                }
                if let Some(&pi) = param_index.get(&l) {
                    let dd = d.max(0);
                    if heap_like {
                        sum.heap[pi] = Some(sum.heap[pi].map_or(dd, |x| x.min(dd)));
                    } else if let Some(j) = result {
                        let r = &mut sum.results[pi][j];
                        *r = Some(r.map_or(dd, |x| x.min(dd)));
                    }
                }
                let base = d.max(0);
                for k in 0..self.locs[l as usize].edges.len() {
                    let (src, ed) = self.locs[l as usize].edges[k];
                    let nd = (base + ed).clamp(-1, MAX_DEREFS);
                    if nd < dist[src as usize] {
                        if dist[src as usize] == i32::MAX {
                            touched.push(src);
                        }
                        dist[src as usize] = nd;
                        if !inq[src as usize] {
                            inq[src as usize] = true;
                            q.push_back(src);
                        }
                    }
                }
            }
        }
        (sum, escaped)
    }

    /// Whether `root` lives longer than `l` (so `l`'s address may not flow to it).
    fn outlives(&self, root: u32, l: u32, always: bool) -> bool {
        always || self.locs[root as usize].depth < self.locs[l as usize].depth
    }

    // ---- statements ---------------------------------------------------------------------------

    fn block(&mut self, stmts: &[ast::Stmt]) {
        for s in stmts {
            if self.failed {
                return;
            }
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &ast::Stmt) {
        match &s.kind {
            StmtKind::Empty | StmtKind::Fallthrough | StmtKind::Break(_) | StmtKind::Continue(_) => {}
            StmtKind::Goto(_) => self.fail(),
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Expr(e) => {
                self.value(e);
            }
            StmtKind::Decl(ast::Decl::Var(vd)) => {
                for spec in &vd.specs {
                    let objs: Vec<Option<ObjId>> = spec.names.iter().map(|n| self.info.defs[n.id].expand()).collect();
                    let rhs = self.rhs_values(&spec.values, objs.len());
                    for (o, s) in objs.iter().zip(rhs) {
                        if let Some(o) = o {
                            let l = self.declare(*o);
                            self.flow(l, s);
                        }
                    }
                }
            }
            StmtKind::Decl(_) => {}
            StmtKind::ShortVarDecl { lhs, rhs, .. } => self.short_var_decl(lhs, rhs, self.depth),
            StmtKind::Assign { lhs, op, rhs, .. } => {
                if op.is_some() {
                    // `x op= y`: the result is a fresh value (a string concatenation may be `y`)
                    let y = self.value(&rhs[0]);
                    let x = self.value(&lhs[0]);
                    let mut s = x;
                    s.extend(y);
                    self.assign(&lhs[0], s);
                } else {
                    let vals = self.rhs_values(rhs, lhs.len());
                    for (l, s) in lhs.iter().zip(vals) {
                        self.assign(l, s);
                    }
                }
            }
            StmtKind::IncDec { x, .. } => {
                self.value(x);
            }
            StmtKind::Block(b) => self.block(&b.stmts),
            StmtKind::If(i) => {
                if let Some(init) = &i.init {
                    self.stmt(init);
                }
                self.value(&i.cond);
                self.block(&i.then.stmts);
                if let Some(e) = &i.els {
                    self.stmt(e);
                }
            }
            StmtKind::For(f) => {
                if let Some(init) = &f.init {
                    match &init.kind {
                        // Go 1.22: `:=` variables are per iteration (one instance per iteration)
                        StmtKind::ShortVarDecl { lhs, rhs, .. } => self.short_var_decl(lhs, rhs, self.depth + 1),
                        _ => self.stmt(init),
                    }
                }
                self.depth += 1;
                if let Some(c) = &f.cond {
                    self.value(c);
                }
                self.block(&f.body.stmts);
                if let Some(p) = &f.post {
                    self.stmt(p);
                }
                self.depth -= 1;
            }
            StmtKind::Range(r) => {
                if self.info.range_funcs.contains_key(&r.x.id) {
                    return self.fail();
                }
                let xt = self.ty(r.x.id);
                let xs = self.value(&r.x);
                let (ks, vs) = match self.info.types.get(r.x.id).map(|t| t.ty).map(|t| self.ptrs.tt.under(t).clone()) {
                    Some(GoType::Array { .. }) => (vec![], xs),
                    Some(GoType::Pointer(_)) | Some(GoType::Slice(_)) => (vec![], shift(xs, 1)),
                    Some(GoType::Map { .. }) => (shift(xs.clone(), 1), shift(xs, 1)),
                    Some(GoType::Basic(_)) | Some(GoType::Chan { .. }) => (vec![], vec![]),
                    _ => return self.fail(),
                };
                let _ = xt;
                self.depth += 1;
                for (target, s) in [(&r.key, ks), (&r.value, vs)] {
                    let Some(t) = target else { continue };
                    if r.define {
                        if let ExprKind::Ident(id) = &t.kind
                            && let Some(o) = self.info.defs[id.id].expand()
                        {
                            let l = self.declare(o);
                            self.flow(l, s);
                        }
                    } else {
                        self.assign(t, s);
                    }
                }
                self.block(&r.body.stmts);
                self.depth -= 1;
            }
            StmtKind::Switch(sw) => {
                if let Some(init) = &sw.init {
                    self.stmt(init);
                }
                if let Some(t) = &sw.tag {
                    self.value(t);
                }
                for c in &sw.cases {
                    for e in &c.exprs {
                        self.value(e);
                    }
                    self.block(&c.body);
                }
            }
            StmtKind::TypeSwitch(ts) => {
                if let Some(init) = &ts.init {
                    self.stmt(init);
                }
                let xs = self.value(&ts.x);
                for c in &ts.cases {
                    if let Some(&o) = self.info.implicits.get(&c.id) {
                        let l = self.declare(o);
                        self.flow(l, xs.clone());
                    }
                    self.block(&c.body);
                }
            }
            StmtKind::Return(exprs) => {
                let n = match self.lit {
                    Some(_) => exprs.len().max(1),
                    None => self.results.len(),
                };
                let vals = self.rhs_values(exprs, n);
                if self.lit.is_some() {
                    for s in vals {
                        self.heap(s);
                    }
                    return;
                }
                let fi = &self.info.funcs[&self.cur_fn];
                let named: Vec<ObjId> = if fi.named_results { fi.results.clone() } else { vec![] };
                for (i, s) in vals.into_iter().enumerate() {
                    if let Some(o) = named.get(i) {
                        let Some(&v) = self.vars.get(o) else { return self.fail() };
                        self.flow(v, s);
                    } else if let Some(&r) = self.results.get(i) {
                        self.flow(r, s);
                    }
                }
            }
            StmtKind::Defer(call) => {
                let fi = &self.info.funcs[&self.cur_fn];
                if let ExprKind::Call { fun, args, .. } = &call.unparen().kind
                    && args.is_empty()
                    && matches!(fun.unparen().kind, ExprKind::FuncLit { .. })
                    && fi.open_coded_defers
                {
                    // run while the frame exists; lowering keeps the closure in the frame
                    self.value(fun);
                    return;
                }
                self.go_or_defer(call);
            }
            StmtKind::Go(call) => self.go_or_defer(call),
            StmtKind::Send { ch, value } => {
                self.value(ch);
                let s = self.value(value);
                self.heap(s);
            }
            StmtKind::Select(clauses) => {
                for c in clauses {
                    if let Some(comm) = &c.comm {
                        self.stmt(comm);
                    }
                    self.block(&c.body);
                }
            }
        }
    }

    fn short_var_decl(&mut self, lhs: &[ast::Ident], rhs: &[ast::Expr], depth: u32) {
        let vals = self.rhs_values(rhs, lhs.len());
        for (id, s) in lhs.iter().zip(vals) {
            if let Some(o) = self.info.defs[id.id].expand() {
                let l = self.declare_at(o, depth);
                self.flow(l, s);
            } else if let Some(o) = self.info.uses[id.id].expand() {
                self.assign_obj(o, s);
            }
        }
    }

    /// `go f(x)` / a deferred call kept on the heap: the callee and every argument escape.
    fn go_or_defer(&mut self, call: &ast::Expr) {
        let ExprKind::Call { fun, args, .. } = &call.unparen().kind else { return self.fail() };
        let fun_u = fun.unparen();
        let is_type = self.info.types[fun_u.id].is_type();
        if is_type || matches!(self.info.types[fun_u.id].mode, Mode::Builtin(_)) {
            // `defer close(c)`, `defer panic(v)`, `go println(x)`: evaluated now, run later
            for a in args {
                let s = self.value(a);
                self.heap(s);
            }
            return;
        }
        if let ExprKind::Selector { x, .. } = &fun_u.kind
            && let Some(sel) = self.info.selections.get(&fun_u.id)
            && matches!(sel.kind, SelectionKind::MethodVal | SelectionKind::InterfaceMethod)
        {
            let r = self.receiver(x, sel);
            self.heap(r);
        } else {
            let f = self.value(fun_u);
            self.heap(f);
        }
        for a in args {
            let s = self.value(a);
            self.heap(s);
        }
    }

    /// The values of right-hand sides for `n` targets (one multi-value call, a comma-ok form, or
    /// one expression per target).
    fn rhs_values(&mut self, rhs: &[ast::Expr], n: usize) -> Vec<Srcs> {
        if rhs.len() == 1 && n > 1 {
            let e = &rhs[0];
            if let ExprKind::Call { .. } = &e.unparen().kind
                && !self.info.types[e.unparen().id].mode.eq(&Mode::Invalid)
            {
                let mut r = self.call(e.unparen());
                r.resize(n, vec![]);
                return r;
            }
            // comma-ok: `v, ok := m[k]` / `x.(T)` / `<-c`
            let s = self.value(e);
            let mut r = vec![s];
            r.resize(n, vec![]);
            return r;
        }
        let mut out: Vec<Srcs> = rhs.iter().map(|e| self.value(e)).collect();
        out.resize(n, vec![]);
        out
    }

    fn assign_obj(&mut self, o: ObjId, s: Srcs) {
        match &self.info.obj(o).kind {
            ObjKind::Var(v) if v.kind == VarKind::Global => self.heap(s),
            ObjKind::Var(_) => match self.vars.get(&o) {
                Some(&l) => self.flow(l, s),
                None => self.fail(),
            },
            _ => self.heap(s),
        }
    }

    /// `lhs = <value with sources s>`.
    fn assign(&mut self, lhs: &ast::Expr, s: Srcs) {
        match &lhs.kind {
            ExprKind::Paren(x) => self.assign(x, s),
            ExprKind::Ident(id) => {
                if id.is_blank() {
                    return;
                }
                match self.info.object_of(id.id) {
                    Some(o) => self.assign_obj(o, s),
                    None => self.fail(),
                }
            }
            ExprKind::Selector { x, .. } => match self.info.selections.get(&lhs.id) {
                Some(sel) if sel.kind == SelectionKind::FieldVal => {
                    if sel.indirect {
                        self.value(x);
                        self.heap(s);
                    } else {
                        self.assign(x, s);
                    }
                }
                Some(_) => self.fail(),
                // a qualified package variable
                None => self.heap(s),
            },
            ExprKind::Index { x, index, .. } => {
                let xt = self.ty(x.id);
                match self.ptrs.tt.under(xt).clone() {
                    GoType::Array { .. } => {
                        self.value(index);
                        self.assign(x, s);
                    }
                    GoType::Map { .. } => {
                        self.value(x);
                        let k = self.value(index);
                        self.heap(k);
                        self.heap(s);
                    }
                    GoType::Slice(_) | GoType::Pointer(_) => {
                        self.value(x);
                        self.value(index);
                        self.heap(s);
                    }
                    _ => self.fail(),
                }
            }
            ExprKind::Star(p) => {
                self.value(p);
                self.heap(s);
            }
            _ => self.fail(),
        }
    }

    // ---- expressions --------------------------------------------------------------------------

    /// Where the value of `e` may point (and the flows its evaluation causes).
    fn value(&mut self, e: &ast::Expr) -> Srcs {
        if self.failed {
            return vec![];
        }
        let tv = &self.info.types[e.id];
        if tv.is_type() || tv.value().is_some() {
            return vec![];
        }
        let t = tv.ty;
        let s = self.value_inner(e);
        if self.info.implicit_conversions.contains_key(&e.id) {
            // boxed into an interface (a heap box, or the data word itself)
            self.heap(s);
            return vec![];
        }
        if !matches!(self.ptrs.tt.get(t), GoType::Tuple(_)) && !self.has_ptrs(t) {
            return vec![];
        }
        s
    }

    fn value_inner(&mut self, e: &ast::Expr) -> Srcs {
        match &e.kind {
            ExprKind::Ident(id) => match self.info.object_of(id.id) {
                Some(o) => match &self.info.obj(o).kind {
                    ObjKind::Var(v) if v.kind == VarKind::Global => vec![],
                    ObjKind::Var(_) => match self.vars.get(&o) {
                        Some(&l) => vec![(l, 0)],
                        None => {
                            self.fail();
                            vec![]
                        }
                    },
                    _ => vec![],
                },
                None => vec![],
            },
            ExprKind::Lit(_) => vec![],
            ExprKind::CompositeLit { elts, .. } => {
                let t = self.ty(e.id);
                let mut all = vec![];
                for el in elts {
                    if let Some(k) = &el.key
                        && !self.info.field_keys.contains_key(&k.id)
                        && !self.info.promoted_keys.contains_key(&k.id)
                    {
                        let ks = self.value(k);
                        all.extend(ks);
                    }
                    let vs = self.value(&el.value);
                    all.extend(vs);
                }
                match self.ptrs.tt.under(t) {
                    GoType::Struct { .. } | GoType::Array { .. } => all,
                    _ => {
                        // slices, maps and elided `&T{...}`: heap memory
                        self.heap(all);
                        vec![]
                    }
                }
            }
            ExprKind::FuncLit { body, .. } => self.func_lit(e, body),
            ExprKind::Paren(x) => self.value(x),
            ExprKind::Selector { x, .. } => match self.info.selections.get(&e.id).cloned() {
                None => vec![], // qualified identifier: a package variable, function or library name
                Some(sel) => match sel.kind {
                    SelectionKind::FieldVal => {
                        let s = self.value(x);
                        if sel.indirect { shift(s, 1) } else { s }
                    }
                    SelectionKind::MethodVal | SelectionKind::InterfaceMethod => {
                        // a method value binds its receiver in a heap closure
                        let r = self.receiver(x, &sel);
                        self.heap(r);
                        vec![]
                    }
                    SelectionKind::MethodExpr => vec![],
                    SelectionKind::TypeParamMethod => {
                        self.fail();
                        vec![]
                    }
                },
            },
            ExprKind::Index { x, index, .. } => {
                if self.info.types[index.id].is_type() {
                    return vec![]; // an instantiation `F[int]`
                }
                let xt = self.ty(x.id);
                match self.ptrs.tt.under(xt).clone() {
                    GoType::Array { .. } => {
                        self.value(index);
                        self.value(x)
                    }
                    GoType::Pointer(_) | GoType::Slice(_) => {
                        self.value(index);
                        let s = self.value(x);
                        shift(s, 1)
                    }
                    GoType::Map { .. } => {
                        self.value(index);
                        self.value(x);
                        vec![]
                    }
                    GoType::Basic(_) => {
                        self.value(index);
                        self.value(x);
                        vec![]
                    }
                    GoType::Func(_) => vec![], // instantiation
                    _ => {
                        self.fail();
                        vec![]
                    }
                }
            }
            ExprKind::IndexList { .. } => vec![],
            ExprKind::Slice { x, lo, hi, max, .. } => {
                for i in [lo, hi, max].into_iter().flatten() {
                    self.value(i);
                }
                let xt = self.ty(x.id);
                match self.ptrs.tt.under(xt) {
                    GoType::Array { .. } => self.addr(x),
                    _ => self.value(x),
                }
            }
            ExprKind::TypeAssert { x, .. } => self.value(x),
            ExprKind::Call { .. } => {
                let rs = self.call(e);
                rs.into_iter().flatten().collect()
            }
            ExprKind::Star(x) => {
                let s = self.value(x);
                shift(s, 1)
            }
            ExprKind::Unary { op: UnaryOp::Addr, x } => self.addr(x),
            ExprKind::Unary { x, .. } => {
                self.value(x);
                vec![]
            }
            ExprKind::Binary { x, y, .. } => {
                let mut s = self.value(x);
                let sy = self.value(y);
                s.extend(sy);
                s
            }
            ExprKind::Recv(x) => {
                self.value(x);
                vec![]
            }
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::StructType(_)
            | ExprKind::InterfaceType(_)
            | ExprKind::ChanType { .. }
            | ExprKind::Ellipsis(_) => vec![],
        }
    }

    /// Where the address of `e` may point (an addressable expression, or a heap copy).
    fn addr(&mut self, e: &ast::Expr) -> Srcs {
        match &e.kind {
            ExprKind::Paren(x) => self.addr(x),
            ExprKind::Ident(id) => match self.info.object_of(id.id) {
                Some(o) => match &self.info.obj(o).kind {
                    ObjKind::Var(v) if v.kind == VarKind::Global => vec![],
                    ObjKind::Var(_) => match self.vars.get(&o) {
                        Some(&l) => vec![(l, -1)],
                        None => {
                            self.fail();
                            vec![]
                        }
                    },
                    _ => {
                        self.fail();
                        vec![]
                    }
                },
                None => {
                    self.fail();
                    vec![]
                }
            },
            ExprKind::Star(p) => self.value(p),
            ExprKind::Selector { x, .. } => match self.info.selections.get(&e.id).cloned() {
                None => vec![], // a package variable
                Some(sel) if sel.kind == SelectionKind::FieldVal => {
                    if sel.indirect {
                        self.value(x)
                    } else {
                        self.addr(x)
                    }
                }
                Some(_) => self.spill(e),
            },
            ExprKind::Index { x, index, .. } => {
                let xt = self.ty(x.id);
                match self.ptrs.tt.under(xt).clone() {
                    GoType::Array { .. } => {
                        self.value(index);
                        self.addr(x)
                    }
                    GoType::Slice(_) | GoType::Pointer(_) => {
                        self.value(index);
                        self.value(x)
                    }
                    _ => self.spill(e),
                }
            }
            // `&T{...}` and every non-addressable operand: a fresh heap copy
            _ => self.spill(e),
        }
    }

    /// The value of `e` stored in a fresh heap object (lowering's `spill`).
    fn spill(&mut self, e: &ast::Expr) -> Srcs {
        let s = self.value(e);
        self.heap(s);
        vec![]
    }

    /// A func literal: its body is part of this graph (captured variables are the same
    /// locations); its value is the address of its closure object, which points to every
    /// captured variable.
    fn func_lit(&mut self, e: &ast::Expr, body: &ast::Block) -> Srcs {
        let Some(fi) = self.info.funcs.get(&e.id) else {
            self.fail();
            return vec![];
        };
        let caps = self.info.captures.get(&e.id).cloned().unwrap_or_default();
        let lit = if caps.is_empty() { None } else { Some(self.new_loc(LocKind::Lit(e.id))) };
        for &c in &caps {
            match self.vars.get(&c) {
                Some(&v) => {
                    let l = lit.unwrap();
                    self.flow(l, vec![(v, -1)]);
                }
                None => self.fail(),
            }
        }
        let (saved_lit, saved_fn) = (self.lit, self.cur_fn);
        self.lit = Some(e.id);
        self.cur_fn = e.id;
        self.depth += 1;
        for &o in fi.params.iter().chain(&fi.results) {
            self.declare(o);
        }
        if fi.named_results {
            // a bare `return` (or a deferred change) returns the named results to the caller
            for &o in &fi.results {
                let v = self.vars[&o];
                self.heap(vec![(v, 0)]);
            }
        }
        self.block(&body.stmts);
        self.depth -= 1;
        self.lit = saved_lit;
        self.cur_fn = saved_fn;
        match lit {
            Some(l) => vec![(l, -1)],
            None => vec![],
        }
    }

    /// The receiver argument of a method call or method value `x.m`.
    fn receiver(&mut self, x: &ast::Expr, sel: &crate::types::Selection) -> Srcs {
        match &sel.method {
            Some(MethodTarget::Concrete { ptr_recv: true, .. }) => {
                let xt = self.ty(x.id);
                if sel.indirect || matches!(self.ptrs.tt.under(xt), GoType::Pointer(_)) {
                    self.value(x)
                } else {
                    self.addr(x)
                }
            }
            Some(MethodTarget::Concrete { ptr_recv: false, .. }) => {
                let s = self.value(x);
                if sel.indirect { shift(s, 1) } else { s }
            }
            _ => self.value(x),
        }
    }

    /// A call: the sources of each result.
    fn call(&mut self, e: &ast::Expr) -> Vec<Srcs> {
        let ExprKind::Call { fun, args, dots, .. } = &e.kind else {
            self.fail();
            return vec![];
        };
        let fun_u = fun.unparen();
        let ftv = self.info.types[fun_u.id].clone();
        if ftv.is_type() {
            // a conversion
            let Some(a) = args.first() else { return vec![vec![]] };
            let s = self.value(a);
            let to = ftv.ty;
            let from = self.ty(a.id);
            let to_ptrs = self.has_ptrs(to);
            if self.ptrs.tt.is_interface(to) || (!to_ptrs && self.has_ptrs(from)) {
                // boxed, or a pointer turned into an integer
                self.heap(s);
                return vec![vec![]];
            }
            return vec![s];
        }
        if let Mode::Builtin(b) = ftv.mode {
            return vec![self.builtin(b, args, dots.is_some())];
        }
        // the callee and the summary that applies
        let mut recv: Option<Srcs> = None;
        let mut callee: Option<ast::NodeId> = None;
        match &fun_u.kind {
            ExprKind::Ident(id) if !self.info.instances.contains_key(&id.id) => {
                if let Some(o) = self.info.object_of(id.id)
                    && let ObjKind::Func { decl, .. } = self.info.obj(o).kind
                {
                    callee = Some(decl);
                } else {
                    let f = self.value(fun_u);
                    let _ = f; // calling a func value does not leak it
                }
            }
            ExprKind::Selector { x, sel } => match self.info.selections.get(&fun_u.id).cloned() {
                None => {
                    if !self.info.instances.contains_key(&sel.id)
                        && let Some(o) = self.info.object_of(sel.id)
                        && let ObjKind::Func { decl, .. } = self.info.obj(o).kind
                    {
                        callee = Some(decl);
                    }
                }
                Some(s) => match (&s.kind, &s.method) {
                    (SelectionKind::MethodVal, Some(MethodTarget::Concrete { func, .. })) => {
                        let r = self.receiver(x, &s);
                        if let ObjKind::Func { decl, .. } = self.info.obj(*func).kind
                            && !self.info.generics.contains_key(&decl)
                        {
                            callee = Some(decl);
                        }
                        recv = Some(r);
                    }
                    (SelectionKind::InterfaceMethod, _) => {
                        let r = self.value(x);
                        self.heap(r);
                    }
                    (SelectionKind::TypeParamMethod, _) => {
                        self.fail();
                        return vec![];
                    }
                    (SelectionKind::FieldVal, _) => {
                        self.value(fun_u); // a func-valued field
                    }
                    _ => {
                        self.value(x);
                    }
                },
            },
            _ => {
                self.value(fun_u);
            }
        }
        // argument sources, one per parameter (receiver first)
        let mut argv: Vec<Srcs> = vec![];
        if let Some(r) = recv.clone() {
            argv.push(r);
        }
        let sig = self.ptrs.tt.signature(ftv.ty).cloned();
        let nres = sig.as_ref().map_or(0, |s| s.results.len());
        let spread = args.len() == 1
            && matches!(&args[0].unparen().kind, ExprKind::Call { .. })
            && matches!(self.ptrs.tt.get(self.ty(args[0].id)), GoType::Tuple(_));
        let mut variadic_extra: Vec<Srcs> = vec![];
        let variadic = sig.as_ref().is_some_and(|s| s.variadic);
        if spread {
            argv.extend(self.call(args[0].unparen()));
        } else {
            let fixed = match &sig {
                Some(s) if s.variadic && dots.is_none() => s.params.len().saturating_sub(1),
                _ => usize::MAX,
            };
            for (i, a) in args.iter().enumerate() {
                let s = self.value(a);
                if i >= fixed {
                    variadic_extra.push(s); // packed into a fresh slice
                } else {
                    argv.push(s);
                }
            }
            if fixed != usize::MAX {
                argv.push(vec![]); // the fresh slice itself points to the heap only
            }
        }
        for s in variadic_extra {
            self.heap(s);
        }
        self.consulted.extend(callee);
        let sum = callee
            .and_then(|d| self.sums.get(&d))
            .filter(|s| s.heap.len() == argv.len() && !(spread && variadic));
        let mut results: Vec<Srcs> = vec![vec![]; nres];
        match sum {
            Some(sum) => {
                let sum = sum.clone();
                for (i, s) in argv.into_iter().enumerate() {
                    if let Some(d) = sum.heap[i] {
                        self.heap(shift(s.clone(), d));
                    }
                    for (j, r) in sum.results[i].iter().enumerate() {
                        if let (Some(d), Some(out)) = (r, results.get_mut(j)) {
                            out.extend(shift(s.clone(), *d));
                        }
                    }
                }
            }
            None => {
                for s in argv {
                    self.heap(s);
                }
            }
        }
        results
    }

    fn builtin(&mut self, b: Builtin, args: &[ast::Expr], dots: bool) -> Srcs {
        match b {
            Builtin::Append => {
                let Some((s0, rest)) = args.split_first() else { return vec![] };
                let s = self.value(s0);
                for a in rest {
                    let v = self.value(a);
                    self.heap(v);
                }
                let _ = dots;
                s
            }
            Builtin::Copy => {
                if let [d, s] = args {
                    self.value(d);
                    let v = self.value(s);
                    self.heap(v);
                }
                vec![]
            }
            Builtin::Panic => {
                for a in args {
                    let v = self.value(a);
                    self.heap(v);
                }
                vec![]
            }
            Builtin::Min | Builtin::Max => args.iter().flat_map(|a| self.value(a)).collect::<Vec<_>>(),
            Builtin::Add | Builtin::Slice | Builtin::String | Builtin::StringData | Builtin::SliceData => {
                // unsafe: whatever it points to is on the heap
                for a in args {
                    let v = self.value(a);
                    self.heap(v);
                }
                vec![]
            }
            Builtin::New if !args.is_empty() && !self.info.types[args[0].id].is_type() => {
                // `new(expr)`: the value is stored into a heap variable
                let v = self.value(&args[0]);
                self.heap(v);
                vec![]
            }
            Builtin::New | Builtin::Make => {
                for a in args {
                    if !self.info.types[a.id].is_type() {
                        self.value(a);
                    }
                }
                vec![]
            }
            _ => {
                // len, cap, print, println, delete, close, clear, complex, real, imag, recover,
                // Sizeof...: nothing is retained
                for a in args {
                    self.value(a);
                }
                vec![]
            }
        }
    }
}
