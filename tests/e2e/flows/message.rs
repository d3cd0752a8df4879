//! The message section as a visitor uses it: nothing of the engine is fetched until the text
//! box is used; a phishing SMS pasted gets `suspicious` with its flags, highlighted, and
//! official next steps; a genuine message typed by keyboard gets `no-red-flag` with what was
//! checked and no "safe"; the language follows `lang`; the only requests are the bundle's
//! files (the engine's module among them) and nothing pasted reaches an attribute. Then: axe
//! finds nothing with either verdict shown, in French and English; the keyboard alone reaches
//! the text box, every link of the flags and of the next steps, and back; at 320 px nothing
//! sticks out or is cut; a 1 MB paste of links, images, junk, RTL overrides and emoji is
//! rated on its start without freezing the page and fetches nothing; an engine that stalls,
//! is missing or has the wrong hash is said in the section, the rest of the widget unharmed.

use std::time::{Duration, Instant};

use breach_check_e2e::browser::{Browser, Tab};
use breach_check_e2e::harness::{
    BUNDLE_PREFIX, DistCopy, HOST_PAGE, ON_FIRST_USE, Session, compute_verdict, dist, host_page,
};
use breach_check_e2e::server::Site;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;

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
        "<breach-check id=\"m\" lang=\"{lang}\" insurer=\"mutami\" sections=\"exposure message\" emit-events></breach-check>"
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
    // The harness's recorder of console messages and `breach-check:*` events, first.
    let recorders = format!(
        "<script>{}</script>",
        include_str!("../js/console_recorder.js")
    );
    let session = Session::open_host_page(browser, &recorders, &body("fr")).await;
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
    // Nor the console, an event, the URL, the title or a cookie.
    let console: Vec<String> = tab.eval("window.__console").await;
    let events: Vec<String> = tab.eval("window.__events").await;
    let page: Vec<String> = tab
        .eval("[location.href, document.title, window.name, JSON.stringify(history.state), document.cookie]")
        .await;
    assert!(
        events.iter().any(|e| e.starts_with("breach-check:ready")),
        "the event recorder heard nothing: {events:?}"
    );
    for (what, texts) in [("console", &console), ("events", &events), ("page", &page)] {
        for text in texts {
            for pasted in [
                PHISHING_HOST,
                "renouvellement",
                "attestation de droits",
                "frais d'envoi",
            ] {
                assert!(!text.contains(pasted), "the text is in {what}: {text}");
            }
        }
    }
    assert_eq!(
        engine_reads(&session),
        1,
        "the engine is read once per page"
    );
    session.assert_private().await;
}

// ---------------------------------------------------------------------------------------------
// Accessibility, keyboard, small screens, bad input, and an engine that stalls or is refused

/// A suspicious e-mail that raises many flags at once: a look-alike sender and link, a code,
/// the social security number, fees by card, a deadline, a surcharged number, the breach as a
/// pretext and an attachment.
const MANY_FLAGS: &str = "De : Assurance Maladie <contact@ameli-remboursement.com>\n\
    Objet : Dernier rappel\n\
    Suite à la cyberattaque, confirmez votre numéro de sécurité sociale et le code reçu par \
    SMS sur https://arneli.fr/compte ou appelez le 08 92 70 57 05. Réglez 1,99 € de frais \
    d'envoi par carte bancaire sous 24h. Pièce jointe : dossier.zip";

/// The message section alone, in `lang` and `theme`.
fn message_only(lang: &str, theme: &str) -> String {
    format!(
        "<button id=\"before\" type=\"button\">Avant</button>\
         <breach-check id=\"m\" lang=\"{lang}\" theme=\"{theme}\" insurer=\"mutami\" sections=\"message\"></breach-check>\
         <button id=\"after\" type=\"button\">Après</button>"
    )
}

/// Sets the element's `lang` attribute.
async fn set_lang(tab: &Tab, lang: &str) {
    let _: bool = tab
        .call(
            "document.querySelector('#m').setAttribute('lang', arguments[0]); return true;",
            vec![serde_json::json!(lang)],
        )
        .await;
}

