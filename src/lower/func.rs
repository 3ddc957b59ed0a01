//! Per-function lowering state ([`FnCx`]) and the emission primitives every construct uses:
//! blocks, locals, loads/stores of represented values, calls (plain or `try_call` to the frame's
//! deferreturn block), runtime calls, and cold panic paths.
//!
//! Invariants:
//! * In a frame with defers (`self.handler.is_some()`), every call that can panic is a `try_call`
//!   whose default handler is the deferreturn block; that block reads only stack slots.
//! * A value of a type with `Repr::Mem` is an address of memory the consumer must copy before the
//!   memory can change (`V::M`); word values (`V::W`) are immutable SSA values.

use std::collections::HashMap;

use cranelift_codegen::ir::{
    self, AbiParam, BlockArg, ExceptionTableData, ExceptionTableItem, InstBuilder, MemFlagsData,
    Signature, StackSlotData, StackSlotKind, TrapCode, Type, Value, condcodes::IntCC, types,
};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::{FunctionBuilder, Variable};
use cranelift_module::{FuncId, Module};

use crate::types::TypeId;

use super::prog::Prog;
use super::rt::{Decl, Rt};
use crate::types::ObjId as ObjKey;
use super::tyview::{Repr, word_offsets};

/// A lowered Go value.
#[derive(Clone, Debug)]
pub enum V {
    /// The SSA words of a word-represented value.
    W(Vec<Value>),
    /// Address of an in-memory (struct/array) value.
    M(Value),
}

impl V {
    pub fn one(v: Value) -> V {
        V::W(vec![v])
    }
    /// The single word of a scalar value.
    pub fn w0(&self) -> Value {
        match self {
            V::W(w) => w[0],
            V::M(a) => *a,
        }
    }
    pub fn words(&self) -> Vec<Value> {
        match self {
            V::W(w) => w.clone(),
            V::M(a) => vec![*a],
        }
    }
}

/// Where a local variable lives.
#[derive(Clone, Debug)]
pub enum Local {
    /// SSA variables, one per word.
    Vars(Vec<Variable>),
    /// In this frame's stack slot (aggregates that never escape, results in defer frames).
    Slot(ir::StackSlot),
    /// In memory whose address is held in an SSA variable (heap boxes, captured variables).
    Boxed(Variable),
    /// In memory whose address is stored in a stack slot (boxed results in defer frames).
    BoxSlot(ir::StackSlot),
    /// A parameter of a memory-block function left in its caller's block (`blockabi`): each
    /// word's type and offset there (word slots, not the Go value's layout, so it has no address).
    Block(Vec<(Type, i32)>),
}

/// A storage location.
#[derive(Clone, Debug)]
pub enum Place {
    Local(ObjKey, TypeId),
    Mem(Value, TypeId),
    /// `m[k]` in an assignment (the entry is created on store).
    MapEntry { m: Value, key: V, map_ty: TypeId, elem: TypeId },
    Blank,
}

/// Break/continue targets of an enclosing statement.
pub struct Jump {
    pub label: Option<String>,
    pub brk: ir::Block,
    pub cont: Option<ir::Block>,
}

