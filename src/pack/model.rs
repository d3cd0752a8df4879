//! The typed model of the data pack: what `pack.toml` (and a host's JSON overlay) may say.
//!
//! This file is also compiled by `build.rs` (through `#[path]`) so the built-in pack is
//! parsed and validated with the very same types before the crate builds. It must therefore
//! only depend on `serde` and on `crate::date`.

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// Lets the JSON that `build.rs` writes leave out `false` flags (the reader takes them as
/// missing, like serde): fewer bytes in every host's bundle.
fn is_false(flag: &bool) -> bool {
    !flag
}

/// The whole pack: sources, incidents, operators and insurers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// When the facts were last reviewed (shown to visitors beside the sources).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Date>,
    /// Every document a fact rests on.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The breaches the widget knows.
    #[serde(default)]
    pub incidents: Vec<Incident>,
    /// Tiers-payant operators and care networks.
    #[serde(default)]
    pub operators: Vec<Operator>,
    /// Complementary health insurers (and brokers members know them by).
    #[serde(default)]
    pub insurers: Vec<Insurer>,
}

/// How far a source can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Grade {
    /// Primary: the operator, the CNIL, or an insurer about its own members.
    A,
    /// Mainstream or trade press.
    B,
    /// Aggregators, SEO pages, blogs: a hint only.
    C,
}

impl Grade {
    /// The grade as the pack writes it.
    pub fn id(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
        }
    }
}

/// One document, cited by id from the facts that rest on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Kebab-case id, unique in the pack.
    pub id: String,
    /// Where it can be read.
    pub url: String,
    /// Who published it.
    pub publisher: String,
    /// Its title or a short description, in French as published.
    pub title: String,
    /// When it was published or last updated, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// How far it can be trusted.
    pub grade: Grade,
    /// The day we last read the page at this address and found the fact it backs; none when
    /// it could not be found again (the fact is kept, and the README lists it as such).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checked: Option<Date>,
}

enum_with_all! {
    /// The personal-data fields of the public contract (`data-field` values).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum Field {
        /// Family name.
        LastName,
        /// Given name.
        FirstName,
        /// Sex (also readable from the first digit of the NIR).
        Sex,
        /// Date of birth.
        BirthDate,
        /// Birth rank, which tells twins apart.
        BirthRank,
        /// Social security number (NIR).
        Nir,
        /// Name of the health insurer.
        InsurerName,
        /// Member number at the insurer.
        MemberNumber,
        /// Contract number at the insurer.
        ContractNumber,
        /// The operator's own internal reference for the beneficiary.
        OperatorReference,
        /// The guarantees (cover levels) of the contract.
        Guarantees,
        /// Bank details.
        Bank,
        /// Medical data.
        Medical,
        /// Reimbursement details.
        Reimbursements,
        /// Postal address.
        PostalAddress,
        /// Phone number.
        Phone,
        /// E-mail address.
        Email,
        /// Account passwords.
        Password,
    }
}

impl Field {
    /// The contract's id (`data-field`).
    pub fn id(self) -> &'static str {
        match self {
            Field::LastName => "last-name",
            Field::FirstName => "first-name",
            Field::Sex => "sex",
            Field::BirthDate => "birth-date",
            Field::BirthRank => "birth-rank",
            Field::Nir => "nir",
            Field::InsurerName => "insurer-name",
            Field::MemberNumber => "member-number",
            Field::ContractNumber => "contract-number",
            Field::OperatorReference => "operator-reference",
            Field::Guarantees => "guarantees",
            Field::Bank => "bank",
            Field::Medical => "medical",
            Field::Reimbursements => "reimbursements",
            Field::PostalAddress => "postal-address",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Password => "password",
        }
    }
}

/// How sure the sources are that a field leaked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Certainty {
    /// Stated by the operator or the insurers.
    Confirmed,
    /// Only some sources list it, or only some people were affected.
    Possible,
}

impl Certainty {
    /// The contract's id (`data-certainty`).
    pub fn id(self) -> &'static str {
        match self {
            Certainty::Confirmed => "confirmed",
            Certainty::Possible => "possible",
        }
    }
}

