//! `//go:` compiler directives as gc attaches and checks them (cmd/compile/internal/syntax's
//! pragma handling and noder's `pragma`, `checkUnusedDuringParse` and `checkPragmas`).
//!
//! The lexer reports every `//go:` line comment with whether only white space precedes it on its
//! line (gc's `scanner.blank`). The parser keeps the directives seen since the last declaration
//! in a pending list ([`Pragmas`]) and, at exactly gc's points, either hands them to the
//! declaration being parsed (`takePragma`: the package clause, a function declaration, each
//! import/const/type/var spec) or drops them (`clearPragma`: every other statement, a grouped
//! declaration's `(`, the end of each top-level declaration, end of file). What it finds goes
//! into [`FileDirectives`]: the errors gc reports while parsing (`early`, which do not stop type
//! checking), those it reports after type checking (`late`: a directive on a declaration that
//! does not take it), and the `//go:embed` uses the checker judges with the file's imports.

use crate::diag::{Diagnostic, Span};

/// gc's pragma flag bits (cmd/compile/internal/ir's `PragmaFlag`, the ones a verb can set).
pub mod flag {
    pub const GO_BUILD: u32 = 1 << 0;
    pub const NOESCAPE: u32 = 1 << 1;
    pub const NORACE: u32 = 1 << 2;
    pub const NOSPLIT: u32 = 1 << 3;
    pub const NOINLINE: u32 = 1 << 4;
    pub const NOCHECKPTR: u32 = 1 << 5;
    pub const SYSTEMSTACK: u32 = 1 << 6;
    pub const NOWRITEBARRIER: u32 = 1 << 7;
    pub const NOWRITEBARRIERREC: u32 = 1 << 8;
    pub const YESWRITEBARRIERREC: u32 = 1 << 9;
    pub const CGO_UNSAFE_ARGS: u32 = 1 << 10;
    pub const UINTPTR_KEEPALIVE: u32 = 1 << 11;
    pub const UINTPTR_ESCAPES: u32 = 1 << 12;
    pub const REGISTER_PARAMS: u32 = 1 << 13;
    /// noder's `funcPragmas`: what a function declaration accepts.
    pub const FUNC: u32 = NOESCAPE
        | NORACE
        | NOSPLIT
        | NOINLINE
        | NOCHECKPTR
        | REGISTER_PARAMS
        | CGO_UNSAFE_ARGS
        | UINTPTR_KEEPALIVE
        | UINTPTR_ESCAPES
        | SYSTEMSTACK
        | NOWRITEBARRIER
        | NOWRITEBARRIERREC
        | YESWRITEBARRIERREC;
    /// Only the runtime may use these.
    pub const RUNTIME: u32 = SYSTEMSTACK | NOWRITEBARRIER | NOWRITEBARRIERREC | YESWRITEBARRIERREC;
}

/// noder's `pragmaFlag` (`go:nointerface` sets nothing without the fieldtrack experiment).
fn pragma_flag(verb: &str) -> u32 {
    use flag::*;
    match verb {
        "go:build" => GO_BUILD,
        "go:noescape" => NOESCAPE,
        "go:norace" => NORACE,
        "go:nosplit" => NOSPLIT | NOCHECKPTR,
        "go:noinline" => NOINLINE,
        "go:nocheckptr" => NOCHECKPTR,
        "go:systemstack" => SYSTEMSTACK,
        "go:nowritebarrier" => NOWRITEBARRIER,
        "go:nowritebarrierrec" => NOWRITEBARRIERREC | NOWRITEBARRIER,
        "go:yeswritebarrierrec" => YESWRITEBARRIERREC,
        "go:cgo_unsafe_args" => CGO_UNSAFE_ARGS | NOCHECKPTR,
        "go:uintptrkeepalive" => UINTPTR_KEEPALIVE,
        "go:uintptrescapes" => UINTPTR_ESCAPES | UINTPTR_KEEPALIVE,
        "go:registerparams" => REGISTER_PARAMS,
        _ => 0,
    }
}

/// One `//go:` comment as the lexer found it.
#[derive(Clone, Debug)]
pub struct RawDirective {
    /// Position of `go:` (gc reports directives there, after the `//`).
    pub pos: u32,
    /// The comment's text after `//`.
    pub text: String,
    /// Only white space precedes the comment on its line.
    pub blank: bool,
}

/// What one file's directives yielded (see the module comment).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileDirectives {
    pub early: Vec<Diagnostic>,
    pub late: Vec<Diagnostic>,
    pub embeds: Vec<(Span, EmbedCheck)>,
    /// The Go version the file's `//go:build` line implies (`load::constraint::file_go_version`,
    /// gc's `File.GoVersion`), set by the loader.
    pub go_version: Option<String>,
}

/// The part of [`EmbedUse`] the checker needs (with the file's `import "embed"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmbedCheck {
    pub multiple: bool,
    pub has_values: bool,
    pub no_type: bool,
    pub in_func: bool,
}

impl EmbedCheck {
    /// noder's `checkEmbed` message, if the use is invalid.
    pub fn error(&self, imports_embed: bool) -> Option<&'static str> {
        if !imports_embed {
            Some("go:embed requires import \"embed\" (or import _ \"embed\", if package is not used)")
        } else if self.multiple {
            Some("go:embed cannot apply to multiple vars")
        } else if self.has_values {
            Some("go:embed cannot apply to var with initializer")
        } else if self.no_type {
            Some("go:embed cannot apply to var without type")
        } else if self.in_func {
            Some("go:embed cannot apply to var inside func")
        } else {
            None
        }
    }
}

#[derive(Clone, Debug)]
struct Pending {
    pos: u32,
    flag: u32,
    embed: bool,
}

