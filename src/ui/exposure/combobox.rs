//! An accessible combobox (WAI-ARIA 1.2 "list autocomplete" pattern) for picking an insurer.
//!
//! The visitor types; the list shows what the core's search (`Pack::search_insurers`) finds:
//! insurers whose name or alias contains every typed word, ignoring case and accents, best
//! first. Arrow keys move the active option
//! (`aria-activedescendant`, focus stays in the field), Enter picks it (or the only option
//! left), Escape closes the list. A name or alias typed in full picks its option at once.
//! Picking sets `data-insurer-id` on the field (the contract's hook for tests).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::pack::Pack;
use crate::text::fold_for_search;

/// One option of the list: an insurer the core's search found.
#[derive(Clone, Debug, PartialEq)]
struct ComboOption {
    /// The value reported when picked (an insurer id).
    id: String,
    /// What the visitor reads.
    label: String,
}

/// Properties of [`Combobox`].
#[derive(Properties, PartialEq, Clone)]
pub struct ComboboxProps {
    /// The field's id (its `<label for>` points at it).
    pub id: AttrValue,
    /// The `data-testid` of the field.
    pub testid: AttrValue,
    /// The pack whose insurers are offered.
    pub pack: Rc<Pack>,
    /// The picked option's id, if any.
    pub selected: Option<String>,
    /// Ids of elements that describe the field (hint, error).
    pub describedby: AttrValue,
    /// Whether the field holds an error (`aria-invalid`).
    pub invalid: bool,
    /// Text shown when nothing matches.
    pub no_match: AttrValue,
    /// Called with the picked id, or `None` when the visitor edits the text again.
    pub on_select: Callback<Option<String>>,
}

/// The combobox's own state: the text in the field, whether the list is open, the active
/// option.
#[derive(Clone, Debug, Default, PartialEq)]
struct ComboState {
    text: Option<String>,
    open: bool,
    active: Option<usize>,
}

/// A text field with a filtered list of options.
#[component]
pub fn Combobox(props: &ComboboxProps) -> Html {
    let state = use_state(ComboState::default);
    let selected_label = props
        .selected
        .as_deref()
        .and_then(|id| props.pack.insurer(id))
        .map(|i| i.name.clone());
    // Until the visitor types, the field shows the picked option's name.
    let text = state
        .text
        .clone()
        .or_else(|| selected_label.clone())
        .unwrap_or_default();
    let query = fold_for_search(&text);
    let words: Vec<&str> = query.split_whitespace().collect();
    let matches: Vec<ComboOption> = props
        .pack
        .search_insurers(&text)
        .into_iter()
        .take(12)
        .map(|i| ComboOption {
            id: i.id.clone(),
            label: i.name.clone(),
        })
        .collect();
    let listbox_id = format!("{}-list", props.id);
    let option_id = |i: usize| format!("{}-opt-{i}", props.id);
    let active = state.active.filter(|i| *i < matches.len());

    let pick = {
        let state = state.clone();
        let on_select = props.on_select.clone();
        move |option: &ComboOption| {
            state.set(ComboState {
                text: Some(option.label.clone()),
                open: false,
                active: None,
            });
            on_select.emit(Some(option.id.clone()));
        }
    };

    let on_input = {
        let state = state.clone();
        let on_select = props.on_select.clone();
        let pack = Rc::clone(&props.pack);
        let selected = props.selected.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let value = input.value();
            // A name or alias typed in full picks its insurer, as if chosen from the list.
            let exact = pack.insurer_named(&value);
            state.set(ComboState {
                text: Some(value),
                open: exact.is_none(),
                active: None,
            });
            let now = exact.map(|o| o.id.clone());
            if now != selected {
                on_select.emit(now);
            }
        })
    };
    let on_keydown = {
        let state = state.clone();
        let pick = pick.clone();
        let matched: Vec<ComboOption> = matches.clone();
        Callback::from(move |event: KeyboardEvent| {
            // A page script can dispatch a plain `new Event('keydown')`, which has no `key`:
            // reading it would throw through the wasm, so such an event is ignored.
            let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            let count = matched.len();
            let mut next = (*state).clone();
            match event.key().as_str() {
                "ArrowDown" => {
                    event.prevent_default();
                    next.open = true;
                    next.active = match (state.open, state.active) {
                        (true, Some(i)) if count > 0 => Some((i + 1) % count),
                        _ if count > 0 => Some(0),
                        _ => None,
                    };
                }
                "ArrowUp" => {
                    event.prevent_default();
                    next.open = true;
                    next.active = match state.active {
                        Some(i) if count > 0 => Some((i + count - 1) % count),
                        _ if count > 0 => Some(count - 1),
                        _ => None,
                    };
                }
                "Enter" => {
                    // The active option, or the only one left.
                    let only = (count == 1).then(|| matched.first()).flatten();
                    if let Some(option) = state.active.and_then(|i| matched.get(i)).or(only) {
                        event.prevent_default();
                        pick(option);
                        return;
                    }
                }
                "Escape" => {
                    next.open = false;
                    next.active = None;
                }
                _ => return,
            }
            state.set(next);
        })
    };
    let on_blur = {
        let state = state.clone();
        Callback::from(move |_: FocusEvent| {
            let mut next = (*state).clone();
            next.open = false;
            next.active = None;
            state.set(next);
        })
    };

    let expanded = state.open && !words.is_empty();
    html! {
        <div class="bc-combo">
            <input id={props.id.clone()} type="text" data-testid={props.testid.clone()}
                role="combobox" aria-autocomplete="list"
                aria-expanded={ if expanded { "true" } else { "false" } }
                aria-controls={listbox_id.clone()}
                aria-activedescendant={ active.filter(|_| expanded).map(option_id) }
                aria-describedby={props.describedby.clone()}
                aria-invalid={ props.invalid.then_some("true") }
                data-insurer-id={props.selected.clone()}
                autocomplete="off" autocorrect="off" spellcheck="false"
                class="rr-block rr-mask fs-mask" data-hj-suppress="" data-cs-mask=""
                data-clarity-mask="true" data-dd-privacy="mask" data-private="" data-sl="mask"
                value={text}
                oninput={on_input} onkeydown={on_keydown} onblur={on_blur} />
            <ul id={listbox_id} role="listbox" class="bc-listbox" hidden={!expanded}>
                { for matches.iter().enumerate().map(|(i, option)| {
                    let onmousedown = {
                        let pick = pick.clone();
                        let option = option.clone();
                        // mousedown, not click: it comes before the field's blur closes the list.
                        Callback::from(move |event: MouseEvent| {
                            event.prevent_default();
                            pick(&option);
                        })
                    };
                    html! {
                        <li id={option_id(i)} role="option" data-value={option.id.clone()}
                            class={classes!("bc-option", (active == Some(i)).then_some("bc-active"))}
                            aria-selected={ if active == Some(i) { "true" } else { "false" } }
                            {onmousedown}>
                            { &option.label }
                        </li>
                    }
                }) }
                if matches.is_empty() {
                    <li class="bc-option bc-no-match" role="option" aria-disabled="true"
                        aria-selected="false">{ props.no_match.clone() }</li>
                }
            </ul>
        </div>
    }
}
