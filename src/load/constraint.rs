//! Build constraints, as the go command applies them for the one target gojit has: linux/amd64
//! with no assembler and no cgo.
//!
//! Owns: the `//go:build` expression grammar (`||`, `&&`, `!`, parentheses, tags), the legacy
//! `// +build` line syntax (space = or, comma = and, `!` = not; several lines are and-ed), where
//! those lines may appear (the file header before the package clause; a `+build` line only when a
//! blank line follows it, and only when the file has no `//go:build` line), and the
//! `_GOOS`/`_GOARCH` file-name rule of go/build's `goodOSArchFile`.
//!
//! Invariant: the satisfied tags are exactly [`tag_satisfied`]'s: `linux`, `unix`, `amd64`,
//! `go1.1` … `go1.27`, `purego`, `math_big_pure_go`, `amd64.v1` and the Go 1.27 default `goexperiment.*` tags; `gc`,
//! `cgo`, `gccgo` and every other tag are false, so packages with assembly choose their pure-Go
//! fallbacks.

/// The go command's default experiments for Go 1.27 on linux/amd64 (`go list -f
/// '{{context.ToolTags}}'`), without `amd64.v1`.
const EXPERIMENTS: &[&str] = &[
    "regabiwrappers",
    "regabiargs",
    "dwarf5",
    "jsonv2",
    "greenteagc",
    "randomizedheapbase64",
    "sizespecializedmalloc",
];

/// The newest `go1.N` release tag (the reference Go is 1.27.x).
pub const GO_MINOR: u32 = 27;

/// Whether build tag `tag` holds for gojit's target.
pub fn tag_satisfied(tag: &str) -> bool {
    match tag {
        // `math_big_pure_go`: math/big's pure-Go arithmetic instead of its assembly (`purego`
        // for the rest of the library), as TinyGo sets it
        "linux" | "unix" | "amd64" | "purego" | "math_big_pure_go" | "amd64.v1" => true,
        _ => {
            if let Some(n) = tag.strip_prefix("go1.") {
                return n.parse::<u32>().is_ok_and(|n| (1..=GO_MINOR).contains(&n)) && !n.starts_with('0');
            }
            if let Some(x) = tag.strip_prefix("goexperiment.") {
                return EXPERIMENTS.contains(&x);
            }
            false
        }
    }
}

const KNOWN_OS: &[&str] = &[
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd",
    "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
];

const KNOWN_ARCH: &[&str] = &[
    "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle", "mips64",
    "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x",
    "sparc", "sparc64", "wasm",
];

/// go/build's `goodOSArchFile`: a `_GOOS`, `_GOARCH` or `_GOOS_GOARCH` suffix of the file name
/// (before the extension, after the first `_`) must match linux/amd64.
pub fn good_os_arch_file(file_name: &str) -> bool {
    let mut name = file_name;
    if let Some(dot) = name.find('.') {
        name = &name[..dot];
    }
    let Some(i) = name.find('_') else { return true };
    let l: Vec<&str> = name[i..].split('_').collect();
    let n = l.len();
    if n >= 2 && KNOWN_OS.contains(&l[n - 2]) && KNOWN_ARCH.contains(&l[n - 1]) {
        return os_matches(l[n - 2]) && l[n - 1] == "amd64";
    }
    if n >= 1 && KNOWN_OS.contains(&l[n - 1]) {
        return os_matches(l[n - 1]);
    }
    if n >= 1 && KNOWN_ARCH.contains(&l[n - 1]) {
        return l[n - 1] == "amd64";
    }
    true
}

fn os_matches(os: &str) -> bool {
    os == "linux"
}

/// A parsed constraint expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Tag(String),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
}

impl Expr {
    pub fn eval(&self) -> bool {
        match self {
            Expr::Tag(t) => tag_satisfied(t),
            Expr::Not(x) => !x.eval(),
            Expr::And(a, b) => a.eval() && b.eval(),
            Expr::Or(a, b) => a.eval() || b.eval(),
        }
    }
}

/// Parses the expression of a `//go:build` line (the text after `//go:build`).
pub fn parse_expr(text: &str) -> Result<Expr, String> {
    let mut p = ExprParser { s: text.as_bytes(), i: 0 };
    let e = p.or()?;
    p.skip_space();
    if p.i != p.s.len() {
        return Err(format!("unexpected {:?}", &text[p.i..]));
    }
    Ok(e)
}

