//! Guess estimates per pattern, and the search for the sequence of matches that covers the
//! password with the fewest guesses (Wheeler, USENIX Security 2016, §4).
//!
//! Everything is kept in log10 space, so no product or factorial can overflow.
//!
//! For a sequence of `l` matches with guesses `g_1 … g_l`, the attacker's cost is
//! `l! · Π g_i + D^(l − 1)`, with `D = 10_000`: the factorial counts the orders in which an
//! attacker could try the patterns, and the additive term makes a password of many short
//! patterns cost more than one long one. Gaps are filled with brute force (10 guesses per
//! character), and two brute-force spans never follow each other.
//!
//! Changes to the published model, each because an attacker's ordinary rules make the
//! pattern cheaper than a pattern of its own (×10,000 and a longer factorial):
//!
//! - A single brute-forced character (the `!` of `Soleil1985!`) costs its 11 guesses but does
//!   not lengthen the sequence. Appending or inserting one character is an ordinary mangling
//!   rule, and counting it as a whole extra pattern let zxcvbn rate `word + year + symbol` as
//!   strong.
//! - A suffix (a département code, a domain, an affectionate ending: [`SuffixMatch`]) does
//!   not lengthen the sequence either: it multiplies the pattern before it.
//! - **Phrases.** A dictionary word that follows another one directly, with nothing between
//!   them (`papaetmaman`, `putaindemerde`), continues a phrase: it costs a share of its
//!   guesses ([`PHRASE_RANK_WEIGHT`] in log10) and does not lengthen the sequence. Phrase lists and sentence
//!   generators try common words run together long before random combinations, and zxcvbn's
//!   ×10,000 per word rated any four common words as strong. Words typed with separators
//!   between them (`girafe-tambour-nuage`) keep the full price: a separator is a character
//!   of its own, so they are not a continuation, and a passphrase of random words stays
//!   strong, since it is their ranks that make it so. A phrase written in camel case
//!   (`ChatNoir`) pays for its capitals once, with its first word: capitalising every word is
//!   one rule, not one per word.
//! - **An appended year or date** (`Soleil1985`, `ChatNoir2019`) right after a word or a
//!   phrase multiplies it by the years or days an attacker tries, and does not lengthen the
//!   sequence either: word + year is the commonest mangling rule of all, and pricing the
//!   year as a pattern of its own (at least 50 guesses, and a factor 2 for the order) rated
//!   a pet name + year + `!` as strong.

use std::ops::Range;
use std::sync::OnceLock;

use super::input::{MAX_RATED_CHARS, Password};
use super::keyboards::Layout;
use super::matchers::{
    DictionaryMatch, Match, Pattern, RepeatMatch, SequenceKind, SequenceMatch, SpatialMatch,
    SuffixKind, SuffixMatch, Work,
};

/// Brute-force guesses per character (zxcvbn's deliberately low cardinality).
const BRUTEFORCE_CARDINALITY_LOG10: f64 = 1.0;
/// `log10` of the minimum guesses for a one-character match that is not the whole password.
const MIN_SUBMATCH_SINGLE_LOG10: f64 = 1.0;
/// `log10` of the minimum guesses for a longer match that is not the whole password.
const MIN_SUBMATCH_MULTI_LOG10: f64 = 1.698_970_004_336_018_8; // log10(50)
/// `log10(10_000)`: the penalty for each extra match in a sequence.
const SEQUENCE_PENALTY_LOG10: f64 = 4.0;
/// Years this close to the reference year are all equally likely.
const MIN_YEAR_SPACE: f64 = 20.0;
/// Years up to this many before the reference year are plausible birth years.
const BIRTH_YEARS: i32 = 100;
/// Guesses for a NIR-shaped number: the attacker holds the leaked NIRs, so it costs one try.
const NIR_GUESSES_LOG10: f64 = 0.0;
/// Guesses for a phone number: the people and files around a person hold it.
const PHONE_GUESSES_LOG10: f64 = 3.0;
/// A word continuing a phrase costs this share of its own guesses (in log10), see the
/// module docs: what comes after a common word is far likelier than a word drawn alone.
const PHRASE_RANK_WEIGHT: f64 = 0.75;
/// A word continuing a phrase costs at least this (log10), however common it is.
const PHRASE_WORD_MIN_LOG10: f64 = 0.5;

/// The search keeps at most this many states per position, so its work is at most this
/// many per candidate match and position, whatever the input (256 random digits, with a date
/// at every position, had 60 non-dominated states per position). On the 3,800 passwords of
/// the benchmark corpus, 4 gives the same estimate as no limit, to the last digit; 2 changes
/// 8 of them.
pub(crate) const MAX_STATES_PER_POSITION: usize = 4;

