"""Why an enterprise is reminded."""

from __future__ import annotations

from enum import StrEnum

# The audit action a reminder writes on its lot (the lot's history shows it).
REMINDED = "reminded"


class ReminderReason(StrEnum):
    # An awardee's lot is `behind` (domain clauses.md §4).
    behind = "behind"
    # An employer of record has not declared last month's hours of a running assignment.
    hours_missing = "hours_missing"
