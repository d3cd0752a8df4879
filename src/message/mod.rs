//! The suspicious-message check: paste an SMS or an e-mail, get its red flags, offline.
//!
//! [`check`] reads the text of a message (headers or not, French or English) and answers with a
//! [`Report`]: a [`Verdict`] (`suspicious` or `no-red-flag`), the organisation the message
//! claims to come from when it can be named, the red [`Flag`]s with the parts of the text that
//! raised them, and what to do next. It reads text only: nothing is fetched, resolved or
//! stored, and a link is never followed.
//!
//! ```
//! use breach_check::message::{check, Context, FlagKind, Verdict};
//!
//! let text = "Assurance Maladie : votre nouvelle carte Vitale est disponible. \
//!             Réglez 1,49 € de frais d'envoi sur https://ameli.fr.remboursement-secure.com";
//! let report = check(text, &Context::default()).expect("a text to rate");
//! assert_eq!(report.verdict, Verdict::Suspicious);
//! assert!(report.has(FlagKind::UnofficialLink));
//! assert!(report.has(FlagKind::LookalikeDomain));
//! assert!(report.has(FlagKind::AsksBankDetails));
//! // Each flag points at the words that raised it, as byte ranges of the text.
//! let flag = report.flag(FlagKind::AsksBankDetails).unwrap();
//! assert!(flag.spans.iter().any(|s| s.slice(text) == Some("frais d'envoi")));
//! ```
//!
//! # How it decides
//!
//! A message is `suspicious` as soon as one red flag is found, and each flag is a pattern the
//! sources describe as never used by the organisations concerned: see
//! `docs/phishing-sources.md`. The checks:
//!
//! - **Links** (with or without `https://`, written `hxxp`, `[.]`, in e-mail headers): the
//!   registrable domain of each host, by the Public Suffix List, is compared with the
//!   official domains of the organisation the message claims to be (`unofficial-link`), and
//!   with the brand words of every known organisation (`lookalike-domain`: a brand as a
//!   sub-domain or inside another name, a typo, `rn` for `m`, a Cyrillic `а`, mixed scripts,
//!   punycode, hidden characters). Link shorteners are flagged (`shortened-link`).
//! - **Requests**: bank details or fees to pay, codes and passwords, the social security
//!   number, each only when the sentence asks for it (a "never give your code" warning is not
//!   a request).
//! - **Pressure**: deadlines, suspensions, fines (`urgency`); the 2024 breaches used as a
//!   pretext (`breach-bait`).
//! - **Numbers**: call-back numbers in the surcharged ranges of the French numbering plan
//!   (`premium-number`).
//! - **Files**: attachments that run code or open a fake page (`attachment`).
//!
//! Every list behind these rules (official domains, shorteners, number ranges, file types,
//! words, what organisations say they never ask) is a data file under `src/message/data/`,
//! each entry with its source and grade.
//!
//! # Bad input
//!
//! An empty text gets no report (`None`). A long paste is rated on its first
//! [`MAX_RATED_BYTES`] bytes, and the report says so ([`Report::truncated`]). Binary junk, RTL
//! overrides and emoji are read like any other text. Nothing here panics.
//!
//! # For the interface
//!
//! Render [`Report::segments`] to highlight the text, [`Flag::kind`] with its
//! [`Localized`] title and [`Flag::why`], [`Report::steps`] with their [`StepLink::href`], and
//! for a `no-red-flag` verdict [`Report::checked`] with [`Notice::NotASafetyCertificate`]. The
//! claimed organisation's name is [`Claim::name`]. Every text goes through [`Localized`].

mod data;
pub mod document;
mod domains;
mod links;
mod phones;
mod scan;
mod texts;
pub mod wire;

use crate::i18n::{Lang, Localized};

pub use data::{DataError, Grade, NeverAsks, Source, Topic};
pub use texts::{Check, Label, Notice, Why};

/// How many bytes of a message are rated at most; the rest is left out, and the report says
/// so. 20 000 bytes hold the longest e-mails with their headers; rating costs grow with the
/// text, and the check runs as the visitor pastes.
pub const MAX_RATED_BYTES: usize = 20_000;

