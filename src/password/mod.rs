//! The password-strength estimator: zxcvbn's model, French-first and aware of the leak.
//!
//! The pipeline follows Wheeler's zxcvbn (USENIX Security 2016), implemented from the paper:
//!
//! 1. **Matchers** list every candidate [`Match`]: ranked dictionary words
//!    (forwards, reversed, with l33t, accents folded), keyboard walks (AZERTY, QWERTY,
//!    QWERTZ, BÉPO, keypads), repeats, sequences, years, dates in French orders,
//!    NIR-shaped numbers and context words (insurer, operators, host words).
//! 2. **Scoring** finds the sequence of matches covering the password with the fewest
//!    guesses (a dynamic programme in log space).
//! 3. The guesses give a [`Score`] (bands at 10³, 10⁶, 10⁸, 10¹⁰), [`CrackTimes`] for four
//!    attack scenarios, and [`Feedback`] with French and English texts.
//!
//! ```
//! use breach_check::password::{estimate, Context, Score};
//!
//! let ctx = Context::new(2024).with_extra_words(&["Mutami", "Viamedis", "Almerys"]);
//! let weak = estimate("mutami2024", &ctx);
//! assert!(weak.score <= Score::One);
//! assert!(weak.leaks.context_word);
//! ```
//!
//! # Bounded cost
//!
//! The estimator runs on every keystroke, so its cost is bounded here, once: only the first
//! [`MAX_RATED_CHARS`] characters are matched, and each character beyond them adds a
//! length credit of `log10(total / rated)` (as if the rated prefix were repeated), which never
//! overstates the strength of a long, repetitive input. Each matcher is linear or
//! quadratic in the rated length, dictionary walks have a fixed step budget per position, and
//! the search keeps only non-dominated states. [`Estimate::work`] reports the work done.
//!
//! # Dictionaries
//!
//! A small dictionary is compiled in ([`Dictionaries::builtin`]). The full one is a separate
//! asset, decoded with [`Dictionaries::decode`] once it has loaded, and shared through an
//! [`Arc`]. See `tools/build-dictionaries/README.md` for sources and licences.

mod crack_time;
mod dict;
mod feedback;
mod input;
mod keyboards;
mod matchers;
mod scoring;
pub mod wire;

use std::sync::{Arc, OnceLock};

pub use crack_time::{CrackTime, CrackTimes, Scenario, TimeBucket};
pub use dict::{
    ASSET_FILE_NAME, DictError, Dictionaries, DictionaryKind, DictionaryName, Entry, ListInfo,
};
pub use feedback::{Feedback, Suggestion, Warning};
pub use input::{MAX_RATED_CHARS, byte_to_char_range};
pub use keyboards::Layout;
pub use matchers::{
    DateMatch, DictionaryMatch, InterleavedMatch, Match, NirKey, NirMatch, Pattern, RepeatMatch,
    SequenceKind, SequenceMatch, SpatialMatch, SuffixKind, SuffixMatch, Work, YearMatch,
};
pub use scoring::ScoredMatch;

use dict::WordSet;
use input::Password;

/// What the estimator knows besides the password: dictionaries, context words and the year.
#[derive(Clone, Debug)]
pub struct Context {
    dictionaries: Arc<Dictionaries>,
    context: WordSet,
    reference_year: i32,
}

impl Context {
    /// A context with the built-in dictionary and no context words. `reference_year` is the
    /// current year (the estimator reads no clock): years and dates near it are likelier.
    pub fn new(reference_year: i32) -> Context {
        static BUILTIN: OnceLock<Arc<Dictionaries>> = OnceLock::new();
        let builtin = BUILTIN.get_or_init(|| Arc::new(Dictionaries::builtin()));
        Context {
            dictionaries: Arc::clone(builtin),
            context: WordSet::default(),
            reference_year,
        }
    }

    /// Uses the full dictionaries (once decoded) instead of the built-in one.
    pub fn with_dictionaries(mut self, dictionaries: Arc<Dictionaries>) -> Context {
        self.dictionaries = dictionaries;
        self
    }

