//! Reads a pack written as JSON: the built-in one (compact JSON written by `build.rs`) and a
//! host page's overlay.
//!
//! Why not `serde_json` here: in the WebAssembly bundle its generic parser and the visitors
//! serde derives for every type of the model cost tens of kilobytes of the first paint
//! (gzip), for a small document of fixed shape read once per page. This reader is a plain
//! recursive descent into a [`Value`] tree, then one function per model type, written by the
//! [`read_struct!`] macro so that each key is spelled once. It keeps the rules of the derived
//! code: unknown keys are refused, `Option` fields may be missing or `null`, lists marked
//! `#[serde(default)]` in the model may be missing, and the JSON grammar is as strict as
//! serde_json's (no leading zeros, four hex digits after `\u`, no duplicate keys). A unit test
//! reads the build's own JSON with both readers and compares.
//!
//! Every cost is linear in the input: a host's overlay is text from someone else's page, so
//! [`Limits`] caps its size and the number of values it may hold before any of it is kept.
//!
//! Errors say where: `insurers[3].periods[0].from: "2024-13-01" is not a date (YYYY-MM-DD)`,
//! and repeat at most `validate::ECHO_CHARS` characters of the offending text.

use crate::date::Date;
use crate::pack::model::{
    Certainty, ExposedField, Field, Grade, Incident, Insurer, Milestone, NotConcerned, Operator,
    OperatorKind, OperatorPeriod, OperatorsSettled, Pack, Question, SafeField, Scope, ScopeNote,
    ScopeNoteKind, Source, Text,
};
use crate::pack::validate::echo;

/// Deeper nesting than any pack needs is refused, so no input can exhaust the stack.
const MAX_DEPTH: usize = 32;

/// What a document may hold before it is refused.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    /// Bytes of text.
    pub bytes: usize,
    /// JSON values (objects, lists, strings... each counts one).
    pub values: usize,
}

impl Limits {
    /// The built-in pack: written by our own build, so only the depth is capped.
    pub const BUILTIN: Limits = Limits {
        bytes: usize::MAX,
        values: usize::MAX,
    };
}

