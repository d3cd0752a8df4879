//! The exposure engine: from what a visitor knows to a verdict with its reasons.
//!
//! [`assess`] takes an [`Input`] (an insurer and/or the operator read on the card, the
//! contract start and end dates, the answers to incidents' own questions) and today's date,
//! and answers for each incident that could concern the visitor whether they were likely
//! **exposed**, **not exposed**, or whether the sources cannot tell (**uncertain**). The
//! overall verdict is the worst of those. A wrong "not exposed" is the worst mistake this
//! code can make, so every doubt ends in `uncertain`, with the reason, and every "not exposed"
//! names the sources it rests on ([`IncidentResult::decided_by`]).
//!
//! # The rules, in plain words
//!
//! An incident copied what an operator held at some point between its *intrusion* and the
//! day it was *made public* (the sources date the discovery, but access was closed only
//! later: Viamedis's health-professional portal stayed open until 31 January, Almerys's until
//! its announcement on 5 February). For each operator period of the visitor's insurer (or for
//! the operator read on the card):
//!
//! 1. A contract that **began after the incident was made public** cannot be in the data, but
//!    rights reach the operator before a contract starts: a start within
//!    [`START_MARGIN_DAYS`] after that day is uncertain, a later one not exposed. One that
//!    began between the intrusion and that day is uncertain. When the insurer itself set a
//!    cut-off (Alan: members up to 26 January 2024), that day decides instead.
//! 2. A contract that **began after the insurer left the operator** (Mutami moved to Actil on
//!    1 January 2024) was never in that operator's data: not exposed. One that began **on the
//!    switch day** itself is uncertain (Mutami: "after 1 January" is not concerned).
//! 3. A contract that **ended before the insurer joined the operator**, or before the window
//!    the insurer gives (Mutami: contracts since 2016), was not in it either: not exposed. An
//!    insurer that joined the operator after the incident was made public is not exposed to
//!    it (uncertain within the margin: its data may have been loaded before the go-live).
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
//!    incidents unless the contract began after them (rule 1).
//! 8. **An operator the pack does not link to the insurer.** Nothing says an insurer used a
//!    single operator unless a source does: its incident is uncertain, except under rule 1.
//!    When a source settles which operators the insurer used ([`OperatorsSettled`]: Mutami's
//!    notice, CA Assurances "only the first", Mutame & Plus), it is not exposed, and listed
//!    apart in [`Assessment::ruled_out`] so that it does not crowd the answer. Before the first
//!    period the sources give (Mutuelle LMP: Almerys since 2023) the reason says so.
//! 9. **An insurer with no public statement** on its operator: every tiers-payant incident is
//!    uncertain (rule 1 aside), and the answer points to the card. An insurer's **own public
//!    statement** that its members were not concerned ([`NotConcerned`]) is not exposed.
//! 10. **"Other" or "I don't know"** with no known insurer is never "not exposed" overall.
//! 11. With neither an insurer nor an operator, there is no verdict. **Without a start date
//!     the overall verdict is never "not exposed"**: it is uncertain, and says the dates would
//!     settle it.
//! 12. **An incident decided by another key** (Cegedim's MonLogicielMedical: did your doctor
//!     use it?) is judged from the answer to its own question only (yes: exposed, or uncertain
//!     when only some of the key's holders were in the data; no: not exposed; don't know:
//!     uncertain), in [`Assessment::questions`], with its own fields, and never enters the
//!     overall verdict.
//!
//! A care network's own incident (Itelis, November 2025) is judged when the insurer's periods
//! name that network, when the visitor's card names it or when nothing is known. Otherwise it
//! is listed in [`Assessment::separate_incidents`], so that a "not exposed" never hides it.
//!
//! Bad input is reported as [`InputError`]s, each tied to the input it concerns; a date error
//! withholds the verdict, an unknown id is ignored. Nothing here panics.
//!
//! [`OperatorsSettled`]: crate::pack::OperatorsSettled
//! [`NotConcerned`]: crate::pack::NotConcerned

use crate::date::Date;
use crate::pack::{
    Certainty, Field, Grade, Incident, Insurer, Operator, OperatorKind, OperatorPeriod, Pack,
    Question, ScopeNoteKind, Text,
};

