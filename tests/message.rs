//! The suspicious-message check: its data files, one test per flag, bad input, and the
//! labelled corpus of `tests/fixtures/messages/`.
// Test code reads files and the environment; clippy.toml forbids that to the core only.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use std::fmt::Write as _;
use std::path::Path;

use breach_check::i18n::{Lang, Localized};
use breach_check::message::{
    Channel, ClaimKind, Context, FlagKind, Lookalike, MAX_RATED_BYTES, Note, Notice, NumberClass,
    Report, Step, Verdict, Why, check, validate_data,
};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------
// Data

#[test]
fn every_data_file_is_valid_and_every_entry_is_sourced() {
    if let Err(e) = validate_data() {
        panic!("{e}");
    }
    // Every source is graded and has an address; every one is cited (the parser checks it).
    for source in breach_check::message::sources() {
        assert!(source.url.starts_with("http"), "{}", source.id);
    }
}

/// The confusables table is what unicode-security (UTS 39) gives for the characters that can
/// stand in a domain label and look like lower-case ASCII: regenerate it with
/// `BLESS=1 cargo test --test core message::confusables`.
#[test]
fn confusables_table_matches_unicode_security() {
    let expected = confusables_table();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/message/data/confusables.txt");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &expected).expect("write the table");
    }
    let committed = std::fs::read_to_string(&path).expect("read the table");
    assert!(
        committed == expected,
        "src/message/data/confusables.txt is stale: run BLESS=1 cargo test --test core message::confusables"
    );
}

