//! The function table: gc's FUNCDATA/pcln tables for JIT-compiled code, searched by pc.
//!
//! One [`FuncTable`] per compiled program (one `cranelift-jit` module) describes every function
//! and trampoline in it; [`register`] makes it visible to the panic walker, the traceback printer
//! and `recover`. Tables are leaked (`&'static`) and never change after registration, so lookups
//! need no lock and hold nothing with `Drop` (a panic resume may abandon the looking-up frame).
//!
//! # Format
//! A table is a pc-sorted array of fixed-size [`FuncInfo`] rows (80 bytes) plus six shared pools
//! that rows index by `(offset, length)`:
//! - `names`: UTF-8 bytes of all Go names (`main.f`, `main.(*T).M`, `main.f.func1`).
//! - `lines`: the pc->line program of each function: pairs `(pc_delta: uvarint, line_delta:
//!   zigzag varint)`, starting from `(pc 0, decl_line)`. Each pair means "from this code offset on,
//!   the Go source line is ...". Cranelift source locations are Go line numbers (srcloc = line).
//! - `calls`: [`CallSite`] rows `{ret, handler, frame_offset}` (code offsets, sorted by `ret`), one
//!   per `try_call` with a handler; plain calls are not recorded.
//! - `slots`: fp-relative byte offsets (i32) of the open-coded defer closure slots, `n_defers` per
//!   function, indexed by defer bit.
//! - `args`: each function's argument program (gc's `FUNCDATA_ArgInfo`, byte for byte in gc's
//!   format), see "Argument info" below.
//! - `file_runs`: `(code offset, file index)` pairs: from that offset on the function's code is in
//!   another file than its row's (line directives, `//line x.go:10`; most functions have none).
//!
//! Each row also names its source file: index 0 is the table's `file`, index i the i-th entry of
//! its file list (a program of several files and packages; tracebacks print the row's file, or
//! the file its `file_runs` give for the pc).
//!
//! # Worked example
//! ```text
//! func f() {            // line 10
//!     defer g()         // line 11: bit 0, closure slot at fp-0x18
//!     defer h()         // line 12: bit 1, closure slot at fp-0x10
//!     work()            // line 13: try_call, returns to +0x2f, handler +0x60, frame_offset 0x30
//! }
//! ```
//! gives the row `{start: <entry>, size: 0x90, frame_size: 0x30, kind: Go, defer_kind: OpenCoded,
//! n_defers: 2, deferbits_off: -0x20, slots: [-0x18, -0x10], calls: [{0x2f, 0x60, 0x30}], ...}`
//! and, if the code for line 11 starts at +0x10, line 13 at +0x24 and the deferreturn block (line
//! 14) at +0x60, the line program `(0x10,+1) (0x14,+2) (0x3c,+1)` = bytes `10 02 14 04 3c 02`.
//! At a panic in `work`, the walker finds `f` by the return address `<entry>+0x2f`, reads the
//! deferBits byte at `fp-0x20`, runs `h` then `g`, and if one of them recovers resumes at
//! `<entry>+0x60` with `rsp = fp - 0x30`.
//!
//! # Argument info
//! Tracebacks print each frame's arguments as gc does (`main.f(0xa, {0x4b1234, 0x5}, ...)`). A
//! row's `args` indexes its argument program in the `args` pool (`NO_ARGS`: none; the frame
//! prints `(...)`), and `args_off` is the fp-relative offset of the frame's *argument image*: the
//! parameters (receiver first) laid out like struct fields, of which the prologue stores every
//! printed component (`src/lower/arginfo.rs`). The program is gc's (`cmd/compile` `EmitArgInfo`,
//! `runtime.printArgs`): a byte sequence of
//! - `off, size` (off < 0xf0): a scalar of `size` bytes at image offset `off`, printed in hex;
//! - `0xfe` / `0xfd`: an aggregate starts / ends (`{`, `}`);
//! - `0xfc`: `...` (more than 10 components, or nesting deeper than 5);
//! - `0xfb`: `_` (a component at an image offset of 0xf0 or more: not stored);
//! - `0xff`: the end.
//!
//! For `func g(n int, s string, b byte)` the image is `n` at 0, `s` at 8 (ptr) and 16 (len), `b`
//! at 24, the program `00 08 fe 08 08 10 08 fd 18 01 ff`, and with the image at `fp-0x30` the
//! call `g(10, "hi", 3)` prints `main.g(0xa, {0x4b1234, 0x2}, 0x3)` reading `[fp-0x30]`,
//! `[fp-0x28]`, `[fp-0x20]` and the byte at `fp-0x18`. Other records about a function (inlined
//! frames, for instance) go beside it as further pools indexed from the row.

