//! The password stays in the estimator: not in an attribute, the console, an event, the URL
//! or the title, whether shown or hidden; and the meter's polite live region speaks when the
//! level changes, not on every keystroke.

use crate::browser::Tab;
use crate::harness::{BUNDLE_PREFIX, HOST_PAGE, open_host_page};

/// Records every console message and every `breach-check:*` event the page hears, from
/// before the loader runs.
const RECORDERS: &str = "<script>window.__console = []; \
    for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir']) { \
      const original = console[level]; \
      console[level] = function (...args) { \
        window.__console.push(level + ': ' + args.map(a => { try { \
          return typeof a === 'string' ? a : (JSON.stringify(a) ?? String(a)) } \
          catch (e) { return String(a) } }).join(' ')); \
        return original.apply(this, args); }; } \
    window.__events = []; \
    for (const type of ['breach-check:ready', 'breach-check:verdict']) \
      document.addEventListener(type, e => window.__events.push(type + ' ' + JSON.stringify(e.detail)));\
    </script>";

/// Every attribute (of the document and of every open shadow root, recursively) whose name
/// or value contains one of `needles`, as `TAG name=value` lines.
async fn attributes_containing(tab: &Tab, needles: &[String]) -> Vec<String> {
    let needles = serde_json::to_string(needles).expect("needles as JSON");
    tab.eval(&format!(
        "(() => {{ const needles = {needles}; const hits = []; let seen = 0; \
         const visit = root => {{ for (const el of root.querySelectorAll('*')) {{ \
           for (const a of el.attributes) {{ seen++; \
             if (needles.some(n => a.name.includes(n) || a.value.includes(n))) \
               hits.push(el.tagName + ' ' + a.name + '=' + a.value); }} \
           if (el.shadowRoot) visit(el.shadowRoot); }} }}; \
         visit(document); if (seen < 50) hits.push('only ' + seen + ' attributes walked'); \
         return hits; }})()"
    ))
    .await
}

