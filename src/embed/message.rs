//! The message engine's module, handed over by the loader for the whole page.
//!
//! The loader fetches `breach-check-message.wasm` the first time a visitor focuses or types
//! in a message section, checks it against its pinned hash, instantiates it (it imports
//! nothing) and calls [`provide_message_engine`] with a small wrapper around its exports; or
//! [`message_engine_unavailable`] when it was refused, damaged or too slow. A module that
//! arrives after that still takes over.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::ui::message::engine::{EngineState, EngineStore, MessageEngine};

thread_local! {
    /// The page's one engine store, made on first use.
    static STORE: RefCell<Option<Rc<EngineStore>>> = const { RefCell::new(None) };
}

/// The page's engine store, shared by every widget.
pub(super) fn store() -> Rc<EngineStore> {
    STORE.with(|store| Rc::clone(store.borrow_mut().get_or_insert_with(Rc::default)))
}

/// Hands the message engine to every widget on the page.
#[wasm_bindgen(js_name = provideMessageEngine)]
pub fn provide_message_engine(engine: MessageEngine) {
    store().provide(EngineState::Ready(Rc::new(engine)));
}

/// Tells every widget that the message engine could not load.
#[wasm_bindgen(js_name = messageEngineUnavailable)]
pub fn message_engine_unavailable() {
    let store = store();
    // A module already running stays in use.
    if !matches!(store.state(), EngineState::Ready(_)) {
        store.provide(EngineState::Unavailable);
    }
}
