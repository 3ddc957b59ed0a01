//! The abstract syntax tree of one Go source file (the v1 subset of DESIGN §2).
//!
//! Shape follows `go/ast`: types written in source are ordinary expressions (`ExprKind::ArrayType`,
//! `ExprKind::Star` doubling as pointer type and dereference, ...), so the checker resolves `T(x)`
//! conversions and `f(x)` calls uniformly.
//!
//! # Node identities
//! Every [`Expr`], every [`Ident`], every [`TypeCaseClause`] and every [`FuncDecl`] carries a
//! [`NodeId`]. Ids are dense, allocated by the parser from 0 in source order, and unique within a
//! [`File`]; `File::node_count` is one past the largest id, so later layers can size side tables
//! (`cranelift_entity::SecondaryMap<NodeId, _>`), e.g. the checker's `Info` (types of expressions,
//! definitions and uses of identifiers, selections) is keyed on `NodeId`.
//!
//! Invariant: an identifier used as an expression is `Expr { id: n, kind: ExprKind::Ident(Ident {
//! id: n, .. }) }` — the expression and its identifier share ONE id, so a checker can treat every
//! `Ident` (declaring or using) the same way.
//!
//! # Spans
//! Every node has a byte [`Span`] into the source (see `crate::diag`). `Expr::span` covers the whole
//! expression; binary expressions and assignments also record the operator span.
//!
//! # Literals
//! See [`Lit`]: integers keep their source text plus a `u128` decoding (`None` when it does not fit,
//! the checker may then use the text for arbitrary precision); floats keep text plus the nearest
//! `f64`; runes are decoded to their code point (`u32`); strings are decoded to bytes (`Vec<u8>`,
//! since `\x` escapes may produce invalid UTF-8).
//!
//! # What the parser guarantees
//! An AST is only returned for an error-free file, so: `x.(type)` never appears outside
//! [`TypeSwitchStmt`] (its operand is `TypeSwitchStmt::x`); `StmtKind::Defer` always holds an
//! `ExprKind::Call`; `ShortVarDecl` and `Range { define: true }` left sides are identifiers; no
//! imaginary literal, channel or `go`/`select` statement is present; a parameter
//! list is either all named or all unnamed; a method receiver is one field with at most one name;
//! the tree is at most `parser::MAX_DEPTH` nodes deep (see `crate::limits`).
//!
//! # Constant groups and iota
//! Each [`ConstSpec`] records its `iota` (index within its `const (...)` group, 0 for an
//! ungrouped `const`). A spec written without `= values` inside a group repeats the previous spec's
//! type and values: the parser materialises that repetition by deep-cloning the previous spec's
//! `typ` and `values` with FRESH node ids and sets `implicit = true`, so the checker simply
//! evaluates each spec with its own `iota`. (Errors inside a repeated expression are therefore
//! reported at the original expression's span, as gc does; identical diagnostics may repeat and
//! should be de-duplicated by the driver, as gc does.) A first spec without values keeps `values`
//! empty (the checker reports `missing init expr for NAME`).

use crate::diag::Span;
use cranelift_entity::entity_impl;

/// Dense identity of an AST node (expression, identifier, type-switch clause, func decl).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(u32);
entity_impl!(NodeId, "n");

/// An identifier name. (`_` is the blank identifier; it gets an `Ident` like any other.)
pub type Name = String;

/// An identifier occurrence: a declaration, a use, a field or method name, a label, a package name.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub id: NodeId,
    pub name: Name,
    pub span: Span,
}

impl Ident {
    /// True for the blank identifier `_`.
    pub fn is_blank(&self) -> bool {
        self.name == "_"
    }
}

/// One parsed source file.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    /// The `package` clause's name (`main` for v1 programs; the checker enforces that).
    pub package: Ident,
    pub imports: Vec<ImportSpec>,
    /// Top-level declarations in source order (imports excluded).
    pub decls: Vec<Decl>,
    /// One past the largest [`NodeId`] allocated in this file (all ids are `< node_count`).
    pub node_count: u32,
    /// What its `//go:` directives yielded (misplaced ones, `//go:embed` uses).
    pub directives: super::directive::FileDirectives,
}

/// `import name "path"`.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportSpec {
    /// The whole spec.
    pub span: Span,
    /// Explicit local name (`f "fmt"`, `. "fmt"`, `_ "fmt"`), if any.
    pub name: Option<Ident>,
    /// Decoded import path (e.g. `fmt`).
    pub path: String,
    /// Span of the path string literal (quotes included).
    pub path_span: Span,
}

