//! Hostile hosts: CMS pages the widget does not control. Each page below does something a
//! real insurer site does (an aggressive CSS reset, a replaced `window.fetch`, an RTL layout,
//! its own custom elements, a widget added long after load) and the widget must still render
//! its fields, rate a password, compute a verdict and request nothing but its bundle.
//!
//! One browser visits every page in turn (launching Chromium is the slow part); each page has
//! its own server, so each one's request log and server log are checked on their own. A
//! failing page does not hide the others: every page runs, then the test lists all failures.

use std::panic::AssertUnwindSafe;
use std::time::Instant;

use futures::FutureExt;
use serde_json::json;

use breach_check_e2e::browser::{Browser, Tab};
use breach_check_e2e::harness::{Origin, Session, compute_verdict, dist};
use breach_check_e2e::server::Site;

/// Where every hostile page loads the bundle from.
const BUNDLE: &str = "/bc/";

/// The hooks that must be on screen (not merely in the DOM) on every host.
const VISIBLE_HOOKS: [&str; 4] = ["insurer", "operator", "contract-start", "password"];

/// One hostile host page.
struct Hostile {
    /// Short name, used in the page's path and in failure reports.
    name: &'static str,
    /// What goes in `<head>` before the loader's script tag (the hostile part, usually).
    head: &'static str,
    /// The page's body; the widget under test is `#w`.
    body: &'static str,
    /// A check of its own, beyond the ones every page gets.
    extra: Option<Extra>,
}

/// Page-specific checks, run after the common ones.
#[derive(Clone, Copy)]
enum Extra {
    /// The widget keeps its own type scale whatever the root font size.
    OwnFontSize,
    /// The host's recording fetch wrapper saw only bundle files.
    RecordedFetches,
    /// The host's throwing fetch was called and the widget got its files anyway.
    ThrowingFetch,
    /// The host's own custom elements still work next to the widget.
    HostElements,
    /// The element did not exist for the first 5 s.
    LateInsertion,
}

const WIDGET: &str = "<breach-check id=\"w\"></breach-check>";

fn cases() -> Vec<Hostile> {
    vec![
        Hostile {
            name: "all-unset",
            head: "<style>* { all: unset !important; }</style>",
            body: "<h1>Reset everything</h1><breach-check id=\"w\"></breach-check>",
            extra: None,
        },
        Hostile {
            name: "inputs-hidden",
            head: "<style>input, select, textarea { display: none !important; }</style>",
            body: "<h1>Our own form library hides native inputs</h1><breach-check id=\"w\"></breach-check>",
            extra: None,
        },
        Hostile {
            name: "root-8px",
            head: "<style>html { font-size: 8px; } body { font-size: 1.5rem; }</style>",
            body: "<h1>62.5 % root</h1><breach-check id=\"w\"></breach-check>",
            extra: Some(Extra::OwnFontSize),
        },
        Hostile {
            name: "rtl",
            head: "",
            body: "<h1>صفحة من اليمين إلى اليسار</h1><p>نص عربي قبل الأداة.</p>\
                   <breach-check id=\"w\"></breach-check>",
            extra: None,
        },
        Hostile {
            name: "fetch-recorded",
            head: "<script>window.__hostFetches = []; const hostFetch = window.fetch; \
                   window.fetch = function (input, init) { \
                   window.__hostFetches.push(String(input && input.url || input)); \
                   return hostFetch.call(this, input, init); };</script>",
            body: WIDGET,
            extra: Some(Extra::RecordedFetches),
        },
        Hostile {
            name: "fetch-throws",
            head: "<script>window.__hostFetchCalls = 0; window.fetch = function () { \
                   window.__hostFetchCalls += 1; throw new Error('fetch is disabled on this site'); };</script>",
            body: WIDGET,
            extra: Some(Extra::ThrowingFetch),
        },
        Hostile {
            name: "own-custom-elements",
            head: "<script>\
                   customElements.define('site-card', class extends HTMLElement { connectedCallback() { \
                     if (this.shadowRoot) return; const root = this.attachShadow({ mode: 'open' }); \
                     const title = document.createElement('h2'); title.textContent = 'Card'; \
                     root.append(title, document.createElement('slot')); } });\
                   customElements.define('breach-check-banner', class extends HTMLElement { \
                     connectedCallback() { this.textContent = 'banner ok'; } });\
                   customElements.define('fancy-input', class extends HTMLInputElement {}, { extends: 'input' });\
                   </script>",
            body: "<breach-check-banner id=\"banner\"></breach-check-banner>\
                   <input is=\"fancy-input\" id=\"fancy\" value=\"host field\">\
                   <site-card id=\"card\"><breach-check id=\"w\"></breach-check></site-card>",
            extra: Some(Extra::HostElements),
        },
        Hostile {
            name: "inserted-after-5s",
            head: "",
            body: "<h1>A slow single-page app</h1><div id=\"app\"></div>\
                   <script>window.addEventListener('load', () => { window.__loadedAt = performance.now(); \
                   setTimeout(() => { const el = document.createElement('breach-check'); el.id = 'w'; \
                   document.querySelector('#app').append(el); window.__insertedAt = performance.now(); \
                   }, 5000) });</script>",
            extra: Some(Extra::LateInsertion),
        },
    ]
}