/// How long after an incident was made public a contract start stays uncertain (rule 1).
///
/// Why 31 days: rights and cards reach the operator before a contract starts. A member who
/// changes insurer gives a month's notice (the termination at any time after a first year,
/// law of 14 July 2019, takes effect one month after notice), and the new insurer opens the
/// rights in between; Mutami's own notice puts its own switch day itself in doubt. A contract
/// starting within a month of the announcement was probably signed, and its rights sent,
/// before it. Alan's cut-off (26 January for a 2 February notice) shows an insurer may know
/// better, which is why an insurer's own cut-off decides instead.
pub const START_MARGIN_DAYS: i64 = 31;

/// The operator left shortly before an incident still held the insurer's data then: the
/// switches on 1 January 2024 (Mutami, La Mutuelle Générale) are the sourced cases. A year is
/// the span within which we treat a switch the same way.
const RECENT_SWITCH_DAYS: i64 = 366;

/// The operator the visitor read on the card: one of the pack's, "other", or "I don't know".
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum OperatorChoice<'a> {
    /// An operator or care network of the pack.
    Known(&'a Operator),
    /// One the pack does not list.
    Other,
    /// The visitor does not know.
    Unknown,
}

impl<'a> OperatorChoice<'a> {
    /// The form value for [`OperatorChoice::Other`] (the contract's `operator` option).
    pub const OTHER: &'static str = "other";
    /// The form value for [`OperatorChoice::Unknown`].
    pub const UNKNOWN: &'static str = "unknown";

    /// Reads a form value: an operator id, [`Self::OTHER`] or [`Self::UNKNOWN`]; none for an
    /// empty value; [`InputError::UnknownOperator`] for an id the pack does not have.
    pub fn parse(pack: &'a Pack, value: &str) -> Result<Option<OperatorChoice<'a>>, InputError> {
        match value.trim() {
            "" => Ok(None),
            Self::OTHER => Ok(Some(OperatorChoice::Other)),
            Self::UNKNOWN => Ok(Some(OperatorChoice::Unknown)),
            id => pack
                .operator(id)
                .map(|operator| Some(OperatorChoice::Known(operator)))
                .ok_or(InputError::UnknownOperator),
        }
    }

    /// The form value: the operator's id, [`Self::OTHER`] or [`Self::UNKNOWN`].
    pub fn as_str(self) -> &'a str {
        match self {
            OperatorChoice::Known(operator) => &operator.id,
            OperatorChoice::Other => Self::OTHER,
            OperatorChoice::Unknown => Self::UNKNOWN,
        }
    }
}

enum_with_all! {
    /// An answer to an incident's own question ([`Question`]).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Answer {
        /// Yes (my doctor used that software).
        Yes,
        /// No.
        No,
        /// I don't know.
        DontKnow,
    }
}

impl Answer {
    /// The form value.
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::DontKnow => "dont-know",
        }
    }

    /// Reads a form value written by [`Answer::as_str`].
    pub fn parse(value: &str) -> Option<Answer> {
        Answer::ALL.into_iter().find(|a| a.as_str() == value.trim())
    }
}

/// What the visitor told us, read against the pack once: the insurer and the operator are
/// resolved here (an id the pack does not have becomes an [`InputError`], reported with the
/// answer), so the engine and the views never look them up again.
///
/// ```
/// # use breach_check::{exposure::{Input, assess}, pack::Pack, date::Date};
/// let pack = Pack::builtin();
/// let input = Input::new().insurer_id(pack, "mutami").dates(Some("2015-03-01"), None);
/// let answer = assess(pack, &input, Date::new(2026, 12, 1).unwrap());
/// assert_eq!(answer.verdict.map(|v| v.id()), Some("exposed"));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Input<'a> {
    insurer: Option<&'a Insurer>,
    operator: Option<OperatorChoice<'a>>,
    start: Option<&'a str>,
    end: Option<&'a str>,
    answers: Vec<(&'a str, Answer)>,
    errors: Vec<InputError>,
}

