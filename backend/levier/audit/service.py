"""Reading the audit log: pages of entries with the names of their authors, of their records
and of the accounts and organisations their changes refer to by id (one extra query)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.audit.schemas import Actor, AuditEventRead
from levier.core.audit.models import AuditEvent
from levier.core.pagination import Page, PageParams, paginate
from levier.organisations.models import Organisation
from levier.users.models import User

# The record types named by their own row (others are named by what their entries say).
NAMED_TYPES = frozenset({"user", "organisation"})


def _ids_in(value: Any) -> Iterator[uuid.UUID]:
    """The ids a recorded value holds: itself, or the old and new of a change."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and len(item) == 36:
            try:
                yield uuid.UUID(item)
            except ValueError:
                continue


def referenced_ids(event: AuditEvent) -> set[uuid.UUID]:
    """The ids of the accounts and organisations an entry's changes name (`…_id` fields)."""
    return {
        found
        for field, value in (event.changes or {}).items()
        if field.endswith("_id")
        for found in _ids_in(value)
    }


async def names_of(session: AsyncSession, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The names of these accounts and organisations, in one query."""
    if not ids:
        return {}
    statement = union_all(
        select(col(User.id), col(User.full_name)).where(col(User.id).in_(ids)),
        select(col(Organisation.id), col(Organisation.name)).where(col(Organisation.id).in_(ids)),
    )
    return {row[0]: row[1] for row in (await session.execute(statement)).all()}


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
    referenced = {row.id: referenced_ids(row) for row in rows}
    wanted = {row.actor_id for row in rows if row.actor_id}
    wanted |= {row.entity_id for row in rows if row.entity_type in NAMED_TYPES}
    names = await names_of(session, wanted.union(*referenced.values()))
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
            entity_name=names.get(row.entity_id) if row.entity_type in NAMED_TYPES else None,
            changes=row.changes,
            names={str(key): names[key] for key in referenced[row.id] if key in names},
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
