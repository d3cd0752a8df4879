//! The answer, at a glance first: one line per incident (verdict, incident, month, colour and
//! icon), the member card of what leaked, the two most important next steps. The rest (the
//! other steps, what each field allows, the rules applied, the timeline, the sources) sits
//! behind disclosures, in the DOM, so that print and the contract's hooks still see it.
//!
//! Everything here renders the engine's `Assessment` and the choices of `glance`; nothing is
//! decided here.

use std::rc::Rc;

use yew::prelude::*;

use crate::date::Date;
use crate::explain::{FieldRisk, Gist, Headline, Summary, answer_line, breach_name};
use crate::exposure::{Assessment, IncidentResult, NextStep, Verdict};
use crate::glance::{gist, headline, split_steps};
use crate::i18n::{Lang, Localized, Msg, colon, contract_span, format_date, milestone_date};
use crate::pack::{Incident, Insurer, Milestone, Pack, ScopeNoteKind, Text};
use crate::ui::exposure::member_card::member_card;
use crate::ui::exposure::sources::{source_items, unique};
use crate::ui::exposure::timeline::{TimelineOf, answer_timeline, operator_name};
use crate::ui::shared::Shared;

/// Properties of [`VerdictView`].
#[derive(Properties, PartialEq, Clone)]
pub struct VerdictViewProps {
    /// Interface language.
    pub lang: Lang,
    /// What the engine said.
    pub assessment: Shared<Assessment>,
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

fn badge(verdict: Verdict) -> Html {
    html! { <span class="bc-badge" aria-hidden="true">{ verdict_symbol(verdict) }</span> }
}

/// How the one-line answer names an incident: "fuite Viamedis, janvier 2024"; an incident
/// with no operator by its title.
fn incident_name(pack: &Pack, incident: &Incident, lang: Lang) -> String {
    match incident.operator_id() {
        Some(_) => breach_name(
            &operator_name(pack, incident),
            incident.intrusion.date,
            lang,
        ),
        None => incident.title.get(lang).to_owned(),
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

/// A next step and its official links.
fn step_item(step: NextStep, lang: Lang) -> Html {
    html! {
        <li>
            { step.text(lang) }
            { for step.links(lang).iter().map(|link| html! {
                <>{ " " }<a href={link.url} target="_blank" rel="noopener noreferrer">{ link.label }</a></>
            }) }
        </li>
    }
}

/// The verdict container (`data-testid="verdict"`).
#[component]
pub fn VerdictView(props: &VerdictViewProps) -> Html {
    let lang = props.lang;
    let answer = &*props.assessment;
    let Some(verdict) = answer.verdict else {
        return html! {};
    };
    let pack = &*props.pack;
    let insurer: Option<&Insurer> = props.insurer.as_deref().and_then(|id| pack.insurer(id));
    // Facts a host page supplied are said to be its word ("selon Mutuelle Exemple").
    let according = insurer.filter(|i| i.from_host).map(|i| i.name.as_str());
    let text = |t: &Text| t.get(lang).to_owned();
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });

    // The one-line answers: the headline (when the worst incident's verdict is the overall
    // one), then one line per other incident, with its gist.
    let line_of = |result: &IncidentResult| -> Option<(String, Option<&'static str>)> {
        let incident = pack.incident(&result.incident)?;
        let name = incident_name(pack, incident, lang);
        let gist = gist(result.verdict, &result.reasons).map(|r| Gist(r).text(lang));
        Some((answer_line(result.verdict, &name, according, lang), gist))
    };
    let lead = headline(answer);
    let hooked = |result: &IncidentResult, content: Html| {
        html! {
            <span data-testid="incident" data-incident={result.incident.clone()}
                data-verdict={result.verdict.id()}>{ content }</span>
        }
    };
    let (heading, lead_gist) = match lead.and_then(|i| answer.incidents.get(i)) {
        Some(result) => {
            let (line, gist) = line_of(result).unwrap_or_default();
            (hooked(result, html! { { line } }), gist)
        }
        None => (html! { { Headline(verdict).text(lang) } }, None),
    };
    let others: Vec<&IncidentResult> = answer
        .incidents
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != lead)
        .map(|(_, r)| r)
        .collect();

    let (first_steps, more_steps) = split_steps(&answer.next_steps);

