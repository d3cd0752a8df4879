//! The message engine's module, as the apps of a page see it.
//!
//! The loader instantiates `breach-check-message.wasm` (checked against its pinned hash) on
//! first use and hands the embed an object with one method, `check(request) -> answer`, over
//! the bytes of [`crate::message::wire`]. The embed records it in the page's one
//! [`EngineStore`] (a [`PageStore`]); [`use_engine`] subscribes an app to it, so a section that
//! waited for the engine rates what was already pasted as soon as it arrives.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::ui::shared::{Load, PageStore, use_page_store};

#[wasm_bindgen]
extern "C" {
    /// The engine module, wrapped by the loader: `check` copies the request into the
    /// module's memory, calls its `check` export and copies the answer out. It returns no
    /// bytes when the module failed, which the section reads as an error.
    #[derive(Debug)]
    pub type MessageEngine;

    #[wasm_bindgen(method)]
    fn check(this: &MessageEngine, request: &[u8]) -> Vec<u8>;
}

impl MessageEngine {
    /// The engine's answer to `request` (empty when the module failed).
    pub fn answer(&self, request: &[u8]) -> Vec<u8> {
        self.check(request)
    }
}

/// Where the engine is: idle (nobody used a message section), loading, ready, unavailable.
pub type EngineState = Load<MessageEngine>;

/// The engine state of one page and the apps that listen to it.
pub type EngineStore = PageStore<EngineState>;

/// The current state of `store`; the calling component re-renders when it changes.
#[hook]
pub fn use_engine(store: &Rc<EngineStore>) -> EngineState {
    use_page_store(store)
}
