"""Fulfilment modes (domain clauses.md §3) and why an assignment ends."""

from __future__ import annotations

from enum import StrEnum

from levier.organisations.constants import DISABILITY_KINDS, SIAE_KINDS, EnterpriseKind
from levier.participants.constants import ContractKind

__all__ = [
    "HIRE_CONTRACTS",
    "INCLUSIVE_KINDS",
    "PLACEMENT_KINDS",
    "ContractKind",
    "EndReason",
    "FulfilmentMode",
]


class FulfilmentMode(StrEnum):
    """How the awardee fulfils its clause with this person, and so who employs them."""

    direct_hire = "direct_hire"  # the awardee (or a declared subcontractor) hires
    temporary_work = "temporary_work"  # an ETTI or a temp agency, placed at the enterprise
    placement = "placement"  # an AI or a GEIQ puts the person at the enterprise's disposal
    subcontracting = "subcontracting"  # a declared SIAE / EA / ESAT subcontractor employs
    co_contracting = "co_contracting"  # an SIAE / EA member of the consortium employs
    training = "training"  # training linked to the market (no employer)


class EndReason(StrEnum):
    contract_end = "contract_end"  # the planned end
    hired_permanently = "hired_permanently"  # kept on (often a CDI): a success
    trial_period = "trial_period"  # ended during the trial period
    resignation = "resignation"
    dismissal = "dismissal"
    mutual_agreement = "mutual_agreement"
    work_finished = "work_finished"  # the works of the lot ended first
    other = "other"


# A direct hire is on a contract of the employer's own (an interim contract is temporary work).
HIRE_CONTRACTS = frozenset(
    {
        ContractKind.cdi,
        ContractKind.cdd,
        ContractKind.apprenticeship,
        ContractKind.professionalisation,
        ContractKind.subsidised,
        ContractKind.cddi,
    }
)
# Who may employ in each mode that names an outside employer.
PLACEMENT_KINDS = frozenset({EnterpriseKind.AI, EnterpriseKind.GEIQ})
INCLUSIVE_KINDS = SIAE_KINDS | DISABILITY_KINDS
