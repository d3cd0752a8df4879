//! The exposure form's state: what the visitor chose and typed, changed in one place.
//!
//! The section's root keeps a [`Form`] in `use_reducer`; every control turns its event into
//! a [`FormAction`] (a domain value, not a DOM event) and the root dispatches it. The form
//! lives here only: never in an attribute, the URL or storage.

use std::rc::Rc;

use yew::Reducible;

use crate::exposure::Answer;

/// What the visitor entered, as the controls give it (the engine parses it).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Form {
    /// The picked insurer's id.
    pub insurer: Option<String>,
    /// The operator select's value: an operator id, `other`, `unknown`, or empty.
    pub operator: String,
    /// The contract start as the date input gives it (`YYYY-MM-DD`, or empty).
    pub start: String,
    /// The contract end, likewise (empty: still running).
    pub end: String,
    /// The answers to incidents' own questions, by incident id.
    pub answers: Vec<(String, Answer)>,
}

impl Form {
    /// A form with the host's preselected insurer and operator.
    pub fn preset(insurer: Option<String>, operator: Option<String>) -> Form {
        Form {
            insurer,
            operator: operator.unwrap_or_default(),
            ..Form::default()
        }
    }
}

/// One change to the form.
#[derive(Clone, Debug, PartialEq)]
pub enum FormAction {
    /// The host set or changed its `insurer` and `operator` attributes (a SPA): those
    /// choices are reset to them, the dates and answers are kept.
    Preset {
        /// The `insurer` attribute.
        insurer: Option<String>,
        /// The `operator` attribute.
        operator: Option<String>,
    },
    /// An insurer was picked (or the text no longer names one).
    Insurer(Option<String>),
    /// The operator select changed.
    Operator(String),
    /// The start date changed.
    Start(String),
    /// The end date changed.
    End(String),
    /// An incident's question was answered.
    Answer(String, Answer),
}

impl Reducible for Form {
    type Action = FormAction;

    fn reduce(self: Rc<Self>, action: FormAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            FormAction::Preset { insurer, operator } => {
                next.insurer = insurer;
                next.operator = operator.unwrap_or_default();
            }
            FormAction::Insurer(id) => next.insurer = id,
            FormAction::Operator(value) => next.operator = value,
            FormAction::Start(value) => next.start = value,
            FormAction::End(value) => next.end = value,
            FormAction::Answer(incident, answer) => {
                next.answers.retain(|(id, _)| *id != incident);
                next.answers.push((incident, answer));
            }
        }
        // The same state keeps the same `Rc`, so that nothing re-renders (a date input
        // reports both `input` and `change` for one edit).
        if next == *self { self } else { Rc::new(next) }
    }
}
