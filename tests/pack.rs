//! The data pack: the built-in one keeps to the contract and covers the insurers members
//! have; broken packs and hostile overlays are refused with a message that names the entry.
// Test and tool code reads files, the clock and the environment; clippy.toml forbids that to
// the core only.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use breach_check::pack::{
    Field, Grade, OVERLAY_MAX_BYTES, OperatorKind, OrganisationKind, Pack, PackError,
};
use serde_json::{Value, json};

/// The contract's field ids (CONTRACT.md, section 2), in its order.
const CONTRACT_FIELDS: [&str; 18] = [
    "last-name",
    "first-name",
    "sex",
    "birth-date",
    "birth-rank",
    "nir",
    "insurer-name",
    "member-number",
    "contract-number",
    "operator-reference",
    "guarantees",
    "bank",
    "medical",
    "reimbursements",
    "postal-address",
    "phone",
    "email",
    "password",
];

fn builtin_json() -> Value {
    serde_json::to_value(Pack::builtin()).unwrap()
}

fn refuse(pack: Value) -> PackError {
    match Pack::from_json(&pack.to_string()) {
        Ok(_) => panic!("a broken pack was accepted"),
        Err(error) => error,
    }
}

#[test]
fn the_builtin_pack_keeps_to_the_contract() {
    let pack = Pack::builtin();
    assert_eq!(Field::ALL.map(Field::id), CONTRACT_FIELDS);
    for id in [
        "viamedis",
        "almerys",
        "actil",
        "sp-sante",
        "isante",
        "itelis",
        "santeclair",
        "kalixia",
        "carte-blanche",
        "seveane",
    ] {
        assert!(pack.operator(id).is_some(), "operator {id} missing");
    }
    for id in ["viamedis-2024", "almerys-2024", "itelis-2025"] {
        assert!(pack.incident(id).is_some(), "incident {id} missing");
    }
    for id in [
        "mutami",
        "mbtp",
        "la-mutuelle-generale",
        "malakoff-humanis",
        "alan",
        "mutuelle-des-services-publics",
    ] {
        assert!(pack.insurer(id).is_some(), "insurer {id} missing");
    }
    assert_eq!(
        pack.operator("itelis").map(|o| o.kind),
        Some(OperatorKind::CareNetwork)
    );
    // A care network is not an insurer.
    assert!(pack.insurer("santeclair").is_none());
    assert!(pack.reviewed.is_some());
}

#[test]
fn the_builtin_pack_has_sixty_insurers_with_sources() {
    let pack = Pack::builtin();
    assert!(
        pack.insurers.len() >= 60,
        "{} insurers",
        pack.insurers.len()
    );
    for insurer in &pack.insurers {
        assert!(
            !insurer.cited_sources().is_empty(),
            "{} cites no source",
            insurer.id
        );
    }
}

#[test]
fn incidents_are_decided_by_an_operator_or_a_question() {
    let pack = Pack::builtin();
    let by_question: Vec<&str> = pack
        .question_incidents()
        .map(|(i, _)| i.id.as_str())
        .collect();
    assert_eq!(by_question, ["cegedim-mlm-2025"]);
    for operator in &pack.operators {
        let has = pack.incidents_of(&operator.id).next().is_some();
        assert_eq!(
            has,
            ["viamedis", "almerys", "itelis"].contains(&operator.id.as_str()),
            "{}",
            operator.id
        );
    }
}

#[test]
fn the_switches_of_1_january_2024_are_there() {
    let pack = Pack::builtin();
    for (insurer, old, new) in [
        ("mutami", "viamedis", "actil"),
        ("la-mutuelle-generale", "viamedis", "almerys"),
    ] {
        let periods = &pack.insurer(insurer).unwrap().periods;
        let old = periods.iter().find(|p| p.operator == old).unwrap();
        let new = periods.iter().find(|p| p.operator == new).unwrap();
        assert_eq!(old.to.map(|d| d.to_string()).as_deref(), Some("2023-12-31"));
        assert_eq!(
            new.from.map(|d| d.to_string()).as_deref(),
            Some("2024-01-01")
        );
    }
}

