//! The checker's core: state, scopes, error reporting, package-level declarations (resolved lazily
//! in dependency order, with cycle detection), local const/var/type declarations, method
//! collection, package initialisation order, and the final clean-up of untyped expressions.
//!
//! Expressions are in `expr.rs` / `call.rs`, type expressions in `typexpr.rs`, statements and
//! function bodies in `stmt.rs`.
//!
//! Invariants: `scopes` is the stack of LOCAL block scopes (empty at package level; lookups fall
//! back to the package scope then the universe). Resolving a package-level object from inside a
//! function temporarily swaps out the local context (`with_package_context`). Every recursion
//! through expressions and types goes through a depth guard, so no AST makes the checker overflow
//! its stack.

use std::collections::{HashMap, HashSet};

use cranelift_entity::SecondaryMap;

use super::constant::ConstValue;
use super::info::*;
use super::scope::Scopes;
use super::ty::{Method, Type, TypeId, TypeTable};
use super::universe::{self, Stdlib};
use super::{Checked, ast};
use crate::diag::{Diagnostic, SourceMap, Span};

/// Maximum nesting of expressions/types/statements the checker follows before giving up with an
/// error. The parser already bounds the AST's depth by the same budget, so this is a backstop.
pub(super) const MAX_DEPTH: u32 = crate::limits::NESTING_BUDGET;

/// A package-level declaration, found by object.
#[derive(Clone, Copy)]
pub(super) enum PkgDecl<'a> {
    Const { spec: &'a ast::ConstSpec, index: usize },
    Var { spec: &'a ast::VarSpec, index: usize, decl: usize, spec_index: usize },
    Type { spec: &'a ast::TypeSpec },
    Func { decl: &'a ast::FuncDecl },
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum State {
    InProgress,
    Done,
}

pub(super) struct ImportEntry {
    pub obj: ObjId,
    pub path: String,
    pub span: Span,
    pub used: bool,
}

/// A break/continue target.
#[derive(Clone)]
pub(super) struct Target {
    pub is_loop: bool,
    pub label: Option<String>,
    /// False for labelled statements that are not for/switch (valid labels, invalid targets).
    pub breakable: bool,
}

/// Per-function checking context (a stack: function literals nest).
pub(super) struct FuncCtx {
    pub id: NodeId,
    pub results: Vec<ObjId>,
    pub named_results: bool,
    pub info: FuncInfo,
    pub loop_depth: u32,
    pub captures: Vec<ObjId>,
    pub labels: HashMap<String, LabelInfo>,
    pub targets: Vec<Target>,
    /// Local variables declared in this function (for `declared and not used`).
    pub locals: Vec<ObjId>,
}

pub(super) struct LabelInfo {
    pub span: Span,
    pub used: bool,
    /// A `goto` to this label appears after it (the label starts a loop for open-coding rules).
    pub backward: bool,
}

use crate::syntax::ast::NodeId;

pub(super) struct Checker<'a> {
    /// The package's files, in the order presented.
    pub files: Vec<&'a ast::File>,
    pub src: &'a SourceMap,
    /// The package being checked.
    pub pkg: PkgId,
    /// Its package clause's name (the qualifier of its named types).
    pub pkg_name: String,
    /// The root package of the program (must be `main` for a program to run).
    pub is_root: bool,
    /// A standard-library package (its functions may lack bodies: their implementation is
    /// assembly in GOROOT, supplied by gojit's hook table or reported by the lowering).
    pub std_pkg: bool,
    /// Index (in `files`) of the file whose scope `imports` is.
    pub cur_file: usize,
    /// gc's `-lang` for the package (`PackageInput::lang`).
    lang: Option<String>,
    /// Type-parameter flows of the package's instantiations (types2's monomorphization check).
    pub inst_graph: super::instcycle::InstGraph,
    /// Every file's imports; `imports` is the current file's, swapped in by `enter_file`.
    file_imports: Vec<HashMap<String, ImportEntry>>,
    pub tt: TypeTable,
    pub info: Info,
    errors: Vec<Diagnostic>,
    pub universe: HashMap<String, ObjId>,
    pub pkg_scope: HashMap<String, ObjId>,
    pub scopes: Scopes,
    pub pkg_decls: HashMap<ObjId, PkgDecl<'a>>,
    pub state: HashMap<ObjId, State>,
    pub imports: HashMap<String, ImportEntry>,
    /// Names of imports that failed (uses are not reported again as undefined).
    pub failed_imports: Vec<String>,
    /// Import path -> source package, for the packages this one may import.
    pub imported: HashMap<String, PkgId>,
    pub stdlib: Stdlib,
    pub funcs: Vec<FuncCtx>,
    pub cur_pkg_obj: Option<ObjId>,
    /// Where gc would report a size error of a type met now: the statement being checked (a
    /// local `var`/`type` declaration: its first name); `None` at package level, where it is the
    /// declared object's name.
    pub size_anchor: Option<Span>,
    /// Array types larger than gc's address space (`MaxWidth`, 2^50 bytes on amd64), each once,
    /// with the position gc reports it at (see [`Checker::size_errors`]).
    pub oversized: Vec<(Span, TypeId, String)>,
    /// The type expression of the defined type being declared (`type T [N]E`): gc sizes the named
    /// type separately from the identical unnamed `[N]E`, so each is reported.
    pub named_rhs: Option<ast::NodeId>,
    /// Channel types met in type expressions: where gc's backend would size each (as for
    /// `oversized`), the channel type and its element type (gc: `channel element type too large (>64kB)`).
    pub chan_elems: Vec<(Span, TypeId, TypeId)>,
    /// The unnamed array types already in `oversized`.
    pub oversized_unnamed: Vec<TypeId>,
    pub deps: HashMap<ObjId, Vec<ObjId>>,
    /// While evaluating an inherited (implicitly repeated) constant initializer: the constant's
    /// name, where every error is reported (types2's `errpos`).
    pub err_pos: Option<Span>,
    /// Untyped expressions not yet given a final type -> their untyped operand sub-expressions.
    pub untyped: HashMap<NodeId, Vec<NodeId>>,
    /// Untyped constant left operands of non-constant shifts (`1 << s`): their final type must be
    /// an integer type. Maps the operand to (span, printed expression).
    pub shift_lhs: HashMap<NodeId, (Span, String)>,
    /// Exact values of untyped float constants whose object holds a rounded `Float`.
    pub iota: Option<i128>,
    pub depth: u32,
    /// Set while checking the labeled statement that ends a switch clause: a `fallthrough` under
    /// its labels is the clause's last statement (types2 passes its context through labels):
    /// `Some(None)` when valid there, `Some(Some(msg))` with types2's error otherwise.
    pub labeled_fallthrough: Option<Option<&'static str>>,
    /// Function declarations whose bodies still need checking, in source order.
    func_bodies: Vec<&'a ast::FuncDecl>,
    /// Named types declared in this file (for the invalid-recursion check).
    pub declared_types: Vec<(TypeId, Span)>,
    /// Function-local defined types with their declaration's position ([`Self::number_local_types`]).
    local_types: Vec<(u32, TypeId)>,
    /// `type T2 T1` met while T1's own definition is in progress (`type T1 struct{ p *T2 }`): T2's
    /// underlying type is set once T1's is known; what is left at the end is a cycle of names.
    pending_underlying: Vec<(TypeId, TypeId)>,
    /// Type declarations whose right-hand side is being checked, outermost first: each object
    /// with the node id and span of its right-hand side and whether it is an alias (types2's objPath,
    /// restricted to types).
    pub(super) type_path: Vec<(ObjId, NodeId, Span, bool)>,
    /// Type objects whose declaration cycle has been reported (no second error for its members).
    pub(super) cycle_reported: HashSet<ObjId>,
    /// Aliases used inside their own declaration through other types (`expr::alias_cycle`), each
    /// with the members of its cycle.
    pub(super) alias_cycles: Vec<(ObjId, Vec<ObjId>)>,
    /// Set by an interface type that embeds an interface whose declaration is in progress: the
    /// awaited declaration (consumed by the type declaration whose right-hand side it is).
    pub(super) iface_wait: Option<ObjId>,
    /// Interface declarations waiting for an embedded interface to be complete.
    pub(super) pending_ifaces: Vec<PendingIface<'a>>,
    /// Cycles through anonymous interfaces (go.dev/issue/56103): gc reports them after type
    /// checking, only if that found no error.
    pub(super) anonymous_cycles: Vec<Diagnostic>,
    /// How many of `declared_types` `check_recursive_types` has checked.
    recursion_checked: usize,
    /// Checks types2 delays until every type is complete (`check.later`): map keys must be
    /// comparable, embedded fields must not be pointers; met while a type was incomplete.
    pub(super) pending_type_checks: Vec<LaterTypeCheck>,
    /// Package-level var objects in declaration order.
    pub(super) pkg_vars: Vec<ObjId>,
    /// What is being checked: a program to run, or any package (`gojit check`).
    pub goal: Goal,
    /// Constraint checks of type instantiations, run once all declarations are resolved.
    pub pending_verify: Vec<(Vec<TypeId>, Vec<TypeId>, Vec<Span>, Span)>,
    /// Set by a call before checking its callee: a generic function may be named bare, and an
    /// index expression may give only some type arguments.
    pub allow_generic: bool,
    pub partial_ok: bool,
    /// Explicit type arguments of a partially instantiated callee (`F[int]` of `F[T, U]`).
    pub partial_targs: Option<Vec<TypeId>>,
    /// Arguments already evaluated by inference, consumed by the argument check.
    pub pending_args: Option<Vec<super::expr::Operand<'a>>>,
    /// Type parameter names in scope for a generic declaration's signature and body.
    pub decl_tparams: HashMap<NodeId, Vec<(String, ObjId)>>,
    /// Selector identifiers of generic methods (`m` of `x.m`) -> the selector expression's id
    /// and the receiver base type's type arguments (empty for a non-generic type): an instance
    /// of a generic method is (method, receiver type arguments ++ method type arguments).
    pub generic_method_sels: HashMap<NodeId, (NodeId, Vec<TypeId>)>,
    /// The type parameters of the generic declaration whose body is being checked.
    pub cur_tparams: Vec<TypeId>,
    /// The selector being checked is a call's callee (set by `expr` from the call's flag).
    pub callee_ctx: bool,
    /// The type an expression about to be checked is assigned to (a typed variable, parameter
    /// or result): a bare generic function takes its type arguments from it (types2's reverse
    /// type inference, `var f func(int) int = g`). Consumed by the next `expr`.
    pub hint: Option<TypeId>,
    /// Range-over-func bodies being checked, innermost last (`rangefunc`).
    pub(super) rf: Vec<super::rangefunc::RfFrame>,
    /// Each function's shared range-over-func variables (`rangefunc`).
    pub(super) rf_shared: HashMap<Option<NodeId>, super::rangefunc::RfShared>,
}

/// An interface declaration (`type obj interface{ ... }`, `named`) that embeds the interface
/// declared by `wait` while that declaration is in progress; built when `wait` is complete.
pub(super) struct PendingIface<'a> {
    pub named: TypeId,
    pub obj: ObjId,
    pub spec: &'a ast::TypeSpec,
    pub wait: ObjId,
}

/// A check of a type expression that needs every type involved to be complete (types2 runs it
/// with `check.later`); recorded when met on an incomplete type, run by `run_later_type_checks`.
pub(super) enum LaterTypeCheck {
    /// A map key type (`map[K]V`) must be comparable.
    MapKey { key: TypeId, span: Span },
    /// An embedded field's type (`T` or `*T`, `is_ptr`) must not be a pointer, unsafe.Pointer or
    /// (behind `*`) an interface.
    Embedded { ty: TypeId, is_ptr: bool, span: Span },
}

/// What a check is for. A program must be `package main` and every function it declares needs a
/// body (gc's `-complete`, as `go build` passes it for packages without assembly); a package checked
/// alone (`gojit check`, like go vet's type-check step) may be a library and may declare functions
/// without bodies (their implementation is the linker's concern).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Goal {
    Program,
    Package,
}

/// One package to check: its import path, its files and whether it comes from GOROOT.
pub struct PackageInput<'a> {
    pub path: String,
    pub files: Vec<&'a ast::File>,
    pub std: bool,
    /// Import path -> the package's index in the input list, for each source package it imports.
    pub imports: HashMap<String, usize>,
    /// gc's `-lang` for the package (`load::Package::lang`).
    pub lang: Option<String>,
}

