"""The follow-up items of monthly hours: last month's not declared (the employer of record),
declared and waiting (the structure), rejected and to correct (the employer), by lot, employer
and month, each in the hours or assignments scope."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.assignments import scope as assignment_scope
from levier.assignments.models import Assignment
from levier.followups import constants as c
from levier.followups.constants import FollowUpKind
from levier.followups.items import (
    ENTERPRISE,
    STRUCTURE,
    Context,
    Item,
    employer_of_record,
    facts_of,
    lot_columns,
    month_after,
    open_tender,
    previous_month,
    with_names,
)
from levier.followups.keys import Key
from levier.hours import scope as hours_scope
from levier.hours.constants import HoursStatus
from levier.hours.models import HoursDeclaration
from levier.tenders.models import Lot, Tender


async def hours_missing(session: AsyncSession, ctx: Context, key: Key | None) -> list[Item]:
    """Last month's hours of running assignments not declared, by lot and employer of record:
    due by the 5th of this month."""
    month = previous_month(ctx.today)
    if key is not None and key.month != month:
        return []
    employer = employer_of_record()
    last_day = func.coalesce(col(Assignment.ended_on), col(Assignment.planned_end_date))
    declared = exists().where(
        col(HoursDeclaration.assignment_id) == col(Assignment.id),
        col(HoursDeclaration.month) == month,
    )
    statement = (
        select(
            *lot_columns(),
            employer.label("enterprise_id"),
            func.count(col(Assignment.id)).label("lines"),
        )
        .select_from(Assignment)
        .join(Lot, col(Lot.id) == col(Assignment.lot_id))
        .join(Tender, col(Tender.id) == col(Assignment.tender_id))
        .where(
            col(Assignment.start_date) < month_after(month),
            or_(last_day.is_(None), last_day >= month),
            ~declared,
            open_tender(),
        )
    )
    statement = with_names(statement, employer)
    statement = statement.group_by(
        *lot_columns(), employer, col(STRUCTURE.name), col(ENTERPRISE.name)
    )
    if key is not None:
        statement = statement.where(col(Assignment.lot_id) == key.id, employer == key.party)
    statement = assignment_scope.readable(statement, ctx.scope)
    return [
        Item(
            key=Key(FollowUpKind.hours_missing, row.lot_id, row.enterprise_id, month),
            owner_id=row.enterprise_id,
            owner_name=row.enterprise_name,
            due_on=month_after(month) + timedelta(days=c.HOURS_DUE_DAY - 1),
            month=month,
            count=int(row.lines),
            **facts_of(row, "enterprise_id", "enterprise_name"),
        )
        for row in (await session.execute(statement)).all()
    ]


async def _declarations(
    session: AsyncSession, ctx: Context, key: Key | None, kind: FollowUpKind
) -> list[Item]:
    """Declarations waiting (the structure decides) or rejected (the employer corrects), by
    lot, employer and month."""
    waiting = kind == FollowUpKind.hours_to_validate
    status = HoursStatus.declared if waiting else HoursStatus.rejected
    moment = col(HoursDeclaration.declared_at if waiting else HoursDeclaration.decided_at)
    employer = col(HoursDeclaration.employer_id)
    group = [*lot_columns(), employer.label("enterprise_id"), col(HoursDeclaration.month)]
    statement = (
        select(*group, func.count().label("lines"), func.min(moment).label("since"))
        .select_from(HoursDeclaration)
        .join(Lot, col(Lot.id) == col(HoursDeclaration.lot_id))
        .join(Tender, col(Tender.id) == col(Lot.tender_id))
        .where(col(HoursDeclaration.status) == status.value)
    )
    statement = with_names(statement, employer)
    statement = statement.group_by(*group, col(STRUCTURE.name), col(ENTERPRISE.name))
    if key is not None:
        statement = statement.where(
            col(HoursDeclaration.lot_id) == key.id,
            employer == key.party,
            col(HoursDeclaration.month) == key.month,
        )
    statement = hours_scope.readable(statement, ctx.scope)
    days = c.VALIDATION_DUE_DAYS if waiting else c.CORRECTION_DUE_DAYS
    return [
        Item(
            key=Key(kind, row.lot_id, row.enterprise_id, row.month),
            owner_id=row.structure_id if waiting else row.enterprise_id,
            owner_name=row.structure_name if waiting else row.enterprise_name,
            due_on=row.since.date() + timedelta(days=days),
            month=row.month,
            count=int(row.lines),
            **facts_of(row, "enterprise_id", "enterprise_name"),
        )
        for row in (await session.execute(statement)).all()
    ]


async def hours_to_validate(session: AsyncSession, ctx: Context, key: Key | None) -> list[Item]:
    return await _declarations(session, ctx, key, FollowUpKind.hours_to_validate)


async def hours_to_correct(session: AsyncSession, ctx: Context, key: Key | None) -> list[Item]:
    return await _declarations(session, ctx, key, FollowUpKind.hours_to_correct)
