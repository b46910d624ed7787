"""The rules on changing an offer, and the actions a read offers: the same functions."""

from __future__ import annotations

from levier.auth.permissions import Permission, check_permission
from levier.core.actions import allowed
from levier.core.errors import Conflict
from levier.offers.constants import TRANSITIONS, OfferStatus
from levier.offers.models import Offer
from levier.offers.schemas import OfferActions
from levier.users.models import User


def check_writer(user: User) -> None:
    """Only those who open offers change them (403)."""
    check_permission(user.role, Permission.offers_write)


def check_editable(user: User, offer: Offer) -> None:
    """An offer is changed while open: a filled or closed one is history."""
    check_writer(user)
    if offer.status != OfferStatus.open:
        raise Conflict("offer_not_open", status=OfferStatus(offer.status))


def check_transition(user: User, offer: Offer, target: OfferStatus) -> None:
    """open → filled or closed; closed → open; nothing else (409 naming both statuses)."""
    check_writer(user)
    current = OfferStatus(offer.status)
    if target not in TRANSITIONS[current]:
        raise Conflict("offer_transition_refused", field="status", status=current, target=target)


def offer_actions(user: User, offer: Offer) -> OfferActions:
    """What the caller may do with the offer now."""
    return OfferActions(
        edit=allowed(check_editable, user, offer),
        fill=allowed(check_transition, user, offer, OfferStatus.filled),
        close=allowed(check_transition, user, offer, OfferStatus.closed),
        reopen=allowed(check_transition, user, offer, OfferStatus.open),
    )
