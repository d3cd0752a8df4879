//! Reading the text: words with their places, sentences, the lexicon's phrases, and the check
//! that puts the pieces together.

use super::data::{Data, OrgKind, Phrase, Role, Topic, Word};
use super::domains::Officials;
use super::links::{self, FoundLink};
use super::phones;
use super::{
    Channel, Claim, ClaimKind, Context, Flag, FlagKind, LinkKind, MAX_RATED_BYTES, Note,
    NumberClass, OrgName, OrganisationKind, Report, Span, Step, StepLink, Truncated, Verdict,
};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Number,
    /// A currency sign.
    Symbol,
}

/// A word, number or currency sign of the text, folded, with its place.
#[derive(Clone, Debug)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: TokKind,
    pub sentence: usize,
}

/// Lower-cases a Latin letter and strips its accent; other letters are kept as they are (no
/// Unicode case tables: the check runs in a small wasm module).
pub(crate) fn fold_char(c: char, out: &mut String) {
    let lower = match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'À'..='Þ' if c != '×' => char::from_u32(u32::from(c) + 32).unwrap_or(c),
        'Œ' => 'œ',
        'Ÿ' => 'ÿ',
        _ => c,
    };
    let folded = match lower {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
        'ç' => "c",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'î' | 'ï' | 'í' | 'ì' => "i",
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => "o",
        'ù' | 'û' | 'ü' | 'ú' => "u",
        'ÿ' | 'ý' => "y",
        'ñ' => "n",
        'œ' => "oe",
        'æ' => "ae",
        'ß' => "ss",
        other => {
            out.push(other);
            return;
        }
    };
    out.push_str(folded);
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Splits `text` into tokens. Bytes inside `masked` spans (the links) are read as spaces, so
/// that the words of an address do not count as words of the message.
pub(crate) fn tokenize(text: &str, masked: &[Span]) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut current: Option<Token> = None;
    let mut sentence = 0usize;
    let mut mask_index = 0usize;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0usize;
    while i < chars.len() {
        let (at, c) = chars[i];
        let next = chars.get(i + 1).map(|&(_, n)| n);
        while mask_index < masked.len() && masked[mask_index].end <= at {
            mask_index += 1;
        }
        let in_mask = masked
            .get(mask_index)
            .is_some_and(|m| m.start <= at && at < m.end);
        let end_of = |t: &mut Option<Token>, tokens: &mut Vec<Token>| {
            if let Some(t) = t.take() {
                tokens.push(t);
            }
        };
        if in_mask {
            end_of(&mut current, &mut tokens);
            i += 1;
            continue;
        }
        let kind = if c.is_numeric() {
            Some(TokKind::Number)
        } else if c.is_alphabetic() {
            Some(TokKind::Word)
        } else {
            None
        };
        match kind {
            Some(kind) => {
                let continues = current.as_ref().is_some_and(|t| t.kind == kind);
                if !continues {
                    end_of(&mut current, &mut tokens);
                    current = Some(Token {
                        start: at,
                        end: at,
                        text: String::new(),
                        kind,
                        sentence,
                    });
                }
                if let Some(t) = current.as_mut() {
                    if kind == TokKind::Word {
                        fold_char(c, &mut t.text);
                    } else {
                        t.text.push(c);
                    }
                    t.end = at + c.len_utf8();
                }
            }
            None => {
                // A decimal separator between digits stays inside the number (1,99 €).
                let in_number = current.as_ref().is_some_and(|t| t.kind == TokKind::Number)
                    && matches!(c, ',' | '.')
                    && next.is_some_and(|n| n.is_ascii_digit());
                if in_number {
                    if let Some(t) = current.as_mut() {
                        t.text.push(c);
                        t.end = at + 1;
                    }
                    i += 1;
                    continue;
                }
                end_of(&mut current, &mut tokens);
                if matches!(c, '€' | '$' | '£') {
                    tokens.push(Token {
                        start: at,
                        end: at + c.len_utf8(),
                        text: "€".to_string(),
                        kind: TokKind::Symbol,
                        sentence,
                    });
                } else if is_sentence_end(c) && next.is_none_or(char::is_whitespace) {
                    sentence += 1;
                } else if c == '\n' {
                    // A line break ends a sentence when the next line starts anew (a capital,
                    // a bullet, a number) or after a blank line; a wrapped line goes on.
                    let mut j = i + 1;
                    let mut blank = false;
                    while let Some(&(_, n)) = chars.get(j) {
                        if n == '\n' {
                            blank = true;
                        } else if !n.is_whitespace() {
                            break;
                        }
                        j += 1;
                    }
                    let starts_anew = chars.get(j).is_none_or(|&(_, n)| {
                        n.is_uppercase() || n.is_numeric() || !n.is_alphanumeric()
                    });
                    if blank || starts_anew {
                        sentence += 1;
                    }
                }
            }
        }
        i += 1;
    }
    if let Some(t) = current.take() {
        tokens.push(t);
    }
    tokens
}

