"""Who sees which operations, tenders and lots, applied inside the SQL, and the loaders that
routes use: in scope or 404, with the permission checked first (403) and If-Match on writes.

- admins see everything; facilitators their structure's operations and tenders;
- buyers their own tenders; enterprises the tenders where they won a lot (as a member or a
  declared subcontractor), and of those only the lots they won.
"""

# No `from __future__ import annotations`: the loaders' parameters name their permission
# from the enclosing call, and FastAPI must read those annotations as objects, not strings.
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload
from sqlmodel import col

from levier.auth.dependencies import require
from levier.auth.loaders import path_loader
from levier.auth.permissions import Permission, Role
from levier.core.db import SessionDep
from levier.core.errors import NotFound
from levier.core.etag import check_if_match
from levier.tenders.models import AwardMember, Lot, LotAward, Operation, Subcontractor, Tender
from levier.users.models import User


def sees_everything(user: User) -> bool:
    return user.role == Role.admin


def operations_readable(statement: Any, user: User) -> Any:
    """`statement` (a select of operations) limited to the caller's structure."""
    if sees_everything(user):
        return statement
    return statement.where(col(Operation.structure_id) == user.organisation_id)


def _awarded_lot_ids(enterprise_id: uuid.UUID) -> Any:
    """Lots whose award names the enterprise as a member or a declared subcontractor."""
    members = select(col(AwardMember.award_id)).where(
        col(AwardMember.enterprise_id) == enterprise_id
    )
    subcontractors = select(col(Subcontractor.award_id)).where(
        col(Subcontractor.enterprise_id) == enterprise_id
    )
    return select(col(LotAward.lot_id)).where(col(LotAward.id).in_(members.union(subcontractors)))


def tenders_readable(statement: Any, user: User) -> Any:
    """`statement` (a select of tenders) limited to the tenders the caller may read."""
    if sees_everything(user):
        return statement
    if user.role == Role.buyer:
        return statement.where(col(Tender.buyer_id) == user.organisation_id)
    if user.role == Role.enterprise:
        awarded_tenders = select(col(Lot.tender_id)).where(
            col(Lot.id).in_(_awarded_lot_ids(user.organisation_id))
        )
        return statement.where(col(Tender.id).in_(awarded_tenders))
    return statement.where(col(Tender.structure_id) == user.organisation_id)


def lots_readable(statement: Any, user: User) -> Any:
    """`statement` (a select of lots joined to their tender) limited to the lots the caller
    may read: those of its readable tenders, and for an enterprise only the lots it won."""
    statement = tenders_readable(statement, user)
    if user.role == Role.enterprise:
        return statement.where(col(Lot.id).in_(_awarded_lot_ids(user.organisation_id)))
    return statement


def visible_lots(user: User, tender: Tender) -> list[Lot]:
    """The lots of an in-scope tender the caller may see: an enterprise only its own awards."""
    if user.role != Role.enterprise:
        return list(tender.lots)
    return [lot for lot in tender.lots if lot.award is not None and _names(lot.award, user)]


def _names(award: LotAward, user: User) -> bool:
    enterprises = {m.enterprise_id for m in award.members}
    enterprises |= {s.enterprise_id for s in award.subcontractors}
    return user.organisation_id in enterprises


def summary_options() -> list[Any]:
    """A tender's buyer and operation, in the tender's own statement."""
    return [
        joinedload(Tender.buyer),  # type: ignore[arg-type]
        joinedload(Tender.operation),  # type: ignore[arg-type]
    ]


def tender_options() -> list[Any]:
    """A tender with its buyer and operation (one statement), then its lots with everything
    a lot read shows (one more statement for all the lots): two in all, however many lots."""
    lots = selectinload(Tender.lots)  # type: ignore[arg-type]
    award = lots.joinedload(Lot.award)  # type: ignore[arg-type]
    return [
        *summary_options(),
        lots.joinedload(Lot.considerations),  # type: ignore[arg-type]
        lots.joinedload(Lot.amendments),  # type: ignore[arg-type]
        lots.joinedload(Lot.override_by),  # type: ignore[arg-type]
        award.joinedload(LotAward.members).joinedload(AwardMember.enterprise),  # type: ignore[arg-type]
        award.joinedload(LotAward.subcontractors).joinedload(Subcontractor.enterprise),  # type: ignore[arg-type]
    ]


