//! Bounds-check elimination for the loop shapes gc's prove pass always clears
//! (`cmd/compile/internal/ssa/prove.go`): inside `for i := range s { ... s[i] ... }` and
//! `for i := c; i < len(s); i++ { ... s[i] ... }` the index `s[i]` needs no bounds check (`c` a
//! constant `>= 0`, or `k` or `k + c` for a proven index `k` of an enclosing loop: nbody's
//! `for j := i + 1; j < len(bs); j++`).
//!
//! A fact `InBounds { index, bound }` says: at every point of the loop body being lowered,
//! `0 <= index < len(bound)`. It holds only while the body keeps it, so a fact is recorded only
//! when
//! - `index` (and `bound`, when it is a variable) are locals in Cranelift variables
//!   (`Local::Vars`: neither captured nor address-taken, so nothing but a statement of this
//!   function can change them; a closure assigning one captures it), and
//! - no statement of the body (nor the 3-clause loop's post statement, other than its `i++`)
//!   assigns either of them (`assigns` walks statements only: an expression cannot assign a
//!   local that is neither captured nor address-taken).
//!
//! An array or pointer-to-array bound is its constant length, which no assignment changes.
//! Facts are a stack pushed around each loop body; an index expression looks its operands up
//! here and, on a match, emits no check. Everything else keeps its check.
//!
//! Nil-check elimination (gc's `nilcheckelim`): a nil check of SSA value `p` whose block is
//! dominated by the continuation of an earlier check of the same `p` is replaced by a jump (that
//! continuation is reached only from its check's not-nil edge, and an SSA value never changes;
//! values are compared after resolving the builder's variable aliases).

use super::func::{FnCx, Local};
use cranelift_codegen::cursor::{Cursor, FuncCursor};
use cranelift_codegen::dominator_tree::DominatorTree;
use cranelift_codegen::flowgraph::ControlFlowGraph;
use cranelift_codegen::ir::{self, InstBuilder};
use crate::syntax::ast::{self, ExprKind, StmtKind};
use crate::types::{Builtin, Mode, ObjId, Type as GoType, TypeTable};

/// What an in-bounds index is bounded by.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Bound {
    /// `len` of this slice or string variable.
    Var(ObjId),
    /// A constant length (array or pointer-to-array range).
    Const(u64),
}

/// `0 <= index < len(bound)` throughout the current loop body.
#[derive(Clone, Copy, Debug)]
pub struct InBounds {
    pub index: ObjId,
    pub bound: Bound,
}

/// Whether any statement in `stmts` assigns one of `objs` (as an assignment, `op=`, `++`/`--`,
/// a `:=` redeclaration, a range assignment or a select receive).
pub fn assigns(info: &crate::types::Info, stmts: &[ast::Stmt], objs: &[ObjId]) -> bool {
    stmts.iter().any(|s| stmt_assigns(info, s, objs))
}

fn target(info: &crate::types::Info, e: &ast::Expr, objs: &[ObjId]) -> bool {
    match &e.unparen().kind {
        ExprKind::Ident(id) => info.object_of(id.id).is_some_and(|o| objs.contains(&o)),
        _ => false,
    }
}

