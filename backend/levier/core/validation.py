"""Reusable validated field types; their error codes are translated in `core.i18n`."""

from __future__ import annotations

import re
import typing
from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any, ClassVar

from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from levier.core import clock
from levier.core.siret import is_valid_siret, normalise_siret
from levier.core.text import (
    has_control_characters,
    without_format_characters,
    without_invisible_characters,
)

# Request bodies reject unknown fields.
STRICT_INPUT = ConfigDict(extra="forbid", str_strip_whitespace=True)


class _FreeTextMarker:
    """Marks a text field where tab and line breaks are allowed (notes, descriptions)."""


FREE_TEXT = _FreeTextMarker()


def _mentions_free_text(annotation: Any) -> bool:
    if annotation is None:
        return False
    metadata = getattr(annotation, "__metadata__", ())
    if any(isinstance(item, _FreeTextMarker) for item in metadata):
        return True
    return any(_mentions_free_text(arg) for arg in typing.get_args(annotation))


def _check_text(value: Any, free_text: bool) -> None:
    if isinstance(value, str):
        if has_control_characters(value, free_text=free_text):
            raise PydanticCustomError(
                "control_character", "Control characters are not allowed in this field."
            )
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _check_text(item, free_text)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            _check_text(key, False)
            _check_text(item, free_text)


class Input(BaseModel):
    """The base of every request body: unknown fields refused, strings stripped, and no control
    character in any text (tab and line breaks only where a field is marked `FREE_TEXT`).

    The check runs on every field of every subclass, so a new endpoint inherits it; a test walks
    the routes and fails on a body model that is not an `Input`.
    """

    model_config = STRICT_INPUT
    __free_text_fields__: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls.__free_text_fields__ = frozenset(
            name
            for name, info in cls.model_fields.items()
            if any(isinstance(item, _FreeTextMarker) for item in info.metadata)
            or _mentions_free_text(info.annotation)
        )

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any, info: ValidationInfo) -> Any:
        _check_text(value, info.field_name in cls.__free_text_fields__)
        return value


def _email(value: str) -> str:
    try:
        result = validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        raise PydanticCustomError("email_invalid", "Invalid email address.") from exc
    return result.normalized.lower()


def _siret(value: str) -> str:
    siret = normalise_siret(value)
    if not is_valid_siret(siret):
        raise PydanticCustomError("siret_invalid", "Invalid SIRET.")
    return siret


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _clean_line(value: object) -> object:
    return without_invisible_characters(value) if isinstance(value, str) else value


def _clean_lines(value: object) -> object:
    return without_invisible_characters(value, multiline=True) if isinstance(value, str) else value


def _clean_name(value: object) -> object:
    return without_format_characters(value) if isinstance(value, str) else value


# The validators that clean a text of its invisible characters: a test fails on a text field of
# a request body that has none of them (or no shape of its own, such as a pattern).
CLEANERS = frozenset({_clean_line, _clean_lines, _clean_name})

Email = Annotated[str, StringConstraints(max_length=254), AfterValidator(_email)]
Siret = Annotated[str, BeforeValidator(_strip), AfterValidator(_siret)]
# A text on one line (a title, a tender's object, an address, a trade): what shows nothing
# (zero-width spaces, bidi marks…) is removed, so it never reaches a contract's documents;
# control characters are refused (`Input`). Lengths are added where used:
# `Annotated[Label, StringConstraints(min_length=1, max_length=300)]`.
Label = Annotated[str, BeforeValidator(_clean_line)]
# A person's or an organisation's name: also in NFKC, so look-alike names compare equal.
Name = Annotated[
    str,
    BeforeValidator(_clean_name),
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
]
# A text of several lines (notes, descriptions, reasons): tab and line breaks allowed, what
# shows nothing removed as in `Label`.
FreeText = Annotated[str, FREE_TEXT, BeforeValidator(_clean_lines)]
Password = Annotated[str, StringConstraints(min_length=12, max_length=256)]


def matching(pattern: str, code: str, message: str) -> Any:
    """A text checked against `pattern` (kept in the JSON schema), refused with its own error
    `code`, whose translated message says the expected format (not just "invalid value")."""
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise PydanticCustomError(code, message)
        return value

    return [AfterValidator(check), WithJsonSchema({"type": "string", "pattern": pattern})]


PHONE_PATTERN = r"^\+?[0-9 .()-]{6,20}$"
Phone = Annotated[
    str,
    *matching(
        PHONE_PATTERN,
        "phone_invalid",
        "A phone number is 6 to 20 digits, spaces, dots, hyphens or brackets, + first.",
    ),
]


# Dates of public procurement: none before 2000 (a typo such as 1890 or 0202 is caught), none
# more than five years ahead (a plan, not a typo of the year); what has happened (a
# notification, a signature, a decision) is not in the future.
EARLIEST_PROCUREMENT_DAY = date(2000, 1, 1)
PLANNING_YEARS = 5


def _procurement_day(value: date) -> date:
    if value < EARLIEST_PROCUREMENT_DAY:
        raise PydanticCustomError("date_too_early", "The date cannot be before 01/01/2000.")
    if value > clock.years_after(clock.today(), PLANNING_YEARS):
        raise PydanticCustomError(
            "date_too_far", "The date cannot be more than 5 years from today."
        )
    return value


def _not_in_future(value: date) -> date:
    if value > clock.today():
        raise PydanticCustomError("date_in_future", "The date cannot be in the future.")
    return value


ProcurementDate = Annotated[date, AfterValidator(_procurement_day)]
EventDate = Annotated[date, AfterValidator(_procurement_day), AfterValidator(_not_in_future)]
