//! The exposure engine: from what a visitor knows to a verdict with its reasons.
//!
//! [`assess`] takes an insurer and/or a tiers-payant operator (or care network), the contract
//! start and end dates (no end: still running) and today's date, and answers for each incident
//! that could concern the visitor whether they were likely **exposed**, **not exposed**, or
//! whether the sources cannot tell (**uncertain**). The overall verdict is the worst of those.
//! A wrong "not exposed" is the worst mistake this code can make, so every doubt ends in
//! `uncertain`, with the reason.
//!
//! # The rules, in plain words
//!
//! An incident copied what an operator held at some point between its *intrusion* and the
//! day it was *made public* (the sources date the discovery, but access was closed only
//! later: Viamedis's health-professional portal stayed open until 31 January, Almerys's until
//! its announcement on 5 February). For each operator period of the visitor's insurer (or for
//! the operator read on the card):
//!
//! 1. A contract that **began after the incident was made public** cannot be in the data:
//!    not exposed. One that began between the intrusion and that day is uncertain. When the
//!    insurer itself set a cut-off (Alan: members up to 26 January 2024), that day decides
//!    instead.
//! 2. A contract that **began after the insurer left the operator** (Mutami moved to Actil on
//!    1 January 2024) was never in that operator's data: not exposed.
//! 3. A contract that **ended before the insurer joined the operator**, or before the window
//!    the insurer gives (Mutami: contracts since 2016), was not in it either: not exposed.
//! 4. A contract running at the time of the incident, with an operator that was the insurer's
//!    operator then, is exposed. **An operator left shortly before the incident still counts**
//!    (the switches on 1 January 2024): it still held the data.
//! 5. A **former member** (contract ended before the intrusion) is exposed when the insurer
//!    says former members are concerned, and uncertain otherwise: no source gives how long
//!    operators kept the data of others, and we do not invent one.
//! 6. Exposed becomes **uncertain** when only some contracts or care types used the operator
//!    (SMH: optical and hearing only), when only some of the operator's beneficiaries were in
//!    the data (Itelis), or when the insurer's link to the operator rests on low-reliability
//!    sources only. Press-only sources keep the verdict but say so.
//! 7. An **operator read on the card** alone is judged as if it were the operator in January
//!    2024, with the card caveats. A card that shows another operator (Actil, SP santé...) or a
//!    care network (Itelis included, whose own incident is judged too) says nothing of
//!    January 2024 (a card issued since shows today's operator): uncertain for both 2024
//!    incidents unless the contract began after them.
//! 8. **Before the first known period.** When the pack knows an insurer's operators only
//!    from some day on (Mutuelle LMP: Almerys since 2023), a contract that ran before that day
//!    may have been with another operator: the 2024 incidents it is not linked to are
//!    uncertain for it, never "not exposed".
//! 9. **"Other" or "I don't know"** with no known insurer is never "not exposed".
//! 10. With neither an insurer nor an operator, there is no verdict. Without dates the verdict
//!     is uncertain, and says the dates would settle it.
//!
//! A care network's own incident (Itelis, November 2025) is judged only when the visitor's
//! card names that network or nothing is known. Otherwise it is listed in
//! [`Assessment::separate_incidents`], so that a "not exposed" never hides it.
//!
//! Bad input is reported as [`InputError`]s, each tied to the input it concerns; a date error
//! withholds the verdict, an unknown id is ignored. Nothing here panics.

use crate::date::Date;
use crate::pack::{
    Certainty, Field, Grade, Incident, Insurer, OperatorKind, OperatorPeriod, Pack, ScopeNoteKind,
};

/// What the visitor told us. Every part is optional; texts are as the form gives them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Input<'a> {
    /// An insurer id from the pack.
    pub insurer: Option<&'a str>,
    /// An operator id from the pack, `other` or `unknown`.
    pub operator: Option<&'a str>,
    /// Contract start, `YYYY-MM-DD`.
    pub start: Option<&'a str>,
    /// Contract end, `YYYY-MM-DD`; none or empty means still running.
    pub end: Option<&'a str>,
}

/// The overall or per-incident answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// The visitor's data was not in the stolen data, as far as the sources say.
    NotExposed,
    /// The sources do not settle it.
    Uncertain,
    /// The visitor's data was likely in the stolen data.
    Exposed,
}

