"""Operations (programmes), tenders of buyers, their lots and each lot's social considerations."""

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar, Optional

from sqlalchemy import JSON, Column, Index, Numeric, UniqueConstraint, func
from sqlalchemy.ext.hybrid import hybrid_property
from sqlmodel import Field, Relationship, SQLModel

from levier.core.db import trigram_index
from levier.core.models import Entity, timestamp_field
from levier.organisations.models import Organisation
from levier.users.models import User


class Operation(Entity, table=True):
    """A programme grouping tenders of one or more buyers (e.g. an NPNRU project)."""

    __tablename__ = "operations"
    __entity_type__: ClassVar[str] = "operation"
    __audit_owner__: ClassVar[str] = "structure_id"
    __table_args__ = (
        Index("ix_operations_structure", "structure_id", "search_name", "id"),
        trigram_index("ix_operations_search_trgm", "search_name"),
    )

    structure_id: uuid.UUID = Field(foreign_key="organisations.id")
    name: str = Field(max_length=200)
    search_name: str = Field(max_length=200)
    description: str = Field(default="", max_length=4000)
    target_kind: str | None = Field(default=None, max_length=16)
    target_value: Decimal | None = Field(default=None, sa_column=Column(Numeric(12, 4)))
    eligibility_restriction: str | None = Field(default=None, max_length=32)


class Tender(Entity, table=True):
    """One procurement procedure of a buyer, followed by a facilitation structure."""

    __tablename__ = "tenders"
    __entity_type__: ClassVar[str] = "tender"
    __audit_owner__: ClassVar[str] = "structure_id"
    __table_args__ = (
        UniqueConstraint("buyer_id", "reference"),
        Index("ix_tenders_structure", "structure_id", "status", "created_at", "id"),
        Index("ix_tenders_buyer", "buyer_id", "created_at", "id"),
        Index("ix_tenders_operation", "operation_id", "created_at", "id"),
        trigram_index("ix_tenders_search_trgm", "search_text"),
    )

    structure_id: uuid.UUID = Field(foreign_key="organisations.id")
    buyer_id: uuid.UUID = Field(foreign_key="organisations.id")
    operation_id: uuid.UUID | None = Field(default=None, foreign_key="operations.id")
    reference: str = Field(max_length=16)
    object: str = Field(max_length=1000)
    search_text: str = Field(max_length=1100)
    procedure: str = Field(max_length=32)
    nature: str = Field(default="contract", max_length=32)
    ccag: str = Field(max_length=32)
    price_form: str = Field(max_length=16)
    techniques: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    cpv_code: str = Field(max_length=10)
    place_level: str = Field(max_length=16)
    place_code: str = Field(max_length=5)
    place_name: str = Field(max_length=128)
    publication_date: date | None = None
    deadline_date: date | None = None
    status: str = Field(default="draft", max_length=16)

    lots: list["Lot"] = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "order_by": "Lot.number"}
    )
    buyer: Organisation = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "foreign_keys": "[Tender.buyer_id]"}
    )
    operation: Optional["Operation"] = Relationship(sa_relationship_kwargs={"lazy": "raise"})


class Lot(Entity, table=True):
    """A part of a tender awarded separately; its clause and hours are set here."""

    model_config = {"ignored_types": (hybrid_property,)}  # type: ignore[assignment]
    __tablename__ = "lots"
    __entity_type__: ClassVar[str] = "lot"
    __table_args__ = (UniqueConstraint("tender_id", "number"),)

    tender_id: uuid.UUID = Field(foreign_key="tenders.id", ondelete="CASCADE")
    number: int
    title: str = Field(max_length=300)
    trade: str = Field(default="", max_length=200)
    cpv_code: str = Field(max_length=10)
    estimated_amount: Decimal = Field(sa_column=Column(Numeric(14, 2), nullable=False))
    duration_months: int
    # The hours calculation (insertion clause / insertion-purpose market).
    calculation_method: str = Field(default="generic", max_length=16)
    labour_share: Decimal | None = Field(default=None, sa_column=Column(Numeric(5, 4)))
    insertion_rate: Decimal | None = Field(default=None, sa_column=Column(Numeric(6, 4)))
    hourly_cost: Decimal | None = Field(default=None, sa_column=Column(Numeric(10, 2)))
    taken_over_monthly_hours: Decimal | None = Field(default=None, sa_column=Column(Numeric(10, 2)))
    computed_hours: int | None = None
    labour_hours: int | None = None  # hours of work the amount pays for (operation roll-up)
    calculation: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    override_hours: int | None = None
    override_reason: str | None = Field(default=None, max_length=2000)
    override_by_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    override_at: datetime | None = timestamp_field(default=None, nullable=True)
    penalty_per_missing_hour: Decimal | None = Field(default=None, sa_column=Column(Numeric(10, 2)))
    # After award: the amount in force (awarded, then amended) and whether hours are frozen.
    current_amount: Decimal | None = Field(default=None, sa_column=Column(Numeric(14, 2)))
    hours_frozen: bool = Field(default=False)
    # Closed without an awardee: unsuccessful (infructueux) or abandoned (sans suite).
    outcome: str | None = Field(default=None, max_length=16)
    outcome_on: date | None = None
    outcome_reason: str | None = Field(default=None, max_length=2000)

    considerations: list["LotConsideration"] = Relationship(
        sa_relationship_kwargs={
            "lazy": "raise",
            "cascade": "all, delete-orphan",
            "order_by": "LotConsideration.kind",
        }
    )
    override_by: User | None = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    # Read-only way back to the tender (its reference names the lot elsewhere: exceptions).
    tender: "Tender" = Relationship(sa_relationship_kwargs={"lazy": "raise", "viewonly": True})
    award: Optional["LotAward"] = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "uselist": False, "cascade": "all, delete-orphan"}
    )
    amendments: list["Amendment"] = Relationship(
        sa_relationship_kwargs={
            "lazy": "raise",
            "cascade": "all, delete-orphan",
            "order_by": "Amendment.number",
        }
    )

    @hybrid_property
    def required_hours(self) -> int | None:
        """The hours the lot must carry: the facilitator's override when set, else the
        computed figure. The same rule in Python and in SQL (roll-ups sum it)."""
        return self.override_hours if self.override_hours is not None else self.computed_hours

    @required_hours.inplace.expression
    @classmethod
    def _required_hours_sql(cls) -> Any:
        return func.coalesce(cls.override_hours, cls.computed_hours)