/// Matches `words` against the tokens from `i`, within one sentence; returns the end index.
fn match_words(tokens: &[Token], i: usize, words: &[Word], sentence: usize) -> Option<usize> {
    let Some((first, rest)) = words.split_first() else {
        return Some(i);
    };
    if let Word::Gap = first {
        for skip in 0..=4 {
            let at = i + skip;
            if at > tokens.len() || (skip > 0 && tokens[at - 1].sentence != sentence) {
                break;
            }
            if let Some(end) = match_words(tokens, at, rest, sentence) {
                return Some(end);
            }
        }
        return None;
    }
    let token = tokens.get(i)?;
    if token.sentence != sentence {
        return None;
    }
    let hit = match first {
        Word::Exact(w) => token.kind != TokKind::Number && token.text == w.as_ref(),
        Word::Prefix(stem) => token.kind == TokKind::Word && token.text.starts_with(stem.as_ref()),
        Word::Number => token.kind == TokKind::Number,
        Word::Gap => false,
    };
    if hit {
        match_words(tokens, i + 1, rest, sentence)
    } else {
        None
    }
}

/// A phrase found: token indices `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
}

impl Hit {
    fn sentence(self, tokens: &[Token]) -> usize {
        tokens[self.start].sentence
    }

    fn span(self, tokens: &[Token]) -> Span {
        Span {
            start: tokens[self.start].start,
            end: tokens[self.end - 1].end,
        }
    }

    fn overlaps(self, other: Hit) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Every place where one of `phrases` matches, longest first at each start, no overlaps.
pub(crate) fn find(tokens: &[Token], phrases: &[&Phrase]) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let sentence = tokens[i].sentence;
        let best = phrases
            .iter()
            .filter_map(|p| match_words(tokens, i, &p.words, sentence))
            .filter(|end| *end > i)
            .max();
        match best {
            Some(end) => {
                hits.push(Hit { start: i, end });
                i = end;
            }
            None => i += 1,
        }
    }
    hits
}

/// The lexicon, grouped for one check.
struct Lexicon<'d> {
    data: &'d Data,
}

impl<'d> Lexicon<'d> {
    fn phrases(&self, flag: Option<FlagKind>, role: Role) -> Vec<&'d Phrase> {
        self.data
            .lexicon
            .iter()
            .filter(|g| g.flag == flag && g.role == role)
            .flat_map(|g| g.phrases.iter())
            .collect()
    }
}

/// Which sentences say "never", and which request words are themselves negated.
struct Negations {
    sentences: Vec<usize>,
    /// Sentences with a condition ("si vous ne confirmez pas…"): a negated verb there is a
    /// threat, not a warning.
    conditional: Vec<usize>,
}

impl Negations {
    fn new(tokens: &[Token], lexicon: &Lexicon<'_>) -> Negations {
        let words = lexicon.phrases(None, Role::Negation);
        let mut sentences: Vec<usize> = find(tokens, &words)
            .into_iter()
            .map(|h| h.sentence(tokens))
            .collect();
        sentences.dedup();
        let conditional = tokens
            .iter()
            .filter(|t| {
                matches!(
                    t.text.as_str(),
                    "si" | "if" | "sinon" | "otherwise" | "faute"
                )
            })
            .map(|t| t.sentence)
            .collect();
        Negations {
            sentences,
            conditional,
        }
    }

    fn sentence_says_never(&self, sentence: usize) -> bool {
        self.sentences.contains(&sentence)
    }

