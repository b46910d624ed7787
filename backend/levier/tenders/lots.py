"""Lots: their social considerations and insertion hours (computed, recomputed, overridden),
and how a lot ends without an awardee (unsuccessful or abandoned)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from levier.auth.permissions import Permission
from levier.core.errors import Conflict, FieldChecks, FieldInvalid
from levier.core.models import utcnow
from levier.tenders import awards
from levier.tenders.checks import collecting
from levier.tenders.constants import EXCLUSIVE_RESERVATIONS, ConsiderationKind, LotOutcome
from levier.tenders.constants import TenderStatus as Status
from levier.tenders.hours import recompute_hours
from levier.tenders.lifecycle import (
    check_editable,
    check_lot_addable,
    check_not_frozen,
    check_permission,
)
from levier.tenders.models import Lot, LotConsideration, Tender
from levier.tenders.schemas import (
    ConsiderationIn,
    HoursOverride,
    LotCreate,
    LotOutcomeIn,
    LotUpdate,
)
from levier.users.models import User

REQUIRED_FIELDS = ("title", "cpv_code", "estimated_amount", "duration_months", "calculation_method")


def _considerations(items: Sequence[ConsiderationIn]) -> list[LotConsideration]:
    kinds = [item.kind for item in items]
    if len(set(kinds)) != len(kinds):
        raise FieldInvalid("considerations", "consideration_duplicate")
    if len(EXCLUSIVE_RESERVATIONS.intersection(kinds)) > 1:
        raise FieldInvalid("considerations", "reservations_exclusive")
    rows = []
    for index, item in enumerate(items):
        weight = item.criterion_weight
        if item.kind == ConsiderationKind.social_award_criterion:
            if weight is None or not (Decimal(1) <= weight <= Decimal(100)):
                raise FieldInvalid(
                    f"considerations.{index}.criterion_weight", "criterion_weight_range"
                )
        elif weight is not None:
            raise FieldInvalid(f"considerations.{index}.criterion_weight", "weight_not_applicable")
        rows.append(LotConsideration(kind=item.kind.value, criterion_weight=weight))
    return rows


async def create_lot(session: AsyncSession, user: User, tender: Tender, data: LotCreate) -> Lot:
    """Add a lot to a draft tender; its hours are computed when it carries an insertion clause."""
    check_lot_addable(user, tender)
    if any(lot.number == data.number for lot in tender.lots):
        raise Conflict("lot_number_taken", field="number")
    fields = data.model_dump(exclude={"considerations"})
    fields["calculation_method"] = data.calculation_method.value
    lot = Lot(
        tender_id=tender.id,
        considerations=_considerations(data.considerations),
        award=None,
        amendments=[],
        override_by=None,
        **fields,
    )
    await recompute_hours(session, tender.structure_id, lot)
    tender.lots.append(lot)
    session.add(lot)
    await session.flush()
    return lot


async def update_lot(
    session: AsyncSession, user: User, tender: Tender, lot: Lot, data: LotUpdate
) -> Lot:
    """Apply the sent fields and recompute the hours (the loader checked If-Match)."""
    check_editable(user, tender)
    sent = data.model_dump(exclude_unset=True)
    for required in REQUIRED_FIELDS:
        if required in sent and sent[required] is None:
            raise FieldInvalid(required, "field_required")
    if data.considerations is not None:
        considerations = _considerations(data.considerations)
        awardees = [m.enterprise for m in lot.award.members] if lot.award else []
        excluded = awards.excluded([c.kind for c in considerations], awardees)
        if excluded is not None:
            raise FieldInvalid(
                "considerations", "reservation_excludes_awardee", reservation=excluded[1]
            )
        lot.considerations.clear()
        await session.flush()
        lot.considerations.extend(considerations)
        lot.updated_at = utcnow()
    for name, value in sent.items():
        if name == "considerations":
            continue
        setattr(lot, name, value.value if hasattr(value, "value") else value)
    await recompute_hours(session, tender.structure_id, lot)
    await session.flush()
    return lot


def check_overridable(user: User, tender: Tender, lot: Lot) -> None:
    """Hours can be overridden on a lot that carries a clause, while the tender is editable."""
    check_permission(user, Permission.clauses_override)
    check_editable(user, tender)
    if lot.computed_hours is None:
        raise Conflict("lot_has_no_clause", field="hours")


async def override_hours(
    session: AsyncSession, user: User, tender: Tender, lot: Lot, data: HoursOverride
) -> Lot:
    """Replace the computed hours with a justified figure (or clear the override)."""
    check_editable(user, tender)
    if data.hours is not None and not data.reason:
        raise FieldInvalid("reason", "override_needs_reason")
    if data.hours is not None:
        check_overridable(user, tender, lot)
    lot.override_hours = data.hours
    lot.override_reason = data.reason if data.hours is not None else None
    lot.override_by = user if data.hours is not None else None
    lot.override_at = utcnow() if data.hours is not None else None
    await session.flush()
    return lot


def check_deletable(user: User, tender: Tender) -> None:
    """Lots are removed only while their tender is a draft."""
    check_permission(user, Permission.tenders_edit)
    if tender.status != Status.draft:
        raise Conflict("tender_not_draft")


async def delete_lot(session: AsyncSession, user: User, tender: Tender, lot: Lot) -> None:
    """Remove a lot of a tender still in draft."""
    check_deletable(user, tender)
    tender.lots.remove(lot)
    await session.delete(lot)
    await session.flush()


def check_closable(user: User, tender: Tender, lot: Lot) -> None:
    """A published lot with no award can be declared unsuccessful or abandoned."""
    check_permission(user, Permission.tenders_manage)
    check_not_frozen(tender)
    if tender.status not in (Status.published, Status.awarded):
        raise Conflict("lot_outcome_needs_published_tender", state=Status(tender.status))
    if lot.award is not None:
        raise Conflict("lot_already_awarded")


def _check_outcome_date(tender: Tender, outcome: LotOutcome, decided_on: date) -> None:
    """A lot is unsuccessful (infructueux) once the offers are in and none is acceptable: not
    before the deadline for offers (or the publication when unset), as an award. The buyer may
    abandon a procedure (sans suite) at any time once it is published (R2185-1)."""
    if outcome == LotOutcome.unsuccessful:
        earliest, code = tender.deadline_date or tender.publication_date, "outcome_before_deadline"
    else:
        earliest, code = tender.publication_date, "outcome_before_publication"
    if earliest is not None and decided_on < earliest:
        raise FieldInvalid("decided_on", code, earliest=earliest)


async def set_outcome(
    session: AsyncSession, user: User, tender: Tender, lot: Lot, data: LotOutcomeIn
) -> Lot:
    """Close the lot without an awardee (with its date and reason), or reopen it (`null`)."""
    check_closable(user, tender, lot)
    if data.outcome is None:
        lot.outcome, lot.outcome_on, lot.outcome_reason = None, None, None
    else:
        checks = FieldChecks()  # the date and the reason refused together
        if data.decided_on is None:
            checks.add(FieldInvalid("decided_on", "field_required"))
        else:
            with collecting(checks):
                _check_outcome_date(tender, data.outcome, data.decided_on)
        if not data.reason:
            checks.add(FieldInvalid("reason", "field_required"))
        checks.raise_if_any()
        lot.outcome, lot.outcome_on, lot.outcome_reason = (
            data.outcome.value,
            data.decided_on,
            data.reason,
        )
    await session.flush()
    return lot