/// Function-level lowering state.
pub struct FnCx<'p, 'a, 'f> {
    pub p: &'p mut Prog<'a>,
    pub b: FunctionBuilder<'f>,
    /// This function's memory-block signature, when it has one (`blockabi`).
    pub own_block: Option<super::blockabi::OwnBlock>,
    /// Logical signatures of the block-convention functions and signatures imported so far.
    pub block_refs: HashMap<ir::FuncRef, Signature>,
    pub block_sigs: HashMap<ir::SigRef, Signature>,
    pub locals: HashMap<ObjKey, Local>,
    /// The closure pointer (hidden first parameter).
    pub ctx: Value,
    /// Result types and their storage objects (named results, or synthesized slots).
    pub result_tys: Vec<TypeId>,
    pub result_locals: Vec<Option<ObjKey>>,
    /// Result storage slots when the function has defers (unnamed results) or aggregate results.
    pub result_slots: Vec<Option<ir::StackSlot>>,
    /// Stack slot holding each aggregate result's out pointer.
    pub out_ptr_slots: Vec<Option<ir::StackSlot>>,
    /// The deferreturn block, when the frame has defers.
    pub handler: Option<ir::Block>,
    pub defers: Option<super::defer::DeferFrame>,
    pub jumps: Vec<Jump>,
    /// In-bounds facts of the enclosing loop bodies (`prove`).
    pub facts: Vec<super::prove::InBounds>,
    /// Every nil check emitted, for `prove::elim_nil_checks`.
    pub nil_checks: Vec<super::prove::NilCheck>,
    pub labels: HashMap<String, ir::Block>,
    /// Body start of the next case clause (for `fallthrough`).
    pub fallthrough: Option<ir::Block>,
    /// Pending label for the next loop/switch statement.
    pub pending_label: Option<String>,
    /// The Go name of the function being lowered (`main.f`), for naming its closures.
    pub func_name: String,
    /// Pre-evaluated values standing in for expressions (deferred-call wrappers).
    pub overrides: HashMap<crate::syntax::ast::NodeId, V>,
    /// Pre-evaluated method receivers, keyed by the method selector (deferred method calls: the
    /// receiver is evaluated, dereferenced and nil-checked at the `defer` statement).
    pub recv_overrides: HashMap<crate::syntax::ast::NodeId, V>,
    /// A select case's received value and `ok`, keyed by its receive expression (`v, ok := <-c`
    /// in a `case` is lowered as that statement with these values standing in).
    pub recv_ok_overrides: HashMap<crate::syntax::ast::NodeId, (V, V)>,
    /// Number of open-coded defer slots (for the JIT's metadata).
    pub n_open_defers: u32,
    /// Some `try_call` targets the deferreturn block (else it is unreachable and left empty).
    pub handler_used: bool,
    /// SSA copies of unnamed word results of defer frames (normal exit only).
    pub result_vars: Vec<Option<Vec<Variable>>>,
    /// Lite defers: every defer is an inlined func literal and nothing in the frame can panic, so
    /// defers need no frame state (no keyed slots, no deferreturn block).
    pub lite: bool,
    /// Set by an open-coded `defer func() {...}()` for the literal about to be lowered: its closure
    /// object goes in a frame slot rather than on the heap (it never outlives the frame).
    pub closure_in_frame: bool,
    /// Bodies emitted inline (deferred func literals at exits, inlined calls: `inline.rs`); the
    /// inline tag of entry `i` is `i + 1`.
    pub inline_frames: Vec<InlineFrame>,
    /// The cost up to which callees are inlined here (0: none; `inline::budget_for`).
    pub inline_budget: i32,
    /// Inlined calls being lowered, nested.
    pub inline_depth: usize,
    /// In an inlined body: the continuation block its `return`s jump to with the result words.
    pub inline_ret: Option<ir::Block>,
    /// The line every instruction gets while set (a pure body inlined from another file).
    pub pinned_line: Option<u32>,
    /// The `[` of the index or slice expression being lowered: where its bounds checks are
    /// (`expr::at_bracket`).
    pub bounds_at: Option<crate::diag::Span>,
    /// The inline tag of what is being emitted (0: this function's own code).
    pub inline_tag: u32,
    /// The prologue's preemption poll (its `brif`), dropped from functions that call no Go code
    /// (`prove::elim_leaf_poll`).
    pub entry_poll: Option<ir::Inst>,
    /// The prologue's stack-bound check (its `brif`), dropped from leaf functions
    /// (`prove::elim_leaf_stack_check`).
    pub stack_check: Option<ir::Inst>,
    /// The `preserve_all` slow-path calls to insert after `finalize` (`FnCx::late_call`).
    pub late_calls: Vec<(ir::Block, ir::FuncRef)>,
    /// Pointers converted to `uintptr` in the arguments of the calls being lowered, kept alive
    /// until their call returns (gc's `uintptrkeepalive` rule, applied to every call: see
    /// `FnCx::call`); the slot their final use stores to.
    pub uintptr_args: Vec<ir::Value>,
    pub keepalive_slot: Option<ir::StackSlot>,
    /// When lowering a range-over-func body: its index in `Prog::rf_bodies`.
    pub rf: Option<usize>,
    /// The traceback argument program (`arginfo`), set by the prologue of a function body.
    pub arg_info: Option<Vec<u8>>,
}

pub use crate::jit::InlineFrame;

