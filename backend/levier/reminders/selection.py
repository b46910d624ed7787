"""Who is due a reminder, found in SQL: awardees of lots that may be behind, and employers of
record missing last month's declaration of a running assignment; in both, the pairs
(enterprise, lot) reminded for the same reason within the interval are left out by the query.

Whether a lot is `behind` is compliance's rule (`compliance_by_lot`), asked once for all the
candidate lots: awarded lots with required hours, whose execution has begun, in a tender
still open."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload
from sqlmodel import col

from levier.assignments.models import Assignment
from levier.hours.models import HoursDeclaration
from levier.organisations.models import Organisation
from levier.reminders.constants import ReminderReason
from levier.reminders.models import Reminder
from levier.tenders.constants import FROZEN_STATUSES
from levier.tenders.models import AwardMember, Lot, LotAward, Tender
from levier.users.models import User


@dataclass(frozen=True)
class MissingHours:
    lot_id: uuid.UUID
    enterprise_id: uuid.UUID
    assignments: int


def previous_month(today: date) -> date:
    """The first day of the month before today's."""
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


def _not_reminded(lot_id: Any, enterprise_id: Any, reason: ReminderReason, since: datetime) -> Any:
    recent = exists().where(
        col(Reminder.lot_id) == lot_id,
        col(Reminder.enterprise_id) == enterprise_id,
        col(Reminder.reason) == reason.value,
        col(Reminder.sent_at) > since,
    )
    return ~recent


def _open_tender() -> Any:
    return col(Tender.status).not_in([status.value for status in FROZEN_STATUSES])


async def awardees_to_check(
    session: AsyncSession, today: date, since: datetime
) -> dict[uuid.UUID, list[uuid.UUID]]:
    """Awardees (consortium members) of lots under way with required hours, by lot, not
    reminded of the lot being behind since `since`."""
    statement = (
        select(col(Lot.id), col(AwardMember.enterprise_id))
        .join(LotAward, col(LotAward.lot_id) == col(Lot.id))
        .join(AwardMember, col(AwardMember.award_id) == col(LotAward.id))
        .join(Tender, col(Tender.id) == col(Lot.tender_id))
        .where(
            Lot.required_hours > 0,  # type: ignore[operator]
            col(LotAward.notification_date) <= today,
            col(Lot.outcome).is_(None),
            _open_tender(),
            _not_reminded(Lot.id, AwardMember.enterprise_id, ReminderReason.behind, since),
        )
        .order_by(col(Lot.id), col(AwardMember.enterprise_id))
    )
    found: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for lot_id, enterprise_id in (await session.execute(statement)).all():
        found[lot_id].append(enterprise_id)
    return dict(found)


async def missing_hours(session: AsyncSession, month: date, since: datetime) -> list[MissingHours]:
    """(lot, employer of record, how many assignments) where an assignment ran in `month`
    and has no declaration for it, not reminded of missing hours since `since`."""
    month_last = (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    employer = func.coalesce(col(Assignment.employer_id), col(Assignment.host_id))
    last_day = func.coalesce(col(Assignment.ended_on), col(Assignment.planned_end_date))
    declared = exists().where(
        col(HoursDeclaration.assignment_id) == col(Assignment.id),
        col(HoursDeclaration.month) == month,
    )
    statement = (
        select(col(Assignment.lot_id), employer, func.count(col(Assignment.id)))
        .join(Tender, col(Tender.id) == col(Assignment.tender_id))
        .where(
            col(Assignment.start_date) <= month_last,
            or_(last_day.is_(None), last_day >= month),
            ~declared,
            _open_tender(),
            _not_reminded(Assignment.lot_id, employer, ReminderReason.hours_missing, since),
        )
        .group_by(col(Assignment.lot_id), employer)
        .order_by(col(Assignment.lot_id), employer)
    )
    rows = (await session.execute(statement)).all()
    return [
        MissingHours(lot_id, enterprise_id, int(count)) for lot_id, enterprise_id, count in rows
    ]


async def lots_by_id(session: AsyncSession, ids: set[uuid.UUID]) -> dict[uuid.UUID, Lot]:
    """These lots with their tender (what the texts read)."""
    if not ids:
        return {}
    statement = (
        select(Lot).where(col(Lot.id).in_(ids)).options(joinedload(Lot.tender))  # type: ignore[arg-type]
    )
    return {lot.id: lot for lot in (await session.execute(statement)).scalars()}


async def recipients(
    session: AsyncSession, enterprise_ids: set[uuid.UUID]
) -> tuple[dict[uuid.UUID, str], dict[uuid.UUID, list[User]]]:
    """The enterprises' names, and their active users (of an active organisation)."""
    if not enterprise_ids:
        return {}, {}
    names_statement = select(col(Organisation.id), col(Organisation.name)).where(
        col(Organisation.id).in_(enterprise_ids)
    )
    names = {row[0]: row[1] for row in (await session.execute(names_statement)).all()}
    users_statement = (
        select(User)
        .join(Organisation, col(Organisation.id) == col(User.organisation_id))
        .where(
            col(User.organisation_id).in_(enterprise_ids),
            col(User.active).is_(True),
            col(Organisation.active).is_(True),
        )
        .order_by(col(User.email))
    )
    users: dict[uuid.UUID, list[User]] = defaultdict(list)
    for user in (await session.execute(users_statement)).scalars():
        users[user.organisation_id].append(user)
    return names, dict(users)
