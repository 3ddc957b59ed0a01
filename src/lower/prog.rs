//! Program-level lowering state ([`Prog`]): function declarations (one Cranelift `FuncId` per Go
//! function, method, closure and wrapper), package variables (leaked zeroed memory at fixed
//! addresses), runtime-symbol imports, the representation cache, and the list of code-address
//! fixups applied after the JIT module is finalized (static closures `[code]`, method tables).
//!
//! Invariants:
//! * Every Go function is declared with [`Prog::go_signature`] of its type: the `tail` convention,
//!   `ctx` first, parameters flattened (aggregates as one pointer to a caller-owned copy), then one
//!   out pointer per aggregate result; results flattened (aggregates omitted: written through the
//!   out pointers).
//! * Package variables never move: their address is embedded in code as a constant.

use std::collections::HashMap;

use cranelift_codegen::ir::{Signature, Type, types};
use cranelift_module::{FuncId, Linkage, Module};

use crate::diag::{Diagnostic, SourceMap, Span};
use crate::syntax::ast;
use crate::types::{Info, ObjId, ObjKind, TypeId, TypeTable};

use super::func::FnCx;
use super::rt::{self, Decl, Rt};
use super::tyview::{self, Repr};
use super::{Jit, LowerError};

/// A code-address fixup: after finalize, write the entry of `func` at `addr`.
pub struct Fixup {
    pub addr: usize,
    pub func: FuncId,
}

/// Program-level state shared by all function lowerings.
pub struct Prog<'a> {
    /// Every file of every package, in initialisation order.
    pub files: Vec<&'a ast::File>,
    pub src: &'a SourceMap,
    /// Absolute path of the source file of the function being lowered (for its table row).
    pub cur_file: String,
    /// Absolute path of each file of `src`, by index.
    abs_files: Vec<String>,
    /// Whether the current function's file has line directives (its source locations hold
    /// position keys, `linepos`).
    pub cur_file_dirs: bool,
    /// The program's position keys (`linepos`).
    pub line_positions: super::linepos::LinePositions,
    pub tt: &'a TypeTable,
    pub info: &'a Info,
    pub jit: &'a mut Jit,
    /// Declared Go functions and methods by object.
    pub funcs: HashMap<ObjId, FuncId>,
    /// Function declarations by their `FuncDecl::id`.
    pub decls: HashMap<ast::NodeId, &'a ast::FuncDecl>,
    rt_ids: HashMap<&'static str, FuncId>,
    /// The runtime's preemption word (`gort_preempt_flag`), declared on first use.
    preempt_flag: Option<cranelift_module::DataId>,
    globals: HashMap<ObjId, usize>,
    reprs: HashMap<TypeId, Repr>,
    pub typedescs: super::typedesc::TypeDescs,
    pub fixups: Vec<Fixup>,
    /// Lowering placed something the program uses outside the descriptor region and the data
    /// segment (a fallback when they are unavailable or full): no program image may be written.
    pub outside_regions: bool,
    pub static_closures: HashMap<FuncId, usize>,
    pub diags: Vec<Diagnostic>,
    /// Number of func literals lowered so far per enclosing Go name (for `main.f.func1`).
    pub lit_counter: HashMap<String, u32>,
    /// Range-over-func bodies being lowered, innermost last (`rangefunc`).
    pub rf_bodies: Vec<super::rangefunc::RfBody>,
    /// The `#next` codes of branch escapes (`rangefunc`): code `i + 1` is entry `i`.
    pub rf_codes: Vec<super::rangefunc::Escape>,
    anon: u32,
    /// The machine signature [`Prog::go_signature`] made last and its call shape
    /// (`gojit_runtime::reflectcall::shape`), claimed by the next [`Prog::declare_fn`] of it.
    /// With it, the logical signature when the machine one is a memory-block signature.
    last_shape: Option<(Signature, Vec<u8>, Option<Signature>)>,
    /// The logical signature of every declared function whose machine signature is a
    /// memory-block one (`blockabi`).
    pub big_fns: HashMap<FuncId, Signature>,
    /// The call shape of each function declared from a Go signature: its function-table row
    /// carries it, so `reflect.Value.Call` can call it (`runtime/src/reflectcall.rs`).
    pub call_shapes: HashMap<FuncId, Vec<u8>>,
    /// Functions whose code is the runtime symbol named (`hooks::Impl::Native`).
    pub natives: Vec<(FuncId, &'static str)>,
    /// `(main.main, main.init)`: `main.main`'s prologue calls the package initializer first
    /// (only its own: the func literals inside `main` are lowered while this is set too).
    pub main_init: Option<(FuncId, FuncId)>,
    /// The next function built uses lite defers (see `defer.rs`).
    pub lite_pending: bool,
    /// Set by the function just emitted: it qualifies for lite defers and must be rebuilt.
    pub retry_lite: bool,
    /// The last `build_fn` skipped definition because of `retry_lite`.
    pub last_retry: bool,
    /// While lowering an instance of a generic function: its type parameters -> type arguments
    /// (empty otherwise). Every type read from the checker's tables goes through [`Prog::sub`].
    pub subst: std::rc::Rc<crate::types::ty::SubstMap>,
    /// One function per (generic function or method, type arguments) in `info.mono`.
    pub instances: HashMap<(ObjId, Vec<TypeId>), FuncId>,
    /// Hooked functions whose direct calls are the hook's inline op (`hooks::Impl::Inline`).
    pub inline_hooks: HashMap<ObjId, &'static super::hooks::Hook>,
    /// Variables and func literals that may live in their frame (`escape`).
    pub escapes: super::escape::Escapes,
    /// Package variables initialised at compile time (`staticinit`).
    pub statics: super::staticinit::Statics,
    /// Functions as inlining candidates (`inline`), by object, computed on first call.
    pub inlinable: HashMap<ObjId, Option<super::inline::Inlinable<'a>>>,
    /// Functions being costed for inlining, innermost last (`inline`).
    pub inline_costing: Vec<ObjId>,
}

