"""The audit log (who changed or read what) and the transactional outbox of domain events."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, Integer
from sqlmodel import Field, SQLModel

from levier.core.models import timestamp_field, utcnow


class AuditAction(StrEnum):
    """What an audit entry records."""

    created = "created"
    updated = "updated"
    deleted = "deleted"
    signed_in = "signed_in"
    read_sensitive = "read_sensitive"
    anonymised = "anonymised"
    # An invitation link (to choose the first password) was e-mailed to the account.
    invited = "invited"
    # An enterprise was reminded about a lot (behind, or hours not declared): on the lot.
    reminded = "reminded"


class AuditEvent(SQLModel, table=True):
    """One write (or sensitive read) of a record, with its author and the changed fields."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_entity", "entity_type", "entity_id", "at"),
        Index("ix_audit_events_actor", "actor_id", "at"),
        Index("ix_audit_events_at", "at", "id"),
        Index("ix_audit_events_owner", "owner_id", "at", "id"),
        Index("ix_audit_events_action", "action", "at", "id"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    at: datetime = timestamp_field(default_factory=utcnow, nullable=False)
    actor_id: uuid.UUID | None = Field(default=None)
    # The organisation whose data this is (scopes who may read the entry).
    owner_id: uuid.UUID | None = Field(default=None)
    client_address: str | None = Field(default=None, max_length=64)
    request_id: str | None = Field(default=None, max_length=64)
    action: str = Field(max_length=32)
    entity_type: str = Field(max_length=64)
    entity_id: uuid.UUID
    changes: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class OutboxEvent(SQLModel, table=True):
    """A domain event written in the same transaction as the change; published later by a worker."""

    __tablename__ = "outbox_events"
    __table_args__ = (Index("ix_outbox_events_pending", "published_at", "sequence"),)

    sequence: int | None = Field(
        default=None,
        sa_column=Column(
            BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
        ),
    )
    event_id: uuid.UUID = Field(default_factory=uuid.uuid4, unique=True)
    occurred_at: datetime = timestamp_field(default_factory=utcnow, nullable=False)
    event_type: str = Field(max_length=96)
    entity_type: str = Field(max_length=64)
    entity_id: uuid.UUID
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    published_at: datetime | None = timestamp_field(default=None, nullable=True)
