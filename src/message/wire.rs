//! The message check across a module boundary: the request the widget sends to the engine's
//! own wasm module, and the answer it gets back, as compact bytes.
//!
//! The engine (the Public Suffix List, the IDNA and confusables tables, the lexicon) is most of
//! a hundred kilobytes that most host pages never use, so it ships as a second wasm module,
//! `breach-check-message.wasm`, fetched only when a visitor first uses the message section.
//! That module has no wasm-bindgen glue and no imports: it exports `memory`, `alloc` and
//! `check` (engines/message), and speaks this format. The widget's side encodes a
//! [`encode_request`] and decodes an [`Answer`]; the engine's side runs [`answer`].
//!
//! The answer carries the report already put into words in the request's language
//! ([`View`]), so that the widget's own module holds none of the engine's texts, only the few
//! labels shown before the engine arrives.
//!
//! # Format
//!
//! Both messages start with [`VERSION`]. Integers are `u32` little-endian; a string is its
//! byte length then its UTF-8 bytes; an optional value is a `0`/`1` byte then the value; a list
//! is its length then its items; an enum is one byte, its index in the enum's `ALL`. Decoding
//! checks every length against the bytes left and every index against its enum, so that
//! damaged bytes give a [`WireError`], never a panic or a huge allocation.

use crate::i18n::{Lang, Localized};

use super::{
    Check, Context, FlagKind, MAX_RATED_BYTES, Notice, Organisation, OrganisationKind, Report,
    Span, Step, Truncated, Verdict, check,
};

/// The format's version, the first byte of every request and answer: the widget and the
/// engine module of one bundle always agree, and a mismatch is an error, not a misreading.
pub const VERSION: u8 = 1;

/// Why bytes could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireError {
    /// The first byte is not [`VERSION`].
    Version,
    /// The bytes end before the message does.
    Truncated,
    /// A string is not UTF-8.
    Utf8,
    /// An enum index or a tag is out of range.
    BadValue,
    /// Bytes are left over after the message.
    TrailingBytes,
}

/// One step to take, in words, with its official page when it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepView {
    /// Which step.
    pub step: Step,
    /// The step, said in the request's language.
    pub text: String,
    /// Its official page (`https://…`); `None` for a step done without a link.
    pub href: Option<String>,
}

impl StepView {
    /// The text of the step's link: the host of its official page (`www.33700.fr`), so that a
    /// link is named by where it goes rather than a row of "official site" links.
    pub fn link_text(&self) -> Option<&str> {
        let href = self.href.as_deref()?;
        let rest = href.split_once("://").map_or(href, |(_, rest)| rest);
        rest.split(['/', '?', '#'])
            .next()
            .filter(|host| !host.is_empty())
    }
}

/// One red flag, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlagView {
    /// Which flag (`data-flag`).
    pub kind: FlagKind,
    /// Its title.
    pub title: String,
    /// The one sentence on why it matters.
    pub why: String,
    /// For a look-alike: how it imitates, and whom.
    pub detail: Option<String>,
    /// What the organisation (or any genuine one) says it never asks, when a source says so.
    pub never_asks: Option<String>,
    /// The parts of the rated text that raised it, as byte ranges.
    pub spans: Vec<Span>,
    /// What to do about this flag in particular.
    pub steps: Vec<StepView>,
}

/// The organisation the message claims to be, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimView {
    /// The lead-in ("The message presents itself as coming from:").
    pub lead: String,
    /// The organisation's name.
    pub name: String,
}

/// What was checked, said beside a `no-red-flag` verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedView {
    /// That this is no proof the message is genuine.
    pub not_a_proof: String,
    /// The list's heading.
    pub heading: String,
    /// One line per check.
    pub items: Vec<String>,
    /// What a real organisation never asks.
    pub never_ask: String,
}

/// A run of the rated text, with the flags that cover it (a bit per [`FlagKind::ALL`] index;
/// `0` for plain text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SegmentView {
    /// Where the run stands in the rated text.
    pub span: Span,
    /// The flags covering it, one bit each.
    pub flags: u16,
}

impl SegmentView {
    /// Whether `kind` covers this run.
    pub fn has(self, kind: FlagKind) -> bool {
        self.flags & flag_bit(kind) != 0
    }
}

/// The bit of `kind` in [`SegmentView::flags`].
fn flag_bit(kind: FlagKind) -> u16 {
    let index = FlagKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    1 << index
}

