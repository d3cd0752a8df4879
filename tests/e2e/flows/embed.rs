//! The embed itself: one script tag, a custom element, an open shadow root, independent
//! instances, any path, a strict CSP, and not one request or stored byte beyond the bundle.

use breach_check_e2e::browser::{Browser, Tab};
use breach_check_e2e::engine::Feature;
use breach_check_e2e::harness::{Session, compute_verdict, dist, dist_site, initial_hooks};
use breach_check_e2e::server::Site;

const STRICT_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
    connect-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

pub async fn the_widget_mounts_in_an_open_shadow_root_on_a_foreign_host_and_sends_nothing(
    browser: &Browser,
) {
    let session = Session::open(browser, dist_site(), "/hosts/plain.html").await;
    let tab = &session.tab;
    tab.wait_until_settled("#first").await;

    let mode: String = tab
        .eval("document.querySelector('#first').shadowRoot.mode")
        .await;
    assert_eq!(mode, "open");
    for hook in initial_hooks() {
        let present: bool = tab.eval(&format!("!!{}", Tab::hook("#first", hook))).await;
        assert!(present, "hook {hook} is missing from the shadow root");
    }
    let leaked: u32 = tab
        .eval("document.querySelectorAll('[data-testid]').length")
        .await;
    assert_eq!(leaked, 0, "widget markup leaked into the host's light DOM");
    let lang: String = tab
        .eval("document.querySelector('#first').shadowRoot.querySelector('.bc').lang")
        .await;
    assert_eq!(lang, "fr", "French is the default language");
    let sheets: u32 = tab
        .eval("document.querySelector('#first').shadowRoot.adoptedStyleSheets.length")
        .await;
    assert_eq!(sheets, 1, "the widget's styles are one adopted stylesheet");

    // Interactive from here: typing must not make a single request.
    let before = session.requests().len();
    tab.type_into("#first", "insurer", "mutuelle générale")
        .await;
    tab.type_into("#first", "contract-start", "01012020").await;
    tab.type_into("#first", "password", "Marie1985!").await;
    // A positive barrier: the password is rated, then every queued render has run.
    tab.wait_for(&format!(
        "{}.value === 'Marie1985!' && {}.hasAttribute('data-score')",
        Tab::hook("#first", "password"),
        Tab::hook("#first", "password-meter")
    ))
    .await;
    tab.settle().await;
    assert_eq!(
        session.requests().len(),
        before,
        "requests after the widget was interactive: {:?}",
        &session.requests()[before..]
    );
    session.assert_only_bundle_requests("/hosts/plain.html", "/");
    session.assert_nothing_stored().await;
    tab.screenshot("foreign-host").await;
}

pub async fn instances_are_independent_follow_their_attributes_and_mount_when_added_later(
    browser: &Browser,
) {
    let session = Session::open(browser, dist_site(), "/hosts/two.html").await;
    let tab = &session.tab;
    tab.wait_for_widget("#fr").await;
    tab.wait_for_widget("#en").await;

    let sections = |host: &str| {
        format!("document.querySelector('{host}').shadowRoot.querySelectorAll('section').length")
    };
    assert_eq!(tab.eval::<u32>(&sections("#fr")).await, 2);
    assert_eq!(
        tab.eval::<u32>(&sections("#en")).await,
        1,
        "sections=\"password\" shows one"
    );
    let heading = |host: &str| {
        format!("document.querySelector('{host}').shadowRoot.querySelector('h2').textContent")
    };
    assert!(
        tab.eval::<String>(&heading("#en"))
            .await
            .contains("password")
    );

    tab.type_into("#en", "password", "hunter2").await;
    let other: String = tab
        .eval(&format!("{}.value", Tab::hook("#fr", "password")))
        .await;
    assert_eq!(other, "", "typing in one instance changed the other");

    // An attribute change re-renders that instance only.
    let _: bool = tab
        .eval("document.querySelector('#en').setAttribute('lang', 'fr'), true")
        .await;
    tab.wait_for(&format!("{}.includes('mot de passe')", heading("#en")))
        .await;

    // Elements added after load mount; removal unmounts; adding again mounts again.
    let _: bool = tab
        .eval(
            "(() => { const el = document.createElement('breach-check'); el.id = 'late'; \
             el.setAttribute('lang', 'en'); document.body.append(el); return true })()",
        )
        .await;
    tab.wait_for_widget("#late").await;
    let emptied: bool = tab
        .eval(
            "(() => { const el = document.querySelector('#late'); el.remove(); \
             window.__late = el; return el.shadowRoot.childNodes.length === 0 })()",
        )
        .await;
    assert!(emptied, "a removed element keeps its app mounted");
    let _: bool = tab.eval("document.body.append(window.__late), true").await;
    tab.wait_until_settled("#late").await;

    session.assert_only_bundle_requests("/hosts/two.html", "/");
    session.assert_nothing_stored().await;
}

pub async fn a_copy_of_dist_under_a_nested_path_works_from_a_page_elsewhere(browser: &Browser) {
    let page = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>Espace adhérent</title>\
        <script src=\"/assets/vendor/bc/breach-check.js\" defer></script></head>\
        <body><h1>Sécurité</h1><breach-check id=\"w\"></breach-check></body></html>";
    let site = Site::new().mount("/assets/vendor/bc/", dist()).page(
        "/espace-adherent/securite.html",
        page,
        &[],
    );
    let session = Session::open(browser, site, "/espace-adherent/securite.html").await;
    session.tab.wait_until_settled("#w").await;
    session.tab.type_into("#w", "password", "azerty").await;
    session
        .tab
        .wait_for(&format!(
            "{}.hasAttribute('data-score')",
            Tab::hook("#w", "password-meter")
        ))
        .await;
    session.assert_only_bundle_requests("/espace-adherent/securite.html", "/assets/vendor/bc/");
    session.assert_nothing_stored().await;
}

