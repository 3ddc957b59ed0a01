//! The Go heap's building blocks, after gc's `runtime/malloc.go` family (one concept per file).
//!
//! This layer holds what the collector (issue #12) is built on: `sizeclasses`, gc's size classes
//! (used by `slice`'s growth rounding), `mheap`, the span heap (pages, spans, page map, alloc and
//! mark bits, sweep, scavenging), `sys`, address space from the OS, and `data`, the low
//! data segment package variables live in. Pointer bitmaps of types are `crate::abi::gcdata`.
//! Allocation itself is still `crate::alloc` (bump chunks, never freed); see ARCHITECTURE.md
//! "Memory" for what is in place and what the collector still needs.
pub mod data;
pub mod mheap;
pub mod sizeclasses;
pub mod sys;
