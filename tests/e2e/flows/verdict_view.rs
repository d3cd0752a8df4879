//! The verdict as a member reads it: the timeline and its words, next steps with the official
//! services, dated sources, the printed sheet, and a 320 px phone screen.

use breach_check_e2e::browser::{Browser, Tab};
use breach_check_e2e::engine::Feature;
use breach_check_e2e::harness::{
    BUNDLE_PREFIX, HOST_PAGE, Session, dist, expect_verdict, host_page,
};
use breach_check_e2e::server::Site;

/// A JS expression for the shadow root of `host`.
fn shadow(host: &str) -> String {
    format!("document.querySelector({host:?}).shadowRoot")
}

/// The lines of `host`'s timeline text equivalent.
async fn timeline_lines(tab: &Tab, host: &str) -> Vec<String> {
    tab.eval(&format!(
        "[...{}.querySelectorAll('.bc-timeline figcaption li')].map(li => li.textContent)",
        shadow(host)
    ))
    .await
}

pub async fn an_exposed_verdict_has_a_described_timeline_next_steps_dated_sources_and_prints_cleanly(
    browser: &Browser,
) {
    let session = Session::open_host_page(
        browser,
        "",
        r#"<breach-check id="fr" insurer="mutami"></breach-check>
           <breach-check id="en" lang="en" insurer="mutami"></breach-check>"#,
    )
    .await;
    let tab = &session.tab;
    for host in ["#fr", "#en"] {
        tab.wait_until_settled(host).await;
        tab.set_value(host, "contract-start", "2015-03-01").await;
        expect_verdict(tab, host, "exposed").await;
    }

    // The timeline: an inline SVG named by its title, with a text equivalent beside it.
    let (namespace, role, title): (String, String, String) = tab
        .in_shadow(
            "#fr",
            "const svg = root.querySelector('.bc-timeline svg');
             const title = root.getElementById(svg.getAttribute('aria-labelledby'));
             return [svg.namespaceURI, svg.getAttribute('role'), title ? title.textContent : ''];",
        )
        .await;
    assert_eq!(namespace, "http://www.w3.org/2000/svg");
    assert_eq!(role, "img");
    assert!(
        !title.trim().is_empty(),
        "the timeline has no accessible name"
    );
    let lines = timeline_lines(tab, "#fr").await;
    println!("timeline (fr): {lines:#?}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Votre contrat") && l.contains("01/03/2015")),
        "the text equivalent does not name the contract: {lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Viamedis") && l.contains("22/01/2024")),
        "the text equivalent does not date the Viamedis intrusion: {lines:?}"
    );

    // Next steps: the official services, and 33700 for scam texts.
    let (steps, hrefs): (String, Vec<String>) = tab
        .in_shadow(
            "#fr",
            "const steps = root.querySelector('.bc-steps');
             return [steps.textContent, [...steps.querySelectorAll('a[href]')].map(a => a.href)];",
        )
        .await;
    for site in ["cybermalveillance.gouv.fr", "signal-spam.fr"] {
        assert!(
            hrefs
                .iter()
                .any(|h| h.starts_with(&format!("https://www.{site}"))),
            "no link to {site}: {hrefs:?}"
        );
    }
    assert!(steps.contains("33700"), "33700 is not mentioned: {steps}");

    // Sources: a closed <details> of dated items.
    let (tag, open, items): (String, bool, Vec<String>) = tab
        .in_shadow(
            "#fr",
            "const d = root.querySelector('.bc-sources');
             return [d.tagName, d.open, [...d.querySelectorAll('li')].map(li => li.textContent)];",
        )
        .await;
    println!("sources: {items:#?}");
    assert_eq!((tag.as_str(), open), ("DETAILS", false));
    assert!(!items.is_empty(), "no sources");
    let dated: Vec<bool> = tab
        .in_shadow(
            "#fr",
            r"return [...root.querySelectorAll('.bc-sources li')]
                .map(li => /\b\d{2}\/\d{2}\/\d{4}\b/.test(li.textContent));",
        )
        .await;
    assert!(
        dated.iter().all(|d| *d),
        "sources without a date: {:?}",
        items
            .iter()
            .zip(&dated)
            .filter(|(_, d)| !**d)
            .map(|(i, _)| i)
            .collect::<Vec<_>>()
    );

    // In English, the English colon.
    let lines = timeline_lines(tab, "#en").await;
    println!("timeline (en): {lines:#?}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Your contract") && l.contains("1 Mar 2015")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Viamedis") && l.contains("22 Jan 2024")),
        "{lines:?}"
    );
    for line in &lines {
        assert!(!line.contains(" : "), "French spacing in English: {line:?}");
    }
    tab.screenshot("verdict-exposed-mutami").await;

    // On paper: the verdict only, the sources shown although the <details> is closed. Only
    // Chromium can put a live page in print media (Feature::PrintMedia).
    if browser.engine.lacks(Feature::PrintMedia).is_some() {
        return;
    }
    tab.emulate_media("print", &[]).await;
    for host in ["#fr", "#en"] {
        let printed: Vec<(String, String)> = tab
            .eval(&format!(
                "['.bc-form', '.bc-password', '.bc-print-row'].map(s => \
                 [s, getComputedStyle({}.querySelector(s)).display])",
                shadow(host)
            ))
            .await;
        for (selector, display) in &printed {
            assert_eq!(display, "none", "{host}: {selector} is printed");
        }
        let (button_visible, open, height): (bool, bool, f64) = tab
            .in_shadow(
                host,
                "const d = root.querySelector('.bc-sources');
                 return [root.querySelector('.bc-print').checkVisibility(), d.open,
                   d.querySelector('ul').getBoundingClientRect().height];",
            )
            .await;
        assert!(!button_visible, "{host}: the print button is printed");
        assert!(!open, "{host}: printing opened the sources");
        assert!(
            height > 0.0,
            "{host}: the sources are not on paper (height {height})"
        );
    }
    tab.screenshot("verdict-exposed-mutami-print").await;
    tab.emulate_media("", &[]).await;
}

