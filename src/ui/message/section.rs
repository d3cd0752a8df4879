//! The message section's component: the text box, a polite status line, and the report the
//! engine sent back (verdict, highlighted text, one entry per red flag, what to do next),
//! rendered as the engine laid it out: this module knows none of the report's words.
//!
//! The pasted text lives in this component's state and in the text box, nowhere else: it is
//! never put in an attribute, an event, the console or a URL, and its links are shown as
//! text, never as links.

use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VTag, VText};

use crate::i18n::{Lang, Localized};
use crate::message::Label;
use crate::message::wire::{
    Answer, Attribute, Node, Tag, decode_answer, encode_context, encode_request,
};
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
    /// The engine's report: the status line's words and the report to render.
    Report(String, Node),
}

/// Asks the page's engine about `text`, as `props` say (language, pack, visitor's insurer).
/// Run on each render: the section renders when the text, the engine or its props change,
/// and a rating is cheap next to a render (at most [`crate::message::MAX_RATED_BYTES`] are
/// sent).
fn outcome(text: &str, engine: &EngineState, props: &MessageSectionProps) -> Outcome {
    if text.chars().all(char::is_whitespace) {
        return Outcome::Nothing;
    }
    let engine = match engine {
        EngineState::Idle | EngineState::Loading => return Outcome::Waiting,
        EngineState::Unavailable => return Outcome::Unavailable,
        EngineState::Ready(engine) => engine,
    };
    let context = encode_context(
        props.pack.official_domains(),
        props.visitor_insurer.as_deref(),
    );
    match decode_answer(&engine.answer(&encode_request(&context, props.lang, text))) {
        Ok(Answer::Empty) => Outcome::Nothing,
        Ok(Answer::Report { status, document }) => Outcome::Report(status, document),
        Err(_) => Outcome::Failed,
    }
}

/// What the status line says for `outcome`: short, and only changed when the verdict or the
/// engine's state changes, so that a screen reader is not told on every keystroke.
fn status(outcome: &Outcome, lang: Lang) -> &str {
    match outcome {
        Outcome::Nothing => "",
        Outcome::Waiting => Label::Loading.text(lang),
        Outcome::Unavailable => Label::Unavailable.text(lang),
        Outcome::Failed => Label::Failed.text(lang),
        Outcome::Report(status, _) => status,
    }
}

/// The attribute names a report's element may carry: [`Attribute::ALL`] in order, then the
/// two a link gets from the widget itself.
static REPORT_KEYS: [&str; 8] = [
    "class",
    "data-testid",
    "data-verdict",
    "data-flag",
    "data-step",
    "href",
    "target",
    "rel",
];

/// Renders the engine's report as it is. The decoder ([`decode_answer`]) has already refused
/// any tag, attribute or link the report may not have, and every text is a text node, so
/// nothing pasted can become markup or a link. A link opens in a new tab, without a referrer.
fn render(node: &Node) -> Html {
    let element = match node {
        Node::Text(text) => return VText::new(text.clone()).into(),
        Node::Element(element) => element,
    };
    let mut values: Vec<Option<AttributeOrProperty>> = vec![None; REPORT_KEYS.len()];
    for (attribute, value) in &element.attributes {
        let at = Attribute::ALL
            .iter()
            .position(|a| a == attribute)
            .unwrap_or(0);
        values[at] = Some(AttributeOrProperty::Attribute(value.clone().into()));
    }
    if element.tag == Tag::A && element.attribute(Attribute::Href).is_some() {
        values[6] = Some(AttributeOrProperty::Static("_blank"));
        values[7] = Some(AttributeOrProperty::Static("noopener noreferrer"));
    }
    let mut tag = VTag::new(element.tag.id());
    tag.set_attributes(Attributes::Dynamic {
        keys: &REPORT_KEYS,
        values: values.into_boxed_slice(),
    });
    tag.add_children(element.children.iter().map(render));
    tag.into()
}

/// The text box's attributes: the hook, its label and hint, and the password field's privacy
/// hints (`ui::privacy`), so that no spelling, grammar or autofill extension reads the text and
/// session-replay tools mask it. Written out as one static list, as the password field's are
/// (`data-1p-ignore` is not a name `html!` takes).
///
/// `maxlength`: a paste keeps its first 30,000 UTF-16 units. The engine rates the first 20,000
/// bytes anyway, and 30,000 units are always more than that, so the report still says that
/// only the start was checked. Without it the browser itself lays out the whole paste: a 1 MB
/// paste of mixed scripts and emoji kept Chromium 156 busy for 3.9 s in a plain `<textarea>`
/// with no widget on the page (2026-12-02), against 6.6 ms for the widget's own handling.
const TEXT_BOX: [(&str, AttributeOrProperty); 23] = [
    ("id", AttributeOrProperty::Static("bc-message")),
    ("data-testid", AttributeOrProperty::Static("message")),
    ("rows", AttributeOrProperty::Static("6")),
    ("maxlength", AttributeOrProperty::Static("30000")),
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
    let outcome = outcome(&text, &engine, props);
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
            <p class={if matches!(outcome, Outcome::Report(..)) { "bc-message-status bc-sr-only" } else { "bc-message-status" }}
                role="status">{ status(&outcome, lang) }</p>
            if let Outcome::Report(_, document) = &outcome {
                { render(document) }
            }
        </section>
    }
}
