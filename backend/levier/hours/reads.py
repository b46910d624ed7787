"""A declaration as read, and the monthly grid of an employer's assignments."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.assignments import scope as assignments_scope
from levier.assignments.constants import FulfilmentMode
from levier.assignments.models import Assignment
from levier.clauses import service as clauses_service
from levier.core.actions import allowed
from levier.core.pagination import PageParams, paginate
from levier.hours import rules
from levier.hours.models import HoursDeclaration
from levier.hours.schemas import GridRow, HoursAssignment, HoursRead, Named
from levier.hours.scope import hours_options, readable
from levier.participants.scope import Scope


def assignment_summary(assignment: Assignment) -> HoursAssignment:
    person, lot = assignment.participant, assignment.lot
    return HoursAssignment(
        id=assignment.id,
        first_names=person.first_names,
        last_name=person.last_name,
        mode=FulfilmentMode(assignment.mode),
        lot_id=lot.id,
        lot_number=lot.number,
        lot_title=lot.title,
        tender_id=lot.tender_id,
    )


def hours_read(scope: Scope, declaration: HoursDeclaration) -> HoursRead:
    """The read of a declaration loaded with `scope.hours_options()`."""
    assignment = declaration.assignment
    employer = assignment.employer or assignment.host
    return HoursRead(
        id=declaration.id,
        version=declaration.version,
        assignment=assignment_summary(assignment),
        employer=Named(id=employer.id, name=employer.name),
        month=declaration.month.strftime("%Y-%m"),
        hours=declaration.hours,
        note=declaration.note,
        status=declaration.status,  # type: ignore[arg-type]
        declared_at=declaration.declared_at,
        decided_at=declaration.decided_at,
        rejection_reason=declaration.rejection_reason,
        actions=rules.hours_actions(scope, declaration),
    )


def _declarable(scope: Scope, assignment: Assignment, month: date) -> bool:
    return allowed(rules.check_declarer, scope, assignment) and allowed(
        rules.check_month, assignment, month
    )


def running_statement(scope: Scope, employer_id: uuid.UUID, month: date) -> Select[Any]:
    """The employer's assignments running in the month, in the caller's scope (with what a
    read needs loaded)."""
    return (
        assignments_scope.readable(select(Assignment), scope)
        .where(
            or_(
                col(Assignment.employer_id) == employer_id,
                (col(Assignment.employer_id).is_(None)) & (col(Assignment.host_id) == employer_id),
            ),
            col(Assignment.start_date) <= rules.month_end(month),
            or_(col(Assignment.ended_on).is_(None), col(Assignment.ended_on) >= month),
        )
        .options(*assignments_scope.assignment_options())
    )


async def grid(
    session: AsyncSession,
    scope: Scope,
    employer_id: uuid.UUID,
    month: date,
    params: PageParams,
) -> tuple[list[GridRow], str | None]:
    """The employer's assignments running in the month (in the caller's scope), each with
    its declaration for the month and its structure's ceiling: three statements whatever the
    page's size."""
    statement = running_statement(scope, employer_id, month)
    assignments, next_cursor = await paginate(
        session,
        statement,
        params,
        [col(Assignment.start_date), col(Assignment.id)],
        key=lambda assignment: [assignment.start_date, assignment.id],
    )
    declared: dict[Any, HoursDeclaration] = {}
    if assignments:
        found = await session.execute(
            readable(select(HoursDeclaration), scope)
            .where(
                col(HoursDeclaration.month) == month,
                col(HoursDeclaration.assignment_id).in_([a.id for a in assignments]),
            )
            .options(*hours_options())
        )
        declared = {d.assignment_id: d for d in found.scalars()}
    ceilings = await clauses_service.monthly_ceilings(
        session, {assignment.structure_id for assignment in assignments}
    )
    rows = [
        GridRow(
            assignment=assignment_summary(assignment),
            hours_per_week=assignment.hours_per_week,
            ceiling=ceilings[assignment.structure_id],
            declaration=(
                hours_read(scope, declared[assignment.id]) if assignment.id in declared else None
            ),
            declarable=assignment.id not in declared and _declarable(scope, assignment, month),
        )
        for assignment in assignments
    ]
    return rows, next_cursor
