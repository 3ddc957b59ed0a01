//! The universe scope (predeclared identifiers) and the modelled standard-library packages
//! The universe scope (predeclared identifiers) and the modelled standard-library package `fmt`
//! (unless `GOJIT_FMT=goroot`), with its real Go signatures (package `runtime` is the runtime
//! facade's Go source, `load::facade`; `errors`, `strings`, `strconv`, `os` and the rest are
//! compiled from GOROOT).
//!
//! Invariant: every package member is an [`ObjKind::External`] (or a `TypeName` for the few
//! exported types: `fmt.Stringer`), created once per check by [`Stdlib::new`].

use std::collections::HashMap;

use super::info::{Builtin, External, Info, ObjId, ObjKind, Object, Package};
use super::ty::{IMethod, TypeId, TypeTable};
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

/// The modelled standard library: members of each package by name.
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

/// The modelled package with import path `path` (None: the package is compiled from source).
/// Deleting a package here makes the loader compile GOROOT's source for it instead.
pub fn package_of(path: &str) -> Option<Package> {
    Some(match path {
        "fmt" if std::env::var_os("GOJIT_FMT").is_none_or(|v| v != "goroot") => Package::Fmt,
        "unsafe" => Package::Unsafe,
        _ => return None,
    })
}

impl Stdlib {
    pub fn new(tt: &mut TypeTable, info: &mut Info) -> Stdlib {
        let mut members = HashMap::new();
        let any = TypeTable::EMPTY_INTERFACE;
        let err = TypeTable::ERROR;
        let s = TypeTable::STRING;
        let int = TypeTable::INT;
        let any_slice = tt.slice(any);
        let byte_slice = tt.slice(TypeTable::BYTE);
        let n_err = vec![int, err];

        let ext = |tt: &mut TypeTable,
                       info: &mut Info,
                       members: &mut HashMap<(Package, &'static str), ObjId>,
                       pkg: Package,
                       name: &'static str,
                       e: External,
                       ty: TypeId|
         -> ObjId {
            let _ = tt;
            let id = info.objects.push(Object {
                name: name.to_string(),
                span: Span::default(),
                kind: ObjKind::External { ext: e, ty },
                pkg: None,
            });
            if !name.is_empty() {
                members.insert((pkg, name), id);
            }
            id
        };

        // io.Writer (internal: the parameter type of fmt.Fprint*).
        let write_sig = tt.func(vec![byte_slice], n_err.clone(), false);
        let writer = tt.new_named("Writer", "io", None);
        let wu = tt.interface(vec![IMethod { name: "Write".into(), sig: write_sig, pkg: String::new() }]);
        tt.set_underlying(writer, wu);

        // fmt
        use External::*;
        let print_sig = tt.func(vec![any_slice], n_err.clone(), true);
        let printf_sig = tt.func(vec![s, any_slice], n_err.clone(), true);
        let sprint_sig = tt.func(vec![any_slice], vec![s], true);
        let sprintf_sig = tt.func(vec![s, any_slice], vec![s], true);
        let errorf_sig = tt.func(vec![s, any_slice], vec![err], true);
        let fprint_sig = tt.func(vec![writer, any_slice], n_err.clone(), true);
        let fprintf_sig = tt.func(vec![writer, s, any_slice], n_err.clone(), true);
        let f = Package::Fmt;
        for (name, e, ty) in [
            ("Println", FmtPrintln, print_sig),
            ("Print", FmtPrint, print_sig),
            ("Printf", FmtPrintf, printf_sig),
            ("Sprintf", FmtSprintf, sprintf_sig),
            ("Sprint", FmtSprint, sprint_sig),
            ("Sprintln", FmtSprintln, sprint_sig),
            ("Errorf", FmtErrorf, errorf_sig),
            ("Fprintln", FmtFprintln, fprint_sig),
            ("Fprint", FmtFprint, fprint_sig),
            ("Fprintf", FmtFprintf, fprintf_sig),
        ] {
            ext(tt, info, &mut members, f, name, e, ty);
        }
        let string_sig = tt.func(vec![], vec![s], false);
        let stringer = named_type(tt, info, &mut members, Package::Fmt, "Stringer");
        let su = tt.interface(vec![IMethod { name: "String".into(), sig: string_sig, pkg: String::new() }]);
        tt.set_underlying(stringer, su);

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

fn named_type(
    tt: &mut TypeTable,
    info: &mut Info,
    members: &mut HashMap<(Package, &'static str), ObjId>,
    pkg: Package,
    name: &'static str,
) -> TypeId {
    let obj = info.objects.push(Object {
        name: name.to_string(),
        span: Span::default(),
        kind: ObjKind::TypeName { ty: TypeTable::INVALID },
        pkg: None,
    });
    let t = tt.new_named(name, pkg.path(), Some(obj));
    info.objects[obj].kind = ObjKind::TypeName { ty: t };
    members.insert((pkg, name), obj);
    t
}
