"""Demo data for scenario B (domain/scenarios.md): about 40 participants across two referents'
portfolios in a PLIE network, with pathways at every stage and exits in each category.

Dates are relative to the day the demo is loaded, so the data always looks current.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.core import clock
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


async def seed_scenario_b(
    session: AsyncSession,
    structure: Organisation,
    facilitator: User,
    referents: list[User],
    enterprise: Organisation,
) -> None:
    """Participants, eligibility, pathways and exits for two referents (the caller commits)."""
    today = clock.today()
    awarded = await _awarded_lot(session, enterprise)
    facilitator_scope = participants_scope.Scope(facilitator)
    stories = itertools.cycle(STORIES)
    for index, (last_name, first_name, gender) in enumerate(PEOPLE):
        referent = referents[index % 2]
        scope = participants_scope.Scope(referent)
        age = 19 + (index * 7) % 38
        created = await participants_identity.create(
            session,
            scope,
            ParticipantCreate(
                last_name=last_name,
                first_names=first_name,
                birth_date=date(today.year - age, 1 + index % 12, 1 + index % 27),
                gender=gender,
                commune_code=COMMUNES[index % len(COMMUNES)],
                qpv=index % 3 != 2,
                phone=f"06 {10 + index:02d} 20 30 40",
                structure_id=structure.id,
                health_consent=index % 10 == 4,
            ),
        )
        participant = await participants_scope.get(session, scope, created.id)
        story = next(stories)
        entry = today - timedelta(days=40 + (index * 23) % 420)
        if index % 6 != 5:  # a few still wait in the facilitator's validation queue
            await eligibility.validate(
                session,
                facilitator_scope,
                participant,
                EligibilityCreate(
                    criterion=CRITERIA[index % len(CRITERIA)],  # type: ignore[arg-type]
                    validated_on=entry,
                    evidence_type="france_travail_certificate",  # type: ignore[arg-type]
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
        if story == "clause" and awarded is not None and not participant.qpv:
            # The operation hires QPV residents first; the facilitator lets this person in.
            await clause_entry.grant(
                session,
                facilitator_scope,
                participant,
                awarded[0].id,
                "Habite à la limite du quartier prioritaire ; recrutement validé avec le "
                "bailleur et l'ANRU.",
            )
        if story != "new":
            await _play(
                session, scope, participant, story, entry, index, awarded, enterprise, today
            )


async def _play(
    session: AsyncSession,
    scope: participants_scope.Scope,
    participant: Participant,
    story: str,
    entry: date,
    index: int,
    awarded: tuple[Lot, date] | None,
    enterprise: Organisation,
    today: date,
) -> None:
    """One person's pathway according to their story."""
    pathway = await pathways.start(session, scope, participant, PathwayCreate(entry_date=entry))

    async def step(
        kind: StepKind, offset: int, not_before: date | None = None, **details: object
    ) -> None:
        start = max(entry + timedelta(days=offset), not_before or entry)
        await pathways.add_step(
            session,
            scope,
            participant,
            pathway,
            StepCreate(kind=kind, start_date=min(start, today), **details),  # type: ignore[arg-type]
        )

    await step(StepKind.diagnosis, 0)
    if story == "diagnosis":
        return
    await step(StepKind.support, 7)
    if story in {"training", "clause", "employment"} or story.startswith("exit"):
        await step(
            StepKind.training,
            14,
            end_date=entry + timedelta(days=35),
            qualification_level="3",
        )
    if story == "immersion":
        await step(StepKind.immersion, 14, end_date=entry + timedelta(days=24))
    if story == "clause" and awarded is not None:
        lot, notified_on = awarded
        await step(
            StepKind.clause_assignment,
            36,
            not_before=notified_on + timedelta(days=14),  # hired once the works have started
            contract_kind=ContractKind.cddi,
            employer=enterprise.name,
            hours_per_week=Decimal("26"),
            lot_id=lot.id,
            enterprise_id=enterprise.id,
        )
    if story == "employment":
        await step(
            StepKind.employment,
            36,
            contract_kind=ContractKind.cdd,
            employer="Propreté Touraine",
            hours_per_week=Decimal("35"),
        )
    if story.startswith("exit"):
        situation = ExitSituation(story.split(":", 1)[1])
        exit_date = min(entry + timedelta(days=40 + index), today)
        await pathways.close(
            session,
            scope,
            participant,
            pathway,
            ExitCreate(exit_date=exit_date, situation=situation),
        )
        follow_up = exit_date + timedelta(days=190)
        if follow_up <= today and situation != ExitSituation.moving_away:
            await pathways.follow_up(
                session,
                scope,
                participant,
                pathway,
                FollowUpCreate(follow_up_date=follow_up, situation=ExitSituation.cdi),
            )
