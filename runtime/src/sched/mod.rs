//! The scheduler: goroutines (`proc`, after gc's proc.go), their stacks (`stack`), the
//! preemption of long-running ones (`preempt`, gc's sysmon) and stopping the world for the
//! collector (`stw`), sync's semaphores and notify lists (`sema`, gc's sema.go).
pub mod preempt;
pub mod proc;
pub mod sema;
pub mod stack;
pub mod stw;

pub use stw::{start_the_world, stop_the_world};
