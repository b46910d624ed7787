"""Referral statuses, the moves between them, and why an enterprise declines someone."""

from __future__ import annotations

from enum import StrEnum


class ReferralStatus(StrEnum):
    proposed = "proposed"
    interview = "interview"
    hired = "hired"
    declined = "declined"
    withdrawn = "withdrawn"


class DeclineReason(StrEnum):
    """Why the employer does not go on (said to the referent, never about the person's
    situation)."""

    profile_mismatch = "profile_mismatch"  # the job needs what the person does not have yet
    position_filled = "position_filled"
    no_show = "no_show"  # did not come to the interview
    candidate_declined = "candidate_declined"  # the person did not want the job
    other = "other"


# Still under way: a person has at most one of these per offer.
ACTIVE = frozenset({ReferralStatus.proposed, ReferralStatus.interview})

# The employer's moves (an interview is optional); the referent's is withdrawal. A hire,
# a decline and a withdrawal are final.
EMPLOYER_MOVES: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    ReferralStatus.proposed: frozenset(
        {ReferralStatus.interview, ReferralStatus.hired, ReferralStatus.declined}
    ),
    ReferralStatus.interview: frozenset({ReferralStatus.hired, ReferralStatus.declined}),
}
