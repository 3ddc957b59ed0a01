//! The `arbitrary`-driven generator of program trees.
//!
//! Every choice is read from an `arbitrary::Unstructured`, so the same bytes give the same program
//! (fuzzers mutate the bytes; the campaign derives them from a seed). When the bytes run out every
//! choice falls to its smallest option, which ends blocks, so generation always terminates.
//!
//! Invariants: the trees satisfy `tree`'s rules (DAG calls, unique ids, loop variables passed by
//! value, no `panic(nil)`); statements that need `res` or a loop variable are only generated where
//! one is in scope; recursive functions never change `n` and make no calls before reaching the leaf.

use super::tree::*;
use arbitrary::{Result, Unstructured};

/// Size knobs of the generator.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// Most functions besides `main`.
    pub max_funcs: usize,
    /// Most statements per block.
    pub max_stmts: usize,
    /// Deepest nesting of blocks (if, loop, deferred closure).
    pub max_depth: usize,
    /// Generate `defer mv(...)` of method values (a campaign may turn them off to look past a
    /// known unsupported feature; the default is on).
    pub method_values: bool,
    /// Generate range-over-func loops (and their iterators, `break`, `continue`).
    pub range_funcs: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config { max_funcs: 6, max_stmts: 5, max_depth: 4, method_values: true, range_funcs: true }
    }
}

impl Config {
    /// Bigger programs: more functions, longer and deeper blocks (more defers per frame, so more
    /// functions exceed the open-coding limits).
    pub fn large() -> Config {
        Config { max_funcs: 9, max_stmts: 8, max_depth: 5, ..Config::default() }
    }
}

/// Generates one program tree from `u`.
pub fn program(u: &mut Unstructured, cfg: Config) -> Result<Program> {
    let mut g = Gen { u, cfg, next_id: 0, nfuncs: 0, results: Vec::new(), iters: Vec::new() };
    g.program()
}

/// Where a block is being generated.
#[derive(Clone, Copy, Debug)]
struct Ctx {
    func: FuncIdx,
    /// Loop variables / closure parameters in scope (`i0..`).
    loops: usize,
    res: bool,
    /// Inside a deferred closure body.
    deferred: bool,
    depth: usize,
    /// No calls (the part of a recursive function that runs at every level).
    no_calls: bool,
    /// `n` must not change (recursive functions).
    no_bump: bool,
    /// Directly in the function's own body (not in a closure): `return <value>` is allowed.
    func_body: bool,
    /// Lexically inside an iterator body: `yield` is in scope.
    yield_ok: bool,
    /// Inside a loop or range body of the same function: `break` / `continue` are allowed.
    in_loop: bool,
    /// Range-over-func loops and iterators enclosing the block (bounds their nesting).
    ranges: usize,
}

struct Gen<'a, 'b> {
    u: &'a mut Unstructured<'b>,
    cfg: Config,
    next_id: u32,
    nfuncs: usize,
    /// `has_result` of every function, decided before bodies are generated.
    results: Vec<bool>,
    /// Iterators generated so far (`Program::iters`).
    iters: Vec<Iter>,
}

/// Most range-over-func loops per program, and their deepest nesting.
const MAX_ITERS: usize = 6;
const MAX_RANGE_NEST: usize = 2;

/// The kinds of statement, chosen by weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Print,
    Call,
    Defer,
    If,
    Loop,
    Panic,
    Runtime,
    Bump,
    SetRes,
    Recover,
    Return,
    Invoke,
    Range,
    Yield,
    Break,
    Continue,
}

