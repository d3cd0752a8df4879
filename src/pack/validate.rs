//! The rules every pack obeys, built-in or from a host page. `build.rs` runs them on
//! `pack.toml` (through `#[path]`), so a broken built-in pack fails the build; the widget runs
//! them on a host's JSON at mount.
//!
//! Every check is linear or `n log n` in the size of the pack (a host's overlay is someone
//! else's text), and every value an error repeats is cut by [`echo`].

use std::collections::BTreeSet;
use std::fmt;

use super::model::{Insurer, Pack, Source, Text};
use crate::date::Date;

/// How much of a value an error message repeats: enough to recognise it, never a whole page.
pub const ECHO_CHARS: usize = 80;

/// `text` as an error message may quote it: debug-escaped (no raw control or bidi character
/// reaches a console) and cut to [`ECHO_CHARS`] characters.
pub fn echo(text: &str) -> String {
    let mut cut: String = text.chars().take(ECHO_CHARS).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    format!("{cut:?}")
}

/// One broken rule, naming the entry at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackError {
    /// The text is not a pack (syntax, unknown key, unknown field id, too large...).
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
    /// An insurer rests on nothing: no operator period, statement, notice, site or source
    /// about it.
    NoBasis {
        /// The insurer.
        insurer: String,
    },
    /// A fact cites a source id the pack does not have.
    UnknownSource {
        /// Which entry.
        entry: String,
        /// The missing source id.
        source: String,
    },
    /// A source URL is not an absolute http(s) address with a host, or carries userinfo,
    /// whitespace or control characters.
    BadUrl {
        /// The source id.
        source: String,
    },
    /// A name or text holds a control or bidi-override character.
    BadText {
        /// Which entry, and which text.
        entry: String,
    },
    /// A domain is not a lower-case registrable host name, or no cited source is on it.
    BadDomain {
        /// Which entry.
        entry: String,
        /// The domain.
        domain: String,
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
    /// An incident id is referenced but not defined.
    UnknownIncident {
        /// Which entry.
        entry: String,
        /// The missing incident id.
        incident: String,
    },
    /// An incident names both an operator and a question, or neither.
    NoKey {
        /// The incident.
        incident: String,
    },
    /// A field is listed both as exposed and as not exposed.
    Contradiction {
        /// The incident.
        incident: String,
        /// The field id.
        field: &'static str,
    },
    /// A host's overlay holds something only the built-in pack may say: incidents, operators,
    /// the review date, or a replacement for a built-in source.
    NotInOverlay {
        /// What, e.g. `incident viamedis-2024`.
        entry: String,
    },
    /// A host's overlay holds more entries than any host needs.
    TooManyEntries {
        /// Which list.
        list: &'static str,
        /// Its limit.
        limit: usize,
    },
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackError::Syntax(message) => write!(f, "not a valid pack: {message}"),
            PackError::BadId { id } => write!(f, "id {} is not kebab-case ASCII", echo(id)),
            PackError::DuplicateId { id } => write!(f, "id {} is defined twice", echo(id)),
            PackError::NoSource { entry } => write!(f, "{entry}: no source"),
            PackError::NoBasis { insurer } => write!(
                f,
                "insurer {insurer}: nothing backs it (no operator period, statement, notice or site)"
            ),
            PackError::UnknownSource { entry, source } => {
                write!(f, "{entry}: unknown source {}", echo(source))
            }
            PackError::BadUrl { source } => write!(
                f,
                "source {source}: the URL must be an absolute http(s) address with a host, without userinfo, spaces or control characters"
            ),
            PackError::BadText { entry } => {
                write!(f, "{entry}: holds a control or bidi-override character")
            }
            PackError::BadDomain { entry, domain } => write!(
                f,
                "{entry}: domain {} is not a lower-case registrable name backed by a cited source's address",
                echo(domain)
            ),
            PackError::Disordered {
                entry,
                first,
                second,
            } => write!(f, "{entry}: {first} comes after {second}"),
            PackError::Overlap { insurer, operator } => {
                write!(f, "insurer {insurer}: periods with {operator} overlap")
            }
            PackError::UnknownOperator { entry, operator } => {
                write!(f, "{entry}: unknown operator {}", echo(operator))
            }
            PackError::UnknownIncident { entry, incident } => {
                write!(f, "{entry}: unknown incident {}", echo(incident))
            }
            PackError::NoKey { incident } => write!(
                f,
                "incident {incident}: needs exactly one of an operator or a question"
            ),
            PackError::Contradiction { incident, field } => {
                write!(
                    f,
                    "incident {incident}: {field} is both exposed and not exposed"
                )
            }
            PackError::NotInOverlay { entry } => write!(
                f,
                "{entry}: a host's pack may only add or replace insurers and the sources they cite"
            ),
            PackError::TooManyEntries { list, limit } => {
                write!(f, "a host's pack may hold at most {limit} {list}")
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

/// True for a character no name or text may hold: controls (U+0000…U+001F, U+007F…U+009F)
/// and the bidirectional formatting characters that can make a text read backwards
/// (U+061C, U+200E, U+200F, U+202A…U+202E, U+2066…U+2069).
pub fn is_forbidden_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The rule for links: an absolute `http:` or `https:` address with a host (and at most a
/// port), without userinfo (`https://www.cnil.fr@evil.example/`), whitespace, control
/// characters, backslashes or markup characters. The same rule as `notice-href`, plus userinfo.
pub fn is_web_url(url: &str) -> bool {
    if url.chars().any(|c| {
        c.is_whitespace() || is_forbidden_char(c) || matches!(c, '"' | '<' | '>' | '`' | '\\')
    }) {
        return false;
    }
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return false;
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let host_ok = !host.is_empty()
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !host.contains("..")
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    host_ok && port_ok
}

/// The host of an address [`is_web_url`] accepts, lower-cased, without its port.
pub fn url_host(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.split(':').next()?;
    (!host.is_empty()).then(|| host.to_owned())
}

/// Second-level suffixes under which a registrable name has three labels (`x.gouv.fr`).
/// A short list of the ones French organisations use, not the whole Public Suffix List.
const MULTI_LABEL_SUFFIXES: [&str; 7] = [
    "gouv.fr",
    "asso.fr",
    "com.fr",
    "nom.fr",
    "presse.fr",
    "tm.fr",
    "co.uk",
];

/// True for a lower-case registrable domain: `mutami.fr`, `appa-asso.org`, `x.asso.fr`; not
/// `www.mutami.fr`, `Mutami.fr`, `fr` or `-x.fr`.
pub fn is_registrable_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |label: &&str| {
        (1..=63).contains(&label.len())
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    let tld_ok = labels
        .last()
        .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_lowercase()));
    let depth_ok = match labels.len() {
        2 => true,
        3 => MULTI_LABEL_SUFFIXES.contains(&labels[1..].join(".").as_str()),
        _ => false,
    };
    domain.len() <= 253 && labels.iter().all(label_ok) && tld_ok && depth_ok
}

/// True when `host` is `domain` or one of its sub-domains.
fn host_is_on(host: &str, domain: &str) -> bool {
    host == domain
        || host
            .strip_suffix(domain)
            .is_some_and(|prefix| prefix.ends_with('.'))
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
    let checker = Checker {
        pack,
        sources: pack.sources.iter().map(|s| s.id.as_str()).collect(),
        operators: pack.operators.iter().map(|o| o.id.as_str()).collect(),
        incidents: pack.incidents.iter().map(|i| i.id.as_str()).collect(),
    };

    for source in &pack.sources {
        if !is_web_url(&source.url) {
            return Err(PackError::BadUrl {
                source: source.id.clone(),
            });
        }
        let entry = || format!("source {}", source.id);
        checker.text(&entry, &source.publisher)?;
        checker.text(&entry, &source.title)?;
    }

    for operator in &pack.operators {
        let entry = || format!("operator {}", operator.id);
        checker.cited(&entry, &operator.sources)?;
        checker.text(&entry, &operator.name)?;
        for alias in &operator.aliases {
            checker.text(&entry, alias)?;
        }
        checker.bilingual(&entry, &operator.card_hint)?;
        let cited: Vec<&str> = operator.sources.iter().map(String::as_str).collect();
        checker.domains(&entry, &operator.domains, &cited)?;
    }

    for incident in &pack.incidents {
        checker.incident(incident)?;
    }

    for insurer in &pack.insurers {
        checker.insurer(insurer)?;
    }
    Ok(())
}

/// What the rules look things up in, built once per pack. (One set type for every index:
/// each other collection type would cost the bundle kilobytes of code.)
struct Checker<'a> {
    pack: &'a Pack,
    sources: BTreeSet<&'a str>,
    operators: BTreeSet<&'a str>,
    incidents: BTreeSet<&'a str>,
}

