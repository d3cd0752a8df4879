//! # breach-check
//!
//! An embeddable, offline widget that answers a French health-insurance member's question
//! after the January–February 2024 breaches of the tiers-payant operators Viamedis and
//! Almerys: *was I in it, and what leaked?* It also rates passwords against French habits
//! and the leaked data.
//!
//! ## Overview
//!
//! The crate is one pure core and a thin browser shell:
//!
//! - [`pack`]: the data pack (incidents, operators, insurers, sources), validated once.
//! - [`exposure`]: `assess(input, today)`, a verdict with typed reasons.
//! - [`password`]: a zxcvbn-style strength estimator that knows French and the leak.
//! - [`explain`]: the engine's codes in plain French and English.
//! - [`i18n`]: typed messages, one exhaustive `match` per language.
//! - [`date`]: calendar dates without a clock.
//! - [`text`]: folding for accent- and case-insensitive search.
//! - `ui` (browser only): Yew components that render state and forward events.
//! - `embed` (browser only): the `<breach-check>` custom element's Rust side: attributes,
//!   Shadow DOM, mount/update/destroy.
//!
//! The core uses no web API, clock or I/O; everything it needs comes in as arguments, so it
//! is tested natively with `cargo test` and runs unchanged in WebAssembly.
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

pub mod date;
pub mod explain;
pub mod exposure;
pub mod i18n;
pub mod message;
pub mod pack;
pub mod password;
pub mod text;

// The benchmark build leaves the UI and the embed out, so its module is the meter alone.
#[cfg(all(target_arch = "wasm32", not(feature = "bench")))]
pub mod embed;
#[cfg(all(target_arch = "wasm32", not(feature = "bench")))]
mod ui;

/// Benchmark-only exports (`make bench`); never part of the shipped bundle.
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench;
