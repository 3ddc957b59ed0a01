//! `gojit dump`: the machine code of a compiled program, annotated the way
//! `go build -gcflags=-S` and `wasmtime objdump --exception-tables` would together (DESIGN §5).
//!
//! # Format
//! ```text
//! TEXT main.f(SB) prog.go:10 size=0x9a frame=0x60 defers=open(3)
//!   0x0000 prog.go:10    push rbp
//!   ...
//!   0x002a prog.go:10    mov rax, gort_new
//!   0x0034 prog.go:10    call rax                             ; -> gort_new
//!   ...
//!   0x0031 prog.go:13    call main.g                          ; try_call -> handler 0x0083 frame_offset=0x60
//!   ...
//!                        ; handler (try_call landing pad)
//!                        ; deferreturn block
//!   0x0083 prog.go:14    movzx rax, byte ptr [rsp+8]              ; deferBits
//!   ...
//!   0x0092 prog.go:14    mov rdi, [rsp+0x20]                      ; defer 2 closure
//!   FUNCDATA OpenCodedDeferInfo deferBits=fp-0x60 closures=[fp-0x58 fp-0x50 fp-0x48]
//!   PCDATA CallSites
//!     ret=0x0036 handler=0x0083 frame_offset=0x60
//! ```
//! Everything after `TEXT` (size, frame, defer kind and count, slot offsets, call-site table, and
//! the `file:line` of every instruction) is read from the function table the runtime registered
//! (`gojit_runtime::funcdata`), i.e. exactly what the panic walker reads, never recomputed from
//! the compiler's own records. Only the CLIF text (`--clif`) comes from the compiler.
//!
//! Notes after `;`: the runtime entry point a register call reaches (`-> gort_new`), the try_call
//! handler and frame offset, and for open-coded functions the defer slot a `[rsp+d]`/`[rbp+d]`
//! operand touches (from the table's fp-relative offsets). In-function references print as code
//! offsets (`jmp 0x0083`, `[0x0020]` for the constant pool).
//!
//! Functions are listed in definition order: Go functions first, then the runtime trampolines.
//! The deferreturn block is located from the handlers: a handler that is a single `jmp` (an edge
//! block Cranelift inserted) leads to it; otherwise the handler is the block itself.
//!
//! # Exit statuses of `gojit dump`
//! 0 success; 1 the program does not compile (diagnostics on stderr, including internal compiler
//! errors and code generator panics, which are the compiler's bugs, not dump's); 2 bad `--func`;
//! 3 dump's own failure (e.g. an inconsistent function table).

pub mod disasm;
pub mod perfmap;

pub use crate::driver::CompileOptions;
use crate::driver;
use crate::jit::{Jit, Program};
use disasm::{Line, Symbols};
use gojit_runtime::funcdata::{DeferKind, FuncInfo, FuncKind, FuncTable};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::rc::Rc;

/// Options of `gojit dump`.
#[derive(Clone, Debug, Default)]
pub struct DumpOptions {
    /// Only the function with this Go name (`main.f`, or `f` for `main.f`).
    pub func: Option<String>,
    /// Also print each function's Cranelift IR (after Cranelift's optimizations); with `no_addr`
    /// its address constants are named too.
    pub clif: bool,
    /// Replace absolute addresses by names or `<addr>` so the output is deterministic.
    pub no_addr: bool,
}

/// Errors of the dump layer.
#[derive(Debug)]
pub enum DumpError {
    /// The source file cannot be read.
    Read(String),
    /// The program does not compile: rendered gc-style diagnostics.
    Compile(Vec<String>),
    /// `--func` names no compiled function; the available names are listed.
    NoSuchFunc { name: String, available: Vec<String> },
    /// The registered table does not describe a compiled function (dump's own failure).
    Table(String),
}

impl std::fmt::Display for DumpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DumpError::Read(m) => write!(f, "gojit: {m}"),
            DumpError::Compile(d) => write!(f, "{}", d.join("\n")),
            DumpError::NoSuchFunc { name, available } => {
                write!(f, "gojit dump: no function {name}; compiled functions: {}", available.join(" "))
            }
            DumpError::Table(m) => write!(f, "gojit dump: {m}"),
        }
    }
}

