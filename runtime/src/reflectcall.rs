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
    /// The callee's shape.
    shape: [u8; SHAPE_MAX],
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
    // SAFETY: caller contract (reflect panics on a nil func before calling).
    let code = unsafe { *f };
    // SAFETY: caller contract.
    let plan = unsafe { &mut *plan };
    if let Some(s) = crate::funcdata::call_shape_at(code) {
        if s.len() > SHAPE_MAX {
            rterror::plain_panic("reflect: gojit cannot call a function with this many parameters through reflect")
        }
        plan.shape[..s.len()].copy_from_slice(s);
        plan.shape_len = s.len();
    } else if code == gort_reflect_makefuncstub as *const () as usize || code == gort_reflect_methodvaluecall as *const () as usize {
        // SAFETY: the closure of a stub; its func type is a valid descriptor.
        plan.shape_len = unsafe { shape_of_functype(stub_target(f as usize).0, false, &mut plan.shape) };
    } else {
        rterror::plain_panic("reflect: gojit cannot call this function through reflect (its calling convention is not recorded)")
    }
    let shape_copy = plan.shape;
    let s = &shape_copy[..plan.shape_len];
    check_ret_area(s);
    plan.code = code;
    plan.nstack = 0;
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
    // SAFETY: caller contract.
    let plan = unsafe { &*plan };
    let s = &plan.shape[..plan.shape_len];
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

// ---- the other direction: `reflect.makeFuncStub` and `reflect.methodValueCall`, the code of
// every `MakeFunc` function and of every method value reflect makes (`Value.Method(i)` turned
// into a func value). Generated code calls them with the `tail` convention of the func type; the
// stub saves the argument registers, [`gort_reflect_stub_enter`] finds the closure (`ctx`: in
// rdi, or in rsi after Cranelift's return-area pointer), builds the ABI0 frame reflect's
// `callReflect`/`callMethod` read, and the stub calls that Go function; then
// [`gort_reflect_stub_exit`] moves the results from the frame into the result registers, the
// return area or the out pointers, and the stub returns popping the caller's stack arguments.

/// The stub's frame (offsets fixed: the assembly uses them).
#[repr(C)]
pub struct StubFrame {
    /// 0: rdi, rsi, rdx, rcx, r8, r9 as the caller passed them.
    ints: [u64; INT_ARGS],
    /// 48: xmm0..xmm7.
    floats: [u64; FLOAT_ARGS],
    /// 112: the caller's stack arguments.
    stack: *const u64,
    /// 120: the Go function to call (`reflect.callReflect` or `reflect.callMethod`).
    go_code: usize,
    /// 128: its `ctxt` argument (the closure).
    go_ctxt: usize,
    /// 136: its `frame` argument.
    frame: *mut u8,
    /// 144: bytes of stack arguments the stub pops on return.
    pop: usize,
    /// 152: the results for rax, rcx, rdx, rsi, rdi, r8, r9, r10.
    rints: [u64; INT_RETS],
    /// 216: the results for xmm0..xmm7.
    rfloats: [u64; FLOAT_RETS],
    /// 280: scratch words of the epilogue.
    scratch: [u64; 2],
    /// 296: `retValid`.
    ret_valid: u64,
    /// 304: a zeroed `abi.RegArgs` (reflect uses no registers: never read).
    regs: [u64; 36],
    /// The closure's shape and whether the caller passed a return-area pointer.
    shape: [u8; SHAPE_MAX],
    shape_len: usize,
    ret_area: *mut u64,
}

const SHAPE_MAX: usize = 512;
/// The stub's frame size, a multiple of 16 (the assembly reserves it).
pub const STUB_FRAME: usize = (std::mem::size_of::<StubFrame>() + 15) & !15;
const _: () = assert!(std::mem::offset_of!(StubFrame, go_code) == 120 && std::mem::offset_of!(StubFrame, rints) == 152);
const _: () = assert!(std::mem::offset_of!(StubFrame, rfloats) == 216 && std::mem::offset_of!(StubFrame, regs) == 304);

/// Appends the shape of one value of type `t` to `out` at `*n`.
///
/// # Safety
/// `t` valid.
unsafe fn shape_of_type(t: *const crate::abi::Type, out: &mut [u8; SHAPE_MAX], n: &mut usize) {
    use crate::abi::Kind as K;
    // SAFETY: caller contract.
    let t = unsafe { &*t };
    let mut push = |c: u8, out: &mut [u8; SHAPE_MAX]| {
        if *n >= SHAPE_MAX {
            crate::panic::fatal("reflect: a MakeFunc signature too large for gojit");
        }
        out[*n] = c;
        *n += 1;
    };
    let words: &[u8] = match t.kind() {
        K::Bool | K::Int8 | K::Uint8 => &[shape::I8],
        K::Int16 | K::Uint16 => &[shape::I16],
        K::Int32 | K::Uint32 => &[shape::I32],
        K::Float32 => &[shape::F32],
        K::Float64 => &[shape::F64],
        K::Complex64 => &[shape::F32, shape::F32],
        K::Complex128 => &[shape::F64, shape::F64],
        K::String | K::Interface => &[shape::I64, shape::I64],
        K::Slice => &[shape::I64, shape::I64, shape::I64],
        K::Struct | K::Array => {
            push(shape::MEM, out);
            for b in (t.size() as u32).to_le_bytes() {
                push(b, out);
            }
            push(t.align().max(1) as u8, out);
            return;
        }
        _ => &[shape::I64],
    };
    for &w in words {
        push(w, out);
    }
}

