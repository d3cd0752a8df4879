//! The exposure section: insurer, operator, contract dates, and the live verdict beneath.
//!
//! It keeps what the visitor typed in component state only (never an attribute, the URL or
//! storage), hands it to `exposure::assess` on every change and renders the answer. There is
//! no submit button: the verdict appears as soon as the inputs allow one.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::date::Date;
use crate::exposure::{
    Assessment, Input, InputError, InputField, OperatorChoice, VerdictSummary, assess,
};
use crate::i18n::{Lang, Localized, Msg};
use crate::pack::{OperatorKind, Pack};
use crate::ui::exposure::combobox::Combobox;
use crate::ui::exposure::verdict::{VerdictView, VerdictViewProps};

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

/// What the visitor entered.
#[derive(Clone, Debug, Default, PartialEq)]
struct Form {
    insurer: Option<String>,
    operator: String,
    start: String,
    end: String,
}

/// The "was I exposed?" form and its answer.
#[component]
pub fn ExposureSection(props: &ExposureSectionProps) -> Html {
    let lang = props.lang;
    let form = use_state(|| Form {
        insurer: props.preset_insurer.clone(),
        operator: props.preset_operator.clone().unwrap_or_default(),
        ..Form::default()
    });
    // A host that changes `insurer` or `operator` live (a SPA) resets those choices.
    {
        let form = form.clone();
        use_effect_with(
            (props.preset_insurer.clone(), props.preset_operator.clone()),
            move |(insurer, operator)| {
                let mut next = (*form).clone();
                next.insurer = insurer.clone();
                next.operator = operator.clone().unwrap_or_default();
                if next != *form {
                    form.set(next);
                }
            },
        );
    }

    let assessment = {
        let form = (*form).clone();
        let pack = Rc::clone(&props.pack);
        use_memo((form, pack, props.today), |(form, pack, today)| {
            // The ids are resolved once, here; the engine gets the insurer and operator.
            let input = Input::new()
                .insurer_id(pack, form.insurer.as_deref().unwrap_or_default())
                .operator_value(pack, &form.operator)
                .dates(Some(form.start.as_str()), Some(form.end.as_str()));
            assess(pack, &input, *today)
        })
    };
    {
        let on_verdict = props.on_verdict.clone();
        let summary = assessment.summary();
        use_effect_with(summary, move |summary| on_verdict.emit(summary.clone()));
    }

    let on_insurer = {
        let form = form.clone();
        Callback::from(move |id: Option<String>| {
            let mut next = (*form).clone();
            next.insurer = id;
            form.set(next);
        })
    };
    let on_operator = {
        let form = form.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let mut next = (*form).clone();
            next.operator = select.value();
            form.set(next);
        })
    };
    // Date inputs report on `input` while typing and on `change` from the picker.
    let date_handler = |start: bool| {
        let form = form.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let mut next = (*form).clone();
            if start {
                next.start = input.value();
            } else {
                next.end = input.value();
            }
            if next != *form {
                form.set(next);
            }
        })
    };
    let (on_start, on_end) = (date_handler(true), date_handler(false));
    let on_start_input = {
        let on_start = on_start.clone();
        Callback::from(move |event: InputEvent| on_start.emit(event.into()))
    };
    let on_end_input = {
        let on_end = on_end.clone();
        Callback::from(move |event: InputEvent| on_end.emit(event.into()))
    };

    let errors_for = |field: InputField| -> Vec<InputError> {
        assessment
            .errors
            .iter()
            .copied()
            .filter(|e| e.field() == field)
            .collect()
    };
    let error_id = |field: InputField| match field {
        InputField::Insurer => "bc-insurer-error",
        InputField::Operator => "bc-operator-error",
        InputField::Start => "bc-start-error",
        InputField::End => "bc-end-error",
    };
    let describedby = |field: InputField, hint: Option<&str>| -> String {
        let mut ids: Vec<&str> = hint.into_iter().collect();
        if !errors_for(field).is_empty() {
            ids.push(error_id(field));
        }
        ids.join(" ")
    };
    let error_view = |field: InputField| -> Html {
        let errors = errors_for(field);
        if errors.is_empty() {
            return html! {};
        }
        html! {
            <div id={error_id(field)} class="bc-errors">
                { for errors.iter().map(|error| html! {
                    <p class="bc-error" data-testid="input-error" data-error={error.code()}>
                        <span aria-hidden="true">{ "⚠ " }</span>{ error.text(lang) }
                    </p>
                }) }
            </div>
        }
    };
    let invalid = |field: InputField| (!errors_for(field).is_empty()).then_some("true");

    let operator_option = |id: &str, name: &str| {
        html! { <option value={id.to_owned()} selected={form.operator == id}>{ name.to_owned() }</option> }
    };
    let group = |kind: OperatorKind| {
        props
            .pack
            .operators
            .iter()
            .filter(|o| o.kind == kind)
            .map(|o| operator_option(&o.id, &o.name))
            .collect::<Html>()
    };
    let known_operator = OperatorChoice::parse(&props.pack, &form.operator).is_ok();

    let announcement = assessment
        .verdict
        .map(|v| v.headline(lang))
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
                        describedby={describedby(InputField::Insurer, Some("bc-insurer-hint"))}
                        invalid={!errors_for(InputField::Insurer).is_empty()}
                        no_match={Msg::InsurerNoMatch.text(lang)}
                        on_select={on_insurer} />
                    <p id="bc-insurer-hint" class="bc-hint">{ Msg::InsurerHint.text(lang) }</p>
                    { error_view(InputField::Insurer) }
                </div>
                <div class="bc-field">
                    <label for="bc-operator">{ Msg::OperatorLabel.text(lang) }</label>
                    <select id="bc-operator" data-testid="operator" onchange={on_operator}
                        aria-describedby={describedby(InputField::Operator, Some("bc-operator-hint"))}
                        aria-invalid={invalid(InputField::Operator)}
                        class="rr-block rr-mask fs-mask" data-hj-suppress="" data-cs-mask=""
                        data-clarity-mask="true" data-dd-privacy="mask" data-private="" data-sl="mask">
                        <option value="" selected={form.operator.is_empty() || !known_operator}>
                            { Msg::OperatorChoose.text(lang) }
                        </option>
                        <optgroup label={Msg::OperatorGroupOperators.text(lang)}>
                            { group(OperatorKind::TiersPayant) }
                        </optgroup>
                        <optgroup label={Msg::OperatorGroupNetworks.text(lang)}>
                            { group(OperatorKind::CareNetwork) }
                        </optgroup>
                        { operator_option(OperatorChoice::OTHER, Msg::OperatorOther.text(lang)) }
                        { operator_option(OperatorChoice::UNKNOWN, Msg::OperatorUnknown.text(lang)) }
                    </select>
                    <p id="bc-operator-hint" class="bc-hint">{ Msg::OperatorHint.text(lang) }</p>
                    { error_view(InputField::Operator) }
                    if form.operator == OperatorChoice::UNKNOWN {
                        <CardHelp {lang} pack={Rc::clone(&props.pack)} />
                    }
                </div>
                <div class="bc-dates">
                    <div class="bc-field">
                        <label for="bc-start">{ Msg::ContractStartLabel.text(lang) }</label>
                        <input id="bc-start" type="date" data-testid="contract-start"
                            value={form.start.clone()}
                            aria-describedby={describedby(InputField::Start, None)}
                            aria-invalid={invalid(InputField::Start)}
                            class="rr-block rr-mask fs-mask" data-hj-suppress="" data-cs-mask=""
                            data-clarity-mask="true" data-dd-privacy="mask" data-private=""
                            data-sl="mask"
                            oninput={on_start_input} onchange={on_start} />
                        { error_view(InputField::Start) }
                    </div>
                    <div class="bc-field">
                        <label for="bc-end">{ Msg::ContractEndLabel.text(lang) }</label>
                        <input id="bc-end" type="date" data-testid="contract-end"
                            value={form.end.clone()}
                            aria-describedby={describedby(InputField::End, Some("bc-end-hint"))}
                            aria-invalid={invalid(InputField::End)}
                            class="rr-block rr-mask fs-mask" data-hj-suppress="" data-cs-mask=""
                            data-clarity-mask="true" data-dd-privacy="mask" data-private=""
                            data-sl="mask"
                            oninput={on_end_input} onchange={on_end} />
                        <p id="bc-end-hint" class="bc-hint">{ Msg::ContractEndHint.text(lang) }</p>
                        { error_view(InputField::End) }
                    </div>
                </div>
            </div>
            <p class="bc-sr-only" aria-live="polite" aria-atomic="true">{ announcement }</p>
            if assessment.verdict.is_some() {
                <VerdictView ..VerdictViewProps {
                    lang,
                    assessment: Rc::clone(&assessment) as Rc<Assessment>,
                    pack: Rc::clone(&props.pack),
                    insurer: form.insurer.clone(),
                    start: form.start.parse().ok(),
                    end: form.end.parse().ok(),
                    today: props.today,
                    notice_href: props.notice_href.clone(),
                } />
            }
        </section>
    }
}

/// Properties of [`CardHelp`].
#[derive(Properties, PartialEq, Clone)]
pub struct CardHelpProps {
    /// Interface language.
    pub lang: Lang,
    /// The pack, for each operator's and network's own hint.
    pub pack: Rc<Pack>,
}

/// How to read the operator on a tiers-payant card, and why the card can mislead.
#[component]
pub fn CardHelp(props: &CardHelpProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="bc-card-help" role="note" aria-labelledby="bc-card-help-heading">
            <h3 id="bc-card-help-heading">{ Msg::CardHelpHeading.text(lang) }</h3>
            <p>{ Msg::CardHelpWhere.text(lang) }</p>
            <ul>
                <li>{ Msg::CardCaveatCurrent.text(lang) }</li>
                <li>{ Msg::CardCaveatInsurerOnly.text(lang) }</li>
                <li>{ Msg::CardCaveatNetwork.text(lang) }</li>
            </ul>
            <dl class="bc-card-hints">
                { for props.pack.operators.iter().map(|operator| html! {
                    <>
                        <dt>{ &operator.name }</dt>
                        <dd>{ lang.pick(&operator.card_hint.fr, &operator.card_hint.en) }</dd>
                    </>
                }) }
            </dl>
        </div>
    }
}
