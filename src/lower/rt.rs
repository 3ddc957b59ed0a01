//! The runtime entry points generated code calls: symbol name, machine signature and whether the
//! call can panic (then it uses the `tail` convention and is a `try_call` in frames with defers;
//! DESIGN §4.1). Non-panicking helpers use `system_v` and are plain calls.
//!
//! Invariant: every panicking entry has at most 6 integer parameters and at most 1 integer result
//! (the tail/SysV register-compatible subset); larger results go through out pointers.

use cranelift_codegen::ir::{AbiParam, Signature, Type, types::*};
use cranelift_codegen::isa::CallConv;

/// A runtime entry point (some are declared for completeness of the contract).
#[allow(dead_code)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rt {
    // memory
    New,
    Alloc,
    Memmove,
    Memclr,
    Memequal,
    MakeSlice,
    GrowSlice,
    SliceCopy,
    // strings
    ConcatString2,
    CmpString,
    EqString,
    SliceByteToString,
    StringToSliceByte,
    StringToSliceRune,
    SliceRuneToString,
    IntString,
    DecodeRune,
    // maps
    MakeMap,
    MapAccess,
    MapAssign,
    MapDelete,
    MapLen,
    MapClear,
    MapIterInit,
    MapIterNext,
    // interfaces
    GetItab,
    AssertE2I,
    AssertE2I2,
    EfaceEq,
    IfaceEq,
    TypeAssertFail,
    // panics
    GoPanic,
    PanicIndex,
    PanicSliceAlen,
    PanicSliceAcap,
    PanicSliceB,
    /// Slice to array (pointer) conversion too short (bounds code 8).
    PanicConvert,
    PanicDivide,
    PanicShift,
    PanicNil,
    PanicNilMap,
    PanicWrap,
    Recover,
    DeferPush,
    DeferReturn,
    // printing (builtins)
    PrintLock,
    PrintUnlock,
    PrintBool,
    PrintInt,
    PrintUint,
    PrintFloat,
    PrintString,
    PrintPointer,
    PrintEface,
    PrintSp,
    PrintNl,
    // library
    Lib(&'static str),
}

