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
        /// The program: one or more `.go` files of one package, a directory (`.`), or a
        /// package path of the main module. Everything after it is passed to the program
        /// untouched (os.Args[1:]), as `go run prog.go ARGS...` does; gojit's own flags come
        /// before it.
        #[arg(required = true)]
        package: Vec<String>,
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
        /// The program (files, a directory, or a package path, as for `run`).
        #[arg(required = true)]
        package: Vec<String>,
    },
    /// Parse and type-check only; report errors like gc.
    Check {
        /// The package (files, a directory, or a package path).
        #[arg(required = true)]
        package: Vec<String>,
    },
}

/// Splits `gojit run [FLAGS] prog.go ARGS...` into what clap parses (up to and including the
/// program file) and the program's own arguments, which are passed on verbatim (a `--time` or `--`
/// after the file belongs to the program, exactly as with `go run`). Other subcommands are
/// parsed whole.
fn split_program_args(argv: Vec<String>) -> (Vec<String>, Vec<String>) {
    if argv.get(1).map(String::as_str) != Some("run") {
        return (argv, vec![]);
    }
    let mut i = 2;
    while i < argv.len() {
        let a = argv[i].as_str();
        if a == "--" {
            i += 1; // `gojit run -- -odd-name.go args`: the file follows the separator
            break;
        }
        if !(a.starts_with('-') && a.len() > 1) {
            break;
        }
        i += 1;
    }
    // `go run a.go b.go ARGS`: every leading `.go` argument names the program
    let mut end = (i + 1).min(argv.len());
    if argv.get(i).is_some_and(|a| a.ends_with(".go")) {
        while end < argv.len() && argv[end].ends_with(".go") {
            end += 1;
        }
    }
    let rest = argv[end..].to_vec();
    let mut head = argv;
    head.truncate(end);
    (head, rest)
}

fn main() -> ExitCode {
    // gc's checkfds, before anything opens a file: closed standard descriptors get /dev/null, so
    // no source file lands on descriptor 1 and a program's writes behave as under gc.
    gojit_runtime::output::check_std_fds();
    let argv: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let (gojit_argv, program_args) = split_program_args(argv);
    let cli = Cli::parse_from(gojit_argv);
    let status = match cli.cmd {
        Cmd::Run { time, trace_panics, perf_map, package } => {
            let opts = RunOptions { time, trace_panics, perf_map, args: program_args };
            driver::run_args(&package, &opts)
        }
        Cmd::Check { package } => driver::check_args(&package),
        Cmd::Dump { func, clif, no_addr, package } => {
            gojit::dump::dump_args(&package, &gojit::dump::DumpOptions { func, clif, no_addr })
        }
    };
    ExitCode::from(status as u8)
}

#[cfg(test)]
mod tests {
    use super::split_program_args;

    fn split(args: &[&str]) -> (Vec<String>, Vec<String>) {
        split_program_args(args.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn everything_after_the_program_goes_to_it() {
        let (head, rest) = split(&["gojit", "run", "--time", "p.go", "--time", "x", "--", "-v"]);
        assert_eq!(head, ["gojit", "run", "--time", "p.go"]);
        assert_eq!(rest, ["--time", "x", "--", "-v"]);
    }

    #[test]
    fn every_leading_go_file_is_the_programs() {
        let (head, rest) = split(&["gojit", "run", "a.go", "b.go", "x.go.txt", "c.go"]);
        assert_eq!(head, ["gojit", "run", "a.go", "b.go"]);
        assert_eq!(rest, ["x.go.txt", "c.go"]);
    }

    #[test]
    fn a_separator_before_the_program_is_gojits() {
        let (head, rest) = split(&["gojit", "run", "--", "-p.go", "a"]);
        assert_eq!(head, ["gojit", "run", "--", "-p.go"]);
        assert_eq!(rest, ["a"]);
    }

    #[test]
    fn other_subcommands_are_parsed_whole() {
        let (head, rest) = split(&["gojit", "dump", "--func", "f", "p.go"]);
        assert_eq!(head.len(), 5);
        assert!(rest.is_empty());
    }
}
