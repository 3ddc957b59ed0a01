//! Tests of `gojit dump` and the perf map (owned by the dump helper).
//!
//! - Snapshots: `tests/dump/NAME.go` dumped with `--no-addr` must equal `tests/dump/NAME.expected`.
//!   `GOJIT_BLESS=1 cargo test --test dump` rewrites the expected files (review them by eye).
//! - The FUNCDATA the dump prints is the live state the runtime uses during a panic: a hook bound
//!   over `gort_printint` reads deferBits and the closure slots of a running frame at the offsets
//!   the dump printed, before and while the runtime runs that frame's defers.
//! - `--trace-panics` narration agrees with the dump (the deferBits the runtime read).
//! - The perf map lists every JIT function with the table's start and size.
//! - Native backtraces taken inside the runtime cross JIT frames (`.eh_frame` registration).
//! - Sweeps: dump must succeed on every `tests/{conformance,run,defer}/*.go` that compiles. Rule:
//!   exit 0 with a non-empty dump (a `TEXT` header per table row) passes; exit 1 (the program does
//!   not compile yet: front end or code generator) is listed in the test output, not a failure;
//!   any other status (dump's own error, a panic, a signal) fails the test.

use gojit::dump::{self, CompileOptions, DumpOptions};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn gojit() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_gojit"));
    // The package cache of tests lives under the target directory, never in the user's home.
    c.env("XDG_CACHE_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/cache-home"));
    c
}

/// Runs `gojit dump ARGS FILE`: (status, stdout, stderr).
fn dump_cli(file: &Path, args: &[&str]) -> (i32, String, String) {
    let out = gojit().arg("dump").args(args).arg(file).output().expect("run gojit");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The snapshot check: `tests/dump/NAME.go` against `tests/dump/NAME.expected`.
fn check(name: &str) {
    let dir = root().join("tests/dump");
    let go = dir.join(format!("{name}.go"));
    let expected_path = dir.join(format!("{name}.expected"));
    let (status, out, err) = dump_cli(&go, &["--no-addr"]);
    assert_eq!(status, 0, "gojit dump {name}.go failed:\n{err}");
    if std::env::var_os("GOJIT_BLESS").is_some() {
        std::fs::write(&expected_path, &out).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&expected_path)
        .unwrap_or_else(|_| panic!("missing {}; run with GOJIT_BLESS=1", expected_path.display()));
    if out != expected {
        let diff: Vec<String> = out
            .lines()
            .zip(expected.lines())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .take(10)
            .map(|(i, (a, b))| format!("line {}:\n  got:      {a}\n  expected: {b}", i + 1))
            .collect();
        panic!(
            "dump of {name}.go differs from {name}.expected ({} vs {} lines; GOJIT_BLESS=1 to accept):\n{}",
            out.lines().count(),
            expected.lines().count(),
            diff.join("\n")
        );
    }
}

#[test]
fn snapshot_open_coded() {
    check("open_coded");
}

#[test]
fn snapshot_conditional() {
    check("conditional");
}

#[test]
fn snapshot_chained() {
    check("chained");
}

#[test]
fn snapshot_runtime_error() {
    check("runtime_error");
}

#[test]
fn no_addr_output_is_deterministic_and_has_no_raw_addresses() {
    let go = root().join("tests/dump/open_coded.go");
    let (s1, a, _) = dump_cli(&go, &["--no-addr"]);
    let (s2, b, _) = dump_cli(&go, &["--no-addr"]);
    assert_eq!((s1, s2), (0, 0));
    assert_eq!(a, b);
    // No 64-bit hex immediate survives (addresses are >= 0x10000 and printed with 0x).
    for l in a.lines() {
        let long_hex = l.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| w.starts_with("0x") && w.len() > 2 + 8);
        let all_ones = l.contains("0xffffffff");
        assert!(!long_hex || all_ones, "raw address in --no-addr output: {l}");
    }
    // The same holds with the CLIF included.
    let (s1, a, _) = dump_cli(&go, &["--no-addr", "--clif"]);
    let (s2, b, _) = dump_cli(&go, &["--no-addr", "--clif"]);
    assert_eq!((s1, s2), (0, 0));
    assert_eq!(a, b, "--clif --no-addr is deterministic");
    assert!(a.contains("iconst.i64 <addr>"), "CLIF address constants are scrubbed");
    // Without --no-addr the runtime calls still carry names.
    let (_, raw, _) = dump_cli(&go, &[]);
    assert!(raw.contains("gort_gopanic"), "runtime entry points are named");
}

