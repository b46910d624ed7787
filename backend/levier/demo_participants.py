"""Demo data for scenario B (domain/scenarios.md): about 40 participants across two referents'
portfolios in a PLIE network, with pathways at every stage and exits in each category.

Dates are relative to the day the demo is loaded, so the data always looks current. Each
person lives in a priority neighbourhood (QPV) when their eligibility says so.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.assignments import service as assignments_service
from levier.assignments.constants import FulfilmentMode
from levier.assignments.schemas import AssignmentTerms
from levier.core import clock
from levier.demo_story import Story
from levier.organisations.models import Organisation
from levier.participants import clause_entry, eligibility, pathways
from levier.participants import identity as participants_identity
from levier.participants import scope as participants_scope
from levier.participants.constants import ContractKind, ExitSituation, Gender, StepKind
from levier.participants.models import Participant
from levier.participants.pathway_schemas import (
    ExitCreate,
    FollowUpCreate,
    PathwayCreate,
    StepCreate,
)
from levier.participants.schemas import EligibilityCreate, ParticipantCreate
from levier.tenders.models import AwardMember, Lot, LotAward
from levier.users.models import User

PEOPLE = [
    ("Abdallah", "Yanis", Gender.male),
    ("Bernard", "Léa", Gender.female),
    ("Camara", "Moussa", Gender.male),
    ("Dubois", "Chloé", Gender.female),
    ("Éboué", "Jean-Marc", Gender.male),
    ("Fontaine", "Inès", Gender.female),
    ("Garnier", "Lucas", Gender.male),
    ("Haddou", "Samira", Gender.female),
    ("Idrissi", "Karim", Gender.male),
    ("Joly", "Manon", Gender.female),
    ("Keita", "Aminata", Gender.female),
    ("Lambert", "Hugo", Gender.male),
    ("Mercier", "Sarah", Gender.female),
    ("Nguyen", "Thomas", Gender.male),
    ("Ouattara", "Fatou", Gender.female),
    ("Perrin", "Julien", Gender.male),
    ("Quentin", "Laura", Gender.female),
    ("Roux", "Mehdi", Gender.male),
    ("Sanchez", "Camille", Gender.female),
    ("Traoré", "Ibrahim", Gender.male),
    ("Urbain", "Élodie", Gender.female),
    ("Vidal", "Nicolas", Gender.male),
    ("Weber", "Anaïs", Gender.female),
    ("Yilmaz", "Emre", Gender.male),
    ("Zerrouki", "Nadia", Gender.female),
    ("André", "Kevin", Gender.male),
    ("Blanc", "Océane", Gender.female),
    ("Chevalier", "Bruno", Gender.male),
    ("Diallo", "Mariama", Gender.female),
    ("Etienne", "Paul", Gender.male),
    ("Faure", "Justine", Gender.female),
    ("Gomez", "Rachid", Gender.male),
    ("Henry", "Mélanie", Gender.female),
    ("Jacob", "Steven", Gender.male),
    ("Kone", "Awa", Gender.female),
    ("Leclerc", "Romain", Gender.male),
    ("Marchand", "Sonia", Gender.female),
    ("Noël", "Dylan", Gender.male),
    ("Petit", "Clara", Gender.female),
    ("Renaud", "Patrick", Gender.male),
]
COMMUNES = ["37261", "37122", "37195", "37214", "37233"]
CRITERIA = ["long_term_jobseeker", "young_unqualified", "qpv_resident", "senior_jobseeker"]
QPV_CRITERION = "qpv_resident"
# The homes of those who live in a priority neighbourhood (QPV), in the agglomeration's
# communes that have one (Saint-Cyr-sur-Loire has none): commune, street, neighbourhood.
QPV_HOMES = [
    ("37261", "allée des Tilleuls", "quartier du Sanitas, 37000 Tours"),
    ("37122", "rue de la Rabière", "quartier de la Rabière, 37300 Joué-lès-Tours"),
    ("37233", "place de la Rabaterie", "quartier de la Rabaterie, 37700 Saint-Pierre-des-Corps"),
    ("37195", "rue de Niqueux", "quartier Niqueux-Bruère, 37520 La Riche"),
]
# The document a facilitator sees for a criterion (an attestation of registration otherwise).
EVIDENCE = {QPV_CRITERION: "proof_of_address"}

# What happened to each person, cycled over the list: no pathway yet, pathways at each stage,
# and exits in every category (some confirmed by the +6-month follow-up).
STORIES = [
    "new",
    "diagnosis",
    "training",
    "immersion",
    "clause",
    "employment",
    "exit:cdi",
    "exit:cdd_under_6_months",
    "exit:qualifying_training",
    "exit:no_news",
    "exit:moving_away",
    "exit:interim_6_months_or_more",
    "exit:hired_by_siae",
    "support",
]
REGISTERED_BEFORE_ENTRY = timedelta(days=3)


async def _awarded_lot(session: AsyncSession, enterprise: Organisation) -> tuple[Lot, date] | None:
    """The enterprise's longest-running lot and the day its award was notified."""
    statement = (
        select(Lot, col(LotAward.notification_date))
        .join(LotAward, col(LotAward.lot_id) == Lot.id)
        .join(AwardMember, col(AwardMember.award_id) == LotAward.id)
        .where(col(AwardMember.enterprise_id) == enterprise.id)
        .order_by(col(LotAward.notification_date), col(Lot.number))
        .limit(1)
    )
    row = (await session.execute(statement)).first()
    return None if row is None else (row[0], row[1])


