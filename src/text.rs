//! Folding: one way to compare what people type, for the insurer search and for passwords.
//!
//! [`fold_char`] folds case and accents to ASCII, character by character: `É` → `e`,
//! `Œ` → `oe`, `ß` → `ss`, `Ł` → `l`, `Š` → `s`, and a combining mark folds to nothing. The
//! insurer search ([`fold_for_search`]: `mutuelle generale` finds « La Mutuelle Générale »)
//! and the password estimator (a dictionary word matches `Lumière` and `lumiere` alike) both
//! use it, so the two never disagree on a letter. The dictionary generator
//! (`tools/build-dictionaries/build.py`) folds its word lists the same way.
//!
//! **Why no Unicode case tables?** Only the Latin letters that French and its neighbours use
//! are folded: the full tables would weigh on every host page for names and passwords that
//! never need them. Other characters are left as they are (search) or marked as having no
//! folding (passwords).

/// The folding of one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    /// A combining mark: it belongs to the previous character and folds to nothing.
    Skip,
    /// One ASCII byte (lowercase for letters; other ASCII as typed).
    One(u8),
    /// Two ASCII bytes (`œ` → `oe`, `ß` → `ss`).
    Two(u8, u8),
    /// No ASCII folding (another script, a symbol, an emoji, a control character).
    None,
}

/// True for the combining diacritical marks (U+0300–U+036F), as found in decomposed input.
pub fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Folds case and accents of one character to ASCII: lowercase, accents removed,
/// ligatures and `ß` spelled out. ASCII control characters have no folding.
pub fn fold_char(c: char) -> Fold {
    if c.is_ascii() {
        let b = c as u8;
        return if b.is_ascii_graphic() || b == b' ' {
            Fold::One(b.to_ascii_lowercase())
        } else {
            Fold::None
        };
    }
    if is_combining(c) {
        return Fold::Skip;
    }
    let b = match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => b'a',
        'Ç' | 'ç' | 'Ć'..='č' => b'c',
        'Ð' | 'ð' | 'Ď'..='đ' => b'd',
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => b'e',
        'Ĝ'..='ģ' => b'g',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => b'i',
        'Ł' | 'ł' => b'l',
        'Ñ' | 'ñ' | 'Ń'..='ň' => b'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => b'o',
        'Ŕ'..='ř' => b'r',
        'Ś'..='š' => b's',
        'Ţ'..='ť' => b't',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => b'u',
        'Ý' | 'ý' | 'ÿ' | 'Ÿ' => b'y',
        'Ź'..='ž' => b'z',
        'Œ' | 'œ' => return Fold::Two(b'o', b'e'),
        'Æ' | 'æ' => return Fold::Two(b'a', b'e'),
        'ß' => return Fold::Two(b's', b's'),
        _ => return Fold::None,
    };
    Fold::One(b)
}

/// Folds `text` for search: [`fold_char`] on every character, and every run of characters
/// that are neither letters nor digits becomes one space. Letters of other scripts are kept
/// as typed.
pub fn fold_for_search(text: &str) -> String {
    // Letters, digits and other scripts are kept; anything else separates words.
    fn push(c: char, out: &mut String, space: &mut bool) {
        if c.is_ascii_alphanumeric() || !c.is_ascii() {
            out.push(c);
            *space = false;
        } else if !*space {
            out.push(' ');
            *space = true;
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        match fold_char(c) {
            Fold::Skip => {}
            Fold::One(b) => push(char::from(b), &mut out, &mut space),
            Fold::Two(a, b) => {
                push(char::from(a), &mut out, &mut space);
                push(char::from(b), &mut out, &mut space);
            }
            Fold::None if c.is_alphanumeric() => push(c, &mut out, &mut space),
            Fold::None => push(' ', &mut out, &mut space),
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Fold, fold_char, fold_for_search};

    #[test]
    fn accents_case_and_punctuation_are_folded_away() {
        assert_eq!(
            fold_for_search("La Mutuelle Générale"),
            "la mutuelle generale"
        );
        assert_eq!(fold_for_search("  Mutame & Plus "), "mutame plus");
        assert_eq!(fold_for_search("Sévéane"), "seveane");
        assert_eq!(fold_for_search("Œuvre"), "oeuvre");
        assert_eq!(fold_for_search("ÉCOLE ÀÇÔ"), "ecole aco");
        assert_eq!(fold_for_search("AG2R-La Mondiale"), "ag2r la mondiale");
        assert_eq!(fold_for_search("Ame\u{301}lie"), "amelie");
    }

    #[test]
    fn search_and_passwords_fold_every_letter_alike() {
        // They used to disagree here: search kept `Š`, `Ł` and `ß` as typed.
        assert_eq!(fold_for_search("Šárka Łódź Straße"), "sarka lodz strasse");
        for (c, want) in [('Š', "s"), ('Ł', "l"), ('ß', "ss"), ('É', "e"), ('Œ', "oe")] {
            let folded = match fold_char(c) {
                Fold::One(b) => char::from(b).to_string(),
                Fold::Two(a, b) => [char::from(a), char::from(b)].iter().collect(),
                other => panic!("{c}: {other:?}"),
            };
            assert_eq!(folded, want);
            assert_eq!(fold_for_search(&c.to_string()), want);
        }
    }

    #[test]
    fn other_scripts_stay_and_symbols_separate() {
        assert_eq!(fold_for_search("Ωmega 😀 Ж"), "Ωmega Ж");
        assert_eq!(fold_for_search(""), "");
        assert_eq!(fold_for_search("!!! ---"), "");
    }
}
