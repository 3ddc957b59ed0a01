//! `gojit run` behaves like `go run` at the process boundary (issue 8 §5): program arguments,
//! broken pipes, and the randomised map order a program can observe. Expectations come from
//! Go 1.27.3 (`go run`), as each test says.

use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn program(name: &str, src: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gojit-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, src).unwrap();
    p
}

fn gojit() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gojit"))
}

const PRINT_ARGS: &str = r#"package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Printf("%q\n", os.Args[1:])
}
"#;

/// `go run prog.go --time x -- -v` prints `["--time" "x" "--" "-v"]`: everything after the program
/// file is the program's, even gojit's own flag names and `--`.
#[test]
fn arguments_after_the_program_reach_it_untouched() {
    let p = program("args.go", PRINT_ARGS);
    let out = gojit().arg("run").arg(&p).args(["--time", "x", "--", "-v"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[\"--time\" \"x\" \"--\" \"-v\"]\n");
    assert!(out.stderr.is_empty(), "--time after the program must not reach gojit: {}", String::from_utf8_lossy(&out.stderr));
    // gojit's flags come before the program.
    let out = gojit().args(["run", "--time"]).arg(&p).arg("a").output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[\"a\"]\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("gojit: total"));
}

/// `go run many.go | head -1`: the program dies of SIGPIPE at the first write after the reader
/// left (gc's os.sigpipe: exit by signal 13, the shell's status 141), on stdout and on stderr.
#[test]
fn broken_pipe_ends_the_program_by_sigpipe() {
    for (name, stream) in [("pipe_stdout.go", "os.Stdout"), ("pipe_stderr.go", "os.Stderr")] {
        let src = format!(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {{\n\tfor i := 0; i < 1000000; i++ {{\n\t\tfmt.Fprintln({stream}, \"line\", i)\n\t}}\n\tos.Exit(3)\n}}\n"
        );
        let p = program(name, &src);
        let mut cmd = gojit();
        cmd.arg("run").arg(&p).stdin(Stdio::null());
        if stream == "os.Stdout" {
            cmd.stdout(Stdio::piped()).stderr(Stdio::null());
        } else {
            cmd.stderr(Stdio::piped()).stdout(Stdio::null());
        }
        let start = Instant::now();
        let mut child = cmd.spawn().unwrap();
        {
            let mut pipe: Box<dyn Read> = match stream {
                "os.Stdout" => Box::new(child.stdout.take().unwrap()),
                _ => Box::new(child.stderr.take().unwrap()),
            };
            let mut first = [0u8; 7];
            pipe.read_exact(&mut first).unwrap();
            assert_eq!(&first, b"line 0\n");
        } // the reader closes its end, like `head -1`
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            if start.elapsed() > Duration::from_secs(20) {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{stream}: the program kept running after its reader left");
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        assert_eq!(status.signal(), Some(libc_sigpipe()), "{stream}: {status:?}");
    }
}

fn libc_sigpipe() -> i32 {
    13 // SIGPIPE on Linux
}

/// gc randomises the order of every `range` over a map (a program that prints one loop's order
/// 20 times over a 20-entry map sees several orders), while fmt prints maps sorted.
#[test]
fn map_range_order_varies_like_gc() {
    let src = r#"package main

import "fmt"

func main() {
	m := map[int]bool{}
	for i := 0; i < 20; i++ {
		m[i] = true
	}
	seen := map[string]bool{}
	for j := 0; j < 20; j++ {
		s := ""
		for k := range m {
			s += fmt.Sprint(k, ",")
		}
		seen[s] = true
	}
	fmt.Println(len(seen) > 1, len(m))
	fmt.Println(map[string]int{"b": 2, "a": 1, "c": 3})
}
"#;
    let p = program("maporder.go", src);
    let out = gojit().arg("run").arg(&p).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "true 20\nmap[a:1 b:2 c:3]\n");
}

/// Write errors come back to the program as gc's os package returns them (issue 15): standard
/// output (or standard error) on /dev/full, open read-only, or closed (gc's checkfds then opens
/// /dev/null on it, so writes succeed). tests/stdio/write_errors.go reports every write's
/// `(n, err)` on the other stream; the expectations come from Go 1.27.3 (tests/stdio/regen.sh).
#[test]
fn write_errors_as_gc() {
    use std::os::unix::process::CommandExt;
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/stdio");
    let src = dir.join("write_errors.go");
    for mode in ["normal", "closed", "full", "ro", "efull", "ero", "eclosed"] {
        let on_stderr = mode.starts_with('e');
        let mut cmd = gojit();
        cmd.arg("run").arg(&src).stdin(Stdio::null());
        if on_stderr {
            cmd.arg("stderr");
        }
        let target = match &mode[on_stderr as usize..] {
            "full" => Stdio::from(std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap()),
            "ro" => Stdio::from(std::fs::File::open("/dev/null").unwrap()),
            _ => Stdio::null(),
        };
        if on_stderr {
            cmd.stderr(target).stdout(Stdio::piped());
        } else {
            cmd.stdout(target).stderr(Stdio::piped());
        }
        if mode.ends_with("closed") {
            let fd = if on_stderr { 2 } else { 1 };
            // SAFETY: close(2) is async-signal-safe; it runs in the child between fork and exec.
            unsafe {
                cmd.pre_exec(move || {
                    libc::close(fd);
                    Ok(())
                });
            }
        }
        let out = cmd.output().unwrap();
        let report = if on_stderr { &out.stdout } else { &out.stderr };
        let want = std::fs::read_to_string(dir.join(format!("write_errors.{mode}.out"))).unwrap();
        assert_eq!(String::from_utf8_lossy(report), want, "mode {mode}");
        assert_eq!(out.status.code(), Some(0), "mode {mode}");
    }
}