/// A top-level (or, except `Func`, local) declaration.
#[derive(Clone, Debug, PartialEq)]
pub enum Decl {
    Const(ConstDecl),
    Var(VarDecl),
    Type(TypeDecl),
    Func(FuncDecl),
}

impl Decl {
    pub fn span(&self) -> Span {
        match self {
            Decl::Const(d) => d.span,
            Decl::Var(d) => d.span,
            Decl::Type(d) => d.span,
            Decl::Func(d) => d.span,
        }
    }
}

/// `const x = 1` or `const ( ... )`.
#[derive(Clone, Debug, PartialEq)]
pub struct ConstDecl {
    pub span: Span,
    /// True for the parenthesised form.
    pub grouped: bool,
    pub specs: Vec<ConstSpec>,
}

/// One line of a const declaration. See the module docs for `iota` and `implicit`.
#[derive(Clone, Debug, PartialEq)]
pub struct ConstSpec {
    pub span: Span,
    pub names: Vec<Ident>,
    pub typ: Option<Expr>,
    pub values: Vec<Expr>,
    /// Index of this spec within its group (the value of `iota`).
    pub iota: u32,
    /// True when the spec had no `= values` and `typ`/`values` were cloned from the previous spec.
    pub implicit: bool,
}

/// `var x T = v` or `var ( ... )`.
#[derive(Clone, Debug, PartialEq)]
pub struct VarDecl {
    pub span: Span,
    pub grouped: bool,
    pub specs: Vec<VarSpec>,
}

/// One line of a var declaration: `names [typ] [= values]` (at least one of typ/values present).
#[derive(Clone, Debug, PartialEq)]
pub struct VarSpec {
    pub span: Span,
    pub names: Vec<Ident>,
    pub typ: Option<Expr>,
    pub values: Vec<Expr>,
}

/// `type T U` or `type ( ... )`.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeDecl {
    pub span: Span,
    pub grouped: bool,
    pub specs: Vec<TypeSpec>,
}

/// `type Name Type` (a defined type) or `type Name = Type` (an alias, `alias == true`), either
/// possibly generic: `type Pair[K comparable, V any] struct{...}`.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeSpec {
    pub span: Span,
    pub name: Ident,
    /// Type parameters (`[K comparable, V any]`), empty for a non-generic type. Each field names
    /// one or more parameters; its `typ` is the constraint (see [`FuncType::tparams`]).
    pub tparams: Vec<Field>,
    pub alias: bool,
    pub typ: Expr,
}

/// `func (recv) Name(params) results { body }`.
#[derive(Clone, Debug, PartialEq)]
pub struct FuncDecl {
    /// Identity of the function itself (e.g. for per-function side tables).
    pub id: NodeId,
    pub span: Span,
    /// The receiver of a method: exactly one field with zero or one name.
    pub recv: Option<Field>,
    pub name: Ident,
    pub typ: FuncType,
    /// `None` for a declaration without body (the checker reports `missing function body`).
    pub body: Option<Block>,
}

/// A function signature: `func(params) results`.
#[derive(Clone, Debug, PartialEq)]
pub struct FuncType {
    /// Type parameters of a generic function declaration (`func F[T any, U comparable]`), empty
    /// otherwise (function literals and func types never have them). Each field is one group of
    /// names sharing a constraint; the constraint is a type expression or a union of terms
    /// (`ExprKind::Binary` with `BinaryOp::Or` over terms, a term being a type or
    /// `ExprKind::Unary { op: UnaryOp::Tilde, .. }`).
    pub tparams: Vec<Field>,
    /// From the `func` keyword (or the name/`(` for methods in interfaces and func decls) to the end
    /// of the results.
    pub span: Span,
    /// Parameters. Either all fields are named or none is. The last parameter's type may be
    /// `ExprKind::Ellipsis(Some(elem))` (variadic).
    pub params: Vec<Field>,
    /// Results; all named or all unnamed (`func() int` has one unnamed field).
    pub results: Vec<Field>,
}

/// A parameter, result, receiver or struct field group: `a, b T` or just `T`.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub span: Span,
    /// Empty for an unnamed parameter/result or an embedded struct field.
    pub names: Vec<Ident>,
    pub typ: Expr,
    /// Struct field tag (decoded), if any.
    pub tag: Option<Vec<u8>>,
}

