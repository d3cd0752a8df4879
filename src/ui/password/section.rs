//! The password section. Placeholder until the estimator lands: the field and the meter
//! with their contract hooks are in place; the meter reads 0.

use yew::prelude::*;

use crate::i18n::{Lang, Msg};

/// Properties of [`PasswordSection`].
#[derive(Properties, PartialEq, Clone)]
pub struct PasswordSectionProps {
    /// Interface language.
    pub lang: Lang,
}

/// The password field and its meter.
#[component]
pub fn PasswordSection(props: &PasswordSectionProps) -> Html {
    let lang = props.lang;
    html! {
        <section class="bc-section" aria-labelledby="bc-password-heading">
            <h2 id="bc-password-heading">{ Msg::PasswordHeading.text(lang) }</h2>
            <p class="bc-intro">{ Msg::PasswordLocalNotice.text(lang) }</p>
            <div class="bc-field">
                <label for="bc-password">{ Msg::PasswordLabel.text(lang) }</label>
                <input id="bc-password" type="password" data-testid="password"
                    autocomplete="off" spellcheck="false" autocapitalize="off" />
            </div>
            <div class="bc-meter" role="meter" data-testid="password-meter"
                aria-label={ Msg::MeterLabel.text(lang) }
                aria-valuemin="0" aria-valuemax="4" aria-valuenow="0"
                data-score="0" data-guesses-log10="0">
            </div>
            <div data-testid="password-feedback" class="bc-feedback" aria-live="polite"></div>
        </section>
    }
}
