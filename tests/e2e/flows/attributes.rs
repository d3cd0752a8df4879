//! The element's attributes as the contract states them: unknown values fall back to the
//! defaults and say so once per page, every attribute is followed live on a mounted element,
//! `theme="auto"` follows the visitor's colour scheme, the host's CSS custom properties reach
//! inside the shadow root, and an element removed and re-added many times leaks nothing.

use serde::Deserialize;
use serde_json::json;

use breach_check_e2e::browser::{Browser, Tab};
use breach_check_e2e::engine::Feature;
use breach_check_e2e::harness::{
    BUNDLE_PREFIX, HOST_PAGE, Session, compute_verdict, expect_verdict,
};

/// Every incident id of the pack (the contract lists them).
const INCIDENT_IDS: [&str; 3] = ["viamedis-2024", "almerys-2024", "itelis-2025"];

/// A JS expression for `host`'s root `.bc` element inside its shadow root.
fn root(host: &str) -> String {
    format!("document.querySelector({host:?}).shadowRoot.querySelector('.bc')")
}

/// The relative luminance (0 black .. 1 white) of `host`'s background.
async fn background_luminance(tab: &Tab, host: &str) -> f64 {
    tab.call(LUMINANCE, vec![json!(host)]).await
}

const LUMINANCE: &str = include_str!("../js/background_luminance.js");

/// Waits until `host`'s background is dark (`true`) or light (`false`).
async fn wait_for_background(tab: &Tab, host: &str, dark: bool) {
    tab.wait_until(LUMINANCE, vec![json!(host)], |l: &f64| {
        if dark { *l < 0.2 } else { *l > 0.8 }
    })
    .await;
}

/// Records every `console.warn` of the page from before the loader runs.
fn warn_recorder() -> String {
    format!(
        "<script>{}</script>",
        include_str!("../js/warn_recorder.js")
    )
}

pub async fn unknown_attribute_values_fall_back_to_defaults_and_warn_once_per_page(
    browser: &Browser,
) {
    let bad = r#"lang="klingon" sections="nonsense" theme="neon" insurer="no-such-mutuelle" operator="nope" notice-href="javascript:alert(1)""#;
    let session = Session::open_host_page(
        browser,
        &warn_recorder(),
        &format!("<breach-check id=\"a\" {bad}></breach-check><breach-check id=\"b\" {bad}></breach-check>"),
    )
    .await;
    let tab = &session.tab;
    for host in ["#a", "#b"] {
        tab.wait_until_settled(host).await;
    }

    // One warning per bad attribute on the page, not one per element.
    let warnings: Vec<String> = tab.eval("window.__warnings").await;
    println!("console.warn calls: {warnings:#?}");
    for (attribute, value) in [
        ("lang", "klingon"),
        ("sections", "nonsense"),
        ("theme", "neon"),
        ("insurer", "no-such-mutuelle"),
        ("operator", "nope"),
        ("notice-href", "javascript:alert(1)"),
    ] {
        let count = warnings
            .iter()
            .filter(|w| w.contains(attribute) && w.contains(value))
            .count();
        assert_eq!(
            count, 1,
            "{attribute}=\"{value}\" was reported {count} times, not once: {warnings:#?}"
        );
    }

    for host in ["#a", "#b"] {
        let (lang, classes): (String, Vec<String>) = tab
            .eval(&format!(
                "[{r}.getAttribute('lang'), [...{r}.classList]]",
                r = root(host)
            ))
            .await;
        assert_eq!(lang, "fr", "{host}: lang=klingon must fall back to French");
        assert!(
            classes.contains(&"bc-theme-light".to_owned()),
            "{host}: theme=neon must fall back to light: {classes:?}"
        );
        let light = background_luminance(tab, host).await;
        assert!(
            light > 0.8,
            "{host}: light theme background, luminance {light}"
        );
        for hook in [
            "insurer",
            "operator",
            "contract-start",
            "password",
            "password-meter",
        ] {
            let present: bool = tab.eval(&format!("!!{}", Tab::hook(host, hook))).await;
            assert!(
                present,
                "{host}: sections=nonsense must show both sections; {hook} is missing"
            );
        }
        // The unknown insurer is said next to the insurer field.
        tab.wait_for(&format!(
            "document.querySelector({host:?}).shadowRoot\
             .querySelector('#bc-insurer-error [data-testid=input-error][data-error=unknown-insurer]')"
        ))
        .await;
    }

    // A verdict is where notice-href would be linked: a javascript: URL must give no link.
    for host in ["#a", "#b"] {
        tab.set_value(host, "operator", "viamedis").await;
        tab.set_value(host, "contract-start", "2020-01-01").await;
        tab.wait_for(&format!("{}?.dataset.verdict", Tab::hook(host, "verdict")))
            .await;
        let (script_links, hrefs): (u32, Vec<String>) = tab
            .in_shadow(
                host,
                r#"return [root.querySelectorAll('a[href^="javascript" i]').length,
                   [...root.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))];"#,
            )
            .await;
        assert_eq!(
            script_links, 0,
            "{host}: a javascript: link is in the widget: {hrefs:?}"
        );
        for href in &hrefs {
            assert!(
                href.starts_with("https://") || href.starts_with("http://"),
                "{host}: a link that is not http(s): {href}"
            );
        }
    }
    let warnings_after: Vec<String> = tab.eval("window.__warnings").await;
    assert_eq!(
        warnings_after.len(),
        warnings.len(),
        "using the widget warned again: {warnings_after:#?}"
    );
}