impl<'a> Prog<'a> {
    pub fn new(files: Vec<&'a ast::File>, src: &'a SourceMap, tt: &'a TypeTable, info: &'a Info, jit: &'a mut Jit) -> Prog<'a> {
        Prog {
            files,
            src,
            cur_file: String::new(),
            cur_file_dirs: false,
            line_positions: Default::default(),
            abs_files: src.files().iter().map(|f| crate::driver::absolute_path(&f.name)).collect(),
            tt,
            info,
            jit,
            funcs: HashMap::new(),
            decls: HashMap::new(),
            rt_ids: HashMap::new(),
            preempt_flag: None,
            globals: HashMap::new(),
            reprs: HashMap::new(),
            typedescs: Default::default(),
            fixups: vec![],
            outside_regions: false,
            static_closures: HashMap::new(),
            diags: vec![],
            lit_counter: HashMap::new(),
            rf_bodies: vec![],
            rf_codes: vec![],
            anon: 0,
            last_shape: None,
            big_fns: HashMap::new(),
            call_shapes: HashMap::new(),
            natives: vec![],
            main_init: None,
            lite_pending: false,
            retry_lite: false,
            last_retry: false,
            subst: Default::default(),
            instances: HashMap::new(),
            inline_hooks: HashMap::new(),
            escapes: Default::default(),
            statics: Default::default(),
            inlinable: HashMap::new(),
            inline_costing: vec![],
        }
    }

    /// Whether position `pos` is in the current function's source file.
    pub fn same_file(&self, pos: u32) -> bool {
        self.abs_files[self.src.index_of(pos)] == self.cur_file
    }

    /// Makes the file holding position `pos` the current function's source file.
    pub fn enter_file_of(&mut self, pos: u32) {
        let i = self.src.index_of(pos);
        self.cur_file_dirs = self.src.files()[i].has_directives();
        if self.abs_files[i] != self.cur_file {
            self.cur_file = self.abs_files[i].clone();
        }
    }

    /// The line field of the source location of position `pos` in the current function: its
    /// line, or in a file with line directives its position key (`linepos`).
    pub fn line_loc(&mut self, pos: u32) -> u32 {
        let line = self.src.gc_line(pos);
        self.line_loc_at(line, pos)
    }

    /// The line field of a source location for `line` in the file position `pos` is in
    /// (directives applied).
    pub fn line_loc_at(&mut self, line: u32, pos: u32) -> u32 {
        if !self.cur_file_dirs {
            return line;
        }
        let i = self.src.index_of(pos);
        let name = self.src.files()[i].gc_pos(pos).map(|g| g.name);
        let file = match name {
            Some(n) => super::linepos::runtime_file(n, &self.abs_files[i]),
            None => self.abs_files[i].clone(),
        };
        self.line_positions.key(line, file)
    }

    /// The Go line a source location's line field stands for ([`Prog::line_loc`]'s inverse).
    pub fn loc_line(&self, loc: u32) -> u32 {
        if !self.cur_file_dirs {
            return loc;
        }
        self.line_positions.get(loc).map_or(loc, |p| p.0)
    }

    // ----- instances of generic code ---------------------------------------------------------

    /// `t` with the current instance's type arguments substituted. Every type an instance needs
    /// was interned by the checker's monomorphization pass; a missing one is a compiler bug.
    pub fn sub(&self, t: TypeId) -> TypeId {
        if self.subst.is_empty() {
            return t;
        }
        match self.tt.subst_existing(t, &self.subst) {
            Some(t) => t,
            None => panic!("type {} of a generic instance was not instantiated", self.tt.type_string(t)),
        }
    }

    /// The recorded type of an expression, substituted.
    pub fn type_of(&self, id: ast::NodeId) -> TypeId {
        self.sub(self.info.type_of(id))
    }

    /// An object's type, substituted.
    pub fn obj_ty(&self, o: ObjId) -> Option<TypeId> {
        self.info.obj(o).ty().map(|t| self.sub(t))
    }

    /// The selection of selector expression `id`, substituted; a type parameter's method resolved
    /// on the concrete type argument.
    pub fn selection(&self, id: ast::NodeId) -> Option<crate::types::Selection> {
        use crate::types::{Lookup, MethodTarget, SelectionKind};
        let mut s = self.info.selections.get(&id)?.clone();
        if self.subst.is_empty() {
            return Some(s);
        }
        s.recv = self.sub(s.recv);
        s.ty = self.sub(s.ty);
        if let Some(MethodTarget::Concrete { named, index, func, ptr_recv, targs }) = s.method.clone() {
            let targs = targs.iter().map(|&t| self.sub(t)).collect();
            s.method = Some(MethodTarget::Concrete { named: self.sub(named), index, func, ptr_recv, targs });
        }
        if let Some(MethodTarget::Interface { iface, index }) = s.method.clone() {
            s.method = Some(MethodTarget::Interface { iface: self.sub(iface), index });
        }
        let is_expr = s.kind == SelectionKind::MethodExpr && s.method.is_none();
        if s.kind == SelectionKind::TypeParamMethod || is_expr {
            let name = self.selector_name(id)?;
            match self.tt.lookup_any_pkg(s.recv, &name) {
                Lookup::Method { path, named, index, indirect } => {
                    let m = self.tt.named(named)?.methods.get(index as usize)?.clone();
                    s.kind = if is_expr { SelectionKind::MethodExpr } else { SelectionKind::MethodVal };
                    s.path = path;
                    s.indirect = indirect;
                    s.method = Some(MethodTarget::Concrete { named, index, func: m.func, ptr_recv: m.ptr_recv, targs: vec![] });
                }
                Lookup::InterfaceMethod { path, iface, index, indirect } => {
                    s.kind = if is_expr { SelectionKind::MethodExpr } else { SelectionKind::InterfaceMethod };
                    s.path = path;
                    s.indirect = indirect;
                    s.method = Some(MethodTarget::Interface { iface, index });
                }
                _ => return None,
            }
        }
        Some(s)
    }

    fn selector_name(&self, id: ast::NodeId) -> Option<String> {
        self.info.tparam_methods.get(&id).cloned()
    }

    /// The code of method `func` of named type `named` (an instance's method for a generic type).
    /// `mtargs`: a generic method's own type arguments (the instance is keyed by the receiver
    /// type's type arguments followed by them).
    pub fn method_fn(&self, func: ObjId, named: TypeId, mtargs: &[TypeId]) -> Option<FuncId> {
        match self.tt.named(named) {
            Some(n) if n.origin.is_some() || !mtargs.is_empty() => {
                let key: Vec<TypeId> = n.targs.iter().chain(mtargs).copied().collect();
                self.instances.get(&(func, key)).copied()
            }
            _ => self.funcs.get(&func).copied(),
        }
    }

    /// The node `info.instances` keys a use of a generic function by: the identifier `F`, or
    /// `F` of a qualified `pkg.F` (the checker's `generic_ident`).
    pub fn instance_key(e: &ast::Expr) -> ast::NodeId {
        match &e.unparen().kind {
            ast::ExprKind::Selector { sel, .. } => sel.id,
            _ => e.unparen().id,
        }
    }

    /// The code a use of function `o` by identifier `ident` denotes (an instance when generic).
    pub fn func_for(&self, o: ObjId, ident: ast::NodeId) -> Option<FuncId> {
        match self.info.instances.get(&ident) {
            Some(targs) => {
                let targs: Vec<TypeId> = targs.iter().map(|&t| self.sub(t)).collect();
                self.instances.get(&(o, targs)).copied()
            }
            None => self.funcs.get(&o).copied(),
        }
    }

    /// gc's name of an instance: `main.Map[int,string]`, `main.(*List[int]).Push`.
    /// A generic method's own type arguments follow its name: `main.(*List[int]).Map[string]`,
    /// `main.T.Conv[float64]`.
    pub fn instance_name(&self, o: ObjId, targs: &[TypeId]) -> String {
        let list = |ts: &[TypeId]| {
            let args: Vec<String> = ts.iter().map(|&t| self.tt.type_string(t)).collect();
            format!("[{}]", args.join(","))
        };
        let own = match self.info.obj(o).kind {
            ObjKind::Func { decl, .. } => self.info.method_tparams.get(&decl).map_or(0, |v| v.len()),
            _ => 0,
        };
        if own == 0 {
            return self.go_name(o, &list(targs));
        }
        let (recv, mine) = targs.split_at(targs.len() - own);
        let recv = if recv.is_empty() { String::new() } else { list(recv) };
        format!("{}{}", self.go_name(o, &recv), list(mine))
    }

    pub fn err(&mut self, span: Span, msg: impl Into<String>) {
        self.diags.push(Diagnostic::new(span, msg));
    }

    pub fn repr(&mut self, t: TypeId) -> Repr {
        if let Some(r) = self.reprs.get(&t) {
            return r.clone();
        }
        let r = tyview::repr(self.tt, t);
        self.reprs.insert(t, r.clone());
        r
    }

    pub fn size_align(&self, t: TypeId) -> (u64, u64) {
        let l = self.tt.layout(t);
        (l.size, l.align.max(1))
    }

    /// Words of a value of type `t` as a parameter (aggregates: one pointer).
    pub fn param_words(&mut self, t: TypeId) -> Vec<Type> {
        match self.repr(t) {
            Repr::Words(w) => w,
            Repr::Mem { .. } => vec![types::I64],
        }
    }

    /// The machine signature of a Go function with `recv` (already as its words), params and results.
    pub fn go_signature(&mut self, recv: Option<TypeId>, params: &[TypeId], results: &[TypeId]) -> Signature {
        self.go_signature_parts(recv, params, results).0
    }

    /// [`Prog::go_signature`], and the logical signature (the words as registers would carry
    /// them) when the machine one is a memory-block signature (`blockabi`).
    pub fn go_signature_parts(&mut self, recv: Option<TypeId>, params: &[TypeId], results: &[TypeId]) -> (Signature, Option<Signature>) {
        let mut ps = vec![];
        if let Some(r) = recv {
            ps.extend(self.param_words(r));
        }
        for &p in params {
            ps.extend(self.param_words(p));
        }
        let mut rs = vec![];
        for &r in results {
            match self.repr(r) {
                Repr::Words(w) => rs.extend(w),
                Repr::Mem { .. } => ps.push(types::I64),
            }
        }
        let sig = FnCx::go_sig(&ps, &rs);
        if super::blockabi::is_block(&sig) {
            let machine = super::blockabi::machine_sig();
            // no call shape: reflect refuses the function (see `blockabi`)
            self.last_shape = Some((machine.clone(), vec![], Some(sig.clone())));
            return (machine, Some(sig));
        }
        let shape = self.call_shape(recv, params, results);
        self.last_shape = Some((sig.clone(), shape, None));
        (sig, None)
    }

    /// Drops what [`Prog::go_signature`] made last, for a signature that is imported rather than
    /// declared (so no later declaration of an equal machine signature claims it).
    pub fn forget_last_signature(&mut self) {
        self.last_shape = None;
    }

    /// The call shape (`gojit_runtime::reflectcall::shape`) of a Go function with `recv`
    /// (already as its words), params and results: each parameter's words (or its size and
    /// alignment when it travels by address), a separator, then each result's.
    fn call_shape(&mut self, recv: Option<TypeId>, params: &[TypeId], results: &[TypeId]) -> Vec<u8> {
        use gojit_runtime::reflectcall::shape;
        let mut out = vec![];
        let put = |p: &mut Self, t: TypeId, out: &mut Vec<u8>| match p.repr(t) {
            Repr::Words(w) => out.extend(w.iter().map(|&w| shape::word_code(w.bytes(), w.is_float()))),
            Repr::Mem { size, align } => {
                out.push(shape::MEM);
                out.extend_from_slice(&(size as u32).to_le_bytes());
                out.push(align as u8);
            }
        };
        if let Some(r) = recv {
            // a receiver given as its words (`TypeTable::INT` for an interface data word)
            for w in self.param_words(r) {
                out.push(shape::word_code(w.bytes(), w.is_float()));
            }
        }
        for &p in params {
            put(self, p, &mut out);
        }
        out.push(shape::RESULTS);
        for &r in results {
            put(self, r, &mut out);
        }
        out
    }

    /// The machine signature of a func type (`recv` none).
    pub fn func_type_signature(&mut self, fty: TypeId) -> Signature {
        let sig = self.tt.signature(fty).cloned().unwrap_or(crate::types::ty::Signature {
            params: vec![],
            results: vec![],
            variadic: false,
        });
        self.go_signature(None, &sig.params, &sig.results)
    }

    pub fn declare_fn(&mut self, name: &str, sig: &Signature) -> Result<FuncId, LowerError> {
        self.anon += 1;
        let sym = format!("{}#{}", name, self.anon);
        let id = self
            .jit
            .module()
            .declare_function(&sym, Linkage::Local, sig)
            .map_err(|e| LowerError::Internal(format!("declare {name}: {e}")))?;
        if let Some((s, shape, logical)) = self.last_shape.take() {
            if s == *sig {
                match logical {
                    Some(l) => {
                        self.big_fns.insert(id, l);
                    }
                    None => {
                        self.call_shapes.insert(id, shape);
                    }
                }
            }
        }
        Ok(id)
    }

    /// The FuncId of a runtime entry point (declared on first use).
    pub fn rt_func(&mut self, f: Rt) -> FuncId {
        let name = f.name();
        if let Some(&id) = self.rt_ids.get(name) {
            return id;
        }
        let sig = f.signature();
        let id = self.jit.module().declare_function(name, Linkage::Import, &sig).expect("runtime symbol declaration");
        self.rt_ids.insert(name, id);
        id
    }

    /// The DataId of the runtime's preemption word, polled at loop back-edges (`FnCx::preempt_poll`).
    pub fn preempt_flag(&mut self) -> cranelift_module::DataId {
        if let Some(id) = self.preempt_flag {
            return id;
        }
        let name = gojit_runtime::DATA_SYMBOLS[0];
        let id = self.jit.module().declare_data(name, Linkage::Import, false, false).expect("runtime data symbol declaration");
        self.preempt_flag = Some(id);
        id
    }

    /// The declaration of the library entry point `name` (a compiler bug when it has none).
    pub fn lib_decl(&self, name: &str) -> &'static Decl {
        rt::decl(name).unwrap_or_else(|| panic!("runtime entry {name} is not declared in rt::DECLS"))
    }

