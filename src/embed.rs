//! The only module that talks to the host page.
//!
//! The loader (`www/breach-check.js`) defines the `<breach-check>` custom element, attaches an
//! open shadow root and calls [`mount`]. From there on this module owns the instance:
//!
//! - it reads the element's attributes into a typed [`Config`], warning once on the console
//!   about any value it does not understand (and falling back to the default);
//! - it adopts the widget's stylesheet into the shadow root as a constructable stylesheet,
//!   because strict host CSPs block `<style>` elements and `style="…"` attributes;
//! - it mounts one Yew app into a `<div>` inside the shadow root (Yew's renderer needs an
//!   `Element`, and a `ShadowRoot` is a document fragment), and keeps its handle in the
//!   returned [`Widget`], so that every instance is independent; what is shared is the
//!   immutable stylesheet, the page's pack and the list of warnings already given;
//! - when the element leaves the page the widget is parked (emptied, app kept) and resumed
//!   if it comes back, because Yew never frees the listeners of an app it mounted.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Element, ShadowRoot};
use yew::{AppHandle, Callback};

use crate::date::Date;
use crate::exposure::VerdictSummary;
use crate::i18n::Lang;
use crate::pack::Pack;
use crate::ui::app::{App, AppProps};
use crate::ui::dictionaries::DictionaryState;

/// The widget's stylesheet, compiled into the wasm so that it costs no extra request.
const STYLES: &str = include_str!("ui/styles.css");

thread_local! {
    /// One constructed stylesheet shared by every instance: adopting the same sheet in many
    /// shadow roots costs one parse.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    /// The page's pack and the overlay text it was built from, shared by every widget.
    static PACKS: RefCell<Option<(Option<String>, Rc<Pack>)>> = const { RefCell::new(None) };
    /// Attribute values already reported, so that the console hears about each one once
    /// (a handful at most: a list costs less code than a hash set).
    static WARNED: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// Which colour scheme the widget uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Dark text on a light background (the default).
    #[default]
    Light,
    /// Light text on a dark background.
    Dark,
    /// Follows the visitor's `prefers-color-scheme`.
    Auto,
}

impl Theme {
    fn parse(value: &str) -> Option<Theme> {
        match value.trim().to_ascii_lowercase().as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" => Some(Theme::Auto),
            _ => None,
        }
    }

    /// The class name the stylesheet keys its colours on.
    pub fn class(self) -> &'static str {
        match self {
            Theme::Light => "bc-theme-light",
            Theme::Dark => "bc-theme-dark",
            Theme::Auto => "bc-theme-auto",
        }
    }
}

/// Which sections of the widget to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sections {
    /// The "was I exposed?" check.
    pub exposure: bool,
    /// The password-strength meter.
    pub password: bool,
}

impl Default for Sections {
    fn default() -> Self {
        Sections {
            exposure: true,
            password: true,
        }
    }
}

impl Sections {
    /// Parses a space-separated list such as `exposure password`; `None` when any token is
    /// unknown or the list is empty, so the caller can fall back to both and say why.
    fn parse(value: &str) -> Option<Sections> {
        let mut sections = Sections {
            exposure: false,
            password: false,
        };
        for token in value.split_ascii_whitespace() {
            match token.to_ascii_lowercase().as_str() {
                "exposure" => sections.exposure = true,
                "password" => sections.password = true,
                _ => return None,
            }
        }
        (sections.exposure || sections.password).then_some(sections)
    }
}

/// Everything the host page configures, parsed from the element's attributes.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Config {
    /// Interface language (`lang`).
    pub lang: Lang,
    /// Preselected insurer id (`insurer`), as given; the UI checks it against the pack.
    pub insurer: Option<String>,
    /// Preselected operator id (`operator`), as given; the UI checks it against the pack.
    pub operator: Option<String>,
    /// Which sections to show (`sections`).
    pub sections: Sections,
    /// Colour scheme (`theme`).
    pub theme: Theme,
    /// Whether to dispatch `breach-check:*` events on the element (`emit-events`).
    pub emit_events: bool,
    /// The host's own notice page (`notice-href`), only when it is an `http:`/`https:` URL.
    pub notice_href: Option<String>,
}

impl Config {
    /// Reads the configuration from a `<breach-check>` element.
    pub fn from_element(host: &Element) -> Config {
        Config::from_attributes(|name| host.get_attribute(name))
    }

