"""Each reminder sent: which enterprise, about which lot, why, when, to how many people."""

import uuid
from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from levier.core.models import timestamp_field, utcnow


class Reminder(SQLModel, table=True):
    """One reminder of an enterprise about a lot. The job sends another for the same
    (enterprise, lot, reason) only once the interval has passed since `sent_at`.

    Not an audited `Entity`: the reminder is written on its lot's history instead
    (`reminded`), which is where people look for it."""

    __tablename__ = "reminders"
    __table_args__ = (Index("ix_reminders_last", "enterprise_id", "lot_id", "reason", "sent_at"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    lot_id: uuid.UUID = Field(foreign_key="lots.id", ondelete="CASCADE")
    enterprise_id: uuid.UUID = Field(foreign_key="organisations.id")
    reason: str = Field(max_length=32)
    # The month whose hours were missing (its first day); none for a lot behind.
    month: date | None = None
    sent_at: datetime = timestamp_field(default_factory=utcnow, nullable=False)
    recipients: int = 0