/// The per-function results state an inlined body replaces while it is lowered.
pub struct InlineSaved {
    result_tys: Vec<TypeId>,
    result_locals: Vec<Option<ObjKey>>,
    result_slots: Vec<Option<ir::StackSlot>>,
    out_ptr_slots: Vec<Option<ir::StackSlot>>,
    result_vars: Vec<Option<Vec<Variable>>>,
    rf: Option<usize>,
    pending_label: Option<String>,
    inline_ret: Option<ir::Block>,
}

/// A Cranelift source location holds the Go line in its low bits and, above
/// [`INLINE_TAG_SHIFT`], the inline tag of a deferred func literal body emitted inline (0: none).
pub const LINE_MASK: u32 = (1 << INLINE_TAG_SHIFT) - 1;
pub const INLINE_TAG_SHIFT: u32 = crate::jit::INLINE_TAG_SHIFT;

impl<'p, 'a, 'f> FnCx<'p, 'a, 'f> {
    /// Starts lowering an inlined body returning `results` to `cont`: its own (unnamed, word)
    /// results, outside any range-over-func body.
    pub fn enter_inline(&mut self, cont: ir::Block, results: Vec<TypeId>) -> InlineSaved {
        let n = results.len();
        InlineSaved {
            result_tys: std::mem::replace(&mut self.result_tys, results),
            result_locals: std::mem::replace(&mut self.result_locals, vec![None; n]),
            result_slots: std::mem::replace(&mut self.result_slots, vec![None; n]),
            out_ptr_slots: std::mem::replace(&mut self.out_ptr_slots, vec![None; n]),
            result_vars: std::mem::take(&mut self.result_vars),
            rf: self.rf.take(),
            pending_label: self.pending_label.take(),
            inline_ret: self.inline_ret.replace(cont),
        }
    }

    /// Back in the enclosing body after [`FnCx::enter_inline`].
    pub fn leave_inline(&mut self, s: InlineSaved) {
        self.result_tys = s.result_tys;
        self.result_locals = s.result_locals;
        self.result_slots = s.result_slots;
        self.out_ptr_slots = s.out_ptr_slots;
        self.result_vars = s.result_vars;
        self.rf = s.rf;
        self.pending_label = s.pending_label;
        self.inline_ret = s.inline_ret;
    }

    // ---- blocks -------------------------------------------------------------------------------

    pub fn block(&mut self) -> ir::Block {
        self.b.create_block()
    }

    pub fn cold_block(&mut self) -> ir::Block {
        let b = self.b.create_block();
        self.b.set_cold_block(b);
        b
    }

    /// Starts emitting into `blk`.
    pub fn at(&mut self, blk: ir::Block) {
        self.b.switch_to_block(blk);
    }

    /// True when the current position is reachable (not after a terminator).
    pub fn open(&self) -> bool {
        !self.b.is_unreachable() && self.b.current_block().is_some()
    }

    /// After a terminator: continue in a fresh (unreachable) block so emission can go on.
    pub fn dead(&mut self) {
        let b = self.block();
        self.at(b);
    }

    pub fn jump(&mut self, to: ir::Block) {
        self.b.ins().jump(to, &[]);
    }

    /// Sets the source location of what is emitted next: the Go line, and in the body of a deferred
    /// func literal emitted inline, its inline tag ([`LINE_MASK`]).
    pub fn set_line(&mut self, span: crate::diag::Span) {
        let line = match self.pinned_line {
            Some(l) => l,
            None => self.p.line_loc(span.lo),
        } & LINE_MASK;
        self.b.set_srcloc(ir::SourceLoc::new(line | self.inline_tag << INLINE_TAG_SHIFT));
    }

    // ---- constants ----------------------------------------------------------------------------

    pub fn iconst(&mut self, ty: Type, v: i64) -> Value {
        self.b.ins().iconst(ty, v)
    }

    pub fn i64c(&mut self, v: i64) -> Value {
        self.b.ins().iconst(types::I64, v)
    }

    /// The zero value of a type, as a value (aggregates: a zeroed temporary).
    pub fn zero(&mut self, t: TypeId) -> V {
        match self.p.repr(t) {
            Repr::Words(ws) => V::W(ws.iter().map(|&w| self.zero_word(w)).collect()),
            Repr::Mem { size, align } => V::M(self.temp_zeroed(size, align)),
        }
    }

