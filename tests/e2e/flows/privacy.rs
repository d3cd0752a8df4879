//! The password stays in the estimator: not in an attribute, the console, an event, the URL
//! or the title, whether shown or hidden; and the meter's polite live region speaks when the
//! level changes, not on every keystroke.

use breach_check_e2e::browser::{Browser, Tab};
use breach_check_e2e::engine::Engine;
use breach_check_e2e::harness::{BUNDLE_PREFIX, HOST_PAGE, Session};
use serde_json::json;

/// Records every console message and every `breach-check:*` event the page hears, from
/// before the loader runs.
fn recorders() -> String {
    format!(
        "<script>{}</script>",
        include_str!("../js/console_recorder.js")
    )
}

/// Every attribute (of the document and of every open shadow root, recursively) whose name
/// or value contains one of `needles`, as `TAG name=value` lines.
async fn attributes_containing(tab: &Tab, needles: &[String]) -> Vec<String> {
    tab.call(
        include_str!("../js/attributes_containing.js"),
        vec![json!(needles)],
    )
    .await
}

/// Every 6-character window of `secret`: any 6+ character piece of it contains one.
fn pieces(secret: &str) -> Vec<String> {
    let chars: Vec<char> = secret.chars().collect();
    chars.windows(6).map(|w| w.iter().collect()).collect()
}

