//! The reference model: an interpreter of the generated tree (never of Go source, never of the JIT
//! runtime) that computes the expected stdout, panic chain and exit status with Go's defer, panic
//! and recover rules, following the Go 1.22+ runtime (`runtime/panic.go`):
//!
//! - Each goroutine has a stack of `_panic` records (`Machine::panics`, oldest first). A panic
//!   records the frame it started in, whether it was recovered, and which deferred call it is
//!   currently running (`running`, Go's `argp`).
//! - `panic` walks frames from the top of the stack downwards, popping each frame's pending defers
//!   last-in first-out (the defer is removed *before* it runs) and calling them on top of the
//!   current stack, exactly as `gopanic` does. A deferred call that panics therefore starts a newer
//!   panic whose walk continues through the same frames; the older panic is aborted.
//! - `recover` returns the value of the newest panic only when that panic is not recovered yet and
//!   the caller of `recover` is the deferred call the panic is running (a helper called from it, a
//!   defer nested inside it, or any other frame gets nil). Method calls, method values and
//!   interface methods used as deferred functions are transparent (Go's wrapper rule).
//! - After a deferred call returns, if its panic was recovered, every panic that started in the
//!   frame owning that defer or deeper is removed (Go's `recovery`: `startSP < sp`), and execution
//!   resumes in that frame's deferreturn: its remaining defers run and it returns normally with its
//!   named result.
//! - When the walk runs off the outermost frame, the whole panic stack is printed oldest first
//!   (`panic: V [recovered]`, later entries indented by a tab) and the program exits with status 2.
//! - Range over functions follows gc's rewrite (`cmd/compile/internal/rangefunc/rewrite.go`): the
//!   iterator runs as its own frame; each `yield` call runs the body as a new frame (so a `recover`
//!   called directly in a body is never direct: the body is not the deferred call); the body's
//!   defers are pushed on the enclosing function's frame (`deferrangefunc`/`deferprocat`, LIFO with
//!   that function's own defers); each loop has a `#state` (`abi.RF_*`): a body entered in any
//!   state but READY panics with `panicrangestate` in the body's frame, a body that leaves by
//!   `break`/`return` sets DONE (and `return` is completed after the iterator returns), and an
//!   iterator that returns while the state is PANIC (it recovered a body's panic) makes the loop
//!   raise `range function recovered a loop body panic and did not resume panicking`.
//!
//! Invariant: the model is deterministic and bounded: every run stops after `budget` steps with
//! `ModelError::Budget` rather than running long.

use super::tree::*;
use std::cell::Cell;
use std::fmt::Write;
use std::rc::Rc;

/// What a program is expected to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: String,
    /// The `panic:` lines of stderr, the later ones starting with a tab.
    pub panics: Vec<String>,
    pub exit: i32,
}

/// Which interesting situations a run went through (for generator statistics).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Events {
    /// A panic started while another was in flight.
    pub nested: bool,
    /// An older panic was aborted by a newer one (removed by its recovery or printed under it).
    pub aborted: bool,
    /// A defer statement ran inside a loop (a chained, not open-coded, defer).
    pub chained: bool,
    /// A runtime error was raised.
    pub runtime_error: bool,
    /// `recover` returned nil while a panic was in flight.
    pub recover_nil: bool,
    /// Some panic was recovered.
    pub recovered: bool,
    /// A recursive function ran 100 or more frames deep.
    pub deep: bool,
    /// The program ended with an unrecovered panic.
    pub unrecovered: bool,
    /// The program died with two adjacent panics of equal value in its chain: Go 1.25+ prints such a
    /// pair as one `[recovered, repanicked]` line, so the expected text depends on the Go version.
    pub version_sensitive: bool,
    /// A range-over-func loop ran.
    pub range_loop: bool,
    /// A range body deferred a call (onto the enclosing function's frame).
    pub body_defer: bool,
    /// gc's range-over-func misuse error was raised (`panicrangestate`).
    pub range_error: bool,
}

