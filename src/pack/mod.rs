//! The data pack: what is known about the 2024 incidents, the operators and the insurers, with
//! a source for every fact.
//!
//! The facts live in `src/pack/pack.toml`, a readable file written from the research notes.
//! `build.rs` parses it with the types of [`model`], checks it with [`validate`] (a broken
//! pack fails the build, naming the entry) and embeds it as compact JSON; [`Pack::builtin`]
//! decodes that once. A host page may add or replace insurers, operators and sources with
//! its own JSON ([`Pack::with_overlay`]), checked by the same rules.

mod json;
pub mod model;
pub mod validate;

use std::sync::OnceLock;

pub use model::{
    Certainty, ExposedField, Field, Grade, Incident, Insurer, Milestone, Operator, OperatorKind,
    OperatorPeriod, Pack, SafeField, Scope, ScopeNote, ScopeNoteKind, Source, Text,
};
pub use validate::{PackError, validate};

use crate::text::fold_for_search;

/// The built-in pack as checked and minified by `build.rs`.
const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/pack.json"));

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
        let pack = json::read_pack(text).map_err(PackError::Syntax)?;
        validate(&pack)?;
        Ok(pack)
    }

    /// This pack with a host's additions: entries of the JSON `overlay` (same shape as the
    /// pack, every list optional) replace the entries with the same id or are added. The
    /// result is validated as a whole; on error `self` is unchanged.
    pub fn with_overlay(&self, overlay: &str) -> Result<Pack, PackError> {
        let extra = json::read_pack(overlay).map_err(PackError::Syntax)?;
        let mut merged = self.clone();
        merge(&mut merged.sources, extra.sources, |s| &s.id);
        merge(&mut merged.incidents, extra.incidents, |i| &i.id);
        merge(&mut merged.operators, extra.operators, |o| &o.id);
        merge(&mut merged.insurers, extra.insurers, |i| &i.id);
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
            .filter(move |i| i.operator == operator)
    }

    /// The best (most reliable) grade among these source ids; `C` when none is known.
    pub fn best_grade(&self, sources: &[String]) -> Grade {
        sources
            .iter()
            .filter_map(|id| self.source(id))
            .map(|s| s.grade)
            .min()
            .unwrap_or(Grade::C)
    }

    /// Insurers whose name or an alias contains `query`, ignoring case, accents and
    /// punctuation; names that start with it come first.
    pub fn search_insurers(&self, query: &str) -> Vec<&Insurer> {
        let query = fold_for_search(query);
        let mut hits: Vec<(u8, &Insurer)> = self
            .insurers
            .iter()
            .filter_map(|insurer| {
                let names = std::iter::once(&insurer.name).chain(&insurer.aliases);
                names
                    .map(|name| fold_for_search(name))
                    .filter_map(|name| {
                        if query.is_empty() || name.starts_with(&query) {
                            Some(0)
                        } else if name.split(' ').any(|word| word.starts_with(&query)) {
                            Some(1)
                        } else {
                            name.contains(&query).then_some(2)
                        }
                    })
                    .min()
                    .map(|rank| (rank, insurer))
            })
            .collect();
        hits.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
        hits.into_iter().map(|(_, insurer)| insurer).collect()
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

fn merge<T>(base: &mut Vec<T>, extra: Vec<T>, id: impl Fn(&T) -> &String) {
    for entry in extra {
        match base.iter().position(|existing| id(existing) == id(&entry)) {
            Some(at) => base[at] = entry,
            None => base.push(entry),
        }
    }
}
