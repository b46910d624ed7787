"""Reusable validated field types; their error codes are translated in `core.i18n`."""

from __future__ import annotations

from typing import Annotated

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, BeforeValidator, ConfigDict, StringConstraints
from pydantic_core import PydanticCustomError

from levier.organisations.siret import is_valid_siret, normalise_siret

# Request bodies reject unknown fields.
STRICT_INPUT = ConfigDict(extra="forbid", str_strip_whitespace=True)


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


Email = Annotated[str, StringConstraints(max_length=254), AfterValidator(_email)]
Siret = Annotated[str, BeforeValidator(_strip), AfterValidator(_siret)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Password = Annotated[str, StringConstraints(min_length=12, max_length=256)]
