//! An incident decided by a question of its own (rule 12 of `exposure`: did your doctor use
//! that software?), apart from the tiers-payant verdict: the question as a group of radio
//! buttons (yes, no, don't know; arrow keys move within it), how to find the answer, and once
//! answered, its own verdict and fields.

use yew::prelude::*;

use crate::explain::{FieldShort, Gist};
use crate::exposure::{Answer, QuestionResult, Verdict};
use crate::glance::gist;
use crate::i18n::{Lang, Localized, Msg, colon};
use crate::pack::Pack;
use crate::ui::exposure::sources::{source_items, unique};

/// The class that colours a verdict.
fn verdict_class(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Exposed => "bc-v-exposed",
        Verdict::NotExposed => "bc-v-safe",
        Verdict::Uncertain => "bc-v-uncertain",
    }
}

/// One question-decided incident: `result` is the engine's answer for it, `on_answer` is told
/// the incident id and the visitor's answer. A plain function: every component type costs
/// the bundle its own copy of Yew's lifecycle code.
pub fn question_view(
    lang: Lang,
    pack: &Pack,
    result: &QuestionResult,
    on_answer: &Callback<(String, Answer)>,
) -> Html {
    let Some(incident) = pack.incident(&result.incident) else {
        return html! {};
    };
    let Some(question) = incident.question.as_ref() else {
        return html! {};
    };
    let text = |t: &crate::pack::Text| t.get(lang).to_owned();
    let id = &incident.id;
    let radio = |answer: Answer| {
        let onchange = {
            let on_answer = on_answer.clone();
            let id = id.clone();
            Callback::from(move |_: Event| on_answer.emit((id.clone(), answer)))
        };
        html! {
            <label class="bc-choice">
                <input type="radio" name={format!("bc-q-{id}")} value={answer.as_str()}
                    checked={result.answer == Some(answer)} {onchange}
                    class="rr-block rr-mask fs-mask" data-hj-suppress="" data-cs-mask=""
                    data-clarity-mask="true" data-dd-privacy="mask" data-private="" data-sl="mask" />
                { answer.text(lang) }
            </label>
        }
    };
    let sources = unique(pack, result.sources.iter().map(String::as_str));
    html! {
        <div class="bc-question" data-question-incident={id.clone()}
            data-question-verdict={result.verdict.map(Verdict::id)}>
            <h3>{ text(&incident.title) }</h3>
            <p class="bc-hint">{ Msg::QuestionHeading.text(lang) }</p>
            <fieldset class="bc-choices">
                <legend>{ text(&question.text) }</legend>
                <div class="bc-choice-row">{ for Answer::ALL.into_iter().map(radio) }</div>
            </fieldset>
            // Rendered before any answer, so that the answer is announced when it appears.
            <p class={classes!("bc-question-answer", result.verdict.map(verdict_class))}
                aria-live="polite">
                if let Some(verdict) = result.verdict {
                    <strong>{ verdict.text(lang) }</strong>
                    { gist(verdict, &result.reasons)
                        .map(|r| format!("{}{}", colon(lang), Gist(r).text(lang))) }
                }
            </p>
            if result.verdict.is_some() {
                if !result.exposed_fields.is_empty() {
                    <p class="bc-question-fields">
                        { Msg::QuestionFields.text(lang) }{ " " }
                        { result.exposed_fields.iter()
                            .map(|(field, _)| FieldShort(*field).text(lang))
                            .collect::<Vec<_>>().join(", ") }
                    </p>
                }
            }
            <details class="bc-more">
                <summary>{ Msg::QuestionHow.text(lang) }</summary>
                { for question.help.as_ref().map(|help| html! { <p>{ text(help) }</p> }) }
                { for incident.some_members_only.as_ref().map(|some| html! { <p>{ text(some) }</p> }) }
                <p>{ text(&incident.what) }</p>
                <ul class="bc-source-list">{ source_items(&sources, lang) }</ul>
            </details>
        </div>
    }
}
