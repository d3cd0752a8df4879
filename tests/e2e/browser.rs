//! Headless Chromium (Debian's) driven over the DevTools protocol with chromiumoxide.
//!
//! Unlike a WebDriver client, CDP streams the page's network events, so a [`Tab`] records
//! every request the page makes from before its first byte. Chromium's own background
//! traffic (updates, sync, autofill…) is not the page's and is also cut off at the resolver:
//! every host name but 127.0.0.1 resolves to nothing.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chromiumoxide::cdp::browser_protocol::emulation::{
    MediaFeature, SetDeviceMetricsOverrideParams, SetEmulatedMediaParams,
};
use chromiumoxide::cdp::browser_protocol::input::InsertTextParams;
use chromiumoxide::cdp::browser_protocol::memory::{GetDomCountersParams, GetDomCountersReturns};
use chromiumoxide::cdp::browser_protocol::network::{
    EventRequestWillBeSent, EventWebSocketCreated,
};
use chromiumoxide::cdp::js_protocol::heap_profiler::CollectGarbageParams;
use chromiumoxide::{Browser as CdpBrowser, BrowserConfig, Page};
use futures::StreamExt;
use serde::de::DeserializeOwned;
use tokio::task::JoinHandle;

/// How long a condition may take to come true before a test fails.
pub const PATIENCE: Duration = Duration::from_secs(30);

static PROFILES: AtomicUsize = AtomicUsize::new(0);

