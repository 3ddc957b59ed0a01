//! The representation of Go types: an interning arena ([`TypeTable`]) of [`Type`]s named by
//! [`TypeId`].
//!
//! # Invariants
//! - **Identity is equality**: every unnamed (composite or basic) type is interned, so two
//!   structurally identical unnamed types get the same `TypeId`, and `a == b` on `TypeId`s is exactly
//!   Go's type identity. Named (defined) types are never interned: each `type T ...` declaration
//!   creates a fresh id ([`TypeTable::new_named`]).
//! - A named type's underlying type is set once, after creation ([`TypeTable::set_underlying`]), so
//!   recursive types (`type L struct { next *L }`) can refer to themselves. Until set it is
//!   [`TypeTable::INVALID`]. The underlying type of a named type is never itself named.
//! - Interfaces hold their **complete** method set: embedded interfaces are flattened, methods are
//!   in gc's order, exported first then by name (the order of descriptors and itabs, `runtime/src/abi/`).
//! - Variadic signatures store the last parameter as the slice type `[]T`.
//! - Layout (size, align, field offsets) follows `runtime/src/abi/mod.rs`: string 16, slice 24,
//!   interface 16, pointer/map/func 8, structs in Go's layout. Layouts are only meaningful for types
//!   the checker accepted (it rejects invalid recursive types and over-large arrays).
//!
//! The table also holds the ids of the predeclared types as associated constants
//! (`TypeTable::INT`, `TypeTable::STRING`, ...), created in a fixed order by [`TypeTable::new`].

pub use crate::syntax::ast::ChanDir;
use std::collections::HashMap;

use cranelift_entity::{PrimaryMap, entity_impl};

use super::info::ObjId;

/// Interned type identity (see the module docs: equal ids <=> identical Go types).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(u32);
entity_impl!(TypeId, "t");

impl Default for TypeId {
    /// The invalid type.
    fn default() -> Self {
        TypeTable::INVALID
    }
}

/// The predeclared basic types, plus the untyped kinds of constants and `nil`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BasicKind {
    /// The type of erroneous expressions (never seen by codegen).
    Invalid,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UnsafePointer,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedComplex,
    UntypedString,
    UntypedNil,
}

impl BasicKind {
    /// The name gc prints (`untyped int`, `int`, ...).
    pub fn name(self) -> &'static str {
        use BasicKind::*;
        match self {
            Invalid => "invalid type",
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            Complex64 => "complex64",
            Complex128 => "complex128",
            String => "string",
            UnsafePointer => "unsafe.Pointer",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedComplex => "untyped complex",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
        }
    }
    pub fn is_untyped(self) -> bool {
        use BasicKind::*;
        matches!(self, UntypedBool | UntypedInt | UntypedRune | UntypedFloat | UntypedComplex | UntypedString | UntypedNil)
    }
    pub fn is_integer(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            Int | Int8 | Int16 | Int32 | Int64 | Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr | UntypedInt | UntypedRune
        )
    }
    pub fn is_unsigned(self) -> bool {
        use BasicKind::*;
        matches!(self, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
    }
    pub fn is_float(self) -> bool {
        matches!(self, BasicKind::Float32 | BasicKind::Float64 | BasicKind::UntypedFloat)
    }
    pub fn is_complex(self) -> bool {
        matches!(self, BasicKind::Complex64 | BasicKind::Complex128 | BasicKind::UntypedComplex)
    }
    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float() || self.is_complex()
    }
    pub fn is_string(self) -> bool {
        matches!(self, BasicKind::String | BasicKind::UntypedString)
    }
    pub fn is_boolean(self) -> bool {
        matches!(self, BasicKind::Bool | BasicKind::UntypedBool)
    }
    /// Ordered types support `< <= > >=`.
    pub fn is_ordered(self) -> bool {
        self.is_integer() || self.is_float() || self.is_string()
    }
    /// (size, align) in bytes; untyped kinds report their default type's layout.
    pub fn layout(self) -> (u64, u64) {
        use BasicKind::*;
        match self {
            Bool | Int8 | Uint8 | UntypedBool => (1, 1),
            Int16 | Uint16 => (2, 2),
            Int32 | Uint32 | Float32 | UntypedRune => (4, 4),
            Complex64 => (8, 4),
            Complex128 | UntypedComplex => (16, 8),
            Int | Int64 | Uint | Uint64 | Uintptr | Float64 | UnsafePointer | UntypedInt | UntypedFloat
            | UntypedNil => (8, 8),
            String | UntypedString => (16, 8),
            Invalid => (0, 1),
        }
    }
    /// For integer kinds: (bits, signed). `int`/`uint`/`uintptr` are 64-bit.
    pub fn int_bits(self) -> Option<(u32, bool)> {
        use BasicKind::*;
        Some(match self {
            Int8 => (8, true),
            Int16 => (16, true),
            Int32 => (32, true),
            Int | Int64 => (64, true),
            Uint8 => (8, false),
            Uint16 => (16, false),
            Uint32 => (32, false),
            Uint | Uint64 | Uintptr => (64, false),
            _ => return None,
        })
    }
}

/// A struct field.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    /// Field name; for an embedded field, the type's name (`T` for `T` or `*T`, `Stringer` for
    /// `fmt.Stringer`).
    pub name: String,
    pub ty: TypeId,
    pub embedded: bool,
    /// The decoded tag (part of type identity).
    pub tag: Option<Vec<u8>>,
    /// For an unexported name, the path of the package declaring it (types2's `Id`: `x` of
    /// package a and `x` of package b are different names, so `struct{ x int }` of a and of b are
    /// different types); empty for an exported name. See [`TypeTable::qualifier`].
    pub pkg: String,
}

/// A function signature (without receiver). `params`' last entry is `[]T` when `variadic`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    pub variadic: bool,
}

/// A method of an interface type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IMethod {
    pub name: String,
    /// A `Type::Func` signature (interned).
    pub sig: TypeId,
    /// For an unexported name, the declaring package's path (as [`Field::pkg`]); empty otherwise.
    pub pkg: String,
}

/// A method declared on a named type (`func (r T) M()` or `func (r *T) M()`), or a method of a
/// modelled standard-library type (e.g. `(*strings.Builder).WriteString`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Method {
    pub name: String,
    /// The `Type::Func` signature without the receiver.
    pub sig: TypeId,
    /// True for a pointer receiver `*T`.
    pub ptr_recv: bool,
    /// The function object (an `ObjKind::Func`).
    pub func: ObjId,
    /// A generic method's own type parameters (Go 1.27 `func (T) M[P any]()`), empty otherwise.
    /// A generic method is in no runtime method set and never satisfies an interface method.
    pub tparams: Vec<TypeId>,
}

/// A defined (named) type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Named {
    /// The type's name (`T`, `error`, `Stringer`).
    pub name: String,
    /// Package qualifier for printing: `""` for predeclared types (`error`), `"main"` for types
    /// declared in the program (local types too, as gc's `%T` prints them), `"fmt"`, `"strings"`...
    pub pkg: String,
    /// The package's path (`main` for the main package, `""` for predeclared types): it
    /// qualifies the unexported names of the type's methods (see [`Field::pkg`]).
    pub path: String,
    /// The `TypeName` object (None for types created by the table itself, e.g. `error`).
    pub obj: Option<ObjId>,
    /// Underlying type; [`TypeTable::INVALID`] until set.
    pub underlying: TypeId,
    /// Declared methods, in declaration order (both receiver kinds). Not sorted. For an instance
    /// of a generic type, the origin's methods with signatures substituted (same `func` objects).
    pub methods: Vec<Method>,
    /// The type parameters of a generic type (`TypeParam` ids), empty otherwise.
    pub tparams: Vec<TypeId>,
    /// For an instance (`Pair[int,string]`): the generic type it instantiates.
    pub origin: Option<TypeId>,
    /// For an instance: the type arguments, one per `origin`'s type parameter.
    pub targs: Vec<TypeId>,
}

