//! `campaign`: a seeded differential campaign over generated defer/panic/recover programs.
//!
//! `campaign --seed S -n N [--gojit PATH|none] [--save-dir D] [--oracle go|model|both]` generates N
//! programs from seed S (`gojit::fuzzgen::case_from_seed`), runs each under gojit (a subprocess with
//! a timeout) and compares with the oracle: real Go (`go` on PATH; programs are built 50 to a
//! binary, each run in its own process) or the reference model. `both` uses Go as the oracle and
//! also checks the model against Go. Differing programs are saved with both outcomes for
//! reproduction. Prints progress, generator statistics and `agreement: A/N`; exits 1 on any
//! disagreement (gojit vs oracle, or model vs Go), 2 on bad usage or an infrastructure failure.
//!
//! Invariant: nothing is excluded silently: programs the generator rejects (over the step budget,
//! Go-version dependent) are counted and printed.

use clap::{Parser, ValueEnum};
use gojit::fuzzgen::{self, Case, Outcome, Stats, emit, oracle};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum OracleKind {
    /// Real Go (must be on PATH).
    Go,
    /// The reference model.
    Model,
    /// Real Go, and also check the model against Go.
    Both,
}

#[derive(Parser)]
#[command(name = "campaign", about = "Differential defer/panic/recover campaign: gojit vs Go / the model")]
struct Args {
    /// Campaign seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Number of programs.
    #[arg(short = 'n', default_value_t = 100)]
    n: u64,
    /// The gojit binary (`none` to only check the model against Go). Default: `gojit` next to this
    /// executable when present.
    #[arg(long)]
    gojit: Option<String>,
    /// Where to save programs whose outcomes differ.
    #[arg(long)]
    save_dir: Option<PathBuf>,
    /// The oracle. Default: `go` when `go` is on PATH, else `model`.
    #[arg(long, value_enum)]
    oracle: Option<OracleKind>,
    /// Per-run timeout in seconds.
    #[arg(long, default_value_t = 10.0)]
    timeout: f64,
    /// Programs per Go binary.
    #[arg(long, default_value_t = 50)]
    batch: usize,
    /// Print every disagreement in full.
    #[arg(long)]
    verbose: bool,
    /// Generate larger programs (`generate::Config::large`).
    #[arg(long)]
    large: bool,
    /// Do not generate deferred method values (`mv := T{..}.rec; defer mv(..)`).
    #[arg(long)]
    no_method_values: bool,
    /// Only print program INDEX of the seed (Go source, then the model's expected outcome).
    #[arg(long, value_name = "INDEX")]
    show: Option<u64>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("campaign: {e}");
            ExitCode::from(2)
        }
    }
}

fn gojit_path(arg: &Option<String>) -> Result<Option<PathBuf>, String> {
    match arg.as_deref() {
        Some("none") => Ok(None),
        Some(p) => {
            let p = PathBuf::from(p);
            if p.exists() { Ok(Some(p)) } else { Err(format!("no gojit at {}", p.display())) }
        }
        None => {
            let exe = std::env::current_exe().map_err(|e| e.to_string())?;
            let cand = exe.with_file_name("gojit");
            Ok(cand.exists().then_some(cand))
        }
    }
}

/// Counters of one campaign.
#[derive(Default)]
struct Tally {
    done: u64,
    gojit_agree: u64,
    gojit_runs: u64,
    model_agree: u64,
    model_checked: u64,
    saved: u64,
    /// Programs on which Go's own runtime failed: a fatal error, a hang, or outcomes that differ
    /// from run to run. They are compared with the model only, and saved as `oracle-failed-*`.
    oracle_failed: u64,
}