/// The page for `case`, with the hostile part before the loader, as a CMS would place it.
fn page(case: &Hostile) -> String {
    let dir = if case.name == "rtl" {
        " dir=\"rtl\" lang=\"ar\""
    } else {
        " lang=\"fr\""
    };
    format!(
        "<!doctype html><html{dir}><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">\
         <title>{name}</title>{head}<script src=\"{BUNDLE}breach-check.js\" defer></script></head>\
         <body>{body}</body></html>",
        name = case.name,
        head = case.head,
        body = case.body,
    )
}

/// Asserts that the hook `testid` is rendered with a non-zero size and not hidden.
async fn assert_visible(tab: &Tab, host: &str, testid: &str) {
    let (width, height, visible): (f64, f64, bool) = tab
        .call(
            "const [host, testid] = arguments;
             const e = document.querySelector(host).shadowRoot.querySelector(`[data-testid=\"${testid}\"]`);
             if (!e) return [0, 0, false];
             const r = e.getBoundingClientRect();
             return [r.width, r.height, e.checkVisibility({ opacityProperty: true, visibilityProperty: true })];",
            vec![json!(host), json!(testid)],
        )
        .await;
    assert!(
        width > 0.0 && height > 0.0 && visible,
        "hook {testid} is not on screen: {width}x{height}, visible: {visible}"
    );
}

/// Everything a hostile page must get right, in the order a visitor meets it.
async fn check(session: &Session<'_>, case: &Hostile, path: &str) {
    let tab = &session.tab;
    if let Some(Extra::LateInsertion) = case.extra {
        tab.wait_for("document.readyState === 'complete'").await;
        let early: bool = tab.eval("!!document.querySelector('breach-check')").await;
        assert!(!early, "the element exists before the app inserts it");
        tab.wait_for("document.querySelector('#w')").await;
        let late: f64 = tab.eval("window.__insertedAt - window.__loadedAt").await;
        assert!(late >= 5_000.0, "the element arrived {late} ms after load");
    }
    tab.wait_until_settled("#w").await;
    for hook in VISIBLE_HOOKS {
        assert_visible(tab, "#w", hook).await;
    }

    let before = session.requests().len();
    tab.type_into("#w", "password", "Marie1985!").await;
    let meter = Tab::hook("#w", "password-meter");
    tab.wait_for(&format!("{meter}.hasAttribute('data-score')"))
        .await;
    let score: String = tab.eval(&format!("{meter}.dataset.score")).await;
    assert!(
        matches!(score.as_str(), "0" | "1" | "2" | "3" | "4"),
        "data-score is {score:?}"
    );
    assert_eq!(
        session.requests().len(),
        before,
        "typing made requests: {:?}",
        &session.requests()[before..]
    );

    match case.extra {
        Some(Extra::OwnFontSize) => {
            let size: String = tab
                .eval(&format!(
                    "getComputedStyle({}).fontSize",
                    Tab::hook("#w", "password")
                ))
                .await;
            let px: f64 = size.trim_end_matches("px").parse().expect("a px size");
            assert!(
                px >= 14.0,
                "the root's 8px shrank the widget's text to {size}"
            );
        }
        Some(Extra::RecordedFetches) => {
            let fetched: Vec<String> = tab.eval("window.__hostFetches").await;
            // The wrapper is the page's fetch, so it sees the bundle's reads: only those.
            assert!(!fetched.is_empty(), "the host's wrapper was bypassed");
            for url in &fetched {
                assert!(url.starts_with(&session.url(BUNDLE)), "fetch of {url}");
            }
        }
        Some(Extra::ThrowingFetch) => {
            let calls: u32 = tab.eval("window.__hostFetchCalls").await;
            assert!(calls > 0, "the loader never tried the page's fetch");
        }
        Some(Extra::HostElements) => {
            let (banner, fancy, card): (String, String, bool) = tab
                .eval(
                    "[document.querySelector('#banner').textContent, \
                     document.querySelector('#fancy').value, \
                     !!document.querySelector('#card').shadowRoot.querySelector('slot')]",
                )
                .await;
            assert_eq!(
                (banner.as_str(), fancy.as_str(), card),
                ("banner ok", "host field", true)
            );
        }
        Some(Extra::LateInsertion) | None => {}
    }

    session.assert_only_bundle_requests(path, BUNDLE);
    session.assert_nothing_stored().await;
    session.assert_no_csp_violation().await;

    // Last, so that a missing verdict UI leaves every check above standing.
    let verdict = compute_verdict(tab, "#w").await;
    assert_eq!(verdict, "exposed", "Viamedis from 2020 on, still running");
    session.assert_only_bundle_requests(path, BUNDLE);
}

