//! `Info`: everything the checker learned about a program, in side tables keyed by the AST's
//! [`NodeId`]s (modelled on go/types' `Info`). This is the contract with codegen (`src/lower`).
//!
//! # How to find things
//! - **Type / value of any expression**: `info.types[expr.id]` ([`TypeAndValue`]). For constant
//!   expressions `mode` is [`Mode::Constant`] with the value already converted to the FINAL type
//!   (the type after implicit conversion: `var x int8 = 1 + 2` records `int8`, `Int(3)`;
//!   `fmt.Println(1)` records `int`). Codegen never sees untyped types: untyped `nil` is recorded
//!   with the type it is used as (`*T`, `[]int`, `error`, ...), untyped bool results of
//!   comparisons with their final type. Type expressions have mode [`Mode::TypeExpr`] and the
//!   denoted type; a call whose `fun` has mode `TypeExpr` is a conversion. Parenthesised expressions
//!   are recorded too (same as their inner expression).
//! - **Comma-ok forms**: when `m[k]` or `x.(T)` is used as `v, ok := ...`, its recorded type is
//!   the tuple `(T, bool)` ([`super::ty::Type::Tuple`]); otherwise it is `T`.
//! - **Multi-value calls**: a call returning several results has a `Tuple` type.
//! - **Identifiers**: `info.defs[ident.id]` for declaring occurrences, `info.uses[ident.id]` for
//!   uses, both [`ObjId`]s into `info.objects`. A `_` that declares a variable or parameter has a
//!   def (an object never entered in any scope). The selector name of a qualified identifier
//!   `fmt.Println` has a use (the package's object); the selector name of a field or method `x.f`
//!   does not: see `selections`.
//! - **Selectors** `x.f` (field, method value, method expression, interface method):
//!   `info.selections[selector_expr.id]` ([`Selection`]); qualified identifiers (`fmt.Println`,
//!   `os.Args`) are NOT selections, their `sel` ident has a `uses` entry.
//! - **Struct literal keys**: `info.field_keys[key_expr.id]` = field index; a key naming a
//!   promoted field (Go 1.27) has its path in `info.promoted_keys` instead.
//! - **Type switch clause variables**: `info.implicits[clause.id]` (only when the switch binds a
//!   name). The variable has the clause's single type, or the switch operand's type for `default`
//!   and multi-type clauses.
//! - **Closures**: `info.captures[func_lit.id]` = the free variables of that literal, in order of
//!   first use, including variables only used by closures nested inside it (they must be passed
//!   through). Captured variables have `VarInfo::captured = true`.
//! - **Implicit interface conversions**: `info.implicit_conversions[expr.id] = target` for every
//!   expression whose value is implicitly converted to a DIFFERENT interface type: concrete ->
//!   interface, or interface -> another interface (assignment, argument passing incl. variadic
//!   `...any` elements, return, composite literal elements, map keys, comparison of an interface
//!   with a concrete operand, switch cases against an interface tag, `append` elements, send).
//!   The expression's own `types` entry keeps its own (source) type. Untyped nil is never listed.
//!   Explicit conversions to an interface type (`any(x)`, `error(e)`) are listed too. NOT listed
//!   (codegen compares element types itself): the elements of a multi-value call spread into
//!   assignments, returns or arguments (`a, err = f()`, `return f()`, `fmt.Println(f())`), whose
//!   only expression is the call (recorded with its `Tuple` type).
//! - **Constant objects**: `ObjKind::Const::val` holds untyped float constants rounded to
//!   `Float`; prefer `info.types[use]` (converted to the use's final type) when lowering a use.
//! - **Functions**: `info.funcs[decl.id or func_lit.id]` ([`FuncInfo`]: signature, parameter and
//!   result objects, defer metadata for open-coding).
//! - **Package variable initialisation order**: `info.init_order` (Go's dependency order).

use std::collections::HashMap;

use cranelift_entity::packed_option::PackedOption;
use cranelift_entity::{PrimaryMap, SecondaryMap, entity_impl};

use super::constant::ConstValue;
use super::ty::TypeId;
use super::ty::TypeTable;
use crate::diag::Span;
use crate::syntax::ast::NodeId;

