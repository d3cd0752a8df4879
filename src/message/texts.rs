//! The check's words in French and English, one exhaustive `match` per language.

use super::{ClaimKind, FlagKind, Lookalike, Note, Step, Verdict, closed_ids};
use crate::i18n::Localized;

pub(crate) fn flag_title_fr(kind: FlagKind) -> &'static str {
    match kind {
        FlagKind::UnofficialLink => "Lien vers un site non officiel",
        FlagKind::LookalikeDomain => "Adresse qui imite un site officiel",
        FlagKind::ShortenedLink => "Lien raccourci",
        FlagKind::AsksBankDetails => "Demande de coordonnées bancaires ou de frais",
        FlagKind::AsksCodes => "Demande de code ou de mot de passe",
        FlagKind::AsksNir => "Demande du numéro de sécurité sociale",
        FlagKind::Urgency => "Urgence ou menace",
        FlagKind::PremiumNumber => "Numéro surtaxé à rappeler",
        FlagKind::BreachBait => "La fuite de 2024 comme prétexte",
        FlagKind::Attachment => "Fichier à ouvrir",
    }
}

pub(crate) fn flag_title_en(kind: FlagKind) -> &'static str {
    match kind {
        FlagKind::UnofficialLink => "Link to an unofficial site",
        FlagKind::LookalikeDomain => "Address imitating an official site",
        FlagKind::ShortenedLink => "Shortened link",
        FlagKind::AsksBankDetails => "Asks for bank details or fees",
        FlagKind::AsksCodes => "Asks for a code or a password",
        FlagKind::AsksNir => "Asks for the social security number",
        FlagKind::Urgency => "Urgency or threat",
        FlagKind::PremiumNumber => "Premium-rate number to call",
        FlagKind::BreachBait => "The 2024 breach as a pretext",
        FlagKind::Attachment => "File to open",
    }
}

/// The one sentence on why a flag matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Why(pub FlagKind);

impl Localized for Why {
    fn fr(self) -> &'static str {
        match self.0 {
            FlagKind::UnofficialLink => {
                "Ce lien ne mène pas à un site officiel de l’organisme dont le message se réclame : un vrai message renvoie vers son propre site."
            }
            FlagKind::LookalikeDomain => {
                "Cette adresse ressemble à celle d’un site officiel sans l’être : une lettre changée, un mot ajouté ou un caractère d’un autre alphabet suffit à tromper l’œil."
            }
            FlagKind::ShortenedLink => {
                "Un lien raccourci cache l’adresse où il mène : on ne peut pas vérifier qu’il s’agit d’un site officiel."
            }
            FlagKind::AsksBankDetails => {
                "Aucun organisme sérieux ne demande par message vos coordonnées bancaires ni des frais à payer par un lien."
            }
            FlagKind::AsksCodes => {
                "Un code reçu par SMS ou un mot de passe ne se donne jamais : qui l’obtient peut agir à votre place."
            }
            FlagKind::AsksNir => {
                "L’Assurance Maladie et les complémentaires ne demandent pas votre numéro de sécurité sociale par message."
            }
            FlagKind::Urgency => {
                "L’urgence et les menaces servent à vous faire agir sans vérifier : un vrai organisme laisse le temps et ne menace pas par SMS."
            }
            FlagKind::PremiumNumber => {
                "Ce numéro est surtaxé : le rappeler vous coûte cher, et le vrai numéro de l’organisme figure sur vos documents."
            }
            FlagKind::BreachBait => {
                "Les fraudeurs se servent des fuites de 2024 pour paraître crédibles : une vraie complémentaire ne vous demande rien à cause de la fuite."
            }
            FlagKind::Attachment => {
                "Ce fichier peut installer un programme malveillant ou afficher une fausse page de connexion : ne l’ouvrez pas."
            }
        }
    }

    fn en(self) -> &'static str {
        match self.0 {
            FlagKind::UnofficialLink => {
                "This link does not lead to an official site of the organisation the message claims to be: a genuine message links to its own site."
            }
            FlagKind::LookalikeDomain => {
                "This address looks like an official site's without being it: one changed letter, an added word or a character from another alphabet is enough to fool the eye."
            }
            FlagKind::ShortenedLink => {
                "A shortened link hides where it leads: there is no way to check that it is an official site."
            }
            FlagKind::AsksBankDetails => {
                "No genuine organisation asks for your bank details, or for fees paid through a link, in a message."
            }
            FlagKind::AsksCodes => {
                "A code received by text or a password is never to be given: whoever gets it can act as you."
            }
            FlagKind::AsksNir => {
                "The Assurance Maladie and health insurers do not ask for your social security number in a message."
            }
            FlagKind::Urgency => {
                "Urgency and threats are there to make you act without checking: a genuine organisation gives you time and makes no threats by text."
            }
            FlagKind::PremiumNumber => {
                "This number is premium-rate: calling it costs you, and the organisation's real number is on your own documents."
            }
            FlagKind::BreachBait => {
                "Fraudsters use the 2024 breaches to look credible: a genuine insurer asks nothing of you because of the breach."
            }
            FlagKind::Attachment => {
                "This file can install malware or show a fake login page: do not open it."
            }
        }
    }
}

