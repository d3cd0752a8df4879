//! The exposure engine.
//!
//! - The **rules** (the numbered list at the top of `src/exposure.rs`) are tested on a small
//!   fixture pack, `tests/fixtures/packs/rules.json`, so that research updates to the real pack
//!   cannot break them. Each rule has named tests `rule_N_…`, and every [`Reason`] appears in
//!   at least one named scenario: a new rule or reason without one fails.
//! - The **seed cases** run on the real pack: what the sources say of Mutami, MBTP, Alan...
//! - The **invariant** runs on the real pack and the fixture: across every insurer, operator
//!   choice and a grid of start and end dates, a "not exposed" incident verdict rests on a
//!   graded source, never on a missing entry.

use std::sync::OnceLock;

use breach_check::date::Date;
use breach_check::exposure::{
    Answer, Assessment, Input, InputError, InputField, NextStep, Reason, START_MARGIN_DAYS,
    Verdict, assess,
};
use breach_check::pack::{Certainty, Field, Grade, Pack};
use proptest::prelude::*;

const E: Verdict = Verdict::Exposed;
const N: Verdict = Verdict::NotExposed;
const U: Verdict = Verdict::Uncertain;

fn today() -> Date {
    Date::new(2026, 12, 1).unwrap()
}

/// The fixture pack the rule tests run on.
fn fixture() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| {
        Pack::from_json(include_str!("fixtures/packs/rules.json"))
            .unwrap_or_else(|error| panic!("the fixture pack is invalid: {error}"))
    })
}

fn builtin() -> &'static Pack {
    Pack::builtin()
}

/// The form as a visitor fills it: empty strings for what is not given.
struct Case {
    insurer: &'static str,
    operator: &'static str,
    start: &'static str,
    end: &'static str,
    answers: &'static [(&'static str, Answer)],
}

fn run(pack: &Pack, case: &Case) -> Assessment {
    let mut input = Input::new()
        .insurer_id(pack, case.insurer)
        .operator_value(pack, case.operator)
        .dates(Some(case.start), Some(case.end));
    for (incident, answer) in case.answers {
        input = input.answer(incident, *answer);
    }
    assess(pack, &input, today())
}

/// The verdict and reasons for one incident, wherever the answer lists it.
fn found(a: &Assessment, id: &str) -> Option<(Verdict, Vec<Reason>)> {
    a.incidents
        .iter()
        .chain(&a.ruled_out)
        .find(|r| r.incident == id)
        .map(|r| (r.verdict, r.reasons.clone()))
        .or_else(|| {
            a.questions
                .iter()
                .find(|q| q.incident == id)
                .and_then(|q| q.verdict.map(|v| (v, q.reasons.clone())))
        })
}

fn check(
    pack: &Pack,
    case: &Case,
    verdict: Option<Verdict>,
    incidents: &[(&str, Verdict, Reason)],
) {
    let a = run(pack, case);
    assert_eq!(a.verdict, verdict, "overall verdict: {:#?}", a.incidents);
    for (id, expected, reason) in incidents {
        let Some((got, reasons)) = found(&a, id) else {
            panic!("no result for {id}: {a:#?}");
        };
        assert!(
            got == *expected && reasons.contains(reason),
            "{id}: {got:?} {reasons:?}, expected {expected:?} with {reason:?}"
        );
    }
}

/// One named test per row: `name: (insurer, operator, start, end [, incident => answer]*)
/// => overall verdict [, incident => verdict, reason]*;`. `$covered` lists every reason the
/// rows name.
macro_rules! scenarios {
    ($pack:ident, $covered:ident; $(
        $name:ident: ($insurer:expr, $operator:expr, $start:expr, $end:expr $(, $qid:expr => $answer:expr)*)
            => $verdict:expr $(, $id:expr => $v:expr, $reason:expr)*;
    )*) => {
        $(
            #[test]
            fn $name() {
                let case = Case {
                    insurer: $insurer,
                    operator: $operator,
                    start: $start,
                    end: $end,
                    answers: &[$(($qid, $answer)),*],
                };
                check($pack(), &case, $verdict, &[$(($id, $v, $reason)),*]);
            }
        )*
        const $covered: &[Reason] = &[$($($reason,)*)*];
    };
}

// ---------------------------------------------------------------------------------------
// The rules, on the fixture pack.

