//! The password estimator against known cases, the committed dictionary, and arbitrary input.

use std::sync::{Arc, OnceLock};

use breach_check::i18n::Lang;
use breach_check::password::{
    Context, Dictionaries, DictionaryKind, DictionaryName, Estimate, Layout, MAX_RATED_CHARS,
    Pattern, Score, Suggestion, TimeBucket, Warning, estimate,
};
use proptest::prelude::*;

/// The committed full dictionary, read as the browser would receive it.
static DICT_BYTES: &[u8] = include_bytes!("../assets/breach-check.dict");

/// The reference year the estimates are made in.
const YEAR: i32 = 2024;

fn dictionaries() -> Arc<Dictionaries> {
    static DICT: OnceLock<Arc<Dictionaries>> = OnceLock::new();
    DICT.get_or_init(|| match Dictionaries::decode(DICT_BYTES) {
        Ok(d) => Arc::new(d),
        Err(e) => panic!("the committed dictionary does not decode: {e}"),
    })
    .clone()
}

fn context() -> Context {
    Context::new(YEAR)
        .with_dictionaries(dictionaries())
        // The widget passes the data pack's insurer and operator names, as here.
        .with_extra_words(&breach_check::pack::Pack::builtin().context_words())
}

fn rate(password: &str) -> Estimate {
    estimate(password, &context())
}

fn longest_pattern(e: &Estimate) -> Option<&Pattern> {
    e.sequence
        .iter()
        .reduce(|a, b| if b.range.len() > a.range.len() { b } else { a })
        .map(|m| &m.pattern)
}

/// A NIR with its valid key: 97 − (number mod 97).
fn nir_with_key(number: u64) -> String {
    format!("{number:013}{:02}", 97 - number % 97)
}

/// Each row becomes its own test: the password must score at most `max`.
macro_rules! weak {
    ($($name:ident: $password:expr => at_most $max:expr;)*) => {$(
        #[test]
        fn $name() {
            let e = rate($password);
            assert!(e.score <= $max, "{:?} scored {:?} ({:.2}): {:#?}", $password, e.score,
                e.guesses_log10, e.sequence);
        }
    )*};
}

weak! {
    motdepasse_is_weak: "motdepasse" => at_most Score::One;
    azerty123_is_weak: "azerty123" => at_most Score::One;
    wxcvbn_is_weak: "wxcvbn" => at_most Score::One;
    qsdfghjklm_is_weak: "qsdfghjklm" => at_most Score::One;
    marie1985_is_weak: "Marie1985" => at_most Score::One;
    mutami2024_is_weak_with_the_pack_words: "mutami2024" => at_most Score::One;
    viamedis_with_a_bang_is_weak: "Viamedis!" => at_most Score::One;
    a_nir_without_key_is_weak: "1850775123456" => at_most Score::Zero;
    a_nir_with_its_key_is_weak: &nir_with_key(2_920_375_123_456) => at_most Score::Zero;
    a_spaced_nir_is_weak: "1 85 07 75 123 456" => at_most Score::One;
    an_accent_folded_word_is_weak: "lumiere" => at_most Score::One;
    an_accented_word_is_weak: "Télécharger" => at_most Score::One;
    a_l33t_password_is_weak: "P@ssw0rd" => at_most Score::One;
    a_french_birth_date_is_weak: "02031985" => at_most Score::One;
    a_separated_birth_date_is_weak: "14/07/1989" => at_most Score::One;
    a_name_and_a_birth_date_is_weak: "Nicolas02031985" => at_most Score::Two;
    a_keypad_walk_is_weak: "7894561230" => at_most Score::One;
    a_repeated_word_is_weak: "soleilsoleilsoleil" => at_most Score::One;
    a_reversed_word_is_weak: "essapedtom" => at_most Score::One;
    a_french_first_name_and_digits_is_weak: "camille13" => at_most Score::One;
    a_compound_first_name_and_year_is_weak: "Jean-Pierre1985" => at_most Score::One;
    a_hyphenated_common_password_is_weak: "mot-de-passe" => at_most Score::One;
    a_word_year_and_symbol_is_not_strong: "Soleil1985!" => at_most Score::Two;
    // Phrases of common words run together: priced as a phrase, not as rare words.
    a_phrase_of_common_words_is_weak: "lechatdelavoisine" => at_most Score::Two;
    a_phrase_with_a_capital_is_weak: "Jesuisletempsquipasse" => at_most Score::Two;
    a_short_phrase_is_weak: "toutvabien" => at_most Score::One;
    // A word and a département code, Corsica and overseas included.
    a_word_and_a_departement_is_weak: "pitchoune83" => at_most Score::One;
    a_word_and_corsica_is_weak: "bastia2b" => at_most Score::One;
    a_word_and_an_overseas_departement_is_weak: "soleil974" => at_most Score::One;
    // Phone numbers, written any way.
    a_mobile_number_is_weak: "0798123456" => at_most Score::One;
    a_spaced_landline_is_weak: "01 45 67 89 12" => at_most Score::One;
    an_international_number_is_weak: "+33645123789" => at_most Score::One;
    // Affectionate endings and doubled syllables.
    an_affectionate_ending_is_weak: "bichounette" => at_most Score::One;
    a_doubled_syllable_is_weak: "nounou" => at_most Score::One;
    // Interleaved walks: a row with digits, and columns.
    a_row_interleaved_with_digits_is_weak: "q1s2d3f4g5h6" => at_most Score::One;
    keyboard_columns_are_weak: "zs1xd2cf3" => at_most Score::Two;
    // A domain name.
    a_domain_is_weak: "monsite.fr" => at_most Score::One;
    // A `?` left where an accented letter was lost.
    a_lost_accent_is_weak: "t?l?phone" => at_most Score::One;
}

