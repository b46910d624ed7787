"""Writing notifications (for other domains) and a user's own reads of them.

Every read and write is limited to the caller's own notifications inside the SQL
(`scope.readable`): another user's notification is not found (404), whoever asks."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.core import clock
from levier.core.pagination import PageParams, paginate
from levier.notifications.models import Notification
from levier.notifications.schemas import NotificationDraft
from levier.notifications.scope import readable
from levier.users.models import User


def notify(
    session: AsyncSession, drafts: list[NotificationDraft], at: datetime | None = None
) -> list[Notification]:
    """Add these notifications to their recipients' lists, dated now unless `at` says (the
    caller commits)."""
    moment = at or clock.now()
    rows = [Notification(**draft.model_dump(), created_at=moment) for draft in drafts]
    session.add_all(rows)
    return rows


async def list_mine(
    session: AsyncSession, user: User, page: PageParams, unread: bool = False
) -> tuple[list[Notification], str | None]:
    """The caller's notifications, newest first (unread ones only if asked)."""
    statement = readable(select(Notification), user)
    if unread:
        statement = statement.where(col(Notification.read_at).is_(None))
    return await paginate(
        session,
        statement,
        page,
        [col(Notification.created_at), col(Notification.id)],
        key=lambda row: [row.created_at, row.id],
        descending=True,
    )


async def unread_count(session: AsyncSession, user: User) -> int:
    """How many of the caller's notifications are unread."""
    statement = readable(select(func.count()).select_from(Notification), user).where(
        col(Notification.read_at).is_(None)
    )
    return int((await session.execute(statement)).scalar_one())


async def mark_read(session: AsyncSession, notification: Notification) -> Notification:
    """Mark one of the caller's notifications (loaded in scope) read; a read one keeps its
    first reading."""
    if notification.read_at is None:
        notification.read_at = clock.now()
        await session.flush()
    return notification


async def mark_all_read(session: AsyncSession, user: User) -> int:
    """Mark every unread notification of the caller read; how many were."""
    statement = (
        readable(update(Notification), user)
        .where(col(Notification.read_at).is_(None))
        .values(read_at=clock.now())
        .execution_options(synchronize_session=False)
    )
    result: Any = await session.execute(statement)
    return int(result.rowcount or 0)