fn confusables_table() -> String {
    let mut out = String::from(
        "# Confusable characters for domain labels: code point (hex) and its skeleton.\n\
         # Generated from the unicode-security crate (UTS 39 skeleton, Unicode 18.0) by\n\
         # tests/message.rs (BLESS=1 cargo test --test core message::confusables): every character\n\
         # that may stand in a label (letters and digits; not the mathematical alphanumerics,\n\
         # which browsers map to ASCII) whose skeleton, accents dropped and lower-cased, is\n\
         # plain ASCII and differs from the character. Unicode data: Unicode License v3.\n",
    );
    for c in (0u32..=0x10FFFF).filter_map(char::from_u32) {
        let ascii = c.is_ascii();
        if ascii && !(c.is_ascii_lowercase() || c.is_ascii_digit()) {
            continue;
        }
        if !ascii && (!c.is_alphanumeric() || ('\u{1D400}'..='\u{1D7FF}').contains(&c)) {
            continue;
        }
        let skeleton: String = unicode_security::skeleton(&c.to_string())
            .filter(|m| !('\u{300}'..='\u{36F}').contains(m))
            .collect::<String>()
            .to_ascii_lowercase();
        let plain = !skeleton.is_empty()
            && skeleton
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if plain && skeleton != c.to_string() {
            let _ = writeln!(out, "{:04X} {skeleton}", u32::from(c));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Helpers

/// The context the widget builds: the data pack's insurers and operators with their official
/// domains.
fn context() -> Context {
    Context::from_pack(breach_check::pack::Pack::builtin())
}

fn rate(text: &str) -> Report {
    check(text, &context()).expect("a text to rate")
}

/// The flags' ids, for readable failures.
fn ids(report: &Report) -> Vec<&'static str> {
    report.flag_ids()
}

fn spans_text<'t>(report: &Report, text: &'t str, kind: FlagKind) -> Vec<&'t str> {
    report
        .flag(kind)
        .map(|f| f.spans.iter().filter_map(|s| s.slice(text)).collect())
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// One test per flag

#[test]
fn unofficial_link_is_a_link_outside_the_claimed_organisations_domains() {
    let text = "Assurance Maladie : votre remboursement vous attend sur https://remboursement-rapide.com/dossier";
    let report = rate(text);
    assert!(report.has(FlagKind::UnofficialLink), "{:?}", ids(&report));
    assert_eq!(
        spans_text(&report, text, FlagKind::UnofficialLink),
        ["https://remboursement-rapide.com/dossier"]
    );
    let claim = report.claimed.as_ref().expect("a claim");
    assert_eq!(claim.kind, ClaimKind::AssuranceMaladie);
    // The same words with the official site raise nothing, sub-domains included.
    let genuine = rate("Assurance Maladie : votre attestation est sur https://assure.ameli.fr");
    assert_eq!(genuine.verdict, Verdict::NoRedFlag, "{:?}", ids(&genuine));
    // An insurer's own domain, from the pack, is official for it.
    let insurer =
        rate("Mutami : votre relevé est disponible sur https://www.mutuelle-mutami.fr/espace");
    assert!(
        !insurer.has(FlagKind::UnofficialLink),
        "{:?}",
        ids(&insurer)
    );
    let fake = rate("Mutami : votre relevé est disponible sur https://mutami-releves.com/espace");
    assert!(fake.has(FlagKind::UnofficialLink), "{:?}", ids(&fake));
}

#[test]
fn unofficial_link_covers_sender_addresses_of_pasted_headers() {
    let text = "De : Assurance Maladie <no-reply-solutions@roofandfloor.com>\nObjet : votre dossier\n\nVotre dossier est à jour.";
    let report = rate(text);
    assert_eq!(report.channel, Channel::Email);
    assert!(report.has(FlagKind::UnofficialLink), "{:?}", ids(&report));
    assert!(report.notes.contains(&Note::SenderCanBeForged));
}

#[test]
fn a_public_service_is_official_anywhere_under_gouv_fr() {
    let report = rate(
        "DGFiP : votre avis est disponible sur https://www.impots.gouv.fr et le paiement des amendes sur amendes.gouv.fr",
    );
    assert_eq!(report.verdict, Verdict::NoRedFlag, "{:?}", ids(&report));
}

#[test]
fn lookalike_domains_are_caught_by_each_imitation() {
    let cases = [
        (
            "https://ameli.fr.remboursement-secure.com",
            Lookalike::BrandInOtherDomain,
        ),
        (
            "https://mutuelle-mutami-securite.com",
            Lookalike::BrandInOtherDomain,
        ),
        ("ameli.com/espace", Lookalike::BrandInOtherDomain),
        ("https://amelie-remboursement.fr", Lookalike::Typo),
        ("https://arneli.fr", Lookalike::Confusable),
        ("https://\u{430}meli.fr", Lookalike::MixedScripts),
        ("https://xn--meli-5cd.fr", Lookalike::MixedScripts),
        ("https://amel\u{131}.fr", Lookalike::Confusable),
        (
            "https://ame\u{200B}li-info.com",
            Lookalike::HiddenCharacters,
        ),
        (
            "https://ameli.fr@evil.example.com/",
            Lookalike::NameBeforeAt,
        ),
        (
            "hxxps://impots-gouv[.]com/remboursement",
            Lookalike::BrandInOtherDomain,
        ),
    ];
    for (link, how) in cases {
        let text = format!("Votre dossier : {link}");
        let report = rate(&text);
        let flag = report
            .flag(FlagKind::LookalikeDomain)
            .unwrap_or_else(|| panic!("{link}: {:?} {:?}", ids(&report), report.links));
        assert_eq!(
            flag.imitation.as_ref().map(|(h, _)| *h),
            Some(how),
            "{link}"
        );
        assert_eq!(report.verdict, Verdict::Suspicious);
    }
    // Official sites and unrelated names are not look-alikes.
    for text in [
        "https://assure.ameli.fr/compte",
        "https://www.amendes.gouv.fr",
        "https://www.camelia-fleurs.fr",
        "https://www.mutuelle-mutami.fr",
    ] {
        let report = rate(text);
        assert!(
            !report.has(FlagKind::LookalikeDomain),
            "{text}: {:?}",
            report.flags
        );
    }
}

#[test]
fn shortened_links_are_flagged() {
    let text = "Votre colis est en attente : bit.ly/3xKq9Zp";
    let report = rate(text);
    assert!(report.has(FlagKind::ShortenedLink), "{:?}", ids(&report));
    assert_eq!(
        spans_text(&report, text, FlagKind::ShortenedLink),
        ["bit.ly/3xKq9Zp"]
    );
}

#[test]
fn asks_bank_details_needs_a_request_or_a_fee_to_pay() {
    let text =
        "Merci de saisir votre numéro de carte et le cryptogramme pour recevoir le remboursement.";
    let report = rate(text);
    assert!(report.has(FlagKind::AsksBankDetails), "{:?}", ids(&report));
    let spans = spans_text(&report, text, FlagKind::AsksBankDetails);
    assert!(
        spans.contains(&"saisir") && spans.contains(&"numéro de carte"),
        "{spans:?}"
    );
    let fee = rate(
        "Votre nouvelle carte Vitale : réglez les frais d'expédition de 1,49 € sur https://vitale-envoi.com",
    );
    assert!(fee.has(FlagKind::AsksBankDetails), "{:?}", ids(&fee));
    // Money is asked for through a link or a number; a bill to settle in one's own space,
    // with neither, is how genuine senders ask.
    let bill = rate("Pour régler votre facture de 45 €, rendez-vous dans votre espace client.");
    assert!(!bill.has(FlagKind::AsksBankDetails), "{:?}", ids(&bill));
    // A warning is not a request, and a paid reimbursement is not a fee.
    for text in [
        "Nous ne vous demanderons jamais vos coordonnées bancaires par SMS.",
        "Un paiement de 23,50 € a été effectué sur votre compte.",
        "Livraison sans frais de port.",
    ] {
        let report = rate(text);
        assert!(
            !report.has(FlagKind::AsksBankDetails),
            "{text}: {:?}",
            report.flags
        );
    }
}

#[test]
fn asks_codes_is_a_request_for_a_code_or_a_password() {
    let report = rate(
        "Un conseiller va vous appeler : communiquez-lui le code que vous allez recevoir par SMS.",
    );
    assert!(report.has(FlagKind::AsksCodes), "{:?}", ids(&report));
    let rule = report.flag(FlagKind::AsksCodes).and_then(|f| f.never_asks);
    assert!(rule.is_some(), "a never-asks rule explains the flag");
    let otp = rate("Votre code de validation est 482913. Ne le communiquez à personne.");
    assert_eq!(otp.verdict, Verdict::NoRedFlag, "{:?}", ids(&otp));
}

#[test]
fn asks_nir_is_a_request_for_the_social_security_number() {
    let text = "Assurance Maladie : merci de nous transmettre votre numéro de sécurité sociale en réponse.";
    let report = rate(text);
    assert!(report.has(FlagKind::AsksNir), "{:?}", ids(&report));
    let rule = report
        .flag(FlagKind::AsksNir)
        .and_then(|f| f.never_asks)
        .expect("a rule");
    assert_eq!(rule.organisation, "assurance-maladie");
    // Quoting a NIR is not asking for one, but the report says what it proves.
    let body: u64 = 1_841_276_451_089;
    let quoted = rate(&format!(
        "Votre dossier n° {} {:02} est à jour.",
        body,
        97 - body % 97
    ));
    assert!(!quoted.has(FlagKind::AsksNir));
    assert!(quoted.notes.contains(&Note::QuotesLeakedData));
}

#[test]
fn urgency_is_a_deadline_or_a_threat() {
    let text = "Dernier rappel : sans réponse sous 48h, votre compte sera suspendu.";
    let report = rate(text);
    assert!(report.has(FlagKind::Urgency), "{:?}", ids(&report));
    let spans = spans_text(&report, text, FlagKind::Urgency);
    assert!(spans.contains(&"Dernier rappel"), "{spans:?}");
    let calm = rate("Aucune action n'est requise de votre part.");
    assert!(!calm.has(FlagKind::Urgency), "{:?}", ids(&calm));
}

#[test]
fn premium_numbers_follow_the_numbering_plan() {
    let text = "Rappelez votre conseiller au 08 92 70 12 34 avant ce soir.";
    let report = rate(text);
    assert!(report.has(FlagKind::PremiumNumber), "{:?}", ids(&report));
    assert_eq!(
        spans_text(&report, text, FlagKind::PremiumNumber),
        ["08 92 70 12 34"]
    );
    assert!(report.steps.iter().any(|s| s.step == Step::NeverCallBack));
    // Free, normal and known lines are not premium-rate call-backs.
    for (text, class) in [
        ("Appelez le 0 800 123 456.", NumberClass::Free),
        ("Appelez le 01 42 33 44 55.", NumberClass::Normal),
        ("Appelez le +33 6 12 34 56 78.", NumberClass::Normal),
        ("Opposition : 0 892 705 705.", NumberClass::Surcharged),
    ] {
        let report = rate(text);
        assert!(!report.has(FlagKind::PremiumNumber), "{text}");
        assert_eq!(
            report.numbers.first().map(|n| n.class),
            Some(class),
            "{text}"
        );
    }
    assert_eq!(
        rate("Le 3646, service gratuit.").numbers[0].known_as,
        Some("assurance-maladie")
    );
}

#[test]
fn breach_bait_is_the_breach_used_to_ask_for_something() {
    let text = "Suite à la cyberattaque, confirmez vos identifiants sur https://mutuelle-verif.com";
    let report = rate(text);
    assert!(report.has(FlagKind::BreachBait), "{:?}", ids(&report));
    assert!(spans_text(&report, text, FlagKind::BreachBait).contains(&"cyberattaque"));
    // A genuine notice of the breach, asking nothing, linking to the insurer's site, is not.
    let notice = rate(
        "Mutuelle des Services Publics : notre opérateur Viamedis a subi une cyberattaque. Informations sur https://www.mutuelle-msp.fr.",
    );
    assert_eq!(notice.verdict, Verdict::NoRedFlag, "{:?}", ids(&notice));
}

#[test]
fn attachments_that_run_code_are_flagged() {
    for text in [
        "Ouvrez la pièce jointe facture.pdf.exe pour voir votre relevé.",
        "Votre relevé : Releve.html",
        "Téléchargez https://exemple-docs.com/dossier/releve.zip",
        "Vous avez reçu un document sécurisé.",
        "Voir le formulaire formulaire\u{202E}fdp.exe",
    ] {
        let report = rate(text);
        assert!(
            report.has(FlagKind::Attachment),
            "{text}: {:?}",
            ids(&report)
        );
    }
    assert!(!rate("Votre attestation.pdf est disponible.").has(FlagKind::Attachment));
}

// ---------------------------------------------------------------------------------------------
// The report

#[test]
fn the_visitors_insurer_is_named_when_the_message_says_votre_mutuelle() {
    let context = context().with_visitor_insurer("mutami");
    let report = check(
        "Votre mutuelle : mettez à jour votre RIB ici https://maj-rib.com",
        &context,
    )
    .expect("a report");
    let claim = report.claimed.expect("a claim");
    assert_eq!(claim.kind, ClaimKind::VisitorInsurer);
    assert_eq!(claim.id.as_deref(), Some("mutami"));
    assert!(
        report
            .flags
            .iter()
            .any(|f| f.kind == FlagKind::UnofficialLink)
    );
    // Without the visitor's insurer, the kind is named and the links cannot be checked.
    let anonymous = rate("Votre mutuelle : vos garanties sur https://garanties-info.com");
    assert_eq!(anonymous.claimed.map(|c| c.kind), Some(ClaimKind::Insurer));
    assert!(anonymous.notes.contains(&Note::LinksNotVerifiable));
}

#[test]
fn steps_follow_the_flags_and_carry_official_links() {
    let report = rate("Réglez 1,99 € de frais de port sur https://colis-frais.com sous 24h.");
    let steps: Vec<Step> = report.steps.iter().map(|s| s.step).collect();
    assert_eq!(steps.first(), Some(&Step::CardOpposition), "{steps:?}");
    assert!(steps.contains(&Step::ReportSms33700) && steps.contains(&Step::Help17Cyber));
    for step in &report.steps {
        if step.step != Step::CallInsurerOnCard {
            let href = step
                .href
                .unwrap_or_else(|| panic!("{:?} has no link", step.step));
            assert!(href.starts_with("https://"), "{href}");
        }
    }
}

#[test]
fn every_flags_own_steps_are_in_the_reports_steps() {
    let text = "Suite à la cyberattaque, dernier rappel : saisissez votre numéro de carte, votre mot de passe et votre numéro de sécurité sociale sur https://bit.ly/x, ouvrez la pièce jointe releve.zip ou appelez le 08 99 12 34 56.";
    let report = rate(text);
    assert!(report.flags.len() >= 7, "{:?}", ids(&report));
    for flag in &report.flags {
        for step in flag.kind.steps() {
            assert!(
                report.steps.iter().any(|s| s.step == *step),
                "{:?} misses {step:?}",
                flag.kind
            );
        }
    }
}

#[test]
fn a_no_red_flag_report_says_what_was_checked_never_safe() {
    let report = rate("Coucou, on se voit samedi ?");
    assert_eq!(report.verdict, Verdict::NoRedFlag);
    assert!(report.flags.is_empty());
    assert!(!report.checked().is_empty());
    for lang in Lang::ALL {
        for text in [
            Notice::NotASafetyCertificate.text(lang),
            report.verdict.text(lang),
        ] {
            let lower = text.to_lowercase();
            assert!(!lower.contains("sûr") && !lower.contains("safe "), "{text}");
        }
    }
}

#[test]
fn segments_highlight_the_spans_and_rebuild_the_text() {
    let text = "Urgent : réglez 2 € sur bit.ly/x1 !";
    let report = rate(text);
    let segments = report.segments(text);
    let rebuilt: String = segments.iter().map(|s| s.text).collect();
    assert_eq!(rebuilt, text);
    assert!(
        segments
            .iter()
            .any(|s| s.text == "bit.ly/x1" && s.flags.contains(&FlagKind::ShortenedLink))
    );
    // Another text than the rated one gives what fits, without panicking.
    let _ = report.segments("court");
}

#[test]
fn every_text_exists_in_both_languages() {
    for lang in Lang::ALL {
        for kind in FlagKind::ALL {
            assert!(!kind.text(lang).is_empty());
            assert!(Why(*kind).text(lang).ends_with('.'), "{kind:?}");
        }
        for step in Step::ALL {
            assert!(!step.text(lang).is_empty());
        }
        for notice in Notice::ALL {
            assert!(!notice.text(lang).is_empty());
        }
        for note in Note::ALL {
            assert!(!note.text(lang).is_empty());
        }
        for check in breach_check::message::Check::ALL {
            assert!(!check.text(lang).is_empty());
        }
        for how in Lookalike::ALL {
            assert!(!how.text(lang).is_empty());
        }
        for kind in ClaimKind::ALL {
            assert!(!kind.text(lang).is_empty());
        }
    }
    // Every flag id is the contract's.
    let contract = [
        "unofficial-link",
        "lookalike-domain",
        "shortened-link",
        "asks-bank-details",
        "asks-codes",
        "asks-nir",
        "urgency",
        "premium-number",
        "breach-bait",
        "attachment",
    ];
    let ours: Vec<&str> = FlagKind::ALL.iter().map(|k| k.id()).collect();
    assert_eq!(ours, contract);
    assert_eq!(Verdict::Suspicious.id(), "suspicious");
    assert_eq!(Verdict::NoRedFlag.id(), "no-red-flag");
}

#[test]
fn the_packs_domains_are_official_and_no_domain_is_guessed_where_it_has_none() {
    let context = Context::from_pack(breach_check::pack::Pack::builtin());
    // The pack gives Mutami's domains: a link elsewhere that carries its name imitates it.
    let report = check(
        "Mutami : vos remboursements sur https://mutami-remboursements.com",
        &context,
    )
    .expect("a report");
    assert_eq!(
        report.claimed.as_ref().and_then(|c| c.id.as_deref()),
        Some("mutami")
    );
    assert!(
        report.has(FlagKind::LookalikeDomain) && report.has(FlagKind::UnofficialLink),
        "{:?}",
        ids(&report)
    );
    // ... and its own site is not flagged.
    let report = check(
        "Mutami : votre espace adhérent sur https://www.mutami.fr/espace",
        &context,
    )
    .expect("a report");
    assert_eq!(report.verdict, Verdict::NoRedFlag, "{:?}", ids(&report));
    // Apreva has no domain in the pack: its links cannot be judged, and the report says so.
    let report = check(
        "Apreva : vos remboursements sur https://apreva-remboursements.com",
        &context,
    )
    .expect("a report");
    assert_eq!(report.verdict, Verdict::NoRedFlag, "{:?}", ids(&report));
    assert!(report.notes.contains(&Note::LinksNotVerifiable));
    let operator = check("Viamedis : votre carte de tiers payant", &context).expect("a report");
    assert_eq!(operator.claimed.map(|c| c.kind), Some(ClaimKind::Operator));
}

// ---------------------------------------------------------------------------------------------
// Bad input

#[test]
fn an_empty_text_gets_no_verdict() {
    for text in ["", "   \n\t", "\u{200B}\u{FEFF}"] {
        assert!(check(text, &context()).is_none(), "{text:?}");
    }
}

#[test]
fn a_huge_paste_is_rated_on_a_prefix_and_says_so() {
    let mut text = String::from("Dernier rappel : payez 2 € sur bit.ly/abc. ");
    while text.len() < 1_000_000 {
        text.push_str("é😀 lorem ipsum \u{202E}dolor\u{202C} ameli.fr ");
    }
    let report = rate(&text);
    let cut = report.truncated.expect("truncated");
    assert!(cut.rated_bytes <= MAX_RATED_BYTES && cut.total_bytes == text.len());
    assert!(text.is_char_boundary(cut.rated_bytes));
    assert!(report.has(FlagKind::ShortenedLink) && report.has(FlagKind::Urgency));
    assert!(report.links.len() <= 64);
}

#[test]
fn binary_junk_is_rated_without_panicking() {
    let junk: String = (0u32..4000)
        .filter_map(|i| char::from_u32((i * 7919) % 0x11_0000))
        .collect();
    let _ = check(&junk, &context());
    let _ = check("\u{0}\u{1}\u{7f}http://\u{0}.\u{0}/", &context());
    let _ = check("https://", &context());
    let _ = check("@@@ xn--.fr xn--zzzzzzzz.fr http://[.]/ +33", &context());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn check_never_panics_and_spans_fit(text in "\\PC{0,400}") {
        if let Some(report) = check(&text, &context()) {
            for flag in &report.flags {
                prop_assert!(!flag.spans.is_empty());
                for span in &flag.spans {
                    prop_assert!(span.slice(&text).is_some());
                }
            }
            prop_assert_eq!(report.verdict == Verdict::Suspicious, !report.flags.is_empty());
        }
    }

    #[test]
    fn check_never_panics_on_link_shaped_text(
        text in "([a-zA-Z0-9@:/\\.\\[\\]\\-_ ]|\u{430}|\u{202E}|é){0,120}"
    ) {
        let _ = check(&text, &context());
    }
}

// ---------------------------------------------------------------------------------------------
// The corpus

/// A labelled message of `tests/fixtures/messages/{dev,holdout}/`.
struct Labelled {
    name: String,
    phishing: bool,
    lang: String,
    visitor: Option<String>,
    text: String,
}

fn corpus(set: &str) -> Vec<Labelled> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/messages")
        .join(set);
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("the corpus folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let content = std::fs::read_to_string(&path).expect("a message");
        let (head, text) = content.split_once("\n---\n").expect("a header, then ---");
        let field = |key: &str| {
            head.lines()
                .find_map(|l| l.strip_prefix(key).map(|v| v.trim().to_string()))
        };
        let label = field("label:").expect("a label");
        assert!(label == "phishing" || label == "legitimate", "{path:?}");
        out.push(Labelled {
            name: path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            phishing: label == "phishing",
            lang: field("lang:").expect("a language"),
            visitor: field("visitor:"),
            text: text.trim_end_matches('\n').to_string(),
        });
    }
    out
}

