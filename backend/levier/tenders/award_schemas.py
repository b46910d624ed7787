"""What an award and an amendment take and show: the awardee or consortium, declared
subcontractors, and the avenants that change an awarded lot."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from levier.clauses.schemas import Amount
from levier.core.validation import EventDate, FreeText, Input
from levier.organisations.schemas import OrganisationSummary
from levier.tenders.constants import MAX_DURATION_MONTHS


class ConsortiumType(StrEnum):
    none = "none"
    joint = "joint"  # groupement conjoint
    several = "several"  # groupement solidaire


class AwardMemberIn(Input):
    enterprise_id: uuid.UUID
    is_mandatary: bool = False
    amount: Amount | None = Field(
        default=None,
        description="A consortium member's share of the awarded amount (kept for consortia "
        "only): an SIAE / EA co-contractor's hours are converted from it until its real "
        "hours are known.",
    )


class SubcontractorIn(Input):
    enterprise_id: uuid.UUID
    amount: Amount


class AwardIn(Input):
    """The award of a lot: one enterprise, or a consortium with exactly one mandatary."""

    awarded_amount: Amount
    notification_date: EventDate
    consortium_type: ConsortiumType = ConsortiumType.none
    members: list[AwardMemberIn] = Field(min_length=1, max_length=30)
    subcontractors: list[SubcontractorIn] = Field(default_factory=list, max_length=100)
    freeze_hours: bool = Field(
        default=False, description="Keep the hours computed on the estimate instead."
    )


class EnterpriseSummary(OrganisationSummary):
    enterprise_kind: str | None
    ess: bool


class AwardMemberRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    enterprise: EnterpriseSummary
    is_mandatary: bool
    amount: Decimal | None = None


class SubcontractorRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    enterprise: EnterpriseSummary
    amount: Decimal


class AwardRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    awarded_amount: Decimal
    notification_date: date
    consortium_type: ConsortiumType
    members: list[AwardMemberRead]
    subcontractors: list[SubcontractorRead]


class AmendmentIn(Input):
    """An avenant changing the amount and/or the duration of an awarded lot."""

    signed_on: EventDate
    reason: Annotated[
        FreeText, StringConstraints(strip_whitespace=True, min_length=5, max_length=2000)
    ]
    new_amount: Amount | None = None
    new_duration_months: int | None = Field(default=None, gt=0, le=MAX_DURATION_MONTHS)


class AmendmentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    number: int
    signed_on: date
    reason: str
    amount_before: Decimal
    amount_after: Decimal
    duration_before: int
    duration_after: int
    hours_before: int | None
    hours_after: int | None
    created_at: datetime
