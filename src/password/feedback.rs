//! Feedback: one optional warning and a few suggestions, as enums with French and English
//! texts (one exhaustive `match` per language, so a missing text does not compile).
//!
//! The warning comes from the longest match of the chosen sequence, as in zxcvbn, with two
//! changes: a NIR-shaped number always warns (whatever the score), and so does a context
//! word (insurer or operator name) once the password is otherwise strong.

use super::dict::DictionaryKind;
use super::input::Password;
use super::matchers::{Pattern, SpatialMatch};
use super::scoring::ScoredMatch;
use super::{LeakFlags, Score};
use crate::i18n::Lang;

/// What is wrong with the password.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Warning {
    /// One of the ten most common passwords.
    TopTen,
    /// One of the hundred most common passwords.
    TopHundred,
    /// A very common password.
    Common,
    /// Close to a common password (with a small change).
    SimilarToCommon,
    /// A single dictionary word.
    WordByItself,
    /// A common word with a few additions (`soleil13`).
    CommonWords,
    /// A single first name or surname.
    NamesByThemselves,
    /// Common first names or surnames.
    CommonNames,
    /// The insurer's, an operator's or the site's name: tied to the leak.
    ContextWord,
    /// A straight row of keys.
    StraightRow,
    /// A short keyboard pattern with turns.
    KeyPattern,
    /// One repeated character.
    SimpleRepeat,
    /// A repeated group of characters.
    ExtendedRepeat,
    /// A sequence such as `abc` or `6543`.
    Sequences,
    /// A recent or birth year.
    RecentYears,
    /// A date; birth dates were among the leaked data.
    Dates,
    /// A NIR-shaped number; NIRs were among the leaked data.
    Nir,
    /// A phone number.
    PhoneNumber,
}

/// What to do instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Suggestion {
    /// Use several words.
    UseWords,
    /// Symbols, digits and capitals are not required.
    NoNeedForSymbols,
    /// Add one or two uncommon words.
    AnotherWord,
    /// A leading capital adds little.
    Capitalization,
    /// All capitals add little.
    AllUppercase,
    /// Reversed words add little.
    ReverseWords,
    /// Predictable substitutions add little.
    Substitution,
    /// Longer keyboard patterns with more turns.
    LongerKeyboardPattern,
    /// Avoid repeats.
    RepeatedPatterns,
    /// Avoid sequences.
    Sequences,
    /// Avoid recent years and years tied to you.
    RecentYears,
    /// Avoid dates tied to you.
    Dates,
    /// Never put a NIR in a password.
    NeverNir,
    /// Avoid the insurer's or site's name.
    AvoidContextWords,
}

/// The feedback for one estimate.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Feedback {
    /// The main problem, if any.
    pub warning: Option<Warning>,
    /// What to do about it, most useful first.
    pub suggestions: Vec<Suggestion>,
}

impl Warning {
    /// Every warning, for tests that walk all texts.
    pub const ALL: [Warning; 18] = [
        Warning::TopTen,
        Warning::TopHundred,
        Warning::Common,
        Warning::SimilarToCommon,
        Warning::WordByItself,
        Warning::CommonWords,
        Warning::NamesByThemselves,
        Warning::CommonNames,
        Warning::ContextWord,
        Warning::StraightRow,
        Warning::KeyPattern,
        Warning::SimpleRepeat,
        Warning::ExtendedRepeat,
        Warning::Sequences,
        Warning::RecentYears,
        Warning::Dates,
        Warning::Nir,
        Warning::PhoneNumber,
    ];