pub async fn on_a_320_pixel_phone_nothing_sticks_out_of_the_screen(browser: &Browser) {
    let head = "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
                <style>html { font-size: 13px } body { margin: 8px }</style>";
    // The host page in a frame 320 CSS pixels wide: its viewport and media queries are a
    // phone's in every engine.
    let body = r#"<breach-check id="a" insurer="la-mutuelle-generale"></breach-check>
           <breach-check id="b"></breach-check>"#;
    let phone = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>phone</title>\
                 <link rel=\"icon\" href=\"data:,\"></head><body style=\"margin: 0\">\
                 <iframe title=\"phone\" src=\"/x.html\" style=\"width: 320px; height: 900px; border: 0\"></iframe>\
                 </body></html>";
    let site = Site::new()
        .mount(BUNDLE_PREFIX, dist())
        .page(HOST_PAGE, host_page(head, body), &[])
        .page("/phone.html", phone, &[]);
    let session = Session::open(browser, site, "/phone.html").await;
    let tab = &session.tab;
    tab.wait_for("document.querySelector('iframe').contentDocument?.readyState === 'complete'")
        .await;
    tab.client()
        .enter_frame(0)
        .await
        .expect("enter the phone frame");
    for host in ["#a", "#b"] {
        tab.wait_until_settled(host).await;
    }
    tab.wait_for("window.innerWidth === 320").await;
    tab.set_value("#a", "contract-start", "2019-01-01").await;
    expect_verdict(tab, "#a", "exposed").await;
    let _: bool = tab
        .eval(&format!(
            "{}.querySelector('.bc-sources').open = true",
            shadow("#a")
        ))
        .await;
    tab.set_value("#b", "operator", "unknown").await;
    tab.wait_for(&format!("{}.querySelector('.bc-card-help')", shadow("#b")))
        .await;
    tab.type_into("#b", "password", "Marie1985").await;
    tab.wait_for(&format!(
        "{}.hasAttribute('data-score')",
        Tab::hook("#b", "password-meter")
    ))
    .await;

    let (width, scroll_width, overflowing): (f64, f64, Vec<String>) = tab
        .call(include_str!("../js/overflowing.js"), Vec::new())
        .await;
    tab.client()
        .enter_parent_frame()
        .await
        .expect("leave the phone frame");
    tab.screenshot("exposure-320px").await;
    session.assert_only_bundle_and_host_requests("/phone.html", BUNDLE_PREFIX, &[HOST_PAGE]);
    assert_eq!(width, 320.0);
    assert!(
        overflowing.is_empty(),
        "{} elements stick out of the 320 px screen:\n{}",
        overflowing.len(),
        overflowing.join("\n")
    );
    assert!(
        scroll_width <= width,
        "the page scrolls sideways: {scroll_width} px wide on a {width} px screen"
    );
}
