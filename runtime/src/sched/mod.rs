//! The scheduler: goroutines (`proc`, after gc's proc.go), their stacks (`stack`), the
//! preemption of long-running ones (`preempt`, gc's sysmon), semaphores and notify lists for
//! `sync` (`sema`, gc's sema.go), timers and clocks for `time` (`time`, gc's time.go) and stopping
//! the world for the collector (`stw`) and system calls that may block (`syscall`, gc's
//! entersyscall).
pub mod lock;
pub mod preempt;
pub mod proc;
pub mod sema;
pub mod stack;
pub mod stw;
pub mod syscall;
pub mod time;

pub use stw::{start_the_world, stop_the_world};
