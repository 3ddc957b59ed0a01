//! (placeholder: owned by the types work; replaced by its real contents)
