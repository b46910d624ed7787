"""The SQL behind every compliance figure: a fixed handful of grouped statements for any set of
lots (one lot's read, a dashboard page, a roll-up, a series), however many lots or hours.

1. the lots themselves with their tender, award, lead awardee and pooling (one row a lot),
   the lots asked for plus the other lots of their pools (pooling needs the whole pool);
2. hours summed by lot, mode, status, employer and host (and month for a series);
3. the SIAE / EA / ESAT subcontractors and co-contractors and their amounts (conversion);
4. the structures' clause settings (training cap, labour share and hourly cost defaults);
5. distinct people by lot and their profile (and across all the lots, for roll-ups).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import and_, case, func, literal, or_, select, union
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlmodel import col

from levier.assignments.constants import INCLUSIVE_KINDS, FulfilmentMode
from levier.assignments.models import Assignment
from levier.clauses.constants import (
    DEFAULT_HOURLY_COST,
    DEFAULT_LABOUR_SHARE,
    DEFAULT_TRAINING_CAP_SHARE,
)
from levier.clauses.models import ClauseSettings
from levier.compliance.models import Pooling
from levier.core import clock
from levier.hours.constants import HoursStatus
from levier.hours.models import HoursDeclaration
from levier.organisations.models import Organisation
from levier.participants.models import Participant
from levier.tenders.constants import TenderStatus
from levier.tenders.models import AwardMember, Lot, LotAward, Subcontractor, Tender


# Rows are named tuples: immutable like frozen dataclasses, but built several times faster
# (a structure's roll-up builds 4 000 lot rows and 10 000 hour rows; bench/README.md).
class LotRow(NamedTuple):
    id: uuid.UUID
    tender_id: uuid.UUID
    tender_reference: str
    number: int
    title: str
    structure_id: uuid.UUID
    buyer_id: uuid.UUID
    buyer_name: str
    operation_id: uuid.UUID | None
    required_hours: int | None
    duration_months: int
    labour_share: Decimal | None
    hourly_cost: Decimal | None
    calculation: dict[str, Any] | None
    notification_date: date | None
    awardee_id: uuid.UUID | None
    awardee_name: str | None
    pooling_id: uuid.UUID | None


class HoursRow(NamedTuple):
    lot_id: uuid.UUID
    mode: str
    status: str
    employer_id: uuid.UUID | None
    host_id: uuid.UUID
    month: date | None
    hours: Decimal


@dataclass(frozen=True)
class SubcontractRow:
    lot_id: uuid.UUID
    enterprise_id: uuid.UUID
    enterprise_name: str
    amount: Decimal
    mode: str  # subcontracting, or co_contracting for a consortium member


@dataclass(frozen=True)
class Settings:
    training_cap_share: Decimal = DEFAULT_TRAINING_CAP_SHARE
    hourly_cost: Decimal = DEFAULT_HOURLY_COST
    default_labour_share: Decimal = DEFAULT_LABOUR_SHARE


@dataclass(frozen=True)
class PeopleRow:
    total: int
    women: int
    qpv: int
    under_26: int
    over_50: int


# Built once: an alias's column collection costs more to set up than the whole statement that
# uses it (lot_rows ran at a third of a small roll-up's time when it aliased on every call).
BUYER = aliased(Organisation, name="buyer")
AWARDEE = aliased(Organisation, name="awardee")


def compliance_lots() -> Any:
    """Lots with a clause (required hours) of tenders not cancelled, not closed without an
    awardee: a select of lot ids joined to their tender, to which scope and filters add."""
    return (
        select(col(Lot.id))
        .join(Tender, col(Tender.id) == col(Lot.tender_id))
        .where(
            Lot.required_hours.is_not(None),  # type: ignore[union-attr]
            col(Lot.outcome).is_(None),
            col(Tender.status) != TenderStatus.cancelled.value,
        )
    )


def _lead_member() -> Any:
    """The award member who leads: the single awardee, or the consortium's mandatary."""
    return and_(
        col(AwardMember.award_id) == col(LotAward.id),
        or_(col(AwardMember.is_mandatary).is_(True), col(LotAward.consortium_type) == "none"),
    )


