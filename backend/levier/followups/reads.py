"""Follow-up items as the caller reads them, with the actions the rules allow them."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from levier.core.actions import allowed
from levier.followups import rules
from levier.followups.queue import Entry
from levier.followups.schemas import (
    FollowUpActions,
    FollowUpCounts,
    FollowUpRead,
    PersonRef,
)
from levier.users.models import User

_ITEM_FIELDS = (
    "lot_id", "tender_id", "tender_reference", "lot_number", "lot_title", "enterprise_id",
    "enterprise_name", "participant_id", "person_name", "referral_status", "offer_id",
    "offer_title", "assignment_id", "month", "count", "counted_hours", "expected_hours",
    "required_hours",
)  # fmt: skip


def read(entry: Entry, user: User, today: date) -> FollowUpRead:
    item, decision, assignee = entry.item, entry.decision, entry.assignee
    owner_name = item.owner_name
    facts = {name: value for name, value in asdict(item).items() if name in _ITEM_FIELDS}
    return FollowUpRead(
        key=str(item.key),
        kind=item.key.kind,
        version=entry.version,
        due_on=item.due_on,
        next_action_on=entry.next_action_on,
        overdue=entry.next_action_on < today,
        snoozed_until=decision.snoozed_until if decision else None,
        mine=entry.acts_next(user),
        owner_id=item.owner_id,
        owner_name=owner_name,
        assignee=PersonRef(
            id=assignee.id,
            full_name=assignee.full_name,
            organisation_name=entry.assignee_organisation,
        )
        if assignee
        else None,
        acts_next_name=assignee.full_name if assignee else owner_name,
        note=decision.note if decision else "",
        actions=FollowUpActions(
            snooze=allowed(rules.check_may_decide, user, entry),
            wake=allowed(rules.check_may_wake, user, entry),
            hand_over=allowed(rules.check_may_decide, user, entry),
        ),
        **facts,
    )


def counts(rows: list[Entry], user: User, today: date) -> FollowUpCounts:
    mine = [entry for entry in rows if entry.acts_next(user)]
    return FollowUpCounts(
        overdue=sum(1 for entry in mine if entry.next_action_on < today),
        today=sum(1 for entry in mine if entry.next_action_on == today),
        upcoming=sum(1 for entry in mine if entry.next_action_on > today),
        following=len(rows) - len(mine),
    )


def person(user: User, organisation_name: str) -> PersonRef:
    return PersonRef(id=user.id, full_name=user.full_name, organisation_name=organisation_name)
