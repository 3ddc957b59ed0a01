//! Source files, spans and diagnostics shared by every compiler layer.
//!
//! A [`Span`] is a half-open byte range into one [`SourceFile`]. Every layer (syntax, types, lower)
//! reports problems as [`Diagnostic`]s carrying a span; only the CLI renders them, in gc's format
//! `prog.go:12:5: undefined: x` (line and column 1-based, column counted in bytes like gc).

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
    line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let text = text.into();
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceFile { name: name.into(), text, line_starts }
    }

    /// 1-based (line, column) of a byte offset; the column counts bytes, as gc does.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
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
        let (l, c) = self.line_col(d.span.lo);
        format!("{}:{}:{}: {}", self.name, l, c, d.msg)
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