scenarios! { fixture, RULE_REASONS;
    // Rule 1: after the disclosure, within the margin, during the incident, the cut-off.
    rule_1_a_start_well_after_the_disclosure_is_not_exposed: ("plain-x", "", "2024-03-10", "")
        => Some(N), "inc-x" => N, Reason::StartsAfterIncident, "inc-y" => N, Reason::StartsAfterIncident;
    rule_1_a_start_within_the_margin_after_the_disclosure_is_uncertain: ("plain-x", "", "2024-02-20", "")
        => Some(U), "inc-x" => U, Reason::StartsShortlyAfterIncident;
    rule_1_a_start_between_intrusion_and_disclosure_is_uncertain: ("plain-x", "", "2024-01-25", "")
        => Some(U), "inc-x" => U, Reason::StartsDuringIncident;
    rule_1_the_insurers_own_cutoff_decides_instead: ("cutoff", "", "2024-01-27", "")
        => Some(U), "inc-y" => N, Reason::StartsAfterInsurerCutoff;
    rule_1_a_start_on_the_cutoff_day_is_in_the_data: ("cutoff", "", "2024-01-26", "")
        => Some(E), "inc-y" => E, Reason::OverlapsOperatorPeriod;

    // Rule 2: after the insurer left the operator, and on the switch day.
    rule_2_a_start_after_the_switch_is_not_exposed: ("switcher", "", "2024-01-15", "")
        => Some(N), "inc-x" => N, Reason::StartsAfterOperatorPeriod;
    rule_2_a_start_on_the_switch_day_is_uncertain: ("switcher", "", "2024-01-01", "")
        => Some(U), "inc-x" => U, Reason::StartsOnSwitchDay;

    // Rule 3: ended before the period or the window; a period begun after the incident.
    rule_3_a_contract_ended_before_the_operator_period: ("late-joiner", "", "2015-01-01", "2022-12-31")
        => Some(U), "inc-y" => N, Reason::EndedBeforeOperatorPeriod;
    rule_3_a_contract_ended_before_the_insurers_window: ("switcher", "", "2010-01-01", "2015-06-30")
        => Some(N), "inc-x" => N, Reason::EndedBeforeInsurerWindow;
    rule_3_an_operator_joined_well_after_the_incident: ("joined-late", "", "2020-01-01", "")
        => Some(U), "inc-x" => N, Reason::OperatorJoinedAfterIncident;
    rule_3_an_operator_joined_shortly_after_the_incident: ("joined-soon", "", "2020-01-01", "")
        => Some(U), "inc-x" => U, Reason::OperatorJoinedShortlyAfterIncident;

    // Rule 4: running at the time; an operator left shortly before still counts.
    rule_4_a_contract_running_at_the_time_is_exposed: ("plain-x", "", "2015-03-01", "")
        => Some(E), "inc-x" => E, Reason::OverlapsOperatorPeriod;
    rule_4_an_operator_left_just_before_still_held_the_data: ("switcher", "", "2015-03-01", "")
        => Some(E), "inc-x" => E, Reason::PreviousOperatorStillHeldData;
    rule_4_an_operator_left_years_before_may_not_hold_it: ("old-switch", "", "2015-01-01", "")
        => Some(U), "inc-x" => U, Reason::FormerMemberRetentionUnknown;

    // Rule 5: former members.
    rule_5_former_members_the_insurer_includes_are_exposed: ("switcher", "", "2017-01-01", "2020-12-31")
        => Some(E), "inc-x" => E, Reason::FormerMembersIncluded;
    rule_5_other_former_members_are_uncertain: ("plain-x", "", "2005-01-01", "2010-12-31")
        => Some(U), "inc-x" => U, Reason::FormerMemberRetentionUnknown;

    // Rule 6: partial scope, some beneficiaries only, the grade of the link.
    rule_6_a_partial_scope_is_uncertain: ("partial", "", "2015-01-01", "")
        => Some(U), "inc-x" => U, Reason::PartialScope;
    rule_6_some_beneficiaries_only_is_uncertain: ("networked", "", "2015-01-01", "")
        => Some(E), "inc-n" => U, Reason::SomeBeneficiariesOnly, "inc-x" => E, Reason::OverlapsOperatorPeriod;
    rule_6_press_sources_keep_the_verdict_and_say_so: ("press", "", "2015-01-01", "")
        => Some(E), "inc-x" => E, Reason::OnlyPressSources;
    rule_6_weak_sources_alone_are_uncertain: ("weak", "", "2015-01-01", "")
        => Some(U), "inc-x" => U, Reason::OnlyWeakSources;

    // Rule 7: the card.
    rule_7_the_operator_on_the_card_alone: ("", "op-x", "2015-01-01", "")
        => Some(E), "inc-x" => E, Reason::OperatorFromCard;
    rule_7_a_card_showing_another_operator_says_nothing_of_2024: ("", "op-z", "2015-01-01", "")
        => Some(U), "inc-x" => U, Reason::CardShowsCurrentOperator, "inc-y" => U, Reason::CardShowsCurrentOperator;
    rule_7_a_card_showing_a_network_says_nothing_of_2024: ("", "net-m", "2015-01-01", "")
        => Some(U), "inc-x" => U, Reason::NetworkIsNotOperator;
    rule_7_the_card_outweighs_a_not_used_ruling: ("switcher", "op-y", "2015-01-01", "")
        => Some(E), "inc-y" => E, Reason::OperatorFromCard;

    // Rule 8: an operator the pack does not link to the insurer.
    rule_8_an_unlinked_operator_open_at_the_start_is_uncertain: ("plain-x", "", "2024-02-03", "")
        => Some(U), "inc-y" => U, Reason::OperatorNotLinked, "inc-x" => U, Reason::StartsShortlyAfterIncident;
    rule_8_a_source_settling_the_operators_rules_it_out: ("switcher", "", "2015-03-01", "")
        => Some(E), "inc-y" => N, Reason::OperatorNotUsed;
    rule_8_settled_by_the_press_only_says_so: ("press", "", "2015-01-01", "")
        => Some(E), "inc-y" => N, Reason::OperatorNotUsed;
    rule_8_settled_by_a_weak_source_stays_uncertain: ("weak-settled", "", "2015-01-01", "")
        => Some(E), "inc-y" => U, Reason::OnlyWeakSources;
    rule_8_a_settlement_from_a_day_does_not_cover_older_contracts: ("settled-from", "", "2015-01-01", "")
        => Some(E), "inc-y" => U, Reason::OperatorNotLinked;
    rule_8_before_the_first_known_period_the_reason_says_so: ("late-joiner", "", "2015-01-01", "")
        => Some(E), "inc-x" => U, Reason::EarlierOperatorUnknown;

    // Rule 9: no public statement, or the insurer's own statement.
    rule_9_an_insurer_without_statement_is_uncertain: ("silent", "", "2015-01-01", "")
        => Some(U), "inc-x" => U, Reason::InsurerOperatorUnknown, "inc-y" => U, Reason::InsurerOperatorUnknown;
    rule_9_the_insurers_own_statement_is_not_exposed: ("stated", "", "2015-01-01", "")
        => Some(N), "inc-x" => N, Reason::InsurerSaysNotConcerned, "inc-y" => N, Reason::InsurerSaysNotConcerned;

    // Rule 10: other or unknown, no insurer.
    rule_10_an_unknown_operator_is_uncertain: ("", "unknown", "2015-01-01", "")
        => Some(U), "inc-x" => U, Reason::OperatorUnknown, "inc-n" => U, Reason::OperatorUnknown;
    rule_10_other_operator_after_every_incident_is_still_uncertain: ("", "other", "2026-06-01", "")
        => Some(U), "inc-x" => N, Reason::StartsAfterIncident;

    // Rule 11: no input, no verdict; no start date, no "not exposed".
    rule_11_nothing_given_gives_no_verdict: ("", "", "", "") => None;
    rule_11_dates_alone_give_no_verdict: ("", "", "2020-01-01", "") => None;
    rule_11_no_dates_is_uncertain_and_asks_for_them: ("plain-x", "", "", "")
        => Some(U), "inc-x" => U, Reason::DatesUnknown;
    rule_11_an_unknown_start_is_uncertain: ("plain-x", "", "", "2030-01-01")
        => Some(U), "inc-x" => U, Reason::StartUnknown;
    rule_11_without_a_start_even_a_statement_is_not_the_overall_answer: ("stated", "", "", "")
        => Some(U), "inc-x" => N, Reason::InsurerSaysNotConcerned;

    // Rule 12: an incident decided by its own question.
    rule_12_yes_when_only_some_users_were_in_the_data_is_uncertain: ("", "", "", "", "inc-q" => Answer::Yes)
        => None, "inc-q" => U, Reason::AnsweredYes;
    rule_12_yes_when_every_user_was_in_the_data_is_exposed: ("", "", "", "", "inc-all" => Answer::Yes)
        => None, "inc-all" => E, Reason::AnsweredYes;
    rule_12_no_is_not_exposed: ("", "", "", "", "inc-q" => Answer::No)
        => None, "inc-q" => N, Reason::AnsweredNo;
    rule_12_dont_know_is_uncertain: ("", "", "", "", "inc-q" => Answer::DontKnow)
        => None, "inc-q" => U, Reason::AnsweredDontKnow;
    rule_12_a_question_never_enters_the_overall_verdict: ("plain-x", "", "2024-03-10", "", "inc-all" => Answer::Yes)
        => Some(N), "inc-all" => E, Reason::AnsweredYes, "inc-x" => N, Reason::StartsAfterIncident;
}

