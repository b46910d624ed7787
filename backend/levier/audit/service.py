"""Reading the audit log: pages of entries with the names of their authors, of their records
and of the records their changes refer to by id (one extra query).

A record is named from its own row, read now (an account renamed since reads by its new
name). The audit log sits below the domains, so it imports none of their models: each type
is named by the columns its mapped model declares (`NAME_COLUMNS`), found in the ORM
registry every domain's models join at import (`levier.registry`). A record without such a
column (an award, an amendment) reads as the record it belongs to (its lot). Personal
records (`__audit_personal__`, participants) are never named."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import String, cast, func, literal, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.audit.schemas import Actor, AuditEventRead
from levier.core.audit.models import AuditEvent
from levier.core.models import Entity
from levier.core.pagination import Page, PageParams, paginate

# The columns that name a record, by preference; a `reference` is put before the name.
NAME_COLUMNS = ("full_name", "name", "title", "object", "trade")
LABEL_LENGTH = 160
# Ids in changes whose field names no record type (structure_id, override_by_id…) are
# looked for among these.
DEFAULT_REFERENCED = ("user", "organisation")


def _models() -> dict[str, type[Entity]]:
    """Every audited model by its record type (the domains' models, mapped at import)."""
    found: dict[str, type[Entity]] = {}
    for mapper in Entity._sa_registry.mappers:  # type: ignore[attr-defined]
        model = mapper.class_
        if issubclass(model, Entity) and hasattr(model, "__table__"):
            found[getattr(model, "__entity_type__", model.__name__.lower())] = model
    return found


def _name_column(table: Any) -> Any:
    return next((table.c[name] for name in NAME_COLUMNS if name in table.c), None)


def _label_of(table: Any) -> Any:
    name = _name_column(table)
    if name is None:
        return None
    label: Any = func.substr(name, 1, LABEL_LENGTH)
    if "reference" in table.c:
        label = cast(table.c.reference, String) + literal(" · ") + label
    return label


def _naming_select(model: type[Entity], ids: set[uuid.UUID]) -> Any:
    """(id, label) of these records of one type, or None for a type nothing names."""
    if model.__audit_personal__:
        return None
    table: Any = model.__table__  # type: ignore[attr-defined]
    label = _label_of(table)
    if label is not None:
        return select(table.c.id, label).where(table.c.id.in_(ids))
    # Named as the record it belongs to (an award as its lot).
    for column in table.c:
        for key in column.foreign_keys:
            parent = key.column.table
            parent_label = _label_of(parent)
            if parent_label is not None and column.name != "id":
                return (
                    select(table.c.id, parent_label)
                    .join(parent, key.column == column)
                    .where(table.c.id.in_(ids))
                )
    return None


def _ids_in(value: Any) -> Iterator[uuid.UUID]:
    """The ids a recorded value holds: itself, or the old and new of a change."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and len(item) == 36:
            try:
                yield uuid.UUID(item)
            except ValueError:
                continue


def referenced_ids(event: AuditEvent) -> dict[str, set[uuid.UUID]]:
    """The ids an entry's changes name (`…_id` fields), by the field that holds them."""
    found: dict[str, set[uuid.UUID]] = {}
    for field, value in (event.changes or {}).items():
        if field.endswith("_id"):
            ids = set(_ids_in(value))
            if ids:
                found[field] = ids
    return found


async def labels_of(
    session: AsyncSession, wanted: dict[str, set[uuid.UUID]]
) -> dict[uuid.UUID, str]:
    """The names of these records (ids by record type), in one query."""
    models = _models()
    selects: list[Any] = []
    for entity_type, ids in wanted.items():
        naming = _naming_select(models[entity_type], ids) if entity_type in models else None
        if ids and naming is not None:
            selects.append(naming)
    if not selects:
        return {}
    query: Any = selects[0] if len(selects) == 1 else union_all(*selects)
    return {row[0]: row[1] for row in (await session.execute(query)).all() if row[1]}


def _wanted(
    rows: list[AuditEvent], referenced: dict[uuid.UUID, dict[str, set[uuid.UUID]]]
) -> dict[str, set[uuid.UUID]]:
    """The ids to name, by record type: authors, records, and the ids their changes hold."""
    models = _models()
    wanted: dict[str, set[uuid.UUID]] = defaultdict(set)
    wanted["user"] |= {row.actor_id for row in rows if row.actor_id}
    for row in rows:
        wanted[row.entity_type].add(row.entity_id)
        for field, ids in referenced[row.id].items():
            named = field.removesuffix("_id")
            for entity_type in (named,) if named in models else DEFAULT_REFERENCED:
                wanted[entity_type] |= ids
    return wanted


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
    names = await labels_of(session, _wanted(rows, referenced))
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
            entity_name=names.get(row.entity_id),
            changes=row.changes,
            names={
                str(key): names[key]
                for ids in referenced[row.id].values()
                for key in ids
                if key in names
            },
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
