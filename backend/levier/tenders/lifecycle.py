"""Tenders: creation, changes and their lifecycle, draft → published → awarded →
in_execution → closed (or cancelled). Each rule is a function that raises when the action is
refused: services call it before acting, and reads offer the action only when it passes."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.auth.permissions import Permission, Role
from levier.auth.permissions import check_permission as check_role_permission
from levier.core.actions import allowed
from levier.core.errors import Conflict, FieldChecks, FieldInvalid, NotFound
from levier.core.pagination import PageParams, paginate
from levier.core.text import fold, like_contains
from levier.organisations import service as organisations_service
from levier.organisations.constants import OrganisationKind
from levier.organisations.models import Organisation
from levier.tenders.checks import collecting
from levier.tenders.constants import FROZEN_STATUSES, TRANSITIONS, TenderStatus
from levier.tenders.models import Operation, Tender
from levier.tenders.schemas import TenderActions, TenderCreate, TenderUpdate
from levier.tenders.scope import summary_options, tenders_readable
from levier.territories import service as territories_service
from levier.users.models import User

REQUIRED_FIELDS = (
    "reference",
    "object",
    "procedure",
    "nature",
    "ccag",
    "price_form",
    "techniques",
    "cpv_code",
    "place_of_execution",
)
PLAIN_FIELDS = (
    "reference",
    "object",
    "procedure",
    "nature",
    "ccag",
    "price_form",
    "cpv_code",
    "publication_date",
    "deadline_date",
)


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
    statement = tenders_readable(select(Tender).options(*summary_options()), user)
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


async def _operation(
    session: AsyncSession, structure_id: uuid.UUID, operation_id: uuid.UUID | None
) -> Operation | None:
    """The structure's operation of that id (422 naming `operation_id` otherwise)."""
    if operation_id is None:
        return None
    operation = await session.get(Operation, operation_id)
    if operation is None or operation.structure_id != structure_id:
        raise FieldInvalid("operation_id", "operation_not_found")
    return operation


def _check_dates(publication: Any, deadline: Any) -> None:
    if publication and deadline and deadline < publication:
        raise FieldInvalid("deadline_date", "dates_out_of_order")


async def _check_reference_free(session: AsyncSession, buyer_id: uuid.UUID, reference: str) -> None:
    duplicate = await session.execute(
        select(col(Tender.id)).where(
            col(Tender.buyer_id) == buyer_id, col(Tender.reference) == reference
        )
    )
    if duplicate.first() is not None:
        raise Conflict("tender_reference_taken", field="reference")


async def create_tender(session: AsyncSession, user: User, data: TenderCreate) -> Tender:
    """Create a draft tender: buyers for themselves, facilitators for a buyer they follow.
    Its field rules are checked together, so the form shows every refusal at once."""
    checks = FieldChecks()
    buyer: Organisation | None = None
    structure_id: uuid.UUID | None = None
    if user.role == Role.buyer:
        with collecting(checks):
            buyer = await _buyer(session, user.organisation_id)
        with collecting(checks):
            if data.structure_id is None:
                raise FieldInvalid("structure_id", "field_required")
            structure_id = (await _structure(session, data.structure_id)).id
        if data.buyer_id is not None and buyer is not None and data.buyer_id != buyer.id:
            checks.add(FieldInvalid("buyer_id", "not_a_buyer"))
    else:
        with collecting(checks):
            if data.buyer_id is None:
                raise FieldInvalid("buyer_id", "field_required")
            buyer = await _buyer(session, data.buyer_id)
        structure_id = user.organisation_id
    operation = None
    if structure_id is not None:
        with collecting(checks):
            operation = await _operation(session, structure_id, data.operation_id)
    with collecting(checks):
        _check_dates(data.publication_date, data.deadline_date)
    with collecting(checks):
        place = await territories_service.resolve_one(
            session, data.place_of_execution, "place_of_execution"
        )
    checks.raise_if_any()
    assert buyer is not None and structure_id is not None
    await _check_reference_free(session, buyer.id, data.reference)
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
        buyer=buyer,
        operation=operation,
    )
    session.add(tender)
    await session.flush()
    return tender


def check_permission(user: User, permission: Permission) -> None:
    """403 for a caller whose role lacks the permission."""
    check_role_permission(user.role, permission)


def check_not_frozen(tender: Tender) -> None:
    """Closed or cancelled tenders are frozen for everyone (409)."""
    if tender.status in FROZEN_STATUSES:
        raise Conflict("tender_frozen", status=TenderStatus(tender.status))


