//! The machine signature of every runtime entry point, derived from its Rust type.
//!
//! Why: JIT code and Rust meet at `extern "C"` (System V) calls, where a narrow value (`bool`,
//! `u8`, `i16`, ...) is defined only in its low bits. rustc/LLVM assume a `bool`, `u8` or `i16`
//! argument arrives zero/sign-extended to 32 bits, while Cranelift leaves the upper bits undefined
//! unless the parameter carries a `uext`/`sext` attribute. A declaration that disagrees with the
//! Rust type (a `bool` declared as a full word, a narrow parameter declared without extension) is
//! a memory-safety bug: `gort_printbool` once computed a write length from such garbage bits.
//!
//! So the signature is never written by hand on the runtime side: [`EntryFn`] is implemented for
//! `extern "C"` function-pointer types and turns each parameter and result type into [`Word`]s
//! through [`AbiTy`]. The symbol table (`symbols.rs`) records it for every entry point, and the
//! compiler's test compares its declared table with it (`src/lower/rt.rs`).

/// One register-sized piece of an entry point's signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Word {
    /// Rust `bool` (0 or 1 in the low byte).
    Bool,
    U8,
    I8,
    U16,
    I16,
    U32,
    I32,
    /// A full 64-bit integer register: `i64`, `u64`, `isize`, `usize`, any pointer.
    W64,
    F32,
    F64,
}

impl Word {
    /// Whether the value occupies less than a full 64-bit register (so its upper bits are
    /// undefined unless the caller extends it).
    pub fn is_narrow(self) -> bool {
        !matches!(self, Word::W64 | Word::F32 | Word::F64)
    }

    /// Whether a narrow integer is sign-extended (otherwise zero-extended).
    pub fn is_signed(self) -> bool {
        matches!(self, Word::I8 | Word::I16 | Word::I32)
    }
}

/// A Rust type that crosses the JIT boundary, as the words it occupies in registers.
pub trait AbiTy {
    const WORDS: &'static [Word];
}

macro_rules! abi_ty {
    ($($t:ty => $w:expr),* $(,)?) => { $(impl AbiTy for $t { const WORDS: &'static [Word] = $w; })* };
}

abi_ty! {
    () => &[],
    bool => &[Word::Bool],
    u8 => &[Word::U8],
    i8 => &[Word::I8],
    u16 => &[Word::U16],
    i16 => &[Word::I16],
    u32 => &[Word::U32],
    i32 => &[Word::I32],
    u64 => &[Word::W64],
    i64 => &[Word::W64],
    usize => &[Word::W64],
    isize => &[Word::W64],
    f32 => &[Word::F32],
    f64 => &[Word::F64],
    // two-word `#[repr(C)]` results, returned in rax:rdx (two INTEGER eightbytes)
    crate::abi::GoString => &[Word::W64, Word::W64],
    crate::abi::Iface => &[Word::W64, Word::W64],
    crate::abi::Eface => &[Word::W64, Word::W64],
    crate::gostring::RuneNext => &[Word::W64, Word::W64],
}

impl<T> AbiTy for *const T {
    const WORDS: &'static [Word] = &[Word::W64];
}
impl<T> AbiTy for *mut T {
    const WORDS: &'static [Word] = &[Word::W64];
}

/// An `extern "C"` function-pointer type whose signature can be read off its type.
pub trait EntryFn: Copy {
    /// The parameter words, in order.
    fn params() -> Vec<Word>;
    /// The result words, or `None` when the function never returns (`-> !`).
    fn results() -> Option<Vec<Word>>;
    /// The code address.
    fn addr(self) -> *const u8;
}

macro_rules! entry_fn {
    ($($a:ident),*) => {
        impl<$($a: AbiTy,)* R: AbiTy> EntryFn for unsafe extern "C" fn($($a),*) -> R {
            fn params() -> Vec<Word> {
                <[&[Word]]>::concat(&[$($a::WORDS),*])
            }
            fn results() -> Option<Vec<Word>> {
                Some(R::WORDS.to_vec())
            }
            fn addr(self) -> *const u8 {
                self as *const u8
            }
        }
        impl<$($a: AbiTy,)*> EntryFn for unsafe extern "C" fn($($a),*) -> ! {
            fn params() -> Vec<Word> {
                <[&[Word]]>::concat(&[$($a::WORDS),*])
            }
            fn results() -> Option<Vec<Word>> {
                None
            }
            fn addr(self) -> *const u8 {
                self as *const u8
            }
        }
    };
}

entry_fn!();
entry_fn!(A);
entry_fn!(A, B);
entry_fn!(A, B, C);
entry_fn!(A, B, C, D);
entry_fn!(A, B, C, D, E);
entry_fn!(A, B, C, D, E, F);
entry_fn!(A, B, C, D, E, F, G);
entry_fn!(A, B, C, D, E, F, G, H);
entry_fn!(A, B, C, D, E, F, G, H, I, J);
// hash/crc32.castagnoliSSE42Triple: three CRCs, three slices, a count and the result slots
entry_fn!(A, B, C, D, E, F, G, H, I, J, K, L, M, N);

/// A runtime entry point: its symbol name, address and signature.
#[derive(Clone, Debug)]
pub struct Entry {
    pub name: &'static str,
    pub addr: *const u8,
    pub params: Vec<Word>,
    /// `None`: never returns.
    pub results: Option<Vec<Word>>,
}

impl Entry {
    /// The entry `name` whose signature is that of the function pointer `f`.
    pub fn of<F: EntryFn>(name: &'static str, f: F) -> Entry {
        Entry { name, addr: f.addr(), params: F::params(), results: F::results() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    unsafe extern "C" fn narrow(_: bool, _: i8, _: u16, _: i32, _: *const u8) -> u8 {
        0
    }
    extern "C" fn never(_: i64) -> ! {
        std::process::abort()
    }

    #[test]
    fn reads_signatures_off_types() {
        let e = Entry::of("narrow", narrow as unsafe extern "C" fn(_, _, _, _, _) -> _);
        assert_eq!(e.params, [Word::Bool, Word::I8, Word::U16, Word::I32, Word::W64]);
        assert_eq!(e.results, Some(vec![Word::U8]));
        let e = Entry::of("never", never as unsafe extern "C" fn(_) -> _);
        assert_eq!(e.params, [Word::W64]);
        assert_eq!(e.results, None);
        let e = Entry::of("s", crate::gostring::gort_intstring as unsafe extern "C" fn(_) -> _);
        assert_eq!(e.results, Some(vec![Word::W64, Word::W64]));
    }
}
