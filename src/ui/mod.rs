//! The Yew components. They render state and forward events; verdicts and scores come from
//! the core, words from `i18n`, and everything page-wide from the embed through props.

pub mod app;
pub mod exposure;
pub mod message;
pub mod password;
pub mod privacy;
pub mod shared;
