//! What every flow shares: the release bundle, host pages, a [`Session`] (a site served to
//! one browser) and the assertions every flow ends with.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::browser::{Browser, Tab};
use crate::server::{RECORDER_PATH, Request, Server, Site};

/// The release bundle `make build` writes; fails with a hint when it has not been built.
pub fn dist() -> PathBuf {
    let dist = crate::workspace_root().join("dist");
    assert!(
        dist.join("SHA384SUMS").exists() && dist.join("breach-check.js").exists(),
        "{} has no release bundle: run `make build` (make test does it first)",
        dist.display()
    );
    dist
}

/// `dist/SHA384SUMS`: every file of the bundle a host page may load, with its SRI value
/// (`sha384-…`), in the build's order.
pub fn bundle_sums() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(dist().join("SHA384SUMS")).expect("dist/SHA384SUMS");
    let sums: BTreeMap<String, String> = text
        .lines()
        .filter_map(|line| {
            let (hash, file) = line.split_once("  ")?;
            Some((file.trim().to_owned(), hash.trim().to_owned()))
        })
        .collect();
    assert!(
        sums.contains_key("breach-check.js"),
        "dist/SHA384SUMS does not list the loader: {sums:?}"
    );
    sums
}

/// The files of the bundle a host downloads besides its own page, as `dist/SHA384SUMS`
/// lists them: the loader (the wasm-bindgen glue is inside it) and what it reads (the wasm,
/// the dictionary).
pub fn bundle_files() -> Vec<String> {
    bundle_sums().into_keys().collect()
}

/// Bundle files the loader reads only when a visitor first uses the section that needs them
/// (the message engine's module, for a message section; the password engine's, for a
/// password section): a page that never uses it never loads them, and their absence breaks
/// nothing else. `flows/message.rs` and `flows/first_paint.rs` check them.
pub const ON_FIRST_USE: &[&str] = &["breach-check-message.wasm", "breach-check-password.wasm"];

/// The main module most pages read: the widget without the message section.
pub const MAIN_MODULE: &str = "breach-check.wasm";

/// The main module with the message section, which the loader reads instead of
/// [`MAIN_MODULE`] for a page whose widgets show that section (and only then): a page reads
/// one of the two. `flows/message.rs` checks which.
pub const MAIN_MODULE_WITH_MESSAGE: &str = "breach-check-with-message.wasm";

/// Whether `file` is one of the two main modules.
pub fn is_main_module(file: &str) -> bool {
    file == MAIN_MODULE || file == MAIN_MODULE_WITH_MESSAGE
}

/// The password dictionary, also read on first use (a password section scrolled into view or
/// focused). Unlike [`ON_FIRST_USE`] it counts in the first-use flows' request checks
/// (`flows/first_paint.rs`), so it is not required here only: a page whose visitor never
/// reached a password section never asks for it.
pub const DICTIONARY: &str = "breach-check.dict";

/// The release bundle served at `/`, so the demo and `hosts/*.html` work as in `make serve`.
pub fn dist_site() -> Site {
    Site::new().mount("/", dist())
}

/// Where [`host_page`] pages are served and the bundle with them.
pub const HOST_PAGE: &str = "/x.html";
/// The URL prefix of the bundle next to [`HOST_PAGE`].
pub const BUNDLE_PREFIX: &str = "/bc/";

/// A host page: `head` goes before the loader's script tag (a recorder installed by the
/// page before the widget exists, say), `body` is the page's content.
pub fn host_page(head: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">\
         <title>host</title>{head}<script src=\"{BUNDLE_PREFIX}breach-check.js\" defer></script></head>\
         <body><main><h1>Host</h1>{body}</main></body></html>"
    )
}

/// [`host_page`] at [`HOST_PAGE`] with the bundle under [`BUNDLE_PREFIX`].
pub fn host_site(head: &str, body: &str) -> Site {
    Site::new()
        .mount(BUNDLE_PREFIX, dist())
        .page(HOST_PAGE, host_page(head, body), &[])
}

/// Which origin a session's pages are served from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// `http://assureur.test:<port>`: a host name only the browser's proxy resolves, so every
    /// request is witnessed by the proxy. Not a secure context.
    MadeUp,
    /// `http://127.0.0.1:<port>`: a secure context (`crypto.subtle`), still reached through
    /// the proxy (no browser is allowed to bypass it for loopback).
    Local,
}

