"""CSV imports: a file decoded, its header mapped to fields, each line checked and reported in
the file's own terms, then applied all-or-nothing (a dry run rolls everything back).

UTF-8 (with or without BOM) and Windows-1252 are accepted, `;` or `,` separated, CR, LF or
CRLF line ends; a malformed file gets a report, never a server error."""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import UploadFile
from pydantic import BaseModel, Field
from sqlalchemy.ext.asyncio import AsyncSession

from levier.core.errors import DomainError, FieldInvalid, FieldsInvalid
from levier.core.i18n import Language, translate

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024
# The file plus the multipart envelope and the form fields (the request body limit).
BODY_LIMIT = MAX_BYTES + 64 * 1024


@dataclass
class Row:
    """A line of the file: its values for the API, and as typed under the file's headers."""

    line: int
    values: dict[str, Any]
    typed: dict[str, str]
    columns: dict[str, str]


@dataclass
class RowReport:
    line: int
    errors: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ImportReport:
    rows: int = 0
    valid: int = 0
    created: list[uuid.UUID] = field(default_factory=list)
    errors: list[RowReport] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_errors


class ImportFieldError(BaseModel):
    field: str
    code: str
    message: str
    column: str | None = Field(default=None, description="The file's own header of the field.")
    value: str | None = Field(default=None, description="The value as typed in the file.")


class ImportRowErrors(BaseModel):
    line: int
    errors: list[ImportFieldError]


@dataclass(frozen=True)
class Layout:
    """A file's columns: each accepted header (lower case, French or English) → its field,
    the fields that must be there (named to the person by `header_names[language]`), and how
    a line's typed text becomes the values the API takes."""

    columns: dict[str, str]
    required: tuple[str, ...]
    header_names: dict[str, dict[str, str]]
    normalise: Callable[[dict[str, str]], dict[str, Any]]


async def read_upload(file: UploadFile) -> bytes:
    """The uploaded file, refused with a 413 beyond the import limit."""
    content = await file.read(MAX_BYTES + 1)
    if len(content) > MAX_BYTES:
        raise DomainError("import_too_large", status_code=413, limit=MAX_BYTES)
    return content


# The openings of files people upload by mistake: a workbook (.xlsx, .ods: zip), an old .xls,
# a PDF. Their bytes may happen to read as Windows-1252.
NOT_TEXT_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF")
# Beyond this share of control characters a file is binary (a stray one in a cell is that
# line's error).
CONTROL_SHARE = 0.05
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(content: bytes) -> str:
    """UTF-8 (BOM tolerated), else Windows-1252; a file that is neither (a workbook, a PDF,
    binary) is refused with a 422 on `file`, and so is an empty one."""
    if content.startswith(NOT_TEXT_SIGNATURES):
        raise FieldInvalid("file", "import_not_text")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = content.decode("cp1252")
        except UnicodeDecodeError:
            raise FieldInvalid("file", "import_not_text") from None
    if len(CONTROL.findall(text)) > CONTROL_SHARE * len(text):
        raise FieldInvalid("file", "import_not_text")
    if not text.strip():
        raise FieldInvalid("file", "import_empty")
    return text


def parse(content: bytes, layout: Layout, language: Language) -> tuple[list[Row], list[str]]:
    """The rows with their line numbers, or file-level errors (header, size, a malformed
    CSV); a file that is not text, or empty, is a 422 (`decode`)."""
    text = decode(content)
    try:
        return _parse(text, layout, language)
    except csv.Error as exc:
        return [], [translate("import_malformed", language, reason=str(exc))]


def _parse(text: str, layout: Layout, language: Language) -> tuple[list[Row], list[str]]:
    lines = text.splitlines()
    first_line = lines[0] if lines else ""
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    # newline="" lets the csv module read CR, LF and CRLF line ends alike (and quoted breaks).
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [(name or "").strip().lower() for name in reader.fieldnames or []]
    unknown = [name for name in header if name and name not in layout.columns]
    mapped = {layout.columns[name] for name in header if name in layout.columns}
    problems = []
    if unknown:
        problems.append(translate("import_unknown_columns", language, columns=", ".join(unknown)))
    names = layout.header_names[language]
    missing = [names[name] for name in layout.required if name not in mapped]
    if missing:
        problems.append(translate("import_missing_columns", language, columns=", ".join(missing)))
    if problems:
        return [], problems
    columns = {
        layout.columns[(name or "").strip().lower()]: (name or "").strip()
        for name in reader.fieldnames or []
        if (name or "").strip().lower() in layout.columns
    }
    rows = []
    for raw in reader:
        number = reader.line_num
        typed = {layout.columns[(k or "").strip().lower()]: v or "" for k, v in raw.items() if k}
        if any(typed.values()):
            rows.append(Row(number, layout.normalise(typed), typed, columns))
        if len(rows) > MAX_ROWS:
            return [], [translate("import_too_many_rows", language, limit=MAX_ROWS)]
    return rows, []


def failures(error: DomainError, language: Language) -> list[dict[str, Any]]:
    """A refusal's field errors (one, or those a FieldsInvalid collected) as a line reports them."""
    found = error.errors if isinstance(error, FieldsInvalid) else [error]
    return [
        {
            "field": failure.field or "",
            "code": failure.code,
            "message": translate(failure.code, language, **failure.params),
        }
        for failure in found
    ]


def in_file_terms(
    row: Row, error: dict[str, Any], message: str | None = None, code: str | None = None
) -> dict[str, Any]:
    """An error told with the file's own column name and the value as typed (`message` and
    `code` replace the API's own when the file's words differ from the API's)."""
    name = error.get("field", "").split(".")[0]
    column = row.columns.get(name)
    if column is None:
        return error
    typed = row.typed.get(name, "").strip()
    shown = f"« {column} »" + (f" ({typed})" if typed else "")
    return {
        **error,
        "code": code or error["code"],
        "column": column,
        "value": typed,
        "message": f"{shown} : {message or error['message']}",
    }


def answer(result: BaseModel, apply: bool, report: ImportReport) -> BaseModel:
    """The import's report, or a 422 carrying it when an apply found an error (the row
    reports go under `report`: a problem's `errors[]` names fields only)."""
    if apply and not report.ok:
        raise DomainError(
            "import_rejected",
            status_code=422,
            extensions={"report": result.model_dump(mode="json")},
        )
    return result


async def all_or_nothing(
    session: AsyncSession, apply: bool, report: ImportReport, lines: Callable[[], Awaitable[None]]
) -> ImportReport:
    """Run every line inside one savepoint, kept only when applying a file without errors."""
    if report.file_errors:
        return report
    outer = await session.begin_nested()
    try:
        await lines()
    finally:
        if apply and report.ok:
            await outer.commit()
        else:
            await outer.rollback()
            report.created = []
    return report