/// Each row becomes its own test: the password must score at least `min`.
macro_rules! strong {
    ($($name:ident: $password:expr => at_least $min:expr;)*) => {$(
        #[test]
        fn $name() {
            let e = rate($password);
            assert!(e.score >= $min, "{:?} scored {:?} ({:.2}): {:#?}", $password, e.score,
                e.guesses_log10, e.sequence);
        }
    )*};
}

strong! {
    // Long passphrases of random words stay strong, with or without separators.
    a_spaced_sentence_stays_strong:
        "Trois chats dorment sous la pluie de mars" => at_least Score::Three;
    a_hyphenated_passphrase_stays_strong:
        "girafe-tambour-nuage-citron-velo-orage" => at_least Score::Three;
    a_spaced_passphrase_of_rare_words_stays_strong:
        "hublot ortie sarbacane menhir quinoa" => at_least Score::Three;
    four_random_words_run_together_stay_strong:
        "boussolegrenierpastequeviolon" => at_least Score::Three;
    five_random_words_run_together_stay_strong:
        "marteaujardinnuagepommefenetre" => at_least Score::Three;
}

#[test]
fn random_sixteen_character_passwords_score_four() {
    // Drawn once from a CSPRNG over [A-Za-z0-9] and symbols; literal for reproducibility.
    for pw in [
        "k7#Qv2!mZ9x@Lp4W",
        "Tq8$wN3zR6&cY1vB",
        "f4J!x9Qm2@Wz7Lk#",
        "9vH&3kP!tZ6qM2x$",
    ] {
        let e = rate(pw);
        assert_eq!(
            e.score,
            Score::Four,
            "{pw}: {:.2} {:#?}",
            e.guesses_log10,
            e.sequence
        );
    }
}

#[test]
fn a_six_word_french_passphrase_scores_at_least_three() {
    for pw in [
        "cheval lampe orage tulipe carton brume",
        "marteau-jardin-nuage-pomme-velo-fenetre",
        "citronbougiemontagnevoiturelivreplage",
    ] {
        let e = rate(pw);
        assert!(
            e.score >= Score::Three,
            "{pw}: {:.2} {:#?}",
            e.guesses_log10,
            e.sequence
        );
    }
}

