"""Operations, tenders and lots: scope, lifecycle, considerations and each lot's hours."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlmodel import col

from levier.auth.permissions import Role
from levier.clauses import article
from levier.clauses import service as clauses_service
from levier.clauses.calculator import number
from levier.clauses.schemas import EstimateRequest
from levier.core.errors import Conflict, FieldInvalid, NotFound
from levier.core.models import utcnow
from levier.core.pagination import PageParams, paginate
from levier.core.text import fold, like_contains
from levier.organisations import service as organisations_service
from levier.organisations.constants import DISABILITY_KINDS, SIAE_KINDS, OrganisationKind
from levier.organisations.models import Organisation
from levier.tenders.constants import (
    HOURS_KINDS,
    TRANSITIONS,
    ConsiderationKind,
    TenderStatus,
)
from levier.tenders.models import (
    Amendment,
    AwardMember,
    Lot,
    LotAward,
    LotConsideration,
    Operation,
    Subcontractor,
    Tender,
)
from levier.tenders.schemas import (
    AmendmentIn,
    AwardIn,
    ConsiderationIn,
    ConsortiumType,
    HoursOverride,
    LotCreate,
    LotUpdate,
    OperationCreate,
    OperationUpdate,
    TenderCreate,
    TenderUpdate,
)
from levier.territories import service as territories_service
from levier.users.models import User

EXCLUSIVE_RESERVATIONS = {
    ConsiderationKind.reserved_siae,
    ConsiderationKind.reserved_disability,
    ConsiderationKind.reserved_both,
}


def _sees_everything(user: User) -> bool:
    return user.role == Role.admin


# ---------------------------------------------------------------- operations


async def get_operation(session: AsyncSession, user: User, operation_id: uuid.UUID) -> Operation:
    """An operation of the caller's structure, or 404."""
    statement = select(Operation).where(col(Operation.id) == operation_id)
    if not _sees_everything(user):
        statement = statement.where(col(Operation.structure_id) == user.organisation_id)
    operation = (await session.execute(statement)).scalar_one_or_none()
    if operation is None:
        raise NotFound()
    return operation


async def list_operations(
    session: AsyncSession, user: User, params: PageParams, query: str | None
) -> tuple[list[Operation], str | None]:
    """Operations of the caller's structure by name."""
    statement = select(Operation)
    if not _sees_everything(user):
        statement = statement.where(col(Operation.structure_id) == user.organisation_id)
    if query:
        statement = statement.where(
            col(Operation.search_name).like(like_contains(query), escape="\\")
        )
    return await paginate(
        session,
        statement,
        params,
        [col(Operation.search_name), col(Operation.id)],
        key=lambda o: [o.search_name, o.id],
    )


def _check_target(kind: Any, value: Decimal | None) -> None:
    if (kind is None) != (value is None):
        raise FieldInvalid("target_value", "operation_target_incomplete")
    if kind == "hours_share" and value is not None and value > 1:
        raise FieldInvalid("target_value", "out_of_range")
    if kind == "hours" and value is not None and value != value.to_integral_value():
        raise FieldInvalid("target_value", "target_hours_whole")


async def create_operation(session: AsyncSession, user: User, data: OperationCreate) -> Operation:
    """Create an operation in the caller's structure."""
    _check_target(data.target_kind, data.target_value)
    operation = Operation(
        structure_id=user.organisation_id,
        name=data.name,
        search_name=fold(data.name),
        description=data.description,
        target_kind=data.target_kind.value if data.target_kind else None,
        target_value=data.target_value,
        eligibility_restriction=(
            data.eligibility_restriction.value if data.eligibility_restriction else None
        ),
    )
    session.add(operation)
    await session.flush()
    return operation


async def update_operation(
    session: AsyncSession, operation: Operation, data: OperationUpdate
) -> Operation:
    """Apply the sent fields (the caller checked If-Match)."""
    sent = data.model_dump(exclude_unset=True)
    kind = sent.get("target_kind", operation.target_kind)
    value = sent.get("target_value", operation.target_value)
    _check_target(kind, value)
    for name, new in sent.items():
        if name == "name":
            if new is None:
                raise FieldInvalid("name", "field_required")
            operation.search_name = fold(new)
        setattr(operation, name, new.value if hasattr(new, "value") else new)
    await session.flush()
    return operation


# ---------------------------------------------------------------- tenders