    /// "ne communiquez pas", "do not share": the request word itself is negated, outside a
    /// condition.
    fn request_negated(&self, tokens: &[Token], hit: Hit) -> bool {
        let sentence = hit.sentence(tokens);
        if self.conditional.contains(&sentence) {
            return false;
        }
        let before = hit.start.saturating_sub(2)..hit.start;
        let after = hit.end..(hit.end + 2).min(tokens.len());
        let is = |i: usize, words: &[&str]| {
            tokens[i].sentence == sentence && words.contains(&tokens[i].text.as_str())
        };
        before
            .clone()
            .any(|i| is(i, &["ne", "n", "not", "don", "dont", "pas"]))
            || after.clone().any(|i| is(i, &["pas", "not"]))
    }
}

/// The flags raised by words, with their spans; the money asked for (a red flag only with a
/// way to pay: a stray link or a number); and the breach mentions.
pub(crate) struct TextFindings {
    pub flags: Vec<(FlagKind, Vec<Span>)>,
    pub money: Vec<Span>,
    pub breach_mentions: Vec<Span>,
}

/// The byte ranges of the sentences: from a sentence's first word to the next one's.
fn sentence_ranges(tokens: &[Token]) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for t in tokens {
        match out.last_mut() {
            Some((sentence, _, end)) if *sentence == t.sentence => *end = t.end,
            _ => {
                if let Some(last) = out.last_mut() {
                    last.2 = t.start;
                }
                out.push((t.sentence, t.start, t.end));
            }
        }
    }
    if let Some(last) = out.last_mut() {
        last.2 = usize::MAX;
    }
    out
}

fn push(flags: &mut Vec<(FlagKind, Vec<Span>)>, kind: FlagKind, spans: &[Span]) {
    match flags.iter_mut().find(|(k, _)| *k == kind) {
        Some((_, existing)) => existing.extend_from_slice(spans),
        None => flags.push((kind, spans.to_vec())),
    }
}

/// Whether the sentence has an amount (`1,99 €`, `€2`, `3 euros`).
fn amount_in(tokens: &[Token], sentence: usize) -> Option<Span> {
    let in_sentence: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens[i].sentence == sentence)
        .collect();
    for pair in in_sentence.windows(2) {
        let (a, b) = (&tokens[pair[0]], &tokens[pair[1]]);
        let currency = |t: &Token| {
            t.kind == TokKind::Symbol || matches!(t.text.as_str(), "eur" | "euro" | "euros")
        };
        if (a.kind == TokKind::Number && currency(b))
            || (a.kind == TokKind::Symbol && b.kind == TokKind::Number)
        {
            return Some(Span {
                start: a.start,
                end: b.end,
            });
        }
    }
    None
}