#[test]
fn the_audits_corrections_are_in_the_pack() {
    let pack = Pack::builtin();
    // "Solimut" is another mutuelle than Solimut Centre Océan (merged into Mutami).
    let centre_ocean = pack.insurer("mutuelle-solimut-centre-ocean").unwrap();
    assert!(!centre_ocean.aliases.iter().any(|a| a == "Solimut"));
    assert_eq!(
        pack.insurer_named("Solimut").map(|i| i.id.as_str()),
        Some("solimut-mutuelle-de-france")
    );
    // Itelis: the exposed fields are reported, not confirmed.
    let itelis = pack.incident("itelis-2025").unwrap();
    assert!(
        itelis
            .exposed
            .iter()
            .all(|e| e.certainty.id() == "possible")
    );
    // Viamedis: "medical: not exposed" carries its caveat.
    let viamedis = pack.incident("viamedis-2024").unwrap();
    let medical = viamedis
        .not_exposed
        .iter()
        .find(|s| s.field == Field::Medical);
    assert!(medical.is_some_and(|m| m.caveat.is_some()));
    // Mieux-Être names both operators; Valéo is in, with its former operator.
    let mieux_etre = pack.insurer("mutuelle-mieux-etre").unwrap();
    assert!(mieux_etre.periods.iter().any(|p| p.operator == "almerys"));
    assert!(pack.insurer("mutuelle-valeo").is_some());
    assert!(pack.operator("oxantis").is_some());
    assert!(pack.insurer("mutuelle-lmp").unwrap().periods[0].former_members);
}

// ---------------------------------------------------------------------------------------
// Search: the one the combobox calls.

fn first(query: &str) -> Option<String> {
    Pack::builtin()
        .search_insurers(query)
        .first()
        .map(|i| i.id.clone())
}

macro_rules! finds {
    ($($name:ident: $query:expr => $id:expr;)*) => {$(
        #[test]
        fn $name() {
            assert_eq!(first($query).as_deref(), Some($id), "{:?}: {:?}", $query,
                Pack::builtin().search_insurers($query).iter().map(|i| &i.id).collect::<Vec<_>>());
        }
    )*};
}

finds! {
    search_finds_mgen: "MGEN" => "mgen";
    search_finds_groupama: "groupama" => "groupama";
    search_finds_gan_as_groupama: "Gan" => "groupama";
    search_finds_axa: "axa" => "axa";
    search_finds_allianz: "Allianz" => "allianz";
    search_finds_swiss_life_without_space: "swisslife" => "swiss-life";
    search_finds_maaf: "maaf" => "maaf";
    search_finds_matmut: "Matmut" => "matmut";
    search_finds_mnt: "MNT" => "mnt";
    search_finds_interiale_without_accent: "interiale" => "interiale";
    search_finds_klesia: "klesia" => "klesia";
    search_finds_apicil: "Apicil" => "apicil";
    search_finds_pro_btp: "pro btp" => "pro-btp";
    search_finds_humanis_as_malakoff: "Humanis" => "malakoff-humanis";
    search_finds_harmonie: "harmonie" => "harmonie-mutuelle";
    search_finds_ag2r: "AG2R" => "ag2r-la-mondiale";
    search_finds_alan: "alan" => "alan";
    search_finds_generali: "generali" => "generali";
    search_finds_macif: "macif" => "macif";
    search_finds_apivia_as_macif: "Apivia" => "macif";
    search_finds_maif: "MAIF" => "maif";
    search_finds_mcta_as_mutami: "MCTA" => "mutami";
    search_finds_la_mutuelle_generale_first: "mutuelle generale" => "la-mutuelle-generale";
    search_finds_mutaero_in_capitals: "MUTAERO" => "mutaero";
    search_finds_the_police_mutuelle_by_a_word: "police" => "mgp";
    search_finds_msp_by_its_acronym: "msp" => "mutuelle-des-services-publics";
    search_finds_a_name_by_every_word: "services publics" => "mutuelle-des-services-publics";
}

