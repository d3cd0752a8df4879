//! The estimator alone, exported for the side-by-side browser benchmark (`make bench`).
//!
//! Built only with `--features bench` for wasm, without the UI, the embed and the data pack,
//! so the module the benchmark loads is the meter alone, run as the widget runs it: the same
//! [`estimate`] call, the same full dictionaries and the same context words (the driver
//! passes every insurer and operator name of the built-in pack). It is never part of the
//! shipped bundle.

use std::sync::Arc;

use wasm_bindgen::prelude::*;

use crate::password::{Context, Dictionaries, estimate};

/// A ready meter: decoded dictionaries plus the pack's context words.
#[wasm_bindgen]
#[derive(Debug)]
pub struct BenchMeter {
    context: Context,
}

#[wasm_bindgen]
impl BenchMeter {
    /// Decodes the dictionary file's bytes; fails with the decoder's message when they are
    /// not a dictionary. `reference_year` is the current year and `context_words` the pack's
    /// names, as the widget passes them.
    #[wasm_bindgen(constructor)]
    pub fn new(
        dictionary: &[u8],
        reference_year: i32,
        context_words: Vec<String>,
    ) -> Result<BenchMeter, JsValue> {
        let dictionaries =
            Dictionaries::decode(dictionary).map_err(|e| JsValue::from_str(&e.to_string()))?;
        let words: Vec<&str> = context_words.iter().map(String::as_str).collect();
        let context = Context::new(reference_year)
            .with_dictionaries(Arc::new(dictionaries))
            .with_extra_words(&words);
        Ok(BenchMeter { context })
    }

    /// Rates one password exactly as the widget does on a keystroke (matching, search, crack
    /// times and feedback) and returns the score, 0–4.
    pub fn score(&self, password: &str) -> u8 {
        estimate(password, &self.context).score.as_u8()
    }
}