#[test]
fn func_filter_and_clif() {
    let go = root().join("tests/dump/open_coded.go");
    let (s, out, _) = dump_cli(&go, &["--no-addr", "--func", "f", "--clif"]);
    assert_eq!(s, 0);
    assert_eq!(out.matches("TEXT ").count(), 1, "{out}");
    assert!(out.starts_with("TEXT main.f(SB) open_coded.go:19 "), "{out}");
    assert!(out.contains("CLIF (after Cranelift's optimizations"));
    assert!(out.contains("try_call"), "CLIF shows the try_calls:\n{out}");
    assert!(out.contains("%main.mayPanic"), "CLIF names callees:\n{out}");
    let (s, _, err) = dump_cli(&go, &["--func", "nosuch"]);
    assert_eq!(s, 2);
    assert!(err.contains("no function nosuch") && err.contains("main.f"), "{err}");
}

/// `FUNCDATA OpenCodedDeferInfo deferBits=fp-0x68 closures=[fp-0x60 ...]` of function `name`:
/// (deferBits offset, closure offsets), from a dump text.
fn open_coded_info(dump: &str, name: &str) -> Option<(i32, Vec<i32>)> {
    let header = format!("TEXT {name}(SB) ");
    let start = dump.find(&header)?;
    let section = &dump[start..];
    let end = section[1..].find("\nTEXT ").map(|i| i + 1).unwrap_or(section.len());
    let line = section[..end].lines().find(|l| l.trim_start().starts_with("FUNCDATA OpenCodedDeferInfo"))?;
    let parse = |s: &str| -> Option<i32> {
        let s = s.trim_matches(|c| c == '[' || c == ']');
        let (sign, hex) = if let Some(h) = s.strip_prefix("fp-0x") { (-1, h) } else { (1, s.strip_prefix("fp+0x")?) };
        Some(sign * i32::from_str_radix(hex, 16).ok()?)
    };
    let bits = parse(line.split("deferBits=").nth(1)?.split_whitespace().next()?)?;
    let closures = line.split("closures=").nth(1)?.split_whitespace().map(parse).collect::<Option<Vec<_>>>()?;
    Some((bits, closures))
}

/// One observation of the hook: the printed value, and main.g's frame as seen through the dump's
/// offsets (fp, deferBits, code address of each closure slot whose bit is set).
#[derive(Clone, Debug, PartialEq)]
struct Seen {
    value: i64,
    fp: usize,
    bits: u8,
    closure_code: Vec<Option<String>>,
}

static SEEN: Mutex<Vec<Seen>> = Mutex::new(Vec::new());
static BITS_OFF: AtomicI32 = AtomicI32::new(0);
static CLOSURE_OFFS: Mutex<Vec<i32>> = Mutex::new(Vec::new());
/// JIT programs in this binary run one at a time (the runtime's hooks are process-global).
static SERIAL: Mutex<()> = Mutex::new(());

/// The frame pointer of the innermost live frame of `main.g`, found with the system unwinder
/// (DWARF call-frame information of the Rust and JIT frames in between: Rust frames need not keep
/// frame pointers, issue 8 §4).
fn main_g_frame() -> Option<usize> {
    fn in_main_g(pc: usize) -> bool {
        gojit_runtime::funcdata::lookup(pc).is_some_and(|(t, f)| t.name(f) == "main.g")
    }
    gojit_runtime::arch::boundary::nearest_jit_frame(in_main_g).map(|(fp, _)| fp)
}

