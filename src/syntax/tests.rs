//! Data-driven tests of the lexer, parser and error messages.
//!
//! `check_parse(src, expected)` compares the s-expression dump of a parsed file (minus the
//! `(package main)` line) with `expected`; `check_error(src, expected)` compares the rendered
//! diagnostics (`line:col: msg`, one per line) with what real Go 1.19 (`go build`) prints for the
//! same input, in current Go's wording where it differs (`expected` for 1.19's `expecting`,
//! `unexpected name x` / `keyword else`, late imports, `invalid syntax tree:`), as the project
//! follows current Go; positions are Go 1.19's. `check_tokens` shows the token stream with
//! inserted semicolons.

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

/// Manual tool: `GOJIT_SYNTAX_DIR=dir cargo test --lib dump_dir -- --ignored --nocapture` prints
/// the rendered diagnostics of every `.go` file in `dir` (used to compare with `go build`).
#[test]
#[ignore]
fn dump_dir() {
    let Ok(dir) = std::env::var("GOJIT_SYNTAX_DIR") else { return };
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    for p in paths {
        if p.extension().map(|x| x == "go").unwrap_or(false) {
            let bytes = std::fs::read(&p).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let (f, r) = parse_bytes(&name, &bytes);
            let ds = r.err().unwrap_or_default();
            println!("== {}", name);
            for d in &ds {
                println!("{}", f.render(d));
            }
        }
    }
}

// ---------- lexer ----------

#[test]
fn semicolon_insertion() {
    check_tokens("x\ny", "x ;nl y ;eof");
    check_tokens("f()\n", "f ( ) ;nl");
    check_tokens("a[1]\n}\n", "a [ 1 ] ;nl } ;nl");
    check_tokens("return\nbreak\ncontinue\nfallthrough\n", "return ;nl break ;nl continue ;nl fallthrough ;nl");
    check_tokens("i++\ni--\n", "i ++ ;nl i -- ;nl");
    check_tokens("1\n2.5\n'a'\n\"s\"\n`r`\n", "1 ;nl 2.5 ;nl 'a' ;nl \"s\" ;nl `r` ;nl");
    // no insertion after operators, other keywords, commas, opening brackets
    check_tokens("a +\nb", "a + b ;eof");
    check_tokens("f(a,\nb)", "f ( a , b ) ;eof");
    check_tokens("if x {\n}", "if x { } ;eof");
    check_tokens("func\n", "func");
    // comments: line comments keep the newline; multi-line general comments act as a newline
    check_tokens("x // c\ny", "x ;nl y ;eof");
    check_tokens("x /* c */ y", "x y ;eof");
    check_tokens("x /* a\nb */ y", "x ;nl y ;eof");
    check_tokens("+ /* a\nb */ y", "+ y ;eof");
    check_tokens("x;y", "x ; y ;eof");
    check_tokens("\u{FEFF}x", "x ;eof");
}

#[test]
fn operators_are_maximal_munch() {
    check_tokens("a&^=b<<=c>>=d&&e||f<-g...h:=i!=j", "a &^= b <<= c >>= d && e || f <- g ... h := i != j ;eof");
    check_tokens("a &^ b . c ~ d", "a &^ b . c ~ d ;eof");
}

#[test]
fn literal_decoding() {
    use super::literal::*;
    assert_eq!(decode_int("0x_FF"), Some(255));
    assert_eq!(decode_int("0o17"), Some(15));
    assert_eq!(decode_int("017"), Some(15));
    assert_eq!(decode_int("0b1010"), Some(10));
    assert_eq!(decode_int("1_000_000"), Some(1_000_000));
    assert_eq!(decode_int("0"), Some(0));
    assert_eq!(decode_int("340282366920938463463374607431768211455"), Some(u128::MAX));
    assert_eq!(decode_int("340282366920938463463374607431768211456"), None);
    assert_eq!(decode_float("1.5e3"), 1500.0);
    assert_eq!(decode_float(".25"), 0.25);
    assert_eq!(decode_float("1."), 1.0);
    assert_eq!(decode_float("1_0.0_1"), 10.01);
    assert_eq!(decode_float("0x1p-2"), 0.25);
    assert_eq!(decode_float("0x1.8p1"), 3.0);
    assert_eq!(decode_float("0X_1FFFP-16"), 0.1249847412109375);
    assert_eq!(decode_float("1e400"), f64::INFINITY);
    assert_eq!(decode_rune("'a'"), 97);
    assert_eq!(decode_rune("'\\n'"), 10);
    assert_eq!(decode_rune("'\\x7f'"), 127);
    assert_eq!(decode_rune("'\\377'"), 255);
    assert_eq!(decode_rune("'\\u12e4'"), 0x12e4);
    assert_eq!(decode_rune("'\\U00101234'"), 0x101234);
    assert_eq!(decode_rune("'\\''"), 39);
    assert_eq!(decode_rune("'ä'"), 0xe4);
    assert_eq!(decode_string("\"a\\tb\\\"\""), b"a\tb\"".to_vec());
    assert_eq!(decode_string("\"\\xff\\000\""), vec![0xff, 0]);
    assert_eq!(decode_string("\"\\u00e4\""), "ä".as_bytes().to_vec());
    assert_eq!(decode_string("\"日本\""), "日本".as_bytes().to_vec());
    assert_eq!(decode_string("`a\\n\r\nb`"), b"a\\n\nb".to_vec());
}

#[test]
fn literals_in_ast() {
    let f = parse("package main\nvar x = 0x_10 + 1e2 + 'x' + \"a\\xffb\" + 99999999999999999999999999999999999999999\n").unwrap();
    let Decl::Var(v) = &f.decls[0] else { panic!() };
    let mut lits = Vec::new();
    fn walk(e: &Expr, out: &mut Vec<Lit>) {
        match &e.kind {
            ExprKind::Binary { x, y, .. } => {
                walk(x, out);
                walk(y, out);
            }
            ExprKind::Lit(l) => out.push(l.clone()),
            _ => panic!(),
        }
    }
    walk(&v.specs[0].values[0], &mut lits);
    assert_eq!(lits[0], Lit::Int { text: "0x_10".into(), value: Some(16) });
    assert_eq!(lits[1], Lit::Float { text: "1e2".into(), value: 100.0 });
    assert_eq!(lits[2], Lit::Rune { text: "'x'".into(), value: 120 });
    assert_eq!(lits[3], Lit::Str(vec![b'a', 0xff, b'b']));
    assert!(matches!(&lits[4], Lit::Int { value: None, .. }));
}

