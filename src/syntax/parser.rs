//! Recursive-descent parser: tokens -> [`ast::File`].
//!
//! The structure deliberately mirrors gc's `cmd/compile/internal/syntax/parser.go` so that syntax
//! errors read exactly like gc's. Wording follows current Go (>= 1.20: `expected` rather than 1.19's
//! `expecting`, `unexpected name x`, `unexpected keyword else`), as the project follows current Go
//! where 1.19 differs; positions were checked against Go 1.19 (`syntax error: unexpected X, expected Y`,
//! `... in argument list; possibly missing comma or )`, `non-declaration statement outside function
//! body`, ...), including its `xnest` rule that decides whether `{` starts a composite literal or a
//! block in `if`/`for`/`switch` headers.
//!
//! Error handling: a parse function returns `Err(Fail)` after recording ONE diagnostic; the
//! failure unwinds to the nearest statement list (or the top-level declaration loop), which skips
//! tokens to a synchronisation point using the brace depth recorded when the statement began. Like
//! gc: at most one `syntax error` per line, nothing reported at EOF after a first error, and the
//! 10th error is followed by `too many errors` and stops parsing.
//!
//! Invariants: every loop consumes a token or exits; recursion and AST depth are bounded by
//! `MAX_DEPTH` (`syntax error: nesting too deep`), so no pass can overflow the compiler's stack
//! (`crate::limits`); nothing here panics.

use super::ast::*;
use super::directive::{Pragmas, Taker};
use super::lexer::{Lexer, SemiKind, Tok, Token};
use super::literal;
use crate::diag::{Diagnostic, SourceFile, Span};

/// Maximum AST depth in depth units (`crate::limits` explains the budget). Every recursive parse
/// function charges one unit per nesting level (`enter`/`leave`); the iteratively parsed chains
/// (binary operators, postfix `.f`/`[i]`/`(args)`/`.(T)`/`{...}`, `else if` links) charge one unit
/// per link, because each link deepens the tree by one node. So the AST is at most `MAX_DEPTH`
/// nodes deep, which bounds the recursion of every later pass (and of `Drop`).
pub const MAX_DEPTH: u32 = crate::limits::NESTING_BUDGET;
const LEVEL: u32 = 1;
const BUDGET: u32 = MAX_DEPTH;
/// gc stops after this many errors.
const MAX_ERRORS: usize = 10;

/// Marker: a diagnostic has been recorded; unwind to a recovery point.
#[derive(Debug)]
pub struct Fail;

type PResult<T> = Result<T, Fail>;

/// Name of the placeholder type in a `x.(type)` guard before it is claimed by a type switch
/// (a keyword, so it can never be a real identifier).
const GUARD: &str = "type";

/// Result of a simple statement in a header (`if`, `for`, `switch`).
enum Simple {
    Stmt(Stmt),
    Range { key: Option<Expr>, value: Option<Expr>, extra: Option<Expr>, define: bool, x: Expr },
}

pub struct Parser<'a> {
    file: &'a SourceFile,
    src: &'a str,
    lx: Lexer<'a>,
    tok: Token,
    peeked: Option<Token>,
    prev_end: u32,
    next_id: u32,
    /// gc's `xnest`: < 0 in control clause headers (where `{` starts the body).
    xnest: i32,
    /// Parsing an interface element that starts `name [`: an embedded instance, or a method
    /// with type parameters (gc's `interface method must have no type parameters`).
    iface_elem_name: bool,
    depth: u32,
    /// `{` consumed minus `}` consumed.
    brace_depth: i32,
    diags: Vec<Diagnostic>,
    had_syntax_error: bool,
    last_syntax_line: u32,
    stopped: bool,
    /// Line and message of the last non-syntax error (for gc's duplicate suppression).
    last_other: Option<(u32, String)>,
    /// Spans of `.(type)` guards not yet claimed by a type switch.
    guards: Vec<Span>,
    /// `//go:` directives since the last declaration took or dropped them (`directive.rs`).
    pragmas: Pragmas,
    /// How many of the lexer's directives have reached `pragmas`.
    directives_seen: usize,
    /// Statement lists being parsed (> 0: inside a function body).
    stmt_depth: u32,
}