/// A type parameter (`T` in `func F[T any]`). Never interned: each declaration is a fresh id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TypeParam {
    pub name: String,
    /// Position in its declaring list.
    pub index: u32,
    /// The constraint: an `Interface` or a `Constraint` type (INVALID until resolved).
    pub constraint: TypeId,
    /// The core type (the one underlying type all of its type set shares), INVALID if none.
    pub core: TypeId,
}

/// One term of a type set: `T` or `~T`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Term {
    pub tilde: bool,
    pub ty: TypeId,
}

/// A Go type. See the module docs for interning.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    Basic(BasicKind),
    Named(Named),
    Pointer(TypeId),
    Slice(TypeId),
    Array { len: u64, elem: TypeId },
    Map { key: TypeId, val: TypeId },
    /// `chan elem`, `chan<- elem`, `<-chan elem`.
    Chan { dir: ChanDir, elem: TypeId },
    Struct { fields: Vec<Field> },
    Func(Signature),
    /// Methods sorted by name, embedded interfaces flattened.
    Interface { methods: Vec<IMethod> },
    /// The type of a multi-value call (never the type of a variable).
    Tuple(Vec<TypeId>),
    /// A type parameter; its "underlying" type (see [`TypeTable::underlying`]) is its core type.
    TypeParam(TypeParam),
    /// A constraint interface that is not a basic interface: methods (sorted, flattened), an
    /// optional finite set of terms (None: all types), and `comparable`. Only valid as a
    /// constraint.
    Constraint { methods: Vec<IMethod>, terms: Option<Vec<Term>>, comparable: bool },
}

/// Size and alignment in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    pub size: u64,
    pub align: u64,
}

/// Result of [`TypeTable::lookup_field_or_method`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// A struct field: `path` holds the indices of the embedded fields traversed, then the field's
    /// own index (so `path.len() >= 1`).
    Field { path: Vec<u32>, ty: TypeId, indirect: bool },
    /// A concrete method declared on `named`: `path` holds the embedded-field indices traversed to
    /// reach the receiver (empty when the method is on the operand's own type), `index` is into
    /// `Named::methods` of `named`.
    Method { path: Vec<u32>, named: TypeId, index: u32, indirect: bool },
    /// A method of an interface type reached through `path` (the operand itself, or an embedded
    /// interface field): `index` is into that interface's sorted `methods`.
    InterfaceMethod { path: Vec<u32>, iface: TypeId, index: u32, indirect: bool },
    /// More than one candidate at the shallowest depth.
    Ambiguous,
    NotFound,
}

/// Why a type does not implement an interface.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingMethod {
    /// The interface method that is missing or wrong.
    pub name: String,
    pub kind: MissingKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MissingKind {
    /// No method of that name.
    Missing,
    /// The method exists with a pointer receiver and the type is not a pointer.
    PointerReceiver,
    /// The method exists with a different signature (`have`, `want`).
    WrongType { have: TypeId, want: TypeId },
    /// The type is a pointer to an interface (which has no methods at all).
    PointerToInterface,
}

/// The type arena. See the module docs.
pub struct TypeTable {
    types: PrimaryMap<TypeId, Type>,
    interned: HashMap<Type, TypeId>,
    layouts: Vec<Option<Layout>>,
    /// Instances of generic types by (origin, type arguments): `Pair[int,string]` is one id.
    instances: HashMap<(TypeId, Vec<TypeId>), TypeId>,
    /// Instances whose origin's underlying type was not yet known when they were created.
    pending: Vec<TypeId>,
    /// An instance left without its underlying type because its type arguments nest deeper
    /// than [`Self::MAX_INSTANCE_DEPTH`]: an instantiation cycle (`type L[T any] struct{ next
    /// *L[[]T] }` would expand forever); the checker reports it (`instcycle`).
    pub cut_instance: Option<TypeId>,
    /// Generic types declared inside generic functions: origin -> how many leading type
    /// parameters are the enclosing function's (implicit: `Box[U]` is `Box[T;U]`, gc prints
    /// `main.Box[int;string]`).
    pub implicit_tparams: HashMap<TypeId, usize>,
    /// Function-local defined types (origins) -> their number among the package's local type
    /// declarations in source order (gc's vargen `·N`, printed inside type-argument lists).
    pub local_gen: HashMap<TypeId, u32>,
    /// The name of the package being checked: its types print unqualified in error messages
    /// (as types2 qualifies relative to the current package).
    pub local_pkg: String,
    /// The path of the package being checked (`main` for the main package): the qualifier of the
    /// unexported names it declares and the package from which selectors look names up.
    pub local_path: String,
}

/// A substitution of type parameters by types.
pub type SubstMap = HashMap<TypeId, TypeId>;

macro_rules! predeclared {
    ($($name:ident = $idx:expr, $kind:ident;)*) => {
        impl TypeTable {
            $(pub const $name: TypeId = TypeId($idx);)*
            const BASICS: &'static [BasicKind] = &[$(BasicKind::$kind,)*];
        }
    };
}

predeclared! {
    INVALID = 0, Invalid;
    BOOL = 1, Bool;
    INT = 2, Int;
    INT8 = 3, Int8;
    INT16 = 4, Int16;
    INT32 = 5, Int32;
    INT64 = 6, Int64;
    UINT = 7, Uint;
    UINT8 = 8, Uint8;
    UINT16 = 9, Uint16;
    UINT32 = 10, Uint32;
    UINT64 = 11, Uint64;
    UINTPTR = 12, Uintptr;
    FLOAT32 = 13, Float32;
    FLOAT64 = 14, Float64;
    STRING = 15, String;
    UNSAFE_POINTER = 16, UnsafePointer;
    UNTYPED_BOOL = 17, UntypedBool;
    UNTYPED_INT = 18, UntypedInt;
    UNTYPED_RUNE = 19, UntypedRune;
    UNTYPED_FLOAT = 20, UntypedFloat;
    UNTYPED_STRING = 21, UntypedString;
    UNTYPED_NIL = 22, UntypedNil;
}

impl TypeTable {
    /// `interface {}` (also `any`).
    pub const EMPTY_INTERFACE: TypeId = TypeId(23);
    /// The predeclared named interface `error` (`interface { Error() string }`).
    pub const ERROR: TypeId = TypeId(24);
    /// The complex kinds (interned after `error`, so the older fixed ids stay put).
    pub const COMPLEX64: TypeId = TypeId(25);
    pub const COMPLEX128: TypeId = TypeId(26);
    pub const UNTYPED_COMPLEX: TypeId = TypeId(27);
    /// `byte` is an alias of `uint8`, `rune` of `int32`.
    pub const BYTE: TypeId = Self::UINT8;
    pub const RUNE: TypeId = Self::INT32;

    /// A table holding the predeclared types at their fixed ids. The `error` type's `Error` method
    /// has no function object (`ObjId::reserved_value()`): it is only ever called dynamically.
    pub fn new() -> TypeTable {
        let mut t = TypeTable {
            types: PrimaryMap::new(),
            interned: HashMap::new(),
            layouts: Vec::new(),
            instances: HashMap::new(),
            pending: Vec::new(),
            cut_instance: None,
            implicit_tparams: HashMap::new(),
            local_gen: HashMap::new(),
            local_pkg: "main".to_string(),
            local_path: "main".to_string(),
        };
        for &k in Self::BASICS {
            t.intern(Type::Basic(k));
        }
        let empty = t.intern(Type::Interface { methods: vec![] });
        debug_assert_eq!(empty, Self::EMPTY_INTERFACE);
        let err = t.new_named("error", "", None);
        debug_assert_eq!(err, Self::ERROR);
        for (k, id) in [(BasicKind::Complex64, Self::COMPLEX64), (BasicKind::Complex128, Self::COMPLEX128), (BasicKind::UntypedComplex, Self::UNTYPED_COMPLEX)] {
            let got = t.intern(Type::Basic(k));
            debug_assert_eq!(got, id);
        }
        let sig = t.func(vec![], vec![Self::STRING], false);
        let under = t.intern(Type::Interface { methods: vec![IMethod { name: "Error".into(), sig, pkg: String::new() }] });
        t.set_underlying(err, under);
        t
    }

