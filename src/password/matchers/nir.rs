//! Numbers shaped like a French social-security number (NIR, « numéro de sécurité sociale »).
//!
//! A NIR is 13 characters plus a 2-digit key:
//!
//! | part | chars | accepted here |
//! |---|---|---|
//! | sex | 1 | `1`, `2`, or `3`, `4`, `7`, `8` (provisional and special registrations) |
//! | year of birth | 2 | any |
//! | month of birth | 2 | `01`–`12`, or `20`–`99` (unknown or fictitious months) |
//! | département | 2 | `01`–`99`, `2A`, `2B` (overseas: `97x`/`98x`, which borrow a commune digit) |
//! | commune | 3 | any |
//! | order | 3 | any |
//! | key | 2 | `97 − (number mod 97)`, with `2A` → `19` and `2B` → `18` |
//!
//! The matcher accepts a run of exactly 13 such characters (with or without the key after
//! it), and any 15-character window whose key is valid. Single spaces, dots or dashes between
//! the digits are allowed (`1 85 07 75 123 456 78`). The NIR was among the leaked data.

use super::{Match, NirKey, NirMatch, Pattern};
use crate::password::input::Password;

const SEPARATORS: &[char] = &[' ', '.', '-'];

pub(crate) fn find(pw: &Password, out: &mut Vec<Match>) {
    let chars = &pw.chars;
    let mut i = 0;
    while i < chars.len() {
        let run = read_run(chars, i);
        let Some(&(_, last)) = run.last() else {
            i += 1;
            continue;
        };
        check_run(&run, out);
        i = last + 1;
    }
}

/// The significant characters (digits, and `A`/`B` after a `2`) of the run starting at `i`,
/// with their char indices.
fn read_run(chars: &[char], start: usize) -> Vec<(char, usize)> {
    let mut run: Vec<(char, usize)> = Vec::new();
    let mut i = start;
    while let Some(&c) = chars.get(i) {
        let significant = c.is_ascii_digit()
            || (matches!(c, 'A' | 'B' | 'a' | 'b')
                && run.last().is_some_and(|&(p, _)| p == '2')
                && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        if significant {
            run.push((c.to_ascii_uppercase(), i));
            i += 1;
        } else if SEPARATORS.contains(&c)
            && !run.is_empty()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit)
        {
            i += 1;
        } else {
            break;
        }
    }
    run
}

fn check_run(run: &[(char, usize)], out: &mut Vec<Match>) {
    let sig: Vec<char> = run.iter().map(|&(c, _)| c).collect();
    let range_of = |from: usize, len: usize| -> Option<std::ops::Range<usize>> {
        let first = run.get(from)?.1;
        let last = run.get(from + len - 1)?.1;
        Some(first..last + 1)
    };
    let mut keyed_at_start = false;
    for start in 0..sig.len().saturating_sub(14) {
        let Some(window) = sig.get(start..start + 15) else {
            break;
        };
        if let (Some(number), Some(key)) = (shape(window), digits(window.get(13..15)))
            && key == 97 - number % 97
        {
            keyed_at_start |= start == 0;
            if let Some(range) = range_of(start, 15) {
                out.push(Match {
                    range,
                    pattern: Pattern::Nir(NirMatch { key: NirKey::Valid }),
                });
            }
        }
    }
    if (13..=15).contains(&sig.len())
        && !keyed_at_start
        && shape(&sig).is_some()
        && let Some(range) = range_of(0, 13)
    {
        out.push(Match {
            range,
            pattern: Pattern::Nir(NirMatch {
                key: NirKey::Absent,
            }),
        });
    }
}

/// The 13-digit number (Corsica substituted) when the first 13 characters have a NIR's shape.
fn shape(sig: &[char]) -> Option<u64> {
    let head = sig.get(..13)?;
    let sex = head.first()?.to_digit(10)?;
    if !matches!(sex, 1 | 2 | 3 | 4 | 7 | 8) {
        return None;
    }
    let month = digits(head.get(3..5))?;
    if !(1..=12).contains(&month) && month < 20 {
        return None;
    }
    let dept: [char; 2] = [*head.get(5)?, *head.get(6)?];
    let dept_digits = match dept {
        ['2', 'A'] => 19,
        ['2', 'B'] => 18,
        [a, b] => {
            let value = a.to_digit(10)? * 10 + b.to_digit(10)?;
            if value == 0 {
                return None;
            }
            u64::from(value)
        }
    };
    let before = digits(head.get(..5))?;
    let after = digits(head.get(7..13))?;
    Some((before * 100 + dept_digits) * 1_000_000 + after)
}

fn digits(chars: Option<&[char]>) -> Option<u64> {
    let mut v = 0u64;
    for c in chars? {
        v = v * 10 + u64::from(c.to_digit(10)?);
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nirs(password: &str) -> Vec<(std::ops::Range<usize>, NirKey)> {
        let pw = Password::new(password);
        let mut out = Vec::new();
        find(&pw, &mut out);
        out.into_iter()
            .filter_map(|m| match m.pattern {
                Pattern::Nir(n) => Some((m.range, n.key)),
                _ => None,
            })
            .collect()
    }

    /// Appends the valid key to a 13-character NIR.
    fn with_key(nir: &str) -> String {
        let sig: Vec<char> = nir.chars().collect();
        let number = shape(&sig).unwrap_or(0);
        format!("{nir}{:02}", 97 - number % 97)
    }

    #[test]
    fn thirteen_digits_with_a_nir_shape_match() {
        assert_eq!(nirs("1850775123456"), vec![(0..13, NirKey::Absent)]);
    }

    #[test]
    fn a_nir_with_a_valid_key_matches_as_keyed() {
        let nir = with_key("1850775123456");
        assert_eq!(nirs(&nir), vec![(0..15, NirKey::Valid)]);
    }

    #[test]
    fn corsican_departments_use_the_substituted_key() {
        let nir = with_key("18507 2A 123456".replace(' ', "").as_str());
        assert_eq!(nirs(&format!("x{nir}x")), vec![(1..16, NirKey::Valid)]);
        let number = shape(&"185072A123456".chars().collect::<Vec<_>>());
        assert_eq!(number, Some(1_850_719_123_456));
    }

    #[test]
    fn spaced_nirs_match() {
        let nir = with_key("1850775123456");
        let spaced = format!(
            "{} {} {} {} {} {} {}",
            &nir[0..1],
            &nir[1..3],
            &nir[3..5],
            &nir[5..7],
            &nir[7..10],
            &nir[10..13],
            &nir[13..15]
        );
        assert_eq!(nirs(&spaced), vec![(0..21, NirKey::Valid)]);
    }

    #[test]
    fn a_wrong_key_still_leaves_a_nir_shaped_number() {
        let nir = with_key("2920375123456");
        let wrong: String = nir.chars().take(13).chain("00".chars()).collect();
        assert_eq!(nirs(&wrong), vec![(0..13, NirKey::Absent)]);
    }

    #[test]
    fn other_numbers_do_not_match() {
        assert!(nirs("5850775123456").is_empty());
        assert!(nirs("1851575123456").is_empty());
        assert!(nirs("123456789012").is_empty());
        assert!(nirs("18507751234567890").is_empty());
    }
}
