//! The password as the matchers see it: capped chars, and a case- and accent-folded byte
//! view for dictionary lookups, with the one conversion between the two index spaces.

use std::ops::Range;

pub(crate) use crate::text::{Fold, fold_char, is_combining};

/// How many characters are rated; the rest earn a length credit (see `estimate`).
pub const MAX_RATED_CHARS: usize = 256;

/// Marks a folded position whose character has no ASCII folding; no dictionary word holds it.
pub(crate) const NO_FOLD: u8 = 0xFF;

/// A capped password with its folded view.
#[derive(Debug)]
pub(crate) struct Password {
    /// The first `MAX_RATED_CHARS` characters.
    pub chars: Vec<char>,
    /// The folded view: lowercase, accents removed, `œ` → `oe`; ASCII bytes or [`NO_FOLD`].
    pub folded: Vec<u8>,
    /// For each folded byte, the index of the character it comes from.
    folded_source: Vec<u32>,
    /// Characters in the whole input, before the cap.
    pub total_chars: usize,
}

impl Password {
    /// Caps `input` at `MAX_RATED_CHARS` characters and builds the folded view.
    pub fn new(input: &str) -> Password {
        let mut chars: Vec<char> = Vec::with_capacity(input.len().min(MAX_RATED_CHARS));
        let mut total_chars = 0usize;
        for c in input.chars() {
            if chars.len() < MAX_RATED_CHARS {
                chars.push(c);
            }
            total_chars += 1;
        }
        Password::from_chars(chars, total_chars)
    }

    /// Builds a password from already-capped characters (used for repeat bases).
    pub fn from_chars(chars: Vec<char>, total_chars: usize) -> Password {
        let mut folded = Vec::with_capacity(chars.len());
        let mut folded_source = Vec::with_capacity(chars.len());
        for (i, &c) in chars.iter().enumerate() {
            let source = u32::try_from(i).unwrap_or(u32::MAX);
            match fold_char(c) {
                Fold::Skip => {}
                Fold::One(b) => {
                    folded.push(b);
                    folded_source.push(source);
                }
                Fold::Two(a, b) => {
                    folded.extend_from_slice(&[a, b]);
                    folded_source.extend_from_slice(&[source, source]);
                }
                Fold::None => {
                    folded.push(NO_FOLD);
                    folded_source.push(source);
                }
            }
        }
        Password {
            chars,
            folded,
            folded_source,
            total_chars,
        }
    }

    /// Number of rated characters.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// The chars of a range (empty when the range is out of bounds).
    pub fn slice(&self, range: &Range<usize>) -> &[char] {
        self.chars.get(range.clone()).unwrap_or(&[])
    }

    /// Converts a range of folded bytes to the range of characters it covers, including any
    /// combining marks that follow the last character.
    pub fn char_range(&self, folded: Range<usize>) -> Option<Range<usize>> {
        if folded.is_empty() {
            return None;
        }
        let start = *self.folded_source.get(folded.start)? as usize;
        let last = *self.folded_source.get(folded.end - 1)? as usize;
        let mut end = last + 1;
        while self.chars.get(end).is_some_and(|&c| is_combining(c)) {
            end += 1;
        }
        Some(start..end)
    }
}

/// Converts a byte range of `s` to a char range; `None` if a bound is not on a char boundary.
pub fn byte_to_char_range(s: &str, bytes: Range<usize>) -> Option<Range<usize>> {
    if !s.is_char_boundary(bytes.start) || !s.is_char_boundary(bytes.end) || bytes.end < bytes.start
    {
        return None;
    }
    let start = s.get(..bytes.start)?.chars().count();
    let len = s.get(bytes.clone())?.chars().count();
    Some(start..start + len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_longer_than_the_cap_is_cut_but_counted() {
        let long = "é".repeat(MAX_RATED_CHARS + 10);
        let pw = Password::new(&long);
        assert_eq!(pw.len(), MAX_RATED_CHARS);
        assert_eq!(pw.total_chars, MAX_RATED_CHARS + 10);
    }

    #[test]
    fn accents_and_case_fold_to_ascii() {
        let pw = Password::new("LumIÈre");
        assert_eq!(pw.folded, b"lumiere");
    }

    #[test]
    fn ligatures_expand_and_map_back_to_one_char() {
        let pw = Password::new("cœur");
        assert_eq!(pw.folded, b"coeur");
        assert_eq!(pw.char_range(1..2), Some(1..2));
        assert_eq!(pw.char_range(0..5), Some(0..4));
    }

    #[test]
    fn combining_marks_are_dropped_but_kept_in_ranges() {
        let pw = Password::new("lume\u{300}re");
        assert_eq!(pw.folded, b"lumere");
        assert_eq!(pw.char_range(0..4), Some(0..5));
    }

    #[test]
    fn byte_ranges_convert_to_char_ranges() {
        assert_eq!(byte_to_char_range("aéb", 0..3), Some(0..2));
        assert_eq!(byte_to_char_range("aéb", 0..2), None);
        assert_eq!(byte_to_char_range("aéb", 3..4), Some(2..3));
    }

    #[test]
    fn characters_without_folding_are_marked() {
        let pw = Password::new("a😀");
        assert_eq!(pw.folded, [b'a', NO_FOLD]);
    }
}
