//! The matchers: each finds candidate patterns in the password, one file per kind.
//!
//! Every matcher has the form `find(pw, …, out)` and appends [`Match`]es to a caller-owned
//! vector; [`find_all`] runs them in turn. Matches may overlap; the scoring stage picks the
//! sequence with the fewest guesses.

pub(crate) mod date;
pub(crate) mod dictionary;
pub(crate) mod habits;
pub(crate) mod interleaved;
pub(crate) mod nir;
pub(crate) mod repeat;
pub(crate) mod sequence;
pub(crate) mod spatial;

use std::ops::Range;

use super::Context;
use super::dict::DictionaryName;
use super::input::Password;
use super::keyboards::Layout;

/// A candidate pattern over a half-open range of characters.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    /// The characters covered, as a half-open range of char indices.
    pub range: Range<usize>,
    /// What was recognised.
    pub pattern: Pattern,
}

/// What a match recognised, with one payload per kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Pattern {
    /// A word from a ranked list (possibly reversed, with l33t or accents folded).
    Dictionary(DictionaryMatch),
    /// A walk over adjacent keys.
    Spatial(SpatialMatch),
    /// A repeated base (`aaa`, `abcabc`).
    Repeat(RepeatMatch),
    /// Characters with a constant step (`abcd`, `9753`).
    Sequence(SequenceMatch),
    /// A year close to the reference year.
    Year(YearMatch),
    /// A calendar date.
    Date(DateMatch),
    /// A number shaped like a French social-security number (NIR).
    Nir(NirMatch),
    /// Two or three walks or sequences typed in turn (`a1z2e3r4t5`).
    Interleaved(InterleavedMatch),
    /// A French phone number (`06 12 34 56 78`, `+33…`).
    Phone,
    /// An ending appended to what comes before it: a département code, a domain, an
    /// affectionate ending.
    Suffix(SuffixMatch),
    /// No pattern: characters an attacker must brute-force.
    BruteForce,
}

/// Walks or sequences typed in turn, one character of each at a time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InterleavedMatch {
    /// How many walks or sequences (the stride): 2 or 3.
    pub strands: u32,
    /// The strands' guesses together, with the choice of stride (log10).
    pub guesses_log10: f64,
}

/// What a [`SuffixMatch`] appends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SuffixKind {
    /// A département code: `01`–`95`, `2A`, `2B`, `971`–`976` (`massilia13`).
    Departement,
    /// A dot and a common top-level domain (`zoosk.com`).
    Domain,
    /// An affectionate ending (`-ette`, `-ounette`, `-ouille`).
    Ending,
}

/// An ending appended to the pattern before it, the way mangling rules append one: priced as
/// a small factor on that pattern, not as a pattern of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SuffixMatch {
    /// What it is.
    pub kind: SuffixKind,
}

/// A dictionary word.
#[derive(Clone, Debug, PartialEq)]
pub struct DictionaryMatch {
    /// The list that ranks the word best.
    pub dictionary: DictionaryName,
    /// Its rank in that list (1 = most common).
    pub rank: u32,
    /// The word was typed backwards.
    pub reversed: bool,
    /// The l33t substitutions used, as (typed character, letter) pairs without repeats.
    pub substitutions: Vec<(char, char)>,
    /// Separators typed inside the word (`jean-pierre`, `mot de passe`), skipped for lookup.
    pub separators: u32,
}

/// A keyboard walk.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpatialMatch {
    /// The layout the walk is on.
    pub layout: Layout,
    /// Changes of direction, counting the first direction as one.
    pub turns: u32,
    /// Keys typed with Shift.
    pub shifted: u32,
}

/// A repeated base.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RepeatMatch {
    /// Length of the repeated base, in characters.
    pub base_len: usize,
    /// How many times the base occurs (at least 2), a trailing partial base counting as one.
    pub count: u32,
    /// The base's own estimated guesses (log10).
    pub base_guesses_log10: f64,
}

/// The alphabet of a sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SequenceKind {
    /// `a`–`z`.
    Lowercase,
    /// `A`–`Z`.
    Uppercase,
    /// `0`–`9`.
    Digits,
    /// Any other code points.
    Unicode,
}

/// A sequence with a constant step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SequenceMatch {
    /// The alphabet.
    pub kind: SequenceKind,
    /// The step between consecutive code points (never 0).
    pub step: i32,
    /// The sequence starts at an obvious place (`a`, `z`, `0`, `1`, `9`…).
    pub obvious_start: bool,
}

/// A four-digit year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearMatch {
    /// The year.
    pub year: i32,
}

/// A date (day, month, year), in any of the orders people type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMatch {
    /// Day of the month.
    pub day: u8,
    /// Month, 1–12.
    pub month: u8,
    /// Full year (two-digit years are expanded around the reference year).
    pub year: i32,
    /// The separator between the parts, if any.
    pub separator: Option<char>,
}

/// Whether a NIR-shaped number carries a control key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NirKey {
    /// 13 characters: the number without its key.
    Absent,
    /// 15 characters whose last two are the valid key.
    Valid,
}

/// A NIR-shaped number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NirMatch {
    /// Whether the key is present (and valid).
    pub key: NirKey,
}

/// Bounds on the matchers' work, so that no input can make them slow.
pub(crate) const MAX_MATCHES: usize = 4096;

/// Runs every matcher over `pw`. `depth` is 0 for the password itself and grows for the
/// bases of repeats, which are rated recursively.
pub(crate) fn find_all(
    pw: &Password,
    ctx: &Context,
    depth: u8,
    out: &mut Vec<Match>,
    work: &mut Work,
) {
    dictionary::find(pw, ctx, out, work);
    spatial::find(pw, out);
    sequence::find(pw, out);
    date::find(pw, ctx.reference_year(), out);
    nir::find(pw, out);
    habits::find(pw, out);
    interleaved::find(pw, out);
    repeat::find(pw, ctx, depth, out, work);
    out.truncate(MAX_MATCHES);
}

/// Counters of the work done, so that tests can check that cost stays bounded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Work {
    /// Dictionary narrowing steps (each is two binary searches).
    pub dictionary_steps: usize,
    /// Candidate matches produced (including those inside repeat bases).
    pub matches: usize,
    /// States the minimum-guesses search considered.
    pub search_steps: usize,
}