def _pools_of(lot_ids: Any) -> Any:
    """The poolings that cover some of the lots: their operation and lead awardee."""
    return (
        select(col(Pooling.id))
        .select_from(Lot)
        .join(Tender, col(Tender.id) == col(Lot.tender_id))
        .join(LotAward, col(LotAward.lot_id) == col(Lot.id))
        .join(AwardMember, _lead_member())
        .join(
            Pooling,
            and_(
                col(Pooling.operation_id) == col(Tender.operation_id),
                col(Pooling.enterprise_id) == col(AwardMember.enterprise_id),
            ),
        )
        .where(col(Lot.id).in_(lot_ids))
    )


async def lot_rows(session: AsyncSession, lot_ids: Any) -> list[LotRow]:
    """The lots of `lot_ids` (a select of ids) and every other lot of their pools."""
    base = compliance_lots()
    pooled = base.join(LotAward, col(LotAward.lot_id) == col(Lot.id)).join(
        AwardMember, _lead_member()
    )
    pooled = pooled.join(
        Pooling,
        and_(
            col(Pooling.operation_id) == col(Tender.operation_id),
            col(Pooling.enterprise_id) == col(AwardMember.enterprise_id),
        ),
    ).where(col(Pooling.id).in_(_pools_of(lot_ids)))
    wanted = union(select(lot_ids.subquery().c[0]), pooled).subquery()
    buyer, awardee = BUYER, AWARDEE
    columns: list[Any] = [
        col(Lot.id),
        col(Lot.tender_id),
        col(Tender.reference),
        col(Lot.number),
        col(Lot.title),
        col(Tender.structure_id),
        col(Tender.buyer_id),
        buyer.name,
        col(Tender.operation_id),
        Lot.required_hours,
        col(Lot.duration_months),
        col(Lot.labour_share),
        col(Lot.hourly_cost),
        col(Lot.calculation),
        col(LotAward.notification_date),
        col(AwardMember.enterprise_id),
        awardee.name,
        col(Pooling.id),
    ]
    statement = (
        select(*columns)
        .join(Tender, col(Tender.id) == col(Lot.tender_id))
        .join(buyer, col(buyer.id) == col(Tender.buyer_id))
        .outerjoin(LotAward, col(LotAward.lot_id) == col(Lot.id))
        .outerjoin(AwardMember, _lead_member())
        .outerjoin(awardee, col(awardee.id) == col(AwardMember.enterprise_id))
        .outerjoin(
            Pooling,
            and_(
                col(Pooling.operation_id) == col(Tender.operation_id),
                col(Pooling.enterprise_id) == col(AwardMember.enterprise_id),
            ),
        )
        .where(col(Lot.id).in_(select(wanted.c[0])))
    )
    return [LotRow(*row) for row in (await session.execute(statement)).all()]


async def hour_rows(
    session: AsyncSession, lot_ids: list[uuid.UUID], on: date, by_month: bool = False
) -> list[HoursRow]:
    """Validated and waiting hours of the months begun by `on`, summed by lot, mode, status,
    employer and host (and month)."""
    keys = [
        col(HoursDeclaration.lot_id),
        col(Assignment.mode),
        col(HoursDeclaration.status),
        col(HoursDeclaration.employer_id),
        col(Assignment.host_id),
    ]
    if by_month:
        keys.append(col(HoursDeclaration.month))
    statement = (
        select(*keys, func.sum(HoursDeclaration.hours))
        .join(Assignment, col(Assignment.id) == col(HoursDeclaration.assignment_id))
        .where(
            col(HoursDeclaration.lot_id).in_(lot_ids),
            # The same lots on the assignments (the declaration copies its assignment's lot):
            # lets PostgreSQL read only those lots' assignments by `ix_assignments_lot`
            # instead of hashing all of them (bench/README.md, fulfilment_scale.py).
            col(Assignment.lot_id).in_(lot_ids),
            col(HoursDeclaration.month) <= on,
            col(HoursDeclaration.status).in_([HoursStatus.validated, HoursStatus.declared]),
        )
        .group_by(*keys)
    )
    rows = []
    row: Any
    for row in (await session.execute(statement)).all():
        lot_id, mode, status, employer_id, host_id = row[:5]
        month = row[5] if by_month else None
        rows.append(HoursRow(lot_id, mode, status, employer_id, host_id, month, Decimal(row[-1])))
    return rows


