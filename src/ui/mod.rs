//! The Yew components. They render state and forward events; verdicts and scores come from
//! the core.

pub mod app;
pub mod dictionaries;
pub mod exposure;
pub mod password;
