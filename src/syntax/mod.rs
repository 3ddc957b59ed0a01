//! Syntax: the Go lexer (with automatic semicolon insertion), the AST and a recursive-descent
//! parser for the v1 subset of DESIGN §2.
//!
//! Entry point: [`parse_file`]. Errors are gc-formatted [`Diagnostic`]s (`syntax error: ...`,
//! `<feature> not supported by gojit`), in source order; after the 10th error a final
//! `too many errors` diagnostic is appended (as gc prints it). The parser never panics, never
//! loops without consuming input, and bounds its recursion depth ([`parser::MAX_DEPTH`]).
//!
//! [`source_from_bytes`] turns raw file bytes into a [`SourceFile`], reporting invalid UTF-8 the
//! way gc does.

pub mod ast;
pub mod dump;
pub mod lexer;
pub mod literal;
pub mod parser;

#[cfg(test)]
mod tests;

use crate::diag::{Diagnostic, SourceFile, Span};

/// Parses one source file into an AST, or returns its errors (lexical and syntax errors, in
/// source order, at most 10 plus a trailing `too many errors`).
pub fn parse_file(file: &SourceFile) -> Result<ast::File, Vec<Diagnostic>> {
    let (ast, diags) = parser::Parser::new(file).parse_file();
    match ast {
        Some(ast) if diags.is_empty() => Ok(ast),
        _ => Err(diags),
    }
}

/// Builds a [`SourceFile`] from raw bytes. Invalid UTF-8 sequences are replaced by U+FFFD (each
/// maximal invalid sequence by one replacement character) and reported as `invalid UTF-8
/// encoding` at the replacement's offset in the resulting text, which is what the returned
/// diagnostics' spans refer to.
pub fn source_from_bytes(name: &str, bytes: &[u8]) -> (SourceFile, Vec<Diagnostic>) {
    let mut text = String::with_capacity(bytes.len());
    let mut diags = Vec::new();
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            let at = text.len() as u32;
            if diags.len() < 10 {
                diags.push(Diagnostic::new(Span::new(at, at + 3), "invalid UTF-8 encoding"));
            }
            text.push('\u{FFFD}');
        }
    }
    (SourceFile::new(name, text), diags)
}