impl Gen<'_, '_> {
    fn id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    /// Picks an index with the given weights (zero weights are never chosen unless all are zero).
    fn weighted(&mut self, weights: &[u32]) -> Result<usize> {
        let total: u32 = weights.iter().sum();
        if total == 0 {
            return Ok(0);
        }
        let mut x = self.u.int_in_range(0..=total - 1)?;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return Ok(i);
            }
            x -= w;
        }
        Ok(weights.len() - 1)
    }

    fn program(&mut self) -> Result<Program> {
        self.nfuncs = self.u.int_in_range(1..=self.cfg.max_funcs)?;
        let recursive = if self.u.ratio(1, 3)? { Some(self.u.int_in_range(0..=self.nfuncs - 1)?) } else { None };
        for k in 0..self.nfuncs {
            let r = Some(k) != recursive && self.u.ratio(2, 5)?;
            self.results.push(r);
        }
        let start = self.id();
        let mut funcs = Vec::new();
        for k in 0..self.nfuncs {
            funcs.push(if Some(k) == recursive { self.recursive(k)? } else { self.plain(k)? });
        }
        let end = self.id();
        let entry_arg = self.u.int_in_range(0..=20)?;
        let iters = std::mem::take(&mut self.iters);
        Ok(Program { funcs, entry_arg, main_ids: (start, end), iters })
    }

    fn plain(&mut self, k: FuncIdx) -> Result<Func> {
        let has_result = self.results[k];
        let cx = Ctx {
            func: k,
            loops: 0,
            res: has_result,
            deferred: false,
            depth: 0,
            no_calls: false,
            no_bump: false,
            func_body: true,
            yield_ok: false,
            in_loop: false,
            ranges: 0,
        };
        let body = self.block(cx, 2)?;
        Ok(Func { kind: FuncKind::Plain, has_result, body })
    }

    fn recursive(&mut self, k: FuncIdx) -> Result<Func> {
        let depth = if self.u.ratio(2, 3)? { self.u.int_in_range(100..=400)? } else { self.u.int_in_range(1..=8)? };
        let cx = Ctx {
            func: k,
            loops: 0,
            res: false,
            deferred: false,
            depth: 1,
            no_calls: true,
            no_bump: true,
            func_body: true,
            yield_ok: false,
            in_loop: false,
            ranges: 0,
        };
        let body = self.block(cx, 1)?;
        let leaf = self.block(Ctx { no_calls: false, ..cx }, 1)?;
        let post = self.block(cx, 0)?;
        Ok(Func { kind: FuncKind::Recursive { depth, leaf, post }, has_result: false, body })
    }

    /// A block of up to `max_stmts` statements with at least `min` of them (when bytes remain).
    fn block(&mut self, cx: Ctx, min: usize) -> Result<Vec<Stmt>> {
        let max = self.cfg.max_stmts.saturating_sub(cx.depth).max(min).max(1);
        let len = self.u.int_in_range(min..=max)?;
        let mut out = Vec::new();
        for k in 0..len {
            let s = self.stmt(cx, k + 1 == len)?;
            let ends = terminates(&s);
            out.push(s);
            if ends {
                break;
            }
        }
        Ok(out)
    }

    fn can_call(&self, cx: Ctx) -> bool {
        !cx.no_calls && cx.func + 1 < self.nfuncs
    }

    /// One statement; statements that end the block (panic, return, unconditional runtime errors)
    /// only come `last`, so the defers and calls before them run.
    fn stmt(&mut self, cx: Ctx, last: bool) -> Result<Stmt> {
        use Kind::*;
        let nest = cx.depth < self.cfg.max_depth;
        let call = self.can_call(cx);
        let kinds = [Print, Call, Defer, If, Loop, Panic, Runtime, Bump, SetRes, Recover, Return, Invoke, Range, Yield, Break, Continue];
        let range = self.cfg.range_funcs
            && nest
            && !cx.no_calls
            && cx.ranges < MAX_RANGE_NEST
            && self.iters.len() < MAX_ITERS;
        let yw = if cx.yield_ok { 16 } else { 0 };
        let bw = if cx.in_loop { 2 } else { 0 };
        let weights: [u32; 16] = if cx.deferred {
            [8, if call { 5 } else { 0 }, if nest { 6 } else { 0 }, if nest { 5 } else { 0 }, if nest { 2 } else { 0 },
             6, 4, if cx.no_bump { 0 } else { 2 }, if cx.res { 6 } else { 0 }, 26, 1, if nest { 2 } else { 0 },
             if range { 2 } else { 0 }, yw / 2, bw, bw]
        } else {
            [8, if call { 12 } else { 0 }, if nest || cx.depth == 0 { 26 } else { 4 }, if nest { 8 } else { 0 },
             if nest { 6 } else { 0 }, 7, 6, if cx.no_bump { 0 } else { 3 }, if cx.res { 3 } else { 0 }, 3,
             if cx.depth > 0 { 3 } else { 1 }, if nest { 3 } else { 0 }, if range { 7 } else { 0 }, yw, bw, bw]
        };
        let mut weights = weights;
        if !last {
            // Statements that end the block come last, so everything before them runs.
            for k in [5, 10, 14, 15] {
                weights[k] = 0;
            }
        }
        let kind = kinds[self.weighted(&weights)?];
        Ok(match kind {
            Print => Stmt::Print { id: self.id() },
            Call => {
                let callee = self.callee(cx)?;
                Stmt::Call { id: self.id(), callee, arg: self.arg(cx)? }
            }
            Defer => self.defer(cx)?,
            If => {
                let cond = self.cond(cx)?;
                let inner = Ctx { depth: cx.depth + 1, ..cx };
                let then = self.block(inner, 1)?;
                let els = if self.u.ratio(1, 3)? { self.block(inner, 1)? } else { Vec::new() };
                Stmt::If { cond, then, els }
            }
            Loop => {
                let count = self.u.int_in_range(1..=3)?;
                let body = self.block(Ctx { depth: cx.depth + 1, loops: cx.loops + 1, in_loop: true, ..cx }, 1)?;
                Stmt::Loop { count, body }
            }
            Range => self.range(cx)?,
            Yield => {
                let how = match self.weighted(&[5, 3, 2])? {
                    0 => YieldHow::Checked,
                    1 => YieldHow::Ignored,
                    _ => YieldHow::Printed,
                };
                Stmt::Yield { id: self.id(), arg: self.arg(cx)?, how }
            }
            Break => Stmt::Break,
            Continue => Stmt::Continue,
            Panic => Stmt::Panic { id: self.id(), val: self.panic_val()? },
            Runtime => {
                let err = match self.u.int_in_range(0..=if last { 4 } else { 1 })? {
                    0 => RtErr::Index { m: self.u.int_in_range(3..=6)? },
                    1 => RtErr::Div { m: self.u.int_in_range(1..=4)? },
                    2 => RtErr::NilMap,
                    3 => RtErr::NilDeref,
                    _ => RtErr::TypeAssert,
                };
                Stmt::Runtime { id: self.id(), err }
            }
            Bump => Stmt::Bump { delta: self.u.int_in_range(1..=3)? },
            SetRes => Stmt::SetRes { mul: self.u.int_in_range(1..=3)?, add: self.u.int_in_range(0..=9)? },
            Recover => {
                let how = if cx.deferred {
                    match self.weighted(&[10, 5, 3, 3])? {
                        0 => RecoverHow::Direct,
                        1 => RecoverHow::Repanic,
                        2 => RecoverHow::Helper,
                        _ => RecoverHow::CallRecoverer,
                    }
                } else {
                    match self.weighted(&[2, 1, 1, 1])? {
                        0 => RecoverHow::Direct,
                        1 => RecoverHow::Repanic,
                        2 => RecoverHow::Helper,
                        _ => RecoverHow::CallRecoverer,
                    }
                };
                Stmt::Recover { id: self.id(), how }
            }
            Return if cx.func_body && cx.res && self.u.ratio(1, 2)? => Stmt::ReturnVal(self.arg(cx)?),
            Return => Stmt::Return,
            Invoke => {
                let inner = Ctx { depth: cx.depth + 1, deferred: false, func_body: false, in_loop: false, ..cx };
                Stmt::Invoke(self.block(inner, 1)?)
            }
        })
    }

    /// A range-over-func loop and its iterator. The iterator is generated first (its ids come
    /// before the body's), with its own `n`, no loop variables, and `yield` in scope; a body
    /// starts with a trace print (which also uses the range variable).
    fn range(&mut self, cx: Ctx) -> Result<Stmt> {
        let arg = self.arg(cx)?;
        let k = self.iters.len();
        self.iters.push(Iter { body: Vec::new() });
        let icx = Ctx {
            loops: 0,
            res: false,
            deferred: false,
            depth: cx.depth + 1,
            no_bump: false,
            func_body: true,
            yield_ok: true,
            in_loop: false,
            ranges: cx.ranges + 1,
            ..cx
        };
        let mut ibody = self.block(icx, 1)?;
        if !ibody.iter().any(has_yield) {
            let y = Stmt::Yield { id: self.id(), arg: Arg::NPlus(0), how: YieldHow::Checked };
            ibody.insert(0, y);
        }
        self.iters[k].body = ibody;
        let bcx = Ctx { depth: cx.depth + 1, loops: cx.loops + 1, in_loop: true, ranges: cx.ranges + 1, ..cx };
        let mut body = vec![Stmt::Print { id: self.id() }];
        body.extend(self.block(bcx, 0)?);
        Ok(Stmt::Range { iter: k, arg, body })
    }

    fn callee(&mut self, cx: Ctx) -> Result<FuncIdx> {
        self.u.int_in_range(cx.func + 1..=self.nfuncs - 1)
    }

    fn arg(&mut self, cx: Ctx) -> Result<Arg> {
        let c = self.u.int_in_range(0..=3)?;
        if cx.loops > 0 && self.u.ratio(1, 3)? {
            Ok(Arg::NLoopPlus(self.u.int_in_range(0..=cx.loops - 1)?, c))
        } else {
            Ok(Arg::NPlus(c))
        }
    }

    fn cond(&mut self, cx: Ctx) -> Result<Cond> {
        let m = self.u.int_in_range(2..=4)?;
        let r = self.u.int_in_range(0..=m - 1)?;
        if cx.loops > 0 && self.u.ratio(1, 2)? {
            Ok(Cond::LoopMod { var: self.u.int_in_range(0..=cx.loops - 1)?, m, r })
        } else {
            Ok(Cond::NMod { m, r })
        }
    }

    fn panic_val(&mut self) -> Result<PanicVal> {
        Ok(match self.u.int_in_range(0..=5)? {
            0 => PanicVal::Str,
            1 => PanicVal::Int,
            2 => PanicVal::StrN,
            3 => PanicVal::ErrNew,
            4 => PanicVal::MyErr,
            _ => PanicVal::Code,
        })
    }

    fn defer(&mut self, cx: Ctx) -> Result<Stmt> {
        let id = self.id();
        let call = self.can_call(cx);
        let closure_ok = cx.depth < self.cfg.max_depth;
        let what = match self.weighted(&[if closure_ok { 45 } else { 0 }, if call { 10 } else { 0 }, 22, 12, 7, 2])? {
            0 => {
                let inner = Ctx { deferred: true, depth: cx.depth + 1, func_body: false, in_loop: false, ..cx };
                Deferred::Closure(self.block(inner, 1)?)
            }
            1 => {
                let callee = self.callee(cx)?;
                Deferred::Call { callee, arg: self.arg(cx)? }
            }
            2 => Deferred::Recoverer(match self.u.int_in_range(0..=4)? {
                0 => RecVia::Func,
                1 => RecVia::Method,
                2 => RecVia::PtrMethod,
                3 if self.cfg.method_values => RecVia::MethodValue,
                3 => RecVia::Method,
                _ => RecVia::Iface,
            }),
            3 => Deferred::Print,
            4 => Deferred::Panic(self.panic_val()?),
            _ => Deferred::NilFunc,
        };
        Ok(Stmt::Defer { id, what })
    }
}

/// Whether `s` calls `yield` of the iterator it is in (at any depth of its own blocks).
fn has_yield(s: &Stmt) -> bool {
    match s {
        Stmt::Yield { .. } => true,
        Stmt::If { then, els, .. } => then.iter().chain(els).any(has_yield),
        Stmt::Loop { body, .. } | Stmt::Invoke(body) | Stmt::Range { body, .. } => body.iter().any(has_yield),
        Stmt::Defer { what: Deferred::Closure(b), .. } => b.iter().any(has_yield),
        _ => false,
    }
}

/// Whether nothing after `s` in the same block can run.
fn terminates(s: &Stmt) -> bool {
    matches!(
        s,
        Stmt::Return
            | Stmt::Break
            | Stmt::Continue
            | Stmt::ReturnVal(_)
            | Stmt::Panic { .. }
            | Stmt::Runtime { err: RtErr::NilMap | RtErr::NilDeref | RtErr::TypeAssert, .. }
    )
}