/// A report put into words: everything the message section shows, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    /// The verdict (`data-verdict`).
    pub verdict: Verdict,
    /// The verdict in words.
    pub headline: String,
    /// Under a `suspicious` verdict: what not to do. `None` under `no-red-flag`.
    pub advice: Option<String>,
    /// The claimed organisation, when it can be named.
    pub claimed: Option<ClaimView>,
    /// The red flags, in [`FlagKind::ALL`] order.
    pub flags: Vec<FlagView>,
    /// The steps that no flag already shows (reporting the message, help), most urgent first.
    pub steps: Vec<StepView>,
    /// Under a `no-red-flag` verdict: what was checked. `None` under `suspicious`.
    pub checked: Option<CheckedView>,
    /// The report's notes, in words.
    pub notes: Vec<String>,
    /// Set when only the start of a long text was rated: says so.
    pub truncated: Option<String>,
    /// The rated text in runs, for highlighting.
    pub segments: Vec<SegmentView>,
}

/// What the engine answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The text holds nothing to rate: show no verdict.
    Empty,
    /// The report, in words.
    Report(Box<View>),
}

/// Cuts `text` to what the engine rates: at most [`MAX_RATED_BYTES`], on a character
/// boundary. A long paste is not copied whole into the engine's memory on every keystroke.
pub fn rated_prefix(text: &str) -> &str {
    let mut end = text.len().min(MAX_RATED_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The request for `text` in `lang`, with what the widget knows (`context`). Only the
/// [`rated_prefix`] of the text is sent, with the whole text's length.
pub fn encode_request(lang: Lang, context: &Context, text: &str) -> Vec<u8> {
    let sent = rated_prefix(text);
    let mut out = Writer(Vec::with_capacity(sent.len() + 256));
    out.u8(VERSION);
    out.u8(lang_index(lang));
    out.list(&context.organisations, |out, org| {
        out.str(&org.id);
        out.str(&org.name);
        out.list(&org.aliases, |out, alias| out.str(alias));
        out.u8(index_of(OrganisationKind::ALL, org.kind));
        out.list(&org.domains, |out, domain| out.str(domain));
    });
    out.opt(context.visitor_insurer.as_deref(), |out, id| out.str(id));
    out.u32(text.len());
    out.str(sent);
    out.0
}

/// A decoded request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request<'a> {
    /// The language to answer in.
    pub lang: Lang,
    /// What the widget knows.
    pub context: Context,
    /// The text to rate (already cut to the rated prefix).
    pub text: &'a str,
    /// The byte length of the whole text the visitor pasted.
    pub total_bytes: usize,
}

/// Reads a request.
pub fn decode_request(bytes: &[u8]) -> Result<Request<'_>, WireError> {
    let mut input = Reader::new(bytes)?;
    let lang = *Lang::ALL
        .get(usize::from(input.u8()?))
        .ok_or(WireError::BadValue)?;
    let organisations = input.list(|input| {
        Ok(Organisation {
            id: input.string()?,
            name: input.string()?,
            aliases: input.list(Reader::string)?,
            kind: *OrganisationKind::ALL
                .get(usize::from(input.u8()?))
                .ok_or(WireError::BadValue)?,
            domains: input.list(Reader::string)?,
        })
    })?;
    let visitor_insurer = input.opt(Reader::string)?;
    let total_bytes = input.u32()?;
    let text = input.str()?;
    input.end()?;
    Ok(Request {
        lang,
        context: Context {
            organisations,
            visitor_insurer,
        },
        text,
        total_bytes: total_bytes.max(text.len()),
    })
}

/// The engine's whole work: reads a request, rates its text and answers in bytes. Damaged
/// request bytes give an answer the widget reads as an error (a lone zero byte, no
/// [`VERSION`]).
pub fn answer(request: &[u8]) -> Vec<u8> {
    let Ok(request) = decode_request(request) else {
        return vec![0];
    };
    let answer = match check(request.text, &request.context) {
        None => Answer::Empty,
        Some(mut report) => {
            if request.total_bytes > request.text.len() && report.truncated.is_none() {
                report.truncated = Some(Truncated {
                    rated_bytes: request.text.len(),
                    total_bytes: request.total_bytes,
                });
            }
            Answer::Report(Box::new(view(&report, request.text, request.lang)))
        }
    };
    encode_answer(&answer)
}

