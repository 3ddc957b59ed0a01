//! `reflect.call` (gc's `reflectcall`, behind `Value.Call`, `Value.Method(i).Call` and reflect
//! method values): calling a Go function whose signature is known only at run time.
//!
//! gc's reflect lays the arguments out for gc's register ABI. gojit's calls follow another
//! convention (Cranelift's `tail`, parameters flattened to words, structs and arrays by
//! address; ARCHITECTURE.md "Calling convention"), so gojit sets reflect's `intArgRegs` and
//! `floatArgRegs` to 0 (`src/lower/staticinit.rs`): reflect then puts every argument in its
//! frame at its ABI0 offset (each aligned to its type, results from `stackRetOffset`), exactly
//! what gc does on an architecture without register arguments.
//!
//! The callee's convention comes from its *call shape* (module [`shape`]): the compiler records
//! one for every function it declares from a Go signature, and the function table keeps it by
//! entry address ([`crate::funcdata::call_shape_at`]). A call is three steps, emitted by the
//! `reflect.call` hook (`src/lower/hookgen.rs`):
//! 1. [`gort_reflect_call_prepare`] reads the frame by the shape into a [`Plan`]: the six
//!    integer and eight float argument registers of `tail`, the stack argument words (in
//!    parameter order, one 8-byte slot each) and, when the results do not fit the eight integer
//!    and eight float result registers, the return-area pointer Cranelift passes first;
//! 2. `gort_reflect_invoke` (assembly below) loads the registers, pushes the stack words, calls
//!    the code (the callee pops its stack arguments, as `tail` does) and stores the result
//!    registers into the plan;
//! 3. [`gort_reflect_call_finish`] writes the results into the frame at their ABI0 offsets
//!    (results that travel by address were written there by the callee itself).
//!
//! `gort_reflect_invoke` keeps a frame pointer and is a row of the function table (a wrapper
//! `reflect.call`, hidden from tracebacks as gc hides `runtime.call16`), so a panic in the callee
//! unwinds through it to `reflect.Value.call` and the frames above, where a deferred `recover`
//! can stop it; no Rust frame is live while the callee runs.

use crate::rterror;

/// The call-shape encoding: per parameter (receiver first) then, after [`RESULTS`], per result,
/// either its machine words as codes 1..=6 (a word of `k` bytes sits at the next multiple of
/// `k`, which is also where ABI0 places it), or [`MEM`] with the value's size (`u32` LE) and
/// alignment (a byte) for a struct or array, which travels by address (a result: an out pointer
/// after the parameters).
pub mod shape {
    pub const I8: u8 = 1;
    pub const I16: u8 = 2;
    pub const I32: u8 = 3;
    pub const I64: u8 = 4;
    pub const F32: u8 = 5;
    pub const F64: u8 = 6;
    pub const MEM: u8 = 7;
    pub const RESULTS: u8 = 0xfe;

    /// The code of a machine word of `bytes` bytes.
    pub const fn word_code(bytes: u32, float: bool) -> u8 {
        match (bytes, float) {
            (4, true) => F32,
            (_, true) => F64,
            (1, _) => I8,
            (2, _) => I16,
            (4, _) => I32,
            _ => I64,
        }
    }

    /// One item of a shape.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Item {
        /// A machine word: its size in bytes and whether it is a float register's.
        Word { bytes: usize, float: bool },
        /// A value passed by address.
        Mem { size: usize, align: usize },
    }

    /// Reads the item at `*pos`, advancing; `None` at the end or at [`RESULTS`] (consumed).
    pub fn next(s: &[u8], pos: &mut usize) -> Option<Item> {
        let c = *s.get(*pos)?;
        *pos += 1;
        Some(match c {
            I8 => Item::Word { bytes: 1, float: false },
            I16 => Item::Word { bytes: 2, float: false },
            I32 => Item::Word { bytes: 4, float: false },
            I64 => Item::Word { bytes: 8, float: false },
            F32 => Item::Word { bytes: 4, float: true },
            F64 => Item::Word { bytes: 8, float: true },
            MEM => {
                let b = s.get(*pos..*pos + 5)?;
                *pos += 5;
                Item::Mem { size: u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize, align: (b[4] as usize).max(1) }
            }
            _ => return None,
        })
    }

    /// The position of the first result item.
    pub fn results_at(s: &[u8]) -> usize {
        s.iter().position(|&c| c == RESULTS).map_or(s.len(), |i| i + 1)
    }
}

