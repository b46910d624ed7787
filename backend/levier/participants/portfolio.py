"""Portfolios: the people in the caller's scope, listed and filtered in SQL, what each list
shows next to them, dashboard counts, and the choices of the participant form."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.auth.permissions import Role
from levier.core import clock
from levier.core.errors import FieldInvalid
from levier.core.pagination import PageParams, paginate
from levier.core.text import like_contains
from levier.organisations import service as organisations_service
from levier.organisations.models import Organisation
from levier.participants.constants import (
    DYNAMIC_EXITS,
    SENSITIVE_CRITERIA,
    Criterion,
    ExitCategory,
    PathwayStatus,
)
from levier.participants.models import EligibilityValidation, Participant, Pathway
from levier.participants.scope import Scope
from levier.users.models import User


def _current_validation(on: date) -> Any:
    return and_(
        col(EligibilityValidation.participant_id) == Participant.id,
        col(EligibilityValidation.validated_on) <= on,
        col(EligibilityValidation.valid_until) >= on,
    )


async def list_page(
    session: AsyncSession,
    scope: Scope,
    params: PageParams,
    query: str | None = None,
    status: PathwayStatus | None = None,
    no_pathway: bool = False,
    criterion: Criterion | None = None,
    exit_category: ExitCategory | None = None,
    referent_id: uuid.UUID | None = None,
    retention_due: bool = False,
    today: date | None = None,
) -> tuple[list[Participant], str | None]:
    """Participants in scope by name, filtered by pathway status, criterion, exit, referent,
    and those the retention job warned about (anonymised soon unless there is new activity)."""
    statement = select(Participant).where(
        scope.condition(), col(Participant.anonymised_at).is_(None)
    )
    if query:
        statement = statement.where(
            col(Participant.search_name).like(like_contains(query), escape="\\")
        )
    if referent_id is not None:
        statement = statement.where(col(Participant.referent_id) == referent_id)
    if retention_due:
        statement = statement.where(col(Participant.retention_due_on).is_not(None))
    open_pathway = exists().where(
        col(Pathway.participant_id) == Participant.id, col(Pathway.exit_date).is_(None)
    )
    any_pathway = exists().where(col(Pathway.participant_id) == Participant.id)
    if no_pathway:
        statement = statement.where(~any_pathway)
    elif status == PathwayStatus.open:
        statement = statement.where(open_pathway)
    elif status == PathwayStatus.exited:
        statement = statement.where(any_pathway, ~open_pathway)
    if exit_category is not None:
        statement = statement.where(
            exists().where(
                col(Pathway.participant_id) == Participant.id,
                col(Pathway.exit_category) == exit_category.value,
            )
        )
    if criterion is not None:
        if criterion in SENSITIVE_CRITERIA:
            raise FieldInvalid("criterion", "criterion_sensitive_filter")
        statement = statement.where(
            exists().where(
                _current_validation(today or clock.today()),
                col(EligibilityValidation.criterion) == criterion.value,
            )
        )
    return await paginate(
        session,
        statement,
        params,
        [col(Participant.search_name), col(Participant.id)],
        key=lambda p: [p.search_name, p.id],
    )


@dataclass(frozen=True)
class LatestPathway:
    """What a list shows of a person's latest pathway."""

    exit_date: date | None
    exit_category: str | None


@dataclass(frozen=True)
class ReferentName:
    id: uuid.UUID
    full_name: str
    organisation_id: uuid.UUID


@dataclass
class Situation:
    """What a list shows next to each participant, loaded for a whole page at once (column
    reads: a page needs no ORM object besides its participants)."""

    referents: dict[uuid.UUID, ReferentName]
    latest_pathway: dict[uuid.UUID, LatestPathway]
    eligible_until: dict[uuid.UUID, date]


