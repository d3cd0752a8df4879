//! The module's data files, read once and checked.
//!
//! Every file under `data/` is a plain line format (`field | field | …`, `#` comments) read
//! with `include_str!`, so the parsed records borrow `'static` text and cost no copy. The
//! parser checks each line and the cross-references between files; the tests run it, and at
//! run time a data error leaves the lists empty instead of panicking.

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use super::{FlagKind, NumberClass, Step};

const SOURCES: &str = include_str!("data/sources.txt");
const ORGANISATIONS: &str = include_str!("data/organisations.txt");
const DOMAINS: &str = include_str!("data/domains.txt");
const CLAIMS: &str = include_str!("data/claims.txt");
const SHORTENERS: &str = include_str!("data/shorteners.txt");
const NUMBERS: &str = include_str!("data/numbers.txt");
const ATTACHMENTS: &str = include_str!("data/attachments.txt");
const NEVER_ASKS: &str = include_str!("data/never_asks.txt");
const LEXICON: &str = include_str!("data/lexicon.txt");
const STEPS: &str = include_str!("data/steps.txt");
const CONFUSABLES: &str = include_str!("data/confusables.txt");
/// The Public Suffix List snapshot (see `data/public_suffix_list.dat`'s header).
pub(crate) const PUBLIC_SUFFIX_LIST: &str = include_str!("data/public_suffix_list.dat");

/// How far a source can be trusted, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grade {
    /// Official: a State body, the Assurance Maladie, an insurer or a bank about itself, a
    /// specification's maintainers.
    A,
    /// An official text quoted by another public body.
    ARelay,
    /// Mainstream or trade press.
    B,
    /// Blog, aggregator or commercial site: a hint only.
    C,
}

impl Grade {
    fn parse(text: &str) -> Option<Grade> {
        match text {
            "A" => Some(Grade::A),
            "A-relay" => Some(Grade::ARelay),
            "B" => Some(Grade::B),
            "C" => Some(Grade::C),
            _ => None,
        }
    }

    /// The grade as written in the data files (`A`, `A-relay`, `B`, `C`).
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::ARelay => "A-relay",
            Grade::B => "B",
            Grade::C => "C",
        }
    }
}

/// One document the data rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Kebab-case id, cited by the other files.
    pub id: &'static str,
    /// How far it can be trusted.
    pub grade: Grade,
    /// Who published it.
    pub publisher: &'static str,
    /// When, as published (`2024-02-07`, `2024-02`, `n.d.`).
    pub date: &'static str,
    /// Where it can be read. The widget never fetches it.
    pub url: &'static str,
}

/// What an organisation says it never asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Topic {
    /// Card or bank details.
    BankDetails,
    /// Fees or fines to pay through a message.
    Payment,
    /// Codes, passwords, logins.
    Codes,
    /// The social security number.
    Nir,
}

impl Topic {
    fn parse(text: &str) -> Option<Topic> {
        match text {
            "bank-details" => Some(Topic::BankDetails),
            "payment" => Some(Topic::Payment),
            "codes" => Some(Topic::Codes),
            "nir" => Some(Topic::Nir),
            _ => None,
        }
    }
}

/// A "we never ask for this" rule: who says it, about what, and its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeverAsks {
    /// The organisation id, or `any`.
    pub organisation: &'static str,
    /// What it never asks for.
    pub topic: Topic,
    /// The best grade of its sources.
    pub grade: Grade,
    /// The ids of its sources.
    pub sources: Vec<&'static str>,
    /// The rule in French (our words).
    pub fr: &'static str,
    /// The rule in English (our words).
    pub en: &'static str,
}

impl crate::i18n::Localized for &'static NeverAsks {
    fn fr(self) -> &'static str {
        self.fr
    }
    fn en(self) -> &'static str {
        self.en
    }
}

/// The kind of an organisation of `organisations.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OrgKind {
    HealthInsurance,
    TaxOffice,
    PublicService,
    Help,
    Bank,
    ParcelCarrier,
    Insurer,
    Platform,
}