    /// The FuncId of a declared library entry point (declared on first use).
    pub fn lib_func(&mut self, d: &'static Decl) -> FuncId {
        if let Some(&id) = self.rt_ids.get(d.name) {
            return id;
        }
        let id = self.jit.module().declare_function(d.name, Linkage::Import, &d.signature()).expect("runtime symbol declaration");
        self.rt_ids.insert(d.name, id);
        id
    }

    /// The address of a package variable's storage (allocated zeroed on first use, never freed).
    /// Zero-sized variables live at the runtime's `zerobase`, as gc places them (so `&x ==
    /// new([0]int)`).
    pub fn global(&mut self, o: ObjId, t: TypeId) -> usize {
        if let Some(&a) = self.globals.get(&o) {
            return a;
        }
        let (size, _) = self.size_align(t);
        if size == 0 {
            let a = gojit_runtime::alloc::zero_base() as usize;
            self.globals.insert(o, a);
            return a;
        }
        // In the runtime's low data segment, as gc's linker places `.bss` (see `mem::data`); plain
        // leaked memory when that segment is unavailable or full.
        let a = match gojit_runtime::mem::data::alloc_data(size as usize, 8) {
            Some(p) => p as usize,
            None => {
                self.outside_regions = true;
                let mem: &'static mut [u64] = Box::leak(vec![0u64; (size as usize).div_ceil(8).max(1)].into_boxed_slice());
                // Outside the data segment: the collector must still scan it (a package variable).
                gojit_runtime::gc::roots::register(mem.as_ptr() as usize, mem.len() * 8);
                mem.as_mut_ptr() as usize
            }
        };
        self.globals.insert(o, a);
        a
    }

