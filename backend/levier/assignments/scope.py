"""Who sees which assignments, applied inside the SQL, and the loaders routes use.

- a facilitator sees its structure's (the structure following the lot's tender);
- an enterprise those it employs or hosts;
- a referent those of the people it sees (its portfolio; a coordinator, its network's).
Nobody else: an assignment names a person. Loaders check the permission first (403), load in
scope (404) and If-Match on writes.
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
from levier.participants.models import Participant
from levier.participants.scope import Scope, caller_scope, scoped_loader


def readable(statement: Any, scope: Scope) -> Any:
    """`statement` (a select of assignments) limited to those the caller may read."""
    user = scope.user
    if user.role == Role.facilitator:
        return statement.where(col(Assignment.structure_id) == user.organisation_id)
    if user.role == Role.enterprise:
        return statement.where(
            or_(
                col(Assignment.employer_id) == user.organisation_id,
                col(Assignment.host_id) == user.organisation_id,
            )
        )
    if user.role == Role.referent:
        people = select(col(Participant.id)).where(scope.condition())
        return statement.where(col(Assignment.participant_id).in_(people))
    return statement.where(false())


def assignment_options() -> list[Any]:
    """An assignment with the person's name, the lot, the host, the employer, the exception."""
    return [
        joinedload(Assignment.participant),  # type: ignore[arg-type]
        joinedload(Assignment.lot),  # type: ignore[arg-type]
        joinedload(Assignment.host),  # type: ignore[arg-type]
        joinedload(Assignment.employer),  # type: ignore[arg-type]
        joinedload(Assignment.exception),  # type: ignore[arg-type]
    ]


async def get_assignment(
    session: AsyncSession, scope: Scope, assignment_id: uuid.UUID, *, refresh: bool = False
) -> Assignment:
    """An assignment in the caller's scope, or 404."""
    statement = readable(select(Assignment).where(col(Assignment.id) == assignment_id), scope)
    statement = statement.options(*assignment_options())
    if refresh:
        statement = statement.execution_options(populate_existing=True)
    assignment = (await session.execute(statement)).scalar_one_or_none()
    if assignment is None:
        raise NotFound()
    return assignment


@dataclass(frozen=True)
class AssignmentInScope:
    scope: Scope
    assignment: Assignment


def assignment_loader(permission: Permission, *, write: bool = False) -> Any:
    """A dependency: the path's assignment, for a caller with `permission`."""
    return scoped_loader(
        permission, "assignment_id", get_assignment, AssignmentInScope, write=write
    )


AssignmentToRead = Annotated[
    AssignmentInScope, Depends(assignment_loader(Permission.assignments_read))
]
AssignmentToChange = Annotated[
    AssignmentInScope, Depends(assignment_loader(Permission.assignments_manage, write=True))
]
AssignmentReader = Annotated[Scope, Depends(caller_scope(Permission.assignments_read))]
AssignmentRecorder = Annotated[Scope, Depends(caller_scope(Permission.assignments_record))]