impl OrgKind {
    fn parse(text: &str) -> Option<OrgKind> {
        match text {
            "health-insurance" => Some(OrgKind::HealthInsurance),
            "tax-office" => Some(OrgKind::TaxOffice),
            "public-service" => Some(OrgKind::PublicService),
            "help" => Some(OrgKind::Help),
            "bank" => Some(OrgKind::Bank),
            "parcel-carrier" => Some(OrgKind::ParcelCarrier),
            "insurer" => Some(OrgKind::Insurer),
            "platform" => Some(OrgKind::Platform),
            _ => None,
        }
    }
}

/// A public body or a generic kind of organisation.
#[derive(Clone, Debug)]
pub(crate) struct OrgEntry {
    pub id: &'static str,
    pub kind: OrgKind,
    pub name_fr: &'static str,
    pub name_en: &'static str,
    pub brands: Vec<&'static str>,
}

/// An official domain: a host suffix, or every site under a public suffix (`*.gouv.fr`).
#[derive(Clone, Debug)]
pub(crate) struct DomainEntry {
    pub organisation: &'static str,
    pub domain: &'static str,
    /// `*.gouv.fr`: any registrable domain under `gouv.fr`.
    pub any_under: bool,
}

/// One word of a lexicon phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Word {
    /// This folded word.
    Exact(Cow<'static, str>),
    /// Any word beginning so.
    Prefix(Cow<'static, str>),
    /// Any number.
    Number,
    /// Up to four words.
    Gap,
}

/// A lexicon phrase: folded words to match in a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Phrase {
    pub words: Vec<Word>,
}

/// What a lexicon group does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Phrase,
    Object,
    Fee,
    Mention,
    Deadline,
    Request,
    Pay,
    Action,
    Place,
    Negation,
}

impl Role {
    fn parse(text: &str) -> Option<Role> {
        match text {
            "phrase" => Some(Role::Phrase),
            "object" => Some(Role::Object),
            "fee" => Some(Role::Fee),
            "mention" => Some(Role::Mention),
            "deadline" => Some(Role::Deadline),
            "action" => Some(Role::Action),
            "place" => Some(Role::Place),
            "request" => Some(Role::Request),
            "pay" => Some(Role::Pay),
            "negation" => Some(Role::Negation),
            _ => None,
        }
    }
}

/// A group of phrases with one role.
#[derive(Clone, Debug)]
pub(crate) struct LexGroup {
    /// `None` for the shared words (`*`).
    pub flag: Option<FlagKind>,
    pub role: Role,
    pub phrases: Vec<Phrase>,
}

/// Claim words for an organisation id.
#[derive(Clone, Debug)]
pub(crate) struct ClaimEntry {
    pub target: &'static str,
    pub phrases: Vec<Phrase>,
}

/// A range of the numbering plan.
#[derive(Clone, Debug)]
pub(crate) struct NumberRange {
    pub prefix: &'static str,
    pub digits: usize,
    pub class: NumberClass,
}

/// A known real line.
#[derive(Clone, Debug)]
pub(crate) struct KnownNumber {
    pub number: &'static str,
    pub owner: &'static str,
}

