"""Column types and mixins shared by every table."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import DateTime, TypeDecorator, inspect
from sqlalchemy.orm import MANYTOONE, declared_attr
from sqlmodel import Field, SQLModel

from levier.core import clock


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC (from the one clock)."""
    return clock.now()


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored in UTC and always read back timezone-aware (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def timestamp_field(**kwargs: Any) -> Any:
    """A UTC timestamp column."""
    return Field(sa_type=UTCDateTime, **kwargs)


class Entity(SQLModel):
    """A domain record: UUID key, creation/update times, and a version for optimistic locking.

    Subclasses with `table=True` are audited: every insert, update and delete
    writes an audit entry and an outbox event in the same transaction
    (see `levier.core.audit.recorder`). `__audit_exclude__` names fields never copied there;
    `__audit_personal__` records only the names of the fields touched (personal data);
    `__audit_ignore__` names bookkeeping fields whose change is no change at all: neither
    audited nor a new version (a sign-in's `last_login_at` leaves open forms of the record
    valid).
    """

    __audit_exclude__: ClassVar[frozenset[str]] = frozenset()
    __audit_personal__: ClassVar[bool] = False
    __audit_ignore__: ClassVar[frozenset[str]] = frozenset()

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    created_at: datetime = timestamp_field(default_factory=utcnow, nullable=False)
    updated_at: datetime = timestamp_field(default_factory=utcnow, nullable=False)
    version: int = Field(default=1, nullable=False)

    @declared_attr  # type: ignore[arg-type]
    def __mapper_args__(cls) -> dict[str, Any]:
        # Optimistic locking in the database too: an UPDATE that finds another version fails.
        # The version is ours to raise (`bump_version`, on every flush), so that a change of
        # bookkeeping fields only keeps it.
        return {
            "version_id_col": cls.__table__.c.version,  # type: ignore[attr-defined]
            "version_id_generator": False,
        }


def bump_version(entity: Entity) -> None:
    """A new version for a record whose columns changed (its foreign keys set through their
    relationship included), unless only bookkeeping fields did."""
    state = inspect(entity)
    ignored = type(entity).__audit_ignore__ | {"version"}
    pointers = [r for r in state.mapper.relationships if r.direction is MANYTOONE]
    for attribute in (*state.mapper.column_attrs, *pointers):
        if attribute.key not in ignored and state.attrs[attribute.key].history.has_changes():
            entity.version = (entity.version or 0) + 1
            return
