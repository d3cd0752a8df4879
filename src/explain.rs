//! Plain words for the exposure engine's codes: verdicts, reasons, fields, input errors, next
//! steps and the marks of the member card, in French and English.
//!
//! The engine returns enums so it can be tested without a language; this module is where
//! they become sentences, by the crate's one idiom ([`Localized`]: one exhaustive `match` per
//! language, so a new code without its words fails to compile). A code that is said in more
//! than one way has a small wrapper per way ([`Headline`], [`Summary`], [`Gist`],
//! [`FieldRisk`], [`FieldShort`]), as the message check's `Why` does.

use crate::date::Date;
use crate::exposure::{Answer, InputError, NextStep, Reason, Verdict};
use crate::glance::Mark;
use crate::i18n::{Lang, Localized, according_to, month_year};
use crate::pack::{Certainty, Field, Grade};

// Dates are written by the language layer; re-exported so that callers of this module keep
// their path.
pub use crate::i18n::format_date;

/// A verdict's headline, in words (never colour alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Headline(pub Verdict);

/// The sentence that explains a verdict in general terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary(pub Verdict);

/// A reason in a few words, for the one-line answer (the full sentence is the reason's own
/// [`Localized`] text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gist(pub Reason);

/// What a fraudster can do with a field, in one plain sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldRisk(pub Field);

/// A field's name short enough for the member card (about 17 characters at most).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldShort(pub Field);

/// An incident at an operator, as the one-line answer names it: "fuite Viamedis, janvier
/// 2024" / "Viamedis breach, January 2024".
pub fn breach_name(operator: &str, intrusion: Date, lang: Lang) -> String {
    let month = month_year(intrusion, lang);
    match lang {
        Lang::Fr => format!("fuite {operator}, {month}"),
        Lang::En => format!("{operator} breach, {month}"),
    }
}

/// The one-line answer for an incident: "Probablement exposé — fuite Viamedis, janvier
/// 2024", followed by ", selon Mutuelle Exemple" when the facts are the host page's
/// (`according_to`: the insurer's name).
pub fn answer_line(
    verdict: Verdict,
    incident_name: &str,
    according: Option<&str>,
    lang: Lang,
) -> String {
    let line = format!("{} — {incident_name}", verdict.text(lang));
    match according {
        Some(name) => format!("{line}, {}", according_to(name, lang)),
        None => line,
    }
}

/// The short verdict word of an incident's line: "Probablement exposé", "Incertain".
impl Localized for Verdict {
    fn fr(self) -> &'static str {
        match self {
            Verdict::Exposed => "Probablement exposé",
            Verdict::NotExposed => "Probablement non concerné",
            Verdict::Uncertain => "Incertain",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Verdict::Exposed => "Likely exposed",
            Verdict::NotExposed => "Likely not concerned",
            Verdict::Uncertain => "Uncertain",
        }
    }
}

/// How the member card marks a field.
impl Localized for Mark {
    fn fr(self) -> &'static str {
        match self {
            Mark::Exposed => "exposé",
            Mark::Possible => "possible",
            Mark::Safe => "non exposé",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Mark::Exposed => "exposed",
            Mark::Possible => "possible",
            Mark::Safe => "not exposed",
        }
    }
}

