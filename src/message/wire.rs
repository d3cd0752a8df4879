//! The message check across a module boundary: the request the widget sends to the engine's
//! own wasm module, and the answer it gets back, as compact bytes.
//!
//! The engine (the Public Suffix List, the IDNA and confusables tables, the lexicon) weighs
//! more than the rest of the widget's first paint, and most host pages never use it, so it
//! ships as a second wasm module, `breach-check-message.wasm`, fetched only when a visitor
//! first uses the message section. That module has no wasm-bindgen glue and no imports: it
//! exports `memory`, `alloc` and `check` (engines/message), and speaks this format.
//!
//! - The widget's side: [`encode_context`] once per pack, [`encode_request`] per text,
//!   [`decode_answer`] for what comes back. That is all the widget's own module holds of the
//!   message check, with its generic renderer of a [`Node`] and the few labels it shows before
//!   the engine arrives.
//! - The engine's side: [`answer`] reads a request, rates its text and answers with the report
//!   already laid out and put into words in the request's language ([`document`]): the
//!   verdict, the highlighted text, the flags with their reasons and steps, the organisation
//!   the message claims to be, and the official links.
//!
//! # Format
//!
//! Both messages start with [`VERSION`]. Integers are `u32` little-endian; a string is its
//! byte length then its UTF-8 bytes; an optional value is a `0`/`1` byte then the value; a list
//! is its length then its items; an enum is one byte, its index in the enum's `ALL`. A node is
//! `0` then a string (a text), or `1 +` its [`Tag`] index, its attributes (a list of an
//! [`Attribute`] index and a string) and its children (a list of nodes). Decoding checks every
//! length against the bytes left, every index against its enum, the depth of the tree and
//! every link (see [`super::document`]), so that damaged bytes give a [`WireError`], never a
//! panic, a huge allocation or a link the engine should not have written.

use crate::i18n::{Lang, Localized};

pub use super::document::{Attribute, Element, MAX_DEPTH, Node, Tag, is_official_href};
use super::{
    Check, Context, FlagKind, MAX_RATED_BYTES, Notice, Organisation, OrganisationKind, Report,
    Span, Step, Truncated, Verdict, check,
};

/// The format's version, the first byte of every request and answer: the widget and the
/// engine module of one bundle always agree, and a mismatch is an error, not a misreading.
pub const VERSION: u8 = 2;

/// Why bytes could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireError {
    /// The first byte is not [`VERSION`].
    Version,
    /// The bytes end before the message does.
    Truncated,
    /// A string is not UTF-8.
    Utf8,
    /// An enum index or a tag is out of range, an attribute repeated, a link not an official
    /// page's or not on an `a`, or the tree too deep.
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
    /// The report, laid out and in words.
    Report {
        /// The one short line for the section's live region: the verdict's headline.
        status: String,
        /// The report itself, its root the `message-verdict` hook.
        document: Node,
    },
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

/// The start of every request for one data pack: its insurers and operators with their
/// official domains, and the visitor's insurer when the host page names it. The widget makes
/// it once per pack and reuses it for every text ([`encode_request`]).
pub fn encode_context<'a>(
    organisations: impl IntoIterator<Item = crate::pack::Organisation<'a>>,
    visitor_insurer: Option<&str>,
) -> Vec<u8> {
    let organisations: Vec<_> = organisations.into_iter().collect();
    let mut out = Writer(Vec::with_capacity(64 * organisations.len() + 16));
    out.u8(VERSION);
    out.list(&organisations, |out, org| {
        let kind = match org.kind {
            crate::pack::OrganisationKind::Insurer => OrganisationKind::Insurer,
            crate::pack::OrganisationKind::Operator(_) => OrganisationKind::Operator,
        };
        out.organisation(org.id, org.name, org.aliases, kind, org.domains);
    });
    out.opt(visitor_insurer, Writer::str);
    out.0
}

/// [`encode_context`] for a [`Context`] built by hand (the tests', say).
pub fn encode_context_of(context: &Context) -> Vec<u8> {
    let mut out = Writer(Vec::new());
    out.u8(VERSION);
    out.list(&context.organisations, |out, org| {
        out.organisation(&org.id, &org.name, &org.aliases, org.kind, &org.domains);
    });
    out.opt(context.visitor_insurer.as_deref(), Writer::str);
    out.0
}

