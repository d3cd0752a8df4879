//! The answer: headline, incidents with their reasons, fields, timeline, next steps, sources.
//!
//! Everything here renders the engine's `Assessment`; nothing is decided here.

use std::rc::Rc;

use yew::prelude::*;

use crate::date::Date;
use crate::exposure::{Assessment, IncidentResult, Verdict};
use crate::i18n::{
    Lang, Localized, Msg, colon, contract_span, format_date, intrusion_line, labelled,
    milestone_date, period_words,
};
use crate::pack::{Incident, Milestone, Pack, Text};
use crate::ui::exposure::timeline::{Bar, BarKind, Marker, Timeline};

/// Properties of [`VerdictView`].
#[derive(Properties, PartialEq, Clone)]
pub struct VerdictViewProps {
    /// Interface language.
    pub lang: Lang,
    /// What the engine said.
    pub assessment: Rc<Assessment>,
    /// The pack the engine used.
    pub pack: Rc<Pack>,
    /// The insurer picked, if any.
    pub insurer: Option<String>,
    /// Contract start, when it parses.
    pub start: Option<Date>,
    /// Contract end, when it parses (none: running).
    pub end: Option<Date>,
    /// Today.
    pub today: Date,
    /// The host's notice page.
    pub notice_href: Option<String>,
}

fn verdict_class(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Exposed => "bc-v-exposed",
        Verdict::NotExposed => "bc-v-safe",
        Verdict::Uncertain => "bc-v-uncertain",
    }
}

/// A symbol beside the words, so colour is never the only cue (hidden from screen readers).
fn verdict_symbol(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Exposed => "!",
        Verdict::NotExposed => "✓",
        Verdict::Uncertain => "?",
    }
}

fn milestone(label: Msg, milestone: &Milestone, lang: Lang) -> Html {
    html! {
        <>
            <dt>{ label.text(lang) }</dt>
            <dd>{ milestone_date(milestone.date, milestone.approximate, lang) }</dd>
        </>
    }
}