def _awarded_lot_ids(enterprise_id: uuid.UUID) -> Any:
    """Lots whose award names the enterprise as a member or a declared subcontractor."""
    members = select(col(AwardMember.award_id)).where(
        col(AwardMember.enterprise_id) == enterprise_id
    )
    subcontractors = select(col(Subcontractor.award_id)).where(
        col(Subcontractor.enterprise_id) == enterprise_id
    )
    return select(col(LotAward.lot_id)).where(col(LotAward.id).in_(members.union(subcontractors)))


def _tender_scope(statement: Any, user: User) -> Any:
    if _sees_everything(user):
        return statement
    if user.role == Role.buyer:
        return statement.where(col(Tender.buyer_id) == user.organisation_id)
    if user.role == Role.enterprise:
        awarded_tenders = select(col(Lot.tender_id)).where(
            col(Lot.id).in_(_awarded_lot_ids(user.organisation_id))
        )
        return statement.where(col(Tender.id).in_(awarded_tenders))
    return statement.where(col(Tender.structure_id) == user.organisation_id)


def visible_lots(user: User, tender: Tender) -> list[Lot]:
    """The lots of an in-scope tender the caller may see: an enterprise only its own awards."""
    if user.role != Role.enterprise:
        return list(tender.lots)
    return [lot for lot in tender.lots if lot.award is not None and _names(lot.award, user)]


def _names(award: LotAward, user: User) -> bool:
    enterprises = {m.enterprise_id for m in award.members}
    enterprises |= {s.enterprise_id for s in award.subcontractors}
    return user.organisation_id in enterprises


def _tender_options() -> list[Any]:
    lots = selectinload(Tender.lots)  # type: ignore[arg-type]
    award = lots.selectinload(Lot.award)  # type: ignore[arg-type]
    return [
        lots.selectinload(Lot.considerations),  # type: ignore[arg-type]
        lots.selectinload(Lot.amendments),  # type: ignore[arg-type]
        lots.selectinload(Lot.override_by),  # type: ignore[arg-type]
        award.selectinload(LotAward.members).selectinload(AwardMember.enterprise),  # type: ignore[arg-type]
        award.selectinload(LotAward.subcontractors).selectinload(Subcontractor.enterprise),  # type: ignore[arg-type]
    ]


async def get_tender(session: AsyncSession, user: User, tender_id: uuid.UUID) -> Tender:
    """A tender in the caller's scope with its lots, or 404."""
    statement = _tender_scope(select(Tender).where(col(Tender.id) == tender_id), user)
    tender = (await session.execute(statement.options(*_tender_options()))).scalar_one_or_none()
    if tender is None:
        raise NotFound()
    return tender


async def list_tenders(
    session: AsyncSession,
    user: User,
    params: PageParams,
    query: str | None = None,
    status: TenderStatus | None = None,
    operation_id: uuid.UUID | None = None,
    buyer_id: uuid.UUID | None = None,
) -> tuple[list[Tender], str | None]:
    """Tenders in the caller's scope, newest first, filtered."""
    statement = _tender_scope(select(Tender), user)
    if query:
        statement = statement.where(col(Tender.search_text).like(like_contains(query), escape="\\"))
    if status is not None:
        statement = statement.where(col(Tender.status) == status.value)
    if operation_id is not None:
        statement = statement.where(col(Tender.operation_id) == operation_id)
    if buyer_id is not None:
        statement = statement.where(col(Tender.buyer_id) == buyer_id)
    return await paginate(
        session,
        statement,
        params,
        [col(Tender.created_at), col(Tender.id)],
        key=lambda t: [t.created_at, t.id],
        descending=True,
    )


async def buyers_by_id(
    session: AsyncSession, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, Organisation]:
    """The buyers of several tenders in one query."""
    if not ids:
        return {}
    rows = await session.execute(select(Organisation).where(col(Organisation.id).in_(set(ids))))
    return {row.id: row for row in rows.scalars()}


async def _buyer(session: AsyncSession, buyer_id: uuid.UUID) -> Organisation:
    try:
        buyer = await organisations_service.get(session, buyer_id)
    except NotFound:
        raise FieldInvalid("buyer_id", "organisation_not_found") from None
    if buyer.kind != OrganisationKind.buyer or not buyer.active or not buyer.siret:
        raise FieldInvalid("buyer_id", "not_a_buyer")
    return buyer


