//! The exposure check: insurer, operator, contract dates, verdict.

pub mod section;