impl<'a> Parser<'a> {
    /// A parser over a text with invalid-UTF-8 placeholders at the sorted offsets `invalid_utf8`
    /// (see `syntax::parse_bytes`).
    pub fn with_invalid_utf8(file: &'a SourceFile, invalid_utf8: &'a [u32]) -> Parser<'a> {
        let mut p = Parser::new_empty(file, invalid_utf8);
        p.tok = p.scan();
        p.pass_directives();
        p
    }

    pub fn new(file: &'a SourceFile) -> Parser<'a> {
        Parser::with_invalid_utf8(file, &[])
    }

    fn new_empty(file: &'a SourceFile, invalid_utf8: &'a [u32]) -> Parser<'a> {
        let src = file.text.as_str();
        Parser {
            file,
            src,
            lx: Lexer::with_invalid_utf8(src, invalid_utf8).with_base(file.base),
            tok: Token { tok: Tok::Eof, span: Span::new(file.base, file.base), bad: false },
            peeked: None,
            prev_end: file.base,
            next_id: 0,
            xnest: 0,
            iface_elem_name: false,
            depth: 0,
            brace_depth: 0,
            diags: Vec::new(),
            had_syntax_error: false,
            last_syntax_line: 0,
            stopped: false,
            last_other: None,
            guards: Vec::new(),
            pragmas: Pragmas::default(),
            directives_seen: 0,
            stmt_depth: 0,
        }
    }

    // ----- tokens -----

    fn scan(&mut self) -> Token {
        let t = self.lx.next_token();
        if !self.lx.diags.is_empty() {
            let lex_errs = std::mem::take(&mut self.lx.diags);
            for d in lex_errs {
                self.push_diag(d);
            }
        }
        t
    }

    fn next(&mut self) {
        match self.tok.tok {
            Tok::LBrace => self.brace_depth += 1,
            Tok::RBrace => self.brace_depth -= 1,
            _ => {}
        }
        self.prev_end = self.tok.span.hi;
        if self.stopped {
            self.tok = Token { tok: Tok::Eof, span: Span::new(self.tok.span.hi, self.tok.span.hi), bad: false };
            return;
        }
        self.tok = match self.peeked.take() {
            Some(t) => t,
            None => self.scan(),
        };
        if self.stopped {
            self.tok = Token { tok: Tok::Eof, span: self.tok.span, bad: false };
        }
        self.pass_directives();
    }

    /// Hands the directive comments before the current token to `pragmas`, as gc's scanner
    /// reports them while advancing to it (a peeked token does not count yet).
    fn pass_directives(&mut self) {
        while let Some(d) = self.lx.directives.get(self.directives_seen) {
            if d.pos > self.tok.span.lo && self.tok.tok != Tok::Eof {
                break;
            }
            let d = d.clone();
            self.directives_seen += 1;
            self.pragmas.add(&d);
        }
    }

    fn peek(&mut self) -> Tok {
        if self.stopped {
            return Tok::Eof;
        }
        if self.peeked.is_none() {
            let t = self.scan();
            self.peeked = Some(t);
        }
        self.peeked.map(|t| t.tok).unwrap_or(Tok::Eof)
    }

    fn got(&mut self, t: Tok) -> bool {
        if self.tok.tok == t || (t.is_semi() && self.tok.tok.is_semi()) {
            self.next();
            true
        } else {
            false
        }
    }

    /// `=` in a declaration; `:=` is reported (`unexpected :=, expected =`) and accepted, as gc does.
    fn got_assign(&mut self) -> bool {
        match self.tok.tok {
            Tok::Define => {
                self.syntax_error("expected =");
                self.next();
                true
            }
            Tok::Assign => {
                self.next();
                true
            }
            _ => false,
        }
    }

    fn want(&mut self, t: Tok) -> PResult<()> {
        if self.got(t) {
            Ok(())
        } else {
            Err(self.syntax_error(&format!("expected {}", tokstring(t))))
        }
    }

    fn pos(&self) -> u32 {
        self.tok.span.lo
    }

    fn text(&self, s: Span) -> &'a str {
        self.file.text(s)
    }

    /// Numbers this file's nodes from `first` (the next free id of the program's one `NodeId`
    /// space, see `load`); must be called before parsing.
    pub fn first_node_id(mut self, first: u32) -> Parser<'a> {
        self.next_id = first;
        self
    }

    fn span_from(&self, lo: u32) -> Span {
        Span::new(lo, self.prev_end.max(lo))
    }

    fn new_id(&mut self) -> NodeId {
        let id = NodeId::from_u32(self.next_id);
        self.next_id += 1;
        id
    }

    fn mk(&mut self, lo: u32, kind: ExprKind) -> Expr {
        Expr { id: self.new_id(), span: self.span_from(lo), kind }
    }

    // ----- errors -----

    fn push_diag(&mut self, d: Diagnostic) {
        if self.stopped {
            return;
        }
        // gc drops a non-syntax error equal to the previous one on the same line.
        if !d.msg.starts_with("syntax error") {
            let line = self.file.line(d.span.lo);
            if self.last_other.as_ref().is_some_and(|(l, m)| *l == line && *m == d.msg) {
                return;
            }
            self.last_other = Some((line, d.msg.clone()));
        }
        let span = d.span;
        self.diags.push(d);
        if self.diags.len() >= MAX_ERRORS {
            self.diags.push(Diagnostic::new(span, "too many errors"));
            self.stopped = true;
        }
    }

    /// Records a non-`syntax error` diagnostic (e.g. `... not supported by gojit`).
    fn error_at(&mut self, pos: u32, msg: impl Into<String>) -> Fail {
        if !(self.tok.tok == Tok::Eof && !self.diags.is_empty()) {
            self.push_diag(Diagnostic::new(Span::new(pos, pos + 1), msg));
        }
        Fail
    }

    /// Records `syntax error: msg` at `pos` (at most one per line, as gc does).
    fn plain_syntax_error_at(&mut self, pos: u32, msg: &str) -> Fail {
        if self.tok.tok == Tok::Eof && !self.diags.is_empty() {
            return Fail;
        }
        let line = self.file.line(pos);
        if self.had_syntax_error && line == self.last_syntax_line {
            return Fail;
        }
        self.had_syntax_error = true;
        self.last_syntax_line = line;
        self.push_diag(Diagnostic::new(Span::new(pos, pos + 1), format!("syntax error: {}", msg)));
        Fail
    }

    /// gc's `syntaxErrorAt`: messages starting with `in `, `at `, `after ` or `expected ` are
    /// prefixed with `unexpected <current token>`.
    fn syntax_error_at(&mut self, pos: u32, msg: &str) -> Fail {
        let msg = if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ") {
            format!("unexpected {} {}", self.tok_desc(), msg)
        } else if msg.starts_with("expected ") {
            format!("unexpected {}, {}", self.tok_desc(), msg)
        } else {
            msg.to_string()
        };
        self.plain_syntax_error_at(pos, &msg)
    }

    fn syntax_error(&mut self, msg: &str) -> Fail {
        self.syntax_error_at(self.pos(), msg)
    }

    /// How gc names the current token in `unexpected X`.
    fn tok_desc(&self) -> String {
        let t = self.tok;
        match t.tok {
            Tok::Ident => format!("name {}", self.text(t.span)),
            Tok::Semi(SemiKind::Explicit) => "semicolon".into(),
            Tok::Semi(SemiKind::Newline) => "newline".into(),
            Tok::Semi(SemiKind::Eof) => "EOF".into(),
            k if k.is_literal() => format!("literal {}", self.text(t.span)),
            k => tokstring(k).into(),
        }
    }

    // ----- recovery -----

    /// Skips to the end of the current statement: after a `;` at brace depth `d0`, or before a
    /// `}`/`case`/`default` at depth `d0` (or EOF).
    fn sync_stmt(&mut self, d0: i32) {
        loop {
            match self.tok.tok {
                Tok::Eof => return,
                Tok::Semi(_) if self.brace_depth <= d0 => {
                    self.next();
                    return;
                }
                Tok::RBrace | Tok::Case | Tok::Default if self.brace_depth <= d0 => return,
                _ => self.next(),
            }
        }
    }

    /// Skips to the next top-level declaration keyword at brace depth `<= d0` that starts a line
    /// (follows a semicolon), so `func` in a parameter type does not count.
    fn sync_decl(&mut self, d0: i32) {
        let mut after_semi = false;
        loop {
            match self.tok.tok {
                Tok::Eof => return,
                Tok::Const | Tok::Type | Tok::Var | Tok::Func if after_semi && self.brace_depth <= d0 => return,
                t => {
                    after_semi = t.is_semi();
                    self.next();
                }
            }
        }
    }

    fn enter(&mut self) -> PResult<()> {
        self.enter_units(LEVEL)
    }

    fn leave(&mut self) {
        self.depth -= LEVEL;
    }

    fn enter_units(&mut self, units: u32) -> PResult<()> {
        self.depth += units;
        if self.depth > BUDGET {
            self.depth -= units;
            let pos = self.pos();
            // Not subject to the one-per-line rule: it must always be reported.
            self.had_syntax_error = false;
            return Err(self.plain_syntax_error_at(pos, "nesting too deep"));
        }
        Ok(())
    }

    // ----- file -----

    /// Parses the whole file; returns the AST and all diagnostics (sorted by position).
    pub fn parse_file(mut self) -> (Option<File>, Vec<Diagnostic>) {
        let file = self.file_or_none();
        let mut diags = std::mem::take(&mut self.diags);
        // Sorted by position like gc prints them; `too many errors` stays last.
        let trailer = if self.stopped { diags.pop() } else { None };
        diags.sort_by_key(|d| d.span.lo);
        diags.extend(trailer);
        (file, diags)
    }

    fn file_or_none(&mut self) -> Option<File> {
        // Package clause and imports: errors here are reported by `go build` in go/parser's words.
        if self.tok.tok != Tok::Package {
            let found = self.go_parser_found();
            self.error_at(self.pos(), format!("expected 'package', found {}", found));
            return None;
        }
        self.next();
        let taken = self.pragmas.take();
        self.pragmas.check(taken, Taker::File);
        if self.tok.tok != Tok::Ident {
            let found = self.go_parser_found();
            self.error_at(self.pos(), format!("expected 'IDENT', found {}", found));
            return None;
        }
        let package = self.name().ok()?;
        if self.want(Tok::Semi(SemiKind::Explicit)).is_err() {
            return None;
        }
        let mut imports = Vec::new();
        while self.tok.tok == Tok::Import {
            self.next();
            let d0 = self.brace_depth;
            let ok = self.import_decl(&mut imports).is_ok();
            self.pragmas.clear();
            if !ok || self.want(Tok::Semi(SemiKind::Explicit)).is_err() {
                self.sync_decl(d0);
            }
        }
        let mut decls = Vec::new();
        while self.tok.tok != Tok::Eof {
            let d0 = self.brace_depth;
            let r = self.top_level_decl(&mut decls);
            // gc drops the directives no declaration took before consuming the `;`
            self.pragmas.clear();
            match r {
                Ok(()) => {
                    self.check_guards();
                    if self.tok.tok != Tok::Eof && !self.got(Tok::Semi(SemiKind::Explicit)) {
                        self.syntax_error("after top level declaration");
                        self.sync_decl(d0);
                    }
                }
                Err(Fail) => {
                    self.guards.clear();
                    self.sync_decl(d0);
                }
            }
        }
        self.pragmas.clear();
        let directives = std::mem::take(&mut self.pragmas.out);
        Some(File { package, imports, decls, node_count: self.next_id, directives })
    }

    /// go/parser's description of the current token in `expected X, found Y`.
    fn go_parser_found(&self) -> String {
        match self.tok.tok {
            Tok::Semi(SemiKind::Newline) => "newline".into(),
            Tok::Semi(SemiKind::Eof) | Tok::Eof => "'EOF'".into(),
            Tok::Semi(SemiKind::Explicit) => "';'".into(),
            Tok::Ident => self.text(self.tok.span).to_string(),
            k if k.is_literal() => self.text(self.tok.span).to_string(),
            k => format!("'{}'", k.text()),
        }
    }

    fn import_decl(&mut self, out: &mut Vec<ImportSpec>) -> PResult<()> {
        if self.tok.tok == Tok::LParen {
            self.pragmas.clear();
        }
        if self.got(Tok::LParen) {
            while self.tok.tok != Tok::Eof && self.tok.tok != Tok::RParen {
                out.push(self.import_spec()?);
                if !self.got(Tok::Semi(SemiKind::Explicit)) && self.tok.tok != Tok::RParen {
                    return Err(self.syntax_error("in grouped declaration; possibly missing semicolon or newline or )"));
                }
            }
            self.want(Tok::RParen)
        } else {
            out.push(self.import_spec()?);
            Ok(())
        }
    }

    fn import_spec(&mut self) -> PResult<ImportSpec> {
        let lo = self.pos();
        let taken = self.pragmas.take();
        self.pragmas.check(taken, Taker::Other);
        let name = match self.tok.tok {
            Tok::Ident => Some(self.name()?),
            Tok::Period => {
                let span = self.tok.span;
                self.next();
                Some(Ident { id: self.new_id(), name: ".".into(), span })
            }
            _ => None,
        };
        if !matches!(self.tok.tok, Tok::Str | Tok::RawStr) {
            // go/parser's (Go 1.27) messages, as the go command parses imports with it; another
            // literal is skipped, so the following specs are still checked (gc reports them all).
            if self.tok.tok.is_literal() {
                let span = self.tok.span;
                let _ = self.error_at(self.pos(), "import path must be a string");
                self.next();
                return Ok(ImportSpec { span: self.span_from(lo), name, path: String::new(), path_span: span });
            }
            return Err(self.error_at(self.pos(), "missing import path"));
        }
        let path_span = self.tok.span;
        let bytes = if self.tok.bad { Vec::new() } else { literal::decode_string(self.text(path_span)) };
        self.next();
        let path = String::from_utf8_lossy(&bytes).into_owned();
        Ok(ImportSpec { span: self.span_from(lo), name, path, path_span })
    }

    fn top_level_decl(&mut self, decls: &mut Vec<Decl>) -> PResult<()> {
        match self.tok.tok {
            Tok::Const | Tok::Var | Tok::Type => {
                let d = self.gen_decl()?;
                decls.push(d);
                Ok(())
            }
            Tok::Func => {
                let lo = self.pos();
                self.next();
                let d = self.func_decl(lo)?;
                decls.push(Decl::Func(d));
                Ok(())
            }
            Tok::Import => {
                // current gc accepts (and parses) a late import but complains
                self.syntax_error("imports must appear before other declarations");
                self.next();
                let mut ignored = Vec::new();
                self.import_decl(&mut ignored)
            }
            _ => {
                let after_bodyless_func =
                    matches!(decls.last(), Some(Decl::Func(f)) if f.body.is_none());
                if self.tok.tok == Tok::LBrace && after_bodyless_func {
                    Err(self.syntax_error("unexpected semicolon or newline before {"))
                } else {
                    Err(self.syntax_error("non-declaration statement outside function body"))
                }
            }
        }
    }

    // ----- declarations -----

    /// `const`/`var`/`type` declaration (single or grouped); the current token is the keyword.
    #[inline(never)]
    fn gen_decl(&mut self) -> PResult<Decl> {
        let lo = self.pos();
        let kw = self.tok.tok;
        self.next();
        let grouped = self.tok.tok == Tok::LParen;
        let mut consts = Vec::new();
        let mut vars = Vec::new();
        let mut types = Vec::new();
        let mut parse_one = |p: &mut Self, consts: &mut Vec<ConstSpec>| -> PResult<()> {
            match kw {
                Tok::Const => {
                    let iota = consts.len() as u32;
                    let prev = consts.last();
                    let spec = p.const_spec(iota, prev)?;
                    consts.push(spec);
                }
                Tok::Var => vars.push(p.var_spec()?),
                _ => types.push(p.type_spec()?),
            }
            Ok(())
        };
        if grouped {
            // must be dropped before consuming `(`: what follows belongs to the first spec
            self.pragmas.clear();
            self.next();
            while self.tok.tok != Tok::Eof && self.tok.tok != Tok::RParen {
                parse_one(self, &mut consts)?;
                if !self.got(Tok::Semi(SemiKind::Explicit)) && self.tok.tok != Tok::RParen {
                    return Err(self.syntax_error("in grouped declaration; possibly missing semicolon or newline or )"));
                }
            }
            self.want(Tok::RParen)?;
        } else {
            parse_one(self, &mut consts)?;
        }
        let span = self.span_from(lo);
        Ok(match kw {
            Tok::Const => Decl::Const(ConstDecl { span, grouped, specs: consts }),
            Tok::Var => Decl::Var(VarDecl { span, grouped, specs: vars }),
            _ => Decl::Type(TypeDecl { span, grouped, specs: types }),
        })
    }

    fn const_spec(&mut self, iota: u32, prev: Option<&ConstSpec>) -> PResult<ConstSpec> {
        let lo = self.pos();
        let taken = self.pragmas.take();
        self.pragmas.check(taken, Taker::Other);
        let first = self.name()?;
        let names = self.name_list(first)?;
        let mut typ = None;
        let mut values = Vec::new();
        if !matches!(self.tok.tok, Tok::Eof | Tok::Semi(_) | Tok::RParen) {
            typ = self.type_or_nil()?;
            if self.got_assign() {
                values = self.expr_list()?;
            }
        }
        let mut implicit = false;
        if typ.is_none() && values.is_empty() {
            implicit = true;
            if let Some(prev) = prev {
                typ = prev.typ.as_ref().map(|t| self.clone_expr(t));
                values = prev.values.iter().map(|v| self.clone_expr(v)).collect();
            }
        }
        Ok(ConstSpec { span: self.span_from(lo), names, typ, values, iota, implicit })
    }

    fn var_spec(&mut self) -> PResult<VarSpec> {
        let lo = self.pos();
        let taken = self.pragmas.take();
        let first = self.name()?;
        let names = self.name_list(first)?;
        let mut typ = None;
        let mut values = Vec::new();
        if self.got_assign() {
            values = self.expr_list()?;
        } else {
            typ = Some(self.type_()?);
            if self.got_assign() {
                values = self.expr_list()?;
            }
        }
        let taker = Taker::Var {
            multiple: names.len() > 1,
            has_values: !values.is_empty(),
            no_type: typ.is_none(),
            in_func: self.stmt_depth > 0,
        };
        self.pragmas.check(taken, taker);
        Ok(VarSpec { span: self.span_from(lo), names, typ, values })
    }

    fn type_spec(&mut self) -> PResult<TypeSpec> {
        let lo = self.pos();
        let taken = self.pragmas.take();
        self.pragmas.check(taken, Taker::Other);
        let name = self.name()?;
        if self.tok.tok == Tok::LBrack {
            // `type T[P any] ...` (type parameters) vs `type T [N]E` (array type).
            let next = self.peek();
            if let (Tok::Ident, Some(ident)) = (next, self.peeked) {
                // Look one further: `[P any]`, `[P interface{...}]`, `[P, Q any]` are type
                // parameters; an array length is followed by `]` or an operator. A private
                // lexer scans the token after the identifier (its diagnostics are dropped; the
                // main lexer reports them).
                let at = (ident.span.hi - self.file.base) as usize;
                let after = Lexer::new_at(self.src, at).next_token().tok;
                let tparams = match after {
                    Tok::Ident | Tok::Interface | Tok::Comma | Tok::Tilde | Tok::LBrack | Tok::Func | Tok::Map | Tok::Struct => true,
                    // `[P *C ...]` or `[P (C)]`: also an array length `P * C`; gc (extractName)
                    // takes it as type parameters when a comma follows at the top level or the
                    // operand is a type element (a type literal or `~`)
                    Tok::Mul | Tok::LParen => self.tparams_after_operator(at),
                    _ => false,
                };
                if tparams {
                    self.next();
                    let tparams = self.tparam_list()?;
                    let alias = self.got_assign();
                    let typ = match self.type_or_nil()? {
                        Some(t) => t,
                        None => return Err(self.syntax_error("in type declaration")),
                    };
                    return Ok(TypeSpec { span: self.span_from(lo), name, tparams, alias, typ });
                }
            }
        }
        let alias = self.got_assign();
        let typ = match self.type_or_nil()? {
            Some(t) => t,
            None => return Err(self.syntax_error("in type declaration")),
        };
        Ok(TypeSpec { span: self.span_from(lo), name, tparams: Vec::new(), alias, typ })
    }

    /// Whether `type T[P *C ...]` (scanned from byte `at`, after `P`, up to the closing `]`)
    /// starts a type parameter list rather than an array length: as gc's `extractName` decides,
    /// a comma at the top level forces it, and otherwise a type element in it (a type literal
    /// keyword, `[`, `~`) makes it one.
    fn tparams_after_operator(&self, at: usize) -> bool {
        let mut lx = Lexer::new_at(self.src, at);
        let mut depth = 0i32;
        let mut type_elem = false;
        loop {
            match lx.next_token().tok {
                Tok::Eof | Tok::Semi(_) => return false,
                Tok::LParen | Tok::LBrace => depth += 1,
                Tok::RParen | Tok::RBrace => depth -= 1,
                Tok::LBrack => {
                    type_elem = true;
                    depth += 1;
                }
                Tok::RBrack if depth == 0 => return type_elem,
                Tok::RBrack => depth -= 1,
                Tok::Comma if depth == 0 => return true,
                Tok::Struct | Tok::Interface | Tok::Func | Tok::Map | Tok::Chan | Tok::Tilde => type_elem = true,
                _ => {}
            }
        }
    }

    /// A type parameter list after its `[`, through the closing `]` (gc's `paramList` with
    /// `typeSetsOk`): groups `A, B Constraint` separated by commas, a trailing comma allowed.
    #[inline(never)]
    fn tparam_list(&mut self) -> PResult<Vec<Field>> {
        let mut out = Vec::new();
        if self.tok.tok == Tok::RBrack {
            return Err(self.error_at(self.pos(), "empty type parameter list"));
        }
        while self.tok.tok != Tok::RBrack && self.tok.tok != Tok::Eof {
            let lo = self.pos();
            let first = self.name()?;
            let names = self.name_list(first)?;
            let typ = match self.type_elem()? {
                Some(t) => t,
                None => return Err(self.syntax_error("missing type constraint")),
            };
            out.push(Field { span: self.span_from(lo), names, typ, tag: None });
            if !self.got(Tok::Comma) && self.tok.tok != Tok::RBrack {
                return Err(self.syntax_error("in parameter list; possibly missing comma or ]"));
            }
        }
        self.want(Tok::RBrack)?;
        Ok(out)
    }

    /// A constraint's type element: `term { "|" term }`, a term being `~T` or `T`. Unions are
    /// `Binary { op: Or }` chains (left-associative), tilde terms `Unary { op: Tilde }`.
    fn type_elem(&mut self) -> PResult<Option<Expr>> {
        let lo = self.pos();
        let Some(mut x) = self.type_term()? else { return Ok(None) };
        while self.tok.tok == Tok::Or {
            let op_span = self.tok.span;
            self.next();
            let y = match self.type_term()? {
                Some(t) => t,
                None => return Err(self.syntax_error("expected ~ term or type")),
            };
            x = self.mk(lo, ExprKind::Binary { op: BinaryOp::Or, op_span, x: Box::new(x), y: Box::new(y) });
        }
        Ok(Some(x))
    }

    fn type_term(&mut self) -> PResult<Option<Expr>> {
        let lo = self.pos();
        if self.got(Tok::Tilde) {
            let t = self.type_()?;
            return Ok(Some(self.mk(lo, ExprKind::Unary { op: UnaryOp::Tilde, x: Box::new(t) })));
        }
        self.type_or_nil()
    }

    /// Type arguments after a generic type's name: `[` types `]` -> `Index`/`IndexList`.
    fn type_args(&mut self, x: Expr) -> PResult<Expr> {
        let lo = x.span.lo;
        let lbrack = self.tok.span;
        self.next();
        let mut list = Vec::new();
        while self.tok.tok != Tok::RBrack && self.tok.tok != Tok::Eof {
            list.push(self.type_()?);
            if !self.got(Tok::Comma) && self.tok.tok != Tok::RBrack {
                if self.iface_elem_name && list.len() == 1 && self.tok.tok == Tok::Ident {
                    // `interface{ m[P any]() }`: a type parameter list, as gc's parser tells
                    return Err(self.error_at(lbrack.lo, "interface method must have no type parameters"));
                }
                return Err(self.syntax_error("in type argument list; possibly missing comma or ]"));
            }
        }
        if list.is_empty() {
            return Err(self.syntax_error("expected type argument list"));
        }
        self.want(Tok::RBrack)?;
        Ok(self.index_node(lo, x, list, lbrack))
    }

    /// `x[i]` for one index, `x[i, j, ...]` for more.
    fn index_node(&mut self, lo: u32, x: Expr, mut list: Vec<Expr>, lbrack: Span) -> Expr {
        if list.len() == 1 {
            let index = list.pop().expect("one index");
            self.mk(lo, ExprKind::Index { x: Box::new(x), index: Box::new(index), lbrack })
        } else {
            self.mk(lo, ExprKind::IndexList { x: Box::new(x), indices: list, lbrack })
        }
    }

    /// After `name [`, in a parameter or field list: either `name [N]E` (a named parameter or field
    /// of array type; `name []E` too) or `Name[T1, T2]` (an unnamed parameter or embedded field of
    /// an instantiated generic type). Returns (name, type).
    fn array_or_type_args(&mut self, name: Ident) -> PResult<(Option<Ident>, Expr)> {
        let lbrack = self.tok.span;
        let lo = self.pos();
        self.next();
        if self.got(Tok::RBrack) {
            let elem = self.type_()?;
            return Ok((Some(name), self.mk(lo, ExprKind::SliceType { elem: Box::new(elem) })));
        }
        if self.got(Tok::Ellipsis) {
            self.want(Tok::RBrack)?;
            let elem = self.type_()?;
            return Ok((Some(name), self.mk(lo, ExprKind::ArrayType { len: None, elem: Box::new(elem) })));
        }
        let mut list = Vec::new();
        self.xnest += 1;
        while self.tok.tok != Tok::RBrack && self.tok.tok != Tok::Eof {
            let e = self.type_elem_or_expr();
            let e = match e {
                Ok(e) => e,
                Err(f) => {
                    self.xnest -= 1;
                    return Err(f);
                }
            };
            list.push(e);
            if !self.got(Tok::Comma) {
                break;
            }
        }
        self.xnest -= 1;
        self.want(Tok::RBrack)?;
        let starts_type = matches!(
            self.tok.tok,
            Tok::Ident | Tok::Mul | Tok::LBrack | Tok::LParen | Tok::Func | Tok::Map | Tok::Struct | Tok::Interface | Tok::Chan
        );
        if list.len() == 1 && starts_type {
            let elem = self.type_()?;
            let len = list.pop().map(Box::new);
            return Ok((Some(name), self.mk(lo, ExprKind::ArrayType { len, elem: Box::new(elem) })));
        }
        let nlo = name.span.lo;
        let x = Expr { id: name.id, span: name.span, kind: ExprKind::Ident(name) };
        Ok((None, self.index_node(nlo, x, list, lbrack)))
    }

    /// An expression that may also be a type (a type argument or an array length).
    fn type_elem_or_expr(&mut self) -> PResult<Expr> {
        self.expr()
    }

    #[inline(never)]
    fn func_decl(&mut self, lo: u32) -> PResult<FuncDecl> {
        let taken = self.pragmas.take();
        self.pragmas.check(taken, Taker::Func);
        let id = self.new_id();
        let mut recv = None;
        if self.tok.tok == Tok::LParen {
            self.next();
            let mut list = self.param_list(Tok::RParen)?;
            let count: usize = list.iter().map(|f| f.names.len().max(1)).sum();
            match count {
                0 => return Err(self.error_at(self.pos(), "method has no receiver")),
                1 => recv = list.pop(),
                _ => return Err(self.error_at(self.pos(), "method has multiple receivers")),
            }
        }
        if self.tok.tok != Tok::Ident {
            return Err(self.syntax_error("expected name or ("));
        }
        let name = self.name()?;
        let mut tparams = Vec::new();
        if self.tok.tok == Tok::LBrack {
            // type parameters of a function, or of a method (Go 1.27's generic methods)
            self.next();
            tparams = self.tparam_list()?;
        }
        let mut typ = self.func_type(name.span.lo)?;
        typ.tparams = tparams;
        let body = if self.tok.tok == Tok::LBrace { Some(self.func_body()?) } else { None };
        Ok(FuncDecl { id, span: self.span_from(lo), recv, name, typ, body })
    }

    fn func_body(&mut self) -> PResult<Block> {
        let outer = self.xnest;
        self.xnest = 0;
        let b = self.block_stmt("");
        self.xnest = outer;
        b
    }

    /// `(params) results` after `func` or a name; `lo` starts the span.
    #[inline(never)]
    fn func_type(&mut self, lo: u32) -> PResult<FuncType> {
        if self.tok.tok == Tok::LBrack {
            return Err(self.syntax_error("function type must have no type parameters"));
        }
        self.want(Tok::LParen)?;
        let params = self.param_list(Tok::RParen)?;
        let results = self.func_result()?;
        Ok(FuncType { tparams: Vec::new(), span: self.span_from(lo), params, results })
    }

    fn func_result(&mut self) -> PResult<Vec<Field>> {
        if self.got(Tok::LParen) {
            return self.param_list(Tok::RParen);
        }
        let lo = self.pos();
        match self.type_or_nil()? {
            Some(t) => Ok(vec![Field { span: self.span_from(lo), names: Vec::new(), typ: t, tag: None }]),
            None => Ok(Vec::new()),
        }
    }

    /// Parameter list after `(` up to and including `close` (gc's `paramList`).
    #[inline(never)]
    fn param_list(&mut self, close: Tok) -> PResult<Vec<Field>> {
        // Each entry: optional name, optional type.
        let mut list: Vec<(u32, Option<Ident>, Option<Expr>)> = Vec::new();
        let mut named = 0;
        while self.tok.tok != Tok::Eof && self.tok.tok != close {
            let (lo, name, typ) = self.param_decl(close)?;
            if name.is_some() && typ.is_some() {
                named += 1;
            }
            list.push((lo, name, typ));
            if !self.got(Tok::Comma) && self.tok.tok != close {
                return Err(self.syntax_error(&format!(
                    "in parameter list; possibly missing comma or {}",
                    tokstring(close)
                )));
            }
        }
        self.want(close)?;
        let mut fields: Vec<Field> = Vec::new();
        if named == 0 {
            // all unnamed: names are types
            for (lo, name, typ) in list {
                let typ = match (name, typ) {
                    (Some(n), None) => Expr { id: n.id, span: n.span, kind: ExprKind::Ident(n) },
                    (_, Some(t)) => t,
                    (None, None) => continue,
                };
                let span = Span::new(lo, typ.span.hi);
                fields.push(Field { span, names: Vec::new(), typ, tag: None });
            }
            return Ok(fields);
        }
        // Some named: all must be named; distribute types right to left.
        let mut err_pos = None;
        let mut pending: Vec<Ident> = Vec::new();
        let mut out_rev: Vec<Field> = Vec::new();
        for (lo, name, typ) in list.into_iter().rev() {
            match typ {
                Some(t) => {
                    if !pending.is_empty() {
                        // names waiting for a type that never came (to their right is handled)
                    }
                    let name = match name {
                        Some(n) => n,
                        None => {
                            err_pos = Some(t.span.lo);
                            Ident { id: self.new_id(), name: "_".into(), span: Span::new(t.span.lo, t.span.lo) }
                        }
                    };
                    pending.clear();
                    out_rev.push(Field { span: Span::new(lo, t.span.hi), names: vec![name], typ: t, tag: None });
                }
                None => {
                    let Some(n) = name else { continue };
                    match out_rev.last_mut() {
                        Some(f) => {
                            // `a, b int`: share the type of the field to the right.
                            f.names.insert(0, n);
                            f.span = Span::new(lo, f.span.hi);
                        }
                        None => {
                            err_pos = Some(n.span.lo);
                            pending.push(n);
                        }
                    }
                }
            }
        }
        if let Some(pos) = err_pos {
            return Err(self.syntax_error_at(pos, "mixed named and unnamed parameters"));
        }
        out_rev.reverse();
        Ok(out_rev)
    }

    /// One parameter: `name`, `name Type`, `Type`, `name ...Type`, `...Type`.
    fn param_decl(&mut self, close: Tok) -> PResult<(u32, Option<Ident>, Option<Expr>)> {
        let lo = self.pos();
        let mut name = None;
        if self.tok.tok == Tok::Ident {
            let n = self.name()?;
            if self.tok.tok == Tok::Period {
                // qualified type name `pkg.T`
                let x = Expr { id: n.id, span: n.span, kind: ExprKind::Ident(n) };
                let t = self.qualified_rest(x)?;
                // `pkg.T[args]`: an instantiated generic type of another package
                let t = if self.tok.tok == Tok::LBrack { self.type_args(t)? } else { t };
                return Ok((lo, None, Some(t)));
            }
            if self.tok.tok == Tok::LBrack {
                let (name, t) = self.array_or_type_args(n)?;
                return Ok((lo, name, Some(t)));
            }
            name = Some(n);
        }
        if self.tok.tok == Tok::Ellipsis {
            let dlo = self.pos();
            self.next();
            let elem = match self.type_or_nil()? {
                Some(t) => t,
                None => return Err(self.syntax_error("... is missing type")),
            };
            let t = self.mk(dlo, ExprKind::Ellipsis(Some(Box::new(elem))));
            return Ok((lo, name, Some(t)));
        }
        let typ = self.type_or_nil()?;
        if name.is_none() && typ.is_none() {
            return Err(self.syntax_error(&format!("expected {}", tokstring(close))));
        }
        Ok((lo, name, typ))
    }

    // ----- types -----

    fn type_(&mut self) -> PResult<Expr> {
        match self.type_or_nil()? {
            Some(t) => Ok(t),
            None => Err(self.syntax_error("expected type")),
        }
    }

    fn type_or_nil(&mut self) -> PResult<Option<Expr>> {
        self.enter()?;
        let r = self.type_or_nil_inner();
        self.leave();
        r
    }

    #[inline(never)]
    fn type_or_nil_inner(&mut self) -> PResult<Option<Expr>> {
        let lo = self.pos();
        let t = match self.tok.tok {
            Tok::Mul => {
                self.next();
                let elem = self.type_()?;
                self.mk(lo, ExprKind::Star(Box::new(elem)))
            }
            Tok::Chan => {
                self.next();
                let dir = if self.got(Tok::Arrow) { ChanDir::Send } else { ChanDir::Both };
                let elem = self.chan_elem()?;
                self.mk(lo, ExprKind::ChanType { dir, elem: Box::new(elem) })
            }
            Tok::Arrow => {
                self.next();
                if self.tok.tok != Tok::Chan {
                    return Err(self.syntax_error("expected keyword chan"));
                }
                self.next();
                let elem = self.chan_elem()?;
                self.mk(lo, ExprKind::ChanType { dir: ChanDir::Recv, elem: Box::new(elem) })
            }
            Tok::Func => {
                self.next();
                let ft = self.func_type(lo)?;
                self.mk(lo, ExprKind::FuncType(ft))
            }
            Tok::LBrack => {
                self.next();
                if self.got(Tok::RBrack) {
                    let elem = self.type_()?;
                    self.mk(lo, ExprKind::SliceType { elem: Box::new(elem) })
                } else {
                    self.array_type(lo)?
                }
            }
            Tok::Map => {
                self.next();
                self.want(Tok::LBrack)?;
                let key = self.type_()?;
                self.want(Tok::RBrack)?;
                let value = self.type_()?;
                self.mk(lo, ExprKind::MapType { key: Box::new(key), value: Box::new(value) })
            }
            Tok::Struct => self.struct_type()?,
            Tok::Interface => self.interface_type()?,
            Tok::Ident => {
                let n = self.name()?;
                let x = Expr { id: n.id, span: n.span, kind: ExprKind::Ident(n) };
                let t = self.qualified_rest(x)?;
                if self.tok.tok == Tok::LBrack {
                    // `List[int]`: instantiation of a generic type
                    self.type_args(t)?
                } else {
                    t
                }
            }
            Tok::LParen => {
                self.next();
                let t = self.type_()?;
                self.want(Tok::RParen)?;
                self.mk(lo, ExprKind::Paren(Box::new(t)))
            }
            _ => return Ok(None),
        };
        Ok(Some(t))
    }

    /// After `[` (not `[]`): `[len]elem` or `[...]elem`.
    fn array_type(&mut self, lo: u32) -> PResult<Expr> {
        let len = if self.got(Tok::Ellipsis) {
            None
        } else {
            self.xnest += 1;
            let l = self.expr();
            self.xnest -= 1;
            Some(Box::new(l?))
        };
        self.want(Tok::RBrack)?;
        let elem = self.type_()?;
        Ok(self.mk(lo, ExprKind::ArrayType { len, elem: Box::new(elem) }))
    }

    /// Completes `name` to `name.Sel` if a period follows.
    fn qualified_rest(&mut self, x: Expr) -> PResult<Expr> {
        if self.tok.tok != Tok::Period {
            return Ok(x);
        }
        self.next();
        let lo = x.span.lo;
        if self.tok.tok != Tok::Ident {
            return Err(self.syntax_error("expected name"));
        }
        let sel = self.name()?;
        Ok(self.mk(lo, ExprKind::Selector { x: Box::new(x), sel }))
    }

    #[inline(never)]
    fn struct_type(&mut self) -> PResult<Expr> {
        let lo = self.pos();
        self.next(); // struct
        self.want(Tok::LBrace)?;
        let mut fields = Vec::new();
        while self.tok.tok != Tok::Eof && self.tok.tok != Tok::RBrace {
            self.field_decl(&mut fields)?;
            if !self.got(Tok::Semi(SemiKind::Explicit)) && self.tok.tok != Tok::RBrace {
                return Err(self.syntax_error("in struct type; possibly missing semicolon or newline or }"));
            }
        }
        self.want(Tok::RBrace)?;
        Ok(self.mk(lo, ExprKind::StructType(StructType { fields })))
    }

    fn tag(&mut self) -> Option<Vec<u8>> {
        if matches!(self.tok.tok, Tok::Str | Tok::RawStr) {
            let v = if self.tok.bad { Vec::new() } else { literal::decode_string(self.text(self.tok.span)) };
            self.next();
            Some(v)
        } else {
            None
        }
    }

    fn field_decl(&mut self, out: &mut Vec<Field>) -> PResult<()> {
        let lo = self.pos();
        match self.tok.tok {
            Tok::Ident => {
                let name = self.name()?;
                if self.tok.tok == Tok::LBrack {
                    // `a [N]T` (array field) or `List[T]` (embedded instantiated type)
                    let (fname, typ) = self.array_or_type_args(name)?;
                    let tag = self.tag();
                    let names = fname.into_iter().collect();
                    out.push(Field { span: self.span_from(lo), names, typ, tag });
                    return Ok(());
                }
                if matches!(self.tok.tok, Tok::Period | Tok::Str | Tok::RawStr | Tok::Semi(_) | Tok::RBrace) {
                    // embedded type
                    let x = Expr { id: name.id, span: name.span, kind: ExprKind::Ident(name) };
                    let mut typ = self.qualified_rest(x)?;
                    if self.tok.tok == Tok::LBrack {
                        typ = self.type_args(typ)?;
                    }
                    let tag = self.tag();
                    out.push(Field { span: self.span_from(lo), names: Vec::new(), typ, tag });
                    return Ok(());
                }
                let names = self.name_list(name)?;
                let typ = self.type_()?;
                let tag = self.tag();
                out.push(Field { span: self.span_from(lo), names, typ, tag });
                Ok(())
            }
            Tok::Mul => {
                self.next();
                if self.tok.tok == Tok::LParen {
                    // gc reports it and goes on with the parenthesized name (`*(T)`).
                    let _ = self.syntax_error("cannot parenthesize embedded type");
                    self.next();
                    let t = self.embedded_name()?;
                    self.got(Tok::RParen);
                    let typ = self.mk(lo, ExprKind::Star(Box::new(t)));
                    let tag = self.tag();
                    out.push(Field { span: self.span_from(lo), names: Vec::new(), typ, tag });
                    return Ok(());
                }
                if self.tok.tok != Tok::Ident {
                    return Err(self.syntax_error("expected name"));
                }
                let n = self.name()?;
                let x = Expr { id: n.id, span: n.span, kind: ExprKind::Ident(n) };
                let mut t = self.qualified_rest(x)?;
                if self.tok.tok == Tok::LBrack {
                    t = self.type_args(t)?;
                }
                let typ = self.mk(lo, ExprKind::Star(Box::new(t)));
                let tag = self.tag();
                out.push(Field { span: self.span_from(lo), names: Vec::new(), typ, tag });
                Ok(())
            }
            Tok::LParen => {
                // gc reports it and goes on with the parenthesized (pointer to a) name.
                let _ = self.syntax_error("cannot parenthesize embedded type");
                self.next();
                let slo = self.pos();
                let typ = if self.got(Tok::Mul) {
                    let t = self.embedded_name()?;
                    self.mk(slo, ExprKind::Star(Box::new(t)))
                } else {
                    self.embedded_name()?
                };
                self.want(Tok::RParen)?;
                let tag = self.tag();
                out.push(Field { span: self.span_from(lo), names: Vec::new(), typ, tag });
                Ok(())
            }
            _ => Err(self.syntax_error("expected field name or embedded type")),
        }
    }

    /// A possibly qualified type name (`T`, `pkg.T`) of an embedded field.
    fn embedded_name(&mut self) -> PResult<Expr> {
        if self.tok.tok != Tok::Ident {
            return Err(self.syntax_error("expected name"));
        }
        let n = self.name()?;
        let x = Expr { id: n.id, span: n.span, kind: ExprKind::Ident(n) };
        self.qualified_rest(x)
    }

    #[inline(never)]
    fn interface_type(&mut self) -> PResult<Expr> {
        let lo = self.pos();
        self.next(); // interface
        self.want(Tok::LBrace)?;
        let mut elems = Vec::new();
        while self.tok.tok != Tok::Eof && self.tok.tok != Tok::RBrace {
            let is_method = self.tok.tok == Tok::Ident && self.peek() == Tok::LParen;
            match self.tok.tok {
                Tok::Ident if is_method => {
                    let name = self.name()?;
                    let typ = self.func_type(name.span.lo)?;
                    elems.push(InterfaceElem::Method { name, typ });
                }
                Tok::LParen => return Err(self.syntax_error("cannot parenthesize embedded type")),
                _ => match {
                    self.iface_elem_name = self.tok.tok == Tok::Ident && self.peek() == Tok::LBrack;
                    let r = self.type_elem();
                    self.iface_elem_name = false;
                    r?
                } {
                    Some(t) => elems.push(InterfaceElem::Embed(t)),
                    None => {
                        return Err(self.syntax_error("in interface type; possibly missing semicolon or newline or }"));
                    }
                },
            }
            if !self.got(Tok::Semi(SemiKind::Explicit)) && self.tok.tok != Tok::RBrace {
                return Err(self.syntax_error("in interface type; possibly missing semicolon or newline or }"));
            }
        }
        self.want(Tok::RBrace)?;
        Ok(self.mk(lo, ExprKind::InterfaceType(InterfaceType { elems })))
    }

    // ----- names -----

    fn name(&mut self) -> PResult<Ident> {
        if self.tok.tok != Tok::Ident {
            return Err(self.syntax_error("expected name"));
        }
        let span = self.tok.span;
        let id = self.new_id();
        let name = self.text(span).to_string();
        self.next();
        Ok(Ident { id, name, span })
    }

    fn name_list(&mut self, first: Ident) -> PResult<Vec<Ident>> {
        let mut v = vec![first];
        while self.got(Tok::Comma) {
            v.push(self.name()?);
        }
        Ok(v)
    }

    // ----- expressions -----

    fn expr(&mut self) -> PResult<Expr> {
        self.binary_expr(0)
    }

    #[inline(never)]
    fn expr_list(&mut self) -> PResult<Vec<Expr>> {
        let mut v = vec![self.expr()?];
        while self.got(Tok::Comma) {
            v.push(self.expr()?);
        }
        Ok(v)
    }

    fn binary_expr(&mut self, prec: u8) -> PResult<Expr> {
        let mut chain = 0;
        let r = self.binary_expr_chain(prec, &mut chain);
        self.depth -= chain;
        r
    }

    fn binary_expr_chain(&mut self, prec: u8, chain: &mut u32) -> PResult<Expr> {
        let mut x = self.unary_expr()?;
        loop {
            let Some(op) = binary_op(self.tok.tok) else { break };
            let oprec = op.precedence();
            if oprec <= prec {
                break;
            }
            self.enter_units(1)?;
            *chain += 1;
            let op_span = self.tok.span;
            self.next();
            let y = self.binary_expr(oprec)?;
            let lo = x.span.lo;
            x = self.mk(lo, ExprKind::Binary { op, op_span, x: Box::new(x), y: Box::new(y) });
        }
        Ok(x)
    }

    fn unary_expr(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.unary_expr_inner();
        self.leave();
        r
    }

    #[inline(never)]
    fn unary_expr_inner(&mut self) -> PResult<Expr> {
        let lo = self.pos();
        let op = match self.tok.tok {
            Tok::Mul => {
                self.next();
                let x = self.unary_expr()?;
                return Ok(self.mk(lo, ExprKind::Star(Box::new(x))));
            }
            Tok::Add => UnaryOp::Pos,
            Tok::Sub => UnaryOp::Neg,
            Tok::Not => UnaryOp::Not,
            Tok::Xor => UnaryOp::Complement,
            Tok::And => UnaryOp::Addr,
            Tok::Tilde => UnaryOp::Tilde,
            Tok::Arrow => {
                self.next();
                let x = self.unary_expr()?;
                return self.recv_or_chan_type(lo, x);
            }
            _ => return self.pexpr(false),
        };
        self.next();
        let mut x = self.unary_expr()?;
        if op == UnaryOp::Addr {
            // `&(T{})`: gc removes the parentheses around a composite literal.
            if let ExprKind::Paren(_) = x.kind {
                if matches!(x.unparen().kind, ExprKind::CompositeLit { .. }) {
                    while let ExprKind::Paren(inner) = x.kind {
                        x = *inner;
                    }
                }
            }
        }
        Ok(self.mk(lo, ExprKind::Unary { op, x: Box::new(x) }))
    }

    #[inline(never)]
    fn operand(&mut self) -> PResult<Expr> {
        let lo = self.pos();
        match self.tok.tok {
            Tok::Ident => {
                let n = self.name()?;
                Ok(Expr { id: n.id, span: n.span, kind: ExprKind::Ident(n) })
            }
            t if t.is_literal() => self.literal(),
            Tok::LParen => {
                self.next();
                self.xnest += 1;
                let x = self.expr();
                self.xnest -= 1;
                let x = x?;
                self.want(Tok::RParen)?;
                Ok(self.mk(lo, ExprKind::Paren(Box::new(x))))
            }
            Tok::Func => {
                self.next();
                let typ = self.func_type(lo)?;
                if self.tok.tok == Tok::LBrace {
                    self.xnest += 1;
                    let body = self.func_body();
                    self.xnest -= 1;
                    let body = body?;
                    Ok(self.mk(lo, ExprKind::FuncLit { typ, body }))
                } else {
                    Ok(self.mk(lo, ExprKind::FuncType(typ)))
                }
            }
            Tok::LBrack | Tok::Chan | Tok::Map | Tok::Struct | Tok::Interface => match self.type_or_nil()? {
                Some(t) => Ok(t),
                None => Err(self.syntax_error("expected expression")),
            },
            _ => Err(self.syntax_error("expected expression")),
        }
    }

    #[inline(never)]
    fn literal(&mut self) -> PResult<Expr> {
        let t = self.tok;
        let text = self.text(t.span);
        let lit = match t.tok {
            Tok::Int => Lit::Int { text: text.to_string(), value: if t.bad { Some(0) } else { literal::decode_int(text) } },
            Tok::Float => Lit::Float { text: text.to_string(), value: if t.bad { 0.0 } else { literal::decode_float(text) } },
            Tok::Imag => Lit::Imag { text: if t.bad { "0i".to_string() } else { text.to_string() } },
            Tok::Rune => Lit::Rune { text: text.to_string(), value: if t.bad { 0 } else { literal::decode_rune(text) } },
            _ => Lit::Str(if t.bad { Vec::new() } else { literal::decode_string(text) }),
        };
        self.next();
        Ok(self.mk(t.span.lo, ExprKind::Lit(lit)))
    }

    /// An operand with its postfix chain (parsed iteratively; each link costs one depth unit).
    fn pexpr(&mut self, keep_parens: bool) -> PResult<Expr> {
        let _ = keep_parens;
        let mut links = 0;
        let r = self.pexpr_chain(&mut links);
        self.depth -= links;
        r
    }

    #[inline(never)]
    fn pexpr_chain(&mut self, links: &mut u32) -> PResult<Expr> {
        let mut x = self.operand()?;
        loop {
            let lo = x.span.lo;
            if matches!(self.tok.tok, Tok::Period | Tok::LBrack | Tok::LParen | Tok::LBrace) {
                self.enter_units(1)?;
                *links += 1;
            }
            match self.tok.tok {
                Tok::Period => {
                    self.next();
                    match self.tok.tok {
                        Tok::Ident => {
                            let sel = self.name()?;
                            x = self.mk(lo, ExprKind::Selector { x: Box::new(x), sel });
                        }
                        Tok::LParen => {
                            self.next();
                            if self.tok.tok == Tok::Type {
                                let tspan = self.tok.span;
                                self.next();
                                self.want(Tok::RParen)?;
                                let marker = Ident { id: self.new_id(), name: GUARD.into(), span: tspan };
                                let typ = Expr { id: marker.id, span: tspan, kind: ExprKind::Ident(marker) };
                                self.guards.push(Span::new(lo, lo + 1));
                                x = self.mk(lo, ExprKind::TypeAssert { x: Box::new(x), typ: Box::new(typ) });
                            } else {
                                let typ = self.type_()?;
                                self.want(Tok::RParen)?;
                                x = self.mk(lo, ExprKind::TypeAssert { x: Box::new(x), typ: Box::new(typ) });
                            }
                        }
                        _ => return Err(self.syntax_error("expected name or (")),
                    }
                }
                Tok::LBrack => x = self.index_or_slice(x)?,
                Tok::LParen => {
                    let lparen = self.tok.span;
                    self.next();
                    self.xnest += 1;
                    let r = self.arg_list();
                    self.xnest -= 1;
                    let (args, dots) = r?;
                    let rparen = Span::new(self.prev_end.saturating_sub(1), self.prev_end);
                    x = self.mk(lo, ExprKind::Call { fun: Box::new(x), args, dots, lparen, rparen });
                }
                Tok::LBrace => {
                    let is_paren = matches!(x.kind, ExprKind::Paren(_));
                    let t = x.unparen();
                    let complit_ok = match &t.kind {
                        ExprKind::Ident(_) | ExprKind::Selector { .. } => self.xnest >= 0,
                        ExprKind::Index { .. } | ExprKind::IndexList { .. } => self.xnest >= 0,
                        ExprKind::ArrayType { .. }
                        | ExprKind::SliceType { .. }
                        | ExprKind::StructType(_)
                        | ExprKind::MapType { .. } => true,
                        _ => false,
                    };
                    if !complit_ok {
                        break;
                    }
                    if is_paren {
                        return Err(self.syntax_error("cannot parenthesize type in composite literal"));
                    }
                    x = self.complit(Some(x))?;
                }
                _ => break,
            }
        }
        Ok(x)
    }

    fn index_or_slice(&mut self, x: Expr) -> PResult<Expr> {
        let lo = x.span.lo;
        let lbrack = self.tok.span;
        self.next();
        self.xnest += 1;
        let r = self.index_or_slice_inner(x, lo, lbrack);
        self.xnest -= 1;
        r
    }

    #[inline(never)]
    fn index_or_slice_inner(&mut self, x: Expr, lo: u32, lbrack: Span) -> PResult<Expr> {
        let mut first = None;
        if self.tok.tok != Tok::Colon {
            if self.tok.tok == Tok::RBrack {
                return Err(self.syntax_error("expected operand"));
            }
            let i = self.expr()?;
            if self.tok.tok == Tok::Comma {
                // `F[int, string]`, `Pair[K, V]{...}`: explicit type arguments
                let mut list = vec![i];
                while self.got(Tok::Comma) {
                    if self.tok.tok == Tok::RBrack {
                        break;
                    }
                    list.push(self.expr()?);
                }
                self.want(Tok::RBrack)?;
                return Ok(self.index_node(lo, x, list, lbrack));
            }
            if self.got(Tok::RBrack) {
                return Ok(self.mk(lo, ExprKind::Index { x: Box::new(x), index: Box::new(i), lbrack }));
            }
            first = Some(Box::new(i));
        }
        if !self.got(Tok::Colon) {
            return Err(self.syntax_error("expected comma, : or ]"));
        }
        let mut hi = None;
        let mut max = None;
        let mut three = false;
        if self.tok.tok != Tok::Colon && self.tok.tok != Tok::RBrack {
            hi = Some(Box::new(self.expr()?));
        }
        if self.tok.tok == Tok::Colon {
            three = true;
            if hi.is_none() {
                return Err(self.error_at(self.pos(), "middle index required in 3-index slice"));
            }
            self.next();
            if self.tok.tok != Tok::RBrack {
                max = Some(Box::new(self.expr()?));
            } else {
                return Err(self.error_at(self.pos(), "final index required in 3-index slice"));
            }
        }
        self.want(Tok::RBrack)?;
        Ok(self.mk(lo, ExprKind::Slice { x: Box::new(x), lo: first, hi, max, three, lbrack }))
    }

    #[inline(never)]
    fn arg_list(&mut self) -> PResult<(Vec<Expr>, Option<Span>)> {
        let mut args = Vec::new();
        let mut dots = None;
        while self.tok.tok != Tok::Eof && self.tok.tok != Tok::RParen && dots.is_none() {
            args.push(self.expr()?);
            if self.tok.tok == Tok::Ellipsis {
                dots = Some(self.tok.span);
                self.next();
            }
            if !self.got(Tok::Comma) && self.tok.tok != Tok::RParen {
                return Err(self.syntax_error("in argument list; possibly missing comma or )"));
            }
        }
        self.want(Tok::RParen)?;
        Ok((args, dots))
    }

    /// `{ elements }` with the type already parsed (`None` for elided types).
    fn complit(&mut self, typ: Option<Expr>) -> PResult<Expr> {
        self.enter()?;
        self.xnest += 1;
        let r = self.complit_inner(typ);
        self.xnest -= 1;
        self.leave();
        r
    }

    #[inline(never)]
    fn complit_inner(&mut self, typ: Option<Expr>) -> PResult<Expr> {
        let lo = typ.as_ref().map(|t| t.span.lo).unwrap_or(self.pos());
        let lbrace = self.tok.span;
        self.want(Tok::LBrace)?;
        let mut elts = Vec::new();
        while self.tok.tok != Tok::Eof && self.tok.tok != Tok::RBrace {
            let elo = self.pos();
            let e = self.bare_complit_expr()?;
            let el = if self.got(Tok::Colon) {
                let value = self.bare_complit_expr()?;
                Element { span: self.span_from(elo), key: Some(e), value }
            } else {
                Element { span: self.span_from(elo), key: None, value: e }
            };
            elts.push(el);
            if !self.got(Tok::Comma) && self.tok.tok != Tok::RBrace {
                return Err(self.syntax_error("in composite literal; possibly missing comma or }"));
            }
        }
        let rbrace = self.tok.span;
        self.want(Tok::RBrace)?;
        Ok(self.mk(lo, ExprKind::CompositeLit { typ: typ.map(Box::new), elts, lbrace, rbrace }))
    }

    fn bare_complit_expr(&mut self) -> PResult<Expr> {
        if self.tok.tok == Tok::LBrace {
            self.complit(None)
        } else {
            self.expr()
        }
    }

    /// Deep copy of an expression with fresh node ids (implicit const repetition).
    fn clone_expr(&mut self, e: &Expr) -> Expr {
        let mut c = e.clone();
        self.renumber_expr(&mut c);
        c
    }

    fn renumber_expr(&mut self, e: &mut Expr) {
        e.id = self.new_id();
        let id = e.id;
        match &mut e.kind {
            ExprKind::Ident(i) => i.id = id,
            ExprKind::Lit(_) => {}
            ExprKind::CompositeLit { typ, elts, .. } => {
                if let Some(t) = typ {
                    self.renumber_expr(t);
                }
                for el in elts {
                    if let Some(k) = &mut el.key {
                        self.renumber_expr(k);
                    }
                    self.renumber_expr(&mut el.value);
                }
            }
            ExprKind::FuncLit { typ, body } => {
                self.renumber_func_type(typ);
                self.renumber_block(body);
            }
            ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary { x, .. } | ExprKind::Recv(x) => self.renumber_expr(x),
            ExprKind::ChanType { elem, .. } => self.renumber_expr(elem),
            ExprKind::Selector { x, sel } => {
                self.renumber_expr(x);
                sel.id = self.new_id();
            }
            ExprKind::Index { x, index, .. } => {
                self.renumber_expr(x);
                self.renumber_expr(index);
            }
            ExprKind::IndexList { x, indices, .. } => {
                self.renumber_expr(x);
                for i in indices {
                    self.renumber_expr(i);
                }
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                self.renumber_expr(x);
                for y in [lo, hi, max].into_iter().flatten() {
                    self.renumber_expr(y);
                }
            }
            ExprKind::TypeAssert { x, typ } => {
                self.renumber_expr(x);
                self.renumber_expr(typ);
            }
            ExprKind::Call { fun, args, .. } => {
                self.renumber_expr(fun);
                for a in args {
                    self.renumber_expr(a);
                }
            }
            ExprKind::Binary { x, y, .. } => {
                self.renumber_expr(x);
                self.renumber_expr(y);
            }
            ExprKind::ArrayType { len, elem } => {
                if let Some(l) = len {
                    self.renumber_expr(l);
                }
                self.renumber_expr(elem);
            }
            ExprKind::SliceType { elem } => self.renumber_expr(elem),
            ExprKind::MapType { key, value } => {
                self.renumber_expr(key);
                self.renumber_expr(value);
            }
            ExprKind::FuncType(t) => self.renumber_func_type(t),
            ExprKind::StructType(st) => {
                for f in &mut st.fields {
                    self.renumber_field(f);
                }
            }
            ExprKind::InterfaceType(it) => {
                for el in &mut it.elems {
                    match el {
                        InterfaceElem::Method { name, typ } => {
                            name.id = self.new_id();
                            self.renumber_func_type(typ);
                        }
                        InterfaceElem::Embed(x) => self.renumber_expr(x),
                    }
                }
            }
            ExprKind::Ellipsis(x) => {
                if let Some(x) = x {
                    self.renumber_expr(x);
                }
            }
        }
    }

    fn renumber_field(&mut self, f: &mut Field) {
        for n in &mut f.names {
            n.id = self.new_id();
        }
        self.renumber_expr(&mut f.typ);
    }

    fn renumber_func_type(&mut self, t: &mut FuncType) {
        for f in t.params.iter_mut().chain(t.results.iter_mut()) {
            self.renumber_field(f);
        }
    }

    fn renumber_block(&mut self, b: &mut Block) {
        for s in &mut b.stmts {
            self.renumber_stmt(s);
        }
    }

    fn renumber_stmt(&mut self, s: &mut Stmt) {
        match &mut s.kind {
            StmtKind::Empty | StmtKind::Fallthrough => {}
            StmtKind::Expr(e) | StmtKind::Defer(e) | StmtKind::Go(e) => self.renumber_expr(e),
            StmtKind::Send { ch, value } => {
                self.renumber_expr(ch);
                self.renumber_expr(value);
            }
            StmtKind::Select(cases) => {
                for c in cases {
                    if let Some(s) = &mut c.comm {
                        self.renumber_stmt(s);
                    }
                    for s in &mut c.body {
                        self.renumber_stmt(s);
                    }
                }
            }
            StmtKind::Decl(d) => self.renumber_decl(d),
            StmtKind::ShortVarDecl { lhs, rhs, .. } => {
                for i in lhs {
                    i.id = self.new_id();
                }
                for e in rhs {
                    self.renumber_expr(e);
                }
            }
            StmtKind::Assign { lhs, rhs, .. } => {
                for e in lhs.iter_mut().chain(rhs.iter_mut()) {
                    self.renumber_expr(e);
                }
            }
            StmtKind::IncDec { x, .. } => self.renumber_expr(x),
            StmtKind::Block(b) => self.renumber_block(b),
            StmtKind::If(i) => {
                if let Some(s) = &mut i.init {
                    self.renumber_stmt(s);
                }
                self.renumber_expr(&mut i.cond);
                self.renumber_block(&mut i.then);
                if let Some(s) = &mut i.els {
                    self.renumber_stmt(s);
                }
            }
            StmtKind::For(f) => {
                if let Some(s) = &mut f.init {
                    self.renumber_stmt(s);
                }
                if let Some(c) = &mut f.cond {
                    self.renumber_expr(c);
                }
                if let Some(s) = &mut f.post {
                    self.renumber_stmt(s);
                }
                self.renumber_block(&mut f.body);
            }
            StmtKind::Range(r) => {
                for e in [&mut r.key, &mut r.value].into_iter().flatten() {
                    self.renumber_expr(e);
                }
                self.renumber_expr(&mut r.x);
                self.renumber_block(&mut r.body);
            }
            StmtKind::Switch(sw) => {
                if let Some(s) = &mut sw.init {
                    self.renumber_stmt(s);
                }
                if let Some(t) = &mut sw.tag {
                    self.renumber_expr(t);
                }
                for c in &mut sw.cases {
                    for e in &mut c.exprs {
                        self.renumber_expr(e);
                    }
                    for s in &mut c.body {
                        self.renumber_stmt(s);
                    }
                }
            }
            StmtKind::TypeSwitch(sw) => {
                if let Some(s) = &mut sw.init {
                    self.renumber_stmt(s);
                }
                if let Some(b) = &mut sw.bind {
                    b.id = self.new_id();
                }
                self.renumber_expr(&mut sw.x);
                for c in &mut sw.cases {
                    c.id = self.new_id();
                    for e in &mut c.types {
                        self.renumber_expr(e);
                    }
                    for s in &mut c.body {
                        self.renumber_stmt(s);
                    }
                }
            }
            StmtKind::Labeled { label, stmt } => {
                label.id = self.new_id();
                self.renumber_stmt(stmt);
            }
            StmtKind::Goto(l) => l.id = self.new_id(),
            StmtKind::Break(l) | StmtKind::Continue(l) => {
                if let Some(l) = l {
                    l.id = self.new_id();
                }
            }
            StmtKind::Return(rs) => {
                for e in rs {
                    self.renumber_expr(e);
                }
            }
        }
    }

    fn renumber_decl(&mut self, d: &mut Decl) {
        match d {
            Decl::Const(c) => {
                for s in &mut c.specs {
                    for n in &mut s.names {
                        n.id = self.new_id();
                    }
                    for e in s.typ.iter_mut().chain(s.values.iter_mut()) {
                        self.renumber_expr(e);
                    }
                }
            }
            Decl::Var(v) => {
                for s in &mut v.specs {
                    for n in &mut s.names {
                        n.id = self.new_id();
                    }
                    for e in s.typ.iter_mut().chain(s.values.iter_mut()) {
                        self.renumber_expr(e);
                    }
                }
            }
            Decl::Type(t) => {
                for s in &mut t.specs {
                    s.name.id = self.new_id();
                    self.renumber_expr(&mut s.typ);
                }
            }
            Decl::Func(f) => {
                f.id = self.new_id();
                f.name.id = self.new_id();
                if let Some(r) = &mut f.recv {
                    self.renumber_field(r);
                }
                self.renumber_func_type(&mut f.typ);
                if let Some(b) = &mut f.body {
                    self.renumber_block(b);
                }
            }
        }
    }

    // ----- statements -----

    /// Reports `.(type)` guards that were not claimed by a type switch.
    fn check_guards(&mut self) {
        if let Some(&g) = self.guards.first() {
            self.guards.clear();
            self.error_at(g.lo, "invalid syntax tree: use of .(type) outside type switch");
        }
    }

    fn block_stmt(&mut self, context: &str) -> PResult<Block> {
        self.enter()?;
        let r = self.block_stmt_inner(context);
        self.leave();
        r
    }

    #[inline(never)]
    fn block_stmt_inner(&mut self, context: &str) -> PResult<Block> {
        let lo = self.pos();
        if self.tok.tok != Tok::LBrace {
            return Err(self.syntax_error(&format!("expected {{ after {}", context)));
        }
        self.next();
        let stmts = self.stmt_list();
        self.want(Tok::RBrace)?;
        Ok(Block { span: self.span_from(lo), stmts })
    }

    /// Statements up to `}`, `case`, `default` or EOF. Recovers from errors per statement.
    #[inline(never)]
    fn stmt_list(&mut self) -> Vec<Stmt> {
        self.stmt_depth += 1;
        let list = self.stmt_list_inner();
        self.stmt_depth -= 1;
        list
    }

    fn stmt_list_inner(&mut self) -> Vec<Stmt> {
        let mut list = Vec::new();
        while !matches!(self.tok.tok, Tok::Eof | Tok::RBrace | Tok::Case | Tok::Default) {
            let d0 = self.brace_depth;
            let r = self.stmt_or_none();
            self.pragmas.clear();
            match r {
                Ok(None) => break,
                Ok(Some(s)) => {
                    list.push(s);
                    self.check_guards();
                    if !self.got(Tok::Semi(SemiKind::Explicit)) && self.tok.tok != Tok::RBrace {
                        self.syntax_error("at end of statement");
                        self.sync_stmt(d0);
                    }
                }
                Err(Fail) => {
                    self.guards.clear();
                    self.sync_stmt(d0);
                }
            }
        }
        list
    }

    /// One statement, `None` at a token that cannot start one. Costs one nesting level.
    fn stmt_or_none(&mut self) -> PResult<Option<Stmt>> {
        self.enter()?;
        let r = self.stmt_or_none_inner();
        self.leave();
        r
    }

    #[inline(never)]
    fn stmt_or_none_inner(&mut self) -> PResult<Option<Stmt>> {
        let lo = self.pos();
        // only a declaration statement's specs take directives
        if !matches!(self.tok.tok, Tok::Var | Tok::Const | Tok::Type) {
            self.pragmas.clear();
        }
        let kind = match self.tok.tok {
            Tok::Ident => {
                let lhs = self.expr_list()?;
                if lhs.len() == 1 && self.tok.tok == Tok::Colon {
                    if let ExprKind::Ident(_) = lhs[0].kind {
                        let label = match lhs.into_iter().next().map(|e| e.kind) {
                            Some(ExprKind::Ident(i)) => i,
                            _ => return Err(Fail),
                        };
                        return self.labeled_stmt(lo, label).map(Some);
                    }
                }
                return self.simple_stmt_from(lo, lhs).map(Some);
            }
            Tok::Var | Tok::Const | Tok::Type => StmtKind::Decl(self.gen_decl()?),
            Tok::LBrace => StmtKind::Block(self.block_stmt("")?),
            Tok::Add | Tok::Sub | Tok::Mul | Tok::And | Tok::Xor | Tok::Not => return self.simple_stmt().map(Some),
            Tok::Int | Tok::Float | Tok::Imag | Tok::Rune | Tok::Str | Tok::RawStr => return self.simple_stmt().map(Some),
            Tok::Func | Tok::LParen | Tok::LBrack | Tok::Struct | Tok::Map | Tok::Chan | Tok::Interface | Tok::Arrow => {
                return self.simple_stmt().map(Some);
            }
            Tok::For => return self.for_stmt().map(Some),
            Tok::Switch => return self.switch_stmt().map(Some),
            Tok::Select => return self.select_stmt().map(Some),
            Tok::If => return self.if_stmt().map(Some),
            Tok::Fallthrough => {
                self.next();
                StmtKind::Fallthrough
            }
            Tok::Break | Tok::Continue => {
                let is_break = self.tok.tok == Tok::Break;
                self.next();
                let label = if self.tok.tok == Tok::Ident { Some(self.name()?) } else { None };
                if is_break { StmtKind::Break(label) } else { StmtKind::Continue(label) }
            }
            Tok::Go => StmtKind::Go(self.go_call()?),
            Tok::Defer => StmtKind::Defer(self.defer_call()?),
            Tok::Goto => {
                self.next();
                StmtKind::Goto(self.name()?)
            }
            Tok::Return => {
                self.next();
                let results = if !matches!(self.tok.tok, Tok::Semi(_) | Tok::RBrace) { self.expr_list()? } else { Vec::new() };
                StmtKind::Return(results)
            }
            Tok::Semi(_) => StmtKind::Empty,
            _ => return Ok(None),
        };
        Ok(Some(Stmt { span: self.span_from(lo), kind }))
    }

    #[inline(never)]
    fn labeled_stmt(&mut self, lo: u32, label: Ident) -> PResult<Stmt> {
        let colon = self.pos();
        self.want(Tok::Colon)?;
        if self.tok.tok == Tok::RBrace {
            let empty = Stmt { span: Span::new(self.pos(), self.pos()), kind: StmtKind::Empty };
            return Ok(Stmt { span: self.span_from(lo), kind: StmtKind::Labeled { label, stmt: Box::new(empty) } });
        }
        match self.stmt_or_none()? {
            Some(s) => Ok(Stmt { span: self.span_from(lo), kind: StmtKind::Labeled { label, stmt: Box::new(s) } }),
            None => Err(self.syntax_error_at(colon, "missing statement after label")),
        }
    }

    #[inline(never)]
    fn defer_call(&mut self) -> PResult<Expr> {
        self.next(); // defer
        let x = self.pexpr(true)?;
        if let ExprKind::Paren(_) = x.kind {
            return Err(self.error_at(x.span.lo, "expression in defer must not be parenthesized"));
        }
        if !matches!(x.kind, ExprKind::Call { .. }) {
            return Err(self.error_at(x.span.lo, "expression in defer must be function call"));
        }
        Ok(x)
    }

    #[inline(never)]
    fn go_call(&mut self) -> PResult<Expr> {
        self.next(); // go
        let x = self.pexpr(true)?;
        if let ExprKind::Paren(_) = x.kind {
            return Err(self.error_at(x.span.lo, "expression in go must not be parenthesized"));
        }
        if !matches!(x.kind, ExprKind::Call { .. }) {
            return Err(self.error_at(x.span.lo, "expression in go must be function call"));
        }
        Ok(x)
    }

    /// The element type of a channel type (after `chan`, `chan<-` or `<-chan`).
    #[inline(never)]
    fn chan_elem(&mut self) -> PResult<Expr> {
        match self.type_or_nil()? {
            Some(t) => Ok(t),
            None => Err(self.syntax_error("missing channel element type")),
        }
    }

    /// `<-x` in an expression: a receive, or (gc's parser) `<-chan T` when `x` is a channel type
    /// (`<-chan chan T` binds as `<-chan (chan T)`).
    #[inline(never)]
    fn recv_or_chan_type(&mut self, lo: u32, x: Expr) -> PResult<Expr> {
        if let ExprKind::ChanType { .. } = x.kind {
            // gc's re-association: `<-` makes the outermost `chan` receive-only and moves through
            // send-only element channels (`<-chan<-chan E` = `<-chan (<-chan E)`); `<-<-chan E`
            // and `<-chan<-E` (E not a channel) are errors, reported as for a type declaration.
            let mut x = x;
            let mut dir = ChanDir::Send;
            let mut bad: Option<String> = None;
            {
                let mut cur = &mut x;
                while dir == ChanDir::Send {
                    let ExprKind::ChanType { dir: d, elem } = &mut cur.kind else { break };
                    dir = *d;
                    if dir == ChanDir::Recv && bad.is_none() {
                        bad = Some("unexpected <-, expected chan".to_string());
                    }
                    *d = ChanDir::Recv;
                    cur = &mut **elem;
                }
                if dir == ChanDir::Send && bad.is_none() {
                    bad = Some(format!("unexpected {}, expected chan", self.text(cur.span)));
                }
            }
            if let Some(msg) = bad {
                return Err(self.syntax_error(&msg));
            }
            let span = self.span_from(lo);
            x.span = span;
            return Ok(x);
        }
        Ok(self.mk(lo, ExprKind::Recv(Box::new(x))))
    }

    fn select_stmt(&mut self) -> PResult<Stmt> {
        self.enter()?;
        let r = self.select_stmt_inner();
        self.leave();
        r
    }

    #[inline(never)]
    fn select_stmt_inner(&mut self) -> PResult<Stmt> {
        let lo = self.pos();
        self.next(); // select
        if !self.got(Tok::LBrace) {
            return Err(self.syntax_error("missing { after select clause"));
        }
        let mut cases = Vec::new();
        while self.tok.tok != Tok::Eof && self.tok.tok != Tok::RBrace {
            let clo = self.pos();
            let comm = match self.tok.tok {
                Tok::Case => {
                    self.next();
                    let s = self.simple_stmt()?;
                    Some(Box::new(s))
                }
                Tok::Default => {
                    self.next();
                    None
                }
                _ => return Err(self.syntax_error("expected case or default or }")),
            };
            self.want(Tok::Colon)?;
            let body = self.stmt_list();
            cases.push(CommClause { span: self.span_from(clo), comm, body });
        }
        self.want(Tok::RBrace)?;
        Ok(Stmt { span: self.span_from(lo), kind: StmtKind::Select(cases) })
    }

    #[inline(never)]
    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let lo = self.pos();
        let lhs = self.expr_list()?;
        self.simple_stmt_from(lo, lhs)
    }

    /// The rest of a simple statement whose expression list is already parsed.
    #[inline(never)]
    fn simple_stmt_from(&mut self, lo: u32, mut lhs: Vec<Expr>) -> PResult<Stmt> {
        if lhs.len() == 1 && !matches!(self.tok.tok, Tok::Assign | Tok::Define) {
            let x = lhs.pop().ok_or(Fail)?;
            let op_span = self.tok.span;
            let kind = if let Some(op) = assign_op(self.tok.tok) {
                self.next();
                let y = self.expr()?;
                StmtKind::Assign { lhs: vec![x], op: Some(op), op_span, rhs: vec![y] }
            } else if matches!(self.tok.tok, Tok::Inc | Tok::Dec) {
                let inc = self.tok.tok == Tok::Inc;
                self.next();
                StmtKind::IncDec { x, inc }
            } else if self.tok.tok == Tok::Arrow {
                self.next();
                let value = self.expr()?;
                StmtKind::Send { ch: x, value }
            } else {
                StmtKind::Expr(x)
            };
            return Ok(Stmt { span: self.span_from(lo), kind });
        }
        match self.tok.tok {
            Tok::Assign | Tok::Define => {
                let define = self.tok.tok == Tok::Define;
                let op_span = self.tok.span;
                self.next();
                let rhs = self.expr_list()?;
                if define {
                    let mut names = Vec::with_capacity(lhs.len());
                    for e in lhs {
                        match e.kind {
                            ExprKind::Ident(i) => names.push(i),
                            _ => {
                                let text = self.text(e.span).to_string();
                                return Err(self.error_at(e.span.lo, format!("non-name {} on left side of :=", text)));
                            }
                        }
                    }
                    Ok(Stmt { span: self.span_from(lo), kind: StmtKind::ShortVarDecl { lhs: names, op_span, rhs } })
                } else {
                    Ok(Stmt { span: self.span_from(lo), kind: StmtKind::Assign { lhs, op: None, op_span, rhs } })
                }
            }
            _ => Err(self.syntax_error("expected := or = or comma")),
        }
    }

    /// gc's `header`: returns (init, cond-or-tag stmt, post) for `if`/`for`/`switch`, or a range
    /// clause for `for`. The keyword has been consumed.
    #[inline(never)]
    fn header(&mut self, keyword: Tok) -> PResult<(Option<Stmt>, Option<Simple>, Option<Stmt>)> {
        if self.tok.tok == Tok::LBrace {
            if keyword == Tok::If {
                return Err(self.syntax_error("missing condition in if statement"));
            }
            return Ok((None, None, None));
        }
        let outer = self.xnest;
        self.xnest = -1;
        let r = self.header_inner(keyword);
        self.xnest = outer;
        r
    }

    #[inline(never)]
    fn header_inner(&mut self, keyword: Tok) -> PResult<(Option<Stmt>, Option<Simple>, Option<Stmt>)> {
        let mut init = None;
        if !self.tok.tok.is_semi() {
            if self.tok.tok == Tok::Var {
                self.next();
                return Err(self.syntax_error(&format!("var declaration not allowed in {} initializer", keyword.text())));
            }
            let s = self.header_simple_stmt(keyword)?;
            if let Simple::Range { .. } = s {
                return Ok((None, Some(s), None));
            }
            init = Some(s);
        }
        let mut cond: Option<Simple> = None;
        let mut post = None;
        let mut semi: Option<(u32, SemiKind)> = None;
        if self.tok.tok != Tok::LBrace {
            if let Tok::Semi(k) = self.tok.tok {
                semi = Some((self.pos(), k));
                self.next();
            } else {
                self.want(Tok::LBrace)?;
            }
            if keyword == Tok::For {
                if !self.tok.tok.is_semi() {
                    if self.tok.tok == Tok::LBrace {
                        return Err(self.syntax_error("expected for loop condition"));
                    }
                    cond = Some(Simple::Stmt(self.simple_stmt()?));
                }
                self.want(Tok::Semi(SemiKind::Explicit))?;
                if self.tok.tok != Tok::LBrace {
                    let s = self.simple_stmt()?;
                    if let StmtKind::ShortVarDecl { op_span, .. } = &s.kind {
                        return Err(self.syntax_error_at(op_span.lo, "cannot declare in post statement of for loop"));
                    }
                    post = Some(s);
                }
            } else if self.tok.tok != Tok::LBrace {
                cond = Some(self.header_simple_stmt(keyword)?);
            }
        } else {
            cond = init.take();
        }
        let init = match init {
            Some(Simple::Stmt(s)) => Some(s),
            _ => None,
        };
        if cond.is_none() && keyword == Tok::If {
            if let Some((pos, kind)) = semi {
                if kind == SemiKind::Explicit {
                    return Err(self.syntax_error_at(pos, "missing condition in if statement"));
                }
                let lit = if kind == SemiKind::Newline { "newline" } else { "EOF" };
                return Err(self.plain_syntax_error_at(pos, &format!("unexpected {}, expected {{ after if clause", lit)));
            }
        }
        Ok((init, cond, post))
    }

    /// A simple statement in a header; `for` headers may hold a range clause.
    #[inline(never)]
    fn header_simple_stmt(&mut self, keyword: Tok) -> PResult<Simple> {
        let lo = self.pos();
        if keyword == Tok::For && self.tok.tok == Tok::Range {
            self.next();
            let x = self.expr()?;
            return Ok(Simple::Range { key: None, value: None, extra: None, define: false, x });
        }
        let lhs = self.expr_list()?;
        if keyword == Tok::For && matches!(self.tok.tok, Tok::Assign | Tok::Define) && self.peek() == Tok::Range {
            let define = self.tok.tok == Tok::Define;
            self.next(); // = or :=
            self.next(); // range
            // more than two variables: the checker's error (types2's), at the third
            if define {
                for e in &lhs {
                    if !matches!(e.kind, ExprKind::Ident(_)) {
                        let text = self.text(e.span).to_string();
                        return Err(self.error_at(e.span.lo, format!("cannot declare {}", text)));
                    }
                }
            }
            let x = self.expr()?;
            let mut it = lhs.into_iter();
            let key = it.next();
            let value = it.next();
            let extra = it.next();
            return Ok(Simple::Range { key, value, extra, define, x });
        }
        Ok(Simple::Stmt(self.simple_stmt_from(lo, lhs)?))
    }

    /// Turns a header condition statement into an expression (gc: `cannot use ... as value`).
    #[inline(never)]
    fn cond_expr(&mut self, s: Stmt) -> PResult<Expr> {
        match s.kind {
            StmtKind::Expr(e) => Ok(e),
            StmtKind::ShortVarDecl { lhs, op_span, rhs } => {
                let l: Vec<&str> = lhs.iter().map(|i| i.name.as_str()).collect();
                let r: Vec<&str> = rhs.iter().map(|e| self.text(e.span)).collect();
                let msg = format!("cannot use {} := {} as value", l.join(", "), r.join(", "));
                Err(self.syntax_error_at(op_span.lo, &msg))
            }
            StmtKind::Assign { lhs, op: None, op_span, rhs } => {
                // current gc: `cannot use assignment x = 1 as value` (binary operands parenthesised)
                let l: Vec<String> = lhs.iter().map(|e| self.emphasize(e)).collect();
                let r: Vec<String> = rhs.iter().map(|e| self.emphasize(e)).collect();
                let msg = format!("cannot use assignment {} = {} as value", l.join(", "), r.join(", "));
                Err(self.syntax_error_at(op_span.lo, &msg))
            }
            _ => {
                let text = self.text(s.span).to_string();
                Err(self.syntax_error_at(s.span.lo, &format!("cannot use {} as value", text)))
            }
        }
    }

    /// An `if` statement with its whole `else if` chain. The chain is parsed iteratively (each
    /// link costs one depth unit, like an operator chain) and folded into nested `IfStmt`s.
    /// Source text of `e`, parenthesised if it is a binary expression (gc's `emphasize`).
    fn emphasize(&self, e: &Expr) -> String {
        let t = self.text(e.span);
        if matches!(e.kind, ExprKind::Binary { .. }) { format!("({})", t) } else { t.to_string() }
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        let mut links = 0;
        let r = self.if_chain(&mut links);
        self.depth -= links;
        r
    }

    fn if_chain(&mut self, links: &mut u32) -> PResult<Stmt> {
        let mut chain: Vec<(u32, Option<Box<Stmt>>, Expr, Block)> = Vec::new();
        let mut els = None;
        loop {
            let (lo, init, cond, then) = self.if_link()?;
            chain.push((lo, init, cond, then));
            if !self.got(Tok::Else) {
                break;
            }
            match self.tok.tok {
                Tok::If => {
                    self.enter_units(1)?;
                    *links += 1;
                }
                Tok::LBrace => {
                    let b = self.block_stmt("")?;
                    els = Some(Box::new(Stmt { span: b.span, kind: StmtKind::Block(b) }));
                    break;
                }
                _ => return Err(self.syntax_error("else must be followed by if or statement block")),
            }
        }
        let end = self.prev_end;
        while let Some((lo, init, cond, then)) = chain.pop() {
            let s = Stmt { span: Span::new(lo, end), kind: StmtKind::If(IfStmt { init, cond, then, els: els.take() }) };
            els = Some(Box::new(s));
        }
        // `chain` had at least one link, so `els` now holds the outermost `if`.
        els.map(|s| *s).ok_or(Fail)
    }

    /// `if header { then }` (one link of a chain).
    #[inline(never)]
    fn if_link(&mut self) -> PResult<(u32, Option<Box<Stmt>>, Expr, Block)> {
        let lo = self.pos();
        self.next(); // if
        let (init, cond, _) = self.header(Tok::If)?;
        let cond = match cond {
            Some(Simple::Stmt(s)) => self.cond_expr(s)?,
            _ => return Err(self.syntax_error("missing condition in if statement")),
        };
        let then = self.block_stmt("if clause")?;
        Ok((lo, init.map(Box::new), cond, then))
    }

    #[inline(never)]
    fn for_stmt(&mut self) -> PResult<Stmt> {
        let lo = self.pos();
        self.next(); // for
        let (init, cond, post) = self.header(Tok::For)?;
        if let Some(Simple::Range { key, value, extra, define, x }) = cond {
            let body = self.block_stmt("for clause")?;
            return Ok(Stmt { span: self.span_from(lo), kind: StmtKind::Range(RangeStmt { key, value, extra, define, x, body }) });
        }
        let cond = match cond {
            Some(Simple::Stmt(s)) => Some(self.cond_expr(s)?),
            _ => None,
        };
        let body = self.block_stmt("for clause")?;
        let kind = StmtKind::For(ForStmt { init: init.map(Box::new), cond, post: post.map(Box::new), body });
        Ok(Stmt { span: self.span_from(lo), kind })
    }

    /// If `s` is `x.(type)` or `v := x.(type)`, returns (bind, x).
    fn as_type_guard(&mut self, s: &Stmt) -> bool {
        let is_guard = |e: &Expr| matches!(&e.kind, ExprKind::TypeAssert { typ, .. } if matches!(&typ.kind, ExprKind::Ident(i) if i.name == GUARD));
        match &s.kind {
            StmtKind::Expr(e) => is_guard(e),
            StmtKind::ShortVarDecl { lhs, rhs, .. } => lhs.len() == 1 && rhs.len() == 1 && is_guard(&rhs[0]),
            _ => false,
        }
    }

    /// A switch costs a nesting level of its own (its clauses are parsed without a block).
    fn switch_stmt(&mut self) -> PResult<Stmt> {
        self.enter()?;
        let r = self.switch_stmt_inner();
        self.leave();
        r
    }

    #[inline(never)]
    fn switch_stmt_inner(&mut self) -> PResult<Stmt> {
        let lo = self.pos();
        self.next(); // switch
        let (init, tag, _) = self.header(Tok::Switch)?;
        let tag = match tag {
            Some(Simple::Stmt(s)) => Some(s),
            _ => None,
        };
        let guard = match &tag {
            Some(s) => self.as_type_guard(s),
            None => false,
        };
        if !self.got(Tok::LBrace) {
            return Err(self.syntax_error("missing { after switch clause"));
        }
        if guard {
            self.guards.pop();
            let (bind, x) = match tag.map(|s| s.kind) {
                Some(StmtKind::Expr(e)) => (None, e),
                Some(StmtKind::ShortVarDecl { lhs, rhs, .. }) => {
                    (lhs.into_iter().next(), rhs.into_iter().next().ok_or(Fail)?)
                }
                _ => return Err(Fail),
            };
            let x = match x.kind {
                ExprKind::TypeAssert { x, .. } => *x,
                _ => return Err(Fail),
            };
            let mut cases = Vec::new();
            while self.tok.tok != Tok::Eof && self.tok.tok != Tok::RBrace {
                let clo = self.pos();
                let (types, is_default) = self.case_head()?;
                let body = self.stmt_list();
                let id = self.new_id();
                cases.push(TypeCaseClause { id, span: self.span_from(clo), types, is_default, body });
            }
            self.want(Tok::RBrace)?;
            let sw = TypeSwitchStmt { init: init.map(Box::new), bind, x, cases };
            return Ok(Stmt { span: self.span_from(lo), kind: StmtKind::TypeSwitch(sw) });
        }
        let tag = match tag {
            Some(s) => Some(self.cond_expr(s)?),
            None => None,
        };
        let mut cases = Vec::new();
        while self.tok.tok != Tok::Eof && self.tok.tok != Tok::RBrace {
            let clo = self.pos();
            let (exprs, is_default) = self.case_head()?;
            let body = self.stmt_list();
            cases.push(CaseClause { span: self.span_from(clo), exprs, is_default, body });
        }
        self.want(Tok::RBrace)?;
        let sw = SwitchStmt { init: init.map(Box::new), tag, cases };
        Ok(Stmt { span: self.span_from(lo), kind: StmtKind::Switch(sw) })
    }

    /// `case list:` or `default:`.
    #[inline(never)]
    fn case_head(&mut self) -> PResult<(Vec<Expr>, bool)> {
        let r = match self.tok.tok {
            Tok::Case => {
                self.next();
                (self.expr_list()?, false)
            }
            Tok::Default => {
                self.next();
                (Vec::new(), true)
            }
            _ => return Err(self.syntax_error("expected case or default or }")),
        };
        self.want(Tok::Colon)?;
        Ok(r)
    }
}