impl Localized for Gist {
    fn fr(self) -> &'static str {
        match self.0 {
            Reason::OverlapsOperatorPeriod => "contrat en cours au moment de l’incident",
            Reason::PreviousOperatorStillHeldData => "l’ancien opérateur gardait vos données",
            Reason::FormerMembersIncluded => "les anciens adhérents sont concernés",
            Reason::FormerMemberRetentionUnknown => "durée de conservation inconnue",
            Reason::StartsAfterIncident => "contrat commencé après l’incident",
            Reason::StartsShortlyAfterIncident => "contrat commencé juste après l’annonce",
            Reason::StartsDuringIncident => "contrat commencé pendant l’incident",
            Reason::StartsAfterInsurerCutoff => {
                "contrat commencé après la date limite de votre complémentaire"
            }
            Reason::StartsAfterOperatorPeriod => "contrat commencé après le changement d’opérateur",
            Reason::StartsOnSwitchDay => "contrat commencé le jour du changement d’opérateur",
            Reason::EndedBeforeOperatorPeriod => "contrat terminé avant cet opérateur",
            Reason::EndedBeforeInsurerWindow => "contrat terminé avant la période concernée",
            Reason::OperatorJoinedAfterIncident => "opérateur choisi après l’incident",
            Reason::OperatorJoinedShortlyAfterIncident => "opérateur choisi juste après l’incident",
            Reason::PartialScope => "seuls certains contrats passaient par cet opérateur",
            Reason::SomeBeneficiariesOnly => "seule une partie des personnes est touchée",
            Reason::OnlyPressSources => "selon la presse",
            Reason::OnlyWeakSources => "sources peu fiables",
            Reason::OperatorFromCard => "d’après votre carte",
            Reason::CardShowsCurrentOperator => "votre carte montre l’opérateur d’aujourd’hui",
            Reason::NetworkIsNotOperator => "un réseau de soins n’est pas l’opérateur",
            Reason::OperatorUnknown => "opérateur inconnu",
            Reason::OperatorNotLinked => "aucune source ne dit si votre complémentaire l’utilisait",
            Reason::InsurerOperatorUnknown => "opérateur de votre complémentaire inconnu",
            Reason::EarlierOperatorUnknown => "opérateur d’avant inconnu",
            Reason::OperatorNotUsed => "votre complémentaire ne l’utilisait pas",
            Reason::InsurerSaysNotConcerned => "votre complémentaire se déclare non concernée",
            Reason::DatesUnknown => "indiquez vos dates",
            Reason::StartUnknown => "indiquez la date de début",
            Reason::AnsweredYes => "vous avez répondu oui",
            Reason::AnsweredNo => "vous avez répondu non",
            Reason::AnsweredDontKnow => "sans votre réponse",
        }
    }

    fn en(self) -> &'static str {
        match self.0 {
            Reason::OverlapsOperatorPeriod => "contract running at the time",
            Reason::PreviousOperatorStillHeldData => "the former operator still held your data",
            Reason::FormerMembersIncluded => "former members are concerned",
            Reason::FormerMemberRetentionUnknown => "how long data was kept is unknown",
            Reason::StartsAfterIncident => "contract began after it",
            Reason::StartsShortlyAfterIncident => "contract began just after it was announced",
            Reason::StartsDuringIncident => "contract began during it",
            Reason::StartsAfterInsurerCutoff => "contract began after your insurer's cut-off",
            Reason::StartsAfterOperatorPeriod => "contract began after the operator changed",
            Reason::StartsOnSwitchDay => "contract began on the switch day",
            Reason::EndedBeforeOperatorPeriod => "contract ended before this operator",
            Reason::EndedBeforeInsurerWindow => "contract ended before the period concerned",
            Reason::OperatorJoinedAfterIncident => "operator taken on after it",
            Reason::OperatorJoinedShortlyAfterIncident => "operator taken on just after it",
            Reason::PartialScope => "only some contracts used this operator",
            Reason::SomeBeneficiariesOnly => "only some people are affected",
            Reason::OnlyPressSources => "according to the press",
            Reason::OnlyWeakSources => "unreliable sources only",
            Reason::OperatorFromCard => "from your card",
            Reason::CardShowsCurrentOperator => "your card shows today's operator",
            Reason::NetworkIsNotOperator => "a care network is not the operator",
            Reason::OperatorUnknown => "operator unknown",
            Reason::OperatorNotLinked => "no source says whether your insurer used it",
            Reason::InsurerOperatorUnknown => "your insurer's operator is unknown",
            Reason::EarlierOperatorUnknown => "earlier operator unknown",
            Reason::OperatorNotUsed => "your insurer did not use it",
            Reason::InsurerSaysNotConcerned => "your insurer says it was not concerned",
            Reason::DatesUnknown => "enter your dates",
            Reason::StartUnknown => "enter the start date",
            Reason::AnsweredYes => "you answered yes",
            Reason::AnsweredNo => "you answered no",
            Reason::AnsweredDontKnow => "without your answer",
        }
    }
}

