"""Who sees which accounts, applied inside the SQL: admins every account, other readers
(facilitators) their own organisation's. The routes' loaders (in the router, which may use
auth's dependencies) load through `get_visible`: out of scope is a 404."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload
from sqlmodel import col

from levier.auth.permissions import Role
from levier.core.errors import NotFound
from levier.users.models import User


def readable(statement: Any, viewer: User) -> Any:
    """`statement` (a select of users) limited to the accounts the viewer may read."""
    if viewer.role == Role.admin:
        return statement
    return statement.where(col(User.organisation_id) == viewer.organisation_id)


async def get_visible(session: AsyncSession, viewer: User, user_id: uuid.UUID) -> User:
    """An account within the viewer's scope, with its organisation, or 404."""
    statement = readable(select(User).where(col(User.id) == user_id), viewer)
    statement = statement.options(joinedload(User.organisation))  # type: ignore[arg-type]
    user = (await session.execute(statement)).scalar_one_or_none()
    if user is None:
        raise NotFound()
    return user
