"""Who sees which compliance figures, applied inside the SQL, and the caller dependencies routes
use (domain clauses.md §4).

- the lots: those the caller reads as lots (tenders' scope: admins every lot, facilitators
  their structure's, buyers their tenders', enterprises the lots they won), and of those the
  clause lots only (`queries.compliance_lots`);
- an operation as such: admins and facilitators (their structure's), not buyers nor
  enterprises, who see its lots only;
- the people's profile on a lot: the structure's facilitator only;
- the poolings: the structure's (every structure's for an admin).
Out of scope is 404; the permission is checked first (403).
"""

# No `from __future__ import annotations`: FastAPI reads the dependencies' annotations.
import uuid
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.auth.dependencies import require
from levier.auth.permissions import Permission, Role
from levier.compliance.models import Pooling
from levier.tenders.models import Operation, Tender
from levier.tenders.scope import (
    OperationInScope,
    lots_readable,
    operation_loader,
    operations_readable,
    sees_everything,
    tenders_readable,
)
from levier.users.models import User


def readable(statement: Any, user: User) -> Any:
    """`statement` (a select of lots joined to their tender) limited to the lots whose
    compliance the caller may read."""
    return lots_readable(statement, user)


def poolings_readable(statement: Any, user: User) -> Any:
    """`statement` (a select of poolings) limited to the caller's structure's."""
    if sees_everything(user):
        return statement
    return statement.where(col(Pooling.structure_id) == user.organisation_id)


def sees_profile(user: User) -> bool:
    """Whether the caller sees the profile of a lot's people (its share of women, of QPV
    residents, of under 26 and over 50): the structure's facilitator, who follows them."""
    return user.role == Role.facilitator


def reads_operations(user: User) -> bool:
    """Buyers and enterprises read no operation as such (only its lots, in their scope)."""
    return user.role in (Role.admin, Role.facilitator)


async def get_operation(
    session: AsyncSession, user: User, operation_id: uuid.UUID
) -> Operation | None:
    """The operation, when the caller reads operations and this one is in its scope."""
    if not reads_operations(user):
        return None
    statement = operations_readable(
        select(Operation).where(col(Operation.id) == operation_id), user
    )
    return (await session.execute(statement)).scalar_one_or_none()


async def reads_tender(session: AsyncSession, user: User, tender_id: uuid.UUID) -> bool:
    """Whether the tender is in the caller's scope (a tender level with no lot in scope)."""
    statement = tenders_readable(select(col(Tender.id)).where(col(Tender.id) == tender_id), user)
    return (await session.execute(statement)).first() is not None


ComplianceReader = Annotated[User, Depends(require(Permission.compliance_read))]
PoolingManager = Annotated[User, Depends(require(Permission.compliance_manage))]
OperationToPool = Annotated[
    OperationInScope, Depends(operation_loader(Permission.compliance_manage))
]
