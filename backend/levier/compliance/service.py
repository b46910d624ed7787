"""A lot's compliance at a date, and the dashboard's table of lots: both from the same grouped
statements (`queries`) and the same derivation (`figures`), domain clauses.md §3–§4.

Hours: validated and pending hours of the months begun by the date, by fulfilment mode;
training counts up to the structure's share of the required hours; SIAE / EA / ESAT
subcontractors without real hours count by conversion; pooling moves hours between an
awardee's lots of one operation. People: the distinct people assigned by the date and their
profile. The status compares what counts with the required hours and with their share due
by the date over the execution period (the award's notification for the lot's duration).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.compliance import queries
from levier.compliance import scope as compliance_scope
from levier.compliance.constants import ComplianceStatus
from levier.compliance.figures import Inputs, LotFigures, figures_at
from levier.compliance.schemas import (
    ConversionRead,
    LotCompliance,
    LotComplianceRow,
    ModeHours,
    Profile,
)
from levier.core import clock
from levier.core.pagination import PageParams, encode_cursor, paginate
from levier.tenders.models import AwardMember, Lot, LotAward, Tender
from levier.users.models import User

LIST_ORDER = [col(Tender.reference), col(Lot.tender_id), col(Lot.number)]
STATUS_BATCH = 1000  # the most lots a status filter derives at once (`_with_status`)


async def load(session: AsyncSession, lot_ids: Any, on: date, by_month: bool = False) -> Inputs:
    """Every grouped row the figures of the lots (a select of ids) need: four statements."""
    rows = await queries.lot_rows(session, lot_ids)
    ids = [row.id for row in rows]
    hours = await queries.hour_rows(session, ids, on, by_month)
    subcontracts = await queries.subcontract_rows(session, ids)
    settings = await queries.settings_of(session, {row.structure_id for row in rows})
    return Inputs(rows, hours, subcontracts, settings)


def _profile(people: queries.PeopleRow | None) -> tuple[int, Profile | None]:
    if people is None or people.total == 0:
        return 0, None

    def share(count: int) -> Decimal:
        return (Decimal(count) / people.total).quantize(Decimal("0.0001"))

    return people.total, Profile(
        women=share(people.women),
        qpv_residents=share(people.qpv),
        under_26=share(people.under_26),
        over_50=share(people.over_50),
    )


def _by_mode(figures: LotFigures) -> list[ModeHours]:
    return [
        ModeHours(
            mode=m.mode,
            validated=m.validated,
            pending=m.pending,
            counted=m.counted,
            converted=m.converted,
            conversion=ConversionRead.model_validate(m.conversion, from_attributes=True)
            if m.conversion
            else None,
        )
        for m in figures.by_mode
    ]


async def lot_compliance(
    session: AsyncSession, user: User, tender: Tender, lot: Lot, on: date | None = None
) -> LotCompliance:
    """Where the lot's clause stands on the day (today by default)."""
    on = on or clock.today()
    inputs = await load(session, select(col(Lot.id)).where(col(Lot.id) == lot.id), on)
    figures = figures_at(inputs, on)[lot.id]
    people = await queries.people_by_lot(session, [lot.id], on)
    participants, profile = _profile(people.get(lot.id))
    return LotCompliance(
        lot_id=lot.id,
        on=on,
        required_hours=figures.required,
        validated_hours=figures.validated,
        counted_hours=figures.counted,
        converted_hours=figures.converted,
        pooled_in=figures.pooled_in,
        pooled_out=figures.pooled_out,
        pooling=figures.row.pooling_id is not None,
        pending_hours=figures.pending,
        training_cap=figures.training_cap,
        training_excess=figures.training_excess,
        by_mode=_by_mode(figures),
        participants=participants,
        profile=profile if compliance_scope.sees_profile(user) else None,
        execution_start=figures.start,
        execution_end=figures.end,
        elapsed_share=figures.elapsed,
        expected_by_now=figures.expected,
        projected_at_end=figures.projected,
        status=figures.status,
        late=figures.late,
    )


@dataclass(frozen=True)
class LotFilters:
    tender_id: uuid.UUID | None = None
    awardee_id: uuid.UUID | None = None
    buyer_id: uuid.UUID | None = None
    operation_id: uuid.UUID | None = None
    structure_id: uuid.UUID | None = None


def awarded_to(enterprise_id: uuid.UUID) -> Any:
    """Lots whose award names the enterprise as the awardee or a consortium member."""
    return (
        select(col(LotAward.lot_id))
        .join(AwardMember, col(AwardMember.award_id) == col(LotAward.id))
        .where(col(AwardMember.enterprise_id) == enterprise_id)
    )