// ---------- declarations ----------

#[test]
fn imports() {
    check_parse(
        "import \"fmt\"\nimport (\n\t\"os\"\n\tstr \"strings\"\n\t. \"errors\"\n)\n",
        "(import \"fmt\")\n(import \"os\")\n(import str \"strings\")\n(import . \"errors\")",
    );
}

#[test]
fn const_iota_and_implicit_repetition() {
    check_parse(
        "const (\n\ta = iota\n\tb\n\tc, d int = iota * 2, 1\n\te, f\n)\nconst g = 1\n",
        "(const (spec 0 [a] _ [iota]) (spec* 1 [b] _ [iota]) (spec 2 [c d] int [(* iota 2) 1]) (spec* 3 [e f] int [(* iota 2) 1]))\n(const (spec 0 [g] _ [1]))",
    );
    // Repeated expressions get fresh, dense node ids.
    let f = parse("package main\nconst (\n\ta = iota + 1\n\tb\n)\n").unwrap();
    let Decl::Const(c) = &f.decls[0] else { panic!() };
    assert!(c.specs[1].implicit);
    assert_ne!(c.specs[0].values[0].id, c.specs[1].values[0].id);
    let mut ids = Vec::new();
    collect_ids(&c.specs[0].values[0], &mut ids);
    collect_ids(&c.specs[1].values[0], &mut ids);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 6);
    assert!(ids.iter().all(|i| i.as_u32() < f.node_count));
}

fn collect_ids(e: &Expr, out: &mut Vec<NodeId>) {
    out.push(e.id);
    match &e.kind {
        ExprKind::Binary { x, y, .. } => {
            collect_ids(x, out);
            collect_ids(y, out);
        }
        ExprKind::Ident(i) => assert_eq!(i.id, e.id),
        _ => {}
    }
}

#[test]
fn var_decls() {
    check_parse(
        "var x int\nvar y, z = 1, \"s\"\nvar (\n\tp *int\n\tq []map[string][]*T = nil\n)\n",
        "(var (spec [x] int []))\n(var (spec [y z] _ [1 \"s\"]))\n(var (spec [p] (* int) []) (spec [q] ([] (map string ([] (* T)))) [nil]))",
    );
}

#[test]
fn type_decls() {
    check_parse(
        "type A int\ntype B = A\ntype (\n\tP struct {\n\t\tx, y int `json:\"x\"`\n\t\tT\n\t\t*fmt.Stringer\n\t}\n\tI interface {\n\t\tM(a int) (string, error)\n\t\terror\n\t}\n\tF func(int, ...string) bool\n\tArr [2 * N][]byte\n\tE struct{}\n)\n",
        "(type (spec A int))\n(type (alias B A))\n(type (spec P (struct ([x y] int \"json:\\\"x\\\"\") (T) ((* (. fmt Stringer))))) (spec I (interface (method M ([a] int) (string, error)) (embed error))) (spec F (functype (int, (... string)) (bool))) (spec Arr (array (* 2 N) ([] byte))) (spec E (struct)))",
    );
}

#[test]
fn func_decls() {
    check_parse(
        "func f() {}\nfunc (t *T) M(a, b int, c string) (r int, err error) { return }\nfunc g(int, string) (x, y int)\nfunc v(p ...interface{}) {}\nfunc (T) N() func() int { return nil }\n",
        "(func f () () (block))\n\
         (func (recv [t] (* T)) M ([a b] int, [c] string) ([r] int, [err] error) (block (return)))\n\
         (func g (int, string) ([x y] int))\n\
         (func v ([p] (... (interface))) () (block))\n\
         (func (recv T) N () ((functype () (int))) (block (return nil)))",
    );
}

// ---------- statements ----------

#[test]
fn simple_statements() {
    check_stmts(
        "\tx := 1\n\ta, b = b, a\n\tx += 2\n\tx <<= 1\n\tx &^= 3\n\tx++\n\tp.f--\n\tf(x)\n\t;\n\t{\n\t\ty := 2\n\t}\n\tvar z int\n\tconst c = 1\n\ttype T int",
        "(:= [x] [1])\n(= [a b] [b a])\n(+= [x] [2])\n(<<= [x] [1])\n(&^= [x] [3])\n(++ x)\n(-- (. p f))\n(expr (call f x))\n(empty)\n(block (:= [y] [2]))\n(var (spec [z] int []))\n(const (spec 0 [c] _ [1]))\n(type (spec T int))",
    );
}

#[test]
fn if_statements() {
    check_stmts(
        "\tif x {\n\t}\n\tif v := f(); v > 0 {\n\t} else if w := 1; w {\n\t} else {\n\t\treturn\n\t}",
        "(if _ x (block))\n(if (:= [v] [(call f)]) (> v 0) (block) (if (:= [w] [1]) w (block) (block (return))))",
    );
}

#[test]
fn for_statements() {
    check_stmts(
        "\tfor {\n\t}\n\tfor x < 3 {\n\t}\n\tfor i := 0; i < n; i++ {\n\t}\n\tfor ; ; {\n\t}\n\tfor i := range 10 {\n\t}\n\tfor k, v := range m {\n\t}\n\tfor range s {\n\t}\n\tfor a[0], b = range s {\n\t}\n\tfor _, c := range \"héllo\" {\n\t}",
        "(for _ _ _ (block))\n(for _ (< x 3) _ (block))\n(for (:= [i] [0]) (< i n) (++ i) (block))\n(for _ _ _ (block))\n(range:= i _ 10 (block))\n(range:= k v m (block))\n(range= _ _ s (block))\n(range= (index a 0) b s (block))\n(range:= _ c \"h\\xc3\\xa9llo\" (block))",
    );
}

#[test]
fn switch_statements() {
    check_stmts(
        "\tswitch {\n\tcase x > 1, x < 0:\n\t\tf()\n\t\tfallthrough\n\tdefault:\n\t}\n\tswitch y := 2; y {\n\tcase 1:\n\t}\n\tswitch f(); {\n\t}",
        "(switch _ _ (case [(> x 1) (< x 0)] (expr (call f)) (fallthrough)) (default))\n(switch (:= [y] [2]) y (case [1]))\n(switch (expr (call f)) _)",
    );
}

