//! The core stays pure: it reaches no DOM, clock, file system, environment or randomness.
//!
//! Most of this is a compile-time fact, and this file only guards what the compiler cannot:
//!
//! - the web crates (`yew`, `web-sys`, `js-sys`, `wasm-bindgen`) are dependencies of the
//!   wasm32 build only (`Cargo.toml`), and the shell modules (`ui`, `embed`) are compiled for
//!   wasm32 only (`src/lib.rs`), so the native build, where `cargo test` runs the core, cannot
//!   name a web API at all;
//! - `clippy.toml` forbids the clock, the file system, the environment, sockets and processes
//!   (`make lint` runs clippy with `-D warnings`).
//!
//! What is left is checked here, on tokens rather than lines, with no exemption for tests
//! and no list of files to forget:
//!
//! - every module of `src/lib.rs` is core unless lib.rs compiles it for wasm32 only, and
//!   every `.rs` file under `src/` belongs to a module lib.rs declares (a renamed or stray
//!   file fails instead of being skipped);
//! - a core file names no web or randomness crate and has no target-specific code (a
//!   `cfg(target_arch = "wasm32")` block would hide from the native build);
//! - `[dependencies]`, the list shared by both targets, holds no web crate.
// This test reads the source tree; clippy.toml forbids file access to the core only.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};

/// Identifiers a core file must never contain (outside comments and string literals).
const FORBIDDEN: [&str; 12] = [
    "yew",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "gloo",
    "rand",
    "getrandom",
    "fastrand",
    "target_arch",
    "target_family",
    "target_os",
];

/// Crates that must stay out of the dependencies both targets share.
const WEB_CRATES: [&str; 6] = [
    "yew",
    "web-sys",
    "js-sys",
    "wasm-bindgen",
    "wasm-bindgen-futures",
    "gloo",
];

/// The identifiers of Rust source, in order, without comments, strings or char literals.
fn identifiers(source: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
            }
        } else if c == 'r' && (at(i + 1) == '"' || (at(i + 1) == '#' && at(i + 2) != '[')) {
            // A raw string: r"…", r#"…"#, r##"…"##.
            let mut j = i + 1;
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                i += 1;
                continue;
            }
            j += 1;
            let closing: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            while j < chars.len() && !chars[j..].iter().collect::<String>().starts_with(&closing) {
                line += usize::from(chars[j] == '\n');
                j += 1;
            }
            i = j + closing.len();
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                line += usize::from(at(i) == '\n');
                i += 1;
            }
            i += 1;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
            if at(i + 1) == '\\' {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((line, chars[start..i].iter().collect()));
        } else {
            i += 1;
        }
    }
    out
}

/// The forbidden names a core file uses, as `line: name`.
fn offences(source: &str) -> Vec<String> {
    identifiers(source)
        .into_iter()
        .filter(|(_, word)| FORBIDDEN.contains(&word.as_str()) || word.starts_with("gloo_"))
        .map(|(line, word)| format!("{line}: {word}"))
        .collect()
}

/// The top-level modules `lib.rs` declares, each with whether it is compiled for wasm32 only
/// (the shell) or for every target (the core).
fn modules(lib: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut wasm_only = false;
    for line in lib.lines().map(str::trim) {
        if line.starts_with("#[cfg(") {
            wasm_only |=
                line.contains("target_arch = \"wasm32\"") && !line.contains("not(target_arch");
        } else if let Some(rest) = line
            .strip_prefix("pub mod ")
            .or_else(|| line.strip_prefix("mod "))
        {
            if let Some(name) = rest.strip_suffix(';') {
                out.push((name.trim().to_owned(), wasm_only));
            }
            wasm_only = false;
        } else if !line.starts_with("#[") {
            wasm_only = false;
        }
    }
    out
}

/// The keys of the `[dependencies]` table of a Cargo manifest.
fn shared_dependencies(manifest: &str) -> Vec<String> {
    let mut inside = false;
    let mut keys = Vec::new();
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            inside = line == "[dependencies]";
        } else if inside
            && !line.starts_with('#')
            && let Some((key, _)) = line.split_once('=')
        {
            keys.push(key.trim().to_owned());
        }
    }
    keys
}

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).expect("read src folder") {
            rust_files(&entry.expect("folder entry").path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_owned());
    }
}

