//! Disassembly of one JIT function for `gojit dump`: iced-x86 decoding and Intel-syntax
//! formatting, with every absolute address a reader would otherwise have to look up replaced by a
//! name.
//!
//! # Naming rules (the [`Symbols`] resolver)
//! - A target inside the function being printed is shown as its code offset, `0x0083`, the same
//!   number as the offset column.
//! - A target inside another function of the program's registered function table is shown as
//!   `main.g` or `main.g+0x10`.
//! - A runtime entry point (`gojit_runtime::symbols()`, which includes the panic machinery's
//!   `panic::symbols()`) is shown by its symbol name, e.g. `mov rax, gort_gopanic`. When several
//!   names share an address (`gort_deferpop`/`gort_deferreturn`), the one the module imported wins.
//! - With `no_addr`, any other immediate or displacement that points into mapped memory (data the
//!   compiler leaked: type descriptors, strings, static closures) is shown as `<addr>`, so the
//!   output does not depend on where the allocator put things.
//!
//! # Invariants
//! Decoding is linear from offset 0. Bytes referenced rip-relatively from inside the function
//! (Cranelift's constant pool, jump tables) are printed as data (`.quad`/`.long`), never decoded,
//! up to the next known code position (a branch target, handler or jump-table target) or the end.

use iced_x86::{
    Decoder, DecoderOptions, FlowControl, Formatter, Instruction, InstructionInfoFactory, IntelFormatter, OpAccess, OpKind,
    Register, SymbolResolver, SymbolResult,
};
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

/// Everything the resolver knows about addresses outside the current function.
pub struct Symbols {
    /// `(start, size, name)` of every function of the program, sorted by start.
    pub funcs: Vec<(usize, usize, String)>,
    /// Runtime entry points by address.
    pub runtime: HashMap<usize, &'static str>,
    /// Mapped memory ranges of the process (`/proc/self/maps`), sorted.
    pub mapped: Vec<(usize, usize)>,
    /// Replace unnamed absolute addresses with `<addr>`.
    pub no_addr: bool,
}

impl Symbols {
    /// The function containing `addr`: `(start, name)`.
    fn func_at(&self, addr: usize) -> Option<(usize, &str)> {
        let i = self.funcs.partition_point(|f| f.0 <= addr);
        let f = self.funcs.get(i.checked_sub(1)?)?;
        (addr < f.0 + f.1).then_some((f.0, f.2.as_str()))
    }

    fn is_mapped(&self, addr: usize) -> bool {
        let i = self.mapped.partition_point(|m| m.0 <= addr);
        i > 0 && addr < self.mapped[i - 1].1
    }

    /// The runtime symbol at exactly `addr`.
    pub fn runtime_at(&self, addr: usize) -> Option<&'static str> {
        self.runtime.get(&addr).copied()
    }
}

impl Symbols {
    /// The name `--no-addr` shows for absolute address `a`, if it is one: a runtime symbol, a
    /// function (`main.g+0x10`) or `<addr>` for other mapped memory.
    pub fn address_name(&self, a: usize) -> Option<String> {
        if a < 0x10000 {
            return None;
        }
        if let Some(n) = self.runtime_at(a) {
            return Some(n.to_string());
        }
        if let Some((s, n)) = self.func_at(a) {
            return Some(if s == a { n.to_string() } else { format!("{n}+{:#x}", a - s) });
        }
        self.is_mapped(a).then(|| "<addr>".to_string())
    }
}

/// Replaces hex literals in `text` (CLIF) that are absolute addresses by their names.
pub fn scrub_addresses(text: &str, syms: &Symbols) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i + 2 < b.len() {
        let starts = b[i] == b'0' && b[i + 1] == b'x' && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_'));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i + 2;
        while j < b.len() && (b[j].is_ascii_hexdigit() || b[j] == b'_') {
            j += 1;
        }
        let digits: String = text[i + 2..j].chars().filter(|c| *c != '_').collect();
        if let Some(name) = u64::from_str_radix(&digits, 16).ok().and_then(|v| syms.address_name(v as usize)) {
            out.push_str(&text[copied..i]);
            out.push_str(&name);
            copied = j;
        }
        i = j;
    }
    out.push_str(&text[copied..]);
    out
}

/// Reads the mapped address ranges of this process.
pub fn mapped_ranges() -> Vec<(usize, usize)> {
    let text = std::fs::read_to_string("/proc/self/maps").unwrap_or_default();
    let mut v: Vec<(usize, usize)> = text
        .lines()
        .filter_map(|l| {
            let range = l.split_whitespace().next()?;
            let (lo, hi) = range.split_once('-')?;
            Some((usize::from_str_radix(lo, 16).ok()?, usize::from_str_radix(hi, 16).ok()?))
        })
        .collect();
    v.sort();
    v
}

