//! The two main modules: a page reads `breach-check.wasm`, the widget without the message
//! section, unless one of its widgets shows that section; then it reads
//! `breach-check-with-message.wasm` instead, once for all its widgets. A widget given the
//! section after it started moves to the module with it. Two modules on one page share the
//! password engine and its dictionary, each fetched once. The server's request log is the
//! witness.

use breach_check_e2e::browser::{Browser, Tab};
use breach_check_e2e::harness::{
    BUNDLE_PREFIX, DICTIONARY, HOST_PAGE, MAIN_MODULE, MAIN_MODULE_WITH_MESSAGE, Session,
};

/// How many times the page asked for the bundle file `file`.
fn reads(session: &Session<'_>, file: &str) -> usize {
    let path = format!("{BUNDLE_PREFIX}{file}");
    session
        .server
        .requested_paths()
        .iter()
        .filter(|asked| **asked == path)
        .count()
}

/// Whether the widget `host` shows the hook `testid`.
async fn shows(tab: &Tab, host: &str, testid: &str) -> bool {
    tab.eval(&format!("{} !== null", Tab::hook(host, testid)))
        .await
}

/// The recorder of console messages, before the loader.
fn recorder() -> String {
    format!(
        "<script>{}</script>",
        include_str!("../js/console_recorder.js")
    )
}

/// Asserts that the page logged no error.
async fn assert_no_console_error(tab: &Tab) {
    let console: Vec<String> = tab.eval("window.__console").await;
    let errors: Vec<&String> = console.iter().filter(|m| m.starts_with("error")).collect();
    assert!(errors.is_empty(), "{}: {errors:?}", tab.engine);
}

pub async fn each_page_reads_the_one_main_module_its_widgets_need(browser: &Browser) {
    // (body, the module it must read, the widgets with a message box, those without)
    let pages: [(&str, &str, &[&str], &[&str]); 3] = [
        (
            "<breach-check id=\"a\" insurer=\"mutami\"></breach-check>",
            MAIN_MODULE,
            &[],
            &["#a"],
        ),
        (
            "<breach-check id=\"m\" sections=\"exposure  MESSAGE\"></breach-check>",
            MAIN_MODULE_WITH_MESSAGE,
            &["#m"],
            &[],
        ),
        // The first widget alone would take the module without the section: the loader sees
        // the second one at once, and the page downloads one module, not two.
        (
            "<breach-check id=\"a\"></breach-check>\
             <breach-check id=\"m\" sections=\"message\" lang=\"en\"></breach-check>",
            MAIN_MODULE_WITH_MESSAGE,
            &["#m"],
            &["#a"],
        ),
    ];
    for (body, module, with_box, without_box) in pages {
        let session = Session::open_host_page(browser, &recorder(), body).await;
        let tab = &session.tab;
        for host in with_box.iter().chain(without_box) {
            tab.wait_until_settled(host).await;
        }
        tab.settle().await;
        for host in with_box {
            assert!(
                shows(tab, host, "message").await,
                "{body}: no message box in {host}"
            );
        }
        for host in without_box {
            assert!(
                shows(tab, host, "insurer").await,
                "{body}: {host} has no exposure check"
            );
            assert!(
                !shows(tab, host, "message").await,
                "{body}: a message box in {host}"
            );
        }
        let other = if module == MAIN_MODULE {
            MAIN_MODULE_WITH_MESSAGE
        } else {
            MAIN_MODULE
        };
        assert_eq!(
            reads(&session, module),
            1,
            "{body}: {:?}",
            session.requests()
        );
        assert_eq!(
            reads(&session, other),
            0,
            "{body}: {:?}",
            session.requests()
        );
        assert_no_console_error(tab).await;
        session.assert_only_bundle_requests(HOST_PAGE, BUNDLE_PREFIX);
    }
}

pub async fn a_widget_given_the_message_section_later_moves_to_it_and_both_modules_share_the_password_engine(
    browser: &Browser,
) {
    let session = Session::open_host_page(
        browser,
        &recorder(),
        "<breach-check id=\"a\" sections=\"password\"></breach-check>",
    )
    .await;
    let tab = &session.tab;
    tab.wait_until_settled("#a").await;
    assert_eq!(reads(&session, MAIN_MODULE), 1);
    assert_eq!(reads(&session, MAIN_MODULE_WITH_MESSAGE), 0);

    // A widget with the message section added by the page's own script: the module with the
    // section comes too, and the first widget keeps running on the other.
    let _: bool = tab
        .eval(
            "(() => { const b = document.createElement('breach-check'); b.id = 'b'; \
             b.setAttribute('sections', 'password message'); \
             document.querySelector('main').append(b); return true })()",
        )
        .await;
    tab.wait_until_settled("#b").await;
    assert!(shows(tab, "#b", "message").await);
    assert_eq!(reads(&session, MAIN_MODULE_WITH_MESSAGE), 1);

    // Both rate passwords with the one engine and dictionary the page fetched.
    for host in ["#a", "#b"] {
        tab.type_into(host, "password", "Marseille2024!").await;
        tab.wait_for(&format!(
            "{}?.hasAttribute('data-score')",
            Tab::hook(host, "password-meter")
        ))
        .await;
        let state: String = tab
            .eval(&format!(
                "document.querySelector({host:?}).shadowRoot.querySelector('.bc').dataset.dictionaries"
            ))
            .await;
        assert_eq!(state, "ready", "{host}");
    }
    assert_eq!(reads(&session, "breach-check-password.wasm"), 1);
    assert_eq!(reads(&session, DICTIONARY), 1);

    // The first widget is given the section: it starts again on the module with it, which
    // the page already has, and checks a message.
    let _: bool = tab
        .eval("document.querySelector('#a').setAttribute('sections', 'password message'), true")
        .await;
    tab.wait_for(&format!("{} !== null", Tab::hook("#a", "message")))
        .await;
    tab.paste(
        "#a",
        "message",
        "Ameli : votre carte Vitale expire. Réglez 1,49 € de frais sur https://bit.ly/vitale-2026 avant ce soir.",
    )
    .await;
    tab.wait_for(&format!(
        "{}?.dataset.verdict === 'suspicious'",
        Tab::hook("#a", "message-verdict")
    ))
    .await;
    assert_eq!(reads(&session, MAIN_MODULE), 1);
    assert_eq!(reads(&session, MAIN_MODULE_WITH_MESSAGE), 1);
    assert_eq!(reads(&session, "breach-check-message.wasm"), 1);
    assert_no_console_error(tab).await;
    session.assert_only_bundle_requests(HOST_PAGE, BUNDLE_PREFIX);
}