/// One `breach-check:*` event as the page heard it on `document`.
#[derive(Debug, Deserialize)]
struct HeardEvent {
    r#type: String,
    target: String,
    bubbles: bool,
    composed: bool,
    detail_is_null: bool,
    keys: Vec<String>,
    detail: String,
}

/// Records `breach-check:*` events from before the loader runs (see the script).
fn event_recorder() -> String {
    format!(
        "<script>{}</script>",
        include_str!("../js/event_recorder.js")
    )
}

async fn heard(tab: &Tab) -> Vec<HeardEvent> {
    tab.eval("window.__events").await
}

pub async fn every_attribute_is_followed_live_on_a_mounted_element(browser: &Browser) {
    let session = Session::open_host_page(
        browser,
        &event_recorder(),
        r#"<breach-check id="w"></breach-check>"#,
    )
    .await;
    let tab = &session.tab;
    tab.wait_until_settled("#w").await;

    // emit-events absent: a verdict dispatches nothing, and there was no ready event.
    let verdict = compute_verdict(tab, "#w").await;
    assert_eq!(verdict, "exposed");
    // A positive barrier: the verdict is rendered; then every render queued after it runs.
    tab.settle().await;
    let dispatched: Vec<String> = tab.eval("window.__dispatched").await;
    assert!(
        heard(tab).await.is_empty() && dispatched.is_empty(),
        "events without emit-events: {:?} / {dispatched:?}",
        heard(tab).await
    );

    // emit-events added live: the next verdict change is an event with the code and ids only.
    let _: bool = tab
        .eval("document.querySelector('#w').setAttribute('emit-events', ''), true")
        .await;
    tab.set_value("#w", "contract-start", "2024-06-01").await;
    tab.wait_for("window.__events.some(e => e.type === 'breach-check:verdict')")
        .await;
    let events = heard(tab).await;
    let event = events
        .iter()
        .rfind(|e| e.r#type == "breach-check:verdict")
        .expect("a verdict event");
    println!("verdict event: {event:?}");
    assert!(event.bubbles && event.composed, "{event:?}");
    assert_eq!(event.target, "w");
    assert_eq!(
        event.keys,
        ["incidents", "verdict"],
        "detail: {}",
        event.detail
    );
    let detail: serde_json::Value = serde_json::from_str(&event.detail).expect("detail as JSON");
    let code = detail["verdict"].as_str().expect("verdict is a string");
    assert!(
        ["exposed", "not-exposed", "uncertain"].contains(&code),
        "verdict code {code}"
    );
    let shown: String = tab
        .eval(&format!("{}.dataset.verdict", Tab::hook("#w", "verdict")))
        .await;
    assert_eq!(code, shown, "the event and the verdict hook disagree");
    let incidents: Vec<String> = detail["incidents"]
        .as_array()
        .expect("incidents is an array")
        .iter()
        .map(|id| id.as_str().expect("an incident id is a string").to_owned())
        .collect();
    for id in &incidents {
        assert!(
            INCIDENT_IDS.contains(&id.as_str()),
            "{id} is not an incident id"
        );
    }
    assert_eq!(
        incidents,
        tab.all_hooks("#w", "incident", "data-incident").await
    );
    assert!(!event.detail.contains("2024-06-01") && !event.detail.contains("viamedis\""));

    // insurer and operator, set live, preselect.
    let set = |name: &str, value: &str| {
        format!("document.querySelector('#w').setAttribute({name:?}, {value:?}), true")
    };
    let _: bool = tab.eval(&set("insurer", "mutami")).await;
    tab.wait_for(&format!(
        "{}.dataset.insurerId === 'mutami'",
        Tab::hook("#w", "insurer")
    ))
    .await;
    let _: bool = tab.eval(&set("operator", "almerys")).await;
    tab.wait_for(&format!(
        "{}.value === 'almerys'",
        Tab::hook("#w", "operator")
    ))
    .await;

    // theme: light, then dark.
    let light = background_luminance(tab, "#w").await;
    assert!(light > 0.8, "light background, luminance {light}");
    let _: bool = tab.eval(&set("theme", "dark")).await;
    wait_for_background(tab, "#w", true).await;

    // notice-href: the verdict links to the host's notice.
    let _: bool = tab
        .eval(&set("notice-href", "https://www.example.org/avis"))
        .await;
    tab.wait_for(&format!(
        "{}?.querySelector('a[href=\"https://www.example.org/avis\"]')",
        Tab::hook("#w", "verdict")
    ))
    .await;

    // lang: the headings turn English.
    let french: String = tab
        .eval(&format!("{}.querySelector('h2').textContent", root("#w")))
        .await;
    let _: bool = tab.eval(&set("lang", "en")).await;
    tab.wait_for(&format!(
        "{r}.lang === 'en' && {r}.querySelector('h2').textContent === 'Was my data leaked in 2024?'",
        r = root("#w")
    ))
    .await;
    assert_ne!(french, "Was my data leaked in 2024?");

    // sections: the exposure check goes, the password meter stays.
    let _: bool = tab.eval(&set("sections", "password")).await;
    tab.wait_for(&format!(
        "!{} && !{} && {}",
        Tab::hook("#w", "verdict"),
        Tab::hook("#w", "insurer"),
        Tab::hook("#w", "password")
    ))
    .await;

    // A fresh element with emit-events says it is ready, with no detail.
    let _: bool = tab
        .eval(
            "(() => { const e = document.createElement('breach-check'); e.id = 'fresh'; \
             e.setAttribute('emit-events', ''); document.querySelector('main').append(e); return true })()",
        )
        .await;
    tab.wait_for(
        "window.__events.some(e => e.type === 'breach-check:ready' && e.target === 'fresh')",
    )
    .await;
    let events = heard(tab).await;
    let ready: Vec<&HeardEvent> = events
        .iter()
        .filter(|e| e.r#type == "breach-check:ready")
        .collect();
    assert_eq!(
        ready.len(),
        1,
        "only the fresh element is ready: {events:?}"
    );
    assert!(ready[0].detail_is_null, "ready detail: {}", ready[0].detail);
    assert!(ready[0].bubbles && ready[0].composed);
    let dispatched: Vec<String> = tab.eval("window.__dispatched").await;
    assert_eq!(
        dispatched.len(),
        events.len(),
        "dispatched {dispatched:?}, but the document heard {events:?}"
    );

    session.assert_only_bundle_requests(HOST_PAGE, BUNDLE_PREFIX);
    session.assert_nothing_stored().await;
}

pub async fn theme_auto_follows_the_colour_scheme_and_host_custom_properties_reach_inside(
    browser: &Browser,
) {
    let head = "<style>breach-check#w { --bc-accent: #8a1538; --bc-radius: 3px; \
                --bc-font: Georgia, serif }</style>";
    let session = Session::open_host_page(
        browser,
        head,
        r#"<breach-check id="w" theme="auto"></breach-check><breach-check id="plain"></breach-check>"#,
    )
    .await;
    let tab = &session.tab;
    tab.wait_until_settled("#w").await;
    tab.wait_until_settled("#plain").await;

    // Only Chromium can switch the visitor's colour scheme on a live page (Feature::ColorScheme);
    // elsewhere theme="auto" is checked against the engine's own (light) preference, and the
    // dark counterparts below through theme="dark".
    let switchable = browser.engine.lacks(Feature::ColorScheme).is_none();
    if switchable {
        tab.emulate_media("", &[("prefers-color-scheme", "dark")])
            .await;
        wait_for_background(tab, "#w", true).await;
        tab.screenshot("theme-auto-dark").await;
        tab.emulate_media("", &[("prefers-color-scheme", "light")])
            .await;
        wait_for_background(tab, "#w", false).await;
        tab.emulate_media("", &[("prefers-color-scheme", "dark")])
            .await;
        wait_for_background(tab, "#w", true).await;
    } else {
        let prefers_dark: bool = tab
            .eval("matchMedia('(prefers-color-scheme: dark)').matches")
            .await;
        wait_for_background(tab, "#w", prefers_dark).await;
    }
    // theme absent stays light whatever the visitor prefers.
    let plain = background_luminance(tab, "#plain").await;
    assert!(plain > 0.8, "the default theme is light, luminance {plain}");

    // The host's custom properties: accent on the show/hide button, radius on the box and
    // (halved) on the fields, font on everything. The element without them keeps the defaults.
    const STYLE: &str = include_str!("../js/custom_properties.js");
    let styled: Vec<String> = tab.call(STYLE, vec![json!("#w")]).await;
    println!("#w computed: {styled:?}");
    assert_eq!(
        styled[0], "rgb(138, 21, 56)",
        "--bc-accent on the toggle's text"
    );
    assert_eq!(
        styled[1], "rgb(138, 21, 56)",
        "--bc-accent on the toggle's border"
    );
    assert_eq!(styled[2], "3px", "--bc-radius on the widget's box");
    assert_eq!(styled[3], "1.5px", "--bc-radius / 2 on the fields");
    assert!(
        styled[4].contains("Georgia"),
        "--bc-font on the widget: {}",
        styled[4]
    );
    assert!(
        styled[5].contains("Georgia"),
        "--bc-font on the fields: {}",
        styled[5]
    );
    let defaults: Vec<String> = tab.call(STYLE, vec![json!("#plain")]).await;
    println!("#plain computed: {defaults:?}");
    assert_ne!(defaults[0], "rgb(138, 21, 56)");
    assert_eq!(defaults[2], "8px");
    assert!(!defaults[4].contains("Georgia"));

    // Links in a verdict take the accent too.
    compute_verdict(tab, "#w").await;
    let link: String = tab
        .eval(&format!(
            "getComputedStyle({}.querySelector('a[href]')).color",
            Tab::hook("#w", "verdict")
        ))
        .await;
    assert_eq!(
        link, "rgb(138, 21, 56)",
        "--bc-accent on the verdict's links"
    );

    // In the dark theme a --bc-dark-* counterpart wins over the light one.
    let _: bool = tab
        .eval(
            "(() => { const s = document.createElement('style'); \
             s.textContent = 'breach-check#w { --bc-dark-accent: #f2a7bd }'; \
             document.head.append(s); return true })()",
        )
        .await;
    let set_theme = |theme: &str| {
        format!("document.querySelector('#w').setAttribute('theme', {theme:?}), true")
    };
    if !switchable {
        let _: bool = tab.eval(&set_theme("dark")).await;
    }
    let toggle = "getComputedStyle(document.querySelector('#w').shadowRoot.querySelector('.bc-toggle')).color";
    tab.wait_for(&format!("{toggle} === 'rgb(242, 167, 189)'"))
        .await;
    if switchable {
        tab.emulate_media("", &[("prefers-color-scheme", "light")])
            .await;
    } else {
        let _: bool = tab.eval(&set_theme("light")).await;
    }
    tab.wait_for(&format!("{toggle} === 'rgb(138, 21, 56)'"))
        .await;
}

pub async fn removing_and_re_adding_an_element_twenty_times_frees_what_it_used(browser: &Browser) {
    let session = Session::open_host_page(
        browser,
        "",
        r#"<div id="slot"><breach-check id="w"></breach-check></div>"#,
    )
    .await;
    let tab = &session.tab;
    tab.wait_until_settled("#w").await;

    // Removed: its shadow root empties at once.
    let remove = async |i: u32| {
        let emptied: u32 = tab
            .call(include_str!("../js/remove_widget.js"), Vec::new())
            .await;
        assert_eq!(
            emptied, 0,
            "cycle {i}: the removed element still holds its widget"
        );
    };
    // Re-added: mounted again and used.
    let add = async || {
        let _: bool = tab
            .eval(
                "document.querySelector('#slot').append(window.__bcDetached), \
                 window.__bcDetached = null, true",
            )
            .await;
        tab.wait_for_widget("#w").await;
        tab.set_value("#w", "operator", "viamedis").await;
        tab.set_value("#w", "contract-start", "2020-01-01").await;
        expect_verdict(tab, "#w", "exposed").await;
    };

    // Counting what is left needs Chromium's counters (Feature::MemoryCounters); the other
    // engines run the same cycles without the counts.
    let counted = browser.engine.lacks(Feature::MemoryCounters).is_none();
    if !counted {
        for i in 1..=20 {
            remove(i).await;
            add().await;
        }
        session.assert_only_bundle_requests(HOST_PAGE, BUNDLE_PREFIX);
        return;
    }
    remove(1).await;
    add().await;
    remove(2).await;
    let removed = tab.dom_counters_after_gc().await;
    add().await;
    let early = tab.dom_counters_after_gc().await;
    let widget_nodes: i64 = tab
        .call(
            include_str!("../js/count_shadow_nodes.js"),
            vec![json!("#w")],
        )
        .await;
    let widget_listeners = early.js_event_listeners - removed.js_event_listeners;
    for i in 3..=20 {
        remove(i).await;
        add().await;
    }
    let late = tab.dom_counters_after_gc().await;
    let nodes = late.nodes - early.nodes;
    let listeners = late.js_event_listeners - early.js_event_listeners;
    println!(
        "one mounted widget: {widget_nodes} nodes in its shadow root, {widget_listeners} JS listeners; \
         removed after cycle 2: {} nodes, {} listeners; mounted after cycle 2: {} nodes, {} listeners; \
         after cycle 20: {} nodes, {} listeners; growth over 18 cycles: {nodes} nodes, {listeners} listeners",
        removed.nodes,
        removed.js_event_listeners,
        early.nodes,
        early.js_event_listeners,
        late.nodes,
        late.js_event_listeners
    );
    assert!(
        widget_nodes > 100,
        "the widget has only {widget_nodes} nodes?"
    );
    assert!(
        nodes < widget_nodes / 4,
        "18 remove/re-add cycles left {nodes} more DOM nodes (one widget is {widget_nodes})"
    );
    assert!(
        listeners < widget_listeners.max(1),
        "18 remove/re-add cycles left {listeners} more JS event listeners \
         (one mounted widget adds {widget_listeners})"
    );
    session.assert_only_bundle_requests(HOST_PAGE, BUNDLE_PREFIX);
}