/// A site served to one browser, the page open in it, and the privacy assertions.
pub struct Session<'b> {
    /// The browser showing the page.
    pub browser: &'b Browser,
    /// The site's server (its log is a witness).
    pub server: Server,
    /// The page.
    pub tab: Tab,
    origin: Origin,
    /// How many foreign requests the browser's proxy had logged when this page opened.
    foreign_before: usize,
}

impl<'b> Session<'b> {
    /// Serves `site` under the made-up host and opens `path` in `browser`.
    pub async fn open(browser: &'b Browser, site: Site, path: &str) -> Session<'b> {
        Session::open_on(browser, Origin::MadeUp, site, path).await
    }

    /// Serves `site` on `http://127.0.0.1:<port>` (a secure context) and opens `path`.
    pub async fn open_local(browser: &'b Browser, site: Site, path: &str) -> Session<'b> {
        Session::open_on(browser, Origin::Local, site, path).await
    }

    /// Serves [`host_page`]`(head, body)` under the made-up host and opens it.
    pub async fn open_host_page(browser: &'b Browser, head: &str, body: &str) -> Session<'b> {
        Session::open(browser, host_site(head, body), HOST_PAGE).await
    }

    /// Serves `site` from `origin` and opens `path`.
    pub async fn open_on(
        browser: &'b Browser,
        origin: Origin,
        site: Site,
        path: &str,
    ) -> Session<'b> {
        let server = Server::start(site).await;
        browser.proxy().register(&server);
        let foreign_before = browser.proxy().foreign_requests().len();
        let url = url_on(&server, origin, path);
        let tab = browser.open(&url).await;
        Session {
            browser,
            server,
            tab,
            origin,
            foreign_before,
        }
    }

    /// Serves `site` on a fresh server (same kind of origin) and opens `path` in the same
    /// browser: each page has its own logs for the assertions below.
    pub async fn visit(&mut self, site: Site, path: &str) {
        *self = Session::open_on(self.browser, self.origin, site, path).await;
    }

    /// Like [`Session::visit`], from `origin`.
    pub async fn visit_on(&mut self, origin: Origin, site: Site, path: &str) {
        *self = Session::open_on(self.browser, origin, site, path).await;
    }

    /// The absolute URL of `path` on this session's origin.
    pub fn url(&self, path: &str) -> String {
        url_on(&self.server, self.origin, path)
    }

    /// Every URL the page has requested from its site so far, through the proxy or not.
    pub fn requests(&self) -> Vec<String> {
        self.server.requests().into_iter().map(|r| r.url).collect()
    }

    /// What the browser asked its proxy for, to any host but this site's, since the page
    /// opened: should be nothing.
    pub fn foreign_requests(&self) -> Vec<Request> {
        self.browser.proxy().foreign_requests()[self.foreign_before..].to_vec()
    }

    /// Asserts that every request the page made is either the page itself or a file of the
    /// bundle under `bundle_prefix`, and that every bundle file was loaded.
    pub fn assert_only_bundle_requests(&self, page_path: &str, bundle_prefix: &str) {
        self.assert_only_bundle_and_host_requests(page_path, bundle_prefix, &[]);
    }

    /// Like [`Session::assert_only_bundle_requests`], also allowing the host page's own
    /// files (its favicon, say), which are no business of the widget.
    pub fn assert_only_bundle_and_host_requests(
        &self,
        page_path: &str,
        bundle_prefix: &str,
        host_files: &[&str],
    ) {
        let requests = self.assert_requests_within(page_path, bundle_prefix, host_files);
        let asked = |file: &str| {
            let path = format!("{bundle_prefix}{file}");
            requests.iter().any(|r| r.path == path)
        };
        for file in bundle_files().into_iter().filter(|f| {
            !ON_FIRST_USE.contains(&f.as_str()) && f != DICTIONARY && !is_main_module(f)
        }) {
            assert!(
                asked(&file),
                "{}: {bundle_prefix}{file} was never loaded, so the request log proves nothing: {:?}",
                self.tab.engine,
                self.requests()
            );
        }
        assert!(
            asked(MAIN_MODULE) || asked(MAIN_MODULE_WITH_MESSAGE),
            "{}: neither main module was loaded, so the request log proves nothing: {:?}",
            self.tab.engine,
            self.requests()
        );
    }

    /// Asserts that every request was the page, a bundle file under `bundle_prefix`, or one
    /// of `host_files`, without requiring every bundle file (a failed load stops early).
    /// Returns the site's log.
    ///
    /// The witnesses: the browser's proxy (every request of the page, to any host, reached
    /// it: nothing foreign) and the site's server (what it was asked for).
    pub fn assert_requests_within(
        &self,
        page_path: &str,
        bundle_prefix: &str,
        host_files: &[&str],
    ) -> Vec<Request> {
        let engine = self.tab.engine;
        let foreign = self.foreign_requests();
        assert!(
            foreign.is_empty(),
            "{engine}: the browser asked for hosts other than the page's: {foreign:#?}"
        );
        let allowed: Vec<String> = [page_path.to_owned(), RECORDER_PATH.to_owned()]
            .into_iter()
            .chain(
                bundle_files()
                    .into_iter()
                    .map(|file| format!("{bundle_prefix}{file}")),
            )
            .chain(host_files.iter().map(|path| (*path).to_owned()))
            .collect();
        let requests = self.server.requests();
        assert!(
            requests.iter().any(|r| r.path == page_path),
            "{engine}: the page itself is not in the request log: {requests:#?}"
        );
        for request in &requests {
            assert!(
                allowed.contains(&request.path),
                "{engine}: the page requested {}, which is neither the page nor the bundle \
                 {allowed:?}; all: {:?}",
                request.url,
                self.requests()
            );
            assert!(
                request.via_proxy,
                "{engine}: {} went around the proxy, so the witness could miss requests",
                request.url
            );
        }
        requests
    }

    /// Asserts that the page stored nothing: no cookie, Web Storage or IndexedDB entry.
    pub async fn assert_nothing_stored(&self) {
        let storage = self.tab.storage().await;
        assert!(
            storage.is_empty(),
            "{}: the page stored something: {storage:?}",
            self.tab.engine
        );
    }

    /// Asserts that the page reported no Content-Security-Policy violation.
    pub async fn assert_no_csp_violation(&self) {
        let violations = self.tab.csp_violations().await;
        assert!(
            violations.is_empty(),
            "{}: CSP violations: {violations:?}",
            self.tab.engine
        );
    }

    /// The privacy assertions most flows end with, for a [`host_page`] session: only the
    /// bundle requested, nothing stored.
    pub async fn assert_private(&self) {
        self.assert_only_bundle_requests(HOST_PAGE, BUNDLE_PREFIX);
        self.assert_nothing_stored().await;
    }
}

fn url_on(server: &Server, origin: Origin, path: &str) -> String {
    match origin {
        Origin::MadeUp => server.made_up_url(path),
        Origin::Local => server.local_url(path),
    }
}

/// Waits until the `verdict` hook of `host` says `verdict`.
pub async fn expect_verdict(tab: &Tab, host: &str, verdict: &str) {
    tab.wait_for(&format!(
        "{}?.dataset.verdict === {verdict:?}",
        Tab::hook(host, "verdict")
    ))
    .await;
}

/// Picks the Viamedis operator and a 2020-01-01 contract start (no end: still running)
/// through the contract's hooks, as a script on the page would, and waits for the verdict.
///
/// Returns the `verdict` hook's `data-verdict` (`exposed` for these inputs).
pub async fn compute_verdict(tab: &Tab, host: &str) -> String {
    let verdict = Tab::hook(host, "verdict");
    // WebKit under WebKitWebDriver now and then drops the scripted events of a widget that
    // has just mounted (seen twice in 170 runs of this step, never in Chromium or Firefox,
    // never for a person typing, whose next keystroke is another event): the values are set
    // again, at most twice, when the widget has rendered all it was told and shows nothing.
    for _ in 0..3 {
        tab.set_value(host, "operator", "viamedis").await;
        tab.set_value(host, "contract-start", "2020-01-01").await;
        tab.settle().await;
        let shown: bool = tab.eval(&format!("!!{verdict}?.dataset.verdict")).await;
        if shown {
            break;
        }
    }
    let (operator, start, end): (String, String, String) = tab
        .eval(&format!(
            "[{}.value, {}.value, {}.value]",
            Tab::hook(host, "operator"),
            Tab::hook(host, "contract-start"),
            Tab::hook(host, "contract-end")
        ))
        .await;
    assert_eq!(
        (operator.as_str(), start.as_str()),
        ("viamedis", "2020-01-01"),
        "the operator and start date did not take the values set"
    );
    assert_eq!(end, "", "contract-end must be left empty (still running)");
    tab.wait_for(&format!("{verdict}?.dataset.verdict")).await;
    tab.eval(&format!("{verdict}.getAttribute('data-verdict')"))
        .await
}

/// The loader's fallback messages, word for word: a change here is a change people read.
pub const FALLBACK_FR: &str = "Ce module de vérification n’a pas pu se charger sur cette page.";
pub const FALLBACK_EN: &str = "This check could not load on this page.";

/// Asserts that `host` shows the fallback: an on-screen `role="alert"` message in `lang`,
/// linking to `link` (or to nothing), and none of the widget's hooks.
pub async fn assert_fallback(tab: &Tab, host: &str, lang: &str, link: Option<&str>) {
    let root = format!("document.querySelector({host:?}).shadowRoot");
    tab.wait_for(&format!("{root}?.querySelector('[role=alert]')"))
        .await;
    let (text, its_lang, width, height, visible): (String, String, f64, f64, bool) = tab
        .eval(&format!(
            "(() => {{ const m = {root}.querySelector('[role=alert]'); const r = m.getBoundingClientRect(); \
             return [m.textContent, m.lang, r.width, r.height, \
             m.checkVisibility({{ opacityProperty: true, visibilityProperty: true }})] }})()"
        ))
        .await;
    let expected = if lang == "en" {
        FALLBACK_EN
    } else {
        FALLBACK_FR
    };
    assert!(
        text.starts_with(expected),
        "{host}: the fallback says {text:?}"
    );
    assert_eq!(its_lang, lang, "{host}: the fallback's language");
    assert!(
        width > 0.0 && height > 0.0 && visible,
        "{host}: the fallback is not on screen ({width}x{height}, visible: {visible})"
    );
    // CDP hands back no value for a JS null: an empty string stands for "no link".
    let href: String = tab
        .eval(&format!(
            "{root}.querySelector('[role=alert] a')?.getAttribute('href') ?? ''"
        ))
        .await;
    let href = Some(href).filter(|h| !h.is_empty());
    assert_eq!(href.as_deref(), link, "{host}: the fallback's link");
    let hooks: u32 = tab
        .eval(&format!(
            "{root}.querySelectorAll('[data-testid]:not([data-testid=fallback])').length"
        ))
        .await;
    assert_eq!(
        hooks, 0,
        "{host}: a half-mounted widget next to the fallback"
    );
}

/// A copy of `dist/` in a fresh temporary folder, without `missing`; removed when dropped.
pub struct DistCopy(pub PathBuf);

impl DistCopy {
    /// Copies every file of `dist/` but `missing`, then lets `edit` change the copy.
    pub fn without(missing: &[&str], edit: impl FnOnce(&std::path::Path)) -> DistCopy {
        static COPIES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "breach-check-dist-{}-{}",
            std::process::id(),
            COPIES.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).expect("temporary dist folder");
        for entry in std::fs::read_dir(dist()).expect("dist/") {
            let entry = entry.expect("dist entry");
            let name = entry.file_name();
            if entry.path().is_file() && !missing.iter().any(|m| name == *m) {
                std::fs::copy(entry.path(), dir.join(&name)).expect("copy a dist file");
            }
        }
        edit(&dir);
        DistCopy(dir)
    }
}

impl Drop for DistCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The bundle files whose absence or tampering must give a page without the message section
/// the fallback message: the main wasm, and any script the loader would read (none: the glue
/// is part of it). Not the loader (without it nothing runs), the dictionary (the meter then
/// says it is unavailable) nor the main module with the message section, which such a page
/// never reads (`flows/message.rs` breaks that one for a page that does).
pub fn failing_files() -> Vec<String> {
    bundle_files()
        .into_iter()
        .filter(|f| f.ends_with(".wasm") || (f.ends_with(".js") && f != "breach-check.js"))
        .filter(|f| !ON_FIRST_USE.contains(&f.as_str()) && f != MAIN_MODULE_WITH_MESSAGE)
        .collect()
}

/// The `data-testid` hooks the contract promises before any input is given, shared with
/// the wasm-bindgen tests (`tests/web.rs`).
pub fn initial_hooks() -> Vec<&'static str> {
    include_str!("../hooks.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}
