"""Pathways: one open at a time, ordered steps, a classified exit and the +6-month follow-up."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from levier.core import clock
from levier.core.errors import Conflict, FieldInvalid
from levier.participants import clause_entry
from levier.participants.constants import (
    EXIT_CATEGORY,
    ExitCategory,
    ExitSituation,
    StepKind,
)
from levier.participants.eligibility import add_months, check_validatable
from levier.participants.identity import touch
from levier.participants.models import ClauseException, Participant, Pathway, PathwayStep
from levier.participants.pathway_schemas import (
    ExitCreate,
    FollowUpCreate,
    PathwayCreate,
    StepCreate,
)
from levier.participants.scope import Scope, check_manageable
from levier.tenders import positions as tenders_positions
from levier.tenders.models import Lot

FOLLOW_UP_MONTHS = 6
CONTRACT_STEPS = frozenset({StepKind.employment, StepKind.clause_assignment})


def open_pathway(participant: Participant) -> Pathway | None:
    return next((p for p in participant.pathways if p.exit_date is None), None)


def check_startable(scope: Scope, participant: Participant) -> None:
    """A pathway opens for a person still followed, with no pathway open."""
    check_manageable(scope, participant)
    if participant.anonymised_at is not None:
        raise Conflict("participant_anonymised")
    if open_pathway(participant) is not None:
        raise Conflict("pathway_already_open")


def check_open(scope: Scope, participant: Participant, pathway: Pathway) -> None:
    """Steps and the exit are recorded on an open pathway."""
    check_manageable(scope, participant)
    if pathway.exit_date is not None:
        raise Conflict("pathway_closed")


def check_followable(scope: Scope, participant: Participant, pathway: Pathway) -> None:
    """The follow-up is recorded once the pathway has exited."""
    check_manageable(scope, participant)
    if pathway.exit_date is None:
        raise Conflict("pathway_not_exited")


def _not_future(value: date, field: str, today: date) -> None:
    if value > today:
        raise FieldInvalid(field, "date_in_future")


async def start(
    session: AsyncSession,
    scope: Scope,
    participant: Participant,
    data: PathwayCreate,
    today: date | None = None,
) -> Pathway:
    """Open a pathway; a participant has at most one open at a time."""
    check_startable(scope, participant)
    today = today or clock.today()
    _not_future(data.entry_date, "entry_date", today)
    last_exit = max((p.exit_date for p in participant.pathways if p.exit_date), default=None)
    if last_exit is not None and data.entry_date < last_exit:
        raise FieldInvalid("entry_date", "entry_before_previous_exit", previous_exit=last_exit)
    pathway = Pathway(
        participant_id=participant.id,
        organisation_id=participant.organisation_id,
        referent_id=participant.referent_id,
        entry_date=data.entry_date,
        objective_rome_codes=list(data.objective_rome_codes),
        steps=[],
    )
    participant.pathways.insert(0, pathway)
    touch(participant, today)
    await session.flush()
    return pathway


async def _check_step(
    session: AsyncSession, participant: Participant, pathway: Pathway, data: StepCreate
) -> ClauseException | None:
    """The step's rules; a clause assignment also follows the clause's entry rules and
    returns the facilitator's exception it relies on, if any."""
    if data.start_date < pathway.entry_date:
        raise FieldInvalid("start_date", "step_before_entry", entry_date=pathway.entry_date)
    if pathway.steps and data.start_date < pathway.steps[-1].start_date:
        raise FieldInvalid(
            "start_date", "step_out_of_order", previous_start=pathway.steps[-1].start_date
        )
    if data.end_date is not None and data.end_date < data.start_date:
        raise FieldInvalid("end_date", "end_before_start")
    if data.kind != StepKind.training and data.qualification_level is not None:
        raise FieldInvalid("qualification_level", "field_not_applicable")
    if data.kind in CONTRACT_STEPS:
        if data.contract_kind is None:
            raise FieldInvalid("contract_kind", "field_required")
        if data.hours_per_week is None:
            raise FieldInvalid("hours_per_week", "field_required")
    else:
        for name in ("contract_kind", "employer", "hours_per_week"):
            if getattr(data, name) is not None:
                raise FieldInvalid(name, "field_not_applicable")
    if data.kind == StepKind.clause_assignment:
        # The lot must be an awarded clause of the structure the person is referred to, and the
        # employer one of its awardees or declared subcontractors.
        if data.lot_id is None:
            raise FieldInvalid("lot_id", "field_required")
        position = (
            await tenders_positions.clause_position(session, participant.structure_id, data.lot_id)
            if participant.structure_id
            else None
        )
        if position is None:
            raise FieldInvalid("lot_id", "lot_not_found")
        if data.enterprise_id is None:
            raise FieldInvalid("enterprise_id", "field_required")
        if data.enterprise_id not in {e["id"] for e in position["enterprises"]}:
            raise FieldInvalid("enterprise_id", "enterprise_not_on_lot")
        return await clause_entry.admitted(session, participant, position, data.start_date)
    for name in ("lot_id", "enterprise_id"):
        if getattr(data, name) is not None:
            raise FieldInvalid(name, "field_not_applicable")
    return None


