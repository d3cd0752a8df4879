//! The message section: paste an SMS or an e-mail, see its red flags.
//!
//! The check itself runs in the engine's own wasm module (`breach-check-message.wasm`), which
//! the loader fetches the first time a visitor focuses or types in the section's text box;
//! [`engine`] holds the page's one handle to it. The section sends the text and gets the
//! report back already in words ([`crate::message::wire`]), and only renders it.

pub mod engine;
// Not in the module built for hosts without the section (ARCHITECTURE.md, "Two main modules").
#[cfg(not(without_message_section))]
pub mod section;