/// The room first made for the candidate states of one position, so that the vectors do not
/// regrow from empty on every password; they still grow past it when needed. 16 states
/// (1 KB) measured faster on the benchmark corpus than 8 or 32.
const CANDIDATES_CAPACITY: usize = 16;

/// A match with its guesses.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoredMatch {
    /// The characters covered (half-open char indices).
    pub range: Range<usize>,
    /// What was recognised.
    pub pattern: Pattern,
    /// Estimated guesses for this part alone (log10).
    pub guesses_log10: f64,
}

/// `log10(10^a + 10^b)` without overflow.
pub(crate) fn log10_add(a: f64, b: f64) -> f64 {
    let (hi, lo) = if a >= b { (a, b) } else { (b, a) };
    if lo == f64::NEG_INFINITY {
        return hi;
    }
    hi + (1.0 + 10f64.powf(lo - hi)).log10()
}

/// `log10(Σ_{i = 1..=min(a, b)} C(a + b, i))`, or `log10(2)` when one side is zero: the
/// variations of mixing `a` characters of one kind with `b` of another. Computed in plain
/// `f64` (the rated length is capped, so `2^(a + b)` stays far below `f64::MAX`).
fn log10_variations(a: u64, b: u64) -> f64 {
    if a == 0 || b == 0 {
        return 2f64.log10();
    }
    let n = (a + b) as f64;
    let mut term = 1.0f64;
    let mut sum = 0.0f64;
    for i in 1..=a.min(b) {
        term *= (n - i as f64 + 1.0) / i as f64;
        sum += term;
    }
    if sum.is_finite() {
        sum.log10()
    } else {
        n * 2f64.log10()
    }
}

/// `log10(n!)`.
fn log10_factorial(n: usize) -> f64 {
    (2..=n).map(|i| (i as f64).log10()).sum()
}

/// `log10(k!)` for `k` in `0..len`.
fn log10_factorials(len: usize) -> Vec<f64> {
    let mut table = Vec::with_capacity(len);
    let mut acc = 0.0f64;
    for k in 0..len {
        if k >= 2 {
            acc += (k as f64).log10();
        }
        table.push(acc);
    }
    table
}

/// Estimated guesses (log10) for one match, before the sub-match minimum.
pub(crate) fn match_guesses_log10(m: &Match, pw: &Password, reference_year: i32) -> f64 {
    let token = pw.slice(&m.range);
    match &m.pattern {
        Pattern::Dictionary(d) => dictionary_guesses(d, token),
        Pattern::Spatial(s) => spatial_guesses(s, token.len()),
        Pattern::Repeat(r) => repeat_guesses(r),
        Pattern::Sequence(s) => sequence_guesses(s, token.len()),
        Pattern::Year(y) => year_space(y.year, reference_year).log10(),
        Pattern::Date(d) => {
            let separator = if d.separator.is_some() {
                4f64.log10()
            } else {
                0.0
            };
            (year_space(d.year, reference_year) * 365.0).log10() + separator
        }
        Pattern::Nir(_) => NIR_GUESSES_LOG10,
        Pattern::Phone => PHONE_GUESSES_LOG10,
        Pattern::Interleaved(i) => i.guesses_log10,
        Pattern::Suffix(s) => suffix_guesses(s),
        Pattern::BruteForce => bruteforce_guesses(token.len()),
    }
}

/// zxcvbn's year space, `max(|year − reference|, 20)`, except that any year in the last
/// century counts as near: it is a plausible birth year, and birth dates leaked, so an
/// attacker tries them all first rather than by distance from today.
fn year_space(year: i32, reference_year: i32) -> f64 {
    let age = reference_year.saturating_sub(year);
    if (0..=BIRTH_YEARS).contains(&age) {
        return MIN_YEAR_SPACE;
    }
    f64::from(year.abs_diff(reference_year)).max(MIN_YEAR_SPACE)
}

/// How many choices an attacker's rule has for each kind of suffix (log10).
fn suffix_guesses(s: &SuffixMatch) -> f64 {
    match s.kind {
        // 95 metropolitan codes, 2A, 2B and six overseas ones.
        SuffixKind::Departement => 103f64.log10(),
        // A handful of common domains, with or without a capital.
        SuffixKind::Domain => 30f64.log10(),
        // About ten endings, each also in its plural or feminine form.
        SuffixKind::Ending => 20f64.log10(),
    }
}

