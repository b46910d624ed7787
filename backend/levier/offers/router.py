"""Job offers: list with filters, detail, open, change, and fill / close / reopen."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Response, status

from levier.auth.dependencies import require
from levier.auth.permissions import Permission
from levier.core.db import SessionDep
from levier.core.etag import set_etag
from levier.core.pagination import Page, PageParams, page_params
from levier.core.routing import DomainRouter
from levier.offers import service
from levier.offers.constants import OfferStatus
from levier.offers.reads import offer_read
from levier.offers.schemas import (
    COMMUNE_PATTERN,
    OfferCreate,
    OfferFormOptions,
    OfferRead,
    OfferStatusChange,
    OfferUpdate,
)
from levier.offers.scope import OfferToChange, OfferToRead
from levier.users.models import User

router = DomainRouter(prefix="/offers", tags=["offers"])
OfferReader = Annotated[User, Depends(require(Permission.offers_read))]
OfferWriter = Annotated[User, Depends(require(Permission.offers_write))]


@router.get("", response_model=Page[OfferRead])
async def list_offers(
    session: SessionDep,
    user: OfferReader,
    page: Annotated[PageParams, Depends(page_params)],
    rome: Annotated[
        str | None,
        Query(pattern=r"^[A-Na-n]\d{0,4}$", description="A ROME code or its first characters."),
    ] = None,
    commune: Annotated[
        str | None, Query(pattern=COMMUNE_PATTERN, description="INSEE code of the place.")
    ] = None,
    start_from: date | None = None,
    start_to: date | None = None,
    status_filter: Annotated[OfferStatus | None, Query(alias="status")] = None,
    lot_id: uuid.UUID | None = None,
    enterprise_id: uuid.UUID | None = None,
) -> Page[OfferRead]:
    """Offers in the caller's scope (referents: the open offers of their territory), soonest
    start first."""
    filters = {
        "rome": rome,
        "commune": commune,
        "start_from": start_from,
        "start_to": start_to,
        "status": status_filter,
        "lot_id": lot_id,
        "enterprise_id": enterprise_id,
    }
    rows, next_cursor = await service.list_offers(session, user, page, filters)
    return Page(items=[offer_read(user, row) for row in rows], next_cursor=next_cursor)


@router.get("/form-options", response_model=OfferFormOptions)
async def offer_form_options(
    session: SessionDep, user: OfferReader, lot_id: uuid.UUID | None = None
) -> OfferFormOptions:
    """Whether the caller may open an offer (on the lot given), and for which employers."""
    return await service.form_options(session, user, lot_id)


@router.post("", response_model=OfferRead, status_code=status.HTTP_201_CREATED)
async def create_offer(
    session: SessionDep, user: OfferWriter, data: OfferCreate, response: Response
) -> OfferRead:
    """Open an offer on an awarded lot (for its awardee or a declared subcontractor), or, for
    the facilitator, for an enterprise generally."""
    offer = await service.create_offer(session, user, data)
    set_etag(response, offer)
    response.headers["Location"] = f"/api/v1/offers/{offer.id}"
    return offer_read(user, offer)


@router.get("/{offer_id}", response_model=OfferRead)
async def get_offer(target: OfferToRead, response: Response) -> OfferRead:
    """An offer and what the caller may do with it (with its ETag)."""
    set_etag(response, target.offer)
    return offer_read(target.user, target.offer)


@router.patch("/{offer_id}", response_model=OfferRead)
async def update_offer(
    session: SessionDep, target: OfferToChange, data: OfferUpdate, response: Response
) -> OfferRead:
    """Change an open offer (requires If-Match)."""
    offer = await service.update_offer(session, target.user, target.offer, data)
    set_etag(response, offer)
    return offer_read(target.user, offer)


@router.post("/{offer_id}/status", response_model=OfferRead)
async def change_offer_status(
    session: SessionDep, target: OfferToChange, data: OfferStatusChange, response: Response
) -> OfferRead:
    """open → filled or closed; closed → open (requires If-Match)."""
    offer = await service.change_status(session, target.user, target.offer, data.status)
    set_etag(response, offer)
    return offer_read(target.user, offer)
