"""Demo data: job offers on scenario A's awarded lots, in each status, dated from today, and
the referrals of the referent's people to the open ones.

The facilitator opens some for the awardee, the awardee itself others; one is filled and one
closed. Their places lie in the agglomeration, so the demo's referents see the open ones.
People are proposed, met, declined (with the reason), withdrawn by their referent and one
hired (the hire writes its assignment)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload
from sqlmodel import col

from levier.core import clock
from levier.demo_story import Step, Story
from levier.offers import service as offers_service
from levier.offers.constants import ContractKind, OfferStatus
from levier.offers.models import Offer
from levier.offers.schemas import OfferCreate
from levier.participants import eligibility, pathways
from levier.participants import scope as participants_scope
from levier.participants.models import Participant
from levier.referrals import hiring
from levier.referrals import service as referrals_service
from levier.referrals.constants import DeclineReason
from levier.referrals.models import Referral
from levier.referrals.schemas import (
    ReferralCreate,
    ReferralDecline,
    ReferralHire,
    ReferralInterview,
    ReferralWithdraw,
)
from levier.tenders.models import AwardMember, Lot, LotAward, Tender
from levier.users.models import User

# (ROME, title or "", commune, starts in days, months, hours/week, posts, contract, status,
#  opened by the enterprise rather than the facilitator)
OFFERS = [
    ("F1703", "", "37261", 14, 6, "35", 2, ContractKind.cdd, OfferStatus.open, False),
    ("F1704", "Manœuvre gros œuvre", "37122", 21, 4, "35", 1, ContractKind.interim, None, True),
    ("F1606", "", "37195", 30, 12, "35", 1, ContractKind.professionalisation, None, False),
    ("A1203", "", "37214", 7, 3, "28", 2, ContractKind.cddi, OfferStatus.filled, False),
    ("F1702", "", "37233", 10, 2, "35", 1, ContractKind.cdd, OfferStatus.closed, True),
]


async def seed_offers(story: Story, facilitator: User, enterprise: User, referent: User) -> None:
    """Offers on the awarded lots of the enterprise's tenders, and the referent's people
    proposed for the open ones (the caller commits)."""
    session = story.session
    await session.flush()
    statement = (
        select(Lot)
        .join(LotAward, col(LotAward.lot_id) == col(Lot.id))
        .join(AwardMember, col(AwardMember.award_id) == col(LotAward.id))
        .join(Tender, col(Tender.id) == col(Lot.tender_id))
        .where(col(AwardMember.enterprise_id) == enterprise.organisation_id)
        .order_by(col(Tender.reference), col(Lot.number))
        .options(selectinload(Lot.award))  # type: ignore[arg-type]
    )
    lots = list((await session.execute(statement)).scalars().unique())
    if not lots:
        return
    today = clock.today()
    opened = []
    for index, (code, title, commune, starts, months, hours, posts, kind, status, own) in enumerate(
        OFFERS
    ):
        author = enterprise if own else facilitator
        # Opened a fortnight ago: people have been proposed since.
        async with story.step(today - timedelta(days=15), author):
            offer = await offers_service.create_offer(
                session,
                author,
                OfferCreate(
                    lot_id=lots[index % len(lots)].id,
                    enterprise_id=enterprise.organisation_id,
                    rome_code=code,
                    title=title,
                    commune_code=commune,
                    start_date=today + timedelta(days=starts),
                    duration_months=months,
                    hours_per_week=Decimal(hours),
                    posts=posts,
                    contract_kind=kind,
                ),
            )
            if status is not None and status != OfferStatus.open:
                await offers_service.change_status(session, author, offer, status)
            if offer.status == OfferStatus.open:
                opened.append(offer)
    await seed_referrals(story, opened, enterprise, referent)


# What became of the proposals, in turn: the open offer (by rank), the person (by rank among
# the candidates: one may be proposed for two offers) and the moves (days ago, move).
PLOTS = [
    (0, 0, [(10, "proposed"), (5, "interview"), (2, "hired")]),
    (1, 1, [(6, "proposed")]),
    (2, 2, [(9, "proposed"), (4, "interview")]),
    (0, 1, [(12, "proposed"), (8, "declined")]),
    (1, 2, [(11, "proposed"), (3, "withdrawn")]),
]


async def _candidates(story: Story, referent: User, offer: Offer) -> list[Participant]:
    """The referent's people with an open pathway and no clause assignment yet, eligible on
    the offer's start (those a referent would propose), QPV residents first: one statement."""
    statement = (
        select(Participant)
        .where(
            col(Participant.referent_id) == referent.id,
            col(Participant.structure_id) == offer.structure_id,
            col(Participant.anonymised_at).is_(None),
        )
        .order_by(col(Participant.search_name))
        .options(*participants_scope.with_steps())
    )
    people = []
    for person in (await story.session.execute(statement)).unique().scalars():
        pathway = pathways.open_pathway(person)
        if pathway is None or any(step.kind == "clause_assignment" for step in pathway.steps):
            continue
        if eligibility.current(person, offer.start_date):
            people.append(person)
    # QPV residents first: the first is hired, and the operation hires them first.
    return sorted(people, key=lambda person: not person.qpv)


async def seed_referrals(
    story: Story, offers: list[Offer], enterprise: User, referent: User
) -> None:
    """The referent proposes people for the open offers; the enterprise meets, declines or
    hires them, the referent withdraws one, each move on its day (a hire writes the
    assignment)."""
    session, today = story.session, clock.today()
    if not offers:
        return
    candidates = await _candidates(story, referent, offers[0])
    referent_scope = participants_scope.Scope(referent)
    employer_scope = participants_scope.Scope(enterprise)
    for offer_rank, person_rank, plot in PLOTS:
        offer = offers[offer_rank % len(offers)]
        if not candidates or offer.status != OfferStatus.open:
            continue
        person = candidates[person_rank % len(candidates)]
        referral: Referral | None = None
        for days_ago, move in plot:
            day = today - timedelta(days=days_ago)
            actor = referent if move in {"proposed", "withdrawn"} else enterprise
            async with story.step(day, actor) as step:
                if move == "proposed":
                    referral = await referrals_service.propose(
                        session,
                        referent_scope,
                        ReferralCreate(
                            offer_id=offer.id,
                            participant_id=person.id,
                            message="Disponible tout de suite ; permis B et véhicule.",
                        ),
                    )
                    await _date_move(step, referral, day)
                    continue
                assert referral is not None
                if move == "interview":
                    referral = await referrals_service.interview(
                        session, employer_scope, referral, ReferralInterview(interview_on=day)
                    )
                elif move == "declined":
                    referral = await referrals_service.decline(
                        session,
                        employer_scope,
                        referral,
                        ReferralDecline(reason=DeclineReason.profile_mismatch),
                    )
                elif move == "withdrawn":
                    # The person found a job meanwhile.
                    referral = await referrals_service.withdraw(
                        session, referent_scope, referral, ReferralWithdraw(on=day)
                    )
                else:
                    referral = await hiring.hire(session, employer_scope, referral, ReferralHire())
                await _date_move(step, referral, day)


async def _date_move(step: Step, referral: Referral, day: date) -> None:
    """The move the service just dated today, dated on the story's day."""
    latest = max(referral.events, key=lambda event: event.at)
    await step.restamp(latest, on=day, at=step.moment)
    await step.restamp(referral, status_on=day)
