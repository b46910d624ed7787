"""Declaring, correcting and deciding monthly hours, and listing them.

Every refusal is a problem naming the rule, checked before anything is written: the month
(begun, within the assignment), the structure's monthly ceiling, a month already declared
(409 naming it: it is corrected with If-Match), a lot whose tender is closed, and a
declarer other than the employer of record."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.assignments import scope as assignments_scope
from levier.assignments.models import Assignment
from levier.clauses import service as clauses_service
from levier.core import clock
from levier.core.errors import Conflict, FieldChecks, FieldInvalid, NotFound
from levier.core.pagination import PageParams, paginate
from levier.hours import notices, rules
from levier.hours.constants import HoursStatus
from levier.hours.models import HoursDeclaration
from levier.hours.schemas import (
    HoursCreate,
    HoursRejection,
    HoursUpdate,
    MonthValidated,
    MonthValidation,
)
from levier.hours.scope import get_declaration, hours_options, readable
from levier.participants.scope import Scope
from levier.tenders.constants import FROZEN_STATUSES
from levier.tenders.models import Tender


def month_of(text: str) -> date:
    """The first day of a "YYYY-MM" month (the schema checked the pattern)."""
    year, month = text.split("-")
    return date(int(year), int(month), 1)


@dataclass(frozen=True)
class Standing:
    """What the rules on a declaration read beyond the assignment: the structure's monthly
    ceiling, the tender's status and the month's declaration if any. A route loads them for
    one declaration; the CSV import for a whole file in one statement each."""

    ceiling: int
    tender_status: str
    declared_id: uuid.UUID | None = None


async def _standing(
    session: AsyncSession, assignment: Assignment, month: date | None = None
) -> Standing:
    ceilings = await ceilings_of(session, {assignment.structure_id})
    statuses = await tender_statuses(session, {assignment.tender_id})
    declared = await declared_ids(session, {(assignment.id, month)} if month else set())
    return Standing(
        ceilings[assignment.structure_id],
        statuses[assignment.tender_id],
        declared.get((assignment.id, month)) if month else None,
    )


async def ceilings_of(session: AsyncSession, structure_ids: set[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Each structure's monthly ceiling of hours per assignment."""
    settings = await clauses_service.settings_of(session, structure_ids)
    return {structure_id: s.monthly_ceiling_hours for structure_id, s in settings.items()}


async def tender_statuses(
    session: AsyncSession, tender_ids: set[uuid.UUID]
) -> dict[uuid.UUID, str]:
    """Each tender's status (hours are refused on a closed or cancelled one)."""
    if not tender_ids:
        return {}
    statement = select(col(Tender.id), col(Tender.status)).where(col(Tender.id).in_(tender_ids))
    return {row[0]: row[1] for row in (await session.execute(statement)).all()}


async def declared_ids(
    session: AsyncSession, keys: set[tuple[uuid.UUID, date]]
) -> dict[tuple[uuid.UUID, date], uuid.UUID]:
    """The declarations already made for these (assignment, month) pairs, whoever reads them."""
    if not keys:
        return {}
    pair = tuple_(col(HoursDeclaration.assignment_id), col(HoursDeclaration.month))
    statement = select(
        col(HoursDeclaration.assignment_id), col(HoursDeclaration.month), col(HoursDeclaration.id)
    ).where(pair.in_(list(keys)))
    return {(row[0], row[1]): row[2] for row in (await session.execute(statement)).all()}


def _check_lot_open(standing: Standing) -> None:
    if standing.tender_status in FROZEN_STATUSES:
        raise Conflict("hours_lot_closed")


def _check_hours(checks: FieldChecks, hours: Any, ceiling: int) -> None:
    if hours > ceiling:
        checks.add(FieldInvalid("hours", "hours_over_ceiling", ceiling=ceiling))


def check_declaration(
    scope: Scope, assignment: Assignment, data: HoursCreate, standing: Standing
) -> date:
    """The rules on a new declaration, in their order (the declarer 403; the month and the
    hours 422 together; the lot closed, then the month already declared, 409): its month."""
    rules.check_declarer(scope, assignment)
    month = month_of(data.month)
    checks = FieldChecks()
    try:
        rules.check_month(assignment, month)
    except FieldInvalid as refused:
        checks.add(refused)
    _check_hours(checks, data.hours, standing.ceiling)
    checks.raise_if_any()
    _check_lot_open(standing)
    if standing.declared_id is not None:
        raise Conflict(
            "hours_month_declared",
            headers={"Location": f"/api/v1/hours/{standing.declared_id}"},
            declaration_id=str(standing.declared_id),
        )
    return month


def new_declaration(
    scope: Scope, assignment: Assignment, month: date, data: HoursCreate
) -> HoursDeclaration:
    """The declaration `check_declaration` allowed, waiting for the facilitator (added)."""
    return HoursDeclaration(
        assignment_id=assignment.id,
        structure_id=assignment.structure_id,
        lot_id=assignment.lot_id,
        employer_id=rules.employer_of(assignment),
        participant_id=assignment.participant_id,
        month=month,
        hours=data.hours,
        note=data.note,
        status=HoursStatus.declared.value,
        declared_by_id=scope.user.id,
        declared_at=clock.now(),
    )