fn stmt_assigns(info: &crate::types::Info, s: &ast::Stmt, objs: &[ObjId]) -> bool {
    let opt = |s: &Option<Box<ast::Stmt>>| s.as_deref().is_some_and(|s| stmt_assigns(info, s, objs));
    match &s.kind {
        StmtKind::ShortVarDecl { lhs, .. } => lhs.iter().any(|id| info.object_of(id.id).is_some_and(|o| objs.contains(&o))),
        StmtKind::Assign { lhs, .. } => lhs.iter().any(|e| target(info, e, objs)),
        StmtKind::IncDec { x, .. } => target(info, x, objs),
        StmtKind::Block(b) => assigns(info, &b.stmts, objs),
        StmtKind::If(i) => opt(&i.init) || assigns(info, &i.then.stmts, objs) || opt(&i.els),
        StmtKind::For(f) => opt(&f.init) || opt(&f.post) || assigns(info, &f.body.stmts, objs),
        StmtKind::Range(r) => {
            (!r.define && (r.key.iter().chain(r.value.iter()).any(|e| target(info, e, objs))))
                || assigns(info, &r.body.stmts, objs)
        }
        StmtKind::Switch(sw) => opt(&sw.init) || sw.cases.iter().any(|c| assigns(info, &c.body, objs)),
        StmtKind::TypeSwitch(ts) => opt(&ts.init) || ts.cases.iter().any(|c| assigns(info, &c.body, objs)),
        StmtKind::Labeled { stmt, .. } => stmt_assigns(info, stmt, objs),
        StmtKind::Select(cs) => cs.iter().any(|c| opt(&c.comm) || assigns(info, &c.body, objs)),
        StmtKind::Empty
        | StmtKind::Expr(_)
        | StmtKind::Decl(_)
        | StmtKind::Goto(_)
        | StmtKind::Break(_)
        | StmtKind::Continue(_)
        | StmtKind::Fallthrough
        | StmtKind::Return(_)
        | StmtKind::Defer(_)
        | StmtKind::Go(_)
        | StmtKind::Send { .. } => false,
    }
}

impl<'p, 'a, 'f> FnCx<'p, 'a, 'f> {
    /// The variable `e` names, when it is a local held in Cranelift variables.
    fn register_local(&self, e: &ast::Expr) -> Option<ObjId> {
        let ExprKind::Ident(id) = &e.unparen().kind else { return None };
        let o = self.p.info.object_of(id.id)?;
        matches!(self.locals.get(&o), Some(Local::Vars(_))).then_some(o)
    }

    /// The fact a `for k := range x` body may assume, if its shape allows one (checked after the
    /// key is declared).
    pub fn range_fact(&self, r: &ast::RangeStmt) -> Option<InBounds> {
        if !r.define {
            return None;
        }
        let index = self.register_local(r.key.as_ref()?)?;
        let bound = match self.p.tt.under(self.p.type_of(r.x.id)) {
            GoType::Array { len, .. } => Bound::Const(*len),
            GoType::Pointer(p) => match self.p.tt.under(*p) {
                GoType::Array { len, .. } => Bound::Const(*len),
                _ => return None,
            },
            GoType::Slice(_) => Bound::Var(self.register_local(&r.x)?),
            GoType::Basic(k) if k.is_string() => Bound::Var(self.register_local(&r.x)?),
            _ => return None,
        };
        let mut objs = vec![index];
        if let Bound::Var(b) = bound {
            objs.push(b);
        }
        (!assigns(self.p.info, &r.body.stmts, &objs)).then_some(InBounds { index, bound })
    }

    /// The fact a `for i := c; i < len(s); i++` body may assume (`c` known `>= 0`:
    /// [`Self::nonneg_init`]; `i` an `int`, `s` a slice or string), if neither `i` nor `s` is assigned in the body. `i++` cannot
    /// overflow: `i < len(s) <= MaxInt` before it.
    pub fn for_fact(&self, f: &ast::ForStmt) -> Option<InBounds> {
        let StmtKind::ShortVarDecl { lhs, rhs, .. } = &f.init.as_deref()?.kind else { return None };
        let ([i], [init]) = (lhs.as_slice(), rhs.as_slice()) else { return None };
        let index = self.p.info.defs[i.id].expand()?;
        if !matches!(self.locals.get(&index), Some(Local::Vars(_))) || self.p.obj_ty(index) != Some(TypeTable::INT) {
            return None;
        }
        if !self.nonneg_init(init) {
            return None;
        }
        let ExprKind::Binary { op: ast::BinaryOp::Lt, x, y, .. } = &f.cond.as_ref()?.unparen().kind else { return None };
        if self.register_local(x) != Some(index) {
            return None;
        }
        let ExprKind::Call { fun, args, dots: None, .. } = &y.unparen().kind else { return None };
        if !matches!(self.p.info.types[fun.unparen().id].mode, Mode::Builtin(Builtin::Len)) {
            return None;
        }
        let [s] = args.as_slice() else { return None };
        let bound = self.register_local(s)?;
        match self.p.tt.under(self.p.type_of(s.id)) {
            GoType::Slice(_) => {}
            GoType::Basic(k) if k.is_string() => {}
            _ => return None,
        }
        let StmtKind::IncDec { x: px, inc: true } = &f.post.as_deref()?.kind else { return None };
        if self.register_local(px) != Some(index) {
            return None;
        }
        (!assigns(self.p.info, &f.body.stmts, &[index, bound])).then_some(InBounds { index, bound: Bound::Var(bound) })
    }