    /// The static closure object `[code]` of a top-level function used as a value.
    pub fn static_closure(&mut self, f: FuncId) -> usize {
        if let Some(&a) = self.static_closures.get(&f) {
            return a;
        }
        // In the module region (never freed, at the same address in every run of the program).
        let a = gojit_runtime::abi::module::alloc(8, 8) as usize;
        self.fixups.push(Fixup { addr: a, func: f });
        self.static_closures.insert(f, a);
        a
    }

    /// A predeclared type represented as one pointer-sized word (for storing pointer receivers).
    pub fn tt_pointer_like(&self) -> TypeId {
        TypeTable::UINTPTR
    }

    /// The run-time type descriptor address of `t`.
    pub fn typedesc(&mut self, t: TypeId) -> usize {
        super::typedesc::typedesc(self, t)
    }

    /// gc's name (`ir.MethodSym`) of method `m` of `recv`, a defined type `N` or a pointer `*N`
    /// to one: `main.N.m`, `main.(*N).m`, an instance with its type arguments
    /// (`main.(*Box[int,string]).m`); `None` for other types.
    pub fn method_sym(&self, recv: TypeId, m: &str) -> Option<String> {
        let (named, ptr) = match self.tt.pointer_elem(recv) {
            Some(e) => (e, true),
            None => (recv, false),
        };
        let n = self.tt.named(named)?;
        let shown = self.tt.type_string(named);
        let local = shown.strip_prefix(&format!("{}.", n.pkg)).unwrap_or(&shown);
        let path = if n.path.is_empty() { String::new() } else { format!("{}.", n.path) };
        Some(if ptr { format!("{path}(*{local}).{m}") } else { format!("{path}{local}.{m}") })
    }