async def get_operation(session: AsyncSession, user: User, operation_id: uuid.UUID) -> Operation:
    """An operation in the caller's scope, or 404."""
    statement = operations_readable(
        select(Operation).where(col(Operation.id) == operation_id), user
    )
    operation = (await session.execute(statement)).scalar_one_or_none()
    if operation is None:
        raise NotFound()
    return operation


async def get_tender(session: AsyncSession, user: User, tender_id: uuid.UUID) -> Tender:
    """A tender in the caller's scope with its lots, or 404."""
    statement = tenders_readable(select(Tender).where(col(Tender.id) == tender_id), user)
    tender = (await session.execute(statement.options(*tender_options()))).scalar_one_or_none()
    if tender is None:
        raise NotFound()
    return tender


def get_lot(user: User, tender: Tender, lot_id: uuid.UUID) -> Lot:
    """A lot of an in-scope tender the caller may see, or 404."""
    for lot in visible_lots(user, tender):
        if lot.id == lot_id:
            return lot
    raise NotFound()


@dataclass(frozen=True)
class InScope:
    """What a route acts on, loaded in the caller's scope: the caller and the tender, and
    the lot for lot routes."""

    user: User
    tender: Tender
    lot: Lot | None = None

    @property
    def the_lot(self) -> Lot:
        assert self.lot is not None
        return self.lot


@dataclass(frozen=True)
class OperationInScope:
    user: User
    operation: Operation


Loader = Callable[..., Awaitable[Any]]


def operation_loader(permission: Permission, *, write: bool = False) -> Loader:
    """A dependency: the path's operation, for a caller with `permission`."""
    return path_loader(permission, "operation_id", get_operation, OperationInScope, write=write)


def tender_loader(permission: Permission, *, write: bool = False) -> Loader:
    """A dependency: the path's tender (If-Match checked on it for writes)."""
    return path_loader(permission, "tender_id", get_tender, InScope, write=write)


def lot_loader(permission: Permission, *, write: bool = False) -> Loader:
    """A dependency: the path's lot and its tender (If-Match checked on the lot for writes)."""

    async def load(
        session: SessionDep,
        request: Request,
        tender_id: uuid.UUID,
        lot_id: uuid.UUID,
        user: Annotated[User, Depends(require(permission))],
    ) -> InScope:
        tender = await get_tender(session, user, tender_id)
        lot = get_lot(user, tender, lot_id)
        if write:
            check_if_match(request, lot)
        return InScope(user, tender, lot)

    return load


# The route parameters: the permission the route needs, and If-Match where it writes.
OperationToRead = Annotated[OperationInScope, Depends(operation_loader(Permission.operations_read))]
OperationToChange = Annotated[
    OperationInScope, Depends(operation_loader(Permission.operations_manage, write=True))
]
TenderToRead = Annotated[InScope, Depends(tender_loader(Permission.tenders_read))]
TenderToAddLotTo = Annotated[InScope, Depends(tender_loader(Permission.tenders_edit))]
TenderToChange = Annotated[InScope, Depends(tender_loader(Permission.tenders_edit, write=True))]
TenderToMove = Annotated[InScope, Depends(tender_loader(Permission.tenders_manage, write=True))]
LotToRead = Annotated[InScope, Depends(lot_loader(Permission.tenders_read))]
LotTrailToRead = Annotated[InScope, Depends(lot_loader(Permission.tenders_edit))]
LotToChange = Annotated[InScope, Depends(lot_loader(Permission.tenders_edit, write=True))]
LotToOverride = Annotated[InScope, Depends(lot_loader(Permission.clauses_override, write=True))]
LotToAward = Annotated[InScope, Depends(lot_loader(Permission.tenders_manage, write=True))]
