"""Demo data: job offers on scenario A's awarded lots, in each status, dated from today.

The facilitator opens some for the awardee, the awardee itself others; one is filled and one
closed. Their places lie in the agglomeration, so the demo's referents see the open ones."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload
from sqlmodel import col

from levier.core import clock
from levier.demo_story import Story
from levier.offers import service as offers_service
from levier.offers.constants import ContractKind, OfferStatus
from levier.offers.schemas import OfferCreate
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


async def seed_offers(story: Story, facilitator: User, enterprise: User) -> None:
    """Offers on the awarded lots of the enterprise's tenders (the caller commits)."""
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
    for index, (code, title, commune, starts, months, hours, posts, kind, status, own) in enumerate(
        OFFERS
    ):
        author = enterprise if own else facilitator
        async with story.step(today, author):
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
