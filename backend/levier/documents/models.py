"""Issued documents (archived once, never rewritten) and end-of-assignment reports."""

import uuid
from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field

from levier.core.models import Entity, timestamp_field


class IssuedDocument(Entity, table=True):
    """A file Levier issued: its subject, who issued it and when, and the exact bytes' size
    and SHA-256 (the file itself is in the storage under `storage_key`).

    A row is never updated: issuing again adds a row with the next `edition` of the same
    subject. The subject is a lot (certificate), an assignment (report) or a buyer and a
    month (monthly report); `buyer_id` and `structure_id` say who may read it."""

    __tablename__ = "issued_documents"
    __entity_type__: ClassVar[str] = "issued_document"
    __audit_owner__: ClassVar[str] = "structure_id"
    # Reports name a person: the audit log keeps the names of the fields, never their values.
    __audit_personal__: ClassVar[bool] = True
    __table_args__ = (
        UniqueConstraint(
            "kind", "subject", "media_type", "edition", name="uq_issued_documents_edition"
        ),
        Index("ix_issued_documents_structure", "structure_id", "issued_at", "id"),
        Index("ix_issued_documents_buyer", "buyer_id", "issued_at", "id"),
        Index("ix_issued_documents_lot", "lot_id", "issued_at", "id"),
        Index("ix_issued_documents_assignment", "assignment_id", "issued_at", "id"),
        Index("ix_issued_documents_order", "issued_at", "id"),
    )

    kind: str = Field(max_length=32)
    # The subject as one string (`lot:<id>`, `assignment:<id>`, `buyer:<id>:2025-01`), so that
    # editions are numbered per subject by one unique constraint.
    subject: str = Field(max_length=100)
    edition: int
    structure_id: uuid.UUID | None = Field(default=None, foreign_key="organisations.id")
    buyer_id: uuid.UUID | None = Field(default=None, foreign_key="organisations.id")
    lot_id: uuid.UUID | None = Field(default=None, foreign_key="lots.id")
    assignment_id: uuid.UUID | None = Field(default=None, foreign_key="assignments.id")
    participant_id: uuid.UUID | None = Field(default=None, foreign_key="participants.id")
    month: date | None = None
    issued_by_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    issued_at: datetime = timestamp_field()
    filename: str = Field(max_length=200)
    media_type: str = Field(max_length=100)
    size: int
    sha256: str = Field(max_length=64)
    storage_key: str = Field(max_length=300, unique=True)


class AssignmentReport(Entity, table=True):
    """The end-of-assignment report (bilan de fin de mission) of an ended assignment: the
    employer's part and the facilitator's, each written by its author until it is issued."""

    __tablename__ = "assignment_reports"
    __entity_type__: ClassVar[str] = "assignment_report"
    __audit_owner__: ClassVar[str] = "structure_id"
    __audit_personal__: ClassVar[bool] = True
    __anonymised__: ClassVar[dict[str, str]] = {
        "skills_acquired": "",
        "tasks": "",
        "employer_comment": "",
        "next_step": "",
    }

    assignment_id: uuid.UUID = Field(foreign_key="assignments.id", unique=True)
    structure_id: uuid.UUID = Field(foreign_key="organisations.id", index=True)
    participant_id: uuid.UUID = Field(foreign_key="participants.id", index=True)
    status: str = Field(default="draft", max_length=16)
    # The employer's part.
    skills_acquired: str = Field(default="", max_length=2000)
    tasks: str = Field(default="", max_length=2000)
    attendance: str | None = Field(default=None, max_length=32)
    recommendation: str | None = Field(default=None, max_length=32)
    employer_comment: str = Field(default="", max_length=2000)
    employer_by_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    employer_at: datetime | None = timestamp_field(default=None, nullable=True)
    # The facilitator's part.
    outcome: str | None = Field(default=None, max_length=32)
    next_step: str = Field(default="", max_length=2000)
    facilitator_by_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    facilitator_at: datetime | None = timestamp_field(default=None, nullable=True)
    document_id: uuid.UUID | None = Field(default=None, foreign_key="issued_documents.id")
