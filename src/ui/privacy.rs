//! Do-not-record hints for session-replay tools, and keep-away hints for password managers.
//!
//! Host pages often run a session-replay tool, and such tools record open shadow roots too:
//! the insurer a visitor picked, the dates they typed, a password shown as text. Each tool
//! honours its own marker for "mask" or "do not record". The widget's root (`App`) carries
//! all the common ones, for the whole subtree, and so does every input, for tools that only
//! look at the field itself:
//!
//! | marker | tool |
//! |---|---|
//! | `class="rr-block rr-mask"` | rrweb and the tools built on it |
//! | `class="fs-mask"` | FullStory |
//! | `data-hj-suppress` | Hotjar |
//! | `data-cs-mask` | Contentsquare |
//! | `data-clarity-mask="true"` | Microsoft Clarity |
//! | `data-dd-privacy="mask"` | Datadog session replay |
//! | `data-private` | LogRocket |
//! | `data-sl="mask"` | Smartlook |
//! | `data-rr-is-password="true"` (password field) | rrweb, even when the password is shown |
//!
//! They are written out on each element rather than added by a helper: Yew's `html!` keeps
//! literal attributes as a static list, and adding to it at run time would bring an index
//! map and a hasher into the bundle.
//!
//! The password field ([`password_field`]) also says `autocomplete="new-password"` (no saved
//! password filled in, which would then be rated), turns off autocorrection, capitals and
//! spell-checking (no keyboard learns it) and carries the password managers' and grammar
//! extensions' opt-outs: `data-1p-ignore` (1Password), `data-lpignore` (LastPass),
//! `data-bwignore` (Bitwarden), `data-form-type="other"` (Dashlane), `data-gramm`,
//! `data-gramm_editor` and `data-enable-grammarly` (Grammarly). `html!` cannot write
//! `data-1p-ignore` (a digit after a dash), so that field's attributes are one static table
//! here. The README asks web teams to exclude the element in their tool as well, since a hint
//! is only a hint.

use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes};

/// The password field's attributes, with `type` given: one table, so that the browser gets
/// every hint from the first render on.
macro_rules! password_attributes {
    ($type:literal) => {
        [
            ("id", AttributeOrProperty::Static("bc-password")),
            ("data-testid", AttributeOrProperty::Static("password")),
            ("type", AttributeOrProperty::Static($type)),
            (
                "aria-describedby",
                AttributeOrProperty::Static("bc-meter-text"),
            ),
            ("autocomplete", AttributeOrProperty::Static("new-password")),
            ("autocorrect", AttributeOrProperty::Static("off")),
            ("autocapitalize", AttributeOrProperty::Static("off")),
            ("spellcheck", AttributeOrProperty::Static("false")),
            ("data-1p-ignore", AttributeOrProperty::Static("")),
            ("data-lpignore", AttributeOrProperty::Static("true")),
            ("data-bwignore", AttributeOrProperty::Static("")),
            ("data-form-type", AttributeOrProperty::Static("other")),
            ("data-gramm", AttributeOrProperty::Static("false")),
            ("data-gramm_editor", AttributeOrProperty::Static("false")),
            (
                "data-enable-grammarly",
                AttributeOrProperty::Static("false"),
            ),
            ("data-rr-is-password", AttributeOrProperty::Static("true")),
            (
                "class",
                AttributeOrProperty::Static("rr-block rr-mask fs-mask"),
            ),
            ("data-hj-suppress", AttributeOrProperty::Static("")),
            ("data-cs-mask", AttributeOrProperty::Static("")),
            ("data-clarity-mask", AttributeOrProperty::Static("true")),
            ("data-dd-privacy", AttributeOrProperty::Static("mask")),
            ("data-private", AttributeOrProperty::Static("")),
            ("data-sl", AttributeOrProperty::Static("mask")),
        ]
    };
}

/// The password input (`id="bc-password"`, `data-testid="password"`), shown as text when
/// `shown`, with every hint above; `on_input` hears each keystroke.
pub fn password_field(shown: bool, on_input: Callback<InputEvent>) -> Html {
    let mut field = html! { <input oninput={on_input} /> };
    if let Html::VTag(tag) = &mut field
        && let Some(tag) = Rc::get_mut(tag)
    {
        // Static tables: Yew compares them by address and sets only what differs (`type`).
        tag.attributes = if shown {
            Attributes::Static(&password_attributes!("text"))
        } else {
            Attributes::Static(&password_attributes!("password"))
        };
    }
    field
}