#[test]
fn type_switch_statements() {
    check_stmts(
        "\tswitch v := x.(type) {\n\tcase int, *T:\n\tcase nil:\n\tdefault:\n\t}\n\tswitch a := 1; x.(type) {\n\tcase []int, map[string]int, func(), interface{ M() }:\n\t}",
        "(typeswitch _ v x (case [int (* T)]) (case [nil]) (default))\n(typeswitch (:= [a] [1]) _ x (case [([] int) (map string int) (functype () ()) (interface (method M () ()))]))",
    );
    // each clause has its own node id for its implicit variable
    let f = parse("package main\nfunc main() {\n\tswitch v := x.(type) {\n\tcase int:\n\tcase string:\n\t}\n}\n").unwrap();
    let Decl::Func(fd) = &f.decls[0] else { panic!() };
    let StmtKind::TypeSwitch(ts) = &fd.body.as_ref().unwrap().stmts[0].kind else { panic!() };
    assert_ne!(ts.cases[0].id, ts.cases[1].id);
    assert_eq!(ts.bind.as_ref().unwrap().name, "v");
}

#[test]
fn branch_statements() {
    check_stmts(
        "outer:\n\tfor {\n\t\tbreak outer\n\t\tcontinue outer\n\t\tbreak\n\t\tcontinue\n\t\tgoto done\n\t}\ndone:\n\treturn\nempty:",
        "(label outer (for _ _ _ (block (break outer) (continue outer) (break) (continue) (goto done))))\n(label done (return))\n(label empty (empty))",
    );
}

#[test]
fn defer_and_return() {
    check_stmts(
        "\tdefer f(1)\n\tdefer t.M()\n\tdefer func() { recover() }()\n\treturn 1, \"a\"",
        "(defer (call f 1))\n(defer (call (. t M)))\n(defer (call (funclit () () (block (expr (call recover))))))\n(return 1 \"a\")",
    );
}

// ---------- expressions ----------

#[test]
fn precedence() {
    check_expr("a + b * c", "(+ a (* b c))");
    check_expr("a * b + c", "(+ (* a b) c)");
    check_expr("a || b && c == d", "(|| a (&& b (== c d)))");
    check_expr("a - b - c", "(- (- a b) c)");
    check_expr("1 << n & m | k ^ l &^ q % r", "(^ (| (& (<< 1 n) m) k) (% (&^ l q) r))");
    check_expr("-x * ^y", "(* (- x) (^ y))");
    check_expr("!a == !b", "(== (! a) (! b))");
    check_expr("*p + &v", "(+ (* p) (& v))");
    check_expr("(a + b) * c", "(* (paren (+ a b)) c)");
    check_expr("a <= b != (c >= d)", "(!= (<= a b) (paren (>= c d)))");
}

#[test]
fn primary_expressions() {
    check_expr("a.b.c(1, 2)[3]", "(index (call (. (. a b) c) 1 2) 3)");
    check_expr("s[1:2]", "(slice s 1 2)");
    check_expr("s[:]", "(slice s _ _)");
    check_expr("s[1:]", "(slice s 1 _)");
    check_expr("s[:2:3]", "(slice3 s _ 2 3)");
    check_expr("x.(int)", "(.( x int)");
    check_expr("x.(*T)", "(.( x (* T))");
    check_expr("f(xs...)", "(call... f xs)");
    check_expr("append(a, b...)", "(call... append a b)");
    check_expr("[]int(nil)", "(call ([] int) nil)");
    check_expr("(*T)(p)", "(call (paren (* T)) p)");
    check_expr("make(map[string]int, 10)", "(call make (map string int) 10)");
    check_expr("new(struct{ a int })", "(call new (struct ([a] int)))");
    check_expr("func(x int) int { return x }(3)", "(call (funclit ([x] int) (int) (block (return x))) 3)");
    check_expr("(*T).M", "(. (paren (* T)) M)");
    check_expr("interface{}(1)", "(call (interface) 1)");
}

#[test]
fn composite_literals() {
    check_expr("T{}", "(lit T)");
    check_expr("T{1, 2}", "(lit T 1 2)");
    check_expr("T{a: 1, b: 2,}", "(lit T (: a 1) (: b 2))");
    check_expr("&T{a: 1}", "(& (lit T (: a 1)))");
    check_expr("[]T{{1}, {2}}", "(lit ([] T) (lit _ 1) (lit _ 2))");
    check_expr("[...]int{1, 2}", "(lit (array ... int) 1 2)");
    check_expr("[2][2]int{{1, 2}, {3, 4}}", "(lit (array 2 (array 2 int)) (lit _ 1 2) (lit _ 3 4))");
    check_expr("map[string][]int{\"a\": {1}, \"b\": nil}", "(lit (map string ([] int)) (: \"a\" (lit _ 1)) (: \"b\" nil))");
    check_expr("map[P]int{{1, 2}: 3}", "(lit (map P int) (: (lit _ 1 2) 3))");
    check_expr("pkg.T{x}", "(lit (. pkg T) x)");
    check_expr("struct{ a int }{1}", "(lit (struct ([a] int)) 1)");
    check_expr("[]*T{&T{}, nil}", "(lit ([] (* T)) (& (lit T)) nil)");
}

#[test]
fn composite_literal_vs_block_in_headers() {
    // `{` after an identifier in a header starts the body...
    check_stmts("\tif x == y {\n\t}", "(if _ (== x y) (block))");
    // ...but inside parentheses it is a composite literal again.
    check_stmts("\tif x == (T{}) {\n\t}", "(if _ (== x (paren (lit T))) (block))");
    check_stmts("\tfor _, v := range []int{1, 2} {\n\t}", "(range:= _ v (lit ([] int) 1 2) (block))");
    check_stmts("\tif f(T{}) {\n\t}", "(if _ (call f (lit T)) (block))");
    check_stmts("\tswitch s := (S{}); s {\n\t}", "(switch (:= [s] [(paren (lit S))]) s)");
}