/// gc's `tokstring`: how a token is named in `unexpected X` / `expected X`.
fn tokstring(t: Tok) -> String {
    match t {
        Tok::Comma => "comma".into(),
        Tok::Semi(_) => "semicolon or newline".into(),
        t if t.is_keyword() => format!("keyword {}", t.text()),
        t => t.text().into(),
    }
}

fn binary_op(t: Tok) -> Option<BinaryOp> {
    use BinaryOp::*;
    Some(match t {
        Tok::Add => Add,
        Tok::Sub => Sub,
        Tok::Mul => Mul,
        Tok::Div => Div,
        Tok::Rem => Rem,
        Tok::And => And,
        Tok::Or => Or,
        Tok::Xor => Xor,
        Tok::Shl => Shl,
        Tok::Shr => Shr,
        Tok::AndNot => AndNot,
        Tok::LogAnd => LogAnd,
        Tok::LogOr => LogOr,
        Tok::Eql => Eq,
        Tok::Neq => Ne,
        Tok::Lss => Lt,
        Tok::Leq => Le,
        Tok::Gtr => Gt,
        Tok::Geq => Ge,
        _ => return None,
    })
}

fn assign_op(t: Tok) -> Option<BinaryOp> {
    use BinaryOp::*;
    Some(match t {
        Tok::AddAssign => Add,
        Tok::SubAssign => Sub,
        Tok::MulAssign => Mul,
        Tok::DivAssign => Div,
        Tok::RemAssign => Rem,
        Tok::AndAssign => And,
        Tok::OrAssign => Or,
        Tok::XorAssign => Xor,
        Tok::ShlAssign => Shl,
        Tok::ShrAssign => Shr,
        Tok::AndNotAssign => AndNot,
        _ => return None,
    })
}
