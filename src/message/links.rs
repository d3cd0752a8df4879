//! Finding links in plain text: web addresses with or without a scheme (`hxxp`, `[.]` and
//! full-width dots included), e-mail addresses, the senders of pasted headers, and file names.
//! Nothing is ever fetched or resolved.

use super::data::Data;
use super::{LinkKind, Span};

/// A link as found, before it is compared with the official domains.
#[derive(Clone, Debug)]
pub(crate) struct FoundLink {
    pub span: Span,
    pub kind: LinkKind,
    /// Lower-cased, dots restored, punycode decoded, hidden characters removed.
    pub host: String,
    /// What stood before an `@` in a web address (`https://ameli.fr@evil.com`).
    pub userinfo: Option<String>,
    /// Invisible or direction characters were removed from the host.
    pub hidden_characters: bool,
    /// An `xn--` label that is not valid punycode.
    pub bad_punycode: bool,
    /// The path and query, as written.
    pub path: String,
}

impl FoundLink {
    /// The extension of the file the link downloads, when it is one of the risky ones.
    pub(crate) fn file_extension(&self, data: &Data) -> Option<String> {
        let path = self.path.split(['?', '#']).next().unwrap_or("");
        let name = path.rsplit('/').next().unwrap_or("");
        let (_, ext) = name.rsplit_once('.')?;
        let ext = ext.to_ascii_lowercase();
        data.extensions
            .contains(&ext.as_str())
            .then(|| name.to_string())
    }
}

/// Characters that hide in an address: zero-width, soft hyphen, direction controls.
pub(crate) fn is_hidden(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// Dots written otherwise: defanged (`[.]`, `(.)`, `[dot]`) or full-width.
fn restore_dots(raw: &str) -> String {
    let mut s = raw.to_string();
    for defanged in ["[.]", "(.)", "{.}", "[dot]", "(dot)", "[DOT]", "(DOT)"] {
        s = s.replace(defanged, ".");
    }
    s.chars()
        .map(|c| match c {
            '\u{FF0E}' | '\u{3002}' | '\u{FF61}' => '.',
            other => other,
        })
        .collect()
}

/// Whether a character may stand in a host as written in a message.
fn host_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '.' || c == '_' || is_hidden(c)
}

/// A normalised host, with what was found on the way.
pub(crate) struct Host {
    pub host: String,
    pub hidden_characters: bool,
    pub bad_punycode: bool,
}

/// Lower-cases, strips a port and a trailing dot, removes hidden characters, decodes punycode
/// labels. The lower-casing covers ASCII and Latin-1; other scripts are compared through
/// their confusable skeletons, which fold case themselves.
pub(crate) fn normalise_host(raw: &str) -> Host {
    let mut hidden = false;
    let mut cleaned = String::with_capacity(raw.len());
    for c in restore_dots(raw).chars() {
        if is_hidden(c) {
            hidden = true;
            continue;
        }
        match c {
            'A'..='Z' => cleaned.push(c.to_ascii_lowercase()),
            'À'..='Þ' if c != '×' => {
                cleaned.push(char::from_u32(u32::from(c) + 32).unwrap_or(c))
            }
            _ => cleaned.push(c),
        }
    }
    // A port.
    if let Some((host, port)) = cleaned.rsplit_once(':')
        && !port.is_empty()
        && port.bytes().all(|b| b.is_ascii_digit())
    {
        cleaned.truncate(host.len());
    }
    let trimmed = cleaned.trim_matches('.');
    let mut bad = false;
    let labels: Vec<String> = trimmed
        .split('.')
        .map(|label| match label.strip_prefix("xn--") {
            Some(encoded) => match idna::punycode::decode_to_string(encoded) {
                Some(decoded) if !decoded.is_empty() => decoded,
                _ => {
                    bad = true;
                    label.to_string()
                }
            },
            None => label.to_string(),
        })
        .collect();
    Host {
        host: labels.join("."),
        hidden_characters: hidden,
        bad_punycode: bad,
    }
}

/// The schemes read as web links, defanged ones included.
fn is_web_scheme(scheme: &str) -> bool {
    matches!(
        scheme.to_ascii_lowercase().as_str(),
        "http" | "https" | "hxxp" | "hxxps" | "hxxp[s]" | "ftp" | "fxp"
    )
}

/// Splits the text into chunks between spaces, with their byte ranges.
fn chunks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        let breaks = c.is_whitespace() || matches!(c, '<' | '>' | '"' | '«' | '»');
        match (breaks, start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out.into_iter()
}

/// Trims the punctuation that surrounds a link in prose.
fn trim_chunk(chunk: &str) -> (usize, &str) {
    let lead_chars: &[char] = &['(', '[', '{', '\'', '‘', '“', '*'];
    let trail_chars: &[char] = &[
        ')', ']', '}', '\'', '’', '”', '.', ',', ';', ':', '!', '?', '*', '…',
    ];
    let trimmed_start = chunk.trim_start_matches(lead_chars);
    let lead = chunk.len() - trimmed_start.len();
    let mut body = trimmed_start;
    // A defanged dot at the very end is no dot: keep only real trailing punctuation.
    while let Some(c) = body.chars().last() {
        if trail_chars.contains(&c) && !body.ends_with("[.]") && !body.ends_with("(.)") {
            body = &body[..body.len() - c.len_utf8()];
        } else {
            break;
        }
    }
    (lead, body)
}

/// The end of the host part: the first `/`, `?`, `#` or `\`.
fn host_end(s: &str) -> usize {
    s.find(['/', '?', '#', '\\']).unwrap_or(s.len())
}

