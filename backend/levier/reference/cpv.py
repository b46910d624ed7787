"""The Common Procurement Vocabulary (CPV 2008, Regulation (EC) 213/2008), shipped as
versioned reference data (see `data/README.md` for where each file comes from):

- every code of the vocabulary with its check digit (`cpv-2008-codes.txt`), so a code is
  valid only if the vocabulary holds it, and a wrong check digit is named as such;
- the 45 divisions and 272 groups with their French and English labels
  (`cpv-2008-divisions-groups.csv`), used to search and to describe any code.

A code is `DDGCCSSS-K`: division (2 digits), group, class, category, sub-categories, and a
check digit. The check digit cannot be computed: most codes follow a weighted sum, but
about one in twenty kept the digit of an older version of the vocabulary, so it is read
from the list. A code typed without it gets it added, so stored codes are always complete.
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

DATA = Path(__file__).parent / "data"
LABELS = DATA / "cpv-2008-divisions-groups.csv"
CODES = DATA / "cpv-2008-codes.txt"
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
    with LABELS.open(encoding="utf-8", newline="") as handle:
        rows = [
            CpvEntry(row["code"], CpvLevel(row["level"]), row["label_fr"], row["label_en"])
            for row in csv.DictReader(handle)
        ]
    return {entry.prefix: entry for entry in sorted(rows, key=lambda e: e.code)}


@cache
def codes() -> dict[str, str]:
    """Every code of the vocabulary, complete with its check digit, by its eight digits."""
    with CODES.open(encoding="utf-8") as handle:
        return {line[:8]: line for line in (raw.strip() for raw in handle) if line}


@cache
def _search_keys() -> list[tuple[CpvEntry, str]]:
    return [
        (entry, fold(f"{entry.code} {entry.label_fr} {entry.label_en}"))
        for entry in vocabulary().values()
    ]


def lookup(code: str) -> tuple[CpvEntry | None, CpvEntry | None]:
    """The division and group (when the code is finer than a division) a code belongs to."""
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


def canonical(value: str) -> str:
    """The complete code for a code typed with or without its check digit.

    Raises `cpv_unknown` when the vocabulary has no such code, `cpv_check_digit` when the
    digit typed is not the code's."""
    known = codes().get(value[:8])
    if known is None:
        raise PydanticCustomError(
            "cpv_unknown", "Unknown CPV code {cpv_code}.", {"cpv_code": value}
        )
    if len(value) > 8 and value != known:
        raise PydanticCustomError(
            "cpv_check_digit",
            "Wrong check digit in {cpv_code}: this CPV code is written {expected}.",
            {"cpv_code": value, "expected": known},
        )
    return known


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


CpvCode = Annotated[
    str,
    BeforeValidator(_strip),
    StringConstraints(pattern=CPV_PATTERN),
    AfterValidator(canonical),
]