    let incident_detail = |result: &IncidentResult| -> Html {
        let Some(incident) = pack.incident(&result.incident) else {
            return html! {};
        };
        html! {
            <li class={classes!("bc-rule", verdict_class(result.verdict))}>
                <h5>
                    { badge(result.verdict) }{ text(&incident.title) }{ " — " }
                    <strong>{ result.verdict.text(lang) }</strong>
                </h5>
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
                    .filter(|n| n.kind == ScopeNoteKind::Other)
                    .map(|n| html! { <p class="bc-note">{ text(&n.text) }</p> }) }
                <dl class="bc-facts">
                    <dt>{ Msg::IncidentOperator.text(lang) }</dt>
                    <dd>{ operator_name(pack, incident) }</dd>
                    { milestone(Msg::IncidentIntrusion, &incident.intrusion, lang) }
                    { milestone(Msg::IncidentDiscovery, &incident.discovery, lang) }
                    { milestone(Msg::IncidentDisclosure, &incident.disclosure, lang) }
                </dl>
            </li>
        }
    };

    let sources = unique(
        pack,
        insurer.and_then(|i| i.notice.as_deref()).into_iter().chain(
            answer
                .incidents
                .iter()
                .chain(&answer.ruled_out)
                .flat_map(|r| r.sources.iter().map(String::as_str)),
        ),
    );
    let risks: Vec<_> = answer
        .exposed_fields
        .iter()
        .map(|(field, certainty)| (*field, *certainty))
        .collect();

    html! {
        <div class={classes!("bc-verdict", verdict_class(verdict))} data-testid="verdict"
            data-verdict={verdict.id()}>
            <div class="bc-answer">
                <h3 class="bc-headline">{ badge(verdict) }<span>{ heading }</span></h3>
                if let Some(gist) = lead_gist {
                    <p class="bc-gist">{ gist }</p>
                }
                if !others.is_empty() {
                    <ul class="bc-lines">
                        { for others.iter().filter_map(|result| {
                            let (line, gist) = line_of(result)?;
                            Some(html! {
                                <li class={classes!("bc-line", verdict_class(result.verdict))}>
                                    { badge(result.verdict) }
                                    { hooked(result, html! {
                                        <>
                                            { line }
                                            if let Some(gist) = gist {
                                                <span class="bc-gist">{ colon(lang) }{ gist }</span>
                                            }
                                        </>
                                    }) }
                                </li>
                            })
                        }) }
                    </ul>
                }
                <p class="bc-result-for">
                    { Msg::ResultFor.text(lang) }{ " " }
                    { insurer.map(|i| format!("{}, ", i.name)) }
                    { Msg::ResultContract.text(lang) }{ " " }
                    { contract_span(props.start, props.end, lang) }
                </p>
            </div>

            <div class="bc-glance">
                { member_card(lang, &answer.exposed_fields, &answer.not_exposed_fields) }
                <div class="bc-first">
                    <h4>{ Msg::NextStepsHeading.text(lang) }</h4>
                    <ol class="bc-steps">
                        { for first_steps.iter().map(|step| step_item(*step, lang)) }
                    </ol>
                    if let Some(href) = &props.notice_href {
                        <p><a href={href.clone()} target="_blank" rel="noopener noreferrer">
                            { Msg::NoticeLink.text(lang) }</a></p>
                    }
                </div>
            </div>

            { for answer.separate_incidents.iter().filter_map(|id| pack.incident(id)).map(|incident| html! {
                <details class="bc-more bc-separate" data-separate-incident={incident.id.clone()}>
                    <summary>
                        { Msg::SeparateIncidentLead.text(lang) }{ " " }
                        { incident_name(pack, incident, lang) }
                    </summary>
                    { for incident.some_members_only.as_ref().map(|some| html! { <p>{ text(some) }</p> }) }
                    <p>{ Msg::SeparateIncidentHow.text(lang) }</p>
                </details>
            }) }

            if !more_steps.is_empty() || answer.card_caveats {
                <details class="bc-more">
                    <summary>{ Msg::MoreSteps.text(lang) }</summary>
                    <ul class="bc-steps">
                        { for more_steps.iter().map(|step| step_item(*step, lang)) }
                    </ul>
                    if answer.card_caveats {
                        <ul class="bc-caveats">
                            <li>{ Msg::CardCaveatCurrent.text(lang) }</li>
                            <li>{ Msg::CardCaveatInsurerOnly.text(lang) }</li>
                        </ul>
                    }
                </details>
            }

            if !risks.is_empty() {
                <details class="bc-more">
                    <summary>{ Msg::FieldRisksHeading.text(lang) }</summary>
                    <dl class="bc-risks">
                        { for risks.iter().map(|(field, certainty)| html! {
                            <>
                                <dt>{ field.text(lang) }{ " (" }{ certainty.text(lang) }{ ")" }</dt>
                                <dd>{ FieldRisk(*field).text(lang) }</dd>
                            </>
                        }) }
                    </dl>
                    { for answer.caveats.iter().map(|(field, caveat)| html! {
                        <p class="bc-note"><strong>{ field.text(lang) }</strong>{ colon(lang) }{ text(caveat) }</p>
                    }) }
                    if answer.family_members {
                        <p class="bc-note">{ Msg::FamilyNote.text(lang) }</p>
                    }
                </details>
            }

            <details class="bc-more bc-why">
                <summary>{ Msg::IncidentsHeading.text(lang) }</summary>
                <p>{ Summary(verdict).text(lang) }</p>
                if let Some(note) = insurer.and_then(|i| i.note.as_ref()) {
                    <p class="bc-note">{ text(note) }</p>
                }
                <ul class="bc-rules">{ for answer.incidents.iter().map(incident_detail) }</ul>
                if !answer.ruled_out.is_empty() {
                    <p class="bc-ruled-out-lead">{ Msg::RuledOutLead.text(lang) }</p>
                    <ul class="bc-rules bc-ruled-out">
                        { for answer.ruled_out.iter().map(|result| html! {
                            <li data-ruled-out-incident={result.incident.clone()}>
                                { line_of(result).map(|(line, gist)| match gist {
                                    Some(gist) => format!("{line}{}{gist}", colon(lang)),
                                    None => line,
                                }) }
                            </li>
                        }) }
                    </ul>
                }
            </details>

            <details class="bc-more bc-timeline-details">
                <summary>{ Msg::TimelineSummary.text(lang) }</summary>
                { answer_timeline(&TimelineOf {
                    lang,
                    pack,
                    incidents: &answer.incidents,
                    insurer,
                    start: props.start,
                    end: props.end,
                    today: props.today,
                }) }
            </details>

            <details class="bc-more bc-sources">
                <summary>{ Msg::SourcesHeading.text(lang) }</summary>
                <ul>{ source_items(&sources, lang) }</ul>
                if let Some(reviewed) = pack.reviewed {
                    <p class="bc-hint">{ Msg::Reviewed.text(lang) }{ " " }{ format_date(reviewed, lang) }</p>
                }
            </details>

            <p class="bc-print-row">
                <button type="button" class="bc-print" onclick={on_print}>{ Msg::PrintButton.text(lang) }</button>
            </p>
        </div>
    }
}