impl<'a> Input<'a> {
    /// Nothing known yet.
    pub fn new() -> Input<'a> {
        Input::default()
    }

    /// The visitor's insurer, already resolved.
    pub fn insurer(mut self, insurer: Option<&'a Insurer>) -> Input<'a> {
        self.insurer = insurer;
        self
    }

    /// The visitor's insurer by id (empty: none). An id the pack does not have is reported as
    /// [`InputError::UnknownInsurer`] and otherwise ignored.
    pub fn insurer_id(mut self, pack: &'a Pack, id: &str) -> Input<'a> {
        let id = id.trim();
        self.insurer = None;
        self.errors.retain(|e| *e != InputError::UnknownInsurer);
        if !id.is_empty() {
            self.insurer = pack.insurer(id);
            if self.insurer.is_none() {
                self.errors.push(InputError::UnknownInsurer);
            }
        }
        self
    }

    /// The operator read on the card, already parsed.
    pub fn operator(mut self, operator: Option<OperatorChoice<'a>>) -> Input<'a> {
        self.operator = operator;
        self
    }

    /// The operator as the form gives it ([`OperatorChoice::parse`]); an unknown id is
    /// reported as [`InputError::UnknownOperator`] and otherwise ignored.
    pub fn operator_value(mut self, pack: &'a Pack, value: &str) -> Input<'a> {
        self.errors.retain(|e| *e != InputError::UnknownOperator);
        self.operator = OperatorChoice::parse(pack, value).unwrap_or_else(|error| {
            self.errors.push(error);
            None
        });
        self
    }

    /// The contract dates as typed (`YYYY-MM-DD`); an empty or missing end means still
    /// running.
    pub fn dates(mut self, start: Option<&'a str>, end: Option<&'a str>) -> Input<'a> {
        self.start = start;
        self.end = end;
        self
    }

    /// The answer to the question of the incident with this id (the last answer counts).
    pub fn answer(mut self, incident: &'a str, answer: Answer) -> Input<'a> {
        self.answers.retain(|(id, _)| *id != incident);
        self.answers.push((incident, answer));
        self
    }

    /// The insurer as resolved.
    pub fn resolved_insurer(&self) -> Option<&'a Insurer> {
        self.insurer
    }

    /// The operator choice as parsed.
    pub fn operator_choice(&self) -> Option<OperatorChoice<'a>> {
        self.operator
    }
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

// `Reason::ALL` is written by the macro, so it cannot miss a variant (the tests require a
// named scenario for each).
enum_with_all! {
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
        /// The contract began more than [`START_MARGIN_DAYS`] after the incident was made public.
        StartsAfterIncident,
        /// The contract began within [`START_MARGIN_DAYS`] after the incident was made public: its
        /// rights may already have been with the operator.
        StartsShortlyAfterIncident,
        /// The contract began between the intrusion and the day it was made public.
        StartsDuringIncident,
        /// The contract began after the cut-off day the insurer gave.
        StartsAfterInsurerCutoff,
        /// The contract began after the insurer had left this operator.
        StartsAfterOperatorPeriod,
        /// The contract began on the very day the insurer changed operator.
        StartsOnSwitchDay,
        /// The contract ended before the insurer used this operator.
        EndedBeforeOperatorPeriod,
        /// The contract ended before the window the insurer says is concerned.
        EndedBeforeInsurerWindow,
        /// The insurer began with this operator more than [`START_MARGIN_DAYS`] after the incident
        /// was made public.
        OperatorJoinedAfterIncident,
        /// The insurer began with this operator shortly after the incident was made public: its
        /// data may have been loaded before.
        OperatorJoinedShortlyAfterIncident,
        /// Only some contracts or care types of this insurer used the operator.
        PartialScope,
        /// Only some of the operator's beneficiaries (or of the key's holders) were in the data.
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
        /// The sources link the insurer to other operators; none says it did not use this one.
        OperatorNotLinked,
        /// No public source says which tiers-payant operator the insurer used: the card may.
        InsurerOperatorUnknown,
        /// The contract ran before the first operator period the sources give for the insurer,
        /// when its operator is unknown.
        EarlierOperatorUnknown,
        /// A source says which operators the insurer used then, and this one was not among them.
        OperatorNotUsed,
        /// The insurer itself said publicly that its members were not concerned.
        InsurerSaysNotConcerned,
        /// The contract dates are missing.
        DatesUnknown,
        /// The contract start is missing and the contract ran at the time.
        StartUnknown,
        /// The visitor answered yes to the incident's own question.
        AnsweredYes,
        /// The visitor answered no to the incident's own question.
        AnsweredNo,
        /// The visitor does not know the answer to the incident's own question.
        AnsweredDontKnow,
    }
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
    pub partial_scope: Option<Text>,
    /// The source ids behind the insurer–operator link and the incident.
    pub sources: Vec<String>,
    /// For a "not exposed" verdict, the source ids of the fact it rests on (the disclosure,
    /// the insurer's period, statement or settled operators); empty otherwise.
    pub decided_by: Vec<String>,
}

/// The answer for an incident decided by its own question (rule 12).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionResult {
    /// The incident id.
    pub incident: String,
    /// The visitor's answer, if any.
    pub answer: Option<Answer>,
    /// The verdict; none until the question is answered.
    pub verdict: Option<Verdict>,
    /// Why.
    pub reasons: Vec<Reason>,
    /// Fields that leaked (or may have), for this incident alone.
    pub exposed_fields: Vec<(Field, Certainty)>,
    /// Fields the sources say did not leak in it.
    pub not_exposed_fields: Vec<Field>,
    /// The incident's and the question's source ids.
    pub sources: Vec<String>,
    /// For a "not exposed" verdict, the source ids it rests on (the question's).
    pub decided_by: Vec<String>,
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

/// The overall verdict and the incidents it covers: what the `breach-check:verdict` event
/// carries, nothing typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerdictSummary {
    /// The overall verdict.
    pub verdict: Verdict,
    /// The ids of the incidents judged, in the answer's order.
    pub incidents: Vec<String>,
}