impl Localized for FieldShort {
    fn fr(self) -> &'static str {
        match self.0 {
            Field::LastName => "Nom",
            Field::FirstName => "Prénom",
            Field::Sex => "Sexe",
            Field::BirthDate => "Date de naissance",
            Field::BirthRank => "Rang de naissance",
            Field::Nir => "N° de sécu (NIR)",
            Field::InsurerName => "Complémentaire",
            Field::MemberNumber => "N° d’adhérent",
            Field::ContractNumber => "N° de contrat",
            Field::OperatorReference => "Réf. opérateur",
            Field::Guarantees => "Garanties",
            Field::Bank => "Banque (RIB)",
            Field::Medical => "Données médicales",
            Field::Reimbursements => "Remboursements",
            Field::PostalAddress => "Adresse",
            Field::Phone => "Téléphone",
            Field::Email => "E-mail",
            Field::Password => "Mots de passe",
        }
    }

    fn en(self) -> &'static str {
        match self.0 {
            Field::LastName => "Last name",
            Field::FirstName => "First name",
            Field::Sex => "Sex",
            Field::BirthDate => "Date of birth",
            Field::BirthRank => "Birth rank",
            Field::Nir => "Social security no.",
            Field::InsurerName => "Insurer",
            Field::MemberNumber => "Member no.",
            Field::ContractNumber => "Contract no.",
            Field::OperatorReference => "Operator ref.",
            Field::Guarantees => "Guarantees",
            Field::Bank => "Bank details",
            Field::Medical => "Medical data",
            Field::Reimbursements => "Reimbursements",
            Field::PostalAddress => "Address",
            Field::Phone => "Phone",
            Field::Email => "E-mail",
            Field::Password => "Passwords",
        }
    }
}

impl Localized for Headline {
    fn fr(self) -> &'static str {
        match self.0 {
            Verdict::Exposed => "Vos données ont probablement été exposées",
            Verdict::NotExposed => "Vous n’étiez probablement pas concerné",
            Verdict::Uncertain => "Impossible de trancher avec ces informations",
        }
    }

    fn en(self) -> &'static str {
        match self.0 {
            Verdict::Exposed => "Your data was likely exposed",
            Verdict::NotExposed => "You were likely not concerned",
            Verdict::Uncertain => "These details cannot settle it",
        }
    }
}

impl Localized for Summary {
    fn fr(self) -> &'static str {
        match self.0 {
            Verdict::Exposed => {
                "D’après les sources publiques, les données ci-dessous vous concernant (et vos ayants droit) ont pu être copiées. Votre complémentaire a dû vous prévenir individuellement."
            }
            Verdict::NotExposed => {
                "D’après les sources publiques, votre contrat ne figurait pas dans les données volées lors des incidents connus. Restez vigilant\u{a0}: d’autres fuites existent."
            }
            Verdict::Uncertain => {
                "Les sources ne permettent pas de conclure dans votre cas. Voici ce qui permettrait de trancher."
            }
        }
    }

    fn en(self) -> &'static str {
        match self.0 {
            Verdict::Exposed => {
                "According to public sources, the data below about you (and family members on your card) may have been copied. Your insurer should have told you individually."
            }
            Verdict::NotExposed => {
                "According to public sources, your contract was not in the data stolen in the known incidents. Stay alert: other leaks exist."
            }
            Verdict::Uncertain => "The sources do not settle your case. Here is what would.",
        }
    }
}

