//! A static guard on what the bundle's JavaScript can reach.
//!
//! The wasm can only call the browser through the wasm-bindgen glue, so the glue (plus the
//! hand-written loader, the file it ships in) lists every web API the widget can use. This
//! test fails when either part gains a network, storage, eval or page-leaving API beyond the
//! audited allow-list in `tests/e2e/glue-allowlist.txt`, so a new request path is caught
//! before any browser runs. The request logs of every flow are what hold the line; this
//! names the line in review.

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

/// The name the glue part of `breach-check.js` is audited under.
const GLUE: &str = "breach-check-glue.js";

/// The bundle's scripts, as `dist/SHA384SUMS` lists them, each as `(name, text)`; the shipped
/// `breach-check.js` as its two parts: the hand-written loader, and the wasm-bindgen glue
/// `tools/finish-dist.sh` put inside it (from its `let wasm_bindgen =` line to `return
/// wasm_bindgen;`), audited as [`GLUE`].
fn scripts() -> Vec<(String, String)> {
    let mut scripts = Vec::new();
    for file in bundle_files().into_iter().filter(|f| f.ends_with(".js")) {
        let text =
            std::fs::read_to_string(dist().join(&file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        if file != "breach-check.js" {
            scripts.push((file, text));
            continue;
        }
        let (mut loader, mut glue, mut in_glue) = (String::new(), String::new(), false);
        for line in text.lines() {
            in_glue |= line.trim_start().starts_with("let wasm_bindgen = ");
            let part = if in_glue { &mut glue } else { &mut loader };
            part.push_str(line);
            part.push('\n');
            in_glue &= line.trim() != "return wasm_bindgen;";
        }
        assert!(
            !glue.is_empty(),
            "dist/breach-check.js holds no wasm-bindgen glue"
        );
        scripts.push((file, loader));
        scripts.push((GLUE.to_owned(), glue));
    }
    scripts
}

pub fn the_bundle_scripts_reach_no_network_storage_or_eval_api_beyond_the_allow_list() {
    let scripts = scripts();
    for part in ["breach-check.js", GLUE] {
        assert!(
            scripts.iter().any(|(file, _)| file == part),
            "no {part} to audit"
        );
    }
    for (file, text) in &scripts {
        audit(file, text);
    }
}

pub fn the_audit_catches_an_added_fetch_post_message_clipboard_location_history_or_open() {
    for (file, text) in scripts() {
        for added in [
            "function __wbg_fetch_1(a) { return fetch(a); }",
            "function __wbg_post_1(a) { parent.postMessage(a, '*'); }",
            "function __wbg_copy_1(a) { navigator.clipboard.writeText(a); }",
            "function __wbg_go_1(a) { top.location = a; }",
            "function __wbg_open_1(a) { open(a); }",
            "function __wbg_bc_1(a) { return new BroadcastChannel(a); }",
            "function __wbg_push_1(a) { history.pushState(a, ''); }",
        ] {
            let tampered = format!("{text}\n{added}");
            assert!(
                !excess(&file, &tampered).is_empty(),
                "{file}: `{added}` went unnoticed"
            );
        }
    }
}