/// Every 6-character window of `secret`: any 6+ character piece of it contains one.
fn pieces(secret: &str) -> Vec<String> {
    let chars: Vec<char> = secret.chars().collect();
    chars.windows(6).map(|w| w.iter().collect()).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_typed_password_appears_in_no_attribute_console_message_event_or_url() {
    const SECRET: &str = "Zq7!Kestrel-Marmotte-2024";
    let session = open_host_page(
        RECORDERS,
        r#"<breach-check id="w" emit-events></breach-check>"#,
    )
    .await;
    let tab = &session.tab;
    tab.wait_until_settled("#w").await;
    let needles = pieces(SECRET);
    assert!(needles.contains(&"Kestre".to_owned()));

    tab.type_into("#w", "password", SECRET).await;
    let field = Tab::hook("#w", "password");
    let meter = Tab::hook("#w", "password-meter");
    tab.wait_for(&format!(
        "{field}.value === {SECRET:?} && {meter}.hasAttribute('data-score')"
    ))
    .await;

    let check = async |state: &str| {
        let hits = attributes_containing(tab, &needles).await;
        assert!(
            hits.is_empty(),
            "{state}: the password is in attributes: {hits:#?}"
        );
        let has_value_attribute: bool = tab.eval(&format!("{field}.hasAttribute('value')")).await;
        assert!(
            !has_value_attribute,
            "{state}: the field has a value attribute"
        );
        let console: Vec<String> = tab.eval("window.__console").await;
        let events: Vec<String> = tab.eval("window.__events").await;
        let page: Vec<String> = tab
            .eval(
                "[location.href, document.title, window.name, JSON.stringify(history.state), \
                 document.cookie]",
            )
            .await;
        for (what, texts) in [("console", &console), ("events", &events), ("page", &page)] {
            for text in texts.iter() {
                assert!(
                    !needles.iter().any(|n| text.contains(n.as_str())),
                    "{state}: the password is in {what}: {text}"
                );
            }
        }
        println!(
            "{state}: {} console messages, events {events:?}",
            console.len()
        );
    };
    check("hidden").await;

    // Shown in clear, then hidden again: still only in the field's value property.
    let toggle = "document.querySelector('#w').shadowRoot.querySelector('.bc-toggle')";
    let _: bool = tab.eval(&format!("{toggle}.click(), true")).await;
    tab.wait_for(&format!("{field}.type === 'text'")).await;
    check("shown").await;
    let _: bool = tab.eval(&format!("{toggle}.click(), true")).await;
    tab.wait_for(&format!("{field}.type === 'password'")).await;
    check("hidden again").await;
    let kept: String = tab.eval(&format!("{field}.value")).await;
    assert_eq!(kept, SECRET, "the field lost what was typed");

    session.assert_only_bundle_requests(HOST_PAGE, BUNDLE_PREFIX);
    session.assert_nothing_stored().await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_meter_announces_level_changes_not_keystrokes_and_shows_the_cnil_yardstick() {
    // Rises from "very weak" to "very strong" in a few steps, never back down.
    const TYPED: &str = "Xq7#vR2kLm9!";
    let session = open_host_page("", r#"<breach-check id="w"></breach-check>"#).await;
    let tab = &session.tab;
    tab.wait_until_settled("#w").await;
    let region =
        "document.querySelector('#w').shadowRoot.querySelector('.bc-password [aria-live]')";
    let politeness: String = tab
        .eval(&format!("{region}.getAttribute('aria-live')"))
        .await;
    assert_eq!(politeness, "polite");
    let _: bool = tab
        .eval(&format!(
            "(() => {{ const region = {region}; window.__announcements = []; \
             new MutationObserver(() => window.__announcements.push(region.textContent)) \
             .observe(region, {{ childList: true, characterData: true, subtree: true }}); \
             return true }})()"
        ))
        .await;

    let field = Tab::hook("#w", "password");
    let meter = Tab::hook("#w", "password-meter");
    let mut levels: Vec<String> = Vec::new();
    let mut typed = String::new();
    for c in TYPED.chars() {
        typed.push(c);
        tab.type_into("#w", "password", &c.to_string()).await;
        tab.wait_for(&format!(
            "{field}.value === {typed:?} && {meter}.hasAttribute('data-score')"
        ))
        .await;
        // Let the render that follows the input run to its end.
        let _: bool = tab
            .eval("new Promise(r => setTimeout(() => r(true), 0))")
            .await;
        levels.push(
            tab.eval(&format!("{meter}.getAttribute('aria-valuetext')"))
                .await,
        );
    }
    let announcements: Vec<String> = tab.eval("window.__announcements").await;
    let mut changes = levels.clone();
    changes.dedup();
    let mut distinct = levels.clone();
    distinct.sort();
    distinct.dedup();
    println!(
        "levels after each of {} keystrokes: {levels:?}\nannouncements: {announcements:?}",
        TYPED.len()
    );
    assert_eq!(
        changes.len(),
        distinct.len(),
        "the test password's level went back and forth: {levels:?}"
    );
    assert!(!announcements.is_empty(), "the live region never spoke");
    assert!(
        announcements.len() <= distinct.len(),
        "{} announcements for {} distinct levels: {announcements:?}",
        announcements.len(),
        distinct.len()
    );
    assert!(announcements.len() < TYPED.len());
    assert_eq!(
        announcements.last(),
        levels.last(),
        "the region's last words are not the current level"
    );

    // The CNIL yardstick and a crack time in words.
    let section: String = tab
        .eval("document.querySelector('#w').shadowRoot.querySelector('.bc-password').textContent")
        .await;
    for words in ["CNIL", "80 bits", "50 bits"] {
        assert!(
            section.contains(words),
            "the section does not say {words:?}: {section}"
        );
    }
    let times: Vec<String> = tab
        .eval(
            "[...document.querySelector('#w').shadowRoot.querySelectorAll('.bc-times dd')]\
             .map(d => d.textContent)",
        )
        .await;
    println!("crack times: {times:?}");
    let phrase = "/^(moins d’une seconde|environ \\d+ (secondes?|minutes?|heures?|jours?|mois|ans?)|des siècles)$/";
    let phrased: bool = tab
        .eval(&format!(
            "(() => {{ const dd = [...document.querySelector('#w').shadowRoot.querySelectorAll('.bc-times dd')]; \
             return dd.length >= 2 && dd.slice(0, 2).every(d => {phrase}.test(d.textContent.trim())) }})()"
        ))
        .await;
    assert!(phrased, "no crack-time phrase in {times:?}");
    session.close().await;
}
