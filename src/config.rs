//! What the host page configures: the `<breach-check>` element's attributes in, a typed
//! [`Config`] and the [`ConfigWarning`]s about values it could not use out.
//!
//! The parser is pure: it reads the attributes through a getter, so it runs and is tested
//! natively, and it never prints. The embed (`src/embed`) calls it on mount and on every
//! attribute change, prints each warning once per page and hands the `Config` to the app.
//!
//! ```
//! use breach_check::{Attribute, Config, ConfigWarning, Lang, Theme};
//!
//! let (config, warnings) = Config::from_attributes(|attribute| match attribute {
//!     Attribute::Lang => Some("en-GB".to_owned()),
//!     Attribute::Theme => Some("neon".to_owned()),
//!     _ => None,
//! });
//! assert_eq!(config.lang, Lang::En);
//! assert_eq!(config.theme, Theme::Light);
//! assert_eq!(
//!     warnings,
//!     [ConfigWarning::UnknownTheme("neon".to_owned())]
//! );
//! ```

use std::fmt;

use crate::exposure::OperatorChoice;
use crate::i18n::Lang;
use crate::pack::Pack;

/// An attribute of the `<breach-check>` element that the widget reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attribute {
    /// `lang`: the interface language.
    Lang,
    /// `insurer`: a preselected insurer id.
    Insurer,
    /// `operator`: a preselected operator id.
    Operator,
    /// `sections`: which parts to show.
    Sections,
    /// `theme`: the colour scheme.
    Theme,
    /// `emit-events`: whether to dispatch `breach-check:*` events.
    EmitEvents,
    /// `notice-href`: the host's own notice page.
    NoticeHref,
}

impl Attribute {
    /// The attribute's name on the element.
    pub fn name(self) -> &'static str {
        match self {
            Attribute::Lang => "lang",
            Attribute::Insurer => "insurer",
            Attribute::Operator => "operator",
            Attribute::Sections => "sections",
            Attribute::Theme => "theme",
            Attribute::EmitEvents => "emit-events",
            Attribute::NoticeHref => "notice-href",
        }
    }
}

/// Which colour scheme the widget uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Dark text on a light background (the default).
    #[default]
    Light,
    /// Light text on a dark background.
    Dark,
    /// Follows the visitor's `prefers-color-scheme`.
    Auto,
}

impl Theme {
    /// Parses a `theme` value (`light`, `dark` or `auto`, any case).
    pub fn parse(value: &str) -> Option<Theme> {
        match value.trim().to_ascii_lowercase().as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" => Some(Theme::Auto),
            _ => None,
        }
    }

    /// The attribute value that selects this theme.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// Which sections of the widget to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sections {
    /// The "was I exposed?" check.
    pub exposure: bool,
    /// The password-strength meter.
    pub password: bool,
    /// The message check (is this SMS or e-mail a scam?).
    pub message: bool,
}

impl Default for Sections {
    /// `exposure password`: the contract's default.
    fn default() -> Self {
        Sections {
            exposure: true,
            password: true,
            message: false,
        }
    }
}

impl Sections {
    /// Parses a space-separated list such as `exposure password`; `None` when any token is
    /// unknown or the list is empty, so the caller can fall back to the default and say why.
    pub fn parse(value: &str) -> Option<Sections> {
        let mut sections = Sections {
            exposure: false,
            password: false,
            message: false,
        };
        for token in value.split_ascii_whitespace() {
            match token.to_ascii_lowercase().as_str() {
                "exposure" => sections.exposure = true,
                "password" => sections.password = true,
                "message" => sections.message = true,
                _ => return None,
            }
        }
        (sections.exposure || sections.password || sections.message).then_some(sections)
    }
}