/// Declares a closed set of ids: the enum, `ALL`, `id()` and `from_id()` from one list, so that
/// a new variant cannot be left out of `ALL`.
macro_rules! closed_ids {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident => $id:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The kebab-case id of the public contract.
            pub fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)+
                }
            }

            /// The value with this id, if any.
            pub fn from_id(id: &str) -> Option<$name> {
                match id {
                    $($id => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}
pub(crate) use closed_ids;

closed_ids! {
    /// The verdict on a message (`data-verdict` of the `message-verdict` hook).
    pub enum Verdict {
        /// At least one red flag was found.
        Suspicious => "suspicious",
        /// None of the checked red flags was found. This is not a proof that the message is
        /// genuine: say what was checked ([`Report::checked`]).
        NoRedFlag => "no-red-flag",
    }
}

closed_ids! {
    /// A red flag (`data-flag` of the `message-flag` hook).
    pub enum FlagKind {
        /// A link whose registrable domain is not an official one of the organisation the
        /// message claims to be.
        UnofficialLink => "unofficial-link",
        /// A domain that imitates an official one.
        LookalikeDomain => "lookalike-domain",
        /// A link through a shortening service, which hides where it leads.
        ShortenedLink => "shortened-link",
        /// A request for card or bank details, or for fees to pay.
        AsksBankDetails => "asks-bank-details",
        /// A request for a code received by SMS, a password or a login.
        AsksCodes => "asks-codes",
        /// A request for the social security number.
        AsksNir => "asks-nir",
        /// A deadline or a threat (suspension, fine, loss of rights).
        Urgency => "urgency",
        /// A call-back number at a surcharged rate.
        PremiumNumber => "premium-number",
        /// The 2024 breaches used as a pretext.
        BreachBait => "breach-bait",
        /// A file to open that can run code or show a fake page.
        Attachment => "attachment",
    }
}

closed_ids! {
    /// A next step, each with its official page ([`StepLink::href`]).
    pub enum Step {
        /// Forward the SMS to 33700.
        ReportSms33700 => "report-sms-33700",
        /// Report the e-mail on signal-spam.fr.
        ReportEmailSignalSpam => "report-email-signal-spam",
        /// Never call a number given in the message.
        NeverCallBack => "never-call-back",
        /// Call your insurer on the number printed on your card.
        CallInsurerOnCard => "call-insurer-on-card",
        /// Reach the Assurance Maladie through 3646 or your ameli account, typed by hand.
        CallAmeli3646 => "call-ameli-3646",
        /// Type the official address yourself rather than follow a link.
        TypeAddressYourself => "type-address-yourself",
        /// If card details were given: call your bank's opposition line.
        CardOpposition => "card-opposition",
        /// If a password was given: change it, there and wherever it is reused.
        ChangePasswords => "change-passwords",
        /// 17Cyber, the State's help point for online fraud.
        Help17Cyber => "help-17cyber",
        /// Cybermalveillance.gouv.fr, for advice and help.
        HelpCybermalveillance => "help-cybermalveillance",
    }
}

closed_ids! {
    /// What kind of organisation a message claims to come from.
    pub enum ClaimKind {
        /// The Assurance Maladie (ameli, CPAM, carte Vitale).
        AssuranceMaladie => "assurance-maladie",
        /// The tax office (DGFiP, impots.gouv.fr).
        TaxOffice => "tax-office",
        /// Another public service (ANTAI, CPF, FranceConnect, Crit'Air, customs…).
        PublicService => "public-service",
        /// The visitor's own insurer, as the host page told.
        VisitorInsurer => "visitor-insurer",
        /// A health insurer (mutuelle, complémentaire).
        Insurer => "insurer",
        /// A tiers-payant operator or a care network.
        Operator => "operator",
        /// A bank.
        Bank => "bank",
        /// A parcel carrier.
        ParcelCarrier => "parcel-carrier",
        /// A help or reporting service (cybermalveillance.gouv.fr, 17Cyber…).
        HelpService => "help-service",
    }
}

closed_ids! {
    /// How the message reached the visitor, as far as the text tells.
    pub enum Channel {
        /// E-mail headers were pasted (From/De, Subject/Objet…).
        Email => "email",
        /// No headers: an SMS, or an e-mail pasted without them.
        Unknown => "unknown",
    }
}

closed_ids! {
    /// Why a domain was found to imitate an official one.
    pub enum Lookalike {
        /// A brand word as a sub-domain or as a word of another domain
        /// (`ameli.fr.remboursement-secure.com`, `mutuelle-mutami-securite.com`, `ameli.com`).
        BrandInOtherDomain => "brand-in-other-domain",
        /// A spelling one or two letters away from an official name (`amelie-remboursement.fr`).
        Typo => "typo",
        /// Characters that look like others (`arneli.fr` for ameli, a Cyrillic `а`).
        Confusable => "confusable",
        /// Letters of several scripts in one name.
        MixedScripts => "mixed-scripts",
        /// Invisible or direction characters inside the address.
        HiddenCharacters => "hidden-characters",
        /// An official name before an `@`, so that the real host is what follows.
        NameBeforeAt => "name-before-at",
    }
}

impl FlagKind {
    /// What to do about this flag in particular; [`Report::steps`] gathers them, with the
    /// reporting steps, for the whole message.
    pub fn steps(self) -> &'static [Step] {
        match self {
            FlagKind::UnofficialLink | FlagKind::LookalikeDomain | FlagKind::ShortenedLink => {
                &[Step::TypeAddressYourself]
            }
            FlagKind::AsksBankDetails => &[Step::CardOpposition],
            FlagKind::AsksCodes => &[Step::ChangePasswords],
            FlagKind::AsksNir | FlagKind::Urgency | FlagKind::BreachBait => {
                &[Step::CallInsurerOnCard]
            }
            FlagKind::PremiumNumber => &[Step::NeverCallBack],
            FlagKind::Attachment => &[Step::HelpCybermalveillance],
        }
    }
}

/// A part of the rated text, as a byte range (`start..end`, on character boundaries).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The part of `text` this span covers, or `None` when it does not fit `text` (another text
    /// than the one rated).
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }

    /// The span as a range of characters (Unicode scalar values) instead of bytes, for a caller
    /// that counts in characters.
    pub fn char_range(self, text: &str) -> Option<std::ops::Range<usize>> {
        let head = text.get(..self.start)?;
        let body = text.get(self.start..self.end)?;
        let start = head.chars().count();
        Some(start..start + body.chars().count())
    }
}