fn run(args: &Args) -> Result<bool, String> {
    if let Some(i) = args.show {
        let c = fuzzgen::case_from_seed_with(args.seed, i, config(args));
        print!("{}", emit::standalone(&c.prog));
        println!("// ---- model: exit {}\n// stdout:\n{}// stderr:\n{}", c.expect.exit, c.expect.stdout, c.expect.panics.join("\n"));
        println!("// events: {:?}", c.events);
        return Ok(true);
    }
    let gojit = gojit_path(&args.gojit)?;
    let have_go = oracle::go_available();
    let kind = match args.oracle {
        Some(OracleKind::Go | OracleKind::Both) if !have_go => return Err("the go oracle needs `go` on PATH".into()),
        Some(k) => k,
        None if have_go => OracleKind::Go,
        None => OracleKind::Model,
    };
    let use_go = kind != OracleKind::Model;
    let check_model = kind == OracleKind::Both || (use_go && gojit.is_none());
    println!(
        "campaign: seed {} n {} oracle {:?}{} gojit {}",
        args.seed,
        args.n,
        kind,
        if check_model { " (model checked against go)" } else { "" },
        gojit.as_ref().map_or("none".into(), |p| p.display().to_string())
    );
    if gojit.is_none() && !use_go {
        return Err("nothing to compare: give --gojit or use the go oracle".into());
    }
    let timeout = Duration::from_secs_f64(args.timeout);
    let scratch = oracle::scratch_dir("campaign");
    let mut stats = Stats::default();
    let mut t = Tally::default();
    let started = Instant::now();
    let mut index = 0u64;
    while index < args.n {
        let chunk = (args.n - index).min(args.batch.max(1) as u64);
        let cases: Vec<Case> = (index..index + chunk).map(|i| fuzzgen::case_from_seed_with(args.seed, i, config(args))).collect();
        cases.iter().for_each(|c| stats.add(c));
        let go = if use_go {
            let progs: Vec<_> = cases.iter().map(|c| c.prog.clone()).collect();
            Some(oracle::run_go_batch(&progs, &scratch.join("go"), timeout)?)
        } else {
            None
        };
        for (k, case) in cases.iter().enumerate() {
            let i = index + k as u64;
            let mut go_out = go.as_ref().map(|g| g[k].outcome());
            if let (Some(g), Some(obs)) = (&go_out, go.as_ref().map(|g| &g[k])) {
                if !oracle::diff(g, &case.expect).is_empty() && go_failed(&case.prog, obs, &scratch.join("go-rerun"), timeout)? {
                    t.oracle_failed += 1;
                    println!("ORACLE-FAILED seed {} index {i}: Go's runtime threw, hung or was not repeatable", args.seed);
                    if let Some(dir) = &args.save_dir {
                        let dir = dir.join(format!("oracle-failed-{}-{i}", args.seed));
                        save(&dir, case, g, &case.expect, "Go's own runtime failed on this program (fatal error, hang, or differing runs)\n")
                            .map_err(|e| format!("cannot save to {}: {e}", dir.display()))?;
                    }
                    go_out = None;
                }
            }
            if check_model && go_out.is_some() {
                let g = go_out.as_ref().expect("go outcome");
                t.model_checked += 1;
                let d = oracle::diff(g, &case.expect);
                if d.is_empty() {
                    t.model_agree += 1;
                } else {
                    report(args, &mut t, i, "model", case, g, &case.expect, &d)?;
                }
            }
            if let Some(gj) = &gojit {
                let want = go_out.as_ref().unwrap_or(&case.expect);
                let got = oracle::run_gojit(gj, &case.prog, &scratch.join("gojit"), timeout)?;
                t.gojit_runs += 1;
                let d = if got.timed_out { format!("timed out after {:?}\n", timeout) } else { oracle::diff(want, &got.outcome()) };
                if d.is_empty() {
                    t.gojit_agree += 1;
                } else {
                    let mut got_o = got.outcome();
                    if got_o.panics.is_empty() && got.exit != 0 {
                        // Keep the head of a non-panic error (e.g. a compile error) visible.
                        got_o.panics = got.stderr.lines().take(5).map(str::to_string).collect();
                    }
                    report(args, &mut t, i, "gojit", case, want, &got_o, &d)?;
                }
            }
        }
        index += chunk;
        t.done = index;
        progress(&t, started);
    }
    let _ = std::fs::remove_dir_all(&scratch);
    println!("{stats}");
    if !stats.meets_targets() {
        println!("note: some generator shares are under 10% in this run");
    }
    if t.oracle_failed > 0 {
        println!("oracle failed (Go's runtime threw, hung or was not repeatable; checked against the model only): {}", t.oracle_failed);
    }
    let mut ok = true;
    if check_model {
        println!("model-vs-go agreement: {}/{}", t.model_agree, t.model_checked);
        ok &= t.model_agree == t.model_checked;
    }
    if gojit.is_some() {
        println!("agreement: {}/{}", t.gojit_agree, t.gojit_runs);
        ok &= t.gojit_agree == t.gojit_runs;
    } else {
        println!("agreement: {}/{} (model vs go; no gojit)", t.model_agree, t.model_checked);
    }
    if t.saved > 0 {
        println!("saved {} differing programs under {}", t.saved, args.save_dir.as_ref().map_or(String::new(), |d| d.display().to_string()));
    }
    Ok(ok)
}

