"""Messages shown to people, in French (default) and English, chosen by `Accept-Language`."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Literal

from levier.core.messages import CATALOGUES

Language = Literal["fr", "en"]
LANGUAGES: tuple[Language, ...] = ("fr", "en")
DEFAULT_LANGUAGE: Language = "fr"

# code → (French, English), merged from the areas' catalogues. Placeholders use str.format
# names; an enum parameter is shown by its `Class.member` entry.
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


def shown(value: object, language: Language) -> object:
    """A message parameter as people read it: an enum member by its translated label (the
    catalogue's `Class.member` entry), a date as dd/mm/yyyy."""
    if isinstance(value, enum.Enum):
        key = f"{type(value).__name__}.{value.value}"
        return translate(key, language) if key in MESSAGES else value.value
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return value


def translate(code: str, language: Language, **params: object) -> str:
    """The message for `code` in `language`, with its parameters filled in."""
    french, english = MESSAGES.get(code, MESSAGES["field_invalid"])
    template = french if language == "fr" else english
    try:
        return template.format(**{name: shown(v, language) for name, v in params.items()})
    except (KeyError, IndexError):
        return template
