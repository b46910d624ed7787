"""Organisation rules: SIRET where it applies, territory by INSEE codes, scope."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload
from sqlmodel import col

from levier.core.audit.recorder import add_changes
from levier.core.errors import Conflict, FieldInvalid, NotFound
from levier.core.models import utcnow
from levier.core.pagination import PageParams, paginate
from levier.core.text import fold, like_contains
from levier.organisations.constants import (
    PORTFOLIO_KINDS,
    SIRET_REQUIRED_KINDS,
    EnterpriseKind,
    OrganisationKind,
)
from levier.organisations.models import Organisation, OrganisationTerritory
from levier.organisations.schemas import OrganisationCreate, OrganisationUpdate
from levier.organisations.scope import readable
from levier.territories import service as territories_service
from levier.territories.schemas import TerritoryRef


def _with_territory() -> list[Any]:
    return [
        selectinload(Organisation.territory),  # type: ignore[arg-type]
        # Many-to-one in the same statement: a page costs the same whether or not its
        # organisations name a coordinator.
        joinedload(Organisation.coordinator),  # type: ignore[arg-type]
    ]


async def get(session: AsyncSession, organisation_id: uuid.UUID) -> Organisation:
    """An organisation with its territory, or 404."""
    organisation = (
        await session.execute(
            select(Organisation)
            .where(col(Organisation.id) == organisation_id)
            .options(*_with_territory())
        )
    ).scalar_one_or_none()
    if organisation is None:
        raise NotFound("organisation_not_found")
    return organisation


async def list_page(
    session: AsyncSession,
    params: PageParams,
    query: str | None = None,
    kind: OrganisationKind | None = None,
    active: bool | None = None,
    enterprise_kinds: Collection[EnterpriseKind] | None = None,
) -> tuple[list[Organisation], str | None]:
    """Organisations in name order, filtered by text (name or SIRET), kind, active flag and
    enterprise kinds."""
    statement = readable(select(Organisation).options(*_with_territory()), None)
    if query:
        text = query.strip()
        if text.replace(" ", "").isdigit():
            statement = statement.where(col(Organisation.siret).startswith(text.replace(" ", "")))
        else:
            statement = statement.where(
                col(Organisation.search_name).like(like_contains(text), escape="\\")
            )
    if kind is not None:
        statement = statement.where(col(Organisation.kind) == kind.value)
    if active is not None:
        statement = statement.where(col(Organisation.active) == active)
    if enterprise_kinds is not None:
        statement = statement.where(
            col(Organisation.enterprise_kind).in_([k.value for k in enterprise_kinds])
        )
    return await paginate(
        session,
        statement,
        params,
        [col(Organisation.search_name), col(Organisation.id)],
        key=lambda o: [o.search_name, o.id],
    )


async def _check_siret(
    session: AsyncSession, kind: str, siret: str | None, exclude_id: uuid.UUID | None = None
) -> None:
    if siret is None:
        if kind in SIRET_REQUIRED_KINDS:
            raise FieldInvalid("siret", "field_required")
        return
    statement = select(col(Organisation.id)).where(col(Organisation.siret) == siret)
    if exclude_id is not None:
        statement = statement.where(col(Organisation.id) != exclude_id)
    if (await session.execute(statement)).first() is not None:
        raise Conflict("siret_taken", field="siret")


async def _territory_rows(
    session: AsyncSession, refs: Sequence[TerritoryRef]
) -> list[OrganisationTerritory]:
    territories = await territories_service.resolve(session, refs)
    return [
        OrganisationTerritory(level=t.level, code=t.code, name=t.name, position=index)
        for index, t in enumerate(territories)
    ]


def _enterprise_kind(kind: str, enterprise_kind: EnterpriseKind | None) -> str | None:
    if kind != OrganisationKind.enterprise:
        if enterprise_kind is not None:
            raise FieldInvalid("enterprise_kind", "enterprise_kind_not_applicable")
        return None
    return (enterprise_kind or EnterpriseKind.ordinary).value


COORDINATOR_KINDS = frozenset({OrganisationKind.facilitation_structure, OrganisationKind.network})


async def _coordinator(
    session: AsyncSession, coordinator_id: uuid.UUID | None, organisation_id: uuid.UUID | None
) -> Organisation | None:
    if coordinator_id is None:
        return None
    coordinator = await session.get(Organisation, coordinator_id)
    if coordinator is None or coordinator_id == organisation_id:
        raise FieldInvalid("coordinator_id", "organisation_not_found")
    if coordinator.kind not in COORDINATOR_KINDS or not coordinator.active:
        raise FieldInvalid("coordinator_id", "not_a_coordinator")
    return coordinator


def _check_retention(kind: str, months: int | None) -> None:
    """Only organisations that own participants' records (controllers) set their retention."""
    if months is not None and kind not in PORTFOLIO_KINDS:
        raise FieldInvalid("retention_months", "field_not_applicable")


