"""Declaring, correcting and deciding monthly hours, and listing them.

Every refusal is a problem naming the rule, checked before anything is written: the month
(begun, within the assignment), the structure's monthly ceiling, a month already declared
(409 naming it: it is corrected with If-Match), a lot whose tender is closed, and a
declarer other than the employer of record."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.assignments import scope as assignments_scope
from levier.assignments.models import Assignment
from levier.clauses import service as clauses_service
from levier.core import clock
from levier.core.errors import Conflict, FieldChecks, FieldInvalid, NotFound
from levier.core.pagination import PageParams, paginate
from levier.hours import rules
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


async def _ceiling(session: AsyncSession, structure_id: uuid.UUID) -> int:
    return (await clauses_service.get_settings(session, structure_id)).monthly_ceiling_hours


async def _check_lot_open(session: AsyncSession, assignment: Assignment) -> None:
    status = (
        await session.execute(
            select(col(Tender.status)).where(col(Tender.id) == assignment.tender_id)
        )
    ).scalar_one()
    if status in FROZEN_STATUSES:
        raise Conflict("hours_lot_closed")


def _check_hours(checks: FieldChecks, hours: Any, ceiling: int) -> None:
    if hours > ceiling:
        checks.add(FieldInvalid("hours", "hours_over_ceiling", ceiling=ceiling))


async def declare(session: AsyncSession, scope: Scope, data: HoursCreate) -> HoursDeclaration:
    """The employer of record declares a month of an assignment's hours."""
    try:
        assignment = await assignments_scope.get_assignment(session, scope, data.assignment_id)
    except NotFound:
        raise FieldInvalid("assignment_id", "hours_assignment_unknown") from None
    rules.check_declarer(scope, assignment)
    month = month_of(data.month)
    checks = FieldChecks()
    try:
        rules.check_month(assignment, month)
    except FieldInvalid as refused:
        checks.add(refused)
    _check_hours(checks, data.hours, await _ceiling(session, assignment.structure_id))
    checks.raise_if_any()
    await _check_lot_open(session, assignment)
    existing = (
        await session.execute(
            select(col(HoursDeclaration.id)).where(
                col(HoursDeclaration.assignment_id) == assignment.id,
                col(HoursDeclaration.month) == month,
            )
        )
    ).scalar_one_or_none()
    if existing is not None:
        raise Conflict(
            "hours_month_declared",
            headers={"Location": f"/api/v1/hours/{existing}"},
            declaration_id=str(existing),
        )
    declaration = HoursDeclaration(
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
    session.add(declaration)
    await session.flush()
    return await get_declaration(session, scope, declaration.id, refresh=True)


async def correct(
    session: AsyncSession, scope: Scope, declaration: HoursDeclaration, data: HoursUpdate
) -> HoursDeclaration:
    """The employer corrects a declaration waiting or rejected: it waits again."""
    rules.check_editable(scope, declaration)
    checks = FieldChecks()
    sent = data.model_dump(exclude_unset=True)
    if "hours" in sent and sent["hours"] is None:
        checks.add(FieldInvalid("hours", "field_required"))
    elif "hours" in sent:
        _check_hours(checks, sent["hours"], await _ceiling(session, declaration.structure_id))
    checks.raise_if_any()
    await _check_lot_open(session, declaration.assignment)
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
    """The facilitator rejects a declaration with the reason the employer reads."""
    rules.check_rejectable(scope, declaration)
    _decide(scope, declaration, HoursStatus.rejected, data.reason)
    await session.flush()
    return await get_declaration(session, scope, declaration.id, refresh=True)


async def validate_month(
    session: AsyncSession, scope: Scope, data: MonthValidation
) -> MonthValidated:
    """Validate every waiting declaration of the structure for a month (one employer's or
    one lot's when given), each through the ORM so each is audited."""
    statement = readable(select(HoursDeclaration), scope).where(
        col(HoursDeclaration.month) == month_of(data.month),
        col(HoursDeclaration.status) == HoursStatus.declared,
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