use shape::Item;

/// Integer argument registers of `tail` (rdi, rsi, rdx, rcx, r8, r9).
const INT_ARGS: usize = 6;
/// Float argument registers (xmm0..xmm7).
const FLOAT_ARGS: usize = 8;
/// Integer result registers (rax, rcx, rdx, rsi, rdi, r8, r9, r10).
const INT_RETS: usize = 8;
const FLOAT_RETS: usize = 8;
/// Stack argument words a plan holds.
const MAX_STACK: usize = 64;
/// Return-area words a plan holds.
const MAX_RET_AREA: usize = 32;

/// Everything `gort_reflect_invoke` needs, and what it brings back (offsets fixed: the assembly
/// reads them).
#[repr(C)]
pub struct Plan {
    /// 0: the code address.
    code: usize,
    /// 8: rdi, rsi, rdx, rcx, r8, r9.
    ints: [u64; INT_ARGS],
    /// 56: xmm0..xmm7 (low 64 bits).
    floats: [u64; FLOAT_ARGS],
    /// 120: the number of stack argument words.
    nstack: usize,
    /// 128: the stack argument words, lowest address first.
    stack: [u64; MAX_STACK],
    /// 640: rax, rcx, rdx, rsi, rdi, r8, r9, r10 after the call.
    rints: [u64; INT_RETS],
    /// 704: xmm0..xmm7 after the call.
    rfloats: [u64; FLOAT_RETS],
    /// 768: the return area (results beyond the registers, one 8-byte slot each).
    ret_area: [u64; MAX_RET_AREA],
    /// The callee's shape (static: the function table's pool).
    shape: *const u8,
    shape_len: usize,
}

/// The size of [`Plan`] (the hook reserves it in its frame).
pub const PLAN_SIZE: usize = std::mem::size_of::<Plan>();
const _: () = assert!(std::mem::offset_of!(Plan, stack) == 128 && std::mem::offset_of!(Plan, rints) == 640);
const _: () = assert!(std::mem::offset_of!(Plan, rfloats) == 704 && std::mem::offset_of!(Plan, ret_area) == 768);

fn align(x: usize, a: usize) -> usize {
    (x + a - 1) & !(a - 1)
}

/// Reads `bytes` bytes at `p` zero-extended.
///
/// # Safety
/// `p` readable for `bytes` bytes.
unsafe fn load(p: *const u8, bytes: usize) -> u64 {
    // SAFETY: caller contract.
    unsafe {
        match bytes {
            1 => u64::from(p.read()),
            2 => u64::from(p.cast::<u16>().read_unaligned()),
            4 => u64::from(p.cast::<u32>().read_unaligned()),
            _ => p.cast::<u64>().read_unaligned(),
        }
    }
}

/// Writes the low `bytes` bytes of `v` at `p`.
///
/// # Safety
/// `p` writable for `bytes` bytes.
unsafe fn store(p: *mut u8, bytes: usize, v: u64) {
    // SAFETY: caller contract.
    unsafe {
        match bytes {
            1 => p.write(v as u8),
            2 => p.cast::<u16>().write_unaligned(v as u16),
            4 => p.cast::<u32>().write_unaligned(v as u32),
            _ => p.cast::<u64>().write_unaligned(v),
        }
    }
}

/// Where each result word goes: counts of integer and float result words.
fn result_words(s: &[u8]) -> (usize, usize) {
    let mut pos = shape::results_at(s);
    let (mut ni, mut nf) = (0, 0);
    while let Some(it) = shape::next(s, &mut pos) {
        match it {
            Item::Word { float: true, .. } => nf += 1,
            Item::Word { float: false, .. } => ni += 1,
            Item::Mem { .. } => {}
        }
    }
    (ni, nf)
}

/// Whether the results need Cranelift's return area (some do not fit the result registers).
fn needs_ret_area(s: &[u8]) -> bool {
    let (ni, nf) = result_words(s);
    ni > INT_RETS || nf > FLOAT_RETS
}

/// Assigns argument words to registers and stack slots in `tail`'s order.
struct ArgPlacer<'p> {
    plan: &'p mut Plan,
    ni: usize,
    nf: usize,
}

