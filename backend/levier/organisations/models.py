"""Organisations: facilitation structures, buyers, enterprises, prescribers, networks."""

import uuid
from typing import ClassVar, Optional

from sqlalchemy import ForeignKeyConstraint, Index
from sqlmodel import Field, Relationship, SQLModel

from levier.core.db import trigram_index
from levier.core.models import Entity


class Organisation(Entity, table=True):
    """An organisation; its users act within it and its territory."""

    __tablename__ = "organisations"
    __entity_type__: ClassVar[str] = "organisation"
    __audit_owner__: ClassVar[str] = "id"
    __table_args__ = (
        Index("ix_organisations_name", "search_name", "id"),
        Index("ix_organisations_kind", "kind", "search_name"),
        trigram_index("ix_organisations_search_trgm", "search_name"),
    )

    name: str = Field(max_length=200)
    search_name: str = Field(max_length=200)
    kind: str = Field(max_length=32)
    siret: str | None = Field(default=None, max_length=14, unique=True)
    active: bool = Field(default=True)
    # Enterprises only: ordinary or an inclusive kind (SIAE, EA/ESAT…), and the ESS flag.
    enterprise_kind: str | None = Field(default=None, max_length=16)
    ess: bool = Field(default=False)
    # The PLIE (or other coordinating structure) whose network this organisation's referents
    # belong to: its coordinators see and reassign their portfolios.
    coordinator_id: uuid.UUID | None = Field(
        default=None, foreign_key="organisations.id", index=True, ondelete="SET NULL"
    )

    # How long this controller keeps its participants' records after their last activity
    # (12–36 months, participants.md); null: the instance's LEVIER_RETENTION_MONTHS.
    retention_months: int | None = Field(default=None)

    coordinator: Optional["Organisation"] = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "remote_side": "Organisation.id"}
    )
    territory: list["OrganisationTerritory"] = Relationship(
        sa_relationship_kwargs={
            "lazy": "raise",
            "cascade": "all, delete-orphan",
            "order_by": "OrganisationTerritory.position",
        }
    )


class OrganisationTerritory(SQLModel, table=True):
    """One territory (commune, department or region) an organisation covers."""

    __tablename__ = "organisation_territories"
    __table_args__ = (
        ForeignKeyConstraint(
            ["level", "code"],
            ["territories.level", "territories.code"],
            name="fk_organisation_territories_territory",
        ),
        Index("ix_organisation_territories_code", "level", "code"),
    )

    organisation_id: uuid.UUID | None = Field(
        default=None, foreign_key="organisations.id", primary_key=True, ondelete="CASCADE"
    )
    level: str = Field(primary_key=True, max_length=16)
    code: str = Field(primary_key=True, max_length=5)
    name: str = Field(max_length=128)
    position: int = Field(default=0)
