from __future__ import annotations

from pydantic import BaseModel

from levier.reference.cpv import CpvLevel


class CpvRead(BaseModel):
    """A CPV division or group, labelled in the caller's language."""

    code: str
    level: CpvLevel
    label: str