impl Localized for Verdict {
    fn fr(self) -> &'static str {
        match self {
            Verdict::Suspicious => "Message suspect",
            Verdict::NoRedFlag => "Aucun signal d’alerte trouvé",
        }
    }
    fn en(self) -> &'static str {
        match self {
            Verdict::Suspicious => "Suspicious message",
            Verdict::NoRedFlag => "No red flag found",
        }
    }
}

impl Localized for Step {
    fn fr(self) -> &'static str {
        match self {
            Step::ReportSms33700 => {
                "SMS : transférez-le au 33700 (gratuit), puis supprimez-le sans répondre."
            }
            Step::ReportEmailSignalSpam => "E-mail : signalez-le sur signal-spam.fr.",
            Step::NeverCallBack => "N’appelez aucun numéro donné dans le message.",
            Step::CallInsurerOnCard => {
                "En cas de doute, appelez votre complémentaire au numéro imprimé sur votre carte de tiers payant."
            }
            Step::CallAmeli3646 => {
                "Pour l’Assurance Maladie : votre compte ameli, en tapant vous-même l’adresse, ou le 3646."
            }
            Step::TypeAddressYourself => {
                "Ne suivez pas le lien : tapez vous-même l’adresse du site officiel."
            }
            Step::CardOpposition => {
                "Si vous avez donné votre carte bancaire : faites opposition tout de suite auprès de votre banque."
            }
            Step::ChangePasswords => {
                "Si vous avez donné un mot de passe : changez-le, et partout où vous l’utilisez."
            }
            Step::Help17Cyber => "17Cyber : l’aide de la police et de la gendarmerie, 24 h/24.",
            Step::HelpCybermalveillance => "Conseils et aide : cybermalveillance.gouv.fr.",
        }
    }
    fn en(self) -> &'static str {
        match self {
            Step::ReportSms33700 => {
                "Text message: forward it to 33700 (free), then delete it without replying."
            }
            Step::ReportEmailSignalSpam => "E-mail: report it on signal-spam.fr.",
            Step::NeverCallBack => "Do not call any number given in the message.",
            Step::CallInsurerOnCard => {
                "If in doubt, call your insurer on the number printed on your tiers-payant card."
            }
            Step::CallAmeli3646 => {
                "For the Assurance Maladie: your ameli account, typing the address yourself, or 3646."
            }
            Step::TypeAddressYourself => {
                "Do not follow the link: type the official site's address yourself."
            }
            Step::CardOpposition => {
                "If you gave your card details: have your bank block the card at once."
            }
            Step::ChangePasswords => {
                "If you gave a password: change it, and everywhere you use it."
            }
            Step::Help17Cyber => "17Cyber: help from the police and gendarmerie, 24/7.",
            Step::HelpCybermalveillance => "Advice and help: cybermalveillance.gouv.fr.",
        }
    }
}

