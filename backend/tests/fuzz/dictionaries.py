"""Inputs that random generation almost never draws but that real clients do send.

Schemathesis mixes them into what it generates (each binding with a probability), the way a
fuzzing dictionary seeds a mutational fuzzer: a value is offered, never imposed.
"""

from __future__ import annotations

import base64
import json
from typing import Any

# Text pasted from spreadsheets, PDFs and other systems: control characters (NUL above all,
# which PostgreSQL refuses in text), each line ending, LIKE wildcards, escapes, invisible
# and combining characters.
TEXT = [
    "\x00",
    "Dupont\x00",
    "\r",
    "a\rb",
    "a\r\nb",
    "a\nb",
    "\t",
    "%",
    "_",
    "\\",
    "'",
    '"',
    "\ufeffDupont",
    "e\u0301",
    "\u202eDupont",
    "\U0001f3d7",
    " ",
]


def _cursor(values: Any) -> str:
    """A cursor as the API writes them (`next_cursor`: unpadded base64url of a JSON array)."""
    raw = json.dumps(values, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


# Cursors a client could forge or corrupt: well-formed with the wrong width or value types,
# or not decodable at all.
CURSORS = [
    _cursor([]),
    _cursor(["a"]),
    _cursor(["a", "b"]),
    _cursor([1, 2]),
    _cursor([None, None]),
    _cursor([{"dt": "yesterday"}, {"uuid": "x"}]),
    _cursor([{"uuid": "00000000-0000-0000-0000-000000000000"}, "b"]),
    _cursor(["a", "b", "c"]),
    _cursor({"a": 1}),
    _cursor("\x00"),
    "not-base64!",
    base64.urlsafe_b64encode(b"\xff\xfe").decode(),
]

# Participants' CSV imports as spreadsheets export them (the documented columns): each line
# ending (old Mac ones included), both separators, a BOM, quoted line breaks, empty files.
_HEADER = ["nom", "prenoms", "date_naissance", "sexe"]
_ROW = ["Dupont", "Jean", "1990-01-31", "M"]


def _csv(separator: str, ending: str, rows: int = 1) -> str:
    return ending.join(separator.join(line) for line in [_HEADER] + [_ROW] * rows) + ending


CSV_FILES = [
    _csv(";", "\n"),
    _csv(";", "\r\n"),
    _csv(";", "\r"),
    _csv(",", "\r"),
    _csv(",", "\n", rows=3),
    "\ufeff" + _csv(";", "\r\n"),
    'nom;prenoms;date_naissance;sexe\n"Du\rpont";"Jean\nLuc";1990-01-31;M\n',
    "nom;prenoms;date_naissance;sexe\r",
    "nom;prenoms\x00;date_naissance;sexe\nDupont;Jean;1990-01-31;M\n",
    "",
]

DICTIONARIES = {"text": TEXT, "cursors": CURSORS, "csv_files": CSV_FILES}
# How often a bound value is offered instead of a generated one.
QUERY_TEXT, BODY_TEXT, CURSOR, UPLOAD = 0.3, 0.1, 0.5, 0.6


def bindings(document: dict[str, Any]) -> dict[str, tuple[str, float]]:
    """Schemathesis parameter keys (`query.q`, `body.notes`) → (dictionary, probability).

    Read from the OpenAPI document: every free-text parameter and top-level body field (a
    string with no format, pattern or enum) gets the text dictionary, cursors the forged
    cursors, uploaded files the CSV files.
    """
    schemas = document.get("components", {}).get("schemas", {})

    def resolved(schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = schemas[schema["$ref"].rsplit("/", 1)[-1]]
        alternatives = [resolved(s) for s in schema.get("anyOf", []) if s.get("type") != "null"]
        return alternatives[0] if len(alternatives) == 1 else schema

    def is_free_text(schema: dict[str, Any]) -> bool:
        schema = resolved(schema)
        constrained = {"enum", "const", "format", "pattern", "contentMediaType"} & set(schema)
        return schema.get("type") == "string" and not constrained

    found: dict[str, tuple[str, float]] = {}
    for operations in document["paths"].values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                key = f"{parameter['in']}.{parameter['name']}"
                if parameter["in"] in ("path", "query") and is_free_text(parameter["schema"]):
                    found[key] = ("text", QUERY_TEXT)
            content = operation.get("requestBody", {}).get("content", {})
            for body in content.values():
                for name, field in resolved(body["schema"]).get("properties", {}).items():
                    if "contentMediaType" in resolved(field):
                        found[f"body.{name}"] = ("csv_files", UPLOAD)
                    elif is_free_text(field):
                        found[f"body.{name}"] = ("text", BODY_TEXT)
    if "query.cursor" in found:
        found["query.cursor"] = ("cursors", CURSOR)
    return found
