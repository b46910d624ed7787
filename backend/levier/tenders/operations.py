"""Operations (programmes such as an NPNRU project): their tenders roll up to a global target."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.core.errors import FieldInvalid
from levier.core.pagination import PageParams, paginate
from levier.core.text import fold, like_contains
from levier.tenders.constants import TenderStatus
from levier.tenders.models import Lot, Operation, Tender
from levier.tenders.schemas import OperationCreate, OperationUpdate
from levier.tenders.scope import operations_readable
from levier.users.models import User


async def list_operations(
    session: AsyncSession, user: User, params: PageParams, query: str | None
) -> tuple[list[Operation], str | None]:
    """Operations of the caller's structure by name."""
    statement = operations_readable(select(Operation), user)
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
        raise FieldInvalid("target_value", "out_of_range", gt=0, le=1)
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
    """Apply the sent fields (the loader checked If-Match)."""
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


def target_met_by(operation: Operation, hours: Decimal, labour_hours: int) -> bool | None:
    """Whether `hours` meet the operation's target: a number of hours, or a share of the
    hours of work its lots pay for (None without a target). The planning summary judges the
    required hours with it, the compliance roll-up the hours that count."""
    if operation.target_value is None:
        return None
    if operation.target_kind == "hours_share":
        return bool(labour_hours) and hours / Decimal(labour_hours) >= operation.target_value
    if operation.target_kind == "hours":
        return hours >= operation.target_value
    return None


async def operation_summary(session: AsyncSession, operation: Operation) -> dict[str, Any]:
    """Sum the operation's lots in SQL: required hours against the hours worked they pay for.
    A lot closed without an awardee (unsuccessful or abandoned) will not be worked: it is
    counted apart, and neither its hours nor its amount's hours of work are forecast."""
    required = Lot.required_hours
    open_lot = col(Lot.outcome).is_(None)
    row = (
        await session.execute(
            select(
                func.count(func.distinct(col(Tender.id))),
                func.count(col(Lot.id)).filter(open_lot),
                func.count(required).filter(open_lot),
                func.coalesce(func.sum(required).filter(open_lot), 0),
                func.coalesce(func.sum(col(Lot.labour_hours)).filter(open_lot), 0),
                func.count(col(Lot.id)).filter(col(Lot.outcome).is_not(None)),
            )
            .select_from(Tender)
            .join(Lot, col(Lot.tender_id) == col(Tender.id), isouter=True)
            .where(
                col(Tender.operation_id) == operation.id,
                col(Tender.status) != TenderStatus.cancelled.value,
            )
        )
    ).one()
    tenders, lots, with_clause, required_hours_total, labour_hours, closed = (int(v) for v in row)
    exact_share = Decimal(required_hours_total) / Decimal(labour_hours) if labour_hours else None
    # No lot yet: nothing to judge against the target (neither met nor missed).
    target_met = (
        target_met_by(operation, Decimal(required_hours_total), labour_hours) if lots else None
    )
    return {
        "tenders": tenders,
        "lots": lots,
        "lots_with_clause": with_clause,
        "lots_closed_without_award": closed,
        "required_hours": required_hours_total,
        "labour_hours": labour_hours,
        "hours_share": exact_share.quantize(Decimal("0.0001")) if exact_share is not None else None,
        "target_kind": operation.target_kind,
        "target_value": operation.target_value,
        "target_met": target_met,
    }