    /// The warning's text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr(),
            Lang::En => self.en(),
        }
    }

    fn fr(self) -> &'static str {
        match self {
            Warning::TopTen => "C'est l'un des 10 mots de passe les plus utilisés.",
            Warning::TopHundred => "C'est l'un des 100 mots de passe les plus utilisés.",
            Warning::Common => "C'est un mot de passe très courant.",
            Warning::SimilarToCommon => "Cela ressemble à un mot de passe très courant.",
            Warning::WordByItself => "Un mot seul est facile à deviner.",
            Warning::CommonWords => {
                "Les mots courants sont faciles à deviner, même suivis de chiffres ou de symboles."
            }
            Warning::NamesByThemselves => "Un prénom ou un nom seul est facile à deviner.",
            Warning::CommonNames => "Les prénoms et noms courants sont faciles à deviner.",
            Warning::ContextWord => {
                "Le nom de votre mutuelle ou d'un opérateur de tiers payant fait partie des \
                 premiers essais d'un fraudeur."
            }
            Warning::StraightRow => {
                "Une rangée de touches (comme « azerty ») est facile à deviner."
            }
            Warning::KeyPattern => "Un motif court sur le clavier est facile à deviner.",
            Warning::SimpleRepeat => "Les répétitions comme « aaa » sont faciles à deviner.",
            Warning::ExtendedRepeat => {
                "Les répétitions comme « abcabcabc » sont à peine plus difficiles à deviner \
                 que « abc »."
            }
            Warning::Sequences => "Les suites comme « abc » ou « 6543 » sont faciles à deviner.",
            Warning::RecentYears => "Les années récentes ou de naissance sont faciles à deviner.",
            Warning::Dates => {
                "Les dates sont faciles à deviner, et des dates de naissance ont fuité."
            }
            Warning::Nir => {
                "Cela ressemble à un numéro de sécurité sociale : les NIR font partie des \
                 données qui ont fuité."
            }
            Warning::PhoneNumber => {
                "Un numéro de téléphone se devine vite : il est connu de vos proches, et \
                 souvent d’un fichier."
            }
        }
    }

    fn en(self) -> &'static str {
        match self {
            Warning::TopTen => "This is one of the 10 most used passwords.",
            Warning::TopHundred => "This is one of the 100 most used passwords.",
            Warning::Common => "This is a very common password.",
            Warning::SimilarToCommon => "This is similar to a very common password.",
            Warning::WordByItself => "A word by itself is easy to guess.",
            Warning::CommonWords => {
                "Common words are easy to guess, even with digits or symbols added."
            }
            Warning::NamesByThemselves => "A first name or surname by itself is easy to guess.",
            Warning::CommonNames => "Common first names and surnames are easy to guess.",
            Warning::ContextWord => {
                "Your insurer's or a claims operator's name is among the first things a \
                 fraudster tries."
            }
            Warning::StraightRow => "Straight rows of keys (like \"qwerty\") are easy to guess.",
            Warning::KeyPattern => "Short keyboard patterns are easy to guess.",
            Warning::SimpleRepeat => "Repeats like \"aaa\" are easy to guess.",
            Warning::ExtendedRepeat => {
                "Repeats like \"abcabcabc\" are only slightly harder to guess than \"abc\"."
            }
            Warning::Sequences => "Sequences like \"abc\" or \"6543\" are easy to guess.",
            Warning::RecentYears => "Recent years and birth years are easy to guess.",
            Warning::Dates => "Dates are easy to guess, and birth dates were leaked.",
            Warning::Nir => {
                "This looks like a social security number (NIR): NIRs were among the leaked \
                 data."
            }
            Warning::PhoneNumber => {
                "A phone number is quickly guessed: the people around you know it, and so do \
                 many files."
            }
        }
    }
}

impl Suggestion {
    /// Every suggestion, for tests that walk all texts.
    pub const ALL: [Suggestion; 14] = [
        Suggestion::UseWords,
        Suggestion::NoNeedForSymbols,
        Suggestion::AnotherWord,
        Suggestion::Capitalization,
        Suggestion::AllUppercase,
        Suggestion::ReverseWords,
        Suggestion::Substitution,
        Suggestion::LongerKeyboardPattern,
        Suggestion::RepeatedPatterns,
        Suggestion::Sequences,
        Suggestion::RecentYears,
        Suggestion::Dates,
        Suggestion::NeverNir,
        Suggestion::AvoidContextWords,
    ];

