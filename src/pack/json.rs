//! Reads a pack written as JSON: the built-in one (compact JSON written by `build.rs`) and a
//! host page's overlay.
//!
//! Why not `serde_json` here: in the WebAssembly bundle its generic parser and the
//! visitors serde derives for every type of the model cost about 37 KB of the first paint
//! (gzip), for a small document of fixed shape read once per page. This reader is a plain
//! recursive descent into a [`Value`] tree, then one hand-written function per model type,
//! with the same rules the derived code had: unknown keys are refused, `Option` fields may
//! be missing or `null`, lists marked `#[serde(default)]` in the model may be missing.
//! A native test checks that it reads the built-in pack exactly as `serde_json` does.
//!
//! Errors say where: `insurers[3].periods[0].from: "2024-13-01" is not a date (YYYY-MM-DD)`.

use crate::date::Date;
use crate::pack::model::{
    Certainty, ExposedField, Field, Grade, Incident, Insurer, Milestone, Operator, OperatorKind,
    OperatorPeriod, Pack, SafeField, Scope, ScopeNote, ScopeNoteKind, Source, Text,
};

/// Deeper nesting than any pack needs is refused, so no input can exhaust the stack.
const MAX_DEPTH: usize = 32;

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

/// Parses `text` as a [`Pack`], or says what is wrong and where.
pub(crate) fn read_pack(text: &str) -> Result<Pack, String> {
    let value = Parser::new(text).document()?;
    Pack::read(&value, &At::Root)
}

// ---------------------------------------------------------------------------------------
// The parser.

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Parser<'a> {
        Parser {
            bytes: text.as_bytes(),
            pos: 0,
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

    fn number(&mut self) -> Result<Value, String> {
        let digits = |p: &mut Parser<'_>| {
            let start = p.pos;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.pos += 1;
            }
            p.pos > start
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let mut ok = digits(self);
        if ok && self.peek() == Some(b'.') {
            self.pos += 1;
            ok = digits(self);
        }
        if ok && matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            ok = digits(self);
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
            // input is a `str`, so the run is valid UTF-8.
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

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| u32::from_str_radix(d, 16).ok())
            .ok_or_else(|| self.error("invalid \\u escape"))?;
        self.pos += 4;
        Ok(digits)
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
            if fields.iter().any(|(k, _)| *k == key) {
                return Err(self.error(&format!("duplicate key \"{key}\"")));
            }
            self.expect(b':')?;
            let value = self.value(depth + 1)?;
            fields.push((key, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(fields));
                }
                _ => return Err(self.error("expected ',' or '}'")),
            }
        }
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
                "unknown field \"{key}\", expected one of {}",
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
            .map_err(|_| at.error(&format!("\"{text}\" is not a date (YYYY-MM-DD)")))
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
            at.error(&format!("\"{text}\" is not one of {}", expected.join(", ")))
        })
}

impl Read for Grade {
    fn read(value: &Value, at: &At<'_>) -> Result<Grade, String> {
        one_of(
            value,
            at,
            &[("A", Grade::A), ("B", Grade::B), ("C", Grade::C)],
        )
    }
}

impl Read for Field {
    fn read(value: &Value, at: &At<'_>) -> Result<Field, String> {
        let names = Field::ALL.map(|field| (field.id(), field));
        one_of(value, at, &names)
    }
}

impl Read for Certainty {
    fn read(value: &Value, at: &At<'_>) -> Result<Certainty, String> {
        one_of(
            value,
            at,
            &[
                ("confirmed", Certainty::Confirmed),
                ("possible", Certainty::Possible),
            ],
        )
    }
}

impl Read for ScopeNoteKind {
    fn read(value: &Value, at: &At<'_>) -> Result<ScopeNoteKind, String> {
        one_of(
            value,
            at,
            &[
                ("family-members", ScopeNoteKind::FamilyMembers),
                ("former-members", ScopeNoteKind::FormerMembers),
                ("other", ScopeNoteKind::Other),
            ],
        )
    }
}