    /// Builds the configuration from an attribute getter, warning once per unknown value.
    pub fn from_attributes(get: impl Fn(&str) -> Option<String>) -> Config {
        let non_empty = |name: &str| {
            get(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let lang = non_empty("lang")
            .and_then(|v| Lang::parse(&v).or_else(|| warn_once("lang", &v, "fr")))
            .unwrap_or_default();
        let sections = non_empty("sections")
            .and_then(|v| {
                Sections::parse(&v).or_else(|| warn_once("sections", &v, "exposure password"))
            })
            .unwrap_or_default();
        let theme = non_empty("theme")
            .and_then(|v| Theme::parse(&v).or_else(|| warn_once("theme", &v, "light")))
            .unwrap_or_default();
        let notice_href = non_empty("notice-href").and_then(|v| {
            if is_web_url(&v) {
                Some(v)
            } else {
                warn_once("notice-href", &v, "no link")
            }
        });
        Config {
            lang,
            insurer: non_empty("insurer"),
            operator: non_empty("operator"),
            sections,
            theme,
            emit_events: get("emit-events").is_some(),
            notice_href,
        }
    }
}

/// An absolute `http:`/`https:` URL with a host and nothing a URL cannot hold (spaces,
/// control characters, quotes, angle brackets): the loader's fallback applies the same rule.
fn is_web_url(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        !rest.is_empty()
            && !rest.starts_with(['/', '?', '#'])
            && !value
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '`'))
    })
}

/// Reports an attribute value the widget does not understand, once per page, and returns
/// `None` so that the caller falls back to its default.
fn warn_once<T>(attribute: &str, value: &str, fallback: &str) -> Option<T> {
    let first_time = WARNED.with(|warned| {
        let mut warned = warned.borrow_mut();
        let known = warned.iter().any(|(a, v)| a == attribute && v == value);
        if !known {
            warned.push((attribute.to_owned(), value.to_owned()));
        }
        !known
    });
    if first_time {
        web_sys::console::warn_1(&JsValue::from_str(&format!(
            "<breach-check>: {attribute}=\"{value}\" is not a value this widget knows; using {fallback}."
        )));
    }
    None
}

/// Reports `insurer` and `operator` values that are not in the page's pack, once each. The
/// widget still shows the value's error next to its field, so the visitor can pick another.
fn warn_unknown_ids(config: &Config, pack: &Pack) {
    if let Some(id) = &config.insurer
        && pack.insurer(id).is_none()
    {
        warn_once::<()>("insurer", id, "no preselected insurer");
    }
    if let Some(id) = &config.operator
        && !matches!(id.as_str(), "other" | "unknown")
        && pack.operator(id).is_none()
    {
        warn_once::<()>("operator", id, "no preselected operator");
    }
}

/// The shared stylesheet, built on first use.
fn stylesheet() -> Result<CssStyleSheet, JsValue> {
    SHEET.with(|cell| {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(STYLES)?;
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}

/// One mounted widget: the handle the loader keeps on its element.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Widget {
    host: Element,
    shadow: ShadowRoot,
    /// The `<div>` the app renders into; taken out of the shadow root while parked.
    root: Element,
    parked: bool,
    config: Config,
    pack: Rc<Pack>,
    on_verdict: Callback<Option<VerdictSummary>>,
    app: Option<AppHandle<App>>,
}

/// Mounts a widget into `shadow`, the open shadow root the loader attached to `host`.
///
/// Returns the [`Widget`] the loader must keep, to call `update` when an observed attribute
/// changes and `destroy` when the element leaves the page.
#[wasm_bindgen]
pub fn mount(host: Element, shadow: ShadowRoot) -> Result<Widget, JsValue> {
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("breach-check: the element has no document"))?;
    let sheet: JsValue = stylesheet()?.into();
    let sheets = js_sys::Array::of1(&sheet);
    shadow.set_adopted_style_sheets(&sheets);
    // A remount after a disconnect finds the previous root: start from an empty shadow root.
    shadow.replace_children_with_node_0();
    let root = document.create_element("div")?;
    root.set_class_name("bc-root");
    shadow.append_child(&root)?;

    let config = Config::from_element(&host);
    let pack = host_pack(&document);
    warn_unknown_ids(&config, &pack);
    let on_verdict = verdict_events(&host);
    let app = yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            config: config.clone(),
            today: today(),
            pack: Rc::clone(&pack),
            on_verdict: on_verdict.clone(),
            parked: false,
        },
    )
    .render();
    if config.emit_events {
        emit(&host, "ready", &JsValue::NULL);
    }
    Ok(Widget {
        host,
        shadow,
        root,
        parked: false,
        config,
        pack,
        on_verdict,
        app: Some(app),
    })
}

/// Dispatches `breach-check:<name>` on the host element (bubbling and composed, so a host
/// listening on `document` hears it). Only called when the host set `emit-events`; `detail`
/// never carries what the visitor typed.
pub(crate) fn emit(host: &Element, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) =
        web_sys::CustomEvent::new_with_event_init_dict(&format!("breach-check:{name}"), &init)
    {
        let _ = host.dispatch_event(&event);
    }
}

/// Today in the visitor's time zone, from the browser's clock: the core reads none, so it
/// comes in from here.
fn today() -> Date {
    let now = js_sys::Date::new_0();
    let (year, month, day) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    Date::new(year as u16, month as u8, day as u8)
        .or_else(|_| Date::new(2026, 1, 1))
        .expect("a fixed valid date")
}

