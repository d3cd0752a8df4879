//! The message section's component: the text box, a polite status line, and the report the
//! engine sent back (verdict, highlighted text, one entry per red flag, what to do next).
//!
//! The pasted text lives in this component's state and in the text box, nowhere else: it is
//! never put in an attribute, an event, the console or a URL, and its links are shown as
//! text, never as links.

use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes};

use crate::i18n::{Lang, Localized};
use crate::message::wire::{
    Answer, CheckedView, FlagView, SegmentView, StepView, View, decode_answer, encode_request,
    rated_prefix,
};
use crate::message::{Context, Label, Verdict};
use crate::pack::Pack;
use crate::ui::message::engine::{EngineState, EngineStore, use_engine};

/// Properties of [`MessageSection`].
#[derive(Properties, PartialEq, Clone)]
pub struct MessageSectionProps {
    /// Interface language.
    pub lang: Lang,
    /// The data pack: its insurers and operators, with their official domains.
    pub pack: Rc<Pack>,
    /// The visitor's insurer, when the host page names it.
    pub visitor_insurer: Option<String>,
    /// The page's message engine.
    pub engine: Rc<EngineStore>,
}

/// What the section shows under the text box.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    /// Nothing typed (or only spaces): no verdict.
    Nothing,
    /// Text typed, the engine not there yet.
    Waiting,
    /// The engine could not load.
    Unavailable,
    /// The engine failed on this text, or answered something unreadable.
    Failed,
    /// The report.
    Report(Rc<View>),
}

/// What the status line says for `outcome`: short, and only changed when the verdict or the
/// engine's state changes, so that a screen reader is not told on every keystroke.
fn status(outcome: &Outcome, lang: Lang) -> String {
    match outcome {
        Outcome::Nothing => String::new(),
        Outcome::Waiting => Label::Loading.text(lang).to_owned(),
        Outcome::Unavailable => Label::Unavailable.text(lang).to_owned(),
        Outcome::Failed => Label::Failed.text(lang).to_owned(),
        Outcome::Report(view) => view.headline.clone(),
    }
}

fn step_item(step: &StepView) -> Html {
    html! {
        <li data-step={step.step.id()}>
            { &step.text }
            if let (Some(href), Some(name)) = (&step.href, step.link_text()) {
                { " " }<a href={href.clone()} target="_blank" rel="noopener noreferrer">{ name }</a>
            }
        </li>
    }
}

fn flag_item(flag: &FlagView, text: &str, lang: Lang) -> Html {
    let excerpts: Vec<&str> = flag.spans.iter().filter_map(|s| s.slice(text)).collect();
    html! {
        <li class="bc-flag" data-testid="message-flag" data-flag={flag.kind.id()}>
            <h4>{ &flag.title }</h4>
            if !excerpts.is_empty() {
                <p class="bc-flag-found">
                    { Label::Found.text(lang) }{ " " }
                    { for excerpts.iter().enumerate().map(|(i, excerpt)| html! {
                        <>
                            if i > 0 { { " · " } }
                            <mark>{ *excerpt }</mark>
                        </>
                    }) }
                </p>
            }
            <p>{ &flag.why }</p>
            if let Some(detail) = &flag.detail {
                <p class="bc-hint">{ detail }</p>
            }
            if let Some(rule) = &flag.never_asks {
                <p class="bc-hint">{ rule }</p>
            }
            if !flag.steps.is_empty() {
                <p class="bc-flag-steps">{ Label::FlagSteps.text(lang) }</p>
                <ul>{ for flag.steps.iter().map(step_item) }</ul>
            }
        </li>
    }
}

fn segment(segment: &SegmentView, text: &str) -> Html {
    let Some(piece) = segment.span.slice(text) else {
        return html! {};
    };
    if segment.flags == 0 {
        html! { { piece } }
    } else {
        html! { <mark>{ piece }</mark> }
    }
}

fn checked_view(checked: &CheckedView) -> Html {
    html! {
        <>
            <p>{ &checked.not_a_proof }</p>
            <h4>{ &checked.heading }</h4>
            <ul class="bc-checked">{ for checked.items.iter().map(|item| html! { <li>{ item }</li> }) }</ul>
            <p>{ &checked.never_ask }</p>
        </>
    }
}

fn report_view(view: &View, text: &str, lang: Lang) -> Html {
    let suspicious = view.verdict == Verdict::Suspicious;
    html! {
        <div class={classes!("bc-message-verdict", if suspicious { "bc-suspicious" } else { "bc-no-red-flag" })}
            data-testid="message-verdict" data-verdict={view.verdict.id()}>
            <h3>{ &view.headline }</h3>
            if let Some(advice) = &view.advice {
                <p>{ advice }</p>
            }
            if let Some(claim) = &view.claimed {
                <p>{ &claim.lead }{ " " }<strong>{ &claim.name }</strong></p>
            }
            if let Some(truncated) = &view.truncated {
                <p class="bc-hint">{ truncated }</p>
            }
            if suspicious {
                <h4>{ Label::Highlighted.text(lang) }</h4>
                <p class="bc-message-text">{ for view.segments.iter().map(|s| segment(s, text)) }</p>
                <h4>{ Label::FlagsHeading.text(lang) }</h4>
                <ul class="bc-flags">{ for view.flags.iter().map(|f| flag_item(f, text, lang)) }</ul>
            }
            if let Some(checked) = &view.checked {
                { checked_view(checked) }
            }
            { for view.notes.iter().map(|note| html! { <p class="bc-hint">{ note }</p> }) }
            if !view.steps.is_empty() {
                <h4>{ Label::NextSteps.text(lang) }</h4>
                <ul class="bc-steps">{ for view.steps.iter().map(step_item) }</ul>
            }
        </div>
    }
}