use std::sync::Mutex;
use std::sync::atomic::{AtomicPtr, Ordering};

/// What a table row describes.
#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FuncKind {
    /// A compiled Go function, method, closure or compiler-generated wrapper.
    Go = 0,
    /// `entry(code, fp_out) -> status`: runs `main.main`; its handler receives the exit status.
    EntryTrampoline = 1,
    /// `defer_call(closure, fp_out)`: the runtime's way to call a deferred closure.
    DeferTrampoline = 2,
    /// `method_call(ifn, recv, out) -> panicked`: the runtime's way to call `String()`/`Error()`;
    /// it catches panics raised inside (the walker resumes at its handler).
    MethodTrampoline = 3,
}

/// How a Go function's defers are implemented.
#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeferKind {
    None = 0,
    /// deferBits byte + one closure slot per defer in the frame (DESIGN §4.2).
    OpenCoded = 1,
    /// records on the goroutine's defer chain, keyed by frame pointer (DESIGN §4.3).
    Chained = 2,
}

/// A `try_call` site: code offsets relative to the function start.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallSite {
    /// Offset of the return address (the instruction after the call).
    pub ret: u32,
    /// Offset of the exceptional-edge handler (leads to the deferreturn block).
    pub handler: u32,
    /// `fp - sp` at the call: resuming sets `rsp = fp - frame_offset`.
    pub frame_offset: u32,
}

/// One row of the table. See the module docs for the pools it indexes.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct FuncInfo {
    /// Absolute address of the first instruction.
    pub start: usize,
    pub size: u32,
    /// Cranelift's `frame_to_fp_offset`: bytes from the bottom of the frame up to the saved fp.
    pub frame_size: u32,
    pub decl_line: u32,
    /// fp-relative offset of the deferBits byte (open-coded only).
    pub deferbits_off: i32,
    name: (u32, u32),
    lines: (u32, u32),
    calls: (u32, u32),
    slots: u32,
    pub kind: FuncKind,
    pub defer_kind: DeferKind,
    pub n_defers: u8,
    /// Transparent to `recover` (compiler-made closures for `defer f(x)`, `defer t.M()`).
    pub is_wrapper: bool,
    /// Index of its source file in the table's file list (0: the table's `file`).
    file: u32,
    /// Its file runs in the `file_runs` pool (line directives: code from an offset on in
    /// another file; see [`FuncTable::file_at`]).
    file_runs: (u32, u32),
    /// Start of its argument program in the `args` pool ([`NO_ARGS`]: none).
    args: u32,
    /// fp-relative offset of its argument image (see "Argument info").
    pub args_off: i32,
}

/// [`FuncInfo::args`] of a function without an argument program.
pub const NO_ARGS: u32 = u32::MAX;

/// gc's traceback argument operators (`internal/abi`: `TraceArgs*`).
pub mod trace_args {
    pub const END_SEQ: u8 = 0xff;
    pub const START_AGG: u8 = 0xfe;
    pub const END_AGG: u8 = 0xfd;
    pub const DOTDOTDOT: u8 = 0xfc;
    pub const OFFSET_TOO_LARGE: u8 = 0xfb;
    /// Bytes at or above this are operators.
    pub const SPECIAL: u8 = 0xf0;
}

/// A function's argument program and the fp-relative offset of its argument image.
#[derive(Clone, Copy, Debug)]
pub struct ArgLayout<'a> {
    pub prog: &'a [u8],
    pub fp_off: i32,
}

impl FuncInfo {
    pub fn contains(&self, pc: usize) -> bool {
        pc >= self.start && pc < self.start + self.size as usize
    }
}

