//! The compact dictionary format and its in-memory lookup structure.
//!
//! # Format (version 1)
//!
//! All integers are LEB128 varints unless noted.
//!
//! ```text
//! magic        6 bytes  "BCDICT"
//! version      u8       1
//! buckets      u8       rank buckets per decade (B)
//! lists        varint   number of lists, then per list: id u8, entries varint
//! words        varint   N, the number of distinct folded words
//! prefixes     N bytes  bytes shared with the previous word (front coding)
//! values       N bytes  list index (3 high bits) and rank bucket (5 low bits)
//! suffixes     rest     each word's remaining bytes, the last one with bit 7 set
//! ```
//!
//! Words are ASCII (folded: lowercase, no accents), strictly increasing in byte order, so the
//! decoded array supports prefix narrowing by binary search. Each word keeps only its best
//! (lowest) rank over all lists, quantised to a bucket `b` of `B` per decade; the decoder
//! uses the bucket's geometric middle, `10^((b + 0.5) / B)`, as the rank. The generator is
//! `tools/build-dictionaries/`; its README records sources, licences and sizes.

use std::fmt;

/// The committed full dictionary asset, for tests and native tools (the browser fetches it).
pub const ASSET_FILE_NAME: &str = "breach-check.dict";

/// A tiny dictionary compiled into the engine so that it rates the most common passwords
/// before the full asset has loaded (or if it never loads).
static BUILTIN: &[u8] = include_bytes!("../../../assets/breach-check-builtin.dict");

const MAGIC: &[u8; 6] = b"BCDICT";
const VERSION: u8 = 1;

/// A word list the estimator knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DictionaryName {
    /// Common passwords from a large global leak (mostly English, some French).
    Passwords,
    /// French words ranked by frequency.
    FrenchWords,
    /// French first names ranked by frequency.
    FrenchFirstNames,
    /// French surnames ranked by frequency.
    FrenchSurnames,
    /// English words ranked by frequency.
    EnglishWords,
    /// English surnames ranked by frequency.
    EnglishSurnames,
    /// Words from the context: the insurer, operators and host-given words.
    Context,
    /// Common passwords of French users (Richelieu: `.fr` addresses in public breaches).
    FrenchPasswords,
}

impl DictionaryName {
    /// Every list, in id order.
    pub const ALL: [DictionaryName; 8] = [
        DictionaryName::Passwords,
        DictionaryName::FrenchPasswords,
        DictionaryName::FrenchWords,
        DictionaryName::FrenchFirstNames,
        DictionaryName::FrenchSurnames,
        DictionaryName::EnglishWords,
        DictionaryName::EnglishSurnames,
        DictionaryName::Context,
    ];

    /// The id used in the encoded format.
    pub fn id(self) -> u8 {
        match self {
            DictionaryName::Passwords => 0,
            DictionaryName::FrenchWords => 1,
            DictionaryName::FrenchFirstNames => 2,
            DictionaryName::FrenchSurnames => 3,
            DictionaryName::EnglishWords => 4,
            DictionaryName::EnglishSurnames => 5,
            DictionaryName::Context => 6,
            DictionaryName::FrenchPasswords => 7,
        }
    }

    /// The list with this id, if any.
    pub fn from_id(id: u8) -> Option<DictionaryName> {
        DictionaryName::ALL.into_iter().find(|d| d.id() == id)
    }

    /// A stable identifier, e.g. for test names.
    pub fn as_str(self) -> &'static str {
        match self {
            DictionaryName::Passwords => "passwords",
            DictionaryName::FrenchWords => "french-words",
            DictionaryName::FrenchFirstNames => "french-first-names",
            DictionaryName::FrenchSurnames => "french-surnames",
            DictionaryName::EnglishWords => "english-words",
            DictionaryName::EnglishSurnames => "english-surnames",
            DictionaryName::Context => "context",
            DictionaryName::FrenchPasswords => "french-passwords",
        }
    }

    /// What kind of list this is, which decides the feedback.
    pub fn kind(self) -> DictionaryKind {
        match self {
            DictionaryName::Passwords | DictionaryName::FrenchPasswords => DictionaryKind::Password,
            DictionaryName::FrenchWords | DictionaryName::EnglishWords => DictionaryKind::Word,
            DictionaryName::FrenchFirstNames
            | DictionaryName::FrenchSurnames
            | DictionaryName::EnglishSurnames => DictionaryKind::Name,
            DictionaryName::Context => DictionaryKind::Context,
        }
    }
}

