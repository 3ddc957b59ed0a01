//! Removal of trivially redundant block parameters (Braun et al.'s trivial phis) from a lowered
//! function before Cranelift optimises it.
//!
//! cranelift-frontend gives a loop header a parameter for every variable read inside the loop,
//! also for variables the loop never assigns. Cranelift's own `remove_constant_phis` deletes a
//! parameter only when a single *non-parameter* value reaches it, so a variable of an outer loop
//! (itself a parameter of the outer header) read in an inner loop stays a parameter of the inner
//! header: the register allocator then copies it around the inner loop on every iteration
//! (sieve's `for j := i * i; j <= n; j += i` moved `i` twice per iteration). Here a parameter `p`
//! whose every incoming value is either `p` itself or one value `x` is replaced by `x`.
//!
//! Invariants: only reachable, non-entry blocks entered by `jump`/`brif` alone are edited (their
//! incoming values are plain values, one list per edge; `br_table` tables may be shared and
//! `try_call` edges carry call results); `x` is never defined in the block itself. Such an `x`
//! dominates the block (every path from the entry reaches the block first along an edge passing
//! `x`), so replacing `p` by `x` keeps the function in SSA form. `GOJIT_NO_PHI_CLEAN=1` turns the
//! pass off (to measure it).

use cranelift_codegen::ir::{Block, BlockArg, Function, Inst, Opcode, Value, ValueDef};
use cranelift_entity::EntityRef;

/// Whether the pass runs (`GOJIT_NO_PHI_CLEAN` unset).
pub fn enabled() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("GOJIT_NO_PHI_CLEAN").is_none())
}

/// Removes the trivially redundant parameters of `func`'s blocks (see the module docs); how many.
pub fn remove_trivial_params(func: &mut Function) -> usize {
    let Some(entry) = func.layout.entry_block() else { return 0 };
    if !func.layout.blocks().any(|b| b != entry && func.dfg.num_block_params(b) > 0) {
        return 0;
    }
    // One pass over the terminators: each block's incoming edges (one entry per instruction),
    // whether an edge other than `jump`/`brif` enters it, and reachability from the entry (a
    // depth-first walk). Cheaper than Cranelift's flow graph and dominator tree, which Cranelift
    // computes again anyway.
    let n = func.dfg.num_blocks();
    let mut preds: Vec<Vec<Inst>> = vec![Vec::new(); n];
    let mut plain = vec![true; n];
    let mut succs: Vec<Vec<Block>> = vec![Vec::new(); n];
    for b in func.layout.blocks() {
        let Some(term) = func.layout.last_inst(b) else { continue };
        let is_plain = matches!(func.dfg.insts[term].opcode(), Opcode::Jump | Opcode::Brif);
        let dfg = &func.dfg;
        for call in dfg.insts[term].branch_destination(&dfg.jump_tables, &dfg.exception_tables) {
            let d = call.block(&dfg.value_lists);
            succs[b.index()].push(d);
            if !is_plain {
                plain[d.index()] = false;
            } else if preds[d.index()].last() != Some(&term) {
                preds[d.index()].push(term);
            }
        }
    }
    let mut reachable = vec![false; n];
    let mut stack = vec![entry];
    reachable[entry.index()] = true;
    while let Some(b) = stack.pop() {
        for &d in &succs[b.index()] {
            if !reachable[d.index()] {
                reachable[d.index()] = true;
                stack.push(d);
            }
        }
    }
    let candidates: Vec<(Block, Vec<Inst>)> = func
        .layout
        .blocks()
        .filter(|&b| b != entry && reachable[b.index()] && plain[b.index()] && func.dfg.num_block_params(b) > 0)
        .map(|b| (b, std::mem::take(&mut preds[b.index()])))
        .collect();
    let mut removed = 0;
    // Removing one parameter can make another trivial (`p = phi(x, q)`, `q = phi(p, q)`).
    loop {
        let mut changed = false;
        for (block, preds) in &candidates {
            for idx in (0..func.dfg.num_block_params(*block)).rev() {
                let p = func.dfg.block_params(*block)[idx];
                let Some(x) = single_incoming(func, *block, preds, idx, p) else { continue };
                let def_block = match func.dfg.value_def(x) {
                    ValueDef::Result(inst, _) => func.layout.inst_block(inst),
                    ValueDef::Param(b, _) => Some(b),
                    _ => None,
                };
                if def_block.is_none_or(|b| b == *block) {
                    continue;
                }
                for &inst in preds {
                    let dfg = &mut func.dfg;
                    for call in dfg.insts[inst].branch_destination_mut(&mut dfg.jump_tables, &mut dfg.exception_tables) {
                        if call.block(&dfg.value_lists) == *block {
                            call.remove(idx, &mut dfg.value_lists);
                        }
                    }
                }
                func.dfg.remove_block_param(p);
                func.dfg.change_to_alias(p, x);
                removed += 1;
                changed = true;
            }
        }
        if !changed {
            return removed;
        }
    }
}

/// The one value other than `p` that every edge into `block` passes as its parameter `idx`.
fn single_incoming(func: &Function, block: Block, preds: &[Inst], idx: usize, p: Value) -> Option<Value> {
    let dfg = &func.dfg;
    let mut same = None;
    for &inst in preds {
        for call in dfg.insts[inst].branch_destination(&dfg.jump_tables, &dfg.exception_tables) {
            if call.block(&dfg.value_lists) != block {
                continue;
            }
            let BlockArg::Value(v) = call.args(&dfg.value_lists).nth(idx)? else { return None };
            let v = dfg.resolve_aliases(v);
            if v == p {
                continue;
            }
            match same {
                None => same = Some(v),
                Some(s) if s == v => {}
                Some(_) => return None,
            }
        }
    }
    same
}
