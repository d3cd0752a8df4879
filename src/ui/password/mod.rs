//! The password-strength meter.

pub mod section;