/// The shape of a func type with a one-word receiver first when `recv`, as the compiler records
/// it for a function of that signature.
///
/// # Safety
/// `ft` a func type descriptor.
unsafe fn shape_of_functype(ft: *const crate::abi::Type, recv: bool, out: &mut [u8; SHAPE_MAX]) -> usize {
    let mut n = 0;
    if recv {
        out[0] = shape::I64;
        n = 1;
    }
    // SAFETY: caller contract.
    let ft = unsafe { &*ft };
    for &p in ft.func_in() {
        // SAFETY: a func type's parameters are valid descriptors.
        unsafe { shape_of_type(p, out, &mut n) };
    }
    if n >= SHAPE_MAX {
        crate::panic::fatal("reflect: a MakeFunc signature too large for gojit");
    }
    out[n] = shape::RESULTS;
    n += 1;
    for &r in ft.func_out() {
        // SAFETY: as above.
        unsafe { shape_of_type(r, out, &mut n) };
    }
    n
}

/// The func type of the closure `ctx` of one of the stubs, and the Go function to call.
///
/// # Safety
/// `ctx` a `makeFuncImpl` or a `methodValue`.
unsafe fn stub_target(ctx: usize) -> (*const crate::abi::Type, usize) {
    // SAFETY: caller contract: makeFuncCtxt (fn, stack, argLen, regPtrs) then the fields below.
    unsafe {
        let code = *(ctx as *const usize);
        if code == gort_reflect_makefuncstub as *const () as usize {
            // makeFuncImpl.ftyp
            return (*((ctx + 32) as *const *const crate::abi::Type), go_fn(&CALL_REFLECT, "reflect.callReflect"));
        }
        // methodValue{makeFuncCtxt, method int, rcvr Value{typ_, ptr, flag}}
        let i = *((ctx + 32) as *const usize);
        let rt = &*(*((ctx + 40) as *const *const crate::abi::Type));
        let ft = if rt.kind() == crate::abi::Kind::Interface {
            rt.type_off(rt.imethods()[i].typ) as *const crate::abi::Type
        } else {
            rt.type_off(rt.methods()[i].mtyp) as *const crate::abi::Type
        };
        (ft, go_fn(&CALL_METHOD, "reflect.callMethod"))
    }
}

static CALL_REFLECT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static CALL_METHOD: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The entry of the compiled Go function `name` (looked up once).
fn go_fn(cache: &std::sync::atomic::AtomicUsize, name: &str) -> usize {
    use std::sync::atomic::Ordering;
    let a = cache.load(Ordering::Relaxed);
    if a != 0 {
        return a;
    }
    let Some(a) = crate::funcdata::func_named(name) else {
        crate::panic::fatal(&format!("reflect: {name} was not compiled"));
    };
    cache.store(a, Ordering::Relaxed);
    a
}

/// Walks the caller's argument words of the stub frame `sf` in `tail`'s order.
struct ArgReader<'s> {
    sf: &'s StubFrame,
    ni: usize,
    nf: usize,
    ns: usize,
}

impl ArgReader<'_> {
    fn get(&mut self, float: bool) -> u64 {
        if float && self.nf < FLOAT_ARGS {
            self.nf += 1;
            self.sf.floats[self.nf - 1]
        } else if !float && self.ni < INT_ARGS {
            self.ni += 1;
            self.sf.ints[self.ni - 1]
        } else {
            self.ns += 1;
            // SAFETY: the caller passed this many stack words (its signature is the shape's).
            unsafe { *self.sf.stack.add(self.ns - 1) }
        }
    }
}

