//! The password section: a field that never leaves this component, the meter and its
//! explanations. The rating is asked of the estimator's module on every keystroke and when
//! the module or the dictionaries arrive, so whatever was typed meanwhile is kept and rated:
//! with the built-in list at first (the meter says it is refining), with the full
//! dictionaries once they are here.
//!
//! The section asks for the module and the dictionaries the first time a visitor uses it:
//! when it scrolls into view, or when something in it takes the focus, or input arrives
//! (`ui::password::engine`). The password goes to the module through the loader's wrapper,
//! inside the page, as the bytes of `password::wire`; nowhere else.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Lang, Localized, Msg};
use crate::password::wire::{decode_answer, encode_request};
use crate::ui::password::advice::PasswordAdvice;
use crate::ui::password::engine::{DictionaryState, PasswordState, use_first_sight};
use crate::ui::password::feedback::PasswordFeedback;
use crate::ui::password::meter::{Meter, Rating};
use crate::ui::privacy::password_field;
use crate::ui::shared::{Load, Shared};

/// Properties of [`PasswordSection`].
#[derive(Properties, PartialEq, Clone)]
pub struct PasswordSectionProps {
    /// Interface language.
    pub lang: Lang,
    /// Where the estimator's module and the full dictionaries are.
    pub engine: PasswordState,
    /// Asks for the module and the dictionaries: called when a visitor first uses the section.
    pub want_engine: Callback<()>,
    /// Words a fraudster would try first: insurer and operator names, host-given words.
    pub context_words: Rc<Vec<String>>,
    /// This year, so that recent years and dates count as guessable.
    pub reference_year: i32,
}

/// What the visitor typed and whether it is shown.
#[derive(Clone, Debug, Default, PartialEq)]
struct FieldState {
    password: String,
    visible: bool,
}

enum FieldAction {
    Typed(String),
    ToggleVisible,
}

impl Reducible for FieldState {
    type Action = FieldAction;

    fn reduce(self: Rc<Self>, action: FieldAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            FieldAction::Typed(password) => next.password = password,
            FieldAction::ToggleVisible => next.visible = !next.visible,
        }
        Rc::new(next)
    }
}

/// The password field, its meter and feedback.
#[component]
pub fn PasswordSection(props: &PasswordSectionProps) -> Html {
    let lang = props.lang;
    let field = use_reducer(FieldState::default);

    let rating = Shared(use_memo(
        (
            field.password.clone(),
            props.engine.clone(),
            Rc::clone(&props.context_words),
            props.reference_year,
            lang,
        ),
        |(password, state, words, year, lang)| match &state.engine {
            Load::Unavailable => Rating::Unavailable,
            Load::Idle | Load::Loading => {
                if password.is_empty() && state.engine == Load::Idle {
                    Rating::Empty
                } else {
                    Rating::Waiting
                }
            }
            Load::Ready(_) if password.is_empty() => Rating::Empty,
            Load::Ready(engine) => {
                let answer = engine.answer(&encode_request(*lang, *year, words, password));
                match decode_answer(&answer) {
                    Err(_) => Rating::Failed,
                    // The built-in list rates until the full dictionaries arrive.
                    Ok(rated)
                        if !rated.full_dictionaries
                            && matches!(
                                state.dictionaries,
                                DictionaryState::Idle | DictionaryState::Loading
                            ) =>
                    {
                        Rating::Refining(Rc::new(rated))
                    }
                    Ok(rated) => Rating::Rated(Rc::new(rated)),
                }
            }
        },
    ));

    // First use: the section in view, or the focus in it (typing without a focus, by a
    // script or an assistive tool, counts too). The store asks only once per page.
    let section = use_node_ref();
    let idle = props.engine.engine == Load::Idle;
    use_first_sight(section.clone(), idle, props.want_engine.clone());
    let on_focus = {
        let want = props.want_engine.clone();
        Callback::from(move |_: FocusEvent| want.emit(()))
    };
    let on_input = {
        let field = field.clone();
        let want = props.want_engine.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            field.dispatch(FieldAction::Typed(input.value()));
            want.emit(());
        })
    };
    let on_toggle = {
        let field = field.clone();
        Callback::from(move |_: MouseEvent| field.dispatch(FieldAction::ToggleVisible))
    };
    html! {
        <section ref={section} class="bc-section bc-password" aria-labelledby="bc-password-heading"
            onfocusin={on_focus}>
            <h2 id="bc-password-heading">{ Msg::PasswordHeading.text(lang) }</h2>
            <p class="bc-intro">{ Msg::PasswordLocalNotice.text(lang) }</p>
            <div class="bc-field">
                <label for="bc-password">{ Msg::PasswordLabel.text(lang) }</label>
                <div class="bc-password-row">
                    // Every privacy hint of the field: see `ui::privacy`.
                    { password_field(field.visible, on_input) }
                    <button type="button" class="bc-toggle" aria-controls="bc-password"
                        aria-pressed={ if field.visible { "true" } else { "false" } }
                        onclick={on_toggle}>
                        { if field.visible { Msg::PasswordHide.text(lang) } else { Msg::PasswordShow.text(lang) } }
                    </button>
                </div>
            </div>
            <Meter {lang} rating={rating.clone()} />
            if props.engine.dictionaries == DictionaryState::Unavailable
                && matches!(*rating, Rating::Rated(_))
            {
                <p class="bc-hint">{ Msg::MeterReducedDictionary.text(lang) }</p>
            } else if matches!(*rating, Rating::Refining(_)) {
                <p class="bc-hint bc-refining">{ Msg::MeterRefining.text(lang) }</p>
            }
            <PasswordFeedback {lang} {rating} />
            <PasswordAdvice {lang} />
        </section>
    }
}
