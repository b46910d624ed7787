"""Where a person can be employed on a structure's clauses: awarded lots with hours to deliver
and the enterprises that can employ on them (for the pathway's clause-assignment step, and
soon for offers and hires)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload
from sqlmodel import col

from levier.core.text import like_contains
from levier.tenders.constants import ACTIVE_STATUSES, HOURS_KINDS
from levier.tenders.models import (
    AwardMember,
    Lot,
    LotAward,
    LotConsideration,
    Subcontractor,
    Tender,
)


def _positions_statement(structure_id: uuid.UUID) -> Any:
    """Awarded lots carrying insertion hours, of a structure's tenders in force."""
    carries_hours = (
        select(col(LotConsideration.lot_id))
        .where(col(LotConsideration.kind).in_([k.value for k in HOURS_KINDS]))
        .scalar_subquery()
    )
    return (
        select(Lot, Tender)
        .join(Tender, col(Tender.id) == Lot.tender_id)
        .join(LotAward, col(LotAward.lot_id) == Lot.id)
        .where(
            col(Tender.structure_id) == structure_id,
            col(Tender.status).in_([s.value for s in ACTIVE_STATUSES]),
            col(Lot.id).in_(carries_hours),
        )
    )


def _position(lot: Lot, tender: Tender) -> dict[str, Any]:
    award = lot.award
    assert award is not None
    enterprises = [
        {
            "id": m.enterprise_id,
            "name": m.enterprise.name,
            "role": "member",
            "kind": m.enterprise.enterprise_kind,
        }
        for m in sorted(award.members, key=lambda m: (not m.is_mandatary, m.enterprise.name))
    ] + [
        {
            "id": s.enterprise_id,
            "name": s.enterprise.name,
            "role": "subcontractor",
            "kind": s.enterprise.enterprise_kind,
        }
        for s in sorted(award.subcontractors, key=lambda s: s.enterprise.name)
    ]
    return {
        "lot_id": lot.id,
        "tender_id": tender.id,
        "notified_on": award.notification_date,
        "eligibility_restriction": (
            tender.operation.eligibility_restriction if tender.operation else None
        ),
        "tender_reference": tender.reference,
        "tender_object": tender.object,
        "lot_number": lot.number,
        "lot_title": lot.title,
        "required_hours": lot.required_hours,
        "enterprises": enterprises,
    }


def _position_options() -> list[Any]:
    award = selectinload(Lot.award)  # type: ignore[arg-type]
    return [
        joinedload(Tender.operation),  # type: ignore[arg-type]
        award.selectinload(LotAward.members).selectinload(AwardMember.enterprise),  # type: ignore[arg-type]
        award.selectinload(LotAward.subcontractors).selectinload(Subcontractor.enterprise),  # type: ignore[arg-type]
    ]


async def clause_positions(
    session: AsyncSession, structure_id: uuid.UUID, query: str | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """Where a person can be employed on a structure's clauses: each awarded lot with hours to
    deliver, and the enterprises that can employ on it (awardees, declared subcontractors).
    `query` searches the tender's reference and object."""
    statement = _positions_statement(structure_id)
    if query:
        statement = statement.where(col(Tender.search_text).like(like_contains(query), escape="\\"))
    rows = await session.execute(
        statement.options(*_position_options())
        .order_by(col(Tender.reference), col(Lot.number))
        .limit(limit)
    )
    return [_position(lot, tender) for lot, tender in rows.all()]


async def clause_position(
    session: AsyncSession, structure_id: uuid.UUID, lot_id: uuid.UUID
) -> dict[str, Any] | None:
    """One lot of `clause_positions`, or None when it is not one of the structure's."""
    row = (
        await session.execute(
            _positions_statement(structure_id)
            .where(col(Lot.id) == lot_id)
            .options(*_position_options())
        )
    ).first()
    return _position(row[0], row[1]) if row else None
