"""Roll-ups of lots' compliance (per tender, awardee, buyer, operation, structure) and the
monthly series for charts, all at a date and in the caller's scope (domain clauses.md §4).

Each level is the same grouped statements as a lot's read over the level's lots in scope
(`service.load`), then a sum over the per-lot figures: pooled hours move between lots, so
the totals count each hour once. A level the caller sees no lot of is 404 unless it is the
caller's own organisation, or an operation or tender the caller reads (then zero figures).
"""

from __future__ import annotations

import calendar
import uuid
from datetime import date
from decimal import Decimal
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.compliance import queries
from levier.compliance import scope as compliance_scope
from levier.compliance.figures import ZERO, LotFigures, figures_at
from levier.compliance.schemas import (
    ComplianceSeries,
    ComplianceSummary,
    OperationTarget,
    SeriesPoint,
    StatusCounts,
)
from levier.compliance.service import LotFilters, load, row_of, scoped_lots
from levier.core import clock
from levier.core.errors import FieldInvalid, NotFound
from levier.tenders import operations as tenders_operations
from levier.tenders.models import Lot, Operation
from levier.users.models import User


class Level(StrEnum):
    structure = "structure"
    operation = "operation"
    buyer = "buyer"
    awardee = "awardee"
    tender = "tender"


FILTER_OF = {
    Level.structure: "structure_id",
    Level.operation: "operation_id",
    Level.buyer: "buyer_id",
    Level.awardee: "awardee_id",
    Level.tender: "tender_id",
}


def _totals(figures: list[LotFigures]) -> dict[str, object]:
    counts = StatusCounts()
    for lot in figures:
        if lot.status is not None:
            setattr(counts, lot.status.value, getattr(counts, lot.status.value) + 1)
    return {
        "lots": len(figures),
        "required_hours": sum((lot.required or 0 for lot in figures), 0),
        "counted_hours": sum((lot.counted for lot in figures), ZERO),
        "validated_hours": sum((lot.validated for lot in figures), ZERO),
        "pending_hours": sum((lot.pending for lot in figures), ZERO),
        "converted_hours": sum((lot.converted for lot in figures), ZERO),
        "expected_by_now": sum((lot.expected or ZERO for lot in figures), ZERO),
        "by_status": counts,
        "late": sum(1 for lot in figures if lot.late),
    }


async def _target(session: AsyncSession, operation: Operation, counted: Decimal) -> OperationTarget:
    """The operation's target judged with the planning summary's own rule."""
    planned = await tenders_operations.operation_summary(session, operation)
    labour_hours = int(planned["labour_hours"])
    share = (counted / labour_hours).quantize(Decimal("0.0001")) if labour_hours else None
    return OperationTarget(
        target_kind=operation.target_kind,
        target_value=operation.target_value,
        labour_hours=labour_hours,
        counted_share=share,
        target_met_by_required=planned["target_met"],
        target_reached=(
            tenders_operations.target_met_by(operation, counted, labour_hours)
            if planned["lots"]
            else None
        ),
    )


async def summary(
    session: AsyncSession, user: User, level: Level, entity_id: uuid.UUID, on: date | None
) -> ComplianceSummary:
    """The level's lots in the caller's scope, summed on the day (today by default)."""
    on = on or clock.today()
    lot_ids = scoped_lots(user, LotFilters(**{FILTER_OF[level]: entity_id}))
    inputs = await load(session, lot_ids, on)
    wanted = set((await session.execute(lot_ids)).scalars())
    figures = [f for f in figures_at(inputs, on).values() if f.row.id in wanted]
    if level == Level.tender:  # only the tender level lists its lots; totals need no order
        figures.sort(key=lambda f: (f.row.tender_reference, str(f.row.tender_id), f.row.number))
    operation = None
    if level == Level.operation:
        operation = await compliance_scope.get_operation(session, user, entity_id)
    known = bool(figures) or entity_id == user.organisation_id or operation is not None
    if not known and level == Level.tender:
        known = await compliance_scope.reads_tender(session, user, entity_id)
    if not known:
        raise NotFound()
    totals = _totals(figures)
    people = await queries.people_across(session, lot_ids, on)
    target = None
    if operation is not None:
        target = await _target(session, operation, totals["counted_hours"])  # type: ignore[arg-type]
    return ComplianceSummary(
        level=level.value,
        id=entity_id,
        on=on,
        participants=people.total,
        target=target,
        lot_rows=[row_of(f) for f in figures] if level == Level.tender else None,
        **totals,  # type: ignore[arg-type]
    )


def _month_ends(start: date, on: date) -> list[date]:
    """The last day of each month from the start's to the day's (the day itself last)."""
    points = []
    year, month = start.year, start.month
    while (year, month) <= (on.year, on.month):
        last = date(year, month, calendar.monthrange(year, month)[1])
        points.append(min(last, on))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return points


async def series(
    session: AsyncSession,
    user: User,
    lot_id: uuid.UUID | None,
    operation_id: uuid.UUID | None,
    on: date | None,
) -> ComplianceSeries:
    """Month by month from the execution start to the day: validated hours of the month,
    cumulative hours that count (conversion and pooling as on each month's last day), and
    cumulative hours expected (required × elapsed share at the month's end)."""
    if (lot_id is None) == (operation_id is None):
        raise FieldInvalid("lot_id", "compliance_series_target", location="query")
    on = on or clock.today()
    filters = LotFilters(operation_id=operation_id)
    lot_ids = scoped_lots(user, filters)
    if lot_id is not None:
        lot_ids = lot_ids.where(col(Lot.id) == lot_id)
    inputs = await load(session, lot_ids, on, by_month=True)
    wanted = set((await session.execute(lot_ids)).scalars())
    targets = [row for row in inputs.lots if row.id in wanted]
    if not targets and (
        lot_id is not None
        or operation_id is None
        or await compliance_scope.get_operation(session, user, operation_id) is None
    ):
        raise NotFound()
    starts = [row.notification_date for row in targets if row.notification_date is not None]
    points = []
    for point in _month_ends(min(starts), on) if starts else []:
        at = figures_at(inputs, point)
        lots = [at[row.id] for row in targets]
        points.append(
            SeriesPoint(
                month=f"{point.year:04d}-{point.month:02d}",
                on=point,
                validated=sum((f.month_validated for f in lots), ZERO),
                cumulative_counted=sum((f.counted for f in lots), ZERO),
                cumulative_expected=sum((f.expected or ZERO for f in lots), ZERO),
            )
        )
    return ComplianceSeries(
        lot_id=lot_id,
        operation_id=operation_id,
        on=on,
        required_hours=sum((row.required_hours or 0 for row in targets), 0),
        points=points,
    )
