//! The operating-system side of GOROOT's `syscall`, `os`, `internal/poll` and `internal/syscall/unix`:
//! the bodies gc supplies in assembly or links into its runtime (`src/lower/hooks.rs` rows).
//! `syscall` raw system calls (`syscall`), the process's arguments and environment (`args`), and
//! blocking I/O readiness in place of gc's netpoller (`poll`).

pub mod args;
pub mod poll;
pub mod syscall;
