//! Short, general password advice under the meter.

use yew::prelude::*;

use crate::i18n::{Lang, Localized, Msg};

/// Properties of [`PasswordAdvice`].
#[derive(Properties, PartialEq, Clone)]
pub struct PasswordAdviceProps {
    /// Interface language.
    pub lang: Lang,
}

/// Passphrase, manager, one password per site, 2FA, and the NIR-login accounts.
#[component]
pub fn PasswordAdvice(props: &PasswordAdviceProps) -> Html {
    let lang = props.lang;
    let items = [
        Msg::AdvicePassphrase,
        Msg::AdviceManager,
        Msg::AdviceUnique,
        Msg::Advice2fa,
        Msg::AdviceNirLogin,
    ];
    html! {
        <div class="bc-advice">
            <h3>{ Msg::AdviceHeading.text(lang) }</h3>
            <ul>{ for items.iter().map(|m| html! { <li>{ m.text(lang) }</li> }) }</ul>
        </div>
    }
}
