//! Plain words for the exposure engine's codes: verdicts, reasons, fields, input errors and
//! next steps, in French and English.
//!
//! The engine returns enums so it can be tested without a language; this module is where
//! they become sentences. Every `match` is exhaustive, so a new code without its words fails
//! to compile.

use crate::exposure::{Answer, InputError, NextStep, Reason, Verdict};
use crate::i18n::Lang;
use crate::pack::{Certainty, Field, Grade};

/// Picks the French or English text.
fn pick(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

// Dates are written by the language layer; re-exported so that callers of this module keep
// their path.
pub use crate::i18n::format_date;

impl Verdict {
    /// The headline, in words (never colour alone).
    pub fn headline(self, lang: Lang) -> &'static str {
        match self {
            Verdict::Exposed => pick(
                lang,
                "Vos données ont probablement été exposées",
                "Your data was likely exposed",
            ),
            Verdict::NotExposed => pick(
                lang,
                "Vous n’étiez probablement pas concerné",
                "You were likely not concerned",
            ),
            Verdict::Uncertain => pick(
                lang,
                "Impossible de trancher avec ces informations",
                "These details cannot settle it",
            ),
        }
    }

    /// The short word used per incident.
    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            Verdict::Exposed => pick(lang, "Exposé", "Exposed"),
            Verdict::NotExposed => pick(lang, "Non concerné", "Not concerned"),
            Verdict::Uncertain => pick(lang, "Incertain", "Uncertain"),
        }
    }

    /// One sentence under the headline.
    pub fn summary(self, lang: Lang) -> &'static str {
        match self {
            Verdict::Exposed => pick(
                lang,
                "D’après les sources publiques, les données ci-dessous vous concernant (et vos ayants droit) ont pu être copiées. Votre complémentaire a dû vous prévenir individuellement.",
                "According to public sources, the data below about you (and family members on your card) may have been copied. Your insurer should have told you individually.",
            ),
            Verdict::NotExposed => pick(
                lang,
                "D’après les sources publiques, votre contrat ne figurait pas dans les données volées lors des incidents connus. Restez vigilant : d’autres fuites existent.",
                "According to public sources, your contract was not in the data stolen in the known incidents. Stay alert: other leaks exist.",
            ),
            Verdict::Uncertain => pick(
                lang,
                "Les sources ne permettent pas de conclure dans votre cas. Voici ce qui permettrait de trancher.",
                "The sources do not settle your case. Here is what would.",
            ),
        }
    }
}

