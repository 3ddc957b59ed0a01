//! Entry work moved off the paths that never need it: the traceback argument image's stores
//! (`arginfo`) and the prologue's preemption poll (`FnCx::preempt_poll`), both emitted in the
//! entry block, are re-emitted at the top of the first block on each path that needs them.
//!
//! gc pays neither on a path that returns early: its register arguments reach the spill area only
//! where the register allocator spills them (around calls), and its leaf paths run no preemption
//! check beyond the stack bound compare. `fib`'s `n < 2` path (half of all its calls) thereby
//! does no store and no poll here either.
//!
//! What needs them:
//! * The image is read only while the frame is on a traceback: at a call (the frame is a
//!   caller, or the callee panics, blocks, collects, prints a SIGQUIT report) or at an
//!   instruction that can fault or trap (a load or store not addressing the frame's own stack
//!   slots, a trap, a division). A block holding one of those is *risky*.
//! * The poll bounds the time between safepoints: it must run before any call of Go code (an
//!   indirect call, or a direct one of a function that is not a runtime entry point), so
//!   recursion still polls once per frame, as before. A path calling only the runtime needs none
//!   (`prove::elim_leaf_poll`'s rule for whole functions, applied per path).
//!
//! Placement: a block gets the work when it needs it and some path from the entry reaches it
//! without passing a block that already got it ("not covered"). Re-doing it on a path that did
//! it already is harmless (the same words into the same slot; one more poll), so only
//! coverage on *every* path lets a block skip it. The pass runs only on functions whose control
//! flow is acyclic and that have no `try_call` (no defer frame, no resumes into the frame): in
//! a loop the work would run once per iteration, where the entry block runs it once.
//!
//! Faithfulness: every instruction at which a traceback can read this frame's image is
//! dominated, on every path to it, by stores of the same entry values; the poll still precedes
//! every Go call. A stack overflow into the guard page faults in the prologue's register saves,
//! before the image as before (the runtime prints such a frame's arguments as `(...)`).

use cranelift_codegen::cursor::{Cursor, FuncCursor};
use cranelift_codegen::flowgraph::ControlFlowGraph;
use cranelift_codegen::ir::{self, InstBuilder, MemFlagsData, Opcode, types};
use cranelift_entity::SecondaryMap;

/// One store of the argument image: `value` at `offset` in `slot`.
#[derive(Clone, Copy)]
struct ImageStore {
    value: ir::Value,
    slot: ir::StackSlot,
    offset: i32,
}

/// The pieces of the entry poll re-emitted elsewhere.
#[derive(Clone, Copy)]
struct Poll {
    flag: ir::GlobalValue,
    slow: ir::FuncRef,
    loc: ir::SourceLoc,
}

