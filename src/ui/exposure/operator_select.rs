//! The operator read on the card: a `<select>` of the pack's operators and care networks,
//! "other" and "I don't know" (which opens the card help).

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::exposure::{InputError, InputField, OperatorChoice};
use crate::i18n::{Lang, Localized, Msg};
use crate::pack::{OperatorKind, Pack};
use crate::ui::exposure::card_help::CardHelp;
use crate::ui::exposure::field_errors::{described_by, field_errors};

/// Properties of [`OperatorSelect`].
#[derive(Properties, PartialEq, Clone)]
pub struct OperatorSelectProps {
    /// Interface language.
    pub lang: Lang,
    /// The pack whose operators are offered.
    pub pack: Rc<Pack>,
    /// The current value (an operator id, `other`, `unknown`, or empty).
    pub value: AttrValue,
    /// The operator's errors.
    pub errors: Vec<InputError>,
    /// Told the new value.
    pub on_change: Callback<String>,
}

/// The labelled select, its hint, errors and, for "I don't know", the card help.
#[component]
pub fn OperatorSelect(props: &OperatorSelectProps) -> Html {
    let lang = props.lang;
    let value = props.value.as_str();
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            on_change.emit(select.value());
        })
    };
    let option = |id: &str, name: &str| {
        html! { <option value={id.to_owned()} selected={value == id}>{ name.to_owned() }</option> }
    };
    let group = |kind: OperatorKind| {
        props
            .pack
            .operators
            .iter()
            .filter(|o| o.kind == kind)
            .map(|o| option(&o.id, &o.name))
            .collect::<Html>()
    };
    // An id the pack does not have shows as "choose" (its error says why).
    let chosen = matches!(OperatorChoice::parse(&props.pack, value), Ok(Some(_)));
    let invalid = !props.errors.is_empty();
    let unknown = matches!(
        OperatorChoice::parse(&props.pack, value),
        Ok(Some(OperatorChoice::Unknown))
    );
    html! {
        <div class="bc-field">
            <label for="bc-operator">{ Msg::OperatorLabel.text(lang) }</label>
            <select id="bc-operator" data-testid="operator" {onchange}
                aria-describedby={described_by(InputField::Operator, Some("bc-operator-hint"), invalid)}
                aria-invalid={invalid.then_some("true")}
                class="rr-block rr-mask fs-mask" data-hj-suppress="" data-cs-mask=""
                data-clarity-mask="true" data-dd-privacy="mask" data-private="" data-sl="mask">
                <option value="" selected={!chosen}>{ Msg::OperatorChoose.text(lang) }</option>
                <optgroup label={Msg::OperatorGroupOperators.text(lang)}>
                    { group(OperatorKind::TiersPayant) }
                </optgroup>
                <optgroup label={Msg::OperatorGroupNetworks.text(lang)}>
                    { group(OperatorKind::CareNetwork) }
                </optgroup>
                { option(OperatorChoice::OTHER, Msg::OperatorOther.text(lang)) }
                { option(OperatorChoice::UNKNOWN, Msg::OperatorUnknown.text(lang)) }
            </select>
            <p id="bc-operator-hint" class="bc-hint">{ Msg::OperatorHint.text(lang) }</p>
            { field_errors(lang, InputField::Operator, &props.errors) }
            if unknown {
                <CardHelp {lang} pack={Rc::clone(&props.pack)} />
            }
        </div>
    }
}
