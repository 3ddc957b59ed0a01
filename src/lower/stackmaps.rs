//! Stack maps for the collector's precise stack scan (docs/precise-stacks.md, step 1): which
//! SSA values of a lowered function Cranelift must spill into a stack-map slot across each call.
//!
//! Cranelift's frontend (`declare_value_needs_stack_map`) spills every declared value that is
//! live across a safepoint (any call) into a sized stack slot before the call, reloads it after,
//! and records the slots in the call's `UserStackMap`. A value that is dead at the call is in no
//! map, which is gc's liveness: a pointer that is no longer used does not keep its object alive.
//!
//! Which values: every 64-bit value except the results of instructions that can never yield a
//! heap pointer (constants, static and stack addresses, multiplications, divisions, shifts,
//! narrow loads and extensions, float conversions). A pointer's type is not known at this level
//! (gojit's values are untyped `i64` words by the time the function is built), so integer
//! words live across calls are declared too: the collector treats map slots as possible pointers
//! (a word that does not point into the heap is ignored), so the only cost of an integer in a map
//! is a store and a load per call. Nothing that may hold a pointer is left out, which is what
//! makes the map sufficient for the frame's SSA values.
//!
//! Explicit slots (`FnCx::slot`): an unkeyed slot whose address is taken by exactly one
//! `stack_addr` is a *stack object* (gc's `stackObjectRecord`): every access goes through that
//! address value or values derived from it, so the slot's contents matter at a call exactly when
//! one of those values is live across it, that is, in the call's stack map. The collector scans
//! such a slot only when a live pointer (a map word, another scanned slot, a runtime frame) points
//! into it. A slot addressed several times (a fresh `stack_addr` per access, or `stack_load` /
//! `stack_store`) or keyed (defer records) is scanned at every call of its frame.
//!
//! A function whose values × calls exceed a budget gets no maps (Cranelift's spilling pass is
//! superlinear there); its frames are scanned conservatively.
//!
//! `GOJIT_NO_STACK_MAPS=1` declares nothing: the frames carry no maps and the collector scans them
//! conservatively, as before this module (for measuring the maps' cost).

use cranelift_codegen::ir::{self, Opcode, types};
use cranelift_frontend::FunctionBuilder;

/// Declares the function's possibly-pointer values (call after sealing every block, before
/// `finalize`). Returns, for each sized stack slot the lowering created (the slots Cranelift adds
/// for the maps come after them), whether it is a stack object (see the module docs); `None` when
/// stack maps are disabled.
pub fn declare_pointer_values(b: &mut FunctionBuilder<'_>) -> Option<Vec<bool>> {
    if disabled() || too_big(b.func) {
        return None;
    }
    canonicalize_slot_addresses(b.func);
    let mut addr_count = vec![0u32; b.func.sized_stack_slots.len()];
    let mut vals = Vec::new();
    for block in b.func.layout.blocks() {
        vals.extend(b.func.dfg.block_params(block).iter().copied().filter(|&v| b.func.dfg.value_type(v) == types::I64));
        for inst in b.func.layout.block_insts(block) {
            if let ir::InstructionData::StackAddr { stack_slot, .. } = b.func.dfg.insts[inst] {
                addr_count[stack_slot.as_u32() as usize] += 1;
            }
            if never_pointer(b.func.dfg.insts[inst].opcode()) {
                continue;
            }
            vals.extend(b.func.dfg.inst_results(inst).iter().copied().filter(|&v| b.func.dfg.value_type(v) == types::I64));
        }
    }
    for v in vals {
        b.declare_value_needs_stack_map(v);
    }
    let objects = b.func.sized_stack_slots.iter().map(|(slot, d)| d.key.is_none() && addr_count[slot.as_u32() as usize] <= 1).collect();
    Some(objects)
}

/// Gives every unkeyed slot addressed more than once (a frame variable, a result slot: a fresh
/// `stack_addr` per access) a single address value, computed at the top of the entry block,
/// from which every access derives (`iadd_imm base, off`), so that the slot becomes a stack
/// object whose liveness is that value's. Keyed slots (defer records, the argument image) are
/// read by the runtime and keep their own addressing.
fn canonicalize_slot_addresses(func: &mut ir::Function) {
    use cranelift_codegen::cursor::{Cursor, FuncCursor};
    use cranelift_codegen::ir::InstBuilder;
    let Some(entry) = func.layout.entry_block() else { return };
    let mut sites: Vec<Vec<(ir::Inst, i64)>> = vec![vec![]; func.sized_stack_slots.len()];
    for block in func.layout.blocks() {
        for inst in func.layout.block_insts(block) {
            if let ir::InstructionData::StackAddr { stack_slot, offset, .. } = func.dfg.insts[inst] {
                sites[stack_slot.as_u32() as usize].push((inst, i64::from(offset)));
            }
        }
    }
    for (i, uses) in sites.into_iter().enumerate() {
        let slot = ir::StackSlot::from_u32(i as u32);
        if uses.len() < 2 || func.sized_stack_slots[slot].key.is_some() {
            continue;
        }
        let mut pos = FuncCursor::new(func).at_first_insertion_point(entry);
        let base = pos.ins().stack_addr(types::I64, slot, 0);
        for (inst, off) in uses {
            func.replace(inst).iadd_imm_s(base, off);
        }
    }
}

