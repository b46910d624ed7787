"""Proposing a person for an offer, the employer's moves, the withdrawal, and the lists.

Every move is dated (the day it happened) and kept in the referral's history; the audit log
records it too (the ORM hook). The hire is in `hiring`."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.auth.permissions import Permission, Role, check_permission
from levier.core import clock
from levier.core.errors import Conflict, FieldChecks, FieldInvalid, NotFound
from levier.core.pagination import PageParams, paginate
from levier.offers import scope as offers_scope
from levier.offers.constants import OfferStatus
from levier.participants import pathways
from levier.participants import scope as participants_scope
from levier.participants.scope import Scope
from levier.referrals import rules
from levier.referrals.constants import ACTIVE, ReferralStatus
from levier.referrals.models import Referral, ReferralEvent
from levier.referrals.schemas import (
    ReferralCreate,
    ReferralDecline,
    ReferralInterview,
    ReferralWithdraw,
)
from levier.referrals.scope import get_referral, readable, referral_options


def record_move(
    session: AsyncSession,
    scope: Scope,
    referral: Referral,
    status: ReferralStatus,
    on: date,
    reason: str | None = None,
) -> None:
    """Set the referral's status and add the dated event to its history."""
    referral.status = status.value
    referral.status_on = on
    session.add(
        ReferralEvent(
            referral_id=referral.id,
            structure_id=referral.structure_id,
            status=status.value,
            on=on,
            at=clock.now(),
            actor_id=scope.user.id,
            reason=reason,
        )
    )


async def _existing(
    session: AsyncSession, offer_id: uuid.UUID, participant_id: uuid.UUID
) -> Referral | None:
    """The person's referral for the offer still under way or ended in a hire, if any."""
    statement = select(Referral).where(
        col(Referral.offer_id) == offer_id,
        col(Referral.participant_id) == participant_id,
        col(Referral.status).in_([*ACTIVE, ReferralStatus.hired]),
    )
    return (await session.execute(statement.limit(1))).scalar_one_or_none()


async def propose(session: AsyncSession, scope: Scope, data: ReferralCreate) -> Referral:
    """Propose a person of the caller's portfolio (a facilitator: a person referred to the
    structure) for an open offer the caller sees; every failed rule at once."""
    check_permission(scope.user.role, Permission.referrals_propose)
    checks = FieldChecks()
    try:
        offer = await offers_scope.get_offer(session, scope.user, data.offer_id)
    except NotFound:
        offer = None
        checks.add(FieldInvalid("offer_id", "referral_offer_unknown"))
    if offer is not None and offer.status != OfferStatus.open:
        checks.add(FieldInvalid("offer_id", "referral_offer_not_open", status=offer.status))
    try:
        participant = await participants_scope.get(session, scope, data.participant_id)
        if scope.user.role == Role.referent and not scope.may_manage(participant):
            raise NotFound()
    except NotFound:
        participant = None
        checks.add(FieldInvalid("participant_id", "participant_not_found"))
    if participant is not None:
        if pathways.open_pathway(participant) is None:
            checks.add(FieldInvalid("participant_id", "referral_no_open_pathway"))
        if offer is not None and participant.structure_id != offer.structure_id:
            checks.add(FieldInvalid("participant_id", "referral_other_structure"))
    checks.raise_if_any()
    assert offer is not None and participant is not None
    existing = await _existing(session, offer.id, participant.id)
    if existing is not None:
        raise Conflict(
            "referral_exists",
            status=ReferralStatus(existing.status),
            headers={"Location": f"/api/v1/referrals/{existing.id}"},
            referral_id=str(existing.id),
        )
    referral = Referral(
        offer_id=offer.id,
        participant_id=participant.id,
        structure_id=offer.structure_id,
        enterprise_id=offer.enterprise_id,
        referent_id=scope.user.id,
        referrer_id=scope.user.organisation_id,
        status=ReferralStatus.proposed.value,
        status_on=clock.today(),
        message=data.message,
    )
    session.add(referral)
    await session.flush()
    record_move(session, scope, referral, ReferralStatus.proposed, clock.today())
    await session.flush()
    return await get_referral(session, scope, referral.id, refresh=True)


async def interview(
    session: AsyncSession, scope: Scope, referral: Referral, data: ReferralInterview
) -> Referral:
    """The employer meets the person on the day given."""
    rules.check_move(scope, referral, ReferralStatus.interview)
    referral.interview_on = data.interview_on
    record_move(session, scope, referral, ReferralStatus.interview, clock.today())
    await session.flush()
    return await get_referral(session, scope, referral.id, refresh=True)


async def decline(
    session: AsyncSession, scope: Scope, referral: Referral, data: ReferralDecline
) -> Referral:
    """The employer does not go on, with the reason."""
    rules.check_move(scope, referral, ReferralStatus.declined)
    referral.decline_reason = data.reason.value
    record_move(session, scope, referral, ReferralStatus.declined, clock.today(), data.reason)
    await session.flush()
    return await get_referral(session, scope, referral.id, refresh=True)


async def withdraw(
    session: AsyncSession, scope: Scope, referral: Referral, data: ReferralWithdraw
) -> Referral:
    """The proposer takes the person back (no reason asked: it would tell the employer about
    the person's situation)."""
    rules.check_withdrawable(scope, referral)
    record_move(session, scope, referral, ReferralStatus.withdrawn, data.on or clock.today())
    await session.flush()
    return await get_referral(session, scope, referral.id, refresh=True)


async def list_referrals(
    session: AsyncSession, scope: Scope, params: PageParams, filters: dict[str, Any]
) -> tuple[list[Referral], str | None]:
    """Referrals in the caller's scope matching the filters, newest first."""
    statement = readable(select(Referral), scope).options(*referral_options())
    for name in ("offer_id", "participant_id"):
        if filters.get(name):
            statement = statement.where(getattr(Referral, name) == filters[name])
    if filters.get("status"):
        statement = statement.where(col(Referral.status) == filters["status"])
    return await paginate(
        session,
        statement,
        params,
        [col(Referral.created_at), col(Referral.id)],
        key=lambda referral: [referral.created_at, referral.id],
        descending=True,
    )
