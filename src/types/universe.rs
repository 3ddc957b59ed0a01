//! The universe scope (predeclared identifiers) and package `unsafe`, the one package the
//! compiler implements itself (package `runtime` is the runtime facade's Go source,
//! `load::facade`; every other package, fmt included, is compiled from GOROOT).
//!
//! Invariant: `unsafe`'s members (the type `Pointer` and the unsafe builtins) are created once per
//! check by [`Stdlib::new`].

use std::collections::HashMap;

use super::info::{Builtin, Info, ObjId, ObjKind, Object, Package};
use super::ty::{TypeId, TypeTable};
use crate::diag::Span;

/// Objects of the universe scope, by name.
pub(super) fn universe(tt: &mut TypeTable, info: &mut Info) -> HashMap<String, ObjId> {
    let mut u = HashMap::new();
    let mut add = |info: &mut Info, name: &str, kind: ObjKind| {
        let id = info.objects.push(Object { name: name.to_string(), span: Span::default(), kind, pkg: None });
        u.insert(name.to_string(), id);
    };
    let basics: [(&str, TypeId); 21] = [
        ("bool", TypeTable::BOOL),
        ("int", TypeTable::INT),
        ("int8", TypeTable::INT8),
        ("int16", TypeTable::INT16),
        ("int32", TypeTable::INT32),
        ("int64", TypeTable::INT64),
        ("uint", TypeTable::UINT),
        ("uint8", TypeTable::UINT8),
        ("uint16", TypeTable::UINT16),
        ("uint32", TypeTable::UINT32),
        ("uint64", TypeTable::UINT64),
        ("uintptr", TypeTable::UINTPTR),
        ("float32", TypeTable::FLOAT32),
        ("float64", TypeTable::FLOAT64),
        ("string", TypeTable::STRING),
        ("byte", TypeTable::BYTE),
        ("rune", TypeTable::RUNE),
        ("error", TypeTable::ERROR),
        ("any", TypeTable::EMPTY_INTERFACE),
        ("complex64", TypeTable::COMPLEX64),
        ("complex128", TypeTable::COMPLEX128),
    ];
    for (name, ty) in basics {
        add(info, name, ObjKind::TypeName { ty });
    }
    // `comparable`: the predeclared constraint of strictly comparable types
    let comparable = tt.new_named("comparable", "", None);
    let cu = tt.intern(super::ty::Type::Constraint { methods: vec![], terms: None, comparable: true });
    tt.set_underlying(comparable, cu);
    add(info, "comparable", ObjKind::TypeName { ty: comparable });
    add(info, "true", ObjKind::Const { ty: TypeTable::UNTYPED_BOOL, val: super::ConstValue::Bool(true) });
    add(info, "false", ObjKind::Const { ty: TypeTable::UNTYPED_BOOL, val: super::ConstValue::Bool(false) });
    add(info, "iota", ObjKind::Iota);
    add(info, "nil", ObjKind::Nil);
    for b in Builtin::ALL {
        add(info, b.name(), ObjKind::Builtin(b));
    }
    let _ = tt;
    u
}

/// The members of the compiler-implemented packages (`unsafe`), by package and name.
pub(super) struct Stdlib {
    pub members: HashMap<(Package, &'static str), ObjId>,
}

/// Import paths of real standard-library packages gojit does not model (for a precise message).
pub(super) const KNOWN_STD: &[&str] = &[
    "bufio", "bytes", "context", "math", "math/rand", "math/bits", "sort", "sync", "time", "unicode",
    "unicode/utf8", "io", "reflect", "regexp", "encoding/json", "log", "path", "path/filepath", "slices",
    "maps", "container/list", "container/heap", "sync/atomic", "io/ioutil", "flag", "hash", "crypto",
    "encoding/binary", "text/template", "net", "net/http", "testing", "iter", "cmp",
];

/// The compiler-implemented package with import path `path` (None: the package is compiled from
/// source).
pub fn package_of(path: &str) -> Option<Package> {
    Some(match path {
        "unsafe" => Package::Unsafe,
        _ => return None,
    })
}

impl Stdlib {
    pub fn new(tt: &mut TypeTable, info: &mut Info) -> Stdlib {
        let _ = tt;
        let mut members = HashMap::new();
        // unsafe: the type Pointer and the unsafe builtins.
        let obj = info.objects.push(Object { name: "Pointer".into(), span: Span::default(), kind: ObjKind::TypeName { ty: TypeTable::UNSAFE_POINTER }, pkg: None });
        members.insert((Package::Unsafe, "Pointer"), obj);
        for b in Builtin::UNSAFE {
            let name = b.name().trim_start_matches("unsafe.");
            let obj = info.objects.push(Object { name: name.into(), span: Span::default(), kind: ObjKind::Builtin(b), pkg: None });
            members.insert((Package::Unsafe, name), obj);
        }

        Stdlib { members }
    }
}
