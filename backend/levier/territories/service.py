"""Territory look-ups and INSEE code validation."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import case, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.core.errors import FieldInvalid
from levier.core.pagination import PageParams, paginate
from levier.core.text import fold, like_contains, like_prefix
from levier.territories.models import Territory, TerritoryLevel
from levier.territories.schemas import TerritoryRef

_LEVEL_RANK = case(
    (col(Territory.level) == TerritoryLevel.region, 0),
    (col(Territory.level) == TerritoryLevel.department, 1),
    else_=2,
)


async def list_level(
    session: AsyncSession, level: TerritoryLevel, region_code: str | None = None
) -> Sequence[Territory]:
    """All regions, or all departments (optionally of one region)."""
    statement = select(Territory).where(col(Territory.level) == level)
    if region_code:
        statement = statement.where(col(Territory.region_code) == region_code)
    return (await session.execute(statement.order_by(col(Territory.code)))).scalars().all()


async def list_communes(
    session: AsyncSession, params: PageParams, query: str | None, department_code: str | None
) -> tuple[list[Territory], str | None]:
    """Communes by name or code prefix, optionally in one department, in code order."""
    statement = select(Territory).where(col(Territory.level) == TerritoryLevel.commune)
    if department_code:
        statement = statement.where(col(Territory.department_code) == department_code)
    if query:
        text = query.strip()
        statement = statement.where(
            or_(
                col(Territory.search_name).like(like_prefix(text), escape="\\"),
                col(Territory.code).startswith(text),
                col(Territory.postal_codes).contains(text),
            )
        )
    return await paginate(session, statement, params, [col(Territory.code)], key=lambda t: [t.code])


async def search(session: AsyncSession, query: str, limit: int) -> Sequence[Territory]:
    """Regions, departments and communes whose name contains the words or whose code starts so."""
    text = query.strip()
    pattern = like_prefix(text) if len(text) < 3 else like_contains(text)
    name_match = col(Territory.search_name).like(pattern, escape="\\")
    folded = fold(text)
    closeness = case(
        (or_(col(Territory.code) == text, col(Territory.search_name) == folded), 0),
        (col(Territory.search_name).like(like_prefix(text), escape="\\"), 1),
        else_=2,
    )
    statement = (
        select(Territory)
        .where(or_(name_match, col(Territory.code).startswith(text)))
        .order_by(closeness, _LEVEL_RANK, col(Territory.search_name), col(Territory.code))
        .limit(limit)
    )
    return (await session.execute(statement)).scalars().all()


async def resolve_one(session: AsyncSession, ref: TerritoryRef, field: str) -> Territory:
    """The territory of one reference, or a 422 on `{field}.code`."""
    try:
        [territory] = await resolve(session, [ref], field)
    except FieldInvalid:
        raise FieldInvalid(f"{field}.code", "insee_code_invalid", insee_code=ref.code) from None
    return territory


async def resolve(
    session: AsyncSession, refs: Sequence[TerritoryRef], field: str = "territory"
) -> list[Territory]:
    """The territories of the references, or a 422 naming the first unknown one."""
    if not refs:
        return []
    wanted = {(ref.level.value, ref.code) for ref in refs}
    codes = {code for _level, code in wanted}
    rows = (
        (await session.execute(select(Territory).where(col(Territory.code).in_(codes))))
        .scalars()
        .all()
    )
    found = {(row.level, row.code): row for row in rows}
    resolved: list[Territory] = []
    for index, ref in enumerate(refs):
        territory = found.get((ref.level.value, ref.code))
        if territory is None:
            raise FieldInvalid(f"{field}.{index}.code", "insee_code_invalid", insee_code=ref.code)
        if territory not in resolved:
            resolved.append(territory)
    return resolved
