//! The password engine's module and the full dictionaries, as the apps of a page see them,
//! and when they are asked for.
//!
//! The estimator is a wasm module of its own, `breach-check-password.wasm` (engines/password),
//! and most visitors never type a password: neither it nor the dictionary file is part of a
//! page view. Both are asked for the first time a visitor uses a password section, that is
//! when the section scrolls into view ([`use_first_sight`]), something in it takes the
//! focus, or input arrives. The embed then marks both as loading in the page's one
//! [`PasswordStore`] and calls the loader, which fetches the two files (checked against
//! their pinned hashes), hands the module to the embed and the dictionary file to the module.
//! Until the module is here the meter is busy and says so; until the dictionaries are, the
//! module rates with its built-in list and the meter says it is refining.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};
use yew::prelude::*;

use crate::ui::shared::{Load, PageStore, use_page_store};

#[wasm_bindgen]
extern "C" {
    /// The estimator's module, wrapped by the loader: `rate` copies the request into the
    /// module's memory, calls its `rate` export and copies the answer out. It returns no bytes
    /// when the module failed, which the section reads as an error.
    #[derive(Debug)]
    pub type PasswordEngine;

    #[wasm_bindgen(method)]
    fn rate(this: &PasswordEngine, request: &[u8]) -> Vec<u8>;
}

impl PasswordEngine {
    /// The engine's answer to `request` (a [`crate::password::wire`] request; empty when the
    /// module failed).
    pub fn answer(&self, request: &[u8]) -> Vec<u8> {
        self.rate(request)
    }
}

/// Where the full dictionaries are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DictionaryState {
    /// Not asked for yet: no visitor of the page has used a password section.
    #[default]
    Idle,
    /// Asked for, not in the engine yet.
    Loading,
    /// Decoded by the engine, which rates with them.
    Ready,
    /// They could not load or decode: the engine's built-in list rates.
    Unavailable,
}

impl DictionaryState {
    /// `idle`, `loading`, `ready` or `unavailable`: put on the widget's root for tests and
    /// styling.
    pub fn as_str(self) -> &'static str {
        match self {
            DictionaryState::Idle => "idle",
            DictionaryState::Loading => "loading",
            DictionaryState::Ready => "ready",
            DictionaryState::Unavailable => "unavailable",
        }
    }
}

/// The password engine and the dictionaries of one page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PasswordState {
    /// The estimator's module.
    pub engine: Load<PasswordEngine>,
    /// The full dictionaries, inside that module once they are ready.
    pub dictionaries: DictionaryState,
}

/// The page's password state and the apps that listen to it.
pub type PasswordStore = PageStore<PasswordState>;

/// The current state of `store`; the calling component re-renders when it changes.
#[hook]
pub fn use_password(store: &Rc<PasswordStore>) -> PasswordState {
    use_page_store(store)
}

/// Calls `seen` once, the first time the element of `node` scrolls into view (or at once when
/// it is in view already), while `watch` holds; stops watching when `watch` turns false or the
/// component leaves.
///
/// The browser's `IntersectionObserver` does the watching, so scrolling costs nothing here.
/// A browser without one gets no call: the focus still asks for the engine.
#[hook]
pub fn use_first_sight(node: NodeRef, watch: bool, seen: Callback<()>) {
    use_effect_with(watch, move |&watch| {
        let observer = watch.then(|| observe_once(&node, seen)).flatten();
        move || {
            if let Some((observer, _callback)) = observer {
                observer.disconnect();
            }
        }
    });
}

/// The observer and the closure it calls (kept alive as long as the observer).
type Sight = (IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>);

fn observe_once(node: &NodeRef, seen: Callback<()>) -> Option<Sight> {
    let element = node.cast::<Element>()?;
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if entries.iter().any(|entry| {
            entry
                .unchecked_into::<IntersectionObserverEntry>()
                .is_intersecting()
        }) {
            seen.emit(());
        }
    });
    let observer = IntersectionObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&element);
    Some((observer, callback))
}
