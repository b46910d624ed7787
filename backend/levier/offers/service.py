"""Opening, changing and listing job offers (rules in `rules`, scope in `scope`)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.auth.permissions import Role
from levier.core import clock
from levier.core.errors import DomainError, FieldChecks, FieldInvalid, NotFound
from levier.core.pagination import PageParams, paginate
from levier.offers import rules
from levier.offers.constants import OfferStatus
from levier.offers.models import Offer
from levier.offers.schemas import (
    OfferCreate,
    OfferFormOptions,
    OfferUpdate,
    OrganisationRef,
)
from levier.offers.scope import offer_options, readable
from levier.organisations import service as organisations_service
from levier.organisations.models import Organisation
from levier.reference import rome
from levier.tenders import scope as tenders_scope
from levier.tenders.models import Lot, Tender
from levier.territories.models import Territory, TerritoryLevel
from levier.users.models import User


def employers(lot: Lot) -> list[Organisation]:
    """Who may employ on a lot: its awardees (mandatary first), then declared subcontractors."""
    if lot.award is None:
        return []
    members = sorted(lot.award.members, key=lambda m: not m.is_mandatary)
    return [m.enterprise for m in members] + [s.enterprise for s in lot.award.subcontractors]


async def _lot(session: AsyncSession, user: User, lot_id: uuid.UUID) -> tuple[Tender, Lot]:
    """The lot in the caller's scope (the tenders' rule), or a 422 on `lot_id`."""
    tender_id = (
        await session.execute(select(col(Lot.tender_id)).where(col(Lot.id) == lot_id))
    ).scalar_one_or_none()
    try:
        if tender_id is None:
            raise NotFound()
        tender = await tenders_scope.get_tender(session, user, tender_id)
        return tender, tenders_scope.get_lot(user, tender, lot_id)
    except NotFound:
        raise FieldInvalid("lot_id", "offer_lot_unknown") from None


async def _commune(session: AsyncSession, code: str) -> Territory | None:
    return await session.get(Territory, (TerritoryLevel.commune.value, code))


def _check_start(checks: FieldChecks, start: date) -> None:
    if start < clock.today():
        checks.add(FieldInvalid("start_date", "offer_start_in_past"))


def _place(offer: Offer, commune: Territory) -> None:
    offer.commune_code = commune.code
    offer.commune_name = commune.name
    offer.department_code = commune.department_code
    offer.region_code = commune.region_code


async def _employer(
    session: AsyncSession, user: User, data: OfferCreate, checks: FieldChecks
) -> tuple[uuid.UUID | None, uuid.UUID | None, uuid.UUID | None]:
    """The offer's (structure, tender, enterprise), or the failures added to `checks`."""
    if data.lot_id is None:
        if user.role != Role.facilitator:
            checks.add(FieldInvalid("lot_id", "offer_lot_required"))
            return None, None, None
        if data.enterprise_id is None:
            checks.add(FieldInvalid("enterprise_id", "field_required"))
            return None, None, None
        try:
            enterprise = await organisations_service.get(session, data.enterprise_id)
        except DomainError:
            enterprise = None
        if enterprise is None or enterprise.kind != "enterprise" or not enterprise.active:
            checks.add(FieldInvalid("enterprise_id", "not_an_enterprise"))
            return None, None, None
        return user.organisation_id, None, enterprise.id
    tender, lot = await _lot(session, user, data.lot_id)
    if lot.award is None:
        checks.add(FieldInvalid("lot_id", "offer_lot_not_awarded"))
        return None, None, None
    allowed = [e.id for e in employers(lot)]
    wanted = data.enterprise_id
    if user.role == Role.enterprise:
        wanted = wanted or user.organisation_id
        if wanted != user.organisation_id:
            checks.add(FieldInvalid("enterprise_id", "offer_enterprise_not_on_lot"))
            return None, None, None
    wanted = wanted or allowed[0]
    if wanted not in allowed:
        checks.add(FieldInvalid("enterprise_id", "offer_enterprise_not_on_lot"))
        return None, None, None
    return tender.structure_id, tender.id, wanted