/// A short text in both interface languages, written by us from the sources.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// French.
    pub fr: String,
    /// English.
    pub en: String,
}

/// A dated milestone of an incident.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// The date (the earliest plausible one when `approximate`).
    pub date: Date,
    /// True when the sources give only a rough date ("fin janvier").
    #[serde(default, skip_serializing_if = "is_false")]
    pub approximate: bool,
    /// Source ids.
    pub sources: Vec<String>,
}

/// A field the sources say leaked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExposedField {
    /// Which field.
    pub field: Field,
    /// How sure.
    pub certainty: Certainty,
    /// Source ids.
    pub sources: Vec<String>,
}

/// A field the sources say did not leak.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafeField {
    /// Which field.
    pub field: Field,
    /// What the statement leaves out, when a source says so (Viamedis: fewer than 50
    /// invoices with a note on patient transport).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caveat: Option<Text>,
    /// Source ids.
    pub sources: Vec<String>,
}

/// A remark about who is concerned by an incident.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopeNote {
    /// What kind of remark, so the engine can act on it.
    pub kind: ScopeNoteKind,
    /// The remark.
    pub text: Text,
    /// Source ids.
    pub sources: Vec<String>,
}

/// Kinds of [`ScopeNote`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScopeNoteKind {
    /// Family members on the card (ayants droit) are concerned too.
    FamilyMembers,
    /// Former members can be concerned.
    FormerMembers,
    /// Anything else worth knowing.
    Other,
}

impl ScopeNoteKind {
    /// The kind as the pack writes it.
    pub fn id(self) -> &'static str {
        match self {
            ScopeNoteKind::FamilyMembers => "family-members",
            ScopeNoteKind::FormerMembers => "former-members",
            ScopeNoteKind::Other => "other",
        }
    }
}

/// A breach.
///
/// An incident is decided either by an **operator** (the tiers-payant operator or care network
/// whose systems were breached: the visitor's insurer, card and dates decide it) or by a
/// **question** of its own (Cegedim's MonLogicielMedical: "did your doctor use it?"), never
/// both. A question-decided incident is judged apart and never enters the tiers-payant verdict.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    /// Kebab-case id (`viamedis-2024`).
    pub id: String,
    /// The operator or network whose systems were breached, for an operator-decided incident.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The question that decides the incident, when neither insurer nor operator can.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<Question>,
    /// A short title.
    pub title: Text,
    /// The first day the data may have been taken.
    pub intrusion: Milestone,
    /// When the breach was detected or the operator told its clients.
    pub discovery: Milestone,
    /// When it was made public.
    pub disclosure: Milestone,
    /// What happened, in a sentence or two.
    pub what: Text,
    /// Fields the sources say leaked.
    pub exposed: Vec<ExposedField>,
    /// Fields the sources say did not leak.
    pub not_exposed: Vec<SafeField>,
    /// Who is concerned: family members, former members, caveats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<ScopeNote>,
    /// Set when only some of the people the key designates were in the stolen data (Itelis:
    /// people with optical claims in given years), so holding its card proves little.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub some_members_only: Option<Text>,
    /// Sources about the incident as a whole.
    pub sources: Vec<String>,
}

impl Incident {
    /// The breached operator's id, for an operator-decided incident.
    pub fn operator_id(&self) -> Option<&str> {
        self.operator.as_deref()
    }
}

/// The question that decides an incident no insurer, operator or date can (answers: yes, no,
/// don't know).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The question, as the visitor reads it.
    pub text: Text,
    /// How to find the answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// Sources saying that this is what decides the incident (who was in the data).
    pub sources: Vec<String>,
}

/// What an operator or network is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OperatorKind {
    /// A tiers-payant operator (OTP): it holds the beneficiaries' rights data.
    TiersPayant,
    /// A care network (réseau de soins): it negotiates with opticians, dentists, audiologists.
    CareNetwork,
}

impl OperatorKind {
    /// The kind as the pack writes it.
    pub fn id(self) -> &'static str {
        match self {
            OperatorKind::TiersPayant => "tiers-payant",
            OperatorKind::CareNetwork => "care-network",
        }
    }
}

