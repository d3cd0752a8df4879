//! Text folding for search: case, accents and punctuation do not matter when a visitor types
//! an insurer's name (`mutuelle generale` finds « La Mutuelle Générale »).

/// Lower-cases `text`, strips French and other common Latin diacritics, spells out the
/// ligatures, and turns every run of non-alphanumerics into one space.
pub fn fold_for_search(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars().map(lower_latin) {
        let folded: &str = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
            'ç' => "c",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' | 'í' | 'ì' => "i",
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => "o",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'ÿ' | 'ý' => "y",
            'ñ' => "n",
            'œ' => "oe",
            'æ' => "ae",
            c if c.is_alphanumeric() => {
                out.push(c);
                space = false;
                continue;
            }
            _ => {
                if !space {
                    out.push(' ');
                    space = true;
                }
                continue;
            }
        };
        out.push_str(folded);
        space = false;
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Lower-cases the Latin letters insurer names use (ASCII, Latin-1, Œ, Ÿ) and leaves any
/// other character as it is: the full Unicode case tables would weigh on every host page
/// for names that never need them.
fn lower_latin(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        // Latin-1 capitals sit 32 below their small letters; × (U+00D7) is not a letter.
        'À'..='Þ' if c != '×' => char::from_u32(u32::from(c) + 32).unwrap_or(c),
        'Œ' => 'œ',
        'Ÿ' => 'ÿ',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::fold_for_search;

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
    }

    #[test]
    fn empty_and_symbol_only_input_fold_to_nothing() {
        assert_eq!(fold_for_search(""), "");
        assert_eq!(fold_for_search("!!! ---"), "");
    }
}