    /// Sets the context words: insurer and operator names from the pack, and words the host
    /// page gives. Each is split on non-alphanumerics and at camel-case humps, folded (case,
    /// accents), and kept when at least 3 characters long; multi-part words are also kept
    /// joined (`Harmonie Mutuelle` → `harmonie`, `mutuelle`, `harmoniemutuelle`). Earlier
    /// words rank first.
    pub fn with_extra_words(mut self, words: &[&str]) -> Context {
        let mut tokens: Vec<Vec<u8>> = Vec::new();
        for word in words {
            tokenize(word, &mut tokens);
        }
        let entries = tokens
            .into_iter()
            .enumerate()
            .map(|(i, t)| {
                let rank = u32::try_from(i + 1).unwrap_or(u32::MAX);
                (
                    t,
                    Entry {
                        dictionary: DictionaryName::Context,
                        rank,
                    },
                )
            })
            .collect();
        self.context = WordSet::from_words(entries);
        self
    }

    /// The reference year.
    pub fn reference_year(&self) -> i32 {
        self.reference_year
    }

    /// The dictionaries in use.
    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dictionaries
    }

    /// Number of distinct context tokens.
    pub fn context_word_count(&self) -> usize {
        self.context.len()
    }

    pub(crate) fn context_words(&self) -> &WordSet {
        &self.context
    }
}

fn tokenize(word: &str, out: &mut Vec<Vec<u8>>) {
    let push = |token: &str, out: &mut Vec<Vec<u8>>| {
        if let Some(folded) = dict::fold_token(token)
            && folded.len() >= 3
            && !out.contains(&folded)
        {
            out.push(folded);
        }
    };
    let parts: Vec<&str> = word
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect();
    for part in &parts {
        push(part, out);
        // Camel-case humps: "AlmerysPro" → "Almerys", "Pro".
        let mut start = 0;
        let mut prev_lower = false;
        for (i, c) in part.char_indices() {
            if c.is_uppercase() && prev_lower {
                if let Some(piece) = part.get(start..i) {
                    push(piece, out);
                }
                start = i;
            }
            prev_lower = c.is_lowercase();
        }
        if start > 0
            && let Some(piece) = part.get(start..)
        {
            push(piece, out);
        }
    }
    if parts.len() > 1 {
        push(&parts.concat(), out);
    }
}

/// zxcvbn's strength score. Thresholds are on the estimated guesses `g`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Score {
    /// `g < 10³ + 5`: too guessable; risky even with throttled online attacks.
    Zero,
    /// `g < 10⁶ + 5`: very guessable; protects only from throttled online attacks.
    One,
    /// `g < 10⁸ + 5`: somewhat guessable; protects from unthrottled online attacks.
    Two,
    /// `g < 10¹⁰ + 5`: safely unguessable; moderate protection from offline slow-hash attacks.
    Three,
    /// `g ≥ 10¹⁰ + 5`: very unguessable; strong protection from offline slow-hash attacks.
    Four,
}

impl Score {
    /// The score for guesses given as log10.
    pub fn from_guesses_log10(guesses_log10: f64) -> Score {
        let below = |threshold: f64| guesses_log10 < (threshold + 5.0).log10();
        if below(1e3) {
            Score::Zero
        } else if below(1e6) {
            Score::One
        } else if below(1e8) {
            Score::Two
        } else if below(1e10) {
            Score::Three
        } else {
            Score::Four
        }
    }

    /// The score as a number from 0 to 4.
    pub fn as_u8(self) -> u8 {
        match self {
            Score::Zero => 0,
            Score::One => 1,
            Score::Two => 2,
            Score::Three => 3,
            Score::Four => 4,
        }
    }
}

impl TryFrom<u8> for Score {
    type Error = u8;

    /// Converts 0–4; any other value is returned as the error.
    fn try_from(value: u8) -> Result<Score, u8> {
        match value {
            0 => Ok(Score::Zero),
            1 => Ok(Score::One),
            2 => Ok(Score::Two),
            3 => Ok(Score::Three),
            4 => Ok(Score::Four),
            other => Err(other),
        }
    }
}

/// Which leak-related patterns the password contains, so the UI can tie them to the leak.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct LeakFlags {
    /// A NIR-shaped number (NIRs leaked).
    pub nir: bool,
    /// A date or year in the chosen sequence (birth dates leaked).
    pub date: bool,
    /// A context word: the insurer's, an operator's or a host-given word.
    pub context_word: bool,
}

