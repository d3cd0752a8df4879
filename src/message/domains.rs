//! Domains: registrable domains by the Public Suffix List, the official domains the check
//! knows, and the look-alikes of their names (brand words elsewhere, typos, confusables,
//! mixed scripts).

use std::sync::OnceLock;

use publicsuffix::{List, Psl};
use unicode_security::MixedScript;

use super::data::{Data, PUBLIC_SUFFIX_LIST};
use super::links::FoundLink;
use super::{Claim, ClaimKind, Context, Link, Lookalike, OrgName};

/// The Public Suffix List, parsed at first use (about 10 000 rules).
fn list() -> Option<&'static List> {
    static LIST: OnceLock<Option<List>> = OnceLock::new();
    LIST.get_or_init(|| PUBLIC_SUFFIX_LIST.parse().ok())
        .as_ref()
}

/// Whether the host ends in a suffix the list knows (`fr`, `gouv.fr`, `co.uk`), rather than
/// in a word that merely follows a dot.
pub(crate) fn known_suffix(host: &str) -> bool {
    list()
        .and_then(|l| l.suffix(host.as_bytes()))
        .is_some_and(|s| s.is_known())
}

/// The registrable domain (public suffix plus one label): `remboursement-secure.com` for
/// `ameli.fr.remboursement-secure.com`. A host that is itself a suffix, or that the list
/// cannot read, is its own.
pub(crate) fn registrable_domain(host: &str) -> String {
    list()
        .and_then(|l| l.domain(host.as_bytes()))
        .and_then(|d| std::str::from_utf8(d.as_bytes()).ok())
        .map_or_else(|| host.to_string(), str::to_string)
}

/// The public suffix of a host (`gouv.fr` for `impots.gouv.fr`).
fn suffix_of(host: &str) -> String {
    list()
        .and_then(|l| l.suffix(host.as_bytes()))
        .and_then(|s| std::str::from_utf8(s.as_bytes()).ok())
        .map_or_else(String::new, str::to_string)
}

/// The confusable skeleton of a label, after UTS 39, restricted to what matters for
/// comparing with official names written in ASCII: each character becomes its prototype
/// (`а` Cyrillic → `a`, `0` → `o`, `m` → `rn`, `é` → `e`), lower-cased.
pub(crate) fn skeleton(label: &str, data: &Data) -> String {
    let mut out = String::with_capacity(label.len());
    for c in label.chars() {
        let lower = if c.is_ascii_uppercase() {
            c.to_ascii_lowercase()
        } else {
            c
        };
        match data.confusables.binary_search_by_key(&lower, |(k, _)| *k) {
            Ok(i) => out.push_str(data.confusables[i].1),
            Err(_) => out.push(lower),
        }
    }
    out
}

/// The optimal string alignment distance (edits and swaps of neighbours), capped: anything
/// above `cap` returns `cap + 1`.
fn distance(a: &str, b: &str, cap: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > cap {
        return cap + 1;
    }
    let width = b.len() + 1;
    let mut rows = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in rows.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[(i - 1) * width + j] + 1)
                .min(rows[i * width + j - 1] + 1)
                .min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = best;
        }
    }
    rows[a.len() * width + b.len()].min(cap + 1)
}

/// Words that stand beside a brand in look-alike domains (`amelifr`, `ameli-secure`): the
/// rest of a label, once the brand is taken off, being one of these marks the imitation.
const AFFIXES: &[&str] = &[
    "fr",
    "france",
    "gouv",
    "gov",
    "info",
    "net",
    "com",
    "org",
    "secure",
    "securite",
    "service",
    "services",
    "online",
    "web",
    "compte",
    "assure",
    "assures",
    "sante",
    "remboursement",
    "client",
    "espace",
    "login",
    "connexion",
    "portail",
    "dossier",
    "aide",
    "support",
];

/// Words too common to name one organisation inside a domain.
const GENERIC: &[&str] = &[
    "mutuelle",
    "mutuelles",
    "assurance",
    "assurances",
    "sante",
    "groupe",
    "france",
    "generale",
    "general",
    "prevoyance",
    "services",
    "service",
    "publics",
    "public",
    "nationale",
    "national",
    "solidaire",
    "mutualiste",
    "complementaire",
    "credit",
    "banque",
    "caisse",
    "agricole",
    "populaire",
    "epargne",
    "retraite",
    "sociale",
    "social",
    "securite",
    "www",
    "mon",
    "espace",
    "adherent",
    "adherents",
    "plus",
    "les",
    "des",
    "la",
    "le",
    "de",
    "du",
    "et",
];

/// A brand word and whose it is.
struct Brand {
    word: String,
    /// Without hyphens, for labels written in one piece.
    joined: String,
    skeleton: String,
    owner: OrgName,
}

/// An official domain and its organisation.
struct Official {
    organisation: String,
    domain: String,
    any_under: bool,
}