def _home(index: int, in_qpv: bool) -> tuple[str, str | None]:
    """The commune of residence and, for a QPV resident, an address in the neighbourhood."""
    if not in_qpv:
        return COMMUNES[index % len(COMMUNES)], None
    commune, street, neighbourhood = QPV_HOMES[index % len(QPV_HOMES)]
    return commune, f"{2 + index} {street}, {neighbourhood}"


def _hired_on(entry: date, notified_on: date, today: date) -> date:
    """When a clause hire starts: after the training, once the works have started."""
    return min(max(entry + timedelta(days=36), notified_on + timedelta(days=14)), today)


async def seed_scenario_b(
    story: Story,
    structure: Organisation,
    facilitator: User,
    referents: list[User],
    enterprise: Organisation,
) -> None:
    """Participants, eligibility, pathways and exits for two referents: each registered by their
    referent a few days before entering, validated by the facilitator on entry (the caller
    commits)."""
    session = story.session
    today = clock.today()
    awarded = await _awarded_lot(session, enterprise)
    facilitator_scope = participants_scope.Scope(facilitator)
    stories = itertools.cycle(STORIES)
    for index, (last_name, first_name, gender) in enumerate(PEOPLE):
        referent = referents[index % 2]
        scope = participants_scope.Scope(referent)
        age = 19 + (index * 7) % 38
        entry = today - timedelta(days=40 + (index * 23) % 420)
        # A few still wait in the facilitator's validation queue.
        criterion = CRITERIA[index % len(CRITERIA)] if index % 6 != 5 else None
        in_qpv = criterion == QPV_CRITERION or index % 3 != 2
        commune, address = _home(index, in_qpv)
        async with story.step(entry - REGISTERED_BEFORE_ENTRY, referent):
            created = await participants_identity.create(
                session,
                scope,
                ParticipantCreate(
                    last_name=last_name,
                    first_names=first_name,
                    birth_date=date(today.year - age, 1 + index % 12, 1 + index % 27),
                    gender=gender,
                    commune_code=commune,
                    qpv=in_qpv,
                    address=address,
                    phone=f"06 {10 + index:02d} 20 30 40",
                    structure_id=structure.id,
                    health_consent=index % 10 == 4,
                ),
            )
        participant = await participants_scope.get(session, scope, created.id)
        story_of = next(stories)
        async with story.step(entry, facilitator):
            if criterion is not None:
                await eligibility.validate(
                    session,
                    facilitator_scope,
                    participant,
                    EligibilityCreate(
                        criterion=criterion,  # type: ignore[arg-type]
                        validated_on=entry,
                        evidence_type=EVIDENCE.get(criterion, "france_travail_certificate"),  # type: ignore[arg-type]
                        evidence_date=entry,
                    ),
                )
            if index % 10 == 4:
                await eligibility.validate(
                    session,
                    facilitator_scope,
                    participant,
                    EligibilityCreate(
                        criterion="disabled_worker",  # type: ignore[arg-type]
                        validated_on=entry,
                        evidence_type="mdph_notification",  # type: ignore[arg-type]
                    ),
                )
        if story_of == "clause" and awarded is not None and not participant.qpv:
            # The operation hires QPV residents first; the facilitator lets this person in
            # before the hire.
            granted_on = _hired_on(entry, awarded[1], today) - timedelta(days=2)
            async with story.step(granted_on, facilitator) as step:
                exception = await clause_entry.grant(
                    session,
                    facilitator_scope,
                    participant,
                    awarded[0].id,
                    "Habite à la limite du quartier prioritaire ; recrutement validé avec le "
                    "bailleur et l'ANRU.",
                )
                await step.restamp(exception, granted_on=granted_on)
        if story_of != "new":
            await _play(story, scope, participant, story_of, entry, index, awarded, enterprise)