// ---------------------------------------------------------------------------------------
// What the sources say, on the real pack.

scenarios! { builtin, SEED_REASONS;
    mutami_member_since_2015_is_exposed_to_viamedis_only: ("mutami", "", "2015-03-01", "")
        => Some(E), "viamedis-2024" => E, Reason::PreviousOperatorStillHeldData, "almerys-2024" => N, Reason::OperatorNotUsed;
    mutami_member_from_february_2024_is_not_exposed: ("mutami", "", "2024-02-01", "")
        => Some(N), "viamedis-2024" => N, Reason::StartsAfterOperatorPeriod;
    mutami_member_from_1_january_2024_is_uncertain: ("mutami", "", "2024-01-01", "")
        => Some(U), "viamedis-2024" => U, Reason::StartsOnSwitchDay;
    mutami_contract_before_2016_is_not_exposed: ("mutami", "", "2010-01-01", "2015-06-30")
        => Some(N), "viamedis-2024" => N, Reason::EndedBeforeInsurerWindow;
    mbtp_member_since_2019_is_exposed_to_almerys: ("mbtp", "", "2019-09-01", "")
        => Some(E), "almerys-2024" => E, Reason::OverlapsOperatorPeriod, "viamedis-2024" => U, Reason::OperatorNotLinked;
    la_mutuelle_generale_since_2019_is_exposed_to_both: ("la-mutuelle-generale", "", "2019-01-01", "")
        => Some(E), "viamedis-2024" => E, Reason::PreviousOperatorStillHeldData, "almerys-2024" => E, Reason::OverlapsOperatorPeriod;
    alan_member_from_26_january_is_exposed: ("alan", "", "2024-01-26", "")
        => Some(E), "almerys-2024" => E, Reason::OverlapsOperatorPeriod;
    alan_member_from_27_january_is_not_exposed: ("alan", "", "2024-01-27", "")
        => Some(N), "almerys-2024" => N, Reason::StartsAfterInsurerCutoff;
    harmonie_member_from_3_february_2024_is_uncertain: ("harmonie-mutuelle", "", "2024-02-03", "")
        => Some(U), "almerys-2024" => U, Reason::OperatorNotLinked, "viamedis-2024" => U, Reason::StartsShortlyAfterIncident;
    ca_assurances_relies_on_viamedis_only: ("ca-assurances", "", "2015-01-01", "")
        => Some(E), "viamedis-2024" => E, Reason::OnlyPressSources, "almerys-2024" => N, Reason::OperatorNotUsed;
    mutame_plus_uses_almerys_for_four_contracts_only: ("mutame-plus", "", "2012-01-01", "")
        => Some(U), "almerys-2024" => U, Reason::PartialScope, "viamedis-2024" => N, Reason::OperatorNotUsed;
    mgen_has_no_public_statement: ("mgen", "", "2015-01-01", "")
        => Some(U), "viamedis-2024" => U, Reason::InsurerOperatorUnknown, "almerys-2024" => U, Reason::InsurerOperatorUnknown;
    appa_members_were_not_concerned: ("appa", "", "2015-01-01", "")
        => Some(N), "viamedis-2024" => N, Reason::InsurerSaysNotConcerned, "almerys-2024" => N, Reason::InsurerSaysNotConcerned;
    mhv_members_were_not_concerned: ("mhv", "", "2015-01-01", "")
        => Some(N), "viamedis-2024" => N, Reason::InsurerSaysNotConcerned;
    valeo_members_may_be_in_their_former_operators_data: ("mutuelle-valeo", "", "2015-01-01", "")
        => Some(U), "almerys-2024" => U, Reason::PartialScope;
    scop_members_through_kalixia_hosted_at_viamedis: ("mutuelle-des-scop", "", "2015-01-01", "")
        => Some(U), "viamedis-2024" => U, Reason::PartialScope, "almerys-2024" => N, Reason::OperatorNotUsed;
    smh_optical_and_hearing_only: ("smh", "", "2012-01-01", "")
        => Some(U), "viamedis-2024" => U, Reason::PartialScope;
    audiens_rests_on_a_weak_source: ("audiens", "", "2012-01-01", "")
        => Some(U), "viamedis-2024" => U, Reason::OnlyWeakSources;
    axa_contracts_use_the_itelis_network: ("axa", "", "2019-01-01", "")
        => Some(U), "itelis-2025" => U, Reason::OnlyWeakSources, "viamedis-2024" => U, Reason::InsurerOperatorUnknown;
    an_itelis_card_since_2019: ("", "itelis", "2019-01-01", "")
        => Some(U), "itelis-2025" => U, Reason::SomeBeneficiariesOnly, "almerys-2024" => U, Reason::NetworkIsNotOperator;
    an_actil_card_says_nothing_of_2024: ("", "actil", "2020-01-01", "")
        => Some(U), "viamedis-2024" => U, Reason::CardShowsCurrentOperator;
    an_alan_member_whose_card_shows_viamedis: ("alan", "viamedis", "2020-01-01", "")
        => Some(E), "viamedis-2024" => E, Reason::OperatorFromCard;
    a_doctor_using_monlogicielmedical: ("", "", "", "", "cegedim-mlm-2025" => Answer::Yes)
        => None, "cegedim-mlm-2025" => U, Reason::SomeBeneficiariesOnly;
}