/// Replaces the text box's content with `text` in one paste, and waits for `verdict`.
async fn paste_for(tab: &Tab, text: &str, verdict: &str) -> Vec<String> {
    tab.set_value(HOST, "message", "").await;
    tab.wait_for(&format!("{} === null", Tab::hook(HOST, "message-verdict")))
        .await;
    tab.paste(HOST, "message", text).await;
    verdict_and_flags(tab, verdict).await
}

pub async fn the_message_check_has_no_axe_violation_with_either_verdict_in_french_and_english(
    browser: &Browser,
) {
    for (lang, theme) in [("fr", "light"), ("en", "dark")] {
        let session = Session::open_host_page(browser, "", &message_only(lang, theme)).await;
        let tab = &session.tab;
        tab.wait_for_widget(HOST).await;
        let violations = tab.axe_violations().await;
        assert!(violations.is_empty(), "{lang}, empty: {violations:#?}");

        let flags = paste_for(tab, MANY_FLAGS, "suspicious").await;
        assert!(flags.len() >= 6, "{lang}: only {flags:?}");
        let violations = tab.axe_violations().await;
        assert!(
            violations.is_empty(),
            "{lang}/{theme}, suspicious with {} flags: {violations:#?}",
            flags.len()
        );
        tab.screenshot(&format!("message-axe-suspicious-{lang}-{theme}"))
            .await;

        let flags = paste_for(tab, LEGITIMATE, "no-red-flag").await;
        assert!(flags.is_empty(), "{flags:?}");
        let violations = tab.axe_violations().await;
        assert!(
            violations.is_empty(),
            "{lang}/{theme}, no red flag: {violations:#?}"
        );
        // The same report in the other language, from the attribute.
        let other = if lang == "fr" { "en" } else { "fr" };
        set_lang(tab, other).await;
        let headline = if other == "en" {
            "No red flag found"
        } else {
            "Aucun signal d’alerte trouvé"
        };
        tab.wait_for(&format!(
            "{}.textContent.includes({headline:?})",
            Tab::hook(HOST, "message-verdict")
        ))
        .await;
        let violations = tab.axe_violations().await;
        assert!(
            violations.is_empty(),
            "{other}/{theme}, no red flag: {violations:#?}"
        );
        session.assert_private().await;
    }
}

/// Presses `keys` together (the first ones held as modifiers) where the focus is, as a
/// keyboard does: WebDriver key actions, not events made by a script.
async fn press(tab: &Tab, keys: &[Key]) {
    let mut actions = KeyActions::new("keyboard".into());
    for key in keys {
        actions = actions.then(KeyAction::Down {
            value: char::from(*key),
        });
    }
    for key in keys.iter().rev() {
        actions = actions.then(KeyAction::Up {
            value: char::from(*key),
        });
    }
    tab.client()
        .perform_actions(actions)
        .await
        .unwrap_or_else(|e| panic!("{}: keys {keys:?}: {e}", tab.engine));
}

/// Where the focus is: in the widget (`root.activeElement`), what it is, where it sits in the
/// report, whether it is on screen and draws a focus ring; or `outside` with the page's
/// focused element's id.
const FOCUS: &str = "const host = document.querySelector('#m');\
    if (document.activeElement !== host) return { place: 'outside:' + (document.activeElement?.id ?? '') };\
    const el = host.shadowRoot.activeElement;\
    if (!el) return { place: 'host' };\
    const r = el.getBoundingClientRect();\
    const style = getComputedStyle(el);\
    const place = el.dataset.testid === 'message' ? 'text-box'\
      : el.closest('[data-testid=message-flag]') ? 'flag:' + el.closest('[data-testid=message-flag]').dataset.flag\
      : el.closest('.bc-steps') ? 'steps' : 'other:' + el.tagName;\
    return { place, tag: el.tagName, href: el.getAttribute('href') ?? '',\
      on_screen: r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight + 1,\
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };";

#[derive(Debug, serde::Deserialize)]
struct Focus {
    place: String,
    #[serde(default)]
    tag: String,
    #[serde(default)]
    href: String,
    #[serde(default)]
    on_screen: bool,
    #[serde(default)]
    ring: bool,
}

