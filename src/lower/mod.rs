//! Lower: translates the type-checked AST into Cranelift IR, one function at a time, with
//! cranelift-frontend, and defines the functions in the JIT module (DESIGN §3-4).
//!
//! Entry point: [`lower_program`]; after `Jit::finalize`, call [`LoweredProgram::patch`] with the
//! code addresses so static closures and method tables point at the compiled code.
//!
//! # Calling convention (all Go functions, methods, closures, wrappers)
//! `tail` CC; parameters: hidden `ctx: i64` (closure pointer, 0 for direct calls), the receiver,
//! then each parameter flattened to words (abi/mod.rs table); struct/array parameters are passed as
//! the address of a value the callee copies in its prologue; then one out pointer per struct/array
//! result. Returns: the words of each non-aggregate result in order.
//!
//! # Modules
//! `prog` (program state, declarations, globals), `body` (prologue/epilogue, return), `func`
//! (emission primitives), `stmt`, `expr`, `arith`, `call`, `defer` (open-coded and chained defers,
//! deferreturn block, wrappers), `typedesc` (Type/ITab builder), `tyview` (representations),
//! `rt` (runtime entry points), `hooks` (bodies gojit supplies for GOROOT's assembly and
//! linknamed functions), `hookgen` (their code), `reach` (which body-less functions a program
//! can call), `staticinit` (GOROOT package variables initialised at compile time).

mod arginfo;
mod arith;
mod blockabi;
mod body;
mod call;
mod chan;
mod complex;
mod defer;
mod entry_sink;
mod escape;
mod expr;
mod func;
mod hookgen;
mod linepos;
pub mod inline;
pub mod hooks;
mod prog;
mod prove;
mod rangefunc;
mod reach;
mod rt;
mod staticinit;
pub(crate) mod stackmaps;
mod stmt;
mod typedesc;
pub(crate) mod tyview;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt;

use cranelift_module::FuncId;

use crate::diag::{Diagnostic, SourceFile, SourceMap, Span};
use crate::syntax::ast;
use crate::types::{Info, ObjKind, TypeTable};

pub use defer::DeferKind;
pub use crate::jit::{FuncMeta as JitFuncMeta, Jit, KEY_CLOSURE_BASE, KEY_DEFERBITS};

/// Metadata passed with each defined function (converted to the JIT's `FuncMeta`).
#[derive(Clone, Debug)]
pub struct FuncMeta {
    pub go_name: String,
    pub decl_line: u32,
    pub defer_kind: DeferKind,
    pub is_wrapper: bool,
}

/// The lowering layer's error type.
#[derive(Debug)]
pub enum LowerError {
    /// A compiler bug (bad IR, missing checker information).
    Internal(String),
}

impl fmt::Display for LowerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LowerError::Internal(m) => write!(f, "{m}"),
        }
    }
}

/// The result of lowering a program.
pub struct LoweredProgram {
    /// `main.main` (which first runs the package variable initializers).
    pub main: FuncId,
    fixups: Vec<prog::Fixup>,
    /// Functions whose code is the runtime's (`hooks::Impl::Native`) and its address.
    natives: Vec<(FuncId, usize)>,
    /// See [`prog::Prog::outside_regions`].
    pub outside_regions: bool,
}

impl LoweredProgram {
    /// The words to patch after linking: `(address, function)`, where the function is either
    /// compiled (`Err(id)`) or the runtime's (`Ok(symbol name)`), for a program image.
    pub fn patch_list(&self) -> Vec<(usize, Result<&'static str, FuncId>)> {
        let syms = gojit_runtime::symbols();
        self.fixups
            .iter()
            .map(|f| {
                let native = self.natives.iter().find(|n| n.0 == f.func).and_then(|n| syms.iter().find(|s| s.1 as usize == n.1)).map(|s| s.0);
                (f.addr, native.ok_or(f.func))
            })
            .collect()
    }

    /// Writes code addresses into static closures and method tables. `addr` maps a `FuncId` to its
    /// finalized code address.
    pub fn patch(&self, addr: impl Fn(FuncId) -> Option<usize>) {
        for f in &self.fixups {
            let native = self.natives.iter().find(|n| n.0 == f.func).map(|n| n.1);
            if let Some(a) = native.or_else(|| addr(f.func)) {
                // SAFETY: `f.addr` is a leaked, word-aligned, writable word created by the lowerer
                // for exactly this purpose; nothing reads it before the program runs.
                unsafe { (f.addr as *mut usize).write(a) };
            }
        }
    }
}

/// Lowers every function of a checked one-file program into `jit` (tests' entry point).
pub fn lower_program(
    file: &ast::File,
    src: &SourceFile,
    types: &TypeTable,
    info: &Info,
    jit: &mut Jit,
) -> Result<LoweredProgram, Vec<Diagnostic>> {
    let map = SourceMap::single(SourceFile::new(src.name.clone(), src.text.clone()));
    lower_packages(&[file], &map, types, info, jit)
}

