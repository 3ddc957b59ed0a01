//! Source files, spans and diagnostics shared by every compiler layer.
//!
//! A [`Span`] is a half-open byte range in the program's one position space: every file of the
//! program is a [`SourceFile`] with a `base`, and its bytes have positions `base..base+len` (like
//! go/token's `FileSet`); a [`SourceMap`] finds the file of a position. A single-file program's
//! file has base 0, so its positions are plain offsets. Every layer (syntax, types, lower)
//! reports problems as [`Diagnostic`]s carrying a span; only the CLI renders them, in gc's format
//! `prog.go:12:5: undefined: x` (line and column 1-based, column counted in bytes like gc).
//!
//! Invariant: the files of a map have disjoint position ranges, in increasing `base` order, each
//! followed by one unused position (so an end-of-file span never names the next file).

use std::fmt;

/// Half-open byte range `lo..hi` into the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub lo: u32,
    pub hi: u32,
}

impl Span {
    pub fn new(lo: u32, hi: u32) -> Span {
        Span { lo, hi }
    }
    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span { lo: self.lo.min(other.lo), hi: self.hi.max(other.hi) }
    }
}

/// One compile error. `span.lo` decides the reported position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub span: Span,
    pub msg: String,
}

impl Diagnostic {
    pub fn new(span: Span, msg: impl Into<String>) -> Diagnostic {
        Diagnostic { span, msg: msg.into() }
    }
}

/// A source file with a line index for position lookups.
pub struct SourceFile {
    /// The path as given on the command line (gc prints it that way).
    pub name: String,
    pub text: String,
    /// Position of the file's first byte in the program's position space.
    pub base: u32,
    line_starts: Vec<u32>,
    /// `//line` directives, in order (see [`LineDirective`]).
    line_dirs: Vec<LineDirective>,
}

/// A line directive (gc's position bases): `//line name:line[:col]` at the start of a line, in
/// effect from the next line on, or `/*line name:line[:col]*/` anywhere on a line, in effect
/// right after the comment. Reported positions are `name:line` onwards; without a column they
/// print as `name:line` only. An empty name keeps the previous one when a column is given, and
/// is empty otherwise (the runtime prints it as `??`, as gc's).
#[derive(Clone, Debug)]
struct LineDirective {
    /// Byte offset (in the file) where the directive takes effect.
    start: u32,
    name: String,
    line: u32,
    /// 0 when the directive gives no column.
    col: u32,
}

/// Parses the text after `line ` of a directive as gc's `parser.updateBase`: `name:line` or
/// `name:line:col` with positive numbers. `prev` is the name of the position base before it.
fn parse_directive(rest: &str, prev: &str, start: u32) -> Option<LineDirective> {
    let num = |s: &str| s.parse::<u32>().ok().filter(|&n| n > 0);
    let (head, last) = rest.rsplit_once(':')?;
    num(last)?;
    let (file, line, col) = match head.rsplit_once(':') {
        Some((file, l)) if num(l).is_some() => (file, num(l)?, num(last)?),
        _ => (head, num(last)?, 0),
    };
    let name = if file.is_empty() && col != 0 { prev.to_string() } else { file.to_string() };
    Some(LineDirective { start, name, line, col })
}

/// Finds the line directives of a file as gc's scanner and parser do: `//line` only at column 1,
/// `/*line` anywhere but closed on its own line. (Comment-like text inside string literals is
/// not told apart.)
fn line_directives(name: &str, text: &str) -> Vec<LineDirective> {
    let mut out: Vec<LineDirective> = vec![];
    let mut off = 0u32;
    for raw in text.split('\n') {
        let next = off + raw.len() as u32 + 1;
        let prev = |out: &Vec<LineDirective>| out.last().map_or(name.to_string(), |d| d.name.clone());
        if let Some(rest) = raw.strip_prefix("//line ") {
            let p = prev(&out);
            out.extend(parse_directive(rest.trim_end_matches('\r'), &p, next));
        } else {
            let mut from = 0;
            while let Some(i) = raw[from..].find("/*line ") {
                let at = from + i;
                let Some(close) = raw[at..].find("*/") else { break };
                let p = prev(&out);
                let end = at + close + 2;
                out.extend(parse_directive(&raw[at + 7..at + close], &p, off + end as u32));
                from = end;
            }
        }
        off = next;
    }
    out
}

