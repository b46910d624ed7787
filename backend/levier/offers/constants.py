"""Offer statuses and the moves between them."""

from __future__ import annotations

from enum import StrEnum

from levier.participants.constants import ContractKind

__all__ = ["MAX_HOURS_PER_WEEK", "TRANSITIONS", "ContractKind", "OfferStatus"]

# The legal maximum of a working week (Code du travail L3121-20).
MAX_HOURS_PER_WEEK = 48
MAX_POSTS = 500
MAX_DURATION_MONTHS = 60


class OfferStatus(StrEnum):
    open = "open"
    filled = "filled"
    closed = "closed"


# open → filled | closed; a closed offer may be opened again. A filled offer stays filled: a
# new need is a new offer.
TRANSITIONS: dict[OfferStatus, frozenset[OfferStatus]] = {
    OfferStatus.open: frozenset({OfferStatus.filled, OfferStatus.closed}),
    OfferStatus.filled: frozenset(),
    OfferStatus.closed: frozenset({OfferStatus.open}),
}
