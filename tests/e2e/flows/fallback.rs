//! Fallbacks: when the wasm cannot run (no WebAssembly, a CSP without `'wasm-unsafe-eval'`,
//! a missing wasm or glue), each element shows a short accessible message in its own
//! language, with the host's `notice-href` link when it is an http(s) URL. Never a blank box,
//! never a half-mounted form, and still no request beyond the bundle.

use std::path::PathBuf;

use crate::browser::Tab;
use crate::harness::{BUNDLE_FILES, Session, dist};
use crate::server::Site;

/// Where the fallback pages load the bundle from.
const BUNDLE: &str = "/bc/";

/// The loader's messages, word for word: a change here is a change people read.
const MESSAGE_FR: &str = "Ce module de vérification n’a pas pu se charger sur cette page.";
const MESSAGE_EN: &str = "This check could not load on this page.";

/// Asserts that `host` shows the fallback: an on-screen `role="alert"` message in `lang`,
/// linking to `link` (or to nothing), and none of the widget's hooks.
pub async fn assert_fallback(tab: &Tab, host: &str, lang: &str, link: Option<&str>) {
    let root = format!("document.querySelector({host:?}).shadowRoot");
    tab.wait_for(&format!("{root}?.querySelector('[role=alert]')"))
        .await;
    let (text, its_lang, width, height, visible): (String, String, f64, f64, bool) = tab
        .eval(&format!(
            "(() => {{ const m = {root}.querySelector('[role=alert]'); const r = m.getBoundingClientRect(); \
             return [m.textContent, m.lang, r.width, r.height, \
             m.checkVisibility({{ opacityProperty: true, visibilityProperty: true }})] }})()"
        ))
        .await;
    let expected = if lang == "en" { MESSAGE_EN } else { MESSAGE_FR };
    assert!(
        text.starts_with(expected),
        "{host}: the fallback says {text:?}"
    );
    assert_eq!(its_lang, lang, "{host}: the fallback's language");
    assert!(
        width > 0.0 && height > 0.0 && visible,
        "{host}: the fallback is not on screen ({width}x{height}, visible: {visible})"
    );
    // CDP hands back no value for a JS null: an empty string stands for "no link".
    let href: String = tab
        .eval(&format!(
            "{root}.querySelector('[role=alert] a')?.getAttribute('href') ?? ''"
        ))
        .await;
    let href = Some(href).filter(|h| !h.is_empty());
    assert_eq!(href.as_deref(), link, "{host}: the fallback's link");
    let hooks: u32 = tab
        .eval(&format!(
            "{root}.querySelectorAll('[data-testid]:not([data-testid=fallback])').length"
        ))
        .await;
    assert_eq!(
        hooks, 0,
        "{host}: a half-mounted widget next to the fallback"
    );
}

/// Asserts that every request was the page, a bundle file under `prefix`, or one of
/// `host_files`, without requiring every bundle file (a failed load stops early).
pub fn assert_requests_within(session: &Session, page: &str, prefix: &str, host_files: &[&str]) {
    let allowed: Vec<String> = std::iter::once(session.server.url(page))
        .chain(
            BUNDLE_FILES
                .iter()
                .map(|file| session.server.url(&format!("{prefix}{file}"))),
        )
        .chain(host_files.iter().map(|path| session.server.url(path)))
        .collect();
    let requests = session.tab.requests();
    for url in requests.iter().filter(|url| !url.starts_with("data:")) {
        assert!(
            allowed.contains(url),
            "{page} requested {url}; all: {requests:?}"
        );
    }
    for path in session.server.requested_paths() {
        assert!(
            allowed.contains(&session.server.url(&path)),
            "{page}: the server was asked for {path}"
        );
    }
}

/// A copy of `dist/` in a fresh temporary folder, without `missing`; removed when dropped.
pub struct DistCopy(pub PathBuf);

impl DistCopy {
    /// Copies every file of `dist/` but `missing`, then lets `edit` change the copy.
    pub fn without(missing: &[&str], edit: impl FnOnce(&std::path::Path)) -> DistCopy {
        static COPIES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "breach-check-dist-{}-{}",
            std::process::id(),
            COPIES.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).expect("temporary dist folder");
        for entry in std::fs::read_dir(dist()).expect("dist/") {
            let entry = entry.expect("dist entry");
            let name = entry.file_name();
            if entry.path().is_file() && !missing.iter().any(|m| name == *m) {
                std::fs::copy(entry.path(), dir.join(&name)).expect("copy a dist file");
            }
        }
        edit(&dir);
        DistCopy(dir)
    }
}

