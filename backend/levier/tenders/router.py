"""Tenders and their lifecycle (the lots' routes are in `lots_router`)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Query, Response, status

from levier.auth.dependencies import require
from levier.auth.permissions import Permission
from levier.core.db import SessionDep
from levier.core.etag import set_etag
from levier.core.pagination import Page, PageParams, page_params
from levier.core.routing import DomainRouter
from levier.tenders import lifecycle, lots_router
from levier.tenders.constants import TenderStatus
from levier.tenders.operations_router import router as operations_router
from levier.tenders.reads import tender_detail, tender_read
from levier.tenders.schemas import (
    TenderCreate,
    TenderDetail,
    TenderRead,
    TenderUpdate,
    TransitionRequest,
)
from levier.tenders.scope import TenderToChange, TenderToMove, TenderToRead
from levier.users.models import User

__all__ = ["operations_router", "tenders_router"]

tenders_router = DomainRouter(prefix="/tenders", tags=["tenders"])
TenderReader = Annotated[User, Depends(require(Permission.tenders_read))]
TenderEditor = Annotated[User, Depends(require(Permission.tenders_edit))]


@tenders_router.get("", response_model=Page[TenderRead])
async def list_tenders(
    session: SessionDep,
    user: TenderReader,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[str | None, Query(max_length=200, description="Reference or object.")] = None,
    status_filter: Annotated[TenderStatus | None, Query(alias="status")] = None,
    operation_id: uuid.UUID | None = None,
    buyer_id: uuid.UUID | None = None,
) -> Page[TenderRead]:
    """Tenders in the caller's scope (structure, or own for buyers), newest first."""
    rows, next_cursor = await lifecycle.list_tenders(
        session, user, page, q, status_filter, operation_id, buyer_id
    )
    return Page(items=[tender_read(row) for row in rows], next_cursor=next_cursor)


@tenders_router.post("", response_model=TenderDetail, status_code=status.HTTP_201_CREATED)
async def create_tender(
    session: SessionDep, user: TenderEditor, data: TenderCreate, response: Response
) -> TenderDetail:
    """Create a draft tender."""
    tender = await lifecycle.create_tender(session, user, data)
    set_etag(response, tender)
    response.headers["Location"] = f"/api/v1/tenders/{tender.id}"
    return tender_detail(user, tender)


@tenders_router.get("/{tender_id}", response_model=TenderDetail)
async def get_tender(target: TenderToRead, response: Response) -> TenderDetail:
    """A tender with its lots and their hours, and what the caller may do (with its ETag)."""
    set_etag(response, target.tender)
    return tender_detail(target.user, target.tender)


@tenders_router.patch("/{tender_id}", response_model=TenderDetail)
async def update_tender(
    session: SessionDep, target: TenderToChange, data: TenderUpdate, response: Response
) -> TenderDetail:
    """Change a tender (requires If-Match; buyers only while it is a draft)."""
    tender = await lifecycle.update_tender(session, target.user, target.tender, data)
    set_etag(response, tender)
    return tender_detail(target.user, tender)


@tenders_router.post("/{tender_id}/transition", response_model=TenderDetail)
async def transition_tender(
    session: SessionDep, target: TenderToMove, data: TransitionRequest, response: Response
) -> TenderDetail:
    """Move a tender along draft → published → awarded → in_execution → closed (or cancel);
    awarded once each lot is awarded or closed without an awardee (requires If-Match)."""
    tender = await lifecycle.transition(session, target.tender, data.status)
    set_etag(response, tender)
    return tender_detail(target.user, tender)


tenders_router.include_router(lots_router.router)