impl Localized for ClaimKind {
    fn fr(self) -> &'static str {
        match self {
            ClaimKind::AssuranceMaladie => "l’Assurance Maladie",
            ClaimKind::TaxOffice => "les impôts",
            ClaimKind::PublicService => "un service public",
            ClaimKind::VisitorInsurer => "votre complémentaire santé",
            ClaimKind::Insurer => "une complémentaire santé",
            ClaimKind::Operator => "un opérateur de tiers payant",
            ClaimKind::Bank => "une banque",
            ClaimKind::ParcelCarrier => "un transporteur de colis",
            ClaimKind::HelpService => "un service d’aide",
        }
    }
    fn en(self) -> &'static str {
        match self {
            ClaimKind::AssuranceMaladie => "the Assurance Maladie",
            ClaimKind::TaxOffice => "the tax office",
            ClaimKind::PublicService => "a public service",
            ClaimKind::VisitorInsurer => "your health insurer",
            ClaimKind::Insurer => "a health insurer",
            ClaimKind::Operator => "a tiers-payant operator",
            ClaimKind::Bank => "a bank",
            ClaimKind::ParcelCarrier => "a parcel carrier",
            ClaimKind::HelpService => "a help service",
        }
    }
}

impl Localized for Lookalike {
    fn fr(self) -> &'static str {
        match self {
            Lookalike::BrandInOtherDomain => "le nom officiel est placé dans une autre adresse",
            Lookalike::Typo => "une lettre diffère du nom officiel",
            Lookalike::Confusable => "des caractères imitent ceux du nom officiel",
            Lookalike::MixedScripts => "l’adresse mélange plusieurs alphabets",
            Lookalike::HiddenCharacters => "l’adresse contient des caractères invisibles",
            Lookalike::NameBeforeAt => {
                "le nom officiel est placé avant un « @ » : le vrai site est après"
            }
        }
    }
    fn en(self) -> &'static str {
        match self {
            Lookalike::BrandInOtherDomain => "the official name is put inside another address",
            Lookalike::Typo => "a letter differs from the official name",
            Lookalike::Confusable => "characters imitate those of the official name",
            Lookalike::MixedScripts => "the address mixes several alphabets",
            Lookalike::HiddenCharacters => "the address holds invisible characters",
            Lookalike::NameBeforeAt => {
                "the official name stands before an \"@\": the real site is what follows"
            }
        }
    }
}

impl Localized for Note {
    fn fr(self) -> &'static str {
        match self {
            Note::QuotesLeakedData => {
                "Le message cite un numéro de sécurité sociale : ces numéros ont fuité en 2024, les citer ne prouve pas que le message est authentique."
            }
            Note::LinksNotVerifiable => {
                "Les adresses officielles de cet organisme ne sont pas connues ici : comparez les liens avec l’adresse imprimée sur vos documents."
            }
            Note::SenderCanBeForged => {
                "Une adresse d’expéditeur peut être falsifiée : même officielle, elle ne prouve rien à elle seule."
            }
        }
    }
    fn en(self) -> &'static str {
        match self {
            Note::QuotesLeakedData => {
                "The message quotes a social security number: those numbers leaked in 2024, so quoting one does not prove the message is genuine."
            }
            Note::LinksNotVerifiable => {
                "This organisation's official addresses are not known here: compare the links with the address printed on your documents."
            }
            Note::SenderCanBeForged => {
                "A sender address can be forged: even an official one proves nothing by itself."
            }
        }
    }
}