    /// The interned id of an unnamed type (creating it if new). Do not pass `Type::Named`.
    pub fn intern(&mut self, ty: Type) -> TypeId {
        debug_assert!(!matches!(ty, Type::Named(_)));
        if let Some(&id) = self.interned.get(&ty) {
            return id;
        }
        let id = self.types.push(ty.clone());
        self.interned.insert(ty, id);
        id
    }

    /// A fresh named type with an unset (invalid) underlying type and no methods.
    pub fn new_named(&mut self, name: &str, pkg: &str, obj: Option<ObjId>) -> TypeId {
        // Types are declared by the package being checked (or are predeclared).
        let path = if pkg == self.local_pkg { self.local_path.clone() } else { pkg.to_string() };
        self.types.push(Type::Named(Named {
            name: name.to_string(),
            pkg: pkg.to_string(),
            path,
            obj,
            underlying: Self::INVALID,
            methods: vec![],
            tparams: vec![],
            origin: None,
            targs: vec![],
        }))
    }

    /// Sets a named type's underlying type (its underlying, if `under` is itself named). For a
    /// generic type, instances created before this point get their underlying types now.
    pub fn set_underlying(&mut self, named: TypeId, under: TypeId) {
        let u = match &self.types[under] {
            Type::Named(n) => n.underlying,
            _ => under,
        };
        if let Type::Named(n) = &mut self.types[named] {
            n.underlying = u;
        }
        self.expand_pending();
    }

    /// Adds a method to a named type; returns its index in `Named::methods`. A method of a generic
    /// type is also added (substituted) to every instance created so far.
    pub fn add_method(&mut self, named: TypeId, m: Method) -> u32 {
        let insts: Vec<TypeId> = match &self.types[named] {
            Type::Named(n) if !n.tparams.is_empty() => {
                self.instances.iter().filter(|((o, _), _)| *o == named).map(|(_, &i)| i).collect()
            }
            _ => vec![],
        };
        for i in insts {
            let map = self.instance_map(i);
            let sig = self.subst(m.sig, &map);
            if let Type::Named(n) = &mut self.types[i] {
                n.methods.push(Method { sig, ..m.clone() });
            }
        }
        match &mut self.types[named] {
            Type::Named(n) => {
                n.methods.push(m);
                (n.methods.len() - 1) as u32
            }
            _ => u32::MAX,
        }
    }

    // ----- generics -------------------------------------------------------------------------------

    /// A fresh type parameter (its constraint set later with [`TypeTable::set_constraint`]).
    pub fn new_type_param(&mut self, name: &str, index: u32) -> TypeId {
        self.types.push(Type::TypeParam(TypeParam {
            name: name.to_string(),
            index,
            constraint: Self::INVALID,
            core: Self::INVALID,
        }))
    }

    /// Sets a type parameter's constraint and computes its core type.
    pub fn set_constraint(&mut self, tp: TypeId, constraint: TypeId) {
        let core = self.core_of_constraint(constraint);
        if let Type::TypeParam(p) = &mut self.types[tp] {
            p.constraint = constraint;
            p.core = core;
        }
    }

    /// The core type of a constraint's type set: the single underlying type of all its terms.
    fn core_of_constraint(&self, c: TypeId) -> TypeId {
        let Type::Constraint { terms: Some(terms), .. } = &self.types[c] else { return Self::INVALID };
        let mut core = None;
        for term in terms {
            let u = self.underlying(term.ty);
            if matches!(self.types[u], Type::TypeParam(_)) {
                return Self::INVALID;
            }
            match core {
                None => core = Some(u),
                Some(c) if c == u => {}
                Some(_) => return Self::INVALID,
            }
        }
        core.unwrap_or(Self::INVALID)
    }

    /// types2's `coreString`: the core type of `t`, except that a type parameter whose terms'
    /// underlying types are all `string` or `[]byte` (a "bytestring" set, with at least one
    /// string) has core string `string`. Slicing uses it: `s[i:j]` of such a `T` is a `T`.
    pub fn core_string(&self, t: TypeId) -> TypeId {
        let Type::TypeParam(p) = &self.types[t] else { return self.underlying(t) };
        if p.core != Self::INVALID {
            return p.core;
        }
        let Type::Constraint { terms: Some(terms), .. } = &self.types[p.constraint] else { return t };
        let bytes = self.interned.get(&Type::Slice(Self::BYTE)).copied();
        let mut has_string = false;
        for term in terms {
            let u = self.underlying(term.ty);
            match &self.types[u] {
                Type::Basic(k) if k.is_string() && !matches!(k, BasicKind::UntypedString) => has_string = true,
                _ if Some(u) == bytes => {}
                _ => return t,
            }
        }
        if has_string && !terms.is_empty() { Self::STRING } else { t }
    }

    pub fn type_param(&self, t: TypeId) -> Option<&TypeParam> {
        match &self.types[t] {
            Type::TypeParam(p) => Some(p),
            _ => None,
        }
    }

    pub fn is_type_param(&self, t: TypeId) -> bool {
        matches!(self.types[t], Type::TypeParam(_))
    }

    /// Marks a named type as generic with these type parameters.
    pub fn set_tparams(&mut self, named: TypeId, tparams: Vec<TypeId>) {
        if let Type::Named(n) = &mut self.types[named] {
            n.tparams = tparams;
        }
    }

    /// The type parameters of a generic named type (empty if not generic).
    pub fn tparams_of(&self, t: TypeId) -> &[TypeId] {
        match &self.types[t] {
            Type::Named(n) => &n.tparams,
            _ => &[],
        }
    }

    /// The substitution origin tparams -> targs of an instance (empty for other types).
    pub fn instance_map(&self, inst: TypeId) -> SubstMap {
        let Some(n) = self.named(inst) else { return SubstMap::new() };
        let Some(o) = n.origin else { return SubstMap::new() };
        self.tparams_of(o).iter().copied().zip(n.targs.iter().copied()).collect()
    }

    /// The instance `origin[targs]` (interned: equal arguments give the same id). Its underlying
    /// type and methods are the origin's, substituted.
    pub fn instantiate(&mut self, origin: TypeId, targs: Vec<TypeId>) -> TypeId {
        let key = (origin, targs);
        if let Some(&t) = self.instances.get(&key) {
            return t;
        }
        let (origin, targs) = key;
        let n = self.named(origin).cloned().expect("generic origin is named");
        let inst = self.types.push(Type::Named(Named {
            name: n.name.clone(),
            pkg: n.pkg.clone(),
            path: n.path.clone(),
            obj: n.obj,
            underlying: Self::INVALID,
            methods: vec![],
            tparams: vec![],
            origin: Some(origin),
            targs: targs.clone(),
        }));
        let deep = targs.iter().any(|&t| self.nesting_depth(t, 0) > Self::MAX_INSTANCE_DEPTH);
        self.instances.insert((origin, targs), inst);
        if deep {
            self.cut_instance.get_or_insert(inst);
            return inst;
        }
        let map = self.instance_map(inst);
        let methods: Vec<Method> =
            n.methods.iter().map(|m| Method { sig: self.subst(m.sig, &map), ..m.clone() }).collect();
        if let Type::Named(x) = &mut self.types[inst] {
            x.methods = methods;
        }
        self.pending.push(inst);
        self.expand_pending();
        inst
    }

    /// Type arguments of a generic type's instance nested deeper than this are taken for an
    /// instantiation cycle (source code nests a few levels; a cycle grows one level per step).
    pub const MAX_INSTANCE_DEPTH: u32 = 100;