/// File extensions that end names but are also top-level domains or common documents: a bare
/// `facture.zip` or `avis.pdf` is a file name, not a host.
fn looks_like_file(host: &str, data: &Data) -> bool {
    let last = host.rsplit('.').next().unwrap_or("");
    data.extensions.contains(&last)
        || matches!(
            last,
            "pdf" | "doc" | "docx" | "xls" | "xlsx" | "jpg" | "jpeg" | "png" | "gif" | "txt"
        )
}

/// Whether `host` ends in a known public suffix and is made of valid labels.
fn plausible_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty() || l.len() > 63) {
        return false;
    }
    let tld = labels[labels.len() - 1];
    if !tld.chars().all(char::is_alphabetic) {
        return false;
    }
    super::domains::known_suffix(host)
}

/// Every link of the text. Addresses on `sender_lines` are senders.
pub(crate) fn find_links(text: &str, data: &Data, sender_lines: &[Span]) -> Vec<FoundLink> {
    let mut out: Vec<FoundLink> = Vec::new();
    for (offset, chunk) in chunks(text) {
        if out.len() >= 64 {
            break;
        }
        let (lead, body) = trim_chunk(chunk);
        if body.is_empty() {
            continue;
        }
        let base = offset + lead;
        let scheme_at = body.find("://").or_else(|| body.find("[:]//"));
        if let Some(p) = scheme_at {
            let scheme_start = body[..p]
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_ascii_alphabetic() || matches!(c, '[' | ']'))
                .last()
                .map_or(p, |(i, _)| i);
            if !is_web_scheme(&body[scheme_start..p]) {
                continue;
            }
            let after = &body[p + if body[p..].starts_with("://") { 3 } else { 5 }..];
            let authority_len = host_end(after);
            let authority = &after[..authority_len];
            let (userinfo, raw_host) = match authority.rsplit_once('@') {
                Some((user, host)) => (Some(user.to_string()), host),
                None => (None, authority),
            };
            let host = normalise_host(raw_host);
            if host.host.is_empty() {
                continue;
            }
            out.push(FoundLink {
                span: Span {
                    start: base + scheme_start,
                    end: base + body.len(),
                },
                kind: LinkKind::Web,
                host: host.host,
                userinfo,
                hidden_characters: host.hidden_characters,
                bad_punycode: host.bad_punycode,
                path: after[authority_len..].to_string(),
            });
            continue;
        }
        if let Some(at) = body.find('@') {
            // An e-mail address: the local part back to the chunk's start, the host after.
            let local_start = body[..at]
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphanumeric() || "._%+-".contains(*c))
                .last()
                .map_or(at, |(i, _)| i);
            let rest = &body[at + 1..];
            let host_len = rest
                .char_indices()
                .find(|(_, c)| !host_char(*c) && !matches!(c, '[' | ']' | '(' | ')'))
                .map_or(rest.len(), |(i, _)| i);
            let host = normalise_host(&rest[..host_len]);
            if local_start == at || !host.host.contains('.') {
                continue;
            }
            let span = Span {
                start: base + local_start,
                end: base + at + 1 + host_len,
            };
            let sender = sender_lines
                .iter()
                .any(|l| l.start <= span.start && span.end <= l.end);
            out.push(FoundLink {
                span,
                kind: if sender {
                    LinkKind::Sender
                } else {
                    LinkKind::EmailAddress
                },
                host: host.host,
                userinfo: None,
                hidden_characters: host.hidden_characters,
                bad_punycode: host.bad_punycode,
                path: String::new(),
            });
            continue;
        }
        // A bare host: `ameli-remboursement.com/dossier`, `www.exemple.fr`.
        let raw_host = &body[..host_end(body)];
        if !raw_host.chars().all(|c| host_char(c) || "[]()".contains(c)) {
            continue;
        }
        let host = normalise_host(raw_host);
        let www = host.host.starts_with("www.");
        let has_path = raw_host.len() < body.len();
        if (!has_path && looks_like_file(&host.host, data))
            || !(www && host.host.contains('.') || plausible_host(&host.host))
        {
            continue;
        }
        out.push(FoundLink {
            span: Span {
                start: base,
                end: base + body.len(),
            },
            kind: LinkKind::Web,
            host: host.host,
            userinfo: None,
            hidden_characters: host.hidden_characters,
            bad_punycode: host.bad_punycode,
            path: body[raw_host.len()..].to_string(),
        });
    }
    out
}

/// File names with a risky extension, outside links (`facture.pdf.exe`, `avis.zip`), direction
/// tricks included (`facture\u{202E}fdp.exe` shows as `facture exe.pdf`).
pub(crate) fn find_files(text: &str, data: &Data, masks: &[Span]) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    for (offset, chunk) in chunks(text) {
        let (lead, body) = trim_chunk(chunk);
        let span = Span {
            start: offset + lead,
            end: offset + lead + body.len(),
        };
        if masks
            .iter()
            .any(|m| m.start <= span.start && span.end <= m.end)
        {
            continue;
        }
        let visible: String = body.chars().filter(|c| !is_hidden(*c)).collect();
        let Some((stem, ext)) = visible.rsplit_once('.') else {
            continue;
        };
        let ext = ext.to_ascii_lowercase();
        let direction_trick = body.contains(['\u{202E}', '\u{202D}', '\u{2067}', '\u{2068}']);
        let risky = data.extensions.contains(&ext.as_str());
        let named = !stem.is_empty() && stem.chars().any(char::is_alphanumeric);
        if named && (risky || direction_trick) {
            out.push((span, visible));
        }
        if out.len() >= 32 {
            break;
        }
    }
    out
}
