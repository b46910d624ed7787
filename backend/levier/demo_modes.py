"""Demo data: the fulfilment modes other than the builder's direct hires (domain clauses.md §3),
each recorded by the facilitator on its lot of scenario A, with months of hours declared by
its employer of record and validated by the facilitator (last month waits).

Each assignment's validated hours add up to a share of its lot's required hours, spread over
its months, so each lot stands where the story puts it whatever the day the demo is loaded:
- VLH-REHA-120 lot 2, co-contracting with the SIAE leading the consortium: fulfilled;
- VLH-REHA-120 lot 4, a temp worker through the ETTI and a training beyond the training cap,
  whose works ended short of the hours: defaulted;
- NPNRU-RAB-01 lot 1, a placement through the GEIQ and the SIAE subcontractor's own hours
  (which replace the conversion of its amount): on track;
- TL-SANITAS-24 lot 2, a temp worker who started late on a recent lot: behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal

from sqlalchemy import select
from sqlmodel import col

from levier.assignments import scope as assignments_scope
from levier.assignments import service as assignments_service
from levier.assignments.constants import ContractKind, EndReason, FulfilmentMode
from levier.assignments.models import Assignment
from levier.assignments.schemas import AssignmentCreate, AssignmentEnd
from levier.core import clock
from levier.demo_hours import SHARES, declare_month, next_month
from levier.demo_story import Story
from levier.organisations.models import Organisation
from levier.participants import eligibility, pathways
from levier.participants import scope as participants_scope
from levier.participants.models import Participant
from levier.tenders.constants import EligibilityRestriction
from levier.tenders.models import Lot, LotAward, Tender
from levier.users.models import User

LOT_END = -1  # `months`: the assignment runs until the lot's execution ends


@dataclass(frozen=True)
class DemoAssignment:
    """One person's work on a lot: `host` and `employer` are organisation keys (no employer:
    the host declares, as for a training); the start counts from the award's notification;
    `share` is the share of the lot's required hours its validated months add up to."""

    tender: str
    lot: int
    mode: FulfilmentMode
    host: str
    employer: str | None
    contract: ContractKind | None
    job_title: str
    hours_per_week: str
    starts_after: int
    months: int
    share: str
    end_reason: EndReason | None = None


ASSIGNMENTS = [
    DemoAssignment(
        "VLH-REHA-120",
        2,
        FulfilmentMode.co_contracting,
        "insertion_enterprise",
        None,
        ContractKind.cddi,
        "Plaquiste en parcours d'insertion",
        "26",
        15,
        12,
        "1.04",
    ),
    DemoAssignment(
        "VLH-REHA-120",
        4,
        FulfilmentMode.temporary_work,
        "builder",
        "temp_agency",
        None,
        "Aide-électricien (mission d'intérim)",
        "14",
        20,
        LOT_END,
        "0.45",
        EndReason.work_finished,
    ),
    DemoAssignment(
        "VLH-REHA-120",
        4,
        FulfilmentMode.training,
        "builder",
        None,
        None,
        "Formation pré-qualifiante d'électricien du bâtiment",
        "10",
        16,
        6,
        "0.5",  # beyond the training cap (30 % of the required hours by default)
        EndReason.contract_end,
    ),
    DemoAssignment(
        "NPNRU-RAB-01",
        1,
        FulfilmentMode.placement,
        "builder",
        "geiq",
        ContractKind.professionalisation,
        "Canalisateur en contrat de professionnalisation",
        "21",
        18,
        14,
        "0.4",
    ),
    DemoAssignment(
        "NPNRU-RAB-01",
        1,
        FulfilmentMode.subcontracting,
        "insertion_enterprise",
        None,
        ContractKind.cddi,
        "Ouvrier VRD en parcours d'insertion",
        "17",
        25,
        12,
        "0.3",
    ),
    DemoAssignment(
        "TL-SANITAS-24",
        2,
        FulfilmentMode.temporary_work,
        "builder",
        "temp_agency",
        None,
        "Monteur en charpente métallique (mission d'intérim)",
        "12",
        3,
        4,
        "0.05",
    ),
]


async def _lots(story: Story) -> dict[tuple[str, int], tuple[Lot, date]]:
    """The demo's awarded lots by tender reference and number, with the award's notification."""
    statement = (
        select(Lot, col(Tender.reference), col(LotAward.notification_date))
        .join(Tender, col(Tender.id) == col(Lot.tender_id))
        .join(LotAward, col(LotAward.lot_id) == col(Lot.id))
    )
    rows = (await story.session.execute(statement)).all()
    return {(reference, lot.number): (lot, notified) for lot, reference, notified in rows}