async def declare(session: AsyncSession, scope: Scope, data: HoursCreate) -> HoursDeclaration:
    """The employer of record declares a month of an assignment's hours."""
    try:
        assignment = await assignments_scope.get_assignment(session, scope, data.assignment_id)
    except NotFound:
        raise FieldInvalid("assignment_id", "hours_assignment_unknown") from None
    rules.check_declarer(scope, assignment)
    standing = await _standing(session, assignment, month_of(data.month))
    month = check_declaration(scope, assignment, data, standing)
    declaration = new_declaration(scope, assignment, month, data)
    session.add(declaration)
    await session.flush()
    return await get_declaration(session, scope, declaration.id, refresh=True)


def check_correction(
    scope: Scope, declaration: HoursDeclaration, data: HoursUpdate, standing: Standing
) -> None:
    """The rules on a correction, in their order: the declarer and a declaration waiting or
    rejected, the hours (422), the lot closed (409)."""
    rules.check_editable(scope, declaration)
    checks = FieldChecks()
    sent = data.model_dump(exclude_unset=True)
    if "hours" in sent and sent["hours"] is None:
        checks.add(FieldInvalid("hours", "field_required"))
    elif "hours" in sent:
        _check_hours(checks, sent["hours"], standing.ceiling)
    checks.raise_if_any()
    _check_lot_open(standing)


def apply_correction(scope: Scope, declaration: HoursDeclaration, data: HoursUpdate) -> None:
    """The correction `check_correction` allowed: the declaration waits again."""
    sent = data.model_dump(exclude_unset=True)
    if "hours" in sent:
        declaration.hours = sent["hours"]
    if "note" in sent:
        declaration.note = sent["note"] or ""
    declaration.status = HoursStatus.declared.value
    declaration.declared_by_id = scope.user.id
    declaration.declared_at = clock.now()
    declaration.decided_by_id = None
    declaration.decided_at = None
    declaration.rejection_reason = ""


async def correct(
    session: AsyncSession, scope: Scope, declaration: HoursDeclaration, data: HoursUpdate
) -> HoursDeclaration:
    """The employer corrects a declaration waiting or rejected: it waits again."""
    rules.check_editable(scope, declaration)
    check_correction(scope, declaration, data, await _standing(session, declaration.assignment))
    apply_correction(scope, declaration, data)
    await session.flush()
    return await get_declaration(session, scope, declaration.id, refresh=True)


def _decide(
    scope: Scope, declaration: HoursDeclaration, status: HoursStatus, reason: str = ""
) -> None:
    declaration.status = status.value
    declaration.decided_by_id = scope.user.id
    declaration.decided_at = clock.now()
    declaration.rejection_reason = reason


async def validate(
    session: AsyncSession, scope: Scope, declaration: HoursDeclaration
) -> HoursDeclaration:
    """The facilitator validates a waiting declaration: its hours now count."""
    rules.check_decidable(scope, declaration)
    _decide(scope, declaration, HoursStatus.validated)
    await session.flush()
    return await get_declaration(session, scope, declaration.id, refresh=True)


async def reject(
    session: AsyncSession, scope: Scope, declaration: HoursDeclaration, data: HoursRejection
) -> HoursDeclaration:
    """The facilitator rejects a declaration with the reason the employer reads (and is told
    in-app)."""
    rules.check_rejectable(scope, declaration)
    _decide(scope, declaration, HoursStatus.rejected, data.reason)
    await notices.notify_rejected(session, declaration)
    await session.flush()
    return await get_declaration(session, scope, declaration.id, refresh=True)


async def validate_month(
    session: AsyncSession, scope: Scope, data: MonthValidation
) -> MonthValidated:
    """Validate every waiting declaration of the structure for a month (one employer's or
    one lot's when given), each through the ORM so each is audited: those of hours already
    worked (`rules.check_worked`: the month begun, the assignment started)."""
    month = month_of(data.month)
    if month > clock.today():
        return MonthValidated(month=data.month, validated=0)
    started = select(col(Assignment.id)).where(col(Assignment.start_date) <= clock.today())
    statement = readable(select(HoursDeclaration), scope).where(
        col(HoursDeclaration.month) == month,
        col(HoursDeclaration.status) == HoursStatus.declared,
        col(HoursDeclaration.assignment_id).in_(started),
    )
    if data.employer_id:
        statement = statement.where(col(HoursDeclaration.employer_id) == data.employer_id)
    if data.lot_id:
        statement = statement.where(col(HoursDeclaration.lot_id) == data.lot_id)
    declarations = list((await session.execute(statement)).scalars())
    for declaration in declarations:
        _decide(scope, declaration, HoursStatus.validated)
    await session.flush()
    return MonthValidated(month=data.month, validated=len(declarations))


async def list_declarations(
    session: AsyncSession, scope: Scope, params: PageParams, filters: dict[str, Any]
) -> tuple[list[HoursDeclaration], str | None]:
    """Declarations in the caller's scope matching the filters, oldest month first (the
    validation queue is `status=declared`)."""
    statement = readable(select(HoursDeclaration), scope).options(*hours_options())
    if filters.get("month"):
        statement = statement.where(col(HoursDeclaration.month) == month_of(filters["month"]))
    if filters.get("status"):
        statement = statement.where(col(HoursDeclaration.status) == filters["status"])
    for name in ("lot_id", "assignment_id", "employer_id"):
        if filters.get(name):
            statement = statement.where(getattr(HoursDeclaration, name) == filters[name])
    return await paginate(
        session,
        statement,
        params,
        [col(HoursDeclaration.month), col(HoursDeclaration.id)],
        key=lambda declaration: [declaration.month, declaration.id],
    )
