//! The exposure section's form. Placeholder wiring until the engine lands: the inputs and
//! their contract hooks are in place, no verdict is computed yet.

use yew::prelude::*;

use crate::i18n::{Lang, Msg};

/// Properties of [`ExposureSection`].
#[derive(Properties, PartialEq, Clone)]
pub struct ExposureSectionProps {
    /// Interface language.
    pub lang: Lang,
}

/// The "was I exposed?" form.
#[component]
pub fn ExposureSection(props: &ExposureSectionProps) -> Html {
    let lang = props.lang;
    html! {
        <section class="bc-section" aria-labelledby="bc-exposure-heading">
            <h2 id="bc-exposure-heading">{ Msg::ExposureHeading.text(lang) }</h2>
            <p class="bc-intro">{ Msg::ExposureIntro.text(lang) }</p>
            <div class="bc-field">
                <label for="bc-insurer">{ Msg::InsurerLabel.text(lang) }</label>
                <input id="bc-insurer" type="text" data-testid="insurer" role="combobox"
                    aria-autocomplete="list" aria-expanded="false" autocomplete="off"
                    aria-describedby="bc-insurer-hint" />
                <p id="bc-insurer-hint" class="bc-hint">{ Msg::InsurerHint.text(lang) }</p>
            </div>
            <div class="bc-field">
                <label for="bc-operator">{ Msg::OperatorLabel.text(lang) }</label>
                <select id="bc-operator" data-testid="operator">
                    <option value="">{ Msg::OperatorChoose.text(lang) }</option>
                    <option value="other">{ Msg::OperatorOther.text(lang) }</option>
                    <option value="unknown">{ Msg::OperatorUnknown.text(lang) }</option>
                </select>
            </div>
            <div class="bc-dates">
                <div class="bc-field">
                    <label for="bc-start">{ Msg::ContractStartLabel.text(lang) }</label>
                    <input id="bc-start" type="date" data-testid="contract-start" />
                </div>
                <div class="bc-field">
                    <label for="bc-end">{ Msg::ContractEndLabel.text(lang) }</label>
                    <input id="bc-end" type="date" data-testid="contract-end"
                        aria-describedby="bc-end-hint" />
                    <p id="bc-end-hint" class="bc-hint">{ Msg::ContractEndHint.text(lang) }</p>
                </div>
            </div>
        </section>
    }
}
