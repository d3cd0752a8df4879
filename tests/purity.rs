//! The core stays pure: no web API, clock, randomness or I/O in `pack`, `exposure`,
//! `password`, `i18n` (and the small `date` type). They get everything as arguments, so
//! they test natively and behave the same in the browser.

use std::path::{Path, PathBuf};

/// What the core must never name.
const FORBIDDEN: [&str; 14] = [
    "yew",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "gloo",
    "std::time",
    "SystemTime",
    "Instant::now",
    "std::fs",
    "std::net",
    "std::env",
    "std::process",
    "rand::",
    "getrandom",
];

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).expect("read core folder") {
            rust_files(&entry.expect("folder entry").path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_owned());
    }
}

#[test]
fn the_core_modules_use_no_web_api_clock_randomness_or_io() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for core in [
        "pack",
        "exposure.rs",
        "password",
        "i18n.rs",
        "date.rs",
        "explain.rs",
        "text.rs",
    ] {
        let path = src.join(core);
        if path.exists() {
            rust_files(&path, &mut files);
        }
    }
    assert!(
        files.len() >= 4,
        "the core files were not found under {}",
        src.display()
    );
    let mut offences = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read core file");
        // Unit tests at the bottom of a file may read fixtures; the shipped code may not.
        let shipped = text.split("#[cfg(test)]").next().unwrap_or("");
        for (number, line) in shipped.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in FORBIDDEN {
                if code.contains(word) {
                    offences.push(format!("{}:{}: {word}", file.display(), number + 1));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "the core reaches outside itself:\n{}",
        offences.join("\n")
    );
}