pub async fn the_message_check_works_by_keyboard_alone_from_the_text_box_to_the_flags_and_steps(
    browser: &Browser,
) {
    let session = Session::open_host_page(browser, "", &message_only("fr", "light")).await;
    let tab = &session.tab;
    tab.wait_for_widget(HOST).await;
    let _: bool = tab
        .eval("(document.querySelector('#before').focus(), true)")
        .await;
    // Tab from the page reaches the text box first, and it shows its focus.
    press(tab, &[Key::Tab]).await;
    let focus: Focus = tab.call(FOCUS, Vec::new()).await;
    assert_eq!(focus.place, "text-box", "{focus:?}");
    assert!(focus.ring, "the text box draws no focus ring: {focus:?}");
    // Typed there, key by key.
    tab.type_into(HOST, "message", PHISHING_SMS).await;
    let flags = verdict_and_flags(tab, "suspicious").await;
    assert!(flags.len() >= 3, "{flags:?}");
    // Tab walks the report's links in order: the flags' own steps, then the next steps,
    // each on screen with its ring; then it leaves the widget for the page.
    let mut path = Vec::new();
    loop {
        press(tab, &[Key::Tab]).await;
        let focus: Focus = tab.call(FOCUS, Vec::new()).await;
        if focus.place.starts_with("outside") {
            assert_eq!(focus.place, "outside:after", "{path:?}");
            break;
        }
        assert_eq!(focus.tag, "A", "only links after the text box: {focus:?}");
        assert!(
            focus.href.starts_with("https://"),
            "not an official page: {focus:?}"
        );
        assert!(
            focus.on_screen && focus.ring,
            "a focused link is hidden or has no ring: {focus:?}"
        );
        path.push(focus.place);
        assert!(
            path.len() < 40,
            "the focus never leaves the widget: {path:?}"
        );
    }
    assert!(
        path.iter().any(|p| p.starts_with("flag:")),
        "no flag's step was reached: {path:?}"
    );
    assert!(
        path.iter().any(|p| p == "steps"),
        "the next steps were not reached: {path:?}"
    );
    let first_steps = path.iter().position(|p| p == "steps").unwrap_or(0);
    assert!(
        path[first_steps..].iter().all(|p| p == "steps"),
        "the flags' steps come first: {path:?}"
    );
    // Shift+Tab comes back, link by link, to the text box.
    for expected in path.iter().rev() {
        press(tab, &[Key::Shift, Key::Tab]).await;
        let focus: Focus = tab.call(FOCUS, Vec::new()).await;
        assert_eq!(&focus.place, expected);
    }
    press(tab, &[Key::Shift, Key::Tab]).await;
    let focus: Focus = tab.call(FOCUS, Vec::new()).await;
    assert_eq!(focus.place, "text-box");
    // The text box keeps taking keys: Tab inside it moves on rather than typing a tab.
    let kept: String = tab
        .eval(&format!("{}.value", Tab::hook(HOST, "message")))
        .await;
    assert_eq!(kept, PHISHING_SMS);
    session.assert_private().await;
}

/// A page that shows the host page in a frame `width` CSS pixels wide, as a phone's screen.
fn phone_site(width: u32, body: &str) -> Site {
    let head = "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
                <style>body { margin: 8px }</style>";
    let phone = format!(
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>phone</title>\
         <link rel=\"icon\" href=\"data:,\"></head><body style=\"margin: 0\">\
         <iframe title=\"phone\" src=\"{HOST_PAGE}\" style=\"width: {width}px; height: 2400px; border: 0\"></iframe>\
         </body></html>"
    );
    Site::new()
        .mount(BUNDLE_PREFIX, dist())
        .page(HOST_PAGE, host_page(head, body), &[])
        .page("/phone.html", phone, &[])
}