/// Everything needed to add one function to a table.
pub struct FuncDesc<'a> {
    pub start: usize,
    pub size: u32,
    pub name: &'a str,
    pub decl_line: u32,
    pub kind: FuncKind,
    pub defer_kind: DeferKind,
    pub is_wrapper: bool,
    pub frame_size: u32,
    pub deferbits_off: i32,
    /// fp-relative closure slot offsets, by defer bit.
    pub closure_offs: &'a [i32],
    /// `(code offset, line)` pairs, sorted by offset; line 0 entries are ignored.
    pub lines: &'a [(u32, u32)],
    /// Code ranges holding the body of a deferred func literal that the compiler emitted inline
    /// at an exit, sorted by offset.
    pub inlined: &'a [InlinedBody<'a>],
    /// Sorted by `ret`.
    pub calls: &'a [CallSite],
    /// The argument program and image (`None`: tracebacks print `(...)`).
    pub args: Option<ArgLayout<'a>>,
    /// The frame's stack maps (`None`: the collector scans the frame conservatively).
    pub stack: Option<crate::stackmap::StackDesc<'a>>,
}

/// A deferred func literal's body emitted inline in its parent at an exit (`return`): tracebacks
/// show it as gc shows the deferred call, the literal's frame above the parent's.
#[derive(Clone, Copy, Debug)]
pub struct InlinedBody<'a> {
    /// Code offsets `[lo, hi)` in the parent.
    pub lo: u32,
    pub hi: u32,
    /// The literal's gc name (`main.f.func1`).
    pub name: &'a str,
    /// The line of the exit that ran it (the `return`, or the closing brace), or of the call.
    pub call_line: u32,
    /// An inlined call (gc's inlined frame: `main.g(...)`, no pc offset), not a deferred literal.
    /// Rows of one code range form its chain of inlined frames, outermost first.
    pub call: bool,
}

/// A stored [`InlinedBody`]: absolute code range, name in the table's name pool. Rows are few and
/// kept apart from [`FuncInfo`] (sorted by address), so function rows stay compact.
#[derive(Clone, Copy, Debug)]
struct InlineRow {
    lo: usize,
    hi: usize,
    name: (u32, u32),
    call_line: u32,
    call: bool,
}

/// A program's function table (see the module docs).
#[derive(Default)]
pub struct FuncTable {
    funcs: Vec<FuncInfo>,
    names: String,
    lines: Vec<u8>,
    calls: Vec<CallSite>,
    slots: Vec<i32>,
    inlined: Vec<InlineRow>,
    args: Vec<u8>,
    /// `(code offset, file index)` pairs, sorted per function: from that offset on, the
    /// function's code is in that file (line directives; most functions have none).
    file_runs: Vec<(u32, u32)>,
    /// Absolute path of the program's first Go source file (the file of rows pushed without
    /// one).
    pub file: String,
    /// Other source files, by `FuncInfo::file - 1`.
    files: Vec<String>,
    /// `(function start, offset, length)` of each function's call shape in `shape_pool`
    /// (`reflectcall::shape`), sorted by start: functions `reflect.Value.Call` can call.
    shapes: Vec<(usize, u32, u32)>,
    shape_pool: Vec<u8>,
    /// Stack maps of the functions that have them (`stackmap`), by start.
    stack: crate::stackmap::Pool,
}