impl Read for OperatorKind {
    fn read(value: &Value, at: &At<'_>) -> Result<OperatorKind, String> {
        one_of(
            value,
            at,
            &[
                ("tiers-payant", OperatorKind::TiersPayant),
                ("care-network", OperatorKind::CareNetwork),
            ],
        )
    }
}

impl Read for Text {
    fn read(value: &Value, at: &At<'_>) -> Result<Text, String> {
        let o = Object::new(value, at, &["fr", "en"])?;
        Ok(Text {
            fr: o.required("fr")?,
            en: o.required("en")?,
        })
    }
}

impl Read for Milestone {
    fn read(value: &Value, at: &At<'_>) -> Result<Milestone, String> {
        let o = Object::new(value, at, &["date", "approximate", "sources"])?;
        Ok(Milestone {
            date: o.required("date")?,
            approximate: o.or_default("approximate")?,
            sources: o.required("sources")?,
        })
    }
}

impl Read for ExposedField {
    fn read(value: &Value, at: &At<'_>) -> Result<ExposedField, String> {
        let o = Object::new(value, at, &["field", "certainty", "sources"])?;
        Ok(ExposedField {
            field: o.required("field")?,
            certainty: o.required("certainty")?,
            sources: o.required("sources")?,
        })
    }
}

impl Read for SafeField {
    fn read(value: &Value, at: &At<'_>) -> Result<SafeField, String> {
        let o = Object::new(value, at, &["field", "sources"])?;
        Ok(SafeField {
            field: o.required("field")?,
            sources: o.required("sources")?,
        })
    }
}

impl Read for ScopeNote {
    fn read(value: &Value, at: &At<'_>) -> Result<ScopeNote, String> {
        let o = Object::new(value, at, &["kind", "text", "sources"])?;
        Ok(ScopeNote {
            kind: o.required("kind")?,
            text: o.required("text")?,
            sources: o.required("sources")?,
        })
    }
}

impl Read for Source {
    fn read(value: &Value, at: &At<'_>) -> Result<Source, String> {
        let o = Object::new(
            value,
            at,
            &["id", "url", "publisher", "title", "date", "grade"],
        )?;
        Ok(Source {
            id: o.required("id")?,
            url: o.required("url")?,
            publisher: o.required("publisher")?,
            title: o.required("title")?,
            date: o.optional("date")?,
            grade: o.required("grade")?,
        })
    }
}

impl Read for Incident {
    fn read(value: &Value, at: &At<'_>) -> Result<Incident, String> {
        let o = Object::new(
            value,
            at,
            &[
                "id",
                "operator",
                "title",
                "intrusion",
                "discovery",
                "disclosure",
                "what",
                "exposed",
                "not_exposed",
                "notes",
                "some_members_only",
                "sources",
            ],
        )?;
        Ok(Incident {
            id: o.required("id")?,
            operator: o.required("operator")?,
            title: o.required("title")?,
            intrusion: o.required("intrusion")?,
            discovery: o.required("discovery")?,
            disclosure: o.required("disclosure")?,
            what: o.required("what")?,
            exposed: o.required("exposed")?,
            not_exposed: o.required("not_exposed")?,
            notes: o.or_default("notes")?,
            some_members_only: o.optional("some_members_only")?,
            sources: o.required("sources")?,
        })
    }
}

impl Read for Operator {
    fn read(value: &Value, at: &At<'_>) -> Result<Operator, String> {
        let o = Object::new(
            value,
            at,
            &["id", "name", "kind", "aliases", "card_hint", "sources"],
        )?;
        Ok(Operator {
            id: o.required("id")?,
            name: o.required("name")?,
            kind: o.required("kind")?,
            aliases: o.or_default("aliases")?,
            card_hint: o.required("card_hint")?,
            sources: o.required("sources")?,
        })
    }
}

impl Read for Scope {
    fn read(value: &Value, at: &At<'_>) -> Result<Scope, String> {
        let o = Object::new(value, at, &["partial", "text"])?;
        Ok(Scope {
            partial: o.required("partial")?,
            text: o.optional("text")?,
        })
    }
}