/// What sticks out of the message section sideways, or is cut by its own box: one line per
/// element (tag, classes, its left..right against the section's, and the start of its text).
const CLIPPED: &str = "const root = document.querySelector('#m').shadowRoot;\
    const section = root.querySelector('.bc-message').getBoundingClientRect();\
    const out = [];\
    for (const el of root.querySelectorAll('.bc-message *')) {\
      const r = el.getBoundingClientRect();\
      if ((r.width === 0 && r.height === 0) || el.closest('.bc-sr-only')) continue;\
      const sticks = r.left < section.left - 1 || r.right > section.right + 1;\
      const cut = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible';\
      if (sticks || cut) out.push(el.tagName + '.' + [...el.classList].join('.') + ' ' +\
        Math.round(r.left) + '..' + Math.round(r.right) + ' in ' + Math.round(section.left) + '..' +\
        Math.round(section.right) + (cut ? ' cut' : '') + ' ' + JSON.stringify(el.textContent.slice(0, 40)));\
    }\
    return [section.width, out];";

pub async fn at_320_pixels_a_long_suspicious_message_sticks_out_nowhere_and_nothing_is_clipped(
    browser: &Browser,
) {
    let long_link = format!(
        "https://ameli.fr.remboursement-{}.com/{}?session={}",
        "securise".repeat(6),
        "dossier/".repeat(12),
        "0123456789abcdef".repeat(6)
    );
    let text = format!(
        "{MANY_FLAGS}\nLien : {long_link}\nRéférence : {}\n{}",
        "X".repeat(160),
        "😀\u{202e}lanigiro\u{202c} ".repeat(20)
    );
    let body =
        "<breach-check id=\"m\" insurer=\"mutami\" sections=\"exposure message\"></breach-check>";
    let session = Session::open(browser, phone_site(320, body), "/phone.html").await;
    let tab = &session.tab;
    tab.wait_for("document.querySelector('iframe').contentDocument?.readyState === 'complete'")
        .await;
    tab.client()
        .enter_frame(0)
        .await
        .expect("enter the phone frame");
    tab.wait_for("window.innerWidth === 320").await;
    tab.wait_for_widget(HOST).await;
    tab.paste(HOST, "message", &text).await;
    let flags = verdict_and_flags(tab, "suspicious").await;
    assert!(flags.len() >= 6, "{flags:?}");
    let (inner, scroll_width, overflowing): (f64, f64, Vec<String>) = tab
        .call(include_str!("../js/overflowing.js"), Vec::new())
        .await;
    assert_eq!(inner, 320.0);
    assert!(
        overflowing.is_empty(),
        "elements stick out of the 320 px screen:\n{}",
        overflowing.join("\n")
    );
    assert!(
        scroll_width <= inner,
        "the page scrolls sideways: {scroll_width} px on a 320 px screen"
    );
    let (width, clipped): (f64, Vec<String>) = tab.call(CLIPPED, Vec::new()).await;
    assert!(width > 250.0, "the section is {width} px wide");
    assert!(
        clipped.is_empty(),
        "parts of the report stick out of the section or are cut:\n{}",
        clipped.join("\n")
    );
    // The text box is as wide as the section, and the long link is shown whole, wrapped.
    let (box_width, shown): (f64, bool) = tab
        .call(
            "const root = document.querySelector('#m').shadowRoot;\
             const box = root.querySelector('[data-testid=message]').getBoundingClientRect();\
             return [box.width, root.querySelector('.bc-message-text').textContent.includes(arguments[0])];",
            vec![serde_json::json!(long_link)],
        )
        .await;
    assert!(box_width > 250.0 && box_width <= 320.0, "{box_width}");
    assert!(shown, "the long link is not shown whole");
    tab.client()
        .enter_parent_frame()
        .await
        .expect("leave the phone frame");
    tab.screenshot("message-320px").await;
    session.assert_only_bundle_and_host_requests("/phone.html", BUNDLE_PREFIX, &[HOST_PAGE]);
}

/// The section's status line, as a JS expression.
fn status_line() -> String {
    format!(
        "{}.closest('section').querySelector('[role=status]')",
        Tab::hook(HOST, "message")
    )
}

