//! The generated program tree: a small, closed language of Go functions built from defers, panics,
//! recovers, calls, conditionals, loops and range-over-func loops (with their iterator functions).
//!
//! Invariants (established by `gen`, relied on by `emit` and `model`):
//! - Calls only go from `funcs[i]` to `funcs[j]` with `j > i` (a DAG), except the single
//!   self-call of a `Recursive` function, whose argument strictly decreases: every program
//!   terminates.
//! - Every `id` is unique within a program; it names the trace line (`"s<id>"`) the statement prints
//!   so the output pins the exact order of events.
//! - Loop variables are never captured by reference: a closure receives every loop variable in
//!   scope as a parameter, so Go 1.19 and Go 1.22+ loop semantics agree.
//! - No `panic(nil)`: every panic value is non-nil (Go 1.21 changed its meaning).
//! - `Yield` only appears lexically inside an iterator body (`Program::iters`), `Break`/`Continue`
//!   only inside a loop or range body of the same function, and each iterator is ranged over by
//!   exactly one `Range` statement, generated with the function that owns it (so its calls keep
//!   the DAG rule of that function).

/// Index of a function in `Program::funcs`.
pub type FuncIdx = usize;

/// A whole generated program: `main` calls `funcs[0]` with `entry_arg`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    pub funcs: Vec<Func>,
    pub entry_arg: i64,
    /// Trace ids of main's first and last prints.
    pub main_ids: (u32, u32),
    /// Iterator functions `it<k>`, ranged over by `Stmt::Range { iter: k, .. }`.
    pub iters: Vec<Iter>,
}

/// An iterator `func it<k>(n int) func(func(int) bool) { return func(yield func(int) bool) { body } }`:
/// an ordinary function body (it may defer, recover, panic and call) that may also `Yield`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Iter {
    pub body: Vec<Stmt>,
}

/// How an iterator calls `yield`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YieldHow {
    /// `if !yield(v) { fmt.Println("s<id>", <state>); return }`: a well-behaved iterator.
    Checked,
    /// `yield(v)`: ignores a false result (calling yield again is gc's misuse error).
    Ignored,
    /// `fmt.Println("s<id>", yield(v))`: prints the result and goes on.
    Printed,
}

/// How a function is shaped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FuncKind {
    /// `func fK(n int) [(res int)] { body }`.
    Plain,
    /// `func fK(n int) { pre; if n > 0 { fK(n - 1) } else { leaf }; post }`, called with a fixed depth.
    Recursive { depth: i64, leaf: Vec<Stmt>, post: Vec<Stmt> },
}

/// One generated Go function `f<index>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Func {
    pub kind: FuncKind,
    /// Has the named result `res int` (always false for recursive functions).
    pub has_result: bool,
    /// The body (for recursive functions: the statements before the recursive call).
    pub body: Vec<Stmt>,
}

/// A deterministic condition evaluated at run time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cond {
    /// `n%m == r`.
    NMod { m: i64, r: i64 },
    /// `i<depth>%m == r` (a loop variable or closure parameter in scope).
    LoopMod { var: usize, m: i64, r: i64 },
}

/// An integer argument expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arg {
    /// `n + c`.
    NPlus(i64),
    /// `n + i<var> + c`.
    NLoopPlus(usize, i64),
    /// A constant (the depth passed to a recursive function).
    Const(i64),
}

/// Values given to `panic`. Every one embeds the statement id so values are unique.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanicVal {
    /// `panic(<id>)`.
    Int,
    /// `panic(code(<id>))` with `type code int`.
    Code,
    /// `panic("p<id>")`.
    Str,
    /// `panic(fmt.Sprint("p<id>:", n))`.
    StrN,
    /// `panic(errors.New("e<id>"))`.
    ErrNew,
    /// `panic(myErr{<id>})`, a custom error type.
    MyErr,
}

/// Runtime errors, each raised by ordinary Go code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RtErr {
    /// `sink += []int{1, 2, 3}[n%m]`: panics when `n%m >= 3`.
    Index { m: i64 },
    /// `sink += 100 / (n % m)`: panics when `n%m == 0`.
    Div { m: i64 },
    /// `nilMap[n] = 1`.
    NilMap,
    /// `sink += *nilPtr`.
    NilDeref,
    /// `sink += anyVal.(int)` where `anyVal` holds a string.
    TypeAssert,
}

