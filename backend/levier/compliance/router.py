"""Compliance: a lot's figures, the dashboard's table, roll-ups, series, and pooling."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Query, Response, status

from levier.compliance import pooling, rollups, service
from levier.compliance.constants import ComplianceStatus
from levier.compliance.rollups import Level
from levier.compliance.schemas import (
    ComplianceSeries,
    ComplianceSummary,
    LotCompliance,
    LotComplianceRow,
    PoolingRead,
)
from levier.compliance.scope import ComplianceReader, OperationToPool, PoolingManager
from levier.core.db import SessionDep
from levier.core.pagination import Page, PageParams, page_params
from levier.core.routing import DomainRouter
from levier.core.validation import ProcurementDate
from levier.tenders.scope import LotToRead

router = DomainRouter(prefix="/tenders", tags=["compliance"])
compliance_router = DomainRouter(prefix="/compliance", tags=["compliance"])
OnDay = Annotated[
    ProcurementDate | None, Query(description="The day the figures are for (today by default).")
]


@router.get("/{tender_id}/lots/{lot_id}/compliance", response_model=LotCompliance)
async def lot_compliance(session: SessionDep, target: LotToRead, on: OnDay = None) -> LotCompliance:
    """Where the lot's clause stands on a day (today by default)."""
    return await service.lot_compliance(session, target.user, target.tender, target.the_lot, on)


@compliance_router.get("/lots", response_model=Page[LotComplianceRow])
async def list_lot_compliance(
    session: SessionDep,
    user: ComplianceReader,
    page: Annotated[PageParams, Depends(page_params)],
    tender_id: uuid.UUID | None = None,
    awardee_id: uuid.UUID | None = None,
    buyer_id: uuid.UUID | None = None,
    operation_id: uuid.UUID | None = None,
    status: ComplianceStatus | None = None,
    on: OnDay = None,
) -> Page[LotComplianceRow]:
    """The caller's clause lots with where each stands (in tender order)."""
    filters = service.LotFilters(
        tender_id=tender_id, awardee_id=awardee_id, buyer_id=buyer_id, operation_id=operation_id
    )
    rows, next_cursor = await service.list_lots(session, user, page, filters, status, on)
    return Page(items=rows, next_cursor=next_cursor)


@compliance_router.get("/summary", response_model=ComplianceSummary)
async def compliance_summary(
    session: SessionDep,
    user: ComplianceReader,
    level: Level,
    id: uuid.UUID,
    on: OnDay = None,
) -> ComplianceSummary:
    """Totals and lots by status for a structure, operation, buyer, awardee or tender."""
    return await rollups.summary(session, user, level, id, on)


@compliance_router.get("/series", response_model=ComplianceSeries)
async def compliance_series(
    session: SessionDep,
    user: ComplianceReader,
    lot_id: uuid.UUID | None = None,
    operation_id: uuid.UUID | None = None,
    on: OnDay = None,
) -> ComplianceSeries:
    """Month by month for a lot or an operation: validated, counted and expected hours."""
    return await rollups.series(session, user, lot_id, operation_id, on)


@compliance_router.get("/poolings", response_model=Page[PoolingRead])
async def list_poolings(
    session: SessionDep,
    user: PoolingManager,
    page: Annotated[PageParams, Depends(page_params)],
    operation_id: uuid.UUID | None = None,
) -> Page[PoolingRead]:
    """The awardees whose hours pool across their lots of an operation."""
    rows, next_cursor = await pooling.list_poolings(session, user, page, operation_id)
    return Page(items=[pooling.pooling_read(p) for p in rows], next_cursor=next_cursor)


@compliance_router.put("/poolings/{operation_id}/{enterprise_id}", response_model=PoolingRead)
async def enable_pooling(
    session: SessionDep, target: OperationToPool, enterprise_id: uuid.UUID
) -> PoolingRead:
    """Let the awardee's hours beyond one lot's requirement count for its short lots."""
    enabled = await pooling.enable(session, target.user, target.operation, enterprise_id)
    return pooling.pooling_read(enabled)


@compliance_router.delete(
    "/poolings/{operation_id}/{enterprise_id}", status_code=status.HTTP_204_NO_CONTENT
)
async def disable_pooling(
    session: SessionDep, target: OperationToPool, enterprise_id: uuid.UUID
) -> Response:
    """Hours count only on their lot again."""
    await pooling.disable(session, target.operation, enterprise_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