fn config(args: &Args) -> fuzzgen::generate::Config {
    let base = if args.large { fuzzgen::generate::Config::large() } else { Default::default() };
    fuzzgen::generate::Config { method_values: !args.no_method_values, ..base }
}

fn progress(t: &Tally, started: Instant) {
    let mut line = format!("[{:>6}] {:>6.1}s", t.done, started.elapsed().as_secs_f64());
    if t.gojit_runs > 0 {
        line += &format!("  gojit {}/{}", t.gojit_agree, t.gojit_runs);
    }
    if t.model_checked > 0 {
        line += &format!("  model {}/{}", t.model_agree, t.model_checked);
    }
    println!("{line}");
}

/// Whether Go's own runtime failed on `prog` (observed as `first`): a runtime fatal error, a
/// timeout, or an outcome that changes when the program is built and run again (gc's defects on
/// some nested panics are timing-dependent; see fuzz/regressions/gc_bad_panic_stack).
fn go_failed(prog: &fuzzgen::tree::Program, first: &oracle::Observed, dir: &Path, timeout: Duration) -> Result<bool, String> {
    let threw = |o: &oracle::Observed| o.timed_out || o.stderr.contains("fatal error:");
    if threw(first) {
        return Ok(true);
    }
    for attempt in 0..3 {
        // The last attempt runs on one P: gc's nested-panic defects then tend to throw or hang
        // (`fatal error: bad recovery`) where several Ps print a truncated chain.
        let one_p = attempt == 2;
        if one_p {
            // SAFETY: the campaign is single-threaded; the variable only reaches the Go child.
            unsafe { std::env::set_var("GOMAXPROCS", "1") };
        }
        let again = oracle::run_go_batch(std::slice::from_ref(prog), dir, timeout);
        if one_p {
            // SAFETY: as above.
            unsafe { std::env::remove_var("GOMAXPROCS") };
        }
        let again = again?.remove(0);
        if threw(&again) || !oracle::diff(&again.outcome(), &first.outcome()).is_empty() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Prints a disagreement and saves it under `--save-dir` when given.
#[allow(clippy::too_many_arguments)]
fn report(args: &Args, t: &mut Tally, i: u64, who: &str, case: &Case, want: &Outcome, got: &Outcome, d: &str) -> Result<(), String> {
    println!("DIFF {who} seed {} index {i}", args.seed);
    if args.verbose {
        println!("    {}", d.trim_end().replace('\n', "\n    "));
    }
    let Some(dir) = &args.save_dir else { return Ok(()) };
    let dir = dir.join(format!("{who}-{}-{i}", args.seed));
    save(&dir, case, want, got, d).map_err(|e| format!("cannot save to {}: {e}", dir.display()))?;
    t.saved += 1;
    Ok(())
}

fn save(dir: &Path, case: &Case, want: &Outcome, got: &Outcome, d: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("prog.go"), emit::standalone(&case.prog))?;
    for (tag, o) in [("want", want), ("got", got)] {
        std::fs::write(dir.join(format!("{tag}.out")), &o.stdout)?;
        std::fs::write(dir.join(format!("{tag}.err")), o.panics.join("\n") + "\n")?;
        std::fs::write(dir.join(format!("{tag}.code")), format!("{}\n", o.exit))?;
    }
    std::fs::write(dir.join("diff.txt"), d)?;
    std::fs::write(dir.join("tree.txt"), format!("{:#?}\n", case.prog))?;
    Ok(())
}
