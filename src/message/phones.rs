//! Phone numbers in the text, classed by the French numbering plan (`data/numbers.txt`), and
//! social security numbers quoted as bait.

use super::data::Data;
use super::scan::{TokKind, Token};
use super::{NumberClass, PhoneNumber, Span};

/// Separators allowed between the digit groups of a number as people write it.
fn separator(c: char) -> bool {
    matches!(c, ' ' | '.' | '-' | '\u{A0}' | '\u{202F}' | '\u{2009}')
}

/// A run of digits and separators, read as one number: its span and digits.
struct Run {
    span: Span,
    digits: String,
    /// The run began with `+33` or `0033`.
    international: bool,
}

/// The runs of digits of the text, outside `masks` (the links).
fn runs(text: &str, masks: &[Span]) -> Vec<Run> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0usize;
    while i < bytes.len() {
        let masked = masks.iter().any(|m| m.start <= i && i < m.end);
        let starts_plus = bytes[i] == b'+' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        let previous_is_alnum = i > 0 && (bytes[i - 1].is_ascii_alphanumeric());
        if masked || previous_is_alnum || !(bytes[i].is_ascii_digit() || starts_plus) {
            i += 1;
            continue;
        }
        let start = i;
        if starts_plus {
            i += 1;
        }
        let mut digits = String::new();
        let mut end = i;
        let mut j = i;
        while j < bytes.len() {
            let b = bytes[j];
            if b.is_ascii_digit() {
                digits.push(char::from(b));
                j += 1;
                end = j;
            } else if b == b'(' && text[j..].starts_with("(0)") {
                j += 3;
            } else {
                // One separator between digits; text[j..] starts on a char boundary here.
                let Some(c) = text[j..].chars().next() else {
                    break;
                };
                let after = j + c.len_utf8();
                if separator(c) && bytes.get(after).is_some_and(u8::is_ascii_digit) {
                    j = after;
                } else {
                    break;
                }
            }
            if digits.len() > 20 {
                break;
            }
        }
        // Not glued to a letter after it (a reference such as 12AB).
        let glued = bytes.get(end).is_some_and(u8::is_ascii_alphabetic);
        let international = starts_plus && digits.starts_with("33") || digits.starts_with("0033");
        if !glued {
            out.push(Run {
                span: Span { start, end },
                digits,
                international,
            });
        }
        i = end.max(i + 1);
    }
    out
}

/// The national form of a run, when it is a French number: ten digits from 0, or a short
/// number of four to six digits.
fn national(run: &Run) -> Option<String> {
    let d = run.digits.as_str();
    if run.international {
        let rest = d.strip_prefix("0033").or_else(|| d.strip_prefix("33"))?;
        let rest = rest.strip_prefix('0').unwrap_or(rest);
        return (rest.len() == 9).then(|| format!("0{rest}"));
    }
    match d.len() {
        10 if d.starts_with('0') && !d.starts_with("00") => Some(d.to_string()),
        4..=6 if !d.starts_with('0') => Some(d.to_string()),
        _ => None,
    }
}

/// The rate class of a national number: the longest matching prefix of its length.
fn classify(digits: &str, data: &Data) -> Option<NumberClass> {
    data.ranges
        .iter()
        .filter(|r| r.digits == digits.len() && digits.starts_with(r.prefix))
        .max_by_key(|r| r.prefix.len())
        .map(|r| r.class)
}

/// The phone numbers of the text. Short numbers (four to six digits) count only when they
/// are in a short range of the plan or a known line, so that amounts and years are left out.
pub(crate) fn find_numbers(text: &str, data: &Data, masks: &[Span]) -> Vec<PhoneNumber> {
    let mut out = Vec::new();
    for run in runs(text, masks) {
        let Some(digits) = national(&run) else {
            continue;
        };
        let known = data
            .known_numbers
            .iter()
            .find(|k| k.number == digits)
            .map(|k| k.owner);
        let class = classify(&digits, data);
        let short = digits.len() < 10;
        if short && known.is_none() {
            // A short number in a short range, written without separators inside (a
            // spaced "3 500" is an amount).
            let compact = run.span.end - run.span.start == digits.len();
            if class.is_none() || !compact {
                continue;
            }
        }
        out.push(PhoneNumber {
            span: run.span,
            digits,
            class: class.unwrap_or(NumberClass::Unknown),
            known_as: known,
        });
        if out.len() >= 32 {
            break;
        }
    }
    out
}

/// Whether the words hold a social security number: 13 digits (sex, year, month,
/// department, commune, order) and, when written, its 2-digit key, checked.
pub(crate) fn quotes_nir(tokens: &[Token]) -> bool {
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].kind != TokKind::Number {
            i += 1;
            continue;
        }
        // Join consecutive number tokens (the NIR is often written in groups), and Corsica's
        // 2A/2B departments.
        let mut digits = String::new();
        let mut j = i;
        while j < tokens.len() && digits.len() < 15 {
            let t = &tokens[j];
            let corsica = t.kind == TokKind::Word && (t.text == "a" || t.text == "b");
            if t.kind == TokKind::Number && t.text.bytes().all(|b| b.is_ascii_digit()) {
                digits.push_str(&t.text);
            } else if corsica && digits.len() == 6 {
                digits.push(if t.text == "a" { 'A' } else { 'B' });
            } else {
                break;
            }
            j += 1;
        }
        if is_nir(&digits) {
            return true;
        }
        i = j.max(i + 1);
    }
    false
}

fn is_nir(s: &str) -> bool {
    if !(s.len() == 13 || s.len() == 15) || !matches!(s.as_bytes()[0], b'1' | b'2') {
        return false;
    }
    let month: u32 = s[3..5].parse().unwrap_or(0);
    if !(1..=12).contains(&month) && !(20..=42).contains(&month) && !(50..=99).contains(&month) {
        return false;
    }
    if s.len() == 13 {
        return s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'A' || b == b'B');
    }
    // The key: 97 minus the 13-digit number modulo 97 (2A counts as 19, 2B as 18).
    let body = s[..13].replace(['A', 'B'], "0");
    let Ok(mut number) = body.parse::<u64>() else {
        return false;
    };
    if s.contains('A') {
        number -= 1_000_000;
    } else if s.contains('B') {
        number -= 2_000_000;
    }
    let key: u64 = s[13..].parse().unwrap_or(0);
    key == 97 - number % 97
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nir_keys_are_checked() {
        // 1 84 12 76 451 089 → key 97 - (1841276451089 mod 97).
        let body = 1_841_276_451_089u64;
        let key = 97 - body % 97;
        assert!(is_nir(&format!("{body}{key:02}")));
        assert!(!is_nir(&format!("{body}{:02}", (key % 97) + 1)));
        assert!(is_nir("1841276451089"));
        assert!(!is_nir("0612345678901"));
    }
}
