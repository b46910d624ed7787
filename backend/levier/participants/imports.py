"""CSV import of participants: a dry run reporting each row's errors, then an all-or-nothing
apply. UTF-8 (with or without BOM) and Windows-1252 are accepted, `;` or `,` separated.

Columns (header line, any order; French headers accepted too):
last_name (nom), first_names (prenoms), birth_date (date_naissance: YYYY-MM-DD or DD/MM/YYYY),
gender (sexe: female/male/unspecified, F/M/H), commune_code (code_commune, INSEE),
qpv (oui/non, yes/no, 1/0), email, phone (telephone), france_travail_id (identifiant_ft).
"""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from levier.core.errors import DomainError, FieldsInvalid, field_errors
from levier.core.i18n import Language, translate
from levier.participants import identity
from levier.participants.schemas import ParticipantCreate
from levier.participants.scope import Scope

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024
COLUMNS = {
    "last_name": "last_name",
    "nom": "last_name",
    "first_names": "first_names",
    "prenoms": "first_names",
    "prénoms": "first_names",
    "prenom": "first_names",
    "birth_date": "birth_date",
    "date_naissance": "birth_date",
    "gender": "gender",
    "sexe": "gender",
    "commune_code": "commune_code",
    "code_commune": "commune_code",
    "qpv": "qpv",
    "email": "email",
    "courriel": "email",
    "phone": "phone",
    "telephone": "phone",
    "téléphone": "phone",
    "france_travail_id": "france_travail_id",
    "identifiant_ft": "france_travail_id",
}
REQUIRED = ("last_name", "first_names", "birth_date", "gender")
GENDERS = {"f": "female", "femme": "female", "m": "male", "h": "male", "homme": "male"}
TRUE = {"1", "oui", "yes", "o", "y", "true", "vrai"}
FALSE = {"", "0", "non", "no", "n", "false", "faux"}


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


def decode(content: bytes) -> str:
    """UTF-8 (BOM tolerated), else Windows-1252."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252")


def _normalise(raw: dict[str, str]) -> dict[str, Any]:
    row: dict[str, Any] = {
        name: value.strip() for name, value in raw.items() if value and value.strip()
    }
    if "birth_date" in row:
        text = row["birth_date"]
        for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
            try:
                row["birth_date"] = datetime.strptime(text, pattern).date().isoformat()
                break
            except ValueError:
                continue
    if "gender" in row:
        row["gender"] = GENDERS.get(row["gender"].lower(), row["gender"].lower())
    qpv = raw.get("qpv", "").strip().lower()
    if qpv in TRUE:
        row["qpv"] = True
    elif qpv in FALSE:
        row["qpv"] = False
    return row


def parse(content: bytes, language: Language) -> tuple[list[tuple[int, dict[str, Any]]], list[str]]:
    """The rows with their line numbers, or file-level errors (encoding, header, size, a file
    that is not CSV): a malformed file gets a report, never a server error."""
    try:
        return _parse(decode(content), language)
    except csv.Error as exc:
        return [], [translate("import_malformed", language, reason=str(exc))]


def _parse(text: str, language: Language) -> tuple[list[tuple[int, dict[str, Any]]], list[str]]:
    lines = text.splitlines()
    first_line = lines[0] if lines else ""
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    # newline="" lets the csv module read CR, LF and CRLF line ends alike (and quoted breaks).
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [(name or "").strip().lower() for name in reader.fieldnames or []]
    unknown = [name for name in header if name and name not in COLUMNS]
    mapped = {COLUMNS[name] for name in header if name in COLUMNS}
    problems = []
    if unknown:
        problems.append(translate("import_unknown_columns", language, columns=", ".join(unknown)))
    missing = [name for name in REQUIRED if name not in mapped]
    if missing:
        problems.append(translate("import_missing_columns", language, columns=", ".join(missing)))
    if problems:
        return [], problems
    rows = []
    for raw in reader:
        number = reader.line_num
        values = {COLUMNS[(k or "").strip().lower()]: v or "" for k, v in raw.items() if k}
        if any(values.values()):
            rows.append((number, _normalise(values)))
        if len(rows) > MAX_ROWS:
            return [], [translate("import_too_many_rows", language, limit=MAX_ROWS)]
    return rows, []


async def run(
    session: AsyncSession,
    scope: Scope,
    content: bytes,
    structure_id: uuid.UUID | None,
    apply: bool,
    language: Language,
    today: date | None = None,
) -> ImportReport:
    """Check every row; with `apply`, create them all, or none when any row fails."""
    report = ImportReport()
    rows, report.file_errors = parse(content, language)
    report.rows = len(rows)
    if report.file_errors:
        return report
    # Every row is created inside one savepoint, rolled back for a dry run or any error.
    outer = await session.begin_nested()
    try:
        await _rows(session, scope, rows, structure_id, language, today, report)
    finally:
        if apply and report.ok:
            await outer.commit()
        else:
            await outer.rollback()
            report.created = []
    return report


async def _rows(
    session: AsyncSession,
    scope: Scope,
    rows: list[tuple[int, dict[str, Any]]],
    structure_id: uuid.UUID | None,
    language: Language,
    today: date | None,
    report: ImportReport,
) -> None:
    seen: dict[tuple[str, str], int] = {}
    for line, values in rows:
        row_report = RowReport(line)
        try:
            data = ParticipantCreate.model_validate({**values, "structure_id": structure_id})
        except ValidationError as exc:
            row_report.errors = field_errors(exc.errors(), language)
            report.errors.append(row_report)
            continue
        key = (identity.identity_key(data.last_name, data.first_names), data.birth_date.isoformat())
        if key in seen:
            message = translate("import_duplicate_row", language, line=seen[key])
            row_report.errors.append(
                {"field": "last_name", "code": "import_duplicate_row", "message": message}
            )
            report.errors.append(row_report)
            continue
        seen[key] = line
        try:
            async with session.begin_nested():
                participant = await identity.create(session, scope, data, today)
        except DomainError as exc:
            failures = exc.errors if isinstance(exc, FieldsInvalid) else [exc]
            row_report.errors += [
                {
                    "field": failure.field or "",
                    "code": failure.code,
                    "message": translate(failure.code, language, **failure.params),
                }
                for failure in failures
            ]
            report.errors.append(row_report)
            continue
        report.created.append(participant.id)
        report.valid += 1