/// The request for `text` in `lang`, after `context` (from [`encode_context`]). Only the
/// [`rated_prefix`] of the text is sent, with the whole text's length.
pub fn encode_request(context: &[u8], lang: Lang, text: &str) -> Vec<u8> {
    let sent = rated_prefix(text);
    let mut out = Writer(Vec::with_capacity(context.len() + sent.len() + 16));
    out.0.extend_from_slice(context);
    out.u8(index_of(&Lang::ALL, lang));
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
    let organisations = input.list(|input| {
        Ok(Organisation {
            id: input.string()?,
            name: input.string()?,
            aliases: input.list(Reader::string)?,
            kind: input.index(OrganisationKind::ALL)?,
            domains: input.list(Reader::string)?,
        })
    })?;
    let visitor_insurer = input.opt(Reader::string)?;
    let lang = input.index(&Lang::ALL)?;
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
    encode_answer(&answer_to(&request))
}

/// The answer to a decoded request.
pub fn answer_to(request: &Request<'_>) -> Answer {
    match check(request.text, &request.context) {
        None => Answer::Empty,
        Some(mut report) => {
            if request.total_bytes > request.text.len() && report.truncated.is_none() {
                report.truncated = Some(Truncated {
                    rated_bytes: request.text.len(),
                    total_bytes: request.total_bytes,
                });
            }
            let view = view(&report, request.text, request.lang);
            Answer::Report {
                status: view.headline.clone(),
                document: document(&view, request.text, request.lang),
            }
        }
    }
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

/// Lays `view` (of the rated `text`) out as the tree the widget renders: the
/// `message-verdict` hook with the verdict, the claimed organisation, the highlighted text,
/// one `message-flag` hook per flag (what raised it, why it matters, what to do), what was
/// checked under a `no-red-flag` verdict, and the next steps with their official links. The
/// pasted text appears in texts and highlights only, never in an attribute or a link.
pub fn document(view: &View, text: &str, lang: Lang) -> Node {
    let suspicious = view.verdict == Verdict::Suspicious;
    let frame = if suspicious {
        "bc-verdict bc-suspicious"
    } else {
        "bc-verdict bc-no-red-flag"
    };
    let mut root = Element::new(Tag::Div)
        .class(frame)
        .with(Attribute::TestId, "message-verdict")
        .with(Attribute::Verdict, view.verdict.id())
        .child(Element::new(Tag::H3).text(&view.headline));
    if let Some(advice) = &view.advice {
        root = root.child(Element::new(Tag::P).text(advice));
    }
    if let Some(claim) = &view.claimed {
        root = root.child(
            Element::new(Tag::P)
                .text(format!("{} ", claim.lead))
                .child(Element::new(Tag::Strong).text(&claim.name)),
        );
    }
    if let Some(truncated) = &view.truncated {
        root = root.child(hint(truncated));
    }
    if suspicious {
        let highlighted = view.segments.iter().filter_map(|segment| {
            let piece = segment.span.slice(text)?;
            Some(if segment.flags == 0 {
                Node::Text(piece.to_owned())
            } else {
                Element::new(Tag::Mark).text(piece).into()
            })
        });
        root = root
            .child(Element::new(Tag::H4).text(Notice::Highlighted.text(lang)))
            .child(
                Element::new(Tag::P)
                    .class("bc-message-text")
                    .children(highlighted),
            )
            .child(Element::new(Tag::H4).text(Notice::FlagsHeading.text(lang)))
            .child(
                Element::new(Tag::Ul)
                    .class("bc-flags")
                    .children(view.flags.iter().map(|flag| flag_node(flag, text, lang))),
            );
    }
    if let Some(checked) = &view.checked {
        root = root
            .child(Element::new(Tag::P).text(&checked.not_a_proof))
            .child(Element::new(Tag::H4).text(&checked.heading))
            .child(
                Element::new(Tag::Ul).class("bc-checked").children(
                    checked
                        .items
                        .iter()
                        .map(|item| Element::new(Tag::Li).text(item).into()),
                ),
            )
            .child(Element::new(Tag::P).text(&checked.never_ask));
    }
    root = root.children(view.notes.iter().map(|note| hint(note).into()));
    if !view.steps.is_empty() {
        root = root
            .child(Element::new(Tag::H4).text(Notice::NextSteps.text(lang)))
            .child(
                Element::new(Tag::Ul)
                    .class("bc-steps")
                    .children(view.steps.iter().map(step_node)),
            );
    }
    root.into()
}

/// A muted paragraph.
fn hint(text: &str) -> Element {
    Element::new(Tag::P).class("bc-hint").text(text)
}

/// One step: its words, then a link to its official page named by the page's host.
fn step_node(step: &StepView) -> Node {
    let mut item = Element::new(Tag::Li)
        .with(Attribute::Step, step.step.id())
        .text(&step.text);
    if let (Some(href), Some(name)) = (&step.href, step.link_text()) {
        item = item
            .text(" ")
            .child(Element::new(Tag::A).with(Attribute::Href, href).text(name));
    }
    item.into()
}

/// One red flag: its title, the parts of the text that raised it, why it matters, how a
/// look-alike imitates, what the organisation says it never asks, and what to do.
fn flag_node(flag: &FlagView, text: &str, lang: Lang) -> Node {
    let mut item = Element::new(Tag::Li)
        .class("bc-flag")
        .with(Attribute::TestId, "message-flag")
        .with(Attribute::Flag, flag.kind.id())
        .child(Element::new(Tag::H4).text(&flag.title));
    let excerpts: Vec<&str> = flag.spans.iter().filter_map(|s| s.slice(text)).collect();
    if !excerpts.is_empty() {
        let mut found = Element::new(Tag::P)
            .class("bc-flag-found")
            .text(format!("{} ", Notice::Found.text(lang)));
        for (i, excerpt) in excerpts.iter().enumerate() {
            if i > 0 {
                found = found.text(" · ");
            }
            found = found.child(Element::new(Tag::Mark).text(*excerpt));
        }
        item = item.child(found);
    }
    item = item.child(Element::new(Tag::P).text(&flag.why));
    if let Some(detail) = &flag.detail {
        item = item.child(hint(detail));
    }
    if let Some(rule) = &flag.never_asks {
        item = item.child(hint(rule));
    }
    if !flag.steps.is_empty() {
        item = item
            .child(
                Element::new(Tag::P)
                    .class("bc-flag-steps")
                    .text(Notice::FlagSteps.text(lang)),
            )
            .child(Element::new(Tag::Ul).children(flag.steps.iter().map(step_node)));
    }
    item.into()
}

/// The bytes of an answer.
pub fn encode_answer(answer: &Answer) -> Vec<u8> {
    let mut out = Writer(Vec::with_capacity(4096));
    out.u8(VERSION);
    match answer {
        Answer::Empty => out.u8(0),
        Answer::Report { status, document } => {
            out.u8(1);
            out.str(status);
            out.node(document);
        }
    }
    out.0
}

/// Reads an answer.
pub fn decode_answer(bytes: &[u8]) -> Result<Answer, WireError> {
    let mut input = Reader::new(bytes)?;
    let answer = match input.u8()? {
        0 => Answer::Empty,
        1 => Answer::Report {
            status: input.string()?,
            document: input.node(0)?,
        },
        _ => return Err(WireError::BadValue),
    };
    input.end()?;
    Ok(answer)
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

    fn organisation(
        &mut self,
        id: &str,
        name: &str,
        aliases: &[String],
        kind: OrganisationKind,
        domains: &[String],
    ) {
        self.str(id);
        self.str(name);
        self.list(aliases, |out, alias| out.str(alias));
        self.u8(index_of(OrganisationKind::ALL, kind));
        self.list(domains, |out, domain| out.str(domain));
    }

    fn node(&mut self, node: &Node) {
        match node {
            Node::Text(text) => {
                self.u8(0);
                self.str(text);
            }
            Node::Element(element) => {
                self.u8(1 + index_of(Tag::ALL, element.tag));
                self.list(&element.attributes, |out, (attribute, value)| {
                    out.u8(index_of(Attribute::ALL, *attribute));
                    out.str(value);
                });
                self.list(&element.children, Writer::node);
            }
        }
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

    /// A node `depth` levels below the root, with the rules of [`super::document`]: known
    /// tags and attributes, each attribute once, a link only on an `a` and to an official
    /// page, no deeper than [`MAX_DEPTH`].
    fn node(&mut self, depth: usize) -> Result<Node, WireError> {
        if depth > MAX_DEPTH {
            return Err(WireError::BadValue);
        }
        let kind = self.u8()?;
        let Some(tag) = kind.checked_sub(1) else {
            return Ok(Node::Text(self.string()?));
        };
        let tag = *Tag::ALL.get(usize::from(tag)).ok_or(WireError::BadValue)?;
        let attributes = self.list(|input| Ok((input.index(Attribute::ALL)?, input.string()?)))?;
        let repeated = attributes
            .iter()
            .enumerate()
            .any(|(i, (a, _))| attributes[..i].iter().any(|(b, _)| a == b));
        let bad_link = attributes.iter().any(|(attribute, value)| {
            *attribute == Attribute::Href && (tag != Tag::A || !is_official_href(value))
        });
        if repeated || bad_link {
            return Err(WireError::BadValue);
        }
        let children = self.list(|input| input.node(depth + 1))?;
        Ok(Node::Element(Element {
            tag,
            attributes,
            children,
        }))
    }

    fn end(&self) -> Result<(), WireError> {
        if self.bytes.is_empty() {
            Ok(())
        } else {
            Err(WireError::TrailingBytes)
        }
    }
}
