//! The estimator's warning and suggestions, and the sentences that tie the password to the
//! leak when it holds a NIR-shaped number, a date or an insurer's name.

use yew::prelude::*;

use crate::i18n::{Lang, Localized, Msg};
use crate::ui::password::meter::Rating;
use crate::ui::shared::Shared;

/// Properties of [`PasswordFeedback`].
#[derive(Properties, PartialEq, Clone)]
pub struct PasswordFeedbackProps {
    /// Interface language.
    pub lang: Lang,
    /// The current rating: the feedback shows once there is one.
    pub rating: Shared<Rating>,
}

/// The feedback container (`data-testid="password-feedback"`).
#[component]
pub fn PasswordFeedback(props: &PasswordFeedbackProps) -> Html {
    let lang = props.lang;
    let Some(rated) = props.rating.rated() else {
        return html! { <div class="bc-feedback" data-testid="password-feedback"></div> };
    };
    let leaks = rated.leaks;
    let leak_lines = [
        (leaks.nir, Msg::LeakNir),
        (leaks.date, Msg::LeakDate),
        (leaks.context_word, Msg::LeakContext),
    ];
    html! {
        <div class="bc-feedback" data-testid="password-feedback">
            if let Some(warning) = &rated.warning {
                <p class="bc-warning">{ warning }</p>
            }
            { for leak_lines.iter().filter(|(on, _)| *on).map(|(_, msg)| html! {
                <p class="bc-leak">{ msg.text(lang) }</p>
            }) }
            if !rated.suggestions.is_empty() {
                <ul class="bc-suggestions">
                    { for rated.suggestions.iter().map(|s| html! { <li>{ s }</li> }) }
                </ul>
            }
        </div>
    }
}