impl std::error::Error for DumpError {}

impl DumpError {
    /// The exit status `gojit dump` reports for this error (see the module docs).
    pub fn status(&self) -> i32 {
        match self {
            DumpError::Read(_) | DumpError::Compile(_) => 1,
            DumpError::NoSuchFunc { .. } => 2,
            DumpError::Table(_) => 3,
        }
    }
}

/// A compiled, linked (not yet run) program and what dump needs to name things.
pub struct Compiled {
    pub program: Program,
    /// The source file name as given.
    pub name: String,
    /// Names of the runtime functions the module imports.
    pub imports: HashSet<String>,
    /// Every declared function's Go name by `FuncId` index (CLIF calls them `u0:N`).
    pub func_names: HashMap<u32, String>,
}

/// Reads, checks, lowers and links `path` without running it (the driver's pipeline).
pub fn compile_path(path: &str, opts: CompileOptions) -> Result<Compiled, DumpError> {
    let bytes = std::fs::read(path).map_err(|e| DumpError::Read(format!("cannot read {path}: {e}")))?;
    let (src, result) = driver::compile_bytes(path, &bytes, opts, |jit| (imported_names(jit), declared_names(jit)));
    match result {
        Ok((program, (imports, func_names))) => Ok(Compiled { program, name: src.name.clone(), imports, func_names }),
        Err(diags) => Err(DumpError::Compile(diags.iter().map(|d| src.render(d)).collect())),
    }
}

/// Loads, checks, lowers and links the program named by `args` without running it.
pub fn compile_args(args: &[String], opts: CompileOptions) -> Result<Compiled, DumpError> {
    let mut t = Default::default();
    match driver::compile_args(args, opts, &mut t, |jit| (imported_names(jit), declared_names(jit))) {
        Ok((program, (imports, func_names), _)) => {
            let name = program.table().file.clone();
            Ok(Compiled { program, name, imports, func_names })
        }
        Err(lines) => Err(DumpError::Compile(lines)),
    }
}

fn declared_names(jit: &mut Jit) -> HashMap<u32, String> {
    use cranelift_module::Module;
    jit.module()
        .declarations()
        .get_functions()
        .filter_map(|(id, d)| Some((id.as_u32(), go_name_of(d.name.as_deref()?).to_string())))
        .collect()
}