    /// How deeply type `t` nests types (`[][]*T` is 3 below `d`), counted up to just past
    /// [`Self::MAX_INSTANCE_DEPTH`].
    fn nesting_depth(&self, t: TypeId, d: u32) -> u32 {
        if d > Self::MAX_INSTANCE_DEPTH {
            return d;
        }
        let max = |ts: &mut dyn Iterator<Item = TypeId>| ts.map(|a| self.nesting_depth(a, d + 1)).max().unwrap_or(d);
        match &self.types[t] {
            Type::Pointer(e) | Type::Slice(e) | Type::Array { elem: e, .. } | Type::Chan { elem: e, .. } => self.nesting_depth(*e, d + 1),
            Type::Map { key, val } => max(&mut [*key, *val].into_iter()),
            Type::Named(n) => max(&mut n.targs.iter().copied()),
            Type::Func(s) => max(&mut s.params.iter().chain(&s.results).copied()),
            Type::Struct { fields } => max(&mut fields.iter().map(|f| f.ty)),
            _ => d,
        }
    }

    /// Gives pending instances their underlying types once their origins have one.
    fn expand_pending(&mut self) {
        loop {
            let ready = self.pending.iter().position(|&i| {
                let o = self.named(i).and_then(|n| n.origin).unwrap_or(Self::INVALID);
                self.named(o).is_some_and(|n| n.underlying != Self::INVALID)
            });
            let Some(pos) = ready else { return };
            let inst = self.pending.swap_remove(pos);
            let o = self.named(inst).and_then(|n| n.origin).unwrap_or(Self::INVALID);
            let ou = self.named(o).map(|n| n.underlying).unwrap_or(Self::INVALID);
            let map = self.instance_map(inst);
            let u = self.subst(ou, &map);
            let u = self.underlying(u);
            if let Type::Named(n) = &mut self.types[inst] {
                n.underlying = u;
            }
        }
    }

    /// Every instance of a generic type created so far.
    pub fn all_instances(&self) -> Vec<TypeId> {
        let mut v: Vec<TypeId> = self.instances.values().copied().collect();
        v.sort();
        v
    }

    /// types2's `hasVarSize`: the size of `t` depends on a type argument (a type parameter, or an
    /// array or struct containing one); `unsafe.Sizeof`/`Alignof`/`Offsetof` of such a type are
    /// values computed per instance, not constants.
    pub fn has_var_size(&self, t: TypeId) -> bool {
        self.has_var_size_depth(t, 0)
    }
    fn has_var_size_depth(&self, t: TypeId, d: u32) -> bool {
        if d > 64 {
            return false;
        }
        match &self.types[t] {
            Type::TypeParam(_) => true,
            Type::Named(n) if !n.targs.is_empty() => {
                n.targs.iter().any(|&a| self.has_tparams(a)) && self.has_var_size_depth(self.underlying(t), d + 1)
            }
            Type::Array { elem, .. } => self.has_var_size_depth(*elem, d + 1),
            Type::Struct { fields } => fields.iter().any(|f| self.has_var_size_depth(f.ty, d + 1)),
            _ => false,
        }
    }

    /// True if `t` mentions a type parameter.
    pub fn has_tparams(&self, t: TypeId) -> bool {
        self.has_tparams_depth(t, 0)
    }
    fn has_tparams_depth(&self, t: TypeId, d: u32) -> bool {
        if d > 64 {
            return false;
        }
        let d = d + 1;
        match &self.types[t] {
            Type::TypeParam(_) => true,
            Type::Basic(_) => false,
            Type::Named(n) => n.targs.iter().any(|&a| self.has_tparams_depth(a, d)),
            Type::Pointer(e) | Type::Slice(e) | Type::Array { elem: e, .. } | Type::Chan { elem: e, .. } => {
                self.has_tparams_depth(*e, d)
            }
            Type::Map { key, val } => self.has_tparams_depth(*key, d) || self.has_tparams_depth(*val, d),
            Type::Struct { fields } => fields.iter().any(|f| self.has_tparams_depth(f.ty, d)),
            Type::Func(s) => s.params.iter().chain(&s.results).any(|&p| self.has_tparams_depth(p, d)),
            Type::Interface { methods } => methods.iter().any(|m| self.has_tparams_depth(m.sig, d)),
            Type::Tuple(v) => v.iter().any(|&p| self.has_tparams_depth(p, d)),
            Type::Constraint { methods, terms, .. } => {
                methods.iter().any(|m| self.has_tparams_depth(m.sig, d))
                    || terms.iter().flatten().any(|x| self.has_tparams_depth(x.ty, d))
            }
        }
    }

    /// `t` with the type parameters in `map` replaced (interning the results).
    pub fn subst(&mut self, t: TypeId, map: &SubstMap) -> TypeId {
        if map.is_empty() {
            return t;
        }
        self.subst_depth(t, map, 0)
    }
    fn subst_depth(&mut self, t: TypeId, map: &SubstMap, d: u32) -> TypeId {
        if d > 64 {
            return t;
        }
        let d = d + 1;
        let ty = self.types[t].clone();
        match ty {
            Type::TypeParam(_) => map.get(&t).copied().unwrap_or(t),
            Type::Basic(_) => t,
            Type::Named(n) => match n.origin {
                Some(o) if n.targs.iter().any(|&a| self.has_tparams(a)) => {
                    let targs: Vec<TypeId> = n.targs.iter().map(|&a| self.subst_depth(a, map, d)).collect();
                    self.instantiate(o, targs)
                }
                _ => t,
            },
            Type::Pointer(e) => {
                let e = self.subst_depth(e, map, d);
                self.pointer(e)
            }
            Type::Chan { dir, elem } => {
                let e = self.subst_depth(elem, map, d);
                self.chan(dir, e)
            }
            Type::Slice(e) => {
                let e = self.subst_depth(e, map, d);
                self.slice(e)
            }
            Type::Array { len, elem } => {
                let e = self.subst_depth(elem, map, d);
                self.array(len, e)
            }
            Type::Map { key, val } => {
                let k = self.subst_depth(key, map, d);
                let v = self.subst_depth(val, map, d);
                self.map(k, v)
            }
            Type::Struct { mut fields } => {
                for f in &mut fields {
                    f.ty = self.subst_depth(f.ty, map, d);
                }
                self.intern(Type::Struct { fields })
            }
            Type::Func(s) => {
                let params = s.params.iter().map(|&p| self.subst_depth(p, map, d)).collect();
                let results = s.results.iter().map(|&p| self.subst_depth(p, map, d)).collect();
                self.func(params, results, s.variadic)
            }
            Type::Interface { mut methods } => {
                for m in &mut methods {
                    m.sig = self.subst_depth(m.sig, map, d);
                }
                self.intern(Type::Interface { methods })
            }
            Type::Tuple(v) => {
                let v = v.iter().map(|&p| self.subst_depth(p, map, d)).collect();
                self.tuple(v)
            }
            Type::Constraint { mut methods, mut terms, comparable } => {
                for m in &mut methods {
                    m.sig = self.subst_depth(m.sig, map, d);
                }
                for x in terms.iter_mut().flatten() {
                    x.ty = self.subst_depth(x.ty, map, d);
                }
                self.intern(Type::Constraint { methods, terms, comparable })
            }
        }
    }

    /// Like [`TypeTable::subst`] but without creating types: `None` if the result was never
    /// interned (the monomorphizer interns every type an instance's code needs beforehand).
    /// The id of `[]elem` if the program interned it (never creates a type).
    pub fn existing_slice(&self, elem: TypeId) -> Option<TypeId> {
        self.interned.get(&Type::Slice(elem)).copied()
    }

    /// The id of `*elem` if the program interned it (never creates a type).
    pub fn existing_pointer(&self, elem: TypeId) -> Option<TypeId> {
        self.interned.get(&Type::Pointer(elem)).copied()
    }