/// A parsed JSON value. Numbers are checked for syntax but not kept: no pack field is one.
#[derive(Debug, PartialEq)]
enum Value {
    Null,
    Bool(bool),
    Number,
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

/// Parses `text` as a [`Pack`] within `limits`, or says what is wrong and where.
pub(crate) fn read_pack(text: &str, limits: Limits) -> Result<Pack, String> {
    if text.len() > limits.bytes {
        return Err(format!(
            "the text is {} bytes long, more than the {} a pack may have",
            text.len(),
            limits.bytes
        ));
    }
    let value = Parser::new(text, limits.values).document()?;
    Pack::read(&value, &At::Root)
}

// ---------------------------------------------------------------------------------------
// The parser.

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// Values still allowed.
    budget: usize,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, budget: usize) -> Parser<'a> {
        Parser {
            bytes: text.as_bytes(),
            pos: 0,
            budget,
        }
    }

    fn document(mut self) -> Result<Value, String> {
        let value = self.value(0)?;
        self.skip_space();
        if self.pos < self.bytes.len() {
            return Err(self.error("unexpected text after the end"));
        }
        Ok(value)
    }

    /// A message with the line and column of the current position.
    fn error(&self, what: &str) -> String {
        let before = &self.bytes[..self.pos.min(self.bytes.len())];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        format!("JSON syntax: {what} at line {line}, column {column}")
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), String> {
        self.skip_space();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(&format!("expected '{}'", char::from(byte))))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err(self.error("nesting too deep"));
        }
        if self.budget == 0 {
            return Err(self.error("too many entries"));
        }
        self.budget -= 1;
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("unexpected end")),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, String> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    /// JSON's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<Value, String> {
        let digits = |p: &mut Parser<'_>| {
            let start = p.pos;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.pos += 1;
            }
            p.pos - start
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let first = self.peek();
        let integer = digits(self);
        // "01" and "-00" are not JSON: a zero stands alone.
        let mut ok = integer > 0 && !(first == Some(b'0') && integer > 1);
        if ok && self.peek() == Some(b'.') {
            self.pos += 1;
            ok = digits(self) > 0;
        }
        if ok && matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            ok = digits(self) > 0;
        }
        if ok {
            Ok(Value::Number)
        } else {
            Err(self.error("malformed number"))
        }
    }

    fn string(&mut self) -> Result<String, String> {
        self.pos += 1; // the opening quote
        let mut out = String::new();
        loop {
            // Copy the run of plain bytes up to the next quote or backslash at once; the
            // input is a `str` and the run stops at ASCII bytes, so it is valid UTF-8.
            let start = self.pos;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.pos += 1;
            }
            out.push_str(std::str::from_utf8(&self.bytes[start..self.pos]).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = self.peek().ok_or_else(|| self.error("unexpected end"))?;
                    self.pos += 1;
                    match escaped {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => out.push(self.unicode_escape()?),
                        _ => return Err(self.error("unknown escape")),
                    }
                }
                Some(_) => return Err(self.error("control character in a string")),
                None => return Err(self.error("unterminated string")),
            }
        }
    }

    /// After `\u`: four hex digits, and a second `\uXXXX` for a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, String> {
        let high = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&high) {
            if !self.bytes[self.pos..].starts_with(b"\\u") {
                return Err(self.error("lone surrogate"));
            }
            self.pos += 2;
            let low = self.hex4()?;
            if !(0xDC00..0xE000).contains(&low) {
                return Err(self.error("lone surrogate"));
            }
            0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        } else {
            high
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid \\u escape"))
    }

    /// Exactly four hex digits (`from_str_radix` alone would take a sign: `\u+041`).
    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .filter(|d| d.iter().all(u8::is_ascii_hexdigit))
            .ok_or_else(|| self.error("invalid \\u escape"))?;
        let value = digits.iter().fold(0, |value, digit| {
            let nibble = char::from(*digit).to_digit(16).unwrap_or(0);
            value * 16 + nibble
        });
        self.pos += 4;
        Ok(value)
    }

    fn array(&mut self, depth: usize) -> Result<Value, String> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error("expected ',' or ']'")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, String> {
        self.pos += 1;
        let mut fields: Vec<(String, Value)> = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(fields));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key in quotes"));
            }
            let key = self.string()?;
            self.expect(b':')?;
            let value = self.value(depth + 1)?;
            fields.push((key, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                _ => return Err(self.error("expected ',' or '}'")),
            }
        }
        // Duplicates are found through a set, not by comparing each key with all the others.
        let mut keys = std::collections::BTreeSet::new();
        if let Some((key, _)) = fields.iter().find(|(key, _)| !keys.insert(key.as_str())) {
            return Err(self.error(&format!("duplicate key {}", echo(key))));
        }
        Ok(Value::Object(fields))
    }
}

// ---------------------------------------------------------------------------------------
// From values to the model.