#[test]
fn search_ranks_and_matches_as_the_combobox_needs() {
    let pack = Pack::builtin();
    assert!(pack.search_insurers("zzz").is_empty());
    assert_eq!(pack.search_insurers("").len(), pack.insurers.len());
    // Every typed word must be in the same name or alias.
    assert!(pack.search_insurers("mutuelle zzz").is_empty());
    // A name typed in full picks its insurer; a name shared by several picks none.
    assert_eq!(
        pack.insurer_named("  la mutuelle GÉNÉRALE ")
            .map(|i| i.id.as_str()),
        Some("la-mutuelle-generale")
    );
    assert_eq!(pack.insurer_named("Covéa"), None);
    assert_eq!(pack.search_insurers("covea").len(), 3);
    assert_eq!(pack.insurer_named(""), None);
}

// ---------------------------------------------------------------------------------------
// Official domains.

#[test]
fn official_domains_are_listed_for_insurers_and_operators() {
    let pack = Pack::builtin();
    let mutami = pack.official_domains().find(|o| o.id == "mutami").unwrap();
    assert_eq!(mutami.kind, OrganisationKind::Insurer);
    assert!(mutami.domains.contains(&"mutami.fr".to_owned()));
    assert!(!mutami.from_host);
    let viamedis = pack
        .official_domains()
        .find(|o| o.id == "viamedis")
        .unwrap();
    assert_eq!(
        viamedis.kind,
        OrganisationKind::Operator(OperatorKind::TiersPayant)
    );
    assert!(!viamedis.domains.is_empty());
    let with_domains = pack
        .official_domains()
        .filter(|o| !o.domains.is_empty())
        .count();
    assert!(
        with_domains >= 50,
        "{with_domains} organisations with domains"
    );
    assert_eq!(
        pack.official_domains().count(),
        pack.insurers.len() + pack.operators.len()
    );
}

// ---------------------------------------------------------------------------------------
// Broken packs.