/// The text box's attributes: the hook, its label and hint, and the password field's privacy
/// hints (`ui::privacy`), so that no spelling, grammar or autofill extension reads the text and
/// session-replay tools mask it. Written out as one static list, as the password field's are
/// (`data-1p-ignore` is not a name `html!` takes).
const TEXT_BOX: [(&str, AttributeOrProperty); 22] = [
    ("id", AttributeOrProperty::Static("bc-message")),
    ("data-testid", AttributeOrProperty::Static("message")),
    ("rows", AttributeOrProperty::Static("6")),
    (
        "aria-describedby",
        AttributeOrProperty::Static("bc-message-hint"),
    ),
    ("autocomplete", AttributeOrProperty::Static("off")),
    ("autocorrect", AttributeOrProperty::Static("off")),
    ("autocapitalize", AttributeOrProperty::Static("off")),
    ("spellcheck", AttributeOrProperty::Static("false")),
    ("data-1p-ignore", AttributeOrProperty::Static("")),
    ("data-lpignore", AttributeOrProperty::Static("true")),
    ("data-bwignore", AttributeOrProperty::Static("")),
    ("data-form-type", AttributeOrProperty::Static("other")),
    ("data-gramm", AttributeOrProperty::Static("false")),
    ("data-gramm_editor", AttributeOrProperty::Static("false")),
    (
        "data-enable-grammarly",
        AttributeOrProperty::Static("false"),
    ),
    (
        "class",
        AttributeOrProperty::Static("rr-block rr-mask fs-mask"),
    ),
    ("data-hj-suppress", AttributeOrProperty::Static("")),
    ("data-cs-mask", AttributeOrProperty::Static("")),
    ("data-clarity-mask", AttributeOrProperty::Static("true")),
    ("data-dd-privacy", AttributeOrProperty::Static("mask")),
    ("data-private", AttributeOrProperty::Static("")),
    ("data-sl", AttributeOrProperty::Static("mask")),
];

/// The `<textarea>`, with [`TEXT_BOX`]'s attributes and the section's listeners.
fn text_box(on_focus: Callback<FocusEvent>, on_input: Callback<InputEvent>) -> Html {
    let mut field = html! { <textarea onfocus={on_focus} oninput={on_input} /> };
    if let Html::VTag(tag) = &mut field
        && let Some(tag) = Rc::get_mut(tag)
    {
        tag.attributes = Attributes::Static(&TEXT_BOX);
    }
    field
}

/// The message section.
#[component]
pub fn MessageSection(props: &MessageSectionProps) -> Html {
    let lang = props.lang;
    let text = use_state(String::new);
    let engine = use_engine(&props.engine);
    let context = use_memo(
        (Rc::clone(&props.pack), props.visitor_insurer.clone()),
        |(pack, insurer)| {
            let context = Context::from_pack(pack);
            match insurer {
                Some(id) => context.with_visitor_insurer(id),
                None => context,
            }
        },
    );
    let outcome = use_memo(
        ((*text).clone(), lang, engine.clone(), Rc::clone(&context)),
        |(text, lang, engine, context)| {
            if text.chars().all(char::is_whitespace) {
                return Outcome::Nothing;
            }
            match engine {
                EngineState::Idle | EngineState::Loading => Outcome::Waiting,
                EngineState::Unavailable => Outcome::Unavailable,
                EngineState::Ready(engine) => {
                    let answer = engine.answer(&encode_request(*lang, context, text));
                    match decode_answer(&answer) {
                        Ok(Answer::Empty) => Outcome::Nothing,
                        Ok(Answer::Report(view)) => Outcome::Report(Rc::new(*view)),
                        Err(_) => Outcome::Failed,
                    }
                }
            }
        },
    );
    // Focus is first use: the loader starts fetching the engine then, and the section says so.
    let on_focus = {
        let store = Rc::clone(&props.engine);
        Callback::from(move |_: FocusEvent| store.wanted())
    };
    let on_input = {
        let text = text.clone();
        let store = Rc::clone(&props.engine);
        Callback::from(move |event: InputEvent| {
            store.wanted();
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            text.set(area.value());
        })
    };
    let rated = rated_prefix(&text);
    html! {
        <section class="bc-section bc-message" aria-labelledby="bc-message-heading">
            <h2 id="bc-message-heading">{ Label::Heading.text(lang) }</h2>
            <p class="bc-intro">{ Label::Intro.text(lang) }</p>
            <div class="bc-field">
                <label for="bc-message">{ Label::TextLabel.text(lang) }</label>
                { text_box(on_focus, on_input) }
                <p id="bc-message-hint" class="bc-hint">{ Label::TextHint.text(lang) }</p>
            </div>
            // The one live region: the verdict's headline, or the engine's state. The report
            // below is not live, so a screen reader hears one short line per change of verdict.
            <p class={classes!("bc-message-status", matches!(*outcome, Outcome::Report(_)).then_some("bc-sr-only"))}
                role="status">{ status(&outcome, lang) }</p>
            if let Outcome::Report(view) = &*outcome {
                { report_view(view, rated, lang) }
            }
        </section>
    }
}