impl Read for OperatorPeriod {
    fn read(value: &Value, at: &At<'_>) -> Result<OperatorPeriod, String> {
        let o = Object::new(
            value,
            at,
            &[
                "operator",
                "from",
                "to",
                "scope",
                "members_since",
                "members_until",
                "former_members",
                "sources",
            ],
        )?;
        Ok(OperatorPeriod {
            operator: o.required("operator")?,
            from: o.optional("from")?,
            to: o.optional("to")?,
            scope: o.optional("scope")?,
            members_since: o.optional("members_since")?,
            members_until: o.optional("members_until")?,
            former_members: o.or_default("former_members")?,
            sources: o.required("sources")?,
        })
    }
}

impl Read for Insurer {
    fn read(value: &Value, at: &At<'_>) -> Result<Insurer, String> {
        let o = Object::new(
            value,
            at,
            &["id", "name", "aliases", "periods", "note", "notice"],
        )?;
        Ok(Insurer {
            id: o.required("id")?,
            name: o.required("name")?,
            aliases: o.or_default("aliases")?,
            periods: o.required("periods")?,
            note: o.optional("note")?,
            notice: o.optional("notice")?,
        })
    }
}

impl Read for Pack {
    fn read(value: &Value, at: &At<'_>) -> Result<Pack, String> {
        let o = Object::new(
            value,
            at,
            &["reviewed", "sources", "incidents", "operators", "insurers"],
        )?;
        Ok(Pack {
            reviewed: o.optional("reviewed")?,
            sources: o.or_default("sources")?,
            incidents: o.or_default("incidents")?,
            operators: o.or_default("operators")?,
            insurers: o.or_default("insurers")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Value, String> {
        Parser::new(text).document()
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
            "1.",
            "-",
            "{} x",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} parsed");
        }
        for good in [
            "0",
            "-1.5e+3",
            "true",
            "null",
            "[]",
            "{}",
            " [ {\"a\" : [null]} ] ",
        ] {
            assert!(parse(good).is_ok(), "{good:?} refused");
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).unwrap_err().contains("too deep"));
    }

    #[test]
    fn model_errors_name_the_path_and_the_problem() {
        let error = read_pack(r#"{"insurers": [{"id": "x", "name": "X", "periods": [{"operator": "almerys", "from": "2024-13-01", "sources": []}]}]}"#).unwrap_err();
        assert_eq!(
            error,
            "insurers[0].periods[0].from: \"2024-13-01\" is not a date (YYYY-MM-DD)"
        );
        let error = read_pack(
            r#"{"insurers": [{"id": "x", "name": "X", "periods": [], "colour": "red"}]}"#,
        )
        .unwrap_err();
        assert!(
            error.starts_with("insurers[0]: unknown field \"colour\""),
            "{error}"
        );
        let error = read_pack(r#"{"insurers": [{"id": "x", "periods": []}]}"#).unwrap_err();
        assert_eq!(error, "insurers[0]: missing field \"name\"");
        let error = read_pack(r#"{"operators": [{"id": "x", "name": "X", "kind": "bank", "card_hint": {"fr": "", "en": ""}, "sources": []}]}"#).unwrap_err();
        assert!(
            error.starts_with("operators[0].kind: \"bank\" is not one of"),
            "{error}"
        );
        assert_eq!(read_pack("[]").unwrap_err(), "the pack: expected an object");
    }

    #[test]
    fn missing_or_null_optional_fields_read_as_none_and_defaults() {
        let pack = read_pack(r#"{"reviewed": null, "insurers": [{"id": "x", "name": "X", "periods": [{"operator": "almerys", "to": null, "sources": ["s"]}]}]}"#).unwrap();
        let period = &pack.insurers[0].periods[0];
        assert_eq!(
            (period.from, period.to, period.former_members),
            (None, None, false)
        );
        assert!(pack.insurers[0].aliases.is_empty() && pack.sources.is_empty());
    }
}
