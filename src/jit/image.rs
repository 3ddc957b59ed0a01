//! The JIT's part of a program image (`src/image.rs`): every declaration of the module and
//! every compiled function — machine code, module relocations by declaration index, and the
//! metadata the function table is built from — in a serialisable form, and the inverse: a [`Jit`]
//! whose module holds the same declarations and definitions, ready for [`Jit::finalize`].
//!
//! Invariant: a restored module declares the same functions and data objects with the same ids
//! (re-declared in id order on top of the trampolines every `Jit` declares first), so
//! relocations and `FuncId`s stored by index mean the same thing; every function, the
//! trampolines included, is defined from its bytes (`define_function_bytes`): nothing is
//! compiled.

use super::{CompiledFunc, FuncMeta, Jit, JitError, StackInfo};
use cranelift_codegen::binemit::Reloc;
use cranelift_codegen::ir::{self, KnownSymbol, LibCall};
use cranelift_codegen::isa::unwind::UnwindInfo;
use cranelift_module::{DataId, FuncId, Linkage, Module, ModuleReloc, ModuleRelocTarget};
use gojit_runtime::funcdata::{CallSite, FuncKind};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The serialisable output of one compile.
#[derive(Serialize, Deserialize)]
pub struct Code<'a> {
    /// [`Jit::set_source_file`]'s path.
    file: String,
    funcs_decl: Vec<FuncDecl>,
    data_decl: Vec<DataDecl>,
    /// Every function, the trampolines first, in definition order.
    #[serde(borrow)]
    funcs: Vec<Func<'a>>,
}

#[derive(Serialize, Deserialize)]
struct FuncDecl {
    name: Option<String>,
    linkage: u8,
    sig: ir::Signature,
}

#[derive(Serialize, Deserialize)]
struct DataDecl {
    name: Option<String>,
    linkage: u8,
    writable: bool,
    tls: bool,
}

#[derive(Serialize, Deserialize)]
struct Func<'a> {
    id: u32,
    meta: FuncMeta,
    kind: u8,
    size: u32,
    frame_size: u32,
    deferbits_off: i32,
    closure_offs: Vec<i32>,
    args_off: i32,
    lines: Vec<(u32, u32)>,
    inline_ranges: Vec<(u32, u32, u32)>,
    file_runs: Vec<(u32, String)>,
    calls: Vec<(u32, u32, u32)>,
    all_calls: Vec<u32>,
    stack: Option<StackInfo>,
    unwind: Option<UnwindInfo>,
    /// Borrowed from the mapped image when decoded (copied once, into code memory).
    #[serde(borrow, with = "crate::image::blob")]
    code: Cow<'a, [u8]>,
    align: u64,
    relocs: Vec<RelocRow>,
}

#[derive(Serialize, Deserialize)]
struct RelocRow {
    offset: u32,
    kind: Reloc,
    target: Target,
    addend: i64,
}

#[derive(Serialize, Deserialize)]
enum Target {
    User { namespace: u32, index: u32 },
    LibCall(LibCall),
    KnownSymbol(KnownSymbol),
    FunctionOffset(u32, u32),
}

/// The machine code of one function as `define_function_bytes` takes it.
pub(crate) struct Bytes {
    pub code: Vec<u8>,
    pub align: u64,
    pub relocs: Vec<ModuleReloc>,
}

fn linkage_code(l: Linkage) -> u8 {
    match l {
        Linkage::Import => 0,
        Linkage::Local => 1,
        Linkage::Preemptible => 2,
        Linkage::Hidden => 3,
        Linkage::Export => 4,
    }
}

fn linkage_of(c: u8) -> Result<Linkage, JitError> {
    Ok(match c {
        0 => Linkage::Import,
        1 => Linkage::Local,
        2 => Linkage::Preemptible,
        3 => Linkage::Hidden,
        4 => Linkage::Export,
        _ => return Err(bad("linkage")),
    })
}

fn kind_code(k: FuncKind) -> u8 {
    k as u8
}

fn kind_of(c: u8) -> Result<FuncKind, JitError> {
    Ok(match c {
        0 => FuncKind::Go,
        1 => FuncKind::EntryTrampoline,
        2 => FuncKind::DeferTrampoline,
        3 => FuncKind::MethodTrampoline,
        _ => return Err(bad("function kind")),
    })
}

fn bad(what: &str) -> JitError {
    JitError::Module(format!("program image: bad {what}"))
}

impl Jit {
    /// Keeps a copy of every function's code from now on, for [`Jit::image_code`]. Only right
    /// after [`Jit::new`] (the trampolines' code is kept by it); later, no image can be made.
    pub fn record_image(&mut self) {
        let tramps = std::mem::take(&mut self.trampoline_code);
        self.recorded = (tramps.len() == self.funcs.len()).then_some(tramps);
    }

