//! The compile pipeline behind the CLI: read -> parse -> check -> lower -> codegen -> run.
//!
//! Owns phase ordering, diagnostics rendering (gc's `file:line:col: msg` on stderr, exit status 1)
//! and the `--time` phase report. It holds no compiler logic of its own.

use crate::diag::{Diagnostic, SourceFile};
use crate::{jit, limits, lower, syntax, types};
use std::time::{Duration, Instant};

/// Options of `gojit run`.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Print phase timings to stderr.
    pub time: bool,
    /// Narrate the panic machinery on stderr.
    pub trace_panics: bool,
    /// Write `/tmp/perf-<pid>.map`.
    pub perf_map: bool,
    /// `os.Args[1:]`.
    pub args: Vec<String>,
}

/// Wall-clock time of each phase, printed by `--time`.
#[derive(Default)]
struct Timings {
    phases: Vec<(&'static str, Duration)>,
}

impl Timings {
    /// Runs `f` as phase `name`, recording its duration.
    fn phase<T>(&mut self, name: &'static str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        self.phases.push((name, start.elapsed()));
        out
    }

    fn report(&self) {
        let total: Duration = self.phases.iter().map(|p| p.1).sum();
        for (name, d) in &self.phases {
            eprintln!("gojit: {name:<8} {:>9.3} ms", d.as_secs_f64() * 1e3);
        }
        eprintln!("gojit: {:<8} {:>9.3} ms", "total", total.as_secs_f64() * 1e3);
    }
}

/// Reads a source file's bytes, or reports why not (exit status 1).
fn read_source(path: &str) -> Result<Vec<u8>, i32> {
    std::fs::read(path).map_err(|e| {
        eprintln!("gojit: cannot read {path}: {e}");
        1
    })
}

/// Prints diagnostics in gc's format, in source order.
fn report(src: &SourceFile, diags: &[Diagnostic]) {
    for d in diags {
        eprintln!("{}", src.render(d));
    }
}

/// Parses and type-checks a file's bytes. Invalid UTF-8 is reported at its position, as gc does.
fn front_end(path: &str, bytes: &[u8], t: &mut Timings, goal: types::Goal) -> (SourceFile, Result<(syntax::ast::File, types::Checked), Vec<Diagnostic>>) {
    let (src, parsed) = t.phase("parse", || syntax::parse_bytes(path, bytes));
    let result = parsed.and_then(|file| {
        let check = match goal {
            types::Goal::Program => types::check,
            types::Goal::Package => types::check_package,
        };
        let checked = t.phase("check", || guarded(|| check(&file, &src)))?;
        Ok((file, checked))
    });
    (src, result)
}

/// `gojit check FILE`: 0 when the file is a valid package (a program or a library), 1 with
/// diagnostics otherwise.
pub fn check_file(path: &str) -> i32 {
    let bytes = match read_source(path) {
        Ok(b) => b,
        Err(code) => return code,
    };
    // SAFETY: parsing and checking use no thread-local state the caller sees (the panic guard's
    // location record is set and read on the compiler thread), and return plain data.
    // The AST is dropped there too: its depth is bounded by the nesting budget, not this stack.
    let (src, result) = unsafe {
        limits::on_compiler_stack(|| {
            let (src, result) = front_end(path, &bytes, &mut Timings::default(), types::Goal::Package);
            (src, result.map(drop))
        })
    };
    match result {
        Ok(()) => 0,
        Err(diags) => {
            report(&src, &diags);
            1
        }
    }
}

/// `gojit run FILE`: compiles and runs the program; returns its exit status.
pub fn run_file(path: &str, opts: &RunOptions) -> i32 {
    let bytes = match read_source(path) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let mut t = Timings::default();
    // SAFETY: compiling uses no thread-local state the caller sees (see `check_file`); the linked
    // program is finished code and tables that the runtime reads from any thread.
    let compiled = unsafe {
        limits::on_compiler_stack(|| {
            let (src, result) = front_end(path, &bytes, &mut t, types::Goal::Program);
            let result = result.and_then(|(file, checked)| {
                guarded(|| compile(&src, &file, &checked, CompileOptions::default(), &mut t, |_| ()))
            });
            result.map_err(|diags| (src, diags))
        })
    };
    let program = match compiled {
        Ok((p, ())) => p,
        Err((src, diags)) => {
            report(&src, &diags);
            return 1;
        }
    };
    if opts.perf_map {
        if let Err(e) = crate::dump::perfmap::write_for_process(&program) {
            eprintln!("gojit: cannot write the perf map: {e}");
        }
    }
    gojit_runtime::panic::gort_set_trace(opts.trace_panics);
    let program_name = path.strip_suffix(".go").unwrap_or(path).to_string();
    gojit_runtime::strpkg::set_os_args(std::iter::once(program_name).chain(opts.args.iter().cloned()).collect());
    let status = t.phase("run", || program.run_main());
    if opts.time {
        t.report();
    }
    status
}

/// Runs a compiler phase, turning a Rust panic (a compiler bug) into an `internal compiler error`
/// diagnostic instead of a crash with a backtrace. Runtime-phase panics are the runtime's business.
fn guarded<T>(f: impl FnOnce() -> Result<T, Vec<Diagnostic>>) -> Result<T, Vec<Diagnostic>> {
    install_quiet_panic_hook();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let msg = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("unknown panic");
        let at = LAST_PANIC_LOCATION.with(|l| l.take()).unwrap_or_default();
        Err(vec![Diagnostic::new(Default::default(), format!("internal compiler error: {msg} [{at}]"))])
    })
}