closed_ids! {
    /// What the check looks for, said beside a `no-red-flag` verdict.
    pub enum Check {
        /// Links compared with the claimed organisation's official domains.
        Links => "links",
        /// Addresses imitating official ones.
        Lookalikes => "lookalikes",
        /// Shortened links.
        Shorteners => "shorteners",
        /// Requests for bank details, fees, codes, passwords, the social security number.
        Requests => "requests",
        /// Deadlines and threats.
        Pressure => "pressure",
        /// Surcharged call-back numbers.
        Numbers => "numbers",
        /// Files to open.
        Files => "files",
        /// The 2024 breaches used as a pretext.
        BreachPretext => "breach-pretext",
    }
}

impl Localized for Check {
    fn fr(self) -> &'static str {
        match self {
            Check::Links => "les liens, comparés aux sites officiels de l’organisme cité",
            Check::Lookalikes => "les adresses qui imitent un site officiel",
            Check::Shorteners => "les liens raccourcis",
            Check::Requests => {
                "les demandes de coordonnées bancaires, de frais, de codes, de mot de passe ou de numéro de sécurité sociale"
            }
            Check::Pressure => "l’urgence et les menaces",
            Check::Numbers => "les numéros surtaxés à rappeler",
            Check::Files => "les fichiers à ouvrir",
            Check::BreachPretext => "la fuite de 2024 utilisée comme prétexte",
        }
    }
    fn en(self) -> &'static str {
        match self {
            Check::Links => "links, compared with the official sites of the organisation named",
            Check::Lookalikes => "addresses imitating an official site",
            Check::Shorteners => "shortened links",
            Check::Requests => {
                "requests for bank details, fees, codes, passwords or the social security number"
            }
            Check::Pressure => "urgency and threats",
            Check::Numbers => "premium-rate numbers to call",
            Check::Files => "files to open",
            Check::BreachPretext => "the 2024 breach used as a pretext",
        }
    }
}

closed_ids! {
    /// Texts said around the verdict.
    pub enum Notice {
        /// Under a `no-red-flag` verdict: it is not a proof.
        NotASafetyCertificate => "not-a-safety-certificate",
        /// Under a `no-red-flag` verdict: what real organisations never ask.
        RealOrganisationsNeverAsk => "real-organisations-never-ask",
        /// Heading of the list of checks.
        WhatWasChecked => "what-was-checked",
        /// Under a `suspicious` verdict.
        DoNotAnswer => "do-not-answer",
        /// When only a prefix was rated.
        Truncated => "truncated",
        /// Before the claimed organisation's name.
        ClaimsToBe => "claims-to-be",
        /// The promise: the text stays on the device.
        StaysHere => "stays-here",
        /// Heading of the message with its flagged parts highlighted.
        Highlighted => "highlighted",
        /// Heading of the list of red flags.
        FlagsHeading => "flags-heading",
        /// Before a flag's own steps.
        FlagSteps => "flag-steps",
        /// Heading of the general next steps.
        NextSteps => "next-steps",
        /// Before the text that raised a flag.
        Found => "found",
    }
}

