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
    let mut c = Command::new(env!("CARGO_BIN_EXE_gojit"));
    // The package cache of tests lives under the target directory, never in the user's home.
    c.env("XDG_CACHE_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/cache-home"));
    c
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

const SPIN_WITH_GOROUTINES: &str = r#"package main

import (
	"fmt"
	"runtime"
)

var sink int

func spin(c chan int) {
	<-c
}

func loop() {
	for i := 0; ; i++ {
		sink += i
		if i == 2000000000 {
			fmt.Println("still running")
		}
	}
}

func main() {
	c := make(chan int)
	go spin(c)
	runtime.Gosched() // spin runs and parks on <-c
	fmt.Println("started")
	loop()
}
"#;

/// Starts `gojit run` of `src` and waits until the program printed its first line.
fn start_until_first_line(name: &str, src: &str) -> std::process::Child {
    let p = program(name, src);
    let mut child = gojit().arg("run").arg(&p).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut line = Vec::new();
    let mut b = [0u8; 1];
    while out.read(&mut b).unwrap_or(0) == 1 && b[0] != b'\n' {
        line.push(b[0]);
    }
    assert_eq!(String::from_utf8_lossy(&line), "started");
    child.stdout = Some(out);
    child
}

/// SIGQUIT as under gc (Go 1.27.3, the program above, `kill -QUIT`): `SIGQUIT: quit`, the pc line,
/// every goroutine's traceback (the running one first, the parked one `[chan receive]` with its
/// `created by`), then the registers; exit status 2. gc's extra runtime goroutines and `gp=`
/// headers are not compared.
#[test]
fn sigquit_dumps_goroutines_and_exits_2() {
    let child = start_until_first_line("sigquit.go", SPIN_WITH_GOROUTINES);
    // The line is out once fmt.Println's write returned; let main leave Println (GOROOT's fmt:
    // it still unlocks the file and frees its buffer) and enter loop, where the report expects it.
    std::thread::sleep(std::time::Duration::from_millis(500));
    // SAFETY: kill(2) on our own child's pid.
    unsafe { libc::kill(child.id() as i32, libc::SIGQUIT) };
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines[0], "SIGQUIT: quit", "{err}");
    assert!(lines[1].starts_with("PC=0x") && lines[1].ends_with(" m=0 sigcode=0"), "{err}");
    let at = |s: &str| lines.iter().position(|l| l.starts_with(s)).unwrap_or_else(|| panic!("no {s:?} in:\n{err}"));
    let running = at("goroutine 1 [running]:");
    assert!(lines[running + 1] == "main.loop()" && lines[running + 3] == "main.main()", "{err}");
    let parked = lines.iter().position(|l| l.starts_with("goroutine ") && l.ends_with(" [chan receive]:")).expect(&err);
    assert!(lines[parked + 1].starts_with("main.spin("), "{err}");
    assert!(lines[parked + 3].starts_with("created by main.main in goroutine 1"), "{err}");
    let rax = at("rax    0x");
    assert!(rax > parked && lines[rax - 1].is_empty(), "{err}");
    for r in ["rip    0x", "rflags 0x", "cs     0x", "fs     0x", "gs     0x"] {
        at(r);
    }
}

/// SIGUSR1, SIGUSR2 and SIGALRM do not end a Go program that did not ask for them (gc receives and
/// drops them: `_SigNotify` in its signal table); the program runs on, here until SIGQUIT.
#[test]
fn sigusr_and_sigalrm_are_dropped() {
    let child = start_until_first_line("sigusr.go", SPIN_WITH_GOROUTINES);
    for sig in [libc::SIGUSR1, libc::SIGUSR2, libc::SIGALRM] {
        // SAFETY: kill(2) on our own child's pid.
        unsafe { libc::kill(child.id() as i32, sig) };
        std::thread::sleep(Duration::from_millis(100));
    }
    // SAFETY: as above.
    unsafe { libc::kill(child.id() as i32, libc::SIGQUIT) };
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "still running until SIGQUIT: {err}");
    assert!(err.starts_with("SIGQUIT: quit\n"), "{err}");
}
