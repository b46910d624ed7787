"""Referrals: what is written (a proposal, each move) and what is read."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from levier.assignments.constants import ContractKind, FulfilmentMode
from levier.assignments.schemas import JobTitle
from levier.core.validation import EventDate, FreeText, Input, ProcurementDate
from levier.offers.schemas import HoursPerWeek
from levier.referrals.constants import DeclineReason, ReferralStatus

Message = Annotated[FreeText, StringConstraints(max_length=2000)]


class ReferralCreate(Input):
    """A person proposed for an offer."""

    offer_id: uuid.UUID
    participant_id: uuid.UUID
    message: Message = Field(
        default="",
        description="A word to the employer (availability, driving licence…). The employer "
        "reads it: it says nothing of the person's situation.",
    )


class ReferralInterview(Input):
    """The employer meets the person (the day of the interview, planned or held)."""

    interview_on: ProcurementDate


class ReferralDecline(Input):
    """The employer does not go on, and why."""

    reason: DeclineReason


class ReferralHire(Input):
    """The hire: the offer's terms unless said otherwise (start, weekly hours, contract,
    employer), and the fulfilment mode (a direct hire, or an interim contract as temporary
    work; an agency, AI or GEIQ employer for temporary work and placements)."""

    mode: FulfilmentMode | None = None
    employer_id: uuid.UUID | None = None
    contract_kind: ContractKind | None = None
    start_date: ProcurementDate | None = None
    planned_end_date: ProcurementDate | None = None
    hours_per_week: HoursPerWeek | None = None
    job_title: JobTitle | None = None


class ReferralActions(BaseModel):
    interview: bool
    hire: bool
    decline: bool
    withdraw: bool


class ReferralPerson(BaseModel):
    """The person as the employer may see them: their name only."""

    id: uuid.UUID
    first_names: str
    last_name: str


class ReferralContact(BaseModel):
    """Who proposed the person: the employer's contact."""

    id: uuid.UUID
    full_name: str
    email: str
    organisation_name: str


class ReferralOffer(BaseModel):
    id: uuid.UUID
    title: str
    rome_code: str
    enterprise_name: str
    commune_name: str
    start_date: date
    hours_per_week: Decimal
    lot_id: uuid.UUID | None


class ReferralEventRead(BaseModel):
    status: ReferralStatus
    on: date
    at: datetime
    actor_name: str | None
    reason: DeclineReason | None


class ReferralRead(BaseModel):
    id: uuid.UUID
    version: int
    status: ReferralStatus
    status_on: date
    interview_on: date | None
    decline_reason: DeclineReason | None
    message: str
    person: ReferralPerson
    referent: ReferralContact
    offer: ReferralOffer
    assignment_id: uuid.UUID | None
    created_at: datetime
    events: list[ReferralEventRead]
    actions: ReferralActions


class ReferralWithdraw(Input):
    """The proposer takes the person back (the day it was decided)."""

    on: EventDate | None = None
