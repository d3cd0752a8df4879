//! The errors of one input, shown next to it (`data-testid="input-error"`).

use yew::prelude::*;

use crate::exposure::{InputError, InputField};
use crate::i18n::{Lang, Localized};

/// The id of the element that holds `field`'s errors (the field's `aria-describedby` names
/// it).
pub fn error_id(field: InputField) -> &'static str {
    match field {
        InputField::Insurer => "bc-insurer-error",
        InputField::Operator => "bc-operator-error",
        InputField::Start => "bc-start-error",
        InputField::End => "bc-end-error",
    }
}

/// The errors among `errors` that concern `field`.
pub fn errors_for(errors: &[InputError], field: InputField) -> Vec<InputError> {
    errors
        .iter()
        .copied()
        .filter(|e| e.field() == field)
        .collect()
}

/// A field's `aria-describedby`: its hint, then its errors when it has some.
pub fn described_by(field: InputField, hint: Option<&str>, has_errors: bool) -> AttrValue {
    let ids: Vec<&str> = hint
        .into_iter()
        .chain(has_errors.then(|| error_id(field)))
        .collect();
    AttrValue::from(ids.join(" "))
}

/// The messages under a field, each with the contract's `data-error` code; nothing when it
/// has none. A plain function rather than a component: it has no state, and every component
/// type costs the bundle its own copy of Yew's lifecycle code.
pub fn field_errors(lang: Lang, field: InputField, errors: &[InputError]) -> Html {
    if errors.is_empty() {
        return html! {};
    }
    html! {
        <div id={error_id(field)} class="bc-errors">
            { for errors.iter().map(|error| html! {
                <p class="bc-error" data-testid="input-error" data-error={error.code()}>
                    <span aria-hidden="true">{ "⚠ " }</span>{ error.text(lang) }
                </p>
            }) }
        </div>
    }
}