/// The iced resolver for one function.
struct Resolver {
    syms: Rc<Symbols>,
    start: usize,
    size: usize,
    text: String,
}

impl SymbolResolver for Resolver {
    fn symbol(&mut self, _i: &Instruction, _op: u32, _iop: Option<u32>, address: u64, _size: u32) -> Option<SymbolResult<'_>> {
        let a = address as usize;
        if a < 0x10000 {
            return None;
        }
        if a >= self.start && a < self.start + self.size {
            self.text = format!("{:#06x}", a - self.start);
            return Some(SymbolResult::with_str(address, &self.text));
        }
        if let Some(name) = self.syms.runtime_at(a) {
            return Some(SymbolResult::with_str(address, name));
        }
        if let Some((start, name)) = self.syms.func_at(a) {
            self.text = name.to_string();
            return Some(SymbolResult::with_str(start as u64, &self.text));
        }
        if self.syms.no_addr && self.syms.is_mapped(a) {
            return Some(SymbolResult::with_str(address, "<addr>"));
        }
        None
    }
}

/// The register a frame-slot memory operand is relative to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameBase {
    Rsp,
    Rbp,
}

/// `[rsp+d]` / `[rbp+d]` operand of `insn`, if any.
fn frame_mem(insn: &Instruction) -> Option<(FrameBase, i64)> {
    (0..insn.op_count()).find_map(|i| {
        if insn.op_kind(i) != OpKind::Memory || insn.memory_index() != Register::None {
            return None;
        }
        let base = match insn.memory_base() {
            Register::RSP => FrameBase::Rsp,
            Register::RBP => FrameBase::Rbp,
            _ => return None,
        };
        Some((base, insn.memory_displacement64() as i64))
    })
}

/// One line of a function listing.
#[derive(Debug)]
pub enum Line {
    /// An instruction at `off` (`len` bytes) with its Intel-syntax text; `call_target` names the
    /// callee of an indirect call through a register loaded with a known address just before.
    Insn {
        off: u32,
        len: u32,
        text: String,
        is_call: bool,
        call_target: Option<String>,
        jmp_target: Option<u32>,
        /// A memory operand `[rsp+d]` or `[rbp+d]` without index: (base, d).
        frame_mem: Option<(FrameBase, i64)>,
    },
    /// Bytes that are data (constant pool, jump table), printed by words.
    Data { off: u32, text: String },
}

/// Disassembles `code`, which is mapped at `start`.
pub fn disassemble(code: &[u8], start: usize, syms: Rc<Symbols>) -> Vec<Line> {
    let size = code.len();
    let resolver = Resolver { syms: syms.clone(), start, size, text: String::new() };
    let mut fmt = IntelFormatter::with_options(Some(Box::new(resolver)), None);
    {
        let o = fmt.options_mut();
        o.set_hex_prefix("0x");
        o.set_hex_suffix("");
        o.set_uppercase_hex(false);
        o.set_space_after_operand_separator(true);
        o.set_show_branch_size(false);
        o.set_rip_relative_addresses(false);
        o.set_branch_leading_zeros(false);
    }
    let mut info = InstructionInfoFactory::new();
    let mut data_starts: BTreeSet<u32> = BTreeSet::new();
    let mut code_starts: BTreeSet<u32> = BTreeSet::new();
    // Registers currently holding a known absolute address (for naming `call rax`).
    let mut reg_sym: HashMap<Register, String> = HashMap::new();
    let mut lines = Vec::new();
    let mut off = 0u32;
    let mut prev_was_indirect_jmp = false;
    let mut after_terminator = false;
    while (off as usize) < size {
        if data_starts.contains(&off) && !code_starts.contains(&off) {
            off = data_region(code, off, prev_was_indirect_jmp, &mut lines, &mut code_starts);
            reg_sym.clear();
            prev_was_indirect_jmp = false;
            continue;
        }
        if code_starts.contains(&off) {
            reg_sym.clear();
        }
        // Padding up to a data region (after an unconditional jump/return) is not code.
        let next_data = data_starts.range(off + 1..).find(|d| !code_starts.contains(d)).copied();
        if let Some(d) = next_data {
            let gap = &code[off as usize..d as usize];
            if after_terminator && gap.iter().all(|&b| b == 0 || b == 0x90 || b == 0xcc) && !code_starts.range(off..d).any(|_| true) {
                lines.push(Line::Data { off, text: format!(".zero {} (padding)", gap.len()) });
                off = d;
                continue;
            }
        }
        let mut dec = Decoder::with_ip(64, &code[off as usize..], (start + off as usize) as u64, DecoderOptions::NONE);
        let insn = dec.decode();
        if let Some(d) = next_data.filter(|&d| off + insn.len() as u32 > d) {
            // An instruction cannot overlap data: the bytes before it are padding.
            lines.push(Line::Data { off, text: format!(".byte {}", hex_bytes(&code[off as usize..d as usize])) });
            off = d;
            continue;
        }
        if insn.is_invalid() {
            lines.push(Line::Data { off, text: format!(".byte {:#04x}", code[off as usize]) });
            off += 1;
            continue;
        }
        let len = insn.len() as u32;
        // In-function rip-relative references are data; near branches mark code.
        let mut jmp_target = None;
        for i in 0..insn.op_count() {
            match insn.op_kind(i) {
                OpKind::Memory if insn.is_ip_rel_memory_operand() => {
                    let t = insn.ip_rel_memory_address() as usize;
                    if t >= start && t < start + size {
                        data_starts.insert((t - start) as u32);
                    }
                }
                OpKind::NearBranch64 => {
                    let t = insn.near_branch_target() as usize;
                    if t >= start && t < start + size {
                        code_starts.insert((t - start) as u32);
                        jmp_target = Some((t - start) as u32);
                    }
                }
                _ => {}
            }
        }
        let mut text = String::new();
        fmt.format(&insn, &mut text);
        let is_call = matches!(insn.flow_control(), FlowControl::Call | FlowControl::IndirectCall);
        let call_target = if insn.flow_control() == FlowControl::IndirectCall && insn.op0_kind() == OpKind::Register {
            reg_sym.get(&insn.op0_register().full_register()).cloned()
        } else {
            None
        };
        track_registers(&insn, &mut info, &syms, start, size, &mut reg_sym);
        prev_was_indirect_jmp = insn.flow_control() == FlowControl::IndirectBranch;
        after_terminator = matches!(
            insn.flow_control(),
            FlowControl::Return | FlowControl::UnconditionalBranch | FlowControl::IndirectBranch | FlowControl::Exception
        );
        let frame_mem = frame_mem(&insn);
        lines.push(Line::Insn { off, len, text, is_call, call_target, jmp_target, frame_mem });
        off += len;
    }
    lines
}

