//! The first paint carries neither the password engine nor its dictionary: the two files
//! (`breach-check-password.wasm`, `breach-check.dict`) are fetched the first time a visitor
//! uses a password section (it takes the focus, or scrolls into view), once per page whatever
//! the number of widgets, never on a page without a password section. A failed dictionary
//! leaves the built-in list rating with a note; a failed or stalled engine is said in the
//! section. The server's request log (every request reaches it through the browser's logging
//! proxy) is the witness.

use std::time::{Duration, Instant};

use breach_check_e2e::browser::{Browser, Tab};
use breach_check_e2e::engine::Engine;
use breach_check_e2e::harness::{DistCopy, Session, compute_verdict, host_page, host_site};
use breach_check_e2e::server::Site;

const DICTIONARY: &str = "/bc/breach-check.dict";
const ENGINE_FILE: &str = "breach-check-password.wasm";
const ENGINE: &str = "/bc/breach-check-password.wasm";

/// A host page whose widgets start well below the fold: nothing of them is in view at load.
fn below_the_fold(widgets: &str) -> String {
    format!("<div style=\"height: 3000px\">A long article.</div>{widgets}")
}

/// How many times the page asked for `path`.
fn requests_of(session: &Session<'_>, path: &str) -> usize {
    session
        .server
        .requested_paths()
        .iter()
        .filter(|asked| *asked == path)
        .count()
}

/// How many times the page asked for the dictionary file.
fn dictionary_requests(session: &Session<'_>) -> usize {
    requests_of(session, DICTIONARY)
}

/// The `data-dictionaries` state the widget `host` shows (`idle`, `loading`, `ready`,
/// `unavailable`).
async fn state(tab: &Tab, host: &str) -> String {
    tab.eval(&format!(
        "document.querySelector({host:?}).shadowRoot.querySelector('.bc').dataset.dictionaries"
    ))
    .await
}

/// Waits until the widget `host` shows the dictionary state `wanted`.
async fn wait_for_state(tab: &Tab, host: &str, wanted: &str) {
    tab.wait_for(&format!(
        "document.querySelector({host:?}).shadowRoot.querySelector('.bc')?.dataset.dictionaries === {wanted:?}"
    ))
    .await;
}

/// Asserts that the page has asked neither for the dictionary nor for the password engine,
/// once every render it queued has run (the positive barrier), and that the widget says so.
async fn assert_not_fetched(session: &Session<'_>, host: &str, when: &str) {
    session.tab.settle().await;
    for path in [DICTIONARY, ENGINE] {
        assert_eq!(
            requests_of(session, path),
            0,
            "{}: {path} was fetched {when}: {:?}",
            session.tab.engine,
            session.requests()
        );
    }
    assert_eq!(state(&session.tab, host).await, "idle");
    let engine: String = session
        .tab
        .eval(&format!(
            "document.querySelector({host:?}).shadowRoot.querySelector('.bc').dataset.passwordEngine"
        ))
        .await;
    assert_eq!(engine, "idle");
}