/// The ways a statement can call `recover`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoverHow {
    /// `fmt.Println("s<id>", recover())`: a direct call from the enclosing function.
    Direct,
    /// `fmt.Println("s<id>", rhelp())` where `rhelp` returns `recover()`: never direct.
    Helper,
    /// `rdirect("s<id>")` called normally (not deferred): recover inside is not direct.
    CallRecoverer,
    /// `{ r := recover(); fmt.Println("s<id>", r); if r != nil { panic(fmt.Sprint("r<id>:", r)) } }`.
    Repanic,
}

/// Deferred function forms of `defer` statements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecVia {
    /// `defer rdirect("s<id>")`: a top-level function that calls recover.
    Func,
    /// `defer T{<id>}.rec("s<id>")`: value-receiver method call.
    Method,
    /// `defer (&T{<id>}).recp("s<id>")`: pointer-receiver method call.
    PtrMethod,
    /// `{ mv := T{<id>}.rec; defer mv("s<id>") }`: a method value.
    MethodValue,
    /// `{ var rc recoverer = T{<id>}; defer rc.rec("s<id>") }`: an interface method.
    Iface,
}

/// What a `defer` statement defers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Deferred {
    /// `defer func(<loop vars>) { body }(<loop vars>)`.
    Closure(Vec<Stmt>),
    /// `defer f<callee>(arg)`.
    Call { callee: FuncIdx, arg: Arg },
    /// A recoverer function or method (prints its tag, the T id and `recover()`).
    Recoverer(RecVia),
    /// `defer fmt.Println("s<id>", n, <loop vars>)` (arguments evaluated at the defer statement).
    Print,
    /// `defer panic(<value>)` (the builtin itself deferred).
    Panic(PanicVal),
    /// `{ var nf func(); defer nf() }`: panics (nil dereference) when the deferred call runs.
    NilFunc,
}

/// A statement of the generated language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stmt {
    /// `fmt.Println("s<id>", n, <loop vars>[, res])`.
    Print { id: u32 },
    /// `n += delta`.
    Bump { delta: i64 },
    /// `res = res*mul + add` (only where `res` is in scope).
    SetRes { mul: i64, add: i64 },
    /// `f<callee>(arg)`, or `fmt.Println("s<id>", f<callee>(arg))` when the callee has a result.
    Call { id: u32, callee: FuncIdx, arg: Arg },
    /// `if cond { then } else { els }`.
    If { cond: Cond, then: Vec<Stmt>, els: Vec<Stmt> },
    /// `for i<d> := 0; i<d> < count; i<d>++ { body }` where d is the loop nesting depth.
    Loop { count: i64, body: Vec<Stmt> },
    /// A defer statement.
    Defer { id: u32, what: Deferred },
    /// `panic(value)`.
    Panic { id: u32, val: PanicVal },
    /// A statement that may raise a runtime error.
    Runtime { id: u32, err: RtErr },
    /// A call of `recover` in one of several forms.
    Recover { id: u32, how: RecoverHow },
    /// `return` (naked).
    Return,
    /// `return <arg>` in a function with the named result `res` (sets `res`, then defers run).
    ReturnVal(Arg),
    /// `func(<loop vars>) { body }(<loop vars>)`: a closure called normally, with its own frame.
    Invoke(Vec<Stmt>),
    /// `for i<d> := range it<iter>(arg) { body }` (range over a function, Go 1.23): the body runs
    /// as gc's synthesized closure called by the iterator's `yield`; its defers belong to the
    /// enclosing function, its `return` returns from that function.
    Range { iter: usize, arg: Arg, body: Vec<Stmt> },
    /// A call of the enclosing iterator's `yield(arg)` (only inside an iterator body).
    Yield { id: u32, arg: Arg, how: YieldHow },
    /// `break` of the innermost loop or range loop.
    Break,
    /// `continue` of the innermost loop or range loop.
    Continue,
}