/// One red flag, with the parts of the text that raised it.
#[derive(Clone, Debug, PartialEq)]
pub struct Flag {
    /// Which flag.
    pub kind: FlagKind,
    /// The parts of the text that raised it, in text order, without overlaps.
    pub spans: Vec<Span>,
    /// What it is about, as the message writes it: the domains, numbers or file names.
    pub subjects: Vec<String>,
    /// For `lookalike-domain`: how the domain imitates, and whose name it imitates.
    pub imitation: Option<(Lookalike, OrgName)>,
    /// What the claimed organisation (or any genuine one) says it never asks, when a source
    /// says so for this flag.
    pub never_asks: Option<&'static NeverAsks>,
}

impl Flag {
    /// The one sentence on why this flag matters.
    pub fn why(&self) -> Why {
        Why(self.kind)
    }
}

/// An organisation's name in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgName {
    /// In French.
    pub fr: String,
    /// In English.
    pub en: String,
}

impl OrgName {
    /// The name in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// The organisation a message claims to come from.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// What kind of organisation.
    pub kind: ClaimKind,
    /// Its id (a public body of the check's data, or an insurer or operator id of the pack);
    /// `None` for a kind named without a name ("votre banque", "votre mutuelle").
    pub id: Option<String>,
    /// Its name, for display.
    pub name: OrgName,
    /// Where the message names it.
    pub spans: Vec<Span>,
}

closed_ids! {
    /// What a link of the message is.
    pub enum LinkKind {
        /// A web address.
        Web => "web",
        /// An e-mail address in the body.
        EmailAddress => "email-address",
        /// The sender or reply-to address of pasted e-mail headers.
        Sender => "sender",
    }
}

/// A link found in the message. It is never followed or resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// Where it stands in the text.
    pub span: Span,
    /// What it is.
    pub kind: LinkKind,
    /// The host, lower-cased, punycode decoded, hidden characters removed.
    pub host: String,
    /// The registrable domain of the host (by the Public Suffix List).
    pub registrable: String,
    /// The id of the organisation whose official domain it is, if known.
    pub official_for: Option<String>,
}