/// Lowers every function of a checked program (all its packages' files, in initialisation
/// order, as checked into `info`) into `jit`.
pub fn lower_packages(
    files: &[&ast::File],
    src: &SourceMap,
    types: &TypeTable,
    info: &Info,
    jit: &mut Jit,
) -> Result<LoweredProgram, Vec<Diagnostic>> {
    let mut p = prog::Prog::new(files.to_vec(), src, types, info, jit);
    // A lowering bug must surface as a diagnostic, never as a Rust panic with a backtrace.
    let hook = std::panic::take_hook();
    static AT: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());
    std::panic::set_hook(Box::new(|i| {
        if let (Some(l), Ok(mut at)) = (i.location(), AT.lock()) {
            *at = format!("{}:{}", l.file(), l.line());
        }
    }));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| lower_all(&mut p)));
    std::panic::set_hook(hook);
    let r = match r {
        Ok(r) => r,
        Err(e) => {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            let at = AT.lock().map(|a| a.clone()).unwrap_or_default();
            Err(LowerError::Internal(format!("code generation failed: {msg} [{at}]")))
        }
    };
    match r {
        Ok(main) if p.diags.is_empty() => {
            let syms = gojit_runtime::symbols();
            let natives = p
                .natives
                .iter()
                .filter_map(|&(id, sym)| syms.iter().find(|s| s.0 == sym).map(|s| (id, s.1 as usize)))
                .collect();
            Ok(LoweredProgram { main, fixups: std::mem::take(&mut p.fixups), natives, outside_regions: p.outside_regions })
        },
        Ok(_) => Err(std::mem::take(&mut p.diags)),
        Err(e) => {
            let mut d = std::mem::take(&mut p.diags);
            d.push(Diagnostic::new(Span::default(), format!("internal compiler error: {e}")));
            Err(d)
        }
    }
}

