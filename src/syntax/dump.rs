//! Compact s-expression printer for the AST (tests and debugging).
//!
//! The format is stable and deliberately terse: identifiers print as their name, literals as Go
//! source (ints/floats/runes as written, strings re-quoted), every other node as `(head child...)`.
//! Node ids and spans are not printed. Used by `syntax::tests` to compare parse trees.

use super::ast::*;
use std::fmt::Write;

/// Renders a whole file, one top-level declaration per line.
pub fn dump(file: &File) -> String {
    let mut p = Printer { out: String::new() };
    p.out.push_str("(package ");
    p.out.push_str(&file.package.name);
    p.out.push(')');
    for imp in &file.imports {
        p.out.push_str("\n(import ");
        if let Some(n) = &imp.name {
            p.out.push_str(&n.name);
            p.out.push(' ');
        }
        p.str_lit(imp.path.as_bytes());
        p.out.push(')');
    }
    for d in &file.decls {
        p.out.push('\n');
        p.decl(d);
    }
    p.out
}

/// Renders a single expression.
pub fn dump_expr(e: &Expr) -> String {
    let mut p = Printer { out: String::new() };
    p.expr(e);
    p.out
}

/// Renders a single statement.
pub fn dump_stmt(s: &Stmt) -> String {
    let mut p = Printer { out: String::new() };
    p.stmt(s);
    p.out
}

struct Printer {
    out: String,
}

impl Printer {
    fn open(&mut self, head: &str) {
        self.out.push('(');
        self.out.push_str(head);
    }
    fn close(&mut self) {
        self.out.push(')');
    }
    fn sp(&mut self) {
        self.out.push(' ');
    }

    fn str_lit(&mut self, bytes: &[u8]) {
        self.out.push('"');
        for &b in bytes {
            match b {
                b'"' => self.out.push_str("\\\""),
                b'\\' => self.out.push_str("\\\\"),
                b'\n' => self.out.push_str("\\n"),
                b'\t' => self.out.push_str("\\t"),
                0x20..=0x7e => self.out.push(b as char),
                _ => {
                    let _ = write!(self.out, "\\x{:02x}", b);
                }
            }
        }
        self.out.push('"');
    }

