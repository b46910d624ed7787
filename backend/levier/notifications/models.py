"""One message to one user, written in the user's language when it is sent."""

import uuid
from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from levier.core.models import timestamp_field, utcnow


class Notification(SQLModel, table=True):
    """A notification in a user's list (read once `read_at` is set).

    Not an audited `Entity`: it is a copy of what the audited record (a reminder logged on
    its lot) said to one person, and reading it changes nothing anyone else sees."""

    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_recipient", "recipient_id", "created_at", "id"),
        Index("ix_notifications_unread", "recipient_id", "read_at"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    recipient_id: uuid.UUID = Field(foreign_key="users.id", ondelete="CASCADE")
    kind: str = Field(max_length=32)
    title: str = Field(max_length=300)
    body: str = Field(max_length=2000)
    # A path in the single-page app ("/hours?month=2026-11"), never an outside address.
    link: str = Field(default="", max_length=500)
    subject_type: str | None = Field(default=None, max_length=64)
    subject_id: uuid.UUID | None = None
    created_at: datetime = timestamp_field(default_factory=utcnow, nullable=False)
    read_at: datetime | None = timestamp_field(default=None, nullable=True)
