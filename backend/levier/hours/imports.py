"""CSV import of monthly hours by their employer of record: a dry run reporting each line,
then an all-or-nothing apply. UTF-8 or Windows-1252, `;` or `,` separated.

Columns (header line, any order; French headers accepted too): month (mois: YYYY-MM or
MM/YYYY), hours (heures: 151,67 or 151.67), note; and the assignment, either by
assignment_id (mission: the template of the month has it) or by last_name (nom) and
first_names (prenoms) of the person — with lot (the lot's number) when the person works on
several lots that month.

A month already declared is corrected when it still waits or was rejected, left as it is
when the file says the same, and refused once validated (it counts: the facilitator
rejects it first)."""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import ValidationError
from sqlalchemy import or_, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.assignments import scope as assignments_scope
from levier.assignments.models import Assignment
from levier.core import clock, csv_import
from levier.core.csv_import import ImportReport, Row, RowReport
from levier.core.errors import DomainError
from levier.core.field_errors import field_errors
from levier.core.i18n import Language, translate
from levier.core.text import fold
from levier.hours import reads, rules, service
from levier.hours.constants import EDITABLE, MONTH_PATTERN, HoursStatus
from levier.hours.models import HoursDeclaration
from levier.hours.schemas import HoursCreate, HoursUpdate
from levier.hours.scope import hours_options, readable
from levier.participants.scope import Scope

COLUMNS = {
    "assignment_id": "assignment_id",
    "mission": "assignment_id",
    "last_name": "last_name",
    "nom": "last_name",
    "first_names": "first_names",
    "prenoms": "first_names",
    "prénoms": "first_names",
    "prenom": "first_names",
    "lot": "lot",
    "month": "month",
    "mois": "month",
    "hours": "hours",
    "heures": "hours",
    "note": "note",
}
REQUIRED = ("month", "hours")
HEADER_NAMES = {
    "fr": {"month": "mois", "hours": "heures"},
    "en": {"month": "month", "hours": "hours"},
}
# The template's header, in the order people read it (French, the file they fill).
TEMPLATE_HEADER = ["mission", "nom", "prenoms", "lot", "mois", "heures", "note"]
# The month as people and spreadsheets write it: 11/2026, 01/11/2026 or 2026-11-01 (a
# spreadsheet turns the template's 2026-11 into a day), nov.-26, novembre 2026, Nov 2026.
NUMERIC_MONTHS = (
    re.compile(r"(?P<month>\d{1,2})[/.-](?P<year>\d{4})"),
    re.compile(r"\d{1,2}[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})"),
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-\d{1,2}"),
)
NAMED_MONTH = re.compile(r"(?P<name>[^\W\d_]+)\.?[\s-]*(?P<year>\d{2}|\d{4})")
MONTH_NAMES = {
    "janv": 1, "jan": 1, "janvier": 1, "january": 1,
    "févr": 2, "fevr": 2, "fév": 2, "fev": 2, "feb": 2, "février": 2, "fevrier": 2, "february": 2,
    "mars": 3, "mar": 3, "march": 3,
    "avr": 4, "avril": 4, "apr": 4, "april": 4,
    "mai": 5, "may": 5,
    "juin": 6, "jun": 6, "june": 6,
    "juil": 7, "juillet": 7, "jul": 7, "july": 7,
    "août": 8, "aout": 8, "aug": 8, "august": 8,
    "sept": 9, "sep": 9, "septembre": 9, "september": 9,
    "oct": 10, "octobre": 10, "october": 10,
    "nov": 11, "novembre": 11, "november": 11,
    "déc": 12, "dec": 12, "décembre": 12, "decembre": 12, "december": 12,
}  # fmt: skip


def typed_month(text: str) -> str | None:
    """`YYYY-MM` from a month as people or spreadsheets write it, None when it is none."""
    for pattern in NUMERIC_MONTHS:
        found = pattern.fullmatch(text)
        if found and 1 <= int(found["month"]) <= 12:
            return f"{found['year']}-{int(found['month']):02d}"
    named = NAMED_MONTH.fullmatch(text.lower())
    if named and named["name"] in MONTH_NAMES:
        year = named["year"] if len(named["year"]) == 4 else f"20{named['year']}"
        return f"{year}-{MONTH_NAMES[named['name']]:02d}"
    return None


def _normalise(typed: dict[str, str]) -> dict[str, Any]:
    row: dict[str, Any] = {name: value.strip() for name, value in typed.items() if value.strip()}
    month = typed_month(row.get("month", ""))
    if month:
        row["month"] = month
    if "hours" in row:
        row["hours"] = re.sub(r"[\s\u00a0\u202f]", "", row["hours"]).replace(",", ".")
    return row


LAYOUT = csv_import.Layout(COLUMNS, REQUIRED, HEADER_NAMES, _normalise)


@dataclass
class HoursImportReport(ImportReport):
    updated: int = 0
    unchanged: int = 0


def _person_key(last_name: str, first_names: str) -> str:
    return f"{fold(last_name)}|{fold(first_names)}"


