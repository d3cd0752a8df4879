//! The one way the crate says things: [`Lang`], the [`Localized`] trait that every message
//! enum implements, the interface's own messages ([`Msg`]), and the few helpers that put
//! words, dates and numbers together the way each language writes them.
//!
//! A missing translation is a compile error, not a blank in the widget: every language
//! function matches every key with no catch-all arm. Texts that are data rather than a closed
//! set (the pack's bilingual texts) are chosen with [`Lang::pick`]. Nothing outside this
//! module (and the engines' own message enums) writes French or English.

use crate::date::Date;

enum_with_all! {
    /// An interface language.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
    pub enum Lang {
        /// French, the default.
        #[default]
        Fr,
        /// English.
        En,
    }
}

/// A closed set of texts, said the one way the crate says things: an exhaustive `match` per
/// language, so that a missing translation is a compile error rather than a blank.
///
/// Every message enum of the crate (interface labels, the engines' reasons, warnings and
/// steps) implements it; callers only ever call [`Localized::text`].
pub trait Localized: Copy {
    /// The French text (the widget's default language).
    fn fr(self) -> &'static str;
    /// The English text.
    fn en(self) -> &'static str;
    /// The text in `lang`.
    fn text(self, lang: Lang) -> &'static str {
        lang.pick(self.fr(), self.en())
    }
}

