//! The password section as a visitor uses it: known cases typed through the `password`
//! hook, typing before the dictionaries arrive, a 5,000-character paste, and no request or
//! storage while typing.

use std::time::Duration;

use breach_check_e2e::browser::{Browser, Tab};
use breach_check_e2e::harness::{Session, dist_site};

const HOST: &str = "#first";

/// Clears the field, types `password` and returns the meter's `data-score` once shown.
async fn rate(tab: &Tab, password: &str) -> u8 {
    let field = Tab::hook(HOST, "password");
    tab.set_value(HOST, "password", "").await;
    tab.type_into(HOST, "password", password).await;
    let meter = Tab::hook(HOST, "password-meter");
    tab.wait_for(&format!(
        "{field}.value === {password:?} && {meter}.hasAttribute('data-score')"
    ))
    .await;
    let score: String = tab.eval(&format!("{meter}.dataset.score")).await;
    score.parse().expect("data-score is a number")
}

pub async fn known_weak_passwords_rate_low_middling_ones_middle_and_a_long_random_one_high(
    browser: &Browser,
) {
    let session = Session::open(browser, dist_site(), "/hosts/plain.html").await;
    let tab = &session.tab;
    tab.wait_until_settled(HOST).await;
    let before = session.requests().len();
    for weak in [
        "motdepasse",
        "azerty123",
        "wxcvbn",
        "qsdfghjklm",
        "Marie1985",
        "1850775123456",
        // Insurer and operator names come from the data pack.
        "mutami2024",
        "Viamedis!",
        "MutuelleGenerale2024",
        // A French word with a département number: a habit, priced as one.
        "Soleil75!",
    ] {
        let score = rate(tab, weak).await;
        assert!(score <= 1, "{weak} rated {score}");
    }
    // A capitalised word with digits and a symbol is middling; two words joined, better.
    assert_eq!(rate(tab, "Grenouille#47").await, 2);
    tab.screenshot("password-medium").await;
    assert_eq!(rate(tab, "tortue-rapide").await, 3);
    assert_eq!(rate(tab, "q7Rv!x2Lp9#mWz4K").await, 4);
    let meter = Tab::hook(HOST, "password-meter");
    let (now, log10): (String, String) = tab
        .eval(&format!(
            "[{meter}.getAttribute('aria-valuenow'), {meter}.dataset.guessesLog10]"
        ))
        .await;
    assert_eq!(now, "4");
    assert!(log10.parse::<f64>().expect("guesses log10") >= 10.0);
    let feedback: String = tab
        .eval(&format!(
            "{}.textContent",
            Tab::hook(HOST, "password-feedback")
        ))
        .await;
    assert!(
        !feedback.contains("q7Rv"),
        "the password was echoed in the feedback"
    );
    assert_eq!(
        session.requests().len(),
        before,
        "typing made requests: {:?}",
        &session.requests()[before..]
    );
    session.assert_nothing_stored().await;
    tab.screenshot("password-strong").await;
}

pub async fn typing_before_the_dictionaries_arrive_is_kept_and_rated_when_they_do(
    browser: &Browser,
) {
    let site = dist_site().delay("/breach-check.dict", Duration::from_secs(3));
    let session = Session::open(browser, site, "/hosts/plain.html").await;
    let tab = &session.tab;
    tab.wait_for_widget(HOST).await;
    tab.type_into(HOST, "password", "motdepasse").await;
    let meter = Tab::hook(HOST, "password-meter");
    // The built-in list rates at once, and the meter says it is refining.
    tab.wait_for(&format!("{meter}.hasAttribute('data-score')"))
        .await;
    let (busy, score, note): (Option<String>, String, bool) = tab
        .in_shadow(
            HOST,
            "const meter = root.querySelector('[data-testid=\"password-meter\"]');\n\
             return [meter.getAttribute('aria-busy'), meter.dataset.score, \
             !!root.querySelector('.bc-refining')];",
        )
        .await;
    assert_eq!(
        busy.as_deref(),
        Some("true"),
        "the meter does not say it is refining"
    );
    assert!(note, "no note says the rating is being refined");
    assert!(
        score == "0" || score == "1",
        "motdepasse rated {score} by the built-in list"
    );
    tab.wait_for(&format!(
        "{meter}.getAttribute('aria-busy') === null && \
         document.querySelector({HOST:?}).shadowRoot.querySelector('.bc').dataset.dictionaries === 'ready'"
    ))
    .await;
    let score: String = tab.eval(&format!("{meter}.dataset.score")).await;
    assert!(
        score == "0" || score == "1",
        "motdepasse rated {score} once loaded"
    );
    let kept: String = tab
        .eval(&format!("{}.value", Tab::hook(HOST, "password")))
        .await;
    assert_eq!(kept, "motdepasse");
}

pub async fn a_five_thousand_character_paste_keeps_the_page_responsive_and_shows_a_score(
    browser: &Browser,
) {
    let session = Session::open(browser, dist_site(), "/hosts/plain.html").await;
    let tab = &session.tab;
    tab.wait_for_widget(HOST).await;
    let long: String = "Tr0ub4dor&3-cheval-agrafe-"
        .repeat(200)
        .chars()
        .take(5000)
        .collect();
    let field = Tab::hook(HOST, "password");
    // One paste: a single insertion of the whole text.
    tab.paste(HOST, "password", &long).await;
    let meter = Tab::hook(HOST, "password-meter");
    tab.wait_for(&format!(
        "{field}.value.length === 5000 && {meter}.hasAttribute('data-score')"
    ))
    .await;
    let longest = tab.longest_blocked_ms().await;
    assert!(longest < 1000.0, "a task blocked the page for {longest} ms");
}
