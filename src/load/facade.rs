//! The runtime facade: Go source kept in this repository (`runtime/go/<import path>/*.go`) and
//! compiled in place of GOROOT's package of the same import path. GOROOT's `runtime` is the
//! machine-level half gojit implements in Rust (`gojit-runtime`); its facade declares, in Go,
//! what programs and GOROOT packages import from it: constants, types with gc's layouts, Go
//! bodies where Go suffices, and body-less functions that are rows of the hook table
//! (`lower::hooks`), each implemented by a runtime entry point.
//!
//! The sources are embedded in the gojit binary (no path outside the binary is needed to run).
//! Their files are named as GOROOT's files of the package (`$GOROOT/src/runtime/extern.go`), so
//! tracebacks through them name the package's directory as gc's do.

/// One embedded package.
pub struct FacadePackage {
    pub path: &'static str,
    /// (file name, source), sorted by name.
    pub files: &'static [(&'static str, &'static str)],
}

macro_rules! facade_file {
    ($dir:literal, $name:literal) => {
        ($name, include_str!(concat!("../../runtime/go/", $dir, "/", $name)))
    };
}

/// Every package the facade replaces.
pub const PACKAGES: &[FacadePackage] = &[FacadePackage {
    path: "runtime",
    files: &[
        facade_file!("runtime", "error.go"),
        facade_file!("runtime", "extern.go"),
        facade_file!("runtime", "mgc.go"),
        facade_file!("runtime", "mstats.go"),
        facade_file!("runtime", "os_linux.go"),
        facade_file!("runtime", "panic.go"),
        facade_file!("runtime", "proc.go"),
    ],
}];

/// The facade replacing GOROOT's package `path`, if any.
pub fn package(path: &str) -> Option<&'static FacadePackage> {
    PACKAGES.iter().find(|p| p.path == path)
}

#[cfg(test)]
mod tests {
    /// Every `.go` file of the facade's directories is embedded (a file added to the directory
    /// but not to `PACKAGES` would silently not be compiled), in name order.
    #[test]
    fn every_file_is_embedded() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime/go");
        for p in super::PACKAGES {
            let mut on_disk: Vec<String> = std::fs::read_dir(root.join(p.path))
                .unwrap()
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|n| n.ends_with(".go"))
                .collect();
            on_disk.sort();
            let embedded: Vec<&str> = p.files.iter().map(|f| f.0).collect();
            assert_eq!(on_disk, embedded, "runtime/go/{}: the embedded files differ from the directory's", p.path);
        }
    }
}
