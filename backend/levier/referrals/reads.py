"""A referral as read: the person's name, the referent's contact, the offer, the history."""

from __future__ import annotations

from levier.participants.scope import Scope
from levier.referrals.constants import DeclineReason, ReferralStatus
from levier.referrals.models import Referral
from levier.referrals.rules import referral_actions
from levier.referrals.schemas import (
    ReferralContact,
    ReferralEventRead,
    ReferralOffer,
    ReferralPerson,
    ReferralRead,
)


def referral_read(scope: Scope, referral: Referral) -> ReferralRead:
    """The read of a referral loaded with `scope.referral_options()`."""
    person, referent, offer = referral.participant, referral.referent, referral.offer
    return ReferralRead(
        id=referral.id,
        version=referral.version,
        status=ReferralStatus(referral.status),
        status_on=referral.status_on,
        interview_on=referral.interview_on,
        decline_reason=DeclineReason(referral.decline_reason) if referral.decline_reason else None,
        message=referral.message,
        person=ReferralPerson(
            id=person.id, first_names=person.first_names, last_name=person.last_name
        ),
        referent=ReferralContact(
            id=referent.id,
            full_name=referent.full_name,
            email=referent.email,
            organisation_name=referral.referrer.name,
        ),
        offer=ReferralOffer(
            id=offer.id,
            title=offer.title,
            rome_code=offer.rome_code,
            enterprise_name=offer.enterprise.name,
            commune_name=offer.commune_name,
            start_date=offer.start_date,
            hours_per_week=offer.hours_per_week,
            lot_id=offer.lot_id,
        ),
        assignment_id=referral.assignment_id,
        created_at=referral.created_at,
        events=[
            ReferralEventRead(
                status=ReferralStatus(event.status),
                on=event.on,
                at=event.at,
                actor_name=event.actor.full_name if event.actor else None,
                reason=DeclineReason(event.reason) if event.reason else None,
            )
            for event in referral.events
        ],
        actions=referral_actions(scope, referral),
    )
