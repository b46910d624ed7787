"""Participants, eligibility validations, pathways and their steps.

All four are personal data: their audit entries and outbox events name the fields
touched, never their values (`__audit_personal__`).
"""

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar, Optional

from sqlalchemy import JSON, Column, Index, Numeric, text
from sqlmodel import Field, Relationship

from levier.core.db import trigram_index
from levier.core.models import Entity, timestamp_field
from levier.organisations.models import Organisation
from levier.tenders.models import Lot
from levier.users.models import User


class Participant(Entity, table=True):
    """A person far from employment, followed by one referent at a time.

    The referent's organisation owns the portfolio; the facilitation structure the person is
    referred to validates eligibility. No social-security number is ever stored.
    """

    __tablename__ = "participants"
    __entity_type__: ClassVar[str] = "participant"
    __audit_owner__: ClassVar[str] = "organisation_id"
    __audit_personal__: ClassVar[bool] = True
    __table_args__ = (
        # Name order over a whole network (a coordinator's many organisations): walked in order.
        Index("ix_participants_name", "search_name", "id"),
        Index("ix_participants_referent", "referent_id", "search_name", "id"),
        Index("ix_participants_organisation", "organisation_id", "search_name", "id"),
        Index("ix_participants_structure", "structure_id", "search_name", "id"),
        Index("ix_participants_identity", "birth_date", "identity_key"),
        trigram_index("ix_participants_search_trgm", "search_name"),
    )

    organisation_id: uuid.UUID = Field(foreign_key="organisations.id")
    referent_id: uuid.UUID = Field(foreign_key="users.id")
    structure_id: uuid.UUID | None = Field(default=None, foreign_key="organisations.id")
    last_name: str = Field(max_length=100)
    first_names: str = Field(max_length=150)
    search_name: str = Field(max_length=260)
    identity_key: str = Field(max_length=260)
    birth_date: date | None = None
    gender: str = Field(max_length=16)
    commune_code: str | None = Field(default=None, max_length=5)
    commune_name: str | None = Field(default=None, max_length=128)
    department_code: str | None = Field(default=None, max_length=3)
    qpv: bool = Field(default=False)
    address: str | None = Field(default=None, max_length=300)
    email: str | None = Field(default=None, max_length=254)
    phone: str | None = Field(default=None, max_length=32)
    france_travail_id: str | None = Field(default=None, max_length=16)
    notes: str = Field(default="", max_length=4000)
    # GDPR: limitation keeps the person out of matching and exports.
    restricted: bool = Field(default=False)
    health_consent_on: date | None = None
    health_consent_by_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    last_activity_on: date
    # Set by the retention job when it warns the referent (30 days ahead): the day the record
    # will be anonymised. Any new activity clears it (`identity.touch`).
    retention_due_on: date | None = None
    # Statistical residue kept after anonymisation.
    anonymised_at: datetime | None = timestamp_field(default=None, nullable=True)
    age_band: str | None = Field(default=None, max_length=8)

    referent: User = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "foreign_keys": "[Participant.referent_id]"}
    )
    # The facilitation structure the person is referred to (named on their record).
    structure: Organisation | None = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "foreign_keys": "[Participant.structure_id]"}
    )
    eligibility: list["EligibilityValidation"] = Relationship(
        sa_relationship_kwargs={
            "lazy": "raise",
            "cascade": "all, delete-orphan",
            "order_by": "EligibilityValidation.validated_on.desc()",
        }
    )
    pathways: list["Pathway"] = Relationship(
        sa_relationship_kwargs={
            "lazy": "raise",
            "cascade": "all, delete-orphan",
            "order_by": "Pathway.entry_date.desc()",
        }
    )


class EligibilityValidation(Entity, table=True):
    """A facilitator's validation of one criterion on a date, with the evidence seen."""

    __tablename__ = "eligibility_validations"
    __entity_type__: ClassVar[str] = "eligibility_validation"
    __audit_owner__: ClassVar[str] = "structure_id"
    __audit_personal__: ClassVar[bool] = True
    __table_args__ = (
        Index("ix_eligibility_participant", "participant_id", "valid_until"),
        Index("ix_eligibility_structure", "structure_id", "valid_until"),
    )

    participant_id: uuid.UUID = Field(foreign_key="participants.id", ondelete="CASCADE")
    structure_id: uuid.UUID = Field(foreign_key="organisations.id")
    criterion: str = Field(max_length=32)
    minimum_income_kind: str | None = Field(default=None, max_length=16)
    opinion_source: str | None = Field(default=None, max_length=32)
    evidence_type: str | None = Field(default=None, max_length=32)
    evidence_date: date | None = None
    validated_on: date
    valid_until: date
    validated_by_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    # Withdrawn (made in error, evidence found false): kept in the history, counts for no day.
    withdrawn_on: date | None = None
    withdrawn_by_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    withdrawal_reason: str | None = Field(default=None, max_length=2000)