/// The first half of the stubs (see above): fills `sf` from the saved argument registers.
///
/// # Safety
/// Called by the stub assembly only (through `sym`: not an entry point of generated code).
pub unsafe extern "C" fn gort_reflect_stub_enter(sf: *mut StubFrame) {
    // SAFETY: the stub's own frame.
    let sf = unsafe { &mut *sf };
    // A closure is a heap object; a return-area pointer points into the caller's frame.
    let heap = crate::alloc::heap();
    // SAFETY: only the bounds are read.
    let (lo, hi) = unsafe { (*heap).bounds() };
    let rdi = sf.ints[0] as usize;
    let (ctx, ret_area) = if rdi >= lo && rdi < hi { (rdi, std::ptr::null_mut()) } else { (sf.ints[1] as usize, rdi as *mut u64) };
    // SAFETY: ctx is the closure the stub is the code of.
    let (ft, go_code) = unsafe { stub_target(ctx) };
    let mut shape_buf = [0u8; SHAPE_MAX];
    // SAFETY: a func type descriptor.
    let len = unsafe { shape_of_functype(ft, false, &mut shape_buf) };
    let s = &shape_buf[..len];
    if needs_ret_area(s) == ret_area.is_null() {
        crate::panic::fatal("reflect: MakeFunc stub: the caller's return area does not match the signature");
    }
    // the ABI0 frame: parameters, then results from a word boundary
    let mut pos = 0;
    let mut off = 0usize;
    while let Some(it) = shape::next(s, &mut pos) {
        off = match it {
            Item::Word { bytes, .. } => align(off, bytes) + bytes,
            Item::Mem { size, align: a } => align(off, a) + size,
        };
    }
    let ret_off = align(off, 8);
    let mut end = ret_off;
    while let Some(it) = shape::next(s, &mut pos) {
        end = match it {
            Item::Word { bytes, .. } => align(end, bytes) + bytes,
            Item::Mem { size, align: a } => align(end, a) + size,
        };
    }
    let frame = crate::alloc::alloc_zeroed(align(end, 8).max(8), 8);
    let mut rd = ArgReader { sf, ni: if ret_area.is_null() { 1 } else { 2 }, nf: 0, ns: 0 };
    let mut pos = 0;
    let mut off = 0usize;
    while let Some(it) = shape::next(s, &mut pos) {
        match it {
            Item::Word { bytes, float } => {
                off = align(off, bytes);
                let v = rd.get(float);
                // SAFETY: inside the fresh frame.
                unsafe { store(frame.add(off), bytes, v) };
                off += bytes;
            }
            Item::Mem { size, align: a } => {
                off = align(off, a);
                let src = rd.get(false) as *const u8;
                // SAFETY: the caller passed the value's address; inside the frame.
                unsafe { std::ptr::copy_nonoverlapping(src, frame.add(off), size) };
                off += size;
            }
        }
    }
    // out pointers of by-address results follow the parameters: count their stack words too
    while let Some(it) = shape::next(s, &mut pos) {
        if let Item::Mem { .. } = it {
            rd.get(false);
        }
    }
    let ns = rd.ns;
    sf.pop = align(ns * 8, 16);
    sf.go_code = go_code;
    sf.go_ctxt = ctx;
    sf.frame = frame;
    sf.ret_valid = 0;
    sf.regs = [0; 36];
    sf.shape[..len].copy_from_slice(s);
    sf.shape_len = len;
    sf.ret_area = ret_area;
}

/// The second half of the stubs: the results from the frame into registers, the return area and
/// the out pointers.
///
/// # Safety
/// Called by the stub assembly only, after [`gort_reflect_stub_enter`] and the Go call.
pub unsafe extern "C" fn gort_reflect_stub_exit(sf: *mut StubFrame) {
    // SAFETY: the stub's own frame.
    let sf = unsafe { &mut *sf };
    let shape_buf = sf.shape;
    let s = &shape_buf[..sf.shape_len];
    let frame = sf.frame;
    // skip the parameters, counting the argument words, to reach the out pointers
    let mut rd = ArgReader { sf: &*sf, ni: if sf.ret_area.is_null() { 1 } else { 2 }, nf: 0, ns: 0 };
    let mut pos = 0;
    let mut off = 0usize;
    while let Some(it) = shape::next(s, &mut pos) {
        match it {
            Item::Word { bytes, float } => {
                rd.get(float);
                off = align(off, bytes) + bytes;
            }
            Item::Mem { size, align: a } => {
                rd.get(false);
                off = align(off, a) + size;
            }
        }
    }
    let mut roff = align(off, 8);
    let (mut ni, mut nf, mut na) = (0, 0, 0);
    let mut rints = [0u64; INT_RETS];
    let mut rfloats = [0u64; FLOAT_RETS];
    while let Some(it) = shape::next(s, &mut pos) {
        match it {
            Item::Word { bytes, float } => {
                roff = align(roff, bytes);
                // SAFETY: inside the frame.
                let v = unsafe { load(frame.add(roff), bytes) };
                if float && nf < FLOAT_RETS {
                    rfloats[nf] = v;
                    nf += 1;
                } else if !float && ni < INT_RETS {
                    rints[ni] = v;
                    ni += 1;
                } else {
                    // SAFETY: the caller's return area has a slot per result word beyond the registers.
                    unsafe { *sf.ret_area.add(na) = v };
                    na += 1;
                }
                roff += bytes;
            }
            Item::Mem { size, align: a } => {
                roff = align(roff, a);
                let dst = rd.get(false) as *mut u8;
                // SAFETY: the caller's out pointer for this result; inside the frame.
                unsafe { std::ptr::copy_nonoverlapping(frame.add(roff), dst, size) };
                roff += size;
            }
        }
    }
    sf.rints = rints;
    sf.rfloats = rfloats;
}

