//! The exposure check as a visitor uses it, through the contract's hooks only: pick or
//! preselect an insurer, an operator, dates; read the live verdict, fields and errors.

use breach_check_e2e::browser::{Browser, Tab};
use breach_check_e2e::harness::{Session, expect_verdict};
use fantoccini::key::Key;

/// A host page with `body`, its widget `#w` settled.
async fn open<'b>(browser: &'b Browser, body: &str) -> Session<'b> {
    let session = Session::open_host_page(browser, "", body).await;
    session.tab.wait_until_settled("#w").await;
    session
}

pub async fn a_preselected_mutami_member_since_2015_sees_the_viamedis_fields(browser: &Browser) {
    let session = open(
        browser,
        r#"<breach-check id="w" insurer="mutami"></breach-check>"#,
    )
    .await;
    let tab = &session.tab;
    // On the insurer's own site the visitor does not pick: the field already says Mutami.
    let picked: String = tab
        .eval(&format!("{}.dataset.insurerId", Tab::hook("#w", "insurer")))
        .await;
    assert_eq!(picked, "mutami");
    // No dates yet: uncertain, asking for them.
    expect_verdict(tab, "#w", "uncertain").await;

    tab.set_value("#w", "contract-start", "2015-03-01").await;
    expect_verdict(tab, "#w", "exposed").await;
    let incidents = tab.all_hooks("#w", "incident", "data-incident").await;
    assert_eq!(incidents, ["viamedis-2024"]);
    let fields = tab.all_hooks("#w", "exposed-field", "data-field").await;
    for field in [
        "last-name",
        "first-name",
        "birth-date",
        "nir",
        "member-number",
        "guarantees",
    ] {
        assert!(
            fields.contains(&field.to_owned()),
            "{field} not in {fields:?}"
        );
    }
    assert!(!fields.contains(&"birth-rank".to_owned()));
    let safe = tab.all_hooks("#w", "not-exposed-field", "data-field").await;
    assert!(
        safe.contains(&"bank".to_owned()) && safe.contains(&"email".to_owned()),
        "{safe:?}"
    );
    let certainty = tab.all_hooks("#w", "exposed-field", "data-certainty").await;
    assert!(
        certainty
            .iter()
            .all(|c| c == "confirmed" || c == "possible")
    );

    // Joining on 1 February 2024 changes the answer, live.
    tab.set_value("#w", "contract-start", "2024-02-01").await;
    expect_verdict(tab, "#w", "not-exposed").await;
    assert!(
        tab.all_hooks("#w", "exposed-field", "data-field")
            .await
            .is_empty()
    );

    session.assert_private().await;
    tab.screenshot("exposure-not-exposed-fr").await;
}

pub async fn the_insurer_combobox_finds_names_without_accents_and_works_by_keyboard(
    browser: &Browser,
) {
    let session = open(
        browser,
        r#"<breach-check id="w" sections="exposure"></breach-check>"#,
    )
    .await;
    let tab = &session.tab;
    tab.type_into("#w", "insurer", "mutuelle generale").await;
    let listed: Vec<String> = tab
        .eval(
            "[...document.querySelector('#w').shadowRoot.querySelectorAll('[role=option]')]\
             .map(o => o.dataset.value)",
        )
        .await;
    assert_eq!(
        listed.first().map(String::as_str),
        Some("la-mutuelle-generale"),
        "{listed:?}"
    );
    tab.press("#w", "insurer", Key::Down).await;
    let active: String = tab
        .eval(&format!(
            "{}.getAttribute('aria-activedescendant')",
            Tab::hook("#w", "insurer")
        ))
        .await;
    assert!(!active.is_empty());
    tab.press("#w", "insurer", Key::Enter).await;
    tab.wait_for(&format!(
        "{}.dataset.insurerId === 'la-mutuelle-generale'",
        Tab::hook("#w", "insurer")
    ))
    .await;
    tab.set_value("#w", "contract-start", "2019-01-01").await;
    expect_verdict(tab, "#w", "exposed").await;
    let mut incidents = tab.all_hooks("#w", "incident", "data-incident").await;
    incidents.sort();
    assert_eq!(
        incidents,
        ["almerys-2024", "viamedis-2024"],
        "the old operator still counts"
    );
    tab.screenshot("exposure-exposed-fr").await;

    // A name typed in full picks its insurer, with no list to go through.
    tab.set_value("#w", "insurer", "").await;
    tab.type_into("#w", "insurer", "mbtp").await;
    tab.wait_for(&format!(
        "{}.dataset.insurerId === 'mbtp'",
        Tab::hook("#w", "insurer")
    ))
    .await;
    expect_verdict(tab, "#w", "exposed").await;
    // Exposed through Almerys; no source says whether MBTP ever used Viamedis, so that one
    // is uncertain (tests/exposure.rs, mbtp_member_since_2019_is_exposed_to_almerys).
    let verdicts: Vec<String> = tab
        .all_hooks("#w", "incident", "data-incident")
        .await
        .into_iter()
        .zip(tab.all_hooks("#w", "incident", "data-verdict").await)
        .map(|(incident, verdict)| format!("{incident} {verdict}"))
        .collect();
    assert_eq!(
        verdicts,
        ["almerys-2024 exposed", "viamedis-2024 uncertain"]
    );
    session.assert_private().await;
}