    /// The suggestion's text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr(),
            Lang::En => self.en(),
        }
    }

    fn fr(self) -> &'static str {
        match self {
            Suggestion::UseWords => {
                "Utilisez plusieurs mots, en évitant les expressions courantes."
            }
            Suggestion::NoNeedForSymbols => "Pas besoin de symboles, de chiffres ni de majuscules.",
            Suggestion::AnotherWord => "Ajoutez un ou deux mots, de préférence peu courants.",
            Suggestion::Capitalization => "Une majuscule au début n’aide pas beaucoup.",
            Suggestion::AllUppercase => {
                "Tout en majuscules est presque aussi facile à deviner que tout en minuscules."
            }
            Suggestion::ReverseWords => {
                "Les mots à l'envers ne sont pas beaucoup plus difficiles à deviner."
            }
            Suggestion::Substitution => {
                "Les substitutions prévisibles comme « @ » pour « a » n’aident pas beaucoup."
            }
            Suggestion::LongerKeyboardPattern => {
                "Utilisez un motif de clavier plus long, avec plus de changements de direction."
            }
            Suggestion::RepeatedPatterns => "Évitez les mots et les caractères répétés.",
            Suggestion::Sequences => "Évitez les suites de lettres ou de chiffres.",
            Suggestion::RecentYears => "Évitez les années récentes et celles qui vous concernent.",
            Suggestion::Dates => {
                "Évitez les dates qui vous concernent, comme votre date de naissance."
            }
            Suggestion::NeverNir => {
                "N'utilisez jamais votre numéro de sécurité sociale dans un mot de passe."
            }
            Suggestion::AvoidContextWords => {
                "Évitez le nom de votre mutuelle, de votre assureur ou de ce site."
            }
        }
    }

    fn en(self) -> &'static str {
        match self {
            Suggestion::UseWords => "Use several words, and avoid common phrases.",
            Suggestion::NoNeedForSymbols => "No need for symbols, digits or capital letters.",
            Suggestion::AnotherWord => "Add a word or two, preferably uncommon ones.",
            Suggestion::Capitalization => "A leading capital letter doesn't help much.",
            Suggestion::AllUppercase => {
                "All capitals are almost as easy to guess as all lowercase."
            }
            Suggestion::ReverseWords => "Reversed words aren't much harder to guess.",
            Suggestion::Substitution => {
                "Predictable substitutions like \"@\" for \"a\" don't help much."
            }
            Suggestion::LongerKeyboardPattern => "Use a longer keyboard pattern with more turns.",
            Suggestion::RepeatedPatterns => "Avoid repeated words and characters.",
            Suggestion::Sequences => "Avoid sequences of letters or digits.",
            Suggestion::RecentYears => "Avoid recent years and years associated with you.",
            Suggestion::Dates => "Avoid dates associated with you, such as your birth date.",
            Suggestion::NeverNir => "Never use your social security number in a password.",
            Suggestion::AvoidContextWords => {
                "Avoid the name of your insurer, of your health plan or of this site."
            }
        }
    }
}

/// Builds the feedback for a rated password.
pub(crate) fn feedback(
    pw: &Password,
    score: Score,
    sequence: &[ScoredMatch],
    leaks: LeakFlags,
) -> Feedback {
    if sequence.is_empty() {
        return Feedback {
            warning: None,
            suggestions: vec![Suggestion::UseWords, Suggestion::NoNeedForSymbols],
        };
    }
    let weak = score <= Score::Two;
    if leaks.nir {
        let mut suggestions = vec![Suggestion::NeverNir];
        if weak {
            suggestions.push(Suggestion::AnotherWord);
        }
        return Feedback {
            warning: Some(Warning::Nir),
            suggestions,
        };
    }
    if !weak {
        return if leaks.context_word {
            Feedback {
                warning: Some(Warning::ContextWord),
                suggestions: vec![Suggestion::AvoidContextWords],
            }
        } else {
            Feedback::default()
        };
    }
    // The longest match (the first of equals) explains most of the weakness.
    let longest = sequence.iter().reduce(|best, m| {
        if m.range.len() > best.range.len() {
            m
        } else {
            best
        }
    });
    let mut out = Feedback {
        warning: None,
        suggestions: vec![Suggestion::AnotherWord],
    };
    if let Some(m) = longest {
        pattern_feedback(pw, m, sequence.len() == 1, &mut out);
    }
    if leaks.context_word && !out.suggestions.contains(&Suggestion::AvoidContextWords) {
        out.suggestions.push(Suggestion::AvoidContextWords);
    }
    if leaks.date && !out.suggestions.contains(&Suggestion::Dates) {
        out.suggestions.push(Suggestion::Dates);
    }
    out
}

