"""Pathways: one open at a time, ordered steps, a classified exit and the +6-month follow-up."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from levier.core import clock
from levier.core.errors import Conflict, FieldChecks, FieldInvalid
from levier.participants import clause_entry
from levier.participants.constants import (
    EXIT_CATEGORY,
    MINIMUM_AGE,
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
    PathwayUpdate,
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


def follow_up_due(pathway: Pathway) -> date | None:
    """The first day of the follow-up: six months after the exit (None while open)."""
    if pathway.exit_date is None:
        return None
    return add_months(pathway.exit_date, FOLLOW_UP_MONTHS)


def check_followable(
    scope: Scope, participant: Participant, pathway: Pathway, today: date | None = None
) -> None:
    """The follow-up is recorded once the pathway has exited and six months have passed (PLIE
    protocols confirm the outcome then): offered on that day, not on the exit's."""
    check_manageable(scope, participant)
    due = follow_up_due(pathway)
    if due is None:
        raise Conflict("pathway_not_exited")
    if (today or clock.today()) < due:
        raise Conflict("follow_up_not_due", due=due)


def not_future(value: date, field: str, today: date) -> None:
    if value > today:
        raise FieldInvalid(field, "date_in_future")


def _check_entry(
    participant: Participant, entry_date: date, today: date, pathway: Pathway | None = None
) -> None:
    """An entry date (a new pathway's, or `pathway`'s corrected): not in the future, not before
    the person was born nor before an earlier pathway's exit, and (corrected) not after the
    pathway's first step, nor before the person's 16th birthday. Every failure is reported at
    once."""
    checks = FieldChecks()
    if entry_date > today:
        checks.add(FieldInvalid("entry_date", "date_in_future"))
    birth_date = participant.birth_date
    if birth_date is not None and entry_date < birth_date:
        checks.add(FieldInvalid("entry_date", "entry_before_birth", birth_date=birth_date))
    elif birth_date is not None and entry_date < clock.years_after(birth_date, MINIMUM_AGE):
        # Clause pathways are for people of working age: the same age as a registration.
        checks.add(
            FieldInvalid(
                "entry_date",
                "entry_before_minimum_age",
                minimum_age=MINIMUM_AGE,
                on=clock.years_after(birth_date, MINIMUM_AGE),
            )
        )
    exits = [p.exit_date for p in participant.pathways if p.exit_date and p is not pathway]
    last_exit = max(exits, default=None)
    if last_exit is not None and entry_date < last_exit and not checks.failed("entry_date"):
        checks.add(
            FieldInvalid("entry_date", "entry_before_previous_exit", previous_exit=last_exit)
        )
    first_step = min((s.start_date for s in pathway.steps), default=None) if pathway else None
    if first_step is not None and entry_date > first_step:
        checks.add(FieldInvalid("entry_date", "entry_after_first_step", first_step=first_step))
    checks.raise_if_any()


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
    _check_entry(participant, data.entry_date, today)
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


async def amend(
    session: AsyncSession,
    scope: Scope,
    participant: Participant,
    pathway: Pathway,
    data: PathwayUpdate,
    today: date | None = None,
) -> Pathway:
    """Correct an open pathway's entry date or objective (a typo seen later): the entry keeps
    its rules and stays on or before the first step. Audited like every pathway write."""
    check_open(scope, participant, pathway)
    if data.entry_date is not None:
        _check_entry(participant, data.entry_date, today or clock.today(), pathway)
        pathway.entry_date = data.entry_date
    if data.objective_rome_codes is not None:
        pathway.objective_rome_codes = list(data.objective_rome_codes)
    await session.flush()
    return pathway


def _step_fields(pathway: Pathway, data: StepCreate) -> FieldChecks:
    """A step's own rules (within the pathway, the fields its kind takes), all checked at once."""
    checks = FieldChecks()
    # Steps may be entered in any order (a step forgotten, then added): they are kept and
    # shown sorted by start date, so only the pathway's own bounds apply.
    if data.start_date < pathway.entry_date:
        checks.add(FieldInvalid("start_date", "step_before_entry", entry_date=pathway.entry_date))
    if data.end_date is not None and data.end_date < data.start_date:
        checks.add(FieldInvalid("end_date", "end_before_start"))
    if data.kind != StepKind.training and data.qualification_level is not None:
        checks.add(FieldInvalid("qualification_level", "field_not_applicable"))
    contract = data.kind in CONTRACT_STEPS
    for name in ("contract_kind", "hours_per_week"):
        if contract and getattr(data, name) is None:
            checks.add(FieldInvalid(name, "field_required"))
    for name in ("contract_kind", "employer", "hours_per_week"):
        if not contract and getattr(data, name) is not None:
            checks.add(FieldInvalid(name, "field_not_applicable"))
    assignment = data.kind == StepKind.clause_assignment
    for name in ("lot_id", "enterprise_id"):
        if assignment and getattr(data, name) is None:
            checks.add(FieldInvalid(name, "field_required"))
        if not assignment and getattr(data, name) is not None:
            checks.add(FieldInvalid(name, "field_not_applicable"))
    return checks


async def check_step(
    session: AsyncSession, participant: Participant, pathway: Pathway, data: StepCreate
) -> ClauseException | None:
    """The step's rules; a clause assignment also follows the clause's entry rules and
    returns the facilitator's exception it relies on, if any."""
    checks = _step_fields(pathway, data)
    if data.kind != StepKind.clause_assignment or data.lot_id is None:
        checks.raise_if_any()
        return None
    # The lot must be an awarded clause of the structure the person is referred to, and the
    # employer one of its awardees or declared subcontractors.
    position = (
        await tenders_positions.clause_position(session, participant.structure_id, data.lot_id)
        if participant.structure_id
        else None
    )
    if position is None:
        checks.add(FieldInvalid("lot_id", "lot_not_found"))
    elif data.enterprise_id is not None and data.enterprise_id not in {
        e["id"] for e in position["enterprises"]
    }:
        checks.add(FieldInvalid("enterprise_id", "enterprise_not_on_lot"))
    checks.raise_if_any()
    assert position is not None  # refused above
    return await clause_entry.admitted(session, participant, position, data.start_date)


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


async def named_lot(session: AsyncSession, lot_id: uuid.UUID | None) -> Lot | None:
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
    """Add a step: it starts on or after the entry, not in the future (in any order: the
    pathway shows its steps sorted by start date)."""
    check_open(scope, participant, pathway)
    today = today or clock.today()
    not_future(data.start_date, "start_date", today)
    exception = await check_step(session, participant, pathway, data)
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
        lot=await named_lot(session, data.lot_id),
    )
    pathway.steps.append(step)
    sort_steps(pathway)
    touch(participant, today)
    await session.flush()
    return step


def sort_steps(pathway: Pathway) -> None:
    """Keep the loaded steps in the order the database gives them (start date, then entry)."""
    pathway.steps.sort(key=lambda s: (s.start_date, s.created_at))


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
    not_future(data.exit_date, "exit_date", today)
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
    today = today or clock.today()
    check_followable(scope, participant, pathway, today)
    due = follow_up_due(pathway)
    assert due is not None  # check_followable refused an open pathway
    not_future(data.follow_up_date, "follow_up_date", today)
    if data.follow_up_date < due:
        raise FieldInvalid("follow_up_date", "follow_up_too_early", due=due)
    pathway.follow_up_category = classify(data.situation, data.category, "category")
    pathway.follow_up_situation = data.situation.value
    pathway.follow_up_date = data.follow_up_date
    touch(participant, today)
    await session.flush()
    return pathway