/// The Go name of a module symbol: `lower` makes names unique with a `#N` suffix.
fn go_name_of(symbol: &str) -> &str {
    match symbol.rsplit_once('#') {
        Some((name, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => symbol,
    }
}

/// Replaces CLIF's `u0:N` function references by `%name`.
fn name_clif_funcs(clif: &str, names: &HashMap<u32, String>) -> String {
    let mut out = String::with_capacity(clif.len());
    let mut rest = clif;
    while let Some(i) = rest.find("u0:") {
        out.push_str(&rest[..i]);
        let digits: String = rest[i + 3..].chars().take_while(|c| c.is_ascii_digit()).collect();
        match digits.parse::<u32>().ok().and_then(|n| names.get(&n)) {
            Some(name) => {
                out.push('%');
                out.push_str(name);
            }
            None => out.push_str(&rest[i..i + 3 + digits.len()]),
        }
        rest = &rest[i + 3 + digits.len()..];
    }
    out.push_str(rest);
    out
}

fn imported_names(jit: &mut Jit) -> HashSet<String> {
    use cranelift_module::Module;
    jit.module()
        .declarations()
        .get_functions()
        .filter(|(_, d)| d.linkage == cranelift_module::Linkage::Import)
        .filter_map(|(_, d)| d.name.clone())
        .collect()
}

/// `gojit dump FILE`: prints the dump to stdout; returns the exit status.
pub fn dump_file(path: &str, opts: &DumpOptions) -> i32 {
    dump_args(&[path.to_string()], opts)
}

/// `gojit dump ARGS` (files, a directory or a package path, as `gojit run` takes).
pub fn dump_args(args: &[String], opts: &DumpOptions) -> i32 {
    let result = compile_args(args, CompileOptions { keep_clif: opts.clif, ..Default::default() })
        .and_then(|c| render(&c, opts));
    match result {
        Ok(text) => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
            0
        }
        Err(e) => {
            eprintln!("{e}");
            e.status()
        }
    }
}

/// The address-naming context of a program (see [`disasm`]).
fn symbols(c: &Compiled, no_addr: bool) -> Symbols {
    let table = c.program.table();
    let mut funcs: Vec<(usize, usize, String)> =
        table.funcs().iter().map(|f| (f.start, f.size as usize, table.name(f).to_string())).collect();
    funcs.sort();
    let mut runtime: HashMap<usize, &'static str> = HashMap::new();
    for (name, addr) in gojit_runtime::symbols() {
        let a = addr as usize;
        match runtime.get(&a) {
            Some(old) if c.imports.contains(*old) || !c.imports.contains(name) => {}
            _ => {
                runtime.insert(a, name);
            }
        }
    }
    Symbols { funcs, runtime, mapped: disasm::mapped_ranges(), no_addr }
}

/// The Go name `want` as given to `--func` matches `name`.
fn name_matches(want: &str, name: &str) -> bool {
    name == want || name.strip_prefix("main.") == Some(want)
}

/// Renders the dump of a compiled program.
pub fn render(c: &Compiled, opts: &DumpOptions) -> Result<String, DumpError> {
    let table = c.program.table();
    let syms = Rc::new(symbols(c, opts.no_addr));
    let file = std::path::Path::new(&c.name).file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut funcs: Vec<_> = c.program.functions().collect();
    // Go code first, trampolines last (stable: definition order otherwise).
    funcs.sort_by_key(|(f, _)| f.kind != FuncKind::Go);
    if let Some(want) = &opts.func {
        funcs.retain(|(f, _)| name_matches(want, &f.meta.go_name));
        if funcs.is_empty() {
            let available = c.program.functions().map(|(f, _)| f.meta.go_name.clone()).collect();
            return Err(DumpError::NoSuchFunc { name: want.clone(), available });
        }
    }
    let mut out = String::new();
    for (cf, addr) in funcs {
        let info = table
            .find(addr)
            .filter(|i| i.start == addr)
            .ok_or_else(|| DumpError::Table(format!("{} at {addr:#x} is not in the registered function table", cf.meta.go_name)))?;
        if table.name(info) != cf.meta.go_name {
            return Err(DumpError::Table(format!("table names {addr:#x} {} but the compiler {}", table.name(info), cf.meta.go_name)));
        }
        let code = c.program.code(cf, addr);
        let clif = if opts.clif { cf.clif.as_deref().map(|t| name_clif_funcs(t, &c.func_names)) } else { None };
        let clif = if opts.no_addr { clif.map(|t| disasm::scrub_addresses(&t, &syms)) } else { clif };
        // the function's own file (a program of several files), else the program's
        let own = std::path::Path::new(&cf.meta.file).file_name().map(|s| s.to_string_lossy().into_owned());
        let file = own.unwrap_or_else(|| file.clone());
        function(&mut out, table, info, code, &file, syms.clone(), clif.as_deref());
        out.push('\n');
    }
    Ok(out)
}

/// The `defers=` field of the header.
fn defer_field(table: &FuncTable, f: &FuncInfo) -> String {
    match f.defer_kind {
        DeferKind::None => "none".into(),
        DeferKind::OpenCoded => format!("open({})", table.closure_offsets(f).len()),
        DeferKind::Chained => "chained".into(),
    }
}

/// `fp-0x60` / `fp+0x10`.
fn fp_rel(off: i32) -> String {
    if off < 0 { format!("fp-{:#x}", -(off as i64)) } else { format!("fp+{off:#x}") }
}

/// The `file:line` of a code offset (`-` when the table has no line: trampolines, `main.init`).
fn src_pos(table: &FuncTable, f: &FuncInfo, file: &str, off: u32) -> String {
    match table.line_at(f, off) {
        0 => "-".into(),
        l => format!("{file}:{l}"),
    }
}

/// Width of the instruction text before a `;` note.
const INSN_WIDTH: usize = 44;

/// Width of the `file:line` column: the file name, a colon and room for the largest line.
fn pos_width(file: &str, table: &FuncTable) -> usize {
    let max_line = table.funcs().iter().map(|f| f.decl_line).max().unwrap_or(0).max(9999);
    file.len() + 1 + max_line.to_string().len() + 1
}

fn function(out: &mut String, table: &FuncTable, f: &FuncInfo, code: &[u8], file: &str, syms: Rc<Symbols>, clif: Option<&str>) {
    let name = table.name(f);
    let kind = match f.kind {
        FuncKind::Go => String::new(),
        FuncKind::EntryTrampoline => " trampoline=entry".into(),
        FuncKind::DeferTrampoline => " trampoline=defer".into(),
        FuncKind::MethodTrampoline => " trampoline=method".into(),
    };
    let decl = if f.decl_line == 0 { "<autogenerated>".to_string() } else { format!("{file}:{}", f.decl_line) };
    let wrapper = if f.is_wrapper { " wrapper" } else { "" };
    let _ = writeln!(
        out,
        "TEXT {name}(SB) {decl} size={:#x} frame={:#x} defers={}{wrapper}{kind}",
        f.size,
        f.frame_size,
        defer_field(table, f)
    );
    if let Some(clif) = clif {
        out.push_str("CLIF (after Cranelift's optimizations; @hhhh = Go source line in hex):\n");
        for l in clif.lines() {
            let _ = writeln!(out, "  | {l}");
        }
    }
    let calls = table.call_sites(f);
    let lines = disasm::disassemble(code, f.start, syms);
    let handlers: BTreeSet<u32> = calls.iter().map(|c| c.handler).collect();
    let deferreturn = deferreturn_blocks(&lines, &handlers, f);
    let pw = pos_width(file, table);
    let slots = DeferSlots::new(table, f);
    let blank = " ".repeat(2 + 6 + 1 + pw + 1);
    for l in &lines {
        match l {
            Line::Insn { off, len, text, is_call, call_target, frame_mem, .. } => {
                if handlers.contains(off) {
                    let _ = writeln!(out, "{blank}; handler (try_call landing pad)");
                }
                if deferreturn.contains(off) {
                    let _ = writeln!(out, "{blank}; deferreturn block");
                }
                let pos = src_pos(table, f, file, *off);
                let mut note = Vec::new();
                // code of inlined calls: their frames, innermost first
                let inl: Vec<&str> = table.inlined_at(f, *off).into_iter().filter(|fr| fr.2).map(|fr| fr.0).collect();
                if !inl.is_empty() {
                    note.push(format!("inlined {}", inl.join(" < ")));
                }
                if let Some(slot) = frame_mem.and_then(|m| slots.name(m)) {
                    note.push(slot);
                }
                if let Some(t) = call_target {
                    note.push(format!("-> {t}"));
                }
                if *is_call {
                    if let Some(cs) = calls.iter().find(|c| c.ret == off + len) {
                        note.push(format!("try_call -> handler {:#06x} frame_offset={:#x}", cs.handler, cs.frame_offset));
                    }
                }
                let line = if note.is_empty() {
                    format!("  {off:#06x} {pos:<pw$} {text}")
                } else {
                    format!("  {off:#06x} {pos:<pw$} {text:<INSN_WIDTH$} ; {}", note.join("; "))
                };
                let _ = writeln!(out, "{}", line.trim_end());
            }
            Line::Data { off, text } => {
                let _ = writeln!(out, "  {off:#06x} {:<pw$} {text}", "data");
            }
        }
    }
    funcdata(out, table, f);
}

/// Names the open-coded defer slots in memory operands (`; deferBits`, `; defer 2 closure`).
/// `[rbp+d]` is fp-relative; `[rsp+d]` is `fp - frame_size + d`, which holds after the prologue
/// as long as rsp does not move inside the body: checked by every call site's `frame_offset`
/// being the frame size (otherwise rsp-relative operands are not named).
struct DeferSlots {
    bits: Option<i32>,
    closures: Vec<i32>,
    rsp_to_fp: Option<i64>,
}

impl DeferSlots {
    fn new(table: &FuncTable, f: &FuncInfo) -> DeferSlots {
        if f.defer_kind != DeferKind::OpenCoded {
            return DeferSlots { bits: None, closures: vec![], rsp_to_fp: None };
        }
        let steady = table.call_sites(f).iter().all(|c| c.frame_offset == f.frame_size);
        DeferSlots {
            bits: Some(f.deferbits_off),
            closures: table.closure_offsets(f).to_vec(),
            rsp_to_fp: steady.then_some(-(f.frame_size as i64)),
        }
    }

    fn name(&self, (base, d): (disasm::FrameBase, i64)) -> Option<String> {
        let fp_off = match base {
            disasm::FrameBase::Rbp => d,
            disasm::FrameBase::Rsp => self.rsp_to_fp? + d,
        };
        if Some(fp_off) == self.bits.map(i64::from) {
            return Some("deferBits".into());
        }
        let i = self.closures.iter().position(|&c| i64::from(c) == fp_off)?;
        Some(format!("defer {i} closure"))
    }
}

/// Offsets of the deferreturn block(s): each handler, or the target of a handler that is a lone
/// unconditional `jmp` (an edge block).
fn deferreturn_blocks(lines: &[Line], handlers: &BTreeSet<u32>, f: &FuncInfo) -> BTreeSet<u32> {
    if f.kind != FuncKind::Go || f.defer_kind == DeferKind::None {
        return BTreeSet::new();
    }
    handlers
        .iter()
        .map(|&h| {
            let jmp = lines.iter().find_map(|l| match l {
                Line::Insn { off, text, jmp_target, .. } if *off == h && text.starts_with("jmp ") => *jmp_target,
                _ => None,
            });
            jmp.unwrap_or(h)
        })
        .collect()
}

/// The FUNCDATA/PCDATA section: the defer info and the call-site table, as registered.
fn funcdata(out: &mut String, table: &FuncTable, f: &FuncInfo) {
    match f.defer_kind {
        DeferKind::None => {}
        DeferKind::OpenCoded => {
            let closures: Vec<String> = table.closure_offsets(f).iter().map(|&o| fp_rel(o)).collect();
            let _ = writeln!(
                out,
                "  FUNCDATA OpenCodedDeferInfo deferBits={} closures=[{}]",
                fp_rel(f.deferbits_off),
                closures.join(" ")
            );
        }
        DeferKind::Chained => {
            let _ = writeln!(out, "  FUNCDATA ChainedDefers (records on the goroutine's defer chain, keyed by fp)");
        }
    }
    let calls = table.call_sites(f);
    if !calls.is_empty() {
        let _ = writeln!(out, "  PCDATA CallSites");
        for c in calls {
            let _ = writeln!(out, "    ret={:#06x} handler={:#06x} frame_offset={:#x}", c.ret, c.handler, c.frame_offset);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gojit_runtime::funcdata::{CallSite, FuncDesc};

    /// Hand-assembled code: a constant-pool load, a try_call whose handler is the deferreturn
    /// block, padding and an f64 constant.
    const CODE: [u8; 0x1c] = [
        0x55, // 0x00 push rbp
        0xf2, 0x0f, 0x10, 0x05, 0x0b, 0x00, 0x00, 0x00, // 0x01 movsd xmm0, [rip+0xb] -> 0x14
        0xe8, 0x01, 0x00, 0x00, 0x00, // 0x09 call 0x0f
        0xc3, // 0x0e ret
        0xc3, // 0x0f ret (handler)
        0x00, 0x00, 0x00, 0x00, // 0x10 padding
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xf8, 0x3f, // 0x14 1.5
    ];

    #[test]
    fn function_listing_and_funcdata() {
        let code: &'static [u8] = Box::leak(Box::new(CODE));
        let start = code.as_ptr() as usize;
        let calls = [CallSite { ret: 0x0e, handler: 0x0f, frame_offset: 0x10 }];
        let mut t = FuncTable::new("/x/t.go");
        t.push(&FuncDesc {
            args: None,
            stack: None,
            start,
            size: code.len() as u32,
            name: "main.t",
            decl_line: 3,
            kind: FuncKind::Go,
            defer_kind: DeferKind::OpenCoded,
            is_wrapper: false,
            frame_size: 0x10,
            deferbits_off: -0x18,
            closure_offs: &[-0x10, -0x8],
            lines: &[(0, 3), (0x09, 4), (0x0f, 5)],
            inlined: &[],
            calls: &calls,
        });
        t.sort();
        let f = t.find(start).unwrap();
        let syms = Rc::new(Symbols { funcs: vec![], runtime: HashMap::new(), mapped: vec![], no_addr: true });
        let mut out = String::new();
        function(&mut out, &t, f, code, "t.go", syms, None);
        let expected = "\
TEXT main.t(SB) t.go:3 size=0x1c frame=0x10 defers=open(2)
  0x0000 t.go:3     push rbp
  0x0001 t.go:3     movsd xmm0, [0x0014]
  0x0009 t.go:4     call 0x000f                                  ; try_call -> handler 0x000f frame_offset=0x10
  0x000e t.go:4     ret
                    ; handler (try_call landing pad)
                    ; deferreturn block
  0x000f t.go:5     ret
  0x0010 data       .zero 4 (padding)
  0x0014 data       .quad 0x3ff8000000000000
  FUNCDATA OpenCodedDeferInfo deferBits=fp-0x18 closures=[fp-0x10 fp-0x8]
  PCDATA CallSites
    ret=0x000e handler=0x000f frame_offset=0x10
";
        assert_eq!(out, expected, "\n{out}");
    }

    #[test]
    fn jump_table_is_data_and_its_targets_are_code() {
        let code: &'static [u8] = Box::leak(Box::new([
            0x48, 0x8d, 0x0d, 0x02, 0x00, 0x00, 0x00, // 0x00 lea rcx, [rip+2] -> 0x09
            0xff, 0xe1, // 0x07 jmp rcx
            0x08, 0x00, 0x00, 0x00, // 0x09 .long 8 -> 0x11
            0x09, 0x00, 0x00, 0x00, // 0x0d .long 9 -> 0x12
            0xc3, 0xc3, // 0x11 ret, 0x12 ret
        ]));
        let start = code.as_ptr() as usize;
        let syms = Rc::new(Symbols { funcs: vec![], runtime: HashMap::new(), mapped: vec![], no_addr: true });
        let lines: Vec<String> = disasm::disassemble(code, start, syms)
            .into_iter()
            .map(|l| match l {
                Line::Insn { off, text, .. } => format!("{off:#06x} {text}"),
                Line::Data { off, text } => format!("{off:#06x} data {text}"),
            })
            .collect();
        assert_eq!(
            lines,
            [
                "0x0000 lea rcx, [0x0009]",
                "0x0007 jmp rcx",
                "0x0009 data .long 0x8  ; -> 0x0011",
                "0x000d data .long 0x9  ; -> 0x0012",
                "0x0011 ret",
                "0x0012 ret",
            ]
        );
    }

    #[test]
    fn clif_function_names() {
        let names: HashMap<u32, String> = [(8, "gort_new".to_string()), (1, "main.f".to_string())].into();
        let clif = "fn0 = u0:8 sig0\nfn1 = u0:1 sig1\nfn2 = u0:99 sig2\nfunction u0:1(i64) tail {";
        assert_eq!(
            name_clif_funcs(clif, &names),
            "fn0 = %gort_new sig0\nfn1 = %main.f sig1\nfn2 = u0:99 sig2\nfunction %main.f(i64) tail {"
        );
    }

    #[test]
    fn fp_relative_offsets() {
        assert_eq!(fp_rel(-0x60), "fp-0x60");
        assert_eq!(fp_rel(0x10), "fp+0x10");
        assert_eq!(go_name_of("main.f#3"), "main.f");
        assert_eq!(go_name_of("gort_new"), "gort_new");
        assert!(name_matches("f", "main.f") && name_matches("main.f", "main.f") && !name_matches("f", "main.f.func1"));
    }
}