pub async fn hostile_host_pages_still_get_a_working_widget_that_sends_nothing(browser: &Browser) {
    let cases = cases();
    let mut session: Option<Session> = None;
    let mut failures = Vec::new();
    for case in &cases {
        let path = format!("/hostile/{}.html", case.name);
        let site = Site::new()
            .mount(BUNDLE, dist())
            .page(&path, page(case), &[]);
        // A page that replaces `fetch` makes the loader check the bundle with SubtleCrypto,
        // which only a secure context has: those pages are served from 127.0.0.1.
        let origin = match case.extra {
            Some(Extra::RecordedFetches | Extra::ThrowingFetch) => Origin::Local,
            _ => Origin::MadeUp,
        };
        match session.as_mut() {
            Some(session) => session.visit_on(origin, site, &path).await,
            None => session = Some(Session::open_on(browser, origin, site, &path).await),
        }
        let session = session.as_ref().expect("a session");
        let started = Instant::now();
        let outcome = AssertUnwindSafe(check(session, case, &path))
            .catch_unwind()
            .await;
        match outcome {
            Ok(()) => println!("hostile/{}: ok in {:?}", case.name, started.elapsed()),
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_else(|| "(no message)".to_owned());
                println!("hostile/{}: FAILED: {message}", case.name);
                failures.push(format!("{}: {message}", case.name));
            }
        }
        let _ = session
            .tab
            .screenshot(&format!("hostile-{}", case.name))
            .await;
    }
    assert!(
        failures.is_empty(),
        "{} of {} hostile pages failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// A page script that dispatches bare events at the widget's fields (an analytics or
/// accessibility overlay replaying "keydown", say; security review F13): no exception
/// reaches the page, and the widget goes on working.
pub async fn bare_events_from_page_scripts_raise_nothing_and_break_nothing(browser: &Browser) {
    let errors = "<script>window.__errors = []; \
        window.addEventListener('error', (e) => window.__errors.push(String(e.message))); \
        window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));\
        </script>";
    let site = Site::new().mount(BUNDLE, dist()).page(
        "/events.html",
        format!(
            "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">\
             <title>events</title>{errors}<script src=\"{BUNDLE}breach-check.js\" defer></script></head>\
             <body>{WIDGET}</body></html>"
        ),
        &[],
    );
    let session = Session::open(browser, site, "/events.html").await;
    let tab = &session.tab;
    tab.wait_until_settled("#w").await;
    let dispatched: u32 = tab
        .in_shadow(
            "#w",
            "let count = 0;
             for (const field of root.querySelectorAll('input, select, textarea, button')) {
               for (const event of [new Event('keydown', { bubbles: true }), new Event('keyup', { bubbles: true }),
                                    new KeyboardEvent('keydown', { bubbles: true }), new Event('input', { bubbles: true }),
                                    new Event('change', { bubbles: true }), new Event('focusout', { bubbles: true })]) {
                 field.dispatchEvent(event);
                 count += 1;
               }
             }
             return count;",
        )
        .await;
    assert!(dispatched >= 30, "only {dispatched} events dispatched");
    tab.settle().await;
    let errors: Vec<String> = tab.eval("window.__errors").await;
    assert!(
        errors.is_empty(),
        "bare events raised through the widget: {errors:#?}"
    );
    assert_eq!(compute_verdict(tab, "#w").await, "exposed");
    tab.type_into("#w", "insurer", "mutami").await;
    tab.wait_for(&format!(
        "{}.dataset.insurerId === 'mutami'",
        Tab::hook("#w", "insurer")
    ))
    .await;
    let errors: Vec<String> = tab.eval("window.__errors").await;
    assert!(errors.is_empty(), "{errors:#?}");
    session.assert_only_bundle_requests("/events.html", BUNDLE);
}
