//! One browser of an [`Engine`], driven through WebDriver with `fantoccini`, and the page it
//! shows ([`Tab`]).
//!
//! Every browser gets its own logging [`Proxy`] (the privacy witness) through the standard
//! `proxy` capability. The DevTools protocol is used in Chromium only, and only for what
//! WebDriver cannot do (media emulation, garbage collection and DOM counters), through
//! chromedriver's own `goog/cdp/execute` endpoint on the same session.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::elements::{Element, ElementRef};
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use tokio::io::AsyncBufReadExt;
use tokio::process::{Child, Command};

use crate::engine::{Engine, Feature};
use crate::server::Proxy;

/// How long a condition may take to come true before a flow fails.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// A browser under test, its driver, its proxy and (for WebKitGTK) its X display.
pub struct Browser {
    /// Which engine this is.
    pub engine: Engine,
    /// The version the browser reports (`browserVersion`).
    pub version: String,
    client: Client,
    proxy: Proxy,
    driver: Child,
    display: Option<Child>,
}

impl Browser {
    /// Starts `engine`'s driver and a browser session; panics with a hint when a piece is
    /// missing.
    pub async fn launch(engine: Engine) -> Browser {
        let driver_path = engine.driver_binary();
        for path in [&driver_path, &engine.browser_binary()] {
            assert!(
                path.exists(),
                "{engine}: {} not found: run `make test` (tools/setup.sh test installs it)",
                path.display()
            );
        }
        let display = if engine.needs_display() {
            Some(start_display().await)
        } else {
            None
        };
        let mut last_error = String::new();
        // A port picked free can be taken before the driver binds it: try a few.
        for _ in 0..3 {
            let port = free_port();
            let mut command = Command::new(&driver_path);
            command
                .args(engine.driver_args(port))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .kill_on_drop(true)
                // Its own process group, so that closing can end the browser it started too.
                .process_group(0);
            if let Some((_, name)) = &display {
                command.env("DISPLAY", name);
            }
            let mut driver = command
                .spawn()
                .unwrap_or_else(|e| panic!("{engine}: start {}: {e}", driver_path.display()));
            if !wait_for_port(port, Duration::from_secs(20)).await {
                let _ = driver.kill().await;
                last_error = format!("the driver did not listen on {port}");
                continue;
            }
            let proxy = Proxy::start(engine.background_hosts()).await;
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            let connected = ClientBuilder::new(connector)
                .capabilities(engine.capabilities(&proxy.address()))
                .connect(&format!("http://127.0.0.1:{port}"))
                .await;
            match connected {
                Ok(client) => {
                    let version = client
                        .capabilities()
                        .and_then(|caps| caps.get("browserVersion"))
                        .and_then(Value::as_str)
                        .unwrap_or("?")
                        .to_owned();
                    let browser = Browser {
                        engine,
                        version,
                        client,
                        proxy,
                        driver,
                        display: display.map(|(child, _)| child),
                    };
                    if engine != Engine::Chromium {
                        // Chromium takes its size from the command line.
                        let _ = browser.client.set_window_size(1280, 900).await;
                    }
                    return browser;
                }
                Err(e) => {
                    last_error = e.to_string();
                    let _ = driver.kill().await;
                }
            }
        }
        panic!("{engine}: no WebDriver session: {last_error}");
    }

    /// Opens `url` in the browser's window, waiting for its `load` event.
    pub async fn open(&self, url: &str) -> Tab {
        // Leave the previous page first, so that none of its requests is still under way.
        let _ = self.client.goto("about:blank").await;
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("{}: open {url}: {e}", self.engine));
        self.tab()
    }

    /// The page the browser shows now.
    pub fn tab(&self) -> Tab {
        Tab {
            engine: self.engine,
            client: self.client.clone(),
        }
    }

    /// The browser's proxy (the witness of every request it made).
    pub fn proxy(&self) -> &Proxy {
        &self.proxy
    }

    /// True when the session still answers (a crashed browser gets replaced).
    pub async fn is_alive(&self) -> bool {
        tokio::time::timeout(Duration::from_secs(10), self.client.title())
            .await
            .is_ok_and(|r| r.is_ok())
    }

    /// Ends the session, the browser, its driver and its display.
    pub async fn close(mut self) {
        let _ = tokio::time::timeout(Duration::from_secs(20), self.client.clone().close()).await;
        if let Some(pid) = self.driver.id() {
            // The driver's group: the driver and any browser process it left behind.
            let _ = std::process::Command::new("kill")
                .args(["-TERM", "--", &format!("-{pid}")])
                .status();
        }
        let _ = tokio::time::timeout(Duration::from_secs(5), self.driver.wait()).await;
        let _ = self.driver.kill().await;
        if let Some(mut display) = self.display.take() {
            let _ = display.kill().await;
        }
    }
}

