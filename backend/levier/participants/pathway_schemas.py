"""Pathways, their steps, exits and follow-ups, the clause positions a step can name and the
facilitator's exceptions to the clause entry rules (request and response shapes)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from levier.core.validation import EventDate, FreeText, Input, Label, ProcurementDate
from levier.participants.constants import (
    ContractKind,
    ExitCategory,
    ExitSituation,
    PathwayStatus,
    QualificationLevel,
    StepKind,
)
from levier.participants.schemas import HoursPerWeek, RomeCode
from levier.tenders.constants import EligibilityRestriction
from levier.users.schemas import UserSummary


class PathwayActions(BaseModel):
    """What the caller may do with the pathway now."""

    edit: bool = Field(description="Correct the entry date or objective (open pathway).")
    add_step: bool
    exit: bool
    follow_up: bool = Field(description="Record the follow-up: once six months have passed.")
    correct_exit: bool = Field(description="Correct the recorded exit: until the follow-up.")
    reopen: bool = Field(
        description="Remove an exit recorded by mistake: until the follow-up, latest pathway."
    )


class StepActions(BaseModel):
    """What the caller may do with a step now (its pathway open)."""

    edit: bool
    delete: bool


class PathwayCreate(Input):
    """Open a pathway (one open at a time)."""

    entry_date: EventDate = Field(description="Not before the person's birth date.")
    objective_rome_codes: list[RomeCode] = Field(default_factory=list, max_length=5)


class PathwayUpdate(Input):
    """Correct an open pathway (only the fields sent): its entry date stays before its steps."""

    entry_date: EventDate | None = None
    objective_rome_codes: list[RomeCode] | None = Field(default=None, max_length=5)


class StepCreate(Input):
    """A step, in any order (shown sorted by start date), on or after the pathway's entry.
    Employment and clause assignments carry a contract."""

    kind: StepKind
    start_date: EventDate
    end_date: ProcurementDate | None = Field(default=None, description="May be planned ahead.")
    qualification_level: QualificationLevel | None = Field(
        default=None, description="Training only."
    )
    contract_kind: ContractKind | None = Field(
        default=None, description="Employment and clause assignment."
    )
    employer: Annotated[Label, StringConstraints(min_length=1, max_length=200)] | None = None
    hours_per_week: HoursPerWeek | None = None
    lot_id: uuid.UUID | None = Field(default=None, description="Clause assignment only.")
    enterprise_id: uuid.UUID | None = Field(default=None, description="Clause assignment only.")
    notes: Annotated[FreeText, StringConstraints(max_length=2000)] = ""


class StepUpdate(Input):
    """Correct a step (only the fields sent; send `null` to clear one): the step must then
    follow a new step's rules, a clause assignment the clause's entry rules."""

    kind: StepKind | None = None
    start_date: EventDate | None = None
    end_date: ProcurementDate | None = None
    qualification_level: QualificationLevel | None = None
    contract_kind: ContractKind | None = None
    employer: Annotated[Label, StringConstraints(min_length=1, max_length=200)] | None = None
    hours_per_week: HoursPerWeek | None = None
    lot_id: uuid.UUID | None = None
    enterprise_id: uuid.UUID | None = None
    notes: Annotated[FreeText, StringConstraints(max_length=2000)] | None = None


class StepDeletion(Input):
    """Why a step is removed (optional): kept in the audit log with the deletion."""

    reason: Annotated[FreeText, StringConstraints(strip_whitespace=True, max_length=500)] = ""


class ExitCreate(Input):
    """Close a pathway with its exit situation; the category follows from it where it can."""

    exit_date: EventDate
    situation: ExitSituation
    category: ExitCategory | None = Field(
        default=None, description="Required when the situation is `other`; else derived."
    )
    notes: Annotated[FreeText, StringConstraints(max_length=2000)] = ""


class FollowUpCreate(Input):
    """The outcome six months after the exit."""

    follow_up_date: EventDate
    situation: ExitSituation
    category: ExitCategory | None = None


class ClauseExceptionCreate(Input):
    """A facilitator lets a person enter a lot's clause outside the eligibility rules."""

    lot_id: uuid.UUID
    reason: Annotated[
        FreeText, StringConstraints(strip_whitespace=True, min_length=10, max_length=2000)
    ]


class TenderName(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    reference: str
    object: str


class LotName(BaseModel):
    """A lot named as people know it (tender reference, lot number): the lot of a clause
    assignment, or the one an exception opens."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    number: int
    title: str
    tender: TenderName


class ClauseExceptionRead(BaseModel):
    """A facilitator's recorded exception, shown wherever the assignment is."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    lot_id: uuid.UUID
    lot: LotName
    reason: str
    granted_on: date
    granted_by: UserSummary


class StepRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: StepKind
    start_date: date
    end_date: date | None
    qualification_level: QualificationLevel | None
    contract_kind: ContractKind | None
    employer: str | None
    hours_per_week: Decimal | None
    lot_id: uuid.UUID | None
    lot: LotName | None = Field(default=None, description="The lot of a clause assignment.")
    enterprise_id: uuid.UUID | None
    notes: str
    exception: ClauseExceptionRead | None = Field(
        default=None, description="The facilitator's exception this assignment relies on."
    )
    assignment_id: uuid.UUID | None = Field(
        default=None, description="The assignment this step records (a hire): changed there."
    )
    actions: StepActions
    version: int


class PathwayRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    participant_id: uuid.UUID
    status: PathwayStatus
    entry_date: date
    objective_rome_codes: list[str]
    exit_date: date | None
    exit_situation: ExitSituation | None
    exit_category: ExitCategory | None
    exit_notes: str
    follow_up_date: date | None
    follow_up_due: date | None = Field(
        default=None, description="The follow-up's first day: six months after the exit."
    )
    follow_up_situation: ExitSituation | None
    follow_up_category: ExitCategory | None
    steps: list[StepRead]
    actions: PathwayActions
    version: int


class PositionEnterprise(BaseModel):
    id: uuid.UUID
    name: str
    role: Literal["member", "subcontractor"] = Field(
        description="`member`: an awardee (alone or in a consortium); `subcontractor`: declared."
    )


class ClausePosition(BaseModel):
    """An awarded lot with insertion hours the person can be assigned to, and its employers."""

    lot_id: uuid.UUID
    notified_on: date = Field(description="The award's notification: assignments start after.")
    eligibility_restriction: EligibilityRestriction | None = Field(
        description="The operation's restriction on who may fill the clause (e.g. QPV)."
    )
    tender_reference: str
    tender_object: str
    lot_number: int
    lot_title: str
    required_hours: int | None
    enterprises: list[PositionEnterprise]