/// Rates a set; returns (phishing caught, phishing, legitimate passed, legitimate) and prints
/// every miss.
fn figures(set: &str) -> (usize, usize, usize, usize) {
    let base = context();
    let (mut caught, mut phishing, mut passed, mut legitimate) = (0, 0, 0, 0);
    for message in corpus(set) {
        let context = match &message.visitor {
            Some(id) => base.clone().with_visitor_insurer(id),
            None => base.clone(),
        };
        let report = check(&message.text, &context).expect("a rated message");
        let suspicious = report.verdict == Verdict::Suspicious;
        if message.phishing {
            phishing += 1;
            caught += usize::from(suspicious);
        } else {
            legitimate += 1;
            passed += usize::from(!suspicious);
        }
        let status = if suspicious == message.phishing {
            "ok  "
        } else {
            "MISS"
        };
        println!(
            "{status} {set}/{} [{}] {} {:?}",
            message.name,
            message.lang,
            report.verdict.id(),
            report.flag_ids()
        );
    }
    println!(
        "{set}: phishing flagged suspicious {caught}/{phishing} ({:.1} %), legitimate no-red-flag {passed}/{legitimate} ({:.1} %)",
        100.0 * caught as f64 / phishing.max(1) as f64,
        100.0 * passed as f64 / legitimate.max(1) as f64
    );
    (caught, phishing, passed, legitimate)
}