impl Localized for Notice {
    fn fr(self) -> &'static str {
        match self {
            Notice::NotASafetyCertificate => {
                "Cela ne prouve pas que le message est authentique : un message frauduleux peut ne présenter aucun de ces signaux."
            }
            Notice::RealOrganisationsNeverAsk => {
                "Un vrai organisme ne vous demande jamais par message vos coordonnées bancaires, un code reçu par SMS, un mot de passe ou votre numéro de sécurité sociale. Au moindre doute, contactez-le par le numéro ou l’adresse que vous connaissez."
            }
            Notice::WhatWasChecked => "Ce qui a été vérifié :",
            Notice::DoNotAnswer => {
                "Ne cliquez sur aucun lien, ne répondez pas et ne rappelez aucun numéro du message."
            }
            Notice::Truncated => "Le texte est très long : seul son début a été analysé.",
            Notice::ClaimsToBe => "Le message se présente comme venant de :",
            Notice::StaysHere => {
                "Le message est analysé sur cet appareil : il n’est envoyé nulle part, et ses liens ne sont pas ouverts."
            }
            Notice::Highlighted => "Le message, passages en cause surlignés",
            Notice::FlagsHeading => "Signaux d’alerte",
            Notice::FlagSteps => "Que faire :",
            Notice::NextSteps => "Que faire ensuite",
            Notice::Found => "Dans le message :",
        }
    }
    fn en(self) -> &'static str {
        match self {
            Notice::NotASafetyCertificate => {
                "This does not prove the message is genuine: a fraudulent message may show none of these signs."
            }
            Notice::RealOrganisationsNeverAsk => {
                "A genuine organisation never asks you, in a message, for your bank details, a code received by text, a password or your social security number. If in doubt, contact it through the number or address you know."
            }
            Notice::WhatWasChecked => "What was checked:",
            Notice::DoNotAnswer => {
                "Do not click any link, do not reply and do not call any number from the message."
            }
            Notice::Truncated => "The text is very long: only its beginning was checked.",
            Notice::ClaimsToBe => "The message presents itself as coming from:",
            Notice::StaysHere => {
                "The message is checked on this device: it is sent nowhere, and its links are not opened."
            }
            Notice::Highlighted => "The message, with the parts at issue highlighted",
            Notice::FlagsHeading => "Red flags",
            Notice::FlagSteps => "What to do:",
            Notice::NextSteps => "What to do next",
            Notice::Found => "In the message:",
        }
    }
}

closed_ids! {
    /// The message section's own labels: what the widget shows before, or without, the
    /// engine's answer. They are the only words of the message check in the widget's own
    /// module; the report's come with the engine's answer ([`super::wire`]).
    pub enum Label {
        /// The section's heading.
        Heading => "heading",
        /// Under the heading: what the check does, and that the text stays here.
        Intro => "intro",
        /// The text box's label.
        TextLabel => "text-label",
        /// Under the text box.
        TextHint => "text-hint",
        /// While the engine loads.
        Loading => "loading",
        /// The engine could not load.
        Unavailable => "unavailable",
        /// The engine answered something unreadable, or failed.
        Failed => "failed",
    }
}

impl Localized for Label {
    fn fr(self) -> &'static str {
        match self {
            Label::Heading => "Ce SMS ou cet e-mail est-il une arnaque ?",
            Label::Intro => {
                "Collez le texte d’un message reçu : le widget cherche les signaux d’alerte de l’hameçonnage. Le texte est analysé sur cet appareil : il n’est envoyé nulle part, et ses liens ne sont pas ouverts."
            }
            Label::TextLabel => "Texte du message (SMS ou e-mail, avec ou sans en-têtes)",
            Label::TextHint => {
                "Copiez le message sans cliquer sur ses liens. Seuls les 20 000 premiers caractères environ d’un très long texte sont analysés."
            }
            Label::Loading => "Chargement de la vérification des messages…",
            Label::Unavailable => {
                "La vérification des messages n’a pas pu se charger sur cette page. En attendant : ne cliquez sur aucun lien, et contactez l’organisme par le numéro ou l’adresse que vous connaissez."
            }
            Label::Failed => {
                "La vérification n’a pas pu analyser ce texte. Ne cliquez sur aucun lien, et contactez l’organisme par le numéro ou l’adresse que vous connaissez."
            }
        }
    }
    fn en(self) -> &'static str {
        match self {
            Label::Heading => "Is this text message or e-mail a scam?",
            Label::Intro => {
                "Paste the text of a message you received: the widget looks for the red flags of phishing. The text is checked on this device: it is sent nowhere, and its links are not opened."
            }
            Label::TextLabel => "Text of the message (text message or e-mail, headers or not)",
            Label::TextHint => {
                "Copy the message without clicking its links. Only about the first 20,000 characters of a very long text are checked."
            }
            Label::Loading => "Loading the message check…",
            Label::Unavailable => {
                "The message check could not load on this page. Meanwhile: do not click any link, and contact the organisation through the number or address you know."
            }
            Label::Failed => {
                "The check could not read this text. Do not click any link, and contact the organisation through the number or address you know."
            }
        }
    }
}
