"""What people decided about a follow-up item: its next-action date moved (snooze), the person
it was handed to, and each such decision with its note.

An item itself is not stored: it is derived from the records it is about (a lot without an
offer, hours waiting…), so it appears and goes away with them and is never stale. Only
people's decisions are: a `FollowUp` row keyed by the item's (kind, subject)."""

import uuid
from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field

from levier.core.models import Entity, timestamp_field


class FollowUp(Entity, table=True):
    __tablename__ = "follow_ups"
    __table_args__ = (
        # Subject first: decisions are read by their subjects.
        UniqueConstraint("subject", "kind", name="uq_follow_ups_item"),
        Index("ix_follow_ups_assignee", "assignee_id"),
    )
    __entity_type__: ClassVar[str] = "follow_up"
    __audit_owner__: ClassVar[str] = "structure_id"
    # A note may speak of the person the item is about.
    __audit_personal__: ClassVar[bool] = True
    __anonymised__: ClassVar[dict[str, str]] = {"note": ""}

    kind: str = Field(max_length=32)
    # The item's subject: a lot, referral or assignment id, with the month where it has one.
    subject: str = Field(max_length=120)
    structure_id: uuid.UUID = Field(foreign_key="organisations.id")
    participant_id: uuid.UUID | None = Field(
        default=None, foreign_key="participants.id", index=True
    )
    # Who acts next, when someone was named (else the item's organisation).
    assignee_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    # The next action moved to this day (snoozed), else the item's own due date.
    snoozed_until: date | None = None
    note: str = Field(default="", max_length=1000)


class FollowUpEvent(Entity, table=True):
    """One decision about an item: snoozed (until), woken, handed over (to whom), with a note."""

    __tablename__ = "follow_up_events"
    __entity_type__: ClassVar[str] = "follow_up_event"
    __audit_owner__: ClassVar[str] = "structure_id"
    __audit_personal__: ClassVar[bool] = True
    __anonymised__: ClassVar[dict[str, str]] = {"note": ""}

    follow_up_id: uuid.UUID = Field(foreign_key="follow_ups.id", ondelete="CASCADE", index=True)
    structure_id: uuid.UUID = Field(foreign_key="organisations.id")
    participant_id: uuid.UUID | None = Field(
        default=None, foreign_key="participants.id", index=True
    )
    action: str = Field(max_length=16)
    at: datetime = timestamp_field()
    actor_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    until: date | None = None
    assignee_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    note: str = Field(default="", max_length=1000)