impl Lang {
    /// Parses a `lang` attribute value (`fr`, `en`, or a region form such as `fr-FR`).
    pub fn parse(value: &str) -> Option<Lang> {
        let primary = value.trim().split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The French or the English one of two texts: for texts that are data (a pack's
    /// `{ fr, en }` pair), where a closed set would use [`Localized`].
    pub fn pick<'a, T: ?Sized>(self, fr: &'a T, en: &'a T) -> &'a T {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
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

enum_with_all! {
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
        /// Button that shows the password.
        PasswordShow,
        /// Button that hides the password.
        PasswordHide,
        /// Note while the built-in list rates and the full dictionaries load.
        MeterRefining,
        /// Note when the full dictionaries could not load.
        MeterReducedDictionary,
        /// Meter state before anything is typed.
        MeterEmpty,
        /// Level word for score 0.
        Level0,
        /// Level word for score 1.
        Level1,
        /// Level word for score 2.
        Level2,
        /// Level word for score 3.
        Level3,
        /// Level word for score 4.
        Level4,
        /// Label: time for an online attack with throttling.
        CrackOnlineThrottled,
        /// Label: time for an offline attack on a fast hash.
        CrackOfflineFast,
        /// Label before the estimated bits.
        CnilBits,
        /// The CNIL 2022-100 markers and the caveat.
        CnilYardstick,
        /// The estimate is below both CNIL markers.
        CnilBelowBoth,
        /// The estimate reaches 50 bits, not 80.
        CnilAboveFifty,
        /// The estimate reaches 80 bits.
        CnilAboveBoth,
        /// Tie to the leak: the password holds a NIR-shaped number.
        LeakNir,
        /// Tie to the leak: the password holds a date or year.
        LeakDate,
        /// Tie to the leak: the password holds an insurer or operator name.
        LeakContext,
        /// Heading of the short password advice.
        AdviceHeading,
        /// Advice: a passphrase of several words.
        AdvicePassphrase,
        /// Advice: a password manager.
        AdviceManager,
        /// Advice: a different password per site.
        AdviceUnique,
        /// Advice: two-factor authentication.
        Advice2fa,
        /// Advice: change the passwords where the NIR is the login.
        AdviceNirLogin,
        /// Hint under the operator select.
        OperatorHint,
        /// Option group: tiers-payant operators.
        OperatorGroupOperators,
        /// Option group: care networks.
        OperatorGroupNetworks,
        /// Heading of the card-reading help.
        CardHelpHeading,
        /// Where the operator is printed.
        CardHelpWhere,
        /// Caveat: a recent card shows today's operator.
        CardCaveatCurrent,
        /// Caveat: a card may show only the insurer.
        CardCaveatInsurerOnly,
        /// Caveat: a care-network logo is not the operator.
        CardCaveatNetwork,
        /// Shown in the insurer list when nothing matches.
        InsurerNoMatch,
        /// Summary of the disclosure with the per-incident results and the rules applied.
        IncidentsHeading,
        /// Before a care network's own incident that the answer does not cover.
        SeparateIncidentLead,
        /// After it: how to bring it into the answer.
        SeparateIncidentHow,
        /// Label before the breached operator.
        IncidentOperator,
        /// Label: intrusion date.
        IncidentIntrusion,
        /// Label: discovery date.
        IncidentDiscovery,
        /// Label: public disclosure date.
        IncidentDisclosure,
        /// Before an approximate date.
        Approximately,
        /// Label before a partial scope.
        ScopeLabel,
        /// Heading of the exposed fields.
        ExposedHeading,
        /// Heading of the safe fields.
        NotExposedHeading,
        /// The family-members note.
        FamilyNote,
        /// Heading of the next steps.
        NextStepsHeading,
        /// The print button.
        PrintButton,
        /// Summary of the sources list.
        SourcesHeading,
        /// Before the date the facts were reviewed.
        Reviewed,
        /// Link to the host's notice page.
        NoticeLink,
        /// Accessible title of the timeline.
        TimelineTitle,
        /// Timeline label of the contract bar.
        TimelineContract,
        /// "from" before a start date.
        DateFrom,
        /// "to" before an end date.
        DateTo,
        /// "since" before a start date.
        DateSince,
        /// "until" before an end date.
        DateUntil,
        /// A period still running.
        DateRunning,
        /// A period whose start is unknown.
        DateUnknownStart,
        /// Before the inputs the result is for.
        ResultFor,
        /// "your contract", inside the sentence after [`Msg::ResultFor`].
        ResultContract,
        /// On the timeline's text: before the breached operator's name and the intrusion date.
        TimelineIntrusion,
        /// Before a number of bits (an estimate).
        AboutBits,
        /// Before the name of whoever supplied facts that are not the widget's own (the host).
        AccordingTo,
        /// Title of the member card that marks the fields.
        CardTitle,
        /// Summary of the disclosure with the next steps beyond the first two.
        MoreSteps,
        /// Summary of the disclosure that says what each exposed field allows.
        FieldRisksHeading,
        /// Before the incidents a source rules out (operators the insurer did not use).
        RuledOutLead,
        /// Summary of the disclosure that holds the timeline.
        TimelineSummary,
        /// Heading of an incident decided by its own question, apart from the verdict.
        QuestionHeading,
        /// Summary of the disclosure that says how to answer an incident's question.
        QuestionHow,
        /// Before the fields of a question-decided incident.
        QuestionFields,
    }
}

impl Localized for Msg {
    fn fr(self) -> &'static str {
        match self {
            Msg::ExposureHeading => "Mes données ont-elles fuité en 2024\u{a0}?",
            Msg::ExposureIntro => {
                "Indiquez votre complémentaire santé et les dates de votre contrat. La vérification se fait sur cet appareil\u{a0}: rien de ce que vous saisissez n’est envoyé."
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
            Msg::PasswordHeading => "Votre mot de passe résiste-t-il\u{a0}?",
            Msg::PasswordLabel => "Mot de passe à tester",
            Msg::PasswordLocalNotice => {
                "Le mot de passe est évalué sur cet appareil et n’est envoyé nulle part."
            }
            Msg::MeterLabel => "Robustesse du mot de passe",
            Msg::PrivacyFooter => {
                "Aucune donnée saisie ne quitte cette page\u{a0}: ni envoi, ni enregistrement."
            }
            Msg::PasswordShow => "Afficher",
            Msg::PasswordHide => "Masquer",
            Msg::MeterRefining => {
                "Évaluation provisoire avec la liste intégrée\u{a0}: le dictionnaire complet se charge pour l’affiner."
            }
            Msg::MeterReducedDictionary => {
                "Le dictionnaire complet n’a pas pu être chargé\u{a0}: l’évaluation utilise une liste réduite."
            }
            Msg::MeterEmpty => "Saisissez un mot de passe pour l’évaluer.",
            Msg::Level0 => "Très faible",
            Msg::Level1 => "Faible",
            Msg::Level2 => "Moyen",
            Msg::Level3 => "Fort",
            Msg::Level4 => "Très fort",
            Msg::CrackOnlineThrottled => {
                "Pour le deviner en ligne, sur un site qui limite les essais\u{a0}:"
            }
            Msg::CrackOfflineFast => {
                "Hors ligne, si la base d’un site a fuité (hachage rapide)\u{a0}:"
            }
            Msg::CnilBits => "Robustesse estimée\u{a0}:",
            Msg::CnilBelowBoth => "En dessous des deux repères de la CNIL.",
            Msg::CnilAboveFifty => "Atteint le repère de 50 bits de la CNIL, pas celui de 80 bits.",
            Msg::CnilAboveBoth => "Atteint les deux repères de la CNIL.",
            Msg::CnilYardstick => {
                "Repères de la CNIL (délibération 2022-100)\u{a0}: 50 bits avec limitation des tentatives, 80 bits pour un mot de passe seul. Il s’agit d’une estimation de la difficulté à deviner ce mot de passe, pas d’un certificat de conformité."
            }
            Msg::LeakNir => {
                "Il contient un numéro au format du numéro de sécurité sociale\u{a0}: ces numéros font partie des données qui ont fuité en 2024."
            }
            Msg::LeakDate => {
                "Il contient une date ou une année\u{a0}: les dates de naissance font partie des données qui ont fuité en 2024."
            }
            Msg::LeakContext => {
                "Il contient le nom d’une complémentaire ou d’un opérateur\u{a0}: ces noms ont fuité en 2024 avec votre identité."
            }
            Msg::AdviceHeading => "Conseils",
            Msg::AdvicePassphrase => {
                "Préférez une phrase de passe de plusieurs mots sans lien entre eux."
            }
            Msg::AdviceManager => "Un gestionnaire de mots de passe les retient pour vous.",
            Msg::AdviceUnique => "Utilisez un mot de passe différent pour chaque site.",
            Msg::Advice2fa => "Activez la double authentification lorsqu’elle est proposée.",
            Msg::AdviceNirLogin => {
                "Changez les mots de passe des comptes dont l’identifiant est votre numéro de sécurité sociale (ameli, impots.gouv, CAF, FranceConnect)."
            }
            Msg::OperatorHint => {
                "Le nom ou le logo imprimé sur votre carte de tiers payant (carte mutuelle)."
            }
            Msg::OperatorGroupOperators => "Opérateurs de tiers payant",
            Msg::OperatorGroupNetworks => "Réseaux de soins (ce ne sont pas des opérateurs)",
            Msg::CardHelpHeading => "Où lire l’opérateur sur votre carte\u{a0}?",
            Msg::CardHelpWhere => {
                "Sur votre carte de tiers payant, le nom ou le logo de l’opérateur figure souvent en bas ou au dos, à côté de celui de votre complémentaire. Votre espace adhérent affiche aussi la carte."
            }
            Msg::CardCaveatCurrent => {
                "Une carte émise en 2024 ou après montre l’opérateur d’aujourd’hui, pas celui de janvier 2024\u{a0}: certaines complémentaires ont changé d’opérateur le 1er janvier 2024."
            }
            Msg::CardCaveatInsurerOnly => {
                "Une carte peut ne porter que le logo de votre complémentaire\u{a0}: l’absence du logo Viamedis ou Almerys ne prouve pas que vous n’étiez pas concerné."
            }
            Msg::CardCaveatNetwork => {
                "Un logo de réseau de soins (Itelis, Santéclair, Kalixia, Carte Blanche, Sévéane) n’est pas celui de l’opérateur de tiers payant."
            }
            Msg::InsurerNoMatch => {
                "Aucune complémentaire de notre liste ne correspond\u{a0}: choisissez plutôt l’opérateur."
            }
            Msg::IncidentsHeading => "Pourquoi ce résultat",
            Msg::SeparateIncidentLead => "Incident distinct, non compté ici\u{a0}:",
            Msg::SeparateIncidentHow => {
                "Si le logo de ce réseau figure sur votre carte de tiers payant, choisissez-le dans la liste des opérateurs et réseaux."
            }
            Msg::IncidentOperator => "Opérateur\u{a0}:",
            Msg::IncidentIntrusion => "Intrusion\u{a0}:",
            Msg::IncidentDiscovery => "Découverte\u{a0}:",
            Msg::IncidentDisclosure => "Annonce publique\u{a0}:",
            Msg::Approximately => "vers le",
            Msg::ScopeLabel => "Périmètre\u{a0}:",
            Msg::ExposedHeading => "Données exposées",
            Msg::NotExposedHeading => "Données non exposées, selon les sources",
            Msg::FamilyNote => {
                "Les ayants droit inscrits sur votre carte (conjoint, enfants) sont concernés de la même façon."
            }
            Msg::NextStepsHeading => "Que faire maintenant\u{a0}?",
            Msg::PrintButton => "Imprimer ma fiche",
            Msg::SourcesHeading => "Sources de ce résultat",
            Msg::Reviewed => "Faits vérifiés le",
            Msg::NoticeLink => "Lire l’avis de votre complémentaire",
            Msg::TimelineTitle => {
                "Frise\u{a0}: votre contrat, les opérateurs de votre complémentaire et les incidents"
            }
            Msg::TimelineContract => "Votre contrat",
            Msg::DateFrom => "du",
            Msg::DateTo => "au",
            Msg::DateSince => "depuis le",
            Msg::DateUntil => "jusqu’au",
            Msg::DateRunning => "toujours en cours",
            Msg::DateUnknownStart => "début inconnu",
            Msg::ResultFor => "Résultat pour\u{a0}:",
            Msg::ResultContract => "votre contrat",
            Msg::TimelineIntrusion => "Intrusion chez",
            Msg::AboutBits => "environ",
            Msg::AccordingTo => "selon",
            Msg::CardTitle => "Vos données",
            Msg::MoreSteps => "Autres conseils",
            Msg::FieldRisksHeading => "Ce que permettent ces données",
            Msg::RuledOutLead => "Écartés par les sources\u{a0}:",
            Msg::TimelineSummary => "Frise chronologique",
            Msg::QuestionHeading => "Une autre fuite, sans lien avec votre complémentaire",
            Msg::QuestionHow => "Comment le savoir\u{a0}?",
            Msg::QuestionFields => "Données concernées\u{a0}:",
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
            Msg::PasswordShow => "Show",
            Msg::PasswordHide => "Hide",
            Msg::MeterRefining => {
                "A first rating from the built-in list: the full dictionary is loading to refine it."
            }
            Msg::MeterReducedDictionary => {
                "The full dictionary could not load: the rating uses a reduced list."
            }
            Msg::MeterEmpty => "Type a password to rate it.",
            Msg::Level0 => "Very weak",
            Msg::Level1 => "Weak",
            Msg::Level2 => "Fair",
            Msg::Level3 => "Strong",
            Msg::Level4 => "Very strong",
            Msg::CrackOnlineThrottled => "To guess it online, on a site that limits attempts:",
            Msg::CrackOfflineFast => "Offline, if a site's database leaked (fast hash):",
            Msg::CnilBits => "Estimated strength:",
            Msg::CnilBelowBoth => "Below both CNIL markers.",
            Msg::CnilAboveFifty => "Reaches the CNIL's 50-bit marker, not the 80-bit one.",
            Msg::CnilAboveBoth => "Reaches both CNIL markers.",
            Msg::CnilYardstick => {
                "CNIL markers (deliberation 2022-100): 50 bits with limited login attempts, 80 bits for a password alone. This estimates how hard the password is to guess; it is not a certificate of compliance."
            }
            Msg::LeakNir => {
                "It contains a number shaped like a social security number: those numbers leaked in 2024."
            }
            Msg::LeakDate => "It contains a date or a year: birth dates leaked in 2024.",
            Msg::LeakContext => {
                "It contains the name of an insurer or an operator: those names leaked in 2024 along with your identity."
            }
            Msg::AdviceHeading => "Advice",
            Msg::AdvicePassphrase => "Prefer a passphrase of several unrelated words.",
            Msg::AdviceManager => "A password manager remembers them for you.",
            Msg::AdviceUnique => "Use a different password for every site.",
            Msg::Advice2fa => "Turn on two-factor authentication where it is offered.",
            Msg::AdviceNirLogin => {
                "Change the passwords of accounts whose login is your social security number (ameli, impots.gouv, CAF, FranceConnect)."
            }
            Msg::OperatorHint => "The name or logo printed on your tiers-payant card.",
            Msg::OperatorGroupOperators => "Tiers-payant operators",
            Msg::OperatorGroupNetworks => "Care networks (not operators)",
            Msg::CardHelpHeading => "Where to read the operator on your card?",
            Msg::CardHelpWhere => {
                "On your tiers-payant card, the operator's name or logo is often at the bottom or on the back, next to your insurer's. Your member area shows the card too."
            }
            Msg::CardCaveatCurrent => {
                "A card issued in 2024 or later shows today's operator, not the January 2024 one: some insurers changed operator on 1 January 2024."
            }
            Msg::CardCaveatInsurerOnly => {
                "A card may carry only your insurer's logo: no Viamedis or Almerys logo does not prove you were not concerned."
            }
            Msg::CardCaveatNetwork => {
                "A care-network logo (Itelis, Santéclair, Kalixia, Carte Blanche, Sévéane) is not the tiers-payant operator's."
            }
            Msg::InsurerNoMatch => "No insurer in our list matches: pick the operator instead.",
            Msg::IncidentsHeading => "Why this result",
            Msg::SeparateIncidentLead => "A separate incident, not counted here:",
            Msg::SeparateIncidentHow => {
                "If this network's logo is on your tiers-payant card, choose it in the list of operators and networks."
            }
            Msg::IncidentOperator => "Operator:",
            Msg::IncidentIntrusion => "Intrusion:",
            Msg::IncidentDiscovery => "Discovered:",
            Msg::IncidentDisclosure => "Made public:",
            Msg::Approximately => "around",
            Msg::ScopeLabel => "Scope:",
            Msg::ExposedHeading => "Exposed data",
            Msg::NotExposedHeading => "Data not exposed, according to the sources",
            Msg::FamilyNote => {
                "Family members on your card (partner, children) are concerned in the same way."
            }
            Msg::NextStepsHeading => "What to do now?",
            Msg::PrintButton => "Print my sheet",
            Msg::SourcesHeading => "Sources behind this result",
            Msg::Reviewed => "Facts reviewed on",
            Msg::NoticeLink => "Read your insurer's notice",
            Msg::TimelineTitle => {
                "Timeline: your contract, your insurer's operators and the incidents"
            }
            Msg::TimelineContract => "Your contract",
            Msg::DateFrom => "from",
            Msg::DateTo => "to",
            Msg::DateSince => "since",
            Msg::DateUntil => "until",
            Msg::DateRunning => "still running",
            Msg::DateUnknownStart => "start unknown",
            Msg::ResultFor => "Result for:",
            Msg::ResultContract => "your contract",
            Msg::TimelineIntrusion => "Intrusion at",
            Msg::AboutBits => "about",
            Msg::AccordingTo => "according to",
            Msg::CardTitle => "Your data",
            Msg::MoreSteps => "More advice",
            Msg::FieldRisksHeading => "What this data allows",
            Msg::RuledOutLead => "Ruled out by the sources:",
            Msg::TimelineSummary => "Timeline",
            Msg::QuestionHeading => "Another leak, unrelated to your insurer",
            Msg::QuestionHow => "How to find out?",
            Msg::QuestionFields => "Data concerned:",
        }
    }
}

/// A date as people read it: `22/01/2024` in French, `22 Jan 2024` in English.
pub fn format_date(date: Date, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match lang {
        Lang::Fr => format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year()),
        Lang::En => format!(
            "{} {} {}",
            date.day(),
            MONTHS[usize::from(date.month() - 1)],
            date.year()
        ),
    }
}

/// A month as people say it: "janvier 2024", "January 2024".
pub fn month_year(date: Date, lang: Lang) -> String {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = usize::from(date.month().clamp(1, 12) - 1);
    format!("{} {}", lang.pick(&FR, &EN)[month], date.year())
}

/// The colon between a label and its text, as each language writes it (French puts a space
/// before it).
pub fn colon(lang: Lang) -> &'static str {
    lang.pick("\u{a0}: ", ": ")
}

/// A contract's span in words: "du 01/03/2015, toujours en cours", "start unknown, to 1 Jan
/// 2024".
pub fn contract_span(from: Option<Date>, to: Option<Date>, lang: Lang) -> String {
    let from = from.map_or_else(
        || Msg::DateUnknownStart.text(lang).to_owned(),
        |d| format!("{} {}", Msg::DateFrom.text(lang), format_date(d, lang)),
    );
    let to = to.map_or_else(
        || Msg::DateRunning.text(lang).to_owned(),
        |d| format!("{} {}", Msg::DateTo.text(lang), format_date(d, lang)),
    );
    format!("{from}, {to}")
}

/// An operator period in words, to follow the operator's name: "depuis le 01/01/2024",
/// "du 01/01/2019 au 31/12/2023"; empty when the sources give neither end.
pub fn period_words(from: Option<Date>, to: Option<Date>, lang: Lang) -> String {
    let date = |d| format_date(d, lang);
    match (from, to) {
        (None, None) => String::new(),
        (Some(from), None) => format!("{} {}", Msg::DateSince.text(lang), date(from)),
        (None, Some(to)) => format!("{} {}", Msg::DateUntil.text(lang), date(to)),
        (Some(from), Some(to)) => format!(
            "{} {} {} {}",
            Msg::DateFrom.text(lang),
            date(from),
            Msg::DateTo.text(lang),
            date(to)
        ),
    }
}

/// An incident's date, "vers le 01/12/2023" when the sources give it only approximately.
pub fn milestone_date(date: Date, approximate: bool, lang: Lang) -> String {
    if approximate {
        format!(
            "{} {}",
            Msg::Approximately.text(lang),
            format_date(date, lang)
        )
    } else {
        format_date(date, lang)
    }
}

/// An incident's intrusion on the timeline's text line: "Intrusion chez Viamedis\u{a0}: 01/12/2023".
pub fn intrusion_line(operator: &str, date: Date, lang: Lang) -> String {
    format!(
        "{} {operator}{}{}",
        Msg::TimelineIntrusion.text(lang),
        colon(lang),
        format_date(date, lang)
    )
}

/// A labelled line of the timeline's text: "Votre contrat\u{a0}: du 01/03/2015, toujours en cours".
pub fn labelled(label: &str, text: &str, lang: Lang) -> String {
    format!("{label}{}{text}", colon(lang))
}

/// The estimated strength in whole bits: "environ 42 bits" (integers only, so no float
/// formatting code reaches the bundle).
pub fn about_bits(bits: f64, lang: Lang) -> String {
    let bits = bits.max(0.0).round() as u64;
    format!("{} {bits} bits", Msg::AboutBits.text(lang))
}

/// Who the facts behind a verdict come from when the host page supplied them: "selon
/// Mutuelle Exemple". Shown beside the insurer's name.
pub fn according_to(name: &str, lang: Lang) -> String {
    format!("{} {name}", Msg::AccordingTo.text(lang))
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
    fn dates_and_spans_read_as_each_language_writes_them() {
        let date = |y, m, d| Date::new(y, m, d).expect("a valid date");
        assert_eq!(format_date(date(2024, 1, 22), Lang::Fr), "22/01/2024");
        assert_eq!(format_date(date(2024, 1, 22), Lang::En), "22 Jan 2024");
        assert_eq!(month_year(date(2024, 8, 2), Lang::Fr), "août 2024");
        assert_eq!(month_year(date(2025, 12, 31), Lang::En), "December 2025");
        assert_eq!(
            contract_span(Some(date(2015, 3, 1)), None, Lang::Fr),
            "du 01/03/2015, toujours en cours"
        );
        assert_eq!(
            contract_span(None, Some(date(2024, 1, 1)), Lang::En),
            "start unknown, to 1 Jan 2024"
        );
        assert_eq!(
            period_words(Some(date(2019, 1, 1)), Some(date(2023, 12, 31)), Lang::Fr),
            "du 01/01/2019 au 31/12/2023"
        );
        assert_eq!(period_words(None, None, Lang::En), "");
        assert_eq!(
            milestone_date(date(2023, 12, 1), true, Lang::Fr),
            "vers le 01/12/2023"
        );
        assert_eq!(
            intrusion_line("Viamedis", date(2024, 1, 29), Lang::Fr),
            "Intrusion chez Viamedis\u{a0}: 29/01/2024"
        );
        assert_eq!(
            labelled(Msg::TimelineContract.text(Lang::Fr), "x", Lang::Fr),
            "Votre contrat\u{a0}: x"
        );
    }

    #[test]
    fn numbers_and_attributions_are_words_in_each_language() {
        assert_eq!(about_bits(41.6, Lang::Fr), "environ 42 bits");
        assert_eq!(about_bits(-3.0, Lang::En), "about 0 bits");
        assert_eq!(
            according_to("Mutuelle Exemple", Lang::Fr),
            "selon Mutuelle Exemple"
        );
        assert_eq!(Lang::En.pick("oui", "yes"), "yes");
    }

    #[test]
    fn lang_attribute_accepts_region_forms_and_rejects_others() {
        assert_eq!(Lang::parse("fr-FR"), Some(Lang::Fr));
        assert_eq!(Lang::parse(" EN "), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::parse(""), None);
    }
}