/// The official domains and brand words of one check: the built-in public bodies and the
/// context's insurers and operators.
pub(crate) struct Officials<'a> {
    data: &'a Data,
    domains: Vec<Official>,
    brands: Vec<Brand>,
}

impl<'a> Officials<'a> {
    pub(crate) fn new(data: &'a Data, context: &'a Context) -> Officials<'a> {
        let mut domains: Vec<Official> = data
            .domains
            .iter()
            .map(|d| Official {
                organisation: d.organisation.to_string(),
                domain: d.domain.to_string(),
                any_under: d.any_under,
            })
            .collect();
        let mut brands = Vec::new();
        let mut add_brand = |word: &str, owner: &OrgName| {
            let word = word.trim_matches('-').to_string();
            if word.len() < 3 || brands.iter().any(|b: &Brand| b.word == word) {
                return;
            }
            brands.push(Brand {
                joined: word.replace('-', ""),
                skeleton: skeleton(&word, data),
                word,
                owner: owner.clone(),
            });
        };
        for org in &data.organisations {
            let owner = OrgName {
                fr: org.name_fr.to_string(),
                en: org.name_en.to_string(),
            };
            for brand in &org.brands {
                add_brand(brand, &owner);
            }
        }
        for org in &context.organisations {
            let owner = OrgName {
                fr: org.name.clone(),
                en: org.name.clone(),
            };
            // Its name's distinctive words name it too (`mutami`, `malakoff-humanis`), but only
            // when its real domains are known: otherwise `malakoffhumanis.com` could be the
            // real one, and calling it a look-alike would be a guess.
            let names = if org.domains.is_empty() {
                Vec::new()
            } else {
                std::iter::once(&org.name).chain(&org.aliases).collect()
            };
            for name in names {
                let mut folded = String::new();
                for c in name.chars() {
                    super::scan::fold_char(c, &mut folded);
                }
                let words: Vec<&str> = folded
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.is_empty() && !GENERIC.contains(w))
                    .collect();
                // One distinctive word names it alone; several only together ("Crédit
                // Agricole" is not every "crédit").
                match words.as_slice() {
                    [word] if word.len() >= 5 => add_brand(word, &owner),
                    [_, _, ..] => add_brand(&words.join("-"), &owner),
                    _ => {}
                }
            }
            for domain in &org.domains {
                let domain = domain
                    .trim()
                    .trim_start_matches("www.")
                    .to_ascii_lowercase();
                if domain.is_empty() {
                    continue;
                }
                // The registrable label and its distinctive parts name the organisation.
                let registrable = registrable_domain(&domain);
                let suffix = suffix_of(&registrable);
                let label = registrable
                    .strip_suffix(&suffix)
                    .unwrap_or(&registrable)
                    .trim_end_matches('.');
                if !GENERIC.contains(&label) {
                    add_brand(label, &owner);
                }
                for part in label.split('-') {
                    if part.len() >= 4 && !GENERIC.contains(&part) {
                        add_brand(part, &owner);
                    }
                }
                domains.push(Official {
                    organisation: org.id.clone(),
                    domain,
                    any_under: false,
                });
            }
        }
        Officials {
            data,
            domains,
            brands,
        }
    }

    /// The organisation whose official domain `host` is (or is under).
    fn official_for(&self, host: &str, registrable: &str) -> Option<&str> {
        self.domains
            .iter()
            .find(|d| {
                if d.any_under {
                    registrable.len() > d.domain.len()
                        && registrable.ends_with(&d.domain)
                        && registrable[..registrable.len() - d.domain.len()].ends_with('.')
                } else {
                    host == d.domain
                        || (host.ends_with(&d.domain)
                            && host[..host.len() - d.domain.len()].ends_with('.'))
                }
            })
            .map(|d| d.organisation.as_str())
    }

    /// The link as reported: host, registrable domain, whose official domain it is.
    pub(crate) fn describe(&self, link: &FoundLink) -> Link {
        let registrable = registrable_domain(&link.host);
        Link {
            span: link.span,
            kind: link.kind,
            official_for: self
                .official_for(&link.host, &registrable)
                .map(str::to_string),
            host: link.host.clone(),
            registrable,
        }
    }

    /// Whether the claimed organisation has official domains to compare links with.
    pub(crate) fn has_domains(&self, claim: &Claim) -> bool {
        match (&claim.id, claim.kind) {
            (Some(id), _) => self.domains.iter().any(|d| &d.organisation == id),
            // A public service named by kind only still lives under gouv.fr.
            (None, ClaimKind::PublicService) => true,
            _ => false,
        }
    }

    /// How the link's host imitates an official name, if it does.
    pub(crate) fn lookalike(&self, raw: &FoundLink, link: &Link) -> Option<(Lookalike, OrgName)> {
        if link.official_for.is_some() {
            // An official host; only an official name before an `@` can still mislead.
            return self.name_before_at(raw);
        }
        if let Some(found) = self.name_before_at(raw) {
            return Some(found);
        }
        let suffix = suffix_of(&link.host);
        let labels_part = link
            .host
            .strip_suffix(&suffix)
            .unwrap_or(&link.host)
            .trim_end_matches('.');
        let labels: Vec<&str> = labels_part.split('.').filter(|l| !l.is_empty()).collect();
        let any_brand = |test: &dyn Fn(&Brand) -> bool| {
            self.brands
                .iter()
                .find(|b| test(b))
                .map(|b| b.owner.clone())
        };
        if raw.hidden_characters {
            let owner = any_brand(&|b| link.host.contains(b.word.as_str()));
            return Some((
                Lookalike::HiddenCharacters,
                owner.unwrap_or_else(|| host_name(&link.host)),
            ));
        }
        for label in &labels {
            let ascii = label.is_ascii();
            let parts: Vec<&str> = label.split(['-', '_']).filter(|p| !p.is_empty()).collect();
            let joined: String = parts.concat();
            // A brand word as a label, a part, or the label with a known affix.
            if ascii {
                let brand_in = any_brand(&|b| {
                    *label == b.word
                        || parts.contains(&b.word.as_str())
                        || (b.joined.len() >= 6 && joined.contains(&b.joined))
                        || (b.joined.len() >= 4
                            && (joined
                                .strip_prefix(&b.joined)
                                .is_some_and(|rest| AFFIXES.contains(&rest))
                                || joined
                                    .strip_suffix(&b.joined)
                                    .is_some_and(|rest| AFFIXES.contains(&rest))))
                });
                if let Some(owner) = brand_in {
                    return Some((Lookalike::BrandInOtherDomain, owner));
                }
            }
            // Letters of several scripts.
            if !ascii && !label.is_single_script() {
                let owner = any_brand(&|b| skeleton(label, self.data).contains(&b.skeleton));
                return Some((
                    Lookalike::MixedScripts,
                    owner.unwrap_or_else(|| host_name(&link.host)),
                ));
            }
            // Confusable characters: the same skeleton as a brand, other letters.
            let label_skeleton = skeleton(label, self.data);
            let candidates: Vec<String> = std::iter::once(label_skeleton.clone())
                .chain(parts.iter().map(|p| skeleton(p, self.data)))
                .collect();
            let confusable = any_brand(&|b| {
                candidates.iter().any(|s| {
                    *s == b.skeleton
                        || (b.joined.len() >= 6 && s.replace('-', "").contains(&b.skeleton))
                }) && !parts.contains(&b.word.as_str())
                    && *label != b.word
            });
            if let Some(owner) = confusable {
                return Some((Lookalike::Confusable, owner));
            }
            // A typo: one edit from a brand of five letters or more, two from nine.
            let typo = any_brand(&|b| {
                let cap = if b.joined.len() >= 9 { 2 } else { 1 };
                b.joined.len() >= 5
                    && std::iter::once(joined.as_str())
                        .chain(parts.iter().copied())
                        .any(|p| {
                            p.len() >= 4 && p != b.joined && distance(p, &b.joined, cap) <= cap
                        })
            });
            if let Some(owner) = typo {
                return Some((Lookalike::Typo, owner));
            }
        }
        if raw.bad_punycode {
            return Some((Lookalike::Confusable, host_name(&link.host)));
        }
        None
    }

    /// `https://ameli.fr@evil.com`: an official name or domain before the `@`.
    fn name_before_at(&self, raw: &FoundLink) -> Option<(Lookalike, OrgName)> {
        let user = raw.userinfo.as_ref()?.to_ascii_lowercase();
        let by_domain = self
            .domains
            .iter()
            .find(|d| !d.any_under && user.contains(d.domain.as_str()))
            .map(|d| host_name(&d.domain));
        let by_brand = self
            .brands
            .iter()
            .find(|b| user.contains(b.word.as_str()))
            .map(|b| b.owner.clone());
        by_brand
            .or(by_domain)
            .map(|owner| (Lookalike::NameBeforeAt, owner))
    }
}

/// A host as a name, when no organisation is imitated by name.
fn host_name(host: &str) -> OrgName {
    OrgName {
        fr: host.to_string(),
        en: host.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registrable_domains_follow_the_public_suffix_list() {
        assert_eq!(
            registrable_domain("ameli.fr.remboursement-secure.com"),
            "remboursement-secure.com"
        );
        assert_eq!(registrable_domain("assure.ameli.fr"), "ameli.fr");
        assert_eq!(registrable_domain("www.impots.gouv.fr"), "impots.gouv.fr");
        assert_eq!(registrable_domain("impots.gouv.com"), "gouv.com");
        assert_eq!(registrable_domain("sub.github.io"), "sub.github.io");
        assert!(known_suffix("ameli.fr"));
        assert!(!known_suffix("bonjour.votre"));
    }

    #[test]
    fn distance_counts_edits_and_swaps() {
        assert_eq!(distance("ameli", "amelie", 2), 1);
        assert_eq!(distance("amlei", "ameli", 2), 1);
        assert_eq!(distance("ameli", "impots", 2), 3);
    }
}