/// Why, in one sentence.
impl Localized for Reason {
    fn fr(self) -> &'static str {
        match self {
            Reason::OverlapsOperatorPeriod => {
                "Votre contrat était en cours pendant la période où cet opérateur détenait les données de votre complémentaire, avant l’incident."
            }
            Reason::PreviousOperatorStillHeldData => {
                "Votre complémentaire avait changé d’opérateur peu avant l’incident\u{a0}: l’ancien opérateur détenait encore vos données."
            }
            Reason::FormerMembersIncluded => {
                "Votre contrat avait pris fin, mais votre complémentaire indique que les anciens adhérents sont concernés."
            }
            Reason::FormerMemberRetentionUnknown => {
                "Votre contrat avait pris fin avant l’incident\u{a0}; aucune source ne dit combien de temps l’opérateur conservait ces données."
            }
            Reason::StartsAfterIncident => {
                "Votre contrat a commencé plus d’un mois après que l’incident a été rendu public\u{a0}: il ne pouvait pas figurer dans les données volées."
            }
            Reason::StartsShortlyAfterIncident => {
                "Votre contrat a commencé moins d’un mois après l’annonce de l’incident\u{a0}: vos droits étaient peut-être déjà chez l’opérateur."
            }
            Reason::StartsDuringIncident => {
                "Votre contrat a commencé entre l’intrusion et son annonce\u{a0}: on ne sait pas s’il figurait déjà dans les données copiées."
            }
            Reason::StartsAfterInsurerCutoff => {
                "Votre contrat a commencé après la date limite donnée par votre complémentaire."
            }
            Reason::StartsAfterOperatorPeriod => {
                "Votre contrat a commencé après que votre complémentaire a quitté cet opérateur."
            }
            Reason::StartsOnSwitchDay => {
                "Votre contrat a commencé le jour même où votre complémentaire a changé d’opérateur\u{a0}: on ne sait pas lequel détenait vos données."
            }
            Reason::OperatorJoinedAfterIncident => {
                "Votre complémentaire n’est passée par cet opérateur que plus d’un mois après l’annonce de l’incident."
            }
            Reason::OperatorJoinedShortlyAfterIncident => {
                "Votre complémentaire est passée par cet opérateur peu après l’incident\u{a0}: ses données y étaient peut-être déjà."
            }
            Reason::EndedBeforeOperatorPeriod => {
                "Votre contrat a pris fin avant que votre complémentaire ne passe par cet opérateur."
            }
            Reason::EndedBeforeInsurerWindow => {
                "Votre contrat a pris fin avant la période que votre complémentaire déclare concernée."
            }
            Reason::PartialScope => {
                "Votre complémentaire ne passait par cet opérateur que pour certains contrats ou certains soins."
            }
            Reason::SomeBeneficiariesOnly => {
                "Seule une partie des personnes concernées par cet opérateur ou ce logiciel figure dans les données volées."
            }
            Reason::OnlyPressSources => {
                "Le lien entre votre complémentaire et cet opérateur vient de la presse, pas d’une source officielle."
            }
            Reason::OnlyWeakSources => {
                "Le lien entre votre complémentaire et cet opérateur ne repose que sur des sources peu fiables."
            }
            Reason::OperatorFromCard => {
                "Résultat établi à partir de l’opérateur que vous avez lu sur votre carte."
            }
            Reason::CardShowsCurrentOperator => {
                "Une carte émise depuis 2024 montre l’opérateur d’aujourd’hui, pas forcément celui de janvier 2024."
            }
            Reason::NetworkIsNotOperator => {
                "Ce logo est celui d’un réseau de soins, pas de l’opérateur de tiers payant\u{a0}: il ne dit pas qui détenait vos données."
            }
            Reason::OperatorUnknown => {
                "Sans connaître votre complémentaire ni votre opérateur, on ne peut pas conclure."
            }
            Reason::OperatorNotLinked => {
                "Les sources relient votre complémentaire à d’autres opérateurs, mais aucune ne dit qu’elle n’utilisait pas celui-ci\u{a0}: votre carte peut le dire."
            }
            Reason::InsurerOperatorUnknown => {
                "Aucune déclaration publique de votre complémentaire sur son opérateur de tiers payant n’a été trouvée\u{a0}: regardez votre carte."
            }
            Reason::OperatorNotUsed => {
                "Une source indique les opérateurs que votre complémentaire utilisait alors, et celui-ci n’en faisait pas partie."
            }
            Reason::InsurerSaysNotConcerned => {
                "Votre complémentaire a déclaré publiquement que ses adhérents n’étaient pas concernés."
            }
            Reason::AnsweredYes => "Vous avez répondu oui à la question propre à cet incident.",
            Reason::AnsweredNo => {
                "Vous avez répondu non à la question propre à cet incident\u{a0}: il ne concerne que les personnes pour qui la réponse est oui."
            }
            Reason::AnsweredDontKnow => {
                "Sans la réponse à la question propre à cet incident, on ne peut pas conclure."
            }
            Reason::EarlierOperatorUnknown => {
                "Les sources ne disent pas quel opérateur votre complémentaire utilisait avant cette période\u{a0}: votre contrat a pu y figurer."
            }
            Reason::DatesUnknown => "Indiquez les dates de votre contrat pour obtenir une réponse.",
            Reason::StartUnknown => {
                "Indiquez la date de début de votre contrat pour obtenir une réponse."
            }
        }
    }

    fn en(self) -> &'static str {
        match self {
            Reason::OverlapsOperatorPeriod => {
                "Your contract ran while this operator held your insurer's data, before the incident."
            }
            Reason::PreviousOperatorStillHeldData => {
                "Your insurer had changed operator shortly before the incident: the former operator still held your data."
            }
            Reason::FormerMembersIncluded => {
                "Your contract had ended, but your insurer says former members are concerned."
            }
            Reason::FormerMemberRetentionUnknown => {
                "Your contract had ended before the incident; no source says how long the operator kept such data."
            }
            Reason::StartsAfterIncident => {
                "Your contract began more than a month after the incident was made public: it could not be in the stolen data."
            }
            Reason::StartsShortlyAfterIncident => {
                "Your contract began less than a month after the incident was announced: your rights may already have been with the operator."
            }
            Reason::StartsDuringIncident => {
                "Your contract began between the intrusion and its announcement: it may or may not have been in the copied data."
            }
            Reason::StartsAfterInsurerCutoff => {
                "Your contract began after the cut-off day your insurer gave."
            }
            Reason::StartsAfterOperatorPeriod => {
                "Your contract began after your insurer had left this operator."
            }
            Reason::StartsOnSwitchDay => {
                "Your contract began on the very day your insurer changed operator: it is not known which one held your data."
            }
            Reason::OperatorJoinedAfterIncident => {
                "Your insurer began with this operator more than a month after the incident was announced."
            }
            Reason::OperatorJoinedShortlyAfterIncident => {
                "Your insurer began with this operator shortly after the incident: its data may already have been there."
            }
            Reason::EndedBeforeOperatorPeriod => {
                "Your contract ended before your insurer used this operator."
            }
            Reason::EndedBeforeInsurerWindow => {
                "Your contract ended before the period your insurer says is concerned."
            }
            Reason::PartialScope => {
                "Your insurer used this operator only for some contracts or some kinds of care."
            }
            Reason::SomeBeneficiariesOnly => {
                "Only some of the people this operator or software concerns are in the stolen data."
            }
            Reason::OnlyPressSources => {
                "The link between your insurer and this operator comes from the press, not an official source."
            }
            Reason::OnlyWeakSources => {
                "The link between your insurer and this operator rests on unreliable sources only."
            }
            Reason::OperatorFromCard => "Based on the operator you read on your card.",
            Reason::CardShowsCurrentOperator => {
                "A card issued since 2024 shows today's operator, not necessarily the January 2024 one."
            }
            Reason::NetworkIsNotOperator => {
                "This logo is a care network's, not the tiers-payant operator's: it does not tell who held your data."
            }
            Reason::OperatorUnknown => {
                "Without your insurer or your operator, this cannot be settled."
            }
            Reason::OperatorNotLinked => {
                "The sources link your insurer to other operators, but none says it did not use this one: your card may tell."
            }
            Reason::InsurerOperatorUnknown => {
                "No public statement by your insurer on its tiers-payant operator was found: look at your card."
            }
            Reason::OperatorNotUsed => {
                "A source gives the operators your insurer used then, and this one was not among them."
            }
            Reason::InsurerSaysNotConcerned => {
                "Your insurer said publicly that its members were not concerned."
            }
            Reason::AnsweredYes => "You answered yes to this incident's own question.",
            Reason::AnsweredNo => {
                "You answered no to this incident's own question: it concerns only people for whom the answer is yes."
            }
            Reason::AnsweredDontKnow => {
                "Without the answer to this incident's own question, this cannot be settled."
            }
            Reason::EarlierOperatorUnknown => {
                "The sources do not say which operator your insurer used before this period: your contract may have been with it."
            }
            Reason::DatesUnknown => "Enter your contract dates to get an answer.",
            Reason::StartUnknown => "Enter your contract start date to get an answer.",
        }
    }
}