    /// Whether a loop's initial index value is known `>= 0`: a constant `>= 0`, or a proven
    /// index `k` of an enclosing loop (`0 <= k < len`), or `k + c` with a constant `c` in
    /// `[0, 2^32)` (no overflow: `k < len <= MaxInt/2`). Only the initial value matters: `i++`
    /// keeps `i >= 0` while `i < len(s)`. (gc's prove derives the same from `k`'s facts.)
    fn nonneg_init(&self, init: &ast::Expr) -> bool {
        let konst = |e: &ast::Expr| self.p.info.types[e.id].value().and_then(|c| c.as_int());
        if konst(init).is_some_and(|c| c >= 0) {
            return true;
        }
        let proven = |e: &ast::Expr| self.register_local(e).is_some_and(|k| self.facts.iter().any(|f| f.index == k));
        match &init.unparen().kind {
            ExprKind::Ident(_) => proven(init),
            ExprKind::Binary { op: ast::BinaryOp::Add, x, y, .. } => {
                let small = |e: &ast::Expr| konst(e).is_some_and(|c| (0..1i128 << 32).contains(&c));
                (proven(x) && small(y)) || (small(x) && proven(y))
            }
            _ => false,
        }
    }

    /// Whether `x[index]` is known in bounds: `index` names a proven index variable whose bound is
    /// `x` itself, or a constant no longer than `x`'s array length `array_len`.
    pub fn proven_in_bounds(&self, x: &ast::Expr, index: &ast::Expr, array_len: Option<u64>) -> bool {
        let Some(i) = self.register_local(index) else { return false };
        let base = self.register_local(x);
        self.facts.iter().any(|f| {
            f.index == i
                && match f.bound {
                    Bound::Var(b) => base == Some(b),
                    Bound::Const(n) => array_len.is_some_and(|l| n <= l),
                }
        })
    }
}

/// One emitted nil check: `brif (p == 0), cold, cont` ending its block.
#[derive(Clone, Copy, Debug)]
pub struct NilCheck {
    pub brif: ir::Inst,
    pub ptr: ir::Value,
    pub cont: ir::Block,
}

/// Replaces every nil check dominated by the not-nil continuation of another check of the same
/// value with a jump to its own continuation (the panic block becomes unreachable).
pub fn elim_nil_checks(func: &mut ir::Function, checks: &[NilCheck]) {
    if checks.is_empty() {
        return;
    }
    let cfg = ControlFlowGraph::with_function(func);
    let domtree = DominatorTree::with_function(func, &cfg);
    let mut redundant = vec![];
    for (k, c) in checks.iter().enumerate() {
        let Some(blk) = func.layout.inst_block(c.brif) else { continue };
        if !domtree.is_reachable(blk) {
            continue;
        }
        if never_nil(func, c.ptr) {
            redundant.push(*c);
            continue;
        }
        let covered = checks.iter().enumerate().any(|(j, d)| {
            j != k && func.dfg.resolve_aliases(d.ptr) == func.dfg.resolve_aliases(c.ptr) && func.layout.inst_block(d.brif).is_some() && cfg.pred_iter(d.cont).count() == 1 && domtree.block_dominates(d.cont, blk)
        });
        if covered {
            redundant.push(*c);
        }
    }
    for c in redundant {
        let mut pos = FuncCursor::new(func).at_inst(c.brif);
        pos.ins().jump(c.cont, &[]);
        pos.remove_inst();
    }
}