impl Reason {
    /// Why, in one sentence.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Reason::OverlapsOperatorPeriod => pick(
                lang,
                "Votre contrat était en cours pendant la période où cet opérateur détenait les données de votre complémentaire, avant l’incident.",
                "Your contract ran while this operator held your insurer's data, before the incident.",
            ),
            Reason::PreviousOperatorStillHeldData => pick(
                lang,
                "Votre complémentaire avait changé d’opérateur peu avant l’incident : l’ancien opérateur détenait encore vos données.",
                "Your insurer had changed operator shortly before the incident: the former operator still held your data.",
            ),
            Reason::FormerMembersIncluded => pick(
                lang,
                "Votre contrat avait pris fin, mais votre complémentaire indique que les anciens adhérents sont concernés.",
                "Your contract had ended, but your insurer says former members are concerned.",
            ),
            Reason::FormerMemberRetentionUnknown => pick(
                lang,
                "Votre contrat avait pris fin avant l’incident ; aucune source ne dit combien de temps l’opérateur conservait ces données.",
                "Your contract had ended before the incident; no source says how long the operator kept such data.",
            ),
            Reason::StartsAfterIncident => pick(
                lang,
                "Votre contrat a commencé plus d’un mois après que l’incident a été rendu public : il ne pouvait pas figurer dans les données volées.",
                "Your contract began more than a month after the incident was made public: it could not be in the stolen data.",
            ),
            Reason::StartsShortlyAfterIncident => pick(
                lang,
                "Votre contrat a commencé moins d’un mois après l’annonce de l’incident : vos droits étaient peut-être déjà chez l’opérateur.",
                "Your contract began less than a month after the incident was announced: your rights may already have been with the operator.",
            ),
            Reason::StartsDuringIncident => pick(
                lang,
                "Votre contrat a commencé entre l’intrusion et son annonce : on ne sait pas s’il figurait déjà dans les données copiées.",
                "Your contract began between the intrusion and its announcement: it may or may not have been in the copied data.",
            ),
            Reason::StartsAfterInsurerCutoff => pick(
                lang,
                "Votre contrat a commencé après la date limite donnée par votre complémentaire.",
                "Your contract began after the cut-off day your insurer gave.",
            ),
            Reason::StartsAfterOperatorPeriod => pick(
                lang,
                "Votre contrat a commencé après que votre complémentaire a quitté cet opérateur.",
                "Your contract began after your insurer had left this operator.",
            ),
            Reason::StartsOnSwitchDay => pick(
                lang,
                "Votre contrat a commencé le jour même où votre complémentaire a changé d’opérateur : on ne sait pas lequel détenait vos données.",
                "Your contract began on the very day your insurer changed operator: it is not known which one held your data.",
            ),
            Reason::OperatorJoinedAfterIncident => pick(
                lang,
                "Votre complémentaire n’est passée par cet opérateur que plus d’un mois après l’annonce de l’incident.",
                "Your insurer began with this operator more than a month after the incident was announced.",
            ),
            Reason::OperatorJoinedShortlyAfterIncident => pick(
                lang,
                "Votre complémentaire est passée par cet opérateur peu après l’incident : ses données y étaient peut-être déjà.",
                "Your insurer began with this operator shortly after the incident: its data may already have been there.",
            ),
            Reason::EndedBeforeOperatorPeriod => pick(
                lang,
                "Votre contrat a pris fin avant que votre complémentaire ne passe par cet opérateur.",
                "Your contract ended before your insurer used this operator.",
            ),
            Reason::EndedBeforeInsurerWindow => pick(
                lang,
                "Votre contrat a pris fin avant la période que votre complémentaire déclare concernée.",
                "Your contract ended before the period your insurer says is concerned.",
            ),
            Reason::PartialScope => pick(
                lang,
                "Votre complémentaire ne passait par cet opérateur que pour certains contrats ou certains soins.",
                "Your insurer used this operator only for some contracts or some kinds of care.",
            ),
            Reason::SomeBeneficiariesOnly => pick(
                lang,
                "Seule une partie des personnes concernées par cet opérateur ou ce logiciel figure dans les données volées.",
                "Only some of the people this operator or software concerns are in the stolen data.",
            ),
            Reason::OnlyPressSources => pick(
                lang,
                "Le lien entre votre complémentaire et cet opérateur vient de la presse, pas d’une source officielle.",
                "The link between your insurer and this operator comes from the press, not an official source.",
            ),
            Reason::OnlyWeakSources => pick(
                lang,
                "Le lien entre votre complémentaire et cet opérateur ne repose que sur des sources peu fiables.",
                "The link between your insurer and this operator rests on unreliable sources only.",
            ),
            Reason::OperatorFromCard => pick(
                lang,
                "Résultat établi à partir de l’opérateur que vous avez lu sur votre carte.",
                "Based on the operator you read on your card.",
            ),
            Reason::CardShowsCurrentOperator => pick(
                lang,
                "Une carte émise depuis 2024 montre l’opérateur d’aujourd’hui, pas forcément celui de janvier 2024.",
                "A card issued since 2024 shows today's operator, not necessarily the January 2024 one.",
            ),
            Reason::NetworkIsNotOperator => pick(
                lang,
                "Ce logo est celui d’un réseau de soins, pas de l’opérateur de tiers payant : il ne dit pas qui détenait vos données.",
                "This logo is a care network's, not the tiers-payant operator's: it does not tell who held your data.",
            ),
            Reason::OperatorUnknown => pick(
                lang,
                "Sans connaître votre complémentaire ni votre opérateur, on ne peut pas conclure.",
                "Without your insurer or your operator, this cannot be settled.",
            ),
            Reason::OperatorNotLinked => pick(
                lang,
                "Les sources relient votre complémentaire à d’autres opérateurs, mais aucune ne dit qu’elle n’utilisait pas celui-ci : votre carte peut le dire.",
                "The sources link your insurer to other operators, but none says it did not use this one: your card may tell.",
            ),
            Reason::InsurerOperatorUnknown => pick(
                lang,
                "Aucune déclaration publique de votre complémentaire sur son opérateur de tiers payant n’a été trouvée : regardez votre carte.",
                "No public statement by your insurer on its tiers-payant operator was found: look at your card.",
            ),
            Reason::OperatorNotUsed => pick(
                lang,
                "Une source indique les opérateurs que votre complémentaire utilisait alors, et celui-ci n’en faisait pas partie.",
                "A source gives the operators your insurer used then, and this one was not among them.",
            ),
            Reason::InsurerSaysNotConcerned => pick(
                lang,
                "Votre complémentaire a déclaré publiquement que ses adhérents n’étaient pas concernés.",
                "Your insurer said publicly that its members were not concerned.",
            ),
            Reason::AnsweredYes => pick(
                lang,
                "Vous avez répondu oui à la question propre à cet incident.",
                "You answered yes to this incident's own question.",
            ),
            Reason::AnsweredNo => pick(
                lang,
                "Vous avez répondu non à la question propre à cet incident : il ne concerne que les personnes pour qui la réponse est oui.",
                "You answered no to this incident's own question: it concerns only people for whom the answer is yes.",
            ),
            Reason::AnsweredDontKnow => pick(
                lang,
                "Sans la réponse à la question propre à cet incident, on ne peut pas conclure.",
                "Without the answer to this incident's own question, this cannot be settled.",
            ),
            Reason::EarlierOperatorUnknown => pick(
                lang,
                "Les sources ne disent pas quel opérateur votre complémentaire utilisait avant cette période : votre contrat a pu y figurer.",
                "The sources do not say which operator your insurer used before this period: your contract may have been with it.",
            ),
            Reason::DatesUnknown => pick(
                lang,
                "Indiquez les dates de votre contrat pour obtenir une réponse.",
                "Enter your contract dates to get an answer.",
            ),
            Reason::StartUnknown => pick(
                lang,
                "Indiquez la date de début de votre contrat pour obtenir une réponse.",
                "Enter your contract start date to get an answer.",
            ),
        }
    }
}