fn put_uvarint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_uvarint(b: &[u8], pos: &mut usize) -> u64 {
    let (mut v, mut shift) = (0u64, 0);
    while *pos < b.len() {
        let byte = b[*pos];
        *pos += 1;
        v |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    v
}

fn span(start: usize, end: usize) -> (u32, u32) {
    (start as u32, (end - start) as u32)
}

impl FuncTable {
    pub fn new(file: impl Into<String>) -> FuncTable {
        FuncTable { file: file.into(), ..FuncTable::default() }
    }

    /// Adds a function of the table's `file`. Rows may be added in any order; [`FuncTable::sort`]
    /// orders them by pc.
    pub fn push(&mut self, d: &FuncDesc) {
        self.push_in_file(d, "");
    }

    /// Adds a function whose source is `file` (an absolute path; `""` or the table's `file`
    /// mean the table's).
    pub fn push_in_file(&mut self, d: &FuncDesc, file: &str) {
        self.push_with_files(d, file, &[]);
    }

    /// The index of `file` in the file list, added on first use (0: the table's `file`).
    fn file_index(&mut self, file: &str) -> u32 {
        if file.is_empty() || file == self.file {
            return 0;
        }
        match self.files.iter().position(|f| f == file) {
            Some(i) => i as u32 + 1,
            None => {
                self.files.push(file.to_string());
                self.files.len() as u32
            }
        }
    }

    /// [`FuncTable::push_in_file`] for a function whose code changes file at some offsets
    /// (`(offset, file)` sorted by offset: line directives).
    pub fn push_with_files(&mut self, d: &FuncDesc, file: &str, runs: &[(u32, &str)]) {
        let file = self.file_index(file);
        let runs0 = self.file_runs.len();
        for &(off, f) in runs {
            let i = self.file_index(f);
            self.file_runs.push((off, i));
        }
        let file_runs = span(runs0, self.file_runs.len());
        let name0 = self.names.len();
        self.names.push_str(d.name);
        let name = span(name0, self.names.len());
        let lines0 = self.lines.len();
        let (mut pc, mut line) = (0u32, d.decl_line as i64);
        for &(off, l) in d.lines {
            if l == 0 || l as i64 == line {
                continue;
            }
            let dl = l as i64 - line;
            put_uvarint(&mut self.lines, u64::from(off.saturating_sub(pc)));
            put_uvarint(&mut self.lines, ((dl << 1) ^ (dl >> 63)) as u64);
            pc = off.max(pc);
            line = l as i64;
        }
        let calls0 = self.calls.len();
        self.calls.extend_from_slice(d.calls);
        let slots0 = self.slots.len() as u32;
        self.slots.extend_from_slice(d.closure_offs);
        for b in d.inlined {
            let n0 = self.names.len();
            self.names.push_str(b.name);
            let (lo, hi) = (d.start + b.lo as usize, d.start + b.hi as usize);
            self.inlined.push(InlineRow { lo, hi, name: span(n0, self.names.len()), call_line: b.call_line, call: b.call });
        }
        let (args, args_off) = match d.args {
            Some(a) => {
                let at = self.args.len() as u32;
                self.args.extend_from_slice(a.prog);
                if a.prog.last() != Some(&trace_args::END_SEQ) {
                    self.args.push(trace_args::END_SEQ);
                }
                (at, a.fp_off)
            }
            None => (NO_ARGS, 0),
        };
        if let Some(sd) = &d.stack {
            self.stack.push(d.start, sd);
        }
        self.funcs.push(FuncInfo {
            start: d.start,
            size: d.size,
            frame_size: d.frame_size,
            decl_line: d.decl_line,
            deferbits_off: d.deferbits_off,
            name,
            lines: span(lines0, self.lines.len()),
            calls: span(calls0, self.calls.len()),
            slots: slots0,
            kind: d.kind,
            defer_kind: d.defer_kind,
            n_defers: d.closure_offs.len().min(255) as u8,
            is_wrapper: d.is_wrapper,
            file,
            file_runs,
            args,
            args_off,
        });
    }

    /// The absolute path of `f`'s source file.
    pub fn file_of(&self, f: &FuncInfo) -> &str {
        match f.file {
            0 => &self.file,
            i => &self.files[i as usize - 1],
        }
    }

    /// The absolute path of the source file of code offset `off` in `f` (line directives may
    /// put parts of a function in other files).
    pub fn file_at(&self, f: &FuncInfo, off: u32) -> &str {
        let runs = &self.file_runs[f.file_runs.0 as usize..(f.file_runs.0 + f.file_runs.1) as usize];
        let i = runs.partition_point(|r| r.0 <= off);
        match i.checked_sub(1) {
            Some(j) => match runs[j].1 {
                0 => &self.file,
                k => &self.files[k as usize - 1],
            },
            None => self.file_of(f),
        }
    }

    /// Orders rows by start address (required before [`register`]).
    pub fn sort(&mut self) {
        self.funcs.sort_by_key(|f| f.start);
        self.inlined.sort_by_key(|r| r.lo);
        self.shapes.sort_by_key(|s| s.0);
        self.stack.sort();
    }

    /// Records the call shape (`reflectcall::shape`) of the function starting at `start`.
    pub fn set_call_shape(&mut self, start: usize, shape: &[u8]) {
        let at = self.shape_pool.len() as u32;
        self.shape_pool.extend_from_slice(shape);
        self.shapes.push((start, at, shape.len() as u32));
    }

    /// The call shape of the function starting at `start`, if it has one.
    pub fn call_shape(&self, start: usize) -> Option<&[u8]> {
        let i = self.shapes.binary_search_by_key(&start, |s| s.0).ok()?;
        let (_, at, n) = self.shapes[i];
        Some(&self.shape_pool[at as usize..(at + n) as usize])
    }

    pub fn funcs(&self) -> &[FuncInfo] {
        &self.funcs
    }

    /// The row whose code contains `pc` (binary search).
    pub fn find(&self, pc: usize) -> Option<&FuncInfo> {
        let i = self.funcs.partition_point(|f| f.start <= pc);
        let f = self.funcs.get(i.checked_sub(1)?)?;
        f.contains(pc).then_some(f)
    }

    pub fn name(&self, f: &FuncInfo) -> &str {
        &self.names[f.name.0 as usize..(f.name.0 + f.name.1) as usize]
    }

    /// The `try_call` sites of `f`, sorted by return offset.
    pub fn call_sites(&self, f: &FuncInfo) -> &[CallSite] {
        &self.calls[f.calls.0 as usize..(f.calls.0 + f.calls.1) as usize]
    }

    /// The call site whose return address is `pc` (absolute), if it has a handler.
    pub fn call_site_at(&self, f: &FuncInfo, pc: usize) -> Option<CallSite> {
        let off = pc.checked_sub(f.start)? as u32;
        let cs = self.call_sites(f);
        cs.binary_search_by_key(&off, |c| c.ret).ok().map(|i| cs[i])
    }

    /// The frames inlined at code offset `off` of `f`, innermost first, as (gc name, the line in
    /// the enclosing frame of the exit or call that ran it, whether it is an inlined call).
    pub fn inlined_at(&self, f: &FuncInfo, off: u32) -> Vec<(&str, u32, bool)> {
        self.inline_chain(f, off)
            .rev()
            .map(|i| {
                let r = &self.inlined[i];
                (self.row_name(r), r.call_line, r.call)
            })
            .collect()
    }

    /// The indices of the inline rows covering code offset `off` of `f`: the chain of frames
    /// inlined there, outermost first (empty: none).
    fn inline_chain(&self, f: &FuncInfo, off: u32) -> std::ops::Range<usize> {
        let pc = f.start + off as usize;
        let i = self.inlined.partition_point(|r| r.lo <= pc);
        let Some(last) = i.checked_sub(1).map(|j| self.inlined[j]) else { return 0..0 };
        if pc >= last.hi || !f.contains(last.lo) {
            return 0..0;
        }
        let n = self.inlined[..i].iter().rev().take_while(|r| r.lo == last.lo && r.hi == last.hi).count();
        i - n..i
    }

    fn row_name(&self, r: &InlineRow) -> &str {
        &self.names[r.name.0 as usize..(r.name.0 + r.name.1) as usize]
    }

    /// The virtual pc of the frame enclosing inline row `i`'s frame (see [`frame_at`]): one past
    /// the row's own address, so that it and the byte before it (where `CallersFrames` backs up
    /// to, as from a return address) both lie in the row.
    fn virtual_pc(&self, i: usize) -> usize {
        &self.inlined[i] as *const InlineRow as usize + 1
    }

    /// The inline row a virtual pc (or the byte before it) lies in.
    fn virtual_row(&self, pc: usize) -> Option<usize> {
        let base = self.inlined.as_ptr() as usize;
        let size = std::mem::size_of::<InlineRow>();
        (pc >= base && pc < base + self.inlined.len() * size).then(|| (pc - base) / size)
    }

    /// `f`'s argument program, up to and including its end byte (`None`: it has none).
    pub fn arg_program(&self, f: &FuncInfo) -> Option<&[u8]> {
        if f.args == NO_ARGS {
            return None;
        }
        let rest = &self.args[f.args as usize..];
        let end = rest.iter().position(|&b| b == trace_args::END_SEQ).unwrap_or(rest.len() - 1);
        Some(&rest[..=end])
    }

    /// fp-relative offsets of the open-coded closure slots, by defer bit.
    pub fn closure_offsets(&self, f: &FuncInfo) -> &[i32] {
        &self.slots[f.slots as usize..f.slots as usize + f.n_defers as usize]
    }

    /// The Go source line of code offset `off` in `f` (`decl_line` before the first entry).
    pub fn line_at(&self, f: &FuncInfo, off: u32) -> u32 {
        let b = &self.lines[f.lines.0 as usize..(f.lines.0 + f.lines.1) as usize];
        let (mut pos, mut pc, mut line) = (0, 0u32, f.decl_line as i64);
        while pos < b.len() {
            let dpc = get_uvarint(b, &mut pos) as u32;
            let z = get_uvarint(b, &mut pos);
            let dl = ((z >> 1) as i64) ^ -((z & 1) as i64);
            if pc + dpc > off {
                break;
            }
            pc += dpc;
            line += dl;
        }
        line as u32
    }

    /// The line of the call whose return address is `pc`: the instruction just before it.
    pub fn call_line(&self, f: &FuncInfo, pc: usize) -> u32 {
        self.line_at(f, (pc - f.start).saturating_sub(1) as u32)
    }

    /// Bytes used by this table (rows and pools), for `--time`/dump statistics.
    pub fn footprint(&self) -> usize {
        self.funcs.len() * std::mem::size_of::<FuncInfo>()
            + self.names.len()
            + self.lines.len()
            + self.calls.len() * std::mem::size_of::<CallSite>()
            + self.slots.len() * 4
            + self.inlined.len() * std::mem::size_of::<InlineRow>()
            + self.args.len()
            + self.file_runs.len() * 8
            + self.stack.footprint()
    }

    /// How the collector scans `f`'s frame stopped at the call returning to `pc` (`None`: no
    /// map for that pc; scan the frame conservatively).
    pub fn stack_frame(&self, f: &FuncInfo, pc: usize) -> Option<crate::stackmap::FrameScan<'_>> {
        self.stack.frame_at(f.start, (pc - f.start) as u32)
    }
}

