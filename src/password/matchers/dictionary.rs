//! Dictionary words: forwards with l33t substitutions, and backwards, over the folded view.
//!
//! From each start position the matcher walks the sorted word set, narrowing the range of
//! words that share the prefix read so far; it stops as soon as no word continues. So the
//! cost is the length of the longest partial match, not the number of substrings, and there
//! is no hash probe per substring. L33t characters branch to their letters inside the same
//! walk, within a fixed budget of steps per start position. A separator (`-`, space, `.`,
//! `_`, `'`) inside a word may be skipped, so `jean-pierre` and `mot-de-passe` find the
//! folded list entries `jeanpierre` and `motdepasse`. A `?` may stand for any of the letters
//! an accented one folds to, as exports from old systems leave them (`h?l?ne`).

use super::{DictionaryMatch, MAX_MATCHES, Match, Pattern, Work};
use crate::password::Context;
use crate::password::dict::{Cursor, Entry, WordSet};
use crate::password::input::Password;

/// Steps one start position may spend, l33t branches included.
const STEPS_PER_START: u32 = 48;

/// Marks a skipped separator in `Walk::chosen`.
const SKIPPED: u8 = 0;

fn is_separator(b: u8) -> bool {
    matches!(b, b'-' | b' ' | b'.' | b'_' | b'\'')
}

/// The letters a l33t character may stand for.
fn l33t_letters(b: u8) -> &'static [u8] {
    match b {
        b'4' | b'@' => b"a",
        b'8' => b"b",
        b'(' | b'{' | b'[' | b'<' => b"c",
        b'3' => b"e",
        b'6' | b'9' => b"g",
        b'1' | b'|' => b"il",
        b'!' => b"i",
        b'7' => b"lt",
        b'0' => b"o",
        b'$' | b'5' => b"s",
        b'+' => b"t",
        b'%' => b"x",
        b'2' => b"z",
        // Old systems' exports put `?` where an accented letter was (`h?l?ne`).
        b'?' => b"eaiouc",
        _ => b"",
    }
}

pub(crate) fn find(pw: &Password, ctx: &Context, out: &mut Vec<Match>, work: &mut Work) {
    let reversed: Vec<u8> = pw.folded.iter().rev().copied().collect();
    // One buffer of chosen letters for every walk.
    let mut chosen = Chosen::default();
    for set in [ctx.dictionaries().words(), ctx.context_words()] {
        if set.len() == 0 {
            continue;
        }
        for (folded, l33t) in [(&pw.folded, true), (&reversed, false)] {
            for start in 0..folded.len() {
                if inside_periodic_run(folded, start) {
                    continue;
                }
                chosen.clear();
                let mut walk = Walk {
                    set,
                    pw,
                    folded,
                    start,
                    chosen: &mut chosen,
                    substituted: 0,
                    skipped: 0,
                    budget: STEPS_PER_START,
                    l33t,
                    out: &mut *out,
                    work: &mut *work,
                };
                walk.run(start, set.root());
            }
        }
    }
}

/// True when `start` lies inside a run of period 1 or 2 (`1111`, `1717`) that began at least
/// [`RUN_SKIP`] bytes earlier: the words starting there are those starting `p` earlier, and
/// the repeat matcher covers the run. Without this, the l33t branches of every position of a
/// run of `1`s (`i`, `l`) were walked again and again (a 256-character run cost 6.6 ms in
/// the browser).
fn inside_periodic_run(folded: &[u8], start: usize) -> bool {
    if start < RUN_SKIP {
        return false;
    }
    // Plain loops: this runs for every start position, and the closures of `any` and `all`
    // are not inlined at opt-level "z".
    for p in 1..3 {
        let mut periodic = true;
        for j in start - RUN_SKIP..start {
            if !matches!((folded.get(j), folded.get(j + p)), (Some(a), Some(b)) if a == b) {
                periodic = false;
                break;
            }
        }
        if periodic {
            return true;
        }
    }
    false
}

/// How far into a periodic run walks still start.
const RUN_SKIP: usize = 4;

/// The letters a walk has chosen, in a fixed buffer. Each letter costs at least one step of
/// the walk's budget, so [`STEPS_PER_START`] bytes always suffice; a `Vec` paid a call to
/// `push` per step (not inlined at opt-level "z"), a tenth of the walk's time.
struct Chosen {
    bytes: [u8; STEPS_PER_START as usize],
    len: usize,
}

impl Default for Chosen {
    fn default() -> Chosen {
        Chosen {
            bytes: [0; STEPS_PER_START as usize],
            len: 0,
        }
    }
}

impl Chosen {
    fn clear(&mut self) {
        self.len = 0;
    }

    fn len(&self) -> usize {
        self.len
    }

    fn last(&self) -> Option<u8> {
        self.len
            .checked_sub(1)
            .and_then(|i| self.bytes.get(i))
            .copied()
    }

    /// Appends `b`; false (and nothing appended) when the buffer is full, which the budget
    /// rules out.
    fn push(&mut self, b: u8) -> bool {
        match self.bytes.get_mut(self.len) {
            Some(slot) => {
                *slot = b;
                self.len += 1;
                true
            }
            None => false,
        }
    }

    fn pop(&mut self) {
        self.len = self.len.saturating_sub(1);
    }

    fn as_slice(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or(&[])
    }
}

