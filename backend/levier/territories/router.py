"""Reference data: regions, departments, communes (public)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from levier.core.db import SessionDep
from levier.core.pagination import Page, PageParams, page_params
from levier.core.routing import DomainRouter
from levier.territories import service
from levier.territories.models import TerritoryLevel
from levier.territories.schemas import TerritoryRead

router = DomainRouter(prefix="/territories", tags=["territories"])


@router.get("/regions", response_model=list[TerritoryRead])
async def list_regions(session: SessionDep) -> list[TerritoryRead]:
    """French regions."""
    rows = await service.list_level(session, TerritoryLevel.region)
    return [TerritoryRead.model_validate(row) for row in rows]


@router.get("/departments", response_model=list[TerritoryRead])
async def list_departments(
    session: SessionDep,
    region: Annotated[str | None, Query(max_length=3, description="Region INSEE code.")] = None,
) -> list[TerritoryRead]:
    """French departments, optionally of one region."""
    rows = await service.list_level(session, TerritoryLevel.department, region)
    return [TerritoryRead.model_validate(row) for row in rows]


@router.get("/communes", response_model=Page[TerritoryRead])
async def list_communes(
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[
        str | None, Query(max_length=100, description="Name, INSEE or postal code.")
    ] = None,
    department: Annotated[str | None, Query(max_length=3)] = None,
) -> Page[TerritoryRead]:
    """Communes (current, and municipal arrondissements) by name, code or department."""
    rows, next_cursor = await service.list_communes(session, page, q, department)
    return Page(items=[TerritoryRead.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get("/search", response_model=list[TerritoryRead])
async def search_territories(
    session: SessionDep,
    q: Annotated[str, Query(min_length=1, max_length=100)],
    limit: Annotated[int, Query(ge=1, le=50)] = 20,
) -> list[TerritoryRead]:
    """Regions, departments and communes matching a name or code, broadest first."""
    rows = await service.search(session, q, limit)
    return [TerritoryRead.model_validate(row) for row in rows]
