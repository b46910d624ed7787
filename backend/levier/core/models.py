"""Column types and mixins shared by every table."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import DateTime, TypeDecorator
from sqlalchemy.orm import declared_attr
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
    `__audit_ignore__` names bookkeeping fields whose change is no change at all.
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
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]