struct Walk<'a> {
    set: &'a WordSet,
    pw: &'a Password,
    /// The folded view being walked (forwards, or reversed when `l33t` is false).
    folded: &'a [u8],
    start: usize,
    /// The letters chosen so far (they differ from `folded` where a l33t substitution was made).
    chosen: &'a mut Chosen,
    /// How many of `chosen` are l33t substitutions, and how many skipped separators.
    substituted: usize,
    skipped: usize,
    budget: u32,
    l33t: bool,
    out: &'a mut Vec<Match>,
    work: &'a mut Work,
}

impl Walk<'_> {
    fn run(&mut self, pos: usize, cur: Cursor) {
        let Some(&typed) = self.folded.get(pos) else {
            return;
        };
        let inside_word = self.chosen.len() >= 2 && self.chosen.last() != Some(SKIPPED);
        if inside_word && is_separator(typed) && self.budget > 0 {
            self.budget -= 1;
            if self.chosen.push(SKIPPED) {
                self.skipped += 1;
                self.run(pos + 1, cur);
                self.skipped -= 1;
                self.chosen.pop();
            }
        }
        // A l33t branch needs letters typed as themselves around it: at most one more
        // substitution than plain letters, plus one. A run of digits is not a l33t word, and
        // walking every digit's letters made long digit strings the slowest input.
        let plain = self.chosen.len() - self.skipped - self.substituted;
        let letters: &[u8] = if self.l33t && self.substituted <= plain + 1 {
            l33t_letters(typed)
        } else {
            b""
        };
        // The typed byte, then its l33t letters, by index: the iterator chain this replaces
        // is not inlined at opt-level "z", and this loop runs once per dictionary step.
        // (`0..=len` would not do: `RangeInclusive::next` is not inlined either.)
        for i in 0..letters.len() + 1 {
            let b = match i.checked_sub(1) {
                None => typed,
                Some(j) => match letters.get(j) {
                    Some(&letter) => letter,
                    None => break,
                },
            };
            if self.budget == 0 || self.out.len() >= MAX_MATCHES {
                return;
            }
            self.budget -= 1;
            self.work.dictionary_steps += 1;
            let Some(next) = self.set.step(cur, b) else {
                continue;
            };
            let substitution = usize::from(i > 0);
            if !self.chosen.push(b) {
                continue;
            }
            self.substituted += substitution;
            if let Some(entry) = self.set.exact(next) {
                self.emit(pos + 1, entry);
            }
            self.run(pos + 1, next);
            self.substituted -= substitution;
            self.chosen.pop();
        }
    }

    fn emit(&mut self, end: usize, entry: Entry) {
        if end - self.start < 2 {
            return;
        }
        let reversed = !self.l33t;
        let range = if reversed {
            let n = self.folded.len();
            let token = self.folded.get(self.start..end).unwrap_or(&[]);
            if token.iter().eq(token.iter().rev()) {
                return; // a palindrome is already matched forwards
            }
            self.pw.char_range(n - end..n - self.start)
        } else {
            self.pw.char_range(self.start..end)
        };
        let Some(range) = range else { return };
        let mut substitutions: Vec<(char, char)> = Vec::new();
        let mut separators = 0u32;
        let typed = self.folded.get(self.start..end).unwrap_or(&[]);
        for (&t, &c) in typed.iter().zip(self.chosen.as_slice()) {
            let pair = (char::from(t), char::from(c));
            if c == SKIPPED {
                separators += 1;
            } else if t != c && !substitutions.contains(&pair) {
                substitutions.push(pair);
            }
        }
        self.out.push(Match {
            range,
            pattern: Pattern::Dictionary(DictionaryMatch {
                dictionary: entry.dictionary,
                rank: entry.rank,
                reversed,
                substitutions,
                separators,
            }),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::password::dict::DictionaryName;

    fn matches(password: &str, words: &[&str]) -> Vec<(std::ops::Range<usize>, bool, usize)> {
        let ctx = Context::new(2024).with_extra_words(words);
        let pw = Password::new(password);
        let mut out = Vec::new();
        find(&pw, &ctx, &mut out, &mut Work::default());
        out.into_iter()
            .filter_map(|m| match m.pattern {
                Pattern::Dictionary(d) if d.dictionary == DictionaryName::Context => {
                    Some((m.range, d.reversed, d.substitutions.len()))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn context_words_are_found_inside_a_password() {
        assert_eq!(matches("xxMutami2024", &["Mutami"]), vec![(2..8, false, 0)]);
    }

    #[test]
    fn l33t_substitutions_are_undone() {
        assert_eq!(matches("v14med1s", &["Viamedis"]), vec![(0..8, false, 2)]);
    }

    #[test]
    fn reversed_words_are_found() {
        assert_eq!(matches("simaiv", &["Viamis"]), vec![(0..6, true, 0)]);
    }

    #[test]
    fn separators_inside_a_word_are_skipped() {
        let found = matches("harmonie-mutuelle", &["Harmonie Mutuelle"]);
        assert!(found.contains(&(0..17, false, 0)), "{found:?}");
        assert!(
            !matches("mutami-", &["Mutami"])
                .iter()
                .any(|m| m.0 == (0..7))
        );
    }

    #[test]
    fn accents_in_the_password_or_the_word_do_not_matter() {
        assert_eq!(matches("Almérys", &["almerys"]), vec![(0..7, false, 0)]);
        assert_eq!(matches("almerys", &["Almérys"]), vec![(0..7, false, 0)]);
    }
}
