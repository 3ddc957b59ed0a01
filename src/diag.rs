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

/// A `//line name:line[:col]` comment at the start of a line: from the next line on, reported
/// positions are `name:line` onwards (gc's position bases). Without a column, positions print as
/// `name:line` only; an empty name keeps the previous one.
#[derive(Clone, Debug)]
struct LineDirective {
    /// Byte offset of the line after the directive.
    start: u32,
    name: String,
    line: u32,
    /// 0 when the directive gives no column.
    col: u32,
}

/// Parses `//line` directives as gc does (`syntax.scanner` + `parser.updateBase`): only a comment
/// starting at column 1, with a positive line (and column) number; others are ignored.
fn line_directives(name: &str, text: &str) -> Vec<LineDirective> {
    let mut out: Vec<LineDirective> = vec![];
    let mut off = 0u32;
    for raw in text.split('\n') {
        let next = off + raw.len() as u32 + 1;
        if let Some(rest) = raw.strip_prefix("//line ") {
            let rest = rest.trim_end_matches('\r');
            let num = |s: &str| s.parse::<u32>().ok().filter(|&n| n > 0);
            let (file, line, col) = match rest.rsplit_once(':') {
                Some((head, last)) if num(last).is_some() => match head.rsplit_once(':') {
                    Some((file, l)) if num(l).is_some() => (Some(file), num(l), num(last).unwrap_or(0)),
                    _ => (Some(head), num(last), 0),
                },
                _ => (None, None, 0),
            };
            if let (Some(file), Some(line)) = (file, line) {
                let prev = out.last().map_or(name, |d| d.name.as_str());
                let file = if file.is_empty() { prev.to_string() } else { file.to_string() };
                out.push(LineDirective { start: next, name: file, line, col });
            }
        }
        off = next;
    }
    out
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
        let line_dirs = if text.contains("//line ") { line_directives(&name, &text) } else { vec![] };
        SourceFile { name, text, base, line_starts, line_dirs }
    }

    /// `name:line:col` of a position as gc reports it, `//line` directives applied.
    pub fn pos_string(&self, pos: u32) -> String {
        let (l, c) = self.line_col(pos);
        let offset = pos.saturating_sub(self.base);
        let i = self.line_dirs.partition_point(|d| d.start <= offset);
        let Some(d) = i.checked_sub(1).map(|i| &self.line_dirs[i]) else {
            return format!("{}:{}:{}", self.name, l, c);
        };
        let first = self.line(self.base + d.start);
        let line = d.line + (l - first);
        if d.col == 0 {
            return format!("{}:{}", d.name, line);
        }
        let col = if l == first { d.col + c - 1 } else { c };
        format!("{}:{}:{}", d.name, line, col)
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
}
