//! Checks the built-in data pack and embeds it.
//!
//! `src/pack/pack.toml` is parsed with the crate's own model (the same files, through
//! `#[path]`), validated with the crate's own rules, and written to `$OUT_DIR/pack.json`
//! for `Pack::builtin`. A broken pack stops the build with a message naming the entry.
// A build script reads files and the environment; clippy.toml forbids that to the core.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

#[path = "src/date.rs"]
#[allow(dead_code)]
mod date;
// Before the model, which declares its enums with its macro.
#[path = "src/variants.rs"]
#[macro_use]
mod variants;
#[path = "src/pack/model.rs"]
#[allow(dead_code)]
mod model;
#[path = "src/pack/validate.rs"]
#[allow(dead_code)]
mod validate;

use std::{env, fs, path::PathBuf, process};

/// Set (to anything) for the main module built for hosts that do not show the message section.
const WITHOUT_MESSAGE_SECTION: &str = "BREACH_CHECK_WITHOUT_MESSAGE_SECTION";

fn main() {
    // A cfg from the build script, not a cargo feature: a feature would change the crate's
    // metadata, hence every mangled name, and the two main modules could no longer share one
    // wasm-bindgen glue (ARCHITECTURE.md, "Two main modules").
    println!("cargo::rustc-check-cfg=cfg(without_message_section)");
    println!("cargo:rerun-if-env-changed={WITHOUT_MESSAGE_SECTION}");
    if env::var_os(WITHOUT_MESSAGE_SECTION).is_some() {
        println!("cargo:rustc-cfg=without_message_section");
    }
    let source = "src/pack/pack.toml";
    println!("cargo:rerun-if-changed={source}");
    for file in [
        "src/date.rs",
        "src/variants.rs",
        "src/pack/model.rs",
        "src/pack/validate.rs",
    ] {
        println!("cargo:rerun-if-changed={file}");
    }
    let text =
        fs::read_to_string(source).unwrap_or_else(|error| fail(&format!("{source}: {error}")));
    let pack: model::Pack =
        toml::from_str(&text).unwrap_or_else(|error| fail(&format!("{source}: {error}")));
    if let Err(error) = validate::validate(&pack) {
        fail(&format!("{source}: {error}"));
    }
    let json = serde_json::to_string(&pack).unwrap_or_else(|error| fail(&error.to_string()));
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_else(|| fail("OUT_DIR is not set")));
    fs::write(out.join("pack.json"), json).unwrap_or_else(|error| fail(&error.to_string()));
}

fn fail(message: &str) -> ! {
    eprintln!("error: the data pack is invalid: {message}");
    process::exit(1);
}