/// `struct { fields }`.
#[derive(Clone, Debug, PartialEq)]
pub struct StructType {
    pub fields: Vec<Field>,
}

/// `interface { elems }`.
#[derive(Clone, Debug, PartialEq)]
pub struct InterfaceType {
    pub elems: Vec<InterfaceElem>,
}

/// One element of an interface type.
#[derive(Clone, Debug, PartialEq)]
pub enum InterfaceElem {
    /// `Name(params) results`.
    Method { name: Ident, typ: FuncType },
    /// An embedded interface (`error`, `fmt.Stringer`) or a type element of a constraint: a type,
    /// `~T`, or a union `A | ~B` (`ExprKind::Binary` with `BinaryOp::Or`).
    Embed(Expr),
}

/// An expression (including types written in source).
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub id: NodeId,
    pub span: Span,
    pub kind: ExprKind,
}

/// The kinds of expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// An identifier; the inner `Ident::id` equals the `Expr::id` (see module docs).
    Ident(Ident),
    /// A basic literal.
    Lit(Lit),
    /// `T{elts}`; `typ` is `None` for an elided inner literal (`[]T{{1, 2}}`, map keys/values).
    CompositeLit { typ: Option<Box<Expr>>, elts: Vec<Element>, lbrace: Span, rbrace: Span },
    /// `func(params) results { body }`.
    FuncLit { typ: FuncType, body: Block },
    /// `(x)`.
    Paren(Box<Expr>),
    /// `x.sel` (field, method, qualified identifier `fmt.Println`, method expression `T.M`).
    Selector { x: Box<Expr>, sel: Ident },
    /// `x[index]`: an index expression, or the instantiation of a generic function or type with
    /// one type argument (`F[int]`, `List[T]`); the checker decides which, as go/types does.
    Index { x: Box<Expr>, index: Box<Expr>, lbrack: Span },
    /// `x[a, b, ...]` (two or more indices): always an instantiation with explicit type arguments.
    IndexList { x: Box<Expr>, indices: Vec<Expr>, lbrack: Span },
    /// `x[lo:hi]` or `x[lo:hi:max]` (`three` for the 3-index form; then `hi` and `max` are present).
    Slice {
        x: Box<Expr>,
        lo: Option<Box<Expr>>,
        hi: Option<Box<Expr>>,
        max: Option<Box<Expr>>,
        three: bool,
        lbrack: Span,
    },
    /// `x.(T)`. (`x.(type)` only appears as the guard of a [`TypeSwitchStmt`].)
    TypeAssert { x: Box<Expr>, typ: Box<Expr> },
    /// `fun(args)` / `fun(args...)` (`dots` is the span of `...`); also conversions `T(x)` and
    /// builtin calls `make([]int, n)` (whose first argument is then a type expression).
    Call { fun: Box<Expr>, args: Vec<Expr>, dots: Option<Span>, lparen: Span, rparen: Span },
    /// `*x`: pointer dereference, or the pointer type `*T`.
    Star(Box<Expr>),
    /// `op x` for `+ - ! ^ &`.
    Unary { op: UnaryOp, x: Box<Expr> },
    /// `x op y`.
    Binary { op: BinaryOp, op_span: Span, x: Box<Expr>, y: Box<Expr> },
    /// `[len]elem`; `len == None` means `[...]elem` (only valid as a composite literal type).
    ArrayType { len: Option<Box<Expr>>, elem: Box<Expr> },
    /// `[]elem`.
    SliceType { elem: Box<Expr> },
    /// `map[key]value`.
    MapType { key: Box<Expr>, value: Box<Expr> },
    /// `func(params) results` as a type.
    FuncType(FuncType),
    /// `struct { ... }`.
    StructType(StructType),
    /// `interface { ... }`.
    InterfaceType(InterfaceType),
    /// `chan elem`, `chan<- elem`, `<-chan elem`.
    ChanType { dir: ChanDir, elem: Box<Expr> },
    /// `<-x`: a receive from channel `x`.
    Recv(Box<Expr>),
    /// `...elem`: the type of a variadic parameter (last parameter only; `elem` is always present
    /// when produced by the parser).
    Ellipsis(Option<Box<Expr>>),
}

/// A channel type's direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

/// A composite-literal element: `value` or `key: value`.
/// For struct literals the key is an `ExprKind::Ident` naming the field (resolved by the checker).
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub span: Span,
    pub key: Option<Expr>,
    pub value: Expr,
}

