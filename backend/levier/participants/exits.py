"""Correcting a recorded exit (its date, situation or category) or reopening a pathway closed
by mistake: while no follow-up confirms the exit. Both change the structure's results, so
both ask for the pathway's version (If-Match) and are audited like every pathway write."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from levier.core import clock
from levier.core.errors import Conflict, FieldChecks, FieldInvalid
from levier.participants import pathways
from levier.participants.identity import touch
from levier.participants.models import Participant, Pathway
from levier.participants.pathway_schemas import ExitCreate
from levier.participants.scope import Scope, check_manageable


def check_exit_correctable(scope: Scope, participant: Participant, pathway: Pathway) -> None:
    """An exit is corrected by whoever may record it, until the follow-up confirms it."""
    check_manageable(scope, participant)
    if pathway.exit_date is None:
        raise Conflict("pathway_not_exited")
    if pathway.follow_up_date is not None:
        raise Conflict("follow_up_recorded")


def _later_pathway(participant: Participant, pathway: Pathway) -> Pathway | None:
    """The person's pathway opened after this one, if any (at most one is open)."""
    return next(
        (
            p
            for p in participant.pathways
            if p is not pathway and (p.exit_date is None or p.entry_date >= pathway.entry_date)
        ),
        None,
    )


def check_reopenable(scope: Scope, participant: Participant, pathway: Pathway) -> None:
    """A pathway closed by mistake reopens while its exit may be corrected, and only the
    person's latest (a person has at most one open pathway, in date order)."""
    check_exit_correctable(scope, participant, pathway)
    if _later_pathway(participant, pathway) is not None:
        raise Conflict("later_pathway_exists")


async def correct_exit(
    session: AsyncSession,
    scope: Scope,
    participant: Participant,
    pathway: Pathway,
    data: ExitCreate,
    today: date | None = None,
) -> Pathway:
    """Replace the exit's date, situation, category and notes: the exit's rules again, and
    the date stays on or before the entry of a pathway opened since."""
    check_exit_correctable(scope, participant, pathway)
    today = today or clock.today()
    checks = FieldChecks()
    if data.exit_date > today:
        checks.add(FieldInvalid("exit_date", "date_in_future"))
    latest = max([pathway.entry_date, *(s.start_date for s in pathway.steps)])
    if data.exit_date < latest:
        checks.add(FieldInvalid("exit_date", "exit_before_last_step", last_step=latest))
    later = _later_pathway(participant, pathway)
    if later is not None and data.exit_date > later.entry_date:
        checks.add(FieldInvalid("exit_date", "exit_after_next_entry", next_entry=later.entry_date))
    try:
        category = pathways.classify(data.situation, data.category, "category")
    except FieldInvalid as error:
        checks.add(error)
    checks.raise_if_any()
    pathway.exit_category = category
    pathway.exit_situation = data.situation.value
    pathway.exit_date = data.exit_date
    pathway.exit_notes = data.notes
    touch(participant, today)
    await session.flush()
    return pathway


async def reopen(
    session: AsyncSession, scope: Scope, participant: Participant, pathway: Pathway
) -> Pathway:
    """Remove an exit recorded by mistake: the pathway is open again, its steps kept."""
    check_reopenable(scope, participant, pathway)
    pathway.exit_date = None
    pathway.exit_situation = None
    pathway.exit_category = None
    pathway.exit_notes = ""
    touch(participant, clock.today())
    await session.flush()
    return pathway