/// The corpus figures (`cargo test --test core message::corpus -- --nocapture` prints them): at
/// least 95 % of the phishing is `suspicious` and 90 % of the legitimate messages
/// `no-red-flag`, over the whole corpus. The held-out part was kept out while the rules were
/// written; its figures are printed, and held to the same bars.
#[test]
fn corpus_figures_meet_the_bars() {
    let dev = figures("dev");
    let holdout = figures("holdout");
    let all = (
        dev.0 + holdout.0,
        dev.1 + holdout.1,
        dev.2 + holdout.2,
        dev.3 + holdout.3,
    );
    println!(
        "all: phishing {}/{} ({:.1} %), legitimate {}/{} ({:.1} %)",
        all.0,
        all.1,
        100.0 * all.0 as f64 / all.1 as f64,
        all.2,
        all.3,
        100.0 * all.2 as f64 / all.3 as f64
    );
    let french = corpus("dev")
        .into_iter()
        .chain(corpus("holdout"))
        .filter(|m| m.lang == "fr")
        .count();
    assert!(french >= 60, "{french} French messages");
    assert!(all.0 * 100 >= all.1 * 95, "phishing recall below 95 %");
    assert!(all.2 * 100 >= all.3 * 90, "legitimate pass rate below 90 %");
}

// ---------------------------------------------------------------------------------------------
// The wire format between the widget and the engine's own wasm module