/// Identity of a declared entity ([`Object`]).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId(u32);
entity_impl!(ObjId, "obj");

/// How an expression may be used.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Mode {
    /// Not checked / erroneous (absent entries have this mode).
    #[default]
    Invalid,
    /// A call of a function without results.
    NoValue,
    /// A builtin function name (only as the `fun` of a call).
    Builtin(Builtin),
    /// A type expression.
    TypeExpr,
    /// A constant; the value is converted to the recorded (final) type.
    Constant(ConstValue),
    /// An addressable variable (`x`, `*p`, `s[i]`, `a[i]` of addressable array, `p.f`, ...).
    Variable,
    /// A map index expression `m[k]` (assignable, not addressable).
    MapIndex,
    /// Any other value (call results, conversions, arithmetic, literals of composite type...).
    Value,
}

/// The recorded type and mode of an expression.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeAndValue {
    pub mode: Mode,
    pub ty: TypeId,
}

impl Default for TypeAndValue {
    fn default() -> Self {
        TypeAndValue { mode: Mode::Invalid, ty: TypeTable::INVALID }
    }
}

impl TypeAndValue {
    /// The constant value, if the expression is a constant.
    pub fn value(&self) -> Option<&ConstValue> {
        match &self.mode {
            Mode::Constant(v) => Some(v),
            _ => None,
        }
    }
    pub fn is_type(&self) -> bool {
        self.mode == Mode::TypeExpr
    }
}

/// The builtin functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Complex,
    Copy,
    Delete,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Real,
    Imag,
    Recover,
    // package unsafe (not in the universe scope)
    Sizeof,
    Alignof,
    Offsetof,
    Add,
    Slice,
    String,
    StringData,
    SliceData,
}

impl Builtin {
    pub fn name(self) -> &'static str {
        use Builtin::*;
        match self {
            Append => "append",
            Cap => "cap",
            Clear => "clear",
            Close => "close",
            Complex => "complex",
            Copy => "copy",
            Delete => "delete",
            Len => "len",
            Make => "make",
            Max => "max",
            Min => "min",
            New => "new",
            Panic => "panic",
            Print => "print",
            Println => "println",
            Real => "real",
            Imag => "imag",
            Recover => "recover",
            Sizeof => "unsafe.Sizeof",
            Alignof => "unsafe.Alignof",
            Offsetof => "unsafe.Offsetof",
            Add => "unsafe.Add",
            Slice => "unsafe.Slice",
            String => "unsafe.String",
            StringData => "unsafe.StringData",
            SliceData => "unsafe.SliceData",
        }
    }
    /// The members of package unsafe that are functions.
    pub const UNSAFE: [Builtin; 8] = [
        Builtin::Sizeof,
        Builtin::Alignof,
        Builtin::Offsetof,
        Builtin::Add,
        Builtin::Slice,
        Builtin::String,
        Builtin::StringData,
        Builtin::SliceData,
    ];
    pub const ALL: [Builtin; 18] = [
        Builtin::Append,
        Builtin::Cap,
        Builtin::Clear,
        Builtin::Close,
        Builtin::Complex,
        Builtin::Copy,
        Builtin::Delete,
        Builtin::Len,
        Builtin::Make,
        Builtin::Max,
        Builtin::Min,
        Builtin::New,
        Builtin::Panic,
        Builtin::Print,
        Builtin::Println,
        Builtin::Real,
        Builtin::Imag,
        Builtin::Recover,
    ];
}

/// A package compiled from source (the program's own, or GOROOT's): index into
/// [`Info::packages`], in checking (= initialisation) order.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PkgId(u32);
entity_impl!(PkgId, "pkg");

/// A package compiled from source, as its importers see it.
#[derive(Clone, Debug, Default)]
pub struct SrcPackage {
    /// The import path (`example.com/m/util`).
    pub path: String,
    /// The package clause's name.
    pub name: String,
    /// The prefix of its symbols as gc spells them (`main` or the import path).
    pub symbol_prefix: String,
    /// Every package-level object by name (exported or not: the checker reports unexported ones).
    pub scope: HashMap<String, ObjId>,
    /// Its variable initialisers: `Info::init_order[init_range.0..init_range.1]`.
    pub init_range: (usize, usize),
    /// Its `init` functions' declaration ids, in the order of its files as presented.
    pub inits: Vec<NodeId>,
    /// From GOROOT.
    pub std: bool,
}

