"""Issued documents as read, what issuing takes, and the end-of-assignment report's parts."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from levier.core.validation import FreeText, Input
from levier.documents.constants import (
    MONTH_PATTERN,
    Attendance,
    DocumentKind,
    Recommendation,
    ReportOutcome,
    ReportStatus,
)

Month = Annotated[
    str,
    StringConstraints(pattern=MONTH_PATTERN),
    Field(examples=["2025-01"], description="YYYY-MM"),
]
# Free texts about a person's work: no health information belongs here (GDPR art. 9), which
# the form says next to each field.
ReportText = Annotated[FreeText, StringConstraints(max_length=2000)]
RequiredReportText = Annotated[FreeText, StringConstraints(min_length=1, max_length=2000)]


class DocumentRead(BaseModel):
    id: uuid.UUID
    kind: DocumentKind
    edition: int = Field(description="1 for the first issue of its subject, then 2, 3…")
    lot_id: uuid.UUID | None
    assignment_id: uuid.UUID | None
    buyer_id: uuid.UUID | None
    month: str | None = Field(description="YYYY-MM, for a monthly report.")
    filename: str
    media_type: str
    size: int
    sha256: str = Field(description="Hex SHA-256 of the exact bytes archived.")
    issued_at: datetime
    download_url: str


class LotDocumentActions(BaseModel):
    issue_certificate: bool


class LotDocuments(BaseModel):
    """A lot's completion certificates (every edition, newest first)."""

    items: list[DocumentRead]
    actions: LotDocumentActions


class BuyerReportCreate(Input):
    """A buyer's lots and their compliance at the end of a month (today for the month under
    way): the facilitator for a buyer of its tenders, or the buyer for itself."""

    buyer_id: uuid.UUID
    month: Month


class BuyerReportIssued(BaseModel):
    month: str
    lots: int
    items: list[DocumentRead] = Field(description="The PDF and the XLSX.")


class EmployerPart(Input):
    """What the employer writes: what the person did and learnt, and how it went."""

    skills_acquired: RequiredReportText
    tasks: RequiredReportText
    attendance: Attendance
    recommendation: Recommendation
    comment: ReportText = ""


class FacilitatorPart(Input):
    """What the facilitator writes: where the person stands and what comes next."""

    outcome: ReportOutcome
    next_step: RequiredReportText


class EmployerPartRead(BaseModel):
    skills_acquired: str
    tasks: str
    attendance: Attendance | None
    recommendation: Recommendation | None
    comment: str
    written_at: datetime | None


class FacilitatorPartRead(BaseModel):
    outcome: ReportOutcome | None
    next_step: str
    written_at: datetime | None


class ReportActions(BaseModel):
    edit_employer_part: bool
    edit_facilitator_part: bool
    issue: bool


class AssignmentReportRead(BaseModel):
    """The end-of-assignment report of an assignment (an empty draft until a part is
    written). An enterprise reads its own part only: the facilitator's says where the person
    stands, which is their pathway's business."""

    assignment_id: uuid.UUID
    status: ReportStatus
    version: int = Field(description="0 until a part is written (no If-Match needed then).")
    ended_on: date | None
    employer_part: EmployerPartRead
    facilitator_part: FacilitatorPartRead | None
    document: DocumentRead | None
    actions: ReportActions
