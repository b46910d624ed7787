"""Messages shown to people, in French (default) and English, chosen by `Accept-Language`."""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from levier.core.messages import CATALOGUES

Language = Literal["fr", "en"]
LANGUAGES: tuple[Language, ...] = ("fr", "en")
DEFAULT_LANGUAGE: Language = "fr"

# code → (French, English), merged from the areas' catalogues. Placeholders use str.format
# names; an enum parameter is shown by its `Class.member` entry; a count chooses a word by
# its plural rule with `{n:singular|plural}` ("Au moins {n} {n:caractère|caractères}").
MESSAGES: dict[str, tuple[str, str]] = {
    code: texts for catalogue in CATALOGUES for code, texts in catalogue.items()
}


def negotiate(accept_language: str | None) -> Language:
    """The best of our languages for an Accept-Language header (French when nothing matches)."""
    if not accept_language:
        return DEFAULT_LANGUAGE
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        pieces = part.strip().split(";")
        tag = pieces[0].strip().lower()
        quality = 1.0
        for param in pieces[1:]:
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, position, tag))
    for negative_quality, _position, tag in sorted(ranked):
        primary = tag.split("-")[0]
        if negative_quality < 0 and primary in LANGUAGES:
            return primary  # type: ignore[return-value]
    return DEFAULT_LANGUAGE


class Count(int):
    """A number in a message, which also picks the singular or plural of a word after it
    (French: 0 and 1 take the singular; English: only 1)."""

    language: Language

    def __new__(cls, value: int, language: Language) -> Count:
        count = super().__new__(cls, value)
        count.language = language
        return count

    def __format__(self, spec: str) -> str:
        if "|" not in spec:
            return grouped(int(self), self.language) if not spec else format(int(self), spec)
        singular, plural = spec.split("|", 1)
        one = abs(int(self)) < 2 if self.language == "fr" else int(self) == 1
        return singular if one else plural


@dataclass(frozen=True)
class Duration:
    """A wait shown in words: seconds under a minute, else whole minutes (rounded up)."""

    seconds: int

    @classmethod
    def of(cls, seconds: float) -> Duration:
        return cls(max(1, math.ceil(seconds)))

    def words(self, language: Language) -> str:
        in_minutes = self.seconds >= 60
        amount = math.ceil(self.seconds / 60) if in_minutes else self.seconds
        if in_minutes:
            word = "minute|minutes"
        else:
            word = "seconde|secondes" if language == "fr" else "second|seconds"
        return f"{amount} {Count(amount, language):{word}}"


def grouped(value: int | float | Decimal, language: Language) -> str:
    """A number as people read it: thousands apart ("10 000 000" with narrow no-break spaces
    and a decimal comma in French, "10,000,000" in English), decimals kept without trailing
    zeros (0.50 → 0,5; 48.00 → 48)."""
    text = format(Decimal(str(value)), "f")
    whole, _, decimals = text.partition(".")
    decimals = decimals.rstrip("0")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    separator, point = ("\u202f", ",") if language == "fr" else (",", ".")
    return sign + separator.join(groups) + (point + decimals if decimals else "")


def shown(value: object, language: Language) -> object:
    """A message parameter as people read it: an enum member by its translated label (the
    catalogue's `Class.member` entry), a date as dd/mm/yyyy."""
    if isinstance(value, enum.Enum):
        key = f"{type(value).__name__}.{value.value}"
        return translate(key, language) if key in MESSAGES else value.value
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Duration):
        return value.words(language)
    if isinstance(value, int) and not isinstance(value, bool):
        return Count(value, language)
    if isinstance(value, float | Decimal):
        return grouped(value, language)
    return value


def translate(code: str, language: Language, **params: object) -> str:
    """The message for `code` in `language`, with its parameters filled in."""
    french, english = MESSAGES.get(code, MESSAGES["field_invalid"])
    template = french if language == "fr" else english
    try:
        return template.format(**{name: shown(v, language) for name, v in params.items()})
    except (KeyError, IndexError):
        return template


MONTH_NAMES = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def month_name(month: date, language: str = "fr") -> str:
    """ "novembre 2026" / "November 2026" (French unless English is asked)."""
    names = MONTH_NAMES["en" if language == "en" else "fr"]
    return f"{names[month.month - 1]} {month.year}"
