//! The `gojit` command line: `run`, `check` and `dump` (see README.md).
//!
//! Everything of substance lives in the library (`gojit::driver`); this file only parses arguments,
//! renders diagnostics and maps outcomes to exit statuses: 0 success, 1 compile errors or bad usage
//! of the input file, the Go program's own status otherwise (2 for an unrecovered panic).

use clap::{Parser, Subcommand};
use gojit::driver::{self, RunOptions};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "gojit", version, about = "A Cranelift JIT for Go programs")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Compile a Go program to native code in memory and run it.
    Run {
        /// Print phase timings (parse, check, lower, codegen, run) to stderr.
        #[arg(long)]
        time: bool,
        /// Narrate the panic machinery on stderr.
        #[arg(long)]
        trace_panics: bool,
        /// Write /tmp/perf-<pid>.map so `perf report` names JIT functions.
        #[arg(long)]
        perf_map: bool,
        /// The Go source file.
        file: String,
        /// Arguments passed to the program (os.Args[1:]).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Print each function's machine code with source lines, call sites, handlers and defer info.
    Dump {
        /// Only this function (`main.f` or `f`).
        #[arg(long = "func")]
        func: Option<String>,
        /// Also print the Cranelift IR.
        #[arg(long)]
        clif: bool,
        /// Replace absolute addresses (deterministic output).
        #[arg(long)]
        no_addr: bool,
        /// The Go source file.
        file: String,
    },
    /// Parse and type-check only; report errors like gc.
    Check {
        file: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.cmd {
        Cmd::Run { time, trace_panics, perf_map, file, args } => {
            let opts = RunOptions { time, trace_panics, perf_map, args };
            driver::run_file(&file, &opts)
        }
        Cmd::Check { file } => driver::check_file(&file),
        Cmd::Dump { func, clif, no_addr, file } => {
            gojit::dump::dump_file(&file, &gojit::dump::DumpOptions { func, clif, no_addr })
        }
    };
    ExitCode::from(status as u8)
}