impl LeakFlags {
    /// True when any flag is set.
    pub fn any(self) -> bool {
        self.nir || self.date || self.context_word
    }
}

/// Where an estimate stands against the two markers of the CNIL's recommendation on
/// passwords (délibération n° 2022-100): 50 bits for a password with throttled attempts, 80
/// bits for a password alone. zxcvbn's top score (10¹⁰ guesses) is only about 33 bits, so a
/// high score is never read as meeting a bar it does not meet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CnilPosition {
    /// Below 50 bits.
    BelowBoth,
    /// At least 50 bits, below 80.
    AboveFifty,
    /// At least 80 bits.
    AboveBoth,
}

impl CnilPosition {
    /// The marker for a password whose attempts are throttled, in bits.
    pub const THROTTLED_BITS: f64 = 50.0;
    /// The marker for a password alone, in bits.
    pub const ALONE_BITS: f64 = 80.0;

    /// The position of an estimate of `bits` (log2 of the guesses).
    pub fn from_bits(bits: f64) -> CnilPosition {
        if bits >= CnilPosition::ALONE_BITS {
            CnilPosition::AboveBoth
        } else if bits >= CnilPosition::THROTTLED_BITS {
            CnilPosition::AboveFifty
        } else {
            CnilPosition::BelowBoth
        }
    }
}

/// The rating of one password.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    /// The score, 0–4.
    pub score: Score,
    /// Estimated guesses, log10.
    pub guesses_log10: f64,
    /// Estimated guesses in bits (log2), for comparison with CNIL's 13/50/80-bit markers.
    pub bits: f64,
    /// Where `bits` stands against the CNIL's 50- and 80-bit markers.
    pub cnil: CnilPosition,
    /// Time to guess it in the four scenarios.
    pub crack_times: CrackTimes,
    /// Warning and suggestions.
    pub feedback: Feedback,
    /// Leak-related patterns found.
    pub leaks: LeakFlags,
    /// The chosen sequence of patterns, covering the rated characters in order.
    pub sequence: Vec<ScoredMatch>,
    /// Characters rated (at most [`MAX_RATED_CHARS`]).
    pub rated_chars: usize,
    /// Characters in the whole password.
    pub total_chars: usize,
    /// Work counters (for tests and benchmarks).
    pub work: Work,
}

/// Rates `password` in `ctx`. Never panics, and its cost is bounded whatever the input.
pub fn estimate(password: &str, ctx: &Context) -> Estimate {
    let pw = Password::new(password);
    let mut work = Work::default();
    let analysis = analyse(&pw, ctx, 0, &mut work);
    let mut guesses_log10 = analysis.guesses_log10;
    if pw.total_chars > pw.len() && !pw.chars.is_empty() {
        guesses_log10 += (pw.total_chars as f64 / pw.len() as f64).log10();
    }
    let score = Score::from_guesses_log10(guesses_log10);
    let leaks = LeakFlags {
        nir: analysis.nir,
        date: analysis
            .sequence
            .iter()
            .any(|m| matches!(m.pattern, Pattern::Date(_) | Pattern::Year(_))),
        context_word: analysis.context_word,
    };
    let feedback = feedback::feedback(&pw, score, &analysis.sequence, leaks);
    let bits = guesses_log10 * std::f64::consts::LOG2_10;
    Estimate {
        score,
        guesses_log10,
        bits,
        cnil: CnilPosition::from_bits(bits),
        crack_times: CrackTimes::from_guesses_log10(guesses_log10),
        feedback,
        leaks,
        sequence: analysis.sequence,
        rated_chars: pw.len(),
        total_chars: pw.total_chars,
        work,
    }
}

/// The result of matching and searching one (possibly partial) password.
#[derive(Debug)]
pub(crate) struct Analysis {
    pub sequence: Vec<ScoredMatch>,
    pub guesses_log10: f64,
    /// A NIR-shaped number was among the candidates.
    pub nir: bool,
    /// A context word of at least 4 characters was among the candidates, or in the sequence.
    pub context_word: bool,
}