/// All registered tables. Readers load the pointer (a leaked, immutable `Vec`); writers replace it
/// under `REG_LOCK`. Old snapshots are leaked too (one per registered program: a handful).
static TABLES: AtomicPtr<Vec<&'static FuncTable>> = AtomicPtr::new(std::ptr::null_mut());
static REG_LOCK: Mutex<()> = Mutex::new(());

/// Publishes a table (sorted) for the lifetime of the process.
pub fn register(mut t: FuncTable) -> &'static FuncTable {
    t.sort();
    let t: &'static FuncTable = Box::leak(Box::new(t));
    let _g = REG_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let mut v = tables().to_vec();
    v.push(t);
    TABLES.store(Box::into_raw(Box::new(v)), Ordering::Release);
    t
}

fn tables() -> &'static [&'static FuncTable] {
    let p = TABLES.load(Ordering::Acquire);
    if p.is_null() {
        return &[];
    }
    // SAFETY: every stored pointer comes from Box::into_raw of a Vec that is never freed.
    unsafe { &*p }
}

/// One frame of the goroutine's stack as `runtime.Callers` reports it, named by a pc: a body
/// the compiler emitted inline (an inlined call, a deferred func literal at an exit) is a frame of
/// its own, as in gc.
///
/// gc gives the frame enclosing an inlined body a pc of its own (the inline mark in the parent);
/// gojit has no instruction for it and gives it a *virtual pc* instead: an address inside the
/// inline row of the enclosed body (see [`FuncTable::virtual_pc`]), which is never code, and
/// which every query here answers for the enclosing frame at the line of the call or exit that
/// ran the body.
#[derive(Clone, Copy)]
pub struct PcFrame {
    pub table: &'static FuncTable,
    /// The machine function holding the pc (the outermost frame).
    pub func: &'static FuncInfo,
    /// The frame's gc name (`main.f`, `main.f.func1`).
    pub name: &'static str,
    /// The source line at the pc (for a virtual pc: the line of the call or exit in this frame
    /// that ran the inner body).
    pub line: u32,
    /// gc inlines this frame too (an inlined call): `CallersFrames` gives it no `Func`. A
    /// deferred func literal emitted inline is a real frame in gc.
    pub inlined_call: bool,
    /// The virtual pc of the enclosing frame, when this frame is a body emitted inline (0: none).
    pub outer: usize,
    /// The source file of the pc (for a virtual pc: of the code the inner body starts at).
    pub file: &'static str,
}