    pub fn subst_existing(&self, t: TypeId, map: &SubstMap) -> Option<TypeId> {
        if map.is_empty() || !self.has_tparams(t) {
            return Some(t);
        }
        self.subst_existing_depth(t, map, 0)
    }
    fn subst_existing_depth(&self, t: TypeId, map: &SubstMap, d: u32) -> Option<TypeId> {
        if d > 64 {
            return None;
        }
        let d = d + 1;
        let look = |ty: Type| self.interned.get(&ty).copied();
        match &self.types[t] {
            Type::TypeParam(_) => Some(map.get(&t).copied().unwrap_or(t)),
            Type::Basic(_) => Some(t),
            Type::Named(n) => match n.origin {
                Some(o) if n.targs.iter().any(|&a| self.has_tparams(a)) => {
                    let targs: Option<Vec<TypeId>> =
                        n.targs.iter().map(|&a| self.subst_existing_depth(a, map, d)).collect();
                    self.instances.get(&(o, targs?)).copied()
                }
                _ => Some(t),
            },
            Type::Pointer(e) => look(Type::Pointer(self.subst_existing_depth(*e, map, d)?)),
            Type::Chan { dir, elem } => look(Type::Chan { dir: *dir, elem: self.subst_existing_depth(*elem, map, d)? }),
            Type::Slice(e) => look(Type::Slice(self.subst_existing_depth(*e, map, d)?)),
            Type::Array { len, elem } => {
                look(Type::Array { len: *len, elem: self.subst_existing_depth(*elem, map, d)? })
            }
            Type::Map { key, val } => look(Type::Map {
                key: self.subst_existing_depth(*key, map, d)?,
                val: self.subst_existing_depth(*val, map, d)?,
            }),
            Type::Struct { fields } => {
                let mut fields = fields.clone();
                for f in &mut fields {
                    f.ty = self.subst_existing_depth(f.ty, map, d)?;
                }
                look(Type::Struct { fields })
            }
            Type::Func(s) => {
                let params: Option<Vec<TypeId>> = s.params.iter().map(|&p| self.subst_existing_depth(p, map, d)).collect();
                let results: Option<Vec<TypeId>> =
                    s.results.iter().map(|&p| self.subst_existing_depth(p, map, d)).collect();
                look(Type::Func(Signature { params: params?, results: results?, variadic: s.variadic }))
            }
            Type::Interface { methods } => {
                let mut methods = methods.clone();
                for m in &mut methods {
                    m.sig = self.subst_existing_depth(m.sig, map, d)?;
                }
                look(Type::Interface { methods })
            }
            Type::Tuple(v) => {
                let v: Option<Vec<TypeId>> = v.iter().map(|&p| self.subst_existing_depth(p, map, d)).collect();
                look(Type::Tuple(v?))
            }
            Type::Constraint { .. } => Some(t),
        }
    }

    pub fn pointer(&mut self, elem: TypeId) -> TypeId {
        self.intern(Type::Pointer(elem))
    }
    pub fn slice(&mut self, elem: TypeId) -> TypeId {
        self.intern(Type::Slice(elem))
    }
    pub fn array(&mut self, len: u64, elem: TypeId) -> TypeId {
        self.intern(Type::Array { len, elem })
    }
    pub fn map(&mut self, key: TypeId, val: TypeId) -> TypeId {
        self.intern(Type::Map { key, val })
    }
    pub fn chan(&mut self, dir: ChanDir, elem: TypeId) -> TypeId {
        self.intern(Type::Chan { dir, elem })
    }
    pub fn func(&mut self, params: Vec<TypeId>, results: Vec<TypeId>, variadic: bool) -> TypeId {
        self.intern(Type::Func(Signature { params, results, variadic }))
    }
    pub fn tuple(&mut self, elems: Vec<TypeId>) -> TypeId {
        self.intern(Type::Tuple(elems))
    }
    /// An interface type from its (possibly unsorted, duplicate-free) complete method list.
    pub fn interface(&mut self, mut methods: Vec<IMethod>) -> TypeId {
        // gc's order (types.CompareSyms): exported first, then by name; itabs follow it.
        methods.sort_by(|a, b| gojit_runtime::abi::build::method_order(&a.name, &b.name));
        self.intern(Type::Interface { methods })
    }

    /// The type with this id.
    pub fn get(&self, t: TypeId) -> &Type {
        &self.types[t]
    }

    /// Interns `*T` for every defined non-pointer type `T` without type parameters: gc writes
    /// `*T`'s descriptor with `T`'s (`reflectdata.dcommontype`: `PtrToThis`), so reflect's
    /// `PointerTo(T)` and `Value.Addr()` find the method set of `*T` (encoding/json calls the
    /// `MarshalJSON` of a slice element through `Addr()`; go1.21 test `reflectmethod7.go`), even
    /// when the program never names `*T`.
    pub fn intern_pointers_to_named(&mut self) {
        for i in 0..self.types.len() {
            let t = TypeId(i as u32);
            let defined = matches!(self.types[t], Type::Named(_));
            if defined && !self.has_tparams(t) && !matches!(self.under(t), Type::Pointer(_) | Type::Constraint { .. }) {
                self.pointer(t);
            }
        }
    }

    /// Number of types (ids are `0..len`).
    pub fn len(&self) -> usize {
        self.types.len()
    }

