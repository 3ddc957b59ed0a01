//! Load: `gojit run|check|dump` arguments → the program's package graph, as the go command builds
//! it for linux/amd64 (DESIGN §9).
//!
//! Arguments are one or more `.go` files of one package (the package `command-line-arguments`),
//! a directory (`.`, `./cmd/x`, an absolute path), or an import path (the main module's packages,
//! the standard library, or a required module's package from `vendor/` or GOMODCACHE). Every
//! import is resolved (`resolve`), its directory's files selected (`constraint`) and parsed into
//! the program's one position space and one `NodeId` space, then the packages are ordered for
//! initialisation (`graph`).
//!
//! Imports of the packages the compiler implements itself (`types::modelled_package`: `unsafe`)
//! are leaves with no source.
//! The packages of the runtime facade (`facade`: `runtime`) are compiled from the Go source
//! embedded in gojit instead of GOROOT's.
//!
//! Modules: `constraint` (build tags, file names), `facade` (the embedded runtime facade), `gomod` (go.mod), `goroot` (GOROOT,
//! GOMODCACHE), `resolve` (import path → directory, `internal/`), `graph` (loading, cycles, order).

pub mod constraint;
pub mod facade;
pub mod gomod;
pub mod goroot;
pub mod inputs;
mod graph;
pub mod resolve;

use std::path::PathBuf;

use crate::diag::SourceMap;
use crate::syntax::ast;

pub use graph::load;

/// Index of a package in [`Loaded::packages`].
pub type PkgIndex = usize;

/// One package of the program.
#[derive(Debug)]
pub struct Package {
    /// The import path (`example.com/m/util`, `unicode/utf8`, `command-line-arguments`).
    pub path: String,
    /// The package clause's name.
    pub name: String,
    pub dir: PathBuf,
    /// Its files, as indices into [`Loaded::files`] (and the source map), in file-name order.
    pub files: Vec<usize>,
    /// Imported source packages (modelled packages are not listed), without duplicates.
    pub imports: Vec<PkgIndex>,
    /// From GOROOT.
    pub std: bool,
    /// The language version gc is given (`-lang`, as `go1.N`): the `go` line of the go.mod of
    /// the module holding the package (`go1.16` when it has none), `None` for GOROOT's packages
    /// and outside a module (no version check then, as gc without `-lang`).
    pub lang: Option<String>,
}

impl Package {
    /// The prefix of the package's symbols as gc spells them: `main` for the main package, the
    /// import path otherwise.
    pub fn symbol_prefix(&self) -> &str {
        if self.name == "main" { "main" } else { &self.path }
    }
}

/// A loaded program: every file parsed, packages in initialisation order (each after all it
/// imports; among ready packages, the one whose import path sorts first, as the spec's
/// package initialisation says), the root package last.
pub struct Loaded {
    pub sources: SourceMap,
    pub files: Vec<ast::File>,
    pub packages: Vec<Package>,
    /// The next free `NodeId` (every file's ids are below it).
    pub node_count: u32,
    /// Whether the root is a directory or package path (diagnostics then print as the go command
    /// prints a package's: a `# path` line, paths relative to the working directory) rather
    /// than files named on the command line (printed as given).
    pub package_mode: bool,
}

impl Loaded {
    pub fn root(&self) -> &Package {
        self.packages.last().expect("a loaded program has a root package")
    }

    /// The package holding file `file` (index into [`Loaded::files`]).
    pub fn package_of_file(&self, file: usize) -> PkgIndex {
        self.packages.iter().position(|p| p.files.contains(&file)).unwrap_or(self.packages.len() - 1)
    }
}

/// Why loading failed: lines to print on stderr as they are (already rendered with positions).
#[derive(Debug)]
pub struct LoadError {
    pub lines: Vec<String>,
}

impl LoadError {
    pub fn new(line: impl Into<String>) -> LoadError {
        LoadError { lines: vec![line.into()] }
    }
}