impl Answer {
    /// The answer as a form offers it to an incident's own question.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Answer::Yes => pick(lang, "Oui", "Yes"),
            Answer::No => pick(lang, "Non", "No"),
            Answer::DontKnow => pick(lang, "Je ne sais pas", "I don't know"),
        }
    }
}

impl Field {
    /// The field's name.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::LastName => pick(lang, "Nom", "Last name"),
            Field::FirstName => pick(lang, "Prénom", "First name"),
            Field::Sex => pick(lang, "Sexe", "Sex"),
            Field::BirthDate => pick(lang, "Date de naissance", "Date of birth"),
            Field::BirthRank => pick(lang, "Rang de naissance", "Birth rank"),
            Field::Nir => pick(
                lang,
                "Numéro de sécurité sociale (NIR)",
                "Social security number (NIR)",
            ),
            Field::InsurerName => pick(lang, "Nom de la complémentaire", "Insurer's name"),
            Field::MemberNumber => pick(lang, "Numéro d’adhérent", "Member number"),
            Field::ContractNumber => pick(lang, "Numéro de contrat", "Contract number"),
            Field::OperatorReference => pick(
                lang,
                "Référence interne de l’opérateur",
                "Operator's internal reference",
            ),
            Field::Guarantees => pick(lang, "Garanties du contrat", "Contract guarantees"),
            Field::Bank => pick(lang, "Coordonnées bancaires", "Bank details"),
            Field::Medical => pick(lang, "Données médicales", "Medical data"),
            Field::Reimbursements => pick(lang, "Remboursements", "Reimbursements"),
            Field::PostalAddress => pick(lang, "Adresse postale", "Postal address"),
            Field::Phone => pick(lang, "Téléphone", "Phone number"),
            Field::Email => pick(lang, "Adresse e-mail", "E-mail address"),
            Field::Password => pick(lang, "Mots de passe", "Passwords"),
        }
    }

    /// What a fraudster can do with it, in one plain sentence.
    pub fn risk(self, lang: Lang) -> &'static str {
        match self {
            Field::LastName | Field::FirstName => pick(
                lang,
                "Permet de vous écrire ou de vous appeler en vous nommant, pour paraître crédible.",
                "Lets a fraudster address you by name to sound genuine.",
            ),
            Field::Sex => pick(
                lang,
                "Complète le profil utilisé pour des messages ciblés.",
                "Completes the profile used for targeted messages.",
            ),
            Field::BirthDate => pick(
                lang,
                "Sert souvent de question de sécurité ou de mot de passe : ne l’utilisez pas comme tel.",
                "Often used as a security answer or in passwords: do not use it that way.",
            ),
            Field::BirthRank => pick(
                lang,
                "Détail technique qui rend un faux message de l’assurance maladie plus crédible.",
                "A technical detail that makes a fake health-insurance message more convincing.",
            ),
            Field::Nir => pick(
                lang,
                "Permet un hameçonnage ciblé et des tentatives d’usurpation d’identité, mais ne suffit pas seul pour entrer dans votre compte ameli ; il ne peut pas être changé.",
                "Enables targeted phishing and identity-fraud attempts, but alone does not open your ameli account; it cannot be changed.",
            ),
            Field::InsurerName => pick(
                lang,
                "Permet d’imiter votre complémentaire dans un faux e-mail ou SMS.",
                "Lets a fraudster impersonate your insurer in a fake e-mail or text.",
            ),
            Field::MemberNumber | Field::ContractNumber | Field::OperatorReference => pick(
                lang,
                "Rend crédible un faux message sur vos remboursements : votre complémentaire ne vous demandera jamais vos coordonnées bancaires ou mots de passe.",
                "Makes a fake message about your reimbursements convincing: your insurer will never ask for your bank details or passwords.",
            ),
            Field::Guarantees => pick(
                lang,
                "Indique votre niveau de couverture, utile pour de fausses offres ou de faux remboursements.",
                "Shows your cover level, useful for fake offers or fake refunds.",
            ),
            Field::Bank => pick(
                lang,
                "Permettrait des prélèvements frauduleux : surveillez vos relevés.",
                "Would allow fraudulent direct debits: watch your statements.",
            ),
            Field::Medical | Field::Reimbursements => pick(
                lang,
                "Donnée de santé sensible, utilisable pour du chantage ou des arnaques ciblées.",
                "Sensitive health data, usable for blackmail or targeted scams.",
            ),
            Field::PostalAddress => pick(
                lang,
                "Permettrait des courriers frauduleux à votre nom.",
                "Would allow fraudulent mail in your name.",
            ),
            Field::Phone => pick(
                lang,
                "Permet des SMS ou appels frauduleux : signalez les SMS suspects au 33700.",
                "Allows scam texts or calls: report suspicious texts to 33700.",
            ),
            Field::Email => pick(
                lang,
                "Permet des e-mails d’hameçonnage ciblés.",
                "Allows targeted phishing e-mails.",
            ),
            Field::Password => pick(
                lang,
                "Permettrait d’entrer dans vos comptes : changez-les.",
                "Would let someone into your accounts: change them.",
            ),
        }
    }
}