    fn idents(&mut self, ids: &[Ident]) {
        self.out.push('[');
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                self.sp();
            }
            self.out.push_str(&id.name);
        }
        self.out.push(']');
    }

    fn exprs(&mut self, es: &[Expr]) {
        self.out.push('[');
        for (i, e) in es.iter().enumerate() {
            if i > 0 {
                self.sp();
            }
            self.expr(e);
        }
        self.out.push(']');
    }

    fn opt_expr(&mut self, e: Option<&Expr>) {
        match e {
            Some(e) => self.expr(e),
            None => self.out.push('_'),
        }
    }

    fn decl(&mut self, d: &Decl) {
        match d {
            Decl::Const(c) => {
                self.open("const");
                for s in &c.specs {
                    self.sp();
                    self.open(if s.implicit { "spec*" } else { "spec" });
                    let _ = write!(self.out, " {} ", s.iota);
                    self.idents(&s.names);
                    self.sp();
                    self.opt_expr(s.typ.as_ref());
                    self.sp();
                    self.exprs(&s.values);
                    self.close();
                }
                self.close();
            }
            Decl::Var(v) => {
                self.open("var");
                for s in &v.specs {
                    self.sp();
                    self.open("spec ");
                    self.idents(&s.names);
                    self.sp();
                    self.opt_expr(s.typ.as_ref());
                    self.sp();
                    self.exprs(&s.values);
                    self.close();
                }
                self.close();
            }
            Decl::Type(t) => {
                self.open("type");
                for s in &t.specs {
                    self.sp();
                    self.open(if s.alias { "alias " } else { "spec " });
                    self.out.push_str(&s.name.name);
                    if !s.tparams.is_empty() {
                        self.out.push_str(" tparams");
                        self.fields(&s.tparams);
                    }
                    self.sp();
                    self.expr(&s.typ);
                    self.close();
                }
                self.close();
            }
            Decl::Func(f) => {
                self.open("func ");
                if let Some(r) = &f.recv {
                    self.open("recv ");
                    self.field(r);
                    self.close();
                    self.sp();
                }
                self.out.push_str(&f.name.name);
                self.sp();
                self.func_type(&f.typ);
                if let Some(b) = &f.body {
                    self.sp();
                    self.block(b);
                }
                self.close();
            }
        }
    }

    fn field(&mut self, f: &Field) {
        if !f.names.is_empty() {
            self.idents(&f.names);
            self.sp();
        }
        self.expr(&f.typ);
        if let Some(tag) = &f.tag {
            self.sp();
            self.str_lit(tag);
        }
    }

    fn fields(&mut self, fs: &[Field]) {
        self.out.push('(');
        for (i, f) in fs.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.field(f);
        }
        self.out.push(')');
    }

    fn func_type(&mut self, t: &FuncType) {
        if !t.tparams.is_empty() {
            self.out.push_str("tparams");
            self.fields(&t.tparams);
            self.sp();
        }
        self.fields(&t.params);
        self.sp();
        self.fields(&t.results);
    }

    fn block(&mut self, b: &Block) {
        self.open("block");
        for s in &b.stmts {
            self.sp();
            self.stmt(s);
        }
        self.close();
    }

    fn stmts(&mut self, ss: &[Stmt]) {
        for s in ss {
            self.sp();
            self.stmt(s);
        }
    }

    fn opt_stmt(&mut self, s: &Option<Box<Stmt>>) {
        match s {
            Some(s) => self.stmt(s),
            None => self.out.push('_'),
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Empty => self.out.push_str("(empty)"),
            StmtKind::Expr(e) => {
                self.open("expr ");
                self.expr(e);
                self.close();
            }
            StmtKind::Decl(d) => self.decl(d),
            StmtKind::ShortVarDecl { lhs, rhs, .. } => {
                self.open(":= ");
                self.idents(lhs);
                self.sp();
                self.exprs(rhs);
                self.close();
            }
            StmtKind::Assign { lhs, op, rhs, .. } => {
                match op {
                    Some(op) => {
                        self.out.push('(');
                        self.out.push_str(op.as_str());
                        self.out.push_str("= ");
                    }
                    None => self.open("= "),
                }
                self.exprs(lhs);
                self.sp();
                self.exprs(rhs);
                self.close();
            }
            StmtKind::IncDec { x, inc } => {
                self.open(if *inc { "++ " } else { "-- " });
                self.expr(x);
                self.close();
            }
            StmtKind::Block(b) => self.block(b),
            StmtKind::If(i) => {
                self.open("if ");
                self.opt_stmt(&i.init);
                self.sp();
                self.expr(&i.cond);
                self.sp();
                self.block(&i.then);
                if let Some(e) = &i.els {
                    self.sp();
                    self.stmt(e);
                }
                self.close();
            }
            StmtKind::For(f) => {
                self.open("for ");
                self.opt_stmt(&f.init);
                self.sp();
                self.opt_expr(f.cond.as_ref());
                self.sp();
                self.opt_stmt(&f.post);
                self.sp();
                self.block(&f.body);
                self.close();
            }
            StmtKind::Range(r) => {
                self.open(if r.define { "range:= " } else { "range= " });
                self.opt_expr(r.key.as_ref());
                self.sp();
                self.opt_expr(r.value.as_ref());
                self.sp();
                self.expr(&r.x);
                self.sp();
                self.block(&r.body);
                self.close();
            }
            StmtKind::Switch(sw) => {
                self.open("switch ");
                self.opt_stmt(&sw.init);
                self.sp();
                self.opt_expr(sw.tag.as_ref());
                for c in &sw.cases {
                    self.sp();
                    if c.is_default {
                        self.open("default");
                    } else {
                        self.open("case ");
                        self.exprs(&c.exprs);
                    }
                    self.stmts(&c.body);
                    self.close();
                }
                self.close();
            }
            StmtKind::TypeSwitch(sw) => {
                self.open("typeswitch ");
                self.opt_stmt(&sw.init);
                self.sp();
                match &sw.bind {
                    Some(b) => self.out.push_str(&b.name),
                    None => self.out.push('_'),
                }
                self.sp();
                self.expr(&sw.x);
                for c in &sw.cases {
                    self.sp();
                    if c.is_default {
                        self.open("default");
                    } else {
                        self.open("case ");
                        self.exprs(&c.types);
                    }
                    self.stmts(&c.body);
                    self.close();
                }
                self.close();
            }
            StmtKind::Labeled { label, stmt } => {
                self.open("label ");
                self.out.push_str(&label.name);
                self.sp();
                self.stmt(stmt);
                self.close();
            }
            StmtKind::Goto(l) => {
                self.open("goto ");
                self.out.push_str(&l.name);
                self.close();
            }
            StmtKind::Break(l) | StmtKind::Continue(l) => {
                self.open(if matches!(s.kind, StmtKind::Break(_)) { "break" } else { "continue" });
                if let Some(l) = l {
                    self.sp();
                    self.out.push_str(&l.name);
                }
                self.close();
            }
            StmtKind::Fallthrough => self.out.push_str("(fallthrough)"),
            StmtKind::Return(rs) => {
                self.open("return");
                for r in rs {
                    self.sp();
                    self.expr(r);
                }
                self.close();
            }
            StmtKind::Defer(e) => {
                self.open("defer ");
                self.expr(e);
                self.close();
            }
            StmtKind::Go(e) => {
                self.open("go ");
                self.expr(e);
                self.close();
            }
            StmtKind::Send { ch, value } => {
                self.open("<- ");
                self.expr(ch);
                self.sp();
                self.expr(value);
                self.close();
            }
            StmtKind::Select(cases) => {
                self.open("select");
                for c in cases {
                    self.sp();
                    match &c.comm {
                        None => self.open("default"),
                        Some(s) => {
                            self.open("case ");
                            self.stmt(s);
                        }
                    }
                    self.stmts(&c.body);
                    self.close();
                }
                self.close();
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Ident(id) => self.out.push_str(&id.name),
            ExprKind::Lit(Lit::Int { text, .. })
            | ExprKind::Lit(Lit::Float { text, .. })
            | ExprKind::Lit(Lit::Imag { text })
            | ExprKind::Lit(Lit::Rune { text, .. }) => self.out.push_str(text),
            ExprKind::Lit(Lit::Str(s)) => self.str_lit(s),
            ExprKind::CompositeLit { typ, elts, .. } => {
                self.open("lit ");
                self.opt_expr(typ.as_deref());
                for el in elts {
                    self.sp();
                    if let Some(k) = &el.key {
                        self.open(": ");
                        self.expr(k);
                        self.sp();
                        self.expr(&el.value);
                        self.close();
                    } else {
                        self.expr(&el.value);
                    }
                }
                self.close();
            }
            ExprKind::FuncLit { typ, body } => {
                self.open("funclit ");
                self.func_type(typ);
                self.sp();
                self.block(body);
                self.close();
            }
            ExprKind::Paren(x) => {
                self.open("paren ");
                self.expr(x);
                self.close();
            }
            ExprKind::Selector { x, sel } => {
                self.open(". ");
                self.expr(x);
                self.sp();
                self.out.push_str(&sel.name);
                self.close();
            }
            ExprKind::Index { x, index, .. } => {
                self.open("index ");
                self.expr(x);
                self.sp();
                self.expr(index);
                self.close();
            }
            ExprKind::IndexList { x, indices, .. } => {
                self.open("index ");
                self.expr(x);
                for i in indices {
                    self.sp();
                    self.expr(i);
                }
                self.close();
            }
            ExprKind::Slice { x, lo, hi, max, three, .. } => {
                self.open(if *three { "slice3 " } else { "slice " });
                self.expr(x);
                self.sp();
                self.opt_expr(lo.as_deref());
                self.sp();
                self.opt_expr(hi.as_deref());
                if *three {
                    self.sp();
                    self.opt_expr(max.as_deref());
                }
                self.close();
            }
            ExprKind::TypeAssert { x, typ } => {
                self.open(".( ");
                self.expr(x);
                self.sp();
                self.expr(typ);
                self.close();
            }
            ExprKind::Call { fun, args, dots, .. } => {
                self.open(if dots.is_some() { "call... " } else { "call " });
                self.expr(fun);
                for a in args {
                    self.sp();
                    self.expr(a);
                }
                self.close();
            }
            ExprKind::Star(x) => {
                self.open("* ");
                self.expr(x);
                self.close();
            }
            ExprKind::Recv(x) => {
                self.open("recv ");
                self.expr(x);
                self.close();
            }
            ExprKind::ChanType { dir, elem } => {
                self.open(match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                });
                self.expr(elem);
                self.close();
            }
            ExprKind::Unary { op, x } => {
                self.out.push('(');
                self.out.push_str(op.as_str());
                self.sp();
                self.expr(x);
                self.close();
            }
            ExprKind::Binary { op, x, y, .. } => {
                self.out.push('(');
                self.out.push_str(op.as_str());
                self.sp();
                self.expr(x);
                self.sp();
                self.expr(y);
                self.close();
            }
            ExprKind::ArrayType { len, elem } => {
                self.open("array ");
                match len {
                    Some(l) => self.expr(l),
                    None => self.out.push_str("..."),
                }
                self.sp();
                self.expr(elem);
                self.close();
            }
            ExprKind::SliceType { elem } => {
                self.open("[] ");
                self.expr(elem);
                self.close();
            }
            ExprKind::MapType { key, value } => {
                self.open("map ");
                self.expr(key);
                self.sp();
                self.expr(value);
                self.close();
            }
            ExprKind::FuncType(t) => {
                self.open("functype ");
                self.func_type(t);
                self.close();
            }
            ExprKind::StructType(st) => {
                self.open("struct");
                for f in &st.fields {
                    self.sp();
                    self.out.push('(');
                    self.field(f);
                    self.out.push(')');
                }
                self.close();
            }
            ExprKind::InterfaceType(it) => {
                self.open("interface");
                for el in &it.elems {
                    self.sp();
                    match el {
                        InterfaceElem::Method { name, typ } => {
                            self.open("method ");
                            self.out.push_str(&name.name);
                            self.sp();
                            self.func_type(typ);
                            self.close();
                        }
                        InterfaceElem::Embed(e) => {
                            self.open("embed ");
                            self.expr(e);
                            self.close();
                        }
                    }
                }
                self.close();
            }
            ExprKind::Ellipsis(elem) => {
                self.open("... ");
                self.opt_expr(elem.as_deref());
                self.close();
            }
        }
    }
}
