from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from levier.territories.models import TerritoryLevel


class TerritoryRead(BaseModel):
    """A region, department or commune."""

    model_config = ConfigDict(from_attributes=True)

    level: TerritoryLevel
    code: str
    name: str
    department_code: str | None = None
    region_code: str | None = None


class TerritoryRef(BaseModel):
    """A reference to a territory by level and INSEE code."""

    model_config = ConfigDict(extra="forbid")

    level: TerritoryLevel
    code: str


class TerritoryRefRead(TerritoryRef):
    """A territory reference with its name."""

    model_config = ConfigDict(extra="forbid", from_attributes=True)

    name: str
