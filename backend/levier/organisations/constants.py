from __future__ import annotations

from enum import StrEnum


class OrganisationKind(StrEnum):
    """What an organisation is in Levier (see domain/actors-and-roles.md)."""

    facilitation_structure = "facilitation_structure"
    buyer = "buyer"
    enterprise = "enterprise"
    prescriber = "prescriber"
    network = "network"


# Kinds whose organisations must carry a SIRET (they appear in procurement data).
SIRET_REQUIRED_KINDS = frozenset({OrganisationKind.buyer, OrganisationKind.enterprise})


# Kinds whose organisations own participants' records (controllers, participants.md): they
# may set their own retention period.
PORTFOLIO_KINDS = frozenset(
    {
        OrganisationKind.facilitation_structure,
        OrganisationKind.prescriber,
        OrganisationKind.network,
    }
)


class EnterpriseKind(StrEnum):
    """An enterprise's kind (domain/enterprises.md); the French acronyms are kept as codes."""

    ordinary = "ordinary"
    EI = "EI"
    ETTI = "ETTI"
    AI = "AI"
    ACI = "ACI"
    EITI = "EITI"
    GEIQ = "GEIQ"
    SEP = "SEP"
    EA = "EA"
    EATT = "EATT"
    ESAT = "ESAT"


SIAE_KINDS = frozenset(
    {
        EnterpriseKind.EI,
        EnterpriseKind.ETTI,
        EnterpriseKind.AI,
        EnterpriseKind.ACI,
        EnterpriseKind.EITI,
    }
)
DISABILITY_KINDS = frozenset({EnterpriseKind.EA, EnterpriseKind.EATT, EnterpriseKind.ESAT})