/// Calls of `preserve_all` slow paths (the preemption poll's `gort_preempt_all`, the stack
/// check's `gort_morestack_all`) recorded while lowering as `(cold block, callee)` and inserted
/// at the top of their blocks only after the frontend's `finalize`, so that its safepoint pass
/// spills nothing around them: every declared value live across a call is stored to its slot at
/// its definition and every later use reloads it, anywhere in the function, so one poll in a
/// loop puts a store and loads of every live pointer-sized value on the loop's hot path. These
/// slow paths save and restore every register, and a frame stopped at one is scanned
/// conservatively: its call is marked ([`mark_unmapped`]) and the function table lists no map
/// for it (`jit::stack_info`), which sends the collector's precise walk to the conservative scan
/// from that frame up (`gc/roots::scan_running`). A goroutine stopped at a poll is in practice
/// parked, and parked stacks are scanned conservatively anyway, so no precision is lost.
pub fn insert_unmapped_calls(func: &mut ir::Function, calls: &[(ir::Block, ir::FuncRef)]) {
    use cranelift_codegen::cursor::{Cursor, FuncCursor};
    use cranelift_codegen::ir::InstBuilder;
    for &(block, callee) in calls {
        let Some(first) = func.layout.first_inst(block) else { continue };
        let loc = func.srcloc(first);
        let mut pos = FuncCursor::new(func).with_srcloc(loc).at_inst(first);
        let call = pos.ins().call(callee, &[]);
        mark_unmapped(func, call);
    }
}

/// The type of the marker entry of an unmapped call: declared values are all `i64`.
const UNMAPPED_MARK: ir::Type = types::I8;

/// Marks `call` as a call whose frame is scanned conservatively (see [`insert_unmapped_calls`]):
/// a user stack map entry of type [`UNMAPPED_MARK`] (no declared value has it; the entry is
/// never read as a root). It names the function's first stack slot, or a new empty one.
pub fn mark_unmapped(func: &mut ir::Function, call: ir::Inst) {
    let slot = match func.sized_stack_slots.keys().next() {
        Some(s) => s,
        None => func.create_sized_stack_slot(ir::StackSlotData::new(ir::StackSlotKind::ExplicitSlot, 0, 0)),
    };
    func.dfg.append_user_stack_map_entry(call, ir::UserStackMapEntry { ty: UNMAPPED_MARK, slot, offset: 0 });
}

/// Whether a compiled call's user stack map is an unmapped call's mark ([`mark_unmapped`]).
pub fn is_unmapped(map: &ir::UserStackMap) -> bool {
    map.entries().any(|(ty, _)| ty == UNMAPPED_MARK)
}

/// Cranelift's safepoint spilling keeps a live set per call, so its cost grows with values ×
/// calls; a function past this budget (machine-generated deep nesting) gets no maps and its
/// frames are scanned conservatively (sound, as any frame without a map).
const BUDGET: u64 = 1 << 22;

fn too_big(func: &ir::Function) -> bool {
    let (mut values, mut calls) = (0u64, 0u64);
    for block in func.layout.blocks() {
        for inst in func.layout.block_insts(block) {
            values += func.dfg.inst_results(inst).len() as u64;
            calls += u64::from(func.dfg.insts[inst].opcode().is_call());
        }
    }
    values.saturating_mul(calls) > BUDGET
}

fn disabled() -> bool {
    static OFF: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *OFF.get_or_init(|| std::env::var_os("GOJIT_NO_STACK_MAPS").is_some_and(|v| v != "0"))
}

/// Instructions whose 64-bit results are never pointers into the Go heap.
fn never_pointer(op: Opcode) -> bool {
    use Opcode::*;
    matches!(
        op,
        Iconst
            | FuncAddr
            | SymbolValue
            | GetFramePointer
            | GetStackPointer
            | GetReturnAddress
            | Imul
            | Umulhi
            | Smulhi
            | Udiv
            | Sdiv
            | Urem
            | Srem
            | Ishl
            | Ushr
            | Sshr
            | Rotl
            | Rotr
            | Popcnt
            | Clz
            | Ctz
            | Cls
            | Bswap
            | Bitrev
            | Uextend
            | Sextend
            | Uload8
            | Sload8
            | Uload16
            | Sload16
            | Uload32
            | Sload32
            | FcvtToUint
            | FcvtToSint
            | FcvtToUintSat
            | FcvtToSintSat
            | Bitcast
    )
}