class LotConsideration(SQLModel, table=True):
    """One social consideration of a lot (several per lot where the law allows)."""

    __tablename__ = "lot_considerations"

    lot_id: uuid.UUID | None = Field(
        default=None, foreign_key="lots.id", primary_key=True, ondelete="CASCADE"
    )
    kind: str = Field(primary_key=True, max_length=32)
    criterion_weight: Decimal | None = Field(default=None, sa_column=Column(Numeric(5, 2)))


class LotAward(Entity, table=True):
    """Who won a lot (one enterprise or a consortium), for how much, and when it was notified."""

    __tablename__ = "lot_awards"
    __entity_type__: ClassVar[str] = "lot_award"

    lot_id: uuid.UUID = Field(foreign_key="lots.id", unique=True, ondelete="CASCADE")
    awarded_amount: Decimal = Field(sa_column=Column(Numeric(14, 2), nullable=False))
    notification_date: date
    consortium_type: str = Field(default="none", max_length=16)

    members: list["AwardMember"] = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "cascade": "all, delete-orphan"}
    )
    subcontractors: list["Subcontractor"] = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "cascade": "all, delete-orphan"}
    )


class AwardMember(SQLModel, table=True):
    """An awardee: the single enterprise, or a consortium member (one is the mandatary)."""

    __tablename__ = "lot_award_members"
    __table_args__ = (Index("ix_lot_award_members_enterprise", "enterprise_id"),)

    award_id: uuid.UUID | None = Field(
        default=None, foreign_key="lot_awards.id", primary_key=True, ondelete="CASCADE"
    )
    enterprise_id: uuid.UUID = Field(foreign_key="organisations.id", primary_key=True)
    is_mandatary: bool = Field(default=False)
    # A consortium member's share of the awarded amount, when declared: an SIAE / EA
    # co-contractor's hours are converted from it until its real hours are known.
    amount: Decimal | None = Field(default=None, sa_column=Column(Numeric(14, 2)))

    enterprise: Organisation = Relationship(sa_relationship_kwargs={"lazy": "raise"})


class Subcontractor(SQLModel, table=True):
    """A subcontractor declared by the awardee, with the amount subcontracted."""

    __tablename__ = "lot_subcontractors"
    __table_args__ = (Index("ix_lot_subcontractors_enterprise", "enterprise_id"),)

    award_id: uuid.UUID | None = Field(
        default=None, foreign_key="lot_awards.id", primary_key=True, ondelete="CASCADE"
    )
    enterprise_id: uuid.UUID = Field(foreign_key="organisations.id", primary_key=True)
    amount: Decimal = Field(sa_column=Column(Numeric(14, 2), nullable=False))

    enterprise: Organisation = Relationship(sa_relationship_kwargs={"lazy": "raise"})


class Amendment(Entity, table=True):
    """An avenant: a new amount and/or duration, and the hours before and after it."""

    __tablename__ = "lot_amendments"
    __entity_type__: ClassVar[str] = "lot_amendment"
    __table_args__ = (UniqueConstraint("lot_id", "number"),)

    lot_id: uuid.UUID = Field(foreign_key="lots.id", ondelete="CASCADE")
    number: int
    signed_on: date
    reason: str = Field(max_length=2000)
    amount_before: Decimal = Field(sa_column=Column(Numeric(14, 2), nullable=False))
    amount_after: Decimal = Field(sa_column=Column(Numeric(14, 2), nullable=False))
    duration_before: int
    duration_after: int
    hours_before: int | None = None
    hours_after: int | None = None