async def _structure(session: AsyncSession, structure_id: uuid.UUID) -> Organisation:
    try:
        structure = await organisations_service.get(session, structure_id)
    except NotFound:
        raise FieldInvalid("structure_id", "organisation_not_found") from None
    if structure.kind != OrganisationKind.facilitation_structure or not structure.active:
        raise FieldInvalid("structure_id", "not_a_facilitation_structure")
    return structure


async def _check_operation(
    session: AsyncSession, structure_id: uuid.UUID, operation_id: uuid.UUID | None
) -> None:
    if operation_id is None:
        return
    operation = await session.get(Operation, operation_id)
    if operation is None or operation.structure_id != structure_id:
        raise FieldInvalid("operation_id", "operation_not_found")


def _check_dates(publication: Any, deadline: Any) -> None:
    if publication and deadline and deadline < publication:
        raise FieldInvalid("deadline_date", "dates_out_of_order")


async def create_tender(session: AsyncSession, user: User, data: TenderCreate) -> Tender:
    """Create a draft tender: buyers for themselves, facilitators for a buyer they follow."""
    if user.role == Role.buyer:
        buyer = await _buyer(session, user.organisation_id)
        if data.structure_id is None:
            raise FieldInvalid("structure_id", "field_required")
        structure_id = (await _structure(session, data.structure_id)).id
    else:
        if data.buyer_id is None:
            raise FieldInvalid("buyer_id", "field_required")
        buyer = await _buyer(session, data.buyer_id)
        structure_id = user.organisation_id
    if data.buyer_id is not None and data.buyer_id != buyer.id:
        raise FieldInvalid("buyer_id", "not_a_buyer")
    await _check_operation(session, structure_id, data.operation_id)
    _check_dates(data.publication_date, data.deadline_date)
    place = await territories_service.resolve_one(
        session, data.place_of_execution, "place_of_execution"
    )
    duplicate = await session.execute(
        select(col(Tender.id)).where(
            col(Tender.buyer_id) == buyer.id, col(Tender.reference) == data.reference
        )
    )
    if duplicate.first() is not None:
        raise Conflict("tender_reference_taken", field="reference")
    tender = Tender(
        structure_id=structure_id,
        buyer_id=buyer.id,
        operation_id=data.operation_id,
        reference=data.reference,
        object=data.object,
        search_text=fold(f"{data.reference} {data.object}"),
        procedure=data.procedure.value,
        nature=data.nature.value,
        ccag=data.ccag.value,
        price_form=data.price_form.value,
        techniques=[t.value for t in data.techniques],
        cpv_code=data.cpv_code,
        place_level=place.level,
        place_code=place.code,
        place_name=place.name,
        publication_date=data.publication_date,
        deadline_date=data.deadline_date,
        status=TenderStatus.draft.value,
        lots=[],
    )
    session.add(tender)
    await session.flush()
    return tender


def check_not_frozen(tender: Tender) -> None:
    """Closed or cancelled tenders are frozen for everyone (409)."""
    if tender.status in (TenderStatus.closed, TenderStatus.cancelled):
        raise Conflict("tender_frozen", status=tender.status)


def check_editable(user: User, tender: Tender) -> None:
    """Buyers edit only their drafts; closed or cancelled tenders are frozen for everyone."""
    check_not_frozen(tender)
    if user.role == Role.buyer and tender.status != TenderStatus.draft:
        raise Conflict("tender_not_draft")


async def update_tender(
    session: AsyncSession, user: User, tender: Tender, data: TenderUpdate
) -> Tender:
    """Apply the sent fields (the caller checked If-Match)."""
    check_editable(user, tender)
    sent = data.model_dump(exclude_unset=True)
    for required in (
        "reference",
        "object",
        "procedure",
        "nature",
        "ccag",
        "price_form",
        "techniques",
        "cpv_code",
        "place_of_execution",
    ):
        if required in sent and sent[required] is None:
            raise FieldInvalid(required, "field_required")
    _check_dates(
        sent.get("publication_date", tender.publication_date),
        sent.get("deadline_date", tender.deadline_date),
    )
    if "operation_id" in sent:
        await _check_operation(session, tender.structure_id, data.operation_id)
        tender.operation_id = data.operation_id
    if data.place_of_execution is not None:
        place = await territories_service.resolve_one(
            session, data.place_of_execution, "place_of_execution"
        )
        tender.place_level, tender.place_code, tender.place_name = (
            place.level,
            place.code,
            place.name,
        )
    if data.reference is not None and data.reference != tender.reference:
        duplicate = await session.execute(
            select(col(Tender.id)).where(
                col(Tender.buyer_id) == tender.buyer_id, col(Tender.reference) == data.reference
            )
        )
        if duplicate.first() is not None:
            raise Conflict("tender_reference_taken", field="reference")
    for name in (
        "reference",
        "object",
        "procedure",
        "nature",
        "ccag",
        "price_form",
        "cpv_code",
        "publication_date",
        "deadline_date",
    ):
        if name in sent:
            value = getattr(data, name)
            setattr(tender, name, value.value if hasattr(value, "value") else value)
    if data.techniques is not None:
        tender.techniques = [t.value for t in data.techniques]
    tender.search_text = fold(f"{tender.reference} {tender.object}")
    await session.flush()
    return tender


