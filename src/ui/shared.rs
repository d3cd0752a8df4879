//! What components share: [`Shared`], a memoised value handed down and compared by
//! identity; [`PageStore`], page-wide state (a part of the bundle loaded on first use) that
//! every app of the page listens to, with [`use_page_store`].

use std::cell::{Cell, RefCell};
use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

/// A value made by `use_memo` and passed through props, compared by identity.
///
/// `use_memo` builds a new `Rc` only when its inputs change, so the same `Rc` means the same
/// value: props holding a `Shared` compare in constant time, however large the value (a whole
/// password estimate, an estimator context), and nothing is cloned to pass it down.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// Where a part of the bundle that is fetched on first use stands (the message engine, the
/// password engine). A ready part is compared by identity.
#[derive(Debug, Default)]
pub enum Load<T> {
    /// Nobody used a section that needs it: nothing was fetched.
    #[default]
    Idle,
    /// A visitor used one; the loader is fetching it.
    Loading,
    /// Here and ready.
    Ready(Rc<T>),
    /// It could not load (missing, refused by its hash, stalled).
    Unavailable,
}

impl<T> Load<T> {
    /// `idle`, `loading`, `ready` or `unavailable`, for the widget's data attributes.
    pub fn as_str(&self) -> &'static str {
        match self {
            Load::Idle => "idle",
            Load::Loading => "loading",
            Load::Ready(_) => "ready",
            Load::Unavailable => "unavailable",
        }
    }
}

impl<T> Clone for Load<T> {
    fn clone(&self) -> Self {
        match self {
            Load::Idle => Load::Idle,
            Load::Loading => Load::Loading,
            Load::Ready(part) => Load::Ready(Rc::clone(part)),
            Load::Unavailable => Load::Unavailable,
        }
    }
}

impl<T> PartialEq for Load<T> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Load::Idle, Load::Idle)
            | (Load::Loading, Load::Loading)
            | (Load::Unavailable, Load::Unavailable) => true,
            (Load::Ready(a), Load::Ready(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// One piece of page-wide state and the apps that listen to it: the embed owns one per page
/// (in `embed`), every app holds an `Rc` to it through its props and subscribes with
/// [`use_page_store`], so that what the loader hands over once reaches every widget.
///
/// Two stores are equal only when they are the same one.
#[derive(Debug)]
pub struct PageStore<S> {
    state: RefCell<S>,
    listeners: RefCell<Vec<(u64, Callback<()>)>>,
    next_id: Cell<u64>,
}

impl<S: Default> Default for PageStore<S> {
    fn default() -> Self {
        PageStore {
            state: RefCell::new(S::default()),
            listeners: RefCell::new(Vec::new()),
            next_id: Cell::new(0),
        }
    }
}

impl<S> PartialEq for PageStore<S> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl<S: Clone> PageStore<S> {
    /// The current state.
    pub fn state(&self) -> S {
        self.state.borrow().clone()
    }

    /// Records the new state and tells every listening app.
    pub fn provide(&self, state: S) {
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

    /// Changes the state with `change` and tells every listening app.
    pub fn update(&self, change: impl FnOnce(&mut S)) {
        let mut state = self.state();
        change(&mut state);
        self.provide(state);
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

impl<T> PageStore<Load<T>> {
    /// A visitor used a section that needs the part: show that it is coming (the loader is
    /// fetching it); a later state (ready, unavailable) stays.
    // Only the message section asks this way, and the main module built without it has none.
    #[cfg_attr(without_message_section, allow(dead_code))]
    pub fn wanted(&self) {
        if matches!(*self.state.borrow(), Load::Idle) {
            self.provide(Load::Loading);
        }
    }
}

/// The current state of `store`; the calling component re-renders when it changes.
#[hook]
pub fn use_page_store<S>(store: &Rc<PageStore<S>>) -> S
where
    S: Clone + 'static,
{
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