/// The kind of a word list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DictionaryKind {
    /// Leaked passwords.
    Password,
    /// Ordinary words.
    Word,
    /// First names or surnames.
    Name,
    /// Context words (insurer, operators, host words): tied to the leak.
    Context,
}

/// A word's best list and rank (1 = most common).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The list that ranks the word best.
    pub dictionary: DictionaryName,
    /// The rank in that list (approximate for decoded lists: the middle of its bucket).
    pub rank: u32,
}

/// A list present in a decoded dictionary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListInfo {
    /// Which list.
    pub name: DictionaryName,
    /// How many words the list contributed before merging duplicates.
    pub entries: u32,
}

/// Why a dictionary file could not be decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictError {
    /// The data does not start with the `BCDICT` magic.
    BadMagic,
    /// The format version is not one this decoder reads.
    UnsupportedVersion(u8),
    /// The data ends before a field it announces.
    Truncated,
    /// A list id in the header is unknown, repeated, or too many lists are declared.
    BadList(u8),
    /// A word is empty, holds a byte outside printable ASCII, or its shared prefix is longer
    /// than the previous word.
    BadWord(u32),
    /// Words are not in strictly increasing order (at this index).
    NotSorted(u32),
    /// A value points at a list the header does not declare.
    BadValue(u32),
    /// Bytes remain after the last word.
    TrailingBytes,
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DictError::BadMagic => write!(f, "not a breach-check dictionary (bad magic)"),
            DictError::UnsupportedVersion(v) => write!(f, "unsupported dictionary version {v}"),
            DictError::Truncated => write!(f, "dictionary data is truncated"),
            DictError::BadList(id) => write!(f, "bad list declaration (id {id})"),
            DictError::BadWord(i) => write!(f, "malformed word at index {i}"),
            DictError::NotSorted(i) => write!(f, "words are not sorted at index {i}"),
            DictError::BadValue(i) => write!(f, "word {i} refers to an undeclared list"),
            DictError::TrailingBytes => write!(f, "unexpected bytes after the last word"),
        }
    }
}

impl std::error::Error for DictError {}

/// Decoded word lists, ready for lookups. Decode once and share (it is immutable).
#[derive(Clone, Debug)]
pub struct Dictionaries {
    set: WordSet,
    lists: Vec<ListInfo>,
}

impl Dictionaries {
    /// Decodes an encoded dictionary file (see the module docs for the format).
    pub fn decode(bytes: &[u8]) -> Result<Dictionaries, DictError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(6)? != MAGIC {
            return Err(DictError::BadMagic);
        }
        let version = r.byte()?;
        if version != VERSION {
            return Err(DictError::UnsupportedVersion(version));
        }
        let per_decade = r.byte()?;
        if per_decade == 0 {
            return Err(DictError::Truncated);
        }
        let list_count = r.varint()?;
        if list_count > 8 {
            return Err(DictError::BadList(0));
        }
        let mut lists: Vec<ListInfo> = Vec::new();
        for _ in 0..list_count {
            let id = r.byte()?;
            let name = DictionaryName::from_id(id).ok_or(DictError::BadList(id))?;
            if lists.iter().any(|l| l.name == name) {
                return Err(DictError::BadList(id));
            }
            lists.push(ListInfo {
                name,
                entries: r.varint()?,
            });
        }
        let count = r.varint()?;
        let n = count as usize;
        let prefixes = r.take(n)?;
        let values = r.take(n)?;
        let suffixes = r.rest();