/// A tiers-payant operator or a care network.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operator {
    /// Kebab-case id (`viamedis`).
    pub id: String,
    /// The name as printed.
    pub name: String,
    /// Operator or network.
    pub kind: OperatorKind,
    /// Other spellings and brands, for search.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// How it shows on a card.
    pub card_hint: Text,
    /// Its official web domains (registrable names such as `viamedis.fr`), each backed by the
    /// address of a source cited here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    /// Source ids.
    pub sources: Vec<String>,
}

/// Which of an insurer's members an operator period concerns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    /// True when only some contracts or care types used the operator.
    pub partial: bool,
    /// Which ones, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
}

/// A span of time in which an insurer used an operator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperatorPeriod {
    /// The operator or network id.
    pub operator: String,
    /// First day, when known (unknown means "since before anything we know").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// Last day, when known (unknown means "still, as far as we know").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// All members, or only some contracts or care types.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// The insurer says members under contract from this day on were in the operator's
    /// data (Mutami: 2016). Only set when a source says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members_since: Option<Date>,
    /// The insurer says members up to this day are concerned (Alan: 26 January 2024), so
    /// a contract beginning later is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members_until: Option<Date>,
    /// The insurer says former members are concerned too.
    #[serde(default, skip_serializing_if = "is_false")]
    pub former_members: bool,
    /// Source ids.
    pub sources: Vec<String>,
}

impl OperatorPeriod {
    /// True when only some contracts or care types used the operator.
    pub fn is_partial(&self) -> bool {
        self.scope.as_ref().is_some_and(|scope| scope.partial)
    }
}

/// A source saying which operators an insurer used, so that an operator missing from its
/// periods was not one of them (Mutami: Viamedis until 2023, Actil since; CA Assurances:
/// Viamedis only).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperatorsSettled {
    /// The first day the statement covers; none: every contract the insurer held.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// Source ids.
    pub sources: Vec<String>,
}

/// The insurer's own public statement that its members were not concerned by some incidents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotConcerned {
    /// The incident ids the statement covers.
    pub incidents: Vec<String>,
    /// Source ids (the insurer's own notice).
    pub sources: Vec<String>,
}

/// A complementary health insurer, or a broker members know it by.
///
/// What the sources say about it is one of: its operator periods (with or without a statement
/// that they are complete), its own "not concerned" statement, or nothing at all (no periods:
/// "no public statement found", which the engine answers with "uncertain, look at your card").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Insurer {
    /// Kebab-case id (`la-mutuelle-generale`).
    pub id: String,
    /// The name as members know it.
    pub name: String,
    /// Other names, former brands, groups, acronyms, for search.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Which operators it used, and when; empty when no public source says.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<OperatorPeriod>,
    /// A source saying its periods are all the operators it used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operators_settled: Option<OperatorsSettled>,
    /// Its own statement that its members were not concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_concerned: Option<NotConcerned>,
    /// Anything a member should know (a group's notice covering it, say).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// The source id of its own notice about the incidents, when it published one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
    /// The source id of its own web site: it backs the entry and its domains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// Sources about the entry itself (who it is, a merger, a group), when no other fact
    /// cites them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<String>,
    /// Its official web domains (registrable names such as `mutami.fr`), each backed by the
    /// address of a source cited here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    /// True for an insurer a host page added or replaced ([`Pack::with_overlay`]): a verdict
    /// resting on it rests on the host's word. Never read from a pack's text.
    ///
    /// [`Pack::with_overlay`]: crate::pack::Pack::with_overlay
    #[serde(skip)]
    pub from_host: bool,
}

impl Insurer {
    /// The source ids this entry cites, each once, in a stable order.
    pub fn cited_sources(&self) -> Vec<&str> {
        let periods = self.periods.iter().flat_map(|p| &p.sources);
        let settled = self.operators_settled.iter().flat_map(|s| &s.sources);
        let statement = self.not_concerned.iter().flat_map(|s| &s.sources);
        let mut ids: Vec<&str> = Vec::new();
        for id in self
            .notice
            .iter()
            .chain(&self.site)
            .chain(&self.about)
            .chain(periods)
            .chain(settled)
            .chain(statement)
        {
            if !ids.contains(&id.as_str()) {
                ids.push(id);
            }
        }
        ids
    }
}