/// The whole answer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assessment {
    /// The overall verdict; none while the inputs allow none.
    pub verdict: Option<Verdict>,
    /// One result per incident judged, worst first.
    pub incidents: Vec<IncidentResult>,
    /// Incidents at operators a source says the insurer did not use (rule 8): not exposed,
    /// kept apart so that they do not crowd the answer.
    pub ruled_out: Vec<IncidentResult>,
    /// Fields that leaked (or may have), with certainty, in the contract's order.
    pub exposed_fields: Vec<(Field, Certainty)>,
    /// Fields the sources say did not leak, in the contract's order.
    pub not_exposed_fields: Vec<Field>,
    /// What those statements leave out, per field (Viamedis's invoices with a transport note).
    pub caveats: Vec<(Field, Text)>,
    /// Family members on the card are concerned too.
    pub family_members: bool,
    /// The answer rests on the card only: show how to read it and its caveats.
    pub card_caveats: bool,
    /// What to do next, in order.
    pub next_steps: Vec<NextStep>,
    /// Input problems, each for one field.
    pub errors: Vec<InputError>,
    /// Care-network incidents the inputs do not link to the visitor (no card or period named
    /// the network): not part of the verdict, but always named beside it.
    pub separate_incidents: Vec<String>,
    /// The incidents decided by their own question (rule 12), whatever the other inputs.
    pub questions: Vec<QuestionResult>,
}

impl Assessment {
    /// The overall verdict and the incident ids, for the verdict event; none while there is
    /// no verdict.
    pub fn summary(&self) -> Option<VerdictSummary> {
        self.verdict.map(|verdict| VerdictSummary {
            verdict,
            incidents: self.incidents.iter().map(|r| r.incident.clone()).collect(),
        })
    }
}