def check_editable(user: User, tender: Tender) -> None:
    """Buyers edit only their drafts; closed or cancelled tenders are frozen for everyone."""
    check_permission(user, Permission.tenders_edit)
    check_not_frozen(tender)
    if user.role == Role.buyer and tender.status != TenderStatus.draft:
        raise Conflict("tender_not_draft")


def check_lot_addable(user: User, tender: Tender) -> None:
    """Lots are added while the tender is a draft: once published, the offers answer the
    lots it was published with (another lot is another consultation), and a draft is also
    the only state in which a lot can be removed."""
    check_editable(user, tender)
    if tender.status != TenderStatus.draft:
        raise Conflict("lot_added_after_publication", state=TenderStatus(tender.status))


async def update_tender(
    session: AsyncSession, user: User, tender: Tender, data: TenderUpdate
) -> Tender:
    """Apply the sent fields (the loader checked If-Match)."""
    check_editable(user, tender)
    sent = data.model_dump(exclude_unset=True)
    checks = FieldChecks()  # every refused field at once
    for required in REQUIRED_FIELDS:
        if required in sent and sent[required] is None:
            checks.add(FieldInvalid(required, "field_required"))
    with collecting(checks):
        _check_dates(
            sent.get("publication_date", tender.publication_date),
            sent.get("deadline_date", tender.deadline_date),
        )
    operation = tender.operation
    if "operation_id" in sent:
        with collecting(checks):
            operation = await _operation(session, tender.structure_id, data.operation_id)
    place = None
    if data.place_of_execution is not None:
        with collecting(checks):
            place = await territories_service.resolve_one(
                session, data.place_of_execution, "place_of_execution"
            )
    checks.raise_if_any()
    if "operation_id" in sent:
        tender.operation = operation
        tender.operation_id = data.operation_id
    if place is not None:
        tender.place_level, tender.place_code, tender.place_name = (
            place.level,
            place.code,
            place.name,
        )
    if data.reference is not None and data.reference != tender.reference:
        await _check_reference_free(session, tender.buyer_id, data.reference)
    for name in PLAIN_FIELDS:
        if name in sent:
            value = getattr(data, name)
            setattr(tender, name, value.value if hasattr(value, "value") else value)
    if data.techniques is not None:
        tender.techniques = [t.value for t in data.techniques]
    tender.search_text = fold(f"{tender.reference} {tender.object}")
    await session.flush()
    return tender


def check_transition(tender: Tender, target: TenderStatus) -> None:
    """Whether the lifecycle allows the move now (409 naming the states otherwise).

    A tender is awarded once each of its lots is either awarded or closed without an
    awardee (unsuccessful or abandoned), and at least one is awarded.
    """
    current = TenderStatus(tender.status)
    if target not in TRANSITIONS[current]:
        raise Conflict("transition_not_allowed", field="status", current=current, target=target)
    if target == TenderStatus.published and not tender.lots:
        raise Conflict("tender_has_no_lots", field="status")
    if target == TenderStatus.awarded:
        if not any(lot.award for lot in tender.lots):
            raise Conflict("tender_has_no_award", field="status")
        pending = [lot.number for lot in tender.lots if lot.award is None and lot.outcome is None]
        if pending:
            raise Conflict("tender_lots_pending", field="status", lots=", ".join(map(str, pending)))


async def transition(session: AsyncSession, tender: Tender, target: TenderStatus) -> Tender:
    """Move the tender along its lifecycle."""
    check_transition(tender, target)
    tender.status = target.value
    await session.flush()
    return tender


def _may_move(user: User, tender: Tender, target: TenderStatus) -> None:
    check_permission(user, Permission.tenders_manage)
    check_transition(tender, target)


def tender_actions(user: User, tender: Tender) -> TenderActions:
    """What the caller may do with the tender now, by the rules above."""
    return TenderActions(
        edit=allowed(check_editable, user, tender),
        add_lot=allowed(check_lot_addable, user, tender),
        publish=allowed(_may_move, user, tender, TenderStatus.published),
        mark_awarded=allowed(_may_move, user, tender, TenderStatus.awarded),
        start_execution=allowed(_may_move, user, tender, TenderStatus.in_execution),
        close=allowed(_may_move, user, tender, TenderStatus.closed),
        cancel=allowed(_may_move, user, tender, TenderStatus.cancelled),
    )