/// The answer as a form offers it to an incident's own question.
impl Localized for Answer {
    fn fr(self) -> &'static str {
        match self {
            Answer::Yes => "Oui",
            Answer::No => "Non",
            Answer::DontKnow => "Je ne sais pas",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Answer::Yes => "Yes",
            Answer::No => "No",
            Answer::DontKnow => "I don't know",
        }
    }
}

/// The field's name.
impl Localized for Field {
    fn fr(self) -> &'static str {
        match self {
            Field::LastName => "Nom",
            Field::FirstName => "Prénom",
            Field::Sex => "Sexe",
            Field::BirthDate => "Date de naissance",
            Field::BirthRank => "Rang de naissance",
            Field::Nir => "Numéro de sécurité sociale (NIR)",
            Field::InsurerName => "Nom de la complémentaire",
            Field::MemberNumber => "Numéro d’adhérent",
            Field::ContractNumber => "Numéro de contrat",
            Field::OperatorReference => "Référence interne de l’opérateur",
            Field::Guarantees => "Garanties du contrat",
            Field::Bank => "Coordonnées bancaires",
            Field::Medical => "Données médicales",
            Field::Reimbursements => "Remboursements",
            Field::PostalAddress => "Adresse postale",
            Field::Phone => "Téléphone",
            Field::Email => "Adresse e-mail",
            Field::Password => "Mots de passe",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Field::LastName => "Last name",
            Field::FirstName => "First name",
            Field::Sex => "Sex",
            Field::BirthDate => "Date of birth",
            Field::BirthRank => "Birth rank",
            Field::Nir => "Social security number (NIR)",
            Field::InsurerName => "Insurer's name",
            Field::MemberNumber => "Member number",
            Field::ContractNumber => "Contract number",
            Field::OperatorReference => "Operator's internal reference",
            Field::Guarantees => "Contract guarantees",
            Field::Bank => "Bank details",
            Field::Medical => "Medical data",
            Field::Reimbursements => "Reimbursements",
            Field::PostalAddress => "Postal address",
            Field::Phone => "Phone number",
            Field::Email => "E-mail address",
            Field::Password => "Passwords",
        }
    }
}