/// Asserts that the section says, on screen and in `lang`, that the check could not load,
/// shows no verdict and no empty box, keeps the text, and leaves the exposure check working.
async fn assert_said_unavailable(tab: &Tab, lang: &str, kept: &str) {
    let status = status_line();
    let words = if lang == "en" {
        "The message check could not load"
    } else {
        "La vérification des messages n’a pas pu se charger"
    };
    tab.wait_for(&format!("{status}.textContent.startsWith({words:?})"))
        .await;
    let (width, height, visible): (f64, f64, bool) = tab
        .eval(&format!(
            "(() => {{ const s = {status}; const r = s.getBoundingClientRect(); \
             return [r.width, r.height, s.checkVisibility({{ opacityProperty: true, visibilityProperty: true }})]; }})()"
        ))
        .await;
    assert!(
        width > 0.0 && height > 0.0 && visible,
        "the message is not on screen: {width}x{height}, visible {visible}"
    );
    assert!(
        tab.try_eval::<bool>(&format!("{} === null", Tab::hook(HOST, "message-verdict")))
            .await
            == Some(true),
        "a verdict without an engine"
    );
    let value: String = tab
        .eval(&format!("{}.value", Tab::hook(HOST, "message")))
        .await;
    assert_eq!(value, kept, "the pasted text was lost");
    // The rest of the page still works: the exposure check answers.
    assert_eq!(compute_verdict(tab, HOST).await, "exposed");
    // And the text box still takes text.
    tab.type_into(HOST, "message", " ok").await;
    let value: String = tab
        .eval(&format!("{}.value", Tab::hook(HOST, "message")))
        .await;
    assert!(value.ends_with(" ok"), "{value:?}");
}

