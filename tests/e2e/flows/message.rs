//! The message section as a visitor uses it: nothing of the engine is fetched until the text
//! box is used; a phishing SMS pasted gets `suspicious` with its flags, highlighted, and
//! official next steps; a genuine message typed by keyboard gets `no-red-flag` with what was
//! checked and no "safe"; the language follows `lang`; the only requests are the bundle's
//! files (the engine's module among them) and nothing pasted reaches an attribute; an engine
//! that cannot load is said in the section, the rest of the widget unharmed.

use breach_check_e2e::browser::{Browser, Tab};
use breach_check_e2e::harness::{
    BUNDLE_PREFIX, DistCopy, HOST_PAGE, ON_FIRST_USE, Session, host_page,
};
use breach_check_e2e::server::Site;

const HOST: &str = "#m";
const ENGINE: &str = "breach-check-message.wasm";

/// A carte Vitale "renewal" with fees, the brand as a sub-domain of another site, and a threat.
const PHISHING_SMS: &str = "Assurance Maladie : votre carte Vitale expire. Pour la renouveler, \
    réglez 1,49 € de frais d'envoi sur https://ameli.fr.renouvellement-vitale.com avant 24h, \
    sinon vos droits seront suspendus.";
const PHISHING_HOST: &str = "ameli.fr.renouvellement-vitale.com";
/// An ameli notification with the official site only.
const LEGITIMATE: &str = "Assurance Maladie : votre attestation de droits est disponible dans \
    votre compte ameli. Consultez-la sur ameli.fr.";

fn body(lang: &str) -> String {
    format!(
        "<breach-check id=\"m\" lang=\"{lang}\" insurer=\"mutami\" sections=\"exposure message\"></breach-check>"
    )
}

/// Waits for the verdict and returns it with the flag ids, in order.
async fn verdict_and_flags(tab: &Tab, expected: &str) -> Vec<String> {
    let verdict = Tab::hook(HOST, "message-verdict");
    tab.wait_for(&format!("{verdict}?.dataset.verdict === {expected:?}"))
        .await;
    tab.all_hooks(HOST, "message-flag", "data-flag").await
}

/// The text of the verdict container.
async fn verdict_text(tab: &Tab) -> String {
    tab.eval(&format!(
        "{}.textContent",
        Tab::hook(HOST, "message-verdict")
    ))
    .await
}

fn engine_reads(session: &Session<'_>) -> usize {
    let path = format!("{BUNDLE_PREFIX}{ENGINE}");
    session
        .server
        .requested_paths()
        .iter()
        .filter(|p| **p == path)
        .count()
}

