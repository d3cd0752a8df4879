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
//! The password field also says `autocomplete="new-password"` (no saved password filled in,
//! which would then be rated) and carries the password managers' and grammar extensions'
//! opt-outs (`data-lpignore`, `data-bwignore`, `data-form-type="other"`, `data-gramm`,
//! `data-gramm_editor`, `data-enable-grammarly`), and 1Password's `data-1p-ignore`, which
//! [`use_ignored_by_password_managers`] sets because `html!` cannot write a name with a digit
//! after a dash. The README asks web teams to exclude the element in their tool as well,
//! since a hint is only a hint.

use web_sys::Element;
use yew::prelude::*;

/// Sets 1Password's `data-1p-ignore` on the element behind `node` once it is rendered.
#[hook]
pub fn use_ignored_by_password_managers(node: &NodeRef) {
    let node = node.clone();
    use_effect_with((), move |()| {
        if let Some(element) = node.cast::<Element>() {
            let _ = element.set_attribute("data-1p-ignore", "");
        }
    });
}