    pub fn zero_word(&mut self, w: Type) -> Value {
        if w == types::F64 {
            self.b.ins().f64const(0.0)
        } else if w == types::F32 {
            self.b.ins().f32const(0.0)
        } else {
            self.b.ins().iconst(w, 0)
        }
    }

    // ---- memory -------------------------------------------------------------------------------

    /// Address of a fresh temporary: a stack slot, or a heap block when `size` is more than a
    /// frame should hold ([`MAX_FRAME_OBJECT`]; gc likewise moves big variables to the heap), so
    /// no frame outgrows Cranelift's 2 GiB slot limit or the goroutine stack.
    pub fn temp(&mut self, size: u64, align: u64) -> Value {
        if size > MAX_FRAME_OBJECT {
            return self.heap_block(size, align);
        }
        let slot = self.slot(size, align);
        self.b.ins().stack_addr(types::I64, slot, 0)
    }

    /// A fresh zeroed temporary (see [`FnCx::temp`]; heap blocks come zeroed).
    pub fn temp_zeroed(&mut self, size: u64, align: u64) -> Value {
        if size > MAX_FRAME_OBJECT {
            return self.heap_block(size, align);
        }
        let a = self.temp(size, align);
        self.memzero(a, size);
        a
    }

    fn heap_block(&mut self, size: u64, align: u64) -> Value {
        let n = self.i64c(size as i64);
        let al = self.i64c(align.max(1) as i64);
        self.rt(Rt::Alloc, &[n, al])[0]
    }

