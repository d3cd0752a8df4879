//! The exposure section's root: insurer, operator, contract dates, the live verdict beneath,
//! and the incidents decided by a question of their own.
//!
//! It keeps what the visitor typed in one reducer ([`Form`], never an attribute, the URL or
//! storage), hands it to `exposure::assess` on every change and renders the answer. Its two
//! effects (following the host's preset, telling the embed the verdict) run here and nowhere
//! below. There is no submit button: the verdict appears as soon as the inputs allow one.

use std::rc::Rc;

use yew::prelude::*;

use crate::date::Date;
use crate::explain::Headline;
use crate::exposure::{Answer, Input, InputField, VerdictSummary, assess};
use crate::i18n::{Lang, Localized, Msg};
use crate::pack::Pack;
use crate::ui::exposure::combobox::Combobox;
use crate::ui::exposure::date_field::{DateField, DateKind};
use crate::ui::exposure::field_errors::{described_by, errors_for, field_errors};
use crate::ui::exposure::operator_select::OperatorSelect;
use crate::ui::exposure::question::question_view;
use crate::ui::exposure::state::{Form, FormAction};
use crate::ui::exposure::verdict::VerdictView;
use crate::ui::shared::Shared;

/// Properties of [`ExposureSection`].
#[derive(Properties, PartialEq, Clone)]
pub struct ExposureSectionProps {
    /// Interface language.
    pub lang: Lang,
    /// The pack in use (built-in, or with the host's overlay).
    pub pack: Rc<Pack>,
    /// Today, from the browser's clock.
    pub today: Date,
    /// Insurer preselected by the host (`insurer` attribute).
    pub preset_insurer: Option<String>,
    /// Operator preselected by the host (`operator` attribute).
    pub preset_operator: Option<String>,
    /// The host's notice page, if it gave one.
    pub notice_href: Option<String>,
    /// Told the overall verdict and the incident ids whenever they change.
    pub on_verdict: Callback<Option<VerdictSummary>>,
}

/// A callback that dispatches the action `make` builds from its value.
fn dispatcher<T: 'static>(form: &UseReducerHandle<Form>, make: fn(T) -> FormAction) -> Callback<T> {
    let dispatch = form.dispatcher();
    Callback::from(move |value: T| dispatch.dispatch(make(value)))
}

/// The "was I exposed?" form and its answer.
#[component]
pub fn ExposureSection(props: &ExposureSectionProps) -> Html {
    let lang = props.lang;
    let form =
        use_reducer(|| Form::preset(props.preset_insurer.clone(), props.preset_operator.clone()));
    // A host that changes `insurer` or `operator` live (a SPA) resets those choices.
    {
        let dispatch = form.dispatcher();
        use_effect_with(
            (props.preset_insurer.clone(), props.preset_operator.clone()),
            move |(insurer, operator)| {
                dispatch.dispatch(FormAction::Preset {
                    insurer: insurer.clone(),
                    operator: operator.clone(),
                });
            },
        );
    }

    let assessment = Shared(use_memo(
        ((*form).clone(), Rc::clone(&props.pack), props.today),
        |(form, pack, today)| {
            // The ids are resolved once, here; the engine gets the insurer and operator.
            let mut input = Input::new()
                .insurer_id(pack, form.insurer.as_deref().unwrap_or_default())
                .operator_value(pack, &form.operator)
                .dates(Some(form.start.as_str()), Some(form.end.as_str()));
            for (incident, answer) in &form.answers {
                input = input.answer(incident, *answer);
            }
            assess(pack, &input, *today)
        },
    ));
    {
        let on_verdict = props.on_verdict.clone();
        use_effect_with(assessment.summary(), move |summary| {
            on_verdict.emit(summary.clone())
        });
    }

    let errors = |field: InputField| errors_for(&assessment.errors, field);
    let insurer_errors = errors(InputField::Insurer);
    let on_answer = dispatcher(&form, |(incident, answer): (String, Answer)| {
        FormAction::Answer(incident, answer)
    });
    let announcement = assessment
        .verdict
        .map(|v| Headline(v).text(lang))
        .unwrap_or_default();

    html! {
        <section class="bc-section bc-exposure" aria-labelledby="bc-exposure-heading">
            <h2 id="bc-exposure-heading">{ Msg::ExposureHeading.text(lang) }</h2>
            <p class="bc-intro">{ Msg::ExposureIntro.text(lang) }</p>
            <div class="bc-form">
                <div class="bc-field">
                    <label for="bc-insurer">{ Msg::InsurerLabel.text(lang) }</label>
                    <Combobox id="bc-insurer" testid="insurer" pack={Rc::clone(&props.pack)}
                        selected={form.insurer.clone().filter(|id| props.pack.insurer(id).is_some())}
                        describedby={described_by(InputField::Insurer, Some("bc-insurer-hint"),
                            !insurer_errors.is_empty())}
                        invalid={!insurer_errors.is_empty()}
                        no_match={Msg::InsurerNoMatch.text(lang)}
                        on_select={dispatcher(&form, FormAction::Insurer)} />
                    <p id="bc-insurer-hint" class="bc-hint">{ Msg::InsurerHint.text(lang) }</p>
                    { field_errors(lang, InputField::Insurer, &insurer_errors) }
                </div>
                <OperatorSelect {lang} pack={Rc::clone(&props.pack)}
                    value={form.operator.clone()} errors={errors(InputField::Operator)}
                    on_change={dispatcher(&form, FormAction::Operator)} />
                <div class="bc-dates">
                    <DateField {lang} kind={DateKind::Start} value={form.start.clone()}
                        errors={errors(InputField::Start)}
                        on_change={dispatcher(&form, FormAction::Start)} />
                    <DateField {lang} kind={DateKind::End} value={form.end.clone()}
                        errors={errors(InputField::End)}
                        on_change={dispatcher(&form, FormAction::End)} />
                </div>
            </div>
            <p class="bc-sr-only" aria-live="polite" aria-atomic="true">{ announcement }</p>
            if assessment.verdict.is_some() {
                <VerdictView {lang} assessment={assessment.clone()} pack={Rc::clone(&props.pack)}
                    insurer={form.insurer.clone()}
                    start={form.start.parse::<Date>().ok()} end={form.end.parse::<Date>().ok()}
                    today={props.today} notice_href={props.notice_href.clone()} />
            }
            { for assessment.questions.iter()
                .map(|result| question_view(lang, &props.pack, result, &on_answer)) }
        </section>
    }
}
