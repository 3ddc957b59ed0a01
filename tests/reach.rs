//! What lowering compiles of GOROOT packages (`src/lower/reach.rs`), seen through `gojit dump`'s
//! function headers: a GOROOT method no code names statically is compiled only when a method of
//! its name can be called dynamically (gc's linker rule), and the program still runs as under gc
//! (`go run` of the program prints `X 97` on stderr, Go 1.27.3).

use std::path::PathBuf;
use std::process::Command;

const PROG: &str = r#"package main

import "strings"

func main() {
	var r interface{ ReadByte() (byte, error) } = strings.NewReader("ab")
	b, _ := r.ReadByte()
	println(strings.ToUpper("x"), b)
}
"#;

fn gojit(dir: &PathBuf, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_gojit"))
        .args(args)
        .arg("prog.go")
        .current_dir(dir)
        .env("GOJIT_CACHE", "off")
        .output()
        .expect("run gojit")
}

#[test]
fn methods_are_compiled_only_when_callable() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("reach-methods");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("prog.go"), PROG).unwrap();
    let run = gojit(&dir, &["run"]);
    assert_eq!(run.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&run.stderr), "X 97\n");
    let dump = gojit(&dir, &["dump", "--no-addr"]);
    assert_eq!(dump.status.code(), Some(0), "{}", String::from_utf8_lossy(&dump.stderr));
    let text = String::from_utf8_lossy(&dump.stdout);
    let funcs: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("TEXT ")).filter_map(|l| l.split_whitespace().next()).collect();
    let has = |name: &str| funcs.iter().any(|f| *f == format!("{name}(SB)"));
    // called through an interface only
    assert!(has("strings.(*Reader).ReadByte"), "{funcs:?}");
    // called statically
    assert!(has("strings.ToUpper"), "{funcs:?}");
    // methods of reached types and packages that nothing can call
    for never in ["strings.(*Reader).Seek", "strings.(*Reader).ReadRune", "strings.(*Replacer).Replace"] {
        assert!(!has(never), "{never} is compiled: {funcs:?}");
    }
}
