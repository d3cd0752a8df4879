//! The report as the widget shows it: a small tree of elements and texts, built by the engine
//! module in the visitor's language, rendered by the widget as it is.
//!
//! Why a tree: the widget's own module is downloaded by every host page, most of which never
//! show the message section. If it held the report's layout and words (flag titles, reasons,
//! steps, organisation names, headings), every host would pay for them. With the tree, the
//! widget keeps one generic renderer and the decoder of [`super::wire`]; everything the report
//! says, and how it is laid out, travels with the engine's answer.
//!
//! The tree is deliberately poor: the elements of [`Tag`] only (no script, image, form or
//! frame can be expressed), the attributes of [`Attribute`] only, a link only on an `a` and
//! only to an `https://` page, and every text is a text node, never markup. The decoder
//! enforces this, so that even a damaged or wrong engine module cannot make the widget render
//! a clickable link of the pasted message, load anything, or run anything.

use super::closed_ids;

closed_ids! {
    /// The elements a report may use.
    pub enum Tag {
        /// A block (the verdict's frame).
        Div => "div",
        /// A paragraph.
        P => "p",
        /// The verdict's headline.
        H3 => "h3",
        /// A heading inside the verdict.
        H4 => "h4",
        /// A list.
        Ul => "ul",
        /// A list item.
        Li => "li",
        /// A highlighted part of the pasted text.
        Mark => "mark",
        /// An organisation's name.
        Strong => "strong",
        /// A link to an official page (a next step). Never a link of the pasted message.
        A => "a",
    }
}

closed_ids! {
    /// The attributes a report's elements may carry.
    pub enum Attribute {
        /// Classes of the widget's stylesheet.
        Class => "class",
        /// A contract hook (`message-verdict`, `message-flag`).
        TestId => "data-testid",
        /// The verdict's id, on the `message-verdict` hook.
        Verdict => "data-verdict",
        /// A flag's id, on a `message-flag` hook.
        Flag => "data-flag",
        /// A next step's id.
        Step => "data-step",
        /// An official page (`https://…`), on an `a` only.
        Href => "href",
    }
}

/// How deep a tree may nest; the report's own is five levels deep. Bounds the decoder's
/// recursion on damaged bytes.
pub const MAX_DEPTH: usize = 12;

/// A part of the report: a text, or an element with its attributes and children.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// A text, shown as it is (never read as markup).
    Text(String),
    /// An element.
    Element(Element),
}

/// An element of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    /// Which element.
    pub tag: Tag,
    /// Its attributes, each at most once, in [`Attribute::ALL`] order.
    pub attributes: Vec<(Attribute, String)>,
    /// What it holds.
    pub children: Vec<Node>,
}

impl Element {
    /// An element with no attribute and nothing inside.
    pub fn new(tag: Tag) -> Element {
        Element {
            tag,
            attributes: Vec::new(),
            children: Vec::new(),
        }
    }

    /// The same element with `attribute` set to `value` (replacing an earlier value).
    pub fn with(mut self, attribute: Attribute, value: impl Into<String>) -> Element {
        let value = value.into();
        match self.attributes.iter_mut().find(|(a, _)| *a == attribute) {
            Some((_, old)) => *old = value,
            None => {
                self.attributes.push((attribute, value));
                self.attributes.sort_by_key(|(a, _)| *a);
            }
        }
        self
    }

    /// The same element with `class`.
    pub fn class(self, class: &str) -> Element {
        self.with(Attribute::Class, class)
    }

    /// The same element with `child` appended.
    pub fn child(mut self, child: impl Into<Node>) -> Element {
        self.children.push(child.into());
        self
    }

    /// The same element with a text appended.
    pub fn text(self, text: impl Into<String>) -> Element {
        self.child(Node::Text(text.into()))
    }

    /// The same element with `children` appended.
    pub fn children(mut self, children: impl IntoIterator<Item = Node>) -> Element {
        self.children.extend(children);
        self
    }

    /// The value of `attribute`, if set.
    pub fn attribute(&self, attribute: Attribute) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(a, _)| *a == attribute)
            .map(|(_, v)| v.as_str())
    }
}

impl From<Element> for Node {
    fn from(element: Element) -> Node {
        Node::Element(element)
    }
}

impl Node {
    /// Every text of the tree, in order, joined: what a reader of the page gets.
    pub fn text_content(&self) -> String {
        let mut out = String::new();
        self.visit(&mut |node| {
            if let Node::Text(text) = node {
                out.push_str(text);
            }
        });
        out
    }

    /// Calls `f` on this node and every node below it, in document order.
    pub fn visit<'a>(&'a self, f: &mut impl FnMut(&'a Node)) {
        f(self);
        if let Node::Element(element) = self {
            for child in &element.children {
                child.visit(f);
            }
        }
    }

    /// Every element below (and including) this node whose `attribute` is `value`.
    pub fn find_all(&self, attribute: Attribute, value: &str) -> Vec<&Element> {
        let mut found = Vec::new();
        self.visit(&mut |node| {
            if let Node::Element(element) = node
                && element.attribute(attribute) == Some(value)
            {
                found.push(element);
            }
        });
        found
    }
}

/// Whether `href` may be a link of the report: an absolute `https://` address with a host.
pub fn is_official_href(href: &str) -> bool {
    href.strip_prefix("https://")
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .is_some_and(|host| {
            !host.is_empty()
                && host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        })
}