async def create_offer(session: AsyncSession, user: User, data: OfferCreate) -> Offer:
    """Open an offer; every failed rule is reported at once, nothing is written."""
    rules.check_writer(user)
    checks = FieldChecks()
    structure_id, tender_id, enterprise_id = await _employer(session, user, data, checks)
    commune = await _commune(session, data.commune_code)
    if commune is None:
        checks.add(FieldInvalid("commune_code", "insee_code_invalid", insee_code=data.commune_code))
    _check_start(checks, data.start_date)
    checks.raise_if_any()
    assert structure_id is not None and enterprise_id is not None and commune is not None
    offer = Offer(
        structure_id=structure_id,
        enterprise_id=enterprise_id,
        tender_id=tender_id,
        lot_id=data.lot_id,
        rome_code=data.rome_code,
        title=data.title or rome.describe(data.rome_code) or data.rome_code,
        description=data.description,
        start_date=data.start_date,
        duration_months=data.duration_months,
        hours_per_week=data.hours_per_week,
        posts=data.posts,
        contract_kind=data.contract_kind,
        status=OfferStatus.open,
        created_by_id=user.id,
        commune_code=commune.code,
        commune_name=commune.name,
    )
    _place(offer, commune)
    session.add(offer)
    await session.flush()
    return await reload(session, user, offer.id)


async def reload(session: AsyncSession, user: User, offer_id: uuid.UUID) -> Offer:
    """The offer as read (employer and lot loaded), after a write."""
    statement = select(Offer).where(col(Offer.id) == offer_id).options(*offer_options())
    return (await session.execute(statement.execution_options(populate_existing=True))).scalar_one()


async def update_offer(session: AsyncSession, user: User, offer: Offer, data: OfferUpdate) -> Offer:
    """Change an open offer; every failed rule is reported at once."""
    rules.check_editable(user, offer)
    changes = data.model_dump(exclude_unset=True)
    checks = FieldChecks()
    for field, value in changes.items():
        if value is None:  # every field of an offer has a value: null is no change but an error
            checks.add(FieldInvalid(field, "field_required"))
    commune = None
    if changes.get("commune_code") and changes["commune_code"] != offer.commune_code:
        commune = await _commune(session, changes["commune_code"])
        if commune is None:
            code = changes["commune_code"]
            checks.add(FieldInvalid("commune_code", "insee_code_invalid", insee_code=code))
    if changes.get("start_date") and changes["start_date"] != offer.start_date:
        _check_start(checks, changes["start_date"])
    checks.raise_if_any()
    changes.pop("commune_code", None)
    if "title" in changes and not changes["title"]:
        changes["title"] = rome.describe(changes.get("rome_code") or offer.rome_code)
    for field, value in changes.items():
        setattr(offer, field, value)
    if commune is not None:
        _place(offer, commune)
    await session.flush()
    return await reload(session, user, offer.id)


async def change_status(
    session: AsyncSession, user: User, offer: Offer, target: OfferStatus
) -> Offer:
    """Fill, close or reopen an offer."""
    rules.check_transition(user, offer, target)
    offer.status = target
    await session.flush()
    return await reload(session, user, offer.id)


async def list_offers(
    session: AsyncSession, user: User, params: PageParams, filters: dict[str, Any]
) -> tuple[list[Offer], str | None]:
    """Offers in the caller's scope matching the filters, soonest start first."""
    statement = readable(select(Offer), user).options(*offer_options())
    if filters.get("rome"):
        statement = statement.where(col(Offer.rome_code).startswith(filters["rome"].upper()))
    if filters.get("commune"):
        statement = statement.where(col(Offer.commune_code) == filters["commune"])
    if filters.get("start_from"):
        statement = statement.where(col(Offer.start_date) >= filters["start_from"])
    if filters.get("start_to"):
        statement = statement.where(col(Offer.start_date) <= filters["start_to"])
    if filters.get("status"):
        statement = statement.where(col(Offer.status) == filters["status"])
    for name in ("lot_id", "enterprise_id"):
        if filters.get(name):
            statement = statement.where(getattr(Offer, name) == filters[name])
    return await paginate(
        session,
        statement,
        params,
        [col(Offer.start_date), col(Offer.id)],
        key=lambda offer: [offer.start_date, offer.id],
    )


async def form_options(
    session: AsyncSession, user: User, lot_id: uuid.UUID | None
) -> OfferFormOptions:
    """Whether the caller may open an offer (on the lot) and for which employers: the rules
    `create_offer` checks."""
    try:
        rules.check_writer(user)
    except DomainError:
        return OfferFormOptions(create=False, enterprises=[])
    if lot_id is None:
        return OfferFormOptions(create=user.role == Role.facilitator, enterprises=[])
    try:
        _tender, lot = await _lot(session, user, lot_id)
    except DomainError:
        return OfferFormOptions(create=False, enterprises=[])
    found = employers(lot)
    if user.role == Role.enterprise:
        found = [e for e in found if e.id == user.organisation_id]
    refs = [OrganisationRef(id=e.id, name=e.name) for e in found]
    return OfferFormOptions(create=bool(refs), enterprises=refs)
