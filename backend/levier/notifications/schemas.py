"""Notifications as their recipient reads them."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel

from levier.notifications.constants import NotificationKind


class NotificationRead(BaseModel):
    id: uuid.UUID
    kind: NotificationKind
    title: str
    body: str
    link: str
    subject_type: str | None
    subject_id: uuid.UUID | None
    created_at: datetime
    read_at: datetime | None


class UnreadCount(BaseModel):
    unread: int


class MarkedRead(BaseModel):
    """How many notifications this call marked read."""

    marked: int


class NotificationDraft(BaseModel):
    """What a domain asks to tell one user (already in the user's language)."""

    recipient_id: uuid.UUID
    kind: NotificationKind
    title: str
    body: str
    link: str = ""
    subject_type: str | None = None
    subject_id: uuid.UUID | None = None