/// False for the patterns that multiply the one before them instead of adding one to the
/// sequence: suffixes that follow something.
fn lengthens_sequence(m: &Match) -> bool {
    !(matches!(m.pattern, Pattern::Suffix(_)) && m.range.start > 0)
}

/// A word's price as the continuation of a phrase, for forward dictionary words.
fn phrase_guesses(m: &Match, raw: f64) -> Option<f64> {
    match &m.pattern {
        Pattern::Dictionary(d) if !d.reversed => {
            Some((raw * PHRASE_RANK_WEIGHT).max(PHRASE_WORD_MIN_LOG10))
        }
        _ => None,
    }
}

/// A year or a date typed right after a word (`Soleil1985`, `ChatNoir2019`): appending one is
/// an attacker's commonest rule, so it multiplies the word by its own guesses (the years or
/// days an attacker tries) without the floor of a separate pattern and does not lengthen the
/// sequence.
fn appended_guesses(m: &Match, raw: f64) -> Option<f64> {
    match m.pattern {
        Pattern::Year(_) | Pattern::Date(_) => Some(raw),
        _ => None,
    }
}

/// First letter upper case, no other: how a word is capitalised in a title or in camel case.
fn is_title_case(token: &[char]) -> bool {
    token.first().is_some_and(|c| c.is_uppercase())
        && !token.iter().skip(1).any(|c| c.is_uppercase())
}

/// What the search needs of one candidate match, computed once per match. One vector of
/// these, rather than one vector per field, costs one allocation per search instead of six:
/// allocations were a tenth of the estimator's time.
#[derive(Clone, Copy, Debug)]
struct Priced {
    /// Its guesses, raised to the sub-match minimum unless it covers the whole password.
    guesses: f64,
    /// Its price as the continuation of a phrase ([`phrase_guesses`]).
    phrase: Option<f64>,
    /// The same without its capital, for a title-case word after another one (camel case).
    camel_phrase: Option<f64>,
    /// Its price appended to a word ([`appended_guesses`]).
    appended: Option<f64>,
    /// A title-case dictionary word (`Chat`).
    title: bool,
}

impl Priced {
    fn new(m: &Match, pw: &Password, reference_year: i32) -> Priced {
        let n = pw.len();
        let raw = match_guesses_log10(m, pw, reference_year);
        let guesses = if m.range.len() == n {
            raw
        } else if m.range.len() == 1 {
            raw.max(MIN_SUBMATCH_SINGLE_LOG10)
        } else {
            raw.max(MIN_SUBMATCH_MULTI_LOG10)
        };
        // Title-case words (`Chat`), and their phrase price without the capital: camel case
        // (`ChatNoir`) is one way of writing the whole phrase, so the capital is paid once, by
        // the first word.
        let title =
            matches!(m.pattern, Pattern::Dictionary(_)) && is_title_case(pw.slice(&m.range));
        Priced {
            guesses,
            phrase: phrase_guesses(m, raw),
            camel_phrase: if title {
                phrase_guesses(m, raw - 2f64.log10())
            } else {
                None
            },
            appended: appended_guesses(m, raw),
            title,
        }
    }
}

/// The price of match `m` attached to the word before it (see [`State::price`]): a phrase
/// continuation (without its capital when both words are title case), or an appended year.
fn attached_guesses(m: &Priced, previous_title_case: bool) -> Option<f64> {
    m.camel_phrase
        .filter(|_| previous_title_case)
        .or(m.phrase)
        .or(m.appended)
}

fn bruteforce_guesses(len: usize) -> f64 {
    // 10^len, but never below the minimum of a real pattern plus one.
    let raw = len as f64 * BRUTEFORCE_CARDINALITY_LOG10;
    let min = if len == 1 {
        11f64.log10()
    } else {
        51f64.log10()
    };
    raw.max(min)
}

fn dictionary_guesses(d: &DictionaryMatch, token: &[char]) -> f64 {
    let rank = f64::from(d.rank.max(1)).log10();
    let reversed = if d.reversed { 2f64.log10() } else { 0.0 };
    // Typed with or without separators: two spellings to try.
    let separators = if d.separators > 0 { 2f64.log10() } else { 0.0 };
    rank + uppercase_variations(token) + l33t_variations(d, token) + reversed + separators
}

