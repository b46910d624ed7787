"""Who may decide about an item, and what a snooze and a hand-over must say: the same rules
the services check and the reads' `actions` offer."""

from __future__ import annotations

from datetime import date, timedelta

from levier.auth.permissions import Permission, Role, check_permission
from levier.core.errors import FieldInvalid, Forbidden
from levier.followups.constants import SNOOZE_MAX_DAYS, FollowUpKind
from levier.followups.queue import Entry
from levier.users.models import User

# Who an item may be handed to: those who may decide about items.
DECIDING_ROLES = frozenset({Role.facilitator.value, Role.enterprise.value})


def check_may_decide(user: User, entry: Entry) -> None:
    """The organisation acting next, the person it was handed to, or the structure following
    it (a facilitator acts for an enterprise when asked) snoozes or hands it over."""
    check_permission(user.role, Permission.follow_ups_manage)
    organisations = {entry.item.owner_id, entry.item.structure_id}
    handed = entry.assignee is not None and entry.assignee.id == user.id
    if user.organisation_id not in organisations and not handed:
        raise Forbidden("follow_up_not_yours")


def check_may_wake(user: User, entry: Entry) -> None:
    check_may_decide(user, entry)
    if entry.decision is None or entry.decision.snoozed_until is None:
        raise FieldInvalid("snoozed_until", "follow_up_not_snoozed")


def check_snooze_note(entry: Entry, note: str, today: date) -> None:
    """Putting off what is already late says why (those following it read it)."""
    if entry.next_action_on < today and not note:
        raise FieldInvalid("note", "follow_up_snooze_note_required")


def check_snooze_day(until: date, today: date) -> None:
    if until <= today:
        raise FieldInvalid("until", "follow_up_snooze_past")
    if until > today + timedelta(days=SNOOZE_MAX_DAYS):
        raise FieldInvalid("until", "follow_up_snooze_too_far", days=SNOOZE_MAX_DAYS)


# What the structure may do for the enterprise that acts next: open its offer, answer a
# candidate. Hours are declared, and the employer's part of a report written, by the employer
# of record alone: handed to a facilitator, they would wait on someone who cannot act.
STRUCTURE_ACTS_FOR = frozenset({FollowUpKind.offer_missing, FollowUpKind.referral_answer})


def takers(entry: Entry) -> set[object]:
    """The organisations whose people may take the item: the one acting next, and the
    structure where it may act for it."""
    item = entry.item
    if item.key.kind in STRUCTURE_ACTS_FOR:
        return {item.owner_id, item.structure_id}
    return {item.owner_id}


def may_take(candidate: User, entry: Entry) -> bool:
    """Whether the item may be handed to this person: active, deciding, of an organisation that
    may act on it."""
    return (
        candidate.active
        and candidate.role in DECIDING_ROLES
        and candidate.organisation_id in takers(entry)
    )
