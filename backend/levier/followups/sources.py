"""Every kind of follow-up item, the derivation that finds them and the permission whose
records they show (a caller without it has none of them: a buyer follows lots and clauses,
never people)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession

from levier.auth.permissions import Permission
from levier.followups import hours_items, items
from levier.followups.constants import FollowUpKind
from levier.followups.items import Context, Item
from levier.followups.keys import Key

Derivation = Callable[[AsyncSession, Context, Key | None], Awaitable[list[Item]]]

SOURCE: dict[FollowUpKind, tuple[Permission, Derivation]] = {
    FollowUpKind.offer_missing: (Permission.offers_read, items.offer_missing),
    FollowUpKind.referral_answer: (Permission.referrals_read, items.referral_answer),
    FollowUpKind.hours_missing: (Permission.hours_read, hours_items.hours_missing),
    FollowUpKind.hours_to_correct: (Permission.hours_read, hours_items.hours_to_correct),
    FollowUpKind.hours_to_validate: (Permission.hours_read, hours_items.hours_to_validate),
    FollowUpKind.clause_behind: (Permission.compliance_read, items.clause_behind),
    FollowUpKind.report_due: (Permission.assignment_reports_read, items.report_due),
}