/// The verdict container (`data-testid="verdict"`).
#[component]
pub fn VerdictView(props: &VerdictViewProps) -> Html {
    let lang = props.lang;
    let a = &props.assessment;
    let Some(verdict) = a.verdict else {
        return html! {};
    };
    let pack = &props.pack;
    let insurer = props.insurer.as_deref().and_then(|id| pack.insurer(id));
    let text = |t: &Text| lang.pick(&t.fr, &t.en).clone();
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });

    let incident_view = |result: &IncidentResult| -> Html {
        let Some(incident) = pack.incident(&result.incident) else {
            return html! {};
        };
        let operator = operator_name(pack, incident);
        html! {
            <li class={classes!("bc-incident", verdict_class(result.verdict))}
                data-testid="incident" data-incident={result.incident.clone()}
                data-verdict={result.verdict.id()}>
                <h4>
                    <span class="bc-badge" aria-hidden="true">{ verdict_symbol(result.verdict) }</span>
                    { text(&incident.title) }{ " — " }<strong>{ result.verdict.word(lang) }</strong>
                </h4>
                <dl class="bc-facts">
                    <dt>{ Msg::IncidentOperator.text(lang) }</dt><dd>{ operator }</dd>
                    { milestone(Msg::IncidentIntrusion, &incident.intrusion, lang) }
                    { milestone(Msg::IncidentDiscovery, &incident.discovery, lang) }
                    { milestone(Msg::IncidentDisclosure, &incident.disclosure, lang) }
                </dl>
                <ul class="bc-reasons">
                    { for result.reasons.iter().map(|r| html! { <li>{ r.text(lang) }</li> }) }
                </ul>
                if let Some(scope) = &result.partial_scope {
                    <p><strong>{ Msg::ScopeLabel.text(lang) }</strong>{ " " }{ text(scope) }</p>
                }
                if let Some(some) = &incident.some_members_only {
                    <p>{ text(some) }</p>
                }
                { for incident.notes.iter()
                    .filter(|n| n.kind == crate::pack::ScopeNoteKind::Other)
                    .map(|n| html! { <p class="bc-note">{ text(&n.text) }</p> }) }
            </li>
        }
    };

    let sources: Vec<&crate::pack::Source> = {
        let mut ids: Vec<&String> = a.incidents.iter().flat_map(|r| r.sources.iter()).collect();
        if let Some(notice) = insurer.and_then(|i| i.notice.as_ref()) {
            ids.insert(0, notice);
        }
        let mut seen = Vec::new();
        ids.into_iter()
            .filter_map(|id| pack.source(id))
            .filter(|s| {
                let first = !seen.contains(&s.id);
                seen.push(s.id.clone());
                first
            })
            .collect()
    };

    html! {
        <div class={classes!("bc-verdict", verdict_class(verdict))} data-testid="verdict"
            data-verdict={verdict.id()}>
            <div class="bc-headline">
                <span class="bc-badge" aria-hidden="true">{ verdict_symbol(verdict) }</span>
                <h3>{ verdict.headline(lang) }</h3>
            </div>
            <p>{ verdict.summary(lang) }</p>
            <p class="bc-result-for">
                <strong>{ Msg::ResultFor.text(lang) }</strong>{ " " }
                { insurer.map(|i| format!("{}, ", i.name)) }
                { Msg::ResultContract.text(lang) }{ " " }
                { contract_span(props.start, props.end, lang) }
            </p>
            if let Some(note) = insurer.and_then(|i| i.note.as_ref()) {
                <p class="bc-note">{ text(note) }</p>
            }
            if let Some(href) = &props.notice_href {
                <p><a href={href.clone()} target="_blank" rel="noopener noreferrer">
                    { Msg::NoticeLink.text(lang) }</a></p>
            }

            if !a.exposed_fields.is_empty() {
                <h4>{ Msg::ExposedHeading.text(lang) }</h4>
                <ul class="bc-fields">
                    { for a.exposed_fields.iter().map(|(field, certainty)| html! {
                        <li data-testid="exposed-field" data-field={field.id()}
                            data-certainty={certainty.id()}>
                            <strong>{ field.label(lang) }</strong>
                            { " (" }{ certainty.label(lang) }{ ")" }{ colon(lang) }
                            { field.risk(lang) }
                        </li>
                    }) }
                </ul>
            }
            if !a.not_exposed_fields.is_empty() {
                <h4>{ Msg::NotExposedHeading.text(lang) }</h4>
                <ul class="bc-fields bc-safe-fields">
                    { for a.not_exposed_fields.iter().map(|field| html! {
                        <li data-testid="not-exposed-field" data-field={field.id()}>{ field.label(lang) }</li>
                    }) }
                </ul>
            }
            if a.family_members {
                <p class="bc-note">{ Msg::FamilyNote.text(lang) }</p>
            }

            <h4>{ Msg::IncidentsHeading.text(lang) }</h4>
            <ul class="bc-incidents">{ for a.incidents.iter().map(incident_view) }</ul>
            { for a.separate_incidents.iter().filter_map(|id| pack.incident(id)).map(|incident| html! {
                <p class="bc-note bc-separate" data-separate-incident={incident.id.clone()}>
                    <strong>{ Msg::SeparateIncidentLead.text(lang) }</strong>{ " " }
                    { text(&incident.title) }{ ". " }
                    { incident.some_members_only.as_ref().map(text) }{ " " }
                    { Msg::SeparateIncidentHow.text(lang) }
                </p>
            }) }

            { timeline(props) }

            <h4>{ Msg::NextStepsHeading.text(lang) }</h4>
            <ul class="bc-steps">
                { for a.next_steps.iter().map(|step| html! {
                    <li>
                        { step.text(lang) }
                        { for step.links(lang).iter().map(|link| html! {
                            <>{ " " }<a href={link.url} target="_blank" rel="noopener noreferrer">{ link.label }</a></>
                        }) }
                    </li>
                }) }
            </ul>
            if a.card_caveats {
                <ul class="bc-caveats">
                    <li>{ Msg::CardCaveatCurrent.text(lang) }</li>
                    <li>{ Msg::CardCaveatInsurerOnly.text(lang) }</li>
                </ul>
            }
            <p class="bc-print-row">
                <button type="button" class="bc-print" onclick={on_print}>{ Msg::PrintButton.text(lang) }</button>
            </p>

            <details class="bc-sources">
                <summary>{ Msg::SourcesHeading.text(lang) }</summary>
                <ul>
                    { for sources.iter().map(|source| html! {
                        <li>
                            <a href={source.url.clone()} target="_blank" rel="noopener noreferrer">{ &source.title }</a>
                            { " — " }{ &source.publisher }
                            { source.date.map(|d| format!(", {}", format_date(d, lang))) }
                            { " (" }{ source.grade.label(lang) }{ ")" }
                        </li>
                    }) }
                </ul>
                if let Some(reviewed) = pack.reviewed {
                    <p class="bc-hint">{ Msg::Reviewed.text(lang) }{ " " }{ format_date(reviewed, lang) }</p>
                }
            </details>
        </div>
    }
}

/// The contract, the insurer's operator periods and the incidents on one axis.
fn timeline(props: &VerdictViewProps) -> Html {
    let lang = props.lang;
    let pack = &props.pack;
    let day = |d: Date| d.days_since_epoch() as i32;
    let incidents: Vec<&Incident> = props
        .assessment
        .incidents
        .iter()
        .filter_map(|r| pack.incident(&r.incident))
        .collect();
    let floor = Date::new(2015, 1, 1).map(day).unwrap_or(0);
    let axis_start = props
        .start
        .map_or(floor, |s| day(s).min(floor))
        .max(day_of(1990));
    let axis_end = day(props.today).max(axis_start + 365);

    let mut bars = Vec::new();
    let mut description = Vec::new();
    let contract_label = Msg::TimelineContract.text(lang).to_owned();
    description.push(labelled(
        &contract_label,
        &contract_span(props.start, props.end, lang),
        lang,
    ));
    bars.push(Bar {
        label: contract_label,
        from: props.start.map(day),
        to: props.end.map(day),
        kind: BarKind::Contract,
    });
    if let Some(insurer) = props.insurer.as_deref().and_then(|id| pack.insurer(id)) {
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
fn operator_name(pack: &Pack, incident: &Incident) -> String {
    let id = incident.operator_id().unwrap_or_default();
    pack.operator(id).map_or(id.to_owned(), |o| o.name.clone())
}

fn day_of(year: u16) -> i32 {
    Date::new(year, 1, 1).map_or(0, |d| d.days_since_epoch() as i32)
}