/// Everything the host page configures, parsed from the element's attributes.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Config {
    /// Interface language (`lang`).
    pub lang: Lang,
    /// Preselected insurer id (`insurer`), trimmed; the widget checks it against the pack.
    pub insurer: Option<String>,
    /// Preselected operator id (`operator`), trimmed; the widget checks it against the pack.
    pub operator: Option<String>,
    /// Which sections to show (`sections`).
    pub sections: Sections,
    /// Colour scheme (`theme`).
    pub theme: Theme,
    /// Whether to dispatch `breach-check:*` events on the element (`emit-events`).
    pub emit_events: bool,
    /// The host's own notice page (`notice-href`), only when it is an `http:`/`https:` URL.
    pub notice_href: Option<String>,
}

/// A value the widget could not use, and so replaced by its default.
///
/// Each variant holds the value as given (trimmed), so that a web team reading the console
/// sees what to fix; [`fmt::Display`] gives that console line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigWarning {
    /// `lang` is neither French nor English: the widget speaks French.
    UnknownLang(String),
    /// `sections` holds a word that is not a section, or none: both default sections show.
    UnknownSections(String),
    /// `theme` is not `light`, `dark` or `auto`: the widget is light.
    UnknownTheme(String),
    /// `notice-href` is not an absolute `http:`/`https:` URL: no link is shown.
    NotAWebUrl(String),
    /// `insurer` names no insurer of the page's pack: the field shows the error.
    UnknownInsurer(String),
    /// `operator` names no operator of the page's pack (nor `other` or `unknown`).
    UnknownOperator(String),
    /// A `<script data-breach-check-pack>` sits elsewhere on the page than as a child of a
    /// `<breach-check>` element: it is ignored, since a data pack only counts for the element
    /// that holds it.
    PackOutsideElement,
}

impl ConfigWarning {
    /// The attribute at fault and its value, for attribute warnings.
    pub fn attribute(&self) -> Option<(Attribute, &str)> {
        match self {
            ConfigWarning::UnknownLang(value) => Some((Attribute::Lang, value)),
            ConfigWarning::UnknownSections(value) => Some((Attribute::Sections, value)),
            ConfigWarning::UnknownTheme(value) => Some((Attribute::Theme, value)),
            ConfigWarning::NotAWebUrl(value) => Some((Attribute::NoticeHref, value)),
            ConfigWarning::UnknownInsurer(id) => Some((Attribute::Insurer, id)),
            ConfigWarning::UnknownOperator(id) => Some((Attribute::Operator, id)),
            ConfigWarning::PackOutsideElement => None,
        }
    }

    /// What the widget uses instead, in the words of the console line.
    fn fallback(&self) -> &'static str {
        match self {
            ConfigWarning::UnknownLang(_) => "fr",
            ConfigWarning::UnknownSections(_) => "exposure password",
            ConfigWarning::UnknownTheme(_) => "light",
            ConfigWarning::NotAWebUrl(_) => "no link",
            ConfigWarning::UnknownInsurer(_) => "no preselected insurer",
            ConfigWarning::UnknownOperator(_) => "no preselected operator",
            ConfigWarning::PackOutsideElement => "the built-in pack",
        }
    }
}

impl fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fallback = self.fallback();
        match self.attribute() {
            Some((attribute, value)) => write!(
                f,
                "<breach-check>: {}=\"{value}\" is not a value this widget knows; using {fallback}.",
                attribute.name()
            ),
            None => write!(
                f,
                "<breach-check>: a data pack outside its <breach-check> element is ignored; \
                 using {fallback}."
            ),
        }
    }
}