impl ArgPlacer<'_> {
    fn put(&mut self, v: u64, float: bool) {
        if float && self.nf < FLOAT_ARGS {
            self.plan.floats[self.nf] = v;
            self.nf += 1;
        } else if !float && self.ni < INT_ARGS {
            self.plan.ints[self.ni] = v;
            self.ni += 1;
        } else {
            if self.plan.nstack == MAX_STACK {
                rterror::plain_panic("reflect: gojit cannot call a function with this many arguments through reflect")
            }
            self.plan.stack[self.plan.nstack] = v;
            self.plan.nstack += 1;
        }
    }
}

/// Fills `plan` for calling the func value `f` (a closure: code at `[f]`) with the arguments in
/// the ABI0 frame `args` whose results start at `ret_off`.
///
/// # Safety
/// `f` a func value whose type reflect checked the arguments against; `args` its frame (as
/// reflect's `funcLayout` sizes it); `plan` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_call_prepare(f: *const usize, args: *mut u8, ret_off: u32, plan: *mut Plan) {
    register_stubs();
    // SAFETY: caller contract (reflect panics on a nil func before calling).
    let code = unsafe { *f };
    let Some(s) = crate::funcdata::call_shape_at(code) else {
        rterror::plain_panic("reflect: gojit cannot call this function through reflect (its calling convention is not recorded)")
    };
    check_ret_area(s);
    // SAFETY: caller contract.
    let plan = unsafe { &mut *plan };
    plan.code = code;
    plan.nstack = 0;
    plan.shape = s.as_ptr();
    plan.shape_len = s.len();
    let ret_area = needs_ret_area(s);
    let ret_area_ptr = plan.ret_area.as_mut_ptr() as u64;
    let mut p = ArgPlacer { plan, ni: 0, nf: 0 };
    if ret_area {
        p.put(ret_area_ptr, false);
    }
    p.put(f as u64, false); // ctx: the closure
    let mut pos = 0;
    let mut off = 0usize;
    while let Some(it) = shape::next(s, &mut pos) {
        match it {
            Item::Word { bytes, float } => {
                off = align(off, bytes);
                // SAFETY: the frame holds the parameter at its ABI0 offset.
                p.put(unsafe { load(args.add(off), bytes) }, float);
                off += bytes;
            }
            Item::Mem { size, align: a } => {
                off = align(off, a);
                // the callee copies the value from its address in its prologue
                p.put(args as u64 + off as u64, false);
                off += size;
            }
        }
    }
    if align(off, 8) != ret_off as usize {
        rterror::plain_panic("reflect: internal error: gojit's call shape disagrees with reflect's frame layout")
    }
    // out pointers of the results that travel by address, after the parameters
    let mut roff = ret_off as usize;
    while let Some(it) = shape::next(s, &mut pos) {
        match it {
            Item::Word { bytes, .. } => roff = align(roff, bytes) + bytes,
            Item::Mem { size, align: a } => {
                roff = align(roff, a);
                p.put(args as u64 + roff as u64, false);
                roff += size;
            }
        }
    }
}

/// Writes the results the call left in `plan` into the frame `args` at their ABI0 offsets from
/// `ret_off`.
///
/// # Safety
/// `plan` prepared for `args` and invoked.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_reflect_call_finish(plan: *const Plan, args: *mut u8, ret_off: u32) {
    // SAFETY: caller contract: the shape is the function table's (static).
    let plan = unsafe { &*plan };
    let s = unsafe { std::slice::from_raw_parts(plan.shape, plan.shape_len) };
    let mut pos = shape::results_at(s);
    let (mut ni, mut nf, mut na) = (0, 0, 0);
    let mut roff = ret_off as usize;
    while let Some(it) = shape::next(s, &mut pos) {
        match it {
            Item::Word { bytes, float } => {
                roff = align(roff, bytes);
                let v = if float && nf < FLOAT_RETS {
                    nf += 1;
                    plan.rfloats[nf - 1]
                } else if !float && ni < INT_RETS {
                    ni += 1;
                    plan.rints[ni - 1]
                } else {
                    na += 1;
                    plan.ret_area[na - 1]
                };
                // SAFETY: the frame holds the result at its ABI0 offset.
                unsafe { store(args.add(roff), bytes, v) };
                roff += bytes;
            }
            Item::Mem { size, align: a } => roff = align(roff, a) + size,
        }
    }
    if na > MAX_RET_AREA {
        crate::panic::fatal("reflect: return area overflow");
    }
}