pub async fn bad_dates_and_ids_get_messages_next_to_their_field(browser: &Browser) {
    let session = open(
        browser,
        r#"<breach-check id="w" lang="en" insurer="no-such-insurer" operator="almerys"></breach-check>"#,
    )
    .await;
    let tab = &session.tab;
    tab.wait_for(&format!(
        "{}?.dataset.error === 'unknown-insurer'",
        Tab::hook("#w", "input-error")
    ))
    .await;
    tab.set_value("#w", "contract-start", "2020-05-01").await;
    tab.set_value("#w", "contract-end", "2019-01-01").await;
    tab.wait_for(&format!(
        "{}.querySelector('#bc-end-error [data-error=end-before-start]')",
        "document.querySelector('#w').shadowRoot"
    ))
    .await;
    // The verdict waits for usable dates rather than guessing.
    let verdicts = tab.all_hooks("#w", "verdict", "data-verdict").await;
    assert!(verdicts.is_empty(), "{verdicts:?}");
    let described: String = tab
        .eval(&format!(
            "{}.getAttribute('aria-describedby')",
            Tab::hook("#w", "contract-end")
        ))
        .await;
    assert!(described.contains("bc-end-error"), "{described}");

    tab.set_value("#w", "contract-end", "").await;
    tab.set_value("#w", "contract-start", "2099-01-01").await;
    tab.wait_for(
        "document.querySelector('#w').shadowRoot.querySelector('#bc-start-error [data-error=start-in-future]')",
    )
    .await;
    tab.set_value("#w", "contract-start", "1850-06-01").await;
    tab.wait_for(
        "document.querySelector('#w').shadowRoot.querySelector('#bc-start-error [data-error=date-out-of-range]')",
    )
    .await;
    tab.set_value("#w", "contract-start", "2020-05-01").await;
    expect_verdict(tab, "#w", "exposed").await;
    session.assert_private().await;
}

pub async fn not_knowing_the_operator_opens_the_card_help_and_never_says_not_exposed(
    browser: &Browser,
) {
    let session = open(
        browser,
        r#"<breach-check id="w" emit-events></breach-check>
           <script>window.__events = []; document.addEventListener('breach-check:verdict',
             e => window.__events.push(JSON.stringify(e.detail)));</script>"#,
    )
    .await;
    let tab = &session.tab;
    tab.set_value("#w", "operator", "unknown").await;
    tab.wait_for("document.querySelector('#w').shadowRoot.querySelector('.bc-card-help')")
        .await;
    tab.set_value("#w", "contract-start", "2025-06-01").await;
    expect_verdict(tab, "#w", "uncertain").await;
    let incidents = tab.all_hooks("#w", "incident", "data-incident").await;
    assert!(
        incidents.contains(&"itelis-2025".to_owned()),
        "{incidents:?}"
    );
    tab.screenshot("exposure-uncertain-fr").await;

    // The event says the verdict and incident ids, nothing typed.
    let events: Vec<String> = tab.eval("window.__events").await;
    let last = events.last().expect("a verdict event");
    assert!(last.contains("\"verdict\":\"uncertain\""), "{last}");
    for typed in ["2025-06-01", "06/2025", "unknown"] {
        assert!(
            !events.iter().any(|e| e.contains(typed)),
            "{typed} leaked into {events:?}"
        );
    }
    session.assert_private().await;
}

pub async fn a_host_pack_adds_its_own_insurer_and_a_broken_one_is_ignored(browser: &Browser) {
    // The host's data is a child of its element: elsewhere on the page it counts for nothing
    // (host_data.rs).
    let overlay = r#"<breach-check id="w" insurer="mutuelle-exemple"><script type="application/json" data-breach-check-pack>
      { "sources": [{ "id": "exemple-avis", "url": "https://mutuelle.example/avis", "publisher": "Mutuelle Exemple",
          "title": "Notre opérateur de tiers payant", "grade": "A" }],
        "insurers": [{ "id": "mutuelle-exemple", "name": "Mutuelle Exemple",
          "periods": [{ "operator": "almerys", "from": "2021-01-01", "sources": ["exemple-avis"] }] }] }
    </script></breach-check>"#;
    let session = open(browser, overlay).await;
    let tab = &session.tab;
    tab.set_value("#w", "contract-start", "2022-01-01").await;
    expect_verdict(tab, "#w", "exposed").await;
    // Exposed through Almerys; no source says whether MBTP ever used Viamedis, so that one
    // is uncertain (tests/exposure.rs, mbtp_member_since_2019_is_exposed_to_almerys).
    let verdicts: Vec<String> = tab
        .all_hooks("#w", "incident", "data-incident")
        .await
        .into_iter()
        .zip(tab.all_hooks("#w", "incident", "data-verdict").await)
        .map(|(incident, verdict)| format!("{incident} {verdict}"))
        .collect();
    assert_eq!(
        verdicts,
        ["almerys-2024 exposed", "viamedis-2024 uncertain"]
    );
    session.assert_private().await;

    let broken = r#"<breach-check id="w" insurer="mutami"><script type="application/json" data-breach-check-pack>
      { "insurers": [{ "id": "Bad Id" }] }</script></breach-check>"#;
    let session = open(browser, broken).await;
    let tab = &session.tab;
    tab.set_value("#w", "contract-start", "2015-03-01").await;
    expect_verdict(tab, "#w", "exposed").await;
    session.assert_private().await;
}