fn pattern_feedback(pw: &Password, m: &ScoredMatch, sole: bool, out: &mut Feedback) {
    match &m.pattern {
        Pattern::Dictionary(d) => {
            out.warning = match d.dictionary.kind() {
                DictionaryKind::Password if sole && d.rank <= 10 => Some(Warning::TopTen),
                DictionaryKind::Password if sole && d.rank <= 100 => Some(Warning::TopHundred),
                DictionaryKind::Password if sole => Some(Warning::Common),
                DictionaryKind::Password if m.guesses_log10 <= 4.0 => {
                    Some(Warning::SimilarToCommon)
                }
                DictionaryKind::Password => None,
                DictionaryKind::Word if sole => Some(Warning::WordByItself),
                DictionaryKind::Word if m.guesses_log10 <= 4.0 => Some(Warning::CommonWords),
                DictionaryKind::Word => None,
                DictionaryKind::Name if sole => Some(Warning::NamesByThemselves),
                DictionaryKind::Name => Some(Warning::CommonNames),
                DictionaryKind::Context => Some(Warning::ContextWord),
            };
            let token = pw.slice(&m.range);
            let first_upper = token.first().is_some_and(|c| c.is_uppercase());
            let all_upper =
                token.iter().any(|c| c.is_uppercase()) && !token.iter().any(|c| c.is_lowercase());
            if all_upper {
                out.suggestions.push(Suggestion::AllUppercase);
            } else if first_upper {
                out.suggestions.push(Suggestion::Capitalization);
            }
            if d.reversed && token.len() >= 4 {
                out.suggestions.push(Suggestion::ReverseWords);
            }
            if !d.substitutions.is_empty() {
                out.suggestions.push(Suggestion::Substitution);
            }
            if d.dictionary.kind() == DictionaryKind::Context {
                out.suggestions.push(Suggestion::AvoidContextWords);
            }
        }
        Pattern::Spatial(SpatialMatch { turns, .. }) => {
            out.warning = Some(if *turns <= 1 {
                Warning::StraightRow
            } else {
                Warning::KeyPattern
            });
            out.suggestions.push(Suggestion::LongerKeyboardPattern);
        }
        Pattern::Repeat(r) => {
            out.warning = Some(if r.base_len == 1 {
                Warning::SimpleRepeat
            } else {
                Warning::ExtendedRepeat
            });
            out.suggestions.push(Suggestion::RepeatedPatterns);
        }
        Pattern::Sequence(_) => {
            out.warning = Some(Warning::Sequences);
            out.suggestions.push(Suggestion::Sequences);
        }
        Pattern::Year(_) => {
            out.warning = Some(Warning::RecentYears);
            out.suggestions.push(Suggestion::RecentYears);
        }
        Pattern::Date(_) => {
            out.warning = Some(Warning::Dates);
            out.suggestions.push(Suggestion::Dates);
        }
        Pattern::Nir(_) => {
            out.warning = Some(Warning::Nir);
            out.suggestions.push(Suggestion::NeverNir);
        }
        Pattern::Interleaved(_) => {
            out.warning = Some(Warning::KeyPattern);
            out.suggestions.push(Suggestion::LongerKeyboardPattern);
        }
        Pattern::Phone => {
            out.warning = Some(Warning::PhoneNumber);
            out.suggestions.push(Suggestion::UseWords);
        }
        Pattern::Suffix(_) | Pattern::BruteForce => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_warning_and_suggestion_has_a_text_in_every_language() {
        for lang in Lang::ALL {
            for w in Warning::ALL {
                assert!(w.text(lang).len() > 10, "{w:?} {lang:?}");
            }
            for s in Suggestion::ALL {
                assert!(s.text(lang).len() > 10, "{s:?} {lang:?}");
            }
        }
    }

    #[test]
    fn french_and_english_texts_differ() {
        for w in Warning::ALL {
            assert_ne!(w.text(Lang::Fr), w.text(Lang::En));
        }
    }
}