impl Localized for FieldRisk {
    fn fr(self) -> &'static str {
        match self.0 {
            Field::LastName | Field::FirstName => {
                "Permet de vous écrire ou de vous appeler en vous nommant, pour paraître crédible."
            }
            Field::Sex => "Complète le profil utilisé pour des messages ciblés.",
            Field::BirthDate => {
                "Sert souvent de question de sécurité ou de mot de passe\u{a0}: ne l’utilisez pas comme tel."
            }
            Field::BirthRank => {
                "Détail technique qui rend un faux message de l’assurance maladie plus crédible."
            }
            Field::Nir => {
                "Permet un hameçonnage ciblé et des tentatives d’usurpation d’identité, mais ne suffit pas seul pour entrer dans votre compte ameli\u{a0}; il ne peut pas être changé."
            }
            Field::InsurerName => {
                "Permet d’imiter votre complémentaire dans un faux e-mail ou SMS."
            }
            Field::MemberNumber | Field::ContractNumber | Field::OperatorReference => {
                "Rend crédible un faux message sur vos remboursements\u{a0}: votre complémentaire ne vous demandera jamais vos coordonnées bancaires ou mots de passe."
            }
            Field::Guarantees => {
                "Indique votre niveau de couverture, utile pour de fausses offres ou de faux remboursements."
            }
            Field::Bank => "Permettrait des prélèvements frauduleux\u{a0}: surveillez vos relevés.",
            Field::Medical | Field::Reimbursements => {
                "Donnée de santé sensible, utilisable pour du chantage ou des arnaques ciblées."
            }
            Field::PostalAddress => "Permettrait des courriers frauduleux à votre nom.",
            Field::Phone => {
                "Permet des SMS ou appels frauduleux\u{a0}: signalez les SMS suspects au 33700."
            }
            Field::Email => "Permet des e-mails d’hameçonnage ciblés.",
            Field::Password => "Permettrait d’entrer dans vos comptes\u{a0}: changez-les.",
        }
    }

    fn en(self) -> &'static str {
        match self.0 {
            Field::LastName | Field::FirstName => {
                "Lets a fraudster address you by name to sound genuine."
            }
            Field::Sex => "Completes the profile used for targeted messages.",
            Field::BirthDate => {
                "Often used as a security answer or in passwords: do not use it that way."
            }
            Field::BirthRank => {
                "A technical detail that makes a fake health-insurance message more convincing."
            }
            Field::Nir => {
                "Enables targeted phishing and identity-fraud attempts, but alone does not open your ameli account; it cannot be changed."
            }
            Field::InsurerName => {
                "Lets a fraudster impersonate your insurer in a fake e-mail or text."
            }
            Field::MemberNumber | Field::ContractNumber | Field::OperatorReference => {
                "Makes a fake message about your reimbursements convincing: your insurer will never ask for your bank details or passwords."
            }
            Field::Guarantees => "Shows your cover level, useful for fake offers or fake refunds.",
            Field::Bank => "Would allow fraudulent direct debits: watch your statements.",
            Field::Medical | Field::Reimbursements => {
                "Sensitive health data, usable for blackmail or targeted scams."
            }
            Field::PostalAddress => "Would allow fraudulent mail in your name.",
            Field::Phone => "Allows scam texts or calls: report suspicious texts to 33700.",
            Field::Email => "Allows targeted phishing e-mails.",
            Field::Password => "Would let someone into your accounts: change them.",
        }
    }
}