/// Reads the words: requests for data, fees, pressure, breach mentions, files to open.
pub(crate) fn text_findings(
    tokens: &[Token],
    data: &Data,
    links: &[Span],
    strays: &[Span],
) -> TextFindings {
    let lexicon = Lexicon { data };
    let negations = Negations::new(tokens, &lexicon);
    let requests = find(tokens, &lexicon.phrases(None, Role::Request));
    let pays = find(tokens, &lexicon.phrases(None, Role::Pay));
    let actions = find(tokens, &lexicon.phrases(None, Role::Action));
    let places = find(tokens, &lexicon.phrases(None, Role::Place));
    let ranges = sentence_ranges(tokens);
    // "…dans votre espace adhérent", with no link in the sentence: the genuine way to ask.
    let in_own_space = |sentence: usize| {
        let range = ranges.iter().find(|(s, _, _)| *s == sentence);
        let has_link = range.is_some_and(|&(_, start, end)| {
            links.iter().any(|l| start <= l.start && l.start < end)
        });
        !has_link && places.iter().any(|p| p.sentence(tokens) == sentence)
    };
    // A link to a site that is not a known official one, in the sentence.
    let stray_in = |sentence: usize| {
        let range = ranges.iter().find(|(s, _, _)| *s == sentence);
        range.and_then(|&(_, start, end)| strays.iter().find(|l| start <= l.start && l.start < end))
    };
    let mut flags: Vec<(FlagKind, Vec<Span>)> = Vec::new();
    let mut money: Vec<Span> = Vec::new();

    for &kind in FlagKind::ALL {
        // Requests: an object asked for in the same sentence, by a word that is not negated.
        let objects = find(tokens, &lexicon.phrases(Some(kind), Role::Object));
        for object in objects {
            let sentence = object.sentence(tokens);
            if negations.sentence_says_never(sentence) || in_own_space(sentence) {
                continue;
            }
            let asking = requests.iter().find(|r| {
                r.sentence(tokens) == sentence
                    && !r.overlaps(object)
                    && r.start.abs_diff(object.start) <= 25
                    && !negations.request_negated(tokens, **r)
            });
            if let Some(request) = asking {
                push(
                    &mut flags,
                    kind,
                    &[request.span(tokens), object.span(tokens)],
                );
            } else if let Some(link) = stray_in(sentence) {
                // "Connectez-vous avec votre mot de passe sur <a site that is not official>".
                let acting = actions.iter().find(|a| {
                    a.sentence(tokens) == sentence && !negations.request_negated(tokens, **a)
                });
                if let Some(act) = acting {
                    push(
                        &mut flags,
                        kind,
                        &[act.span(tokens), object.span(tokens), *link],
                    );
                }
            }
        }
        // Phrases that are red flags on their own.
        for hit in find(tokens, &lexicon.phrases(Some(kind), Role::Phrase)) {
            if !negations.sentence_says_never(hit.sentence(tokens)) {
                push(&mut flags, kind, &[hit.span(tokens)]);
            }
        }
        // Fees: with an amount or a payment word in the sentence, and not "sans frais".
        for fee in find(tokens, &lexicon.phrases(Some(kind), Role::Fee)) {
            let sentence = fee.sentence(tokens);
            let free = fee.start > 0 && tokens[fee.start - 1].text == "sans";
            if free || negations.sentence_says_never(sentence) || in_own_space(sentence) {
                continue;
            }
            let pay = pays.iter().find(|p| p.sentence(tokens) == sentence);
            let amount = amount_in(tokens, sentence);
            if pay.is_some() || amount.is_some() {
                money.push(fee.span(tokens));
                money.extend(pay.map(|p| p.span(tokens)));
                money.extend(amount);
            }
        }
        // Deadlines: with a request or a call to act in the sentence.
        for deadline in find(tokens, &lexicon.phrases(Some(kind), Role::Deadline)) {
            let sentence = deadline.sentence(tokens);
            if negations.sentence_says_never(sentence) {
                continue;
            }
            let acting = requests.iter().chain(&pays).chain(&actions).find(|r| {
                r.sentence(tokens) == sentence && !negations.request_negated(tokens, **r)
            });
            if let Some(act) = acting {
                push(&mut flags, kind, &[act.span(tokens), deadline.span(tokens)]);
            }
        }
    }
    // A payment word with an amount asks for money, hence card details.
    for pay in &pays {
        let sentence = pay.sentence(tokens);
        if negations.sentence_says_never(sentence)
            || negations.request_negated(tokens, *pay)
            || in_own_space(sentence)
        {
            continue;
        }
        if let Some(amount) = amount_in(tokens, sentence) {
            money.extend([pay.span(tokens), amount]);
        }
    }
    let breach_mentions = find(
        tokens,
        &lexicon.phrases(Some(FlagKind::BreachBait), Role::Mention),
    )
    .into_iter()
    .map(|h| h.span(tokens))
    .collect();
    TextFindings {
        flags,
        money,
        breach_mentions,
    }
}

/// Pasted e-mail headers: the sender's display name and the header lines.
struct Headers {
    is_email: bool,
    /// Display names of From / De / Expéditeur lines.
    sender_names: Vec<Span>,
    /// Byte ranges of From / Reply-To lines, whose addresses are the senders.
    sender_lines: Vec<Span>,
}