/// The frame `pc` names: a pc in a JIT function (as is, not backed up: callers holding a return
/// address subtract one), or a virtual pc (see [`PcFrame`]).
pub fn frame_at(pc: usize) -> Option<PcFrame> {
    for &t in tables() {
        if let Some(i) = t.virtual_row(pc) {
            let r = t.inlined[i];
            let func = t.find(r.lo)?;
            let file = t.file_at(func, (r.lo - func.start) as u32);
            let parent = i.checked_sub(1).filter(|&p| t.inlined[p].lo == r.lo && t.inlined[p].hi == r.hi);
            return Some(match parent {
                Some(p) => PcFrame {
                    table: t,
                    func,
                    name: t.row_name(&t.inlined[p]),
                    line: r.call_line,
                    inlined_call: t.inlined[p].call,
                    outer: t.virtual_pc(p),
                    file,
                },
                None => PcFrame { table: t, func, name: t.name(func), line: r.call_line, inlined_call: false, outer: 0, file },
            });
        }
    }
    let (t, func) = lookup(pc)?;
    let off = (pc - func.start) as u32;
    let line = t.line_at(func, off);
    let file = t.file_at(func, off);
    Some(match t.inline_chain(func, off).last() {
        Some(i) => {
            let r = &t.inlined[i];
            PcFrame { table: t, func, name: t.row_name(r), line, inlined_call: r.call, outer: t.virtual_pc(i), file }
        }
        None => PcFrame { table: t, func, name: t.name(func), line, inlined_call: false, outer: 0, file },
    })
}

