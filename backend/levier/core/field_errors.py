"""Pydantic's validation errors as the `errors[]` items of a problem document: the field's
path, a stable code and a message in the caller's language that says what is expected."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from levier.core.i18n import MESSAGES, Language, translate

PYDANTIC_CODES = {
    "missing": "field_required",
    "extra_forbidden": "field_unknown",
    "string_too_short": "too_short",
    "too_short": "too_short",
    "string_too_long": "too_long",
    "too_long": "too_long",
    "enum": "enum",
    "literal_error": "enum",
    "greater_than": "out_of_range",
    "greater_than_equal": "out_of_range",
    "less_than": "out_of_range",
    "less_than_equal": "out_of_range",
    "int_parsing": "field_type",
    "float_parsing": "field_type",
    "decimal_parsing": "field_type",
    "decimal_type": "field_type",
    "bool_parsing": "field_type",
    "uuid_parsing": "field_type",
    "string_type": "field_type",
    "string_unicode": "control_character",
    "list_type": "field_type",
    "dict_type": "field_type",
    "model_attributes_type": "field_type",
    "datetime_parsing": "field_type",
    "date_parsing": "field_type",
    "decimal_max_digits": "out_of_range",
    "decimal_whole_digits": "out_of_range",
    "decimal_max_places": "decimal_places",
}


# Wordings of field_type that say what was expected (the code stays field_type).
EXPECTED = {
    "int_parsing": "number_expected",
    "float_parsing": "number_expected",
    "decimal_parsing": "number_expected",
    "decimal_type": "number_expected",
    "date_parsing": "date_expected",
    "datetime_parsing": "datetime_expected",
}


BOUNDS = {
    "greater_than_equal": ("bound_ge", "ge"),
    "greater_than": ("bound_gt", "gt"),
    "less_than_equal": ("bound_le", "le"),
    "less_than": ("bound_lt", "lt"),
    "decimal_max_digits": ("bound_digits", "max_digits"),
    "decimal_whole_digits": ("bound_whole_digits", "whole_digits"),
}
# A range said in one sentence, by the bounds a rule gives (a service's out_of_range).
RANGES = {
    ("ge", "le"): "bound_ge_le",
    ("gt", "le"): "bound_gt_le",
    ("ge", "lt"): "bound_ge_lt",
    ("gt", "lt"): "bound_gt_lt",
    ("ge",): "bound_ge",
    ("gt",): "bound_gt",
    ("le",): "bound_le",
    ("lt",): "bound_lt",
}


def bound_wording(code: str, params: Mapping[str, Any]) -> str:
    """The wording of an out_of_range that says its bounds (the code itself otherwise)."""
    if code != "out_of_range":
        return code
    given = tuple(name for name in ("ge", "gt", "le", "lt") if params.get(name) is not None)
    return RANGES.get(given, code)


def _length_wording(kind: str, raw: Mapping[str, Any], params: Mapping[str, Any]) -> str | None:
    """A length rule in the words of its value: characters of a text, items of a list; a text
    empty once trimmed and cleaned of invisible characters is a missing value."""
    if kind not in {"too_short", "too_long", "string_too_short"}:
        return None
    text = isinstance(raw.get("input"), str)
    if kind != "too_long" and text and params.get("min_length") == 1:
        return "field_required"
    if kind == "string_too_short":
        return None
    if kind == "too_short":
        return "too_short" if text else "too_few_items"
    return "too_long" if text else "too_many_items"


def field_error(loc: Sequence[Any], code: str, message: str) -> dict[str, Any]:
    path = [str(part) for part in loc]
    field_path = path[1:] if path and path[0] in {"body", "query", "path", "header"} else path
    return {"loc": path, "field": ".".join(field_path), "code": code, "message": message}


def field_errors(raw_errors: Sequence[Any], language: Language) -> list[dict[str, Any]]:
    """Pydantic errors as problem `errors[]` items: path, stable code, translated message."""
    items = []
    for raw in raw_errors:
        kind = raw.get("type", "value_error")
        loc = raw.get("loc", ())
        ctx = raw.get("ctx") or {}
        code = PYDANTIC_CODES.get(kind, kind)
        if code not in PYDANTIC_CODES.values() and not is_known(code):
            code = "field_invalid"
        params = {
            key: value
            for key, value in ctx.items()
            if isinstance(value, str | int | float | Decimal) and not isinstance(value, bool)
        }
        params.setdefault("field", str(loc[-1]) if loc else "")
        # Lists say "items" where strings say "characters"; the code stays too_short.
        wording = _length_wording(kind, raw, params) or code
        wording = EXPECTED.get(kind, wording)
        if wording == "field_required":
            code = "field_required"
        # A number out of bounds says the bound.
        bound = BOUNDS.get(kind)
        if bound and bound[1] in params:
            wording = bound[0]
        # A value not in its field's shape says which shape, where the catalogue has it.
        shape = f"format_{loc[-1]}" if loc else ""
        if kind == "string_pattern_mismatch" and is_known(shape):
            wording = shape
        if wording == "field_invalid" and language == "en":
            message = str(raw.get("msg", "Invalid value."))
        else:
            message = translate(wording, language, **params)
        items.append(field_error(loc, code, message))
    return items


def is_known(code: str) -> bool:
    """Whether the catalogue has a message for this code."""
    return code in MESSAGES
