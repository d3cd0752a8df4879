//! Accessibility: axe-core finds no WCAG 2.1 A/AA violation in the widget's states, in
//! French and English, light and dark. Screenshots of each state land in
//! `target/screenshots/` to be looked at.

use breach_check_e2e::browser::{Browser, Tab};
use breach_check_e2e::harness::{Session, dist};
use breach_check_e2e::server::Site;

fn page(lang: &str, theme: &str) -> String {
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">\
         <title>a11y</title><script src=\"/bc/breach-check.js\" defer></script></head>\
         <body><main><h1>Test</h1><breach-check id=\"w\" lang=\"{lang}\" theme=\"{theme}\"></breach-check></main></body></html>"
    )
}

async fn assert_accessible(browser: &Browser, lang: &str, theme: &str) {
    let site = Site::new()
        .mount("/bc/", dist())
        .page("/a11y.html", page(lang, theme), &[]);
    let session = Session::open(browser, site, "/a11y.html").await;
    let tab = &session.tab;
    tab.wait_until_settled("#w").await;
    let violations = tab.axe_violations().await;
    assert!(
        violations.is_empty(),
        "{lang}/{theme}, empty form: {violations:#?}"
    );

    // A weak password: warning, leak sentence and suggestions on screen.
    tab.type_into("#w", "password", "Marie1985").await;
    tab.wait_for(&format!(
        "{}.hasAttribute('data-score')",
        Tab::hook("#w", "password-meter")
    ))
    .await;
    let violations = tab.axe_violations().await;
    assert!(
        violations.is_empty(),
        "{lang}/{theme}, weak password: {violations:#?}"
    );
    tab.screenshot(&format!("password-weak-{lang}-{theme}"))
        .await;

    // A verdict with fields, incidents, timeline and sources on screen.
    tab.set_value("#w", "operator", "viamedis").await;
    tab.set_value("#w", "contract-start", "2018-04-01").await;
    tab.wait_for(&format!(
        "{}?.dataset.verdict === 'exposed'",
        Tab::hook("#w", "verdict")
    ))
    .await;
    let _: bool = tab
        .eval("document.querySelector('#w').shadowRoot.querySelector('details').open = true")
        .await;
    let violations = tab.axe_violations().await;
    assert!(
        violations.is_empty(),
        "{lang}/{theme}, exposed verdict: {violations:#?}"
    );
    // "I don't know": the card help and an uncertain verdict; and a date error.
    tab.set_value("#w", "operator", "unknown").await;
    tab.set_value("#w", "contract-end", "2017-01-01").await;
    tab.wait_for(&format!(
        "{}?.dataset.error === 'end-before-start'",
        Tab::hook("#w", "input-error")
    ))
    .await;
    let violations = tab.axe_violations().await;
    assert!(
        violations.is_empty(),
        "{lang}/{theme}, card help and date error: {violations:#?}"
    );
    tab.set_value("#w", "contract-end", "").await;
    tab.wait_for(&format!(
        "{}?.dataset.verdict === 'uncertain'",
        Tab::hook("#w", "verdict")
    ))
    .await;
    let violations = tab.axe_violations().await;
    assert!(
        violations.is_empty(),
        "{lang}/{theme}, uncertain verdict: {violations:#?}"
    );
    tab.screenshot(&format!("exposure-uncertain-{lang}-{theme}"))
        .await;
    session.assert_only_bundle_requests("/a11y.html", "/bc/");
    session.assert_nothing_stored().await;
}

pub async fn the_widget_has_no_axe_violation_in_french_light(browser: &Browser) {
    assert_accessible(browser, "fr", "light").await;
}

pub async fn the_widget_has_no_axe_violation_in_english_dark(browser: &Browser) {
    assert_accessible(browser, "en", "dark").await;
}

pub async fn the_widget_has_no_axe_violation_in_french_dark(browser: &Browser) {
    assert_accessible(browser, "fr", "dark").await;
}

pub async fn the_widget_has_no_axe_violation_in_english_light(browser: &Browser) {
    assert_accessible(browser, "en", "light").await;
}

pub async fn the_axe_check_sees_inside_the_shadow_root(browser: &Browser) {
    let site = Site::new()
        .mount("/bc/", dist())
        .page("/a11y.html", page("fr", "light"), &[]);
    let session = Session::open(browser, site, "/a11y.html").await;
    let tab = &session.tab;
    tab.wait_until_settled("#w").await;
    // Strip the password field's label: axe must report it from inside the shadow root.
    let _: bool = tab
        .eval("document.querySelector('#w').shadowRoot.querySelector('label[for=bc-password]').remove(), true")
        .await;
    let violations = tab.axe_violations().await;
    assert!(
        violations.iter().any(|v| v.starts_with("label:")),
        "an unlabelled field went unnoticed: {violations:#?}"
    );
}