/// Puts `report` (of the rated `text`) into words in `lang`.
pub fn view(report: &Report, text: &str, lang: Lang) -> View {
    let step_view = |link: &super::StepLink| StepView {
        step: link.step,
        text: link.step.text(lang).to_owned(),
        href: link.href.map(str::to_owned),
    };
    let flags: Vec<FlagView> = report
        .flags
        .iter()
        .map(|flag| FlagView {
            kind: flag.kind,
            title: flag.kind.text(lang).to_owned(),
            why: flag.why().text(lang).to_owned(),
            detail: flag
                .imitation
                .as_ref()
                .map(|(how, whom)| format!("{} ({})", how.text(lang), whom.text(lang))),
            never_asks: flag
                .never_asks
                .map(|rule| lang.pick(rule.fr, rule.en).to_owned()),
            spans: flag.spans.clone(),
            steps: report
                .steps
                .iter()
                .filter(|link| flag.kind.steps().contains(&link.step))
                .map(step_view)
                .collect(),
        })
        .collect();
    let on_a_flag = |step: Step| flags.iter().any(|f| f.steps.iter().any(|s| s.step == step));
    let mut offset = 0;
    let segments = report
        .segments(text)
        .iter()
        .map(|segment| {
            let start = offset;
            offset += segment.text.len();
            SegmentView {
                span: Span { start, end: offset },
                flags: segment.flags.iter().fold(0, |bits, k| bits | flag_bit(*k)),
            }
        })
        .collect();
    View {
        verdict: report.verdict,
        headline: report.verdict.text(lang).to_owned(),
        advice: (report.verdict == Verdict::Suspicious)
            .then(|| Notice::DoNotAnswer.text(lang).to_owned()),
        claimed: report.claimed.as_ref().map(|claim| ClaimView {
            lead: Notice::ClaimsToBe.text(lang).to_owned(),
            name: claim.name.text(lang).to_owned(),
        }),
        steps: report
            .steps
            .iter()
            .filter(|link| !on_a_flag(link.step))
            .map(step_view)
            .collect(),
        flags,
        checked: (report.verdict == Verdict::NoRedFlag).then(|| CheckedView {
            not_a_proof: Notice::NotASafetyCertificate.text(lang).to_owned(),
            heading: Notice::WhatWasChecked.text(lang).to_owned(),
            items: report
                .checked()
                .iter()
                .map(|c: &Check| c.text(lang).to_owned())
                .collect(),
            never_ask: Notice::RealOrganisationsNeverAsk.text(lang).to_owned(),
        }),
        notes: report
            .notes
            .iter()
            .map(|n| n.text(lang).to_owned())
            .collect(),
        truncated: report
            .truncated
            .map(|_| Notice::Truncated.text(lang).to_owned()),
        segments,
    }
}

/// The bytes of an answer.
pub fn encode_answer(answer: &Answer) -> Vec<u8> {
    let mut out = Writer(Vec::with_capacity(1024));
    out.u8(VERSION);
    let view = match answer {
        Answer::Empty => {
            out.u8(0);
            return out.0;
        }
        Answer::Report(view) => view,
    };
    out.u8(1);
    out.u8(index_of(Verdict::ALL, view.verdict));
    out.str(&view.headline);
    out.opt(view.advice.as_deref(), Writer::str);
    out.opt(view.claimed.as_ref(), |out, claim| {
        out.str(&claim.lead);
        out.str(&claim.name);
    });
    out.list(&view.flags, |out, flag| {
        out.u8(index_of(FlagKind::ALL, flag.kind));
        out.str(&flag.title);
        out.str(&flag.why);
        out.opt(flag.detail.as_deref(), Writer::str);
        out.opt(flag.never_asks.as_deref(), Writer::str);
        out.list(&flag.spans, |out, span| out.span(*span));
        out.list(&flag.steps, Writer::step);
    });
    out.list(&view.steps, Writer::step);
    out.opt(view.checked.as_ref(), |out, checked| {
        out.str(&checked.not_a_proof);
        out.str(&checked.heading);
        out.list(&checked.items, |out, item| out.str(item));
        out.str(&checked.never_ask);
    });
    out.list(&view.notes, |out, note| out.str(note));
    out.opt(view.truncated.as_deref(), Writer::str);
    out.list(&view.segments, |out, segment| {
        out.span(segment.span);
        out.u32(usize::from(segment.flags));
    });
    out.0
}

/// Reads an answer.
pub fn decode_answer(bytes: &[u8]) -> Result<Answer, WireError> {
    let mut input = Reader::new(bytes)?;
    let answer = match input.u8()? {
        0 => Answer::Empty,
        1 => Answer::Report(Box::new(View {
            verdict: input.index(Verdict::ALL)?,
            headline: input.string()?,
            advice: input.opt(Reader::string)?,
            claimed: input.opt(|input| {
                Ok(ClaimView {
                    lead: input.string()?,
                    name: input.string()?,
                })
            })?,
            flags: input.list(|input| {
                Ok(FlagView {
                    kind: input.index(FlagKind::ALL)?,
                    title: input.string()?,
                    why: input.string()?,
                    detail: input.opt(Reader::string)?,
                    never_asks: input.opt(Reader::string)?,
                    spans: input.list(Reader::span)?,
                    steps: input.list(Reader::step)?,
                })
            })?,
            steps: input.list(Reader::step)?,
            checked: input.opt(|input| {
                Ok(CheckedView {
                    not_a_proof: input.string()?,
                    heading: input.string()?,
                    items: input.list(Reader::string)?,
                    never_ask: input.string()?,
                })
            })?,
            notes: input.list(Reader::string)?,
            truncated: input.opt(Reader::string)?,
            segments: input.list(|input| {
                Ok(SegmentView {
                    span: input.span()?,
                    flags: u16::try_from(input.u32()?).map_err(|_| WireError::BadValue)?,
                })
            })?,
        })),
        _ => return Err(WireError::BadValue),
    };
    input.end()?;
    Ok(answer)
}

