//! A static guard on what the bundle's JavaScript can reach.
//!
//! The wasm can only call the browser through the wasm-bindgen glue, so the glue (plus the
//! hand-written loader) lists every web API the widget can use. This test fails when either
//! file gains a network, storage or eval API beyond the audited allow-list in
//! `tests/e2e/glue-allowlist.txt`, so a new request path is caught before any browser runs.

use breach_check_e2e::harness::{bundle_files, dist};

/// APIs that send data, store data, evaluate code or leave the page (`open(` covers
/// `window.open` and a bare `open(`).
const WATCHED: [&str; 24] = [
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
    "open(",
    "import(",
    "eval(",
    "Function(",
    // Ways out of the page that send no request the proxy would see, or leave it.
    "postMessage",
    "BroadcastChannel",
    "location",
    "history",
    "clipboard",
];

fn allowed(file: &str, token: &str) -> usize {
    include_str!("../glue-allowlist.txt")
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

/// What `text` (the file `file`) reaches beyond the allow-list, one line per token.
fn excess(file: &str, text: &str) -> Vec<String> {
    let mut excess = Vec::new();
    for token in WATCHED {
        let found = text.matches(token).count();
        let allowed = allowed(file, token);
        if found > allowed {
            excess.push(format!("{token}: {found} occurrences, {allowed} audited"));
        }
    }
    excess
}

fn audit(file: &str, text: &str) {
    let excess = excess(file, text);
    assert!(
        excess.is_empty(),
        "{file} reaches APIs beyond tests/e2e/glue-allowlist.txt: {excess:#?}"
    );
}

/// The bundle's scripts, as `dist/SHA384SUMS` lists them: the loader, and the glue when the
/// build ships it as a file of its own.
fn scripts() -> Vec<(String, String)> {
    bundle_files()
        .into_iter()
        .filter(|file| file.ends_with(".js"))
        .map(|file| {
            let text = std::fs::read_to_string(dist().join(&file))
                .unwrap_or_else(|e| panic!("{file}: {e}"));
            (file, text)
        })
        .collect()
}

pub fn the_bundle_scripts_reach_no_network_storage_or_eval_api_beyond_the_allow_list() {
    let scripts = scripts();
    assert!(
        scripts.iter().any(|(file, _)| file == "breach-check.js"),
        "no loader to audit"
    );
    for (file, text) in &scripts {
        audit(file, text);
    }
}

pub fn the_audit_catches_an_added_fetch_post_message_or_clipboard_write() {
    for (file, text) in scripts() {
        for added in [
            "function __wbg_fetch_1(a) { return fetch(a); }",
            "function __wbg_post_1(a) { parent.postMessage(a, '*'); }",
            "function __wbg_copy_1(a) { navigator.clipboard.writeText(a); }",
            "function __wbg_go_1(a) { top.location = a; }",
            "function __wbg_open_1(a) { open(a); }",
        ] {
            let tampered = format!("{text}\n{added}");
            assert!(
                !excess(&file, &tampered).is_empty(),
                "{file}: `{added}` went unnoticed"
            );
        }
    }
}
