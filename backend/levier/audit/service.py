"""Reading the audit log: pages of entries with their authors' names (one extra query)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.audit.schemas import Actor, AuditEventRead
from levier.core.audit.models import AuditEvent
from levier.core.pagination import Page, PageParams, paginate
from levier.users.models import User


async def audit_page(
    session: AsyncSession, statement: Any, params: PageParams
) -> Page[AuditEventRead]:
    """A page of entries from `statement` (a select of AuditEvent), newest first."""
    rows, next_cursor = await paginate(
        session,
        statement,
        params,
        [col(AuditEvent.at), col(AuditEvent.id)],
        key=lambda e: [e.at, e.id],
        descending=True,
    )
    actor_ids = {row.actor_id for row in rows if row.actor_id}
    names: dict[uuid.UUID, str] = {}
    if actor_ids:
        result = await session.execute(
            select(col(User.id), col(User.full_name)).where(col(User.id).in_(actor_ids))
        )
        names = {row[0]: row[1] for row in result.all()}
    items = [
        AuditEventRead(
            id=row.id,
            at=row.at,
            actor=Actor(id=row.actor_id, full_name=names.get(row.actor_id, "?"))
            if row.actor_id
            else None,
            action=row.action,
            entity_type=row.entity_type,
            entity_id=row.entity_id,
            changes=row.changes,
        )
        for row in rows
    ]
    return Page(items=items, next_cursor=next_cursor)


async def entity_history(
    session: AsyncSession, entity_type: str, entity_id: uuid.UUID, params: PageParams
) -> Page[AuditEventRead]:
    """The trail of one record, newest first (the caller checked it may read the record)."""
    statement = select(AuditEvent).where(
        col(AuditEvent.entity_type) == entity_type, col(AuditEvent.entity_id) == entity_id
    )
    return await audit_page(session, statement, params)


async def owner_history(
    session: AsyncSession,
    owner_id: uuid.UUID,
    entity_types: list[str],
    params: PageParams,
) -> Page[AuditEventRead]:
    """The trail of an organisation's records of these types, newest first."""
    statement = select(AuditEvent).where(
        col(AuditEvent.owner_id) == owner_id, col(AuditEvent.entity_type).in_(entity_types)
    )
    return await audit_page(session, statement, params)
