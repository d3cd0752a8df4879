//! The rules every pack obeys, built-in or from a host page. `build.rs` runs them on
//! `pack.toml` (through `#[path]`), so a broken built-in pack fails the build; the widget runs
//! them on a host's JSON at mount.

use std::collections::BTreeSet;
use std::fmt;

use super::model::{Insurer, Pack};
use crate::date::Date;

/// One broken rule, naming the entry at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackError {
    /// The text is not a pack (syntax, unknown key, unknown field id...).
    Syntax(String),
    /// An id is not kebab-case ASCII.
    BadId {
        /// The id.
        id: String,
    },
    /// Two entries share an id.
    DuplicateId {
        /// The id.
        id: String,
    },
    /// A fact cites no source.
    NoSource {
        /// Which entry, e.g. `insurer mutami, period viamedis`.
        entry: String,
    },
    /// A fact cites a source id the pack does not have.
    UnknownSource {
        /// Which entry.
        entry: String,
        /// The missing source id.
        source: String,
    },
    /// A source URL is not http(s).
    BadUrl {
        /// The source id.
        source: String,
    },
    /// Dates out of order.
    Disordered {
        /// Which entry.
        entry: String,
        /// The earlier date that comes later.
        first: Date,
        /// The later date that comes earlier.
        second: Date,
    },
    /// An insurer's periods with the same operator overlap.
    Overlap {
        /// The insurer.
        insurer: String,
        /// The operator.
        operator: String,
    },
    /// An operator id is referenced but not defined.
    UnknownOperator {
        /// Which entry.
        entry: String,
        /// The missing operator id.
        operator: String,
    },
    /// A field is listed both as exposed and as not exposed.
    Contradiction {
        /// The incident.
        incident: String,
        /// The field id.
        field: &'static str,
    },
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackError::Syntax(message) => write!(f, "not a valid pack: {message}"),
            PackError::BadId { id } => write!(f, "id {id:?} is not kebab-case ASCII"),
            PackError::DuplicateId { id } => write!(f, "id {id:?} is defined twice"),
            PackError::NoSource { entry } => write!(f, "{entry}: no source"),
            PackError::UnknownSource { entry, source } => {
                write!(f, "{entry}: unknown source {source:?}")
            }
            PackError::BadUrl { source } => write!(f, "source {source}: URL is not http(s)"),
            PackError::Disordered {
                entry,
                first,
                second,
            } => write!(f, "{entry}: {first} comes after {second}"),
            PackError::Overlap { insurer, operator } => {
                write!(f, "insurer {insurer}: periods with {operator} overlap")
            }
            PackError::UnknownOperator { entry, operator } => {
                write!(f, "{entry}: unknown operator {operator:?}")
            }
            PackError::Contradiction { incident, field } => {
                write!(
                    f,
                    "incident {incident}: {field} is both exposed and not exposed"
                )
            }
        }
    }
}

impl std::error::Error for PackError {}

