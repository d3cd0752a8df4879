//! Subresource Integrity: a host pins the loader with `integrity` + `crossorigin`. The loader
//! holds the wasm-bindgen glue itself, and pins what it reads in turn (the wasm and the
//! dictionary, their bytes checked against the hashes `make build` wrote into it). So one
//! attribute on one script tag covers the whole bundle.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use breach_check_e2e::browser::{Browser, Tab};
use breach_check_e2e::harness::{
    DistCopy, Session, assert_fallback, bundle_files, bundle_sums, dist, failing_files,
};
use breach_check_e2e::server::Site;

const BUNDLE: &str = "/bc/";

/// `dist/SHA384SUMS` as file name → `sha384-…` value.
fn sums() -> BTreeMap<String, String> {
    bundle_sums()
}

/// The SRI value of a file, computed independently of the build (openssl, as a host would).
fn sri_of(file: &Path) -> String {
    let digest = Command::new("openssl")
        .args(["dgst", "-sha384", "-binary"])
        .arg(file)
        .output()
        .expect("run openssl");
    assert!(
        digest.status.success(),
        "openssl failed on {}",
        file.display()
    );
    let mut encoder = Command::new("base64")
        .arg("-w0")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run base64");
    use std::io::Write;
    encoder
        .stdin
        .take()
        .expect("base64 stdin")
        .write_all(&digest.stdout)
        .expect("feed base64");
    let out = encoder.wait_with_output().expect("base64 output");
    format!("sha384-{}", String::from_utf8(out.stdout).expect("ascii"))
}

/// A host page that pins the loader with `integrity` and keeps its own fallback text inside
/// the element, as the README advises: shown only when the script never defines the element.
fn page(integrity: &str) -> String {
    format!(
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">\
         <title>SRI</title>\
         <script>{errors}</script>\
         <script src=\"{BUNDLE}breach-check.js\" integrity=\"{integrity}\" crossorigin=\"anonymous\" defer></script></head>\
         <body><h1>Hôte</h1><breach-check id=\"w\" notice-href=\"https://mutuelle.example/\">\
         <p id=\"host-fallback\">Consultez <a href=\"https://mutuelle.example/\">notre information</a>.</p>\
         </breach-check>\
         <script>window.addEventListener('load', () => window.__hostLoaded = true);</script>\
         </body></html>",
        errors = include_str!("../js/script_error_recorder.js")
    )
}

/// Width × height of the host's own fallback paragraph.
async fn host_fallback_area(tab: &Tab) -> f64 {
    tab.eval(
        "(() => { const r = document.querySelector('#host-fallback').getBoundingClientRect(); \
         return r.width * r.height })()",
    )
    .await
}

pub fn sha384sums_lists_every_bundle_file_and_the_loader_pins_the_others() {
    let sums = sums();
    let loader = std::fs::read_to_string(dist().join("breach-check.js")).expect("loader");
    let files = bundle_files();
    for needed in [
        "breach-check.js",
        "breach-check.wasm",
        "breach-check-with-message.wasm",
        "breach-check-password.wasm",
        "breach-check.dict",
    ] {
        assert!(
            files.iter().any(|f| f == needed),
            "SHA384SUMS does not list {needed}: {sums:?}"
        );
    }
    for file in &files {
        let listed = sums
            .get(file)
            .unwrap_or_else(|| panic!("SHA384SUMS does not list {file}: {sums:?}"));
        assert_eq!(
            *listed,
            sri_of(&dist().join(file)),
            "SHA384SUMS is stale for {file}"
        );
        if file != "breach-check.js" {
            assert!(
                loader.contains(listed.as_str()),
                "the loader does not pin {file} to {listed}"
            );
        }
    }
    assert!(!loader.contains("@SRI:"), "the loader has an unfilled hash");
}

