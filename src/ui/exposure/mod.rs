//! The exposure check: insurer, operator, contract dates, verdict.

pub mod combobox;
pub mod section;
pub mod timeline;
pub mod verdict;