        let ranks: Vec<u32> = (0u32..32).map(|b| bucket_rank(b, per_decade)).collect();
        let mut text: Vec<u8> = Vec::with_capacity(suffixes.len() + n * 3);
        let mut ends: Vec<u32> = Vec::with_capacity(n);
        let mut entries: Vec<Entry> = Vec::with_capacity(n);
        let mut start = 0usize;
        let mut pos = 0usize;
        for i in 0..n {
            let index = u32::try_from(i).unwrap_or(u32::MAX);
            let shared = usize::from(*prefixes.get(i).ok_or(DictError::Truncated)?);
            let prev_len = text.len() - start;
            if shared > prev_len {
                return Err(DictError::BadWord(index));
            }
            let new_start = text.len();
            text.extend_from_within(start..start + shared);
            loop {
                let b = *suffixes.get(pos).ok_or(DictError::Truncated)?;
                pos += 1;
                let c = b & 0x7f;
                if !(0x21..=0x7e).contains(&c) {
                    return Err(DictError::BadWord(index));
                }
                text.push(c);
                if b & 0x80 != 0 {
                    break;
                }
            }
            if i > 0 {
                let prev = text.get(start..new_start).unwrap_or(&[]);
                let word = text.get(new_start..).unwrap_or(&[]);
                if prev >= word {
                    return Err(DictError::NotSorted(index));
                }
            }
            start = new_start;
            ends.push(u32::try_from(text.len()).map_err(|_| DictError::Truncated)?);
            let value = *values.get(i).ok_or(DictError::Truncated)?;
            let list = lists
                .get(usize::from(value >> 5))
                .ok_or(DictError::BadValue(index))?;
            let rank = *ranks
                .get(usize::from(value & 0x1f))
                .ok_or(DictError::BadValue(index))?;
            entries.push(Entry {
                dictionary: list.name,
                rank,
            });
        }
        if pos != suffixes.len() {
            return Err(DictError::TrailingBytes);
        }
        Ok(Dictionaries {
            set: WordSet::from_sorted(text, ends, entries),
            lists,
        })
    }

    /// The small dictionary compiled into the engine (the most common passwords and words).
    pub fn builtin() -> Dictionaries {
        // The built-in asset is checked by a unit test; an error here would only mean a
        // broken build, and an empty dictionary is a safe fallback.
        Dictionaries::decode(BUILTIN).unwrap_or_else(|_| Dictionaries::empty())
    }

    /// A dictionary with no words.
    pub fn empty() -> Dictionaries {
        Dictionaries {
            set: WordSet::default(),
            lists: Vec::new(),
        }
    }

    /// Looks up one word; the word is folded (case, accents) first.
    pub fn lookup(&self, word: &str) -> Option<Entry> {
        let folded = fold_token(word)?;
        self.set.get(&folded)
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.set.len()
    }

    /// True when there are no words.
    pub fn is_empty(&self) -> bool {
        self.set.len() == 0
    }

    /// The lists this dictionary was built from.
    pub fn lists(&self) -> &[ListInfo] {
        &self.lists
    }

    pub(crate) fn words(&self) -> &WordSet {
        &self.set
    }
}

/// Folds a token (case, accents) to ASCII; `None` if a character has no ASCII folding.
pub(crate) fn fold_token(word: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(word.len());
    for c in word.chars() {
        match crate::text::fold_char(c) {
            crate::text::Fold::Skip => {}
            crate::text::Fold::One(b) => out.push(b),
            crate::text::Fold::Two(a, b) => out.extend_from_slice(&[a, b]),
            crate::text::Fold::None => return None,
        }
    }
    Some(out)
}

fn bucket_rank(bucket: u32, per_decade: u8) -> u32 {
    let exponent = (f64::from(bucket) + 0.5) / f64::from(per_decade);
    let rank = 10f64.powf(exponent).round();
    if rank < 1.0 {
        1
    } else if rank > f64::from(u32::MAX) {
        u32::MAX
    } else {
        rank as u32
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], DictError> {
        let end = self.pos.checked_add(n).ok_or(DictError::Truncated)?;
        let slice = self.bytes.get(self.pos..end).ok_or(DictError::Truncated)?;
        self.pos = end;
        Ok(slice)
    }

    fn byte(&mut self) -> Result<u8, DictError> {
        Ok(*self.take(1)?.first().ok_or(DictError::Truncated)?)
    }

    fn varint(&mut self) -> Result<u32, DictError> {
        let mut value: u64 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return u32::try_from(value).map_err(|_| DictError::Truncated);
            }
        }
        Err(DictError::Truncated)
    }

    fn rest(&mut self) -> &'a [u8] {
        let rest = self.bytes.get(self.pos..).unwrap_or(&[]);
        self.pos = self.bytes.len();
        rest
    }
}

