//! The compile pipeline behind the CLI: read -> parse -> check -> lower -> codegen -> run.
//!
//! Owns phase ordering, diagnostics rendering (gc's `file:line:col: msg` on stderr, exit status 1)
//! and the `--time` phase report. It holds no compiler logic of its own.

use crate::diag::{Diagnostic, SourceFile, SourceMap};
use crate::{jit, limits, load, lower, syntax, types};
use std::collections::HashMap;
use std::sync::Arc;
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
pub struct Timings {
    phases: Vec<(&'static str, Duration)>,
    /// Lines printed after the phases (code generation threads, cache use, GOROOT lookup).
    notes: Vec<String>,
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
        for n in &self.notes {
            eprintln!("gojit: {n}");
        }
        if let Some(g) = load::goroot::lookup_note() {
            eprintln!("gojit: {g}");
        }
        match crate::cache::global() {
            Some(c) => eprintln!("gojit: {}", c.summary()),
            None => eprintln!("gojit: cache off"),
        }
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

/// A loaded and checked program.
pub struct Front {
    pub loaded: load::Loaded,
    pub checked: types::Checked,
    /// What loading read (for a program image, `crate::image`).
    pub inputs: Vec<load::inputs::Input>,
}

/// The lines a failed compile prints on stderr, in gc's format.
pub type Failure = Vec<String>;

/// Renders the diagnostics of package `pkg` of a loaded program: in package mode with the go
/// command's `# import/path` line first (files named on the command line print bare).
fn render(loaded: &load::Loaded, pkg: usize, diags: &[Diagnostic]) -> Failure {
    let mut out = vec![];
    if loaded.package_mode || pkg + 1 != loaded.packages.len() {
        out.push(format!("# {}", loaded.packages[pkg].path));
    }
    out.extend(diags.iter().map(|d| loaded.sources.render(d)));
    out
}

/// Loads the program named by `args` (files, a directory or a package path, see `load`) and
/// type-checks every package. Runs on the compiler stack.
fn front_end_args(args: &[String], t: &mut Timings, goal: types::Goal) -> Result<Front, Failure> {
    let (loaded, read) = t.phase("parse", || load::inputs::record(|| load::load(args, &|p| types::modelled_package(p).is_some())));
    let loaded = loaded.map_err(|e| e.lines)?;
    let inputs: Vec<types::PackageInput<'_>> = loaded
        .packages
        .iter()
        .map(|p| types::PackageInput {
            path: p.path.clone(),
            files: p.files.iter().map(|&f| &loaded.files[f]).collect(),
            std: p.std,
            imports: p.imports.iter().map(|&i| (loaded.packages[i].path.clone(), i)).collect(),
            lang: p.lang.clone(),
        })
        .collect();
    // A compiler panic (an internal compiler error) is reported with the root package.
    let root = loaded.packages.len() - 1;
    let checked = t.phase("check", || guarded(|| Ok(types::check_program(&inputs, &loaded.sources, loaded.node_count, goal))));
    drop(inputs);
    match checked {
        Ok(Ok(checked)) => Ok(Front { loaded, checked, inputs: read }),
        Ok(Err((pkg, diags))) => Err(render(&loaded, pkg, &diags)),
        Err(diags) => Err(render(&loaded, root, &diags)),
    }
}

fn print_failure(lines: &[String]) {
    for l in lines {
        eprintln!("{l}");
    }
}

/// `gojit check ARGS`: 0 when the package is valid (a program or a library), 1 with
/// diagnostics otherwise.
pub fn check_args(args: &[String]) -> i32 {
    // SAFETY: loading and checking use no thread-local state the caller sees (the panic guard's
    // location record is set and read on the compiler thread), and return plain data. The ASTs
    // are dropped there too: their depth is bounded by the nesting budget, not this stack.
    let result = unsafe { limits::on_compiler_stack(|| front_end_args(args, &mut Timings::default(), types::Goal::Package).map(drop)) };
    match result {
        Ok(()) => 0,
        Err(lines) => {
            print_failure(&lines);
            1
        }
    }
}

/// The hook table (`lower::hooks::HOOKS`) compared with the program named by `args` (loaded
/// and checked as `gojit run` does).
pub fn audit_hooks(args: &[String]) -> Result<lower::hooks::Audit, Failure> {
    // SAFETY: as in `check_args`.
    unsafe {
        limits::on_compiler_stack(|| {
            let front = front_end_args(args, &mut Timings::default(), types::Goal::Program)?;
            let files: Vec<&syntax::ast::File> = front.loaded.packages.iter().flat_map(|p| p.files.iter().map(|&f| &front.loaded.files[f])).collect();
            Ok(lower::hooks::audit(&files, &front.checked.types, &front.checked.info))
        })
    }
}

/// `gojit check FILE` (one file).
pub fn check_file(path: &str) -> i32 {
    check_args(&[path.to_string()])
}

/// Compiles the program named by `args`; `before_link` may inspect the JIT module before it is
/// linked. Runs the whole compile on the compiler stack.
pub fn compile_args<R>(
    args: &[String],
    opts: CompileOptions,
    t: &mut Timings,
    before_link: impl FnOnce(&mut jit::Jit) -> R,
) -> Result<(jit::Program, R, String), Failure> {
    compile_args_imaged(args, opts, t, None, before_link)
}

/// [`compile_args`], also storing the program's image under `image_key` (see `crate::image`)
/// when the cache is on and the program allows one.
fn compile_args_imaged<R>(
    args: &[String],
    opts: CompileOptions,
    t: &mut Timings,
    image_key: Option<&[u8]>,
    before_link: impl FnOnce(&mut jit::Jit) -> R,
) -> Result<(jit::Program, R, String), Failure> {
    // SAFETY: as in `check_args`; the linked program is finished code and tables that the
    // runtime reads from any thread; `opts.extra_symbols` are addresses and `before_link` runs
    // while the caller waits.
    unsafe {
        limits::on_compiler_stack(|| {
            let mut front = front_end_args(args, t, types::Goal::Program)?;
            let root = front.loaded.packages.len() - 1;
            let name = program_name(&front.loaded);
            let image = image_key.map(|k| ImageRequest { key: k, inputs: std::mem::take(&mut front.inputs), name: name.clone() });
            guarded(|| compile_front(&front, opts, t, image, before_link))
                .map(|(p, r)| (p, r, name))
                .map_err(|d| render(&front.loaded, root, &d))
        })
    }
}

/// What is needed to store a program's image once it is compiled.
struct ImageRequest<'k> {
    key: &'k [u8],
    inputs: Vec<load::inputs::Input>,
    name: String,
}

/// The program's image from the cache, linked and ready to run, and its `os.Args[0]`; `None`
/// (with the reason in `--time`'s notes) when there is none to use.
fn run_image(key: &[u8], t: &mut Timings) -> Option<(jit::Program, String)> {
    let cache = crate::cache::global()?;
    // mapping and decoding; the decoded image borrows its code and data from the mapped entry
    let entry = t.phase("image", || crate::image::lookup(cache, key));
    let decoded = entry.as_ref().map_err(|&why| why);
    let img = match t.phase("decode", || decoded.and_then(|e| e.decode())) {
        Ok(img) => img,
        Err(why) => {
            t.notes.push(format!("image: miss ({why})"));
            return None;
        }
    };
    let restored = t.phase("link", || crate::image::restore(img));
    match restored {
        Ok(p) => {
            t.notes.push("image: hit".to_string());
            Some(p)
        }
        Err(crate::image::RestoreError::Stale) => {
            t.notes.push("image: miss (a source changed)".to_string());
            None
        }
        Err(e) => {
            t.notes.push(format!("image: not restored ({e:?}), compiling"));
            None
        }
    }
}

/// `os.Args[0]` of a program: the file's name without `.go` for files named on the command
/// line, the package directory's name otherwise (as `go run` names its binary).
fn program_name(loaded: &load::Loaded) -> String {
    let root = loaded.root();
    if !loaded.package_mode {
        let first = &loaded.sources.files()[root.files[0]].name;
        return first.strip_suffix(".go").unwrap_or(first).to_string();
    }
    root.path.rsplit('/').next().unwrap_or("main").to_string()
}

/// `gojit run ARGS`: compiles and runs the program; returns its exit status.
pub fn run_args(args: &[String], opts: &RunOptions) -> i32 {
    let mut t = Timings::default();
    let key = crate::cache::global().filter(|_| crate::image::enabled()).map(|_| crate::image::key(args));
    let image = key.as_deref().and_then(|k| run_image(k, &mut t));
    let (program, name) = match image {
        Some(p) => p,
        None => match compile_args_imaged(args, CompileOptions::default(), &mut t, key.as_deref(), |_| ()) {
            Ok((p, (), name)) => (p, name),
            Err(lines) => {
                print_failure(&lines);
                return 1;
            }
        },
    };
    if opts.perf_map {
        if let Err(e) = crate::dump::perfmap::write_for_process(&program) {
            eprintln!("gojit: cannot write the perf map: {e}");
        }
    }
    gojit_runtime::panic::gort_set_trace(opts.trace_panics);
    gojit_runtime::sys::args::set_goroot_finder(|| crate::load::goroot::goroot().ok().map(|p| p.display().to_string()));
    if crate::load::goroot::lookup_note().is_some()
        && let Some((file, line)) = crate::load::goroot::gopanic_call_site()
    {
        gojit_runtime::callers::set_gopanic_position(file, line);
    }
    gojit_runtime::callers::set_gopanic_finder(crate::load::goroot::gopanic_call_site);
    gojit_runtime::sys::args::set_os_args(std::iter::once(name).chain(opts.args.iter().cloned()).collect());
    let status = t.phase("run", || program.run_main());
    if opts.time {
        t.report();
    }
    // Code stays mapped until the process exits: tearing the module down would only cost time.
    std::mem::forget(program);
    status
}

/// `gojit run FILE`: one file.
pub fn run_file(path: &str, opts: &RunOptions) -> i32 {
    run_args(&[path.to_string()], opts)
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

/// The whole pipeline on one file's bytes, for a tool that wants the linked program rather than
/// running it: parse, check, lower, then `before_link` may inspect the JIT module, then link.
/// Compiler panics become diagnostics. Returns the source file (to render diagnostics) and the
/// outcome.
pub fn compile_bytes<R>(
    path: &str,
    bytes: &[u8],
    opts: CompileOptions,
    before_link: impl FnOnce(&mut jit::Jit) -> R,
) -> (SourceFile, Result<(jit::Program, R), Vec<Diagnostic>>) {
    // SAFETY: as in `compile_args`.
    unsafe {
        limits::on_compiler_stack(|| {
            let mut t = Timings::default();
            let (src, result) = front_end(path, bytes, &mut t, types::Goal::Program);
            let result = result.and_then(|(file, checked)| {
                let map = SourceMap::single(SourceFile::new(src.name.clone(), src.text.clone()));
                let packages = [(String::from("main"), vec![0])];
                guarded(|| compile(&[&file], &map, &packages, &checked, opts, &mut t, None, before_link))
            });
            (src, result)
        })
    }
}

/// Lowers a checked program to machine code and links it.
fn compile_front<R>(
    front: &Front,
    opts: CompileOptions,
    t: &mut Timings,
    image: Option<ImageRequest<'_>>,
    before_link: impl FnOnce(&mut jit::Jit) -> R,
) -> Result<(jit::Program, R), Vec<Diagnostic>> {
    let files: Vec<&syntax::ast::File> = front.loaded.packages.iter().flat_map(|p| p.files.iter().map(|&f| &front.loaded.files[f])).collect();
    let packages: Vec<(String, Vec<usize>)> = front.loaded.packages.iter().map(|p| (p.path.clone(), p.files.clone())).collect();
    compile(&files, &front.loaded.sources, &packages, &front.checked, opts, t, image, before_link)
}

/// Lowers and links a checked program. `packages` lists each package's import path and its
/// files (indices into `src`), the root package last.
fn compile<R>(
    files: &[&syntax::ast::File],
    src: &SourceMap,
    packages: &[(String, Vec<usize>)],
    checked: &types::Checked,
    opts: CompileOptions,
    t: &mut Timings,
    image: Option<ImageRequest<'_>>,
    before_link: impl FnOnce(&mut jit::Jit) -> R,
) -> Result<(jit::Program, R), Vec<Diagnostic>> {
    let internal = |e: jit::JitError| vec![Diagnostic::new(Default::default(), format!("internal compiler error: {e}"))];
    let mut jit = jit::Jit::new_with_extra_symbols(opts.extra_symbols).map_err(internal)?;
    jit.set_source_file(absolute_path(&src.files()[0].name));
    jit.set_keep_clif(opts.keep_clif);
    if let Some(cache) = crate::cache::global() {
        let (pack_of, default_pack) = code_packs(src, packages);
        jit.set_cache(Some(cache), pack_of, default_pack);
    }
    jit.set_threads(jit::codegen::default_threads());
    if image.is_some() {
        jit.record_image();
    }
    let lowered = t.phase("lower", || lower::lower_packages(files, src, &checked.types, &checked.info, &mut jit))?;
    // With worker threads, code generation overlaps lowering; this phase is what is left of it.
    t.phase("codegen", || jit.wait()).map_err(internal)?;
    t.phase("store", || jit.flush_cache());
    let s = jit.codegen_stats();
    let get = |a: &std::sync::atomic::AtomicU64| a.load(std::sync::atomic::Ordering::Relaxed);
    t.notes.push(format!(
        "codegen: {} functions compiled, {} from the cache, {:.3} ms CPU on {}",
        get(&s.compiled),
        get(&s.cached),
        get(&s.busy_ns) as f64 / 1e6,
        match jit.threads() {
            0 => "the lowering thread".to_string(),
            n => format!("{n} worker threads"),
        }
    ));
    // The image is taken before linking: linking and patching are redone when it is restored.
    let captured = image.map(|req| (req.key, crate::image::capture(req.inputs, req.name, &jit, &lowered)));
    let extra = before_link(&mut jit);
    let program = t.phase("link", || jit.finalize(Some(lowered.main))).map_err(internal)?;
    lowered.patch(|id| program.address(id));
    match captured {
        Some((key, Ok(img))) => {
            if let Some(cache) = crate::cache::global() {
                t.phase("image", || crate::image::store(cache, key, &img));
                t.notes.push("image: written".to_string());
            }
        }
        Some((_, Err(why))) => t.notes.push(format!("image: not written ({why})")),
        None => {}
    }
    Ok((program, extra))
}

/// The code-cache pack of each source file (by absolute path, as `jit::FuncMeta::file`) and the
/// pack of functions with no file of their own (the root package's): one pack per package, keyed
/// by its import path and the names and contents of its files, so an edited package gets a fresh
/// pack (see `jit::codegen`).
fn code_packs(src: &SourceMap, packages: &[(String, Vec<usize>)]) -> (HashMap<String, Arc<[u8]>>, Arc<[u8]>) {
    use sha2::{Digest, Sha256};
    let mut pack_of = HashMap::new();
    let mut last: Arc<[u8]> = Arc::from(&b"no package"[..]);
    for (path, files) in packages {
        let mut h = Sha256::new();
        h.update(b"gojit code pack\0");
        h.update((path.len() as u64).to_le_bytes());
        h.update(path.as_bytes());
        for &f in files {
            let file = &src.files()[f];
            for part in [file.name.as_bytes(), file.text.as_bytes()] {
                h.update((part.len() as u64).to_le_bytes());
                h.update(part);
            }
        }
        let key: Arc<[u8]> = Arc::from(&h.finalize()[..]);
        for &f in files {
            pack_of.insert(absolute_path(&src.files()[f].name), key.clone());
        }
        last = key;
    }
    (pack_of, last)
}

/// The absolute form of `path`, as gc prints source files in tracebacks.
pub fn absolute_path(path: &str) -> String {
    std::path::absolute(path).map(|p| p.display().to_string()).unwrap_or_else(|_| path.to_string())
}
