//! Fallbacks: when the wasm cannot run (no WebAssembly, a CSP without `'wasm-unsafe-eval'`,
//! a missing wasm), each element shows a short accessible message in its own
//! language, with the host's `notice-href` link when it is an http(s) URL. Never a blank box,
//! never a half-mounted form, and still no request beyond the bundle.

use breach_check_e2e::browser::Browser;
use breach_check_e2e::engine::Engine;
use breach_check_e2e::harness::{DistCopy, Session, assert_fallback, dist, failing_files};
use breach_check_e2e::server::Site;

/// Where the fallback pages load the bundle from.
const BUNDLE: &str = "/bc/";

/// A host page with `head` before the loader and `body` after it.
fn page(lang: &str, head: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <title>fallback</title>{head}<script src=\"{BUNDLE}breach-check.js\" defer></script></head>\
         <body><h1>Host</h1>{body}</body></html>"
    )
}

pub async fn without_webassembly_each_element_says_so_in_its_language_with_a_safe_link(
    browser: &Browser,
) {
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
    let session = Session::open(browser, site, path).await;
    let tab = &session.tab;
    // `window.`: Firefox runs WebDriver scripts in a scope with globals of its own.
    let gone: bool = tab.eval("typeof window.WebAssembly === 'undefined'").await;
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
    session.assert_requests_within(path, BUNDLE, &["/favicon.ico"]);
    session.assert_nothing_stored().await;
    tab.screenshot("fallback-no-webassembly").await;
}

pub async fn a_csp_without_wasm_unsafe_eval_gets_the_message_and_the_bundle_fails_no_other_way(
    browser: &Browser,
) {
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
    let mut session = Session::open(browser, site, path).await;
    assert_fallback(
        &session.tab,
        "#w",
        "en",
        Some("https://mutuelle.example/notice"),
    )
    .await;
    let violations = session.tab.csp_violations().await;
    assert!(
        violations.iter().all(|v| v.contains("wasm-eval")),
        "the CSP should block the wasm's compilation and nothing else: {violations:?}"
    );
    // WebKit refuses the compilation without a securitypolicyviolation event.
    if browser.engine != Engine::WebKit {
        assert!(
            !violations.is_empty(),
            "{}: no wasm-eval violation reported",
            browser.engine
        );
    }
    session.assert_requests_within(path, BUNDLE, &["/favicon.ico"]);

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
}

pub async fn a_missing_wasm_gets_the_message_instead_of_a_blank_box(browser: &Browser) {
    let mut session: Option<Session> = None;
    for missing in failing_files() {
        let copy = DistCopy::without(&[&missing], |_| {});
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
            None => session = Some(Session::open(browser, site, path).await),
        }
        let session = session.as_ref().expect("a session");
        assert_fallback(&session.tab, "#fr", "fr", Some("https://mutuelle.example/")).await;
        assert_fallback(&session.tab, "#en", "en", None).await;
        let asked = session.server.requested_paths();
        assert!(
            asked.contains(&format!("{BUNDLE}{missing}")),
            "{missing} was never asked for, so its absence proves nothing: {asked:?}"
        );
        session.assert_requests_within(path, BUNDLE, &["/favicon.ico"]);
        session.assert_nothing_stored().await;
    }
}
