"""A lot's compliance at a date, computed in SQL (domain clauses.md §4).

Hours: validated and pending hours of the months begun by the date, by fulfilment mode (two
grouped sums); training counts up to the structure's share of the required hours. People:
the distinct people assigned by the date and their profile (one aggregate). The status
compares what counts with the required hours and with their share due by the date over the
execution period (the award's notification for the lot's duration, amendments included).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.assignments.constants import FulfilmentMode
from levier.assignments.models import Assignment
from levier.auth.permissions import Role
from levier.clauses import service as clauses_service
from levier.compliance.constants import EXCEEDED_SHARE, ComplianceStatus
from levier.compliance.schemas import LotCompliance, ModeHours, Profile
from levier.core import clock
from levier.hours.constants import HoursStatus
from levier.hours.models import HoursDeclaration
from levier.participants.models import Participant
from levier.tenders.models import Lot, Tender
from levier.users.models import User

ZERO = Decimal("0")


async def _hours_by_mode(
    session: AsyncSession, lot_id: object, on: date
) -> dict[tuple[str, str], Decimal]:
    statement = (
        select(col(Assignment.mode), col(HoursDeclaration.status), func.sum(HoursDeclaration.hours))
        .join(Assignment, col(Assignment.id) == col(HoursDeclaration.assignment_id))
        .where(
            col(HoursDeclaration.lot_id) == lot_id,
            col(HoursDeclaration.month) <= on,
            col(HoursDeclaration.status).in_([HoursStatus.validated, HoursStatus.declared]),
        )
        .group_by(col(Assignment.mode), col(HoursDeclaration.status))
    )
    rows = await session.execute(statement)
    return {(mode, status): Decimal(total or 0) for mode, status, total in rows.all()}


async def _people(session: AsyncSession, lot_id: object, on: date) -> tuple[int, Profile | None]:
    """Distinct people assigned by the date, and their shares (ages on the date)."""
    people = (
        select(col(Assignment.participant_id))
        .where(col(Assignment.lot_id) == lot_id, col(Assignment.start_date) <= on)
        .distinct()
        .subquery()
    )
    under_26 = clock.years_before(on, 26)
    over_50 = clock.years_before(on, 50)

    def share_of(condition: Any) -> Any:
        return func.sum(case((condition, 1), else_=0))

    statement = select(
        func.count(col(Participant.id)),
        share_of(col(Participant.gender) == "female"),
        share_of(col(Participant.qpv).is_(True)),
        share_of(col(Participant.birth_date) > under_26),
        share_of(col(Participant.birth_date) <= over_50),
    ).where(col(Participant.id).in_(select(people.c.participant_id)))
    total, women, qpv, young, senior = (await session.execute(statement)).one()
    total = int(total or 0)
    if total == 0:
        return 0, None

    def share(count: Any) -> Decimal:
        return (Decimal(int(count or 0)) / total).quantize(Decimal("0.0001"))

    return total, Profile(
        women=share(women), qpv_residents=share(qpv), under_26=share(young), over_50=share(senior)
    )


def _status(
    required: int | None, counted: Decimal, pending: Decimal, elapsed: Decimal | None, ended: bool
) -> ComplianceStatus | None:
    if not required:
        return None
    if counted >= required * EXCEEDED_SHARE:
        return ComplianceStatus.exceeded
    if counted >= required:
        return ComplianceStatus.fulfilled
    if ended:
        return ComplianceStatus.defaulted
    if counted == 0 and pending == 0:
        return ComplianceStatus.not_started
    expected = required * (elapsed or ZERO)
    return ComplianceStatus.on_track if counted >= expected else ComplianceStatus.behind


async def lot_compliance(
    session: AsyncSession, user: User, tender: Tender, lot: Lot, on: date | None = None
) -> LotCompliance:
    """Where the lot's clause stands on the day (today by default)."""
    on = on or clock.today()
    sums = await _hours_by_mode(session, lot.id, on)
    required = lot.required_hours
    settings = await clauses_service.get_settings(session, tender.structure_id)
    cap = (
        (Decimal(required) * settings.training_cap_share).quantize(Decimal("0.01"))
        if required
        else None
    )
    by_mode, counted, pending, excess = [], ZERO, ZERO, ZERO
    for mode in FulfilmentMode:
        validated = sums.get((mode.value, HoursStatus.validated.value), ZERO)
        waiting = sums.get((mode.value, HoursStatus.declared.value), ZERO)
        if validated == 0 and waiting == 0:
            continue
        counts = validated
        if mode == FulfilmentMode.training and cap is not None and validated > cap:
            counts, excess = cap, validated - cap
        by_mode.append(ModeHours(mode=mode, validated=validated, pending=waiting, counted=counts))
        counted += counts
        pending += waiting
    participants, profile = await _people(session, lot.id, on)
    award = lot.award
    start = award.notification_date if award is not None else None
    end = clock.months_after(start, lot.duration_months) if start is not None else None
    elapsed = expected = projected = None
    if start is not None and end is not None and end > start:
        days = Decimal((end - start).days)
        elapsed = min(max(Decimal((on - start).days) / days, ZERO), Decimal(1)).quantize(
            Decimal("0.0001")
        )
        if required:
            expected = (required * elapsed).quantize(Decimal("0.01"))
        if elapsed > 0:
            projected = (counted / elapsed).quantize(Decimal("0.01"))
    return LotCompliance(
        lot_id=lot.id,
        on=on,
        required_hours=required,
        validated_hours=counted,
        pending_hours=pending,
        training_cap=cap,
        training_excess=excess,
        by_mode=by_mode,
        participants=participants,
        profile=profile if user.role == Role.facilitator else None,
        execution_start=start,
        execution_end=end,
        elapsed_share=elapsed,
        expected_by_now=expected,
        projected_at_end=projected,
        status=_status(required, counted, pending, elapsed, end is not None and on > end),
    )