/// Why the model gave no outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelError {
    /// The program ran more than the step budget (too much output or work to be a useful test).
    Budget,
}

/// Runs `p` in the model, for at most `budget` statement steps.
pub fn run(p: &Program, budget: u64) -> Result<(Outcome, Events), ModelError> {
    let mut m = Machine {
        prog: p,
        frames: Vec::new(),
        panics: Vec::new(),
        out: String::new(),
        steps: 0,
        budget,
        next_id: 0,
        ev: Events::default(),
        fatal: Vec::new(),
    };
    let r = m.run_main();
    match r {
        Ok(()) => Ok((Outcome { stdout: m.out, panics: Vec::new(), exit: 0 }, m.ev)),
        Err(Unwind::Fatal) => Ok((Outcome { stdout: m.out, panics: m.fatal, exit: 2 }, m.ev)),
        Err(Unwind::Budget) => Err(ModelError::Budget),
        // A recovery always targets a live frame, so it cannot escape main.
        Err(Unwind::Recover(_)) => unreachable!("recovery escaped the outermost frame"),
    }
}

/// A runtime-error value; `eq` follows Go's `==` on the runtime's error values.
#[derive(Clone, Debug, PartialEq, Eq)]
enum RtKind {
    Index(i64),
    Div,
    NilMap,
    NilDeref,
    TypeAssert(u64),
    /// `panicrangestate(state)`: a body entered after it returned false (DONE), after it panicked
    /// (PANIC); or an iterator that recovered a body's panic (MISSING_PANIC). Each is one package
    /// variable of the runtime, so equal values are identical.
    Range(RangeErr),
}

/// gc's range-over-func errors (`runtime/panic.go`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RangeErr {
    Done,
    Panic,
    Exhausted,
    MissingPanic,
}

/// A Go value as far as the generated programs can observe it.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Val {
    Nil,
    Int(i64),
    Code(i64),
    Str(String),
    /// `errors.New(msg)`: a fresh pointer each time (`uid`).
    ErrNew { msg: String, uid: u64 },
    MyErr(i64),
    Rt(RtKind),
}

impl Val {
    /// How `fmt.Println` / `fmt.Sprint` prints the value.
    fn display(&self) -> String {
        match self {
            Val::Nil => "<nil>".into(),
            Val::Int(i) | Val::Code(i) => i.to_string(),
            Val::Str(s) => s.clone(),
            Val::ErrNew { msg, .. } => msg.clone(),
            Val::MyErr(c) => format!("myErr{c}"),
            Val::Rt(k) => match k {
                RtKind::Index(i) => format!("runtime error: index out of range [{i}] with length 3"),
                RtKind::Div => "runtime error: integer divide by zero".into(),
                RtKind::NilMap => "assignment to entry in nil map".into(),
                RtKind::NilDeref => "runtime error: invalid memory address or nil pointer dereference".into(),
                RtKind::TypeAssert(_) => "interface conversion: interface {} is string, not int".into(),
                RtKind::Range(e) => format!(
                    "runtime error: range function {}",
                    match e {
                        RangeErr::Done => "continued iteration after function for loop body returned false",
                        RangeErr::Panic => "continued iteration after loop body panic",
                        RangeErr::Exhausted => "continued iteration after whole loop exit",
                        RangeErr::MissingPanic => "recovered a loop body panic and did not resume panicking",
                    }
                ),
            },
        }
    }

    /// How the runtime prints the value after `panic: ` (`printpanicval`).
    fn panic_text(&self) -> String {
        match self {
            Val::Code(i) => format!("main.code({i})"),
            other => other.display(),
        }
    }
}

/// Non-local exits of the interpreter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unwind {
    /// A panic was recovered; resume the frame with this id in its deferreturn.
    Recover(u64),
    /// An unrecovered panic ended the program.
    Fatal,
    /// The step budget ran out.
    Budget,
}

/// Result of a block: fall through, `return`, `break` or `continue`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flow {
    Next,
    Return,
    Break,
    Continue,
}