pub async fn the_typed_password_appears_in_no_attribute_console_message_event_or_url(
    browser: &Browser,
) {
    const SECRET: &str = "Zq7!Kestrel-Marmotte-2024";
    let session = Session::open_host_page(
        browser,
        &recorders(),
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

    session.assert_private().await;
}

pub async fn the_meter_announces_level_changes_not_keystrokes_and_shows_the_cnil_yardstick(
    browser: &Browser,
) {
    // Rises from "very weak" to "very strong" in a few steps, never back down.
    const TYPED: &str = "Xq7#vR2kLm9!";
    let session =
        Session::open_host_page(browser, "", r#"<breach-check id="w"></breach-check>"#).await;
    let tab = &session.tab;
    tab.wait_until_settled("#w").await;
    let politeness: String = tab
        .call(include_str!("../js/record_announcements.js"), Vec::new())
        .await;
    assert_eq!(politeness, "polite");

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
    let phrased: bool = tab
        .call(include_str!("../js/crack_times_phrased.js"), Vec::new())
        .await;
    assert!(phrased, "no crack-time phrase in {times:?}");
}

/// The witness itself: a page that sends data to other hosts (http, https, another loopback
/// port, a beacon) is caught by the browser's proxy, whatever the engine, and fails the
/// request assertion every flow relies on.
pub async fn the_proxy_witnesses_a_leak_to_any_host_and_fails_the_request_assertion(
    browser: &Browser,
) {
    let session =
        Session::open_host_page(browser, "", r#"<breach-check id="w"></breach-check>"#).await;
    let tab = &session.tab;
    tab.wait_until_settled("#w").await;
    session.assert_private().await;

    // Another port of 127.0.0.1, where nothing of the page's is served.
    let elsewhere = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let loopback = format!(
        "http://127.0.0.1:{}/pixel.gif",
        elsewhere.local_addr().expect("its address").port()
    );
    let _: bool = tab
        .call(include_str!("../js/leak.js"), vec![json!(loopback)])
        .await;
    // WebKitGTK speaks TLS to its https proxy: the proxy sees the connection, not the host.
    let https = if browser.engine == Engine::WebKit {
        "tls:(no name)"
    } else {
        "tracker.example:443"
    };
    let leaks = [
        "http://tracker.example/p?nir=1850775123456",
        https,
        loopback.as_str(),
        "http://beacon.example/collect",
    ];
    // They go out in the background: wait until the proxy has every one.
    let start = std::time::Instant::now();
    loop {
        let seen: Vec<String> = session
            .foreign_requests()
            .into_iter()
            .map(|r| r.url)
            .collect();
        let unseen: Vec<&&str> = leaks
            .iter()
            .filter(|leak| !seen.iter().any(|url| url == **leak))
            .collect();
        if unseen.is_empty() {
            println!("{}: the proxy saw {seen:#?}", browser.engine);
            break;
        }
        assert!(
            start.elapsed() < breach_check_e2e::browser::PATIENCE,
            "{}: {unseen:?} never reached the proxy, which saw {seen:#?}",
            browser.engine
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        session.assert_requests_within(HOST_PAGE, BUNDLE_PREFIX, &[]);
    }));
    assert!(
        caught.is_err(),
        "{}: the request assertion passed a page that leaked",
        browser.engine
    );
}

/// The markers session-replay tools honour (security review F6), as `(attribute, value)`;
/// a class is written `class` with one of its names.
const DO_NOT_RECORD: [(&str, &str); 9] = [
    ("class", "rr-block"),
    ("class", "rr-mask"),
    ("class", "fs-mask"),
    ("data-hj-suppress", ""),
    ("data-cs-mask", ""),
    ("data-clarity-mask", "true"),
    ("data-dd-privacy", "mask"),
    ("data-private", ""),
    ("data-sl", "mask"),
];

/// What keeps password managers, keyboards and grammar extensions off the password field
/// (F7): no saved password filled in and rated, no save prompt, nothing learnt.
const PASSWORD_HINTS: [(&str, &str); 12] = [
    ("autocomplete", "new-password"),
    ("autocorrect", "off"),
    ("autocapitalize", "off"),
    ("spellcheck", "false"),
    ("data-1p-ignore", ""),
    ("data-lpignore", "true"),
    ("data-bwignore", ""),
    ("data-form-type", "other"),
    ("data-gramm", "false"),
    ("data-gramm_editor", "false"),
    ("data-enable-grammarly", "false"),
    ("data-rr-is-password", "true"),
];

/// The markers of `wanted` that `attributes` (name → value) lacks.
fn lacking(
    attributes: &std::collections::HashMap<String, String>,
    wanted: &[(&str, &str)],
) -> Vec<String> {
    wanted
        .iter()
        .filter(|(name, value)| match (*name, attributes.get(*name)) {
            ("class", Some(classes)) => !classes.split_whitespace().any(|c| c == *value),
            (_, Some(actual)) => actual != value,
            (_, None) => true,
        })
        .map(|(name, value)| format!("{name}={value:?}"))
        .collect()
}

pub async fn the_widget_and_its_fields_ask_replay_tools_and_password_managers_to_stay_away(
    browser: &Browser,
) {
    let session = Session::open_host_page(
        browser,
        "",
        r#"<breach-check id="w" sections="exposure password message"></breach-check>"#,
    )
    .await;
    let tab = &session.tab;
    tab.wait_until_settled("#w").await;
    let toggle = "document.querySelector('#w').shadowRoot.querySelector('.bc-toggle')";
    let field = Tab::hook("#w", "password");
    for state in ["hidden", "shown"] {
        // `[label, { attribute: value }]` for the root and every field.
        let elements: Vec<(String, std::collections::HashMap<String, String>)> = tab
            .in_shadow(
                "#w",
                "const attributes = (e) => Object.fromEntries([...e.attributes].map(a => [a.name, a.value]));
                 return [root.querySelector('.bc'), ...root.querySelectorAll('input, select, textarea')]
                   .map(e => [e.dataset.testid || e.className, attributes(e)]);",
            )
            .await;
        assert!(elements.len() >= 5, "{state}: {elements:?}");
        for (label, attributes) in &elements {
            let missing = lacking(attributes, &DO_NOT_RECORD);
            assert!(
                missing.is_empty(),
                "{state}: {label} lacks the do-not-record markers {missing:?}"
            );
        }
        let (_, password) = elements
            .iter()
            .find(|(label, _)| label == "password")
            .expect("the password field");
        let missing = lacking(password, &PASSWORD_HINTS);
        assert!(
            missing.is_empty(),
            "{state}: the password field lacks {missing:?}"
        );
        if state == "hidden" {
            let _: bool = tab.eval(&format!("{toggle}.click(), true")).await;
            tab.wait_for(&format!("{field}.type === 'text'")).await;
        }
    }
}
