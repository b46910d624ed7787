"""The reminder job (`levier reminders`, later scheduled by the worker).

For each (enterprise, lot, reason) due and not reminded within the interval: a notification
to every active user of the enterprise, in their language, a `Reminder` row, and a `reminded`
entry on the lot's history, all in the caller's transaction; the e-mails are returned, to be
sent once that transaction is committed (`deliver`), so a rolled-back run mails no one.
Running again within the interval finds nothing (the selection leaves recent ones out)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from levier.compliance import service as compliance_service
from levier.core import clock
from levier.core.audit.recorder import record_access
from levier.core.config import Settings
from levier.core.mail import send_mail
from levier.notifications import service as notifications_service
from levier.notifications.constants import NotificationKind
from levier.notifications.models import Notification
from levier.notifications.schemas import NotificationDraft
from levier.reminders import selection, texts
from levier.reminders.constants import REMINDED, ReminderReason
from levier.reminders.models import Reminder
from levier.reminders.texts import ReminderFacts
from levier.tenders.models import Lot
from levier.users.models import User

KINDS = {
    ReminderReason.behind: NotificationKind.reminder_behind,
    ReminderReason.hours_missing: NotificationKind.reminder_hours_missing,
}


@dataclass(frozen=True)
class ReminderMail:
    email: str
    full_name: str
    language: str
    facts: ReminderFacts


@dataclass(frozen=True)
class ReminderItem:
    """One reminder sent (or, in a dry run, to be sent)."""

    reason: ReminderReason
    lot_id: uuid.UUID
    lot_label: str
    enterprise_id: uuid.UUID
    enterprise_name: str
    recipients: int
    month: date | None = None


@dataclass
class ReminderReport:
    dry_run: bool
    interval_days: int
    items: list[ReminderItem] = field(default_factory=list)
    mails: list[ReminderMail] = field(default_factory=list)


def lot_label(lot: Lot) -> str:
    return f"{lot.tender.reference} · lot {lot.number}"


Due = tuple[uuid.UUID, Lot, ReminderFacts]


async def _due(session: AsyncSession, today: date, since: datetime) -> list[Due]:
    """(enterprise, lot, facts) of each reminder due, lots behind first."""
    awardees = await selection.awardees_to_check(session, today, since)
    month = selection.previous_month(today)
    missing = await selection.missing_hours(session, month, since)
    lots = await selection.lots_by_id(session, set(awardees) | {row.lot_id for row in missing})
    standing = await compliance_service.compliance_by_lot(session, list(awardees), today)
    due: list[Due] = []
    for lot_id, enterprises in awardees.items():
        lot, figures = lots[lot_id], standing[lot_id]
        # Behind, or not started while hours are due: both need the awardee to act.
        if not figures.late:
            continue
        facts = ReminderFacts(
            reason=ReminderReason.behind,
            lot_label=lot_label(lot),
            lot_title=lot.title,
            link=f"/tenders/{lot.tender_id}/lots/{lot.id}",
            validated=figures.counted_hours,
            expected=figures.expected_by_now,
            required=figures.required_hours,
        )
        due.extend((enterprise_id, lot, facts) for enterprise_id in enterprises)
    for row in missing:
        lot = lots[row.lot_id]
        facts = ReminderFacts(
            reason=ReminderReason.hours_missing,
            lot_label=lot_label(lot),
            lot_title=lot.title,
            link=f"/hours?month={month:%Y-%m}",
            month=month,
            assignments=row.assignments,
        )
        due.append((row.enterprise_id, lot, facts))
    return due


async def run_reminders(
    session: AsyncSession, interval_days: int, *, dry_run: bool = False
) -> ReminderReport:
    """Find the reminders due and (unless `dry_run`) record them and notify in-app; the
    report holds the e-mails to send after the commit (the caller commits)."""
    today = clock.today()
    now = clock.now()
    since = now - timedelta(days=interval_days)
    due = await _due(session, today, since)
    names, users = await selection.recipients(session, {enterprise for enterprise, _, _ in due})
    report = ReminderReport(dry_run=dry_run, interval_days=interval_days)
    for enterprise_id, lot, facts in due:
        people = users.get(enterprise_id, [])
        report.items.append(
            ReminderItem(
                reason=facts.reason,
                lot_id=lot.id,
                lot_label=facts.lot_label,
                enterprise_id=enterprise_id,
                enterprise_name=names.get(enterprise_id, "?"),
                recipients=len(people),
                month=facts.month,
            )
        )
        report.mails.extend(
            ReminderMail(user.email, user.full_name, user.language, facts) for user in people
        )
        if not dry_run:
            record(session, lot, enterprise_id, facts, people, now)
    if dry_run:
        report.mails = []
    else:
        await session.flush()
    return report


def record(
    session: AsyncSession,
    lot: Lot,
    enterprise_id: uuid.UUID,
    facts: ReminderFacts,
    people: list[User],
    now: datetime,
) -> list[Notification]:
    """The reminder row, each person's notification and the entry on the lot's history."""
    session.add(
        Reminder(
            lot_id=lot.id,
            enterprise_id=enterprise_id,
            reason=facts.reason.value,
            month=facts.month,
            sent_at=now,
            recipients=len(people),
        )
    )
    drafts = []
    for user in people:
        title, body = texts.title_and_body(facts, user.language)
        drafts.append(
            NotificationDraft(
                recipient_id=user.id,
                kind=KINDS[facts.reason],
                title=title,
                body=body,
                link=facts.link,
                subject_type="lot",
                subject_id=lot.id,
            )
        )
    notifications = notifications_service.notify(session, drafts, at=now)
    changes: dict[str, object] = {
        "reminder": facts.reason.value,
        "enterprise_id": str(enterprise_id),
        "recipients": len(people),
    }
    if facts.month is not None:
        changes["month"] = f"{facts.month:%Y-%m}"
        changes["assignments"] = facts.assignments
    record_access(session, lot, REMINDED, changes)
    return notifications


async def deliver(settings: Settings, report: ReminderReport) -> None:
    """Send the report's e-mails (after its transaction is committed)."""
    for message in report.mails:
        subject, body = texts.mail(
            message.facts,
            message.language,
            message.full_name,
            settings.base_url,
            report.interval_days,
        )
        await send_mail(settings, message.email, subject, body)
