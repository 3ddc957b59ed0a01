//! The scheduler: goroutines (`proc`, after gc's proc.go), their stacks (`stack`) and stopping the
//! world for the collector (`stw`).
pub mod proc;
pub mod stack;
pub mod stw;

pub use stw::{start_the_world, stop_the_world};