    /// The declarations and recorded functions (see [`Jit::record_image`]); call after
    /// [`Jit::wait`]. `None` when recording was not on.
    pub fn image_code(&self) -> Option<Code<'static>> {
        let bytes = self.recorded.as_ref()?;
        if self.funcs.len() != bytes.len() {
            return None;
        }
        let decls = self.module.declarations();
        let funcs_decl = decls
            .get_functions()
            .map(|(_, d)| FuncDecl { name: d.name.clone(), linkage: linkage_code(d.linkage), sig: d.signature.clone() })
            .collect();
        let data_decl = decls
            .get_data_objects()
            .map(|(_, d)| DataDecl { name: d.name.clone(), linkage: linkage_code(d.linkage), writable: d.writable, tls: d.tls })
            .collect();
        let funcs = self.funcs.iter().zip(bytes).map(|(c, b)| func_row(c, b)).collect();
        Some(Code { file: self.file.clone(), funcs_decl, data_decl, funcs })
    }

    /// A JIT holding `code`'s declarations and functions (see the module docs).
    pub fn from_image(code: Code<'_>) -> Result<Jit, JitError> {
        let mut jit = Jit::with_trampolines_declared(Vec::new())?;
        jit.file = code.file.clone();
        let have: Vec<Option<String>> = jit.module.declarations().get_functions().map(|(_, d)| d.name.clone()).collect();
        if have.len() > code.funcs_decl.len() || have.iter().zip(&code.funcs_decl).any(|(a, b)| *a != b.name) {
            return Err(bad("trampoline declarations"));
        }
        if jit.module.declarations().get_data_objects().next().is_some() {
            return Err(bad("data declarations"));
        }
        for (i, d) in code.funcs_decl.iter().enumerate().skip(have.len()) {
            let linkage = linkage_of(d.linkage)?;
            let id = match &d.name {
                Some(n) => jit.module.declare_function(n, linkage, &d.sig)?,
                None => jit.module.declare_anonymous_function(&d.sig)?,
            };
            if id.as_u32() as usize != i {
                return Err(bad("function ids"));
            }
        }
        for (i, d) in code.data_decl.iter().enumerate() {
            let linkage = linkage_of(d.linkage)?;
            let id: DataId = match &d.name {
                Some(n) => jit.module.declare_data(n, linkage, d.writable, d.tls)?,
                None => jit.module.declare_anonymous_data(d.writable, d.tls)?,
            };
            if id.as_u32() as usize != i {
                return Err(bad("data ids"));
            }
        }
        let nfuncs = code.funcs_decl.len() as u32;
        for f in code.funcs {
            let (compiled, code, align, relocs) = func_of(f, nfuncs)?;
            jit.module.define_function_bytes(compiled.id, align, &code, &relocs)?;
            jit.funcs.push(compiled);
        }
        Ok(jit)
    }
}

fn func_row(c: &CompiledFunc, b: &Bytes) -> Func<'static> {
    Func {
        id: c.id.as_u32(),
        meta: c.meta.clone(),
        kind: kind_code(c.kind),
        size: c.size,
        frame_size: c.frame_size,
        deferbits_off: c.deferbits_off,
        closure_offs: c.closure_offs.clone(),
        args_off: c.args_off,
        lines: c.lines.clone(),
        inline_ranges: c.inline_ranges.clone(),
        file_runs: c.file_runs.clone(),
        stack: c.stack.clone(),
        calls: c.calls.iter().map(|s| (s.ret, s.handler, s.frame_offset)).collect(),
        all_calls: c.all_calls.clone(),
        unwind: c.unwind.clone(),
        code: Cow::Owned(b.code.clone()),
        align: b.align,
        relocs: b
            .relocs
            .iter()
            .map(|r| RelocRow {
                offset: r.offset,
                kind: r.kind,
                target: match &r.name {
                    ModuleRelocTarget::User { namespace, index } => Target::User { namespace: *namespace, index: *index },
                    ModuleRelocTarget::LibCall(l) => Target::LibCall(*l),
                    ModuleRelocTarget::KnownSymbol(k) => Target::KnownSymbol(*k),
                    ModuleRelocTarget::FunctionOffset(f, off) => Target::FunctionOffset(f.as_u32(), *off),
                },
                addend: r.addend,
            })
            .collect(),
    }
}

fn func_of<'a>(f: Func<'a>, nfuncs: u32) -> Result<(CompiledFunc, Cow<'a, [u8]>, u64, Vec<ModuleReloc>), JitError> {
    let func_id = |i: u32| if i < nfuncs { Ok(FuncId::from_u32(i)) } else { Err(bad("function index")) };
    let relocs = f
        .relocs
        .iter()
        .map(|r| {
            let name = match &r.target {
                Target::User { namespace, index } => ModuleRelocTarget::User { namespace: *namespace, index: *index },
                Target::LibCall(l) => ModuleRelocTarget::LibCall(*l),
                Target::KnownSymbol(k) => ModuleRelocTarget::KnownSymbol(*k),
                Target::FunctionOffset(i, off) => ModuleRelocTarget::FunctionOffset(func_id(*i)?, *off),
            };
            Ok(ModuleReloc { offset: r.offset, kind: r.kind, name, addend: r.addend })
        })
        .collect::<Result<Vec<_>, JitError>>()?;
    if f.size as usize != f.code.len() || !f.align.is_power_of_two() {
        return Err(bad("function size"));
    }
    let compiled = CompiledFunc {
        id: func_id(f.id)?,
        meta: f.meta,
        kind: kind_of(f.kind)?,
        size: f.size,
        frame_size: f.frame_size,
        deferbits_off: f.deferbits_off,
        closure_offs: f.closure_offs,
        args_off: f.args_off,
        lines: f.lines,
        inline_ranges: f.inline_ranges,
        file_runs: f.file_runs,
        calls: f.calls.iter().map(|&(ret, handler, frame_offset)| CallSite { ret, handler, frame_offset }).collect(),
        all_calls: f.all_calls,
        stack: f.stack,
        clif: None,
        unwind: f.unwind,
    };
    Ok((compiled, f.code, f.align, relocs))
}