    /// gc's name of the code method target `func` of `named` denotes (`method_fn`'s function):
    /// an instance's name when `named` is an instance or the method has type arguments.
    pub fn method_target_name(&self, func: ObjId, named: TypeId, mtargs: &[TypeId]) -> String {
        match self.tt.named(named) {
            Some(n) if n.origin.is_some() || !mtargs.is_empty() => {
                let key: Vec<TypeId> = n.targs.iter().chain(mtargs).copied().collect();
                self.instance_name(func, &key)
            }
            _ => self.func_name(func),
        }
    }

    /// The Go name of a function object (`main.f`, `main.T.M`, `main.(*T).M`).
    pub fn func_name(&self, o: ObjId) -> String {
        self.go_name(o, "")
    }

    /// The Go name of function `o` with `targs` (an instance's `[int,string]`, or empty) after
    /// the function's or the receiver type's name.
    fn go_name(&self, o: ObjId, targs: &str) -> String {
        let obj = self.info.obj(o);
        let pkg = obj.pkg.map_or("main", |p| self.info.packages[p].symbol_prefix.as_str());
        match &obj.kind {
            ObjKind::Func { recv: Some(r), decl, .. } => {
                let tn = self.tt.named(*r).map(|n| n.name.clone()).unwrap_or_default();
                let ptr = self
                    .decls
                    .get(decl)
                    .and_then(|d| d.recv.as_ref())
                    .map(|f| matches!(f.typ.unparen().kind, ast::ExprKind::Star(_)))
                    .unwrap_or(false);
                if ptr { format!("{pkg}.(*{tn}{targs}).{}", obj.name) } else { format!("{pkg}.{tn}{targs}.{}", obj.name) }
            }
            _ => format!("{pkg}.{}{targs}", obj.name),
        }
    }
}
