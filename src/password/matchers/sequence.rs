//! Sequences: runs whose code points move by a constant step of at most 5 (`abcd`, `9753`).

use super::{Match, Pattern, SequenceKind, SequenceMatch};
use crate::password::input::Password;

/// Largest step still read as a sequence.
const MAX_STEP: i64 = 5;

pub(crate) fn find(pw: &Password, out: &mut Vec<Match>) {
    let chars = &pw.chars;
    if chars.len() < 2 {
        return;
    }
    let mut start = 0usize;
    let mut step: Option<i64> = None;
    for k in 1..=chars.len() {
        let current = match (chars.get(k), chars.get(k - 1)) {
            (Some(&a), Some(&b)) => Some(i64::from(u32::from(a)) - i64::from(u32::from(b))),
            _ => None,
        };
        if k - start >= 2 && current != step {
            emit(pw, start..k, step, out);
            start = k - 1;
        }
        step = current;
    }
}

fn emit(pw: &Password, range: std::ops::Range<usize>, step: Option<i64>, out: &mut Vec<Match>) {
    let Some(step) = step else { return };
    let len = range.len();
    if step == 0 || step.abs() > MAX_STEP || (len < 3 && step.abs() != 1) {
        return;
    }
    let chars = pw.slice(&range);
    let kind = if chars.iter().all(char::is_ascii_lowercase) {
        SequenceKind::Lowercase
    } else if chars.iter().all(char::is_ascii_uppercase) {
        SequenceKind::Uppercase
    } else if chars.iter().all(char::is_ascii_digit) {
        SequenceKind::Digits
    } else {
        SequenceKind::Unicode
    };
    let obvious_start = chars.first().is_some_and(|c| "aAzZ019".contains(*c));
    let step = i32::try_from(step).unwrap_or(0);
    out.push(Match {
        range,
        pattern: Pattern::Sequence(SequenceMatch {
            kind,
            step,
            obvious_start,
        }),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sequences(password: &str) -> Vec<(std::ops::Range<usize>, SequenceKind, i32)> {
        let pw = Password::new(password);
        let mut out = Vec::new();
        find(&pw, &mut out);
        out.into_iter()
            .filter_map(|m| match m.pattern {
                Pattern::Sequence(s) => Some((m.range, s.kind, s.step)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn ascending_digits_are_a_sequence() {
        assert_eq!(sequences("x123456y"), vec![(1..7, SequenceKind::Digits, 1)]);
    }

    #[test]
    fn descending_letters_with_a_step_are_a_sequence() {
        assert_eq!(sequences("zxvt"), vec![(0..4, SequenceKind::Lowercase, -2)]);
    }

    #[test]
    fn adjacent_sequences_share_their_boundary() {
        assert_eq!(
            sequences("abcba"),
            vec![
                (0..3, SequenceKind::Lowercase, 1),
                (2..5, SequenceKind::Lowercase, -1)
            ]
        );
    }

    #[test]
    fn repeated_characters_are_not_a_sequence() {
        assert!(sequences("aaaa").is_empty());
    }
}
