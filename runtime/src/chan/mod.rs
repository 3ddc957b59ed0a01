//! Channels (`chan`, after gc's chan.go) and `select` (`select`, after gc's select.go).
#[allow(clippy::module_inception)]
pub mod chan;
pub mod select;
