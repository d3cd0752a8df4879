//! The root component: one per `<breach-check>` element.

use yew::prelude::*;

use std::rc::Rc;

use crate::embed::Config;
use crate::i18n::Msg;
use crate::ui::dictionaries::use_dictionaries;
use crate::ui::exposure::section::ExposureSection;
use crate::ui::password::section::PasswordSection;

/// Properties of [`App`]: the configuration read from the element's attributes.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The parsed attributes of the host element.
    pub config: Config,
    /// This year, read once by the embed (the core reads no clock).
    pub reference_year: i32,
}

/// The widget: the sections the host asked for, in the host's language and theme.
#[component]
pub fn App(props: &AppProps) -> Html {
    let config = &props.config;
    let lang = config.lang;
    let dictionaries = use_dictionaries();
    let context_words = use_memo((), |_| Vec::<String>::new());
    html! {
        <div class={classes!("bc", config.theme.class())} lang={lang.as_str()}
            data-dictionaries={dictionaries.as_str()}>
            if config.sections.exposure {
                <ExposureSection {lang} />
            }
            if config.sections.password {
                <PasswordSection {lang} {dictionaries} context_words={Rc::clone(&context_words)}
                    reference_year={props.reference_year} />
            }
            <p class="bc-footer">{ Msg::PrivacyFooter.text(lang) }</p>
        </div>
    }
}