#[test]
fn spans_and_ids() {
    let src = "package main\nfunc main() {\n\tx := a + bb\n}\n";
    let f = parse(src).unwrap();
    let Decl::Func(fd) = &f.decls[0] else { panic!() };
    let s = &fd.body.as_ref().unwrap().stmts[0];
    assert_eq!(&src[s.span.lo as usize..s.span.hi as usize], "x := a + bb");
    let StmtKind::ShortVarDecl { lhs, rhs, op_span } = &s.kind else { panic!() };
    assert_eq!(&src[op_span.lo as usize..op_span.hi as usize], ":=");
    assert_eq!(lhs[0].name, "x");
    let ExprKind::Binary { op_span, x, y, .. } = &rhs[0].kind else { panic!() };
    assert_eq!(&src[op_span.lo as usize..op_span.hi as usize], "+");
    assert_eq!(&src[rhs[0].span.lo as usize..rhs[0].span.hi as usize], "a + bb");
    assert_eq!(&src[y.span.lo as usize..y.span.hi as usize], "bb");
    assert_eq!(x.as_ident().unwrap().id, x.id);
    let body = fd.body.as_ref().unwrap();
    assert_eq!(&src[body.span.hi as usize - 1..body.span.hi as usize], "}");
    assert!(rhs[0].id.as_u32() < f.node_count);
}

// ---------- errors (messages and positions copied from `go build` with Go 1.19) ----------

#[test]
fn errors_package_and_imports() {
    check_error("func main() {}\n", "1:1: expected 'package', found 'func'");
    check_error("package main\nimport fmt\nfunc main() {}\n", "2:11: missing import path");
    check_error("package main\nimport 42\nfunc main() {}\n", "2:8: import path must be a string");
    check_error("package main\nimport \"fmt\"\nvar x = 1\nimport \"os\"\nfunc main() { }\n", "4:1: syntax error: imports must appear before other declarations");
}

#[test]
fn errors_top_level() {
    check_error("package main\nx := 1\n", "2:1: syntax error: non-declaration statement outside function body");
    check_error("package main\nfunc main()\n{\n}\n", "3:1: syntax error: unexpected semicolon or newline before {");
    check_error("package main\nvar x = 1 2\nfunc main() {}\n", "2:11: syntax error: unexpected literal 2 after top level declaration");
    check_error("package main\nfunc main() {\n\t}\n}\n", "4:1: syntax error: non-declaration statement outside function body");
    check_error("package main\nfunc f() (int, string {\n}\n", "2:23: syntax error: unexpected { in parameter list; possibly missing comma or )");
    check_error("package main\nfunc (a, b T) f() {}\nfunc () g() {}\n", "2:15: method has multiple receivers\n3:9: method has no receiver");
    check_error("package main\nconst (\n\ta = iota\n\tb c\n)\nvar (\n\tx int = 1,\n)\n", "8:1: syntax error: unexpected ), expected expression");
}

#[test]
fn errors_lists() {
    check_error("package main\nfunc main() {\n\tf(1,\n\t  2\n}\n", "4:5: syntax error: unexpected newline in argument list; possibly missing comma or )");
    check_error("package main\nfunc main() {\n\tx := T{1\n\t}\n}\n", "3:10: syntax error: unexpected newline in composite literal; possibly missing comma or }");
    check_error("package main\nfunc main() {\n\tx := map[string]int{\"a\": 1, \"b\" 2}\n}\n", "3:34: syntax error: unexpected literal 2 in composite literal; possibly missing comma or }");
    check_error("package main\ntype T struct {\n\ta int,\n}\nfunc f(a int, b) {}\nfunc g(a, b int c int) {}\n",
        "3:7: syntax error: unexpected comma in struct type; possibly missing semicolon or newline or }\n5:15: syntax error: mixed named and unnamed parameters\n6:17: syntax error: unexpected name c in parameter list; possibly missing comma or )");
    check_error("package main\ntype T interface {\n\tM() int\n\tN(\n}\n", "5:1: syntax error: unexpected }, expected )");
    check_error("package main\nfunc main() {\n\tx := f(1", "3:10: syntax error: unexpected EOF in argument list; possibly missing comma or )");
}