mod wire {
    use super::*;
    use breach_check::message::wire::{
        Answer, Attribute, Element, MAX_DEPTH, Node, Tag, VERSION, WireError, answer, answer_to,
        decode_answer, decode_request, encode_answer, encode_context, encode_context_of,
        encode_request, rated_prefix, view,
    };
    use breach_check::message::{Organisation, OrganisationKind};

    fn pack_context() -> Context {
        Context::from_pack(breach_check::Pack::builtin()).with_visitor_insurer("mutami")
    }

    /// A request for `text` in `lang` with `context`.
    fn request(lang: Lang, context: &Context, text: &str) -> Vec<u8> {
        encode_request(&encode_context_of(context), lang, text)
    }

    /// The report laid out for `text`, as the widget gets it.
    fn document_of(lang: Lang, text: &str) -> (String, Node) {
        match decode_answer(&answer(&request(lang, &pack_context(), text))) {
            Ok(Answer::Report { status, document }) => (status, document),
            other => panic!("not a report: {other:?}"),
        }
    }

    /// Every element of `node`, in document order.
    fn elements(node: &Node) -> Vec<&Element> {
        let mut out = Vec::new();
        node.visit(&mut |n| {
            if let Node::Element(e) = n {
                out.push(e);
            }
        });
        out
    }

