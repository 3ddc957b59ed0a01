//! perf's JIT symbol map: `/tmp/perf-<pid>.map`, one `START SIZE name` line per function (START
//! and SIZE in hex without `0x`, as perf reads them), so `perf report` names JIT code.
//!
//! Invariant: the map lists every row of the program's registered function table (Go functions,
//! closures, wrappers and the runtime trampolines) with the table's start and size, i.e. the same
//! ranges the panic walker uses.
//!
//! `gojit run --perf-map` rewrites the process's map from scratch ([`write_for_process`]):
//! under `perf record` (which sets `PERF_BUILDID_DIR`) cranelift-jit appends its own lines for the
//! same ranges, named by linkage name (`main.fib#1`), and perf would pick those; the table's Go
//! names replace them. [`append`] is for embedders that link several programs into one process.

use crate::jit::Program;
use std::io::Write;

/// The map's text for `program`.
pub fn map_text(program: &Program) -> String {
    let table = program.table();
    let mut s = String::new();
    for f in table.funcs() {
        s.push_str(&format!("{:x} {:x} {}\n", f.start, f.size, table.name(f)));
    }
    s
}

/// The path perf looks for: `/tmp/perf-<pid>.map`.
pub fn path_for_process() -> std::path::PathBuf {
    std::path::PathBuf::from(format!("/tmp/perf-{}.map", std::process::id()))
}

/// Appends `program`'s functions to `path`.
pub fn append(program: &Program, path: &std::path::Path) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
    f.write_all(map_text(program).as_bytes())
}

/// `gojit run --perf-map`: writes `/tmp/perf-<pid>.map` with exactly `program`'s functions.
pub fn write_for_process(program: &Program) -> std::io::Result<()> {
    std::fs::write(path_for_process(), map_text(program))
}
