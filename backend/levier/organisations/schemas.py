from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from levier.core.validation import Input, Name, Siret
from levier.organisations.constants import EnterpriseKind, OrganisationKind
from levier.territories.schemas import TerritoryRef, TerritoryRefRead

RetentionMonths = Annotated[
    int,
    Field(
        ge=12,
        le=36,
        description="How long participants' records are kept after their last activity "
        "(months, 12–36; organisations owning portfolios only; null: the instance default).",
    ),
]


class OrganisationCreate(Input):
    """A new organisation."""

    name: Name
    kind: OrganisationKind
    siret: Siret | None = None
    territory: list[TerritoryRef] = Field(default_factory=list, max_length=500)
    active: bool = True
    enterprise_kind: EnterpriseKind | None = Field(
        default=None, description="Enterprises only (default `ordinary`)."
    )
    ess: bool = False
    coordinator_id: uuid.UUID | None = Field(
        default=None,
        description="The PLIE or network coordinating this organisation's referents.",
    )
    retention_months: RetentionMonths | None = None


class OrganisationUpdate(Input):
    """Changes to an organisation (only the fields sent)."""

    name: Name | None = None
    kind: OrganisationKind | None = None
    siret: Siret | None = None
    territory: list[TerritoryRef] | None = Field(default=None, max_length=500)
    active: bool | None = None
    enterprise_kind: EnterpriseKind | None = None
    ess: bool | None = None
    coordinator_id: uuid.UUID | None = None
    retention_months: RetentionMonths | None = None


class OrganisationSummary(BaseModel):
    """An organisation as shown next to a user."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    kind: OrganisationKind


class OrganisationActions(BaseModel):
    """What the caller may do with the organisation now."""

    edit: bool


class OrganisationRead(OrganisationSummary):
    """An organisation."""

    siret: str | None
    active: bool
    enterprise_kind: EnterpriseKind | None
    ess: bool
    coordinator_id: uuid.UUID | None
    coordinator: OrganisationSummary | None = Field(
        description="The PLIE or network coordinating this organisation's referents."
    )
    retention_months: int | None
    territory: list[TerritoryRefRead]
    created_at: datetime
    updated_at: datetime
    version: int
    actions: OrganisationActions | None = Field(
        default=None, description="In a single organisation's read (not in lists)."
    )
