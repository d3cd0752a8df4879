//! Repeats: a base typed two or more times in a row (`aaaa`, `abcabc`, `mdp!mdp!`).
//!
//! For each period `p` one right-to-left pass measures how far `chars[j] == chars[j + p]`
//! holds, so finding the longest repeat at every position costs O(n²/2) comparisons for n
//! rated characters and no regex. The base is rated recursively, to a fixed depth.

use super::{Match, Pattern, RepeatMatch, Work};
use crate::password::Context;
use crate::password::input::Password;

/// Repeat bases are rated recursively only this deep; deeper bases count as brute force.
const MAX_DEPTH: u8 = 2;

pub(crate) fn find(pw: &Password, ctx: &Context, depth: u8, out: &mut Vec<Match>, work: &mut Work) {
    let chars = &pw.chars;
    let n = chars.len();
    // best[i] = (total length, period) of the longest repeat starting at i.
    let mut best: Vec<(usize, usize)> = vec![(0, 0); n];
    for p in 1..=n / 2 {
        // Right to left: `next` is how far chars[j + t] == chars[j + p + t] holds from j.
        let (Some(left), Some(right)) = (chars.get(..n - p), chars.get(p..)) else {
            continue;
        };
        let mut next = 0usize;
        for (j, (a, b)) in left.iter().zip(right).enumerate().rev() {
            next = if a == b { next + 1 } else { 0 };
            if next >= p {
                // The whole run, a trailing partial base included: cutting it off would
                // leave its characters to be priced as extra patterns (`motdepasse`×25 plus
                // `motde` rated stronger than `motdepasse`×25).
                let total = p + next;
                if let Some(slot) = best.get_mut(j)
                    && total > slot.0
                {
                    *slot = (total, p);
                }
            }
        }
    }
    let mut i = 0;
    while i < n {
        let (total, p) = best.get(i).copied().unwrap_or((0, 0));
        if total == 0 || p == 0 {
            i += 1;
            continue;
        }
        let base: Vec<char> = chars.get(i..i + p).unwrap_or(&[]).to_vec();
        let base_guesses_log10 = if depth < MAX_DEPTH {
            let base_pw = Password::from_chars(base, p);
            crate::password::analyse(&base_pw, ctx, depth + 1, work).guesses_log10
        } else {
            p as f64
        };
        let count = u32::try_from(total.div_ceil(p)).unwrap_or(u32::MAX);
        out.push(Match {
            range: i..i + total,
            pattern: Pattern::Repeat(RepeatMatch {
                base_len: p,
                count,
                base_guesses_log10,
            }),
        });
        i += total;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repeats(password: &str) -> Vec<(std::ops::Range<usize>, usize, u32)> {
        let ctx = Context::new(2024);
        let pw = Password::new(password);
        let mut out = Vec::new();
        find(&pw, &ctx, 0, &mut out, &mut Work::default());
        out.into_iter()
            .filter_map(|m| match m.pattern {
                Pattern::Repeat(r) => Some((m.range, r.base_len, r.count)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_repeated_character_is_one_repeat() {
        assert_eq!(repeats("xaaaaay"), vec![(1..6, 1, 5)]);
    }

    #[test]
    fn a_repeated_word_uses_the_shortest_base() {
        assert_eq!(repeats("abababab"), vec![(0..8, 2, 4)]);
        assert_eq!(repeats("mdp!mdp!"), vec![(0..8, 4, 2)]);
    }

    #[test]
    fn text_without_repeats_has_none() {
        assert!(repeats("abcdef").is_empty());
    }
}
