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
mod instcycle;
mod mono;
mod rangefunc;
mod initorder;
mod stmt;
mod typexpr;
mod unsafe_pkg;
mod universe;
#[cfg(test)]
mod tests;

pub use constant::ConstValue;
pub use info::{
    Builtin, FuncInfo, Info, Initializer, MethodTarget, Mode, ObjId, ObjKind, Object, Package, RangeFunc, Selection,
    SelectionKind, TypeAndValue, VarInfo, VarKind,
};
pub use checker::Goal;
pub(crate) use call::contains_call;
pub use ty::{BasicKind, Lookup, Type, TypeId, TypeTable};

use crate::diag::{Diagnostic, SourceFile, SourceMap};
use crate::syntax::ast;

pub use checker::PackageInput;
pub use info::{PkgId, SrcPackage};
pub use universe::package_of as modelled_package;

pub struct Checked {
    pub types: TypeTable,
    pub info: Info,
}

/// Checks a one-file program (a map holding only `src`).
pub fn check(file: &ast::File, src: &SourceFile) -> Result<Checked, Vec<Diagnostic>> {
    check_single(file, src, Goal::Program)
}

/// Checks one file as a package that need not be a program.
pub fn check_package(file: &ast::File, src: &SourceFile) -> Result<Checked, Vec<Diagnostic>> {
    check_single(file, src, Goal::Package)
}

fn check_single(file: &ast::File, src: &SourceFile, goal: Goal) -> Result<Checked, Vec<Diagnostic>> {
    let map = SourceMap::single(SourceFile::new(src.name.clone(), src.text.clone()));
    let input = PackageInput { path: "command-line-arguments".into(), files: vec![file], std: false, imports: Default::default(), lang: None };
    checker::check_packages(&[input], &map, file.node_count, goal).map_err(|e| e.1)
}

/// Checks a program's packages (in initialisation order, the root last) into one `TypeTable` and
/// one `Info`. On errors: the index of the package that has them, and its diagnostics.
pub fn check_program(pkgs: &[PackageInput<'_>], src: &SourceMap, node_count: u32, goal: Goal) -> Result<Checked, (usize, Vec<Diagnostic>)> {
    checker::check_packages(pkgs, src, node_count, goal)
}