class Pathway(Entity, table=True):
    """A participant's pathway: entry, objective, ordered steps, exit and +6-month follow-up."""

    __tablename__ = "pathways"
    __entity_type__: ClassVar[str] = "pathway"
    __audit_owner__: ClassVar[str] = "organisation_id"
    __audit_personal__: ClassVar[bool] = True
    __table_args__ = (
        # At most one open pathway per participant, enforced by the database too.
        Index(
            "uq_pathways_one_open",
            "participant_id",
            unique=True,
            sqlite_where=text("exit_date IS NULL"),
            postgresql_where=text("exit_date IS NULL"),
        ),
        Index("ix_pathways_organisation_exit", "organisation_id", "exit_category"),
        # A page's latest pathways, and the pathway filters' EXISTS lookups.
        Index("ix_pathways_participant", "participant_id", "entry_date"),
    )

    participant_id: uuid.UUID = Field(foreign_key="participants.id", ondelete="CASCADE")
    organisation_id: uuid.UUID = Field(foreign_key="organisations.id")
    referent_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    entry_date: date
    objective_rome_codes: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    exit_date: date | None = None
    exit_situation: str | None = Field(default=None, max_length=32)
    exit_category: str | None = Field(default=None, max_length=32)
    exit_notes: str = Field(default="", max_length=2000)
    follow_up_date: date | None = None
    follow_up_situation: str | None = Field(default=None, max_length=32)
    follow_up_category: str | None = Field(default=None, max_length=32)

    steps: list["PathwayStep"] = Relationship(
        sa_relationship_kwargs={
            "lazy": "raise",
            "cascade": "all, delete-orphan",
            "order_by": "(PathwayStep.start_date, PathwayStep.created_at)",
        }
    )


class PathwayStep(Entity, table=True):
    """One step of a pathway; employment and clause assignments carry their contract."""

    __tablename__ = "pathway_steps"
    __entity_type__: ClassVar[str] = "pathway_step"
    __audit_owner__: ClassVar[str] = "organisation_id"
    __audit_personal__: ClassVar[bool] = True
    __table_args__ = (Index("ix_pathway_steps_pathway", "pathway_id", "start_date"),)

    pathway_id: uuid.UUID = Field(foreign_key="pathways.id", ondelete="CASCADE")
    organisation_id: uuid.UUID = Field(foreign_key="organisations.id")
    kind: str = Field(max_length=32)
    start_date: date
    end_date: date | None = None
    qualification_level: str | None = Field(default=None, max_length=8)
    contract_kind: str | None = Field(default=None, max_length=32)
    employer: str | None = Field(default=None, max_length=200)
    hours_per_week: Decimal | None = Field(default=None, sa_column=Column(Numeric(5, 2)))
    lot_id: uuid.UUID | None = Field(default=None, foreign_key="lots.id")
    enterprise_id: uuid.UUID | None = Field(default=None, foreign_key="organisations.id")
    notes: str = Field(default="", max_length=2000)
    # A clause assignment accepted outside the eligibility rules: the facilitator's exception.
    exception_id: uuid.UUID | None = Field(default=None, foreign_key="clause_exceptions.id")
    # A clause assignment recorded as an assignment (a hire): changed through the assignment.
    assignment_id: uuid.UUID | None = Field(default=None, foreign_key="assignments.id")

    exception: Optional["ClauseException"] = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    # The lot of a clause assignment, named in the pathway (tender reference, lot number).
    lot: Lot | None = Relationship(sa_relationship_kwargs={"lazy": "raise"})


class ClauseException(Entity, table=True):
    """A facilitator's recorded exception: this person may enter this lot's clause although
    the eligibility rules refuse it (not eligible on the start date, or outside the
    operation's restriction), with the reason (domain clauses.md §3)."""

    __tablename__ = "clause_exceptions"
    __entity_type__: ClassVar[str] = "clause_exception"
    __audit_owner__: ClassVar[str] = "structure_id"
    __audit_personal__: ClassVar[bool] = True
    __table_args__ = (Index("ix_clause_exceptions_participant", "participant_id", "lot_id"),)

    participant_id: uuid.UUID = Field(foreign_key="participants.id", ondelete="CASCADE")
    lot_id: uuid.UUID = Field(foreign_key="lots.id")
    structure_id: uuid.UUID = Field(foreign_key="organisations.id")
    reason: str = Field(max_length=2000)
    granted_by_id: uuid.UUID = Field(foreign_key="users.id")
    granted_on: date

    granted_by: User = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    lot: Lot = Relationship(sa_relationship_kwargs={"lazy": "raise"})