/// Where a value sits in the document, rendered only when an error names it.
enum At<'a> {
    Root,
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    fn error(&self, what: &str) -> String {
        let mut path = String::new();
        self.render(&mut path);
        if path.is_empty() {
            format!("the pack: {what}")
        } else {
            format!("{path}: {what}")
        }
    }

    fn render(&self, out: &mut String) {
        match self {
            At::Root => {}
            At::Key(parent, key) => {
                parent.render(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            At::Index(parent, index) => {
                parent.render(out);
                out.push_str(&format!("[{index}]"));
            }
        }
    }
}

/// A model type read from a JSON value.
trait Read: Sized {
    fn read(value: &Value, at: &At<'_>) -> Result<Self, String>;
}

/// An object whose keys were all checked against the model's field names.
struct Object<'v, 'a> {
    fields: &'v [(String, Value)],
    at: &'a At<'a>,
}

impl<'v, 'a> Object<'v, 'a> {
    fn new(value: &'v Value, at: &'a At<'a>, known: &[&str]) -> Result<Self, String> {
        let Value::Object(fields) = value else {
            return Err(at.error("expected an object"));
        };
        if let Some((key, _)) = fields
            .iter()
            .find(|(key, _)| !known.contains(&key.as_str()))
        {
            return Err(at.error(&format!(
                "unknown field {}, expected one of {}",
                echo(key),
                known.join(", ")
            )));
        }
        Ok(Object { fields, at })
    }

    /// The value of `key`, treating `null` as missing.
    fn get(&self, key: &str) -> Option<&'v Value> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| **v != Value::Null)
    }

    fn required<T: Read>(&self, key: &str) -> Result<T, String> {
        match self.get(key) {
            Some(value) => T::read(value, &At::Key(self.at, key)),
            None => Err(self.at.error(&format!("missing field \"{key}\""))),
        }
    }

    fn optional<T: Read>(&self, key: &str) -> Result<Option<T>, String> {
        self.get(key)
            .map(|value| T::read(value, &At::Key(self.at, key)))
            .transpose()
    }

    fn or_default<T: Read + Default>(&self, key: &str) -> Result<T, String> {
        Ok(self.optional(key)?.unwrap_or_default())
    }
}

impl Read for String {
    fn read(value: &Value, at: &At<'_>) -> Result<String, String> {
        match value {
            Value::String(text) => Ok(text.clone()),
            _ => Err(at.error("expected a string")),
        }
    }
}

impl Read for bool {
    fn read(value: &Value, at: &At<'_>) -> Result<bool, String> {
        match value {
            Value::Bool(flag) => Ok(*flag),
            _ => Err(at.error("expected true or false")),
        }
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(value: &Value, at: &At<'_>) -> Result<Vec<T>, String> {
        let Value::Array(items) = value else {
            return Err(at.error("expected a list"));
        };
        items
            .iter()
            .enumerate()
            .map(|(i, item)| T::read(item, &At::Index(at, i)))
            .collect()
    }
}

impl Read for Date {
    fn read(value: &Value, at: &At<'_>) -> Result<Date, String> {
        let text = String::read(value, at)?;
        text.parse()
            .map_err(|_| at.error(&format!("{} is not a date (YYYY-MM-DD)", echo(&text))))
    }
}

/// Reads a unit enum from one of its names.
fn one_of<T: Copy>(value: &Value, at: &At<'_>, names: &[(&str, T)]) -> Result<T, String> {
    let text = String::read(value, at)?;
    names
        .iter()
        .find(|(name, _)| *name == text)
        .map(|(_, variant)| *variant)
        .ok_or_else(|| {
            let expected: Vec<&str> = names.iter().map(|(name, _)| *name).collect();
            at.error(&format!(
                "{} is not one of {}",
                echo(&text),
                expected.join(", ")
            ))
        })
}

/// Reads a unit enum whose names the model spells (`Field::id`, `Certainty::id`...).
macro_rules! read_enum {
    ($ty:ident, [$($variant:expr),* $(,)?], $name:expr) => {
        impl Read for $ty {
            fn read(value: &Value, at: &At<'_>) -> Result<$ty, String> {
                let names = [$($variant),*].map(|variant: $ty| ($name(variant), variant));
                one_of(value, at, &names)
            }
        }
    };
}

read_enum!(Grade, [Grade::A, Grade::B, Grade::C], Grade::id);
read_enum!(
    Certainty,
    [Certainty::Confirmed, Certainty::Possible],
    Certainty::id
);
read_enum!(
    ScopeNoteKind,
    [
        ScopeNoteKind::FamilyMembers,
        ScopeNoteKind::FormerMembers,
        ScopeNoteKind::Other
    ],
    ScopeNoteKind::id
);
read_enum!(
    OperatorKind,
    [OperatorKind::TiersPayant, OperatorKind::CareNetwork],
    OperatorKind::id
);

impl Read for Field {
    fn read(value: &Value, at: &At<'_>) -> Result<Field, String> {
        let names = Field::ALL.map(|field| (field.id(), field));
        one_of(value, at, &names)
    }
}

/// Writes `Read` for a model struct from one list of its fields, each with how it is read:
/// `required`, `optional` (an `Option`, may be missing or null) or `or_default` (a list the
/// model marks `#[serde(default)]`). Fields after `;` are never read from the text and take
/// the value given. A field missing from the list fails to compile (the struct literal is
/// incomplete), and the list of known keys is this same list.
macro_rules! read_struct {
    ($ty:ident { $($field:ident: $how:ident),* $(,)? } $(; $($fixed:ident = $value:expr),*)?) => {
        impl Read for $ty {
            fn read(value: &Value, at: &At<'_>) -> Result<$ty, String> {
                let o = Object::new(value, at, &[$(stringify!($field)),*])?;
                Ok($ty {
                    $($field: o.$how(stringify!($field))?,)*
                    $($($fixed: $value,)*)?
                })
            }
        }
    };
}

read_struct!(Text {
    fr: required,
    en: required
});
read_struct!(Milestone {
    date: required,
    approximate: or_default,
    sources: required,
});
read_struct!(ExposedField {
    field: required,
    certainty: required,
    sources: required,
});
read_struct!(SafeField {
    field: required,
    caveat: optional,
    sources: required,
});
read_struct!(ScopeNote {
    kind: required,
    text: required,
    sources: required,
});
read_struct!(Source {
    id: required,
    url: required,
    publisher: required,
    title: required,
    date: optional,
    grade: required,
    checked: optional,
});
read_struct!(Question {
    text: required,
    help: optional,
    sources: required,
});
read_struct!(Incident {
    id: required,
    operator: optional,
    question: optional,
    title: required,
    intrusion: required,
    discovery: required,
    disclosure: required,
    what: required,
    exposed: required,
    not_exposed: required,
    notes: or_default,
    some_members_only: optional,
    sources: required,
});
read_struct!(Operator {
    id: required,
    name: required,
    kind: required,
    aliases: or_default,
    card_hint: required,
    domains: or_default,
    sources: required,
});
read_struct!(Scope {
    partial: required,
    text: optional,
});
read_struct!(OperatorPeriod {
    operator: required,
    from: optional,
    to: optional,
    scope: optional,
    members_since: optional,
    members_until: optional,
    former_members: or_default,
    sources: required,
});
read_struct!(OperatorsSettled {
    from: optional,
    sources: required,
});
read_struct!(NotConcerned {
    incidents: required,
    sources: required,
});
read_struct!(Insurer {
    id: required,
    name: required,
    aliases: or_default,
    periods: or_default,
    operators_settled: optional,
    not_concerned: optional,
    note: optional,
    notice: optional,
    site: optional,
    about: or_default,
    domains: or_default,
}; from_host = false);
read_struct!(Pack {
    reviewed: optional,
    sources: or_default,
    incidents: or_default,
    operators: or_default,
    insurers: or_default,
});

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Value, String> {
        Parser::new(text, usize::MAX).document()
    }

    fn read(text: &str) -> Result<Pack, String> {
        read_pack(text, Limits::BUILTIN)
    }

    /// The oracle: the very text `build.rs` wrote with serde_json, read by serde_json and by
    /// this reader, gives the same pack.
    #[test]
    fn the_builds_own_json_reads_as_serde_reads_it() {
        let text = crate::pack::BUILTIN_JSON;
        let by_serde: Pack = serde_json::from_str(text).expect("serde reads the build's JSON");
        let ours = read(text).expect("the reader reads the build's JSON");
        assert_eq!(ours, by_serde);
        // The comparison means something only if the text sets every optional key somewhere:
        // a reader that dropped one would then differ from serde.
        for key in [
            "about",
            "approximate",
            "caveat",
            "checked",
            "date",
            "domains",
            "former_members",
            "from",
            "help",
            "members_since",
            "members_until",
            "not_concerned",
            "note",
            "notes",
            "notice",
            "operator",
            "operators_settled",
            "question",
            "reviewed",
            "scope",
            "site",
            "some_members_only",
            "to",
        ] {
            let set = text.matches(&format!("\"{key}\":")).count();
            let null = text.matches(&format!("\"{key}\":null")).count();
            assert!(set > null, "the built-in pack never sets {key:?}");
        }
    }

    #[test]
    fn both_readers_refuse_what_serde_refuses() {
        for bad in [
            r#"{"insurers": [], "colour": "red"}"#,
            r#"{"sources": [], "sources": []}"#,
            r#"{"insurers": [{"id": "x", "name": "X", "from_host": true}]}"#,
        ] {
            assert!(
                serde_json::from_str::<Pack>(bad).is_err(),
                "serde took {bad}"
            );
            assert!(read(bad).is_err(), "the reader took {bad}");
        }
        let minimal = r#"{"sources": []}"#;
        assert_eq!(
            read(minimal).unwrap(),
            serde_json::from_str::<Pack>(minimal).unwrap()
        );
    }

    #[test]
    fn strings_unescape_like_json() {
        assert_eq!(
            parse(r#""a\"b\\c\/d\n\u00e9\ud83d\ude00""#),
            Ok(Value::String("a\"b\\c/d\né😀".to_owned()))
        );
        assert!(parse(r#""\ud83d""#).is_err(), "a lone surrogate");
        assert!(parse("\"tab\there\"").is_err(), "a raw control character");
        assert!(parse(r#""\x""#).is_err());
    }

    #[test]
    fn unicode_escapes_take_exactly_four_hex_digits() {
        for bad in [
            r#""\u+041""#,
            r#""\u-041""#,
            r#""\u04""#,
            r#""\u 041""#,
            r#""\u004g""#,
        ] {
            assert!(parse(bad).is_err(), "{bad} parsed");
            assert!(serde_json::from_str::<serde_json::Value>(bad).is_err());
        }
        assert_eq!(parse(r#""\u0041""#), Ok(Value::String("A".to_owned())));
    }

    #[test]
    fn numbers_follow_the_json_grammar() {
        for bad in ["01", "-01", "00", "1.", ".5", "-", "1e", "+1", "0x10"] {
            assert!(parse(bad).is_err(), "{bad} parsed");
            assert!(
                serde_json::from_str::<serde_json::Value>(bad).is_err(),
                "serde took {bad}"
            );
        }
        for good in ["0", "-0", "10", "0.5", "-1.5e+3", "2E-2"] {
            assert!(parse(good).is_ok(), "{good} refused");
        }
    }

    #[test]
    fn syntax_errors_say_where() {
        let error = parse("{\n  \"a\": [1, 2,]\n}").unwrap_err();
        assert!(error.contains("line 2"), "{error}");
        for bad in [
            "",
            "{",
            "[1 2]",
            "{\"a\" 1}",
            "{\"a\":1,\"a\":2}",
            "nul",
            "{} x",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} parsed");
        }
        for good in ["true", "null", "[]", "{}", " [ {\"a\" : [null]} ] "] {
            assert!(parse(good).is_ok(), "{good:?} refused");
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).unwrap_err().contains("too deep"));
    }

    #[test]
    fn limits_are_checked_before_anything_is_kept() {
        let limits = Limits {
            bytes: 100,
            values: 10,
        };
        let long = format!("{{\"sources\": [], \"x\": \"{}\"}}", "a".repeat(200));
        assert!(read_pack(&long, limits).unwrap_err().contains("bytes"));
        let many = format!("[{}]", vec!["0"; 20].join(","));
        assert!(
            Parser::new(&many, limits.values)
                .document()
                .unwrap_err()
                .contains("too many entries")
        );
    }

    #[test]
    fn echoed_values_are_cut_and_escaped() {
        let long = "é".repeat(500);
        let error = read(&format!(
            r#"{{"insurers": [{{"id": "x", "name": "X", "{long}": 1}}]}}"#
        ))
        .unwrap_err();
        assert!(error.chars().count() < 400, "{error}");
        assert!(error.contains('…'));
        assert_eq!(echo("a\u{202E}b"), "\"a\\u{202e}b\"");
    }

    #[test]
    fn model_errors_name_the_path_and_the_problem() {
        let error = read(r#"{"insurers": [{"id": "x", "name": "X", "periods": [{"operator": "almerys", "from": "2024-13-01", "sources": []}]}]}"#).unwrap_err();
        assert_eq!(
            error,
            "insurers[0].periods[0].from: \"2024-13-01\" is not a date (YYYY-MM-DD)"
        );
        let error =
            read(r#"{"insurers": [{"id": "x", "name": "X", "periods": [], "colour": "red"}]}"#)
                .unwrap_err();
        assert!(
            error.starts_with("insurers[0]: unknown field \"colour\""),
            "{error}"
        );
        let error = read(r#"{"insurers": [{"id": "x", "periods": []}]}"#).unwrap_err();
        assert_eq!(error, "insurers[0]: missing field \"name\"");
        let error = read(r#"{"operators": [{"id": "x", "name": "X", "kind": "bank", "card_hint": {"fr": "", "en": ""}, "sources": []}]}"#).unwrap_err();
        assert!(
            error.starts_with("operators[0].kind: \"bank\" is not one of"),
            "{error}"
        );
        assert_eq!(read("[]").unwrap_err(), "the pack: expected an object");
    }

    #[test]
    fn missing_or_null_optional_fields_read_as_none_and_defaults() {
        let pack = read(r#"{"reviewed": null, "insurers": [{"id": "x", "name": "X", "periods": [{"operator": "almerys", "to": null, "sources": ["s"]}]}]}"#).unwrap();
        let period = &pack.insurers[0].periods[0];
        assert_eq!(
            (period.from, period.to, period.former_members),
            (None, None, false)
        );
        assert!(pack.insurers[0].aliases.is_empty() && pack.sources.is_empty());
        assert!(!pack.insurers[0].from_host);
    }
}
