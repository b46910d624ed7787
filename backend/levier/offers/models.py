"""A job offer: the job (ROME sheet and title), where and when, how many posts, its status."""

import uuid
from datetime import date
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import Column, Index, Numeric
from sqlmodel import Field, Relationship

from levier.core.models import Entity
from levier.organisations.models import Organisation
from levier.tenders.models import Lot


class Offer(Entity, table=True):
    """A job offer of an enterprise, on one of its lots (its clause) or for it generally.

    The place's department and region are copied from the commune so that a referent's
    territory (communes, departments or regions) selects offers without a join."""

    __tablename__ = "offers"
    __entity_type__: ClassVar[str] = "offer"
    __audit_owner__: ClassVar[str] = "structure_id"
    __table_args__ = (
        Index("ix_offers_order", "start_date", "id"),
        Index("ix_offers_status", "status", "start_date", "id"),
        Index("ix_offers_structure", "structure_id", "start_date", "id"),
        Index("ix_offers_enterprise", "enterprise_id", "start_date", "id"),
        Index("ix_offers_lot", "lot_id", "start_date", "id"),
        Index("ix_offers_tender", "tender_id", "start_date", "id"),
        Index("ix_offers_rome", "rome_code", "start_date", "id"),
        Index("ix_offers_commune", "commune_code", "start_date", "id"),
        Index("ix_offers_department", "department_code", "status"),
        Index("ix_offers_region", "region_code", "status"),
    )

    structure_id: uuid.UUID = Field(foreign_key="organisations.id")
    enterprise_id: uuid.UUID = Field(foreign_key="organisations.id")
    tender_id: uuid.UUID | None = Field(default=None, foreign_key="tenders.id")
    lot_id: uuid.UUID | None = Field(default=None, foreign_key="lots.id")
    rome_code: str = Field(max_length=5)
    title: str = Field(max_length=200)
    description: str = Field(default="", max_length=4000)
    commune_code: str = Field(max_length=5)
    commune_name: str = Field(max_length=128)
    department_code: str | None = Field(default=None, max_length=3)
    region_code: str | None = Field(default=None, max_length=3)
    start_date: date
    duration_months: int
    hours_per_week: Decimal = Field(sa_column=Column(Numeric(5, 2), nullable=False))
    posts: int
    contract_kind: str = Field(max_length=32)
    status: str = Field(default="open", max_length=16)
    created_by_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")

    enterprise: Organisation = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "foreign_keys": "[Offer.enterprise_id]"}
    )
    lot: Lot | None = Relationship(sa_relationship_kwargs={"lazy": "raise"})
