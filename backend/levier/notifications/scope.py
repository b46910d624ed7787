"""Whose notifications a caller reads: their own, inside the SQL, and the loader of one of
them (404 for anyone else's, whoever asks: an admin has no look at other people's list)."""

# No `from __future__ import annotations`: FastAPI reads the loader's annotations.
import uuid
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.auth.dependencies import CurrentUser
from levier.core.db import SessionDep
from levier.core.errors import NotFound
from levier.notifications.models import Notification
from levier.users.models import User


def readable(statement: Any, user: User) -> Any:
    """`statement` (a select of notifications) limited to the caller's own."""
    return statement.where(col(Notification.recipient_id) == user.id)


async def get_mine(session: AsyncSession, user: User, notification_id: uuid.UUID) -> Notification:
    """One of the caller's notifications, or 404."""
    statement = readable(select(Notification), user).where(col(Notification.id) == notification_id)
    notification = (await session.execute(statement)).scalar_one_or_none()
    if notification is None:
        raise NotFound()
    return notification


async def _load_mine(
    session: SessionDep, user: CurrentUser, notification_id: uuid.UUID
) -> Notification:
    return await get_mine(session, user, notification_id)


MyNotification = Annotated[Notification, Depends(_load_mine)]
