//! The Go heap's building blocks, after gc's `runtime/malloc.go` family (one concept per file).
//!
//! This layer holds what the collector (issue #12) is built on and what is already used:
//! - `sizeclasses`: gc's size classes (used by `slice`'s growth rounding);
//! - `mbitmap`: the pointer bitmaps of type descriptors (`PtrBytes`/`GCData`, gc's meanings),
//!   filled for every descriptor the compiler and the runtime build.
//!
//! Allocation itself is still `crate::alloc` (bump chunks, never freed); see ARCHITECTURE.md
//! "Memory" for what is in place and what the collector still needs.
pub mod mbitmap;
pub mod sizeclasses;
