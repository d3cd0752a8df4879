//! The size budget: `size-budget.toml` (at the repository root) caps the gzip size of what a
//! host downloads before the widget can paint, and in total. The figures are printed on
//! every run (`-- --nocapture` to see them) so a change's cost is visible in review.

use std::path::Path;
use std::process::Command;

use breach_check_e2e::harness::{bundle_files, dist};

/// What a host must download before the form is usable: every bundle file but the password
/// dictionaries, which come right after first paint.
fn is_first_paint(file: &str) -> bool {
    !file.ends_with(".dict") && !breach_check_e2e::harness::ON_FIRST_USE.contains(&file)
}

/// The two limits of `size-budget.toml`, in gzip bytes.
#[derive(Debug, PartialEq)]
struct Budget {
    first_paint: u64,
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

/// The lines that say what is over budget; empty when everything fits.
fn overruns(first_paint: u64, total: u64, budget: &Budget) -> Vec<String> {
    let mut over = Vec::new();
    for (what, measured, limit) in [
        ("first paint", first_paint, budget.first_paint),
        ("total", total, budget.total),
    ] {
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
    println!("{:<22} {:>10} {:>10}", "file", "raw", "gzip -9");
    let mut sizes = std::collections::HashMap::new();
    let files = bundle_files();
    for file in &files {
        let path = dist.join(file);
        let raw = std::fs::metadata(&path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .len();
        let gzip = gzip_size(&path);
        println!("{file:<22} {raw:>10} {gzip:>10}");
        sizes.insert(file.as_str(), gzip);
    }
    let first_paint: u64 = sizes
        .iter()
        .filter(|(f, _)| is_first_paint(f))
        .map(|(_, size)| size)
        .sum();
    let total: u64 = sizes.values().sum();
    println!(
        "first paint {first_paint} B ({:.1} KiB) of {} B budget; total {total} B ({:.1} KiB) of {} B budget",
        kib(first_paint),
        budget.first_paint,
        kib(total),
        budget.total
    );
    let over = overruns(first_paint, total, &budget);
    assert!(
        over.is_empty(),
        "over the size budget in size-budget.toml:\n{}",
        over.join("\n")
    );
}

pub fn the_budget_check_reports_an_overrun_and_reads_the_file_format() {
    let budget =
        parse_budget("# comment\nfirst_paint = 100_000 # inline comment\n\ntotal = 250000\n");
    assert_eq!(
        budget,
        Budget {
            first_paint: 100_000,
            total: 250_000
        }
    );
    assert!(overruns(100_000, 250_000, &budget).is_empty());
    let over = overruns(100_001, 300_000, &budget);
    assert_eq!(over.len(), 2, "{over:?}");
    assert!(over[0].starts_with("first paint: 100001"));
}
