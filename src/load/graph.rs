//! Building the package graph: the root package from the command-line arguments, then every
//! import, depth first in source order (so an import cycle is found on the DFS stack and reported
//! with the go command's chain), then the initialisation order.
//!
//! Invariants: each package directory is loaded once (by import path); files are added to the
//! source map and numbered in load order, so positions and node ids never overlap; the returned
//! packages are in initialisation order with the root last.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::constraint;
use super::facade;
use super::gomod::GoMod;
use super::resolve::{self, Modules};
use super::{LoadError, Loaded, Package, PkgIndex};
use crate::diag::{Diagnostic, SourceMap};
use crate::syntax::{self, ast};

/// The import path of packages named by their files.
pub const COMMAND_LINE: &str = "command-line-arguments";

struct Loader<'m> {
    modules: Modules,
    cwd: PathBuf,
    sources: SourceMap,
    files: Vec<ast::File>,
    packages: Vec<Package>,
    by_path: HashMap<String, PkgIndex>,
    next_id: u32,
    modelled: &'m dyn Fn(&str) -> bool,
    package_mode: bool,
    /// 0 not visited, 1 on the DFS stack, 2 done.
    state: Vec<u8>,
    errors: Vec<String>,
}

/// Loads the program named by `args` (see the module docs). `modelled` says which import paths
/// are the compiler's own modelled packages (no source is loaded for them).
pub fn load(args: &[String], modelled: &dyn Fn(&str) -> bool) -> Result<Loaded, LoadError> {
    let cwd = std::env::current_dir().map_err(|e| LoadError::new(format!("gojit: cannot read the working directory: {e}")))?;
    if args.is_empty() {
        return Err(LoadError::new("gojit: no go files listed"));
    }
    let files_mode = args.iter().any(|a| a.ends_with(".go"));
    let module_root = GoMod::find_root(&cwd);
    let main = match module_root {
        Some(root) => match GoMod::read(&root) {
            Ok(m) => Some(m),
            Err(e) if !files_mode => return Err(LoadError::new(format!("go: errors parsing go.mod:\n{e}"))),
            Err(_) => None,
        },
        None => None,
    };
    let mut l = Loader {
        modules: Modules { main },
        cwd: cwd.clone(),
        sources: SourceMap::default(),
        files: vec![],
        packages: vec![],
        by_path: HashMap::new(),
        next_id: 0,
        modelled,
        package_mode: !files_mode,
        state: vec![],
        errors: vec![],
    };
    let root = if files_mode {
        if let Some(bad) = args.iter().find(|a| !a.ends_with(".go")) {
            return Err(LoadError::new(format!("named files must be .go files: {bad}")));
        }
        let dirs: Vec<PathBuf> = args.iter().map(|a| Path::new(a).parent().map(Path::to_path_buf).unwrap_or_default()).collect();
        if dirs.iter().any(|d| absolute(&cwd, d) != absolute(&cwd, &dirs[0])) {
            return Err(LoadError::new("named files must all be in one directory; have ./ and others"));
        }
        let dir = absolute(&cwd, &dirs[0]);
        let named: Vec<(PathBuf, String)> = args.iter().map(|a| (PathBuf::from(a), a.clone())).collect();
        l.load_package(COMMAND_LINE, &dir, false, Some(named)).map_err(LoadError::new)?
    } else {
        if args.len() > 1 {
            return Err(LoadError::new(format!("gojit: only one package may be run: {}", args.join(" "))));
        }
        let a = &args[0];
        if a == "." || a == ".." || a.starts_with("./") || a.starts_with("../") || a.starts_with('/') {
            let dir = absolute(&cwd, Path::new(a));
            if !super::inputs::is_dir(&dir) {
                return Err(LoadError::new(format!("stat {}: directory not found", dir.display())));
            }
            let path = l.modules.path_of_dir(&dir).unwrap_or_else(|| COMMAND_LINE.to_string());
            l.load_package(&path, &dir, false, None).map_err(LoadError::new)?
        } else {
            if (l.modelled)(a) {
                return Err(LoadError::new(format!("gojit: package {a} is modelled by gojit and has no source to run")));
            }
            let found = l.modules.resolve(a, false).map_err(|e| LoadError::new(format!("gojit: {e}")))?;
            l.load_package(a, &found.dir, found.std, None).map_err(LoadError::new)?
        }
    };
    l.state = vec![0; l.packages.len()];
    let mut stack = vec![];
    l.visit(root, &mut stack);
    // Every program with GOROOT code links the runtime, imported or not (as with gc): GOROOT
    // packages' linknames into it are hooks whose Go bodies live in the facade.
    if l.packages.iter().any(|p| p.std) && !l.by_path.contains_key("runtime") {
        if let Some(f) = facade::package("runtime") {
            match l.load_facade(f, &PathBuf::from(facade::DIR_PREFIX).join("runtime")) {
                Ok(d) => {
                    l.state.push(0);
                    l.visit(d, &mut stack);
                }
                Err(e) => l.errors.push(e),
            }
        }
    }
    if !l.errors.is_empty() {
        return Err(LoadError { lines: std::mem::take(&mut l.errors) });
    }
    Ok(l.finish(root))
}