async def situations(
    session: AsyncSession, participants: Sequence[Participant], on: date | None = None
) -> Situation:
    """Referents, latest pathways and current eligibility of many participants: 3 queries."""
    ids = [p.id for p in participants]
    if not ids:
        return Situation({}, {}, {})
    on = on or clock.today()
    referents = await session.execute(
        select(col(User.id), col(User.full_name), col(User.organisation_id)).where(
            col(User.id).in_({p.referent_id for p in participants})
        )
    )
    pathways = await session.execute(
        select(col(Pathway.participant_id), col(Pathway.exit_date), col(Pathway.exit_category))
        .where(col(Pathway.participant_id).in_(ids))
        .order_by(col(Pathway.entry_date), col(Pathway.created_at))
    )
    latest = {
        participant_id: LatestPathway(exit_date, exit_category)
        for participant_id, exit_date, exit_category in pathways.all()
    }
    eligible = await session.execute(
        select(
            col(EligibilityValidation.participant_id), func.max(EligibilityValidation.valid_until)
        )
        .where(
            col(EligibilityValidation.participant_id).in_(ids),
            col(EligibilityValidation.validated_on) <= on,
            col(EligibilityValidation.valid_until) >= on,
        )
        .group_by(col(EligibilityValidation.participant_id))
    )
    return Situation(
        {row[0]: ReferentName(*row) for row in referents.all()},
        latest,
        {row[0]: row[1] for row in eligible.all()},
    )


def pathway_status(pathway: Pathway | LatestPathway | None) -> PathwayStatus | None:
    if pathway is None:
        return None
    return PathwayStatus.open if pathway.exit_date is None else PathwayStatus.exited


async def stats(session: AsyncSession, scope: Scope) -> dict[str, Any]:
    """Portfolio sizes per referent and exits per category in scope, aggregated in SQL.

    Anonymised residues still count: statistics survive erasure.
    """
    # Two flat aggregates (no per-person grouping): people per referent, then open pathways
    # per referent (at most one open pathway per person, so it counts people too).
    sizes = (
        await session.execute(
            select(col(Participant.referent_id), func.count())
            .where(scope.condition())
            .group_by(col(Participant.referent_id))
        )
    ).all()
    open_counts = dict(
        (
            await session.execute(
                select(col(Participant.referent_id), func.count())
                .join(Pathway, col(Pathway.participant_id) == Participant.id)
                .where(scope.condition(), col(Pathway.exit_date).is_(None))
                .group_by(col(Participant.referent_id))
            )
        ).all()
    )
    by_referent = [(row[0], row[1], open_counts.get(row[0], 0)) for row in sizes]
    referents = await session.execute(
        select(User).where(col(User.id).in_([row[0] for row in by_referent]))
    )
    names = {user.id: user for user in referents.scalars()}
    exits = (
        await session.execute(
            select(col(Pathway.exit_category), func.count())
            .join(Participant, col(Participant.id) == Pathway.participant_id)
            .where(scope.condition(), col(Pathway.exit_category).is_not(None))
            .group_by(col(Pathway.exit_category))
        )
    ).all()
    counts = {ExitCategory(str(category)): count for category, count in exits}
    counted = sum(n for c, n in counts.items() if c != ExitCategory.neutralised)
    dynamic = sum(n for c, n in counts.items() if c in DYNAMIC_EXITS)
    return {
        "participants": sum(row[1] for row in by_referent),
        "open_pathways": sum(int(row[2] or 0) for row in by_referent),
        "by_referent": sorted(
            (
                {
                    "referent": names[row[0]],
                    "participants": row[1],
                    "open_pathways": int(row[2] or 0),
                }
                for row in by_referent
            ),
            key=lambda item: item["referent"].full_name,
        ),
        "exits": [{"category": c, "count": counts.get(c, 0)} for c in ExitCategory],
        "dynamic_exit_rate": (
            (Decimal(dynamic) / Decimal(counted)).quantize(Decimal("0.0001")) if counted else None
        ),
    }


async def form_options(
    session: AsyncSession, scope: Scope
) -> tuple[list[User], list[Organisation]]:
    """Active referents the caller may hand participants to, and the active facilitation
    structures participants can be referred to."""
    referents = await session.execute(
        select(User)
        .where(
            col(User.role) == Role.referent.value,
            col(User.active).is_(True),
            scope.organisations(col(User.organisation_id)),
        )
        .order_by(col(User.search_name))
    )
    structures = await organisations_service.active_structures(session)
    return list(referents.scalars()), structures
