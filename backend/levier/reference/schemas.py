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


class RomeRead(BaseModel):
    """A job sheet of the ROME 4.0 (French label), and the job title the search matched."""

    code: str = Field(examples=["F1703"])
    label: str = Field(examples=["Maçon / Maçonne"])
    appellation: str | None = Field(
        default=None,
        description="The job title of the sheet the words matched, when not its own label.",
    )