fn uppercase_variations(token: &[char]) -> f64 {
    let upper = token.iter().filter(|c| c.is_uppercase()).count() as u64;
    if upper == 0 {
        // Most words are typed in lower case: no need to count the lower-case letters.
        return 0.0;
    }
    let lower = token.iter().filter(|c| c.is_lowercase()).count() as u64;
    // Each part capitalised, as compound names are written (`Jean-Pierre`): one variation.
    let mut parts = token
        .split(|c| !c.is_alphanumeric())
        .filter(|p| !p.is_empty());
    let title_case = |part: &[char]| {
        part.first().is_some_and(|c| c.is_uppercase())
            && !part.iter().skip(1).any(|c| c.is_uppercase())
    };
    if upper > 1 && parts.clone().count() > 1 && parts.all(title_case) {
        return 2f64.log10();
    }
    let first_upper_only = token.first().is_some_and(|c| c.is_uppercase()) && upper == 1;
    let last_upper_only = token.last().is_some_and(|c| c.is_uppercase()) && upper == 1;
    if lower == 0 || first_upper_only || last_upper_only {
        return 2f64.log10();
    }
    log10_variations(upper, lower)
}

fn l33t_variations(d: &DictionaryMatch, token: &[char]) -> f64 {
    d.substitutions
        .iter()
        .map(|&(typed, letter)| {
            let subbed = token.iter().filter(|&&c| c == typed).count() as u64;
            let unsubbed = token
                .iter()
                // The letters of the l33t table are ASCII: no Unicode case table needed.
                .filter(|c| c.to_ascii_lowercase() == letter)
                .count() as u64;
            log10_variations(subbed, unsubbed)
        })
        .sum()
}

fn spatial_guesses(s: &SpatialMatch, len: usize) -> f64 {
    let data = Layout::data(s.layout);
    let starts = data.starting_positions();
    let degree = data.average_degree();
    let turns = s.turns.max(1) as usize;
    // Σ_{i = 2..=len} Σ_{j = 1..=min(turns, i − 1)} C(i − 1, j − 1) · starts · degree^j,
    // with Pascal's rule for the binomials (row i − 1 is updated in place).
    let mut row: Vec<f64> = vec![0.0; turns + 1];
    if let Some(first) = row.first_mut() {
        *first = 1.0;
    }
    let mut powers: Vec<f64> = Vec::with_capacity(turns + 1);
    let mut p = 1.0f64;
    for _ in 0..=turns {
        powers.push(p);
        p *= degree;
    }
    let mut total = 0.0f64;
    for i in 2..=len {
        // Advance the row from C(i − 2, ·) to C(i − 1, ·).
        for j in (1..row.len()).rev() {
            let left = row.get(j - 1).copied().unwrap_or(0.0);
            if let Some(cell) = row.get_mut(j) {
                *cell += left;
            }
        }
        for j in 1..=turns.min(i - 1) {
            let c = row.get(j - 1).copied().unwrap_or(0.0);
            total += c * starts * powers.get(j).copied().unwrap_or(0.0);
        }
    }
    let total = if total.is_finite() && total > 0.0 {
        total.log10()
    } else {
        // Unreachable for capped input; a safe over-estimate otherwise.
        len as f64 * (starts.max(2.0) * degree.max(2.0)).log10()
    };
    let shifted = u64::from(s.shifted);
    let unshifted = (len as u64).saturating_sub(shifted);
    let shift = match (shifted, unshifted) {
        (0, _) => 0.0,
        (_, 0) => 2f64.log10(),
        (a, b) => log10_variations(a, b),
    };
    total + shift
}

fn repeat_guesses(r: &RepeatMatch) -> f64 {
    r.base_guesses_log10 + f64::from(r.count).log10()
}

fn sequence_guesses(s: &SequenceMatch, len: usize) -> f64 {
    let base: f64 = if s.obvious_start {
        4.0
    } else if s.kind == SequenceKind::Digits {
        10.0
    } else {
        26.0
    };
    let descending = if s.step < 0 { 2.0 } else { 1.0 };
    (base * descending * len as f64).log10()
}

/// The result of the minimum-guesses search.
#[derive(Debug)]
pub(crate) struct Search {
    /// The chosen sequence, covering the password.
    pub sequence: Vec<ScoredMatch>,
    /// The sequence's total guesses (log10).
    pub guesses_log10: f64,
}

/// One state of the search: the best way found to cover `0..end` with `length` matches.
#[derive(Clone, Copy, Debug)]
struct State {
    length: u32,
    /// `log10(Π g_i)` over the matches so far.
    product: f64,
    /// The last match: an index into the candidates, or `None` for brute force.
    last: Option<u32>,
    /// Where the last match starts.
    start: u32,
    /// The state this one extends (index into `states`), if any.
    previous: Option<u32>,
    /// What the last match is priced at here: its own guesses, or less when it continues a
    /// phrase or is appended to a word ([`attached_guesses`]).
    price: f64,
}