fn headers(text: &str) -> Headers {
    let mut out = Headers {
        is_email: false,
        sender_names: Vec::new(),
        sender_lines: Vec::new(),
    };
    let mut offset = 0usize;
    for line in text.split_inclusive('\n').take(30) {
        let start = offset;
        offset += line.len();
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let mut key = String::new();
        for c in name.trim().chars() {
            fold_char(c, &mut key);
        }
        let sender = matches!(
            key.as_str(),
            "from" | "de" | "expediteur" | "reply-to" | "repondre a" | "sender" | "return-path"
        );
        let other = matches!(
            key.as_str(),
            "to" | "a" | "objet" | "subject" | "date" | "cc" | "envoye" | "sent"
        );
        if !(sender || other) {
            continue;
        }
        let value_start = start + name.len() + 1;
        if sender && value.contains('@') {
            out.is_email = true;
            out.sender_lines.push(Span {
                start: value_start,
                end: offset,
            });
            // The display name: what stands before the address or its angle bracket.
            let display_end = value.find('<').unwrap_or_else(|| {
                value
                    .split_whitespace()
                    .last()
                    .and_then(|last| value.rfind(last))
                    .unwrap_or(0)
            });
            let display = &value[..display_end];
            let lead = display.len() - display.trim_start().len();
            let trimmed = display.trim().trim_matches('"');
            if !trimmed.is_empty() {
                let s = value_start + lead + display.trim_start().find(trimmed).unwrap_or(0);
                out.sender_names.push(Span {
                    start: s,
                    end: s + trimmed.len(),
                });
            }
        } else if matches!(key.as_str(), "objet" | "subject") {
            out.is_email = true;
        }
    }
    out
}

/// A candidate for the claimed organisation.
struct Candidate {
    kind: ClaimKind,
    id: Option<String>,
    name: OrgName,
    spans: Vec<Span>,
    score: usize,
}

/// The kind of claim an organisation of the data makes; a platform (a social network) is
/// never who a message claims to be.
fn claim_kind(kind: OrgKind) -> Option<ClaimKind> {
    match kind {
        OrgKind::HealthInsurance => Some(ClaimKind::AssuranceMaladie),
        OrgKind::TaxOffice => Some(ClaimKind::TaxOffice),
        OrgKind::PublicService => Some(ClaimKind::PublicService),
        OrgKind::Help => Some(ClaimKind::HelpService),
        OrgKind::Bank => Some(ClaimKind::Bank),
        OrgKind::ParcelCarrier => Some(ClaimKind::ParcelCarrier),
        OrgKind::Insurer => Some(ClaimKind::Insurer),
        OrgKind::Platform => None,
    }
}

/// A name as a phrase of folded words.
fn name_phrase(name: &str) -> Option<Phrase> {
    let words: Vec<Word> = tokenize(name, &[])
        .into_iter()
        .map(|t| Word::Exact(std::borrow::Cow::Owned(t.text)))
        .collect();
    (!words.is_empty()).then_some(Phrase { words })
}

