//! The full password dictionaries, as the apps of a page see them, and when they are asked for.
//!
//! Most visitors never type a password, so the dictionary file is not part of a page view:
//! it is asked for the first time a visitor uses a password section, that is when the section
//! scrolls into view ([`use_first_sight`]) or something in it takes the focus. Until it has
//! arrived the estimator rates with its small built-in list and the meter says it is
//! refining; when it cannot arrive, the built-in list goes on rating, with a note.
//!
//! The loader fetches the file when the page's one [`DictionaryStore`] asks
//! ([`DictionaryStore::want`]), and hands the bytes to the embed, which decodes them once and
//! records the result in the store. The embed gives that store to every app through its
//! props; [`use_dictionaries`] subscribes to it, so each app re-rates what its visitor has
//! already typed when the dictionaries arrive.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};
use yew::prelude::*;

use crate::password::Dictionaries;

/// Where the full dictionaries are.
#[derive(Clone, Debug)]
pub enum DictionaryState {
    /// Not asked for yet: no visitor of the page has used a password section.
    Idle,
    /// Asked for, not arrived yet.
    Loading,
    /// Decoded and ready.
    Ready(Arc<Dictionaries>),
    /// They could not load or decode: the estimator's small built-in list is used.
    Unavailable,
}

impl DictionaryState {
    /// `idle`, `loading`, `ready` or `unavailable`: put on the widget's root for tests and
    /// styling.
    pub fn as_str(&self) -> &'static str {
        match self {
            DictionaryState::Idle => "idle",
            DictionaryState::Loading => "loading",
            DictionaryState::Ready(_) => "ready",
            DictionaryState::Unavailable => "unavailable",
        }
    }

    /// The full dictionaries, once they are here.
    pub fn ready(&self) -> Option<&Arc<Dictionaries>> {
        match self {
            DictionaryState::Ready(full) => Some(full),
            DictionaryState::Idle | DictionaryState::Loading | DictionaryState::Unavailable => None,
        }
    }
}

impl PartialEq for DictionaryState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (DictionaryState::Idle, DictionaryState::Idle)
            | (DictionaryState::Loading, DictionaryState::Loading)
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
    /// Starts the download (the embed sets it to the loader's function); the store calls it
    /// once, on the first [`DictionaryStore::want`].
    fetch: RefCell<Option<Callback<()>>>,
}

impl Default for DictionaryStore {
    fn default() -> Self {
        DictionaryStore {
            state: RefCell::new(DictionaryState::Idle),
            listeners: RefCell::new(Vec::new()),
            next_id: Cell::new(0),
            fetch: RefCell::new(None),
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

    /// Sets what starts the download when a visitor first uses a password section.
    pub fn set_fetch(&self, fetch: Callback<()>) {
        *self.fetch.borrow_mut() = Some(fetch);
    }

    /// A visitor is using a password section: the first call starts the download (the state
    /// becomes `Loading`); later calls do nothing. With nothing to start it (no loader), the
    /// built-in list is all there is.
    pub fn want(&self) {
        if *self.state.borrow() != DictionaryState::Idle {
            return;
        }
        let fetch = self.fetch.borrow().clone();
        match fetch {
            Some(fetch) => {
                self.provide(DictionaryState::Loading);
                fetch.emit(());
            }
            None => self.provide(DictionaryState::Unavailable),
        }
    }

    /// Records the new state and tells every listening app. Dictionaries that arrive after
    /// they were given up for (a stalled download that finished) still replace the built-in
    /// list.
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

/// Calls `seen` once, the first time the element of `node` scrolls into view (or at once when
/// it is in view already), while `watch` holds; stops watching when `watch` turns false or the
/// component leaves.
///
/// The browser's `IntersectionObserver` does the watching, so scrolling costs nothing here.
/// A browser without one gets no call: the focus still asks for the dictionaries.
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