pub async fn the_dictionary_is_fetched_when_the_password_field_first_takes_the_focus(
    browser: &Browser,
) {
    let site = host_site(
        "",
        &below_the_fold("<breach-check id=\"w\"></breach-check>"),
    );
    let session = Session::open(browser, site, "/x.html").await;
    let tab = &session.tab;
    tab.wait_for_widget("#w").await;
    // The exposure check works fully without it.
    assert_eq!(compute_verdict(tab, "#w").await, "exposed");
    assert_not_fetched(&session, "#w", "before any password was typed").await;

    // The focus alone asks (without scrolling: the section stays out of view). Typing the
    // dates above may have scrolled the page (WebDriver brings a field into view before it
    // types into it), so the page goes back to its top first.
    let _: bool = tab
        .eval(&format!(
            "scrollTo(0, 0), {}.focus({{ preventScroll: true }}), true",
            Tab::hook("#w", "password")
        ))
        .await;
    wait_for_state(tab, "#w", "ready").await;
    assert_eq!(dictionary_requests(&session), 1);
    assert_eq!(requests_of(&session, ENGINE), 1);
    // Firefox under geckodriver scrolls a scripted focus into view even with
    // `preventScroll` (Firefox ESR 153), so there the observer may ask as well: the one
    // request above is what still holds.
    if tab.engine != Engine::Firefox {
        let scrolled: f64 = tab.eval("scrollY").await;
        assert_eq!(
            scrolled, 0.0,
            "the page scrolled: the focus was not the trigger"
        );
    }

    // Typing, focusing again, and scrolling the section into view ask no more.
    tab.type_into("#w", "password", "Marie1985").await;
    let meter = Tab::hook("#w", "password-meter");
    tab.wait_for(&format!(
        "{meter}.hasAttribute('data-score') && !{meter}.hasAttribute('aria-busy')"
    ))
    .await;
    let score: String = tab.eval(&format!("{meter}.dataset.score")).await;
    assert!(score == "0" || score == "1", "Marie1985 rated {score}");
    let _: bool = tab
        .eval(&format!(
            "{}.blur(), {}.scrollIntoView(), {}.focus(), true",
            Tab::hook("#w", "password"),
            Tab::hook("#w", "password"),
            Tab::hook("#w", "password")
        ))
        .await;
    tab.settle().await;
    assert_eq!(
        dictionary_requests(&session),
        1,
        "the dictionary was fetched twice"
    );
    assert_eq!(
        requests_of(&session, ENGINE),
        1,
        "the engine was fetched twice"
    );
    session.assert_requests_within("/x.html", "/bc/", &[]);
}

pub async fn scrolling_a_password_section_into_view_fetches_it_once_for_every_widget(
    browser: &Browser,
) {
    let widgets = "<breach-check id=\"a\"></breach-check>\
        <breach-check id=\"b\" lang=\"en\" sections=\"password\"></breach-check>";
    let site = host_site("", &below_the_fold(widgets));
    let session = Session::open(browser, site, "/x.html").await;
    let tab = &session.tab;
    tab.wait_for_widget("#a").await;
    tab.wait_for_widget("#b").await;
    assert_not_fetched(&session, "#a", "with no widget in view").await;

    let _: bool = tab
        .in_shadow(
            "#a",
            "root.querySelector('.bc-password').scrollIntoView(); return true;",
        )
        .await;
    wait_for_state(tab, "#a", "ready").await;
    wait_for_state(tab, "#b", "ready").await;
    assert_eq!(
        dictionary_requests(&session),
        1,
        "two widgets fetched the page's one dictionary twice: {:?}",
        session.requests()
    );
    assert_eq!(requests_of(&session, ENGINE), 1, "{:?}", session.requests());
    // The second widget rates with the dictionary the first one asked for.
    tab.type_into("#b", "password", "azerty123").await;
    let meter = Tab::hook("#b", "password-meter");
    tab.wait_for(&format!(
        "{meter}.dataset.score === '0' && !{meter}.hasAttribute('aria-busy')"
    ))
    .await;
    assert_eq!(dictionary_requests(&session), 1);
    assert_eq!(requests_of(&session, ENGINE), 1);
}

pub async fn a_page_with_only_the_exposure_check_fetches_neither_the_dictionary_nor_the_password_engine(
    browser: &Browser,
) {
    let site = host_site(
        "",
        "<breach-check id=\"w\" sections=\"exposure\" insurer=\"mutami\"></breach-check>",
    );
    let session = Session::open(browser, site, "/x.html").await;
    let tab = &session.tab;
    tab.wait_for_widget("#w").await;
    assert_eq!(compute_verdict(tab, "#w").await, "exposed");
    // Every part of the widget in view, and the focus through all of it.
    let _: bool = tab
        .in_shadow(
            "#w",
            "root.querySelector('.bc').scrollIntoView();\n\
             for (const el of root.querySelectorAll('input, select, button')) el.focus();\n\
             return true;",
        )
        .await;
    assert_not_fetched(&session, "#w", "on a page without a password section").await;
    session.assert_requests_within("/x.html", "/bc/", &[]);
}