/// Moves the image stores (stores into the slot keyed `image_key`) and the entry poll (`poll`,
/// its `brif`, when still there) of `func` to the blocks that need them. `is_runtime` says
/// whether a directly called function is a runtime entry point (calls of those need no poll).
pub fn sink_entry_work(func: &mut ir::Function, image_key: u64, poll: Option<ir::Inst>, is_runtime: impl Fn(cranelift_module::FuncId) -> bool) {
    let Some(entry) = func.layout.entry_block() else { return };
    let cfg = ControlFlowGraph::with_function(func);
    let Some(order) = acyclic_order(func, &cfg, entry) else { return };
    if has_try_call(func) {
        return;
    }
    let stores = image_stores(func, entry, image_key);
    let poll = poll.filter(|&p| func.layout.inst_block(p) == Some(entry)).and_then(|p| poll_parts(func, p).map(|parts| (p, parts)));
    if stores.is_empty() && poll.is_none() {
        return;
    }
    // which blocks need what (the entry poll and its slow path not counted)
    let poll_cold = poll.map(|(p, _)| poll_cold_block(func, p));
    let mut risky: SecondaryMap<ir::Block, bool> = SecondaryMap::new();
    let mut go_call: SecondaryMap<ir::Block, bool> = SecondaryMap::new();
    for &b in &order {
        if Some(b) == poll_cold {
            continue;
        }
        for inst in func.layout.block_insts(b) {
            if stores.iter().any(|s| s.0 == inst) || poll.is_some_and(|(p, _)| poll_inst(func, p, inst)) {
                continue;
            }
            risky[b] |= is_risky(func, inst);
            go_call[b] |= calls_go(func, inst, &is_runtime);
        }
    }
    let poll_moves = poll.is_some() && !go_call[entry];
    if let (false, Some(cold)) = (poll_moves, poll_cold) {
        // the poll stays: its slow path (which may print a SIGQUIT report) needs the image
        risky[cold] = true;
    }
    // the entry block itself needs the image: the stores stay
    let image_moves = !stores.is_empty() && !risky[entry];
    let image_at = if image_moves { placement(&order, &cfg, entry, &risky) } else { vec![] };
    let poll_at = if poll_moves { placement(&order, &cfg, entry, &go_call) } else { vec![] };
    // each block's first instruction before anything is inserted: the stores go before it,
    // and a poll splits the block there (after the stores)
    let first_of = |func: &ir::Function, b: ir::Block| func.layout.first_inst(b).expect("a reachable block has a terminator");
    let poll_firsts: Vec<(ir::Block, ir::Inst)> = poll_at.iter().map(|&b| (b, first_of(func, b))).collect();
    if image_moves {
        for &(inst, _) in &stores {
            func.layout.remove_inst(inst);
        }
        for &b in &image_at {
            let first = first_of(func, b);
            let mut pos = FuncCursor::new(func).at_inst(first);
            for &(_, s) in &stores {
                pos.ins().stack_store(types::I64, s.value, s.slot, s.offset);
            }
        }
    }
    if let (true, Some((p, parts))) = (poll_moves, poll) {
        remove_poll(func, p);
        for &(b, first) in &poll_firsts {
            emit_poll(func, b, first, parts);
        }
    }
}

/// The blocks in reverse post-order when the control flow from `entry` is acyclic, else `None`.
fn acyclic_order(func: &ir::Function, cfg: &ControlFlowGraph, entry: ir::Block) -> Option<Vec<ir::Block>> {
    // 0: unvisited, 1: on the DFS stack, 2: done
    let mut state: SecondaryMap<ir::Block, u8> = SecondaryMap::new();
    let mut post = vec![];
    let mut stack: Vec<(ir::Block, Vec<ir::Block>)> = vec![(entry, cfg.succ_iter(entry).collect())];
    state[entry] = 1;
    while let Some((b, succs)) = stack.last_mut() {
        match succs.pop() {
            Some(s) => match state[s] {
                0 => {
                    state[s] = 1;
                    let next: Vec<ir::Block> = cfg.succ_iter(s).collect();
                    stack.push((s, next));
                }
                1 => return None,
                _ => {}
            },
            None => {
                let b = *b;
                state[b] = 2;
                post.push(b);
                stack.pop();
            }
        }
    }
    let _ = func;
    post.reverse();
    Some(post)
}

fn has_try_call(func: &ir::Function) -> bool {
    func.layout.blocks().any(|b| func.layout.block_insts(b).any(|i| matches!(func.dfg.insts[i].opcode(), Opcode::TryCall | Opcode::TryCallIndirect)))
}

/// The entry block's stores into the slot keyed `key` (their address a `stack_addr` of it).
fn image_stores(func: &ir::Function, entry: ir::Block, key: u64) -> Vec<(ir::Inst, ImageStore)> {
    let mut out = vec![];
    for inst in func.layout.block_insts(entry) {
        let ir::InstructionData::Store { opcode: Opcode::Store, args, offset, .. } = func.dfg.insts[inst] else { continue };
        let Some((slot, base)) = stack_slot_of(func, args[1]) else { continue };
        if func.sized_stack_slots[slot].key != Some(ir::StackSlotKey::new(key)) {
            continue;
        }
        out.push((inst, ImageStore { value: args[0], slot, offset: base + i32::from(offset) }));
    }
    out
}