/// Everything the data files hold, parsed.
#[derive(Debug, Default)]
pub(crate) struct Data {
    pub sources: Vec<Source>,
    pub organisations: Vec<OrgEntry>,
    pub domains: Vec<DomainEntry>,
    pub claims: Vec<ClaimEntry>,
    pub shorteners: Vec<&'static str>,
    pub ranges: Vec<NumberRange>,
    pub known_numbers: Vec<KnownNumber>,
    pub extensions: Vec<&'static str>,
    pub never_asks: Vec<NeverAsks>,
    pub lexicon: Vec<LexGroup>,
    pub steps: Vec<(Step, Option<&'static str>)>,
    /// Sorted by character: (source character, its skeleton in lower-case ASCII).
    pub confusables: Vec<(char, &'static str)>,
}

/// A problem in a data file, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// The file, under `src/message/data/`.
    pub file: &'static str,
    /// The line number, from 1.
    pub line: usize,
    /// What is wrong.
    pub problem: Problem,
}

/// What is wrong with a data line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The line does not have the file's number of fields.
    FieldCount {
        /// Fields expected.
        expected: usize,
        /// Fields found.
        found: usize,
    },
    /// A value outside its closed set (a grade, a kind, a flag id, a role…).
    UnknownValue(String),
    /// A source id that `sources.txt` does not list.
    UnknownSource(String),
    /// An organisation id that `organisations.txt` does not list (pack ids are allowed in
    /// `never_asks.txt`).
    UnknownOrganisation(String),
    /// The entry's grade is better than the best of its sources.
    GradeAboveSources,
    /// An entry with no source.
    NoSource,
    /// An id or a key listed twice.
    Duplicate(String),
    /// A phrase that is not folded (capitals, accents, apostrophes) or is empty.
    BadPhrase(String),
    /// A malformed value (a number, a domain, an URL, a confusables line).
    Malformed(String),
    /// A source that no entry cites, or a step without its page.
    Unused(String),
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "src/message/data/{}:{}: ", self.file, self.line)?;
        match &self.problem {
            Problem::FieldCount { expected, found } => {
                write!(f, "{found} fields, {expected} expected")
            }
            Problem::UnknownValue(v) => write!(f, "unknown value {v:?}"),
            Problem::UnknownSource(v) => write!(f, "unknown source {v:?}"),
            Problem::UnknownOrganisation(v) => write!(f, "unknown organisation {v:?}"),
            Problem::GradeAboveSources => write!(f, "grade better than its sources"),
            Problem::NoSource => write!(f, "no source"),
            Problem::Duplicate(v) => write!(f, "{v:?} listed twice"),
            Problem::BadPhrase(v) => write!(f, "phrase {v:?} is not folded"),
            Problem::Malformed(v) => write!(f, "malformed {v:?}"),
            Problem::Unused(v) => write!(f, "{v:?} is never used"),
        }
    }
}

impl std::error::Error for DataError {}

/// The meaningful lines of a file, split into trimmed fields, with their line numbers.
fn records(
    file: &'static str,
    text: &'static str,
    fields: usize,
) -> Result<Vec<(usize, Vec<&'static str>)>, DataError> {
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parts: Vec<&'static str> = line.split(" | ").map(str::trim).collect();
        if parts.len() != fields {
            return Err(DataError {
                file,
                line: index + 1,
                problem: Problem::FieldCount {
                    expected: fields,
                    found: parts.len(),
                },
            });
        }
        out.push((index + 1, parts));
    }
    Ok(out)
}

/// Checks an entry's grade and sources against `sources.txt`.
struct Citations<'a> {
    sources: &'a [Source],
    cited: Vec<&'static str>,
}

impl Citations<'_> {
    fn check(
        &mut self,
        file: &'static str,
        line: usize,
        grade: &str,
        ids: &'static str,
    ) -> Result<(Grade, Vec<&'static str>), DataError> {
        let err = |problem| DataError {
            file,
            line,
            problem,
        };
        let grade =
            Grade::parse(grade).ok_or_else(|| err(Problem::UnknownValue(grade.to_string())))?;
        let ids: Vec<&'static str> = ids.split_whitespace().collect();
        if ids.is_empty() {
            return Err(err(Problem::NoSource));
        }
        let mut best = Grade::C;
        for id in &ids {
            let source = self
                .sources
                .iter()
                .find(|s| s.id == *id)
                .ok_or_else(|| err(Problem::UnknownSource(id.to_string())))?;
            best = best.min(source.grade);
            self.cited.push(source.id);
        }
        if grade < best {
            return Err(err(Problem::GradeAboveSources));
        }
        Ok((grade, ids))
    }
}