async def _play(
    story: Story,
    scope: participants_scope.Scope,
    participant: Participant,
    plot: str,
    entry: date,
    index: int,
    awarded: tuple[Lot, date] | None,
    enterprise: Organisation,
) -> None:
    """One person's pathway according to their story, each move by the referent on its day."""
    session, today = story.session, clock.today()
    async with story.step(entry, scope.user):
        pathway = await pathways.start(session, scope, participant, PathwayCreate(entry_date=entry))

    async def step(kind: StepKind, start: date, **details: object) -> None:
        start = min(start, today)
        async with story.step(start, scope.user):
            await pathways.add_step(
                session,
                scope,
                participant,
                pathway,
                StepCreate(kind=kind, start_date=start, **details),  # type: ignore[arg-type]
            )

    await step(StepKind.diagnosis, entry)
    if plot == "diagnosis":
        return
    await step(StepKind.support, entry + timedelta(days=7))
    if plot in {"training", "clause", "employment"} or plot.startswith("exit"):
        await step(
            StepKind.training,
            entry + timedelta(days=14),
            end_date=entry + timedelta(days=35),
            qualification_level="3",
        )
    if plot == "immersion":
        await step(
            StepKind.immersion, entry + timedelta(days=14), end_date=entry + timedelta(days=24)
        )
    if plot == "clause" and awarded is not None:
        # The awardee hires the person on its lot: the assignment writes the pathway's step.
        lot, notified_on = awarded
        hired_on = _hired_on(entry, notified_on, today)
        async with story.step(hired_on, scope.user):
            await assignments_service.open_assignment(
                session,
                scope.user.id,
                await participants_scope.get(session, scope, participant.id),
                lot.id,
                AssignmentTerms(
                    mode=FulfilmentMode.direct_hire,
                    host_id=enterprise.id,
                    contract_kind=ContractKind.cdd,
                    start_date=hired_on,
                    planned_end_date=hired_on + timedelta(days=182),
                    hours_per_week=Decimal("26"),
                    job_title="Ouvrier polyvalent du bâtiment",
                ),
            )
    if plot == "employment":
        await step(
            StepKind.employment,
            entry + timedelta(days=36),
            contract_kind=ContractKind.cdd,
            employer="Propreté Touraine",
            hours_per_week=Decimal("35"),
        )
    if plot.startswith("exit"):
        situation = ExitSituation(plot.split(":", 1)[1])
        exit_date = min(entry + timedelta(days=40 + index), today)
        async with story.step(exit_date, scope.user):
            await pathways.close(
                session,
                scope,
                participant,
                pathway,
                ExitCreate(exit_date=exit_date, situation=situation),
            )
        follow_up = exit_date + timedelta(days=190)
        if follow_up <= today and situation != ExitSituation.moving_away:
            async with story.step(follow_up, scope.user):
                await pathways.follow_up(
                    session,
                    scope,
                    participant,
                    pathway,
                    FollowUpCreate(follow_up_date=follow_up, situation=ExitSituation.cdi),
                )
