//! The Go lexer: bytes -> tokens, with Go's automatic semicolon insertion.
//!
//! A newline (or a multi-line `/* */` comment, or the end of input) becomes a semicolon token when
//! the previous token was an identifier, a literal, one of the keywords `break continue
//! fallthrough return`, or one of `++ -- ) ] }` — exactly the rule of the Go spec and gc's
//! scanner. Semicolons remember their origin ([`SemiKind`]) because gc's messages distinguish
//! `unexpected semicolon`, `unexpected newline` and `unexpected EOF`.
//!
//! Tokens carry only a kind and a span (no allocation); identifier text and literal values are read
//! from the source by the parser (see `literal.rs` for decoding). Lexical errors (bad characters,
//! malformed literals, unterminated strings/comments) are recorded with gc's wording and scanning
//! continues, as gc does. The lexer always makes progress and never panics: every loop consumes at
//! least one byte, and the input is valid UTF-8 (it is a `&str`).

use crate::diag::{Diagnostic, Span};

/// Why a semicolon token exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SemiKind {
    /// Written `;` in the source.
    Explicit,
    /// Inserted at a newline (or a multi-line comment).
    Newline,
    /// Inserted at the end of input.
    Eof,
}

/// Token kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    Eof,
    Semi(SemiKind),
    Ident,
    Int,
    Float,
    Imag,
    Rune,
    Str,
    RawStr,
    // keywords
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,
    // operators and punctuation
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AndNot,
    AddAssign,
    SubAssign,
    MulAssign,
    DivAssign,
    RemAssign,
    AndAssign,
    OrAssign,
    XorAssign,
    ShlAssign,
    ShrAssign,
    AndNotAssign,
    LogAnd,
    LogOr,
    Arrow,
    Inc,
    Dec,
    Eql,
    Lss,
    Gtr,
    Assign,
    Not,
    Neq,
    Leq,
    Geq,
    Define,
    Ellipsis,
    LParen,
    LBrack,
    LBrace,
    Comma,
    Period,
    RParen,
    RBrack,
    RBrace,
    Colon,
    Tilde,
}

impl Tok {
    /// True for all three kinds of semicolon.
    pub fn is_semi(self) -> bool {
        matches!(self, Tok::Semi(_))
    }

    /// True for keywords (`break` ... `var`).
    pub fn is_keyword(self) -> bool {
        use Tok::*;
        matches!(
            self,
            Break | Case | Chan | Const | Continue | Default | Defer | Else | Fallthrough | For | Func | Go | Goto
                | If | Import | Interface | Map | Package | Range | Return | Select | Struct | Switch | Type | Var
        )
    }

    /// True for literal tokens.
    pub fn is_literal(self) -> bool {
        matches!(self, Tok::Int | Tok::Float | Tok::Imag | Tok::Rune | Tok::Str | Tok::RawStr)
    }

    /// The fixed spelling of keyword/operator tokens (empty for tokens with variable text).
    pub fn text(self) -> &'static str {
        use Tok::*;
        match self {
            Eof => "EOF",
            Semi(_) | Ident | Int | Float | Imag | Rune | Str | RawStr => "",
            Break => "break",
            Case => "case",
            Chan => "chan",
            Const => "const",
            Continue => "continue",
            Default => "default",
            Defer => "defer",
            Else => "else",
            Fallthrough => "fallthrough",
            For => "for",
            Func => "func",
            Go => "go",
            Goto => "goto",
            If => "if",
            Import => "import",
            Interface => "interface",
            Map => "map",
            Package => "package",
            Range => "range",
            Return => "return",
            Select => "select",
            Struct => "struct",
            Switch => "switch",
            Type => "type",
            Var => "var",
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            AddAssign => "+=",
            SubAssign => "-=",
            MulAssign => "*=",
            DivAssign => "/=",
            RemAssign => "%=",
            AndAssign => "&=",
            OrAssign => "|=",
            XorAssign => "^=",
            ShlAssign => "<<=",
            ShrAssign => ">>=",
            AndNotAssign => "&^=",
            LogAnd => "&&",
            LogOr => "||",
            Arrow => "<-",
            Inc => "++",
            Dec => "--",
            Eql => "==",
            Lss => "<",
            Gtr => ">",
            Assign => "=",
            Not => "!",
            Neq => "!=",
            Leq => "<=",
            Geq => ">=",
            Define => ":=",
            Ellipsis => "...",
            LParen => "(",
            LBrack => "[",
            LBrace => "{",
            Comma => ",",
            Period => ".",
            RParen => ")",
            RBrack => "]",
            RBrace => "}",
            Colon => ":",
            Tilde => "~",
        }
    }
}

