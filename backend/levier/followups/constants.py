"""The kinds of follow-up item, when each is due, and the bounds of a snooze."""

from __future__ import annotations

from enum import StrEnum


class FollowUpKind(StrEnum):
    # An awarded lot under way with insertion hours and no job offer yet: the awardee opens one
    # (or the facilitator for it).
    offer_missing = "offer_missing"
    # A person proposed or met for an offer: the employer answers (interview, hire, decline).
    referral_answer = "referral_answer"
    # Last month's hours of a running assignment are not declared: its employer of record.
    hours_missing = "hours_missing"
    # Hours rejected by the facilitator: the employer corrects them.
    hours_to_correct = "hours_to_correct"
    # Hours declared and waiting: the facilitator validates or rejects them.
    hours_to_validate = "hours_to_validate"
    # A clause whose counted hours are under the share due by now: the facilitator follows up.
    clause_behind = "clause_behind"
    # An ended assignment whose end-of-assignment report is not issued: the employer writes its
    # part, then the facilitator completes and issues it.
    report_due = "report_due"


class FollowUpView(StrEnum):
    mine = "mine"  # the caller acts next (handed to them, or to their organisation)
    following = "following"  # in the caller's scope, someone else acts next


class FollowUpAction(StrEnum):
    snoozed = "snoozed"
    woken = "woken"
    handed_over = "handed_over"


# Days from the event that opens an item to its next-action date (the practice of clause
# facilitators: a week to answer a candidate or decide on hours, a fortnight for the first
# offer after the award or a report after the end).
OFFER_DUE_DAYS = 15
REFERRAL_DUE_DAYS = 7
VALIDATION_DUE_DAYS = 7
CORRECTION_DUE_DAYS = 7
REPORT_DUE_DAYS = 15
# Hours of a month are due by this day of the next month.
HOURS_DUE_DAY = 5
# A snooze moves the next action at most this far ahead.
SNOOZE_MAX_DAYS = 180
NOTE_MAX = 1000
