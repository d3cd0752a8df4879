//! The password meter across a module boundary: what the widget sends the estimator's own
//! wasm module on each keystroke, and the rating it gets back, as compact bytes.
//!
//! The estimator (the matchers, the scoring, the feedback texts and the built-in word list)
//! is not needed to show the form, and most visitors never type a password, so it ships as
//! a module of its own, `breach-check-password.wasm`, fetched when a visitor first uses a
//! password section (engines/password). That module has no glue and no imports: it exports
//! `memory`, `alloc`, `rate` and `dictionary`, and speaks this format. The widget encodes a
//! request with [`encode_request`] and reads a [`Rated`] with [`decode_answer`]; the engine
//! keeps a [`Rater`], which also holds the full dictionaries once the loader handed them
//! over.
//!
//! The answer carries the estimator's texts already in the request's language (the crack
//! times, the warning, the suggestions), so that the widget's module holds none of them.
//!
//! # Format
//!
//! Both messages start with [`VERSION`]. Integers are `u32` little-endian; a string is its
//! byte length then its UTF-8 bytes; an optional value is a `0`/`1` byte then the value; a
//! list is its length then its items. Decoding checks every length against the bytes left and
//! every index against its set, so damaged bytes give a [`WireError`], never a panic.
//!
//! - request: version, language index, reference year (`i32` as its `u32` bits), the context
//!   words (a list of strings), the password;
//! - answer: version, score (0–4), guesses as hundredths of log10, bits (rounded), CNIL
//!   position index, whether the full dictionaries rated it, the throttled-online and
//!   fast-offline crack times in words, the warning (optional), the suggestions (a list),
//!   the leak flags (bit 0 NIR, bit 1 date, bit 2 context word).

use std::sync::Arc;

use crate::i18n::Lang;

use super::{CnilPosition, Context, DictError, Dictionaries, LeakFlags, Score, estimate};

/// The format's version, the first byte of every request and answer: the widget and the
/// engine module of one bundle always agree, and a mismatch is an error, not a misreading.
pub const VERSION: u8 = 1;

/// The CNIL positions in the order of their wire index.
const CNIL: [CnilPosition; 3] = [
    CnilPosition::BelowBoth,
    CnilPosition::AboveFifty,
    CnilPosition::AboveBoth,
];

/// Why bytes could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireError {
    /// The first byte is not [`VERSION`].
    Version,
    /// The bytes end before the message does.
    Truncated,
    /// A string is not UTF-8.
    Utf8,
    /// An index or a flag byte is out of range.
    BadValue,
    /// Bytes are left over after the message.
    TrailingBytes,
}

/// One password's rating, as the meter and the feedback show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rated {
    /// The score (`data-score`, `aria-valuenow`).
    pub score: Score,
    /// log10 of the estimated guesses, in hundredths (`data-guesses-log10` is written from
    /// it with two decimals, without float formatting).
    pub guesses_log10_hundredths: u32,
    /// The estimate in bits, rounded.
    pub bits: u32,
    /// Where the bits stand against the CNIL's markers.
    pub cnil: CnilPosition,
    /// Rated with the full dictionaries (else with the built-in list alone).
    pub full_dictionaries: bool,
    /// The time to guess it online, throttled, in words.
    pub online_throttled: String,
    /// The time to guess it offline on a fast hash, in words.
    pub offline_fast_hash: String,
    /// The main problem, in words.
    pub warning: Option<String>,
    /// What to do about it, most useful first, in words.
    pub suggestions: Vec<String>,
    /// The leak-related patterns found.
    pub leaks: LeakFlags,
}

impl Rated {
    /// [`Rated::guesses_log10_hundredths`] with two decimals (`"6.42"`).
    pub fn guesses_log10_text(&self) -> String {
        let hundredths = self.guesses_log10_hundredths;
        format!("{}.{:02}", hundredths / 100, hundredths % 100)
    }
}

/// The request for `password`, in `lang`, with the context words and the year.
pub fn encode_request(
    lang: Lang,
    reference_year: i32,
    words: &[String],
    password: &str,
) -> Vec<u8> {
    let mut out = Writer(Vec::with_capacity(password.len() + 16 * words.len() + 16));
    out.u8(VERSION);
    out.u8(if lang == Lang::En { 1 } else { 0 });
    out.0.extend_from_slice(&reference_year.to_le_bytes());
    out.u32(words.len());
    for word in words {
        out.str(word);
    }
    out.str(password);
    out.0
}

