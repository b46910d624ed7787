"""Demo data for scenario A (domain/scenarios.md): an NPNRU operation with a 5 % target,
tenders of the agglomeration and of two social landlords, lots of different trades, and every
stage of a tender's life: a draft, a published tender partly awarded, an awarded one, and one
in execution for months with a consortium, an SIAE, an adapted enterprise and a lot declared
unsuccessful.

Dates count back from the day the demo is loaded, so every stage exists whatever the day; each
step is recorded on its day by the account that took it (`demo_story`).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from levier.auth.permissions import Role
from levier.core import clock
from levier.demo_story import Step, Story
from levier.demo_tender_specs import SCENARIO_A, DemoLot, Unsuccessful
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
    LotCreate,
    LotOutcomeIn,
    OperationCreate,
    SubcontractorIn,
    TenderCreate,
)
from levier.territories.models import TerritoryLevel
from levier.territories.schemas import TerritoryRef
from levier.users.models import User

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
                        enterprise_id=organisations[key].id,
                        is_mandatary=consortium and rank == 0,
                        amount=Decimal(decision.shares[rank]) if decision.shares else None,
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
