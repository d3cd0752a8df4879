//! A static guard on what the bundle's JavaScript can reach.
//!
//! The wasm can only call the browser through the wasm-bindgen glue, so the glue (plus the
//! hand-written loader) lists every web API the widget can use. This test fails when either
//! file gains a network, storage or eval API beyond the audited allow-list in
//! `tests/e2e/glue-allowlist.txt`, so a new request path is caught before any browser runs.

use crate::harness::dist;

/// APIs that send data, store data or evaluate code.
const WATCHED: [&str; 19] = [
    "fetch",
    "XMLHttpRequest",
    "sendBeacon",
    "WebSocket",
    "EventSource",
    "RTCPeerConnection",
    "WebTransport",
    "localStorage",
    "sessionStorage",
    "indexedDB",
    "cookie",
    "caches",
    "serviceWorker",
    "Worker",
    "importScripts",
    "window.open",
    "import(",
    "eval(",
    "Function(",
];

fn allowed(file: &str, token: &str) -> usize {
    include_str!("glue-allowlist.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            Some((
                words.next()?,
                words.next()?,
                words.next()?.parse::<usize>().ok()?,
            ))
        })
        .find(|(f, t, _)| *f == file && *t == token)
        .map_or(0, |(_, _, count)| count)
}

fn audit(file: &str, text: &str) {
    let mut excess = Vec::new();
    for token in WATCHED {
        let found = text.matches(token).count();
        let allowed = allowed(file, token);
        if found > allowed {
            excess.push(format!("{token}: {found} occurrences, {allowed} audited"));
        }
    }
    assert!(
        excess.is_empty(),
        "{file} reaches APIs beyond tests/e2e/glue-allowlist.txt: {excess:#?}"
    );
}

#[test]
fn the_glue_reaches_no_network_storage_or_eval_api_beyond_the_allow_list() {
    let glue = std::fs::read_to_string(dist().join("breach-check-glue.js")).expect("glue");
    audit("breach-check-glue.js", &glue);
}

#[test]
fn the_loader_reaches_no_network_storage_or_eval_api_beyond_the_allow_list() {
    let loader = std::fs::read_to_string(dist().join("breach-check.js")).expect("loader");
    audit("breach-check.js", &loader);
}

#[test]
fn the_audit_catches_an_added_fetch() {
    let glue = std::fs::read_to_string(dist().join("breach-check-glue.js")).expect("glue");
    let tampered = format!("{glue}\nfunction __wbg_fetch_1(a) {{ return fetch(a); }}");
    let caught = std::panic::catch_unwind(|| audit("breach-check-glue.js", &tampered));
    assert!(caught.is_err(), "a new fetch in the glue went unnoticed");
}