#[test]
fn errors_statements() {
    check_error("package main\nfunc main() {\n\tx := \n}\n", "4:1: syntax error: unexpected }, expected expression");
    check_error("package main\nfunc main() {\n\ta b\n}\n", "3:4: syntax error: unexpected name b at end of statement");
    check_error("package main\nfunc main() {\n\tif x := 1 {\n\t}\n}\n", "3:7: syntax error: cannot use x := 1 as value");
    check_error("package main\nfunc main() {\n\tfor var i = 0; i < 3; i++ {}\n}\n", "3:10: syntax error: var declaration not allowed in for initializer");
    check_error("package main\nfunc main() {\n\tdefer 1\n\tdefer (f())\n}\n", "3:8: expression in defer must be function call\n4:8: expression in defer must not be parenthesized");
    check_error("package main\nfunc main() {\n\tfor i := 0; i < 10; i := 1 {}\n\tif {}\n\tif x {} else for {}\n}\n",
        "3:24: syntax error: cannot declare in post statement of for loop\n4:5: syntax error: missing condition in if statement\n5:15: syntax error: else must be followed by if or statement block");
    check_error("package main\nfunc main() {\n\tif x {\n\t} else y\n}\n", "4:9: syntax error: else must be followed by if or statement block");
    check_error("package main\nfunc main() {\n\tfor i := 0; i < 3 {\n\t}\n}\n", "3:20: syntax error: unexpected {, expected semicolon or newline");
    check_error("package main\nfunc main() {\n\tswitch {\n\tfoo:\n\t}\n}\n", "4:2: syntax error: unexpected name foo, expected case or default or }");
    check_error("package main\nfunc main() {\n\tif x; {\n\t}\n\tif x\n\t{\n\t}\n}\n", "3:6: syntax error: missing condition in if statement\n5:6: syntax error: unexpected newline, expected { after if clause");
    check_error("package main\nfunc main() {\n\tgoto\n}\n", "4:1: syntax error: unexpected }, expected name");
    check_error("package main\nfunc main() {\n\tswitch x := 1; x {\n\tcase 1\n\t}\n}\n", "4:8: syntax error: unexpected newline, expected :");
    check_error("package main\nfunc main() {\n\tx := func() {\n}\n", "5:1: syntax error: unexpected EOF, expected }");
    check_error("package main\nfunc main() {\n\tvar a [2]int\n\ta[0]++ = 1\n}\n", "4:9: syntax error: unexpected = at end of statement");
    check_error("package main\nfunc main() {\n\tcase 1:\n}\n", "3:2: syntax error: unexpected keyword case, expected }");
    check_error("package main\nfunc main() {\n\tx := 1", "3:8: syntax error: unexpected EOF, expected }");
    check_error("package main\nfunc main() {\n\tx, y.z := 1, 2\n\tfor a.b := range x {}\n}\n", "3:5: non-name y.z on left side of :=\n4:6: cannot declare a.b");
    check_error("package main\nfunc main() {\n\tvar x int := 1\n\tconst y := 2\n\ttype T := int\n}\n",
        "3:12: syntax error: unexpected :=, expected =\n4:10: syntax error: unexpected :=, expected =\n5:9: syntax error: unexpected :=, expected =");
    // (current gc wording; Go 1.19 parenthesised every operand)
    check_error("package main\nfunc main() {\n\tif x = a + 1 {\n\t}\n\tswitch x = 1 {\n\t}\n}\n",
        "3:7: syntax error: cannot use assignment x = (a + 1) as value\n5:11: syntax error: cannot use assignment x = 1 as value");
    check_error("package main\nfunc main() {\n\tif x {\n\t}\n\telse {\n\t}\n}\n", "5:2: syntax error: unexpected keyword else, expected }");
    check_error("package main\nfunc main() {\n\tfor i := 0, i < 10, i++ {\n\t}\n}\n", "3:23: syntax error: unexpected ++, expected {");
    check_error("package main\nfunc main() {\n\tfor x := range y; x < 2; {}\n}\n", "3:18: syntax error: unexpected semicolon, expected { after for clause");
    check_error("package main\nfunc main() {\n\tL:\n\tL2: x := 1\n\tgoto L\n\tbreak L2 L\n}\n", "6:11: syntax error: unexpected name L at end of statement");
    check_error("package main\nconst\nfunc main() {}\n", "3:1: syntax error: unexpected keyword func, expected name");
    check_error("package main\nimport (\n\t\"fmt\"\n\t\"os\"\nfunc main() {}\n", "5:1: missing import path");
    check_error("package main\nfunc main() {\n\ta := [3]int{1,2,3}\n\tb := a[1:2:3:4]\n}\n", "4:14: syntax error: unexpected :, expected ]");
    check_error("package main\nfunc main() {\n\tfunc g() {}\n}\n", "3:7: syntax error: unexpected name g, expected (");
    check_error("package main\nfunc main() {\n\tx := a.(type)\n}\n", "3:7: invalid syntax tree: use of .(type) outside type switch");
}

#[test]
fn errors_expressions() {
    check_error("package main\nfunc main() {\n\tx := 1 +\n}\n", "4:1: syntax error: unexpected }, expected expression");
    check_error("package main\nfunc main() {\n\tx := a[]\n\ty := a[1:2:]\n}\n", "3:9: syntax error: unexpected ], expected operand\n4:13: final index required in 3-index slice");
    check_error("package main\nfunc main() {\n\tz := x[::3]\n}\n", "3:10: middle index required in 3-index slice");
    check_error("package main\nfunc main() {\n\tx := a.\n}\n", "4:1: syntax error: unexpected }, expected name or (");
    check_error("package main\nfunc main() {\n\tf(...)\n\tvar x int = \n}\n", "3:4: syntax error: unexpected ..., expected expression\n5:1: syntax error: unexpected }, expected expression");
    check_error("package main\nfunc main() {\n\tx := []int{1,2,3}[\n}\n", "4:1: syntax error: unexpected }, expected expression");
    check_error("package main\nfunc main() {\n\tif x == T{} {\n\t}\n}\n", "3:14: syntax error: unexpected { at end of statement");
    check_error("package main\nfunc main() {\n\ty := (T){1}\n}\n", "3:10: syntax error: cannot parenthesize type in composite literal");
}

#[test]
fn errors_lexical() {
    check_error("package main\nfunc main() {\n\t/* abc\n}\n", "3:2: comment not terminated");
    check_error("package main\nfunc main() {\n\tx := `abc\n}\n", "3:7: string not terminated");
    check_error("package main\nfunc main() {\n\tx := \"abc", "3:7: string not terminated");
    check_error("package main\nfunc main() {\n\tx := 'a", "3:7: rune literal not terminated");
    check_error("package main\nfunc main() {\n\tx := \"abc\n}\n", "3:11: newline in string");
    check_error("package main\nfunc main() {\n\tx := 'ab'\n\ty := ''\n\tz := '\\\\q'\n}\n",
        "3:7: more than one character in rune literal\n4:8: empty rune literal or unescaped '\n5:7: more than one character in rune literal");
    check_error("package main\nfunc main() {\n\tx := 0x\n\ty := 09\n\tz := 1__0\n\tw := 0b12\n\tv := 1e\n}\n",
        "3:9: hexadecimal literal has no digits\n4:8: invalid digit '9' in octal literal\n5:9: '_' must separate successive digits\n6:10: invalid digit '2' in binary literal\n7:9: exponent has no digits");
    check_error("package main\nfunc main() {\n\tx := 08.5\n\ty := 1_000_\n\tz := 0_1\n\tw := 0x_1\n\tv := 1._5\n}\n",
        "4:12: '_' must separate successive digits\n7:9: '_' must separate successive digits");
    check_error("package main\nfunc main() {\n\tx := 0x1.5\n\ty := 0o1.2\n\tz := 0x1e2p3\n\tw := 0b1e5\n\tv := 1p4\n}\n",
        "3:12: hexadecimal mantissa requires a 'p' exponent\n4:10: invalid radix point in octal literal\n6:10: 'e' exponent requires decimal mantissa\n7:8: 'p' exponent requires hexadecimal mantissa");
    check_error("package main\nfunc main() {\n\tx := \"ab\\qc\"\n\ty := \"\\xg0\"\n\tz := \"\\400\"\n\tw := \"\\uD800\"\n\tv := '\\U00110000'\n}\n",
        "3:11: unknown escape\n4:10: invalid character 'g' in hexadecimal escape\n5:12: octal escape value 256 > 255\n6:14: escape is invalid Unicode code point U+D800\n7:18: escape is invalid Unicode code point U+110000");
    check_error("package main\nfunc main() {\n\tx := 1 @ 2\n\ty := #\n}\n",
        "3:9: invalid character U+0040 '@'\n3:11: syntax error: unexpected literal 2 at end of statement\n4:7: invalid character U+0023 '#'\n5:1: syntax error: unexpected }, expected expression");
    check_error("package main\nfunc main() {\n\tx := 1\n}\n\u{FEFF}", "5:1: invalid BOM in the middle of the file");
    // gc reports an identical message only once per line
    check_error("package main\nfunc main() {\n\ty := \"\0\" // \0\n}\n", "3:8: invalid NUL character");
    // a genuine 0x1A byte is fine inside a string
    parse("package main\nvar s = \"\u{1A}\"\n").unwrap();
}

