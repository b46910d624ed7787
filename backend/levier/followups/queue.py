"""A caller's queue: the items of their scope with what people decided about them (snoozed,
handed over), who acts next, the next-action day, overdue first.

The items are derived at each call (one statement per kind), the decisions read in one more,
the people named in one more: the same statements whatever the page size. The cursor is the
last item's (next-action day, key)."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.auth.permissions import permissions_of
from levier.core.errors import FieldInvalid
from levier.followups.constants import FollowUpKind, FollowUpView
from levier.followups.items import Context, Item
from levier.followups.keys import Key
from levier.followups.models import FollowUp
from levier.followups.sources import SOURCE
from levier.organisations.models import Organisation
from levier.users.models import User

ORDER = {kind: index for index, kind in enumerate(FollowUpKind)}
# Decisions are read by their subjects in chunks (SQLite binds at most 32 766 values).
CHUNK = 5000


@dataclass(frozen=True)
class Entry:
    """An item, what was decided about it, and the person it was handed to (if active)."""

    item: Item
    decision: FollowUp | None
    assignee: User | None
    assignee_organisation: str = ""

    @property
    def next_action_on(self) -> date:
        if self.decision is not None and self.decision.snoozed_until is not None:
            return self.decision.snoozed_until
        return self.item.due_on

    @property
    def version(self) -> int:
        return self.decision.version if self.decision is not None else 0

    def acts_next(self, user: User) -> bool:
        """Whether the caller acts next: handed to them, or to nobody in their organisation."""
        if self.assignee is not None:
            return self.assignee.id == user.id
        return self.item.owner_id == user.organisation_id

    def sort_key(self) -> tuple[date, int, str]:
        return (self.next_action_on, ORDER[self.item.key.kind], str(self.item.key))


async def derive(
    session: AsyncSession, ctx: Context, kinds: Iterable[FollowUpKind], key: Key | None = None
) -> list[Item]:
    """The items of these kinds in the caller's scope (each kind only with its permission)."""
    items: list[Item] = []
    for kind in kinds:
        permission, derivation = SOURCE[kind]
        if permission in permissions_of(ctx.user.role):
            items.extend(await derivation(session, ctx, key))
    return items


async def entries(session: AsyncSession, items: list[Item]) -> list[Entry]:
    """The items with their decisions and active assignees (one statement, or none)."""
    found: dict[tuple[str, str], tuple[FollowUp, User | None, str | None]] = {}
    subjects = sorted({item.key.subject for item in items})
    assignee = and_(col(User.id) == col(FollowUp.assignee_id), col(User.active).is_(True))
    for start in range(0, len(subjects), CHUNK):
        statement = (
            select(FollowUp, User, col(Organisation.name))
            .outerjoin(User, assignee)
            .outerjoin(Organisation, col(Organisation.id) == col(User.organisation_id))
            .where(col(FollowUp.subject).in_(subjects[start : start + CHUNK]))
        )
        for row in (await session.execute(statement)).all():
            found[(row[0].kind, row[0].subject)] = (row[0], row[1], row[2])
    rows = []
    for item in items:
        pair = found.get((item.key.kind.value, item.key.subject))
        if pair is None:
            rows.append(Entry(item, None, None))
        else:
            rows.append(Entry(item, pair[0], pair[1], pair[2] or ""))
    return rows


def in_view(entry: Entry, user: User, view: FollowUpView | None) -> bool:
    if view is None:
        return True
    return entry.acts_next(user) == (view == FollowUpView.mine)


def encode(entry: Entry) -> str:
    values = [entry.next_action_on.isoformat(), str(entry.item.key)]
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode()


def decode(cursor: str) -> tuple[date, int, str]:
    """The sort key after which a page starts, or a 422 naming the cursor."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        if not (isinstance(values, list) and len(values) == 2):
            raise ValueError("not a cursor")
        day, key = values
        if not (isinstance(day, str) and isinstance(key, str)):
            raise ValueError("not a cursor")
        kind = FollowUpKind(key.split(".", 1)[0])
        return (date.fromisoformat(day), ORDER[kind], key)
    except (ValueError, TypeError, binascii.Error):
        raise FieldInvalid("cursor", "invalid_cursor", location="query") from None


def page(rows: list[Entry], limit: int, cursor: str | None) -> tuple[list[Entry], str | None]:
    """One page of the sorted entries after the cursor, and the next page's cursor."""
    ordered = sorted(rows, key=Entry.sort_key)
    if cursor is not None:
        after = decode(cursor)
        ordered = [entry for entry in ordered if entry.sort_key() > after]
    chosen = ordered[:limit]
    more = len(ordered) > limit
    return chosen, encode(chosen[-1]) if more and chosen else None