/// Finds who the message claims to be: the sender's display name weighs most, then the number
/// of mentions; a named organisation beats a kind ("votre banque").
fn claimed(
    tokens: &[Token],
    name_tokens: &[Token],
    sender_official: Option<&str>,
    data: &Data,
    context: &Context,
    phrase_cache: &[(usize, Vec<Phrase>)],
) -> Option<Claim> {
    let mut candidates: Vec<Candidate> = Vec::new();
    // `pack_name`: a name of the pack. A short one-word name (Alan, MGP) is also a first name
    // or an acronym of prose: in the body it counts only as the message's first word, the way
    // an SMS sender shows ("ALAN : …").
    let mut consider = |candidate: Candidate, phrases: &[Phrase], named: bool, pack_name: bool| {
        let refs: Vec<&Phrase> = phrases.iter().collect();
        let short = |p: &Phrase| {
            p.words.len() == 1 && matches!(&p.words[0], Word::Exact(w) if w.chars().count() <= 4)
        };
        let body: Vec<Hit> = find(tokens, &refs)
            .into_iter()
            .filter(|h| {
                let phrase_is_short = refs.iter().any(|p| {
                    short(p)
                        && match_words(tokens, h.start, &p.words, tokens[h.start].sentence)
                            == Some(h.end)
                });
                !(pack_name && phrase_is_short) || h.start == 0
            })
            .collect();
        let sender = find(name_tokens, &refs);
        let official_sender = sender_official.is_some_and(|id| Some(id) == candidate.id.as_deref());
        let weight = if named { 2 } else { 1 };
        let score = body.len() * weight + sender.len() * 10 + usize::from(official_sender) * 10;
        if score == 0 {
            return;
        }
        let mut spans: Vec<Span> = body.iter().map(|h| h.span(tokens)).collect();
        spans.extend(sender.iter().map(|h| h.span(name_tokens)));
        candidates.push(Candidate {
            spans,
            score,
            ..candidate
        });
    };
    for entry in &data.claims {
        let Some((org, kind)) = data
            .organisation(entry.target)
            .and_then(|o| Some((o, claim_kind(o.kind)?)))
        else {
            continue;
        };
        let generic = org.brands.is_empty();
        let visitor = if org.kind == OrgKind::Insurer {
            context
                .visitor_insurer
                .as_deref()
                .and_then(|id| context.organisations.iter().find(|o| o.id == id))
        } else {
            None
        };
        let candidate = match visitor {
            Some(insurer) => Candidate {
                kind: ClaimKind::VisitorInsurer,
                id: Some(insurer.id.clone()),
                name: OrgName {
                    fr: insurer.name.clone(),
                    en: insurer.name.clone(),
                },
                spans: Vec::new(),
                score: 0,
            },
            None => Candidate {
                kind,
                id: (!generic).then(|| org.id.to_string()),
                name: OrgName {
                    fr: org.name_fr.to_string(),
                    en: org.name_en.to_string(),
                },
                spans: Vec::new(),
                score: 0,
            },
        };
        consider(candidate, &entry.phrases, !generic, false);
    }
    for (index, phrases) in phrase_cache {
        let org = &context.organisations[*index];
        let kind = match org.kind {
            OrganisationKind::Operator => ClaimKind::Operator,
            OrganisationKind::Insurer
                if context.visitor_insurer.as_deref() == Some(org.id.as_str()) =>
            {
                ClaimKind::VisitorInsurer
            }
            OrganisationKind::Insurer => ClaimKind::Insurer,
        };
        consider(
            Candidate {
                kind,
                id: Some(org.id.clone()),
                name: OrgName {
                    fr: org.name.clone(),
                    en: org.name.clone(),
                },
                spans: Vec::new(),
                score: 0,
            },
            phrases,
            true,
            true,
        );
    }
    // The best score; on a tie, the earliest mention.
    candidates.sort_by_key(|c| {
        (
            std::cmp::Reverse(c.score),
            c.spans.iter().map(|s| s.start).min(),
        )
    });
    let best = candidates.into_iter().next()?;
    let mut spans = best.spans;
    spans.sort();
    spans.dedup();
    Some(Claim {
        kind: best.kind,
        id: best.id,
        name: best.name,
        spans,
    })
}

/// Cuts `text` to at most `MAX_RATED_BYTES`, on a character boundary.
fn rated_prefix(text: &str) -> &str {
    if text.len() <= MAX_RATED_BYTES {
        return text;
    }
    let mut end = MAX_RATED_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Spaces, controls and the characters that hide in text: a text of only these has nothing
/// to rate.
fn is_invisible(c: char) -> bool {
    c.is_whitespace() || c.is_control() || links::is_hidden(c)
}

/// The never-asks rule for a flag and the claimed organisation (or the general one).
fn never_asks(
    data: &'static Data,
    kind: FlagKind,
    claim: Option<&Claim>,
) -> Option<&'static super::NeverAsks> {
    let topics: &[Topic] = match kind {
        FlagKind::AsksBankDetails => &[Topic::BankDetails, Topic::Payment],
        FlagKind::AsksCodes => &[Topic::Codes],
        FlagKind::AsksNir => &[Topic::Nir],
        _ => return None,
    };
    let claimed_id = claim.and_then(|c| {
        c.id.as_deref().or(match c.kind {
            ClaimKind::Bank => Some("bank"),
            _ => None,
        })
    });
    let for_org = |org: &str| {
        topics.iter().find_map(|topic| {
            data.never_asks
                .iter()
                .find(|r| r.organisation == org && r.topic == *topic)
        })
    };
    claimed_id.and_then(for_org).or_else(|| for_org("any"))
}

