//! Syntax: the Go lexer (with automatic semicolon insertion), the AST and a recursive-descent
//! parser for the v1 subset of DESIGN §2.
//!
//! Entry point: [`parse_file`]. Errors are gc-formatted [`Diagnostic`]s (`syntax error: ...`,
//! `<feature> not supported by gojit`), in source order; after the 10th error a final
//! `too many errors` diagnostic is appended (as gc prints it). The parser never panics, never
//! loops without consuming input, and bounds its recursion depth and every returned AST's depth by
//! [`parser::MAX_DEPTH`], so later passes may recurse over it on the compiler's stack
//! (`crate::limits`).
//!
//! [`parse_bytes`] is the driver's front door: raw file bytes (possibly invalid UTF-8) in,
//! [`SourceFile`] plus AST or diagnostics out.

pub mod ast;
pub mod directive;
pub mod dump;
pub mod lexer;
pub mod literal;
pub mod parser;

#[cfg(test)]
mod tests;

use crate::diag::{Diagnostic, SourceFile};

/// Parses one source file into an AST, or returns its errors (lexical and syntax errors, in
/// source order, at most 10 plus a trailing `too many errors`).
pub fn parse_file(file: &SourceFile) -> Result<ast::File, Vec<Diagnostic>> {
    finish(parser::Parser::new(file).parse_file())
}

/// Reads raw file bytes and parses them: the one-call front door for the driver. Each byte of an
/// invalid UTF-8 sequence is replaced in the returned [`SourceFile`] by the placeholder byte 0x1A
/// (one byte for one byte, so offsets and columns equal those of the original file); the lexer
/// reports each as `invalid UTF-8 encoding` where it occurs and skips it, as gc does.
pub fn parse_bytes(name: &str, bytes: &[u8]) -> (SourceFile, Result<ast::File, Vec<Diagnostic>>) {
    parse_bytes_at(name, bytes, 0, 0)
}

/// [`parse_bytes`] for one file of a program of several: its positions start at `base` and its
/// node ids at `first_id` (the returned file's `node_count` is then the next free id).
pub fn parse_bytes_at(name: &str, bytes: &[u8], base: u32, first_id: u32) -> (SourceFile, Result<ast::File, Vec<Diagnostic>>) {
    let (file, invalid) = decode_source(name, bytes, base);
    let result = finish(parser::Parser::with_invalid_utf8(&file, &invalid).first_node_id(first_id).parse_file());
    (file, result)
}

fn finish((ast, diags): (Option<ast::File>, Vec<Diagnostic>)) -> Result<ast::File, Vec<Diagnostic>> {
    match ast {
        Some(ast) if diags.is_empty() => Ok(ast),
        _ => Err(diags),
    }
}

/// Builds the text of a [`SourceFile`] from raw bytes, replacing each byte of an invalid UTF-8
/// sequence by [`lexer::PLACEHOLDER`]; returns the sorted offsets of the replaced bytes.
fn decode_source(name: &str, bytes: &[u8], base: u32) -> (SourceFile, Vec<u32>) {
    let mut text = String::with_capacity(bytes.len());
    let mut invalid = Vec::new();
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        for _ in chunk.invalid() {
            invalid.push(text.len() as u32);
            text.push(lexer::PLACEHOLDER as char);
        }
    }
    (SourceFile::with_base(name, text, base), invalid)
}