/// An imported package: one compiled from source, or `unsafe` (implemented by the compiler).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Package {
    /// A package compiled from source.
    Source(PkgId),
    Unsafe,
}

impl Package {
    /// The import path of `unsafe` (source packages' paths are in `Info::packages`).
    pub fn path(self) -> &'static str {
        match self {
            Package::Source(_) => "",
            Package::Unsafe => "unsafe",
        }
    }
}

/// What kind of variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarKind {
    /// Package-level variable.
    Global,
    /// Local variable (including `:=`, range and type-switch clause variables).
    Local,
    /// Function parameter.
    Param,
    /// Method receiver.
    Receiver,
    /// Named (or unnamed, synthesised) result parameter.
    Result,
}

/// Facts about a variable.
#[derive(Clone, Debug, PartialEq)]
pub struct VarInfo {
    pub ty: TypeId,
    pub kind: VarKind,
    /// Referenced from a function literal other than its owner (so it must live in a heap cell or
    /// otherwise be shared by reference).
    pub captured: bool,
    /// `&x` is taken somewhere (explicitly, or implicitly by a pointer-receiver method call
    /// `x.M()` or slicing an array `x[:]`).
    pub address_taken: bool,
    /// The function declaring it: a `FuncDecl::id` or a `FuncLit` expression id; `None` for globals.
    pub owner: Option<NodeId>,
    /// True for the iteration variables declared by `for ... := range` and by a 3-clause `for`
    /// with `:=` init: Go 1.22 semantics make them fresh per iteration.
    pub per_iteration: bool,
    /// Whether the variable is used (read) anywhere (for `declared and not used`).
    pub used: bool,
}

/// What an object is.
#[derive(Clone, Debug, PartialEq)]
pub enum ObjKind {
    Var(VarInfo),
    Const { ty: TypeId, val: ConstValue },
    TypeName { ty: TypeId },
    /// A declared function or method. `decl` is the `FuncDecl::id`; `recv` is the receiver's base
    /// named type for methods.
    Func { ty: TypeId, decl: NodeId, recv: Option<TypeId> },
    Builtin(Builtin),
    PkgName(Package),
    Nil,
    Label,
    /// The predeclared `iota` (only valid inside const declarations).
    Iota,
}

/// A declared entity. `span` is the declaring identifier's span.
#[derive(Clone, Debug, PartialEq)]
pub struct Object {
    pub name: String,
    /// Declaring identifier's span (zero for predeclared objects).
    pub span: Span,
    pub kind: ObjKind,
    /// The source package declaring it (None for predeclared objects and unsafe's members).
    pub pkg: Option<PkgId>,
}

impl Object {
    /// The object's type (variables, constants, type names, functions).
    pub fn ty(&self) -> Option<TypeId> {
        match &self.kind {
            ObjKind::Var(v) => Some(v.ty),
            ObjKind::Const { ty, .. } | ObjKind::TypeName { ty } | ObjKind::Func { ty, .. } => Some(*ty),
            _ => None,
        }
    }
    pub fn var(&self) -> Option<&VarInfo> {
        match &self.kind {
            ObjKind::Var(v) => Some(v),
            _ => None,
        }
    }
}

/// The kind of a selector expression `x.f`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectionKind {
    /// `x.f` is a struct field.
    FieldVal,
    /// `x.m` is a method value or the callee of a method call on a concrete type.
    MethodVal,
    /// `T.m` / `(*T).m`: a method expression (a func taking the receiver first).
    MethodExpr,
    /// `x.m` on an interface value (dynamic dispatch), method value or call.
    InterfaceMethod,
    /// `x.m` where `x`'s type is a type parameter and `m` a method of its constraint: resolved
    /// per instance (after substitution) by codegen (`method: None`).
    TypeParamMethod,
}

/// Which method a method selection denotes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MethodTarget {
    /// A method declared on named type `named`: `Named::methods[index]`, function object `func`.
    /// `targs`: a generic method's own type arguments (empty for other methods, and for a
    /// generic method not instantiated yet).
    Concrete { named: TypeId, index: u32, func: ObjId, ptr_recv: bool, targs: Vec<TypeId> },
    /// Method `index` (in sorted order) of interface type `iface`.
    Interface { iface: TypeId, index: u32 },
}

