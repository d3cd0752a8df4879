//! The verdict at a glance: what the first screen of an answer shows, chosen from an
//! [`Assessment`].
//!
//! A worried member on a phone wants three things: *yes or no*, *what leaked*, *what to do
//! now*. The engine answers all of them and more (every reason, rule and source); this module
//! picks what comes first, so that the view only renders:
//!
//! - [`headline`]: which incident line is the answer itself, when its verdict is the
//!   overall one;
//! - [`gist`]: the one reason worth a few words beside an incident's verdict (the doubt that
//!   makes it uncertain, the fact that rules it out);
//! - [`card`]: the fields of the member card with their marks, exposed first;
//! - [`split_steps`]: the [`FIRST_STEPS`] most important next steps, and the rest.
//!
//! Everything else stays in the answer, behind disclosures. Pure and tested natively.

use crate::exposure::{Assessment, NextStep, Reason, Verdict};
use crate::pack::{Certainty, Field};

/// How many next steps the answer shows before its disclosures.
pub const FIRST_STEPS: usize = 2;

enum_with_all! {
    /// How the member card marks a field.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
    pub enum Mark {
        /// The sources confirm it leaked.
        Exposed,
        /// It may have leaked (a reported field, or an uncertain incident's).
        Possible,
        /// The sources say it did not leak.
        Safe,
    }
}

impl Mark {
    /// A stable name for the mark (the card's `data-mark`).
    pub fn id(self) -> &'static str {
        match self {
            Mark::Exposed => "exposed",
            Mark::Possible => "possible",
            Mark::Safe => "safe",
        }
    }
}

/// The index of the incident whose line is the headline: the first (worst) one, when its
/// verdict is the overall verdict. None when the overall verdict says more than any incident
/// (rule 11: no start date, no "not exposed"; a card read as "other"), or when there is none:
/// the view then heads the answer with the overall verdict's own words.
pub fn headline(assessment: &Assessment) -> Option<usize> {
    let overall = assessment.verdict?;
    let first = assessment.incidents.first()?;
    (first.verdict == overall).then_some(0)
}

/// The reason worth naming beside an incident's verdict in its one-line answer, if any:
///
/// - uncertain: the first reason that leaves the doubt (dates too close, no source linking
///   the operator, only some members...), the one the member may be able to settle;
/// - not exposed: the fact it rests on (the first reason);
/// - exposed: what qualifies it (a former operator, press sources, the card), never the plain
///   "your contract ran at the time", which the verdict already says.
pub fn gist(verdict: Verdict, reasons: &[Reason]) -> Option<Reason> {
    match verdict {
        Verdict::Uncertain => reasons.iter().copied().find(|r| leaves_doubt(*r)),
        Verdict::NotExposed => reasons.first().copied(),
        Verdict::Exposed => reasons
            .iter()
            .copied()
            .find(|r| *r != Reason::OverlapsOperatorPeriod),
    }
}

/// True for the reasons that can make a verdict uncertain (one exhaustive match, so that a
/// new reason must be sorted here).
fn leaves_doubt(reason: Reason) -> bool {
    match reason {
        Reason::FormerMemberRetentionUnknown
        | Reason::StartsShortlyAfterIncident
        | Reason::StartsDuringIncident
        | Reason::StartsOnSwitchDay
        | Reason::OperatorJoinedShortlyAfterIncident
        | Reason::PartialScope
        | Reason::SomeBeneficiariesOnly
        | Reason::OnlyWeakSources
        | Reason::CardShowsCurrentOperator
        | Reason::NetworkIsNotOperator
        | Reason::OperatorUnknown
        | Reason::OperatorNotLinked
        | Reason::InsurerOperatorUnknown
        | Reason::EarlierOperatorUnknown
        | Reason::DatesUnknown
        | Reason::StartUnknown
        | Reason::AnsweredDontKnow => true,
        Reason::OverlapsOperatorPeriod
        | Reason::PreviousOperatorStillHeldData
        | Reason::FormerMembersIncluded
        | Reason::StartsAfterIncident
        | Reason::StartsAfterInsurerCutoff
        | Reason::StartsAfterOperatorPeriod
        | Reason::EndedBeforeOperatorPeriod
        | Reason::EndedBeforeInsurerWindow
        | Reason::OperatorJoinedAfterIncident
        | Reason::OnlyPressSources
        | Reason::OperatorFromCard
        | Reason::OperatorNotUsed
        | Reason::InsurerSaysNotConcerned
        | Reason::AnsweredYes
        | Reason::AnsweredNo => false,
    }
}

/// The member card's fields: the exposed ones (confirmed, then possible) and then the safe
/// ones, each group in the contract's field order.
pub fn card(exposed: &[(Field, Certainty)], safe: &[Field]) -> Vec<(Field, Mark)> {
    let mark_of = |field: Field| match exposed.iter().find(|(f, _)| *f == field) {
        Some((_, Certainty::Confirmed)) => Some(Mark::Exposed),
        Some((_, Certainty::Possible)) => Some(Mark::Possible),
        None => safe.contains(&field).then_some(Mark::Safe),
    };
    // Built in order rather than sorted: a sort of a new element type would bring its own
    // copy of the sort's code into the bundle.
    Mark::ALL
        .into_iter()
        .flat_map(|mark| {
            Field::ALL
                .into_iter()
                .filter(move |field| mark_of(*field) == Some(mark))
                .map(move |field| (field, mark))
        })
        .collect()
}

