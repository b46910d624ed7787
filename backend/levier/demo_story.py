"""Playing the demo as a story: each step by the account that would have taken it, on the day
the story gives it, so the history pages (tender, lot, participant, audit log) tell that story
instead of "Système, the day of loading".

The audit recorder names the author from `session.info["actor_id"]`, as a request's
authentication sets it, and dates its entries with the clock. A step sets the author the same
way and dates the entries it writes, as they are written, at the step's moment. The clock is
never moved: every rule the services check still meets the real today.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from levier.core import clock
from levier.core.audit.models import AuditEvent, OutboxEvent
from levier.core.audit.recorder import jsonable
from levier.core.models import Entity
from levier.users.models import User

# The story's working day: its first step at 9:00 in France, the next ones a few minutes apart,
# and the entries one step writes a second apart (so a page lists them in the order written).
WORKDAY_START = time(9)
BETWEEN_STEPS = timedelta(minutes=3)
BETWEEN_ENTRIES = timedelta(seconds=1)


@dataclass
class Step:
    """One action of the story: its first moment and the entries it wrote."""

    session: AsyncSession
    start: datetime
    entries: list[AuditEvent] = field(default_factory=list)
    # The outbox event written with each entry, for the same change (by the entry's id).
    events: dict[uuid.UUID, OutboxEvent] = field(default_factory=dict)

    @property
    def moment(self) -> datetime:
        """When the step was taken, in UTC as the clock gives it (never later than now: a step
        of today may be early)."""
        return min(self.start, clock.now()).astimezone(UTC)

    def stamp(self, _session: Any, instance: object) -> None:
        """Date an audit entry or outbox event as the recorder adds it (before its insert)."""
        if isinstance(instance, AuditEvent):
            instance.at = min(self.start + BETWEEN_ENTRIES * len(self.entries), clock.now())
            self.entries.append(instance)
        elif isinstance(instance, OutboxEvent) and self.entries:
            entry = self.entries[-1]  # the recorder adds the event right after its entry
            instance.occurred_at = entry.at
            self.events[entry.id] = instance

    async def restamp(self, record: Entity, **values: Any) -> None:
        """Give fields a service filled from the real clock (an override's moment, when hours
        were computed) the story's values, in the record and in what this step's entries say.

        The correction is no event of the story, so it is written without an entry of its own.
        """
        await self.session.flush()  # what the step's services left pending is recorded first
        model = type(record)
        for name, value in values.items():
            setattr(record, name, value)
            if model.__audit_personal__ or name in model.__audit_exclude__:
                continue  # those entries name the field, never its value
            for entry in self.entries:
                if entry.entity_id != record.id or name not in entry.changes:
                    continue
                recorded = jsonable(value)
                if entry.action == "updated":
                    recorded = [entry.changes[name][0], recorded]
                entry.changes = {**entry.changes, name: recorded}
                if entry.id in self.events:
                    outbox = self.events[entry.id]
                    outbox.payload = {**outbox.payload, "changes": entry.changes}
        self.session.info["audit_disabled"] = True
        try:
            await self.session.flush()
        finally:
            self.session.info.pop("audit_disabled", None)


@dataclass
class Story:
    """The demo's steps, played on one session."""

    session: AsyncSession
    steps_by_day: dict[date, int] = field(default_factory=dict)

    @asynccontextmanager
    async def step(self, day: date, actor: User | None) -> AsyncIterator[Step]:
        """Take a step as `actor` (None: the installation itself) on `day`: what the step's
        services write is signed by the actor and dated at the step's moment."""
        await self.session.flush()  # nothing of an earlier step is written as this one
        rank = self.steps_by_day.get(day, 0)
        self.steps_by_day[day] = rank + 1
        start = datetime.combine(day, WORKDAY_START, tzinfo=clock.LOCAL_ZONE) + rank * BETWEEN_STEPS
        step = Step(self.session, start)
        sync_session = self.session.sync_session
        previous_actor = self.session.info.get("actor_id")
        self.session.info["actor_id"] = actor.id if actor else None
        event.listen(sync_session, "transient_to_pending", step.stamp)
        try:
            yield step
            await self.session.flush()
        finally:
            event.remove(sync_session, "transient_to_pending", step.stamp)
            self.session.info["actor_id"] = previous_actor
