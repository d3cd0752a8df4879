//! The three engines the README promises, each driven through its WebDriver server.
//!
//! | engine | browser (Debian) | driver |
//! |---|---|---|
//! | [`Engine::Chromium`] | `chromium`, headless | `chromedriver` (`chromium-driver`) |
//! | [`Engine::Firefox`] | `firefox-esr`, headless | `geckodriver` (crates.io, in the tool cache) |
//! | [`Engine::WebKit`] | WebKitGTK's `MiniBrowser` under Xvfb | `WebKitWebDriver` (`webkit2gtk-driver`) |
//!
//! Paths can be overridden with `CHROMIUM`, `CHROMEDRIVER`, `FIREFOX`, `GECKODRIVER`,
//! `MINIBROWSER` and `WEBKIT_WEBDRIVER`. `E2E_ENGINES=chromium,firefox` picks engines.

use std::fmt;
use std::path::PathBuf;

use serde_json::{Value, json};

/// A browser engine under test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

/// What a flow may need that not every engine's automation gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    /// Emulating the `print` media type (CSS `@media print`) on a live page.
    PrintMedia,
    /// Switching `prefers-color-scheme` on a live page.
    ColorScheme,
    /// A full garbage collection and the renderer's DOM node and listener counters.
    MemoryCounters,
}

impl Engine {
    /// Every engine, in the order they are reported.
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

    /// The name used in test names, `E2E_ENGINES` and screenshots.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    /// Parses a name as [`Engine::name`] writes it.
    pub fn parse(name: &str) -> Option<Engine> {
        Engine::ALL.into_iter().find(|e| e.name() == name.trim())
    }

    /// The engines to run: `E2E_ENGINES` (comma-separated names), or all three.
    pub fn selected() -> Vec<Engine> {
        match std::env::var("E2E_ENGINES") {
            Ok(list) if !list.trim().is_empty() => list
                .split(',')
                .map(|name| {
                    Engine::parse(name).unwrap_or_else(|| {
                        panic!("E2E_ENGINES: unknown engine {name:?} (chromium, firefox, webkit)")
                    })
                })
                .collect(),
            _ => Engine::ALL.to_vec(),
        }
    }