#[test]
fn broken_packs_are_refused_naming_the_entry() {
    type Breakage = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Breakage, &str)> = vec![
        (
            "duplicate id",
            Box::new(|p| {
                let copy = p["insurers"][0].clone();
                p["insurers"].as_array_mut().unwrap().push(copy);
            }),
            "malakoff-humanis",
        ),
        (
            "id not kebab-case",
            Box::new(|p| p["insurers"][1]["id"] = json!("Mutami")),
            "Mutami",
        ),
        (
            "fact without source",
            Box::new(|p| p["insurers"][1]["periods"][0]["sources"] = json!([])),
            "insurer mutami, period viamedis",
        ),
        (
            "unknown source",
            Box::new(|p| p["incidents"][0]["intrusion"]["sources"] = json!(["nowhere"])),
            "incident viamedis-2024, intrusion",
        ),
        (
            "dates out of order",
            Box::new(|p| p["incidents"][1]["disclosure"]["date"] = json!("2024-01-01")),
            "incident almerys-2024",
        ),
        (
            "unparsable date",
            Box::new(|p| p["insurers"][1]["periods"][0]["to"] = json!("2023-13-01")),
            "2023-13-01",
        ),
        (
            "period ends before it starts",
            Box::new(|p| p["insurers"][1]["periods"][1]["to"] = json!("2020-01-01")),
            "insurer mutami, period actil",
        ),
        (
            "overlapping periods",
            Box::new(|p| {
                let mut copy = p["insurers"][1]["periods"][0].clone();
                copy["to"] = json!("2010-12-31");
                p["insurers"][1]["periods"]
                    .as_array_mut()
                    .unwrap()
                    .push(copy);
            }),
            "insurer mutami: periods with viamedis overlap",
        ),
        (
            "field outside the contract",
            Box::new(|p| p["incidents"][0]["exposed"][0]["field"] = json!("ssn")),
            "ssn",
        ),
        (
            "unknown operator",
            Box::new(|p| p["insurers"][1]["periods"][1]["operator"] = json!("actilx")),
            "insurer mutami, period actilx",
        ),
        (
            "field both exposed and safe",
            Box::new(|p| p["incidents"][0]["not_exposed"][0]["field"] = json!("nir")),
            "incident viamedis-2024: nir",
        ),
        (
            "source URL not http",
            Box::new(|p| p["sources"][0]["url"] = json!("javascript:alert(1)")),
            "mutami-securite",
        ),
        (
            "source URL with userinfo",
            Box::new(|p| p["sources"][0]["url"] = json!("https://www.cnil.fr@evil.example/")),
            "mutami-securite",
        ),
        (
            "source URL with a line break",
            Box::new(|p| p["sources"][0]["url"] = json!("https://\r\njavascript:alert(1)")),
            "mutami-securite",
        ),
        (
            "a name with a right-to-left override",
            Box::new(|p| p["insurers"][1]["name"] = json!("Mutami\u{202E}")),
            "insurer mutami",
        ),
        (
            "a name with a NUL",
            Box::new(|p| p["insurers"][1]["aliases"] = json!(["Mu\u{0}tami"])),
            "insurer mutami",
        ),
        (
            "a domain with a sub-domain",
            Box::new(|p| p["insurers"][1]["domains"] = json!(["www.mutami.fr"])),
            "www.mutami.fr",
        ),
        (
            "a domain no cited source is on",
            Box::new(|p| p["insurers"][1]["domains"] = json!(["evil.example"])),
            "evil.example",
        ),
        (
            "an incident with neither operator nor question",
            Box::new(|p| p["incidents"][0]["operator"] = Value::Null),
            "incident viamedis-2024",
        ),
        (
            "an insurer with nothing behind it",
            Box::new(|p| {
                let insurer = &mut p["insurers"][1];
                for key in ["periods", "notice", "about", "site", "not_concerned"] {
                    insurer.as_object_mut().unwrap().remove(key);
                }
                insurer["operators_settled"] = Value::Null;
            }),
            "insurer mutami",
        ),
        (
            "a statement about an unknown incident",
            Box::new(|p| {
                p["insurers"][1]["not_concerned"] =
                    json!({ "incidents": ["nope-2024"], "sources": ["mutami-securite"] });
            }),
            "nope-2024",
        ),
    ];
    assert_eq!(
        builtin_json()["insurers"][1]["id"],
        "mutami",
        "the cases index the pack's order"
    );
    for (name, break_it, expected) in cases {
        let mut pack = builtin_json();
        break_it(&mut pack);
        let message = refuse(pack).to_string();
        assert!(
            message.contains(expected),
            "{name}: {message:?} does not name {expected:?}"
        );
    }
}

#[test]
fn overlapping_periods_are_found_in_any_order() {
    let mut pack = builtin_json();
    let periods = json!([
        { "operator": "almerys", "from": "2021-01-01", "to": "2021-12-31", "sources": ["mutami-securite"] },
        { "operator": "almerys", "from": "2018-01-01", "to": "2019-12-31", "sources": ["mutami-securite"] },
        { "operator": "almerys", "from": "2019-06-01", "to": "2020-06-01", "sources": ["mutami-securite"] }
    ]);
    pack["insurers"][1]["periods"] = periods;
    let message = refuse(pack).to_string();
    assert!(
        message.contains("periods with almerys overlap"),
        "{message}"
    );
    let mut pack = builtin_json();
    pack["insurers"][1]["periods"] = json!([
        { "operator": "almerys", "from": "2021-01-01", "sources": ["mutami-securite"] },
        { "operator": "almerys", "from": "2018-01-01", "to": "2020-12-31", "sources": ["mutami-securite"] }
    ]);
    assert!(Pack::from_json(&pack.to_string()).is_ok());
}