async def transition(session: AsyncSession, tender: Tender, target: TenderStatus) -> Tender:
    """Move the tender along its lifecycle (409 for a move the lifecycle does not allow)."""
    current = TenderStatus(tender.status)
    if target not in TRANSITIONS[current]:
        raise Conflict(
            "transition_not_allowed", field="status", current=current.value, target=target.value
        )
    if target == TenderStatus.published and not tender.lots:
        raise Conflict("tender_has_no_lots", field="status")
    if target == TenderStatus.awarded and not any(lot.award for lot in tender.lots):
        raise Conflict("tender_has_no_award", field="status")
    tender.status = target.value
    await session.flush()
    return tender


# ---------------------------------------------------------------- lots


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


def required_hours(lot: Lot) -> int | None:
    """The hours the lot must carry: the override when set, else the computed figure."""
    return lot.override_hours if lot.override_hours is not None else lot.computed_hours


async def recompute_hours(session: AsyncSession, structure_id: uuid.UUID, lot: Lot) -> None:
    """Compute the lot's hours from its parameters and the structure's settings.

    The amount is the one in force: estimated before award, then awarded, then amended.
    Frozen hours (a facilitator's choice at award) are left as they are.
    """
    if lot.hours_frozen:
        return
    estimate = await clauses_service.estimate(
        session,
        structure_id,
        EstimateRequest(
            method=lot.calculation_method,  # type: ignore[arg-type]
            amount_excl_tax=lot.current_amount or lot.estimated_amount,
            cpv_code=lot.cpv_code,
            labour_share=lot.labour_share,
            insertion_rate=lot.insertion_rate,
            hourly_cost=lot.hourly_cost,
            duration_months=lot.duration_months,
            taken_over_monthly_hours=lot.taken_over_monthly_hours,
        ),
    )
    lot.labour_hours = estimate.labour_hours
    if not HOURS_KINDS.intersection(c.kind for c in lot.considerations):
        lot.computed_hours = None
        lot.calculation = None
        return
    lot.computed_hours = estimate.hours
    lot.calculation = {
        "method": estimate.method.value,
        "formula": estimate.formula,
        "exact_hours": str(estimate.exact_hours.quantize(Decimal("0.01"))),
        "parameters": [
            {"name": p.name, "value": str(p.value), "source": p.source.value, "detail": p.detail}
            for p in estimate.parameters
        ],
        "advice": estimate.advice,
        "computed_at": utcnow().isoformat(),
    }


async def get_lot(session: AsyncSession, user: User, tender: Tender, lot_id: uuid.UUID) -> Lot:
    """A lot of an in-scope tender the caller may see, or 404."""
    for lot in visible_lots(user, tender):
        if lot.id == lot_id:
            return lot
    raise NotFound()


async def create_lot(session: AsyncSession, user: User, tender: Tender, data: LotCreate) -> Lot:
    """Add a lot; its hours are computed when it carries an insertion clause."""
    check_editable(user, tender)
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
    """Apply the sent fields and recompute the hours (the caller checked If-Match)."""
    check_editable(user, tender)
    sent = data.model_dump(exclude_unset=True)
    for required in (
        "title",
        "cpv_code",
        "estimated_amount",
        "duration_months",
        "calculation_method",
    ):
        if required in sent and sent[required] is None:
            raise FieldInvalid(required, "field_required")
    if data.considerations is not None:
        considerations = _considerations(data.considerations)
        awardees = [m.enterprise for m in lot.award.members] if lot.award else []
        excluded = _excluded([c.kind for c in considerations], awardees)
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


