//! French habits that are cheap for an attacker: a département code, a phone number, a
//! domain name and an affectionate ending.
//!
//! - **Département codes** after a word: `massilia13`, `corsica2a`, `madinina972`. Metropolitan
//!   `01`–`95`, Corsica `2A`/`2B`, overseas `971`–`976`, as a run of their own (not inside a
//!   longer number).
//! - **Phone numbers**: ten digits `0[1-79]…` (mobile `06`/`07`, geographic `01`–`05`, `09`),
//!   or `+33`/`0033` and nine digits, with optional single spaces, dots or dashes between the
//!   pairs. Phone numbers were among the leaked fields, so one costs an attacker few tries.
//! - **Domains**: a name followed by a common top-level domain (`zoosk.com`, `laposte.net`).
//! - **Affectionate endings**: `-ette`, `-ounette`, `-ouille`, `-inou`… (`choukette`,
//!   `grisouille`), which French pet names and nicknames are made with.
//!
//! The endings and codes are appended to something else, the way an attacker's mangling
//! rules append them, so the search prices them as a suffix of the pattern before them and
//! not as a pattern of their own (`scoring::lengthens_sequence`).

use super::{Match, Pattern, SuffixKind, SuffixMatch};
use crate::password::input::Password;

/// Common top-level domains, lowercase, without the dot.
const DOMAINS: &[&str] = &[
    "com", "fr", "net", "org", "info", "eu", "be", "ch", "de", "uk", "biz", "tv", "re", "io",
];

/// Affectionate endings, longest first so the longest is tried first.
const ENDINGS: &[&str] = &[
    "ounette", "inette", "ouille", "ounet", "ichon", "ounou", "inou", "ette", "otte", "ou",
];

pub(crate) fn find(pw: &Password, out: &mut Vec<Match>) {
    let chars = &pw.chars;
    departements(chars, out);
    phones(chars, out);
    domains(chars, out);
    endings(pw, out);
}

fn departements(chars: &[char], out: &mut Vec<Match>) {
    let mut i = 0;
    while i < chars.len() {
        if !chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
            continue;
        }
        let start = i;
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
        let digits: String = chars.get(start..i).unwrap_or(&[]).iter().collect();
        // Only after a letter: a code alone, or inside a longer number, is something else.
        let after_letter = start > 0 && chars.get(start - 1).is_some_and(|c| c.is_alphabetic());
        if !after_letter {
            continue;
        }
        let corsica = digits == "2"
            && chars
                .get(i)
                .is_some_and(|c| matches!(c, 'a' | 'A' | 'b' | 'B'))
            && !chars.get(i + 1).is_some_and(|c| c.is_alphanumeric());
        let code = match digits.len() {
            2 => digits.parse::<u16>().is_ok_and(|n| (1..=95).contains(&n)),
            3 => digits
                .parse::<u16>()
                .is_ok_and(|n| (971..=976).contains(&n)),
            _ => false,
        };
        if corsica {
            push_suffix(out, start..i + 1, SuffixKind::Departement);
        } else if code {
            push_suffix(out, start..i, SuffixKind::Departement);
        }
    }
}

fn push_suffix(out: &mut Vec<Match>, range: std::ops::Range<usize>, kind: SuffixKind) {
    out.push(Match {
        range,
        pattern: Pattern::Suffix(SuffixMatch { kind }),
    });
}

fn phones(chars: &[char], out: &mut Vec<Match>) {
    for start in 0..chars.len() {
        // A number starts at a run boundary, not in the middle of other digits.
        if start > 0 && chars.get(start - 1).is_some_and(char::is_ascii_digit) {
            continue;
        }
        let rest = chars.get(start..).unwrap_or(&[]);
        let (prefix, national) = if rest.first() == Some(&'+') {
            (3, matches!(rest.get(1..3), Some(['3', '3'])))
        } else if matches!(rest.get(..4), Some(['0', '0', '3', '3'])) {
            (4, true)
        } else {
            (0, rest.first() == Some(&'0'))
        };
        if !national {
            continue;
        }
        let want = if prefix == 0 { 10 } else { 9 };
        let mut digits = 0usize;
        let mut i = start + prefix;
        let mut first = None;
        while digits < want {
            match chars.get(i) {
                Some(c) if c.is_ascii_digit() => {
                    if first.is_none() {
                        first = Some(if prefix == 0 { None } else { Some(*c) });
                    }
                    digits += 1;
                    i += 1;
                }
                Some(' ' | '.' | '-')
                    if digits > 0
                        && digits % 2 == want % 2
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit) =>
                {
                    i += 1;
                }
                _ => break,
            }
        }
        // The digit after the trunk prefix: 1–7 or 9 (08 numbers are services).
        let lead = if prefix == 0 {
            chars.get(start + 1).copied()
        } else {
            first.flatten()
        };
        let valid_lead = lead.is_some_and(|c| matches!(c, '1'..='7' | '9'));
        let ends = !chars.get(i).is_some_and(char::is_ascii_digit);
        if digits == want && valid_lead && ends {
            out.push(Match {
                range: start..i,
                pattern: Pattern::Phone,
            });
        }
    }
}