/// The slot and offset of an address computed by `stack_addr`.
fn stack_slot_of(func: &ir::Function, addr: ir::Value) -> Option<(ir::StackSlot, i32)> {
    let addr = func.dfg.resolve_aliases(addr);
    let ir::ValueDef::Result(def, 0) = func.dfg.value_def(addr) else { return None };
    match func.dfg.insts[def] {
        ir::InstructionData::StackAddr { stack_slot, offset, .. } => Some((stack_slot, i32::from(offset))),
        _ => None,
    }
}

/// The flag word's global value, the slow path's callee and the poll's source location.
fn poll_parts(func: &ir::Function, poll: ir::Inst) -> Option<Poll> {
    let ir::InstructionData::Brif { arg, blocks, .. } = func.dfg.insts[poll] else { return None };
    let ir::ValueDef::Result(load, 0) = func.dfg.value_def(func.dfg.resolve_aliases(arg)) else { return None };
    let ir::InstructionData::Load { opcode: Opcode::Load, arg: addr, .. } = func.dfg.insts[load] else { return None };
    let ir::ValueDef::Result(sym, 0) = func.dfg.value_def(func.dfg.resolve_aliases(addr)) else { return None };
    let ir::InstructionData::UnaryGlobalValue { opcode: Opcode::SymbolValue, global_value } = func.dfg.insts[sym] else { return None };
    let cold = blocks[0].block(&func.dfg.value_lists);
    let call = func.layout.first_inst(cold)?;
    let ir::InstructionData::Call { func_ref, .. } = func.dfg.insts[call] else { return None };
    Some(Poll { flag: global_value, slow: func_ref, loc: func.srcloc(poll) })
}

/// The entry poll's slow-path block.
fn poll_cold_block(func: &ir::Function, poll: ir::Inst) -> ir::Block {
    let ir::InstructionData::Brif { blocks, .. } = func.dfg.insts[poll] else { unreachable!("poll_parts checked a brif") };
    blocks[0].block(&func.dfg.value_lists)
}

/// Whether `inst` is part of the entry poll `poll` (its brif, load or address).
fn poll_inst(func: &ir::Function, poll: ir::Inst, inst: ir::Inst) -> bool {
    if inst == poll {
        return true;
    }
    let ir::InstructionData::Brif { arg, .. } = func.dfg.insts[poll] else { return false };
    let ir::ValueDef::Result(load, 0) = func.dfg.value_def(func.dfg.resolve_aliases(arg)) else { return false };
    if inst == load {
        return true;
    }
    let ir::InstructionData::Load { arg: addr, .. } = func.dfg.insts[load] else { return false };
    matches!(func.dfg.value_def(func.dfg.resolve_aliases(addr)), ir::ValueDef::Result(sym, 0) if sym == inst)
}

/// Whether a traceback may read the frame at `inst`: a call, or something that can fault or trap.
fn is_risky(func: &ir::Function, inst: ir::Inst) -> bool {
    let op = func.dfg.insts[inst].opcode();
    if op.is_call() {
        return true;
    }
    if op.can_load() || op.can_store() {
        let addr = match func.dfg.insts[inst] {
            ir::InstructionData::Load { arg, .. } => Some(arg),
            ir::InstructionData::Store { args, .. } => Some(args[1]),
            _ => None,
        };
        return !addr.is_some_and(|a| stack_slot_of(func, a).is_some());
    }
    op.can_trap() || matches!(op, Opcode::Udiv | Opcode::Sdiv | Opcode::Urem | Opcode::Srem | Opcode::Trap | Opcode::Trapz | Opcode::Trapnz | Opcode::Debugtrap)
}

