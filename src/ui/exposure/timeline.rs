//! The timeline: the visitor's contract, the operators' periods and the incidents on one
//! axis, as an inline SVG (no style attribute: classes only, for strict CSPs) with a text
//! equivalent beside it for screen readers and for anyone who prefers words.

use yew::prelude::*;

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
