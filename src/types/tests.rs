//! Checker tests: data-driven `check_ok` / `check_err` cases (messages copied from real Go
//! output, current-Go wording where Go 1.19 differs), Info contents, and whole-corpus checks
//! (`tests/run`, `tests/errors`, `/work/shared/{conformance,bench}`).

use std::path::{Path, PathBuf};

use super::*;
use crate::diag::SourceFile;
use crate::syntax;

/// Parses and checks; returns rendered diagnostics (`L:C: msg`, first line of each message).
fn run(src: &str) -> Result<Checked, Vec<String>> {
    run_named("x.go", src)
}

fn run_named(name: &str, src: &str) -> Result<Checked, Vec<String>> {
    let sf = SourceFile::new(name, src);
    let file = match syntax::parse_file(&sf) {
        Ok(f) => f,
        Err(es) => return Err(es.iter().map(|d| format!("syntax: {}", sf.render(d))).collect()),
    };
    check(&file, &sf).map_err(|es| {
        es.iter()
            .map(|d| {
                let (l, c) = sf.line_col(d.span.lo);
                format!("{l}:{c}: {}", d.msg.lines().next().unwrap_or(""))
            })
            .collect()
    })
}

#[track_caller]
fn check_ok(src: &str) -> Checked {
    match run(src) {
        Ok(c) => c,
        Err(es) => panic!("unexpected errors:\n{}\nin:\n{src}", es.join("\n")),
    }
}

#[track_caller]
fn check_err(src: &str, want: &[&str]) {
    match run(src) {
        Ok(_) => panic!("expected errors {want:?}, got none, in:\n{src}"),
        Err(es) => {
            let got: Vec<&str> = es.iter().map(|s| s.as_str()).collect();
            assert_eq!(got, want, "in:\n{src}");
        }
    }
}

/// Wraps statements in `package main; func main() { ... }` (body starts on line 4, column 2).
fn body(stmts: &str) -> String {
    format!("package main\n\nfunc main() {{\n{stmts}\n}}\n")
}

#[test]
fn hello_world() {
    check_ok("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello\", 1, 2.5, true, nil)\n}\n");
}

#[test]
fn basic_errors() {
    check_err(&body("\tx := 1\n\tvar s string = \"a\"\n\tprintln(x + s)"), &["6:10: invalid operation: x + s (mismatched types int and string)"]);
    check_err(&body("\tvar b int8 = 300\n\tprintln(b)"), &["4:15: cannot use 300 (untyped int constant) as int8 value in variable declaration (overflows)"]);
    check_err(&body("\tvar b int8\n\tprintln(b + 300)"), &["5:14: 300 (untyped int constant) overflows int8"]);
    check_err(&body("\tprintln(byte(256))"), &["4:15: constant 256 overflows byte"]);
    check_err(&body("\tvar y int\n\ty = 2"), &["4:6: declared and not used: y"]);
    check_err(&body("\tvar m []int\n\tprintln(m == m)"), &["5:10: invalid operation: m == m (slice can only be compared to nil)"]);
    check_err(&body("\tz, w := 1\n\tprintln(z, w)"), &["4:10: assignment mismatch: 2 variables but 1 value"]);
    check_err(&body("\tprintln(x)"), &["4:10: undefined: x"]);
}

#[test]
fn imports() {
    check_err("package main\n\nimport \"os\"\n\nfunc main() {}\n", &["3:8: \"os\" imported and not used"]);
    check_err("package main\n\nimport \"unsafe\"\n\nfunc main() {}\n", &["3:8: package unsafe not supported by gojit"]);
}

#[test]
fn missing_return() {
    check_err("package main\n\nfunc f(x int) int {\n\tif x > 0 {\n\t\treturn 1\n\t}\n}\n\nfunc main() { f(1) }\n", &["7:1: missing return"]);
    check_ok("package main\n\nfunc f(x int) int {\n\tfor {\n\t}\n}\n\nfunc g(x int) int {\n\tswitch {\n\tcase x > 0:\n\t\treturn 1\n\tdefault:\n\t\tpanic(\"no\")\n\t}\n}\n\nfunc main() { f(1); g(1) }\n");
}