fn keyword(s: &[u8]) -> Option<Tok> {
    use Tok::*;
    Some(match s {
        b"break" => Break,
        b"case" => Case,
        b"chan" => Chan,
        b"const" => Const,
        b"continue" => Continue,
        b"default" => Default,
        b"defer" => Defer,
        b"else" => Else,
        b"fallthrough" => Fallthrough,
        b"for" => For,
        b"func" => Func,
        b"go" => Go,
        b"goto" => Goto,
        b"if" => If,
        b"import" => Import,
        b"interface" => Interface,
        b"map" => Map,
        b"package" => Package,
        b"range" => Range,
        b"return" => Return,
        b"select" => Select,
        b"struct" => Struct,
        b"switch" => Switch,
        b"type" => Type,
        b"var" => Var,
        _ => return None,
    })
}

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
    /// The literal was malformed (an error was already reported); its value must not be decoded.
    pub bad: bool,
}

/// Streaming lexer over one source text.
pub struct Lexer<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    nlsemi: bool,
    /// Lexical errors, in source order.
    pub diags: Vec<Diagnostic>,
    /// Sorted offsets of placeholder bytes standing for invalid UTF-8 (see `syntax::parse_bytes`).
    invalid_utf8: &'a [u32],
    /// Position of `src`'s first byte (see `diag`): added to every span the lexer makes.
    base: u32,
    /// `//go:` directive comments scanned so far (see `directive.rs`), in source order.
    pub directives: Vec<super::directive::RawDirective>,
}

/// The byte that stands for one byte of invalid UTF-8 in the text (see `syntax::parse_bytes`).
pub const PLACEHOLDER: u8 = 0x1A;

/// A letter of Go identifiers: `_` or Unicode category L (Go's `unicode.IsLetter`, from Go's own
/// tables; not Rust's `is_alphabetic`, which also admits letter numbers such as `Ⅻ`).
fn is_letter(c: char) -> bool {
    c == '_' || gojit_runtime::unicode::is_letter(c as u32)
}

/// A digit of Go identifiers: category Nd (Go's `unicode.IsDigit`; not `is_numeric`, which
/// admits `²`).
fn is_digit(c: char) -> bool {
    gojit_runtime::unicode::is_digit(c as u32)
}

/// `%#U` formatting of Go: `U+0040 '@'` (the quoted character omitted when `strconv.IsPrint`
/// rejects it).
pub fn fmt_char_u(c: char) -> String {
    if gojit_runtime::unicode::is_print(c as u32) {
        format!("U+{:04X} '{}'", c as u32, c)
    } else {
        format!("U+{:04X}", c as u32)
    }
}

