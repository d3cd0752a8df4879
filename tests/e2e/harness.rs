//! Shared set-up: where the release bundle is, the standard site, and the privacy
//! assertions every flow must pass.

use std::path::PathBuf;

use crate::browser::{Browser, Tab};
use crate::server::{Server, Site};

/// The files of the bundle a host downloads (besides its own page); the wasm-bindgen glue is
/// part of the loader, `breach-check.js`.
pub const BUNDLE_FILES: [&str; 3] = ["breach-check.js", "breach-check.wasm", "breach-check.dict"];

/// The release bundle; fails with a hint when it has not been built.
pub fn dist() -> PathBuf {
    let dist = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("breach-check.js").exists() && dist.join("breach-check.wasm").exists(),
        "{} has no release bundle: run `make build` (make test does it first)",
        dist.display()
    );
    dist
}

/// The release bundle served at `/`, so the demo and `hosts/*.html` work as in `make serve`.
pub fn dist_site() -> Site {
    Site::new().mount("/", dist())
}

/// A server, a browser and a tab on `path`, ready for assertions.
pub struct Session {
    pub server: Server,
    pub browser: Browser,
    pub tab: Tab,
}

impl Session {
    /// Serves `site`, launches Chromium and opens `path` in it.
    pub async fn open(site: Site, path: &str) -> Session {
        let server = Server::start(site).await;
        let browser = Browser::launch().await;
        let tab = browser.open(&server.url(path)).await;
        Session {
            server,
            browser,
            tab,
        }
    }

    /// Serves `site` on a fresh server and opens `path` in a new tab of the same browser,
    /// closing the previous tab: several pages share one browser launch, and each still has
    /// its own request log and its own server log for the assertions below.
    pub async fn visit(&mut self, site: Site, path: &str) {
        self.server = Server::start(site).await;
        let tab = self.browser.open(&self.server.url(path)).await;
        let previous = std::mem::replace(&mut self.tab, tab);
        let _ = previous.page.clone().close().await;
    }

    /// Asserts that every request the page made is either the page itself or a file of the
    /// bundle under `bundle_prefix`, on this server.
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
        let page = self.server.url(page_path);
        let allowed: Vec<String> = BUNDLE_FILES
            .iter()
            .map(|file| self.server.url(&format!("{bundle_prefix}{file}")))
            .chain(host_files.iter().map(|path| self.server.url(path)))
            .collect();
        // `data:` URLs (Chromium's own date-picker icon, say) never leave the page.
        let requests: Vec<String> = self
            .tab
            .requests()
            .into_iter()
            .filter(|url| !url.starts_with("data:"))
            .collect();
        assert!(!requests.is_empty(), "no request was recorded at all");
        for url in &requests {
            assert!(
                *url == page || allowed.contains(url),
                "the page requested {url}, which is neither the page nor the bundle {allowed:?}; all: {requests:?}"
            );
        }
        for file in BUNDLE_FILES {
            let url = self.server.url(&format!("{bundle_prefix}{file}"));
            assert!(
                requests.contains(&url),
                "{url} was never loaded: {requests:?}"
            );
        }
        // The server is a second witness: it was asked for nothing else either.
        for path in self.server.requested_paths() {
            let url = self.server.url(&path);
            assert!(
                url == page || allowed.contains(&url),
                "the server was asked for {path}, outside the page and the bundle"
            );
        }
    }

    /// Asserts that the page stored nothing: no cookie, Web Storage or IndexedDB entry.
    pub async fn assert_nothing_stored(&self) {
        let storage = self.tab.storage().await;
        assert!(storage.is_empty(), "the page stored something: {storage:?}");
    }

    /// Asserts that the page reported no Content-Security-Policy violation.
    pub async fn assert_no_csp_violation(&self) {
        let violations = self.tab.csp_violations().await;
        assert!(violations.is_empty(), "CSP violations: {violations:?}");
    }

    /// Closes the browser.
    pub async fn close(self) {
        self.browser.close().await;
    }
}

/// Where [`open_host_page`] serves its page and the bundle.
pub const HOST_PAGE: &str = "/x.html";
/// The URL prefix of the bundle on [`open_host_page`]'s server.
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

/// Serves [`host_page`] at [`HOST_PAGE`] with the bundle under [`BUNDLE_PREFIX`] and opens it.
pub async fn open_host_page(head: &str, body: &str) -> Session {
    let site = Site::new()
        .mount(BUNDLE_PREFIX, dist())
        .page(HOST_PAGE, host_page(head, body), &[]);
    Session::open(site, HOST_PAGE).await
}

/// Waits until the `verdict` hook of `host` says `verdict`.
pub async fn expect_verdict(tab: &Tab, host: &str, verdict: &str) {
    tab.wait_for(&format!(
        "{}?.dataset.verdict === {verdict:?}",
        Tab::hook(host, "verdict")
    ))
    .await;
}

/// `attribute` of every element with `data-testid=testid` in `host`'s shadow root.
pub async fn all_hooks(tab: &Tab, host: &str, testid: &str, attribute: &str) -> Vec<String> {
    tab.eval(&format!(
        "[...document.querySelector({host:?}).shadowRoot.querySelectorAll('[data-testid=\"{testid}\"]')]\
         .map(e => e.getAttribute({attribute:?}))"
    ))
    .await
}
