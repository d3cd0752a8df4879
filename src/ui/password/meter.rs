//! The strength meter: a bar, a level word, crack times and the CNIL yardstick.

use yew::prelude::*;

use crate::i18n::{Lang, Localized, Msg, about_bits};
use crate::password::{CnilPosition, Estimate, Score};
use crate::ui::shared::Shared;

/// What the meter shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Rating {
    /// Nothing typed yet.
    Empty,
    /// Rated with the built-in list while the full dictionaries load: shown, and marked busy.
    Refining(Box<Estimate>),
    /// Rated.
    Rated(Box<Estimate>),
}

impl Rating {
    /// The estimate, once there is one.
    pub fn estimate(&self) -> Option<&Estimate> {
        match self {
            Rating::Rated(estimate) | Rating::Refining(estimate) => Some(estimate),
            Rating::Empty => None,
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
    let (score, text) = match &*props.rating {
        Rating::Empty => (None, Msg::MeterEmpty.text(lang)),
        Rating::Rated(estimate) | Rating::Refining(estimate) => {
            (Some(estimate), level(estimate.score).text(lang))
        }
    };
    let value = score.map_or(0, |e| e.score.as_u8());
    let segments = (1..=4u8).map(|i| {
        let on = score.is_some_and(|e| e.score.as_u8() >= i || (i == 1 && e.score == Score::Zero));
        html! { <span class={classes!("bc-seg", on.then_some("bc-seg-on"))}></span> }
    });
    html! {
        <div class={classes!("bc-meter-block", format!("bc-score-{}", score.map_or("none".to_owned(), |e| e.score.as_u8().to_string())))}>
            <div class="bc-meter" role="meter" data-testid="password-meter"
                aria-label={ Msg::MeterLabel.text(lang) }
                aria-valuemin="0" aria-valuemax="4"
                aria-valuenow={ value.to_string() }
                aria-valuetext={ text }
                aria-busy={ matches!(*props.rating, Rating::Refining(_)).then_some("true") }
                data-score={ score.map(|e| e.score.as_u8().to_string()) }
                data-guesses-log10={ score.map(|e| two_decimals(e.guesses_log10)) }>
                { for segments }
            </div>
            <p id="bc-meter-text" class="bc-level">{ text }</p>
            if let Some(estimate) = score {
                <dl class="bc-times">
                    <dt>{ Msg::CrackOnlineThrottled.text(lang) }</dt>
                    <dd>{ estimate.crack_times.online_throttled.display.text(lang) }</dd>
                    <dt>{ Msg::CrackOfflineFast.text(lang) }</dt>
                    <dd>{ estimate.crack_times.offline_fast_hash.display.text(lang) }</dd>
                    <dt>{ Msg::CnilBits.text(lang) }</dt>
                    <dd>{ about_bits(estimate.bits, lang) }</dd>
                </dl>
                <p class="bc-hint">
                    <strong>{ cnil_text(estimate.cnil).text(lang) }</strong>{ " " }
                    { Msg::CnilYardstick.text(lang) }
                </p>
            }
            // Announced politely, and only when the level word changes.
            <p class="bc-sr-only" aria-live="polite">{ score.map(|_| text) }</p>
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

/// `x` with two decimals, from integers: float formatting would add its code to the bundle.
fn two_decimals(x: f64) -> String {
    let hundredths = (x.abs() * 100.0).round() as u64;
    let sign = if x < 0.0 && hundredths > 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", hundredths / 100, hundredths % 100)
}