/// Starts Xvfb on a display number it picks itself and returns it with its name (`:N`).
async fn start_display() -> (Child, String) {
    let mut child = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x1024x24",
            "-nolisten",
            "tcp",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("start Xvfb (Debian package xvfb: run `make test`)");
    let stdout = child.stdout.take().expect("Xvfb's stdout");
    let mut lines = tokio::io::BufReader::new(stdout).lines();
    let number = tokio::time::timeout(Duration::from_secs(20), lines.next_line())
        .await
        .expect("Xvfb says its display number")
        .expect("read Xvfb's display number")
        .expect("Xvfb's display number");
    (child, format!(":{}", number.trim()))
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

async fn wait_for_port(port: u16, patience: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < patience {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    false
}

/// A DevTools protocol command sent through chromedriver (`goog/cdp/execute`).
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// The page a browser shows, and what a flow does with it.
#[derive(Clone)]
pub struct Tab {
    /// The engine showing the page.
    pub engine: Engine,
    client: Client,
}

impl Tab {
    /// The WebDriver client, for what the helpers below do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Evaluates a JS expression (a promise is awaited) and decodes its JSON value.
    pub async fn eval<T: DeserializeOwned>(&self, expression: &str) -> T {
        self.call(&format!("return ({expression});"), Vec::new())
            .await
    }

    /// Like [`Tab::eval`], but `None` when the script fails or times out (a page busy for
    /// longer than the driver's script timeout, say) instead of failing the flow.
    pub async fn try_eval<T: DeserializeOwned>(&self, expression: &str) -> Option<T> {
        let value = self
            .client
            .execute(&format!("return ({expression});"), Vec::new())
            .await
            .ok()?;
        serde_json::from_value(value).ok()
    }

    /// Runs a JS function body (a `js/*.js` snippet, say) with `arguments` set to `args`,
    /// awaits the promise it may return, and decodes its JSON value.
    pub async fn call<T: DeserializeOwned>(&self, body: &str, args: Vec<Value>) -> T {
        let value = self
            .client
            .execute(body, args)
            .await
            .unwrap_or_else(|e| panic!("{}: script failed: {e}\n{body}", self.engine));
        serde_json::from_value(value.clone()).unwrap_or_else(|e| {
            panic!(
                "{}: script returned an unexpected value {value}: {e}\n{body}",
                self.engine
            )
        })
    }

    /// Runs a JS function body with `root` bound to the shadow root of the element `host`
    /// selects, and decodes its JSON value: `tab.in_shadow("#w", "return root.mode;")`.
    pub async fn in_shadow<T: DeserializeOwned>(&self, host: &str, body: &str) -> T {
        self.call(
            &format!("const root = document.querySelector(arguments[0]).shadowRoot;\n{body}"),
            vec![json!(host)],
        )
        .await
    }

    /// Polls a JS boolean expression until it is true; panics after [`PATIENCE`].
    pub async fn wait_for(&self, condition: &str) {
        let start = Instant::now();
        let body = format!("try {{ return !!({condition}); }} catch (e) {{ return false; }}");
        loop {
            let ok = self
                .client
                .execute(&body, Vec::new())
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            if ok {
                return;
            }
            if start.elapsed() > PATIENCE {
                let shown: String = self.call(crate::js::WIDGETS_TEXT, Vec::new()).await;
                panic!(
                    "{}: timed out waiting for `{condition}`; widgets show: {shown}",
                    self.engine
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Calls a JS function body with `args` until `done` accepts its value, and returns that
    /// value; panics after [`PATIENCE`].
    pub async fn wait_until<T: DeserializeOwned + std::fmt::Debug>(
        &self,
        body: &str,
        args: Vec<Value>,
        done: impl Fn(&T) -> bool,
    ) -> T {
        let start = Instant::now();
        loop {
            let value: T = self.call(body, args.clone()).await;
            if done(&value) {
                return value;
            }
            if start.elapsed() > PATIENCE {
                panic!(
                    "{}: timed out; the script still gives {value:?}\n{body}",
                    self.engine
                );
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

    /// Waits until the widget has mounted and, when it shows a password section, its password
    /// dictionaries have arrived (or failed): from then on the page has no reason to make any
    /// request.
    ///
    /// The widget fetches the dictionaries when a visitor first uses a password section, so
    /// the section is brought into view (as a visitor scrolling to it would) until the
    /// widget has asked for them, and the page's scroll position is then put back.
    pub async fn wait_until_settled(&self, host: &str) {
        self.wait_for_widget(host).await;
        let state = format!(
            "document.querySelector({host:?}).shadowRoot.querySelector('.bc')?.dataset.dictionaries"
        );
        let password: bool = self
            .in_shadow(
                host,
                "const section = root.querySelector('.bc-password');\n\
                 if (!section) return false;\n\
                 window.__bcScroll = window.__bcScroll || [scrollX, scrollY];\n\
                 section.scrollIntoView({ block: 'nearest' });\n\
                 return true;",
            )
            .await;
        if !password {
            return;
        }
        self.wait_for(&format!("{state} !== 'idle'")).await;
        let _: bool = self
            .eval(
                "(() => { const at = window.__bcScroll; delete window.__bcScroll; \
                 if (at) scrollTo(at[0], at[1]); return true })()",
            )
            .await;
        self.wait_for(&format!("['ready', 'unavailable'].includes({state})"))
            .await;
    }

    /// Waits until every render the page has queued has run: two animation frames, then a
    /// task. The positive barrier a flow waits for before asserting that nothing happened.
    pub async fn settle(&self) {
        let _: bool = self.call(crate::js::SETTLE, Vec::new()).await;
    }

    /// A JS expression for the element with `data-testid=testid` in `host`'s shadow root.
    pub fn hook(host: &str, testid: &str) -> String {
        format!(
            "document.querySelector({host:?}).shadowRoot.querySelector('[data-testid=\"{testid}\"]')"
        )
    }

    /// The element with `data-testid=testid` in `host`'s shadow root, as a WebDriver element.
    pub async fn hook_element(&self, host: &str, testid: &str) -> Element {
        let value: Value = self
            .call(crate::js::HOOK, vec![json!(host), json!(testid)])
            .await;
        let id = value
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("{}: no hook {testid} in {host}: {value}", self.engine));
        Element::from_element_id(self.client.clone(), ElementRef::from(id.to_owned()))
    }

    /// Types `text` into the hook `testid` inside `host` as keyboard input (trusted key and
    /// `input` events, as a person typing makes).
    pub async fn type_into(&self, host: &str, testid: &str, text: &str) {
        let element = self.hook_element(host, testid).await;
        element
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("{}: type into {testid}: {e}", self.engine));
    }

    /// Presses one key (`fantoccini::key::Key`) in the hook `testid` inside `host`.
    pub async fn press(&self, host: &str, testid: &str, key: fantoccini::key::Key) {
        let element = self.hook_element(host, testid).await;
        element
            .send_keys(&char::from(key).to_string())
            .await
            .unwrap_or_else(|e| panic!("{}: press {key:?} in {testid}: {e}", self.engine));
    }

    /// Pastes `text` into the hook `testid` inside `host` in one insertion, as a paste does.
    pub async fn paste(&self, host: &str, testid: &str, text: &str) {
        let _: bool = self
            .call(
                crate::js::PASTE,
                vec![json!(host), json!(testid), json!(text)],
            )
            .await;
    }

    /// Sets a form control's value as a script can, and lets the widget hear it (`input` and
    /// `change` events).
    pub async fn set_value(&self, host: &str, testid: &str, value: &str) {
        let _: String = self
            .call(
                crate::js::SET_VALUE,
                vec![json!(host), json!(testid), json!(value)],
            )
            .await;
    }

    /// `attribute` of every element with `data-testid=testid` in `host`'s shadow root.
    pub async fn all_hooks(&self, host: &str, testid: &str, attribute: &str) -> Vec<String> {
        self.call(
            crate::js::ALL_HOOKS,
            vec![json!(host), json!(testid), json!(attribute)],
        )
        .await
    }

    /// CSP violations the page reported (recorded by the harness's page script), as
    /// `directive blocked-URI` lines; but for the browser's own request for the host's
    /// `/favicon.ico` (Firefox and WebKit report it on a page without an icon link), which
    /// no widget makes.
    pub async fn csp_violations(&self) -> Vec<String> {
        let all: Vec<String> = self.eval("window.__bcViolations || []").await;
        all.into_iter()
            .filter(|v| !v.ends_with("/favicon.ico"))
            .collect()
    }

    /// The longest time, in ms, the page could not run a timer since it loaded.
    pub async fn longest_blocked_ms(&self) -> f64 {
        self.eval("Math.max(window.__bcLongestGap || 0, window.__bcLongestTask || 0)")
            .await
    }

    /// What the page has stored: cookies, Web Storage entries and IndexedDB databases.
    pub async fn storage(&self) -> Storage {
        self.call(crate::js::STORAGE, Vec::new()).await
    }

    /// Runs axe-core (WCAG 2.0/2.1 A and AA rules) over the page, open shadow roots
    /// included, and returns its violations as `rule: help (targets)` lines.
    pub async fn axe_violations(&self) -> Vec<String> {
        let present: bool = self.eval("typeof window.axe === 'object'").await;
        if !present {
            let path = std::env::var("AXE_CORE_JS")
                .map(PathBuf::from)
                .unwrap_or_else(|_| {
                    crate::tools_dir().join("axe-core-4.14.1/node_modules/axe-core/axe.min.js")
                });
            let source = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!(
                    "axe-core not found at {} ({e}): run `make test`",
                    path.display()
                )
            });
            // WebDriver scripts are not governed by the page's CSP. axe defines `window.axe`.
            let _: Value = self
                .call(&format!("{source}\n;return true;"), Vec::new())
                .await;
        }
        self.call(crate::js::AXE_RUN, Vec::new()).await
    }

    /// Emulates a CSS media type (`"print"`, `"screen"`, or `""` for none) and media features
    /// such as `("prefers-color-scheme", "dark")`. Chromium only ([`Feature::PrintMedia`],
    /// [`Feature::ColorScheme`]).
    pub async fn emulate_media(&self, media: &str, features: &[(&str, &str)]) {
        let features: Vec<Value> = features
            .iter()
            .map(|(name, value)| json!({ "name": name, "value": value }))
            .collect();
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "media": media, "features": features }),
        )
        .await;
    }

    /// Forces a full garbage collection, then returns the renderer's live DOM counters.
    /// Chromium only ([`Feature::MemoryCounters`]).
    pub async fn dom_counters_after_gc(&self) -> DomCounters {
        self.cdp("HeapProfiler.collectGarbage", json!({})).await;
        let value = self.cdp("Memory.getDOMCounters", json!({})).await;
        serde_json::from_value(value).expect("DOM counters")
    }

    /// The JS heap in use and the size of ArrayBuffer backing stores (the wasm memory is one),
    /// in bytes. Chromium only ([`Feature::MemoryCounters`]).
    pub async fn heap_usage(&self) -> (f64, f64) {
        let value = self.cdp("Runtime.getHeapUsage", json!({})).await;
        let number = |key: &str| value.get(key).and_then(Value::as_f64).unwrap_or(0.0);
        (number("usedSize"), number("backingStorageSize"))
    }

    async fn cdp(&self, cmd: &'static str, params: Value) -> Value {
        let feature = if cmd.starts_with("Emulation") {
            Feature::PrintMedia
        } else {
            Feature::MemoryCounters
        };
        if let Some(reason) = self.engine.lacks(feature) {
            panic!("{}: {cmd}: {reason}", self.engine);
        }
        self.client
            .issue_cmd(Cdp { cmd, params })
            .await
            .unwrap_or_else(|e| panic!("{}: {cmd}: {e}", self.engine))
    }

    /// Saves a PNG screenshot of the window as `target/screenshots/<engine>-<name>.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let dir = crate::workspace_root().join("target/screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        let path = dir.join(format!("{}-{name}.png", self.engine));
        match self.client.screenshot().await {
            Ok(png) => std::fs::write(&path, png).expect("write screenshot"),
            Err(e) => println!("{}: no screenshot {name}: {e}", self.engine),
        }
        path
    }
}

/// The renderer's live DOM counters (Chromium's `Memory.getDOMCounters`).
#[derive(Debug, Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DomCounters {
    pub documents: i64,
    pub nodes: i64,
    pub js_event_listeners: i64,
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
