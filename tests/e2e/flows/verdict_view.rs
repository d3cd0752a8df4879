//! The verdict as a member reads it: the timeline and its words, next steps with the official
//! services, dated sources, the printed sheet, and a 320 px phone screen.

use crate::browser::Tab;
use crate::exposure::set_value;
use crate::harness::{expect_verdict, open_host_page};

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

#[tokio::test(flavor = "multi_thread")]
async fn an_exposed_verdict_has_a_described_timeline_next_steps_dated_sources_and_prints_cleanly() {
    let session = open_host_page(
        "",
        r#"<breach-check id="fr" insurer="mutami"></breach-check>
           <breach-check id="en" lang="en" insurer="mutami"></breach-check>"#,
    )
    .await;
    let tab = &session.tab;
    for host in ["#fr", "#en"] {
        tab.wait_until_settled(host).await;
        set_value(tab, host, "contract-start", "2015-03-01").await;
        expect_verdict(tab, host, "exposed").await;
    }

    // The timeline: an inline SVG named by its title, with a text equivalent beside it.
    let (namespace, role, title): (String, String, String) = tab
        .eval(&format!(
            "(() => {{ const svg = {}.querySelector('.bc-timeline svg'); \
             const title = svg.getRootNode().getElementById(svg.getAttribute('aria-labelledby')); \
             return [svg.namespaceURI, svg.getAttribute('role'), title ? title.textContent : '']; }})()",
            shadow("#fr")
        ))
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
        .eval(&format!(
            "(() => {{ const s = {}.querySelector('.bc-steps'); \
             return [s.textContent, [...s.querySelectorAll('a[href]')].map(a => a.href)]; }})()",
            shadow("#fr")
        ))
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
        .eval(&format!(
            "(() => {{ const d = {}.querySelector('.bc-sources'); \
             return [d.tagName, d.open, [...d.querySelectorAll('li')].map(li => li.textContent)]; }})()",
            shadow("#fr")
        ))
        .await;
    println!("sources: {items:#?}");
    assert_eq!((tag.as_str(), open), ("DETAILS", false));
    assert!(!items.is_empty(), "no sources");
    let dated: Vec<bool> = tab
        .eval(&format!(
            "[...{}.querySelectorAll('.bc-sources li')].map(li => /\\b\\d{{2}}\\/\\d{{2}}\\/\\d{{4}}\\b/.test(li.textContent))",
            shadow("#fr")
        ))
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

    // On paper: the verdict only, the sources shown although the <details> is closed.
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
            .eval(&format!(
                "(() => {{ const r = {}; const d = r.querySelector('.bc-sources'); \
                 return [r.querySelector('.bc-print').checkVisibility(), d.open, \
                 d.querySelector('ul').getBoundingClientRect().height]; }})()",
                shadow(host)
            ))
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
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_320_pixel_phone_nothing_sticks_out_of_the_screen() {
    let head = "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
                <style>html { font-size: 13px } body { margin: 8px }</style>";
    let session = open_host_page(
        head,
        r#"<breach-check id="a" insurer="la-mutuelle-generale"></breach-check>
           <breach-check id="b"></breach-check>"#,
    )
    .await;
    let tab = &session.tab;
    tab.emulate_viewport(320, 900, true).await;
    for host in ["#a", "#b"] {
        tab.wait_until_settled(host).await;
    }
    tab.wait_for("window.innerWidth === 320").await;
    set_value(tab, "#a", "contract-start", "2019-01-01").await;
    expect_verdict(tab, "#a", "exposed").await;
    let _: bool = tab
        .eval(&format!(
            "{}.querySelector('.bc-sources').open = true",
            shadow("#a")
        ))
        .await;
    set_value(tab, "#b", "operator", "unknown").await;
    tab.wait_for(&format!("{}.querySelector('.bc-card-help')", shadow("#b")))
        .await;
    tab.type_into("#b", "password", "Marie1985").await;
    tab.wait_for(&format!(
        "{}.hasAttribute('data-score')",
        Tab::hook("#b", "password-meter")
    ))
    .await;

    let (width, scroll_width, overflowing): (f64, f64, Vec<String>) = tab
        .eval(
            "(() => { const width = window.innerWidth; const out = []; \
             const visit = root => { for (const el of root.querySelectorAll('*')) { \
               const r = el.getBoundingClientRect(); \
               if ((r.width > 0 || r.height > 0) && (r.right > width + 1 || r.left < -1)) \
                 out.push(el.tagName + '.' + [...el.classList].join('.') + \
                   (el.dataset.testid ? '[' + el.dataset.testid + ']' : '') + \
                   ' ' + Math.round(r.left) + '..' + Math.round(r.right) + ' ' + \
                   JSON.stringify(el.textContent.slice(0, 40))); \
               if (el.shadowRoot) visit(el.shadowRoot); } }; \
             for (const host of document.querySelectorAll('breach-check')) visit(host.shadowRoot); \
             return [width, document.documentElement.scrollWidth, out]; })()",
        )
        .await;
    tab.screenshot("exposure-320px").await;
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
    session.close().await;
}
