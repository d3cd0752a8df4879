//! The data pack: what is known about the incidents, the operators and the insurers, with a
//! source for every fact.
//!
//! The facts live in `src/pack/pack.toml`, a readable file written from the research notes.
//! `build.rs` parses it with the types of this module (`model.rs`), checks it with
//! [`validate`] (`validate.rs`: a broken pack fails the build, naming the entry) and embeds it
//! as compact JSON; [`Pack::builtin`] decodes that once. A host page may add or replace **insurers** (and the sources they cite)
//! with its own JSON ([`Pack::with_overlay`]), checked by the same rules; incidents and
//! operators are the built-in pack's alone.
//!
//! Besides the lookups the engine uses, the pack answers two questions for the rest of the
//! widget: which insurer a visitor means when typing a name ([`Pack::search_insurers`],
//! [`Pack::insurer_named`]), and which web domains each organisation officially uses
//! ([`Pack::official_domains`]).

mod json;
// Private, so that each type has one path (`pack::Pack`); `build.rs` compiles the two files
// on their own through `#[path]`.
mod model;
mod validate;

use std::collections::BTreeSet;
use std::sync::OnceLock;

pub use model::{
    Certainty, ExposedField, Field, Grade, Incident, Insurer, Milestone, NotConcerned, Operator,
    OperatorKind, OperatorPeriod, OperatorsSettled, Pack, Question, SafeField, Scope, ScopeNote,
    ScopeNoteKind, Source, Text,
};
pub use validate::{PackError, validate};

use crate::i18n::Lang;
use crate::text::fold_for_search;

/// The built-in pack as checked and minified by `build.rs`.
const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/pack.json"));

/// The most a host's overlay may weigh: a few hundred insurers fit in a tenth of it, and a
/// bigger text is refused before it is parsed.
pub const OVERLAY_MAX_BYTES: usize = 64 * 1024;
/// The most insurers a host's overlay may add or replace.
pub const OVERLAY_MAX_INSURERS: usize = 300;
/// The most sources a host's overlay may add.
pub const OVERLAY_MAX_SOURCES: usize = 600;
/// The most JSON values (of any kind) an overlay may hold: bounds the parser's work.
const OVERLAY_MAX_VALUES: usize = 20_000;

/// What a web domain belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrganisationKind {
    /// A complementary health insurer (or broker).
    Insurer,
    /// A tiers-payant operator or a care network.
    Operator(OperatorKind),
}

/// One organisation and its official web domains (see [`Pack::official_domains`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Organisation<'a> {
    /// Its pack id.
    pub id: &'a str,
    /// Its name as members know it.
    pub name: &'a str,
    /// Its other names (brands, acronyms, former names).
    pub aliases: &'a [String],
    /// Insurer or operator.
    pub kind: OrganisationKind,
    /// Its registrable domains (`mutami.fr`), each backed by a cited source's address.
    pub domains: &'a [String],
    /// True for an insurer a host page added or replaced: its domains are the host's word.
    pub from_host: bool,
}