/// A decoded request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request<'a> {
    /// The language to answer in.
    pub lang: Lang,
    /// This year.
    pub reference_year: i32,
    /// The context words.
    pub words: Vec<&'a str>,
    /// The password.
    pub password: &'a str,
}

/// Reads a request.
pub fn decode_request(bytes: &[u8]) -> Result<Request<'_>, WireError> {
    let mut input = Reader::new(bytes)?;
    let lang = *Lang::ALL
        .get(usize::from(input.u8()?))
        .ok_or(WireError::BadValue)?;
    let year: [u8; 4] = input
        .take(4)?
        .try_into()
        .map_err(|_| WireError::Truncated)?;
    let words = input.list(Reader::str)?;
    let password = input.str()?;
    input.end()?;
    Ok(Request {
        lang,
        reference_year: i32::from_le_bytes(year),
        words,
        password,
    })
}

/// The bytes of a rating.
pub fn encode_answer(rated: &Rated) -> Vec<u8> {
    let mut out = Writer(Vec::with_capacity(256));
    out.u8(VERSION);
    out.u8(rated.score.as_u8());
    out.u32(rated.guesses_log10_hundredths as usize);
    out.u32(rated.bits as usize);
    out.u8(CNIL.iter().position(|c| *c == rated.cnil).unwrap_or(0) as u8);
    out.u8(u8::from(rated.full_dictionaries));
    out.str(&rated.online_throttled);
    out.str(&rated.offline_fast_hash);
    match &rated.warning {
        None => out.u8(0),
        Some(warning) => {
            out.u8(1);
            out.str(warning);
        }
    }
    out.u32(rated.suggestions.len());
    for suggestion in &rated.suggestions {
        out.str(suggestion);
    }
    let leaks = rated.leaks;
    out.u8(u8::from(leaks.nir) | (u8::from(leaks.date) << 1) | (u8::from(leaks.context_word) << 2));
    out.0
}

/// Reads a rating.
pub fn decode_answer(bytes: &[u8]) -> Result<Rated, WireError> {
    let mut input = Reader::new(bytes)?;
    let score = Score::try_from(input.u8()?).map_err(|_| WireError::BadValue)?;
    let guesses_log10_hundredths = input.u32()?;
    let bits = input.u32()?;
    let cnil = *CNIL
        .get(usize::from(input.u8()?))
        .ok_or(WireError::BadValue)?;
    let full_dictionaries = input.flag()?;
    let online_throttled = input.str()?.to_owned();
    let offline_fast_hash = input.str()?.to_owned();
    let warning = if input.flag()? {
        Some(input.str()?.to_owned())
    } else {
        None
    };
    let suggestions = input
        .list(Reader::str)?
        .into_iter()
        .map(str::to_owned)
        .collect();
    let leaks = input.u8()?;
    if leaks > 0b111 {
        return Err(WireError::BadValue);
    }
    input.end()?;
    Ok(Rated {
        score,
        guesses_log10_hundredths,
        bits,
        cnil,
        full_dictionaries,
        online_throttled,
        offline_fast_hash,
        warning,
        suggestions,
        leaks: LeakFlags {
            nir: leaks & 1 != 0,
            date: leaks & 2 != 0,
            context_word: leaks & 4 != 0,
        },
    })
}

/// The engine's side: rates requests, with the full dictionaries once they are given.
///
/// The estimator's [`Context`] (the context words split and folded, the dictionaries) is
/// built once and kept while the requests bring the same words and year, so a keystroke
/// costs the estimate alone.
#[derive(Debug, Default)]
pub struct Rater {
    dictionaries: Option<Arc<Dictionaries>>,
    /// The last context, with the request bytes it was built from (year and words).
    context: Option<(Vec<u8>, Context)>,
}

impl Rater {
    /// Decodes the dictionary file and rates with it from now on; a file that does not
    /// decode leaves the built-in list in use.
    pub fn load_dictionaries(&mut self, bytes: &[u8]) -> Result<(), DictError> {
        let dictionaries = Dictionaries::decode(bytes)?;
        self.dictionaries = Some(Arc::new(dictionaries));
        self.context = None;
        Ok(())
    }

    /// Whether the full dictionaries are in use.
    pub fn has_dictionaries(&self) -> bool {
        self.dictionaries.is_some()
    }

