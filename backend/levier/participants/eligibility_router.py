"""A participant's eligibility: status on a date, the validations (sensitive ones masked
unless revealed, audited) and a facilitator's new validation."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, status
from sqlalchemy.ext.asyncio import AsyncSession

from levier.core import clock
from levier.core.db import SessionDep
from levier.participants import eligibility, reads
from levier.participants.models import EligibilityValidation
from levier.participants.schemas import (
    EligibilityCreate,
    EligibilityRead,
    EligibilityStatus,
    EligibilityWithdrawal,
)
from levier.participants.scope import InScope, ParticipantToRead, ParticipantToValidate

router = APIRouter()


@router.get("/{participant_id}/eligibility-status", response_model=EligibilityStatus)
async def participant_eligibility_status(
    session: SessionDep,
    target: ParticipantToRead,
    on: date | None = None,
    operation_id: uuid.UUID | None = None,
) -> EligibilityStatus:
    """Clause-eligible on a date (today by default), under an operation's restriction."""
    restriction = await eligibility.restriction_of(session, operation_id)
    return eligibility.status(target.participant, on or clock.today(), restriction)


@router.get("/{participant_id}/eligibility", response_model=list[EligibilityRead])
async def list_eligibility(
    session: SessionDep,
    target: ParticipantToRead,
    reveal: Annotated[
        bool,
        Query(description="Show sensitive criteria (referent and facilitator only; audited)."),
    ] = False,
) -> list[EligibilityRead]:
    """The eligibility history; sensitive criteria are masked unless revealed."""
    rows = eligibility.visible(session, target.scope, target.participant, reveal, clock.today())
    return await reads.eligibility_rows(session, target.scope, target.participant, rows)


@router.post(
    "/{participant_id}/eligibility",
    response_model=EligibilityRead,
    status_code=status.HTTP_201_CREATED,
)
async def validate_eligibility(
    session: SessionDep, target: ParticipantToValidate, data: EligibilityCreate
) -> EligibilityRead:
    """Record a facilitator's validation of one criterion with the evidence seen."""
    validation = await eligibility.validate(session, target.scope, target.participant, data)
    return await _answer(session, target, validation)


@router.post(
    "/{participant_id}/eligibility/{validation_id}/withdraw", response_model=EligibilityRead
)
async def withdraw_eligibility(
    session: SessionDep,
    target: ParticipantToValidate,
    validation_id: uuid.UUID,
    data: EligibilityWithdrawal,
) -> EligibilityRead:
    """Withdraw a validation made in error, with the reason: it stays in the history and
    counts for no day (the structure's facilitator; 409 when already withdrawn)."""
    validation = eligibility.validation_of(target.participant, validation_id)
    await eligibility.withdraw(session, target.scope, target.participant, validation, data.reason)
    return await _answer(session, target, validation)


async def _answer(
    session: AsyncSession, target: InScope, validation: EligibilityValidation
) -> EligibilityRead:
    rows = [eligibility.row(validation)]
    return (await reads.eligibility_rows(session, target.scope, target.participant, rows))[0]
