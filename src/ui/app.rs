//! The root component: one per `<breach-check>` element.

use yew::prelude::*;

use crate::embed::Config;
use crate::i18n::Msg;
use crate::ui::exposure::section::ExposureSection;
use crate::ui::password::section::PasswordSection;

/// Properties of [`App`]: the configuration read from the element's attributes.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The parsed attributes of the host element.
    pub config: Config,
}

/// The widget: the sections the host asked for, in the host's language and theme.
#[component]
pub fn App(props: &AppProps) -> Html {
    let config = &props.config;
    let lang = config.lang;
    html! {
        <div class={classes!("bc", config.theme.class())} lang={lang.as_str()}>
            if config.sections.exposure {
                <ExposureSection {lang} />
            }
            if config.sections.password {
                <PasswordSection {lang} />
            }
            <p class="bc-footer">{ Msg::PrivacyFooter.text(lang) }</p>
        </div>
    }
}
