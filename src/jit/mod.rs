//! (placeholder: owned by the jit work; replaced by its real contents)
