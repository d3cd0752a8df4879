//! The password-strength meter.

pub mod advice;
pub mod feedback;
pub mod meter;
pub mod section;