impl Verdict {
    /// The contract's id (`data-verdict`).
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Exposed => "exposed",
            Verdict::NotExposed => "not-exposed",
            Verdict::Uncertain => "uncertain",
        }
    }
}

/// Which input an error concerns, so it is shown next to that field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputField {
    /// The insurer combobox.
    Insurer,
    /// The operator select.
    Operator,
    /// The contract start date.
    Start,
    /// The contract end date.
    End,
}

/// Input the engine cannot use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputError {
    /// The contract ends before it starts.
    EndBeforeStart,
    /// The contract starts after today.
    StartInFuture,
    /// A date is unreadable, before 1900 or after 2100.
    DateOutOfRange(InputField),
    /// The insurer id is not in the pack.
    UnknownInsurer,
    /// The operator id is not in the pack (nor `other`/`unknown`).
    UnknownOperator,
}

impl InputError {
    /// The contract's code (`data-error`).
    pub fn code(self) -> &'static str {
        match self {
            InputError::EndBeforeStart => "end-before-start",
            InputError::StartInFuture => "start-in-future",
            InputError::DateOutOfRange(_) => "date-out-of-range",
            InputError::UnknownInsurer => "unknown-insurer",
            InputError::UnknownOperator => "unknown-operator",
        }
    }

    /// The input the error is shown next to.
    pub fn field(self) -> InputField {
        match self {
            InputError::EndBeforeStart => InputField::End,
            InputError::StartInFuture => InputField::Start,
            InputError::DateOutOfRange(field) => field,
            InputError::UnknownInsurer => InputField::Insurer,
            InputError::UnknownOperator => InputField::Operator,
        }
    }
}

/// Why an incident's verdict came out as it did. The UI words them; tests match them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// The contract ran while this operator held the insurer's data, before the incident.
    OverlapsOperatorPeriod,
    /// The insurer had just left this operator; the operator still held the data.
    PreviousOperatorStillHeldData,
    /// The contract had ended, but the insurer says former members are concerned.
    FormerMembersIncluded,
    /// The contract had ended; no source says how long the operator kept such data.
    FormerMemberRetentionUnknown,
    /// The contract began after the incident was made public.
    StartsAfterIncident,
    /// The contract began between the intrusion and the day it was made public.
    StartsDuringIncident,
    /// The contract began after the cut-off day the insurer gave.
    StartsAfterInsurerCutoff,
    /// The contract began after the insurer had left this operator.
    StartsAfterOperatorPeriod,
    /// The contract ended before the insurer used this operator.
    EndedBeforeOperatorPeriod,
    /// The contract ended before the window the insurer says is concerned.
    EndedBeforeInsurerWindow,
    /// Only some contracts or care types of this insurer used the operator.
    PartialScope,
    /// Only some of the operator's beneficiaries were in the data.
    SomeBeneficiariesOnly,
    /// The insurer's link to this operator rests on press sources only.
    OnlyPressSources,
    /// The insurer's link to this operator rests on low-reliability sources only.
    OnlyWeakSources,
    /// Judged from the operator the visitor read on their card, not from the insurer.
    OperatorFromCard,
    /// The card shows another operator, but a card issued since 2024 shows today's operator.
    CardShowsCurrentOperator,
    /// The card shows a care network, which is not the tiers-payant operator.
    NetworkIsNotOperator,
    /// The operator is unknown or not in our list, and so is the insurer.
    OperatorUnknown,
    /// The contract ran before the first operator period the sources give for the insurer,
    /// when its operator is unknown.
    EarlierOperatorUnknown,
    /// The contract dates are missing.
    DatesUnknown,
    /// The contract start is missing and the contract ran at the time.
    StartUnknown,
}

/// One incident's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncidentResult {
    /// The incident id.
    pub incident: String,
    /// The breached operator's id.
    pub operator: String,
    /// The verdict for this incident.
    pub verdict: Verdict,
    /// Why, most decisive first.
    pub reasons: Vec<Reason>,
    /// The scope text when only some contracts used the operator (in the pack's words).
    pub partial_scope: Option<crate::pack::Text>,
    /// The source ids behind the insurer–operator link and the incident.
    pub sources: Vec<String>,
}

