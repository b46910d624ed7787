"""The follow-up items, derived in SQL from the records they are about, each in the caller's
scope through its own domain's `readable` rule (one statement per kind, whatever their number).

Each item has a subject, the organisation that acts next by default (the awardee, the
employer, the structure) and the day its next action is due. A kind is derived only for a
caller holding the permission of the records it shows (`SOURCE`): a buyer follows lots and
clauses, never people (`sources`). A key narrows a derivation to one item (loading it by its key).
Monthly hours are in `hours_items`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlmodel import col

from levier.assignments import scope as assignment_scope
from levier.assignments.models import Assignment
from levier.compliance import service as compliance_service
from levier.compliance.figures import figures_at
from levier.documents.constants import ReportStatus
from levier.documents.models import AssignmentReport
from levier.followups import constants as c
from levier.followups.constants import FollowUpKind
from levier.followups.keys import Key
from levier.offers.models import Offer
from levier.organisations.models import Organisation
from levier.participants.models import Participant
from levier.participants.scope import Scope
from levier.referrals import scope as referral_scope
from levier.referrals.constants import ReferralStatus
from levier.referrals.models import Referral
from levier.tenders.constants import FROZEN_STATUSES
from levier.tenders.models import AwardMember, Lot, LotAward, Subcontractor, Tender
from levier.tenders.scope import lots_readable

ENTERPRISE = aliased(Organisation, name="enterprise")
STRUCTURE = aliased(Organisation, name="structure")
COMEMBER = aliased(AwardMember, name="comember")


@dataclass(frozen=True)
class Item:
    """One thing to do: what, about what, who acts by default, by when, and what it shows."""

    key: Key
    structure_id: uuid.UUID
    owner_id: uuid.UUID
    owner_name: str
    due_on: date
    lot_id: uuid.UUID | None = None
    tender_id: uuid.UUID | None = None
    tender_reference: str | None = None
    lot_number: int | None = None
    lot_title: str | None = None
    enterprise_id: uuid.UUID | None = None
    enterprise_name: str | None = None
    participant_id: uuid.UUID | None = None
    person_name: str | None = None
    referral_status: str | None = None
    offer_id: uuid.UUID | None = None
    offer_title: str | None = None
    assignment_id: uuid.UUID | None = None
    month: date | None = None
    count: int | None = None
    counted_hours: Decimal | None = None
    expected_hours: Decimal | None = None
    required_hours: Decimal | None = None


@dataclass(frozen=True)
class Context:
    scope: Scope
    today: date

    @property
    def user(self) -> Any:
        return self.scope.user


def month_after(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1)


def previous_month(today: date) -> date:
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


def lot_columns() -> list[Any]:
    """The lot's facts every item shows, and its structure (labelled as `Item`'s fields)."""
    return [
        col(Lot.id).label("lot_id"),
        col(Lot.tender_id).label("tender_id"),
        col(Tender.reference).label("tender_reference"),
        col(Lot.number).label("lot_number"),
        col(Lot.title).label("lot_title"),
        col(Tender.structure_id).label("structure_id"),
    ]


def with_names(statement: Any, enterprise: Any) -> Any:
    """The names of the structure (its tender's) and of the enterprise (`enterprise`)."""
    return (
        statement.add_columns(
            col(STRUCTURE.name).label("structure_name"),
            col(ENTERPRISE.name).label("enterprise_name"),
        )
        .join(STRUCTURE, col(STRUCTURE.id) == col(Tender.structure_id))
        .join(ENTERPRISE, col(ENTERPRISE.id) == enterprise)
    )


LOT_FACTS = ("lot_id", "tender_id", "tender_reference", "lot_number", "lot_title", "structure_id")


def facts_of(row: Any, *names: str) -> dict[str, Any]:
    values = row._mapping
    return {name: values[name] for name in (*LOT_FACTS, *names)}


def open_tender() -> Any:
    return col(Tender.status).not_in([status.value for status in FROZEN_STATUSES])


def _person(row: Any) -> str:
    return f"{row.first_names} {row.last_name}"


async def offer_missing(session: AsyncSession, ctx: Context, key: Key | None) -> list[Item]:
    """Awarded lots under way with insertion hours and nobody on them yet — no offer, no
    assignment, no inclusive subcontractor or co-contractor whose work counts: the lead
    awardee opens an offer."""
    has_offer = exists().where(col(Offer.lot_id) == col(Lot.id))
    has_people = exists().where(col(Assignment.lot_id) == col(Lot.id))
    inclusive = select(col(Organisation.id)).where(col(Organisation.enterprise_kind).is_not(None))
    has_inclusive = or_(
        exists().where(
            col(Subcontractor.award_id) == col(LotAward.id),
            col(Subcontractor.enterprise_id).in_(inclusive),
        ),
        exists().where(
            col(COMEMBER.award_id) == col(LotAward.id),
            col(COMEMBER.is_mandatary).is_(False),
            col(COMEMBER.enterprise_id).in_(inclusive),
        ),
    )
    statement = (
        select(
            *lot_columns(),
            col(AwardMember.enterprise_id).label("enterprise_id"),
            col(LotAward.notification_date).label("notified_on"),
        )
        .join(Tender, col(Tender.id) == col(Lot.tender_id))
        .join(LotAward, col(LotAward.lot_id) == col(Lot.id))
        .join(
            AwardMember,
            and_(
                col(AwardMember.award_id) == col(LotAward.id),
                col(AwardMember.is_mandatary).is_(True),
            ),
        )
        .where(
            Lot.required_hours > 0,  # type: ignore[operator]
            col(Lot.outcome).is_(None),
            col(LotAward.notification_date) <= ctx.today,
            open_tender(),
            ~has_offer,
            ~has_people,
            ~has_inclusive,
        )
    )
    statement = with_names(statement, col(AwardMember.enterprise_id))
    if key is not None:
        statement = statement.where(col(Lot.id) == key.id)
    rows = (await session.execute(lots_readable(statement, ctx.user))).all()
    return [
        Item(
            key=Key(FollowUpKind.offer_missing, row.lot_id),
            owner_id=row.enterprise_id,
            owner_name=row.enterprise_name,
            due_on=row.notified_on + timedelta(days=c.OFFER_DUE_DAYS),
            **facts_of(row, "enterprise_id", "enterprise_name"),
        )
        for row in rows
    ]


async def referral_answer(session: AsyncSession, ctx: Context, key: Key | None) -> list[Item]:
    """People proposed or met for an offer: the employer answers within a week."""
    waiting = [ReferralStatus.proposed.value, ReferralStatus.interview.value]
    since = func.coalesce(col(Referral.interview_on), col(Referral.status_on))
    statement: Any = (
        select(
            col(Referral.id),
            col(Referral.structure_id),
            col(Referral.enterprise_id),
            col(ENTERPRISE.name).label("enterprise_name"),
            col(Referral.status),
            since.label("since"),
            col(Offer.id).label("offer_id"),
            col(Offer.title).label("offer_title"),
            col(Offer.lot_id),
            col(Offer.tender_id),
            col(Participant.id).label("participant_id"),
            col(Participant.first_names),
            col(Participant.last_name),
        )
        .join(Offer, col(Offer.id) == col(Referral.offer_id))
        .join(ENTERPRISE, col(ENTERPRISE.id) == col(Referral.enterprise_id))
        .join(Participant, col(Participant.id) == col(Referral.participant_id))
        .where(col(Referral.status).in_(waiting))
    )
    if key is not None:
        statement = statement.where(col(Referral.id) == key.id)
    statement = referral_scope.readable(statement, ctx.scope)
    return [
        Item(
            key=Key(FollowUpKind.referral_answer, row.id),
            structure_id=row.structure_id,
            owner_id=row.enterprise_id,
            owner_name=row.enterprise_name,
            due_on=row.since + timedelta(days=c.REFERRAL_DUE_DAYS),
            enterprise_id=row.enterprise_id,
            enterprise_name=row.enterprise_name,
            referral_status=row.status,
            offer_id=row.offer_id,
            offer_title=row.offer_title,
            lot_id=row.lot_id,
            tender_id=row.tender_id,
            participant_id=row.participant_id,
            person_name=_person(row),
        )
        for row in (await session.execute(statement)).all()
    ]


def employer_of_record() -> Any:
    """An assignment's employer of record: its employer (an agency, a GEIQ…), else its host."""
    return func.coalesce(col(Assignment.employer_id), col(Assignment.host_id))


async def _structure_names(session: AsyncSession, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    statement = select(col(Organisation.id), col(Organisation.name)).where(
        col(Organisation.id).in_(ids)
    )
    return {row[0]: row[1] for row in (await session.execute(statement)).all()}


async def clause_behind(session: AsyncSession, ctx: Context, key: Key | None) -> list[Item]:
    """Clauses late today (compliance's own figures for the caller's lots: `behind`, or not
    started with hours due): the structure follows up with the awardee, today."""
    lots = compliance_service.scoped_lots(ctx.user, compliance_service.LotFilters())
    if key is not None:
        lots = lots.where(col(Lot.id) == key.id)
    # The figures of a pooled lot need its pool's other lots, which may be out of scope.
    ids = set((await session.execute(lots)).scalars())
    if not ids:
        return []
    inputs = await compliance_service.load(session, lots, ctx.today)
    behind = [
        figures
        for figures in figures_at(inputs, ctx.today).values()
        if figures.late and figures.row.id in ids and figures.row.awardee_id is not None
    ]
    names = await _structure_names(session, {figures.row.structure_id for figures in behind})
    items = []
    for figures in behind:
        row = figures.row
        items.append(
            Item(
                key=Key(FollowUpKind.clause_behind, row.id),
                structure_id=row.structure_id,
                owner_id=row.structure_id,
                owner_name=names.get(row.structure_id, ""),
                due_on=ctx.today,
                lot_id=row.id,
                tender_id=row.tender_id,
                tender_reference=row.tender_reference,
                lot_number=row.number,
                lot_title=row.title,
                enterprise_id=row.awardee_id,
                enterprise_name=row.awardee_name,
                counted_hours=figures.counted,
                expected_hours=figures.expected,
                required_hours=Decimal(row.required_hours or 0),
            )
        )
    return items


async def report_due(session: AsyncSession, ctx: Context, key: Key | None) -> list[Item]:
    """Ended assignments whose report is not issued: the employer's part first (a fortnight
    after the end), then the structure's (a fortnight after the employer's)."""
    employer = employer_of_record()
    statement = (
        select(
            col(Assignment.id).label("assignment_id"),
            employer.label("enterprise_id"),
            col(Assignment.ended_on),
            col(AssignmentReport.employer_at),
            *lot_columns(),
            col(Participant.id).label("participant_id"),
            col(Participant.first_names),
            col(Participant.last_name),
        )
        .select_from(Assignment)
        .join(Lot, col(Lot.id) == col(Assignment.lot_id))
        .join(Tender, col(Tender.id) == col(Assignment.tender_id))
        .join(Participant, col(Participant.id) == col(Assignment.participant_id))
        .outerjoin(AssignmentReport, col(AssignmentReport.assignment_id) == col(Assignment.id))
        .where(
            col(Assignment.ended_on) <= ctx.today,
            or_(
                col(AssignmentReport.id).is_(None),
                col(AssignmentReport.status) != ReportStatus.issued.value,
            ),
        )
    )
    statement = with_names(statement, employer)
    if key is not None:
        statement = statement.where(col(Assignment.id) == key.id)
    rows = (await session.execute(assignment_scope.readable(statement, ctx.scope))).all()
    items = []
    for row in rows:
        written = row.employer_at
        due = (written.date() if written else row.ended_on) + timedelta(days=c.REPORT_DUE_DAYS)
        items.append(
            Item(
                key=Key(FollowUpKind.report_due, row.assignment_id),
                owner_id=row.structure_id if written else row.enterprise_id,
                owner_name=row.structure_name if written else row.enterprise_name,
                due_on=due,
                participant_id=row.participant_id,
                person_name=_person(row),
                **facts_of(row, "assignment_id", "enterprise_id", "enterprise_name"),
            )
        )
    return items
