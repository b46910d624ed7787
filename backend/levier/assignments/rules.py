"""Who records and ends assignments, and the actions a read offers: the same functions."""

from __future__ import annotations

from levier.assignments.models import Assignment
from levier.assignments.schemas import AssignmentActions
from levier.auth.permissions import Permission, Role, check_permission
from levier.core.actions import allowed
from levier.core.errors import Conflict, Forbidden
from levier.participants.scope import Scope


def check_recorder(scope: Scope) -> None:
    """An assignment is recorded directly by a facilitator (enterprises hire from offers)."""
    check_permission(scope.user.role, Permission.assignments_record)


def check_endable(scope: Scope, assignment: Assignment) -> None:
    """The structure's facilitator, or the employer of record (the host when there is none),
    ends an assignment still running."""
    user = scope.user
    check_permission(user.role, Permission.assignments_manage)
    employer = assignment.employer_id or assignment.host_id
    if user.role == Role.enterprise and employer != user.organisation_id:
        raise Forbidden()
    if assignment.ended_on is not None:
        raise Conflict("assignment_ended", ended_on=assignment.ended_on)


def assignment_actions(scope: Scope, assignment: Assignment) -> AssignmentActions:
    """What the caller may do with the assignment now."""
    return AssignmentActions(end=allowed(check_endable, scope, assignment))