/// Parses a comma-separated list of folded phrases.
fn phrases(file: &'static str, line: usize, text: &'static str) -> Result<Vec<Phrase>, DataError> {
    let mut out = Vec::new();
    for raw in text.split(',') {
        let raw = raw.trim();
        let folded_ok = !raw.is_empty()
            && raw.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || " *#.".contains(c) || c == '€'
            });
        if !folded_ok {
            return Err(DataError {
                file,
                line,
                problem: Problem::BadPhrase(raw.to_string()),
            });
        }
        let words = raw
            .split_whitespace()
            .map(|w| match w {
                "#" => Word::Number,
                ".." => Word::Gap,
                _ => match w.strip_suffix('*') {
                    Some(stem) => Word::Prefix(Cow::Borrowed(stem)),
                    None => Word::Exact(Cow::Borrowed(w)),
                },
            })
            .collect::<Vec<_>>();
        let bad = words.iter().any(|w| match w {
            Word::Exact(s) | Word::Prefix(s) => s.is_empty() || s.contains(['*', '#', '.']),
            _ => false,
        }) || matches!(words.first(), Some(Word::Gap) | None)
            || matches!(words.last(), Some(Word::Gap));
        if bad {
            return Err(DataError {
                file,
                line,
                problem: Problem::BadPhrase(raw.to_string()),
            });
        }
        out.push(Phrase { words });
    }
    Ok(out)
}

