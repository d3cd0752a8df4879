//! The size budget: `size-budget.toml` (at the repository root) caps the gzip size of what a
//! host downloads before the widget can paint, without the message section and with it, and
//! in total. The figures are printed on every run (`-- --nocapture` to see them) so a
//! change's cost is visible in review. And the main module most hosts get holds nothing of
//! the message section.

use std::path::Path;
use std::process::Command;

use breach_check_e2e::harness::{
    MAIN_MODULE, MAIN_MODULE_WITH_MESSAGE, ON_FIRST_USE, bundle_files, dist, is_main_module,
};

/// What a host must download before the form is usable, besides one of the two main
/// modules: every bundle file but the password dictionaries, which come right after first
/// paint, and the modules read on first use.
fn is_first_paint(file: &str) -> bool {
    !file.ends_with(".dict") && !ON_FIRST_USE.contains(&file) && !is_main_module(file)
}

/// The three limits of `size-budget.toml`, in gzip bytes.
#[derive(Debug, PartialEq)]
struct Budget {
    first_paint: u64,
    first_paint_with_message: u64,
    total: u64,
}

/// Reads `key = number` lines; comments and blank lines are skipped. A TOML subset, so the
/// file stays editable by hand and the test needs no parser crate.
fn parse_budget(text: &str) -> Budget {
    let value = |key: &str| -> u64 {
        text.lines()
            .map(|line| line.split('#').next().unwrap_or("").trim())
            .filter_map(|line| line.split_once('='))
            .find(|(k, _)| k.trim() == key)
            .map(|(_, v)| v.trim().replace('_', ""))
            .unwrap_or_else(|| panic!("size-budget.toml has no `{key} = <bytes>` line"))
            .parse()
            .unwrap_or_else(|e| panic!("size-budget.toml: `{key}` is not a number of bytes: {e}"))
    };
    Budget {
        first_paint: value("first_paint"),
        first_paint_with_message: value("first_paint_with_message"),
        total: value("total"),
    }
}

/// The size of `file` after `gzip -9`, as a CDN would serve it.
fn gzip_size(file: &Path) -> u64 {
    let out = Command::new("gzip")
        .args(["-9", "-c", "-n"])
        .arg(file)
        .output()
        .expect("run gzip");
    assert!(out.status.success(), "gzip failed on {}", file.display());
    out.stdout.len() as u64
}

/// The lines that say what is over budget; empty when everything fits. `measured` is in the
/// order of [`Budget`]'s fields.
fn overruns(measured: [u64; 3], budget: &Budget) -> Vec<String> {
    let mut over = Vec::new();
    let limits = [
        budget.first_paint,
        budget.first_paint_with_message,
        budget.total,
    ];
    for ((what, measured), limit) in ["first paint", "first paint with message", "total"]
        .into_iter()
        .zip(measured)
        .zip(limits)
    {
        if measured > limit {
            over.push(format!(
                "{what}: {measured} gzip bytes, budget {limit} (+{})",
                measured - limit
            ));
        }
    }
    over
}

fn kib(bytes: u64) -> f64 {
    bytes as f64 / 1024.0
}

pub fn what_a_host_downloads_stays_within_the_committed_gzip_budget() {
    let budget_file = breach_check_e2e::workspace_root().join("size-budget.toml");
    let budget = parse_budget(&std::fs::read_to_string(&budget_file).expect("size-budget.toml"));
    let dist = dist();
    println!("{:<32} {:>10} {:>10}", "file", "raw", "gzip -9");
    let mut sizes = std::collections::HashMap::new();
    let files = bundle_files();
    for file in &files {
        let path = dist.join(file);
        let raw = std::fs::metadata(&path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .len();
        let gzip = gzip_size(&path);
        println!("{file:<32} {raw:>10} {gzip:>10}");
        sizes.insert(file.as_str(), gzip);
    }
    let common: u64 = sizes
        .iter()
        .filter(|(f, _)| is_first_paint(f))
        .map(|(_, size)| size)
        .sum();
    let module = |file: &str| {
        *sizes
            .get(file)
            .unwrap_or_else(|| panic!("SHA384SUMS does not list {file}"))
    };
    let first_paint = common + module(MAIN_MODULE);
    let with_message = common + module(MAIN_MODULE_WITH_MESSAGE);
    // A page with every section: one main module (the one with the message section), the
    // engines and the dictionary.
    let total: u64 = sizes.values().sum::<u64>() - module(MAIN_MODULE);
    println!(
        "first paint {first_paint} B ({:.1} KiB) of {} B budget; with the message section \
         {with_message} B ({:.1} KiB) of {} B; every section {total} B ({:.1} KiB) of {} B",
        kib(first_paint),
        budget.first_paint,
        kib(with_message),
        budget.first_paint_with_message,
        kib(total),
        budget.total
    );
    let over = overruns([first_paint, with_message, total], &budget);
    assert!(
        over.is_empty(),
        "over the size budget in size-budget.toml:\n{}",
        over.join("\n")
    );
}

pub fn the_budget_check_reports_an_overrun_and_reads_the_file_format() {
    let budget = parse_budget(
        "# comment\nfirst_paint = 100_000 # inline comment\n\nfirst_paint_with_message = 110000\ntotal = 250000\n",
    );
    assert_eq!(
        budget,
        Budget {
            first_paint: 100_000,
            first_paint_with_message: 110_000,
            total: 250_000
        }
    );
    assert!(overruns([100_000, 110_000, 250_000], &budget).is_empty());
    let over = overruns([100_001, 110_000, 300_000], &budget);
    assert_eq!(over.len(), 2, "{over:?}");
    assert!(over[0].starts_with("first paint: 100001"));
    assert!(over[1].starts_with("total: 300000"));
}

/// Names only the message section's code and stylesheet carry: its elements' ids and its
/// classes.
const SECTION_MARKS: [&str; 4] = [
    "bc-message-heading",
    "bc-message-hint",
    "bc-message-text",
    "bc-flag-steps",
];

pub fn the_main_module_most_hosts_get_holds_nothing_of_the_message_section() {
    let read = |file: &str| std::fs::read(dist().join(file)).expect(file);
    let holds = |bytes: &[u8], mark: &str| bytes.windows(mark.len()).any(|w| w == mark.as_bytes());
    let (without, with) = (read(MAIN_MODULE), read(MAIN_MODULE_WITH_MESSAGE));
    for mark in SECTION_MARKS {
        assert!(
            holds(&with, mark),
            "{MAIN_MODULE_WITH_MESSAGE} lacks {mark:?}: the marks no longer name the section"
        );
        assert!(!holds(&without, mark), "{MAIN_MODULE} holds {mark:?}");
    }
    let (small, large) = (
        gzip_size(&dist().join(MAIN_MODULE)),
        gzip_size(&dist().join(MAIN_MODULE_WITH_MESSAGE)),
    );
    println!(
        "{MAIN_MODULE} {small} B gzip, {MAIN_MODULE_WITH_MESSAGE} {large} B: the section's share {} B",
        large - small
    );
    assert!(
        small < large,
        "{small} B without the section, {large} B with it"
    );
}