impl Certainty {
    /// How sure, in words.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Certainty::Confirmed => pick(lang, "confirmé", "confirmed"),
            Certainty::Possible => pick(lang, "possible", "possible"),
        }
    }
}

impl Grade {
    /// What the grade means, in a few words.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Grade::A => pick(lang, "source officielle", "official source"),
            Grade::B => pick(lang, "presse", "press"),
            Grade::C => pick(lang, "source peu fiable", "low-reliability source"),
        }
    }
}

impl InputError {
    /// The message shown next to the field.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            InputError::EndBeforeStart => pick(
                lang,
                "La date de fin est antérieure à la date de début.",
                "The end date is before the start date.",
            ),
            InputError::StartInFuture => pick(
                lang,
                "La date de début est dans le futur.",
                "The start date is in the future.",
            ),
            InputError::DateOutOfRange(_) => pick(
                lang,
                "Cette date n’est pas valable (jj/mm/aaaa, après 1900).",
                "This date is not valid (after 1900).",
            ),
            InputError::UnknownInsurer => pick(
                lang,
                "Cette complémentaire n’est pas dans notre liste ; choisissez l’opérateur indiqué sur votre carte.",
                "This insurer is not in our list; pick the operator shown on your card instead.",
            ),
            InputError::UnknownOperator => pick(
                lang,
                "Cet opérateur n’est pas dans notre liste ; choisissez « Autre » ou « Je ne sais pas ».",
                "This operator is not in our list; choose “Other” or “I don't know”.",
            ),
        }
    }
}

/// An official page a next step points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    /// The link text.
    pub label: &'static str,
    /// Where it goes.
    pub url: &'static str,
}