/// How sure, in words.
impl Localized for Certainty {
    fn fr(self) -> &'static str {
        match self {
            Certainty::Confirmed => "confirmé",
            Certainty::Possible => "possible",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Certainty::Confirmed => "confirmed",
            Certainty::Possible => "possible",
        }
    }
}

/// What a grade means, in a few words.
impl Localized for Grade {
    fn fr(self) -> &'static str {
        match self {
            Grade::A => "source officielle",
            Grade::B => "presse",
            Grade::C => "source peu fiable",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Grade::A => "official source",
            Grade::B => "press",
            Grade::C => "low-reliability source",
        }
    }
}

/// The message shown next to the field.
impl Localized for InputError {
    fn fr(self) -> &'static str {
        match self {
            InputError::EndBeforeStart => "La date de fin est antérieure à la date de début.",
            InputError::StartInFuture => "La date de début est dans le futur.",
            InputError::DateOutOfRange(_) => {
                "Cette date n’est pas valable (jj/mm/aaaa, après 1900)."
            }
            InputError::UnknownInsurer => {
                "Cette complémentaire n’est pas dans notre liste\u{a0}; choisissez l’opérateur indiqué sur votre carte."
            }
            InputError::UnknownOperator => {
                "Cet opérateur n’est pas dans notre liste\u{a0}; choisissez «\u{a0}Autre\u{a0}» ou «\u{a0}Je ne sais pas\u{a0}»."
            }
        }
    }

    fn en(self) -> &'static str {
        match self {
            InputError::EndBeforeStart => "The end date is before the start date.",
            InputError::StartInFuture => "The start date is in the future.",
            InputError::DateOutOfRange(_) => "This date is not valid (after 1900).",
            InputError::UnknownInsurer => {
                "This insurer is not in our list; pick the operator shown on your card instead."
            }
            InputError::UnknownOperator => {
                "This operator is not in our list; choose “Other” or “I don't know”."
            }
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

/// What to do, in one or two sentences.
impl Localized for NextStep {
    fn fr(self) -> &'static str {
        match self {
            NextStep::BewareOfPhishing => {
                "Méfiez-vous des e-mails, SMS et appels qui parlent de remboursement bloqué ou de carte Vitale\u{a0}: votre complémentaire et l’Assurance Maladie ne demandent jamais vos coordonnées bancaires ni vos mots de passe."
            }
            NextStep::ChangeNirLoginPasswords => {
                "Changez les mots de passe des comptes dont l’identifiant est votre numéro de sécurité sociale (ameli, impots.gouv, CAF, FranceConnect), et activez la double authentification quand elle existe."
            }
            NextStep::WatchAccounts => {
                "Vérifiez de temps en temps vos relevés bancaires et vos remboursements de santé."
            }
            NextStep::ReportPhishing => {
                "Signalez les e-mails frauduleux sur signal-spam.fr et les SMS au 33700."
            }
            NextStep::ComplaintLetter => {
                "Si vous le souhaitez, déposez plainte avec la lettre-plainte préremplie de cybermalveillance.gouv.fr (facultatif\u{a0}: une enquête est déjà ouverte)."
            }
            NextStep::IdentityTheft => {
                "En cas d’usurpation d’identité (crédit, compte ou contrat à votre nom), portez plainte et suivez les conseils de cybermalveillance.gouv.fr."
            }
            NextStep::AskInsurer => {
                "Consultez l’avis de votre complémentaire, votre espace adhérent et vos e-mails (spams compris), ou appelez-la\u{a0}: elle seule sait si vous avez été concerné."
            }
            NextStep::CheckCard => {
                "Regardez votre carte de tiers payant\u{a0}: le nom ou le logo de l’opérateur y figure souvent."
            }
            NextStep::EnterDates => "Indiquez les dates de votre contrat.",
        }
    }

    fn en(self) -> &'static str {
        match self {
            NextStep::BewareOfPhishing => {
                "Beware of e-mails, texts and calls about a blocked refund or your carte Vitale: your insurer and the Assurance Maladie never ask for your bank details or passwords."
            }
            NextStep::ChangeNirLoginPasswords => {
                "Change the passwords of accounts whose login is your social security number (ameli, impots.gouv, CAF, FranceConnect), and turn on two-factor authentication where offered."
            }
            NextStep::WatchAccounts => {
                "Check your bank statements and health reimbursements now and then."
            }
            NextStep::ReportPhishing => {
                "Report scam e-mails on signal-spam.fr and scam texts to 33700."
            }
            NextStep::ComplaintLetter => {
                "If you wish, file a complaint with the pre-filled complaint letter from cybermalveillance.gouv.fr (optional: an investigation is already open)."
            }
            NextStep::IdentityTheft => {
                "If someone uses your identity (a loan, account or contract in your name), file a complaint and follow cybermalveillance.gouv.fr's advice."
            }
            NextStep::AskInsurer => {
                "Read your insurer's notice, your member area and your e-mails (spam included), or call it: only your insurer knows whether you were concerned."
            }
            NextStep::CheckCard => {
                "Look at your tiers-payant card: the operator's name or logo is often printed on it."
            }
            NextStep::EnterDates => "Enter your contract dates.",
        }
    }
}