#[test]
fn errors_invalid_utf8() {
    let src = b"package main\nfunc main() {\n\tx := 1 \xff\n\ty := \"\x00\xfe\xfd\" // \xff\x00\n}\n";
    let (f, r) = parse_bytes("p.go", src);
    let got = render(&f, &r.unwrap_err());
    assert_eq!(got, "3:9: invalid UTF-8 encoding\n4:8: invalid NUL character\n4:9: invalid UTF-8 encoding\n4:17: invalid NUL character");
}

#[test]
fn errors_at_most_ten_then_too_many() {
    let mut src = String::from("package main\nfunc main() {\n");
    for c in 'a'..='l' {
        src.push_str(&format!("\t{} {}\n", c, c));
    }
    src.push_str("}\n");
    let e = parse(&src).unwrap_err();
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 11);
    assert_eq!(lines[0], "3:4: syntax error: unexpected name a at end of statement");
    assert_eq!(lines[9], "12:4: syntax error: unexpected name j at end of statement");
    assert_eq!(lines[10], "12:4: too many errors");
}

#[test]
fn generic_and_array_type_declarations_parse() {
    // generic declarations, instantiations and constraints parse
    check_parse(
        "type P[K comparable, V any] struct{}\nfunc F[T ~int | string](x T) P[T, int] { return G[T](x) }\n",
        "(type (spec P tparams([K] comparable, [V] any) (struct)))\n(func F tparams([T] (| (~ int) string)) ([x] T) ((index P T int)) (block (return (call (index G T) x))))",
    );
    // an array type is not mistaken for type parameters
    check_parse("type A [N]int\ntype B [N * 2]int\n", "(type (spec A (array N int)))\n(type (spec B (array (* N 2) int)))");
}

/// An unnamed parameter whose type is an instantiated generic type of another package
/// (`weak.Pointer[T]` in GOROOT's unique/canonmap.go) is a type, not a syntax error.
#[test]
fn qualified_generic_types_as_unnamed_parameters() {
    check_parse(
        "func g(p.T[int], int) (q.P[K, V], *p.T[int])\nfunc h(a p.T[int], b ...q.P[K, V]) p.T[int]\n",
        "(func g ((index (. p T) int), int) ((index (. q P) K V), (* (index (. p T) int))))\n\
         (func h ([a] (index (. p T) int), [b] (... (index (. q P) K V))) ((index (. p T) int)))",
    );
}

#[test]
fn channels_go_select() {
    check_parse("var c chan<- <-chan int\nvar d <-chan chan int\n", "(var (spec [c] (chan<- (<-chan int)) []))\n(var (spec [d] (<-chan (chan int)) []))");
    check_parse(
        "func f() {\n\tgo g(1)\n\tc <- <-d\n\tselect {\n\tcase v, ok := <-c:\n\tcase c <- 1:\n\tdefault:\n\t}\n}\n",
        "(func f () () (block (go (call g 1)) (<- c (recv d)) (select (case (:= [v ok] [(recv c)])) (case (<- c 1)) (default))))",
    );
    check_error("package main\nfunc main() {\n\tgo (f())\n\tgo f\n}\n", "3:5: expression in go must not be parenthesized\n4:5: expression in go must be function call");
}

// ---------- robustness ----------

/// Nesting up to gc's practical limits parses; deeper nesting is rejected by the budget
/// (`crate::limits`) before it can exhaust the compiler's stack, on which the test runs.
#[test]
fn nesting_is_bounded() {
    // SAFETY: the cases are plain data and use no thread-local state.
    unsafe { crate::limits::on_compiler_stack(nesting_cases) };
}

fn nesting_cases() {
    for (open, close) in [("(", ")"), ("- ", ""), ("[]", "int"), ("T{", "}"), ("[]T{{", "}}"), ("*", "T"), ("func() ", "{}")] {
        let deep = format!("package main\nfunc main() {{\n\tx := {}1{}\n}}\n", open.repeat(1_000_000), close.repeat(1_000_000));
        let e = parse(&deep).unwrap_err();
        assert!(e.contains("syntax error: nesting too deep"), "{}: {}", open, e);
        // moderately deep nesting still parses
        let ok = format!("package main\nvar x = {}1{}\n", "(".repeat(10_000), ")".repeat(10_000));
        parse(&ok).unwrap();
    }
    let blocks = format!("package main\nfunc main() {{\n{}{}\n}}\n", "{\n".repeat(100_000), "}\n".repeat(1_000_000));
    assert!(parse(&blocks).unwrap_err().contains("nesting too deep"));
    let ifs = format!("package main\nfunc main() {{\n{}{}\n}}\n", "if x {\n".repeat(1_000_000), "}\n".repeat(1_000_000));
    assert!(parse(&ifs).unwrap_err().contains("nesting too deep"));
    let fors = format!("package main\nfunc main() {{\n{}{}\n}}\n", "for {\n".repeat(100_000), "}\n".repeat(1_000_000));
    assert!(parse(&fors).unwrap_err().contains("nesting too deep"));
    let switches = format!("package main\nfunc main() {{\n{}\n}}\n", "switch { case true:\n".repeat(100_000));
    assert!(parse(&switches).unwrap_err().contains("nesting too deep"));
    let mixed = format!("package main\nvar x = {}\n", "(func() { if x { y = ".repeat(100_000));
    assert!(parse(&mixed).unwrap_err().contains("nesting too deep"));
    let lits = format!("package main\nvar x = {}{}\n", "func() { f(".repeat(100_000), ") }".repeat(100_000));
    assert!(parse(&lits).unwrap_err().contains("nesting too deep"));
    // long operator and postfix chains are fine up to the budget, then rejected (bounded AST depth)
    let chain = |n: usize| format!("package main\nvar x = 1{}\n", " + 1".repeat(n));
    parse(&chain(90_000)).unwrap();
    assert!(parse(&chain(1_000_000)).unwrap_err().contains("nesting too deep"));
    for link in [".f", "[0]", "()", ".(T)"] {
        let postfix = |n: usize| format!("package main\nvar x = y{}\n", link.repeat(n));
        parse(&postfix(90_000)).unwrap();
        assert!(parse(&postfix(1_000_000)).unwrap_err().contains("nesting too deep"), "{link}");
    }
    let elses = format!("package main\nfunc main() {{\nif x {{ }}{}\n}}\n", " else if x { }".repeat(100_000));
    assert!(parse(&elses).unwrap_err().contains("nesting too deep"));
}