async def override_hours(
    session: AsyncSession, user: User, tender: Tender, lot: Lot, data: HoursOverride
) -> Lot:
    """Replace the computed hours with a justified figure (or clear the override)."""
    check_editable(user, tender)
    if data.hours is not None and not data.reason:
        raise FieldInvalid("reason", "override_needs_reason")
    if lot.computed_hours is None and data.hours is not None:
        raise Conflict("lot_has_no_clause", field="hours")
    lot.override_hours = data.hours
    lot.override_reason = data.reason if data.hours is not None else None
    lot.override_by = user if data.hours is not None else None
    lot.override_at = utcnow() if data.hours is not None else None
    await session.flush()
    return lot


async def delete_lot(session: AsyncSession, user: User, tender: Tender, lot: Lot) -> None:
    """Remove a lot of a tender still in draft."""
    if tender.status != TenderStatus.draft:
        raise Conflict("tender_not_draft")
    tender.lots.remove(lot)
    await session.delete(lot)
    await session.flush()


# ---------------------------------------------------------------- award and amendments


# Which awardees a reserved lot admits (domain/clauses.md §1; CCP L2113-12 to L2113-16).
def _admitted(kind: str, enterprise: Organisation) -> bool:
    enterprise_kind = enterprise.enterprise_kind or ""
    if kind == ConsiderationKind.reserved_siae:
        return enterprise_kind in SIAE_KINDS
    if kind == ConsiderationKind.reserved_disability:
        return enterprise_kind in DISABILITY_KINDS
    if kind == ConsiderationKind.reserved_both:
        return enterprise_kind in SIAE_KINDS | DISABILITY_KINDS
    if kind == ConsiderationKind.reserved_ess:
        return enterprise.ess
    return True


def _excluded(kinds: Sequence[str], awardees: Sequence[Organisation]) -> tuple[int, str] | None:
    """The first awardee (its index) a reservation of the lot does not admit, and that kind."""
    for kind in kinds:
        for index, awardee in enumerate(awardees):
            if not _admitted(kind, awardee):
                return index, kind
    return None


async def _enterprises(
    session: AsyncSession, ids: Sequence[uuid.UUID], field: str
) -> dict[uuid.UUID, Organisation]:
    rows = await session.execute(select(Organisation).where(col(Organisation.id).in_(set(ids))))
    found = {row.id: row for row in rows.scalars()}
    for index, enterprise_id in enumerate(ids):
        enterprise = found.get(enterprise_id)
        if (
            enterprise is None
            or enterprise.kind != OrganisationKind.enterprise
            or not enterprise.active
        ):
            raise FieldInvalid(f"{field}.{index}.enterprise_id", "not_an_enterprise")
    return found


def _check_consortium(data: AwardIn) -> None:
    ids = [m.enterprise_id for m in data.members]
    if len(set(ids)) != len(ids):
        raise FieldInvalid("members", "award_member_duplicate")
    mandataries = sum(1 for m in data.members if m.is_mandatary)
    if data.consortium_type == ConsortiumType.none:
        if len(data.members) != 1:
            raise FieldInvalid("members", "single_awardee_expected")
    elif len(data.members) < 2 or mandataries != 1:
        raise FieldInvalid("members", "consortium_needs_one_mandatary")


def _check_subcontractors(data: AwardIn) -> None:
    """A subcontractor is declared once, and is not one of the awardees."""
    awardees = {m.enterprise_id for m in data.members}
    seen: set[uuid.UUID] = set()
    for index, subcontractor in enumerate(data.subcontractors):
        field = f"subcontractors.{index}.enterprise_id"
        if subcontractor.enterprise_id in awardees:
            raise FieldInvalid(field, "subcontractor_is_awardee")
        if subcontractor.enterprise_id in seen:
            raise FieldInvalid(field, "subcontractor_duplicate")
        seen.add(subcontractor.enterprise_id)


def _check_award_date(tender: Tender, data: AwardIn) -> None:
    """An award is notified after the deadline for offers (or the publication when unset)."""
    earliest = tender.deadline_date or tender.publication_date
    if earliest is not None and data.notification_date < earliest:
        raise FieldInvalid(
            "notification_date", "award_before_deadline", earliest=earliest.isoformat()
        )


