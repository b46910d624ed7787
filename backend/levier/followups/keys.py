"""An item's key, as the API names it: `kind.subject`, the subject being a lot, referral or
assignment id, followed for hours by the employer's id and the month
(`hours_missing.<lot>.<employer>.2026-11`)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date

from levier.core.errors import NotFound
from levier.followups.constants import FollowUpKind

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_KINDS = "|".join(kind.value for kind in FollowUpKind)
KEY_PATTERN = rf"^({_KINDS})\.({_UUID})(?:\.({_UUID})\.(\d{{4}})-(0[1-9]|1[0-2]))?$"
# Kinds whose subject is a lot, an employer and a month.
MONTHLY = frozenset(
    {FollowUpKind.hours_missing, FollowUpKind.hours_to_correct, FollowUpKind.hours_to_validate}
)


@dataclass(frozen=True)
class Key:
    kind: FollowUpKind
    id: uuid.UUID
    party: uuid.UUID | None = None
    month: date | None = None

    @property
    def subject(self) -> str:
        if self.party is None or self.month is None:
            return str(self.id)
        return f"{self.id}.{self.party}.{self.month:%Y-%m}"

    def __str__(self) -> str:
        return f"{self.kind.value}.{self.subject}"


def parse(text: str) -> Key:
    """The key named in a path, or 404 (a key of no possible item names nothing)."""
    found = re.match(KEY_PATTERN, text)
    if found is None:
        raise NotFound()
    kind = FollowUpKind(found.group(1))
    monthly = found.group(3) is not None
    if monthly != (kind in MONTHLY):
        raise NotFound()
    if not monthly:
        return Key(kind, uuid.UUID(found.group(2)))
    month = date(int(found.group(4)), int(found.group(5)), 1)
    return Key(kind, uuid.UUID(found.group(2)), uuid.UUID(found.group(3)), month)