/// A basic literal with its decoded value.
#[derive(Clone, Debug, PartialEq)]
pub enum Lit {
    /// Integer literal. `text` is the source text (prefix and `_` separators included);
    /// `value` is the decoded value, `None` if it exceeds `u128::MAX` (untyped constants are
    /// arbitrary precision: the checker may re-decode `text` with a big-number type).
    Int { text: String, value: Option<u128> },
    /// Float literal (decimal or hexadecimal). `value` is the correctly rounded nearest `f64`
    /// (infinite if out of range); `text` is the source text for exact arithmetic.
    Float { text: String, value: f64 },
    /// Imaginary literal (`2i`, `1.5e3i`, `0x1p-2i`); `text` is the source text with the `i`
    /// (`"0i"` for a malformed token).
    Imag { text: String },
    /// Rune literal decoded to its code point (escape sequences resolved; `\xNN` gives NN).
    Rune { text: String, value: u32 },
    /// Interpreted or raw string literal decoded to bytes (raw strings have `\r` removed).
    Str(Vec<u8>),
}

/// Unary operators (`*` is [`ExprKind::Star`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `+x`
    Pos,
    /// `-x`
    Neg,
    /// `!x`
    Not,
    /// `^x` (bitwise complement)
    Complement,
    /// `&x`
    Addr,
    /// `~T`: the underlying-type term of a constraint (only valid inside constraints).
    Tilde,
}

impl UnaryOp {
    pub fn as_str(self) -> &'static str {
        match self {
            UnaryOp::Pos => "+",
            UnaryOp::Neg => "-",
            UnaryOp::Not => "!",
            UnaryOp::Complement => "^",
            UnaryOp::Addr => "&",
            UnaryOp::Tilde => "~",
        }
    }
}

/// Binary operators (also used for op-assignment `x op= y`, where only arithmetic ones occur).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AndNot,
    LogAnd,
    LogOr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl BinaryOp {
    /// Go's binary precedence: 5 `* / % << >> & &^`, 4 `+ - | ^`, 3 comparisons, 2 `&&`, 1 `||`.
    pub fn precedence(self) -> u8 {
        use BinaryOp::*;
        match self {
            Mul | Div | Rem | Shl | Shr | And | AndNot => 5,
            Add | Sub | Or | Xor => 4,
            Eq | Ne | Lt | Le | Gt | Ge => 3,
            LogAnd => 2,
            LogOr => 1,
        }
    }

    pub fn as_str(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            LogAnd => "&&",
            LogOr => "||",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
        }
    }

    /// True for `== != < <= > >=`.
    pub fn is_comparison(self) -> bool {
        self.precedence() == 3
    }

    /// True for `<< >>`.
    pub fn is_shift(self) -> bool {
        matches!(self, BinaryOp::Shl | BinaryOp::Shr)
    }
}

/// `{ stmts }`.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// From `{` to `}` inclusive (`span.hi - 1` is the closing brace, where gc reports
    /// `missing return`).
    pub span: Span,
    pub stmts: Vec<Stmt>,
}

/// A statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub span: Span,
    pub kind: StmtKind,
}

/// The kinds of statement.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// An empty statement (e.g. a lone `;`).
    Empty,
    /// An expression statement (calls, mostly; the checker rejects unused values).
    Expr(Expr),
    /// A local `const`, `var` or `type` declaration (never `Decl::Func`).
    Decl(Decl),
    /// `a, b := x, y`. Left side names are plain identifiers (the checker decides which are new).
    ShortVarDecl { lhs: Vec<Ident>, op_span: Span, rhs: Vec<Expr> },
    /// `lhs = rhs` (op `None`) or `x op= y` (op `Some`, exactly one expression on each side).
    Assign { lhs: Vec<Expr>, op: Option<BinaryOp>, op_span: Span, rhs: Vec<Expr> },
    /// `x++` (`inc`) or `x--`.
    IncDec { x: Expr, inc: bool },
    /// A nested block.
    Block(Block),
    If(IfStmt),
    /// `for init; cond; post {}`, `for cond {}`, `for {}`.
    For(ForStmt),
    /// `for k, v := range x {}` and friends.
    Range(RangeStmt),
    /// Expression switch.
    Switch(SwitchStmt),
    /// Type switch.
    TypeSwitch(TypeSwitchStmt),
    /// `label: stmt`.
    Labeled { label: Ident, stmt: Box<Stmt> },
    /// `goto label`.
    Goto(Ident),
    /// `break [label]`.
    Break(Option<Ident>),
    /// `continue [label]`.
    Continue(Option<Ident>),
    /// `fallthrough` (the checker validates placement).
    Fallthrough,
    /// `return results`.
    Return(Vec<Expr>),
    /// `defer call`: the expression is always an `ExprKind::Call` (the parser enforces it).
    Defer(Expr),
    /// `go call`: the expression is always an `ExprKind::Call` (the parser enforces it).
    Go(Expr),
    /// `ch <- value`.
    Send { ch: Expr, value: Expr },
    /// `select { cases }`.
    Select(Vec<CommClause>),
}