impl NextStep {
    /// Official pages for this step.
    pub fn links(self, lang: Lang) -> &'static [Link] {
        const CYBER: Link = Link {
            label: "cybermalveillance.gouv.fr",
            url: "https://www.cybermalveillance.gouv.fr/",
        };
        match (self, lang) {
            (NextStep::BewareOfPhishing, Lang::Fr) => &[Link {
                label: "Assurance Maladie\u{a0}: se protéger du hameçonnage",
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
    use std::collections::BTreeSet;

    /// Every variant of the closed sets that have words, through their `ALL` lists (declared
    /// with the enums, so they hold every variant).
    #[test]
    fn every_code_has_its_own_words_in_both_languages() {
        let verdicts = [Verdict::Exposed, Verdict::NotExposed, Verdict::Uncertain];
        for lang in Lang::ALL {
            let mut reasons = BTreeSet::new();
            for reason in Reason::ALL {
                assert!(
                    reasons.insert(reason.text(lang)),
                    "{reason:?} shares its words"
                );
                assert!(!Gist(reason).text(lang).is_empty());
            }
            let mut shorts = BTreeSet::new();
            for field in Field::ALL {
                assert!(shorts.insert(FieldShort(field).text(lang)), "{field:?}");
                // The card's column holds about 17 characters.
                assert!(
                    FieldShort(field).text(lang).chars().count() <= 19,
                    "{field:?}"
                );
                assert!(!field.text(lang).is_empty() && !FieldRisk(field).text(lang).is_empty());
            }
            for verdict in verdicts {
                let words = [
                    verdict.text(lang),
                    Headline(verdict).text(lang),
                    Summary(verdict).text(lang),
                ];
                assert!(words.iter().all(|w| !w.is_empty()), "{verdict:?}");
            }
            for answer in Answer::ALL {
                assert!(!answer.text(lang).is_empty());
            }
        }
        assert!(FieldRisk(Field::Nir).text(Lang::Fr).contains("ameli"));
    }

    #[test]
    fn the_one_line_answer_reads_as_each_language_writes_it() {
        let january = Date::new(2024, 1, 22).expect("a date");
        let name = breach_name("Viamedis", january, Lang::Fr);
        assert_eq!(
            answer_line(Verdict::Exposed, &name, None, Lang::Fr),
            "Probablement exposé — fuite Viamedis, janvier 2024"
        );
        let name = breach_name("Almerys", january, Lang::En);
        assert_eq!(
            answer_line(
                Verdict::Uncertain,
                &name,
                Some("Mutuelle Exemple"),
                Lang::En
            ),
            "Uncertain — Almerys breach, January 2024, according to Mutuelle Exemple"
        );
    }
}