/// A deterministic xorshift generator (no extra dependencies).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn sample_program() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Ok(s) = std::fs::read_to_string(dir.join("tests/conformance/recovered_value_types.go")) {
        return s;
    }
    "package main\nimport \"fmt\"\ntype T struct{ a []int; m map[string]*T }\nfunc (t *T) M(x ...int) (r int, err error) {\n\tdefer func() { recover() }()\n\tfor i, v := range x { r += i * v }\n\tswitch y := interface{}(t).(type) { case *T: _ = y }\n\treturn r, nil\n}\nfunc main() { fmt.Println(T{a: []int{1}}, 'x', \"s\\n\", `raw`, 0x1p3) }\n".to_string()
}

#[test]
fn random_bytes_and_truncations_never_panic() {
    let prog = sample_program();
    let bytes = prog.as_bytes();
    // every truncation
    for i in 0..bytes.len() {
        let _ = parse_bytes("p.go", &bytes[..i]);
    }
    let mut rng = Rng(0x9E3779B97F4A7C15);
    // random mutations of the program
    for _ in 0..3000 {
        let mut b = bytes.to_vec();
        for _ in 0..(rng.next() % 8 + 1) {
            let at = (rng.next() as usize) % b.len();
            match rng.next() % 4 {
                0 => b[at] = rng.next() as u8,
                1 => {
                    b.remove(at);
                }
                2 => b.insert(at, b"{}()[]\"'`/*\n;:=.,"[(rng.next() % 17) as usize]),
                _ => {
                    let end = (at + (rng.next() as usize % 40)).min(b.len());
                    let chunk: Vec<u8> = b[at..end].to_vec();
                    b.splice(at..at, chunk);
                }
            }
        }
        let _ = parse_bytes("p.go", &b);
    }
    // pure random bytes, with and without a package clause
    for _ in 0..2000 {
        let n = (rng.next() % 200) as usize;
        let mut b: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        let _ = parse_bytes("p.go", &b);
        let mut with_pkg = b"package main\nfunc main() {\n".to_vec();
        with_pkg.append(&mut b);
        let _ = parse_bytes("p.go", &with_pkg);
    }
}

// ---------- corpus ----------

fn go_files(rel: &str) -> Vec<std::path::PathBuf> {
    // Only the repository's own corpus: tests never read outside the repository.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let mut v: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "go"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn corpus_parses_without_errors() {
    let mut n = 0;
    for rel in ["tests/conformance", "tests/defer", "tests/run", "examples"] {
        for p in go_files(rel) {
            let bytes = std::fs::read(&p).unwrap();
            let (f, r) = parse_bytes(&p.display().to_string(), &bytes);
            if let Err(ds) = r {
                panic!("{}:\n{}", p.display(), render(&f, &ds));
            }
            n += 1;
        }
    }
    eprintln!("parsed {} corpus files", n);
}

#[test]
fn large_program_parses_quickly() {
    // ~10,000 lines; timing is printed, not asserted (debug builds on a shared machine).
    let mut src = String::from("package main\n\nimport \"fmt\"\n\n");
    for i in 0..1000 {
        src.push_str(&format!(
            "type T{i} struct {{\n\ta, b int\n\ts []string\n}}\n\nfunc (t *T{i}) M{i}(x int, ys ...string) (int, error) {{\n\tdefer func() {{\n\t\tif r := recover(); r != nil {{\n\t\t\tfmt.Println(\"recovered\", r)\n\t\t}}\n\t}}()\n\tfor i := 0; i < x; i++ {{\n\t\tt.a += i * {i} % 7\n\t}}\n\tswitch v := interface{{}}(t).(type) {{\n\tcase *T{i}:\n\t\tt.s = append(t.s, ys...)\n\t\t_ = v\n\t}}\n\treturn t.a + len(t.s), nil\n}}\n\n"
        ));
    }
    let lines = src.lines().count();
    assert!(lines >= 10_000);
    let f = SourceFile::new("big.go", src);
    let t = std::time::Instant::now();
    let ast = parse_file(&f).unwrap();
    let el = t.elapsed();
    eprintln!("parsed {} lines in {:?} ({} nodes)", lines, el, ast.node_count);
    assert_eq!(ast.decls.len(), 2000);
}

// ---------- node id invariants ----------

/// Collects every node id of a file (exprs, idents, func decls, type-switch clauses).
#[derive(Default)]
struct Ids(Vec<NodeId>);