/// Decides, for `input` as of `today`, which incidents concerned the visitor.
pub fn assess(pack: &Pack, input: &Input<'_>, today: Date) -> Assessment {
    let mut errors = input.errors.clone();
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
        questions: judge_questions(pack, &input.answers),
        ..Assessment::default()
    };
    let date_error = assessment
        .errors
        .iter()
        .any(|e| matches!(e.field(), InputField::Start | InputField::End));
    let insurer = input.insurer;
    let card = input.operator;
    if date_error || (insurer.is_none() && card.is_none()) {
        return assessment;
    }
    let contract = Contract { start, end };

    let (mut results, mut ruled_out) = match insurer {
        Some(insurer) => by_insurer(pack, insurer, card, contract),
        None => (by_card(pack, card, contract), Vec::new()),
    };
    let worst_first = |a: &IncidentResult, b: &IncidentResult| {
        b.verdict.cmp(&a.verdict).then(a.incident.cmp(&b.incident))
    };
    results.sort_by(worst_first);
    ruled_out.sort_by(worst_first);

    // No result at all (a pack without incidents) settles nothing: uncertain, never "not
    // exposed" by default.
    let mut overall = results
        .iter()
        .chain(&ruled_out)
        .map(|r| r.verdict)
        .max()
        .unwrap_or(Verdict::Uncertain);
    if insurer.is_none() && matches!(card, Some(OperatorChoice::Other | OperatorChoice::Unknown)) {
        overall = overall.max(Verdict::Uncertain);
    }
    // Rule 11: without a start date, no "not exposed".
    if contract.start.is_none() {
        overall = overall.max(Verdict::Uncertain);
    }
    assessment.card_caveats = insurer.is_none();
    fill_fields(pack, &results, &mut assessment);
    let card_would_settle = insurer.is_none()
        || results.iter().any(|r| {
            r.reasons.iter().any(|reason| {
                matches!(
                    reason,
                    Reason::InsurerOperatorUnknown | Reason::OperatorNotLinked
                )
            })
        });
    assessment.next_steps = next_steps(overall, contract, card_would_settle);
    assessment.separate_incidents = pack
        .incidents
        .iter()
        .filter(|incident| {
            !results
                .iter()
                .chain(&ruled_out)
                .any(|r| r.incident == incident.id)
        })
        .filter(|incident| {
            incident
                .operator_id()
                .and_then(|id| pack.operator(id))
                .is_some_and(|o| o.kind == OperatorKind::CareNetwork)
        })
        .map(|incident| incident.id.clone())
        .collect();
    assessment.verdict = Some(overall);
    assessment.incidents = results;
    assessment.ruled_out = ruled_out;
    assessment
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
    let text = text?;
    let date = text
        .parse::<Date>()
        .ok()
        .filter(|d| (1900..=2100).contains(&d.year()));
    if date.is_none() {
        errors.push(InputError::DateOutOfRange(field));
    }
    date
}

/// `date` plus `days`, saturating at the calendar's ends.
fn plus_days(date: Date, days: i64) -> Date {
    date.add_days(days).unwrap_or(date)
}

fn is_tiers_payant(pack: &Pack, operator: &str) -> bool {
    pack.operator(operator)
        .is_some_and(|o| o.kind == OperatorKind::TiersPayant)
}

/// The incidents decided by an operator (not by a question of their own).
fn operator_incidents(pack: &Pack) -> impl Iterator<Item = &Incident> {
    pack.incidents.iter().filter(|i| i.operator_id().is_some())
}

/// The incidents at tiers-payant operators (the 2024 ones), which any insurer may have used.
fn tiers_payant_incidents(pack: &Pack) -> impl Iterator<Item = &Incident> {
    pack.incidents.iter().filter(|incident| {
        incident
            .operator_id()
            .is_some_and(|id| is_tiers_payant(pack, id))
    })
}

fn by_insurer(
    pack: &Pack,
    insurer: &Insurer,
    card: Option<OperatorChoice<'_>>,
    contract: Contract,
) -> (Vec<IncidentResult>, Vec<IncidentResult>) {
    let mut results: Vec<IncidentResult> = Vec::new();
    let mut ruled_out: Vec<IncidentResult> = Vec::new();

    // Rule 9: the insurer's own statement decides the incidents it names.
    if let Some(statement) = &insurer.not_concerned {
        for incident in statement
            .incidents
            .iter()
            .filter_map(|id| pack.incident(id))
            .filter(|i| i.operator_id().is_some())
        {
            let (verdict, reasons) = grade_not_exposed(
                pack,
                &statement.sources,
                vec![Reason::InsurerSaysNotConcerned],
            );
            results.push(result(
                pack,
                incident,
                None,
                verdict,
                reasons,
                &statement.sources,
            ));
        }
    }
    let stated = |incident: &Incident| {
        insurer
            .not_concerned
            .as_ref()
            .is_some_and(|s| s.incidents.contains(&incident.id))
    };

    for period in &insurer.periods {
        for incident in pack.incidents_of(&period.operator) {
            if !stated(incident) {
                // One incident, several periods (a partial and a whole scope, say): keep the worst.
                keep_worst(&mut results, judge(pack, incident, Some(period), contract));
            }
        }
    }

    // Rule 8: the tiers-payant incidents no period reaches.
    let tiers_payant_periods: Vec<&OperatorPeriod> = insurer
        .periods
        .iter()
        .filter(|p| is_tiers_payant(pack, &p.operator))
        .collect();
    let first_known = tiers_payant_periods.iter().map(|p| p.from).min().flatten();
    let settled = insurer.operators_settled.as_ref().filter(|settled| {
        settled
            .from
            .is_none_or(|from| contract.start.is_some_and(|start| start >= from))
    });
    for incident in tiers_payant_incidents(pack) {
        if results.iter().any(|r| r.incident == incident.id) {
            continue;
        }
        if let Some(settled) = settled {
            let (verdict, reasons) =
                grade_not_exposed(pack, &settled.sources, vec![Reason::OperatorNotUsed]);
            let ruling = result(pack, incident, None, verdict, reasons, &settled.sources);
            if verdict == Verdict::NotExposed {
                ruled_out.push(ruling);
            } else {
                results.push(ruling);
            }
            continue;
        }
        let why = if tiers_payant_periods.is_empty() {
            Reason::InsurerOperatorUnknown
        } else if first_known.is_some_and(|first| contract.start.is_none_or(|s| s < first)) {
            Reason::EarlierOperatorUnknown
        } else {
            Reason::OperatorNotLinked
        };
        results.push(unsure(pack, incident, contract, why));
    }

    // The card is evidence too: its operator's incidents are judged from the card as well
    // (the pack may not link that operator to the insurer, or only for some contracts), and
    // the worse answer is kept; a card outweighs a "not used" ruling.
    if let Some(OperatorChoice::Known(operator)) = card {
        for incident in pack.incidents_of(&operator.id) {
            if let Some(at) = ruled_out.iter().position(|r| r.incident == incident.id) {
                results.push(ruled_out.remove(at));
            }
            keep_worst(&mut results, judge(pack, incident, None, contract));
        }
    }
    (results, ruled_out)
}