/// What a visitor should do next; the UI words and links them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NextStep {
    /// Expect targeted phishing; the insurer never asks for bank details or passwords.
    BewareOfPhishing,
    /// Change the passwords of accounts whose login is the NIR (ameli, impots, CAF...).
    ChangeNirLoginPasswords,
    /// Check bank and health-reimbursement statements now and then.
    WatchAccounts,
    /// Report phishing: signal-spam, 33700 for SMS.
    ReportPhishing,
    /// The cybermalveillance.gouv.fr complaint letter.
    ComplaintLetter,
    /// What to do on identity theft.
    IdentityTheft,
    /// Read the insurer's notice or ask the insurer.
    AskInsurer,
    /// Look at the tiers-payant card for the operator's name or logo.
    CheckCard,
    /// Enter the contract dates.
    EnterDates,
}

/// The whole answer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assessment {
    /// The overall verdict; none while the inputs allow none.
    pub verdict: Option<Verdict>,
    /// One result per incident considered.
    pub incidents: Vec<IncidentResult>,
    /// Fields that leaked (or may have), with certainty, in the contract's order.
    pub exposed_fields: Vec<(Field, Certainty)>,
    /// Fields the sources say did not leak, in the contract's order.
    pub not_exposed_fields: Vec<Field>,
    /// Family members on the card are concerned too.
    pub family_members: bool,
    /// The answer rests on the card only: show how to read it and its caveats.
    pub card_caveats: bool,
    /// What to do next, in order.
    pub next_steps: Vec<NextStep>,
    /// Input problems, each for one field.
    pub errors: Vec<InputError>,
    /// Care-network incidents the inputs do not link to the visitor (no card named the
    /// network): not part of the verdict, but always named beside it.
    pub separate_incidents: Vec<String>,
}

/// The operator left shortly before an incident still held the insurer's data then: the
/// switches on 1 January 2024 (Mutami, La Mutuelle Générale) are the sourced cases. A year is
/// the span within which we treat a switch the same way.
const RECENT_SWITCH_DAYS: i64 = 366;

/// Decides, for `input` as of `today`, which incidents concerned the visitor.
pub fn assess(pack: &Pack, input: &Input<'_>, today: Date) -> Assessment {
    let mut errors = Vec::new();

    let insurer = non_empty(input.insurer).and_then(|id| {
        let found = pack.insurer(id);
        if found.is_none() {
            errors.push(InputError::UnknownInsurer);
        }
        found
    });
    let card = match non_empty(input.operator) {
        None => Card::None,
        Some("unknown") => Card::Unknown,
        Some("other") => Card::Other,
        Some(id) => match pack.operator(id) {
            Some(operator) => Card::Operator(&operator.id, operator.kind),
            None => {
                errors.push(InputError::UnknownOperator);
                Card::None
            }
        },
    };

    let start = parse_date(non_empty(input.start), InputField::Start, &mut errors);
    let end = parse_date(non_empty(input.end), InputField::End, &mut errors);
    if let Some(start) = start
        && start > today
    {
        errors.push(InputError::StartInFuture);
    }
    if let (Some(start), Some(end)) = (start, end)
        && end < start
    {
        errors.push(InputError::EndBeforeStart);
    }

    let mut assessment = Assessment {
        errors,
        ..Assessment::default()
    };
    let date_error = assessment
        .errors
        .iter()
        .any(|e| matches!(e.field(), InputField::Start | InputField::End));
    if date_error || (insurer.is_none() && matches!(card, Card::None)) {
        return assessment;
    }
    let contract = Contract { start, end };

    let mut results = match insurer {
        Some(insurer) => by_insurer(pack, insurer, card, contract),
        None => by_card(pack, card, contract),
    };
    results.sort_by(|a, b| b.verdict.cmp(&a.verdict).then(a.incident.cmp(&b.incident)));

    let mut overall = results
        .iter()
        .map(|r| r.verdict)
        .max()
        .unwrap_or(Verdict::NotExposed);
    if insurer.is_none() && matches!(card, Card::Unknown | Card::Other) {
        overall = overall.max(Verdict::Uncertain);
    }
    assessment.card_caveats = insurer.is_none();
    fill_fields(pack, &results, &mut assessment);
    assessment.next_steps = next_steps(overall, contract, insurer.is_some());
    assessment.separate_incidents = pack
        .incidents
        .iter()
        .filter(|incident| !results.iter().any(|r| r.incident == incident.id))
        .filter(|incident| {
            pack.operator(&incident.operator)
                .is_some_and(|o| o.kind == OperatorKind::CareNetwork)
        })
        .map(|incident| incident.id.clone())
        .collect();
    assessment.verdict = Some(overall);
    assessment.incidents = results;
    assessment
}