    /// Why this engine cannot give `feature`, or `None` when it can.
    pub fn lacks(self, feature: Feature) -> Option<&'static str> {
        match (self, feature) {
            (Engine::Chromium, _) => None,
            (_, Feature::PrintMedia) => Some(
                "WebDriver has no way to emulate print media on a live page (Chromium's comes from \
                 the DevTools protocol)",
            ),
            (_, Feature::ColorScheme) => Some(
                "WebDriver has no way to switch prefers-color-scheme on a live page (Chromium's \
                 comes from the DevTools protocol)",
            ),
            (_, Feature::MemoryCounters) => Some(
                "no WebDriver command forces a garbage collection or reads DOM counters (Chromium's \
                 come from the DevTools protocol)",
            ),
        }
    }

    /// The browser binary.
    pub fn browser_binary(self) -> PathBuf {
        let (variable, default) = match self {
            Engine::Chromium => ("CHROMIUM", "/usr/bin/chromium"),
            Engine::Firefox => ("FIREFOX", "/usr/bin/firefox-esr"),
            Engine::WebKit => (
                "MINIBROWSER",
                "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
            ),
        };
        env_path(variable, default)
    }

    /// The WebDriver server.
    pub fn driver_binary(self) -> PathBuf {
        match self {
            Engine::Chromium => env_path("CHROMEDRIVER", "/usr/bin/chromedriver"),
            Engine::Firefox => std::env::var_os("GECKODRIVER")
                .map(PathBuf::from)
                .unwrap_or_else(|| crate::tools_dir().join("geckodriver-0.37.1/bin/geckodriver")),
            Engine::WebKit => env_path("WEBKIT_WEBDRIVER", "/usr/bin/WebKitWebDriver"),
        }
    }

    /// The driver's command-line arguments to listen on `port`.
    pub fn driver_args(self, port: u16) -> Vec<String> {
        match self {
            Engine::Chromium => vec![format!("--port={port}")],
            Engine::Firefox => vec![
                "--port".into(),
                port.to_string(),
                "--host".into(),
                "127.0.0.1".into(),
            ],
            Engine::WebKit => vec![format!("--port={port}")],
        }
    }

    /// The browser's own services that no setting turns off: host names its proxy files
    /// apart from the page's requests (refused like every other), over http or https.
    ///
    /// - Chromium: the component updater, network time and the Google account check, which
    ///   chromedriver's session starts whatever the flags say.
    /// - Firefox: Remote Settings (blocklists and certificate data), whose Rust client falls
    ///   back to Mozilla's server whatever geckodriver and the preferences say.
    pub fn background_hosts(self) -> &'static [&'static str] {
        match self {
            Engine::Chromium => &[
                "update.googleapis.com",
                "clients2.google.com",
                "accounts.google.com",
            ],
            Engine::Firefox => &["firefox.settings.services.mozilla.com"],
            Engine::WebKit => &[],
        }
    }

    /// True when the browser needs an X display (WebKitGTK's MiniBrowser has no headless mode).
    pub fn needs_display(self) -> bool {
        self == Engine::WebKit
    }

    /// The session's capabilities: the browser, headless where it can be, and every request
    /// through `proxy` (`127.0.0.1:<port>`), loopback included.
    pub fn capabilities(self, proxy: &str) -> serde_json::Map<String, Value> {
        // The standard capability: http and https (and so ws/wss) to the logging proxy, with
        // no host exempted.
        // WebKitWebDriver makes `https://<sslProxy>` of it and speaks TLS to the proxy: the
        // proxy logs that handshake (it names no host) as a foreign request all the same.
        let proxy =
            json!({ "proxyType": "manual", "httpProxy": proxy, "sslProxy": proxy, "noProxy": [] });
        let caps = match self {
            Engine::Chromium => json!({
                "browserName": "chrome",
                "proxy": proxy,
                "goog:chromeOptions": {
                    "binary": self.browser_binary(),
                    "args": [
                        "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-pings", "--disable-quic",
                        "--disable-features=Translate,AutofillServerCommunication,OptimizationHints,\
                         MediaRouter,NetworkTimeServiceQuerying,SignInProfileCreation,PasswordLeakDetection",
                        // Chromium sends loopback addresses around a proxy unless told not to.
                        "--proxy-bypass-list=<-loopback>",
                        // Nothing resolves but the proxy itself, should anything go around it.
                        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                        "--window-size=1280,900",
                    ],
                    // The password manager, and with it the leak check that sends a hash
                    // prefix of a typed password to Google (seen once in a full run).
                    "prefs": {
                        "credentials_enable_service": false,
                        "profile.password_manager_enabled": false,
                        "profile.password_manager_leak_detection": false,
                    },
                },
            }),
            Engine::Firefox => json!({
                "browserName": "firefox",
                "proxy": proxy,
                "moz:firefoxOptions": {
                    "binary": self.browser_binary(),
                    "args": ["-headless", "--width=1280", "--height=900"],
                    "prefs": {
                        // Firefox sends localhost around a proxy unless told not to.
                        "network.proxy.allow_hijacking_localhost": true,
                        "network.proxy.no_proxies_on": "",
                        // Its own background traffic, which is not the page's. (geckodriver
                        // points the services' URLs at dummies itself: not overridden here.)
                        "network.captive-portal-service.enabled": false,
                        "network.connectivity-service.enabled": false,
                        "network.dns.disablePrefetch": true,
                        "network.prefetch-next": false,
                        "network.http.speculative-parallel-limit": 0,
                        "browser.safebrowsing.malware.enabled": false,
                        "browser.safebrowsing.phishing.enabled": false,
                        "browser.safebrowsing.downloads.enabled": false,
                        "browser.region.update.enabled": false,
                        "browser.search.update": false,
                        "browser.newtabpage.enabled": false,
                        "browser.startup.homepage_override.mstone": "ignore",
                        "app.update.auto": false,
                        "app.update.enabled": false,
                        "app.normandy.enabled": false,
                        "app.shield.optoutstudies.enabled": false,
                        "datareporting.healthreport.uploadEnabled": false,
                        "datareporting.policy.dataSubmissionEnabled": false,
                        "toolkit.telemetry.enabled": false,
                        "dom.push.connection.enabled": false,
                        "extensions.getAddons.cache.enabled": false,
                        "extensions.update.enabled": false,
                        "identity.fxaccounts.enabled": false,
                        "security.remote_settings.crlite_filters.enabled": false,
                        "security.remote_settings.intermediates.enabled": false,
                    },
                },
            }),
            Engine::WebKit => json!({
                "browserName": "MiniBrowser",
                "proxy": proxy,
                "webkitgtk:browserOptions": {
                    "binary": self.browser_binary(),
                    "args": ["--automation"],
                },
            }),
        };
        match caps {
            Value::Object(map) => map,
            _ => unreachable!("capabilities are an object"),
        }
    }
}

impl fmt::Display for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

fn env_path(variable: &str, default: &str) -> PathBuf {
    std::env::var_os(variable)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(default))
}