/// Whether `inst` calls Go code (indirectly, or a function that is not a runtime entry point).
fn calls_go(func: &ir::Function, inst: ir::Inst, is_runtime: &impl Fn(cranelift_module::FuncId) -> bool) -> bool {
    if !func.dfg.insts[inst].opcode().is_call() {
        return false;
    }
    let fref = match func.dfg.insts[inst].analyze_call(&func.dfg.value_lists, &func.dfg.exception_tables) {
        ir::instructions::CallInfo::Direct(f, _) | ir::instructions::CallInfo::DirectWithSig(f, _, _) => f,
        _ => return true,
    };
    let ir::ExternalName::User(r) = func.dfg.ext_funcs[fref].name else { return true };
    let Some(name) = func.params.user_named_funcs().get(r) else { return true };
    name.namespace != 0 || !is_runtime(cranelift_module::FuncId::from_u32(name.index))
}

/// The blocks that need the work and are reachable without passing one that did it (`order`:
/// reverse post-order of an acyclic graph, so every predecessor comes first).
fn placement(order: &[ir::Block], cfg: &ControlFlowGraph, entry: ir::Block, needs: &SecondaryMap<ir::Block, bool>) -> Vec<ir::Block> {
    let mut done_out: SecondaryMap<ir::Block, bool> = SecondaryMap::new();
    let mut reached: SecondaryMap<ir::Block, bool> = SecondaryMap::new();
    for &b in order {
        reached[b] = true;
    }
    let mut at = vec![];
    for &b in order {
        let covered = b != entry && cfg.pred_iter(b).all(|p| !reached[p.block] || done_out[p.block]);
        if needs[b] && !covered {
            at.push(b);
        }
        done_out[b] = covered || needs[b];
    }
    at
}

/// Replaces the entry poll `poll` by a jump to its continuation and drops its flag load.
pub fn remove_poll(func: &mut ir::Function, poll: ir::Inst) {
    let ir::InstructionData::Brif { blocks, arg, .. } = func.dfg.insts[poll] else { return };
    let cont = blocks[1].block(&func.dfg.value_lists);
    let mut pos = FuncCursor::new(func).at_inst(poll);
    pos.ins().jump(cont, &[]);
    pos.remove_inst();
    // the poll's own load of the flag word and of its address (used by nothing else)
    let mut v = arg;
    for _ in 0..2 {
        let ir::ValueDef::Result(inst, 0) = func.dfg.value_def(v) else { break };
        let next = match func.dfg.insts[inst] {
            ir::InstructionData::Load { arg, .. } => Some(arg),
            _ => None,
        };
        if !matches!(func.dfg.insts[inst].opcode(), Opcode::Load | Opcode::SymbolValue) {
            break;
        }
        FuncCursor::new(func).at_inst(inst).remove_inst();
        match next {
            Some(a) => v = a,
            None => break,
        }
    }
}

/// Emits the poll in `b` before `first`: `b` keeps its parameters, what precedes `first` and the
/// flag test; `first` and the instructions after it move to a new block the test falls through to; the slow path is a new cold block.
fn emit_poll(func: &mut ir::Function, b: ir::Block, first: ir::Inst, parts: Poll) {
    let rest = func.dfg.make_block();
    func.layout.split_block(rest, first);
    let cold = func.dfg.make_block();
    func.layout.append_block(cold);
    func.layout.set_cold(cold);
    let mut pos = FuncCursor::new(func).with_srcloc(parts.loc).at_bottom(b);
    let addr = pos.ins().symbol_value(types::I64, parts.flag);
    let flag = pos.ins().load(types::I32, MemFlagsData::trusted(), addr, 0);
    pos.ins().brif(flag, cold, &[], rest, &[]);
    pos.goto_bottom(cold);
    let call = pos.ins().call(parts.slow, &[]);
    pos.ins().jump(rest, &[]);
    // like the poll it moves, added after the safepoint spilling: its frame is scanned
    // conservatively (stackmaps::insert_unmapped_calls)
    super::stackmaps::mark_unmapped(func, call);
}