impl Ids {
    fn ident(&mut self, i: &Ident) {
        self.0.push(i.id);
    }
    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Ident(i) => {
                assert_eq!(i.id, e.id, "ident expression must share its id");
                self.0.push(e.id);
                return;
            }
            _ => self.0.push(e.id),
        }
        match &e.kind {
            ExprKind::Ident(_) | ExprKind::Lit(_) => {}
            ExprKind::CompositeLit { typ, elts, .. } => {
                typ.iter().for_each(|t| self.expr(t));
                for el in elts {
                    el.key.iter().for_each(|k| self.expr(k));
                    self.expr(&el.value);
                }
            }
            ExprKind::FuncLit { typ, body } => {
                self.func_type(typ);
                self.block(body);
            }
            ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary { x, .. } | ExprKind::Recv(x) => self.expr(x),
            ExprKind::ChanType { elem, .. } => self.expr(elem),
            ExprKind::Selector { x, sel } => {
                self.expr(x);
                self.ident(sel);
            }
            ExprKind::Index { x, index, .. } => {
                self.expr(x);
                self.expr(index);
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                self.expr(x);
                [lo, hi, max].into_iter().flatten().for_each(|y| self.expr(y));
            }
            ExprKind::TypeAssert { x, typ } => {
                self.expr(x);
                self.expr(typ);
            }
            ExprKind::Call { fun, args, .. } => {
                self.expr(fun);
                args.iter().for_each(|a| self.expr(a));
            }
            ExprKind::Binary { x, y, .. } => {
                self.expr(x);
                self.expr(y);
            }
            ExprKind::ArrayType { len, elem } => {
                len.iter().for_each(|l| self.expr(l));
                self.expr(elem);
            }
            ExprKind::SliceType { elem } => self.expr(elem),
            ExprKind::MapType { key, value } => {
                self.expr(key);
                self.expr(value);
            }
            ExprKind::FuncType(t) => self.func_type(t),
            ExprKind::StructType(st) => st.fields.iter().for_each(|f| self.field(f)),
            ExprKind::InterfaceType(it) => {
                for el in &it.elems {
                    match el {
                        InterfaceElem::Method { name, typ } => {
                            self.ident(name);
                            self.func_type(typ);
                        }
                        InterfaceElem::Embed(x) => self.expr(x),
                    }
                }
            }
            ExprKind::Ellipsis(x) => x.iter().for_each(|x| self.expr(x)),
            ExprKind::IndexList { x, indices, .. } => {
                self.expr(x);
                indices.iter().for_each(|i| self.expr(i));
            }
        }
    }
    fn field(&mut self, f: &Field) {
        f.names.iter().for_each(|n| self.ident(n));
        self.expr(&f.typ);
    }
    fn func_type(&mut self, t: &FuncType) {
        t.params.iter().chain(&t.results).for_each(|f| self.field(f));
    }
    fn block(&mut self, b: &Block) {
        b.stmts.iter().for_each(|s| self.stmt(s));
    }
    fn decl(&mut self, d: &Decl) {
        match d {
            Decl::Const(c) => {
                for s in &c.specs {
                    s.names.iter().for_each(|n| self.ident(n));
                    s.typ.iter().chain(&s.values).for_each(|e| self.expr(e));
                }
            }
            Decl::Var(v) => {
                for s in &v.specs {
                    s.names.iter().for_each(|n| self.ident(n));
                    s.typ.iter().chain(&s.values).for_each(|e| self.expr(e));
                }
            }
            Decl::Type(t) => {
                for s in &t.specs {
                    self.ident(&s.name);
                    self.expr(&s.typ);
                }
            }
            Decl::Func(f) => {
                self.0.push(f.id);
                f.recv.iter().for_each(|r| self.field(r));
                self.ident(&f.name);
                self.func_type(&f.typ);
                f.body.iter().for_each(|b| self.block(b));
            }
        }
    }
    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Empty | StmtKind::Fallthrough => {}
            StmtKind::Expr(e) | StmtKind::Defer(e) | StmtKind::Go(e) => self.expr(e),
            StmtKind::Send { ch, value } => {
                self.expr(ch);
                self.expr(value);
            }
            StmtKind::Select(cases) => {
                for c in cases {
                    if let Some(s) = &c.comm {
                        self.stmt(s);
                    }
                    c.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::Decl(d) => self.decl(d),
            StmtKind::ShortVarDecl { lhs, rhs, .. } => {
                lhs.iter().for_each(|i| self.ident(i));
                rhs.iter().for_each(|e| self.expr(e));
            }
            StmtKind::Assign { lhs, rhs, .. } => lhs.iter().chain(rhs).for_each(|e| self.expr(e)),
            StmtKind::IncDec { x, .. } => self.expr(x),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If(i) => {
                i.init.iter().for_each(|s| self.stmt(s));
                self.expr(&i.cond);
                self.block(&i.then);
                i.els.iter().for_each(|s| self.stmt(s));
            }
            StmtKind::For(f) => {
                f.init.iter().for_each(|s| self.stmt(s));
                f.cond.iter().for_each(|e| self.expr(e));
                f.post.iter().for_each(|s| self.stmt(s));
                self.block(&f.body);
            }
            StmtKind::Range(r) => {
                r.key.iter().chain(&r.value).for_each(|e| self.expr(e));
                self.expr(&r.x);
                self.block(&r.body);
            }
            StmtKind::Switch(sw) => {
                sw.init.iter().for_each(|s| self.stmt(s));
                sw.tag.iter().for_each(|e| self.expr(e));
                for c in &sw.cases {
                    c.exprs.iter().for_each(|e| self.expr(e));
                    c.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::TypeSwitch(sw) => {
                sw.init.iter().for_each(|s| self.stmt(s));
                sw.bind.iter().for_each(|b| self.ident(b));
                self.expr(&sw.x);
                for c in &sw.cases {
                    self.0.push(c.id);
                    c.types.iter().for_each(|e| self.expr(e));
                    c.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::Labeled { label, stmt } => {
                self.ident(label);
                self.stmt(stmt);
            }
            StmtKind::Goto(l) => self.ident(l),
            StmtKind::Break(l) | StmtKind::Continue(l) => l.iter().for_each(|l| self.ident(l)),
            StmtKind::Return(rs) => rs.iter().for_each(|e| self.expr(e)),
        }
    }
}

/// Every id in the tree is unique and below `node_count`.
fn check_ids(f: &File) {
    let mut ids = Ids::default();
    ids.ident(&f.package);
    for imp in &f.imports {
        imp.name.iter().for_each(|n| ids.ident(n));
    }
    f.decls.iter().for_each(|d| ids.decl(d));
    let mut v = ids.0;
    let n = v.len();
    assert!(v.iter().all(|i| i.as_u32() < f.node_count));
    v.sort();
    v.dedup();
    assert_eq!(v.len(), n, "duplicate node ids");
}

#[test]
fn node_ids_unique_and_dense() {
    let mut files = vec![sample_program()];
    for rel in ["tests/conformance", "tests/defer", "tests/run", "examples"] {
        for p in go_files(rel) {
            files.push(std::fs::read_to_string(p).unwrap());
        }
    }
    files.push("package main\nconst (\n\ta, b = iota, func() int { x := iota; return x }()\n\tc, d\n)\nfunc main() {\n\tswitch v := x.(type) {\n\tcase int:\n\tdefault:\n\t}\n}\n".into());
    for src in files {
        let f = parse(&src).unwrap();
        check_ids(&f);
    }
}
