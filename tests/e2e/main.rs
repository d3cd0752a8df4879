//! End-to-end tests: the release `dist/` served from 127.0.0.1, real host pages, Debian's
//! headless Chromium driven over CDP.
//!
//! `make test` builds `dist/` first. Each test starts its own server and browser, so tests
//! are independent. Flows added by later work go in their own file here and reuse
//! [`harness`].
#![cfg(not(target_arch = "wasm32"))]
// Test and tool code reads files, the clock and the environment; clippy.toml forbids that to
// the core only.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

mod a11y;
mod attributes;
mod browser;
mod embed;
mod exposure;
mod fallback;
mod glue_audit;
mod harness;
mod hostile;
mod loader;
mod password;
mod privacy;
mod server;
mod size;
mod sri;
mod verdict_view;