    /// The element of `node` with class `class`.
    fn by_class<'n>(node: &'n Node, class: &str) -> &'n Element {
        elements(node)
            .into_iter()
            .find(|e| {
                e.attribute(Attribute::Class)
                    .is_some_and(|c| c.split(' ').any(|c| c == class))
            })
            .unwrap_or_else(|| panic!("no .{class}"))
    }

    #[test]
    fn a_request_reads_back_as_it_was_sent() {
        let mut context = pack_context();
        context.organisations.push(Organisation {
            id: "exemple".into(),
            name: "Mutuelle Éxemple".into(),
            aliases: vec!["ME".into(), "Exemple".into()],
            kind: OrganisationKind::Operator,
            domains: vec![],
        });
        let text = "Bonjour 👋, réglez vos frais\u{202e} ici";
        let bytes = request(Lang::En, &context, text);
        let decoded = decode_request(&bytes).expect("a request");
        assert_eq!(decoded.lang, Lang::En);
        assert_eq!(decoded.context, context);
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.total_bytes, text.len());
        // What the widget sends, straight from the pack, is the pack's context.
        let pack = breach_check::Pack::builtin();
        let bytes = encode_request(
            &encode_context(pack.official_domains(), Some("mutami")),
            Lang::Fr,
            text,
        );
        assert_eq!(
            decode_request(&bytes).expect("a request").context,
            pack_context()
        );
    }

    #[test]
    fn a_long_paste_sends_only_its_rated_prefix_and_the_answer_says_so() {
        let text = format!(
            "Assurance Maladie : réglez 1,49 € de frais d'envoi sur \
             https://ameli.fr.remboursement-secure.com {}",
            "é".repeat(MAX_RATED_BYTES)
        );
        let bytes = request(Lang::Fr, &Context::default(), &text);
        let decoded = decode_request(&bytes).expect("a request");
        assert!(decoded.text.len() <= MAX_RATED_BYTES && decoded.text.len() > MAX_RATED_BYTES - 4);
        assert_eq!(decoded.text, rated_prefix(&text));
        assert_eq!(decoded.total_bytes, text.len());
        let Ok(Answer::Report { document, .. }) = decode_answer(&answer(&bytes)) else {
            panic!("a report");
        };
        assert!(document.text_content().contains(Notice::Truncated.fr()));
        // The highlighted text is the rated prefix, whole, with the fees and the link marked
        // and the rest plain.
        let Node::Element(root) = &document else {
            panic!("an element")
        };
        let shown = Node::Element(by_class(&document, "bc-message-text").clone());
        assert_eq!(shown.text_content(), decoded.text);
        let marked: Vec<String> = elements(&shown)
            .into_iter()
            .filter(|e| e.tag == Tag::Mark)
            .map(|e| Node::Element(e.clone()).text_content())
            .collect();
        assert!(marked.iter().any(|m| m.contains("frais")), "{marked:?}");
        assert!(
            !marked.iter().any(|m| m.contains("Assurance")),
            "{marked:?}"
        );
        assert_eq!(root.tag, Tag::Div);
    }

    #[test]
    fn the_report_carries_the_hooks_the_flags_and_their_words_in_both_languages() {
        let text = "De : Ameli <contact@ameli-remboursement.com>\nObjet : Dernier rappel\n\
                    Suite à la cyberattaque, confirmez votre numéro de sécurité sociale et le \
                    code reçu par SMS sur https://arneli.fr/compte ou appelez le 08 92 70 57 05. \
                    Réglez 1,99 € de frais d'envoi par carte bancaire. Pièce jointe : dossier.zip";
        let report = check(text, &pack_context()).expect("a report");
        for lang in Lang::ALL {
            let (status, document) = document_of(lang, text);
            assert_eq!(status, Verdict::Suspicious.text(lang));
            let Node::Element(root) = &document else {
                panic!("an element")
            };
            assert_eq!(root.attribute(Attribute::TestId), Some("message-verdict"));
            assert_eq!(root.attribute(Attribute::Verdict), Some("suspicious"));
            // One `message-flag` hook per flag, in order, each with its title, what raised
            // it (highlighted), why it matters, and its own steps.
            let flags: Vec<&Element> = elements(&document)
                .into_iter()
                .filter(|e| e.attribute(Attribute::TestId) == Some("message-flag"))
                .collect();
            let ids: Vec<&str> = flags
                .iter()
                .filter_map(|f| f.attribute(Attribute::Flag))
                .collect();
            assert_eq!(ids, report.flag_ids());
            for (flag, kind) in flags.iter().zip(report.flags.iter().map(|f| f.kind)) {
                let words = Node::Element((*flag).clone()).text_content();
                assert!(words.contains(kind.text(lang)), "{kind:?}: {words}");
                assert!(words.contains(Why(kind).text(lang)), "{kind:?}: {words}");
                assert!(
                    elements(&Node::Element((*flag).clone()))
                        .iter()
                        .any(|e| e.tag == Tag::Mark),
                    "{kind:?} shows no excerpt"
                );
                for step in kind.steps() {
                    assert!(
                        !Node::Element((*flag).clone())
                            .find_all(Attribute::Step, step.id())
                            .is_empty(),
                        "{kind:?} lacks {step:?}"
                    );
                }
            }
            // Every step is shown once, with an official link when it has one.
            for step in [
                Step::ReportEmailSignalSpam,
                Step::Help17Cyber,
                Step::CardOpposition,
            ] {
                assert_eq!(
                    document.find_all(Attribute::Step, step.id()).len(),
                    1,
                    "{step:?}"
                );
            }
            let opposition = document.find_all(Attribute::Step, Step::CardOpposition.id())[0];
            assert!(opposition.children.iter().any(|c| matches!(c,
                Node::Element(a) if a.tag == Tag::A
                    && a.attribute(Attribute::Href).is_some_and(|h| h.starts_with("https://")))));
            // The claimed organisation is named.
            assert!(document.text_content().contains("Assurance Maladie"));
            // It reads back as it was written.
            let original = Answer::Report {
                status: status.clone(),
                document: document.clone(),
            };
            let bytes = encode_answer(&original);
            assert_eq!(bytes[0], VERSION);
            assert_eq!(decode_answer(&bytes), Ok(original));
        }
    }

    #[test]
    fn the_pasted_links_are_text_and_the_only_links_are_official_steps() {
        let text = "Votre colis : https://colis-suivi.example/pay?x=1 ou bit.ly/abc ou \
                    <a href=\"https://evil.example\">ici</a> ![img](https://evil.example/p.png) \
                    <img src=\"https://evil.example/i.gif\"> javascript:alert(1) \
                    payez 1,99 € de frais de port sous 24h.";
        let (_, document) = document_of(Lang::Fr, text);
        let links: Vec<&str> = elements(&document)
            .into_iter()
            .filter(|e| e.tag == Tag::A)
            .map(|e| e.attribute(Attribute::Href).expect("a link has its page"))
            .collect();
        assert!(!links.is_empty());
        for href in &links {
            assert!(
                !href.contains("evil") && !href.contains("colis-suivi") && !href.contains("bit.ly")
            );
            assert!(href.starts_with("https://"), "{href}");
        }
        // Nothing pasted is in an attribute; the pasted markup is text.
        for element in elements(&document) {
            for (_, value) in &element.attributes {
                assert!(
                    !["evil", "colis", "bit.ly", "alert"]
                        .iter()
                        .any(|pasted| value.contains(pasted)),
                    "{value}"
                );
            }
        }
        assert!(document.text_content().contains("<img src="));
    }

    #[test]
    fn a_no_red_flag_answer_says_what_was_checked_and_never_safe() {
        let text = "Votre relevé de remboursements est disponible dans votre compte ameli.";
        let (status, document) = document_of(Lang::Fr, text);
        assert_eq!(status, Verdict::NoRedFlag.fr());
        assert_eq!(
            document.find_all(Attribute::Verdict, "no-red-flag").len(),
            1
        );
        assert!(
            document
                .find_all(Attribute::TestId, "message-flag")
                .is_empty()
        );
        let words = document.text_content();
        assert!(words.contains(Notice::WhatWasChecked.fr()));
        assert!(words.contains(Notice::NotASafetyCertificate.fr()));
        for check in breach_check::message::Check::ALL {
            assert!(words.contains(check.fr()), "{check:?}");
        }
        for unsafe_word in ["sûr", "sans danger", "fiable", "safe"] {
            assert!(
                !words.to_lowercase().contains(unsafe_word),
                "{unsafe_word}: {words}"
            );
        }
    }

    #[test]
    fn step_links_are_named_by_their_host_and_every_label_is_said_in_both_languages() {
        let text = "Dernier rappel : réglez vos frais sur https://bit.ly/x sous 24h";
        let report = check(text, &Context::default()).expect("a report");
        let view = view(&report, text, Lang::Fr);
        let steps: Vec<_> = view
            .steps
            .iter()
            .chain(view.flags.iter().flat_map(|f| &f.steps))
            .collect();
        let named: Vec<(&str, Option<&str>)> =
            steps.iter().map(|s| (s.step.id(), s.link_text())).collect();
        assert!(
            named.contains(&("report-sms-33700", Some("www.33700.fr"))),
            "{named:?}"
        );
        assert!(
            named.contains(&("help-17cyber", Some("17cyber.gouv.fr"))),
            "{named:?}"
        );
        for step in &steps {
            assert_eq!(
                step.href.is_some(),
                step.link_text().is_some(),
                "{:?}",
                step.step
            );
        }
        for label in breach_check::message::Label::ALL {
            for lang in Lang::ALL {
                let words = label.text(lang);
                assert!(!words.trim().is_empty(), "{label:?} in {lang:?}");
                assert!(
                    !words.contains('\''),
                    "{label:?}: typographic apostrophes only"
                );
            }
            assert_ne!(label.fr(), label.en(), "{label:?} is not translated");
        }
    }

    #[test]
    fn an_empty_text_gets_an_empty_answer() {
        for text in ["", "   \n\t", "\u{200b}\u{202e}"] {
            let bytes = request(Lang::Fr, &Context::default(), text);
            assert_eq!(decode_answer(&answer(&bytes)), Ok(Answer::Empty));
        }
    }

    /// An answer holding `node` as its report.
    fn answer_with(node: Node) -> Vec<u8> {
        encode_answer(&Answer::Report {
            status: "s".into(),
            document: node,
        })
    }

    #[test]
    fn the_decoder_refuses_links_tags_and_depths_a_report_may_not_have() {
        let link = |href: &str| Element::new(Tag::A).with(Attribute::Href, href).text("x");
        assert!(decode_answer(&answer_with(link("https://www.33700.fr/").into())).is_ok());
        for href in [
            "javascript:alert(1)",
            "http://www.33700.fr/",
            "https://",
            "https://evil.example@x/",
            "//evil.example/",
            "data:text/html,x",
        ] {
            assert_eq!(
                decode_answer(&answer_with(link(href).into())),
                Err(WireError::BadValue),
                "{href}"
            );
        }
        // A page address on anything but a link.
        let on_p = Element::new(Tag::P).with(Attribute::Href, "https://www.33700.fr/");
        assert_eq!(
            decode_answer(&answer_with(on_p.into())),
            Err(WireError::BadValue)
        );
        // An attribute twice.
        let mut twice = Element::new(Tag::P).class("a");
        twice.attributes.push((Attribute::Class, "b".into()));
        assert_eq!(
            decode_answer(&answer_with(twice.into())),
            Err(WireError::BadValue)
        );
        // An unknown tag or attribute index.
        let mut bytes = answer_with(Element::new(Tag::P).into());
        let at = bytes.len() - 9;
        assert_eq!(
            bytes[at],
            1 + Tag::ALL.iter().position(|t| *t == Tag::P).unwrap() as u8
        );
        bytes[at] = 1 + Tag::ALL.len() as u8;
        assert_eq!(decode_answer(&bytes), Err(WireError::BadValue));
        // Nesting deeper than the limit.
        let mut deep: Node = Node::Text("x".into());
        for _ in 0..MAX_DEPTH {
            deep = Element::new(Tag::Div).child(deep).into();
        }
        assert!(decode_answer(&answer_with(deep.clone())).is_ok());
        let deeper = Element::new(Tag::Div).child(deep).into();
        assert_eq!(
            decode_answer(&answer_with(deeper)),
            Err(WireError::BadValue)
        );
    }

    #[test]
    fn damaged_bytes_are_errors_not_panics() {
        assert_eq!(decode_request(&[]), Err(WireError::Truncated));
        assert_eq!(decode_request(&[VERSION + 1]), Err(WireError::Version));
        assert_eq!(decode_answer(&answer(&[9, 9, 9])), Err(WireError::Version));
        // A count far beyond the bytes left is refused before anything is reserved.
        assert_eq!(
            decode_request(&[VERSION, 0xff, 0xff, 0xff, 0xff]),
            Err(WireError::Truncated)
        );
        let good = request(Lang::Fr, &pack_context(), "Payez vos frais sur bit.ly/x");
        let mut longer = good.clone();
        longer.push(0);
        assert_eq!(decode_request(&longer), Err(WireError::TrailingBytes));
        let answer_bytes = answer(&good);
        assert!(decode_answer(&answer_bytes).is_ok());
        for cut in 0..answer_bytes.len() {
            assert!(decode_answer(&answer_bytes[..cut]).is_err(), "cut at {cut}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any bytes decode to an answer or an error, never a panic; any text round-trips.
        #[test]
        fn any_bytes_decode_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = decode_answer(&bytes);
            let _ = decode_request(&bytes);
            let mut versioned = bytes.clone();
            versioned.insert(0, VERSION);
            let _ = decode_answer(&versioned);
            let _ = answer(&versioned);
        }

        #[test]
        fn any_text_round_trips(text in "\\PC{0,120}") {
            let bytes = request(Lang::Fr, &Context::default(), &text);
            let decoded = decode_request(&bytes).expect("a request");
            prop_assert_eq!(decoded.text, text.as_str());
            let original = answer_to(&decoded);
            let answer_bytes = encode_answer(&original);
            prop_assert_eq!(decode_answer(&answer_bytes).expect("an answer"), original.clone());
            if let Answer::Report { document, .. } = original
                && document.find_all(Attribute::Verdict, "suspicious").len() == 1
            {
                let shown = Node::Element(by_class(&document, "bc-message-text").clone());
                prop_assert_eq!(shown.text_content(), text);
            }
        }
    }
}
