"""Awards and amendments (avenants): who won a lot, for how much, with which subcontractors,
and how the amount in force and the hours follow each amendment."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.auth.permissions import Permission
from levier.core.errors import Conflict, FieldChecks, FieldInvalid
from levier.organisations.constants import DISABILITY_KINDS, SIAE_KINDS, OrganisationKind
from levier.organisations.models import Organisation
from levier.tenders.constants import ConsiderationKind, TenderStatus
from levier.tenders.hours import recompute_hours
from levier.tenders.lifecycle import check_not_frozen, check_permission
from levier.tenders.models import Amendment, AwardMember, Lot, LotAward, Subcontractor, Tender
from levier.tenders.schemas import AmendmentIn, AwardIn, ConsortiumType
from levier.users.models import User


def admits(reservation: str, enterprise: Organisation) -> bool:
    """Whether a lot's social consideration lets this enterprise win it: reserved lots admit
    only SIAE, EA/ESAT, either, or ESS enterprises (domain clauses.md §1; Code de la commande
    publique L2113-12 to L2113-16); other considerations admit anyone."""
    enterprise_kind = enterprise.enterprise_kind or ""
    if reservation == ConsiderationKind.reserved_siae:
        return enterprise_kind in SIAE_KINDS
    if reservation == ConsiderationKind.reserved_disability:
        return enterprise_kind in DISABILITY_KINDS
    if reservation == ConsiderationKind.reserved_both:
        return enterprise_kind in SIAE_KINDS | DISABILITY_KINDS
    if reservation == ConsiderationKind.reserved_ess:
        return enterprise.ess
    return True


def excluded(
    kinds: Sequence[str], awardees: Sequence[Organisation]
) -> tuple[int, ConsiderationKind] | None:
    """The first awardee (its index) a reservation of the lot does not admit, and that kind."""
    for kind in kinds:
        for index, awardee in enumerate(awardees):
            if not admits(kind, awardee):
                return index, ConsiderationKind(kind)  # named in messages by its label
    return None


async def _enterprises(
    session: AsyncSession, ids: Sequence[uuid.UUID], field: str, checks: FieldChecks
) -> dict[uuid.UUID, Organisation]:
    """The active enterprises of these ids; each other one is a failure naming its row."""
    rows = await session.execute(select(Organisation).where(col(Organisation.id).in_(set(ids))))
    found = {row.id: row for row in rows.scalars()}
    for index, enterprise_id in enumerate(ids):
        enterprise = found.get(enterprise_id)
        if (
            enterprise is None
            or enterprise.kind != OrganisationKind.enterprise
            or not enterprise.active
        ):
            checks.add(FieldInvalid(f"{field}.{index}.enterprise_id", "not_an_enterprise"))
    return found


def _check_consortium(data: AwardIn, checks: FieldChecks) -> None:
    ids = [m.enterprise_id for m in data.members]
    mandataries = sum(1 for m in data.members if m.is_mandatary)
    if len(set(ids)) != len(ids):
        checks.add(FieldInvalid("members", "award_member_duplicate"))
    elif data.consortium_type == ConsortiumType.none:
        if len(data.members) != 1:
            checks.add(FieldInvalid("members", "single_awardee_expected"))
    elif len(data.members) < 2 or mandataries != 1:
        checks.add(FieldInvalid("members", "consortium_needs_one_mandatary"))


def _check_subcontractors(data: AwardIn, checks: FieldChecks) -> None:
    """A subcontractor is declared once, and is not one of the awardees; together they are
    subcontracted no more than the awarded amount."""
    awardees = {m.enterprise_id for m in data.members}
    seen: set[uuid.UUID] = set()
    for index, subcontractor in enumerate(data.subcontractors):
        field = f"subcontractors.{index}.enterprise_id"
        if subcontractor.enterprise_id in awardees:
            checks.add(FieldInvalid(field, "subcontractor_is_awardee"))
        elif subcontractor.enterprise_id in seen:
            checks.add(FieldInvalid(field, "subcontractor_duplicate"))
        seen.add(subcontractor.enterprise_id)
    if sum((s.amount for s in data.subcontractors), Decimal(0)) > data.awarded_amount:
        checks.add(FieldInvalid("subcontractors", "subcontracting_exceeds_award"))
    shares = [m.amount for m in data.members if m.amount is not None]
    if data.consortium_type != ConsortiumType.none and sum(shares, Decimal(0)) > (
        data.awarded_amount
    ):
        checks.add(FieldInvalid("members", "member_amounts_exceed_award"))


def _check_award_date(tender: Tender, data: AwardIn, checks: FieldChecks) -> None:
    """An award is notified after the deadline for offers (or the publication when unset)."""
    earliest = tender.deadline_date or tender.publication_date
    if earliest is not None and data.notification_date < earliest:
        checks.add(FieldInvalid("notification_date", "award_before_deadline", earliest=earliest))


def check_awardable(user: User, tender: Tender, lot: Lot) -> None:
    """A lot is awarded once its tender is published, before any amendment, unless it was
    closed without an awardee."""
    check_permission(user, Permission.tenders_manage)
    if tender.status not in (TenderStatus.published, TenderStatus.awarded):
        raise Conflict("award_needs_published_tender", state=TenderStatus(tender.status))
    if lot.amendments:
        raise Conflict("award_has_amendments")
    if lot.outcome is not None:
        raise Conflict("lot_closed_without_award")


async def award_lot(
    session: AsyncSession, user: User, tender: Tender, lot: Lot, data: AwardIn
) -> Lot:
    """Record (or replace) the award; hours follow the awarded amount unless frozen."""
    check_awardable(user, tender, lot)
    checks = FieldChecks()  # every field refused at once, so the form shows them together
    _check_consortium(data, checks)
    _check_subcontractors(data, checks)
    _check_award_date(tender, data, checks)
    member_ids = [m.enterprise_id for m in data.members]
    members = await _enterprises(session, member_ids, "members", checks)
    subcontractors = await _enterprises(
        session, [s.enterprise_id for s in data.subcontractors], "subcontractors", checks
    )
    if all(enterprise_id in members for enterprise_id in member_ids):
        refused = excluded([c.kind for c in lot.considerations], [members[i] for i in member_ids])
        if refused is not None:
            checks.add(
                FieldInvalid(
                    f"members.{refused[0]}.enterprise_id",
                    "awardee_not_admitted",
                    reservation=refused[1],
                )
            )
    checks.raise_if_any()
    if lot.award is not None:
        await session.delete(lot.award)
        await session.flush()
    single = data.consortium_type == ConsortiumType.none
    award = LotAward(
        lot_id=lot.id,
        awarded_amount=data.awarded_amount,
        notification_date=data.notification_date,
        consortium_type=data.consortium_type.value,
        members=[
            AwardMember(
                enterprise_id=m.enterprise_id,
                is_mandatary=single or m.is_mandatary,
                amount=None if single else m.amount,
                enterprise=members[m.enterprise_id],
            )
            for m in data.members
        ],
        subcontractors=[
            Subcontractor(
                enterprise_id=s.enterprise_id,
                amount=s.amount,
                enterprise=subcontractors[s.enterprise_id],
            )
            for s in data.subcontractors
        ],
    )
    session.add(award)
    lot.award = award
    lot.hours_frozen = data.freeze_hours
    lot.current_amount = data.awarded_amount
    await recompute_hours(session, tender.structure_id, lot)
    await session.flush()
    return lot


def check_amendable(user: User, tender: Tender, lot: Lot) -> None:
    """Amendments change an awarded lot of a tender that is not closed or cancelled."""
    check_permission(user, Permission.tenders_manage)
    check_not_frozen(tender)
    if lot.award is None:
        raise Conflict("amendment_needs_award")


async def amend_lot(
    session: AsyncSession, user: User, tender: Tender, lot: Lot, data: AmendmentIn
) -> Amendment:
    """Record an avenant; the amount and duration in force change and the hours follow."""
    check_amendable(user, tender, lot)
    assert lot.award is not None
    checks = FieldChecks()
    if data.new_amount is None and data.new_duration_months is None:
        checks.add(FieldInvalid("new_amount", "amendment_changes_nothing"))
    if data.signed_on < lot.award.notification_date:
        checks.add(
            FieldInvalid(
                "signed_on",
                "amendment_before_notification",
                notified_on=lot.award.notification_date,
            )
        )
    elif lot.amendments and data.signed_on < lot.amendments[-1].signed_on:
        checks.add(
            FieldInvalid(
                "signed_on", "amendment_before_previous", previous=lot.amendments[-1].signed_on
            )
        )
    checks.raise_if_any()
    amount_before = lot.current_amount or lot.award.awarded_amount
    hours_before = lot.required_hours
    amendment = Amendment(
        lot_id=lot.id,
        number=len(lot.amendments) + 1,
        signed_on=data.signed_on,
        reason=data.reason,
        amount_before=amount_before,
        amount_after=data.new_amount or amount_before,
        duration_before=lot.duration_months,
        duration_after=data.new_duration_months or lot.duration_months,
    )
    lot.current_amount = amendment.amount_after
    lot.duration_months = amendment.duration_after
    await recompute_hours(session, tender.structure_id, lot)
    amendment.hours_before = hours_before
    amendment.hours_after = lot.required_hours
    lot.amendments.append(amendment)
    session.add(amendment)
    await session.flush()
    return amendment