pub async fn a_dictionary_that_fails_leaves_the_built_in_list_rating_with_a_note(
    browser: &Browser,
) {
    let missing = DistCopy::without(&["breach-check.dict"], |_| {});
    // Same length, other bytes: the integrity check refuses it.
    let tampered = DistCopy::without(&[], |dir| {
        let file = dir.join("breach-check.dict");
        let mut bytes = std::fs::read(&file).expect("the dictionary file");
        let last = bytes.len() - 1;
        bytes[last] ^= 0x01;
        std::fs::write(&file, bytes).expect("write the tampered dictionary");
    });
    let body = "<breach-check id=\"w\" sections=\"password\"></breach-check>";
    for (why, bundle) in [("missing", &missing.0), ("tampered", &tampered.0)] {
        let site = Site::new()
            .mount("/bc/", bundle)
            .page("/x.html", host_page("", body), &[]);
        let session = Session::open(browser, site, "/x.html").await;
        let tab = &session.tab;
        tab.wait_for_widget("#w").await;
        tab.type_into("#w", "password", "motdepasse").await;
        wait_for_state(tab, "#w", "unavailable").await;
        let (score, busy, note): (Option<String>, Option<String>, String) = tab
            .in_shadow(
                "#w",
                "const meter = root.querySelector('[data-testid=\"password-meter\"]');\n\
                 return [meter.dataset.score ?? null, meter.getAttribute('aria-busy'), \
                 [...root.querySelectorAll('.bc-hint')].map((p) => p.textContent).join(' | ')];",
            )
            .await;
        assert!(
            matches!(score.as_deref(), Some("0" | "1")),
            "{why} dictionary: motdepasse rated {score:?} by the built-in list"
        );
        assert_eq!(
            busy, None,
            "{why} dictionary: the meter still says it is busy"
        );
        assert!(
            note.contains("liste réduite"),
            "{why} dictionary: no note says the list is reduced: {note:?}"
        );
        // Asked once: a 404 is the server's answer, and an altered body refused by the
        // browser's own `integrity` check (this page is no secure context, so the browser
        // checks) would be refused again. Only a broken `fetch` wrapper of the page's own
        // (a stub that refuses every call) makes the loader retry by XHR.
        assert_eq!(
            dictionary_requests(&session),
            1,
            "{why} dictionary: {:?}",
            session.requests()
        );
    }
}

/// What the password section shows: the meter's attributes, its level text, and whether
/// that text is on screen.
#[derive(Debug, serde::Deserialize)]
struct MeterState {
    score: Option<String>,
    busy: Option<String>,
    valuenow: Option<String>,
    text: String,
    visible: bool,
    engine: String,
}

async fn meter_state(tab: &Tab, host: &str) -> MeterState {
    tab.in_shadow(
        host,
        "const meter = root.querySelector('[data-testid=\"password-meter\"]');\n\
         const level = root.querySelector('.bc-level');\n\
         const box = level.getBoundingClientRect();\n\
         return { score: meter.dataset.score ?? null, busy: meter.getAttribute('aria-busy'),\n\
           valuenow: meter.getAttribute('aria-valuenow'), text: level.textContent,\n\
           visible: box.width > 0 && box.height > 0,\n\
           engine: root.querySelector('.bc').dataset.passwordEngine };",
    )
    .await
}