#[test]
fn a_keyboard_row_is_reported_as_a_straight_row() {
    // Not `wxcvbn`: French users chose it so often that it is a listed password.
    let e = rate("wxcvbn,;:!");
    assert_eq!(e.feedback.warning, Some(Warning::StraightRow));
    assert!(matches!(longest_pattern(&e), Some(Pattern::Spatial(s)) if s.layout == Layout::Azerty));
}

#[test]
fn an_azerty_row_missing_from_the_lists_is_a_straight_row() {
    let e = rate("sdfghjklmù");
    assert_eq!(
        e.feedback.warning,
        Some(Warning::StraightRow),
        "{:#?}",
        e.sequence
    );
}

#[test]
fn a_listed_keyboard_password_is_reported_as_common_or_as_a_row() {
    let e = rate("azerty123");
    assert!(
        matches!(
            e.feedback.warning,
            Some(Warning::Common | Warning::SimilarToCommon | Warning::StraightRow)
        ),
        "{:?} {:#?}",
        e.feedback,
        e.sequence
    );
}

#[test]
fn motdepasse_is_reported_as_a_common_password() {
    let e = rate("motdepasse");
    assert!(
        matches!(
            e.feedback.warning,
            Some(Warning::Common | Warning::TopHundred | Warning::TopTen)
        ),
        "{:?} {:#?}",
        e.feedback,
        e.sequence
    );
}

#[test]
fn a_nir_warns_about_the_leak_whatever_the_score() {
    let e = rate("1850775123456");
    assert_eq!(e.feedback.warning, Some(Warning::Nir));
    assert!(e.feedback.suggestions.contains(&Suggestion::NeverNir));
    assert!(e.leaks.nir);
    let strong = rate("1850775123456 Tq8$wN3zR6&cY1vB");
    assert!(strong.score >= Score::Three);
    assert_eq!(strong.feedback.warning, Some(Warning::Nir));
}

#[test]
fn an_insurer_name_is_reported_as_a_context_word() {
    let e = rate("mutami2024");
    assert_eq!(
        e.feedback.warning,
        Some(Warning::ContextWord),
        "{:#?}",
        e.sequence
    );
    assert!(e.leaks.context_word);
    assert!(e.leaks.date);
}

#[test]
fn a_name_found_only_backwards_inside_a_word_is_not_a_context_word() {
    // "verte" holds "etre" (from "Mieux-Être") reversed: a coincidence, not the insurer.
    let e = rate("souris verte");
    assert!(!e.leaks.context_word, "{:#?}", e.sequence);
    assert_ne!(e.feedback.warning, Some(Warning::ContextWord));
    // A name written backwards on its own is still caught.
    assert!(rate("sidemaiv").leaks.context_word);
}

#[test]
fn a_common_word_with_digits_is_reported_as_a_common_word() {
    // Not `soleil13`, which is itself a listed French password.
    let e = rate("chemin13");
    assert_eq!(
        e.feedback.warning,
        Some(Warning::CommonWords),
        "{:#?}",
        e.sequence
    );
}

#[test]
fn a_first_name_with_a_year_flags_the_date_and_names_the_name() {
    // Not `Marie1985`, which is itself a listed French password.
    let e = rate("Sophie1987");
    assert!(e.leaks.date);
    assert!(
        matches!(
            e.feedback.warning,
            Some(Warning::CommonNames | Warning::Common | Warning::SimilarToCommon)
        ),
        "{:?} {:#?}",
        e.feedback,
        e.sequence
    );
    assert!(e.feedback.suggestions.contains(&Suggestion::Capitalization));
}

#[test]
fn context_words_without_the_pack_are_not_known() {
    let without = estimate(
        "mutami2024",
        &Context::new(YEAR).with_dictionaries(dictionaries()),
    );
    assert!(!without.leaks.context_word);
    assert!(without.guesses_log10 > rate("mutami2024").guesses_log10);
}

#[test]
fn the_estimator_works_without_the_full_dictionary() {
    let builtin = Context::new(YEAR);
    for pw in ["azerty", "123456", "wxcvbn", "password", "1850775123456"] {
        let e = estimate(pw, &builtin);
        assert!(e.score <= Score::One, "{pw}: {:?}", e.score);
    }
}