closed_ids! {
    /// The rate class of a phone number, from the French numbering plan.
    pub enum NumberClass {
        /// Free to call (0800–0805).
        Free => "free",
        /// Billed as a normal call (geographic, mobile, 09, 0806–0809).
        Normal => "normal",
        /// Billed above a normal call: 081, 082, 089.
        Surcharged => "surcharged",
        /// A short format that some services bill at a premium (3BPQ, 10XY, 118XYZ).
        MayBeSurcharged => "may-be-surcharged",
        /// Not in the plan's ranges (a foreign number, a malformed one).
        Unknown => "unknown",
    }
}

/// A phone number found in the message.
#[derive(Clone, Debug, PartialEq)]
pub struct PhoneNumber {
    /// Where it stands in the text.
    pub span: Span,
    /// Its digits, in national form (`0892705705`, `3646`).
    pub digits: String,
    /// Its rate class.
    pub class: NumberClass,
    /// Whose real line it is, when it is a known one (`assurance-maladie`, `card-opposition`…).
    pub known_as: Option<&'static str>,
}

/// A next step with its official page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepLink {
    /// The step.
    pub step: Step,
    /// Its official page; `None` when the step must be done without a link (the number on
    /// your card).
    pub href: Option<&'static str>,
}

closed_ids! {
    /// Something the report must say beside the flags.
    pub enum Note {
        /// The message quotes a social security number: that data leaked in 2024, so it
        /// proves nothing about the sender.
        QuotesLeakedData => "quotes-leaked-data",
        /// The message claims an organisation whose official domains are not known here: its
        /// links could not be checked against them.
        LinksNotVerifiable => "links-not-verifiable",
        /// A sender address can be forged: an official one proves nothing by itself.
        SenderCanBeForged => "sender-can-be-forged",
    }
}

/// Says that only part of a long text was rated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Truncated {
    /// Bytes rated, from the start of the text.
    pub rated_bytes: usize,
    /// Bytes of the whole text.
    pub total_bytes: usize,
}

/// What the check found in a message.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The verdict.
    pub verdict: Verdict,
    /// The organisation the message claims to be, when it can be named.
    pub claimed: Option<Claim>,
    /// The red flags, one per kind, in [`FlagKind::ALL`] order.
    pub flags: Vec<Flag>,
    /// What to do next, most urgent first.
    pub steps: Vec<StepLink>,
    /// Every link found, flagged or not.
    pub links: Vec<Link>,
    /// Every phone number found.
    pub numbers: Vec<PhoneNumber>,
    /// What else the report must say.
    pub notes: Vec<Note>,
    /// How the message arrived, as far as the text tells.
    pub channel: Channel,
    /// Set when only a prefix of the text was rated.
    pub truncated: Option<Truncated>,
}

/// A run of the rated text for display: plain, or highlighted by some flags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment<'t> {
    /// The text of the run.
    pub text: &'t str,
    /// The flags that cover it; empty for plain text.
    pub flags: Vec<FlagKind>,
}

impl Report {
    /// Whether the report has this flag.
    pub fn has(&self, kind: FlagKind) -> bool {
        self.flag(kind).is_some()
    }

    /// The flag of this kind, if found.
    pub fn flag(&self, kind: FlagKind) -> Option<&Flag> {
        self.flags.iter().find(|f| f.kind == kind)
    }