/// Entries of the per-thread lookup cache (direct-mapped by return address).
const CACHE_SIZE: usize = 64;

type CacheEntry = (usize, *const FuncTable, *const FuncInfo);

thread_local! {
    /// Recent `pc -> (table, row)` hits. Rows and tables are immutable and never freed, so cached
    /// pointers stay valid; misses are not cached (a later registration may cover the pc).
    static CACHE: std::cell::Cell<[CacheEntry; CACHE_SIZE]> =
        const { std::cell::Cell::new([(0, std::ptr::null(), std::ptr::null()); CACHE_SIZE]) };
}

/// The call shape (`reflectcall::shape`) of the function whose code starts at `code`.
pub fn call_shape_at(code: usize) -> Option<&'static [u8]> {
    tables().iter().find_map(|t| t.call_shape(code))
}

/// The entry address of the function named `name` (gc's name) in any registered table.
pub fn func_named(name: &str) -> Option<usize> {
    tables().iter().find_map(|t| t.funcs.iter().find(|f| f.kind == FuncKind::Go && t.name(f) == name).map(|f| f.start))
}

/// The function containing `pc`, in any registered table.
pub fn lookup(pc: usize) -> Option<(&'static FuncTable, &'static FuncInfo)> {
    let slot = (pc ^ (pc >> 6)) % CACHE_SIZE;
    if let Some((_, t, f)) = cache_get(slot, pc) {
        // SAFETY: cached pointers come from leaked, immutable tables (see CACHE).
        return Some(unsafe { (&*t, &*f) });
    }
    let found = tables().iter().find_map(|t| t.find(pc).map(|f| (*t, f)));
    if let Some((t, f)) = found {
        cache_put(slot, (pc, t as *const FuncTable, f as *const FuncInfo));
    }
    found
}

// The cache is reached only through these two non-inlined functions, so that its (thread-local)
// address is computed on each access: a goroutine walking frames may switch out and resume on
// another thread, and must then use that thread's cache, not race on the previous thread's
// (see `sched::proc`'s thread-local slots).

#[inline(never)]
fn cache_get(slot: usize, pc: usize) -> Option<CacheEntry> {
    CACHE.with(|c| {
        // SAFETY: the cell is this thread's and not borrowed elsewhere during this read.
        let e = unsafe { (*c.as_ptr())[slot] };
        (e.0 == pc && !e.1.is_null()).then_some(e)
    })
}