/// A sorted set of ASCII words with one entry each, searchable by prefix narrowing.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordSet {
    text: Vec<u8>,
    /// End offset of each word in `text`; word `i` starts where word `i - 1` ends.
    ends: Vec<u32>,
    entries: Vec<Entry>,
    /// `first[b]..first[b + 1]` are the words starting with byte `b` (ASCII only).
    first: Vec<u32>,
    /// For each pair of printable bytes, the range of words starting with it (empty: 0..0).
    pairs: Vec<(u32, u32)>,
}

/// Printable ASCII, the only bytes words hold.
const PRINTABLE: std::ops::RangeInclusive<u8> = 0x21..=0x7e;
const PRINTABLE_COUNT: usize = 94;

fn pair_index(a: u8, b: u8) -> Option<usize> {
    if PRINTABLE.contains(&a) && PRINTABLE.contains(&b) {
        Some(usize::from(a - 0x21) * PRINTABLE_COUNT + usize::from(b - 0x21))
    } else {
        None
    }
}

/// A range of words sharing a prefix of `depth` bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cursor {
    lo: u32,
    hi: u32,
    depth: u32,
}

impl WordSet {
    fn from_sorted(text: Vec<u8>, ends: Vec<u32>, entries: Vec<Entry>) -> WordSet {
        let mut first = vec![0u32; 130];
        let mut start = 0usize;
        // Count words per first byte, then prefix-sum into start offsets.
        for &end in &ends {
            if let Some(&b) = text.get(start)
                && let Some(slot) = first.get_mut(usize::from(b.min(127)) + 1)
            {
                *slot += 1;
            }
            start = end as usize;
        }
        for i in 1..first.len() {
            let prev = first.get(i - 1).copied().unwrap_or(0);
            if let Some(slot) = first.get_mut(i) {
                *slot += prev;
            }
        }
        let mut set = WordSet {
            text,
            ends,
            entries,
            first,
            pairs: Vec::new(),
        };
        let mut pairs = vec![(0u32, 0u32); PRINTABLE_COUNT * PRINTABLE_COUNT];
        for i in 0..u32::try_from(set.len()).unwrap_or(u32::MAX) {
            let word = set.word(i);
            let (Some(&a), Some(&b)) = (word.first(), word.get(1)) else {
                continue;
            };
            if let Some(slot) = pair_index(a, b).and_then(|p| pairs.get_mut(p)) {
                if slot.0 == slot.1 {
                    *slot = (i, i + 1);
                } else {
                    slot.1 = i + 1;
                }
            }
        }
        set.pairs = pairs;
        set
    }

