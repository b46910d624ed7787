"""Portfolios: the people in the caller's scope, listed and filtered in SQL, what each list
shows next to them, and the choices of the participant form."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Date, and_, bindparam, exists, func, select
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
    SENSITIVE_CRITERIA,
    Criterion,
    ExitCategory,
    PathwayStatus,
)
from levier.participants.models import EligibilityValidation, Participant, Pathway
from levier.participants.scope import Scope, visible
from levier.users.models import User


def current_validation(on: Any) -> Any:
    """A participant's validation covering the day, not withdrawn (correlated with
    participants)."""
    return and_(
        col(EligibilityValidation.participant_id) == Participant.id,
        col(EligibilityValidation.validated_on) <= on,
        col(EligibilityValidation.valid_until) >= on,
        col(EligibilityValidation.withdrawn_on).is_(None),
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
) -> tuple[list[Any], str | None]:
    """List rows (`summary_rows`) of the participants in scope by name, filtered by pathway
    status, criterion, exit, referent, and those the retention job warned about (anonymised
    soon unless there is new activity)."""
    statement = base = _portfolio_rows(scope.kind)
    if query:
        statement = statement.where(
            col(Participant.search_name).like(like_contains(query), escape="\\")
        )
    if referent_id is not None:
        statement = statement.where(col(Participant.referent_id) == referent_id)
    if retention_due:
        statement = statement.where(col(Participant.retention_due_on).is_not(None))
    if no_pathway:
        statement = statement.where(~_any_pathway())
    elif status == PathwayStatus.open:
        statement = statement.where(_open_pathway())
    elif status == PathwayStatus.exited:
        statement = statement.where(_any_pathway(), ~_open_pathway())
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
                current_validation(bindparam("on", type_=Date)),
                col(EligibilityValidation.criterion) == criterion.value,
            )
        )
    return await paginate(
        session,
        statement,
        params,
        [col(Participant.search_name), col(Participant.id)],
        key=lambda p: [p.search_name, p.id],
        scalars=False,
        parameters={**scope.parameters(), "on": today or clock.today()},
        shared=statement is base,
    )


def _any_pathway() -> Any:
    return exists().where(col(Pathway.participant_id) == Participant.id)


def _open_pathway() -> Any:
    return exists().where(
        col(Pathway.participant_id) == Participant.id, col(Pathway.exit_date).is_(None)
    )


@cache
def _portfolio_rows(kind: str) -> Any:
    """The list rows of one kind of scope, not anonymised, its values as parameters (built
    once: building it was a good part of a page's time)."""
    return summary_rows(
        visible(kind, bindparam("scope_user_id"), bindparam("scope_organisation_id")),
        col(Participant.anonymised_at).is_(None),
        on=bindparam("on", type_=Date),
    )


@dataclass(frozen=True)
class LatestPathway:
    """What a list shows of a person's latest pathway."""

    exit_date: date | None
    exit_category: str | None


# The participant's own columns a list row shows (and its keyset: search_name, id).
ROW_COLUMNS = (
    "id", "last_name", "first_names", "birth_date", "commune_name", "qpv", "organisation_id",
    "structure_id", "restricted", "retention_due_on", "anonymised_at", "referent_id",
    "search_name",
)  # fmt: skip


def summary_rows(*conditions: Any, on: Any = None) -> Any:
    """A list row per participant as plain columns, in one statement: the participant's own,
    its referent's name, its latest pathway's exit and its current eligibility (correlated
    subqueries, each an index probe). A page costs this one statement whatever its size, and
    no ORM object is built for it. `on` (the day eligibility is read for) is a date or a
    parameter."""
    on = on if on is not None else clock.today()
    latest = (
        select(col(Pathway.id))
        .where(col(Pathway.participant_id) == Participant.id)
        .order_by(col(Pathway.entry_date).desc(), col(Pathway.created_at).desc())
        .limit(1)
        .correlate(Participant)
    )

    def of_latest(column: Any, name: str) -> Any:
        return latest.with_only_columns(column).scalar_subquery().label(name)

    eligible_until = (
        select(func.max(EligibilityValidation.valid_until))
        .where(current_validation(on))
        .correlate(Participant)
        .scalar_subquery()
        .label("eligible_until")
    )
    return (
        select(
            *(col(getattr(Participant, name)) for name in ROW_COLUMNS),
            col(User.full_name).label("referent_full_name"),
            col(User.organisation_id).label("referent_organisation_id"),
            of_latest(col(Pathway.id), "latest_pathway_id"),
            of_latest(col(Pathway.exit_date), "latest_exit_date"),
            of_latest(col(Pathway.exit_category), "latest_exit_category"),
            eligible_until,
        )
        .join(User, col(User.id) == col(Participant.referent_id))
        .where(*conditions)
    )


def pathway_status(pathway: Pathway | LatestPathway | None) -> PathwayStatus | None:
    if pathway is None:
        return None
    return PathwayStatus.open if pathway.exit_date is None else PathwayStatus.exited


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