fn hex_bytes(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:#04x}")).collect::<Vec<_>>().join(" ")
}

/// Forgets registers the instruction writes; remembers `mov reg, imm64` of a named address.
fn track_registers(
    insn: &Instruction,
    info: &mut InstructionInfoFactory,
    syms: &Symbols,
    start: usize,
    size: usize,
    reg_sym: &mut HashMap<Register, String>,
) {
    if insn.flow_control() != FlowControl::Next {
        reg_sym.clear();
        return;
    }
    for r in info.info(insn).used_registers() {
        if matches!(r.access(), OpAccess::Write | OpAccess::ReadWrite | OpAccess::CondWrite | OpAccess::ReadCondWrite) {
            reg_sym.remove(&r.register().full_register());
        }
    }
    if insn.op_count() == 2 && insn.op0_kind() == OpKind::Register && insn.op1_kind() == OpKind::Immediate64 {
        let a = insn.immediate64() as usize;
        let name = if let Some(n) = syms.runtime_at(a) {
            Some(n.to_string())
        } else if a >= start && a < start + size {
            None
        } else {
            syms.func_at(a).map(|(s, n)| if s == a { n.to_string() } else { format!("{n}+{:#x}", a - s) })
        };
        if let Some(n) = name {
            reg_sym.insert(insn.op0_register().full_register(), n);
        }
    }
}

/// Prints bytes from `off` as data up to the next code start (or the end); returns the new offset.
/// A region right after an indirect jump is a Cranelift jump table: 32-bit entries relative to the
/// table start, whose targets are code.
fn data_region(
    code: &[u8],
    off: u32,
    after_indirect_jmp: bool,
    lines: &mut Vec<Line>,
    code_starts: &mut BTreeSet<u32>,
) -> u32 {
    let size = code.len() as u32;
    if after_indirect_jmp {
        let mut end = code_starts.range(off + 1..).next().copied().unwrap_or(size);
        let mut p = off;
        while p + 4 <= end {
            let e = i32::from_le_bytes(code[p as usize..p as usize + 4].try_into().unwrap_or([0; 4]));
            let t = off as i64 + e as i64;
            if t > off as i64 && t < size as i64 {
                code_starts.insert(t as u32);
                end = end.min(t as u32);
            }
            lines.push(Line::Data { off: p, text: format!(".long {:#x}  ; -> {t:#06x}", e as u32) });
            p += 4;
        }
        return p;
    }
    let end = code_starts.range(off + 1..).next().copied().unwrap_or(size);
    let mut p = off;
    while p < end {
        let n = if end - p >= 8 { 8 } else { 1 };
        let bytes = &code[p as usize..(p + n) as usize];
        let text = if n == 8 {
            format!(".quad {:#018x}", u64::from_le_bytes(bytes.try_into().unwrap_or([0; 8])))
        } else {
            format!(".byte {:#04x}", bytes[0])
        };
        lines.push(Line::Data { off: p, text });
        p += n;
    }
    end
}