def scoped_lots(user: User, filters: LotFilters, *columns: Any) -> Any:
    """The clause lots the caller may read that match the filters (a select of `columns`,
    the lot id by default)."""
    statement = queries.compliance_lots()
    if columns:
        statement = statement.with_only_columns(*columns)
    statement = compliance_scope.readable(statement, user)
    if filters.tender_id is not None:
        statement = statement.where(col(Lot.tender_id) == filters.tender_id)
    if filters.buyer_id is not None:
        statement = statement.where(col(Tender.buyer_id) == filters.buyer_id)
    if filters.operation_id is not None:
        statement = statement.where(col(Tender.operation_id) == filters.operation_id)
    if filters.structure_id is not None:
        statement = statement.where(col(Tender.structure_id) == filters.structure_id)
    if filters.awardee_id is not None:
        statement = statement.where(col(Lot.id).in_(awarded_to(filters.awardee_id)))
    return statement


def row_of(figures: LotFigures) -> LotComplianceRow:
    row = figures.row
    return LotComplianceRow(
        lot_id=row.id,
        lot_number=row.number,
        lot_title=row.title,
        tender_id=row.tender_id,
        tender_reference=row.tender_reference,
        buyer_id=row.buyer_id,
        buyer_name=row.buyer_name,
        operation_id=row.operation_id,
        awardee_id=row.awardee_id,
        awardee_name=row.awardee_name,
        required_hours=row.required_hours,
        counted_hours=figures.counted,
        validated_hours=figures.validated,
        pending_hours=figures.pending,
        converted_hours=figures.converted,
        pooled_in=figures.pooled_in,
        pooled_out=figures.pooled_out,
        execution_start=figures.start,
        execution_end=figures.end,
        elapsed_share=figures.elapsed,
        expected_by_now=figures.expected,
        status=figures.status,
        late=figures.late,
    )


async def compliance_by_lot(
    session: AsyncSession, lot_ids: Collection[uuid.UUID], on: date | None = None
) -> dict[uuid.UUID, LotComplianceRow]:
    """Where each of the lots stands on the day (today by default), as the dashboard shows it:
    the same four statements however many lots (no profile, no scope: the caller chose them)."""
    on = on or clock.today()
    if not lot_ids:
        return {}
    wanted = select(col(Lot.id)).where(col(Lot.id).in_(list(lot_ids)))
    figures = figures_at(await load(session, wanted, on), on)
    return {lot_id: row_of(figures[lot_id]) for lot_id in lot_ids if lot_id in figures}


async def list_lots(
    session: AsyncSession,
    user: User,
    params: PageParams,
    filters: LotFilters,
    status: ComplianceStatus | None,
    on: date | None,
) -> tuple[list[LotComplianceRow], str | None]:
    """The caller's clause lots in tender order (reference, lot number), with their figures."""
    on = on or clock.today()
    statement = scoped_lots(user, filters, *LIST_ORDER, col(Lot.id))
    if status is not None:
        return await _with_status(session, statement, params, status, on)
    rows, next_cursor = await paginate(
        session, statement, params, LIST_ORDER, key=_list_key, scalars=False
    )
    figures = await compliance_by_lot(session, [row[3] for row in rows], on)
    return [figures[row[3]] for row in rows], next_cursor


def _list_key(row: Any) -> Any:
    return row[:3]


async def _with_status(
    session: AsyncSession,
    statement: Any,
    params: PageParams,
    status: ComplianceStatus,
    on: date,
) -> tuple[list[LotComplianceRow], str | None]:
    """A status is derived, not stored: the lots after the cursor are derived batch by batch,
    in the list's order, until the page and one more lot of the status are found (the next
    cursor is the page's last lot) or the lots run out. The first batch is the page and one
    more, so a page where every lot has the status costs what an unfiltered one does; each
    next batch is twice the last, up to STATUS_BATCH lots: a rare status costs a few
    statements per batch, never every lot's figures at once."""
    kept: list[tuple[Any, LotComplianceRow]] = []
    cursor, batch = params.cursor, params.limit + 1
    while True:
        rows, next_cursor = await paginate(
            session,
            statement,
            PageParams(limit=batch, cursor=cursor),
            LIST_ORDER,
            key=_list_key,
            scalars=False,
        )
        figures = await compliance_by_lot(session, [row[3] for row in rows], on)
        for row in rows:
            if figures[row[3]].status != status:
                continue
            if len(kept) == params.limit:
                return [f for _row, f in kept], encode_cursor(_list_key(kept[-1][0]))
            kept.append((row, figures[row[3]]))
        if next_cursor is None:
            return [f for _row, f in kept], None
        cursor, batch = next_cursor, min(batch * 2, STATUS_BATCH)
