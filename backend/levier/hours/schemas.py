"""Monthly hours: what is written (a declaration, a correction, a decision) and what is read."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from levier.assignments.constants import FulfilmentMode
from levier.core.csv_import import ImportRowErrors
from levier.core.validation import FreeText, Input
from levier.hours.constants import MONTH_PATTERN, HoursStatus

Month = Annotated[
    str,
    StringConstraints(pattern=MONTH_PATTERN),
    Field(examples=["2026-11"], description="YYYY-MM"),
]
# A month holds at most 744 hours (31 × 24): beyond, a typing error; the structure's
# ceiling (210 h by default) is the rule that refuses a declaration.
Hours = Annotated[Decimal, Field(ge=0, le=744, max_digits=6, decimal_places=2)]
Note = Annotated[FreeText, StringConstraints(max_length=2000)]
Reason = Annotated[FreeText, StringConstraints(min_length=1, max_length=500)]


class HoursCreate(Input):
    """The hours worked on an assignment in one month, by its employer of record."""

    assignment_id: uuid.UUID
    month: Month
    hours: Hours
    note: Note = ""


class HoursUpdate(Input):
    """A correction of a declaration still waiting or rejected (it then waits again)."""

    hours: Hours | None = None
    note: Note | None = None


class HoursRejection(Input):
    reason: Reason


class MonthValidation(Input):
    """Validate every declaration of a month still waiting (one employer's, or one lot's)."""

    month: Month
    employer_id: uuid.UUID | None = None
    lot_id: uuid.UUID | None = None


class MonthValidated(BaseModel):
    month: str
    validated: int


class HoursActions(BaseModel):
    edit: bool
    validate_hours: bool = Field(alias="validate", serialization_alias="validate")
    reject: bool

    model_config = {"populate_by_name": True}


class Named(BaseModel):
    id: uuid.UUID
    name: str


class HoursAssignment(BaseModel):
    """The assignment a declaration is for, as its readers know it."""

    id: uuid.UUID
    first_names: str
    last_name: str
    mode: FulfilmentMode
    lot_id: uuid.UUID
    lot_number: int
    lot_title: str
    tender_id: uuid.UUID


class HoursRead(BaseModel):
    id: uuid.UUID
    version: int
    assignment: HoursAssignment
    employer: Named
    month: str
    hours: Decimal
    note: str
    status: HoursStatus
    declared_at: datetime
    decided_at: datetime | None
    rejection_reason: str
    actions: HoursActions


class GridRow(BaseModel):
    """One assignment running in the month, and its declaration if there is one."""

    assignment: HoursAssignment
    hours_per_week: Decimal
    ceiling: int = Field(description="The monthly ceiling per person of its structure.")
    declaration: HoursRead | None
    declarable: bool = Field(description="Whether the caller may declare this month now.")


class HoursGrid(BaseModel):
    month: str
    items: list[GridRow]
    next_cursor: str | None


class HoursImportResult(BaseModel):
    """What an import checked, and wrote when applied (all lines, or none)."""

    rows: int
    valid: int
    created: int
    updated: int = Field(description="Months waiting or rejected, corrected by the file.")
    unchanged: int = Field(description="Months already declared with the same hours and note.")
    applied: bool
    file_errors: list[str]
    errors: list[ImportRowErrors]
