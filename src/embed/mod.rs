//! The only module that talks to the host page: the `<breach-check>` element's Rust side.
//!
//! The loader (`www/breach-check.js`) defines the custom element, attaches an open shadow
//! root and calls [`mount`]. From there on this module owns the instance:
//!
//! - it reads the element's attributes with [`Config::from_attributes`] (pure, in
//!   `crate::config`) and prints the warnings, each once per page;
//! - it adopts the widget's stylesheet into the shadow root as a constructable stylesheet,
//!   because strict host CSPs block `<style>` elements and `style="…"` attributes;
//! - it mounts one Yew app into a `<div>` inside the shadow root (Yew's renderer needs an
//!   `Element`, and a `ShadowRoot` is a document fragment), and keeps its handle in the
//!   returned [`Widget`], so that every instance is independent; what the widgets of a page
//!   share lives in [`page`], and reaches each app through its props;
//! - with `emit-events`, it turns the app's verdict into `breach-check:*` events;
//! - when the element leaves the page the widget is parked (emptied, app kept) and resumed
//!   if it comes back, because Yew never frees the listeners of an app it mounted.
//!
//! The exports the loader calls are [`mount`], [`Widget::update`], [`Widget::park`],
//! [`Widget::resume`], [`Widget::destroy`]; for the password engine's module and the
//! dictionaries `setPasswordLoader`, `providePasswordEngine`, `passwordEngineUnavailable`,
//! `dictionariesReady` and `dictionariesUnavailable` ([`password`]); for the message engine's
//! module `provideMessageEngine` and `messageEngineUnavailable` ([`message`]).

mod message;
mod page;
mod password;

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRoot};
use yew::{AppHandle, Callback};

use crate::config::Config;
use crate::date::Date;
use crate::exposure::VerdictSummary;
use crate::pack::Pack;
use crate::ui::app::{App, AppProps};

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
    /// `config.emit_events`, shared with the verdict callback so that it follows the
    /// attribute live without reading the DOM again.
    emit_events: Rc<Cell<bool>>,
    pack: Rc<Pack>,
    on_verdict: Callback<Option<VerdictSummary>>,
    app: Option<AppHandle<App>>,
}

/// Reads the element's attributes and prints what was wrong with them (once per page).
fn read_config(host: &Element, pack: &Pack) -> Config {
    let (config, warnings) =
        Config::from_attributes(|attribute| host.get_attribute(attribute.name()));
    page::warn(warnings);
    page::warn(config.check_ids(pack));
    config
}

/// Mounts a widget into `shadow`, the open shadow root the loader attached to `host`.
///
/// Returns the [`Widget`] the loader must keep, to call `update` when an observed attribute
/// changes, `park` and `resume` when the element leaves and comes back, and `destroy` when it
/// stays away.
#[wasm_bindgen]
pub fn mount(host: Element, shadow: ShadowRoot) -> Result<Widget, JsValue> {
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("breach-check: the element has no document"))?;
    adopt_stylesheet(&shadow)?;
    // A remount after a disconnect finds the previous root: start from an empty shadow root.
    shadow.replace_children_with_node_0();
    let root = document.create_element("div")?;
    root.set_class_name("bc-root");
    shadow.append_child(&root)?;

    let pack = page::pack_for(&host);
    let config = read_config(&host, &pack);
    let emit_events = Rc::new(Cell::new(config.emit_events));
    let on_verdict = verdict_events(&host, Rc::clone(&emit_events));
    let mut widget = Widget {
        host,
        shadow,
        root,
        parked: false,
        config,
        emit_events,
        pack,
        on_verdict,
        app: None,
    };
    widget.app = Some(
        yew::Renderer::<App>::with_root_and_props(widget.root.clone(), widget.props()).render(),
    );
    if widget.config.emit_events {
        emit(&widget.host, "ready", &JsValue::NULL);
    }
    Ok(widget)
}

fn adopt_stylesheet(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let sheet: JsValue = page::stylesheet()?.into();
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    Ok(())
}

/// Dispatches `breach-check:<name>` on the host element (bubbling and composed, so a host
/// listening on `document` hears it). Only called when the host set `emit-events`; `detail`
/// never carries what the visitor typed.
fn emit(host: &Element, name: &str, detail: &JsValue) {
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

/// Today in the visitor's time zone, from the browser's clock: the one place the crate reads
/// it (the core takes the date as an argument).
#[allow(
    clippy::disallowed_methods,
    reason = "the shell reads the clock, here only"
)]
fn today() -> Date {
    let now = js_sys::Date::new_0();
    let (year, month, day) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    Date::new(year as u16, month as u8, day as u8)
        .or_else(|_| Date::new(2026, 1, 1))
        .expect("a fixed valid date")
}

/// The callback the app calls when its verdict changes: with `emit-events` (as the widget's
/// configuration has it now), it becomes a `breach-check:verdict` event whose detail holds
/// only the verdict code and the ids of the incidents considered.
fn verdict_events(host: &Element, emit_events: Rc<Cell<bool>>) -> Callback<Option<VerdictSummary>> {
    let host = host.clone();
    Callback::from(move |summary: Option<VerdictSummary>| {
        let Some(VerdictSummary {
            verdict,
            incidents: ids,
        }) = summary
        else {
            return;
        };
        if !emit_events.get() {
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

#[wasm_bindgen]
impl Widget {
    /// Re-reads the element's attributes and re-renders when the configuration changed.
    pub fn update(&mut self) {
        let config = read_config(&self.host, &self.pack);
        if config != self.config {
            self.set_config(config);
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
        adopt_stylesheet(&self.shadow)?;
        self.shadow.replace_children_with_node_1(&self.root);
        self.parked = false;
        let config = read_config(&self.host, &self.pack);
        self.set_config(config);
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
    fn set_config(&mut self, config: Config) {
        self.emit_events.set(config.emit_events);
        self.config = config;
    }

    fn props(&self) -> AppProps {
        AppProps {
            config: self.config.clone(),
            today: today(),
            pack: Rc::clone(&self.pack),
            password: password::store(),
            want_password: password::want(),
            message_engine: message::store(),
            on_verdict: self.on_verdict.clone(),
            parked: self.parked,
        }
    }

    fn render(&mut self) {
        let props = self.props();
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }
}
