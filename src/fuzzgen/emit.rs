//! Go source emission for generated programs.
//!
//! `standalone` prints one program as a complete `package main` file. `batch` puts many programs in
//! one file (each program's functions prefixed `p<k>_`, selected by `os.Args[1]`) so one `go build`
//! serves many runs; each run is still its own process running exactly one program, so the
//! observable behaviour (stdout, panic chain, exit status) is identical to the standalone file.
//!
//! Invariant: the emitted text is valid Go accepted by gc 1.19 and later: no unused variables or
//! imports, every function with a result ends in `return`, loop variables are only passed by value.

use super::tree::*;
use std::fmt::Write;

/// Shared declarations: sinks for runtime-error expressions, the custom error and named types, and
/// the recover helpers.
const PRELUDE: &str = r#"var sink int
var nilMap map[int]int
var nilPtr *int
var anyVal any = "str"

type code int

type myErr struct{ code int }

func (e myErr) Error() string { return fmt.Sprint("myErr", e.code) }

type T struct{ id int }

func (t T) rec(tag string) { fmt.Println(tag, t.id, recover()) }

func (t *T) recp(tag string) { fmt.Println(tag, t.id, recover()) }

type recoverer interface{ rec(tag string) }

func rhelp() any { return recover() }

func rdirect(tag string) { fmt.Println(tag, recover()) }
"#;

/// One complete Go file running `p`.
pub fn standalone(p: &Program) -> String {
    let mut out = String::from("package main\n\n");
    out.push_str(&imports(uses_errors(p), false));
    out.push_str(PRELUDE);
    let mut e = Emitter { out, prefix: String::new(), prog: p };
    e.program("main");
    e.out
}

/// One Go file holding all `progs`; run program k with argument `k`.
pub fn batch(progs: &[Program]) -> String {
    let mut out = String::from("package main\n\n");
    out.push_str(&imports(progs.iter().any(uses_errors), true));
    out.push_str(PRELUDE);
    for (k, p) in progs.iter().enumerate() {
        let mut e = Emitter { out, prefix: format!("p{k}_"), prog: p };
        let main_name = format!("p{k}_main");
        e.program(&main_name);
        out = e.out;
    }
    out.push_str("\nfunc main() {\n\tswitch os.Args[1] {\n");
    for k in 0..progs.len() {
        let _ = writeln!(out, "\tcase \"{k}\":\n\t\tp{k}_main()");
    }
    out.push_str("\t}\n}\n");
    out
}

fn imports(errors: bool, os: bool) -> String {
    let mut s = String::from("import (\n");
    if errors {
        s.push_str("\t\"errors\"\n");
    }
    s.push_str("\t\"fmt\"\n");
    if os {
        s.push_str("\t\"os\"\n");
    }
    s.push_str(")\n\n");
    s
}

/// Whether the program uses `errors.New` (so the import is needed).
pub fn uses_errors(p: &Program) -> bool {
    fn block(b: &[Stmt]) -> bool {
        b.iter().any(stmt)
    }
    fn stmt(s: &Stmt) -> bool {
        match s {
            Stmt::Panic { val: PanicVal::ErrNew, .. } => true,
            Stmt::Defer { what: Deferred::Panic(PanicVal::ErrNew), .. } => true,
            Stmt::Defer { what: Deferred::Closure(b), .. } => block(b),
            Stmt::If { then, els, .. } => block(then) || block(els),
            Stmt::Loop { body, .. } | Stmt::Invoke(body) | Stmt::Range { body, .. } => block(body),
            _ => false,
        }
    }
    p.iters.iter().any(|it| block(&it.body))
        || p.funcs.iter().any(|f| {
        block(&f.body)
            || match &f.kind {
                FuncKind::Plain => false,
                FuncKind::Recursive { leaf, post, .. } => block(leaf) || block(post),
            }
    })
}

/// Scope facts needed to print a statement.
#[derive(Clone, Copy)]
struct Scope {
    /// Number of loop variables (`i0`..) in scope.
    loops: usize,
    /// `res` is in scope.
    res: bool,
    indent: usize,
}

impl Scope {
    fn deeper(self) -> Scope {
        Scope { indent: self.indent + 1, ..self }
    }
}

struct Emitter<'a> {
    out: String,
    prefix: String,
    prog: &'a Program,
}