/// A value that cannot be nil: a stack slot's address (a variable escape analysis kept in the
/// frame, `&x`), or a non-zero constant address (a package variable in the data segment).
fn never_nil(func: &ir::Function, v: ir::Value) -> bool {
    let v = func.dfg.resolve_aliases(v);
    let ir::ValueDef::Result(inst, 0) = func.dfg.value_def(v) else { return false };
    match func.dfg.insts[inst] {
        d if d.opcode() == ir::Opcode::StackAddr => true,
        ir::InstructionData::UnaryImm { opcode: ir::Opcode::Iconst, imm } => imm.bits() != 0,
        _ => false,
    }
}

/// Drops the prologue's preemption poll (`poll`, its `brif`) from a function that calls no Go
/// code: no indirect call (closures, interface methods) and no direct call of a function other
/// than a runtime entry point (`is_runtime`). Such a function runs in bounded time between the
/// polls of its loops' back-edges, so, as gc's leaf functions without a stack check, it needs
/// no safepoint at entry; recursion always goes through a function that keeps its poll.
pub fn elim_leaf_poll(func: &mut ir::Function, poll: ir::Inst, is_runtime: impl Fn(cranelift_module::FuncId) -> bool) {
    if func.layout.inst_block(poll).is_none() {
        return;
    }
    for blk in func.layout.blocks() {
        for inst in func.layout.block_insts(blk) {
            if !func.dfg.insts[inst].opcode().is_call() {
                continue;
            }
            let fref = match func.dfg.insts[inst].analyze_call(&func.dfg.value_lists, &func.dfg.exception_tables) {
                ir::instructions::CallInfo::Direct(f, _) | ir::instructions::CallInfo::DirectWithSig(f, _, _) => f,
                _ => return,
            };
            let ir::ExternalName::User(r) = func.dfg.ext_funcs[fref].name else { return };
            let Some(name) = func.params.user_named_funcs().get(r) else { return };
            if name.namespace != 0 || !is_runtime(cranelift_module::FuncId::from_u32(name.index)) {
                return;
            }
        }
    }
    super::entry_sink::remove_poll(func, poll);
}

/// The most bytes of explicit stack slots a leaf function may have and go without a stack check.
const LEAF_SLOTS_MAX: u32 = 1024;

/// Drops the prologue's stack-bound check (`check`, its `brif`) from a leaf function: one that
/// calls nothing (no Go code, no runtime entry point, no slow path but the check's own), with
/// explicit stack slots of at most [`LEAF_SLOTS_MAX`] bytes and a bounded number of values to
/// spill. gc marks such functions `NOSPLIT` (leaf, frame below `StackSmall`): its caller passed
/// the check, so the frame it makes ends at worst a few KiB into the 1 MiB guard at the bottom
/// of the goroutine's slot (`sched/stack.rs`), mapped memory of the same slot, and no deeper
/// frame follows it; infinite recursion always goes through a function that keeps its check.
pub fn elim_leaf_stack_check(func: &mut ir::Function, check: ir::Inst) {
    if func.layout.inst_block(check).is_none() {
        return;
    }
    let ir::InstructionData::Brif { blocks, .. } = func.dfg.insts[check] else { return };
    let (cont, cold) = (blocks[0].block(&func.dfg.value_lists), blocks[1].block(&func.dfg.value_lists));
    let slots: u32 = func.sized_stack_slots.values().map(|s| s.size).sum();
    if slots > LEAF_SLOTS_MAX || func.dfg.num_values() > 4096 {
        return;
    }
    // every block reachable from the entry but the check's slow path (the slow paths of polls
    // already dropped are unreachable)
    let cfg = ControlFlowGraph::with_function(func);
    let Some(entry) = func.layout.entry_block() else { return };
    let mut seen = std::collections::HashSet::from([entry, cold]);
    let mut todo = vec![entry];
    while let Some(blk) = todo.pop() {
        for inst in func.layout.block_insts(blk) {
            if func.dfg.insts[inst].opcode().is_call() {
                return;
            }
        }
        todo.extend(cfg.succ_iter(blk).filter(|&b| seen.insert(b)));
    }
    let mut pos = FuncCursor::new(func).at_inst(check);
    pos.ins().jump(cont, &[]);
    pos.remove_inst();
    // the slow path, now unreachable, leaves the layout
    while let Some(inst) = func.layout.first_inst(cold) {
        func.layout.remove_inst(inst);
    }
    func.layout.remove_block(cold);
}
