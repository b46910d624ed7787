"""The portfolio dashboard: people and open pathways per organisation and per referent, and
exits per category over a period (a year, or from/to), all aggregated in SQL in the caller's
scope (a coordinator: the organisations of its network).

Anonymised residues still count: statistics survive erasure.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.core.errors import FieldChecks, FieldInvalid
from levier.organisations.models import Organisation
from levier.participants.constants import DYNAMIC_EXITS, ExitCategory
from levier.participants.models import Participant, Pathway
from levier.participants.scope import Scope
from levier.users.models import User


@dataclass(frozen=True)
class Period:
    """The exits counted: those dated between `start` and `end` (both included, either open)."""

    start: date | None = None
    end: date | None = None


def period_of(year: int | None, exited_from: date | None, exited_to: date | None) -> Period:
    """The period asked for: a calendar year, or from/to (not both), in order."""
    checks = FieldChecks()
    if year is not None and (exited_from or exited_to):
        checks.add(FieldInvalid("year", "period_year_or_dates", location="query"))
    if exited_from and exited_to and exited_to < exited_from:
        checks.add(FieldInvalid("exited_to", "end_before_start", location="query"))
    checks.raise_if_any()
    if year is not None:
        return Period(date(year, 1, 1), date(year, 12, 31))
    return Period(exited_from, exited_to)


def _rate(counts: dict[ExitCategory, int]) -> Decimal | None:
    """Dynamic exits over exits, neutralised exits left out of the denominator."""
    counted = sum(n for c, n in counts.items() if c != ExitCategory.neutralised)
    dynamic = sum(n for c, n in counts.items() if c in DYNAMIC_EXITS)
    return (Decimal(dynamic) / Decimal(counted)).quantize(Decimal("0.0001")) if counted else None


async def _sizes(session: AsyncSession, scope: Scope) -> list[Any]:
    """People and open pathways per (organisation, referent): at most one open pathway per
    person, so the outer join counts people too."""
    statement = (
        select(
            col(Participant.organisation_id),
            col(Participant.referent_id),
            func.count(col(Participant.id)),
            func.count(col(Pathway.id)),
        )
        .outerjoin(
            Pathway,
            and_(col(Pathway.participant_id) == Participant.id, col(Pathway.exit_date).is_(None)),
        )
        .where(scope.condition())
        .group_by(col(Participant.organisation_id), col(Participant.referent_id))
    )
    return list((await session.execute(statement)).all())


async def _exits(session: AsyncSession, scope: Scope, period: Period) -> list[Any]:
    """Exits per (organisation, category) dated within the period."""
    conditions = [scope.condition(), col(Pathway.exit_category).is_not(None)]
    if period.start:
        conditions.append(col(Pathway.exit_date) >= period.start)
    if period.end:
        conditions.append(col(Pathway.exit_date) <= period.end)
    statement = (
        select(col(Participant.organisation_id), col(Pathway.exit_category), func.count())
        .join(Participant, col(Participant.id) == Pathway.participant_id)
        .where(*conditions)
        .group_by(col(Participant.organisation_id), col(Pathway.exit_category))
    )
    return list((await session.execute(statement)).all())


async def _names(session: AsyncSession, model: Any, ids: set[uuid.UUID]) -> dict[uuid.UUID, Any]:
    if not ids:
        return {}
    rows = await session.execute(select(model).where(col(model.id).in_(ids)))
    return {row.id: row for row in rows.scalars()}


async def stats(session: AsyncSession, scope: Scope, period: Period) -> dict[str, Any]:
    """The dashboard's figures in the caller's scope."""
    sizes = await _sizes(session, scope)
    exits = await _exits(session, scope, period)
    organisation_ids = {row[0] for row in sizes} | {row[0] for row in exits}
    organisations = await _names(session, Organisation, organisation_ids)
    referents = await _names(session, User, {row[1] for row in sizes})
    per_referent: dict[uuid.UUID, list[int]] = {}
    per_organisation: dict[uuid.UUID, list[int]] = {o: [0, 0] for o in organisation_ids}
    for organisation_id, referent_id, people, open_pathways in sizes:
        for sums in (
            per_referent.setdefault(referent_id, [0, 0]),
            per_organisation[organisation_id],
        ):
            sums[0] += people
            sums[1] += open_pathways
    exit_counts: dict[uuid.UUID, dict[ExitCategory, int]] = {o: {} for o in organisation_ids}
    for organisation_id, category, count in exits:
        exit_counts[organisation_id][ExitCategory(str(category))] = count
    overall = {c: sum(counts.get(c, 0) for counts in exit_counts.values()) for c in ExitCategory}
    return {
        "participants": sum(t[0] for t in per_referent.values()),
        "open_pathways": sum(t[1] for t in per_referent.values()),
        "by_referent": sorted(
            (
                {"referent": referents[r], "participants": t[0], "open_pathways": t[1]}
                for r, t in per_referent.items()
            ),
            key=lambda item: item["referent"].full_name,
        ),
        "by_organisation": sorted(
            (
                {
                    "organisation": organisations[o],
                    "participants": t[0],
                    "open_pathways": t[1],
                    "exits": sum(exit_counts[o].values()),
                    "dynamic_exit_rate": _rate(exit_counts[o]),
                }
                for o, t in per_organisation.items()
            ),
            key=lambda item: item["organisation"].name,
        ),
        "exits": [{"category": c, "count": overall[c]} for c in ExitCategory],
        "dynamic_exit_rate": _rate(overall),
        "exits_from": period.start,
        "exits_to": period.end,
    }