/// Checks, before a call, that the return area holds the results beyond the registers.
fn check_ret_area(s: &[u8]) {
    let (ni, nf) = result_words(s);
    if ni.saturating_sub(INT_RETS) + nf.saturating_sub(FLOAT_RETS) > MAX_RET_AREA {
        rterror::plain_panic("reflect: gojit cannot call a function with this many results through reflect")
    }
}

unsafe extern "C" {
    /// Calls `plan.code` as described by `plan` (see the module docs).
    pub fn gort_reflect_invoke(plan: *mut Plan);
    static gort_reflect_invoke_end: u8;
}

// gort_reflect_invoke(plan): a frame-pointer frame (rbp chain intact for the panic walker),
// rbx = plan and r12 kept across the call (callee-saved in `tail` as in SysV).
core::arch::global_asm!(
    ".text",
    ".p2align 4",
    ".globl gort_reflect_invoke",
    "gort_reflect_invoke:",
    "push rbp",
    "mov rbp, rsp",
    "push rbx",
    "push r12",
    "mov rbx, rdi",
    "mov rcx, [rbx + 120]",
    "lea rax, [rcx*8 + 15]",
    "and rax, -16",
    "sub rsp, rax",
    "xor edx, edx",
    "2:",
    "cmp rdx, rcx",
    "jae 3f",
    "mov rax, [rbx + 128 + rdx*8]",
    "mov [rsp + rdx*8], rax",
    "inc rdx",
    "jmp 2b",
    "3:",
    "movq xmm0, [rbx + 56]",
    "movq xmm1, [rbx + 64]",
    "movq xmm2, [rbx + 72]",
    "movq xmm3, [rbx + 80]",
    "movq xmm4, [rbx + 88]",
    "movq xmm5, [rbx + 96]",
    "movq xmm6, [rbx + 104]",
    "movq xmm7, [rbx + 112]",
    "mov rdi, [rbx + 8]",
    "mov rsi, [rbx + 16]",
    "mov rdx, [rbx + 24]",
    "mov rcx, [rbx + 32]",
    "mov r8, [rbx + 40]",
    "mov r9, [rbx + 48]",
    "call qword ptr [rbx]",
    "mov [rbx + 640], rax",
    "mov [rbx + 648], rcx",
    "mov [rbx + 656], rdx",
    "mov [rbx + 664], rsi",
    "mov [rbx + 672], rdi",
    "mov [rbx + 680], r8",
    "mov [rbx + 688], r9",
    "mov [rbx + 696], r10",
    "movq [rbx + 704], xmm0",
    "movq [rbx + 712], xmm1",
    "movq [rbx + 720], xmm2",
    "movq [rbx + 728], xmm3",
    "movq [rbx + 736], xmm4",
    "movq [rbx + 744], xmm5",
    "movq [rbx + 752], xmm6",
    "movq [rbx + 760], xmm7",
    "lea rsp, [rbp - 16]",
    "pop r12",
    "pop rbx",
    "pop rbp",
    "ret",
    ".globl gort_reflect_invoke_end",
    "gort_reflect_invoke_end:",
    "int3",
);

/// Registers the assembly routines as wrapper rows of a function table (once), so the panic
/// walker, tracebacks and `runtime.Callers` pass through their frames.
fn register_stubs() {
    static DONE: std::sync::Once = std::sync::Once::new();
    DONE.call_once(|| {
        use crate::funcdata::{DeferKind, FuncDesc, FuncKind, FuncTable};
        let start = gort_reflect_invoke as *const () as usize;
        let end = (&raw const gort_reflect_invoke_end) as usize;
        let mut t = FuncTable::new("<autogenerated>");
        t.push(&FuncDesc {
            start,
            size: (end - start) as u32,
            name: "reflect.call",
            decl_line: 1,
            kind: FuncKind::Go,
            defer_kind: DeferKind::None,
            is_wrapper: true,
            frame_size: 0,
            deferbits_off: 0,
            closure_offs: &[],
            lines: &[],
            inlined: &[],
            calls: &[],
            args: None,
        });
        crate::funcdata::register(t);
    });
}
