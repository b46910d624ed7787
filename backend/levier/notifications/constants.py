"""What a notification is about."""

from __future__ import annotations

from enum import StrEnum


class NotificationKind(StrEnum):
    # The lot's validated hours are under the share due by now (compliance `behind`).
    reminder_behind = "reminder_behind"
    # Last month's hours of a running assignment are not declared yet.
    reminder_hours_missing = "reminder_hours_missing"
    # A follow-up item was handed to the recipient, with a note.
    follow_up_handed_over = "follow_up_handed_over"
    # The facilitator rejected hours the recipient's organisation declared (with the reason).
    hours_rejected = "hours_rejected"