    /// Builds a set from unsorted words; duplicates keep their best (lowest) rank.
    pub fn from_words(mut words: Vec<(Vec<u8>, Entry)>) -> WordSet {
        words.retain(|(w, _)| !w.is_empty() && w.iter().all(|b| (0x21..=0x7e).contains(b)));
        words.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.rank.cmp(&b.1.rank)));
        words.dedup_by(|later, earlier| later.0 == earlier.0);
        let mut text = Vec::new();
        let mut ends = Vec::with_capacity(words.len());
        let mut entries = Vec::with_capacity(words.len());
        for (word, entry) in words {
            text.extend_from_slice(&word);
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
            entries.push(entry);
        }
        WordSet::from_sorted(text, ends, entries)
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    fn word(&self, i: u32) -> &[u8] {
        let i = i as usize;
        let start = if i == 0 {
            0
        } else {
            self.ends.get(i - 1).copied().unwrap_or(0) as usize
        };
        let end = self.ends.get(i).copied().unwrap_or(0) as usize;
        self.text.get(start..end).unwrap_or(&[])
    }

    /// The cursor for the empty prefix.
    pub fn root(&self) -> Cursor {
        Cursor {
            lo: 0,
            hi: u32::try_from(self.len()).unwrap_or(u32::MAX),
            depth: 0,
        }
    }

    /// Narrows `cur` to the words whose next byte is `b`; `None` when no word continues so.
    pub fn step(&self, cur: Cursor, b: u8) -> Option<Cursor> {
        if cur.depth == 0 && b < 128 {
            let lo = *self.first.get(usize::from(b))?;
            let hi = *self.first.get(usize::from(b) + 1)?;
            return (lo < hi).then_some(Cursor { lo, hi, depth: 1 });
        }
        if cur.depth == 1 {
            // Depth-1 cursors always span every word with their first byte.
            let a = *self.word(cur.lo).first()?;
            let &(lo, hi) = self.pairs.get(pair_index(a, b)?)?;
            return (lo < hi).then_some(Cursor { lo, hi, depth: 2 });
        }
        let d = cur.depth as usize;
        // Byte at depth d, or None for the word that ends at d (it sorts first).
        let key = |i: u32| self.word(i).get(d).copied();
        let lo = partition(cur.lo, cur.hi, |i| key(i).is_none_or(|k| k < b));
        let hi = partition(lo, cur.hi, |i| key(i).is_some_and(|k| k <= b));
        (lo < hi).then_some(Cursor {
            lo,
            hi,
            depth: cur.depth + 1,
        })
    }

    /// The entry of the word equal to the cursor's prefix, if that word exists.
    pub fn exact(&self, cur: Cursor) -> Option<Entry> {
        if cur.lo < cur.hi && self.word(cur.lo).len() == cur.depth as usize {
            self.entries.get(cur.lo as usize).copied()
        } else {
            None
        }
    }

    /// Exact lookup of a folded word.
    pub fn get(&self, word: &[u8]) -> Option<Entry> {
        let mut cur = self.root();
        for &b in word {
            cur = self.step(cur, b)?;
        }
        self.exact(cur)
    }
}

/// The first index in `lo..hi` for which `pred` is false (`pred` must be monotone).
fn partition(mut lo: u32, mut hi: u32, pred: impl Fn(u32) -> bool) -> u32 {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> WordSet {
        WordSet::from_words(
            words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let rank = u32::try_from(i + 1).unwrap_or(u32::MAX);
                    (
                        w.as_bytes().to_vec(),
                        Entry {
                            dictionary: DictionaryName::Context,
                            rank,
                        },
                    )
                })
                .collect(),
        )
    }

    #[test]
    fn prefix_narrowing_finds_words_and_their_extensions() {
        let s = set(&["mot", "motdepasse", "moto", "azerty", "a1"]);
        let mut cur = s.root();
        let mut found = Vec::new();
        for &b in b"motdepasse" {
            match s.step(cur, b) {
                Some(next) => cur = next,
                None => break,
            }
            if let Some(e) = s.exact(cur) {
                found.push(e.rank);
            }
        }
        assert_eq!(found, vec![1, 2]);
        assert_eq!(s.get(b"moto").map(|e| e.rank), Some(3));
        assert_eq!(s.get(b"mo"), None);
        assert_eq!(s.get(b"a1").map(|e| e.rank), Some(5));
    }

    #[test]
    fn duplicate_words_keep_their_best_rank() {
        let s = set(&["zz", "aa", "zz"]);
        assert_eq!(s.len(), 2);
        assert_eq!(s.get(b"zz").map(|e| e.rank), Some(1));
    }

    #[test]
    fn the_builtin_dictionary_decodes() {
        let d = Dictionaries::decode(BUILTIN);
        assert!(d.is_ok(), "{d:?}");
        assert!(Dictionaries::builtin().len() > 100);
    }

    #[test]
    fn garbage_is_rejected_without_panicking() {
        assert_eq!(Dictionaries::decode(b"").err(), Some(DictError::Truncated));
        assert_eq!(
            Dictionaries::decode(b"NOTADICT").err(),
            Some(DictError::BadMagic)
        );
        let mut bytes = BUILTIN.to_vec();
        bytes.truncate(bytes.len() / 2);
        assert!(Dictionaries::decode(&bytes).is_err());
        for cut in 0..BUILTIN.len().min(64) {
            let _ = Dictionaries::decode(BUILTIN.get(..cut).unwrap_or(&[]));
        }
    }

    #[test]
    fn bucket_ranks_grow_geometrically() {
        assert_eq!(bucket_rank(0, 4), 1);
        assert!(bucket_rank(4, 4) > 10 && bucket_rank(4, 4) < 18);
    }
}
