//! The strength meter: a bar, a level word, crack times and the CNIL yardstick.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{Lang, Localized, Msg, about_bits};
use crate::password::wire::Rated;
use crate::password::{CnilPosition, Score};
use crate::ui::shared::Shared;

/// What the meter shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Rating {
    /// Nothing typed yet.
    Empty,
    /// The estimator's module is on its way: the meter is busy and says so.
    Waiting,
    /// The estimator's module could not load (missing, refused by its hash, stalled).
    Unavailable,
    /// The module answered nothing readable for this password.
    Failed,
    /// Rated with the built-in list while the full dictionaries load: shown, and marked busy.
    Refining(Rc<Rated>),
    /// Rated.
    Rated(Rc<Rated>),
}

impl Rating {
    /// The rating, once there is one.
    pub fn rated(&self) -> Option<&Rated> {
        match self {
            Rating::Rated(rated) | Rating::Refining(rated) => Some(rated),
            Rating::Empty | Rating::Waiting | Rating::Unavailable | Rating::Failed => None,
        }
    }
}

/// What the meter says while it has no rating to show, in the two languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeterNote {
    /// The estimator is loading.
    Loading,
    /// The estimator could not load.
    Unavailable,
    /// The estimator failed on this password.
    Failed,
}

impl Localized for MeterNote {
    fn fr(self) -> &'static str {
        match self {
            MeterNote::Loading => "Chargement de l’indicateur de robustesse…",
            MeterNote::Unavailable => {
                "L’indicateur de robustesse n’a pas pu se charger sur cette page : votre mot de passe n’est pas évalué."
            }
            MeterNote::Failed => "Ce mot de passe n’a pas pu être évalué.",
        }
    }

    fn en(self) -> &'static str {
        match self {
            MeterNote::Loading => "Loading the strength meter…",
            MeterNote::Unavailable => {
                "The strength meter could not load on this page: your password is not rated."
            }
            MeterNote::Failed => "This password could not be rated.",
        }
    }
}

/// Properties of [`Meter`].
#[derive(Properties, PartialEq, Clone)]
pub struct MeterProps {
    /// Interface language.
    pub lang: Lang,
    /// The current rating.
    pub rating: Shared<Rating>,
}

/// The word for a score: the meter is never colour alone.
pub fn level(score: Score) -> Msg {
    match score {
        Score::Zero => Msg::Level0,
        Score::One => Msg::Level1,
        Score::Two => Msg::Level2,
        Score::Three => Msg::Level3,
        Score::Four => Msg::Level4,
    }
}

/// The meter (`data-testid="password-meter"`, `role="meter"`) and its texts.
#[component]
pub fn Meter(props: &MeterProps) -> Html {
    let lang = props.lang;
    let rated = props.rating.rated();
    let text = match &*props.rating {
        Rating::Empty => Msg::MeterEmpty.text(lang),
        Rating::Waiting => MeterNote::Loading.text(lang),
        Rating::Unavailable => MeterNote::Unavailable.text(lang),
        Rating::Failed => MeterNote::Failed.text(lang),
        Rating::Rated(rated) | Rating::Refining(rated) => level(rated.score).text(lang),
    };
    let busy = matches!(*props.rating, Rating::Waiting | Rating::Refining(_));
    let value = rated.map_or(0, |r| r.score.as_u8());
    let segments = (1..=4u8).map(|i| {
        let on = rated.is_some_and(|r| r.score.as_u8() >= i || (i == 1 && r.score == Score::Zero));
        html! { <span class={classes!("bc-seg", on.then_some("bc-seg-on"))}></span> }
    });
    let score_class = match rated {
        Some(r) => format!("bc-score-{}", r.score.as_u8()),
        None => "bc-score-none".to_owned(),
    };
    // Said aloud when it changes: the level word, or what became of the meter itself.
    let announced = !matches!(*props.rating, Rating::Empty);
    html! {
        <div class={classes!("bc-meter-block", score_class)}>
            <div class="bc-meter" role="meter" data-testid="password-meter"
                aria-label={ Msg::MeterLabel.text(lang) }
                aria-valuemin="0" aria-valuemax="4"
                aria-valuenow={ value.to_string() }
                aria-valuetext={ text }
                aria-busy={ busy.then_some("true") }
                data-score={ rated.map(|r| r.score.as_u8().to_string()) }
                data-guesses-log10={ rated.map(Rated::guesses_log10_text) }>
                { for segments }
            </div>
            <p id="bc-meter-text" class={classes!("bc-level", matches!(*props.rating, Rating::Unavailable | Rating::Failed).then_some("bc-meter-unavailable"))}>{ text }</p>
            if let Some(rated) = rated {
                <dl class="bc-times">
                    <dt>{ Msg::CrackOnlineThrottled.text(lang) }</dt>
                    <dd>{ &rated.online_throttled }</dd>
                    <dt>{ Msg::CrackOfflineFast.text(lang) }</dt>
                    <dd>{ &rated.offline_fast_hash }</dd>
                    <dt>{ Msg::CnilBits.text(lang) }</dt>
                    <dd>{ about_bits(f64::from(rated.bits), lang) }</dd>
                </dl>
                <p class="bc-hint">
                    <strong>{ cnil_text(rated.cnil).text(lang) }</strong>{ " " }
                    { Msg::CnilYardstick.text(lang) }
                </p>
            }
            // Announced politely, and only when the level word changes.
            <p class="bc-sr-only" aria-live="polite">{ announced.then_some(text) }</p>
        </div>
    }
}

/// The words for where the estimate stands against the CNIL's markers (the estimate decides
/// the position; the meter only says it).
fn cnil_text(position: CnilPosition) -> Msg {
    match position {
        CnilPosition::AboveBoth => Msg::CnilAboveBoth,
        CnilPosition::AboveFifty => Msg::CnilAboveFifty,
        CnilPosition::BelowBoth => Msg::CnilBelowBoth,
    }
}
