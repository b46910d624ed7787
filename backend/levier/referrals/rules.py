"""The rules on a referral's moves, and the actions a read offers: the same functions."""

from __future__ import annotations

from levier.auth.permissions import Permission, Role, check_permission
from levier.core.actions import allowed
from levier.core.errors import Conflict, Forbidden
from levier.participants.scope import Scope
from levier.referrals.constants import ACTIVE, EMPLOYER_MOVES, ReferralStatus
from levier.referrals.models import Referral
from levier.referrals.schemas import ReferralActions


def check_move(scope: Scope, referral: Referral, target: ReferralStatus) -> None:
    """The employer (or the structure's facilitator for it) interviews, hires or declines a
    person still proposed or interviewed (409 naming both statuses)."""
    user = scope.user
    check_permission(user.role, Permission.referrals_decide)
    if user.role == Role.enterprise and referral.enterprise_id != user.organisation_id:
        raise Forbidden()
    current = ReferralStatus(referral.status)
    if target not in EMPLOYER_MOVES.get(current, frozenset()):
        raise Conflict("referral_transition_refused", status=current, target=target)


def check_withdrawable(scope: Scope, referral: Referral) -> None:
    """Whoever may propose the person takes them back while the referral is under way."""
    check_permission(scope.user.role, Permission.referrals_propose)
    current = ReferralStatus(referral.status)
    if current not in ACTIVE:
        raise Conflict(
            "referral_transition_refused", status=current, target=ReferralStatus.withdrawn
        )


def referral_actions(scope: Scope, referral: Referral) -> ReferralActions:
    """What the caller may do with the referral now."""
    return ReferralActions(
        interview=allowed(check_move, scope, referral, ReferralStatus.interview),
        hire=allowed(check_move, scope, referral, ReferralStatus.hired),
        decline=allowed(check_move, scope, referral, ReferralStatus.declined),
        withdraw=allowed(check_withdrawable, scope, referral),
    )
