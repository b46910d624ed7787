"""Deciding about an item: snooze it to a day, wake it, hand it over to someone with a note.

The first decision about an item writes its `FollowUp` row (keyed by kind and subject); each
decision adds an event with its note, and a hand-over tells the new assignee in their list."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.core import clock
from levier.core.errors import FieldChecks, FieldInvalid, NotFound
from levier.followups import rules, texts
from levier.followups.constants import FollowUpAction, FollowUpKind
from levier.followups.items import Context
from levier.followups.keys import Key
from levier.followups.models import FollowUp, FollowUpEvent
from levier.followups.queue import Entry, derive, entries
from levier.notifications import service as notifications_service
from levier.notifications.constants import NotificationKind
from levier.notifications.schemas import NotificationDraft
from levier.organisations.models import Organisation
from levier.participants.scope import Scope
from levier.users.models import User


async def entry_of(session: AsyncSession, scope: Scope, key: Key) -> Entry:
    """The item of this key in the caller's scope, still to do, or 404."""
    ctx = Context(scope, clock.today())
    items = await derive(session, ctx, [key.kind], key)
    if not items:
        raise NotFound("follow_up_not_found")
    return (await entries(session, items[:1]))[0]


def _decision(session: AsyncSession, entry: Entry) -> FollowUp:
    if entry.decision is not None:
        return entry.decision
    item = entry.item
    decision = FollowUp(
        kind=item.key.kind.value,
        subject=item.key.subject,
        structure_id=item.structure_id,
        participant_id=item.participant_id,
    )
    session.add(decision)
    return decision


async def _record(
    session: AsyncSession, user: User, decision: FollowUp, action: FollowUpAction, **facts: object
) -> None:
    await session.flush()
    session.add(
        FollowUpEvent(
            follow_up_id=decision.id,
            structure_id=decision.structure_id,
            participant_id=decision.participant_id,
            action=action.value,
            at=clock.now(),
            actor_id=user.id,
            **facts,  # type: ignore[arg-type]
        )
    )
    await session.flush()


async def snooze(
    session: AsyncSession, user: User, entry: Entry, until: date, note: str
) -> FollowUp:
    """Move the item's next action to `until` (after today, at most 180 days ahead)."""
    rules.check_may_decide(user, entry)
    today, checks = clock.today(), FieldChecks()
    for rule, facts in (
        (rules.check_snooze_day, (until, today)),
        (rules.check_snooze_note, (entry, note, today)),
    ):
        try:
            rule(*facts)  # type: ignore[operator]
        except FieldInvalid as error:
            checks.add(error)
    checks.raise_if_any()
    decision = _decision(session, entry)
    decision.snoozed_until = until
    if note:
        decision.note = note
    await _record(session, user, decision, FollowUpAction.snoozed, until=until, note=note)
    return decision


async def wake(session: AsyncSession, user: User, entry: Entry) -> FollowUp:
    """Give the item back its own due day."""
    rules.check_may_wake(user, entry)
    decision = _decision(session, entry)
    decision.snoozed_until = None
    await _record(session, user, decision, FollowUpAction.woken)
    return decision


async def candidates(session: AsyncSession, entry: Entry) -> list[tuple[User, str]]:
    """Those the item may be handed to, by name, with their organisation's name."""
    statement = (
        select(User, col(Organisation.name))
        .join(Organisation, col(Organisation.id) == col(User.organisation_id))
        .where(
            col(User.organisation_id).in_(rules.takers(entry)),
            col(User.active).is_(True),
            col(User.role).in_(rules.DECIDING_ROLES),
        )
        .order_by(col(User.full_name), col(User.id))
    )
    return [(user, name) for user, name in (await session.execute(statement)).all()]


async def hand_over(
    session: AsyncSession, user: User, entry: Entry, assignee_id: object, note: str
) -> FollowUp:
    """Name who acts next (a colleague, the enterprise's contact, a facilitator), with a note
    they find in their notifications."""
    rules.check_may_decide(user, entry)
    assignee = await session.get(User, assignee_id)
    if assignee is None or not rules.may_take(assignee, entry):
        raise FieldInvalid("assignee_id", "follow_up_assignee_refused")
    decision = _decision(session, entry)
    decision.assignee_id = assignee.id
    decision.note = note
    await _record(
        session, user, decision, FollowUpAction.handed_over, assignee_id=assignee.id, note=note
    )
    if assignee.id != user.id:
        title, body = texts.handed_over(entry.item, user.full_name, note, assignee.language)
        notifications_service.notify(
            session,
            [
                NotificationDraft(
                    recipient_id=assignee.id,
                    kind=NotificationKind.follow_up_handed_over,
                    title=title,
                    body=body,
                    link="/",
                    subject_type="follow_up",
                    subject_id=decision.id,
                )
            ],
        )
    return decision


async def history(
    session: AsyncSession, entry: Entry
) -> list[tuple[FollowUpEvent, str | None, str | None]]:
    """The decisions about the item, oldest first, with the names of who acted and of whom it
    was handed to."""
    if entry.decision is None:
        return []
    actor = select(col(User.full_name)).where(col(User.id) == col(FollowUpEvent.actor_id))
    assignee = select(col(User.full_name)).where(col(User.id) == col(FollowUpEvent.assignee_id))
    statement = (
        select(
            FollowUpEvent,
            actor.scalar_subquery(),
            assignee.scalar_subquery(),
        )
        .where(col(FollowUpEvent.follow_up_id) == entry.decision.id)
        .order_by(col(FollowUpEvent.at), col(FollowUpEvent.id))
    )
    return [(row[0], row[1], row[2]) for row in (await session.execute(statement)).all()]


KINDS = list(FollowUpKind)