pub(crate) fn analyse(pw: &Password, ctx: &Context, depth: u8, work: &mut Work) -> Analysis {
    // Room for the matches of nine passwords in ten of the benchmark corpus, so that the
    // vector rarely regrows (each regrowth copies every match found so far).
    let mut matches = Vec::with_capacity(16);
    matchers::find_all(pw, ctx, depth, &mut matches, work);
    work.matches += matches.len();
    let is_context = |m: &Match| matches!(&m.pattern, Pattern::Dictionary(d) if d.dictionary == DictionaryName::Context);
    let nir = matches.iter().any(|m| matches!(m.pattern, Pattern::Nir(_)));
    // Written backwards, a short name is only a coincidence ("verte" holds "etre" reversed).
    let forwards = |m: &Match| !matches!(&m.pattern, Pattern::Dictionary(d) if d.reversed);
    let context_candidate = matches
        .iter()
        .any(|m| is_context(m) && forwards(m) && m.range.len() >= 4);
    let search = scoring::minimum_guesses(pw, &matches, ctx.reference_year(), work);
    let context_word = context_candidate
        || search.sequence.iter().any(|m| {
            matches!(&m.pattern, Pattern::Dictionary(d) if d.dictionary == DictionaryName::Context)
        });
    Analysis {
        sequence: search.sequence,
        guesses_log10: search.guesses_log10,
        nir,
        context_word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_thresholds_follow_zxcvbn() {
        assert_eq!(Score::from_guesses_log10(3.0), Score::Zero);
        assert_eq!(Score::from_guesses_log10(3.01), Score::One);
        assert_eq!(Score::from_guesses_log10(9.99), Score::Three);
        assert_eq!(Score::from_guesses_log10(10.01), Score::Four);
    }

    #[test]
    fn the_cnil_position_follows_the_two_markers() {
        assert_eq!(CnilPosition::from_bits(49.9), CnilPosition::BelowBoth);
        assert_eq!(CnilPosition::from_bits(50.0), CnilPosition::AboveFifty);
        assert_eq!(CnilPosition::from_bits(79.9), CnilPosition::AboveFifty);
        assert_eq!(CnilPosition::from_bits(80.0), CnilPosition::AboveBoth);
        let e = estimate("k7#Qv2!mZ9x@Lp4W Tq8$wN3zR6&cY1vB", &Context::new(2024));
        assert_eq!(e.cnil, CnilPosition::from_bits(e.bits));
    }

    #[test]
    fn scores_convert_to_and_from_numbers() {
        for n in 0..=4u8 {
            assert_eq!(Score::try_from(n).map(Score::as_u8), Ok(n));
        }
        assert_eq!(Score::try_from(5), Err(5));
    }

    #[test]
    fn extra_words_are_split_folded_and_joined() {
        let mut tokens = Vec::new();
        tokenize("Harmonie Mutuelle", &mut tokens);
        tokenize("AlmerysPro", &mut tokens);
        tokenize("Sécurité-Sociale", &mut tokens);
        let text: Vec<String> = tokens
            .iter()
            .map(|t| String::from_utf8_lossy(t).into_owned())
            .collect();
        assert_eq!(
            text,
            [
                "harmonie",
                "mutuelle",
                "harmoniemutuelle",
                "almeryspro",
                "almerys",
                "pro",
                "securite",
                "sociale",
                "securitesociale"
            ]
        );
    }

    #[test]
    fn an_empty_password_scores_zero_and_suggests_words() {
        let e = estimate("", &Context::new(2024));
        assert_eq!(e.score, Score::Zero);
        assert!(e.sequence.is_empty());
        assert!(e.feedback.suggestions.contains(&Suggestion::UseWords));
    }

    #[test]
    fn characters_beyond_the_cap_earn_a_small_length_credit() {
        let ctx = Context::new(2024);
        let capped = estimate(&"ab".repeat(MAX_RATED_CHARS / 2), &ctx);
        let longer = estimate(&"ab".repeat(MAX_RATED_CHARS), &ctx);
        assert_eq!(longer.rated_chars, MAX_RATED_CHARS);
        assert!((longer.guesses_log10 - capped.guesses_log10 - 2f64.log10()).abs() < 1e-9);
    }
}