/// `abi.RF_State` of one range-over-func loop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RfState {
    Done,
    Ready,
    Panic,
    Exhausted,
}

/// One running range-over-func loop: what its `yield` calls.
#[derive(Debug)]
struct RangeLoop<'p> {
    state: Cell<RfState>,
    /// The body left by `return` (gc's `#next == -1`): the loop returns once the iterator does.
    returned: Cell<bool>,
    body: &'p [Stmt],
    /// The body's variables (the enclosing function's, without the range variable).
    env: Env<'p>,
}

/// A pending deferred call, with everything evaluated at the defer statement.
#[derive(Clone, Debug)]
enum DeferRec<'p> {
    Closure { body: &'p [Stmt], env: Env<'p> },
    Call { callee: FuncIdx, arg: i64 },
    Recoverer { via: RecVia, id: u32 },
    Print(String),
    Panic(Val),
    NilFunc,
}

/// Variables visible to a body: the function's `n` and `res` (shared by reference with closures)
/// and the loop variables / closure parameters `i0..`.
#[derive(Clone, Debug)]
struct Env<'p> {
    n: Rc<Cell<i64>>,
    res: Option<Rc<Cell<i64>>>,
    loops: Vec<i64>,
    /// Loops of the current function body enclosing the statement (not inherited by closures).
    in_loop: usize,
    /// Index in `frames` of the frame a `defer` pushes to: the enclosing function of a range
    /// body; `None` for the top frame.
    defer_to: Option<usize>,
    /// The loop whose `yield` is in scope (lexically inside an iterator body).
    yield_to: Option<Rc<RangeLoop<'p>>>,
}

impl<'p> Env<'p> {
    /// The variables of a new function frame.
    fn func(n: i64, res: Option<Rc<Cell<i64>>>) -> Env<'p> {
        Env { n: Rc::new(Cell::new(n)), res, loops: Vec::new(), in_loop: 0, defer_to: None, yield_to: None }
    }

    /// What a closure literal sees: the same variables, its own frame and loops.
    fn closure(&self) -> Env<'p> {
        Env { in_loop: 0, defer_to: None, ..self.clone() }
    }
}

struct Frame<'p> {
    id: u64,
    defers: Vec<DeferRec<'p>>,
}

/// Go's `_panic` record.
struct Panic {
    val: Val,
    recovered: bool,
    /// Index in `frames` of the frame that raised it.
    start: usize,
    /// Frame id of the deferred call it is running.
    running: Option<u64>,
}

struct Machine<'p> {
    prog: &'p Program,
    frames: Vec<Frame<'p>>,
    panics: Vec<Panic>,
    out: String,
    steps: u64,
    budget: u64,
    next_id: u64,
    ev: Events,
    fatal: Vec<String>,
}

type R<T> = Result<T, Unwind>;