/// Replaces `gort_printint` (println of an int): records main.g's defer state.
extern "C" fn hook_printint(v: i64) {
    let Some(gfp) = main_g_frame() else {
        SEEN.lock().unwrap().push(Seen { value: v, fp: 0, bits: 0, closure_code: vec![] });
        return;
    };
    let boff = BITS_OFF.load(Ordering::SeqCst);
    // SAFETY: the dump's deferBits offset of main.g, in main.g's live frame.
    let bits = unsafe { *((gfp as isize + boff as isize) as *const u8) };
    let offs = CLOSURE_OFFS.lock().unwrap().clone();
    let closure_code = offs
        .iter()
        .enumerate()
        .map(|(i, &o)| {
            if bits & (1 << i) == 0 {
                return None;
            }
            // SAFETY: closure slot i is set while bit i is (compiler contract), in the live frame.
            let closure = unsafe { *((gfp as isize + o as isize) as *const usize) };
            // SAFETY: a Go func value points at its code address.
            let code = unsafe { *(closure as *const usize) };
            gojit_runtime::funcdata::lookup(code).map(|(t, f)| t.name(f).to_string())
        })
        .collect();
    SEEN.lock().unwrap().push(Seen { value: v, fp: gfp, bits, closure_code });
}

const HOOK_PROG: &str = r#"package main

func show(i int) {
	println(i)
}

func g(a, b bool) {
	defer show(10)
	if a {
		defer show(11)
	}
	if b {
		defer show(12)
	}
	println(1)
	panic("boom")
}

func main() {
	defer func() {
		recover()
	}()
	g(false, true)
}
"#;

fn temp_go(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gojit-dump-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn dumped_defer_offsets_are_what_the_runtime_uses_during_a_panic() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let go = temp_go("hook.go", HOOK_PROG);
    let opts = CompileOptions { keep_clif: false, extra_symbols: vec![("gort_printint", hook_printint as *const u8)] };
    let c = dump::compile_path(go.to_str().unwrap(), opts).expect("compile");
    let text = dump::render(&c, &DumpOptions { no_addr: true, ..Default::default() }).expect("render");
    let (bits_off, closure_offs) = open_coded_info(&text, "main.g").expect("main.g has OpenCodedDeferInfo");
    assert_eq!(closure_offs.len(), 3, "{text}");
    assert!(text.contains("defers=open(3)"));
    BITS_OFF.store(bits_off, Ordering::SeqCst);
    *CLOSURE_OFFS.lock().unwrap() = closure_offs;
    SEEN.lock().unwrap().clear();
    let status = c.program.run_main();
    assert_eq!(status, 0);
    let seen = SEEN.lock().unwrap().clone();
    let values: Vec<i64> = seen.iter().map(|s| s.value).collect();
    assert_eq!(values, vec![1, 12, 10], "println order: body, then defers high to low: {seen:?}");
    let frame = seen[0].fp;
    assert_ne!(frame, 0, "hook found main.g's frame");
    assert!(seen.iter().all(|s| s.fp == frame), "same frame throughout: {seen:?}");
    // Before the panic: bits 0 and 2 set (b only), their slots hold the defer wrappers.
    assert_eq!(seen[0].bits, 0b101, "{seen:?}");
    let wrap = |s: &Seen, i: usize| s.closure_code[i].clone().unwrap_or_default();
    assert!(wrap(&seen[0], 0).starts_with("main.g."), "{seen:?}");
    assert!(wrap(&seen[0], 2).starts_with("main.g."), "{seen:?}");
    assert_ne!(wrap(&seen[0], 0), wrap(&seen[0], 2));
    // While the runtime runs defer 2 for the panic it has already cleared bit 2 at the dumped
    // address; then bit 0.
    assert_eq!(seen[1].bits, 0b001, "{seen:?}");
    assert_eq!(seen[2].bits, 0b000, "{seen:?}");
}

