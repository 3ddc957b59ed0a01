//! Structured fuzzing of defer / panic / recover: a generator of Go programs (`gen`, over the tree in
//! `tree`), their Go source (`emit`), an independent reference model of Go's semantics that
//! computes the expected outcome from the tree (`model`), and the process plumbing that runs real
//! Go or gojit on them and compares (`oracle`). The `campaign` binary and the `panic_paths` fuzz
//! target are thin drivers over this module.
//!
//! Invariants: `case_from_seed(seed, i)` is a pure function of its arguments; every accepted case
//! is valid Go, terminates within the model's step budget, and does not depend on the Go version
//! (no loop-variable capture, no `panic(nil)`, no unrecovered chain with two adjacent equal values).

pub mod emit;
pub mod generate;
pub mod model;
pub mod oracle;
pub mod tree;

#[cfg(test)]
mod tests;

use arbitrary::Unstructured;
pub use model::{Events, ModelError, Outcome};
pub use tree::Program;

/// Statement-step budget of one model run: larger programs are rejected by the generator.
pub const BUDGET: u64 = 20_000;

/// Bytes fed to the generator per attempt.
const BYTES: usize = 8 << 10;

/// One generated program with its expected outcome.
#[derive(Clone, Debug)]
pub struct Case {
    pub prog: Program,
    pub expect: Outcome,
    pub events: Events,
    /// Generated programs rejected before this one (too long-running or version-dependent).
    pub rejected: Rejections,
}

/// Why generated programs were rejected (reported, never dropped silently).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rejections {
    pub budget: u32,
    pub version_sensitive: u32,
}

/// Outcome of running a tree through the model as a fuzz or campaign case.
pub enum Verdict {
    Accept(Outcome, Events),
    TooBig,
    VersionSensitive,
}

/// Runs the model and classifies the program.
pub fn judge(p: &Program) -> Verdict {
    match model::run(p, BUDGET) {
        Err(ModelError::Budget) => Verdict::TooBig,
        Ok((_, ev)) if ev.version_sensitive => Verdict::VersionSensitive,
        Ok((o, ev)) => Verdict::Accept(o, ev),
    }
}

/// The `index`-th program of campaign `seed` (deterministic; retries rejected programs).
pub fn case_from_seed(seed: u64, index: u64) -> Case {
    case_from_seed_with(seed, index, generate::Config::default())
}

/// `case_from_seed` with explicit generator settings.
pub fn case_from_seed_with(seed: u64, index: u64, cfg: generate::Config) -> Case {
    let mut rejected = Rejections::default();
    for attempt in 0u64.. {
        let bytes = seeded_bytes(seed ^ index.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ attempt.rotate_left(32));
        let mut u = Unstructured::new(&bytes);
        let prog = match generate::program(&mut u, cfg) {
            Ok(p) => p,
            Err(_) => continue,
        };
        match judge(&prog) {
            Verdict::Accept(expect, events) => return Case { prog, expect, events, rejected },
            Verdict::TooBig => rejected.budget += 1,
            Verdict::VersionSensitive => rejected.version_sensitive += 1,
        }
    }
    unreachable!("the attempt loop is unbounded")
}

/// Deterministic pseudo-random bytes (splitmix64).
fn seeded_bytes(seed: u64) -> Vec<u8> {
    let mut x = seed;
    let mut out = Vec::with_capacity(BYTES);
    while out.len() < BYTES {
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        out.extend_from_slice(&z.to_le_bytes());
    }
    out
}

/// Shares of generated programs that reached each interesting situation.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stats {
    pub programs: u64,
    pub nested: u64,
    pub aborted: u64,
    pub chained: u64,
    pub runtime_error: u64,
    pub recover_nil: u64,
    pub recovered: u64,
    pub deep: u64,
    pub unrecovered: u64,
    pub range_loop: u64,
    pub body_defer: u64,
    pub range_error: u64,
    pub rejected_budget: u64,
    pub rejected_version: u64,
}

impl Stats {
    /// Counts one accepted case.
    pub fn add(&mut self, c: &Case) {
        let e = &c.events;
        self.programs += 1;
        self.nested += e.nested as u64;
        self.aborted += e.aborted as u64;
        self.chained += e.chained as u64;
        self.runtime_error += e.runtime_error as u64;
        self.recover_nil += e.recover_nil as u64;
        self.recovered += e.recovered as u64;
        self.deep += e.deep as u64;
        self.unrecovered += e.unrecovered as u64;
        self.range_loop += e.range_loop as u64;
        self.body_defer += e.body_defer as u64;
        self.range_error += e.range_error as u64;
        self.rejected_budget += c.rejected.budget as u64;
        self.rejected_version += c.rejected.version_sensitive as u64;
    }

    /// The (name, count) pairs that must each reach 10% of programs.
    pub fn required(&self) -> [(&'static str, u64); 5] {
        [
            ("nested panics", self.nested),
            ("aborted panics", self.aborted),
            ("chained defers", self.chained),
            ("runtime errors", self.runtime_error),
            ("recover-nil cases", self.recover_nil),
        ]
    }

    /// Whether every required share is at least 10%.
    pub fn meets_targets(&self) -> bool {
        self.required().iter().all(|(_, c)| c * 10 >= self.programs)
    }
}

impl std::fmt::Display for Stats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.programs.max(1) as f64;
        let pct = |c: u64| 100.0 * c as f64 / n;
        writeln!(f, "generator statistics over {} programs:", self.programs)?;
        for (name, c) in self.required() {
            writeln!(f, "  {name:<20} {c:>6} ({:5.1}%){}", pct(c), if c * 10 >= self.programs { "" } else { "  < 10%" })?;
        }
        for (name, c) in [
            ("recovered", self.recovered),
            ("deep recursion", self.deep),
            ("unrecovered", self.unrecovered),
            ("range-over-func", self.range_loop),
            ("range body defers", self.body_defer),
            ("range misuse errors", self.range_error),
        ] {
            writeln!(f, "  {name:<20} {c:>6} ({:5.1}%)", pct(c))?;
        }
        write!(
            f,
            "  rejected: {} over the step budget, {} version-dependent (equal adjacent values in a fatal chain)",
            self.rejected_budget, self.rejected_version
        )
    }
}
