//! Typed interface messages: one enum of keys, one exhaustive `match` per language.
//!
//! A missing translation is a compile error, not a blank in the widget: every language
//! function matches every key with no catch-all arm.

/// An interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Every supported language, for tests that walk all messages.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// Parses a `lang` attribute value (`fr`, `en`, or a region form such as `fr-FR`).
    pub fn parse(value: &str) -> Option<Lang> {
        let primary = value.trim().split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 tag to put on the widget's root element.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// A key for every visible text of the widget's shell.
///
/// The core's own enums (reasons, warnings…) carry their texts beside them; this enum holds
/// the labels, headings and notices of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Msg {
    /// Heading of the exposure section.
    ExposureHeading,
    /// One sentence under the exposure heading: what the check does and that it is offline.
    ExposureIntro,
    /// Label of the insurer search field.
    InsurerLabel,
    /// Hint under the insurer field.
    InsurerHint,
    /// Label of the operator select.
    OperatorLabel,
    /// The select's empty first option.
    OperatorChoose,
    /// The "another operator" option.
    OperatorOther,
    /// The "I don't know" option.
    OperatorUnknown,
    /// Label of the contract start date.
    ContractStartLabel,
    /// Label of the contract end date.
    ContractEndLabel,
    /// Hint under the end date: empty means still running.
    ContractEndHint,
    /// Heading of the password section.
    PasswordHeading,
    /// Label of the password field.
    PasswordLabel,
    /// The promise above the password field: rated here, sent nowhere.
    PasswordLocalNotice,
    /// Accessible name of the strength meter.
    MeterLabel,
    /// The privacy promise at the foot of the widget.
    PrivacyFooter,
}

impl Msg {
    /// Every message, for tests that walk all of them in every language.
    pub const ALL: [Msg; 16] = [
        Msg::ExposureHeading,
        Msg::ExposureIntro,
        Msg::InsurerLabel,
        Msg::InsurerHint,
        Msg::OperatorLabel,
        Msg::OperatorChoose,
        Msg::OperatorOther,
        Msg::OperatorUnknown,
        Msg::ContractStartLabel,
        Msg::ContractEndLabel,
        Msg::ContractEndHint,
        Msg::PasswordHeading,
        Msg::PasswordLabel,
        Msg::PasswordLocalNotice,
        Msg::MeterLabel,
        Msg::PrivacyFooter,
    ];

    /// The text of this message in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr(),
            Lang::En => self.en(),
        }
    }

    fn fr(self) -> &'static str {
        match self {
            Msg::ExposureHeading => "Mes données ont-elles fuité en 2024 ?",
            Msg::ExposureIntro => {
                "Indiquez votre complémentaire santé et les dates de votre contrat. La vérification se fait sur cet appareil : rien de ce que vous saisissez n’est envoyé."
            }
            Msg::InsurerLabel => "Votre complémentaire santé (mutuelle, assureur)",
            Msg::InsurerHint => "Tapez quelques lettres de son nom.",
            Msg::OperatorLabel => "Opérateur de tiers payant indiqué sur votre carte",
            Msg::OperatorChoose => "Choisir…",
            Msg::OperatorOther => "Autre",
            Msg::OperatorUnknown => "Je ne sais pas",
            Msg::ContractStartLabel => "Début du contrat",
            Msg::ContractEndLabel => "Fin du contrat",
            Msg::ContractEndHint => "Laissez vide si le contrat est toujours en cours.",
            Msg::PasswordHeading => "Votre mot de passe résiste-t-il ?",
            Msg::PasswordLabel => "Mot de passe à tester",
            Msg::PasswordLocalNotice => {
                "Le mot de passe est évalué sur cet appareil et n’est envoyé nulle part."
            }
            Msg::MeterLabel => "Robustesse du mot de passe",
            Msg::PrivacyFooter => {
                "Aucune donnée saisie ne quitte cette page : ni envoi, ni enregistrement."
            }
        }
    }

    fn en(self) -> &'static str {
        match self {
            Msg::ExposureHeading => "Was my data leaked in 2024?",
            Msg::ExposureIntro => {
                "Enter your health insurer and your contract dates. The check runs on this device: nothing you type is sent."
            }
            Msg::InsurerLabel => "Your complementary health insurer",
            Msg::InsurerHint => "Type a few letters of its name.",
            Msg::OperatorLabel => "Third-party payment operator shown on your card",
            Msg::OperatorChoose => "Choose…",
            Msg::OperatorOther => "Other",
            Msg::OperatorUnknown => "I don't know",
            Msg::ContractStartLabel => "Contract start",
            Msg::ContractEndLabel => "Contract end",
            Msg::ContractEndHint => "Leave empty if the contract is still running.",
            Msg::PasswordHeading => "Does your password hold up?",
            Msg::PasswordLabel => "Password to test",
            Msg::PasswordLocalNotice => "The password is rated on this device and sent nowhere.",
            Msg::MeterLabel => "Password strength",
            Msg::PrivacyFooter => "Nothing you type leaves this page: nothing is sent or stored.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_a_non_empty_text_in_every_language() {
        for lang in Lang::ALL {
            for msg in Msg::ALL {
                assert!(
                    !msg.text(lang).trim().is_empty(),
                    "{msg:?} is empty in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn lang_attribute_accepts_region_forms_and_rejects_others() {
        assert_eq!(Lang::parse("fr-FR"), Some(Lang::Fr));
        assert_eq!(Lang::parse(" EN "), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::parse(""), None);
    }
}