/// The whole check (see [`super::check`]).
pub(crate) fn check(full_text: &str, context: &Context) -> Option<Report> {
    if full_text.chars().all(is_invisible) {
        return None;
    }
    let data = Data::get();
    let text = rated_prefix(full_text);
    let truncated = (text.len() < full_text.len()).then_some(Truncated {
        rated_bytes: text.len(),
        total_bytes: full_text.len(),
    });
    let officials = Officials::new(data, context);
    let headers = headers(text);

    // Links first: their bytes are masked from the words.
    let found: Vec<FoundLink> = links::find_links(text, data, &headers.sender_lines);
    let mut masks: Vec<Span> = found.iter().map(|l| l.span).collect();
    masks.sort();
    let tokens = tokenize(text, &masks);
    let name_tokens: Vec<Token> = headers
        .sender_names
        .iter()
        .filter_map(|s| {
            let name = s.slice(text)?;
            Some(tokenize(name, &[]).into_iter().map(move |mut t| {
                t.start += s.start;
                t.end += s.start;
                t
            }))
        })
        .flatten()
        .collect();

    let links: Vec<super::Link> = found.iter().map(|l| officials.describe(l)).collect();
    let sender_official = links
        .iter()
        .find(|l| l.kind == LinkKind::Sender)
        .and_then(|l| l.official_for.clone());
    let phrase_cache: Vec<(usize, Vec<Phrase>)> = context
        .organisations
        .iter()
        .enumerate()
        .map(|(i, org)| {
            let phrases = std::iter::once(org.name.as_str())
                .chain(org.aliases.iter().map(String::as_str))
                .filter_map(name_phrase)
                .collect();
            (i, phrases)
        })
        .collect();
    let claim = claimed(
        &tokens,
        &name_tokens,
        sender_official.as_deref(),
        data,
        context,
        &phrase_cache,
    );

    let mut flags: Vec<(FlagKind, Vec<Span>, Vec<String>)> = Vec::new();
    let mut imitation = None;
    fn add(
        flags: &mut Vec<(FlagKind, Vec<Span>, Vec<String>)>,
        kind: FlagKind,
        spans: Vec<Span>,
        subject: Option<String>,
    ) {
        match flags.iter_mut().find(|(k, _, _)| *k == kind) {
            Some((_, s, subjects)) => {
                s.extend(spans);
                subjects.extend(subject);
            }
            None => flags.push((kind, spans, subject.into_iter().collect())),
        }
    }

    // Links against the claimed organisation's domains, look-alikes, shorteners, files.
    let claimed_domains = claim
        .as_ref()
        .map(|c| officials.has_domains(c))
        .unwrap_or(false);
    let mut unverifiable = false;
    for (raw, link) in found.iter().zip(&links) {
        if let Some((how, whose)) = officials.lookalike(raw, link) {
            add(
                &mut flags,
                FlagKind::LookalikeDomain,
                vec![link.span],
                Some(link.host.clone()),
            );
            imitation.get_or_insert((how, whose));
        }
        if data.shorteners.iter().any(|s| link.registrable == *s) {
            add(
                &mut flags,
                FlagKind::ShortenedLink,
                vec![link.span],
                Some(link.host.clone()),
            );
        }
        if link.official_for.is_none() {
            match &claim {
                Some(_) if claimed_domains => add(
                    &mut flags,
                    FlagKind::UnofficialLink,
                    vec![link.span],
                    Some(link.registrable.clone()),
                ),
                Some(_) => unverifiable = true,
                None => {}
            }
        }
        if let Some(file) = raw.file_extension(data) {
            add(
                &mut flags,
                FlagKind::Attachment,
                vec![link.span],
                Some(file),
            );
        }
    }
    for (span, name) in links::find_files(text, data, &masks) {
        add(&mut flags, FlagKind::Attachment, vec![span], Some(name));
    }

    // Words.
    let stray_spans: Vec<Span> = links
        .iter()
        .filter(|l| l.official_for.is_none() && l.kind == LinkKind::Web)
        .map(|l| l.span)
        .collect();
    let findings = text_findings(&tokens, data, &masks, &stray_spans);
    for (kind, spans) in findings.flags {
        add(&mut flags, kind, spans, None);
    }

    // Numbers.
    let numbers = phones::find_numbers(text, data, &masks);

    // Money asked for, with a way to pay it that is not a known official one.
    let strays = links
        .iter()
        .any(|l| l.official_for.is_none() && l.kind != LinkKind::Sender);
    if !findings.money.is_empty() && (strays || !numbers.is_empty()) {
        add(
            &mut flags,
            FlagKind::AsksBankDetails,
            findings.money.clone(),
            None,
        );
    }
    for number in &numbers {
        if number.class == NumberClass::Surcharged && number.known_as.is_none() {
            add(
                &mut flags,
                FlagKind::PremiumNumber,
                vec![number.span],
                Some(number.digits.clone()),
            );
        }
    }

    // The breaches as a pretext: a mention, with another red flag or a link to a site that is
    // not a known official one.
    if !findings.breach_mentions.is_empty() && (!flags.is_empty() || strays) {
        add(
            &mut flags,
            FlagKind::BreachBait,
            findings.breach_mentions.clone(),
            None,
        );
    }

    let mut notes = Vec::new();
    if phones::quotes_nir(&tokens) {
        notes.push(Note::QuotesLeakedData);
    }
    if unverifiable {
        notes.push(Note::LinksNotVerifiable);
    }
    if headers.is_email {
        notes.push(Note::SenderCanBeForged);
    }

    let mut out_flags: Vec<Flag> = Vec::new();
    for &kind in FlagKind::ALL {
        let Some((_, mut spans, mut subjects)) = flags.iter().find(|(k, _, _)| *k == kind).cloned()
        else {
            continue;
        };
        spans.sort();
        spans.dedup();
        let mut merged: Vec<Span> = Vec::new();
        for span in spans {
            match merged.last_mut() {
                Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                _ => merged.push(span),
            }
        }
        subjects.dedup();
        out_flags.push(Flag {
            kind,
            spans: merged,
            subjects,
            imitation: if kind == FlagKind::LookalikeDomain {
                imitation.clone()
            } else {
                None
            },
            never_asks: never_asks(data, kind, claim.as_ref()),
        });
    }

    let channel = if headers.is_email {
        Channel::Email
    } else {
        Channel::Unknown
    };
    let verdict = if out_flags.is_empty() {
        Verdict::NoRedFlag
    } else {
        Verdict::Suspicious
    };
    let steps = next_steps(
        data,
        verdict,
        &out_flags,
        claim.as_ref(),
        channel,
        !numbers.is_empty(),
    );
    Some(Report {
        verdict,
        claimed: claim,
        flags: out_flags,
        steps,
        links,
        numbers,
        notes,
        channel,
        truncated,
    })
}