/// Checks a program's packages in order (each after those it imports; the root last) into one
/// `TypeTable` and one `Info`. Stops after the first package with errors, as the go command
/// does not compile the packages depending on it.
pub(super) fn check_packages<'a>(
    pkgs: &[PackageInput<'a>],
    src: &'a SourceMap,
    node_count: u32,
    goal: Goal,
) -> Result<Checked, (usize, Vec<Diagnostic>)> {
    let mut tt = TypeTable::new();
    let mut info = Info::default();
    let n = node_count as usize;
    info.types = SecondaryMap::with_capacity(n);
    info.defs = SecondaryMap::with_capacity(n);
    info.uses = SecondaryMap::with_capacity(n);
    let mut universe = universe::universe(&mut tt, &mut info);
    let mut stdlib = Stdlib::new(&mut tt, &mut info);
    for (i, input) in pkgs.iter().enumerate() {
        let name = input.files.first().map(|f| f.package.name.clone()).unwrap_or_default();
        let prefix = if name == "main" { "main".to_string() } else { input.path.clone() };
        let pkg = info.packages.push(super::info::SrcPackage {
            path: input.path.clone(),
            name: name.clone(),
            symbol_prefix: prefix.clone(),
            std: input.std,
            ..Default::default()
        });
        tt.local_pkg = name.clone();
        tt.local_path = prefix.clone();
        let init_start = info.init_order.len();
        let mut c = Checker::new(input, src, pkg, name, i + 1 == pkgs.len(), tt, info, universe, stdlib, goal);
        c.run();
        let mut errors = c.sorted_errors();
        if errors.is_empty() {
            errors = c.late_directive_errors();
        }
        if errors.is_empty() {
            errors = c.size_errors();
        }
        let scope = std::mem::take(&mut c.pkg_scope);
        (tt, info, universe, stdlib) = (c.tt, c.info, c.universe, c.stdlib);
        info.packages[pkg].scope = scope;
        info.packages[pkg].init_range = (init_start, info.init_order.len());
        info.packages[pkg].inits = input
            .files
            .iter()
            .flat_map(|f| f.decls.iter())
            .filter_map(|d| match d {
                ast::Decl::Func(fd) if fd.recv.is_none() && fd.name.name == "init" => Some(fd.id),
                _ => None,
            })
            .collect();
        if !errors.is_empty() {
            return Err((i, errors));
        }
    }
    let files: Vec<&ast::File> = pkgs.iter().flat_map(|p| p.files.iter().copied()).collect();
    if let Err(d) = super::mono::monomorphize(&files, &mut tt, &mut info) {
        return Err((pkgs.len() - 1, vec![d]));
    }
    tt.intern_pointers_to_named();
    tt.finalize_layouts();
    Ok(Checked { types: tt, info })
}

