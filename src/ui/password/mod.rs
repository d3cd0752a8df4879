//! The password-strength meter.

pub mod advice;
pub mod engine;
pub mod feedback;
pub mod meter;
pub mod section;