impl NextStep {
    /// What to do, in one or two sentences.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            NextStep::BewareOfPhishing => pick(
                lang,
                "Méfiez-vous des e-mails, SMS et appels qui parlent de remboursement bloqué ou de carte Vitale : votre complémentaire et l’Assurance Maladie ne demandent jamais vos coordonnées bancaires ni vos mots de passe.",
                "Beware of e-mails, texts and calls about a blocked refund or your carte Vitale: your insurer and the Assurance Maladie never ask for your bank details or passwords.",
            ),
            NextStep::ChangeNirLoginPasswords => pick(
                lang,
                "Changez les mots de passe des comptes dont l’identifiant est votre numéro de sécurité sociale (ameli, impots.gouv, CAF, FranceConnect), et activez la double authentification quand elle existe.",
                "Change the passwords of accounts whose login is your social security number (ameli, impots.gouv, CAF, FranceConnect), and turn on two-factor authentication where offered.",
            ),
            NextStep::WatchAccounts => pick(
                lang,
                "Vérifiez de temps en temps vos relevés bancaires et vos remboursements de santé.",
                "Check your bank statements and health reimbursements now and then.",
            ),
            NextStep::ReportPhishing => pick(
                lang,
                "Signalez les e-mails frauduleux sur signal-spam.fr et les SMS au 33700.",
                "Report scam e-mails on signal-spam.fr and scam texts to 33700.",
            ),
            NextStep::ComplaintLetter => pick(
                lang,
                "Si vous le souhaitez, déposez plainte avec la lettre-plainte préremplie de cybermalveillance.gouv.fr (facultatif : une enquête est déjà ouverte).",
                "If you wish, file a complaint with the pre-filled complaint letter from cybermalveillance.gouv.fr (optional: an investigation is already open).",
            ),
            NextStep::IdentityTheft => pick(
                lang,
                "En cas d’usurpation d’identité (crédit, compte ou contrat à votre nom), portez plainte et suivez les conseils de cybermalveillance.gouv.fr.",
                "If someone uses your identity (a loan, account or contract in your name), file a complaint and follow cybermalveillance.gouv.fr's advice.",
            ),
            NextStep::AskInsurer => pick(
                lang,
                "Consultez l’avis de votre complémentaire, votre espace adhérent et vos e-mails (spams compris), ou appelez-la : elle seule sait si vous avez été concerné.",
                "Read your insurer's notice, your member area and your e-mails (spam included), or call it: only your insurer knows whether you were concerned.",
            ),
            NextStep::CheckCard => pick(
                lang,
                "Regardez votre carte de tiers payant : le nom ou le logo de l’opérateur y figure souvent.",
                "Look at your tiers-payant card: the operator's name or logo is often printed on it.",
            ),
            NextStep::EnterDates => pick(
                lang,
                "Indiquez les dates de votre contrat.",
                "Enter your contract dates.",
            ),
        }
    }

    /// Official pages for this step.
    pub fn links(self, lang: Lang) -> &'static [Link] {
        const CYBER: Link = Link {
            label: "cybermalveillance.gouv.fr",
            url: "https://www.cybermalveillance.gouv.fr/",
        };
        match (self, lang) {
            (NextStep::BewareOfPhishing, Lang::Fr) => &[Link {
                label: "Assurance Maladie : se protéger du hameçonnage",
                url: "https://assurance-maladie.ameli.fr/presse/2022-04-07-cp-phishing",
            }],
            (NextStep::BewareOfPhishing, Lang::En) => &[Link {
                label: "Assurance Maladie: protecting yourself from phishing (French)",
                url: "https://assurance-maladie.ameli.fr/presse/2022-04-07-cp-phishing",
            }],
            (NextStep::ReportPhishing, _) => &[
                Link {
                    label: "signal-spam.fr",
                    url: "https://www.signal-spam.fr/",
                },
                Link {
                    label: "33700.fr",
                    url: "https://www.33700.fr/",
                },
            ],
            (NextStep::ComplaintLetter | NextStep::IdentityTheft, _) => &[CYBER],
            (NextStep::ChangeNirLoginPasswords, _) => &[Link {
                label: "ameli.fr",
                url: "https://www.ameli.fr/",
            }],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_words_in_both_languages() {
        for lang in Lang::ALL {
            for field in Field::ALL {
                assert!(!field.label(lang).is_empty() && !field.risk(lang).is_empty());
            }
            for verdict in [Verdict::Exposed, Verdict::NotExposed, Verdict::Uncertain] {
                assert!(!verdict.headline(lang).is_empty() && !verdict.summary(lang).is_empty());
            }
            for answer in Answer::ALL {
                assert!(!answer.label(lang).is_empty());
            }
            // Reason::ALL is declared with the enum, so it holds every variant.
            let mut seen = std::collections::BTreeSet::new();
            for reason in Reason::ALL {
                assert!(
                    seen.insert(reason.text(lang)),
                    "{reason:?} shares its words"
                );
            }
        }
        assert!(Field::Nir.risk(Lang::Fr).contains("ameli"));
    }
}