/// The pack for widgets on this page: the built-in one, extended by the host's
/// `<script type="application/json" data-breach-check-pack>` when there is one. An invalid
/// overlay is reported once on the console and the built-in pack is kept.
fn host_pack(document: &web_sys::Document) -> Rc<Pack> {
    let overlay = document
        .query_selector("script[type=\"application/json\"][data-breach-check-pack]")
        .ok()
        .flatten()
        .and_then(|script| script.text_content())
        .filter(|text| !text.trim().is_empty());
    PACKS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((text, pack)) = cache.as_ref()
            && *text == overlay
        {
            return Rc::clone(pack);
        }
        let pack = match &overlay {
            None => Pack::builtin().clone(),
            Some(text) => Pack::builtin().with_overlay(text).unwrap_or_else(|error| {
                web_sys::console::error_1(&JsValue::from_str(&format!(
                    "<breach-check>: the host page's data pack was ignored: {error}"
                )));
                Pack::builtin().clone()
            }),
        };
        let pack = Rc::new(pack);
        *cache = Some((overlay, Rc::clone(&pack)));
        pack
    })
}

/// The callback the UI calls when its verdict changes: with `emit-events`, it becomes a
/// `breach-check:verdict` event whose detail holds only the verdict code and incident ids.
fn verdict_events(host: &Element) -> Callback<Option<VerdictSummary>> {
    let host = host.clone();
    Callback::from(move |summary: Option<VerdictSummary>| {
        let Some(VerdictSummary {
            verdict,
            incidents: ids,
        }) = summary
        else {
            return;
        };
        if host.get_attribute("emit-events").is_none() {
            return;
        }
        let detail = js_sys::Object::new();
        let incidents: js_sys::Array = ids.iter().map(|id| JsValue::from_str(id)).collect();
        let verdict = JsValue::from_str(verdict.id());
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str("verdict"), &verdict);
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str("incidents"), &incidents);
        emit(&host, "verdict", &detail);
    })
}

/// Hands the bundle's dictionary file to every widget on the page. The loader calls it once,
/// after the first paint; a file that does not decode leaves the built-in list in use.
#[wasm_bindgen(js_name = provideDictionaries)]
pub fn provide_dictionaries(bytes: &[u8]) {
    let state = match crate::password::Dictionaries::decode(bytes) {
        Ok(dictionaries) => DictionaryState::Ready(std::sync::Arc::new(dictionaries)),
        Err(error) => {
            web_sys::console::error_1(&JsValue::from_str(&format!(
                "<breach-check>: the dictionary file is unusable ({error}); using the built-in list."
            )));
            DictionaryState::Unavailable
        }
    };
    crate::ui::dictionaries::provide(state);
}

/// Tells every widget that the dictionary file could not be loaded.
#[wasm_bindgen(js_name = dictionariesUnavailable)]
pub fn dictionaries_unavailable() {
    crate::ui::dictionaries::provide(DictionaryState::Unavailable);
}

#[wasm_bindgen]
impl Widget {
    /// Re-reads the element's attributes and re-renders when the configuration changed.
    pub fn update(&mut self) {
        let config = Config::from_element(&self.host);
        if config != self.config {
            warn_unknown_ids(&config, &self.pack);
            self.config = config;
            self.render();
        }
    }

    /// The element left the page: its sections are unmounted (state and typed input
    /// dropped) and its root taken out of the shadow root, but the app is kept.
    ///
    /// Why not destroy it: Yew never releases the event listeners an app registers on its
    /// root, so an app destroyed and mounted again on every reconnect would leak a set each
    /// time; a parked app comes back with the ones it has. The loader destroys a parked
    /// widget whose element stays away.
    pub fn park(&mut self) {
        if self.parked {
            return;
        }
        self.parked = true;
        self.render();
        self.root.remove();
    }

    /// The element is back on the page: the root returns and the sections render afresh,
    /// from the attributes as they are now.
    pub fn resume(&mut self) -> Result<(), JsValue> {
        if !self.parked {
            return Ok(());
        }
        let sheet: JsValue = stylesheet()?.into();
        self.shadow
            .set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        self.shadow.replace_children_with_node_1(&self.root);
        self.parked = false;
        self.config = Config::from_element(&self.host);
        self.render();
        Ok(())
    }

    /// Unmounts the app and empties the shadow root; calling it twice is harmless.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.shadow.replace_children_with_node_0();
    }
}

impl Widget {
    fn render(&mut self) {
        if let Some(app) = self.app.as_mut() {
            app.update(AppProps {
                config: self.config.clone(),
                today: today(),
                pack: Rc::clone(&self.pack),
                on_verdict: self.on_verdict.clone(),
                parked: self.parked,
            });
        }
    }
}
