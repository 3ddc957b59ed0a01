//! The Go heap's building blocks, after gc's `runtime/malloc.go` family (one concept per file).
//!
//! This layer holds what the collector (issue #12) is built on: `sizeclasses`, gc's size classes
//! (used by `slice`'s growth rounding), and `sys`, address space from the OS. Pointer bitmaps of types are `crate::abi::gcdata`.
//! Allocation itself is still `crate::alloc` (bump chunks, never freed); see ARCHITECTURE.md
//! "Memory" for what is in place and what the collector still needs.
pub mod sizeclasses;
pub mod sys;
