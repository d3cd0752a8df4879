//! The timeline: the visitor's contract, the operators' periods and the incidents on one
//! axis, as an inline SVG (no style attribute: classes only, for strict CSPs) with a text
//! equivalent beside it for screen readers and for anyone who prefers words.

use yew::prelude::*;

use crate::date::Date;
use crate::exposure::IncidentResult;
use crate::i18n::{Lang, Localized, Msg, contract_span, intrusion_line, labelled, period_words};
use crate::pack::{Incident, Insurer, Pack};

/// What a bar stands for; the stylesheet colours bars by kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarKind {
    /// The visitor's contract.
    Contract,
    /// A period in which an operator held the insurer's data, and was breached.
    BreachedOperator,
    /// A period with an operator that had no incident.
    Operator,
}

impl BarKind {
    fn class(self) -> &'static str {
        match self {
            BarKind::Contract => "bc-bar-contract",
            BarKind::BreachedOperator => "bc-bar-breached",
            BarKind::Operator => "bc-bar-operator",
        }
    }
}

/// One horizontal bar. Days are counted from 1970-01-01; `None` runs to the axis's edge.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// What the bar is, in words (also its text equivalent).
    pub label: String,
    /// First day, or open towards the past.
    pub from: Option<i32>,
    /// Last day, or still running.
    pub to: Option<i32>,
    /// How it is drawn.
    pub kind: BarKind,
}

/// One vertical marker: an incident date.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// Short label drawn at the top.
    pub label: String,
    /// The day it marks.
    pub day: i32,
}

/// Properties of [`Timeline`].
#[derive(Properties, PartialEq, Clone)]
pub struct TimelineProps {
    /// Accessible title of the figure.
    pub title: AttrValue,
    /// First and last day of the axis.
    pub axis: (i32, i32),
    /// Year ticks: (day, label).
    pub ticks: Vec<(i32, String)>,
    /// The bars, top to bottom.
    pub bars: Vec<Bar>,
    /// The incident markers.
    pub markers: Vec<Marker>,
    /// The text equivalent, one line per bar and marker.
    pub description: Vec<String>,
}

const WIDTH: f64 = 640.0;
const LABEL: f64 = 0.0;
const ROW: f64 = 34.0;
/// Height of one marker label line; labels are stacked so close incidents stay readable.
const MARKER_LINE: f64 = 14.0;

/// An SVG coordinate in whole units of the 640-wide view box: plenty for a drawing, and it
/// keeps float formatting (and its code) out of the bundle.
fn coord(value: f64) -> String {
    (value.round() as i64).to_string()
}

