"""The ROME 4.0 (Répertoire opérationnel des métiers et des emplois of France Travail), shipped
as versioned reference data (`data/rome-4.0.csv`, `data/rome-4.0-appellations.csv`;
`data/README.md` says where they come from): every job sheet (`fiche métier`, a code such as
`F1703`) with its French label, and the job titles (`appellations`) each sheet gathers.

A job offer names its sheet by code; the picker searches sheets by the words of their label or
of their job titles (accents, case and plurals ignored), or by the leading characters of a
code (`F17`, `f1703`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, StringConstraints
from pydantic_core import PydanticCustomError

from levier.reference.cpv_search import STOP_WORDS, forms, words

DATA = Path(__file__).parent / "data"
SHEETS = DATA / "rome-4.0.csv"
APPELLATIONS = DATA / "rome-4.0-appellations.csv"
ROME_PATTERN = r"^[A-N]\d{4}$"
_CODE_PREFIX = re.compile(r"^[a-nA-N]\d{0,4}$")


@dataclass(frozen=True, slots=True)
class RomeEntry:
    """A job sheet: its code and French label."""

    code: str
    label: str


@dataclass(frozen=True, slots=True)
class RomeMatch:
    """A search result: the sheet, and the job title the words matched when not its label."""

    entry: RomeEntry
    appellation: str | None = None


@cache
def entries() -> dict[str, RomeEntry]:
    """Every job sheet by code, in code order."""
    with SHEETS.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: RomeEntry(row["code"], row["label"]) for row in csv.DictReader(handle)}


@cache
def appellations() -> list[tuple[str, str]]:
    """Every job title with its sheet's code: (code, label), in code order."""
    with APPELLATIONS.open(encoding="utf-8", newline="") as handle:
        return [(row["code"], row["label"]) for row in csv.DictReader(handle)]


def describe(code: str) -> str | None:
    """The label of a sheet, None for an unknown code."""
    entry = entries().get(code)
    return entry.label if entry else None


def _known(value: str) -> str:
    if value not in entries():
        raise PydanticCustomError(
            "rome_unknown", "Unknown ROME code {rome_code}.", {"rome_code": value}
        )
    return value


def _upper(value: object) -> object:
    return value.strip().upper() if isinstance(value, str) else value


RomeCode = Annotated[
    str,
    BeforeValidator(_upper),
    StringConstraints(pattern=ROME_PATTERN),
    AfterValidator(_known),
]


def _folded(text: str) -> list[frozenset[str]]:
    """Per word of a label, its folded forms (stop words dropped)."""
    return [forms(word) for word in words(text) if word not in STOP_WORDS]


@cache
def _index() -> tuple[
    list[tuple[RomeEntry, list[frozenset[str]]]], list[tuple[str, str, list[frozenset[str]]]]
]:
    sheets = [(entry, _folded(entry.label)) for entry in entries().values()]
    titles = [(code, label, _folded(label)) for code, label in appellations()]
    return sheets, titles


def _score(typed: list[frozenset[str]], label_words: list[frozenset[str]]) -> int | None:
    """2 per typed word that is a whole word of the label, 1 per word it starts; None when a
    typed word matches no word of the label."""
    score = 0
    for typed_forms in typed:
        best = 0
        for label_forms in label_words:
            if typed_forms & label_forms:
                best = 2
                break
            if any(f.startswith(t) for f in label_forms for t in typed_forms):
                best = 1
        if best == 0:
            return None
        score += best
    return score


def search(query: str | None, limit: int) -> list[RomeMatch]:
    """Job sheets matching the query, best first: sheets whose label matches before those
    matched by one of their job titles, whole words before beginnings of words, shorter
    labels first, then code order. Without a query, the sheets in code order."""
    text = (query or "").strip()
    if not text:
        return [RomeMatch(entry) for entry in list(entries().values())[:limit]]
    if _CODE_PREFIX.fullmatch(text) and (len(text) > 1 or text.upper() in entries()):
        prefix = text.upper()
        return [RomeMatch(e) for code, e in entries().items() if code.startswith(prefix)][:limit]
    typed = [forms(word) for word in words(text) if word not in STOP_WORDS] or [
        forms(word) for word in words(text)
    ]
    if not typed:
        return []
    sheets, titles = _index()
    ranked: dict[str, tuple[tuple[int, int, int, str], RomeMatch]] = {}
    for entry, label_words in sheets:
        score = _score(typed, label_words)
        if score is not None:
            ranked[entry.code] = ((0, -score, len(entry.label), entry.code), RomeMatch(entry))
    for code, label, label_words in titles:
        score = _score(typed, label_words)
        if score is None:
            continue
        key = (1, -score, len(label), code)
        if code not in ranked or key < ranked[code][0]:
            ranked[code] = (key, RomeMatch(entries()[code], label))
    return [match for _key, match in sorted(ranked.values(), key=lambda item: item[0])][:limit]