/// What the visitor read on the card.
#[derive(Clone, Copy, Debug)]
enum Card<'a> {
    /// Nothing chosen (or an id we do not know, reported as an error).
    None,
    /// "Je ne sais pas".
    Unknown,
    Other,
    Operator(&'a str, OperatorKind),
}

/// The contract, as far as known. No end means still running.
#[derive(Clone, Copy, Debug)]
struct Contract {
    start: Option<Date>,
    end: Option<Date>,
}

/// The trimmed text, unless there is none.
fn non_empty(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

fn parse_date(text: Option<&str>, field: InputField, errors: &mut Vec<InputError>) -> Option<Date> {
    let date = text?
        .parse::<Date>()
        .ok()
        .filter(|d| (1900..=2100).contains(&d.year()));
    if date.is_none() {
        errors.push(InputError::DateOutOfRange(field));
    }
    date
}

fn by_insurer(
    pack: &Pack,
    insurer: &Insurer,
    card: Card<'_>,
    contract: Contract,
) -> Vec<IncidentResult> {
    let mut results: Vec<IncidentResult> = Vec::new();
    for period in &insurer.periods {
        for incident in pack.incidents_of(&period.operator) {
            // One incident, several periods (a partial and a whole scope, say): keep the worst.
            keep_worst(&mut results, judge(pack, incident, Some(period), contract));
        }
    }
    // Rule 8: before the first period the sources give, the operator is unknown.
    let first_known = insurer.periods.iter().map(|p| p.from).min().flatten();
    if let Some(first_known) = first_known
        && contract.start.is_none_or(|start| start < first_known)
    {
        for incident in tiers_payant_incidents(pack) {
            if !results.iter().any(|r| r.incident == incident.id) {
                results.push(unsure(
                    pack,
                    incident,
                    contract,
                    Reason::EarlierOperatorUnknown,
                ));
            }
        }
    }
    // The card is evidence too: its operator's incidents are judged from the card as well
    // (the pack may not link that operator to the insurer, or only for some contracts), and
    // the worse answer is kept.
    if let Card::Operator(operator, _) = card {
        for incident in pack.incidents_of(operator) {
            keep_worst(&mut results, judge(pack, incident, None, contract));
        }
    }
    results
}

/// Adds `result`, or replaces the result for the same incident when `result` is worse.
fn keep_worst(results: &mut Vec<IncidentResult>, result: IncidentResult) {
    match results.iter_mut().find(|r| r.incident == result.incident) {
        Some(existing) if existing.verdict >= result.verdict => {}
        Some(existing) => *existing = result,
        None => results.push(result),
    }
}

fn by_card(pack: &Pack, card: Card<'_>, contract: Contract) -> Vec<IncidentResult> {
    match card {
        Card::Operator(operator, kind) => {
            let mut results: Vec<IncidentResult> = pack
                .incidents_of(operator)
                .map(|incident| judge(pack, incident, None, contract))
                .collect();
            // A card showing another operator, or a care network (breached or not), says
            // nothing of January 2024: judge the 2024 tiers-payant incidents with that caveat.
            let caveat = match kind {
                OperatorKind::TiersPayant if !results.is_empty() => return results,
                OperatorKind::TiersPayant => Reason::CardShowsCurrentOperator,
                OperatorKind::CareNetwork => Reason::NetworkIsNotOperator,
            };
            results.extend(
                tiers_payant_incidents(pack)
                    .map(|incident| unsure(pack, incident, contract, caveat)),
            );
            results
        }
        Card::None | Card::Unknown | Card::Other => pack
            .incidents
            .iter()
            .map(|incident| unsure(pack, incident, contract, Reason::OperatorUnknown))
            .collect(),
    }
}

/// The incidents at tiers-payant operators (the 2024 ones), which any insurer may have used.
fn tiers_payant_incidents(pack: &Pack) -> impl Iterator<Item = &Incident> {
    pack.incidents.iter().filter(|incident| {
        pack.operator(&incident.operator)
            .is_some_and(|o| o.kind == OperatorKind::TiersPayant)
    })
}

/// An incident the visitor may or may not be in, for lack of a link: not exposed only when
/// the contract began after it.
fn unsure(pack: &Pack, incident: &Incident, contract: Contract, why: Reason) -> IncidentResult {
    let (verdict, reasons) = match contract.start {
        Some(start) if start > incident.disclosure.date => {
            (Verdict::NotExposed, vec![Reason::StartsAfterIncident, why])
        }
        _ => (Verdict::Uncertain, vec![why]),
    };
    result(pack, incident, None, verdict, reasons)
}

/// The heart of the rules: one incident, one operator period (or the card when none).
fn judge(
    pack: &Pack,
    incident: &Incident,
    period: Option<&OperatorPeriod>,
    contract: Contract,
) -> IncidentResult {
    let (verdict, mut reasons) = dates_verdict(incident, period, contract);
    let mut verdict = verdict;
    let grade = period.map_or(Grade::A, |p| pack.best_grade(&p.sources));
    let depends_on_period = reasons.iter().any(|r| {
        matches!(
            r,
            Reason::StartsAfterOperatorPeriod
                | Reason::EndedBeforeOperatorPeriod
                | Reason::EndedBeforeInsurerWindow
                | Reason::StartsAfterInsurerCutoff
        )
    });
    if verdict == Verdict::Exposed || (verdict == Verdict::NotExposed && depends_on_period) {
        match grade {
            Grade::C => {
                verdict = Verdict::Uncertain;
                reasons.push(Reason::OnlyWeakSources);
            }
            Grade::B => reasons.push(Reason::OnlyPressSources),
            Grade::A => {}
        }
    }
    if verdict == Verdict::Exposed {
        if period.is_some_and(OperatorPeriod::is_partial) {
            verdict = Verdict::Uncertain;
            reasons.push(Reason::PartialScope);
        }
        if incident.some_members_only.is_some() {
            verdict = Verdict::Uncertain;
            reasons.push(Reason::SomeBeneficiariesOnly);
        }
    }
    if period.is_none() {
        reasons.push(Reason::OperatorFromCard);
    }
    result(pack, incident, period, verdict, reasons)
}

/// Rules 1 to 5 of the module docs: the dates alone.
fn dates_verdict(
    incident: &Incident,
    period: Option<&OperatorPeriod>,
    contract: Contract,
) -> (Verdict, Vec<Reason>) {
    let intrusion = incident.intrusion.date;
    // Access was closed only when the incident was made public, not when it was discovered.
    let closed = incident.disclosure.date;
    let from = period.and_then(|p| p.from);
    let to = period.and_then(|p| p.to);
    let since = period.and_then(|p| p.members_since);
    let cutoff = period.and_then(|p| p.members_until);
    let former_included = period.is_some_and(|p| p.former_members || p.members_since.is_some());
    let not = |reason| (Verdict::NotExposed, vec![reason]);

    // Rule 1: began after the incident (or after the insurer's own cut-off).
    if let Some(start) = contract.start {
        match cutoff {
            Some(cutoff) if start > cutoff => return not(Reason::StartsAfterInsurerCutoff),
            None if start > closed => return not(Reason::StartsAfterIncident),
            _ => {}
        }
    }
    // Rule 2: began after the insurer had left the operator.
    if let (Some(start), Some(to)) = (contract.start, to)
        && start > to
    {
        return not(Reason::StartsAfterOperatorPeriod);
    }
    // Rule 3: ended before the operator period, or before the insurer's window.
    if let Some(end) = contract.end {
        if from.is_some_and(|from| end < from) {
            return not(Reason::EndedBeforeOperatorPeriod);
        }
        if since.is_some_and(|since| end < since) {
            return not(Reason::EndedBeforeInsurerWindow);
        }
    }
    // A period that began after the incident was over holds nothing of it.
    if from.is_some_and(|from| from > closed) {
        return not(Reason::EndedBeforeOperatorPeriod);
    }

    // The contract's start relative to the data: before the intrusion (or the cut-off) it was
    // in; during the intrusion, perhaps; unknown, we cannot tell.
    match (contract.start, contract.end) {
        (Some(start), _) if cutoff.is_some() || start < intrusion => {}
        (Some(_), _) => return (Verdict::Uncertain, vec![Reason::StartsDuringIncident]),
        // Unknown start, but it ended before the intrusion: it began before it too.
        (None, Some(end)) if end < intrusion => {}
        (None, None) => return (Verdict::Uncertain, vec![Reason::DatesUnknown]),
        (None, Some(_)) => return (Verdict::Uncertain, vec![Reason::StartUnknown]),
    }

    // Rule 5: a former member at the time of the intrusion.
    let mut reasons = Vec::new();
    if let Some(end) = contract.end
        && end < intrusion
    {
        if former_included {
            reasons.push(Reason::FormerMembersIncluded);
        } else {
            return (
                Verdict::Uncertain,
                vec![Reason::FormerMemberRetentionUnknown],
            );
        }
    }
    // Rule 4: an operator left before the incident still held the data if the switch was
    // recent or the insurer says so.
    if let Some(to) = to
        && to < intrusion
    {
        let recent = intrusion.days_since_epoch() - to.days_since_epoch() <= RECENT_SWITCH_DAYS;
        if !(recent || former_included) {
            return (
                Verdict::Uncertain,
                vec![Reason::FormerMemberRetentionUnknown],
            );
        }
        reasons.push(Reason::PreviousOperatorStillHeldData);
    }
    reasons.insert(0, Reason::OverlapsOperatorPeriod);
    (Verdict::Exposed, reasons)
}

fn result(
    pack: &Pack,
    incident: &Incident,
    period: Option<&OperatorPeriod>,
    verdict: Verdict,
    reasons: Vec<Reason>,
) -> IncidentResult {
    let mut sources: Vec<String> = period.map(|p| p.sources.clone()).unwrap_or_default();
    for id in &incident.sources {
        if !sources.contains(id) {
            sources.push(id.clone());
        }
    }
    sources.retain(|id| pack.source(id).is_some());
    IncidentResult {
        incident: incident.id.clone(),
        operator: incident.operator.clone(),
        verdict,
        reasons,
        partial_scope: period
            .filter(|p| p.is_partial())
            .and_then(|p| p.scope.as_ref().and_then(|s| s.text.clone())),
        sources,
    }
}

/// Exposed fields come from the incidents that are exposed (with their certainty) or
/// uncertain (as "possible"); fields stated safe by those incidents and leaked by none are
/// the safe ones.
fn fill_fields(pack: &Pack, results: &[IncidentResult], assessment: &mut Assessment) {
    let relevant: Vec<(&Incident, Verdict)> = results
        .iter()
        .filter(|r| r.verdict != Verdict::NotExposed)
        .filter_map(|r| pack.incident(&r.incident).map(|i| (i, r.verdict)))
        .collect();
    for field in Field::ALL {
        let certainty = relevant
            .iter()
            .filter_map(|(incident, verdict)| {
                let exposed = incident.exposed.iter().find(|e| e.field == field)?;
                Some(match verdict {
                    Verdict::Exposed => exposed.certainty,
                    _ => Certainty::Possible,
                })
            })
            .min();
        match certainty {
            Some(certainty) => assessment.exposed_fields.push((field, certainty)),
            None => {
                if relevant
                    .iter()
                    .any(|(incident, _)| incident.not_exposed.iter().any(|s| s.field == field))
                {
                    assessment.not_exposed_fields.push(field);
                }
            }
        }
    }
    assessment.family_members = relevant.iter().any(|(incident, _)| {
        incident
            .notes
            .iter()
            .any(|n| n.kind == ScopeNoteKind::FamilyMembers)
    });
}

fn next_steps(verdict: Verdict, contract: Contract, insurer_known: bool) -> Vec<NextStep> {
    use NextStep::*;
    let mut steps = match verdict {
        Verdict::Exposed => vec![
            BewareOfPhishing,
            ChangeNirLoginPasswords,
            WatchAccounts,
            ReportPhishing,
            ComplaintLetter,
            IdentityTheft,
        ],
        Verdict::Uncertain => vec![
            AskInsurer,
            BewareOfPhishing,
            ChangeNirLoginPasswords,
            ReportPhishing,
        ],
        Verdict::NotExposed => vec![BewareOfPhishing, ReportPhishing],
    };
    if verdict == Verdict::Uncertain {
        if contract.start.is_none() {
            steps.insert(0, EnterDates);
        }
        if !insurer_known {
            steps.push(CheckCard);
        }
    }
    steps
}
