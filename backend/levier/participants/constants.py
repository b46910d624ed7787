"""Vocabularies of participants.md: criteria, evidence, steps, contracts, exits."""

from __future__ import annotations

from enum import StrEnum

# Re-exported: the participants domain reads its vocabularies from this module.
from levier.reference.criteria import Criterion as Criterion

MINIMUM_AGE = 16
# Older than this is a typing error (1890 for 1990), not a person looking for work.
MAXIMUM_AGE = 100


class Gender(StrEnum):
    female = "female"
    male = "male"
    unspecified = "unspecified"


# Health-related criteria: art. 9 GDPR data, optional, need the structure's exception
# (default: explicit consent, recorded with its date and author).
HEALTH_CRITERIA = frozenset({Criterion.disability_income, Criterion.disabled_worker})
# Hidden by default even to those allowed; revealed on an explicit, audited request.
SENSITIVE_CRITERIA = HEALTH_CRITERIA | {Criterion.minimum_income}


class MinimumIncomeKind(StrEnum):
    rsa = "rsa"
    rsa_household = "rsa_household"
    ass = "ass"
    ata = "ata"


class EvidenceType(StrEnum):
    """The kind of document seen (never the document itself)."""

    france_travail_certificate = "france_travail_certificate"
    caf_certificate = "caf_certificate"
    mdph_notification = "mdph_notification"
    pension_certificate = "pension_certificate"
    identity_document = "identity_document"
    proof_of_address = "proof_of_address"
    diploma_statement = "diploma_statement"
    employer_certificate = "employer_certificate"
    prescriber_opinion = "prescriber_opinion"
    other = "other"


class OpinionSource(StrEnum):
    """Who gave the written opinion behind a `facilitator_validated` eligibility.

    The reason is never recorded: justice measures may not be processed (art. 46 of the
    French data-protection law), so a person oriented by the probation service is only
    recorded with that prescriber's kind.
    """

    france_travail = "france_travail"
    mission_locale = "mission_locale"
    maison_emploi = "maison_emploi"
    mdph = "mdph"
    cap_emploi = "cap_emploi"
    probation_service = "probation_service"
    social_services = "social_services"


class PathwayStatus(StrEnum):
    open = "open"
    exited = "exited"


class StepKind(StrEnum):
    diagnosis = "diagnosis"
    support = "support"
    training = "training"
    immersion = "immersion"
    employment = "employment"
    clause_assignment = "clause_assignment"


class ContractKind(StrEnum):
    cdi = "cdi"
    cdd = "cdd"
    interim = "interim"
    cddi = "cddi"
    apprenticeship = "apprenticeship"
    professionalisation = "professionalisation"
    subsidised = "subsidised"


class QualificationLevel(StrEnum):
    """French qualification levels (nomenclature of 2019): 3 = CAP/BEP … 8 = doctorate."""

    none = "none"
    level_3 = "3"
    level_4 = "4"
    level_5 = "5"
    level_6 = "6"
    level_7 = "7"
    level_8 = "8"


class ExitCategory(StrEnum):
    lasting_employment = "lasting_employment"
    transitional_employment = "transitional_employment"
    positive_exit = "positive_exit"
    other_exit = "other_exit"
    neutralised = "neutralised"


DYNAMIC_EXITS = frozenset(
    {
        ExitCategory.lasting_employment,
        ExitCategory.transitional_employment,
        ExitCategory.positive_exit,
    }
)


class ExitSituation(StrEnum):
    """The situation a participant leaves in; most imply their category."""

    cdi = "cdi"
    cdd_6_months_or_more = "cdd_6_months_or_more"
    interim_6_months_or_more = "interim_6_months_or_more"
    civil_service = "civil_service"
    business_creation = "business_creation"
    cdd_under_6_months = "cdd_under_6_months"
    interim_under_6_months = "interim_under_6_months"
    subsidised_contract = "subsidised_contract"
    qualifying_training = "qualifying_training"
    hired_by_siae = "hired_by_siae"
    unemployment = "unemployment"
    inactivity = "inactivity"
    no_news = "no_news"
    moving_away = "moving_away"
    long_illness = "long_illness"
    maternity = "maternity"
    retirement = "retirement"
    death = "death"
    other = "other"  # the category must then be given


EXIT_CATEGORY: dict[ExitSituation, ExitCategory] = {
    ExitSituation.cdi: ExitCategory.lasting_employment,
    ExitSituation.cdd_6_months_or_more: ExitCategory.lasting_employment,
    ExitSituation.interim_6_months_or_more: ExitCategory.lasting_employment,
    ExitSituation.civil_service: ExitCategory.lasting_employment,
    ExitSituation.business_creation: ExitCategory.lasting_employment,
    ExitSituation.cdd_under_6_months: ExitCategory.transitional_employment,
    ExitSituation.interim_under_6_months: ExitCategory.transitional_employment,
    ExitSituation.subsidised_contract: ExitCategory.transitional_employment,
    ExitSituation.qualifying_training: ExitCategory.positive_exit,
    ExitSituation.hired_by_siae: ExitCategory.positive_exit,
    ExitSituation.unemployment: ExitCategory.other_exit,
    ExitSituation.inactivity: ExitCategory.other_exit,
    ExitSituation.no_news: ExitCategory.other_exit,
    ExitSituation.moving_away: ExitCategory.neutralised,
    ExitSituation.long_illness: ExitCategory.neutralised,
    ExitSituation.maternity: ExitCategory.neutralised,
    ExitSituation.retirement: ExitCategory.neutralised,
    ExitSituation.death: ExitCategory.neutralised,
}


class AgeBand(StrEnum):
    under_26 = "under_26"
    from_26_to_49 = "26_49"
    from_50 = "50_plus"
