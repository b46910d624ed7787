"""A clause's compliance statuses (domain clauses.md §4)."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum


class ComplianceStatus(StrEnum):
    not_started = "not_started"  # no hour yet
    on_track = "on_track"  # validated ≥ required × elapsed share of the execution period
    behind = "behind"
    fulfilled = "fulfilled"  # validated ≥ required
    exceeded = "exceeded"  # validated ≥ 110 % of required
    defaulted = "defaulted"  # the execution period ended short


EXCEEDED_SHARE = Decimal("1.10")
