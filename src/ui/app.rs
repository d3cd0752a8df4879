//! The root component: one per `<breach-check>` element.

use yew::prelude::*;

use std::rc::Rc;

use crate::config::{Config, Theme};
use crate::date::Date;
use crate::exposure::VerdictSummary;
use crate::i18n::{Localized, Msg};
use crate::pack::Pack;
use crate::ui::exposure::section::ExposureSection;
use crate::ui::message::engine::EngineStore;
#[cfg(not(without_message_section))]
use crate::ui::message::section::MessageSection;
use crate::ui::password::engine::{PasswordStore, use_password};
use crate::ui::password::section::PasswordSection;

/// Properties of [`App`]: everything the embed hands one widget.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The parsed attributes of the host element.
    pub config: Config,
    /// Today, from the browser's clock (the core reads none).
    pub today: Date,
    /// The data pack: built-in, or with the overlay the element holds.
    pub pack: Rc<Pack>,
    /// The page's password engine and dictionaries (loaded on first use), shared by every
    /// widget of the page.
    pub password: Rc<PasswordStore>,
    /// Asks for the password engine and dictionaries; the embed fetches them once per page.
    pub want_password: Callback<()>,
    /// The page's message engine (loaded on first use), shared by every widget of the page.
    pub message_engine: Rc<EngineStore>,
    /// Told the verdict summary whenever it changes (the embed turns it into an event).
    pub on_verdict: Callback<Option<VerdictSummary>>,
    /// The element has left the page: render nothing, so the sections and what the visitor
    /// typed are dropped, while the app itself is kept for the element's return.
    pub parked: bool,
}

/// The class name the stylesheet keys its colours on.
fn theme_class(theme: Theme) -> &'static str {
    match theme {
        Theme::Light => "bc-theme-light",
        Theme::Dark => "bc-theme-dark",
        Theme::Auto => "bc-theme-auto",
    }
}

/// The widget: the sections the host asked for, in the host's language and theme.
#[component]
pub fn App(props: &AppProps) -> Html {
    let config = &props.config;
    let lang = config.lang;
    let password = use_password(&props.password);
    // Insurer and operator names are the first words a fraudster holding the leak would try.
    let context_words = use_memo(Rc::clone(&props.pack), |pack| {
        pack.context_words()
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<String>>()
    });
    if props.parked {
        return html! {};
    }
    // The module most hosts get is built without the message section (build.rs,
    // `without_message_section`); the loader hands a widget whose `sections` name it the
    // module that has it, so this is never `None` for a widget that asked for the section.
    #[cfg(not(without_message_section))]
    let message = config.sections.message.then(|| {
        html! {
            <MessageSection {lang} pack={Rc::clone(&props.pack)}
                visitor_insurer={config.insurer.clone()} engine={Rc::clone(&props.message_engine)} />
        }
    });
    #[cfg(without_message_section)]
    let message: Option<Html> = None;
    // The do-not-record hints of `ui::privacy`, for the whole widget.
    html! {
        <div class={classes!("bc", theme_class(config.theme), "rr-block", "rr-mask", "fs-mask")}
            data-hj-suppress="" data-cs-mask="" data-clarity-mask="true" data-dd-privacy="mask"
            data-private="" data-sl="mask"
            lang={lang.as_str()} data-dictionaries={password.dictionaries.as_str()}
            data-password-engine={password.engine.as_str()}>
            if config.sections.exposure {
                <ExposureSection {lang} pack={Rc::clone(&props.pack)} today={props.today}
                    preset_insurer={config.insurer.clone()} preset_operator={config.operator.clone()}
                    notice_href={config.notice_href.clone()} on_verdict={props.on_verdict.clone()} />
            }
            if config.sections.password {
                <PasswordSection {lang} engine={password} context_words={Rc::clone(&context_words)}
                    want_engine={props.want_password.clone()}
                    reference_year={i32::from(props.today.year())} />
            }
            { for message }
            <p class="bc-footer">{ Msg::PrivacyFooter.text(lang) }</p>
        </div>
    }
}