/// The [`FIRST_STEPS`] steps shown at once, and the rest. What the member can do in this very
/// form comes first (typing the dates, reading the card), then the engine's order, which puts
/// the most important first (for an exposed member: distrust messages that use the data,
/// change the passwords whose login is the NIR).
pub fn split_steps(steps: &[NextStep]) -> (Vec<NextStep>, Vec<NextStep>) {
    let in_the_form = |s: &NextStep| matches!(s, NextStep::EnterDates | NextStep::CheckCard);
    let mut ordered: Vec<NextStep> = steps.iter().copied().filter(in_the_form).collect();
    ordered.extend(steps.iter().copied().filter(|s| !in_the_form(s)));
    let rest = ordered.split_off(ordered.len().min(FIRST_STEPS));
    (ordered, rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::exposure::{Input, assess};
    use crate::pack::Pack;

    fn today() -> Date {
        Date::new(2026, 12, 1).expect("a date")
    }

    fn mutami_since(start: &str) -> Assessment {
        let pack = Pack::builtin();
        let input = Input::new()
            .insurer_id(pack, "mutami")
            .dates(Some(start), None);
        assess(pack, &input, today())
    }

    #[test]
    fn an_exposed_member_is_first_told_to_distrust_messages_and_change_nir_passwords() {
        let answer = mutami_since("2019-04-01");
        assert_eq!(answer.verdict, Some(Verdict::Exposed));
        let (first, rest) = split_steps(&answer.next_steps);
        assert_eq!(
            first,
            [
                NextStep::BewareOfPhishing,
                NextStep::ChangeNirLoginPasswords
            ]
        );
        assert_eq!(first.len() + rest.len(), answer.next_steps.len());
        assert_eq!(headline(&answer), Some(0));
    }

    #[test]
    fn steps_the_member_can_take_in_the_form_come_first() {
        let steps = [
            NextStep::AskInsurer,
            NextStep::BewareOfPhishing,
            NextStep::ReportPhishing,
            NextStep::CheckCard,
        ];
        let (first, rest) = split_steps(&steps);
        assert_eq!(first, [NextStep::CheckCard, NextStep::AskInsurer]);
        assert_eq!(rest, [NextStep::BewareOfPhishing, NextStep::ReportPhishing]);
        let (first, rest) = split_steps(&[NextStep::BewareOfPhishing]);
        assert_eq!((first.len(), rest.len()), (1, 0));
    }

    #[test]
    fn without_a_start_date_the_headline_is_the_overall_verdict_when_it_says_more() {
        // No incident at all, yet a verdict (a pack with no incidents): nothing to head with.
        let answer = Assessment {
            verdict: Some(Verdict::Uncertain),
            ..Assessment::default()
        };
        assert_eq!(headline(&answer), None);
        let answer = mutami_since("");
        assert_eq!(answer.verdict, Some(Verdict::Uncertain));
        let first = answer.incidents.first().expect("an incident");
        assert_eq!(
            headline(&answer).is_some(),
            first.verdict == Verdict::Uncertain
        );
    }

    #[test]
    fn the_gist_is_the_doubt_for_uncertain_and_the_fact_for_not_exposed() {
        use Reason::*;
        assert_eq!(
            gist(
                Verdict::Uncertain,
                &[OverlapsOperatorPeriod, OnlyPressSources, PartialScope]
            ),
            Some(PartialScope)
        );
        assert_eq!(
            gist(
                Verdict::Uncertain,
                &[StartsShortlyAfterIncident, OperatorNotLinked]
            ),
            Some(StartsShortlyAfterIncident)
        );
        assert_eq!(
            gist(Verdict::NotExposed, &[OperatorNotUsed, OnlyPressSources]),
            Some(OperatorNotUsed)
        );
        assert_eq!(gist(Verdict::Exposed, &[OverlapsOperatorPeriod]), None);
        assert_eq!(
            gist(
                Verdict::Exposed,
                &[OverlapsOperatorPeriod, PreviousOperatorStillHeldData]
            ),
            Some(PreviousOperatorStillHeldData)
        );
        // Every uncertain incident of the real answers has a doubt to name.
        for start in ["", "2024-01-25", "2024-02-03"] {
            for r in mutami_since(start).incidents {
                if r.verdict == Verdict::Uncertain {
                    assert!(gist(r.verdict, &r.reasons).is_some(), "{r:?}");
                }
            }
        }
    }

    #[test]
    fn the_card_lists_exposed_fields_before_safe_ones_in_contract_order() {
        let card = card(
            &[
                (Field::Nir, Certainty::Confirmed),
                (Field::Sex, Certainty::Possible),
                (Field::LastName, Certainty::Confirmed),
            ],
            &[Field::Email, Field::Bank, Field::Nir],
        );
        assert_eq!(
            card,
            [
                (Field::LastName, Mark::Exposed),
                (Field::Nir, Mark::Exposed),
                (Field::Sex, Mark::Possible),
                (Field::Bank, Mark::Safe),
                (Field::Email, Mark::Safe),
            ]
        );
        let answer = mutami_since("2019-04-01");
        let drawn = super::card(&answer.exposed_fields, &answer.not_exposed_fields);
        assert!(drawn.contains(&(Field::Nir, Mark::Exposed)), "{drawn:?}");
        assert!(drawn.contains(&(Field::Bank, Mark::Safe)), "{drawn:?}");
    }
}
