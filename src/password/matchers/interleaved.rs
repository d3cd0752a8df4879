//! Interleaved walks: two or three keyboard walks or sequences typed in turn, one character
//! of each at a time (`a1z2e3r4t5` is `azert` and `12345`; `aq1sw2de3` is three QWERTY
//! rows, read as columns).
//!
//! For a stride `k` of 2 or 3, every `k`-th character forms a strand. A window counts when
//! each strand, on its own, is one walk or one sequence from end to end. Its guesses are the
//! strands' guesses together, times the `k` ways of choosing the stride. The check is linear
//! per stride: a strand can only continue where neighbouring characters `k` apart are
//! neighbouring keys or close code points.

use super::{InterleavedMatch, Match, Pattern, sequence, spatial};
use crate::password::input::Password;
use crate::password::keyboards::Layout;
use crate::password::scoring::match_guesses_log10;

/// Each strand has at least this many characters.
const MIN_STRAND: usize = 3;

pub(crate) fn find(pw: &Password, out: &mut Vec<Match>) {
    let chars = &pw.chars;
    for stride in 2..=3usize {
        if chars.len() < stride * MIN_STRAND {
            continue;
        }
        // linked[i]: chars[i] and chars[i + stride] may follow each other in one strand.
        let linked: Vec<bool> = (0..chars.len() - stride)
            .map(|i| match (chars.get(i), chars.get(i + stride)) {
                (Some(&a), Some(&b)) => may_follow(a, b),
                _ => false,
            })
            .collect();
        // run[i]: how many links hold from i on, stepping by one (all strands at once).
        let mut run = vec![0usize; linked.len() + 1];
        for i in (0..linked.len()).rev() {
            let next = run.get(i + 1).copied().unwrap_or(0);
            if let Some(slot) = run.get_mut(i) {
                *slot = if linked.get(i).copied().unwrap_or(false) {
                    next + 1
                } else {
                    0
                };
            }
        }
        let mut start = 0;
        while start < linked.len() {
            // A window of length L needs L − stride consecutive links.
            let links = run.get(start).copied().unwrap_or(0);
            let len = (links + stride) / stride * stride;
            if len < stride * MIN_STRAND {
                start += 1;
                continue;
            }
            if let Some(m) = rate(pw, start, len, stride) {
                out.push(m);
            }
            start += len;
        }
    }
}

fn may_follow(a: char, b: char) -> bool {
    let step = i64::from(u32::from(b)) - i64::from(u32::from(a));
    if (1..=5).contains(&step.abs()) {
        return true;
    }
    Layout::ALL.into_iter().any(|layout| {
        let data = layout.data();
        matches!((data.position(a), data.position(b)), (Some(p), Some(q)) if data.neighbour(p, q).is_some())
    })
}

/// The match over `start..start + len` when every strand is one walk or sequence.
fn rate(pw: &Password, start: usize, len: usize, stride: usize) -> Option<Match> {
    let window = pw.chars.get(start..start + len)?;
    let mut total = (stride as f64).log10();
    for offset in 0..stride {
        let strand: Vec<char> = window
            .iter()
            .skip(offset)
            .step_by(stride)
            .copied()
            .collect();
        let strand_len = strand.len();
        let strand_pw = Password::from_chars(strand, strand_len);
        let mut found = Vec::new();
        spatial::find(&strand_pw, &mut found);
        sequence::find(&strand_pw, &mut found);
        let best = found
            .iter()
            .filter(|m| m.range == (0..strand_len))
            .map(|m| match_guesses_log10(m, &strand_pw, 0))
            .min_by(f64::total_cmp)?;
        total += best;
    }
    Some(Match {
        range: start..start + len,
        pattern: Pattern::Interleaved(InterleavedMatch {
            strands: u32::try_from(stride).unwrap_or(u32::MAX),
            guesses_log10: total,
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strands(password: &str) -> Vec<(std::ops::Range<usize>, u32)> {
        let pw = Password::new(password);
        let mut out = Vec::new();
        find(&pw, &mut out);
        out.into_iter()
            .filter_map(|m| match m.pattern {
                Pattern::Interleaved(i) => Some((m.range, i.strands)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_row_and_digits_typed_in_turn() {
        assert_eq!(strands("a1z2e3r4t5"), vec![(0..10, 2)]);
    }

    #[test]
    fn three_rows_read_as_columns() {
        assert!(strands("aq1sw2de3").contains(&(0..9, 3)));
    }

    #[test]
    fn random_text_is_not_interleaved() {
        assert!(strands("k7#Qv2!mZ9x@").is_empty());
    }
}