#[test]
fn trace_panics_narration_agrees_with_dump() {
    let go = temp_go("trace.go", HOOK_PROG);
    let (s, text, err) = dump_cli(&go, &["--no-addr", "--func", "main.g"]);
    assert_eq!(s, 0, "{err}");
    let (bits_off, offs) = open_coded_info(&text, "main.g").expect("info");
    assert!(bits_off < 0 && offs.iter().all(|&o| o < 0 && o != bits_off));
    let out = gojit().args(["run", "--trace-panics"]).arg(&go).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let frame_lines: Vec<&str> = err.lines().filter(|l| l.contains("frame main.g+") && l.contains("running defer")).collect();
    assert_eq!(frame_lines.len(), 2, "two defers run in main.g:\n{err}");
    assert!(frame_lines[0].contains("deferBits 0b00000101 -> 0b00000001, running defer 2"), "{err}");
    assert!(frame_lines[1].contains("deferBits 0b00000001 -> 0b00000000, running defer 0"), "{err}");
    // The resume happens in main.main at the handler the dump lists for it.
    let (_, main_text, _) = dump_cli(&go, &["--no-addr", "--func", "main.main"]);
    let resume = err.lines().find(|l| l.contains("resume main.main at handler +")).expect("resume line");
    let handler = resume.split("handler +").nth(1).unwrap().split_whitespace().next().unwrap();
    let handler = u32::from_str_radix(handler.trim_start_matches("0x"), 16).unwrap();
    assert!(main_text.contains(&format!("handler={handler:#06x}")), "resume at {handler:#x}:\n{main_text}");
}

#[test]
fn perf_map_lists_every_function_with_table_ranges() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let go = root().join("tests/dump/open_coded.go");
    let c = dump::compile_path(go.to_str().unwrap(), CompileOptions::default()).expect("compile");
    let map = dump::perfmap::map_text(&c.program);
    let mut entries: Vec<(usize, usize, String)> = map
        .lines()
        .map(|l| {
            let mut it = l.splitn(3, ' ');
            let start = usize::from_str_radix(it.next().unwrap(), 16).unwrap();
            let size = usize::from_str_radix(it.next().unwrap(), 16).unwrap();
            (start, size, it.next().unwrap().to_string())
        })
        .collect();
    let mut expected: Vec<(usize, usize, String)> =
        c.program.functions().map(|(f, addr)| (addr, f.size as usize, f.meta.go_name.clone())).collect();
    entries.sort();
    expected.sort();
    assert_eq!(entries, expected);
    for w in entries.windows(2) {
        assert!(w[0].0 + w[0].1 <= w[1].0, "ranges overlap: {w:?}");
    }
    for name in ["main.f", "main.main", "gojit.entry", "gojit.defercall", "gojit.methodcall"] {
        assert!(entries.iter().any(|e| e.2 == name), "{name} missing from the map");
    }
}

#[test]
fn run_perf_map_writes_tmp_perf_pid_map() {
    let go = root().join("tests/dump/open_coded.go");
    // PERF_BUILDID_DIR is what `perf record` sets: cranelift-jit then writes its own entries.
    let child = gojit()
        .args(["run", "--perf-map"])
        .arg(&go)
        .env("PERF_BUILDID_DIR", std::env::temp_dir())
        .stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).spawn().unwrap();
    let pid = child.id();
    let status = child.wait_with_output().unwrap().status;
    assert_eq!(status.code(), Some(0));
    let path = format!("/tmp/perf-{pid}.map");
    let map = std::fs::read_to_string(&path).expect("perf map written");
    let _ = std::fs::remove_file(&path);
    // Same functions and sizes as the dump (sizes do not depend on addresses).
    let (_, text, _) = dump_cli(&go, &["--no-addr"]);
    let mut from_dump: Vec<(String, usize)> = text
        .lines()
        .filter_map(|l| {
            let name = l.strip_prefix("TEXT ")?.split("(SB)").next()?.to_string();
            let size = l.split("size=0x").nth(1)?.split_whitespace().next()?;
            Some((name, usize::from_str_radix(size, 16).ok()?))
        })
        .collect();
    let mut from_map: Vec<(String, usize)> = map
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.splitn(3, ' ').collect();
            assert!(usize::from_str_radix(f[0], 16).unwrap() > 0x10000, "start is an address: {l}");
            (f[2].to_string(), usize::from_str_radix(f[1], 16).unwrap())
        })
        .collect();
    from_dump.sort();
    from_map.sort();
    assert_eq!(from_map, from_dump, "one line per function, Go names");
}