async def _people(story: Story, facilitator: User, referents: list[User]) -> list[Participant]:
    """The structure's people with an open pathway and no clause assignment yet, those of the
    later referents first (the first one's people are proposed for the offers), longest in
    their pathway first; one statement."""
    statement = (
        select(Participant)
        .where(
            col(Participant.structure_id) == facilitator.organisation_id,
            col(Participant.referent_id).in_([referent.id for referent in referents]),
        )
        .options(*participants_scope.with_steps())
    )
    rank = {referent.id: index for index, referent in enumerate(reversed(referents))}
    people = []
    for person in (await story.session.execute(statement)).unique().scalars():
        pathway = pathways.open_pathway(person)
        if pathway is None or any(step.kind == "clause_assignment" for step in pathway.steps):
            continue
        people.append((rank[person.referent_id], pathway.entry_date, person.search_name, person))
    return [person for *_, person in sorted(people, key=lambda row: row[:3])]


def _admitted(person: Participant, start: date) -> bool:
    """Entered before the start, eligible on it and living in a QPV (the operation's rule)."""
    pathway = pathways.open_pathway(person)
    restriction = EligibilityRestriction.qpv_residents
    return (
        pathway is not None
        and pathway.entry_date < start
        and eligibility.status(person, start, restriction).eligible
    )


def monthly_hours(
    months: list[date], waiting: int, total: Decimal, weekly: Decimal
) -> list[Decimal]:
    """`total` spread over the months but the `waiting` last ones by the usual monthly shares
    (whole hours, the remainder on the last validated month); a waiting month as usual."""
    validated = len(months) - waiting
    weights = [SHARES[index % len(SHARES)] for index in range(validated)]
    hours = [(total * w / sum(weights)).quantize(Decimal("1"), ROUND_DOWN) for w in weights]
    if hours:
        hours[-1] += total - sum(hours)
    usual = (weekly * SHARES[validated % len(SHARES)]).quantize(Decimal("1"))
    return hours + [usual] * waiting


async def seed_modes(
    story: Story,
    organisations: dict[str, Organisation],
    facilitator: User,
    referents: list[User],
    employers: dict[str, User],
) -> list[Assignment]:
    """Record the assignments, declare and validate their hours, end those over (the caller
    commits). `employers` gives an account by organisation key. Returns the assignments."""
    session, today = story.session, clock.today()
    lots = await _lots(story)
    people = await _people(story, facilitator, referents)
    validator = participants_scope.Scope(facilitator)
    recorded = []
    for spec in ASSIGNMENTS:
        lot, notified = lots[(spec.tender, spec.lot)]
        assert lot.required_hours
        lot_end = clock.months_after(notified, lot.duration_months)
        start = min(notified + timedelta(days=spec.starts_after), today)
        planned_end = lot_end if spec.months == LOT_END else clock.months_after(start, spec.months)
        person = next(p for p in people if _admitted(p, start))
        people.remove(person)
        async with story.step(start, facilitator):
            assignment = await assignments_service.record(
                session,
                validator,
                AssignmentCreate(
                    participant_id=person.id,
                    lot_id=lot.id,
                    mode=spec.mode,
                    host_id=organisations[spec.host].id,
                    employer_id=organisations[spec.employer].id if spec.employer else None,
                    contract_kind=spec.contract,
                    start_date=start,
                    planned_end_date=planned_end,
                    hours_per_week=Decimal(spec.hours_per_week),
                    job_title=spec.job_title,
                ),
            )
        declarer = employers[spec.employer or spec.host]
        employer = participants_scope.Scope(declarer)
        this_month, months = today.replace(day=1), []
        month = start.replace(day=1)
        while month < this_month and month <= planned_end:
            months.append(month)
            month = next_month(month)
        # Last month's hours wait in the facilitator's queue.
        waiting = 1 if months and next_month(months[-1]) == this_month else 0
        total = (lot.required_hours * Decimal(spec.share)).quantize(Decimal("0.5"))
        hours = monthly_hours(months, waiting, total, assignment.hours_per_week)
        for rank, (month, worked) in enumerate(zip(months, hours, strict=True)):
            last = rank >= len(months) - waiting
            await declare_month(story, employer, validator, assignment, month, worked, last)
        if spec.end_reason is not None and planned_end < today:
            async with story.step(planned_end, declarer):
                await assignments_service.end(
                    session,
                    employer,
                    await assignments_scope.get_assignment(session, employer, assignment.id),
                    AssignmentEnd(ended_on=planned_end, reason=spec.end_reason),
                )
        recorded.append(assignment)
    return recorded