struct ExprParser<'s> {
    s: &'s [u8],
    i: usize,
}

impl ExprParser<'_> {
    fn skip_space(&mut self) {
        while self.i < self.s.len() && (self.s[self.i] == b' ' || self.s[self.i] == b'\t') {
            self.i += 1;
        }
    }

    fn eat(&mut self, tok: &str) -> bool {
        self.skip_space();
        if self.s[self.i..].starts_with(tok.as_bytes()) {
            self.i += tok.len();
            true
        } else {
            false
        }
    }

    fn or(&mut self) -> Result<Expr, String> {
        let mut x = self.and()?;
        while self.eat("||") {
            x = Expr::Or(Box::new(x), Box::new(self.and()?));
        }
        Ok(x)
    }

    fn and(&mut self) -> Result<Expr, String> {
        let mut x = self.not()?;
        while self.eat("&&") {
            x = Expr::And(Box::new(x), Box::new(self.not()?));
        }
        Ok(x)
    }

    fn not(&mut self) -> Result<Expr, String> {
        if self.eat("!") {
            return Ok(Expr::Not(Box::new(self.not()?)));
        }
        self.atom()
    }

    fn atom(&mut self) -> Result<Expr, String> {
        if self.eat("(") {
            let x = self.or()?;
            if !self.eat(")") {
                return Err("missing )".into());
            }
            return Ok(x);
        }
        self.skip_space();
        let start = self.i;
        while self.i < self.s.len() && is_tag_byte(self.s[self.i]) {
            self.i += 1;
        }
        if start == self.i {
            return Err(if self.i == self.s.len() { "unexpected end of expression".into() } else { "invalid syntax".into() });
        }
        Ok(Expr::Tag(String::from_utf8_lossy(&self.s[start..self.i]).into_owned()))
    }
}

fn is_tag_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'.'
}

/// Evaluates one legacy `// +build` line's options (the text after `+build`).
pub fn plus_build_line(text: &str) -> bool {
    text.split_whitespace().any(|opt| {
        opt.split(',').all(|term| match term.strip_prefix('!') {
            Some(t) => !t.is_empty() && !t.starts_with('!') && !tag_satisfied(t),
            None => !term.is_empty() && tag_satisfied(term),
        })
    })
}

/// Whether a file's header (its text before the package clause) lets it be built. `Err` is a
/// malformed `//go:build` line (go/build's `parsing //go:build line: ...`).
pub fn header_allows(text: &str) -> Result<bool, String> {
    let (go_build, plus) = header_lines(text);
    if let Some(e) = go_build {
        return parse_expr(e).map(|x| x.eval()).map_err(|m| format!("parsing //go:build line: {m}"));
    }
    Ok(plus.iter().all(|l| plus_build_line(l)))
}

/// The Go language version a file's `//go:build` line implies (go/build/constraint's
/// `GoVersion`: the least `go1.N` the expression needs, `and` taking the larger and `or` the
/// smaller side, a negated tag implying nothing), as `go1.N`; `None` without one. gc's parser
/// records it as the file's `GoVersion`, which types2 uses as the file's -lang.
pub fn file_go_version(text: &str) -> Option<String> {
    let x = parse_expr(header_lines(text).0?).ok()?;
    // the least minor version `x` (`!x` when not `positive`) implies; -1: none
    fn min_version(x: &Expr, positive: bool) -> i64 {
        match x {
            Expr::And(a, b) if positive => min_version(a, true).max(min_version(b, true)),
            Expr::And(a, b) => min_version(a, false).min(min_version(b, false)),
            Expr::Or(a, b) if positive => min_version(a, true).min(min_version(b, true)),
            Expr::Or(a, b) => min_version(a, false).max(min_version(b, false)),
            Expr::Not(a) => min_version(a, !positive),
            Expr::Tag(_) if !positive => -1,
            Expr::Tag(t) if t == "go1" => 0,
            Expr::Tag(t) => t.strip_prefix("go1.").and_then(|n| n.parse::<i64>().ok()).unwrap_or(-1),
        }
    }
    match min_version(&x, true) {
        v if v < 0 => None,
        0 => Some("go1".into()),
        v => Some(format!("go1.{v}")),
    }
}

