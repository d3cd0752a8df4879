//! Do-not-record hints for session-replay tools, and keep-away hints for password managers.
//!
//! Host pages often run a session-replay tool (Hotjar, Contentsquare, Microsoft Clarity,
//! FullStory, Datadog, LogRocket, Smartlook, or any rrweb-based one). Such tools record open
//! shadow roots too, and with them the insurer a visitor picked, the dates they typed and a
//! shown password. Each tool honours its own marker for "mask" or "do not record this
//! subtree"; [`unrecorded`] puts all the common ones on an element. The widget's root carries
//! them (the whole subtree), and so does every input, for tools that only look at the field
//! itself. The README asks web teams to exclude the element in their tool as well, since a
//! hint is only a hint.
//!
//! The password field also carries [`secret`]'s hints: password managers must neither fill
//! in the member's saved site password (which would then be rated) nor offer to save what was
//! typed, and grammar extensions must not read it.

use std::rc::Rc;

use yew::prelude::*;

/// The classes rrweb (and the tools built on it) and FullStory read as "do not record" and
/// "mask the text".
const CLASSES: &str = "rr-block rr-mask fs-mask";

/// The attributes other tools read as "mask this subtree".
const ATTRIBUTES: [(&str, &str); 6] = [
    // Hotjar.
    ("data-hj-suppress", ""),
    // Contentsquare.
    ("data-cs-mask", ""),
    // Microsoft Clarity.
    ("data-clarity-mask", "true"),
    // Datadog session replay.
    ("data-dd-privacy", "mask"),
    // LogRocket.
    ("data-private", ""),
    // Smartlook.
    ("data-sl", "mask"),
];

/// The attributes that keep password managers and grammar extensions away from a field.
/// `autocomplete="new-password"`, `autocorrect` and `spellcheck` are set on the field itself.
const SECRET: [(&str, &str); 8] = [
    // rrweb masks a field so marked even when it is shown as text.
    ("data-rr-is-password", "true"),
    // 1Password, LastPass, Bitwarden, Dashlane.
    ("data-1p-ignore", ""),
    ("data-lpignore", "true"),
    ("data-bwignore", ""),
    ("data-form-type", "other"),
    // Grammarly.
    ("data-gramm", "false"),
    ("data-gramm_editor", "false"),
    ("data-enable-grammarly", "false"),
];

/// `node` with the do-not-record classes and attributes added (its own classes are kept).
/// Anything but an element is returned unchanged.
pub fn unrecorded(mut node: Html) -> Html {
    if let Html::VTag(tag) = &mut node {
        // Just built by `html!`, so not shared: this does not copy.
        let tag = Rc::make_mut(tag);
        let class = match tag.attributes.iter().find(|(key, _)| *key == "class") {
            Some((_, own)) if !own.is_empty() => format!("{own} {CLASSES}"),
            _ => CLASSES.to_owned(),
        };
        tag.add_attribute("class", class);
        for (key, value) in ATTRIBUTES {
            tag.add_attribute(key, value);
        }
    }
    node
}

/// `node` unrecorded, and kept away from password managers and grammar extensions: for the
/// password field.
pub fn secret(node: Html) -> Html {
    let mut node = unrecorded(node);
    if let Html::VTag(tag) = &mut node {
        let tag = Rc::make_mut(tag);
        for (key, value) in SECRET {
            tag.add_attribute(key, value);
        }
    }
    node
}