pub async fn the_bundle_pinned_by_integrity_works_and_a_wrong_hash_leaves_the_page_intact(
    browser: &Browser,
) {
    let sums = sums();
    let good = &sums["breach-check.js"];
    let path = "/sri.html";
    let site = Site::new()
        .mount(BUNDLE, dist())
        .page(path, page(good), &[]);
    // 127.0.0.1: a secure context, where the loader may check with SubtleCrypto too.
    let mut session = Session::open_local(browser, site, path).await;
    let tab = &session.tab;
    tab.wait_until_settled("#w").await;
    tab.type_into("#w", "password", "Marie1985!").await;
    tab.wait_for(&format!(
        "{}.hasAttribute('data-score')",
        Tab::hook("#w", "password-meter")
    ))
    .await;
    assert_eq!(
        host_fallback_area(tab).await,
        0.0,
        "the host's fallback text shows next to a working widget"
    );
    let errors: Vec<String> = tab.eval("window.__scriptErrors").await;
    assert!(errors.is_empty(), "script errors: {errors:?}");
    // Each file was read once.
    for file in bundle_files() {
        let reads = session
            .server
            .requested_paths()
            .iter()
            .filter(|p| **p == format!("{BUNDLE}{file}"))
            .count();
        // The message engine is read on first use of a message section, and the main module
        // with that section by a page that shows it: this page has none. The password engine
        // is read on first use of a password section, which it had.
        let expected = usize::from(
            file != "breach-check-message.wasm" && file != "breach-check-with-message.wasm",
        );
        assert_eq!(reads, expected, "{file} was requested {reads} times");
    }
    // The loader is the only script: no glue, no module preload, nothing the host's
    // integrity attribute does not cover.
    let scripts: Vec<String> = session
        .server
        .requested_paths()
        .into_iter()
        .filter(|p| p.ends_with(".js") && p.starts_with(BUNDLE))
        .collect();
    assert_eq!(
        scripts,
        vec![format!("{BUNDLE}breach-check.js")],
        "scripts besides the loader were read"
    );
    let leftovers: u32 = tab
        .eval(
            "[...document.scripts].filter(s => s.src && s.src.includes('/bc/') \
             && !s.src.endsWith('/breach-check.js')).length \
             + document.querySelectorAll('link[rel=modulepreload]').length",
        )
        .await;
    assert_eq!(
        leftovers, 0,
        "the loader added a preload or script to the host's DOM"
    );
    session.assert_only_bundle_requests(path, BUNDLE);
    session.assert_nothing_stored().await;

    // Well-formed but wrong (the wasm's hash): the browser refuses the loader.
    let wrong = &sums["breach-check.wasm"];
    let site = Site::new()
        .mount(BUNDLE, dist())
        .page(path, page(wrong), &[]);
    session.visit(site, path).await;
    let tab = &session.tab;
    tab.wait_for("window.__hostLoaded === true").await;
    let errors: Vec<String> = tab.eval("window.__scriptErrors").await;
    assert_eq!(
        errors,
        vec![session.url(&format!("{BUNDLE}breach-check.js"))],
        "the blocked loader should fire one error event"
    );
    let (defined, shadow): (bool, bool) = tab
        .eval("[!!customElements.get('breach-check'), !!document.querySelector('#w').shadowRoot]")
        .await;
    assert!(
        !defined && !shadow,
        "a widget ran from a loader that failed its integrity check"
    );
    assert!(
        host_fallback_area(tab).await > 0.0,
        "the host's own fallback text is not on screen"
    );
    // The page itself goes on working.
    let alive: String = tab
        .eval(
            "(() => { const p = document.createElement('p'); p.textContent = 'still here'; \
               document.body.append(p); return document.body.lastChild.textContent })()",
        )
        .await;
    assert_eq!(alive, "still here");
    let asked = session.server.requested_paths();
    assert!(
        !asked
            .iter()
            .any(|p| p.starts_with(BUNDLE) && !p.ends_with("/breach-check.js")),
        "a refused loader still loaded the rest: {asked:?}"
    );
}

pub async fn a_tampered_wasm_behind_a_good_loader_gets_the_fallback_not_the_code(
    browser: &Browser,
) {
    // The glue is inside the loader, which the host's integrity attribute checks (above): the
    // wasm is the one script-like file behind it.
    assert_eq!(
        failing_files(),
        ["breach-check.wasm"],
        "the files behind the loader"
    );
    // The loader is the released one: only the wasm behind it changed on the server. Still
    // a valid module for a browser that did not check: a custom section (id 0, 4 bytes: the
    // name "bad") appended at the end.
    let copy = DistCopy::without(&[], |dir| {
        let file = dir.join("breach-check.wasm");
        let mut bytes = std::fs::read(&file).expect("read the wasm");
        bytes.extend_from_slice(&[0, 4, 3, b'b', b'a', b'd']);
        std::fs::write(&file, bytes).expect("write the tampered wasm");
    });
    let path = "/tampered.html";
    let loader = sri_of(&copy.0.join("breach-check.js"));
    let site = Site::new()
        .mount(BUNDLE, &copy.0)
        .page(path, page(&loader), &[]);
    // 127.0.0.1 and the page's own fetch: the loader checks with SubtleCrypto (the other ways
    // are in loader.rs).
    let session = Session::open_local(browser, site, path).await;
    assert_fallback(&session.tab, "#w", "fr", Some("https://mutuelle.example/")).await;
    let asked = session.server.requested_paths();
    assert!(
        asked.contains(&format!("{BUNDLE}breach-check.wasm")),
        "the wasm was never requested: {asked:?}"
    );
    session.assert_requests_within(path, BUNDLE, &[]);
}
