"""Entering a clause (domain clauses.md §3): a person joins an awarded lot's clause on a start
date that follows the award's notification, with an eligibility validation valid on that
date, meeting the operation's restriction (e.g. QPV residents for an NPNRU operation).

The last two rules give way only to a facilitator's recorded exception (reason, author,
date) for that person and that lot; the exception is then named wherever the step is shown.
The same rules will apply to hires from offers.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.core import clock
from levier.core.errors import FieldInvalid
from levier.participants import eligibility
from levier.participants import scope as scope_module
from levier.participants.models import ClauseException, Participant
from levier.participants.scope import Scope
from levier.tenders import positions as tenders_positions
from levier.tenders.constants import EligibilityRestriction


def check_notified(position: dict[str, Any], start_date: date) -> None:
    """Nobody works on a lot before its award is notified (no exception: there is no
    contract yet)."""
    if start_date < position["notified_on"]:
        raise FieldInvalid(
            "start_date", "clause_entry_before_notification", notified_on=position["notified_on"]
        )


def refusal(participant: Participant, position: dict[str, Any], start_date: date) -> str | None:
    """The eligibility rule the entry breaks, if any: `clause_entry_not_eligible` or
    `clause_entry_restriction_not_met`."""
    if not eligibility.current(participant, start_date):
        return "clause_entry_not_eligible"
    restriction = position.get("eligibility_restriction")
    if restriction:
        status = eligibility.status(participant, start_date, EligibilityRestriction(restriction))
        if status.restriction_met is False:
            return "clause_entry_restriction_not_met"
    return None


async def exception_for(
    session: AsyncSession, participant: Participant, lot_id: uuid.UUID
) -> ClauseException | None:
    """The facilitator's exception letting this person enter this lot, if there is one."""
    statement = (
        select(ClauseException)
        .where(
            col(ClauseException.participant_id) == participant.id,
            col(ClauseException.lot_id) == lot_id,
        )
        .options(*scope_module.exception_options())
        .order_by(col(ClauseException.granted_on).desc())
        .limit(1)
    )
    return (await session.execute(statement)).scalar_one_or_none()


async def admitted(
    session: AsyncSession, participant: Participant, position: dict[str, Any], start_date: date
) -> ClauseException | None:
    """Check the entry; returns the exception it relies on (None when the rules are met), or
    raises a 422 naming the rule broken."""
    check_notified(position, start_date)
    broken = refusal(participant, position, start_date)
    if broken is None:
        return None
    exception = await exception_for(session, participant, position["lot_id"])
    if exception is None:
        raise FieldInvalid("start_date", broken, on=start_date)
    return exception


def check_grantable(scope: Scope, participant: Participant) -> None:
    """Exceptions are granted by a facilitator of the structure the person is referred to."""
    eligibility.check_validatable(scope, participant)


async def grant(
    session: AsyncSession, scope: Scope, participant: Participant, lot_id: uuid.UUID, reason: str
) -> ClauseException:
    """Record the facilitator's exception for this person on one of the structure's awarded
    clause lots."""
    check_grantable(scope, participant)
    position = await tenders_positions.clause_position(session, scope.user.organisation_id, lot_id)
    if position is None:
        raise FieldInvalid("lot_id", "lot_not_found")
    exception = ClauseException(
        participant_id=participant.id,
        lot_id=lot_id,
        structure_id=scope.user.organisation_id,
        reason=reason,
        granted_by_id=scope.user.id,
        granted_on=clock.today(),
        granted_by=scope.user,
    )
    session.add(exception)
    await session.flush()
    loaded = await session.execute(
        select(ClauseException)
        .where(col(ClauseException.id) == exception.id)
        .options(*scope_module.exception_options())
        .execution_options(populate_existing=True)
    )
    return loaded.scalar_one()


async def exceptions_of(session: AsyncSession, participant: Participant) -> list[ClauseException]:
    """The exceptions granted for this person, newest first."""
    statement = (
        select(ClauseException)
        .where(col(ClauseException.participant_id) == participant.id)
        .options(*scope_module.exception_options())
        .order_by(col(ClauseException.granted_on).desc(), col(ClauseException.created_at).desc())
    )
    return list((await session.execute(statement)).scalars())
