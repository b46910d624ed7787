"""Who sees which referrals, applied inside the SQL, and the loaders routes use.

- a facilitator sees its structure's (the structure following the offer);
- an enterprise those for its offers (the person's name and the referent's contact only);
- a referent those of the people it sees (its portfolio; a coordinator, its network's).
Loaders check the permission first (403), load in scope (404) and If-Match on writes.
"""

# No `from __future__ import annotations`: FastAPI reads the loaders' annotations.
import uuid
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import false, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload
from sqlmodel import col

from levier.auth.permissions import Permission, Role
from levier.core.errors import NotFound
from levier.offers.models import Offer
from levier.participants.models import Participant
from levier.participants.scope import Scope, caller_scope, scoped_loader
from levier.referrals.models import Referral, ReferralEvent


def readable(statement: Any, scope: Scope) -> Any:
    """`statement` (a select of referrals) limited to those the caller may read."""
    user = scope.user
    if user.role == Role.facilitator:
        return statement.where(col(Referral.structure_id) == user.organisation_id)
    if user.role == Role.enterprise:
        return statement.where(col(Referral.enterprise_id) == user.organisation_id)
    if user.role == Role.referent:
        people = select(col(Participant.id)).where(scope.condition())
        return statement.where(col(Referral.participant_id).in_(people))
    return statement.where(false())


def referral_options() -> list[Any]:
    """A referral with its offer and employer, the person, the referent and the history."""
    return [
        joinedload(Referral.offer).joinedload(Offer.enterprise),  # type: ignore[arg-type]
        joinedload(Referral.participant),  # type: ignore[arg-type]
        joinedload(Referral.referent),  # type: ignore[arg-type]
        joinedload(Referral.referrer),  # type: ignore[arg-type]
        selectinload(Referral.events).joinedload(ReferralEvent.actor),  # type: ignore[arg-type]
    ]


async def get_referral(
    session: AsyncSession, scope: Scope, referral_id: uuid.UUID, *, refresh: bool = False
) -> Referral:
    """A referral in the caller's scope, or 404."""
    statement = readable(select(Referral).where(col(Referral.id) == referral_id), scope)
    statement = statement.options(*referral_options())
    if refresh:
        statement = statement.execution_options(populate_existing=True)
    referral = (await session.execute(statement)).scalar_one_or_none()
    if referral is None:
        raise NotFound()
    return referral


@dataclass(frozen=True)
class ReferralInScope:
    scope: Scope
    referral: Referral


def referral_loader(permission: Permission, *, write: bool = False) -> Any:
    """A dependency: the path's referral, for a caller with `permission`."""
    return scoped_loader(permission, "referral_id", get_referral, ReferralInScope, write=write)


ReferralToRead = Annotated[ReferralInScope, Depends(referral_loader(Permission.referrals_read))]
ReferralToDecide = Annotated[
    ReferralInScope, Depends(referral_loader(Permission.referrals_decide, write=True))
]
ReferralToWithdraw = Annotated[
    ReferralInScope, Depends(referral_loader(Permission.referrals_propose, write=True))
]
ReferralReader = Annotated[Scope, Depends(caller_scope(Permission.referrals_read))]
ReferralProposer = Annotated[Scope, Depends(caller_scope(Permission.referrals_propose))]
