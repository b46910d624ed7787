"""An assignment: who works on which lot's clause, employed by whom, from when, how long."""

import uuid
from datetime import date
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import Column, Index, Numeric
from sqlmodel import Field, Relationship

from levier.core.models import Entity
from levier.organisations.models import Organisation
from levier.participants.models import ClauseException, Participant
from levier.tenders.models import Lot


class Assignment(Entity, table=True):
    """A person's work on an awarded lot's clause (domain clauses.md §3).

    `host_id` is the lot's enterprise the work is done for (an awardee, a consortium member
    or a declared subcontractor); `employer_id` the employer of record, who declares the
    hours (the host itself for a direct hire, the agency, AI or GEIQ for temporary work and
    placement, the SIAE / EA for subcontracting; none for training). Eligibility was checked
    on `start_date`; `exception_id` names the facilitator's exception it relied on."""

    __tablename__ = "assignments"
    __entity_type__: ClassVar[str] = "assignment"
    __audit_owner__: ClassVar[str] = "structure_id"
    __audit_personal__: ClassVar[bool] = True
    __anonymised__: ClassVar[dict[str, str]] = {"end_note": ""}
    __table_args__ = (
        Index("ix_assignments_structure", "structure_id", "start_date", "id"),
        Index("ix_assignments_employer", "employer_id", "start_date", "id"),
        Index("ix_assignments_host", "host_id", "start_date", "id"),
        Index("ix_assignments_lot", "lot_id", "start_date", "id"),
        Index("ix_assignments_participant", "participant_id", "start_date"),
        Index("ix_assignments_order", "start_date", "id"),
    )

    structure_id: uuid.UUID = Field(foreign_key="organisations.id")
    tender_id: uuid.UUID = Field(foreign_key="tenders.id")
    lot_id: uuid.UUID = Field(foreign_key="lots.id")
    participant_id: uuid.UUID = Field(foreign_key="participants.id")
    host_id: uuid.UUID = Field(foreign_key="organisations.id")
    employer_id: uuid.UUID | None = Field(default=None, foreign_key="organisations.id")
    mode: str = Field(max_length=32)
    contract_kind: str | None = Field(default=None, max_length=32)
    start_date: date
    planned_end_date: date | None = None
    hours_per_week: Decimal = Field(sa_column=Column(Numeric(5, 2), nullable=False))
    job_title: str = Field(default="", max_length=200)
    ended_on: date | None = None
    end_reason: str | None = Field(default=None, max_length=32)
    end_note: str = Field(default="", max_length=2000)
    offer_id: uuid.UUID | None = Field(default=None, foreign_key="offers.id")
    exception_id: uuid.UUID | None = Field(default=None, foreign_key="clause_exceptions.id")
    created_by_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")

    participant: Participant = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    lot: Lot = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    host: Organisation = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "foreign_keys": "[Assignment.host_id]"}
    )
    employer: Organisation | None = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "foreign_keys": "[Assignment.employer_id]"}
    )
    exception: ClauseException | None = Relationship(sa_relationship_kwargs={"lazy": "raise"})
