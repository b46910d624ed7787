"""The Common Procurement Vocabulary (CPV 2008, Regulation (EC) 213/2008), shipped as
versioned reference data (`data/cpv-2008.csv`; `data/README.md` says where it comes from):
every code of the vocabulary with its check digit and its French and English labels, so a
code is valid only if the vocabulary holds it, and a wrong check digit is named as such.

A code is `DDGCCSSS-K`: division (2 digits), group, class, category, sub-categories, and a
check digit. The check digit cannot be computed: most codes follow a weighted sum, but
about one in twenty kept the digit of an older version of the vocabulary, so it is read
from the list. A code typed without it gets it added, so stored codes are always complete.
Searching the labels is `cpv_search`.
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

DATA = Path(__file__).parent / "data"
VOCABULARY = DATA / "cpv-2008.csv"
CPV_PATTERN = r"^\d{8}(-\d)?$"


class CpvLevel(StrEnum):
    """How deep a code sits: each level adds one significant digit, sub-categories up to three."""

    division = "division"
    group = "group"
    class_ = "class"
    category = "category"
    subcategory = "subcategory"


_LEVELS = {2: CpvLevel.division, 3: CpvLevel.group, 4: CpvLevel.class_, 5: CpvLevel.category}


def _significant(digits: str) -> int:
    """How many leading digits say what a code is: "45442100" → 6, "30000000" → 2."""
    return max(2, len(digits.rstrip("0")))


@dataclass(frozen=True, slots=True)
class CpvEntry:
    code: str  # with its check digit, e.g. 45000000-7
    level: CpvLevel
    label_fr: str
    label_en: str

    @property
    def prefix(self) -> str:
        """The significant digits: 2 for a division, 3 for a group, 4 for a class…"""
        return self.code[: _significant(self.code[:8])]

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_fr


@cache
def entries() -> dict[str, CpvEntry]:
    """Every code of the vocabulary with its labels, by its eight digits, in code order."""
    with VOCABULARY.open(encoding="utf-8", newline="") as handle:
        rows = [
            CpvEntry(
                row["code"],
                _LEVELS.get(_significant(row["code"][:8]), CpvLevel.subcategory),
                row["fr"],
                row["en"],
            )
            for row in csv.DictReader(handle)
        ]
    return {entry.code[:8]: entry for entry in sorted(rows, key=lambda e: e.code)}


@cache
def codes() -> dict[str, str]:
    """Every code of the vocabulary, complete with its check digit, by its eight digits."""
    return {digits: entry.code for digits, entry in entries().items()}


@cache
def vocabulary() -> dict[str, CpvEntry]:
    """Divisions and groups by significant prefix ("45", "451"), in code order."""
    return {
        entry.prefix: entry
        for entry in entries().values()
        if entry.level in (CpvLevel.division, CpvLevel.group)
    }


def lookup(code: str) -> tuple[CpvEntry | None, CpvEntry | None]:
    """The division and group (when the code is finer than a division) a code belongs to."""
    divisions_and_groups = vocabulary()
    division = divisions_and_groups.get(code[:2])
    group = divisions_and_groups.get(code[:3]) if code[2] != "0" else None
    return division, group


def describe(code: str, language: str = "fr") -> str | None:
    """The label of a code (with or without its check digit), None for an unknown code."""
    entry = entries().get(code[:8])
    return entry.label(language) if entry else None


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