/// A `select` clause: `case comm:` or `default:` followed by statements.
#[derive(Clone, Debug, PartialEq)]
pub struct CommClause {
    /// From `case`/`default` to the end of the last statement.
    pub span: Span,
    /// `None` for `default`; else a `Send`, an `Expr` (`<-c`), or an `Assign`/`ShortVarDecl` whose
    /// one right-hand side is a receive.
    pub comm: Option<Box<Stmt>>,
    pub body: Vec<Stmt>,
}

/// `if init; cond { then } else els`.
#[derive(Clone, Debug, PartialEq)]
pub struct IfStmt {
    pub init: Option<Box<Stmt>>,
    pub cond: Expr,
    pub then: Block,
    /// `StmtKind::If` (else-if chain) or `StmtKind::Block`.
    pub els: Option<Box<Stmt>>,
}

/// `for init; cond; post { body }` (all three optional).
#[derive(Clone, Debug, PartialEq)]
pub struct ForStmt {
    pub init: Option<Box<Stmt>>,
    pub cond: Option<Expr>,
    pub post: Option<Box<Stmt>>,
    pub body: Block,
}

/// `for key, value := range x { body }` / `for key, value = range x` / `for range x`.
#[derive(Clone, Debug, PartialEq)]
pub struct RangeStmt {
    /// With `define`, key and value are `ExprKind::Ident` (defining new per-iteration variables);
    /// otherwise arbitrary addressable expressions.
    pub key: Option<Expr>,
    pub value: Option<Expr>,
    /// A third iteration variable (an error the checker reports, as types2 does).
    pub extra: Option<Expr>,
    /// True for `:=`.
    pub define: bool,
    /// The ranged-over expression (int, string, slice, array, pointer to array, map).
    pub x: Expr,
    pub body: Block,
}

/// `switch init; tag { cases }` (tag `None` means `true`).
#[derive(Clone, Debug, PartialEq)]
pub struct SwitchStmt {
    pub init: Option<Box<Stmt>>,
    pub tag: Option<Expr>,
    pub cases: Vec<CaseClause>,
}

/// `case exprs:` or `default:` followed by statements.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseClause {
    /// From `case`/`default` to the end of the last statement.
    pub span: Span,
    /// Empty for `default`.
    pub exprs: Vec<Expr>,
    pub is_default: bool,
    pub body: Vec<Stmt>,
}

/// `switch init; bind := x.(type) { cases }`.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeSwitchStmt {
    pub init: Option<Box<Stmt>>,
    /// The `bind` in `bind := x.(type)`, if any. Each clause declares its own implicit variable
    /// of that name, keyed by the clause's `id`.
    pub bind: Option<Ident>,
    /// The operand `x` of `x.(type)`.
    pub x: Expr,
    pub cases: Vec<TypeCaseClause>,
}

/// `case T1, T2:` or `default:` in a type switch.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeCaseClause {
    /// Identity of the clause's implicit variable (go/types' `Info.Implicits`).
    pub id: NodeId,
    pub span: Span,
    /// Type expressions (or the identifier `nil`); empty for `default`.
    pub types: Vec<Expr>,
    pub is_default: bool,
    pub body: Vec<Stmt>,
}

impl Expr {
    /// Removes any number of enclosing parentheses.
    pub fn unparen(&self) -> &Expr {
        let mut e = self;
        while let ExprKind::Paren(inner) = &e.kind {
            e = inner;
        }
        e
    }

    /// The identifier, if this expression is one.
    pub fn as_ident(&self) -> Option<&Ident> {
        match &self.kind {
            ExprKind::Ident(id) => Some(id),
            _ => None,
        }
    }
}

pub use super::dump::dump;
