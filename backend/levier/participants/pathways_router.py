"""A participant's pathways: opening one, its steps (a clause assignment names an awarded lot
and its employer), the exit and the follow-up six months later."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Query, Response, status

from levier.core.db import SessionDep
from levier.participants import clause_entry, exits, pathways, reads, steps
from levier.participants.models import Pathway
from levier.participants.pathway_schemas import (
    ClauseExceptionCreate,
    ClauseExceptionRead,
    ClausePosition,
    ExitCreate,
    FollowUpCreate,
    PathwayCreate,
    PathwayRead,
    PathwayUpdate,
    StepCreate,
    StepDeletion,
    StepUpdate,
)
from levier.participants.scope import (
    InScope,
    ParticipantToRead,
    ParticipantToValidate,
    ParticipantWithSteps,
    PathwaysToWrite,
    PathwayToChange,
    PathwayToWrite,
    StepToChange,
)

router = APIRouter()


def _answer(target: InScope, pathway: Pathway) -> PathwayRead:
    return reads.pathway_read(target.scope, target.participant, pathway)


@router.get("/{participant_id}/pathways", response_model=list[PathwayRead])
async def list_pathways(target: ParticipantWithSteps) -> list[PathwayRead]:
    """The participant's pathways, newest first, with their steps, exits and actions."""
    return [
        reads.pathway_read(target.scope, target.participant, p) for p in target.participant.pathways
    ]


@router.post(
    "/{participant_id}/pathways", response_model=PathwayRead, status_code=status.HTTP_201_CREATED
)
async def start_pathway(
    session: SessionDep, target: PathwaysToWrite, data: PathwayCreate
) -> PathwayRead:
    """Open a pathway (409 when one is already open)."""
    pathway = await pathways.start(session, target.scope, target.participant, data)
    return _answer(target, pathway)


@router.patch("/{participant_id}/pathways/{pathway_id}", response_model=PathwayRead)
async def amend_pathway(
    session: SessionDep, target: PathwayToChange, data: PathwayUpdate
) -> PathwayRead:
    """Correct an open pathway's entry date or objective (If-Match: the pathway's version)."""
    await pathways.amend(session, target.scope, target.participant, target.pathway, data)
    return _answer(target, target.pathway)


@router.get("/{participant_id}/clause-positions", response_model=list[ClausePosition])
async def list_clause_positions(
    session: SessionDep,
    target: ParticipantToRead,
    q: Annotated[
        str | None, Query(max_length=100, description="Tender reference or object.")
    ] = None,
) -> list[ClausePosition]:
    """Awarded clause lots of the person's structure, with who can employ on them (50 at most):
    for whoever may assign the person (their referent) or grant them an exception (the
    structure's facilitator)."""
    positions = await pathways.clause_positions(session, target.scope, target.participant, q)
    return [ClausePosition.model_validate(p) for p in positions]


@router.post(
    "/{participant_id}/pathways/{pathway_id}/steps",
    response_model=PathwayRead,
    status_code=status.HTTP_201_CREATED,
)
async def add_pathway_step(
    session: SessionDep, target: PathwayToWrite, data: StepCreate
) -> PathwayRead:
    """Add a step after the previous ones."""
    await pathways.add_step(session, target.scope, target.participant, target.pathway, data)
    return _answer(target, target.pathway)


@router.patch("/{participant_id}/pathways/{pathway_id}/steps/{step_id}", response_model=PathwayRead)
async def edit_pathway_step(
    session: SessionDep, target: StepToChange, data: StepUpdate
) -> PathwayRead:
    """Correct a step of an open pathway (If-Match: the step's version), under a new step's
    rules; the pathway answers with its steps by start date."""
    await steps.edit_step(
        session, target.scope, target.participant, target.pathway, target.step, data
    )
    return _answer(target, target.pathway)


@router.delete(
    "/{participant_id}/pathways/{pathway_id}/steps/{step_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
)
async def delete_pathway_step(
    session: SessionDep,
    target: StepToChange,
    data: Annotated[StepDeletion | None, Body()] = None,
) -> Response:
    """Remove a step entered by mistake from an open pathway (If-Match: the step's version),
    with an optional reason kept in the audit log."""
    reason = data.reason if data else None
    await steps.delete_step(
        session, target.scope, target.participant, target.pathway, target.step, reason
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{participant_id}/pathways/{pathway_id}/exit", response_model=PathwayRead)
async def exit_pathway(
    session: SessionDep, target: PathwayToWrite, data: ExitCreate
) -> PathwayRead:
    """Close the pathway with its exit situation and category."""
    await pathways.close(session, target.scope, target.participant, target.pathway, data)
    return _answer(target, target.pathway)


@router.put("/{participant_id}/pathways/{pathway_id}/exit", response_model=PathwayRead)
async def correct_pathway_exit(
    session: SessionDep, target: PathwayToChange, data: ExitCreate
) -> PathwayRead:
    """Correct the recorded exit's date, situation and category until the follow-up is
    recorded (If-Match: the pathway's version)."""
    await exits.correct_exit(session, target.scope, target.participant, target.pathway, data)
    return _answer(target, target.pathway)


@router.delete("/{participant_id}/pathways/{pathway_id}/exit", response_model=PathwayRead)
async def reopen_pathway(session: SessionDep, target: PathwayToChange) -> PathwayRead:
    """Reopen a pathway whose exit was recorded by mistake, until the follow-up is recorded
    and while no later pathway exists (If-Match: the pathway's version)."""
    await exits.reopen(session, target.scope, target.participant, target.pathway)
    return _answer(target, target.pathway)


@router.post("/{participant_id}/pathways/{pathway_id}/follow-up", response_model=PathwayRead)
async def follow_up_pathway(
    session: SessionDep, target: PathwayToWrite, data: FollowUpCreate
) -> PathwayRead:
    """Record the situation six months after the exit."""
    await pathways.follow_up(session, target.scope, target.participant, target.pathway, data)
    return _answer(target, target.pathway)


@router.get("/{participant_id}/clause-exceptions", response_model=list[ClauseExceptionRead])
async def list_clause_exceptions(
    session: SessionDep, target: ParticipantToRead
) -> list[ClauseExceptionRead]:
    """The facilitator's exceptions letting this person enter a lot's clause, newest first."""
    exceptions = await clause_entry.exceptions_of(session, target.participant)
    return [ClauseExceptionRead.model_validate(e) for e in exceptions]


@router.post(
    "/{participant_id}/clause-exceptions",
    response_model=ClauseExceptionRead,
    status_code=status.HTTP_201_CREATED,
)
async def grant_clause_exception(
    session: SessionDep, target: ParticipantToValidate, data: ClauseExceptionCreate
) -> ClauseExceptionRead:
    """A facilitator lets the person enter one of the structure's clause lots although the
    eligibility rules refuse it (not eligible on the start date, or outside the operation's
    restriction), with the reason; recorded and shown on the assignment."""
    exception = await clause_entry.grant(
        session, target.scope, target.participant, data.lot_id, data.reason
    )
    return ClauseExceptionRead.model_validate(exception)