/// A file header's first `//go:build` expression and its `+build` lines that count (those a
/// blank line follows before the package clause).
fn header_lines(text: &str) -> (Option<&str>, Vec<&str>) {
    let mut go_build: Option<&str> = None;
    let mut plus: Vec<&str> = vec![];
    // `+build` lines count only when a blank line follows them (before the package clause).
    let mut pending_plus: Vec<&str> = vec![];
    let mut in_block = false;
    for line in text.lines() {
        let t = line.trim();
        if in_block {
            if let Some(end) = t.find("*/") {
                in_block = false;
                if !t[end + 2..].trim().is_empty() {
                    break;
                }
            }
            continue;
        }
        if t.is_empty() {
            plus.append(&mut pending_plus);
            continue;
        }
        if let Some(rest) = t.strip_prefix("//") {
            if let Some(e) = rest.strip_prefix("go:build") {
                if e.is_empty() || e.starts_with([' ', '\t']) {
                    if go_build.is_none() {
                        go_build = Some(e);
                    }
                    continue;
                }
            }
            let r = rest.trim_start();
            if let Some(e) = r.strip_prefix("+build") {
                if e.is_empty() || e.starts_with([' ', '\t']) {
                    pending_plus.push(e);
                }
            }
            continue;
        }
        if t.starts_with("/*") {
            if !t[2..].contains("*/") {
                in_block = true;
            }
            continue;
        }
        break; // the package clause (or anything else) ends the header
    }
    (go_build, plus)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_build_expressions() {
        let ev = |s: &str| parse_expr(s).unwrap().eval();
        assert!(ev("linux && amd64"));
        assert!(ev("!gc || purego"));
        assert!(!ev("gc && !purego"));
        assert!(ev("(darwin || linux) && !cgo"));
        assert!(!ev("go1.28"));
        assert!(ev("go1.21 && unix"));
        assert!(!ev("windows"));
        assert!(ev("goexperiment.jsonv2"));
        assert!(parse_expr("a &&").is_err());
        assert!(parse_expr("(a").is_err());
    }

    #[test]
    fn plus_build_lines() {
        assert!(plus_build_line(" linux,amd64 windows"));
        assert!(!plus_build_line(" !linux"));
        assert!(plus_build_line(" !gc"));
        assert!(!plus_build_line(" gc,!purego"));
    }

    #[test]
    fn headers() {
        assert!(!header_allows("// Copyright\n\n//go:build !purego\n\npackage x\n").unwrap());
        assert!(header_allows("//go:build purego || !amd64\n\npackage x\n").unwrap());
        // a +build line with no blank line after it is a doc comment, not a constraint
        assert!(header_allows("// +build ignore\npackage x\n").unwrap());
        assert!(!header_allows("// +build ignore\n\npackage x\n").unwrap());
        // after the package clause nothing counts
        assert!(header_allows("package x\n//go:build ignore\n").unwrap());
    }

    #[test]
    fn go_versions() {
        let v = |h: &str| file_go_version(&format!("{h}\n\npackage x\n"));
        assert_eq!(v("//go:build go1.26").as_deref(), Some("go1.26"));
        assert_eq!(v("//go:build go1.26 && linux").as_deref(), Some("go1.26"));
        assert_eq!(v("//go:build go1.26 || go1.22").as_deref(), Some("go1.22"));
        assert_eq!(v("//go:build go1.26 || linux"), None);
        assert_eq!(v("//go:build !go1.26"), None);
        assert_eq!(v("//go:build !(!go1.24 || !go1.25)").as_deref(), Some("go1.25"));
        assert_eq!(v("//go:build go1").as_deref(), Some("go1"));
        assert_eq!(v("// +build go1.20"), None);
        assert_eq!(v("// no constraint"), None);
    }

    #[test]
    fn file_names() {
        assert!(good_os_arch_file("x_linux.go"));
        assert!(!good_os_arch_file("x_windows.go"));
        assert!(good_os_arch_file("x_linux_amd64.go"));
        assert!(!good_os_arch_file("x_linux_arm64.go"));
        assert!(!good_os_arch_file("x_arm64.go"));
        assert!(good_os_arch_file("linux.go"));
        assert!(good_os_arch_file("x_amd64.go"));
        assert!(good_os_arch_file("x_other.go"));
    }
}