/// A "not exposed" resting on `sources`: uncertain when they are all low-reliability, said
/// to rest on the press when they are press only.
fn grade_not_exposed(
    pack: &Pack,
    sources: &[String],
    mut reasons: Vec<Reason>,
) -> (Verdict, Vec<Reason>) {
    match pack.best_grade(sources) {
        Grade::A => (Verdict::NotExposed, reasons),
        Grade::B => {
            reasons.push(Reason::OnlyPressSources);
            (Verdict::NotExposed, reasons)
        }
        Grade::C => {
            reasons.push(Reason::OnlyWeakSources);
            (Verdict::Uncertain, reasons)
        }
    }
}

/// Adds `result`, or replaces the result for the same incident when `result` is worse.
fn keep_worst(results: &mut Vec<IncidentResult>, result: IncidentResult) {
    match results.iter_mut().find(|r| r.incident == result.incident) {
        Some(existing) if existing.verdict >= result.verdict => {}
        Some(existing) => *existing = result,
        None => results.push(result),
    }
}

fn by_card(
    pack: &Pack,
    card: Option<OperatorChoice<'_>>,
    contract: Contract,
) -> Vec<IncidentResult> {
    match card {
        Some(OperatorChoice::Known(operator)) => {
            let mut results: Vec<IncidentResult> = pack
                .incidents_of(&operator.id)
                .map(|incident| judge(pack, incident, None, contract))
                .collect();
            // A card showing another operator, or a care network (breached or not), says
            // nothing of January 2024: judge the 2024 tiers-payant incidents with that caveat.
            let caveat = match operator.kind {
                OperatorKind::TiersPayant if !results.is_empty() => return results,
                OperatorKind::TiersPayant => Reason::CardShowsCurrentOperator,
                OperatorKind::CareNetwork => Reason::NetworkIsNotOperator,
            };
            let others: Vec<IncidentResult> = tiers_payant_incidents(pack)
                .filter(|incident| !results.iter().any(|r| r.incident == incident.id))
                .map(|incident| unsure(pack, incident, contract, caveat))
                .collect();
            results.extend(others);
            results
        }
        Some(OperatorChoice::Other | OperatorChoice::Unknown) | None => operator_incidents(pack)
            .map(|incident| unsure(pack, incident, contract, Reason::OperatorUnknown))
            .collect(),
    }
}

/// An incident the visitor may or may not be in, for lack of a link: not exposed only when
/// the contract began well after it was made public (rule 1).
fn unsure(pack: &Pack, incident: &Incident, contract: Contract, why: Reason) -> IncidentResult {
    let closed = incident.disclosure.date;
    match contract.start {
        Some(start) if start > plus_days(closed, START_MARGIN_DAYS) => result(
            pack,
            incident,
            None,
            Verdict::NotExposed,
            vec![Reason::StartsAfterIncident, why],
            &incident.disclosure.sources,
        ),
        Some(start) if start > closed => result(
            pack,
            incident,
            None,
            Verdict::Uncertain,
            vec![Reason::StartsShortlyAfterIncident, why],
            &[],
        ),
        _ => result(pack, incident, None, Verdict::Uncertain, vec![why], &[]),
    }
}