/// A resolved selector expression.
///
/// Codegen recipe: start from `x` (of type `recv`); for each index in `path` (except, for
/// `FieldVal`, nothing special: the last index is the field itself), if the current value is a
/// pointer, dereference it (nil check) and then select that field. For methods, after walking the
/// path the receiver is a value of type N, *N or an interface: for `Concrete { ptr_recv: true }` on
/// an N value take its address (the checker guaranteed addressability, and marked the root
/// variable `address_taken`); for `ptr_recv: false` on a *N value dereference it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    pub kind: SelectionKind,
    /// Type of the operand `x` (for `MethodExpr`, the receiver type `T` or `*T`).
    pub recv: TypeId,
    /// Embedded-field indices walked (plus the final field index for `FieldVal`).
    pub path: Vec<u32>,
    /// A pointer is dereferenced somewhere along the path (or `x` itself is a pointer).
    pub indirect: bool,
    /// For method kinds, the method.
    pub method: Option<MethodTarget>,
    /// Type of the selector expression: the field type, the method value's signature (no
    /// receiver), or the method expression's signature (receiver as first parameter).
    pub ty: TypeId,
}

/// Per-function facts (function declarations and function literals).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FuncInfo {
    /// The `Func` signature type (without receiver).
    pub sig: TypeId,
    /// The receiver variable for methods (`None` if absent; a receiver written without a name or
    /// as `_` still gets an object).
    pub recv: Option<ObjId>,
    /// Parameter objects in order (unnamed and `_` parameters get objects too).
    pub params: Vec<ObjId>,
    /// Result objects in order (unnamed results get synthesised objects named `~r0`, ...).
    pub results: Vec<ObjId>,
    /// True when the results live in named storage: named in the source, or named by the
    /// range-over-func rewrite (a function with range-over-func loops, as gc names them).
    pub named_results: bool,
    /// Number of `defer` statements directly in this function (not in nested literals).
    pub defer_count: u32,
    /// Some `defer` is inside a loop (for/range body, or reachable by a backward goto).
    pub defer_in_loop: bool,
    /// Number of `return` statements directly in this function (not counting the implicit one).
    pub return_count: u32,
    /// The function body calls `recover()` directly.
    pub calls_recover: bool,
    /// Func literals called directly by a `defer` statement of this function
    /// (`defer func() { ... }()`), by expression id.
    pub deferred_literals: Vec<NodeId>,
    /// Open-coded eligibility per Go's rules: defer_count in 1..=8, no defer in a loop,
    /// return_count * defer_count <= 15.
    pub open_coded_defers: bool,
}

/// A range-over-func loop (`for k, v := range seq`, Go 1.23), keyed in `Info::range_funcs` by
/// the range expression's id. Lowering turns the body into a closure `func(k, v) bool` (gc's
/// `main.f-range1`) passed to `seq`, as gc's `cmd/compile/internal/rangefunc` rewrite does; the
/// objects below are the rewrite's synthesized variables (none is in any scope). All of them but
/// `params` and `result` are captured by the body closure (heap boxes).
#[derive(Clone, Debug, PartialEq)]
pub struct RangeFunc {
    /// The yield function's type (`func(K, V) bool`): the body closure's signature.
    pub yield_ty: TypeId,
    /// The body closure's parameters, one per yield parameter: the iteration variables of a
    /// `:=` clause, else fresh variables (`#p1`, `#p2`) the body assigns to the clause's operands.
    pub params: Vec<ObjId>,
    /// The body closure's (unnamed) `bool` result.
    pub result: ObjId,
    /// `#stateN` (`internal/abi.RF_State`), owned by the function or body running the loop.
    pub state: ObjId,
    /// Shared by every range-over-func loop of one function (declared by the outermost loop):
    /// `#next` (what the loop's exit must do after the iterator returns), `#rv` (one per result
    /// of the enclosing function: a `return x` in a body stores here) and the enclosing frame's
    /// frame pointer (a `defer` in a body is that frame's, gc's `deferrangefunc` token).
    pub next: ObjId,
    pub rvs: Vec<ObjId>,
    pub frame: ObjId,
    /// Not nested in another range-over-func body of the same function (it declares `next`,
    /// `rvs` and `frame`).
    pub outermost: bool,
    /// Everything the body closure captures, in closure-object order: variables declared
    /// outside the body that it (or any closure in it) uses, then `state`, `next`, `rvs`,
    /// `frame`.
    pub captures: Vec<ObjId>,
}