pub async fn a_host_with_a_strict_csp_and_no_unsafe_inline_gets_a_styled_widget(browser: &Browser) {
    let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Strict</title>\
        <script src=\"/bc/breach-check.js\" defer></script></head>\
        <body><breach-check id=\"w\" lang=\"en\"></breach-check></body></html>";
    let site = Site::new().mount("/bc/", dist()).page(
        "/strict.html",
        page,
        &[("Content-Security-Policy", STRICT_CSP)],
    );
    let session = Session::open(browser, site, "/strict.html").await;
    session.tab.wait_until_settled("#w").await;
    // The adopted stylesheet applied: the root has the widget's border, not the UA default.
    let border: String = session
        .tab
        .eval("getComputedStyle(document.querySelector('#w').shadowRoot.querySelector('.bc')).borderTopStyle")
        .await;
    assert_eq!(border, "solid");
    session
        .tab
        .type_into("#w", "password", "correct horse")
        .await;
    session
        .tab
        .wait_for(&format!(
            "{}.hasAttribute('data-score')",
            Tab::hook("#w", "password-meter")
        ))
        .await;
    // The exposure check works completely under it too.
    assert_eq!(compute_verdict(&session.tab, "#w").await, "exposed");
    session.assert_no_csp_violation().await;
    // Under `img-src 'self'` the page asks for its own /favicon.ico.
    session.assert_only_bundle_and_host_requests("/strict.html", "/bc/", &["/favicon.ico"]);
}

/// Memory the page holds: V8's heap, the backing stores of ArrayBuffers (the wasm linear
/// memory is one) and the DOM's node count. Chromium only.
#[derive(Debug, Clone, Copy)]
struct Footprint {
    js_heap: f64,
    backing_stores: f64,
    nodes: i64,
}

async fn footprint(tab: &Tab) -> Footprint {
    tab.settle().await;
    let dom = tab.dom_counters_after_gc().await;
    let (js_heap, backing_stores) = tab.heap_usage().await;
    Footprint {
        js_heap,
        backing_stores,
        nodes: dom.nodes,
    }
}

/// Fifty more instances mount and each rates on its own; in Chromium, their memory is
/// measured too.
pub async fn fifty_instances_all_work_and_their_memory_is_measured(browser: &Browser) {
    let session = Session::open(browser, dist_site(), "/hosts/plain.html").await;
    let tab = &session.tab;
    tab.wait_until_settled("#first").await;
    let measured = browser.engine.lacks(Feature::MemoryCounters).is_none();
    let one = if measured {
        Some(footprint(tab).await)
    } else {
        None
    };
    let _: bool = tab
        .eval(
            "(() => { for (let i = 0; i < 50; i++) { const el = document.createElement('breach-check'); \
             el.id = 'w' + i; el.setAttribute('lang', i % 2 ? 'en' : 'fr'); document.body.append(el); } \
             return true })()",
        )
        .await;
    for i in [0, 17, 49] {
        tab.wait_for_widget(&format!("#w{i}")).await;
    }
    let mounted: u32 = tab
        .eval(
            "[...document.querySelectorAll('breach-check')].filter(e => \
             e.shadowRoot?.querySelector('[data-testid=password-meter]')).length",
        )
        .await;
    assert_eq!(mounted, 51, "every instance mounts");
    // Each one rates on its own.
    tab.type_into("#w49", "password", "Viamedis!").await;
    tab.wait_for(&format!(
        "{}.hasAttribute('data-score')",
        Tab::hook("#w49", "password-meter")
    ))
    .await;
    let others: u32 = tab
        .eval("[...document.querySelectorAll('breach-check')].filter(e => \
               e.shadowRoot.querySelector('[data-testid=password-meter]').hasAttribute('data-score')).length")
        .await;
    assert_eq!(others, 1, "typing in one instance rated others");

    let Some(one) = one else {
        session.assert_only_bundle_requests("/hosts/plain.html", "/");
        return;
    };
    let after = footprint(tab).await;
    let extra = |f: fn(&Footprint) -> f64| (f(&after) - f(&one)) / 50.0;
    let per_heap = extra(|f| f.js_heap);
    let per_store = extra(|f| f.backing_stores);
    println!(
        "memory for 50 more instances: JS heap {:.2} -> {:.2} MB, array/wasm backing stores {:.2} -> {:.2} MB, \
         DOM nodes {} -> {}; about {:.0} KB of heap and {:.0} KB of backing store per instance",
        one.js_heap / 1e6,
        after.js_heap / 1e6,
        one.backing_stores / 1e6,
        after.backing_stores / 1e6,
        one.nodes,
        after.nodes,
        per_heap / 1e3,
        per_store / 1e3,
    );
    assert!(
        per_heap + per_store < 512_000.0,
        "each instance costs more than 512 KB: {after:?} vs {one:?}"
    );
    session.assert_only_bundle_requests("/hosts/plain.html", "/");
}

pub async fn the_demo_insurer_page_shows_the_widget_and_sends_nothing(browser: &Browser) {
    let session = Session::open(browser, dist_site(), "/").await;
    session.tab.wait_until_settled("breach-check").await;
    session.tab.screenshot("demo").await;
    // The demo's own stylesheet; the rest is the bundle.
    session.assert_only_bundle_and_host_requests("/", "/", &["/demo.css"]);
    session.assert_nothing_stored().await;
}