static BACKTRACE: Mutex<Option<(String, Vec<usize>)>> = Mutex::new(None);
static BT_TAKEN: AtomicBool = AtomicBool::new(false);

unsafe extern "C" {
    fn _Unwind_Backtrace(cb: extern "C" fn(*mut std::ffi::c_void, *mut std::ffi::c_void) -> i32, arg: *mut std::ffi::c_void) -> i32;
    fn _Unwind_GetIP(ctx: *mut std::ffi::c_void) -> usize;
}

extern "C" fn collect_ip(ctx: *mut std::ffi::c_void, arg: *mut std::ffi::c_void) -> i32 {
    // SAFETY: arg is the &mut Vec<usize> passed below; ctx is libgcc's unwind context.
    unsafe { (*(arg as *mut Vec<usize>)).push(_Unwind_GetIP(ctx)) };
    0
}

/// Replaces `gort_printint`: takes a native backtrace (std's, and libgcc's raw ips).
extern "C" fn hook_backtrace(_v: i64) {
    if BT_TAKEN.swap(true, Ordering::SeqCst) {
        return;
    }
    let bt = std::backtrace::Backtrace::force_capture().to_string();
    let mut ips: Vec<usize> = Vec::new();
    // SAFETY: the callback only pushes into `ips`.
    unsafe { _Unwind_Backtrace(collect_ip, &mut ips as *mut Vec<usize> as *mut std::ffi::c_void) };
    *BACKTRACE.lock().unwrap() = Some((bt, ips));
}

#[inline(never)]
fn run_backtrace_program() -> i32 {
    let go = temp_go("bt.go", "package main\n\n//go:noinline\nfunc inner(n int) {\n\tprintln(n)\n}\n\n//go:noinline\nfunc outer() {\n\tdefer inner(2)\n\tinner(1)\n}\n\nfunc main() {\n\touter()\n}\n");
    let opts = CompileOptions { keep_clif: false, extra_symbols: vec![("gort_printint", hook_backtrace as *const u8)] };
    let c = dump::compile_path(go.to_str().unwrap(), opts).expect("compile");
    c.program.run_main()
}

#[test]
fn native_backtrace_from_the_runtime_crosses_jit_frames() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    assert_eq!(run_backtrace_program(), 0);
    let (bt, ips) = BACKTRACE.lock().unwrap().take().expect("hook ran");
    let names: Vec<Option<String>> =
        ips.iter().map(|&ip| gojit_runtime::funcdata::lookup(ip.saturating_sub(1)).map(|(t, f)| t.name(f).to_string())).collect();
    let jit: Vec<&str> = names.iter().flatten().map(|s| s.as_str()).collect();
    assert_eq!(jit, ["main.inner", "main.outer", "main.main", "gojit.entry"], "JIT frames in order; ips {ips:x?}");
    let last_jit = names.iter().rposition(|n| n.is_some()).unwrap();
    assert!(last_jit + 1 < ips.len(), "libgcc's unwinder continues past the entry trampoline");
    // main runs as goroutine 1 on its own stack, started by the scheduler: the native backtrace
    // ends at the goroutine's start function (like gc's goexit), not in the Rust caller of run_main.
    assert!(bt.contains("goroutine_main"), "std's backtrace reaches the goroutine's Rust start frame beyond the JIT frames:\n{bt}");
}

/// Dumps every `.go` of `tests/<dir>/` (see the module docs for the pass/fail rule).
fn sweep(dir: &str) {
    let dir_path = root().join("tests").join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir_path)
        .unwrap_or_else(|e| panic!("tests/{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "tests/{dir} has no programs");
    let (mut ok, mut not_compiling, mut failures) = (0, Vec::new(), Vec::new());
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let (status, out, err) = dump_cli(f, &["--no-addr"]);
        match status {
            0 if out.contains("TEXT main.main(SB)") && out.contains("TEXT gojit.entry(SB)") => ok += 1,
            0 => failures.push(format!("{name}: exit 0 but incomplete dump ({} bytes)", out.len())),
            1 => not_compiling.push(format!("{name}: {}", err.lines().last().unwrap_or(""))),
            s => failures.push(format!("{name}: exit {s}: {}", err.lines().take(3).collect::<Vec<_>>().join(" | "))),
        }
    }
    println!("dump tests/{dir}: {ok}/{} programs dumped", files.len());
    if !not_compiling.is_empty() {
        println!("{} do not compile yet (not dump's failures):", not_compiling.len());
        for n in &not_compiling {
            println!("  {n}");
        }
    }
    assert!(failures.is_empty(), "dump failed:\n{}", failures.join("\n"));
}