#[test]
fn the_core_names_no_web_api_randomness_or_target_and_every_file_is_accounted_for() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("read src/lib.rs");
    let modules = modules(&lib);
    let core: Vec<&str> = modules
        .iter()
        .filter(|(_, wasm_only)| !wasm_only)
        .map(|(name, _)| name.as_str())
        .collect();
    for expected in [
        "date", "text", "i18n", "config", "pack", "exposure", "password",
    ] {
        assert!(
            core.contains(&expected),
            "lib.rs should declare `{expected}` as a core module: {modules:?}"
        );
    }
    for shell in ["ui", "embed"] {
        assert!(
            modules
                .iter()
                .any(|(name, wasm_only)| name == shell && *wasm_only),
            "lib.rs should compile `{shell}` for wasm32 only: {modules:?}"
        );
    }

    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut problems = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("a file under src/");
        if relative == Path::new("lib.rs") {
            continue;
        }
        let first = relative
            .iter()
            .next()
            .and_then(|s| s.to_str())
            .unwrap_or("");
        let module = first.strip_suffix(".rs").unwrap_or(first);
        let Some((_, wasm_only)) = modules.iter().find(|(name, _)| name == module) else {
            problems.push(format!(
                "src/{}: not part of any module lib.rs declares",
                relative.display()
            ));
            continue;
        };
        if *wasm_only {
            continue;
        }
        let text = std::fs::read_to_string(file).expect("read core file");
        for offence in offences(&text) {
            problems.push(format!("src/{}:{offence}", relative.display()));
        }
    }

    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("read Cargo.toml");
    for key in shared_dependencies(&manifest) {
        if WEB_CRATES.contains(&key.as_str()) {
            problems.push(format!(
                "Cargo.toml: `{key}` in [dependencies] reaches the core; make it a wasm32 dependency"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "the core reaches outside itself:\n{}",
        problems.join("\n")
    );
}

#[test]
fn grouped_imports_and_code_after_a_test_block_are_still_checked() {
    let source = "use std::fmt;\n\
                  #[cfg(test)]\n\
                  fn helper() {}\n\
                  use {web_sys::Window, std::rc::Rc};\n\
                  #[cfg(target_arch = \"wasm32\")]\n\
                  fn now() -> f64 { js_sys::Date::now() }\n";
    assert_eq!(
        offences(source),
        ["4: web_sys", "5: target_arch", "6: js_sys"]
    );
}

#[test]
fn comments_strings_chars_and_lifetimes_are_not_code() {
    let source = "// uses no web_sys\n\
                  /* nor /* nested */ js_sys */\n\
                  /// Not `yew` either.\n\
                  const A: &str = \"wasm_bindgen\";\n\
                  const B: &str = r#\"gloo \"quoted\" rand\"#;\n\
                  const C: char = '\\'';\n\
                  fn f<'a>(x: &'a str) -> char { 'y' }\n";
    assert!(offences(source).is_empty(), "{:?}", offences(source));
    assert_eq!(offences("fn g() { rand::random() }"), ["1: rand"]);
}

#[test]
fn lib_rs_decides_which_modules_are_core() {
    let lib = "pub mod date;\n\
               #[cfg(all(target_arch = \"wasm32\", not(feature = \"bench\")))]\n\
               pub mod embed;\n\
               #[cfg(not(target_arch = \"wasm32\"))]\n\
               mod native;\n\
               mod pack;\n";
    assert_eq!(
        modules(lib),
        [
            ("date".to_owned(), false),
            ("embed".to_owned(), true),
            ("native".to_owned(), false),
            ("pack".to_owned(), false),
        ]
    );
}

#[test]
fn only_the_shared_dependency_table_counts() {
    let manifest = "[package]\nname = \"x\"\n[dependencies]\nserde = \"1\"\n# yew = \"0\"\n\
                    [target.'cfg(target_arch = \"wasm32\")'.dependencies]\nyew = \"0.23\"\n";
    assert_eq!(shared_dependencies(manifest), ["serde"]);
}
