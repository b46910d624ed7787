"""Declaration statuses and the moves between them."""

from __future__ import annotations

from enum import StrEnum


class HoursStatus(StrEnum):
    declared = "declared"
    validated = "validated"
    rejected = "rejected"


# A declaration is corrected while it waits or after a rejection (it waits again); a
# validated one is the record the clause counts: it is changed only by rejecting it first.
EDITABLE = frozenset({HoursStatus.declared, HoursStatus.rejected})
DECIDABLE = frozenset({HoursStatus.declared})
REJECTABLE = frozenset({HoursStatus.declared, HoursStatus.validated})

MONTH_PATTERN = r"^20\d{2}-(0[1-9]|1[0-2])$"  # 2000–2099, as procurement dates