/// The figure and its text equivalent.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let (start, end) = props.axis;
    let span = f64::from((end - start).max(1));
    let x = |day: i32| LABEL + (f64::from(day.clamp(start, end) - start) / span) * (WIDTH - LABEL);
    let top = 8.0 + MARKER_LINE * props.markers.len() as f64;
    let height = top + ROW * props.bars.len() as f64 + 24.0;
    let view_box = format!("0 0 {} {}", coord(WIDTH), coord(height));
    html! {
        <figure class="bc-timeline">
            <svg viewBox={view_box} role="img" aria-labelledby="bc-timeline-title"
                focusable="false" class="bc-timeline-svg">
                <title id="bc-timeline-title">{ props.title.clone() }</title>
                { for props.ticks.iter().map(|(day, label)| {
                    let tx = x(*day);
                    html! {
                        <g class="bc-tick">
                            <line x1={coord(tx)} x2={coord(tx)} y1={coord(top - 6.0)}
                                y2={coord(height - 18.0)} />
                            <text x={coord(tx + 3.0)} y={coord(height - 4.0)}>{ label }</text>
                        </g>
                    }
                }) }
                { for props.bars.iter().enumerate().map(|(i, bar)| {
                    let x1 = bar.from.map_or(0.0, x);
                    let x2 = bar.to.map_or(WIDTH, x).max(x1 + 3.0);
                    let y = top + ROW * i as f64;
                    // The label sits just above its bar, from the bar's start, or ending at
                    // the bar's end when the bar starts in the right half (so it fits).
                    let (label_x, anchor) = if x1 < WIDTH / 2.0 {
                        (x1.max(2.0), "start")
                    } else {
                        (x2.min(WIDTH - 2.0), "end")
                    };
                    html! {
                        <g class={classes!("bc-bar", bar.kind.class())}>
                            <text x={coord(label_x)} y={coord(y + 10.0)} text-anchor={anchor}
                                class="bc-bar-label">{ &bar.label }</text>
                            <rect x={coord(x1)} y={coord(y + 14.0)} width={coord(x2 - x1)}
                                height={coord(ROW - 18.0)} rx="4" />
                        </g>
                    }
                }) }
                { for props.markers.iter().enumerate().map(|(i, marker)| {
                    let mx = x(marker.day);
                    let label_y = 4.0 + MARKER_LINE * (i as f64 + 1.0);
                    html! {
                        <g class="bc-marker">
                            <line x1={coord(mx)} x2={coord(mx)} y1={coord(label_y + 2.0)}
                                y2={coord(height - 18.0)} />
                            <text x={coord(mx - 4.0)} y={coord(label_y)} text-anchor="end">{ &marker.label }</text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption>
                <ul class="bc-timeline-text">
                    { for props.description.iter().map(|line| html! { <li>{ line }</li> }) }
                </ul>
            </figcaption>
        </figure>
    }
}

/// What the answer's timeline is drawn from.
#[derive(Clone, Copy, Debug)]
pub struct TimelineOf<'a> {
    /// Interface language.
    pub lang: Lang,
    /// The pack the engine used.
    pub pack: &'a Pack,
    /// The incidents judged.
    pub incidents: &'a [IncidentResult],
    /// The insurer, as resolved.
    pub insurer: Option<&'a Insurer>,
    /// Contract start, when it parses.
    pub start: Option<Date>,
    /// Contract end, when it parses (none: running).
    pub end: Option<Date>,
    /// Today.
    pub today: Date,
}

/// The contract, the insurer's operator periods and the incidents on one axis.
pub fn answer_timeline(answer: &TimelineOf<'_>) -> Html {
    let lang = answer.lang;
    let pack = answer.pack;
    let day = |d: Date| d.days_since_epoch() as i32;
    let incidents: Vec<&Incident> = answer
        .incidents
        .iter()
        .filter_map(|r| pack.incident(&r.incident))
        .collect();
    let floor = Date::new(2015, 1, 1).map(day).unwrap_or(0);
    let axis_start = answer
        .start
        .map_or(floor, |s| day(s).min(floor))
        .max(day_of(1990));
    let axis_end = day(answer.today).max(axis_start + 365);

    let mut bars = Vec::new();
    let mut description = Vec::new();
    let contract_label = Msg::TimelineContract.text(lang).to_owned();
    description.push(labelled(
        &contract_label,
        &contract_span(answer.start, answer.end, lang),
        lang,
    ));
    bars.push(Bar {
        label: contract_label,
        from: answer.start.map(day),
        to: answer.end.map(day),
        kind: BarKind::Contract,
    });
    if let Some(insurer) = answer.insurer {
        for period in &insurer.periods {
            let name = pack
                .operator(&period.operator)
                .map_or(period.operator.clone(), |o| o.name.clone());
            let breached = pack.incidents_of(&period.operator).next().is_some();
            let words = period_words(period.from, period.to, lang);
            let text = if words.is_empty() {
                name
            } else {
                format!("{name} {words}")
            };
            let label = labelled(&insurer.name, &text, lang);
            description.push(label.clone());
            bars.push(Bar {
                label,
                from: period.from.map(day),
                to: period.to.map(day),
                kind: if breached {
                    BarKind::BreachedOperator
                } else {
                    BarKind::Operator
                },
            });
        }
    }
    let markers: Vec<Marker> = incidents
        .iter()
        .map(|incident| {
            let name = operator_name(pack, incident);
            description.push(intrusion_line(&name, incident.intrusion.date, lang));
            Marker {
                label: name,
                day: day(incident.intrusion.date),
            }
        })
        .collect();
    let ticks: Vec<(i32, String)> = (1990..=2100)
        .filter_map(|year| {
            Date::new(year, 1, 1)
                .ok()
                .map(|d| (day(d), year.to_string()))
        })
        .filter(|(d, _)| *d >= axis_start && *d <= axis_end)
        .collect();
    // Keep at most about eight year labels, whatever the span.
    let step = ticks.len().div_ceil(8).max(1);
    let ticks: Vec<(i32, String)> = ticks.into_iter().step_by(step).collect();
    html! {
        <Timeline title={Msg::TimelineTitle.text(lang)} axis={(axis_start, axis_end)}
            {ticks} {bars} {markers} {description} />
    }
}

/// The breached operator's name, for an operator-decided incident.
pub fn operator_name(pack: &Pack, incident: &Incident) -> String {
    let id = incident.operator_id().unwrap_or_default();
    pack.operator(id).map_or(id.to_owned(), |o| o.name.clone())
}

fn day_of(year: u16) -> i32 {
    Date::new(year, 1, 1).map_or(0, |d| d.days_since_epoch() as i32)
}