/// True for lowercase ASCII words joined by single hyphens (`la-mutuelle-generale`).
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Checks every rule; returns the first broken one.
pub fn validate(pack: &Pack) -> Result<(), PackError> {
    // One id space for sources, incidents, operators and insurers keeps every reference and
    // every message unambiguous (`itelis` is the network, `itelis-2025` its breach).
    let mut ids = BTreeSet::new();
    let all_ids = pack
        .sources
        .iter()
        .map(|s| &s.id)
        .chain(pack.incidents.iter().map(|i| &i.id))
        .chain(pack.operators.iter().map(|o| &o.id))
        .chain(pack.insurers.iter().map(|i| &i.id));
    for id in all_ids {
        if !is_kebab_case(id) {
            return Err(PackError::BadId { id: id.clone() });
        }
        if !ids.insert(id.as_str()) {
            return Err(PackError::DuplicateId { id: id.clone() });
        }
    }

    let sources: BTreeSet<&str> = pack.sources.iter().map(|s| s.id.as_str()).collect();
    let cited = |entry: &dyn Fn() -> String, list: &[String]| -> Result<(), PackError> {
        if list.is_empty() {
            return Err(PackError::NoSource { entry: entry() });
        }
        match list.iter().find(|id| !sources.contains(id.as_str())) {
            Some(missing) => Err(PackError::UnknownSource {
                entry: entry(),
                source: missing.clone(),
            }),
            None => Ok(()),
        }
    };
    for source in &pack.sources {
        if !(source.url.starts_with("https://") || source.url.starts_with("http://")) {
            return Err(PackError::BadUrl {
                source: source.id.clone(),
            });
        }
    }

    let operators: BTreeSet<&str> = pack.operators.iter().map(|o| o.id.as_str()).collect();
    let known_operator = |entry: &dyn Fn() -> String, id: &str| {
        if operators.contains(id) {
            Ok(())
        } else {
            Err(PackError::UnknownOperator {
                entry: entry(),
                operator: id.to_owned(),
            })
        }
    };

    for operator in &pack.operators {
        cited(&|| format!("operator {}", operator.id), &operator.sources)?;
    }

    for incident in &pack.incidents {
        let name = |what: &str| format!("incident {}, {what}", incident.id);
        cited(&|| format!("incident {}", incident.id), &incident.sources)?;
        known_operator(&|| format!("incident {}", incident.id), &incident.operator)?;
        cited(&|| name("intrusion"), &incident.intrusion.sources)?;
        cited(&|| name("discovery"), &incident.discovery.sources)?;
        cited(&|| name("disclosure"), &incident.disclosure.sources)?;
        ordered(
            &name("dates"),
            incident.intrusion.date,
            incident.discovery.date,
        )?;
        ordered(
            &name("dates"),
            incident.discovery.date,
            incident.disclosure.date,
        )?;
        for field in &incident.exposed {
            cited(&|| name(field.field.id()), &field.sources)?;
        }
        for field in &incident.not_exposed {
            cited(&|| name(field.field.id()), &field.sources)?;
            if incident.exposed.iter().any(|e| e.field == field.field) {
                return Err(PackError::Contradiction {
                    incident: incident.id.clone(),
                    field: field.field.id(),
                });
            }
        }
        for note in &incident.notes {
            cited(&|| name("note"), &note.sources)?;
        }
    }

    for insurer in &pack.insurers {
        validate_insurer(insurer, &cited, &known_operator)?;
    }
    Ok(())
}

fn ordered(entry: &str, first: Date, second: Date) -> Result<(), PackError> {
    if first <= second {
        Ok(())
    } else {
        Err(PackError::Disordered {
            entry: entry.to_owned(),
            first,
            second,
        })
    }
}

type Check<'a> = dyn Fn(&dyn Fn() -> String, &[String]) -> Result<(), PackError> + 'a;
type OperatorCheck<'a> = dyn Fn(&dyn Fn() -> String, &str) -> Result<(), PackError> + 'a;

fn validate_insurer(
    insurer: &Insurer,
    cited: &Check<'_>,
    known_operator: &OperatorCheck<'_>,
) -> Result<(), PackError> {
    if insurer.periods.is_empty() {
        return Err(PackError::NoSource {
            entry: format!("insurer {} (no operator period)", insurer.id),
        });
    }
    if let Some(notice) = &insurer.notice {
        cited(
            &|| format!("insurer {}, notice", insurer.id),
            std::slice::from_ref(notice),
        )?;
    }
    for period in &insurer.periods {
        let entry = || format!("insurer {}, period {}", insurer.id, period.operator);
        cited(&entry, &period.sources)?;
        known_operator(&entry, &period.operator)?;
        if let (Some(from), Some(to)) = (period.from, period.to) {
            ordered(&entry(), from, to)?;
        }
        if let (Some(since), Some(until)) = (period.members_since, period.members_until) {
            ordered(&entry(), since, until)?;
        }
    }
    // Periods with one operator must not overlap within a scope (whole or partial).
    for (i, a) in insurer.periods.iter().enumerate() {
        for b in &insurer.periods[i + 1..] {
            if a.operator == b.operator && a.is_partial() == b.is_partial() && overlaps(a, b) {
                return Err(PackError::Overlap {
                    insurer: insurer.id.clone(),
                    operator: a.operator.clone(),
                });
            }
        }
    }
    Ok(())
}

fn overlaps(a: &super::model::OperatorPeriod, b: &super::model::OperatorPeriod) -> bool {
    let starts_before_end = |start: Option<Date>, end: Option<Date>| match (start, end) {
        (Some(start), Some(end)) => start <= end,
        _ => true,
    };
    starts_before_end(a.from, b.to) && starts_before_end(b.from, a.to)
}
