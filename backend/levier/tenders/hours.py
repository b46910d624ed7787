"""A lot's insertion hours, computed from its parameters and its structure's settings."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from levier.clauses import service as clauses_service
from levier.clauses.schemas import EstimateRequest
from levier.core.models import utcnow
from levier.tenders.constants import HOURS_KINDS
from levier.tenders.models import Lot


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
