//! The widget's stylesheet made small at compile time.
//!
//! `src/ui/styles.css` is commented for the next person, but every host page would download
//! the comments with the wasm. [`minify`] runs in a `const` (in `embed`), so the bundle holds
//! the CSS without them and with its whitespace collapsed, and nothing runs in the browser.

/// Copies CSS from `source` without its comments and with each run of whitespace cut to one
/// space, or to none where CSS needs none (beside `{ } ; , >`, after `:` and `(`, before
/// `)`); strings are copied as they are. Returns the length
/// written; with an empty `out` it only measures.
pub(crate) const fn minify(source: &[u8], out: &mut [u8]) -> usize {
    const fn tight(c: u8) -> bool {
        matches!(c, b'{' | b'}' | b';' | b',' | b'>')
    }
    let write = !out.is_empty();
    let (mut i, mut n) = (0, 0);
    // The quote of the string being copied, the last byte written, a pending space.
    let (mut quote, mut last, mut space) = (0u8, b'{', false);
    while i < source.len() {
        let c = source[i];
        i += 1;
        if quote == 0 && c == b'/' && i < source.len() && source[i] == b'*' {
            i += 1;
            while i + 1 < source.len() && !(source[i] == b'*' && source[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
            space = true;
            continue;
        }
        if quote == 0 && c.is_ascii_whitespace() {
            space = true;
            continue;
        }
        // No space is needed after a colon or an opening parenthesis, nor before a closing one
        // (a space before a colon can be a descendant combinator, so it stays).
        if space && !tight(last) && !tight(c) && !matches!(last, b':' | b'(') && c != b')' {
            if write {
                out[n] = b' ';
            }
            n += 1;
        }
        space = false;
        if quote == 0 && (c == b'"' || c == b'\'') {
            quote = c;
        } else if c == quote {
            quote = 0;
        }
        if write {
            out[n] = c;
        }
        n += 1;
        last = c;
        // An escaped character inside a string is copied with its backslash.
        if quote != 0 && c == b'\\' && i < source.len() {
            if write {
                out[n] = source[i];
            }
            n += 1;
            i += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minified(css: &str) -> String {
        let mut out = vec![0; css.len()];
        let len = minify(css.as_bytes(), &mut out);
        assert_eq!(
            len,
            minify(css.as_bytes(), &mut []),
            "measuring and writing agree"
        );
        out.truncate(len);
        String::from_utf8(out).expect("UTF-8 in, UTF-8 out")
    }

    #[test]
    fn comments_go_and_whitespace_shrinks_to_what_css_needs() {
        assert_eq!(
            minified("/* a note */\n.bc  >  p ,\n.bc a {\n  color : red ;\n  margin: 0 auto;\n}\n"),
            ".bc>p,.bc a{color :red;margin:0 auto;}"
        );
        assert_eq!(
            minified("@media (max-width: 420px) { .a { width: calc(100% - 2px) } }"),
            "@media (max-width:420px){.a{width:calc(100% - 2px)}}"
        );
    }

    #[test]
    fn a_space_before_a_colon_stays_a_descendant_combinator() {
        assert_eq!(
            minified(".bc :focus-visible { outline: 0 }"),
            ".bc :focus-visible{outline:0}"
        );
    }

    #[test]
    fn strings_are_copied_as_they_are() {
        assert_eq!(
            minified(
                "a::after { content: \"  /* not a comment */  \\\"x\\\"\" ; font: 1em \"Segoe  UI\" }"
            ),
            "a::after{content:\"  /* not a comment */  \\\"x\\\"\";font:1em \"Segoe  UI\"}"
        );
        assert_eq!(minified("p { quotes: '«' '»' }"), "p{quotes:'«' '»'}");
    }
}
