//! A gojit built with other `RUSTFLAGS` still recovers panics (issue 8 §4). `RUSTFLAGS` replaces
//! the frame-pointer setting of `.cargo/config.toml` (so does `cargo install`); the runtime must
//! not depend on it. This builds gojit with `RUSTFLAGS="-C force-frame-pointers=no"` into its own
//! target directory (`target/rustflags-check`, kept between runs so later builds are incremental)
//! and runs every example, whose expectations were produced by Go 1.27.3.
//!
//! The build takes minutes on two cores, so the test is `#[ignore]`d in the ordinary
//! `cargo test` and run by `.ci/run` (`cargo test --release --test rustflags -- --ignored`).

use std::path::Path;
use std::process::{Command, Stdio};

#[test]
#[ignore = "builds gojit a second time (minutes); run by .ci/run"]
fn examples_pass_when_built_without_frame_pointers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = root.join("target/rustflags-check");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--bin", "gojit", "--target-dir"])
        .arg(&target)
        .current_dir(root)
        .env("RUSTFLAGS", "-C force-frame-pointers=no")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .status()
        .expect("cargo build");
    assert!(status.success(), "the build with RUSTFLAGS=\"-C force-frame-pointers=no\" failed");
    let bin = target.join("release/gojit");
    let mut failures = vec![];
    let mut n = 0;
    let mut examples: Vec<_> = std::fs::read_dir(root.join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    examples.sort();
    for go in examples {
        n += 1;
        let out = Command::new(&bin)
            .arg("run")
            .arg(&go)
            .stdin(Stdio::null())
            .output()
            .expect("run gojit");
        let want_out = std::fs::read_to_string(go.with_extension("out")).unwrap_or_default();
        let want_code: i32 = std::fs::read_to_string(go.with_extension("code")).map_or(0, |s| s.trim().parse().unwrap());
        let want_err = std::fs::read_to_string(go.with_extension("err")).unwrap_or_default();
        let got_err = String::from_utf8_lossy(&out.stderr);
        let mut rest = got_err.lines();
        let err_ok = want_err.lines().all(|l| rest.any(|g| g == l));
        if String::from_utf8_lossy(&out.stdout) != want_out || out.status.code() != Some(want_code) || !err_ok {
            failures.push(format!("{} (status {:?})\n{}", go.display(), out.status, got_err));
        }
    }
    assert!(n >= 10, "examples/ not found");
    assert!(failures.is_empty(), "{} of {n} examples fail without frame pointers:\n{}", failures.len(), failures.join("\n"));
}