/// One package-level initialisation step, in execution order.
#[derive(Clone, Debug, PartialEq)]
pub struct Initializer {
    /// The variables assigned (several for `var a, b = f()`; `None` entries are `_`).
    pub lhs: Vec<Option<ObjId>>,
    /// The initialiser expression's id (one expression: either the single multi-value call or the
    /// value matching a single variable).
    pub rhs: NodeId,
}

/// The checker's results. See the module docs.
#[derive(Default)]
pub struct Info {
    pub types: SecondaryMap<NodeId, TypeAndValue>,
    /// Generic type aliases (`type A[P any] = RHS`, Go 1.24): their type parameters and
    /// right-hand side; each use `A[X]` denotes RHS with P := X.
    pub generic_aliases: HashMap<ObjId, (Vec<TypeId>, TypeId)>,
    pub defs: SecondaryMap<NodeId, PackedOption<ObjId>>,
    pub uses: SecondaryMap<NodeId, PackedOption<ObjId>>,
    pub objects: PrimaryMap<ObjId, Object>,
    pub selections: HashMap<NodeId, Selection>,
    pub field_keys: HashMap<NodeId, u32>,
    /// Struct literal keys naming a promoted field (Go 1.27): the embedded-field indices
    /// traversed, then the field's own index (at least two entries; never through a pointer).
    pub promoted_keys: HashMap<NodeId, Vec<u32>>,
    pub implicits: HashMap<NodeId, ObjId>,
    pub captures: HashMap<NodeId, Vec<ObjId>>,
    pub implicit_conversions: HashMap<NodeId, TypeId>,
    pub funcs: HashMap<NodeId, FuncInfo>,
    pub init_order: Vec<Initializer>,
    /// Generic functions and methods of generic types: declaration id -> type parameters (for a
    /// method, its receiver type's).
    pub generics: HashMap<NodeId, Vec<TypeId>>,
    /// Generic methods (Go 1.27): declaration id -> the method's own type parameters (the tail
    /// of its `generics` entry; the receiver type's come first).
    pub method_tparams: HashMap<NodeId, Vec<TypeId>>,
    /// Names of the program's generic methods (`x.m[int]` is then possibly an instantiation
    /// rather than an index expression).
    pub generic_method_names: std::collections::HashSet<String>,
    /// Each use of a generic function (the identifier's id) -> its type arguments (which may
    /// mention the enclosing generic function's type parameters). For a generic method (the
    /// selector's identifier), the receiver type's type arguments then the method's own.
    pub instances: HashMap<NodeId, Vec<TypeId>>,
    /// Every (generic function or method object, concrete type arguments) pair reachable from
    /// non-generic code, computed by `mono.rs`; each must be lowered once.
    pub mono: Vec<(ObjId, Vec<TypeId>)>,
    /// Selector expressions of kind `TypeParamMethod` -> the method name.
    pub tparam_methods: HashMap<NodeId, String>,
    /// Every package compiled from source, in initialisation order (the root last).
    pub packages: PrimaryMap<PkgId, SrcPackage>,
    /// Range-over-func loops by range expression id ([`RangeFunc`]).
    pub range_funcs: HashMap<NodeId, RangeFunc>,
}

impl Info {
    /// The type recorded for an expression (INVALID if none).
    pub fn type_of(&self, id: NodeId) -> TypeId {
        self.types[id].ty
    }
    /// The constant value of an expression, if constant.
    pub fn const_value(&self, id: NodeId) -> Option<&ConstValue> {
        self.types[id].value()
    }
    /// The object an identifier declares or uses.
    pub fn object_of(&self, ident: NodeId) -> Option<ObjId> {
        self.defs[ident].expand().or_else(|| self.uses[ident].expand())
    }
    pub fn obj(&self, id: ObjId) -> &Object {
        &self.objects[id]
    }
}
