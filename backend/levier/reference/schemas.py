from __future__ import annotations

from pydantic import BaseModel, Field

from levier.reference.cpv import CpvLevel


class CpvRead(BaseModel):
    """A CPV code (division, group, class, category or sub-category), labelled in the
    caller's language."""

    code: str
    level: CpvLevel
    label: str


class CpvCodeRead(BaseModel):
    """One code of the vocabulary, complete with its check digit, and where it belongs."""

    code: str = Field(examples=["45210000-2"])
    level: CpvLevel
    label: str = Field(
        description="The code's own label in the caller's language.",
        examples=["Travaux de construction de bâtiments"],
    )
    division: CpvRead
    group: CpvRead | None = Field(description="None for a division's own code.")
