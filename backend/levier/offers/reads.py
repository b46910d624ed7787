"""An offer as read: its fields, employer, lot, and what the caller may do with it."""

from __future__ import annotations

from levier.offers.constants import ContractKind, OfferStatus
from levier.offers.models import Offer
from levier.offers.rules import offer_actions
from levier.offers.schemas import OfferLot, OfferRead, OrganisationRef
from levier.reference import rome
from levier.users.models import User


def offer_read(user: User, offer: Offer) -> OfferRead:
    """The read of an offer loaded with `scope.offer_options()`."""
    lot = offer.lot
    return OfferRead(
        id=offer.id,
        version=offer.version,
        status=OfferStatus(offer.status),
        rome_code=offer.rome_code,
        rome_label=rome.describe(offer.rome_code) or offer.rome_code,
        title=offer.title,
        description=offer.description,
        commune_code=offer.commune_code,
        commune_name=offer.commune_name,
        start_date=offer.start_date,
        duration_months=offer.duration_months,
        hours_per_week=offer.hours_per_week,
        posts=offer.posts,
        contract_kind=ContractKind(offer.contract_kind),
        enterprise=OrganisationRef(id=offer.enterprise.id, name=offer.enterprise.name),
        lot=(
            OfferLot(id=lot.id, tender_id=lot.tender_id, number=lot.number, title=lot.title)
            if lot is not None
            else None
        ),
        structure_id=offer.structure_id,
        created_at=offer.created_at,
        actions=offer_actions(user, offer),
    )
