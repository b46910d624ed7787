"""Tender vocabularies: English codes in the API, DECP 2.0.3 labels for open data."""

from __future__ import annotations

from enum import StrEnum


class TenderStatus(StrEnum):
    draft = "draft"
    published = "published"
    awarded = "awarded"
    in_execution = "in_execution"
    closed = "closed"
    cancelled = "cancelled"


# Allowed lifecycle moves: draft → published → awarded → in_execution → closed (+ cancelled).
TRANSITIONS: dict[TenderStatus, frozenset[TenderStatus]] = {
    TenderStatus.draft: frozenset({TenderStatus.published, TenderStatus.cancelled}),
    TenderStatus.published: frozenset({TenderStatus.awarded, TenderStatus.cancelled}),
    TenderStatus.awarded: frozenset({TenderStatus.in_execution, TenderStatus.cancelled}),
    TenderStatus.in_execution: frozenset({TenderStatus.closed}),
    TenderStatus.closed: frozenset(),
    TenderStatus.cancelled: frozenset(),
}


class Procedure(StrEnum):
    adapted = "adapted"
    open_tender = "open_tender"
    restricted_tender = "restricted_tender"
    negotiated = "negotiated"
    without_publicity = "without_publicity"
    competitive_dialogue = "competitive_dialogue"


class Nature(StrEnum):
    contract = "contract"
    partnership = "partnership"
    defence_security = "defence_security"


class Ccag(StrEnum):
    works = "works"
    project_management = "project_management"
    supplies_services = "supplies_services"
    industrial = "industrial"
    intellectual_services = "intellectual_services"
    ict = "ict"
    none = "none"


class PriceForm(StrEnum):
    unit = "unit"
    lump_sum = "lump_sum"
    mixed = "mixed"


class Technique(StrEnum):
    framework_agreement = "framework_agreement"
    design_contest = "design_contest"
    qualification_system = "qualification_system"
    dynamic_purchasing_system = "dynamic_purchasing_system"
    electronic_catalogue = "electronic_catalogue"
    electronic_auction = "electronic_auction"
    none = "none"


# DECP 2.0.3 labels (../shared/standards/decp/schema_decp_v2.0.3.json, definitions/marche).
# One map per vocabulary: StrEnum members compare by value, so "none" exists twice.
DECP_PROCEDURE: dict[Procedure, str] = {
    Procedure.adapted: "Procédure adaptée",
    Procedure.open_tender: "Appel d'offres ouvert",
    Procedure.restricted_tender: "Appel d'offres restreint",
    Procedure.negotiated: "Procédure avec négociation",
    Procedure.without_publicity: "Marché passé sans publicité ni mise en concurrence préalable",
    Procedure.competitive_dialogue: "Dialogue compétitif",
}
DECP_NATURE: dict[Nature, str] = {
    Nature.contract: "Marché",
    Nature.partnership: "Marché de partenariat",
    Nature.defence_security: "Marché de défense ou de sécurité",
}
DECP_CCAG: dict[Ccag, str] = {
    Ccag.works: "Travaux",
    Ccag.project_management: "Maitrise d'œuvre",
    Ccag.supplies_services: "Fournitures courantes et services",
    Ccag.industrial: "Marchés industriels",
    Ccag.intellectual_services: "Prestations intellectuelles",
    Ccag.ict: "Techniques de l'information et de la communication",
    Ccag.none: "Pas de CCAG",
}
DECP_PRICE_FORM: dict[PriceForm, str] = {
    PriceForm.unit: "Unitaire",
    PriceForm.lump_sum: "Forfaitaire",
    PriceForm.mixed: "Mixte",
}
DECP_TECHNIQUE: dict[Technique, str] = {
    Technique.framework_agreement: "Accord-cadre",
    Technique.design_contest: "Concours",
    Technique.qualification_system: "Système de qualification",
    Technique.dynamic_purchasing_system: "Système d'acquisition dynamique",
    Technique.electronic_catalogue: "Catalogue électronique",
    Technique.electronic_auction: "Enchère électronique",
    Technique.none: "Sans objet",
}


class ConsiderationKind(StrEnum):
    """Social considerations a lot can carry (domain/clauses.md §1)."""

    insertion_clause = "insertion_clause"
    reserved_siae = "reserved_siae"
    reserved_disability = "reserved_disability"
    reserved_both = "reserved_both"
    reserved_ess = "reserved_ess"
    social_award_criterion = "social_award_criterion"
    insertion_purpose = "insertion_purpose"


RESERVED_KINDS = frozenset(
    {
        ConsiderationKind.reserved_siae,
        ConsiderationKind.reserved_disability,
        ConsiderationKind.reserved_both,
        ConsiderationKind.reserved_ess,
    }
)
# At most one of these on a lot: each names who alone may win it.
EXCLUSIVE_RESERVATIONS = frozenset(
    {
        ConsiderationKind.reserved_siae,
        ConsiderationKind.reserved_disability,
        ConsiderationKind.reserved_both,
    }
)
HOURS_KINDS = frozenset({ConsiderationKind.insertion_clause, ConsiderationKind.insertion_purpose})

# Tenders whose awarded lots can employ people on their insertion clause: a published
# tender's lots are awarded one by one, so an award counts before the whole tender is.
ACTIVE_STATUSES = frozenset(
    {TenderStatus.published, TenderStatus.awarded, TenderStatus.in_execution}
)
# Closed or cancelled tenders are frozen for everyone.
FROZEN_STATUSES = frozenset({TenderStatus.closed, TenderStatus.cancelled})


class LotOutcome(StrEnum):
    """How a lot ended its procurement: awarded, or closed without an awardee."""

    unsuccessful = "unsuccessful"  # infructueux: no acceptable offer
    abandoned = "abandoned"  # sans suite: the buyer gave the procedure up


class OperationTargetKind(StrEnum):
    hours_share = "hours_share"  # share of the hours worked across the operation's lots
    hours = "hours"  # a number of insertion hours


class EligibilityRestriction(StrEnum):
    """An operation's restriction on who may fill its clauses (e.g. NPNRU: QPV residents)."""

    qpv_residents = "qpv_residents"


# A lot's duration, amendments included: 20 years at most (long works and service contracts
# run up to about ten; 600 months was a typo the clause article then printed).
MAX_DURATION_MONTHS = 240
