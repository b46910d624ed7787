"""Recording an assignment (from a hire or directly), ending it, and listing them.

An assignment enters a person into a lot's clause: the rules of entry are those of the
pathway's clause-assignment step (clauses.md §3, `participants.clause_entry`): the lot is an
awarded clause of the structure the person is referred to, the start follows the award's
notification, and the person is eligible on the start date and meets the operation's
restriction, or the facilitator recorded an exception. The assignment and its pathway step
are written together; the step is then changed through the assignment only.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.assignments import rules
from levier.assignments.constants import (
    HIRE_CONTRACTS,
    INCLUSIVE_KINDS,
    PLACEMENT_KINDS,
    ContractKind,
    FulfilmentMode,
)
from levier.assignments.models import Assignment
from levier.assignments.schemas import AssignmentCreate, AssignmentEnd, AssignmentTerms
from levier.assignments.scope import assignment_options, get_assignment, readable
from levier.core import clock
from levier.core.errors import DomainError, FieldChecks, FieldInvalid
from levier.core.pagination import PageParams, paginate
from levier.organisations import service as organisations_service
from levier.organisations.constants import OrganisationKind
from levier.organisations.models import Organisation
from levier.participants import clause_entry, pathways
from levier.participants import scope as participants_scope
from levier.participants.constants import StepKind
from levier.participants.identity import touch
from levier.participants.models import Participant, PathwayStep
from levier.participants.scope import Scope
from levier.tenders import positions as tenders_positions

# How far ahead a start may be planned: a hire is for the coming weeks, not years.
PLANNING_DAYS = 366


async def person(session: AsyncSession, participant_id: uuid.UUID) -> Participant | None:
    """The person with their eligibility and pathways (the caller's right to act on them was
    checked by whoever asks: a referral, or the facilitator's structure)."""
    statement = (
        select(Participant)
        .where(col(Participant.id) == participant_id, col(Participant.anonymised_at).is_(None))
        .options(*participants_scope.with_steps())
    )
    return (await session.execute(statement)).scalar_one_or_none()


async def _organisation(session: AsyncSession, organisation_id: uuid.UUID) -> Organisation | None:
    try:
        return await organisations_service.get(session, organisation_id)
    except DomainError:
        return None


def _host(position: dict[str, Any], host_id: uuid.UUID, checks: FieldChecks) -> dict[str, Any]:
    """The lot's enterprise the work is for, or an empty dict (failure in `checks`)."""
    for enterprise in position["enterprises"]:
        if enterprise["id"] == host_id:
            return dict(enterprise)
    checks.add(FieldInvalid("host_id", "enterprise_not_on_lot"))
    return {}


async def _employer(
    session: AsyncSession,
    terms: AssignmentTerms,
    host: dict[str, Any],
    checks: FieldChecks,
) -> uuid.UUID | None:
    """The employer of record the mode calls for (failures in `checks`)."""
    mode = terms.mode
    if mode == FulfilmentMode.training:
        if terms.employer_id is not None:
            checks.add(FieldInvalid("employer_id", "field_not_applicable"))
        return None
    if mode in {FulfilmentMode.temporary_work, FulfilmentMode.placement}:
        if terms.employer_id is None:
            checks.add(FieldInvalid("employer_id", "field_required"))
            return None
        employer = await _organisation(session, terms.employer_id)
        if employer is None or employer.kind != OrganisationKind.enterprise or not employer.active:
            checks.add(FieldInvalid("employer_id", "not_an_enterprise"))
            return None
        if mode == FulfilmentMode.placement and employer.enterprise_kind not in PLACEMENT_KINDS:
            checks.add(FieldInvalid("employer_id", "assignment_employer_not_placement"))
        if host and employer.id == host["id"]:
            checks.add(FieldInvalid("employer_id", "assignment_employer_is_host"))
        return employer.id
    if terms.employer_id not in (None, host.get("id")):
        checks.add(FieldInvalid("employer_id", "assignment_employer_must_be_host", mode=mode))
    if host and mode in {FulfilmentMode.subcontracting, FulfilmentMode.co_contracting}:
        role = "subcontractor" if mode == FulfilmentMode.subcontracting else "member"
        if host["role"] != role or host.get("kind") not in INCLUSIVE_KINDS:
            checks.add(FieldInvalid("host_id", f"assignment_host_not_inclusive_{role}"))
    return host.get("id")


def _contract(terms: AssignmentTerms, checks: FieldChecks) -> ContractKind | None:
    """The contract the mode calls for: a hire's own, an interim one, or none for training."""
    if terms.mode == FulfilmentMode.direct_hire:
        if terms.contract_kind is None:
            checks.add(FieldInvalid("contract_kind", "field_required"))
        elif terms.contract_kind not in HIRE_CONTRACTS:
            checks.add(FieldInvalid("contract_kind", "assignment_contract_not_hire"))
        return terms.contract_kind
    if terms.mode == FulfilmentMode.temporary_work:
        return ContractKind.interim
    if terms.mode == FulfilmentMode.training and terms.contract_kind is not None:
        checks.add(FieldInvalid("contract_kind", "field_not_applicable"))
        return None
    return terms.contract_kind


def _dates(terms: AssignmentTerms, position: dict[str, Any], checks: FieldChecks) -> None:
    if terms.start_date < position["notified_on"]:
        notified = position["notified_on"]
        checks.add(
            FieldInvalid("start_date", "clause_entry_before_notification", notified_on=notified)
        )
    if terms.start_date > clock.today() + timedelta(days=PLANNING_DAYS):
        checks.add(FieldInvalid("start_date", "assignment_start_too_far"))


def pathway_for(participant: Participant, terms: AssignmentTerms, checks: FieldChecks) -> Any:
    """The open pathway a hire's step goes into, its dates checked against it (failures in
    `checks`, None without an open pathway): a clause assignment's or an employment's."""
    pathway = pathways.open_pathway(participant)
    if pathway is None:
        checks.add(FieldInvalid("participant_id", "assignment_no_open_pathway"))
    elif terms.start_date < pathway.entry_date:
        checks.add(FieldInvalid("start_date", "step_before_entry", entry_date=pathway.entry_date))
    if terms.planned_end_date is not None and terms.planned_end_date < terms.start_date:
        checks.add(FieldInvalid("planned_end_date", "end_before_start"))
    return pathway


async def open_assignment(
    session: AsyncSession,
    user_id: uuid.UUID,
    participant: Participant,
    lot_id: uuid.UUID,
    terms: AssignmentTerms,
    *,
    offer_id: uuid.UUID | None = None,
) -> Assignment:
    """Check every rule of the entry (all failures at once), then write the assignment and
    its clause-assignment step. Nothing is written when a rule fails."""
    checks = FieldChecks()
    position = (
        await tenders_positions.clause_position(session, participant.structure_id, lot_id)
        if participant.structure_id
        else None
    )
    if position is None:
        checks.add(FieldInvalid("lot_id", "lot_not_found"))
        checks.raise_if_any()
    assert position is not None
    pathway = pathway_for(participant, terms, checks)
    host_id = terms.host_id or position["enterprises"][0]["id"]
    host = _host(position, host_id, checks)
    employer_id = await _employer(session, terms, host, checks)
    contract = _contract(terms, checks)
    _dates(terms, position, checks)
    checks.raise_if_any()
    assert pathway is not None and participant.structure_id is not None
    exception = await clause_entry.admitted(session, participant, position, terms.start_date)
    assignment = Assignment(
        structure_id=participant.structure_id,
        tender_id=position["tender_id"],
        lot_id=lot_id,
        participant_id=participant.id,
        host_id=host_id,
        employer_id=employer_id,
        mode=terms.mode.value,
        contract_kind=contract.value if contract else None,
        start_date=terms.start_date,
        planned_end_date=terms.planned_end_date,
        hours_per_week=terms.hours_per_week,
        job_title=terms.job_title,
        offer_id=offer_id,
        exception_id=exception.id if exception else None,
        created_by_id=user_id,
    )
    session.add(assignment)
    await session.flush()
    employer_name = host["name"]
    if employer_id not in (None, host_id):
        employer = await _organisation(session, employer_id)
        employer_name = employer.name if employer else employer_name
    step = PathwayStep(
        pathway_id=pathway.id,
        organisation_id=pathway.organisation_id,
        kind=StepKind.clause_assignment.value,
        start_date=terms.start_date,
        end_date=terms.planned_end_date,
        contract_kind=assignment.contract_kind,
        employer=employer_name,
        hours_per_week=terms.hours_per_week,
        lot_id=lot_id,
        enterprise_id=host_id,
        exception_id=assignment.exception_id,
        exception=exception,
        assignment_id=assignment.id,
        lot=await pathways.named_lot(session, lot_id),
    )
    pathway.steps.append(step)
    pathways.sort_steps(pathway)
    touch(participant, clock.today())
    await session.flush()
    return assignment


async def record(session: AsyncSession, scope: Scope, data: AssignmentCreate) -> Assignment:
    """The facilitator records an assignment for a person referred to the structure."""
    rules.check_recorder(scope)
    participant = await person(session, data.participant_id)
    if participant is None or participant.structure_id != scope.user.organisation_id:
        raise FieldInvalid("participant_id", "participant_not_found")
    assignment = await open_assignment(session, scope.user.id, participant, data.lot_id, data)
    return await get_assignment(session, scope, assignment.id, refresh=True)


async def end(
    session: AsyncSession, scope: Scope, assignment: Assignment, data: AssignmentEnd
) -> Assignment:
    """End a running assignment on a date (not before its start), with the reason; its
    pathway step ends the same day."""
    rules.check_endable(scope, assignment)
    if data.ended_on < assignment.start_date:
        raise FieldInvalid("ended_on", "end_before_start")
    assignment.ended_on = data.ended_on
    assignment.end_reason = data.reason.value
    assignment.end_note = data.note
    steps = await session.execute(
        select(PathwayStep).where(col(PathwayStep.assignment_id) == assignment.id)
    )
    for step in steps.scalars():
        step.end_date = data.ended_on
    await session.flush()
    return await get_assignment(session, scope, assignment.id, refresh=True)


async def list_assignments(
    session: AsyncSession, scope: Scope, params: PageParams, filters: dict[str, Any]
) -> tuple[list[Assignment], str | None]:
    """Assignments in the caller's scope matching the filters, latest start first."""
    statement = readable(select(Assignment), scope).options(*assignment_options())
    for name in ("lot_id", "participant_id", "employer_id", "host_id", "tender_id"):
        if filters.get(name):
            statement = statement.where(getattr(Assignment, name) == filters[name])
    if filters.get("mode"):
        statement = statement.where(col(Assignment.mode) == filters["mode"])
    ended: bool | None = filters.get("ended")
    if ended is not None:
        statement = statement.where(
            col(Assignment.ended_on).is_not(None) if ended else col(Assignment.ended_on).is_(None)
        )
    running_on: date | None = filters.get("running_on")
    if running_on is not None:
        statement = statement.where(
            col(Assignment.start_date) <= running_on,
            (col(Assignment.ended_on).is_(None)) | (col(Assignment.ended_on) >= running_on),
        )
    return await paginate(
        session,
        statement,
        params,
        [col(Assignment.start_date), col(Assignment.id)],
        key=lambda assignment: [assignment.start_date, assignment.id],
        descending=True,
    )