impl Drop for DistCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A host page with `head` before the loader and `body` after it.
fn page(lang: &str, head: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <title>fallback</title>{head}<script src=\"{BUNDLE}breach-check.js\" defer></script></head>\
         <body><h1>Host</h1>{body}</body></html>"
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn without_webassembly_each_element_says_so_in_its_language_with_a_safe_link() {
    let path = "/no-wasm.html";
    let body = page(
        "en",
        "<script>delete window.WebAssembly;</script>",
        "<breach-check id=\"fr\" notice-href=\"https://mutuelle.example/cyberattaque\"></breach-check>\
         <breach-check id=\"en\" lang=\"en\" notice-href=\"javascript:alert(1)\"></breach-check>\
         <breach-check id=\"data\" lang=\"en-GB\" notice-href=\"data:text/html,hi\"></breach-check>\
         <breach-check id=\"http\" notice-href=\"  http://mutuelle.example/notice  \"></breach-check>",
    );
    let site = Site::new().mount(BUNDLE, dist()).page(path, body, &[]);
    let session = Session::open(site, path).await;
    let tab = &session.tab;
    let gone: bool = tab.eval("typeof WebAssembly === 'undefined'").await;
    assert!(gone, "the host did not remove WebAssembly");
    assert_fallback(
        tab,
        "#fr",
        "fr",
        Some("https://mutuelle.example/cyberattaque"),
    )
    .await;
    assert_fallback(tab, "#en", "en", None).await;
    assert_fallback(tab, "#data", "en", None).await;
    assert_fallback(tab, "#http", "fr", Some("http://mutuelle.example/notice")).await;

    // A SPA adding an element later gets the same message, not a blank box.
    let _: bool = tab
        .eval(
            "(() => { const el = document.createElement('breach-check'); el.id = 'late'; \
               el.setAttribute('lang', 'en'); document.body.append(el); return true })()",
        )
        .await;
    assert_fallback(tab, "#late", "en", None).await;
    // The page has no icon link, so Chromium asks for the host's /favicon.ico.
    assert_requests_within(&session, path, BUNDLE, &["/favicon.ico"]);
    session.assert_nothing_stored().await;
    tab.screenshot("fallback-no-webassembly").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_csp_without_wasm_unsafe_eval_gets_the_message_and_the_bundle_fails_no_other_way() {
    let path = "/csp.html";
    // Everything a host needs but 'wasm-unsafe-eval'.
    let csp = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; \
               base-uri 'none'; form-action 'none'";
    let body = page(
        "en",
        "",
        "<breach-check id=\"w\" lang=\"en\" notice-href=\"https://mutuelle.example/notice\"></breach-check>",
    );
    let site =
        Site::new()
            .mount(BUNDLE, dist())
            .page(path, body, &[("Content-Security-Policy", csp)]);
    let mut session = Session::open(site, path).await;
    assert_fallback(
        &session.tab,
        "#w",
        "en",
        Some("https://mutuelle.example/notice"),
    )
    .await;
    let violations = session.tab.csp_violations().await;
    assert!(
        !violations.is_empty() && violations.iter().all(|v| v.contains("wasm-eval")),
        "the CSP should block the wasm's compilation and nothing else: {violations:?}"
    );
    assert_requests_within(&session, path, BUNDLE, &["/favicon.ico"]);

    // The same host page with the one keyword the README asks for works completely.
    let path = "/csp-ok.html";
    let csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; \
               style-src 'self'; base-uri 'none'; form-action 'none'";
    let body = page(
        "en",
        "",
        "<breach-check id=\"w\" lang=\"en\"></breach-check>",
    );
    let site =
        Site::new()
            .mount(BUNDLE, dist())
            .page(path, body, &[("Content-Security-Policy", csp)]);
    session.visit(site, path).await;
    session.tab.wait_until_settled("#w").await;
    session.assert_no_csp_violation().await;
    session.assert_only_bundle_and_host_requests(path, BUNDLE, &["/favicon.ico"]);
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_wasm_or_glue_gets_the_message_instead_of_a_blank_box() {
    let mut session: Option<Session> = None;
    for missing in ["breach-check.wasm", "breach-check-glue.js"] {
        let copy = DistCopy::without(&[missing], |_| {});
        let path = "/missing.html";
        let body = page(
            "fr",
            "",
            "<breach-check id=\"fr\" notice-href=\"https://mutuelle.example/\"></breach-check>\
             <breach-check id=\"en\" lang=\"en\"></breach-check>",
        );
        let site = Site::new().mount(BUNDLE, &copy.0).page(path, body, &[]);
        match session.as_mut() {
            Some(session) => session.visit(site, path).await,
            None => session = Some(Session::open(site, path).await),
        }
        let session = session.as_ref().expect("a session");
        assert_fallback(&session.tab, "#fr", "fr", Some("https://mutuelle.example/")).await;
        assert_fallback(&session.tab, "#en", "en", None).await;
        let asked = session.server.requested_paths();
        assert!(
            asked.contains(&format!("{BUNDLE}{missing}")),
            "{missing} was never asked for, so its absence proves nothing: {asked:?}"
        );
        assert_requests_within(session, path, BUNDLE, &["/favicon.ico"]);
        session.assert_nothing_stored().await;
    }
    if let Some(session) = session {
        session.close().await;
    }
}