impl Pack {
    /// The pack shipped in the bundle, decoded on first use.
    pub fn builtin() -> &'static Pack {
        static BUILTIN: OnceLock<Pack> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // build.rs validated this very text, so failing here is a build defect.
            Pack::from_json(BUILTIN_JSON).unwrap_or_default()
        })
    }

    /// Parses and validates a whole pack written as JSON.
    pub fn from_json(text: &str) -> Result<Pack, PackError> {
        let pack = json::read_pack(text, json::Limits::BUILTIN).map_err(PackError::Syntax)?;
        validate(&pack)?;
        Ok(pack)
    }

    /// This pack with a host page's additions. The JSON `overlay` has the pack's shape but may
    /// only hold `insurers` (each added, or replacing the insurer with its id) and `sources`
    /// (new ones, for those insurers to cite). Incidents, operators, the review date and
    /// replacements for built-in sources are refused, naming the entry, as is any text over
    /// [`OVERLAY_MAX_BYTES`] or with more entries than the limits allow. Every insurer taken
    /// from the overlay is marked [`Insurer::from_host`]. The result is validated as a whole;
    /// on error `self` is unchanged.
    pub fn with_overlay(&self, overlay: &str) -> Result<Pack, PackError> {
        let limits = json::Limits {
            bytes: OVERLAY_MAX_BYTES,
            values: OVERLAY_MAX_VALUES,
        };
        let extra = json::read_pack(overlay, limits).map_err(PackError::Syntax)?;
        if let Some(incident) = extra.incidents.first() {
            return Err(PackError::NotInOverlay {
                entry: format!("incident {}", validate::echo(&incident.id)),
            });
        }
        if let Some(operator) = extra.operators.first() {
            return Err(PackError::NotInOverlay {
                entry: format!("operator {}", validate::echo(&operator.id)),
            });
        }
        if extra.reviewed.is_some() {
            return Err(PackError::NotInOverlay {
                entry: "reviewed".to_owned(),
            });
        }
        if extra.insurers.len() > OVERLAY_MAX_INSURERS {
            return Err(PackError::TooManyEntries {
                list: "insurers",
                limit: OVERLAY_MAX_INSURERS,
            });
        }
        if extra.sources.len() > OVERLAY_MAX_SOURCES {
            return Err(PackError::TooManyEntries {
                list: "sources",
                limit: OVERLAY_MAX_SOURCES,
            });
        }
        let mut seen = BTreeSet::new();
        if let Some(twice) = extra.insurers.iter().find(|i| !seen.insert(i.id.as_str())) {
            return Err(PackError::DuplicateId {
                id: twice.id.clone(),
            });
        }
        // A built-in source backs built-in incidents too: replacing it would change them.
        let builtin_sources: BTreeSet<&str> = self.sources.iter().map(|s| s.id.as_str()).collect();
        if let Some(source) = extra
            .sources
            .iter()
            .find(|s| builtin_sources.contains(s.id.as_str()))
        {
            return Err(PackError::NotInOverlay {
                entry: format!("source {} (a built-in source)", validate::echo(&source.id)),
            });
        }

        // The overlay's ids are distinct (checked above), so each either replaces one of the
        // built-in insurers (a fixed, short list: the search is linear in the overlay) or is new.
        let mut merged = self.clone();
        merged.sources.extend(extra.sources);
        for mut insurer in extra.insurers {
            insurer.from_host = true;
            match self.insurers.iter().position(|i| i.id == insurer.id) {
                Some(at) => merged.insurers[at] = insurer,
                None => merged.insurers.push(insurer),
            }
        }
        validate(&merged)?;
        Ok(merged)
    }

    /// The insurer with this id.
    pub fn insurer(&self, id: &str) -> Option<&Insurer> {
        self.insurers.iter().find(|i| i.id == id)
    }

    /// The operator or network with this id.
    pub fn operator(&self, id: &str) -> Option<&Operator> {
        self.operators.iter().find(|o| o.id == id)
    }

    /// The incident with this id.
    pub fn incident(&self, id: &str) -> Option<&Incident> {
        self.incidents.iter().find(|i| i.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The incidents that breached this operator's systems.
    pub fn incidents_of<'a>(&'a self, operator: &'a str) -> impl Iterator<Item = &'a Incident> {
        self.incidents
            .iter()
            .filter(move |i| i.operator_id() == Some(operator))
    }

    /// The incidents decided by a question of their own (see [`Question`]), in pack order.
    pub fn question_incidents(&self) -> impl Iterator<Item = (&Incident, &Question)> {
        self.incidents
            .iter()
            .filter_map(|i| i.question.as_ref().map(|q| (i, q)))
    }

    /// The best (most reliable) grade among these source ids; `C` when none is known.
    pub fn best_grade<S: AsRef<str>>(&self, sources: &[S]) -> Grade {
        sources
            .iter()
            .filter_map(|id| self.source(id.as_ref()))
            .map(|s| s.grade)
            .min()
            .unwrap_or(Grade::C)
    }

    /// The insurers a visitor typing `query` may mean, best first: those with a name or an
    /// alias holding every typed word (case, accents and punctuation aside). A name typed in
    /// full comes first, then names that start with the query, then names with a word that
    /// starts with it, then the rest; in pack order within each. An empty query lists every
    /// insurer.
    pub fn search_insurers(&self, query: &str) -> Vec<&Insurer> {
        let query = fold_for_search(query);
        let words: Vec<&str> = query.split(' ').filter(|w| !w.is_empty()).collect();
        let first = words.first().copied().unwrap_or_default();
        let ranks: Vec<Option<u8>> = self
            .insurers
            .iter()
            .map(|insurer| {
                insurer_keys(insurer)
                    .filter(|key| words.iter().all(|word| key.contains(word)))
                    .map(|key| {
                        if key == query {
                            0
                        } else if key.starts_with(&query) {
                            1
                        } else if key.split(' ').any(|word| word.starts_with(first)) {
                            2
                        } else {
                            3
                        }
                    })
                    .min()
            })
            .collect();
        // Four passes rather than a sort: the list is short and the code small.
        (0..=3)
            .flat_map(|rank| {
                self.insurers
                    .iter()
                    .zip(&ranks)
                    .filter(move |(_, r)| **r == Some(rank))
                    .map(|(insurer, _)| insurer)
            })
            .collect()
    }

    /// The one insurer whose name or an alias is `text` (case, accents and punctuation
    /// aside); none when no insurer, or more than one, is called that.
    pub fn insurer_named(&self, text: &str) -> Option<&Insurer> {
        let folded = fold_for_search(text);
        if folded.is_empty() {
            return None;
        }
        let mut hits = self
            .insurers
            .iter()
            .filter(|insurer| insurer_keys(insurer).any(|key| key == folded));
        let first = hits.next()?;
        hits.next().is_none().then_some(first)
    }

    /// Every insurer and operator with its official web domains (possibly none), insurers
    /// first, in pack order. The message check treats these as the organisation's own.
    pub fn official_domains(&self) -> impl Iterator<Item = Organisation<'_>> {
        let insurers = self.insurers.iter().map(|i| Organisation {
            id: &i.id,
            name: &i.name,
            aliases: &i.aliases,
            kind: OrganisationKind::Insurer,
            domains: &i.domains,
            from_host: i.from_host,
        });
        let operators = self.operators.iter().map(|o| Organisation {
            id: &o.id,
            name: &o.name,
            aliases: &o.aliases,
            kind: OrganisationKind::Operator(o.kind),
            domains: &o.domains,
            from_host: false,
        });
        insurers.chain(operators)
    }

    /// Every insurer and operator name and alias: the password meter treats them as words
    /// a fraudster who holds the leaked data would try first.
    pub fn context_words(&self) -> Vec<&str> {
        self.insurers
            .iter()
            .flat_map(|i| {
                std::iter::once(i.name.as_str()).chain(i.aliases.iter().map(String::as_str))
            })
            .chain(self.operators.iter().flat_map(|o| {
                std::iter::once(o.name.as_str()).chain(o.aliases.iter().map(String::as_str))
            }))
            .collect()
    }
}

impl Text {
    /// The text in `lang`. (An inherent method here rather than in `model.rs`, which
    /// `build.rs` compiles without the crate's languages.)
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.fr, &self.en)
    }
}

/// An insurer's name and aliases, folded for search.
fn insurer_keys(insurer: &Insurer) -> impl Iterator<Item = String> + '_ {
    std::iter::once(&insurer.name)
        .chain(&insurer.aliases)
        .map(|name| fold_for_search(name))
}