async def subcontract_rows(session: AsyncSession, lot_ids: list[uuid.UUID]) -> list[SubcontractRow]:
    """The SIAE, EA or ESAT enterprises working on the lots for an amount: declared
    subcontractors (subcontracting) and consortium members with a declared share
    (co-contracting)."""
    inclusive = col(Organisation.enterprise_kind).in_([k.value for k in INCLUSIVE_KINDS])
    subcontractors = (
        select(
            col(LotAward.lot_id),
            col(Subcontractor.enterprise_id),
            col(Organisation.name),
            col(Subcontractor.amount),
            literal(FulfilmentMode.subcontracting.value),
        )
        .join(LotAward, col(LotAward.id) == col(Subcontractor.award_id))
        .join(Organisation, col(Organisation.id) == col(Subcontractor.enterprise_id))
        .where(col(LotAward.lot_id).in_(lot_ids), inclusive)
    )
    co_contractors = (
        select(
            col(LotAward.lot_id),
            col(AwardMember.enterprise_id),
            col(Organisation.name),
            col(AwardMember.amount),
            literal(FulfilmentMode.co_contracting.value),
        )
        .join(LotAward, col(LotAward.id) == col(AwardMember.award_id))
        .join(Organisation, col(Organisation.id) == col(AwardMember.enterprise_id))
        .where(
            col(LotAward.lot_id).in_(lot_ids),
            inclusive,
            col(AwardMember.amount).is_not(None),
            col(LotAward.consortium_type) != "none",
        )
    )
    both = union(subcontractors, co_contractors).subquery()
    statement = select(*both.c).order_by(both.c[4].desc(), both.c[2], both.c[1])
    return [
        SubcontractRow(lot_id, enterprise_id, name, Decimal(amount), mode)
        for lot_id, enterprise_id, name, amount, mode in (await session.execute(statement)).all()
    ]


async def settings_of(
    session: AsyncSession, structure_ids: set[uuid.UUID]
) -> dict[uuid.UUID, Settings]:
    """Each structure's settings the figures use (the defaults where it has none yet)."""
    found = await session.execute(
        select(
            col(ClauseSettings.organisation_id),
            col(ClauseSettings.training_cap_share),
            col(ClauseSettings.hourly_cost),
            col(ClauseSettings.default_labour_share),
        ).where(col(ClauseSettings.organisation_id).in_(structure_ids))
    )
    settings = dict.fromkeys(structure_ids, Settings())
    settings.update({row[0]: Settings(*row[1:]) for row in found.all()})
    return settings


def _profile_columns(on: date) -> list[Any]:
    under_26 = clock.years_before(on, 26)
    over_50 = clock.years_before(on, 50)

    def count_of(condition: Any) -> Any:
        return func.sum(case((condition, 1), else_=0))

    return [
        func.count(col(Participant.id)),
        count_of(col(Participant.gender) == "female"),
        count_of(col(Participant.qpv).is_(True)),
        count_of(col(Participant.birth_date) > under_26),
        count_of(col(Participant.birth_date) <= over_50),
    ]


def _people_row(values: Any) -> PeopleRow:
    return PeopleRow(*(int(v or 0) for v in values))


async def people_by_lot(
    session: AsyncSession, lot_ids: list[uuid.UUID], on: date
) -> dict[uuid.UUID, PeopleRow]:
    """Distinct people assigned to each lot by `on`, and how many of them are women, QPV
    residents, under 26 and over 50 (ages on the date)."""
    assigned = (
        select(col(Assignment.lot_id), col(Assignment.participant_id))
        .where(col(Assignment.lot_id).in_(lot_ids), col(Assignment.start_date) <= on)
        .distinct()
        .subquery()
    )
    statement = (
        select(assigned.c.lot_id, *_profile_columns(on))
        .join(Participant, col(Participant.id) == assigned.c.participant_id)
        .group_by(assigned.c.lot_id)
    )
    rows = (await session.execute(statement)).all()
    return {row[0]: _people_row(row[1:]) for row in rows}


async def people_across(session: AsyncSession, lot_ids: Any, on: date) -> PeopleRow:
    """Distinct people assigned by `on` to any of the lots (a select of ids)."""
    people = select(col(Assignment.participant_id)).where(
        col(Assignment.lot_id).in_(lot_ids), col(Assignment.start_date) <= on
    )
    statement = select(*_profile_columns(on)).where(col(Participant.id).in_(people))
    return _people_row((await session.execute(statement)).one())