impl Rt {
    /// The symbol name.
    pub fn name(self) -> &'static str {
        use Rt::*;
        match self {
            New => "gort_new",
            Alloc => "gort_alloc",
            Memmove => "gort_memmove",
            Memclr => "gort_memclr",
            Memequal => "gort_memequal",
            MakeSlice => "gort_makeslice",
            GrowSlice => "gort_growslice",
            SliceCopy => "gort_slicecopy",
            ConcatString2 => "gort_concatstring2",
            CmpString => "gort_cmpstring",
            EqString => "gort_eqstring",
            SliceByteToString => "gort_slicebytetostring",
            StringToSliceByte => "gort_stringtoslicebyte",
            StringToSliceRune => "gort_stringtoslicerune",
            SliceRuneToString => "gort_slicerunetostring",
            IntString => "gort_intstring",
            DecodeRune => "gort_decoderune",
            MakeMap => "gort_makemap",
            MapAccess => "gort_mapaccess",
            MapAssign => "gort_mapassign",
            MapDelete => "gort_mapdelete",
            MapLen => "gort_maplen",
            MapClear => "gort_mapclear",
            MapIterInit => "gort_mapiterinit",
            MapIterNext => "gort_mapiternext",
            GetItab => "gort_getitab",
            AssertE2I => "gort_assertE2I",
            AssertE2I2 => "gort_assertE2I2",
            EfaceEq => "gort_efaceeq",
            IfaceEq => "gort_ifaceeq",
            TypeAssertFail => "gort_panicdottype",
            GoPanic => "gort_gopanic",
            PanicIndex => "gort_panic_index",
            PanicSliceAlen | PanicSliceAcap | PanicSliceB | PanicConvert => "gort_panic_bounds",
            PanicDivide => "gort_panic_divide",
            PanicShift => "gort_panic_shift",
            PanicNil => "gort_panic_nilderef",
            PanicNilMap => "gort_panic_nilmap",
            PanicWrap => "gort_panicwrap",
            Recover => "gort_gorecover",
            DeferPush => "gort_deferproc",
            DeferReturn => "gort_deferpop",
            PrintLock => "gort_printlock",
            PrintUnlock => "gort_printunlock",
            PrintBool => "gort_printbool",
            PrintInt => "gort_printint",
            PrintUint => "gort_printuint",
            PrintFloat => "gort_printfloat",
            PrintString => "gort_printstring",
            PrintPointer => "gort_printpointer",
            PrintEface => "gort_printeface",
            PrintSp => "gort_printsp",
            PrintNl => "gort_printnl",
            Lib(n) => n,
        }
    }

    /// Whether the entry point may raise a Go panic (or call Go code that may).
    pub fn may_panic(self) -> bool {
        use Rt::*;
        !matches!(
            self,
            Alloc
                | Memmove
                | Memclr
                | Memequal
                | SliceCopy
                | ConcatString2
                | CmpString
                | EqString
                | SliceByteToString
                | StringToSliceByte
                | StringToSliceRune
                | SliceRuneToString
                | IntString
                | DecodeRune
                | MapLen
                | Recover
                | DeferPush
                | DeferReturn
                | MapIterNext
                | PrintLock
                | PrintUnlock
                | PrintBool
                | PrintInt
                | PrintUint
                | PrintFloat
                | PrintString
                | PrintPointer
                | PrintSp
                | PrintNl
        )
    }

    /// The machine signature (parameters, results).
    pub fn words(self) -> (Vec<Type>, Vec<Type>) {
        use Rt::*;
        let p = |n: usize| vec![I64; n];
        match self {
            New => (p(1), p(1)),
            Alloc => (p(2), p(1)),
            Memmove => (p(3), vec![]),
            Memequal => (p(3), vec![I8]),
            MakeSlice => (p(4), vec![]),
            GrowSlice => (p(4), vec![]),
            SliceCopy => (p(5), p(1)),
            ConcatString2 => (p(4), p(2)),
            CmpString => (p(4), p(1)),
            EqString => (p(4), vec![I8]),
            SliceByteToString | SliceRuneToString => (p(2), p(2)),
            StringToSliceByte | StringToSliceRune => (p(3), vec![]),
            IntString => (p(1), p(2)),
            DecodeRune => (p(3), p(2)),
            MakeMap => (p(2), p(1)),
            MapAccess => (p(3), p(1)),
            MapAssign => (p(3), p(1)),
            MapDelete => (p(3), vec![]),
            MapLen => (p(1), p(1)),
            Memclr => (p(2), vec![]),
            MapClear => (p(2), vec![]),
            MapIterInit => (p(3), vec![]),
            MapIterNext => (p(1), vec![]),
            GetItab => (p(2), p(1)),
            AssertE2I => (p(3), p(1)),
            AssertE2I2 => (p(2), p(1)),
            EfaceEq | IfaceEq => (p(4), vec![I8]),
            TypeAssertFail => (p(3), vec![]),
            GoPanic => (p(2), vec![]),
            PanicIndex | PanicWrap => (p(2), vec![]),
            PanicSliceAlen | PanicSliceAcap | PanicSliceB | PanicConvert => (p(3), vec![]),
            PanicDivide | PanicShift | PanicNil | PanicNilMap => (vec![], vec![]),
            Recover => (p(1), vec![]),
            DeferPush => (p(1), vec![]),
            DeferReturn => (vec![], p(1)),
            PrintLock | PrintUnlock | PrintSp | PrintNl => (vec![], vec![]),
            PrintBool => (vec![I8], vec![]),
            PrintInt | PrintUint | PrintPointer => (p(1), vec![]),
            PrintFloat => (vec![F64], vec![]),
            PrintString | PrintEface => (p(2), vec![]),
            Lib(_) => (vec![], vec![]),
        }
    }

    pub fn signature(self) -> Signature {
        let (ps, rs) = self.words();
        sig_of(if self.may_panic() { CallConv::Tail } else { CallConv::SystemV }, &ps, &rs)
    }
}

/// A signature with the given convention and word types.
pub fn sig_of(cc: CallConv, ps: &[Type], rs: &[Type]) -> Signature {
    let mut s = Signature::new(cc);
    s.params.extend(ps.iter().map(|&t| AbiParam::new(t)));
    s.returns.extend(rs.iter().map(|&t| AbiParam::new(t)));
    s
}