    pub fn slot(&mut self, size: u64, align: u64) -> ir::StackSlot {
        let shift = align.max(1).trailing_zeros().min(4) as u8;
        self.b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, size.max(1) as u32, shift))
    }

    /// Loads a value of type `t` stored at `addr + off`.
    pub fn load(&mut self, t: TypeId, addr: Value, off: i32) -> V {
        match self.p.repr(t) {
            Repr::Words(ws) => {
                let offs = word_offsets(&ws);
                V::W(
                    ws.iter()
                        .zip(offs)
                        .map(|(&w, o)| self.b.ins().load(w, MemFlagsData::trusted(), addr, off + o))
                        .collect(),
                )
            }
            Repr::Mem { .. } => {
                if off == 0 {
                    V::M(addr)
                } else {
                    V::M(self.b.ins().iadd_imm_s(addr, off as i64))
                }
            }
        }
    }

    /// Stores a value of type `t` at `addr + off` (aggregates are copied).
    pub fn store(&mut self, t: TypeId, v: &V, addr: Value, off: i32) {
        match (self.p.repr(t), v) {
            (Repr::Words(ws), V::W(vals)) => {
                let offs = word_offsets(&ws);
                for (i, o) in offs.into_iter().enumerate() {
                    if let Some(&val) = vals.get(i) {
                        self.b.ins().store(MemFlagsData::trusted(), val, addr, off + o);
                    }
                }
            }
            (Repr::Mem { size, .. }, V::M(src)) => {
                let dst = if off == 0 { addr } else { self.b.ins().iadd_imm_s(addr, off as i64) };
                self.memcpy(dst, *src, size);
            }
            _ => {}
        }
    }

    /// Copies `size` bytes from `src` to `dst`; the ranges may overlap (`*(*[4]int)(s[1:]) =
    /// *(*[4]int)(s[:4])`): small copies load every chunk before storing any, larger ones memmove.
    pub fn memcpy(&mut self, dst: Value, src: Value, size: u64) {
        if size == 0 {
            return;
        }
        if size <= 64 {
            let mut off = 0i32;
            let size = size as i32;
            let mut chunks = vec![];
            while off < size {
                let rem = size - off;
                let ty = if rem >= 8 {
                    types::I64
                } else if rem >= 4 {
                    types::I32
                } else if rem >= 2 {
                    types::I16
                } else {
                    types::I8
                };
                let v = self.b.ins().load(ty, MemFlagsData::trusted(), src, off);
                chunks.push((v, off));
                off += ty.bytes() as i32;
            }
            for (v, off) in chunks {
                self.b.ins().store(MemFlagsData::trusted(), v, dst, off);
            }
        } else {
            let n = self.i64c(size as i64);
            self.rt(Rt::Memmove, &[dst, src, n]);
        }
    }

    pub fn memzero(&mut self, dst: Value, size: u64) {
        if size == 0 {
            return;
        }
        if size <= 64 {
            let z = self.i64c(0);
            let mut off = 0i32;
            let size = size as i32;
            while off < size {
                let rem = size - off;
                let (ty, v) = if rem >= 8 {
                    (types::I64, z)
                } else {
                    let t = if rem >= 4 {
                        types::I32
                    } else if rem >= 2 {
                        types::I16
                    } else {
                        types::I8
                    };
                    (t, self.b.ins().ireduce(t, z))
                };
                self.b.ins().store(MemFlagsData::trusted(), v, dst, off);
                off += ty.bytes() as i32;
            }
        } else {
            // the runtime's memset (the inline loop of memzero_dyn goes byte by byte)
            let n = self.i64c(size as i64);
            self.rt(Rt::Memclr, &[dst, n]);
        }
    }

    /// Zeroes `n` bytes (a multiple of 8 or not) at `dst` with an inline loop.
    pub fn memzero_dyn(&mut self, dst: Value, n: Value) {
        let head = self.block();
        let body = self.block();
        let exit = self.block();
        self.b.append_block_param(head, types::I64);
        let z = self.i64c(0);
        self.b.ins().jump(head, &[z.into()]);
        self.at(head);
        let i = self.b.block_params(head)[0];
        let more = self.b.ins().icmp(IntCC::SignedLessThan, i, n);
        self.b.ins().brif(more, body, &[], exit, &[]);
        self.at(body);
        let a = self.b.ins().iadd(dst, i);
        let zb = self.iconst(types::I8, 0);
        self.b.ins().store(MemFlagsData::trusted(), zb, a, 0);
        let i2 = self.b.ins().iadd_imm_s(i, 1);
        self.b.ins().jump(head, &[i2.into()]);
        self.at(exit);
    }

    /// A fresh copy of an in-memory value in a stack temporary.
    pub fn copy_to_temp(&mut self, t: TypeId, v: &V) -> V {
        match v {
            V::W(_) => v.clone(),
            V::M(src) => {
                let (size, align) = self.p.size_align(t);
                let a = self.temp(size, align);
                self.memcpy(a, *src, size);
                V::M(a)
            }
        }
    }

    /// Heap-allocates zeroed memory for one value of type `t`.
    pub fn new_object(&mut self, t: TypeId) -> Value {
        let td = self.p.typedesc(t);
        let tdv = self.i64c(td as i64);
        self.rt(Rt::New, &[tdv])[0]
    }

    // ---- locals -------------------------------------------------------------------------------

    /// Declares storage for a local variable and initializes it with `init` (zero if None).
    pub fn declare_local(&mut self, o: ObjKey, t: TypeId, init: Option<V>) {
        if let Repr::Mem { size, .. } = self.p.repr(t)
            && size > MAX_FRAME_OBJECT
        {
            // too big for the frame: a heap box, zeroed by the allocator
            let addr = self.new_object(t);
            if let Some(v) = init {
                self.store(t, &v, addr, 0);
            }
            let var = self.b.declare_var(types::I64);
            self.b.def_var(var, addr);
            self.locals.insert(o, Local::Boxed(var));
            return;
        }
        let init = match init {
            Some(v) => v,
            None => self.zero(t),
        };
        let repr = self.p.repr(t);
        if self.is_escaping(o) && self.lives_in_frame(o) {
            let (size, align) = self.p.size_align(t);
            let slot = self.slot(size, align);
            let addr = self.b.ins().stack_addr(types::I64, slot, 0);
            self.store(t, &init, addr, 0);
            self.locals.insert(o, Local::Slot(slot));
            return;
        }
        if self.is_escaping(o) {
            let addr = self.new_object(t);
            self.store(t, &init, addr, 0);
            let var = self.b.declare_var(types::I64);
            self.b.def_var(var, addr);
            self.locals.insert(o, Local::Boxed(var));
            return;
        }
        match repr {
            Repr::Words(ws) => {
                let vars: Vec<Variable> = ws.iter().map(|&w| self.b.declare_var(w)).collect();
                for (var, val) in vars.iter().zip(init.words()) {
                    self.b.def_var(*var, val);
                }
                self.locals.insert(o, Local::Vars(vars));
            }
            Repr::Mem { size, align } => {
                let slot = self.slot(size, align);
                let addr = self.b.ins().stack_addr(types::I64, slot, 0);
                self.store(t, &init, addr, 0);
                self.locals.insert(o, Local::Slot(slot));
            }
        }
    }

    /// The address of a local that lives in memory.
    pub fn local_addr(&mut self, o: ObjKey) -> Option<Value> {
        match self.locals.get(&o).cloned()? {
            Local::Vars(_) | Local::Block(_) => None,
            Local::Slot(s) => Some(self.b.ins().stack_addr(types::I64, s, 0)),
            Local::Boxed(var) => Some(self.b.use_var(var)),
            Local::BoxSlot(s) => Some(self.b.ins().stack_load(types::I64, types::I64, s, 0)),
        }
    }

    pub fn read_local(&mut self, o: ObjKey, t: TypeId) -> V {
        match self.locals.get(&o).cloned() {
            Some(Local::Vars(vars)) => V::W(vars.iter().map(|&v| self.b.use_var(v)).collect()),
            Some(Local::Block(words)) => V::W(self.block_param_words(&words, None)),
            Some(_) => {
                let a = self.local_addr(o).unwrap();
                self.load(t, a, 0)
            }
            None => self.read_global(o, t),
        }
    }

    pub fn write_local(&mut self, o: ObjKey, t: TypeId, v: &V) {
        match self.locals.get(&o).cloned() {
            Some(Local::Vars(vars)) => {
                for (var, val) in vars.iter().zip(v.words()) {
                    self.b.def_var(*var, val);
                }
            }
            Some(Local::Block(words)) => {
                self.block_param_words(&words, Some(&v.words()));
            }
            Some(_) => {
                let a = self.local_addr(o).unwrap();
                self.store(t, v, a, 0);
            }
            None => {
                let a = self.global_addr(o, t);
                self.store(t, v, a, 0);
            }
        }
    }

    pub fn global_addr(&mut self, o: ObjKey, t: TypeId) -> Value {
        let addr = self.p.global(o, t);
        self.i64c(addr as i64)
    }

    pub fn read_global(&mut self, o: ObjKey, t: TypeId) -> V {
        let a = self.global_addr(o, t);
        self.load(t, a, 0)
    }

    pub fn place_load(&mut self, pl: &Place) -> V {
        match pl {
            Place::Local(o, t) => self.read_local(*o, *t),
            Place::Mem(a, t) => self.load(*t, *a, 0),
            Place::MapEntry { m, key, map_ty, elem } => {
                let (m, key, map_ty, elem) = (*m, key.clone(), *map_ty, *elem);
                self.map_index(m, &key, map_ty, elem, false).0
            }
            Place::Blank => V::W(vec![]),
        }
    }

    pub fn place_store(&mut self, pl: &Place, v: &V) {
        match pl {
            Place::Local(o, t) => self.write_local(*o, *t, v),
            Place::Mem(a, t) => self.store(*t, v, *a, 0),
            Place::MapEntry { m, key, map_ty, elem } => {
                let (m, key, map_ty, elem) = (*m, key.clone(), *map_ty, *elem);
                let slot = self.map_assign(m, &key, map_ty);
                self.store(elem, v, slot, 0);
            }
            Place::Blank => {}
        }
    }

    // ---- calls --------------------------------------------------------------------------------

    /// Emits a call; in a frame with defers a `try_call` to the deferreturn block. Returns the
    /// call's results.
    /// A callee with a memory-block signature (`blockabi`) gets its arguments and results through
    /// the block; `args` and the results are the logical words either way.
    pub fn emit_call(&mut self, callee: Callee, args: &[Value], may_panic: bool) -> Vec<Value> {
        match self.callee_block(&callee) {
            Some(logical) => self.emit_block_call(callee, &logical, args, may_panic),
            None => self.emit_machine_call(callee, args, may_panic),
        }
    }

    /// [`FnCx::emit_call`] with `args` as the machine signature's.
    pub(super) fn emit_machine_call(&mut self, callee: Callee, args: &[Value], may_panic: bool) -> Vec<Value> {
        let sig_ref = match callee {
            Callee::Direct(f) => self.b.func.dfg.ext_funcs[f].signature,
            Callee::Indirect(s, _) => s,
        };
        let n_rets = self.b.func.dfg.signatures[sig_ref].returns.len();
        let ret_tys: Vec<Type> = self.b.func.dfg.signatures[sig_ref].returns.iter().map(|r| r.value_type).collect();
        match (self.handler, may_panic) {
            (Some(h), true) => {
                self.handler_used = true;
                let normal = self.block();
                for &t in &ret_tys {
                    self.b.append_block_param(normal, t);
                }
                let rets: Vec<BlockArg> = (0..n_rets as u32).map(BlockArg::TryCallRet).collect();
                let normal_bc = self.b.func.dfg.block_call(normal, &rets);
                let h_bc = self.b.func.dfg.block_call(h, &[]);
                let et = self.b.func.dfg.exception_tables.push(ExceptionTableData::new(
                    sig_ref,
                    normal_bc,
                    [ExceptionTableItem::Default(h_bc)],
                ));
                match callee {
                    Callee::Direct(f) => self.b.ins().try_call(f, args, et),
                    Callee::Indirect(_, addr) => self.b.ins().try_call_indirect(addr, args, et),
                };
                self.at(normal);
                self.b.block_params(normal).to_vec()
            }
            _ => {
                let inst = match callee {
                    Callee::Direct(f) => self.b.ins().call(f, args),
                    Callee::Indirect(s, addr) => self.b.ins().call_indirect(s, addr, args),
                };
                self.b.inst_results(inst).to_vec()
            }
        }
    }

    /// Calls a runtime entry point.
    pub fn rt(&mut self, f: Rt, args: &[Value]) -> Vec<Value> {
        let args = self.coerce_args(f.decl(), args);
        let fr = self.rt_ref(f);
        self.emit_call(Callee::Direct(fr), &args, f.may_panic())
    }

    /// `args` as the declared parameter types of `d`: an integer wider than declared is reduced
    /// (the Rust type is the truth, and the signature then extends it again at the call);
    /// anything else that disagrees is a compiler bug.
    pub fn coerce_args(&mut self, d: &Decl, args: &[Value]) -> Vec<Value> {
        assert_eq!(args.len(), d.params.len(), "{}: {} arguments for {} parameters", d.name, args.len(), d.params.len());
        let want = d.param_types();
        args.iter()
            .zip(want)
            .map(|(&a, w)| {
                let have = self.b.func.dfg.value_type(a);
                if have == w {
                    a
                } else if have.is_int() && w.is_int() && have.bits() > w.bits() {
                    self.b.ins().ireduce(w, a)
                } else {
                    panic!("{}: argument of type {have} for a {w} parameter", d.name)
                }
            })
            .collect()
    }

    pub fn rt_ref(&mut self, f: Rt) -> ir::FuncRef {
        let id = self.p.rt_func(f);
        self.p.jit.module().declare_func_in_func(id, self.b.func)
    }

    pub fn func_ref(&mut self, id: FuncId) -> ir::FuncRef {
        let f = self.p.jit.module().declare_func_in_func(id, self.b.func);
        if let Some(l) = self.p.big_fns.get(&id) {
            self.block_refs.insert(f, l.clone());
        }
        f
    }

    /// A call of the `preserve_all` runtime slow path `name` (no arguments, no results) at the
    /// top of the current (cold) block, inserted after the frontend's safepoint spilling
    /// (`stackmaps::insert_unmapped_calls`: nothing is spilled around it for the stack maps).
    fn late_call(&mut self, name: &'static str) {
        let d = self.p.lib_decl(name);
        debug_assert!(d.params.is_empty() && d.results.is_empty() && !d.may_panic());
        let id = self.p.lib_func(d);
        let fr = self.func_ref(id);
        let block = self.b.current_block().expect("late_call in a block");
        self.late_calls.push((block, fr));
    }

    /// gc's preemption check at a loop back-edge: load the runtime's preemption word and, when it
    /// is set, call `gort_preempt_all` (`gort_preempt`, which yields if this goroutine was asked
    /// to, in the `preserve_all` convention: the poll clobbers no register) in a cold block.
    pub fn preempt_poll(&mut self) -> ir::Inst {
        let id = self.p.preempt_flag();
        let gv = self.p.jit.module().declare_data_in_func(id, self.b.func);
        let addr = self.b.ins().symbol_value(types::I64, gv);
        let flag = self.b.ins().load(types::I32, MemFlagsData::trusted(), addr, 0);
        let cold = self.cold_block();
        let cont = self.block();
        let brif = self.b.ins().brif(flag, cold, &[], cont, &[]);
        self.at(cold);
        self.late_call("gort_preempt_all");
        self.jump(cont);
        self.at(cont);
        brif
    }

    /// gc's stack-bound check, after the prologue has made the frame: a stack pointer in the
    /// guard at the bottom of its (aligned) goroutine stack slot calls `gort_morestack_all`
    /// (`preserve_all`, in a cold block), which ends the program with gc's stack-overflow error
    /// when it is the running goroutine's guard (see the runtime's `sched/stack.rs`).
    pub fn stack_check(&mut self) {
        use gojit_runtime::sched::stack::{SLOT_GUARD, SLOT_SIZE};
        // `sp & (SLOT_SIZE - 1) < SLOT_GUARD` (both powers of two): the bits between them are all
        // zero, one `test` and a branch.
        const BITS: i64 = ((SLOT_SIZE - 1) & !(SLOT_GUARD - 1)) as i64;
        let sp = self.b.ins().get_stack_pointer(types::I64);
        let above = self.b.ins().band_imm_s(sp, BITS);
        let cold = self.cold_block();
        let cont = self.block();
        let brif = self.b.ins().brif(above, cont, &[], cold, &[]);
        self.stack_check = Some(brif);
        self.at(cold);
        self.late_call("gort_morestack_all");
        self.jump(cont);
        self.at(cont);
    }

    /// `if cond { runtime panic f(args) }` with the panic path in a cold block.
    pub fn panic_if(&mut self, cond: Value, f: Rt, args: &[Value]) {
        let cold = self.cold_block();
        let cont = self.block();
        self.b.ins().brif(cond, cold, &[], cont, &[]);
        self.at(cold);
        self.rt(f, args);
        self.b.ins().trap(TrapCode::unwrap_user(1));
        self.at(cont);
    }

    /// Panics with the nil-dereference runtime error when `ptr` is nil.
    pub fn nil_check(&mut self, ptr: Value) {
        let isnull = self.b.ins().icmp_imm_s(IntCC::Equal, ptr, 0);
        let blk = self.b.current_block();
        self.panic_if(isnull, Rt::PanicNil, &[]);
        if let (Some(blk), Some(cont)) = (blk, self.b.current_block())
            && let Some(brif) = self.b.func.layout.last_inst(blk)
        {
            self.nil_checks.push(super::prove::NilCheck { brif, ptr, cont });
        }
    }

    /// The nil check of gc's `*T` wrapper of value method `method` of named type `base` (reached
    /// through an interface holding a `*T` or a method expression `(*T).M`): a nil `ptr` panics with
    /// `value method main.T.M called using nil *T pointer` (gc's `runtime.panicwrap`).
    pub fn panicwrap_check(&mut self, ptr: Value, base: crate::types::TypeId, method: crate::types::ObjId) {
        let tn = self.p.tt.named(base).map(|n| n.name.clone()).unwrap_or_default();
        let m = self.p.info.obj(method).name.clone();
        let msg = format!("value method main.{tn}.{m} called using nil *{tn} pointer");
        let w = self.string_const(msg.as_bytes()).words();
        let isnull = self.b.ins().icmp_imm_s(IntCC::Equal, ptr, 0);
        self.panic_if(isnull, Rt::PanicWrap, &w);
    }

    /// A Go-convention signature from flattened parameter and result words.
    pub fn go_sig(params: &[Type], rets: &[Type]) -> Signature {
        let mut s = Signature::new(CallConv::Tail);
        s.params.push(AbiParam::new(types::I64));
        s.params.extend(params.iter().map(|&t| AbiParam::new(t)));
        s.returns.extend(rets.iter().map(|&t| AbiParam::new(t)));
        s
    }
}

/// The largest value a frame holds in a stack slot; bigger locals and temporaries live on the
/// heap (gc: variables over 10 MiB, `ir.MaxStackVarSize`, are moved to the heap too).
pub const MAX_FRAME_OBJECT: u64 = 10 << 20;

/// A call target.
#[derive(Clone, Copy)]
pub enum Callee {
    Direct(ir::FuncRef),
    Indirect(ir::SigRef, Value),
}
