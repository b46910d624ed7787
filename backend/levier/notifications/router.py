"""The caller's own notifications: list, unread count, mark one or all read.

Any signed-in user reads their own, as /auth/me: no permission beyond authentication."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from levier.auth.dependencies import CurrentUser
from levier.core.db import SessionDep
from levier.core.pagination import Page, PageParams, page_params
from levier.core.routing import DomainRouter
from levier.notifications import service
from levier.notifications.schemas import MarkedRead, NotificationRead, UnreadCount
from levier.notifications.scope import MyNotification

router = DomainRouter(prefix="/notifications", tags=["notifications"])


@router.get("", response_model=Page[NotificationRead])
async def list_notifications(
    session: SessionDep,
    user: CurrentUser,
    page: Annotated[PageParams, Depends(page_params)],
    unread: bool = False,
) -> Page[NotificationRead]:
    """The caller's notifications, newest first (`unread=true`: those not read yet)."""
    rows, next_cursor = await service.list_mine(session, user, page, unread)
    items = [NotificationRead.model_validate(row, from_attributes=True) for row in rows]
    return Page(items=items, next_cursor=next_cursor)


@router.get("/unread-count", response_model=UnreadCount)
async def unread_count(session: SessionDep, user: CurrentUser) -> UnreadCount:
    """How many of the caller's notifications are unread (the header's badge)."""
    return UnreadCount(unread=await service.unread_count(session, user))


@router.post("/read-all", response_model=MarkedRead)
async def mark_all_read(session: SessionDep, user: CurrentUser) -> MarkedRead:
    """Mark every notification of the caller read."""
    return MarkedRead(marked=await service.mark_all_read(session, user))


@router.post("/{notification_id}/read", response_model=NotificationRead)
async def mark_read(session: SessionDep, notification: MyNotification) -> NotificationRead:
    """Mark one of the caller's notifications read (404 for anyone else's)."""
    notification = await service.mark_read(session, notification)
    return NotificationRead.model_validate(notification, from_attributes=True)