    /// Go's underlying type: the type itself unless named.
    /// For a type parameter: its core type if it has one, else the type parameter itself (so
    /// operations defined by a core type check as on that type; see `types/generic.rs`).
    pub fn underlying(&self, t: TypeId) -> TypeId {
        match &self.types[t] {
            Type::Named(n) => n.underlying,
            Type::TypeParam(p) if p.core != Self::INVALID => p.core,
            _ => t,
        }
    }
    /// The underlying [`Type`].
    pub fn under(&self, t: TypeId) -> &Type {
        &self.types[self.underlying(t)]
    }
    /// The named type's data, if `t` is named.
    pub fn named(&self, t: TypeId) -> Option<&Named> {
        match &self.types[t] {
            Type::Named(n) => Some(n),
            _ => None,
        }
    }
    /// The basic kind of the underlying type, if basic.
    pub fn basic(&self, t: TypeId) -> Option<BasicKind> {
        match self.under(t) {
            Type::Basic(k) => Some(*k),
            _ => None,
        }
    }
    pub fn is_named(&self, t: TypeId) -> bool {
        matches!(self.types[t], Type::Named(_))
    }
    /// go/types' `hasName`: predeclared (basic) types are named types too, for assignability
    /// ("at least one of V or T is not a named type").
    pub fn has_name(&self, t: TypeId) -> bool {
        matches!(self.types[t], Type::Named(_) | Type::Basic(_))
    }
    pub fn is_interface(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Interface { .. })
    }
    pub fn is_untyped(&self, t: TypeId) -> bool {
        matches!(self.types[t], Type::Basic(k) if k.is_untyped())
    }
    /// Element type of a pointer's underlying type.
    pub fn pointer_elem(&self, t: TypeId) -> Option<TypeId> {
        match self.under(t) {
            Type::Pointer(e) => Some(*e),
            _ => None,
        }
    }
    /// Signature of a func type (underlying).
    pub fn signature(&self, t: TypeId) -> Option<&Signature> {
        match self.under(t) {
            Type::Func(s) => Some(s),
            _ => None,
        }
    }
    /// Struct fields (underlying), empty for non-structs.
    pub fn struct_fields(&self, t: TypeId) -> &[Field] {
        match self.under(t) {
            Type::Struct { fields } => fields,
            _ => &[],
        }
    }
    /// Interface methods (underlying, sorted by name), empty for non-interfaces.
    pub fn interface_methods(&self, t: TypeId) -> &[IMethod] {
        match self.under(t) {
            Type::Interface { methods } => methods,
            _ => &[],
        }
    }
    /// The elements of a tuple, or `[t]` for any other type.
    pub fn tuple_elems(&self, t: TypeId) -> Vec<TypeId> {
        match &self.types[t] {
            Type::Tuple(v) => v.clone(),
            _ => vec![t],
        }
    }

    /// The default type of an untyped kind (`untyped int` -> `int`, `untyped rune` -> `int32`,
    /// `untyped float` -> `float64`, ...); other types unchanged.
    pub fn default_type(&self, t: TypeId) -> TypeId {
        match self.types[t] {
            Type::Basic(BasicKind::UntypedBool) => Self::BOOL,
            Type::Basic(BasicKind::UntypedInt) => Self::INT,
            Type::Basic(BasicKind::UntypedRune) => Self::INT32,
            Type::Basic(BasicKind::UntypedFloat) => Self::FLOAT64,
            Type::Basic(BasicKind::UntypedComplex) => Self::COMPLEX128,
            Type::Basic(BasicKind::UntypedString) => Self::STRING,
            _ => t,
        }
    }

    // ----- comparability ---------------------------------------------------------------------

    /// Go's comparability (`==` defined): not slices, maps, funcs, nor structs/arrays containing
    /// them. Interfaces are comparable (may panic at run time).
    pub fn is_comparable(&self, t: TypeId) -> bool {
        self.comparable_depth(t, 0)
    }
    fn comparable_depth(&self, t: TypeId, depth: u32) -> bool {
        if depth > crate::limits::NESTING_BUDGET {
            return false;
        }
        match self.under(t) {
            Type::Slice(_) | Type::Map { .. } | Type::Func(_) | Type::Tuple(_) => false,
            Type::Basic(BasicKind::UntypedNil) => false,
            Type::Struct { fields } => fields.iter().all(|f| self.comparable_depth(f.ty, depth + 1)),
            Type::Array { elem, .. } => self.comparable_depth(*elem, depth + 1),
            _ => true,
        }
    }

    /// True if a value of this type may be compared with `nil`.
    pub fn has_nil(&self, t: TypeId) -> bool {
        matches!(
            self.under(t),
            Type::Pointer(_)
                | Type::Slice(_)
                | Type::Map { .. }
                | Type::Chan { .. }
                | Type::Func(_)
                | Type::Interface { .. }
                | Type::Basic(BasicKind::UnsafePointer)
                | Type::Basic(BasicKind::UntypedNil)
        )
    }

    // ----- layout -------------------------------------------------------------------------------

    /// Computes and caches every type's layout. The checker calls this once all named types are
    /// complete; afterwards [`TypeTable::layout`] is a table lookup and types interned later are
    /// laid out on demand.
    pub fn finalize_layouts(&mut self) {
        let n = self.types.len();
        self.layouts = vec![None; n];
        for i in 0..n {
            let t = TypeId(i as u32);
            let l = self.compute_layout(t, 0);
            self.layouts[i] = Some(l);
        }
    }

    /// Size and alignment of a value of type `t` (see the module docs).
    pub fn layout(&self, t: TypeId) -> Layout {
        if let Some(Some(l)) = self.layouts.get(t.0 as usize) {
            return *l;
        }
        self.compute_layout(t, 0)
    }
    pub fn size_of(&self, t: TypeId) -> u64 {
        self.layout(t).size
    }
    pub fn align_of(&self, t: TypeId) -> u64 {
        self.layout(t).align
    }

    fn compute_layout(&self, t: TypeId, depth: u32) -> Layout {
        if let Some(Some(l)) = self.layouts.get(t.0 as usize) {
            return *l;
        }
        if depth > crate::limits::NESTING_BUDGET {
            return Layout { size: 0, align: 1 };
        }
        match &self.types[t] {
            Type::Basic(k) => {
                let (size, align) = k.layout();
                Layout { size, align }
            }
            Type::Named(n) => self.compute_layout(n.underlying, depth + 1),
            Type::Pointer(_) | Type::Map { .. } | Type::Chan { .. } | Type::Func(_) => Layout { size: 8, align: 8 },
            Type::Slice(_) => Layout { size: 24, align: 8 },
            Type::Interface { .. } => Layout { size: 16, align: 8 },
            Type::TypeParam(_) | Type::Constraint { .. } => Layout { size: 0, align: 1 },
            Type::Array { len, elem } => {
                let e = self.compute_layout(*elem, depth + 1);
                Layout { size: e.size.saturating_mul(*len), align: e.align }
            }
            Type::Struct { fields } => {
                let (offsets, l) = self.struct_layout(fields, depth);
                drop(offsets);
                l
            }
            Type::Tuple(elems) => {
                let fields: Vec<Field> = elems
                    .iter()
                    .map(|&ty| Field { name: String::new(), ty, embedded: false, tag: None, pkg: String::new() })
                    .collect();
                self.struct_layout(&fields, depth).1
            }
        }
    }

    fn struct_layout(&self, fields: &[Field], depth: u32) -> (Vec<u64>, Layout) {
        let mut off: u64 = 0;
        let mut align: u64 = 1;
        let mut offsets = Vec::with_capacity(fields.len());
        for f in fields {
            let l = self.compute_layout(f.ty, depth + 1);
            off = round_up(off, l.align);
            offsets.push(off);
            off = off.saturating_add(l.size);
            align = align.max(l.align);
        }
        // gc pads a struct whose final field is zero-sized (so &last does not point past the end).
        if let Some(last) = fields.last() {
            if off > 0 && self.compute_layout(last.ty, depth + 1).size == 0 {
                off = off.saturating_add(1);
            }
        }
        (offsets, Layout { size: round_up(off, align), align })
    }

    /// Byte offsets of the fields of a struct type (underlying), in declaration order.
    pub fn field_offsets(&self, t: TypeId) -> Vec<u64> {
        match self.under(t) {
            Type::Struct { fields } => self.struct_layout(fields, 0).0,
            _ => vec![],
        }
    }
    /// Byte offset of field `index` of a struct type.
    pub fn field_offset(&self, t: TypeId, index: usize) -> u64 {
        self.field_offsets(t).get(index).copied().unwrap_or(0)
    }

    // ----- method sets and selectors -----------------------------------------------------------

    /// Finds field or method `name` on a value of type `t` following Go's selector rules: depth
    /// by depth through embedded fields (breadth first), auto-dereferencing one pointer level on
    /// `t` and on embedded pointer fields. A method's `indirect` says a pointer was dereferenced on
    /// the way (or `t` itself is a pointer).
    pub fn lookup_field_or_method(&self, t: TypeId, name: &str) -> Lookup {
        self.lookup_in(t, name, &self.local_path)
    }

    /// The qualifier of `name` declared in (or looked up from) the package at `path`: `path` for
    /// an unexported name, empty for an exported one (types2's `Id`).
    pub fn qualifier(name: &str, path: &str) -> String {
        if gojit_runtime::abi::build::is_exported(name) { String::new() } else { path.to_string() }
    }

    /// [`TypeTable::qualifier`] for the package being checked.
    pub fn local_qualifier(&self, name: &str) -> String {
        Self::qualifier(name, &self.local_path)
    }

    /// [`TypeTable::lookup_field_or_method`] from the package at `from`: an unexported name
    /// matches only the members declared in that package.
    pub fn lookup_in(&self, t: TypeId, name: &str, from: &str) -> Lookup {
        self.lookup_qualified(t, name, Some(&Self::qualifier(name, from)))
    }

    /// [`TypeTable::lookup_field_or_method`] for code that holds no package (the lowering of a
    /// selector the checker resolved): a name of any package matches.
    pub fn lookup_any_pkg(&self, t: TypeId, name: &str) -> Lookup {
        self.lookup_qualified(t, name, None)
    }

    /// The lookup: members named `name` whose qualifier is `q` (any qualifier when None).
    fn lookup_qualified(&self, t: TypeId, name: &str, q: Option<&str>) -> Lookup {
        let same = |qual: &str| q.is_none_or(|q| q == qual);
        if name == "_" {
            return Lookup::NotFound;
        }
        // A pointer to a named pointer type has no methods; `*T` where T is named: look in T.
        let (start, mut indirect0) = match &self.types[t] {
            Type::Pointer(e) => (*e, true),
            Type::Named(_) => match self.under(t) {
                // Named pointer types: fields of the pointee are accessible, methods are not.
                Type::Pointer(e) => {
                    // `type PP **S`: (*x).f would need a second implicit dereference.
                    if matches!(self.under(*e), Type::Pointer(_)) {
                        return Lookup::NotFound;
                    }
                    return match self.lookup_qualified(*e, name, q) {
                        f @ Lookup::Field { .. } => f,
                        _ => Lookup::NotFound,
                    };
                }
                _ => (t, false),
            },
            _ => (t, false),
        };
        if matches!(self.types[start], Type::Pointer(_)) {
            // **T: no auto-deref twice.
            return Lookup::NotFound;
        }
        // Breadth-first over embedded types.
        struct Entry {
            ty: TypeId,
            path: Vec<u32>,
            indirect: bool,
        }
        let mut current = vec![Entry { ty: start, path: vec![], indirect: indirect0 }];
        let mut seen: Vec<TypeId> = vec![];
        for _depth in 0..32 {
            if current.is_empty() {
                break;
            }
            let mut found: Option<Lookup> = None;
            let mut count = 0;
            let mut next = vec![];
            // go/types' consolidateMultiples: the same named type reached twice at this depth
            // is one entry whose finds are ambiguous (types seen at a shallower depth shadow it).
            let mut multiples: Vec<TypeId> = vec![];
            let mut at_depth: Vec<TypeId> = vec![];
            for e in &current {
                if matches!(self.types[e.ty], Type::Named(_)) && !seen.contains(&e.ty) {
                    if at_depth.contains(&e.ty) {
                        multiples.push(e.ty);
                    } else {
                        at_depth.push(e.ty);
                    }
                }
            }
            for e in &current {
                if multiples.contains(&e.ty) && !seen.contains(&e.ty) && self.has_member(e.ty, name) {
                    count += 1;
                }
                if let Type::Named(n) = &self.types[e.ty] {
                    if seen.contains(&e.ty) {
                        continue;
                    }
                    seen.push(e.ty);
                    if let Some(i) = n.methods.iter().position(|m| m.name == name && same(&Self::qualifier(&m.name, &n.path))) {
                        count += 1;
                        found = Some(Lookup::Method {
                            path: e.path.clone(),
                            named: e.ty,
                            index: i as u32,
                            indirect: e.indirect,
                        });
                        continue;
                    }
                }
                match self.under(e.ty) {
                    Type::Struct { fields } => {
                        for (i, f) in fields.iter().enumerate() {
                            let mut path = e.path.clone();
                            path.push(i as u32);
                            if f.name == name && same(&f.pkg) {
                                count += 1;
                                found = Some(Lookup::Field { path: path.clone(), ty: f.ty, indirect: e.indirect });
                            }
                            if f.embedded {
                                let (ty, ind) = match &self.types[f.ty] {
                                    Type::Pointer(p) => (*p, true),
                                    _ => (f.ty, false),
                                };
                                next.push(Entry { ty, path, indirect: e.indirect || ind });
                            }
                        }
                    }
                    Type::Interface { methods } => {
                        if let Some(i) = methods.iter().position(|m| m.name == name && same(&m.pkg)) {
                            count += 1;
                            found = Some(Lookup::InterfaceMethod {
                                path: e.path.clone(),
                                iface: e.ty,
                                index: i as u32,
                                indirect: e.indirect,
                            });
                        }
                    }
                    _ => {}
                }
            }
            if count > 1 {
                return Lookup::Ambiguous;
            }
            if let Some(f) = found {
                return f;
            }
            current = next;
            indirect0 = false;
            let _ = indirect0;
        }
        Lookup::NotFound
    }

    /// Whether `t` itself (not through embedding) declares a field or method `name`.
    fn has_member(&self, t: TypeId, name: &str) -> bool {
        if self.named(t).is_some_and(|n| n.methods.iter().any(|m| m.name == name)) {
            return true;
        }
        match self.under(t) {
            Type::Struct { fields } => fields.iter().any(|f| f.name == name),
            Type::Interface { methods } => methods.iter().any(|m| m.name == name),
            _ => false,
        }
    }

    /// The signature type of a looked-up method (without receiver).
    pub fn method_sig(&self, l: &Lookup) -> Option<TypeId> {
        match l {
            Lookup::Method { named, index, .. } => {
                self.named(*named).and_then(|n| n.methods.get(*index as usize)).map(|m| m.sig)
            }
            Lookup::InterfaceMethod { iface, index, .. } => {
                self.interface_methods(*iface).get(*index as usize).map(|m| m.sig)
            }
            _ => None,
        }
    }

    /// Whether `t` implements interface `iface` (Go's method-set rules: a value of named type `T`
    /// has only value-receiver methods, `*T` has both; promoted methods through embedded fields
    /// follow the same rule with embedded pointers counting as pointers).
    pub fn implements(&self, t: TypeId, iface: TypeId) -> Result<(), MissingMethod> {
        let want = self.interface_methods(iface).to_vec();
        if self.is_interface(t) {
            let have = self.interface_methods(t);
            for m in want {
                match have.iter().find(|h| h.name == m.name && h.pkg == m.pkg) {
                    None => return Err(MissingMethod { name: m.name, kind: MissingKind::Missing }),
                    Some(h) if h.sig != m.sig => {
                        return Err(MissingMethod {
                            name: m.name,
                            kind: MissingKind::WrongType { have: h.sig, want: m.sig },
                        });
                    }
                    _ => {}
                }
            }
            return Ok(());
        }
        let is_ptr = matches!(self.types[t], Type::Pointer(_));
        if let (Type::Pointer(e), Some(m)) = (&self.types[t], want.first()) {
            // the method set of a pointer to an interface is empty (types2's missingMethod)
            if self.is_interface(*e) {
                return Err(MissingMethod { name: m.name.clone(), kind: MissingKind::PointerToInterface });
            }
        }
        for m in want {
            // An unexported interface method is matched only by a method of the same package.
            let l = self.lookup_in(t, &m.name, &m.pkg);
            let (sig, needs_ptr, generic) = match &l {
                Lookup::Method { named, index, indirect, .. } => {
                    let meth = &self.named(*named).unwrap().methods[*index as usize];
                    (meth.sig, meth.ptr_recv && !indirect && !is_ptr, !meth.tparams.is_empty())
                }
                Lookup::InterfaceMethod { .. } => (self.method_sig(&l).unwrap(), false, false),
                _ => return Err(MissingMethod { name: m.name, kind: MissingKind::Missing }),
            };
            if sig != m.sig || generic {
                return Err(MissingMethod { name: m.name, kind: MissingKind::WrongType { have: sig, want: m.sig } });
            }
            if needs_ptr {
                return Err(MissingMethod { name: m.name, kind: MissingKind::PointerReceiver });
            }
        }
        Ok(())
    }

    // ----- printing -------------------------------------------------------------------------------

    /// The type as gc's runtime and `%T` print it: `int`, `main.T`, `*main.T`, `[]int`,
    /// `map[string]int`, `func(int) string`, `interface {}`, `struct { a int }`, `error`.
    pub fn type_string(&self, t: TypeId) -> String {
        let mut s = String::new();
        self.write_type(&mut s, t, Style::Runtime, 0);
        s
    }

    /// gc's `LinkString` of the type: as [`TypeTable::type_string`] but with unexported struct
    /// field names qualified (`struct { main.a int }`). Local types are not given gc's `·N`
    /// suffix (their hash may collide with a package-level type of the same name; identity is
    /// by descriptor pointer, never by hash).
    pub fn link_string(&self, t: TypeId) -> String {
        let mut s = String::new();
        self.write_type(&mut s, t, Style::Link, 0);
        s
    }

    /// The type as the compiler's error messages print it: types of package main unqualified
    /// (`T`, `*T`), `interface{}` without a space, `any` for the empty interface when written so is
    /// not tracked (prints `interface{}`), `untyped int` for untyped kinds.
    pub fn type_string_err(&self, t: TypeId) -> String {
        let mut s = String::new();
        self.write_type(&mut s, t, Style::Error, 0);
        s
    }

    fn write_type(&self, s: &mut String, t: TypeId, style: Style, depth: u32) {
        self.write_type_in(s, t, style, depth, false)
    }

    /// `in_targs`: inside an instance's type-argument list, where a function-local defined type
    /// carries gc's `·N` suffix (`main.T[int;main.U[int;int]·3]`, cmd/compile's vargen).
    fn write_type_in(&self, s: &mut String, t: TypeId, style: Style, depth: u32, in_targs: bool) {
        if depth > crate::limits::NESTING_BUDGET {
            s.push_str("...");
            return;
        }
        let d = depth + 1;
        match &self.types[t] {
            Type::Basic(k) => s.push_str(k.name()),
            Type::Named(n) => {
                if !n.pkg.is_empty() && !(style == Style::Error && n.pkg == self.local_pkg) {
                    s.push_str(&n.pkg);
                    s.push('.');
                }
                s.push_str(&n.name);
                if !n.targs.is_empty() {
                    s.push('[');
                    let outer = n.origin.and_then(|o| self.implicit_tparams.get(&o)).copied().unwrap_or(0);
                    for (i, a) in n.targs.iter().enumerate() {
                        if i > 0 {
                            s.push(if i == outer { ';' } else { ',' });
                        }
                        self.write_type_in(s, *a, style, d, style != Style::Error);
                    }
                    s.push(']');
                }
                if in_targs {
                    if let Some(g) = self.local_gen.get(&n.origin.unwrap_or(t)) {
                        s.push('·');
                        s.push_str(&g.to_string());
                    }
                }
            }
            Type::Pointer(e) => {
                s.push('*');
                self.write_type_in(s, *e, style, d, in_targs);
            }
            Type::Slice(e) => {
                s.push_str("[]");
                self.write_type_in(s, *e, style, d, in_targs);
            }
            Type::Array { len, elem } => {
                s.push_str(&format!("[{len}]"));
                self.write_type_in(s, *elem, style, d, in_targs);
            }
            Type::Map { key, val } => {
                s.push_str("map[");
                self.write_type_in(s, *key, style, d, in_targs);
                s.push(']');
                self.write_type_in(s, *val, style, d, in_targs);
            }
            Type::Chan { dir, elem } => {
                s.push_str(match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                });
                // gc: `chan (<-chan T)` (else it would read as `chan<- chan T`).
                let paren = *dir == ChanDir::Both && matches!(self.get(*elem), Type::Chan { dir: ChanDir::Recv, .. });
                if paren {
                    s.push('(');
                }
                self.write_type_in(s, *elem, style, d, in_targs);
                if paren {
                    s.push(')');
                }
            }
            Type::Func(sig) => {
                s.push_str("func");
                self.write_sig(s, sig, style, d);
            }
            Type::Struct { fields } => {
                if fields.is_empty() {
                    s.push_str(if style != Style::Error { "struct {}" } else { "struct{}" });
                    return;
                }
                s.push_str(if style != Style::Error { "struct { " } else { "struct{" });
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        s.push_str("; ");
                    }
                    if !f.embedded {
                        // gc's LinkString qualifies unexported field names (`struct { main.a int }`).
                        if style == Style::Link && !f.pkg.is_empty() {
                            s.push_str(&f.pkg);
                            s.push('.');
                        }
                        s.push_str(&f.name);
                        s.push(' ');
                    }
                    self.write_type_in(s, f.ty, style, d, in_targs);
                    if let Some(tag) = &f.tag {
                        s.push(' ');
                        s.push_str(&format!("{:?}", String::from_utf8_lossy(tag)));
                    }
                }
                s.push_str(if style != Style::Error { " }" } else { "}" });
            }
            Type::Interface { methods } => {
                if methods.is_empty() {
                    s.push_str(if style != Style::Error { "interface {}" } else { "interface{}" });
                    return;
                }
                s.push_str(if style != Style::Error { "interface { " } else { "interface{" });
                for (i, m) in methods.iter().enumerate() {
                    if i > 0 {
                        s.push_str("; ");
                    }
                    // gc qualifies unexported method names (`interface { M(); main.m() }`).
                    if style != Style::Error && !m.pkg.is_empty() {
                        // The package's path in link strings, its name in `%T`'s.
                        s.push_str(if style == Style::Link { &m.pkg } else { pkg_name_of_path(&m.pkg) });
                        s.push('.');
                    }
                    s.push_str(&m.name);
                    if let Type::Func(sig) = &self.types[m.sig] {
                        self.write_sig(s, sig, style, d);
                    }
                }
                s.push_str(if style != Style::Error { " }" } else { "}" });
            }
            Type::Tuple(elems) => {
                s.push('(');
                for (i, e) in elems.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.write_type_in(s, *e, style, d, in_targs);
                }
                s.push(')');
            }
            Type::TypeParam(p) => s.push_str(&p.name),
            Type::Constraint { methods, terms, comparable } => {
                s.push_str("interface{");
                let mut first = true;
                if *comparable {
                    s.push_str("comparable");
                    first = false;
                }
                for m in methods {
                    if !first {
                        s.push_str("; ");
                    }
                    first = false;
                    s.push_str(&m.name);
                    if let Type::Func(sig) = &self.types[m.sig] {
                        self.write_sig(s, sig, style, d);
                    }
                }
                if let Some(terms) = terms {
                    if !first {
                        s.push_str("; ");
                    }
                    self.write_terms(s, terms, style, d);
                }
                s.push('}');
            }
        }
    }

    /// `~int | string`.
    pub fn write_terms(&self, s: &mut String, terms: &[Term], style: Style, d: u32) {
        for (i, t) in terms.iter().enumerate() {
            if i > 0 {
                s.push_str(" | ");
            }
            if t.tilde {
                s.push('~');
            }
            self.write_type(s, t.ty, style, d);
        }
    }

    /// A term list as error messages print it.
    pub fn terms_string(&self, terms: &[Term]) -> String {
        let mut s = String::new();
        self.write_terms(&mut s, terms, Style::Error, 0);
        s
    }

    fn write_sig(&self, s: &mut String, sig: &Signature, style: Style, d: u32) {
        s.push('(');
        for (i, p) in sig.params.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            if sig.variadic && i + 1 == sig.params.len() {
                s.push_str("...");
                match &self.types[*p] {
                    Type::Slice(e) => self.write_type(s, *e, style, d),
                    _ => self.write_type(s, *p, style, d),
                }
            } else {
                self.write_type(s, *p, style, d);
            }
        }
        s.push(')');
        match sig.results.len() {
            0 => {}
            1 => {
                s.push(' ');
                self.write_type(s, sig.results[0], style, d);
            }
            _ => {
                s.push_str(" (");
                for (i, r) in sig.results.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.write_type(s, *r, style, d);
                }
                s.push(')');
            }
        }
    }
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Runtime,
    Error,
    /// gc's `LinkString` (type identity; hashed into a descriptor's `Hash`).
    Link,
}

fn round_up(x: u64, align: u64) -> u64 {
    let a = align.max(1);
    x.saturating_add(a - 1) / a * a
}

/// The package name a package path implies: its last element, or the one before a major-version
/// suffix (`math/rand/v2` -> `rand`). Used where only the path of a qualifier is kept.
pub fn pkg_name_of_path(path: &str) -> &str {
    let mut it = path.rsplit('/');
    let last = it.next().unwrap_or(path);
    let is_version = last.len() > 1 && last.starts_with('v') && last[1..].bytes().all(|b| b.is_ascii_digit());
    match it.next() {
        Some(prev) if is_version => prev,
        _ => last,
    }
}
