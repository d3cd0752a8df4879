//! The data pack: the built-in one keeps to the contract, and broken packs are refused with a
//! message that names the entry at fault.
// Test and tool code reads files, the clock and the environment; clippy.toml forbids that to
// the core only.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use breach_check::pack::{Field, OperatorKind, Pack, PackError};
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
    let operators: Vec<&str> = pack.operators.iter().map(|o| o.id.as_str()).collect();
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
        assert!(operators.contains(&id), "operator {id} missing");
    }
    let incidents: Vec<&str> = pack.incidents.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(incidents, ["viamedis-2024", "almerys-2024", "itelis-2025"]);
    // Only Viamedis, Almerys and Itelis carry incidents.
    for operator in &pack.operators {
        let has = pack.incidents_of(&operator.id).next().is_some();
        assert_eq!(
            has,
            ["viamedis", "almerys", "itelis"].contains(&operator.id.as_str()),
            "{}",
            operator.id
        );
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
    // Excluded by the research notes: a care network is not an insurer.
    assert!(pack.insurer("santeclair").is_none() && pack.insurer("allianz").is_none());
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
        assert_eq!(
            old.to.map(|d| d.to_string()).as_deref(),
            Some("2023-12-31"),
            "{insurer}"
        );
        assert_eq!(
            new.from.map(|d| d.to_string()).as_deref(),
            Some("2024-01-01"),
            "{insurer}"
        );
    }
}

#[test]
fn search_ignores_case_accents_and_finds_aliases() {
    let pack = Pack::builtin();
    let first = |q: &str| pack.search_insurers(q).first().map(|i| i.id.clone());
    assert_eq!(
        first("mutuelle generale").as_deref(),
        Some("la-mutuelle-generale")
    );
    assert_eq!(first("MUTAERO").as_deref(), Some("mutaero"));
    assert_eq!(first("police").as_deref(), Some("mgp"));
    assert_eq!(
        first("msp").as_deref(),
        Some("mutuelle-des-services-publics")
    );
    assert!(pack.search_insurers("zzz").is_empty());
    assert_eq!(pack.search_insurers("").len(), pack.insurers.len());
}

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
fn a_host_overlay_extends_the_pack_or_is_refused_whole() {
    let builtin = Pack::builtin();
    let overlay = json!({
        "sources": [{ "id": "exemple-avis", "url": "https://mutuelle.example/avis", "publisher": "Mutuelle Exemple",
                      "title": "Notre opérateur de tiers payant", "grade": "A" }],
        "insurers": [{ "id": "mutuelle-exemple", "name": "Mutuelle Exemple",
                       "periods": [{ "operator": "almerys", "from": "2021-01-01", "sources": ["exemple-avis"] }] }]
    });
    let merged = builtin.with_overlay(&overlay.to_string()).unwrap();
    assert!(merged.insurer("mutuelle-exemple").is_some());
    assert_eq!(merged.insurers.len(), builtin.insurers.len() + 1);

    // Replacing an entry keeps the id and takes the host's facts.
    let replace = json!({ "insurers": [{ "id": "mutami", "name": "Mutami", "periods": [
        { "operator": "actil", "sources": ["mutami-securite"] }] }] });
    let merged = builtin.with_overlay(&replace.to_string()).unwrap();
    assert_eq!(merged.insurer("mutami").unwrap().periods.len(), 1);

    let broken = json!({ "insurers": [{ "id": "x", "name": "X", "periods": [{ "operator": "nobody", "sources": ["mutami-securite"] }] }] });
    assert!(matches!(
        builtin.with_overlay(&broken.to_string()),
        Err(PackError::UnknownOperator { .. })
    ));
    assert!(matches!(
        builtin.with_overlay("{ not json"),
        Err(PackError::Syntax(_))
    ));
    assert!(Pack::builtin().insurer("x").is_none());
}

#[test]
fn the_readme_lists_every_id_a_web_team_can_set() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let pack = Pack::builtin();
    let ids = pack
        .insurers
        .iter()
        .map(|i| &i.id)
        .chain(pack.operators.iter().map(|o| &o.id))
        .chain(pack.incidents.iter().map(|i| &i.id));
    for id in ids {
        assert!(
            readme.contains(&format!("`{id}`")),
            "README does not list `{id}`"
        );
    }
}

#[test]
fn the_pack_reader_reads_json_exactly_as_serde_does() {
    // The built-in pack round-trips: written by serde, read back by serde and by the pack's
    // own reader (what the widget runs), the three are equal.
    let builtin = Pack::builtin();
    assert!(
        !builtin.insurers.is_empty(),
        "the built-in pack did not load"
    );
    for text in [
        serde_json::to_string(builtin).unwrap(),
        serde_json::to_string_pretty(builtin).unwrap(),
    ] {
        let by_serde: Pack = serde_json::from_str(&text).unwrap();
        let ours = Pack::from_json(&text).unwrap();
        assert_eq!(ours, by_serde);
        assert_eq!(&ours, builtin);
    }
    // Both refuse an unknown key and accept a missing optional list.
    let unknown = r#"{"insurers": [], "colour": "red"}"#;
    assert!(serde_json::from_str::<Pack>(unknown).is_err());
    assert!(matches!(
        Pack::from_json(unknown),
        Err(PackError::Syntax(_))
    ));
    let minimal = r#"{"sources": []}"#;
    assert_eq!(
        Pack::from_json(minimal).unwrap(),
        serde_json::from_str::<Pack>(minimal).unwrap()
    );
}
