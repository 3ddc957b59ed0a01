//! The scheduler: goroutines (`proc`, after gc's proc.go) and their stacks (`stack`).
pub mod proc;
pub mod stack;