thread_local! {
    /// Where the last compiler panic happened, recorded by the quiet hook for the diagnostic.
    static LAST_PANIC_LOCATION: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// A panic hook that records the location instead of printing a message and backtrace.
fn install_quiet_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let at = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
            LAST_PANIC_LOCATION.with(|l| *l.borrow_mut() = Some(at));
        }));
    });
}

/// How to compile a program (the CLI uses the defaults; `dump` and tests set these).
#[derive(Default)]
pub struct CompileOptions {
    /// Keep each function's CLIF text (`jit::CompiledFunc::clif`).
    pub keep_clif: bool,
    /// Extra symbols bound in the JIT module, overriding runtime ones of the same name (tests use
    /// this to install hooks).
    pub extra_symbols: Vec<(&'static str, *const u8)>,
}

/// The whole pipeline for a tool that wants the linked program rather than running it: parse,
/// check, lower, then `before_link` may inspect the JIT module, then link. Compiler panics become
/// diagnostics. Returns the source file (to render diagnostics) and the outcome.
pub fn compile_bytes<R>(
    path: &str,
    bytes: &[u8],
    opts: CompileOptions,
    before_link: impl FnOnce(&mut jit::Jit) -> R,
) -> (SourceFile, Result<(jit::Program, R), Vec<Diagnostic>>) {
    // SAFETY: as in `run_file`; `opts.extra_symbols` are addresses, `before_link` runs while the
    // caller waits, and the caller's `R` is whatever it asked for.
    unsafe {
        limits::on_compiler_stack(|| {
            let mut t = Timings::default();
            let (src, result) = front_end(path, bytes, &mut t, types::Goal::Program);
            let result = result.and_then(|(file, checked)| guarded(|| compile(&src, &file, &checked, opts, &mut t, before_link)));
            (src, result)
        })
    }
}

/// Lowers a checked program to machine code and links it.
fn compile<R>(
    src: &SourceFile,
    file: &syntax::ast::File,
    checked: &types::Checked,
    opts: CompileOptions,
    t: &mut Timings,
    before_link: impl FnOnce(&mut jit::Jit) -> R,
) -> Result<(jit::Program, R), Vec<Diagnostic>> {
    let internal = |e: jit::JitError| vec![Diagnostic::new(Default::default(), format!("internal compiler error: {e}"))];
    let mut jit = jit::Jit::new_with_extra_symbols(opts.extra_symbols).map_err(internal)?;
    jit.set_source_file(absolute_path(&src.name));
    jit.set_keep_clif(opts.keep_clif);
    let lowered = t.phase("lower", || lower::lower_program(file, src, &checked.types, &checked.info, &mut jit))?;
    let extra = before_link(&mut jit);
    let program = t.phase("link", || jit.finalize(Some(lowered.main))).map_err(internal)?;
    lowered.patch(|id| program.address(id));
    Ok((program, extra))
}

/// The absolute form of `path`, as gc prints source files in tracebacks.
fn absolute_path(path: &str) -> String {
    std::path::absolute(path).map(|p| p.display().to_string()).unwrap_or_else(|_| path.to_string())
}