#[test]
fn info_records_final_constant_types() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar x int8 = 1 + 2\n\tfmt.Println(x, 3)\n}\n";
    let sf = SourceFile::new("x.go", src);
    let file = syntax::parse_file(&sf).unwrap();
    let c = check(&file, &sf).unwrap();
    // Every recorded expression type is typed.
    for (_, tv) in c.info.types.iter() {
        if tv.mode != Mode::Invalid && tv.mode != Mode::NoValue {
            assert!(!c.types.is_untyped(tv.ty), "untyped type recorded: {:?}", tv);
        }
    }
    // The `3` argument is an int converted to `any`.
    assert_eq!(c.info.implicit_conversions.len(), 2);
    assert!(c.info.implicit_conversions.values().all(|&t| t == TypeTable::EMPTY_INTERFACE));
}

#[test]
fn closures_captures_and_defer_info() {
    let src = "package main\n\nfunc main() {\n\tx := 1\n\tf := func() int {\n\t\tg := func() int { return x }\n\t\treturn g()\n\t}\n\tdefer println(f())\n\tfor i := 0; i < 3; i++ {\n\t\tdefer println(i)\n\t}\n}\n";
    let sf = SourceFile::new("x.go", src);
    let file = syntax::parse_file(&sf).unwrap();
    let c = check(&file, &sf).unwrap();
    // Both literals capture x.
    assert_eq!(c.info.captures.len(), 2);
    for caps in c.info.captures.values() {
        assert_eq!(caps.len(), 1);
        assert_eq!(c.info.objects[caps[0]].name, "x");
    }
    let main_id = match &file.decls[0] {
        syntax::ast::Decl::Func(f) => f.id,
        _ => unreachable!(),
    };
    let fi = &c.info.funcs[&main_id];
    assert_eq!(fi.defer_count, 2);
    assert!(fi.defer_in_loop);
    assert!(!fi.open_coded_defers);
}

#[test]
fn type_strings_and_layout() {
    let mut tt = TypeTable::new();
    let m = tt.map(TypeTable::STRING, TypeTable::INT);
    assert_eq!(tt.type_string(m), "map[string]int");
    let f = tt.func(vec![TypeTable::INT], vec![TypeTable::STRING], false);
    assert_eq!(tt.type_string(f), "func(int) string");
    assert_eq!(tt.type_string(TypeTable::EMPTY_INTERFACE), "interface {}");
    assert_eq!(tt.type_string(TypeTable::ERROR), "error");
    let s = tt.intern(Type::Struct {
        fields: vec![
            ty::Field { name: "a".into(), ty: TypeTable::INT8, embedded: false, tag: None },
            ty::Field { name: "b".into(), ty: TypeTable::INT64, embedded: false, tag: None },
            ty::Field { name: "c".into(), ty: TypeTable::STRING, embedded: false, tag: None },
        ],
    });
    assert_eq!(tt.type_string(s), "struct { a int8; b int64; c string }");
    assert_eq!(tt.field_offsets(s), vec![0, 8, 16]);
    assert_eq!(tt.size_of(s), 32);
    let sl = tt.slice(TypeTable::INT);
    assert_eq!(tt.slice(TypeTable::INT), sl);
    assert_eq!(tt.size_of(sl), 24);
}

// ----- corpus ------------------------------------------------------------------------------------

fn go_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else { return vec![] };
    let mut v: Vec<PathBuf> = rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "go")).collect();
    v.sort();
    v
}

fn check_dir_clean(dir: &Path) -> Vec<String> {
    let mut failures = vec![];
    for p in go_files(dir) {
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        if let Err(es) = run(&text) {
            failures.push(format!("{}: {}", p.display(), es.join(" | ")));
        }
    }
    failures
}