impl Checker<'_> {
    fn cited(&self, entry: &dyn Fn() -> String, list: &[String]) -> Result<(), PackError> {
        if list.is_empty() {
            return Err(PackError::NoSource { entry: entry() });
        }
        match list.iter().find(|id| !self.sources.contains(id.as_str())) {
            Some(missing) => Err(PackError::UnknownSource {
                entry: entry(),
                source: missing.clone(),
            }),
            None => Ok(()),
        }
    }

    fn known_operator(&self, entry: &dyn Fn() -> String, id: &str) -> Result<(), PackError> {
        if self.operators.contains(id) {
            Ok(())
        } else {
            Err(PackError::UnknownOperator {
                entry: entry(),
                operator: id.to_owned(),
            })
        }
    }

    fn text(&self, entry: &dyn Fn() -> String, text: &str) -> Result<(), PackError> {
        if text.chars().any(is_forbidden_char) {
            Err(PackError::BadText { entry: entry() })
        } else {
            Ok(())
        }
    }

    fn bilingual(&self, entry: &dyn Fn() -> String, text: &Text) -> Result<(), PackError> {
        self.text(entry, &text.fr)?;
        self.text(entry, &text.en)
    }

    /// Each domain is registrable and some cited source's address is on it.
    fn domains(
        &self,
        entry: &dyn Fn() -> String,
        domains: &[String],
        cited: &[&str],
    ) -> Result<(), PackError> {
        if domains.is_empty() {
            return Ok(());
        }
        // Entries cite a handful of sources and few have domains: a scan of the sources per
        // citation costs less than an index would in code.
        let hosts: Vec<String> = cited
            .iter()
            .filter_map(|id| self.pack.sources.iter().find(|s| s.id == *id))
            .filter_map(|source: &Source| url_host(&source.url))
            .collect();
        for domain in domains {
            let backed = hosts.iter().any(|host| host_is_on(host, domain));
            if !is_registrable_domain(domain) || !backed {
                return Err(PackError::BadDomain {
                    entry: entry(),
                    domain: domain.clone(),
                });
            }
        }
        Ok(())
    }

    fn incident(&self, incident: &super::model::Incident) -> Result<(), PackError> {
        let name = |what: &str| format!("incident {}, {what}", incident.id);
        let whole = || format!("incident {}", incident.id);
        self.cited(&whole, &incident.sources)?;
        match (&incident.operator, &incident.question) {
            (Some(operator), None) => self.known_operator(&whole, operator)?,
            (None, Some(question)) => {
                self.cited(&|| name("question"), &question.sources)?;
                self.bilingual(&|| name("question"), &question.text)?;
                if let Some(help) = &question.help {
                    self.bilingual(&|| name("question"), help)?;
                }
            }
            _ => {
                return Err(PackError::NoKey {
                    incident: incident.id.clone(),
                });
            }
        }
        self.bilingual(&whole, &incident.title)?;
        self.bilingual(&whole, &incident.what)?;
        if let Some(some) = &incident.some_members_only {
            self.bilingual(&whole, some)?;
        }
        self.cited(&|| name("intrusion"), &incident.intrusion.sources)?;
        self.cited(&|| name("discovery"), &incident.discovery.sources)?;
        self.cited(&|| name("disclosure"), &incident.disclosure.sources)?;
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
            self.cited(&|| name(field.field.id()), &field.sources)?;
        }
        for field in &incident.not_exposed {
            self.cited(&|| name(field.field.id()), &field.sources)?;
            if let Some(caveat) = &field.caveat {
                self.bilingual(&|| name(field.field.id()), caveat)?;
            }
            if incident.exposed.iter().any(|e| e.field == field.field) {
                return Err(PackError::Contradiction {
                    incident: incident.id.clone(),
                    field: field.field.id(),
                });
            }
        }
        for note in &incident.notes {
            self.cited(&|| name("note"), &note.sources)?;
            self.bilingual(&|| name("note"), &note.text)?;
        }
        Ok(())
    }

    fn insurer(&self, insurer: &Insurer) -> Result<(), PackError> {
        let whole = || format!("insurer {}", insurer.id);
        self.text(&whole, &insurer.name)?;
        for alias in &insurer.aliases {
            self.text(&whole, alias)?;
        }
        if let Some(note) = &insurer.note {
            self.bilingual(&whole, note)?;
        }
        for (what, id) in [("notice", &insurer.notice), ("site", &insurer.site)] {
            if let Some(id) = id {
                self.cited(
                    &|| format!("insurer {}, {what}", insurer.id),
                    std::slice::from_ref(id),
                )?;
            }
        }
        if !insurer.about.is_empty() {
            self.cited(&|| format!("insurer {}, about", insurer.id), &insurer.about)?;
        }
        if insurer.periods.is_empty()
            && insurer.not_concerned.is_none()
            && insurer.notice.is_none()
            && insurer.site.is_none()
            && insurer.about.is_empty()
        {
            return Err(PackError::NoBasis {
                insurer: insurer.id.clone(),
            });
        }
        for period in &insurer.periods {
            let entry = || format!("insurer {}, period {}", insurer.id, period.operator);
            self.cited(&entry, &period.sources)?;
            self.known_operator(&entry, &period.operator)?;
            if let (Some(from), Some(to)) = (period.from, period.to) {
                ordered(&entry(), from, to)?;
            }
            if let (Some(since), Some(until)) = (period.members_since, period.members_until) {
                ordered(&entry(), since, until)?;
            }
            if let Some(text) = period.scope.as_ref().and_then(|s| s.text.as_ref()) {
                self.bilingual(&entry, text)?;
            }
        }
        overlap_free(insurer)?;
        if let Some(settled) = &insurer.operators_settled {
            self.cited(
                &|| format!("insurer {}, operators_settled", insurer.id),
                &settled.sources,
            )?;
        }
        if let Some(statement) = &insurer.not_concerned {
            let entry = || format!("insurer {}, not_concerned", insurer.id);
            self.cited(&entry, &statement.sources)?;
            if statement.incidents.is_empty() {
                return Err(PackError::UnknownIncident {
                    entry: entry(),
                    incident: String::new(),
                });
            }
            if let Some(missing) = statement
                .incidents
                .iter()
                .find(|id| !self.incidents.contains(id.as_str()))
            {
                return Err(PackError::UnknownIncident {
                    entry: entry(),
                    incident: missing.clone(),
                });
            }
        }
        self.domains(&whole, &insurer.domains, &insurer.cited_sources())
    }
}