#[inline(never)]
fn cache_put(slot: usize, e: CacheEntry) {
    CACHE.with(|c| {
        // SAFETY: as in `cache_get`; a plain store into this thread's cache.
        unsafe { (*c.as_ptr())[slot] = e };
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_example_roundtrip() {
        let mut t = FuncTable::new("/x/prog.go");
        let calls = [CallSite { ret: 0x2f, handler: 0x60, frame_offset: 0x30 }];
        t.push(&FuncDesc {
            start: 0x1000,
            size: 0x90,
            name: "main.f",
            decl_line: 10,
            kind: FuncKind::Go,
            defer_kind: DeferKind::OpenCoded,
            is_wrapper: false,
            frame_size: 0x30,
            deferbits_off: -0x20,
            closure_offs: &[-0x18, -0x10],
            lines: &[(0, 10), (0x10, 11), (0x14, 11), (0x24, 13), (0x60, 14)],
            inlined: &[],
            calls: &calls,
            args: Some(ArgLayout { prog: &[0, 8, 0xfe, 8, 8, 0x10, 8, 0xfd, 0x18, 1, 0xff], fp_off: -0x30 }),
            stack: None,
        });
        t.push(&FuncDesc {
            start: 0x900,
            size: 0x10,
            name: "main.g",
            decl_line: 3,
            kind: FuncKind::Go,
            defer_kind: DeferKind::None,
            is_wrapper: true,
            frame_size: 0x10,
            deferbits_off: 0,
            closure_offs: &[],
            lines: &[],
            inlined: &[InlinedBody { lo: 4, hi: 8, name: "main.g.func1", call_line: 5, call: false }],
            calls: &[],
            args: None,
            stack: None,
        });
        t.sort();
        assert_eq!(t.lines, vec![0x10, 2, 0x14, 4, 0x3c, 2]);
        let g = t.find(0x905).unwrap();
        assert_eq!(t.name(g), "main.g");
        assert_eq!(t.inlined_at(g, 3), vec![]);
        assert_eq!(t.inlined_at(g, 4), vec![("main.g.func1", 5, false)]);
        assert_eq!(t.inlined_at(g, 8), vec![]);
        let f = t.find(0x1000 + 0x2f).unwrap();
        assert_eq!(t.name(f), "main.f");
        assert_eq!(t.closure_offsets(f), &[-0x18, -0x10]);
        assert_eq!(t.arg_program(f), Some(&[0, 8, 0xfe, 8, 8, 0x10, 8, 0xfd, 0x18, 1, 0xff][..]));
        assert_eq!(f.args_off, -0x30);
        assert_eq!(t.arg_program(g), None);
        assert_eq!(t.call_site_at(f, 0x102f), Some(calls[0]));
        assert_eq!(t.call_site_at(f, 0x1030), None);
        assert_eq!(t.line_at(f, 0), 10);
        assert_eq!(t.line_at(f, 0x13), 11);
        assert_eq!(t.line_at(f, 0x24), 13);
        assert_eq!(t.call_line(f, 0x102f), 13);
        assert_eq!(t.line_at(f, 0x8f), 14);
        assert!(t.find(0x1090).is_none());
        assert!(t.find(0x8ff).is_none());
        assert_eq!(t.name(t.find(0x905).unwrap()), "main.g");
        assert_eq!(std::mem::size_of::<FuncInfo>(), 80);
    }

    #[test]
    fn ten_thousand_functions_stay_compact_and_searchable() {
        let mut t = FuncTable::new("/x/big.go");
        let lines: Vec<(u32, u32)> = (0..20).map(|i| (i * 12, 0)).collect();
        for k in 0..10_000u32 {
            let decl = 1 + k * 25;
            let ls: Vec<(u32, u32)> = lines.iter().map(|&(o, _)| (o, decl + o / 12)).collect();
            let calls: Vec<CallSite> = (0..5).map(|i| CallSite { ret: 40 + i * 30, handler: 220, frame_offset: 0x40 }).collect();
            t.push(&FuncDesc {
                start: 0x10_0000 + k as usize * 0x100,
                size: 0x100,
                name: &format!("main.f{k}"),
                decl_line: decl,
                kind: FuncKind::Go,
                defer_kind: DeferKind::OpenCoded,
                is_wrapper: false,
                frame_size: 0x40,
                deferbits_off: -0x30,
                closure_offs: &[-0x28, -0x20],
                lines: &ls,
                inlined: &[],
                calls: &calls,
                args: Some(ArgLayout { prog: &[0, 8, 0xff], fp_off: -0x38 }),
                stack: None,
            });
        }
        t.sort();
        // rows 72 + names ~6 + lines 40 + calls 60 + slots 8 bytes per function
        assert!(t.footprint() / 10_000 < 200, "{} bytes per function", t.footprint() / 10_000);
        for k in (0..10_000u32).step_by(97) {
            let pc = 0x10_0000 + k as usize * 0x100 + 40 + 30;
            let f = t.find(pc).unwrap();
            assert_eq!(t.name(f), format!("main.f{k}"));
            assert_eq!(t.call_site_at(f, pc).unwrap().handler, 220);
            assert_eq!(t.call_line(f, pc), 1 + k * 25 + 69 / 12);
        }
    }
}