#[test]
fn crack_times_have_display_buckets_in_both_languages() {
    let e = rate("motdepasse");
    assert_eq!(
        e.crack_times.offline_fast_hash.display,
        TimeBucket::LessThanASecond
    );
    assert_eq!(
        e.crack_times.offline_fast_hash.display.text(Lang::Fr),
        "moins d’une seconde"
    );
    assert!((e.bits - e.guesses_log10 * std::f64::consts::LOG2_10).abs() < 1e-9);
}

#[test]
fn the_sequence_covers_the_password_in_order() {
    let pw = "Jean-Pierre1985!azerty";
    let e = rate(pw);
    let mut end = 0;
    for m in &e.sequence {
        assert_eq!(m.range.start, end);
        end = m.range.end;
    }
    assert_eq!(end, pw.chars().count());
}

// ---- the committed dictionary ----------------------------------------------------------

#[test]
fn the_committed_dictionary_decodes_with_every_list() {
    let d = dictionaries();
    assert!(d.len() > 20_000, "{} words", d.len());
    for name in [
        DictionaryName::Passwords,
        DictionaryName::FrenchPasswords,
        DictionaryName::FrenchWords,
        DictionaryName::FrenchFirstNames,
        DictionaryName::FrenchSurnames,
        DictionaryName::EnglishWords,
    ] {
        assert!(
            d.lists().iter().any(|l| l.name == name && l.entries > 0),
            "{name:?} missing"
        );
    }
}

#[test]
fn the_committed_dictionary_holds_expected_entries() {
    let d = dictionaries();
    let kind = |w: &str| d.lookup(w).map(|e| e.dictionary.kind());
    assert_eq!(
        d.lookup("123456").map(|e| e.dictionary),
        Some(DictionaryName::Passwords)
    );
    assert_eq!(kind("azerty"), Some(DictionaryKind::Password));
    assert!(d.lookup("motdepasse").is_some());
    assert_eq!(kind("télécharger"), Some(DictionaryKind::Word));
    assert_eq!(kind("lumière"), kind("lumiere"));
    assert!(d.lookup("celibataire").is_some());
    assert!(d.lookup("bisounours").is_some());
    assert!(d.lookup("dupont").is_some());
}

#[test]
fn french_names_are_ranked_by_frequency_and_not_swapped() {
    let d = dictionaries();
    let rank = |w: &str, list: DictionaryName| {
        d.lookup(w).filter(|e| e.dictionary == list).map(|e| e.rank)
    };
    // Common first names rank ahead of rare ones, surnames are in the surname list.
    let nathalie = d.lookup("nathalie").map(|e| e.rank).unwrap_or(u32::MAX);
    let gwladys = d.lookup("gwladys").map(|e| e.rank).unwrap_or(u32::MAX);
    assert!(nathalie < gwladys);
    assert!(rank("lefebvre", DictionaryName::FrenchSurnames).is_some());
    assert!(rank("lefebvre", DictionaryName::FrenchFirstNames).is_none());
}

#[test]
fn the_builtin_dictionary_is_a_subset_of_the_full_one() {
    let builtin = Dictionaries::builtin();
    let full = dictionaries();
    for w in ["azerty", "123456", "marie", "martin"] {
        assert!(builtin.lookup(w).is_some(), "{w} not built in");
        assert!(full.lookup(w).is_some(), "{w} not in full");
    }
}

// ---- properties ------------------------------------------------------------------------

/// Generous bounds on the work for any input (the cap makes them independent of length).
const MAX_DICTIONARY_STEPS: usize = 400_000;
const MAX_MATCHES: usize = 20_000;
const MAX_SEARCH_STEPS: usize = 3_000_000;

