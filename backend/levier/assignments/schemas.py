"""Assignments: what is written (a direct record, an end) and what is read."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from levier.assignments.constants import ContractKind, EndReason, FulfilmentMode
from levier.core.validation import FreeText, Input, Label, ProcurementDate
from levier.offers.schemas import HoursPerWeek

JobTitle = Annotated[Label, StringConstraints(max_length=200)]
Note = Annotated[FreeText, StringConstraints(max_length=2000)]


class AssignmentTerms(Input):
    """The terms of a person's work on a lot: the mode, who they work for and who employs
    them, the contract, the dates and the weekly hours."""

    mode: FulfilmentMode = FulfilmentMode.direct_hire
    host_id: uuid.UUID | None = Field(
        default=None,
        description="The lot's enterprise the work is for (an awardee, a consortium member or "
        "a declared subcontractor). From an offer: the offer's employer when left out.",
    )
    employer_id: uuid.UUID | None = Field(
        default=None,
        description="The employer of record, who declares the hours: the host for a direct "
        "hire (left out), an ETTI or temp agency for temporary work, an AI or GEIQ for a "
        "placement, the SIAE / EA itself for subcontracting and co-contracting; none for "
        "training.",
    )
    contract_kind: ContractKind | None = Field(
        default=None,
        description="Required for a direct hire (an interim contract is temporary work).",
    )
    start_date: ProcurementDate
    planned_end_date: ProcurementDate | None = None
    hours_per_week: HoursPerWeek
    job_title: JobTitle = ""


class AssignmentCreate(AssignmentTerms):
    """An assignment recorded by the facilitator (a hire made outside an offer, or any mode)."""

    participant_id: uuid.UUID
    lot_id: uuid.UUID


class AssignmentEnd(Input):
    """The end of an assignment: when and why."""

    ended_on: ProcurementDate
    reason: EndReason
    note: Note = ""


class AssignmentActions(BaseModel):
    end: bool


class Party(BaseModel):
    id: uuid.UUID
    name: str


class AssignmentPerson(BaseModel):
    """The person, as every reader of an assignment may see them: their name only."""

    id: uuid.UUID
    first_names: str
    last_name: str


class AssignmentLot(BaseModel):
    id: uuid.UUID
    tender_id: uuid.UUID
    number: int
    title: str


class AssignmentRead(BaseModel):
    id: uuid.UUID
    version: int
    mode: FulfilmentMode
    participant: AssignmentPerson
    lot: AssignmentLot
    host: Party
    employer: Party | None
    contract_kind: ContractKind | None
    start_date: date
    planned_end_date: date | None
    hours_per_week: Decimal
    job_title: str
    ended_on: date | None
    end_reason: EndReason | None
    end_note: str
    offer_id: uuid.UUID | None
    exception_reason: str | None = Field(
        description="The facilitator's exception the entry relied on (outside the eligibility "
        "rules), shown wherever the hours are; for the structure only."
    )
    created_at: datetime
    actions: AssignmentActions