fn is_domain(text: &str) -> bool {
    let body = text.strip_prefix("*.").unwrap_or(text);
    body.contains('.')
        && body.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

impl Data {
    /// The parsed data, read once. A data error (which the tests rule out) gives empty lists.
    pub(crate) fn get() -> &'static Data {
        static DATA: OnceLock<Data> = OnceLock::new();
        DATA.get_or_init(|| Data::parse().unwrap_or_default())
    }

    /// Parses and checks every file.
    pub(crate) fn parse() -> Result<Data, DataError> {
        let mut data = Data::default();
        for (line, f) in records("sources.txt", SOURCES, 5)? {
            let err = |problem| DataError {
                file: "sources.txt",
                line,
                problem,
            };
            let grade =
                Grade::parse(f[1]).ok_or_else(|| err(Problem::UnknownValue(f[1].to_string())))?;
            if data.sources.iter().any(|s| s.id == f[0]) {
                return Err(err(Problem::Duplicate(f[0].to_string())));
            }
            if !f[4].starts_with("https://") && !f[4].starts_with("http://") {
                return Err(err(Problem::Malformed(f[4].to_string())));
            }
            data.sources.push(Source {
                id: f[0],
                grade,
                publisher: f[2],
                date: f[3],
                url: f[4],
            });
        }
        let sources = std::mem::take(&mut data.sources);
        let mut cite = Citations {
            sources: &sources,
            cited: Vec::new(),
        };

        for (line, f) in records("organisations.txt", ORGANISATIONS, 7)? {
            let err = |problem| DataError {
                file: "organisations.txt",
                line,
                problem,
            };
            let kind =
                OrgKind::parse(f[1]).ok_or_else(|| err(Problem::UnknownValue(f[1].to_string())))?;
            if data.organisations.iter().any(|o| o.id == f[0]) {
                return Err(err(Problem::Duplicate(f[0].to_string())));
            }
            let brands: Vec<&'static str> = if f[4] == "-" {
                Vec::new()
            } else {
                f[4].split_whitespace().collect()
            };
            if brands.iter().any(|b| {
                !b.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            }) {
                return Err(err(Problem::Malformed(f[4].to_string())));
            }
            cite.check("organisations.txt", line, f[5], f[6])?;
            data.organisations.push(OrgEntry {
                id: f[0],
                kind,
                name_fr: f[2],
                name_en: f[3],
                brands,
            });
        }
        let known_org = |id: &str| id == "state" || data.organisations.iter().any(|o| o.id == id);

        for (line, f) in records("domains.txt", DOMAINS, 4)? {
            let err = |problem| DataError {
                file: "domains.txt",
                line,
                problem,
            };
            if !known_org(f[0]) {
                return Err(err(Problem::UnknownOrganisation(f[0].to_string())));
            }
            if !is_domain(f[1]) {
                return Err(err(Problem::Malformed(f[1].to_string())));
            }
            if data.domains.iter().any(|d| d.domain == f[1]) {
                return Err(err(Problem::Duplicate(f[1].to_string())));
            }
            cite.check("domains.txt", line, f[2], f[3])?;
            let any_under = f[1].starts_with("*.");
            data.domains.push(DomainEntry {
                organisation: f[0],
                domain: f[1].trim_start_matches("*."),
                any_under,
            });
        }

        for (line, f) in records("claims.txt", CLAIMS, 4)? {
            if !known_org(f[0]) {
                return Err(DataError {
                    file: "claims.txt",
                    line,
                    problem: Problem::UnknownOrganisation(f[0].to_string()),
                });
            }
            cite.check("claims.txt", line, f[2], f[3])?;
            data.claims.push(ClaimEntry {
                target: f[0],
                phrases: phrases("claims.txt", line, f[1])?,
            });
        }

        for (line, f) in records("shorteners.txt", SHORTENERS, 3)? {
            if !is_domain(f[0]) || f[0].starts_with("*.") {
                return Err(DataError {
                    file: "shorteners.txt",
                    line,
                    problem: Problem::Malformed(f[0].to_string()),
                });
            }
            cite.check("shorteners.txt", line, f[1], f[2])?;
            data.shorteners.push(f[0]);
        }

        for (line, f) in number_records()? {
            let err = |problem| DataError {
                file: "numbers.txt",
                line,
                problem,
            };
            let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            match f[0] {
                "range" => {
                    let digits: usize = f[2]
                        .parse()
                        .map_err(|_| err(Problem::Malformed(f[2].to_string())))?;
                    let class = NumberClass::from_id(f[3])
                        .filter(|c| *c != NumberClass::Unknown)
                        .ok_or_else(|| err(Problem::UnknownValue(f[3].to_string())))?;
                    if !all_digits(f[1]) || f[1].len() >= digits {
                        return Err(err(Problem::Malformed(f[1].to_string())));
                    }
                    cite.check("numbers.txt", line, f[4], f[5])?;
                    data.ranges.push(NumberRange {
                        prefix: f[1],
                        digits,
                        class,
                    });
                }
                "known" => {
                    if !all_digits(f[1]) {
                        return Err(err(Problem::Malformed(f[1].to_string())));
                    }
                    cite.check("numbers.txt", line, f[3], f[4])?;
                    data.known_numbers.push(KnownNumber {
                        number: f[1],
                        owner: f[2],
                    });
                }
                other => return Err(err(Problem::UnknownValue(other.to_string()))),
            }
        }

        for (line, f) in records("attachments.txt", ATTACHMENTS, 3)? {
            if !f[0]
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            {
                return Err(DataError {
                    file: "attachments.txt",
                    line,
                    problem: Problem::Malformed(f[0].to_string()),
                });
            }
            cite.check("attachments.txt", line, f[1], f[2])?;
            data.extensions.push(f[0]);
        }

        for (line, f) in records("never_asks.txt", NEVER_ASKS, 6)? {
            let topic = Topic::parse(f[1]).ok_or_else(|| DataError {
                file: "never_asks.txt",
                line,
                problem: Problem::UnknownValue(f[1].to_string()),
            })?;
            let (grade, ids) = cite.check("never_asks.txt", line, f[2], f[3])?;
            data.never_asks.push(NeverAsks {
                organisation: f[0],
                topic,
                grade,
                sources: ids,
                fr: f[4],
                en: f[5],
            });
        }

        for (line, f) in records("lexicon.txt", LEXICON, 5)? {
            let err = |problem| DataError {
                file: "lexicon.txt",
                line,
                problem,
            };
            let flag = match f[0] {
                "*" => None,
                id => Some(
                    FlagKind::from_id(id).ok_or_else(|| err(Problem::UnknownValue(id.into())))?,
                ),
            };
            let role =
                Role::parse(f[1]).ok_or_else(|| err(Problem::UnknownValue(f[1].to_string())))?;
            let shared = matches!(
                role,
                Role::Request | Role::Pay | Role::Action | Role::Place | Role::Negation
            );
            if shared != flag.is_none() {
                return Err(err(Problem::UnknownValue(format!("{} {}", f[0], f[1]))));
            }
            cite.check("lexicon.txt", line, f[3], f[4])?;
            data.lexicon.push(LexGroup {
                flag,
                role,
                phrases: phrases("lexicon.txt", line, f[2])?,
            });
        }

        for (line, f) in records("steps.txt", STEPS, 4)? {
            let err = |problem| DataError {
                file: "steps.txt",
                line,
                problem,
            };
            let step =
                Step::from_id(f[0]).ok_or_else(|| err(Problem::UnknownValue(f[0].to_string())))?;
            let url = match f[1] {
                "-" => None,
                url if url.starts_with("https://") => Some(url),
                url => return Err(err(Problem::Malformed(url.to_string()))),
            };
            if data.steps.iter().any(|(s, _)| *s == step) {
                return Err(err(Problem::Duplicate(f[0].to_string())));
            }
            cite.check("steps.txt", line, f[2], f[3])?;
            data.steps.push((step, url));
        }
        if let Some(missing) = Step::ALL
            .iter()
            .find(|s| !data.steps.iter().any(|(t, _)| t == *s))
        {
            return Err(DataError {
                file: "steps.txt",
                line: 0,
                problem: Problem::Unused(missing.id().to_string()),
            });
        }

        data.confusables = parse_confusables()?;
        // The generated tables cite their sources in their own headers.
        cite.cited.extend(["unicode-tr39", "psl"]);

        if let Some(unused) = sources.iter().find(|s| !cite.cited.contains(&s.id)) {
            return Err(DataError {
                file: "sources.txt",
                line: 0,
                problem: Problem::Unused(unused.id.to_string()),
            });
        }
        data.sources = sources;
        Ok(data)
    }

    /// A built-in organisation by id.
    pub(crate) fn organisation(&self, id: &str) -> Option<&OrgEntry> {
        self.organisations.iter().find(|o| o.id == id)
    }
}

