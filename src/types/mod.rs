//! Types: the type checker for the v1 Go subset (DESIGN §2), following go/types (types2)
//! semantics and gc's error messages.
//!
//! Entry point: [`check`]. It resolves every identifier, computes the type (and constant value) of
//! every expression, checks Go's typing rules, and returns the [`TypeTable`] (type representation,
//! layout, method sets: [`ty`]) plus the [`Info`] side tables keyed by AST `NodeId`s ([`info`]),
//! which is all codegen needs besides the AST. Constant values and folding live in [`constant`].
//!
//! Errors: at most 10 diagnostics (then a final `too many errors`), sorted by position, in gc's
//! wording. The checker never panics and bounds its recursion on any AST.

pub mod constant;
pub mod info;
pub mod ty;

mod call;
mod checker;
mod expr;
mod scope;
mod generic;
mod mono;
mod initorder;
mod stmt;
mod typexpr;
mod unsafe_pkg;
mod universe;
#[cfg(test)]
mod tests;

pub use constant::ConstValue;
pub use info::{
    Builtin, External, FuncInfo, Info, Initializer, MethodTarget, Mode, ObjId, ObjKind, Object, Package, Selection,
    SelectionKind, TypeAndValue, VarInfo, VarKind,
};
pub use checker::Goal;
pub(crate) use call::contains_call;
pub use ty::{BasicKind, Lookup, Type, TypeId, TypeTable};

use crate::diag::{Diagnostic, SourceFile};
use crate::syntax::ast;

/// The result of a successful check.
pub struct Checked {
    pub types: TypeTable,
    pub info: Info,
}

/// Type-checks one parsed file. On success every expression reachable by codegen has an entry in
/// `info.types`, and layouts are final (`TypeTable::finalize_layouts` has run).
pub fn check(file: &ast::File, src: &SourceFile) -> Result<Checked, Vec<Diagnostic>> {
    checker::check_file(file, src, Goal::Program)
}

/// Type-checks one file as a package on its own (`gojit check`): a library package is valid, and
/// functions may be declared without a body.
pub fn check_package(file: &ast::File, src: &SourceFile) -> Result<Checked, Vec<Diagnostic>> {
    checker::check_file(file, src, Goal::Package)
}