pub async fn a_stalled_engine_is_said_after_the_loaders_time_limit_and_the_page_stays_usable(
    browser: &Browser,
) {
    let engine = format!("{BUNDLE_PREFIX}{ENGINE}");
    // Held for two minutes, as a stuck CDN edge would; the loader gives up after 12 s.
    let site = Site::new()
        .mount(BUNDLE_PREFIX, dist())
        .delay(&engine, Duration::from_secs(120))
        .page(HOST_PAGE, host_page("", &body("fr")), &[]);
    let session = Session::open(browser, site, HOST_PAGE).await;
    let tab = &session.tab;
    tab.wait_for_widget(HOST).await;
    tab.paste(HOST, "message", PHISHING_SMS).await;
    let asked_at = Instant::now();
    while !session.server.requested_paths().contains(&engine) {
        assert!(
            asked_at.elapsed() < Duration::from_secs(30),
            "the engine was never requested"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Meanwhile the section says it is loading, in words, never a blank box.
    let status = status_line();
    tab.wait_for(&format!(
        "{status}.textContent === 'Chargement de la vérification des messages…'"
    ))
    .await;
    let violations = tab.axe_violations().await;
    assert!(violations.is_empty(), "while loading: {violations:#?}");
    // Then the loader's time limit passes, and the section says the check could not load.
    tab.wait_for(&format!("!{status}.textContent.startsWith('Chargement')"))
        .await;
    let waited = asked_at.elapsed();
    assert!(
        waited >= Duration::from_secs(8),
        "the engine was given up after {waited:?}, before the loader's 12 s"
    );
    assert_said_unavailable(tab, "fr", PHISHING_SMS).await;
    let violations = tab.axe_violations().await;
    assert!(violations.is_empty(), "could not load: {violations:#?}");
    let longest = tab.longest_blocked_ms().await;
    assert!(longest < 1000.0, "a task blocked the page for {longest} ms");
    tab.screenshot("message-engine-stalled").await;
    assert!(session.foreign_requests().is_empty());
}

pub async fn an_engine_refused_for_a_404_or_a_wrong_hash_is_said_in_the_section(browser: &Browser) {
    let missing = DistCopy::without(&[ENGINE], |_| {});
    // One byte changed in a custom section: still a valid module, but not the pinned one.
    let tampered = DistCopy::without(&[], |dir| {
        let path = dir.join(ENGINE);
        let mut bytes = std::fs::read(&path).expect("the engine module");
        bytes.extend_from_slice(&[0, 4, 3, b'b', b'c', b'x']);
        std::fs::write(&path, bytes).expect("write the tampered engine");
    });
    for (copy, lang, why) in [(&missing, "en", "404"), (&tampered, "fr", "wrong hash")] {
        let site = Site::new().mount(BUNDLE_PREFIX, &copy.0).page(
            HOST_PAGE,
            host_page("", &body(lang)),
            &[],
        );
        let session = Session::open(browser, site, HOST_PAGE).await;
        let tab = &session.tab;
        tab.wait_for_widget(HOST).await;
        tab.paste(HOST, "message", PHISHING_SMS).await;
        assert_said_unavailable(tab, lang, PHISHING_SMS).await;
        let reads = engine_reads(&session);
        assert!(reads >= 1, "{why}: the engine was never asked for");
        assert!(session.foreign_requests().is_empty(), "{why}");
    }
}

pub async fn a_megabyte_paste_of_links_images_junk_rtl_and_emoji_is_rated_on_its_start_and_fetches_nothing(
    browser: &Browser,
) {
    let session = Session::open_host_page(browser, "", &body("fr")).await;
    let tab = &session.tab;
    tab.wait_until_settled(HOST).await;
    // Addresses on the page's own server and on foreign hosts, as links, images and markup:
    // the server's log and the browser's proxy witness any fetch, preview or prefetch.
    let own = session.url("/pasted-image.png");
    let lure = format!(
        "Assurance Maladie : votre carte Vitale expire. Réglez 1,49 € de frais sur \
         https://ameli.fr.renouvellement-vitale.com/pay avant 24h.\n\
         <img src=\"{own}\"> ![photo]({own}?md) <a href=\"https://phish.example/a\">ici</a>\n\
         <link rel=\"prefetch\" href=\"https://prefetch.example/\"> \
         https://tracker.example/pixel.gif http://192.0.2.1/x.png www.piege.example\n"
    );
    let mut text = lure.clone();
    let junk: String = (1u32..600)
        .filter_map(|i| char::from_u32((i * 7919) % 0x3_0000))
        .collect();
    while text.len() < 1_000_000 {
        text.push_str("😀👩‍👩‍👧 \u{202e}gpj.exe\u{202c} \u{200f}שלום\u{200e} ");
        text.push_str(&junk);
        text.push_str(" https://tracker.example/more.png ");
    }
    // One paste. The box keeps its first 30,000 characters (`maxlength`), the engine rates
    // the first 20,000 bytes of those, and the report says so.
    tab.paste(HOST, "message", &text).await;
    let flags = verdict_and_flags(tab, "suspicious").await;
    let kept: u64 = tab
        .eval(&format!("{}.value.length", Tab::hook(HOST, "message")))
        .await;
    assert!(
        (20_000..=30_000).contains(&kept),
        "the box holds {kept} UTF-16 units of a 1 MB paste"
    );
    assert!(
        flags.iter().any(|f| f == "asks-bank-details")
            && flags.iter().any(|f| f == "lookalike-domain"),
        "{flags:?}"
    );
    let (length, said, links, images): (u64, bool, Vec<String>, u32) = tab
        .in_shadow(
            HOST,
            "const v = root.querySelector('[data-testid=message-verdict]');\
             return [v.textContent.length, v.textContent.includes('seul son début a été analysé'),\
                     [...root.querySelectorAll('a')].map((a) => a.href),\
                     root.querySelectorAll('img, link, iframe, object, embed, video, audio, source').length];",
        )
        .await;
    assert!(said, "the verdict does not say only the start was checked");
    assert!(
        length < 60_000,
        "the report shows {length} characters of a 1 MB paste"
    );
    assert_eq!(images, 0, "an element that fetches was made from the text");
    for href in &links {
        assert!(
            !["example", "192.0.2.1", "pasted-image", "renouvellement"]
                .iter()
                .any(|pasted| href.contains(pasted)),
            "a pasted address became a link: {href}"
        );
    }
    let longest = tab.longest_blocked_ms().await;
    assert!(longest < 1000.0, "a task blocked the page for {longest} ms");
    // Still usable: the rest of the widget answers.
    assert_eq!(compute_verdict(tab, HOST).await, "exposed");
    tab.settle().await;
    let requested = session.server.requested_paths();
    assert!(
        !requested.iter().any(|p| p.contains("pasted-image")),
        "the page fetched a pasted address: {requested:?}"
    );
    session.assert_private().await;
}
