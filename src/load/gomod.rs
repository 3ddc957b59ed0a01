//! `go.mod`: the main module's path, its `go` line, and the `require` and `replace` directives
//! that say where other modules' packages are found (never fetched: `vendor/` or GOMODCACHE).
//!
//! Owns the go.mod grammar subset the loader needs: one-line and parenthesised blocks of
//! `module`, `go`, `toolchain`, `require`, `replace`, `exclude`, `retract`, `godebug`, `tool`,
//! `ignore`; `//` comments; quoted or bare tokens.

use std::path::{Path, PathBuf};

/// A required module version.
#[derive(Clone, Debug, PartialEq)]
pub struct Require {
    pub path: String,
    pub version: String,
}

/// Where a `replace` sends a module: another module version, or a directory.
#[derive(Clone, Debug, PartialEq)]
pub enum Replacement {
    Module(Require),
    Dir(PathBuf),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Replace {
    pub path: String,
    /// `None` replaces every version.
    pub version: Option<String>,
    pub to: Replacement,
}

/// A parsed go.mod.
#[derive(Clone, Debug, Default)]
pub struct GoMod {
    /// The directory holding go.mod (the module root).
    pub dir: PathBuf,
    pub module: String,
    /// The `go` line's version (`1.27`), if any.
    pub go: Option<String>,
    pub require: Vec<Require>,
    pub replace: Vec<Replace>,
}

/// Splits a go.mod line into tokens (bare words and quoted strings), dropping a `//` comment.
fn tokens(line: &str) -> Vec<String> {
    let mut out = vec![];
    let mut rest = line.trim();
    while !rest.is_empty() {
        if rest.starts_with("//") {
            break;
        }
        if let Some(r) = rest.strip_prefix('"') {
            let end = r.find('"').unwrap_or(r.len());
            out.push(r[..end].to_string());
            rest = r.get(end + 1..).unwrap_or("").trim_start();
        } else if let Some(r) = rest.strip_prefix('`') {
            let end = r.find('`').unwrap_or(r.len());
            out.push(r[..end].to_string());
            rest = r.get(end + 1..).unwrap_or("").trim_start();
        } else {
            let end = rest.find(|c: char| c.is_whitespace() || c == '"').unwrap_or(rest.len());
            let (w, r) = rest.split_at(end);
            if let Some(i) = w.find("//") {
                out.push(w[..i].to_string());
                break;
            }
            out.push(w.to_string());
            rest = r.trim_start();
        }
    }
    out.retain(|t| !t.is_empty());
    out
}

impl GoMod {
    /// Parses the go.mod text of the module rooted at `dir`. Errors are `go.mod:LINE: msg`.
    pub fn parse(dir: &Path, text: &str) -> Result<GoMod, String> {
        let mut m = GoMod { dir: dir.to_path_buf(), ..GoMod::default() };
        let mut block: Option<String> = None;
        for (i, line) in text.lines().enumerate() {
            let lineno = i + 1;
            let mut toks = tokens(line);
            if toks.is_empty() {
                continue;
            }
            let verb = match &block {
                Some(b) => {
                    if toks == [")"] {
                        block = None;
                        continue;
                    }
                    b.clone()
                }
                None => {
                    let v = toks.remove(0);
                    if toks.first().map(String::as_str) == Some("(") {
                        block = Some(v);
                        continue;
                    }
                    v
                }
            };
            let bad = |what: &str| format!("go.mod:{lineno}: {what}");
            match verb.as_str() {
                "module" => m.module = toks.first().cloned().ok_or_else(|| bad("usage: module module/path"))?,
                "go" => m.go = toks.first().cloned(),
                "require" => {
                    if toks.len() < 2 {
                        return Err(bad("usage: require module/path v1.2.3"));
                    }
                    m.require.push(Require { path: toks[0].clone(), version: toks[1].clone() });
                }
                "replace" => {
                    let arrow = toks.iter().position(|t| t == "=>").ok_or_else(|| bad("usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory"))?;
                    let (lhs, rhs) = (&toks[..arrow], &toks[arrow + 1..]);
                    let Some(path) = lhs.first().cloned() else { return Err(bad("usage: replace module/path => ...")) };
                    let version = lhs.get(1).cloned();
                    let to = match rhs {
                        [d] if d.starts_with("./") || d.starts_with("../") || d.starts_with('/') => Replacement::Dir(dir.join(d)),
                        [p, v] => Replacement::Module(Require { path: p.clone(), version: v.clone() }),
                        _ => return Err(bad("replacement module without version must be directory path (rooted or starting with ./ or ../)")),
                    };
                    m.replace.push(Replace { path, version, to });
                }
                "toolchain" | "exclude" | "retract" | "godebug" | "tool" | "ignore" => {}
                other => return Err(bad(&format!("unknown directive: {other}"))),
            }
        }
        if m.module.is_empty() {
            return Err("go.mod: no module declaration in go.mod. To specify the module path:\n\tgo mod edit -module=example.com/mod".into());
        }
        Ok(m)
    }

    /// Reads `dir/go.mod`.
    pub fn read(dir: &Path) -> Result<GoMod, String> {
        let p = dir.join("go.mod");
        let text = super::inputs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        GoMod::parse(dir, &text).map_err(|e| format!("{}{}", dir.display(), e.strip_prefix("go.mod").map(|r| format!("/go.mod{r}")).unwrap_or(e.clone())))
    }

    /// The module root holding `start` or one of its parents (the go command's go.mod search).
    pub fn find_root(start: &Path) -> Option<PathBuf> {
        let mut d = Some(start);
        while let Some(dir) = d {
            if super::inputs::is_file(&dir.join("go.mod")) {
                return Some(dir.to_path_buf());
            }
            d = dir.parent();
        }
        None
    }
}

/// The module cache's directory name of a module path or version: upper-case letters are `!`
/// followed by the lower-case letter (golang.org/x/mod/module's `EscapePath`).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_uppercase() {
            out.push('!');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_blocks_and_comments() {
        let text = "module example.com/m // the module\n\ngo 1.27\n\nrequire (\n\tgolang.org/x/text v0.3.0 // indirect\n\t\"rsc.io/q\" v1.0.0\n)\nrequire a.b/c v1.2.3\nreplace a.b/c => ./c\nreplace rsc.io/q v1.0.0 => rsc.io/r v1.1.0\n";
        let m = GoMod::parse(Path::new("/m"), text).unwrap();
        assert_eq!(m.module, "example.com/m");
        assert_eq!(m.go.as_deref(), Some("1.27"));
        assert_eq!(m.require.len(), 3);
        assert_eq!(m.require[1], Require { path: "rsc.io/q".into(), version: "v1.0.0".into() });
        assert_eq!(m.replace[0].to, Replacement::Dir(PathBuf::from("/m/./c")));
        assert_eq!(m.replace[1].version.as_deref(), Some("v1.0.0"));
        assert!(GoMod::parse(Path::new("/m"), "go 1.27\n").is_err());
        assert_eq!(escape("github.com/BurntSushi/toml"), "github.com/!burnt!sushi/toml");
    }
}