fn assert_bounded(e: &Estimate) {
    assert!(e.rated_chars <= MAX_RATED_CHARS);
    assert!(e.guesses_log10.is_finite() && e.guesses_log10 >= 0.0);
    assert!(
        e.work.dictionary_steps <= MAX_DICTIONARY_STEPS,
        "{:?}",
        e.work
    );
    assert!(e.work.matches <= MAX_MATCHES, "{:?}", e.work);
    assert!(e.work.search_steps <= MAX_SEARCH_STEPS, "{:?}", e.work);
}

#[test]
fn repetitions_across_the_cap_are_no_stronger_than_shorter_ones() {
    // The cut at 256 characters used to split the last repetition, and the leftover became
    // extra patterns: `motdepasse`×26 scored 4 where ×25 scored 1.
    for base in ["motdepasse", "mutami", "soleil", "Marie2024!", "abc"] {
        let len = base.chars().count();
        let below = MAX_RATED_CHARS / len;
        for times in below.saturating_sub(2)..below + 4 {
            let shorter = rate(&base.repeat(times));
            let longer = rate(&base.repeat(times + 1));
            assert!(
                longer.score <= shorter.score.max(Score::One),
                "{base}×{}: {:?} after {:?}: {:#?}",
                times + 1,
                longer.score,
                shorter.score,
                longer.sequence
            );
        }
    }
}

/// The slowest inputs known for this meter: runs of a l33t digit, a periodic run, random
/// digits (dates and l33t everywhere), and other meters' slow cases at 256 characters.
fn worst_inputs() -> Vec<String> {
    let mut digits = String::new();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..MAX_RATED_CHARS {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        digits.push(char::from(b'0' + ((x >> 33) % 10) as u8));
    }
    vec![
        "1".repeat(MAX_RATED_CHARS),
        "17".repeat(MAX_RATED_CHARS / 2),
        "0".repeat(MAX_RATED_CHARS),
        "l1".repeat(MAX_RATED_CHARS / 2),
        digits,
        "aB3$".repeat(MAX_RATED_CHARS / 4),
        "1@3$5!7|0".repeat(29),
        "mot de passe soleil bonjour chocolat ".repeat(7),
    ]
}

#[test]
fn the_worst_known_inputs_stay_within_a_tight_budget() {
    // Work counters, not a clock: `make bench` measures the time (≤ 2 ms in Chromium). A
    // run of `1`s took 16,000 dictionary steps before l33t branches were bounded.
    for pw in worst_inputs() {
        let e = rate(&pw);
        assert!(
            e.work.dictionary_steps <= 8_000 && e.work.matches <= 1_500,
            "{:?}…: {:?}",
            pw.get(..12),
            e.work
        );
        assert!(
            e.work.search_steps <= 40_000,
            "{:?}…: {:?}",
            pw.get(..12),
            e.work
        );
    }
}

#[test]
fn the_search_work_is_linear_in_the_matches_and_the_length() {
    // The search keeps a few states per position, so each candidate match and each
    // position costs it a bounded number of steps, whatever the input. Before that bound,
    // 256 random digits (a date at every position) took 25,839 steps for 400 matches, over
    // 16 × (400 + 256) = 10,496.
    for pw in worst_inputs() {
        let e = rate(&pw);
        let bound = 16 * (e.work.matches + e.rated_chars);
        assert!(
            e.work.search_steps <= bound,
            "{:?}…: {} steps, bound {bound}: {:?}",
            pw.get(..12),
            e.work.search_steps,
            e.work
        );
    }
}

#[test]
fn known_slow_inputs_for_other_meters_stay_bounded() {
    let cases = [
        "aB3$".repeat(64),
        " .,?!'-/_:;+()@$\"#&*<>=[]\\~%^{}|1234567890".to_owned(),
        " .,?!'-/_:;+()@$\"#&*<>=[]\\~%^{}|1234567890".repeat(2),
        "1".repeat(10_000),
        "a".repeat(10_000),
        "1@3$5!7|0".repeat(100),
        "e\u{301}".repeat(3000),
        "🔑👍🏽".repeat(2000),
        "1850775123456".repeat(50),
        "azertyuiop".repeat(100),
        "mot de passe ".repeat(100),
    ];
    for pw in &cases {
        let e = rate(pw);
        assert_bounded(&e);
    }
}

fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        any::<char>(),
        proptest::sample::select(
            "aezrtyqsdmlwxcvbn0123456789@$!|1+({[<%#&é\u{301}œß 2AB-./"
                .chars()
                .collect::<Vec<_>>()
        ),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_never_panics_and_stays_bounded(
        chars in proptest::collection::vec(any::<char>(), 0..10_000)
    ) {
        let pw: String = chars.into_iter().collect();
        let e = rate(&pw);
        assert_bounded(&e);
    }

    #[test]
    fn l33t_and_keyboard_heavy_input_never_panics_and_stays_bounded(
        chars in proptest::collection::vec(tricky_char(), 0..600)
    ) {
        let pw: String = chars.into_iter().collect();
        let e = rate(&pw);
        assert_bounded(&e);
        let mut end = 0;
        for m in &e.sequence {
            prop_assert_eq!(m.range.start, end);
            end = m.range.end;
        }
        prop_assert_eq!(end, e.rated_chars);
    }
}

/// Until the full dictionary arrives (it is fetched on first use), the built-in list rates
/// alone: the commonest French passwords must already be weak with it.
#[test]
fn the_built_in_list_alone_rates_the_commonest_french_passwords_weak() {
    let context = Context::new(2026);
    for password in [
        "motdepasse",
        "azerty",
        "123456",
        "soleil",
        "doudou",
        "loulou",
    ] {
        let e = estimate(password, &context);
        assert!(
            e.score <= Score::One,
            "{password} rated {:?} by the built-in list",
            e.score
        );
    }
}

// ---- phrase and suffix pricing --------------------------------------------------------

#[test]
fn a_camel_cased_phrase_pays_its_capitals_once() {
    // Capitalising every word is one rule: `ChatNoir` costs what `Chatnoir` costs.
    let camel = rate("ChatNoir");
    let first_only = rate("Chatnoir");
    let lower = rate("chatnoir");
    assert!(
        (camel.guesses_log10 - first_only.guesses_log10).abs() < 1e-9,
        "{:.3} vs {:.3}: {:#?}",
        camel.guesses_log10,
        first_only.guesses_log10,
        camel.sequence
    );
    // Within the formula's `+ 1` (D^0 for a sequence of one pattern).
    assert!((camel.guesses_log10 - lower.guesses_log10 - 2f64.log10()).abs() < 1e-3);
}

#[test]
fn a_year_appended_to_a_word_multiplies_it_by_the_years_only() {
    // Word + year is the commonest mangling rule: the year adds its 20 candidate years
    // (any of the last century), not a pattern of its own.
    for (word, with_year) in [("soleil", "soleil1985"), ("ChatNoir", "ChatNoir2019")] {
        let alone = rate(word).guesses_log10;
        let appended = rate(with_year);
        assert!(
            (appended.guesses_log10 - alone - 20f64.log10()).abs() < 1e-3,
            "{with_year}: {:.3} against {alone:.3}: {:#?}",
            appended.guesses_log10,
            appended.sequence
        );
    }
}

#[test]
fn a_two_word_pet_name_with_a_year_and_a_bang_is_not_strong() {
    for pw in ["ChatNoir2019!", "PetitLoup2012!", "GrosMinet1999!"] {
        let e = rate(pw);
        assert!(
            e.score <= Score::Two,
            "{pw}: {:?} ({:.2}): {:#?}",
            e.score,
            e.guesses_log10,
            e.sequence
        );
    }
}

#[test]
fn a_year_after_random_characters_is_no_suffix() {
    // Only a word takes a year as a suffix: random characters around a year keep the price
    // of separate patterns, so a random string stays strong.
    let e = rate("xK9#1987qZ!v");
    assert!(
        e.score >= Score::Three,
        "{:.2}: {:#?}",
        e.guesses_log10,
        e.sequence
    );
}

// ---- the dictionary format -------------------------------------------------------------