#[test]
fn dump_succeeds_on_every_conformance_program_that_compiles() {
    sweep("conformance");
}

#[test]
fn dump_succeeds_on_every_run_and_defer_program_that_compiles() {
    sweep("run");
    sweep("defer");
}

/// Inlined calls (`lower/inline.rs`): the dump marks their instructions with the inlined frames
/// (innermost first), a panic in them prints gc's inlined frames (`main.at(...)`, no pc offset)
/// above the caller, and `GOJIT_NO_INLINE=1` (gc's `-l`) keeps every call a frame of its own.
#[test]
fn inlined_calls_are_marked_and_traced_as_gc_frames() {
    let go = root().join("tests/defer/inline_traceback.go");
    let (s, out, err) = dump_cli(&go, &["--no-addr", "--func", "main"]);
    assert_eq!(s, 0, "{err}");
    assert!(out.contains("; inlined main.at < main.mid < main.checked"), "{out}");
    let run = gojit().arg("run").arg(&go).output().expect("run gojit");
    let stderr = String::from_utf8_lossy(&run.stderr);
    let frames: Vec<&str> = stderr.lines().filter(|l| l.starts_with("main.")).collect();
    assert_eq!(frames, ["main.at(...)", "main.mid(...)", "main.checked(...)", "main.main()"], "{stderr}");
    let locs: Vec<&str> = stderr.lines().filter(|l| l.starts_with('\t')).map(|l| l.rsplit('/').next().unwrap()).collect();
    assert_eq!(locs.len(), 4, "{stderr}");
    assert_eq!(&locs[..3], ["inline_traceback.go:14", "inline_traceback.go:18", "inline_traceback.go:26"], "inlined frames have no pc offset");
    assert!(locs[3].starts_with("inline_traceback.go:49 +0x"), "{stderr}");
    let run = gojit().env("GOJIT_NO_INLINE", "1").arg("run").arg(&go).output().expect("run gojit");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("main.at({") && !stderr.contains("(...)"), "{stderr}");
}

/// Bounds-check elimination (`lower/prove.rs`): `for j := i + 1; j < len(s); j++` inside
/// `for i := range s` needs no check on `s[i]` or `s[j]` (nbody's loop); from `i - 1` the inner
/// index may be negative and keeps its check.
#[test]
fn inner_loop_from_an_outer_index_has_no_bounds_check() {
    let go = temp_go(
        "bce.go",
        "package main\n\nfunc pairs(bs []int) (t int) {\n\tfor i := range bs {\n\t\tfor j := i + 1; j < len(bs); j++ {\n\t\t\tt += bs[i] * bs[j]\n\t\t}\n\t}\n\treturn\n}\n\nfunc shifted(bs []int) (t int) {\n\tfor i := range bs {\n\t\tfor j := i - 1; j < len(bs); j++ {\n\t\t\tt += bs[j]\n\t\t}\n\t}\n\treturn\n}\n\nfunc main() {\n\tprintln(pairs([]int{1, 2, 3}), shifted(nil))\n}\n",
    );
    let (s, out, err) = dump_cli(&go, &["--no-addr", "--func", "pairs"]);
    assert_eq!(s, 0, "{err}");
    assert!(!out.contains("gort_panic_index"), "{out}");
    let (s, out, err) = dump_cli(&go, &["--no-addr", "--func", "shifted"]);
    assert_eq!(s, 0, "{err}");
    assert!(out.contains("gort_panic_index"), "{out}");
}
