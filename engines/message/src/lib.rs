//! The message check as a wasm module of its own, `breach-check-message.wasm`.
//!
//! Most host pages never show the message section, and its engine (the Public Suffix List,
//! the IDNA and confusables tables, the lexicon) would weigh more than the rest of the
//! widget's first paint. So it is a second module, which the loader fetches, checks against
//! its pinned hash and instantiates only when a visitor first focuses or types in the
//! section's text box. It has no wasm-bindgen glue and imports nothing: it exports its
//! `memory` and two functions over the byte format of `breach_check::message::wire`.
//!
//! 1. `alloc(len) -> ptr`: makes room for a request of `len` bytes and says where the caller
//!    writes it.
//! 2. `check(len) -> ptr`: rates the request written there and says where the answer is: a
//!    `u32` little-endian length, then that many bytes. The answer stays there until the
//!    next call.
//!
//! Both buffers belong to the module, so no pointer from outside is ever dereferenced here.

use std::cell::RefCell;

use breach_check::message::wire;

thread_local! {
    /// Where the caller writes the request.
    static REQUEST: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// The last answer, length first.
    static ANSWER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Makes the request buffer `len` bytes long (zeroed) and returns where it starts.
#[unsafe(no_mangle)]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    REQUEST.with(|request| {
        let mut request = request.borrow_mut();
        request.clear();
        request.resize(len, 0);
        request.as_mut_ptr()
    })
}

/// Rates the first `len` bytes of the request buffer and returns where the answer starts
/// (its length as a `u32` little-endian, then its bytes).
#[unsafe(no_mangle)]
pub extern "C" fn check(len: usize) -> *const u8 {
    let answer = REQUEST.with(|request| {
        let request = request.borrow();
        wire::answer(request.get(..len).unwrap_or(&[]))
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

#[cfg(test)]
mod tests {
    use super::*;
    use breach_check::i18n::Lang;
    use breach_check::message::Context;
    use breach_check::message::wire::{
        Answer, Attribute, decode_answer, encode_context_of, encode_request,
    };

    /// What the loader does: write the request through `alloc`, call `check`, read the
    /// length-prefixed answer.
    fn call(request: &[u8]) -> Vec<u8> {
        let at = alloc(request.len());
        // SAFETY: `alloc` returned a buffer of exactly `request.len()` bytes, which nothing
        // else touches until `check`.
        unsafe { std::ptr::copy_nonoverlapping(request.as_ptr(), at, request.len()) };
        let answer = check(request.len());
        // SAFETY: `check` returned its answer buffer, which starts with the length of what
        // follows and stays untouched until the next call.
        unsafe {
            let len = u32::from_le_bytes(*answer.cast::<[u8; 4]>()) as usize;
            std::slice::from_raw_parts(answer.add(4), len).to_vec()
        }
    }

    #[test]
    fn the_exports_answer_a_request_as_the_loader_calls_them() {
        let text = "Ameli : votre carte Vitale expire. Payez 2,50 € sur https://bit.ly/vitale";
        let context = encode_context_of(&Context::default());
        let request = encode_request(&context, Lang::Fr, text);
        let Ok(Answer::Report { document, .. }) = decode_answer(&call(&request)) else {
            panic!("a report");
        };
        assert_eq!(document.find_all(Attribute::Verdict, "suspicious").len(), 1);
        assert_eq!(
            document.find_all(Attribute::Flag, "shortened-link").len(),
            1
        );
        // Damaged bytes give an error answer, not a panic.
        assert!(decode_answer(&call(&request[..request.len() / 2])).is_err());
    }
}
