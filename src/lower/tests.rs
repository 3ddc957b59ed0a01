//! Unit tests of the lowering layer.