fn domains(chars: &[char], out: &mut Vec<Match>) {
    for (dot, _) in chars.iter().enumerate().filter(|&(_, &c)| c == '.') {
        if dot == 0 || !chars.get(dot - 1).is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        for tld in DOMAINS {
            let end = dot + 1 + tld.len();
            let Some(typed) = chars.get(dot + 1..end) else {
                continue;
            };
            let same = typed
                .iter()
                .zip(tld.chars())
                .all(|(t, d)| t.to_ascii_lowercase() == d);
            if same && !chars.get(end).is_some_and(|c| c.is_alphanumeric()) {
                push_suffix(out, dot..end, SuffixKind::Domain);
            }
        }
    }
}

fn endings(pw: &Password, out: &mut Vec<Match>) {
    let chars = &pw.chars;
    // An ending closes a word: it is followed by the end, a digit or a symbol.
    for end in 1..=chars.len() {
        if chars.get(end).is_some_and(|c| c.is_alphabetic()) {
            continue;
        }
        // Most positions end in a letter no ending ends with: skip them before comparing
        // the ten endings one by one.
        let last = chars.get(end - 1).map(char::to_ascii_lowercase);
        if !ENDINGS
            .iter()
            .any(|e| e.as_bytes().last().map(|&b| char::from(b)) == last)
        {
            continue;
        }
        for ending in ENDINGS {
            let len = ending.len();
            // Something must come before the ending, of at least two letters.
            if end < len + 2 {
                continue;
            }
            let Some(typed) = chars.get(end - len..end) else {
                continue;
            };
            let same = typed
                .iter()
                .zip(ending.chars())
                .all(|(t, e)| t.to_ascii_lowercase() == e);
            if same && chars.get(end - len - 1).is_some_and(|c| c.is_alphabetic()) {
                push_suffix(out, end - len..end, SuffixKind::Ending);
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(password: &str) -> Vec<(std::ops::Range<usize>, Pattern)> {
        let pw = Password::new(password);
        let mut out = Vec::new();
        find(&pw, &mut out);
        out.into_iter().map(|m| (m.range, m.pattern)).collect()
    }

    fn suffix(kind: SuffixKind) -> Pattern {
        Pattern::Suffix(SuffixMatch { kind })
    }

    #[test]
    fn departement_codes_after_a_word() {
        assert_eq!(
            found("nice06"),
            vec![(4..6, suffix(SuffixKind::Departement))]
        );
        assert_eq!(
            found("ajaccio2B"),
            vec![(7..9, suffix(SuffixKind::Departement))]
        );
        assert_eq!(
            found("gwada971"),
            vec![(5..8, suffix(SuffixKind::Departement))]
        );
        assert!(found("nice99").is_empty());
        assert!(found("1306").is_empty());
        assert!(found("nice0612").is_empty());
    }

    #[test]
    fn phone_numbers_with_or_without_the_country_code() {
        assert_eq!(found("0612345678"), vec![(0..10, Pattern::Phone)]);
        assert_eq!(found("06 12 34 56 78"), vec![(0..14, Pattern::Phone)]);
        assert_eq!(found("+33612345678"), vec![(0..12, Pattern::Phone)]);
        assert!(found("0812345678").is_empty());
        assert!(found("06123456789").is_empty());
    }

    #[test]
    fn domains_and_endings() {
        assert_eq!(
            found("exemple.com"),
            vec![(7..11, suffix(SuffixKind::Domain))]
        );
        assert_eq!(found("choukette"), vec![(5..9, suffix(SuffixKind::Ending))]);
        assert!(found("ette").is_empty());
    }
}