fn lang_index(lang: Lang) -> u8 {
    index_of(&Lang::ALL, lang)
}

fn index_of<T: PartialEq + Copy>(all: &[T], value: T) -> u8 {
    all.iter()
        .position(|v| *v == value)
        .and_then(|i| u8::try_from(i).ok())
        .unwrap_or(0)
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, value: u8) {
        self.0.push(value);
    }

    /// Lengths and offsets: the engine rates at most [`MAX_RATED_BYTES`], far below `u32`.
    fn u32(&mut self, value: usize) {
        let value = u32::try_from(value).unwrap_or(u32::MAX);
        self.0.extend_from_slice(&value.to_le_bytes());
    }

    fn str(&mut self, text: &str) {
        self.u32(text.len());
        self.0.extend_from_slice(text.as_bytes());
    }

    fn opt<T>(&mut self, value: Option<T>, write: impl FnOnce(&mut Writer, T)) {
        match value {
            None => self.u8(0),
            Some(value) => {
                self.u8(1);
                write(self, value);
            }
        }
    }

    fn list<T>(&mut self, items: &[T], mut write: impl FnMut(&mut Writer, &T)) {
        self.u32(items.len());
        for item in items {
            write(self, item);
        }
    }

    fn span(&mut self, span: Span) {
        self.u32(span.start);
        self.u32(span.end);
    }

    fn step(&mut self, step: &StepView) {
        self.u8(index_of(Step::ALL, step.step));
        self.str(&step.text);
        self.opt(step.href.as_deref(), Writer::str);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Result<Reader<'a>, WireError> {
        let mut reader = Reader { bytes };
        if reader.u8()? != VERSION {
            return Err(WireError::Version);
        }
        Ok(reader)
    }

    fn take(&mut self, count: usize) -> Result<&'a [u8], WireError> {
        if count > self.bytes.len() {
            return Err(WireError::Truncated);
        }
        let (head, rest) = self.bytes.split_at(count);
        self.bytes = rest;
        Ok(head)
    }

    fn u8(&mut self) -> Result<u8, WireError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<usize, WireError> {
        let bytes: [u8; 4] = self.take(4)?.try_into().map_err(|_| WireError::Truncated)?;
        usize::try_from(u32::from_le_bytes(bytes)).map_err(|_| WireError::BadValue)
    }

    fn str(&mut self) -> Result<&'a str, WireError> {
        let len = self.u32()?;
        std::str::from_utf8(self.take(len)?).map_err(|_| WireError::Utf8)
    }

    fn string(&mut self) -> Result<String, WireError> {
        self.str().map(str::to_owned)
    }

    fn index<T: Copy>(&mut self, all: &[T]) -> Result<T, WireError> {
        all.get(usize::from(self.u8()?))
            .copied()
            .ok_or(WireError::BadValue)
    }

    fn opt<T>(
        &mut self,
        read: impl FnOnce(&mut Reader<'a>) -> Result<T, WireError>,
    ) -> Result<Option<T>, WireError> {
        match self.u8()? {
            0 => Ok(None),
            1 => read(self).map(Some),
            _ => Err(WireError::BadValue),
        }
    }

    fn list<T>(
        &mut self,
        mut read: impl FnMut(&mut Reader<'a>) -> Result<T, WireError>,
    ) -> Result<Vec<T>, WireError> {
        let count = self.u32()?;
        // Every item takes at least one byte: a count beyond the bytes left is damage, and
        // must not reserve memory for it.
        if count > self.bytes.len() {
            return Err(WireError::Truncated);
        }
        let mut items = Vec::with_capacity(count);
        for _ in 0..count {
            items.push(read(self)?);
        }
        Ok(items)
    }

    fn span(&mut self) -> Result<Span, WireError> {
        let start = self.u32()?;
        let end = self.u32()?;
        if start > end {
            return Err(WireError::BadValue);
        }
        Ok(Span { start, end })
    }

    fn step(&mut self) -> Result<StepView, WireError> {
        Ok(StepView {
            step: self.index(Step::ALL)?,
            text: self.string()?,
            href: self.opt(Reader::string)?,
        })
    }

    fn end(&self) -> Result<(), WireError> {
        if self.bytes.is_empty() {
            Ok(())
        } else {
            Err(WireError::TrailingBytes)
        }
    }
}
