//! The memory-block calling convention for signatures too big for registers and stack words.
//!
//! Cranelift's `tail` convention pops a callee's stack arguments with `ret imm16` (at most 65,535
//! bytes, about 8,190 words), and a call or return with thousands of operands overwhelms register
//! allocation (`TooManyOperands` at 65,535 results; seconds of compile time at 8,000). gc passes
//! every argument and result of such a function in memory (its ABI0 frame) and compiles them, so
//! gojit does the same for a signature of more than [`BLOCK_SIGNATURE_WORDS`] machine words:
//!
//! * The *logical* signature is what `Prog::go_signature` flattens a Go signature to (`ctx`, the
//!   receiver and parameter words, out pointers; result words). A block signature's machine form
//!   is `tail (ctx: i64, block: i64) -> ()`: `ctx` stays in its register (closures load their
//!   captures through it) and `block` points to a caller-allocated area of 8-byte slots, the
//!   logical parameter words after `ctx` first (slot `i` at byte `8 * i`, each word stored with its
//!   own type), then the result words.
//! * The caller ([`FnCx::emit_call`]) stores the argument words into a frame temporary, calls with
//!   its address and loads the results from it after the call. The callee ([`FnCx::entry_params`])
//!   loads its parameters at entry and keeps the block's address in a stack slot, so every return
//!   ([`FnCx::go_return`]), the deferreturn block's too (it is reached by a resume that restores
//!   no SSA value), stores the results through it. Parameters and results have separate slots, so
//!   parameter loads that `entry_sink` moves off the entry block still read the arguments.
//! * Which signature is a block one is known from its logical form only (the machine form is the
//!   same for all): `Prog::big_fns` keeps the logical signature of every declared function that
//!   uses it (looked up by [`FnCx::func_ref`]), and `FnCx::block_sigs` that of every imported
//!   signature of an indirect call ([`FnCx::import_go_signature`]: closures, interface methods,
//!   wrappers).
//! * Every path lowers through these: direct calls, closure and interface calls, method value and
//!   method expression wrappers, value-receiver adapters and promoted-method entries (typedesc),
//!   `defer`/`go` thunks (their inner call is an ordinary call), func literals and range-over-func
//!   bodies (`body.rs`'s prologue). Tracebacks print such a function's arguments from the loaded
//!   words (the argument image is stored after the loads). Hooks have GOROOT's signatures, which
//!   are far below the threshold.
//! * `reflect`: a block function has no call shape in the function table, so `reflect.Value.Call`
//!   of it panics (`reflect: gojit cannot call this function through reflect`), and `MakeFunc` of
//!   such a func type is refused (its shape exceeds the stub's buffer); the threshold is above the
//!   largest shape either accepts, so no reflect path ever sees a block signature as a register
//!   one.

use cranelift_codegen::ir::{self, AbiParam, InstBuilder, MemFlagsData, Signature, types};
use cranelift_codegen::isa::CallConv;

use super::func::FnCx;

/// Logical signatures of more machine words than this (parameters after `ctx`, out pointers and
/// results together) use the memory block. It is above the 512-byte call shapes reflect's call
/// and MakeFunc paths accept (each word is at least one shape byte), and far below what the
/// register convention handles (8,000 words).
pub const BLOCK_SIGNATURE_WORDS: usize = 1024;

/// Whether the logical signature `sig` (`ctx` first) is passed in a memory block.
pub fn is_block(sig: &Signature) -> bool {
    sig.params.len().saturating_sub(1) + sig.returns.len() > BLOCK_SIGNATURE_WORDS
}

/// The machine form of every block signature: `tail (ctx, block) -> ()`.
pub fn machine_sig() -> Signature {
    let mut s = Signature::new(CallConv::Tail);
    s.params.push(AbiParam::new(types::I64));
    s.params.push(AbiParam::new(types::I64));
    s
}

/// Bytes of the block of the logical signature `sig`.
pub fn block_bytes(sig: &Signature) -> u64 {
    8 * (sig.params.len().saturating_sub(1) + sig.returns.len()).max(1) as u64
}

/// A block function's own state while it is lowered.
#[derive(Clone)]
pub struct OwnBlock {
    /// The function's logical signature.
    pub logical: Signature,
    /// Slot holding the block's address (set by [`FnCx::entry_params`]).
    pub slot: Option<ir::StackSlot>,
}

