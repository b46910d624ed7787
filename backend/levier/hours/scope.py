"""Who sees which declarations, applied inside the SQL, and the loaders routes use.

- a facilitator sees its structure's;
- an enterprise those it declares (employer of record) and those of the assignments it
  hosts (its clause's hours);
- a referent those of the people it sees.
Loaders check the permission first (403), load in scope (404) and If-Match on writes.
"""

# No `from __future__ import annotations`: FastAPI reads the loaders' annotations.
import uuid
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import false, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload
from sqlmodel import col

from levier.assignments.models import Assignment
from levier.auth.permissions import Permission, Role
from levier.core.errors import NotFound
from levier.hours.models import HoursDeclaration
from levier.participants.models import Participant
from levier.participants.scope import Scope, caller_scope, scoped_loader


def readable(statement: Any, scope: Scope) -> Any:
    """`statement` (a select of declarations) limited to those the caller may read."""
    user = scope.user
    if user.role == Role.facilitator:
        return statement.where(col(HoursDeclaration.structure_id) == user.organisation_id)
    if user.role == Role.enterprise:
        hosted = select(col(Assignment.id)).where(col(Assignment.host_id) == user.organisation_id)
        return statement.where(
            or_(
                col(HoursDeclaration.employer_id) == user.organisation_id,
                col(HoursDeclaration.assignment_id).in_(hosted),
            )
        )
    if user.role == Role.referent:
        people = select(col(Participant.id)).where(scope.condition())
        return statement.where(col(HoursDeclaration.participant_id).in_(people))
    return statement.where(false())


def hours_options() -> list[Any]:
    """A declaration with its assignment's person, lot and employer."""
    assignment = joinedload(HoursDeclaration.assignment)  # type: ignore[arg-type]
    return [
        assignment.joinedload(Assignment.participant),  # type: ignore[arg-type]
        assignment.joinedload(Assignment.lot),  # type: ignore[arg-type]
        assignment.joinedload(Assignment.host),  # type: ignore[arg-type]
        assignment.joinedload(Assignment.employer),  # type: ignore[arg-type]
    ]


async def get_declaration(
    session: AsyncSession, scope: Scope, declaration_id: uuid.UUID, *, refresh: bool = False
) -> HoursDeclaration:
    """A declaration in the caller's scope, or 404."""
    statement = readable(
        select(HoursDeclaration).where(col(HoursDeclaration.id) == declaration_id), scope
    ).options(*hours_options())
    if refresh:
        statement = statement.execution_options(populate_existing=True)
    declaration = (await session.execute(statement)).scalar_one_or_none()
    if declaration is None:
        raise NotFound()
    return declaration


@dataclass(frozen=True)
class HoursInScope:
    scope: Scope
    declaration: HoursDeclaration


def hours_loader(permission: Permission, *, write: bool = False) -> Any:
    """A dependency: the path's declaration, for a caller with `permission`."""
    return scoped_loader(permission, "declaration_id", get_declaration, HoursInScope, write=write)


HoursToRead = Annotated[HoursInScope, Depends(hours_loader(Permission.hours_read))]
HoursToCorrect = Annotated[
    HoursInScope, Depends(hours_loader(Permission.hours_declare, write=True))
]
HoursToDecide = Annotated[
    HoursInScope, Depends(hours_loader(Permission.hours_validate, write=True))
]
HoursReader = Annotated[Scope, Depends(caller_scope(Permission.hours_read))]
HoursDeclarer = Annotated[Scope, Depends(caller_scope(Permission.hours_declare))]
HoursValidator = Annotated[Scope, Depends(caller_scope(Permission.hours_validate))]
