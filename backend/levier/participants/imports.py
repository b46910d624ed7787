"""CSV import of participants: a dry run reporting each row's errors, then an all-or-nothing
apply. UTF-8 (with or without BOM) and Windows-1252 are accepted, `;` or `,` separated.

Columns (header line, any order; French headers accepted too):
last_name (nom), first_names (prenoms), birth_date (date_naissance: YYYY-MM-DD or DD/MM/YYYY),
gender (sexe: female/male/unspecified, F/M/H), commune_code (code_commune, INSEE),
qpv (oui/non, yes/no, 1/0), email, phone (telephone), france_travail_id (identifiant_ft).
"""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from levier.core import clock, csv_import
from levier.core.csv_import import ImportReport, Row, RowReport
from levier.core.errors import DomainError, FieldChecks, FieldsInvalid
from levier.core.field_errors import field_errors
from levier.core.i18n import Language, translate
from levier.participants import identity
from levier.participants.schemas import ParticipantCreate
from levier.participants.scope import Scope

INSEE_CODE = re.compile(r"\d{5}|2[AB]\d{3}")
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
# How a missing column is named to the person: the French header, then the English one.
HEADER_NAMES = {
    "fr": {
        "last_name": "nom",
        "first_names": "prenoms",
        "birth_date": "date_naissance",
        "gender": "sexe",
    },
    "en": {
        "last_name": "last_name",
        "first_names": "first_names",
        "birth_date": "birth_date",
        "gender": "gender",
    },
}
# Codes whose message, in a file, says what the column accepts (the API's own words speak of
# its field names and values, which the file does not use).
FILE_CODES = {
    ("gender", "enum"): "import_gender_unknown",
    ("birth_date", "field_type"): "import_date_unreadable",
    ("birth_date", "field_invalid"): "import_date_unreadable",
    ("qpv", "field_type"): "import_qpv_unreadable",
    ("qpv", "field_invalid"): "import_qpv_unreadable",
}
DATE_SHAPE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{1,2}-\d{1,2}")
GENDERS = {"f": "female", "femme": "female", "m": "male", "h": "male", "homme": "male"}
TRUE = {"1", "oui", "yes", "o", "y", "true", "vrai"}
FALSE = {"", "0", "non", "no", "n", "false", "faux"}


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


LAYOUT = csv_import.Layout(COLUMNS, REQUIRED, HEADER_NAMES, _normalise)


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
    rows, report.file_errors = csv_import.parse(content, LAYOUT, language)
    report.rows = len(rows)
    return await csv_import.all_or_nothing(
        session,
        apply,
        report,
        lambda: _rows(session, scope, rows, structure_id, language, today, report),
    )


def _in_file_terms(row: Row, error: dict[str, Any], language: Language) -> dict[str, Any]:
    """An error told with the file's own column name, the value as typed, and what the column
    accepts where the API's words speak of its own field names and values."""
    name = error.get("field", "").split(".")[0]
    code = FILE_CODES.get((name, error["code"]), error["code"])
    if code == "import_date_unreadable" and DATE_SHAPE.fullmatch(row.typed.get(name, "").strip()):
        code = "import_date_not_in_calendar"  # 31/02/1990: the form is right, the day is not
    if code == error["code"]:
        return csv_import.in_file_terms(row, error)
    return csv_import.in_file_terms(row, error, translate(code, language), code)


async def _rule_failures(
    session: AsyncSession, row: Row, language: Language, today: date | None
) -> list[dict[str, Any]]:
    """The birth-date and commune rules on a line whose other fields did not parse."""
    checks = FieldChecks()
    try:
        birth_date = date.fromisoformat(str(row.values.get("birth_date", "")))
    except ValueError:
        birth_date = None
    if birth_date is not None:
        identity.check_birth_date(checks, birth_date, today or clock.today())
    commune = str(row.values.get("commune_code", ""))
    if INSEE_CODE.fullmatch(commune):
        await identity.checked(checks, identity.commune_of(session, commune))
    return csv_import.failures(FieldsInvalid(checks.errors), language) if checks.errors else []


async def _rows(
    session: AsyncSession,
    scope: Scope,
    rows: list[Row],
    structure_id: uuid.UUID | None,
    language: Language,
    today: date | None,
    report: ImportReport,
) -> None:
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        row_report = RowReport(row.line)
        errors: list[dict[str, Any]] = []
        try:
            data = ParticipantCreate.model_validate({**row.values, "structure_id": structure_id})
        except ValidationError as exc:
            errors = field_errors(exc.errors(), language)
            # The rules the API checks itself run on the fields that did parse, so that every
            # error of the line is reported at once.
            broken = {error["field"] for error in errors}
            errors += [
                failure
                for failure in await _rule_failures(session, row, language, today)
                if failure["field"] not in broken
            ]
        if errors:
            row_report.errors = [_in_file_terms(row, error, language) for error in errors]
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
        seen[key] = row.line
        try:
            async with session.begin_nested():
                participant = await identity.create(session, scope, data, today)
        except DomainError as exc:
            row_report.errors += [
                _in_file_terms(row, failure, language)
                for failure in csv_import.failures(exc, language)
            ]
            report.errors.append(row_report)
            continue
        report.created.append(participant.id)
        report.valid += 1