impl Config {
    /// Builds the configuration from an attribute getter (`None`: the attribute is absent).
    ///
    /// Never fails: a value it cannot use gives the default and a warning. Ids are not
    /// checked here, since that needs the page's pack: see [`Config::check_ids`].
    pub fn from_attributes(
        get: impl Fn(Attribute) -> Option<String>,
    ) -> (Config, Vec<ConfigWarning>) {
        let mut warnings = Vec::new();
        let non_empty = |attribute: Attribute| {
            get(attribute)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let lang = non_empty(Attribute::Lang).and_then(|value| {
            Lang::parse(&value).or_else(|| refuse(&mut warnings, ConfigWarning::UnknownLang(value)))
        });
        let sections = non_empty(Attribute::Sections).and_then(|value| {
            Sections::parse(&value)
                .or_else(|| refuse(&mut warnings, ConfigWarning::UnknownSections(value)))
        });
        let theme = non_empty(Attribute::Theme).and_then(|value| {
            Theme::parse(&value)
                .or_else(|| refuse(&mut warnings, ConfigWarning::UnknownTheme(value)))
        });
        let notice_href = non_empty(Attribute::NoticeHref).and_then(|value| {
            if is_web_url(&value) {
                Some(value)
            } else {
                refuse(&mut warnings, ConfigWarning::NotAWebUrl(value))
            }
        });
        let config = Config {
            lang: lang.unwrap_or_default(),
            insurer: non_empty(Attribute::Insurer),
            operator: non_empty(Attribute::Operator),
            sections: sections.unwrap_or_default(),
            theme: theme.unwrap_or_default(),
            emit_events: get(Attribute::EmitEvents).is_some(),
            notice_href,
        };
        (config, warnings)
    }

    /// Warnings for an `insurer` or `operator` id that the page's pack does not hold. The
    /// widget still shows the id's error next to its field, so the visitor can pick another.
    pub fn check_ids(&self, pack: &Pack) -> Vec<ConfigWarning> {
        let mut warnings = Vec::new();
        if let Some(id) = &self.insurer
            && pack.insurer(id).is_none()
        {
            warnings.push(ConfigWarning::UnknownInsurer(id.clone()));
        }
        // Parsed as the form parses it: `other` and `unknown` are choices too.
        if let Some(id) = &self.operator
            && OperatorChoice::parse(pack, id).is_err()
        {
            warnings.push(ConfigWarning::UnknownOperator(id.clone()));
        }
        warnings
    }
}

/// Records why a value was refused; `None`, so that the caller falls back to its default.
fn refuse<T>(warnings: &mut Vec<ConfigWarning>, warning: ConfigWarning) -> Option<T> {
    warnings.push(warning);
    None
}

/// An absolute `http:`/`https:` URL with a host and nothing a URL cannot hold (spaces,
/// control characters, U+FEFF, quotes, angle brackets). The loader's fallback message applies
/// the same rule to `notice-href` (its `\s` includes U+FEFF, which Rust's `is_whitespace`
/// does not, hence the explicit test).
fn is_web_url(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        !rest.is_empty()
            && !rest.starts_with(['/', '?', '#'])
            && !value.chars().any(|c| {
                c.is_whitespace()
                    || c.is_control()
                    || matches!(c, '\u{feff}' | '"' | '<' | '>' | '`')
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses a list of `(attribute, value)` pairs as an element would hold them.
    fn parse(attributes: &[(Attribute, &str)]) -> (Config, Vec<ConfigWarning>) {
        Config::from_attributes(|wanted| {
            attributes
                .iter()
                .find(|(attribute, _)| *attribute == wanted)
                .map(|(_, value)| (*value).to_owned())
        })
    }

    #[test]
    fn an_element_without_attributes_gets_the_contract_defaults_and_no_warning() {
        let (config, warnings) = parse(&[]);
        assert_eq!(config, Config::default());
        assert_eq!(config.lang, Lang::Fr);
        assert_eq!(config.theme, Theme::Light);
        assert!(config.sections.exposure && config.sections.password);
        assert!(!config.sections.message && !config.emit_events);
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn every_attribute_is_read_and_trimmed() {
        let (config, warnings) = parse(&[
            (Attribute::Lang, " en "),
            (Attribute::Insurer, " mutami "),
            (Attribute::Operator, "viamedis"),
            (Attribute::Sections, "PASSWORD  message"),
            (Attribute::Theme, "Dark"),
            (Attribute::EmitEvents, ""),
            (Attribute::NoticeHref, " https://www.mutuelle.example/avis "),
        ]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            config,
            Config {
                lang: Lang::En,
                insurer: Some("mutami".to_owned()),
                operator: Some("viamedis".to_owned()),
                sections: Sections {
                    exposure: false,
                    password: true,
                    message: true,
                },
                theme: Theme::Dark,
                emit_events: true,
                notice_href: Some("https://www.mutuelle.example/avis".to_owned()),
            }
        );
    }

    #[test]
    fn the_message_section_is_a_known_section() {
        let (config, warnings) = parse(&[(Attribute::Sections, "message")]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            config.sections,
            Sections {
                exposure: false,
                password: false,
                message: true
            }
        );
    }

    #[test]
    fn unknown_values_fall_back_to_the_default_with_one_typed_warning_each() {
        let (config, warnings) = parse(&[
            (Attribute::Lang, "klingon"),
            (Attribute::Sections, "exposure nonsense"),
            (Attribute::Theme, "neon"),
            (Attribute::NoticeHref, "javascript:alert(1)"),
        ]);
        assert_eq!(config, Config::default());
        assert_eq!(
            warnings,
            [
                ConfigWarning::UnknownLang("klingon".to_owned()),
                ConfigWarning::UnknownSections("exposure nonsense".to_owned()),
                ConfigWarning::UnknownTheme("neon".to_owned()),
                ConfigWarning::NotAWebUrl("javascript:alert(1)".to_owned()),
            ]
        );
    }

    #[test]
    fn empty_values_are_absent_values_and_say_nothing() {
        let (config, warnings) = parse(&[
            (Attribute::Lang, "  "),
            (Attribute::Sections, ""),
            (Attribute::Insurer, " "),
            (Attribute::NoticeHref, ""),
        ]);
        assert_eq!(config, Config::default());
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn each_console_line_names_the_attribute_the_value_and_the_fallback() {
        let warning = ConfigWarning::UnknownTheme("neon".to_owned());
        assert_eq!(
            warning.to_string(),
            "<breach-check>: theme=\"neon\" is not a value this widget knows; using light."
        );
        let warning = ConfigWarning::NotAWebUrl("data:text/html,x".to_owned());
        assert!(
            warning
                .to_string()
                .contains("notice-href=\"data:text/html,x\"")
        );
        assert!(warning.to_string().ends_with("using no link."));
        assert!(
            ConfigWarning::PackOutsideElement
                .to_string()
                .contains("outside its <breach-check> element")
        );
    }

    #[test]
    fn ids_the_pack_does_not_hold_are_reported_and_known_ones_are_not() {
        let pack = Pack::builtin();
        let with = |insurer: &str, operator: &str| Config {
            insurer: Some(insurer.to_owned()),
            operator: Some(operator.to_owned()),
            ..Config::default()
        };
        assert!(with("mutami", "viamedis").check_ids(pack).is_empty());
        assert!(with("mutami", "other").check_ids(pack).is_empty());
        assert!(with("mutami", "unknown").check_ids(pack).is_empty());
        assert_eq!(
            with("no-such-mutuelle", "nope").check_ids(pack),
            [
                ConfigWarning::UnknownInsurer("no-such-mutuelle".to_owned()),
                ConfigWarning::UnknownOperator("nope".to_owned()),
            ]
        );
    }

    #[test]
    fn a_notice_link_must_be_an_absolute_web_url_with_nothing_a_url_cannot_hold() {
        for good in [
            "https://www.mutuelle.example/avis",
            "HTTP://mutuelle.example",
            "https://mutuelle.example/a?b=c#d",
        ] {
            assert!(is_web_url(good), "{good} refused");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "/securite",
            "https://",
            "https:///path",
            "https://?q",
            "https://mutuelle.example/a b",
            "https://mutuelle.example/\u{feff}",
            "https://mutuelle.example/\u{0}",
            "https://mutuelle.example/\"onmouseover=",
            "https://mutuelle.example/<x>",
        ] {
            assert!(!is_web_url(bad), "{bad:?} accepted");
        }
    }
}