/// Every reason a verdict can give has a named scenario on the fixture pack. `Reason::ALL` is
/// declared with the enum itself, so a new reason without a scenario fails here.
#[test]
fn every_reason_has_a_named_scenario() {
    let missing: Vec<&Reason> = Reason::ALL
        .iter()
        .filter(|reason| !RULE_REASONS.contains(reason))
        .collect();
    assert!(
        missing.is_empty(),
        "reasons without a rule scenario: {missing:?}"
    );
    assert!(SEED_REASONS.iter().all(|r| Reason::ALL.contains(r)));
}

/// Each numbered rule of `src/exposure.rs`'s plain-words list has a test named after it.
#[test]
fn every_rule_in_the_engine_docs_has_a_named_test() {
    let docs = include_str!("../src/exposure.rs");
    let this = include_str!("exposure.rs");
    let rules: Vec<u32> = docs
        .lines()
        .take_while(|line| line.starts_with("//!"))
        .filter_map(|line| {
            let number = line.trim_start_matches("//!").trim_start();
            let (n, rest) = number.split_once(". ")?;
            (!rest.is_empty()).then(|| n.parse().ok()).flatten()
        })
        .collect();
    assert!(rules.len() >= 12, "rules found: {rules:?}");
    for rule in rules {
        assert!(
            this.contains(&format!("rule_{rule}_")),
            "rule {rule} has no test named rule_{rule}_…"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Fields, next steps, errors, the summary.

fn form(
    insurer: &'static str,
    operator: &'static str,
    start: &'static str,
    end: &'static str,
) -> Case {
    Case {
        insurer,
        operator,
        start,
        end,
        answers: &[],
    }
}

#[test]
fn exposed_fields_keep_their_certainty_and_safe_fields_their_caveats() {
    let a = run(fixture(), &form("plain-x", "", "2015-03-01", ""));
    assert!(
        a.exposed_fields
            .contains(&(Field::Nir, Certainty::Confirmed))
    );
    assert!(
        a.exposed_fields
            .contains(&(Field::Sex, Certainty::Possible))
    );
    // inc-y is uncertain for this insurer (not linked): its fields are possible, not confirmed.
    assert!(
        a.exposed_fields
            .contains(&(Field::Guarantees, Certainty::Possible))
    );
    assert!(a.not_exposed_fields.contains(&Field::Bank));
    assert!(a.not_exposed_fields.contains(&Field::Medical));
    assert_eq!(a.caveats.len(), 1);
    assert_eq!(a.caveats[0].0, Field::Medical);
    assert!(a.family_members);
    // A "not exposed" answer lists no exposed field.
    let safe = run(fixture(), &form("plain-x", "", "2024-03-10", ""));
    assert_eq!(safe.verdict, Some(N));
    assert!(safe.exposed_fields.is_empty());
}

#[test]
fn a_question_has_its_own_fields_never_the_overall_ones() {
    let case = Case {
        insurer: "plain-x",
        operator: "",
        start: "2024-03-10",
        end: "",
        answers: &[("inc-all", Answer::Yes), ("inc-q", Answer::DontKnow)],
    };
    let a = run(fixture(), &case);
    assert_eq!(a.verdict, Some(N));
    assert!(a.exposed_fields.is_empty(), "{:?}", a.exposed_fields);
    let all = a
        .questions
        .iter()
        .find(|q| q.incident == "inc-all")
        .unwrap();
    assert_eq!(all.exposed_fields, [(Field::Email, Certainty::Confirmed)]);
    let q = a.questions.iter().find(|q| q.incident == "inc-q").unwrap();
    assert!(
        q.exposed_fields
            .iter()
            .all(|(_, c)| *c == Certainty::Possible)
    );
    assert_eq!(q.not_exposed_fields, [Field::Bank]);
    // Question incidents are never judged by the operator path.
    assert!(!a.incidents.iter().any(|r| r.incident.starts_with("inc-q")));
    assert!(!a.separate_incidents.contains(&"inc-q".to_owned()));
    // Unanswered, a question waits: no verdict, no fields.
    let a = run(fixture(), &form("", "", "", ""));
    assert!(
        a.questions
            .iter()
            .all(|q| q.verdict.is_none() && q.exposed_fields.is_empty())
    );
    assert_eq!(a.questions.len(), 2);
    let no = run(
        fixture(),
        &Case {
            answers: &[("inc-q", Answer::No)],
            ..form("", "", "", "")
        },
    );
    let q = no.questions.iter().find(|q| q.incident == "inc-q").unwrap();
    assert_eq!(q.decided_by, ["s-q"]);
}

#[test]
fn answers_read_and_write_the_same_values() {
    for answer in Answer::ALL {
        assert_eq!(Answer::parse(answer.as_str()), Some(answer));
    }
    assert_eq!(Answer::parse("maybe"), None);
}

#[test]
fn a_network_incident_is_named_apart_unless_the_inputs_reach_it() {
    let a = run(fixture(), &form("plain-x", "", "2015-03-01", ""));
    assert_eq!(a.separate_incidents, ["inc-n"]);
    let a = run(fixture(), &form("networked", "", "2015-03-01", ""));
    assert!(a.separate_incidents.is_empty());
    let a = run(fixture(), &form("", "net-n", "2015-03-01", ""));
    assert!(a.separate_incidents.is_empty());
    let a = run(builtin(), &form("macif", "", "2024-06-01", ""));
    assert_eq!(a.verdict, Some(N));
    assert_eq!(a.separate_incidents, ["itelis-2025"]);
}

#[test]
fn next_steps_follow_the_verdict_and_point_to_the_card_when_it_would_settle() {
    let exposed = run(fixture(), &form("plain-x", "", "2015-03-01", ""));
    assert!(exposed.next_steps.contains(&NextStep::ComplaintLetter));
    let silent = run(fixture(), &form("silent", "", "2015-03-01", ""));
    assert!(silent.next_steps.contains(&NextStep::CheckCard));
    let unlinked = run(fixture(), &form("plain-x", "", "2024-02-03", ""));
    assert!(unlinked.next_steps.contains(&NextStep::CheckCard));
    let undated = run(fixture(), &form("plain-x", "", "", ""));
    assert_eq!(undated.next_steps.first(), Some(&NextStep::EnterDates));
    let card = run(fixture(), &form("", "unknown", "", ""));
    assert!(card.next_steps.contains(&NextStep::CheckCard) && card.card_caveats);
    assert!(!exposed.card_caveats);
}

#[test]
fn bad_input_gets_typed_errors_next_to_its_field() {
    let cases: &[(&str, &str, &str, &str, InputError)] = &[
        (
            "plain-x",
            "",
            "2020-01-01",
            "2019-01-01",
            InputError::EndBeforeStart,
        ),
        ("plain-x", "", "2027-01-01", "", InputError::StartInFuture),
        (
            "plain-x",
            "",
            "1899-12-31",
            "",
            InputError::DateOutOfRange(InputField::Start),
        ),
        (
            "plain-x",
            "",
            "2020-01-01",
            "20-01-01",
            InputError::DateOutOfRange(InputField::End),
        ),
        (
            "plain-x",
            "",
            "2023-02-30",
            "",
            InputError::DateOutOfRange(InputField::Start),
        ),
        (
            "no-such-mutuelle",
            "",
            "2020-01-01",
            "",
            InputError::UnknownInsurer,
        ),
        (
            "",
            "no-such-operator",
            "2020-01-01",
            "",
            InputError::UnknownOperator,
        ),
    ];
    for (insurer, operator, start, end, error) in cases {
        let pack = fixture();
        let input = Input::new()
            .insurer_id(pack, insurer)
            .operator_value(pack, operator)
            .dates(Some(start), Some(end));
        let a = assess(pack, &input, today());
        assert!(
            a.errors.contains(error),
            "{insurer} {operator} {start} {end}: {:?}",
            a.errors
        );
    }
    assert_eq!(InputError::EndBeforeStart.field(), InputField::End);
    // A date error withholds the verdict rather than guessing.
    assert_eq!(
        run(fixture(), &form("plain-x", "", "2020-01-01", "2019-01-01")).verdict,
        None
    );
    // An unknown insurer is ignored, the operator still answers.
    let a = run(
        fixture(),
        &form("no-such-mutuelle", "op-x", "2020-01-01", ""),
    );
    assert_eq!(a.verdict, Some(E));
    // Resolving again replaces the earlier error.
    let pack = fixture();
    let input = Input::new()
        .insurer_id(pack, "nope")
        .insurer_id(pack, "plain-x");
    assert_eq!(
        input.resolved_insurer().map(|i| i.id.as_str()),
        Some("plain-x")
    );
    assert!(assess(pack, &input, today()).errors.is_empty());
}

#[test]
fn the_operator_choice_reads_and_writes_the_form_values() {
    use breach_check::exposure::OperatorChoice;
    let pack = fixture();
    assert_eq!(OperatorChoice::parse(pack, ""), Ok(None));
    assert_eq!(
        OperatorChoice::parse(pack, " other "),
        Ok(Some(OperatorChoice::Other))
    );
    assert_eq!(
        OperatorChoice::parse(pack, "unknown"),
        Ok(Some(OperatorChoice::Unknown))
    );
    assert_eq!(
        OperatorChoice::parse(pack, "nope"),
        Err(InputError::UnknownOperator)
    );
    for value in [
        "op-x",
        "net-n",
        OperatorChoice::OTHER,
        OperatorChoice::UNKNOWN,
    ] {
        let choice = OperatorChoice::parse(pack, value).unwrap().unwrap();
        assert_eq!(choice.as_str(), value);
    }
}

#[test]
fn the_summary_holds_the_verdict_and_the_incident_ids_only() {
    let a = run(fixture(), &form("switcher", "", "2015-03-01", ""));
    let summary = a.summary().unwrap();
    assert_eq!(summary.verdict, E);
    assert_eq!(summary.incidents, ["inc-x"]);
    assert_eq!(a.ruled_out.len(), 1);
    assert_eq!(run(fixture(), &form("", "", "", "")).summary(), None);
}

// ---------------------------------------------------------------------------------------
// The invariant: no "not exposed" without a graded source behind it.

/// The reasons that can make an incident "not exposed": each rests on a fact with sources.
const NOT_EXPOSED_REASONS: [Reason; 8] = [
    Reason::StartsAfterIncident,
    Reason::StartsAfterInsurerCutoff,
    Reason::StartsAfterOperatorPeriod,
    Reason::EndedBeforeOperatorPeriod,
    Reason::EndedBeforeInsurerWindow,
    Reason::OperatorJoinedAfterIncident,
    Reason::OperatorNotUsed,
    Reason::InsurerSaysNotConcerned,
];

fn check_invariant(pack: &Pack, insurer: Option<&str>, operator: &str, start: &str, end: &str) {
    let input = Input::new()
        .insurer_id(pack, insurer.unwrap_or_default())
        .operator_value(pack, operator)
        .dates(Some(start), Some(end));
    let a = assess(pack, &input, today());
    let context = || format!("{insurer:?} {operator:?} {start:?} {end:?}");
    if start.is_empty() {
        assert_ne!(
            a.verdict,
            Some(N),
            "no start, yet not exposed: {}",
            context()
        );
    }
    for r in a.incidents.iter().chain(&a.ruled_out) {
        let incident = pack.incident(&r.incident).unwrap();
        assert!(
            incident.operator.is_some(),
            "{} judged by operator",
            r.incident
        );
        if r.verdict != N {
            continue;
        }
        let reason = r.reasons.first().copied();
        assert!(
            reason.is_some_and(|reason| NOT_EXPOSED_REASONS.contains(&reason)),
            "{}: {} not exposed for {:?}",
            context(),
            r.incident,
            r.reasons
        );
        assert!(
            !r.decided_by.is_empty(),
            "{}: {} rests on nothing",
            context(),
            r.incident
        );
        assert!(r.decided_by.iter().all(|id| pack.source(id).is_some()));
        assert_ne!(
            pack.best_grade(&r.decided_by),
            Grade::C,
            "{}: {}",
            context(),
            r.incident
        );
        let insurer = input.resolved_insurer();
        match reason {
            Some(Reason::OperatorNotUsed) => {
                let settled = insurer.and_then(|i| i.operators_settled.as_ref()).unwrap();
                assert!(r.decided_by.iter().all(|id| settled.sources.contains(id)));
            }
            Some(Reason::InsurerSaysNotConcerned) => {
                let statement = insurer.and_then(|i| i.not_concerned.as_ref()).unwrap();
                assert!(statement.incidents.contains(&r.incident));
            }
            Some(Reason::StartsAfterIncident) => {
                let start: Date = start.parse().unwrap();
                let margin_end = incident
                    .disclosure
                    .date
                    .add_days(START_MARGIN_DAYS)
                    .unwrap();
                assert!(start > margin_end, "{}: {}", context(), r.incident);
            }
            _ => {}
        }
    }
}

const STARTS: [&str; 22] = [
    "",
    "2005-01-01",
    "2015-06-01",
    "2020-01-01",
    "2023-01-01",
    "2023-12-31",
    "2024-01-01",
    "2024-01-02",
    "2024-01-21",
    "2024-01-22",
    "2024-01-26",
    "2024-01-27",
    "2024-02-01",
    "2024-02-02",
    "2024-02-05",
    "2024-02-06",
    "2024-03-02",
    "2024-03-07",
    "2024-03-08",
    "2025-11-15",
    "2025-12-20",
    "2026-06-01",
];
const ENDS: [&str; 7] = [
    "",
    "2012-12-31",
    "2019-06-30",
    "2023-06-30",
    "2023-12-31",
    "2024-01-25",
    "2025-01-01",
];

fn operator_choices(pack: &Pack) -> Vec<String> {
    let mut choices: Vec<String> = pack.operators.iter().map(|o| o.id.clone()).collect();
    choices.extend(["", "other", "unknown"].map(String::from));
    choices
}

fn check_grid(pack: &Pack) {
    let insurers = pack
        .insurers
        .iter()
        .map(|i| Some(i.id.as_str()))
        .chain([None]);
    for insurer in insurers {
        for operator in operator_choices(pack) {
            for start in STARTS {
                for end in ENDS {
                    check_invariant(pack, insurer, &operator, start, end);
                }
            }
        }
    }
}

#[test]
fn a_not_exposed_incident_always_rests_on_a_graded_source_in_the_real_pack() {
    check_grid(builtin());
}

#[test]
fn a_not_exposed_incident_always_rests_on_a_graded_source_in_the_fixture() {
    check_grid(fixture());
}

fn any_date() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        (1890u16..2110, 1u8..13, 1u8..32).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        "\\PC{0,12}",
    ]
}

fn any_id() -> impl Strategy<Value = String> {
    let pack = builtin();
    let mut ids: Vec<String> = pack.insurers.iter().map(|i| i.id.clone()).collect();
    ids.extend(pack.operators.iter().map(|o| o.id.clone()));
    ids.extend(["other", "unknown", "", "nope", "MUTAMI"].map(String::from));
    proptest::sample::select(ids)
}

fn exposed_somewhere(a: &Assessment) -> Vec<String> {
    a.incidents
        .iter()
        .filter(|r| r.verdict == E)
        .map(|r| r.incident.clone())
        .collect()
}

fn run_text(insurer: &str, operator: &str, start: &str, end: &str) -> Assessment {
    let pack = builtin();
    let input = Input::new()
        .insurer_id(pack, insurer)
        .operator_value(pack, operator)
        .dates(Some(start), Some(end));
    assess(pack, &input, today())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_and_verdicts_are_consistent(insurer in any_id(), operator in any_id(), start in any_date(), end in any_date()) {
        let a = run_text(&insurer, &operator, &start, &end);
        if let Some(verdict) = a.verdict {
            let worst = a.incidents.iter().chain(&a.ruled_out).map(|r| r.verdict).max().unwrap_or(U);
            prop_assert!(verdict >= worst);
            if verdict == N {
                prop_assert!(a.exposed_fields.is_empty());
            }
        }
        for (field, _) in &a.exposed_fields {
            prop_assert!(!a.not_exposed_fields.contains(field));
        }
    }

    #[test]
    fn extending_a_contract_never_turns_exposed_into_not_exposed(
        insurer in any_id(), operator in any_id(),
        start in (2000u16..2026, 1u8..13, 1u8..29), length in 0i64..8000,
        earlier in 0i64..4000, later in 0i64..4000, running in any::<bool>(),
    ) {
        let start_date = Date::new(start.0, start.1, start.2).unwrap();
        let end_date = start_date.add_days(length).unwrap();
        let wider_start = start_date.add_days(-earlier).unwrap();
        let wider_end = end_date.add_days(later).unwrap();
        let narrow = run_text(&insurer, &operator, &start_date.to_string(), &end_date.to_string());
        let wide = run_text(&insurer, &operator, &wider_start.to_string(),
            &if running { String::new() } else { wider_end.to_string() });
        let date_error = |a: &Assessment| a.errors.iter().any(|e| matches!(e.field(), InputField::Start | InputField::End));
        // Start in the future: not a contract the visitor can have had.
        prop_assume!(!date_error(&narrow) && !date_error(&wide));
        if narrow.verdict == Some(E) {
            prop_assert_ne!(wide.verdict, Some(N));
        }
        for id in exposed_somewhere(&narrow) {
            let r = wide.incidents.iter().find(|r| r.incident == id);
            prop_assert!(r.is_some_and(|r| r.verdict != N), "{id}: {:?} then {:?}", narrow.incidents, wide.incidents);
        }
    }
}
