//! Fuzz target `panic_paths`: structured generation (`gojit::fuzzgen::generate`) of nested
//! defer/panic/recover programs from the fuzzer's bytes, checked end to end:
//! - the generated source must pass gojit's parser and type checker (it is valid Go by
//!   construction), and compile;
//! - the reference model must give an outcome (programs over its step budget or depending on the
//!   Go version are skipped);
//! - when `GOJIT_BIN` names a gojit binary, `gojit run` of the program (subprocess, 10 s timeout)
//!   must agree with the model: stdout, exit status and the `panic:` lines of stderr.
//! A disagreement aborts with both outcomes and the program text.
#![no_main]

use arbitrary::Unstructured;
use gojit::fuzzgen::{self, Verdict, emit, generate, oracle};
use gojit::{jit, lower, syntax, types};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

fn gojit_bin() -> Option<&'static PathBuf> {
    static BIN: OnceLock<Option<PathBuf>> = OnceLock::new();
    BIN.get_or_init(|| std::env::var_os("GOJIT_BIN").map(PathBuf::from)).as_ref()
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(prog) = generate::program(&mut u, generate::Config::default()) else { return };
    let text = emit::standalone(&prog);
    let (src, parsed) = syntax::parse_bytes("gen.go", text.as_bytes());
    let file = parsed.unwrap_or_else(|d| panic!("generated program does not parse: {d:?}\n{text}"));
    let checked = types::check(&file, &src).unwrap_or_else(|d| panic!("generated program does not check: {d:?}\n{text}"));
    if let Ok(mut jit) = jit::Jit::new() {
        match lower::lower_program(&file, &src, &checked.types, &checked.info, &mut jit) {
            Ok(l) => {
                let p = jit.finalize(Some(l.main)).unwrap_or_else(|e| panic!("link failed: {e}\n{text}"));
                l.patch(|id| p.address(id));
            }
            Err(d) => panic!("generated program does not compile: {d:?}\n{text}"),
        }
    }
    let Verdict::Accept(want, _) = fuzzgen::judge(&prog) else { return };
    let Some(bin) = gojit_bin() else { return };
    let dir = oracle::scratch_dir("fuzz");
    let got = oracle::run_gojit(bin, &prog, &dir, Duration::from_secs(10)).expect("run gojit");
    let d = if got.timed_out { "timed out".to_string() } else { oracle::diff(&want, &got.outcome()) };
    assert!(d.is_empty(), "gojit disagrees with the model:\n{d}\nstderr:\n{}\nprogram:\n{text}", got.stderr);
});
