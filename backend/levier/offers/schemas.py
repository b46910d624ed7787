"""Job offers: what is written (create, update, status change) and what is read."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from levier.core.validation import FreeText, Input, Label, ProcurementDate
from levier.offers.constants import (
    MAX_DURATION_MONTHS,
    MAX_HOURS_PER_WEEK,
    MAX_POSTS,
    ContractKind,
    OfferStatus,
)
from levier.reference.rome import RomeCode

COMMUNE_PATTERN = r"^(\d{5}|2[AB]\d{3})$"
Title = Annotated[Label, StringConstraints(max_length=200)]
Description = Annotated[FreeText, StringConstraints(max_length=4000)]
CommuneCode = Annotated[str, StringConstraints(pattern=COMMUNE_PATTERN)]
HoursPerWeek = Annotated[
    Decimal, Field(gt=0, le=MAX_HOURS_PER_WEEK, max_digits=5, decimal_places=2)
]
Posts = Annotated[int, Field(ge=1, le=MAX_POSTS)]
Duration = Annotated[int, Field(ge=1, le=MAX_DURATION_MONTHS, description="In months.")]


class OfferCreate(Input):
    """A new offer. On a lot, for its awardee (or a member of the consortium, or a declared
    subcontractor); without a lot, opened by the facilitator for an enterprise."""

    lot_id: uuid.UUID | None = None
    enterprise_id: uuid.UUID | None = Field(
        default=None,
        description="The employer: the caller's enterprise for an enterprise; for the "
        "facilitator, one of the lot's awardees or subcontractors (the mandatary when left "
        "out), or any enterprise for an offer without a lot.",
    )
    rome_code: RomeCode = Field(examples=["F1703"])
    title: Title = Field(default="", description="The ROME sheet's label when left empty.")
    description: Description = ""
    commune_code: CommuneCode = Field(description="INSEE code of the place of work.")
    start_date: ProcurementDate
    duration_months: Duration
    hours_per_week: HoursPerWeek
    posts: Posts = 1
    contract_kind: ContractKind


class OfferUpdate(Input):
    """A change to an open offer (its lot and employer stay)."""

    rome_code: RomeCode | None = None
    title: Title | None = None
    description: Description | None = None
    commune_code: CommuneCode | None = None
    start_date: ProcurementDate | None = None
    duration_months: Duration | None = None
    hours_per_week: HoursPerWeek | None = None
    posts: Posts | None = None
    contract_kind: ContractKind | None = None


class OfferStatusChange(Input):
    """open → filled or closed; closed → open."""

    status: OfferStatus


class OfferActions(BaseModel):
    edit: bool
    fill: bool
    close: bool
    reopen: bool


class OrganisationRef(BaseModel):
    id: uuid.UUID
    name: str


class OfferLot(BaseModel):
    """The lot an offer is tied to, and its tender."""

    id: uuid.UUID
    tender_id: uuid.UUID
    number: int
    title: str


class OfferRead(BaseModel):
    id: uuid.UUID
    version: int
    status: OfferStatus
    rome_code: str
    rome_label: str
    title: str
    description: str
    commune_code: str
    commune_name: str
    start_date: date
    duration_months: int
    hours_per_week: Decimal
    posts: int
    contract_kind: ContractKind
    enterprise: OrganisationRef
    lot: OfferLot | None
    structure_id: uuid.UUID
    created_at: datetime
    actions: OfferActions


class OfferFormOptions(BaseModel):
    """Whether the caller may open an offer (on the lot given), and for which employers."""

    create: bool
    enterprises: list[OrganisationRef] = Field(
        description="The employers the offer may be for: the lot's awardees and declared "
        "subcontractors (the caller's own enterprise for an enterprise)."
    )