impl<'a> Checker<'a> {
    #[allow(clippy::too_many_arguments)]
    fn new(
        input: &PackageInput<'a>,
        src: &'a SourceMap,
        pkg: PkgId,
        pkg_name: String,
        is_root: bool,
        tt: TypeTable,
        info: Info,
        universe: HashMap<String, ObjId>,
        stdlib: Stdlib,
        goal: Goal,
    ) -> Checker<'a> {
        Checker {
        files: input.files.clone(),
        src,
        pkg,
        pkg_name,
        is_root,
        std_pkg: input.std,
        cur_file: 0,
        lang: input.lang.clone(),
        inst_graph: Default::default(),
        file_imports: input.files.iter().map(|_| HashMap::new()).collect(),
        tt,
        info,
        errors: vec![],
        universe,
        pkg_scope: HashMap::new(),
        scopes: Scopes::default(),
        pkg_decls: HashMap::new(),
        state: HashMap::new(),
        imports: HashMap::new(),
        failed_imports: vec![],
        imported: input.imports.iter().map(|(p, &i)| (p.clone(), PkgId::from_u32(i as u32))).collect(),
        stdlib,
        funcs: vec![],
        cur_pkg_obj: None,
        size_anchor: None,
        oversized: Vec::new(),
        named_rhs: None,
        oversized_unnamed: Vec::new(),
        chan_elems: vec![],
        deps: HashMap::new(),
        err_pos: None,
        untyped: HashMap::new(),
        shift_lhs: HashMap::new(),
        iota: None,
        depth: 0,
        labeled_fallthrough: None,
        func_bodies: vec![],
        declared_types: vec![],
        local_types: vec![],
        pending_underlying: vec![],
        type_path: vec![],
        cycle_reported: HashSet::new(),
        alias_cycles: vec![],
        iface_wait: None,
        pending_ifaces: vec![],
        anonymous_cycles: vec![],
        recursion_checked: 0,
        pending_type_checks: vec![],
        pkg_vars: vec![],
        goal,
        pending_verify: vec![],
        allow_generic: false,
        partial_ok: false,
        partial_targs: None,
        pending_args: None,
        decl_tparams: HashMap::new(),
        generic_method_sels: HashMap::new(),
        cur_tparams: vec![],
        callee_ctx: false,
        hint: None,
        rf: vec![],
        rf_shared: HashMap::new(),
        }
    }

    /// Makes file `i`'s imports the ones identifiers resolve through; returns the previous file.
    pub fn enter_file(&mut self, i: usize) -> usize {
        let prev = self.cur_file;
        if i != prev {
            std::mem::swap(&mut self.imports, &mut self.file_imports[prev]);
            std::mem::swap(&mut self.imports, &mut self.file_imports[i]);
            self.cur_file = i;
        }
        prev
    }

    /// types2's `verifyVersionf` with cmd/compile's hint: unless the language version of the
    /// file holding `span` is at least go1.`minor`, reports `{what} requires go1.N or later`
    /// and why the version is lower. A file's version is its `//go:build` line's (at least
    /// go1.21, types2's initFiles), else the package's `-lang`; without either nothing is
    /// checked. Returns whether the feature is allowed.
    pub fn verify_version(&mut self, span: Span, minor: u32, what: &str) -> bool {
        let minor_of = |v: &str| -> Option<u32> {
            match v.strip_prefix("go1") {
                Some("") => Some(0),
                Some(r) => r.strip_prefix('.')?.parse().ok(),
                None => None,
            }
        };
        let declared = self.files[self.file_index(span.lo)].directives.go_version.clone();
        let (version, reason) = match declared.as_deref().and_then(minor_of) {
            Some(d) if d >= 21 => (d, format!("file declares //go:build {}", declared.as_deref().unwrap_or(""))),
            // max(file version, go1.21) is not the declared one: gc hints at -lang
            Some(_) => (21, format!("-lang was set to {}; check go.mod", self.lang.as_deref().unwrap_or(""))),
            None => match self.lang.as_deref().and_then(minor_of) {
                Some(v) => (v, format!("-lang was set to {}; check go.mod", self.lang.as_deref().unwrap_or(""))),
                None => return true,
            },
        };
        if version >= minor {
            return true;
        }
        self.error(span, format!("{what} requires go1.{minor} or later ({reason})"));
        false
    }

    /// Index (in `files`) of the file holding position `pos` of this package.
    pub fn file_index(&self, pos: u32) -> usize {
        let f = self.src.index_of(pos);
        let base = self.src.files()[f].base;
        self.files.iter().position(|file| file.package.span.lo >= base && file.package.span.lo < self.src.files()[f].end()).unwrap_or(self.cur_file)
    }

    /// `//go:linkname` in a source package: gc's error without `import "unsafe"`, else a
    /// rejection naming the feature. gojit has no linker symbols to alias (a `//go:linkname`'d
    /// variable would silently be a fresh variable: issue42401). GOROOT packages keep theirs:
    /// their bodyless functions are the hook table's (`missing function body` otherwise).
    fn reject_linknames(&mut self) {
        for f in self.files.clone() {
            let file = self.src.file(f.package.span.lo);
            let imports_unsafe = f.imports.iter().any(|i| i.path == "unsafe");
            let mut hits = vec![];
            let mut off = 0u32;
            for line in file.text.split('\n') {
                if line.starts_with("//go:linkname ") || line == "//go:linkname" {
                    hits.push(file.base + off + 2);
                }
                off += line.len() as u32 + 1;
            }
            for pos in hits {
                let msg = if imports_unsafe {
                    "//go:linkname not supported by gojit"
                } else {
                    "//go:linkname only allowed in Go files that import \"unsafe\""
                };
                self.error(Span::new(pos, pos), msg);
            }
        }
    }

    fn run(&mut self) {
        let first = self.files[0];
        if self.is_root && self.goal == Goal::Program && first.package.name != "main" && first.package.name != "_" {
            // A program must be package main (gc would build a library instead).
            self.error(first.package.span, format!("package {} is not a main package", first.package.name));
        }
        for f in self.files.clone() {
            if f.package.name == "_" {
                self.error(f.package.span, "invalid package name _");
            }
        }
        for i in 0..self.files.len() {
            self.enter_file(i);
            self.collect_imports();
        }
        if !self.std_pkg {
            self.reject_linknames();
            // `//go:` directives gc rejects while parsing (they do not stop type checking)
            for f in self.files.clone() {
                for d in &f.directives.early {
                    self.error(d.span, d.msg.clone());
                }
            }
        }
        self.enter_file(0);
        self.collect_decls();
        self.collect_methods();
        // Resolve every package-level object in source order.
        let mut objs: Vec<(Span, ObjId)> =
            self.pkg_decls.keys().map(|&o| (self.info.objects[o].span, o)).collect();
        objs.sort_by_key(|&(s, o)| (s.lo, o));
        for (_, o) in objs {
            self.resolve_obj(o);
        }
        self.report_name_cycles();
        self.report_pending_ifaces();
        self.report_alias_cycles();
        self.check_recursive_types();
        self.run_later_type_checks();
        self.run_pending_verify();
        let bodies = std::mem::take(&mut self.func_bodies);
        for f in bodies {
            let fi = self.file_index(f.span.lo);
            self.enter_file(fi);
            self.func_decl_body(f);
        }
        self.number_local_types();
        self.report_pending_ifaces();
        self.check_recursive_types();
        self.run_later_type_checks();
        self.finish_untyped();
        self.run_pending_verify();
        self.compute_init_order();
        self.check_unused_imports();
        self.report_instance_cycle();
        if self.errors.is_empty() {
            for d in std::mem::take(&mut self.anonymous_cycles) {
                self.error(d.span, d.msg);
            }
        }
    }

    /// types2's `monomorph`: an instantiation cycle of the package's generic declarations, as
    /// gc lists it; else, if the type table cut an instantiation it could not finish (types
    /// nested without bound), that.
    fn report_instance_cycle(&mut self) {
        if let Some(c) = self.inst_graph.find_cycle() {
            let mut msg = "instantiation cycle:".to_string();
            for (at, tp, typ) in &c.steps {
                let (pos, name, arg) = (self.pos_string(*at), self.tt.type_string_err(*tp), self.tt.type_string_err(*typ));
                msg.push_str(&format!("\n\t{pos}: {name} instantiated as {arg}"));
            }
            let decl = self.tparam_decl_span(c.first);
            self.error(decl, msg);
        } else if let Some(t) = self.tt.cut_instance.take() {
            let s = self.tt.type_string_err(t);
            let span = self.files[0].package.span;
            self.error(span, format!("instantiation cycle: {s} nests type arguments without bound"));
        }
    }

    /// gc's vargen: the package's function-local defined types numbered 1, 2, ... in source
    /// order (files in order), for the `·N` suffix of instance names.
    fn number_local_types(&mut self) {
        let mut v = std::mem::take(&mut self.local_types);
        v.sort();
        for (i, (_, t)) in v.into_iter().enumerate() {
            self.tt.local_gen.insert(t, i as u32 + 1);
        }
    }

    // ----- errors ------------------------------------------------------------------------------

    pub fn error(&mut self, span: Span, msg: impl Into<String>) {
        let msg = msg.into();
        let span = self.err_pos.unwrap_or(span);
        // Suppress follow-on errors that mention invalid types.
        if msg.contains("invalid type") {
            return;
        }
        // Only the first 11 distinct errors matter (`sorted_errors` reports 10 and `too many
        // errors`), so the linear duplicate check stays short however many errors a program has.
        if self.errors.len() > 10 || self.errors.iter().any(|d| d.span.lo == span.lo && d.msg == msg) {
            return;
        }
        self.errors.push(Diagnostic::new(span, msg));
    }

    /// The `//go:` directive errors gc reports after type checking (noder's writer: a directive
    /// on a declaration that does not take it, `checkEmbed`), sorted; a valid `//go:embed` is
    /// refused (gojit does not embed files). None for the standard library.
    fn late_directive_errors(&self) -> Vec<Diagnostic> {
        if self.std_pkg {
            return vec![];
        }
        let mut out = vec![];
        for f in &self.files {
            out.extend(f.directives.late.iter().cloned());
            let imports_embed = f.imports.iter().any(|i| i.path == "embed");
            for (span, check) in &f.directives.embeds {
                let msg = check.error(imports_embed).unwrap_or("//go:embed not supported by gojit");
                out.push(Diagnostic::new(*span, msg));
            }
        }
        out.sort_by_key(|d| d.span.lo);
        out
    }

    /// gc's size errors (`types.CalcArraySize`), reached only by a program without type errors:
    /// `type [N]E larger than address space` for each array type of more than 2^50-1 bytes, at
    /// the declaration or statement that met it first, by position.
    fn size_errors(&mut self) -> Vec<Diagnostic> {
        let v = std::mem::take(&mut self.oversized);
        let mut out: Vec<Diagnostic> =
            v.into_iter().map(|(sp, _, text)| Diagnostic::new(sp, format!("type {text} larger than address space"))).collect();
        // types.CalcSize's TCHANARGS check, once per channel type, where it is first sized.
        let mut chans = std::mem::take(&mut self.chan_elems);
        chans.sort_by_key(|c| c.0.lo);
        let mut seen = HashSet::new();
        for (sp, chan, elem) in chans {
            if seen.insert(chan) && !self.tt.has_tparams(elem) && self.tt.layout(elem).size >= 1 << 16 {
                out.push(Diagnostic::new(sp, "channel element type too large (>64kB)"));
            }
        }
        out.sort_by_key(|d| d.span.lo);
        out
    }

    /// gc's `%L` spelling of a type expression whose type is `t`: as `type_string_err`, but
    /// `byte` and `rune` stay as written (gc keeps them apart from uint8/int32 for printing).
    fn gc_type_text(&self, e: &'a ast::Expr, t: TypeId) -> String {
        use ast::ExprKind;
        match (&e.unparen().kind, self.tt.under(t)) {
            (ExprKind::Ident(id), _) if (id.name == "byte" && t == TypeTable::BYTE) || (id.name == "rune" && t == TypeTable::RUNE) => {
                id.name.clone()
            }
            (ExprKind::ArrayType { elem, .. }, Type::Array { len, elem: et }) => {
                format!("[{len}]{}", self.gc_type_text(elem, *et))
            }
            (ExprKind::Star(inner), Type::Pointer(et)) => format!("*{}", self.gc_type_text(inner, *et)),
            (ExprKind::SliceType { elem }, Type::Slice(et)) => format!("[]{}", self.gc_type_text(elem, *et)),
            _ => self.tt.type_string_err(t),
        }
    }

    /// Records array type `t` (`n` elements of `elem`) when gc refuses it for its size (amd64's
    /// `MaxWidth` = 2^50: more than `(MaxWidth-1)/sizeof(elem)` elements); `e` is its type
    /// expression (its position is used when no declaration encloses it).
    pub fn check_array_size(&mut self, e: &'a ast::Expr, t: TypeId, n: u64, elem: TypeId) {
        const MAX_WIDTH: u64 = 1 << 50;
        let named = self.named_rhs == Some(e.id);
        if n < 2 || (!named && self.oversized_unnamed.contains(&t)) {
            return;
        }
        if self.tt.underlying(elem) == TypeTable::INVALID {
            return; // an incomplete type: its size is not known yet
        }
        let esize = self.tt.layout(elem).size;
        if esize == 0 || n <= (MAX_WIDTH - 1) / esize {
            return;
        }
        let sp = self.size_anchor.or_else(|| self.cur_pkg_obj.map(|o| self.info.objects[o].span)).unwrap_or(e.span);
        let text = self.gc_type_text(e, t);
        self.oversized.push((sp, t, text));
        if !named {
            self.oversized_unnamed.push(t);
        }
    }

    /// gc's reporting: the first 10 errors in the order they were found, sorted by position,
    /// then `too many errors` at the position of the 10th.
    fn sorted_errors(&mut self) -> Vec<Diagnostic> {
        let mut errs = std::mem::take(&mut self.errors);
        let mut too_many = None;
        if errs.len() > 10 {
            too_many = Some(errs[9].span);
            errs.truncate(10);
        }
        errs.sort_by_key(|d| d.span.lo);
        let mut out: Vec<Diagnostic> = vec![];
        for d in errs {
            if !out.iter().any(|o| o.span.lo == d.span.lo && o.msg == d.msg) {
                out.push(d);
            }
        }
        if let Some(at) = too_many {
            out.push(Diagnostic::new(at, "too many errors"));
        }
        out
    }

    /// Source text of a span (for messages).
    pub fn text(&self, span: Span) -> &'a str {
        self.src.text(span)
    }

    /// types2's name for the i-th (0-based) value of a multi-valued call in messages: the
    /// dummy operand `2nd function result (value of type T)` of multiExpr.
    pub fn nth_result(&self, i: usize, t: TypeId) -> String {
        let n = i + 1;
        let ext = match n {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        format!("{n}{ext} function result (value of type {})", self.tt.type_string_err(t))
    }

    /// `file:line:col` of a position, as gc prints "other declaration" references.
    pub fn pos_string(&self, span: Span) -> String {
        self.src.pos_string(span.lo)
    }

    // ----- scopes -----------------------------------------------------------------------------

    pub fn push_scope(&mut self) {
        self.scopes.push();
    }
    pub fn pop_scope(&mut self) {
        self.scopes.pop();
    }

    /// Looks a name up through local scopes, the package scope and the universe.
    pub fn lookup(&self, name: &str) -> Option<ObjId> {
        if let Some(o) = self.scopes.lookup(name) {
            return Some(o);
        }
        if let Some(&o) = self.pkg_scope.get(name) {
            return Some(o);
        }
        if let Some(e) = self.imports.get(name) {
            return Some(e.obj);
        }
        self.universe.get(name).copied()
    }

    pub fn new_object(&mut self, name: &str, span: Span, kind: ObjKind) -> ObjId {
        self.info.objects.push(Object { name: name.to_string(), span, kind, pkg: Some(self.pkg) })
    }

    /// Declares `obj` under `ident` in the innermost local scope (records the def). Blank
    /// identifiers get the def but no scope entry.
    pub fn declare_local(&mut self, ident: &ast::Ident, obj: ObjId) {
        self.info.defs[ident.id] = obj.into();
        if ident.is_blank() {
            return;
        }
        if let Some(prev) = self.scopes.innermost(&ident.name) {
            let other = self.info.objects[prev].span;
            let msg = format!("{} redeclared in this block\n\t{}: other declaration of {}", ident.name, self.pos_string(other), ident.name);
            self.error(ident.span, msg);
            if let ObjKind::Var(v) = &mut self.info.objects[obj].kind {
                v.used = true;
            }
            return;
        }
        self.scopes.insert(&ident.name, obj);
    }

    /// A new local variable object (owner: the current function).
    pub fn new_var(&mut self, ident: &ast::Ident, ty: TypeId, kind: VarKind) -> ObjId {
        let owner = self.funcs.last().map(|f| f.id);
        let obj = self.new_object(
            &ident.name,
            ident.span,
            ObjKind::Var(VarInfo {
                ty,
                kind,
                captured: false,
                address_taken: false,
                owner,
                per_iteration: false,
                // types2 reports an unused variable even when its type is invalid (`y :=
                // undefinedY`); only range variables are exempted (see range_stmt).
                used: false,
            }),
        );
        if kind == VarKind::Local && !ident.is_blank() {
            if let Some(f) = self.funcs.last_mut() {
                f.locals.push(obj);
            }
        }
        obj
    }

    pub fn set_var_type(&mut self, obj: ObjId, ty: TypeId) {
        if let ObjKind::Var(v) = &mut self.info.objects[obj].kind {
            v.ty = ty;
        }
    }

    // ----- imports and package-level collection ----------------------------------------------

    fn collect_imports(&mut self) {
        let file = self.files[self.cur_file];
        for imp in &file.imports {
            let path = imp.path.as_str();
            let local = imp.name.as_ref().map(|n| n.name.clone()).unwrap_or_else(|| path.rsplit('/').next().unwrap_or(path).to_string());
            let pkg = universe::package_of(path).or_else(|| {
                let p = self.imported.get(path)?;
                Some(Package::Source(*p))
            });
            let Some(pkg) = pkg else {
                self.failed_imports.push(local);
                if universe::KNOWN_STD.contains(&path) {
                    self.error(imp.path_span, format!("package {path} not supported by gojit"));
                } else {
                    self.error(imp.path_span, format!("package {path} is not in std"));
                }
                continue;
            };
            let name = match &imp.name {
                Some(n) if n.name == "." => {
                    self.error(n.span, "dot imports not supported by gojit");
                    continue;
                }
                Some(n) if n.name == "_" => continue,
                Some(n) => n.name.clone(),
                None => match pkg {
                    Package::Source(p) => self.info.packages[p].name.clone(),
                    _ => path.to_string(),
                },
            };
            if self.imports.contains_key(&name) {
                self.error(imp.path_span, format!("{name} redeclared in this block"));
                continue;
            }
            let obj = self.new_object(&name, imp.span, ObjKind::PkgName(pkg));
            if let Some(n) = &imp.name {
                self.info.defs[n.id] = obj.into();
            }
            self.imports.insert(name, ImportEntry { obj, path: path.to_string(), span: imp.path_span, used: false });
        }
    }

    fn declare_pkg(&mut self, ident: &ast::Ident, kind: ObjKind, decl: PkgDecl<'a>) -> Option<ObjId> {
        let obj = self.new_object(&ident.name, ident.span, kind);
        self.info.defs[ident.id] = obj.into();
        if ident.is_blank() {
            self.pkg_decls.insert(obj, decl);
            return Some(obj);
        }
        if ident.name == "init" && !matches!(decl, PkgDecl::Func { .. }) {
            self.error(ident.span, "cannot declare init - must be func");
            return None;
        }
        if ident.name == "main" && !matches!(decl, PkgDecl::Func { .. }) {
            self.error(ident.span, "cannot declare main - must be func");
            return None;
        }
        if let Some(&prev) = self.pkg_scope.get(&ident.name) {
            let other = self.info.objects[prev].span;
            let msg = format!("{} redeclared in this block\n\t{}: other declaration of {}", ident.name, self.pos_string(other), ident.name);
            self.error(ident.span, msg);
            return None;
        }
        if let Some(imp) = self.imports.get(&ident.name) {
            let msg = format!("{} already declared through import of package {} (\"{}\")", ident.name, ident.name, imp.path);
            self.error(ident.span, msg);
            return None;
        }
        self.pkg_decls.insert(obj, decl);
        if ident.name != "init" {
            self.pkg_scope.insert(ident.name.clone(), obj);
        }
        Some(obj)
    }

    fn collect_decls(&mut self) {
        let mut has_main = false;
        let mut di = 0;
        for fi in 0..self.files.len() {
        self.enter_file(fi);
        let file = self.files[fi];
        for d in file.decls.iter() {
            di += 1;
            match d {
                ast::Decl::Const(cd) => {
                    for spec in &cd.specs {
                        for (i, name) in spec.names.iter().enumerate() {
                            let k = ObjKind::Const { ty: TypeTable::INVALID, val: ConstValue::int(0) };
                            self.declare_pkg(name, k, PkgDecl::Const { spec, index: i });
                        }
                    }
                }
                ast::Decl::Var(vd) => {
                    for (si, spec) in vd.specs.iter().enumerate() {
                        for (i, name) in spec.names.iter().enumerate() {
                            let k = ObjKind::Var(VarInfo {
                                ty: TypeTable::INVALID,
                                kind: VarKind::Global,
                                captured: false,
                                address_taken: false,
                                owner: None,
                                per_iteration: false,
                                used: false,
                            });
                            if let Some(o) =
                                self.declare_pkg(name, k, PkgDecl::Var { spec, index: i, decl: di, spec_index: si })
                            {
                                self.pkg_vars.push(o);
                            }
                        }
                    }
                }
                ast::Decl::Type(td) => {
                    for spec in &td.specs {
                        let k = ObjKind::TypeName { ty: TypeTable::INVALID };
                        if let Some(obj) = self.declare_pkg(&spec.name, k, PkgDecl::Type { spec }) {
                            if !spec.alias {
                                let t = self.tt.new_named(&spec.name.name, &self.pkg_name.clone(), Some(obj));
                                self.info.objects[obj].kind = ObjKind::TypeName { ty: t };
                                self.declared_types.push((t, spec.name.span));
                            }
                        }
                    }
                }
                ast::Decl::Func(fd) => {
                    if fd.recv.is_some() {
                        continue;
                    }
                    if fd.name.name == "main" {
                        has_main = true;
                    }
                    let k = ObjKind::Func { ty: TypeTable::INVALID, decl: fd.id, recv: None };
                    if fd.name.name == "init" || fd.name.name == "main" {
                        if !fd.typ.params.is_empty() || !fd.typ.results.is_empty() {
                            let n = &fd.name.name;
                            self.error(fd.name.span, format!("func {n} must have no arguments and no return values"));
                        }
                    }
                    if fd.name.is_blank() {
                        // `func _()` is legal and never callable.
                        let obj = self.new_object("_", fd.name.span, k);
                        self.info.defs[fd.name.id] = obj.into();
                        self.pkg_decls.insert(obj, PkgDecl::Func { decl: fd });
                        continue;
                    }
                    self.declare_pkg(&fd.name, k, PkgDecl::Func { decl: fd });
                }
            }
        }
        }
        self.enter_file(0);
        // The linker's error (cmd/link), so only a program to run reports it.
        if !has_main && self.is_root && self.files[0].package.name == "main" && self.goal == Goal::Program {
            self.error(Span::default(), "function main is undeclared in the main package");
        }
    }

    /// Attaches every method declaration to its receiver's base type (before any body is checked,
    /// so method sets are complete when expressions are checked).
    fn collect_methods(&mut self) {
        for fi in 0..self.files.len() {
        self.enter_file(fi);
        let file = self.files[fi];
        for d in &file.decls {
            let ast::Decl::Func(fd) = d else { continue };
            let Some(recv) = &fd.recv else { continue };
            // Receiver base type: T or *T (parenthesised forms allowed).
            let mut te = recv.typ.unparen();
            let mut ptr = false;
            if let ast::ExprKind::Star(inner) = &te.kind {
                ptr = true;
                te = inner.unparen();
            }
            // `List[T]` / `Pair[K, V]`: a method of a generic type; the names are its receiver
            // type parameters (bound to the type's own).
            let mut rtparams: Vec<&'a ast::Expr> = vec![];
            match &te.kind {
                ast::ExprKind::Index { x, index, .. } => {
                    rtparams.push(index);
                    te = x.unparen();
                }
                ast::ExprKind::IndexList { x, indices, .. } => {
                    rtparams.extend(indices.iter());
                    te = x.unparen();
                }
                _ => {}
            }
            let base = match &te.kind {
                ast::ExprKind::Ident(id) => {
                    match self.pkg_scope.get(&id.name).copied() {
                        Some(o) if matches!(self.info.objects[o].kind, ObjKind::TypeName { .. }) => {
                            self.info.uses[id.id] = o.into();
                            self.resolve_obj(o);
                            let t = self.info.objects[o].ty().unwrap_or(TypeTable::INVALID);
                            Some(t)
                        }
                        Some(_) => {
                            self.error(id.span, format!("{} is not a type", id.name));
                            None
                        }
                        None => {
                            if self.universe.contains_key(&id.name) {
                                let n = &id.name;
                                self.error(id.span, format!("cannot define new methods on non-local type {n}"));
                            } else {
                                self.error(id.span, format!("undefined: {}", id.name));
                            }
                            None
                        }
                    }
                }
                _ => {
                    let s = self.expr_string(te);
                    self.error(te.span, format!("invalid receiver type {s}"));
                    None
                }
            };
            let obj = self.new_object(
                &fd.name.name,
                fd.name.span,
                ObjKind::Func { ty: TypeTable::INVALID, decl: fd.id, recv: base },
            );
            self.info.defs[fd.name.id] = obj.into();
            let btps = base.map(|b| self.tt.tparams_of(b).to_vec()).unwrap_or_default();
            if btps.len() != rtparams.len() && base.is_some_and(|b| b != TypeTable::INVALID) {
                let bs = self.tt.type_string_err(base.unwrap_or_default());
                if btps.is_empty() {
                    self.error(te.span, format!("{bs} is not a generic type"));
                } else {
                    let msg = format!("receiver declares {} type parameters, but receiver base type declares {}", rtparams.len(), btps.len());
                    self.error(recv.typ.span, msg);
                }
                continue;
            }
            if !btps.is_empty() {
                let mut names = vec![];
                for (e, &tp) in rtparams.iter().zip(&btps) {
                    let Some(id) = e.unparen().as_ident() else {
                        let s = self.expr_string(e);
                        self.error(e.span, format!("receiver type parameter {s} must be an identifier"));
                        continue;
                    };
                    let o = self.new_object(&id.name, id.span, ObjKind::TypeName { ty: tp });
                    self.info.defs[id.id] = o.into();
                    if !id.is_blank() {
                        names.push((id.name.clone(), o));
                    }
                }
                self.decl_tparams.insert(fd.id, names);
                self.info.generics.insert(fd.id, btps);
            }
            let names = self.decl_tparams.get(&fd.id).cloned();
            let generic_method = !fd.typ.tparams.is_empty();
            let (sig, own) = self.with_package_context(|c| {
                let scoped = names.is_some() || generic_method;
                if scoped {
                    c.push_scope();
                }
                for (n, o) in names.iter().flatten() {
                    c.scopes.insert(n, *o);
                }
                // a generic method's own type parameters (Go 1.27), after the receiver's: their
                // constraints may mention the receiver type parameters
                let own = if generic_method { c.declare_tparams(&fd.typ.tparams) } else { vec![] };
                if generic_method {
                    let all: Vec<(String, ObjId)> = c.scopes.innermost_entries().into_iter().collect();
                    c.decl_tparams.insert(fd.id, all);
                    let mut tps = c.info.generics.get(&fd.id).cloned().unwrap_or_default();
                    tps.extend(own.iter().copied());
                    c.info.generics.insert(fd.id, tps);
                    c.info.method_tparams.insert(fd.id, own.clone());
                }
                let sig = c.func_type(&fd.typ).0;
                if scoped {
                    c.pop_scope();
                }
                (sig, own)
            });
            if generic_method {
                self.info.generic_method_names.insert(fd.name.name.clone());
                // types2's collectObjects: at the first type parameter
                let first = &fd.typ.tparams[0];
                let at = first.names.first().map_or(first.span, |n| n.span);
                self.verify_version(at, 27, "generic method");
            }
            self.info.objects[obj].kind = ObjKind::Func { ty: sig, decl: fd.id, recv: base };
            self.func_bodies.push(fd);
            let Some(base) = base else { continue };
            if base == TypeTable::INVALID {
                continue;
            }
            let Some(named) = self.tt.named(base) else {
                // An alias to a non-defined type.
                let s = self.tt.type_string_err(base);
                self.error(te.span, format!("invalid receiver type {s}"));
                continue;
            };
            if named.obj.map(|o| !self.pkg_decls.contains_key(&o)).unwrap_or(true) {
                let s = self.tt.type_string_err(base);
                self.error(te.span, format!("cannot define new methods on non-local type {s}"));
                continue;
            }
            match self.tt.under(base) {
                Type::Pointer(_) | Type::Interface { .. } => {
                    let s = self.tt.type_string_err(base);
                    let what = if self.tt.is_interface(base) { "interface" } else { "pointer" };
                    self.error(te.span, format!("invalid receiver type {s} (pointer or interface type)"));
                    let _ = what;
                    continue;
                }
                _ => {}
            }
            if fd.name.is_blank() {
                continue;
            }
            if let Some(prev) = named.methods.iter().find(|m| m.name == fd.name.name) {
                let other = self.info.objects[prev.func].span;
                let tn = named.name.clone();
                let msg = format!("method {}.{} already declared at {}", tn, fd.name.name, self.pos_string(other));
                self.error(fd.name.span, msg);
                continue;
            }
            if self.tt.struct_fields(base).iter().any(|f| f.name == fd.name.name) {
                let tn = named.name.clone();
                // the field's declaration, when the struct is written in the type's own spec
                let field_span = named.obj.and_then(|o| match self.pkg_decls.get(&o) {
                    Some(PkgDecl::Type { spec }) => match &spec.typ.unparen().kind {
                        ast::ExprKind::StructType(st) => st.fields.iter().find_map(|f| {
                            if f.names.is_empty() {
                                let mut te = f.typ.unparen();
                                if let ast::ExprKind::Star(inner) = &te.kind {
                                    te = inner.unparen();
                                }
                                let name = match &te.kind {
                                    ast::ExprKind::Ident(id) => Some(id),
                                    ast::ExprKind::Selector { sel, .. } => Some(sel),
                                    _ => None,
                                };
                                name.filter(|n| n.name == fd.name.name).map(|n| n.span)
                            } else {
                                f.names.iter().find(|n| n.name == fd.name.name).map(|n| n.span)
                            }
                        }),
                        _ => None,
                    },
                    _ => None,
                });
                let mut msg = format!("field and method with the same name {}", fd.name.name);
                if let Some(fs) = field_span {
                    msg.push_str(&format!("\n\t{}: other declaration of {}", self.pos_string(fs), fd.name.name));
                }
                self.error(fd.name.span, msg);
                let _ = tn;
                // types2 still adds the method (found before the field): no follow-on errors
            }
            self.tt.add_method(base, Method { name: fd.name.name.clone(), sig, ptr_recv: ptr, func: obj, tparams: own });
        }
        }
        self.enter_file(0);
    }

    /// Runs `f` with the local context saved (as at package level), restoring it afterwards.
    pub fn with_package_context<R>(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        let scopes = std::mem::take(&mut self.scopes);
        let funcs = std::mem::take(&mut self.funcs);
        let iota = self.iota.take();
        let r = f(self);
        self.scopes = scopes;
        self.funcs = funcs;
        self.iota = iota;
        r
    }

    /// Records that the current package-level declaration depends on `obj` (for init order).
    pub fn record_dep(&mut self, obj: ObjId) {
        if let Some(cur) = self.cur_pkg_obj {
            let is_method = matches!(self.info.objects[obj].kind, ObjKind::Func { recv: Some(_), .. });
            if self.pkg_decls.contains_key(&obj) || is_method {
                self.deps.entry(cur).or_default().push(obj);
            }
        }
    }

    /// Resolves a package-level object (its type, constant value, initialiser), at most once.
    /// Returns false when the object is part of a declaration cycle still in progress.
    pub fn resolve_obj(&mut self, obj: ObjId) -> bool {
        match self.state.get(&obj) {
            Some(State::Done) => return true,
            Some(State::InProgress) => return false,
            None => {}
        }
        let Some(&decl) = self.pkg_decls.get(&obj) else { return true };
        if let PkgDecl::Type { spec } = decl {
            if spec.alias && spec.tparams.is_empty() && self.pre_resolve_alias_operands(obj, spec) {
                return true;
            }
        }
        self.state.insert(obj, State::InProgress);
        let saved_cur = self.cur_pkg_obj.replace(obj);
        let saved_anchor = self.size_anchor.take();
        let saved_err_pos = self.err_pos.take();
        let fi = self.file_index(self.info.objects[obj].span.lo);
        let saved_file = self.enter_file(fi);
        self.with_package_context(|c| match decl {
            PkgDecl::Const { spec, index } => c.const_spec_pkg(obj, spec, index),
            PkgDecl::Var { spec, index, .. } => c.var_spec_pkg(obj, spec, index),
            PkgDecl::Type { spec } => c.type_spec(obj, spec),
            PkgDecl::Func { decl } => {
                let generic = !decl.typ.tparams.is_empty();
                if generic {
                    c.push_scope();
                    let tps = c.declare_tparams(&decl.typ.tparams);
                    c.info.generics.insert(decl.id, tps);
                    let names = c.scopes.innermost_entries().into_iter().collect();
                    c.decl_tparams.insert(decl.id, names);
                }
                let (sig, _) = c.func_type(&decl.typ);
                if generic {
                    c.pop_scope();
                }
                if let ObjKind::Func { ty, .. } = &mut c.info.objects[obj].kind {
                    *ty = sig;
                }
                c.func_bodies.push(decl);
            }
        });
        self.enter_file(saved_file);
        self.cur_pkg_obj = saved_cur;
        self.size_anchor = saved_anchor;
        self.err_pos = saved_err_pos;
        self.state.insert(obj, State::Done);
        true
    }

    /// Before alias `obj` (`spec`) is declared, resolves the package's defined types its
    /// right-hand side names. An alias has no type of its own until its right-hand side is
    /// known, while a defined type has one from the start, so a cycle through both (`type F =
    /// func(T); type T interface{ m(F) }`, `type a = b; type b struct{ *a }`) is legal only if
    /// it is entered at the defined type (types2 gets the same effect from alias nodes filled in
    /// later). Returns true if that declared the alias too (the defined type used it).
    fn pre_resolve_alias_operands(&mut self, obj: ObjId, spec: &'a ast::TypeSpec) -> bool {
        fn names<'e>(e: &'e ast::Expr, out: &mut Vec<&'e str>, d: u32) {
            use ast::ExprKind as K;
            if d > crate::limits::NESTING_BUDGET {
                return;
            }
            let d = d + 1;
            let fields = |fs: &'e [ast::Field], out: &mut Vec<&'e str>| fs.iter().for_each(|f| names(&f.typ, out, d));
            match &e.kind {
                K::Ident(id) => out.push(&id.name),
                K::Paren(x) | K::Star(x) | K::SliceType { elem: x } | K::ChanType { elem: x, .. } | K::Ellipsis(Some(x)) => names(x, out, d),
                K::ArrayType { elem, .. } => names(elem, out, d),
                K::MapType { key, value } => {
                    names(key, out, d);
                    names(value, out, d);
                }
                K::Index { x, index, .. } => {
                    names(x, out, d);
                    names(index, out, d);
                }
                K::IndexList { x, indices, .. } => {
                    names(x, out, d);
                    indices.iter().for_each(|i| names(i, out, d));
                }
                K::FuncType(ft) => {
                    fields(&ft.params, out);
                    fields(&ft.results, out);
                }
                K::StructType(st) => fields(&st.fields, out),
                K::InterfaceType(it) => {
                    for el in &it.elems {
                        match el {
                            ast::InterfaceElem::Method { typ, .. } => {
                                fields(&typ.params, out);
                                fields(&typ.results, out);
                            }
                            ast::InterfaceElem::Embed(x) => names(x, out, d),
                        }
                    }
                }
                _ => {}
            }
        }
        let mut found = vec![];
        names(&spec.typ, &mut found, 0);
        for name in found {
            let Some(o) = self.pkg_scope.get(name).copied() else { continue };
            if o == obj || self.state.contains_key(&o) {
                continue;
            }
            if let Some(PkgDecl::Type { spec: s }) = self.pkg_decls.get(&o) {
                if !s.alias {
                    self.resolve_obj(o);
                }
            }
        }
        matches!(self.state.get(&obj), Some(State::Done))
    }

    // ----- const, var, type declarations --------------------------------------------------

    fn const_spec_pkg(&mut self, obj: ObjId, spec: &'a ast::ConstSpec, index: usize) {
        let (ty, val) = self.const_value(spec, index);
        self.info.objects[obj].kind = ObjKind::Const { ty, val };
    }

    /// Evaluates constant `index` of a const spec: its (possibly untyped) type and value.
    fn const_value(&mut self, spec: &'a ast::ConstSpec, index: usize) -> (TypeId, ConstValue) {
        // types2's errpos: no outer constant's position applies in here (objDecl resets it)
        let saved = self.err_pos.take();
        let r = self.const_value_inner(spec, index);
        self.err_pos = saved;
        r
    }

    fn const_value_inner(&mut self, spec: &'a ast::ConstSpec, index: usize) -> (TypeId, ConstValue) {
        let invalid = (TypeTable::INVALID, ConstValue::int(0));
        let typ = spec.typ.as_ref().map(|t| self.typ(t));
        if let Some(t) = typ {
            if t != TypeTable::INVALID && !matches!(self.tt.under(t), Type::Basic(_)) {
                let s = self.tt.type_string_err(t);
                self.error(spec.typ.as_ref().unwrap().span, format!("invalid constant type {s}"));
                return invalid;
            }
        }
        let Some(e) = spec.values.get(index) else {
            if spec.values.is_empty() {
                if index == 0 {
                    self.error(spec.names[0].span, format!("missing init expr for {}", spec.names[0].name));
                }
            } else if index == spec.values.len() {
                self.error(spec.names[index].span, format!("missing init expr for {}", spec.names[index].name));
            }
            return invalid;
        };
        if index == 0 && spec.values.len() > spec.names.len() {
            let x = self.expr_string(&spec.values[spec.names.len()]);
            self.error(spec.values[spec.names.len()].span, format!("extra init expr {x}"));
        }
        let saved = self.iota.replace(spec.iota as i128);
        if spec.implicit {
            // an inherited initializer's errors are reported at the constant's name (types2's
            // errpos), as that is all the repeated spec has
            self.err_pos = spec.names.get(index).map(|n| n.span);
        }
        let mut x = self.expr(e);
        self.iota = saved;
        self.single_value(&mut x);
        if x.mode == Mode::Invalid {
            return invalid;
        }
        let Mode::Constant(_) = x.mode else {
            let s = self.operand_string(&x);
            self.error(e.span, format!("{s} is not constant"));
            return invalid;
        };
        if let Some(t) = typ {
            if t == TypeTable::INVALID {
                return invalid;
            }
            self.assignment(&mut x, t, "constant declaration");
            if x.mode == Mode::Invalid {
                return invalid;
            }
        }
        match x.mode {
            Mode::Constant(v) => (x.ty, v),
            _ => invalid,
        }
    }

    /// A local `const` declaration.
    pub fn const_decl_local(&mut self, d: &'a ast::ConstDecl) {
        for spec in &d.specs {
            let mut objs = vec![];
            for (i, name) in spec.names.iter().enumerate() {
                let (ty, val) = self.const_value(spec, i);
                let obj = self.new_object(&name.name, name.span, ObjKind::Const { ty, val: ConstValue::Bool(false) });
                        self.info.objects[obj].kind = ObjKind::Const { ty, val };
                objs.push((name, obj));
            }
            // Constants are in scope after the spec (not within their own initialisers).
            for (name, obj) in objs {
                self.declare_local(name, obj);
            }
        }
    }

    fn var_spec_pkg(&mut self, obj: ObjId, spec: &'a ast::VarSpec, index: usize) {
        // All names of a spec are resolved together (they may share one multi-value initialiser).
        let objs: Vec<ObjId> = spec
            .names
            .iter()
            .map(|n| self.info.defs[n.id].expand().unwrap_or(obj))
            .collect();
        for &o in &objs {
            self.state.insert(o, State::InProgress);
        }
        let tys = self.var_spec_types(spec, &objs);
        for (o, t) in objs.iter().zip(tys) {
            self.set_var_type(*o, t);
            self.state.insert(*o, State::Done);
        }
        let _ = index;
    }

    /// Computes the types of a var spec's variables (checking the initialisers).
    fn var_spec_types(&mut self, spec: &'a ast::VarSpec, objs: &[ObjId]) -> Vec<TypeId> {
        let declared = spec.typ.as_ref().map(|t| self.typ(t));
        let n = spec.names.len();
        if spec.values.is_empty() {
            return vec![declared.unwrap_or(TypeTable::INVALID); n];
        }
        if spec.values.len() == 1 && n > 1 {
            // var a, b = f()
            let mut x = self.expr(&spec.values[0]);
            let is_tuple = matches!(self.tt.get(x.ty), Type::Tuple(_));
            let elems = self.multi_value_elems(&x);
            if x.mode == Mode::Invalid {
                return vec![declared.unwrap_or(TypeTable::INVALID); n];
            }
            let count = if elems.is_empty() { 0 } else { self.value_count(&x, n) };
            if count != n {
                self.assign_mismatch(spec.values[0].span, n, &spec.values, &x, count);
                return vec![declared.unwrap_or(TypeTable::INVALID); n];
            }
            self.mark_comma_ok(&mut x, n);
            let elems = self.multi_value_elems(&x);
            let mut out = vec![];
            for (i, &t) in elems.iter().enumerate() {
                let target = match declared {
                    Some(d) => {
                        if !self.tt.is_untyped(t) {
                            if let Err(reason) = self.assignable_to(t, None, d) {
                                let what = if is_tuple { self.nth_result(i, t) } else { format!("{} value", self.tt.type_string_err(t)) };
                                let msg = format!("cannot use {what} as {} value in multiple assignment{}", self.tt.type_string_err(d), reason);
                                self.error(spec.values[0].span, msg);
                            }
                        }
                        d
                    }
                    None => self.tt.default_type(t),
                };
                let _ = i;
                out.push(target);
            }
            let _ = objs;
            return out;
        }
        if spec.values.len() != n {
            let x = crate::types::expr::Operand::invalid(spec.values[0].id, spec.values[0].span);
            // types2's arity check.
            if spec.values.len() > n {
                let x = self.expr_string(&spec.values[n]);
                self.error(spec.values[n].span, format!("extra init expr {x}"));
            } else {
                let missing = &spec.names[spec.values.len()];
                self.error(missing.span, format!("missing init expr for {}", missing.name));
            }
            let _ = x;
            for v in &spec.values {
                self.expr(v);
            }
            return vec![declared.unwrap_or(TypeTable::INVALID); n];
        }
        let mut out = vec![];
        for v in &spec.values {
            self.hint = declared;
            let mut x = self.rhs_value(v, n);
            match declared {
                Some(d) => {
                    self.assignment(&mut x, d, "variable declaration");
                    out.push(d);
                }
                None => {
                    if x.mode == Mode::Invalid {
                        out.push(TypeTable::INVALID);
                        continue;
                    }
                    if x.ty == TypeTable::UNTYPED_NIL {
                        self.error(v.span, "use of untyped nil in variable declaration");
                        out.push(TypeTable::INVALID);
                        continue;
                    }
                    let t = self.tt.default_type(x.ty);
                    self.assignment(&mut x, t, "variable declaration");
                    out.push(t);
                }
            }
        }
        out
    }

    /// A local `var` declaration.
    pub fn var_decl_local(&mut self, d: &'a ast::VarDecl) {
        for spec in &d.specs {
            let tys = self.var_spec_types(spec, &[]);
            for (name, t) in spec.names.iter().zip(tys) {
                let obj = self.new_var(name, t, VarKind::Local);
                self.declare_local(name, obj);
            }
        }
    }

    /// A local `type` declaration.
    pub fn type_decl_local(&mut self, d: &'a ast::TypeDecl) {
        for spec in &d.specs {
            let obj = self.new_object(&spec.name.name, spec.name.span, ObjKind::TypeName { ty: TypeTable::INVALID });
            // A type declared in a generic function's body is a different type in each instance
            // (gc prints `main.box[int]`): it is implicitly generic over the function's type
            // parameters, and its name denotes the identity instance `box[T]`, which
            // monomorphization substitutes like any other instance.
            let implicit = !spec.alias && spec.tparams.is_empty() && !self.cur_tparams.is_empty();
            let mut origin = None;
            if !spec.alias {
                let t = self.tt.new_named(&spec.name.name, &self.pkg_name.clone(), Some(obj));
                self.local_types.push((spec.name.span.lo, t));
                let t = if implicit {
                    self.tt.set_tparams(t, self.cur_tparams.clone());
                    origin = Some(t);
                    self.tt.instantiate(t, self.cur_tparams.clone())
                } else {
                    t
                };
                self.info.objects[obj].kind = ObjKind::TypeName { ty: t };
                self.declared_types.push((t, spec.name.span));
            }
            // The type name is in scope within its own declaration (recursive types).
            self.declare_local(&spec.name, obj);
            self.type_spec(obj, spec);
            if let (Some(o), Some(inst)) = (origin, self.info.objects[obj].ty()) {
                let u = self.tt.underlying(inst);
                if u != TypeTable::INVALID {
                    self.tt.set_underlying(o, u);
                }
            }
        }
    }

    fn type_spec(&mut self, obj: ObjId, spec: &'a ast::TypeSpec) {
        self.type_path.push((obj, spec.typ.id, spec.typ.span, spec.alias));
        self.type_spec_rhs(obj, spec);
        self.type_path.pop();
    }

    fn type_spec_rhs(&mut self, obj: ObjId, spec: &'a ast::TypeSpec) {
        if !spec.tparams.is_empty() && spec.alias {
            // `type A[P any] = RHS` (Go 1.24): each use `A[X]` is RHS with P := X.
            self.push_scope();
            let tps = self.declare_tparams(&spec.tparams);
            let rhs = self.typ(&spec.typ);
            self.pop_scope();
            if tps.contains(&rhs) {
                self.error(spec.typ.span, "cannot use type parameter declared in alias declaration as RHS");
                return;
            }
            if rhs == TypeTable::INVALID {
                return;
            }
            self.info.generic_aliases.insert(obj, (tps, rhs));
            self.info.objects[obj].kind = ObjKind::TypeName { ty: rhs };
            return;
        }
        if !spec.tparams.is_empty() {
            // Inside a generic function the type is generic over the enclosing type parameters
            // too, implicitly and first (gc's `main.Box[int;string]`): `Box[U]` denotes
            // `Box[T;U]` there (`instantiate_type_expr`), and each instance of the function
            // substitutes its T.
            let outer = if !self.funcs.is_empty() { self.cur_tparams.clone() } else { vec![] };
            let Some(named) = self.info.objects[obj].ty() else { return };
            self.push_scope();
            let mut tps = outer.clone();
            tps.extend(self.declare_tparams(&spec.tparams));
            if !outer.is_empty() {
                self.tt.implicit_tparams.insert(named, outer.len());
            }
            self.tt.set_tparams(named, tps);
            let under = self.typ(&spec.typ);
            self.pop_scope();
            if self.iface_wait.take().is_some() {
                // A generic interface is not built again later (`PendingIface`): a cycle.
                self.error(spec.name.span, format!("invalid recursive type: {} refers to itself", spec.name.name));
                return;
            }
            if self.tt.is_type_param(under) {
                self.error(spec.typ.span, "cannot use a type parameter as RHS in type declaration");
                return;
            }
            if under == named || (self.tt.underlying(under) == TypeTable::INVALID && under != TypeTable::INVALID) {
                self.error(spec.name.span, format!("invalid recursive type {}", spec.name.name));
                return;
            }
            self.tt.set_underlying(named, under);
            return;
        }
        if spec.alias {
            let t = self.typ(&spec.typ);
            // `type T = T` (a local alias is in scope in its own declaration).
            let self_ref = spec.typ.as_ident().is_some_and(|id| self.info.uses[id.id].expand() == Some(obj));
            if self_ref {
                self.error(spec.name.span, format!("invalid recursive type: {} refers to itself", spec.name.name));
            }
            self.info.objects[obj].kind = ObjKind::TypeName { ty: t };
            return;
        }
        let Some(named) = self.info.objects[obj].ty() else { return };
        let saved_rhs = self.named_rhs.replace(spec.typ.id);
        let under = self.typ(&spec.typ);
        self.named_rhs = saved_rhs;
        if let Some(wait) = self.iface_wait.take() {
            // An interface embedding one whose declaration is in progress (`type I2 interface{
            // I1 }` met inside `type I1 interface{ m() I2 }`): built again once it is complete.
            self.pending_ifaces.push(PendingIface { named, obj, spec, wait });
            return;
        }
        if under == named {
            self.error(spec.name.span, format!("invalid recursive type: {} refers to itself", spec.name.name));
            return;
        }
        if self.tt.underlying(under) == TypeTable::INVALID && under != TypeTable::INVALID {
            // Defined in terms of a named type whose definition is in progress: known later (or
            // a cycle of names, reported at the end).
            self.pending_underlying.push((named, under));
            return;
        }
        self.tt.set_underlying(named, under);
        self.settle_pending_underlying();
        self.settle_pending_ifaces();
    }

    /// The interface declaration `obj` is waiting for, if it is pending (`pending_ifaces`).
    pub(super) fn pending_iface_wait(&self, obj: ObjId) -> Option<ObjId> {
        self.pending_ifaces.iter().find(|p| p.obj == obj).map(|p| p.wait)
    }

    /// Drops `obj` from `pending_ifaces`: its cycle has been reported, it stays invalid.
    pub(super) fn abandon_pending_iface(&mut self, obj: ObjId) {
        self.pending_ifaces.retain(|p| p.obj != obj);
    }

    /// Builds the pending interface declarations whose awaited type is now complete.
    fn settle_pending_ifaces(&mut self) {
        loop {
            let ready = self.pending_ifaces.iter().position(|p| {
                self.info.objects[p.wait].ty().is_some_and(|t| self.tt.underlying(t) != TypeTable::INVALID)
            });
            let Some(i) = ready else { return };
            let p = self.pending_ifaces.swap_remove(i);
            self.type_path.push((p.obj, p.spec.typ.id, p.spec.typ.span, false));
            let saved_rhs = self.named_rhs.replace(p.spec.typ.id);
            let under = self.typ(&p.spec.typ);
            self.named_rhs = saved_rhs;
            self.type_path.pop();
            if let Some(wait) = self.iface_wait.take() {
                self.pending_ifaces.push(PendingIface { wait, ..p });
                continue;
            }
            if under != TypeTable::INVALID && self.tt.underlying(under) != TypeTable::INVALID {
                self.tt.set_underlying(p.named, under);
                self.settle_pending_underlying();
            }
        }
    }

    /// Reports the interface declarations still pending at the end: cycles nothing broke.
    fn report_pending_ifaces(&mut self) {
        for p in std::mem::take(&mut self.pending_ifaces) {
            if self.cycle_reported.insert(p.obj) {
                let name = self.info.objects[p.obj].name.clone();
                self.error(self.info.objects[p.obj].span, format!("invalid recursive type: {name} refers to itself"));
            }
        }
    }

    /// Gives the pending `type T2 T1` definitions whose T1 is now defined their underlying type.
    fn settle_pending_underlying(&mut self) {
        loop {
            let ready = self.pending_underlying.iter().position(|&(_, u)| self.tt.underlying(u) != TypeTable::INVALID);
            let Some(i) = ready else { return };
            let (n, u) = self.pending_underlying.swap_remove(i);
            self.tt.set_underlying(n, u);
        }
    }

    /// Reports what is still pending: cycles of type names (`type A B; type B A`), in gc's form,
    /// once per cycle, from its first-declared member.
    fn report_name_cycles(&mut self) {
        let pending = std::mem::take(&mut self.pending_underlying);
        let target: HashMap<TypeId, TypeId> = pending.iter().copied().collect();
        let span_of = |c: &Self, t: TypeId| c.declared_types.iter().find(|d| d.0 == t).map(|d| d.1).unwrap_or_default();
        let mut reported: HashSet<TypeId> = HashSet::new();
        let mut starts: Vec<TypeId> = pending.iter().map(|p| p.0).collect();
        starts.sort_by_key(|&t| span_of(self, t).lo);
        for start in starts {
            // Walk to the cycle this chain ends in.
            let mut path = vec![start];
            let mut cur = start;
            while let Some(&next) = target.get(&cur) {
                if let Some(k) = path.iter().position(|&t| t == next) {
                    path.drain(..k);
                    break;
                }
                path.push(next);
                cur = next;
            }
            if !target.contains_key(&cur) || path.iter().any(|t| reported.contains(t)) {
                continue;
            }
            reported.extend(path.iter().copied());
            let first = *path.iter().min_by_key(|&&t| span_of(self, t).lo).unwrap();
            let k = path.iter().position(|&t| t == first).unwrap();
            path.rotate_left(k);
            let name = |c: &Self, t: TypeId| c.tt.named(t).map(|n| n.name.clone()).unwrap_or_default();
            let mut msg = format!("invalid recursive type {}", name(self, first));
            for (i, &t) in path.iter().enumerate() {
                let next = path[(i + 1) % path.len()];
                msg.push_str(&format!("\n\t{}: {} refers to {}", self.pos_string(span_of(self, t)), name(self, t), name(self, next)));
            }
            self.error(span_of(self, first), msg);
        }
    }

    /// Reports the alias cycles of `alias_cycles` none of whose members has been reported.
    fn report_alias_cycles(&mut self) {
        for (obj, members) in std::mem::take(&mut self.alias_cycles) {
            if members.iter().any(|m| self.cycle_reported.contains(m)) {
                continue;
            }
            let name = self.info.objects[obj].name.clone();
            let span = self.info.objects[obj].span;
            self.error(span, format!("invalid recursive type: {name} refers to itself"));
        }
    }

    /// Runs the checks delayed until every type is complete (`pending_type_checks`).
    fn run_later_type_checks(&mut self) {
        for c in std::mem::take(&mut self.pending_type_checks) {
            match c {
                LaterTypeCheck::MapKey { key, span } => {
                    if self.tt.is_type_param(key) {
                        if !self.tparam_comparable(key) {
                            let ks = self.tt.type_string_err(key);
                            self.error(span, format!("invalid map key type {ks} (missing comparable constraint)"));
                        }
                    } else if self.tt.underlying(key) != TypeTable::INVALID && !self.tt.is_comparable(key) {
                        let ks = self.tt.type_string_err(key);
                        self.error(span, format!("invalid map key type {ks}"));
                    }
                }
                LaterTypeCheck::Embedded { ty, is_ptr, span } => {
                    let base = if is_ptr { self.tt.pointer_elem(ty).unwrap_or(ty) } else { ty };
                    if self.tt.underlying(base) == TypeTable::INVALID {
                        continue;
                    }
                    if let Some(msg) = self.embedded_field_error(base, is_ptr) {
                        self.error(span, msg);
                    }
                }
            }
        }
    }

    /// types2's check of an embedded field's type `base` (after the `*`, `is_ptr`), a complete type.
    pub(super) fn embedded_field_error(&self, base: TypeId, is_ptr: bool) -> Option<&'static str> {
        match self.tt.under(base) {
            Type::Pointer(_) => Some("embedded field type cannot be a pointer"),
            _ if self.tt.underlying(base) == TypeTable::UNSAFE_POINTER => Some("embedded field type cannot be unsafe.Pointer"),
            _ if is_ptr && self.tt.is_interface(base) && !self.tt.is_type_param(base) => {
                Some("embedded field type cannot be a pointer to an interface")
            }
            _ => None,
        }
    }

    /// Reports named types that contain themselves by value (`type T struct { x T }`,
    /// `type A [2]B; type B struct { a A }`), and makes them invalid so layout terminates.
    fn check_recursive_types(&mut self) {
        // Types declared since the last call (package-level ones first, then local ones).
        let types = self.declared_types[self.recursion_checked..].to_vec();
        self.recursion_checked = self.declared_types.len();
        let mut bad = HashSet::new();
        for &(t, span) in &types {
            if bad.contains(&t) {
                continue;
            }
            let mut visiting = vec![];
            if self.contains_by_value(t, t, &mut visiting, 0) {
                bad.insert(t);
                let name = self.tt.named(t).map(|n| n.name.clone()).unwrap_or_default();
                // The other members of the cycle are reported with it (as gc does).
                let mut members: Vec<(Span, String)> = vec![(span, name.clone())];
                for u in visiting {
                    if u != t && self.contains_by_value(t, u, &mut vec![], 0) && bad.insert(u) {
                        let s = types.iter().find(|x| x.0 == u).map(|x| x.1).unwrap_or_default();
                        members.push((s, self.tt.named(u).map(|n| n.name.clone()).unwrap_or_default()));
                    }
                }
                if members.len() == 1 {
                    self.error(span, format!("invalid recursive type: {name} refers to itself"));
                } else {
                    members[1..].sort_by_key(|m| m.0.lo);
                    let mut msg = format!("invalid recursive type {name}");
                    for i in 0..members.len() {
                        let next = &members[(i + 1) % members.len()].1;
                        msg.push_str(&format!("\n\t{}: {} refers to {next}", self.pos_string(members[i].0), members[i].1));
                    }
                    self.error(span, msg);
                }
            }
        }
        for t in bad {
            self.tt.set_underlying(t, TypeTable::INVALID);
        }
    }

    fn contains_by_value(&self, root: TypeId, t: TypeId, visiting: &mut Vec<TypeId>, depth: u32) -> bool {
        if depth > crate::limits::NESTING_BUDGET {
            return false;
        }
        let u = self.tt.underlying(t);
        let comps: Vec<TypeId> = match self.tt.get(u) {
            Type::Struct { fields } => fields.iter().map(|f| f.ty).collect(),
            Type::Array { elem, .. } => vec![*elem],
            _ => return false,
        };
        for c in comps {
            if c == root {
                return true;
            }
            if self.tt.is_named(c) {
                if visiting.contains(&c) {
                    continue;
                }
                visiting.push(c);
            }
            if self.contains_by_value(root, c, visiting, depth + 1) {
                return true;
            }
        }
        false
    }

    // ----- finishing --------------------------------------------------------------------------

    /// Gives every still-untyped expression its default type.
    fn finish_untyped(&mut self) {
        let ids: Vec<NodeId> = self.untyped.keys().copied().collect();
        for id in ids {
            if !self.untyped.contains_key(&id) {
                continue;
            }
            let t = self.info.types[id].ty;
            let d = self.tt.default_type(t);
            self.update_expr_type(id, d);
        }
    }

    /// Reports initialisation cycles: cycles in the dependency graph of package-level objects
    /// (through function bodies too) that contain a variable or constant.
    /// Initialization cycles as types2's `initOrder` finds them: a graph over package-level
    /// constants, variables and functions (methods included) with the function nodes spliced out;
    /// nodes are taken constants first, then by fewest remaining dependencies, then in source
    /// order; a node taken while it still has dependencies reports the cycle `findPath` finds
    /// from it back to itself (through functions too, dependencies in source order).
    pub(super) fn report_init_cycles(&mut self) {
        use std::collections::BTreeSet;
        let is_dep = |c: &Self, o: ObjId| {
            matches!(c.info.objects[o].kind, ObjKind::Var(_) | ObjKind::Const { .. } | ObjKind::Func { .. })
        };
        let mut nodes: Vec<ObjId> = self.pkg_decls.keys().copied().filter(|&o| is_dep(self, o)).collect();
        for ds in self.deps.values() {
            for &d in ds {
                if is_dep(self, d) {
                    nodes.push(d);
                }
            }
        }
        nodes.sort_by_key(|&o| (self.info.objects[o].span.lo, o));
        nodes.dedup();
        if nodes.is_empty() {
            return;
        }
        // `var a, b = f()`: the variables of one n:1 spec share one declInfo, so their deps
        let mut shared: HashMap<(usize, usize), Vec<ObjId>> = HashMap::new();
        for &o in &nodes {
            if let Some(PkgDecl::Var { spec, decl, spec_index, .. }) = self.pkg_decls.get(&o) {
                if spec.values.len() == 1 && spec.names.len() > 1 {
                    shared.entry((*decl, *spec_index)).or_default().push(o);
                }
            }
        }
        let mut deps: HashMap<ObjId, Vec<ObjId>> = HashMap::new();
        for &o in &nodes {
            let mut ds: Vec<ObjId> = self.deps.get(&o).cloned().unwrap_or_default();
            if let Some(PkgDecl::Var { decl, spec_index, .. }) = self.pkg_decls.get(&o) {
                if let Some(group) = shared.get(&(*decl, *spec_index)) {
                    for g in group {
                        ds.extend(self.deps.get(g).into_iter().flatten().copied());
                    }
                }
            }
            ds.retain(|&d| is_dep(self, d));
            ds.sort_by_key(|&d| (self.info.objects[d].span.lo, d));
            ds.dedup();
            deps.insert(o, ds);
        }
        let index: HashMap<ObjId, usize> = nodes.iter().enumerate().map(|(i, &o)| (o, i)).collect();
        let n = nodes.len();
        let mut succ: Vec<HashSet<usize>> = vec![HashSet::new(); n];
        let mut pred: Vec<HashSet<usize>> = vec![HashSet::new(); n];
        for (i, &o) in nodes.iter().enumerate() {
            for d in &deps[&o] {
                let j = index[d];
                succ[i].insert(j);
                pred[j].insert(i);
            }
        }
        let is_func = |c: &Self, i: usize| matches!(c.info.objects[nodes[i]].kind, ObjKind::Func { .. });
        // splice out function nodes, cheapest first (types2's cost: |pred| * |succ|)
        let mut funcs: Vec<usize> = (0..n).filter(|&i| is_func(self, i)).collect();
        funcs.sort_by_key(|&i| pred[i].len() * succ[i].len());
        for &f in &funcs {
            let ps: Vec<usize> = pred[f].iter().copied().collect();
            let ss: Vec<usize> = succ[f].iter().copied().collect();
            for &p in &ps {
                if p != f {
                    for &s2 in &ss {
                        if s2 != f {
                            succ[p].insert(s2);
                            pred[s2].insert(p);
                        }
                    }
                    succ[p].remove(&f);
                }
            }
            for &s2 in &ss {
                pred[s2].remove(&f);
            }
        }
        let order = |i: usize| self.info.objects[nodes[i]].span.lo;
        let not_const = |c: &Self, i: usize| !matches!(c.info.objects[nodes[i]].kind, ObjKind::Const { .. });
        let mut ndeps: Vec<usize> = (0..n).map(|i| succ[i].len()).collect();
        let mut queue: BTreeSet<(bool, usize, u32, usize)> = BTreeSet::new();
        for i in 0..n {
            if !is_func(self, i) {
                queue.insert((not_const(self, i), ndeps[i], order(i), i));
            }
        }
        let mut cycles: Vec<Vec<ObjId>> = vec![];
        while let Some(first) = queue.pop_first() {
            let i = first.3;
            if ndeps[i] > 0 {
                if let Some(c) = find_path(&deps, nodes[i], nodes[i]) {
                    cycles.push(c);
                }
            }
            for &p in &pred[i] {
                if queue.remove(&(not_const(self, p), ndeps[p], order(p), p)) {
                    ndeps[p] = ndeps[p].saturating_sub(1);
                    queue.insert((not_const(self, p), ndeps[p], order(p), p));
                }
            }
        }
        for cycle in cycles {
            // cycle = [o, ..., x] from findPath: "o refers to cycle[n-1]", ..., "cycle[1] refers to cycle[0]"
            let mut obj = cycle[0];
            let name = self.info.objects[obj].name.clone();
            let span = self.info.objects[obj].span;
            if cycle.len() == 1 {
                self.error(span, format!("initialization cycle: {name} refers to itself"));
                continue;
            }
            let mut msg = format!("initialization cycle for {name}");
            for j in (0..cycle.len()).rev() {
                let next = cycle[j];
                let a = &self.info.objects[obj];
                msg.push_str(&format!("\n\t{}: {} refers to {}", self.pos_string(a.span), a.name, self.info.objects[next].name));
                obj = next;
            }
            self.error(span, msg);
        }
    }

    fn check_unused_imports(&mut self) {
        let cur = self.cur_file;
        let mut unused: Vec<(Span, String)> = self
            .file_imports
            .iter()
            .enumerate()
            .flat_map(|(i, m)| if i == cur { self.imports.iter() } else { m.iter() })
            .filter(|(_, e)| !e.used)
            .map(|(name, e)| {
                let msg = if *name == e.path || e.path.ends_with(&format!("/{name}")) {
                    format!("\"{}\" imported and not used", e.path)
                } else {
                    format!("\"{}\" imported as {} and not used", e.path, name)
                };
                (e.span, msg)
            })
            .collect();
        unused.sort_by_key(|u| u.0.lo);
        for (s, m) in unused {
            self.error(s, m);
        }
    }
}

/// types2's findPath: a dependency path from `from` to `to` (returned reversed: `to` first,
/// then the steps back to `from`'s direct dependency), trying dependencies in source order.
/// Iterative (a deep dependency chain must not exhaust the stack).
fn find_path(deps: &HashMap<ObjId, Vec<ObjId>>, from: ObjId, to: ObjId) -> Option<Vec<ObjId>> {
    let mut seen: HashSet<ObjId> = HashSet::new();
    seen.insert(from);
    let mut stack: Vec<(ObjId, usize)> = vec![(from, 0)];
    while let Some(&mut (n, ref mut i)) = stack.last_mut() {
        let Some(&d) = deps.get(&n).and_then(|ds| ds.get(*i)) else {
            stack.pop();
            continue;
        };
        *i += 1;
        if d == to {
            let mut path = vec![to];
            path.extend(stack[1..].iter().rev().map(|&(x, _)| x));
            return Some(path);
        }
        if seen.insert(d) {
            stack.push((d, 0));
        }
    }
    None
}

pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
