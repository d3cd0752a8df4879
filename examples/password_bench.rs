//! A native timing run of the password estimator (not a test; the browser benchmark is
//! `make bench`).
//!
//! ```text
//! cargo run --release --example password_bench [-- ROUNDS]
//! ```
//!
//! It decodes the committed dictionary, rates every password of
//! `tests/fixtures/passwords/bench.txt` ROUNDS times (default 20), then a few long inputs,
//! and prints the decode time, mean/p50/p99/max per check, and the share of each corpus
//! section rated 3 or more. Lines starting with `# ` are comments.
//!
//! For tuning, `BENCH_DICT` and `BENCH_CORPUS` replace the two files (say, a dictionary built
//! by `build.py --tune K` and its left-out entries), and `BENCH_SHOW=SECTION` lists that
//! section's passwords rated 3 or more. `BENCH_EXPLAIN` (one password a line) prints the
//! chosen sequence of each of its passwords and nothing else (`BENCH_EXPLAIN_ROUNDS=N` rates
//! each N times first, for a profiler).
// Test and tool code reads files, the clock and the environment; clippy.toml forbids that to
// the core only.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use std::sync::Arc;
use std::time::Instant;

use breach_check::password::{Context, Dictionaries, estimate};

const DICT: &str = "assets/breach-check.dict";
const CORPUS: &str = "tests/fixtures/passwords/bench.txt";

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let dict_path = std::env::var("BENCH_DICT").unwrap_or_else(|_| DICT.to_owned());
    let corpus_path = std::env::var("BENCH_CORPUS").unwrap_or_else(|_| CORPUS.to_owned());
    let show = std::env::var("BENCH_SHOW").ok();
    let bytes = match std::fs::read(&dict_path) {
        Ok(b) => b,
        Err(e) => return eprintln!("cannot read {dict_path}: {e} (run from the repository root)"),
    };
    let corpus = match std::fs::read_to_string(&corpus_path) {
        Ok(c) => c,
        Err(e) => return eprintln!("cannot read {corpus_path}: {e}"),
    };

    let mut decode_times = Vec::new();
    let mut dict = None;
    for _ in 0..10 {
        let t = Instant::now();
        let d = Dictionaries::decode(&bytes);
        decode_times.push(t.elapsed().as_secs_f64() * 1e3);
        dict = d.ok();
    }
    let Some(dict) = dict else {
        return eprintln!("the dictionary does not decode");
    };
    decode_times.sort_by(f64::total_cmp);
    println!(
        "dictionary: {} bytes, {} words; decode median {:.2} ms",
        bytes.len(),
        dict.len(),
        decode_times
            .get(decode_times.len() / 2)
            .copied()
            .unwrap_or(0.0)
    );

    let ctx = Context::new(2024)
        .with_dictionaries(Arc::new(dict))
        .with_extra_words(&["Mutami", "Viamedis", "Almerys", "Harmonie Mutuelle"]);

    if let Ok(list) = std::env::var("BENCH_EXPLAIN") {
        let repeat: usize = std::env::var("BENCH_EXPLAIN_ROUNDS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(1);
        for pw in list.lines().filter(|l| !l.is_empty()) {
            for _ in 1..repeat {
                std::hint::black_box(estimate(pw, &ctx));
            }
            let e = estimate(pw, &ctx);
            println!(
                "{} {:.2} {pw}  [{}]",
                e.score.as_u8(),
                e.guesses_log10,
                describe(pw, &e)
            );
        }
        return;
    }

    let mut section = String::from("?");
    let mut items: Vec<(String, String)> = Vec::new();
    for line in corpus.lines() {
        if let Some(name) = line.strip_prefix("# section: ") {
            section = name.to_owned();
        } else if !line.starts_with("# ") && !line.is_empty() {
            items.push((section.clone(), line.to_owned()));
        }
    }

    // Warm up, then time every check.
    for (_, pw) in &items {
        std::hint::black_box(estimate(pw, &ctx));
    }
    let mut times: Vec<f64> = Vec::with_capacity(items.len() * rounds);
    // The best of the rounds per password, so a preempted run does not make it the slowest.
    let mut best_of: Vec<f64> = vec![f64::INFINITY; items.len()];
    for _ in 0..rounds {
        for ((_, pw), best) in items.iter().zip(best_of.iter_mut()) {
            let t = Instant::now();
            let e = estimate(pw, &ctx);
            let us = t.elapsed().as_secs_f64() * 1e6;
            times.push(us);
            *best = best.min(us);
            std::hint::black_box(e);
        }
    }
    if let Some((i, us)) = best_of.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)) {
        let pw = items.get(i).map_or("", |(_, pw)| pw.as_str());
        println!(
            "slowest (best of the rounds): {us:.1} µs for a {}-char password",
            pw.chars().count()
        );
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| {
        let i = ((times.len() as f64 - 1.0) * p).round() as usize;
        times.get(i).copied().unwrap_or(0.0)
    };
    let mean = times.iter().sum::<f64>() / times.len().max(1) as f64;
    println!(
        "{} passwords x {rounds}: mean {mean:.1} µs, p50 {:.1} µs, p99 {:.1} µs, max {:.1} µs",
        items.len(),
        pct(0.5),
        pct(0.99),
        pct(1.0)
    );

    let mut sections: Vec<(String, usize, [usize; 5])> = Vec::new();
    for (name, pw) in &items {
        let e = estimate(pw, &ctx);
        let score = e.score.as_u8() as usize;
        if score >= 3 && show.as_deref() == Some(name.as_str()) {
            println!(
                "  {score} {:.1} {pw}  [{}]",
                e.guesses_log10,
                describe(pw, &e)
            );
        }
        match sections.iter_mut().find(|s| &s.0 == name) {
            Some(s) => {
                s.1 += 1;
                if let Some(c) = s.2.get_mut(score) {
                    *c += 1;
                }
            }
            None => {
                let mut counts = [0; 5];
                if let Some(c) = counts.get_mut(score) {
                    *c = 1;
                }
                sections.push((name.clone(), 1, counts));
            }
        }
    }
    for (name, n, counts) in &sections {
        let strong = counts.get(3).copied().unwrap_or(0) + counts.get(4).copied().unwrap_or(0);
        println!(
            "  {name:<11} n={n:<5} scores 0-4 {counts:?}  rated 3+: {:.1}%",
            100.0 * strong as f64 / (*n).max(1) as f64
        );
    }

    let long_cases = [
        ("'aB3$' x 64", "aB3$".repeat(64)),
        (
            "256 random-ish",
            (0..256)
                .map(|i| char::from(b'!' + ((i * 37 + 11) % 90) as u8))
                .collect(),
        ),
        (
            "dropbox#316 x 6",
            " .,?!'-/_:;+()@$\"#&*<>=[]\\~%^{}|1234567890".repeat(6),
        ),
        ("'1@3$5!7|0' x 29", "1@3$5!7|0".repeat(29)),
        (
            "French text 256",
            "mot de passe soleil bonjour chocolat ".repeat(7),
        ),
        ("10,000 x 'a'", "a".repeat(10_000)),
        ("'1' x 256", "1".repeat(256)),
        ("'17' x 128", "17".repeat(128)),
        ("'l1' x 128", "l1".repeat(128)),
        ("'!' x 256", "!".repeat(256)),
        (
            "256 digits",
            (0..256u64)
                .map(|i| {
                    let x = i
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    char::from(b'0' + ((x >> 33) % 10) as u8)
                })
                .collect(),
        ),
        ("'motdepasse' x 26", "motdepasse".repeat(26)),
    ];
    for (label, pw) in &long_cases {
        let mut best = f64::INFINITY;
        let mut e = None;
        for _ in 0..20 {
            let t = Instant::now();
            let r = estimate(pw, &ctx);
            best = best.min(t.elapsed().as_secs_f64() * 1e3);
            e = Some(r);
        }
        if let Some(e) = e {
            println!(
                "  {label:<18} {best:.3} ms  score {} ({:.1})  work {:?}",
                e.score.as_u8(),
                e.guesses_log10,
                e.work
            );
        }
    }
}

/// The chosen sequence as `text:pattern:log10 guesses` parts.
fn describe(pw: &str, e: &breach_check::password::Estimate) -> String {
    let parts: Vec<String> = e
        .sequence
        .iter()
        .map(|m| {
            let text: String = pw.chars().skip(m.range.start).take(m.range.len()).collect();
            format!("{text}:{}:{:.2}", pattern_name(&m.pattern), m.guesses_log10)
        })
        .collect();
    parts.join(" ")
}

fn pattern_name(p: &breach_check::password::Pattern) -> String {
    use breach_check::password::Pattern;
    match p {
        Pattern::Dictionary(d) => format!("dict-{}", d.dictionary.as_str()),
        Pattern::Spatial(_) => "spatial".into(),
        Pattern::Repeat(_) => "repeat".into(),
        Pattern::Sequence(_) => "seq".into(),
        Pattern::Year(_) => "year".into(),
        Pattern::Date(_) => "date".into(),
        Pattern::Nir(_) => "nir".into(),
        other => format!("{other:?}").chars().take(12).collect(),
    }
}
