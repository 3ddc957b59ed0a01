//! The scheduler: goroutines (`proc`, after gc's proc.go), their stacks (`stack`) and the
//! preemption of long-running ones (`preempt`, gc's sysmon).
pub mod preempt;
pub mod proc;
pub mod stack;
