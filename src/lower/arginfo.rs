//! The argument layout tracebacks print (gc's `FUNCDATA_ArgInfo`, cmd/compile's `EmitArgInfo`),
//! and the prologue stores that keep the printed words where the runtime can read them.
//!
//! gc prints each frame's arguments as hex words: `main.f(0xa, {0x4b1234, 0x5})`. Its compiler
//! emits, per function, a byte program of `(offset, size)` pairs and aggregate brackets over the
//! argument area (at most 10 components, 5 levels of nesting); the runtime's `printArgs` reads
//! the words at those offsets. gojit does the same: the program is computed here with gc's
//! `visitType` rules, over an *argument image*, the parameters (receiver first) laid out like the
//! fields of a struct; the prologue stores every printed component into a keyed stack slot
//! ([`crate::jit::KEY_ARGS`]) holding that image, whose fp-relative offset the function table
//! records (`runtime/src/funcdata.rs`, "Argument info"). Components at image offsets of 0xf0 or
//! more print as `_` (gc's `TraceArgsOffsetTooLarge`) and are not stored.
//!
//! The stores happen once, at entry, so the words printed are the arguments as passed. gc prints
//! a `?` after a register argument its spill slot may not hold (its register allocator spills
//! arguments only when they live across a call); gojit's slot always holds the value passed, so it
//! never prints `?`. The image layout ignores gc's register/stack split (gc puts the spill area
//! of register arguments after the stack-assigned ones), which only changes which components of
//! functions with more than 240 bytes of arguments print as `_`.

use cranelift_codegen::ir::{InstBuilder, MemFlagsData, StackSlotData, StackSlotKind, StackSlotKey, Value, types};

use crate::types::Type as GoType;
use crate::types::{TypeId, TypeTable};

use super::func::FnCx;
use super::tyview::{self, Repr};

/// gc's `abi.TraceArgsLimit`: components printed before `...`.
const LIMIT: usize = 10;
/// gc's `abi.TraceArgsMaxDepth`: nesting levels printed before `{...}`.
const MAX_DEPTH: usize = 5;
/// gc's `abi.TraceArgsSpecial`: offsets from here on are operators.
const SPECIAL: u64 = 0xf0;
pub const END_SEQ: u8 = 0xff;
pub const START_AGG: u8 = 0xfe;
pub const END_AGG: u8 = 0xfd;
pub const DOTDOTDOT: u8 = 0xfc;
pub const OFFSET_TOO_LARGE: u8 = 0xfb;

/// One printed component: parameter `param`, `off` bytes into it, `size` bytes; `image` is its
/// offset in the argument image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Component {
    pub param: usize,
    pub off: u64,
    pub size: u8,
    pub image: u64,
}

/// The argument program of parameters `params` and the components it prints, with the
/// argument image's size (bytes the slot must hold).
pub fn arg_program(tt: &TypeTable, params: &[TypeId]) -> (Vec<u8>, Vec<Component>, u64) {
    let mut w = Writer { tt, prog: vec![], comps: vec![], n: 0, param: 0, param_base: 0 };
    let mut base = 0u64;
    for (i, &t) in params.iter().enumerate() {
        let l = tt.layout(t);
        base = base.div_ceil(l.align.max(1)) * l.align.max(1);
        w.param = i;
        w.param_base = base;
        if !w.visit(base, t, 0) {
            break;
        }
        base += l.size;
    }
    w.prog.push(END_SEQ);
    let size = w.comps.iter().map(|c| c.image + c.size as u64).max().unwrap_or(0);
    (w.prog, w.comps, size)
}

struct Writer<'t> {
    tt: &'t TypeTable,
    prog: Vec<u8>,
    comps: Vec<Component>,
    /// Components written (gc's `n`).
    n: usize,
    param: usize,
    param_base: u64,
}

