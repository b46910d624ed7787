"""Who sees which job offers, applied inside the SQL, and the loaders routes use.

- admins see every offer; facilitators their structure's (the structure following the lot's
  tender, or the facilitator's own for an offer without a lot);
- an enterprise sees its own offers (as the employer);
- a buyer sees the offers on its tenders' lots (no personal data; it cannot change them);
- a referent sees the *open* offers whose place lies in its organisation's territory
  (a commune, department or region it covers), to propose people for them.
Loaders check the permission first (403), load in scope (404) and If-Match on writes.
"""

# No `from __future__ import annotations`: the loaders' parameters name their permission
# from the enclosing call, and FastAPI must read those annotations as objects, not strings.
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import and_, exists, false, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload
from sqlmodel import col

from levier.auth.loaders import path_loader
from levier.auth.permissions import Permission, Role
from levier.core.errors import NotFound
from levier.offers.constants import OfferStatus
from levier.offers.models import Offer
from levier.organisations.models import OrganisationTerritory
from levier.tenders.models import Tender
from levier.users.models import User


def in_territory(organisation_id: Any) -> Any:
    """Offers whose place lies in the organisation's territory."""
    area = OrganisationTerritory
    return exists(
        select(col(area.code)).where(
            col(area.organisation_id) == organisation_id,
            or_(
                and_(col(area.level) == "commune", col(area.code) == col(Offer.commune_code)),
                and_(
                    col(area.level) == "department",
                    col(area.code) == col(Offer.department_code),
                ),
                and_(col(area.level) == "region", col(area.code) == col(Offer.region_code)),
            ),
        )
    )


def readable(statement: Any, user: User) -> Any:
    """`statement` (a select of offers) limited to the offers the caller may read."""
    if user.role == Role.admin:
        return statement
    if user.role == Role.facilitator:
        return statement.where(col(Offer.structure_id) == user.organisation_id)
    if user.role == Role.enterprise:
        return statement.where(col(Offer.enterprise_id) == user.organisation_id)
    if user.role == Role.buyer:
        own = select(col(Tender.id)).where(col(Tender.buyer_id) == user.organisation_id)
        return statement.where(col(Offer.tender_id).in_(own))
    if user.role == Role.referent:
        return statement.where(
            col(Offer.status) == OfferStatus.open, in_territory(user.organisation_id)
        )
    return statement.where(false())


def offer_options() -> list[Any]:
    """An offer with its employer and lot, in the offer's own statement."""
    return [
        joinedload(Offer.enterprise),  # type: ignore[arg-type]
        joinedload(Offer.lot),  # type: ignore[arg-type]
    ]


async def get_offer(session: AsyncSession, user: User, offer_id: uuid.UUID) -> Offer:
    """An offer in the caller's scope, or 404."""
    statement = readable(select(Offer).where(col(Offer.id) == offer_id), user)
    offer = (await session.execute(statement.options(*offer_options()))).scalar_one_or_none()
    if offer is None:
        raise NotFound()
    return offer


@dataclass(frozen=True)
class OfferInScope:
    user: User
    offer: Offer


def offer_loader(permission: Permission, *, write: bool = False) -> Callable[..., Awaitable[Any]]:
    """A dependency: the path's offer, for a caller with `permission` (If-Match on writes)."""
    return path_loader(permission, "offer_id", get_offer, OfferInScope, write=write)


OfferToRead = Annotated[OfferInScope, Depends(offer_loader(Permission.offers_read))]
OfferToChange = Annotated[OfferInScope, Depends(offer_loader(Permission.offers_write, write=True))]
