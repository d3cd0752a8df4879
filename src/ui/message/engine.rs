//! The message engine's module, as the apps of a page see it.
//!
//! The loader instantiates `breach-check-message.wasm` (checked against its pinned hash) on
//! first use and hands the embed an object with one method, `check(request) -> answer`, over
//! the bytes of [`crate::message::wire`]. The embed records it in the page's one
//! [`EngineStore`]; [`use_engine`] subscribes an app to it, so a section that waited for the
//! engine rates what was already pasted as soon as it arrives.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

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

/// Where the engine is.
#[derive(Clone, Debug)]
pub enum EngineState {
    /// Nobody used a message section yet: nothing was fetched.
    Idle,
    /// A visitor used one; the loader is fetching the module.
    Loading,
    /// Ready to rate.
    Ready(Rc<MessageEngine>),
    /// It could not load (refused, stalled, damaged).
    Unavailable,
}

impl PartialEq for EngineState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (EngineState::Idle, EngineState::Idle)
            | (EngineState::Loading, EngineState::Loading)
            | (EngineState::Unavailable, EngineState::Unavailable) => true,
            (EngineState::Ready(a), EngineState::Ready(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// The engine state of one page and the apps that listen to it. Two stores are equal only
/// when they are the same one.
#[derive(Debug)]
pub struct EngineStore {
    state: RefCell<EngineState>,
    listeners: RefCell<Vec<(u64, Callback<()>)>>,
    next_id: Cell<u64>,
}

impl Default for EngineStore {
    fn default() -> Self {
        EngineStore {
            state: RefCell::new(EngineState::Idle),
            listeners: RefCell::new(Vec::new()),
            next_id: Cell::new(0),
        }
    }
}

impl PartialEq for EngineStore {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl EngineStore {
    /// The current state.
    pub fn state(&self) -> EngineState {
        self.state.borrow().clone()
    }

    /// A visitor used a section: show that the engine is coming. The loader heard the same
    /// focus or input event and is fetching it; a later state (ready, unavailable) stays.
    pub fn wanted(&self) {
        if *self.state.borrow() == EngineState::Idle {
            self.provide(EngineState::Loading);
        }
    }

    /// Records the new state and tells every listening app.
    pub fn provide(&self, state: EngineState) {
        *self.state.borrow_mut() = state;
        // Copied out first: a listener may subscribe or leave while it runs.
        let listeners: Vec<Callback<()>> = self
            .listeners
            .borrow()
            .iter()
            .map(|(_, cb)| cb.clone())
            .collect();
        for listener in listeners {
            listener.emit(());
        }
    }

    fn subscribe(&self, listener: Callback<()>) -> u64 {
        let id = self.next_id.get() + 1;
        self.next_id.set(id);
        self.listeners.borrow_mut().push((id, listener));
        id
    }

    fn unsubscribe(&self, id: u64) {
        self.listeners
            .borrow_mut()
            .retain(|(other, _)| *other != id);
    }
}

/// The current state of `store`; the calling component re-renders when it changes.
#[hook]
pub fn use_engine(store: &Rc<EngineStore>) -> EngineState {
    let state = use_state(|| store.state());
    {
        let state = state.clone();
        use_effect_with(Rc::clone(store), move |store| {
            let listener = {
                let store = Rc::clone(store);
                Callback::from(move |()| state.set(store.state()))
            };
            let id = store.subscribe(listener);
            let store = Rc::clone(store);
            move || store.unsubscribe(id)
        });
    }
    (*state).clone()
}