async def award_lot(session: AsyncSession, tender: Tender, lot: Lot, data: AwardIn) -> Lot:
    """Record (or replace) the award; hours follow the awarded amount unless frozen."""
    if tender.status not in (TenderStatus.published, TenderStatus.awarded):
        raise Conflict("award_needs_published_tender", state=tender.status)
    if lot.amendments:
        raise Conflict("award_has_amendments")
    _check_consortium(data)
    _check_subcontractors(data)
    _check_award_date(tender, data)
    members = await _enterprises(session, [m.enterprise_id for m in data.members], "members")
    subcontractors = await _enterprises(
        session, [s.enterprise_id for s in data.subcontractors], "subcontractors"
    )
    excluded = _excluded(
        [c.kind for c in lot.considerations], [members[m.enterprise_id] for m in data.members]
    )
    if excluded is not None:
        raise FieldInvalid(
            f"members.{excluded[0]}.enterprise_id", "awardee_not_admitted", reservation=excluded[1]
        )
    if sum((s.amount for s in data.subcontractors), Decimal(0)) > data.awarded_amount:
        raise FieldInvalid("subcontractors", "subcontracting_exceeds_award")
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
    lot.current_amount = lot.amendments[-1].amount_after if lot.amendments else data.awarded_amount
    await recompute_hours(session, tender.structure_id, lot)
    await session.flush()
    return lot


async def amend_lot(
    session: AsyncSession, tender: Tender, lot: Lot, data: AmendmentIn
) -> Amendment:
    """Record an avenant; the amount and duration in force change and the hours follow."""
    check_not_frozen(tender)
    if lot.award is None:
        raise Conflict("amendment_needs_award")
    if data.new_amount is None and data.new_duration_months is None:
        raise FieldInvalid("new_amount", "amendment_changes_nothing")
    if data.signed_on < lot.award.notification_date:
        raise FieldInvalid("signed_on", "amendment_before_notification")
    if lot.amendments and data.signed_on < lot.amendments[-1].signed_on:
        raise FieldInvalid(
            "signed_on",
            "amendment_before_previous",
            previous=lot.amendments[-1].signed_on.isoformat(),
        )
    amount_before = lot.current_amount or lot.award.awarded_amount
    hours_before = required_hours(lot)
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
    amendment.hours_after = required_hours(lot)
    lot.amendments.append(amendment)
    session.add(amendment)
    await session.flush()
    return amendment


# ---------------------------------------------------------------- clause article


async def article_variables(
    session: AsyncSession, tender: Tender, lot: Lot, article_number: str
) -> tuple[str, dict[str, Any]]:
    """The structure's template and the variables the clause article is rendered from."""
    hours = required_hours(lot)
    if hours is None:
        raise Conflict("lot_has_no_clause_article")
    settings = await clauses_service.get_settings(session, tender.structure_id)
    structure = await organisations_service.get(session, tender.structure_id)
    operation = await session.get(Operation, tender.operation_id) if tender.operation_id else None
    template = settings.article_template or article.DEFAULT_TEMPLATE
    variables = {
        "article_number": article_number,
        "tender": {"reference": tender.reference, "object": tender.object},
        "lot": {"number": lot.number, "title": lot.title, "trade": lot.trade},
        "operation": (
            {"name": operation.name, "eligibility_restriction": operation.eligibility_restriction}
            if operation
            else None
        ),
        "hours": article.french_number(Decimal(hours), 0),
        "duration_months": lot.duration_months,
        "calculation": (
            {**lot.calculation, "formula": article.french_formula(lot.calculation["formula"])}
            if lot.calculation
            else None
        ),
        "override_reason": lot.override_reason,
        "training_cap_percent": number(settings.training_cap_share * 100).replace(".", ","),
        "contact": article.Contact(
            name=settings.contact_name or structure.name,
            email=settings.contact_email,
            phone=settings.contact_phone,
        ),
        "penalty_per_missing_hour": (
            article.french_number(lot.penalty_per_missing_hour)
            if lot.penalty_per_missing_hour is not None
            else None
        ),
    }
    return template, variables


