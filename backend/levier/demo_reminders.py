"""Demo data: the reminders the daily job sent the demo enterprise, and today's run.

The job runs early each month; the enterprise declares its hours a couple of days into the
month (`demo_hours`). So on the first day of each of the last two months, last month's hours
were not declared yet: the job reminded the enterprise (in-app and by e-mail), and the lot's
history says so. The older notification was read when its hours were declared; the newer one
waits. Then the job runs today, as it would, on what the demo holds."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlmodel import col

from levier.core import clock
from levier.core.config import Settings
from levier.demo_story import Story
from levier.hours.models import HoursDeclaration
from levier.reminders import selection
from levier.reminders import service as reminders_service
from levier.reminders.constants import ReminderReason
from levier.reminders.texts import ReminderFacts
from levier.users.models import User

INTERVAL_DAYS: int = Settings.model_fields["reminder_interval_days"].default


async def _declared_after(
    story: Story, employer: User, month: date, sent_on: date
) -> dict[uuid.UUID, tuple[int, datetime]]:
    """By lot: how many of the month's declarations the employer made after `sent_on`, and
    when the first of them was made."""
    statement = select(col(HoursDeclaration.lot_id), col(HoursDeclaration.declared_at)).where(
        col(HoursDeclaration.employer_id) == employer.organisation_id,
        col(HoursDeclaration.month) == month,
    )
    found: dict[uuid.UUID, list[datetime]] = defaultdict(list)
    for lot_id, declared_at in (await story.session.execute(statement)).all():
        if declared_at.astimezone(clock.LOCAL_ZONE).date() > sent_on:
            found[lot_id].append(declared_at)
    return {lot_id: (len(moments), min(moments)) for lot_id, moments in found.items()}


async def seed_reminders(story: Story, enterprise: User) -> None:
    """The job's past reminders to the enterprise, then today's run (the caller commits)."""
    session, today = story.session, clock.today()
    this_month = today.replace(day=1)
    _names, users = await selection.recipients(session, {enterprise.organisation_id})
    people = users.get(enterprise.organisation_id, [])
    for back in (2, 1):
        sent_on = this_month
        for _ in range(back - 1):
            sent_on = selection.previous_month(sent_on)
        month = selection.previous_month(sent_on)
        late = await _declared_after(story, enterprise, month, sent_on)
        lots = await selection.lots_by_id(session, set(late))
        for lot_id, (count, declared_at) in late.items():
            lot = lots[lot_id]
            facts = ReminderFacts(
                reason=ReminderReason.hours_missing,
                lot_label=reminders_service.lot_label(lot),
                lot_title=lot.title,
                link=f"/hours?month={month:%Y-%m}",
                month=month,
                assignments=count,
            )
            async with story.step(sent_on, None) as step:
                notifications = reminders_service.record(
                    session, lot, enterprise.organisation_id, facts, people, step.moment
                )
            if back == 2:
                for notification in notifications:
                    notification.read_at = declared_at - timedelta(minutes=5)
    async with story.step(today, None):
        await reminders_service.run_reminders(session, INTERVAL_DAYS)
