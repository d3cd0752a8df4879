//! The password engine's module and the dictionaries, handed over by the loader for the whole
//! page.
//!
//! Right after the main wasm has started, the loader gives [`set_password_loader`] the
//! function that fetches the two files. The first time a visitor uses a password section the
//! page's store turns to loading and that function is called, once per page. The loader then
//! checks `breach-check-password.wasm` against its pinned hash, instantiates it (it imports
//! nothing) and calls [`provide_password_engine`] with a small wrapper around its exports, or
//! [`password_engine_unavailable`] when it was refused, damaged or too slow; it writes the
//! dictionary file into that module and calls [`dictionaries_ready`], or
//! [`dictionaries_unavailable`]. A module or a file that arrives after it was given up for
//! still takes over.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::Callback;

use crate::ui::password::engine::{DictionaryState, PasswordEngine, PasswordState, PasswordStore};
use crate::ui::shared::Load;

/// The page's password state and what fetches it.
#[derive(Default)]
struct Password {
    store: Option<Rc<PasswordStore>>,
    /// The loader's function that fetches the module and the dictionaries.
    load: Option<js_sys::Function>,
    /// What every app calls on first use (one callback for the page, so props compare equal).
    want: Option<Callback<()>>,
}

thread_local! {
    static PASSWORD: RefCell<Password> = RefCell::new(Password::default());
}

/// The page's password store, shared by every widget.
pub(super) fn store() -> Rc<PasswordStore> {
    PASSWORD.with(|page| Rc::clone(page.borrow_mut().store.get_or_insert_with(Rc::default)))
}

/// What a password section calls when a visitor first uses it: the first call marks the
/// module and the dictionaries as loading and asks the loader for them; later calls do
/// nothing. With no loader to ask (the widget mounted without one), the meter says it could
/// not load.
pub(super) fn want() -> Callback<()> {
    PASSWORD.with(|page| {
        page.borrow_mut()
            .want
            .get_or_insert_with(|| Callback::from(|()| start()))
            .clone()
    })
}

fn start() {
    let store = store();
    if store.state().engine != Load::Idle {
        return;
    }
    let load = PASSWORD.with(|page| page.borrow().load.clone());
    match load {
        Some(load) => {
            store.provide(PasswordState {
                engine: Load::Loading,
                dictionaries: DictionaryState::Loading,
            });
            // A throwing loader leaves the state at loading: its own failure path says so.
            let _ = load.call0(&JsValue::NULL);
        }
        None => store.provide(PasswordState {
            engine: Load::Unavailable,
            dictionaries: DictionaryState::Unavailable,
        }),
    }
}

/// Gives the page what fetches the password engine's module and the dictionary file: the
/// loader's function, called once, the first time a visitor uses a password section. The
/// loader calls this right after the wasm has started, before any widget mounts.
#[wasm_bindgen(js_name = setPasswordLoader)]
pub fn set_password_loader(load: js_sys::Function) {
    PASSWORD.with(|page| page.borrow_mut().load = Some(load));
}

/// Hands the password engine's module to every widget on the page.
#[wasm_bindgen(js_name = providePasswordEngine)]
pub fn provide_password_engine(engine: PasswordEngine) {
    store().update(|state| state.engine = Load::Ready(Rc::new(engine)));
}

/// Tells every widget that the password engine's module could not load.
#[wasm_bindgen(js_name = passwordEngineUnavailable)]
pub fn password_engine_unavailable() {
    store().update(|state| {
        // A module already running stays in use.
        if !matches!(state.engine, Load::Ready(_)) {
            state.engine = Load::Unavailable;
        }
    });
}

/// Tells every widget that the engine now rates with the full dictionaries.
#[wasm_bindgen(js_name = dictionariesReady)]
pub fn dictionaries_ready() {
    store().update(|state| state.dictionaries = DictionaryState::Ready);
}

/// Tells every widget that the dictionary file could not be loaded or decoded (or is taking
/// too long: should it arrive later, `dictionariesReady` still follows).
#[wasm_bindgen(js_name = dictionariesUnavailable)]
pub fn dictionaries_unavailable() {
    store().update(|state| {
        if state.dictionaries != DictionaryState::Ready {
            state.dictionaries = DictionaryState::Unavailable;
        }
    });
}