impl Emitter<'_> {
    fn line(&mut self, sc: Scope, text: &str) {
        for _ in 0..sc.indent {
            self.out.push('\t');
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn fname(&self, k: FuncIdx) -> String {
        format!("{}f{k}", self.prefix)
    }

    fn iname(&self, k: usize) -> String {
        format!("{}it{k}", self.prefix)
    }

    fn program(&mut self, main_name: &str) {
        for k in 0..self.prog.funcs.len() {
            self.func(k);
        }
        for k in 0..self.prog.iters.len() {
            self.iter(k);
        }
        let (a, b) = self.prog.main_ids;
        let _ = writeln!(self.out, "\nfunc {main_name}() {{\n\tfmt.Println(\"s{a}\")");
        let sc = Scope { loops: 0, res: false, indent: 1 };
        let arg = match self.prog.funcs[0].kind {
            FuncKind::Recursive { depth, .. } => Arg::Const(depth),
            FuncKind::Plain => Arg::Const(self.prog.entry_arg),
        };
        self.stmt(sc, &Stmt::Call { id: b, callee: 0, arg });
        self.out.push_str("\tfmt.Println(\"end\")\n}\n");
    }

    fn func(&mut self, k: FuncIdx) {
        let f = &self.prog.funcs[k];
        let name = self.fname(k);
        let result = if f.has_result { " (res int)" } else { "" };
        let _ = writeln!(self.out, "\nfunc {name}(n int){result} {{");
        let sc = Scope { loops: 0, res: f.has_result, indent: 1 };
        self.block(sc, &f.body);
        if let FuncKind::Recursive { leaf, post, .. } = &f.kind {
            self.line(sc, "if n > 0 {");
            self.line(sc.deeper(), &format!("{name}(n - 1)"));
            self.line(sc, "} else {");
            self.block(sc.deeper(), leaf);
            self.line(sc, "}");
            self.block(sc, post);
        }
        if f.has_result {
            self.line(sc, "return");
        }
        self.out.push_str("}\n");
    }

    /// `func it<k>(n int) func(func(int) bool)`: the iterator is the returned closure, so `n` is its
    /// own copy of the argument.
    fn iter(&mut self, k: usize) {
        let name = self.iname(k);
        let _ = writeln!(self.out, "\nfunc {name}(n int) func(func(int) bool) {{\n\treturn func(yield func(int) bool) {{");
        let prog = self.prog;
        self.block(Scope { loops: 0, res: false, indent: 2 }, &prog.iters[k].body);
        self.out.push_str("\t}\n}\n");
    }

    fn block(&mut self, sc: Scope, b: &[Stmt]) {
        for s in b {
            self.stmt(sc, s);
        }
    }

    /// `n, i0, i1[, res]`: the state a trace line prints.
    fn state(sc: Scope, with_res: bool) -> String {
        let mut s = String::from("n");
        for i in 0..sc.loops {
            let _ = write!(s, ", i{i}");
        }
        if with_res && sc.res {
            s.push_str(", res");
        }
        s
    }

    fn arg(a: Arg) -> String {
        match a {
            Arg::NPlus(c) => format!("n+{c}"),
            Arg::NLoopPlus(v, c) => format!("n+i{v}+{c}"),
            Arg::Const(c) => format!("{c}"),
        }
    }

    fn cond(c: Cond) -> String {
        match c {
            Cond::NMod { m, r } => format!("n%{m} == {r}"),
            Cond::LoopMod { var, m, r } => format!("i{var}%{m} == {r}"),
        }
    }

    fn panic_val(id: u32, v: PanicVal) -> String {
        match v {
            PanicVal::Int => format!("{id}"),
            PanicVal::Code => format!("code({id})"),
            PanicVal::Str => format!("\"p{id}\""),
            PanicVal::StrN => format!("fmt.Sprint(\"p{id}:\", n)"),
            PanicVal::ErrNew => format!("errors.New(\"e{id}\")"),
            PanicVal::MyErr => format!("myErr{{{id}}}"),
        }
    }

    fn call_expr(&self, callee: FuncIdx, arg: Arg) -> String {
        let arg = match self.prog.funcs[callee].kind {
            FuncKind::Recursive { depth, .. } => Arg::Const(depth),
            FuncKind::Plain => arg,
        };
        format!("{}({})", self.fname(callee), Self::arg(arg))
    }

    fn stmt(&mut self, sc: Scope, s: &Stmt) {
        match s {
            Stmt::Print { id } => self.line(sc, &format!("fmt.Println(\"s{id}\", {})", Self::state(sc, true))),
            Stmt::Bump { delta } => self.line(sc, &format!("n += {delta}")),
            Stmt::SetRes { mul, add } => self.line(sc, &format!("res = res*{mul} + {add}")),
            Stmt::Call { id, callee, arg } => {
                let call = self.call_expr(*callee, *arg);
                if self.prog.funcs[*callee].has_result {
                    self.line(sc, &format!("fmt.Println(\"s{id}\", {call})"));
                } else {
                    self.line(sc, &call);
                }
            }
            Stmt::If { cond, then, els } => {
                self.line(sc, &format!("if {} {{", Self::cond(*cond)));
                self.block(sc.deeper(), then);
                if !els.is_empty() {
                    self.line(sc, "} else {");
                    self.block(sc.deeper(), els);
                }
                self.line(sc, "}");
            }
            Stmt::Loop { count, body } => {
                let v = sc.loops;
                self.line(sc, &format!("for i{v} := 0; i{v} < {count}; i{v}++ {{"));
                self.block(Scope { loops: v + 1, ..sc.deeper() }, body);
                self.line(sc, "}");
            }
            Stmt::Defer { id, what } => self.defer(sc, *id, what),
            Stmt::Panic { id, val } => self.line(sc, &format!("panic({})", Self::panic_val(*id, *val))),
            Stmt::Runtime { err, .. } => {
                let text = match err {
                    RtErr::Index { m } => format!("sink += []int{{1, 2, 3}}[n%{m}]"),
                    RtErr::Div { m } => format!("sink += 100 / (n % {m})"),
                    RtErr::NilMap => "nilMap[n] = 1".to_string(),
                    RtErr::NilDeref => "sink += *nilPtr".to_string(),
                    RtErr::TypeAssert => "sink += anyVal.(int)".to_string(),
                };
                self.line(sc, &text);
            }
            Stmt::Recover { id, how } => match how {
                RecoverHow::Direct => self.line(sc, &format!("fmt.Println(\"s{id}\", recover())")),
                RecoverHow::Helper => self.line(sc, &format!("fmt.Println(\"s{id}\", rhelp())")),
                RecoverHow::CallRecoverer => self.line(sc, &format!("rdirect(\"s{id}\")")),
                RecoverHow::Repanic => {
                    self.line(sc, "{");
                    let d = sc.deeper();
                    self.line(d, "r := recover()");
                    self.line(d, &format!("fmt.Println(\"s{id}\", r)"));
                    self.line(d, "if r != nil {");
                    self.line(d.deeper(), &format!("panic(fmt.Sprint(\"r{id}:\", r))"));
                    self.line(d, "}");
                    self.line(sc, "}");
                }
            },
            Stmt::Return => self.line(sc, "return"),
            Stmt::ReturnVal(a) => self.line(sc, &format!("return {}", Self::arg(*a))),
            Stmt::Range { iter, arg, body } => {
                let v = sc.loops;
                self.line(sc, &format!("for i{v} := range {}({}) {{", self.iname(*iter), Self::arg(*arg)));
                let inner = Scope { loops: v + 1, ..sc.deeper() };
                if !matches!(body.first(), Some(Stmt::Print { .. })) {
                    // A range variable must be used (gc: declared and not used).
                    self.line(inner, &format!("_ = i{v}"));
                }
                self.block(inner, body);
                self.line(sc, "}");
            }
            Stmt::Yield { id, arg, how } => {
                let call = format!("yield({})", Self::arg(*arg));
                match how {
                    YieldHow::Checked => {
                        self.line(sc, &format!("if !{call} {{"));
                        self.line(sc.deeper(), &format!("fmt.Println(\"s{id}\", {})", Self::state(sc, false)));
                        self.line(sc.deeper(), "return");
                        self.line(sc, "}");
                    }
                    YieldHow::Ignored => self.line(sc, &call),
                    YieldHow::Printed => self.line(sc, &format!("fmt.Println(\"s{id}\", {call})")),
                }
            }
            Stmt::Break => self.line(sc, "break"),
            Stmt::Continue => self.line(sc, "continue"),
            Stmt::Invoke(body) => {
                let params: Vec<String> = (0..sc.loops).map(|i| format!("i{i}")).collect();
                let decl = if params.is_empty() { String::new() } else { format!("{} int", params.join(", ")) };
                self.line(sc, &format!("func({decl}) {{"));
                self.block(sc.deeper(), body);
                self.line(sc, &format!("}}({})", params.join(", ")));
            }
        }
    }

    fn defer(&mut self, sc: Scope, id: u32, what: &Deferred) {
        match what {
            Deferred::Closure(body) => {
                let params: Vec<String> = (0..sc.loops).map(|i| format!("i{i}")).collect();
                let decl = if params.is_empty() { String::new() } else { format!("{} int", params.join(", ")) };
                self.line(sc, &format!("defer func({decl}) {{"));
                self.block(sc.deeper(), body);
                self.line(sc, &format!("}}({})", params.join(", ")));
            }
            Deferred::Call { callee, arg } => {
                let call = self.call_expr(*callee, *arg);
                self.line(sc, &format!("defer {call}"));
            }
            Deferred::Recoverer(via) => match via {
                RecVia::Func => self.line(sc, &format!("defer rdirect(\"s{id}\")")),
                RecVia::Method => self.line(sc, &format!("defer T{{{id}}}.rec(\"s{id}\")")),
                RecVia::PtrMethod => self.line(sc, &format!("defer (&T{{{id}}}).recp(\"s{id}\")")),
                RecVia::MethodValue => {
                    self.line(sc, "{");
                    self.line(sc.deeper(), &format!("mv := T{{{id}}}.rec"));
                    self.line(sc.deeper(), &format!("defer mv(\"s{id}\")"));
                    self.line(sc, "}");
                }
                RecVia::Iface => {
                    self.line(sc, "{");
                    self.line(sc.deeper(), &format!("var rc recoverer = T{{{id}}}"));
                    self.line(sc.deeper(), &format!("defer rc.rec(\"s{id}\")"));
                    self.line(sc, "}");
                }
            },
            Deferred::Print => self.line(sc, &format!("defer fmt.Println(\"s{id}\", {})", Self::state(sc, true))),
            Deferred::Panic(v) => self.line(sc, &format!("defer panic({})", Self::panic_val(id, *v))),
            Deferred::NilFunc => {
                self.line(sc, "{");
                self.line(sc.deeper(), "var nf func()");
                self.line(sc.deeper(), "defer nf()");
                self.line(sc, "}");
            }
        }
    }
}
