"""The Common Procurement Vocabulary (CPV 2008, Regulation (EC) 213/2008): its 45 divisions
and the groups of construction (division 45) with French and English labels, shipped as
versioned reference data, and the validated `CpvCode` type. Groups of other divisions are
validated only once they are added to the data file (a code of such a division whose group
is unknown is then refused), so the file must hold every group before that rule is
tightened: until then only the division is checked for them.

A code is `DDGCCSSS-K`: division (2 digits), group, class, category, sub-categories, and a
check digit. Levier checks the shape and that the division, and the group when the code is
finer than a division, exist in the vocabulary.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, StringConstraints
from pydantic_core import PydanticCustomError

from levier.core.text import fold

DATA = Path(__file__).parent / "data" / "cpv-2008-divisions-groups.csv"
CPV_PATTERN = r"^\d{8}(-\d)?$"


class CpvLevel(StrEnum):
    division = "division"
    group = "group"


@dataclass(frozen=True, slots=True)
class CpvEntry:
    code: str  # with its check digit, e.g. 45000000-7
    level: CpvLevel
    label_fr: str
    label_en: str

    @property
    def prefix(self) -> str:
        """The significant digits: 2 for a division, 3 for a group."""
        return self.code[: 2 if self.level == CpvLevel.division else 3]

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_fr


@cache
def vocabulary() -> dict[str, CpvEntry]:
    """Divisions and groups by significant prefix ("45", "451"), in code order."""
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = [
            CpvEntry(row["code"], CpvLevel(row["level"]), row["label_fr"], row["label_en"])
            for row in csv.DictReader(handle)
        ]
    return {entry.prefix: entry for entry in sorted(rows, key=lambda e: e.code)}


@cache
def _search_keys() -> list[tuple[CpvEntry, str]]:
    return [
        (entry, fold(f"{entry.code} {entry.label_fr} {entry.label_en}"))
        for entry in vocabulary().values()
    ]


def lookup(code: str) -> tuple[CpvEntry | None, CpvEntry | None]:
    """The division and group (when the code names one) a CPV code belongs to."""
    entries = vocabulary()
    division = entries.get(code[:2])
    group = entries.get(code[:3]) if code[2] != "0" else None
    return division, group


def describe(code: str, language: str = "fr") -> str | None:
    """The most precise shipped label for a code: its group's, else its division's."""
    division, group = lookup(code)
    entry = group or division
    return entry.label(language) if entry else None


def search(query: str | None, limit: int) -> list[CpvEntry]:
    """Divisions and groups whose code starts with the digits typed, or whose label
    contains every word typed (accents and case ignored), in code order."""
    if not query:
        return list(vocabulary().values())[:limit]
    digits = query.replace("-", "").strip()
    if digits.isdigit():
        return [e for e in vocabulary().values() if e.code.replace("-", "").startswith(digits)][
            :limit
        ]
    words = fold(query).split()
    return [entry for entry, key in _search_keys() if all(w in key for w in words)][:limit]


def _groups_shipped(division: str) -> bool:
    return any(prefix.startswith(division) and len(prefix) == 3 for prefix in vocabulary())


def _known(value: str) -> str:
    division, group = lookup(value)
    group_checked = value[2] != "0" and _groups_shipped(value[:2])
    if division is None or (group_checked and group is None):
        raise PydanticCustomError(
            "cpv_unknown", "Unknown CPV code {cpv_code}.", {"cpv_code": value}
        )
    return value


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


CpvCode = Annotated[
    str,
    BeforeValidator(_strip),
    StringConstraints(pattern=CPV_PATTERN),
    AfterValidator(_known),
]
