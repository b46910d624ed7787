"""One month of hours on one assignment, as declared and as decided."""

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import Column, Index, Numeric, UniqueConstraint
from sqlmodel import Field, Relationship

from levier.assignments.models import Assignment
from levier.core.models import Entity, timestamp_field


class HoursDeclaration(Entity, table=True):
    """The hours a person worked on an assignment in one month (`month` is its first day),
    declared by the employer of record; counted once the facilitator validates them.

    The assignment's structure, lot and employer are copied so that the validation queue,
    a lot's figures and an employer's grid are each one indexed condition."""

    __tablename__ = "hours_declarations"
    __entity_type__: ClassVar[str] = "hours_declaration"
    __audit_owner__: ClassVar[str] = "structure_id"
    __audit_personal__: ClassVar[bool] = True
    __anonymised__: ClassVar[dict[str, str]] = {"note": ""}
    __table_args__ = (
        UniqueConstraint("assignment_id", "month", name="uq_hours_declarations_month"),
        Index("ix_hours_structure_status", "structure_id", "status", "month", "id"),
        Index("ix_hours_lot", "lot_id", "month", "status"),
        Index("ix_hours_employer", "employer_id", "month", "id"),
        Index("ix_hours_order", "month", "id"),
    )

    assignment_id: uuid.UUID = Field(foreign_key="assignments.id")
    structure_id: uuid.UUID = Field(foreign_key="organisations.id")
    lot_id: uuid.UUID = Field(foreign_key="lots.id")
    employer_id: uuid.UUID = Field(foreign_key="organisations.id")
    participant_id: uuid.UUID = Field(foreign_key="participants.id")
    month: date
    hours: Decimal = Field(sa_column=Column(Numeric(6, 2), nullable=False))
    note: str = Field(default="", max_length=2000)
    status: str = Field(default="declared", max_length=16)
    declared_by_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    declared_at: datetime = timestamp_field()
    decided_by_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    decided_at: datetime | None = timestamp_field(default=None, nullable=True)
    rejection_reason: str = Field(default="", max_length=500)

    assignment: Assignment = Relationship(sa_relationship_kwargs={"lazy": "raise"})
