"""Follow-up items as read (who acts next, by when, about what, what the caller may do), and
the decisions written about them."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, StringConstraints

from levier.core.validation import FreeText, Input
from levier.followups.constants import NOTE_MAX, FollowUpAction, FollowUpKind

Note = Annotated[FreeText, StringConstraints(max_length=NOTE_MAX)]
RequiredNote = Annotated[FreeText, StringConstraints(min_length=1, max_length=NOTE_MAX)]


class FollowUpActions(BaseModel):
    snooze: bool
    wake: bool
    hand_over: bool


class PersonRef(BaseModel):
    id: uuid.UUID
    full_name: str
    organisation_name: str


class FollowUpRead(BaseModel):
    """One item: `key` names it in the other routes; `acts_next_name` is who acts next (the
    person it was handed to, else the organisation); `mine` says whether that is the caller."""

    key: str
    kind: FollowUpKind
    version: int
    due_on: date
    next_action_on: date
    overdue: bool
    snoozed_until: date | None
    mine: bool
    owner_id: uuid.UUID
    owner_name: str
    assignee: PersonRef | None
    acts_next_name: str
    note: str
    lot_id: uuid.UUID | None
    tender_id: uuid.UUID | None
    tender_reference: str | None
    lot_number: int | None
    lot_title: str | None
    enterprise_id: uuid.UUID | None
    enterprise_name: str | None
    participant_id: uuid.UUID | None
    person_name: str | None
    referral_status: str | None
    offer_id: uuid.UUID | None
    offer_title: str | None
    assignment_id: uuid.UUID | None
    month: date | None
    count: int | None
    counted_hours: Decimal | None
    expected_hours: Decimal | None
    required_hours: Decimal | None
    actions: FollowUpActions


class FollowUpEventRead(BaseModel):
    action: FollowUpAction
    at: datetime
    actor_name: str | None
    until: date | None
    assignee_name: str | None
    note: str


class FollowUpDetail(FollowUpRead):
    history: list[FollowUpEventRead]


class FollowUpCounts(BaseModel):
    """The caller's queue in numbers: theirs (overdue, due today, later) and those they follow."""

    overdue: int
    today: int
    upcoming: int
    following: int


class Snooze(Input):
    until: date
    note: Note = ""


class HandOver(Input):
    assignee_id: uuid.UUID
    note: RequiredNote


class Candidates(BaseModel):
    """Who the item may be handed to."""

    items: list[PersonRef]