/// The Chromium binary: `$CHROMIUM` or Debian's.
fn chromium_path() -> PathBuf {
    std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// One headless Chromium with a fresh, throw-away profile.
pub struct Browser {
    browser: CdpBrowser,
    handler: JoinHandle<()>,
    profile: PathBuf,
}

impl Browser {
    /// Launches Chromium; panics with a hint when it is not installed.
    pub async fn launch() -> Browser {
        Browser::launch_with(&[]).await
    }

    /// Launches Chromium with extra command-line flags.
    pub async fn launch_with(extra: &[&str]) -> Browser {
        let path = chromium_path();
        assert!(
            path.exists(),
            "{} not found: run `make test` (it installs Debian's chromium) or set CHROMIUM",
            path.display()
        );
        let profile = std::env::temp_dir().join(format!(
            "breach-check-e2e-{}-{}",
            std::process::id(),
            PROFILES.fetch_add(1, Ordering::SeqCst)
        ));
        let mut flags = vec![
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pings",
            "--disable-quic",
            "--disable-features=Translate,AutofillServerCommunication,OptimizationHints,MediaRouter",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        ];
        flags.extend_from_slice(extra);
        let mut builder = BrowserConfig::builder();
        // chromiumoxide adds the dashes itself and merges a repeated key's values (so
        // `disable-features` joins its default list): hand it bare keys and values.
        for flag in &flags {
            let flag = flag.trim_start_matches('-');
            builder = match flag.split_once('=') {
                Some((key, value)) => builder.arg((key, value)),
                None => builder.arg(flag),
            };
        }
        let config = builder
            .chrome_executable(path)
            .new_headless_mode()
            .no_sandbox()
            .user_data_dir(&profile)
            .window_size(1280, 900)
            .viewport(None)
            .launch_timeout(Duration::from_secs(60))
            .request_timeout(Duration::from_secs(60))
            .build()
            .expect("browser config");
        let (browser, mut events) = CdpBrowser::launch(config).await.expect("launch chromium");
        let handler = tokio::spawn(async move { while events.next().await.is_some() {} });
        Browser {
            browser,
            handler,
            profile,
        }
    }

    /// Opens `url` in a new tab that records the page's requests from the start.
    pub async fn open(&self, url: &str) -> Tab {
        let page = self.browser.new_page("about:blank").await.expect("new tab");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let mut sent = page
            .event_listener::<EventRequestWillBeSent>()
            .await
            .expect("listen to requests");
        let mut sockets = page
            .event_listener::<EventWebSocketCreated>()
            .await
            .expect("listen to web sockets");
        let recorder = {
            let requests = Arc::clone(&requests);
            tokio::spawn(async move {
                loop {
                    tokio::select! {
                        Some(event) = sent.next() => {
                            requests.lock().expect("request log").push(event.request.url.clone());
                        }
                        Some(event) = sockets.next() => {
                            requests.lock().expect("request log").push(event.url.clone());
                        }
                        else => break,
                    }
                }
            })
        };
        // Record Content-Security-Policy violations the page reports and its longest task,
        // from its first script.
        page.evaluate_on_new_document(
            "window.__bcViolations = []; document.addEventListener('securitypolicyviolation', e => \
             window.__bcViolations.push(e.violatedDirective + ' ' + e.blockedURI)); \
             window.__bcLongestTask = 0; try { new PerformanceObserver(list => { for (const t of \
             list.getEntries()) window.__bcLongestTask = Math.max(window.__bcLongestTask, t.duration) }) \
             .observe({entryTypes: ['longtask']}) } catch (e) {}",
        )
        .await
        .expect("install violation recorder");
        page.goto(url).await.expect("navigate");
        Tab {
            page,
            requests,
            recorder,
        }
    }

    /// Closes the browser and removes its profile.
    pub async fn close(mut self) {
        let _ = self.browser.close().await;
        let _ = self.browser.wait().await;
        self.handler.abort();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// A page under test.
pub struct Tab {
    pub page: Page,
    requests: Arc<Mutex<Vec<String>>>,
    recorder: JoinHandle<()>,
}

impl Drop for Tab {
    fn drop(&mut self) {
        self.recorder.abort();
    }
}

impl Tab {
    /// Evaluates a JS expression (promises are awaited) and decodes its JSON value.
    pub async fn eval<T: DeserializeOwned>(&self, expression: &str) -> T {
        let result = self
            .page
            .evaluate_expression(expression)
            .await
            .unwrap_or_else(|e| panic!("evaluating `{expression}` failed: {e}"));
        result
            .into_value()
            .unwrap_or_else(|e| panic!("`{expression}` returned an unexpected value: {e}"))
    }

    /// Polls a JS boolean expression until it is true; panics after [`PATIENCE`].
    pub async fn wait_for(&self, condition: &str) {
        let start = Instant::now();
        loop {
            let ok = self
                .page
                .evaluate_expression(format!("!!({condition})"))
                .await
                .ok()
                .and_then(|r| r.into_value::<bool>().ok())
                .unwrap_or(false);
            if ok {
                return;
            }
            if start.elapsed() > PATIENCE {
                let fallback: String = self
                    .eval(
                        "[...document.querySelectorAll('breach-check')].map(e => e.shadowRoot ? \
                         e.shadowRoot.textContent.slice(0, 200) : '(no shadow root)').join(' | ')",
                    )
                    .await;
                panic!("timed out waiting for `{condition}`; widgets show: {fallback}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the widget selected by `host` has mounted (its contract hooks are in its
    /// shadow root).
    pub async fn wait_for_widget(&self, host: &str) {
        self.wait_for(&format!(
            "document.querySelector({host:?})?.shadowRoot?.querySelector('[data-testid]')"
        ))
        .await;
    }

    /// Waits until the widget has mounted and its password dictionaries have arrived (or
    /// failed): from then on the page has no reason to make any request.
    pub async fn wait_until_settled(&self, host: &str) {
        self.wait_for_widget(host).await;
        self.wait_for(&format!(
            "['ready', 'unavailable'].includes(document.querySelector({host:?}).shadowRoot\
             .querySelector('.bc')?.dataset.dictionaries)"
        ))
        .await;
    }

    /// A JS expression for the element with `data-testid=testid` in `host`'s shadow root.
    pub fn hook(host: &str, testid: &str) -> String {
        format!(
            "document.querySelector({host:?}).shadowRoot.querySelector('[data-testid=\"{testid}\"]')"
        )
    }

    /// Focuses the hook `testid` inside `host` and types `text` as keyboard input (trusted
    /// `input` events, as a person typing would make).
    pub async fn type_into(&self, host: &str, testid: &str, text: &str) {
        let _: bool = self
            .eval(&format!("({}).focus(), true", Tab::hook(host, testid)))
            .await;
        for chunk in text.chars().collect::<Vec<_>>().chunks(1) {
            let chunk: String = chunk.iter().collect();
            self.page
                .execute(InsertTextParams::new(chunk))
                .await
                .expect("insert text");
        }
    }

    /// Every URL the page has requested so far (navigation, subresources, fetches, sockets).
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().expect("request log").clone()
    }

    /// CSP violations the page reported.
    pub async fn csp_violations(&self) -> Vec<String> {
        self.eval("window.__bcViolations || []").await
    }

    /// What the page has stored: cookies, Web Storage entries and IndexedDB databases.
    pub async fn storage(&self) -> Storage {
        self.eval(
            "(async () => ({ cookies: document.cookie, local: localStorage.length, \
             session: sessionStorage.length, \
             indexed: (await indexedDB.databases()).map(d => d.name) }))()",
        )
        .await
    }

    /// Runs axe-core (WCAG 2.0/2.1 A and AA rules) over the page, open shadow roots
    /// included, and returns its violations as `rule: help (targets)` lines.
    pub async fn axe_violations(&self) -> Vec<String> {
        let path = std::env::var("AXE_CORE_JS").unwrap_or_else(|_| {
            let home = std::env::var("HOME").unwrap_or_default();
            format!(
                "{home}/.cache/breach-check/tools/axe-core-4.14.1/node_modules/axe-core/axe.min.js"
            )
        });
        let source = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("axe-core not found at {path} ({e}): run `make test`"));
        // Evaluated through the DevTools protocol, which page CSPs do not govern.
        self.page
            .evaluate_expression(source)
            .await
            .expect("inject axe-core");
        self.eval(
            "(async () => { const r = await axe.run(document, { runOnly: { type: 'tag', \
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }); \
             return r.violations.map(v => v.id + ': ' + v.help + ' (' + \
             v.nodes.map(n => JSON.stringify(n.target)).join(', ') + ')'); })()",
        )
        .await
    }

    /// Emulates a CSS media type (`"print"`, `"screen"`, or `""` for none) and media features
    /// such as `("prefers-color-scheme", "dark")`, as DevTools' rendering panel does.
    pub async fn emulate_media(&self, media: &str, features: &[(&str, &str)]) {
        let params = SetEmulatedMediaParams::builder()
            .media(media)
            .features(
                features
                    .iter()
                    .map(|(name, value)| MediaFeature::new(*name, *value)),
            )
            .build();
        self.page.execute(params).await.expect("emulate media");
    }

    /// Emulates a device viewport `width` × `height` CSS pixels (scale factor 1).
    pub async fn emulate_viewport(&self, width: i64, height: i64, mobile: bool) {
        let params = SetDeviceMetricsOverrideParams::new(width, height, 1.0, mobile);
        self.page.execute(params).await.expect("emulate viewport");
    }

    /// Forces a full garbage collection, then returns the renderer's live DOM counters
    /// (documents, nodes, JS event listeners).
    pub async fn dom_counters_after_gc(&self) -> GetDomCountersReturns {
        self.page
            .execute(CollectGarbageParams::default())
            .await
            .expect("collect garbage");
        self.page
            .execute(GetDomCountersParams::default())
            .await
            .expect("DOM counters")
            .result
    }

    /// Saves a PNG screenshot under `target/screenshots/` and returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        let path = dir.join(format!("{name}.png"));
        let params = chromiumoxide::page::ScreenshotParams::builder()
            .full_page(true)
            .build();
        self.page
            .save_screenshot(params, &path)
            .await
            .expect("screenshot");
        path
    }
}

/// What a page has written to the browser's storage.
#[derive(Debug, serde::Deserialize, PartialEq)]
pub struct Storage {
    pub cookies: String,
    pub local: u32,
    pub session: u32,
    pub indexed: Vec<String>,
}

impl Storage {
    /// True when nothing at all was stored.
    pub fn is_empty(&self) -> bool {
        self.cookies.is_empty() && self.local == 0 && self.session == 0 && self.indexed.is_empty()
    }
}
