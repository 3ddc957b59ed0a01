//! (placeholder: owned by the lower work; replaced by its real contents)
