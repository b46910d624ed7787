"""Referrals: list, detail, propose, and the moves (interview, hire, decline, withdraw)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Query, Response, status

from levier.core.db import SessionDep
from levier.core.etag import set_etag
from levier.core.pagination import Page, PageParams, page_params
from levier.core.routing import DomainRouter
from levier.participants.scope import Scope
from levier.referrals import hiring, service
from levier.referrals.constants import ReferralStatus
from levier.referrals.models import Referral
from levier.referrals.reads import referral_read
from levier.referrals.schemas import (
    ReferralCreate,
    ReferralDecline,
    ReferralHire,
    ReferralInterview,
    ReferralRead,
    ReferralWithdraw,
)
from levier.referrals.scope import (
    ReferralProposer,
    ReferralReader,
    ReferralToDecide,
    ReferralToRead,
    ReferralToWithdraw,
)

router = DomainRouter(prefix="/referrals", tags=["referrals"])


def _answer(scope: Scope, referral: Referral, response: Response) -> ReferralRead:
    set_etag(response, referral)
    return referral_read(scope, referral)


@router.get("", response_model=Page[ReferralRead])
async def list_referrals(
    session: SessionDep,
    scope: ReferralReader,
    page: Annotated[PageParams, Depends(page_params)],
    offer_id: uuid.UUID | None = None,
    participant_id: uuid.UUID | None = None,
    status_filter: Annotated[ReferralStatus | None, Query(alias="status")] = None,
) -> Page[ReferralRead]:
    """Referrals in the caller's scope (an employer: those for its offers), newest first."""
    filters = {"offer_id": offer_id, "participant_id": participant_id, "status": status_filter}
    rows, next_cursor = await service.list_referrals(session, scope, page, filters)
    return Page(items=[referral_read(scope, row) for row in rows], next_cursor=next_cursor)


@router.post("", response_model=ReferralRead, status_code=status.HTTP_201_CREATED)
async def propose(
    session: SessionDep, scope: ReferralProposer, data: ReferralCreate, response: Response
) -> ReferralRead:
    """Propose a person of the caller's portfolio for an open offer."""
    referral = await service.propose(session, scope, data)
    response.headers["Location"] = f"/api/v1/referrals/{referral.id}"
    return _answer(scope, referral, response)


@router.get("/{referral_id}", response_model=ReferralRead)
async def get_referral(target: ReferralToRead, response: Response) -> ReferralRead:
    """A referral, its history and what the caller may do with it (with its ETag)."""
    return _answer(target.scope, target.referral, response)


@router.post("/{referral_id}/interview", response_model=ReferralRead)
async def interview(
    session: SessionDep, target: ReferralToDecide, data: ReferralInterview, response: Response
) -> ReferralRead:
    """The employer meets the person (requires If-Match)."""
    referral = await service.interview(session, target.scope, target.referral, data)
    return _answer(target.scope, referral, response)


@router.post("/{referral_id}/hire", response_model=ReferralRead)
async def hire(
    session: SessionDep, target: ReferralToDecide, data: ReferralHire, response: Response
) -> ReferralRead:
    """Hire the person: on a clause's offer, the assignment and its pathway step are written
    with it, under the clause's entry rules (requires If-Match)."""
    referral = await hiring.hire(session, target.scope, target.referral, data)
    return _answer(target.scope, referral, response)


@router.post("/{referral_id}/decline", response_model=ReferralRead)
async def decline(
    session: SessionDep, target: ReferralToDecide, data: ReferralDecline, response: Response
) -> ReferralRead:
    """The employer does not go on, with the reason (requires If-Match)."""
    referral = await service.decline(session, target.scope, target.referral, data)
    return _answer(target.scope, referral, response)


@router.post("/{referral_id}/withdraw", response_model=ReferralRead)
async def withdraw(
    session: SessionDep, target: ReferralToWithdraw, data: ReferralWithdraw, response: Response
) -> ReferralRead:
    """The proposer takes the person back (requires If-Match)."""
    referral = await service.withdraw(session, target.scope, target.referral, data)
    return _answer(target.scope, referral, response)
