//! What the widgets of one page share, in one place.
//!
//! A page may hold many `<breach-check>` elements; they share what is immutable or page-wide
//! and nothing else:
//!
//! - the widget's stylesheet, constructed once and adopted by every shadow root (one parse);
//! - the packs, one per distinct overlay text (most pages: the built-in pack alone);
//! - the console warnings already given, so that each bad value is reported once per page.
//!
//! The parts of the bundle loaded on first use (the password engine and its dictionaries,
//! the message engine) are page-wide too: `embed::password` and `embed::message` hold them.
//!
//! Everything else (the configuration, what the visitor typed) belongs to one widget.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, Element};

use crate::config::ConfigWarning;
use crate::pack::Pack;

/// The widget's stylesheet as written, with its comments.
const SOURCE: &[u8] = include_bytes!("../ui/styles.css");
/// The message section's rules, only in the main module that has the section.
#[cfg(not(without_message_section))]
const MESSAGE_SOURCE: &[u8] = include_bytes!("../ui/message/styles.css");
#[cfg(without_message_section)]
const MESSAGE_SOURCE: &[u8] = b"";
/// The lengths of the two without comments and with whitespace collapsed.
const BASE_LEN: usize = crate::css::minify(SOURCE, &mut []);
const STYLES_LEN: usize = BASE_LEN + crate::css::minify(MESSAGE_SOURCE, &mut []);
const STYLES_BYTES: [u8; STYLES_LEN] = {
    let mut out = [0; STYLES_LEN];
    let (base, message) = out.split_at_mut(BASE_LEN);
    crate::css::minify(SOURCE, base);
    crate::css::minify(MESSAGE_SOURCE, message);
    out
};
/// The stylesheet the widget adopts, compiled into the wasm so that it costs no extra
/// request, and stripped at compile time: every host page would otherwise download the
/// comments too.
const STYLES: &str = match std::str::from_utf8(&STYLES_BYTES) {
    Ok(styles) => styles,
    Err(_) => panic!("styles.css is UTF-8"),
};

/// Where a host puts the data its element should use: a child of that very element.
const OVERLAY_CHILD: &str = ":scope > script[type=\"application/json\"][data-breach-check-pack]";

/// An overlay that is not the child of a `<breach-check>`: to tell a host it is ignored.
const STRAY_OVERLAY: &str = "script[data-breach-check-pack]:not(breach-check > script)";

/// The shared state of the page.
struct Page {
    /// The constructed stylesheet, built on first use.
    sheet: Option<CssStyleSheet>,
    /// The packs in use, by the overlay text they were built from (`None`: the built-in
    /// pack). Kept for the page's life: a page has one or two distinct overlays at most.
    packs: Vec<(Option<String>, Rc<Pack>)>,
    /// Warnings already printed (a handful at most: a list costs less code than a hash set).
    warned: Vec<ConfigWarning>,
}

thread_local! {
    static PAGE: RefCell<Page> = const {
        RefCell::new(Page {
            sheet: None,
            packs: Vec::new(),
            warned: Vec::new(),
        })
    };
}

/// The shared stylesheet.
pub(super) fn stylesheet() -> Result<CssStyleSheet, JsValue> {
    PAGE.with(|page| {
        let mut page = page.borrow_mut();
        if let Some(sheet) = &page.sheet {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(STYLES)?;
        page.sheet = Some(sheet.clone());
        Ok(sheet)
    })
}

/// Prints each warning on the console, unless this page has already heard it.
pub(super) fn warn(warnings: impl IntoIterator<Item = ConfigWarning>) {
    for warning in warnings {
        let first_time = PAGE.with(|page| {
            let mut page = page.borrow_mut();
            let known = page.warned.contains(&warning);
            if !known {
                page.warned.push(warning.clone());
            }
            !known
        });
        if first_time {
            web_sys::console::warn_1(&JsValue::from_str(&warning.to_string()));
        }
    }
}

/// The pack for the widget of `host`: the built-in one, extended by the host's data when the
/// element holds a `<script type="application/json" data-breach-check-pack>` child.
///
/// Only a child of the element counts, so that markup injected elsewhere on the page (a
/// comment, a CMS block) cannot change what a widget says; such a stray overlay is reported
/// once. An invalid overlay is reported once too, and the built-in pack is used.
pub(super) fn pack_for(host: &Element) -> Rc<Pack> {
    let overlay = host
        .query_selector(OVERLAY_CHILD)
        .ok()
        .flatten()
        .and_then(|script| script.text_content())
        .filter(|text| !text.trim().is_empty());
    if overlay.is_none() && stray_overlay(host) {
        warn([ConfigWarning::PackOutsideElement]);
    }
    if let Some(pack) = PAGE.with(|page| {
        page.borrow()
            .packs
            .iter()
            .find(|(text, _)| *text == overlay)
            .map(|(_, pack)| Rc::clone(pack))
    }) {
        return pack;
    }
    let pack = Rc::new(match &overlay {
        None => Pack::builtin().clone(),
        Some(text) => Pack::builtin().with_overlay(text).unwrap_or_else(|error| {
            web_sys::console::error_1(&JsValue::from_str(&format!(
                "<breach-check>: the element's data pack was ignored: {error}"
            )));
            Pack::builtin().clone()
        }),
    });
    PAGE.with(|page| page.borrow_mut().packs.push((overlay, Rc::clone(&pack))));
    pack
}

/// Whether the page holds an overlay that is not the child of a `<breach-check>` element.
fn stray_overlay(host: &Element) -> bool {
    host.owner_document()
        .and_then(|document| document.query_selector(STRAY_OVERLAY).ok().flatten())
        .is_some()
}