// ---------------------------------------------------------------------------------------
// A host page's overlay (security review F2, F4).

fn example_overlay() -> Value {
    json!({
        "sources": [{ "id": "exemple-avis", "url": "https://mutuelle.example/avis", "publisher": "Mutuelle Exemple",
                      "title": "Notre opérateur de tiers payant", "grade": "A" }],
        "insurers": [{ "id": "mutuelle-exemple", "name": "Mutuelle Exemple", "domains": ["mutuelle.example"],
                       "periods": [{ "operator": "almerys", "from": "2021-01-01", "sources": ["exemple-avis"] }] }]
    })
}

#[test]
fn a_host_overlay_adds_or_replaces_insurers_and_marks_them() {
    let builtin = Pack::builtin();
    let merged = builtin
        .with_overlay(&example_overlay().to_string())
        .unwrap();
    let added = merged.insurer("mutuelle-exemple").unwrap();
    assert!(added.from_host);
    assert_eq!(merged.insurers.len(), builtin.insurers.len() + 1);
    assert!(!merged.insurer("mutami").unwrap().from_host);
    let organisation = merged
        .official_domains()
        .find(|o| o.id == "mutuelle-exemple")
        .unwrap();
    assert!(organisation.from_host);

    // Replacing an entry keeps the id, takes the host's facts and is marked.
    let replace = json!({ "insurers": [{ "id": "mutami", "name": "Mutami", "periods": [
        { "operator": "actil", "sources": ["mutami-securite"] }] }] });
    let merged = builtin.with_overlay(&replace.to_string()).unwrap();
    let mutami = merged.insurer("mutami").unwrap();
    assert_eq!(mutami.periods.len(), 1);
    assert!(mutami.from_host);
    assert_eq!(merged.insurers.len(), builtin.insurers.len());
}