async def clause_positions(
    session: AsyncSession, scope: Scope, participant: Participant, query: str | None
) -> list[dict[str, object]]:
    """The clause lots the person can be assigned to: those of the structure they are
    referred to (none when they are not referred). Their referent lists them to assign the
    person, the structure's facilitator to grant an exception (404 for anyone else)."""
    if not scope.may_manage(participant):
        check_validatable(scope, participant)
    if participant.structure_id is None:
        return []
    return await tenders_positions.clause_positions(session, participant.structure_id, query)


async def _named_lot(session: AsyncSession, lot_id: uuid.UUID | None) -> Lot | None:
    """A clause assignment's lot with its tender, as the pathway names it."""
    if lot_id is None:
        return None
    return await session.get(Lot, lot_id, options=[joinedload(Lot.tender)])  # type: ignore[arg-type]


async def add_step(
    session: AsyncSession,
    scope: Scope,
    participant: Participant,
    pathway: Pathway,
    data: StepCreate,
    today: date | None = None,
) -> PathwayStep:
    """Append a step: it starts on or after the entry and the previous step."""
    check_open(scope, participant, pathway)
    today = today or clock.today()
    _not_future(data.start_date, "start_date", today)
    exception = await _check_step(session, participant, pathway, data)
    step = PathwayStep(
        pathway_id=pathway.id,
        organisation_id=pathway.organisation_id,
        kind=data.kind.value,
        start_date=data.start_date,
        end_date=data.end_date,
        qualification_level=data.qualification_level.value if data.qualification_level else None,
        contract_kind=data.contract_kind.value if data.contract_kind else None,
        employer=data.employer,
        hours_per_week=data.hours_per_week,
        lot_id=data.lot_id,
        enterprise_id=data.enterprise_id,
        notes=data.notes,
        exception_id=exception.id if exception else None,
        exception=exception,
        lot=await _named_lot(session, data.lot_id),
    )
    pathway.steps.append(step)
    touch(participant, today)
    await session.flush()
    return step


def classify(situation: ExitSituation, category: ExitCategory | None, field: str) -> str:
    """The exit category: derived from the situation, or given when it is `other`."""
    derived = EXIT_CATEGORY.get(situation)
    if derived is None:
        if category is None:
            raise FieldInvalid(field, "exit_category_required")
        return category.value
    if category is not None and category != derived:
        raise FieldInvalid(field, "exit_category_mismatch", expected=derived.value)
    return derived.value


async def close(
    session: AsyncSession,
    scope: Scope,
    participant: Participant,
    pathway: Pathway,
    data: ExitCreate,
    today: date | None = None,
) -> Pathway:
    """Record the exit: date after every step's start, and its classification."""
    check_open(scope, participant, pathway)
    today = today or clock.today()
    _not_future(data.exit_date, "exit_date", today)
    latest = max([pathway.entry_date, *(s.start_date for s in pathway.steps)])
    if data.exit_date < latest:
        raise FieldInvalid("exit_date", "exit_before_last_step", last_step=latest)
    pathway.exit_category = classify(data.situation, data.category, "category")
    pathway.exit_situation = data.situation.value
    pathway.exit_date = data.exit_date
    pathway.exit_notes = data.notes
    touch(participant, today)
    await session.flush()
    return pathway


async def follow_up(
    session: AsyncSession,
    scope: Scope,
    participant: Participant,
    pathway: Pathway,
    data: FollowUpCreate,
    today: date | None = None,
) -> Pathway:
    """Record the outcome six months after the exit (PLIE protocols confirm it then)."""
    check_followable(scope, participant, pathway)
    exit_date = pathway.exit_date
    assert exit_date is not None  # check_followable refused an open pathway
    today = today or clock.today()
    _not_future(data.follow_up_date, "follow_up_date", today)
    due = add_months(exit_date, FOLLOW_UP_MONTHS)
    if data.follow_up_date < due:
        raise FieldInvalid("follow_up_date", "follow_up_too_early", due=due)
    pathway.follow_up_category = classify(data.situation, data.category, "category")
    pathway.follow_up_situation = data.situation.value
    pathway.follow_up_date = data.follow_up_date
    touch(participant, today)
    await session.flush()
    return pathway