/// An index or position of the search as a [`State`] field. States are copied many times
/// per position, and `u32` fields make them 40 bytes instead of 64. Every such value is
/// bounded (at most [`MAX_RATED_CHARS`] positions, [`super::matchers::MAX_MATCHES`] matches,
/// [`MAX_STATES_PER_POSITION`] states per position), so the fallback is never taken.
fn compact(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Finds the sequence of candidate matches (plus brute-force gaps) with the fewest guesses.
pub(crate) fn minimum_guesses(
    pw: &Password,
    matches: &[Match],
    reference_year: i32,
    work: &mut Work,
) -> Search {
    let n = pw.len();
    if n == 0 {
        return Search {
            sequence: Vec::new(),
            guesses_log10: 0.0,
        };
    }
    let priced: Vec<Priced> = matches
        .iter()
        .map(|m| Priced::new(m, pw, reference_year))
        .collect();
    // The matches by their last character, in one array (a counting sort). `ends[k + 1]`
    // first counts the matches ending at k; summed, `ends[k]` is where they start in
    // `by_end`, and filling moves it on to where they stop, so that afterwards those ending
    // at k are `by_end[ends[k - 1]..ends[k]]` (from 0 for k = 0), with no second array.
    let mut ends: Vec<usize> = vec![0; n + 1];
    let ending = |m: &Match| (!m.range.is_empty() && m.range.end <= n).then(|| m.range.end - 1);
    for m in matches {
        if let Some(slot) = ending(m).and_then(|k| ends.get_mut(k + 1)) {
            *slot += 1;
        }
    }
    for k in 1..ends.len() {
        let previous = ends.get(k - 1).copied().unwrap_or(0);
        if let Some(slot) = ends.get_mut(k) {
            *slot += previous;
        }
    }
    let mut by_end: Vec<usize> = vec![0; ends.last().copied().unwrap_or(0)];
    for (i, m) in matches.iter().enumerate() {
        if let Some(k) = ending(m)
            && let Some(at) = ends.get_mut(k)
        {
            if let Some(slot) = by_end.get_mut(*at) {
                *slot = i;
            }
            *at += 1;
        }
    }
    let ending_at = |k: usize| -> &[usize] {
        let from = match k.checked_sub(1) {
            Some(j) => ends.get(j).copied(),
            None => Some(0),
        };
        match (from, ends.get(k)) {
            (Some(a), Some(&b)) => by_end.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    };
    // frontier[k]: the non-dominated states covering 0..=k, a range of `states` (each
    // position's states are stored together, as they are found).
    let mut states: Vec<State> = Vec::with_capacity(n * MAX_STATES_PER_POSITION);
    let mut frontier: Vec<Range<usize>> = vec![0..0; n];
    // Brute force over start..=k costs (k + 1 − start) per char when at least two chars long,
    // so for each previous length l the best predecessor is the one minimising
    // `product − start`; keeping that running minimum makes brute force O(lengths) per k.
    // Lengths never exceed n + 1, so sizing the scratch vectors once spares their regrowth.
    let mut bruteforce_from: Vec<Option<(f64, usize, usize)>> = Vec::with_capacity(n + 1);
    // Sequences have at most one match per rated character: one table for every password.
    static FACTORIALS: OnceLock<Vec<f64>> = OnceLock::new();
    let factorials = FACTORIALS.get_or_init(|| log10_factorials(MAX_RATED_CHARS + 2));
    let factorials = factorials.as_slice();
    // Any complete sequence bounds the answer, and a state already costing more can only get
    // worse as it grows. Start from the best of: all brute force, or one match with brute
    // force before and after it.
    let mut ceiling = bruteforce_guesses(n);
    for (m, g) in matches.iter().zip(priced.iter().map(|p| p.guesses)) {
        let (start, end) = (m.range.start, m.range.end.min(n));
        let mut length = 1usize;
        let mut product = g;
        if start > 0 {
            length += 1;
            product += bruteforce_guesses(start);
        }
        if end < n {
            length += 1;
            product += bruteforce_guesses(n - end);
        }
        let state = State {
            length: length as u32,
            product,
            last: None,
            start: 0,
            previous: None,
            price: g,
        };
        ceiling = ceiling.min(total_upper_bound(&state, factorials));
    }
    let ceiling = ceiling + 1e-9;
    let mut by_length: Vec<[Option<State>; 2]> = Vec::with_capacity(n + 2);
    let mut candidates: Vec<State> = Vec::with_capacity(CANDIDATES_CAPACITY);
    let mut kept: Vec<State> = Vec::with_capacity(CANDIDATES_CAPACITY);
    let mut best: Vec<(f64, State)> = Vec::with_capacity(MAX_STATES_PER_POSITION + 1);
    for k in 0..n {
        candidates.clear();
        if k >= 2 {
            let start = k - 1;
            for pi in frontier.get(start - 1).cloned().unwrap_or(0..0) {
                let Some(prev) = states.get(pi) else { continue };
                if prev.last.is_none() {
                    continue;
                }
                let value = prev.product - start as f64 * BRUTEFORCE_CARDINALITY_LOG10;
                let l = prev.length as usize;
                if bruteforce_from.len() <= l {
                    bruteforce_from.resize(l + 1, None);
                }
                if let Some(slot) = bruteforce_from.get_mut(l)
                    && slot.is_none_or(|(v, _, _)| value < v)
                {
                    *slot = Some((value, pi, start));
                }
            }
        }
        for &mi in ending_at(k) {
            let (Some(m), Some(p)) = (matches.get(mi), priced.get(mi)) else {
                continue;
            };
            let g = p.guesses;
            let start = m.range.start;
            extend(
                &states,
                &frontier,
                start,
                g,
                Some(compact(mi)),
                u32::from(lengthens_sequence(m)),
                &mut candidates,
                work,
            );
            let attachable = p.phrase.is_some() || p.appended.is_some();
            if attachable && start > 0 {
                // Continue a phrase, or append a year to a word: from the states whose last
                // match is a word ending here.
                for pi in frontier.get(start - 1).cloned().unwrap_or(0..0) {
                    let Some(prev) = states.get(pi) else { continue };
                    let Some(previous) = prev
                        .last
                        .and_then(|pm| priced.get(pm as usize))
                        .filter(|pp| pp.phrase.is_some())
                    else {
                        continue;
                    };
                    let Some(price) = attached_guesses(p, previous.title) else {
                        continue;
                    };
                    work.search_steps += 1;
                    candidates.push(State {
                        length: prev.length,
                        product: prev.product + price,
                        last: Some(compact(mi)),
                        start: compact(start),
                        previous: Some(compact(pi)),
                        price,
                    });
                }
            }
        }
        // Brute force from the start, and over the single character k.
        extend(
            &states,
            &frontier,
            0,
            bruteforce_guesses(k + 1),
            None,
            u32::from(k > 0 || n == 1),
            &mut candidates,
            work,
        );
        if k >= 1 {
            extend(
                &states,
                &frontier,
                k,
                bruteforce_guesses(1),
                None,
                0,
                &mut candidates,
                work,
            );
        }
        // Brute force over start..=k for 1 <= start <= k − 1. Lengths go up, so a slot no
        // cheaper than a shorter one gives a state that `prune` would drop: skip it.
        let mut cheapest = f64::INFINITY;
        for (l, slot) in bruteforce_from.iter().enumerate() {
            let Some((value, pi, start)) = *slot else {
                continue;
            };
            if value >= cheapest {
                continue;
            }
            cheapest = value;
            work.search_steps += 1;
            candidates.push(State {
                length: u32::try_from(l + 1).unwrap_or(u32::MAX),
                product: value + (k + 1) as f64 * BRUTEFORCE_CARDINALITY_LOG10,
                last: None,
                start: compact(start),
                previous: Some(compact(pi)),
                price: (k + 1 - start) as f64 * BRUTEFORCE_CARDINALITY_LOG10,
            });
        }
        prune(&candidates, ceiling, factorials, &mut by_length, &mut kept);
        if kept.len() > MAX_STATES_PER_POSITION {
            // Keep the states whose cost so far is lowest: a cost only grows as a state is
            // extended, so these are the likeliest to end the cheapest sequence.
            // The larger of the two terms of `total`, without its `powf`: the same order
            // within a factor of two, which is all a choice among many states needs.
            let cost = |s: &State| {
                let length = s.length as usize;
                let factorial = factorials.get(length).copied().unwrap_or(f64::INFINITY);
                (factorial + s.product)
                    .max(SEQUENCE_PENALTY_LOG10 * length.saturating_sub(1) as f64)
            };
            // The cheapest ones, by insertion into a short sorted list.
            best.clear();
            for state in &kept {
                let c = cost(state);
                if best.len() == MAX_STATES_PER_POSITION
                    && best.last().is_some_and(|&(worst, _)| c >= worst)
                {
                    continue;
                }
                let at = best.iter().position(|&(b, _)| c < b).unwrap_or(best.len());
                best.insert(at, (c, *state));
                best.truncate(MAX_STATES_PER_POSITION);
            }
            kept.clear();
            kept.extend(best.iter().map(|&(_, s)| s));
        }
        let first = states.len();
        states.extend_from_slice(&kept);
        if let Some(slot) = frontier.get_mut(k) {
            *slot = first..states.len();
        }
    }
    let best = frontier
        .get(n - 1)
        .cloned()
        .unwrap_or(0..0)
        .filter_map(|i| states.get(i).map(|s| (i, total(s, factorials))))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    let Some((index, guesses_log10)) = best else {
        return Search {
            sequence: Vec::new(),
            guesses_log10: bruteforce_guesses(n),
        };
    };
    let mut sequence = Vec::new();
    let mut end = n;
    let mut next = Some(index);
    while let Some(state) = next.and_then(|i| states.get(i)) {
        let range = state.start as usize..end;
        let scored = match state
            .last
            .and_then(|mi| matches.get(mi as usize).zip(priced.get(mi as usize)))
        {
            Some((m, _)) => ScoredMatch {
                range,
                pattern: m.pattern.clone(),
                guesses_log10: state.price,
            },
            None => {
                let g = bruteforce_guesses(range.len());
                ScoredMatch {
                    range,
                    pattern: Pattern::BruteForce,
                    guesses_log10: g,
                }
            }
        };
        sequence.push(scored);
        end = state.start as usize;
        next = state.previous.map(|p| p as usize);
    }
    sequence.reverse();
    Search {
        sequence,
        guesses_log10,
    }
}

/// `log10(l! · Π g + D^(l − 1))` for a complete sequence.
fn total(s: &State, factorials: &[f64]) -> f64 {
    let length = s.length as usize;
    let factorial = factorials
        .get(length)
        .copied()
        .unwrap_or_else(|| log10_factorial(length));
    log10_add(
        factorial + s.product,
        SEQUENCE_PENALTY_LOG10 * (length.max(1) - 1) as f64,
    )
}

/// An upper bound of [`total`] without its `powf` and `log10` (software functions in
/// WebAssembly): `log10(a + b) ≤ max(log10 a, log10 b) + log10 2`.
fn total_upper_bound(s: &State, factorials: &[f64]) -> f64 {
    let length = s.length as usize;
    let factorial = factorials
        .get(length)
        .copied()
        .unwrap_or_else(|| log10_factorial(length));
    (factorial + s.product).max(SEQUENCE_PENALTY_LOG10 * (length.max(1) - 1) as f64)
        + std::f64::consts::LOG10_2
}

/// Adds the states that end with a match over `start..=k` to `out`. `adds` is how much the
/// match lengthens the sequence: 1, or 0 for a single brute-forced character.
#[allow(clippy::too_many_arguments)]
fn extend(
    states: &[State],
    frontier: &[Range<usize>],
    start: usize,
    guesses: f64,
    last: Option<u32>,
    adds: u32,
    out: &mut Vec<State>,
    work: &mut Work,
) {
    if start == 0 {
        work.search_steps += 1;
        out.push(State {
            length: adds,
            product: guesses,
            last,
            start: 0,
            previous: None,
            price: guesses,
        });
        return;
    }
    for pi in frontier.get(start - 1).cloned().unwrap_or(0..0) {
        let Some(prev) = states.get(pi) else { continue };
        if last.is_none() && prev.last.is_none() {
            continue; // no two brute-force spans in a row
        }
        work.search_steps += 1;
        out.push(State {
            length: prev.length + adds,
            product: prev.product + guesses,
            last,
            start: compact(start),
            previous: Some(compact(pi)),
            price: guesses,
        });
    }
}

/// Keeps the states no other state beats on both length and product. A state that ends
/// with brute force is only beaten by another that also does (or by a match), since it
/// cannot be followed by brute force. States whose cost already exceeds `ceiling` go too.
/// Runs in O(candidates + longest length): the best state per length, then one sweep.
fn prune(
    candidates: &[State],
    ceiling: f64,
    factorials: &[f64],
    by_length: &mut Vec<[Option<State>; 2]>,
    kept: &mut Vec<State>,
) {
    kept.clear();
    let mut longest = 0usize;
    for c in candidates {
        let floor = SEQUENCE_PENALTY_LOG10 * f64::from(c.length.saturating_sub(1));
        let factorial = factorials
            .get(c.length as usize)
            .copied()
            .unwrap_or(f64::INFINITY);
        if floor > ceiling || c.product + factorial > ceiling {
            continue;
        }
        let l = c.length as usize;
        if by_length.len() <= l {
            by_length.resize(l + 1, [None, None]);
        }
        longest = longest.max(l);
        let kind = usize::from(c.last.is_none());
        if let Some(slot) = by_length.get_mut(l).and_then(|pair| pair.get_mut(kind))
            && slot.is_none_or(|s| c.product < s.product)
        {
            *slot = Some(*c);
        }
    }
    let mut best_any = f64::INFINITY;
    let mut best_match_ended = f64::INFINITY;
    for pair in by_length.iter_mut().take(longest + 1) {
        let [matched, brute] = std::mem::take(pair);
        if let Some(c) = matched
            && c.product < best_match_ended
        {
            best_match_ended = c.product;
            best_any = best_any.min(c.product);
            kept.push(c);
        }
        if let Some(c) = brute
            && c.product < best_any
        {
            best_any = c.product;
            kept.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::password::matchers::{NirKey, NirMatch, YearMatch};

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn log_addition_matches_plain_addition() {
        assert!(close(log10_add(2.0, 2.0), 200f64.log10()));
        assert!(close(log10_add(f64::NEG_INFINITY, 3.0), 3.0));
    }

    #[test]
    fn variations_and_factorials_match_small_values() {
        // C(5, 1) + C(5, 2) = 15
        assert!(close(log10_variations(2, 3), 15f64.log10()));
        assert!(close(log10_variations(0, 3), 2f64.log10()));
        assert!(close(log10_factorial(5), 120f64.log10()));
        assert!(close(
            log10_factorials(6).get(5).copied().unwrap_or(0.0),
            120f64.log10()
        ));
    }

    #[test]
    fn spatial_guesses_follow_the_published_formula() {
        // One turn, length 3: (C(1,0) + C(2,0)) · S · D = 2 · S · D.
        let s = SpatialMatch {
            layout: Layout::Qwerty,
            turns: 1,
            shifted: 0,
        };
        let data = Layout::Qwerty.data();
        let expected = (2.0 * data.starting_positions() * data.average_degree()).log10();
        assert!(close(spatial_guesses(&s, 3), expected));
        // Two turns, length 3: 2 · S · D + C(2,1) · S · D².
        let s = SpatialMatch { turns: 2, ..s };
        let sd = data.starting_positions() * data.average_degree();
        let expected = (2.0 * sd + 2.0 * sd * data.average_degree()).log10();
        assert!(close(spatial_guesses(&s, 3), expected));
    }

    #[test]
    fn capitalised_words_cost_twice_as_many_guesses() {
        let chars: Vec<char> = "Motdepasse".chars().collect();
        assert!(close(uppercase_variations(&chars), 2f64.log10()));
        let chars: Vec<char> = "motdepasse".chars().collect();
        assert!(close(uppercase_variations(&chars), 0.0));
        let chars: Vec<char> = "Jean-Pierre".chars().collect();
        assert!(close(uppercase_variations(&chars), 2f64.log10()));
        let chars: Vec<char> = "JeanPierre".chars().collect();
        assert!(uppercase_variations(&chars) > 2f64.log10());
    }

    #[test]
    fn search_chooses_lower_guesses_match_given_two_matches_of_same_span() {
        let pw = Password::new("1985");
        let matches = vec![
            Match {
                range: 0..4,
                pattern: Pattern::Year(YearMatch { year: 1985 }),
            },
            Match {
                range: 0..4,
                pattern: Pattern::BruteForce,
            },
        ];
        let search = minimum_guesses(&pw, &matches, 2024, &mut Work::default());
        assert_eq!(search.sequence.len(), 1);
        assert!(matches!(
            search.sequence.first().map(|m| &m.pattern),
            Some(Pattern::Year(_))
        ));
        // 1! · 20 + 10_000^0: 1985 is a plausible birth year, as likely as a recent one.
        assert!(close(search.guesses_log10, 21f64.log10()));
    }

    #[test]
    fn search_fills_gaps_with_brute_force() {
        let pw = Password::new("x1850775123456y");
        let nir = Pattern::Nir(NirMatch {
            key: NirKey::Absent,
        });
        let matches = vec![Match {
            range: 1..14,
            pattern: nir,
        }];
        let search = minimum_guesses(&pw, &matches, 2024, &mut Work::default());
        let ranges: Vec<_> = search.sequence.iter().map(|m| m.range.clone()).collect();
        assert_eq!(ranges, vec![0..1, 1..14, 14..15]);
    }

    #[test]
    fn an_empty_password_has_no_sequence() {
        let pw = Password::new("");
        let search = minimum_guesses(&pw, &[], 2024, &mut Work::default());
        assert!(search.sequence.is_empty());
    }
}
