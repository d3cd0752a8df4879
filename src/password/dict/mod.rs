//! The compact dictionary format and its in-memory lookup structure.
//!
//! # Format (version 2)
//!
//! All integers are LEB128 varints unless noted.
//!
//! ```text
//! magic        6 bytes  "BCDICT"
//! version      u8       2
//! ranks        u8 K (1–32), then K varints: the rank each bucket stands for, increasing
//! lists        varint   number of lists, then per list: id u8, entries varint
//! words        varint   N, the number of distinct folded words
//! prefixes     N bytes  bytes shared with the previous word (front coding)
//! values       N bytes  list index (3 high bits) and rank bucket (5 low bits)
//! suffixes     rest     each word's remaining bytes, the last one with bit 7 set
//! ```
//!
//! Words are ASCII (folded: lowercase, no accents), strictly increasing in byte order. Each
//! word keeps only its best (lowest) rank over all lists, quantised to a bucket; the header's
//! table gives each bucket's rank, so the generator chooses the buckets (fine among the
//! common words, where a rank decides a score, coarse among the rare ones). Version 1 had a
//! fixed three buckets per decade.
//!
//! The decoder builds a trie in one linear pass (see [`WordSet`]): a front-coded, sorted
//! list appends each word's new bytes as a chain of nodes, so nothing is sorted or copied.
//! The generator is `tools/build-dictionaries/`; its README records sources, licences and
//! sizes.

use std::fmt;

/// The committed full dictionary asset, for tests and native tools (the browser fetches it).
pub const ASSET_FILE_NAME: &str = "breach-check.dict";

/// A tiny dictionary compiled into the engine so that it rates the most common passwords
/// before the full asset has loaded (or if it never loads).
static BUILTIN: &[u8] = include_bytes!("../../../assets/breach-check-builtin.dict");