/// Periods with one operator must not overlap within a scope (whole or partial). Sorted by
/// operator, scope and first day, a period overlaps an earlier one of its group exactly when
/// it starts before the latest end seen so far in the group.
fn overlap_free(insurer: &Insurer) -> Result<(), PackError> {
    // Plain tuples sorted without a closure: (operator, scope, first day (an open start
    // first), period).
    let mut keys: Vec<(&str, bool, i64, usize)> = insurer
        .periods
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let from = p.from.map_or(i64::MIN, Date::days_since_epoch);
            (p.operator.as_str(), p.is_partial(), from, i)
        })
        .collect();
    keys.sort_unstable();
    let mut latest_end: Option<Date> = None;
    let mut still_running = false;
    for (n, &(operator, partial, _, i)) in keys.iter().enumerate() {
        let period = &insurer.periods[i];
        let same_group = n > 0 && keys[n - 1].0 == operator && keys[n - 1].1 == partial;
        if !same_group {
            latest_end = None;
            still_running = false;
        }
        let overlaps = same_group
            && (still_running
                || match (period.from, latest_end) {
                    (Some(start), Some(end)) => start <= end,
                    _ => true,
                });
        if overlaps {
            return Err(PackError::Overlap {
                insurer: insurer.id.clone(),
                operator: period.operator.clone(),
            });
        }
        match period.to {
            None => still_running = true,
            Some(to) => latest_end = Some(latest_end.map_or(to, |end| end.max(to))),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_urls_follow_the_notice_href_rule_and_refuse_userinfo() {
        for good in [
            "https://www.cnil.fr/fr/actualites",
            "http://www.mieux-etre.fr/articles/x?y=1#z",
            "https://example.org:8443/",
            "HTTPS://WWW.EXAMPLE.ORG/",
        ] {
            assert!(is_web_url(good), "{good} refused");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "//cnil.fr/",
            "https://",
            "https:///path",
            "https://www.cnil.fr@evil.example/",
            "https://user:pass@example.org/",
            "https://\r\njavascript:alert(1)",
            "https://exa mple.org/",
            "https://example.org/\u{202E}",
            "https://example.org:80x/",
            "https://exa\\mple.org/",
            "ftp://example.org/",
            "https://.example.org/",
        ] {
            assert!(!is_web_url(bad), "{bad:?} accepted");
        }
    }

    #[test]
    fn registrable_domains_are_lower_case_names_without_sub_domain() {
        for good in [
            "mutami.fr",
            "appa-asso.org",
            "x.gouv.fr",
            "ag2rlamondiale.fr",
        ] {
            assert!(is_registrable_domain(good), "{good} refused");
        }
        for bad in [
            "www.mutami.fr",
            "Mutami.fr",
            "fr",
            "-x.fr",
            "x-.fr",
            "mutami.f",
            "mut ami.fr",
            "mutami.fr.",
            "xn--mtami-bva.fr.evil",
            "a.b.c.fr",
        ] {
            assert!(!is_registrable_domain(bad), "{bad} accepted");
        }
        assert!(host_is_on("www.mutami.fr", "mutami.fr"));
        assert!(!host_is_on("evilmutami.fr", "mutami.fr"));
    }

    #[test]
    fn control_and_bidi_characters_are_forbidden() {
        for c in [
            '\u{0}', '\u{1b}', '\u{7f}', '\u{85}', '\u{202E}', '\u{2066}', '\u{200F}',
        ] {
            assert!(is_forbidden_char(c), "{c:?}");
        }
        for c in ['é', 'Œ', '’', ' ', '&'] {
            assert!(!is_forbidden_char(c), "{c:?}");
        }
    }
}
