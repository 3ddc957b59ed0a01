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