pub async fn a_pasted_phishing_sms_is_suspicious_with_its_flags_and_a_genuine_one_has_no_red_flag(
    browser: &Browser,
) {
    assert!(ON_FIRST_USE.contains(&ENGINE));
    let session = Session::open_host_page(browser, "", &body("fr")).await;
    let tab = &session.tab;
    tab.wait_until_settled(HOST).await;
    tab.settle().await;
    // Shown, labelled, with no verdict, and nothing of the engine fetched yet.
    let label: String = tab
        .in_shadow(
            HOST,
            "const box = root.querySelector('[data-testid=message]');\
             return box.tagName + ' ' + root.querySelector(`label[for=\"${box.id}\"]`).textContent;",
        )
        .await;
    assert!(label.starts_with("TEXTAREA "), "{label}");
    assert!(
        tab.try_eval::<bool>(&format!("{} === null", Tab::hook(HOST, "message-verdict")))
            .await
            == Some(true),
        "a verdict before any text"
    );
    assert_eq!(
        engine_reads(&session),
        0,
        "the engine was fetched before first use"
    );

    // A phishing SMS, pasted.
    tab.paste(HOST, "message", PHISHING_SMS).await;
    let flags = verdict_and_flags(tab, "suspicious").await;
    for expected in [
        "unofficial-link",
        "lookalike-domain",
        "asks-bank-details",
        "urgency",
    ] {
        assert!(
            flags.iter().any(|f| f == expected),
            "{expected} not in {flags:?}"
        );
    }
    let text = verdict_text(tab).await;
    assert!(text.contains("Message suspect"), "{text}");
    assert!(
        text.contains("Assurance Maladie"),
        "the claimed organisation: {text}"
    );
    // Each flag shows what raised it, highlighted, and one sentence on why.
    let (marked, whys): (Vec<String>, usize) = tab
        .in_shadow(
            HOST,
            "const flags = [...root.querySelectorAll('[data-testid=message-flag]')];\
             return [flags.map((f) => [...f.querySelectorAll('mark')].map((m) => m.textContent).join(' | ')),\
                     flags.filter((f) => f.querySelectorAll(':scope > p').length >= 2).length];",
        )
        .await;
    assert!(
        marked.iter().all(|m| !m.is_empty()),
        "a flag without its excerpt: {marked:?}"
    );
    assert!(
        marked.iter().any(|m| m.contains("frais")),
        "the fees are not highlighted: {marked:?}"
    );
    assert!(
        marked.iter().any(|m| m.contains(PHISHING_HOST)),
        "the link is not highlighted: {marked:?}"
    );
    assert_eq!(whys, flags.len());
    // Links of the message are text, never links; the steps link to official pages only.
    let hrefs: Vec<String> = tab
        .in_shadow(
            HOST,
            "return [...root.querySelectorAll('[data-testid=message-verdict] a')].map((a) => a.href);",
        )
        .await;
    assert!(!hrefs.is_empty(), "no next step links");
    for href in &hrefs {
        assert!(
            !href.contains(PHISHING_HOST),
            "the message's link was made clickable"
        );
        let official = [
            "https://www.33700.fr/",
            "https://www.signal-spam.fr/",
            "https://17cyber.gouv.fr/",
            "https://www.cybermalveillance.gouv.fr/",
            "https://www.service-public.fr/",
            "https://www.ameli.fr/",
            "https://www.arcep.fr/",
        ];
        assert!(
            official.iter().any(|o| href.starts_with(o)),
            "{href} is not an official page"
        );
    }
    for needed in [
        "33700",
        "signal-spam",
        "17cyber",
        "cybermalveillance",
        "service-public",
    ] {
        assert!(
            hrefs.iter().any(|h| h.contains(needed)),
            "no {needed} link: {hrefs:?}"
        );
    }
    tab.screenshot("message-suspicious").await;

    // English follows the attribute, on the same text.
    let _: bool = tab
        .call(
            "document.querySelector('#m').setAttribute('lang', 'en'); return true;",
            Vec::new(),
        )
        .await;
    tab.wait_for(&format!(
        "{}.textContent.includes('Suspicious message')",
        Tab::hook(HOST, "message-verdict")
    ))
    .await;
    let _: bool = tab
        .call(
            "document.querySelector('#m').setAttribute('lang', 'fr'); return true;",
            Vec::new(),
        )
        .await;

    // A genuine message, typed by keyboard.
    tab.set_value(HOST, "message", "").await;
    tab.wait_for(&format!("{} === null", Tab::hook(HOST, "message-verdict")))
        .await;
    tab.type_into(HOST, "message", LEGITIMATE).await;
    let flags = verdict_and_flags(tab, "no-red-flag").await;
    assert!(flags.is_empty(), "flags on a genuine message: {flags:?}");
    let text = verdict_text(tab).await;
    assert!(text.contains("Ce qui a été vérifié"), "{text}");
    let lower = text.to_lowercase();
    for never in [
        "sûr",
        "sans danger",
        "sans risque",
        "fiable",
        "authentique.",
    ] {
        assert!(
            !lower.contains(never),
            "a no-red-flag answer says {never:?}: {text}"
        );
    }
    tab.screenshot("message-no-red-flag").await;

    // The status line is the one live region, polite, and says the verdict only.
    let (live, status): (Vec<String>, String) = tab
        .in_shadow(
            HOST,
            "const live = [...root.querySelectorAll('.bc-message [aria-live], .bc-message [role=status], .bc-message [role=alert]')];\
             return [live.map((e) => e.getAttribute('aria-live') || e.getAttribute('role')), live[0]?.textContent ?? ''];",
        )
        .await;
    assert_eq!(live, ["status"], "the section's live regions");
    assert_eq!(status, "Aucun signal d’alerte trouvé");

    // Nothing pasted reaches an attribute; only the bundle was requested, the engine once.
    let hits: Vec<String> = tab
        .call(
            include_str!("../js/attributes_containing.js"),
            vec![serde_json::json!([
                PHISHING_HOST,
                "renouvellement",
                "attestation de droits"
            ])],
        )
        .await;
    assert!(hits.is_empty(), "the text reached attributes: {hits:?}");
    assert_eq!(
        engine_reads(&session),
        1,
        "the engine is read once per page"
    );
    session.assert_private().await;
}

pub async fn an_engine_that_cannot_load_is_said_in_the_section_and_the_rest_still_works(
    browser: &Browser,
) {
    let copy = DistCopy::without(&[ENGINE], |_| {});
    let site =
        Site::new()
            .mount(BUNDLE_PREFIX, &copy.0)
            .page(HOST_PAGE, host_page("", &body("en")), &[]);
    let session = Session::open(browser, site, HOST_PAGE).await;
    let tab = &session.tab;
    tab.wait_for_widget(HOST).await;
    tab.paste(HOST, "message", PHISHING_SMS).await;
    let status = format!(
        "{}.closest('section').querySelector('[role=status]')",
        Tab::hook(HOST, "message")
    );
    tab.wait_for(&format!("{status}.textContent.includes('could not load')"))
        .await;
    let visible: bool = tab
        .eval(&format!(
            "(() => {{ const r = {status}.getBoundingClientRect(); return r.width > 0 && r.height > 0; }})()"
        ))
        .await;
    assert!(visible, "the message is not on screen");
    assert!(
        tab.try_eval::<bool>(&format!("{} === null", Tab::hook(HOST, "message-verdict")))
            .await
            == Some(true),
        "a verdict without an engine"
    );
    // The rest of the widget is unharmed: the text is kept and the exposure form is there.
    let kept: String = tab
        .eval(&format!("{}.value", Tab::hook(HOST, "message")))
        .await;
    assert_eq!(kept, PHISHING_SMS);
    let insurer: bool = tab
        .eval(&format!("{} !== null", Tab::hook(HOST, "insurer")))
        .await;
    assert!(insurer, "the exposure section is gone");
    assert!(session.foreign_requests().is_empty());
}