/// Where a position is as gc reports it once line directives apply (see [`SourceFile::gc_pos`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GcPos<'a> {
    /// The directive's file name (empty: none given).
    pub name: &'a str,
    pub line: u32,
    /// 0: the directive gives no column.
    pub col: u32,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        SourceFile::with_base(name, text, 0)
    }

    /// A file whose first byte has position `base`.
    pub fn with_base(name: impl Into<String>, text: impl Into<String>, base: u32) -> SourceFile {
        let text = text.into();
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        let name = name.into();
        let line_dirs = if text.contains("line ") { line_directives(&name, &text) } else { vec![] };
        SourceFile { name, text, base, line_starts, line_dirs }
    }

    /// `name:line:col` of a position as gc reports it, line directives applied.
    pub fn pos_string(&self, pos: u32) -> String {
        let Some(g) = self.gc_pos(pos) else {
            let (l, c) = self.line_col(pos);
            return format!("{}:{}:{}", self.name, l, c);
        };
        if g.col == 0 {
            return format!("{}:{}", g.name, g.line);
        }
        format!("{}:{}:{}", g.name, g.line, g.col)
    }

    /// Whether the file has line directives (positions in it are not its own lines).
    pub fn has_directives(&self) -> bool {
        !self.line_dirs.is_empty()
    }

    /// The position as the last line directive before it makes it (`None`: none applies).
    pub fn gc_pos(&self, pos: u32) -> Option<GcPos<'_>> {
        let (l, c) = self.line_col(pos);
        let offset = pos.saturating_sub(self.base);
        let i = self.line_dirs.partition_point(|d| d.start <= offset);
        let d = &self.line_dirs[i.checked_sub(1)?];
        let (first, first_col) = self.line_col(self.base + d.start);
        let line = d.line + (l - first);
        let col = if d.col == 0 {
            0
        } else if l == first {
            d.col + c - first_col
        } else {
            c
        };
        Some(GcPos { name: &d.name, line, col })
    }

    /// The line gc reports for a position, line directives applied.
    pub fn gc_line(&self, pos: u32) -> u32 {
        self.gc_pos(pos).map_or_else(|| self.line(pos), |g| g.line)
    }

    /// The first position after this file (its end-of-file position plus one).
    pub fn end(&self) -> u32 {
        self.base + self.text.len() as u32 + 1
    }

    /// The text of a span of this file.
    pub fn text(&self, span: Span) -> &str {
        let (lo, hi) = (span.lo.saturating_sub(self.base), span.hi.saturating_sub(self.base));
        self.text.get(lo as usize..hi as usize).unwrap_or("")
    }

    /// 1-based (line, column) of a position; the column counts bytes, as gc does.
    pub fn line_col(&self, pos: u32) -> (u32, u32) {
        let offset = pos.saturating_sub(self.base);
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line as u32 + 1, offset - self.line_starts[line] + 1)
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: u32) -> u32 {
        self.line_col(offset).0
    }

    /// Renders a diagnostic the way gc does: `name:line:col: msg`.
    pub fn render(&self, d: &Diagnostic) -> String {
        format!("{}: {}", self.pos_string(d.span.lo), d.msg)
    }
}

/// Every source file of a program, by position (see the module docs).
#[derive(Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// A map holding one file (which must have base 0).
    pub fn single(file: SourceFile) -> SourceMap {
        SourceMap { files: vec![file] }
    }

    /// The base the next added file must have.
    pub fn next_base(&self) -> u32 {
        self.files.last().map_or(0, SourceFile::end)
    }

    /// Adds a file created with base [`SourceMap::next_base`]; returns its index.
    pub fn add(&mut self, file: SourceFile) -> usize {
        assert_eq!(file.base, self.next_base(), "files are added in position order");
        self.files.push(file);
        self.files.len() - 1
    }

    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// Index of the file holding position `pos` (the first file for positions of no file, such as
    /// the zero span of predeclared objects).
    pub fn index_of(&self, pos: u32) -> usize {
        self.files.partition_point(|f| f.base <= pos).saturating_sub(1)
    }

    /// The file holding position `pos`.
    pub fn file(&self, pos: u32) -> &SourceFile {
        &self.files[self.index_of(pos)]
    }

    /// The text of a span.
    pub fn text(&self, span: Span) -> &str {
        self.file(span.lo).text(span)
    }

    pub fn line_col(&self, pos: u32) -> (u32, u32) {
        self.file(pos).line_col(pos)
    }

    pub fn line(&self, pos: u32) -> u32 {
        self.line_col(pos).0
    }

    /// The line gc reports for a position, line directives applied ([`SourceFile::gc_line`]).
    pub fn gc_line(&self, pos: u32) -> u32 {
        self.file(pos).gc_line(pos)
    }

    /// `file:line:col` of a position.
    pub fn pos_string(&self, pos: u32) -> String {
        self.file(pos).pos_string(pos)
    }

    /// Renders a diagnostic as gc does, naming the file of its position.
    pub fn render(&self, d: &Diagnostic) -> String {
        self.file(d.span.lo).render(d)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}: {}", self.span.lo, self.span.hi, self.msg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_is_one_based_bytes() {
        let f = SourceFile::new("p.go", "ab\ncd\n\nx");
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(1), (1, 2));
        assert_eq!(f.line_col(3), (2, 1));
        assert_eq!(f.line_col(7), (4, 1));
        assert_eq!(f.render(&Diagnostic::new(Span::new(4, 5), "undefined: d")), "p.go:2:2: undefined: d");
    }

    #[test]
    fn line_directives_as_gc() {
        let text = "a\n//line x.go:10\nbc\n//line :20\nd\n/*line y.go:5:3*/ef /*line :7:1*/g\n//line :30:2\nh";
        let f = SourceFile::new("p.go", text);
        let at = |needle: &str| text.find(needle).unwrap() as u32;
        assert_eq!(f.gc_pos(at("a")), None);
        assert_eq!(f.gc_pos(at("bc")), Some(GcPos { name: "x.go", line: 10, col: 0 }));
        // an empty name without a column is empty
        assert_eq!(f.gc_pos(at("d\n")), Some(GcPos { name: "", line: 20, col: 0 }));
        // /*line*/ takes effect right after the comment, columns counted from there
        assert_eq!(f.gc_pos(at("ef")), Some(GcPos { name: "y.go", line: 5, col: 3 }));
        assert_eq!(f.gc_pos(at("f ")), Some(GcPos { name: "y.go", line: 5, col: 4 }));
        // an empty name with a column keeps the previous one
        assert_eq!(f.gc_pos(at("g\n")), Some(GcPos { name: "y.go", line: 7, col: 1 }));
        assert_eq!(f.gc_pos(at("h")), Some(GcPos { name: "y.go", line: 30, col: 2 }));
        assert_eq!(f.gc_line(at("h")), 30);
        assert_eq!(f.pos_string(at("bc")), "x.go:10");
    }
}