    /// Reads a request, rates its password and answers in bytes. Damaged request bytes give
    /// an answer the widget reads as an error (a lone zero byte, no [`VERSION`]).
    pub fn answer(&mut self, request: &[u8]) -> Vec<u8> {
        let Ok(decoded) = decode_request(request) else {
            return vec![0];
        };
        // The year and the words: everything of the request between the language and the
        // password.
        let key_end = request.len() - decoded.password.len() - 4;
        let key = &request[2..key_end];
        let context = match &self.context {
            Some((built_from, context)) if built_from == key => context,
            _ => {
                let context = Context::new(decoded.reference_year).with_extra_words(&decoded.words);
                let context = match &self.dictionaries {
                    Some(full) => context.with_dictionaries(Arc::clone(full)),
                    None => context,
                };
                &self.context.insert((key.to_vec(), context)).1
            }
        };
        let lang = decoded.lang;
        let rated = estimate(decoded.password, context);
        let hundredths = (rated.guesses_log10.max(0.0) * 100.0).round();
        encode_answer(&Rated {
            score: rated.score,
            guesses_log10_hundredths: hundredths.min(f64::from(u32::MAX)) as u32,
            bits: rated.bits.max(0.0).round().min(f64::from(u32::MAX)) as u32,
            cnil: rated.cnil,
            full_dictionaries: self.dictionaries.is_some(),
            online_throttled: rated.crack_times.online_throttled.display.text(lang),
            offline_fast_hash: rated.crack_times.offline_fast_hash.display.text(lang),
            warning: rated.feedback.warning.map(|w| w.text(lang).to_owned()),
            suggestions: rated
                .feedback
                .suggestions
                .iter()
                .map(|s| s.text(lang).to_owned())
                .collect(),
            leaks: rated.leaks,
        })
    }
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, value: u8) {
        self.0.push(value);
    }

    fn u32(&mut self, value: usize) {
        let value = u32::try_from(value).unwrap_or(u32::MAX);
        self.0.extend_from_slice(&value.to_le_bytes());
    }

    fn str(&mut self, text: &str) {
        self.u32(text.len());
        self.0.extend_from_slice(text.as_bytes());
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Result<Reader<'a>, WireError> {
        let mut reader = Reader { bytes };
        if reader.u8()? != VERSION {
            return Err(WireError::Version);
        }
        Ok(reader)
    }

    fn take(&mut self, count: usize) -> Result<&'a [u8], WireError> {
        if count > self.bytes.len() {
            return Err(WireError::Truncated);
        }
        let (head, rest) = self.bytes.split_at(count);
        self.bytes = rest;
        Ok(head)
    }

    fn u8(&mut self) -> Result<u8, WireError> {
        Ok(self.take(1)?[0])
    }

    fn flag(&mut self) -> Result<bool, WireError> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(WireError::BadValue),
        }
    }

    fn u32(&mut self) -> Result<u32, WireError> {
        let bytes: [u8; 4] = self.take(4)?.try_into().map_err(|_| WireError::Truncated)?;
        Ok(u32::from_le_bytes(bytes))
    }

    fn str(&mut self) -> Result<&'a str, WireError> {
        let len = usize::try_from(self.u32()?).map_err(|_| WireError::BadValue)?;
        std::str::from_utf8(self.take(len)?).map_err(|_| WireError::Utf8)
    }

    fn list<T>(
        &mut self,
        mut read: impl FnMut(&mut Reader<'a>) -> Result<T, WireError>,
    ) -> Result<Vec<T>, WireError> {
        let count = usize::try_from(self.u32()?).map_err(|_| WireError::BadValue)?;
        // Every item takes at least four bytes: a count beyond the bytes left is damage, and
        // must not reserve memory for it.
        if count > self.bytes.len() / 4 {
            return Err(WireError::Truncated);
        }
        let mut items = Vec::with_capacity(count);
        for _ in 0..count {
            items.push(read(self)?);
        }
        Ok(items)
    }

    fn end(&self) -> Result<(), WireError> {
        if self.bytes.is_empty() {
            Ok(())
        } else {
            Err(WireError::TrailingBytes)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> Vec<String> {
        ["Mutami", "Viamedis", "Almerys"]
            .map(str::to_owned)
            .to_vec()
    }

    #[test]
    fn a_request_reads_back_as_it_was_written() {
        let request = encode_request(Lang::En, 2026, &words(), "Mot de passe ✓");
        let decoded = decode_request(&request).expect("a request");
        assert_eq!(decoded.lang, Lang::En);
        assert_eq!(decoded.reference_year, 2026);
        assert_eq!(decoded.words, ["Mutami", "Viamedis", "Almerys"]);
        assert_eq!(decoded.password, "Mot de passe ✓");
    }

    #[test]
    fn the_rater_answers_what_the_estimator_says_in_the_request_language() {
        let mut rater = Rater::default();
        let answer = rater.answer(&encode_request(Lang::Fr, 2026, &words(), "Mutami2015"));
        let rated = decode_answer(&answer).expect("a rating");
        let context = Context::new(2026).with_extra_words(&["Mutami", "Viamedis", "Almerys"]);
        let expected = estimate("Mutami2015", &context);
        assert_eq!(rated.score, expected.score);
        assert_eq!(
            rated.guesses_log10_hundredths,
            (expected.guesses_log10 * 100.0).round() as u32
        );
        assert_eq!(rated.cnil, expected.cnil);
        assert_eq!(rated.leaks, expected.leaks);
        assert!(rated.leaks.context_word);
        assert!(!rated.full_dictionaries);
        assert_eq!(
            rated.warning.as_deref(),
            expected.feedback.warning.map(|w| w.text(Lang::Fr))
        );
        assert_eq!(
            rated.online_throttled,
            expected.crack_times.online_throttled.display.text(Lang::Fr)
        );
        assert_eq!(rated.suggestions.len(), expected.feedback.suggestions.len());
        // Every answer is encoded and decoded the same way.
        assert_eq!(decode_answer(&encode_answer(&rated)), Ok(rated));
    }

    #[test]
    fn the_context_is_rebuilt_when_the_words_change() {
        let mut rater = Rater::default();
        let rate = |rater: &mut Rater, words: &[String]| {
            decode_answer(&rater.answer(&encode_request(Lang::En, 2026, words, "kalixia2019")))
                .expect("a rating")
        };
        let without = rate(&mut rater, &words());
        let with = rate(&mut rater, &["Kalixia".to_owned()]);
        assert!(!without.leaks.context_word && with.leaks.context_word);
        assert!(with.guesses_log10_hundredths < without.guesses_log10_hundredths);
    }

    #[test]
    fn the_full_dictionaries_rate_once_loaded_and_a_bad_file_is_refused() {
        let mut rater = Rater::default();
        assert!(rater.load_dictionaries(b"not a dictionary").is_err());
        assert!(!rater.has_dictionaries());
        let bytes = include_bytes!("../../assets/breach-check.dict");
        rater.load_dictionaries(bytes).expect("the asset decodes");
        let answer = rater.answer(&encode_request(Lang::Fr, 2026, &[], "soleil"));
        assert!(decode_answer(&answer).expect("a rating").full_dictionaries);
    }

    #[test]
    fn damaged_bytes_are_errors_not_panics() {
        let request = encode_request(Lang::Fr, 2026, &words(), "motdepasse");
        let mut rater = Rater::default();
        for cut in 0..request.len() {
            assert!(decode_request(&request[..cut]).is_err(), "cut at {cut}");
            assert!(decode_answer(&rater.answer(&request[..cut])).is_err());
        }
        let answer = rater.answer(&request);
        for cut in 0..answer.len() {
            assert!(decode_answer(&answer[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = answer.clone();
        longer.push(0);
        assert_eq!(decode_answer(&longer), Err(WireError::TrailingBytes));
        let mut other = answer;
        other[0] = VERSION + 1;
        assert_eq!(decode_answer(&other), Err(WireError::Version));
        // A count that claims more items than bytes reserves nothing.
        let mut huge = vec![VERSION, 0, 0, 0, 0, 0];
        huge.extend_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(decode_request(&huge), Err(WireError::Truncated));
    }

    #[test]
    fn two_decimals_come_from_the_hundredths() {
        let mut rater = Rater::default();
        let rated =
            decode_answer(&rater.answer(&encode_request(Lang::Fr, 2026, &[], "x"))).expect("ok");
        let text = Rated {
            guesses_log10_hundredths: 705,
            ..rated
        }
        .guesses_log10_text();
        assert_eq!(text, "7.05");
    }
}