/// `numbers.txt` mixes two line shapes: ranges (6 fields) and known numbers (5 fields).
fn number_records() -> Result<Vec<(usize, Vec<&'static str>)>, DataError> {
    let mut out = Vec::new();
    for (index, line) in NUMBERS.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parts: Vec<&'static str> = line.split(" | ").map(str::trim).collect();
        let expected = if parts.first() == Some(&"known") {
            5
        } else {
            6
        };
        if parts.len() != expected {
            return Err(DataError {
                file: "numbers.txt",
                line: index + 1,
                problem: Problem::FieldCount {
                    expected,
                    found: parts.len(),
                },
            });
        }
        out.push((index + 1, parts));
    }
    Ok(out)
}

/// `confusables.txt`: `XXXX skeleton` lines (hex code point, lower-case ASCII skeleton),
/// sorted by code point.
fn parse_confusables() -> Result<Vec<(char, &'static str)>, DataError> {
    let mut out: Vec<(char, &'static str)> = Vec::new();
    for (index, line) in CONFUSABLES.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = || DataError {
            file: "confusables.txt",
            line: index + 1,
            problem: Problem::Malformed(line.to_string()),
        };
        let (hex, skeleton) = line.split_once(' ').ok_or_else(err)?;
        let c = u32::from_str_radix(hex, 16)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(err)?;
        let ok = !skeleton.is_empty()
            && skeleton
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok || out.last().is_some_and(|(last, _)| *last >= c) {
            return Err(err());
        }
        out.push((c, skeleton));
    }
    Ok(out)
}
