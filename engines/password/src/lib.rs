//! The password meter's estimator as a wasm module of its own, `breach-check-password.wasm`.
//!
//! The form of the widget does not need the estimator (its matchers, its scoring, its
//! feedback texts and the built-in word list), and most visitors never type a password. So
//! it is a second module, which the loader fetches, checks against its pinned hash and
//! instantiates the first time a visitor uses a password section (it scrolls into view,
//! takes the focus or gets input), once per page. It has no wasm-bindgen glue and imports
//! nothing: it exports its `memory` and three functions over the byte format of
//! `breach_check::password::wire`.
//!
//! 1. `alloc(len) -> ptr`: makes room for `len` bytes and says where the caller writes them.
//! 2. `rate(len) -> ptr`: rates the request written there and says where the answer is: a
//!    `u32` little-endian length, then that many bytes. The answer stays there until the
//!    next call.
//! 3. `dictionary(len) -> ok`: decodes the dictionary file (`breach-check.dict`) written
//!    there and rates with it from then on; `1` when it decoded, `0` when the built-in list
//!    stays in use.
//!
//! Both buffers belong to the module, so no pointer from outside is ever dereferenced here.

use std::cell::RefCell;

use breach_check::password::wire::Rater;

thread_local! {
    /// Where the caller writes a request or the dictionary file.
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// The last answer, length first.
    static ANSWER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// The estimator's state: the full dictionaries once given, the last context.
    static RATER: RefCell<Option<Rater>> = const { RefCell::new(None) };
}

/// Makes the input buffer `len` bytes long (zeroed) and returns where it starts.
#[unsafe(no_mangle)]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    INPUT.with(|input| {
        let mut input = input.borrow_mut();
        input.clear();
        // The dictionary file is larger than any request: keep no copy of it afterwards.
        input.shrink_to(len);
        input.resize(len, 0);
        input.as_mut_ptr()
    })
}

/// Rates the request in the first `len` bytes of the input buffer and returns where the
/// answer starts (its length as a `u32` little-endian, then its bytes).
#[unsafe(no_mangle)]
pub extern "C" fn rate(len: usize) -> *const u8 {
    let answer = INPUT.with(|input| {
        let input = input.borrow();
        let request = input.get(..len).unwrap_or(&[]);
        RATER.with(|rater| {
            rater
                .borrow_mut()
                .get_or_insert_with(Rater::default)
                .answer(request)
        })
    });
    ANSWER.with(|out| {
        let mut out = out.borrow_mut();
        out.clear();
        let len = u32::try_from(answer.len()).unwrap_or(u32::MAX);
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&answer);
        out.as_ptr()
    })
}

/// Decodes the dictionary file in the first `len` bytes of the input buffer: `1` when the
/// full dictionaries rate from now on, `0` when the file did not decode.
#[unsafe(no_mangle)]
pub extern "C" fn dictionary(len: usize) -> u32 {
    let loaded = INPUT.with(|input| {
        let input = input.borrow();
        let bytes = input.get(..len).unwrap_or(&[]);
        RATER.with(|rater| {
            rater
                .borrow_mut()
                .get_or_insert_with(Rater::default)
                .load_dictionaries(bytes)
                .is_ok()
        })
    });
    // The file's bytes are not needed once decoded.
    INPUT.with(|input| *input.borrow_mut() = Vec::new());
    u32::from(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use breach_check::i18n::Lang;
    use breach_check::password::Score;
    use breach_check::password::wire::{decode_answer, encode_request};

    /// What the loader does: write the bytes through `alloc`.
    fn write(bytes: &[u8]) {
        let at = alloc(bytes.len());
        // SAFETY: `alloc` returned a buffer of exactly `bytes.len()` bytes, which nothing
        // else touches until the next export is called.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), at, bytes.len()) };
    }

    /// Writes a request, calls `rate`, reads the length-prefixed answer.
    fn call(request: &[u8]) -> Vec<u8> {
        write(request);
        let answer = rate(request.len());
        // SAFETY: `rate` returned its answer buffer, which starts with the length of what
        // follows and stays untouched until the next call.
        unsafe {
            let len = u32::from_le_bytes(*answer.cast::<[u8; 4]>()) as usize;
            std::slice::from_raw_parts(answer.add(4), len).to_vec()
        }
    }

    #[test]
    fn the_exports_rate_a_password_as_the_loader_calls_them() {
        let words = ["Mutami".to_owned()];
        let request = encode_request(Lang::Fr, 2026, &words, "mutami2024");
        let rated = decode_answer(&call(&request)).expect("a rating");
        assert!(rated.score <= Score::One && rated.leaks.context_word);
        assert!(!rated.full_dictionaries);
        // Damaged bytes give an error answer, not a panic.
        assert!(decode_answer(&call(&request[..request.len() / 2])).is_err());

        // A file that is no dictionary is refused; the real one is taken.
        write(b"BCDICT but not really");
        assert_eq!(dictionary(21), 0);
        let file = include_bytes!("../../../assets/breach-check.dict");
        write(file);
        assert_eq!(dictionary(file.len()), 1);
        let rated = decode_answer(&call(&request)).expect("a rating");
        assert!(rated.full_dictionaries);
    }
}