const MAGIC: &[u8; 6] = b"BCDICT";
const VERSION: u8 = 2;
/// At most this many rank buckets (the value byte holds 5 bits of bucket).
const BUCKETS: usize = 32;

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
    /// The rank table is empty, longer than 32, or not increasing.
    BadRanks,
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
            DictError::BadRanks => write!(f, "bad rank table"),
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
        let bucket_count = usize::from(r.byte()?);
        if bucket_count == 0 || bucket_count > BUCKETS {
            return Err(DictError::BadRanks);
        }
        let mut ranks: Vec<u32> = Vec::with_capacity(bucket_count);
        for _ in 0..bucket_count {
            let rank = r.varint()?;
            if rank == 0 || ranks.last().is_some_and(|&last| rank <= last) {
                return Err(DictError::BadRanks);
            }
            ranks.push(rank);
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

        // Each suffix byte becomes one node.
        let mut builder = Builder::with_capacity(n, suffixes.len());
        let mut pos = 0usize;
        for (i, (&shared, &value)) in prefixes.iter().zip(values).enumerate() {
            let index = u32::try_from(i).unwrap_or(u32::MAX);
            let shared = usize::from(shared);
            if shared > builder.previous_len() {
                return Err(DictError::BadWord(index));
            }
            let rest = suffixes.get(pos..).ok_or(DictError::Truncated)?;
            let len = rest
                .iter()
                .position(|b| b & 0x80 != 0)
                .ok_or(DictError::Truncated)?
                + 1;
            let suffix = rest.get(..len).ok_or(DictError::Truncated)?;
            pos += len;
            if !suffix.iter().all(|b| PRINTABLE.contains(&(b & 0x7f))) {
                return Err(DictError::BadWord(index));
            }
            let list = lists
                .get(usize::from(value >> 5))
                .ok_or(DictError::BadValue(index))?;
            let rank = *ranks
                .get(usize::from(value & 0x1f))
                .ok_or(DictError::BadValue(index))?;
            let entry = Entry {
                dictionary: list.name,
                rank,
            };
            builder
                .push(shared, suffix, entry)
                .map_err(|()| DictError::NotSorted(index))?;
        }
        if pos != suffixes.len() {
            return Err(DictError::TrailingBytes);
        }
        Ok(Dictionaries {
            set: builder.finish(),
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

    /// Every word (folded) with its entry, in byte order: what the file holds, decoded.
    pub fn entries(&self) -> impl Iterator<Item = (String, Entry)> + '_ {
        self.set
            .iter()
            .map(|(word, entry)| (String::from_utf8_lossy(&word).into_owned(), entry))
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

/// A set of ASCII words with one entry each, stored as a trie in depth-first order, so a
/// walk from any position of the password narrows by one child per byte read.
///
/// Nodes are laid out in preorder: a node's first child, when it has one, is the next node;
/// its later siblings are chained by `next`, in increasing byte order. Words arrive sorted
/// (the file is sorted; [`WordSet::from_words`] sorts), so each word only appends nodes: a
/// decoder pass is linear and needs no sorting, hashing or copying of earlier words.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordSet {
    nodes: Vec<Node>,
    entries: Vec<Entry>,
    /// The root's child for each ASCII byte, or [`NONE`].
    first: Vec<u32>,
    /// For each pair of printable bytes, the node two levels down, or [`NONE`].
    pairs: Vec<u32>,
    words: usize,
}

/// One trie node: the byte on the edge into it, its next sibling, and the word ending here.
#[derive(Clone, Copy, Debug)]
struct Node {
    next: u32,
    /// Index into `entries` when a word ends here, else [`NONE`].
    entry: u32,
    label: u8,
    has_child: bool,
}

/// No node, or no entry.
const NONE: u32 = u32::MAX;

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

/// The words sharing a prefix: the trie node reached by it (or the root).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cursor {
    node: u32,
    depth: u32,
}

/// Builds a [`WordSet`] from words given in strictly increasing byte order.
struct Builder {
    set: WordSet,
    /// The node at each depth of the previous word.
    path: Vec<u32>,
}

impl Builder {
    /// A builder for `words` words of `nodes` bytes after their shared prefixes.
    fn with_capacity(words: usize, nodes: usize) -> Builder {
        Builder {
            set: WordSet {
                nodes: Vec::with_capacity(nodes),
                entries: Vec::with_capacity(words),
                first: vec![NONE; 128],
                pairs: Vec::new(),
                words: 0,
            },
            path: Vec::new(),
        }
    }

    /// The previous word's length.
    fn previous_len(&self) -> usize {
        self.path.len()
    }

    /// Appends a word that shares `shared` bytes with the previous one and continues with
    /// `rest` (non-empty; bit 7 of each byte is ignored, so a file's suffix can be passed
    /// as it is). `Err(())` when the word would not sort after the previous one.
    fn push(&mut self, shared: usize, rest: &[u8], entry: Entry) -> Result<(), ()> {
        let head = rest.first().ok_or(())? & 0x7f;
        let count = u32::try_from(self.set.nodes.len()).map_err(|_| ())?;
        let len = u32::try_from(rest.len()).map_err(|_| ())?;
        let entry_index = u32::try_from(self.set.entries.len()).map_err(|_| ())?;
        if let Some(&sibling) = self.path.get(shared) {
            // The previous word goes on past the shared prefix: this word's first new byte
            // is that node's next sibling, and must sort after it.
            let node = self.set.nodes.get_mut(sibling as usize).ok_or(())?;
            if node.label >= head {
                return Err(());
            }
            node.next = count;
        } else if shared != self.path.len() {
            return Err(());
        } else if let Some(&parent) = shared.checked_sub(1).and_then(|d| self.path.get(d)) {
            // The previous word ended at `parent`, the last node written: this is its first
            // child, the next node in preorder.
            if let Some(node) = self.set.nodes.get_mut(parent as usize) {
                node.has_child = true;
            }
        }
        if shared == 0
            && let Some(slot) = self.set.first.get_mut(usize::from(head))
        {
            *slot = count;
        }
        self.path.truncate(shared);
        let last = rest.len() - 1;
        self.set
            .nodes
            .extend(rest.iter().enumerate().map(|(i, &b)| Node {
                next: NONE,
                entry: if i == last { entry_index } else { NONE },
                label: b & 0x7f,
                has_child: i != last,
            }));
        self.path.extend(count..count.saturating_add(len));
        self.set.entries.push(entry);
        self.set.words += 1;
        Ok(())
    }

    fn finish(mut self) -> WordSet {
        let mut pairs = vec![NONE; PRINTABLE_COUNT * PRINTABLE_COUNT];
        for a in PRINTABLE {
            let mut child = self
                .set
                .child(*self.set.first.get(usize::from(a)).unwrap_or(&NONE));
            while let Some(node) = self.set.nodes.get(child as usize) {
                if let Some(slot) = pair_index(a, node.label).and_then(|i| pairs.get_mut(i)) {
                    *slot = child;
                }
                child = node.next;
            }
        }
        self.set.pairs = pairs;
        self.set
    }
}

impl WordSet {
    /// Builds a set from unsorted words; duplicates keep their best (lowest) rank.
    pub fn from_words(mut words: Vec<(Vec<u8>, Entry)>) -> WordSet {
        words.retain(|(w, _)| !w.is_empty() && w.iter().all(|b| PRINTABLE.contains(b)));
        words.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.rank.cmp(&b.1.rank)));
        words.dedup_by(|later, earlier| later.0 == earlier.0);
        let nodes = words.iter().map(|(w, _)| w.len()).sum();
        let mut builder = Builder::with_capacity(words.len(), nodes);
        let mut previous: &[u8] = &[];
        for (word, entry) in &words {
            let shared = previous
                .iter()
                .zip(word.iter())
                .take_while(|(a, b)| a == b)
                .count();
            // Sorted and deduplicated above, so the push cannot fail.
            let _ = builder.push(shared, word.get(shared..).unwrap_or(&[]), *entry);
            previous = word;
        }
        builder.finish()
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words
    }

    /// The first child of `node`, or [`NONE`].
    fn child(&self, node: u32) -> u32 {
        match self.nodes.get(node as usize) {
            Some(n) if n.has_child => node + 1,
            _ => NONE,
        }
    }

    /// The cursor for the empty prefix.
    pub fn root(&self) -> Cursor {
        Cursor {
            node: NONE,
            depth: 0,
        }
    }

    /// Narrows `cur` to the words whose next byte is `b`; `None` when no word continues so.
    pub fn step(&self, cur: Cursor, b: u8) -> Option<Cursor> {
        let found = match cur.depth {
            0 => *self.first.get(usize::from(b))?,
            1 => {
                let a = self.nodes.get(cur.node as usize)?.label;
                *self.pairs.get(pair_index(a, b)?)?
            }
            _ => {
                let mut child = self.child(cur.node);
                loop {
                    let node = self.nodes.get(child as usize)?;
                    if node.label == b {
                        break child;
                    }
                    if node.label > b {
                        return None;
                    }
                    child = node.next;
                }
            }
        };
        (found != NONE).then_some(Cursor {
            node: found,
            depth: cur.depth + 1,
        })
    }

    /// The entry of the word equal to the cursor's prefix, if that word exists.
    pub fn exact(&self, cur: Cursor) -> Option<Entry> {
        let node = self.nodes.get(cur.node as usize)?;
        self.entries.get(node.entry as usize).copied()
    }

    /// Exact lookup of a folded word.
    pub fn get(&self, word: &[u8]) -> Option<Entry> {
        let mut cur = self.root();
        for &b in word {
            cur = self.step(cur, b)?;
        }
        self.exact(cur)
    }

    /// Every word with its entry, in byte order.
    pub fn iter(&self) -> impl Iterator<Item = (Vec<u8>, Entry)> + '_ {
        let mut word: Vec<u8> = Vec::new();
        let mut depths: Vec<usize> = Vec::new();
        // Preorder: a node's depth is one more than the previous node's when it is that
        // node's child, else the depth of the sibling it follows. Track it with a stack of
        // the depths still waiting for a sibling.
        let mut depth = 0usize;
        self.nodes.iter().enumerate().filter_map(move |(i, node)| {
            if i > 0 {
                let previous = self.nodes.get(i - 1);
                if previous.is_some_and(|p| p.has_child) {
                    depth += 1;
                } else {
                    depth = depths.pop().unwrap_or(0);
                }
            }
            if node.next != NONE {
                depths.push(depth);
            }
            word.truncate(depth);
            word.push(node.label);
            self.entries
                .get(node.entry as usize)
                .map(|&e| (word.clone(), e))
        })
    }
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
}