unsafe extern "C" {
    /// The code of `MakeFunc` functions (see above).
    pub fn gort_reflect_makefuncstub();
    /// The code of method values made by reflect (see above).
    pub fn gort_reflect_methodvaluecall();
    static gort_reflect_stubs_end: u8;
}

// Both stubs are one routine (the closure tells which Go function to call).
core::arch::global_asm!(
    ".text",
    ".p2align 4",
    ".globl gort_reflect_makefuncstub",
    "gort_reflect_makefuncstub:",
    "jmp 4f",
    ".p2align 4",
    ".globl gort_reflect_methodvaluecall",
    "gort_reflect_methodvaluecall:",
    "4:",
    "push rbp",
    "mov rbp, rsp",
    "sub rsp, {frame}",
    "mov [rsp + 0], rdi",
    "mov [rsp + 8], rsi",
    "mov [rsp + 16], rdx",
    "mov [rsp + 24], rcx",
    "mov [rsp + 32], r8",
    "mov [rsp + 40], r9",
    "movq [rsp + 48], xmm0",
    "movq [rsp + 56], xmm1",
    "movq [rsp + 64], xmm2",
    "movq [rsp + 72], xmm3",
    "movq [rsp + 80], xmm4",
    "movq [rsp + 88], xmm5",
    "movq [rsp + 96], xmm6",
    "movq [rsp + 104], xmm7",
    "lea rax, [rbp + 16]",
    "mov [rsp + 112], rax",
    "mov rdi, rsp",
    "call {enter}",
    // callReflect/callMethod(ctxt, frame, &retValid, &regs), ctx 0
    "xor edi, edi",
    "mov rsi, [rsp + 128]",
    "mov rdx, [rsp + 136]",
    "lea rcx, [rsp + 296]",
    "lea r8, [rsp + 304]",
    "call qword ptr [rsp + 120]",
    "mov rdi, rsp",
    "call {exit}",
    // return popping `pop` bytes: the return address moves to the last stack-argument slot
    "mov rcx, [rsp + 144]",
    "mov rax, [rbp + 8]",
    "mov [rbp + rcx + 8], rax",
    "lea rax, [rbp + rcx + 8]",
    "mov [rsp + 280], rax",
    "mov rax, [rbp]",
    "mov [rsp + 288], rax",
    "mov rax, [rsp + 152]",
    "mov rcx, [rsp + 160]",
    "mov rdx, [rsp + 168]",
    "mov rsi, [rsp + 176]",
    "mov rdi, [rsp + 184]",
    "mov r8, [rsp + 192]",
    "mov r9, [rsp + 200]",
    "mov r10, [rsp + 208]",
    "movq xmm0, [rsp + 216]",
    "movq xmm1, [rsp + 224]",
    "movq xmm2, [rsp + 232]",
    "movq xmm3, [rsp + 240]",
    "movq xmm4, [rsp + 248]",
    "movq xmm5, [rsp + 256]",
    "movq xmm6, [rsp + 264]",
    "movq xmm7, [rsp + 272]",
    "mov rbp, [rsp + 288]",
    "mov rsp, [rsp + 280]",
    "ret",
    ".globl gort_reflect_stubs_end",
    "gort_reflect_stubs_end:",
    "int3",
    frame = const STUB_FRAME,
    enter = sym gort_reflect_stub_enter,
    exit = sym gort_reflect_stub_exit,
);

/// Registers the assembly routines as wrapper rows of a function table (once), so the panic
/// walker, tracebacks and `runtime.Callers` pass through their frames.
pub fn register_stubs() {
    static DONE: std::sync::Once = std::sync::Once::new();
    DONE.call_once(|| {
        use crate::funcdata::{DeferKind, FuncDesc, FuncKind, FuncTable};
        let mut t = FuncTable::new("<autogenerated>");
        let rows = [
            ("reflect.call", gort_reflect_invoke as *const () as usize, (&raw const gort_reflect_invoke_end) as usize),
            ("reflect.makeFuncStub", gort_reflect_makefuncstub as *const () as usize, (&raw const gort_reflect_stubs_end) as usize),
        ];
        for (name, start, end) in rows {
            t.push(&FuncDesc {
                start,
                size: (end - start) as u32,
                name,
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
                stack: None,
            });
        }
        crate::funcdata::register(t);
    });
}
