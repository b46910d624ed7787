"""Write an audit entry and an outbox event for every change of a domain record.

Hooked on the ORM flush, so no service can forget it and both rows are in the
same transaction as the change (they commit or roll back with it).
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import MANYTOONE, Session

from levier.core.audit.models import AuditEvent, OutboxEvent
from levier.core.models import Entity, bump_version, utcnow

_BOOKKEEPING = frozenset({"created_at", "updated_at", "version"})


def entity_type_of(entity: Entity) -> str:
    """The public name of a record's type (e.g. "organisation")."""
    return getattr(type(entity), "__entity_type__", type(entity).__name__.lower())


def owner_of(entity: Entity) -> uuid.UUID | None:
    """The organisation owning a record, named by the model's `__audit_owner__` attribute."""
    attribute = getattr(type(entity), "__audit_owner__", None)
    return getattr(entity, attribute) if attribute else None


def jsonable(value: Any) -> Any:
    """A JSON-safe copy of a column value."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    return value


def _columns(entity: Entity) -> list[str]:
    return [attr.key for attr in inspect(type(entity)).column_attrs]


def _excluded(entity: Entity) -> frozenset[str]:
    return _BOOKKEEPING | type(entity).__audit_exclude__


def _created(entity: Entity) -> dict[str, Any]:
    # Bookkeeping that no change records is no part of what a creation set either.
    hidden = _excluded(entity) | type(entity).__audit_ignore__
    if type(entity).__audit_personal__:
        return {
            key: "[set]"
            for key in _columns(entity)
            if key not in _BOOKKEEPING and getattr(entity, key) not in (None, "", [])
        }
    return {key: jsonable(getattr(entity, key)) for key in _columns(entity) if key not in hidden}


def _updated(entity: Entity) -> dict[str, Any]:
    state = inspect(entity)
    hidden = _excluded(entity)
    changes: dict[str, Any] = {}
    for key in _columns(entity):
        history = state.attrs[key].history
        if not history.has_changes() or key in type(entity).__audit_ignore__:
            continue
        if key in hidden or type(entity).__audit_personal__:
            if key not in _BOOKKEEPING:
                changes[key] = "[changed]"
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old != new:
            changes[key] = [jsonable(old), jsonable(new)]
    changes.update(_repointed(entity, hidden))
    return changes


def _repointed(entity: Entity, hidden: frozenset[str]) -> dict[str, Any]:
    """Foreign keys changed through their relationship (`lot.operation = other`): the column
    itself follows only in the flush, after this recorder ran."""
    state = inspect(entity)
    changes: dict[str, Any] = {}
    for relationship in state.mapper.relationships:
        history = state.attrs[relationship.key].history
        if relationship.uselist or not history.added or relationship.direction is not MANYTOONE:
            continue
        target = history.added[0]
        for local, remote in relationship.local_remote_pairs:
            key = local.key
            if key in hidden or key in type(entity).__audit_ignore__:
                continue
            old = getattr(entity, key, None)
            new = getattr(target, remote.key, None) if target is not None else None
            if old != new:
                changes[key] = [jsonable(old), jsonable(new)]
    return changes


def _record(session: Session, entity: Entity, action: str, changes: dict[str, Any]) -> None:
    entity_type = entity_type_of(entity)
    session.add(
        AuditEvent(
            actor_id=session.info.get("actor_id"),
            owner_id=owner_of(entity),
            client_address=session.info.get("client_address"),
            request_id=session.info.get("request_id"),
            action=action,
            entity_type=entity_type,
            entity_id=entity.id,
            changes=changes,
        )
    )
    session.add(
        OutboxEvent(
            event_type=f"{entity_type}.{action}",
            entity_type=entity_type,
            entity_id=entity.id,
            payload={"id": str(entity.id), "changes": changes},
        )
    )


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    audited = not session.info.get("audit_disabled")
    if audited:
        for entity in list(session.new):
            if isinstance(entity, Entity):
                _record(session, entity, "created", _created(entity))
    extra = session.info.pop("extra_changes", {}) if audited else {}
    for entity in list(session.dirty):
        if isinstance(entity, Entity) and session.is_modified(entity, include_collections=False):
            if audited:
                changes = {**_updated(entity), **extra.pop(entity.id, {})}
                if changes:
                    entity.updated_at = utcnow()
                    _record(session, entity, "updated", changes)
            bump_version(entity)
    if audited:
        for entity in list(session.deleted):
            if isinstance(entity, Entity):
                _record(session, entity, "deleted", {})


def record_read(session: Any, entity: Entity, fields: list[str], reason: str | None = None) -> None:
    """Write a sensitive read (which fields of which record, by whom) to the audit log."""
    record_access(session, entity, "read_sensitive", {"fields": fields, "reason": reason})


def record_access(
    session: Any,
    entity: Entity,
    action: str,
    changes: dict[str, Any],
    actor_id: uuid.UUID | None = None,
) -> None:
    """An audit entry that changes nothing (a read, a sign-in): the log only, no outbox event."""
    session.add(
        AuditEvent(
            actor_id=actor_id or session.info.get("actor_id"),
            owner_id=owner_of(entity),
            client_address=session.info.get("client_address"),
            request_id=session.info.get("request_id"),
            action=action,
            entity_type=entity_type_of(entity),
            entity_id=entity.id,
            changes=changes,
        )
    )


def install() -> None:
    """Hook the recorder (and the versions of records) on every ORM session (idempotent)."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)


def add_changes(session: Any, entity: Entity, changes: dict[str, Any]) -> None:
    """Changes the ORM cannot see on the record's own columns (e.g. a child collection)."""
    pending = session.info.setdefault("extra_changes", {})
    pending.setdefault(entity.id, {}).update(changes)