impl<'p> Machine<'p> {
    fn fresh(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    fn step(&mut self) -> R<()> {
        self.steps += 1;
        if self.steps > self.budget || self.out.len() > 1 << 20 {
            return Err(Unwind::Budget);
        }
        Ok(())
    }

    fn println(&mut self, items: &[String]) {
        self.out.push_str(&items.join(" "));
        self.out.push('\n');
    }

    fn run_main(&mut self) -> R<()> {
        let prog = self.prog;
        let env = Env::func(0, None);
        self.with_frame(None, |m| {
            m.println(&[format!("s{}", prog.main_ids.0)]);
            let arg = m.callee_arg(&env, 0, Arg::Const(prog.entry_arg));
            let v = m.call_func(0, arg, None)?;
            if prog.funcs[0].has_result {
                m.println(&[format!("s{}", prog.main_ids.1), v.to_string()]);
            }
            m.println(&["end".into()]);
            Ok(())
        })
    }

    /// Runs `body` as a new frame, then its deferreturn. `running_for` names the panic that invoked
    /// this frame as a deferred call. A recovery aimed at this frame resumes its deferreturn.
    fn with_frame(&mut self, running_for: Option<usize>, body: impl FnOnce(&mut Self) -> R<()>) -> R<()> {
        let id = self.fresh();
        self.frames.push(Frame { id, defers: Vec::new() });
        if let Some(p) = running_for {
            self.panics[p].running = Some(id);
        }
        let mut r = body(self);
        loop {
            match r {
                Ok(()) => {}
                Err(Unwind::Recover(t)) if t == id => {}
                Err(e) => {
                    self.frames.pop();
                    return Err(e);
                }
            }
            let next = self.frames.last_mut().expect("own frame").defers.pop();
            match next {
                None => break,
                Some(d) => r = self.run_defer(d, None),
            }
        }
        self.frames.pop();
        Ok(())
    }

    /// Calls a generated function; returns its result (0 without one).
    fn call_func(&mut self, callee: FuncIdx, arg: i64, running_for: Option<usize>) -> R<i64> {
        let prog = self.prog;
        let f = &prog.funcs[callee];
        let res = f.has_result.then(|| Rc::new(Cell::new(0)));
        let mut env = Env::func(arg, res.clone());
        self.with_frame(running_for, |m| {
            if m.exec_block(&f.body, &mut env)? == Flow::Return {
                return Ok(());
            }
            if let FuncKind::Recursive { leaf, post, .. } = &f.kind {
                let n = env.n.get();
                if n >= 100 {
                    m.ev.deep = true;
                }
                if n > 0 {
                    m.call_func(callee, n - 1, None)?;
                } else if m.exec_block(leaf, &mut env)? == Flow::Return {
                    return Ok(());
                }
                m.exec_block(post, &mut env)?;
            }
            Ok(())
        })?;
        Ok(res.map_or(0, |c| c.get()))
    }

    fn exec_block(&mut self, b: &'p [Stmt], env: &mut Env<'p>) -> R<Flow> {
        for s in b {
            let f = self.exec_stmt(s, env)?;
            if f != Flow::Next {
                return Ok(f);
            }
        }
        Ok(Flow::Next)
    }

    /// A function literal's body: `break`/`continue` never leave it (the generator's rule).
    fn exec_closure(&mut self, b: &'p [Stmt], env: &mut Env<'p>) -> R<()> {
        let f = self.exec_block(b, env)?;
        debug_assert!(matches!(f, Flow::Next | Flow::Return), "{f:?} escaped a function literal");
        Ok(())
    }

    fn state(env: &Env, id: u32) -> Vec<String> {
        let mut v = vec![format!("s{id}"), env.n.get().to_string()];
        v.extend(env.loops.iter().map(|i| i.to_string()));
        if let Some(r) = &env.res {
            v.push(r.get().to_string());
        }
        v
    }

    fn arg(env: &Env, a: Arg) -> i64 {
        match a {
            Arg::NPlus(c) => env.n.get().wrapping_add(c),
            Arg::NLoopPlus(v, c) => env.n.get().wrapping_add(env.loops[v]).wrapping_add(c),
            Arg::Const(c) => c,
        }
    }

    fn callee_arg(&self, env: &Env, callee: FuncIdx, a: Arg) -> i64 {
        match self.prog.funcs[callee].kind {
            FuncKind::Recursive { depth, .. } => depth,
            FuncKind::Plain => Self::arg(env, a),
        }
    }

    fn panic_val(&mut self, env: &Env, id: u32, v: PanicVal) -> Val {
        match v {
            PanicVal::Int => Val::Int(id as i64),
            PanicVal::Code => Val::Code(id as i64),
            PanicVal::Str => Val::Str(format!("p{id}")),
            PanicVal::StrN => Val::Str(format!("p{id}:{}", env.n.get())),
            PanicVal::ErrNew => Val::ErrNew { msg: format!("e{id}"), uid: self.fresh() },
            PanicVal::MyErr => Val::MyErr(id as i64),
        }
    }

    fn exec_stmt(&mut self, s: &'p Stmt, env: &mut Env<'p>) -> R<Flow> {
        self.step()?;
        match s {
            Stmt::Print { id } => {
                let st = Self::state(env, *id);
                self.println(&st);
            }
            Stmt::Bump { delta } => env.n.set(env.n.get().wrapping_add(*delta)),
            Stmt::SetRes { mul, add } => {
                let r = env.res.as_ref().expect("res in scope");
                r.set(r.get().wrapping_mul(*mul).wrapping_add(*add));
            }
            Stmt::Call { id, callee, arg } => {
                let a = self.callee_arg(env, *callee, *arg);
                let v = self.call_func(*callee, a, None)?;
                if self.prog.funcs[*callee].has_result {
                    self.println(&[format!("s{id}"), v.to_string()]);
                }
            }
            Stmt::If { cond, then, els } => {
                let (x, m, r) = match *cond {
                    Cond::NMod { m, r } => (env.n.get(), m, r),
                    Cond::LoopMod { var, m, r } => (env.loops[var], m, r),
                };
                let b = if x % m == r { then } else { els };
                return self.exec_block(b, env);
            }
            Stmt::Loop { count, body } => {
                env.in_loop += 1;
                env.loops.push(0);
                let mut flow = Flow::Next;
                for i in 0..*count {
                    *env.loops.last_mut().expect("loop var") = i;
                    match self.exec_block(body, env)? {
                        Flow::Next | Flow::Continue => {}
                        Flow::Break => break,
                        Flow::Return => {
                            flow = Flow::Return;
                            break;
                        }
                    }
                }
                env.loops.pop();
                env.in_loop -= 1;
                return Ok(flow);
            }
            Stmt::Defer { id, what } => {
                if env.in_loop > 0 {
                    self.ev.chained = true;
                }
                let rec = match what {
                    Deferred::Closure(body) => DeferRec::Closure { body, env: env.closure() },
                    Deferred::Call { callee, arg } => {
                        DeferRec::Call { callee: *callee, arg: self.callee_arg(env, *callee, *arg) }
                    }
                    Deferred::Recoverer(via) => DeferRec::Recoverer { via: *via, id: *id },
                    Deferred::Print => {
                        let st = Self::state(env, *id);
                        DeferRec::Print(st.join(" "))
                    }
                    Deferred::Panic(v) => DeferRec::Panic(self.panic_val(env, *id, *v)),
                    Deferred::NilFunc => DeferRec::NilFunc,
                };
                let to = env.defer_to.unwrap_or(self.frames.len() - 1);
                if env.defer_to.is_some() {
                    self.ev.body_defer = true;
                }
                self.frames[to].defers.push(rec);
            }
            Stmt::Panic { id, val } => {
                let v = self.panic_val(env, *id, *val);
                self.panic(v)?;
            }
            Stmt::Runtime { err, .. } => {
                let n = env.n.get();
                let kind = match *err {
                    RtErr::Index { m } => {
                        let i = n % m;
                        if (0..3).contains(&i) { None } else { Some(RtKind::Index(i)) }
                    }
                    RtErr::Div { m } => (n % m == 0).then_some(RtKind::Div),
                    RtErr::NilMap => Some(RtKind::NilMap),
                    RtErr::NilDeref => Some(RtKind::NilDeref),
                    RtErr::TypeAssert => Some(RtKind::TypeAssert(self.fresh())),
                };
                if let Some(k) = kind {
                    self.ev.runtime_error = true;
                    self.panic(Val::Rt(k))?;
                }
            }
            Stmt::Recover { id, how } => self.recover_stmt(*id, *how)?,
            Stmt::Return => return Ok(Flow::Return),
            Stmt::ReturnVal(a) => {
                let v = Self::arg(env, *a);
                env.res.as_ref().expect("res in scope").set(v);
                return Ok(Flow::Return);
            }
            Stmt::Invoke(body) => {
                let mut inner = env.closure();
                self.with_frame(None, |m| m.exec_closure(body, &mut inner))?;
            }
            Stmt::Range { iter, arg, body } => return self.range(*iter, Self::arg(env, *arg), body, env),
            Stmt::Yield { id, arg, how } => {
                let lp = env.yield_to.clone().expect("yield in scope");
                let more = self.yield_call(&lp, Self::arg(env, *arg))?;
                match how {
                    YieldHow::Checked if !more => {
                        let mut st = Self::state(env, *id);
                        st.truncate(2 + env.loops.len()); // without `res`
                        self.println(&st);
                        return Ok(Flow::Return);
                    }
                    YieldHow::Checked | YieldHow::Ignored => {}
                    YieldHow::Printed => self.println(&[format!("s{id}"), more.to_string()]),
                }
            }
            Stmt::Break => return Ok(Flow::Break),
            Stmt::Continue => return Ok(Flow::Continue),
        }
        Ok(Flow::Next)
    }

    /// `for i := range it<iter>(arg) { body }` in the frame on top (gc's rewrite: `#state =
    /// READY; it(arg)(bodyfunc); if #state == PANIC { panic(MISSING_PANIC) }; #state = EXHAUSTED;
    /// if #next == -1 { return }`).
    fn range(&mut self, iter: usize, arg: i64, body: &'p [Stmt], env: &Env<'p>) -> R<Flow> {
        self.ev.range_loop = true;
        let benv = Env {
            in_loop: env.in_loop + 1,
            defer_to: Some(env.defer_to.unwrap_or(self.frames.len() - 1)),
            ..env.clone()
        };
        let lp = Rc::new(RangeLoop { state: Cell::new(RfState::Ready), returned: Cell::new(false), body, env: benv });
        let prog = self.prog;
        let mut ienv = Env { yield_to: Some(lp.clone()), ..Env::func(arg, None) };
        self.with_frame(None, |m| m.exec_closure(&prog.iters[iter].body, &mut ienv))?;
        if lp.state.get() == RfState::Panic {
            self.ev.range_error = true;
            self.panic(Val::Rt(RtKind::Range(RangeErr::MissingPanic)))?;
        }
        lp.state.set(RfState::Exhausted);
        Ok(if lp.returned.get() { Flow::Return } else { Flow::Next })
    }

    /// The iterator calls `yield(v)`: the body runs as a new frame (gc's body closure, entered
    /// with gc's state check); returns yield's result.
    fn yield_call(&mut self, lp: &Rc<RangeLoop<'p>>, v: i64) -> R<bool> {
        let mut more = false;
        self.with_frame(None, |m| {
            let st = lp.state.replace(RfState::Panic);
            let bad = match st {
                RfState::Ready => None,
                RfState::Done => Some(RangeErr::Done),
                RfState::Panic => Some(RangeErr::Panic),
                RfState::Exhausted => Some(RangeErr::Exhausted),
            };
            if let Some(e) = bad {
                m.ev.range_error = true;
                return m.panic(Val::Rt(RtKind::Range(e)));
            }
            let mut env = lp.env.clone();
            env.loops.push(v);
            match m.exec_block(lp.body, &mut env)? {
                Flow::Next | Flow::Continue => {
                    lp.state.set(RfState::Ready);
                    more = true;
                }
                Flow::Break => lp.state.set(RfState::Done),
                Flow::Return => {
                    lp.returned.set(true);
                    lp.state.set(RfState::Done);
                }
            }
            Ok(())
        })?;
        Ok(more)
    }

    fn recover_stmt(&mut self, id: u32, how: RecoverHow) -> R<()> {
        let tag = format!("s{id}");
        match how {
            RecoverHow::Direct => {
                let v = self.recover();
                self.println(&[tag, v.display()]);
            }
            RecoverHow::Helper => {
                let mut v = Val::Nil;
                self.with_frame(None, |m| {
                    v = m.recover();
                    Ok(())
                })?;
                self.println(&[tag, v.display()]);
            }
            RecoverHow::CallRecoverer => {
                self.with_frame(None, |m| {
                    let v = m.recover();
                    m.println(&[tag, v.display()]);
                    Ok(())
                })?;
            }
            RecoverHow::Repanic => {
                let v = self.recover();
                self.println(&[tag, v.display()]);
                if v != Val::Nil {
                    self.panic(Val::Str(format!("r{id}:{}", v.display())))?;
                }
            }
        }
        Ok(())
    }

    /// Go's `gorecover`, called directly by the function of the top frame.
    fn recover(&mut self) -> Val {
        let cur = self.frames.last().expect("frame").id;
        let in_flight = !self.panics.is_empty();
        match self.panics.last_mut() {
            Some(p) if !p.recovered && p.running == Some(cur) => {
                p.recovered = true;
                self.ev.recovered = true;
                p.val.clone()
            }
            _ => {
                if in_flight {
                    self.ev.recover_nil = true;
                }
                Val::Nil
            }
        }
    }

    fn run_defer(&mut self, d: DeferRec<'p>, by_panic: Option<usize>) -> R<()> {
        match d {
            DeferRec::Closure { body, env } => {
                let mut env = env;
                self.with_frame(by_panic, |m| m.exec_closure(body, &mut env))
            }
            DeferRec::Call { callee, arg } => self.call_func(callee, arg, by_panic).map(drop),
            DeferRec::Recoverer { via, id } => self.with_frame(by_panic, |m| {
                let v = m.recover();
                let mut items = vec![format!("s{id}")];
                if via != RecVia::Func {
                    items.push(id.to_string());
                }
                items.push(v.display());
                m.println(&items);
                Ok(())
            }),
            DeferRec::Print(text) => {
                self.out.push_str(&text);
                self.out.push('\n');
                Ok(())
            }
            DeferRec::Panic(v) => self.with_frame(by_panic, |m| m.panic(v)),
            DeferRec::NilFunc => {
                self.ev.runtime_error = true;
                self.with_frame(by_panic, |m| m.panic(Val::Rt(RtKind::NilDeref)))
            }
        }
    }

    /// Go's `gopanic` raised by the top frame.
    fn panic(&mut self, val: Val) -> R<()> {
        if !self.panics.is_empty() {
            self.ev.nested = true;
        }
        let start = self.frames.len() - 1;
        self.panics.push(Panic { val, recovered: false, start, running: None });
        let me = self.panics.len() - 1;
        let mut fi = start;
        loop {
            while let Some(d) = self.frames[fi].defers.pop() {
                self.run_defer(d, Some(me))?;
                if self.panics[me].recovered {
                    return Err(self.recovery(me, fi));
                }
            }
            if fi == 0 {
                break;
            }
            fi -= 1;
        }
        self.ev.unrecovered = true;
        // Go 1.25+ folds an adjacent pair with identical values into one `[recovered, repanicked]`
        // line; Go 1.19 prints both. Equal values approximate identity conservatively.
        if self.panics.windows(2).any(|w| w[0].val == w[1].val) {
            self.ev.version_sensitive = true;
        }
        if self.panics.len() > 1 {
            self.ev.aborted = true;
        }
        for (k, p) in self.panics.iter().enumerate() {
            let mut line = String::new();
            if k > 0 {
                line.push('\t');
            }
            let _ = write!(line, "panic: {}", p.val.panic_text());
            if p.recovered {
                line.push_str(" [recovered]");
            }
            self.fatal.push(line);
        }
        Err(Unwind::Fatal)
    }

    /// Go's `recovery`: panic `me` was recovered by a defer of frame `fi`. Removes every panic that
    /// started in that frame or deeper and resumes the frame.
    fn recovery(&mut self, me: usize, fi: usize) -> Unwind {
        while let Some(p) = self.panics.last() {
            if p.start < fi {
                break;
            }
            if self.panics.len() - 1 != me && !p.recovered {
                self.ev.aborted = true;
            }
            self.panics.pop();
        }
        debug_assert!(self.panics.len() <= me, "the recovered panic is removed");
        Unwind::Recover(self.frames[fi].id)
    }
}