impl Writer<'_> {
    fn write1(&mut self, size: u64, off: u64) {
        if off >= SPECIAL {
            self.prog.push(OFFSET_TOO_LARGE);
        } else {
            self.prog.push(off as u8);
            self.prog.push(size as u8);
            self.comps.push(Component { param: self.param, off: off - self.param_base, size: size as u8, image: off });
        }
        self.n += 1;
    }

    /// gc's `visitType`: false when the limit stopped the walk.
    fn visit(&mut self, off: u64, t: TypeId, depth: usize) -> bool {
        if self.n >= LIMIT {
            self.prog.push(DOTDOTDOT);
            return false;
        }
        let u = self.tt.under(t).clone();
        let word = TypeTable::UINTPTR;
        let agg = match &u {
            GoType::Struct { .. } | GoType::Array { .. } | GoType::Interface { .. } | GoType::Slice(_) => true,
            GoType::Basic(k) => k.is_complex() || k.is_string(),
            _ => false,
        };
        if !agg {
            self.write1(self.tt.layout(t).size, off);
            return true;
        }
        self.prog.push(START_AGG);
        let depth = depth + 1;
        if depth >= MAX_DEPTH {
            self.prog.push(DOTDOTDOT);
            self.prog.push(END_AGG);
            self.n += 1;
            return true;
        }
        match &u {
            GoType::Interface { .. } => {
                let _ = self.visit(off, word, depth) && self.visit(off + 8, word, depth);
            }
            GoType::Basic(k) if k.is_string() => {
                let _ = self.visit(off, word, depth) && self.visit(off + 8, word, depth);
            }
            GoType::Slice(_) => {
                let _ = self.visit(off, word, depth) && self.visit(off + 8, word, depth) && self.visit(off + 16, word, depth);
            }
            GoType::Basic(_) => {
                // complex: two floats of half the size
                let half = self.tt.layout(t).size / 2;
                let f = if half == 4 { TypeTable::FLOAT32 } else { TypeTable::FLOAT64 };
                let _ = self.visit(off, f, depth) && self.visit(off + half, f, depth);
            }
            GoType::Array { len, elem } => {
                if *len == 0 {
                    self.n += 1;
                } else {
                    let es = self.tt.layout(*elem).size;
                    let mut o = off;
                    for _ in 0..*len {
                        if !self.visit(o, *elem, depth) {
                            break;
                        }
                        o += es;
                    }
                }
            }
            GoType::Struct { fields } => {
                if fields.is_empty() {
                    self.n += 1;
                } else {
                    let offs = self.tt.field_offsets(t);
                    for (i, f) in fields.iter().enumerate() {
                        if !self.visit(off + offs[i], f.ty, depth) {
                            break;
                        }
                    }
                }
            }
            _ => {}
        }
        self.prog.push(END_AGG);
        true
    }
}

impl FnCx<'_, '_, '_> {
    /// Creates the argument slot and stores the printed components of the parameters (`params`:
    /// each parameter's type and its incoming SSA words) into it; records the program for the
    /// function table.
    pub fn store_args_for_traceback(&mut self, params: &[(TypeId, Vec<Value>)]) {
        let tys: Vec<TypeId> = params.iter().map(|p| p.0).collect();
        let (prog, comps, size) = arg_program(self.p.tt, &tys);
        if size > 0 {
            let slot = self.b.create_sized_stack_slot(StackSlotData::new_with_key(
                StackSlotKind::ExplicitSlot,
                size.div_ceil(8) as u32 * 8,
                3,
                StackSlotKey::new(crate::jit::KEY_ARGS),
            ));
            for c in &comps {
                let (t, words) = (&params[c.param].0, &params[c.param].1);
                let v = match self.p.repr(*t) {
                    Repr::Words(ws) => {
                        // a Words value's components are its words, at their memory offsets
                        let offs = tyview::word_offsets(&ws);
                        match offs.iter().position(|&o| o as u64 == c.off) {
                            Some(j) => words[j],
                            None => continue,
                        }
                    }
                    Repr::Mem { .. } => {
                        let ty = match c.size {
                            1 => types::I8,
                            2 => types::I16,
                            4 => types::I32,
                            _ => types::I64,
                        };
                        self.b.ins().load(ty, MemFlagsData::trusted(), words[0], c.off as i32)
                    }
                };
                self.b.ins().stack_store(types::I64, v, slot, c.image as i32);
            }
        }
        self.arg_info = Some(prog);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gc_programs_for_scalars_strings_and_the_limit() {
        let tt = TypeTable::new();
        let (p, c, size) = arg_program(&tt, &[TypeTable::INT, TypeTable::INT8, TypeTable::STRING]);
        // int at 0 (8), int8 at 8 (1), string at 16: {ptr, len}
        assert_eq!(p, vec![0, 8, 8, 1, START_AGG, 16, 8, 24, 8, END_AGG, END_SEQ]);
        assert_eq!(c.len(), 4);
        assert_eq!(c[3], Component { param: 2, off: 8, size: 8, image: 24 });
        assert_eq!(size, 32);
        let (p, c, _) = arg_program(&tt, &[TypeTable::INT; 12]);
        assert_eq!(c.len(), 10);
        assert_eq!(p[20], DOTDOTDOT);
        assert_eq!(p[21], END_SEQ);
        let (p, _, _) = arg_program(&tt, &[]);
        assert_eq!(p, vec![END_SEQ]);
    }
}