fn lower_all(p: &mut prog::Prog<'_>) -> Result<FuncId, LowerError> {
    let files = p.files.clone();
    let info = p.info;
    let root = info.packages.keys().last();
    // declare every function and method
    let mut main = None;
    let mut bodies = vec![];
    let mut init_fns: HashMap<ast::NodeId, FuncId> = HashMap::new();
    let decls = || files.iter().flat_map(|f| f.decls.iter());
    for d in decls() {
        let ast::Decl::Func(fd) = d else { continue };
        p.decls.insert(fd.id, fd);
    }
    // Functions without a body: a hook supplies it, or no reachable code may call them.
    let reach = {
        let pp: &prog::Prog<'_> = p;
        // the compiler's own callees: Go hooks' targets, internal/cpu.Initialize
        let mut extra = vec![];
        let targets: Vec<&str> = hooks::HOOKS
            .iter()
            .flat_map(|h| match h.imp {
                hooks::Impl::Go(t) => vec![t],
                hooks::Impl::Native { calls, .. } => calls.to_vec(),
                _ => vec![],
            })
            .collect();
        for d in decls() {
            let ast::Decl::Func(fd) = d else { continue };
            let Some(o) = info.object_of(fd.name.id) else { continue };
            // every function of the program's own packages is compiled, so what it refers to is
            // reached even when nothing calls it (an unused `func f() { runtime.Goexit() }`)
            let own = !info.obj(o).pkg.is_some_and(|pkg| info.packages[pkg].std);
            if own {
                extra.push(fd.id);
            } else if fd.recv.is_none() {
                let n = pp.func_name(o);
                if n == "internal/cpu.Initialize" || targets.contains(&n.as_str()) {
                    extra.push(fd.id);
                }
            }
        }
        reach::analyse(&files, pp.tt, info, &extra, reach::Methods::ByUse, |fd| hook_of(pp, fd).is_none())
    };
    // GOROOT functions no root reaches are not compiled
    let unreached_std = |fd: &ast::FuncDecl| {
        !reach.reached.contains(&fd.id)
            && info.object_of(fd.name.id).and_then(|o| info.obj(o).pkg).is_some_and(|pkg| info.packages[pkg].std)
    };
    if std::env::var_os("GOJIT_NO_ESCAPE").is_none() {
        // only what is lowered: the reached set is closed under calls, so every summary a
        // lowered function's calls consult is computed
        p.escapes = escape::analyze(&files, info, p.tt, |fd| !reach.skip.contains(&fd.id) && !unreached_std(fd));
    }
    let mut aliases = vec![];
    let mut hook_bodies = vec![];
    let mut by_name: HashMap<String, (FuncId, crate::types::TypeId)> = HashMap::new();
    for d in decls() {
        let ast::Decl::Func(fd) = d else { continue };
        let Some(o) = info.object_of(fd.name.id) else { continue };
        let Some(fi) = info.funcs.get(&fd.id) else { continue };
        if reach.missing.contains(&fd.id) {
            // A function implemented in assembly (GOROOT) or by the linker that reachable code
            // calls: only a hook the compiler provides can stand in for it.
            let name = p.func_name(o);
            p.diags.push(Diagnostic::new(fd.name.span, format!("missing function body: {name} (no gojit hook implements it)")));
            continue;
        }
        if info.generics.contains_key(&fd.id) || reach.skip.contains(&fd.id) || unreached_std(fd) {
            continue; // lowered per instance below, or never called
        }
        let recv_ty = fi.recv.and_then(|r| info.obj(r).ty());
        let fsig = types_sig(p, fi.sig);
        let sig = p.go_signature(recv_ty, &fsig.params, &fsig.results);
        let name = p.func_name(o);
        if let Some(h) = hook_of(p, fd) {
            let declared = p.tt.type_string(fi.sig);
            if declared != h.sig {
                p.diags.push(Diagnostic::new(fd.name.span, format!("gojit hook for {name} declares {}, the source declares {declared}", h.sig)));
                continue;
            }
            match h.imp {
                hooks::Impl::Go(target) => aliases.push((o, fd, target, fi.sig)),
                _ => {
                    let id = p.declare_fn(&name, &sig)?;
                    p.funcs.insert(o, id);
                    if matches!(h.imp, hooks::Impl::Inline(_)) {
                        p.inline_hooks.insert(o, h);
                    }
                    if let hooks::Impl::Native { sym, .. } = h.imp {
                        p.natives.push((id, sym));
                    }
                    hook_bodies.push((id, name, p.src.line(fd.span.lo), h, fsig.results.clone()));
                }
            }
            continue;
        }
        if fd.body.is_none() {
            continue; // not reached (reach.missing) yet not skipped: a checker error was reported
        }
        let id = p.declare_fn(&name, &sig)?;
        if fd.recv.is_none() {
            by_name.insert(name.clone(), (id, fi.sig));
        }
        let in_root = info.obj(o).pkg == root;
        if fd.recv.is_none() && fd.name.name == "main" && in_root {
            main = Some(id);
        }
        if fd.recv.is_none() && fd.name.name == "init" {
            init_fns.insert(fd.id, id);
            bodies.push((fd, id, name, true));
            continue;
        }
        p.funcs.insert(o, id);
        bodies.push((fd, id, name, false));
    }
    // `Go` hooks: the hooked function is its target (the same signature)
    for (o, fd, target, sig) in aliases {
        match by_name.get(target) {
            Some(&(id, tsig)) if tsig == sig => {
                p.funcs.insert(o, id);
            }
            Some(&(_, tsig)) => {
                let msg = format!("gojit hook for {}: {target} has type {}, not {}", p.func_name(o), p.tt.type_string(tsig), p.tt.type_string(sig));
                p.diags.push(Diagnostic::new(fd.name.span, msg));
            }
            None => p.diags.push(Diagnostic::new(fd.name.span, format!("gojit hook for {}: {target} is not declared", p.func_name(o)))),
        }
    }
    for (id, name, line, h, results) in hook_bodies {
        p.define_hook_body(id, name, line, h, &results)?;
    }
    if let (Some(main), false) = (main, p.diags.is_empty()) {
        // Functions without a body and without a hook: report them; lowering their callers
        // would reference undeclared functions.
        return Ok(main);
    }
    let Some(main) = main else {
        return Err(LowerError::Internal("function main is undeclared in the main package".into()));
    };
    // instances of generic functions and methods (monomorphization, see types/mono.rs)
    let mut inst_bodies = vec![];
    for (o, targs) in &info.mono {
        let ObjKind::Func { decl, .. } = info.obj(*o).kind else { continue };
        let Some(fd) = p.decls.get(&decl).copied() else { continue };
        if reach.skip.contains(&fd.id) || unreached_std(fd) {
            continue;
        }
        let Some(fi) = info.funcs.get(&fd.id) else { continue };
        let Some(tparams) = info.generics.get(&fd.id) else { continue };
        p.subst = std::rc::Rc::new(tparams.iter().copied().zip(targs.iter().copied()).collect());
        let recv_ty = fi.recv.and_then(|r| p.obj_ty(r));
        let fsig = types_sig(p, p.sub(fi.sig));
        let sig = p.go_signature(recv_ty, &fsig.params, &fsig.results);
        let name = p.instance_name(*o, targs);
        let id = p.declare_fn(&name, &sig)?;
        p.instances.insert((*o, targs.clone()), id);
        inst_bodies.push((fd, id, name, p.subst.clone()));
    }
    p.subst = Default::default();
    let cpu_init = by_name.get("internal/cpu.Initialize").filter(|&&(_, sig)| p.tt.type_string(sig) == "func(string)").map(|&(id, _)| id);
    // package variable initialization
    let init_id = p.declare_fn("main.init", &func::FnCx::go_sig(&[], &[]))?;
    let init_meta = FuncMeta { go_name: "main.init".into(), decl_line: 0, defer_kind: DeferKind::None, is_wrapper: false };
    p.build_fn(init_id, init_meta, |cx| {
        let entry = cx.block();
        cx.b.append_block_params_for_function_params(entry);
        cx.at(entry);
        cx.ctx = cx.b.block_params(entry)[0];
        if let Some(cpu_init) = cpu_init {
            // gc's schedinit reads the CPU's features before any package is initialised
            // (`cpu.Initialize(env)`, env: GODEBUG's cpu.* options, which gojit does not read)
            let fr = cx.func_ref(cpu_init);
            let z = cx.i64c(0);
            cx.emit_call(func::Callee::Direct(fr), &[z, z, z], true);
        }
        for (_, pkg) in info.packages.iter() {
        for init in &info.init_order[pkg.init_range.0..pkg.init_range.1] {
            let rhs = find_expr(&files, init.rhs);
            let Some(rhs) = rhs else { continue };
            if let [Some(o)] = init.lhs[..] {
                if let Some(t) = info.obj(o).ty() {
                    if cx.p.static_init(o, t, rhs) {
                        continue;
                    }
                }
            }
            cx.set_line(rhs.span);
            let vals = if init.lhs.len() > 1 {
                let tys: Vec<_> = init.lhs.iter().map(|o| o.and_then(|o| info.obj(o).ty()).unwrap_or(crate::types::TypeTable::INVALID)).collect();
                cx.multi_value_as(rhs, &tys)
            } else {
                let t = init.lhs[0].and_then(|o| info.obj(o).ty()).unwrap_or(info.type_of(rhs.id));
                vec![cx.expr_as(rhs, t)]
            };
            for (o, v) in init.lhs.iter().zip(vals) {
                if let Some(o) = o {
                    let t = info.obj(*o).ty().unwrap();
                    cx.write_local(*o, t, &v);
                }
            }
        }
        for init in &pkg.inits {
            let Some(&f) = init_fns.get(init) else { continue };
            let fr = cx.func_ref(f);
            let z = cx.i64c(0);
            cx.emit_call(func::Callee::Direct(fr), &[z], true);
        }
        }
        use cranelift_codegen::ir::InstBuilder;
        cx.b.ins().return_(&[]);
    })?;
    for (fd, id, name, is_init) in bodies {
        let Some(body) = &fd.body else { continue };
        let fi = &info.funcs[&fd.id];
        let spec = body::BodySpec {
            id,
            name,
            decl_line: p.src.gc_line(fd.span.lo),
            fi,
            body,
            captures: vec![],
            sig: fi.sig,
        };
        let _ = is_init;
        p.main_init = Some((main, init_id));
        p.lower_body(spec)?;
    }
    for (fd, id, name, subst) in inst_bodies {
        let Some(body) = &fd.body else { continue };
        let fi = &info.funcs[&fd.id];
        p.subst = subst;
        let sig = p.sub(fi.sig);
        let spec = body::BodySpec { id, name, decl_line: p.src.gc_line(fd.span.lo), fi, body, captures: vec![], sig };
        p.lower_body(spec)?;
    }
    p.subst = Default::default();
    let _ = ObjKind::Nil;
    Ok(main)
}

/// The hook row implementing `fd`: a body-less function's, or an intrinsic replacing a body.
fn hook_of(p: &prog::Prog<'_>, fd: &ast::FuncDecl) -> Option<&'static hooks::Hook> {
    if fd.recv.is_some() {
        return None;
    }
    let o = p.info.object_of(fd.name.id)?;
    let h = hooks::find(&p.func_name(o))?;
    (fd.body.is_none() || h.kind == hooks::Kind::Intrinsic).then_some(h)
}

fn types_sig(p: &prog::Prog<'_>, t: crate::types::TypeId) -> crate::types::ty::Signature {
    p.tt.signature(t).cloned().unwrap_or(crate::types::ty::Signature { params: vec![], results: vec![], variadic: false })
}

/// Finds the expression with id `id` in the package-level declarations.
fn find_expr<'f>(files: &[&'f ast::File], id: ast::NodeId) -> Option<&'f ast::Expr> {
    for d in files.iter().flat_map(|f| f.decls.iter()) {
        if let ast::Decl::Var(vd) = d {
            for s in &vd.specs {
                for v in &s.values {
                    if v.id == id {
                        return Some(v);
                    }
                }
            }
        }
    }
    None
}
