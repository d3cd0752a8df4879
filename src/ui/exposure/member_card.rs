//! What leaked, as a picture: a stylised member card whose fields are marked exposed,
//! possible or not exposed, drawn from the verdict's own fields.
//!
//! The drawing is an inline SVG with classes only (no style attribute, for strict CSPs),
//! hidden from screen readers; its text equivalent is the same fields as two lists in the
//! figure's caption, visually hidden, which carry the contract's `exposed-field` and
//! `not-exposed-field` hooks.

use yew::prelude::*;

use crate::explain::FieldShort;
use crate::glance::{Mark, card};
use crate::i18n::{Lang, Localized, Msg};
use crate::pack::{Certainty, Field};

/// The drawing's width in SVG units; its height follows the fields.
const WIDTH: i32 = 320;
const PAD: i32 = 12;
const GAP: i32 = 8;
const BAND: i32 = 40;
const PILL: i32 = 26;
const ROW: i32 = 32;
const COLUMN: i32 = (WIDTH - 2 * PAD - GAP) / 2;

/// The glyph beside the words, so that colour is never the only cue.
fn glyph(mark: Mark) -> &'static str {
    match mark {
        Mark::Exposed => "!",
        Mark::Possible => "?",
        Mark::Safe => "✓",
    }
}

fn mark_class(mark: Mark) -> &'static str {
    match mark {
        Mark::Exposed => "bc-mark-exposed",
        Mark::Possible => "bc-mark-possible",
        Mark::Safe => "bc-mark-safe",
    }
}

/// Labels longer than this many characters are set a size smaller: SVG text does not wrap,
/// and the widest common fonts (DejaVu Sans) fit about 17 characters in a column at the
/// normal size.
const LONG_LABEL: usize = 14;

/// One marked field at `(x, y)`.
fn pill(x: i32, y: i32, field: Field, mark: Mark, lang: Lang) -> Html {
    let middle = y + PILL / 2;
    let label = FieldShort(field).text(lang);
    let long = (label.chars().count() > LONG_LABEL).then_some("bc-pill-long");
    html! {
        <g class={classes!("bc-pill", mark_class(mark))} data-card-field={field.id()} data-mark={mark.id()}>
            <rect x={x.to_string()} y={y.to_string()} width={COLUMN.to_string()}
                height={PILL.to_string()} rx={(PILL / 2).to_string()} />
            <circle class="bc-pill-icon" cx={(x + 12).to_string()} cy={middle.to_string()} r="8" />
            <text class="bc-pill-glyph" x={(x + 12).to_string()} y={(middle + 4).to_string()}
                text-anchor="middle">{ glyph(mark) }</text>
            <text class={classes!("bc-pill-label", long)} x={(x + 24).to_string()}
                y={(middle + 4).to_string()}>{ label }</text>
        </g>
    }
}

/// The card and its text equivalent, for the exposed fields (with their certainty) and the
/// fields stated safe, each in the contract's order; nothing when there are none. A plain
/// function: every component type costs the bundle its own copy of Yew's lifecycle code.
pub fn member_card(lang: Lang, exposed: &[(Field, Certainty)], safe: &[Field]) -> Html {
    let fields = card(exposed, safe);
    if fields.is_empty() {
        return html! {};
    }
    // Leaked fields first, two a row; the safe ones start a row of their own.
    let mut pills = Vec::new();
    let (mut row, mut column) = (0, 0);
    let mut previous: Option<Mark> = None;
    for (field, mark) in &fields {
        let starts_safe = *mark == Mark::Safe && previous.is_some_and(|m| m != Mark::Safe);
        if column == 2 || (starts_safe && column > 0) {
            row += 1;
            column = 0;
        }
        let x = PAD + column * (COLUMN + GAP);
        let y = BAND + PAD + row * ROW;
        pills.push(pill(x, y, *field, *mark, lang));
        column += 1;
        previous = Some(*mark);
    }
    let legend_y = BAND + PAD + (row + 1) * ROW + 10;
    let height = legend_y + 14;
    let marks: Vec<Mark> = Mark::ALL
        .into_iter()
        .filter(|m| fields.iter().any(|(_, f)| f == m))
        .collect();
    let chip_x = WIDTH - PAD - 34;
    html! {
        <figure class="bc-card">
            <svg class="bc-card-svg" viewBox={format!("0 0 {WIDTH} {height}")}
                aria-hidden="true" focusable="false">
                <rect class="bc-card-frame" x="1" y="1" width={(WIDTH - 2).to_string()}
                    height={(height - 2).to_string()} rx="12" />
                <path class="bc-card-band"
                    d={format!("M1 13a12 12 0 0 1 12-12h{}a12 12 0 0 1 12 12v{}h-{}z",
                        WIDTH - 26, BAND - 12, WIDTH - 2)} />
                <text class="bc-card-title" x={PAD.to_string()} y="26">{ Msg::CardTitle.text(lang) }</text>
                <rect class="bc-card-chip" x={chip_x.to_string()} y="9" width="34" height="22" rx="4" />
                // The chip's contacts, so that it reads as a card's chip and not as an empty box.
                <path class="bc-card-chip-lines"
                    d={format!("M{a} 16h10M{a} 24h10M{b} 16h10M{b} 24h10M{m} 9v22",
                        a = chip_x, b = chip_x + 24, m = chip_x + 17)} />
                { for pills }
                { for marks.iter().enumerate().map(|(i, mark)| {
                    let x = PAD + i as i32 * 100;
                    html! {
                        <g class={classes!("bc-pill", mark_class(*mark))}>
                            <circle class="bc-pill-icon" cx={(x + 8).to_string()}
                                cy={(legend_y - 4).to_string()} r="7" />
                            <text class="bc-pill-glyph" x={(x + 8).to_string()} y={legend_y.to_string()}
                                text-anchor="middle">{ glyph(*mark) }</text>
                            <text class="bc-legend" x={(x + 20).to_string()} y={legend_y.to_string()}>
                                { mark.text(lang) }
                            </text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption class="bc-sr-only">
                if !exposed.is_empty() {
                    <h4>{ Msg::ExposedHeading.text(lang) }</h4>
                    <ul>
                        { for exposed.iter().map(|(field, certainty)| html! {
                            <li data-testid="exposed-field" data-field={field.id()}
                                data-certainty={certainty.id()}>
                                { field.text(lang) }{ " (" }{ certainty.text(lang) }{ ")" }
                            </li>
                        }) }
                    </ul>
                }
                if !safe.is_empty() {
                    <h4>{ Msg::NotExposedHeading.text(lang) }</h4>
                    <ul>
                        { for safe.iter().map(|field| html! {
                            <li data-testid="not-exposed-field" data-field={field.id()}>
                                { field.text(lang) }
                            </li>
                        }) }
                    </ul>
                }
            </figcaption>
        </figure>
    }
}