async def create(session: AsyncSession, data: OrganisationCreate) -> Organisation:
    """Create an organisation after checking its SIRET and territory."""
    await _check_siret(session, data.kind.value, data.siret)
    coordinator = await _coordinator(session, data.coordinator_id, None)
    enterprise_kind = _enterprise_kind(data.kind.value, data.enterprise_kind)
    _check_retention(data.kind.value, data.retention_months)
    organisation = Organisation(
        name=data.name,
        search_name=fold(data.name),
        kind=data.kind.value,
        siret=data.siret,
        active=data.active,
        enterprise_kind=enterprise_kind,
        ess=data.ess,
        coordinator=coordinator,
        retention_months=data.retention_months,
        territory=await _territory_rows(session, data.territory),
    )
    session.add(organisation)
    await session.flush()
    return organisation


async def update(
    session: AsyncSession, organisation: Organisation, data: OrganisationUpdate
) -> Organisation:
    """Apply the sent fields to an organisation (the caller checked If-Match)."""
    sent = data.model_dump(exclude_unset=True)
    # The territory goes first: replacing rows needs its own flush, before any column changes,
    # so the whole update is recorded as one audit entry.
    if data.territory is not None:
        before = [f"{t.level}:{t.code}" for t in organisation.territory]
        rows = await _territory_rows(session, data.territory)
        after = [f"{t.level}:{t.code}" for t in rows]
        if before != after:
            organisation.territory.clear()
            await session.flush()
            organisation.territory.extend(rows)
            organisation.updated_at = utcnow()
            add_changes(session, organisation, {"territory": [before, after]})
    kind = sent.get("kind", organisation.kind)
    siret = sent.get("siret", organisation.siret)
    if "kind" in sent or "siret" in sent:
        await _check_siret(session, str(kind), siret, exclude_id=organisation.id)
    if "kind" in sent or "enterprise_kind" in sent:
        organisation.enterprise_kind = _enterprise_kind(
            str(kind),
            data.enterprise_kind
            if "enterprise_kind" in sent
            else (
                EnterpriseKind(organisation.enterprise_kind)
                if organisation.enterprise_kind
                else None
            ),
        )
    if data.ess is not None:
        organisation.ess = data.ess
    if "coordinator_id" in sent:
        organisation.coordinator = await _coordinator(session, data.coordinator_id, organisation.id)
    if "kind" in sent or "retention_months" in sent:
        retention_months = sent.get("retention_months", organisation.retention_months)
        _check_retention(str(kind), retention_months)
        organisation.retention_months = retention_months
    if "name" in sent:
        organisation.name = data.name or organisation.name
        organisation.search_name = fold(organisation.name)
    if "kind" in sent and data.kind is not None:
        organisation.kind = data.kind.value
    if "siret" in sent:
        organisation.siret = data.siret
    if "active" in sent and data.active is not None:
        organisation.active = data.active
    await session.flush()
    return organisation


async def active_structures(session: AsyncSession, limit: int = 500) -> list[Organisation]:
    """Active facilitation structures by name (what tenders and participants are referred to)."""
    rows = await session.execute(
        select(Organisation)
        .where(
            col(Organisation.kind) == OrganisationKind.facilitation_structure.value,
            col(Organisation.active).is_(True),
        )
        .order_by(col(Organisation.search_name))
        .limit(limit)
    )
    return list(rows.scalars())