async def _candidates(
    session: AsyncSession, scope: Scope, rows: list[Row]
) -> tuple[dict[uuid.UUID, Assignment], dict[tuple[str, str], list[Assignment]]]:
    """The caller's assignments the file may name (one statement): by id, and by person and
    month among those running that month."""
    ids, months = set(), set()
    for row in rows:
        with contextlib.suppress(ValueError):
            ids.add(uuid.UUID(str(row.values.get("assignment_id", ""))))
        text = str(row.values.get("month", ""))
        if re.fullmatch(MONTH_PATTERN, text):
            months.add(service.month_of(text))
    conditions: list[Any] = [col(Assignment.id).in_(ids)] if ids else []
    if months:
        first, last = min(months), max(months)
        conditions.append(
            (col(Assignment.start_date) <= rules.month_end(last))
            & (or_(col(Assignment.ended_on).is_(None), col(Assignment.ended_on) >= first))
        )
    if not conditions:
        return {}, {}
    statement = (
        assignments_scope.readable(select(Assignment), scope)
        .where(
            or_(
                col(Assignment.employer_id) == scope.user.organisation_id,
                col(Assignment.employer_id).is_(None)
                & (col(Assignment.host_id) == scope.user.organisation_id),
            ),
            or_(*conditions),
        )
        .options(*assignments_scope.assignment_options())
    )
    found = list((await session.execute(statement)).scalars())
    by_person: dict[tuple[str, str], list[Assignment]] = {}
    for month in months:
        end = rules.month_end(month)
        for assignment in found:
            if assignment.start_date <= end and (
                assignment.ended_on is None or assignment.ended_on >= month
            ):
                person = assignment.participant
                key = (_person_key(person.last_name, person.first_names), month.isoformat()[:7])
                by_person.setdefault(key, []).append(assignment)
    return {assignment.id: assignment for assignment in found}, by_person


def _named(
    row: Row,
    by_id: dict[uuid.UUID, Assignment],
    by_person: dict[tuple[str, str], list[Assignment]],
    language: Language,
) -> tuple[Assignment | None, list[dict[str, Any]]]:
    """The assignment a line names, or the line's error about it."""
    values = row.values
    if values.get("assignment_id"):
        try:
            found = by_id.get(uuid.UUID(str(values["assignment_id"])))
        except ValueError:
            found = None
        if found is None:
            return None, [_error("assignment_id", "hours_assignment_unknown", language)]
        return found, []
    if not values.get("last_name") or not values.get("first_names"):
        return None, [_error("last_name", "import_hours_person_missing", language)]
    key = (_person_key(values["last_name"], values["first_names"]), str(values.get("month", "")))
    matches = by_person.get(key, [])
    if values.get("lot"):
        matches = [a for a in matches if str(a.lot.number) == str(values["lot"]).strip()]
    if not matches:
        return None, [_error("last_name", "import_hours_person_unknown", language)]
    if len(matches) > 1:
        return None, [_error("lot", "import_hours_person_ambiguous", language, count=len(matches))]
    return matches[0], []


def _error(name: str, code: str, language: Language, **values: Any) -> dict[str, Any]:
    return {"field": name, "code": code, "message": translate(code, language, **values)}


async def _existing(
    session: AsyncSession, scope: Scope, keys: Iterable[tuple[uuid.UUID, Any]]
) -> dict[tuple[uuid.UUID, Any], HoursDeclaration]:
    """The declarations of these (assignment, month) pairs, loaded for a correction."""
    wanted = list(keys)
    if not wanted:
        return {}
    statement = (
        readable(select(HoursDeclaration), scope)
        .where(tuple_(col(HoursDeclaration.assignment_id), col(HoursDeclaration.month)).in_(wanted))
        .options(*hours_options())
    )
    return {(d.assignment_id, d.month): d for d in (await session.execute(statement)).scalars()}


async def run(
    session: AsyncSession, scope: Scope, content: bytes, apply: bool, language: Language
) -> HoursImportReport:
    """Check every line; with `apply`, write them all, or none when any line fails."""
    rules.check_declarer_role(scope)
    report = HoursImportReport()
    rows, report.file_errors = csv_import.parse(content, LAYOUT, language)
    report.rows = len(rows)
    return await csv_import.all_or_nothing(  # type: ignore[return-value]
        session, apply, report, lambda: _lines(session, scope, rows, language, report)
    )


async def _lines(
    session: AsyncSession,
    scope: Scope,
    rows: list[Row],
    language: Language,
    report: HoursImportReport,
) -> None:
    by_id, by_person = await _candidates(session, scope, rows)
    parsed: list[tuple[Row, Assignment, HoursCreate]] = []
    for row in rows:
        assignment, errors = _named(row, by_id, by_person, language)
        data = None
        try:
            data = HoursCreate.model_validate(
                {
                    "assignment_id": assignment.id if assignment else uuid.UUID(int=0),
                    "month": row.values.get("month"),
                    "hours": row.values.get("hours"),
                    "note": row.values.get("note", ""),
                }
            )
        except ValidationError as exc:
            errors += field_errors(exc.errors(), language)
        if errors or data is None or assignment is None:
            report.errors.append(RowReport(row.line, [_terms(row, e, language) for e in errors]))
            continue
        parsed.append((row, assignment, data))
    context = await _context(session, scope, parsed)
    seen: dict[tuple[uuid.UUID, str], int] = {}
    for row, assignment, data in parsed:
        key = (data.assignment_id, data.month)
        if key in seen:
            error = _error("month", "import_hours_duplicate_row", language, line=seen[key])
            report.errors.append(RowReport(row.line, [_terms(row, error, language)]))
            continue
        seen[key] = row.line
        await _write(session, scope, row, assignment, data, context, language, report)
    report.errors.sort(key=lambda line: line.line)