fn absolute(cwd: &Path, p: &Path) -> PathBuf {
    let joined = if p.as_os_str().is_empty() { cwd.to_path_buf() } else { cwd.join(p) };
    // lexical clean-up of `.` and `..` (as filepath.Clean), no symlink resolution
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

impl Loader<'_> {
    /// How diagnostics name a file: as given on the command line, else relative to the working
    /// directory (`./x.go` in it), else absolute — as the go command prints them.
    fn display_name(&self, path: &Path) -> String {
        match path.strip_prefix(&self.cwd) {
            Ok(rel) if rel.parent().is_none_or(|p| p.as_os_str().is_empty()) => format!("./{}", rel.display()),
            Ok(rel) => rel.display().to_string(),
            Err(_) => path.display().to_string(),
        }
    }

    /// The `-lang` the go command gives gc for a package (see [`Package::lang`]): files named on
    /// the command line and packages of the main module take the main module's `go` line; a
    /// required module's package its own go.mod's; vendored packages (whose version is in
    /// vendor/modules.txt) and GOROOT's none.
    fn lang_of(&self, path: &str, dir: &Path, std: bool) -> Option<String> {
        let lang = |m: &GoMod| {
            let v = m.go.as_deref().unwrap_or("1.16");
            // version.Lang: the language version of a release (1.21.3 -> 1.21, 1.22rc1 -> 1.22)
            let mut parts = v.splitn(3, '.');
            let major = parts.next().unwrap_or("1");
            let minor: String = parts.next().unwrap_or("0").chars().take_while(|c| c.is_ascii_digit()).collect();
            Some(format!("go{major}.{minor}"))
        };
        let main = self.modules.main.as_ref();
        if std || main.is_some_and(|m| dir.starts_with(m.dir.join("vendor"))) {
            return None;
        }
        if path == COMMAND_LINE {
            return main.and_then(lang);
        }
        let root = GoMod::find_root(dir)?;
        match main {
            Some(m) if m.dir == root => lang(m),
            _ => GoMod::read(&root).ok().as_ref().and_then(lang),
        }
    }

    /// Selects, reads and parses a directory's files (or the named ones) into a new package.
    fn load_package(&mut self, path: &str, dir: &Path, std: bool, named: Option<Vec<(PathBuf, String)>>) -> Result<PkgIndex, String> {
        self.load_package_from(path, dir, std, named, None)
    }

    /// Loads the runtime facade's embedded package `f` as the package in directory `dir`.
    fn load_facade(&mut self, f: &'static facade::FacadePackage, dir: &Path) -> Result<PkgIndex, String> {
        let named: Vec<(PathBuf, String)> = f.files.iter().map(|(n, _)| (dir.join(n), dir.join(n).display().to_string())).collect();
        self.load_package_from(f.path, dir, true, Some(named), Some(f))
    }

    /// [`Self::load_package`], the sources read from `embedded` instead of the files when given.
    fn load_package_from(
        &mut self,
        path: &str,
        dir: &Path,
        std: bool,
        named: Option<Vec<(PathBuf, String)>>,
        embedded: Option<&'static facade::FacadePackage>,
    ) -> Result<PkgIndex, String> {
        let candidates: Vec<(PathBuf, String)> = match named {
            Some(n) => n,
            None => {
                let v = super::inputs::go_files(dir).map_err(|e| format!("open {}: {e}", dir.display()))?;
                v.into_iter().map(|p| (p.clone(), self.display_name(&p))).collect()
            }
        };
        let explicit = path == COMMAND_LINE;
        let lang = self.lang_of(path, dir, std);
        let mut pkg = Package { path: path.to_string(), name: String::new(), dir: dir.to_path_buf(), files: vec![], imports: vec![], std, lang };
        let (mut any_go, mut cgo_files) = (false, vec![]);
        let mut first_name: Option<(String, String)> = None;
        let mut parse_errors: Vec<String> = vec![];
        for (p, shown) in candidates {
            any_go = true;
            let base = p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
            if !explicit && !constraint::good_os_arch_file(&base) {
                continue;
            }
            let embedded_text = embedded.and_then(|f| f.files.iter().find(|(n, _)| *n == base)).map(|(_, t)| t.as_bytes().to_vec());
            let bytes = match embedded_text {
                Some(b) => b,
                None => super::inputs::read(&p).map_err(|e| {
                    if explicit { format!("gojit: cannot read {shown}: {e}") } else { format!("open {}: {e}", p.display()) }
                })?,
            };
            let text = String::from_utf8_lossy(&bytes);
            // Build constraints (files named on the command line are taken whatever their
            // constraints say, as `go run gen.go` runs a `//go:build ignore` generator).
            if !explicit {
                match constraint::header_allows(&text) {
                    Ok(true) => {}
                    Ok(false) => continue,
                    Err(e) => return Err(format!("{shown}: {e}")),
                }
            }
            let (sf, parsed) = syntax::parse_bytes_at(&shown, &bytes, self.sources.next_base(), self.next_id);
            let mut file = match parsed {
                Ok(f) => f,
                Err(diags) => {
                    for d in &diags {
                        parse_errors.push(sf.render(d));
                    }
                    continue;
                }
            };
            if file.imports.iter().any(|i| i.path == "C") {
                // cgo is off: the go command then leaves out every file importing "C".
                cgo_files.push(base);
                continue;
            }
            let name = file.package.name.clone();
            match &first_name {
                None => first_name = Some((name.clone(), base.clone())),
                Some((n, f)) if *n != name => {
                    return Err(format!("found packages {n} ({f}) and {name} ({base}) in {}", dir.display()));
                }
                _ => {}
            }
            file.directives.go_version = constraint::file_go_version(&text);
            self.next_id = file.node_count;
            let idx = self.sources.add(sf);
            debug_assert_eq!(idx, self.files.len());
            self.files.push(file);
            pkg.files.push(idx);
        }
        if !parse_errors.is_empty() {
            return Err(parse_errors.join("\n"));
        }
        if pkg.files.is_empty() {
            if !cgo_files.is_empty() {
                return Err(format!(
                    "package {path}: cgo is not supported by gojit (every file of {} imports \"C\": {})",
                    dir.display(),
                    cgo_files.join(", ")
                ));
            }
            if any_go {
                return Err(format!("package {path}: build constraints exclude all Go files in {}", dir.display()));
            }
            return Err(format!("no Go files in {}", dir.display()));
        }
        pkg.name = first_name.map(|f| f.0).unwrap_or_default();
        self.packages.push(pkg);
        self.by_path.insert(path.to_string(), self.packages.len() - 1);
        Ok(self.packages.len() - 1)
    }

    /// Resolves and loads `idx`'s imports depth first; `stack` holds the packages being visited
    /// and the file of each one's import of the next.
    fn visit(&mut self, idx: PkgIndex, stack: &mut Vec<(PkgIndex, String)>) {
        self.state[idx] = 1;
        let files = self.packages[idx].files.clone();
        let (importer, from_std) = (self.packages[idx].path.clone(), self.packages[idx].std);
        for fi in files {
            let imports: Vec<(String, u32)> = self.files[fi].imports.iter().map(|i| (i.path.clone(), i.path_span.lo)).collect();
            let file_base = Path::new(&self.sources.files()[fi].name).file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
            for (path, pos) in imports {
                if (self.modelled)(&path) || path.is_empty() {
                    continue;
                }
                // the go command's loading errors name files without the `./` of the compiler's
                let at = |s: &Self, msg: String| {
                    let line = s.sources.render(&Diagnostic::new(crate::diag::Span::new(pos, pos), msg));
                    line.strip_prefix("./").map(str::to_string).unwrap_or(line)
                };
                let dep = match self.by_path.get(&path) {
                    Some(&d) => d,
                    None if facade::package(&path).is_some() => {
                        let f = facade::package(&path).expect("checked");
                        let dir = PathBuf::from(facade::DIR_PREFIX).join(&path);
                        match self.load_facade(f, &dir) {
                            Ok(d) => {
                                self.state.push(0);
                                d
                            }
                            Err(e) => {
                                self.errors.push(e);
                                continue;
                            }
                        }
                    }
                    None => {
                        let found = match self.modules.resolve(&path, from_std) {
                            Ok(f) => f,
                            Err(e) => {
                                let line = at(self, e);
                                self.errors.push(line);
                                continue;
                            }
                        };
                        match self.load_package(&path, &found.dir, found.std, None) {
                            Ok(d) => {
                                self.state.push(0);
                                d
                            }
                            Err(e) => {
                                self.errors.push(if e.contains(": ") && e.contains(".go:") { e } else { at(self, e) });
                                continue;
                            }
                        }
                    }
                };
                if !resolve::internal_allowed(&importer, &path) {
                    // the go command's chain from the root to the importer, then the import
                    let mut msg = String::new();
                    for (i, p) in stack.iter().map(|s| s.0).chain(std::iter::once(idx)).enumerate() {
                        if i == 0 {
                            msg = format!("package {}", self.packages[p].path);
                        } else {
                            msg.push_str(&format!("\n\timports {}", self.packages[p].path));
                        }
                    }
                    let line = at(self, format!("use of internal package {path} not allowed"));
                    self.errors.push(format!("{msg}\n\t{line}"));
                    continue;
                }
                if self.packages[dep].name == "main" {
                    let line = at(self, format!("import \"{path}\" is a program, not an importable package"));
                    self.errors.push(line);
                    continue;
                }
                if !self.packages[idx].imports.contains(&dep) {
                    self.packages[idx].imports.push(dep);
                }
                match self.state[dep] {
                    0 => {
                        stack.push((idx, file_base.clone()));
                        self.visit(dep, stack);
                        stack.pop();
                    }
                    1 => {
                        if !self.errors.iter().any(|e| e.ends_with("import cycle not allowed")) {
                            self.errors.push(self.cycle_message(stack, idx, &file_base, dep));
                        }
                    }
                    _ => {}
                }
            }
        }
        self.state[idx] = 2;
    }

    /// The go command's import-cycle report: the chain from the root to the repeated package.
    fn cycle_message(&self, stack: &[(PkgIndex, String)], cur: PkgIndex, cur_file: &str, dep: PkgIndex) -> String {
        let mut chain: Vec<(PkgIndex, String)> = stack.to_vec();
        chain.push((cur, cur_file.to_string()));
        let root = chain.first().map_or(cur, |c| c.0);
        let mut s = format!("package {}", self.packages[root].path);
        for (i, (_, file)) in chain.iter().enumerate() {
            let next = chain.get(i + 1).map_or(dep, |c| c.0);
            s.push_str(&format!("\n\timports {} from {}", self.packages[next].path, file));
        }
        s.push_str(": import cycle not allowed");
        s
    }

    /// Orders the packages for initialisation and renumbers their imports.
    fn finish(mut self, root: PkgIndex) -> Loaded {
        let n = self.packages.len();
        let mut done = vec![false; n];
        let mut by_path: Vec<PkgIndex> = (0..n).collect();
        by_path.sort_by(|&a, &b| self.packages[a].path.cmp(&self.packages[b].path));
        let mut order: Vec<PkgIndex> = Vec::with_capacity(n);
        while order.len() < n {
            let next = by_path
                .iter()
                .copied()
                .find(|&p| !done[p] && p != root && self.packages[p].imports.iter().all(|&d| done[d]))
                .unwrap_or(root);
            done[next] = true;
            order.push(next);
        }
        let mut new_index = vec![0; n];
        for (i, &p) in order.iter().enumerate() {
            new_index[p] = i;
        }
        let mut old: Vec<Option<Package>> = std::mem::take(&mut self.packages).into_iter().map(Some).collect();
        let mut packages = Vec::with_capacity(n);
        for &p in &order {
            let mut pkg = old[p].take().expect("each package once");
            pkg.imports = pkg.imports.iter().map(|&d| new_index[d]).collect();
            packages.push(pkg);
        }
        Loaded { sources: self.sources, files: self.files, packages, node_count: self.next_id, package_mode: self.package_mode }
    }
}