    /// The ids of the flags found, in order (`data-flag` values).
    pub fn flag_ids(&self) -> Vec<&'static str> {
        self.flags.iter().map(|f| f.kind.id()).collect()
    }

    /// What the check looked for, to say beside a `no-red-flag` verdict.
    pub fn checked(&self) -> &'static [Check] {
        Check::ALL
    }

    /// Splits `text` (the text that was rated) into plain and highlighted runs, in order, for
    /// display. Past the rated prefix, the text is one plain run. A text other than the rated
    /// one gives what fits, without panicking.
    pub fn segments<'t>(&self, text: &'t str) -> Vec<Segment<'t>> {
        // Every span start and end cuts the text; each piece carries the flags covering it.
        let mut cuts: Vec<usize> = vec![0, text.len()];
        for flag in &self.flags {
            for span in &flag.spans {
                if span.slice(text).is_some() {
                    cuts.push(span.start);
                    cuts.push(span.end);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut out: Vec<Segment<'t>> = Vec::new();
        for pair in cuts.windows(2) {
            let (start, end) = (pair[0], pair[1]);
            let Some(piece) = text.get(start..end) else {
                continue;
            };
            let flags: Vec<FlagKind> = self
                .flags
                .iter()
                .filter(|f| f.spans.iter().any(|s| s.start <= start && end <= s.end))
                .map(|f| f.kind)
                .collect();
            match out.last_mut() {
                Some(last) if last.flags == flags => {
                    // Adjacent pieces with the same flags join (the slices are contiguous).
                    let joined_start = last.text.as_ptr() as usize - text.as_ptr() as usize;
                    last.text = text.get(joined_start..end).unwrap_or(last.text);
                }
                _ => out.push(Segment { text: piece, flags }),
            }
        }
        out
    }
}

/// An insurer or tiers-payant operator that the caller knows, with its official domains (from
/// the data pack).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organisation {
    /// Its pack id (`mutami`, `viamedis`).
    pub id: String,
    /// Its usual name (`Mutami`).
    pub name: String,
    /// Other names it is known by.
    pub aliases: Vec<String>,
    /// Whether it is an insurer or an operator.
    pub kind: OrganisationKind,
    /// Its official domains (`mutuelle-mutami.fr`); a host is official when it is one of them
    /// or one of their sub-domains. May be empty when the pack does not know them yet.
    pub domains: Vec<String>,
}

closed_ids! {
    /// The kinds of organisation the caller passes in.
    pub enum OrganisationKind {
        /// A health insurer.
        Insurer => "insurer",
        /// A tiers-payant operator or a care network.
        Operator => "operator",
    }
}

/// What the caller knows besides the text: the pack's insurers and operators with their
/// domains, and the visitor's insurer when the host page says it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The insurers and operators, with their official domains.
    pub organisations: Vec<Organisation>,
    /// The id of the visitor's insurer among [`Context::organisations`], if known.
    pub visitor_insurer: Option<String>,
}

impl Context {
    /// A context with these organisations and no visitor's insurer.
    pub fn new(organisations: Vec<Organisation>) -> Context {
        Context {
            organisations,
            visitor_insurer: None,
        }
    }

    /// The insurers and operators of the data pack, by name and aliases, with the official
    /// domains the pack gives them. One with no known domain has its links reported as not
    /// verifiable rather than unofficial; look-alikes of its name are still caught.
    pub fn from_pack(pack: &crate::pack::Pack) -> Context {
        let organisations = pack
            .official_domains()
            .map(|o| Organisation {
                id: o.id.to_owned(),
                name: o.name.to_owned(),
                aliases: o.aliases.to_vec(),
                kind: match o.kind {
                    crate::pack::OrganisationKind::Insurer => OrganisationKind::Insurer,
                    crate::pack::OrganisationKind::Operator(_) => OrganisationKind::Operator,
                },
                domains: o.domains.to_vec(),
            })
            .collect();
        Context::new(organisations)
    }

    /// The same context, with the visitor's insurer set to `id`.
    pub fn with_visitor_insurer(mut self, id: &str) -> Context {
        self.visitor_insurer = Some(id.to_string());
        self
    }
}

/// Rates a pasted message. `None` when the text holds nothing to rate (empty, or only spaces
/// and invisible characters): show no verdict then.
///
/// The cost is bounded: at most [`MAX_RATED_BYTES`] bytes are read.
pub fn check(text: &str, context: &Context) -> Option<Report> {
    scan::check(text, context)
}

/// Checks every data file of the module and their cross-references (sources cited, grades no
/// better than their sources, ids known). The widget never needs to call it: the tests do, so
/// that a broken data file fails the build, and the check itself falls back to empty lists
/// rather than panic.
pub fn validate_data() -> Result<(), DataError> {
    data::Data::parse().map(|_| ())
}

/// The sources behind the module's data, for a sources list.
pub fn sources() -> &'static [Source] {
    &data::Data::get().sources
}

/// How the check's words are said: a helper for the interface that needs the flag's title.
impl Localized for FlagKind {
    fn fr(self) -> &'static str {
        texts::flag_title_fr(self)
    }
    fn en(self) -> &'static str {
        texts::flag_title_en(self)
    }
}