/// What to do next, from the flags, the claim and the channel.
fn next_steps(
    data: &Data,
    verdict: Verdict,
    flags: &[Flag],
    claim: Option<&Claim>,
    channel: Channel,
    has_numbers: bool,
) -> Vec<StepLink> {
    let has = |kind: FlagKind| flags.iter().any(|f| f.kind == kind);
    let about_health = claim.is_some_and(|c| {
        matches!(
            c.kind,
            ClaimKind::Insurer | ClaimKind::VisitorInsurer | ClaimKind::Operator
        )
    });
    let about_ameli = claim.is_some_and(|c| c.kind == ClaimKind::AssuranceMaladie);
    let mut steps: Vec<Step> = Vec::new();
    match verdict {
        Verdict::Suspicious => {
            if has(FlagKind::AsksBankDetails) {
                steps.push(Step::CardOpposition);
            }
            if has(FlagKind::AsksCodes) {
                steps.push(Step::ChangePasswords);
            }
            if channel != Channel::Email {
                steps.push(Step::ReportSms33700);
            }
            steps.push(Step::ReportEmailSignalSpam);
            if has_numbers || has(FlagKind::PremiumNumber) {
                steps.push(Step::NeverCallBack);
            }
            if about_ameli {
                steps.push(Step::CallAmeli3646);
            }
            if about_health
                || has(FlagKind::AsksNir)
                || has(FlagKind::BreachBait)
                || has(FlagKind::Urgency)
            {
                steps.push(Step::CallInsurerOnCard);
            }
            if has(FlagKind::UnofficialLink)
                || has(FlagKind::LookalikeDomain)
                || has(FlagKind::ShortenedLink)
            {
                steps.push(Step::TypeAddressYourself);
            }
            steps.push(Step::Help17Cyber);
            steps.push(Step::HelpCybermalveillance);
        }
        Verdict::NoRedFlag => {
            steps.push(Step::TypeAddressYourself);
            if about_ameli {
                steps.push(Step::CallAmeli3646);
            } else {
                steps.push(Step::CallInsurerOnCard);
            }
            steps.push(Step::HelpCybermalveillance);
        }
    }
    steps
        .into_iter()
        .map(|step| StepLink {
            step,
            href: data
                .steps
                .iter()
                .find(|(s, _)| *s == step)
                .and_then(|(_, url)| *url),
        })
        .collect()
}
