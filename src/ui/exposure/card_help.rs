//! How to read the operator on a tiers-payant card, and why the card can mislead.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{Lang, Localized, Msg};
use crate::pack::Pack;

/// Properties of [`CardHelp`].
#[derive(Properties, PartialEq, Clone)]
pub struct CardHelpProps {
    /// Interface language.
    pub lang: Lang,
    /// The pack, for each operator's and network's own hint.
    pub pack: Rc<Pack>,
}

/// Where the operator is printed, the card's caveats, and each operator's own hint.
#[component]
pub fn CardHelp(props: &CardHelpProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="bc-card-help" role="note" aria-labelledby="bc-card-help-heading">
            <h3 id="bc-card-help-heading">{ Msg::CardHelpHeading.text(lang) }</h3>
            <p>{ Msg::CardHelpWhere.text(lang) }</p>
            <ul>
                <li>{ Msg::CardCaveatCurrent.text(lang) }</li>
                <li>{ Msg::CardCaveatInsurerOnly.text(lang) }</li>
                <li>{ Msg::CardCaveatNetwork.text(lang) }</li>
            </ul>
            <dl class="bc-card-hints">
                { for props.pack.operators.iter().map(|operator| html! {
                    <>
                        <dt>{ &operator.name }</dt>
                        <dd>{ operator.card_hint.get(lang).to_owned() }</dd>
                    </>
                }) }
            </dl>
        </div>
    }
}
