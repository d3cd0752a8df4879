//! The full password dictionaries, as the apps of a page see them.
//!
//! The loader fetches the bundle's dictionary file after the first widget has painted and
//! hands the bytes to the embed, which decodes them once and records the result in the
//! page's one [`DictionaryStore`]. The embed gives that store to every app through its
//! props; [`use_dictionaries`] subscribes to it, so each app re-rates what its visitor has
//! already typed when the dictionaries arrive.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use yew::prelude::*;

use crate::password::Dictionaries;

/// Where the full dictionaries are.
#[derive(Clone, Debug)]
pub enum DictionaryState {
    /// Not arrived yet.
    Loading,
    /// Decoded and ready.
    Ready(Arc<Dictionaries>),
    /// They could not load or decode: the estimator's small built-in list is used.
    Unavailable,
}

impl DictionaryState {
    /// `loading`, `ready` or `unavailable`: put on the widget's root for tests and styling.
    pub fn as_str(&self) -> &'static str {
        match self {
            DictionaryState::Loading => "loading",
            DictionaryState::Ready(_) => "ready",
            DictionaryState::Unavailable => "unavailable",
        }
    }
}

impl PartialEq for DictionaryState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (DictionaryState::Loading, DictionaryState::Loading)
            | (DictionaryState::Unavailable, DictionaryState::Unavailable) => true,
            (DictionaryState::Ready(a), DictionaryState::Ready(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// The dictionary state of one page and the apps that listen to it.
///
/// One per page, owned by the embed beside the page's other shared state; apps only hold
/// an `Rc` to it through their props. Two stores are equal only when they are the same one.
#[derive(Debug)]
pub struct DictionaryStore {
    state: RefCell<DictionaryState>,
    listeners: RefCell<Vec<(u64, Callback<()>)>>,
    next_id: Cell<u64>,
}

impl Default for DictionaryStore {
    fn default() -> Self {
        DictionaryStore {
            state: RefCell::new(DictionaryState::Loading),
            listeners: RefCell::new(Vec::new()),
            next_id: Cell::new(0),
        }
    }
}

impl PartialEq for DictionaryStore {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl DictionaryStore {
    /// The current state.
    pub fn state(&self) -> DictionaryState {
        self.state.borrow().clone()
    }

    /// Records the new state and tells every listening app.
    pub fn provide(&self, state: DictionaryState) {
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
pub fn use_dictionaries(store: &Rc<DictionaryStore>) -> DictionaryState {
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
