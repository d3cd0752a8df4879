//! Host data (security review F2): a host may describe its own insurer in a
//! `<script type="application/json" data-breach-check-pack>` child of its `<breach-check>`.
//! Markup injected elsewhere on the page (a comment, a CMS block: a JSON script is never
//! executed, so no `script-src` keeps it out) changes nothing; and a bound overlay may add or
//! replace insurers, never incidents or operators, nor cite a source whose URL hides its host
//! behind userinfo.

use breach_check_e2e::browser::{Browser, Tab};
use breach_check_e2e::harness::{BUNDLE_PREFIX, HOST_PAGE, Session, expect_verdict, host_site};
use serde_json::{Value, json};

/// The host's own source and insurer: Mutuelle Exemple, at Almerys since 2021.
fn exemple() -> Value {
    json!({
        "sources": [{ "id": "exemple-avis", "url": "https://mutuelle.example/avis",
            "publisher": "Mutuelle Exemple", "title": "Notre opérateur de tiers payant", "grade": "A" }],
        "insurers": [{ "id": "mutuelle-exemple", "name": "Mutuelle Exemple",
            "periods": [{ "operator": "almerys", "from": "2021-01-01", "sources": ["exemple-avis"] }] }]
    })
}

/// [`exemple`] plus `key: value`.
fn exemple_with(key: &str, value: Value) -> Value {
    let mut overlay = exemple();
    overlay[key] = value;
    overlay
}

/// The review's forged incident: Viamedis's, with every date in 2000 and nothing exposed.
fn forged_incident() -> Value {
    let dated = json!({ "date": "2000-01-01", "sources": ["mutami-securite"] });
    json!({
        "id": "viamedis-2024", "operator": "viamedis",
        "title": { "fr": "Rien", "en": "Nothing" }, "what": { "fr": "Rien", "en": "Nothing" },
        "sources": ["mutami-securite"],
        "intrusion": dated, "discovery": dated, "disclosure": dated,
        "exposed": [], "not_exposed": [{ "field": "nir", "sources": ["mutami-securite"] }]
    })
}

/// A `<breach-check>` preselecting `insurer`, holding `overlay` as its own data when given.
fn element(id: &str, insurer: &str, overlay: Option<&Value>) -> String {
    let child = overlay
        .map(|o| format!("<script type=\"application/json\" data-breach-check-pack>{o}</script>"))
        .unwrap_or_default();
    format!("<breach-check id=\"{id}\" insurer=\"{insurer}\">{child}</breach-check>")
}

/// `[incident id, its verdict]` for every incident `host` shows.
async fn incidents(tab: &Tab, host: &str) -> Vec<(String, String)> {
    tab.in_shadow(
        host,
        "return [...root.querySelectorAll('[data-testid=incident]')]\
         .map(i => [i.dataset.incident, i.dataset.verdict]);",
    )
    .await
}

/// Waits for the insurer field of `host` to say it does not know the preselected insurer.
async fn expect_unknown_insurer(tab: &Tab, host: &str) {
    tab.wait_for(&format!(
        "document.querySelector({host:?}).shadowRoot\
         .querySelector('#bc-insurer-error [data-testid=input-error][data-error=unknown-insurer]')"
    ))
    .await;
}

pub async fn an_overlay_counts_only_inside_its_element_and_may_only_add_insurers(
    browser: &Browser,
) {
    // Injected in a comment: it would replace Mutami (at Actil only) and add an insurer.
    let replace_mutami = json!({ "insurers": [
        { "id": "mutami", "name": "Mutami", "periods": [{ "operator": "actil", "sources": ["mutami-securite"] }] },
        exemple()["insurers"][0].clone(),
    ], "sources": exemple()["sources"].clone() });
    let mut userinfo = exemple();
    userinfo["sources"][0]["url"] = json!("https://www.cnil.fr@evil.example/");
    let operator = json!([{ "id": "actil", "name": "Actil", "kind": "tiers-payant",
        "card_hint": { "fr": "Actil", "en": "Actil" }, "sources": ["mutami-securite"] }]);
    let body = [
        format!(
            "<div class=\"comment\"><p>Merci pour l’article !</p>\
             <script type=\"application/json\" data-breach-check-pack>{replace_mutami}</script></div>"
        ),
        element("outside-mutami", "mutami", None),
        element("outside-exemple", "mutuelle-exemple", None),
        element("inside", "mutuelle-exemple", Some(&exemple())),
        element(
            "incidents",
            "mutuelle-exemple",
            Some(&exemple_with("incidents", json!([forged_incident()]))),
        ),
        element(
            "operators",
            "mutuelle-exemple",
            Some(&exemple_with("operators", operator)),
        ),
        element("userinfo", "mutuelle-exemple", Some(&userinfo)),
    ]
    .concat();
    let recorder = format!(
        "<script>{}</script>",
        include_str!("../js/console_recorder.js")
    );
    let session = Session::open(browser, host_site(&recorder, &body), HOST_PAGE).await;
    let tab = &session.tab;
    for host in [
        "#outside-mutami",
        "#outside-exemple",
        "#inside",
        "#incidents",
        "#operators",
        "#userinfo",
    ] {
        tab.wait_until_settled(host).await;
    }

    // Outside any element: nothing changes. Mutami is still the built-in one, exposed to the
    // Viamedis breach with the NIR among the fields, and the injected insurer is unknown.
    tab.set_value("#outside-mutami", "contract-start", "2015-03-01")
        .await;
    expect_verdict(tab, "#outside-mutami", "exposed").await;
    let seen = incidents(tab, "#outside-mutami").await;
    assert!(
        seen.contains(&("viamedis-2024".to_owned(), "exposed".to_owned())),
        "{seen:?}"
    );
    let fields = tab
        .all_hooks("#outside-mutami", "exposed-field", "data-field")
        .await;
    assert!(fields.contains(&"nir".to_owned()), "{fields:?}");
    expect_unknown_insurer(tab, "#outside-exemple").await;

    // Inside its element, the same kind of data adds the host's insurer.
    tab.set_value("#inside", "contract-start", "2022-01-01")
        .await;
    expect_verdict(tab, "#inside", "exposed").await;
    let seen = incidents(tab, "#inside").await;
    assert!(
        seen.contains(&("almerys-2024".to_owned(), "exposed".to_owned())),
        "{seen:?}"
    );

    // An overlay that also touches an incident or an operator, or cites a source through
    // userinfo, is refused whole: its insurer is unknown too.
    for host in ["#incidents", "#operators", "#userinfo"] {
        expect_unknown_insurer(tab, host).await;
    }
    let console: Vec<String> = tab.eval("window.__console").await;
    let errors: Vec<&String> = console
        .iter()
        .filter(|line| line.starts_with("error: ") && line.contains("data pack was ignored"))
        .collect();
    for named in [
        "incident \"viamedis-2024\"",
        "operator \"actil\"",
        "without userinfo",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(named)),
            "no console error names {named}: {errors:#?}"
        );
    }
    assert_eq!(errors.len(), 3, "{errors:#?}");
    let stray = console
        .iter()
        .filter(|line| line.contains("outside its <breach-check> element"))
        .count();
    assert_eq!(
        stray, 1,
        "the stray overlay should be reported once: {console:#?}"
    );
    session.assert_only_bundle_requests(HOST_PAGE, BUNDLE_PREFIX);
}
