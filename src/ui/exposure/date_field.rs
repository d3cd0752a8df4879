//! A contract date: a native `<input type="date">` (the browser shows it as dd/mm/yyyy in
//! French), its label, hint and errors.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::exposure::{InputError, InputField};
use crate::i18n::{Lang, Localized, Msg};
use crate::ui::exposure::field_errors::{described_by, field_errors};

/// Which of the contract's two dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateKind {
    /// The contract start (`data-testid="contract-start"`).
    Start,
    /// The contract end (`data-testid="contract-end"`; empty: still running).
    End,
}

impl DateKind {
    fn field(self) -> InputField {
        match self {
            DateKind::Start => InputField::Start,
            DateKind::End => InputField::End,
        }
    }

    /// The input's id, its contract hook, its label and its hint (id and text).
    fn parts(self) -> (&'static str, &'static str, Msg, Option<(&'static str, Msg)>) {
        match self {
            DateKind::Start => ("bc-start", "contract-start", Msg::ContractStartLabel, None),
            DateKind::End => (
                "bc-end",
                "contract-end",
                Msg::ContractEndLabel,
                Some(("bc-end-hint", Msg::ContractEndHint)),
            ),
        }
    }
}

/// Properties of [`DateField`].
#[derive(Properties, PartialEq, Clone)]
pub struct DateFieldProps {
    /// Interface language.
    pub lang: Lang,
    /// Start or end.
    pub kind: DateKind,
    /// The value as the input gives it (`YYYY-MM-DD`, or empty).
    pub value: AttrValue,
    /// This date's errors.
    pub errors: Vec<InputError>,
    /// Told the new value on every edit.
    pub on_change: Callback<String>,
}

/// One labelled date input with its hint and errors.
#[component]
pub fn DateField(props: &DateFieldProps) -> Html {
    let lang = props.lang;
    let (id, testid, label, hint) = props.kind.parts();
    // Date inputs report on `input` while typing and on `change` from the picker; the
    // reducer ignores a value it already has.
    let value_of = |on_change: Callback<String>| {
        move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_change.emit(input.value());
        }
    };
    let onchange = Callback::from(value_of(props.on_change.clone()));
    let oninput = {
        let emit = value_of(props.on_change.clone());
        Callback::from(move |event: InputEvent| emit(event.into()))
    };
    let invalid = !props.errors.is_empty();
    html! {
        <div class="bc-field">
            <label for={id}>{ label.text(lang) }</label>
            <input {id} type="date" data-testid={testid} value={props.value.clone()}
                aria-describedby={described_by(props.kind.field(), hint.map(|(id, _)| id), invalid)}
                aria-invalid={invalid.then_some("true")}
                class="rr-block rr-mask fs-mask" data-hj-suppress="" data-cs-mask=""
                data-clarity-mask="true" data-dd-privacy="mask" data-private="" data-sl="mask"
                {oninput} {onchange} />
            if let Some((hint_id, text)) = hint {
                <p id={hint_id} class="bc-hint">{ text.text(lang) }</p>
            }
            { field_errors(lang, props.kind.field(), &props.errors) }
        </div>
    }
}
