//! Data-driven tests of the lexer, parser and error messages.
//!
//! `check_parse(src, expected)` compares the s-expression dump of a parsed file (minus the
//! `(package main)` line) with `expected`; `check_error(src, expected)` compares the rendered
//! diagnostics (`line:col: msg`, one per line) with messages produced by real Go 1.19 (`go build`)
//! on the same input; `check_tokens` shows the token stream with inserted semicolons.

use super::ast::*;
use super::lexer::{Lexer, SemiKind, Tok};
use super::*;
use crate::diag::SourceFile;

fn parse(src: &str) -> Result<File, String> {
    let f = SourceFile::new("p.go", src);
    parse_file(&f).map_err(|ds| render(&f, &ds))
}

fn render(f: &SourceFile, ds: &[Diagnostic]) -> String {
    ds.iter()
        .map(|d| {
            let (l, c) = f.line_col(d.span.lo);
            format!("{}:{}: {}", l, c, d.msg)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[track_caller]
fn check_parse(src: &str, expected: &str) {
    let full = format!("package main\n{}", src);
    match parse(&full) {
        Ok(file) => {
            let d = dump(&file);
            let got = d.strip_prefix("(package main)\n").unwrap_or(&d);
            assert_eq!(got.trim(), expected.trim(), "\nsource:\n{}", src);
        }
        Err(e) => panic!("unexpected errors:\n{}\nsource:\n{}", e, src),
    }
}

/// Parses `func main() { body }` and compares the statements' dump (one per line).
#[track_caller]
fn check_stmts(body: &str, expected: &str) {
    let full = format!("package main\nfunc main() {{\n{}\n}}\n", body);
    match parse(&full) {
        Ok(file) => {
            let Some(Decl::Func(f)) = file.decls.first() else { panic!("no func") };
            let got: Vec<String> = f.body.as_ref().unwrap().stmts.iter().map(dump::dump_stmt).collect();
            assert_eq!(got.join("\n"), expected.trim(), "\nsource:\n{}", body);
        }
        Err(e) => panic!("unexpected errors:\n{}\nsource:\n{}", e, body),
    }
}

/// Parses `x := <expr>` inside main and compares the dump of the expression.
#[track_caller]
fn check_expr(expr: &str, expected: &str) {
    let full = format!("package main\nfunc main() {{\n\tx := {}\n}}\n", expr);
    match parse(&full) {
        Ok(file) => {
            let Some(Decl::Func(f)) = file.decls.first() else { panic!("no func") };
            let StmtKind::ShortVarDecl { rhs, .. } = &f.body.as_ref().unwrap().stmts[0].kind else { panic!() };
            assert_eq!(dump::dump_expr(&rhs[0]), expected, "\nexpr: {}", expr);
        }
        Err(e) => panic!("unexpected errors:\n{}\nexpr: {}", e, expr),
    }
}

#[track_caller]
fn check_error(src: &str, expected: &str) {
    match parse(src) {
        Ok(f) => panic!("expected errors, parsed fine:\n{}", dump(&f)),
        Err(e) => assert_eq!(e.trim(), expected.trim(), "\nsource:\n{}", src),
    }
}

fn tokens(src: &str) -> String {
    let mut lx = Lexer::new(src);
    let mut out = Vec::new();
    loop {
        let t = lx.next_token();
        let s = match t.tok {
            Tok::Eof => break,
            Tok::Semi(SemiKind::Explicit) => ";".to_string(),
            Tok::Semi(SemiKind::Newline) => ";nl".to_string(),
            Tok::Semi(SemiKind::Eof) => ";eof".to_string(),
            _ => src[t.span.lo as usize..t.span.hi as usize].to_string(),
        };
        out.push(s);
    }
    out.join(" ")
}

#[track_caller]
fn check_tokens(src: &str, expected: &str) {
    assert_eq!(tokens(src), expected, "\nsource: {:?}", src);
}

#[test]
fn conformance_debug() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().map(|x| x == "go").unwrap_or(false) {
            let src = std::fs::read_to_string(&p).unwrap();
            match parse(&src) {
                Ok(f) => { n += 1; if p.ends_with("recovered_value_types.go") { println!("{}", dump(&f)); } }
                Err(e) => println!("{}: {}", p.display(), e),
            }
        }
    }
    println!("ok {}", n);
}