/// The directives seen since the last take or clear (gc's `parser.pragma`).
#[derive(Debug, Default)]
pub struct Pragmas {
    pending: Vec<Pending>,
    pub out: FileDirectives,
}

/// What a declaration that takes directives accepts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Taker {
    File,
    Func,
    /// import, const, type spec: nothing.
    Other,
    /// var spec: `//go:embed` (checked by the checker).
    Var { multiple: bool, has_values: bool, no_type: bool, in_func: bool },
}

fn at(pos: u32, msg: impl Into<String>) -> Diagnostic {
    Diagnostic::new(Span::new(pos, pos), msg)
}

impl Pragmas {
    /// noder's `pragma` for one directive comment (gc calls it as the scanner passes it).
    pub fn add(&mut self, d: &RawDirective) {
        let text = d.text.as_str();
        if !d.blank {
            // a directive must be on a line by itself
            self.out.early.push(at(d.pos, "misplaced compiler directive"));
            return;
        }
        let verb = text.split(' ').next().unwrap_or(text);
        if text == "go:embed" || text.starts_with("go:embed ") {
            if text["go:embed".len()..].trim().is_empty() {
                self.out.early.push(at(d.pos, "usage: //go:embed pattern..."));
                return;
            }
            self.pending.push(Pending { pos: d.pos, flag: 0, embed: true });
            return;
        }
        if text.starts_with("go:linkname ") || text.starts_with("go:linknamestd ") {
            let f: Vec<&str> = text.split_whitespace().collect();
            if !(2..=3).contains(&f.len()) {
                self.out.early.push(at(d.pos, format!("usage: //{} localname [linkname]", f[0])));
            }
            return;
        }
        if text.starts_with("go:wasmimport ") || text.starts_with("go:wasmexport ") {
            return; // only used when compiling to wasm
        }
        if text.starts_with("go:cgo_") {
            // for security, only cgo-generated files (and the standard library) may use these
            self.out.early.push(at(d.pos, format!("//{text} only allowed in cgo-generated code")));
            if let Some(msg) = cgo_usage(text) {
                self.out.early.push(at(d.pos, msg));
            }
        }
        let flag = pragma_flag(verb);
        if flag & flag::RUNTIME != 0 {
            self.out.early.push(at(d.pos, format!("//{verb} only allowed in runtime")));
        }
        if flag == flag::UINTPTR_KEEPALIVE {
            self.out.early.push(at(d.pos, format!("//{verb} is only allowed in the standard library")));
        }
        self.pending.push(Pending { pos: d.pos, flag, embed: false });
    }

    /// gc's `clearPragma`: pending directives no declaration takes.
    pub fn clear(&mut self) {
        for p in std::mem::take(&mut self.pending) {
            if p.embed {
                self.out.early.push(at(p.pos, "misplaced go:embed directive"));
            } else if p.flag != 0 {
                self.out.early.push(at(p.pos, "misplaced compiler directive"));
            }
        }
    }

    /// gc's `takePragma`: the pending directives now belong to the declaration being parsed,
    /// judged by [`Pragmas::check`] once it is (a `var` spec's shape is known at its end).
    pub fn take(&mut self) -> Taken {
        Taken(std::mem::take(&mut self.pending))
    }

    /// writer's `checkPragmas` (and `checkEmbed`'s inputs) for the directives a declaration took.
    pub fn check(&mut self, taken: Taken, taker: Taker) {
        let allowed = match taker {
            Taker::File => flag::GO_BUILD,
            Taker::Func => flag::FUNC,
            Taker::Other | Taker::Var { .. } => 0,
        };
        let mut first_embed = true;
        for p in taken.0 {
            if p.flag & !allowed != 0 {
                self.out.late.push(at(p.pos, "misplaced compiler directive"));
            }
            if p.embed {
                match taker {
                    Taker::Var { multiple, has_values, no_type, in_func } => {
                        // checkEmbed is reported once, at the first //go:embed
                        if first_embed {
                            let check = EmbedCheck { multiple, has_values, no_type, in_func };
                            self.out.embeds.push((Span::new(p.pos, p.pos), check));
                            first_embed = false;
                        }
                    }
                    _ => self.out.late.push(at(p.pos, "misplaced go:embed directive")),
                }
            }
        }
    }
}

/// Directives a declaration took ([`Pragmas::take`]).
#[derive(Debug, Default)]
pub struct Taken(Vec<Pending>);

/// noder's `pragcgo` usage messages for the verbs it knows.
fn cgo_usage(text: &str) -> Option<String> {
    let f: Vec<&str> = text.split_whitespace().collect();
    let verb = f[0].trim_start_matches("go:");
    let quoted = |s: &str| s.len() >= 2 && s.starts_with('"') && s.ends_with('"');
    let ok = match verb {
        "cgo_export_static" | "cgo_export_dynamic" => {
            (f.len() == 2 && !quoted(f[1])) || (f.len() == 3 && !quoted(f[1]) && !quoted(f[2]))
        }
        "cgo_import_static" => f.len() == 2 && !quoted(f[1]),
        "cgo_dynamic_linker" => f.len() == 2 && quoted(f[1]),
        "cgo_ldflag" => f.len() == 2 && quoted(f[1]),
        _ => return None,
    };
    if ok {
        return None;
    }
    Some(match verb {
        "cgo_export_static" | "cgo_export_dynamic" => format!("usage: //go:{verb} local [remote]"),
        "cgo_import_static" => "usage: //go:cgo_import_static local".to_string(),
        "cgo_dynamic_linker" => "usage: //go:cgo_dynamic_linker \"path\"".to_string(),
        _ => "usage: //go:cgo_ldflag \"arg\"".to_string(),
    })
}
