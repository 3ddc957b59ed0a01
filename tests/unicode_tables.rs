//! `runtime/src/unicode/tables.rs` is exactly what `tools/unicode_tables/main.go` prints with the
//! reference Go (1.27.3): the identifier and `%q` classes come from Go's own Unicode tables. Skipped
//! (with a note) where that Go is not installed.

use std::process::Command;

#[test]
fn committed_tables_match_the_generator() {
    let root = env!("CARGO_MANIFEST_DIR");
    let version = Command::new("go").arg("version").output();
    match &version {
        Ok(v) if String::from_utf8_lossy(&v.stdout).contains("go1.27.3 ") => {}
        _ => {
            eprintln!("skipped: go1.27.3 is not on PATH");
            return;
        }
    }
    let out = Command::new("go")
        .args(["run", "tools/unicode_tables/main.go"])
        .current_dir(root)
        .output()
        .expect("go run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let committed = std::fs::read_to_string(format!("{root}/runtime/src/unicode/tables.rs")).unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout) == committed,
        "runtime/src/unicode/tables.rs is stale: run `go run tools/unicode_tables/main.go > runtime/src/unicode/tables.rs`"
    );
}
