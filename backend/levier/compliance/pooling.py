"""Enabling and disabling pooling for an awardee within an operation (domain clauses.md §3).
The row's creation and deletion are the audit trail (the flush hook records both)."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload
from sqlmodel import col

from levier.compliance.models import Pooling
from levier.compliance.schemas import PoolingRead
from levier.compliance.scope import poolings_readable
from levier.core.errors import NotFound
from levier.core.pagination import PageParams, paginate
from levier.organisations.constants import OrganisationKind
from levier.organisations.models import Organisation
from levier.tenders.models import Operation
from levier.users.models import User


def pooling_read(pooling: Pooling) -> PoolingRead:
    return PoolingRead(
        id=pooling.id,
        operation_id=pooling.operation_id,
        enterprise_id=pooling.enterprise_id,
        enterprise_name=pooling.enterprise.name,
        enabled_by_id=pooling.enabled_by_id,
        enabled_at=pooling.created_at,
    )


async def _find(
    session: AsyncSession, operation_id: uuid.UUID, enterprise_id: uuid.UUID
) -> Pooling | None:
    statement = (
        select(Pooling)
        .where(
            col(Pooling.operation_id) == operation_id,
            col(Pooling.enterprise_id) == enterprise_id,
        )
        .options(joinedload(Pooling.enterprise))  # type: ignore[arg-type]
    )
    return (await session.execute(statement)).scalar_one_or_none()


async def enable(
    session: AsyncSession, user: User, operation: Operation, enterprise_id: uuid.UUID
) -> Pooling:
    """Pooling for the enterprise in the operation (already enabled: unchanged)."""
    existing = await _find(session, operation.id, enterprise_id)
    if existing is not None:
        return existing
    enterprise = await session.get(Organisation, enterprise_id)
    if enterprise is None or enterprise.kind != OrganisationKind.enterprise:
        raise NotFound()
    pooling = Pooling(
        structure_id=operation.structure_id,
        operation_id=operation.id,
        enterprise_id=enterprise_id,
        enabled_by_id=user.id,
    )
    session.add(pooling)
    await session.flush()
    found = await _find(session, operation.id, enterprise_id)
    assert found is not None
    return found


async def disable(session: AsyncSession, operation: Operation, enterprise_id: uuid.UUID) -> None:
    """Back to the default: the enterprise's hours count only on their lot (404 if not
    enabled)."""
    pooling = await _find(session, operation.id, enterprise_id)
    if pooling is None:
        raise NotFound()
    await session.delete(pooling)
    await session.flush()


async def list_poolings(
    session: AsyncSession, user: User, params: PageParams, operation_id: uuid.UUID | None
) -> tuple[list[Pooling], str | None]:
    """The poolings of the caller's structure (all for an admin), oldest first."""
    statement = poolings_readable(
        select(Pooling).options(joinedload(Pooling.enterprise)),  # type: ignore[arg-type]
        user,
    )
    if operation_id is not None:
        statement = statement.where(col(Pooling.operation_id) == operation_id)
    return await paginate(
        session,
        statement,
        params,
        [col(Pooling.created_at), col(Pooling.id)],
        key=lambda p: [p.created_at, p.id],
    )
