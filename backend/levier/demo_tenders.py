"""Demo data for scenario A (domain/scenarios.md): an NPNRU operation with a 5 % target,
tenders of the agglomeration and of two social landlords, lots of different trades, and every
stage of a tender's life: a draft, a published tender partly awarded, an awarded one, and one
in execution for months with a consortium, an SIAE, an adapted enterprise and a lot declared
unsuccessful.

Dates count back from the day the demo is loaded, so every stage exists whatever the day; each
step is recorded on its day by the account that took it (`demo_story`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from levier.auth.permissions import Role
from levier.core import clock
from levier.demo_story import Step, Story
from levier.organisations.models import Organisation
from levier.tenders import awards, lifecycle, lots, operations
from levier.tenders.constants import (
    Ccag,
    ConsiderationKind,
    LotOutcome,
    OperationTargetKind,
    PriceForm,
    Procedure,
    TenderStatus,
)
from levier.tenders.models import Lot, Tender
from levier.tenders.schemas import (
    AwardIn,
    AwardMemberIn,
    ConsiderationIn,
    ConsortiumType,
    HoursOverride,
    LotCreate,
    LotOutcomeIn,
    OperationCreate,
    SubcontractorIn,
    TenderCreate,
)
from levier.territories.models import TerritoryLevel
from levier.territories.schemas import TerritoryRef
from levier.users.models import User


@dataclass(frozen=True)
class Award:
    """A lot's award: `members` are organisation keys, the first one the mandatary of a
    consortium; `days_ago` dates its notification."""

    amount: str
    days_ago: int
    members: tuple[str, ...]
    subcontractors: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Unsuccessful:
    """A lot closed without an awardee (infructueux), `days_ago` dating the decision."""

    days_ago: int
    reason: str


@dataclass(frozen=True)
class DemoLot:
    """A lot: its title in the tender documents, and its trade (corps d'état) apart."""

    title: str
    trade: str
    cpv: str
    amount: str
    months: int
    decision: Award | Unsuccessful | None = None
    # The facilitator's own hours for the lot, with the reason (an override of the formula).
    override: HoursOverride | None = None


@dataclass(frozen=True)
class DemoTender:
    buyer: str
    reference: str
    title: str
    cpv: str
    place: str
    status: TenderStatus
    lots: list[DemoLot] = field(default_factory=list)
    published_days_ago: int | None = None  # the deadline for offers falls 40 days later
    drafted_days_ago: int = field(kw_only=True)  # by its buyer, or the facilitator for it
    in_operation: bool = True


SCENARIO_A = [
    DemoTender(
        "agglo",
        "NPNRU-RAB-01",
        "Requalification des espaces publics du quartier Rabière",
        "45233140-2",
        "37122",
        TenderStatus.published,
        [
            DemoLot(
                "VRD et voirie",
                "VRD / voirie",
                "45233140-2",
                "2400000",
                18,
                Award("2280000", 265, ("builder",), (("insertion_enterprise", "180000"),)),
            ),
            DemoLot("Espaces verts et plantations", "Espaces verts", "77310000-6", "380000", 12),
            DemoLot("Éclairage public", "Électricité", "45316110-9", "420000", 8),
        ],
        published_days_ago=330,
        drafted_days_ago=360,
    ),
    DemoTender(
        "landlord",
        "VLH-REHA-120",
        "Réhabilitation de 120 logements, résidence Les Tilleuls",
        "45453000-7",
        "37261",
        TenderStatus.in_execution,
        [
            DemoLot(
                "Gros œuvre, démolitions et reprises de structure",
                "Gros œuvre / maçonnerie",
                "45262500-6",
                "1800000",
                16,
                Award("1750000", 270, ("builder", "mason")),
                HoursOverride(
                    hours=1700,
                    reason="Chantier en site occupé : la charte ANRU du quartier vise 10 % "
                    "sur le gros œuvre.",
                ),
            ),
            DemoLot(
                "Doublages, cloisons et isolation thermique",
                "Plâtrerie / isolation",
                "45321000-3",
                "650000",
                10,
                Award("628000", 268, ("insertion_enterprise",)),
            ),
            DemoLot(
                "Peinture et revêtements muraux",
                "Peinture",
                "45442100-8",
                "320000",
                8,
                Unsuccessful(
                    275,
                    "Aucune offre reçue dans le délai : le lot sera relancé en procédure adaptée.",
                ),
            ),
            DemoLot(
                "Courants forts et faibles des logements",
                "Électricité",
                "45310000-3",
                "540000",
                10,
                Award("512000", 268, ("builder",)),
            ),
            DemoLot(
                "Plomberie sanitaire, chauffage et ventilation",
                "Plomberie / CVC",
                "45330000-9",
                "610000",
                10,
                Award("596000", 266, ("builder",), (("adapted_enterprise", "45000"),)),
            ),
        ],
        published_days_ago=330,
        drafted_days_ago=355,
    ),
    DemoTender(
        "landlord_esh",
        "TL-SANITAS-24",
        "Construction de 24 logements locatifs sociaux, îlot Sanitas",
        "45211000-9",
        "37261",
        TenderStatus.awarded,
        [
            DemoLot(
                "Terrassement et fondations",
                "VRD / terrassement",
                "45112000-5",
                "290000",
                4,
                Award("281000", 40, ("mason",)),
            ),
            DemoLot(
                "Ossature et charpente des coursives",
                "Charpente métallique",
                "45223100-7",
                "460000",
                6,
                Award("447000", 38, ("builder",)),
            ),
            DemoLot(
                "Nettoyage de fin de chantier",
                "Nettoyage",
                "90910000-9",
                "60000",
                2,
                Award("58000", 38, ("insertion_enterprise",)),
            ),
        ],
        published_days_ago=120,
        drafted_days_ago=150,
    ),
    DemoTender(
        "agglo",
        "CAVL-EV-ENTR",
        "Entretien des espaces verts communautaires",
        "77310000-6",
        "37261",
        TenderStatus.draft,
        [DemoLot("Tonte et taille", "Espaces verts", "77310000-6", "260000", 24)],
        in_operation=False,
        drafted_days_ago=12,
    ),
]

PENALTY_PER_MISSING_HOUR = Decimal("45")
# After its lots are decided, how a tender reaches its demo stage.
LATER_MOVES = {
    TenderStatus.awarded: (TenderStatus.awarded,),
    TenderStatus.in_execution: (TenderStatus.awarded, TenderStatus.in_execution),
}
# The facilitator writes the clause (and overrides its hours) a week after the tender is drafted,
# and the works start two weeks after the last lot is settled.
CLAUSE_WRITTEN_AFTER = timedelta(days=7)
WORKS_START_AFTER = timedelta(days=14)


async def seed_scenario_a(
    story: Story,
    organisations: dict[str, Organisation],
    facilitator: User,
    buyers: dict[str, User],
) -> None:
    """The operation, its tenders and lots at every stage: a buyer with an account drafts its
    own tenders, the facilitator the others, and publishes, writes the clauses and records the
    decisions (the caller commits)."""
    session = story.session
    today = clock.today()
    first_drafted = today - timedelta(days=max(spec.drafted_days_ago for spec in SCENARIO_A))
    async with story.step(first_drafted - timedelta(days=20), facilitator):
        operation = await operations.create_operation(
            session,
            facilitator,
            OperationCreate(
                name="NPNRU Quartiers Nord — Val de Loire",
                description="Projet de renouvellement urbain : 5 % des heures travaillées "
                "réservées à l'insertion (charte ANRU), publics résidant en QPV prioritaires.",
                target_kind=OperationTargetKind.hours_share,
                target_value=Decimal("0.05"),
                eligibility_restriction="qpv_residents",
            ),
        )
    for spec in SCENARIO_A:
        drafted = today - timedelta(days=spec.drafted_days_ago)
        published = (
            None
            if spec.published_days_ago is None
            else today - timedelta(days=spec.published_days_ago)
        )
        author = buyers.get(spec.buyer, facilitator)
        async with story.step(drafted, author):
            tender = await lifecycle.create_tender(
                session,
                author,
                TenderCreate(
                    buyer_id=organisations[spec.buyer].id,
                    structure_id=facilitator.organisation_id if author.role == Role.buyer else None,
                    operation_id=operation.id if spec.in_operation else None,
                    reference=spec.reference,
                    object=spec.title,
                    procedure=Procedure.open_tender,
                    ccag=Ccag.works,
                    price_form=PriceForm.lump_sum,
                    cpv_code=spec.cpv,
                    place_of_execution=TerritoryRef(level=TerritoryLevel.commune, code=spec.place),
                    publication_date=published,
                    deadline_date=None if published is None else published + timedelta(days=40),
                ),
            )
        created = []
        for number, lot_spec in enumerate(spec.lots, start=1):
            async with story.step(drafted, author) as step:
                created.append(await _lot(session, author, tender, number, lot_spec))
                await _date_calculation(step, created[-1])
        for lot, lot_spec in zip(created, spec.lots, strict=True):
            if lot_spec.override is not None:
                async with story.step(drafted + CLAUSE_WRITTEN_AFTER, facilitator) as step:
                    await lots.override_hours(session, facilitator, tender, lot, lot_spec.override)
                    await step.restamp(lot, override_at=step.moment)
        if published is None:
            continue
        async with story.step(published, facilitator):
            await lifecycle.transition(session, tender, TenderStatus.published)
        decided = [
            await _decide(story, facilitator, tender, lot, lot_spec, organisations, today)
            for lot, lot_spec in zip(created, spec.lots, strict=True)
        ]
        settled = max((day for day in decided if day is not None), default=published)
        for status in LATER_MOVES.get(spec.status, ()):
            moved_on = (
                settled + WORKS_START_AFTER if status == TenderStatus.in_execution else settled
            )
            async with story.step(moved_on, facilitator):
                await lifecycle.transition(session, tender, status)


async def _date_calculation(step: Step, lot: Lot) -> None:
    """Hours are computed when the step is taken: the calculation says so."""
    if lot.calculation is not None:
        computed_at = step.moment.isoformat()
        await step.restamp(lot, calculation={**lot.calculation, "computed_at": computed_at})


async def _lot(
    session: AsyncSession, facilitator: User, tender: Tender, number: int, spec: DemoLot
) -> Lot:
    cleaning = spec.cpv.startswith("9091")
    return await lots.create_lot(
        session,
        facilitator,
        tender,
        LotCreate(
            number=number,
            title=spec.title,
            trade=spec.trade,
            cpv_code=spec.cpv,
            estimated_amount=Decimal(spec.amount),
            duration_months=spec.months,
            considerations=[ConsiderationIn(kind=ConsiderationKind.insertion_clause)],
            calculation_method="cleaning" if cleaning else "generic",  # type: ignore[arg-type]
            taken_over_monthly_hours=Decimal("150") if cleaning else None,
            penalty_per_missing_hour=PENALTY_PER_MISSING_HOUR,
        ),
    )


async def _decide(
    story: Story,
    facilitator: User,
    tender: Tender,
    lot: Lot,
    spec: DemoLot,
    organisations: dict[str, Organisation],
    today: date,
) -> date | None:
    """Award the lot or close it as unsuccessful, as its spec says, on the day decided."""
    decision = spec.decision
    if decision is None:
        return None
    decided_on = today - timedelta(days=decision.days_ago)
    async with story.step(decided_on, facilitator) as step:
        if isinstance(decision, Unsuccessful):
            await lots.set_outcome(
                story.session,
                facilitator,
                tender,
                lot,
                LotOutcomeIn(
                    outcome=LotOutcome.unsuccessful, decided_on=decided_on, reason=decision.reason
                ),
            )
            return decided_on
        consortium = len(decision.members) > 1
        await awards.award_lot(
            story.session,
            facilitator,
            tender,
            lot,
            AwardIn(
                awarded_amount=Decimal(decision.amount),
                notification_date=decided_on,
                consortium_type=ConsortiumType.several if consortium else ConsortiumType.none,
                members=[
                    AwardMemberIn(
                        enterprise_id=organisations[key].id, is_mandatary=consortium and rank == 0
                    )
                    for rank, key in enumerate(decision.members)
                ],
                subcontractors=[
                    SubcontractorIn(enterprise_id=organisations[key].id, amount=Decimal(amount))
                    for key, amount in decision.subcontractors
                ],
            ),
        )
        await _date_calculation(step, lot)  # the hours follow the awarded amount
    return decided_on
