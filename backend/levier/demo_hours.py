"""Demo data: the monthly hours of the demo's assignments, dated from today.

For each assignment under way, every month already over is declared by its employer early
the next month and validated by the facilitator a few days later; last month waits in the
validation queue, and one month was rejected once (the employer corrected it). Contracts
that reached their planned end are ended (one person kept on)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlmodel import col

from levier.assignments import scope as assignments_scope
from levier.assignments import service as assignments_service
from levier.assignments.constants import EndReason
from levier.assignments.models import Assignment
from levier.assignments.schemas import AssignmentEnd
from levier.core import clock
from levier.demo_story import Story
from levier.hours import service as hours_service
from levier.hours.models import HoursDeclaration
from levier.hours.schemas import HoursCreate, HoursRejection, HoursUpdate
from levier.participants import scope as participants_scope
from levier.users.models import User

# Share of the weekly hours worked, month by month (leave, bad weather, a public holiday).
SHARES = [Decimal("4.1"), Decimal("4.3"), Decimal("3.6"), Decimal("4.4"), Decimal("3.9")]


def next_month(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1)


async def _declared_early(
    story: Story,
    employer: participants_scope.Scope,
    assignment: Assignment,
    month: date,
    hours: Decimal,
) -> HoursDeclaration:
    """The employer declares the month two days into the next one (today at the latest)."""
    following = next_month(month)
    day = min(following + timedelta(days=2), clock.today())
    async with story.step(day, employer.user) as step:
        declaration = await hours_service.declare(
            story.session,
            employer,
            HoursCreate(assignment_id=assignment.id, month=month.strftime("%Y-%m"), hours=hours),
        )
        await step.restamp(declaration, declared_at=step.moment)
    return declaration


async def declare_month(
    story: Story,
    employer: participants_scope.Scope,
    validator: participants_scope.Scope,
    assignment: Assignment,
    month: date,
    hours: Decimal,
    waiting: bool = False,
) -> None:
    """The employer declares the month early the next month; the facilitator validates it a
    few days later, unless it still `waiting` in the queue (the month just over)."""
    session, today = story.session, clock.today()
    following = next_month(month)
    declaration = await _declared_early(story, employer, assignment, month, hours)
    if waiting:
        return
    async with story.step(min(following + timedelta(days=7), today), validator.user) as step:
        declaration = await hours_service.validate(session, validator, declaration)
        await step.restamp(declaration, decided_at=step.moment)


async def _rejected_once(
    story: Story,
    employer: participants_scope.Scope,
    validator: participants_scope.Scope,
    assignment: Assignment,
    month: date,
    hours: Decimal,
) -> None:
    """A month the facilitator rejects (the signed statement says less), the employer
    corrects the next day and the facilitator then validates."""
    session, today = story.session, clock.today()
    following = next_month(month)
    declaration = await _declared_early(story, employer, assignment, month, hours)
    decided_on = min(following + timedelta(days=7), today)
    async with story.step(decided_on, validator.user) as step:
        declaration = await hours_service.reject(
            session,
            validator,
            declaration,
            HoursRejection(reason="Le relevé signé indique 8 heures de moins."),
        )
        await step.restamp(declaration, decided_at=step.moment)
    async with story.step(min(decided_on + timedelta(days=1), today), employer.user) as step:
        declaration = await hours_service.correct(
            session, employer, declaration, HoursUpdate(hours=hours - 8)
        )
        await step.restamp(declaration, declared_at=step.moment)
    async with story.step(min(decided_on + timedelta(days=2), today), validator.user) as step:
        declaration = await hours_service.validate(session, validator, declaration)
        await step.restamp(declaration, decided_at=step.moment)


async def seed_hours(story: Story, facilitator: User, enterprise: User) -> None:
    """Declarations of the enterprise's assignments, decided by the facilitator (the caller
    commits)."""
    session, today = story.session, clock.today()
    this_month = today.replace(day=1)
    employer = participants_scope.Scope(enterprise)
    validator = participants_scope.Scope(facilitator)
    statement = (
        select(Assignment)
        .where(col(Assignment.employer_id) == enterprise.organisation_id)
        .order_by(col(Assignment.start_date), col(Assignment.id))
    )
    assignments = list((await session.execute(statement)).scalars())
    for rank, assignment in enumerate(assignments):
        month = assignment.start_date.replace(day=1)
        last_day = assignment.planned_end_date or today
        index = 0
        while month < this_month and month <= last_day:
            following = next_month(month)
            hours = (assignment.hours_per_week * SHARES[(index + rank) % len(SHARES)]).quantize(
                Decimal("1")
            )
            last = following == this_month
            if rank == 0 and index == 1 and not last:
                await _rejected_once(story, employer, validator, assignment, month, hours)
            else:
                await declare_month(story, employer, validator, assignment, month, hours, last)
            month = following
            index += 1
        if assignment.planned_end_date is not None and assignment.planned_end_date < today:
            # The contract reached its planned end: the first person was kept on.
            reason = EndReason.hired_permanently if rank == 0 else EndReason.contract_end
            async with story.step(assignment.planned_end_date, enterprise):
                await assignments_service.end(
                    session,
                    employer,
                    await assignments_scope.get_assignment(session, employer, assignment.id),
                    AssignmentEnd(ended_on=assignment.planned_end_date, reason=reason),
                )
