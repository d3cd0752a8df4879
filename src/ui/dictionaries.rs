//! The full password dictionaries, shared by every widget on the page.
//!
//! The loader fetches the bundle's dictionary file after the first widget has painted and
//! hands the bytes to `embed::provide_dictionaries`, which decodes them once and calls
//! [`provide`]. Every mounted app listens through [`use_dictionaries`] and re-rates what its
//! visitor has already typed.

use std::cell::RefCell;
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

thread_local! {
    static STATE: RefCell<DictionaryState> = const { RefCell::new(DictionaryState::Loading) };
    static LISTENERS: RefCell<Vec<(u64, Callback<()>)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: RefCell<u64> = const { RefCell::new(0) };
}

/// Records the new state and tells every mounted app.
pub fn provide(state: DictionaryState) {
    STATE.with(|s| *s.borrow_mut() = state);
    let listeners: Vec<Callback<()>> =
        LISTENERS.with(|l| l.borrow().iter().map(|(_, cb)| cb.clone()).collect());
    for listener in listeners {
        listener.emit(());
    }
}

/// The current state of the dictionaries; the calling component re-renders when it changes.
#[hook]
pub fn use_dictionaries() -> DictionaryState {
    let state = use_state(|| STATE.with(|s| s.borrow().clone()));
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let id = NEXT_ID.with(|n| {
                let mut n = n.borrow_mut();
                *n += 1;
                *n
            });
            let listener = Callback::from(move |()| state.set(STATE.with(|s| s.borrow().clone())));
            LISTENERS.with(|l| l.borrow_mut().push((id, listener)));
            move || LISTENERS.with(|l| l.borrow_mut().retain(|(other, _)| *other != id))
        });
    }
    (*state).clone()
}
