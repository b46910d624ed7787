"""A facilitation structure's clause settings and its labour-share table (history: audit log)."""

import uuid
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import JSON, Column, Numeric, Text, UniqueConstraint
from sqlmodel import Field

from levier.core.models import Entity
from levier.reference.criteria import ALL_CRITERIA


class ClauseSettings(Entity, table=True):
    """Defaults a structure's calculator uses when a lot does not set them."""

    __tablename__ = "clause_settings"
    __entity_type__: ClassVar[str] = "clause_settings"
    __audit_owner__: ClassVar[str] = "organisation_id"

    organisation_id: uuid.UUID = Field(foreign_key="organisations.id", unique=True)
    hourly_cost: Decimal = Field(sa_column=Column(Numeric(10, 2), nullable=False))
    insertion_rate: Decimal = Field(sa_column=Column(Numeric(6, 4), nullable=False))
    default_labour_share: Decimal = Field(sa_column=Column(Numeric(5, 4), nullable=False))
    monthly_ceiling_hours: int
    training_cap_share: Decimal = Field(sa_column=Column(Numeric(5, 4), nullable=False))
    cleaning_hourly_cost: Decimal = Field(sa_column=Column(Numeric(10, 2), nullable=False))
    cleaning_min_hours: int
    # How long a facilitator's eligibility validation stays valid (participants.md).
    eligibility_validity_months: int = Field(default=24, sa_column_kwargs={"server_default": "24"})
    # The eligibility criteria the structure validates against (participants.md: a configurable
    # list with stable codes); all of them unless the structure narrows it.
    enabled_criteria: list[str] = Field(
        default_factory=lambda: list(ALL_CRITERIA),
        sa_column=Column(JSON, nullable=False),
    )
    # Shown in the clause article: who awardees contact, and the structure's own template.
    contact_name: str | None = Field(default=None, max_length=200)
    contact_email: str | None = Field(default=None, max_length=254)
    contact_phone: str | None = Field(default=None, max_length=40)
    article_template: str | None = Field(default=None, sa_column=Column(Text))


class LabourShare(Entity, table=True):
    """The share of labour in a lot's amount for CPV codes starting with `cpv_prefix`."""

    __tablename__ = "labour_shares"
    __entity_type__: ClassVar[str] = "labour_share"
    __audit_owner__: ClassVar[str] = "organisation_id"
    __table_args__ = (UniqueConstraint("organisation_id", "cpv_prefix"),)

    organisation_id: uuid.UUID = Field(foreign_key="organisations.id", index=True)
    cpv_prefix: str = Field(max_length=8)
    trade: str = Field(max_length=200)
    share: Decimal = Field(sa_column=Column(Numeric(5, 4), nullable=False))