@dataclass(frozen=True)
class _Context:
    """What the file's lines are checked against, loaded once for the whole file."""

    existing: dict[tuple[uuid.UUID, Any], HoursDeclaration]  # those the caller reads
    declared: dict[tuple[uuid.UUID, Any], uuid.UUID]  # whoever reads them
    ceilings: dict[uuid.UUID, int]
    tender_statuses: dict[uuid.UUID, str]

    def standing(self, assignment: Assignment, month: Any) -> service.Standing:
        return service.Standing(
            self.ceilings[assignment.structure_id],
            self.tender_statuses[assignment.tender_id],
            self.declared.get((assignment.id, month)),
        )


async def _context(
    session: AsyncSession, scope: Scope, parsed: list[tuple[Row, Assignment, HoursCreate]]
) -> _Context:
    """The lines' declarations, structures' ceilings and tenders' statuses: four statements
    (the rules read them; `service.declare` and `correct` load them line by line)."""
    keys = {(assignment.id, service.month_of(data.month)) for _, assignment, data in parsed}
    assignments = [assignment for _, assignment, _ in parsed]
    return _Context(
        existing=await _existing(session, scope, keys),
        declared=await service.declared_ids(session, keys),
        ceilings=await service.ceilings_of(session, {a.structure_id for a in assignments}),
        tender_statuses=await service.tender_statuses(session, {a.tender_id for a in assignments}),
    )


async def _write(
    session: AsyncSession,
    scope: Scope,
    row: Row,
    assignment: Assignment,
    data: HoursCreate,
    context: _Context,
    language: Language,
    report: HoursImportReport,
) -> None:
    """Declare the month, or correct or keep its declaration; a refusal is the line's error.
    The service's own rules, on what `_context` loaded: one write a line."""
    month = service.month_of(data.month)
    declaration = context.existing.get((assignment.id, month))
    standing = context.standing(assignment, month)
    try:
        async with session.begin_nested():
            if declaration is None:
                month = service.check_declaration(scope, assignment, data, standing)
                created = service.new_declaration(scope, assignment, month, data)
                session.add(created)
                await session.flush()
                report.created.append(created.id)
            elif declaration.hours == Decimal(data.hours) and declaration.note == data.note:
                report.unchanged += 1
            elif HoursStatus(declaration.status) not in EDITABLE:
                raise DomainError("import_hours_validated", status_code=409)
            else:
                update = HoursUpdate(hours=data.hours, note=data.note)
                service.check_correction(scope, declaration, update, standing)
                service.apply_correction(scope, declaration, update)
                await session.flush()
                report.updated += 1
    except DomainError as exc:
        failures = csv_import.failures(exc, language)
        for failure in failures:
            failure["field"] = failure["field"] or "hours"
        report.errors.append(RowReport(row.line, [_terms(row, f, language) for f in failures]))
        return
    report.valid += 1


def _terms(row: Row, error: dict[str, Any], language: Language) -> dict[str, Any]:
    """The error in the file's terms: a month the schema refused says how a month is written."""
    if error.get("field") == "month" and error["code"] == "field_invalid":
        code = "import_month_unreadable"
        return csv_import.in_file_terms(row, error, translate(code, language), code)
    if error.get("field") == "hours" and error["code"] in {"field_type", "number_expected"}:
        # The catalogue's example is an amount (120 000): hours are written 151,67.
        message = translate("import_hours_unreadable", language)
        return csv_import.in_file_terms(row, error, message)
    return csv_import.in_file_terms(row, error)


async def template(
    session: AsyncSession, scope: Scope, employer_id: uuid.UUID, month: str
) -> list[list[Any]]:
    """The month's file to fill: one line per assignment running and already started (the
    others have no hours worked to declare), with what is declared."""
    first = service.month_of(month)
    statement = (
        reads.running_statement(scope, employer_id, first)
        .where(col(Assignment.start_date) <= clock.today())
        .order_by(col(Assignment.start_date), col(Assignment.id))
    )
    assignments = list((await session.execute(statement.limit(csv_import.MAX_ROWS))).scalars())
    declared = await _existing(session, scope, {(a.id, first) for a in assignments})
    lines = []
    for assignment in assignments:
        person, declaration = assignment.participant, declared.get((assignment.id, first))
        lines.append(
            [
                str(assignment.id),
                person.last_name,
                person.first_names,
                assignment.lot.number,
                month,
                f"{declaration.hours}".replace(".", ",") if declaration else "",
                declaration.note if declaration else "",
            ]
        )
    return lines
