//! The end-to-end harness of breach-check: the release `dist/` served to Chromium, Firefox
//! ESR and WebKitGTK, each driven through WebDriver, each behind a logging proxy that is the
//! privacy witness.
//!
//! - [`engine`]: the three engines, their drivers and capabilities, what each cannot do;
//! - [`browser`]: one browser session ([`browser::Browser`]) and its page ([`browser::Tab`]);
//! - [`server`]: the sites flows serve, and the proxy;
//! - [`harness`]: sessions, host pages and the assertions flows share;
//! - [`runner`]: runs every flow in every engine, one shared browser per engine;
//! - [`js`]: the JavaScript the harness runs in pages, from `js/*.js`.
//!
//! The flows themselves are in `flows/` (`cargo test -p breach-check-e2e`, after `make
//! build`); `examples/browser_bench.rs` of the root package uses [`browser`] and [`server`].

// The harness starts browsers, reads dist/ and the environment, and times flows: clippy.toml
// forbids that to the core only.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

pub mod browser;
pub mod engine;
pub mod harness;
pub mod runner;
pub mod server;

use std::path::PathBuf;

/// The JavaScript snippets the harness runs in pages. Each file says what its `arguments`
/// are and what it returns.
pub mod js {
    /// The harness's first script on every test page (CSP violations, blocked time).
    pub const RECORDER: &str = include_str!("../js/recorder.js");
    /// `(host, testid)`: the hook element.
    pub const HOOK: &str = include_str!("../js/hook.js");
    /// `(host, testid, value)`: sets a control's value with its events.
    pub const SET_VALUE: &str = include_str!("../js/set_value.js");
    /// `(host, testid, text)`: one paste.
    pub const PASTE: &str = include_str!("../js/paste.js");
    /// `(host, testid, attribute)`: that attribute of every such hook.
    pub const ALL_HOOKS: &str = include_str!("../js/all_hooks.js");
    /// What the page stored.
    pub const STORAGE: &str = include_str!("../js/storage.js");
    /// Runs axe-core's WCAG A/AA rules.
    pub const AXE_RUN: &str = include_str!("../js/axe_run.js");
    /// The widgets' text, for timeouts.
    pub const WIDGETS_TEXT: &str = include_str!("../js/widgets_text.js");
    /// Two animation frames and a task.
    pub const SETTLE: &str = include_str!("../js/settle.js");
}

/// The repository root (where `dist/` and `target/` are).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the repository root")
}

/// The per-user tool cache `tools/setup.sh` fills (`$BREACH_CHECK_TOOLS` or
/// `~/.cache/breach-check/tools`).
pub fn tools_dir() -> PathBuf {
    std::env::var_os("BREACH_CHECK_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
                .join(".cache/breach-check/tools")
        })
}
