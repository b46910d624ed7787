"""A lot's compliance: required, validated and pending hours, people, status."""

from __future__ import annotations

from datetime import date

from levier.compliance import service
from levier.compliance.schemas import LotCompliance
from levier.core.db import SessionDep
from levier.core.routing import DomainRouter
from levier.tenders.scope import LotToRead

router = DomainRouter(prefix="/tenders", tags=["compliance"])


@router.get("/{tender_id}/lots/{lot_id}/compliance", response_model=LotCompliance)
async def lot_compliance(
    session: SessionDep, target: LotToRead, on: date | None = None
) -> LotCompliance:
    """Where the lot's clause stands on a day (today by default)."""
    assert target.lot is not None  # a lot route's loader loads the lot
    return await service.lot_compliance(session, target.user, target.tender, target.lot, on)
