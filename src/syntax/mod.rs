//! (placeholder: owned by the syntax work; replaced by its real contents)