/// Go's `%q` of a rune in an error message (enough for ASCII; others are printed as is).
fn quote_char(c: char) -> String {
    match c {
        '\'' => "'\\''".to_string(),
        '\\' => "'\\\\'".to_string(),
        '\n' => "'\\n'".to_string(),
        '\t' => "'\\t'".to_string(),
        c if c.is_control() => format!("'\\x{:02x}'", c as u32),
        c => format!("'{}'", c),
    }
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        10 => "decimal",
        _ => "hexadecimal",
    }
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Lexer<'a> {
        Lexer::with_invalid_utf8(src, &[])
    }

    /// A lexer for a text whose bytes at the sorted offsets `invalid_utf8` replace invalid UTF-8
    /// bytes of the original file: each is reported as `invalid UTF-8 encoding` and skipped.
    pub fn with_invalid_utf8(src: &'a str, invalid_utf8: &'a [u32]) -> Lexer<'a> {
        let mut lx = Lexer { src, bytes: src.as_bytes(), pos: 0, nlsemi: false, diags: Vec::new(), invalid_utf8, base: 0, directives: Vec::new() };
        // A byte order mark is allowed (and ignored) at the very start only.
        if src.starts_with('\u{FEFF}') {
            lx.pos = 3;
        }
        lx
    }

    /// A lexer starting at byte `pos` (used for bounded lookahead).
    pub fn new_at(src: &'a str, pos: usize) -> Lexer<'a> {
        let pos = if src.is_char_boundary(pos) { pos } else { src.len() };
        Lexer { src, bytes: src.as_bytes(), pos, nlsemi: false, diags: Vec::new(), invalid_utf8: &[], base: 0, directives: Vec::new() }
    }

    /// Makes every span start from position `base` (a file of a multi-file program).
    pub fn with_base(mut self, base: u32) -> Lexer<'a> {
        self.base = base;
        self
    }

    /// The span of local offsets `lo..hi`.
    fn span(&self, lo: usize, hi: usize) -> Span {
        Span::new(self.base + lo as u32, self.base + hi as u32)
    }

    fn is_invalid_utf8(&self, at: usize) -> bool {
        !self.invalid_utf8.is_empty() && self.invalid_utf8.binary_search(&(at as u32)).is_ok()
    }

    /// Inside literals and comments: reports a placeholder byte at `at`, if it is one, and a byte
    /// order mark starting at `at` (gc's scanner rejects a BOM anywhere but at the file's start).
    fn check_placeholder(&mut self, at: usize) {
        if self.bytes.get(at) == Some(&PLACEHOLDER) && self.is_invalid_utf8(at) {
            self.err(at, "invalid UTF-8 encoding");
        } else if self.bytes.get(at..at + 3) == Some("\u{FEFF}".as_bytes()) {
            self.err(at, "invalid BOM in the middle of the file");
        }
    }

    fn err(&mut self, at: usize, msg: impl Into<String>) {
        self.diags.push(Diagnostic::new(self.span(at, at + 1), msg));
    }

    fn peek(&self) -> u8 {
        self.bytes.get(self.pos).copied().unwrap_or(0)
    }

    fn peek_at(&self, off: usize) -> u8 {
        self.bytes.get(self.pos + off).copied().unwrap_or(0)
    }

    fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    /// The character at the current position (non-ASCII aware).
    fn cur_char(&self) -> char {
        self.src[self.pos..].chars().next().unwrap_or('\0')
    }

    fn tok(&self, tok: Tok, lo: usize) -> Token {
        Token { tok, span: self.span(lo, self.pos), bad: false }
    }

    /// Scans the next token.
    pub fn next_token(&mut self) -> Token {
        let nlsemi = self.nlsemi;
        self.nlsemi = false;
        loop {
            // skip white space
            while let Some(&b) = self.bytes.get(self.pos) {
                if b == b' ' || b == b'\t' || b == b'\r' || (b == b'\n' && !nlsemi) {
                    self.pos += 1;
                } else if b == PLACEHOLDER && self.is_invalid_utf8(self.pos) {
                    // gc reports an invalid byte and skips it
                    self.err(self.pos, "invalid UTF-8 encoding");
                    self.pos += 1;
                } else {
                    break;
                }
            }
            let lo = self.pos;
            if self.at_end() {
                if nlsemi {
                    return Token { tok: Tok::Semi(SemiKind::Eof), span: self.span(lo, lo), bad: false };
                }
                return self.tok(Tok::Eof, lo);
            }
            let b = self.bytes[self.pos];
            if b == b'\n' {
                // only reached when nlsemi
                self.pos += 1;
                return Token { tok: Tok::Semi(SemiKind::Newline), span: self.span(lo, lo + 1), bad: false };
            }
            if b.is_ascii_alphabetic() || b == b'_' || b >= 0x80 {
                if b >= 0x80 {
                    let c = self.cur_char();
                    if c == '\u{FEFF}' {
                        self.pos += c.len_utf8();
                        self.err(lo, "invalid BOM in the middle of the file");
                        continue;
                    }
                    // gc's scanner: every non-ASCII character starts an identifier; one that is
                    // not a letter is reported and kept in it (`atIdentChar(true)`).
                    if is_digit(c) {
                        self.err(lo, format!("identifier cannot begin with digit {}", fmt_char_u(c)));
                    } else if !is_letter(c) {
                        self.err(lo, format!("invalid character {} in identifier", fmt_char_u(c)));
                    }
                    self.pos += c.len_utf8();
                }
                return self.ident(lo);
            }
            if b.is_ascii_digit() || (b == b'.' && self.peek_at(1).is_ascii_digit()) {
                self.nlsemi = true;
                return self.number(lo);
            }
            self.pos += 1;
            let t = match b {
                b'"' => {
                    self.nlsemi = true;
                    return self.std_string(lo);
                }
                b'`' => {
                    self.nlsemi = true;
                    return self.raw_string(lo);
                }
                b'\'' => {
                    self.nlsemi = true;
                    return self.rune(lo);
                }
                b'(' => Tok::LParen,
                b'[' => Tok::LBrack,
                b'{' => Tok::LBrace,
                b',' => Tok::Comma,
                b';' => Tok::Semi(SemiKind::Explicit),
                b')' => {
                    self.nlsemi = true;
                    Tok::RParen
                }
                b']' => {
                    self.nlsemi = true;
                    Tok::RBrack
                }
                b'}' => {
                    self.nlsemi = true;
                    Tok::RBrace
                }
                b':' => self.pick(b'=', Tok::Define, Tok::Colon),
                b'.' => {
                    if self.peek() == b'.' && self.peek_at(1) == b'.' {
                        self.pos += 2;
                        Tok::Ellipsis
                    } else {
                        Tok::Period
                    }
                }
                b'+' => {
                    if self.peek() == b'+' {
                        self.pos += 1;
                        self.nlsemi = true;
                        Tok::Inc
                    } else {
                        self.pick(b'=', Tok::AddAssign, Tok::Add)
                    }
                }
                b'-' => {
                    if self.peek() == b'-' {
                        self.pos += 1;
                        self.nlsemi = true;
                        Tok::Dec
                    } else {
                        self.pick(b'=', Tok::SubAssign, Tok::Sub)
                    }
                }
                b'*' => self.pick(b'=', Tok::MulAssign, Tok::Mul),
                b'/' => {
                    if self.peek() == b'/' {
                        // line comment: runs to (not including) the newline
                        while !self.at_end() && self.peek() != b'\n' {
                            if self.peek() == 0 {
                                self.err(self.pos, "invalid NUL character");
                            }
                            self.check_placeholder(self.pos);
                            self.pos += 1;
                        }
                        if self.src[lo..].starts_with("//go:") {
                            self.directive(lo);
                        }
                        continue;
                    }
                    if self.peek() == b'*' {
                        self.pos += 1;
                        let had_newline = self.full_comment(lo);
                        if had_newline && nlsemi {
                            return Token {
                                tok: Tok::Semi(SemiKind::Newline),
                                span: self.span(lo, lo + 1),
                                bad: false,
                            };
                        }
                        continue;
                    }
                    self.pick(b'=', Tok::DivAssign, Tok::Div)
                }
                b'%' => self.pick(b'=', Tok::RemAssign, Tok::Rem),
                b'&' => {
                    if self.peek() == b'&' {
                        self.pos += 1;
                        Tok::LogAnd
                    } else if self.peek() == b'^' {
                        self.pos += 1;
                        self.pick(b'=', Tok::AndNotAssign, Tok::AndNot)
                    } else {
                        self.pick(b'=', Tok::AndAssign, Tok::And)
                    }
                }
                b'|' => {
                    if self.peek() == b'|' {
                        self.pos += 1;
                        Tok::LogOr
                    } else {
                        self.pick(b'=', Tok::OrAssign, Tok::Or)
                    }
                }
                b'^' => self.pick(b'=', Tok::XorAssign, Tok::Xor),
                b'<' => {
                    if self.peek() == b'-' {
                        self.pos += 1;
                        Tok::Arrow
                    } else if self.peek() == b'<' {
                        self.pos += 1;
                        self.pick(b'=', Tok::ShlAssign, Tok::Shl)
                    } else {
                        self.pick(b'=', Tok::Leq, Tok::Lss)
                    }
                }
                b'>' => {
                    if self.peek() == b'>' {
                        self.pos += 1;
                        self.pick(b'=', Tok::ShrAssign, Tok::Shr)
                    } else {
                        self.pick(b'=', Tok::Geq, Tok::Gtr)
                    }
                }
                b'=' => self.pick(b'=', Tok::Eql, Tok::Assign),
                b'!' => self.pick(b'=', Tok::Neq, Tok::Not),
                b'~' => Tok::Tilde,
                0 => {
                    self.err(lo, "invalid NUL character");
                    continue;
                }
                _ => {
                    self.err(lo, format!("invalid character {}", fmt_char_u(b as char)));
                    continue;
                }
            };
            return self.tok(t, lo);
        }
    }

    /// Consumes `next` if present, choosing between two tokens.
    fn pick(&mut self, next: u8, yes: Tok, no: Tok) -> Tok {
        if self.peek() == next {
            self.pos += 1;
            yes
        } else {
            no
        }
    }

    fn ident(&mut self, lo: usize) -> Token {
        while let Some(&b) = self.bytes.get(self.pos) {
            if b.is_ascii_alphanumeric() || b == b'_' {
                self.pos += 1;
            } else if b >= 0x80 {
                let c = self.cur_char();
                if c == '\u{FEFF}' {
                    break; // reported as a BOM by the next token
                }
                if !is_letter(c) && !is_digit(c) {
                    // gc (`atIdentChar(false)`): reported, and still part of the identifier.
                    self.err(self.pos, format!("invalid character {} in identifier", fmt_char_u(c)));
                }
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
        let word = &self.bytes[lo..self.pos];
        let tok = keyword(word).unwrap_or(Tok::Ident);
        self.nlsemi = matches!(tok, Tok::Ident | Tok::Break | Tok::Continue | Tok::Fallthrough | Tok::Return);
        self.tok(tok, lo)
    }

    /// Records the `//go:` comment starting at `lo` and ending at the current position; gc's
    /// `scanner.blank` is whether only white space precedes it on its line.
    fn directive(&mut self, lo: usize) {
        let line_start = self.src[..lo].rfind('\n').map_or(0, |i| i + 1);
        let blank = self.src[line_start..lo].bytes().all(|b| b == b' ' || b == b'\t' || b == b'\r');
        let text = self.src[lo + 2..self.pos].trim_end_matches('\r').to_string();
        self.directives.push(super::directive::RawDirective { pos: self.base + lo as u32 + 2, text, blank });
    }

    /// Skips a `/* */` comment whose `/*` starts at `lo`; returns whether it contained a newline.
    fn full_comment(&mut self, lo: usize) -> bool {
        let mut newline = false;
        loop {
            match self.bytes.get(self.pos) {
                None => {
                    self.err(lo, "comment not terminated");
                    return newline;
                }
                Some(b'*') if self.peek_at(1) == b'/' => {
                    self.pos += 2;
                    return newline;
                }
                Some(b'\n') => newline = true,
                Some(0) => self.err(self.pos, "invalid NUL character"),
                _ => self.check_placeholder(self.pos),
            }
            self.pos += 1;
        }
    }

    /// Scans decimal digits (or hex digits for base 16) and `_`; returns the gc `digsep` bits
    /// (1: digit seen, 2: `_` seen) and records the first digit invalid for `base`.
    fn digits(&mut self, base: u32, invalid: &mut Option<usize>) -> u32 {
        let mut digsep = 0;
        loop {
            let b = self.peek();
            if b == b'_' {
                digsep |= 2;
            } else if base <= 10 && b.is_ascii_digit() {
                if (b - b'0') as u32 >= base && invalid.is_none() {
                    *invalid = Some(self.pos);
                }
                digsep |= 1;
            } else if base == 16 && b.is_ascii_hexdigit() {
                digsep |= 1;
            } else {
                return digsep;
            }
            self.pos += 1;
        }
    }

    /// Scans a number literal starting at `lo` (gc's `scanner.number`, same diagnostics).
    fn number(&mut self, lo: usize) -> Token {
        let mut ok = true;
        let mut tok = Tok::Int;
        let mut base = 10;
        let mut prefix = 0u8;
        let mut digsep = 0;
        let mut invalid = None;
        let mut seen_point = false;

        if self.peek() == b'.' {
            self.pos += 1;
            seen_point = true;
        } else {
            if self.peek() == b'0' {
                self.pos += 1;
                match self.peek().to_ascii_lowercase() {
                    b'x' => {
                        self.pos += 1;
                        base = 16;
                        prefix = b'x';
                    }
                    b'o' => {
                        self.pos += 1;
                        base = 8;
                        prefix = b'o';
                    }
                    b'b' => {
                        self.pos += 1;
                        base = 2;
                        prefix = b'b';
                    }
                    _ => {
                        base = 8;
                        prefix = b'0';
                        digsep = 1;
                    }
                }
            }
            digsep |= self.digits(base, &mut invalid);
            if self.peek() == b'.' {
                if prefix == b'o' || prefix == b'b' {
                    self.err(self.pos, format!("invalid radix point in {} literal", base_name(base)));
                    ok = false;
                }
                self.pos += 1;
                seen_point = true;
            }
        }
        if seen_point {
            tok = Tok::Float;
            digsep |= self.digits(base, &mut invalid);
        }
        if digsep & 1 == 0 && ok {
            self.err(self.pos, format!("{} literal has no digits", base_name(base)));
            ok = false;
        }
        let e = self.peek().to_ascii_lowercase();
        if e == b'e' || e == b'p' {
            if ok {
                if e == b'e' && prefix != 0 && prefix != b'0' {
                    self.err(self.pos, format!("'{}' exponent requires decimal mantissa", self.peek() as char));
                    ok = false;
                } else if e == b'p' && prefix != b'x' {
                    self.err(self.pos, format!("'{}' exponent requires hexadecimal mantissa", self.peek() as char));
                    ok = false;
                }
            }
            self.pos += 1;
            tok = Tok::Float;
            if self.peek() == b'+' || self.peek() == b'-' {
                self.pos += 1;
            }
            let mut no_invalid = None;
            digsep = self.digits(10, &mut no_invalid) | (digsep & 2);
            if digsep & 1 == 0 && ok {
                self.err(self.pos, "exponent has no digits");
                ok = false;
            }
        } else if prefix == b'x' && tok == Tok::Float && ok {
            self.err(self.pos, "hexadecimal mantissa requires a 'p' exponent");
            ok = false;
        }
        if self.peek() == b'i' {
            tok = Tok::Imag;
            self.pos += 1;
        }
        if tok == Tok::Int && ok {
            if let Some(at) = invalid {
                self.err(at, format!("invalid digit '{}' in {} literal", self.bytes[at] as char, base_name(base)));
                ok = false;
            }
        }
        if digsep & 2 != 0 && ok {
            if let Some(i) = invalid_sep(&self.bytes[lo..self.pos]) {
                self.err(lo + i, "'_' must separate successive digits");
                ok = false;
            }
        }
        Token { tok, span: self.span(lo, self.pos), bad: !ok }
    }

    /// Scans an escape after `\` (gc's `scanner.escape`); returns false after reporting an error.
    fn escape(&mut self, quote: u8) -> bool {
        let (n, base, max): (u32, u32, u32) = match self.peek() {
            b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'\\' => {
                self.pos += 1;
                return true;
            }
            c if c == quote => {
                self.pos += 1;
                return true;
            }
            b'0'..=b'7' => (3, 8, 255),
            b'x' => {
                self.pos += 1;
                (2, 16, 255)
            }
            b'u' => {
                self.pos += 1;
                (4, 16, 0x10FFFF)
            }
            b'U' => {
                self.pos += 1;
                (8, 16, 0x10FFFF)
            }
            _ => {
                if self.at_end() {
                    return true; // the caller complains about the missing terminator
                }
                self.err(self.pos, "unknown escape");
                return false;
            }
        };
        let mut x: u32 = 0;
        for _ in 0..n {
            if self.at_end() {
                return true;
            }
            let c = self.cur_char();
            let d = match c.to_digit(16) {
                Some(d) if d < base => d,
                _ => {
                    self.err(self.pos, format!("invalid character {} in {} escape", quote_char(c), base_name(base)));
                    return false;
                }
            };
            x = x.wrapping_mul(base).wrapping_add(d);
            self.pos += 1;
        }
        if x > max && base == 8 {
            self.err(self.pos, format!("octal escape value {} > 255", x));
            return false;
        }
        if x > max || (0xD800..0xE000).contains(&x) {
            self.err(self.pos, format!("escape is invalid Unicode code point U+{:04X}", x));
            return false;
        }
        true
    }

    fn std_string(&mut self, lo: usize) -> Token {
        let mut ok = true;
        loop {
            match self.bytes.get(self.pos) {
                None => {
                    self.err(lo, "string not terminated");
                    ok = false;
                    break;
                }
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => {
                    self.pos += 1;
                    if !self.escape(b'"') {
                        ok = false;
                    }
                }
                Some(b'\n') => {
                    self.err(self.pos, "newline in string");
                    ok = false;
                    break;
                }
                Some(0) => {
                    self.err(self.pos, "invalid NUL character");
                    ok = false;
                    self.pos += 1;
                }
                _ => {
                    self.check_placeholder(self.pos);
                    self.pos += 1;
                }
            }
        }
        Token { tok: Tok::Str, span: self.span(lo, self.pos), bad: !ok }
    }

    fn raw_string(&mut self, lo: usize) -> Token {
        let mut ok = true;
        loop {
            match self.bytes.get(self.pos) {
                None => {
                    self.err(lo, "string not terminated");
                    ok = false;
                    break;
                }
                Some(b'`') => {
                    self.pos += 1;
                    break;
                }
                Some(0) => {
                    self.err(self.pos, "invalid NUL character");
                    ok = false;
                    self.pos += 1;
                }
                _ => {
                    self.check_placeholder(self.pos);
                    self.pos += 1;
                }
            }
        }
        Token { tok: Tok::RawStr, span: self.span(lo, self.pos), bad: !ok }
    }

    fn rune(&mut self, lo: usize) -> Token {
        let mut ok = true;
        let mut n = 0;
        loop {
            match self.bytes.get(self.pos) {
                None => {
                    if ok {
                        self.err(lo, "rune literal not terminated");
                        ok = false;
                    }
                    break;
                }
                Some(b'\'') => {
                    if ok {
                        if n == 0 {
                            self.err(self.pos, "empty rune literal or unescaped '");
                            ok = false;
                        } else if n != 1 {
                            self.err(lo, "more than one character in rune literal");
                            ok = false;
                        }
                    }
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => {
                    self.pos += 1;
                    if !self.escape(b'\'') {
                        ok = false;
                    }
                }
                Some(b'\n') => {
                    if ok {
                        self.err(self.pos, "newline in rune literal");
                        ok = false;
                    }
                    break;
                }
                Some(0) => {
                    self.err(self.pos, "invalid NUL character");
                    ok = false;
                    self.pos += 1;
                }
                _ => {
                    self.check_placeholder(self.pos);
                    self.pos += self.cur_char().len_utf8();
                }
            }
            n += 1;
        }
        Token { tok: Tok::Rune, span: self.span(lo, self.pos), bad: !ok }
    }
}

/// gc's `invalidSep`: index of the first `_` that does not separate two digits, if any.
fn invalid_sep(x: &[u8]) -> Option<usize> {
    let mut x1 = b' ';
    let mut d = b'.';
    let mut i = 0;
    if x.len() >= 2 && x[0] == b'0' {
        x1 = x[1].to_ascii_lowercase();
        if x1 == b'x' || x1 == b'o' || x1 == b'b' {
            d = b'0';
            i = 2;
        }
    }
    while i < x.len() {
        let p = d;
        d = x[i];
        if d == b'_' {
            if p != b'0' {
                return Some(i);
            }
        } else if d.is_ascii_digit() || (x1 == b'x' && d.is_ascii_hexdigit()) {
            d = b'0';
        } else {
            if p == b'_' {
                return Some(i - 1);
            }
            d = b'.';
        }
        i += 1;
    }
    if d == b'_' {
        return Some(x.len() - 1);
    }
    None
}