/// The heart of the rules: one incident, one operator period (or the card when none).
fn judge(
    pack: &Pack,
    incident: &Incident,
    period: Option<&OperatorPeriod>,
    contract: Contract,
) -> IncidentResult {
    let (mut verdict, mut reasons) = dates_verdict(incident, period, contract);
    let grade = period.map_or(Grade::A, |p| pack.best_grade(&p.sources));
    let depends_on_period = reasons.first().is_some_and(|r| {
        matches!(
            r,
            Reason::StartsAfterOperatorPeriod
                | Reason::EndedBeforeOperatorPeriod
                | Reason::EndedBeforeInsurerWindow
                | Reason::StartsAfterInsurerCutoff
                | Reason::OperatorJoinedAfterIncident
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
    let decided_by: &[String] = match (verdict, depends_on_period, period) {
        (Verdict::NotExposed, true, Some(period)) => &period.sources,
        (Verdict::NotExposed, _, _) => &incident.disclosure.sources,
        _ => &[],
    };
    result(pack, incident, period, verdict, reasons, decided_by)
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
    let margin_end = plus_days(closed, START_MARGIN_DAYS);
    let from = period.and_then(|p| p.from);
    let to = period.and_then(|p| p.to);
    let since = period.and_then(|p| p.members_since);
    let cutoff = period.and_then(|p| p.members_until);
    let former_included = period.is_some_and(|p| p.former_members || p.members_since.is_some());
    let not = |reason| (Verdict::NotExposed, vec![reason]);
    let unsure = |reason| (Verdict::Uncertain, vec![reason]);

    // Rule 1, the insurer's own cut-off.
    if let (Some(start), Some(cutoff)) = (contract.start, cutoff)
        && start > cutoff
    {
        return not(Reason::StartsAfterInsurerCutoff);
    }
    // Rule 2: began after the insurer had left the operator, or on the switch day.
    if let (Some(start), Some(to)) = (contract.start, to)
        && start > to
    {
        if start == plus_days(to, 1) && cutoff.is_none() {
            return unsure(Reason::StartsOnSwitchDay);
        }
        return not(Reason::StartsAfterOperatorPeriod);
    }
    // Rule 1: began after the incident was made public.
    if cutoff.is_none()
        && let Some(start) = contract.start
        && start > closed
    {
        return if start > margin_end {
            not(Reason::StartsAfterIncident)
        } else {
            unsure(Reason::StartsShortlyAfterIncident)
        };
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
    // Rule 3: a period that began after the incident was over holds nothing of it, unless
    // its data was loaded shortly before its first day.
    if let Some(from) = from
        && from > closed
    {
        return if from > margin_end {
            not(Reason::OperatorJoinedAfterIncident)
        } else {
            unsure(Reason::OperatorJoinedShortlyAfterIncident)
        };
    }

    // The contract's start relative to the data: before the intrusion (or the cut-off) it was
    // in; during the intrusion, perhaps; unknown, we cannot tell.
    match (contract.start, contract.end) {
        (Some(start), _) if cutoff.is_some() || start < intrusion => {}
        (Some(_), _) => return unsure(Reason::StartsDuringIncident),
        // Unknown start, but it ended before the intrusion: it began before it too.
        (None, Some(end)) if end < intrusion => {}
        (None, None) => return unsure(Reason::DatesUnknown),
        (None, Some(_)) => return unsure(Reason::StartUnknown),
    }

    // Rule 5: a former member at the time of the intrusion.
    let mut reasons = Vec::new();
    if let Some(end) = contract.end
        && end < intrusion
    {
        if former_included {
            reasons.push(Reason::FormerMembersIncluded);
        } else {
            return unsure(Reason::FormerMemberRetentionUnknown);
        }
    }
    // Rule 4: an operator left before the incident still held the data if the switch was
    // recent or the insurer says so.
    if let Some(to) = to
        && to < intrusion
    {
        let recent = intrusion.days_since_epoch() - to.days_since_epoch() <= RECENT_SWITCH_DAYS;
        if !(recent || former_included) {
            return unsure(Reason::FormerMemberRetentionUnknown);
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
    decided_by: &[String],
) -> IncidentResult {
    let mut sources: Vec<String> = period.map(|p| p.sources.clone()).unwrap_or_default();
    for id in decided_by.iter().chain(&incident.sources) {
        if !sources.contains(id) {
            sources.push(id.clone());
        }
    }
    sources.retain(|id| pack.source(id).is_some());
    let decided_by = if verdict == Verdict::NotExposed {
        decided_by
            .iter()
            .filter(|id| pack.source(id).is_some())
            .cloned()
            .collect()
    } else {
        Vec::new()
    };
    IncidentResult {
        incident: incident.id.clone(),
        operator: incident.operator_id().unwrap_or_default().to_owned(),
        verdict,
        reasons,
        partial_scope: period
            .filter(|p| p.is_partial())
            .and_then(|p| p.scope.as_ref().and_then(|s| s.text.clone())),
        sources,
        decided_by,
    }
}

/// Rule 12: each question-decided incident, from its answer alone.
fn judge_questions(pack: &Pack, answers: &[(&str, Answer)]) -> Vec<QuestionResult> {
    pack.question_incidents()
        .map(|(incident, question)| judge_question(incident, question, answers))
        .collect()
}

fn judge_question(
    incident: &Incident,
    question: &Question,
    answers: &[(&str, Answer)],
) -> QuestionResult {
    let answer = answers
        .iter()
        .find(|(id, _)| *id == incident.id)
        .map(|(_, answer)| *answer);
    let (verdict, reasons) = match answer {
        None => (None, Vec::new()),
        Some(Answer::Yes) if incident.some_members_only.is_some() => (
            Some(Verdict::Uncertain),
            vec![Reason::AnsweredYes, Reason::SomeBeneficiariesOnly],
        ),
        Some(Answer::Yes) => (Some(Verdict::Exposed), vec![Reason::AnsweredYes]),
        Some(Answer::No) => (Some(Verdict::NotExposed), vec![Reason::AnsweredNo]),
        Some(Answer::DontKnow) => (Some(Verdict::Uncertain), vec![Reason::AnsweredDontKnow]),
    };
    let exposed_fields: Vec<(Field, Certainty)> = match verdict {
        Some(Verdict::Exposed) => incident
            .exposed
            .iter()
            .map(|e| (e.field, e.certainty))
            .collect(),
        Some(Verdict::Uncertain) => incident
            .exposed
            .iter()
            .map(|e| (e.field, Certainty::Possible))
            .collect(),
        _ => Vec::new(),
    };
    let not_exposed_fields = match verdict {
        Some(Verdict::Exposed | Verdict::Uncertain) => {
            incident.not_exposed.iter().map(|s| s.field).collect()
        }
        _ => Vec::new(),
    };
    let mut sources = incident.sources.clone();
    for id in &question.sources {
        if !sources.contains(id) {
            sources.push(id.clone());
        }
    }
    QuestionResult {
        incident: incident.id.clone(),
        answer,
        verdict,
        reasons,
        exposed_fields: in_contract_order(exposed_fields),
        not_exposed_fields: Field::ALL
            .into_iter()
            .filter(|f| not_exposed_fields.contains(f))
            .collect(),
        sources,
        decided_by: if verdict == Some(Verdict::NotExposed) {
            question.sources.clone()
        } else {
            Vec::new()
        },
    }
}

fn in_contract_order(fields: Vec<(Field, Certainty)>) -> Vec<(Field, Certainty)> {
    Field::ALL
        .into_iter()
        .filter_map(|field| {
            fields
                .iter()
                .filter(|(f, _)| *f == field)
                .map(|(_, c)| *c)
                .min()
                .map(|c| (field, c))
        })
        .collect()
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
                let statements: Vec<_> = relevant
                    .iter()
                    .filter_map(|(incident, _)| {
                        incident.not_exposed.iter().find(|s| s.field == field)
                    })
                    .collect();
                if !statements.is_empty() {
                    assessment.not_exposed_fields.push(field);
                    for caveat in statements.iter().filter_map(|s| s.caveat.as_ref()) {
                        assessment.caveats.push((field, caveat.clone()));
                    }
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

fn next_steps(verdict: Verdict, contract: Contract, card_would_settle: bool) -> Vec<NextStep> {
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
        if card_would_settle {
            steps.push(CheckCard);
        }
    }
    steps
}