async def operation_summary(session: AsyncSession, operation: Operation) -> dict[str, Any]:
    """Sum the operation's lots in SQL: required hours against the hours worked they pay for."""
    required = func.coalesce(col(Lot.override_hours), col(Lot.computed_hours))
    row = (
        await session.execute(
            select(
                func.count(func.distinct(col(Tender.id))),
                func.count(col(Lot.id)),
                func.count(required),
                func.coalesce(func.sum(required), 0),
                func.coalesce(func.sum(col(Lot.labour_hours)), 0),
            )
            .select_from(Tender)
            .join(Lot, col(Lot.tender_id) == col(Tender.id), isouter=True)
            .where(
                col(Tender.operation_id) == operation.id,
                col(Tender.status) != TenderStatus.cancelled.value,
            )
        )
    ).one()
    tenders, lots, with_clause, required_hours_total, labour_hours = (int(v) for v in row)
    exact_share = Decimal(required_hours_total) / Decimal(labour_hours) if labour_hours else None
    target_met: bool | None = None
    if operation.target_kind == "hours_share" and operation.target_value is not None:
        target_met = exact_share is not None and exact_share >= operation.target_value
    elif operation.target_kind == "hours" and operation.target_value is not None:
        target_met = required_hours_total >= operation.target_value
    return {
        "tenders": tenders,
        "lots": lots,
        "lots_with_clause": with_clause,
        "required_hours": required_hours_total,
        "labour_hours": labour_hours,
        "hours_share": exact_share.quantize(Decimal("0.0001")) if exact_share is not None else None,
        "target_kind": operation.target_kind,
        "target_value": operation.target_value,
        "target_met": target_met,
    }


# Tenders whose awarded lots can employ people on their insertion clause: a published
# tender's lots are awarded one by one, so an award counts before the whole tender is.
ACTIVE_STATUSES = (
    TenderStatus.published.value,
    TenderStatus.awarded.value,
    TenderStatus.in_execution.value,
)


def _positions_statement(structure_id: uuid.UUID) -> Any:
    """Awarded lots carrying insertion hours, of a structure's tenders in force."""
    carries_hours = (
        select(col(LotConsideration.lot_id))
        .where(col(LotConsideration.kind).in_([k.value for k in HOURS_KINDS]))
        .scalar_subquery()
    )
    return (
        select(Lot, Tender)
        .join(Tender, col(Tender.id) == Lot.tender_id)
        .join(LotAward, col(LotAward.lot_id) == Lot.id)
        .where(
            col(Tender.structure_id) == structure_id,
            col(Tender.status).in_(ACTIVE_STATUSES),
            col(Lot.id).in_(carries_hours),
        )
    )


def _position(lot: Lot, tender: Tender) -> dict[str, Any]:
    award = lot.award
    assert award is not None
    enterprises = [
        {"id": m.enterprise_id, "name": m.enterprise.name, "role": "member"}
        for m in sorted(award.members, key=lambda m: (not m.is_mandatary, m.enterprise.name))
    ] + [
        {"id": s.enterprise_id, "name": s.enterprise.name, "role": "subcontractor"}
        for s in sorted(award.subcontractors, key=lambda s: s.enterprise.name)
    ]
    return {
        "lot_id": lot.id,
        "tender_reference": tender.reference,
        "tender_object": tender.object,
        "lot_number": lot.number,
        "lot_title": lot.title,
        "required_hours": required_hours(lot),
        "enterprises": enterprises,
    }


def _position_options() -> list[Any]:
    award = selectinload(Lot.award)  # type: ignore[arg-type]
    return [
        award.selectinload(LotAward.members).selectinload(AwardMember.enterprise),  # type: ignore[arg-type]
        award.selectinload(LotAward.subcontractors).selectinload(Subcontractor.enterprise),  # type: ignore[arg-type]
    ]


async def clause_positions(
    session: AsyncSession, structure_id: uuid.UUID, query: str | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """Where a person can be employed on a structure's clauses: each awarded lot with hours to
    deliver, and the enterprises that can employ on it (awardees, declared subcontractors).
    `query` searches the tender's reference and object."""
    statement = _positions_statement(structure_id)
    if query:
        statement = statement.where(col(Tender.search_text).like(like_contains(query), escape="\\"))
    rows = await session.execute(
        statement.options(*_position_options())
        .order_by(col(Tender.reference), col(Lot.number))
        .limit(limit)
    )
    return [_position(lot, tender) for lot, tender in rows.all()]


async def clause_position(
    session: AsyncSession, structure_id: uuid.UUID, lot_id: uuid.UUID
) -> dict[str, Any] | None:
    """One lot of `clause_positions`, or None when it is not one of the structure's."""
    row = (
        await session.execute(
            _positions_statement(structure_id)
            .where(col(Lot.id) == lot_id)
            .options(*_position_options())
        )
    ).first()
    return _position(row[0], row[1]) if row else None
