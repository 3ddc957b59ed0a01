//! Fuzz target `frontend`: arbitrary bytes (seeded with valid programs, see README.md) through
//! parse, type check and compilation (lowering + linking, not running). Whatever the input, each
//! phase must return a program or diagnostics: never panic, never hang.
#![no_main]

use gojit::{jit, lower, syntax, types};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (src, parsed) = syntax::parse_bytes("fuzz.go", data);
    let Ok(file) = parsed else { return };
    let Ok(checked) = types::check(&file, &src) else { return };
    // Compile as `gojit run` does (driver::compile), without running the program.
    let Ok(mut jit) = jit::Jit::new() else { return };
    if let Ok(lowered) = lower::lower_program(&file, &src, &checked.types, &checked.info, &mut jit) {
        if let Ok(program) = jit.finalize(Some(lowered.main)) {
            lowered.patch(|id| program.address(id));
        }
    }
});