#[test]
fn a_host_overlay_may_not_touch_incidents_operators_or_built_in_sources() {
    let builtin = Pack::builtin();
    let incident = builtin.incident("viamedis-2024").unwrap();
    let mut forged = serde_json::to_value(incident).unwrap();
    forged["intrusion"]["date"] = json!("2000-01-01");
    forged["discovery"]["date"] = json!("2000-01-01");
    forged["disclosure"]["date"] = json!("2000-01-01");
    let cases = [
        (
            json!({ "incidents": [forged] }),
            "incident \"viamedis-2024\"",
        ),
        (
            json!({ "operators": [serde_json::to_value(builtin.operator("actil").unwrap()).unwrap()] }),
            "operator \"actil\"",
        ),
        (json!({ "reviewed": "2030-01-01" }), "reviewed"),
        (
            json!({ "sources": [{ "id": "cnil-communique-relay", "url": "https://evil.example/", "publisher": "X", "title": "X", "grade": "C" }] }),
            "cnil-communique-relay",
        ),
    ];
    for (overlay, named) in cases {
        let error = builtin.with_overlay(&overlay.to_string()).unwrap_err();
        assert!(matches!(error, PackError::NotInOverlay { .. }), "{error:?}");
        let message = error.to_string();
        assert!(message.contains(named), "{message:?} does not name {named}");
        assert!(
            message.contains("only add or replace insurers"),
            "{message}"
        );
    }
    // An empty list of incidents says nothing and is taken.
    assert!(
        builtin
            .with_overlay(r#"{"incidents": [], "insurers": []}"#)
            .is_ok()
    );
}

#[test]
fn a_host_overlay_is_checked_by_the_same_rules() {
    let builtin = Pack::builtin();
    let mut userinfo = example_overlay();
    userinfo["sources"][0]["url"] = json!("https://www.cnil.fr@evil.example/");
    let mut bidi = example_overlay();
    bidi["insurers"][0]["name"] = json!("Mutuelle \u{202E}elpmexE");
    let mut nul = example_overlay();
    nul["insurers"][0]["aliases"] = json!(["Exemple\u{0}"]);
    let broken = json!({ "insurers": [{ "id": "x", "name": "X", "periods": [{ "operator": "nobody", "sources": ["mutami-securite"] }] }] });
    for (overlay, expected) in [
        (userinfo, "URL"),
        (bidi, "bidi"),
        (nul, "control"),
        (broken, "unknown operator"),
    ] {
        let message = builtin
            .with_overlay(&overlay.to_string())
            .unwrap_err()
            .to_string();
        assert!(message.contains(expected), "{message}");
    }
    let twice = json!({ "insurers": [example_overlay()["insurers"][0].clone(), example_overlay()["insurers"][0].clone()],
                        "sources": example_overlay()["sources"].clone() });
    assert!(matches!(
        builtin.with_overlay(&twice.to_string()),
        Err(PackError::DuplicateId { .. })
    ));
    assert!(matches!(
        builtin.with_overlay("{ not json"),
        Err(PackError::Syntax(_))
    ));
    // A host cannot mark its own insurer as built in, or as anything.
    let mut flagged = example_overlay();
    flagged["insurers"][0]["from_host"] = json!(false);
    assert!(builtin.with_overlay(&flagged.to_string()).is_err());
    assert!(Pack::builtin().insurer("x").is_none());
}

#[test]
fn a_host_overlay_is_capped_before_it_is_parsed() {
    let builtin = Pack::builtin();
    // Too large: refused by its length, however simple.
    let big = format!(
        r#"{{"insurers": [], "sources": [], "x": "{}"}}"#,
        "a".repeat(OVERLAY_MAX_BYTES)
    );
    let message = builtin.with_overlay(&big).unwrap_err().to_string();
    assert!(message.contains("bytes"), "{message}");
    // Too many insurers, each small.
    let many: Vec<Value> = (0..400)
        .map(|i| json!({ "id": format!("m{i}"), "name": "M", "site": "mutami-securite" }))
        .collect();
    let text = json!({ "insurers": many }).to_string();
    assert!(text.len() < OVERLAY_MAX_BYTES);
    assert!(matches!(
        builtin.with_overlay(&text),
        Err(PackError::TooManyEntries {
            list: "insurers",
            ..
        })
    ));
    // Many values in one list, under the size cap: refused while parsing.
    let values = format!("[{}]", vec!["0"; 30_000].join(","));
    let message = builtin
        .with_overlay(&format!(r#"{{"insurers": {values}}}"#))
        .unwrap_err()
        .to_string();
    assert!(message.contains("too many entries"), "{message}");
}

#[test]
fn errors_repeat_at_most_a_short_cut_of_the_offending_value() {
    let long_id = "A".repeat(5000);
    let overlay =
        json!({ "insurers": [{ "id": long_id, "name": "X", "site": "mutami-securite" }] });
    let message = Pack::builtin()
        .with_overlay(&overlay.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        message.chars().count() < 200,
        "{} chars",
        message.chars().count()
    );
    assert!(message.contains('…'));
}

#[test]
fn the_grades_of_a_pack_are_the_best_of_its_sources() {
    let pack = Pack::builtin();
    assert_eq!(
        pack.best_grade(&["mutami-securite", "silicon-475767"]),
        Grade::A
    );
    assert_eq!(pack.best_grade(&["silicon-475767"]), Grade::B);
    assert_eq!(pack.best_grade::<&str>(&[]), Grade::C);
}

// ---------------------------------------------------------------------------------------
// The README's id table is generated from the pack; this test rewrites it when asked
// (`BREACH_CHECK_WRITE_README=1 cargo test --test core pack::`) and fails when it is stale.

const TABLE_START: &str = "<!-- pack-ids:start (generated by tests/pack.rs; do not edit) -->";
const TABLE_END: &str = "<!-- pack-ids:end -->";

fn id_tables(pack: &Pack) -> String {
    let mut out = String::new();
    out.push_str("Incidents:\n\n| id | decided by | title |\n|---|---|---|\n");
    for incident in &pack.incidents {
        let key = match (&incident.operator, &incident.question) {
            (Some(operator), _) => format!("operator `{operator}`"),
            _ => "its own question".to_owned(),
        };
        out.push_str(&format!(
            "| `{}` | {key} | {} |\n",
            incident.id, incident.title.en
        ));
    }
    out.push_str(
        "\nOperators and networks (`operator=\"...\"`):\n\n| id | name | kind | domains |\n|---|---|---|---|\n",
    );
    for operator in &pack.operators {
        let kind = match operator.kind {
            OperatorKind::TiersPayant => "tiers-payant operator",
            OperatorKind::CareNetwork => "care network",
        };
        out.push_str(&format!(
            "| `{}` | {} | {kind} | {} |\n",
            operator.id,
            operator.name,
            operator.domains.join(", ")
        ));
    }
    out.push_str(
        "\nInsurers (`insurer=\"...\"`), with what the sources say (best grade in brackets):\n\n| id | name | what the sources say | domains |\n|---|---|---|---|\n",
    );
    for insurer in &pack.insurers {
        let mut said: Vec<String> = insurer
            .periods
            .iter()
            .map(|p| {
                let mut words = p.operator.clone();
                if let Some(from) = p.from {
                    words.push_str(&format!(" from {from}"));
                }
                if let Some(to) = p.to {
                    words.push_str(&format!(" until {to}"));
                }
                if p.is_partial() {
                    words.push_str(", some contracts only");
                }
                format!("{words} ({:?})", pack.best_grade(&p.sources))
            })
            .collect();
        if let Some(settled) = &insurer.operators_settled {
            said.push(format!(
                "no other operator ({:?})",
                pack.best_grade(&settled.sources)
            ));
        }
        if let Some(statement) = &insurer.not_concerned {
            said.push(format!(
                "says its members were not concerned by {} ({:?})",
                statement.incidents.join(", "),
                pack.best_grade(&statement.sources)
            ));
        }
        if insurer.periods.iter().all(|p| {
            pack.operator(&p.operator)
                .is_some_and(|o| o.kind == OperatorKind::CareNetwork)
        }) && insurer.not_concerned.is_none()
        {
            said.push("no public statement on its tiers-payant operator found".to_owned());
        }
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            insurer.id,
            insurer.name,
            said.join("; "),
            insurer.domains.join(", ")
        ));
    }
    out
}

#[test]
fn the_readme_id_tables_are_generated_from_the_pack() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let (Some(start), Some(end)) = (readme.find(TABLE_START), readme.find(TABLE_END)) else {
        panic!("README.md has no {TABLE_START} … {TABLE_END} block");
    };
    let expected = format!(
        "{TABLE_START}\n\n{}\n{TABLE_END}",
        id_tables(Pack::builtin())
    );
    let current = &readme[start..end + TABLE_END.len()];
    if current != expected {
        if std::env::var_os("BREACH_CHECK_WRITE_README").is_some() {
            let updated = format!(
                "{}{expected}{}",
                &readme[..start],
                &readme[end + TABLE_END.len()..]
            );
            std::fs::write(path, updated).unwrap();
        } else {
            panic!(
                "the README's id tables are stale: run `BREACH_CHECK_WRITE_README=1 cargo test --test core pack::`"
            );
        }
    }
    // Every id a web team can set is in it.
    for id in Pack::builtin()
        .insurers
        .iter()
        .map(|i| &i.id)
        .chain(Pack::builtin().operators.iter().map(|o| &o.id))
        .chain(Pack::builtin().incidents.iter().map(|i| &i.id))
    {
        assert!(expected.contains(&format!("`{id}`")), "{id}");
    }
}