#[test]
fn corpus_programs_type_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut failures = vec![];
    for d in [root.join("tests/run"), root.join("tests/conformance"), root.join("../../shared/conformance"), root.join("../../shared/bench"), root.join("../shared/conformance"), root.join("../shared/bench")] {
        failures.extend(check_dir_clean(&d));
    }
    assert!(failures.is_empty(), "{} programs failed to type-check:\n{}", failures.len(), failures.join("\n"));
}

/// Every `tests/errors/*.go` case whose expectation is a type error reports exactly gc's lines.
#[test]
fn corpus_error_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/errors");
    let mut failures = vec![];
    let mut passed = 0;
    for p in go_files(&root) {
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        let want = std::fs::read_to_string(p.with_extension("err")).unwrap_or_default();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let want: Vec<String> = want
            .lines()
            .filter(|l| l.starts_with(&name))
            .map(|l| l[name.len() + 1..].to_string())
            .collect();
        let got = match run_named(&name, &text) {
            Ok(_) => vec![],
            Err(es) => es,
        };
        if got.iter().any(|g| g.starts_with("syntax:")) {
            continue; // the parser's business
        }
        if got != want {
            failures.push(format!("{name}:\n  want {want:?}\n  got  {got:?}"));
        } else {
            passed += 1;
        }
    }
    eprintln!("corpus errors: {passed} passed, {} failed", failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Generates a ~10,000-line program (functions with methods, closures, defers, maps, ranges).
fn generated_program(funcs: usize) -> String {
    let mut s = String::from(
        "package main\n\nimport \"fmt\"\n\ntype Point struct {\n\tX, Y int\n\tName string\n}\n\nfunc (p *Point) Move(dx int) { p.X += dx }\n\nfunc (p Point) String() string { return fmt.Sprintf(\"%d,%d\", p.X, p.Y) }\n\n",
    );
    for n in 0..funcs {
        s.push_str(&format!(
            "func f{n}(a int, s []int, m map[string]int) (int, error) {{\n\tp := &Point{{X: a, Y: {n}, Name: \"p{n}\"}}\n\tp.Move(3)\n\ttotal := 0\n\tfor i, v := range s {{\n\t\tif v%2 == 0 && i < 10 {{\n\t\t\ttotal += v * i\n\t\t}} else {{\n\t\t\ttotal -= len(m)\n\t\t}}\n\t}}\n\tswitch {{\n\tcase total > 100:\n\t\treturn total, fmt.Errorf(\"too big: %d\", total)\n\t}}\n\tdefer func() {{ m[p.String()] = total }}()\n\tx := []string{{\"a\", \"b\", p.Name}}\n\treturn total + len(x) + int(float64(a)*1.5), nil\n}}\n\n"
        ));
    }
    s.push_str("func main() {\n\tm := map[string]int{}\n");
    for i in (0..funcs).step_by(50) {
        s.push_str(&format!("\tfmt.Println(f{i}(1, []int{{1, 2, 3}}, m))\n"));
    }
    s.push_str("}\n");
    s
}

/// Checking a 10,000-line program must take well under 50 ms (measured in release builds; the
/// debug build is only checked for a generous bound so the test cannot flake).
#[test]
fn ten_thousand_lines_check_fast() {
    let src = generated_program(500);
    assert!(src.lines().count() >= 10_000);
    let sf = SourceFile::new("big.go", src.as_str());
    let file = syntax::parse_file(&sf).unwrap();
    let mut elapsed = std::time::Duration::MAX;
    let mut c = Err(vec![]);
    for _ in 0..5 {
        drop(std::mem::replace(&mut c, Err(vec![])));
        let start = std::time::Instant::now();
        c = check(&file, &sf);
        elapsed = elapsed.min(start.elapsed());
    }
    assert!(c.is_ok());
    eprintln!("checked {} lines in {:.2} ms", src.lines().count(), elapsed.as_secs_f64() * 1e3);
    assert!(elapsed.as_millis() < 2000);
}
