//! # breach-check
//!
//! An embeddable, offline widget that answers a French health-insurance member's question
//! after the January–February 2024 breaches of the tiers-payant operators Viamedis and
//! Almerys: *was I in it, and what leaked?* It also rates passwords against French habits
//! and the leaked data.
//!
//! ## Example
//!
//! The core is plain Rust: the pack, today's date and the visitor's input go in, typed
//! answers come out, and the interface language only matters when they become words.
//!
//! ```
//! use breach_check::{
//!     Context, Date, Input, Lang, Localized, Msg, Pack, Score, Verdict, assess, estimate,
//! };
//!
//! // A Mutami member since 2015: Mutami used Viamedis until the end of 2023.
//! let today = Date::new(2026, 6, 1)?;
//! let pack = Pack::builtin();
//! let input = Input::new()
//!     .insurer_id(pack, "mutami")
//!     .dates(Some("2015-03-01"), None);
//! let assessment = assess(pack, &input, today);
//! assert_eq!(assessment.verdict, Some(Verdict::Exposed));
//! assert_eq!(assessment.incidents[0].incident, "viamedis-2024");
//! assert_eq!(Msg::ExposedHeading.text(Lang::En), "Exposed data");
//!
//! // The insurer's name and a year: the first thing a fraudster holding the leak would try.
//! let context = Context::new(2026).with_extra_words(&Pack::builtin().context_words());
//! let rated = estimate("Mutami2015", &context);
//! assert!(rated.score <= Score::One && rated.leaks.context_word);
//! # Ok::<(), breach_check::DateError>(())
//! ```
//!
//! ## Overview
//!
//! One pure core and a thin browser shell; each layer uses only those above it in this list.
//!
//! - [`date`], [`text`], [`i18n`]: calendar dates without a clock, folding for accent- and
//!   case-insensitive search, and the [`Localized`] texts with [`Lang`].
//! - [`pack`]: the data pack ([`Pack`]: incidents, operators, insurers, graded sources).
//! - [`exposure`]: [`assess`] turns an [`Input`] into an [`Assessment`] with a [`Verdict`]
//!   per incident and typed [`Reason`]s.
//! - [`password`]: [`estimate`], a zxcvbn-style [`Estimate`] that knows French and the leak.
//! - [`glance`]: what the first screen of an answer shows (the headline, the member card's
//!   marks, the first two steps).
//! - [`explain`]: the exposure engine's codes in plain French and English.
//! - [`config`]: the element's attributes parsed into a [`Config`], with typed
//!   [`ConfigWarning`]s.
//! - `ui` (browser only): Yew components that render state and forward events.
//! - `embed` (browser only): the `<breach-check>` element's Rust side (the wasm exports,
//!   the shadow root, the state the widgets of a page share).
//!
//! The core reaches no DOM, clock, file system or environment: everything comes in as
//! arguments, so it is tested natively with `cargo test` and runs unchanged in WebAssembly.
//! `ARCHITECTURE.md` explains the layers, the data flow and the reasons behind them.
//!
//! ## Where the data comes from
//!
//! The facts of the pack are in `src/pack/pack.toml`, each with graded sources (operators,
//! the CNIL, insurers' notices, the press), checked by `build.rs` at build time. The password
//! dictionaries are built by `tools/build-dictionaries/` from pinned registry packages. The
//! README credits every source and its licence.
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
// Nothing the widget runs prints: the embed speaks through the browser console only.
#![cfg_attr(
    not(test),
    deny(clippy::print_stdout, clippy::print_stderr, clippy::dbg_macro)
)]

// First: its macro declares enums of the modules below.
#[macro_use]
mod variants;

pub mod config;
// Used by the embed only, at compile time; a core module so that it is tested natively.
#[cfg_attr(
    not(all(target_arch = "wasm32", feature = "shell", not(feature = "bench"))),
    allow(dead_code)
)]
mod css;
pub mod date;
pub mod explain;
pub mod exposure;
pub mod glance;
pub mod i18n;
pub mod message;
pub mod pack;
pub mod password;
pub mod text;

// The benchmark build leaves the UI and the embed out, so its module is the meter alone; a
// build without the `shell` feature (the message engine's module) is the core alone.
#[cfg(all(target_arch = "wasm32", feature = "shell", not(feature = "bench")))]
pub mod embed;
#[cfg(all(target_arch = "wasm32", feature = "shell", not(feature = "bench")))]
mod ui;

/// Benchmark-only exports (`make bench`); never part of the shipped bundle.
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench;

pub use crate::config::{Attribute, Config, ConfigWarning, Sections, Theme};
pub use crate::date::{Date, DateError};
pub use crate::exposure::{
    Assessment, IncidentResult, Input, InputError, InputField, NextStep, Reason, Verdict, assess,
};
pub use crate::i18n::{Lang, Localized, Msg};
pub use crate::pack::{
    Certainty, Field, Grade, Incident, Insurer, Operator, OperatorKind, Pack, PackError, Source,
};
pub use crate::password::{
    Context, CrackTimes, Dictionaries, Estimate, Feedback, LeakFlags, Score, Suggestion, Warning,
    estimate,
};