/// Encodes `dict` again in format 2, with the header (rank table and lists) of `original`:
/// the decoder keeps every word, list and bucket if this gives the same bytes back.
fn encode_again(dict: &Dictionaries, original: &[u8]) -> Vec<u8> {
    // Header: magic (6), version (1), bucket count K, K varint ranks, lists, word count.
    let mut pos = 8;
    let varint = |bytes: &[u8], pos: &mut usize| -> u32 {
        let mut value = 0u32;
        let mut shift = 0;
        loop {
            let b = bytes[*pos];
            *pos += 1;
            value |= u32::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                return value;
            }
        }
    };
    let ranks: Vec<u32> = (0..original[7])
        .map(|_| varint(original, &mut pos))
        .collect();
    let lists = varint(original, &mut pos);
    for _ in 0..lists {
        pos += 1;
        varint(original, &mut pos);
    }
    let mut out = original[..pos].to_vec();
    let entries: Vec<(String, breach_check::password::Entry)> = dict.entries().collect();
    let mut count = entries.len();
    loop {
        let b = (count & 0x7f) as u8;
        count >>= 7;
        out.push(if count > 0 { b | 0x80 } else { b });
        if count == 0 {
            break;
        }
    }
    let (mut prefixes, mut values, mut suffixes) = (Vec::new(), Vec::new(), Vec::new());
    let mut previous: &[u8] = &[];
    for (word, entry) in &entries {
        let word = word.as_bytes();
        let shared = previous
            .iter()
            .zip(word)
            .take_while(|(a, b)| a == b)
            .count();
        prefixes.push(shared as u8);
        let list = dict
            .lists()
            .iter()
            .position(|l| l.name == entry.dictionary)
            .expect("a declared list");
        let bucket = ranks
            .iter()
            .position(|&r| r == entry.rank)
            .expect("a rank of the table");
        values.push((list as u8) << 5 | bucket as u8);
        let mut tail = word[shared..].to_vec();
        *tail.last_mut().expect("a non-empty suffix") |= 0x80;
        suffixes.extend(tail);
        previous = word;
    }
    out.extend(prefixes);
    out.extend(values);
    out.extend(suffixes);
    out
}

#[test]
fn the_committed_dictionaries_round_trip_through_the_decoder() {
    let full = dictionaries();
    assert_eq!(encode_again(&full, DICT_BYTES), DICT_BYTES);
    let builtin_bytes = include_bytes!("../assets/breach-check-builtin.dict");
    let builtin = Dictionaries::decode(builtin_bytes).expect("the built-in dictionary decodes");
    assert_eq!(encode_again(&builtin, builtin_bytes), builtin_bytes);
    // Every word decoded is found again by lookup, with its entry.
    for (word, entry) in full.entries().step_by(97) {
        assert_eq!(full.lookup(&word), Some(entry), "{word}");
    }
}

#[test]
fn a_dictionary_out_of_order_or_with_a_bad_rank_table_is_refused() {
    use breach_check::password::DictError;
    // Magic, version 2, one bucket (rank 1), one list (id 0, 2 entries), two words: `ab`,
    // then one shared byte and `a`, so `aa`, which sorts before `ab`.
    let mut bytes = b"BCDICT".to_vec();
    bytes.extend([2, 1, 1, 1, 0, 2, 2]);
    bytes.extend([0, 1]); // shared prefixes
    bytes.extend([0, 0]); // list 0, bucket 0
    bytes.extend([b'a', b'b' | 0x80, b'a' | 0x80]);
    assert_eq!(
        Dictionaries::decode(&bytes).err(),
        Some(DictError::NotSorted(1))
    );
    // The same with `ac` second is a dictionary of two words.
    let last = bytes.len() - 1;
    bytes[last] = b'c' | 0x80;
    assert_eq!(Dictionaries::decode(&bytes).map(|d| d.len()), Ok(2));
    // Ranks must increase.
    let bad = b"BCDICT\x02\x02\x05\x05\x00\x00";
    assert_eq!(Dictionaries::decode(bad).err(), Some(DictError::BadRanks));
}