impl FnCx<'_, '_, '_> {
    /// Appends the function's parameters to `entry`, switches to it and returns the logical
    /// parameter words (`ctx` first): for a block signature, loaded from the block.
    pub fn entry_params(&mut self, entry: ir::Block) -> Vec<ir::Value> {
        self.b.append_block_params_for_function_params(entry);
        self.at(entry);
        let ps = self.b.block_params(entry).to_vec();
        let Some(own) = self.own_block.clone() else { return ps };
        let (ctx, blk) = (ps[0], ps[1]);
        let slot = self.slot(8, 8);
        self.b.ins().stack_store(types::I64, blk, slot, 0);
        self.own_block = Some(OwnBlock { slot: Some(slot), ..own.clone() });
        let mut out = vec![ctx];
        for (i, p) in own.logical.params.iter().enumerate().skip(1) {
            let off = 8 * (i as i32 - 1);
            out.push(self.b.ins().load(p.value_type, MemFlagsData::trusted(), blk, off));
        }
        out
    }

    /// Declares parameter `o` of type `t`, whose words are logical parameters `first..` of this
    /// block function, as left in the block (`Local::Block`) when it is a plain word variable:
    /// each use loads it there, so thousands of parameters are not all live from the entry on.
    /// Returns false (the caller declares it from its loaded words) otherwise.
    pub fn declare_block_param(&mut self, o: crate::types::ObjId, t: crate::types::TypeId, first: usize) -> bool {
        let Some(own) = self.own_block.as_ref() else { return false };
        if self.is_escaping(o) {
            return false;
        }
        let super::tyview::Repr::Words(ws) = self.p.repr(t) else { return false };
        debug_assert!(own.logical.params[first..first + ws.len()].iter().zip(&ws).all(|(p, &w)| p.value_type == w));
        let words = ws.iter().enumerate().map(|(k, &w)| (w, 8 * (first + k - 1) as i32)).collect();
        self.locals.insert(o, super::func::Local::Block(words));
        true
    }

    /// Loads the words of a `Local::Block` parameter, or (`put`) stores new ones there.
    pub fn block_param_words(&mut self, words: &[(ir::Type, i32)], put: Option<&[ir::Value]>) -> Vec<ir::Value> {
        let slot = self.own_block.as_ref().and_then(|o| o.slot).expect("a block parameter outside its block function");
        let blk = self.b.ins().stack_load(types::I64, types::I64, slot, 0);
        match put {
            Some(vals) => {
                for (&(_, off), &v) in words.iter().zip(vals) {
                    self.b.ins().store(MemFlagsData::trusted(), v, blk, off);
                }
                vec![]
            }
            None => words.iter().map(|&(ty, off)| self.b.ins().load(ty, MemFlagsData::trusted(), blk, off)).collect(),
        }
    }

    /// Returns the result words `words` (the logical results): for a block signature, stored
    /// into the block through the address kept at entry.
    pub fn go_return(&mut self, words: &[ir::Value]) {
        match self.own_block.as_ref().and_then(|o| o.slot.map(|s| (s, o.logical.params.len() - 1))) {
            Some((slot, np)) => {
                let blk = self.b.ins().stack_load(types::I64, types::I64, slot, 0);
                for (j, &w) in words.iter().enumerate() {
                    self.b.ins().store(MemFlagsData::trusted(), w, blk, 8 * (np + j) as i32);
                }
                self.b.ins().return_(&[]);
            }
            None => {
                self.b.ins().return_(words);
            }
        }
    }

    /// Imports the machine signature of a Go function with `recv` (as its words), `params` and
    /// `results` for an indirect call, remembering its logical form when it is a block one.
    pub fn import_go_signature(&mut self, recv: Option<crate::types::TypeId>, params: &[crate::types::TypeId], results: &[crate::types::TypeId]) -> ir::SigRef {
        let (machine, logical) = self.p.go_signature_parts(recv, params, results);
        self.p.forget_last_signature();
        let sref = self.b.import_signature(machine);
        if let Some(l) = logical {
            self.block_sigs.insert(sref, l);
        }
        sref
    }

    /// The logical signature of `callee` when it uses the block convention.
    pub(super) fn callee_block(&self, callee: &super::func::Callee) -> Option<Signature> {
        match *callee {
            super::func::Callee::Direct(f) => self.block_refs.get(&f).cloned(),
            super::func::Callee::Indirect(s, _) => self.block_sigs.get(&s).cloned(),
        }
    }

    /// A block call: the argument words (after `ctx`) into a frame temporary, the call with its
    /// address, the result words loaded from it.
    pub(super) fn emit_block_call(&mut self, callee: super::func::Callee, logical: &Signature, args: &[ir::Value], may_panic: bool) -> Vec<ir::Value> {
        assert_eq!(args.len(), logical.params.len(), "block call: {} arguments for {} parameter words", args.len(), logical.params.len());
        let np = args.len() - 1;
        let blk = self.temp(block_bytes(logical), 8);
        for (i, &a) in args[1..].iter().enumerate() {
            self.b.ins().store(MemFlagsData::trusted(), a, blk, 8 * i as i32);
        }
        self.emit_machine_call(callee, &[args[0], blk], may_panic);
        logical
            .returns
            .iter()
            .enumerate()
            .map(|(j, r)| self.b.ins().load(r.value_type, MemFlagsData::trusted(), blk, 8 * (np + j) as i32))
            .collect()
    }
}
