"""French administrative territories (INSEE codes), versioned reference data."""

from enum import StrEnum

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from levier.core.db import trigram_index


class TerritoryLevel(StrEnum):
    commune = "commune"
    department = "department"
    region = "region"


class Territory(SQLModel, table=True):
    """A region, department or commune (municipal arrondissements included) by INSEE code."""

    __tablename__ = "territories"
    __table_args__ = (
        Index("ix_territories_search", "level", "search_name"),
        Index("ix_territories_department", "department_code", "code"),
        Index("ix_territories_region", "region_code", "level"),
        trigram_index("ix_territories_search_trgm", "search_name"),
    )

    level: str = Field(primary_key=True, max_length=16)
    code: str = Field(primary_key=True, max_length=5)
    name: str = Field(max_length=128)
    search_name: str = Field(max_length=128)
    department_code: str | None = Field(default=None, max_length=3)
    region_code: str | None = Field(default=None, max_length=3)
    postal_codes: str = Field(default="", max_length=256)
