"""Correcting and removing a pathway's steps (a step entered by mistake, a wrong date or
contract): while the pathway is open, by whoever may add steps, under the rules of a new step.

Steps are kept sorted by start date, so a corrected date needs no neighbour to move: it only
stays within the pathway (not before the entry, not in the future; the exit is recorded after
every step's start, and a closed pathway's steps are not changed). A clause assignment keeps
the clause's entry rules (awarded lot of the person's structure, an employer on it, the
eligibility or the facilitator's exception on its start date).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from levier.core import clock
from levier.core.audit.recorder import record_access
from levier.core.errors import Conflict, FieldChecks, FieldInvalid
from levier.participants import pathways
from levier.participants.identity import touch
from levier.participants.models import Participant, Pathway, PathwayStep
from levier.participants.pathway_schemas import StepCreate, StepUpdate
from levier.participants.scope import Scope

# What a step holds, as `StepCreate` names it: a correction is checked as the step it makes.
STEP_FIELDS = tuple(StepCreate.model_fields)
REQUIRED = ("kind", "start_date")


def check_step_changeable(
    scope: Scope, participant: Participant, pathway: Pathway, step: PathwayStep | None = None
) -> None:
    """A step is corrected or removed by whoever may add one: on an open pathway. A step an
    assignment wrote (a hire) changes with its assignment only (409)."""
    pathways.check_open(scope, participant, pathway)
    if step is not None and step.assignment_id is not None:
        raise Conflict("step_of_assignment")


def _corrected(step: PathwayStep, data: StepUpdate) -> StepCreate:
    """The step as it will be: its current values with the fields sent replaced (each was
    valid on its own, so only the rules across fields and the pathway's remain to check)."""
    sent = data.model_dump(include=data.model_fields_set)
    checks = FieldChecks()
    for name in REQUIRED:
        if name in sent and sent[name] is None:
            checks.add(FieldInvalid(name, "field_required"))
    checks.raise_if_any()
    if "notes" in sent:
        sent["notes"] = sent["notes"] or ""
    current: dict[str, Any] = {name: getattr(step, name) for name in STEP_FIELDS}
    return StepCreate.model_validate({**current, **sent})


async def edit_step(
    session: AsyncSession,
    scope: Scope,
    participant: Participant,
    pathway: Pathway,
    step: PathwayStep,
    data: StepUpdate,
    today: date | None = None,
) -> PathwayStep:
    """Correct a step (only the fields sent): the result follows a new step's rules."""
    check_step_changeable(scope, participant, pathway, step)
    today = today or clock.today()
    corrected = _corrected(step, data)
    pathways.not_future(corrected.start_date, "start_date", today)
    exception = await pathways.check_step(session, participant, pathway, corrected)
    step.kind = corrected.kind.value
    step.start_date = corrected.start_date
    step.end_date = corrected.end_date
    level = corrected.qualification_level
    step.qualification_level = level.value if level else None
    step.contract_kind = corrected.contract_kind.value if corrected.contract_kind else None
    step.employer = corrected.employer
    step.hours_per_week = corrected.hours_per_week
    if step.lot_id != corrected.lot_id:
        step.lot = await pathways.named_lot(session, corrected.lot_id)
    step.lot_id = corrected.lot_id
    step.enterprise_id = corrected.enterprise_id
    step.notes = corrected.notes
    step.exception = exception
    step.exception_id = exception.id if exception else None
    pathways.sort_steps(pathway)
    touch(participant, today)
    await session.flush()
    return step


async def delete_step(
    session: AsyncSession,
    scope: Scope,
    participant: Participant,
    pathway: Pathway,
    step: PathwayStep,
    reason: str | None,
) -> None:
    """Remove a step entered by mistake. The step's own entry records the deletion; the
    pathway's records it too, with the reason given, so the person's access log (which lists
    their current records) keeps it."""
    check_step_changeable(scope, participant, pathway, step)
    pathway.steps.remove(step)
    await session.delete(step)
    record_access(
        session,
        pathway,
        "updated",
        {"steps": {"removed": str(step.id), "reason": reason or None}},
    )
    touch(participant, clock.today())
    await session.flush()