/// Asserts that the section says, visibly, that the meter could not load, and rates nothing.
async fn assert_meter_unavailable(tab: &Tab, host: &str, why: &str) {
    let state = meter_state(tab, host).await;
    assert_eq!(state.engine, "unavailable", "{why}: {state:?}");
    assert_eq!(
        state.score, None,
        "{why}: a score without an engine: {state:?}"
    );
    assert_eq!(state.busy, None, "{why}: still busy: {state:?}");
    assert_eq!(state.valuenow.as_deref(), Some("0"), "{why}: {state:?}");
    assert!(
        state.text.contains("n’a pas pu se charger") && state.visible,
        "{why}: the section does not say the meter could not load: {state:?}"
    );
}

pub async fn a_password_engine_that_is_missing_or_refused_is_said_in_the_section(
    browser: &Browser,
) {
    let missing = DistCopy::without(&[ENGINE_FILE], |_| {});
    // Same length, other bytes: the integrity check refuses it.
    let tampered = DistCopy::without(&[], |dir| {
        let file = dir.join(ENGINE_FILE);
        let mut bytes = std::fs::read(&file).expect("the password engine");
        let last = bytes.len() - 1;
        bytes[last] ^= 0x01;
        std::fs::write(&file, bytes).expect("write the tampered engine");
    });
    let body = "<breach-check id=\"w\"></breach-check>";
    for (why, bundle) in [("missing", &missing.0), ("tampered", &tampered.0)] {
        let site = Site::new()
            .mount("/bc/", bundle)
            .page("/x.html", host_page("", body), &[]);
        let session = Session::open(browser, site, "/x.html").await;
        let tab = &session.tab;
        tab.wait_for_widget("#w").await;
        tab.type_into("#w", "password", "motdepasse").await;
        tab.wait_for(
            "document.querySelector('#w').shadowRoot.querySelector('.bc').dataset.passwordEngine === 'unavailable'",
        )
        .await;
        tab.settle().await;
        assert_meter_unavailable(tab, "#w", why).await;
        // The rest of the widget is unharmed: what was typed is kept, the exposure check works.
        let kept: String = tab
            .eval(&format!("{}.value", Tab::hook("#w", "password")))
            .await;
        assert_eq!(kept, "motdepasse", "{why}: the field lost what was typed");
        assert_eq!(compute_verdict(tab, "#w").await, "exposed", "{why}");
        assert_eq!(
            requests_of(&session, ENGINE),
            1,
            "{why} engine: {:?}",
            session.requests()
        );
        session.assert_requests_within("/x.html", "/bc/", &[]);
    }
}

pub async fn a_stalled_password_engine_is_busy_then_said_unavailable_after_ten_seconds(
    browser: &Browser,
) {
    // Held for two minutes, as a stuck CDN edge would: the loader gives up after 10 s.
    let site = Site::new()
        .mount("/bc/", breach_check_e2e::harness::dist())
        .delay(ENGINE, Duration::from_secs(120))
        .page(
            "/x.html",
            host_page(
                "",
                "<breach-check id=\"w\" sections=\"password\"></breach-check>",
            ),
            &[],
        );
    let session = Session::open(browser, site, "/x.html").await;
    let tab = &session.tab;
    tab.wait_for_widget("#w").await;
    tab.type_into("#w", "password", "motdepasse").await;
    let asked_at = Instant::now();
    // While it loads: busy, and it says so.
    let waiting = meter_state(tab, "#w").await;
    assert_eq!(waiting.busy.as_deref(), Some("true"), "{waiting:?}");
    assert_eq!(waiting.score, None, "{waiting:?}");
    assert!(
        waiting.text.contains("Chargement") && waiting.visible,
        "the meter does not say it is loading: {waiting:?}"
    );
    tab.wait_for(
        "document.querySelector('#w').shadowRoot.querySelector('.bc').dataset.passwordEngine === 'unavailable'",
    )
    .await;
    let waited = asked_at.elapsed();
    assert!(
        waited >= Duration::from_secs(6) && waited < Duration::from_secs(30),
        "the meter gave up after {waited:?}, not after the loader's 10 s"
    );
    tab.settle().await;
    assert_meter_unavailable(tab, "#w", "stalled").await;
}
